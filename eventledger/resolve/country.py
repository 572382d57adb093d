"""The country a story is about, for the events it reports without any place of their own.

A story about one country names it, its people and its places again and again ("Kenyan police",
"in Garissa", "the Kenyan capital"), while a report in it often names none ("gunmen stormed the
campus"). Each of these counts as a vote for its country: every country name the text writes
(longest name first: "South Sudanese" is no vote for Sudan) in its title and in the sentences that
are not about a past year ("the genocide in Rwanda in 1994"), every place name the story is told
with (`extraction/places/settings.py`), every event place that the gazetteer placed (a name once, as a
place name and as an event's place), the place the title sets its news in ("... in Nairobi") and a
dateline the text keeps ("CHARLOTTESVILLE, Va.—"); a demonym is half a vote, as it also names who
acts, often from elsewhere ("Russian shelling of Mykolaiv"). The story's country is the one with more than half
the votes, and at least one ("Georgia's parliament", alone, is a story of Georgia): a round-up of
several countries, or a story of two, has none, and its unplaced events stay unplaced rather than
misplaced.

A report placed in a country the story never names, in a story about another, was placed at a
namesake abroad ("Grenade explosions" at a Nairobi mall read as Granada, Spain; Ethiopia's Fano
militia as Fano, Italy; President Santos as Santos, Brazil; "al-Quds neighborhood" of Mosul as
Jerusalem): it takes the story's country instead.

The outlet's country is no vote (a Nigerian paper reports Sri Lanka's bombings). A wire dateline
("JOS, Nigeria (Reuters) -") is removed by cleaning and is not seen here."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from typing import Iterable

from ..extraction.mentions import SettingName
from ..knowledge.gazetteer import country_name, country_of, geocode, is_demonym
from ..knowledge.place_words import names_landmark
from ..language import sentences
from ..language.dates import reference_year, year_of
from ..records import Article, Evidence, Location

MIN_VOTES = 1
DEMONYM_VOTE = 0.5  # "Russian shelling of Mykolaiv": a demonym also names who acts, from elsewhere
_WORD = re.compile(r"[^\W\d_]+")  # ("Georgia’s": Georgia)
_GAP = re.compile(r"[ .-]{1,2}")  # between the words of a name: "South Sudan", "U.S."
_LONGEST = 5  # "Democratic Republic of the Congo"


@dataclass(frozen=True, slots=True)
class StoryCountry:
    """The country, its votes and where the story first names it (else the first place it names in it)."""

    code: str
    votes: float
    total: float
    evidence: Evidence | None
    named: frozenset[str] = frozenset()  # the countries the text names (by name or demonym)

    def fits(self, named: list[tuple[str, int]], context: tuple[str, ...] = ()) -> bool:
        """Whether a report that placed nothing may take the country, given the places it named
        (text, level): not when one is in another country, nor when one is a town or village the
        gazetteer lacks while the story names another country too ("near the village of Qlayaa",
        in a story of Israel's north that names the Lebanese army): it may be there."""
        for text, level in named:
            if names_landmark(text):
                continue
            location = geocode(text, context_countries=context)
            if location is not None and location.country_code != self.code:
                return False
            if location is None and level == 0 and self.total > self.votes:
                return False
        return True

    def foreign(self, location: Location) -> bool:
        """Whether a place is in another country than the story's that the story never names: a
        name read as a namesake abroad ("Granada" for a grenade, "Fano" for a militia), not news
        from there. A report placed so is the story's, in its country."""
        code = location.country_code
        return bool(code) and code != self.code and code not in self.named

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
        votes[code] += DEMONYM_VOTE if is_demonym(evidence.text) else 1
        first.setdefault(code, evidence)
    placed: dict[str, Evidence] = {}  # the first place name of each country, when the text names no country
    counted: set[tuple[int, int]] = set()  # a name is one vote, as a setting and as an event's place
    found = [(geocode(name.text, context_countries=context), Evidence(name.start, name.end, name.text))
             for name in settings]
    found += [(location, location.evidence) for location in places]
    found += _headline_places(article, context)
    for location, evidence in found:
        if location is None or not location.country_code:
            continue
        if evidence is not None:
            if (evidence.start, evidence.end) in counted:
                continue
            counted.add((evidence.start, evidence.end))
        code = location.country_code
        votes[code] += 1
        if evidence is not None and (code not in placed or evidence.start < placed[code].start):
            placed[code] = evidence
    if not votes:
        return None
    (code, top), total = votes.most_common(1)[0], sum(votes.values())
    if top < MIN_VOTES or 2 * top <= total:
        return None
    return StoryCountry(code, top, total, first.get(code) or placed.get(code), frozenset(first))


# "... protesters opposing the Finance Bill in Nairobi": a place the title sets its news in
_TITLE_PLACE = re.compile(r"\b(?:in|at|near|outside)\s+((?:[A-Z][\w'’-]+)(?:\s+[A-Z][\w'’-]+){0,2})")
# "CHARLOTTESVILLE, Va.—", "KABUL -": a dateline the text keeps (a wire dateline "JOS, Nigeria
# (Reuters) -" is removed by cleaning, and not seen here)
_DATELINE = re.compile(r"([A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){0,2})"  # the town, in capitals
                       r"(?:, [A-Z][\w.]+(?: [A-Z][\w.]+)?)?\s*(?:—|–| - )")  # its state or country, a dash


def _headline_places(article: Article, context: tuple[str, ...]) -> list[tuple[Location | None, Evidence]]:
    """The places the title sets the story in, and the dateline of its first paragraph."""
    out: list[tuple[Location | None, Evidence]] = []
    opening: list[tuple[int, str]] = []  # (offset, text): the title, then the first body paragraph
    title = _title_at(article)
    if title is not None:
        opening.append((title, article.title))
        for match in _TITLE_PLACE.finditer(article.title):
            out.append((geocode(match.group(1), context_countries=context),
                        Evidence(title + match.start(1), title + match.end(1), match.group(1))))
    body = next((p for p in article.paragraphs if p.kind == "body"), None)
    if body is not None:
        opening.append((body.start, body.text))
    for start, text in opening:  # (plain text: the title may be the dateline's paragraph)
        match = _DATELINE.match(text)
        if match is not None:
            name = match.group(1).rstrip(".")
            out.append((geocode(name.title(), context_countries=context),
                        Evidence(start + match.start(1), start + match.start(1) + len(name), name)))
            break
    return out


def _title_at(article: Article) -> int | None:
    """Where the title is in the article's text, if it is."""
    if not article.title:
        return None
    found = article.title_evidence
    if found is not None and article.text[found.start:found.end] == article.title:
        return found.start
    return 0 if article.text.startswith(article.title) else None


def _current_names(article: Article) -> list[tuple[str, Evidence]]:
    """The country names of the title and of the sentences that are not about a past year ("the
    genocide in Rwanda in 1994", in a story of 2010), with article offsets."""
    published = int(article.published[:4]) if article.published else reference_year(article.text)
    spans: list[tuple[int, int]] = []
    title = _title_at(article)
    if title is not None:
        spans.append((title, title + len(article.title)))
    spans += [(s.start, s.end) for s in sentences(article, kinds=("body", "heading", "caption"))]
    out = []
    for start, end in spans:
        text = article.text[start:end]
        year = year_of(text)
        if year is not None and published is not None and year < published:
            continue
        out += [(code, Evidence(start + e.start, start + e.end, e.text)) for code, e in country_names(text)]
    return out
