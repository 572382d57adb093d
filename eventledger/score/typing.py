"""Score the event typer on CASE 2021 Task 2 snippets (ACLED sub-types plus distractors).

    eventledger score typing FILE.tsv [--split dev|heldout|all] [--errors N]
    python -m eventledger.score.typing FILE.tsv [--split ...]

FILE.tsv has a header with a text column (`EventSnippet`, or `--text-column`) and a label column
(`SubType`, or `--label-column`) holding CASE 2021 label codes. Prints per-class precision, recall
and F1 over the 25 ACLED sub-types, macro and weighted F1, the share of non-ACLED snippets
(ORG_CRIME, NATURAL_DISASTER, MAN_MADE_DISASTER, DIPLO, ATTRIB) typed "none", and the most
frequent confusions.

Metric: the CASE 2021 subtask measure over ACLED snippets only (a snippet typed "none" counts as
a miss of its class); the non-ACLED snippets are measured by the none-rate, and a non-ACLED
snippet typed as an ACLED event counts as a false positive of that class in the "+fp" figures.

Given the PLOVER gold-standard file (`PLOVER_GSR_CAMEO.json`) instead, it measures what PLOVER
can tell about ACLED types: protests (PROTEST) must be typed Protests or Riots, fighting and
assaults (FIGHT, ASSAULT) one of the three violent ACLED types, and verbal events (AGREE, DEMAND,
REJECT, THREATEN, CONSULT...) "none" (an AGREE typed Agreement is reported apart: a ceasefire is
both).

`--split` takes a fixed, deterministic half of the file: within each label, snippets are ordered
by a hash of their id and alternate between `dev` (used to develop the lexicons) and `heldout`
(looked at only to report a figure)."""

from __future__ import annotations

import argparse
import csv
import hashlib
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from ..knowledge.taxonomy import taxonomy

REPO = Path(__file__).resolve().parents[2]
DEFAULT_FILE = REPO.parent / "shared/data/case2021_task2/dev.tsv"
SPLITS = ("dev", "heldout", "all")


@dataclass(slots=True)
class Snippet:
    id: str
    text: str
    label: str  # CASE 2021 code


def read_gold(path: str | Path, text_column: str = "EventSnippet", label_column: str = "SubType",
              id_column: str = "id") -> list[Snippet]:
    csv.field_size_limit(10_000_000)
    with open(path, encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        missing = {text_column, label_column} - set(reader.fieldnames or ())
        if missing:
            raise ValueError(f"{path}: no column {', '.join(sorted(missing))} (have: {', '.join(reader.fieldnames or ())})")
        out = []
        for n, row in enumerate(reader):
            out.append(Snippet(str(row.get(id_column) or n), row[text_column].strip(), row[label_column].strip()))
    return out


def _key(snippet_id: str) -> str:
    return hashlib.sha1(f"eventledger-typing:{snippet_id}".encode()).hexdigest()


def split(snippets: list[Snippet], which: str) -> list[Snippet]:
    """A fixed half of the snippets, stratified by label ('dev' or 'heldout'), or all of them."""
    if which == "all":
        return list(snippets)
    if which not in SPLITS:
        raise ValueError(f"split must be one of {SPLITS}, not {which!r}")
    by_label: dict[str, list[Snippet]] = defaultdict(list)
    for s in snippets:
        by_label[s.label].append(s)
    chosen = set()
    for items in by_label.values():
        for i, s in enumerate(sorted(items, key=lambda s: _key(s.id))):
            if (i % 2 == 0) == (which == "dev"):
                chosen.add(id(s))
    return [s for s in snippets if id(s) in chosen]


@dataclass(slots=True)
class Report:
    n: int
    per_class: dict[str, tuple[float, float, float, int]]  # sub-type -> (P, R, F1, support)
    macro_f1: float
    weighted_f1: float
    accuracy: float
    event_type_accuracy: float
    none_rate: float | None
    non_acled: int
    confusions: list[tuple[str, str, int]]  # (gold, predicted, count)
    fp_weighted_f1: float  # weighted F1 when non-ACLED snippets typed as events count as false positives
    seconds: float


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def evaluate(snippets: list[Snippet], predictions: list[str], seconds: float = 0.0) -> Report:
    """`predictions` are ACLED sub-event type names or "none", one per snippet."""
    tax = taxonomy()
    gold = [tax.from_case.get(s.label, "none") for s in snippets]
    unknown = sorted({s.label for s in snippets if s.label not in tax.from_case and s.label not in tax.non_acled})
    if unknown:
        raise ValueError(f"unknown labels in the gold file: {', '.join(unknown)}")
    tp, fp, fn, fp_extra = Counter(), Counter(), Counter(), Counter()
    confusions = Counter()
    for g, p in zip(gold, predictions):
        if g == "none":
            if p != "none":
                fp_extra[p] += 1
                confusions[("none", p)] += 1
            continue
        if g == p:
            tp[g] += 1
        else:
            fn[g] += 1
            if p != "none":
                fp[p] += 1
            confusions[(g, p)] += 1
    support = Counter(g for g in gold if g != "none")
    per_class = {}
    for sub in tax.sub_types:
        p, r, f = _prf(tp[sub], fp[sub], fn[sub])
        per_class[sub] = (p, r, f, support[sub])
    present = [s for s in tax.sub_types if support[s]]
    total = sum(support.values())
    macro = sum(per_class[s][2] for s in present) / len(present) if present else 0.0
    weighted = sum(per_class[s][2] * support[s] for s in present) / total if total else 0.0
    fp_weighted = sum(_prf(tp[s], fp[s] + fp_extra[s], fn[s])[2] * support[s] for s in present) / total if total else 0.0
    acled = [(g, p) for g, p in zip(gold, predictions) if g != "none"]
    accuracy = sum(g == p for g, p in acled) / len(acled) if acled else 0.0
    type_acc = sum(p != "none" and tax.type_of[g] == tax.type_of[p] for g, p in acled) / len(acled) if acled else 0.0
    nones = [p for g, p in zip(gold, predictions) if g == "none"]
    return Report(
        n=len(snippets), per_class=per_class, macro_f1=macro, weighted_f1=weighted, accuracy=accuracy,
        event_type_accuracy=type_acc, none_rate=(sum(p == "none" for p in nones) / len(nones)) if nones else None,
        non_acled=len(nones), confusions=[(g, p, c) for (g, p), c in confusions.most_common()],
        fp_weighted_f1=fp_weighted, seconds=seconds,
    )


def format_report(report: Report, title: str = "", top: int = 15) -> str:
    tax = taxonomy()
    lines = []
    if title:
        lines.append(title)
    lines.append(f"{'sub-event type':<38}{'code':<31}{'P':>6}{'R':>6}{'F1':>6}{'n':>5}")
    for sub in tax.sub_types:
        p, r, f, n = report.per_class[sub]
        if n == 0 and p == 0:
            continue
        lines.append(f"{sub:<38}{tax.case_code[sub]:<31}{p:6.2f}{r:6.2f}{f:6.2f}{n:5d}")
    lines.append("")
    lines.append(f"snippets: {report.n} ({report.n - report.non_acled} ACLED, {report.non_acled} non-ACLED)")
    lines.append(f"weighted F1 (25 sub-types): {report.weighted_f1:.3f}")
    lines.append(f"macro F1 (25 sub-types):    {report.macro_f1:.3f}")
    lines.append(f"accuracy (ACLED snippets):  {report.accuracy:.3f}   event-type accuracy: {report.event_type_accuracy:.3f}")
    lines.append(f"weighted F1 +fp (non-ACLED typed as events count as false positives): {report.fp_weighted_f1:.3f}")
    if report.none_rate is not None:
        lines.append(f"none-rate on non-ACLED snippets: {report.none_rate:.3f} ({round(report.none_rate * report.non_acled)}/{report.non_acled})")
    if report.seconds:
        lines.append(f"speed: {report.n / report.seconds:,.0f} snippets/s")
    if report.confusions:
        lines.append("")
        lines.append("confusions (gold -> predicted: count)")
        for g, p, c in report.confusions[:top]:
            lines.append(f"  {g} -> {p}: {c}")
    return "\n".join(lines)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", nargs="?", default=str(DEFAULT_FILE),
                        help=f"a TSV of labelled snippets (default: {DEFAULT_FILE}), or the PLOVER gold JSON")
    parser.add_argument("--split", choices=SPLITS, default="all",
                        help="a fixed half of the file: dev (for development), heldout (for the final figure), all")
    parser.add_argument("--text-column", default="EventSnippet")
    parser.add_argument("--label-column", default="SubType")
    parser.add_argument("--errors", type=int, default=0, metavar="N", help="also print N misclassified snippets")
    parser.add_argument("--top", type=int, default=15, metavar="N", help="how many confusion pairs to print")


VIOLENT_TYPES = {"Battles", "Explosions/Remote violence", "Violence against civilians"}
VERBAL = {"AGREE", "DEMAND", "REJECT", "DISAPPROVE", "SANCTION", "SUPPORT", "CONCEDE", "THREATEN", "AID",
          "INVESTIGATE", "CONSULT", "COOPERATE"}


def score_plover(path: str | Path) -> str:
    """PLOVER gold sentences: coarse agreement of the event types (see the module docstring)."""
    import json

    from ..extraction.typing import classify_many

    records = [r for r in json.loads(Path(path).read_text("utf-8")) if r.get("text") and r.get("event") != "DOCUMENT"]
    kinds = classify_many([r["text"] for r in records])
    groups: dict[str, list[tuple[dict, object]]] = defaultdict(list)
    for r, k in zip(records, kinds):
        event = r["event"]
        group = "protest" if event == "PROTEST" else "violence" if event in ("FIGHT", "ASSAULT") else \
            "agree" if event == "AGREE" else "verbal" if event in VERBAL else "other"
        groups[group].append((r, k))
    lines = [f"event typing on PLOVER: {path} ({len(records)} sentences)"]

    def share(items, test) -> str:
        hit = sum(1 for r, k in items if test(r, k))
        return f"{hit}/{len(items)} = {hit / len(items):.3f}" if items else "-"

    lines.append("PROTEST typed Protests or Riots:           " + share(groups["protest"], lambda r, k: k.event_type in ("Protests", "Riots")))
    lines.append("FIGHT/ASSAULT typed a violent ACLED type:  " + share(groups["violence"], lambda r, k: k.event_type in VIOLENT_TYPES))
    lines.append("verbal events typed none:                  " + share(groups["verbal"], lambda r, k: k.sub_event_type == "none"))
    lines.append("AGREE typed none or Agreement:             " + share(groups["agree"], lambda r, k: k.sub_event_type in ("none", "Agreement"))
                 + f"  (Agreement: {sum(k.sub_event_type == 'Agreement' for _, k in groups['agree'])})")
    other = Counter(k.event_type for _, k in groups["other"])
    lines.append(f"COERCE/MOBILIZE/RETREAT ({len(groups['other'])}), for information: "
                 + ", ".join(f"{t} {n}" for t, n in other.most_common()))
    wrong = [(r, k) for r, k in groups["verbal"] if k.sub_event_type != "none"]
    wrong += [(r, k) for r, k in groups["protest"] if k.event_type not in ("Protests", "Riots")]
    wrong += [(r, k) for r, k in groups["violence"] if k.event_type not in VIOLENT_TYPES]
    if wrong:
        lines.append("")
        lines.append("misses (PLOVER event -> typed)")
        for r, k in wrong:
            trig = f" [{k.trigger.text}]" if k.trigger else ""
            lines.append(f"  {r['event']} -> {k.sub_event_type}{trig}: {r['text'][:140]}")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    from ..extraction.typing import classify_many

    if str(args.file).endswith(".json"):
        try:
            print(score_plover(args.file))
        except (OSError, ValueError, KeyError) as exc:
            print(f"eventledger: {args.file}: {exc}", file=sys.stderr)
            return 1
        return 0
    try:
        snippets = split(read_gold(args.file, args.text_column, args.label_column), args.split)
    except (OSError, ValueError) as exc:
        print(f"eventledger: {exc}", file=sys.stderr)
        return 1
    classify_many(["warm up"])
    start = time.perf_counter()
    kinds = classify_many([s.text for s in snippets])
    seconds = time.perf_counter() - start
    predictions = [k.sub_event_type for k in kinds]
    report = evaluate(snippets, predictions, seconds)
    print(format_report(report, f"event typing: {args.file} (split: {args.split})", args.top))
    if args.errors:
        tax = taxonomy()
        print("")
        print("errors")
        shown = 0
        for s, k in zip(snippets, kinds):
            gold = tax.from_case.get(s.label, "none")
            if gold == k.sub_event_type:
                continue
            trig = f" [{k.trigger.text}]" if k.trigger else ""
            print(f"- {s.id} gold={s.label} pred={k.sub_event_type}{trig} ({k.confidence:.2f}): {s.text[:300]}")
            shown += 1
            if shown >= args.errors:
                break
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eventledger.score.typing", description=__doc__.split("\n\n")[0])
    add_arguments(parser)
    return run(parser.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
