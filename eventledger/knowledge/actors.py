"""Actor names: one normalised name per actor, its ACLED type and interaction code, and the
folding of spelling variants ("Pašinjan" / "Pashinyan", "Hadjiyev" / "Hajiyev").

Known actors and their aliases live in `eventledger/data/actors/actors.csv`; generic force nouns
("army", "police", "protesters") in `forces.toml`. Variants are compared on a transliterated,
lower-cased key with rapidfuzz, so a user's new spelling still lands on the known actor."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import tomllib
from anyascii import anyascii
from rapidfuzz import fuzz, process

from ..data import shipped_rows, user_rows
from .capitals import government_of
from .gazetteer import _countries, country_name, country_of, geocode

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
    table: dict[str, ActorInfo] = {}
    for rows, user in ((shipped_rows("actors/actors.csv"), False), (user_rows("actors/actors.csv"), True)):
        for row in rows:
            info = ActorInfo(row["name"], row["actor_type"] or None, int(row["inter_code"]) if row["inter_code"] else None,
                             row["country"] or None)
            for alias in [row["name"], *filter(None, row["aliases"].split(";"))]:
                if user:
                    table[name_key(alias)] = info  # the user's rows ($EVENTLEDGER_DATA) win
                else:
                    table.setdefault(name_key(alias), info)
    return table, list(table)


@lru_cache(maxsize=1)
def _forces() -> list[tuple[str, str, int | None, str | None]]:
    data = tomllib.loads(resources.files("eventledger.data").joinpath("actors/forces.toml").read_text("utf-8"))
    out = [(noun, kind, spec.get("inter_code"), spec.get("template")) for kind, spec in data.items()
           for noun in spec["nouns"]]
    return sorted(out, key=lambda item: -len(item[0]))  # "riot police" before "police"


def known_names() -> list[str]:
    """Every known actor name and alias, as matching keys (lower-cased, transliterated)."""
    return _known()[1]


def place_may_act(text: str, as_doer: bool = True) -> bool:
    """Whether a place-like name can be an actor: a country or its people ("Iran threatened",
    "attacks on Israel"), a known actor, and a capital only as a doer ("Baku launched"). A town or
    region named as the scene of an event is a place, not an actor."""
    phrase = _DROP.sub("", " ".join(text.split()))
    if country_of(phrase) is not None or known_actor(phrase) is not None:
        return True
    return as_doer and _capital_country(phrase) is not None


def scene_place(text: str) -> bool:
    """Whether a name is a town or region (the gazetteer's, unambiguous) rather than an actor:
    'Saraqeb', 'Palmyra' -- whatever the tagger called them. Countries, capitals (which may stand
    for their government) and known actors ('Hamas', also a German town's alternate name) are not."""
    phrase = _DROP.sub("", " ".join(text.split()))
    if not phrase or country_of(phrase) or _capital_country(phrase) or known_actor(phrase) is not None:
        return False
    location = geocode(phrase)
    return location is not None and location.feature != "country"


@lru_cache(maxsize=1)
def _phonetic_keys() -> dict[str, str]:
    """Every known alias key in its phonetic form, computed once (it is matched for every name)."""
    return {k: _phonetic(k) for k in _known()[1]}


@lru_cache(maxsize=4096)
def known_actor(name: str) -> ActorInfo | None:
    """The known actor this name or a close spelling of it refers to."""
    table, keys = _known()
    key = name_key(_TITLES.sub("", _DROP.sub("", name.strip())))
    if not key:
        return None
    if key in table:
        return table[key]
    if len(key) >= _MIN_FUZZY_LEN:
        match = process.extractOne(_phonetic(key), _phonetic_keys(), scorer=fuzz.ratio, score_cutoff=92)
        if match:
            return table[match[2]]
    return None


@lru_cache(maxsize=1)
def _extra_demonyms() -> dict[str, str]:
    path = resources.files("eventledger.data").joinpath("actors/demonyms.csv")
    if not path.is_file():
        return {}
    text = path.read_text("utf-8")
    rows = csv.DictReader(line for line in text.splitlines() if line and not line.startswith("#"))
    return {name_key(row["demonym"]): row["country_code"] for row in rows}


def demonym_country(word: str) -> str | None:
    """ISO code of a country name or demonym, the gazetteer's or the actors' extras ('Serbs' -> RS)."""
    code = country_of(word)
    if code is not None:
        return code
    key = name_key(word)
    extras = _extra_demonyms()
    return extras.get(key) or (extras.get(key[:-1]) if key.endswith("s") else None)


_STATE_KINDS = ("state_forces", "police", "government")
# People-nouns written as a demonym alone ("three ethnic Albanians", "Palestinians"), after these.
_PEOPLE_PREFIX = re.compile(r"^(?:(?:ethnic|local|young|angry|innocent|unarmed|fellow|native|other|about|some|at least|"
                            r"more than|up to|nearly|over|\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|"
                            r"ten|dozens of|hundreds of|thousands of)\s+)+", re.I)
# What a crowd of people is, by the kind of event it takes part in as actor1.
_CROWD = {"Protests": ("protesters", 6, "Protesters ({country})"), "Riots": ("rioters", 5, "Rioters ({country})")}


def normalize(text: str, context_country: str | None = None, role: str | None = None,
              event_type: str | None = None) -> ActorInfo:
    """An actor phrase as written to its normalised name and ACLED type.

    'the Azerbaijani army' -> Military Forces of Azerbaijan (state forces, 1);
    'Baku forces' -> the same; 'Taliban militants' -> Taliban (rebels, 2); 'Serb forces' ->
    Military Forces of Serbia. People named by a demonym ('three ethnic Albanians') are
    civilians of that country (7); with `role` and `event_type` given, people acting in a protest
    or riot are protesters (6) or rioters (5), and a lone nationality adjective on the receiving
    end ('Palestinian' homes) is civilians, not the state."""
    phrase = _DROP.sub("", " ".join(text.split()))
    known = known_actor(phrase) or _known_core(phrase)
    if known is not None:
        return known
    lowered = name_key(phrase)
    for noun, kind, inter, template in _forces():
        if lowered == noun or lowered.endswith(" " + noun):
            prefix = phrase[: len(phrase) - len(noun)]
            country = _phrase_country(prefix)
            if country is None and kind in _STATE_KINDS and not _foreign_word(prefix):
                country = context_country
            if kind in ("civilians", "groups") and role == "actor1" and event_type in _CROWD:
                kind, inter, template = _CROWD[event_type]
            if template is None:  # an organisation: named as written
                return ActorInfo(phrase, kind, inter, country)
            label = country_name(country) if country else None
            if kind in _STATE_KINDS and label is None:
                return ActorInfo(phrase, kind, inter, None)
            name = template.format(country=label) if label else template.split(" (")[0]
            return ActorInfo(name, kind, inter, country)
    people = _PEOPLE_PREFIX.sub("", phrase)
    country = demonym_country(people)
    if country is not None and _is_people_word(people, country):
        plural = people != phrase or (people.endswith("s") and not people.endswith("ss"))
        kind = None
        if role == "actor1" and plural and event_type in _CROWD:
            kind, inter, template = _CROWD[event_type]
        elif role == "actor2" or (role is None and plural):
            kind, inter, template = "civilians", 7, "Civilians ({country})"
        if kind is not None:
            return ActorInfo(template.format(country=country_name(country) or people), kind, inter, country)
    country = country_of(phrase) or _capital_country(phrase)
    if country is None and phrase[:1].isupper():
        country = demonym_country(phrase)
    if country is not None:
        # A country or its capital acting ("Azerbaijan launched an operation") is its state.
        return ActorInfo(f"Government of {country_name(country)}", "state", 1, country)
    return ActorInfo(phrase, None, None, None)


_GENERIC_TAIL = re.compile(r"\s+(?:movement|group|organi[sz]ation|militants?|fighters?|rebels?|guerr?illas?|members?|"
                           r"militias?|militiamen|forces|troops|insurgents?|gunmen|supporters|loyalists|terror network|"
                           r"network|faction|wing|cells?|commanders?|leadership|units?)$", re.I)


def _known_core(phrase: str) -> ActorInfo | None:
    """A known actor named with a generic noun around it: 'Hezbollah guerrillas', 'the radical
    Palestinian Islamic Jihad movement', "Osama bin Laden's al-Qaeda terror network"."""
    words = phrase.split()
    for i in range(1, len(words) - 1):  # "paramilitary Rapid Support Forces": a known name after a modifier
        known = known_actor(" ".join(words[i:]))
        if known is not None:
            return known
    core = phrase
    for _ in range(3):
        stripped = _GENERIC_TAIL.sub("", core)
        if stripped == core:
            break
        core = stripped
    words = core.split()
    # drop leading words one at a time (adjectives, a possessor): "radical Palestinian Islamic Jihad"
    for i in range(len(words)):
        candidate = " ".join(words[i:])
        if candidate != phrase and len(name_key(candidate)) >= 2:
            known = known_actor(candidate)
            if known is not None and (len(name_key(candidate)) >= 4 or candidate.isupper()):
                return known
    # a known name followed by lower-case description: "NATO peacekeeping troops", "ISIS fighters"
    for j in range(len(words) - 1, 0, -1):
        if all(w[:1].islower() for w in words[j:]):
            candidate = " ".join(words[:j])
            known = known_actor(candidate)
            if known is not None and (len(name_key(candidate)) >= 4 or candidate.isupper()):
                return known
    return None


def _phrase_country(words: str) -> str | None:
    for word in re.findall(r"[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)?", words):
        word = re.sub(r"['’]s$", "", word)
        code = country_of(word) or _capital_country(word) or demonym_country(word)
        if code:
            return code
        for part in word.split():  # "Egyptian Army" as one capitalised run
            code = country_of(part) or demonym_country(part)
            if code:
                return code
    return None


def _foreign_word(words: str) -> bool:
    """A capitalised word that names no known country ("Karen", "Moro"): the force is someone's own,
    not the story's country's."""
    return any(w.lower() not in ("the", "government", "state", "federal", "national", "royal", "special", "riot")
               for w in re.findall(r"\b[A-Z][\w’'-]+", words))


def _is_people_word(words: str, country: str) -> bool:
    """A demonym naming people or a nationality ('Albanians', 'Palestinian'), not the country's own
    name ('Albania', 'U.S.', 'the United States')."""
    key = name_key(words)
    name = name_key(country_name(country) or "")
    if not key or key == name or " " in key and key.split()[-1] in name.split():
        return False
    return key not in _country_keys()


@lru_cache(maxsize=1)
def _country_keys() -> frozenset[str]:
    """Country names and their abbreviations, as keys: what is a country, not its people."""
    out = set()
    for code, country in _countries().items():
        out.add(name_key(country["name"]))
        out.add(name_key(code))
    out |= {"us", "u s", "usa", "uk", "u k", "united states", "america", "britain", "great britain", "holland",
            "russia", "ussr", "uae", "drc", "car", "prc", "dprk", "north korea", "south korea"}
    return frozenset(out)


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
