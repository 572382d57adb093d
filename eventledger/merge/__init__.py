"""Merging across outlets: the reports of one event (one per article) become one ledger event.

`merge_block(reports)` is pure: given the reports of one block (see `cluster.block_of`), each a
dict with the report's columns plus `actors`, `figures`, `evidence_text`, `outlet`, it returns the
ledger events, which reports make them and their figures (low/best/high, see `figures`). The
store calls it block by block; the same reports always give the same events, in any order.

How a ledger event is described from its reports:

- `event_id`: the smallest report id (`<doc_id[:16]>-<local id>`) of its reports;
- `sub_event_type`: the most reported one (ties: the higher summed confidence, then by name); a
  demonstration (reports of Protests and Riots merge, see `cluster`) takes the most escalated form
  reported, as ACLED codes one demonstration per place and day: violent demonstration, else
  excessive force against protesters, else protest with intervention, else peaceful protest;
  `event_type` is that sub-type's;
- `date`: the most reported day among day-precise reports, else the most precise report's date;
  `date_from`/`date_to`: the range of the reports' dates; `date_basis` and `published_source`
  are those of the report the date comes from, `date_inferred` whether it rests on a publication
  date (the publication date itself, or a relative day resolved against an inferred one);
- place: the most precise location (lowest ACLED precision; a province before its country), ties
  by how often it is reported;
- actors: every actor of every report (folded by name and role) with how many reports name it;
  `actor1`/`actor2` the most named in those roles; claimants: all of them;
- figures: every claim kept (in the `figures` table); `event_figures` gives low/best/high per kind,
  victim groups adding up as parts (see `figures`), with each group's in `parts`;
  `fatalities_*` are those of `killed`; `conflicting`: some kind has claims about one group that
  differ (or parts that add up to more than a stated total).
"""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

from ..records import INFERRED_SOURCES
from .cluster import block_of, cluster_block, demonstrations
from .figures import aggregate

__all__ = ["merge_block", "block_of", "cluster_block", "aggregate", "describe"]

_PRECISION_RANK = {"day": 0, "publication": 1, "week": 2, "month": 3, "year": 4}


def _most(counter: Counter, tiebreak=None):
    if not counter:
        return None
    return sorted(counter.items(), key=lambda kv: (-kv[1], tiebreak(kv[0]) if tiebreak else 0, str(kv[0])))[0][0]


def _outlet(report: dict[str, Any]) -> str | None:
    """Who published the report: the outlet, else the web site of its URL."""
    if report.get("outlet"):
        return report["outlet"]
    url = report.get("url")
    if url:
        from urllib.parse import urlparse

        host = urlparse(url).netloc.lower()
        return host[4:] if host.startswith("www.") else host or None
    return None


def describe(members: list[dict[str, Any]], block: str) -> tuple[tuple, list[tuple], list[tuple]]:
    """The `events` row, `event_reports` rows and `event_figures` rows of one cluster."""
    members = sorted(members, key=lambda r: r["report_id"])
    event_id = members[0]["report_id"]
    subs = Counter(r.get("sub_event_type") for r in members)
    conf = Counter()
    for r in members:
        conf[r.get("sub_event_type")] += r.get("confidence") or 0.0
    sub_event_type = _most(subs, lambda s: -conf[s])
    if all(s in demonstrations() for s in subs):
        sub_event_type = max(subs, key=demonstrations().index)  # one demonstration, at its most escalated form
    event_type = next(r.get("event_type") for r in members if r.get("sub_event_type") == sub_event_type)
    dated = [r for r in members if r.get("date")]
    days = Counter(r["date"] for r in dated if r.get("date_precision") == "day")
    if days:
        day = _most(days)
        date, precision = day, "day"
        by = next(r for r in dated if r["date"] == day and r.get("date_precision") == "day")
    elif dated:
        by = min(dated, key=lambda r: (_PRECISION_RANK.get(r.get("date_precision") or "year", 5), r["date"]))
        date, precision = by["date"], by.get("date_precision")
    else:
        date = precision = by = None
    basis = by.get("date_basis") if by else None
    published_source = by.get("published_source") if by else None
    date_inferred = bool(by) and (basis == "publication" or (basis == "relative" and published_source in INFERRED_SOURCES))
    located = [r for r in members if r.get("location_name")]
    place = None
    if located:
        names = Counter(r["location_name"] for r in located)
        place = min(located, key=lambda r: (r.get("geo_precision") or 9, r.get("feature") == "country"
                                            or r["location_name"] == r.get("country"), -names[r["location_name"]],
                                            r["location_name"], r["report_id"]))
    actors: dict[tuple[str, str], dict[str, Any]] = {}
    for r in members:
        seen = set()
        for a in r.get("actors") or []:
            if not a.get("name"):
                continue
            key = (" ".join(str(a["name"]).casefold().split()), a.get("role") or "")
            if key in seen:
                continue
            seen.add(key)
            entry = actors.setdefault(key, {"name": a["name"], "role": a.get("role"), "actor_type": a.get("actor_type"),
                                            "inter_code": a.get("inter_code"), "reports": 0})
            entry["reports"] += 1
    actor_list = sorted(actors.values(), key=lambda a: (-a["reports"], a["role"] or "", a["name"]))

    def lead(role: str) -> dict[str, Any] | None:
        return next((a for a in actor_list if a["role"] == role), None)

    a1, a2 = lead("actor1"), lead("actor2")
    claimants: list[str] = []
    for r in members:
        for c in r.get("claimants") or []:
            if c and c not in claimants:
                claimants.append(c)
        for f in r.get("figures") or []:
            if f.get("claimant") and f["claimant"] not in claimants:
                claimants.append(f["claimant"])
    outlets = sorted({o for o in (_outlet(r) for r in members) if o})
    claims = [dict(f, doc_id=r["doc_id"], local_id=r["local_id"]) for r in members for f in r.get("figures") or []]
    figures = aggregate(claims)
    killed = figures.get("killed") or {}
    lead_report = max(members, key=lambda r: (r.get("confidence") or 0.0, -members.index(r)))
    search = " ".join(str(v) for v in [
        event_id, event_type, sub_event_type, place and place.get("location_name"),
        place and place.get("country"), place and place.get("admin1"), *(a["name"] for a in actor_list), *claimants,
        *outlets, *(r.get("evidence_text") or r.get("summary") or "" for r in members)] if v).casefold()
    dates = sorted(r["date"] for r in dated)
    row = (
        event_id, block, event_type, sub_event_type, date, dates[0] if dates else None,
        dates[-1] if dates else None, precision, all(bool(r.get("background")) for r in members),
        place and place.get("location_name"), place and place.get("country"), place and place.get("country_code"),
        place and place.get("admin1"), place and place.get("lat"), place and place.get("lon"),
        place and place.get("geo_precision"), max((r.get("confidence") or 0.0) for r in members),
        len(members), len({r["doc_id"] for r in members}), len(outlets), json.dumps(outlets, ensure_ascii=False),
        json.dumps(actor_list, ensure_ascii=False), json.dumps(claimants, ensure_ascii=False),
        a1 and a1["name"], a2 and a2["name"], a1 and a1["inter_code"], a2 and a2["inter_code"],
        killed.get("low"), killed.get("best"), killed.get("high"),
        any(f["conflicting"] for f in figures.values()), lead_report.get("summary"), search,
        basis, published_source, date_inferred, place and place.get("location_confidence"),
    )
    report_rows = [(event_id, r["report_id"], r["doc_id"], r["local_id"]) for r in members]
    figure_rows = [(event_id, f["kind"], f["low"], f["best"], f["high"], f["n_claims"], f["n_distinct"],
                    f["conflicting"], f["civilians_best"], f["children_best"], json.dumps(f["parts"], ensure_ascii=False))
                   for f in figures.values()]
    return row, report_rows, figure_rows


def merge_block(reports: list[dict[str, Any]], block: str | None = None):
    """Rows for `events`, `event_reports`, `event_figures` from the reports of one block."""
    events, links, figures = [], [], []
    if not reports:
        return events, links, figures
    block = block if block is not None else block_of(reports[0])
    for members in cluster_block(reports):
        row, report_rows, figure_rows = describe(members, block)
        events.append(row)
        links.extend(report_rows)
        figures.extend(figure_rows)
    return events, links, figures
