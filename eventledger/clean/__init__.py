"""Cleaning stage: a `RawDocument` in, a `CleanResult` out (the article and what was dropped, why)."""

from __future__ import annotations

import re

from ..errors import InputError
from ..records import CleanResult, RawDocument
from .assemble import assemble, judge_units
from .brief import read_as_brief
from .html import parse_html
from .language_check import english_score
from .units import split_units

MIN_ENGLISH_SCORE = 0.12  # share of very common English words; English news runs 0.3-0.5


def clean(raw: RawDocument) -> CleanResult:
    """Clean one document. Raises `InputError` when nothing article-like is left."""
    metadata = None
    if raw.content_type == "html":
        parts = parse_html(raw.content)
        judged, source, date_line = read_as_brief(*_judge(parts.units, markup=True))
        metadata = _iso_day(parts.published)
        result = assemble(
            judged, source=source or parts.sitename, published=None,
            url=raw.url or parts.url, outlet=raw.outlet or parts.sitename, extra_removed=parts.removed,
        )
    else:
        judged, source, date_line = read_as_brief(*_judge(split_units(raw.content)))
        result = assemble(judged, source=source, published=None, url=raw.url, outlet=raw.outlet)
    article = result.article
    article.published, article.published_source = _publication_date(raw, metadata, date_line, judged)
    body = " ".join(p.text for p in article.paragraphs if p.kind == "body")
    if not body.strip():
        raise InputError("no article text: nothing but boilerplate was found", "no_text")
    score = english_score(body)
    if score < MIN_ENGLISH_SCORE:
        article.language = "unknown"
        result.warnings.append(f"not English: only {score:.0%} common English words; extraction skipped")
    return result


def _judge(units, markup: bool = False):
    """`judge_units`, and again without teaser runs when those took every paragraph: a "Related
    News" line above the story is no reason to refuse the page."""
    judged, source, date_line = judge_units(units, markup=markup)
    if not any(item.kind == "body" for item in judged) and any(item.reason == "teaser" for item in judged):
        rejudged = judge_units(units, teaser_runs=False, markup=markup)
        if any(item.kind == "body" for item in rejudged[0]):
            return rejudged
    return judged, source, date_line


# Dates a document is given with that yield to a date the document carries itself: the default
# of an `ingest --published` run, and a WARC record's crawl date (the page was published before).
_FALLBACK_SOURCES = ("ingest_default", "warc_date")
_DATELINE_DATE = re.compile(
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2},\s*\d{4}|\d{1,2}\s+"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{4}", re.I)


def _publication_date(raw: RawDocument, metadata: str | None, date_line: str | None, judged) -> tuple[str | None, str | None]:
    """The article's publication date and where it came from: the date it was given with, else
    (or over a fallback date) the page's HTML metadata, a "Published ..." line, a dated wire
    dateline ("KYIV, March 14, 2025 (Reuters) -")."""
    given = _iso_day(raw.published) or raw.published
    source = raw.published_source or ("given" if given else None)
    if given and source not in _FALLBACK_SOURCES:
        return given, source
    if metadata:
        return metadata, "html_metadata"
    if date_line:
        found = _date_from_line(date_line)
        if found:
            return found, "published_line"
    for item in judged:
        if item.kind == "removed" and item.reason == "dateline" and item.unit.text != date_line:
            match = _DATELINE_DATE.search(item.unit.text)
            found = _date_from_line(match.group(0)) if match else None
            if found:
                return found, "dateline"
    return (given, source) if given else (None, None)


def _iso_day(value: str | None) -> str | None:
    match = re.match(r"\s*(\d{4}-\d{2}-\d{2})", value or "")
    return match.group(1) if match else None


def _date_from_line(line: str) -> str | None:
    import dateparser  # only for the rare page whose date sits in the text

    line = re.sub(r"^\s*(?:updated|published|posted|last updated)\s*(?:on)?\s*:?\s*", "", line, flags=re.I)
    parsed = dateparser.parse(line, languages=["en"], settings={"PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False})
    return parsed.date().isoformat() if parsed else None
