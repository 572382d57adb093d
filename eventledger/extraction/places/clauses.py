"""A second report inside one sentence: "The attackers killed 19 people in X before moving on to
the hamlet of Y, where they killed eight herders". The 'where' clause tells another event, at the
place it hangs on, with its own toll; ACLED codes the two places as two events."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Span

from ...language import token_at
from ..mentions import EventMention, PlaceFound
from .names import excluded, is_government_metonym, place_spans
from .ranker import find_event_place

# How far before 'where' the place it refers to may end ("Y, about 15 kilometres away, where").
_ANTECEDENT_WINDOW = 8


def where_clause_report(doc: Doc, sentence_start: int, mention: EventMention) -> EventMention | None:
    """Split off the report a 'where' clause tells at another place than the mention's, with the
    figures inside the clause; the mention keeps the others. None when there is no such clause."""
    for token in doc:
        if token.lower_ != "where" or token.dep_ != "advmod" or token.head.pos_ not in ("VERB", "AUX"):
            continue
        verb = token.head
        clause = range(verb.left_edge.i, verb.right_edge.i + 1)
        inside = [f for f in mention.figures if token_at(doc, f.evidence.start - sentence_start) in clause]
        if not inside or len(inside) == len(mention.figures):
            continue  # the whole toll is the clause's: one event, placed by the usual search
        place = _antecedent(doc, token.i)
        if place is None or (mention.place is not None and place.text in mention.place.text):
            continue
        base = doc[0].idx
        mention.figures = [f for f in mention.figures if f not in inside]
        if mention.trigger is not None and token_at(doc, mention.trigger.start - sentence_start) in clause:
            _reanchor(doc, sentence_start, mention, clause)  # the typer's word was the clause's
        verb_start = sentence_start + verb.idx - base
        return replace(
            mention, figures=inside, actors=[], place_fallbacks=[], extra_sentences=[], anaphoric=None, cause=None,
            place=PlaceFound(place.text, sentence_start + place.start_char - base, sentence_start + place.end_char - base),
            trigger=replace(mention.sentence, start=verb_start, end=verb_start + len(verb.text), text=verb.text),
        )
    return None


def _reanchor(doc: Doc, sentence_start: int, mention: EventMention, clause: range) -> None:
    """Give the mention the word of its own toll outside the clause, and that word's place."""
    base = doc[0].idx
    outside = next((t for t in doc if t.i not in clause and t.pos_ == "VERB" and t.i < clause.start
                    and any(token_at(doc, f.evidence.start - sentence_start) in range(t.left_edge.i, t.right_edge.i + 1)
                            for f in mention.figures)), None)
    if outside is None:
        return
    start = sentence_start + outside.idx - base
    mention.trigger = replace(mention.sentence, start=start, end=start + len(outside.text), text=outside.text)
    place = find_event_place(doc, outside.i)
    if place is not None and not is_government_metonym(doc, place.start_char, place.end_char):
        mention.place = PlaceFound(place.text, sentence_start + place.start_char, sentence_start + place.end_char)


def _antecedent(doc: Doc, where_i: int) -> Span | None:
    """The place name a 'where' refers back to: the last one ending shortly before it."""
    before = [s for s in place_spans(doc) if s.end <= where_i and where_i - s.end <= _ANTECEDENT_WINDOW and not excluded(s)]
    return max(before, key=lambda s: s.end) if before else None  # (place_spans is not in text order)
