"""One report told at several named places: ACLED codes one event per place (and sub-type and
day), so such a sentence yields one event mention per place, each with its own figures.

Two shapes are read:

- counts by place: "killed four in Ardo, three in Bekin and one in Tula", "60 people were killed
  in X, 20 in Y, 35 in Z", "nine people were killed in X while two died in Y". Each count
  goes to the place its own phrase names; a count the list elides ("100 in Y") is a figure of the
  kind of the count it follows. A count given for none of the places (an undivided toll) stays
  with the first place (docs/annotation.md §2).
- places coordinated as the event's place: "gunmen raided X and Y villages", "arrested 40
  people in X, Y and Z": one mention per place,
  the figures on the first.

Corpus cases: sy-ghouta-nerve-gas-toll-*, ng-maru-kango-dangulbi-*, ng-bakura-maradun-*,
iq-nasiriyah-bridge-* (counts by place); ir-chabahar-rask-* (two outlets), iq-saadiya-jalula-*,
iq-wave-of-attacks-*, za-diepsloot-* (coordinated places).

Not split: places that are only a route or a span ("from X to Y", "between X and Y", "through
X and Y"), countries ("in Syria and Iraq" is the setting of a story, not two reports), and
background reports. The prepositions are data: `eventledger/data/places/cues.toml`
(`count_prepositions`, `route_prepositions`)."""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from ...knowledge.gazetteer import geocode
from ...knowledge.place_words import names_landmark
from ...language import token_at
from ...records import Evidence
from ..figures.numbers import NumberPhrase, find_numbers
from ..mentions import EventMention, FigureFound, PlaceFound
from .names import excluded, first_conjunct, place_cues, place_level, place_spans, placeable, proper_spans
from .rules import PlaceHit, governing_prep_i

# How far after a count its place may be named ("12 people who were crossing the square in X").
_COUNT_WINDOW = 8
# Words an elided count may carry before its place ("ten others in X", "three more at Y").
_ELIDED_NOUNS = {"others", "more", "people", "persons", "dead", "killed", "wounded", "injured"}
# What may stand before an elided count in a list: "..., 100 in Y", "and one in Z", "while five in Z".
_LIST_SEPARATORS = {",", ";", "and", "while", "whereas", "with"}


def split_by_place(doc: Doc, sentence_start: int, mention: EventMention) -> list[tuple[EventMention, PlaceHit]]:
    """The mention's reports, one per place the sentence tells it at, each with its place and
    figures; the first is `mention` itself (changed in place). Empty when the sentence tells it
    at one place (or none)."""
    if mention.background:
        return []
    base = doc[0].idx
    shares = _counted(doc, sentence_start, mention)
    if shares is None:
        listed = _listed(doc, sentence_start, mention)
        if len(listed) < 2:
            return []
        shares = [(span, []) for span in listed]
    out: list[tuple[EventMention, PlaceHit]] = []
    placed = {id(f) for _, figures in shares for f in figures}
    undivided = [f for f in mention.figures if id(f) not in placed]
    for position, (span, figures) in enumerate(shares):
        hit = PlaceHit(span.text, span.start_char - base, span.end_char - base, span.start, span.end)
        place = PlaceFound(span.text, sentence_start + hit.start_char, sentence_start + hit.end_char,
                           near=mention.place.near if mention.place is not None and position == 0 else False)
        own = figures + (undivided if position == 0 else [])
        own.sort(key=lambda f: f.evidence.start)
        if position == 0:
            part = mention
            part.place, part.figures = place, own
        else:
            # (a sentence with no event word of its own keeps the word it refers back with: "The
            # attack took place in X and Y" tells the attack at Y too)
            part = replace(mention, place=place, figures=own, actors=list(mention.actors), place_fallbacks=[],
                           extra_sentences=[], cause=None,
                           anaphoric=mention.anaphoric if mention.sub_event_type == "none" else None)
        part.place_list = (mention.sentence.start, position)
        out.append((part, hit))
    return out


def _counted(doc: Doc, sentence_start: int, mention: EventMention) -> list[tuple[Span, list[FigureFound]]] | None:
    """Counts by place, in the order of the places: None unless two places at least have counts."""
    if not mention.figures:
        return None
    starts = {token_at(doc, f.evidence.start - sentence_start): f for f in mention.figures}
    spans = [s for s in place_spans(doc) if not excluded(s) and place_level(s) < 2]
    numbers = find_numbers(doc)
    items: list[tuple[Span, FigureFound]] = []
    previous: FigureFound | None = None  # the count a list's elided counts take their kind from
    for k, number in enumerate(numbers):
        figure = starts.get(number.first)
        following = numbers[k + 1].first if k + 1 < len(numbers) else len(doc)
        if figure is not None:
            previous = figure if not figure.background else None
            if figure.background:
                continue
            span = _place_after(doc, number, spans, min(following, number.last + _COUNT_WINDOW), elided=False)
        elif previous is not None and _elided(doc, number):
            span = _place_after(doc, number, spans, following, elided=True)
            if span is not None:
                figure = _elided_figure(doc, sentence_start, number, previous)
        else:
            continue
        if span is not None and figure is not None:
            items.append((span, figure))
    if len({_key(span) for span, _ in items}) < 2 or not _one_country([span for span, _ in items]):
        return None
    shares: list[tuple[Span, list[FigureFound]]] = []
    for span, figure in sorted(items, key=lambda item: item[0].start):
        same = next((s for s in shares if _key(s[0]) == _key(span)), None)
        if same is None:
            shares.append((span, [figure]))
        else:
            same[1].append(figure)
    mine = {id(f) for f in mention.figures}
    for _, figures in shares:
        for figure in figures:
            if id(figure) in mine:
                _trim(doc, sentence_start, figure, numbers)
    return shares


def _elided(doc: Doc, number: NumberPhrase) -> bool:
    """'..., 20 in Y', 'and about ten others in Z': a count in a list with no noun of its own (or
    "others"), its place right after it."""
    if number.first == 0 or doc[number.first - 1].lower_ not in _LIST_SEPARATORS:
        return False
    i = number.last
    if i < len(doc) and doc[i].lower_ in _ELIDED_NOUNS:
        i += 1
    return i < len(doc) and doc[i].lower_ in place_cues()["count_prepositions"]


def _place_after(doc: Doc, number: NumberPhrase, spans: list[Span], limit: int, elided: bool) -> Span | None:
    """The place a count's own phrase names: the first place after it, before the next count,
    governed by a preposition of place ("in", "at") met within the window."""
    for i in range(number.last, min(limit, len(doc))):
        token = doc[i]
        if token.text == ";" or (token.lower_ in ("but", "while", "whereas") and not elided):
            return None  # the next clause
        if token.lower_ not in place_cues()["count_prepositions"]:
            continue
        for span in sorted(spans, key=lambda s: s.start):
            if i < span.start <= i + 5 and governing_prep_i(span) == i:
                return span
        return None
    return None


def _elided_figure(doc: Doc, sentence_start: int, number: NumberPhrase, like: FigureFound) -> FigureFound:
    """A figure for an elided count: the kind, source and flags of the count the list began with."""
    base = doc[0].idx
    last = doc[number.last - 1]
    if number.last < len(doc) and doc[number.last].lower_ in _ELIDED_NOUNS:
        last = doc[number.last]
    start = sentence_start + doc[number.first].idx - base
    end = sentence_start + last.idx - base + len(last.text)
    evidence = Evidence(start, end, doc.text[start - sentence_start:end - sentence_start])
    return FigureFound(
        kind=like.kind, count=number.value, low=number.low, high=number.high, civilians=None, children=None,
        hedged=like.hedged, background=like.background, evidence=evidence, claimant=like.claimant,
        claimant_evidence=like.claimant_evidence, group="total",
    )


def _trim(doc: Doc, sentence_start: int, figure: FigureFound, numbers: list[NumberPhrase]) -> None:
    """A figure whose evidence ran on over the next counts of the list ("four people in Ardo,
    three in Bekin and one") keeps its own phrase."""
    later = [n for n in numbers if sentence_start + doc[n.first].idx - doc[0].idx > figure.evidence.start]
    if not later:
        return
    cut = sentence_start + doc[later[0].first].idx - doc[0].idx
    if figure.evidence.end <= cut:
        return
    text = figure.evidence.text[:cut - figure.evidence.start]
    # (and without the place it names: "four people in X," -> "four people")
    preps = "|".join(re.escape(p) for p in place_cues()["count_prepositions"])
    text = re.split(rf"\s(?:{preps})\s", text, maxsplit=1)[0].rstrip(" ,;")
    words = text.split()
    while len(words) > 1 and words[-1].lower() in _LIST_SEPARATORS:
        words.pop()
    text = text[:len(" ".join(words))] if words else text
    if text:
        figure.evidence = Evidence(figure.evidence.start, figure.evidence.start + len(text), text)


def _listed(doc: Doc, sentence_start: int, mention: EventMention) -> list[Span]:
    """The event's place and the places coordinated with it ("in the towns of X and Y"), in text
    order; one place or none when it names no list."""
    if mention.place is None:
        return []
    spans = [s for s in place_spans(doc) if not excluded(s)]
    start, end = mention.place.start - sentence_start, mention.place.end - sentence_start
    base = doc[0].idx
    own = next((s for s in spans if s.start_char - base < end and start < s.end_char - base), None)
    if own is None or place_level(own) >= 2:
        return []
    prep = governing_prep_i(own)
    if prep is not None and doc[prep].lower_ in place_cues()["route_prepositions"]:
        return []
    if _surroundings(own):
        return []
    first = first_conjunct(own.root)
    # A name coordinated with a place is a place when the model or the gazetteer says so, or when
    # nothing says it is a people or an organisation (a village the model tags as a person or the
    # gazetteer does not know, in "in X, Y and Z" or "the towns of X and Y").
    names = spans + [s for s in proper_spans(doc) if not excluded(s) and (
        s.label_ not in ("NORP", "ORG") or placeable(s) or (s.label_ == "NORP" and s.root.tag_ == "NNP"))]
    listed = []
    for token in _conjuncts(first):
        span = next((s for s in names if s.start <= token.i < s.end), None)
        if span is None or token.pos_ != "PROPN" and span is not own or place_level(span) >= 2 \
                or any(span.start < s.end and s.start < span.end for s in listed):
            continue
        listed.append(span)
    if not any(s is own for s in listed) or len(listed) < 2:
        return []
    if any(names_landmark(s.text) for s in listed):
        return []  # "the Palace Hotel and the Star Cafe across the road": sites of one town
    if not _one_country(listed):
        return []
    # A list is coordinated ("X, Y and Z") and of places of one level: "the town of X, Y State"
    # names a town and the state it lies in, not two places.
    if not any(c.dep_ == "cc" for t in _conjuncts(first) for c in t.children) \
            or len({min(place_level(s), 1) for s in listed}) > 1:
        return []
    return sorted(listed, key=lambda s: s.start)


def _surroundings(span: Span) -> bool:
    """'the outskirts of the villages of X and Y', 'near X and Y': the places only locate one event's
    area (kfar-roummane fixture: one shelling on the outskirts of two villages)."""
    token = first_conjunct(span.root)
    for _ in range(5):
        if token.lower_ in place_cues()["surroundings"]:
            return True
        if token.head.i == token.i:
            return False
        token = token.head
    return False


def _one_country(spans: list[Span]) -> bool:
    """Whether the places lie in one country as far as the gazetteer knows. Tolls in cities of
    several countries ("30 dead in Paris, 12 in Madrid") sum up a spate of separate incidents told
    as context, not one report told at several places (iq-karrada-truck-bombing-*)."""
    countries = set()
    for span in spans:
        location = geocode(span.text)
        if location is not None and location.country_code:
            countries.add(location.country_code)
    return len(countries) <= 1


def _conjuncts(token: Token) -> list[Token]:
    """The token and every token coordinated with it ("X, Y and Z")."""
    out, todo = [], [token]
    while todo:
        current = todo.pop()
        out.append(current)
        todo.extend(c for c in current.children if c.dep_ == "conj")
    return out


def _key(span: Span) -> str:
    return span.text.lower()
