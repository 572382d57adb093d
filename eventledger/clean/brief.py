"""Short texts given as articles: a news sentence, a brief, a feed summary, a wire alert.

The cleaner's judgement of units (title, headings, teasers) is made for pages. A text of a few
units with nothing judged body is no page: it is the article itself, however short. Its units
read as body, except a first line written as a headline (no closing punctuation), which stays
its title. Debris the patterns recognise (a widget, a byline, a "Source:" line) stays removed."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .assemble import _Judged

BRIEF_UNITS = 4  # a brief has a headline and a few lines; a page has many more
_TERMINAL = tuple(".!?\"”’…)。！？」")
# Units the page judgement set aside as structure, not as debris: they are text of a brief.
_STRUCTURE = ("title", "standfirst", "heading", "caption", "body")
_SET_ASIDE = ("teaser",)  # headline-like lines after the last paragraph, on a page: links


def read_as_brief(judged: list["_Judged"], source: str | None, date_line: str | None):
    """`judge_units`' result, with a short text's units read as its body when none was."""
    if any(item.kind == "body" for item in judged) or len(judged) > BRIEF_UNITS:
        return judged, source, date_line
    text = [item for item in judged if item.kind in _STRUCTURE or (item.kind == "removed" and item.reason in _SET_ASIDE)]
    if not text:
        return judged, source, date_line
    headline = text[0] if len(text) > 1 and not text[0].unit.text.rstrip().endswith(_TERMINAL) else None
    for item in text:
        item.kind, item.reason = ("title", None) if item is headline else ("body", None)
    return judged, source, date_line
