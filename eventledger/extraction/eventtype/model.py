"""The typer's second opinion: a hashed n-gram linear model (softmax regression over the 25 ACLED
sub-event types and "none"), consulted only when no lexicon cue decides.

It was trained by `scripts/train_typing.py` on a paraphrase set generated from a grammar written
for eventledger (no CASE 2021, PLOVER or news text); the weights ship as
`eventledger/data/events/typing_model.npz` (float16, numpy only). Features: lower-cased words
(capitalised words inside a sentence become one NAME token, numbers one NUM token), word
unigrams and bigrams, hashed with CRC-32 into BUCKETS rows."""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

BUCKETS = 1 << 16
_TOKEN = re.compile(r"[A-Za-z]+(?:['-][A-Za-z]+)*|\d[\d,.]*")
_FIRST = re.compile(r"(?:^|[.!?]\s+|[\"“(]\s*)$")


def _tokens(text: str) -> list[tuple[str, int, int]]:
    out = []
    for m in _TOKEN.finditer(text):
        word = m.group()
        if word[0].isdigit():
            tok = "<num>"
        elif word[0].isupper() and not _FIRST.search(text[max(0, m.start() - 3):m.start()]) and not word.isupper():
            tok = "<name>"
        else:
            tok = word.lower()
        out.append((tok, m.start(), m.end()))
    return out


def _hash(feature: str) -> int:
    return zlib.crc32(feature.encode("utf-8")) & (BUCKETS - 1)


STOP = frozenset("""a an the of in on at to from by for with and or but as is are was were be been being has have had
it its their his her they he she we this that these those there which who whom what when where while after before
into over than then also not no said says say told according near since during about up out off all some more most
""".split())


def features(text: str) -> list[int]:
    toks = [t for t, _, _ in _tokens(text)]
    out = [_hash("<bias>")]
    out += [_hash("u:" + t) for t in toks if t not in STOP]
    out += [_hash("b:" + a + " " + b) for a, b in zip(toks, toks[1:])]
    return out


@dataclass(frozen=True, slots=True)
class Opinion:
    sub: str  # ACLED sub-event type or "none"
    probability: float
    start: int  # the word that weighs most for it (evidence), -1 when none
    end: int


@lru_cache(maxsize=1)
def _model():
    try:
        import numpy as np
    except ImportError:  # numpy comes with spaCy; without it the rules decide alone
        return None
    try:
        with resources.files("eventledger.data").joinpath("events/typing_model.npz").open("rb") as handle:
            data = np.load(handle)
            weights = data["weights"].astype(np.float32)
            labels = [str(x) for x in data["labels"]]
    except (FileNotFoundError, OSError, KeyError):
        return None
    return np, weights, labels


def opinion(text: str) -> Opinion | None:
    """The model's sub-type for `text` with its probability, or None when no model ships."""
    model = _model()
    if model is None or not text.strip():
        return None
    np, weights, labels = model
    toks = _tokens(text)
    feats = features(text)
    z = weights[feats].sum(0)
    z = z - z.max()
    p = np.exp(z)
    p /= p.sum()
    best = int(p.argmax())
    sub = labels[best]
    start = end = -1
    if sub != "none" and toks:
        content = [(t, a, b) for t, a, b in toks if t not in STOP and t[0] != "<"]
        if content:
            col = weights[[_hash("u:" + t) for t, _, _ in content], best]
            k = int(col.argmax())
            if col[k] > 0:
                start, end = content[k][1], content[k][2]
    return Opinion(sub, float(p[best]), start, end)
