"""Fault injection for testing the engines: `run_one` stand-ins that misbehave on marked documents.

Used by the tests (`run(..., run_one="eventledger.scale.faults:crashing_run_one")`); harmless
otherwise: unmarked documents go through the real `run_one`."""

from __future__ import annotations

import os

from ..records import DocResult, RawDocument

KILL_MARKER = "EVENTLEDGER-TEST-KILL-WORKER"  # the worker process exits mid-document
RAISE_MARKER = "EVENTLEDGER-TEST-RAISE"  # an exception escapes run_one (which real run_one never lets happen)


def crashing_run_one(raw: RawDocument, source: str | None = None) -> DocResult:
    if KILL_MARKER in raw.content:
        os._exit(17)  # like a segfault or the OOM killer: no exception, no cleanup
    if RAISE_MARKER in raw.content:
        raise RuntimeError("injected failure outside run_one")
    from ..pipeline import run_one

    return run_one(raw, source)


HANG_MARKER = "EVENTLEDGER-TEST-HANG"  # the extraction never ends (a page that takes forever)


def hanging_run_one(raw: RawDocument, source: str | None = None) -> DocResult:
    """`crashing_run_one`, and a document with HANG_MARKER sleeps for an hour."""
    if HANG_MARKER in raw.content:
        import time

        time.sleep(3600)
    return crashing_run_one(raw, source)
