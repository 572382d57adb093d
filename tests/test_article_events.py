"""Whole-article event lists on short stories written for these tests (not copied from the
fixtures): which sentences make events of their own and which are history or a standing state."""

from __future__ import annotations

import pytest

import eventledger

SIEGE_STORY = """Rebels shell market in besieged Kadugli, killing 14

KADUGLI, Sudan (AP) — Rebel fighters shelled a crowded market in the Sudanese city of Kadugli on Tuesday, killing at least 14 people, a local medical group said.

Mortar rounds hit stalls and a bus station in the market as traders were opening for the day, the group said. At least 30 people were wounded.

A doctors' union put the toll at 11 and blamed the rebels, who have besieged Kadugli, the capital of South Kordofan state, for more than a year.

The army said it had repelled a rebel ground assault on the city's western outskirts on Tuesday, killing dozens of fighters.

The 2020 peace deal ended years of war in the region, and thousands of fighters laid down their arms. But one faction rejected it.
"""


@pytest.fixture(scope="module")
def siege_events():
    result = eventledger.extract(SIEGE_STORY.encode("utf-8"), published="2025-06-04")
    return [e for e in result.events if not e.background]


def test_a_standing_siege_in_a_toll_sentence_does_not_pull_a_battle_into_the_shelling(siege_events):
    # the toll sentence's "have besieged ... for more than a year" is a state: the army's battle
    # the same day is an event of its own, not part of the shelling
    subs = sorted(e.sub_event_type for e in siege_events)
    assert "Armed clash" in subs and "Shelling/artillery/missile attack" in subs, subs


def test_what_an_old_peace_deal_did_is_no_agreement_event(siege_events):
    assert not [e for e in siege_events if e.sub_event_type == "Agreement"]
