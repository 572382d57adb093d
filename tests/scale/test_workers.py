"""The local engine's worker processes: a document that runs too long is stopped and recorded,
one that kills its process is recorded, and the documents around them are extracted, in order."""

from __future__ import annotations

import os
from pathlib import Path

from eventledger.ingest.corpus import iter_documents
from eventledger.ingest.limits import Limits
from eventledger.ledger import Ledger
from eventledger.records import DocResult, RawDocument
from eventledger.scale.faults import HANG_MARKER, KILL_MARKER
from eventledger.scale.workers import TIMEOUT, WORKER_DIED, WorkerPool

FAULTS = "eventledger.scale.faults:hanging_run_one"
ARTICLES = Path(__file__).resolve().parents[1] / "fixtures" / "articles"


def doc(text: str, n: int) -> DocResult:
    raw = RawDocument(text, doc_id=f"d{n}")
    return DocResult(f"d{n}", raw, source=f"doc{n}.txt")


def test_a_hanging_document_is_stopped_and_the_others_extracted_in_order():
    story = (ARTICLES / "kunar-airstrike-2013.txt").read_text("utf-8")
    docs = [doc(story, 0), doc(f"{HANG_MARKER} {story}", 1), doc(story.replace("11", "12"), 2),
            DocResult("d3", None, error_code="empty", error_message="empty input", source="doc3.txt"),
            doc(f"{KILL_MARKER} {story}", 4), doc(story.replace("11", "13"), 5)]
    with WorkerPool(workers=2, seconds=8, run_one=FAULTS) as pool:
        results = list(pool.map(docs))
        assert [r.source for r in results] == [d.source for d in docs]
        assert [r.error_code for r in results] == [None, TIMEOUT, None, "empty", WORKER_DIED, None]
        assert "longer than 8 s" in results[1].error_message and results[1].raw.content.startswith(HANG_MARKER)
        assert "exit code 17" in results[4].error_message
        assert all(r.extraction.events for r in (results[0], results[2], results[5]))
        # the pool is still usable after killing and replacing workers
        (again,) = pool.map([doc(story, 6)])
        assert again.ok


def test_ingest_records_a_timeout_and_stores_the_rest(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for n, name in enumerate(sorted(ARTICLES.glob("*.txt"))[:3]):
        (corpus / f"a{n}.txt").write_text(name.read_text("utf-8"), "utf-8")
    (corpus / "b-slow.txt").write_text(f"{HANG_MARKER}\n\nGunmen killed five people in Kagoro on Sunday.", "utf-8")
    with Ledger(tmp_path / "t.duckdb") as ledger:
        stats = ledger.ingest([corpus], limits=Limits(seconds=5), run_one=FAULTS)
        assert (stats.stored, stats.ok, stats.errors) == (4, 3, 1)
        (slow,) = ledger.errors(output="records")
        assert slow["error_code"] == TIMEOUT and Path(slow["source"]).name == "b-slow.txt"
        assert ledger.count_events() > 0
    assert not [p for p in _children() if "eventledger-worker" in p or "multiprocessing" in p]


def test_without_a_time_limit_one_worker_means_this_process(monkeypatch):
    started = []
    monkeypatch.setattr(WorkerPool, "__init__", lambda self, *a, **k: started.append(a) or None)
    docs = list(iter_documents([ARTICLES / "kunar-airstrike-2013.txt"]))
    (result,) = Ledger._extract_local(docs, None, workers=1, seconds=0)
    assert result.ok and not started


def _children() -> list[str]:
    """Command lines of this process's live children (Linux /proc)."""
    out = []
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            with open(f"/proc/{pid}/stat") as handle:
                parent = int(handle.read().rsplit(")", 1)[1].split()[1])
            if parent == os.getpid():
                with open(f"/proc/{pid}/cmdline", "rb") as handle:
                    out.append(handle.read().replace(b"\0", b" ").decode(errors="replace"))
        except (OSError, IndexError, ValueError):
            continue
    return out
