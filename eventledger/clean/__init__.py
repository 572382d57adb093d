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
    if raw.content_type == "html":
        parts = parse_html(raw.content)
        judged, source, date_line = read_as_brief(*judge_units(parts.units))
        result = assemble(
            judged, source=source or parts.sitename, published=raw.published or parts.published,
            url=raw.url or parts.url, outlet=raw.outlet or parts.sitename, extra_removed=parts.removed,
        )
    else:
        judged, source, date_line = read_as_brief(*judge_units(split_units(raw.content)))
        result = assemble(judged, source=source, published=raw.published, url=raw.url, outlet=raw.outlet)
    article = result.article
    if not article.published and date_line:
        article.published = _date_from_line(date_line)
    body = " ".join(p.text for p in article.paragraphs if p.kind == "body")
    if not body.strip():
        raise InputError("no article text: nothing but boilerplate was found", "no_text")
    score = english_score(body)
    if score < MIN_ENGLISH_SCORE:
        article.language = "unknown"
        result.warnings.append(f"not English: only {score:.0%} common English words; extraction skipped")
    return result


def _date_from_line(line: str) -> str | None:
    import dateparser  # only for the rare page whose date sits in the text

    line = re.sub(r"^\s*(?:updated|published|posted|last updated)\s*(?:on)?\s*:?\s*", "", line, flags=re.I)
    parsed = dateparser.parse(line, languages=["en"], settings={"PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False})
    return parsed.date().isoformat() if parsed else None
