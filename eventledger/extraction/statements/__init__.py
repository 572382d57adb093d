"""Statements: who said what, and what kind of speech act it was (demand, accuse, deny, reject,
appeal, support, threaten, claim). Works on the dependency parse of one sentence at a time;
pronoun speakers ("they wrote") are resolved by `SpeakerContext` from earlier sentences.

This module assembles the statements; the parts live next to it: `speakers` (speakers by
reference), `content` (what was said, about whom), `quotes` (quotations whose speaker is named
around them), `quotation_marks` (where quotations are). Which verbs state what (`speech_acts`) and
who speaks (`speaker_phrases`) are the discourse layer's, shared with the other extractors."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from ..discourse.attribution import issuer_of, tail_after_comma
from ..discourse.speaker_phrases import (
    GROUP_PRONOUNS,
    PERSON_PRONOUNS,
    agent_of,
    hung_subject,
    is_negated,
    is_person,
    noun_phrase,
    speaker_phrase,
    subject_of,
    tail_speaker,
)
from ..discourse.speech_acts import (
    PREFILTER,
    asks_anonymity,
    cue_kind,
    first_person_kind,
    is_hedge,
    is_modifier_participle,
    quoted_source,
    speech_acts,
    speech_kind,
)
from .content import (
    content_of,
    coordinated_speech,
    end_char,
    is_rebuttal,
    quote_subject,
    reported_clause,
    target_of,
)
from .quotation_marks import inside, quote_spans
from .speakers import (
    SpeakerContext,
    is_anaphoric_group,
    metonym_from,
    named_before,
    remember_subject,
    same_sentence_antecedent,
)

__all__ = ["PREFILTER", "SpeakerContext", "StatementMention", "find_statements", "quote_spans"]


@dataclass(slots=True)
class StatementMention:
    """Offsets are relative to the sentence text."""

    speaker: str | None
    speaker_span: tuple[int, int] | None
    kind: str
    text: str
    span: tuple[int, int]
    target: str | None = None
    target_span: tuple[int, int] | None = None
    speaker_is_pronoun: bool = False
    speaker_from_context: bool = False
    coordinated: bool = False  # a coordinated speech verb's own statement ("... and urged ..."): never merged


def find_statements(doc: Doc, context: SpeakerContext, metonym: "callable | None" = None) -> list[StatementMention]:
    """Statements in one parsed sentence. `metonym(name)` maps a capital to its country, if any."""
    text = doc.text
    quotes = quote_spans(text)
    found: list[StatementMention] = []
    used_verbs: set[int] = set()
    inherited: dict[int, tuple] = {}  # coordinated speech verbs: the speaker of the verb they join
    for verb in doc:
        if verb.pos_ not in ("VERB", "AUX") or inside(verb.idx, quotes) or verb.i in used_verbs:
            continue
        kind = speech_kind(verb)
        if kind is None or is_hedge(verb) or is_modifier_participle(verb) or asks_anonymity(verb):
            continue
        subject = subject_of(verb) or agent_of(verb) or tail_speaker(verb) or hung_subject(verb)
        if verb.lemma_.lower() in speech_acts().quoting:
            subject = quoted_source(verb)  # "the agency quoted a military source as saying ...": the source
            if subject is None or (reported_clause(verb, quotes) is None and not quotes):
                continue  # "quoted figures from the ministry": no one's words
        if subject is not None and is_negated(subject):
            continue  # "No group claimed responsibility": nobody said anything
        if subject is not None:
            subject = on_behalf_of(subject) or subject  # "a message in the name of the group claimed ..."
        document = subject is not None and issuer_of(subject) is None  # "the statement said"
        if subject is not None and not document:
            subject = issuer_of(subject)  # "a statement from the ministry said": the ministry
        split = coordinated_speech(verb)
        rebuttals = [t for t in verb.subtree if t.i != verb.i and is_rebuttal(t)]
        if is_rebuttal(verb):
            noun = verb.head
            content = (noun.left_edge.idx, end_char(verb.right_edge))
        else:
            content = content_of(verb, quotes, text, split, verb.i in inherited)
            for answer in rebuttals:
                first = answer.head.left_edge.i  # "..., an accusation the army denied" is not the accusation
                while first > 0 and doc[first - 1].is_punct:
                    first -= 1
                if content is not None and content[0] < doc[first].idx < content[1] and first > 0:
                    content = (content[0], end_char(doc[first - 1]))
        if content is None:
            continue
        content_text = text[content[0] : content[1]]
        if kind == "claim":
            kind = first_person_kind(doc, content) or cue_kind(content_text, doc, content) or "claim"
            if verb.lemma_ == "call" and kind != "reject" and not quotes:
                continue  # "called the operation X" describes, it does not state
        speaker, speaker_span, is_pronoun, from_context = None, None, False, False
        if verb.i in inherited:
            speaker, speaker_span, is_pronoun, from_context = inherited[verb.i]
            subject = None
        elif subject is not None and subject.pos_ != "VERB":
            phrase = speaker_phrase(subject)
            tail = tail_after_comma(doc, phrase, subject, verb) if subject.i < verb.i else None
            if tail is not None:
                phrase = doc[tail[0]: tail[1]]  # "..., in X province near the border, the army's Division said"
            speaker, speaker_span = phrase.text, (phrase.start_char, phrase.end_char)
            named = named_before(subject, phrase, context)
            if named is not None:
                speaker = named  # "The government blamed ..." after "Mali's transitional government said"
            if subject.lower_ in PERSON_PRONOUNS | GROUP_PRONOUNS or is_anaphoric_group(subject, phrase) or document:
                is_pronoun = True
                origin = metonym_from(verb, metonym)
                pronoun = subject.lower_ if subject.lower_ in PERSON_PRONOUNS | GROUP_PRONOUNS else "it"
                same = None if pronoun != subject.lower_ else same_sentence_antecedent(doc, subject, quotes, content)
                resolved = origin or same or context.resolve(pronoun)
                if resolved:
                    speaker, from_context = resolved, True
                    context.remember(resolved, subject.lower_ in PERSON_PRONOUNS)
        if speaker is None and verb.i not in inherited:
            speaker = context.resolve("they")
            from_context = speaker is not None
        if speaker and metonym and not is_pronoun and not _surname_of_known_person(speaker, context):
            speaker = metonym(speaker) or speaker
        target_token = target_of(verb, kind)
        target = target_span = None
        if target_token is None and kind in ("accuse", "support", "threaten"):
            target_token = quote_subject(doc, content)
        if target_token is not None:
            phrase = noun_phrase(target_token)
            target, target_span = phrase.text, (phrase.start_char, phrase.end_char)
        found.append(StatementMention(speaker, speaker_span, kind, content_text, content,
                                      target, target_span, is_pronoun, from_context, verb.i in inherited))
        for c in split:
            inherited[c.i] = (speaker, speaker_span, is_pronoun, from_context)
        separate = {t.i for c in [*split, *rebuttals] for t in c.subtree}
        for child in verb.subtree:
            if child.i not in separate:
                used_verbs.add(child.i)
        if subject is not None and not is_pronoun and speaker_span is not None:
            said_by = doc.char_span(*speaker_span, alignment_mode="expand")
            context.remember(said_by.text, is_person(said_by))
    if not found:
        remember_subject(doc, context)
    people = [ent.text for ent in doc.ents if ent.label_ == "PERSON" and not inside(ent.start_char, quotes)]
    if people and not any(m.speaker and not m.speaker_is_pronoun for m in found):
        # A person named in passing is the likeliest "he" of the next sentence, unless this
        # sentence's own speaker is one: "X said officials led them to Dhobley" keeps X.
        context.remember(people[-1], True)
    return _merge_same_speaker(found)


def on_behalf_of(subject):
    """"A message posted online in the name of the group", "a video on behalf of the movement":
    the document speaks for the one named."""
    if subject.lemma_.lower() not in speech_acts().document_nouns:
        return None
    for token in subject.subtree:
        if token.dep_ == "pobj" and token.lower_ in ("name", "behalf") and token.head.lower_ in ("in", "on"):
            of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            issuer = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
            if issuer is not None:
                return issuer
    return None


def _surname_of_known_person(speaker: str, context: SpeakerContext) -> bool:
    """"Santiago blamed ..." after "Rodel Santiago said": the person named before, not the
    government seated in Santiago."""
    for earlier in [*context.people, *context.groups]:
        words = earlier.split()
        if len(words) > 1 and words[-1] == speaker:
            return True
    return False


def _merge_same_speaker(found: list[StatementMention]) -> list[StatementMention]:
    """"X said A, but added that B": one statement by X; a specific kind beats "claim"."""
    merged: list[StatementMention] = []
    for item in found:
        same = None if item.coordinated else next(
            (m for m in merged if m.speaker == item.speaker and item.speaker is not None
             and (m.kind == "claim" or item.kind == "claim" or m.kind == item.kind)), None)
        if same is None:
            merged.append(item)
        elif same.kind == "claim" and item.kind != "claim":
            same.kind = item.kind
            same.target, same.target_span = same.target or item.target, same.target_span or item.target_span
    return merged
