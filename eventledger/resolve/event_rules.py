"""Grouping rules read from `eventledger/data/events/article_rules.toml` [grouping]: which
non-violent reports are the consequence of violence just told, which counts are a toll of it,
and when a town lies inside a region the article also names (or stands for the region it is named like)."""

from __future__ import annotations

import re

from anyascii import anyascii

from ..data import shipped_toml
from ..knowledge.figure_words import lexicon
from ..records import Location


def _grouping() -> dict:
    return shipped_toml("events/article_rules.toml")["grouping"]


def consequence_hosts(sub_event_type: str) -> frozenset[str]:
    """Event types a report of this sub-type may be the consequence of ("houses were destroyed by
    the bombs": property destruction by the air strike just told)."""
    return frozenset(_grouping()["consequences"].get(sub_event_type, ()))


def escalation() -> tuple[str, ...]:
    """A demonstration's sub-types, most escalated first: one demonstration per place and day is
    coded at the most escalated form its reports show (ACLED; docs/annotation.md §2)."""
    return tuple(_grouping()["demonstrations"]["escalation"])


def generic_word(trigger: str) -> bool:
    """Whether an event word says violence happened without saying its kind ("the attack",
    "was struck", "a blast", "militants were killed"; not "chemical attack")."""
    rules = _grouping()["generic"]
    words = re.findall(r"[a-z]+", trigger.lower())
    if not words or words[-1] not in rules["words"]:
        return False
    people = lexicon().people | lexicon().civilian | lexicon().combatant | lexicon().children
    return all(w in rules["carriers"] or w in rules["words"] or w in people for w in words[:-1])


def names_another(text_before: str) -> bool:
    """Whether the words before an event word make it another event than the one just told ("a
    second attack", "Elsewhere, gunmen attacked", "was followed by air raids")."""
    rules = _grouping()["generic"]
    words = re.findall(r"[a-z]+", text_before.lower())
    if set(words[-3:]) & set(rules["others"]):
        return True
    text = " ".join(words)
    return any(re.search(rf"\b{re.escape(phrase)}\b", text) for phrase in rules["sequence"])


def tells_more_of(host_type: str, detail_type: str) -> bool:
    """Whether a detail of `detail_type` (no place, day or toll of its own) may tell more of the
    event of `host_type` just reported."""
    return detail_type == host_type or detail_type in _grouping()["details"].get(host_type, ())


def toll_kinds() -> frozenset[str]:
    """Figure kinds that count the cost of violence (dead, wounded, people who fled)."""
    return frozenset(_grouping()["tolls"]["kinds"])


def names_demonstration(word: str) -> bool:
    """"the protest", "the rallies": a word for a demonstration, not for violence."""
    return re.sub(r"s$", "", word.lower()) in _grouping()["demonstrations"]["nouns"]


def tells_flight(text: str) -> bool:
    """"About 400 families had fled the town": people fleeing or going home."""
    words = "|".join(re.escape(w) for w in _grouping()["flight"]["words"])
    return re.search(rf"\b(?:{words})\b", text, re.I) is not None


def updates_toll(text: str) -> bool:
    """"The monitor now says nine people have been killed": a count told as the newer figure of a toll."""
    words = "|".join(re.escape(w) for w in _grouping()["tolls"].get("update_words", ()))
    return bool(words) and re.search(rf"\b(?:{words})\b", text, re.I) is not None


def _division(name: str) -> str:
    words = name.split()
    while len(words) > 1 and words[-1].lower() in _grouping()["regions"]["suffixes"]:
        words.pop()
    return " ".join(words).lower()


def inside_region(a: Location, b: Location) -> bool:
    """A town and the first-level division it lies in ("Kajuru" in "Kaduna State")."""
    if a.country_code != b.country_code or a.country_code is None:
        return False
    for region, town in ((a, b), (b, a)):
        if region.feature == "region" and town.feature != "region" and town.admin1 \
                and _division(region.name) == _division(town.admin1):
            return True
    return False


def _plain(name: str) -> str:
    return re.sub(r"[^a-z ]", "", anyascii(name).lower())


def stands_for_division(town: Location, written: str, others: list[Location], texts: list[str]) -> bool:
    """"The battles continued until dawn, the spokesman in Marib said" after "south of Harib, in
    Marib governorate": a town named like the first-level division the other places lie in (the
    city of Marib, capital of Marib governorate), where the article itself names that division,
    may stand for the division, not the town."""
    if town.feature == "region" or town.country_code is None:
        return False
    name = _plain(_division(town.name))
    if not any(o.country_code == town.country_code and o.admin1 and _plain(_division(o.admin1)) == name for o in others):
        return False
    suffixes = "|".join(_grouping()["regions"]["suffixes"])
    division = re.compile(rf"\b{re.escape(written.strip())}\s+(?:{suffixes})\b", re.I)
    return any(division.search(text) for text in texts)
