"""Figures: how many were killed, injured, evacuated, displaced, arrested, abducted, missing, or
gathered, in one parsed sentence. Words and digits ("two", "at least 156", "more than 1,000",
"dozens", "between 10 and 20"), the civilians and children among them ("including two
civilians"), and whether the figure is background (a year before publication in its clause).

This module assembles the figures; the parts live next to it: `numbers` (number phrases),
`kinds` (what is counted, what happened), `parts` (breakdowns of a toll), `background`
(background flags), `groups` (whose toll: civilians, forces, militants), `hit` (the record of
one figure). The vocabulary is the knowledge layer's (`knowledge/figure_words.py`, reading
`eventledger/data/figures/figures.toml`)."""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc, Token

from ...data import shipped_toml
from ...knowledge.figure_words import SAME_KIND, Lexicon, lexicon
from ..discourse.hedges import is_hedged
from .background import is_background
from .groups import TOTAL, group_of
from .hit import FigureHit
from .kinds import counted_noun, figure_kind, gathering, kind_of
from .numbers import NumberPhrase, find_numbers
from .parts import (add_breakdown, died_of_the_living, is_breakdown, is_part_of_toll, own_fate, part_of, part_of_included,
                    part_of_told_toll)

__all__ = ["SAME_KIND", "FigureHit", "Lexicon", "find_figures", "lexicon", "restating_verb"]


def find_figures(doc: Doc, publication_year: int | None = None) -> list[FigureHit]:
    lex = lexicon()
    figures: list[FigureHit] = []
    later_dead: list[FigureHit] = []
    parts: dict[int, int] = {}  # figure index -> how many its listed parts have counted
    breakdowns: list[FigureHit] = []  # the parts of the figures found ("including one soldier")
    numbers = find_numbers(doc)
    for number in numbers:
        noun = counted_noun(doc, number, lex)
        if noun is not None and died_of_the_living(doc, number, lex):
            later_dead.append(_later_dead(doc, number, publication_year))
            continue
        if noun is None:
            continue
        if is_part_of_toll(doc, number, lex):
            told = part_of_told_toll(doc, noun, number, lex, figures, is_background(doc, number.head, publication_year))
            if told is not None:
                breakdowns.append(told)
            continue
        if is_breakdown(noun, number, doc, bool(figures)) and not own_fate(doc, noun, number, lex, figures) \
                or _listed_part(doc, noun, number, figures, parts):
            part = part_of(figures[-1], doc, noun, number, lex) if figures else \
                part_of_included(doc, noun, number, lex, is_background(doc, number.head, publication_year))
            if part is not None:
                breakdowns.append(part)
            add_breakdown(figures, noun, number, lex)
            continue
        kind, trigger = figure_kind(doc, noun, number, lex)
        if kind is None and noun.dep_ == "conj":
            # "caused splinter injuries to two policemen and 13 civilians": a conjunct of a counted
            # noun is counted the same way (rediff; 'six soldiers and seven civilians' alike)
            kind, trigger = next(((f.kind, f.trigger_i) for f in figures if f.noun_i == noun.head.i), (None, None))
        if kind is None:
            continue
        if kind == "crowd" and noun.lower_ not in lex.crowd_nouns and not gathering(doc, trigger):
            continue
        civilians = number.value if noun.lower_ in lex.civilian else (0 if noun.lower_ in lex.combatant else None)
        children = number.value if noun.lower_ in lex.children else None
        start = doc[number.first].idx
        end_token = doc[max(noun.i, number.last - 1)]
        figures.append(FigureHit(
            kind=kind, count=number.value, low=number.low, high=number.high, civilians=civilians, children=children,
            hedged=_hedged(doc, trigger), background=is_background(doc, trigger, publication_year),
            group=group_of(noun, number.first),
            start=start, end=end_token.idx + len(end_token.text), trigger_i=trigger, noun_i=noun.i,
        ))
    if not any(f.kind == "killed" for f in figures):
        figures.extend(later_dead)  # with a death toll of its own in the sentence, a part of it
    joined = _add_joined_ones(doc, lex, figures)
    figures.extend(_singular_victims(doc, lex, figures, publication_year, joined))
    # ("the rally attracted about 20,000 people, while police put the numbers at 3,000": a rival count)
    figures.extend(_restated_counts(doc, numbers, publication_year, {f.start for f in figures}))
    figures.extend(breakdowns)
    return figures


def _listed_part(doc: Doc, noun: Token, number, figures: list[FigureHit], parts: dict[int, int]) -> bool:
    """'six people have been killed, four fighters and two civilians', '14 people were killed:
    eight fighters and six civilians': counts listed after a comma or colon that add up within a
    toll of "people" just told split it ("killed five soldiers, three civilians" lists tolls)."""
    if not figures or noun.dep_ not in ("appos", "conj", "npadvmod", "dep") or number.first == 0:
        return False
    target = figures[-1]
    if target.noun_i is None or doc[target.noun_i].lower_ not in lexicon().generic and target.noun_i != target.trigger_i \
            and not doc[target.noun_i].like_num:
        return False
    before = doc[number.first - 1]
    if before.text not in (",", ":", ";", "-", "—", "–") and not (before.lower_ == "and" and parts.get(len(figures) - 1)):
        return False
    if doc[number.first].idx < target.end:
        return False
    counted = parts.get(len(figures) - 1, 0) + number.value
    if counted > target.count:
        return False
    parts[len(figures) - 1] = counted
    return True


def _later_dead(doc: Doc, number, publication_year: int | None) -> FigureHit:
    """'one of the victims died': that many killed, the verb their trigger."""
    verb = doc[number.head].head
    end_token = doc[number.last - 1]
    return FigureHit(
        kind="killed", count=number.value, low=number.low, high=number.high, civilians=None, children=None,
        hedged=_hedged(doc, verb.i), background=is_background(doc, verb.i, publication_year), group=TOTAL,
        start=doc[number.first].idx, end=end_token.idx + len(end_token.text), trigger_i=verb.i, noun_i=number.head,
    )


# A count that names no kind of its own and restates the count told just before from another
# source: "The police put the number at 8,000", "officials estimated the figure at 300". Its kind
# is "same": the kind of the figure before it, which the resolver fills in (or drops it).
@lru_cache(maxsize=1)
def _restating_words() -> tuple[frozenset[str], frozenset[str]]:
    words = shipped_toml("figures/figures.toml")["restated"]
    return frozenset(words["verbs"]), frozenset(words["nouns"])


def restating_verb(doc: Doc, token_i: int | None) -> int | None:
    """The verb that restates the count at `token_i` ("police put the number at 30,000", "officials
    estimated the crowd at 3,000"), or None: the count is its verb's own estimate."""
    if token_i is None:
        return None
    token = doc[token_i]
    for _ in range(4):  # "about 30,000", "more than 45", "at least 45": from the modifier to the count
        if token.dep_ not in ("nummod", "quantmod", "compound", "advmod", "amod", "npadvmod", "det") or token.head.i == token.i:
            break
        token = token.head
    verb = _estimated_at(token)
    return verb.i if verb is not None else None


def _estimated_at(count: Token) -> Token | None:
    """The estimate verb that puts a count "at" it ("put the number at 30,000"), or None."""
    prep = count.head
    if count.dep_ != "pobj" or prep.lower_ != "at" or prep.head.lemma_.lower() not in _restating_words()[0]:
        return None
    return prep.head


def _restated_counts(doc: Doc, numbers: list[NumberPhrase], publication_year: int | None, taken: set[int] = frozenset()) -> list[FigureHit]:
    _, count_nouns = _restating_words()
    out: list[FigureHit] = []
    for number in numbers:
        verb = _estimated_at(doc[number.head]) if doc[number.first].idx not in taken else None
        if verb is None:
            continue
        noun = next((c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in count_nouns), None)
        if noun is None or any(c.dep_ == "prep" for c in noun.children):
            continue  # "put the number of dead at 30" names its kind: not a restatement
        end_token = doc[number.last - 1]
        out.append(FigureHit(
            kind=SAME_KIND, count=number.value, low=number.low, high=number.high, civilians=None, children=None,
            hedged=_hedged(doc, verb.i), background=is_background(doc, verb.i, publication_year), group=TOTAL,
            start=doc[number.first].idx, end=end_token.idx + len(end_token.text), trigger_i=verb.i, noun_i=noun.i,
        ))
    return out


def _add_joined_ones(doc: Doc, lex: Lexicon, figures: list[FigureHit]) -> set[int]:
    """'a woman and her two children were wounded', 'killed two soldiers and a policeman': one
    person joined to a count is one more of the same toll, not a toll of its own. Returns the
    tokens of the persons folded in."""
    joined: set[int] = set()
    for figure in figures:
        if figure.noun_i is None or figure.kind == SAME_KIND:
            continue
        noun = doc[figure.noun_i]
        one = next((t for t in _conjuncts(noun) if t.i not in joined and _one_person(t, lex)), None)
        if one is None:
            continue
        joined.add(one.i)
        if group_of(one) != figure.group:
            figure.group = TOTAL  # "two soldiers and a civilian": people of more than one side
        figure.count += 1
        figure.low = figure.low + 1 if figure.low is not None else None
        figure.high = figure.high + 1 if figure.high is not None else None
        if figure.civilians is not None and one.lower_ in lex.civilian:
            figure.civilians += 1
        elif figure.civilians is not None and one.lower_ not in lex.combatant:
            figure.civilians = None  # one whose side the text does not tell
        if figure.children is not None and one.lower_ in lex.children:
            figure.children += 1
        figure.start = min(figure.start, one.left_edge.idx)
        figure.end = max(figure.end, one.idx + len(one.text))
    return joined


def _conjuncts(noun: Token) -> list[Token]:
    out = [c for c in noun.children if c.dep_ == "conj"]
    if noun.dep_ == "conj" and noun.head.i != noun.i:
        out.append(noun.head)
    return out


def _one_person(token: Token, lex: Lexicon) -> bool:
    """'a woman', 'an elderly man': one person told by an indefinite singular noun."""
    if token.lower_ not in lex.civilian | lex.combatant | lex.people | lex.titles | lex.children \
            or token.tag_ not in ("NN", "NNP"):  # ("A Junior Commissioned Officer and five jawans")
        return False
    if any(c.dep_ == "nummod" for c in token.children):
        return False
    return any(c.dep_ == "det" and c.lower_ in ("a", "an", "one") for c in token.children)


def _singular_victims(doc: Doc, lex: Lexicon, found: list[FigureHit], publication_year: int | None,
                      joined: set[int] = frozenset()) -> list[FigureHit]:
    """'killed a construction engineer', 'an Afghan doctor was killed': one person."""
    taken = {f.noun_i for f in found} | joined
    out: list[FigureHit] = []
    for token in doc:
        kind = kind_of(token, lex) if token.pos_ == "VERB" else None
        if kind not in ("killed", "injured", "abducted", "arrested"):
            continue
        subject_dies = token.lemma_.lower() in lex.subject_victims  # "a prisoner died", "a soldier lost his leg"
        for child in token.children:
            if child.dep_ not in ("dobj", "nsubjpass", "conj") and not (subject_dies and child.dep_ == "nsubj"):
                continue
            if child.i in taken:
                continue
            victim = child
            if victim.lower_ not in lex.civilian | lex.combatant | lex.people | lex.titles | {"boy", "girl", "suspect", "prisoner", "detainee", "guard"}:
                continue
            det = next((c for c in victim.children if c.dep_ in ("det", "poss")), None)
            definite_person = victim.lower_ in lex.titles and det is not None and det.lower_ in ("the", "his", "her", "its", "their")
            if det is None or (det.lower_ not in ("a", "an", "one", "another") and not definite_person):
                continue  # "killed the deputy chief" is one person; "killed the residents" is no count
            start, end = victim.left_edge.idx, victim.idx + len(victim.text)
            civilians = 1 if victim.lower_ in lex.civilian else (0 if victim.lower_ in lex.combatant else None)
            out.append(FigureHit(
                kind=kind, count=1, low=None, high=None, civilians=civilians,
                children=1 if victim.lower_ in lex.children else None, hedged=_hedged(doc, token.i),
                background=is_background(doc, token.i, publication_year), group=group_of(victim), start=start, end=end,
                trigger_i=token.i, noun_i=victim.i,
            ))
            taken.add(victim.i)
    return out


def _hedged(doc: Doc, trigger: int | None) -> bool:
    if trigger is None:
        return False
    window = doc[max(0, trigger - 6): trigger + 1].text
    return is_hedged(window)
