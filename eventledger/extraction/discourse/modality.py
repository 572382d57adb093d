"""Modality the extractors share: what is only hypothetical ("if they kill 100 people ...") and
which speech acts dispute what they carry (an event named only inside an accusation or a denial is
not reported)."""

from __future__ import annotations

import re

_HYPOTHETICAL = re.compile(r"\b(?:if|would|could|will|may|might|unless|threat\w*)\b", re.I)
_DISPUTING = frozenset({"accuse", "deny", "reject"})


def hypothetical(text: str) -> bool:
    """Whether a quotation speaks of what would, could or will happen rather than what did."""
    return _HYPOTHETICAL.search(text) is not None


def disputes(speech_act: str) -> bool:
    """Whether a speech act of this kind disputes its content (accuse, deny, reject)."""
    return speech_act in _DISPUTING
