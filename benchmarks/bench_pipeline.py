"""Speed of the one-article pipeline: articles/s and words/s on the fixture articles, one core.

    python benchmarks/bench_pipeline.py [--rounds N]

Prints figures; asserts nothing (speed is measured here, never in tests)."""

from __future__ import annotations

import argparse
import cProfile
import pstats
import resource
import time
from pathlib import Path

from eventledger import extract
from eventledger.language import load_model

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--profile", action="store_true", help="print the 15 most expensive functions")
    args = parser.parse_args()
    docs = [p.read_bytes() for p in sorted((ROOT / "tests/fixtures/articles").glob("*.txt"))]
    seed = ROOT.parent / "shared/data/seed/article.txt"
    if seed.exists():
        docs.append(seed.read_bytes())
    words = sum(len(d.split()) for d in docs)
    load_model()
    extract(docs[0])  # warm caches (gazetteer, lexicons)
    profiler = cProfile.Profile() if args.profile else None
    start = time.perf_counter()
    if profiler:
        profiler.enable()
    for _ in range(args.rounds):
        for doc in docs:
            extract(doc, published="2024-01-01")
    if profiler:
        profiler.disable()
    seconds = time.perf_counter() - start
    n = len(docs) * args.rounds
    print(f"articles: {n}  mean words/article: {words / len(docs):.0f}")
    print(f"articles/s (1 core): {n / seconds:.1f}")
    print(f"words/s (1 core):    {words * args.rounds / seconds:,.0f}")
    print(f"peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    if profiler:
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(15)


if __name__ == "__main__":
    main()
