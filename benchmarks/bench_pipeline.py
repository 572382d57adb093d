"""Speed of the one-article pipeline: articles/s and words/s on the fixture articles, one core,
with where the time goes.

    python benchmarks/bench_pipeline.py [--rounds N] [--profile]

Prints figures; asserts nothing (speed is measured here, never in tests). Beside the pipeline, in
the same run, spaCy's small English pipeline (the model eventledger ships with, every component
enabled) runs over the same texts, and the ratio of the two speeds is printed: above 1, the whole
extraction is faster than parsing every article with spaCy alone. The stage table splits
the wall time into cleaning, cheap sentence typing, the spaCy parse (and, inside it, each model
component) and the extractors and resolution, so the ceiling the model sets is visible: a
600-word article cannot go faster than the parse of the sentences it needs."""

from __future__ import annotations

import argparse
import cProfile
import pstats
import resource
import time
from collections import defaultdict
from pathlib import Path

from eventledger import extract
from eventledger import pipeline as pipeline_module
from eventledger.extraction import analyse as analyse_module
from eventledger.language import MODEL_NAME, load_model

ROOT = Path(__file__).resolve().parent.parent
SPENT: dict[str, float] = defaultdict(float)


def _timed(name: str, func):
    def wrapper(*args, **kwargs):
        start = time.perf_counter()
        try:
            return func(*args, **kwargs)
        finally:
            SPENT[name] += time.perf_counter() - start
    return wrapper


def _parse_component_by_component(nlp):
    """`parse_many` as the pipeline runs it, one model component after the other, each timed."""
    def parse(items, batch_size: int = 64):
        todo = [s for s in items if s._doc is None]
        start = time.perf_counter()
        docs = [nlp.make_doc(s.text) for s in todo]
        SPENT["  parse: tokenizer"] += time.perf_counter() - start
        for name, component in nlp.pipeline:
            start = time.perf_counter()
            docs = list(component.pipe(docs, batch_size=batch_size))
            SPENT[f"  parse: {name}"] += time.perf_counter() - start
        for sent, doc in zip(todo, docs):
            sent._doc = doc
    return parse


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
    nlp = load_model()
    extract(docs[0])  # warm caches (gazetteer, lexicons, the attribute memo)

    start = time.perf_counter()
    for _ in range(args.rounds):
        for doc in docs:
            extract(doc, published="2024-01-01")
    seconds = time.perf_counter() - start
    n = len(docs) * args.rounds
    print(f"articles: {n}  mean words/article: {words / len(docs):.0f}")
    print(f"articles/s (1 core): {n / seconds:.1f}")
    print(f"words/s (1 core):    {words * args.rounds / seconds:,.0f}")
    print(f"peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")

    # spaCy's small pipeline over the same texts, every component enabled (senter too), one core.
    import spacy

    full = spacy.load(MODEL_NAME)
    for name in full.disabled:
        full.enable_pipe(name)
    texts = [d.decode("utf-8", "replace") for d in docs]
    list(full.pipe(texts[:2]))  # warm up
    start = time.perf_counter()
    for _ in range(args.rounds):
        for _doc in full.pipe(texts, batch_size=8):
            pass
    spacy_seconds = time.perf_counter() - start
    print(f"spaCy {MODEL_NAME} ({', '.join(full.pipe_names)}) over the same texts: "
          f"{n / spacy_seconds:.1f} articles/s")
    print(f"speed ratio, eventledger / spaCy small: {spacy_seconds / seconds:.2f}")

    # Second pass, instrumented: where the time goes.
    pipeline_module.clean = _timed("clean", pipeline_module.clean)
    pipeline_module.resolve_events = _timed("resolve events", pipeline_module.resolve_events)
    analyse_module.classify_many = _timed("sentence typing", analyse_module.classify_many)
    analyse_module.parse_many = _timed("parse (spaCy)", _parse_component_by_component(nlp))
    analyse_module.analyse = _timed("extract (incl. typing, parse)", analyse_module.analyse)
    pipeline_module.analyse = analyse_module.analyse
    parsed_words = 0
    original = analyse_module.parse_many

    def counting(items, *a, **k):
        nonlocal parsed_words
        parsed_words += sum(len(s.text.split()) for s in items)
        return original(items, *a, **k)

    analyse_module.parse_many = counting
    profiler = cProfile.Profile() if args.profile else None
    start = time.perf_counter()
    if profiler:
        profiler.enable()
    for doc in docs:
        extract(doc, published="2024-01-01")
    if profiler:
        profiler.disable()
    total = time.perf_counter() - start
    print(f"\nwhere the time goes (one pass, {len(docs)} articles, {total * 1000 / len(docs):.0f} ms/article):")
    for name, spent in sorted(SPENT.items(), key=lambda kv: kv[0].startswith("  ")):
        print(f"  {name:34s} {spent * 1000 / len(docs):7.1f} ms/article  {spent / total:5.0%}")
    print(f"  words parsed: {parsed_words / words:.0%} of the articles' words")
    if profiler:
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(15)


if __name__ == "__main__":
    main()
