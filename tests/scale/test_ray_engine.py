"""The Ray engine (eventledger.scale.ray_engine) gives the local engine's results, loses nothing.

The tests marked `ray` start a small local Ray cluster (2 CPUs, no dashboard, a 200 MB object
store) once for the module and shut it down at the end; deselect them with `-m "not ray"`."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

pytest.importorskip("pyarrow")

from eventledger.records import DocResult, RawDocument  # noqa: E402

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "articles"
ARTICLES = sorted(FIXTURES.glob("*.txt"))[:4]  # four fixture reports (six documents with the two bad ones)


def _corpus(tmp: Path) -> list[DocResult]:
    """Four real articles, one binary file (refused by ingest), one empty file."""
    from eventledger.ingest.corpus import iter_documents

    (tmp / "zz-binary.txt").write_bytes(b"\x00\x01\x02\x03 not an article \xff\xfe")
    (tmp / "zz-empty.txt").write_bytes(b"")
    return list(iter_documents([*ARTICLES, tmp / "zz-binary.txt", tmp / "zz-empty.txt"]))


def _rows(out_dir: Path) -> list[dict]:
    import pyarrow.parquet as pq

    files = sorted(out_dir.glob("part-*.parquet"))
    assert files, f"no part-*.parquet in {out_dir}"
    assert not list(out_dir.glob(".*.tmp")), "a temporary file was left behind"
    return [row for f in files for row in pq.read_table(f).to_pylist()]


def _canonical(extraction) -> dict:
    return json.loads(json.dumps(extraction.to_dict(), ensure_ascii=False))


# ---- without Ray: the worker's per-row logic --------------------------------------------------

def test_worker_rows_roundtrip_and_batch_fallback():
    import pyarrow as pa

    from eventledger.scale.ray_engine import SEQ, _Extractor, _OUT_SCHEMA, process_row
    from eventledger.store.rows import COLUMNS, result_to_row

    def fake_run_one(raw, source=None):
        if "boom" in raw.content:
            raise RuntimeError("boom")
        return DocResult(doc_id=raw.doc_id, raw=raw, error_code="empty", error_message="stub", source=source)

    good = result_to_row(DocResult(doc_id="a", raw=RawDocument("text", doc_id="a"), source="a.txt")) | {SEQ: 0}
    bad = result_to_row(DocResult(doc_id="b", raw=RawDocument("boom", doc_id="b"), source="b.txt")) | {SEQ: 1}
    out = process_row(good, fake_run_one)
    assert out[SEQ] == 0 and out["error_code"] == "empty" and set(COLUMNS) <= set(out)
    out = process_row(bad, fake_run_one)  # an exception escaping run_one becomes an error row
    assert out["error_code"] == "internal" and "boom" in out["error_message"] and out["content"] == "boom"

    # a batch whose output Arrow cannot encode (a lone surrogate) falls back to one row at a time
    extractor = _Extractor.__new__(_Extractor)
    extractor.run_one = lambda raw, source=None: DocResult(doc_id=raw.doc_id, raw=raw, error_code="x",
                                                           error_message="bad \ud800 char", source=source)
    table = extractor(pa.Table.from_pylist([good, bad], schema=_OUT_SCHEMA()))
    rows = table.to_pylist()
    assert [r[SEQ] for r in rows] == [0, 1]
    assert all(r["error_code"] for r in rows)


# ---- with Ray ---------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def ray_cluster():
    ray = pytest.importorskip("ray")
    os.environ.setdefault("RAY_DISABLE_IMPORT_WARNING", "1")
    ray.init(num_cpus=2, include_dashboard=False, object_store_memory=200_000_000,
             log_to_driver=False, configure_logging=False)
    try:
        yield ray
    finally:
        ray.shutdown()


@pytest.mark.ray
def test_ray_engine_matches_local_engine(ray_cluster, tmp_path):
    from eventledger.pipeline import run_one
    from eventledger.scale.ray_engine import run

    docs = _corpus(tmp_path)
    assert sum(d.error_code is None for d in docs) == len(ARTICLES)
    local = {d.source: (run_one(d.raw, d.source) if d.error_code is None else d) for d in docs}

    out = tmp_path / "out"
    summary = run(iter(docs), str(out), num_workers=2, batch_size=2, block_rows=2, window=3)
    rows = _rows(out)

    assert summary.total == len(docs) == len(rows)
    assert sorted(r["source"] for r in rows) == sorted(local)  # one row per document, nothing lost
    assert summary.ok == len(ARTICLES) and summary.failed == 2 and summary.lost == 0
    assert summary.windows == -(-len(docs) // 3)  # the corpus is read in windows of 3 documents
    for row in rows:
        want = local[row["source"]]
        assert row["doc_id"] == want.doc_id
        assert row["error_code"] == want.error_code
        if want.extraction is None:
            assert row["extraction_json"] is None
            assert row["content"] == want.raw.content  # a refused document keeps its original
        else:
            got = json.loads(row["extraction_json"])
            assert got == _canonical(want.extraction), row["source"]
            assert got["events"], f"no events extracted from {row['source']}"

    # the rows read back as the same DocResults (the ledger's Parquet format)
    from eventledger.store.rows import row_to_result

    back = {r.source: r for r in map(row_to_result, rows)}
    for source, want in local.items():
        if want.extraction is not None:
            assert back[source].extraction.to_dict() == want.extraction.to_dict()


@pytest.mark.ray
def test_ray_engine_records_worker_failures(ray_cluster, tmp_path):
    """A document that raises, and one that kills its worker process, become error rows; the
    documents that shared a block with the killer are re-run and come out extracted."""
    from eventledger.scale.faults import KILL_MARKER, RAISE_MARKER
    from eventledger.scale.ray_engine import WORKER_LOST, run

    text = ARTICLES[0].read_text("utf-8")
    docs = [
        DocResult(doc_id="ok", raw=RawDocument(text, doc_id="ok"), source="ok"),
        DocResult(doc_id="kill", raw=RawDocument(f"Dispatch. {KILL_MARKER}", doc_id="kill"), source="kill"),
        DocResult(doc_id="raise", raw=RawDocument(f"Dispatch. {RAISE_MARKER}", doc_id="raise"), source="raise"),
        DocResult(doc_id="none", raw=None, error_code="malformed", error_message="bad JSON line", source="c.jsonl:3"),
    ]
    out = tmp_path / "out"
    summary = run(docs, str(out), num_workers=2, batch_size=4, block_rows=4,
                  run_one="eventledger.scale.faults:crashing_run_one")
    rows = {r["source"]: r for r in _rows(out)}

    assert set(rows) == {"ok", "kill", "raise", "c.jsonl:3"} and summary.total == 4
    assert rows["ok"]["extraction_json"] and rows["ok"]["error_code"] is None  # its block-mate died; re-run
    assert rows["kill"]["error_code"] == WORKER_LOST and rows["kill"]["content"].endswith(KILL_MARKER)
    assert rows["raise"]["error_code"] == "internal" and "injected failure" in rows["raise"]["error_message"]
    assert rows["c.jsonl:3"]["error_code"] == "malformed"  # passed through unchanged
    assert summary.lost == 1 and summary.retried >= 2 and summary.ok == 1 and summary.failed == 3
