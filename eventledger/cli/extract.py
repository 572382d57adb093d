"""`eventledger extract FILE`: one article (HTML or text) to events and statements."""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from ..errors import EventledgerError
from ..records import Extraction


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("extract", help="extract events and statements from one article",
                            description="Extract events, figures and statements from an HTML page or a text file.")
    parser.add_argument("file", help="the article: an HTML page or a plain-text file ('-' reads standard input)")
    parser.add_argument("--published", metavar="YYYY-MM-DD", help="publication date, to resolve 'today', 'on Tuesday'")
    parser.add_argument("--format", choices=("table", "json"), default="table", help="output format (default: table)")
    parser.add_argument("--url", help="where the article came from (kept in the record)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..pipeline import extract

    from ..ingest.dates import day_or_none

    if args.published and (not re.fullmatch(r"\d{4}-\d{2}-\d{2}", args.published) or not day_or_none(args.published)):
        print(f"eventledger: --published must be a real date, YYYY-MM-DD, not {args.published!r}", file=sys.stderr)
        return 2
    try:
        data = sys.stdin.buffer.read() if args.file == "-" else Path(args.file).read_bytes()
    except OSError as exc:
        print(f"eventledger: cannot read {args.file}: {exc.strerror}", file=sys.stderr)
        return 1
    try:
        result = extract(data, published=args.published, url=args.url)
    except EventledgerError as exc:
        print(f"eventledger: {args.file}: {exc}", file=sys.stderr)
        return 1
    if args.format == "json":
        json.dump(result.to_dict(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(format_table(result))
    return 0


def _figure_line(figure) -> str:
    among = []
    if figure.civilians is not None:
        among.append(f"{figure.civilians} civilian{'' if figure.civilians == 1 else 's'}")
    if figure.children is not None:
        among.append(f"{figure.children} child{'' if figure.children == 1 else 'ren'}")
    count = _count_text(figure)
    text = f"{figure.kind} {count}"
    if figure.group and figure.group != "total":
        text += f" {figure.group.replace('_', ' ')}"
    if figure.part:
        text += " (part of the toll)"
    if among:
        text += f" (incl. {', '.join(among)})"
    text += f"  -- {figure.claimant or 'unattributed'}"
    if figure.hedged:
        text += " [hedged]"
    if figure.background:
        text += " [background]"
    return text


def format_table(result: Extraction) -> str:
    article = result.article
    lines = [f"Title:     {article.title or '-'}"]
    if article.standfirst:
        lines.append(f"Standfirst: {article.standfirst}")
    published = article.published or "-"
    if article.published and article.published_source not in (None, "given"):
        published += f" (from {article.published_source.replace('_', ' ')})"
    lines.append(f"Published: {published}    Source: {article.original_source or article.outlet or '-'}")
    kinds = {}
    for paragraph in article.paragraphs:
        kinds[paragraph.kind] = kinds.get(paragraph.kind, 0) + 1
    lines.append("Cleaned:   " + ", ".join(f"{n} {k}" for k, n in kinds.items()) + f"; removed {len(result.removed)}")
    for warning in result.warnings:
        lines.append(f"Warning:   {warning}")
    lines.append("")
    lines.append(f"EVENTS ({len(result.events)})")
    for event in result.events:
        place = "-"
        if event.location:
            loc = event.location
            province = f", {loc.admin1}" if loc.admin1 and loc.admin1 != loc.name else ""
            place = f"{loc.name}{province}, {loc.country or loc.country_code or '?'} (precision {loc.precision})"
        flag = "  [background]" if event.background else ""
        lines.append(f"{event.id}  {event.event_type} / {event.sub_event_type}{flag}")
        when = f"{event.date} ({event.date_precision})" if event.date else "undated"
        lines.append(f"    where: {place}    when: {when}")
        if event.actors:
            lines.append("    actors: " + "; ".join(f"{a.name} [{a.role}]" for a in event.actors))
        for figure in event.figures:
            lines.append(f"    figure: {_figure_line(figure)}")
        if event.claimants:
            lines.append("    claimed by: " + "; ".join(event.claimants))
        lines.append(f"    evidence: \"{_short(event.evidence[0].text)}\"")
    lines.append("")
    lines.append(f"STATEMENTS ({len(result.statements)})")
    for statement in result.statements:
        target = f" -> {statement.target}" if statement.target else ""
        lines.append(f"  [{statement.kind}] {statement.speaker or 'unknown'}{target}: \"{_short(statement.text)}\"")
    return "\n".join(lines) + "\n"


def _short(text: str, width: int = 110) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _count_text(figure) -> str:
    """'25', 'at least 6', 'up to 20', '10 (10-20)'."""
    if figure.low is not None and figure.high is not None and figure.low != figure.high:
        return f"{figure.count} ({figure.low}-{figure.high})"
    if figure.low is not None and figure.high is None and figure.low == figure.count:
        return f"at least {figure.count}"
    if figure.high is not None and figure.low is None:
        return f"up to {figure.count}"
    return str(figure.count)
