"""The speech vocabulary every stage reads, from `eventledger/data/statements/speech_acts.toml`:
which verbs make which speech act, which verbs only pass words on (`saying_verbs`), which give a
figure's source, and the nouns that name speakers and documents."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..data import shipped_toml


@dataclass(frozen=True, slots=True)
class SpeechActs:
    verb_kind: dict[str, str]
    phrasal: dict[str, str]
    cues: tuple[tuple[str, re.Pattern[str]], ...]
    group_nouns: frozenset[str]
    anaphoric_nouns: frozenset[str] = frozenset()
    document_nouns: frozenset[str] = frozenset()
    quoting: frozenset[str] = frozenset()


@lru_cache(maxsize=1)
def speech_acts() -> SpeechActs:
    data = shipped_toml("statements/speech_acts.toml")
    verb_kind: dict[str, str] = {}
    for kind, verbs in data["verbs"].items():
        for verb in verbs:
            verb_kind.setdefault(verb, kind)  # the first, most specific kind wins
    phrasal = {phrase: kind for kind, phrases in data["phrasal"].items() for phrase in phrases}
    cues = tuple(
        (kind, re.compile("|".join(patterns), re.I)) for kind, patterns in data["cues"].items()
    )
    return SpeechActs(verb_kind, phrasal, cues, frozenset(data["speakers"]["group_nouns"]),
                      frozenset(data["speakers"].get("anaphoric_nouns", ())),
                      frozenset(data["speakers"].get("document_nouns", ())),
                      frozenset(data.get("quoting", {}).get("verbs", ())))


@lru_cache(maxsize=1)
def saying_verbs() -> frozenset[str]:
    """Lemmas of the verbs of saying: "said", "told", "announced", "accused", "tweeted"."""
    return frozenset(shipped_toml("statements/speech_acts.toml")["saying"]["verbs"])


_IRREGULAR_SAID = {"say": ("said",), "tell": ("told",), "speak": ("spoke", "spoken"), "think": ("thought",)}


@lru_cache(maxsize=1)
def said_forms() -> frozenset[str]:
    """The verbs of saying as written: each lemma with its -s, -ed and -ing forms and the irregular
    ones ("said", "told"), for text that is not parsed."""
    words: set[str] = set()
    for lemma in saying_verbs():
        stem = lemma[:-1] if lemma.endswith("e") else lemma
        words.update({lemma, lemma + "s", stem + "ed", stem + "ing", *(_IRREGULAR_SAID.get(lemma, ()))})
        if lemma.endswith("y"):
            words.update({lemma[:-1] + "ies", lemma[:-1] + "ied"})
    return frozenset(words)


@lru_cache(maxsize=1)
def source_verbs() -> frozenset[str]:
    """Verbs whose subject is the source of a figure: the verbs of saying, and "put", "estimate",
    "count", "record" ("officials put the toll at 17")."""
    return saying_verbs() | frozenset(shipped_toml("statements/speech_acts.toml")["saying"]["figure_sources"])


@lru_cache(maxsize=1)
def toll_revision() -> tuple[frozenset[str], frozenset[str]]:
    """The verbs that revise a count ("raised") and the counts they revise ("the death toll")."""
    saying = shipped_toml("statements/speech_acts.toml")["saying"]
    return frozenset(saying["toll_verbs"]), frozenset(saying["toll_nouns"])
