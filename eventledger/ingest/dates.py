"""Dates where they enter: a publication date (a corpus field, `--published`, the API) must be a
real calendar day. "2026-02-30" was stored as given, and "spring 2013" failed deep inside the
extractor; both are now refused where they come in, with the reason.

The same check serves the date filters (`--from`/`--to`, `date_from`/`date_to` in the API)."""

from __future__ import annotations

import re
from datetime import date, datetime

from ..errors import InputError

FIRST_YEAR, LAST_YEAR = 1800, 2200  # a news archive's range; beyond it date arithmetic overflows
_PARTIAL = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def day_or_none(value: str | None) -> str | None:
    """`value` as YYYY-MM-DD if it is a real day (an ISO date, or an ISO date-time whose date part
    is taken) in FIRST_YEAR..LAST_YEAR; otherwise None."""
    if not isinstance(value, str):
        return None
    text = value.strip()
    try:
        day = date.fromisoformat(text[:10]) if len(text) >= 10 and text[4:5] == "-" else None
        if day is not None and len(text) > 10:
            datetime.fromisoformat(text)  # the rest must be a time
    except ValueError:
        return None
    if day is None or not FIRST_YEAR <= day.year <= LAST_YEAR:
        return None
    return day.isoformat()


def published_day(value: str | None, what: str = "published date") -> str | None:
    """A publication date checked: None stays None, a real day comes back as YYYY-MM-DD, anything
    else raises `InputError` (code "bad_date")."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    day = day_or_none(value)
    if day is None:
        raise InputError(f"{what} {value!r} is not a real date (YYYY-MM-DD, {FIRST_YEAR}-{LAST_YEAR})", "bad_date")
    return day


def is_date_prefix(text: str) -> bool:
    """YYYY, YYYY-MM or YYYY-MM-DD, each part real (for date filters)."""
    match = _PARTIAL.fullmatch(text or "")
    if not match:
        return False
    year, month, day = match.groups()
    if not FIRST_YEAR <= int(year) <= LAST_YEAR:
        return False
    if day is not None:
        return day_or_none(text) is not None
    return month is None or 1 <= int(month) <= 12


__all__ = ["day_or_none", "published_day", "is_date_prefix"]
