"""Patterns of news writing met on articles the project had never seen, each on a short story
written for this test: the pipeline must read them as an analyst would."""

from __future__ import annotations

from eventledger.pipeline import extract


def _run(body: str, published: str):
    result = extract("Report\n\n" + body, published=published)
    return [e for e in result.events if not e.background], result


def test_a_toll_inside_a_quotation_is_the_speakers_claim():
    events, _ = _run('"Eighteen people were killed in the attack on Kidal on Monday," the regional governor said.', "2025-02-11")
    assert len(events) == 1
    (figure,) = [f for f in events[0].figures if f.kind == "killed"]
    assert figure.count == 18 and "governor" in figure.claimant


def test_a_hypothetical_toll_in_a_quotation_is_no_figure():
    events, _ = _run('"If the army attacks, it will kill 500 people," the rebel leader said.', "2025-02-11")
    assert not [f for e in events for f in e.figures]


def test_he_said_takes_the_titled_speaker_before():
    events, _ = _run("Army spokesman Joseph Mbala said government troops retook the town of Bunia on Sunday. "
                     "He said 17 rebels were killed.", "2025-04-14")
    killed = [f for e in events for f in e.figures if f.kind == "killed"]
    assert killed and killed[0].count == 17 and "Mbala" in (killed[0].claimant or "")


def test_a_toll_sentence_counts_the_event_just_reported():
    events, _ = _run("Crowds looted shops in Kisumu on Saturday.\n\n"
                     "Police said four people had been killed, two of them by security guards.", "2025-03-10")
    assert len(events) == 1, [e.sub_event_type for e in events]
    killed = [(f.count, f.claimant) for f in events[0].figures if f.kind == "killed"]
    assert killed == [(4, "Police")]  # "two of them" is a part of the four, not a second toll


def test_police_in_a_capital_acting_there_place_the_event():
    events, _ = _run("Police in Nairobi fired tear gas at protesters on Thursday and arrested 47 people.", "2024-06-20")
    assert events and events[0].location is not None and events[0].location.name == "Nairobi"


def test_a_capital_speaking_through_its_authorities_places_nothing():
    events, _ = _run("Authorities in Kabul said the blast killed five people.", "2024-02-02")
    assert all(e.location is None or e.location.name != "Kabul" for e in events)


def test_an_event_dated_to_an_earlier_year_is_background():
    events, result = _run("In August 2014, fighters overran the town of Sinjar, killing 5,000 people, the UN said.", "2024-08-03")
    assert events == []
    assert any(e.background for e in result.events)


def test_the_other_sides_version_of_a_strike_joins_it():
    events, _ = _run("A drone strike killed 14 people in Kutum on Tuesday, the RSF said. "
                     "The army said the drone had struck a gathering of militia commanders and killed six fighters.", "2025-06-11")
    assert len(events) == 1
    claims = {(f.count, f.claimant) for f in events[0].figures if f.kind == "killed"}
    assert claims == {(14, "RSF"), (6, "army")}
