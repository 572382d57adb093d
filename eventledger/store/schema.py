"""The ledger's DuckDB schema.

Per document (written once, keyed by `doc_id`, the content hash; `documents.doc_id` is the primary
key, the one constraint: indexes cost memory and checkpoint time as the ledger grows):

- `documents`: every document seen, ok or failed: the original content as given, where it came
  from, its status and, for a failure, why (`error_code`, `error_message`); `published_source`
  says where the `published` it was given with came from.
- `articles`: the cleaned article of each extracted document, with the whole extraction as JSON;
  `published_source`: where its publication date came from (given with the document, or
  inferred: html_metadata, published_line, dateline, warc_date).
- `reports`: each article's events (an article's event is a *report* of a ledger event); key
  `report_id` = `<doc_id[:16]>-<local id>` (the same key `serve.memory.event_key` gives);
  `date_basis`: stated (the text gives the date with its year), relative (resolved against the
  publication date: "on Tuesday"), publication (no date in the text: the publication date), or
  null (undated); `location_confidence`: the calibrated chance its place is the one an annotator
  codes (null: placed nowhere).
- `actors`, `figures`: per report, with the evidence (offsets into `articles.text` and the text);
  a figure's `group` is who it counts (civilians, security_forces, militants, attackers,
  protesters, total); `part`: it breaks down a toll the report states beside it ("including one
  soldier"), counted within that toll; `confidence`: the calibrated chance the figure is right.
- `statements`: per article; `confidence`: the calibrated chance an annotator codes the statement,
  of its kind.
- `evidence`: the sentences (and trigger, date and place spans) that report each event.
- `texts`: long values in parts. A document's original (`documents.content`), its cleaned text
  (`articles.text`) or its extraction (`articles.extraction_json`) longer than
  `flatten.INLINE_MAX` characters is NULL in its row and stored here instead, as `part` 0, 1, ...
  of at most `flatten.PART_CHARS` characters (`field` names the column; `articles.text` is cut
  after a space, so a word is never split). DuckDB holds every string of a 2,048-row vector in
  memory at once, when it scans and when it checkpoints: a few hundred pages of several megabytes
  in one column exceed any memory cap, while short parts never do. Read a value back with
  `string_agg(chunk, '' ORDER BY part)`, or `Ledger.article()`.

Merged across outlets (rebuilt by `merge`, deterministic from the tables above):

- `events`: ledger events; `event_id` is the `report_id` of its first report (smallest key);
  `block` is the merge block (event type, country) it was built in; `date_basis` and
  `published_source` of the report its date comes from, `date_inferred` when that date rests on
  a publication date (the publication date itself, or a relative date resolved against an
  inferred one); `date` null: undated; `location_confidence` that of the report its place comes
  from.
- `event_reports`: which reports make each ledger event.
- `event_figures`: per ledger event and figure kind, low/best/high over the claims (UCDP style:
  victim groups are parts that add up, claims about one group a range); `parts` (JSON) gives
  each group's low/best/high; the claims themselves are the `figures` rows of its reports.

`meta` holds the schema version and whether the merged tables are up to date.
"""

from __future__ import annotations

SCHEMA_VERSION = "4"
# Version 2 added, each at the end of its table: documents/articles.published_source,
# reports.date_basis, figures.group, events.date_basis/published_source/date_inferred,
# event_figures.parts; version 3 figures.part and figures.confidence; version 4 reports.location_confidence,
# events.location_confidence and statements.confidence. `db.connect` adds missing columns to an older
# ledger file.

TABLES: dict[str, list[tuple[str, str]]] = {
    "documents": [
        ("doc_id", "VARCHAR PRIMARY KEY"), ("seq", "BIGINT"), ("source", "VARCHAR"), ("content", "VARCHAR"),
        ("content_type", "VARCHAR"), ("url", "VARCHAR"), ("outlet", "VARCHAR"), ("published", "VARCHAR"),
        ("status", "VARCHAR"), ("error_code", "VARCHAR"), ("error_message", "VARCHAR"),
        ("pipeline_version", "VARCHAR"), ("ingested_at", "TIMESTAMP"), ("published_source", "VARCHAR"),
    ],
    "articles": [
        ("doc_id", "VARCHAR"), ("title", "VARCHAR"), ("standfirst", "VARCHAR"), ("text", "VARCHAR"),
        ("published", "VARCHAR"), ("url", "VARCHAR"), ("outlet", "VARCHAR"), ("original_source", "VARCHAR"),
        ("language", "VARCHAR"), ("n_events", "INTEGER"), ("n_statements", "INTEGER"), ("n_removed", "INTEGER"),
        ("warnings", "VARCHAR"), ("extraction_json", "VARCHAR"), ("published_source", "VARCHAR"),
    ],
    "reports": [
        ("report_id", "VARCHAR"), ("doc_id", "VARCHAR"), ("local_id", "VARCHAR"), ("event_type", "VARCHAR"),
        ("sub_event_type", "VARCHAR"), ("confidence", "DOUBLE"), ("date", "VARCHAR"), ("date_precision", "VARCHAR"),
        ("background", "BOOLEAN"), ("location_name", "VARCHAR"), ("location_mention", "VARCHAR"),
        ("country", "VARCHAR"), ("country_code", "VARCHAR"), ("admin1", "VARCHAR"), ("lat", "DOUBLE"),
        ("lon", "DOUBLE"), ("geo_precision", "INTEGER"), ("feature", "VARCHAR"), ("geonameid", "BIGINT"),
        ("claimants", "VARCHAR"), ("trigger_text", "VARCHAR"), ("summary", "VARCHAR"), ("event_json", "VARCHAR"),
        ("date_basis", "VARCHAR"), ("location_confidence", "DOUBLE"),
    ],
    "actors": [
        ("doc_id", "VARCHAR"), ("local_id", "VARCHAR"), ("idx", "INTEGER"), ("name", "VARCHAR"), ("role", "VARCHAR"),
        ("mention", "VARCHAR"), ("actor_type", "VARCHAR"), ("inter_code", "INTEGER"), ("country", "VARCHAR"),
        ("ev_start", "INTEGER"), ("ev_end", "INTEGER"), ("ev_text", "VARCHAR"),
    ],
    "figures": [
        ("doc_id", "VARCHAR"), ("local_id", "VARCHAR"), ("idx", "INTEGER"), ("kind", "VARCHAR"), ("count", "BIGINT"),
        ("low", "BIGINT"), ("high", "BIGINT"), ("civilians", "BIGINT"), ("children", "BIGINT"),
        ("claimant", "VARCHAR"), ("hedged", "BOOLEAN"), ("background", "BOOLEAN"),
        ("ev_start", "INTEGER"), ("ev_end", "INTEGER"), ("ev_text", "VARCHAR"),
        ("claimant_start", "INTEGER"), ("claimant_end", "INTEGER"), ("claimant_text", "VARCHAR"),
        ("sentence", "VARCHAR"), ("group", "VARCHAR"), ("part", "BOOLEAN"), ("confidence", "DOUBLE"),
    ],
    "statements": [
        ("doc_id", "VARCHAR"), ("idx", "INTEGER"), ("speaker", "VARCHAR"), ("kind", "VARCHAR"), ("target", "VARCHAR"),
        ("text", "VARCHAR"), ("ev_start", "INTEGER"), ("ev_end", "INTEGER"), ("speaker_start", "INTEGER"),
        ("speaker_end", "INTEGER"), ("speaker_text", "VARCHAR"), ("sentence", "VARCHAR"), ("statement_json", "VARCHAR"),
        ("confidence", "DOUBLE"),
    ],
    "evidence": [
        ("doc_id", "VARCHAR"), ("local_id", "VARCHAR"), ("role", "VARCHAR"), ("idx", "INTEGER"),
        ("ev_start", "INTEGER"), ("ev_end", "INTEGER"), ("text", "VARCHAR"),
    ],
    "events": [
        ("event_id", "VARCHAR"), ("block", "VARCHAR"), ("event_type", "VARCHAR"), ("sub_event_type", "VARCHAR"),
        ("date", "VARCHAR"), ("date_from", "VARCHAR"), ("date_to", "VARCHAR"), ("date_precision", "VARCHAR"),
        ("background", "BOOLEAN"), ("location_name", "VARCHAR"), ("country", "VARCHAR"), ("country_code", "VARCHAR"),
        ("admin1", "VARCHAR"), ("lat", "DOUBLE"), ("lon", "DOUBLE"), ("geo_precision", "INTEGER"),
        ("confidence", "DOUBLE"), ("n_reports", "INTEGER"), ("n_articles", "INTEGER"), ("n_outlets", "INTEGER"),
        ("outlets", "VARCHAR"), ("actors", "VARCHAR"), ("claimants", "VARCHAR"),
        ("actor1", "VARCHAR"), ("actor2", "VARCHAR"), ("inter1", "INTEGER"), ("inter2", "INTEGER"),
        ("fatalities_low", "BIGINT"), ("fatalities_best", "BIGINT"), ("fatalities_high", "BIGINT"),
        ("conflicting", "BOOLEAN"), ("summary", "VARCHAR"), ("search_text", "VARCHAR"),
        ("date_basis", "VARCHAR"), ("published_source", "VARCHAR"), ("date_inferred", "BOOLEAN"),
        ("location_confidence", "DOUBLE"),
    ],
    "event_reports": [
        ("event_id", "VARCHAR"), ("report_id", "VARCHAR"), ("doc_id", "VARCHAR"), ("local_id", "VARCHAR"),
    ],
    "event_figures": [
        ("event_id", "VARCHAR"), ("kind", "VARCHAR"), ("low", "BIGINT"), ("best", "BIGINT"), ("high", "BIGINT"),
        ("n_claims", "INTEGER"), ("n_distinct", "INTEGER"), ("conflicting", "BOOLEAN"), ("civilians_best", "BIGINT"),
        ("children_best", "BIGINT"), ("parts", "VARCHAR"),
    ],
    "texts": [("doc_id", "VARCHAR"), ("field", "VARCHAR"), ("part", "INTEGER"), ("chunk", "VARCHAR")],
    "meta": [("key", "VARCHAR PRIMARY KEY"), ("value", "VARCHAR")],
}

PER_DOCUMENT = ("documents", "articles", "reports", "actors", "figures", "statements", "evidence", "texts")
MERGED = ("events", "event_reports", "event_figures")


def columns(table: str) -> list[str]:
    return [name for name, _ in TABLES[table]]


def ddl() -> list[str]:
    statements = []
    for table, cols in TABLES.items():
        body = ", ".join(f'"{name}" {kind}' for name, kind in cols)
        statements.append(f"CREATE TABLE IF NOT EXISTS {table} ({body})")
    return statements
