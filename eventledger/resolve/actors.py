"""Actor names: one normalised name per actor, its ACLED type and interaction code, and the
folding of spelling variants ("Pašinjan" / "Pashinyan", "Hadjiyev" / "Hajiyev").

Known actors and their aliases live in `eventledger/data/actors/actors.csv`; generic force nouns
("army", "police", "protesters") in `forces.toml`. Variants are compared on a transliterated,
lower-cased key with rapidfuzz, so a user's new spelling still lands on the known actor."""

from __future__ import annotations

import csv
import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from anyascii import anyascii
from rapidfuzz import fuzz, process

from .capitals import government_of
from .gazetteer import country_name, country_of

# Two spellings of one name: transliteration noise costs a few points of similarity, a different
# person (another surname) costs many. Short names need exact keys: "Ali" is not "Aliyev".
_SIMILAR = 85
_MIN_FUZZY_LEN = 5
_INSTITUTION = {"ministry", "office", "government", "army", "forces", "force", "council", "police", "authorities",
                "department", "side", "defense", "defence", "foreign", "president", "minister", "military", "of",
                "spokesman", "spokeswoman", "officials", "official", "people", "leadership", "opposition"}
_DROP = re.compile(r"^(?:the|a|an|some|several|many|local|its|their|his|her)\s+", re.I)
_TITLES = re.compile(r"^(?:president|prime minister|minister|general|gen\.|spokesman|spokeswoman|mr\.?|mrs\.?|ms\.?|dr\.?|adviser|advisor)\s+", re.I)


@dataclass(frozen=True, slots=True)
class ActorInfo:
    name: str
    actor_type: str | None = None
    inter_code: int | None = None
    country: str | None = None


def name_key(name: str) -> str:
    """Transliterated, lower-cased, punctuation-free: 'Pašinjan' -> 'pasinjan'."""
    text = anyascii(name).lower()
    text = re.sub(r"[^a-z0-9 ]+", " ", text)
    return " ".join(text.split())


def _phonetic(key: str) -> str:
    """Collapse transliteration habits of South Slavic, Russian and English spellings."""
    for a, b in (("dzh", "j"), ("dj", "j"), ("zh", "j"), ("sh", "s"), ("ch", "c"), ("kh", "h"), ("yev", "jev"),
                 ("ya", "ja"), ("yu", "ju"), ("iy", "i"), ("yy", "y"), ("y", "j"), ("ij", "i")):
        key = key.replace(a, b)
    return key


@lru_cache(maxsize=1)
def _known() -> tuple[dict[str, ActorInfo], list[str]]:
    text = resources.files("eventledger.data").joinpath("actors/actors.csv").read_text("utf-8")
    rows = csv.DictReader(line for line in text.splitlines() if line and not line.startswith("#"))
    table: dict[str, ActorInfo] = {}
    for row in rows:
        info = ActorInfo(row["name"], row["actor_type"] or None, int(row["inter_code"]) if row["inter_code"] else None,
                         row["country"] or None)
        for alias in [row["name"], *filter(None, row["aliases"].split(";"))]:
            table.setdefault(name_key(alias), info)
    return table, list(table)


@lru_cache(maxsize=1)
def _forces() -> list[tuple[str, str, int, str]]:
    data = tomllib.loads(resources.files("eventledger.data").joinpath("actors/forces.toml").read_text("utf-8"))
    out = [(noun, kind, spec["inter_code"], spec["template"]) for kind, spec in data.items() for noun in spec["nouns"]]
    return sorted(out, key=lambda item: -len(item[0]))  # "riot police" before "police"


def known_actor(name: str) -> ActorInfo | None:
    """The known actor this name or a close spelling of it refers to."""
    table, keys = _known()
    key = name_key(_TITLES.sub("", _DROP.sub("", name.strip())))
    if not key:
        return None
    if key in table:
        return table[key]
    if len(key) >= _MIN_FUZZY_LEN:
        match = process.extractOne(_phonetic(key), {k: _phonetic(k) for k in keys}, scorer=fuzz.ratio, score_cutoff=92)
        if match:
            return table[match[2]]
    return None


def normalize(text: str, context_country: str | None = None) -> ActorInfo:
    """An actor phrase as written to its normalised name and ACLED type.

    'the Azerbaijani army' -> Military Forces of Azerbaijan (state forces, 1);
    'Baku forces' -> the same; 'Taliban militants' -> Taliban (rebels, 2)."""
    phrase = _DROP.sub("", " ".join(text.split()))
    known = known_actor(phrase)
    if known is not None:
        return known
    lowered = name_key(phrase)
    for noun, kind, inter, template in _forces():
        if lowered == noun or lowered.endswith(" " + noun):
            country = _phrase_country(phrase[: len(phrase) - len(noun)])
            if country is None and kind in ("state_forces", "police"):
                country = context_country
            label = country_name(country) if country else None
            if kind in ("state_forces", "police") and label is None:
                return ActorInfo(phrase, kind, inter, None)
            name = template.format(country=label) if label else template.split(" (")[0]
            return ActorInfo(name, kind, inter, country)
    country = country_of(phrase) or _capital_country(phrase)
    if country is not None:
        # A country or its capital acting ("Azerbaijan launched an operation") is its state.
        return ActorInfo(f"Government of {country_name(country)}", "state", 1, country)
    return ActorInfo(phrase, None, None, None)


def _phrase_country(words: str) -> str | None:
    for word in re.findall(r"[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)?", words):
        code = country_of(word) or _capital_country(word)
        if code:
            return code
    return None


def _capital_country(word: str) -> str | None:
    government = government_of(word)
    return country_of(government) if government else None


def same_name(a: str, b: str) -> bool:
    """Whether two written names are spellings of one name ('Pašinjan' and 'Pashinyan')."""
    ka, kb = name_key(a), name_key(b)
    if not ka or not kb:
        return False
    if ka == kb:
        return True
    known_a, known_b = known_actor(a), known_actor(b)
    if known_a is not None and known_b is not None:
        return known_a.name == known_b.name
    if min(len(ka), len(kb)) < _MIN_FUZZY_LEN:
        return False
    if _INSTITUTION & set((ka + " " + kb).split()) or max(len(ka.split()), len(kb.split())) > 3:
        return False  # fuzzy matching is for personal and group names, not "Ministry of X" phrases
    pa, pb = _phonetic(ka), _phonetic(kb)
    if pa == pb:
        return True
    # "Nikol Pashinyan" and "Pashinyan": one is the other's surname.
    ta, tb = pa.split(), pb.split()
    if ta[-1] == tb[-1] and (len(ta) == 1 or len(tb) == 1):
        return True
    return fuzz.ratio(pa, pb) >= _SIMILAR and ta[0][0] == tb[0][0]


def fold_variants(names: list[str]) -> dict[str, str]:
    """Map every spelling to one canonical name: the known actor's name, else the most frequent
    (then longest) spelling among its variants."""
    counts: dict[str, int] = {}
    for name in names:
        counts[name] = counts.get(name, 0) + 1
    groups: list[list[str]] = []
    for name in sorted(counts, key=lambda n: (-counts[n], -len(n))):
        for group in groups:
            if any(same_name(name, member) for member in group):
                group.append(name)
                break
        else:
            groups.append([name])
    out: dict[str, str] = {}
    for group in groups:
        known = next((k for k in (known_actor(n) for n in group) if k is not None and k.actor_type == "political_figure"), None)
        canonical = known.name if known is not None else group[0]
        for name in group:
            out[name] = canonical
    return out
