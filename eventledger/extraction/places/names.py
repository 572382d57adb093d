"""Candidate place names in a parsed sentence, and what each name is: a place at some level
(town 0, region 1, country 2), or somebody, an actor, a backer ("Tehran-backed"), a report's
origin ("said by telephone from X"), a government's seat standing for it ("Baku said"), a dateline,
or the hospital where the wounded were taken. `rules` and `ranker` decide which of them the event
happened at; cue words live in `eventledger/data/places/cues.toml`."""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from ...knowledge.capitals import government_of
from ...knowledge.figure_words import lexicon
from ...knowledge.gazetteer import country_name, country_of, geocode, is_demonym, is_known_place, key
from ...knowledge.gazetteer import place_level as gazetteer_level
from ...knowledge.place_words import place_cues
from ...knowledge.speech import saying_verbs

PLACE_ENTS = {"GPE", "LOC", "FAC"}


NOT_NAMES = {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"}


def place_spans(doc: Doc) -> list[Span]:
    """Place names in the sentence: GPE/LOC/FAC entities, and names the small model tags otherwise
    or not at all when their context or the gazetteer says they are places ("the town of X",
    "X district", "in Nagorno-Karabakh"); each extended by a trailing 'province', 'district'..."""
    suffixes = place_cues()["suffixes"]
    out = []
    for ent in proper_spans(doc):
        start = ent.start + (1 if doc[ent.start].lower_ == "the" else 0)
        while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].dep_ == "compound" \
                and doc[start - 1].head.i in range(ent.start, ent.end) and not doc[start - 1].ent_type_:
            start -= 1  # "Sheikh Najjar" when the model tagged only "Najjar"
        while start < ent.end and (doc[start].is_punct or doc[start].is_space):
            start += 1
        end = ent.end
        while end > start and (doc[end - 1].is_punct or doc[end - 1].tag_ == "POS"):
            end -= 1  # (and "Helmand province's": the possessive ending is not part of the name)
        if start >= end:
            continue
        span = doc[start:end]
        if lone_direction(span):
            continue  # "East" in "between East and West Berlin": the named place is "West Berlin"
        if saints_building(span):
            continue
        capital = end < len(doc) and doc[end].lower_ == "capital" and country_code(span.text) is not None
        if not capital and (ent.label_ == "LANGUAGE" or names_people_or_language(span.text)):
            continue  # "a post in English", "Russian shelling": a language or a people, not a place
        if ent.label_ not in PLACE_ENTS and not capital and not looks_like_place(span, ent.label_):
            continue  # but "the Sudanese capital" is a place: the gazetteer reads it as Khartoum
        if end < len(doc) and doc[end].lower_ in suffixes:
            span = doc[start:end + 1]
        out.append(span)
    return out


def names_people_or_language(text: str) -> bool:
    """'English', 'Arabic', 'Russian', 'Sri Lankan': the name of a people or a language (a
    demonym of `gazetteer/demonyms.csv` or a word of the cues' `language_names`), which the
    gazetteer would read as its country or as a namesake town ("in English": English, Indiana).
    A people's name that is its country's name too is a place ("New Zealand")."""
    folded = key(text)
    if folded == key(country_name(country_of(text)) or ""):
        return False
    languages = _languages()
    return is_demonym(text) or folded in languages or (folded.endswith("s") and folded[:-1] in languages)


@lru_cache(maxsize=1)
def _languages() -> frozenset[str]:
    return frozenset(key(word) for word in place_cues()["language_names"])


def saints_building(span: Span) -> bool:
    """"St Anthony's", "St. Sebastian's": a saint's name in the possessive names a church, a
    shrine or a school ("the blast at St Anthony's"), not the town of that name abroad (Saint
    Anthony, Minnesota), unless the gazetteer knows the possessive form itself ("St. John's")."""
    doc = span.doc
    first = span[0].lower_.rstrip(".")
    if first not in ("st", "saint", "ste", "sainte") or span.end >= len(doc) or doc[span.end].tag_ != "POS":
        return False
    return not is_known_place(span.text + doc[span.end].text)


COMPASS = {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "northeast",
            "northwest", "southeast", "southwest", "central", "upper", "lower"}


def lone_direction(span: Span) -> bool:
    """A compass word standing for a directional name that follows ("East and West Berlin")."""
    if len(span) != 1 or span[0].lower_ not in COMPASS:
        return False
    doc = span.doc
    i = span.end
    return i + 2 < len(doc) and doc[i].lower_ in ("and", "or", "&") and doc[i + 1].lower_ in COMPASS \
        and doc[i + 2].pos_ == "PROPN"


def proper_spans(doc: Doc) -> list[Span]:
    """Named-entity spans, plus runs of proper nouns the model left untagged."""
    spans = [e for e in doc.ents if e.label_ not in NOT_NAMES]
    covered = {i for e in doc.ents for i in range(e.start, e.end)}
    i = 0
    while i < len(doc):
        if doc[i].pos_ == "PROPN" and i not in covered:
            j = i
            while j + 1 < len(doc) and (doc[j + 1].pos_ == "PROPN" or doc[j + 1].text == "-") and j + 1 not in covered:
                j += 1
            while j > i and doc[j].text == "-":
                j -= 1
            spans.append(doc[i:j + 1])
            i = j + 1
        else:
            i += 1
    return spans


def looks_like_place(span: Span, label: str) -> bool:
    """A name not tagged as a place: take it when its words name a place ("the town of X", "X
    district"), when the gazetteer places it with confidence, or (untagged) when a locative
    preposition governs it."""
    cues = place_cues()
    if not any(t.pos_ == "PROPN" for t in span):
        return False
    root = span.root
    head = root.head
    if label != "GPE" and span.text.isupper() and len(span.text.replace(".", "")) <= 5 and not country_code(span.text):
        return False  # "SDF", "UN": acronyms the gazetteer's alternate names would misplace
    if root.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in cues["place_nouns"] and head.head.i < root.i:
        return True  # "the town of Sheykler", "the province of Muthanna", "the countryside of Aleppo"
    if root.lower_ in cues["place_nouns"] and root.lower_ not in ("state", "capital", "base") and root.i > span.start:
        return True  # "Al-Nur hospital", "Manger Square" tagged as an organisation or a person
    noun = root.head
    if noun.dep_ == "compound" and noun.head.lower_ in cues["place_nouns"] and noun.i == span.end:
        noun = noun.head  # "the Nuseirat refugee camp": the name's head is "refugee", a word of the place noun
    if root.dep_ in ("compound", "amod", "nmod") and noun.lower_ in cues["place_nouns"] and 0 < noun.i - span.end + 1 <= 3:
        return True  # "Aziziyah district", "the Gladiola outpost", "Kawkab army base"
    following = span.doc[span.end] if span.end < len(span.doc) else None
    if following is not None and following.lower_ in cues["region_nouns"] and label in ("ORG", "GPE", ""):
        return True  # "at Aathmail of Nuwakot district" (one organisation-like name before "district")
    if root.dep_ == "poss" and head.lower_ in cues["place_nouns"] and head.lower_ not in cues["institution_nouns"] \
            and (country_code(span.text) or is_known_place(span.text)):
        return True  # "Grozny's streets", "Kabul's outskirts": the gazetteer knows the owner
    if any(c.dep_ == "appos" and c.lower_ in cues["place_nouns"] for c in root.children) \
            or (root.dep_ == "appos" and head.lower_ in cues["place_nouns"] and head.pos_ == "NOUN"):
        return True  # "Kidal, the regional capital", "the provincial capital, Kidal"
    if label == "NORP" and not (root.dep_ == "pobj" and head.lower_ in cues["locative"]):
        return False
    if root.dep_ not in ("pobj", "dobj", "compound", "appos", "conj", "nsubjpass"):
        return False
    if country_code(span.text):
        return True
    if span.text.isupper() and len(span.text.replace(".", "")) <= 5:
        return False  # "SDF", "UN": acronyms the gazetteer's alternate names would misplace
    located = geocode(span.text)
    if located is not None and key(located.name) == key(span.text):
        return True  # by its own name, not an alternate one ("Hamas" is not Hamm)
    if root.dep_ == "pobj" and head.lower_ in cues["locative"] and len(span) <= 4:
        if label == "":
            return True  # an untagged proper name right after "in", "near"...
        # Tagged a person or an organisation, but "in X" where the gazetteer has an X, or a
        # one-word name with nothing of an organisation about it ("in Swat", "in Ballymurphy").
        if located is None and is_known_place(span.text):
            return True
        return len(span) == 1 and span.text.istitle() and span.text.lower() not in cues["organisation_words"] \
            and head.lower_ in ("in", "near", "outside", "inside", "around")
    if root.dep_ == "dobj" and label in ("ORG", "GPE", "") and located is None and is_known_place(span.text):
        return True  # "captured Birao" (a small town the model took for an organisation)
    return False


def excluded(span: Span) -> bool:
    return is_report_origin(span) or is_actor(span) or is_government_seat(span) or is_person(span) \
        or is_aftermath(span) or is_affiliation(span)


def is_affiliation(span: Span) -> bool:
    """'the Tehran-backed militia', 'a London-based group': a place naming a backer or a base."""
    doc = span.doc
    i = span.end
    return i + 1 < len(doc) and doc[i].text == "-" and doc[i + 1].lower_ in place_cues()["affiliation_words"]


def is_person(span: Span) -> bool:
    """A name the model or the gazetteer took for a place that is somebody: the one shot, killed or
    arrested ("Zongo was shot"), or a name in apposition to a person ("the second man, Abu X")."""
    cues = place_cues()
    root = first_conjunct(span.root)
    head = root.head
    if root.dep_ == "nsubjpass" and head.lemma_.lower() in cues["person_verbs"]:
        return True
    if root.dep_ == "nsubj" and head.lemma_.lower() in cues["person_verbs"] and head.lemma_.lower() in ("die", "flee", "escape"):
        return True
    if root.dep_ == "dobj" and head.lemma_.lower() in cues["person_verbs"] and head.lemma_.lower() not in cues["event_verbs"]:
        return True  # "arrested X" (not "attacked X")
    if root.dep_ == "appos" and is_person_noun(head):
        return True
    if any(c.dep_ == "appos" and c.like_num and not _counts_at_place(c) for c in root.children):
        return True  # "X, 45, ..." (not "killed in X, 100 in Y": a count, at another place)
    return False


def _counts_at_place(number: Token) -> bool:
    """'60 killed in Arbin, 20 in Darat': the number after the name counts people at another
    place, it is no age."""
    following = number.doc[number.i + 1] if number.i + 1 < len(number.doc) else None
    return following is not None and following.lower_ in place_cues()["count_prepositions"]


def is_aftermath(span: Span, _depth: int = 0) -> bool:
    """'... and later died at X Hospital', 'was taken to X Medical Center': where the wounded were
    treated, not where the event happened."""
    cues = place_cues()
    root = span.root
    if root.head.lower_ in ("in", "of") and root.head.head.pos_ in ("NOUN", "PROPN") and _depth < 20:
        outer = span.doc[root.head.head.left_edge.i:root.head.head.i + 1]
        # a parse whose "in" is its own head (a ROOT tagged as a noun) would lead back here forever
        if outer.root != root and is_aftermath(outer, _depth + 1):
            return True  # "... Medical Center in Nashville"
    words = {t.lower_ for t in span} | {root.head.lower_}
    if not words & {"hospital", "clinic", "medical", "infirmary"}:
        return False
    prep = span.root.head
    verb = prep.head if prep.pos_ == "ADP" else prep
    return verb.lemma_.lower() in cues["aftermath_verbs"]


def is_dateline(span: Span) -> bool:
    """'MEXICO CITY --', 'KABUL, Afghanistan (AP) --': where the story was filed."""
    doc = span.doc
    if span.text.isupper() and "." not in span.text and len(span.text.replace(" ", "")) > 4:
        return True  # (not "U.S.", "UAE")
    after = doc[span.end].text if span.end < len(doc) else ""
    return span.start <= 3 and after in ("--", "—", "–")


ABBREVIATIONS = {"us": "US", "u s": "US", "uk": "GB", "u k": "GB", "uae": "AE", "drc": "CD", "car": "CF"}


def country_code(text: str) -> str | None:
    """ISO code when the name is a country ('Syria', 'U.S.', 'US', 'UK')."""
    folded = key(text)
    return ABBREVIATIONS.get(folded) if folded in ABBREVIATIONS and text.isupper() or "." in text and folded in ABBREVIATIONS \
        else country_of(text)


def is_person_noun(token: Token) -> bool:
    lex = lexicon()
    word = token.lower_
    return (word in lex.people or word in lex.civilian or word in lex.children or word in lex.combatant
            or word in place_cues()["person_nouns"] or token.lemma_.lower() in place_cues()["person_nouns"])


def placeable(span: Span) -> bool:
    return bool(country_code(span.text)) or is_known_place(span.text) or span.root.lower_ in place_cues()["place_nouns"]


def phrase_head(span: Span) -> Token:
    """The noun a place name names: 'town' in 'the town of X' and 'X town', else the name itself."""
    cues = place_cues()
    root = span.root
    if root.lower_ in cues["place_nouns"]:
        return root
    head = root.head
    if root.dep_ in ("compound", "amod", "nmod") and head.lower_ in cues["place_nouns"]:
        return head
    if root.dep_ == "compound" and head.dep_ == "compound" and head.head.lower_ in cues["place_nouns"]:
        return head.head  # "the Nuseirat refugee camp"
    if root.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in cues["place_nouns"]:
        return head.head
    return root


def first_conjunct(token: Token) -> Token:
    """'the UN Security Council and Russia': Russia's role is that of the first conjunct."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token


def is_government_seat(span: Span) -> bool:
    """'authorities in Baku said', 'the Defense Ministry in Yerevan claimed': a capital naming
    where an acting institution sits (but 'a bomb near the ministry in Bogota' is a place)."""
    head = span.root.head
    if not (head.lower_ in ("in", "of") and head.head.lower_ in place_cues()["institution_nouns"]):
        return False
    institution = first_conjunct(head.head)
    if institution.dep_ in ("nsubj", "nsubjpass") and institution.head.lemma_.lower() not in saying_verbs():
        return False  # "police in Nairobi fired tear gas": the institution acts there, it does not speak for it
    return government_of(span.text) is not None and institution.dep_ in ("nsubj", "nsubjpass", "poss", "agent", "pobj") \
        and not (institution.dep_ == "pobj" and institution.head.lower_ in place_cues()["locative"])


def is_report_origin(span: Span) -> bool:
    """'from Libreville' hanging on a verb of saying, or 'from Baku' after 'announced'."""
    head = first_conjunct(span.root).head
    if head.pos_ == "ADP" and head.head.lemma_.lower() in saying_verbs() and head.lower_ != "in":
        return True  # "called on Russia", "appealed to Moscow", "told reporters in ..." is kept
    if head.lower_ == "in" and head.head.lemma_.lower() in saying_verbs() and span.label_ not in PLACE_ENTS \
            and span.root.ent_type_ not in PLACE_ENTS:
        return True  # "reported in Le Monde": a publication, not a place
    if head.lower_ == "from":
        verb = head.head
        for _ in range(3):
            if verb.lemma_.lower() in saying_verbs():
                return True
            if verb.head.i == verb.i:
                break
            verb = verb.head
    return False


def is_actor(span: Span) -> bool:
    """A place name doing something ('Azerbaijan launched'), owning something ('Afghanistan's
    province'), or naming a force ('Baku forces') is an actor or a modifier, not the event's place."""
    root = first_conjunct(span.root)
    if root.dep_ in ("nsubj", "agent") and (root.ent_type_ in ("GPE", "NORP", "ORG") or place_level(span) == 2):
        return True
    if root.dep_ == "pobj" and root.head.lower_ == "by" and root.head.dep_ == "agent":
        return True  # "bombed by Israel"
    cues = place_cues()
    if root.dep_ == "poss":
        # "Syria's conflict" and "Dagestan's capital Makhachkala" are places; "Syria's army" is not.
        return not (root.head.lemma_.lower() in cues["event_nouns"] or root.head.lower_ in cues["place_nouns"])
    if root.dep_ in ("compound", "amod") and root.head.lower_ in cues["institution_nouns"]:
        return True
    if root.dep_ in ("compound", "amod", "nmod") and root.head.lower_ not in cues["place_nouns"] and place_level(span) == 2:
        return True  # "a US air strike", "Syrian forces": a country modifying a thing is its owner
    return False


def place_level(span: Span) -> int:
    """How wide a place is: 0 a town or smaller (names the gazetteer does not know are mostly
    villages and neighbourhoods), 1 a region, 2 a country."""
    cues = place_cues()
    while len(span) > 1 and span[0].lower_ in COMPASS:
        span = span[1:]  # "northwest Pakistan" is as wide as Pakistan
    text = span.text
    if country_code(text):
        return 2
    last = span[-1].lower_
    if last in cues["region_nouns"] or last in cues["suffixes"] - cues["region_nouns"] and last not in ("city", "town", "village"):
        return 1 if last in cues["region_nouns"] else 0
    root = span.root
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lower_ in cues["region_nouns"]:
        return 1
    level = gazetteer_level(text)
    return 0 if level is None else level


def is_government_metonym(doc: Doc, start_char: int, end_char: int) -> bool:
    """Whether the place at these sentence offsets is a capital standing for its government:
    'Baku said', 'announced from Baku', 'authorities in Baku', "Baku's accusations"."""
    base = doc[0].idx
    span = doc.char_span(base + start_char, base + end_char, alignment_mode="expand")
    if span is None or government_of(span.text) is None:
        return False
    root = span.root
    if root.dep_ in ("nsubj", "nsubjpass", "poss", "compound"):
        return True
    if is_report_origin(span):
        return True
    head = root.head
    if head.lower_ in ("in", "of") and head.head.lower_ in place_cues()["institution_nouns"]:
        return is_government_seat(span)  # "police in Nairobi fired tear gas" is a place; "authorities in Baku said" is not
    return False
