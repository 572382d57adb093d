"""The row format of a `DocResult`: what engines write (Parquet partitions, Ray) and the ledger reads.

One flat row per document, so that any engine can write it with pyarrow and the ledger can load
it with DuckDB. Columns (all strings unless said):

| column | what |
|---|---|
| `doc_id` | `content_id` of the original bytes (the ledger's key) |
| `source` | where it came from: a path, `file.jsonl:12`, `file.warc.gz#<record-id>` |
| `content` | the original document text as given (decoded); null if it could not be decoded |
| `content_type` | `html` or `text` (null when unknown) |
| `url`, `outlet`, `published` | metadata from the corpus, if any (published: ISO date as given) |
| `extraction_json` | `json.dumps(Extraction.to_dict())`, or null for a failed document |
| `error_code`, `error_message` | why it failed (null when it did not) |
| `pipeline_version` | `eventledger.pipeline.PIPELINE_VERSION` at extraction time |
| `published_source` | where `published` came from (`RawDocument.published_source`) |

`result_to_row(r)` and `row_to_result(row)` are inverses (`row_to_result(result_to_row(r)) == r`
for every field the row carries).
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from functools import lru_cache
from typing import Any

from ..records import DocResult, Extraction, RawDocument

COLUMNS = (
    "doc_id", "source", "content", "content_type", "url", "outlet", "published",
    "extraction_json", "error_code", "error_message", "pipeline_version", "published_source",
)

PIPELINE_VERSION_FALLBACK = "0.1.0"


def _pipeline_version() -> str:
    try:  # the pipeline module imports the whole model stack; fall back if it is not importable
        from ..pipeline import PIPELINE_VERSION

        return PIPELINE_VERSION
    except Exception:  # pragma: no cover - only while the pipeline is incomplete
        return PIPELINE_VERSION_FALLBACK


def arrow_schema():
    """The pyarrow schema of a row (every column a nullable string)."""
    import pyarrow as pa

    return pa.schema([(name, pa.string()) for name in COLUMNS])


def result_to_row(result: DocResult, pipeline_version: str | None = None,
                  extraction_dict: dict[str, Any] | None = None) -> dict[str, Any]:
    """The row of `result`. `extraction_dict` (its `Extraction.to_dict()`, if the caller already
    has it) saves converting twice."""
    raw = result.raw
    extraction = result.extraction
    return {
        "doc_id": result.doc_id,
        "source": result.source,
        "content": raw.content if raw else None,
        "content_type": raw.content_type if raw else None,
        "url": raw.url if raw else None,
        "outlet": raw.outlet if raw else None,
        "published": raw.published if raw else None,
        "extraction_json": json.dumps(extraction_dict if extraction_dict is not None else extraction.to_dict(),
                                      ensure_ascii=False) if extraction is not None else None,
        "error_code": result.error_code,
        "error_message": result.error_message,
        "pipeline_version": pipeline_version or _pipeline_version(),
        "published_source": raw.published_source if raw else None,
    }


# ---- dict -> dataclasses ----------------------------------------------------------------------

@lru_cache(maxsize=None)
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _build(tp: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(tp)
    if origin is typing.Union or origin is types.UnionType:
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        return _build(args[0], value) if len(args) == 1 else value
    if origin is list:
        (item,) = typing.get_args(tp) or (Any,)
        return [_build(item, v) for v in value]
    if dataclasses.is_dataclass(tp) and isinstance(value, dict):
        return from_dict(tp, value)
    return value


def from_dict(cls: type, data: dict[str, Any]) -> Any:
    """Rebuild a records dataclass (and everything nested in it) from its `asdict` form.
    Unknown keys are ignored, so rows written by a newer pipeline still load."""
    hints = _hints(cls)
    kwargs = {}
    for f in dataclasses.fields(cls):
        if f.name in data:
            kwargs[f.name] = _build(hints[f.name], data[f.name])
    return cls(**kwargs)


def extraction_from_dict(data: dict[str, Any]) -> Extraction:
    return from_dict(Extraction, data)


def row_to_result(row: dict[str, Any]) -> DocResult:
    content = row.get("content")
    raw = None
    if content is not None or row.get("url") or row.get("outlet") or row.get("published"):
        raw = RawDocument(content=content if content is not None else "", content_type=row.get("content_type") or "text",
                          url=row.get("url"), outlet=row.get("outlet"), published=row.get("published"),
                          doc_id=row.get("doc_id"), published_source=row.get("published_source"))
    text = row.get("extraction_json")
    extraction = extraction_from_dict(json.loads(text)) if text else None
    return DocResult(doc_id=row["doc_id"], raw=raw, extraction=extraction, error_code=row.get("error_code"),
                     error_message=row.get("error_message"), source=row.get("source"))


__all__ = ["COLUMNS", "arrow_schema", "result_to_row", "row_to_result", "from_dict", "extraction_from_dict"]
