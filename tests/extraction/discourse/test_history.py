"""A sentence that tells the story's history -- over a span of time, a court's verdict on past
acts, or who someone is in the present ("gangs who kidnap for ransom") -- reports no new event;
the news told beside it stays news. Sentences written for these tests, after corpus cases."""

from __future__ import annotations

import pytest

from eventledger.pipeline import extract


def _new(text: str) -> list:
    return [e for e in extract(text, published="2024-03-14").events if not e.background]


@pytest.mark.parametrize("text", [
    "Over the years, the militants have carried out dozens of attacks on border guards in the province.",
    "The group has abducted hundreds of villagers in recent years, according to rights groups.",
    "Rahimi was sentenced to life in prison for detonating two bombs in Manhattan that injured 30 people.",
    "Al-Shabaab, a group that is fighting to topple the government, controls large parts of the country.",
    "The militants, who carry out cross-border attacks on troops, have bases in the mountains.",
])
def test_history_is_no_new_event(text):
    assert _new(text) == []


@pytest.mark.parametrize("text", [
    "Gunmen killed five villagers in an attack on a market in the province on Monday, police said.",
    "Police detained a dozen residents they suspect of lynching two men in the town on Saturday.",
])
def test_the_news_is_still_news(text):
    assert _new(text)
