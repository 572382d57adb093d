"""Whether a sentence that names an event reports that it happened: what someone disputes, an
aim, what something is, a sound heard, a habit or a standing state are named, not reported; and
what a reporting sentence points back to (the doers or the cause of an event already told).
Vocabulary: `eventledger/data/events/article_rules.toml` [sentence]."""

from __future__ import annotations

import re
from functools import lru_cache

from ...data import shipped_toml
from ...knowledge.figure_words import group_nouns
from ...knowledge.speech import saying_verbs


# What the sentence rules say, as data: eventledger/data/events/article_rules.toml [sentence].
@lru_cache(maxsize=1)
def sentence_rules() -> dict[str, set[str]]:
    """The word lists of `article_rules.toml` [sentence], each as a set."""
    return {key: set(words) for key, words in shipped_toml("events/article_rules.toml")["sentence"].items()}


@lru_cache(maxsize=1)
def _agreement_made() -> re.Pattern[str]:
    patterns = shipped_toml("events/article_rules.toml")["agreement"]["made"]
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.I)


@lru_cache(maxsize=1)
def _history() -> tuple[re.Pattern[str], frozenset[str]]:
    table = shipped_toml("events/article_rules.toml")["history"]
    return re.compile("|".join(f"(?:{p})" for p in table["spans"]), re.I), frozenset(table["verdicts"])


def told_as_history(doc, trigger_i: int | None) -> bool:
    """The sentence tells the story's history, not its news: it is told over a span of time ("in
    recent months", "over the years", "throughout 2021"), it gives a court's verdict or
    a trial on the act ("was sentenced ... for detonating two bombs"), or the act describes who
    someone is, in the present ("gangs who kidnap for ransom", "a group that is fighting to ...")."""
    spans, verdicts = _history()
    if spans.search(doc.text):
        return True
    if trigger_i is None:
        return False
    token = doc[trigger_i]
    if any(t.lemma_.lower() in verdicts and t.i < trigger_i for t in doc):
        return True
    verb = token if token.pos_ in ("VERB", "AUX") else token.head
    for _ in range(3):  # the trigger's clause: its verb, or the verb its noun hangs on
        if verb.dep_ == "relcl" and (verb.tag_ in ("VBP", "VBZ")
                                    or any(c.dep_ == "aux" and c.tag_ in ("VBP", "VBZ") for c in verb.children)):
            return True
        if verb.dep_ not in ("xcomp", "conj", "dobj") or verb.head == verb:
            break
        verb = verb.head
    return False


def agreement_made(sentence: str) -> bool:
    """Whether the sentence says an agreement was made (reached, signed, agreed, declared, taken
    effect, a swap carried out), not only named ("peace talks in Qatar", "an existing truce",
    "under the ceasefire agreement"): an agreement named, not made, reports no event."""
    return _agreement_made().search(sentence) is not None


def named_as_context(noun, rules) -> bool:
    """'in response to a deadly attack', 'in retaliation for air raids', 'It followed recent heavy
    fighting': an event noun that only sets the scene of what the sentence tells."""
    if noun.dep_ == "pobj" and noun.head.head.lemma_.lower() in rules["context_nouns"]:
        return True  # (the preposition hangs on "response", "retaliation", "midst")
    return noun.dep_ == "dobj" and noun.head.lemma_.lower() in rules["context_verbs"]


SPORT_WORDS_NEEDED = 2
ARMED_GROUPS = ("security_forces", "militants", "attackers")


@lru_cache(maxsize=1)
def _armed_nouns() -> frozenset[str]:
    return group_nouns(*ARMED_GROUPS)


def names_armed_people(doc) -> bool:
    """The sentence names soldiers, police, militants or attackers (the victim groups' words of
    `figures/groups.toml`) other than as its source ("..., police said", "according to police"):
    people who do violence may be doing it."""
    armed, saying = _armed_nouns(), saying_verbs()
    for token in doc:
        if token.lower_ not in armed and token.lemma_.lower() not in armed:
            continue
        if token.dep_ == "nsubj" and token.head.lemma_.lower() in saying:
            continue  # "..., police said"
        if token.dep_ == "pobj" and token.head.lower_ == "to" and token.head.head.lower_ == "according":
            continue  # "according to police"
        return True
    return False


def about_a_game(doc, rules=None) -> bool:
    """The sentence tells of a game: its war words are sport's ("defeated Wales in the second of two
    rugby test matches"), and it names no armed people, police or violence done ("Taliban fighters
    overran the district centre, their biggest win of the season" is no game)."""
    rules = rules or sentence_rules()
    lowered = {t.lower_ for t in doc}
    return len(lowered & rules["sport_words"]) >= SPORT_WORDS_NEEDED and not lowered & rules["game_breakers"] \
        and not names_armed_people(doc)


def reports_no_event(doc, trigger_i: int) -> bool:
    """The sentence (with no toll) names an event without reporting that it happened: what someone
    disputes ("X rejected the accusations ..."), an aim ("the aim of the operation is ...",
    "necessary to drive the rebels out"), what something is ("the withdrawal ... is the only way
    to peace") or a sound heard ("explosions were heard")."""
    rules, token = sentence_rules(), doc[trigger_i]
    root = next((t for t in doc if t.dep_ == "ROOT"), token)
    for verb in doc:
        if verb.lemma_.lower() in rules["disputing_verbs"] and verb.pos_ == "VERB" \
                and (verb == root or (verb.head == root and verb.dep_ in ("ccomp", "conj"))) \
                and (verb.i < trigger_i or token in verb.subtree):
            return True
    if any(t.dep_ in ("nsubj", "nsubjpass") and t.head == root and t.lemma_.lower() in rules["purpose_nouns"]
           for t in doc):
        return True
    # "X is the only way to ...": a noun phrase said to be another ("Fighting was heavy" reports).
    if root.lemma_ == "be" and any(c.dep_ == "attr" for c in root.children) \
            and any(c.dep_ in ("nsubj", "attr") and token in c.subtree for c in root.children):
        return True
    # "No incidents or arrests were reported", "no strikes were carried out": named as not happening.
    noun = token
    while noun.dep_ == "conj" and noun.head != noun and noun.head.pos_ in ("NOUN", "PROPN"):
        noun = noun.head
    if token.pos_ in ("NOUN", "PROPN") and any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children):
        return True
    clause = token
    if token.pos_ in ("NOUN", "PROPN") and token.dep_ in ("dobj", "attr") and token.head.pos_ in ("VERB", "AUX"):
        clause = token.head  # "asked both sides to reach an agreement": the noun's clause is the aim
    while clause.dep_ == "conj" and clause.head != clause:
        clause = clause.head
    if any(c.dep_ == "aux" and c.tag_ == "TO" for c in clause.children) \
            and not any(c.dep_ == "aux" and c.lemma_ == "have" for c in clause.children):
        governor = clause.head
        words = {governor.lemma_.lower()} | {c.lemma_.lower() for c in governor.children if c.dep_ in ("acomp", "attr", "dobj")}
        if clause.dep_ in ("advcl", "acl") or words & rules["purpose_governors"]:
            return True
    named = token.head if token.dep_ in ("amod", "compound") and token.head.pos_ in ("NOUN", "PROPN") else token
    while named.dep_ == "conj" and named.head != named and named.head.pos_ in ("NOUN", "PROPN"):
        named = named.head
    if named.pos_ in ("NOUN", "PROPN") and named_as_context(named, rules):  # ("heavy fighting", "air raids")
        return True
    if about_a_game(doc, rules):
        return True
    heard = noun if token.pos_ in ("NOUN", "PROPN") else token  # "explosions and gunfire were heard": the first
    if heard.pos_ in ("NOUN", "PROPN") and heard.dep_ in ("nsubj", "nsubjpass", "dobj") \
            and heard.head.lemma_.lower() in rules["perception_verbs"]:
        return True
    return dates_something_else(token) or told_as_future(token)


def dates_something_else(token) -> bool:
    """"... told the crowd before the clashes": an event already told ("the"), named only as the
    time of what the sentence reports."""
    if token.dep_ != "pobj" or not is_definite(token):
        return False
    prep = token.head
    words = {prep.lower_, f"{prep.head.lower_} {prep.lower_}"}
    return bool(words & sentence_rules()["time_prepositions"])


def told_as_future(token) -> bool:
    """"vowed that the bombing would not stop the drive", "said the march will go ahead": the
    event word is the subject, object or verb of a clause of what will or would happen."""
    verb = token if token.pos_ in ("VERB", "AUX") else token.head
    if verb is not token and token.dep_ not in ("nsubj", "nsubjpass", "dobj"):
        return False
    return any(c.dep_ == "aux" and c.tag_ == "MD" and c.lower_ in sentence_rules()["future_modals"] for c in verb.children)


def is_definite(token) -> bool:
    """"the attack", "its offensive": a noun with a definite determiner or a possessor."""
    return any(c.dep_ in ("det", "poss") and c.lower_ in sentence_rules()["definite_determiners"] for c in token.children)


def names_doers(token) -> bool:
    """The typer's trigger is the doers of an event already told ("led them to the kidnappers"):
    people, not an act."""
    return token.lemma_.lower() in sentence_rules()["perpetrator_nouns"] and is_definite(token)


def doers_subject(token) -> str | None:
    """"The attackers ... shot dead a guard": the subject points back to an event already told."""
    for child in token.children:
        if child.dep_ in ("nsubj", "nsubjpass") and names_doers(child):
            return child.lower_
    return None


def known_cause(token) -> str | None:
    """"Houses were destroyed by the bombs": the cause is something already told."""
    verb = token if token.pos_ in ("VERB", "AUX") else token.head
    for agent in (c for c in verb.children if c.dep_ == "agent"):
        for noun in agent.children:
            if noun.dep_ == "pobj" and is_definite(noun):
                return noun.lower_
    return None


def tells_a_state(doc, trigger_i: int | None) -> bool:
    """A habit ("the rebels systematically shell our positions") or a standing state told in the
    perfect with a duration ("the RSF has besieged the city for more than a year")."""
    rules = sentence_rules()
    if trigger_i is not None:
        token = doc[trigger_i]
        if any(a.dep_ == "advmod" and a.lower_ in rules["habitual_adverbs"] and (a.head == token or a.head == token.head)
               for a in doc):
            return True
    for prep in doc:
        if prep.lower_ == "for" and prep.dep_ == "prep" \
                and any(n.dep_ == "pobj" and n.lower_ in rules["duration_units"] for n in prep.children) \
                and any(c.dep_ == "aux" and c.lemma_ == "have" for c in prep.head.children):
            return True
    return False


def follows_on(doc) -> bool:
    """"Russia then sent ...": told as what came next after the sentence before."""
    rules = sentence_rules()
    words = rules["sequence_adverbs"] | rules.get("additive_adverbs", set())
    if any(t.dep_ == "advmod" and t.lower_ in words and t.head.dep_ == "ROOT" for t in doc):
        return True
    # "... launched air strikes in response": the answer to what was just told.
    responses = rules.get("response_nouns", set())
    return any(t.lower_ == "in" and t.dep_ == "prep" and (t.head.dep_ == "ROOT" or t.head.head.dep_ == "ROOT")
               and any(c.dep_ == "pobj" and c.lemma_.lower() in responses and not any(g.dep_ == "prep" for g in c.children)
                       for c in t.children)
               for t in doc)
