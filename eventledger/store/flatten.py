"""A `DocResult` (or its row) into the rows of the ledger's per-document tables."""

from __future__ import annotations

import json
import re
from datetime import datetime, timezone
from typing import Any

from .schema import PER_DOCUMENT, columns

COLS = {table: columns(table) for table in PER_DOCUMENT}
INLINE_MAX = 16_384  # characters a long value keeps in its own row; longer ones go to `texts`
PART_CHARS = 1_000  # at most 4,000 bytes of UTF-8: DuckDB stores such strings inside its blocks


def split_parts(value: str, at_spaces: bool = False) -> list[str]:
    """`value` in parts of at most `PART_CHARS` characters; with `at_spaces`, each part ends
    after a space or line break when one falls in its second half (a word is never cut)."""
    parts, start, size = [], 0, len(value)
    while start < size:
        end = min(start + PART_CHARS, size)
        if at_spaces and end < size:
            cut = max(value.rfind(" ", start + PART_CHARS // 2, end), value.rfind("\n", start + PART_CHARS // 2, end))
            if cut >= 0:
                end = cut + 1
        parts.append(value[start:end])
        start = end
    return parts


def _inline(value: Any, doc_id: str, field: str, out: dict[str, list[tuple]]) -> Any:
    """The value a row keeps: itself, or None when it is long and goes to `texts` in parts."""
    if not isinstance(value, str) or len(value) <= INLINE_MAX:
        return value
    for part, chunk in enumerate(split_parts(value, at_spaces=field == "text")):
        out["texts"].append((doc_id, field, part, chunk))
    return None


def report_id(doc_id: str, local_id: str) -> str:
    """The key of an article's event; equal to `serve.memory.event_key(doc_id, local_id)`."""
    return f"{doc_id[:16]}-{local_id}"


def _ev(value: dict | None) -> tuple[Any, Any, Any]:
    if not value:
        return None, None, None
    return value.get("start"), value.get("end"), value.get("text")


def _int(value: Any) -> int | None:
    if value is None:
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _big(value: Any) -> int | None:
    number = _int(value)
    if number is None or abs(number) >= 2**63:
        return None
    return number


_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")


def date_basis(event: dict[str, Any]) -> str | None:
    """What an article's event date rests on: "stated" (the text gives it with its year),
    "relative" (the text gives it relative to the publication date: "on Tuesday", "May 1"),
    "publication" (the text gives none: the publication date), None (undated)."""
    if not event.get("date"):
        return None
    if event.get("date_precision") == "publication":
        return "publication"
    text = (event.get("date_evidence") or {}).get("text") or ""
    return "stated" if _YEAR.search(text) else "relative"


def flatten(row: dict[str, Any], extraction: dict[str, Any] | None, seq: int,
            now: datetime | None = None) -> dict[str, list[tuple]]:
    """`row` is a `store.rows` row (doc_id, source, content, ..., error_code, pipeline_version);
    `extraction` the parsed `extraction_json` (None for a failed document)."""
    now = now or datetime.now(timezone.utc).replace(tzinfo=None)
    doc_id = row["doc_id"]
    out: dict[str, list[tuple]] = {table: [] for table in PER_DOCUMENT}
    status = "ok" if extraction is not None else "error"
    error_code = row.get("error_code")
    if extraction is None and not error_code:
        error_code = "no_extraction"
    out["documents"].append((
        doc_id, seq, row.get("source"), _inline(row.get("content"), doc_id, "content", out), row.get("content_type"), row.get("url"), row.get("outlet"),
        row.get("published"), status, error_code if status == "error" else None,
        row.get("error_message") if status == "error" else None, row.get("pipeline_version"), now,
        row.get("published_source") if row.get("published") else None,
    ))
    if extraction is None:
        return out
    article = extraction.get("article") or {}
    events = extraction.get("events") or []
    statements = extraction.get("statements") or []
    out["articles"].append((
        doc_id, article.get("title"), article.get("standfirst"), _inline(article.get("text"), doc_id, "text", out),
        article.get("published") or row.get("published"), article.get("url") or row.get("url"),
        article.get("outlet") or row.get("outlet"), article.get("original_source"), article.get("language"),
        len(events), len(statements), len(extraction.get("removed") or []),
        json.dumps(extraction.get("warnings") or [], ensure_ascii=False),
        _inline(row.get("extraction_json") or json.dumps(extraction, ensure_ascii=False), doc_id, "extraction_json", out),
        article.get("published_source") if article.get("published")
        else (row.get("published_source") if row.get("published") else None),
    ))
    for event in events:
        local = str(event.get("id"))
        loc = event.get("location") or {}
        evidence = event.get("evidence") or []
        trigger = event.get("trigger") or {}
        compact = {k: v for k, v in event.items() if k not in ("figures", "actors")}
        out["reports"].append((
            report_id(doc_id, local), doc_id, local, event.get("event_type"), event.get("sub_event_type"),
            event.get("confidence"), event.get("date"), event.get("date_precision"), bool(event.get("background")),
            loc.get("name"), loc.get("mention"), loc.get("country"), loc.get("country_code"), loc.get("admin1"),
            loc.get("lat"), loc.get("lon"), _int(loc.get("precision")), loc.get("feature"), _big(loc.get("geonameid")),
            json.dumps(event.get("claimants") or [], ensure_ascii=False), trigger.get("text"),
            evidence[0].get("text") if evidence else None, json.dumps(compact, ensure_ascii=False),
            date_basis(event), loc.get("confidence"),
        ))
        for idx, actor in enumerate(event.get("actors") or []):
            out["actors"].append((doc_id, local, idx, actor.get("name"), actor.get("role"), actor.get("mention"),
                                  actor.get("actor_type"), _int(actor.get("inter_code")), actor.get("country"),
                                  *_ev(actor.get("evidence"))))
        for idx, figure in enumerate(event.get("figures") or []):
            sentence = figure.get("sentence") or {}
            out["figures"].append((doc_id, local, idx, figure.get("kind"), _big(figure.get("count")),
                                   _big(figure.get("low")), _big(figure.get("high")), _big(figure.get("civilians")),
                                   _big(figure.get("children")), figure.get("claimant"), bool(figure.get("hedged")),
                                   bool(figure.get("background")), *_ev(figure.get("evidence")),
                                   *_ev(figure.get("claimant_evidence")), sentence.get("text"), figure.get("group"),
                                   bool(figure.get("part")), figure.get("confidence")))
        for idx, sentence in enumerate(evidence):
            out["evidence"].append((doc_id, local, "sentence", idx, *_ev(sentence)))
        if trigger:
            out["evidence"].append((doc_id, local, "trigger", 0, *_ev(trigger)))
        if event.get("date_evidence"):
            out["evidence"].append((doc_id, local, "date", 0, *_ev(event["date_evidence"])))
        if loc.get("evidence"):
            out["evidence"].append((doc_id, local, "location", 0, *_ev(loc["evidence"])))
    for idx, statement in enumerate(statements):
        sentence = statement.get("sentence") or {}
        ev_start, ev_end, _ = _ev(statement.get("evidence"))
        out["statements"].append((doc_id, idx, statement.get("speaker"), statement.get("kind"), statement.get("target"),
                                  statement.get("text"), ev_start, ev_end, *_ev(statement.get("speaker_evidence")),
                                  sentence.get("text"), json.dumps(statement, ensure_ascii=False),
                                  statement.get("confidence")))
    return out
