"""Resolve sentence-level mentions into the article's events: group the mentions that report the
same event, geocode its place, normalise its actors and claimants, settle its date."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import replace
from datetime import date

from ..extraction.mentions import EventMention, FigureFound, PlaceFound, SettingName
from ..knowledge.actors import normalize, same_name
from ..knowledge.capitals import capital_of, government_of
from ..knowledge.figure_words import SAME_KIND
from ..knowledge.gazetteer import Division, country_of, geocode, named_divisions
from ..knowledge.place_words import names_landmark, place_cues, seat_of_state
from ..records import Actor, Article, Event, Evidence, Figure, Location, Statement
from .country import story_country
from .calibration import calibrate
from .event_rules import escalation, names_demonstration, tells_flight, toll_kinds
from .grouping import VIOLENT, group_mentions, is_demonstration, lead_mention, other_day, place_key
from .setting import setting_fits, story_setting

_SAME_AREA = re.compile(r"\b(?:in|near|around) the (?:area|vicinity|same area)\b|\bnearby\b", re.I)
# "In the enclave, 60 positions were captured": the region just reported, not a town named in it.
_SAME_REGION = re.compile(r"\b(?:in|near|around|across|throughout) the (?:region|enclave|territory|province)\b", re.I)
_SEAT = re.compile(r"\b(?:in|of)\s+((?:[A-Z][\w'’-]+\s?){1,3}(?:province|district|region|state|county|governorate)?)\s*$")


def resolve_events(article: Article, mentions: list[EventMention], statements: list[Statement],
                   settings: list[SettingName] = ()) -> list[Event]:
    """The article's events from its sentence-level mentions; `settings` are the place names the
    story is told with (`extraction.places.settings`), which place what its reports leave unplaced."""
    if not mentions:
        return []
    _mark_old_mentions(mentions, article.published)
    context = _context_countries(article)
    divisions = named_divisions(article.text, context)
    lead = next((p for p in article.paragraphs if p.kind == "body"), None)
    setting = story_setting(list(settings), article.text, context, divisions, lead.end if lead else None)
    if setting is not None and setting.admin1 and (setting.country_code, setting.admin1) not in divisions:
        divisions += ((setting.country_code, setting.admin1),)  # a story of Arequipa is a story of its province
    places = _geocode_places(mentions, context, divisions)
    villages = _unknown_villages(mentions, places, context, divisions)
    default_place = _dominant_place(places)
    levels = {(name.start, name.end): name.level for name in settings}
    mentions, places = _attach_untyped(mentions, places)
    groups = group_mentions(mentions, places, article.published)
    country = story_country(article, settings, places.values(), context)
    country_place = country.location() if country is not None else None
    events: list[Event] = []
    paragraph_of = {}
    for number, group in enumerate(groups, start=1):
        previous = next((e for e in reversed(events) if e.location is not None and not e.background), None)
        region = next((e.location for e in reversed(events)
                       if e.location is not None and not e.background and e.location.feature == "region"), None)
        event = _build_event(f"E{number}", group, places, default_place, article, statements, context,
                             previous.location if previous else None, region)
        listed = any(m.place_list is not None for _, m in group)  # a place of a list, named but unknown
        if event.location is None and previous is not None and not event.background and not listed \
                and paragraph_of.get(previous.id) == group[0][1].paragraph:
            event.location = previous.location  # the paragraph goes on about the place it just named
        last = events[-1] if events else None
        if event.date_precision == "publication" and last is not None and last.date_evidence is not None \
                and not last.background and paragraph_of.get(last.id) == group[0][1].paragraph:
            event.date, event.date_precision = last.date, last.date_precision  # same paragraph, same day
        paragraph_of[event.id] = group[-1][1].paragraph
        _mark_old(event, article.published)
        named = [(m.place.text, levels.get((m.place.start, m.place.end), 0)) for _, m in group if m.place is not None]
        if event.location is None and setting is not None and not event.background \
                and setting_fits(setting, named, context):
            event.location = setting  # reported without its place, in a story told of one town
        if event.location is not None and country_place is not None and country.foreign(event.location):
            event.location = replace(country_place)  # a namesake abroad the story never mentions
        elif event.location is None and country_place is not None and not event.background \
                and country.fits(named, context):
            event.location = replace(country_place)  # reported without its place, in a story of one country
        village = next((villages[i] for i, _ in group if i in villages), None)
        if village is not None and event.location is not None and not event.background \
                and (event.location.feature in ("country", "region") or (event.location.precision or 1) >= 2):
            event.location = _unlocated(village, event.location)
        town = _town_of_its_sentences(event, settings, divisions, article.text) or _seat_of_state(event)
        if town is not None:
            event.location = town
        events.append(event)
    calibrate(events, article)
    return events


def _town_of_its_sentences(event: Event, settings: list[SettingName], divisions: tuple[Division, ...],
                           text: str) -> Location | None:
    """The one town the event's own sentences name, when the event is placed only at the country
    or province that town lies in: "Police in Tbilisi have begun to intervene", "stormed an affluent
    Nairobi shopping centre", "in the capital Colombo", "in Maiduguri, the capital of Borno state".
    The attachment rules find no path from the event word to such a name; the name still says where
    the sentence happens (a story-place name: not a speaker's seat, a dateline or a government).
    Two place names (known to the gazetteer or not), or a town in another country or province,
    leave the event where it is. (Train split: 7 events of 7 outlets placed right, none of the
    events placed right before moved.)"""
    area = event.location
    if area is None or event.background or area.feature not in ("country", "region"):
        return None
    # (not a sentence of flight: "villagers ... sought shelter at the Catholic mission in Bossangoa"
    # names where they went)
    sentences = [e for e in event.evidence if not tells_flight(e.text)]
    inside = [s for s in settings
              if s.level == 0 and any(e.start <= s.start and s.end <= e.end for e in sentences)
              and s.text[:1].isupper() and not _names_a_landmark(s, text)]
    # every town-level name counts, known to the gazetteer or not: "on the road between the village
    # of Kfar Roummane and the city of Nabatieh" names two places, not Nabatieh
    names = {_plain_name(s.text) for s in inside} - {_plain_name(area.mention or area.name)}
    if len(names) != 1:
        return None
    name = next(s for s in inside if _plain_name(s.text) in names)
    place = geocode(name.text, context_countries=(area.country_code,), story_divisions=divisions)
    if place is None or place.feature != "city" or place.country_code != area.country_code \
            or (area.feature == "region" and place.admin1 != area.admin1):
        return None
    place.mention = name.text
    place.evidence = Evidence(name.start, name.end, name.text)
    return place


def _seat_of_state(event: Event) -> Location | None:
    """The country's capital, for an event placed only at its country whose own sentences put it at
    the seat of the state: "dispersed protesters near Georgia's parliament", "attempted to storm the
    Parliament building", "gunfights in the capital" (`knowledge.place_words.seat_of_state`)."""
    area = event.location
    if area is None or event.background or area.feature != "country" or not area.country_code:
        return None
    found = next(((e, m) for e in event.evidence if not tells_flight(e.text) and (m := seat_of_state(e.text))), None)
    if found is None:
        return None
    owner = found[1].groupdict().get("owner")  # (the pattern of "the capital" has none)
    if owner:  # "Georgia's parliament": the event's own country's, not a region's or another country's
        of = geocode(owner, context_countries=(area.country_code,))
        if of is None or of.feature != "country" or of.country_code != area.country_code:
            return None
    words = found[1].group(0).lower().replace("’", "'")
    parliament = any(noun in words for noun in place_cues()["parliament_nouns"])
    name = capital_of(area.country_code, "parliament" if parliament else None)
    if name is None:
        return None
    place = geocode(name, context_countries=(area.country_code,))
    if place is None or place.feature != "city" or place.country_code != area.country_code:
        return None
    sentence, match = found
    place.mention = match.group(0)
    place.evidence = Evidence(sentence.start + match.start(), sentence.start + match.end(), match.group(0))
    return place


def _names_a_landmark(name: SettingName, text: str) -> bool:
    """"the Government Science Secondary School", "the Baga fish market": a building or site, or a
    name that only names one (the market of Maiduguri named after Baga, a town elsewhere)."""
    following = text[name.end:name.end + 30]
    if re.match(r"['’]s\b", following):
        return names_landmark(name.text)  # "Tbilisi's parliament": the town whose landmark it is
    after = re.findall(r"[\w'’-]+", following.lower())[:2]
    return names_landmark(name.text) or any(names_landmark(word) for word in after)


def _plain_name(text: str) -> str:
    """A place name without its article, place noun and case: "the town of Tillaberi" is "tillaberi"."""
    words = re.findall(r"[\w'’-]+", text.lower())
    return " ".join(w for w in words if w not in ("the", "of") and w not in place_cues()["suffixes"]
                    and w not in _VILLAGE_WORDS)


# News reports what happened in the last days or weeks; an event dated months before the
# article ("The army retook Khartoum in March", in a September story) is its background.
_BACKGROUND_AFTER_DAYS = 45


def _mark_old(event: Event, published: str | None) -> None:
    if event.background or not published or not event.date or event.date_precision not in ("day", "week", "month"):
        return
    try:
        age = (date.fromisoformat(published[:10]) - date.fromisoformat(event.date[:10])).days
    except ValueError:
        return
    if event.date_precision == "month":
        age -= 15  # "in March" is any day of March: count from its middle ("in July" is old news on September 11)
    if age > _BACKGROUND_AFTER_DAYS:
        event.background = True
        for figure in event.figures:
            figure.background = True


def _age_in_days(day: str | None, precision: str | None, published: str | None) -> int | None:
    if not published or not day or precision not in ("day", "week", "month"):
        return None
    try:
        age = (date.fromisoformat(published[:10]) - date.fromisoformat(day[:10])).days
    except ValueError:
        return None
    return age - 15 if precision == "month" else age  # "in March" is any day of March: count from its middle


def _mark_old_mentions(mentions: list[EventMention], published: str | None) -> None:
    """A report dated months before the article ("In January, fighting ... killed 80", in an August
    story) is background before any grouping, so that it never joins the news of the day; so is an
    undated report that refers back ("the fighting for Goma") to the background report just before
    it in its paragraph, or that goes straight on from a sentence dated months before ("The fighting
    in July was the worst in a decade. At least 43 people were killed ...")."""
    previous: EventMention | None = None
    for mention in mentions:
        age = _age_in_days(mention.date, mention.date_precision, published)
        old = age is not None and age > _BACKGROUND_AFTER_DAYS
        if mention.date is None and mention.narrative_date is not None:
            told = _age_in_days(*mention.narrative_date, published)
            old = told is not None and told > _BACKGROUND_AFTER_DAYS
        follows_old = mention.date is None and mention.anaphoric is not None and previous is not None \
            and previous.background and previous.paragraph == mention.paragraph
        if not mention.background and (old or follows_old):
            mention.background = True
        if mention.background:
            for figure in mention.figures:
                figure.background = True  # the toll of a background report is background too
        previous = mention


# A figure in a sentence the typer finds no event in belongs to the event reported just before it
# in its paragraph; failing that, what it counts says what kind of event it is.
_KIND_EVENT = {"arrested": ("Strategic developments", "Arrests"), "evacuated": ("Strategic developments", "Other"),
               "displaced": ("Strategic developments", "Other"), "crowd": ("Protests", "Peaceful protest"),
               "abducted": ("Violence against civilians", "Abduction/forced disappearance")}


def _attach_untyped(mentions: list[EventMention], places: dict[int, Location]) -> tuple[list[EventMention], dict[int, Location]]:
    kept: list[EventMention] = []
    kept_places: dict[int, Location] = {}
    scene: tuple[int, Location] | None = None  # a place just named by a sentence with no event of its own
    for index, mention in enumerate(mentions):
        if mention.event_type == "Strategic developments" and mention.figures \
                and all(f.kind in toll_kinds() for f in mention.figures) and kept:
            # Strategic developments are not violent (ACLED codes them without fatalities): a
            # sentence typed so that only counts dead, wounded or people who fled ("14 bodies had
            # been recovered", "13,000 people had fled the town") gives a toll of the violence
            # already reported.
            mention.event_type, mention.sub_event_type = "none", "none"
        if mention.sub_event_type == "none" and not mention.figures:
            if not _refine(mention, index, kept, kept_places, places) and index in places and not mention.background:
                # "Officials got a tip that led them to the kidnappers between Dhobley and Buale":
                # no event of its own, but where the paragraph's next report happens.
                scene = (mention.paragraph, places[index])
            continue
        if mention.sub_event_type == "none":
            host = next((m for m in reversed(kept) if m.paragraph == mention.paragraph and m.background == mention.background
                         and not other_day(m, mention)), None)
            if host is None and {f.kind for f in mention.figures} & toll_kinds():
                # "15 bodies had been recovered", a paragraph later: another toll of the violence
                # just reported, kept beside the first as a claim of its own. A toll told for
                # another day ("on Monday ... killed six", after Sunday's attack) is not its toll.
                kinds = {f.kind for f in mention.figures}
                earlier = [m for m in reversed(kept) if m.background == mention.background and not other_day(m, mention)]
                violent = [m for m in earlier if m.event_type in VIOLENT]
                # The event that already has a toll of this kind (a riot's dead too), else the latest violence.
                if index in places:
                    # "3,200 people fled their homes in Kenscoff": the violence told at the same place.
                    key = place_key(places[index])
                    here = [m for m in violent if place_key(kept_places.get(kept.index(m))) == key]
                    violent = here + [m for m in violent if m not in here]
                host = next((m for m in earlier if kinds & {f.kind for f in m.figures}), violent[0] if violent else None)
            if host is not None and mention.place_list is not None and not mention.background:
                # "... said 17 were killed in X and ten in Y": tolls by place of the violence just
                # told are reports of it at each place, one event per place (ng-bakura-maradun-*,
                # ng-maru-kango-dangulbi-*, sy-ghouta-nerve-gas-toll-*).
                _fill_same_kind(mention.figures, host.figures)
                mention.event_type, mention.sub_event_type, mention.confidence = host.event_type, host.sub_event_type, 0.3
                mention.trigger, mention.borrowed_type = mention.trigger or host.trigger, True
            elif host is not None:
                _fill_same_kind(mention.figures, host.figures)
                # Each sentence's figures are asserted by whoever asserts that sentence: a toll told
                # after the event keeps its own source (or none, the outlet's own), and gives the
                # event's sentence none ("141 were killed. 132 of the dead were children, the
                # spokesman said": the 141 is the outlet's).
                for figure in mention.figures:
                    figure.settled = True
                host.figures.extend(mention.figures)
                host.extra_sentences.append(mention.sentence)
                if host.date is None and mention.date is not None:
                    # "About 6,500 people died ... in 2020" dates the undated war it counts.
                    host.date, host.date_precision, host.date_evidence = mention.date, mention.date_precision, mention.date_evidence
                continue
            implied = [_KIND_EVENT[f.kind] for f in mention.figures if f.kind in _KIND_EVENT]
            if not implied and not kept and index in places and not mention.background and mention.date_precision == "day" \
                    and {f.kind for f in mention.figures} & {"killed", "injured"} and not mention.nonviolent_cause:
                # The story's first report, with a place, a day and a toll but no event word the
                # typer knows ("Gang members attacked ... on Sunday, killing at least 20"): people
                # killed or wounded by someone, which is all the typer can call an attack.
                implied = [("Violence against civilians", "Attack")]
            if mention.sub_event_type == "none":
                if not implied:
                    continue  # a toll with no event named anywhere near it: nothing to file it under
                mention.event_type, mention.sub_event_type = implied[0]
                mention.confidence = 0.3
        if index in places:
            kept_places[len(kept)] = places[index]
        elif scene is not None and scene[0] == mention.paragraph and not mention.background:
            kept_places[len(kept)] = scene[1]
        scene = None
        kept.append(mention)
    return kept, kept_places


def _refine(mention: EventMention, index: int, kept: list[EventMention], kept_places: dict[int, Location],
            places: dict[int, Location]) -> bool:
    """Fold 'The operation in X district ...' into the latest event it names: its sentence joins
    the evidence, and its place replaces a vaguer one in the same country."""
    # the word's stem, found in the host's sentence: "the killing" in "gunmen killed ..."
    word = re.sub(r"(?:ings?|s)$", "", mention.anaphoric or "")
    host_index = next((i for i in range(len(kept) - 1, -1, -1)
                       if not kept[i].background and word and word in kept[i].sentence.text.lower()), None)
    if host_index is None and mention.anaphoric:
        # "The assault was launched on Monday in Soum province", after "militants stormed an army
        # post": the latest report of its kind (violence, or a demonstration) in the paragraphs just before
        protest = names_demonstration(mention.anaphoric)
        host_index = next((i for i in range(len(kept) - 1, -1, -1)
                           if not kept[i].background and mention.paragraph - kept[i].paragraph in (0, 1, 2)
                           and (is_demonstration(kept[i].sub_event_type) if protest else kept[i].event_type in VIOLENT)), None)
    if host_index is None:
        return False
    host = kept[host_index]
    new = places.get(index)
    if mention.place_list is not None and mention.place_list[1] > 0:
        # "The attack in X and Y ...": the event told again at each place of the list, one event
        # per place (extraction/places/lists.py).
        if new is not None:
            kept_places[len(kept)] = new
        kept.append(replace(host, sentence=mention.sentence, trigger=mention.trigger, place=mention.place, figures=[],
                            actors=list(host.actors), extra_sentences=[], place_fallbacks=list(mention.place_fallbacks),
                            anaphoric=None, cause=None, place_list=mention.place_list, borrowed_type=True))
        return True
    if mention.place_list is not None:
        host.place_list = mention.place_list
    host.extra_sentences.append(mention.sentence)
    if mention.date is not None and (host.date is None or host.date_precision == "said"):
        # "The attack was launched ... on Monday", after "..., the military said on Tuesday"
        host.date, host.date_precision, host.date_evidence = mention.date, mention.date_precision, mention.date_evidence
    current = kept_places.get(host_index)
    if new is None:
        return True
    if current is None or (current.country_code == new.country_code and (new.precision or 3) < (current.precision or 3)) \
            or (current.feature == "country" and current.country_code == new.country_code):
        kept_places[host_index] = new
    return True


def _context_countries(article: Article) -> tuple[str, ...]:
    """Countries the article talks about, most mentioned first: they settle ambiguous names."""
    counts: Counter[str] = Counter()
    for word in article.text.replace("-", " ").split():
        code = country_of(word.strip(".,;:()“”\"'’s"))
        if code:
            counts[code] += 1
    return tuple(code for code, _ in counts.most_common(5))


def _geocode_places(mentions: list[EventMention], context: tuple[str, ...],
                    story: tuple[Division, ...] = ()) -> dict[int, Location]:
    """Each placed mention's location; `story` are the provinces the story is about: a small town
    of another province than the story's is suspect ("the Bolognesi bridge" in a story of Arequipa
    is no town of Ancash)."""
    out: dict[int, Location] = {}
    for index, mention in enumerate(mentions):
        if mention.place is None:
            continue
        sentence = named_divisions(mention.sentence.text, context) if mention.sentence is not None else ()
        for rank, place in enumerate([mention.place, *mention.place_fallbacks]):
            location = geocode(place.text, context_countries=context, story_divisions=story, sentence_divisions=sentence)
            if location is None:
                continue
            if rank or mention.place.near:
                # The gazetteer does not know the village: the area that contains it, "near" at best;
                # likewise a place named only to locate the event ("100 km west of Pemba").
                location.precision = max(location.precision or 1, 2)
            location.mention = place.text
            location.evidence = Evidence(place.start, place.end, place.text)
            out[index] = location
            break
    return out


# Words after a village's name that are not part of it ("Zakuna village", "the Kango community").
_VILLAGE_WORDS = frozenset({"village", "villages", "town", "community", "settlement", "hamlet", "locality", "area"})


def _unknown_villages(mentions: list[EventMention], places: dict[int, Location], context: tuple[str, ...],
                      story: tuple[Division, ...]) -> dict[int, PlaceFound]:
    """The event places the gazetteer does not know, by mention: a village named as the event's
    place ("gunmen killed the people in Zakuna village", "stormed a military post in the remote
    village of Sunke") is still where it happened, though it cannot be put on the map."""
    out: dict[int, PlaceFound] = {}
    for index, mention in enumerate(mentions):
        place = mention.place
        if place is None or mention.place_list is not None or mention.background or place.near:
            continue
        if index in places and places[index].evidence is not None \
                and (places[index].evidence.start, places[index].evidence.end) == (place.start, place.end):
            continue  # the gazetteer placed the name itself
        if geocode(place.text, context_countries=context, story_divisions=story) is not None:
            continue
        name = _village_name(place.text)
        if name and _called_a_settlement(mention, place):
            start = place.start + place.text.index(name)
            out[index] = PlaceFound(name, start, start + len(name))
    return out


def _called_a_settlement(mention: EventMention, place: PlaceFound) -> bool:
    """Whether the text calls the name a settlement: "Zakuna village", "the village of Sunke", "the
    Koutougou military outpost" (`settlement_nouns` of `data/places/cues.toml`); a name it does not
    call one may be anything the parser took for a place (a person, a bill, a holiday)."""
    nouns = place_cues()["settlement_nouns"]
    sentence, offset = mention.sentence.text, mention.sentence.start
    before = sentence[:max(0, place.start - offset)].lower().split()
    after = sentence[max(0, place.end - offset):].lower().replace(",", " , ").split()
    own = place.text.lower().split()
    if own and own[-1] in nouns:
        return True
    if len(before) >= 2 and before[-1] == "of" and before[-2] in nouns:
        return True
    return any(word in nouns for word in after[:2]) and not any(names_landmark(word) for word in after[:2])


def _village_name(text: str) -> str | None:
    """The name of a place the gazetteer lacks, as the text writes it, when it reads as a place's
    name: capitalised words, not an acronym, a landmark, a people or a country's government."""
    words = text.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    while len(words) > 1 and words[-1].lower() in _VILLAGE_WORDS:
        words = words[:-1]
    if not words or len(words) > 4 or not words[0][:1].isupper():
        return None
    name = " ".join(words)
    if (name.isupper() and len(name.replace(".", "")) <= 5) or names_landmark(name) \
            or country_of(name) or government_of(name) is not None or any(ch.isdigit() for ch in name):
        return None
    return name


def _unlocated(village: PlaceFound, area: Location) -> Location:
    """A village the gazetteer lacks, in the area the report or the story gives: its name as the
    text writes it, the area's country, province and point. ACLED's precision 2 when the area is a
    province or a town near it, 3 when only the country is known."""
    return Location(
        name=village.text, mention=village.text, country=area.country, country_code=area.country_code,
        admin1=area.admin1 if area.feature != "country" else None, lat=area.lat, lon=area.lon,
        precision=3 if area.feature == "country" else 2, feature="unlocated", geonameid=None,
        evidence=Evidence(village.start, village.end, village.text))


def _dominant_place(places: dict[int, Location]) -> Location | None:
    """The place most of the article's events are set in (used for 'in the area')."""
    if not places:
        return None
    counts = Counter((loc.name, loc.country_code) for loc in places.values())
    if len(counts) > 1 or counts.most_common(1)[0][1] < 2:
        # Several places in the story, or one named only once (perhaps a destination or a
        # reference point): an unplaced report stays unplaced rather than misplaced.
        return None
    (name, code), _ = counts.most_common(1)[0]
    return next(loc for loc in places.values() if (loc.name, loc.country_code) == (name, code))


def _claimant_seat(mentions: list[EventMention], context: tuple[str, ...]) -> Location | None:
    """'Government officials in Kunar province said ...': when the report names no place of its
    own, local officials speak for where it happened. A capital or a country says nothing of the
    place (national officials speak for the whole country)."""
    for mention in mentions:
        claimant, evidence = mention.claimant, mention.claimant_evidence
        if not claimant or evidence is None:
            continue
        match = _SEAT.search(claimant)
        if match is None:
            continue
        name = match.group(1)
        location = geocode(name, context_countries=context)
        if location is None or location.feature == "country" or government_of(name) is not None:
            continue
        start = evidence.start + match.start(1)
        location.mention = name
        location.evidence = Evidence(start, start + len(name), name)
        return location
    return None


def _build_event(event_id, group, places, default_place, article, statements, context, previous_place=None, previous_region=None) -> Event:
    mentions = [m for _, m in group]
    lead = lead_mention(mentions)
    # The most precise place any report gives ("kidnapped in Kenya" then "in the Dadaab complex").
    located = [places[i] for i, _ in group if i in places]
    # (a province before the country when both are as wide: "North Kivu" before "eastern Congo";
    # among towns, the first report's: "an attack south of Harib" before the "battles in Marib" told later)
    location = min(located, key=lambda loc: ((loc.precision or 3) > 2, loc.feature == "country")) if located else None
    if location is None:
        location = _claimant_seat(mentions, context)
    if location is None and previous_place is not None and any(_SAME_AREA.search(m.sentence.text) for m in mentions):
        location = previous_place  # "killed in mine explosions in the area": the area just reported
    if location is None and previous_region is not None and any(_SAME_REGION.search(m.sentence.text) for m in mentions):
        location = previous_region
    if location is None and not lead.background:
        location = default_place
    # A day only known as when someone spoke ("officials said Monday") yields to a day the
    # event itself is given ("on Saturday afternoon").
    # The most precise day wins ("at the weekend", then "on Sunday morning").
    rank = {"day": 0, "week": 1, "month": 2, "year": 3}
    told = [m for m in mentions if m.date and m.date_precision != "said"]
    dated = min(told, key=lambda m: rank.get(m.date_precision, 4)) if told \
        else next((m for m in mentions if m.date), None)
    event = Event(
        id=event_id,
        event_type=lead.event_type,
        sub_event_type=lead.sub_event_type,
        confidence=round(lead.confidence, 3),
        location=location,
        trigger=lead.trigger,
        background=all(m.background for m in mentions),
        evidence=sorted({(e.start, e.end): e for m in mentions for e in [m.sentence, *m.extra_sentences]}.values(), key=lambda e: e.start),
    )
    if dated is not None:
        event.date, event.date_precision, event.date_evidence = dated.date, dated.date_precision, dated.date_evidence
        if event.date_precision == "said":
            event.date_precision = "day"
    elif article.published and not event.background:
        # Undated news reports the day's events: the publication date, marked as such.
        event.date, event.date_precision = article.published[:10], "publication"
    starts = [p.start for p in article.paragraphs]
    for mention in mentions:
        claimant, claimant_ev = mention.claimant, mention.claimant_evidence
        for found in mention.figures:
            if found.claimant is None and claimant is not None and not found.settled:
                found.claimant, found.claimant_evidence = claimant, claimant_ev
            if found.claimant is None and found.hedged:
                found.claimant, found.claimant_evidence = _neighbour_speaker(found.evidence.start, statements, starts)
            sentence = next((e for e in [mention.sentence, *mention.extra_sentences]
                             if e.start <= found.evidence.start < e.end), mention.sentence)
            _add_figure(event.figures, found, sentence)
            if found.settled and found.claimant and found.claimant not in event.claimants:
                event.claimants.append(found.claimant)  # the source of a toll told after the event
        if claimant and claimant not in event.claimants:
            event.claimants.append(claimant)
        for actor in mention.actors:
            _add_actor(event.actors, actor, context, event.event_type)
    order = escalation()
    if event.sub_event_type in order[2:] and any(f.kind == "killed" and not f.background for f in event.figures):
        # People killed at a demonstration whose demonstrators were not violent: lethal force was
        # used on them (ACLED's Excessive force against protesters; iq-nasiriyah-bridge-*,
        # sd-khartoum-sit-in-*, us-charlottesville-car-plows-*).
        event.sub_event_type = order[1]
    return event


def _neighbour_speaker(position: int, statements: list[Statement], starts: list[int]) -> tuple[str | None, Evidence | None]:
    """A hedged report with no source of its own takes the speaker of the next statement in the
    same paragraph ("So far, they are said to have evacuated 469 people. The ministry said ...").
    An earlier speaker is not taken: a paragraph's lead sentence is often an unsourced summary."""
    paragraph = bisect.bisect_right(starts, position)
    best = None
    for statement in statements:
        if statement.sentence is None or statement.speaker is None:
            continue
        if bisect.bisect_right(starts, statement.sentence.start) != paragraph:
            continue
        if statement.sentence.start <= position:
            continue
        distance = statement.sentence.start - position
        if best is None or distance < best[0]:
            best = (distance, statement)
    if best is None:
        return None, None
    return best[1].speaker, best[1].speaker_evidence


def _fill_same_kind(found: list[FigureFound], before: list[FigureFound]) -> None:
    """"The police put the number at 8,000": a count of the same kind as the figure told before it
    (the crowd, the dead); with none before it, it counts nothing known and is dropped."""
    kinds = [f.kind for f in before if f.kind != SAME_KIND]
    for figure in list(found):
        if figure.kind == SAME_KIND:
            if kinds:
                figure.kind = kinds[-1]
            else:
                found.remove(figure)
        else:
            kinds.append(figure.kind)


def _add_figure(figures: list[Figure], found: FigureFound, sentence: Evidence | None = None) -> None:
    """One figure per (kind, count, claimant); an unattributed repeat joins an attributed one."""
    if found.kind == SAME_KIND:
        kinds = [f.kind for f in figures if f.kind != SAME_KIND]
        if not kinds:
            return
        found.kind = kinds[-1]
    for existing in figures:
        if found.part and existing.part and existing.sentence == sentence and existing.evidence != found.evidence:
            continue  # two parts of one breakdown with the same count: "two soldiers and two policemen"
        # (a count of people of no stated side restates a part of the same number: "six suspected
        # militants were killed ... the six"; two groups with the same count are two parts)
        if existing.kind == found.kind and existing.count == found.count \
                and (existing.group == found.group or "total" in (existing.group, found.group)):
            if existing.group == "total":
                existing.group = found.group
            if existing.claimant == found.claimant or found.claimant is None:
                existing.civilians = existing.civilians if existing.civilians is not None else found.civilians
                existing.children = existing.children if existing.children is not None else found.children
                return
            if existing.claimant is None:
                # "25 are said to have been killed" then "killed 25, according to X": X's claim, as X makes it.
                existing.claimant, existing.claimant_evidence = found.claimant, found.claimant_evidence
                existing.civilians = existing.civilians if existing.civilians is not None else found.civilians
                existing.children = existing.children if existing.children is not None else found.children
                existing.hedged, existing.evidence, existing.sentence = found.hedged, found.evidence, sentence or existing.sentence
                return
    figures.append(Figure(
        kind=found.kind, count=found.count, low=found.low, high=found.high,
        civilians=found.civilians, children=found.children, claimant=found.claimant,
        claimant_evidence=found.claimant_evidence, hedged=found.hedged, background=found.background,
        evidence=found.evidence, sentence=sentence, group=found.group, part=found.part,
    ))


def _add_actor(actors: list[Actor], found, context: tuple[str, ...], event_type: str | None = None) -> None:
    info = normalize(found.text, context_country=context[0] if context else None, role=found.role, event_type=event_type)
    if event_type in VIOLENT and info.actor_type == "state" and info.country:
        # A state fighting is its armed forces ("Azerbaijan launched an operation"), as ACLED codes it.
        info = normalize(f"{found.text} forces", context_country=info.country)
    for existing in actors:
        if existing.role == found.role and (existing.name == info.name or same_name(existing.name, info.name)):
            return
    actors.append(Actor(
        name=info.name, role=found.role, mention=found.text, actor_type=info.actor_type,
        inter_code=info.inter_code, country=info.country,
        evidence=Evidence(found.start, found.end, found.text),
    ))
