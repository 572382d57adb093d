"""Cleaning time against the size of a page: it should grow in proportion, not with the square.

    python benchmarks/bench_clean.py                 # 500, 1,000, 2,000 and 8,000 paragraphs (about 2 MB)

Pages are built from the words of a fixture article, 20-60 words a paragraph, with one paragraph in
ten a near repeat of an earlier one (words changed, dropped or swapped), so the near-duplicate
search has work to do. Prints seconds and microseconds per paragraph; asserts nothing."""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def page(n: int, seed: int = 1) -> str:
    rng = random.Random(seed)
    words = (ROOT / "tests/fixtures/articles/kunar-airstrike-2013.txt").read_text("utf-8").split()
    paragraphs: list[str] = []
    for _ in range(n):
        if paragraphs and rng.random() < 0.1:
            repeat = rng.choice(paragraphs).split()
            for _ in range(rng.randrange(1, 4)):
                repeat[rng.randrange(len(repeat))] = rng.choice(words)
            paragraphs.append(" ".join(repeat))
        else:
            paragraphs.append(" ".join(rng.choice(words) for _ in range(rng.randrange(20, 60))) + ".")
    return "A long page\n\n" + "\n\n".join(paragraphs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, 1000, 2000, 8000])
    args = parser.parse_args()
    from eventledger.clean import clean
    from eventledger.records import RawDocument

    clean(RawDocument(page(50)))  # load the patterns
    print(f"{'paragraphs':>10} {'MB':>6} {'seconds':>8} {'us/para':>8} {'duplicates':>10}")
    for n in args.sizes:
        text = page(n)
        started = time.perf_counter()
        result = clean(RawDocument(text))
        seconds = time.perf_counter() - started
        dups = sum(r.reason == "duplicate" for r in result.removed)
        print(f"{n:>10} {len(text) / 1e6:>6.2f} {seconds:>8.2f} {seconds / n * 1e6:>8.0f} {dups:>10}", flush=True)


if __name__ == "__main__":
    main()
