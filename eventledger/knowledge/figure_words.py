"""The figures vocabulary, read once from `eventledger/data/figures/figures.toml`: which verbs and
words tell each kind of figure, which nouns count people (and civilians, children, fighters),
the vague counts ("dozens"), and the cues that mark a figure as background."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..data import shipped_toml

# The kind of a figure that only restates the one before it from another source: "The police put
# the number at 8,000", "officials estimated the figure at 300". Resolve fills in that figure's
# kind (or drops it).
SAME_KIND = "same"

@dataclass(frozen=True, slots=True)
class Lexicon:
    verb_kind: dict[str, str]
    word_kind: dict[str, str]
    civilian: frozenset[str]
    children: frozenset[str]
    combatant: frozenset[str]
    people: frozenset[str]
    vague: dict[str, int]
    crowd_nouns: frozenset[str]
    titles: frozenset[str]
    since_nouns: frozenset[str] = frozenset()
    cumulative_subjects: frozenset[str] = frozenset()
    past_periods: tuple[str, ...] = ()
    perfect_periods: tuple[str, ...] = ()
    part_of: frozenset[str] = frozenset()
    object_kind: dict[str, dict[str, str]] | None = None  # "lose" + "lives": killed; + "leg": injured
    unless: dict[str, frozenset[str]] | None = None  # "bury", unless "under the rubble"
    subject_victims: frozenset[str] = frozenset()
    cumulative_pronouns: frozenset[str] = frozenset()
    war_subjects: frozenset[str] = frozenset()  # "the war caused the death of 300,000": a total in any tense
    seizure_verbs: frozenset[str] = frozenset()  # "seize", "capture": an arrest, or an abduction of civilians
    arresting: frozenset[str] = frozenset()  # "police", "troops": who arrests rather than abducts
    care_verbs: frozenset[str] = frozenset()  # "treat": the people treated were injured
    care_not_with: frozenset[str] = frozenset()  # "treated as equals": not care
    living_part_of: frozenset[str] = frozenset()  # "one of the victims died": a death toll of its own
    generic: frozenset[str] = frozenset()  # "people": a toll a list after it may split
    total_periods: tuple[re.Pattern[str], ...] = ()  # "over the past 15 months": a running total


def group_nouns(*names: str) -> frozenset[str]:
    """The nouns of the named victim groups of `figures/groups.toml` (of every group when none is
    named): each names people."""
    groups = shipped_toml("figures/groups.toml").get("groups", {})
    return frozenset(noun for name, spec in groups.items() if not names or name in names for noun in spec.get("nouns", ()))


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    data = shipped_toml("figures/figures.toml")
    verb_kind: dict[str, str] = {}
    word_kind: dict[str, str] = {}
    for kind, spec in data["kinds"].items():
        for verb in spec["verbs"]:
            verb_kind.setdefault(verb, kind)
        for word in spec["words"]:
            word_kind.setdefault(word, kind)
    nouns = data["nouns"]
    return Lexicon(
        verb_kind, word_kind, frozenset(nouns["civilian"]), frozenset(nouns["children"]), frozenset(nouns["combatant"]),
        frozenset(nouns["people"]) | group_nouns(), dict(data["vague"]), frozenset(data["kinds"]["crowd"]["words"]),
        frozenset(nouns["titles"]),
        frozenset(data.get("background", {}).get("since_nouns", ())),
        frozenset(data.get("background", {}).get("cumulative_subjects", ())),
        tuple(data.get("background", {}).get("past_periods", ())),
        tuple(data.get("background", {}).get("perfect_periods", ())),
        frozenset(data.get("background", {}).get("part_of", ())),
        {verb: {word: kind for kind, words in spec.items() for word in words} for verb, spec in data.get("objects", {}).items()},
        {verb: frozenset(words) for verb, words in data.get("unless", {}).items()},
        frozenset(data.get("victims", {}).get("subject_verbs", ())),
        frozenset(data.get("background", {}).get("cumulative_pronouns", ())),
        frozenset(data.get("background", {}).get("war_subjects", ())),
        frozenset(data.get("seizure", {}).get("verbs", ())),
        frozenset(data.get("seizure", {}).get("arresting", ())),
        frozenset(data.get("care", {}).get("verbs", ())),
        frozenset(data.get("care", {}).get("not_with", ())),
        frozenset(data.get("background", {}).get("living_part_of", ())),
        frozenset(nouns.get("generic", ())),
        tuple(re.compile(p) for p in data.get("background", {}).get("total_periods", ())),
    )
