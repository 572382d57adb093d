"""`eventledger export OUT`: the ledger's events as CSV, Parquet, GeoJSON or ACLED-column CSV."""

from __future__ import annotations

import argparse
import sys

from ._ledger import add_db, add_filters, filters, open_ledger


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("export", help="write the ledger's events to CSV, Parquet, GeoJSON or ACLED CSV",
                            description="Write the ledger's events (filters as for `eventledger events`). The format "
                                        "follows the file name (.csv, .parquet, .geojson, .acled.csv) unless given.")
    parser.add_argument("out", help="the file to write")
    parser.add_argument("--format", choices=("csv", "parquet", "geojson", "acled"),
                        help="csv: the ledger's columns; acled: ACLED's export columns")
    add_db(parser)
    add_filters(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    where = filters(args)
    ledger = open_ledger(args.db)
    if ledger is None:
        return 1
    with ledger:
        try:
            n = ledger.export(args.out, args.format, **where)
        except OSError as exc:
            print(f"eventledger: cannot write {args.out}: {exc.strerror or exc}", file=sys.stderr)
            return 1
    print(f"{n} events written to {args.out}", file=sys.stderr)
    return 0
