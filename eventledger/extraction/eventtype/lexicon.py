"""The event-type lexicon (`eventledger/data/events/lexicon.toml`) compiled to regular expressions,
and the cheap pass that finds every cue in a text: no parse, one regex per cue."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import tomllib


@dataclass(frozen=True, slots=True)
class Cue:
    name: str
    pattern: re.Pattern[str]
    sub: str | None  # the ACLED sub-event type a match votes for; None for context cues
    weight: float
    # The same pattern without re.I, for lower-cased text (case-insensitive matching costs Python's
    # regex engine about twice as much); None when the pattern itself tells cases apart.
    lowered: re.Pattern[str] | None = None


@dataclass(slots=True)
class Hit:
    cue: str
    start: int
    end: int
    sent: int  # index of the sentence of the text it is in

    def text(self, text: str) -> str:
        return text[self.start : self.end]


@lru_cache(maxsize=1)
def cues() -> tuple[Cue, ...]:
    data = tomllib.loads(resources.files("eventledger.data").joinpath("events/lexicon.toml").read_text("utf-8"))
    out = []
    for name, spec in data["cue"].items():
        # longer patterns first: Python's alternation takes the first alternative that matches
        patterns = sorted(spec["patterns"], key=len, reverse=True)
        flags = 0 if spec.get("case_sensitive") else re.I
        source = r"(?<![\w-])(?:" + "|".join(patterns) + r")(?![\w])"
        lowered = None if flags == 0 or _has_upper(source) else re.compile(source)
        out.append(Cue(name, re.compile(source, flags), spec.get("sub"), float(spec.get("weight", 0.0)), lowered))
    return tuple(out)


# A sentence ends at . ! ? (optionally closed by a quote or bracket) before a capital or a quote.
_SENT_END = re.compile(r"(?<=[.!?])[\"”’)\]]?\s+(?=[\"“‘(\[]?[A-Z0-9])|\n+")


def sentence_starts(text: str) -> list[int]:
    return [0] + [m.end() for m in _SENT_END.finditer(text)]


@dataclass(slots=True)
class Found:
    text: str
    starts: list[int]  # sentence start offsets
    hits: dict[str, list[Hit]]

    def get(self, cue: str) -> list[Hit]:
        return self.hits.get(cue, [])

    def has(self, cue: str) -> bool:
        return bool(self.hits.get(cue))

    def sentence_span(self, sent: int) -> tuple[int, int]:
        end = self.starts[sent + 1] if sent + 1 < len(self.starts) else len(self.text)
        return self.starts[sent], end


def _has_upper(pattern: str) -> bool:
    """Upper-case letters outside escapes (\\S, \\W are classes, not letters), or a case switch."""
    return "(?-i" in pattern or any(ch.isupper() for ch in re.sub(r"\\.", "", pattern))


_PARTICIPLE = re.compile(r"(?:secured|captured|seized|liberated|occupied|retaken|recaptured|controlled|overrun|regained|"
                         r"reclaimed|taken|held|freed)\s+(\S+)", re.I)
_DETERMINER_BEFORE = re.compile(r"\b(?:the|a|an|this|these|those|its|their|his|her|our|of|in|into|inside|within)\s+"
                                r"(?:(?:newly|recently|once|previously|formerly|now|long|heavily|partly|partially|fully)[\s-]+)?$", re.I)
_NOT_NOUN = {"the", "a", "an", "its", "their", "his", "her", "our", "control", "back", "full", "all", "most", "much", "parts",
             "part", "large", "several", "it", "them", "by", "from", "over", "two", "three", "four", "five", "some", "many",
             "another", "more", "key", "strategic"}


def _attributive(text: str, start: int) -> bool:
    """A participle used as an adjective: "the secured area", "the occupied territories", "a
    recently liberated town" describe a place; "the militia that captured the town" took one."""
    m = _PARTICIPLE.match(text, start)
    if not m or m.group(1).lower().strip(",.;") in _NOT_NOUN or m.group(1)[0].isdigit():
        return False
    return bool(_DETERMINER_BEFORE.search(text, max(0, start - 30), start))


# territory cues that a participle used as an adjective would fire
_PLACE_CUES = {"capture", "capture_named", "capture_gov", "capture_loose"}


def find(text: str) -> Found:
    starts = sentence_starts(text)
    hits: dict[str, list[Hit]] = {}
    lower = text.lower()
    same_length = len(lower) == len(text)  # offsets must hold ("İ" lower-cases to two characters)
    for cue in cues():
        scan = cue.lowered.finditer(lower) if cue.lowered is not None and same_length else cue.pattern.finditer(text)
        found = [Hit(cue.name, m.start(), m.end(), bisect.bisect_right(starts, m.start()) - 1) for m in scan
                 if cue.name not in _PLACE_CUES or not _attributive(text, m.start())]
        if found:
            hits[cue.name] = found
    return Found(text, starts, hits)
