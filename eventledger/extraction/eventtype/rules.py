"""Precedence between the ACLED sub-event types, over the cues the lexicon found.

Each trigger cue votes for its sub-type (weighted; a match in a later sentence of a snippet counts
less, a match just after "threatened to", "denied", "claimed that they only" counts much less).
Then the codebook's distinctions are applied to the context:

* an attack on soldiers, police or a base is an *Armed clash*; on villagers, a church, a bus, an
  *Attack* (violence against civilians); a named weapon (air strike, shelling, IED, grenade,
  suicide bomber, chemical) beats both;
* a protest is *Peaceful* unless the text reports arrests, dispersal or tear gas (*Protest with
  intervention*), protesters killed or wounded, live fire (*Excessive force against protesters*),
  or violence by the demonstrators -- clashes with police, stones, looting (*Violent
  demonstration*); a mob, a lynching or rival groups fighting is *Mob violence*; arrests, clashes
  and looting inside a protest story are the protest's, not events of their own;
* weapons seized, found, defused or missiles intercepted are *Disrupted weapons use*, and the
  weapon words in them are objects, not attacks;
* territory captured by the army is *Government regains territory*, by rebels or militants
  *Non-state actor overtakes territory*, and when the other side withdrew or handed it over,
  *Non-violent transfer of territory*;
* an agreement counts only between conflict actors (ceasefire, surrender, prisoner exchange);
  an arrest for smuggling or theft is crime, not an ACLED event;
* natural disasters, accidents, crime, diplomacy and attributions of responsibility vote for
  "none"; the event must outvote them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .lexicon import Found, Hit, cues

CLASH = "Armed clash"
GOV = "Government regains territory"
NSA = "Non-state actor overtakes territory"
NONVIOL = "Non-violent transfer of territory"
ATTACK = "Attack"
PEACE = "Peaceful protest"
INTER = "Protest with intervention"
FORCE = "Excessive force against protesters"
VIOL = "Violent demonstration"
MOB = "Mob violence"
ARREST = "Arrests"
DISR = "Disrupted weapons use"
AGREE = "Agreement"
LOOT = "Looting/property destruction"
CHANGE = "Change to group/activity"

WEAPON_SUBS = {
    "Chemical weapon", "Air/drone strike", "Suicide bomb", "Shelling/artillery/missile attack",
    "Remote explosive/landmine/IED", "Grenade",
}
WEAPON_CUES = {"chemical", "suicide", "air", "shelling", "explosive", "blast", "grenade"}

NONE_CUES = {"natural_disaster", "health", "accident", "crime", "diplomacy", "attribution", "old_ordnance", "uxo_accident", "humanitarian"}
LATER_SENTENCE = 0.8  # a cue after the first sentence of a snippet
IRREALIS = 0.3  # a cue in the scope of "threatened to", "would", "denied"...
MIN_SCORE = 2.0  # below this, "none"


@dataclass(slots=True)
class Vote:
    score: float = 0.0
    best: float = 0.0
    trigger: Hit | None = None
    rest: float = 0.0

    def add(self, weight: float, hit: Hit | None) -> None:
        if weight > self.best:
            self.rest += self.best
            self.best, self.trigger = weight, hit
        else:
            self.rest += weight
        self.score = self.best + 0.25 * min(self.rest, 2 * self.best)


@dataclass(slots=True)
class Decision:
    sub: str  # ACLED sub-event type or "none"
    score: float
    runner_up: float
    none_score: float
    trigger: Hit | None
    votes: dict[str, float] = field(default_factory=dict)


_SCOPES = (("irrealis", 30, IRREALIS), ("demand", 80, IRREALIS), ("denial", 60, IRREALIS), ("attribution", 80, 0.5),
           ("accusation", 60, 0.5), ("background", 90, 0.4), ("release", 25, 0.3), ("possession", 25, 0.3), ("suspicion", 60, 0.3), ("agreement_strong", 60, 0.5), ("humanitarian", 0, 0.4))
_PEOPLE = re.compile(r"\b(?:passengers|villagers|students|pupils|schoolchildren|workers|civilians|people|women|children|girls|boys|hostages|travell?ers|worshippers|farmers|shoppers|traders|tourists|foreigners|fishermen|herders|journalists?|priests?|nuns?|teachers?|doctors?|nurses?|(?:aid|health|foreign|construction) workers?|engineers?|a (?:man|woman|boy|girl|child))\b")
_PEOPLE_BEFORE = re.compile(_PEOPLE.pattern + r"\s+(?:\S+\s+)?(?:were\s+|was\s+)?$")  # "aid workers seized by rebels"
_REASON = re.compile(r"\b(?:protest\w*|against|over|denounc\w*|condemn\w*|release of|demand\w*|anger at|outrage at|angered by)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$", re.I)
_PETTY = re.compile(r"rob|thie|stol|steal|burglar|carjack|cash-in|heist|fraud|scam|(?:criminal |drug |street |rival )?gang|cartel|(?:land|family|personal|business|domestic|marital|inheritance|debt|money|property) (?:dispute|row|quarrel)|quarrel|argument", re.I)
# what a crowd does in a riot: with a weak protest word ("supporters of", "crowds") it makes a protest
_RIOT_ACT = re.compile(r"attack\w* (?:the |a )?police|(?:threw|throwing|hurled|hurling|pelted|pelting) |stone-?throwing|petrol bombs?|molotov", re.I)
_AGREED = re.compile(r"(?:agreed|agree|signed|reached|struck|sealed|concluded|accepted) ", re.I)
_PROTEST_ACTOR = re.compile(r"\s+(?:leaders?|movements?|groups?|organi[sz]ers|coalition|camp|figures?)\b", re.I)
_PAST_AFTER = re.compile(
    r"[^.;,!?]{0,40}?\b(?:last (?:week|month|year)|(?:a|one|two|three|four|five|six|several|\d+) (?:days?|weeks?|months?|years?) ago|"
    r"earlier this (?:month|year)|over the (?:past|last) (?:\S+ )?(?:weeks|months|years?|decade)|"
    r"for (?:more than |nearly |almost |over |the past |the last )?(?:a|two|three|four|five|several|many|\d+) (?:decades?|years)|"
    r"since (?:19|20)\d\d|since the (?:start|beginning) of (?:the|this) (?:year|month))\b", re.I)
_ANNOUNCED = re.compile(r"\b(?:announced|announces|said|says|declared|decided|pledged|vowed)(?: that)? (?:it|they|the group|the movement) (?:would|will)\s*$", re.I)
CHANGE_CUES = {"change", "change_strong", "defect"}
_SCOPE_BREAK = re.compile(r";|\b(?:after|since|when|while|as|before|following|but|and then)\b", re.I)


_USED = re.compile(r"(?:hit|struck|ran over|drove over|stepped on|detonat|explod|fired|launched|went off|blew)", re.I)
# a death right after a named weapon in its sentence is the weapon's toll ("shelled the town,
# killing 12"; "a drone strike killed three fighters"): the weapon decides, not the killing
_TOLL_REACH = 120
_BY_WEAPON = re.compile(r"\b(?:when|after|as|in|by)\b", re.I)
KILL_VERB = re.compile(r"(?:kill|shot dead|gunned down|neutrali|eliminat|wound|injur|left \S+ dead|leaving)", re.I)


# what forces sent into a place are there for, when it is policing: "entered Tulkarem to restore order"
_KEEP_ORDER = re.compile(r"[^.;]{0,30}?\bto (?:restore|re-?establish|maintain|impose|keep) (?:law and |public |constitutional )?(?:order|calm|security|stability)", re.I)


_PURPOSE_BEFORE = re.compile(r"\b(?:operation|offensive|campaign|push|bid|attempt|effort|plan|aims?|aimed|aiming|"
                             r"trying|tried|sought|seeks?|intended|intends?)\s+(?:\w+\s+)?to\s+$", re.I)


# what an agreement already in force does or does not say: "the truce did not cover ships linked
# to Israel", "the ceasefire, which excludes the east, ...", "the deal was signed in 2019"
_DESCRIBED = re.compile(
    r"(?:\s*,?\s+(?:which|that))?\s+(?:(?:still|also|only|largely|already|reportedly|apparently)\s+)?"
    r"(?:(?:did|does|do|has|have|had|was|were|is|are|would|will|could|should)(?:\s+not|n[’']t)\b|never\b|"
    r"(?:covers?|covered|covering|excludes?|excluded|excluding|appl(?:y|ies|ied)|includes?|included|allows?|allowed|"
    r"requires?|required|stipulates?|stipulated|bars?|barred|prohibits?|prohibited|forbids?|forbade|expires?|expired|"
    r"remains?|remained|(?:calls?|called|provides?|provided) for|(?:is|was|were|are) (?:due|set|meant|supposed|"
    r"fragile|shaky|signed in|agreed in|reached in|brokered in|only|largely|limited|restricted))\b)",
    re.I)


# an agreement already in force, named: "in violation of the ceasefire", "remains committed to
# the truce", "the FARC's 2016 peace deal"
_EXISTING = re.compile(
    r"(?:\bviolat\w+(?: of)?|\bbreach(?:es|ed|ing)?(?: of)?|\brespect(?:s|ed|ing)?|\bcommit(?:ted|ment) to|\bcompl(?:y|ies|ied|iance) with|"
    r"\babid(?:e|ing) by|\buphold(?:s|ing)?|\bsponsors?|\bguarantors? of|\bterms of|\bcollapse of|\b(?:19|20)\d\d)\s+"
    r"(?:(?:the|a|an|its|their|this|that|[\w-]+['’]s)\s+)?(?:[\w-]+\s+){0,2}$", re.I)


AGREEMENT_CUES = ("agreement", "agreement_strong")
# an agreement named with the year it was made: "the FARC's 2016 peace deal", "the 1994 accord"
# (not a dateline's year: "February 26, 2016 The cease-fire agreement ...")
_YEAR_NAMED = re.compile(r"(?<!, )\b(?:19|20)\d\d\s+(?![Tt]he\b)(?:[\w-]+\s+){0,2}$")


# an agreement named as one in force by what is done to it: "in violation of the ceasefire"
_IN_FORCE = re.compile(
    r"(?:\bviolat\w+(?: of)?|\bbreach(?:es|ed|ing)?(?: of)?|\bcommit(?:ted|ment) to|\bcompl(?:y|ies|ied|iance) with|"
    r"\babid(?:e|ing) by|\buphold(?:s|ing)?|\bguarantors? of)\s+(?:(?:the|a|an|its|their|this|that)\s+)?(?:[\w-]+\s+){0,2}$", re.I)


def _year_named(found: Found, hit: Hit) -> bool:
    return bool(_YEAR_NAMED.search(found.text, max(0, hit.start - 30), hit.start))


def named_as_old(found: Found, hit: Hit) -> bool:
    """An agreement cue that names an agreement in force ("in violation of the ceasefire") or made
    years ago, or tells in its sentence what one made years ago did ("the 2016 peace deal ended
    the war, and 13,000 fighters laid down their arms")."""
    if _IN_FORCE.search(found.text, max(0, hit.start - 50), hit.start) or _year_named(found, hit):
        return True
    return any(h.sent == hit.sent and h.end <= hit.start and _year_named(found, h)
               for cue in AGREEMENT_CUES for h in found.get(cue))


def existing_agreement(found: Found, hit: Hit) -> bool:
    """An agreement cue that names an agreement already in force: what it says ("the truce did
    not cover ships"), what is done to it, or one made years ago."""
    text = found.text
    return bool(_DESCRIBED.match(text, hit.end) or _EXISTING.search(text, max(0, hit.start - 50), hit.start)
                or named_as_old(found, hit))


# a state told of someone in a relative clause, in the perfect with a long duration: "blamed the
# RSF, which have besieged the city, the last held by the army, for more than 17 months" (who they
# are, not what the sentence reports; a main clause that tells one is a background event)
_PERFECT_BEFORE = re.compile(r"\b(?:which|who|that)\s+(?:has|have|had)\s+(?:been\s+)?(?:\w+ly\s+)?$", re.I)
_LONG_DURATION = re.compile(r"\bfor (?:more than |nearly |almost |over |about |some |the (?:past|last) )?"
                            r"(?:a|one|two|three|four|five|six|several|many|\d+) (?:months|years?|decades?)\b", re.I)


def _standing_state(found: Found, hit: Hit) -> bool:
    if not _PERFECT_BEFORE.search(found.text, max(0, hit.start - 30), hit.start):
        return False
    _, end = found.sentence_span(hit.sent)
    return bool(_LONG_DURATION.search(found.text, hit.end, end))


def _modality(found: Found, hit: Hit, ignore: tuple[str, ...] = ()) -> float:
    """How much a cue counts given where it is: later sentences of a snippet and later parts of
    a long text count a little less; a cue in the scope of "threatened to", "would", "denied",
    "claimed responsibility for", "a day after" counts much less."""
    factor = (1.0 if hit.sent == 0 else LATER_SENTENCE) * (1.0 - 0.15 * min(1.0, hit.start / 300))
    text = found.text
    past = _PAST_AFTER.match(text, hit.end)
    if past:
        # "its leader was killed in an air strike last month": background of what is reported;
        # "battling an insurgency for more than a decade": no event at all
        factor *= 0.3 if re.search(r"years|decades?|since", past.group(), re.I) else 0.6
    elif _standing_state(found, hit):
        factor *= 0.3  # "the rebels, who have besieged the city for a year": a state, not an event
    if hit.cue in AGREEMENT_CUES and existing_agreement(found, hit):
        factor *= 0.3  # "the truce did not cover ships", "the deal excludes the port": what it says, not a new one
    if hit.cue == "capture" and _PURPOSE_BEFORE.search(text, max(0, hit.start - 40), hit.start):
        factor *= 0.3  # "launched an operation to seize the region": the aim of the event, not what happened
    for name, reach, weight in _SCOPES:
        if name in ignore:
            continue
        if name == hit.cue or (hit.cue == "arrest" and name in ("accusation", "possession", "attribution", "suspicion")) \
                or (hit.cue in NONE_CUES and name in ("possession", "release", "suspicion", "background")):
            continue  # "men accused of building bombs were arrested": the arrest is the event
        if name == "demand" and hit.cue == "abduct":
            continue  # "seized two traders and demanded a ransom": the ransom demand is the abduction's
        if name == "possession" and _USED.match(text, hit.start):
            continue  # "a vehicle carrying soldiers hit a mine": the weapon was used
        for h in found.get(name):
            if h.sent != hit.sent or h.start > hit.start or (h.start >= hit.start and h.end <= hit.end):
                continue
            said = text[h.start:h.end]
            if name in ("irrealis", "demand") and (said in ("May", "Will", "Must") or text.startswith("-be", h.end)):
                continue  # the month, a name, "would-be bombers"
            if h.start <= hit.start < h.end or (h.end <= hit.start and hit.start - h.end <= reach):
                gap = text[h.end:hit.start]
                if name == "irrealis" and hit.cue in CHANGE_CUES and _ANNOUNCED.search(text, max(0, h.end - 60), h.end):
                    continue  # an armed group's announced change of activity is itself the event
                if name == "background":
                    if "," in gap:
                        continue
                elif _SCOPE_BREAK.search(gap):
                    continue
                return factor * weight
    return factor


_PASSIVE_GAP = re.compile(r"\b(?:were|was|been|being)\s+(?:\w+ly\s+)?(?:\w+ed|\w+en|overrun|overran|lost|beaten|driven|taken|shot|hit|forced|swept|caught)\b")
_FORCED_OUT = re.compile(r"\bunder (?:heavy )?(?:fire|attack|pressure)\b|\b(?:forced|compelled) (?:\S+ )?(?:to )?(?:retreat|withdraw|flee|pull|abandon)", re.I)
_FROM_PLACE = re.compile(
    r"(?:\s+\w+)?\s+from\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:towns?|cit(?:y|ies)|villages?|districts?|regions?|provinces?|"
    r"territor(?:y|ies)|areas?|enclaves?|crossings?|border|strongholds?)\b|(?:\s+\w+)?\s+from\s+(?-i:[A-Z][\w-]+)", re.I)
_SPEAKS = re.compile(r"\s+(?:said|say|says|told|tell|reported|report|confirmed|stated|added)\b")


_PASSIVE_BEFORE = re.compile(r"\b(?:were|was|been|being|is|are|got|get)\s+(?:\w+ly\s+)?$", re.I)
_FAR_TARGET = 200
_NAMED_PLACE = re.compile(r"\s+(?:the (?:village|town|commune|hamlet|settlement|district) of\s+)?(?-i:[A-Z][\w'-]+)(?:\s+(?:village|town|commune|hamlet|district|locality))?\s*(?:,|\bon\b|\bin\b|\bat\b|\bnear\b|$|\.)", re.I)


def _passive_target(text: str, target: Hit, verb: Hit) -> bool:
    """A target word before an attack verb is its target only in a passive ("soldiers who were
    ambushed", "a police post was attacked"); before an active verb it is the attacker."""
    return bool(_PASSIVE_BEFORE.search(text, target.end, verb.start))


_CROWD_END = re.compile(r"crowds?$", re.I)
# a crowd that is there for something else: aid, food, a funeral, a market, a wedding
_WAITING_AFTER = re.compile(
    r"crowds?\s+(?:of\s+(?:\S+\s+){0,4}?)?(?:(?:who|that)\s+(?:was|were|had)\s+)?(?:(?:waiting|queu\w*|lin(?:ed|ing) up|gathered|"
    r"scrambl\w+|rush\w*|collecting|seeking|trying to (?:get|reach|collect))\b|(?:\S+\s+){0,6}?(?:(?:aid|food|flour|bread|water|"
    r"fuel|relief)\s+(?:distribution|convoy|truck|lorr(?:y|ies)|site|point|centre|center|hub|queue|delivery|deliveries|drop)s?|"
    r"(?:mourners|funeral|wedding|worshippers|shoppers|spectators|fans|pilgrims)\b))", re.I)
_CROWD_BEFORE = re.compile(r"(?:mourners|funeral|wedding|worshippers|shoppers|market|spectators|fans|pilgrims)\b[^.;]{0,40}$", re.I)


def _waiting_crowd(text: str, hit: Hit) -> bool:
    """A crowd at an aid distribution, a funeral or a market, not a protest."""
    m = re.search(r"crowds?", text[hit.start:hit.end], re.I)
    if not m:
        return False
    at = hit.start + m.start()
    return bool(_WAITING_AFTER.match(text, at) or _CROWD_BEFORE.search(text, max(0, at - 60), at))


def _near(found: Found, cue: str, hit: Hit, after: int = 0, before: int = 0) -> list[Hit]:
    """Hits of `cue` in the same sentence within `after` chars after `hit` or `before` chars before it
    (for targets, not the ones that speak: "police said" is a source, not a target)."""
    out = []
    for h in found.get(cue):
        if h.sent != hit.sent:
            continue
        if cue.endswith("_target") and _SPEAKS.match(found.text, h.end):
            continue
        if after and hit.end <= h.start and h.start - hit.end <= after:
            out.append(h)
        elif before and h.end <= hit.start and hit.start - h.end <= before:
            out.append(h)
    return out


def _overlaps(a: Hit, b: Hit) -> bool:
    return a.start < b.end and b.start < a.end


def _actor_side(found: Found, hit: Hit) -> str | None:
    """'gov' or 'nsa' for whoever did what `hit` says, from the closest actor word before it
    (flipped for a passive: "the terrorists were pushed back"), else from "by ACTOR" after it."""
    text = found.text
    inside = text[hit.start:hit.end].lower()
    if re.search(r"\b(?:were|was|been)\s+\w+$", inside):
        # passive: "60 positions of the separatist forces have been captured" -- the owner lost them
        for cue, side in (("nonstate_actor", "gov"), ("nonstate_actor_cs", "gov"), ("gov_actor", "nsa")):
            if any(hit.start <= h.start and h.end <= hit.end for h in found.get(cue)):
                return side
        by = re.match(r"\s+by\s+(?:the\s+)?", text[hit.end:])
        if by:
            for cue, side in (("nonstate_actor", "nsa"), ("nonstate_actor_cs", "nsa"), ("gov_actor", "gov")):
                if any(h.start == hit.end + by.end() for h in found.get(cue)):
                    return side
        return None
    if re.search(r"under (?:\S+ ){0,3}?control$", inside):
        # "back under government control", "under rebel control": the owner is named inside
        for cue, side in (("gov_actor", "gov"), ("nonstate_actor", "nsa"), ("nonstate_actor_cs", "nsa")):
            if any(hit.start <= h.start and h.end <= hit.end for h in found.get(cue)):
                return side
    if inside.startswith(("fell", "fallen", "falls")):
        for cue, side in (("nonstate_actor", "nsa"), ("nonstate_actor_cs", "nsa"), ("gov_actor", "gov")):
            if any(_overlaps(h, hit) for h in found.get(cue)):
                return side
    # the subject: from the start of the clause to the verb; its first actor word is its head
    # ("The Iraqi military and pro-government militias have taken...": the military)
    sent_start, _ = found.sentence_span(hit.sent)
    clause_start = max(sent_start, hit.start - 110)
    cut = max(text.rfind(", ", clause_start, hit.start), text.rfind("; ", clause_start, hit.start))
    if cut >= 0:
        clause_start = cut + 2
    candidates: list[tuple[int, int, str]] = []
    for cue, side in (("gov_actor", "gov"), ("nonstate_actor", "nsa"), ("nonstate_actor_cs", "nsa")):
        for h in found.get(cue):
            if clause_start <= h.start and h.end <= hit.start:
                if side == "nsa" and re.search(r"(?:pro-government|government-backed|pro-regime|state-backed|loyalist)\W*$", text[max(0, h.start - 25):h.start], re.I):
                    side = "gov"
                candidates.append((h.start, -(h.end - h.start), side))
    if candidates:
        start, _, side = min(candidates)
        gap = text[start:hit.end].lower()
        if _PASSIVE_GAP.search(gap):  # "the rebels were driven out of", not "the army was back in control"
            side = "gov" if side == "nsa" else "nsa"
        return side
    for cue, side in (("gov_actor", "gov"), ("nonstate_actor", "nsa"), ("nonstate_actor_cs", "nsa")):
        for h in _near(found, cue, hit, after=40):
            if "by " in text[hit.end:h.start].lower() or "from " in text[hit.end:h.start].lower():
                # "captured by the army" / "captured the town from the rebels"
                by = "by " in text[hit.end:h.start].lower()
                return side if by else ("gov" if side == "nsa" else "nsa")
    return None


def decide(found: Found, ignore: tuple[str, ...] = ()) -> Decision:
    text = found.text
    votes: dict[str, Vote] = {}

    def vote(sub: str, weight: float, hit: Hit | None) -> None:
        votes.setdefault(sub, Vote()).add(weight, hit)

    mods: dict[int, float] = {}

    def mod(hit: Hit) -> float:
        key = id(hit)
        if key not in mods:
            mods[key] = _modality(found, hit, ignore)
        return mods[key]

    # -- weapons seized, found, intercepted: their weapon words are objects, not attacks
    disrupted: list[tuple[int, int]] = []
    not_places: list[int] = []
    for verb in found.get("disrupt_verb"):
        objects = _near(found, "weapon_object", verb, after=70) or _near(found, "weapon_object", verb, before=45)
        if objects:
            obj = objects[0]
            span = (min(verb.start, obj.start), max(verb.end, obj.end))
            disrupted.append(span)
            places = [c for c in found.get("capture") + found.get("capture_named") if c.sent == verb.sent]
            seized = [c for c in places if _overlaps(c, verb)]
            if seized and not any(c.start <= obj.start and obj.end <= c.end for c in seized):
                continue  # "captured an army base and seized weapons": the verb's object is a place
            not_places.extend(id(c) for c in seized)  # "seized a truck loaded with explosives at a checkpoint"
            spoils = any(c.end <= verb.start for c in places)
            vote(DISR, 5.0 * mod(verb) * (0.5 if spoils else 1.0), verb)  # "captured a base and seized weapons": spoils
    for hit in found.get("disrupt"):
        disrupted.append((hit.start, hit.end))
        vote(DISR, 5.5 * mod(hit), hit)

    def is_disrupted(hit: Hit) -> bool:
        return any(a - 2 <= hit.start and hit.end <= b + 40 for a, b in disrupted)

    # -- trigger cues vote for their sub-type
    weapon_hits: list[Hit] = []
    strongest: dict[tuple[str, int, int], tuple[float, Hit]] = {}
    # a weapon word inside a longer weapon phrase of another kind is that phrase's: "an
    # explosive-laden drone" is a drone, "rocket-propelled grenades" are rockets
    weapon_spans = [h for c in WEAPON_CUES | {"rpg"} for h in found.get(c)]

    def inside_other_weapon(hit: Hit) -> bool:
        return any(h.cue != hit.cue and h.start <= hit.start and hit.end <= h.end and h.end - h.start > hit.end - hit.start
                   for h in weapon_spans)

    for cue in cues():
        if cue.sub is None:
            continue
        for hit in found.get(cue.name):
            if cue.name in WEAPON_CUES and inside_other_weapon(hit):
                continue
            weight = cue.weight * mod(hit)
            if cue.name in WEAPON_CUES:
                weapon_hits.append(hit)
                if is_disrupted(hit):
                    weight *= 0.15
            key = (cue.sub, hit.start, hit.end)
            if key not in strongest or weight > strongest[key][0]:
                strongest[key] = (weight, hit)  # the same words matched by two cues of one sub-type vote once
    for (sub, _, _), (weight, hit) in strongest.items():
        vote(sub, weight, hit)

    # -- attacks: on armed targets a battle, on civilians violence against civilians
    for verb in found.get("attack_verb"):
        if any(_overlaps(verb, w) or 0 <= verb.start - w.end <= 2 for w in weapon_hits):
            continue  # "grenade attack", "suicide attack": the weapon decides
        if text[verb.start:verb.end].lower().startswith(("raid", "storm")) and any(
                a.sent == verb.sent and a.start > verb.end for a in found.get("arrest")) and not any(
                k.sent == verb.sent for k in found.get("kill")):
            continue  # "raided the homes of activists and took them into custody": an arrest operation
        targets = sorted(
            [(h.start, "mil") for h in _near(found, "military_target", verb, after=60)]
            + [(h.start, "civ") for h in _near(found, "civilian_target", verb, after=60)]
        )
        if not targets:
            # before the verb only the target of a passive ("an army patrol was attacked"): the
            # actor of an active verb is its subject ("gunmen on motorbikes stormed Koumbri")
            targets = sorted(
                [(-h.end, "mil") for h in _near(found, "military_target", verb, before=50) if _passive_target(text, h, verb)]
                + [(-h.end, "civ") for h in _near(found, "civilian_target", verb, before=50) if _passive_target(text, h, verb)]
            )
        far = False
        if not targets and _NAMED_PLACE.match(text, verb.end) and _near(found, "armed_attackers", verb, before=60):
            # "gunmen stormed Koumbri, a rural commune near the border, ... shooting residents": a
            # named place first, whom they attacked later in the sentence
            far = True
            targets = sorted(
                [(h.start, "mil") for h in _near(found, "military_target", verb, after=_FAR_TARGET)]
                + [(h.start, "civ") for h in _near(found, "civilian_target", verb, after=_FAR_TARGET)]
            )
        if targets:
            # the first target decides; an attack that also hits soldiers or a base is a battle
            # ("attacking a marketplace and a military base")
            armed = targets[0][1] == "mil" or any(kind == "mil" and text[verb.end:abs(at)].count(",") == 0
                                                  for at, kind in targets[1:] if at > 0)
            vote(CLASH if armed else ATTACK, (2.5 if far else 3.5) * mod(verb), verb)
        elif _near(found, "armed_attackers", verb, before=60) or any(k.sent == verb.sent for k in found.get("kill")):
            vote(ATTACK, 2.0 * mod(verb), verb)
    def weapon_toll(hit: Hit) -> bool:
        for w in weapon_hits:
            if w.sent != hit.sent or w.cue == "shelling_weak" or is_disrupted(w):
                continue
            if w.end <= hit.start and hit.start - w.end <= _TOLL_REACH:
                return True  # "shelled the town, killing 12"
            if hit.end <= w.start and w.start - hit.end <= 80 and _BY_WEAPON.search(text, hit.end, w.start):
                return True  # "20 soldiers were killed when their vehicle struck a mine"
        return False

    for sub in (CLASH, ATTACK):
        v = votes.get(sub)
        if v and v.trigger is not None and KILL_VERB.match(text, v.trigger.start) and weapon_toll(v.trigger):
            v.score *= 0.5
    for kill in found.get("kill"):
        if weapon_toll(kill):
            continue
        by = bool(re.match(r"\s+by\b", text[kill.end:kill.end + 5]))  # "villagers killed by the army": who killed, not who died
        mil = [] if by else _near(found, "military_target", kill, after=35)
        civ = [] if by else _near(found, "civilian_target", kill, after=35)
        passive = False
        if not mil and not civ and re.match(r"(?:killed|murdered|massacred|executed|shot dead|gunned down|dead)$", found.text[kill.start:kill.end]):
            # passive: "twelve soldiers were killed"
            passive = True
            mil = _near(found, "military_target", kill, before=60)[-1:]
            civ = _near(found, "civilian_target", kill, before=60)[-1:]
            if mil and civ:
                mil, civ = (mil, []) if mil[0].end > civ[0].end else ([], civ)
        if mil and (not civ or mil[0].start < civ[0].start):
            vote(CLASH, 2.5 * mod(kill), kill)
        elif civ and _near(found, "armed_attackers", kill, before=80):
            vote(ATTACK, (2.0 if passive else 3.0) * mod(kill), kill)

    # -- territory
    withdraw = max((mod(h) for h in found.get("withdraw")), default=0.0)
    fought = max((mod(h) for h in found.get("clash")), default=0.0) >= 0.5
    peaceful = found.has("transfer") or re.search(r"\b(?:deal|agreement|unopposed|without (?:a |any )?(?:fight|fighting|resistance|clashes))\b", text, re.I)
    retreat = any(text[h.start:h.end].lower().startswith("retreat") for h in found.get("withdraw"))
    if withdraw and not peaceful and (fought or retreat or _FORCED_OUT.search(text)):
        withdraw *= 0.3  # a retreat under fire is no peaceful handover
    if withdraw < 0.5:
        withdraw = 0.0
    if withdraw:
        for hit in found.get("capture_loose") + found.get("capture_named"):
            vote(NONVIOL, 5.5 * mod(hit) * min(1.0, withdraw + 0.2), hit)
    for hit in found.get("withdraw"):
        if text[hit.start:hit.end].lower().startswith(("withdr", "pull", "retreat")):
            forced = 0.5 if _FORCED_OUT.search(text) else 1.0  # driven out: the capture is the event
            vote(CHANGE, 3.0 * forced * mod(hit), hit)  # a withdrawal; a handover below outvotes it
            if _FROM_PLACE.match(text, hit.end):
                vote(NONVIOL, 3.3 * mod(hit), hit)  # leaving a town or a region gives it up
    for hit in found.get("capture") + found.get("capture_named"):
        inside = text[hit.start:hit.end].lower()
        if _PEOPLE.search(inside) or _PEOPLE_BEFORE.search(text, max(0, hit.start - 30), hit.start) or id(hit) in not_places or any(hit.start <= c.start and c.end <= hit.end for c in found.get("crime")):
            continue  # "seized 12 passengers from a bus on the highway": people, not a place
        weak = inside.startswith(("under", "advance", "gained ground", "made gains"))
        weight = (2.5 if weak else 5.0) * mod(hit)
        if re.search(r"(?:base|post|checkpoint|outpost|position|barracks)s?$", inside) and not inside.startswith(("recapt", "retook", "retak", "regain", "liberat")):
            weight *= 0.6  # overrunning a base or a checkpoint is mostly a battle
        if inside.startswith("entered") and _KEEP_ORDER.match(text, hit.end):
            weight *= 0.4  # "entered the town to restore order": security forces sent in, no control changing hands
        if re.search(r"\bbriefly\s+$", text[max(0, hit.start - 12):hit.start]):
            weight *= 0.4  # held for a moment: a battle, not a change of control
        if re.search(r"\b(?:were|was|been)\s+\w+$", inside):
            weight *= 0.75  # "after the town was captured": often the background of what is reported
        if withdraw:
            vote(NONVIOL, weight * min(1.0, withdraw + 0.2) + 0.5, hit)
            continue
        side = _actor_side(found, hit)
        if side is None:
            side = "gov" if any(_overlaps(h, hit) for h in found.get("capture_gov")) else "nsa"
        vote(GOV if side == "gov" else NSA, weight, hit)

    # -- a mob is unarmed people: soldiers or gunmen who beat villagers are attacking them
    mob = votes.get(MOB)
    if mob and mob.trigger is not None:
        armed = [h for h in found.get("gov_actor") + found.get("armed_attackers")
                 if h.sent == mob.trigger.sent and h.end <= mob.trigger.start and mob.trigger.start - h.end <= 40
                 and "," not in text[h.end:mob.trigger.start] and not _overlaps(h, mob.trigger)]
        if armed:
            mob.score *= 0.4

    # -- protests
    protest = Vote()
    diplomatic = found.get("diplomacy")
    for hit in found.get("protest") + found.get("protest_cs"):
        if any(_overlaps(hit, d) for d in diplomatic):
            continue  # "lodged a protest with the embassy"
        if text[max(0, hit.start - 3):hit.start].lower() == "to " and any(
                d.sent == hit.sent and 0 <= hit.start - d.end <= 60 for d in diplomatic):
            continue  # "summoned the ambassador to protest against his remarks"
        actor = _PROTEST_ACTOR.match(text, hit.end)  # "protest leaders reached a deal": who they are, not what they did
        protest.add(4.0 * mod(hit) * (0.4 if actor else 1.0), hit)
    for hit in found.get("protest_weak"):
        if _waiting_crowd(text, hit):
            continue  # "a crowd waiting for flour": people, not protesters
        protest.add(1.5 * mod(hit), hit)
    if not protest.best:
        armed = found.get("armed_attackers") + found.get("nonstate_actor")
        for hit in found.get("protest_violent"):
            if _RIOT_ACT.match(text, hit.start) and not any(
                    a.sent == hit.sent and a.end <= hit.start and hit.start - a.end <= 40 for a in armed):
                protest.add(1.5 * mod(hit), hit)  # "activists hurled stones at the police": a riot
        for hit in found.get("crowd_control"):
            if text[hit.start:hit.end].lower().startswith(("tear", "water", "rubber", "pepper", "stun")):
                protest.add(1.5 * mod(hit), hit)  # "fired tear gas at students": they were protesting
    riot_words = [h for h in found.get("protest_violent") if _RIOT_ACT.match(text, h.start)]
    # fire on a crowd that no other word shows protesting is fire on people (an attack), not on protesters
    only_crowd = protest.best < 2.5 and not found.has("crowd_control") and not riot_words and all(
        _CROWD_END.search(text, h.start, h.end) for h in found.get("protest_weak"))
    force_hits = [h for h in found.get("protest_force")
                  if not (_CROWD_END.search(text, h.start, h.end) and (_waiting_crowd(text, h) or only_crowd))]
    if protest.best >= 2.5 or (protest.best and (protest.rest >= 1.2 or found.has("crowd_control") or riot_words
                                                 or force_hits)):
        base, where = protest.score, protest.trigger
        sent = where.sent if where else 0
        # "protesting the arrest of a colleague", "denouncing the killing of protesters": the reason, not the response
        force = [h for h in force_hits if not _REASON.search(text, max(0, h.start - 40), h.start)]
        if force:
            vote(FORCE, base + 3.5 * max(mod(h) for h in force), where)
        # "hurled a grenade into the rally": the throwing is the weapon's, not the crowd's
        violent = [h for h in found.get("protest_violent") if not any(abs(h.start - w.start) < 25 or abs(h.end - w.end) < 25 for w in weapon_hits)]
        # "blocked the road with rocks": the stones are the blockade, not thrown at anyone
        violent = [h for h in violent if not any(_overlaps(h, b) for b in found.get("barricade_material"))]
        if violent:
            vote(VIOL, base + 3.0 * max(mod(h) for h in violent), where)
        intervention = [h for h in found.get("protest_intervention") if not _REASON.search(text, max(0, h.start - 40), h.start)]
        if intervention:
            vote(INTER, base + 2.5 * max(mod(h) for h in intervention), where)
        vote(PEACE, base + 0.5 + (1.0 if found.has("protest_peaceful") else 0.0), where)
        # what happens around a protest belongs to it
        for sub in (ARREST, CLASH, LOOT, ATTACK, "Remote explosive/landmine/IED", CHANGE):
            v = votes.get(sub)
            if v and v.trigger is not None and v.trigger.sent >= sent:
                v.score *= 0.4
        mob = votes.get(MOB)
        if mob:
            rival = any(text[h.start:h.end].lower().startswith(("rival", "opposing", "duel", "counter")) for h in found.get("mob"))
            mob.score += 4.0 if rival else 1.5

    # -- agreements between conflict actors only
    agree = votes.get(AGREE)
    if agree and agree.trigger is not None and any(_overlaps(agree.trigger, f) for f in found.get("agreement_frame")):
        # "handed the town over under the peace deal": the deal frames the event that is reported
        if any(votes[sub].score >= MIN_SCORE for sub in (NONVIOL, CHANGE, GOV, NSA) if sub in votes):
            agree.score *= 0.5
    if agree and not found.has("conflict_context"):
        agree.score *= 0.5

    # -- crime
    crime = _strongest(found, "crime", mod)
    # "a rival gang leader": a word of politics inside the crime's own words does not make it political
    political = any(not any(_overlaps(h, c) for c in found.get("crime")) for h in found.get("political"))
    if crime and not political:
        for sub in (ARREST, DISR, LOOT):
            if sub in votes:
                votes[sub].score *= 0.5
        # robbers, thieves, a family quarrel: violence for gain or in private is crime, not an attack
        if any(_PETTY.match(text, h.start) for h in found.get("crime")):
            for sub in (ATTACK, CLASH):
                if sub in votes:
                    votes[sub].score *= 0.5

    # -- a grenade or a bomb in a crime or an accident, ordnance from old wars: not political violence
    accident = _strongest(found, "accident", mod)
    old = max(_strongest(found, "old_ordnance", mod), _strongest(found, "uxo_accident", mod))
    if (crime and not political) or accident or old:
        for sub in ("Grenade", "Remote explosive/landmine/IED", DISR):
            if sub in votes and (sub != DISR or old):
                votes[sub].score *= 0.5

    # -- none: disasters, accidents, crime, diplomacy, attributions
    # (an agreement between conflict actors is reached in meetings and through envoys: that diplomacy is its setting)
    agreed = votes.get(AGREE)
    agreed_in_conflict = bool(agreed and agreed.score >= 3.0 and agreed.trigger is not None and found.has("conflict_context")
                              and (agreed.trigger.cue == "agreement_strong" or _AGREED.match(text, agreed.trigger.start)))
    health = 3.0 * _strongest(found, "health", mod, top=2)
    if protest.best >= 2.5 or votes.get(VIOL):
        health *= 0.3  # a curfew riot, a lockdown protest
    none_parts = [
        5.0 * _strongest(found, "natural_disaster", mod, top=2),
        health,
        4.5 * _strongest(found, "accident", mod, top=2),
        (3.5 if not political else 2.0) * crime,
        3.5 * _strongest(found, "diplomacy", mod, top=2) * (0.5 if agreed_in_conflict else 1.0),
        4.5 * _strongest(found, "attribution", mod),
        3.0 * _strongest(found, "humanitarian", mod),
        7.0 * _strongest(found, "old_ordnance", mod),
        7.0 * _strongest(found, "uxo_accident", mod),
    ]
    none_score = max(none_parts) + 0.5 * sum(1 for p in none_parts if p > 0 and p < max(none_parts))

    ranked = sorted(((v.score, sub) for sub, v in votes.items()), reverse=True)
    scores = {sub: round(score, 2) for score, sub in ranked}
    if not ranked:
        return Decision("none", 0.0, 0.0, none_score, None, scores)
    best_score, best = ranked[0]
    runner_up = ranked[1][0] if len(ranked) > 1 else 0.0
    if best_score < MIN_SCORE and not none_score and not ignore and found.has("background") and found.has("denial"):
        # "failed to take the town after two days of fighting": the main event did not happen,
        # what looked like its background is the event
        return decide(found, ("background",))
    if best_score < MIN_SCORE or none_score > best_score:
        return Decision("none", best_score, runner_up, none_score, None, scores)
    return Decision(best, best_score, runner_up, none_score, votes[best].trigger, scores)


def _strongest(found: Found, cue: str, mod, top: int = 1) -> float:
    """The modality-weighted strength of a context cue (1.0 for a plain match in the first
    sentence); with `top` > 1, a second distinct match adds a little."""
    weights = sorted((mod(h) for h in found.get(cue)), reverse=True)
    if not weights:
        return 0.0
    if top > 1 and len({found.text[h.start:h.end].lower() for h in found.get(cue)}) > 1:
        return weights[0] + 0.2 * weights[1]
    return weights[0]
