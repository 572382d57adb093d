"""Is this English? A cheap test that needs no model: the share of tokens that are among the
most common English function words. The extractors are English-only, so other languages are
flagged and skipped rather than mined for nonsense."""

from __future__ import annotations

import re

_COMMON = frozenset(
    "the of and to in a is that for on was with as by at from it be are were has have had said "
    "not but an or this which their his her they he she its after been who will would also".split()
)
_WORD = re.compile(r"[^\W\d_]+", re.U)


def english_score(text: str, sample: int = 4000) -> float:
    words = _WORD.findall(text[: sample * 8].lower())[:sample]
    if not words:
        return 0.0
    return sum(w in _COMMON for w in words) / len(words)
