"""When did it happen? Find date expressions in a sentence and resolve them against the
publication date with dateparser, keeping the precision the text supports (day, month, year)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

import dateparser

_MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december"
_MON = r"(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?"
_WEEKDAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
# Ordered from most to least specific; the first match in a sentence wins.
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (precision, re.compile(pattern, re.I))
    for precision, pattern in (
        ("day", rf"\b(?:{_MONTHS}|{_MON})\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?\b"),
        ("day", rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTHS}|{_MON})(?:,?\s+\d{{4}})?\b"),
        ("day", r"\b\d{4}-\d{2}-\d{2}\b"),
        ("day", rf"\b(?:last|on|this|early|late)?\s*(?:{_WEEKDAYS})(?:\s+(?:morning|afternoon|evening|night))?\b"),
        ("day", r"\b(?:today|yesterday|tonight|last night|this morning|this afternoon|this evening|overnight)\b"),
        ("week", r"\b(?:last|this|past)\s+week(?:end)?\b"),
        ("week", r"\b(?:at|over|during)\s+the\s+weekend\b"),
        ("month", rf"\b(?:in|since|during|early|late|mid-?)\s*(?:{_MONTHS})(?:\s+\d{{4}})?\b"),
        ("month", r"\b(?:last|this|past)\s+month\b"),
        ("year", r"\b(?:in|since|during|of)\s+((?:19|20)\d{2})\b"),
        ("year", r"\b(?:last|this|past)\s+year\b"),
    )
)


_EXPLICIT_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")


@dataclass(slots=True)
class DateMention:
    date: str  # ISO date (first day of the month or year for coarser precision)
    precision: str  # day | week | month | year
    start: int  # offsets into the sentence
    end: int
    text: str


# "said on Friday", "told AFP on Monday", "said in a statement late on Monday": when it was said,
# not when it happened.
_SAID_BEFORE = re.compile(
    r"\b(?:said|says|told|announced|reported|stated|added|confirmed|claimed|wrote|tweeted|posted|declared)"
    r"(?:\s+(?:[A-Z][\w.’']*|reporters|journalists|the\s+\w+(?:\s+\w+)?|an?\s+\w+(?:\s+\w+)?|in\s+an?\s+\w+(?:\s+\w+)?|"
    r"by\s+(?:tele)?phone|late|early|on|at|in)){0,4}\s*$")
# "On Tuesday, the Yatenga Youth Collective, a local group, said 37 people had been killed": a
# fronted day on a named speaker's verb, which goes on to say what happened.
_SAID_AFTER = re.compile(
    r"^,\s+(?:the\s+)?[A-Z][^.;:]{0,100}?\b(?:said|told|announced|reported|stated|confirmed|claimed)\b(?=(?:\s+\S+){3})")
# "KYIV, March 14 (Reuters) -": the dateline, the day of the report.
_DATELINE_BEFORE = re.compile(r"^\s*[A-Z][A-Z .’'-]+(?:,\s*[A-Z][\w .’'-]+)?,\s*$")
_DATELINE_AFTER = re.compile(r"^\s*(?:\([\w .]+\)\s*)?[-—–]")
# "August 10, 2018 - Dozens of children ... were killed ... on Thursday", "date 2021-04-04 Myanmar
# security forces yesterday opened fire": a calendar date that opens the text, bare or labelled,
# and runs straight on into it (a dash, or the next word capitalised) is the page's date, the day
# of the report: like a day something was said, it dates the event only when nothing else does.
_OPENING_BEFORE = re.compile(r"^\s*(?:(?:date|dated|posted|published|updated)(?:\s+on)?\s*:?\s*)?$", re.I)
_OPENING_AFTER = re.compile(r"^(?:\s*[-—–|]|\s+[A-Z])")


def find_date(sentence: str, published: str | None) -> DateMention | None:
    """The first date expression in `sentence` that resolves, relative to `published`. A date that
    only says when something was said ("officials said on Monday") comes last, with precision
    "said"; a dateline's date is not the event's."""
    base = _base(published)
    said: DateMention | None = None
    for precision, pattern in _PATTERNS:
        for match in pattern.finditer(sentence):
            text = match.group(0).strip()
            resolved = _resolve(text, precision, base)
            if resolved:
                start = match.start() + match.group(0).index(text)
                if _DATELINE_BEFORE.match(sentence[:start]) and _DATELINE_AFTER.match(sentence[start + len(text):]):
                    continue
                opening = any(c.isdigit() for c in text) and _OPENING_BEFORE.match(sentence[:start]) \
                    and _OPENING_AFTER.match(sentence[start + len(text):])
                if opening or _SAID_BEFORE.search(sentence[:start]) \
                        or (start < 4 and _SAID_AFTER.match(sentence[start + len(text):])):
                    said = said or DateMention(resolved, "said", start, start + len(text), text)
                    continue
                return DateMention(resolved, precision, start, start + len(text), text)
    return said


def year_of(sentence: str) -> int | None:
    """A bare four-digit year the sentence is anchored to ("in 2020"), if any."""
    match = re.search(r"\b(?:in|since|during|of)\s+((?:19|20)\d{2})\b", sentence, re.I)
    return int(match.group(1)) if match else None


# A year the text dates something to ("in 2020", "since 2014", "on May 3, 2024", "between 2020
# and 2022"), not one it looks ahead to ("by the end of 2014", "until 2030").
_DATED_YEAR = re.compile(
    rf"\b(?:(?:in|since|during|of|from|between|and|to)\s+|(?:{_MONTHS}|{_MON})\s+(?:\d{{1,2}}(?:st|nd|rd|th)?,?\s+)?)"
    r"((?:19|20)\d{2})\b", re.I)
_AHEAD = re.compile(r"\b(?:by|until|till|before|ahead\s+of|through)\s+(?:the\s+(?:end|start|beginning|middle)\s+)?$", re.I)
# An explicit past period: "last year", "two years ago", "last month", "a decade ago".
_PAST_PERIOD = re.compile(r"\b(?:last|previous)\s+(?:year|month|decade)\b|\b(?:years|months|decades|a\s+year|a\s+decade)\s+ago\b", re.I)


def reference_year(text: str) -> int | None:
    """The year an undated article is told in, as far as its text shows: the latest year it
    dates something to. An article is written in or after the latest year it reports, so an
    earlier year in it is the past ("About 6,500 people died ... in 2020", in an article that
    also names 2022). None when the text dates nothing to a year."""
    years = [int(m.group(1)) for m in _DATED_YEAR.finditer(text) if not _AHEAD.search(text[max(0, m.start() - 30):m.start()])]
    return max(years) if years else None


def past_period(sentence: str) -> bool:
    """Whether the sentence dates itself to an explicit past period ("last year", "two years
    ago"): background, even when no publication date says which year that was."""
    return bool(_PAST_PERIOD.search(sentence))


_MONTH_ONLY = [pattern for precision, pattern in _PATTERNS if precision == "month"][0]


def month_only(sentence: str) -> bool:
    """Whether the sentence is dated by a month alone ("In April, the RSF overran ..."), which
    `find_date` cannot resolve without a publication date."""
    return any(_resolve(m.group(0).strip(), "month", None) is None for m in _MONTH_ONLY.finditer(sentence)) \
        and find_date(sentence, None) is None


def _base(published: str | None) -> date | None:
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


@lru_cache(maxsize=4096)
def _resolve(text: str, precision: str, base: date | None) -> str | None:
    lowered = text.lower()
    if base is not None and lowered.endswith("the weekend"):
        # "at the weekend": the latest Saturday before publication (or this one, on a Sunday).
        return (base - timedelta(days=(base.weekday() - 5) % 7 or (7 if base.weekday() == 5 else 0))).isoformat()
    if base is not None:
        if lowered in ("today", "tonight", "this morning", "this afternoon", "this evening"):
            return base.isoformat()
        if lowered in ("yesterday", "last night", "overnight"):
            return (base - timedelta(days=1)).isoformat()
        weekday = re.search(_WEEKDAYS, lowered)
        if weekday:
            # News reports the past: "on Tuesday" is the latest Tuesday on or before publication.
            target = _WEEKDAYS.split("|").index(weekday.group(0))
            return (base - timedelta(days=(base.weekday() - target) % 7)).isoformat()
    elif not _EXPLICIT_YEAR.search(text):
        # "on Tuesday", "May 1", "in March", "last year": relative to a publication date nobody
        # gave. Unknown, never resolved against the day the tool runs.
        return None
    year = re.search(r"(?:19|20)\d{2}", text)
    if precision == "year" and year:
        return f"{year.group(0)}-01-01"
    cleaned = re.sub(r"^(?:in|since|during|of|on|early|late|mid-?)\s+", "", text, flags=re.I)
    settings = {"PREFER_DATES_FROM": "past", "PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False}
    if base is not None:
        from datetime import datetime

        settings["RELATIVE_BASE"] = datetime(base.year, base.month, base.day)
    parsed = dateparser.parse(cleaned, languages=["en"], settings=settings)
    if parsed is None:
        return None
    if precision == "month":
        return parsed.date().replace(day=1).isoformat()
    if precision == "year":
        return parsed.date().replace(month=1, day=1).isoformat()
    return parsed.date().isoformat()
