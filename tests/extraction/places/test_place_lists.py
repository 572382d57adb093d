"""One report told at several named places is one event per place (ACLED's unit, guide §2), each
with its own figures; places that are only a route, an area, sites of one town or the setting of
other incidents do not multiply events. Short texts written for these tests, and train articles of
the news corpus."""

from __future__ import annotations

import pytest

from tests.stories import run_story
from tests.stories import train_article as _train_article


def _by_place(events):
    """{place name or None: [(kind, count)]} of the reported events, one entry per event."""
    out = []
    for event in events:
        out.append((event.location.name if event.location else None,
                    sorted((f.kind, f.count) for f in event.figures if not f.background)))
    return out


def test_counts_at_several_places_are_one_event_per_place_each_with_its_count():
    events, _ = run_story("Gunmen killed four people in Kunduz, three in Baghlan and one in Taloqan on Monday, "
                          "police said.", "2024-03-05")
    assert len(events) == 3
    assert [figures for _, figures in _by_place(events)] == [[("killed", 4)], [("killed", 3)], [("killed", 1)]]
    assert events[0].location.name == "Kunduz" and events[2].location.name == "Taloqan"
    assert {f.claimant for e in events for f in e.figures} == {"police"}
    assert len({e.sub_event_type for e in events}) == 1


def test_a_count_a_list_elides_takes_the_kind_and_source_of_the_count_it_follows():
    events, _ = run_story("Activists said 60 people were killed in Douma, 20 in Harasta and 35 in Arbin on "
                          "Monday.", "2024-03-05")
    counts = [[(f.kind, f.count, f.claimant) for f in e.figures] for e in events]
    assert counts == [[("killed", 60, "Activists")], [("killed", 20, "Activists")], [("killed", 35, "Activists")]]
    # each figure's evidence is its own count, not the list
    assert [e.figures[0].evidence.text for e in events] == ["60 people were killed", "20", "35"]


def test_two_clauses_with_a_count_at_a_place_each_are_two_events():
    events, _ = run_story("Nine protesters were shot dead in Basra on Monday, while two were killed in Karbala.",
                          "2024-03-05")
    assert [(name, figures) for name, figures in _by_place(events)] == [
        ("Basrah", [("killed", 9)]), ("Karbala", [("killed", 2)])]


def test_an_undivided_toll_over_coordinated_places_goes_on_the_first():
    events, _ = run_story("Militants attacked police posts in the towns of Kunduz and Baghlan on Monday, killing "
                          "nine officers.", "2024-03-05")
    assert [name for name, _ in _by_place(events)] == ["Kunduz", "Baghlān"]
    assert _by_place(events)[0][1] == [("killed", 9)] and _by_place(events)[1][1] == []
    assert events[0].sub_event_type == events[1].sub_event_type and events[0].date == events[1].date


def test_tolls_by_place_after_the_raid_are_its_events_at_each_place():
    events, _ = run_story("Gunmen on motorcycles raided villages in Zamfara State on Tuesday. The council chairman "
                          "said 17 people were killed in Kaura Namoda and ten others in Gusau.", "2024-03-08")
    assert sorted(f.count for e in events for f in e.figures) == [10, 17]
    assert len(events) == 2 and all(len(e.figures) == 1 for e in events)


@pytest.mark.parametrize("body", [
    "Protesters marched from Kampala to Entebbe on Monday.",  # a route
    "Fighting broke out on Monday on the road between Kunduz and Baghlan, killing three soldiers.",  # a span
    "Gunmen attacked the Palace Hotel and the Star Cafe across the road in Ouagadougou on Monday, killing 20 people.",
    "Gunmen abducted 30 students from a school in the town of Kagara, Niger State, on Monday.",  # a town and its state
    "Artillery shelled the outskirts of the villages of Khiam and Kfar Kila on Monday.",  # one area
    "Air strikes hit targets in Syria and Iraq on Monday.",  # countries: the setting
    "The bombing came amid a spate of attacks that has left 30 dead in Paris, 12 in Madrid and 9 in Brussels.",
])
def test_places_that_are_a_route_an_area_sites_or_a_setting_make_one_event_at_most(body):
    events, _ = run_story(body, "2024-03-05")
    assert len(events) <= 1


def test_places_of_a_background_report_do_not_multiply_events():
    events, result = run_story("In 2019, militants attacked Kunduz and Baghlan, killing 40 people.", "2024-03-05")
    assert events == []
    assert len([e for e in result.events if e.background]) == 1




def test_corpus_attacks_in_four_named_towns_are_four_events():
    events = _train_article("iq-wave-of-attacks-ramadan-toll-2012-ivarconsequence")
    listed = [e for e in events if any("Al-Garma, Tuz Khurmatu, Kirkuk and Dibis" in ev.text for ev in e.evidence)]
    assert len(listed) == 4
    assert len({e.location.name if e.location else None for e in listed}) == 4


def test_corpus_arrests_in_three_townships_are_three_events_and_their_count_is_told_once():
    events = _train_article("za-diepsloot-mob-loots-foreign-shops-2013-businessstandard")
    listed = [e for e in events if any("Evaton, Sebokeng and Orange Farm" in ev.text for ev in e.evidence)]
    assert len(listed) == 3
    assert sum(1 for e in listed for f in e.figures if f.kind == "arrested" and f.count == 93) == 1
