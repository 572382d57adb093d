"""An event placed only at its country, whose own sentences put it at the seat of the state (the
national parliament, the presidential palace, "in the capital" left unnamed), is placed at the
country's capital. Real articles of the annotated corpus (train split, eval/news/articles:
third-party text kept for testing) and short texts written for these tests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventledger.knowledge.capitals import capital_of
from eventledger.knowledge.place_words import seat_of_state
from eventledger.pipeline import extract

ARTICLES = Path(__file__).resolve().parents[2] / "eval" / "news" / "articles"


def _first_reported(result):
    return next(e for e in result.events if not e.background)


@pytest.mark.parametrize("name, capital", [
    ("ge-tbilisi-detain-protesters-2019-fayettevillenewsnow", "Tbilisi"),  # "near Georgia's parliament"
    ("lk-colombo-presidents-residence-stormed-2022-ndtv", "Colombo"),  # "into the President's residence"
    ("np-kathmandu-gen-z-protest-parliament-live-2025-indiatoday", "Kathmandu"),  # "storm the Parliament building"
])
def test_a_corpus_event_at_the_seat_of_the_state_is_placed_at_the_capital(name, capital):
    meta = json.loads((ARTICLES / f"{name}.meta.json").read_text("utf-8"))
    event = _first_reported(extract((ARTICLES / f"{name}.txt").read_bytes(), published=meta["published"]))
    assert event.location is not None and event.location.name == capital
    assert event.location.evidence is not None and event.location.evidence.text == event.location.mention


def test_a_protest_outside_the_presidential_palace_is_in_the_seat_of_government():
    text = "Hundreds of protesters gathered outside the presidential palace in Bolivia on Wednesday, police said."
    assert _first_reported(extract(text, published="2024-06-27")).location.name == "La Paz"  # not Sucre
    assert capital_of("BO") == "La Paz" and capital_of("KE") == "Nairobi"


@pytest.mark.parametrize("sentence, found", [
    ("Police dispersed protesters near Georgia's parliament on Monday.", "near Georgia's parliament"),
    ("Gunfights broke out in the capital overnight.", "in the capital"),
    ("Militants attacked a village 30 km north of the capital.", None),  # near the capital, not in it
    ("Gunmen attacked a market in the capital of Borno state.", None),  # a state's capital
    ("Clashes broke out in the capital, Kabul.", None),  # named: the name places it
    ("Members of parliament voted against the bill.", None),
])
def test_what_puts_a_sentence_at_the_seat_of_the_state(sentence, found):
    match = seat_of_state(sentence)
    assert (match.group(0) if match else None) == found


def test_an_event_north_of_the_capital_stays_at_its_country():
    text = "Militants attacked an army post in Burkina Faso about 30 km north of the capital on Sunday, killing 12 soldiers."
    event = _first_reported(extract(text, published="2024-06-10"))
    assert event.location is not None and event.location.name == "Burkina Faso"


@pytest.mark.parametrize("text, place", [
    # a region's or another country's parliament is no seat of the event's state
    ("Protesters in Iraq set fire to the region's parliament building on Monday.", "Iraq"),
    ("Protesters rallied outside Catalonia's parliament in Spain on Monday.", "Spain"),
    ("Protesters in Armenia marched towards Georgia's parliament on Monday.", "Armenia"),
    # where it was said is not where it happened
    ("Gunmen killed 30 villagers in Nigeria on Monday, lawmakers said in the parliament.", "Nigeria"),
    ("Gunmen killed 12 soldiers in Burkina Faso on Sunday, the army said in the capital.", "Burkina Faso"),
    # a parliament that sits apart from the seat of government
    ("Hundreds protested outside the parliament in South Africa on Tuesday.", "Cape Town"),
    ("In the capital, police fired tear gas at hundreds of protesters in Kenya on Tuesday.", "Nairobi"),
])
def test_the_seat_of_the_state_is_the_event_s_own_country_s_and_where_it_happened(text, place):
    event = _first_reported(extract(text, published="2024-06-27"))
    assert event.location is not None and event.location.name == place
