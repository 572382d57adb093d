"""`eventledger errors`: the documents that failed, with where they came from and why."""

from __future__ import annotations

import argparse
import csv
import json
import sys

from ._ledger import add_db, open_ledger


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("errors", help="list the documents that failed, and why",
                            description="List the documents the ledger could not extract, with their source and "
                                        "reason. They are kept: `eventledger ingest --retry-errors` tries them again.")
    add_db(parser)
    parser.add_argument("--code", help="only this error code (empty, binary, encoding, bad_record, no_text, internal...)")
    parser.add_argument("--limit", type=int, default=0, help="at most this many (default: all)")
    parser.add_argument("--format", choices=("table", "json", "csv"), default="table")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    ledger = open_ledger(args.db, merge_if_stale=False)
    if ledger is None:
        return 1
    with ledger:
        total = ledger.count_errors(args.code)
        rows = ledger.errors(args.code, limit=args.limit or None, output="records")
    for row in rows:
        row["ingested_at"] = str(row["ingested_at"]) if row.get("ingested_at") else None
    if args.format == "json":
        json.dump({"total": total, "items": rows}, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    elif args.format == "csv":
        from ..store.export import safe_row

        writer = csv.DictWriter(sys.stdout, fieldnames=["doc_id", "source", "error_code", "error_message", "url",
                                                         "outlet", "published", "ingested_at"])
        writer.writeheader()
        writer.writerows(safe_row(row) for row in rows)
    else:
        print(f"{total} failed documents")
        for row in rows:
            print(f"{row['source']}  [{row['error_code']}]  {row['error_message']}")
    return 0
