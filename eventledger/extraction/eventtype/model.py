"""The typer's second opinion: a hashed n-gram linear model (softmax regression over the 25 ACLED
sub-event types and "none"), consulted when no lexicon cue decides, or when the rules' two best
sub-types came close on weak cues (see `eventtype/__init__.py`).

It was trained by `scripts/train_typing.py` on a paraphrase set generated from a grammar written
for eventledger (no CASE 2021, PLOVER or news text); the weights ship as
`eventledger/data/events/typing_model.npz` (float16, numpy only). Features: lower-cased words
(capitalised words inside a sentence become one NAME token, numbers one NUM token, and the name
itself is kept apart: "Taliban"), word unigrams with a crude stem, first-sentence unigrams,
bigrams; and the lexicon's view of the text: which cues it has (and pairs of them), who took a
place and whether an attack has an armed or a civilian target, read as the rules read them. So
the model generalises with the lexicon rather than with the grammar's words alone; a change to
`lexicon.toml` or to the rules' helpers calls for retraining (the script is deterministic).
Everything is hashed with CRC-32 into BUCKETS rows."""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .lexicon import find
from .rules import _actor_side, _near

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


_SUFFIX = re.compile(r"(?:ings?|ed|es|s|ers?|ions?|ment)$")


def _stem(word: str) -> str:
    """A crude stem: "shelling", "shelled", "shells" -> "shell" (one feature for the inflections)."""
    if len(word) > 5:
        return _SUFFIX.sub("", word)
    return word


def _hash(feature: str) -> int:
    return zlib.crc32(feature.encode("utf-8")) & (BUCKETS - 1)


STOP = frozenset("""a an the of in on at to from by for with and or but as is are was were be been being has have had
it its their his her they he she we this that these those there which who whom what when where while after before
into over than then also not no said says say told according near since during about up out off all some more most
""".split())


def features(text: str, found=None) -> list[int]:
    """Hashed features: word unigrams (and their stems), bigrams, the lower-cased form of names
    ("Taliban", "ISIS") beside the NAME token, and first-sentence unigrams apart (the event a
    snippet reports is mostly told first)."""
    tokens = _tokens(text)
    toks = [t for t, _, _ in tokens]
    out = [_hash("<bias>")]
    first = True
    prev_end = 0
    for (t, a, b) in tokens:
        if first and prev_end and _SENT_GAP.search(text, prev_end, a):
            first = False
        prev_end = b
        if t == "<name>":
            low = text[a:b].lower()
            out.append(_hash("n:" + low))
            continue
        if t in STOP:
            continue
        out.append(_hash("u:" + t))
        st = _stem(t)
        if st != t:
            out.append(_hash("s:" + st))
        if first:
            out.append(_hash("f:" + st))
    out += [_hash("b:" + a + " " + b) for a, b in zip(toks, toks[1:])]
    if found is None:
        found = find(text)
    # the lexicon's cues as features: which kinds of trigger and context words the text has
    # (and whether in its first sentence), so that the model generalises with the lexicon
    names = sorted(found.hits)
    for cue in names:
        out.append(_hash("k:" + cue))
        if found.hits[cue][0].sent == 0:
            out.append(_hash("k1:" + cue))
    out += [_hash("k2:" + a + "|" + b) for i, a in enumerate(names) for b in names[i + 1:]]
    out += [_hash(f) for f in _context(found)]
    return out


def _context(found) -> list[str]:
    """Trigger-context features, read as the precedence rules read them: who took a place (the
    subject of "captured", or "by ACTOR" after a passive), and whether an attack or a killing
    has an armed or a civilian target."""
    out = []
    for hit in found.get("capture") + found.get("capture_named"):
        out.append("side:" + (_actor_side(found, hit) or "?"))
    for cue in ("attack_verb", "kill"):
        for hit in found.get(cue):
            after = sorted([(h.start, "mil") for h in _near(found, "military_target", hit, after=60)]
                           + [(h.start, "civ") for h in _near(found, "civilian_target", hit, after=60)])
            before = sorted([(h.end, "mil") for h in _near(found, "military_target", hit, before=50)]
                            + [(h.end, "civ") for h in _near(found, "civilian_target", hit, before=50)])
            out.append(f"tgt:{cue}:" + (after[0][1] if after else "-") + ":" + (before[-1][1] if before else "-"))
    return out


_SENT_GAP = re.compile(r"[.!?]")


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


def opinion(text: str, found=None) -> Opinion | None:
    """The model's sub-type for `text` with its probability, or None when no model ships."""
    model = _model()
    if model is None or not text.strip():
        return None
    np, weights, labels = model
    toks = _tokens(text)
    feats = features(text, found)
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
