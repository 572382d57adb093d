"""Which verbs make statements and of what kind (demand, accuse, deny, reject, appeal, support,
threaten, claim): the speech verb or phrasal verb, or for a bare "claim" the cue words in what
was said; and the verbs that look like speech but state nothing ("are said to have been
killed", "asked not to be named", "a strike blamed on the RSF"). The vocabulary is in
`eventledger/data/statements/speech_acts.toml`."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from ...knowledge.speech import speech_acts
from .speaker_phrases import agent_of, hung_subject

_PREFILTER_WORDS = (
    r"[“”\"«»]|\b(?:sa(?:id|ys?)|announc|stat|told|tells?|claim|accus|blam|condemn|den(?:y|ied|ies)|"
    r"reject|refut|call(?:ed|s|ing)?\s+(?:on|for|upon)|call(?:ed|s)\b|urg|appeal|demand|insist|warn|threat|"
    r"support|back|welcom|endors|according to|wrote|writes|emphasi|stress|declar|describ|dismiss|vow)"
)


def _stem(lemma: str) -> str:
    """What the regular forms of a verb begin with: "urg" (urged, urging), "den(?:y|ie)" (denied)."""
    if lemma.endswith("y"):
        return re.escape(lemma[:-1]) + "(?:y|ie)"
    return re.escape(lemma[:-1] if lemma.endswith("e") else lemma)


def _prefilter() -> re.Pattern[str]:
    """A cheap test before parsing: sentences without any of these cannot hold a statement. Every
    verb of a specific speech act in the vocabulary is in it, so that a sentence whose only speech
    verb is "asked" or "pleaded" is parsed too (claim verbs, like "reported", are too common)."""
    acts = speech_acts()
    verbs = sorted({_stem(v) for v, kind in acts.verb_kind.items() if kind != "claim" and " " not in v})
    return re.compile(_PREFILTER_WORDS + r"|\b(?:" + "|".join(verbs) + ")", re.I)


PREFILTER = _prefilter()


def quoted_source(verb: Token) -> Token | None:
    """"Saba quoted a military source as saying ...", "the governor was quoted as saying ...": the
    source quoted, who is the speaker; the outlet only passes the words on."""
    if verb.lemma_.lower() not in speech_acts().quoting:
        return None
    return next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass") and c.pos_ in ("NOUN", "PROPN")), None)


def speech_kind(verb: Token) -> str | None:
    acts = speech_acts()
    preps = {c.lower_ for c in verb.children if c.dep_ in ("prep", "prt")}
    if preps & {"into", "onto", "through", "across"}:
        return None  # "a missile slammed into a building", "charged through the crowd": motion, not speech
    for prep in preps:
        phrase = f"{verb.lemma_.lower()} {prep}"
        if phrase in acts.phrasal:
            return acts.phrasal[phrase]
    return acts.verb_kind.get(verb.lemma_.lower())


def cue_kind(text: str, doc: Doc | None = None, span: tuple[int, int] | None = None) -> str | None:
    if doc is not None and span is not None:
        text = _mask_names(text, doc, span)
    # Quotation marks inside what was said do not change its words: 'provided "support in ..."'
    # is read as 'provided support in ...'.
    text = re.sub(r'[“”"«»„]', "", text)
    for kind, pattern in speech_acts().cues:
        if pattern.search(text):
            return kind
    return None


_FIRST_PERSON = {"we", "i"}


def first_person_kind(doc: Doc, span: tuple[int, int]) -> str | None:
    """The speaker's own speech act named inside what they said: '"We reject these allegations,"
    the spokesman told AFP' rejects, '"We condemn this attack," she said' accuses."""
    for token in doc:
        if not (span[0] <= token.idx < span[1]) or token.pos_ != "VERB":
            continue
        if any(c.dep_ == "neg" for c in token.children):
            continue  # "we do not condemn ..." is not the act
        if any(c.dep_ == "nsubj" and c.lower_ in _FIRST_PERSON for c in token.children):
            kind = speech_kind(token)
            if kind is not None and kind != "claim":
                return kind
    return None


def _mask_names(text: str, doc: Doc, span: tuple[int, int]) -> str:
    """Blank out names of organisations ("the Rapid Support Forces", "the Anti-Terrorism Unit"):
    a cue word inside a name says nothing about the speech act."""
    chars = list(text)
    for ent in doc.ents:
        if ent.label_ not in ("ORG", "FAC", "LAW", "EVENT", "WORK_OF_ART"):
            continue
        for token in ent:
            if token.is_title or token.is_upper:
                for k in range(token.idx - span[0], token.idx - span[0] + len(token.text)):
                    if 0 <= k < len(chars):
                        chars[k] = " "
    return "".join(chars)


def is_hedge(verb: Token) -> bool:
    """"25 people are said to have been killed": a hedge on a report, not a statement."""
    return any(c.dep_ == "auxpass" for c in verb.children) and any(c.dep_ == "xcomp" for c in verb.children)


def is_modifier_participle(verb: Token) -> bool:
    """"a drone strike blamed on the RSF": a participle describing a noun, with no one saying it."""
    return verb.dep_ == "acl" and verb.tag_ == "VBN" and agent_of(verb) is None and hung_subject(verb) is None


def asks_anonymity(verb: Token) -> bool:
    """"who asked not to be named", "requested anonymity": why a source is unnamed, not a statement."""
    if verb.lemma_.lower() not in ("ask", "request", "speak", "talk"):
        return False
    for child in verb.children:
        if child.dep_ in ("xcomp", "ccomp") and child.lemma_.lower() in ("name", "identify", "quote") \
                and any(c.dep_ == "neg" for c in child.children):
            return True
        if child.dep_ == "dobj" and child.lower_ == "anonymity":
            return True
    return False
