"""Parts of a toll. A number that breaks down the figure before it ("including two civilians",
"two of them shot", "the dead included 15 children") is a *part* of that figure: it is folded into
it (its civilians and children) and kept as a part figure of the same kind, counted within the
toll and never added to it ("killed seven people, including one soldier": 7 killed, of whom 1 of
the security forces). A number that tells who some of a toll told elsewhere were ("132 of the
dead were children") is a part of it too; one that only does something with them ("buried 19 of
the dead") is no figure. A part that met another fate ("64 of them had been recaptured") is a
figure of its own."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ...knowledge.figure_words import Lexicon, lexicon
from .groups import group_of
from .hit import FigureHit
from .kinds import figure_kind, kind_of
from .numbers import NumberPhrase


def is_part_of_toll(doc: Doc, number: NumberPhrase, lex: Lexicon) -> bool:
    """'buried 19 of the dead', 'three of the wounded later died': a part of a toll the article
    gives elsewhere, not a figure of its own."""
    j = number.last
    if j + 2 < len(doc) and doc[j].lower_ == "of" and doc[j + 1].lower_ in ("the", "those") \
            and doc[j + 2].lower_ in lex.part_of:
        return True
    return False


def died_of_the_living(doc: Doc, number: NumberPhrase, lex: Lexicon) -> bool:
    """'one of the victims died in hospital', 'two of the wounded later died': a part of a toll
    of the living whose own fate is death."""
    j = number.last
    if not (j + 2 < len(doc) and doc[j].lower_ == "of" and doc[j + 1].lower_ in ("the", "those")
            and doc[j + 2].lower_ in lex.living_part_of):
        return False
    head = doc[number.head]
    return head.dep_ in ("nsubj", "nsubjpass") and kind_of(head.head, lex) == "killed"


def is_breakdown(noun: Token, number: NumberPhrase, doc: Doc, after_figure: bool) -> bool:
    """'including two civilians', 'among them 185 children', 'of whom 29 were civilians', 'the
    victims included a police officer and three children'."""
    lex = lexicon()
    head = noun
    while head.dep_ == "conj" and head.head.i != head.i:
        head = head.head
    verb = head.head
    if head.dep_ == "dobj" and verb.lemma_.lower() == "include" and any(
            c.dep_ == "nsubj" and c.lower_ in lex.part_of for c in verb.children):
        return True  # the dead or the victims of a toll told elsewhere, broken down
    if head.dep_ == "nsubj" and verb.lemma_.lower() == "be" and any(
            c.dep_ == "prep" and c.lower_ == "among" and any(o.lower_ in lex.part_of for o in c.children)
            for c in verb.children):
        return True  # "two children were among the wounded": a part of a toll told elsewhere
    # (the word may govern the first of coordinated victims: "including a woman and two children")
    for word in (noun.head, head.head, doc[number.first - 1] if number.first > 0 else None):
        if word is not None and word.lower_ in ("including", "among", "include", "includes") and word.i < number.first:
            return True
    if after_figure and number.last + 1 < len(doc) and doc[number.last].lower_ == "of" \
            and doc[number.last + 1].lower_ in ("them", "whom", "those"):
        return True  # "three people were killed, two of them shot": a part of the figure before
    first = head.i  # the first of coordinated victims: "among them a policeman and two children"
    while first > 0 and doc[first - 1].dep_ in ("det", "amod", "compound", "nummod", "poss"):
        first -= 1
    first = min(first, number.first)
    return first >= 2 and doc[first - 1].lower_ in ("them", "whom") and doc[first - 2].lower_ in ("among", "of")


def own_fate(doc: Doc, noun: Token, number: NumberPhrase, lex: Lexicon, figures: list[FigureHit]) -> bool:
    """'712 inmates escaped and 64 of them had been recaptured', '40 people were abducted and 12 of
    them were later released': a part of the figure before that met another fate (not death or
    injury, which only refine a toll: 'three of the wounded later died') is a figure of its own."""
    if not figures or not (number.last + 1 < len(doc) and doc[number.last].lower_ == "of"
                           and doc[number.last + 1].lower_ in ("them", "those")):
        return False
    kind, trigger = figure_kind(doc, noun, number, lex)
    if kind is None or trigger is None or kind == figures[-1].kind or kind in ("killed", "injured"):
        return False
    verb = doc[trigger]
    return noun.dep_ in ("nsubj", "nsubjpass") and noun.head.i == verb.i and any(c.dep_ in ("aux", "auxpass") for c in verb.children)


def add_breakdown(figures: list[FigureHit], noun: Token, number: NumberPhrase, lex: Lexicon) -> None:
    """Fold a breakdown into the figure before it: its civilians or children, and its end."""
    if not figures:
        return
    target = figures[-1]
    word = noun.lower_
    if word in lex.children:
        target.children = number.value
    elif word in lex.civilian:
        target.civilians = number.value
    # Other breakdowns ("including three soldiers") tell nothing about civilians: leave as is.
    if noun.i >= number.last - 1:
        target.end = max(target.end, noun.idx + len(noun.text))


def part_of(target: FigureHit, doc: Doc, noun: Token, number: NumberPhrase, lex: Lexicon) -> FigureHit | None:
    """The breakdown `number` of `target` as a part figure: the target's kind, claimant context
    and status, the breakdown's own count and victim group."""
    if number.value is None:
        return None
    return _part(target.kind, target.trigger_i, target.hedged, target.background, doc, noun, number, lex)


def part_of_told_toll(doc: Doc, noun: Token, number: NumberPhrase, lex: Lexicon, figures: list[FigureHit],
                      background: bool) -> FigureHit | None:
    """'132 of the dead were children', 'More than 100 of the dead were children': who some of a
    toll told elsewhere were, a part of it (of the kind its word names: the dead were killed).
    Only a part said to be people of some kind counts; 'buried 19 of the dead' is none."""
    j = number.last
    word = doc[j + 2] if j + 2 < len(doc) else None
    kind = lex.word_kind.get(word.lower_) if word is not None else None
    if kind is None or number.value is None:
        return None
    verb = doc[number.head].head
    if doc[number.head].dep_ not in ("nsubj", "nsubjpass") or verb.lemma_.lower() != "be":
        return None
    who = next((c for c in verb.children if c.dep_ == "attr" and c.pos_ in ("NOUN", "PROPN")), None)
    if who is None or group_of(who) == "total" and who.lower_ not in lex.children | lex.civilian:
        return None
    hit = _part(kind, verb.i, False, background, doc, who, number, lex)
    hit.end = max(hit.end, who.idx + len(who.text))
    return hit


def part_of_included(doc: Doc, noun: Token, number: NumberPhrase, lex: Lexicon, background: bool) -> FigureHit | None:
    """'The dead included at least 15 children, 10 women and six policemen', 'the deceased
    included three jawans': the parts of a toll told elsewhere, of the kind its word names."""
    head = noun
    while head.dep_ == "conj" and head.head.i != head.i:
        head = head.head
    verb = head.head
    if number.value is None or head.dep_ != "dobj" or verb.lemma_.lower() != "include":
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.lower_ in lex.part_of), None)
    kind = lex.word_kind.get(subject.lower_) if subject is not None else None
    if kind is None:
        return None
    return _part(kind, verb.i, False, background, doc, noun, number, lex)


def _part(kind: str, trigger: int | None, hedged: bool, background: bool, doc: Doc, noun: Token,
          number: NumberPhrase, lex: Lexicon) -> FigureHit:
    word = noun.lower_
    end_token = doc[max(noun.i, number.last - 1)]
    return FigureHit(
        kind=kind, count=number.value, low=number.low, high=number.high,
        civilians=number.value if word in lex.civilian or word in lex.children else None,  # (a part of forces says nothing of the rest)
        children=number.value if word in lex.children else None, hedged=hedged, background=background,
        group=group_of(noun, number.first), start=doc[number.first].idx, end=end_token.idx + len(end_token.text),
        trigger_i=trigger, noun_i=noun.i, part=True,
    )
