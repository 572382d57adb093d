"""Statements: who said what, and what kind of speech act it was (demand, accuse, deny, reject,
appeal, support, threaten, claim). Works on the dependency parse of one sentence at a time;
pronoun speakers ("they wrote") are resolved by `SpeakerContext` from earlier sentences."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from spacy.tokens import Doc, Span, Token

from .attribution import right_edge_without_clauses, tail_after_comma

_QUOTE_PAIRS = (("“", "”"), ('"', '"'), ("«", "»"), ("„", "“"))
_TITLED = re.compile(r"\b(?:spokes(?:man|woman|person)|minister|president|governor|commander|general|colonel|chief|"
                     r"official|mayor|leader|director|secretary|ambassador|envoy|negotiator|Mr|Mrs|Ms|Dr)\b", re.I)
_PRONOUNS_PERSON = {"he", "she", "him", "her"}
_PRONOUNS_GROUP = {"they", "it", "them", "we"}
_SUBJECT_DEPS = {"nsubj", "nsubjpass"}
_CONTENT_DEPS = {"ccomp", "xcomp", "dobj", "advcl", "oprd", "prep", "dative", "acomp", "attr"}
# A cheap test before parsing: sentences without any of these cannot hold a statement.
PREFILTER = re.compile(
    r"[“”\"«»]|\b(?:sa(?:id|ys?)|announc|stat|told|tells?|claim|accus|blam|condemn|den(?:y|ied|ies)|"
    r"reject|refut|call(?:ed|s|ing)?\s+(?:on|for|upon)|call(?:ed|s)\b|urg|appeal|demand|insist|warn|threat|"
    r"support|back|welcom|endors|according to|wrote|writes|emphasi|stress|declar|describ|dismiss|vow)",
    re.I,
)


@dataclass(frozen=True, slots=True)
class SpeechActs:
    verb_kind: dict[str, str]
    phrasal: dict[str, str]
    cues: tuple[tuple[str, re.Pattern[str]], ...]
    group_nouns: frozenset[str]
    anaphoric_nouns: frozenset[str] = frozenset()


@lru_cache(maxsize=1)
def speech_acts() -> SpeechActs:
    data = tomllib.loads(resources.files("eventledger.data").joinpath("statements/speech_acts.toml").read_text("utf-8"))
    verb_kind: dict[str, str] = {}
    for kind, verbs in data["verbs"].items():
        for verb in verbs:
            verb_kind.setdefault(verb, kind)  # the first, most specific kind wins
    phrasal = {phrase: kind for kind, phrases in data["phrasal"].items() for phrase in phrases}
    cues = tuple(
        (kind, re.compile("|".join(patterns), re.I)) for kind, patterns in data["cues"].items()
    )
    return SpeechActs(verb_kind, phrasal, cues, frozenset(data["speakers"]["group_nouns"]),
                      frozenset(data["speakers"].get("anaphoric_nouns", ())))


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


@dataclass(slots=True)
class SpeakerContext:
    """Recent non-pronoun subjects, to resolve "he said" / "they wrote"."""

    people: list[str] = field(default_factory=list)
    groups: list[str] = field(default_factory=list)

    def remember(self, text: str, is_person: bool) -> None:
        (self.people if is_person else self.groups).append(text)

    def resolve(self, pronoun: str) -> str | None:
        pool = self.people if pronoun.lower() in _PRONOUNS_PERSON else self.groups
        if not pool and pronoun.lower() in _PRONOUNS_PERSON and self.groups:
            # The tagger did not see a person in "Army spokesman Sylvain Ekenge": a titled speaker
            # remembered as a group is still the likeliest "he".
            titled = [g for g in self.groups if _TITLED.search(g)]
            return titled[-1] if titled else None
        return pool[-1] if pool else None


def quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the inside of each quotation in the sentence. A quotation that runs over
    several sentences leaves one sentence with only its closing mark ('... must investigate,"
    the chairperson told reporters.') and another with only its opening mark: the inside runs to
    the sentence's start or end."""
    spans = []
    for open_q, close_q in _QUOTE_PAIRS:
        start = 0
        if open_q == close_q == '"' and text.count('"') % 2 == 1:
            first = text.find('"')
            if _closes(text, first):
                spans.append((0, first))  # the tail of a quotation opened in an earlier sentence
                start = first + 1
        elif open_q in "“«" and text.find(close_q) > 0 and (text.find(open_q) < 0 or text.find(close_q) < text.find(open_q)):
            first = text.find(close_q)
            spans.append((0, first))
            start = first + 1
        while True:
            a = text.find(open_q, start)
            if a < 0:
                break
            b = text.find(close_q, a + 1)
            if b < 0:
                if open_q in "“«\"" and text[a + 1:].strip() and (open_q != '"' or not _closes(text, a)):
                    spans.append((a + 1, len(text)))  # the head of a quotation that runs on
                break
            spans.append((a + 1, b))
            start = b + 1
    return sorted(set(spans))


def _closes(text: str, at: int) -> bool:
    """Whether the straight quotation mark at `at` closes a quotation: it follows a word or
    punctuation and does not open onto one."""
    before = text[at - 1] if at > 0 else " "
    after = text[at + 1] if at + 1 < len(text) else " "
    return not before.isspace() and before not in "([" and (after.isspace() or after in ".,;:!?)")


def _inside(char: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= char < b for a, b in spans)


def _speaker_phrase(token: Token) -> Span:
    """The speaker's phrase: the subject's phrase, with the name put after a description of it
    ("A little-known militant group, Ittehad-ul-Mujahideen Pakistan, claimed ...", "The U.N.
    human rights chief, Volker Türk, called on ...")."""
    phrase = _noun_phrase(token)
    if token.pos_ != "NOUN":
        return phrase
    name = next((c for c in token.rights if c.dep_ == "appos" and c.pos_ == "PROPN" and c.i > phrase.end - 1
                 and c.i - phrase.end <= 6), None)
    if name is None:
        # "A spokesman for the group, who gave his name only as Kasereka, denied ...", "a
        # commander identified only as Abu Omar": the name the clause gives is the speaker's.
        for clause in token.subtree:
            if clause.dep_ in ("relcl", "acl") and clause.lemma_.lower() in ("give", "identify") \
                    and phrase.end - 1 < clause.i <= phrase.end + 8:
                for prep in (c for c in clause.children if c.dep_ == "prep" and c.lower_ == "as"):
                    given = next((c for c in prep.children if c.dep_ == "pobj" and c.pos_ == "PROPN"), None)
                    if given is not None:
                        return token.doc[phrase.start : given.right_edge.i + 1]
        return phrase
    return token.doc[phrase.start : name.right_edge.i + 1]


def _noun_phrase(token: Token) -> Span:
    """The subject's phrase, without trailing appositions or relative clauses."""
    doc = token.doc
    left = token.left_edge.i
    right = token.i
    for child in token.rights:
        if child.dep_ in ("prep", "compound", "amod", "pobj", "nmod") and child.dep_ != "relcl":
            right = max(right, right_edge_without_clauses(child))
        elif child.dep_ == "punct" and child.text == "," and any(
                c.dep_ == "acl" and c.lower_ in ("known", "called", "named") for c in token.rights):
            continue
        elif child.dep_ == "acl" and child.lower_ in ("known", "called", "named") \
                and any(c.lower_ == "as" or c.dep_ == "oprd" for c in child.children):
            right = max(right, child.right_edge.i)  # "the U.N. migration agency, known as IOM"
            break
        else:
            break
    while left < right and doc[left].dep_ in ("det", "cc", "punct", "advmod", "prep") and doc[left].lower_ in ("the", "a", "an", "and", ",", "however", "also", "then"):
        left += 1
    return doc[left : right + 1]


def _is_person(span: Span) -> bool:
    if any(t.ent_type_ == "PERSON" for t in span) or span.root.lower_ in _PRONOUNS_PERSON:
        return True
    # "Kenscoff Mayor Massillon Jean" (tagged as an organisation), "the army spokesman": a title
    # heading the phrase, or put before a name, makes a person.
    root = span.root
    return bool(_TITLED.fullmatch(root.text)) or (root.pos_ == "PROPN" and any(
        _TITLED.fullmatch(t.text) for t in span if t.i < root.i and t.dep_ == "compound"))


def _speech_kind(verb: Token) -> str | None:
    acts = speech_acts()
    preps = {c.lower_ for c in verb.children if c.dep_ in ("prep", "prt")}
    if preps & {"into", "onto", "through", "across"}:
        return None  # "a missile slammed into a building", "charged through the crowd": motion, not speech
    for prep in preps:
        phrase = f"{verb.lemma_.lower()} {prep}"
        if phrase in acts.phrasal:
            return acts.phrasal[phrase]
    return acts.verb_kind.get(verb.lemma_.lower())


def _cue_kind(text: str, doc: Doc | None = None, span: tuple[int, int] | None = None) -> str | None:
    if doc is not None and span is not None:
        text = _mask_names(text, doc, span)
    for kind, pattern in speech_acts().cues:
        if pattern.search(text):
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


def _subject(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in _SUBJECT_DEPS:
            return child
    if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head is not verb:
        return _subject(verb.head)
    return None


def _tail_speaker(verb: Token) -> Token | None:
    """", the Prosecutor General's Office in Baku said": the parser often hangs the speaker of a
    sentence-final attribution on the previous noun; take the phrase between the comma and the verb."""
    doc = verb.doc
    if verb.i < 2 or doc[verb.i - 1].pos_ not in ("PROPN", "NOUN"):
        return None
    start = verb.i - 1
    while start > 0 and doc[start - 1].text not in (",", "”", "\"", ";", ":") and verb.i - start < 12:
        start -= 1
    if start == 0 or doc[start - 1].text not in (",", "”", "\""):
        return None
    span = doc[start : verb.i]
    heads = [t for t in span if t.head.i < start or t.head.i >= verb.i or t.head == t]
    return heads[0] if heads else None


def _agent(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "agent":
            for grandchild in child.children:
                if grandchild.dep_ == "pobj":
                    return grandchild
    return None


def _content(verb: Token, quotes: list[tuple[int, int]], text: str, split: list[Token] = (),
             coordinated: bool = False) -> tuple[int, int] | None:
    """What was said: the reported clause, else the quotation, else the verb's own phrase. A
    coordinated speech verb that makes a statement of its own (`split`) ends it: "accused X of Y
    and called on Z" says Y, not Z."""
    doc = verb.doc
    stop = min((_conj_start(c) for c in split if c.i > verb.i), default=None)
    for child in verb.children:
        if child.dep_ == "ccomp" and not _inside(child.idx, quotes):
            start = child.left_edge
            if start.lower_ == "that":
                start = doc[start.i + 1]
            end = child.right_edge
            if stop is not None and start.i < stop <= end.i:
                end = doc[stop - 1]
            return start.idx, _end_char(end)
    own_right = max((c.right_edge.i for c in verb.rights if c.dep_ != "punct" and c not in split), default=verb.i)
    if stop is not None:
        own_right = min(own_right, stop - 1)
    own_end = _end_char(doc[own_right])
    # A short quotation inside the verb's own phrase is a scare quote ('accused them of financing
    # "goons"'), not the words said.
    # Quotations in a coordinated statement's part belong to it; one before a coordinated verb
    # belongs to the verb it follows.
    joined = coordinated or (verb.dep_ == "conj" and verb.head.pos_ == "VERB" and not _inside(verb.head.idx, quotes)
                             and _speech_kind(verb.head) is not None)
    lo = doc[_conj_start(verb)].idx if joined else 0
    hi = doc[stop].idx if stop is not None else len(text) + 1
    # A short quotation within the verb's own clause (its subject or object) is a scare quote:
    # 'demonstrators marking the "Saba Saba" uprising demanded ...'.
    clause_start = verb.left_edge.idx
    outside = [q for q in quotes if not (q[0] <= verb.idx < q[1]) and lo <= q[0] and q[1] <= hi
               and not (clause_start <= q[0] and q[1] <= own_end + 1 and _scare_quote(doc, q))]
    if outside:
        a, b = max(outside, key=lambda q: q[1] - q[0])
        inner = text[a:b].strip().rstrip(",").rstrip()
        a = a + (len(text[a:b]) - len(text[a:b].lstrip()))
        return a, a + len(inner)
    if verb.dep_ == "parataxis" and verb.head.i < verb.i:
        # "The clashes broke out when ..., the army's Second Division said in a statement": the
        # parser hung "said" on the clause it reports; what was said is that clause, up to the
        # comma before the speaker.
        comma = next((i for i in range(verb.i - 1, max(verb.head.i, verb.i - 12), -1) if doc[i].text == ","), None)
        if comma is not None and comma > verb.head.left_edge.i:
            start = doc[verb.head.left_edge.i]
            return start.idx, _end_char(doc[comma - 1])
    if own_right == verb.i:
        return None
    return verb.idx, own_end


def _scare_quote(doc: Doc, span: tuple[int, int]) -> bool:
    """A few quoted words with no verb ('"goons"', 'the "Saba Saba" uprising'): a name or a label,
    not the words someone said."""
    if doc.text[span[0]:span[1]].rstrip()[-1:] in (",", ".", "?", "!"):
        return False  # '"Thugs," the minister said': a quotation closed by its own punctuation is speech
    words = [t for t in doc if span[0] <= t.idx < span[1] and not t.is_punct]
    return len(words) < 4 and not any(t.pos_ in ("VERB", "AUX") for t in words)


def _conj_start(verb: Token) -> int:
    """Where a coordinated clause starts: at its "and", if there is one right before it."""
    i = verb.left_edge.i
    doc = verb.doc
    while i > 0 and (doc[i - 1].dep_ == "cc" or doc[i - 1].text == ","):
        i -= 1
    return i


def _coordinated_speech(verb: Token) -> list[Token]:
    """Speech verbs coordinated with `verb` that make statements of their own: "accused the junta
    of war crimes and called on ...", "said it was alarmed and urged ..." (the clause's subject
    is the speaker again)."""
    out = []
    for child in verb.children:
        if child.dep_ == "conj" and child.pos_ == "VERB" and _speech_kind(child) is not None:
            out.append(child)
        elif child.dep_ == "prep":
            # "accused the authorities of leaving the roads unprotected and urged Damascus to ...":
            # the parser hangs the second finite verb on the gerund; a past tense cannot coordinate
            # with a gerund, so it joins the speech verb itself.
            for pcomp in child.children:
                if pcomp.dep_ == "pcomp" and pcomp.tag_ == "VBG":
                    out.extend(c for c in pcomp.children if c.dep_ == "conj" and c.tag_ == verb.tag_
                               and c.tag_ in ("VBD", "VBZ", "VBP") and _speech_kind(c) is not None
                               and not any(g.dep_ in _SUBJECT_DEPS for g in c.children))
        elif child.dep_ == "ccomp":
            subject = next((c for c in child.children if c.dep_ in _SUBJECT_DEPS), None)
            # "said it was alarmed and urged ...", "said its fighters had acted in self-defence and
            # denied attacking civilians": the speaker, or the speaker's own people, again.
            own = subject is not None and any(c.dep_ == "poss" and c.lower_ in ("its", "their", "his", "her", "our")
                                              for c in subject.children)
            if subject is not None and (subject.lower_ in _PRONOUNS_PERSON | _PRONOUNS_GROUP or own):
                out.extend(c for c in child.children if c.dep_ == "conj" and c.pos_ == "VERB"
                           and _speech_kind(c) is not None and not any(g.dep_ in _SUBJECT_DEPS for g in c.children))
    return out


_REBUTTED = {"accusation", "allegation", "charge", "claim", "assertion", "account", "version"}


def _is_rebuttal(verb: Token) -> bool:
    """", an accusation the army denied", "a charge that Kyiv rejects": a relative clause on a noun
    for what was just said, in which someone else answers it. It is a statement of its own."""
    return (verb.dep_ == "relcl" and verb.head.lower_ in _REBUTTED and _speech_kind(verb) in ("deny", "reject")
            and any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children))


def _is_modifier_participle(verb: Token) -> bool:
    """"a drone strike blamed on the RSF": a participle describing a noun, with no one saying it."""
    return verb.dep_ == "acl" and verb.tag_ == "VBN" and _agent(verb) is None and _hung_subject(verb) is None


def _hung_subject(verb: Token) -> Token | None:
    """"The U.N. human rights chief, Volker Türk, called on ...": the parser made the subject the
    sentence's root and hung the main verb on it as a participle. A root noun that has no verb of
    its own, followed by the speech verb, is its subject."""
    head = verb.head
    if verb.dep_ != "acl" or head.dep_ != "ROOT" or head.pos_ not in ("NOUN", "PROPN") or verb.i < head.i:
        return None
    if not any(c.dep_ == "punct" and c.text == "," and head.i < c.i < verb.i for c in head.children):
        return None  # "the soldiers called up last year": a real participle right after its noun
    return head


def _asks_anonymity(verb: Token) -> bool:
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


def _is_negated(subject: Token) -> bool:
    """"No group claimed ...", "Nobody said ...": a subject that says there was no speaker."""
    if subject.lower_ in ("nobody", "none", "noone"):
        return True
    return any(c.dep_ == "det" and c.lower_ in ("no", "neither") for c in subject.children)


def _is_anaphoric_group(subject: Token, phrase: Span) -> bool:
    """"The group accused ...": a bare definite noun naming a kind of group refers back to the
    group last heard from, as "it" would."""
    if subject.lemma_.lower() not in speech_acts().anaphoric_nouns:
        return False
    children = list(subject.children)
    return len(children) == 1 and children[0].dep_ == "det" and children[0].lower_ == "the"


def _named_before(subject: Token, phrase: Span, context: SpeakerContext) -> str | None:
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


def _end_char(token: Token) -> int:
    return token.idx + len(token.text)


def _target(verb: Token, kind: str) -> Token | None:
    if verb.lemma_.lower() == "tell":
        return None  # "told reporters": the audience, not whom the statement is about
    for child in verb.children:
        if child.dep_ in ("dobj", "dative") and kind in ("accuse", "appeal", "reject", "support", "threaten", "demand"):
            if child.lower_ in ("allegations", "accusations", "reports", "claims") or child.pos_ == "PRON":
                return None  # "blamed it on armed gangs": "it" is the event, not a party
            return child
        if child.dep_ == "prep" and child.lower_ in ("on", "upon") and kind == "appeal":
            for grandchild in child.children:
                if grandchild.dep_ == "pobj":
                    return grandchild
    return None


def _quote_subject(doc: Doc, span: tuple[int, int]) -> Token | None:
    """Who the statement is about: the subject of the reported clause, if it is a name."""
    candidates = [t for t in doc if span[0] <= t.idx < span[1] and t.dep_ in _SUBJECT_DEPS and t.pos_ in ("PROPN", "NOUN")]
    named = [t for t in candidates if t.ent_type_ in ("GPE", "NORP", "ORG", "PERSON")]
    main = [t for t in candidates if t.head.dep_ in ("ROOT", "ccomp", "conj")]
    return (named or main or [None])[0]


def find_statements(doc: Doc, context: SpeakerContext, metonym: "callable | None" = None) -> list[StatementMention]:
    """Statements in one parsed sentence. `metonym(name)` maps a capital to its country, if any."""
    text = doc.text
    quotes = quote_spans(text)
    found: list[StatementMention] = []
    used_verbs: set[int] = set()
    inherited: dict[int, tuple] = {}  # coordinated speech verbs: the speaker of the verb they join
    for verb in doc:
        if verb.pos_ not in ("VERB", "AUX") or _inside(verb.idx, quotes) or verb.i in used_verbs:
            continue
        kind = _speech_kind(verb)
        if kind is None or _is_hedge(verb) or _is_modifier_participle(verb) or _asks_anonymity(verb):
            continue
        subject = _subject(verb) or _agent(verb) or _tail_speaker(verb) or _hung_subject(verb)
        if subject is not None and _is_negated(subject):
            continue  # "No group claimed responsibility": nobody said anything
        split = _coordinated_speech(verb)
        rebuttals = [t for t in verb.subtree if t.i != verb.i and _is_rebuttal(t)]
        if _is_rebuttal(verb):
            noun = verb.head
            content = (noun.left_edge.idx, _end_char(verb.right_edge))
        else:
            content = _content(verb, quotes, text, split, verb.i in inherited)
            for answer in rebuttals:
                first = answer.head.left_edge.i  # "..., an accusation the army denied" is not the accusation
                while first > 0 and doc[first - 1].is_punct:
                    first -= 1
                if content is not None and content[0] < doc[first].idx < content[1] and first > 0:
                    content = (content[0], _end_char(doc[first - 1]))
        if content is None:
            continue
        content_text = text[content[0] : content[1]]
        if kind == "claim":
            kind = _cue_kind(content_text, doc, content) or "claim"
            if verb.lemma_ == "call" and kind != "reject" and not quotes:
                continue  # "called the operation X" describes, it does not state
        speaker, speaker_span, is_pronoun, from_context = None, None, False, False
        if verb.i in inherited:
            speaker, speaker_span, is_pronoun, from_context = inherited[verb.i]
            subject = None
        elif subject is not None and subject.pos_ != "VERB":
            phrase = _speaker_phrase(subject)
            tail = tail_after_comma(doc, phrase, subject, verb) if subject.i < verb.i else None
            if tail is not None:
                phrase = doc[tail[0]: tail[1]]  # "..., in X province near the border, the army's Division said"
            speaker, speaker_span = phrase.text, (phrase.start_char, phrase.end_char)
            named = _named_before(subject, phrase, context)
            if named is not None:
                speaker = named  # "The government blamed ..." after "Mali's transitional government said"
            if subject.lower_ in _PRONOUNS_PERSON | _PRONOUNS_GROUP or _is_anaphoric_group(subject, phrase):
                is_pronoun = True
                origin = _metonym_from(verb, metonym)
                pronoun = subject.lower_ if subject.lower_ in _PRONOUNS_PERSON | _PRONOUNS_GROUP else "it"
                same = None if pronoun != subject.lower_ else _same_sentence_antecedent(doc, subject, quotes, content)
                resolved = origin or same or context.resolve(pronoun)
                if resolved:
                    speaker, from_context = resolved, True
                    context.remember(resolved, subject.lower_ in _PRONOUNS_PERSON)
        if speaker is None and verb.i not in inherited:
            speaker = context.resolve("they")
            from_context = speaker is not None
        if speaker and metonym and not is_pronoun:
            speaker = metonym(speaker) or speaker
        target_token = _target(verb, kind)
        target = target_span = None
        if target_token is None and kind in ("accuse", "support", "threaten"):
            target_token = _quote_subject(doc, content)
        if target_token is not None:
            phrase = _noun_phrase(target_token)
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
            context.remember(said_by.text, _is_person(said_by))
    if not found:
        _remember_subject(doc, context)
    people = [ent.text for ent in doc.ents if ent.label_ == "PERSON" and not _inside(ent.start_char, quotes)]
    if people and not any(m.speaker and not m.speaker_is_pronoun for m in found):
        # A person named in passing is the likeliest "he" of the next sentence, unless this
        # sentence's own speaker is one: "X said officials led them to Dhobley" keeps X.
        context.remember(people[-1], True)
    return _merge_same_speaker(found)


def _is_hedge(verb: Token) -> bool:
    """"25 people are said to have been killed": a hedge on a report, not a statement."""
    return any(c.dep_ == "auxpass" for c in verb.children) and any(c.dep_ == "xcomp" for c in verb.children)


def _metonym_from(verb: Token, metonym) -> str | None:
    """"they announced from Baku": the speaker is the government seated there."""
    if metonym is None:
        return None
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ == "from":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return metonym(pobj.text)
    return None


def _same_sentence_antecedent(doc: Doc, pronoun: Token, quotes: list[tuple[int, int]],
                              content: tuple[int, int] | None = None) -> str | None:
    """"Prime Minister Nikol Pashinyan, he said": a name earlier in the same sentence. A name inside
    what is said is what the statement is about, not who makes it ("Four VDP members were killed,
    it said")."""
    want_person = pronoun.lower_ in _PRONOUNS_PERSON
    for ent in reversed(doc.ents):
        if content is not None and content[0] <= ent.start_char < content[1]:
            continue
        if ent.end <= pronoun.i and not _inside(ent.start_char, quotes) and ((ent.label_ == "PERSON") == want_person) and ent.label_ in ("PERSON", "ORG", "NORP", "GPE"):
            return ent.text
    return None


def _remember_subject(doc: Doc, context: SpeakerContext) -> None:
    for token in doc:
        if token.dep_ in _SUBJECT_DEPS and token.head.dep_ == "ROOT" and token.lower_ not in _PRONOUNS_PERSON | _PRONOUNS_GROUP \
                and (token.ent_type_ in ("ORG", "NORP", "GPE", "PERSON") or token.lemma_.lower() in speech_acts().group_nouns):
            phrase = _noun_phrase(token)
            context.remember(phrase.text, _is_person(phrase))
            return


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
