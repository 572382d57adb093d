"""What a number in a sentence counts: the year of a date or an age counts nobody, the men who took
part in an attack are no crowd, and one person joined to a count adds one. Sentences written for
these tests."""

from __future__ import annotations

from eventledger.extraction.figures import find_figures
from eventledger.language import load_model


def _figures(sentence: str):
    return sorted((f.kind, f.count, f.group) for f in find_figures(load_model()(sentence)))


def test_the_year_of_a_date_run_into_the_lead_counts_nobody():
    found = _figures("Kano, Nigeria (AFP) Oct 7, 2019 Armed bandits killed nine soldiers in an attack last week.")
    assert found == [("killed", 9, "security_forces")]


def test_an_age_written_with_hyphens_counts_nobody():
    found = _figures("A 32-year-old woman was killed and 19 others were injured when a car rammed the crowd.")
    assert ("killed", 32, "total") not in found and ("killed", 32, "civilians") not in found
    assert ("killed", 1, "civilians") in found and ("injured", 19, "total") in found


def test_the_men_who_took_part_in_an_attack_are_no_crowd():
    assert _figures("Officials say seven men took part in the attack on the school.") == []
    assert _figures("About 2,000 people took part in the march.") == [("crowd", 2000, "total")]


def test_an_officer_and_a_count_of_soldiers_killed_together_are_one_toll():
    found = _figures("A Junior Commissioned Officer and five jawans were killed in an ambush.")
    assert found == [("killed", 6, "security_forces")]


def test_a_hyphenated_number_the_tokenizer_splits_is_one_count():
    # "Thirty-three" opening a sentence is three tokens: thirty, -, three (CBS News, in the corpus)
    assert [f[:2] for f in _figures("Thirty-three hostages were also wounded.")] == [("injured", 33)]
    assert [f[:2] for f in _figures("Gunmen killed forty-two villagers on Sunday.")] == [("killed", 42)]
    assert [f[:2] for f in _figures("A twenty-one-year-old man was killed.")] == [("killed", 1)]


def test_a_counted_conjunct_is_counted_as_the_first():
    # "caused splinter injuries to two policemen and 13 civilians" (Rediff)
    found = _figures("The grenade caused splinter injuries to two policemen and 13 civilians.")
    assert found == [("injured", 2, "security_forces"), ("injured", 13, "civilians")]


def test_one_who_sustained_injuries_is_one_injured():
    # Kashmir Reader, Khabarwalay
    found = _figures("A CRPF soldier sustained minor injuries on Thursday in an explosion.")
    assert found == [("injured", 1, "security_forces")]
    assert _figures("The company suffered heavy losses.") == []


def test_people_seized_by_armed_men_are_abducted_and_by_the_state_arrested():
    # the guide (section 6): "arrested" is captured by state forces; a soldier captured in battle is abducted
    assert _figures("Gunmen raided a bus station in central Baghdad, capturing 50 people.") == [("abducted", 50, "total")]
    assert _figures("The rebels captured 40 soldiers.")[0][:2] == ("abducted", 40)
    assert _figures("Security forces raided the camp, capturing 50 people.") == [("arrested", 50, "total")]
    assert _figures("Troops captured 12 militants.")[0][:2] == ("arrested", 12)
