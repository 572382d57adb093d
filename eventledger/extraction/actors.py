"""The actors of an event word: who did it (actor1) and to whom (actor2), read off the parse.

'Azerbaijan launched a military operation' -> actor1 Azerbaijan; 'the Azerbaijani operation' ->
actor1 Azerbaijani; 'attacks by Taliban militants on a police post' -> actor1 Taliban militants;
'police fired on protesters' -> actor1 police, actor2 protesters. Names are normalised later
(resolve stage); this module only finds the phrases and their roles."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.tokens import Doc, Token

# Verbs whose subject carries out the event named by their object ("Azerbaijan launched an operation").
_LAUNCH = {"launch", "conduct", "carry", "begin", "start", "stage", "mount", "continue", "intensify", "escalate",
           "hold", "organize", "organise", "lead", "wage", "step", "resume", "undertake", "execute", "perpetrate"}
_ACTOR_ENTS = {"NORP", "ORG", "GPE", "PERSON"}
_PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "who", "which", "that", "this", "these", "those"}


@dataclass(slots=True)
class ActorHit:
    text: str
    role: str  # actor1 | actor2
    start: int  # char offsets relative to the sentence
    end: int


@lru_cache(maxsize=1)
def _actor_nouns() -> frozenset[str]:
    data = tomllib.loads(resources.files("eventledger.data").joinpath("actors/forces.toml").read_text("utf-8"))
    return frozenset(noun.split()[-1] for spec in data.values() for noun in spec["nouns"])


def find_actors(doc: Doc, trigger_i: int) -> list[ActorHit]:
    trigger = doc[trigger_i]
    found: list[ActorHit] = []
    heads: list[int] = []  # the head token of each hit, in the order of `found`

    def add(token: Token, role: str) -> None:
        if token.i in heads or not _is_actor(token):
            return
        heads.append(token.i)
        left, right = _extent(token)
        base = doc[0].idx
        found.append(ActorHit(doc[left:right + 1].text, role, doc[left].idx - base,
                              doc[right].idx + len(doc[right].text) - base))

    verb = trigger if trigger.pos_ in ("VERB", "AUX") else None
    if verb is None and trigger.dep_ in ("dobj", "nsubjpass", "nsubj") and trigger.head.pos_ == "VERB":
        # "Azerbaijan launched a military operation": the operation's doer is the launcher.
        if trigger.dep_ == "dobj" and trigger.head.lemma_.lower() in _LAUNCH:
            subject = _subject(trigger.head)
            if subject is not None:
                add(subject, "actor1")
    if verb is not None:
        passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)
        for child in verb.children:
            if child.dep_ == "nsubj":
                add(child, "actor1")
            elif child.dep_ == "agent":
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        add(obj, "actor1")
            elif child.dep_ in ("dobj", "nsubjpass") or (child.dep_ == "prep" and child.lower_ in ("on", "against", "at")):
                targets = [child] if child.dep_ != "prep" else [c for c in child.children if c.dep_ == "pobj"]
                for target in targets:
                    add(target, "actor2")
        if not passive and not any(a.role == "actor1" for a in found):
            subject = _subject(verb)
            if subject is not None:
                add(subject, "actor1")
    else:
        for child in trigger.children:
            if child.dep_ in ("poss", "amod", "compound") and child.i < trigger.i:
                add(child, "actor1")
            elif child.dep_ == "prep" and child.lower_ in ("by", "of", "from"):
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        add(obj, "actor1" if child.lower_ != "of" or not found else "actor2")
            elif child.dep_ == "prep" and child.lower_ in ("on", "against", "targeting"):
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        add(obj, "actor2")
    # Conjoined actors: "Azerbaijan and Armenia".
    for hit, token_i in list(zip(found, heads)):
        for conj in doc[token_i].conjuncts:
            add(conj, hit.role)
    return found


def _subject(verb: Token) -> Token | None:
    token = verb
    for _ in range(3):
        subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
        if subject is not None:
            return subject
        if token.dep_ not in ("xcomp", "conj", "advcl") or token.head.i == token.i:
            return None
        token = token.head
    return None


def _is_actor(token: Token) -> bool:
    if token.lower_ in _PRONOUNS or token.ent_type_ in ("DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT"):
        return False
    if token.dep_ == "amod" and token.ent_type_ != "NORP" and token.pos_ != "PROPN":
        return False  # "military operation": an adjective, not an actor
    if token.ent_type_ in _ACTOR_ENTS and token.ent_type_ != "":
        return True
    if token.pos_ == "PROPN":
        return True
    return token.lower_ in _actor_nouns() or token.lemma_.lower() in _actor_nouns()


def _extent(token: Token) -> tuple[int, int]:
    """The actor phrase: the head with its modifiers to the left, and "of X"/"in X" to the right."""
    doc = token.doc
    left = token.i
    for child in token.lefts:
        if child.dep_ in ("compound", "amod", "nmod", "poss", "det", "nummod") :
            left = min(left, child.left_edge.i)
    right = token.i
    for child in token.rights:
        if child.dep_ == "prep" and child.lower_ == "of" and child.i == right + 1 and child.right_edge.i - child.i <= 5:
            right = child.right_edge.i
        elif child.dep_ in ("compound", "appos") and child.i == right + 1 and child.dep_ == "compound":
            right = child.i
        else:
            break
    while left < token.i and doc[left].lower_ in ("the", "a", "an", "some", "its", "their"):
        left += 1
    while right > token.i and doc[right].is_punct:
        right -= 1
    return left, right
