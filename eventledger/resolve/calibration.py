"""How sure an event, its figures and its place are: `Event.confidence` is the chance that a reported
event is one an annotator codes (the same sub-type, told by the same sentences), `Figure.confidence`
the chance that the annotator codes that count of that kind for it, and `Location.confidence` the
chance that the annotator codes that place for it (given the event is one; an event placed nowhere
has no place to be sure of). All three are learned from the labels of
the news corpus's train split by `scripts/calibrate_events.py` and kept as a handful of numbers
(`eventledger/data/events/calibration.json`: no text goes into it). Measured on the dev split by
`eventledger score articles` ("confidence: ..."): values reported at 0.8 should be right about
eight times in ten.

The features are what the system knows of its own report: the typer's score for the sentence,
whether the sub-type was only implied by a toll, how many sentences tell the event, whether it has
a toll, a town and a day of its own, whether its event word names the kind of violence, how early
in the article it is told, and how many events the article reports. A place's are how wide it is
(a town, a country), whether its name is in one of the event's own sentences, whether the gazetteer
knows it, and whether it was found under another name than the one written."""

from __future__ import annotations

import json
import math
import re
from dataclasses import replace
from functools import lru_cache

from anyascii import anyascii

from ..data import shipped_text
from ..records import Article, Event, Figure, Statement
from .event_rules import generic_word

FEATURES = ("typer", "implied", "sentences", "toll", "town", "day", "generic", "early", "events_in_article")
FIGURE_FEATURES = ("event", "part", "hedged", "claimant", "no_group", "size", "same_kind", "toll", "bounded", "lead")
STATEMENT_FEATURES = ("claim", "accuse", "deny", "speaker", "pronoun", "target", "quoted", "words", "in_article")
PLACE_FEATURES = ("town", "region", "country", "own_sentence", "unknown", "renamed")
ENABLED = True  # `scripts/calibrate_events.py` switches it off to read the uncalibrated scores


def features(event: Event, article: Article, n_events: int) -> list[float]:
    first = event.trigger.start if event.trigger else (event.evidence[0].start if event.evidence else 0)
    trigger = event.trigger.text if event.trigger else ""
    return [
        float(event.confidence),
        1.0 if event.trigger is None or event.confidence <= 0.3 else 0.0,
        math.log1p(len(event.evidence)),
        1.0 if any(f.kind in ("killed", "injured") and not f.background for f in event.figures) else 0.0,
        1.0 if event.location is not None and (event.location.precision or 3) <= 2 else 0.0,
        1.0 if event.date_precision == "day" else 0.0,
        1.0 if trigger and generic_word(trigger) else 0.0,
        first / max(1, len(article.text)),
        math.log1p(n_events),
    ]


def figure_features(figure: Figure, event: Event) -> list[float]:
    """What the system knows of a figure: its event's (calibrated) confidence, whether it is a
    part, hedged, claimed by someone, of no stated group, how large, how many figures of its kind
    the event has, whether it is a toll, a bound ("at least"), and in the event's first sentence."""
    same = sum(1 for f in event.figures if f.kind == figure.kind and not f.background)
    lead = event.evidence[0] if event.evidence else None
    return [
        float(event.confidence),
        1.0 if figure.part else 0.0,
        1.0 if figure.hedged else 0.0,
        1.0 if figure.claimant else 0.0,
        1.0 if figure.group == "total" else 0.0,
        math.log1p(figure.count or figure.low or figure.high or 0),
        math.log1p(same),
        1.0 if figure.kind in ("killed", "injured") else 0.0,
        1.0 if figure.low is not None or figure.high is not None else 0.0,
        1.0 if lead is not None and figure.evidence is not None and lead.start <= figure.evidence.start < lead.end else 0.0,
    ]


def place_features(event: Event) -> list[float]:
    """What the system knows of an event's place (`event.location`, not None)."""
    loc = event.location
    found = loc.evidence
    # its name written in one of the event's sentences; not a place inferred from what they say
    # ("near Georgia's parliament": Tbilisi), nor one found elsewhere in the article
    written = found is not None and not _words(loc.name).isdisjoint(_words(found.text))
    own = written and any(s.start <= found.start < s.end for s in event.evidence)
    return [
        1.0 if (loc.precision or 3) == 1 else 0.0,
        1.0 if loc.feature == "region" else 0.0,
        1.0 if loc.feature == "country" else 0.0,
        1.0 if own else 0.0,
        1.0 if loc.feature == "unlocated" else 0.0,  # kept by name: the gazetteer does not know it
        1.0 if loc.mention and loc.mention.casefold() != loc.name.casefold() else 0.0,
    ]


_QUOTES = tuple('"“”‘’\'')


def statement_features(statement: Statement, n_statements: int) -> list[float]:
    """What the system knows of a statement: its kind (a claim, an accusation, a denial, or
    another), whether it names its speaker and whether that is a pronoun resolved from before,
    whether it has a target, whether it is quoted, how long it is, and how many statements the
    article has."""
    speaker = statement.speaker or ""
    sentence = statement.sentence.text if statement.sentence is not None else statement.text
    return [
        1.0 if statement.kind == "claim" else 0.0,
        1.0 if statement.kind == "accuse" else 0.0,
        1.0 if statement.kind == "deny" else 0.0,
        1.0 if speaker else 0.0,
        1.0 if statement.speaker_evidence is not None and statement.speaker_evidence.text.lower() in
        ("he", "she", "they", "it", "we") else 0.0,
        1.0 if statement.target else 0.0,
        1.0 if any(q in sentence for q in _QUOTES) else 0.0,
        math.log1p(len(statement.text.split())),
        math.log1p(n_statements),
    ]


def calibrate_statements(statements: list[Statement]) -> None:
    """Set each statement's `confidence` to the calibrated chance an annotator codes it (in place)."""
    fitted = model() if ENABLED else None
    if fitted is None or "statements" not in fitted:
        return
    for statement in statements:
        statement.confidence = _chance(fitted["statements"], statement_features(statement, len(statements)))


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]+", anyascii(text).lower()) if len(w) > 2}


def _chance(fitted: dict, x: list[float]) -> float:
    z = fitted["bias"] + sum(w * (v - m) / s for w, v, m, s in zip(fitted["weights"], x, fitted["mean"], fitted["std"]))
    return round(1.0 / (1.0 + math.exp(-z)), 3)


@lru_cache(maxsize=1)
def model() -> dict | None:
    try:
        return json.loads(shipped_text("events/calibration.json"))
    except FileNotFoundError:
        return None


def calibrate(events: list[Event], article: Article) -> None:
    """Set each event's `confidence`, each of its current figures', and its place's, to the
    calibrated chance of being right (in place)."""
    fitted = model() if ENABLED else None
    if fitted is None:
        return
    reported = sum(1 for event in events if not event.background)  # (as the model was fitted)
    for event in events:
        event.confidence = _chance(fitted["events"], features(event, article, reported))
    for event in events:
        for figure in event.figures:
            if not figure.background:
                figure.confidence = _chance(fitted["figures"], figure_features(figure, event))
    if "places" in fitted:
        for event in events:
            if event.location is not None:
                # a copy: events of one paragraph may share a place, each with its own evidence
                event.location = replace(event.location, confidence=_chance(fitted["places"], place_features(event)))
