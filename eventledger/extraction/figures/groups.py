"""Who a figure counts: its victim group (civilians, security_forces, militants, attackers,
protesters, or total for people of no stated side), from the figure's own noun phrase. The
vocabulary is `eventledger/data/figures/groups.toml`."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Token

from ...data import shipped_toml

TOTAL = "total"
GROUPS = ("civilians", "security_forces", "militants", "attackers", "protesters", TOTAL)


@dataclass(frozen=True, slots=True)
class GroupWords:
    nouns: dict[str, str]  # word -> group
    modifiers: dict[str, str]


@dataclass(frozen=True, slots=True)
class Vocabulary:
    order: tuple[str, ...]
    words: GroupWords


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    data = shipped_toml("figures/groups.toml")
    nouns: dict[str, str] = {}
    modifiers: dict[str, str] = {}
    for group, spec in data["groups"].items():
        if group not in GROUPS:
            raise ValueError(f"figures/groups.toml: unknown group {group!r} (one of {', '.join(GROUPS)})")
        for word in spec.get("nouns", ()):
            nouns.setdefault(word.lower(), group)
        for word in spec.get("modifiers", ()):
            modifiers.setdefault(word.lower(), group)
    return Vocabulary(tuple(data["groups"]), GroupWords(nouns, modifiers))


def _phrase_modifiers(noun: Token, first: int | None = None) -> list[Token]:
    """The words that describe the counted noun: its adjectives and compounds ("civilian men",
    "Taliban commanders"), the words between the number and the noun, and what an 'of' names
    ("members of the security forces")."""
    doc = noun.doc
    out = [c for c in noun.children if c.dep_ in ("amod", "compound", "nmod", "npadvmod") and c.i < noun.i]
    out += [t for c in out for t in c.subtree if t not in out]
    if first is not None and first < noun.i:
        out += [t for t in doc[first:noun.i] if t not in out]
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"):
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            out += [t for t in obj.subtree if t.dep_ in ("amod", "compound", "nmod") or t.i == obj.i]
    return out


def group_of(noun: Token | None, first: int | None = None) -> str:
    """The victim group the counted `noun` names (`first`: the number's first token); `total`
    when the phrase names no side, or when the number stands for people by itself ("25 were
    killed": then `noun` is the number)."""
    if noun is None or noun.like_num:
        return TOTAL
    words = vocabulary().words
    group = words.nouns.get(noun.lower_) or words.nouns.get(noun.lemma_.lower())
    if group:
        return group
    for token in _phrase_modifiers(noun, first):
        group = words.modifiers.get(token.lower_) or words.modifiers.get(token.lemma_.lower()) \
            or (words.nouns.get(token.lower_) if token.head.i == noun.i or token.dep_ == "pobj" else None)
        if group:
            return group
    return TOTAL
