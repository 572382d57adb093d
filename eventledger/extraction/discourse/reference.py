"""Reference back to an event already told: a sentence that opens on it ("The operation in X
..."), names it ("the operation killed 25", "were killed in the Azerbaijani operation"), or says
when and where it happened ("The attack was launched in the Semdinli district on Monday"). Such a
sentence tells no new event; resolve folds it into the event it points to."""

from __future__ import annotations

import re
from functools import lru_cache

from .reporting import is_definite, sentence_rules

# A sentence that opens on an event already reported, placed: "The operation in X ...".
_OPENS_ON = re.compile(r"^(?:\w+,?\s+){0,2}?(?:the|this|that)\s+(operation|offensive|attack|assault|strike|raid|"
                     r"clashes|fighting|bombing|explosion|blast|protests?|demonstrations?|rally|march)\s+(?:in|at|near|on)\s", re.I)
_TOLD = re.compile(r"\b(?:the|this|that|its|their)\s+(?:\w+\s+)?(operation|offensive|attack|assault|strike|strikes|fighting|clashes|bombardment|raid|shelling|protests?|demonstrations?|rally|incident|explosion|blast|evacuation|drone|missile|bombing|ambush|airstrike|riots?|unrest|violence)\b", re.I)
_IN = re.compile(r"\b(?:in|during|by|amid)\s+$", re.I)


def opens_on_told_event(text: str) -> re.Match[str] | None:
    """'The operation in the Wakiso district involved ...': the match, whose group 1 is the noun."""
    return _OPENS_ON.search(text)


def told_event_word(text: str, trigger_start: int | None) -> str | None:
    """The noun of the event already reported that the sentence refers back to: when its own event
    word is the anaphor ("the operation killed 25"), when it has none, or when what it reports
    happened in it ("25 people were killed in the Azerbaijani operation"). "Hours before the start
    of the operation, six were killed in mine explosions" reports a new event of its own."""
    for anaphor in _TOLD.finditer(text):
        if trigger_start is None or anaphor.start() <= trigger_start < anaphor.end() or (
            trigger_start < anaphor.start() and _IN.search(text[:anaphor.start()])
        ) or 0 <= trigger_start - anaphor.end() <= 16:  # "the drone had struck ...": its subject
            return anaphor.group(1).lower()
    return None


@lru_cache(maxsize=1)
def _occurrence_forms() -> re.Pattern[str]:
    forms = sorted(sentence_rules()["occurrence_forms"], key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(f) for f in forms) + r")\b", re.I)


def may_tell_event_happened(text: str) -> bool:
    """A cheap test before parsing: the sentence has a verb of occurrence ("took place")."""
    return _occurrence_forms().search(text) is not None


def told_event_happened(doc):
    """The verb and event noun of a clause that says when or where an event already told happened:
    a definite event noun as the subject of a verb of occurrence ("The attack was launched in the
    Semdinli district", "said the killing took place at Magarya village"), or described by one in
    a relative clause ("Victims of the attack, which occurred on 30 July in the village of
    Bunangiri"). None when the sentence has no such clause."""
    rules = sentence_rules()
    for verb in doc:
        lemma = verb.lemma_.lower()
        if verb.pos_ not in ("VERB", "AUX") or lemma not in rules["occurrence_verbs"]:
            continue
        if lemma == "take" and not any(c.dep_ == "dobj" and c.lower_ == "place" for c in verb.children):
            continue
        if lemma in ("launch", "carry", "stage") and not any(c.dep_ == "auxpass" for c in verb.children):
            continue  # "militants launched an attack": a new act, not one told
        nouns = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if verb.dep_ == "relcl":
            nouns.append(verb.head)
        for noun in nouns:
            if noun.lower_ in rules["told_event_nouns"] and is_definite(noun):
                return verb, noun
    return None
