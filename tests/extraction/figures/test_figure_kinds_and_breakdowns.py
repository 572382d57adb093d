"""Figures and their claimants in shapes met in news (people a hospital treated, the treating
doctor, one of the victims who died, children among the wounded, counts listed after a toll), each
on a short sentence or story written for this test: the pipeline must count and attribute them as
an analyst would."""

from __future__ import annotations

import pytest

from eventledger.extraction.figures import find_figures
from eventledger.language import load_model
from stories import figures_of as _figures
from stories import run_story as _run


@pytest.fixture(scope="module")
def nlp():
    return load_model()


def _kinds(nlp, text, year=2025):
    """The tolls of a sentence (the parts that break them down are left out)."""
    return [(f.kind, f.count, f.civilians) for f in find_figures(nlp(text), year) if not f.part]


def _parts(nlp, text, year=2025):
    return [(f.kind, f.count, f.group) for f in find_figures(nlp(text), year) if f.part]


def test_people_a_hospital_treated_are_injured(nlp):
    assert _kinds(nlp, "A nurse said the clinic had treated 40 people after the clashes.") == [("injured", 40, None)]
    # Treating someone *as* something is no care.
    assert _kinds(nlp, "The rebels said the army treated 12 prisoners as equals.") == []


def test_the_treating_doctor_is_the_claimant():
    events, _ = _run("Protesters clashed with police in Eldoret on Monday. A nurse at the town's main clinic, who "
                     "declined to be named, said the clinic had treated 18 people after the clashes.", "2026-02-03")
    assert any(k == "injured" and n == 18 and "nurse" in c for k, n, c in _figures(events)), _figures(events)


def test_a_demonym_in_ese_counts_a_crowd():
    events, _ = _run("About 300 Congolese rallied outside the embassy in Brussels on Saturday, police said. "
                     "Organisers put the number at 1,200.", "2026-03-09")
    crowd = _figures(events, "crowd")
    assert ("crowd", 300, "police") in crowd and any(n == 1200 and "Organisers" in c for _, n, c in crowd), crowd


def test_a_definite_description_takes_the_name_introduced_elsewhere():
    # A live blog, newest first: "the Paris-based monitor" is introduced only further down.
    events, _ = _run("20:00\nThe Yemen Conflict Observatory now says 12 people were killed in the fighting in Taiz. "
                     "The Paris-based monitor says at least 25 people were wounded.\n\n"
                     "09:00\nThe Yemen Conflict Observatory, a Paris-based rights monitor, says five people have "
                     "been killed since the fighting in Taiz broke out.", "2026-04-02")
    injured = _figures(events, "injured")
    assert any(n == 25 and "Observatory" in c for _, n, c in injured), injured


def test_one_of_the_victims_who_died_is_a_death_toll(nlp):
    assert ("killed", 1, None) in _kinds(nlp, "One of the victims, a 40-year-old taxi driver, died in hospital on "
                                              "Tuesday, police said.")
    # With a toll of its own in the sentence the part only explains it.
    assert _kinds(nlp, "Officials put the death toll at 11, saying three of the wounded had died.") == \
        [("killed", 11, None)]


def test_children_among_the_wounded_are_no_figure_of_their_own(nlp):
    assert _kinds(nlp, "Three children were among the wounded, and one of the victims died in hospital, he said.") \
        == [("killed", 1, None)]


def test_a_coordinated_clause_with_its_own_subject_tells_another_fate(nlp):
    found = _kinds(nlp, "Four traders were held overnight at a checkpoint, and one of the wounded later died "
                        "in hospital.")
    assert ("killed", 4, 4) not in found and ("killed", 1, None) in found, found


def test_counts_listed_after_a_toll_of_people_split_it(nlp):
    assert _kinds(nlp, "The monitor says nine people have been killed since Sunday, five soldiers and four "
                       "civilians.") == [("killed", 9, 4)]
    assert _kinds(nlp, "Police said 11 people were killed: seven gunmen and four villagers.") == [("killed", 11, 4)]
    assert _parts(nlp, "Police said 11 people were killed: seven gunmen and four villagers.") == [
        ("killed", 7, "attackers"), ("killed", 4, "civilians")]
    # A list of tolls of different people is not a breakdown.
    assert len(_kinds(nlp, "Gunmen killed five soldiers, three civilians and two policemen.")) == 3


def test_a_gathering_that_attracted_or_numbered_people_is_a_crowd(nlp):
    # Wikinews (Okinawa), the Belgrade rally stories, Lucas (a round-up) in the news corpus
    assert _kinds(nlp, "A protest on the island of Okinawa attracted almost 100,000 people on Sunday.") == [
        ("crowd", 100000, None)]
    assert _kinds(nlp, "The march drew 5,000 people to the capital on Saturday.") == [("crowd", 5000, None)]
    assert [k[:2] for k in _kinds(nlp, "The police stated the protesters numbered 107,000.")] == [("crowd", 107000)]
    assert [k[:2] for k in _kinds(nlp, "Authorities estimated the number of protesters at 88,000.")] == [("crowd", 88000)]
    # what else draws people is no crowd, and "the dead numbered 50" counts the dead
    assert _kinds(nlp, "The festival attracted 20,000 visitors.") == []
    assert [k[:2] for k in _kinds(nlp, "The dead numbered 50, officials said.")] == [("killed", 50)]


def test_a_rival_count_restated_in_the_same_sentence_is_kept(nlp):
    found = _kinds(nlp, "According to organizers, the rally attracted about 20,000 people, while police put the numbers "
                        "at 3,000.")
    assert [k[:2] for k in found] == [("crowd", 20000), ("crowd", 3000)]
