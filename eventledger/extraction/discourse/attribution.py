"""Who asserts what a sentence reports: "according to X", "X said (that) ...", "..., X said".
A claim with no source ("are said to have", "reportedly") is marked hedged."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ...knowledge.speech import source_verbs, toll_revision
from .hedges import is_hedged
from .speech_acts import speech_acts
from .syntax import apposed_name_end, nearest_subject, right_edge_without_clauses

_PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "who", "which", "that"}


@dataclass(slots=True)
class ClaimantHit:
    """Who asserts something in a sentence. Offsets are relative to the sentence."""

    text: str
    start: int
    end: int
    is_pronoun: bool = False
    hedged: bool = False


def find_claimant(doc: Doc) -> ClaimantHit | None:
    """The source the sentence attributes its report to, or None when it names none."""
    hedged = is_hedged(doc.text)
    for token in doc:
        if token.lower_ == "according" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to":
            obj = next((c for c in doc[token.i + 1].children if c.dep_ == "pobj"), None)
            if obj is not None:
                return _hit(doc, obj, hedged)
    for token in doc:
        hit = _verb_claimant(doc, token, hedged)
        if hit is not None:
            return hit
    return None


def figure_claimant(doc: Doc, trigger_i: int | None) -> ClaimantHit | None:
    """The source of one figure when its sentence has several: "About 5,000 people marched, police
    said, while the organisers said more than 15,000 took part": the speech verb the figure's
    clause hangs on, the outermost one ("Amnesty said its monitors counted 70 arrests": Amnesty's).
    None when no speech verb governs it (the sentence's claimant holds)."""
    if trigger_i is None:
        return None
    speech = [t for t in doc if t.lemma_.lower() in source_verbs() and t.pos_ in ("VERB", "AUX")]
    if len(speech) < 2:
        return None
    governing = [a for a in doc[trigger_i].ancestors if a in speech]
    return _verb_claimant(doc, governing[-1], is_hedged(doc.text)) if governing else None


def estimate_claimant(doc: Doc, verb_i: int | None) -> ClaimantHit | None:
    """The source of a count its own verb restates: "while police put the number at 30,000",
    "officials estimated the figure at 300": the subject of that verb, when no speech verb governs
    it (`figure_claimant` first). A restatement is a rival count, so it keeps its own source rather
    than the sentence's (which gave the count it rivals)."""
    if verb_i is None:
        return None
    verb = doc[verb_i]
    subject = nearest_subject(verb, ("nsubj",))
    if subject is None:  # "the number was put at 30,000 by police"
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        subject = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    return _hit(doc, subject, is_hedged(doc.text)) if subject is not None else None


def _verb_claimant(doc: Doc, token: Token, hedged: bool) -> ClaimantHit | None:
    """The source that `token`, a verb of saying (or quoting, or revising a toll), gives."""
    quoted = _quoted_source(token)
    if quoted is not None:
        return _hit(doc, quoted, hedged)
    toll_verbs, toll_nouns = toll_revision()
    if token.lemma_.lower() not in source_verbs() | toll_verbs or token.pos_ not in ("VERB", "AUX"):
        return None
    if any(c.dep_ == "auxpass" for c in token.children) and token.lemma_.lower() in ("say", "report", "believe"):
        return None  # "are said to have": hedged, no source
    subject = nearest_subject(token, ("nsubj",))
    if token.lemma_.lower() in toll_verbs and not any(c.dep_ == "dobj" and c.lemma_.lower() in toll_nouns
                                                       for c in token.children):
        return None  # "raised the death toll to 17" names its source; "raised a flag" does not
    agent = next((c for c in token.children if c.dep_ == "agent"), None)
    if subject is None and agent is not None:
        subject = next((c for c in agent.children if c.dep_ == "pobj"), None)
    if subject is None and token.dep_ == "conj" and token.head.pos_ == "VERB":
        # "The Ombudsman's Office called on ... and said 1,000 people had fled": the subject
        # of the verb it is coordinated with.
        subject = next((c for c in token.head.children if c.dep_ == "nsubj"), None)
    if subject is not None:
        issuer = issuer_of(subject)
        if issuer is None:  # "the statement said": whoever issued it, as "it said" would
            hit = _hit(doc, subject, hedged)
            hit.is_pronoun = True
            return hit
        subject = issuer
        if subject.i < token.i:
            tail = tail_after_comma(doc, _phrase(subject), subject, token)
            if tail is not None:
                return _span_hit(doc, *tail, hedged)
        return _hit(doc, subject, hedged)
    tail = _tail_speaker(token)
    return _span_hit(doc, *tail, hedged) if tail is not None else None


def _span_hit(doc: Doc, left: int, right: int, hedged: bool) -> ClaimantHit:
    return ClaimantHit(doc[left:right].text, doc[left].idx - doc[0].idx,
                       doc[right - 1].idx + len(doc[right - 1].text) - doc[0].idx, hedged=hedged)


def _quoted_source(verb: Token) -> Token | None:
    """"The Saba agency quoted a military source that ...", "state TV quoted the governor as
    saying ...": the one quoted is the source; the medium only relays."""
    if verb.lemma_.lower() != "quote":
        return None
    return next((c for c in verb.children if c.dep_ == "dobj"), None)


def issuer_of(subject: Token) -> Token | None:
    """"A statement from the ministry said", "the ministry's statement said": who issued the
    document is the source. A bare "the statement said" stands for the source last heard from
    (None); "a UN report said" names its own source."""
    if subject.lemma_.lower() not in speech_acts().document_nouns:
        return subject
    for child in subject.children:
        if child.dep_ == "prep" and child.lower_ in ("from", "by", "of"):
            issuer = next((c for c in child.children if c.dep_ == "pobj"), None)
            if issuer is not None:
                return issuer
        if child.dep_ == "poss":
            return child
    if any(c.dep_ in ("compound", "amod", "nmod") for c in subject.children):
        return subject
    if any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in subject.children):
        return None
    return subject


def _tail_speaker(verb: Token) -> tuple[int, int] | None:
    """', the Prosecutor General's Office in Baku said': the parse often hangs the speaker on the
    sentence's last noun instead of on 'said'; take the noun phrase right before the verb."""
    doc = verb.doc
    end = apposed_name_end(verb)
    i = end - 1
    if i < 1 or doc[i].pos_ not in ("NOUN", "PROPN"):
        return None
    j = _left_of_tail(doc, i)
    if j is None:
        return None
    if end < verb.i and j >= 2 and doc[i].head.i == j - 2:
        # ", the information minister, Abdullahi Aden, said": the description before the name too.
        described = _left_of_tail(doc, j - 2)
        if described is not None and end - described <= 14:
            j = described
    if not any(t.pos_ in ("NOUN", "PROPN") for t in doc[j:end]) or end - j > 14 or (end == verb.i and end - j > 8):
        return None
    return j, end


def _left_of_tail(doc: Doc, i: int) -> int | None:
    """The first word of the noun phrase that ends at `i` and follows a comma, or None."""
    # Walk left over "in Baku" to the noun it modifies: "Office in Baku said".
    j = i
    # ... and over "and" between sources: ", residents and a rebel spokesman said".
    while j > 0 and (doc[j].pos_ in ("NOUN", "PROPN", "ADP", "DET", "PART", "ADJ") or doc[j].lower_ == "and") \
            and doc[j - 1].text != ",":
        j -= 1
    if doc[j - 1].text != "," if j > 0 else True:
        return None
    while j < i and doc[j].lower_ in ("the", "a", "an"):
        j += 1
    return j


def _hit(doc: Doc, head: Token, hedged: bool) -> ClaimantHit:
    span = _phrase(head)
    return ClaimantHit(span.text, span.start_char - doc[0].idx, span.end_char - doc[0].idx,
                       is_pronoun=head.lower_ in _PRONOUNS and span.end - span.start == 1, hedged=hedged)


def _phrase(head: Token):
    """The claimant's noun phrase without relative clauses, appositions or trailing punctuation."""
    doc = head.doc
    named = _name_after_clause(head)
    if named is not None:
        return named
    left = head.left_edge.i
    right = head.i
    for child in head.rights:
        if child.dep_ in ("prep", "compound", "pobj", "amod", "nmod", "case") and (
                child.lower_ not in ("since", "after", "before", "during", "for", "with") or _in_name(head, child)):
            right = max(right, right_edge_without_clauses(child))
        elif child.dep_ == "punct" and child.text == ",":
            continue
        elif child.dep_ == "appos" and (child.ent_type_ == "PERSON" or child.pos_ == "PROPN"):
            right = max(right, right_edge_without_clauses(child))  # "a local leader, Bukar Ali,": the name belongs to the claimant
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


def _name_after_clause(head: Token):
    """"The unions that called the strike, the CGT and SUD Sante, said": a description with a
    relative clause, then the name. The name is the claimant (the clause is left out anyway)."""
    rights = [c for c in head.rights if not (c.dep_ == "punct" and c.text == ",")]
    if head.pos_ != "NOUN" or len(rights) < 2 or rights[0].dep_ != "relcl":
        return None
    name = rights[1]
    if name.dep_ != "appos" or name.pos_ != "PROPN":
        return None
    left = name.left_edge.i
    while left < name.i and head.doc[left].lower_ in ("the", "a", "an"):
        left += 1
    return head.doc[left: right_edge_without_clauses(name) + 1]


def tail_after_comma(doc: Doc, phrase, subject: Token, verb: Token) -> tuple[int, int] | None:
    """"... in Norte de Santander province near the border with Venezuela, the army's Second
    Division said": the parser took a place before the comma for the subject and hung the real
    speaker on it. When the subject's phrase runs up to the verb across a comma after the subject,
    the speaker is the noun phrase after the last comma. Returns token bounds (end exclusive)."""
    if phrase.end != verb.i:
        return None
    commas = [t.i for t in phrase if t.text == "," and t.i > subject.i]
    if not commas:
        return None
    left = commas[-1] + 1
    while left < verb.i and doc[left].lower_ in ("the", "a", "an"):
        left += 1
    if verb.i - left < 1 or verb.i - left > 8 or doc[verb.i - 1].pos_ not in ("NOUN", "PROPN"):
        return None
    return left, verb.i


def _in_name(head: Token, prep: Token) -> bool:
    """"International Organization for Migration", "Center for Research and Security Studies": a
    preposition between capitalised words is part of an organisation's name."""
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    return head.pos_ == "PROPN" and head.is_title and obj is not None and obj.pos_ == "PROPN" and obj.is_title
