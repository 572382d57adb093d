"""Split a scraped page into units: the lines or paragraphs a cleaner judges one by one."""

from __future__ import annotations

import re
from dataclasses import dataclass

_BLANK = re.compile(r"\n[ \t\u00a0]*\n")
_END_PUNCT = tuple(".!?\"”’:;)")
# Chinese and Japanese write no spaces between words (Korean does, between phrases): there a
# line's length in words is its ideographs and kana over two, about the length of their words.
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_UNSPACED_CHARS_PER_WORD = 2


def word_count(text: str) -> int:
    """Words in a line of text: space-separated tokens, and the words of unspaced scripts."""
    unspaced = len(_UNSPACED.findall(text))
    if not unspaced:
        return len(text.split())
    spaced = len(_UNSPACED.sub(" ", text).split())
    return spaced + -(-unspaced // _UNSPACED_CHARS_PER_WORD)


@dataclass(slots=True)
class Unit:
    text: str
    hint: str | None = None  # what the markup said it was: heading | caption | body | title
    # The markup writes this paragraph more than once in one place (sibling paragraphs of one
    # element): its repeats are the page's text, not copies (`clean.html.written_repeats`).
    written_repeat: bool = False


def split_units(text: str) -> list[Unit]:
    """Blocks are separated by blank lines. Inside a block, lines of a hard-wrapped paragraph
    are joined (never a line printed twice: a caption and its alt text); otherwise each line is
    its own unit (scraped pages put one element a line)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    units: list[Unit] = []
    for block in _BLANK.split(text):
        lines = [line.strip() for line in block.split("\n") if line.strip()]
        if not lines:
            continue
        if len(lines) > 1 and len(set(lines)) == len(lines) and _hard_wrapped(lines):
            units.append(Unit(" ".join(lines)))
        else:
            units.extend(Unit(line) for line in lines)
    return units


def _hard_wrapped(lines: list[str]) -> bool:
    """Lines of similar width (40-100 chars) that mostly do not end a sentence were wrapped."""
    body = lines[:-1]
    widths_ok = all(40 <= len(line) <= 100 for line in body)
    open_ends = sum(not line.endswith(_END_PUNCT) for line in body)
    return widths_ok and open_ends >= max(1, len(body) // 2)
