"""Large documents never take a run down: long values are stored in parts, batches are bounded by
bytes, a batch that cannot be written is written document by document, and a failed write never
leaves the ledger unusable."""

from __future__ import annotations

import base64
import json
import random

import duckdb
import pytest

from eventledger.ingest.decode import content_id
from eventledger.ledger import Ledger
from eventledger.records import Article, DocResult, Extraction, RawDocument, Removed
from eventledger.store import db, flatten


def noise(seed: int, size: int) -> str:
    """Text DuckDB cannot compress (a page full of script and navigation looks like this to it)."""
    return base64.b64encode(random.Random(seed).randbytes(size * 3 // 4)).decode()


def big_result(seed: int, size: int, marker: str = "") -> DocResult:
    content = f"<html><body><nav>{noise(seed, size)}</nav><article><p>{marker} Gunmen killed 4 people.</p></article></body></html>"
    raw = RawDocument(content, "html", doc_id=content_id(content))
    text = f"Story {seed}\n\n{marker} Gunmen killed 4 people. " + " ".join(noise(seed + 1, 40) for _ in range(size // 400))
    extraction = Extraction(article=Article(text=text, title=f"Story {seed}"), doc_id=raw.doc_id,
                            removed=[Removed(noise(seed * 7 + n, 60), "navigation") for n in range(size // 600)])
    return DocResult(raw.doc_id, raw, extraction, source=f"page{seed}.html")


def test_split_parts_round_trips_and_keeps_words_whole():
    text = " ".join(f"wörd{n}" for n in range(3000)) + "\n" + "x" * 2500 + " ünïcode ✓ " * 300
    for at_spaces in (False, True):
        parts = flatten.split_parts(text, at_spaces=at_spaces)
        assert "".join(parts) == text
        assert all(len(p) <= flatten.PART_CHARS and len(p.encode()) <= 4 * flatten.PART_CHARS for p in parts)
    words = flatten.split_parts(text, at_spaces=True)
    cut_inside_a_word = [p for p in words[:-1] if not p.endswith((" ", "\n")) and " " in p[flatten.PART_CHARS // 2:]]
    assert not cut_inside_a_word


def test_pages_of_megabytes_are_stored_within_a_small_memory_cap(tmp_path):
    """80 MB of incompressible pages under a 64 MB cap: DuckDB ran out of memory writing them, or
    its checkpoint failed and left the file invalid for every later run."""
    path = tmp_path / "big.duckdb"
    results = [big_result(seed, 4 * 2**20, marker=f"needle{seed}") for seed in range(16)]
    with Ledger(path, memory_limit="64MB") as ledger:
        stats = ledger.store(results, batch_size=20, merge=False)
        assert (stats.stored, stats.ok, stats.errors) == (16, 16, 0)
    with Ledger(path, memory_limit="64MB") as ledger:
        assert ledger.stats()["documents"] == 16
        again = ledger.article(results[3].doc_id)
        assert again["original"] == results[3].raw.content
        assert again["article"]["text"] == results[3].extraction.article.text
        assert len(again["removed"]) == len(results[3].extraction.removed)
        found = ledger.articles("needle5", output="records")
        assert [a["id"] for a in found] == [results[5].doc_id]
        assert ledger.sql("SELECT max(length(chunk)) AS n FROM texts").n[0] <= flatten.PART_CHARS
        ledger.store([big_result(99, 2**20)], merge=False)  # the ledger takes more afterwards
        assert ledger.stats()["documents"] == 17


def test_batches_are_bounded_by_bytes(tmp_path, monkeypatch):
    sizes = []
    results = [big_result(seed, 2**20) for seed in range(7)]
    each = len(results[0].raw.content) + len(json.dumps(results[0].extraction.to_dict(), ensure_ascii=False))
    with Ledger(tmp_path / "b.duckdb") as ledger:
        real = ledger._write_batch
        monkeypatch.setattr(ledger, "_write_batch", lambda batch, *a: (sizes.append(len(batch)), real(batch, *a))[1])
        ledger.store(results, batch_size=100, batch_bytes=int(2.5 * each), merge=False)
        assert ledger.stats()["documents"] == 7
    assert sizes == [3, 3, 1]  # 100 documents a batch, but no more than 2.5 documents' bytes


def test_a_batch_that_fails_is_written_document_by_document(tmp_path, monkeypatch):
    results = [big_result(seed, 8192) for seed in range(5)]
    culprit = results[2].doc_id
    real_insert = db.insert

    def insert(con, table, rows):
        if table == "articles" and any(row[0] == culprit for row in rows):
            raise duckdb.OutOfMemoryException("Out of Memory Error: could not allocate block (injected)")
        return real_insert(con, table, rows)

    monkeypatch.setattr(db, "insert", insert)
    with Ledger(tmp_path / "r.duckdb") as ledger:
        stats = ledger.store(results, batch_size=10, merge=True)
        assert (stats.stored, stats.ok, stats.errors) == (5, 4, 1)
        (failed,) = ledger.errors(output="records")
        assert failed["doc_id"] == culprit and failed["error_code"] == "store_failed"
        assert "Out of Memory" in failed["error_message"]
        assert ledger.article(culprit)["original"] == results[2].raw.content  # the original is on record
        assert ledger.known_ids(include_errors=False) == {r.doc_id for r in results} - {culprit}


def test_a_fatal_error_does_not_leave_the_ledger_unusable(tmp_path, monkeypatch):
    """DuckDB gives a connection up after a fatal error (a failed checkpoint): the ledger opens the
    file again, finds what was committed, and goes on."""
    path = tmp_path / "f.duckdb"
    with Ledger(path) as ledger:
        ledger.store([big_result(1, 8192)], merge=False)
    results = [big_result(seed, 8192) for seed in range(10, 14)]
    culprit = results[1].doc_id
    real_insert = db.insert

    def insert(con, table, rows):
        if table == "articles" and any(row[0] == culprit for row in rows):
            con.close()
            raise duckdb.FatalException("FATAL Error: database has been invalidated (injected)")
        return real_insert(con, table, rows)

    monkeypatch.setattr(db, "insert", insert)
    with Ledger(path) as ledger:
        stats = ledger.store(results, batch_size=10, merge=True)
        assert (stats.ok, stats.errors) == (3, 1)
        assert ledger.stats()["documents"] == 5 and not ledger.stale()
    monkeypatch.setattr(db, "insert", real_insert)
    with Ledger(path) as ledger:  # and a later run still works
        ledger.store([big_result(20, 8192)])
        assert ledger.stats()["documents"] == 6
        assert sorted(ledger.sql("SELECT seq FROM documents ORDER BY seq").seq) == list(range(6))


def test_duckdb_memory_cap_is_sized_from_the_machine(monkeypatch):
    monkeypatch.delenv(db.MEMORY_LIMIT_ENV, raising=False)
    for total, expected in ((64 * 2**30, "2048MB"), (24 * 2**30, "768MB"), (2 * 2**30, "256MB")):
        monkeypatch.setattr(db, "machine_memory", lambda total=total: total)
        assert db.default_memory_limit() == expected
    monkeypatch.setenv(db.MEMORY_LIMIT_ENV, "300MB")
    assert db.default_memory_limit() == "300MB"
    with pytest.raises(ValueError, match="memory limit"):
        Ledger(":memory:", memory_limit="plenty")
    with Ledger(":memory:", memory_limit="100MB") as ledger:
        limit = ledger.sql("SELECT current_setting('memory_limit') AS m").m[0]
    assert limit == "95.3 MiB"  # 100 MB
