"""The country a story is about, for the events it reports without any place of their own.

A story about one country names it, its people and its places again and again ("Kenyan police",
"in Garissa", "the Kenyan capital"), while a report in it often names none ("gunmen stormed the
campus"). Each of these counts as a vote for its country: every country name or demonym the text
writes (longest name first: "South Sudanese" is no vote for Sudan) in its title and in the sentences
that are not about a past year ("the genocide in Rwanda in 1994"), every place name the story is
told with (`extraction/settings.py`) and every event place that the gazetteer placed. The story's
country is the one with more than half the votes, and at least two: a round-up of several countries,
or a story of two, has none, and its unplaced events stay unplaced rather than misplaced.

The outlet's country is no vote (a Nigerian paper reports Sri Lanka's bombings), nor is a dateline
(`extraction` drops it from the story's place names: a Beirut dateline over a story of Syria)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from typing import Iterable

from ..extraction.mentions import SettingName
from ..language import sentences
from ..records import Article, Evidence, Location
from .dates import reference_year, year_of
from .gazetteer import country_name, country_of, geocode

MIN_VOTES = 2
_WORD = re.compile(r"[^\W\d_]+")  # ("Georgia’s": Georgia)
_GAP = re.compile(r"[ .-]{1,2}")  # between the words of a name: "South Sudan", "U.S."
_LONGEST = 5  # "Democratic Republic of the Congo"


@dataclass(frozen=True, slots=True)
class StoryCountry:
    """The country, its votes and where the story first names it (else the first place it names in it)."""

    code: str
    votes: int
    total: int
    evidence: Evidence | None

    def location(self) -> Location | None:
        """The country as a place (precision 3, ACLED's for a report that gives only its country)."""
        name = country_name(self.code)
        found = geocode(name, (self.code,)) if name else None
        if found is None or found.country_code != self.code:
            return None
        return replace(found, mention=self.evidence.text if self.evidence else None, evidence=self.evidence,
                       precision=3, feature="country")


def country_names(text: str) -> list[tuple[str, Evidence]]:
    """(ISO code, where) of every country name or demonym in the text, longest names first."""
    words = list(_WORD.finditer(text))
    out: list[tuple[str, Evidence]] = []
    i = 0
    while i < len(words):
        size = 0
        if words[i].group()[0].isupper():  # names are written capitalised: "us" is no country
            for size in range(min(_LONGEST, len(words) - i), 0, -1):
                gaps = [text[words[j].end():words[j + 1].start()] for j in range(i, i + size - 1)]
                if any(not _GAP.fullmatch(gap) for gap in gaps):
                    continue  # a name never runs across a comma or a line break
                phrase = text[words[i].start():words[i + size - 1].end()]
                code = country_of(phrase)
                if code:
                    out.append((code, Evidence(words[i].start(), words[i + size - 1].end(), phrase)))
                    break
            else:
                size = 0
        i += size or 1
    return out


def story_country(article: Article, settings: Iterable[SettingName], places: Iterable[Location],
                  context: tuple[str, ...] = ()) -> StoryCountry | None:
    """The country the story is about (see the module's docstring), or None when it is about several."""
    votes: Counter[str] = Counter()
    first: dict[str, Evidence] = {}
    for code, evidence in _current_names(article):
        votes[code] += 1
        first.setdefault(code, evidence)
    named: dict[str, Evidence] = {}  # the first place name of each country, when the text names no country
    for name in settings:
        location = geocode(name.text, context_countries=context)
        if location is not None and location.country_code:
            votes[location.country_code] += 1
            if location.country_code not in named or name.start < named[location.country_code].start:
                named[location.country_code] = Evidence(name.start, name.end, name.text)
    for location in places:
        if location.country_code:
            votes[location.country_code] += 1
            evidence = location.evidence
            if evidence is not None and (location.country_code not in named or evidence.start < named[location.country_code].start):
                named[location.country_code] = evidence
    if not votes:
        return None
    (code, top), total = votes.most_common(1)[0], sum(votes.values())
    if top < MIN_VOTES or 2 * top <= total:
        return None
    return StoryCountry(code, top, total, first.get(code) or named.get(code))


def _current_names(article: Article) -> list[tuple[str, Evidence]]:
    """The country names of the title and of the sentences that are not about a past year ("the
    genocide in Rwanda in 1994", in a story of 2010), with article offsets."""
    published = int(article.published[:4]) if article.published else reference_year(article.text)
    spans: list[tuple[int, int]] = []
    if article.title and article.text.startswith(article.title):
        spans.append((0, len(article.title)))
    spans += [(s.start, s.end) for s in sentences(article, kinds=("body", "heading", "caption"))]
    out = []
    for start, end in spans:
        text = article.text[start:end]
        year = year_of(text)
        if year is not None and published is not None and year < published:
            continue
        out += [(code, Evidence(start + e.start, start + e.end, e.text)) for code, e in country_names(text)]
    return out
