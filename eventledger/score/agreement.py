"""Agreement between two independent annotations of the same articles, per layer.

    eventledger score agreement eval/news/annotations/A1 eval/news/annotations/A2 [--markdown FILE]

Events are paired one-to-one through their evidence (the quoted sentences overlap), preferring
pairs of the same sub-type, then of the same type. Over the pairs:

- event detection: F1 of the pairing (2 x pairs / (events of A + events of B)); optional events
  count only when paired;
- sub-type and event type: share of pairs that agree, and Cohen's kappa;
- place: share of pairs (both placed) with the same place name at the same precision;
- date: share of pairs (both dated) with the same day, or one in the other's acceptable dates;
- figures: F1 of figures paired by kind, count and group within paired events; claimant: share of
  figures paired by kind and count whose claimant agrees (both the outlet's own, or the same party);
- statements: F1 of statements paired by overlapping text; kind: share of pairs that agree;
- mentions (where both have them): event-trigger status agreement and kappa over triggers both
  marked at the same place;
- negatives: share of articles on which both agree that there is (or is not) an event.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .gold import CORPUS, Located, article_path, article_text, locate_mention


def kappa(pairs: list[tuple[str, str]]) -> float:
    """Cohen's kappa of paired labels (1.0 when every pair agrees)."""
    if not pairs:
        return 0.0
    n = len(pairs)
    observed = sum(a == b for a, b in pairs) / n
    left, right = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    expected = sum(left[k] * right.get(k, 0) for k in left) / (n * n)
    return 1.0 if expected == 1 else (observed - expected) / (1 - expected)


def _party(a: str | None, b: str | None) -> bool:
    from .articles import _same_party

    if a is None or b is None:
        return a is None and b is None
    return _same_party(a, b) or _same_party(b, a)


def _name(text: str | None) -> str:
    from .articles import _fold_name

    return _fold_name(text)


def pair_events(a: list[dict], b: list[dict], located: Located) -> list[tuple[int, int]]:
    """One-to-one pairs of events (indices into a and b) whose evidence overlaps."""
    def spans(event):
        out = []
        for quote in event.get("evidence_contains", []):
            out.extend(located.spans(quote))
        return out

    sa, sb = [spans(e) for e in a], [spans(e) for e in b]
    candidates = []
    for i, ea in enumerate(a):
        for j, eb in enumerate(b):
            overlap = sum(min(e1, e2) - max(s1, s2) for s1, e1 in sa[i] for s2, e2 in sb[j] if s1 < e2 and s2 < e1)
            if overlap <= 0:
                continue
            same_sub = ea["sub_event_type"] == eb["sub_event_type"]
            same_type = ea["event_type"] == eb["event_type"]
            same_place = _name((ea.get("location") or {}).get("name")) == _name((eb.get("location") or {}).get("name"))
            candidates.append((-(4 * same_sub + 2 * same_type + same_place), -overlap, i, j))
    pairs, used_a, used_b = [], set(), set()
    for _, _, i, j in sorted(candidates):
        if i in used_a or j in used_b:
            continue
        pairs.append((i, j))
        used_a.add(i)
        used_b.add(j)
    return pairs


@dataclass
class Agreement:
    articles: int = 0
    events_a: int = 0
    events_b: int = 0
    event_pairs: int = 0
    all_events_a: int = 0  # optional ones included
    all_events_b: int = 0
    optional_differs: int = 0  # pairs that one annotator marks optional and the other does not
    sub_type: list[tuple[str, str]] = field(default_factory=list)
    event_type: list[tuple[str, str]] = field(default_factory=list)
    place_pairs: int = 0
    place_same: int = 0
    place_same_name: int = 0
    date_pairs: int = 0
    date_same: int = 0
    figures_a: int = 0
    figures_b: int = 0
    figure_pairs: int = 0
    claimant_pairs: int = 0
    claimant_same: int = 0
    statements_a: int = 0
    statements_b: int = 0
    statement_pairs: int = 0
    statement_kind_same: int = 0
    status: list[tuple[str, str]] = field(default_factory=list)
    has_events_same: int = 0
    disagreements: list[str] = field(default_factory=list)

    def f1(self, pairs: int, na: int, nb: int) -> float:
        return 2 * pairs / (na + nb) if na + nb else 1.0

    def rows(self) -> list[tuple[str, str, str]]:
        def share(k: int, n: int) -> str:
            return f"{k / n:.2f}" if n else "-"

        same = lambda pairs: sum(x == y for x, y in pairs)  # noqa: E731
        return [
            ("articles annotated by both", str(self.articles), ""),
            ("has events or not (negatives)", share(self.has_events_same, self.articles),
             f"{self.has_events_same}/{self.articles}"),
            ("event detection F1", f"{self.f1(self.event_pairs, self.events_a, self.events_b):.2f}",
             f"{self.event_pairs} pairs; {self.events_a} events vs {self.events_b}"),
            ("event detection F1, optional events included",
             f"{self.f1(self.event_pairs, self.all_events_a, self.all_events_b):.2f}",
             f"{self.all_events_a} events vs {self.all_events_b}; optional for one only: {self.optional_differs} pairs"),
            ("event type (paired events)", share(same(self.event_type), len(self.event_type)),
             f"kappa {kappa(self.event_type):.2f}"),
            ("sub-type (paired events)", share(same(self.sub_type), len(self.sub_type)),
             f"kappa {kappa(self.sub_type):.2f}"),
            ("place: same name and precision", share(self.place_same, self.place_pairs),
             f"same name {share(self.place_same_name, self.place_pairs)}; {self.place_pairs} pairs placed by both"),
            ("date: same day", share(self.date_same, self.date_pairs), f"{self.date_pairs} pairs dated by both"),
            ("figures: kind, count and group F1", f"{self.f1(self.figure_pairs, self.figures_a, self.figures_b):.2f}",
             f"{self.figure_pairs} pairs; {self.figures_a} figures vs {self.figures_b}"),
            ("figures: claimant (same kind and count)", share(self.claimant_same, self.claimant_pairs),
             f"{self.claimant_same}/{self.claimant_pairs}"),
            ("statements F1", f"{self.f1(self.statement_pairs, self.statements_a, self.statements_b):.2f}",
             f"{self.statement_pairs} pairs; {self.statements_a} vs {self.statements_b}"),
            ("statements: kind (paired)", share(self.statement_kind_same, self.statement_pairs), ""),
            ("mention status (same trigger)", share(same(self.status), len(self.status)),
             f"kappa {kappa(self.status):.2f}; {len(self.status)} triggers marked by both"),
        ]


def _figures(event: dict) -> list[dict]:
    return [f for f in event.get("figures", []) if not f.get("optional") and not f.get("superseded")]


def _counted(events: list[dict], paired: set[int]) -> int:
    return sum(1 for i, e in enumerate(events) if not e.get("optional") or i in paired)


def compare(a: dict[str, Any], b: dict[str, Any], text: str, agreement: Agreement) -> None:
    from .articles import _text_overlaps

    located = Located(text)
    name = a["article"]
    agreement.articles += 1
    agreement.has_events_same += a["has_events"] == b["has_events"]
    if a["has_events"] != b["has_events"]:
        agreement.disagreements.append(f"{name}: has_events {a['has_events']} vs {b['has_events']}")
    ea, eb = a["events"], b["events"]
    pairs = pair_events(ea, eb, located)
    agreement.events_a += _counted(ea, {i for i, _ in pairs})
    agreement.events_b += _counted(eb, {j for _, j in pairs})
    agreement.event_pairs += len(pairs)
    agreement.all_events_a += len(ea)
    agreement.all_events_b += len(eb)
    agreement.optional_differs += sum(bool(ea[i].get("optional")) != bool(eb[j].get("optional")) for i, j in pairs)
    for i, event in enumerate(ea):
        if i not in {p for p, _ in pairs} and event.get("optional"):
            agreement.disagreements.append(f"{name}: only A has optional {event['id']} {event['sub_event_type']}")
    for j, event in enumerate(eb):
        if j not in {q for _, q in pairs} and event.get("optional"):
            agreement.disagreements.append(f"{name}: only B has optional {event['id']} {event['sub_event_type']}")
    for i, event in enumerate(ea):
        if i not in {p for p, _ in pairs} and not event.get("optional"):
            agreement.disagreements.append(f"{name}: only A has {event['id']} {event['sub_event_type']}: "
                                           f"{event['evidence_contains'][0][:70]!r}")
    for j, event in enumerate(eb):
        if j not in {q for _, q in pairs} and not event.get("optional"):
            agreement.disagreements.append(f"{name}: only B has {event['id']} {event['sub_event_type']}: "
                                           f"{event['evidence_contains'][0][:70]!r}")
    for i, j in pairs:
        x, y = ea[i], eb[j]
        agreement.sub_type.append((x["sub_event_type"], y["sub_event_type"]))
        agreement.event_type.append((x["event_type"], y["event_type"]))
        if x["sub_event_type"] != y["sub_event_type"]:
            agreement.disagreements.append(f"{name}: {x['id']}/{y['id']} sub-type {x['sub_event_type']!r} vs "
                                           f"{y['sub_event_type']!r}")
        lx, ly = x.get("location"), y.get("location")
        if lx and ly:
            agreement.place_pairs += 1
            same_name = _name(lx.get("name")) == _name(ly.get("name"))
            agreement.place_same_name += same_name
            agreement.place_same += same_name and lx.get("precision") == ly.get("precision")
            if not (same_name and lx.get("precision") == ly.get("precision")):
                agreement.disagreements.append(f"{name}: {x['id']}/{y['id']} place {lx.get('name')!r} "
                                               f"p{lx.get('precision')} vs {ly.get('name')!r} p{ly.get('precision')}")
        if x.get("date") and y.get("date"):
            agreement.date_pairs += 1
            same_day = x["date"] == y["date"] or x["date"] in y.get("acceptable_dates", []) \
                or y["date"] in x.get("acceptable_dates", [])
            agreement.date_same += same_day
            if not same_day:
                agreement.disagreements.append(f"{name}: {x['id']}/{y['id']} date {x['date']} vs {y['date']}")
        fx, fy = _figures(x), _figures(y)
        agreement.figures_a += len(fx)
        agreement.figures_b += len(fy)
        used: set[int] = set()
        for f in fx:
            k = next((k for k, g in enumerate(fy) if k not in used and g["kind"] == f["kind"]
                      and g["count"] == f["count"] and g["group"] == f["group"]), None)
            if k is not None:
                used.add(k)
                agreement.figure_pairs += 1
            else:
                agreement.disagreements.append(f"{name}: {x['id']} figure {f['kind']} {f['count']} {f['group']} "
                                               f"only in A (B: {[(g['kind'], g['count'], g['group']) for g in fy]})")
        used_c: set[int] = set()
        for f in fx:
            k = next((k for k, g in enumerate(fy) if k not in used_c and g["kind"] == f["kind"]
                      and g["count"] == f["count"]), None)
            if k is None:
                continue
            used_c.add(k)
            agreement.claimant_pairs += 1
            same = _party(f.get("claimant_contains"), fy[k].get("claimant_contains"))
            agreement.claimant_same += same
            if not same:
                agreement.disagreements.append(f"{name}: {x['id']} figure {f['kind']} {f['count']} claimant "
                                               f"{f.get('claimant_contains')!r} vs {fy[k].get('claimant_contains')!r}")
    sx = [s for s in a["statements"] if not s.get("optional")]
    sy = [s for s in b["statements"] if not s.get("optional")]
    agreement.statements_a += len(sx)
    agreement.statements_b += len(sy)
    used_s: set[int] = set()
    for s in sx:
        k = next((k for k, t in enumerate(sy) if k not in used_s and _text_overlaps(s["text_contains"], t["text_contains"])),
                 None)
        if k is None:
            continue
        used_s.add(k)
        agreement.statement_pairs += 1
        agreement.statement_kind_same += s["kind"] == sy[k]["kind"]
    ma = (a.get("mentions") or {}).get("events", [])
    mb = (b.get("mentions") or {}).get("events", [])
    if ma and mb:
        spans_b = []
        for m in mb:
            span = locate_mention(located, m["text"], m["context"])
            if span:
                spans_b.append((span, m["status"]))
        for m in ma:
            span = locate_mention(located, m["text"], m["context"])
            if not span:
                continue
            other = next((st for (s, e), st in spans_b if s < span[1] and span[0] < e), None)
            if other is not None:
                agreement.status.append((m["status"], other))


def compare_folders(first: Path, second: Path, corpus: Path = CORPUS) -> Agreement:
    agreement = Agreement()
    for path_a in sorted(first.glob("*.json")):
        path_b = second / path_a.name
        if not path_b.exists():
            continue
        a = json.loads(path_a.read_text("utf-8"))
        b = json.loads(path_b.read_text("utf-8"))
        source = article_path(a["article"], corpus)
        if source is None:
            continue
        compare(a, b, article_text(source), agreement)
    return agreement


def markdown(agreement: Agreement, title: str) -> str:
    lines = [f"### {title}", "", "| layer | agreement | detail |", "|---|---|---|"]
    lines += [f"| {a} | {b} | {c} |" for a, b, c in agreement.rows()]
    return "\n".join(lines) + "\n"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("first", help="a folder of one annotator's files")
    parser.add_argument("second", help="a folder of another annotator's files (same article ids)")
    parser.add_argument("--corpus", default=str(CORPUS), help="the corpus folder holding articles/")
    parser.add_argument("--disagreements", action="store_true", help="list every disagreement")


def run(args: argparse.Namespace) -> int:
    agreement = compare_folders(Path(args.first), Path(args.second), Path(args.corpus))
    if not agreement.articles:
        print("no article annotated in both folders")
        return 1
    print(markdown(agreement, f"{Path(args.first).name} vs {Path(args.second).name}"))
    if args.disagreements:
        for line in agreement.disagreements:
            print("  -", line)
    return 0
