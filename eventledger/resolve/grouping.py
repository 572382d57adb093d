"""Which of an article's event mentions tell the same event: the same sub-type; a sentence that
points back ("the attack"); a detail or toll that follows the event just reported; the other
side's version of a strike; violence at one town on one day; a consequence of what was just told.
`events.py` builds one event from each group."""

from __future__ import annotations

import re
from datetime import date

from ..extraction.mentions import EventMention
from ..records import Location
from .event_rules import consequence_hosts, inside_region, names_landmark, stands_for_division, tells_flight, tells_more_of, updates_toll

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


def group_mentions(mentions: list[EventMention], places: dict[int, Location]) -> list[list[tuple[int, EventMention]]]:
    groups: list[list[tuple[int, EventMention]]] = []
    places = dict(places)  # a local copy: the places grouping goes by
    for index, mention in enumerate(mentions):
        target = _matching_group(index, mention, groups, places)
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


def _matching_group(index, mention, groups, places):
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
        if _other_village(index, mention, group, places):
            continue
        candidates.append(group)
    for group in candidates:
        if mention.sub_event_type != "none" and any(m.sub_event_type == mention.sub_event_type for _, m in group):
            return group
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
    demonstration = _demonstration_told_on(index, mention, groups, candidates, places)
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
    if latest is not None and index not in places and mention.figures and mention.trigger is not None \
            and _CASUALTY_WORD.search(mention.trigger.text) and mention.date is None:
        # "Police said three people had been killed": a toll with no event word, place or day of
        # its own counts the event just reported (the typer can only call it an attack), even
        # across a paragraph of reactions that report no event of their own.
        if latest in candidates and mention.paragraph - latest[-1][1].paragraph in (0, 1, 2):
            return latest
    day_violence = [g for g in candidates if g[0][1].event_type in VIOLENT
                    and (mention.date is None or mention.date in {m.date for _, m in g})]
    if len(day_violence) == 1 and index not in places and mention.figures and mention.trigger is not None \
            and _CASUALTY_WORD.search(mention.trigger.text) and updates_toll(mention.sentence.text):
        # "The Observatory now says nine people have been killed": a newer toll, with no event word
        # or place, of the only violence reported for its day, however much news came between.
        return day_violence[0]
    if latest is not None and latest in candidates and index not in places and not mention.figures \
            and mention.date is None and mention.trigger is not None and _CASUALTY_WORD.search(mention.trigger.text) \
            and latest[0][1].event_type in VIOLENT and mention.paragraph - latest[-1][1].paragraph in (0, 1):
        # "Three police officers were among the dead, he said": the typer's only event word is the
        # casualty, with no place, day or count of its own: more on the violence just reported.
        return latest
    if latest is not None and index not in places and not mention.figures \
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
                and mention.paragraph - last.paragraph in gap:
            return latest
    return None


def _division_meant(mention: EventMention, place: Location, group, group_places: list[Location]) -> bool:
    """The mention's town is named like the division the group's places lie in, and the article
    names that division ("in Marib governorate"): it may mean the division."""
    if mention.place is None:
        return False
    texts = [m.sentence.text for _, m in group] + [mention.sentence.text]
    return stands_for_division(place, mention.place.text, group_places, texts)


def _demonstration_told_on(index, mention, groups, candidates, places):
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
    if not hosts or index in places:
        return None
    for group in sorted(candidates, key=lambda g: -g[-1][0]):
        if group[0][1].event_type not in hosts:
            continue
        same_day = mention.date is not None and mention.date_precision == "day" \
            and any(m.date == mention.date for _, m in group)
        # "It said the toll booth had been burned": damage with no day of its own, told in the
        # paragraph that goes on about the violence.
        told_on = mention.date is None and group[-1][1].paragraph == mention.paragraph
        if mention.cause or mention.anaphoric or same_day or told_on:
            return group
    return None


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
