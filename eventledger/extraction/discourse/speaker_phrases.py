"""Who speaks: the speech verb's subject (or agent, or the parser's misplaced speaker in
"..., the ministry said"), its phrase with the name after a description ("The U.N. human rights
chief, Volker Türk"), and whether it names a person."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from .syntax import apposed_name_end, nearest_subject, right_edge_without_clauses

TITLED = re.compile(r"\b(?:spokes(?:man|woman|person)|minister|president|governor|commander|general|colonel|chief|"
                    r"official|mayor|leader|director|secretary|ambassador|envoy|negotiator|Mr|Mrs|Ms|Dr)\b", re.I)
PERSON_PRONOUNS = {"he", "she", "him", "her"}
GROUP_PRONOUNS = {"they", "it", "them", "we"}
SUBJECT_DEPS = {"nsubj", "nsubjpass"}


def subject_of(verb: Token) -> Token | None:
    subject = nearest_subject(verb, tuple(SUBJECT_DEPS))
    if subject is not None:
        return subject
    if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head is not verb:
        return subject_of(verb.head)
    return None


def tail_speaker(verb: Token) -> Token | None:
    """", the Prosecutor General's Office in Baku said": the parser often hangs the speaker of a
    sentence-final attribution on the previous noun; take the phrase between the comma and the verb."""
    doc = verb.doc
    end = apposed_name_end(verb)  # ", the information minister, Abdullahi Aden, said"
    if end < 2 or doc[end - 1].pos_ not in ("PROPN", "NOUN"):
        return None
    start = end - 1
    while start > 0 and doc[start - 1].text not in (",", "”", "\"", ";", ":") and end - start < 12:
        start -= 1
    if start == 0 or doc[start - 1].text not in (",", "”", "\""):
        return None
    span = doc[start : end]
    heads = [t for t in span if t.head.i < start or t.head.i >= end or t.head == t]
    if heads and end < verb.i and heads[0].head.i == start - 2:
        return heads[0].head  # the description the name is apposed to; its phrase takes the name
    return heads[0] if heads else None


def agent_of(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "agent":
            for grandchild in child.children:
                if grandchild.dep_ == "pobj":
                    return grandchild
    return None


def hung_subject(verb: Token) -> Token | None:
    """"The U.N. human rights chief, Volker Türk, called on ...": the parser made the subject the
    sentence's root and hung the main verb on it as a participle. A root noun that has no verb of
    its own, followed by the speech verb, is its subject."""
    head = verb.head
    if verb.dep_ != "acl" or head.dep_ != "ROOT" or head.pos_ not in ("NOUN", "PROPN") or verb.i < head.i:
        return None
    if not any(c.dep_ == "punct" and c.text == "," and head.i < c.i < verb.i for c in head.children):
        return None  # "the soldiers called up last year": a real participle right after its noun
    return head


def speaker_phrase(token: Token) -> Span:
    """The speaker's phrase: the subject's phrase, with the name put after a description of it
    ("A little-known militant group, Ittehad-ul-Mujahideen Pakistan, claimed ...", "The U.N.
    human rights chief, Volker Türk, called on ...")."""
    phrase = noun_phrase(token)
    if token.pos_ != "NOUN":
        return phrase
    name = next((c for c in token.rights if c.dep_ == "appos" and c.pos_ == "PROPN" and c.i > phrase.end - 1
                 and c.i - phrase.end <= 6), None)
    if name is None:
        # "A spokesman for the group, who gave his name only as Kasereka, denied ...", "a
        # commander identified only as Abu Omar": the name the clause gives is the speaker's.
        for clause in token.subtree:
            if clause.dep_ in ("relcl", "acl") and clause.lemma_.lower() in ("give", "identify") \
                    and phrase.end - 1 < clause.i <= phrase.end + 8:
                for prep in (c for c in clause.children if c.dep_ == "prep" and c.lower_ == "as"):
                    given = next((c for c in prep.children if c.dep_ == "pobj" and c.pos_ == "PROPN"), None)
                    if given is not None:
                        return token.doc[phrase.start : given.right_edge.i + 1]
        return phrase
    return token.doc[phrase.start : right_edge_without_clauses(name) + 1]  # without "..., which runs ..."


def noun_phrase(token: Token) -> Span:
    """The subject's phrase, without trailing appositions or relative clauses."""
    doc = token.doc
    left = token.left_edge.i
    right = token.i
    for child in token.rights:
        if child.dep_ in ("prep", "compound", "amod", "pobj", "nmod") and child.dep_ != "relcl":
            right = max(right, right_edge_without_clauses(child))
        elif child.dep_ == "punct" and child.text == "," and any(
                c.dep_ == "acl" and c.lower_ in ("known", "called", "named") for c in token.rights):
            continue
        elif child.dep_ == "acl" and child.lower_ in ("known", "called", "named") \
                and any(c.lower_ == "as" or c.dep_ == "oprd" for c in child.children):
            right = max(right, child.right_edge.i)  # "the U.N. migration agency, known as IOM"
            break
        else:
            break
    while left < right and doc[left].dep_ in ("det", "cc", "punct", "advmod", "prep") and doc[left].lower_ in ("the", "a", "an", "and", ",", "however", "also", "then"):
        left += 1
    return doc[left : right + 1]


def is_person(span: Span) -> bool:
    if any(t.ent_type_ == "PERSON" for t in span) or span.root.lower_ in PERSON_PRONOUNS:
        return True
    # "Kenscoff Mayor Massillon Jean" (tagged as an organisation), "the army spokesman": a title
    # heading the phrase, or put before a name, makes a person.
    root = span.root
    return bool(TITLED.fullmatch(root.text)) or (root.pos_ == "PROPN" and any(
        TITLED.fullmatch(t.text) for t in span if t.i < root.i and t.dep_ == "compound"))


def is_negated(subject: Token) -> bool:
    """"No group claimed ...", "Nobody said ...": a subject that says there was no speaker."""
    if subject.lower_ in ("nobody", "none", "noone"):
        return True
    return any(c.dep_ == "det" and c.lower_ in ("no", "neither") for c in subject.children)
