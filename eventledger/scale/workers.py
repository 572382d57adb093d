"""The local engine's extraction in worker processes, with a time limit per document.

    with WorkerPool(workers=2, seconds=120) as pool:
        for result in pool.map(iter_documents(paths)):   # in input order, one result per document
            ...

Why processes. A time limit has to stop whatever runs: spaCy's and lxml's C loops, trafilatura on
a page of nested markup, a regular expression that backtracks. A signal-based alarm (SIGALRM)
cannot: Python runs its handler only between bytecodes, so a long C call runs on to its end; it
works only in the main thread (not in the HTTP API's thread pool); and the exception it raises can
land anywhere inside spaCy or in a half-built cache, leaving state that the next documents then
use. A worker process that overruns is killed (SIGKILL) and replaced, and the parent, which never
ran that code, is untouched. The same holds for a document that kills its process (the kernel's
out-of-memory killer, a crash in C code): it is recorded and the run goes on.

Each worker is a fresh interpreter (`python -m eventledger.scale.workers`, talking over a socket
pair): never a fork of a parent that holds DuckDB's threads, and, unlike multiprocessing's spawn,
it never imports the caller's `__main__` again (a script without a main guard stays safe). It
loads the model once, before its first document (loading is not a document's time), and dies with
the parent (Linux: `PR_SET_PDEATHSIG`; elsewhere when its socket closes). Results:
the document's own `DocResult`, or a failed one with `error_code` "timeout" or "worker_died" and
the original kept. Documents that already failed pass through without visiting a worker.
"""

from __future__ import annotations

import collections
import importlib
import os
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator

from ..records import DocResult, RawDocument

DEFAULT_RUN_ONE = "eventledger.pipeline:run_one"
TIMEOUT = "timeout"
WORKER_DIED = "worker_died"
START_SECONDS = 600.0  # a worker that has not loaded the model by then is broken


def _resolve(spec: str) -> Callable[..., DocResult]:
    module, _, name = spec.partition(":")
    return getattr(importlib.import_module(module), name)


def _die_with_parent() -> None:
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, int(signal.SIGKILL), 0, 0, 0)  # PR_SET_PDEATHSIG
    except Exception:  # not Linux: the closed pipe ends the worker instead
        pass


_WARM_UP = ("Gunmen kill 11 in Kunar market attack\n\nKABUL, Afghanistan (Reuters) - Gunmen killed 11 civilians, "
            "including two children, and wounded 20 others in an attack on a market in Asadabad, Kunar province, on "
            "Sunday, police said.\n\n\"We condemn this cowardly attack,\" the provincial governor told reporters, "
            "demanding that the Taliban release the hostages. The Taliban denied any role.\n\nHundreds of protesters "
            "rallied in Jalalabad on Monday, and soldiers arrested 15 people near the border last week, according "
            "to the Interior Ministry.")


def _warm(run_one: Callable[..., DocResult]) -> None:
    """Load the model, gazetteer and lexicons (an article that needs them all) before the first
    document's clock starts."""
    run_one(RawDocument(_WARM_UP, doc_id="warm-up"), source="warm-up")


def _extract(run_one: Callable[..., DocResult], doc: DocResult) -> DocResult:
    result = run_one(doc.raw, source=doc.source)
    if not result.doc_id:
        result.doc_id = doc.doc_id
    return result


def _serve(conn, run_one_spec: str) -> None:
    """A worker's loop: a `DocResult` in, its extracted `DocResult` out; None or EOF ends it."""
    run_one = _resolve(run_one_spec)
    try:
        _warm(run_one)
    except Exception:
        pass  # a stand-in run_one may refuse the warm-up text; the documents will tell
    conn.send("ready")
    while True:
        try:
            doc = conn.recv()
        except (EOFError, OSError):
            return
        if doc is None:
            return
        try:
            result = _extract(run_one, doc)
        except Exception as exc:  # the real run_one never raises; a stand-in might
            message = f"{type(exc).__name__}: {exc}".splitlines()[0][:500]
            result = DocResult(doc.doc_id, doc.raw, error_code="internal", error_message=message, source=doc.source)
        conn.send(result)


@dataclass(slots=True)
class _Entry:
    doc: DocResult
    result: DocResult | None = None


class _Worker:
    def __init__(self, run_one: str):
        from multiprocessing.connection import Connection

        ours, theirs = socket.socketpair()
        package_root = str(Path(__file__).resolve().parents[2])
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(p for p in (package_root, env.get("PYTHONPATH")) if p)
        try:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "eventledger.scale.workers", str(theirs.fileno()), run_one],
                pass_fds=(theirs.fileno(),), stdin=subprocess.DEVNULL, env=env, start_new_session=False)
        finally:
            theirs.close()
        self.conn = Connection(ours.detach())
        self.entry: _Entry | None = None
        self.deadline = 0.0
        if not self.conn.poll(START_SECONDS):
            self.stop(kill=True)
            raise RuntimeError(f"an extraction worker did not start within {START_SECONDS:.0f} s")
        try:
            self.conn.recv()  # "ready"
        except EOFError:
            self.stop(kill=True)
            raise RuntimeError(f"an extraction worker died while starting (exit code {self.process.returncode})") from None

    def alive(self) -> bool:
        return self.process.poll() is None

    def exitcode(self) -> int | None:
        try:
            return self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            return None

    def stop(self, kill: bool = False) -> None:
        if kill:
            if self.alive():
                self.process.kill()
        else:
            try:
                self.conn.send(None)
            except (OSError, ValueError):
                pass
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=5)
        self.conn.close()


def _failed(doc: DocResult, code: str, message: str) -> DocResult:
    return DocResult(doc.doc_id, doc.raw, error_code=code, error_message=message, source=doc.source)


def _how_it_died(exitcode: int | None) -> str:
    if exitcode is None:
        return "it stopped answering"
    if exitcode < 0:
        name = signal.Signals(-exitcode).name if -exitcode in signal.Signals._value2member_map_ else str(-exitcode)
        hint = " (out of memory?)" if -exitcode == signal.SIGKILL else ""
        return f"killed by {name}{hint}"
    return f"exit code {exitcode}"


class WorkerPool:
    """`workers` extraction processes; `seconds` per document (0: no limit). Use as a context
    manager, or call `close()`: it stops the workers."""

    def __init__(self, workers: int = 1, seconds: float = 120.0, run_one: str = DEFAULT_RUN_ONE, window: int = 8):
        self.workers = max(1, int(workers))
        self.seconds = float(seconds or 0)
        self.run_one = run_one
        self.window = max(2, window) * self.workers  # documents in flight or waiting to be yielded in order
        self._slots: list[_Worker | None] = [None] * self.workers

    def __enter__(self) -> "WorkerPool":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        for index, worker in enumerate(self._slots):
            if worker is not None:
                worker.stop(kill=worker.entry is not None)
                self._slots[index] = None

    def _idle(self) -> int | None:
        for index, worker in enumerate(self._slots):
            if worker is None or worker.entry is None:
                return index
        return None

    def _dispatch(self, index: int, entry: _Entry) -> None:
        worker = self._slots[index]
        if worker is None:
            worker = self._slots[index] = _Worker(self.run_one)
        worker.entry = entry
        worker.deadline = time.monotonic() + self.seconds if self.seconds else float("inf")
        try:
            worker.conn.send(entry.doc)
        except (OSError, ValueError):  # it died between two documents
            self._lost(index, "before it got the document")

    def _lost(self, index: int, why: str) -> None:
        worker = self._slots[index]
        entry = worker.entry
        entry.result = _failed(entry.doc, WORKER_DIED, f"the extraction process died on this document "
                                                       f"({_how_it_died(worker.exitcode())}{', ' + why if why else ''})")
        worker.entry = None
        worker.stop(kill=True)
        self._slots[index] = None

    def _timed_out(self, index: int) -> None:
        worker = self._slots[index]
        entry = worker.entry
        worker.stop(kill=True)
        self._slots[index] = None
        entry.result = _failed(entry.doc, TIMEOUT, f"extraction took longer than {self.seconds:g} s and was stopped "
                                                   "(the limit: --time-limit or $EVENTLEDGER_DOCUMENT_SECONDS)")

    def _collect(self) -> None:
        """Wait until a busy worker answers, dies or overruns its deadline, and record that."""
        from multiprocessing.connection import wait

        busy = [(i, w) for i, w in enumerate(self._slots) if w is not None and w.entry is not None]
        if not busy:
            return
        now = time.monotonic()
        timeout = max(0.0, min(w.deadline for _, w in busy) - now) if self.seconds else None
        wait([w.conn for _, w in busy], timeout)  # a worker that dies closes its socket: that wakes us too
        now = time.monotonic()
        for index, worker in busy:
            if worker.conn.poll():
                try:
                    worker.entry.result = worker.conn.recv()
                    worker.entry = None
                except (EOFError, OSError):
                    self._lost(index, "")
            elif not worker.alive():
                self._lost(index, "")
            elif now >= worker.deadline:
                self._timed_out(index)

    def map(self, docs: Iterable[DocResult]) -> Iterator[DocResult]:
        """One result per document, in input order."""
        pending: collections.deque[_Entry] = collections.deque()
        iterator = iter(docs)
        held: _Entry | None = None  # a document waiting for a free worker
        exhausted = False
        while True:
            while pending and pending[0].result is not None:
                yield pending.popleft().result
            while len(pending) < self.window and (held is not None or not exhausted):
                if held is None:
                    doc = next(iterator, None)
                    if doc is None:
                        exhausted = True
                        break
                    held = _Entry(doc)
                    pending.append(held)
                    if doc.error_code or doc.raw is None:  # already failed: nothing to extract
                        held.result, held = doc, None
                        continue
                index = self._idle()
                if index is None:
                    break
                self._dispatch(index, held)
                held = None
            if not pending:
                if exhausted:
                    return
                continue
            if pending[0].result is None:
                self._collect()


def _main(argv: list[str]) -> None:
    from multiprocessing.connection import Connection

    _die_with_parent()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    conn = Connection(int(argv[0]))
    try:
        _serve(conn, argv[1])
    except (BrokenPipeError, ConnectionResetError):
        pass  # the parent went away


__all__ = ["WorkerPool", "DEFAULT_RUN_ONE", "TIMEOUT", "WORKER_DIED"]

if __name__ == "__main__":
    _main(sys.argv[1:])
