"""What a number counts and what happened to them: the counted noun ("25 people", "six
Azerbaijanis", "25 were killed") and the kind word that governs it ("killed", "wounded",
"evacuated", "marched"), read from the parse."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ...data import shipped_toml
from ...knowledge.figure_words import Lexicon
from .numbers import NumberPhrase


def counted_noun(doc: Doc, number: NumberPhrase, lex: Lexicon) -> Token | None:
    """The noun the number counts, if it counts people ('25 people', 'six Azerbaijanis', 'dozens of
    protesters'); None for weeks, positions, kilometres, dollars..."""
    head = doc[number.head]
    candidates: list[Token] = []
    if head.dep_ == "nummod":
        candidates.append(head.head)
    if number.last < len(doc):
        candidates.append(doc[number.last])
        if number.last + 1 < len(doc) and doc[number.last].pos_ in ("ADJ", "VERB") and doc[number.last + 1].pos_ in ("NOUN", "PROPN"):
            candidates.append(doc[number.last + 1])  # "six suspected militants"
        if number.last + 2 < len(doc) and doc[number.last + 1].pos_ in ("ADJ", "NOUN", "PROPN"):
            candidates.append(doc[number.last + 2])  # "two senior Taliban commanders"
    for noun in candidates:
        # The number's own head may sit behind a few modifiers ("eight top al-Qaeda leaders").
        reach = 6 if head.dep_ == "nummod" and noun.i == head.head.i else 3
        if noun.i < number.first or noun.i - number.last > reach or noun.pos_ not in ("NOUN", "PROPN"):
            continue
        if _is_people(noun, lex):
            return noun
    # The number itself stands for people: "25 were killed", "the toll rose to 25", "killing at least six".
    nxt = doc[number.last] if number.last < len(doc) else None
    if nxt is None or nxt.pos_ not in ("NOUN", "PROPN") or nxt.lower_ in lex.word_kind:
        if head.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "attr", "appos", "conj", "npadvmod") or nxt is None or nxt.is_punct or nxt.pos_ in ("VERB", "AUX", "ADP", "CCONJ"):
            return head
    return None


def _is_people(noun: Token, lex: Lexicon) -> bool:
    word = noun.lower_
    if word in lex.people or word in lex.civilian or word in lex.children or word in lex.combatant or word in lex.word_kind:
        return True
    # Nationalities and groups counted as people: "six Azerbaijanis", "five Americans"; demonyms
    # in -ese have no plural -s ("250 Sudanese", "40 Congolese").
    return (noun.ent_type_ == "NORP" or noun.tag_ == "NNPS") and word.endswith(("s", "ese"))


def figure_kind(doc: Doc, noun: Token, number: NumberPhrase, lex: Lexicon) -> tuple[str | None, int | None]:
    """What happened to the counted people: the nearest kind word that governs the noun, else a
    kind word in the same clause next to it."""
    # The noun itself ("11 dead", "25 deaths", "5,000 protesters", "the death toll ... 25").
    own = lex.word_kind.get(noun.lower_)
    # Adjective or participle attached to the noun: "11 people dead", "138 people wounded".
    for child in noun.children:
        kind = kind_of(child, lex)
        if kind and child.dep_ in ("amod", "acl", "acomp", "relcl") and child.i > number.first:
            return kind, child.i
    # Up the tree: the verb the noun is subject or object of, through "said to have been".
    token = noun
    for _ in range(4):
        head = token.head
        if head.i == token.i:
            break
        kind = kind_of(head, lex)
        if kind:
            return kind, head.i
        if head.pos_ in ("VERB", "AUX"):
            for desc in head.children:
                if desc.dep_ in ("xcomp", "ccomp", "conj", "acomp", "oprd", "advcl") and desc.i > noun.i \
                        and not ((desc.dep_ == "advcl" or desc.dep_ == "conj" and desc.pos_ == "VERB")
                                 and any(c.dep_ in ("nsubj", "nsubjpass") for c in desc.children)):
                    # (an adverbial or coordinated clause with a subject of its own tells what happened
                    # to others: "300,000 were forced from their homes after an explosion wounded five
                    # soldiers", "six women were held and one of them died"; not "leaving two soldiers
                    # and four rebels dead", an adjective the parser gives a subject)
                    deep = _chain_kind(desc, lex)
                    if deep:
                        return deep
            if token.dep_ in ("nsubj", "nsubjpass", "dobj"):
                break
        token = head
    if own is not None:
        return own, noun.i
    # Fallback: a kind word next to the number in the same clause.
    blocked: set[int] = set()  # directions that ran into another clause
    for distance in range(1, 5):
        for side, j in enumerate((number.last - 1 + distance, number.first - distance)):
            if side in blocked or not 0 <= j < len(doc):
                continue
            if doc[j].is_punct and doc[j].text in ";:" or doc[j].lower_ in ("while", "whereas"):
                continue
            if doc[j].dep_ == "cc" and doc[j].head.pos_ in ("VERB", "AUX"):
                blocked.add(side)  # "43 were killed and 300,000 were forced from their homes": not killed
                continue
            kind = kind_of(doc[j], lex)
            if kind:
                return kind, j
    return None, None


def gathering(doc: Doc, trigger: int | None) -> bool:
    """The count is of a crowd: a verb only a crowd does ('8,000 people marched', 'people who took
    part'), a verb of size whose subject is the gathering ('the protest attracted almost 100,000
    people', 'the protesters numbered 107,000'), or a crowd word of its own ('the number of
    protesters at 3,000'). Words: figures.toml [kinds.crowd]."""
    if trigger is None:
        return False
    crowd = shipped_toml("figures/figures.toml")["kinds"]["crowd"]
    word = doc[trigger]
    lemma = word.lemma_.lower()
    if lemma in crowd["gathering_verbs"] or word.lower_ in crowd["counted_people"]:
        return True
    return lemma in crowd["size_verbs"] and any(
        c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in crowd["gatherings"] for c in word.children)


def _took_part_in_violence(take: Token) -> bool:
    """'took part in the attack': what they took part in is an act of violence, not a gathering."""
    acts = set(shipped_toml("figures/figures.toml")["kinds"]["crowd"].get("not_taking_part_in", ()))
    for node in [take, *[c for c in take.children if c.lower_ == "part"]]:
        for prep in (c for c in node.children if c.dep_ == "prep" and c.lower_ == "in"):
            if any(o.lower_ in acts for o in prep.children if o.dep_ == "pobj"):
                return True
    return False


def _chain_kind(token: Token, lex: Lexicon) -> tuple[str, int] | None:
    """Follow xcomp/conj chains: 'said to have been killed', 'were evacuated and treated'."""
    for _ in range(3):
        kind = kind_of(token, lex)
        if kind:
            return kind, token.i
        nxt = next((c for c in token.children if c.dep_ in ("xcomp", "ccomp")), None)
        if nxt is None:
            return None
        token = nxt
    return None


def kind_of(token: Token, lex: Lexicon) -> str | None:
    lemma = token.lemma_.lower()
    if token.pos_ in ("VERB", "AUX") or token.tag_ in ("VBN", "VBD"):
        objects = (lex.object_kind or {}).get(lemma)
        if objects is not None:  # "lost their lives", "lost his leg"; "lost the war" counts nobody
            return next((objects[o.lower_] for o in _objects(token) if o.lower_ in objects), None)
        unless = (lex.unless or {}).get(lemma)
        if unless and any(t.lower_ in unless for c in token.children if c.dep_ != "nsubjpass" for t in c.subtree):
            return None  # "buried under the rubble": maybe alive
        if lemma == "shoot" and any(c.lower_ == "dead" for c in token.children):
            return "killed"  # "shot dead a security guard"
        if lemma == "hold":
            return "abducted" if any(c.lower_ in ("hostage", "captive") for c in token.children) else None
        if lemma == "take":
            if any(c.lower_ == "part" for c in token.children):
                # "people who took part in the march"; not "seven took part in the attack": its perpetrators
                return None if _took_part_in_violence(token) else "crowd"
            if any(c.lower_ in ("hostage", "captive") for c in token.children):
                return "abducted"
            return _taking(token, lex)
        if lemma in lex.care_verbs:  # "the hospital treated 23 people"; not "treated them as equals"
            # ("as" may hang on the verb or, as a marker, on what follows it: "treated them as equals")
            as_what = any(t.lower_ in lex.care_not_with and t.dep_ in ("prep", "mark") and t.i > token.i
                          for c in token.children if c.dep_ in ("prep", "advcl", "dobj", "oprd") for t in c.subtree)
            return None if as_what else "injured"
        kind = lex.verb_kind.get(lemma)
        if kind == "arrested" and lemma in lex.seizure_verbs and _seizes_civilians(token, lex):
            return "abducted"
        if kind:
            return kind
    return lex.word_kind.get(token.lower_) if token.pos_ in ("ADJ", "NOUN", "VERB") else None


def _victims(verb: Token) -> list[Token]:
    """Who the verb happens to: its object or passive subject, with their conjuncts and appositions."""
    return [t for c in verb.children if c.dep_ in ("dobj", "nsubjpass") for t in c.subtree]


def _doers(verb: Token) -> list[Token]:
    doers = [c for c in verb.children if c.dep_ == "nsubj"]
    doers += [o for a in verb.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"]
    if not doers and verb.dep_ in ("advcl", "conj", "xcomp") and verb.head.i != verb.i:
        return _doers(verb.head)  # "Gunmen raided a bus station, capturing 50 people": the gunmen
    return doers


def _seizes_civilians(verb: Token, lex: Lexicon) -> bool:
    """'their driver had been seized', 'gunmen captured five aid workers': civilians seized by
    anyone but the police or the army are abducted; 'police seized three suspects' is an arrest."""
    doers = _doers(verb)
    if any(d.lemma_.lower() in lex.arresting or d.lower_ in lex.arresting for d in doers):
        return False
    if any(t.lower_ in lex.civilian for t in _victims(verb)):
        return True
    # people of no stated side seized by armed men who are not the police or the army
    # ("gunmen posing as police officers raided a bus station, capturing 50 people")
    return bool(doers) and any(t.lower_ in lex.people for t in _victims(verb))


def _taking(verb: Token, lex: Lexicon) -> str | None:
    """'Gunmen took six aid workers', 'eight people were taken': people taken, with no destination,
    were abducted ('taken to hospital' is care, 'taken into custody' or 'taken in' an arrest)."""
    victims = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    if any(v.lower_ in ("life", "lives") for v in victims):
        return "killed"  # "the attack took 12 lives", "took the lives of 12 people"
    if not any(v.like_num or v.lower_ in lex.people | lex.civilian | lex.combatant | lex.children for v in victims):
        return None
    if any(c.dep_ == "prt" and c.lower_ == "in" for c in verb.children) \
            or any(t.lower_ == "custody" for c in verb.children if c.dep_ == "prep" for t in c.subtree):
        return "arrested"
    if any(c.dep_ == "prep" and c.lower_ in ("to", "into", "toward", "towards") for c in verb.children):
        return None
    if any(d.lemma_.lower() in lex.arresting or d.lower_ in lex.arresting for d in _doers(verb)):
        return "arrested"
    return "abducted"


def _objects(verb: Token) -> list[Token]:
    """The verb's object and the objects of its prepositions: "lost their lives", "forced from their homes"."""
    out = [c for c in verb.children if c.dep_ == "dobj"]
    out += [o for p in verb.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"]
    return out
