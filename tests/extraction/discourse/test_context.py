"""An event named only as the context of what a sentence tells ("in response to a deadly attack",
"in retaliation for air raids", "It followed recent heavy fighting") is no new event; the same
words reporting what happened are. Sentences written for these tests, after corpus cases
(Rantnews, Topix, Daily Caller, Wikinews)."""

from __future__ import annotations

import pytest

from eventledger.pipeline import extract


def _new(text: str) -> list[str]:
    return [e.sub_event_type for e in extract(text, published="2023-05-01").events if not e.background]


@pytest.mark.parametrize("text", [
    "It followed recent heavy fighting between the military and an Amhara-based militia group, the outlet reported.",
    "The designation was in response to a deadly attack by the group on the IRGC near Zahedan.",
    "The Houthis have stepped up missile attacks in what they say is retaliation for air raids by the coalition.",
    "The election comes in the midst of widely reported student protests against a rise in tuition fees.",
])
def test_an_event_named_as_context_is_no_new_event(text):
    assert _new(text) == []


@pytest.mark.parametrize("text, sub_type", [
    ("Heavy fighting broke out between the army and the militia in Zahedan on Monday.", "Armed clash"),
    ("Students held protests against a rise in tuition fees in Montreal on Tuesday.", "Peaceful protest"),
])
def test_the_same_words_reporting_an_event_are_one(text, sub_type):
    assert _new(text) == [sub_type]
