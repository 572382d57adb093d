"""`eventledger ingest` on a corpus with hostile and odd things in it: a FIFO, a link to
/dev/zero, a link out of the corpus, a gzip bomb, an oversized JSONL line, an impossible date, a
binary file. The run ends, every good document is stored, every bad one is on record with its
reason, and the ledger is valid for the next run."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
from pathlib import Path

from eventledger.ledger import Ledger

ROOT = Path(__file__).resolve().parents[2]
ARTICLES = sorted((ROOT / "tests" / "fixtures" / "articles").glob("*.txt"))[:4]
CLI = [sys.executable, "-m", "eventledger"]


def test_a_hostile_corpus_is_ingested_with_every_refusal_on_record(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for path in ARTICLES:
        (corpus / path.name).write_text(path.read_text("utf-8"), "utf-8")
    story = ARTICLES[0].read_text("utf-8")
    (corpus / "wire.jsonl").write_text("\n".join([
        json.dumps({"text": ARTICLES[1].read_text("utf-8") + "\n\nUpdated.", "published": "2025-06-01"}),
        json.dumps({"text": "x" * 300_000}),
        json.dumps({"text": story + "\n\nCorrected.", "published": "2026-02-30"}),
    ]) + "\n", "utf-8")
    os.mkfifo(corpus / "pipe.txt")
    (corpus / "zero.txt").symlink_to("/dev/zero")
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "private.txt").write_text("Private notes: nothing for the ledger. " * 30, "utf-8")
    (corpus / "private.txt").symlink_to(outside / "private.txt")
    with gzip.open(corpus / "bomb.txt.gz", "wb", compresslevel=9) as handle:
        for _ in range(64):
            handle.write(b"\0" * 2**20)
    (corpus / "picture.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    db = tmp_path / "hostile.duckdb"
    command = CLI + ["ingest", str(corpus), "--db", str(db), "--quiet", "--max-record-bytes", "100000",
                     "--max-document-bytes", "10000000"]
    run = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr
    with Ledger(db) as ledger:
        stats = ledger.stats()
        errors = {Path(e["source"].split("@")[0]).name: e["error_code"] for e in ledger.errors(output="records")}
        ok = {Path(s).name for s in ledger.sql("SELECT source FROM documents WHERE status = 'ok'").source}
        assert not ledger.stale()
        assert not any("Private notes" in (ledger.article(i) or {}).get("original", "") for i in ledger.known_ids())
    assert ok == {p.name for p in ARTICLES} | {"wire.jsonl:1"}
    assert errors == {"pipe.txt": "not_regular", "zero.txt": "outside_corpus", "private.txt": "outside_corpus",
                      "bomb.txt.gz": "too_large", "wire.jsonl:2": "too_large", "wire.jsonl:3": "bad_date",
                      "picture.png": "binary"}
    assert stats["documents"] == len(ok) + len(errors) and stats["events"] > 0
    again = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert again.returncode == 0 and "0 new documents" in again.stderr, again.stderr
