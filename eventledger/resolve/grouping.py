"""Which of an article's event mentions tell the same event (ACLED's unit: one event per sub-type,
place and day): the same sub-type; one demonstration's reports of one place and day, whatever form
each shows; violence told again in words that do not say its kind; a sentence that points back ("the
attack"); a detail or toll that follows the event just reported; the other side's version of a
strike; violence at one town on one day; a consequence of what was just told. The reports one
sentence tells at several places stay apart. `events.py` builds one event from each group, named by
`lead_mention`."""

from __future__ import annotations

import re
from datetime import date

from ..extraction.mentions import EventMention
from ..knowledge.place_words import names_landmark
from ..records import Location
from .event_rules import (
    consequence_hosts,
    escalation,
    generic_word,
    inside_region,
    names_another,
    stands_for_division,
    tells_flight,
    tells_more_of,
    updates_toll,
)

# A trigger that is only the casualty ("were killed", "rebels were killed"), not an event word.
_CASUALTY_WORD = re.compile(r"\b(?:killed|died|dead|deaths?|wounded|injured|hurt)$", re.I)


# Sub-types that tell a place changing hands: one capture may be told as a fight won and as a
# walk-in after the other side left.
_TERRITORY = {"Non-state actor overtakes territory", "Government regains territory", "Non-violent transfer of territory"}


# Mentions of these sub-types describe the same kind of violence loosely enough that a
# mention referring back ("the operation killed 25") may join an event of another of them.
VIOLENT = {"Battles", "Explosions/Remote violence", "Violence against civilians"}


_TOLL_UPDATE = re.compile(r"\b(?:death toll|toll|tally)\b", re.I)


def other_day(a: EventMention, b: EventMention) -> bool:
    """Both reports are given a day, and not the same one. The day of a toll update ("the death
    toll had risen to 17 on Saturday") is when it was counted, not when the event happened."""
    if _TOLL_UPDATE.search(b.sentence.text):
        return False
    return a.date is not None and b.date is not None and a.date_precision == "day" and b.date_precision == "day" \
        and a.date != b.date


def place_key(location: Location | None) -> str | None:
    return f"{location.name}|{location.country_code}" if location else None


def group_mentions(mentions: list[EventMention], places: dict[int, Location],
                   published: str | None = None) -> list[list[tuple[int, EventMention]]]:
    """The mentions grouped by the event they report; `published` (YYYY-MM-DD...) is the day the
    reports with no day of their own are of."""
    groups: list[list[tuple[int, EventMention]]] = []
    places = dict(places)  # a local copy: the places grouping goes by
    for index, mention in enumerate(mentions):
        _as_listed_first(mention, groups)
        target = _matching_group(index, mention, groups, places, published)
        if target is None:
            groups.append([(index, mention)])
        else:
            target.append((index, mention))
            if _flight(mention):
                # where people fled to ("towards the city of Sweida") is no place of the violence:
                # it must not draw other violence told there into this event
                places.pop(index, None)
    return groups


def _flight(mention: EventMention) -> bool:
    return mention.sub_event_type == "Other" and not mention.background and tells_flight(mention.sentence.text)


def _village(index: int, mention: EventMention, places: dict[int, Location]) -> str | None:
    """The name of the village a report happened at when the gazetteer does not know it: an
    unplaced report's proper name that is no landmark ("the hamlet of Chinegodar")."""
    place = mention.place
    if place is None or index in places or not place.text[:1].isupper() or names_landmark(place.text):
        return None
    return place.text.lower()


def _other_village(index: int, mention: EventMention, group, places: dict[int, Location]) -> bool:
    """'killed 19 people in Darey-Daye before moving on to Chinegodar, where they killed eight':
    two villages the gazetteer lacks are two places, whatever else the reports share."""
    mine = _village(index, mention, places)
    if mine is None:
        return False
    for i, m in group:
        other = _village(i, m, places)
        if other is not None and mine not in other and other not in mine:
            return True
    return False


def _other_place_of_list(mention: EventMention, group) -> bool:
    """"Killed four in X and three in Y": the reports one sentence tells at several places are one
    event each (ACLED's unit), never one event, whatever the gazetteer makes of the names."""
    if mention.place_list is None:
        return False
    return any(m.place_list is not None and m.place_list[0] == mention.place_list[0]
               and m.place_list[1] != mention.place_list[1] for _, m in group)


def listed(mention: EventMention) -> bool:
    """Whether the report is one of those its own sentence tells at several places."""
    return mention.place_list is not None and mention.place_list[0] == mention.sentence.start


def _elsewhere_than_listed(index: int, mention: EventMention, group, places: dict[int, Location]) -> bool:
    """A report at a place of a list that the gazetteer does not know ("killed 17 in X and ten in
    Y") is at that place: it and an event told at another named place are not one (an event told
    at no place, or at the same name, may be)."""
    def unknown(i: int, m: EventMention) -> bool:
        return listed(m) and m.place is not None and i not in places

    def name(m: EventMention) -> str | None:
        return m.place.text.strip().lower() if m.place is not None else None

    if unknown(index, mention):
        return any(i in places or (m.place is not None and name(m) != name(mention)) for i, m in group)
    if mention.place is None:
        return False
    return any(unknown(i, m) and name(m) != name(mention) for i, m in group)


def _matching_group(index, mention, groups, places, published=None):
    """The earlier event this mention reports again: first one of the same sub-type at a
    compatible place, else (for "the operation killed ...") the latest violent event it refers to."""
    candidates = []
    for group in reversed(groups):
        first = group[0][1]
        if first.background != mention.background:
            continue
        group_places = [places[i] for i, _ in group if i in places]
        if index in places and group_places and not any(compatible_places(places[index], p) for p in group_places) \
                and not _division_meant(mention, places[index], group, group_places):
            continue
        if _other_village(index, mention, group, places) or _other_place_of_list(mention, group) \
                or _elsewhere_than_listed(index, mention, group, places):
            continue
        candidates.append(group)
    for group in candidates:
        if is_demonstration(mention.sub_event_type):
            if any(is_demonstration(m.sub_event_type) for _, m in group) and _demonstration_day(mention, group, published):
                # One demonstration per place and day, coded at its most escalated form (ACLED): "police
                # fired tear gas", "the march on Sunday", "some threw stones" tell one (corpus cases:
                # ug-bobi-wine-*, ug-kampala-*, my-kuala-lumpur-*, ru-st-petersburg-*, zw-harare-*,
                # rs-belgrade-*, hk-polyu-*).
                return group
            continue
        if mention.sub_event_type != "none" and any(m.sub_event_type == mention.sub_event_type for _, m in group):
            return group
    told = _violence_retold(mention, candidates, places)
    if told is not None:
        return told
    consequence = _consequence_of(index, mention, candidates, places)
    if consequence is not None:
        return consequence
    if _flight(mention):
        # "About 400 families had fled Shahba since the morning, most of them towards Sweida": the
        # flight from violence already told is its consequence, not an event of its own (the place
        # it names may be where they went).
        latest_violent = max((g for g in groups if g[0][1].event_type in VIOLENT and not g[0][1].background),
                             key=lambda g: g[-1][0], default=None)
        if latest_violent is not None:
            return latest_violent
    if mention.anaphoric and mention.sub_event_type != "none" and index in places and (places[index].precision or 3) <= 2:
        # "The fighting in Bara ..." after "fighting for a strategic town in the Kordofan region":
        # the same event, now placed more precisely (only a region or country was named before).
        for group in reversed(groups):
            first = group[0][1]
            group_places = [places[i] for i, _ in group if i in places]
            if first.background == mention.background and group_places and first.sub_event_type == mention.sub_event_type \
                    and all((p.precision or 3) >= 3 and p.country_code == places[index].country_code for p in group_places):
                return group
    family = _family(mention.event_type) or ("demonstration" if mention.sub_event_type == "Arrests" else None)
    if family and index in places and (places[index].precision or 3) <= 2:
        # Violence reported again at the same town on the same day, typed differently by another
        # sentence ("a missile strike on Kharkiv killed nine" / "The Russians struck a residential
        # building"): the same event, told from another side. Likewise a protest and the riot it
        # became, and the arrests made at it (ACLED codes arrests at a demonstration with it).
        for group in candidates:
            # A lead dated only by when it was said ("..., the ministry said on Wednesday"), placed
            # at no town, is the same event as violence of its family the next sentences place
            # at a town on that day or the day before ("The attack took place on Tuesday ...").
            unplaced = not any(i in places and (places[i].precision or 3) <= 2 for i, _ in group)
            if _family(group[0][1].event_type) == family and any(
                    ((i in places and place_key(places[i]) == place_key(places[index]))
                     or (unplaced and m.date_precision == "said"))
                    and _same_day(m, mention) for i, m in group):
                return group
    demonstration = _demonstration_told_on(index, mention, groups, candidates, places, published)
    if demonstration is not None:
        return demonstration
    if mention.sub_event_type in _TERRITORY and (index in places or mention.place is not None):
        # "M23 rebels captured the town of Pinga" / "The rebels entered Pinga ... after soldiers
        # withdrew": the same change of hands at the same town and day, typed another way.
        for group in candidates:
            if any(m.sub_event_type in _TERRITORY and _same_place_named(i, m, index, mention, places)
                   and (mention.date is None or m.date is None or m.date == mention.date) for i, m in group):
                return group
    if mention.anaphoric and (mention.event_type in VIOLENT or mention.event_type == "none"):
        # "The attack ... also killed": the latest violent event reported before it.
        for group in candidates:
            if group[0][1].event_type in VIOLENT:
                return group
    # The event just reported: the one whose report came last (not the one opened last).
    latest = max(groups, key=lambda g: g[-1][0]) if groups else None
    # (a report of a list of places names its own place, known to the gazetteer or not: the rules
    # for reports with no place of their own below are not for it)
    named = index in places or (listed(mention) and mention.place is not None)
    if latest is not None and not named and mention.figures and mention.trigger is not None \
            and _CASUALTY_WORD.search(mention.trigger.text) and mention.date is None:
        # "Police said three people had been killed": a toll with no event word, place or day of
        # its own counts the event just reported (the typer can only call it an attack), even
        # across a paragraph of reactions that report no event of their own.
        if latest in candidates and mention.paragraph - latest[-1][1].paragraph in (0, 1, 2):
            return latest
    day_violence = [g for g in candidates if g[0][1].event_type in VIOLENT
                    and (mention.date is None or mention.date in {m.date for _, m in g})]
    if len(day_violence) == 1 and not named and mention.figures and mention.trigger is not None \
            and _CASUALTY_WORD.search(mention.trigger.text) and updates_toll(mention.sentence.text):
        # "The Observatory now says nine people have been killed": a newer toll, with no event word
        # or place, of the only violence reported for its day, however much news came between.
        return day_violence[0]
    if latest is not None and latest in candidates and not named and not mention.figures \
            and mention.date is None and mention.trigger is not None and _CASUALTY_WORD.search(mention.trigger.text) \
            and latest[0][1].event_type in VIOLENT and mention.paragraph - latest[-1][1].paragraph in (0, 1):
        # "Three police officers were among the dead, he said": the typer's only event word is the
        # casualty, with no place, day or count of its own: more on the violence just reported.
        return latest
    if latest is not None and not named and not mention.figures \
            and (mention.date is None or mention.date in {m.date for _, m in latest}):
        # A detail with no place, day or toll of its own, right after an event of the same kind
        # ("the attackers arrived on motorcycles and opened fire") or of a kind it may be part of
        # ("running battles broke out" after a protest), tells more of that event.
        last = latest[-1][1]
        kind = latest[0][1].event_type
        # Of the very same type, it may come after a paragraph of circumstances that reports no
        # event ("The violence broke out after the body of a farmer was found").
        gap = (0, 1, 2) if mention.event_type == kind else (0, 1)
        if latest in candidates and tells_more_of(kind, mention.event_type) \
                and mention.paragraph - last.paragraph in gap \
                and (not is_demonstration(mention.sub_event_type) or _demonstration_day(mention, latest, published)):
            return latest
    return None


def _division_meant(mention: EventMention, place: Location, group, group_places: list[Location]) -> bool:
    """The mention's town is named like the division the group's places lie in, and the article
    names that division ("in Marib governorate"): it may mean the division."""
    if mention.place is None:
        return False
    texts = [m.sentence.text for _, m in group] + [mention.sentence.text]
    return stands_for_division(place, mention.place.text, group_places, texts)


def _demonstration_told_on(index, mention, groups, candidates, places, published=None):
    """"About 5,000 people marched ...", "32 people were arrested", "23 protesters were hurt",
    right after a demonstration and with no place or other day of their own: the crowd, the
    arrests and the injured of that demonstration (ACLED codes them with it), even with counts
    of their own; a protest that turned into a riot is still one event."""
    family = _family(mention.event_type) or ("demonstration" if mention.sub_event_type == "Arrests" else None)
    if family != "demonstration" or index in places or not groups:
        return None
    latest = max(groups, key=lambda g: g[-1][0])
    if latest not in candidates or _family(latest[0][1].event_type) != "demonstration":
        return None
    if mention.date is not None and mention.date not in {m.date for _, m in latest}:
        return None
    if is_demonstration(mention.sub_event_type) and not _demonstration_day(mention, latest, published):
        return None  # told right after, but of the day the sentence before it gives
    return latest if mention.paragraph - latest[-1][1].paragraph in (0, 1) else None


def _same_day(a: EventMention, b: EventMention) -> bool:
    """Whether two reports may be of the same day. A date that only says when something was said
    ("the ministry said on Wednesday") bounds the event from above: a report of the day before,
    or that day, may be the same event ("The attack took place on Tuesday evening")."""
    if b.date is None or a.date == b.date:
        return True
    if a.date is None:
        return False
    for said, other in ((a, b), (b, a)):
        if said.date_precision == "said" and other.date_precision == "day" and other.date <= said.date \
                and _days_between(other.date, said.date) <= 1:
            return True
    return False


def _days_between(a: str, b: str) -> int:
    try:
        return abs((date.fromisoformat(b[:10]) - date.fromisoformat(a[:10])).days)
    except ValueError:
        return 99


def _same_place_named(i: int, a: EventMention, j: int, b: EventMention, places: dict[int, Location]) -> bool:
    """Both reports name the same place: the same gazetteer entry, or the same name when the
    gazetteer knows neither precisely (a village it lacks is placed at its region, or not at all)."""
    if a.place is not None and b.place is not None and a.place.text.strip().lower() == b.place.text.strip().lower():
        return True
    return i in places and j in places and (places[i].precision or 3) <= 2 and place_key(places[i]) == place_key(places[j])


def _consequence_of(index, mention, candidates, places):
    """A report that is the consequence of (or the defence against) violence just told, with no
    place of its own: damage caused by something already named ("houses were destroyed by the
    bombs"), or weapons shot down the same day ("61 of the drones were shot down overnight")."""
    hosts = consequence_hosts(mention.sub_event_type)
    if not hosts or index in places or listed(mention):
        return None  # (a report of a list of places names its own place, known to the gazetteer or not)
    for group in sorted(candidates, key=lambda g: -g[-1][0]):
        if group[0][1].event_type not in hosts:
            continue
        same_day = mention.date is not None and mention.date_precision == "day" \
            and any(m.date == mention.date for _, m in group)
        # "It said the toll booth had been burned": damage with no day of its own, told in the
        # paragraph that goes on about the violence, or in the next one (ng-bakura-maradun-*,
        # bf-ouagadougou-splendid-*, ng-kankara-students-*).
        told_on = mention.date is None and mention.paragraph - group[-1][1].paragraph in (0, 1)
        if mention.cause or mention.anaphoric or same_day or told_on:
            return group
    return None


def _violent(mention: EventMention) -> bool:
    """Violence against people: battles, remote violence, attacks on civilians, a mob's violence."""
    return mention.event_type in VIOLENT or mention.sub_event_type == "Mob violence"


def _generic(mention: EventMention) -> bool:
    """A report of violence whose event word does not say its kind ("the attack", "was struck")."""
    return mention.trigger is not None and _violent(mention) and generic_word(mention.trigger.text)


def _another(mention: EventMention) -> bool:
    """"A second attack", "a similar attack": the report says it is not the one told before."""
    if mention.trigger is None:
        return False
    before = mention.sentence.text[:max(0, mention.trigger.start - mention.sentence.start)]
    return names_another(before)


def _violence_retold(mention: EventMention, candidates, places: dict[int, Location]):
    """The violence just reported, told again by a report of another sub-type: a word that does
    not say the kind ("the attack hit a minibus", "the convoy was struck near the bridge", "a loud
    blast", "two more were killed with knives") with no day of its own, after the lead; or the kind
    named after a lead made only of such words and placed at no town ("Market attacked in the
    north" / "gunmen threw a grenade into the market in X"). Corpus cases: so-beledweyne-*,
    ye-dahyan-*, ye-saada-school-bus-*, af-chihulsutoon-* (the word retells), cf-bangui-*,
    mx-soledad-atzompa-* (a mob's violence retold), xx-may-31-2006-briefs-srinagar-* (a lead of
    such words) -- several outlets."""
    if not _violent(mention) or mention.background or _another(mention) or listed(mention):
        return None
    violence = sorted((g for g in candidates if any(_violent(m) or is_demonstration(m.sub_event_type) for _, m in g)),
                      key=lambda g: -g[-1][0])
    if not violence:
        return None
    latest = violence[0]
    days = {m.date for _, m in latest if m.date is not None and m.date_precision in ("day", "said")}
    if mention.date is not None and mention.date_precision == "day" and days and mention.date not in days:
        return None
    if any(is_demonstration(m.sub_event_type) for _, m in latest):
        # "Gunfire rang out", "two were shot dead": force used at the demonstration just told is
        # part of it (ACLED codes the demonstration, its fatalities are its own). Corpus cases:
        # ke-nairobi-parliament-*, zw-harare-post-election-*, ve-caracas-*.
        return latest if _generic(mention) and mention.place is None else None
    # A battle is not the attack it answers ("troops fought the attackers", docs/annotation.md §2):
    # a clash joins an attack only when neither is told in words that name its kind.
    if mention.event_type == "Battles" and not any(m.event_type == "Battles" for _, m in latest) \
            and not (_generic(mention) and all(_generic(m) for _, m in latest if _violent(m))):
        return None
    if _generic(mention) and (mention.date is None or mention.date in days):
        return latest
    town = any((i in places and (places[i].precision or 3) <= 2) or (i not in places and m.place is not None)
               for i, m in latest)
    # (the details follow the lead: within two paragraphs of its last report)
    if not town and all(_generic(m) or m.sub_event_type == "none" for _, m in latest) \
            and mention.paragraph - latest[-1][1].paragraph in (0, 1, 2):
        return latest
    return None


def _demonstration_day(mention: EventMention, group, published: str | None) -> bool:
    """Whether a demonstration report may be of the day of the demonstration `group` tells. A report
    with a day of its own joins one told for that day, or one told with no day (so of the
    publication day) when it points back to it ("the march on Sunday drew ...") or is of that day;
    "on Thursday, crowds blocked the station" in a story of today's protest is another
    demonstration. Corpus cases: my-kuala-lumpur-*, ru-st-petersburg-* (joined),
    hk-sheung-wan-* (another day)."""
    days = {m.date for _, m in group if m.date is not None and m.date_precision in ("day", "said")}
    day, precision = mention.date, mention.date_precision
    if day is None and mention.narrative_date is not None:
        # no day of its own: the day the sentence before it in its paragraph told ("Police held 40
        # people at Monday's march. Most marchers were peaceful ...": us-st-paul-*)
        day, precision = mention.narrative_date
        if precision in ("day", "said") and (days or published) and day not in (days or {published[:10]}):
            return False
        return True
    if day is None or precision not in ("day", "said"):
        return True
    if days:
        return day in days
    # (a group told with no day is of the publication day)
    return mention.anaphoric is not None or (published is not None and day == published[:10])


def lead_mention(mentions: list[EventMention]) -> EventMention:
    """The report that names an event (its type and sub-type): the one that opened it, as later ones
    referring back ("the attack") do not retype it; but a demonstration is coded at the most
    escalated form its reports show, and violence told first in words that do not say its kind
    ("were killed", "the attack") is named by the first report that does ("threw a grenade"), a
    word of an act before a casualty."""
    typed = [m for m in mentions if m.sub_event_type != "none"] or mentions
    lead = typed[0]
    order = escalation()
    if lead.sub_event_type in order:
        return min((m for m in typed if m.sub_event_type in order), key=lambda m: order.index(m.sub_event_type))
    if len(typed) > 1 and lead.event_type in VIOLENT:
        violent = [m for m in typed if m.event_type in VIOLENT]
        return min(violent, key=lambda m: (_vagueness(m), violent.index(m)))
    return lead


def _vagueness(mention: EventMention) -> int:
    """0 for an event word that names the kind of violence, 1 for one that only says violence
    happened ("attacked"), 2 for a casualty ("were killed")."""
    if mention.trigger is None or not generic_word(mention.trigger.text):
        return 0
    return 2 if _CASUALTY_WORD.search(mention.trigger.text) else 1


def _as_listed_first(mention: EventMention, groups) -> None:
    """A report at the second or a later place of a list ("in X and Y") is of the kind the event at
    the list's first place turned out to be: one report, told at several places."""
    if mention.place_list is None or mention.place_list[1] == 0 or not mention.borrowed_type:
        return
    first = next((g for g in groups if any(m.place_list == (mention.place_list[0], 0) for _, m in g)), None)
    if first is None:
        return
    lead = lead_mention([m for _, m in first])
    if lead.sub_event_type != "none":
        mention.event_type, mention.sub_event_type = lead.event_type, lead.sub_event_type


def is_demonstration(sub_event_type: str) -> bool:
    """A demonstration's sub-type: peaceful, with intervention, met with excessive force, violent."""
    return sub_event_type in escalation()


def _family(event_type: str) -> str | None:
    """Event types one report may tell twice in different words: violence (battles, remote
    violence, attacks on civilians) or a demonstration (a protest that turned into a riot)."""
    if event_type in VIOLENT:
        return "violence"
    if event_type in ("Protests", "Riots"):
        return "demonstration"
    return None


def compatible_places(a: Location, b: Location) -> bool:
    """Same place, or a country and a place inside it ("the operation in Azerbaijan")."""
    if place_key(a) == place_key(b) or inside_region(a, b):
        return True
    return a.country_code == b.country_code and "country" in (a.feature, b.feature)
