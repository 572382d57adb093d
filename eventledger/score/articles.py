"""Score whole-article extraction against hand-written expectations.

Reads the sample's `expected.json` (prose fields: "acled": "Type / Sub-type (...)", "claimed_by")
and the fixtures' `*.expected.json` (structured fields), turns both into one form, runs the
pipeline and prints precision/recall/F1 for events, figure accuracy (count and claimant both
right), place accuracy (the expected place found, or elsewhere, or unplaced), statement recall,
and the traps it fell into.

    python -m eventledger.score.articles [EXPECTED.json ...]
    python -m eventledger.score.articles --undated    # the same articles without their publication dates

`--undated` runs each article as a folder of plain text would be ingested, with no publication
date but what the text itself gives, and also counts events dated to a year that neither the text
nor its own publication date names (a date taken from the machine's clock).
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from anyascii import anyascii

from ..records import Extraction

_STOP = {"the", "of", "in", "and", "for", "on", "to", "a", "an", "by", "side", "forces", "force", "authorities", "government"}
REPO = Path(__file__).resolve().parents[2]
DEFAULT_FILES = [REPO.parent / "shared/data/seed/expected.json", *sorted((REPO / "tests/fixtures/articles").glob("*.expected.json"))]


@dataclass
class ExpectedFigure:
    kind: str
    count: int
    civilians: int | None = None
    children: int | None = None
    claimant: str | None = None  # words, any of which identifies the claimant; None = unattributed
    optional: bool = False


@dataclass
class ExpectedEvent:
    id: str
    sub_types: list[str]
    place: str | None
    figures: list[ExpectedFigure] = field(default_factory=list)
    optional: bool = False
    country_code: str | None = None  # the expected place's country, where the expectation gives it


@dataclass
class ExpectedStatement:
    speaker: str | None
    kind: str
    text: str | None
    count: int | None = None
    optional: bool = False


@dataclass
class Expectation:
    name: str
    article: Path
    published: str | None
    events: list[ExpectedEvent]
    statements: list[ExpectedStatement]
    not_events: list[str]


def _words(text: str | None) -> set[str]:
    return {w for w in re.findall(r"[a-z]{3,}", anyascii(text or "").lower()) if w not in _STOP}


def _same_party(expected: str | None, found: str | None) -> bool:
    if expected is None or found is None:
        return expected is None and found is None
    if anyascii(expected).lower() in anyascii(found).lower():
        return True  # the fixtures' "speaker_contains" / "claimant_contains": "Kuhal" in "al-Kuhali"
    want, got = _words(expected), _words(found)
    return bool(want & got) or any(w[:6] == g[:6] for w in want for g in got if len(w) >= 6 and len(g) >= 6)


def load(path: Path) -> Expectation:
    data = json.loads(path.read_text("utf-8"))
    if path.name == "expected.json":
        return _from_seed(path, data)
    return _from_fixture(path, data)


def _from_seed(path: Path, data: dict) -> Expectation:
    events = []
    for item in data["events"]:
        sub = item["acled"].split(" / ", 1)[1]
        sub = re.sub(r"\s*\(.*$", "", sub).strip()
        figures = []
        for fig in item.get("figures", []):
            claimant = fig.get("claimed_by")
            for kind in ("killed", "injured", "evacuated", "arrested", "displaced"):
                if kind in fig:
                    civ = fig.get("of_which_civilians") if kind == "killed" else fig.get(f"{kind}_civilians")
                    kids = fig.get("of_which_children") if kind in ("killed", "evacuated") else None
                    figures.append(ExpectedFigure(kind, fig[kind], civ, kids, claimant))
        place = item.get("where")
        events.append(ExpectedEvent(item["id"], [sub], re.split(r"[,(]", place)[0].strip() if place else None, figures))
    statements = [
        ExpectedStatement(s["speaker"], s["kind"], s.get("text"), s.get("count"))
        for s in data["statements_must_include"]
    ]
    not_events = [n.split(":")[0] for n in data.get("not_events", [])]
    return Expectation("seed", path.with_name("article.txt"), data.get("published"), events, statements, not_events)


def _from_fixture(path: Path, data: dict) -> Expectation:
    events = []
    for item in data["events"]:
        figures = [
            ExpectedFigure(f["kind"], f["count"], f.get("civilians"), f.get("children"), f.get("claimant_contains"),
                           bool(f.get("optional")))
            for f in item.get("figures", [])
        ]
        subs = [item["sub_event_type"], *item.get("acceptable_sub_event_types", [])]
        place = (item.get("location") or {}).get("name")
        events.append(ExpectedEvent(item["id"], subs, place, figures, bool(item.get("optional")),
                                    (item.get("location") or {}).get("country_code")))
    statements = [
        ExpectedStatement(s.get("speaker_contains"), s["kind"], s.get("text_contains"), None, bool(s.get("optional")))
        for s in data.get("statements", [])
    ]
    article = path.with_name(path.name.replace(".expected.json", ".txt"))
    return Expectation(path.name.replace(".expected.json", ""), article, data.get("published"), events, statements,
                       data.get("not_events", []))


@dataclass
class Score:
    events_tp: int = 0
    events_fp: int = 0
    events_fn: int = 0
    figures_right: int = 0
    figures_total: int = 0
    statements_found: int = 0
    statements_total: int = 0
    places_right: int = 0  # events found whose expected place is the place found
    places_total: int = 0  # events found that have an expected place
    places_other: int = 0  # of those, placed somewhere else (unplaced is the rest)
    places_abroad: int = 0  # of those placed elsewhere, in another country than expected: misplaced
    traps: list[str] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)

    def add(self, other: "Score") -> None:
        for name in ("events_tp", "events_fp", "events_fn", "figures_right", "figures_total", "statements_found", "statements_total",
                     "places_right", "places_total", "places_other", "places_abroad"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.traps += other.traps
        self.misses += other.misses

    @property
    def precision(self) -> float:
        return self.events_tp / max(1, self.events_tp + self.events_fp)

    @property
    def recall(self) -> float:
        return self.events_tp / max(1, self.events_tp + self.events_fn)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def figure_accuracy(self) -> float:
        return self.figures_right / max(1, self.figures_total)

    @property
    def place_accuracy(self) -> float:
        return self.places_right / max(1, self.places_total)

    @property
    def statement_recall(self) -> float:
        return self.statements_found / max(1, self.statements_total)


def _place_ok(expected: str | None, event) -> bool:
    if expected is None:
        return True
    if event.location is None:
        return False
    names = [event.location.name, event.location.mention or ""]
    return any(_same_party(expected, n) for n in names)


def score(expectation: Expectation, result: Extraction) -> Score:
    s = Score()
    reported = [e for e in result.events if not e.background]
    matched: set[str] = set()
    for want in expectation.events:
        candidates = [e for e in reported if e.sub_event_type in want.sub_types and e.id not in matched]
        with_place = [e for e in candidates if _place_ok(want.place, e)]
        pick = (with_place or candidates or [None])[0]
        if pick is None:
            if not want.optional:
                s.events_fn += 1
                s.misses.append(f"{expectation.name} {want.id}: no {want.sub_types[0]} event")
            s.figures_total += sum(not f.optional for f in want.figures)
            continue
        matched.add(pick.id)
        s.events_tp += 1
        if want.place is not None:
            s.places_total += 1
            s.places_right += bool(with_place)
            s.places_other += not with_place and pick.location is not None
            s.places_abroad += not with_place and pick.location is not None and want.country_code is not None \
                and pick.location.country_code != want.country_code
        if not with_place:
            s.misses.append(f"{expectation.name} {want.id}: place {want.place!r} but found {pick.location.name if pick.location else None!r}")
        pool = [f for e in reported for f in e.figures]
        for fig in want.figures:
            if fig.optional:
                continue
            s.figures_total += 1
            ok = any(
                f.kind == fig.kind and f.count == fig.count and _claimant_ok(fig.claimant, f.claimant)
                for f in (pick.figures or pool)
            ) or any(f.kind == fig.kind and f.count == fig.count and _claimant_ok(fig.claimant, f.claimant) for f in pool)
            if ok:
                s.figures_right += 1
            else:
                got = [(f.kind, f.count, f.claimant) for f in pick.figures]
                s.misses.append(f"{expectation.name} {want.id}: figure {fig.kind} {fig.count} by {fig.claimant!r}; found {got}")
    s.events_fp = len([e for e in reported if e.id not in matched])
    for want in expectation.statements:
        if want.optional:
            continue
        s.statements_total += 1
        hits = [st for st in result.statements if st.kind == want.kind and _same_party(want.speaker, st.speaker)
                and (want.text is None or _text_overlaps(want.text, st.text)
                     or (st.sentence is not None and want.text.lower() in st.sentence.text.lower()))]
        if want.count is not None:
            ok = len(hits) == want.count
        else:
            ok = bool(hits)
        if ok:
            s.statements_found += 1
        else:
            s.misses.append(f"{expectation.name}: statement [{want.kind}] by {want.speaker!r}: {str(want.text)[:60]!r} ({len(hits)} found)")
    for trap in expectation.not_events:
        if trap not in result.article.text:
            continue
        start = result.article.text.index(trap)
        end = start + len(trap)
        for event in result.events:
            for fig in event.figures:
                if fig.evidence and start <= fig.evidence.start < end and not fig.background:
                    s.traps.append(f"{expectation.name}: figure from {trap[:50]!r}")
    return s


def _claimant_ok(expected: str | None, found: str | None) -> bool:
    if expected is None:
        return True  # unattributed in the text: any honest claimant (or none) will do
    return _same_party(expected, found)


def _text_overlaps(want: str, got: str) -> bool:
    from rapidfuzz import fuzz

    a, b = " ".join(want.split()).lower(), " ".join(got.split()).lower()
    return a in b or b in a or fuzz.partial_ratio(a, b) >= 85


def _clock_dated(result: Extraction) -> list[str]:
    """Events dated to a year that neither the text nor the article's own date names."""
    years = set(re.findall(r"\b(?:19|20)\d\d\b", result.article.text))
    if result.article.published:
        years.add(result.article.published[:4])
    return [f"{e.id} {e.sub_event_type} {e.date}" for e in result.events if e.date and e.date[:4] not in years]


def run(paths: list[Path], undated: bool = False) -> Score:
    from ..pipeline import extract

    total = Score()
    for path in paths:
        expectation = load(path)
        result = extract(expectation.article.read_bytes(), published=None if undated else expectation.published)
        s = score(expectation, result)
        if undated:
            s.misses += [f"{expectation.name} {event}: dated by the clock" for event in _clock_dated(result)]
        print(f"{expectation.name:28s} events P {s.precision:.2f} R {s.recall:.2f} F1 {s.f1:.2f} | "
              f"figures {s.figures_right}/{s.figures_total} | places {s.places_right}/{s.places_total} | statements {s.statements_found}/{s.statements_total} | traps {len(s.traps)}")
        total.add(s)
    print(f"{'ALL':28s} events P {total.precision:.2f} R {total.recall:.2f} F1 {total.f1:.2f} | "
          f"figure accuracy {total.figure_accuracy:.2f} | place accuracy {total.place_accuracy:.2f} "
          f"({total.places_right}/{total.places_total}, elsewhere {total.places_other}, "
          f"in another country {total.places_abroad}) | statement recall {total.statement_recall:.2f} | traps {len(total.traps)}")
    for line in total.misses + total.traps:
        print("  -", line)
    return total


def main(argv: list[str] | None = None) -> int:
    argv = list(argv if argv is not None else sys.argv[1:])
    undated = "--undated" in argv
    args = [Path(a) for a in argv if a != "--undated"]
    run([p for p in (args or DEFAULT_FILES) if p.exists()], undated=undated)
    return 0


if __name__ == "__main__":
    sys.exit(main())
