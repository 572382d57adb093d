"""Hedging words ("reportedly", "is said to", "feared dead"): one vocabulary for events, claims
and figures, read from `data/statements/hedges.toml`."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

import tomllib


@lru_cache(maxsize=1)
def hedge_pattern() -> re.Pattern[str]:
    text = resources.files("eventledger.data").joinpath("statements/hedges.toml").read_text("utf-8")
    phrases = tomllib.loads(text)["phrases"]
    return re.compile(r"\b(?:" + "|".join(phrases) + r")\b", re.I)


def is_hedged(text: str) -> bool:
    return bool(hedge_pattern().search(text))
