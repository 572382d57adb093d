"""The actors of an event word: who did it (actor1) and to whom (actor2), read off the parse.

'Azerbaijan launched a military operation' -> actor1 Azerbaijan; 'the Azerbaijani operation' ->
actor1 Azerbaijani; 'attacks by Taliban militants on a police post' -> actor1 Taliban militants;
'police fired on protesters' -> actor1 police, actor2 protesters; 'Serb forces killed three ethnic
Albanians in a gunbattle' (the event noun inside the clause of its verb) -> actor1 Serb forces,
actor2 ethnic Albanians; 'clashes between police and protesters' -> actor1 police, actor2 protesters.

Names are normalised later (resolve stage); this module only finds the phrases and their roles.
Rules are syntactic and general: subject / agent / object of the event verb or of the verb that
governs the event noun, the noun's own modifiers ("X's forces", "Taliban attack", "attack by X on
Y", "clashes between X and Y", "fighting with X"), and the nearest actor word inside a phrase
that is not one ("Israeli army bulldozers" -> Israeli army; "homes of Palestinian refugees" ->
Palestinian refugees). A city or region used as a place is never an actor; a country may be."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import tomllib
from spacy.tokens import Doc, Token

from ..knowledge.actors import known_names, place_may_act, scene_place
from ..knowledge.speech import saying_verbs

# Verbs whose subject carries out the event named by their object ("Azerbaijan launched an operation").
_LAUNCH = {"launch", "conduct", "carry", "begin", "start", "stage", "mount", "continue", "intensify", "escalate",
           "hold", "organize", "organise", "lead", "wage", "step", "resume", "undertake", "execute", "perpetrate",
           "open", "commit", "unleash", "fire", "plan", "attempt", "renew", "claim", "make"}
# Verbs of reporting: their subject is a source, never an actor of the event.
# Event words where "with X" names the other side ("clashed with police", "fighting with guerrillas").
_WITH_OPPONENT = {"fight", "fighting", "clash", "clashes", "battle", "engage", "skirmish", "skirmishes",
                  "gunbattle", "firefight", "exchange", "confrontation", "confront", "scuffle", "brawl", "shootout",
                  "gunfight", "war", "combat", "struggle", "standoff", "collide"}
# Prepositions that put the event noun inside its verb's clause ("killed three in a gunbattle").
_CLAUSE_PREPS = {"in", "during", "with", "through", "by", "amid", "using"}
# Head nouns that only count or group their "of" phrase ("thousands of Nigerians", "a group of refugees").
_QUANTITY = {"thousands", "hundreds", "dozens", "scores", "tens", "millions", "group", "groups", "number", "numbers",
             "members", "member", "band", "bands", "unit", "units", "batch", "patch", "contingent", "team", "squad",
             "couple", "handful", "majority", "most", "some", "many", "several", "all", "part", "rest", "one", "two",
             "three", "dozen", "hundred", "thousand", "crowds", "crowd", "mob", "convoy", "column", "detachment"}
_ACTOR_ENTS = {"NORP", "ORG", "GPE", "PERSON"}
_PLACE_ENTS = {"GPE", "LOC", "FAC"}
_PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "who", "which", "that", "this", "these", "those", "him",
             "her", "them", "us", "me", "itself", "themselves", "whom", "others", "other", "another", "each", "both"}
_BAD_ENTS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY", "EVENT", "LAW", "WORK_OF_ART",
             "LANGUAGE", "PRODUCT"}


@dataclass(slots=True)
class ActorHit:
    text: str
    role: str  # actor1 | actor2
    start: int  # char offsets relative to the sentence
    end: int


@lru_cache(maxsize=1)
def _actor_nouns() -> frozenset[str]:
    data = tomllib.loads(resources.files("eventledger.data").joinpath("actors/forces.toml").read_text("utf-8"))
    words = {noun.split()[-1] for spec in data.values() for noun in spec["nouns"]}
    return frozenset(words | {w[:-1] for w in words if w.endswith("s") and not w.endswith("ss")})


@lru_cache(maxsize=1)
def _known_words() -> frozenset[str]:
    """Lower-cased known actor names and aliases of one word ("Taliban", "Hezbollah", "ISIS")."""
    return frozenset(name for name in known_names() if " " not in name)


def find_actors(doc: Doc, trigger_i: int) -> list[ActorHit]:
    trigger = doc[trigger_i]
    while trigger.dep_ in ("compound", "amod") and trigger.head.i > trigger.i and trigger.head.pos_ == "NOUN" \
            and trigger.pos_ != "PROPN" and trigger.ent_type_ == "":
        trigger = trigger.head  # "bomb attack": the typer's span starts on the modifier
    found: list[ActorHit] = []
    heads: list[int] = []  # the head token of each hit, in the order of `found`
    spans: list[tuple[int, int]] = []  # token extents of the hits
    base = doc[0].idx

    def add(token: Token | None, role: str, *, descend: bool = True) -> Token | None:
        """Add the actor this token's phrase names (itself, a modifier of it, or its "of" phrase)."""
        if token is None:
            return None
        hit = _actor_in(token, role) if descend else (token, _extent(token)) if _is_actor(token, role) else None
        if hit is None:
            return None
        head, (left, right) = hit
        entity = next((e for e in doc.ents if e.start <= head.i < e.end and e.label_ in _ACTOR_ENTS), None)
        if entity is not None and not entity.start <= trigger.i < entity.end:
            # a name the parser split into siblings ("al - Shabab attack"): the whole name
            left, right = min(left, entity.start), max(right, entity.end - 1)
            left, right = _trim(doc, left, right, head.i)
        if head.i in heads or any(a <= head.i <= b for a, b in spans):
            return None
        if any(left <= a and b <= right for a, b in spans) or (left <= trigger.i <= right and head.i != trigger.i):
            return None  # the phrase would swallow another actor or the event word itself
        heads.append(head.i)
        spans.append((left, right))
        found.append(ActorHit(doc[left:right + 1].text, role, doc[left].idx - base,
                              doc[right].idx + len(doc[right].text) - base))
        return head

    is_verb = trigger.pos_ in ("VERB", "AUX") or (trigger.pos_ != "NOUN" and trigger.tag_.startswith("VB"))
    # An event noun that names people: the doers ("kidnappers", "gunmen"), the victims
    # ("hostages"), or a crowd whose role the clause tells ("police dispersed demonstrators").
    people = not is_verb and (_word_in(trigger, _actor_nouns()) or trigger.lower_ in _known_words())
    if people and _word_in(trigger, _PERPETRATORS):
        add(trigger, "actor1", descend=False)
    elif people and _word_in(trigger, _VICTIMS):
        add(trigger, "actor2", descend=False)
    if is_verb:
        _verb_actors(trigger, add)
    else:
        if not people:
            _noun_actors(trigger, add)  # an actor noun's modifiers are part of its name
        verb, relation = _governing_verb(trigger)
        instrument = _word_in(trigger, _INSTRUMENTS)
        if verb is not None:
            if relation == "dobj" and _word_in(verb, _LAUNCH) or relation == "clause":
                # "Azerbaijan launched a military operation"; "X killed three in a gunbattle".
                _verb_actors(verb, add)
            elif relation in ("target", "dobj") and instrument:
                # "the army is using artillery and fighter jets": the weapons' user did it
                _verb_actors(verb, add, objects=False)
            elif relation in ("target", "dobj") and people:
                # "police fired on protesters", "police dispersed demonstrators": the people acted on
                add(trigger, "actor2", descend=False)
                _verb_actors(verb, add, objects=False)
            elif relation == "nsubj":
                # "the attack killed five soldiers", "a bombing wounded two others".
                _verb_actors(verb, add, subjects=False)
            elif relation == "nsubjpass":
                # "the attack was carried out by Taliban militants".
                _verb_actors(verb, add, objects=False)
    if people:
        first = trigger
        while first.dep_ == "conj" and first.head.i != first.i:
            first = first.head
        if first.dep_ == "pobj" and first.head.lower_ == "between":
            add(first, "actor1")  # "clashes between police and protesters": the others follow as actor2
        elif not any(a.role == "actor1" for a in found) and trigger.dep_ in ("nsubj", "ROOT", "appos", "conj"):
            add(trigger, "actor1", descend=False)  # "protesters marched": the event noun is the doer
    # Conjoined actors: "Azerbaijan and Armenia" share a role; "between X and Y" are the two sides.
    for hit, token_i in list(zip(found, heads)):
        token = doc[token_i]
        between = token.dep_ == "pobj" and token.head.lower_ == "between"
        for conj in token.conjuncts:
            if conj.i > token.i:
                add(conj, "actor2" if between and hit.role == "actor1" else hit.role)
    return found


def _verb_actors(verb: Token, add, *, subjects: bool = True, objects: bool = True) -> None:
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)
    # a particle's preposition belongs to the verb ("kidnapped up to 16 advisers": "to" hangs on "up")
    children = [*verb.children, *(g for c in verb.children if c.dep_ == "prt" for g in c.children if g.dep_ == "prep")]
    for child in children:
        if child.dep_ == "nsubj" and subjects:
            add(child, "actor1")
        elif child.dep_ == "agent" and subjects:
            for obj in child.children:
                if obj.dep_ == "pobj":
                    add(obj, "actor1")
        elif child.dep_ == "dobj" and objects and _word_in(verb, _LAUNCH) and (
                not _is_actor(child, "actor2") or _word_in(child, _INSTRUMENTS)):
            # "launched attacks on X", "opened fire on X": the object is the event, its target the actor
            for event_noun in (child, *child.conjuncts):
                _noun_actors(event_noun, add, modifiers=False)
        elif child.dep_ in ("dobj", "nsubjpass") and objects:
            if _word_in(verb, _TERRITORY) and not (_word_in(child, _actor_nouns()) or _word_in(child, _QUANTITY)):
                continue  # "captured Nagorno-Karabakh", "left Afghanistan": a place
            add(child, "actor2")
        elif child.dep_ == "prep" and objects:
            prep = child.lower_
            for obj in (c for c in child.children if c.dep_ == "pobj"):
                if prep in ("on", "against", "upon", "toward", "towards", "targeting") or prep == "at" and _word_in(
                        verb, _AT_VERBS):
                    add(obj, "actor2")
                elif prep == "with" and _word_in(verb, _WITH_OPPONENT):
                    add(obj, "actor2")
                elif prep == "between":
                    add(obj, "actor1")
                elif prep == "from" and _word_in(verb, ("seize", "confiscate", "capture", "take", "recapture", "snatch")):
                    add(obj, "actor2")
                elif prep == "to" and (_has_count(obj) and not any(c.dep_ == "dobj" for c in verb.children)
                                       or any(c.dep_ == "dobj" and _word_in(c, _TO_TARGET) for c in verb.children)):
                    # "kidnapped up to 16 advisers" (a count the parser took for a place); "set fire to X"
                    add(obj, "actor2")
                elif prep in ("in", "as") and _word_in(obj, _GRIEVANCE):
                    # "... in protest at / against / of X", "in retaliation for X"
                    _noun_actors(obj, add, modifiers=False, grievance=True)
    if subjects and not passive and not any(c.dep_ == "nsubj" for c in verb.children):
        add(_subject(verb), "actor1")
    if subjects and passive and not any(c.dep_ == "agent" for c in verb.children):
        # "two soldiers were killed when militants ambushed their convoy": the doer of the clause
        for child in verb.children:
            if child.dep_ == "advcl" and not _word_in(child, saying_verbs()) and any(
                    m.dep_ in ("mark", "advmod") and m.lower_ in ("when", "after", "as") for m in child.children):
                if child.pos_ in ("NOUN", "PROPN"):  # the parser's "when [a device planted by X] detonated"
                    add(child, "actor1")
                else:
                    add(next((c for c in child.children if c.dep_ == "nsubj"), None), "actor1")
                break
    if objects:
        # "opened fire ..., killing one person": the victims of a following participle.
        for child in verb.children:
            if child.dep_ in ("advcl", "xcomp", "conj") and child.pos_ == "VERB" and not _word_in(child, saying_verbs()):
                infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children)
                if not any(c.dep_ == "nsubj" for c in child.children):
                    if _word_in(child, _GRIEVANCE):
                        # "began a hunger strike to protest against X"
                        for prep in (c for c in child.children if c.dep_ == "prep" and c.lower_ in _AGAINST):
                            for obj in (c for c in prep.children if c.dep_ == "pobj"):
                                add(obj, "actor2")
                        continue
                    if infinitive or _word_in(child, _TERRITORY):
                        continue  # "launched an operation to capture X": a purpose, not a victim
                    for obj in child.children:
                        if obj.dep_ == "dobj":
                            add(obj, "actor2")
                            break


# Event nouns naming who did it ("the kidnappers") or to whom it was done ("the hostages").
_PERPETRATORS = {"kidnapper", "abductor", "attacker", "assailant", "gunman", "gunmen", "bomber", "hijacker", "raider",
                 "sniper", "looter", "rioter", "arsonist", "captor", "killer", "shooter", "militant", "insurgent"}
_VICTIMS = {"hostage", "victim", "captive", "casualty", "casualties", "detainee", "abductee"}
# Verbs of territory: their object is a place ("captured the town"), an actor only if it is people.
_TERRITORY = {"capture", "seize", "retake", "recapture", "overrun", "take", "control", "occupy", "enter", "leave",
              "withdraw", "liberate", "besiege", "encircle", "surround", "storm", "reach", "cross", "invade",
              "evacuate", "abandon", "hold", "secure", "claim"}
# Nouns of places: "the town of X", "the Kurdish region" name where, not who.
_PLACE_NOUNS = {"town", "city", "village", "district", "province", "region", "area", "capital", "neighbourhood",
                "neighborhood", "suburb", "county", "state", "border", "outskirts", "enclave", "territory", "zone",
                "street", "road", "highway", "island", "valley", "mountain", "hill", "river", "port", "airport",
                "country", "countryside", "municipality", "governorate", "prefecture", "locality",
                "quarter", "township", "hamlet", "commune", "peninsula", "coast", "strip"}
# Gatherings one comes "for" or goes "into" ("converged for a rally", "took to the streets in protest").
_GATHERING = {"rally", "protest", "demonstration", "march", "strike", "sit-in", "vigil", "meeting", "riot"}
# Weapons named as if they acted ("artillery", "drones"): the object of "launched" / "fired", never a target.
_INSTRUMENTS = {"artillery", "drone", "aircraft", "jet", "warplane", "helicopter", "gunship", "tank", "warship",
                "airstrike", "rocket", "missile", "mortar", "shell", "bomb", "grenade", "fire", "barrage", "salvo"}
# Verbs whose "at X" is a target ("fired at police"), not a place ("detained at a police station").
_AT_VERBS = {"fire", "shoot", "throw", "hurl", "aim", "lob", "point", "swing", "lunge", "open", "launch", "strike",
             "attack", "charge", "spray", "lash", "hit", "target", "jeer", "boo", "curse", "shout"}
# "set fire to X", "laid siege to X", "did damage to X": the object is the act, "to" its target.
_TO_TARGET = {"fire", "siege", "damage", "harm", "torch", "blow", "blows"}
_AGAINST = {"on", "against", "targeting", "upon", "at", "toward", "towards"}
# Words of protest and reprisal: what follows "against / at / of / for" is who they are aimed at.
_GRIEVANCE = {"protest", "protests", "retaliation", "reprisal", "revenge", "response", "opposition", "demonstrate",
              "rally", "march", "riot", "strike"}


def _noun_actors(trigger: Token, add, *, modifiers: bool = True, grievance: bool = False) -> None:
    """Actors inside the event noun's phrase: "Taliban attack", "attack by X on Y", "clashes between X and Y"."""
    for child in trigger.children:
        if child.dep_ in ("poss", "amod", "compound", "nmod") and child.i < trigger.i:
            if modifiers:
                add(child, "actor1", descend=False)
        elif child.dep_ == "prep":
            prep = child.lower_
            for obj in (c for c in child.children if c.dep_ == "pobj"):
                if grievance:
                    if prep in _AGAINST | {"of", "over", "for"}:
                        add(obj, "actor2")
                elif prep in ("in", "as") and _word_in(obj, _GRIEVANCE):
                    _noun_actors(obj, add, modifiers=False, grievance=True)
                elif prep == "by":
                    add(obj, "actor1")
                elif prep == "from" and _word_in(obj, _actor_nouns()):
                    add(obj, "actor1", descend=False)  # "attacks from militants"; "withdrawal from the enclave" is a place
                elif prep == "of" and _word_in(trigger, _GRIEVANCE):
                    add(obj, "actor2")
                elif prep == "of":
                    # "attack of the rebels" (a doer) / "killing of three civilians" (a victim)
                    add(obj, "actor2" if _word_in(trigger, _VICTIM_OF) else "actor1")
                elif prep in _AGAINST:
                    add(obj, "actor2")
                elif prep == "between":
                    add(obj, "actor1")
                elif prep == "with" and _word_in(trigger, _WITH_OPPONENT):
                    add(obj, "actor2")
        elif child.dep_ == "acl" and child.tag_ == "VBN":
            # "an attack carried out by militants", "a camp attacked by gunmen"
            for agent in (c for c in child.children if c.dep_ == "agent"):
                for obj in (c for c in agent.children if c.dep_ == "pobj"):
                    add(obj, "actor1")


# Event nouns whose "of X" is the one the event befell ("the killing of three civilians").
_VICTIM_OF = {"killing", "murder", "assassination", "abduction", "kidnapping", "arrest", "detention", "execution",
              "massacre", "beating", "torture", "shooting", "deaths", "death", "rape", "expulsion", "deportation",
              "eviction", "displacement", "bombing", "shelling", "siege", "blockade", "occupation", "invasion",
              "dispersal", "evacuation", "capture", "slaughter", "wounding", "injury", "persecution", "harassment",
              "disappearance", "lynching", "release", "imprisonment", "jailing"}


def _governing_verb(trigger: Token) -> tuple[Token | None, str | None]:
    """The verb whose clause the event noun sits in, and how: dobj ("launched an attack"), nsubj
    ("the attack killed"), nsubjpass ("the attack was carried out by"), clause ("killed X in an
    ambush")."""
    token = trigger
    for _ in range(2):  # "mortar and rocket fire": the first conjunct carries the relation
        if token.dep_ == "conj":
            token = token.head
    head = token.head
    if token.dep_ == "pobj" and head.lower_ == "of" and _word_in(head.head, _QUANTITY):
        token = head.head  # "dispersed hundreds of demonstrators"
        head = token.head
    if head.i == token.i:
        return None, None
    if token.dep_ in ("dobj", "nsubj", "nsubjpass") and head.pos_ in ("VERB", "AUX"):
        if _word_in(head, saying_verbs()) and token.dep_ != "dobj":
            return None, None
        return head, token.dep_
    if token.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in ("on", "against", "at", "upon") \
            and head.head.pos_ == "VERB" and not _word_in(head.head, saying_verbs()):
        return head.head, "target"
    if token.dep_ == "pobj" and head.dep_ in ("prep", "agent") and (head.lower_ in _CLAUSE_PREPS or head.lower_ in (
            "for", "into", "to") and _word_in(token, _GATHERING)):
        verb = head.head
        if verb.pos_ == "VERB" and not _word_in(verb, saying_verbs()):
            return verb, "clause"
        if verb.dep_ == "dobj" and _word_in(verb, ("responsibility", "credit", "blame")):
            # "claimed responsibility for the attack" has "for", not a clause preposition
            return None, None
    if token.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ == "for" and _word_in(head.head, (
            "responsibility", "credit")):
        owner = head.head.head
        if owner.pos_ == "VERB" and _word_in(owner, ("claim", "accept", "take", "admit")):
            return owner, "dobj"
    return None, None


def _has_count(token: Token) -> bool:
    return any(c.dep_ == "nummod" for c in token.children)


def _word_in(token: Token, words) -> bool:
    """Whether the token's word is one of `words`, by lemma or by its inflected form (the small
    model lemmatises some verbs oddly: "staged" -> "stag")."""
    lower = token.lower_
    if token.lemma_.lower() in words or lower in words:
        return True
    for suffix in ("ed", "d", "ing", "es", "s"):
        if lower.endswith(suffix) and len(lower) > len(suffix) + 2:
            stem = lower[: -len(suffix)]
            if stem in words or stem + "e" in words or (len(stem) > 3 and stem[-1] == stem[-2] and stem[:-1] in words):
                return True
    return False


def _subject(verb: Token) -> Token | None:
    token = verb
    for _ in range(3):
        subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
        if subject is not None:
            return subject
        if token.dep_ == "acl" and token.tag_ in ("VBD", "VBZ", "VBP") and token.head.i != token.i:
            return token.head  # "..., a human rights group protested": the noun the clause hangs on
        if token.dep_ not in ("xcomp", "conj", "advcl") or token.head.i == token.i:
            return None
        if _word_in(token.head, saying_verbs()):
            return None
        token = token.head
    return None


def _is_actor(token: Token, role: str = "actor1") -> bool:
    lower = token.lower_
    if lower in _PRONOUNS or token.ent_type_ in _BAD_ENTS or token.like_num or token.is_punct or len(lower) < 2:
        return False
    if token.dep_ == "amod" and token.ent_type_ != "NORP" and token.pos_ != "PROPN":
        return False  # "military operation": an adjective, not an actor
    if lower in _WEAPONS or token.lemma_.lower() in _WEAPONS:
        return False  # "a drone strike": the weapon is how, not who
    if token.ent_type_ in _PLACE_ENTS and not _may_be_state(token, role):
        return False  # a town or region where something happened is a place, not an actor
    if role == "actor2" and token.pos_ == "PROPN" and token.ent_type_ not in ("NORP", *_PLACE_ENTS) \
            and _names_a_place(token):
        return False  # "an attack on Saraqeb" (tagged ORG): a town, not an actor
    if token.ent_type_ in _ACTOR_ENTS:
        return True
    if token.pos_ == "PROPN" and token.ent_type_ not in _PLACE_ENTS:
        return lower not in _MONTHS
    if token.text[:1].isupper() and len(lower) > 2 and lower in _known_words():
        return True  # a known group written as a common noun by the tagger ("Taliban", "Hamas")
    return lower in _actor_nouns() or token.lemma_.lower() in _actor_nouns()


_WEAPONS = {"drone", "drones", "missile", "missiles", "rocket", "rockets", "bomb", "bombs", "shell", "shells", "mortar",
            "mortars", "artillery", "grenade", "grenades", "mine", "mines", "ied", "car", "vehicle", "explosive",
            "explosives", "airstrike", "strike", "shrapnel", "bullet", "bullets", "gunfire", "fire", "tear", "gas"}
_MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}


def _names_a_place(token: Token) -> bool:
    span = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
    if span is None:  # a run of proper nouns: "Al - Tawwal"
        left, right = token.i, token.i
        while left > 0 and token.doc[left - 1].pos_ == "PROPN" or left > 1 and token.doc[left - 1].text == "-":
            left -= 1
        while right + 1 < len(token.doc) and (token.doc[right + 1].pos_ == "PROPN" or token.doc[right + 1].text == "-"):
            right += 1
        text = token.doc[left:right + 1].text
    else:
        text = span.text
    return scene_place(text)


def _may_be_state(token: Token, role: str) -> bool:
    """A place-named token as an actor: a country (or a demonym) acting or acted on; a capital
    only as a doer ("Baku launched"), never a town or region where something happened."""
    span = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
    text = span.text if span is not None else token.text
    if token.dep_ in ("pobj",) and token.head.lower_ in ("in", "at", "near", "into", "from", "across", "outside",
                                                         "inside", "around", "throughout", "to", "towards"):
        return False
    return place_may_act(text, as_doer=role == "actor1")


def _actor_in(token: Token, role: str, depth: int = 0) -> tuple[Token, tuple[int, int]] | None:
    """The actor a phrase names: its head; for "thousands of X" / "offices of X", X; else the
    actor word among its left modifiers ("Israeli army bulldozers" -> "Israeli army")."""
    if token.lower_ in _QUANTITY or (_word_in(token, _QUANTITY) and token.pos_ == "NOUN"):
        inner = _of_object(token)
        if inner is not None and depth < 3:
            found = _actor_in(inner, role, depth + 1)
            if found is not None:
                return found
    if _is_actor(token, role):
        return token, _extent(token)
    if token.pos_ not in ("NOUN", "PROPN") or depth >= 3 or _word_in(token, _PLACE_NOUNS):
        return None  # "the town of X" is a place, whoever lives there
    # the nearest actor word to the left inside the phrase ("Karen guerrilla stronghold")
    modifiers = [c for c in token.lefts if c.dep_ in ("compound", "amod", "nmod", "poss")]
    for child in reversed(modifiers):
        if _is_actor(child, role) and not (child.dep_ == "amod" and child.ent_type_ != "NORP" and child.pos_ != "PROPN"):
            if role == "actor1" and child.ent_type_ == "NORP" and child.pos_ == "ADJ" and token.tag_ == "NNS" \
                    and depth == 0:
                # "Algerian landowners": people of some kind, not the Algerian state
                return token, _extent(token)
            left = min(c.left_edge.i for c in modifiers if c.i <= child.i)
            left, _ = _trim(token.doc, left, child.i, child.i)
            return child, (left, child.i)
    if role == "actor1" and depth < 2:
        # "a device planted by militants", "a car bomb claimed by X": the agent of a participle
        for acl in (c for c in token.rights if c.dep_ == "acl" and c.tag_ == "VBN"):
            for agent in (c for c in acl.children if c.dep_ == "agent"):
                obj = next((c for c in agent.children if c.dep_ == "pobj"), None)
                if obj is not None:
                    return _actor_in(obj, role, depth + 1)
    if role == "actor2" or depth > 0:
        inner = _of_object(token, ("of", "for", "by") if role == "actor2" else ("of", "for"))
        if inner is not None:
            return _actor_in(inner, role, depth + 1)
    return None


def _of_object(token: Token, preps: tuple[str, ...] = ("of",)) -> Token | None:
    for child in token.rights:
        if child.dep_ == "prep" and child.lower_ in preps:
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def _extent(token: Token) -> tuple[int, int]:
    """The actor phrase: the head with its modifiers to the left, and a short "of X" to the right;
    counts, articles and relative clauses stay out ("three ethnic Albanians" -> "ethnic Albanians")."""
    doc = token.doc
    left = token.i
    person = token.ent_type_ == "PERSON"
    for child in token.lefts:
        if child.dep_ in ("compound", "amod", "nmod", "poss", "det", "npadvmod"):
            edge = child.left_edge.i
            left = min(left, edge)
    if person:  # a person's name keeps its title, not whose title it is ("the party's leader X" -> "leader X")
        for i in range(left, token.i):
            if doc[i].dep_ in ("case", "poss"):
                left = i + 1
    right = token.i
    for child in token.rights:
        if child.dep_ == "prep" and child.lower_ == "of" and child.i == right + 1 and child.right_edge.i - child.i <= 5:
            right = child.right_edge.i
        elif child.dep_ == "compound" and child.i == right + 1:
            right = child.i
        else:
            break
    return _trim(doc, left, right, token.i)


def _trim(doc: Doc, left: int, right: int, head: int) -> tuple[int, int]:
    while left < head and (doc[left].lower_ in ("the", "a", "an", "some", "its", "their", "his", "her", "about",
                                                "around", "nearly", "almost", "over", "up", "to", "than", "more",
                                                "least", "at", "several", "many", "dozens", "hundreds", "thousands",
                                                "of", "other", "all", "most", "both", "any", "no", "such")
                           or doc[left].like_num or doc[left].is_punct or doc[left].dep_ in ("nummod", "quantmod")):
        left += 1
    while right > head and (doc[right].is_punct or doc[right].lower_ in ("the", "a", "an", "'s", "’s")
                            or doc[right].dep_ == "case"):
        right -= 1
    return left, right
