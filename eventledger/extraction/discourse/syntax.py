"""Where a speaker's phrase begins and ends in the parse: shared by who asserts a clause
(`attribution`) and who speaks a statement (`speaker_phrases`)."""

from __future__ import annotations

from spacy.tokens import Token


def nearest_subject(verb: Token, deps: tuple[str, ...]) -> Token | None:
    """The verb's subject; when the parser gave it two ("Gunmen killed 27 ..., the ministry said"),
    the one nearest before the verb: the first is the reported clause's own subject."""
    subjects = [c for c in verb.children if c.dep_ in deps]
    before = [c for c in subjects if c.i < verb.i]
    return before[-1] if before else (subjects[0] if subjects else None)


def apposed_name_end(verb: Token) -> int:
    """Where the speaker's phrase before the verb ends: at the verb, or at the comma that closes a
    name in apposition (", the information minister, Abdullahi Sheikh Aden, said")."""
    doc = verb.doc
    name = doc[verb.i - 2] if verb.i >= 3 else None
    if doc[verb.i - 1].text == "," and name is not None and name.pos_ == "PROPN" and name.dep_ == "appos" \
            and name.head.i < name.i:
        return verb.i - 1
    return verb.i


def right_edge_without_clauses(token: Token) -> int:
    """The last token of `token`'s phrase, leaving out relative clauses hung inside it ("a doctor
    at the hospital, who asked not to be named"), and the commas before them."""
    doc = token.doc
    skip: set[int] = set()
    for t in token.subtree:
        if t.dep_ == "relcl" and t.i != token.i:
            skip.update(x.i for x in t.subtree)
    kept = sorted(t.i for t in token.subtree if t.i not in skip)
    while len(kept) > 1 and kept[-1] > token.i and (doc[kept[-1]].is_punct or doc[kept[-1]].dep_ == "cc"):
        kept.pop()
    return kept[-1] if kept else token.i
