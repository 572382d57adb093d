"""The pipeline: ingest -> clean -> language/extract -> resolve, one document at a time.

`process()` is what corpus runs call for each document; `extract()` is the friendly entry point
for one article given as text or HTML."""

from __future__ import annotations

from .clean import clean
from .errors import InputError
from .extraction.analyse import analyse
from .ingest.decode import to_raw_document
from .knowledge.capitals import government_of
from .records import DocResult, Extraction, RawDocument
from .resolve.calibration import calibrate_statements
from .resolve.events import resolve_events
from .resolve.names import fold_statement_names

PIPELINE_VERSION = "0.1.0"


def process(raw: RawDocument) -> Extraction:
    """Clean and extract one document. Raises `InputError` when it is not a readable article."""
    cleaned = clean(raw)
    result = Extraction(article=cleaned.article, removed=cleaned.removed, warnings=list(cleaned.warnings), doc_id=raw.doc_id)
    if cleaned.article.language != "en":
        return result  # flagged, not mined: the extractors read English only
    findings = analyse(cleaned.article, metonym=government_of)
    result.statements = fold_statement_names(findings.statements)
    calibrate_statements(result.statements)
    result.events = resolve_events(cleaned.article, findings.events, result.statements, findings.settings)
    return result


def run_one(raw: RawDocument, source: str | None = None) -> DocResult:
    """Process one corpus document without ever raising: a failure becomes a `DocResult` with its
    reason, so one bad document never takes a batch down with it."""
    doc_id = raw.doc_id or ""
    try:
        return DocResult(doc_id=doc_id, raw=raw, extraction=process(raw), source=source)
    except InputError as exc:
        return DocResult(doc_id=doc_id, raw=raw, error_code=exc.code, error_message=str(exc), source=source)
    except Exception as exc:  # a bug on one document must not stop the corpus; keep the reason
        message = f"{type(exc).__name__}: {exc}".splitlines()[0][:500]
        return DocResult(doc_id=doc_id, raw=raw, error_code="internal", error_message=message, source=source)


def extract(
    text_or_html: str | bytes,
    published: str | None = None,
    *,
    url: str | None = None,
    outlet: str | None = None,
    content_type: str | None = None,
) -> Extraction:
    """Extract events and statements from one article (plain text or an HTML page).

    `published` (YYYY-MM-DD) anchors relative dates ("on Tuesday", "today"); pages that carry
    their own date do not need it. Raises `eventledger.errors.InputError` for unreadable input.
    """
    raw = to_raw_document(text_or_html, url=url, outlet=outlet, published=published, content_type=content_type)
    return process(raw)


__all__ = ["extract", "process", "run_one", "InputError", "PIPELINE_VERSION"]
