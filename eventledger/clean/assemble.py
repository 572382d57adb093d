"""Judge each unit of a page (title, standfirst, heading, caption, body, or debris with a reason)
and assemble the cleaned `Article`. Shared by the plain-text and the HTML cleaners."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..records import Article, CleanResult, Evidence, Paragraph, Removed
from .duplicates import MIN_WORDS as _DUPLICATE_MIN_WORDS
from .duplicates import DuplicateIndex
from .patterns import describe_outlet, line_patterns, outlet_names
from .units import Unit, word_count

_TERMINAL = tuple(".!?\"”’…。！？」")  # with the full stops of Chinese and Japanese
_BYLINE = re.compile(r"(?:by|written by|reporting by)\s+[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3}(?:\s*(?:,|and|&)\s*[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3})*(?:\s*[,|-]\s*[\w ]{2,40})?", re.I)
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATE_LINE = re.compile(
    rf"(?:(?:updated|published|posted)\s*:?\s*)?(?:[a-z]+day,?\s+)?(?:{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\.?\s+{_MONTH}\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}[./]\d{{1,2}}[./]\d{{4}})(?:[ ,|-]+\d{{1,2}}[:.]\d{{2}}\s*(?:am|pm)?(?:\s*[A-Z]{{2,4}})?)?",
    re.I,
)
_TEASER_END_WORDS = 60  # a unit this long is article text again, not a teaser blurb
# Debris lines are short: a unit longer than this is a paragraph that happens to end with a
# copyright notice or start with "Share", and stays (a merged "... All rights reserved." line
# cost whole paragraphs of agency copy).
_DEBRIS_MAX_WORDS = 40
_NOTICE = re.compile(r"(?<=[.!?\"”’])\s+\(?(?:©|\(c\)|copyright\b)", re.I)  # a copyright notice after a sentence
_NOTICE_AFTER_WORDS = 15  # words of text before it that make the unit a paragraph, not a footer
# A first line of this many words or more that ends a sentence is the first paragraph, not a headline
# (headlines do not end in a full stop): so are all 17 such first lines of the 95 scraped pages whose
# body was marked by hand (eval/cleaning), from 16 to 47 words long, of a dozen outlets.
_LEAD_MIN_WORDS = 12


_WIRE_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'’-]+(?:[ -][A-Z][A-Z.'’-]+){0,3}(?:,\s*[A-Z][\w.'’-]+(?:\s[A-Z][\w.'’-]+){0,2})?)"
    r"(?:,?\s*(?P<day>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:,\s*\d{4})?))?"  # "KYIV, March 14 (Reuters) -"
    r"\s*(?:\((?P<agency>[A-Za-z][\w .&-]{1,30})\))?\s*[-–—:]+\s+"
)


@dataclass(slots=True)
class _Judged:
    unit: Unit
    kind: str  # title | standfirst | heading | caption | body | removed
    reason: str | None = None


def _words(text: str) -> int:
    return word_count(text)


def _debris_reason(text: str) -> str | None:
    if _words(text) > _DEBRIS_MAX_WORDS:
        return None
    patterns = line_patterns()
    for reason in ("widget", "footer", "subscribe", "comment_form", "teaser"):
        if patterns[reason].match(text):
            return reason
    return None


def _is_caption(unit: Unit) -> bool:
    return unit.hint == "caption" or (_words(unit.text) <= 60 and bool(line_patterns()["caption"].match(unit.text)))


def _looks_like_heading(text: str) -> bool:
    return 1 <= _words(text) <= 14 and not text.endswith(_TERMINAL) and not text.endswith(",")


def judge_units(units: list[Unit], teaser_runs: bool = True, markup: bool = False) -> tuple[list[_Judged], str | None, str | None]:
    """Returns the judged units, the original outlet named on a source line, and a date line.
    With `teaser_runs`, a teaser marker ("Related News") removes the short units after it too.
    `markup`: the units come from a page's markup, which says what is a caption; a line printed
    twice in a row is then only a repeat (unless the markup writes it as sibling paragraphs,
    `Unit.written_repeat`), and a paragraph repeated further down stays, as the page
    shows it (scraped text loses its exact and near repeats, `_mark_duplicates`: there they are
    debris of the scraping; on the HTML collections dropping them changed F1 by 0.001 at most,
    and a repeated report still makes one event)."""
    patterns = line_patterns()
    judged: list[_Judged] = []
    source: str | None = None
    date_line: str | None = None
    in_teaser: str | bool = False  # the reason of a run of removed units (teaser, comment_form), or False
    n = len(units)
    bodies = 0  # body units judged so far (a running count: the loop stays linear)
    for index, unit in enumerate(units):
        text = unit.text
        notice = _NOTICE.search(text)
        if notice and _words(text[: notice.start()]) >= _NOTICE_AFTER_WORDS:
            # "... killed 14 people. Copyright 2024 AP. All rights reserved.": the paragraph stays
            judged.append(_Judged(Unit(text[notice.start():].strip()), "removed", "footer"))
            unit = Unit(text[: notice.start()].rstrip(), unit.hint)
            text = unit.text
        debris = _debris_reason(text)
        if debris:
            if patterns["comment_marker"].match(text):
                in_teaser = "comment_form"  # readers' comments follow, to the end of the page
            judged.append(_Judged(unit, "removed", debris))
            continue
        if index and units[index - 1].text == text and not (markup and unit.written_repeat):
            # A line printed twice in a row is an image's alt text and caption, or a tag; not a
            # paragraph the markup itself writes twice as sibling paragraphs.
            judged.append(_Judged(unit, "removed", "duplicate"))
            if judged[-2].kind in ("body", "heading") and not markup:
                bodies -= judged[-2].kind == "body"
                judged[-2].kind = "caption" if _words(text) > 3 else "removed"
                judged[-2].reason = None if _words(text) > 3 else "widget"
            continue
        if _words(text) <= 4 and text.lower().rstrip(".") in outlet_names():
            judged.append(_Judged(unit, "removed", "byline"))
            continue
        if patterns["teaser_marker"].match(text):
            in_teaser = "teaser"
            judged.append(_Judged(unit, "removed", "teaser"))
            continue
        if patterns["comment_marker"].match(text):
            in_teaser = "comment_form"  # readers' comments follow, to the end of the page
            judged.append(_Judged(unit, "removed", "comment_form"))
            continue
        if in_teaser and teaser_runs and _words(text) < _TEASER_END_WORDS:
            judged.append(_Judged(unit, "removed", in_teaser))
            continue
        in_teaser = False
        match = patterns["source_line"].match(text)
        if match and index >= n * 0.5 and _words(text) <= 12:
            source = source or describe_outlet(match.group("outlet"))
            judged.append(_Judged(unit, "removed", "source_line"))
            continue
        if _is_caption(unit):
            judged.append(_Judged(unit, "caption"))
            continue
        if _words(text) <= 40 and _BYLINE.fullmatch(text):
            judged.append(_Judged(unit, "removed", "byline"))
            continue
        if _words(text) <= 14 and _DATE_LINE.fullmatch(text):
            date_line = date_line or text
            judged.append(_Judged(unit, "removed", "dateline"))
            continue
        kind = unit.hint if unit.hint in ("heading", "title") else "body"
        # Only the story's opening paragraph carries a dateline (plain text: the title counts as one).
        wire = _WIRE_DATELINE.match(text) if kind == "body" and bodies <= 1 else None
        if wire is not None and len(text) > wire.end() + 40:
            # "JOS, Nigeria (Reuters) - Gunmen killed ...": the dateline says where the story was
            # filed and by whom, not where it happened; keep the agency as the original source.
            judged.append(_Judged(Unit(wire.group(0).strip()), "removed", "dateline"))
            if wire.group("agency") and source is None:
                source = describe_outlet(wire.group("agency"))
            unit = Unit(text[wire.end():], unit.hint)
        judged.append(_Judged(unit, kind))
        bodies += kind == "body"
    _assign_title_and_headings(judged)
    if not markup:
        _mark_duplicates(judged)
    return judged, source, date_line


def _assign_title_and_headings(judged: list[_Judged]) -> None:
    content = [j for j in judged if j.kind in ("body", "heading", "title")]
    if not content:
        return
    titled = [j for j in content if j.kind == "title"]
    if titled:
        title = titled[0]
        for extra in titled[1:]:
            extra.kind = "heading"
    elif _words(content[0].unit.text) >= _LEAD_MIN_WORDS and content[0].unit.text.endswith(_TERMINAL):
        title = None  # the text starts with its first paragraph: no headline came with it
    else:
        title = content[0]
        title.kind = "title"
    after = content[content.index(title) + 1 :] if title is not None else content
    # A standfirst is a short lead directly under the title, before the first full paragraph.
    # Plain text gives no markup, so only a lead written as a deck (no closing full stop) counts.
    if len(after) >= 2 and after[0].kind == "body" and _words(after[0].unit.text) <= 45 \
            and not after[0].unit.text.endswith(_TERMINAL) and _words(after[0].unit.text) < _words(after[1].unit.text):
        after[0].kind = "standfirst"
        after = after[1:]
    for position, item in enumerate(after):
        following = after[position + 1] if position + 1 < len(after) else None
        if item.kind == "body" and following is not None and _looks_like_heading(item.unit.text) \
                and following.kind == "body" and not _looks_like_heading(following.unit.text):
            item.kind = "heading"
    # Headline-like lines after the last paragraph head nothing: links to other stories.
    for item in reversed(after):
        if item.kind not in ("body", "heading") or not _looks_like_heading(item.unit.text):
            break
        item.kind, item.reason = "removed", "teaser"


def _mark_duplicates(judged: list[_Judged]) -> None:
    """A body paragraph that repeats an earlier one (exactly or nearly) is removed as a duplicate."""
    index = DuplicateIndex()
    for item in judged:
        if item.kind != "body" or _words(item.unit.text) < _DUPLICATE_MIN_WORDS:
            continue
        if index.repeats(item.unit.text):
            item.kind, item.reason = "removed", "duplicate"


def assemble(
    judged: list[_Judged],
    *,
    source: str | None,
    published: str | None,
    url: str | None = None,
    outlet: str | None = None,
    extra_removed: list[Removed] | None = None,
    title_override: str | None = None,
) -> CleanResult:
    """Lay the kept units out as one text (blank line between parts) and record offsets."""
    parts: list[str] = []
    offset = 0
    title_ev = standfirst_ev = None
    paragraphs: list[Paragraph] = []
    removed: list[Removed] = list(extra_removed or [])

    def place(text: str) -> tuple[int, int]:
        nonlocal offset
        if parts:
            offset += 2
        start = offset
        parts.append(text)
        offset += len(text)
        return start, offset

    for item in judged:
        text = item.unit.text
        if item.kind == "removed":
            removed.append(Removed(text, item.reason or "boilerplate"))
        elif item.kind == "title" and title_ev is None:
            start, end = place(title_override or text)
            title_ev = Evidence(start, end, title_override or text)
        elif item.kind == "standfirst" and standfirst_ev is None:
            start, end = place(text)
            standfirst_ev = Evidence(start, end, text)
        else:
            kind = item.kind if item.kind in ("heading", "caption") else "body"
            start, end = place(text)
            paragraphs.append(Paragraph(text, kind, start, end))
    article = Article(
        text="\n\n".join(parts),
        title=title_ev.text if title_ev else None,
        standfirst=standfirst_ev.text if standfirst_ev else None,
        paragraphs=paragraphs,
        original_source=source,
        published=published,
        url=url,
        outlet=outlet,
        title_evidence=title_ev,
        standfirst_evidence=standfirst_ev,
    )
    return CleanResult(article, removed)
