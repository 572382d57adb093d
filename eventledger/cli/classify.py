"""`eventledger classify FILE`: the ACLED event type of each text, one JSON object per line."""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "classify", help="type texts (one per line, or a TSV column) as ACLED events",
        description="Type each text (a sentence or a news snippet) as an ACLED event type and sub-event type, "
                    "or none. Writes one JSON object per line: event_type, sub_event_type, confidence, "
                    "trigger {start, end, text} (offsets into the text).",
    )
    parser.add_argument("file", help="texts, one per line, or a TSV with a header ('-' reads standard input)")
    parser.add_argument("--column", metavar="NAME", help="read a TSV and type the texts of this column")
    parser.add_argument("--with-text", action="store_true", help="repeat the text in each output line")
    parser.set_defaults(func=run)


def _texts(handle, column: str | None):
    if column is None:
        for line in handle:
            line = line.rstrip("\r\n")
            if line.strip():
                yield None, line
        return
    csv.field_size_limit(10_000_000)
    reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
    if column not in (reader.fieldnames or ()):
        raise ValueError(f"no column {column!r} (have: {', '.join(reader.fieldnames or ())})")
    id_column = next((c for c in reader.fieldnames or () if c.lower() == "id"), None)
    for row in reader:
        yield (row.get(id_column) if id_column else None), (row.get(column) or "")


def run(args: argparse.Namespace) -> int:
    from ..extraction.typing import classify

    try:
        handle = sys.stdin if args.file == "-" else Path(args.file).open(encoding="utf-8", newline="")
    except OSError as exc:
        print(f"eventledger: cannot read {args.file}: {exc.strerror}", file=sys.stderr)
        return 1
    out = sys.stdout
    try:
        with handle:
            for n, (ident, text) in enumerate(_texts(handle, args.column), 1):
                record = {"n": n}
                if ident is not None:
                    record["id"] = ident
                record.update(classify(text).to_dict())
                if args.with_text:
                    record["text"] = text
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
    except ValueError as exc:
        print(f"eventledger: {args.file}: {exc}", file=sys.stderr)
        return 1
    except UnicodeDecodeError:
        print(f"eventledger: {args.file}: not UTF-8 text", file=sys.stderr)
        return 1
    return 0
