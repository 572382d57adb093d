"""`eventledger events`: query the ledger's merged events (or show one with --id)."""

from __future__ import annotations

import argparse
import csv
import json
import sys

from ._ledger import add_db, add_filters, filters, open_ledger


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("events", help="query the ledger's events",
                            description="List the ledger's events (reports of one event by several outlets are "
                                        "merged), newest first, or show one event with its reports and claims. "
                                        "Events whose articles give no date at all come first, marked 'undated'; a "
                                        "date marked '~' rests on a publication date (the text gives none, or gives "
                                        "'on Tuesday' and the publication date was inferred).")
    add_db(parser)
    add_filters(parser)
    parser.add_argument("--id", dest="event_id", help="show this event in full (reports, every figure claim, evidence)")
    parser.add_argument("--limit", type=int, default=50, help="at most this many events (default: 50; 0: all)")
    parser.add_argument("--offset", type=int, default=0)
    parser.add_argument("--format", choices=("table", "json", "jsonl", "csv"), default="table")
    parser.set_defaults(func=run)


def _range(low, best, high) -> str:
    if best is None and low is None:
        return "-"
    if low == high:
        return str(best)
    return f"{best} ({low}-{high})"


def run(args: argparse.Namespace) -> int:
    where = filters(args)
    ledger = open_ledger(args.db)
    if ledger is None:
        return 1
    with ledger:
        if args.event_id:
            event = ledger.event(args.event_id)
            if event is None:
                print(f"eventledger: no event {args.event_id}", file=sys.stderr)
                return 1
            if args.format == "table":
                sys.stdout.write(format_event(event))
            else:
                json.dump(event, sys.stdout, ensure_ascii=False, indent=2, default=str)
                sys.stdout.write("\n")
            return 0
        total = ledger.count_events(**where)
        rows = ledger.events(limit=args.limit or None, offset=args.offset, output="records", **where)
    if args.format == "json":
        json.dump({"total": total, "items": rows}, sys.stdout, ensure_ascii=False, indent=2, default=str)
        sys.stdout.write("\n")
    elif args.format == "jsonl":
        for row in rows:
            sys.stdout.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
    elif args.format == "csv":
        from ..store.export import safe_cell

        columns = [c for c in (rows[0].keys() if rows else []) if c not in ("location", "id")]
        writer = csv.DictWriter(sys.stdout, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else safe_cell(v)
                             for k, v in row.items()})
    else:
        sys.stdout.write(format_table(rows, total, args.offset))
    return 0


def format_table(rows: list[dict], total: int, offset: int = 0) -> str:
    lines = [f"{total} events" + (f" (showing {offset + 1}-{offset + len(rows)})" if len(rows) < total else "")]
    for r in rows:
        place = r.get("location_name") or "-"
        if r.get("country_code"):
            place += f", {r['country_code']}"
        flag = " [conflicting figures]" if r.get("conflicting") else ""
        lines.append(f"{r['event_id']}  {date_text(r)}  {r['event_type']} / {r.get('sub_event_type')}  {place}")
        actors = " v ".join(a for a in (r.get("actor1"), r.get("actor2")) if a)
        lines.append(f"    killed: {_range(r.get('fatalities_low'), r.get('fatalities_best'), r.get('fatalities_high'))}"
                     f"{flag}   reports: {r.get('n_reports')} ({', '.join(r.get('outlets') or []) or '-'})"
                     + (f"   actors: {actors}" if actors else ""))
    return "\n".join(lines) + "\n"


_SOURCES = {"given": "given", "jsonl": "the JSONL record", "json": "the JSON record", "csv": "the CSV row",
            "feed": "the feed entry", "sidecar": "the sidecar file", "ingest_default": "ingest --published",
            "html_metadata": "the page's metadata", "published_line": "a 'Published' line", "dateline": "the dateline",
            "warc_date": "the WARC crawl date"}


def date_text(r: dict) -> str:
    """'2013-04-06', '2013-04-07~' (inferred: it rests on a publication date), 'undated'."""
    if not r.get("date"):
        return "undated"
    return f"{r['date']}~" if r.get("date_inferred") else r["date"]


def date_note(e: dict) -> str:
    """Where an event's date comes from, in words."""
    if not e.get("date"):
        return "undated: no date in the text and no publication date"
    basis, source = e.get("date_basis"), _SOURCES.get(e.get("published_source") or "", e.get("published_source"))
    if basis == "publication":
        return f"the publication date (from {source or 'unknown'}): the text gives none"
    if basis == "relative":
        return f"resolved against the publication date (from {source or 'unknown'})"
    return "stated in the text"


def format_event(e: dict) -> str:
    loc = e.get("location") or {}
    lines = [f"{e['id']}  {e['event_type']} / {e.get('sub_event_type')}" + ("  [background]" if e.get("background") else ""),
             f"  when:  {date_text(e)} ({e.get('date_precision') or '-'}; {date_note(e)})"
             + (f", reports range {e['date_from']} to {e['date_to']}" if e.get("date_from") != e.get("date_to") else ""),
             f"  where: {loc.get('name', '-')}, {loc.get('country') or loc.get('country_code') or '?'}"
             f" (precision {loc.get('precision')})" if loc else "  where: -"]
    if e.get("actors"):
        lines.append("  actors: " + "; ".join(f"{a['name']} [{a['role']}]" for a in e["actors"]))
    for kind, f in (e.get("figure_estimates") or {}).items():
        parts = f.get("parts") or {}
        lines.append(f"  {kind}: best {f['best']}, low {f['low']}, high {f['high']} from {f['n_claims']} claims"
                     + ("  [conflicting]" if f.get("conflicting") else ""))
        if len(parts) > 1 or any(group != "total" for group in parts):
            for group, p in parts.items():  # parts add up; claims about one group are a range
                lines.append(f"    {group}: {_range(p.get('low'), p.get('best'), p.get('high'))}"
                             + (f" ({'; '.join(p.get('claimants') or [])})" if p.get("claimants") else "")
                             + ("  [claims differ]" if p.get("conflicting") else ""))
    for c in e.get("figures") or []:
        note = " [hedged]" if c.get("hedged") else ""
        note += " [background]" if c.get("background") else ""
        group = f" {c['group']}" if c.get("group") and c["group"] != "total" else ""
        lines.append(f"    claim: {c['kind']} {c['count']}{group} -- {c.get('claimant') or 'unattributed'}"
                     f" ({c.get('outlet') or c['article_id'][:12]}){note}")
    lines.append(f"  reports ({len(e.get('reports') or [])}):")
    for r in e.get("reports") or []:
        lines.append(f"    {r['report_id']}  {r.get('outlet') or '-'}  {r.get('published') or '-'}  {r.get('title') or ''}")
        for s in (r.get("evidence") or [])[:2]:
            lines.append(f"      \"{' '.join(s['text'].split())[:140]}\"")
    return "\n".join(lines) + "\n"
