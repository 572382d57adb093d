"""Words about places that extraction and resolve both read: the cue words of
`eventledger/data/places/cues.toml` (place nouns, suffixes, verbs of saying, institutions...) and
the words that make a name a landmark inside a town."""

from __future__ import annotations

import re
from functools import lru_cache

from anyascii import anyascii

from ..data import shipped_toml
from .speech import said_forms


@lru_cache(maxsize=1)
def place_cues() -> dict[str, frozenset[str]]:
    """Each list of `places/cues.toml`, by its name."""
    return {name: frozenset(words) for name, words in shipped_toml("places/cues.toml").items()}


@lru_cache(maxsize=1)
def _landmark_words() -> frozenset[str]:
    return frozenset(shipped_toml("events/article_rules.toml")["grouping"]["villages"]["landmark_words"])


def names_landmark(name: str) -> bool:
    """'Plaza San Martin', 'the Bolognesi bridge': a landmark inside a town, not a village."""
    return not _landmark_words().isdisjoint(re.findall(r"[a-z]+", anyascii(name).lower()))


@lru_cache(maxsize=1)
def _seat_patterns() -> tuple[re.Pattern, re.Pattern]:
    cues = shipped_toml("places/cues.toml")
    def alternatives(words: list[str]) -> str:
        return "|".join(re.escape(w).replace("'", "['’]").replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))
    # "the parliament", "the country's parliament", "Georgia's parliament" (the owner is checked
    # against the event's country), "Outside Presidential Palace" (named as a proper noun); not a
    # bare "in parliament" ("lawmakers said in parliament")
    seat = re.compile(rf"\b(?:{alternatives(cues['seat_approaches'])})\s+(?:the\s+(?:(?:country|nation)['’]s\s+)?|"
                      rf"(?P<owner>(?-i:[A-Z])[\w-]*(?:\s+(?-i:[A-Z])[\w-]*)?)['’]s\s+|(?=(?-i:[A-Z])))(?:national\s+)?"
                      rf"(?:{alternatives(cues['seat_nouns'])})\b", re.I)
    capital = re.compile(rf"\b(?:{alternatives(cues['capital_prepositions'])})\s+the\s+(?:(?:country|nation)['’]s\s+)?"
                         r"capital\b(?!\s+(?:of|city\s+of)\b)(?!,?\s+(?-i:[A-Z]))", re.I)
    return seat, capital


def seat_of_state(text: str) -> re.Match | None:
    """Where a sentence puts something at the seat of the state: "protesters around the parliament
    building", "stormed into Georgia's parliament", "gunfights in the capital" (the capital unnamed:
    "the capital Colombo" names it). Not where something was said there ("the army said in the
    capital", "condemned in the parliament"): a match right after a verb of saying does not count.
    The match's `owner` group is the possessor, if any, for the caller to check."""
    saying = said_forms()
    for pattern in _seat_patterns():
        for match in pattern.finditer(text):
            before = re.findall(r"[a-z]+", text[max(0, match.start() - 40):match.start()].lower())[-4:]
            if not saying.isdisjoint(before):
                continue
            return match
    return None

