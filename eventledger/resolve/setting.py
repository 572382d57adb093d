"""The town a story is set in, for events it reports without naming their place again.

A story about one town names it again and again ("in Jiribam town", "shops in Jiribam", "Jiribam
police"), while a report that follows ("a mob torched vehicles") does not. The candidates are the
towns among the story's place names (`extraction/places/settings.py`) in the country it is most about; each is counted by how often the article writes its name, however used (a capital only
where it names a place: "Baku said" is its government). The setting is the town counted most, at
least twice and more often than any other town, known or not: a village the gazetteer lacks may be
what the story is about ("Goma" in a story told of Pinga). A story of two towns, or of one town named once in
passing, has no setting: its unplaced events stay unplaced rather than misplaced."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from anyascii import anyascii

from ..extraction.mentions import SettingName
from ..knowledge.capitals import government_of
from ..knowledge.gazetteer import Division, geocode
from ..knowledge.place_words import names_landmark
from ..records import Evidence, Location

MIN_MENTIONS = 2


def story_setting(names: list[SettingName], text: str, context: tuple[str, ...],
                  divisions: tuple[Division, ...] = (), lead_end: int | None = None) -> Location | None:
    """The town the story is set in (precision 2: the event's own report does not name it), or None.
    `text` is the article's; `context` its countries, most talked about first; `lead_end` where its
    first paragraph ends: a capital is the setting only when the lead names it as a place (a story of
    talks abroad names Khartoum often, as the war's, not as where the protest outside happened)."""
    if not names or not context:
        return None
    spans: Counter[tuple[str, str]] = Counter()
    first: dict[tuple[str, str], tuple[Location, SettingName]] = {}
    unknown: set[str] = set()
    # "Catatumbo", once written "the Catatumbo region", is a region: no rival to a town
    regions = {name.text.rsplit(" ", 1)[0] for name in names if name.level == 1 and " " in name.text
               and name.text.rsplit(" ", 1)[1].islower()}
    for name in names:
        location = geocode(name.text, context_countries=context, story_divisions=divisions)
        if location is None and name.level == 0 and name.text not in regions:
            unknown.add(name.text)  # a village the gazetteer lacks may be what the story is about
        if location is None or location.feature != "city" or location.country_code != context[0]:
            continue
        town = (location.name, location.country_code)
        spans[town] += 1
        first.setdefault(town, (location, name))
    if lead_end is not None:
        first = {town: (loc, name) for town, (loc, name) in first.items()
                 if not government_of(name.text) or name.start < lead_end}
    folded = anyascii(text)
    counts = Counter({town: spans[town] if government_of(name.text) else max(spans[town], _written(folded, loc, name))
                      for town, (loc, name) in first.items()})
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < MIN_MENTIONS or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    if any(_count(folded, anyascii(name)) >= ranked[0][1] for name in unknown):
        return None  # "Goma" in a story told of Pinga, which the gazetteer does not know
    location, name = first[ranked[0][0]]
    return replace(location, mention=name.text, evidence=Evidence(name.start, name.end, name.text),
                   precision=max(location.precision or 1, 2))


def _written(folded_text: str, location: Location, name: SettingName) -> int:
    """How often the article writes the town's name, as the gazetteer or the story spells it."""
    forms = {anyascii(location.name), anyascii(location.mention or name.text)}
    return max(_count(folded_text, form) for form in forms if form)


def _count(folded_text: str, form: str) -> int:
    return len(re.findall(rf"(?<![\w-]){re.escape(form)}(?![\w-])", folded_text))


def setting_fits(setting: Location, named: list[tuple[str, int]], context: tuple[str, ...]) -> bool:
    """Whether an unplaced event may take the story's setting, given the places its reports did
    name (text, level) that placed nothing: not when one is in another country ("a strike in south
    Lebanon" in a story whose most named town is in Israel), nor when one is a town or village the
    gazetteer lacks (it happened there). A region the gazetteer lacks says nothing against it."""
    for text, level in named:
        if names_landmark(text):
            continue  # "along Kenyatta Avenue": a street of the town, no rival to it
        location = geocode(text, context_countries=context)
        if location is not None and location.country_code != setting.country_code:
            return False
        if location is None and level == 0:
            return False
    return True
