"""Speed of the event typer: snippets/s and words/s on one core.

    python benchmarks/bench_typing.py [--rounds N] [--profile]

Types the CASE 2021 Task 2 snippets from ../shared/data when they are there (1-3 sentences each),
else the sentences written for the tests; prints figures and asserts nothing. The target is at
least 200 snippets/s on one core."""

from __future__ import annotations

import argparse
import cProfile
import csv
import os
import pstats
import time
from pathlib import Path

from eventledger.extraction.typing import classify, classify_many

ROOT = Path(__file__).resolve().parent.parent
CASE_DEV = ROOT.parent / "shared/data/case2021_task2/dev.tsv"
WRITTEN = sorted((ROOT / "tests/fixtures/typing").glob("*.tsv"))


def _texts() -> tuple[str, list[str]]:
    csv.field_size_limit(10_000_000)
    if CASE_DEV.exists():
        with CASE_DEV.open(encoding="utf-8", newline="") as handle:
            return str(CASE_DEV), [r["EventSnippet"] for r in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)]
    texts = []
    for path in WRITTEN:
        with path.open(encoding="utf-8", newline="") as handle:
            texts += [r["text"] for r in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)]
    return "tests/fixtures/typing/*.tsv", texts


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--profile", action="store_true", help="print the 15 most expensive functions")
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})  # one core
    source, texts = _texts()
    words = sum(len(t.split()) for t in texts)
    start = time.perf_counter()
    classify("A roadside bomb killed three soldiers.")  # loads and compiles the lexicon
    load = time.perf_counter() - start
    profiler = cProfile.Profile() if args.profile else None
    if profiler:
        profiler.enable()
    start = time.perf_counter()
    for _ in range(args.rounds):
        classify_many(texts)
    seconds = time.perf_counter() - start
    if profiler:
        profiler.disable()
    n = len(texts) * args.rounds
    print(f"texts: {source} ({len(texts)} snippets, mean {words / len(texts):.0f} words), rounds: {args.rounds}")
    print(f"lexicon load: {load * 1000:.0f} ms")
    print(f"snippets/s (1 core): {n / seconds:,.0f}")
    print(f"words/s (1 core):    {words * args.rounds / seconds:,.0f}")
    if profiler:
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(15)


if __name__ == "__main__":
    main()
