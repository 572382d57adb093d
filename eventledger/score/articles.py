"""Score whole articles against the annotated news corpus (eval/news, docs/annotation.md).

Runs the pipeline on each article of a split and prints, over the split and per article:
events (precision, recall, F1 at sub-type and at event-type level), places (right, coarser,
elsewhere, in another country, unplaced), dates, figures (right count; right count and claimant),
statements (found; kind right), traps hit, events predicted on articles that report none, and
merge precision and recall over the events that several outlets report (run through the ledger).

A system event matches a gold event when their evidence overlaps (the gold event's quoted
sentences and the system's evidence or trigger), or, failing evidence, when sub-type, place and
day all agree. Matching is one-to-one, best pairs first. Optional gold events and figures are
neither credited nor missed.

    eventledger score articles [--split train|dev|blind|all] [--set corpus|fixtures] [--misses] [--undated]

`--set fixtures` scores the project's own test articles (tests/fixtures/articles and the seed):
they are unit-test inputs, not evidence of accuracy. `--undated` runs each article without its
publication date, as a folder of plain text would be ingested, and counts the events dated to a
year that neither the text nor its own date names (a date taken from the machine's clock). Each
run on the blind split is appended to eval/news/blind_log.csv.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import subprocess
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Iterable

from anyascii import anyascii

from ..records import DocResult, Event, Extraction, RawDocument, Statement
from .gold import CORPUS, REPO, Located, article_path, article_text

_STOP = {"the", "of", "in", "and", "for", "on", "to", "a", "an", "by", "side", "forces", "force", "authorities",
         "government"}
FIXTURES = REPO / "tests" / "fixtures" / "articles"
SEED = REPO.parent / "shared" / "data" / "seed" / "expected.json"
SPLITS = ("train", "dev", "blind")


# ---- the gold records ---------------------------------------------------------------------------

@dataclass
class GoldFigure:
    kind: str
    count: int
    group: str = "total"
    civilians: int | None = None
    children: int | None = None
    claimant: str | None = None  # words that identify the claimant; None = the outlet's own
    evidence: str | None = None
    optional: bool = False
    also: tuple[str | None, ...] = ()  # acceptable claimants: other sources of the same number


@dataclass
class GoldPlace:
    name: str | None
    country_code: str | None = None
    precision: int | None = None
    admin1: str | None = None
    acceptable: tuple[str, ...] = ()


@dataclass
class GoldEvent:
    id: str
    sub_types: list[str]
    event_type: str | None = None
    place: GoldPlace | None = None
    figures: list[GoldFigure] = field(default_factory=list)
    evidence: list[str] = field(default_factory=list)
    dates: list[str] = field(default_factory=list)  # the date, then acceptable ones; empty: not scored
    date_precision: str | None = None  # day | week | month | year | publication
    optional: bool = False
    cluster: str | None = None


@dataclass
class GoldStatement:
    speaker: str | None
    kind: str
    text: str | None
    count: int | None = None
    optional: bool = False


@dataclass
class GoldArticle:
    name: str
    path: Path
    published: str | None
    events: list[GoldEvent]
    statements: list[GoldStatement]
    not_events: list[str]
    has_events: bool = True
    split: str | None = None
    url: str | None = None
    outlet: str | None = None
    mentions: list[tuple[str, str, str]] = field(default_factory=list)  # event mentions: text, context, status


def _type_of(sub: str) -> str | None:
    from ..knowledge.taxonomy import taxonomy

    return taxonomy().type_of.get(sub)


def from_gold(data: dict[str, Any], path: Path, meta: dict[str, Any] | None = None) -> GoldArticle:
    """A gold file of the corpus (schema eventledger-gold/1)."""
    meta = meta or {}
    events = []
    for item in data["events"]:
        loc = item.get("location")
        place = None
        if loc:
            place = GoldPlace(loc.get("name"), loc.get("country_code"), loc.get("precision"), loc.get("admin1"),
                              tuple(loc.get("acceptable_names") or ()))
        figures = [GoldFigure(f["kind"], f["count"], f.get("group") or "total", f.get("civilians"), f.get("children"),
                              f.get("claimant_contains"), f.get("evidence_contains"),
                              bool(f.get("optional") or f.get("superseded")), tuple(f.get("acceptable_claimants") or ()))
                   for f in item.get("figures", [])]
        dates = [d for d in [item.get("date"), *item.get("acceptable_dates", [])] if d]
        events.append(GoldEvent(item["id"], [item["sub_event_type"], *item.get("acceptable_sub_event_types", [])],
                                item["event_type"], place, figures, list(item.get("evidence_contains", [])), dates,
                                item.get("date_precision"), bool(item.get("optional")), item.get("cluster")))
    statements = [GoldStatement(s.get("speaker_contains"), s["kind"], s.get("text_contains"), None,
                                bool(s.get("optional"))) for s in data.get("statements", [])]
    mentions = [(m["text"], m["context"], m["status"]) for m in (data.get("mentions") or {}).get("events", [])]
    return GoldArticle(data["article"], path, data.get("published"), events, statements, list(data.get("not_events", [])),
                       bool(data.get("has_events", True)), meta.get("split"), meta.get("url"), meta.get("outlet"),
                       mentions)


def from_fixture(path: Path) -> GoldArticle:
    """A project-written fixture's `<slug>.expected.json` (tests/fixtures/articles)."""
    data = json.loads(path.read_text("utf-8"))
    events = []
    for item in data["events"]:
        loc = item.get("location") or {}
        figures = [GoldFigure(f["kind"], f["count"], "total", f.get("civilians"), f.get("children"),
                              f.get("claimant_contains"), f.get("evidence_contains"), bool(f.get("optional")))
                   for f in item.get("figures", [])]
        place = GoldPlace(loc["name"], loc.get("country_code"), loc.get("precision")) if loc.get("name") else None
        dates = [d for d in [item.get("date"), *item.get("acceptable_dates", [])] if d]
        events.append(GoldEvent(item["id"], [item["sub_event_type"], *item.get("acceptable_sub_event_types", [])],
                                _type_of(item["sub_event_type"]), place, figures, [], dates, None,
                                bool(item.get("optional"))))
    statements = [GoldStatement(s.get("speaker_contains"), s["kind"], s.get("text_contains"), None,
                                bool(s.get("optional"))) for s in data.get("statements", [])]
    stem = path.name.replace(".expected.json", "")
    article = next(p for p in path.parent.glob(stem + ".*") if p.suffix in (".txt", ".html"))
    return GoldArticle(stem, article, data.get("published"), events, statements, data.get("not_events", []))


def from_seed(path: Path) -> GoldArticle:
    """The sample's prose expectations (../shared/data/seed/expected.json)."""
    data = json.loads(path.read_text("utf-8"))
    events = []
    for item in data["events"]:
        sub = re.sub(r"\s*\(.*$", "", item["acled"].split(" / ", 1)[1]).strip()
        figures = []
        for fig in item.get("figures", []):
            for kind in ("killed", "injured", "evacuated", "arrested", "displaced"):
                if kind in fig:
                    civ = fig.get("of_which_civilians") if kind == "killed" else fig.get(f"{kind}_civilians")
                    kids = fig.get("of_which_children") if kind in ("killed", "evacuated") else None
                    figures.append(GoldFigure(kind, fig[kind], "total", civ, kids, fig.get("claimed_by")))
        where = item.get("where")
        place = GoldPlace(re.split(r"[,(]", where)[0].strip()) if where else None
        events.append(GoldEvent(item["id"], [sub], _type_of(sub), place, figures))
    statements = [GoldStatement(s["speaker"], s["kind"], s.get("text"), s.get("count"))
                  for s in data["statements_must_include"]]
    not_events = [n.split(":")[0] for n in data.get("not_events", [])]
    return GoldArticle("seed", path.with_name("article.txt"), data.get("published"), events, statements, not_events)


def read_manifest(corpus: Path = CORPUS) -> list[dict[str, str]]:
    path = corpus / "manifest.csv"
    if not path.exists():
        return []
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def load_corpus(split: str = "dev", corpus: Path = CORPUS) -> list[GoldArticle]:
    """The gold articles of a split ("all" for every split) that have an adjudicated gold file."""
    out = []
    for row in read_manifest(corpus):
        if split != "all" and row["split"] != split:
            continue
        gold = corpus / "gold" / f"{row['id']}.json"
        source = article_path(row["id"], corpus)
        if not gold.exists() or source is None:
            continue
        out.append(from_gold(json.loads(gold.read_text("utf-8")), source, row))
    return out


def load_fixtures() -> list[GoldArticle]:
    out = [from_seed(SEED)] if SEED.exists() else []
    return out + [from_fixture(p) for p in sorted(FIXTURES.glob("*.expected.json"))]


# ---- matching and scoring -----------------------------------------------------------------------

def _words(text: str | None) -> set[str]:
    return {w for w in re.findall(r"[a-z]{3,}", anyascii(text or "").lower()) if w not in _STOP}


def _same_party(expected: str | None, found: str | None) -> bool:
    if expected is None or found is None:
        return expected is None and found is None
    if anyascii(expected).lower() in anyascii(found).lower():
        return True  # "speaker_contains" / "claimant_contains": "Kuhal" in "al-Kuhali"
    want, got = _words(expected), _words(found)
    return bool(want & got) or any(w[:6] == g[:6] for w in want for g in got if len(w) >= 6 and len(g) >= 6)


def _claimant_ok(expected: str | None, found: str | None) -> bool:
    """The gold claimant (None: the outlet's own words) against the system's."""
    return _same_party(expected, found)


def _fold_name(name: str | None) -> str:
    return re.sub(r"[^a-z0-9]+", "", anyascii(name or "").lower())


def _name_match(want: str, got: str | None) -> bool:
    a, b = _fold_name(want), _fold_name(got)
    if not a or not b:
        return False
    return a == b or (len(a) >= 4 and len(b) >= 4 and (a in b or b in a))


def place_verdict(want: GoldPlace, event: Event) -> str:
    """right | coarser | elsewhere | abroad | unplaced: the system's place against the gold one."""
    loc = event.location
    if loc is None:
        return "unplaced"
    if want.country_code and loc.country_code and loc.country_code != want.country_code:
        return "abroad"
    names = [n for n in (loc.name, loc.mention) if n]
    wanted = [n for n in (want.name, *want.acceptable) if n]
    if wanted and any(_name_match(w, n) for w in wanted for n in names):
        return "right"
    if not want.name:  # the gold place is the country itself
        return "right" if loc.feature == "country" else "elsewhere"
    if loc.feature == "country":
        return "coarser"
    if want.admin1 and any(_name_match(want.admin1, n) for n in names) and (want.precision or 1) < 3:
        return "coarser"
    if want.precision and want.precision < 3 and loc.feature == "region" and want.admin1 is None:
        return "coarser" if loc.country_code == want.country_code else "elsewhere"
    return "elsewhere"


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    type_tp: int = 0
    type_fp: int = 0
    type_fn: int = 0
    places: dict[str, int] = field(default_factory=lambda: dict.fromkeys(
        ("right", "coarser", "elsewhere", "abroad", "unplaced"), 0))
    dates_right: int = 0
    dates_total: int = 0
    figures_total: int = 0
    figures_count: int = 0
    figures_claimant: int = 0
    system_figures: int = 0
    system_figures_matched: int = 0
    statements_total: int = 0
    statements_found: int = 0
    statements_kind: int = 0
    traps: list[str] = field(default_factory=list)
    negative_articles: int = 0
    negative_events: int = 0
    negative_articles_hit: int = 0
    misses: list[str] = field(default_factory=list)
    errors: Counter = field(default_factory=Counter)  # error kind -> count (see `error_kinds`)
    refused: list[str] = field(default_factory=list)  # articles the pipeline failed on, each with why
    confidences: list[tuple[float, bool]] = field(default_factory=list)  # each reported event: its confidence, right or not
    figure_confidences: list[tuple[float, bool]] = field(default_factory=list)  # likewise each of their figures
    place_confidences: list[tuple[float, bool]] = field(default_factory=list)  # each matched event's place
    statement_confidences: list[tuple[float, bool]] = field(default_factory=list)  # each statement reported

    _SUMMED = ("tp", "fp", "fn", "type_tp", "type_fp", "type_fn", "dates_right", "dates_total", "figures_total",
               "figures_count", "figures_claimant", "system_figures", "system_figures_matched", "statements_total",
               "statements_found", "statements_kind", "negative_articles", "negative_events", "negative_articles_hit")

    def add(self, other: "Score") -> None:
        for name in self._SUMMED:
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for key, value in other.places.items():
            self.places[key] += value
        self.traps += other.traps
        self.refused += other.refused
        self.confidences += other.confidences
        self.figure_confidences += other.figure_confidences
        self.place_confidences += other.place_confidences
        self.statement_confidences += other.statement_confidences
        self.misses += other.misses
        self.errors.update(other.errors)

    @staticmethod
    def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    @property
    def events(self) -> tuple[float, float, float]:
        return self._prf(self.tp, self.fp, self.fn)

    @property
    def event_types(self) -> tuple[float, float, float]:
        return self._prf(self.type_tp, self.type_fp, self.type_fn)

    @property
    def places_total(self) -> int:
        return sum(self.places.values())

    def as_dict(self) -> dict[str, Any]:
        p, r, f = self.events
        tp_, tr, tf = self.event_types
        return {
            "events": {"precision": p, "recall": r, "f1": f, "tp": self.tp, "fp": self.fp, "fn": self.fn},
            "event_types": {"precision": tp_, "recall": tr, "f1": tf},
            "places": dict(self.places, total=self.places_total),
            "dates": {"right": self.dates_right, "total": self.dates_total},
            "figures": {"total": self.figures_total, "count_right": self.figures_count,
                        "count_and_claimant_right": self.figures_claimant, "system": self.system_figures,
                        "system_matched": self.system_figures_matched},
            "statements": {"total": self.statements_total, "found": self.statements_found,
                           "kind_right": self.statements_kind},
            "traps": len(self.traps),
            "negatives": {"articles": self.negative_articles, "with_events": self.negative_articles_hit,
                          "events": self.negative_events},
            "errors": dict(self.errors.most_common()),
            "refused": len(self.refused),
        }


def _spans(article: Located, strings: Iterable[str]) -> list[tuple[int, int]]:
    out = []
    for s in strings:
        out.extend(article.spans(s))
    return out


def _overlaps(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> bool:
    return any(s1 < e2 and s2 < e1 for s1, e1 in a for s2, e2 in b)


def _system_spans(event: Event) -> list[tuple[int, int]]:
    spans = [(e.start, e.end) for e in event.evidence]
    if event.trigger is not None:
        spans.append((event.trigger.start, event.trigger.end))
    return spans


def match_events(gold: list[GoldEvent], found: list[Event], text: str, *, level: str = "sub_type",
                 ) -> dict[int, int]:
    """One-to-one matches {gold index: system index}. `level` "sub_type" or "event_type"."""
    article = Located(text)
    candidates = []
    for gi, want in enumerate(gold):
        gold_spans = _spans(article, want.evidence)
        for si, event in enumerate(found):
            if level == "sub_type":
                if event.sub_event_type not in want.sub_types:
                    continue
                typed = 2.0
            else:
                types = {want.event_type, *(_type_of(s) for s in want.sub_types)}
                if event.event_type not in types:
                    continue
                typed = 2.0 if event.sub_event_type in want.sub_types else 1.0
            place = place_verdict(want.place, event) if want.place else "right"
            day = date_ok(want, event.date)
            if gold_spans:
                linked = _overlaps(gold_spans, _system_spans(event))
                if not linked and not (place == "right" and day and want.place is not None and want.dates):
                    continue
            elif want.place is not None and place not in ("right", "coarser"):
                continue  # no evidence to go by (fixtures): type and place must do
            score = typed + (1.0 if place == "right" else 0.0) + (0.5 if day else 0.0)
            candidates.append((-score, gi, si))
    matches: dict[int, int] = {}
    used: set[int] = set()
    for _, gi, si in sorted(candidates):
        if gi in matches or si in used:
            continue
        matches[gi] = si
        used.add(si)
    return matches


def date_ok(want: GoldEvent, found: str | None) -> bool:
    """The system's date against the gold one, at the gold date's precision: a week-precise gold
    date accepts any day within three days of it, a month-precise one any day of its month."""
    if not want.dates:
        return True
    day = (found or "")[:10]
    if not day:
        return False
    if day in want.dates:
        return True
    if want.date_precision == "week":
        try:
            return abs((date.fromisoformat(day) - date.fromisoformat(want.dates[0])).days) <= 3
        except ValueError:
            return False
    if want.date_precision in ("month", "year"):
        width = 7 if want.date_precision == "month" else 4
        return day[:width] == want.dates[0][:width]
    return False


def _says(want: GoldStatement, statement: Statement) -> bool:
    """Whether a system statement is the annotated one: its speaker, and its text (or sentence)."""
    return _same_party(want.speaker, statement.speaker) and (
        want.text is None or _text_overlaps(want.text, statement.text)
        or (statement.sentence is not None and want.text.lower() in statement.sentence.text.lower()))


def statement_right(statement: Statement, gold: list[GoldStatement]) -> bool:
    """Whether an annotator codes the statement (required or optional), with its kind."""
    return any(want.kind == statement.kind and _says(want, statement) for want in gold)


def _text_overlaps(want: str, got: str) -> bool:
    from rapidfuzz import fuzz

    a, b = " ".join(want.split()).lower(), " ".join(got.split()).lower()
    return a in b or b in a or fuzz.partial_ratio(a, b) >= 85


def score(gold: GoldArticle, result: Extraction) -> Score:
    """One article's score."""
    s = Score()
    text = result.article.text
    reported = [e for e in result.events if not e.background]
    if not gold.has_events:
        allowed = set(match_events(gold.events, reported, text, level="event_type").values())
        extra = [e for si, e in enumerate(reported) if si not in allowed]
        s.negative_articles = 1
        s.negative_events = len(extra)
        s.negative_articles_hit = int(bool(extra))
        for event in extra:
            s.misses.append(f"{gold.name}: event on a negative article: {event.sub_event_type} "
                            f"{(event.trigger.text if event.trigger else '')!r}")
    for level in ("sub_type", "event_type"):
        matches = match_events(gold.events, reported, text, level=level)
        tp = sum(1 for gi in matches if not gold.events[gi].optional)
        optional_hits = sum(1 for gi in matches if gold.events[gi].optional)
        fn = sum(1 for gi, want in enumerate(gold.events) if gi not in matches and not want.optional)
        fp = len(reported) - tp - optional_hits
        if level == "sub_type":
            s.tp, s.fp, s.fn = tp, fp, fn
            sub_matches = matches
            s.confidences = [(event.confidence, si in matches.values()) for si, event in enumerate(reported)]
            for gi, want in enumerate(gold.events):
                if gi not in matches and not want.optional:
                    s.misses.append(f"{gold.name} {want.id}: missed {want.sub_types[0]}"
                                    f"{' at ' + str(want.place.name) if want.place else ''}")
            for si, event in enumerate(reported):
                if si not in matches.values():
                    s.misses.append(f"{gold.name}: extra {event.sub_event_type} "
                                    f"{(event.trigger.text if event.trigger else '')!r} "
                                    f"at {event.location.name if event.location else None}")
        else:
            s.type_tp, s.type_fp, s.type_fn = tp, fp, fn
            type_matches = matches
    s.errors.update(error_kinds(gold, reported, text, sub_matches, type_matches))
    # places, dates and figures over the event-type matches: a wrong sub-type is counted above
    matched_system: set[int] = set()
    for gi, want in enumerate(gold.events):
        si = type_matches.get(gi)
        event = reported[si] if si is not None else None
        if event is not None:
            matched_system.add(si)
            if want.place is not None and not want.optional:
                verdict = place_verdict(want.place, event)
                s.places[verdict] += 1
                if event.location is not None and event.location.confidence is not None:
                    s.place_confidences.append((event.location.confidence, verdict == "right"))
                if verdict != "right":
                    s.errors[f"place {verdict}"] += 1
                    got = event.location
                    s.misses.append(f"{gold.name} {want.id}: place {want.place.name or want.place.country_code!r} "
                                    f"({verdict}) but found {got.name if got else None!r}")
            if want.dates and not want.optional:
                s.dates_total += 1
                if date_ok(want, event.date):
                    s.dates_right += 1
                else:
                    s.errors["date wrong" if event.date else "date missing"] += 1
                    s.misses.append(f"{gold.name} {want.id}: date {want.dates[0]} but found {event.date}")
        for fig in want.figures:
            if fig.optional or want.optional:
                continue
            s.figures_total += 1
            pool = event.figures if event is not None else []
            same = [f for f in pool if not f.background and f.kind == fig.kind
                    and (f.count == fig.count or (fig.group == "civilians" and f.civilians == fig.count))]
            if same:
                s.figures_count += 1
            if any(_claimant_ok(c, f.claimant) for f in same for c in (fig.claimant, *fig.also)):
                s.figures_claimant += 1
            else:
                s.errors[_figure_error(fig, same, pool, reported, event)] += 1
                got = [(f.kind, f.count, f.claimant) for f in pool]
                s.misses.append(f"{gold.name} {want.id}: figure {fig.kind} {fig.count} ({fig.group}) by "
                                f"{fig.claimant!r}; found {got}")
    for si in matched_system:
        for f in reported[si].figures:
            if f.background:
                continue
            s.system_figures += 1
            gi = next(g for g, sys_i in type_matches.items() if sys_i == si)
            right = any(f.kind == g.kind and (f.count == g.count or f.civilians == g.count) for g in gold.events[gi].figures)
            s.system_figures_matched += right
            if f.confidence is not None:
                s.figure_confidences.append((f.confidence, right))
    for si, event in enumerate(reported):
        if si not in matched_system:
            s.system_figures += sum(1 for f in event.figures if not f.background)
            s.figure_confidences += [(f.confidence, False) for f in event.figures if not f.background and f.confidence is not None]
    s.statement_confidences = [(st.confidence, statement_right(st, gold.statements))
                               for st in result.statements if st.confidence is not None]
    for want in gold.statements:
        if want.optional:
            continue
        s.statements_total += 1
        hits = [st for st in result.statements if _says(want, st)]
        kinds = [st for st in hits if st.kind == want.kind]
        if want.count is not None:
            found, kind_ok = len(kinds) == want.count, len(kinds) == want.count
        else:
            found, kind_ok = bool(hits), bool(kinds)
        s.statements_found += found
        s.statements_kind += kind_ok
        if not kind_ok:
            s.misses.append(f"{gold.name}: statement [{want.kind}] by {want.speaker!r}: {str(want.text)[:60]!r} "
                            f"({'found as ' + ', '.join(sorted({h.kind for h in hits})) if hits else 'not found'})")
    article = Located(text)
    for trap in gold.not_events:
        for start, end in article.spans(trap):
            for event in reported:
                for fig in event.figures:
                    if fig.evidence and start <= fig.evidence.start < end and not fig.background:
                        s.traps.append(f"{gold.name}: figure {fig.kind} {fig.count} from {trap[:60]!r}")
                if event.trigger and start <= event.trigger.start < end:
                    s.traps.append(f"{gold.name}: {event.sub_event_type} event from {trap[:60]!r}")
    return s


def _figure_error(fig: GoldFigure, same: list, pool: list, reported: list[Event], event: Event | None) -> str:
    if same:  # the count is right, the claimant is not
        found = [f.claimant for f in same]
        if fig.claimant is None:
            return "figure: the outlet's own number credited to a source"
        if all(c is None for c in found):
            return "figure: claimant not found"
        return "figure: another claimant"
    if event is None:
        return "figure: its event missed"
    elsewhere = [f for e in reported if e is not event for f in e.figures
                 if f.kind == fig.kind and f.count == fig.count]
    if elsewhere:
        return "figure: on another event"
    if any(f.kind == fig.kind for f in pool):
        return "figure: wrong count"
    return "figure: not found"


def error_kinds(gold: GoldArticle, reported: list[Event], text: str, sub_matches: dict[int, int],
                type_matches: dict[int, int]) -> Counter:
    """What each event error is: a current event made of a background, irrealis or denied mention
    (by the gold mention labels), a trap, one event split in several, a wrong sub-type or type, an
    event on a negative article, a missed event, or one with nothing in the gold at all."""
    from .gold import locate_mention

    out: Counter = Counter()
    article = Located(text)
    labelled = []
    for m_text, context, status in gold.mentions:
        span = locate_mention(article, m_text, context)
        if span is not None:
            labelled.append((span, status))
    traps = [span for trap in gold.not_events for span in article.spans(trap)]
    gold_spans = [_spans(article, want.evidence) for want in gold.events]
    sub_hit, type_hit = set(sub_matches.values()), set(type_matches.values())
    for si, event in enumerate(reported):
        if si in sub_hit:
            continue
        if si in type_hit:
            out["event: wrong sub-type (right type)"] += 1
            continue
        spans = _system_spans(event)
        trigger = [(event.trigger.start, event.trigger.end)] if event.trigger else spans
        status = next((st for sp, st in labelled if _overlaps([sp], trigger)), None)
        if status in ("background", "irrealis", "denied", "not_event"):
            out[f"event: a {status} mention reported as new"] += 1
        elif _overlaps(traps, trigger):
            out["event: from a trap"] += 1
        elif not gold.has_events:
            out["event: on a negative article"] += 1
        elif any(_overlaps(g, spans) for gi, g in enumerate(gold_spans) if gi in type_matches or gi in sub_matches):
            out["event: one event split in several"] += 1
        elif any(_overlaps(g, spans) for g in gold_spans):
            out["event: wrong event type"] += 1
        else:
            out["event: nothing in the gold"] += 1
    for gi, want in enumerate(gold.events):
        if want.optional or gi in sub_matches or gi in type_matches:
            continue
        if any(_overlaps(gold_spans[gi], _system_spans(e)) for e in reported):
            continue  # counted above, as the wrong type that took its place
        out["event: missed"] += 1
    return out


# ---- merging across outlets ---------------------------------------------------------------------

@dataclass
class MergeScore:
    pairs_gold: int = 0  # pairs of gold events of different articles that are one incident
    pairs_found: int = 0  # of those, pairs the ledger merged into one event
    pairs_merged: int = 0  # pairs of matched gold events the ledger merged
    pairs_merged_right: int = 0  # of those, pairs that are one incident
    pairs_both_found: int = 0  # same-incident pairs whose two events the system both reported

    @property
    def precision(self) -> float:
        return self.pairs_merged_right / self.pairs_merged if self.pairs_merged else 0.0

    @property
    def recall(self) -> float:
        return self.pairs_found / self.pairs_gold if self.pairs_gold else 0.0

    @property
    def recall_found(self) -> float:
        """Recall over the same-incident pairs whose events were both found: the merge alone."""
        return self.pairs_found / self.pairs_both_found if self.pairs_both_found else 0.0


def score_merge(items: list[tuple[GoldArticle, Extraction, str]]) -> MergeScore:
    """Store the extractions in a fresh ledger, merge, and compare the ledger's events with the gold
    clusters: pairwise precision and recall over gold events of different articles (a story kept
    in two forms, text and HTML, under one URL, is one article)."""
    from ..ledger import Ledger

    ms = MergeScore()
    located = []  # (article name, gold event, cluster, doc_id, local id)
    for gold, result, doc_id in items:
        reported = [e for e in result.events if not e.background]
        matches = match_events(gold.events, reported, result.article.text, level="event_type")
        for gi, want in enumerate(gold.events):
            si = matches.get(gi)
            located.append((gold.url or gold.name, want, want.cluster, doc_id, reported[si].id if si is not None else None))
    if not any(c for _, _, c, _, _ in located):
        return ms
    with tempfile.TemporaryDirectory() as tmp:
        ledger = Ledger(Path(tmp) / "merge.duckdb")
        try:
            docs = [DocResult(doc_id=doc_id, raw=RawDocument(content=gold.path.read_text("utf-8", "replace"),
                                                             url=gold.url, outlet=gold.outlet,
                                                             published=gold.published, doc_id=doc_id),
                              extraction=result, source=gold.name)
                    for gold, result, doc_id in items]
            ledger.store(docs)
            frame = ledger.sql("SELECT event_id, doc_id, local_id FROM event_reports")
            rows = list(frame.itertuples(index=False, name=None))
        finally:
            ledger.close()
    ledger_event = {(doc, local): event for event, doc, local in rows}
    for i, (name_a, _, cluster_a, doc_a, local_a) in enumerate(located):
        for name_b, _, cluster_b, doc_b, local_b in located[i + 1:]:
            if name_a == name_b:
                continue  # one article (or one story in two forms, text and HTML: the same URL)
            same_gold = cluster_a is not None and cluster_a == cluster_b
            ea = ledger_event.get((doc_a, local_a)) if local_a else None
            eb = ledger_event.get((doc_b, local_b)) if local_b else None
            merged = ea is not None and ea == eb
            if same_gold:
                ms.pairs_gold += 1
                ms.pairs_found += merged
                ms.pairs_both_found += ea is not None and eb is not None
            if merged:
                ms.pairs_merged += 1
                ms.pairs_merged_right += same_gold
    return ms


# ---- running ------------------------------------------------------------------------------------

def _fmt(s: Score) -> str:
    p, r, f = s.events
    tp_, tr, tf = s.event_types
    pl = s.places
    return (f"events P {p:.2f} R {r:.2f} F1 {f:.2f} (type P {tp_:.2f} R {tr:.2f}) | "
            f"figures {s.figures_count}/{s.figures_total} count, {s.figures_claimant}/{s.figures_total} +claimant | "
            f"places {pl['right']}/{s.places_total} | dates {s.dates_right}/{s.dates_total} | "
            f"statements {s.statements_found}/{s.statements_total} | traps {len(s.traps)}")


def clock_dated(result: Extraction, published: str | None) -> list[Event]:
    """Events dated to a year that neither the text nor the article's own date names."""
    years = set(re.findall(r"\b(?:19|20)\d\d\b", result.article.text))
    if published:
        years.add(published[:4])
    return [e for e in result.events if e.date and e.date[:4] not in years]


def evaluate(articles: list[GoldArticle], *, merge: bool = True, per_article: bool = True, undated: bool = False,
             out=sys.stdout) -> tuple[Score, MergeScore | None]:
    from ..ingest.decode import content_id
    from ..pipeline import extract

    total = Score()
    runs = []
    for gold in articles:
        data = gold.path.read_bytes()
        try:
            result = extract(data, published=None if undated else gold.published, url=gold.url, outlet=gold.outlet)
        except Exception as exc:  # an article the pipeline refuses scores as nothing found
            from ..records import Article

            result = Extraction(article=Article(text=article_text(gold.path)), warnings=[f"refused: {exc}"])
            refused = f"{gold.name}: {type(exc).__name__}: {exc}"
        else:
            refused = None
        s = score(gold, result)
        if refused is not None:
            s.refused.append(refused)  # said in the report: a crash must not pass for a cautious reading
        if undated:
            for event in clock_dated(result, gold.published):
                s.errors["date: taken from the machine's clock"] += 1
                s.misses.append(f"{gold.name} {event.id}: dated by the clock ({event.date})")
        if per_article:
            tag = f"[{gold.split}]" if gold.split else ""
            neg = f" | negative: {s.negative_events} events" if not gold.has_events else ""
            print(f"{gold.name[:48]:48s} {tag:7s} {_fmt(s)}{neg}", file=out)
        total.add(s)
        runs.append((gold, result, content_id(data)))
    merged = score_merge(runs) if merge else None
    return total, merged


CONFIDENCE_BINS = (0.0, 0.5, 0.7, 0.9, 1.01)


def calibration_table(pairs: list[tuple[float, bool]]) -> tuple[float, list[str]]:
    """How far events' confidence is from the share of them that is right: the expected calibration
    error over `CONFIDENCE_BINS`, and per bin "said X right Y (n)"."""
    ece, lines = 0.0, []
    for lo, hi in zip(CONFIDENCE_BINS, CONFIDENCE_BINS[1:]):
        inside = [(c, ok) for c, ok in pairs if lo <= c < hi]
        if not inside:
            continue
        said = sum(c for c, _ in inside) / len(inside)
        right = sum(ok for _, ok in inside) / len(inside)
        ece += len(inside) / len(pairs) * abs(said - right)
        lines.append(f"{lo:.1f}-{min(hi, 1.0):.1f} said {said:.2f} right {right:.2f} ({len(inside)})")
    return ece, lines


def report(total: Score, merged: MergeScore | None, n: int, *, misses: bool = False, out=sys.stdout) -> None:
    p, r, f = total.events
    tp_, tr, tf = total.event_types
    pl, pt = total.places, max(1, total.places_total)
    ft = max(1, total.figures_total)
    print(f"\n{n} articles", file=out)
    if total.refused:
        print(f"REFUSED by the pipeline (scored as nothing found): {len(total.refused)}", file=out)
        for line in total.refused:
            print(f"  ! {line}", file=out)
    print(f"events, sub-type:   P {p:.3f} R {r:.3f} F1 {f:.3f} (tp {total.tp}, fp {total.fp}, fn {total.fn})", file=out)
    print(f"events, event type: P {tp_:.3f} R {tr:.3f} F1 {tf:.3f}", file=out)
    print(f"places:  right {pl['right'] / pt:.3f} ({pl['right']}/{total.places_total}), coarser {pl['coarser']}, "
          f"elsewhere {pl['elsewhere']}, another country {pl['abroad']}, unplaced {pl['unplaced']}", file=out)
    print(f"dates:   right {total.dates_right / max(1, total.dates_total):.3f} ({total.dates_right}/{total.dates_total})",
          file=out)
    print(f"figures: count {total.figures_count / ft:.3f} ({total.figures_count}/{total.figures_total}), "
          f"count and claimant {total.figures_claimant / ft:.3f} ({total.figures_claimant}/{total.figures_total}); "
          f"system figures on matched events that are gold: {total.system_figures_matched}/{total.system_figures}",
          file=out)
    st = max(1, total.statements_total)
    print(f"statements: found {total.statements_found / st:.3f} ({total.statements_found}/{total.statements_total}), "
          f"kind right {total.statements_kind / st:.3f} ({total.statements_kind}/{total.statements_total})", file=out)
    print(f"traps hit: {len(total.traps)}", file=out)
    for what, pairs in (("events", total.confidences), ("figures", total.figure_confidences),
                        ("places", total.place_confidences), ("statements", total.statement_confidences)):
        ece, bins = calibration_table(pairs)
        if bins:
            print(f"confidence of {what}: expected calibration error {ece:.3f}; " + ", ".join(bins), file=out)
    print(f"negatives: {total.negative_events} events on {total.negative_articles_hit} of "
          f"{total.negative_articles} articles that report none", file=out)
    if total.errors:
        print("error kinds (most costly first):", file=out)
        for kind, count in total.errors.most_common():
            print(f"  {count:5d}  {kind}", file=out)
    if merged is not None:
        print(f"merge:   P {merged.precision:.3f} ({merged.pairs_merged_right}/{merged.pairs_merged} merged pairs right), "
              f"R {merged.recall:.3f} ({merged.pairs_found}/{merged.pairs_gold} same-incident pairs merged; "
              f"{merged.recall_found:.3f} of the {merged.pairs_both_found} pairs whose two events were found)", file=out)
    if misses:
        for line in total.misses + total.traps:
            print("  -", line, file=out)


def _commit() -> str:
    try:
        return subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True,
                              timeout=10).stdout.strip() or "unknown"
    except (OSError, subprocess.SubprocessError):
        return "unknown"


def log_blind(total: Score, merged: MergeScore | None, n: int, corpus: Path = CORPUS, note: str = "") -> Path:
    """Append one line per blind run to eval/news/blind_log.csv."""
    path = corpus / "blind_log.csv"
    p, r, f = total.events
    tp_, tr, tf = total.event_types
    ft, pt = max(1, total.figures_total), max(1, total.places_total)
    row = {
        "date": date.today().isoformat(), "commit": _commit(), "articles": n,
        "events_p": f"{p:.3f}", "events_r": f"{r:.3f}", "events_f1": f"{f:.3f}",
        "type_p": f"{tp_:.3f}", "type_r": f"{tr:.3f}",
        "places_right": f"{total.places['right'] / pt:.3f}", "places_abroad": total.places["abroad"],
        "dates_right": f"{total.dates_right / max(1, total.dates_total):.3f}",
        "figures_count": f"{total.figures_count / ft:.3f}", "figures_claimant": f"{total.figures_claimant / ft:.3f}",
        "statements_found": f"{total.statements_found / max(1, total.statements_total):.3f}",
        "traps": len(total.traps), "negative_events": total.negative_events,
        "merge_p": f"{merged.precision:.3f}" if merged else "", "merge_r": f"{merged.recall:.3f}" if merged else "",
        "note": note,
    }
    new = not path.exists()
    with path.open("a", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(row))
        if new:
            writer.writeheader()
        writer.writerow(row)
    return path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--split", default="dev", choices=[*SPLITS, "all"], help="the corpus split (default: dev)")
    parser.add_argument("--set", default="corpus", choices=["corpus", "fixtures"],
                        help="corpus: eval/news; fixtures: the project's own test articles (not evidence of accuracy)")
    parser.add_argument("--corpus", default=str(CORPUS), help="the annotated corpus folder (default: %(default)s)")
    parser.add_argument("--misses", action="store_true", help="list every miss, extra event and trap")
    parser.add_argument("--quiet", action="store_true", help="no line per article")
    parser.add_argument("--no-merge", action="store_true", help="skip the merge measurement")
    parser.add_argument("--json", metavar="FILE", help="also write the totals as JSON")
    parser.add_argument("--note", default="", help="a note for the blind log")
    parser.add_argument("--undated", action="store_true",
                        help="run the articles without their publication dates (as an undated folder is ingested)")


def run(args: argparse.Namespace) -> int:
    corpus = Path(args.corpus)
    if args.set == "fixtures":
        articles = load_fixtures()
    else:
        articles = load_corpus(args.split, corpus)
    if not articles:
        print(f"no annotated articles for --set {args.set} --split {args.split} under {corpus}", file=sys.stderr)
        return 1
    total, merged = evaluate(articles, merge=not args.no_merge, per_article=not args.quiet, undated=args.undated)
    report(total, merged, len(articles), misses=args.misses)
    if args.json:
        data = total.as_dict()
        if merged is not None:
            data["merge"] = {"precision": merged.precision, "recall": merged.recall, "pairs_gold": merged.pairs_gold,
                             "recall_of_found": merged.recall_found, "pairs_both_found": merged.pairs_both_found}
        Path(args.json).write_text(json.dumps(data, indent=2), "utf-8")
    if args.set == "corpus" and args.split == "blind" and not args.undated:
        path = log_blind(total, merged, len(articles), corpus, args.note)
        print(f"(appended to {path})")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_arguments(parser)
    return run(parser.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
