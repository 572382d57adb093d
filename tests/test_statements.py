"""Statements: speaker, kind, target and text from the parse of sentences written for the test."""

from __future__ import annotations

import pytest

from eventledger.extraction.statements import SpeakerContext, find_statements
from eventledger.language import load_model
from eventledger.resolve.capitals import government_of


def _statements(*sentences: str):
    nlp = load_model()
    context = SpeakerContext()
    out = []
    for sentence in sentences:
        out.append(find_statements(nlp(sentence), context, government_of))
    return out


@pytest.mark.parametrize("sentence, kind, speaker_word", [
    ("The interior ministry accused opposition leaders of inciting violence.", "accuse", "ministry"),
    ("Kenya denied that its troops had crossed the border.", "deny", "Kenya"),
    ("The rebels rejected the government's offer of talks.", "reject", "rebels"),
    ("The United Nations called on both sides to respect the ceasefire.", "appeal", "United Nations"),
    ("The prime minister demanded the immediate release of the hostages.", "demand", "minister"),
    ("The army warned that it would respond to any further attack.", "threaten", "army"),
    ("Egypt welcomed the agreement signed in Doha.", "support", "Egypt"),
    ("“The troops must leave the city by Friday,” the governor said.", "demand", "governor"),
    ("The spokesman said that the army is not involved in the fighting.", "deny", "spokesman"),
    ("The ministry called the reports of civilian deaths false.", "reject", "ministry"),
])
def test_speech_act_kinds(sentence, kind, speaker_word):
    [found] = _statements(sentence)
    assert found, sentence
    assert found[0].kind == kind
    assert speaker_word.lower() in (found[0].speaker or "").lower()
    assert sentence[found[0].span[0] : found[0].span[1]] == found[0].text


def test_target_of_an_appeal_and_text_span():
    [found] = _statements("Russia called on Azerbaijan and Armenia to end the bloodshed.")
    assert found[0].kind == "appeal"
    assert found[0].target.startswith("Azerbaijan")
    assert found[0].text == "called on Azerbaijan and Armenia to end the bloodshed"


def test_pronoun_speaker_resolved_from_previous_sentence():
    first, second = _statements(
        "The rebel command blamed the air force for the deaths.",
        "“They bombed a market full of people,” they wrote in a statement.",
    )
    assert second and "rebel command" in second[0].speaker
    assert second[0].text == "They bombed a market full of people"


def test_capital_as_speaker_is_its_government():
    [found] = _statements("“Foreign fighters must leave our territory,” they announced from Nairobi.")
    assert found[0].speaker == "Kenya"
    assert found[0].kind == "demand"


def test_hedge_is_not_a_statement():
    [found] = _statements("Twelve people are said to have been killed in the raid.")
    assert found == []


def test_a_quotation_running_on_keeps_its_speaker_and_claims_its_figures():
    from eventledger.pipeline import extract

    text = ("Rebels ambush convoy near border\n\n"
            "Gunmen attacked a police convoy on Tuesday near the border town of Mandera, officials said. "
            "Police commander John Kariuki said officers were patrolling the road at dawn. "
            "\"We were ambushed near the river,\" he said. \"We returned fire, two of them were killed and the rest "
            "escaped. We recovered three rifles.\"")
    result = extract(text, published="2021-03-02")
    claims = [s for s in result.statements if s.text.startswith("We returned fire")]
    assert claims and "Kariuki" in claims[0].speaker
    killed = [f for e in result.events for f in e.figures if f.kind == "killed" and f.count == 2]
    assert killed and "Kariuki" in (killed[0].claimant or "")
