"""The place where a sentence's event happened: the place name the event word governs through a
locative preposition ("killed ... in the town of Susha"), not where it was reported from ("said by
telephone from Libreville"), and not a capital standing for its government ("Baku said")."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.tokens import Doc, Span, Token

from ..resolve.capitals import government_of

_PLACE_ENTS = {"GPE", "LOC", "FAC"}


@dataclass(slots=True)
class PlaceHit:
    text: str
    start_char: int  # relative to the sentence
    end_char: int
    token_start: int
    token_end: int  # exclusive


@lru_cache(maxsize=1)
def _cues() -> dict[str, frozenset[str]]:
    data = tomllib.loads(resources.files("eventledger.data").joinpath("places/cues.toml").read_text("utf-8"))
    return {name: frozenset(words) for name, words in data.items()}


def place_spans(doc: Doc) -> list[Span]:
    """Place-name entities, extended by a trailing 'province'/'district' and the like."""
    from ..resolve.gazetteer import is_known_place

    suffixes = _cues()["suffixes"]
    out = []
    for ent in _proper_spans(doc):
        if ent.label_ not in _PLACE_ENTS:
            # The small model often calls a place an ORG or a PERSON ("in Nagorno-Karabakh"):
            # take it when a preposition governs it and the gazetteer knows the name.
            if ent.root.dep_ != "pobj" or not is_known_place(ent.text):
                continue
        end = ent.end
        if end < len(doc) and doc[end].lower_ in suffixes:
            end += 1
        start = ent.start + (1 if doc[ent.start].lower_ == "the" else 0)
        if start < end:
            out.append(doc[start:end])
    return out


def _proper_spans(doc: Doc) -> list[Span]:
    """Named-entity spans, plus runs of proper nouns the model left untagged."""
    spans = [e for e in doc.ents if e.label_ not in ("DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY")]
    covered = {i for e in doc.ents for i in range(e.start, e.end)}
    i = 0
    while i < len(doc):
        if doc[i].pos_ == "PROPN" and i not in covered:
            j = i
            while j + 1 < len(doc) and (doc[j + 1].pos_ == "PROPN" or doc[j + 1].text == "-") and j + 1 not in covered:
                j += 1
            spans.append(doc[i:j + 1])
            i = j + 1
        else:
            i += 1
    return spans


def find_event_place(doc: Doc, trigger_i: int) -> PlaceHit | None:
    """The place of the event whose word is token `trigger_i`, or None."""
    best: tuple[tuple, Span] | None = None
    anchor = doc[trigger_i]
    if anchor.pos_ in ("NOUN", "PROPN") and anchor.dep_ in ("nsubj", "nsubjpass", "dobj") and anchor.head.pos_ in ("VERB", "AUX"):
        anchor = anchor.head  # "Azerbaijan launched an operation in X", "Protests took place in X"
    for span in place_spans(doc):
        if _is_report_origin(span) or _is_actor(span) or (_is_institution_seat(span) and government_of(span.text)):
            continue
        rank = min(r for r in (_rank(doc, span, trigger_i), _rank(doc, span, anchor.i), (9,)) if r is not None)
        if rank == (9,):
            rank = None
        if rank is None:
            continue
        if best is None or rank < best[0]:
            best = (rank, span)
    if best is None:
        return None
    span = best[1]
    base = doc[0].idx
    return PlaceHit(span.text, span.start_char - base, span.end_char - base, span.start, span.end)


def _rank(doc: Doc, span: Span, trigger_i: int) -> tuple | None:
    """Smaller is better: attached to the trigger through a locative preposition, few tree steps,
    close in the text, most specific (a country last)."""
    root = span.root
    path = _path_up(root, trigger_i)
    locative = _locative_head(span)
    if path is None:
        # Not under the trigger: still a candidate when it hangs on the trigger's own clause head.
        steps = _tree_distance(root, doc[trigger_i])
        if steps is None or steps > 6:
            return None
        attached = 1
    else:
        steps, attached = path, 0
    level = _level(span.text)
    return (0 if locative else 1, level, attached, steps, abs(root.i - trigger_i))


def _path_up(token: Token, target: int) -> int | None:
    steps = 0
    while token.i != target:
        if token.head.i == token.i:
            return None
        token = token.head
        steps += 1
    return steps


def _tree_distance(a: Token, b: Token) -> int | None:
    ancestors_a = {a.i: 0}
    token, steps = a, 0
    while token.head.i != token.i:
        token, steps = token.head, steps + 1
        ancestors_a[token.i] = steps
    token, steps = b, 0
    while True:
        if token.i in ancestors_a:
            return steps + ancestors_a[token.i]
        if token.head.i == token.i:
            return None
        token, steps = token.head, steps + 1


def _locative_head(span: Span) -> bool:
    cues = _cues()
    token = span.root
    for _ in range(3):  # "in the town of Susha": Susha -> of -> town -> in
        head = token.head
        if head.i == token.i:
            return False
        if head.dep_ == "prep" or head.pos_ == "ADP":
            if head.lower_ in cues["locative"]:
                return True
            if head.lower_ != "of":
                return False
        token = head
    return False


def _is_institution_seat(span: Span) -> bool:
    """'authorities in Baku', 'the Defense Ministry in Yerevan': where an institution sits."""
    head = span.root.head
    return head.lower_ in ("in", "of") and head.head.lower_ in _cues()["institution_nouns"]


def _is_report_origin(span: Span) -> bool:
    """'from Libreville' hanging on a verb of saying, or 'from Baku' after 'announced'."""
    cues = _cues()
    head = span.root.head
    if head.lower_ == "from":
        verb = head.head
        for _ in range(3):
            if verb.lemma_.lower() in cues["speech_verbs"]:
                return True
            if verb.head.i == verb.i:
                break
            verb = verb.head
    return False


def _is_actor(span: Span) -> bool:
    """A place name doing something ('Azerbaijan launched'), owning something ('Afghanistan's
    province'), or naming a force ('Baku forces') is an actor or a modifier, not the event's place."""
    root = span.root
    if root.dep_ in ("nsubj", "nsubjpass", "agent", "dobj") and root.ent_type_ == "GPE":
        return True
    if root.dep_ == "poss" or (root.dep_ in ("compound", "amod") and root.head.lower_ in _cues()["institution_nouns"]):
        return True
    return False


def _level(name: str) -> int:
    """Town before region before country: the most precise place named for the event wins."""
    from ..resolve.gazetteer import place_level

    level = place_level(name)
    return 1 if level is None else level


def is_government_metonym(doc: Doc, start_char: int, end_char: int) -> bool:
    """Whether the place at these sentence offsets is a capital standing for its government:
    'Baku said', 'announced from Baku', 'authorities in Baku', "Baku's accusations"."""
    base = doc[0].idx
    span = doc.char_span(base + start_char, base + end_char, alignment_mode="expand")
    if span is None or government_of(span.text) is None:
        return False
    root = span.root
    if root.dep_ in ("nsubj", "nsubjpass", "poss", "compound"):
        return True
    if _is_report_origin(span):
        return True
    head = root.head
    if head.lower_ in ("in", "of") and head.head.lower_ in _cues()["institution_nouns"]:
        return True
    return False
