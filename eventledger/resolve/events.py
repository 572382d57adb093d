"""Resolve sentence-level mentions into the article's events: group the mentions that report the
same event, geocode its place, normalise its actors and claimants, settle its date."""

from __future__ import annotations

import bisect
from collections import Counter

from ..extract.mentions import EventMention, FigureFound
from ..records import Actor, Article, Event, Evidence, Figure, Location, Statement
from .actors import normalize, same_name
from .gazetteer import country_of, geocode

# Mentions of these sub-types describe the same kind of violence loosely enough that a
# mention referring back ("the operation killed 25") may join an event of another of them.
_VIOLENT = {"Battles", "Explosions/Remote violence", "Violence against civilians"}


def resolve_events(article: Article, mentions: list[EventMention], statements: list[Statement]) -> list[Event]:
    if not mentions:
        return []
    context = _context_countries(article)
    places = _geocode_places(mentions, context)
    default_place = _dominant_place(places)
    groups = _group(mentions, places)
    events: list[Event] = []
    for number, group in enumerate(groups, start=1):
        events.append(_build_event(f"E{number}", group, places, default_place, article, statements, context))
    return events


def _context_countries(article: Article) -> tuple[str, ...]:
    """Countries the article talks about, most mentioned first: they settle ambiguous names."""
    counts: Counter[str] = Counter()
    for word in article.text.replace("-", " ").split():
        code = country_of(word.strip(".,;:()“”\"'’s"))
        if code:
            counts[code] += 1
    return tuple(code for code, _ in counts.most_common(5))


def _geocode_places(mentions: list[EventMention], context: tuple[str, ...]) -> dict[int, Location]:
    out: dict[int, Location] = {}
    for index, mention in enumerate(mentions):
        if mention.place is None:
            continue
        location = geocode(mention.place.text, context_countries=context)
        if location is not None:
            location.mention = mention.place.text
            location.evidence = Evidence(mention.place.start, mention.place.end, mention.place.text)
            out[index] = location
    return out


def _dominant_place(places: dict[int, Location]) -> Location | None:
    """The place most of the article's events are set in (used for 'in the area')."""
    if not places:
        return None
    counts = Counter((loc.name, loc.country_code) for loc in places.values())
    (name, code), _ = counts.most_common(1)[0]
    return next(loc for loc in places.values() if (loc.name, loc.country_code) == (name, code))


def _place_key(location: Location | None) -> str | None:
    return f"{location.name}|{location.country_code}" if location else None


def _group(mentions: list[EventMention], places: dict[int, Location]) -> list[list[tuple[int, EventMention]]]:
    groups: list[list[tuple[int, EventMention]]] = []
    for index, mention in enumerate(mentions):
        target = _matching_group(index, mention, groups, places)
        if target is None:
            groups.append([(index, mention)])
        else:
            target.append((index, mention))
    return groups


def _matching_group(index, mention, groups, places):
    key = _place_key(places.get(index))
    for group in reversed(groups):
        first_index, first = group[0]
        if first.background != mention.background:
            continue
        group_keys = {_place_key(places.get(i)) for i, _ in group} - {None}
        place_ok = key is None or not group_keys or key in group_keys
        if not place_ok:
            continue
        if mention.sub_event_type == first.sub_event_type and mention.sub_event_type != "none":
            return group
        refers_back = mention.anaphoric and any(
            m.trigger and mention.anaphoric.rstrip("s") in m.sentence.text.lower() for _, m in group
        )
        if refers_back and (mention.event_type in _VIOLENT or mention.event_type == "none") and first.event_type in _VIOLENT:
            return group
    return None


def _build_event(event_id, group, places, default_place, article, statements, context) -> Event:
    mentions = [m for _, m in group]
    typed = [m for m in mentions if m.sub_event_type != "none"] or mentions
    lead = max(typed, key=lambda m: m.confidence)
    location = next((places[i] for i, _ in group if i in places), None)
    if location is None and not lead.background:
        location = default_place
    dated = next((m for m in mentions if m.date), None)
    event = Event(
        id=event_id,
        event_type=lead.event_type,
        sub_event_type=lead.sub_event_type,
        confidence=round(lead.confidence, 3),
        location=location,
        trigger=lead.trigger,
        background=all(m.background for m in mentions),
        evidence=[m.sentence for m in mentions],
    )
    if dated is not None:
        event.date, event.date_precision, event.date_evidence = dated.date, dated.date_precision, dated.date_evidence
    elif article.published and not event.background:
        # Undated news reports the day's events: the publication date, marked as such.
        event.date, event.date_precision = article.published[:10], "publication"
    for mention in mentions:
        claimant, claimant_ev = mention.claimant, mention.claimant_evidence
        if claimant is None:
            claimant, claimant_ev = _neighbour_speaker(mention, statements, [p.start for p in article.paragraphs])
        for found in mention.figures:
            if found.claimant is None and claimant is not None:
                found.claimant, found.claimant_evidence = claimant, claimant_ev
            _add_figure(event.figures, found)
        if claimant and claimant not in event.claimants:
            event.claimants.append(claimant)
        for actor in mention.actors:
            _add_actor(event.actors, actor, context)
    return event


def _neighbour_speaker(mention: EventMention, statements: list[Statement], starts: list[int]) -> tuple[str | None, Evidence | None]:
    """A hedged or unattributed report takes the speaker of the nearest statement in the same
    paragraph ("So far, they are said to have evacuated 469 people. The ministry said ...")."""
    paragraph = bisect.bisect_right(starts, mention.sentence.start)
    best = None
    for statement in statements:
        if statement.sentence is None or statement.speaker is None:
            continue
        if bisect.bisect_right(starts, statement.sentence.start) != paragraph:
            continue
        distance = abs(statement.sentence.start - mention.sentence.start)
        if best is None or distance < best[0]:
            best = (distance, statement)
    if best is None:
        return None, None
    return best[1].speaker, best[1].speaker_evidence


def _add_figure(figures: list[Figure], found: FigureFound) -> None:
    """One figure per (kind, count, claimant); an unattributed repeat joins an attributed one."""
    for existing in figures:
        if existing.kind == found.kind and existing.count == found.count:
            if existing.claimant == found.claimant or found.claimant is None:
                existing.civilians = existing.civilians if existing.civilians is not None else found.civilians
                existing.children = existing.children if existing.children is not None else found.children
                return
            if existing.claimant is None:
                existing.claimant, existing.claimant_evidence = found.claimant, found.claimant_evidence
                existing.civilians = existing.civilians if existing.civilians is not None else found.civilians
                return
    figures.append(Figure(
        kind=found.kind, count=found.count, low=found.low, high=found.high,
        civilians=found.civilians, children=found.children, claimant=found.claimant,
        claimant_evidence=found.claimant_evidence, hedged=found.hedged, background=found.background,
        evidence=found.evidence,
    ))


def _add_actor(actors: list[Actor], found, context: tuple[str, ...]) -> None:
    info = normalize(found.text, context_country=context[0] if context else None)
    for existing in actors:
        if existing.role == found.role and (existing.name == info.name or same_name(existing.name, info.name)):
            return
    actors.append(Actor(
        name=info.name, role=found.role, mention=found.text, actor_type=info.actor_type,
        inter_code=info.inter_code, country=info.country,
        evidence=Evidence(found.start, found.end, found.text),
    ))
