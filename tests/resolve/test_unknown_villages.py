"""A village the gazetteer lacks, named as the event's place, is kept by name at the point of the
area the report or the story gives (ACLED's precision 2 for a province, 3 for the country), and
only when the text calls it a settlement. Real articles of the annotated corpus (train split,
eval/news/articles, test data) and short texts written for these tests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventledger.knowledge.gazetteer import geocode
from eventledger.pipeline import extract

ARTICLES = Path(__file__).resolve().parents[2] / "eval" / "news" / "articles"


def _corpus(name: str):
    meta = json.loads((ARTICLES / f"{name}.meta.json").read_text("utf-8"))
    return extract((ARTICLES / f"{name}.txt").read_bytes(), published=meta["published"], outlet=meta["outlet"])


def test_a_village_in_a_named_province_keeps_its_name_at_the_provinces_point():
    assert geocode("Sunke", ("NG",)) is None  # the gazetteer lacks the village
    text = ("Dozens of gunmen on motorcycles on Thursday stormed a military post in the remote village of Sunke "
            "in Zamfara state and killed 14 soldiers, security sources said.")
    [event] = [e for e in extract(text, published="2019-06-22").events if not e.background]
    place = event.location
    assert (place.name, place.feature, place.precision, place.country_code, place.admin1) == \
        ("Sunke", "unlocated", 2, "NG", "Zamfara")
    province = geocode("Zamfara", ("NG",))
    assert (place.lat, place.lon) == (province.lat, province.lon)
    assert text[place.evidence.start:place.evidence.end] == "Sunke"


def test_a_village_in_a_story_of_one_country_keeps_its_name_at_the_country_level():
    text = ("Gunmen killed at least 15 people in Zakuna village in northern Nigeria on Friday, police said. "
            "The gunmen stole cattle belonging to the villagers, the police spokesman said, adding that no "
            "arrest had been made in Nigeria's restive north.")
    events = [e for e in extract(text, published="2018-06-03").events if not e.background and e.location]
    assert events and events[0].location.name == "Zakuna"
    assert (events[0].location.precision, events[0].location.country_code) == (3, "NG")


@pytest.mark.parametrize("name, village", [
    # "the gunmen killed the people in Zakuna village"
    ("ng-zakuna-gunmen-2018-canindia", "Zakuna"),
    # "insurgents attacked the Koutougou military outpost, a commune in Soum province"
    ("bf-koutougou-outpost-toll-24-2019-journalducameroun", "Koutougou"),
])
def test_corpus_reports_of_villages_the_gazetteer_lacks_name_them(name, village):
    events = [e for e in _corpus(name).events if not e.background and e.location]
    assert any(e.location.name == village and e.location.feature == "unlocated" for e in events)


def test_a_name_the_text_does_not_call_a_settlement_is_no_place():
    # The parser may take a name for a place; unknown to the gazetteer and not called a village,
    # it is not put on the map ("in Fiona" is nobody's village).
    text = "Riot police fired tear gas at protesters near the campus on Sunday, Fiona Lee, a student, said."
    for event in extract(text, published="2019-11-18").events:
        assert event.location is None or event.location.name != "Fiona Lee"
