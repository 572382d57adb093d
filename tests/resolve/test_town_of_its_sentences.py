"""An event placed only at a country or province, whose own sentences name one town inside it,
is placed at that town; a sentence that says where an event already told took place ("The
attack was launched in the Semdinli district") places that event. Real articles of the annotated
corpus (train split, eval/news/articles: third-party text kept for testing) and short texts
written for these tests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventledger.pipeline import extract

ARTICLES = Path(__file__).resolve().parents[2] / "eval" / "news" / "articles"


def _corpus(name: str):
    meta = json.loads((ARTICLES / f"{name}.meta.json").read_text("utf-8"))
    return extract((ARTICLES / f"{name}.txt").read_bytes(), published=meta["published"], outlet=meta["outlet"])


def _reported(result):
    return [e for e in result.events if not e.background]


@pytest.mark.parametrize("name, town", [
    # "Police in Tbilisi have begun to intervene with protesters": the town names the scene, not the event word's place
    ("ge-tbilisi-parliament-water-cannon-newsaz", "Tbilisi"),
    # "... suicide bombers struck ... in Maiduguri, the capital of Borno state"
    ("ng-maiduguri-baga-market-suicide-bombers-2015-longwarjournal", "Maiduguri"),
    # "... a ballistic missile at the Saudi Arabian capital Riyadh"
    ("sa-riyadh-burkan-2-missile-claim-2017-topix", "Riyadh"),
    # "... gunmen ... kidnapped students ... in Kankara"
    ("ng-kankara-boarding-students-kidnapped-2020-vanguard", "Kankara"),
])
def test_the_one_town_its_sentences_name_places_an_event_placed_at_the_country(name, town):
    result = _corpus(name)
    event = _reported(result)[0]
    assert event.location.name == town and event.location.feature == "city"
    evidence = event.location.evidence
    assert result.article.text[evidence.start:evidence.end] == event.location.mention
    assert any(e.start <= evidence.start and evidence.end <= e.end for e in event.evidence)


def test_a_sentence_saying_where_the_attack_took_place_places_it():
    result = _corpus("tr-semdinli-outpost-pkk-clash-2016-reuters")
    event = _reported(result)[0]
    assert event.location.name == "Şemdinli"
    said = result.article.text[event.location.evidence.start:event.location.evidence.end]
    assert said == "Semdinli district"
    # the sentence that says where is the event's evidence too
    assert any("was launched in the Semdinli district" in result.article.text[e.start:e.end] for e in event.evidence)


def test_two_towns_in_its_sentences_leave_the_event_at_the_country():
    text = ("Gunmen attacked travellers on a highway in northern Nigeria on Sunday, killing 12 people, as "
            "residents of Kaduna and Abuja fled the area.")
    [event] = _reported(extract(text, published="2021-03-01"))
    assert event.location.name == "Nigeria"


def test_where_it_was_said_does_not_place_the_event():
    text = "Gunmen attacked travellers on a highway in northern Nigeria on Sunday, killing 12 people, police in Kaduna said."
    [event] = _reported(extract(text, published="2021-03-01"))
    assert event.location.name == "Nigeria"


def test_one_town_in_its_sentence_places_an_event_told_of_the_country():
    text = ("Gunmen attacked travellers on a highway in northern Nigeria on Sunday, killing 12 people, as residents of "
            "Kaduna watched in horror.")
    [event] = _reported(extract(text, published="2021-03-01"))
    assert event.location.name == "Kaduna"


def test_a_town_in_another_country_does_not_move_the_event():
    text = ("Militants killed nine soldiers in an ambush in northern Mali on Tuesday, an official in Niamey said.")
    [event] = _reported(extract(text, published="2021-03-01"))
    assert event.location is not None and event.location.country_code == "ML"


def test_a_new_attack_launched_is_not_a_sentence_about_one_told():
    text = ("Militants launched an attack on an army base in Borno state on Monday, killing four soldiers, the army said. "
            "Later, militants launched another attack in Damboa, killing two civilians.")
    events = _reported(extract(text, published="2021-03-01"))
    assert len(events) == 2


def test_where_people_fled_to_does_not_place_the_event():
    text = ("Soldiers shot dead two men in the north of the Central African Republic on Friday, the UN mission said. "
            "About 2,500 villagers fled and sought shelter at the Catholic mission in Bossangoa during the operation, it said.")
    events = _reported(extract(text, published="2025-12-10"))
    assert events and all(e.location is None or e.location.name != "Bossangoa" for e in events)
