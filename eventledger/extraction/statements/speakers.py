"""Speakers told by reference: "he said", "they wrote", "the group accused", "the ministry
said" are resolved from names earlier in the sentence or in earlier sentences, which
`SpeakerContext` remembers as the article is read."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ...records import Evidence
from ..discourse.speaker_phrases import GROUP_PRONOUNS, PERSON_PRONOUNS, SUBJECT_DEPS, TITLED, is_person, noun_phrase
from ..discourse.speech_acts import speech_acts
from .quotation_marks import inside


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
    """"The group accused ...", "the paramilitary group accused ...": a definite noun naming a
    kind of group, with no more than describing words before it, refers back to the group last
    heard from, as "it" would ("the Wagner group" is a name)."""
    if subject.lemma_.lower() not in speech_acts().anaphoric_nouns:
        return False
    children = list(subject.children)
    described = all(c.i < subject.i and not list(c.children) and (c.dep_ == "amod" or c.dep_ == "compound" and c.pos_ == "NOUN")
                    for c in children[1:])
    return bool(children) and children[0].dep_ == "det" and children[0].lower_ == "the" and described


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
            break
    remember_source(doc, context)


def remember_source(doc: Doc, context: SpeakerContext) -> None:
    """"..., according to the X Committees. At least 40 people were wounded, it said.": the
    source a sentence is told on is the likeliest "it" (or "he") of the next one."""
    for token in doc:
        if token.lower_ == "according" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to":
            source = next((c for c in doc[token.i + 1].children if c.dep_ == "pobj"), None)
            if source is not None and source.lower_ not in PERSON_PRONOUNS | GROUP_PRONOUNS:
                phrase = noun_phrase(source)
                context.remember(phrase.text, is_person(phrase))
            return


@dataclass(frozen=True, slots=True)
class Introduction:
    """'the El Fasher Resistance Committees, a volunteer group that tracks abuses': a named party
    and the description given it. Offsets are into the article's text."""

    paragraph: int
    start: int
    end: int
    name: str
    head: str
    words: frozenset[str]


# How many paragraphs after a described source ("a local volunteer group said") its name may come.
_NAMED_WITHIN = 2
_INDEFINITE = re.compile(r"\b(?:a|an)\s+$", re.I)
_DEFINITE = re.compile(r"\bthe\s+$", re.I)
_DESCRIPTION_STOPS = {"in", "of", "for", "at", "from", "on", "with", "based", "near"}


def introductions(sentences) -> list[Introduction]:
    """Named parties given an indefinite description in apposition ("X, a local militia ...")."""
    out: list[Introduction] = []
    for sent in sentences:
        for token in sent.doc:
            name = token.head
            if token.dep_ != "appos" or token.pos_ != "NOUN" or name.pos_ != "PROPN" or name.i > token.i \
                    or not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in token.children):
                continue
            left = name.left_edge.i
            while left < name.i and name.doc[left].lower_ in ("the", "a", "an"):
                left += 1
            right = name.i
            for prep in name.children:  # "the Syrian Observatory for Human Rights, a ..."
                if prep.dep_ == "prep" and right < prep.i < token.i and all(
                        t.pos_ in ("PROPN", "ADP", "DET", "CCONJ") for t in prep.subtree):
                    right = prep.right_edge.i
            span = name.doc[left: right + 1]
            words = {c.lower_ for c in token.children if c.dep_ in ("amod", "compound") and c.i < token.i}
            out.append(Introduction(sent.paragraph, sent.start + span.start_char, sent.start + span.end_char,
                                    span.text, token.lower_, frozenset(words | {token.lower_})))
    return out


def _description(text: str, start: int, claimant: str) -> tuple[str, set[str]] | None:
    """A source told only by an indefinite description ("..., a local volunteer group said"):
    its head noun and its words; None for a name or a definite phrase."""
    if not _INDEFINITE.search(text[max(0, start - 4):start]) or any(ch.isupper() for ch in claimant):
        return None
    words: list[str] = []
    for word in claimant.lower().split():
        if word in _DESCRIPTION_STOPS:
            break
        words.append(word)
    return (words[-1], set(words)) if words else None


def _definite_description(text: str, start: int, claimant: str) -> tuple[str, set[str]] | None:
    """A source told by a definite description that takes up one introduced elsewhere ("the
    Britain-based monitor says", "the rights group said"): its head noun and its words. Capitals
    only in hyphenated modifiers ("UK-based"); anything else capitalised is a name."""
    if not _DEFINITE.search(text[max(0, start - 4):start]):
        return None
    words: list[str] = []
    for word in claimant.split():
        if word.lower() in _DESCRIPTION_STOPS:
            break
        if any(ch.isupper() for ch in word) and "-" not in word:
            return None
        words.append(word.lower())
    if not words:
        return None
    return words[-1], {part for w in words for part in (w, *w.split("-"))}


def _same_kind(head: str, other: str) -> bool:
    kinds = speech_acts().anaphoric_nouns  # kinds of group: a "resistance group" may be "a local militia"
    return head == other or (head in kinds and other in kinds)


def named_description(text: str, paragraph: int, start: int, claimant: str,
                      intros: list[Introduction]) -> Introduction | None:
    """The party a described source turns out to be: wire copy leads with "a local volunteer
    group said" and names it a paragraph later ("according to the X Committees, a volunteer
    group ..."). The named party nearest after it whose description is of the same kind and
    shares the most words with it (a same head counts, a same kind needs a shared word)."""
    described = _description(text, start, claimant)
    if described is None:
        return _taken_up(text, start, claimant, intros)
    head, words = described
    best: tuple[int, Introduction] | None = None
    for intro in intros:
        if intro.start <= start or not paragraph <= intro.paragraph <= paragraph + _NAMED_WITHIN \
                or not _same_kind(head, intro.head):
            continue
        score = len(words & intro.words)
        if score and (best is None or score > best[0]):
            best = (score, intro)
    return best[1] if best else None


def _taken_up(text: str, start: int, claimant: str, intros: list[Introduction]) -> Introduction | None:
    """The party a definite description stands for: "The Syrian Observatory for Human Rights says
    14 were killed. The Britain-based monitor says 31 were wounded", with the Observatory
    introduced as "a Britain-based war monitor" anywhere in the article (a live blog, newest
    first, gives the introduction last). Same head noun and one more shared word; the most
    shared, then the nearest, wins."""
    described = _definite_description(text, start, claimant)
    if described is None:
        return None
    head, words = described
    best: tuple[int, int, Introduction] | None = None
    for intro in intros:
        if intro.head != head or intro.start <= start < intro.end:
            continue
        score = len(words & intro.words)
        if score < 2:
            continue
        key = (score, -abs(intro.start - start))
        if best is None or key > best[:2]:
            best = (*key, intro)
    return best[2] if best else None


def name_described_sources(text: str, sentences, found) -> None:
    """Put the name for a source first told by description, in the event mentions, their figures
    and the statements of `found` (SentenceFindings)."""
    intros = introductions(sentences)
    if not intros:
        return
    renamed: dict[tuple[int, str], Introduction] = {}

    def named(evidence, who: str | None, paragraph: int) -> Introduction | None:
        if evidence is None or not who:
            return None
        key = (evidence.start, who)
        if key not in renamed:
            renamed[key] = named_description(text, paragraph, evidence.start, who, intros)
        return renamed[key]

    for mention in found.events:
        intro = named(mention.claimant_evidence, mention.claimant, mention.paragraph)
        if intro is None:
            continue
        old, evidence = mention.claimant, Evidence(intro.start, intro.end, intro.name)
        mention.claimant, mention.claimant_evidence = intro.name, evidence
        for figure in mention.figures:
            if figure.claimant == old:
                figure.claimant, figure.claimant_evidence = intro.name, evidence
    for statement in found.statements:
        ev = statement.speaker_evidence
        intro = renamed.get((ev.start, statement.speaker)) if ev is not None else None
        if intro is not None:
            statement.speaker, statement.speaker_evidence = intro.name, Evidence(intro.start, intro.end, intro.name)
