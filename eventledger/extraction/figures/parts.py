"""Parts of a toll: a number that breaks down the figure before it ("including two civilians",
"two of them shot") or a toll told elsewhere ("buried 19 of the dead") is no figure of its own;
a part that met another fate ("64 of them had been recaptured") is one."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ...knowledge.figure_words import Lexicon, lexicon
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
