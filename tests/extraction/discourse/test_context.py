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


@pytest.mark.parametrize("text", [
    "Argentina defeated Wales on Saturday in the second of two rugby test matches between the two nations.",
    "A brace from Martin Thompson and a howitzer from Stephen Robson helped the Derby record a comfortable 3-1 win "
    "over The Victory Club and register their first league win of the season.",
])
def test_war_words_in_a_game_report_no_event(text):
    # Wikinews, TeamStats in the news corpus
    assert _new(text) == []


def test_violence_at_a_game_is_still_an_event():
    assert _new("Police fired tear gas at football fans who rioted after the match in Cairo on Sunday.") \
        == ["Violent demonstration"]


def test_armed_people_make_a_sentence_no_game():
    assert _new("Taliban insurgents overran the Kunduz district centre on Monday, their biggest win of the season.") \
        == ["Non-state actor overtakes territory"]
