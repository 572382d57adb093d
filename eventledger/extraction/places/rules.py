"""The place where a sentence's event happened: the place name the event word governs through a
locative preposition ("killed ... in the town of Susha") or as its object ("captured Birao"), not
where it was reported from ("said by telephone from Libreville"), not where someone came from
("a driver from Abidjan"), not a place inside another clause ("..., which was followed by an
explosion in Colombo"), and not a capital standing for its government ("Baku said").

How a candidate is chosen, in order:
1. it must hang on the event word (or the clause head the event word belongs to) through a path
   that does not cross another clause (relative, reported, purpose) or a preposition that leads
   to another event, time or origin ("after", "since", "from", "against", "including", ...);
2. a place nested in another candidate's phrase ("Sadr City in eastern Baghdad", "the Baghdad
   neighbourhood of Al-Bayaa") loses to it: the most specific place named wins;
3. then a town before a region before a country, a place on the event word before one found
   through its subject, fewer tree steps, closer in the text; a reference point ("20 km south of
   X") after any other; a place opening the sentence ("In Gaza, soldiers shot ... near X") frames
   the one on the verb; a place named just before its container ("in the X valley, in the
   province of Y") wins over it even when the parse hung it elsewhere.
4. when nothing hangs on the event's clause: the place its relative clause describes ("Iraq,
   whose targets were bombed"), else a wider search up the event word's head chain, through
   clauses that describe the same scene (a relative clause about a participant, a 'when' clause,
   a participle) but not speech, intention, purpose, another time ("after", "since") or a
   consequence ("sparked protests across X"), taken only when it leaves exactly one place.

Names are refused as places when they are somebody ("Zongo was shot", "the second man, Abu X"),
a backer or base ("Tehran-backed"), a dateline ("MEXICO CITY --"), or the hospital where the
wounded were taken ("died at X Hospital"); "X's streets", "X, the regional capital" and "X
district" after an organisation-like name are taken as places.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ...knowledge.speech import saying_verbs
from .names import (  # is_government_metonym and place_spans: re-exported for the stage
    COMPASS,
    PLACE_ENTS,
    excluded,
    first_conjunct,
    is_dateline,
    is_government_metonym,
    is_person_noun,
    phrase_head,
    place_cues,
    place_level,
    place_spans,
    placeable,
    proper_spans,
)

__all__ = ["PlaceHit", "rule_event_place", "is_government_metonym", "place_spans"]

# Clause links a place's path to the event word may not cross.
_CLAUSE_BLOCK = {"relcl", "ccomp", "parataxis", "csubj", "csubjpass", "pcomp", "acl", "advcl", "conj", "xcomp"}


@dataclass(slots=True)
class PlaceHit:
    text: str
    start_char: int  # relative to the sentence
    end_char: int
    token_start: int
    token_end: int  # exclusive




# ---- candidate names ---------------------------------------------------------------------------











# ---- the event's place -------------------------------------------------------------------------

@dataclass(slots=True)
class Candidate:
    span: Span
    anchor_penalty: int  # 0 on the event word itself, more through its clause head or a conjoined verb
    steps: int
    via_subject: bool
    level: int
    phrase_head: Token  # the noun the name names ("town" in "the town of X", "X district")
    modifier: bool  # a name modifying a place noun that is named otherwise ("the Baghdad neighbourhood of X")


def names_people(span: Span) -> bool:
    """'Americans', 'Afghans', 'Palestinians': a plural nationality or group names people."""
    root = span.root
    return root.ent_type_ == "NORP" and root.tag_ in ("NNPS", "NNS")


def rule_event_place(doc: Doc, trigger_i: int) -> PlaceHit | None:
    """The place the attachment rules give the event whose word is token `trigger_i`, or None."""
    trigger = doc[trigger_i]
    if trigger.dep_ in ("compound", "amod") and trigger.head.i > trigger.i and trigger.head.pos_ in ("NOUN", "PROPN"):
        trigger_i = trigger.head.i  # "air strike" given by its first word: the phrase is its head's
    anchors = event_anchors(doc, trigger_i)
    candidates, kept = collect_candidates(doc, anchors, trigger_i, wide=False)
    if not candidates:
        return _relative_on_place(doc, anchors) or _wider_place(doc, trigger_i)
    best = min(kept or candidates, key=lambda c: (
        c.anchor_penalty, reference_point(c.span), c.modifier, c.level, c.via_subject, c.steps,
        abs(c.span.root.i - trigger_i)))
    span = _contained_in(doc, best) or best.span
    base = doc[0].idx
    return PlaceHit(span.text, span.start_char - base, span.end_char - base, span.start, span.end)


def collect_candidates(doc: Doc, anchors: dict[int, int], trigger_i: int, wide: bool) -> tuple[list[Candidate], list[Candidate]]:
    """The place names attached to the anchors, and those left once nested names collapse to the
    most specific. The wide search (up the head chain) also refuses datelines."""
    candidates: list[Candidate] = []
    for span in place_spans(doc):
        if excluded(span) or (wide and is_dateline(span)):
            continue
        found = path_to_anchor(span, anchors, wide=True) if wide else path_to_anchor(span, anchors)
        if found is None:
            continue
        penalty, path, via_subject = found
        if not attached(span, path) or _under_other_event(path, trigger_i):
            continue
        candidates.append(Candidate(span, penalty, len(path), via_subject, place_level(span), phrase_head(span), False))
    if candidates:
        _mark_modifiers(candidates)
    kept = [c for c in candidates if not any(_nested(c, other) for other in candidates if other is not c)]
    return candidates, kept


def _relative_on_place(doc: Doc, anchors: dict[int, int]) -> PlaceHit | None:
    """'Iraq, whose military targets have been bombed ...', 'Aleppo, which was shelled ...': the
    event's clause describes the place it hangs on."""
    for i in anchors:
        verb = doc[i]
        if verb.dep_ != "relcl":
            continue
        relative = [t for t in verb.subtree if t.tag_ in ("WP$", "WDT", "WP") and t.i < verb.i]
        if not relative:
            continue
        rel = relative[0]
        if not (rel.tag_ == "WP$" or rel.dep_ in ("nsubjpass", "dobj")):
            continue  # "Aleppo, which attacked ..." is no place
        for span in place_spans(doc) + proper_spans(doc):
            if span.root.i == verb.head.i and (span.label_ in PLACE_ENTS or placeable(span)) \
                    and span[0].lower_ != "the":
                base = doc[0].idx
                return PlaceHit(span.text, span.start_char - base, span.end_char - base, span.start, span.end)
    return None


def _under_other_event(path: list[Token], trigger_i: int) -> bool:
    """'The killing sparked protests across Europe': the place belongs to the other event the
    event word's verb names as its object."""
    events = place_cues()["event_nouns"]
    for token in path:
        if token.i != trigger_i and token.dep_ in ("dobj", "attr") and token.head.pos_ in ("VERB", "AUX") \
                and any(c.i == trigger_i and c.dep_ in ("nsubj", "nsubjpass") for c in token.head.children) \
                and (token.lower_ in events or token.lemma_.lower() in events):
            return True
    return False


def reference_point(span: Span) -> bool:
    """'20 km south of X', '10 miles from X': a place given only to locate another."""
    i = governing_prep_i(span)
    if i is None:
        return False
    prep = span.doc[i]
    return prep.lower_ in COMPASS or _distance_from(prep)


def _distance_from(prep: Token) -> bool:
    """'150 metres from X', 'patrolling 10 miles from X' (the distance hung on the verb)."""
    head = prep.head
    return prep.lower_ == "from" and (head.lower_ in _DISTANCES or any(
        c.dep_ == "npadvmod" and c.lower_ in _DISTANCES for c in head.children))


def _contained_in(doc: Doc, best: Candidate) -> Span | None:
    """A place named just before the chosen one as lying in it ("in the Baliem Valley, in
    Indonesia's province of Irian Jaya"), which the parse hung elsewhere: the more specific wins."""
    prep_i = governing_prep_i(best.span)
    if prep_i is None or doc[prep_i].lower_ not in ("in", "outside", "near", "at"):
        return None  # not "from X through Y to Z"
    for span in place_spans(doc):
        if span.end > best.span.start or excluded(span) or span.root.head.i == best.phrase_head.i:
            continue
        other = Candidate(span, 0, 0, False, place_level(span), phrase_head(span), False)
        if other.level <= best.level and follows_as_container(other, best):
            return span
    return None


def _wider_place(doc: Doc, trigger_i: int) -> PlaceHit | None:
    """When nothing hangs on the event's own clause: a place hanging on the event word's head chain
    (or on something under it) through clauses that describe the same scene -- a relative clause
    about a participant ("shot at soldiers, who returned fire in Nablus"), a 'when' clause, a
    participle -- but not through reported speech, an intention ("vowed to march into X"), a
    purpose, another time ("since", "before") or a blocking preposition. Taken only when, after
    nested places collapse to the most specific, exactly one such place is left."""
    anchors = event_anchors(doc, trigger_i)
    token = doc[trigger_i]
    depth = 0
    while token.head.i != token.i and depth < 8 and token.dep_ != "parataxis" \
            and not (token.dep_ == "advcl" and subordinator(token) not in (None, "when", "while", "whilst")) \
            and not (token.dep_ in ("nsubj", "nsubjpass") and token.head.lemma_.lower() in place_cues()["causal_verbs"]):
        # not up from "after rebels attacked ...", "as fighting resumed": the main clause is another event
        if token.dep_ == "relcl":
            break  # "Aleppo, which attacked nobody, was praised": the main clause is not the event's
        token = token.head
        depth += 1
        anchors.setdefault(token.i, 10 + depth)
    candidates, kept = collect_candidates(doc, anchors, trigger_i, wide=True)
    if not candidates:
        return None
    if len({c.span.text.lower() for c in kept}) != 1:
        return None
    span = min(kept, key=lambda c: (c.anchor_penalty, c.steps)).span
    base = doc[0].idx
    return PlaceHit(span.text, span.start_char - base, span.end_char - base, span.start, span.end)












def event_anchors(doc: Doc, trigger_i: int) -> dict[int, int]:
    """Tokens a place may hang on, with a penalty: the event word (0); the verb whose subject or
    object the event word is ("Protests took place in X", 0); the clause head of a participle or
    conjoined verb ("a bomb exploded in X, killing two", 1)."""
    anchors = {trigger_i: 0}
    token = doc[trigger_i]
    if token.pos_ in ("NOUN", "PROPN") and token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.pos_ in ("NOUN", "PRON"):
        token = token.head.head  # "a group of protesters in downtown St. Paul"
        anchors[token.i] = 0
    if token.pos_ in ("NOUN", "PROPN", "PRON") and token.dep_ in ("nsubj", "nsubjpass", "dobj") and token.head.pos_ in ("VERB", "AUX"):
        if token.head.lemma_.lower() in place_cues()["causal_verbs"]:
            return anchors  # "the killing sparked protests across Europe": the verb's places are the consequence's
        token = token.head
        anchors[token.i] = 0
    penalty = 0
    for _ in range(2):
        head = token.head
        if head.i == token.i or token.dep_ not in ("advcl", "conj", "xcomp", "acl") or head.pos_ not in ("VERB", "AUX", "NOUN"):
            break
        if token.dep_ == "advcl" and subordinator(token) not in (None, "when", "as", "while"):
            break  # "..., after the army shelled X": another event's clause
        penalty += 1
        token = head
        anchors.setdefault(token.i, penalty)
    if token.dep_ == "relcl" and any(c.lower_ == "where" for c in token.children):
        anchors.setdefault(token.head.i, penalty + 1)  # "the Nagorno-Karabakh region, where forces launched ..."
    return anchors


def path_to_anchor(span: Span, anchors: dict[int, int], wide: bool = False) -> tuple[int, list[Token], bool] | None:
    """Climb from the name to the first anchor: (penalty, tokens climbed through, through a
    subject?), or None when the climb leaves the event's clause or crosses a blocking preposition."""
    cues = place_cues()
    governing = governing_prep_i(span)
    token = span.root
    path: list[Token] = []
    penalty = 0
    via_subject = False
    for _ in range(16):
        if token.i in anchors:
            if wide and anchors[token.i] >= 10 and _not_an_event_verb(token):
                return None  # "said in Madrid that ...": the place of the saying
            return anchors[token.i] + penalty, path, via_subject
        head = token.head
        if head.i == token.i:
            return None
        dep = token.dep_
        if token.i != span.root.i:
            if token.pos_ in ("VERB", "AUX") and dep in _CLAUSE_BLOCK:
                if not (_clause_allowed_wide(token) if wide else _clause_allowed(token)):
                    return None
                if dep == "conj" or (dep == "advcl" and subordinator(token)) or _purpose(token):
                    penalty += 1
            elif dep in (("ccomp", "parataxis", "csubj") if wide else ("relcl", "ccomp", "parataxis", "pcomp", "csubj")):
                return None
            if (token.pos_ == "ADP" or dep == "prep") and token.lower_ in cues["blocking_preps"] and token.i != governing \
                    and not _locative_use(token):
                # ... unless it leads to the event itself: "killed after clashes in X",
                # "killed in clashes with the YPG near X".
                if not ((token.lower_ in ("after", "with", "amid", "following")
                         or token.lower_ == "to" and token.head.lower_ in ("due", "owing"))  # "due to shelling on X"
                        and _event_noun_at(token, path)):
                    return None
            if token.dep_ == "agent" and head.lemma_.lower() in cues["sequence_verbs"]:
                return None  # "..., which was followed by another explosion in X": another event
        if dep in ("nsubj", "nsubjpass") and head.i in anchors:
            via_subject = True
        path.append(token)
        token = head
    return None


def _locative_use(prep: Token) -> bool:
    """A preposition that usually leads elsewhere but here says where: "150 metres from a mosque
    in X", "the entrance to X", "walked up to the car in which ... in X"."""
    cues = place_cues()
    head = prep.head
    if prep.lower_ == "from":
        return _distance_from(prep) or head.lemma_.lower() in cues["departure_words"]
    if prep.lower_ in ("to", "toward", "towards"):
        return head.lower_ in cues["access_nouns"] or head.lemma_.lower() in cues["motion_verbs"]
    return False


def _event_or_place_noun(token: Token) -> bool:
    cues = place_cues()
    word, lemma = token.lower_, token.lemma_.lower()
    return word in cues["event_nouns"] or lemma in cues["event_nouns"] or word in cues["place_nouns"] \
        or lemma in cues["place_nouns"] or word in cues["access_nouns"] or token.ent_type_ in ("GPE", "LOC", "FAC")


def _event_noun_at(prep: Token, path: list[Token]) -> bool:
    """Whether the preposition joins an event noun ('clashes with', 'after clashes')."""
    events = place_cues()["event_nouns"]
    if prep.head.lemma_.lower() in events or prep.head.lower_ in events:
        return True
    obj = path[-1] if path else None
    return obj is not None and obj.head.i == prep.i and (obj.lemma_.lower() in events or obj.lower_ in events)


def subordinator(verb: Token) -> str | None:
    """The word that introduces an adverbial clause: 'when', 'while', 'after', 'because'..."""
    for child in verb.children:
        if child.i > verb.i:
            break
        if child.dep_ == "mark" or (child.dep_ == "advmod" and child.tag_ == "WRB"):
            return child.lower_
    edge = verb.left_edge
    if edge.i < verb.i and edge.tag_ in ("IN", "WRB") and edge.lower_ in place_cues()["subordinators"]:
        return edge.lower_  # "since bombers linked to al-Qaida hit X": the parse hung "since" lower
    return None


def _clause_allowed(verb: Token) -> bool:
    """Whether a place inside this verb's clause can still be the event's place."""
    cues = place_cues()
    dep = verb.dep_
    if verb.lemma_.lower() in saying_verbs():
        return False  # "..., the source told Xinhua"
    if dep == "xcomp":
        return True  # "were trying to defuse it on the road in X"
    if dep == "conj":
        return verb.lemma_.lower() in cues["event_verbs"]  # "were killed and wounded in X"
    if dep == "advcl":
        mark = subordinator(verb)
        if mark:
            # "killed when militants hit the villages of X", "shot while filming clashes in X";
            # not "..., since/because/although ..." (another event, a reason).
            return mark in ("when", "while", "as", "after", "whilst")
        # A participle ("..., killing two"), or a purpose that is itself an event ("launched an
        # operation to capture X"); not "to help ..." or a loose clause.
        if _purpose(verb):
            return verb.lemma_.lower() in cues["event_verbs"]
        return verb.tag_ in ("VBG", "VBN")
    if dep == "acl":
        if _purpose(verb):
            return verb.lemma_.lower() in cues["event_verbs"]
        if verb.lemma_.lower() in cues["residence_verbs"]:
            return False  # "250 Sudanese, many of them living in Switzerland, rallied ..."
        return verb.tag_ in ("VBN", "VBG") and not any(c.dep_ == "aux" for c in verb.children)
    return False


def _not_an_event_verb(token: Token) -> bool:
    """A verb of saying or of intending: what hangs on it is not where an event happened."""
    cues = place_cues()
    lemma = token.lemma_.lower()
    return lemma in saying_verbs() or lemma in cues["intent_verbs"]


def _clause_allowed_wide(verb: Token) -> bool:
    """The wider search's clause rule: a relative clause about a participant, a 'when' clause, a
    participle or an event verb's purpose may describe the event's scene; speech, intention,
    another time or a reason may not."""
    cues = place_cues()
    dep = verb.dep_
    if _not_an_event_verb(verb):
        return False
    if dep in ("ccomp", "parataxis", "csubj", "csubjpass"):
        return False
    if dep in ("acl", "relcl") and verb.lemma_.lower() in cues["residence_verbs"]:
        return False  # "a man who lived in X", "Sudanese living in X": where a participant lives
    if _purpose(verb) and dep != "xcomp":
        return verb.lemma_.lower() in cues["event_verbs"]
    if verb.lemma_ == "go" and any(c.dep_ == "xcomp" and _purpose(c) for c in verb.children):
        return False  # "a bomb that was going to be planted at X": not done
    if dep == "advcl":
        return subordinator(verb) in (None, "when", "while", "as", "whilst", "where", "after")
    if dep == "conj":
        return verb.lemma_.lower() in cues["event_verbs"] or verb.lemma_.lower() in cues["scene_verbs"]
    return True


def _purpose(verb: Token) -> bool:
    """'an operation to capture X', 'an offensive to retake X': an infinitive of purpose (its
    object is where the operation goes when the verb is itself an event: capture, seize, attack)."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def governing_prep_i(span: Span) -> int | None:
    """The preposition the name is governed by, skipping 'of' after a noun ('the town of X')."""
    token = first_conjunct(span.root)
    for _ in range(4):
        head = token.head
        if head.i == token.i:
            return None
        if head.pos_ == "ADP" or head.dep_ == "prep":
            if head.lower_ == "to" and head.head.lower_ in place_cues()["access_nouns"]:
                token = first_conjunct(head.head)  # "near the entrance to X": where the entrance is
                continue
            if head.lower_ != "of":
                return head.i
            if head.head.lower_ in COMPASS or head.head.lower_ in ("outside", "ahead"):
                return head.head.i  # "20 km south of X": the compass word is the locative
            token = head.head  # "of" -> the noun it belongs to
            token = first_conjunct(token)
            continue
        if token.dep_ in ("appos", "compound", "amod", "nmod", "poss"):
            token = first_conjunct(head)
            continue
        return None
    return None


def attached(span: Span, path: list[Token]) -> bool:
    """Whether the name is where the event happened rather than just a name near it: governed by
    a locative preposition ("in", "near", "across"...), the object of the event's verb ("captured
    Birao", "shelled the settlements of Arbin"), its passive subject, or a town modifying the event
    noun ("the Manbij campaign")."""
    cues = place_cues()
    doc = span.doc
    prep_i = governing_prep_i(span)
    if prep_i is not None:
        prep = doc[prep_i]
        if (prep.lower_ in ("near", "outside", "off") or prep.lower_ in COMPASS) and place_level(span) == 2:
            return False  # "a house near Pakistan", "10 km north of Syria": near a country is outside it
        if prep.lower_ in ("on", "over") and prep.head.pos_ in ("NOUN", "PROPN") and span.root.head.i == prep.i \
                and not _event_or_place_noun(prep.head):
            return False  # "a specialist on Team X", "sovereignty over Kashmir": not where
        if prep.lower_ in cues["locative"] or prep.lower_ == "off":
            return True
        if prep.lower_ in ("to", "into", "toward", "towards") and prep.head.lemma_.lower() in cues["motion_verbs"]:
            return True
        if prep.lower_ in ("on", "against") and prep.head.pos_ == "NOUN":
            return True  # "an attack on X"
        if prep.lower_ == "from" and prep.head.lemma_.lower() in cues["departure_words"]:
            return True  # "evacuated the wounded from Gorazde", "the withdrawal from X"
        if _distance_from(prep):
            return True  # "patrolling 10 miles from X"
        return False
    # No preposition: the role of the phrase the name belongs to.
    token = first_conjunct(span.root)
    for _ in range(4):
        dep = token.dep_
        if dep in ("dobj", "nsubjpass", "attr", "oprd", "npadvmod"):
            if dep == "attr" and token.head.lemma_ == "be":
                return False
            # "captured Birao", "shelled the settlements of Arbin" -- but "captured Abu Zubaydah"
            # (a man the model took for a place): the gazetteer or a place noun must agree.
            return token.i != span.root.i or placeable(span) or (
                span.root.ent_type_ in ("GPE", "LOC", "FAC") and dep == "dobj"
                and token.head.lemma_.lower() in cues["place_object_verbs"])  # "bombed Pooneryn"
        if dep == "poss" and token.head.lower_ in cues["place_nouns"]:
            token = first_conjunct(token.head)  # "Grozny's streets are patrolled"
            continue
        if dep in ("compound", "amod", "nmod") and token.head.pos_ == "NOUN":
            if token.head.lower_ in cues["place_nouns"]:
                token = first_conjunct(token.head)
                continue
            # "the Manbij campaign", "the Baghdad headquarters were destroyed": a town naming the
            # event or its target (a country there is an actor; "a Tampa woman", where she is from).
            noun = token.head
            return place_level(span) < 2 and not is_person_noun(noun) and noun.lower_ not in cues["institution_nouns"] \
                and not any(t.dep_ == "nsubj" for t in path) \
                and (noun.lemma_.lower() in cues["event_nouns"] or noun.lower_ in cues["event_nouns"]
                     or bool(path) and noun.i == path[-1].i or noun.dep_ in ("dobj", "nsubjpass"))
        if dep == "pobj" and token.head.lower_ == "of":
            token = first_conjunct(token.head.head)
            continue
        if dep == "appos":
            token = first_conjunct(token.head)
            continue
        return False
    return False












def _ancestors(token: Token) -> set[int]:
    out = set()
    while token.head.i != token.i:
        token = token.head
        out.add(token.i)
    return out


def _nested(inner: Candidate, outer: Candidate) -> bool:
    """'Sadr City in eastern Baghdad': Baghdad hangs inside the phrase of Sadr City; 'In Gaza,
    soldiers shot ... near the Kissufim crossing': a place set in front of the clause frames it."""
    if fronted(inner.span) and not fronted(outer.span) and outer.level <= inner.level and not outer.via_subject \
            and outer.anchor_penalty <= inner.anchor_penalty:
        return True  # (here "inner" is the frame: it gives way to the place inside it)
    if inner.phrase_head.i == outer.phrase_head.i:
        return inner.modifier and not outer.modifier
    if follows_as_container(outer, inner):
        return True
    inner_up = _ancestors(inner.span.root)
    outer_up = _ancestors(outer.span.root)
    if outer.phrase_head.i in inner_up and inner.phrase_head.i not in outer_up:
        # ... but conjoined names are siblings ("Tel Abyad and the nearby town of Suluk").
        return not _conjoined(inner.span.root, outer.span.root)
    return False


_BETWEEN_POS = {"ADP", "DET", "ADJ", "NUM", "ADV", "PUNCT", "PART", "SPACE"}
_DISTANCES = {"km", "kilometres", "kilometers", "miles", "mile", "kilometre", "kilometer", "metres", "meters"}


def fronted(span: Span) -> bool:
    """'In Gaza Sunday, soldiers shot ...': a locative phrase opening the sentence before its verb."""
    prep = span.root.head
    if prep.pos_ != "ADP" or prep.lower_ not in ("in", "inside", "across", "throughout"):
        return False
    return prep.i <= span.doc[0].i + 1 and prep.head.i > span.end and prep.head.pos_ in ("VERB", "AUX")


def follows_as_container(first: Candidate, second: Candidate) -> bool:
    """'al-Tijara neighbourhood in central Damascus', 'Mussaiyab, some 80 km south of Baghdad':
    the second name, right after the first through a locative phrase, is where the first lies
    (whatever the parse made of it)."""
    doc = first.span.doc
    end = max(first.span.end, first.phrase_head.i + 1)
    start = second.span.start
    if not 0 < start - end <= 8:
        return False
    between = doc[end:start]
    cues = place_cues()
    if not any(t.lower_ in cues["locative"] or t.lower_ in ("of", "to") for t in between if t.pos_ == "ADP"):
        return False
    if any(t.lower_ in ("and", "or", "from", "to") and t.pos_ != "ADP" for t in between):
        return False
    return all(
        t.pos_ in _BETWEEN_POS or t.lower_ in cues["place_nouns"] or t.lower_ in _DISTANCES
        or (t.dep_ == "amod" and t.tag_ == "VBN") or t.lower_.endswith("most") or t.lower_ in COMPASS  # "the Israeli occupied south Lebanon"
        or (t.dep_ in ("poss", "case") and (t.tag_ == "POS" or t.ent_type_ in ("GPE", "LOC")))  # "Indonesia's"
        or t.lower_ in ("north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "outskirts", "part", "side", "centre", "center", "heart")
        for t in between
    ) and not any(t.pos_ == "ADP" and t.lower_ in cues["blocking_preps"] - {"of", "to"} for t in between)


def _conjoined(a: Token, b: Token) -> bool:
    return first_conjunct(a).i == first_conjunct(b).i or b in a.conjuncts


def _mark_modifiers(candidates: list[Candidate]) -> None:
    """'the south Baghdad neighbourhood of Al-Bayaa': Baghdad modifies a place named Al-Bayaa."""
    for c in candidates:
        root = c.span.root
        if root.dep_ in ("compound", "amod", "nmod") and any(
            o is not c and o.phrase_head.i == root.head.i and o.span.root.dep_ == "pobj" and o.level <= c.level
            for o in candidates
        ):  # (but "the Swat valley of northwest Pakistan": a country after "of" is the container)
            c.modifier = True












