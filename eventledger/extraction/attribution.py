"""Who asserts what a sentence reports: "according to X", "X said (that) ...", "..., X said".
A claim with no source ("are said to have", "reportedly") is marked hedged."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from .figures import ClaimantHit
from .hedges import is_hedged

_SPEECH = {"say", "announce", "state", "report", "tell", "claim", "confirm", "add", "write", "declare", "insist",
           "allege", "estimate", "put", "count", "record", "accuse", "blame", "warn", "emphasize", "emphasise",
           "stress", "note", "explain", "tweet", "post", "acknowledge", "admit", "deny"}
_PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "who", "which", "that"}


def find_claimant(doc: Doc) -> ClaimantHit | None:
    """The source the sentence attributes its report to, or None when it names none."""
    hedged = is_hedged(doc.text)
    for token in doc:
        if token.lower_ == "according" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to":
            obj = next((c for c in doc[token.i + 1].children if c.dep_ == "pobj"), None)
            if obj is not None:
                return _hit(doc, obj, hedged)
    for token in doc:
        if token.lemma_.lower() not in _SPEECH or token.pos_ not in ("VERB", "AUX"):
            continue
        if any(c.dep_ == "auxpass" for c in token.children) and token.lemma_.lower() in ("say", "report", "believe"):
            continue  # "are said to have": hedged, no source
        subject = next((c for c in token.children if c.dep_ in ("nsubj",)), None)
        agent = next((c for c in token.children if c.dep_ == "agent"), None)
        if subject is None and agent is not None:
            subject = next((c for c in agent.children if c.dep_ == "pobj"), None)
        if subject is not None:
            return _hit(doc, subject, hedged)
        tail = _tail_speaker(token)
        if tail is not None:
            left, right = tail
            return ClaimantHit(doc[left:right].text, doc[left].idx - doc[0].idx,
                               doc[right - 1].idx + len(doc[right - 1].text) - doc[0].idx, hedged=hedged)
    return None


def _tail_speaker(verb: Token) -> tuple[int, int] | None:
    """', the Prosecutor General's Office in Baku said': the parse often hangs the speaker on the
    sentence's last noun instead of on 'said'; take the noun phrase right before the verb."""
    doc = verb.doc
    i = verb.i - 1
    if i < 1 or doc[i].pos_ not in ("NOUN", "PROPN"):
        return None
    # Walk left over "in Baku" to the noun it modifies: "Office in Baku said".
    j = i
    while j > 0 and doc[j].pos_ in ("NOUN", "PROPN", "ADP", "DET", "PART") and doc[j - 1].text != ",":
        j -= 1
    if doc[j - 1].text != "," if j > 0 else True:
        return None
    while j < verb.i and doc[j].lower_ in ("the", "a", "an"):
        j += 1
    if not any(t.pos_ in ("NOUN", "PROPN") for t in doc[j:verb.i]) or verb.i - j > 8:
        return None
    return j, verb.i


def _hit(doc: Doc, head: Token, hedged: bool) -> ClaimantHit:
    span = _phrase(head)
    return ClaimantHit(span.text, span.start_char - doc[0].idx, span.end_char - doc[0].idx,
                       is_pronoun=head.lower_ in _PRONOUNS and span.end - span.start == 1, hedged=hedged)


def _phrase(head: Token):
    """The claimant's noun phrase without relative clauses, appositions or trailing punctuation."""
    doc = head.doc
    left = head.left_edge.i
    right = head.i
    for child in head.rights:
        if child.dep_ in ("prep", "compound", "pobj", "amod", "nmod", "case") and child.lower_ not in ("since", "after", "before", "during", "for", "with"):
            right = max(right, child.right_edge.i)
        elif child.dep_ == "punct" and child.text == ",":
            continue
        elif child.dep_ == "appos" and (child.ent_type_ == "PERSON" or child.pos_ == "PROPN"):
            right = max(right, child.right_edge.i)  # "a local leader, Bukar Ali,": the name belongs to the claimant
            break
        elif child.dep_ == "acl" and child.lower_ in ("known", "called", "named") \
                and any(c.lower_ == "as" or c.dep_ == "oprd" for c in child.children):
            right = max(right, child.right_edge.i)  # "the U.N. migration agency, known as IOM,": its name too
            break
        else:
            break
    while left < head.i and doc[left].lower_ in ("the", "a", "an", ",", "and", "however", "also"):
        left += 1
    while right > head.i and (doc[right].is_punct or doc[right].dep_ in ("cc",)):
        right -= 1
    return doc[left : right + 1]
