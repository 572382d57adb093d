"""Speakers told by reference: "he said", "they wrote", "the group accused", "the ministry
said" are resolved from names earlier in the sentence or in earlier sentences, which
`SpeakerContext` remembers as the article is read."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from .quotation_marks import inside
from .speaker_phrases import GROUP_PRONOUNS, PERSON_PRONOUNS, SUBJECT_DEPS, TITLED, is_person, noun_phrase
from .speech_acts import speech_acts


@dataclass(slots=True)
class SpeakerContext:
    """Recent non-pronoun subjects, to resolve "he said" / "they wrote"."""

    people: list[str] = field(default_factory=list)
    groups: list[str] = field(default_factory=list)

    def remember(self, text: str, is_person: bool) -> None:
        (self.people if is_person else self.groups).append(text)

    def resolve(self, pronoun: str) -> str | None:
        pool = self.people if pronoun.lower() in PERSON_PRONOUNS else self.groups
        if not pool and pronoun.lower() in PERSON_PRONOUNS and self.groups:
            # The tagger did not see a person in "Army spokesman Sylvain Ekenge": a titled speaker
            # remembered as a group is still the likeliest "he".
            titled = [g for g in self.groups if TITLED.search(g)]
            return titled[-1] if titled else None
        return pool[-1] if pool else None


def is_anaphoric_group(subject: Token, phrase: Span) -> bool:
    """"The group accused ...": a bare definite noun naming a kind of group refers back to the
    group last heard from, as "it" would."""
    if subject.lemma_.lower() not in speech_acts().anaphoric_nouns:
        return False
    children = list(subject.children)
    return len(children) == 1 and children[0].dep_ == "det" and children[0].lower_ == "the"


def named_before(subject: Token, phrase: Span, context: SpeakerContext) -> str | None:
    """"The government blamed ...", "the ministry said": a bare "the" + noun is the group last
    heard from under a fuller name with that noun as its head ("Mali's transitional government",
    "Russia's defence ministry"). Only a name that ends in the noun is taken."""
    if subject.pos_ != "NOUN" or phrase.text.lower() != f"the {subject.lower_}" and phrase.text.lower() != subject.lower_:
        return None
    children = list(subject.children)
    if len(children) != 1 or children[0].dep_ != "det" or children[0].lower_ != "the":
        return None
    for earlier in [*reversed(context.groups), *reversed(context.people)]:  # a group may be taken for a person
        words = earlier.split()
        if len(words) > 1 and words[-1].lower() == subject.lower_:
            return earlier
    return None


def metonym_from(verb: Token, metonym) -> str | None:
    """"they announced from Baku": the speaker is the government seated there."""
    if metonym is None:
        return None
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ == "from":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return metonym(pobj.text)
    return None


def same_sentence_antecedent(doc: Doc, pronoun: Token, quotes: list[tuple[int, int]],
                             content: tuple[int, int] | None = None) -> str | None:
    """"Prime Minister Nikol Pashinyan, he said": a name earlier in the same sentence. A name inside
    what is said is what the statement is about, not who makes it ("Four VDP members were killed,
    it said")."""
    want_person = pronoun.lower_ in PERSON_PRONOUNS
    for ent in reversed(doc.ents):
        if content is not None and content[0] <= ent.start_char < content[1]:
            continue
        if ent.end <= pronoun.i and not inside(ent.start_char, quotes) and ((ent.label_ == "PERSON") == want_person) and ent.label_ in ("PERSON", "ORG", "NORP", "GPE"):
            return ent.text
    return None


def remember_subject(doc: Doc, context: SpeakerContext) -> None:
    for token in doc:
        if token.dep_ in SUBJECT_DEPS and token.head.dep_ == "ROOT" and token.lower_ not in PERSON_PRONOUNS | GROUP_PRONOUNS \
                and (token.ent_type_ in ("ORG", "NORP", "GPE", "PERSON") or token.lemma_.lower() in speech_acts().group_nouns):
            phrase = noun_phrase(token)
            context.remember(phrase.text, is_person(phrase))
            return
