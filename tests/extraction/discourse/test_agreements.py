"""An agreement is reported when the text says it was made (reached, signed, agreed, declared, a
swap carried out), not when it is only named: talks, negotiators, a truce in force, a proposal,
"under the ceasefire agreement". Sentences written for these tests, after corpus cases."""

from __future__ import annotations

import pytest

from eventledger.extraction.discourse.reporting import agreement_made
from eventledger.pipeline import extract


def _agreements(text: str) -> list:
    return [e for e in extract(text, published="2024-03-14").events
            if e.sub_event_type == "Agreement" and not e.background]


@pytest.mark.parametrize("text", [
    "The government and the rebels signed a ceasefire agreement in Juba on Monday, ending months of fighting.",
    "Both sides agreed to halt the fighting around the town from Tuesday, mediators said.",
    "The army and the militia swapped 40 prisoners on Wednesday in a deal brokered by the Red Cross.",
])
def test_an_agreement_made_is_reported(text):
    assert agreement_made(text)
    assert len(_agreements(text)) == 1


@pytest.mark.parametrize("text", [
    "Violence has soared in recent months, even as the Taliban and government negotiators hold peace talks in Qatar.",
    "The attack happened despite an existing truce between the gangs and the state government, residents said.",
    "The parties' ceasefire committees are discussing the government's bilateral ceasefire proposal in Rome.",
    "The official cited the prisoner exchange schedule as an example of what the mediators want resumed.",
])
def test_an_agreement_only_named_is_no_event(text):
    assert not agreement_made(text)
    assert _agreements(text) == []
