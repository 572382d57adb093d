"""`eventledger ingest PATH...`: a corpus into the ledger, resumable, nothing lost."""

from __future__ import annotations

import argparse
import sys

from ._ledger import add_db, open_ledger


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "ingest", help="extract a corpus into the ledger (files, folders, JSONL/CSV, RSS/Atom, WARC)",
        description="Read documents from files and folders (HTML, text, JSONL/CSV with a text column, RSS/Atom "
                    "feeds, WARC archives), extract their events and store everything in the ledger. Documents "
                    "are keyed by content: running it again adds nothing new, and a run that was stopped resumes "
                    "where it stopped. A document that fails is stored with its reason (see `eventledger errors`).")
    parser.add_argument("paths", nargs="+", metavar="PATH", help="files or folders")
    add_db(parser)
    parser.add_argument("--engine", choices=("local", "ray"), default="local",
                        help="local: this process (default); ray: a Ray cluster (eventledger.scale)")
    parser.add_argument("--address", help="Ray cluster address (with --engine ray; default: a local Ray)")
    parser.add_argument("--workers", type=int, default=1,
                        help="extraction processes (local) or Ray actors (ray: default all the cluster's CPUs)")
    parser.add_argument("--batch-size", type=int, default=100, help="documents per transaction (default: 100)")
    parser.add_argument("--published", metavar="YYYY-MM-DD",
                        help="publication date of the documents that do not give one (a published column, a "
                             "sidecar FILE.meta.json, a feed's date, the page's metadata or a 'Published' line win)")
    parser.add_argument("--retry-errors", action="store_true", help="extract failed documents again")
    parser.add_argument("--no-merge", action="store_true", help="do not merge reports into events after the run")
    parser.add_argument("--quiet", action="store_true", help="no progress bar")
    limits = parser.add_argument_group("limits", "what one document or file may cost; each refusal is a failed "
                                                 "document with its reason (defaults: eventledger/ingest/limits.py)")
    limits.add_argument("--time-limit", metavar="SECONDS", type=float, default=None,
                        help="cleaning and extracting one document (default 120, $EVENTLEDGER_DOCUMENT_SECONDS; "
                             "0: no limit, and with one worker extraction runs in this process)")
    limits.add_argument("--max-document-bytes", metavar="BYTES", type=int, default=None,
                        help="one document, decompressed (default 20 MB, $EVENTLEDGER_MAX_DOCUMENT_BYTES)")
    limits.add_argument("--max-record-bytes", metavar="BYTES", type=int, default=None,
                        help="one JSONL line or CSV row, or a .json file or feed read whole "
                             "(default 64 MB, $EVENTLEDGER_MAX_RECORD_BYTES)")
    limits.add_argument("--max-file-bytes", metavar="BYTES", type=int, default=None,
                        help="read from one file, decompressed (default 4 GB, $EVENTLEDGER_MAX_FILE_BYTES)")
    limits.add_argument("--duckdb-memory", metavar="SIZE", default=None,
                        help="DuckDB's memory cap, e.g. 512MB or 2GB (default: 1/32 of the machine's memory, "
                             "256 MB-2 GB, $EVENTLEDGER_DUCKDB_MEMORY)")
    parser.set_defaults(func=run)


def valid_day(text: str) -> bool:
    from datetime import date

    try:
        return len(text) == 10 and bool(date.fromisoformat(text))
    except ValueError:
        return False


def run(args: argparse.Namespace) -> int:
    import os

    from tqdm import tqdm

    if args.published and not valid_day(args.published):
        print(f"eventledger: --published must be a date YYYY-MM-DD, not {args.published!r}", file=sys.stderr)
        return 2
    from ..ingest.limits import Limits

    missing = [p for p in args.paths if not os.path.exists(p)]
    if missing:
        print(f"eventledger: no such file or folder: {', '.join(missing)}", file=sys.stderr)
        return 1
    try:
        limits = Limits.from_env(seconds=args.time_limit, document_bytes=args.max_document_bytes,
                                 record_bytes=args.max_record_bytes, file_bytes=args.max_file_bytes)
    except ValueError as exc:
        print(f"eventledger: {exc}", file=sys.stderr)
        return 2
    try:
        ledger = open_ledger(args.db, must_exist=False, merge_if_stale=False, memory_limit=args.duckdb_memory)
    except ValueError as exc:  # a memory cap DuckDB does not understand
        print(f"eventledger: {exc}", file=sys.stderr)
        return 2
    if ledger is None:
        return 1
    bar = tqdm(unit="doc", desc="ingest", disable=args.quiet, file=sys.stderr, dynamic_ncols=True,
               mininterval=0.5, smoothing=0.05)
    errors = 0

    def progress(result) -> None:
        nonlocal errors
        if result.error_code:
            errors += 1
            bar.set_postfix(errors=errors, refresh=False)
        bar.update(1)

    def count(n: int) -> None:  # the Ray engine reports how many documents it has written
        bar.update(n - bar.n)

    try:
        stats = ledger.ingest(args.paths, engine=args.engine, address=args.address, batch_size=args.batch_size,
                              retry_errors=args.retry_errors, merge=not args.no_merge, workers=args.workers,
                              on_result=progress, on_progress=count, published=args.published, limits=limits)
    except KeyboardInterrupt:
        bar.close()
        ledger.close()
        print("eventledger: interrupted; what was stored is kept: run the same command again to resume",
              file=sys.stderr)
        return 130
    except RuntimeError as exc:
        bar.close()
        ledger.close()
        print(f"eventledger: {exc}", file=sys.stderr)
        return 1
    bar.close()
    totals = ledger.stats()
    ledger.close()
    rate = stats.stored / stats.seconds if stats.seconds else 0.0
    print(f"{stats.stored} new documents ({stats.ok} extracted, {stats.errors} failed), {stats.skipped} already "
          f"stored or repeated, in {stats.seconds:.1f} s ({rate:.1f} docs/s)", file=sys.stderr)
    print(f"ledger {args.db}: {totals['documents']} documents, {totals['errors']} failed, {totals['events']} events "
          f"from {totals['reports']} reports", file=sys.stderr)
    if stats.errors:
        print(f"see the failures with: eventledger errors --db {args.db}", file=sys.stderr)
    return 0
