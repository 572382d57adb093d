"""Reference back to an event already told, and the modality judgements the extractors share.
Sentences written for these tests, after the corpus's train split (Reuters, Daily Post, Fact
About Africa)."""

from __future__ import annotations

import pytest

from eventledger.extraction.discourse.modality import disputes, hypothetical
from eventledger.extraction.discourse.reference import (
    may_tell_event_happened,
    opens_on_told_event,
    told_event_happened,
    told_event_word,
)
from eventledger.language import load_model


@pytest.mark.parametrize("text, verb, noun", [
    ("The attack was launched in the Semdinli district of Hakkari province on Monday.", "launched", "attack"),
    ("A police spokesman said the killing took place at Magarya village.", "took", "killing"),
    ("Victims of the attack, which occurred on 30 July in the village of Bunangiri, were treated.", "occurred", "attack"),
])
def test_a_clause_saying_when_or_where_a_told_event_happened(text, verb, noun):
    assert may_tell_event_happened(text)
    found = told_event_happened(load_model()(text))
    assert found is not None and (found[0].text, found[1].text) == (verb, noun)


@pytest.mark.parametrize("text", [
    "Militants launched an attack on the town on Monday.",  # a new act, not one told
    "The meeting took place in Geneva on Monday.",  # no event of violence or unrest
    "An attack took place in the market on Monday.",  # indefinite: not one already told
])
def test_a_new_or_unrelated_happening_is_not_a_told_event(text):
    assert told_event_happened(load_model()(text)) is None


def test_a_sentence_opening_on_the_event_told_names_its_noun():
    assert opens_on_told_event("The operation in the Central Wakiso district involved the police.").group(1) == "operation"
    assert opens_on_told_event("Police said an operation in Wakiso was under way.") is None


def test_the_event_word_the_sentence_refers_back_to():
    text = "25 people were killed in the Azerbaijani operation."
    assert told_event_word(text, text.index("killed")) == "operation"
    text = "Hours before the start of the operation, six were killed in mine explosions."
    assert told_event_word(text, text.index("explosions")) is None  # its own event word, after the operation


def test_hypothetical_quotations_and_disputing_acts():
    assert hypothetical("if they kill 100 people, we will respond")
    assert not hypothetical("they killed 100 people in the village")
    assert disputes("deny") and disputes("accuse") and not disputes("claim")
