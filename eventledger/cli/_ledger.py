"""Shared pieces of the ledger commands (`ingest`, `events`, `export`, `errors`): not a command."""

from __future__ import annotations

import argparse
import os
import sys

DB_ENV = "EVENTLEDGER_DB"


def add_db(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", default=os.environ.get(DB_ENV, "eventledger.duckdb"),
                        help="the ledger database file (default: ./eventledger.duckdb, or $EVENTLEDGER_DB)")


def add_filters(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("filters")
    group.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD", help="events on or after this date")
    group.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD", help="events on or before this date")
    group.add_argument("--country", help="ISO alpha-2 code or country name")
    group.add_argument("--type", dest="event_type", help="ACLED event type, e.g. 'Battles'")
    group.add_argument("--sub-type", dest="sub_event_type", help="ACLED sub-event type, e.g. 'Air/drone strike'")
    group.add_argument("--actor", help="an actor's name (or part of it)")
    group.add_argument("--claimant", help="who claimed a figure (or part of the name)")
    group.add_argument("--text", "-q", dest="q", help="words that must all appear (place, actors, outlets, sentences)")
    group.add_argument("--article", dest="article_id", help="events reported by this article (doc id)")
    group.add_argument("--background", dest="include_background", action="store_true",
                       help="include events mentioned only as background")
    group.add_argument("--min-confidence", type=float, metavar="P",
                       help="events at least this likely to be right (0-1, calibrated on the annotated news corpus)")


def filters(args: argparse.Namespace) -> dict:
    out = {}
    from ..ingest.dates import is_date_prefix

    for key in ("date_from", "date_to"):
        value = getattr(args, key, None)
        if value and not is_date_prefix(value):
            raise SystemExit(f"eventledger: --{key[5:]} must be a real date, YYYY-MM-DD (or YYYY-MM, YYYY), not {value!r}")
    for key in ("date_from", "date_to", "country", "event_type", "sub_event_type", "actor", "claimant", "q", "article_id"):
        value = getattr(args, key, None)
        if value:
            out[key] = value
    if getattr(args, "include_background", False):
        out["include_background"] = True
    if getattr(args, "min_confidence", None) is not None:
        if not 0.0 <= args.min_confidence <= 1.0:
            raise SystemExit(f"eventledger: --min-confidence must be between 0 and 1, not {args.min_confidence}")
        out["min_confidence"] = args.min_confidence
    return out


def open_ledger(path: str, *, must_exist: bool = True, merge_if_stale: bool = True, memory_limit: str | None = None):
    """The ledger at `path`, or None after printing why it cannot be opened."""
    from ..ledger import Ledger
    from ..store.db import LedgerLocked

    if must_exist and path != ":memory:" and not os.path.exists(path):
        print(f"eventledger: no ledger at {path} (run `eventledger ingest PATH --db {path}` first)", file=sys.stderr)
        return None
    try:
        ledger = Ledger(path, memory_limit=memory_limit)
    except LedgerLocked as exc:
        print(f"eventledger: {exc}", file=sys.stderr)
        return None
    if merge_if_stale and ledger.stale():  # a run was killed before it merged: finish its work
        ledger.merge()
    return ledger
