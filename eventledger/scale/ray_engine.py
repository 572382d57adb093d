"""The Ray engine: the same per-document pipeline (`eventledger.pipeline.run_one`) run in Ray Data
workers, written as Parquet partitions in the row format of `eventledger.store.rows`.

    summary = run(iter_documents(paths), "out/", address=None, num_workers=2)
    # out/part-<run>-<n>.parquet, one row per input document, then Ledger.load_parquet("out/")

How it works
------------
* The driver consumes `docs` (an iterable of `DocResult` with `raw` set) lazily, in *windows* of
  `window` documents (default 200,000: one window for most runs). Documents that already carry an
  error (or have nothing to process) pass through unchanged: the driver writes them itself.
* Input is staged in the object store, not in the driver and not in files: the documents are cut
  into Arrow blocks of `block_rows` rows (the `rows.py` columns plus an internal sequence number),
  each `ray.put` as soon as it is full, and the window is read with `ray.data.from_arrow_refs`.
  Driver memory holds one block; the object store holds the window and spills to the driver node's
  disk beyond its memory (Ray's own spilling, so this is "staging to local Parquet-like shards"
  without a shared file system). Workers on any node pull the blocks they process. A window is one
  Ray Data execution, so each window starts its actor pool (and loads the model) once.
* `map_batches(_Extractor, compute=ActorPoolStrategy(...))` runs on a pool of actors, one CPU each.
  `_Extractor.__init__` loads the spaCy model once per actor; `__call__` runs `run_one` per row.
* Results stream back to the driver (`iter_batches`), which writes `out_dir/part-*.parquet`
  (atomically: temp name, then rename). So the output lands where the driver runs, whatever the
  cluster's shape, and `out_dir` may also be a `pyarrow.fs` URI (`s3://bucket/run`).

Nothing is lost
---------------
* An exception on one document becomes an error row (`run_one` never raises; anything that fails
  after it, such as a row that Arrow cannot encode, is caught per document too).
* A batch that fails as a whole falls back to one document at a time.
* A worker *process* that dies (segfault, out of memory, killed) loses the block it was working on:
  Ray restarts the actor and retries the block once, then gives up on it
  (`max_errored_blocks=-1` for this run). The driver checks off every sequence number it gets back;
  the missing documents are run again as plain Ray tasks, one document a task (a task owns its
  worker process, so one poison document cannot take its neighbours down with it); whatever is
  still missing is written as an error row with code `worker_lost`. Every input document yields exactly one output row.
"""

from __future__ import annotations

import importlib
import itertools
import logging
import os
import time
import uuid
import warnings
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Callable, Iterable, Iterator

from ..data import EXTRA_ENV
from ..records import DocResult
from ..store.rows import COLUMNS, arrow_schema, result_to_row, row_to_result

log = logging.getLogger(__name__)

SEQ = "_seq"  # internal column: position of the document in the run; never written out
DEFAULT_RUN_ONE = "eventledger.pipeline:run_one"
WORKER_LOST = "worker_lost"


@dataclass
class RunSummary:
    """What a corpus run did. `total == ok + failed`; every document has one row in `files`."""

    engine: str = "ray"
    total: int = 0
    ok: int = 0  # extracted
    failed: int = 0  # error rows (including those passed through and worker_lost)
    passed_through: int = 0  # arrived with an error (or nothing to process); written unchanged
    retried: int = 0  # documents re-run one by one after their worker died
    lost: int = 0  # still failing after the retry: written with error_code "worker_lost"
    error_codes: dict[str, int] = field(default_factory=dict)
    workers: int = 0
    windows: int = 0
    seconds: float = 0.0
    startup_seconds: float = 0.0  # from submitting each window to its first result: pool start, model load
    out_dir: str = ""
    files: list[str] = field(default_factory=list)

    @property
    def docs_per_second(self) -> float:
        return self.total / self.seconds if self.seconds else 0.0

    def __str__(self) -> str:
        codes = ", ".join(f"{k} {v}" for k, v in sorted(self.error_codes.items())) or "none"
        return (f"{self.total} documents: {self.ok} extracted, {self.failed} failed ({codes}); "
                f"{self.workers} Ray workers, {self.seconds:.1f} s, {self.docs_per_second:.2f} docs/s; "
                f"{len(self.files)} Parquet files in {self.out_dir}")


# ---- the worker side ---------------------------------------------------------------------------

def _resolve(path: str) -> Callable[..., DocResult]:
    module, _, name = path.partition(":")
    return getattr(importlib.import_module(module), name)


def _clean_str(value: Any) -> Any:
    """A string Arrow can encode (lone surrogates replaced); anything else unchanged."""
    if isinstance(value, str):
        return value.encode("utf-8", "replace").decode("utf-8")
    return value


def _error_row(row: dict[str, Any], code: str, message: str) -> dict[str, Any]:
    out = {name: _clean_str(row.get(name)) for name in COLUMNS}
    out.update(extraction_json=None, error_code=code, error_message=message[:500])
    if not out.get("pipeline_version"):
        out["pipeline_version"] = result_to_row(DocResult(doc_id="", raw=None))["pipeline_version"]
    out[SEQ] = row[SEQ]
    return out


def process_row(row: dict[str, Any], run_one: Callable[..., DocResult]) -> dict[str, Any]:
    """One input row (rows.py format + `_seq`) to one output row; never raises."""
    try:
        result = row_to_result(row)
        if result.raw is None:
            return _error_row(row, "no_content", "nothing to extract: the document has no content")
        out = result_to_row(run_one(result.raw, result.source))
        out[SEQ] = row[SEQ]
        return out
    except Exception as exc:  # run_one never raises; this is the row conversion around it
        return _error_row(row, "internal", f"{type(exc).__name__}: {exc}".splitlines()[0])


def _table(rows: list[dict[str, Any]], schema):
    """Rows to an Arrow table (column-wise: ~70x faster than `Table.from_pylist`)."""
    import pyarrow as pa

    return pa.Table.from_pydict({name: [row.get(name) for row in rows] for name in schema.names}, schema=schema)


def _to_table(rows: list[dict[str, Any]]):
    return _table(rows, _OUT_SCHEMA())


@lru_cache(maxsize=1)
def _OUT_SCHEMA():
    import pyarrow as pa

    return arrow_schema().append(pa.field(SEQ, pa.int64()))


class _Extractor:
    """The Ray Data UDF: one instance per actor, so the model is loaded once per worker."""

    def __init__(self, run_one_path: str = DEFAULT_RUN_ONE):
        self.run_one = _resolve(run_one_path)
        if run_one_path == DEFAULT_RUN_ONE:
            from ..language import load_model

            load_model()  # once per worker, not once per document or batch

    def __call__(self, batch):  # batch: pyarrow.Table
        rows = batch.to_pylist()
        try:
            return _to_table([process_row(row, self.run_one) for row in rows])
        except Exception as exc:  # the batch as a whole failed (e.g. a value Arrow rejects): per doc
            log.warning("batch of %d failed (%s); falling back to one document at a time", len(rows), exc)
            out = []
            for row in rows:
                try:
                    _to_table([done := process_row(row, self.run_one)])
                    out.append(done)
                except Exception as exc_one:
                    out.append(_error_row(row, "internal", f"{type(exc_one).__name__}: {exc_one}".splitlines()[0]))
            return _to_table(out)


# ---- the driver side ---------------------------------------------------------------------------

def _filesystem(out_dir: str):
    import pyarrow.fs as pafs

    if "://" in out_dir:
        return pafs.FileSystem.from_uri(out_dir)
    return pafs.LocalFileSystem(), os.path.abspath(out_dir)


class _PartWriter:
    """Writes `part-<run>-<n>.parquet` files atomically (temp name, then rename)."""

    def __init__(self, out_dir: str, run_id: str, rows_per_file: int):
        self.fs, self.root = _filesystem(out_dir)
        self.fs.create_dir(self.root, recursive=True)
        self.run_id, self.rows_per_file = run_id, rows_per_file
        self.pending: list[dict[str, Any]] = []
        self.files: list[str] = []
        self._n = 0

    def add(self, rows: list[dict[str, Any]]) -> None:
        self.pending.extend(rows)
        while len(self.pending) >= self.rows_per_file:
            self._write(self.pending[: self.rows_per_file])
            del self.pending[: self.rows_per_file]

    def flush(self) -> None:
        if self.pending:
            self._write(self.pending)
            self.pending = []

    def _write(self, rows: list[dict[str, Any]]) -> None:
        import pyarrow.parquet as pq

        schema = arrow_schema()
        try:
            table = _table(rows, schema)
        except Exception:  # a value Arrow cannot encode; keep the row, replace the bad characters
            table = _table([{k: _clean_str(r.get(k)) for k in COLUMNS} for r in rows], schema)
        name = f"part-{self.run_id}-{self._n:05d}.parquet"
        self._n += 1
        final = f"{self.root}/{name}"
        temp = f"{self.root}/.{name}.tmp"
        pq.write_table(table, temp, filesystem=self.fs)
        self.fs.move(temp, final)
        self.files.append(final)


def _needs_work(doc: DocResult) -> bool:
    return doc.raw is not None and doc.error_code is None and doc.extraction is None


def _count(summary: RunSummary, rows: list[dict[str, Any]]) -> None:
    for row in rows:
        summary.total += 1
        if row.get("extraction_json") is not None:
            summary.ok += 1
        else:
            summary.failed += 1
            code = row.get("error_code") or "unknown"
            summary.error_codes[code] = summary.error_codes.get(code, 0) + 1


def _strip(row: dict[str, Any]) -> dict[str, Any]:
    return {name: row.get(name) for name in COLUMNS}


def _run_dataset(ray, refs, *, workers: int, batch_size: int, run_one: str,
                 on_first: Callable[[], None] | None = None) -> Iterator[dict[str, Any]]:
    """Stream output rows of one Ray Data execution over input blocks `refs`."""
    from ray.data import ActorPoolStrategy

    ds = ray.data.from_arrow_refs(refs)
    with warnings.catch_warnings():
        # `max_task_retries` travels as a ray_remote_arg (deprecated in 2.60, no named parameter yet).
        # Ray Data's default is to retry forever, which a document that kills its worker every time
        # would turn into a hang; one retry, then the driver's per-document pass takes over.
        warnings.filterwarnings("ignore", message=".*ray_remote_args.*deprecated.*")
        ds = ds.map_batches(
            _Extractor,
            fn_constructor_kwargs={"run_one_path": run_one} if run_one != DEFAULT_RUN_ONE else None,
            batch_size=batch_size,
            batch_format="pyarrow",
            compute=ActorPoolStrategy(size=workers),
            num_cpus=1,
            udf_modifying_row_count=False,
            max_task_retries=1,
        )
    for batch in ds.iter_batches(batch_size=None, batch_format="pyarrow"):
        if on_first is not None:
            on_first()
            on_first = None
        yield from batch.to_pylist()


def _block(rows: list[dict[str, Any]]):
    try:
        return _to_table(rows)
    except Exception:  # a string Arrow cannot encode: replace the bad characters, keep the document
        return _to_table([{k: _clean_str(v) for k, v in r.items()} for r in rows])


def _connect(ray, address: str | None, num_workers: int | None) -> bool:
    """Connect to (or start) a cluster; True when this call started it (and must shut it down)."""
    if ray.is_initialized():
        return False
    os.environ.setdefault("RAY_DISABLE_IMPORT_WARNING", "1")
    # The user's vocabulary folder ($EVENTLEDGER_DATA) must reach the workers too (on a cluster,
    # at the same path on every node).
    extra = {"env_vars": {EXTRA_ENV: os.environ[EXTRA_ENV]}} if os.environ.get(EXTRA_ENV) else None
    if address:
        ray.init(address=address, log_to_driver=False, runtime_env=extra)
    else:
        ray.init(num_cpus=num_workers or os.cpu_count() or 1, include_dashboard=False, log_to_driver=False,
                 runtime_env=extra)
    return True


def run(
    docs: Iterable[DocResult],
    out_dir: str,
    *,
    address: str | None = None,
    num_workers: int | None = None,
    batch_size: int = 8,
    block_rows: int = 32,
    window: int = 200_000,
    rows_per_file: int = 5_000,
    run_one: str = DEFAULT_RUN_ONE,
    progress: Callable[[int], None] | None = None,
) -> RunSummary:
    """Run the pipeline over `docs` on Ray and write `out_dir/part-*.parquet` (rows.py format).

    `address`: an existing cluster (`"auto"`, `"head-host:6379"`, `"ray://head:10001"`); without it
    (and with no `ray.init` done by the caller) a local cluster of `num_workers` CPUs is started and
    shut down at the end. `num_workers`: extraction actors, one CPU each (default: the cluster's CPUs).
    `batch_size`: documents per call of a worker; `block_rows`: documents per object-store block (a
    crashed worker loses one block, which is then re-run document by document); `window`: documents
    in flight at once (bounds the object store and the driver's bookkeeping); `rows_per_file`: rows
    per Parquet file. `run_one`: "module:function" with `run_one`'s signature (tests inject faults).
    `progress(n)` is called with the number of documents written so far.
    """
    import ray

    started = time.perf_counter()
    run_id = time.strftime("%Y%m%dT%H%M%S") + "-" + uuid.uuid4().hex[:6]
    summary = RunSummary(out_dir=out_dir)
    writer = _PartWriter(out_dir, run_id, rows_per_file)
    ours = _connect(ray, address, num_workers)
    from ray.data import DataContext

    ctx = DataContext.get_current()
    saved = (ctx.max_errored_blocks, ctx.enable_progress_bars, ctx.print_on_execution_start)
    data_log = logging.getLogger("ray.data")
    saved_level = data_log.level
    try:
        if data_log.getEffectiveLevel() < logging.ERROR:  # no "execution finished" or "progress bars
            data_log.setLevel(logging.ERROR)  # disabled" per window; a dead worker is still reported
        ctx.max_errored_blocks = -1  # a dead worker's block is skipped, then recovered by the driver
        ctx.enable_progress_bars = False
        ctx.print_on_execution_start = False
        cpus = int(ray.cluster_resources().get("CPU", 1))
        workers = max(1, min(num_workers or cpus, cpus))
        if num_workers and num_workers > cpus:
            log.warning("%d workers asked for, the cluster has %d CPUs: using %d", num_workers, cpus, workers)
        summary.workers = workers
        it = iter(docs)
        seq = 0
        while True:
            refs, outstanding, seq, seen = _stage_window(ray, itertools.islice(it, window), seq, block_rows,
                                                         writer, summary)
            if not seen:
                break
            summary.windows += 1
            if refs:
                _process_window(ray, refs, outstanding, writer, summary, workers, batch_size, run_one, progress)
            writer.flush()
            if progress:
                progress(summary.total)
    finally:
        ctx.max_errored_blocks, ctx.enable_progress_bars, ctx.print_on_execution_start = saved
        data_log.setLevel(saved_level)
        if ours:
            ray.shutdown()
    summary.files = writer.files
    summary.seconds = time.perf_counter() - started
    return summary


def _stage_window(ray, docs: Iterator[DocResult], seq: int, block_rows: int, writer: "_PartWriter",
                  summary: RunSummary):
    """Put one window's documents into the object store, `block_rows` at a time (the driver holds
    one block), and write the ones with nothing to extract. Returns (refs, outstanding seqs, next
    seq, documents seen)."""
    refs, outstanding, block, seen = [], set(), [], 0
    for doc in docs:
        seen += 1
        row = result_to_row(doc)
        if _needs_work(doc):
            row[SEQ] = seq
            outstanding.add(seq)
            block.append(row)
            if len(block) >= block_rows:
                refs.append(ray.put(_block(block)))
                block = []
        else:  # it arrived with an error (or was already extracted): unchanged
            if doc.raw is None and doc.error_code is None and doc.extraction is None:
                row.update(error_code="no_content", error_message="nothing to extract: the document has no content")
            summary.passed_through += 1
            _count(summary, [row])
            writer.add([row])
        seq += 1
    if block:
        refs.append(ray.put(_block(block)))
    return refs, outstanding, seq, seen


def _recover_one(row: dict[str, Any], run_one_path: str) -> dict[str, Any]:
    return _strip_arrow(process_row(row, _resolve(run_one_path)))


def _strip_arrow(row: dict[str, Any]) -> dict[str, Any]:
    """A row Arrow can store: strings with lone surrogates replaced."""
    return {name: _clean_str(value) for name, value in row.items()}


def _recover(ray, rows: list[dict[str, Any]], run_one: str) -> Iterator[dict[str, Any]]:
    """Documents whose block was lost with its worker, re-run as plain Ray tasks, one document a
    task. A task owns its worker process while it runs, so a document that kills its worker takes
    down only itself (in an actor pool it would also take the documents queued behind it). One
    retry; a document whose task dies twice stays outstanding and is recorded as lost."""
    if not rows:
        return
    remote = ray.remote(num_cpus=1, max_retries=1)(_recover_one)
    pending = {remote.remote(row, run_one): row for row in rows}
    for ref in pending:
        try:
            yield ray.get(ref)
        except Exception as exc:  # the worker died twice (WorkerCrashedError) or the task failed
            log.warning("document %s lost again: %s", pending[ref][SEQ], type(exc).__name__)


def _missing_rows(ray, refs, outstanding: set[int]) -> Iterator[dict[str, Any]]:
    """The input rows of the documents not answered yet, read back from the object store."""
    for ref in refs:
        for row in ray.get(ref).to_pylist():
            if row[SEQ] in outstanding:
                yield row


def _process_window(ray, refs, outstanding, writer, summary, workers, batch_size, run_one, progress) -> None:
    def consume(stream: Iterator[dict[str, Any]]) -> None:
        buffer: list[dict[str, Any]] = []
        for row in stream:
            if row[SEQ] not in outstanding:
                continue  # a duplicate from a retried block; the first answer stands
            outstanding.discard(row[SEQ])
            buffer.append(_strip(row))
            if len(buffer) >= 256:
                _count(summary, buffer)
                writer.add(buffer)
                buffer = []
                if progress:
                    progress(summary.total)
        _count(summary, buffer)
        writer.add(buffer)

    window_started = time.perf_counter()

    def first_result() -> None:  # how long the pool took to start and load models
        summary.startup_seconds += time.perf_counter() - window_started

    consume(_run_dataset(ray, refs, workers=min(workers, len(refs)), batch_size=batch_size, run_one=run_one,
                         on_first=first_result))
    if outstanding:  # blocks whose worker died: run those documents again, each in a task of its own
        log.warning("%d documents lost with a worker; running them again one at a time", len(outstanding))
        summary.retried += len(outstanding)
        consume(_recover(ray, list(_missing_rows(ray, refs, outstanding)), run_one))
    if outstanding:  # this document kills its worker every time: record it, keep its content
        summary.lost += len(outstanding)
        lost = [_strip(_error_row(row, WORKER_LOST, "the worker process died while extracting this document "
                                                 "(crash or out of memory), twice"))
                for row in _missing_rows(ray, refs, outstanding)]
        outstanding.clear()
        _count(summary, lost)
        writer.add(lost)


__all__ = ["run", "RunSummary", "process_row", "WORKER_LOST"]
