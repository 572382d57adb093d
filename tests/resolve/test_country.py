"""The country a story is about places the reports that name no place at all (a country-level
place, precision 3), and only when the story is about one country. Real articles of the annotated
corpus (train split, eval/news/articles, test data) and short texts written for these tests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventledger.pipeline import extract
from eventledger.records import Article
from eventledger.resolve.country import country_names, story_country

ARTICLES = Path(__file__).resolve().parents[2] / "eval" / "news" / "articles"


def _corpus(name: str):
    meta = json.loads((ARTICLES / f"{name}.meta.json").read_text("utf-8"))
    return extract((ARTICLES / f"{name}.txt").read_bytes(), published=meta["published"], outlet=meta["outlet"])


@pytest.mark.parametrize("name, country", [
    # "gunmen stormed the school": the abduction's report names no place; the story names Katsina
    # State, Kankara and Nigerian officials
    ("ng-kankara-school-abduction-2020-saharareporters", "NG"),
    # "the attack on a school bus": the strike told without its place, in a story of Yemen
    ("ye-dahyan-school-bus-airstrike-2018-chicagotribune", "YE"),
    # "a man was shot dead as troops fired on protesters": a story of Zimbabwe's election
    ("zw-harare-election-protest-man-shot-2018-questtimes", "ZW"),
])
def test_a_report_without_a_place_takes_the_country_the_story_is_about(name, country):
    result = _corpus(name)
    placed = [e.location for e in result.events if not e.background and e.location is not None
              and e.location.feature == "country" and e.location.country_code == country]
    assert placed
    location = placed[0]
    assert location.precision == 3 and location.lat is not None and location.lon is not None
    assert location.evidence is not None
    assert result.article.text[location.evidence.start:location.evidence.end] == location.evidence.text


def test_country_names_are_read_longest_first_and_only_capitalised():
    text = ("South Sudanese troops crossed into Sudan near Georgia’s border, the U.S. said; us officials "
            "in the Democratic Republic of the Congo agreed.")
    found = [(code, evidence.text) for code, evidence in country_names(text)]
    assert found == [("SS", "South Sudanese"), ("SD", "Sudan"), ("GE", "Georgia"), ("US", "U.S"),
                     ("CD", "Democratic Republic of the Congo")]
    assert all(text[e.start:e.end] == e.text for _, e in country_names(text))


def _article(text: str, published: str = "2025-03-10") -> Article:
    from eventledger.clean import clean
    from eventledger.ingest.decode import to_raw_document

    return clean(to_raw_document(text.encode(), published=published)).article


def test_a_story_of_several_countries_has_no_country():
    article = _article("Round-up\n\nGunmen killed four soldiers in Mali on Sunday. A bomb wounded two traders in "
                       "Niger on Monday. Police in Burkina Faso arrested 12 people. Malian officials said the "
                       "army was on alert.")
    assert story_country(article, [], []) is None  # Mali 2 of 4 votes: not more than half


def test_a_country_named_only_about_a_past_year_is_no_vote():
    article = _article("Report\n\nRebels raped more than 150 women in a village in the Democratic Republic of Congo, a "
                       "U.N. official said Monday. The militia, led by Rwandan Hutus, has been linked to the genocide "
                       "in Rwanda in 1994.", published="2010-08-23")
    assert story_country(article, [], []) is None  # one vote for each: Congo, and the Rwandan militia
    article = _article("Report\n\nRebels raped more than 150 women in a village in the Democratic Republic of Congo, a "
                       "U.N. official said Monday. Congolese troops were sent to the area.", published="2010-08-23")
    country = story_country(article, [], [])
    assert country is not None and country.code == "CD" and country.evidence.text.endswith("Republic of Congo")
