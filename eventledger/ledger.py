"""The ledger: corpora in, merged events out, nothing lost. An embedded DuckDB database.

    from eventledger import Ledger

    with Ledger("eventledger.duckdb") as ledger:
        ledger.ingest(["corpus/"])                      # files, folders, JSONL/CSV, RSS/Atom, WARC
        frame = ledger.events(country="AF", date_from="2013-04-01")   # a pandas DataFrame
        event = ledger.event(frame.event_id[0])         # one event with its reports and claims

Writing
    `store(results)`      the one way in: `DocResult`s (from `pipeline.run_one`, any engine)
    `load_parquet(dir)`   DocResult rows (`store.rows`) written as Parquet by the Ray engine
    `ingest(paths)`       read a corpus, skip what is stored, extract the rest, store, merge
    `add_document(raw)`   one document (the HTTP API's upload); returns the ids it got
    `merge(full=False)`   rebuild merged events for what changed (`full=True`: everything)
    `known_ids()`, `has(doc_id)`   what is stored (ok or failed): resume skips these

Reading (every `output=` is "pandas" (default), "polars" or "records" (a list of dicts))
    `events(**filters, limit, offset, output)`  ledger events, undated ones first (marked by a null
        `date`), then newest first; `date_inferred` marks dates that rest on a publication date; filters:
        date_from, date_to (YYYY-MM-DD, inclusive), country (ISO alpha-2 or name), event_type,
        sub_event_type, actor, claimant, q (every word in place, actors, claimants, outlets or
        the report sentences), article_id, include_background (default False), bbox (W, S, E, N)
    `count_events(**filters)`   how many events match
    `event(event_id)`           one event (dict) with `reports`, `figures` (each claim, its claimant
                                and evidence), `figure_estimates` (low/best/high per kind),
                                `evidence`, `actors`, `location`; None if unknown. A report id
                                (`<doc_id[:16]>-E1`) also finds the event that report is part of.
    `articles(q, limit, offset, output)`, `count_articles(q)`
    `article(doc_id)`           the extraction (the JSON contract) plus `id`, `source`, `original`
                                (the content as ingested), `status`, `ledger_events` ({local id:
                                event id}); a failed document comes with its error instead
    `statements(speaker, kind, target, article_id, q, limit, offset, output)`, `count_statements(...)`
    `errors(code, limit, offset, output)`, `count_errors(code)`   failed documents and why
    `facets()`                  counts by type, sub-type and country; date range (as `serve`)
    `stats()`                   documents, ok, errors, articles, reports, events
    `export(path, format=None, **filters)`   csv | parquet | geojson | acled (by extension if None)

DuckDB lets one process write a file, or several read it: `Ledger(path, read_only=True)` for
readers. One connection per `Ledger`; its methods are safe to call from several threads.
"""

from __future__ import annotations

import json
import os
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator

from .records import DocResult, RawDocument
from .store import db, export
from .store.flatten import flatten, report_id
from .store.merging import is_stale, remerge
from .store.rows import result_to_row
from .store.schema import PER_DOCUMENT

if TYPE_CHECKING:
    from .ingest.limits import Limits

DEFAULT_PATH = "eventledger.duckdb"
CRASH_ENV = "EVENTLEDGER_TEST_CRASH_AFTER"  # test hook: exit abruptly after N extracted documents
BATCH_BYTES = 32 * 2**20  # a transaction holds at most about this much text (originals and extractions)
KEEP_ON_FAILURE = 64 * 1024  # characters of the original kept for a document that could not be stored

_EVENT_JSON = ("outlets", "actors", "claimants")
_EVENT_LIST_COLUMNS = (
    "event_id", "event_type", "sub_event_type", "date", "date_from", "date_to", "date_precision", "background",
    "location_name", "country", "country_code", "admin1", "lat", "lon", "geo_precision", "confidence",
    "n_reports", "n_articles", "n_outlets", "outlets", "actor1", "actor2", "inter1", "inter2", "actors", "claimants",
    "fatalities_low", "fatalities_best", "fatalities_high", "conflicting", "summary", "date_basis", "published_source",
    "date_inferred", "location_confidence",
)
# Newest first, and undated events (their articles give no date at all) first of all: nothing
# says they are old, so they are not sorted as the oldest. Ties by id.
_EVENT_ORDER = "date IS NOT NULL, date DESC, event_id"


@dataclass
class IngestStats:
    seen: int = 0          # documents found in the corpus
    skipped: int = 0       # already in the ledger (or repeated within this run)
    stored: int = 0        # new documents stored (ok + errors)
    ok: int = 0
    errors: int = 0
    seconds: float = 0.0
    merge: dict[str, Any] = field(default_factory=dict)

    @property
    def docs_per_second(self) -> float:
        return self.stored / self.seconds if self.seconds else 0.0


def _frame(rows: list[dict[str, Any]], columns: list[str], output: str):
    if output == "records":
        return rows
    if output == "pandas":
        import pandas as pd

        return pd.DataFrame(rows, columns=columns)
    if output == "polars":
        try:
            import polars as pl
        except ImportError as exc:  # pragma: no cover - optional
            raise ImportError("output='polars' needs polars: pip install polars") from exc
        return pl.DataFrame(rows, schema=columns, orient="row") if rows else pl.DataFrame(schema=columns)
    raise ValueError(f"output must be 'pandas', 'polars' or 'records', not {output!r}")


def _loads(value: Any, default: Any) -> Any:
    if value is None or value == "":
        return default
    try:
        return json.loads(value)
    except (TypeError, ValueError):
        return default


class Ledger:
    """An event ledger in a DuckDB file (`:memory:` for a throwaway one)."""

    def __init__(self, path: str | os.PathLike = DEFAULT_PATH, *, read_only: bool = False,
                 memory_limit: str | None = None):
        """`memory_limit` caps DuckDB's memory ("512MB", "2GB"); default: sized from the machine
        (`store.db.default_memory_limit`, or $EVENTLEDGER_DUCKDB_MEMORY)."""
        self.path = str(path)
        self.read_only = read_only
        self.memory_limit = memory_limit
        self._lock = threading.RLock()
        self._con = db.connect(self.path, read_only=read_only, memory_limit=memory_limit)
        self._known: set[str] | None = None
        self._failed: set[str] | None = None
        self._seq = self._next_seq()

    def _next_seq(self) -> int:
        return int(self._con.execute("SELECT coalesce(max(seq), -1) FROM documents").fetchone()[0]) + 1

    # ---- lifecycle ------------------------------------------------------------------------------
    def close(self) -> None:
        with self._lock:
            if self._con is not None:
                self._con.close()
                self._con = None

    def __enter__(self) -> "Ledger":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def sql(self, query: str, params: Iterable[Any] = ()):
        """Run any SQL on the ledger (a pandas DataFrame back): the tables are documented in
        `eventledger.store.schema`."""
        with self._lock:
            return self._con.execute(query, list(params)).df()

    # ---- what is stored -------------------------------------------------------------------------
    def _load_known(self) -> None:
        if self._known is None:
            rows = self._con.execute("SELECT doc_id, status FROM documents").fetchall()
            self._known = {doc_id for doc_id, _ in rows}
            self._failed = {doc_id for doc_id, status in rows if status == "error"}

    def known_ids(self, include_errors: bool = True) -> set[str]:
        """Ids of the stored documents (a copy); without the failed ones if `include_errors=False`."""
        with self._lock:
            self._load_known()
            return set(self._known) if include_errors else self._known - self._failed

    def has(self, doc_id: str) -> bool:
        with self._lock:
            self._load_known()
            return doc_id in self._known

    # ---- writing --------------------------------------------------------------------------------
    def store(self, results: Iterable[DocResult], *, merge: bool = True, batch_size: int = 200,
              batch_bytes: int = BATCH_BYTES, replace_errors: bool = False) -> IngestStats:
        """Store `DocResult`s: documents, articles, reports, figures, statements, evidence.

        A document already stored is skipped (its id is its content hash), unless it failed and
        `replace_errors` is set, in which case the new result replaces it. Each batch (at most
        `batch_size` documents and about `batch_bytes` characters of originals and extractions)
        is one transaction: a run killed half-way keeps every batch written before. A batch that
        cannot be written is written again document by document, and a document that cannot be
        written at all is stored as a failure (`store_failed`) with the start of its original.
        Merges after, unless `merge=False`."""
        stats = IngestStats()
        started = time.perf_counter()
        batch: list[tuple[dict[str, Any], dict[str, Any] | None]] = []
        size = 0
        try:
            for result in results:
                stats.seen += 1
                extraction = result.extraction.to_dict() if result.extraction is not None else None
                row = result_to_row(result, extraction_dict=extraction)
                batch.append((row, extraction))
                size += len(row.get("content") or "") + len(row.get("extraction_json") or "")
                if len(batch) >= batch_size or size >= batch_bytes:
                    pending, batch, size = batch, [], 0
                    self._write(pending, stats, replace_errors)
        except KeyboardInterrupt:  # Ctrl-C: keep what was extracted before stopping
            self._write(batch, stats, replace_errors)
            raise
        self._write(batch, stats, replace_errors)
        stats.seconds = time.perf_counter() - started
        if merge:
            stats.merge = self.merge()
        return stats

    def load_parquet(self, directory: str | os.PathLike, *, merge: bool = True, batch_size: int = 500,
                     replace_errors: bool = False) -> IngestStats:
        """Store the DocResult rows (`eventledger.store.rows`) of every Parquet file under
        `directory` (as the Ray engine writes them). Rows already stored are skipped."""
        files = sorted(str(p) for p in Path(directory).rglob("*.parquet"))
        stats = IngestStats()
        started = time.perf_counter()
        if not files:
            return stats
        reader = self._con.cursor()
        try:
            reader.execute("SELECT * FROM read_parquet(?, union_by_name = true)", [files])
            names = [d[0] for d in reader.description]
            batch = []
            size = 0
            while True:
                chunk = reader.fetchmany(batch_size)
                if not chunk:
                    break
                for values in chunk:
                    row = dict(zip(names, values))
                    stats.seen += 1
                    text = row.get("extraction_json")
                    batch.append((row, json.loads(text) if text else None))
                    size += len(row.get("content") or "") + len(text or "")
                    if size >= BATCH_BYTES:
                        self._write(batch, stats, replace_errors)
                        batch, size = [], 0
                self._write(batch, stats, replace_errors)
                batch, size = [], 0
        finally:
            reader.close()
        stats.seconds = time.perf_counter() - started
        if merge:
            stats.merge = self.merge()
        return stats

    def _write(self, batch: list[tuple[dict[str, Any], dict[str, Any] | None]], stats: IngestStats,
               replace_errors: bool) -> None:
        """Write a batch in one transaction; if that fails, each document on its own, so that the
        one that cannot be stored is found, recorded as a failure, and the others are kept."""
        if not batch:
            return
        with self._lock:
            try:
                self._write_batch(batch, stats, replace_errors)
                return
            except Exception as exc:  # DuckDB's errors (out of memory...), or a value Arrow cannot hold
                failure = exc
            self._recover()
            if len(batch) > 1:
                for item in batch:
                    self._write([item], stats, replace_errors)
                return
            row, _ = batch[0]
            self._write_batch([(self._unstorable(row, failure), None)], stats, replace_errors)

    @staticmethod
    def _unstorable(row: dict[str, Any], exc: Exception) -> dict[str, Any]:
        content = row.get("content")
        if isinstance(content, str) and len(content) > KEEP_ON_FAILURE:
            content = content[:KEEP_ON_FAILURE]
        reason = str(exc).splitlines()[0] if str(exc) else ""
        message = f"the ledger could not store this document ({type(exc).__name__}: {reason})"[:500]
        return {**row, "content": content, "extraction_json": None, "error_code": "store_failed",
                "error_message": message}

    def _recover(self) -> None:
        """After a failed write: roll back, and open the file again if DuckDB gave the connection up
        (a fatal error invalidates it; reopening replays the log of what was committed)."""
        import duckdb

        try:
            self._con.execute("ROLLBACK")
        except duckdb.Error:
            pass  # nothing to roll back, or the connection is gone
        try:
            self._con.execute("SELECT count(*) FROM documents").fetchone()
        except duckdb.Error:
            try:
                self._con.close()
            except duckdb.Error:
                pass
            self._con = db.connect(self.path, read_only=self.read_only, memory_limit=self.memory_limit)
        self._known = self._failed = None
        self._seq = self._next_seq()

    def _write_batch(self, batch: list[tuple[dict[str, Any], dict[str, Any] | None]], stats: IngestStats,
                     replace_errors: bool) -> None:
        with self._lock:
            self._load_known()
            tables: dict[str, list[tuple]] = {table: [] for table in PER_DOCUMENT}
            new_ids: list[tuple[str, bool]] = []
            replaced: list[str] = []
            seen_here: set[str] = set()
            for row, extraction in batch:
                doc_id = row["doc_id"]
                if not doc_id or doc_id in seen_here:
                    stats.skipped += 1
                    continue
                if doc_id in self._known:
                    if not (replace_errors and doc_id in self._failed and extraction is not None):
                        stats.skipped += 1
                        continue
                    replaced.append(doc_id)
                seen_here.add(doc_id)
                for table, rows in flatten(row, extraction, self._seq).items():
                    tables[table].extend(rows)
                self._seq += 1
                new_ids.append((doc_id, extraction is not None))
            if not new_ids:
                return
            self._con.execute("BEGIN TRANSACTION")
            try:
                if replaced:
                    for table in PER_DOCUMENT:
                        self._con.execute(f"DELETE FROM {table} WHERE doc_id IN (SELECT unnest(?::VARCHAR[]))", [replaced])
                for table in PER_DOCUMENT:
                    db.insert(self._con, table, tables[table])
                self._con.execute("COMMIT")
            except BaseException:
                self._seq -= len(new_ids)
                try:
                    self._con.execute("ROLLBACK")
                except Exception:  # duckdb.Error: nothing to roll back, or the connection is gone
                    pass
                raise
            for doc_id, ok in new_ids:
                self._known.add(doc_id)
                if ok:
                    self._failed.discard(doc_id)
                    stats.ok += 1
                else:
                    self._failed.add(doc_id)
                    stats.errors += 1
                stats.stored += 1

    def merge(self, full: bool = False) -> dict[str, Any]:
        """Rebuild the merged events of every block that got new reports since the last merge
        (all blocks with `full=True`). Deterministic: the same reports give the same events."""
        with self._lock:
            return remerge(self._con, full=full)

    def stale(self) -> bool:
        """True when documents were stored after the last merge (a killed run), or when the merge
        was made by other clustering rules (an older eventledger)."""
        with self._lock:
            return is_stale(self._con)

    def ingest(self, paths: Iterable[str | os.PathLike] | str | os.PathLike, *, engine: str = "local",
               address: str | None = None, work_dir: str | os.PathLike | None = None, batch_size: int = 100,
               retry_errors: bool = False, merge: bool = True, workers: int = 1,
               on_result: Callable[[DocResult], None] | None = None,
               on_progress: Callable[[int], None] | None = None, published: str | None = None,
               limits: "Limits | None" = None, run_one: str | None = None, batch_bytes: int = BATCH_BYTES) -> IngestStats:
        """Read a corpus (`ingest.corpus.iter_documents`), skip documents already stored (before
        any extraction: that makes a resumed run cheap), extract the rest with `engine` ("local":
        `workers` processes, `eventledger.scale.workers`; "ray": `eventledger.scale.ray_engine`),
        store them batch by batch (each batch one transaction), merge.
        `on_result` is called with every new result of the local engine (the CLI's progress bar);
        the Ray engine calls `on_progress(n)` with how many documents it has written so far.
        `workers`: extraction processes (local) or Ray actors (ray; 1 means the cluster's CPUs).
        `retry_errors` extracts failed documents again and replaces them if they now pass.
        `published` (YYYY-MM-DD) is the publication date of documents that do not carry one of
        their own (a `published` column, a sidecar, a feed's date, the page's metadata or a
        "Published ..." line all win over it); it is recorded as `published_source` "ingest_default".
        `limits` (`ingest.limits.Limits`, default from the environment) caps what a file or a
        document may cost, reading and (local engine) extracting: `limits.seconds` per document,
        enforced by extracting in a worker process that is killed when it overruns (0: no limit,
        and with one worker, extraction in this process). `run_one` ("module:function") replaces
        `pipeline.run_one` in the workers (the tests inject faults with it)."""
        from .ingest.corpus import iter_documents
        from .ingest.limits import Limits

        limits = limits or Limits.from_env()

        started = time.perf_counter()
        parts = self._parts_dir(work_dir) if engine == "ray" else None
        if parts is not None and parts.exists():  # a Ray run killed after writing some parts: keep them
            self.load_parquet(parts, merge=False)
        skip = self.known_ids(include_errors=not retry_errors)
        counters = {"skipped": 0}
        seen: set[str] = set()

        def pending() -> Iterator[DocResult]:
            for doc in iter_documents(paths, limits):
                if doc.doc_id in skip or doc.doc_id in seen:
                    counters["skipped"] += 1
                    continue
                seen.add(doc.doc_id)
                if published and doc.raw is not None and (not doc.raw.published or doc.raw.published_source == "warc_date"):
                    doc.raw.published, doc.raw.published_source = published, "ingest_default"
                yield doc

        if engine == "local":
            results = self._extract_local(pending(), on_result, workers, limits.seconds, run_one)
            try:
                stats = self.store(results, merge=False, batch_size=batch_size, batch_bytes=batch_bytes,
                                   replace_errors=retry_errors)
            finally:
                results.close()  # stops the worker processes
        elif engine == "ray":
            stats = self._ingest_ray(pending(), address, parts, retry_errors, on_result, on_progress, workers)
        else:
            raise ValueError(f"engine must be 'local' or 'ray', not {engine!r}")
        stats.skipped += counters["skipped"]
        stats.seen += counters["skipped"]
        if merge:
            stats.merge = self.merge()
        stats.seconds = time.perf_counter() - started
        return stats

    @staticmethod
    def _extract_local(docs: Iterable[DocResult], on_result, workers: int = 1, seconds: float = 0.0,
                       run_one: str | None = None) -> Iterator[DocResult]:
        crash_after = int(os.environ.get(CRASH_ENV, "0") or 0)
        done = 0
        pool = None
        if seconds or workers > 1 or run_one:
            from .scale.workers import DEFAULT_RUN_ONE, WorkerPool

            pool = WorkerPool(workers, seconds, run_one or DEFAULT_RUN_ONE)
            results = pool.map(docs)
        else:
            results = map(_extract_one, docs)
        try:
            for result in results:
                done += 1
                if crash_after and done > crash_after:
                    os._exit(70)  # the test hook: die like a killed process, mid-batch, no cleanup
                if on_result is not None:
                    on_result(result)
                yield result
        finally:
            if pool is not None:
                pool.close()

    def _ingest_ray(self, docs: Iterable[DocResult], address, parts, retry_errors, on_result, on_progress,
                    workers) -> IngestStats:
        try:
            from .scale import ray_engine
        except ImportError as exc:
            raise RuntimeError("the ray engine is not available (eventledger.scale.ray_engine, and "
                               f"`pip install 'eventledger[ray]'`): {exc}") from exc
        import tempfile

        failed: list[DocResult] = []

        def readable() -> Iterator[DocResult]:
            for doc in docs:
                if doc.error_code or doc.raw is None:
                    failed.append(doc)
                else:
                    yield doc

        import shutil

        out_dir = Path(parts) if parts is not None else Path(tempfile.mkdtemp(prefix="eventledger-ray-"))
        out_dir.mkdir(parents=True, exist_ok=True)
        ray_engine.run(readable(), str(out_dir), address=address, num_workers=workers if workers > 1 else None,
                       progress=on_progress)
        stats = self.load_parquet(out_dir, merge=False, replace_errors=retry_errors)
        shutil.rmtree(out_dir, ignore_errors=True)  # stored: the parts are no longer needed
        unreadable = self.store(failed, merge=False)
        for result in failed:
            if on_result is not None:
                on_result(result)
        for name in ("seen", "skipped", "stored", "ok", "errors"):
            setattr(stats, name, getattr(stats, name) + getattr(unreadable, name))
        return stats

    def _parts_dir(self, work_dir: str | os.PathLike | None) -> Path | None:
        """Where the Ray engine writes its Parquet parts: `work_dir`, or beside the ledger file
        (`<db>.ray-parts/`), so that the parts of a killed run are stored by the next one."""
        if work_dir is not None:
            return Path(work_dir)
        if self.path == ":memory:":
            return None
        return Path(self.path + ".ray-parts")

    def add_document(self, raw: RawDocument, source: str | None = None) -> dict[str, Any]:
        """Extract and store one document (the HTTP API's upload), merge, and say where it went:
        {article_id, event_ids (ledger events), statements, duplicate, error_code, error_message}."""
        from .ingest.decode import content_id
        from .pipeline import run_one

        if not raw.doc_id:
            raw.doc_id = content_id(raw.content)
        duplicate = self.has(raw.doc_id)
        result = None
        if not duplicate:
            result = run_one(raw, source=source or raw.url or "upload")
            self.store([result], merge=True)
        with self._lock:
            ids = [r[0] for r in self._con.execute(
                "SELECT DISTINCT event_id FROM event_reports WHERE doc_id = ? ORDER BY event_id", [raw.doc_id]).fetchall()]
            doc = self._con.execute("SELECT status, error_code, error_message FROM documents WHERE doc_id = ?",
                                    [raw.doc_id]).fetchone()
            n_statements = self._con.execute("SELECT count(*) FROM statements WHERE doc_id = ?", [raw.doc_id]).fetchone()[0]
        return {"article_id": raw.doc_id, "event_ids": ids, "statements": int(n_statements), "duplicate": duplicate,
                "status": doc[0] if doc else None, "error_code": doc[1] if doc else None,
                "error_message": doc[2] if doc else None}

    # ---- reading: events ------------------------------------------------------------------------
    @staticmethod
    def _event_where(date_from=None, date_to=None, country=None, event_type=None, sub_event_type=None, actor=None,
                     claimant=None, q=None, article_id=None, include_background=False, bbox=None,
                     min_confidence=None) -> tuple[str, list]:
        clauses, params = [], []
        if not include_background:
            clauses.append("NOT coalesce(background, false)")
        if date_from:
            clauses.append("date >= ?")
            params.append(str(date_from)[:10])
        if date_to:
            clauses.append("date <= ?")
            params.append(str(date_to)[:10])
        if country:
            clauses.append("(lower(country_code) = lower(?) OR lower(country) = lower(?))")
            params += [country, country]
        if event_type:
            clauses.append("lower(event_type) = lower(?)")
            params.append(event_type)
        if sub_event_type:
            clauses.append("lower(sub_event_type) = lower(?)")
            params.append(sub_event_type)
        if actor:
            clauses.append("contains(lower(actors), lower(?))")
            params.append(actor)
        if claimant:
            clauses.append("contains(lower(claimants), lower(?))")
            params.append(claimant)
        for word in (q or "").casefold().split():
            clauses.append("contains(search_text, ?)")
            params.append(word)
        if article_id:
            clauses.append("event_id IN (SELECT event_id FROM event_reports WHERE doc_id = ?)")
            params.append(article_id)
        if min_confidence is not None:
            clauses.append("confidence >= ?")  # (an event's: its surest report's)
            params.append(float(min_confidence))
        if bbox:
            west, south, east, north = map(float, bbox)
            clauses.append("lat BETWEEN ? AND ? AND lon BETWEEN ? AND ?")
            params += [south, north, west, east]
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params

    def events(self, *, limit: int | None = None, offset: int = 0, output: str = "pandas", **filters):
        """Ledger events matching `filters` (see the module docstring), newest first. Rows carry
        the `events` columns (`actors`, `claimants`, `outlets` as lists); "records" rows add `id`
        and `location` {name, country, country_code, admin1, lat, lon, precision}."""
        where, params = self._event_where(**filters)
        sql = f"SELECT {', '.join(_EVENT_LIST_COLUMNS)} FROM events{where} ORDER BY {_EVENT_ORDER}"
        if limit is not None:
            sql += f" LIMIT {int(limit)} OFFSET {int(offset)}"
        elif offset:
            sql += f" OFFSET {int(offset)}"
        with self._lock:
            rows = [dict(r) for r in db.stream(self._con, sql, params)]
        for row in rows:
            for key in _EVENT_JSON:
                row[key] = _loads(row[key], [])
            if output == "records":
                row["id"] = row["event_id"]
                row["location"] = self._location(row)
        columns = list(_EVENT_LIST_COLUMNS) + (["id", "location"] if output == "records" else [])
        return _frame(rows, columns, output)

    def count_events(self, **filters) -> int:
        where, params = self._event_where(**filters)
        with self._lock:
            return int(self._con.execute(f"SELECT count(*) FROM events{where}", params).fetchone()[0])

    @staticmethod
    def _location(row: dict[str, Any]) -> dict[str, Any] | None:
        if not row.get("location_name"):
            return None
        return {"name": row["location_name"], "country": row.get("country"), "country_code": row.get("country_code"),
                "admin1": row.get("admin1"), "lat": row.get("lat"), "lon": row.get("lon"),
                "precision": row.get("geo_precision"), "confidence": row.get("location_confidence")}

    def event(self, event_id: str) -> dict[str, Any] | None:
        """One ledger event: its columns plus `id`, `location`, `actors`, `claimants`, `outlets`,
        `reports` [{report_id, article_id, article_event_id, title, outlet, url, published,
        sub_event_type, date, date_precision, location, evidence, trigger}], `figures` [every claim:
        kind, group, part, confidence, count, low, high, civilians, children, claimant, claimant_evidence, hedged,
        background, evidence, sentence, article_id, report_id, outlet], `figure_estimates`
        {kind: {low, best, high, n_claims, n_distinct, conflicting, civilians_best, children_best,
        parts: {group: {low, best, high, n_claims, conflicting, claimants, ...}}}},
        `evidence` [{start, end, text, article_id, report_id}] (offsets into that article's text)."""
        with self._lock:
            con = self._con
            found = con.execute("SELECT * FROM events WHERE event_id = ?", [event_id]).fetchone()
            if found is None:  # a report id finds the event it is part of
                alias = con.execute("SELECT event_id FROM event_reports WHERE report_id = ?", [event_id]).fetchone()
                if alias is None:
                    return None
                found = con.execute("SELECT * FROM events WHERE event_id = ?", [alias[0]]).fetchone()
                if found is None:
                    return None
            names = [d[0] for d in con.description]
            event = dict(zip(names, found))
            eid = event["event_id"]
            event.pop("search_text", None)
            for key in _EVENT_JSON:
                event[key] = _loads(event[key], [])
            event["id"] = eid
            event["location"] = self._location(event)
            reports = list(db.stream(con, """
                SELECT r.report_id, r.doc_id AS article_id, r.local_id AS article_event_id, a.title,
                       coalesce(a.original_source, a.outlet, d.outlet) AS outlet, coalesce(a.url, d.url) AS url,
                       coalesce(a.published, d.published) AS published,
                       coalesce(a.published_source, d.published_source) AS published_source, r.event_type,
                       r.sub_event_type, r.confidence, r.date, r.date_precision, r.date_basis, r.background, r.location_name, r.country, r.country_code, r.admin1,
                       r.lat, r.lon, r.geo_precision, r.claimants, r.trigger_text, r.event_json
                FROM event_reports er JOIN reports r ON r.report_id = er.report_id
                JOIN documents d ON d.doc_id = r.doc_id LEFT JOIN articles a ON a.doc_id = r.doc_id
                WHERE er.event_id = ? ORDER BY published NULLS LAST, r.report_id""", [eid]))
            claims = list(db.stream(con, """
                SELECT f.*, er.report_id, coalesce(a.original_source, a.outlet, d.outlet) AS outlet
                FROM event_reports er JOIN figures f ON f.doc_id = er.doc_id AND f.local_id = er.local_id
                JOIN documents d ON d.doc_id = f.doc_id LEFT JOIN articles a ON a.doc_id = f.doc_id
                WHERE er.event_id = ? ORDER BY f.kind, er.report_id, f.idx""", [eid]))
            actors = list(db.stream(con, """
                SELECT ac.*, er.report_id FROM event_reports er
                JOIN actors ac ON ac.doc_id = er.doc_id AND ac.local_id = er.local_id
                WHERE er.event_id = ? ORDER BY er.report_id, ac.idx""", [eid]))
            estimates = list(db.stream(con, "SELECT * FROM event_figures WHERE event_id = ? ORDER BY kind", [eid]))
        out_reports, evidence = [], []
        for r in reports:
            local = _loads(r.pop("event_json"), {})
            r["claimants"] = _loads(r["claimants"], [])
            r["location"] = local.get("location")
            r["evidence"] = local.get("evidence") or []
            r["trigger"] = local.get("trigger")
            r["date_evidence"] = local.get("date_evidence")
            r.pop("trigger_text", None)
            for sentence in r["evidence"]:
                evidence.append({**sentence, "article_id": r["article_id"], "report_id": r["report_id"]})
            out_reports.append(r)
        event["reports"] = out_reports
        event["evidence"] = evidence
        event["trigger"] = out_reports[0]["trigger"] if out_reports else None
        event["figures"] = [self._claim(c) for c in claims]
        event["figure_estimates"] = {e["kind"]: {k: (_loads(v, {}) if k == "parts" else v) for k, v in e.items()
                                                 if k not in ("event_id", "kind")} for e in estimates}
        event["report_actors"] = [{"name": a["name"], "role": a["role"], "mention": a["mention"],
                                   "actor_type": a["actor_type"], "inter_code": a["inter_code"], "country": a["country"],
                                   "evidence": self._ev(a, "ev"), "article_id": a["doc_id"], "report_id": a["report_id"]}
                                  for a in actors]
        return event

    @staticmethod
    def _ev(row: dict[str, Any], prefix: str) -> dict[str, Any] | None:
        start, end, text = row.get(f"{prefix}_start"), row.get(f"{prefix}_end"), row.get(f"{prefix}_text")
        if start is None and text is None:
            return None
        return {"start": start, "end": end, "text": text}

    def _claim(self, c: dict[str, Any]) -> dict[str, Any]:
        return {"kind": c["kind"], "group": c.get("group") or "total", "part": bool(c.get("part")),
                "confidence": c.get("confidence"),
                "count": c["count"], "low": c["low"],
                "high": c["high"], "civilians": c["civilians"],
                "children": c["children"], "claimant": c["claimant"], "hedged": c["hedged"],
                "background": c["background"], "evidence": self._ev(c, "ev"),
                "claimant_evidence": {"start": c["claimant_start"], "end": c["claimant_end"], "text": c["claimant_text"]}
                if c.get("claimant_text") is not None else None,
                "sentence": c["sentence"], "article_id": c["doc_id"], "article_event_id": c["local_id"],
                "report_id": c["report_id"], "outlet": c["outlet"]}

    # ---- reading: articles, statements, errors --------------------------------------------------
    def _long(self, doc_id: str, field: str) -> str | None:
        """A long value stored in parts (`texts`), put together again; None if there is none."""
        parts = self._con.execute("SELECT chunk FROM texts WHERE doc_id = ? AND field = ? ORDER BY part",
                                  [doc_id, field]).fetchall()
        return "".join(part for (part,) in parts) if parts else None

    @staticmethod
    def _article_where(q: str | None) -> tuple[str, list]:
        clauses, params = [], []
        for word in (q or "").casefold().split():  # a long text is in parts cut at spaces: a word is in one part
            clauses.append("(contains(lower(coalesce(title, '')), ?) OR contains(lower(text), ?) OR doc_id IN "
                           "(SELECT doc_id FROM texts WHERE field = 'text' AND contains(lower(chunk), ?)))")
            params += [word, word, word]
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params

    def articles(self, q: str | None = None, *, limit: int | None = None, offset: int = 0, output: str = "pandas"):
        """Stored articles (extracted documents), newest first: id, title, outlet, url, published,
        published_source, language, events, statements, source."""
        where, params = self._article_where(q)
        sql = (f"SELECT a.doc_id AS id, title, coalesce(original_source, a.outlet) AS outlet, a.url, a.published, "
               f"a.published_source, language, n_events AS events, n_statements AS statements, d.source "
               f"FROM articles a JOIN documents d USING (doc_id){where} ORDER BY a.published DESC NULLS LAST, a.doc_id")
        if limit is not None:
            sql += f" LIMIT {int(limit)} OFFSET {int(offset)}"
        with self._lock:
            rows = list(db.stream(self._con, sql, params))
        return _frame(rows, ["id", "title", "outlet", "url", "published", "published_source", "language", "events",
                             "statements", "source"], output)

    def count_articles(self, q: str | None = None) -> int:
        where, params = self._article_where(q)
        with self._lock:
            return int(self._con.execute(f"SELECT count(*) FROM articles{where}", params).fetchone()[0])

    def article(self, article_id: str) -> dict[str, Any] | None:
        """One document: for an extracted one, the extraction (`article`, `removed`, `events`,
        `statements`, `warnings`, `doc_id`) plus `id`, `source`, `original`, `content_type`,
        `status` "ok" and `ledger_events` {local event id: ledger event id}; for a failed one,
        `id`, `source`, `original`, `status` "error", `error_code`, `error_message`."""
        with self._lock:
            doc = self._con.execute("SELECT doc_id, source, content, content_type, url, outlet, published, status, "
                                    "error_code, error_message, pipeline_version FROM documents WHERE doc_id = ?",
                                    [article_id]).fetchone()
            if doc is None:
                return None
            keys = ("id", "source", "original", "content_type", "url", "outlet", "published", "status", "error_code",
                    "error_message", "pipeline_version")
            meta = dict(zip(keys, doc))
            if meta["original"] is None:
                meta["original"] = self._long(article_id, "content")
            if meta["status"] != "ok":
                return meta
            text = self._con.execute("SELECT extraction_json FROM articles WHERE doc_id = ?", [article_id]).fetchone()
            if text is not None and text[0] is None:
                text = (self._long(article_id, "extraction_json"),)
            links = self._con.execute("SELECT local_id, event_id FROM event_reports WHERE doc_id = ?", [article_id]).fetchall()
        data = _loads(text[0] if text else None, {})
        data.update({k: v for k, v in meta.items() if k not in ("url", "outlet", "published")})
        data["ledger_events"] = dict(links)
        return data

    @staticmethod
    def _statement_where(speaker=None, kind=None, target=None, article_id=None, q=None) -> tuple[str, list]:
        clauses, params = [], []
        for column, value in (("speaker", speaker), ("target", target)):
            if value:
                clauses.append(f"contains(lower(coalesce({column}, '')), lower(?))")
                params.append(value)
        if kind:
            clauses.append("kind = ?")
            params.append(kind)
        if article_id:
            clauses.append("doc_id = ?")
            params.append(article_id)
        for word in (q or "").casefold().split():
            clauses.append("contains(lower(coalesce(text, '') || ' ' || coalesce(speaker, '') || ' ' || coalesce(target, '')), ?)")
            params.append(word)
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params

    def statements(self, *, speaker=None, kind=None, target=None, article_id=None, q=None, limit: int | None = None,
                   offset: int = 0, output: str = "pandas"):
        """Statements (who demanded, accused, denied...): the `Statement` fields with evidence,
        plus `article_id`."""
        where, params = self._statement_where(speaker, kind, target, article_id, q)
        sql = f"SELECT doc_id, idx, statement_json FROM statements{where} ORDER BY doc_id, idx"
        if limit is not None:
            sql += f" LIMIT {int(limit)} OFFSET {int(offset)}"
        with self._lock:
            rows = [{**_loads(r["statement_json"], {}), "article_id": r["doc_id"]}
                    for r in db.stream(self._con, sql, params)]
        columns = ["speaker", "kind", "target", "text", "evidence", "speaker_evidence", "target_evidence", "sentence",
                   "confidence", "article_id"]
        return _frame(rows, columns, output)

    def count_statements(self, **filters) -> int:
        where, params = self._statement_where(**filters)
        with self._lock:
            return int(self._con.execute(f"SELECT count(*) FROM statements{where}", params).fetchone()[0])

    def errors(self, code: str | None = None, *, limit: int | None = None, offset: int = 0, output: str = "pandas"):
        """Documents that failed, in ingestion order: doc_id, source, error_code, error_message,
        url, outlet, published, ingested_at."""
        sql = ("SELECT doc_id, source, error_code, error_message, url, outlet, published, ingested_at "
               "FROM documents WHERE status = 'error'" + (" AND error_code = ?" if code else "") + " ORDER BY seq")
        if limit is not None:
            sql += f" LIMIT {int(limit)} OFFSET {int(offset)}"
        with self._lock:
            rows = list(db.stream(self._con, sql, [code] if code else []))
        return _frame(rows, ["doc_id", "source", "error_code", "error_message", "url", "outlet", "published",
                             "ingested_at"], output)

    def count_errors(self, code: str | None = None) -> int:
        with self._lock:
            sql = "SELECT count(*) FROM documents WHERE status = 'error'" + (" AND error_code = ?" if code else "")
            return int(self._con.execute(sql, [code] if code else []).fetchone()[0])

    def facets(self) -> dict[str, Any]:
        """What the ledger holds, for filters: {events, articles, event_types [{event_type, count,
        sub_event_types [{name, count}]}], countries [{code, name, count}], date_min, date_max}."""
        with self._lock:
            con = self._con
            types = con.execute("SELECT event_type, coalesce(sub_event_type, ''), count(*) FROM events "
                                "WHERE NOT coalesce(background, false) GROUP BY ALL ORDER BY 1, 2").fetchall()
            countries = con.execute("SELECT country_code, any_value(country), count(*) AS n FROM events "
                                    "WHERE NOT coalesce(background, false) AND (country_code IS NOT NULL OR country IS NOT NULL) "
                                    "GROUP BY country_code ORDER BY n DESC, country_code").fetchall()
            n_events, dmin, dmax = con.execute("SELECT count(*), min(date), max(date) FROM events "
                                               "WHERE NOT coalesce(background, false)").fetchone()
            n_articles = con.execute("SELECT count(*) FROM articles").fetchone()[0]
        grouped: dict[str, list[dict[str, Any]]] = {}
        for event_type, sub, n in types:
            grouped.setdefault(event_type, []).append({"name": sub, "count": n})
        return {"events": n_events, "articles": n_articles,
                "event_types": [{"event_type": t, "count": sum(s["count"] for s in subs), "sub_event_types": subs}
                                for t, subs in grouped.items()],
                "countries": [{"code": code, "name": name, "count": n} for code, name, n in countries],
                "date_min": dmin, "date_max": dmax}

    def stats(self) -> dict[str, Any]:
        with self._lock:
            con = self._con
            docs, ok, failed = con.execute("SELECT count(*), count(*) FILTER (status = 'ok'), "
                                           "count(*) FILTER (status = 'error') FROM documents").fetchone()
            counts = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                      for t in ("articles", "reports", "figures", "statements", "events")}
            stale = is_stale(con)
        return {"documents": docs, "ok": ok, "errors": failed, **counts, "merge_stale": stale}

    # ---- export ---------------------------------------------------------------------------------
    def export(self, path: str | os.PathLike, format: str | None = None, **filters) -> int:
        """Write the events matching `filters` to `path`: "csv" (the events columns), "parquet",
        "geojson" (points with the event's properties) or "acled" (ACLED's columns, CSV).
        The format follows the extension when not given. Returns how many events were written."""
        with self._lock:
            return export.write(self._con, self._export_rows(filters), Path(path), format)

    def _export_rows(self, filters: dict[str, Any]) -> Iterator[dict[str, Any]]:
        where, params = self._event_where(**filters)
        sql = f"SELECT * EXCLUDE (search_text, block) FROM events{where} ORDER BY date NULLS LAST, event_id"
        yield from db.stream(self._con, sql, params)


def _extract_one(doc: DocResult) -> DocResult:
    """A pending document extracted (a failed one passes through untouched)."""
    if doc.error_code or doc.raw is None:
        return doc
    from .pipeline import run_one

    result = run_one(doc.raw, source=doc.source)
    if not result.doc_id:
        result.doc_id = doc.doc_id
    return result


def report_key(doc_id: str, local_id: str) -> str:
    """The id of an article's event in the ledger (and of a ledger event made of it first)."""
    return report_id(doc_id, local_id)


__all__ = ["Ledger", "IngestStats", "DEFAULT_PATH", "report_key"]
