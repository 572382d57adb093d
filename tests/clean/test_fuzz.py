"""Fuzzing the cleaner and the corpus readers with random and mutated inputs (hypothesis,
derandomized and bounded in count and size, so a run is reproducible and takes seconds).

What must hold whatever comes in: the cleaner returns an article whose offsets slice its text,
or refuses with `InputError`; the readers yield one result per document found, each pending or
failed with a reason, and never raise."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest

hypothesis = pytest.importorskip("hypothesis", reason="hypothesis is a test extra")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from eventledger.clean import clean  # noqa: E402
from eventledger.errors import InputError  # noqa: E402
from eventledger.ingest.corpus import iter_documents  # noqa: E402
from eventledger.ingest.decode import to_raw_document  # noqa: E402
from eventledger.ingest.limits import Limits  # noqa: E402

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SEEDS = [p.read_bytes() for p in sorted((FIXTURES / "articles").glob("*.txt"))[:6]] + \
        [p.read_bytes() for p in sorted((FIXTURES / "corpus").rglob("*")) if p.is_file()]
HTML = next(p.read_bytes() for p in sorted((FIXTURES / "corpus").rglob("*.html")))
FUZZ = settings(max_examples=80, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture])
ERROR_CODES = {"empty", "binary", "encoding", "too_large", "bad_record", "no_text", "bad_feed", "bad_archive",
               "unreadable", "not_regular", "outside_corpus", "not_found", "bad_date", "bad_html"}


@st.composite
def mutated(draw, seeds=SEEDS) -> bytes:
    """A real input cut, spliced, repeated, or with random bytes written into it."""
    data = bytearray(draw(st.sampled_from(seeds)))
    for _ in range(draw(st.integers(0, 6))):
        if not data:
            break
        at = draw(st.integers(0, len(data) - 1))
        action = draw(st.sampled_from(("flip", "insert", "delete", "repeat", "truncate", "splice")))
        if action == "flip":
            data[at] = draw(st.integers(0, 255))
        elif action == "insert":
            data[at:at] = draw(st.binary(max_size=64)) or b"\n"
        elif action == "delete":
            del data[at:at + draw(st.integers(1, 200))]
        elif action == "repeat":
            data[at:at] = data[at:at + draw(st.integers(1, 400))] * draw(st.integers(1, 30))
        elif action == "truncate":
            del data[at:]
        else:
            other = draw(st.sampled_from(seeds))
            data[at:at] = other[: draw(st.integers(0, len(other)))]
    return bytes(data)


TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=3000)
PAGE = st.lists(st.one_of(TEXT, st.sampled_from(["", "\n", "\n\n", "Subscribe now", "Photo: Reuters", "By John Smith",
                                                  "=HYPERLINK(\"x\")", "<p>", "</p>", "<h1>Title</h1>", "\t", "\r\n"])),
                max_size=40).map("\n\n".join)


def _check_clean(data: bytes | str, content_type: str | None = None) -> None:
    try:
        result = clean(to_raw_document(data, content_type=content_type))
    except InputError:
        return
    text = result.article.text
    for paragraph in result.article.paragraphs:
        assert text[paragraph.start:paragraph.end] == paragraph.text
    if result.article.title_evidence:
        ev = result.article.title_evidence
        assert text[ev.start:ev.end] == ev.text


@FUZZ
@given(PAGE)
def test_the_cleaner_on_random_pages(page):
    _check_clean(page)


@FUZZ
@given(mutated())
def test_the_cleaner_on_mutated_articles(data):
    _check_clean(data)


@FUZZ
@given(mutated(seeds=[HTML]), st.sampled_from(["html", None]))
def test_the_html_cleaner_on_mutated_pages(data, kind):
    _check_clean(data, kind)


NAMES = ["a.txt", "b.html", "c.jsonl", "d.csv", "e.tsv", "f.json", "g.xml", "h.txt.gz", "i.jsonl.gz", "j.warc.gz", "k.warc"]


@st.composite
def corpus_file(draw) -> tuple[str, bytes]:
    name = draw(st.sampled_from(NAMES))
    kind = draw(st.sampled_from(("random", "mutated", "records")))
    if kind == "random":
        data = draw(st.binary(max_size=4000))
    elif kind == "mutated":
        data = draw(mutated())
    else:
        records = draw(st.lists(st.dictionaries(st.sampled_from(["text", "body", "html", "url", "published", "date", "x"]),
                                                st.one_of(TEXT, st.integers(), st.none(), st.just("2026-02-30")),
                                                max_size=4), max_size=8))
        data = "\n".join(json.dumps(r) for r in records).encode()
        if name.endswith((".csv", ".tsv")):
            buffer = io.StringIO()
            import csv

            writer = csv.writer(buffer, delimiter="\t" if name.endswith(".tsv") else ",")
            writer.writerow(["text", "url", "published"])
            for r in records:
                writer.writerow([r.get("text"), r.get("url"), r.get("published")])
            data = buffer.getvalue().encode()
    if name.endswith(".gz") and draw(st.booleans()):
        data = gzip.compress(data)
    return name, data


@FUZZ
@given(st.lists(corpus_file(), min_size=1, max_size=4))
def test_the_corpus_readers_on_random_and_mutated_files(tmp_path_factory, files):
    root = tmp_path_factory.mktemp("fuzz")
    for number, (name, data) in enumerate(files):
        (root / f"{number}-{name}").write_bytes(data)
    docs = list(iter_documents([root], Limits(record_bytes=20_000, document_bytes=50_000, file_bytes=200_000)))
    for doc in docs:
        assert doc.doc_id and doc.source and doc.extraction is None
        if doc.error_code:
            assert doc.error_code in ERROR_CODES and doc.error_message
        else:
            assert doc.raw is not None and doc.raw.content.strip()
            assert doc.raw.published is None or len(doc.raw.published) == 10
    assert {Path(d.source.split("#")[0].split("@")[0].rsplit(":", 1)[0]).name for d in docs} <= \
        {f"{n}-{name}" for n, (name, _) in enumerate(files)}
