"""Whether a figure is background rather than news of the reported event: its clause is dated
to an earlier year or period, it is a running total ("since the invasion began", "the conflict
has killed ..."), or a standing count ("7 million people are displaced")."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ...knowledge.figure_words import Lexicon, lexicon
from .numbers import YEAR


def is_background(doc: Doc, trigger: int | None, publication_year: int | None) -> bool:
    """A figure is background when its clause is dated to an earlier year ('died ... in 2020'), or
    to an earlier period ('last month'), or when it is a running total ('since the invasion began',
    'the conflict has killed more than 40,000'), or about earlier events ('during those protests')."""
    if trigger is None:
        return False
    if publication_year is not None:
        if any(YEAR.match(token.text) and int(token.text) < publication_year for token in doc[trigger].subtree):
            return True
        if any(YEAR.match(token.text) and int(token.text) < publication_year for token in _clause_scope(doc[trigger])):
            return True
        if any(YEAR.match(token.text) and int(token.text) < publication_year for token in list(doc[trigger].ancestors)[:6]):
            return True  # "since 2014, when militants kidnapped 276 schoolgirls": the clause hangs on the year
    return _running_total(doc[trigger], lexicon())


def _clause_scope(trigger: Token) -> list[Token]:
    """The trigger's clause without relative clauses, and the adverbials of the clauses it hangs
    in ('In April 2023, an air strike on a crowd gathered ..., killed 170': the date sits on the
    first verb of the sentence)."""
    out: list[Token] = []

    def walk(token: Token) -> None:
        out.append(token)
        for child in token.children:
            if child.dep_ not in ("relcl", "acl"):
                walk(child)

    walk(trigger)
    token = trigger
    for _ in range(6):
        head = token.head
        if head.i == token.i:
            break
        for child in head.children:
            if child.i != token.i and child.dep_ in ("prep", "npadvmod", "advmod") and child.lower_ != "since":
                out.extend(child.subtree)
        token = head
    return out


def _running_total(trigger: Token, lex: Lexicon) -> bool:
    scope = _clause_scope(trigger)
    for token in scope:
        if token.lower_ == "since" and _since_long(token, lex):
            return True
        if token.lower_ == "those" and token.dep_ == "det" and token.head.head.lower_ in ("during", "in", "amid"):
            return True  # "killed during those protests": the earlier events just described
    text = " ".join(t.lower_ for t in sorted(scope, key=lambda t: t.i))
    for period in lex.past_periods:
        at = f" {text} ".find(f" {period} ")
        if at >= 0 and not f" {text} "[:at].endswith(" since"):
            return True
    if any(pattern.search(f" {text} ") for pattern in lex.total_periods):
        return True  # "have been killed over the past 15 months", "in the 15 months to March"
    if any(c.lower_ in ("has", "have", "had") and c.dep_ == "aux" for c in trigger.children):
        for period in lex.perfect_periods:
            if f" {period} " in f" {text} ":
                return True  # "roadside bombs had killed dozens of civilians this year"
    if trigger.pos_ in ("VERB", "AUX") and any(c.lower_ in ("has", "have") and c.dep_ == "aux" for c in trigger.children):
        subject = next((c for c in trigger.children if c.dep_ == "nsubj"), None)
        if subject is not None and subject.lemma_.lower() in lex.cumulative_subjects | lex.cumulative_pronouns:
            return True  # "The conflict has killed more than 40,000 people", "It has killed ..."
        if any({n.lemma_.lower(), n.lower_} & lex.cumulative_subjects for a in trigger.children
               if a.dep_ == "agent" or (a.dep_ == "prep" and a.lower_ == "by")
               for n in a.children if n.dep_ in ("pobj", "pcomp")):
            return True  # "3.5 million people have been displaced by fighting across the country"
    if _perfect_since(trigger, lex):
        return True
    if _toll_of_a_war(trigger, lex):
        return True
    if _standing_displacement(trigger):
        return True
    if trigger.dep_ == "conj" and trigger.head.pos_ in ("VERB", "AUX") and trigger.head.i != trigger.i:
        return _running_total(trigger.head, lex)  # "have killed 6,200 since the coup, and 28,000 have been arrested"
    return False


def _since_long(since: Token, lex: Lexicon) -> bool:
    """'since the invasion began', 'since the truce': since the start of something long; not
    a ranking ('the deadliest strike since the truce')."""
    head = since.head
    if head.tag_ in ("JJS", "RBS") or any(c.tag_ in ("JJS", "RBS") for c in head.children):
        return False
    return any(word.lemma_.lower() in lex.since_nouns for word in since.doc[since.i + 1: since.i + 6])


def _perfect_since(trigger: Token, lex: Lexicon) -> bool:
    """'Israel has kept up strikes since the truce, killing more than 300': the participle's toll
    runs as long as the perfect clause it hangs on. Without the perfect ('the deadliest strike
    since the truce, killing 12') the clause reports one event."""
    token = trigger
    while token.dep_ in ("advcl", "conj", "xcomp") and token.head.i != token.i:
        token = token.head
        if any(c.dep_ == "aux" and c.lower_ in ("has", "have", "had") for c in token.children) \
                and any(c.lower_ == "since" and _since_long(c, lex) for c in token.children):
            return True
    return False


def _toll_of_a_war(trigger: Token, lex: Lexicon) -> bool:
    """'The war in Yemen caused the death of hundreds of thousands', 'the conflict killed 300,000':
    what a whole war did, in any tense, is its total, not a reported event's toll (unlike
    'the fighting killed 12', which may be the event itself)."""
    token = trigger
    for _ in range(3):
        subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None:
            modifiers = [c.lower_ for c in subject.children if c.dep_ in ("amod", "compound") and c.i < subject.i]
            return bool({subject.lemma_.lower(), " ".join([*modifiers, subject.lower_])} & lex.war_subjects)
        if token.head.i == token.i:
            return False
        token = token.head
    return False


def _standing_displacement(trigger: Token) -> bool:
    """'More than 7 million people are displaced in Congo', '40,000 remain displaced': the present
    tense counts who is displaced now (a standing total), not who fled in the reported event
    ('3,000 people were displaced', 'have fled')."""
    if trigger.lemma_.lower() != "displace" and trigger.lower_ != "displaced":
        return False
    if any(c.dep_ == "auxpass" and c.tag_ in ("VBP", "VBZ") for c in trigger.children):
        return True
    if trigger.dep_ == "acl" and trigger.head.head.tag_ in ("VBP", "VBZ") and trigger.head.dep_ in ("dobj", "attr", "nsubj"):
        return True  # "the city hosts 100,000 people displaced by fighting": the displaced living there now
    head = trigger.head
    return trigger.dep_ in ("acomp", "xcomp") and head.lemma_.lower() == "remain" and head.tag_ in ("VBP", "VBZ")
