"""The ledger end to end, with the real pipeline on small real-style texts: ingest (twice), a
malformed document mid-batch, kill-and-resume, a multi-outlet story merged into one event with
its conflicting figures, queries, exports, the Parquet hand-over of the Ray engine and the CLI."""

from __future__ import annotations

import csv
import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from eventledger.cli import main
from eventledger.ingest.corpus import iter_documents
from eventledger.ledger import CRASH_ENV, Ledger

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "corpus"
ROOT = Path(__file__).resolve().parents[2]
CLI = [sys.executable, "-m", "eventledger"]


def corpus_ids(path=CORPUS) -> set[str]:
    return {d.doc_id for d in iter_documents([path])}


@pytest.fixture(scope="module")
def db_path(tmp_path_factory) -> str:
    path = str(tmp_path_factory.mktemp("ledger") / "ledger.duckdb")
    with Ledger(path) as ledger:
        stats = ledger.ingest([CORPUS])
    assert stats.stored == len(corpus_ids()) and stats.skipped == 1  # wire.jsonl repeats one line
    return path


@pytest.fixture
def ledger(db_path):
    with Ledger(db_path) as opened:
        yield opened


def test_every_document_is_stored_once_ok_or_failed(ledger):
    stats = ledger.stats()
    assert stats["documents"] == len(corpus_ids())
    assert stats["errors"] == 6 and stats["ok"] == stats["documents"] - 6 and not stats["merge_stale"]
    assert ledger.known_ids() == corpus_ids()


def test_ingesting_twice_adds_nothing(ledger):
    before = ledger.stats()
    events = ledger.sql("SELECT * EXCLUDE (search_text) FROM events ORDER BY event_id")
    stats = ledger.ingest([CORPUS])
    assert stats.stored == 0 and stats.skipped == stats.seen == len(corpus_ids()) + 1
    assert ledger.stats() == before
    assert ledger.sql("SELECT * EXCLUDE (search_text) FROM events ORDER BY event_id").equals(events)


def test_a_malformed_document_in_the_middle_is_recorded_and_the_rest_go_on(ledger):
    errors = ledger.errors(output="records")
    by_source = {Path(e["source"]).name: e for e in errors}
    assert by_source["wire.jsonl:3"]["error_code"] == "bad_record"
    assert "invalid JSON" in by_source["wire.jsonl:3"]["error_message"]
    assert {e["error_code"] for e in errors} == {"bad_record", "no_text", "empty", "binary"}
    stored = {Path(s).name for s in ledger.sql("SELECT source FROM documents WHERE status = 'ok'").source}
    assert {"wire.jsonl:2", "wire.jsonl:4", "wire.jsonl:6"} <= stored  # before and after the broken line
    failed = ledger.article(by_source["wire.jsonl:3"]["doc_id"])
    assert failed["status"] == "error" and failed["original"].startswith('{"text": "this line is broken')


def test_a_multi_outlet_story_is_one_event_with_its_conflicting_figures(ledger):
    (strike,) = ledger.events(country="AF", q="kunar", output="records")
    assert strike["outlets"] == ["Outlet A", "Outlet B", "Outlet C"] and strike["n_reports"] == 3
    event = ledger.event(strike["id"])
    claims = {(c["count"], c["outlet"]) for c in event["figures"] if c["kind"] == "killed" and not c["part"]}
    assert claims == {(11, "Outlet A"), (12, "Outlet B"), (10, "Outlet C")}
    assert all(c["claimant"] for c in event["figures"] if c["kind"] == "killed")
    killed = event["figure_estimates"]["killed"]
    assert (killed["low"], killed["best"], killed["high"], killed["conflicting"]) == (10, 11, 12, True)
    for claim in event["figures"]:  # every claim points into its article's text
        text = ledger.article(claim["article_id"])["article"]["text"]
        ev = claim["evidence"]
        assert text[ev["start"]:ev["end"]] == ev["text"]


def test_queries(ledger):
    total = ledger.count_events()
    assert total == len(ledger.events()) > 3
    assert ledger.count_events(country="Afghanistan") == ledger.count_events(country="af") == 1
    every = ledger.events(output="records")
    in_2013 = [e for e in every if e["date"] and "2013-01-01" <= e["date"] <= "2013-12-31"]
    assert ledger.count_events(date_from="2013-01-01", date_to="2013-12-31") == len(in_2013) >= 1
    assert ledger.count_events(event_type="Protests") == len([e for e in every if e["event_type"] == "Protests"]) >= 1
    assert ledger.count_events(actor="nato") == len([e for e in every if any("nato" in a["name"].lower() for a in e["actors"])])
    assert ledger.count_events(q="no-such-word-anywhere") == 0
    page = ledger.events(limit=2, offset=1, output="records")
    assert [e["id"] for e in page] == list(ledger.events().event_id[1:3])
    articles = ledger.articles(output="records")
    assert len(articles) == ledger.count_articles() == ledger.stats()["ok"]
    article = ledger.article(articles[0]["id"])
    assert article["article"]["text"] and set(article["ledger_events"]) == {e["id"] for e in article["events"]}
    assert ledger.count_statements() == len(ledger.statements())
    facets = ledger.facets()
    assert facets["events"] == total and facets["articles"] == len(articles)


def test_exports(ledger, tmp_path):
    import pyarrow.parquet as pq

    total = ledger.count_events()
    assert ledger.export(tmp_path / "events.csv") == total
    with open(tmp_path / "events.csv", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == total and "fatalities_best" in rows[0]
    assert ledger.export(tmp_path / "events.parquet") == total
    assert pq.read_table(tmp_path / "events.parquet").num_rows == total
    assert ledger.export(tmp_path / "events.geojson") == total
    geo = json.loads((tmp_path / "events.geojson").read_text())
    assert geo["type"] == "FeatureCollection" and len(geo["features"]) == total
    assert all(f["geometry"] is None or f["geometry"]["type"] == "Point" for f in geo["features"])
    assert ledger.export(tmp_path / "events.acled.csv", country="AF") == 1
    with open(tmp_path / "events.acled.csv", newline="") as handle:
        (acled,) = list(csv.DictReader(handle))
    assert acled["country"] == "Afghanistan" and acled["fatalities"] == "11" and acled["iso"] == "4"
    assert acled["event_type"] == "Explosions/Remote violence" and "Outlet B" in acled["source"]


def test_parquet_rows_from_another_engine_give_the_same_ledger(db_path, tmp_path):
    """What the Ray engine hands over: DocResult rows in Parquet partitions."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from eventledger.pipeline import run_one
    from eventledger.store.rows import arrow_schema, result_to_row

    seen, rows = set(), []
    for doc in iter_documents([CORPUS]):
        if doc.doc_id in seen:
            continue
        seen.add(doc.doc_id)
        rows.append(result_to_row(doc if doc.error_code else run_one(doc.raw, source=doc.source)))
    out = tmp_path / "parts"
    out.mkdir()
    half = len(rows) // 2
    for number, part in enumerate((rows[:half], rows[half:])):
        pq.write_table(pa.Table.from_pylist(part, schema=arrow_schema()), out / f"part-{number}.parquet")
    with Ledger(tmp_path / "from-parquet.duckdb") as other:
        stats = other.load_parquet(out)
        assert stats.stored == len(rows)
        assert other.load_parquet(out).stored == 0  # idempotent too
        mine = other.sql("SELECT * EXCLUDE (search_text) FROM events ORDER BY event_id")
    with Ledger(db_path) as ledger:
        theirs = ledger.sql("SELECT * EXCLUDE (search_text) FROM events ORDER BY event_id")
    assert mine.equals(theirs)


def _env(**extra) -> dict:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    env.update(extra)
    return env


def _check_once(db: Path, expected: set[str]) -> None:
    with Ledger(db) as ledger:
        ids = ledger.sql("SELECT doc_id, count(*) AS n FROM documents GROUP BY doc_id")
        assert set(ids.doc_id) == expected and (ids.n == 1).all()
        assert not ledger.stale()
        assert ledger.sql("SELECT count(*) AS n FROM reports").n[0] == \
            ledger.sql("SELECT count(*) AS n FROM event_reports").n[0]  # every report in exactly one event
        assert ledger.sql("SELECT count(DISTINCT report_id) AS n FROM event_reports").n[0] == \
            ledger.sql("SELECT count(*) AS n FROM event_reports").n[0]


def test_killed_mid_batch_then_resumed(tmp_path):
    db = tmp_path / "resume.duckdb"
    command = CLI + ["ingest", str(CORPUS), "--db", str(db), "--batch-size", "2", "--quiet"]
    first = subprocess.run(command, env=_env(**{CRASH_ENV: "7"}), capture_output=True, text=True, timeout=120)
    assert first.returncode == 70, first.stderr
    with Ledger(db) as ledger:
        partial = ledger.known_ids()
    assert 0 < len(partial) < len(corpus_ids())  # some batches committed, the one in flight lost
    second = subprocess.run(command, env=_env(), capture_output=True, text=True, timeout=120)
    assert second.returncode == 0, second.stderr
    assert f"{len(corpus_ids()) - len(partial)} new documents" in second.stderr
    _check_once(db, corpus_ids())


def test_sigkill_then_resume(tmp_path):
    """A real kill (SIGKILL) while ingesting a folder of 40 articles, then the same command again."""
    texts = [p.read_text("utf-8") for p in sorted((ROOT / "tests/fixtures/articles").glob("*.txt"))]
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for number in range(40):
        body = texts[number % len(texts)]
        (corpus / f"doc{number:03d}.txt").write_text(f"{body}\n\nCorrection {number}: an earlier version misspelled a name.\n")
    expected = corpus_ids(corpus)
    db = tmp_path / "killed.duckdb"
    command = CLI + ["ingest", str(corpus), "--db", str(db), "--batch-size", "4"]
    process = subprocess.Popen(command, env=_env(), stderr=subprocess.PIPE, stdout=subprocess.DEVNULL)
    seen = bytearray()

    def read() -> None:
        while chunk := process.stderr.read1(256):
            seen.extend(chunk)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline and process.poll() is None:
        counts = [int(x.split(b"doc")[0]) for x in seen.split(b"ingest: ")[1:] if x.split(b"doc")[0].isdigit()]
        if counts and max(counts) >= 10:
            break
        time.sleep(0.05)
    if process.poll() is None:
        process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    reader.join(timeout=5)
    assert process.returncode == -signal.SIGKILL, "the run ended before it could be killed"
    with Ledger(db) as ledger:
        partial = ledger.known_ids()
    assert 0 < len(partial) < len(expected)
    resumed = subprocess.run(command + ["--quiet"], env=_env(), capture_output=True, text=True, timeout=120)
    assert resumed.returncode == 0, resumed.stderr
    assert f"{len(expected) - len(partial)} new documents" in resumed.stderr
    _check_once(db, expected)


def test_cli_reads_the_ledger(db_path, capsys, tmp_path):
    assert main(["events", "--db", db_path, "--country", "AF", "--format", "json"]) == 0
    listing = json.loads(capsys.readouterr().out)
    assert listing["total"] == 1
    event_id = listing["items"][0]["id"]
    assert main(["events", "--db", db_path, "--id", event_id]) == 0
    shown = capsys.readouterr().out
    assert "killed: best 11, low 10, high 12" in shown and "Outlet C" in shown
    assert main(["events", "--db", db_path, "--text", "kunar"]) == 0
    assert event_id in capsys.readouterr().out
    assert main(["errors", "--db", db_path]) == 0
    assert "6 failed documents" in capsys.readouterr().out and True
    assert main(["export", str(tmp_path / "out.geojson"), "--db", db_path, "--type", "Protests"]) == 0
    assert json.loads((tmp_path / "out.geojson").read_text())["features"]
    assert main(["events", "--db", str(tmp_path / "missing.duckdb")]) == 1


def test_cli_keeps_the_events_sure_enough(db_path, capsys):
    assert main(["events", "--db", db_path, "--format", "json", "--limit", "0"]) == 0
    items = json.loads(capsys.readouterr().out)["items"]
    cut = sorted(e["confidence"] for e in items)[len(items) // 2]
    assert main(["events", "--db", db_path, "--format", "json", "--limit", "0", "--min-confidence", str(cut)]) == 0
    kept = json.loads(capsys.readouterr().out)["items"]
    assert kept and len(kept) < len(items) and all(e["confidence"] >= cut for e in kept)
    with pytest.raises(SystemExit, match="between 0 and 1"):
        main(["events", "--db", db_path, "--min-confidence", "2"])
