"""What a statement says and whom it is about: the reported clause or quotation a speech verb
governs, cut where a coordinated speech verb starts a statement of its own ("accused X of Y and
called on Z"), or where someone answers it ("an accusation the army denied"); and its target."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..discourse.speaker_phrases import GROUP_PRONOUNS, PERSON_PRONOUNS, SUBJECT_DEPS
from ..discourse.speech_acts import speech_acts, speech_kind
from .quotation_marks import inside


def content_of(verb: Token, quotes: list[tuple[int, int]], text: str, split: list[Token] = (),
               coordinated: bool = False) -> tuple[int, int] | None:
    """What was said: the reported clause, else the quotation, else the verb's own phrase. A
    coordinated speech verb that makes a statement of its own (`split`) ends it: "accused X of Y
    and called on Z" says Y, not Z."""
    doc = verb.doc
    stop = min((_conj_start(c) for c in split if c.i > verb.i), default=None)
    clause = reported_clause(verb, quotes)
    if clause is not None:
        start = clause.left_edge
        if start.lower_ == "that":
            start = doc[start.i + 1]
        end = clause.right_edge
        if stop is not None and start.i < stop <= end.i:
            end = doc[stop - 1]
        return start.idx, end_char(end)
    own_right = max((c.right_edge.i for c in verb.rights if c.dep_ != "punct" and c not in split), default=verb.i)
    if stop is not None:
        own_right = min(own_right, stop - 1)
    own_end = end_char(doc[own_right])
    # A short quotation inside the verb's own phrase is a scare quote ('accused them of financing
    # "goons"'), not the words said.
    # Quotations in a coordinated statement's part belong to it; one before a coordinated verb
    # belongs to the verb it follows.
    joined = coordinated or (verb.dep_ == "conj" and verb.head.pos_ == "VERB" and not inside(verb.head.idx, quotes)
                             and speech_kind(verb.head) is not None)
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
            return start.idx, end_char(doc[comma - 1])
    if own_right == verb.i:
        return None
    return verb.idx, own_end


def reported_clause(verb: Token, quotes: list[tuple[int, int]] = ()) -> Token | None:
    """The clause a speech verb reports: its clausal complement; else a "that" clause the parser
    hung on a noun beside it: "said in a statement that X" (on the document), "quoted a source
    that X" (on the source quoted); else the clause of "quoted X as saying Y". A relative clause
    opened by "that" as a conjunction (a `mark`) is a reported clause, not a relative one."""
    for child in verb.children:
        if child.dep_ == "ccomp" and not inside(child.idx, quotes):
            return child
    acts = speech_acts()
    nouns = [c for c in verb.children if c.dep_ == "dobj" and verb.lemma_.lower() in acts.quoting]
    nouns += [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "in"
              for p in c.children if p.dep_ == "pobj" and p.lemma_.lower() in acts.document_nouns]
    for noun in nouns:
        for clause in noun.children:
            if clause.dep_ in ("acl", "relcl") and clause.pos_ in ("VERB", "AUX") and not inside(clause.idx, quotes) \
                    and any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children):
                return clause
    if verb.lemma_.lower() in acts.quoting:
        for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"):
            for saying in (c for c in prep.children if c.dep_ == "pcomp"):
                return reported_clause(saying, quotes)
    return None


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


def coordinated_speech(verb: Token) -> list[Token]:
    """Speech verbs coordinated with `verb` that make statements of their own: "accused the junta
    of war crimes and called on ...", "said it was alarmed and urged ..." (the clause's subject
    is the speaker again)."""
    out = []
    if verb.dep_ == "parataxis" and verb.head.i < verb.i:
        # "Officers fired in the air, he said, and denied that ...": the parser joins "denied" to
        # the reported clause, but a speech verb after the parenthetical "he said", with no
        # subject of its own, is the speaker's second act, not the officers'.
        out.extend(c for c in verb.head.children if c.dep_ == "conj" and c.i > verb.i and c.pos_ == "VERB"
                   and speech_kind(c) is not None and not any(g.dep_ in SUBJECT_DEPS for g in c.children))
    for child in verb.children:
        if child.dep_ == "conj" and child.pos_ == "VERB" and speech_kind(child) is not None:
            out.append(child)
        elif child.dep_ == "prep":
            # "accused the authorities of leaving the roads unprotected and urged Damascus to ...":
            # the parser hangs the second finite verb on the gerund; a past tense cannot coordinate
            # with a gerund, so it joins the speech verb itself.
            for pcomp in child.children:
                if pcomp.dep_ == "pcomp" and pcomp.tag_ == "VBG":
                    out.extend(c for c in pcomp.children if c.dep_ == "conj" and c.tag_ == verb.tag_
                               and c.tag_ in ("VBD", "VBZ", "VBP") and speech_kind(c) is not None
                               and not any(g.dep_ in SUBJECT_DEPS for g in c.children))
        elif child.dep_ == "advcl" and child.tag_ == "VBG" and speech_kind(child) not in (None, "claim") \
                and not any(g.dep_ in SUBJECT_DEPS for g in child.children):
            out.append(child)  # '"...," the director said, urging the authorities to ...': a second act
    clause = reported_clause(verb)
    if clause is not None:
        subject = next((c for c in clause.children if c.dep_ in SUBJECT_DEPS), None)
        # "said it was alarmed and urged ...", "said its fighters had acted in self-defence and
        # denied attacking civilians": the speaker, or the speaker's own people, again.
        own = subject is not None and any(c.dep_ == "poss" and c.lower_ in ("its", "their", "his", "her", "our")
                                          for c in subject.children)
        if subject is not None and (subject.lower_ in PERSON_PRONOUNS | GROUP_PRONOUNS or own):
            out.extend(c for c in clause.children if c.dep_ == "conj" and c.pos_ == "VERB"
                       and speech_kind(c) is not None and not any(g.dep_ in SUBJECT_DEPS for g in c.children))
        else:
            out.extend(_closing_act(clause, verb))
    return out


def _closing_act(clause: Token, verb: Token) -> list[Token]:
    """"said the recruits were civilians and accused al Shabaab of ...", "said the permits were
    legal and rejected calls to ...": a speech verb of a kind of its own that ends the reported
    clause, with no subject, in the tense of the verb that reports it, joined to a verb that is
    not speech. It is the speaker's second act, though the parser hangs it inside the clause
    (in a clause whose verb is speech, "said the army announced X and urged Y", it is not)."""
    if verb.tag_ not in ("VBD", "VBZ"):
        return []
    return [t for t in clause.subtree
            if t.dep_ == "conj" and t.pos_ == "VERB" and t.tag_ == verb.tag_ and _ends(t, clause)
            and speech_kind(t) not in (None, "claim") and speech_kind(t.head) is None
            and not any(g.dep_ in SUBJECT_DEPS for g in t.children)][:1]


def _ends(token: Token, clause: Token) -> bool:
    """Whether nothing of `clause` follows `token`'s phrase but punctuation and relative clauses
    (which the parser may hang on an earlier noun): "the suspects, who ... and denied the
    charges, would appear in court" goes on, so "denied" is the suspects'."""
    own = {t.i for t in token.subtree}
    relative = {t.i for r in clause.subtree if r.dep_ == "relcl" for t in r.subtree}
    return all(t.i in own or t.i in relative or t.is_punct for t in clause.subtree if t.i > token.i)


_REBUTTED = {"accusation", "allegation", "charge", "claim", "assertion", "account", "version"}


def is_rebuttal(verb: Token) -> bool:
    """", an accusation the army denied", "a charge that Kyiv rejects": a relative clause on a noun
    for what was just said, in which someone else answers it. It is a statement of its own."""
    return (verb.dep_ == "relcl" and verb.head.lower_ in _REBUTTED and speech_kind(verb) in ("deny", "reject")
            and any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children))


def end_char(token: Token) -> int:
    return token.idx + len(token.text)


def target_of(verb: Token, kind: str) -> Token | None:
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


def quote_subject(doc: Doc, span: tuple[int, int]) -> Token | None:
    """Who the statement is about: the subject of the reported clause, if it is a name."""
    candidates = [t for t in doc if span[0] <= t.idx < span[1] and t.dep_ in SUBJECT_DEPS and t.pos_ in ("PROPN", "NOUN")]
    named = [t for t in candidates if t.ent_type_ in ("GPE", "NORP", "ORG", "PERSON")]
    main = [t for t in candidates if t.head.dep_ in ("ROOT", "ccomp", "conj")]
    return (named or main or [None])[0]
