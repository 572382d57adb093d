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
