"""Rebuild the merged tables (`events`, `event_reports`, `event_figures`) from stored reports.

Incremental and exact: the blocks (event type, country; `merge.cluster.block_of`) that received
reports since the last merge are rebuilt whole, so the result equals a full rebuild (`full=True`).
A ledger merged by other clustering rules (`merge.cluster.MERGE_VERSION`) is rebuilt whole. Blocks
are read in chunks of about 20,000 reports, so memory stays bounded however large the ledger. The
merge runs in one transaction: a merge killed half-way leaves the previous merged tables, and the
next merge redoes it."""

from __future__ import annotations

import json
import time
from typing import Any

import duckdb

from ..merge import merge_block
from ..merge.cluster import MERGE_VERSION, block_sql
from .db import get_meta, insert, set_meta

BLOCK_SQL = block_sql("r")  # = merge.cluster.block_of

# The reports of a range of dirty blocks (`_todo.block_no` between ? and ?), with their actors,
# figures and sentences, ordered by block: one query per chunk of blocks keeps memory bounded.
_CHUNK_SQL = """
WITH todo AS (SELECT doc_id, local_id, block FROM _todo WHERE block_no BETWEEN ? AND ?),
ac AS (
    SELECT doc_id, local_id,
           list(struct_pack(name := name, role := role, actor_type := actor_type, inter_code := inter_code) ORDER BY idx) AS actors
    FROM actors SEMI JOIN todo USING (doc_id, local_id) GROUP BY doc_id, local_id
),
fg AS (
    SELECT doc_id, local_id,
           list(struct_pack(kind := kind, count := count, low := low, high := high, civilians := civilians,
                            children := children, claimant := claimant, hedged := hedged, background := background,
                            "group" := "group", part := part, sentence := sentence) ORDER BY idx) AS figures
    FROM figures SEMI JOIN todo USING (doc_id, local_id) GROUP BY doc_id, local_id
),
ev AS (
    SELECT doc_id, local_id, string_agg(text, ' ' ORDER BY idx) AS evidence_text
    FROM evidence SEMI JOIN todo USING (doc_id, local_id) WHERE role = 'sentence' GROUP BY doc_id, local_id
)
SELECT r.report_id, r.doc_id, r.local_id, r.event_type, r.sub_event_type, r.confidence, r.date, r.date_precision,
       r.background, r.location_name, r.country, r.country_code, r.admin1, r.lat, r.lon, r.geo_precision,
       r.feature, r.geonameid, r.claimants, r.summary, r.date_basis, r.location_confidence, todo.block,
       coalesce(a.original_source, a.outlet, d.outlet) AS outlet, coalesce(a.url, d.url) AS url, a.title,
       coalesce(a.published, d.published) AS published, coalesce(a.published_source, d.published_source) AS published_source,
       ac.actors, fg.figures, ev.evidence_text
FROM todo JOIN reports r USING (doc_id, local_id) JOIN documents d USING (doc_id) LEFT JOIN articles a USING (doc_id)
     LEFT JOIN ac USING (doc_id, local_id) LEFT JOIN fg USING (doc_id, local_id) LEFT JOIN ev USING (doc_id, local_id)
ORDER BY todo.block, r.report_id
"""


def max_seq(con: duckdb.DuckDBPyConnection) -> int:
    return int(con.execute("SELECT coalesce(max(seq), -1) FROM documents").fetchone()[0])


def is_stale(con: duckdb.DuckDBPyConnection) -> bool:
    return int(get_meta(con, "merged_seq", "-1")) < max_seq(con) or _other_rules(con)


def _other_rules(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether the merged tables were made by other clustering rules (an older eventledger)."""
    return get_meta(con, "merge_version", MERGE_VERSION if max_seq(con) < 0 else None) != MERGE_VERSION


def _chunks(sizes: list[tuple[int, int]], limit: int) -> list[tuple[int, int]]:
    """Consecutive block numbers grouped into runs of about `limit` reports (a block is never split)."""
    out, first, total = [], None, 0
    for number, count in sizes:
        if first is None:
            first = number
        total += count
        if total >= limit:
            out.append((first, number))
            first, total = None, 0
    if first is not None:
        out.append((first, sizes[-1][0]))
    return out


def remerge(con: duckdb.DuckDBPyConnection, full: bool = False, flush_every: int = 5000,
            chunk_reports: int = 20000) -> dict[str, Any]:
    started = time.perf_counter()
    merged_seq = int(get_meta(con, "merged_seq", "-1"))
    top = max_seq(con)
    full = full or _other_rules(con)
    if not full and merged_seq >= top:
        return {"blocks": 0, "reports": 0, "events": 0, "seconds": 0.0}
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute("CREATE OR REPLACE TEMP TABLE _dirty AS SELECT DISTINCT "
                    f"{BLOCK_SQL} AS block FROM reports r JOIN documents d USING (doc_id) WHERE d.seq > ? OR ?",
                    [merged_seq, full])
        con.execute(f"CREATE OR REPLACE TEMP TABLE _todo AS SELECT r.doc_id, r.local_id, {BLOCK_SQL} AS block, "
                    f"dense_rank() OVER (ORDER BY {BLOCK_SQL}) AS block_no FROM reports r "
                    f"WHERE {BLOCK_SQL} IN (SELECT block FROM _dirty)")
        sizes = con.execute("SELECT block_no, count(*) FROM _todo GROUP BY block_no ORDER BY block_no").fetchall()
        for table in ("event_figures", "event_reports"):
            con.execute(f"DELETE FROM {table} WHERE event_id IN (SELECT event_id FROM events WHERE block IN (SELECT block FROM _dirty))")
        con.execute("DELETE FROM events WHERE block IN (SELECT block FROM _dirty)")
        if full:
            con.execute("DELETE FROM event_figures")
            con.execute("DELETE FROM event_reports")
            con.execute("DELETE FROM events")
        out: dict[str, list[tuple]] = {"events": [], "event_reports": [], "event_figures": []}
        stats = {"blocks": 0, "reports": 0, "events": 0}

        def flush() -> None:
            for table, rows in out.items():
                insert(con, table, rows)
                rows.clear()

        def close_block(block: str, reports: list[dict[str, Any]]) -> None:
            events, links, figures = merge_block(reports, block)
            out["events"].extend(events)
            out["event_reports"].extend(links)
            out["event_figures"].extend(figures)
            stats["blocks"] += 1
            stats["reports"] += len(reports)
            stats["events"] += len(events)
            if len(out["event_reports"]) >= flush_every:
                flush()

        for first, last in _chunks(sizes, chunk_reports):
            current, reports = None, []
            result = con.execute(_CHUNK_SQL, [first, last])  # one chunk in memory, then written
            names = [d[0] for d in result.description]
            for values in result.fetchall():
                row = dict(zip(names, values))
                row["claimants"] = json.loads(row["claimants"]) if row.get("claimants") else []
                row["actors"] = row.get("actors") or []
                row["figures"] = row.get("figures") or []
                if row["block"] != current:
                    if reports:
                        close_block(current, reports)
                    current, reports = row["block"], []
                reports.append(row)
            if reports:
                close_block(current, reports)
        flush()
        con.execute("DROP TABLE IF EXISTS _todo")
        con.execute("DROP TABLE IF EXISTS _dirty")
        set_meta(con, "merged_seq", str(top))
        set_meta(con, "merge_version", MERGE_VERSION)
        set_meta(con, "merged_at", time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()))
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    stats["seconds"] = round(time.perf_counter() - started, 3)
    return stats
