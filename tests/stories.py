"""Shared helpers for tests that run short stories or sentences written for them."""

from __future__ import annotations

import csv
from pathlib import Path

from eventledger.extraction.statements import SpeakerContext, find_statements
from eventledger.knowledge.capitals import government_of
from eventledger.language import load_model
from eventledger.pipeline import extract


def run_story(body: str, published: str):
    """The story's reported (not background) events, and the whole extraction."""
    result = extract("Report\n\n" + body, published=published)
    return [e for e in result.events if not e.background], result


def figures_of(events, kind=None, parts=False):
    """(kind, count, claimant) of the events' tolls (with `parts`, of the parts that break them
    down instead: "including two children"), of one kind if given."""
    return [(f.kind, f.count, f.claimant or "") for e in events for f in e.figures
            if (kind is None or f.kind == kind) and f.part == parts]


def statements_of(*sentences: str):
    """The statement mentions of each sentence, read in order with one speaker context."""
    nlp = load_model()
    context = SpeakerContext()
    return [find_statements(nlp(sentence), context, government_of) for sentence in sentences]


def statement_kinds(found):
    return [(m.kind, m.speaker, m.text) for m in found]


NEWS = Path(__file__).resolve().parents[1] / "eval" / "news"


def train_article(name: str):
    """The current events of a train article of the news corpus, run with its publication date."""
    with (NEWS / "manifest.csv").open(encoding="utf-8") as handle:
        row = next(r for r in csv.DictReader(handle) if r["id"] == name)
    assert row["split"] == "train"
    text = (NEWS / "articles" / f"{name}.txt").read_bytes()
    return [e for e in extract(text, published=row["published"] or None).events if not e.background]
