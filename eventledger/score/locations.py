"""Event-location attachment: is the place `find_event_place` picks where the event happened?

Gold: `../shared/data/event_location/gold.jsonl` (ahalterman/event_location, RELABEL records):
each record is a sentence with its tokens and spans labelled VERB (the event word) and LOCATION
(none, one or several places where that event happened). Some character offsets of the spans are
wrong in the source, so spans are read through their token indices and the gold tokens' own
offsets (which match the text).

A record counts as right when the predicted place overlaps any gold LOCATION, or when gold has no
location and nothing is predicted. Records are split into dev and held-out by a hash of their id
(fixed, so rules tuned looking at dev are measured honestly on held-out). Error examples are printed
for dev only: held-out shows totals, so that nobody tunes on it by accident (`--show-heldout` to
override, for a final audit).

    python -m eventledger.score.locations [--split dev|heldout|all] [--examples N] [--limit N] [--show-heldout] [GOLD.jsonl]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DEFAULT_GOLD = REPO.parent / "shared/data/event_location/gold.jsonl"


@dataclass(slots=True)
class Record:
    id: str
    text: str
    verb: tuple[int, int]  # character range of the gold VERB
    locations: list[tuple[int, int]]  # character ranges of the gold LOCATIONs
    location_texts: list[str]


@dataclass
class Outcome:
    record: Record
    predicted: tuple[int, int] | None
    predicted_text: str | None
    kind: str  # right_place | right_none | wrong_place | missed | spurious | unaligned


@dataclass
class LocationScore:
    outcomes: list[Outcome] = field(default_factory=list)
    skipped: int = 0

    def count(self, *kinds: str) -> int:
        return sum(o.kind in kinds for o in self.outcomes)

    @property
    def total(self) -> int:
        return len(self.outcomes)

    @property
    def accuracy(self) -> float:
        return self.count("right_place", "right_none") / max(1, self.total)

    @property
    def precision(self) -> float:
        """Of the sentences where a place was predicted, how often it was a gold place."""
        predicted = self.count("right_place", "wrong_place", "spurious")
        return self.count("right_place") / max(1, predicted)

    @property
    def recall(self) -> float:
        """Of the sentences with a gold place, how often one of them was predicted."""
        gold = self.count("right_place", "wrong_place", "missed") + sum(
            o.kind == "unaligned" and bool(o.record.locations) for o in self.outcomes)
        return self.count("right_place") / max(1, gold)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def load(path: Path = DEFAULT_GOLD) -> tuple[list[Record], int]:
    """The gold records with a VERB span, and how many were skipped (no spans, no verb)."""
    records: list[Record] = []
    skipped = 0
    for line in path.read_text("utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        tokens = row.get("tokens") or []
        spans = row.get("spans") or []
        verbs = [s for s in spans if s["label"] == "VERB"]
        if not tokens or not verbs:
            skipped += 1
            continue

        def chars(span: dict) -> tuple[int, int]:
            return tokens[span["token_start"]]["start"], tokens[span["token_end"]]["end"]

        locations = [chars(s) for s in spans if s["label"] == "LOCATION"]
        records.append(Record(
            id=str(row.get("_id") or row.get("doc_id") or row.get("_input_hash")).strip(),
            text=row["text"],
            verb=chars(verbs[0]),
            locations=locations,
            location_texts=[row["text"][a:b] for a, b in locations],
        ))
    return records, skipped


def split_of(record: Record) -> str:
    """'dev' or 'heldout', fixed by a hash of the record's id (about half each)."""
    digest = hashlib.sha1(record.id.encode("utf-8")).digest()
    return "dev" if digest[0] % 2 == 0 else "heldout"


def select(records: list[Record], split: str) -> list[Record]:
    return records if split == "all" else [r for r in records if split_of(r) == split]


def score(records: list[Record], nlp=None) -> LocationScore:
    from ..extraction.places import find_event_place
    from ..language import load_model

    nlp = nlp or load_model()
    result = LocationScore()
    for record, doc in zip(records, nlp.pipe((r.text for r in records), batch_size=64)):
        trigger = _token_at(doc, record.verb[0], record.verb[1])
        if trigger is None:
            result.outcomes.append(Outcome(record, None, None, "unaligned"))
            continue
        hit = find_event_place(doc, trigger)
        predicted = None
        if hit is not None:
            base = doc[0].idx
            predicted = (hit.start_char + base, hit.end_char + base)
        result.outcomes.append(Outcome(record, predicted, hit.text if hit else None, _judge(record, predicted)))
    return result


def _token_at(doc, start: int, end: int) -> int | None:
    """The spaCy token at the gold token's characters (the first one when spaCy splits it)."""
    for token in doc:
        if token.idx <= start < token.idx + len(token.text) or start <= token.idx < end:
            return token.i
    return None


def _judge(record: Record, predicted: tuple[int, int] | None) -> str:
    if not record.locations:
        return "right_none" if predicted is None else "spurious"
    if predicted is None:
        return "missed"
    a, b = predicted
    if any(a < end and start < b for start, end in record.locations):
        return "right_place"
    return "wrong_place"


_KIND_NAMES = {
    "wrong_place": "wrong place picked",
    "missed": "none predicted (gold has a place)",
    "spurious": "predicted where gold has none",
    "unaligned": "gold verb not found in the parse",
}


def report(name: str, result: LocationScore, examples: int = 3, out=None) -> None:
    out = out or sys.stdout
    print(f"{name:8s} n={result.total:3d}  accuracy {result.accuracy:.3f}  | place predicted: "
          f"P {result.precision:.3f} R {result.recall:.3f} F1 {result.f1:.3f}  | right place "
          f"{result.count('right_place')}, right none {result.count('right_none')}", file=out)
    for kind, label in _KIND_NAMES.items():
        cases = [o for o in result.outcomes if o.kind == kind]
        if not cases:
            continue
        print(f"    {label}: {len(cases)}", file=out)
        for o in cases[:examples]:
            r = o.record
            verb = r.text[r.verb[0]:r.verb[1]]
            text = " ".join(r.text.split())
            print(f"      - [{verb}] gold {r.location_texts or None} got {o.predicted_text!r}: {text[:160]}", file=out)


def evaluate(path: Path = DEFAULT_GOLD, split: str = "all", examples: int = 3, limit: int | None = None,
             show_heldout: bool = False) -> dict[str, LocationScore]:
    records, skipped = load(path)
    splits = ["dev", "heldout"] if split == "all" else [split]
    results: dict[str, LocationScore] = {}
    print(f"event-location attachment on {path.name}: {len(records)} records ({skipped} without a verb span skipped)")
    for name in splits:
        chosen = select(records, name)[:limit] if limit else select(records, name)
        results[name] = score(chosen)
        report(name, results[name], examples if name == "dev" or show_heldout else 0)
    if split == "all":
        both = LocationScore(outcomes=[o for r in results.values() for o in r.outcomes])
        report("all", both, examples=0)
        results["all"] = both
    return results


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("gold", nargs="?", type=Path, default=DEFAULT_GOLD, help="gold.jsonl (default: ../shared/data/event_location/gold.jsonl)")
    parser.add_argument("--split", choices=["dev", "heldout", "all"], default="all")
    parser.add_argument("--examples", type=int, default=3, help="examples printed per error kind")
    parser.add_argument("--limit", type=int, default=None, help="score only the first N records of each split")
    parser.add_argument("--show-heldout", action="store_true", help="print held-out error examples too (final audits only)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eventledger.score.locations", description=__doc__.split("\n\n")[0])
    add_arguments(parser)
    args = parser.parse_args(argv)
    return run(args)


def run(args: argparse.Namespace) -> int:
    """The `eventledger score` entry point."""
    if not args.gold.exists():
        print(f"no gold file at {args.gold}", file=sys.stderr)
        return 1
    evaluate(args.gold, args.split, args.examples, args.limit, getattr(args, "show_heldout", False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
