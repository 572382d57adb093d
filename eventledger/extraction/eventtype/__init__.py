"""Event typing: ACLED event type and sub-event type of a sentence or a news snippet.

A cheap pass finds the lexicon's cues with regular expressions (no parse: thousands of snippets
per second); the precedence rules in `rules.py` turn them into one sub-type, or "none" when the
text reports no political-violence, protest or strategic-development event (natural disasters,
accidents, crime, diplomacy, attributions of responsibility, threats, denials).

The vocabularies are data: `eventledger/data/events/lexicon.toml` (cues) and
`eventledger/data/events/taxonomy.toml` (the 6 types and 25 sub-types, with CASE 2021 codes).

When the rules find no event and no reason for "none", a second opinion is asked: a hashed n-gram
linear model (`model.py`, weights in `eventledger/data/events/typing_model.npz`, trained by
`scripts/train_typing.py` on sentences generated from a grammar written for the project, never on
CASE or PLOVER). It decides only when it is sure, and never in a sentence that reports a statement,
a denial, a plan or a disaster. It may also overrule the rules when their decision is contested
(weak cues, two sub-types within a few points) and it is all but sure of another sub-type."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...knowledge.taxonomy import taxonomy
from .lexicon import find
from .model import opinion
from .rules import AGREEMENT_CUES, _waiting_crowd, decide, named_as_old

__all__ = ["EventKind", "Trigger", "classify", "classify_many", "explain", "taxonomy"]


@dataclass(slots=True)
class Trigger:
    start: int  # character offsets into the classified text
    end: int
    text: str


@dataclass(slots=True)
class EventKind:
    event_type: str
    sub_event_type: str
    confidence: float
    trigger: Trigger | None
    # the cues of a cause that is no political violence the text names (a flood, a fire, a crash,
    # an epidemic, old ordnance handled by accident): a toll it gives is no toll of violence
    against: tuple[str, ...] = ()

    def to_dict(self) -> dict:
        return {
            "event_type": self.event_type,
            "sub_event_type": self.sub_event_type,
            "confidence": self.confidence,
            "trigger": None if self.trigger is None else
            {"start": self.trigger.start, "end": self.trigger.end, "text": self.trigger.text},
        }


def classify(text: str) -> EventKind:
    """The ACLED event type and sub-event type of `text` (a sentence or a short snippet)."""
    if not text or not text.strip():
        return EventKind("none", "none", 1.0, None)
    found = find(text)
    kind = _classify(text, found)
    kind.against = tuple(cue for cue in NONVIOLENT_CAUSES if found.has(cue))
    return kind


# Causes of death and harm that are no political violence: nature, disease, accidents.
NONVIOLENT_CAUSES = ("natural_disaster", "health", "accident", "old_ordnance", "uxo_accident")


def _classify(text: str, found) -> EventKind:
    decision = decide(found)
    if decision.sub == "none" and _may_ask_model(found, decision):
        second = opinion(text, found)
        if second is not None and second.sub != "none" and second.probability >= MODEL_MIN \
                and not _unseen_protest(found, second.sub) and not _named_agreement(found, second.sub):
            kind = _from_model(text, second)
            if kind is not None:
                return kind
    elif decision.sub != "none" and _contested(decision):
        second = opinion(text, found)
        if second is not None and second.sub not in ("none", decision.sub) and second.probability >= OVERRULE_MIN \
                and not _absorbed(decision.sub, second.sub) and not _unseen_protest(found, second.sub) \
                and not _named_agreement(found, second.sub):
            kind = _from_model(text, second)
            if kind is not None:
                return kind
    if decision.sub == "none":
        rival = decision.score
        confidence = (decision.none_score + 1.0) / (decision.none_score + rival + 1.0)
        return EventKind("none", "none", round(min(0.99, confidence), 3), None)
    rival = max(decision.runner_up, decision.none_score)
    confidence = decision.score / (decision.score + rival + 1.0)
    hit = decision.trigger
    trigger = _head(text, hit.start, hit.end) if hit else None
    return EventKind(taxonomy().type_of[decision.sub], decision.sub, round(min(0.99, confidence), 3), trigger)


# The second opinion (eventtype/model.py) speaks only when the rules found no event and no reason
# for "none": no disaster, accident, crime, diplomacy or attribution cue, and no statement, demand,
# denial, threat or plan around (a sentence that reports words is not an event); then only when
# it is sure, and its confidence is discounted.
MODEL_MIN = 0.8
MODEL_WEIGHT = 0.6
_SILENCING = ("denial", "demand", "irrealis", "accusation", "attribution", "suspicion", "background", "natural_disaster",
              "health", "accident", "crime", "diplomacy", "old_ordnance", "uxo_accident")


# ...and only about a text that names someone who fights or something that is fought over, or has
# a trigger cue of its own: "the fall of the rupee to a record low" or "the handover of the suspect"
# read like a capture or a handover to the model, but no armed actor is there.
_EVIDENCE = ("gov_actor", "nonstate_actor", "nonstate_actor_cs", "armed_attackers", "military_target", "protest",
             "protest_weak", "crowd_control")


def _may_ask_model(found, decision) -> bool:
    if decision.none_score or any(found.has(cue) for cue in _SILENCING):
        return False
    return any(found.has(cue) for cue in _EVIDENCE) or bool(decision.votes)


# The model may also overrule the rules when their cues are weak and two sub-types came close
# ("air strikes targeted rebel-held areas ... as rebels captured a village"), and only when it is
# all but sure: the rules read who did what to whom, the model only which words are there.
OVERRULE_MAX = 5.0  # the rules' best score below this...
OVERRULE_MARGIN = 0.3  # ...and the runner-up within this share of it
OVERRULE_MIN = 0.97


def _contested(decision) -> bool:
    return decision.score < OVERRULE_MAX and decision.score - decision.runner_up <= OVERRULE_MARGIN * decision.score


def _absorbed(rule_sub: str, model_sub: str) -> bool:
    """Arrests, clashes or looting in a protest story are the protest's (a precedence the rules
    apply and the model does not know): the model does not take a protest or a riot away."""
    types = taxonomy().type_of
    return types[rule_sub] in ("Protests", "Riots") and types[model_sub] not in ("Protests", "Riots")


def _unseen_protest(found, model_sub: str) -> bool:
    """The model does not turn an attack into a protest the rules saw no sign of ("troops opened
    fire on a crowd waiting for flour"): a crowd alone is not a demonstration."""
    if taxonomy().type_of[model_sub] not in ("Protests", "Riots"):
        return False
    if any(found.has(cue) for cue in ("protest", "protest_cs", "crowd_control", "riot", "protest_violent", "mob")):
        return False
    return not any(not _waiting_crowd(found.text, h) for h in found.get("protest_weak"))


def _named_agreement(found, model_sub: str) -> bool:
    """The model does not make an agreement of one the rules read as in force or years old
    ("killed him in violation of the ceasefire", "the 2016 peace deal ended the war"): it sees
    the word, not what it names."""
    hits = [h for cue in AGREEMENT_CUES for h in found.get(cue)]
    return model_sub == "Agreement" and bool(hits) and all(named_as_old(found, h) for h in hits)


# "between November 12 and November 15", "between 20 and 30": a time frame or a range, not who fought whom
_RANGE_AFTER = re.compile(r"\s+(?:\S+\s+)?\d")


def _from_model(text: str, second) -> EventKind | None:
    if second.start < 0:
        return None
    if text[second.start:second.end].lower() == "between" and _RANGE_AFTER.match(text, second.end):
        return None  # the model's only evidence is a date or number range: no event word
    trigger = Trigger(second.start, second.end, text[second.start:second.end])
    confidence = MODEL_WEIGHT * second.probability
    return EventKind(taxonomy().type_of[second.sub], second.sub, round(confidence, 3), trigger)


_WORD = re.compile(r"[\w'-]+")
_NOT_HEAD = {"now", "still", "the", "a", "an", "full", "complete", "have", "has", "had"}
_PASSIVE = re.compile(r"\b(?:were|was|been|being)\s+(?:\w+\s+)?([\w-]+)$")


def _head(text: str, start: int, end: int) -> Trigger:
    """The trigger evidence: a long cue match ("positions of the separatist forces ... have been
    captured", "drive the armed groups out of") is cut to its verb."""
    span = text[start:end]
    words = list(_WORD.finditer(span))
    if len(words) > 3:
        passive = _PASSIVE.search(span)
        if passive:
            start, end = start + passive.start(1), start + passive.end(1)
        else:
            head = next((w for w in words if w.group().lower() not in _NOT_HEAD), words[0])
            start, end = start + head.start(), start + head.end()
    return Trigger(start, end, text[start:end])


def classify_many(texts: list[str]) -> list[EventKind]:
    return [classify(t) for t in texts]


def explain(text: str) -> dict:
    """The votes behind a decision (for debugging the lexicon)."""
    found = find(text)
    decision = decide(found)
    asked = (decision.sub == "none" and _may_ask_model(found, decision)) or (decision.sub != "none" and _contested(decision))
    second = opinion(text, found) if asked else None
    return {
        "sub_event_type": decision.sub,
        "votes": decision.votes,
        "model": None if second is None else {"sub_event_type": second.sub, "probability": round(second.probability, 3)},
        "none_score": round(decision.none_score, 2),
        "cues": {cue: [text[h.start:h.end] for h in hits] for cue, hits in found.hits.items()},
    }
