"""Statement patterns met in news, on sentences written for the test: resolves
conditioned on what others do, threats in the passive, second speech acts the parser hangs inside
the reported clause or on a participle, quoted sources, described groups, translated spellings."""

from __future__ import annotations

import pytest
from stories import statement_kinds as _kinds
from stories import statements_of as _statements

from eventledger.extraction.discourse.speech_acts import PREFILTER
from eventledger.records import Statement
from eventledger.resolve.names import fold_statement_names


@pytest.mark.parametrize("sentence, kind", [
    # A resolve that lasts until someone else acts is a demand on them.
    ("“We will not go home until the council reverses the fee increase,” the union leader said.", "demand"),
    # A threat in the passive, said of whoever did it ...
    ("“Those who fired on the bus will be brought to justice,” the police chief said.", "threaten"),
    ("The governor said anyone who looted the market would be punished.", "threaten"),
    # ... but not the fate of people already named and held.
    ("Police said the three men arrested on Sunday would be prosecuted.", "claim"),
    # Deliberate harm is an accusation; its denial is not.
    ("“They are deliberately shelling the hospital,” the medical charity said.", "accuse"),
    ("The commander said his men did not deliberately target the village.", "claim"),
    # "fighters of the aggression" is a label for a party, not an accusation of an act.
    ("The ministry said its troops had repelled fighters of the aggression near the port.", "claim"),
])
def test_cue_kinds(sentence, kind):
    [found] = _statements(sentence)
    assert found and found[0].kind == kind, _kinds(found)


def test_a_speech_act_ending_the_reported_clause_is_the_speakers_own():
    # "Aden" is also a city, but here a person: the speaker is not turned into a government.
    [found] = _statements("Aden said the dead were farmers and accused the militia of burning their crops.")
    kinds = {m.kind: m for m in found}
    assert set(kinds) == {"claim", "accuse"}, _kinds(found)
    assert kinds["accuse"].speaker == "Aden" and kinds["accuse"].text.startswith("accused the militia")
    assert kinds["claim"].text == "the dead were farmers"


@pytest.mark.parametrize("sentence", [
    "The police said the suspects, who were arrested on Monday and denied the charges, would appear in court.",
    "The governor said the army announced a curfew and urged residents to stay home.",
])
def test_a_speech_act_of_someone_inside_the_reported_clause_stays_there(sentence):
    [found] = _statements(sentence)
    assert [m.kind for m in found] == ["claim"], _kinds(found)


def test_said_in_a_statement_that_reports_the_clause_and_its_coordinated_act():
    [found] = _statements("The ministry said in a statement that the contract was lawful and rejected calls to cancel it.")
    kinds = {m.kind: m for m in found}
    assert kinds["claim"].text == "the contract was lawful", _kinds(found)
    assert kinds["reject"].text == "rejected calls to cancel it" and "ministry" in kinds["reject"].speaker


def test_a_participle_of_a_speech_act_after_said_is_a_statement_of_its_own():
    [found] = _statements("“The roads are not safe,” the relief agency chief said, urging the army to escort the convoys.")
    kinds = {m.kind: m for m in found}
    assert kinds["appeal"].text == "urging the army to escort the convoys", _kinds(found)
    assert "chief" in kinds["appeal"].speaker and kinds["claim"].text == "The roads are not safe"


def test_saying_after_a_denial_stays_part_of_it():
    [found] = _statements("The rebels denied the attack, saying their fighters were far from the town.")
    assert [m.kind for m in found] == ["deny"], _kinds(found)


@pytest.mark.parametrize("sentence, speaker, text", [
    ("State radio quoted a police commander as saying that the gunmen had fled.", "police commander",
     "the gunmen had fled"),
    ("The news agency quoted an army source that its units had retaken the hill.", "army source",
     "its units had retaken the hill"),
    ("The governor was quoted by local media as saying that the road had reopened.", "governor",
     "the road had reopened"),
])
def test_the_source_quoted_is_the_speaker(sentence, speaker, text):
    [found] = _statements(sentence)
    assert [(m.kind, m.speaker, m.text) for m in found] == [("claim", speaker, text)]


def test_quoting_figures_is_no_statement():
    [found] = _statements("The report quoted figures from the health ministry.")
    assert found == []


def test_a_described_group_refers_back_to_the_group_last_heard_from():
    _, second = _statements("The Popular Front denied shelling the market.",
                            "In a statement, the armed group accused the army of staging the attack.")
    assert [(m.kind, m.speaker) for m in second] == [("accuse", "Popular Front")]


def test_a_sentence_whose_only_speech_verb_is_asked_is_parsed():
    assert PREFILTER.search("The mayor asked the government to send tents and blankets.")
    assert PREFILTER.search("Relatives pleaded for the return of the bodies.")


def _said(speaker: str) -> Statement:
    return Statement(speaker=speaker, kind="claim", text="x")


def test_a_surname_spelled_otherwise_takes_the_spelling_of_the_full_name():
    statements = fold_statement_names([_said("army spokesman Brigadier Khaled al-Hamadi"), _said("Al-Hamady"),
                                       _said("Al-Hamady"), _said("Okafor")])
    assert [s.speaker for s in statements][1:] == ["al-Hamadi", "al-Hamadi", "Okafor"]
