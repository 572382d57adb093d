"""Throughput of the Ray engine against the local engine, on this machine.

    python benchmarks/bench_ray.py [--docs N] [--workers 1 2] [--address ADDR]

The corpus is the fixture articles (public-domain VOA reports, ~300 words each) repeated to N
documents. Prints documents/second for the local engine (`run_one` in this process, one core) and
for the Ray engine with 1 and 2 workers, wall clock from `run()` call to the last Parquet file
(so it includes starting the actor pool and loading the model in each worker), and the rate after
the first batch came back (steady state, what a long run converges to). Asserts nothing."""

from __future__ import annotations

import argparse
import os
import shutil
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def corpus(n: int):
    from eventledger.ingest.corpus import iter_documents

    base = list(iter_documents(sorted((ROOT / "tests/fixtures/articles").glob("*.txt"))))
    return [base[i % len(base)] for i in range(n)]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=320)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--address", help="an existing Ray cluster (default: a local one of 2 CPUs)")
    parser.add_argument("--batch-size", type=int, default=4)
    args = parser.parse_args()
    os.environ.setdefault("RAY_DISABLE_IMPORT_WARNING", "1")

    from eventledger.language import load_model
    from eventledger.pipeline import run_one

    docs = corpus(args.docs)
    load_model()
    run_one(docs[0].raw, docs[0].source)  # warm caches (gazetteer, lexicons), as a worker's first doc would
    start = time.perf_counter()
    for d in docs:
        run_one(d.raw, d.source)
    local = len(docs) / (time.perf_counter() - start)
    print(f"documents: {len(docs)} (fixture articles, ~300 words each)  cpus: {os.cpu_count()}")
    print(f"local engine (1 process, 1 core):   {local:6.2f} docs/s")

    import ray

    from eventledger.scale.ray_engine import run

    if args.address:
        ray.init(address=args.address, log_to_driver=False)
    else:
        ray.init(num_cpus=max(args.workers), include_dashboard=False, object_store_memory=200_000_000,
                 log_to_driver=False)
    try:
        for n in args.workers:
            out = tempfile.mkdtemp(prefix="bench-ray-")
            try:
                summary = run(docs, out, num_workers=n, batch_size=args.batch_size)
            finally:
                shutil.rmtree(out, ignore_errors=True)
            assert summary.total == len(docs) and summary.ok == len(docs), summary
            wall = summary.docs_per_second
            startup = summary.startup_seconds  # to the first batch back: pool start, model load, one batch
            steady = (len(docs) - args.batch_size) / max(summary.seconds - startup, 1e-9)
            print(f"ray engine, {n} worker{'s' if n > 1 else ' '}:           {wall:6.2f} docs/s "
                  f"({wall / local:.2f}x local)   without the {startup:.1f} s start-up: {steady:6.2f} docs/s "
                  f"({steady / local:.2f}x local)")
    finally:
        ray.shutdown()


if __name__ == "__main__":
    main()
