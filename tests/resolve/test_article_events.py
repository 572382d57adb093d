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


RIOT_STORY = """Police fire tear gas at farmers protesting dam in Cusco

CUSCO, Peru, May 6 (Reuters) - Farmers opposed to a new hydroelectric dam rioted in Cusco on Tuesday, hurling stones at police and setting fire to a tollgate, and officers fired tear gas to push them back.

About 3,000 people marched from the cathedral to the prefecture, police said, while the organisers said 9,000 took part.

The regional police said 14 people were detained and six officers were hurt. It said two shops had been looted and a bank branch had been smashed.

A farmers' federation said 17 of its members were injured, one of them by a tear gas canister.

"We will not give up our water," federation leader Rosa Mamani told reporters before the clashes.

The energy minister said the unrest would not delay the project.

Near the town of Sicuani, about 300 farmers blocked the airport road with stones and tree trunks for a second day. There were no reports of violence there.
"""


@pytest.fixture(scope="module")
def riot_events():
    result = eventledger.extract(RIOT_STORY.encode("utf-8"), published="2025-05-07")
    return [e for e in result.events if not e.background]


def test_a_riots_crowd_arrests_damage_and_injured_are_the_riot_and_a_blockade_elsewhere_is_its_own(riot_events):
    # the march, the detained, the looted shops and the federation's injured have no place of their
    # own: they are the riot's; "before the clashes" and "the unrest would not delay" name it again
    subs = [(e.sub_event_type, e.location.name if e.location else None) for e in riot_events]
    assert subs == [("Violent demonstration", "Cusco"), ("Peaceful protest", "Sicuani")], subs
    kinds = {(f.kind, f.count) for f in riot_events[0].figures}
    assert {("crowd", 3000), ("arrested", 14), ("injured", 17)} <= kinds, kinds


ABDUCTION_STORY = """Gunmen seize health workers in Nigeria's Zamfara state

GUSAU, Nigeria (AFP) - Gunmen abducted a team of health workers on a road in Nigeria's northwestern Zamfara state on Tuesday, the state health agency said.

Armed men on motorbikes stopped the team's pickup truck near the town of Tsafe, fired into the air and drove the passengers into the bush, a local official said.

The agency said four nurses and their driver had been seized, five people in all.

No group claimed responsibility.
"""


def test_passengers_driven_into_the_bush_and_people_seized_are_the_abduction():
    result = eventledger.extract(ABDUCTION_STORY.encode("utf-8"), published="2025-03-12")
    subs = [e.sub_event_type for e in result.events if not e.background]
    assert subs == ["Abduction/forced disappearance"], subs
