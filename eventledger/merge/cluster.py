"""Which reports (an article's events) tell of the same event: deterministic clustering.

Two reports are tied -- strongly -- when all of these hold:

1. **same block**: same ACLED `event_type` and country; neither is a background mention. Protests
   and Riots share a block (one outlet's peaceful protest is another's violent demonstration), and
   reports of the two types meet only when both are demonstrations (not mob violence);
2. **date window**: their date intervals overlap. A report's interval follows its precision:
   day +-1 day, `publication` (undated, the publication day) the 2 days before it and that day
   (to the end of the month when that day is the 1st: a month-only publication date, as URLs and
   many sites give it, stands as the 1st of its month), week +-7 days, month the month; a report
   with no date at all (its article has none) any day, but see the weak ties below; year-precision
   reports never merge;
3. **place**, at whatever precision each report gives it: the same gazetteer place (geonameid or
   name); two towns within 25 km; a province or region that contains a town (the same first-level
   division; a region without one: the town within 150 km of its centre); or a country-level
   place ("in eastern Afghanistan") with any place of that country. A report placed coarser than
   the other (a country, or a region that does not contain the town) needs more to join it:
   similar sentences (>= 0.3), or, both dated to the day (+-1), a figure in common or the same
   sub-event type with an actor in common or a close figure. When neither
   report has a place: near-identical sentences (>= 0.5) on the same day;
4. **different articles** (an article's own events were already told apart by the pipeline; but
   an article's demonstration reports at one place on overlapping days are one demonstration, as
   ACLED codes one per place and day, and enter the clustering as one, at the most escalated form;
   so is a demonstration report placed only at the country when the article's other
   demonstrations are at one town);
5. **actors, figures or text**: an actor in common (names folded, fuzzy >= 90), or similar report
   sentences (Jaccard of content words >= 0.2), or a figure in common or close to one (same kind,
   same victim group or one of them a total, numbers within 2 or 25%), or -- same place, same
   day, and neither names an actor;
   and not: both name actors, none in common, no figure in common or close, and the sentences
   differ (similarity < 0.3).

Two reports that meet 1-4 and whose actors do not differ, with a place in common at least at the
country level, but not what 3 or 5 ask for more, are tied **weakly** when their sub-types are the
same or can be two outlets' words for one act (`data/events/merge_acts.csv`: two demonstrations,
a suicide bomb and an IED, an attack and an abduction). A report with no date is tied weakly, and
only to reports at its town (within 25 km) or region. A weak tie joins only when the event is the
one either report can be: the two reports and every report tied to either (strongly or weakly)
are of different articles, have a common day that some report gives as the day of the event (not
only its publication date), and their towns lie within 25 km of each other. "An attack in Kenya
on Thursday" joins the one attack reported in Kenya that day, never one of two.

Pairs are scored (place, actor, text, figures, the same sub-event type, closeness in time) and
joined greedily, strong ties first, then weak ties, best score first (ties broken by report ids),
with three guards: a cluster never holds two reports of the same article, a protest never joins a
cluster that holds mob violence, and its members' date intervals keep a common day and its towns
stay within 25 km of each other. The result does not depend on the order in which reports were
stored.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from rapidfuzz import fuzz

from ..data import shipped_rows

MAX_KM = 25.0  # two towns: the same event's place
REGION_KM = 150.0  # a region's centre and a town in it
PROVINCE_KM = 400.0  # a province's centre and a town of it (a sanity bound on the gazetteer's divisions)
_WORD = re.compile(r"[a-z0-9]+")
_STOP = frozenset("""
a about after against all also an and are as at be been before but by during from had has have he her his
in into is it its killed said says say that the their them there they this to was were what when where which
while who will with would on of for or not no more than other over some such only then these those according
""".split())
_ACTOR_ROLES = ("actor1", "actor2", "associate", "assoc_actor_1", "assoc_actor_2", "target")


# Event types whose reports share a block: one demonstration is told as a peaceful protest by one
# outlet and as a violent demonstration (ACLED's Riots) by another; it is one event per place and day.
BLOCK_TYPES = {"Protests": "Protests/Riots", "Riots": "Protests/Riots"}


@lru_cache(maxsize=1)
def acts() -> dict[str, str]:
    """Sub-event type -> the act it tells (`data/events/merge_acts.csv`)."""
    return {row["sub_event_type"]: row["act"] for row in shipped_rows("events/merge_acts.csv")}


@lru_cache(maxsize=1)
def demonstrations() -> tuple[str, ...]:
    """The demonstration sub-types, least to most escalated."""
    rows = [r for r in shipped_rows("events/merge_acts.csv") if r["act"] == "demonstration"]
    return tuple(r["sub_event_type"] for r in sorted(rows, key=lambda r: int(r["escalation"])))


MERGE_VERSION = "2"  # the clustering rules' version: a ledger merged by other rules is merged again whole


def block_of(report: dict[str, Any]) -> str:
    """The merge block: reports of different blocks never merge (and blocks merge independently)."""
    event_type = report.get("event_type") or ""
    return f"{BLOCK_TYPES.get(event_type, event_type)}|{report.get('country_code') or ''}"


def block_sql(alias: str = "r") -> str:
    """`block_of` as a SQL expression over a reports table aliased `alias`."""
    cases = " ".join(f"WHEN '{t}' THEN '{b}'" for t, b in sorted(BLOCK_TYPES.items()))
    return (f"CASE coalesce({alias}.event_type, '') {cases} ELSE coalesce({alias}.event_type, '') END"
            f" || '|' || coalesce({alias}.country_code, '')")


UNDATED = (date.min.toordinal(), date.max.toordinal())  # the interval of a report with no date at all


def interval(report: dict[str, Any]) -> tuple[int, int] | None:
    """The report's date as an interval of ordinal days (`UNDATED` when it has no date), or None
    when it cannot merge on dates (a background mention, a year)."""
    if report.get("background"):
        return None
    text = report.get("date")
    if not text:
        return UNDATED
    try:
        day = date.fromisoformat(str(text)[:10])
    except ValueError:
        return None
    precision = report.get("date_precision") or "day"
    d = day.toordinal()
    if precision == "day":
        return d - 1, d + 1
    if precision == "publication":
        if day.day == 1:  # a month-only publication date ("2017-08" in a URL) is given as the 1st
            return d - 2, _month_end(day)
        return d - 2, d
    if precision == "week":
        return d - 7, d + 7
    if precision == "month":
        return day.replace(day=1).toordinal(), _month_end(day)
    return None


def _month_end(day: date) -> int:
    """The ordinal of the last day of the day's month."""
    return (day.replace(day=1) + timedelta(days=32)).replace(day=1).toordinal() - 1


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))


def _fold(name: Any) -> str:
    return " ".join(_WORD.findall(str(name).casefold())) if name else ""


@dataclass
class _Prepared:
    report: dict[str, Any]
    rid: str
    doc: str
    lo: int
    hi: int
    day: int | None
    place: str
    geonameid: Any
    point: tuple[float, float] | None
    scale: str  # town | region | country | none
    actors: frozenset[str]
    words: frozenset[str]
    figures: frozenset[tuple[str, int]]
    sub: str = ""
    admin1: str = ""
    tolls: tuple[tuple[str, str, int], ...] = ()  # (kind, group, value) of its non-background figures
    event_type: str = ""
    also: tuple[dict[str, Any], ...] = ()  # the article's other reports of the same demonstration

    @property
    def precise(self) -> bool:
        return self.scale == "town"

    @property
    def undated(self) -> bool:
        return (self.lo, self.hi) == UNDATED


def _scale(report: dict[str, Any], point) -> str:
    if not report.get("location_name"):
        return "none"
    feature = (report.get("feature") or "").lower()
    precision = report.get("geo_precision")
    if feature == "country" or (report.get("country") and _fold(report.get("location_name")) == _fold(report.get("country"))):
        return "country"
    if point is None:
        return "region"
    if feature in ("region", "unlocated") or (precision is not None and int(precision) >= 3):
        return "region"  # (a village the gazetteer lacks stands at its area's point: no town's)
    return "town"


def _prepare(report: dict[str, Any], span: tuple[int, int]) -> _Prepared:
    lat, lon = report.get("lat"), report.get("lon")
    point = (float(lat), float(lon)) if lat is not None and lon is not None else None
    actors = frozenset(_fold(a.get("name")) for a in report.get("actors") or []
                       if a.get("name") and (a.get("role") or "actor1") in _ACTOR_ROLES)
    actors = frozenset(a for a in actors if a)
    words = frozenset(w for w in _WORD.findall((report.get("evidence_text") or report.get("summary") or "").casefold())
                      if len(w) > 3 and w not in _STOP)
    figures = frozenset((f.get("kind"), int(f["count"])) for f in report.get("figures") or []
                        if f.get("count") is not None and not f.get("background"))
    tolls = tuple(sorted((f.get("kind") or "", f.get("group") or "total", int(f["count"]))
                         for f in report.get("figures") or [] if f.get("count") is not None and not f.get("background")))
    day = None
    if report.get("date_precision") in ("day", None) and report.get("date"):
        day = (span[0] + span[1]) // 2
    return _Prepared(report, report["report_id"], report["doc_id"], span[0], span[1], day,
                     _fold(report.get("location_name")), report.get("geonameid"), point, _scale(report, point),
                     actors, words, figures, report.get("sub_event_type") or "", _fold(report.get("admin1")), tolls,
                     report.get("event_type") or "")


def _demonstrations_of_articles(prepared: list[_Prepared]) -> list[_Prepared]:
    """An article's demonstration reports at one place whose dates overlap are one demonstration
    (ACLED's unit: one per place and day; an article that tells a march and its dispersal may
    report them as two sub-types): they enter the clustering as one, at the most escalated form.
    A report placed only at the country (it names no place) belongs to the article's one town."""
    out: list[_Prepared] = []
    groups: dict[tuple[str, str, Any], list[_Prepared]] = {}
    for p in prepared:
        if p.sub in demonstrations() and p.scale != "none":
            groups.setdefault((p.doc, p.place, p.geonameid), []).append(p)
        else:
            out.append(p)
    # a demonstration report only at the country level (no place of its own), in an article whose
    # demonstrations are at one town, is that town's: the article tells of one place
    for doc in {key[0] for key in groups}:
        keys = [key for key in groups if key[0] == doc]
        towns = [key for key in keys if groups[key][0].scale != "country"]
        if len(towns) == 1:
            for key in keys:
                if key != towns[0] and groups[key][0].scale == "country":
                    groups[towns[0]] += groups.pop(key)
    for parts in groups.values():
        parts.sort(key=lambda p: (p.lo, p.rid))
        unit = [parts[0]]
        for p in parts[1:]:
            if p.lo <= min(u.hi for u in unit):
                unit.append(p)
            else:
                out.append(_unite(unit))
                unit = [p]
        out.append(_unite(unit))
    return out


_SCALES = ("town", "region", "country", "none")


def _unite(parts: list[_Prepared]) -> _Prepared:
    if len(parts) == 1:
        return parts[0]
    parts = sorted(parts, key=lambda p: (_SCALES.index(p.scale), p.rid))  # the most precise place first
    lead = max(parts, key=lambda p: demonstrations().index(p.sub))
    first = parts[0]
    days = [p.day for p in parts if p.day is not None]
    return replace(first, lo=max(p.lo for p in parts), hi=min(p.hi for p in parts), day=days[0] if days else None,
                   actors=frozenset().union(*(p.actors for p in parts)), words=frozenset().union(*(p.words for p in parts)),
                   figures=frozenset().union(*(p.figures for p in parts)),
                   tolls=tuple(sorted({t for p in parts for t in p.tolls})), sub=lead.sub, event_type=lead.event_type,
                   also=tuple(p.report for p in parts[1:]))


def _same_actor(a: frozenset[str], b: frozenset[str]) -> bool:
    if a & b:
        return True
    return any(fuzz.token_set_ratio(x, y) >= 90 for x in a for y in b)


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def _place_score(a: _Prepared, b: _Prepared) -> float:
    """1 the same place, 0.8 two towns within 25 km, 0.7 a province and a town of it, 0.5 a region
    and a town near its centre, 0.3 a country-level place and any other (or a region and a region
    of it), 0.2 two reports without a place, 0 apart."""
    if a.scale == "none" or b.scale == "none":
        return 0.2 if a.scale == b.scale else 0.0  # neither says where: only near-identical sentences
    if a.scale == "country" or b.scale == "country":
        return 0.3  # "in Afghanistan" says little about where
    if (a.geonameid is not None and a.geonameid == b.geonameid) or (a.place and a.place == b.place):
        return 1.0
    if a.precise and b.precise:
        return 0.8 if a.point and b.point and km(a.point, b.point) <= MAX_KM else 0.0
    if a.precise or b.precise:
        town, area = (a, b) if a.precise else (b, a)
        if town.admin1 and area.admin1:  # both know their province: the area holds the town, or not
            return 0.7 if town.admin1 == area.admin1 and _near(town, area, PROVINCE_KM) else 0.0
        return 0.5 if _near(town, area, REGION_KM) else 0.0
    if a.admin1 and a.admin1 == b.admin1:
        return 0.3  # a province and a district or area of it
    return 0.0  # two different regions


def _near(a: _Prepared, b: _Prepared, limit: float) -> bool:
    return a.point is not None and b.point is not None and km(a.point, b.point) <= limit


def _figure_match(a: _Prepared, b: _Prepared) -> float:
    """1 a figure in common (same kind and number), 0.5 a close one (same kind, the same victim
    group or one of them a total, numbers within 2 or 25%: "11 civilians" and "10 children and
    a woman"), 0 none."""
    if a.figures & b.figures:
        return 1.0
    for kind, group, value in a.tolls:
        for other_kind, other_group, other in b.tolls:
            if kind != other_kind or (group != other_group and "total" not in (group, other_group)):
                continue
            if abs(value - other) <= max(2, 0.25 * max(value, other)):
                return 0.5
    return 0.0


def pair_score(a: _Prepared, b: _Prepared) -> float | None:
    """A score when the two reports may be the same event on what they share, else None."""
    verdict = judge(a, b)
    return verdict[1] if verdict is not None and verdict[0] == STRONG else None


STRONG, WEAK = "strong", "weak"


def judge(a: _Prepared, b: _Prepared) -> tuple[str, float] | None:
    """(STRONG, score) when the reports share enough to be one event; (WEAK, score) when nothing
    tells them apart but little ties them (a place and a day: they join only when that is the one
    event either can be, see `cluster_block`); None when they cannot be one event."""
    if a.doc == b.doc or a.lo > b.hi or b.lo > a.hi:
        return None
    if a.event_type != b.event_type and not _same_kind(a, b):
        return None  # types that cannot be one event
    place = _place_score(a, b)
    if place <= 0:
        return None
    actor = _same_actor(a.actors, b.actors) if a.actors and b.actors else None
    text = _jaccard(a.words, b.words)
    match = _figure_match(a, b)
    if actor is False and text < 0.3 and not match:
        return None
    same_sub = bool(a.sub) and a.sub == b.sub
    kind = _tie(a, b, place, actor, text, match, same_sub)
    if kind is None:
        return None
    closeness = 1.0 - min(abs((a.lo + a.hi) - (b.lo + b.hi)) / 2, 7) / 7
    return kind, round(place + (1.0 if actor else 0.0) + text + 0.5 * match + (0.3 if same_sub else 0.0)
                       + 0.5 * closeness, 6)


def _tie(a: _Prepared, b: _Prepared, place: float, actor: bool | None, text: float, match: float,
         same_sub: bool) -> str | None:
    """STRONG, WEAK or None for two reports that can meet (see `judge`)."""
    weak = WEAK if place >= 0.3 and (same_sub or _one_act(a, b)) else None
    if a.undated or b.undated:
        # No date to go by: at the same town (or one within 25 km) or region, the same act, and
        # only as the one event either can be ("five killed in Mogadishu" fits many events).
        return weak if place >= 0.7 else None
    figure = match >= 1.0
    same_day = a.day is not None and a.day == b.day
    if place < 0.3 and not (text >= 0.5 and (same_day or figure)):
        return None
    both_days = a.day is not None and b.day is not None and abs(a.day - b.day) <= 1
    if place < 0.5 and not (text >= 0.3 or (both_days and (figure or (same_sub and (actor or match))))):
        # a coarser place joins on what else the reports share: similar sentences, or the day both
        # give (+-1: the night) and a figure, or the sub-type and an actor or a close figure; else
        # only as the one event it can be ("25 killed" in a country, undated, fits more than one)
        return weak
    if not (actor or text >= 0.2 or match or (place >= 1.0 and same_day and not a.actors and not b.actors)):
        return weak
    return STRONG


def _one_act(a: _Prepared, b: _Prepared) -> bool:
    """Whether two sub-types can be two outlets' words for one act (`data/events/merge_acts.csv`):
    two demonstrations, a suicide bomb and an IED, an attack and an abduction. An air strike and an
    IED, an arrest and an agreement, a clash and a town taken are different occurrences."""
    act = acts().get(a.sub)
    return act is not None and act == acts().get(b.sub)


def _same_kind(a: _Prepared, b: _Prepared) -> bool:
    """The same event type, or two demonstrations (a block of two types: Protests and Riots)."""
    return a.event_type == b.event_type or (a.sub in demonstrations() and b.sub in demonstrations())


class _PlaceIndex:
    """The reports of a block by place: the same gazetteer place, or towns within 25 km."""

    CELL = 0.25  # degrees (about 28 km of latitude)

    def __init__(self, prepared: list[_Prepared]) -> None:
        self.prepared = prepared
        self.by_place: dict[Any, list[int]] = {}
        self.cells: dict[tuple[int, int], list[int]] = {}
        for i, p in enumerate(prepared):
            if p.scale == "none":
                continue
            self.by_place.setdefault(p.geonameid if p.geonameid is not None else p.place, []).append(i)
            if p.precise and p.point is not None:
                self.cells.setdefault(self._cell(p.point), []).append(i)

    def _cell(self, point: tuple[float, float]) -> tuple[int, int]:
        return math.floor(point[0] / self.CELL), math.floor(point[1] / self.CELL)

    def near(self, i: int) -> list[int]:
        """The reports at report i's place (a town or region: a country says too little without a date)."""
        p = self.prepared[i]
        if p.scale in ("none", "country"):
            return []
        found = set(self.by_place.get(p.geonameid if p.geonameid is not None else p.place, []))
        if p.precise and p.point is not None:
            row, col = self._cell(p.point)
            cos = max(math.cos(math.radians(p.point[0])), 0.05)
            span = math.ceil(MAX_KM / (111.0 * self.CELL * cos))
            dlat, dlon = MAX_KM / 111.0, MAX_KM / (111.0 * cos)  # a box around the town, then the distance
            for r in (row - 1, row, row + 1):
                for c in range(col - span, col + span + 1):
                    for j in self.cells.get((r, c), []):
                        q = self.prepared[j].point
                        if abs(q[0] - p.point[0]) <= dlat and abs(q[1] - p.point[1]) <= dlon \
                                and km(p.point, q) <= MAX_KM:
                            found.add(j)
        found.discard(i)
        return sorted(found)


def _only_event(prepared: list[_Prepared], group: set[int]) -> bool:
    """Whether the reports that two weakly tied reports could be one event with (themselves and
    all their possible partners) can all be one event: one report per article, a common day that
    some report gives as the day of the event, and their towns within 25 km of each other. A
    report that says little ("an attack in Kenya on Thursday") joins the one event it can be,
    never one of several."""
    members = [prepared[i] for i in group]
    return _one_place_and_day(members) and any(m.day is not None for m in members)


def _one_place_and_day(members: list[_Prepared]) -> bool:
    """One report per article, a common day, towns within 25 km of each other. (A group that
    fails this fails it with more reports in it too.)"""
    if len({m.doc for m in members}) < len(members):
        return False  # an article that tells two such events: which one is which is unknown
    dated = [m for m in members if not m.undated]
    if not dated or max(m.lo for m in dated) > min(m.hi for m in dated):
        return False
    points = list({m.point for m in members if m.precise and m.point is not None})
    if any(km(points[0], p) > MAX_KM for p in points[1:]):
        return False
    return all(km(p, q) <= MAX_KM for i, p in enumerate(points) for q in points[i + 1:])


@dataclass
class _Cluster:
    members: list[_Prepared]
    docs: set[str] = field(default_factory=set)
    lo: int = 0
    hi: int = 0
    points: list[tuple[float, float]] = field(default_factory=list)
    types: set[str] = field(default_factory=set)  # its reports' event types
    demonstration: bool = False  # all its reports are demonstrations


def _compatible(x: _Cluster, y: _Cluster) -> bool:
    if x.docs & y.docs:
        return False
    if not (x.types == y.types and len(x.types) == 1) and not (x.demonstration and y.demonstration):
        return False  # a protest never joins mob violence through a violent demonstration
    if max(x.lo, y.lo) > min(x.hi, y.hi):
        return False
    return all(km(p, q) <= MAX_KM for p in x.points for q in y.points)


def cluster_block(reports: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Cluster the reports of one block; clusters come out sorted by their smallest report id,
    members sorted by report id."""
    prepared: list[_Prepared] = []
    singles: list[dict[str, Any]] = []
    for report in reports:
        span = interval(report)
        if span is None:
            singles.append(report)
        else:
            prepared.append(_prepare(report, span))
    prepared = _demonstrations_of_articles(prepared)
    # undated reports last, each compared only with the reports at its own place (or a town near it)
    prepared.sort(key=lambda p: (p.undated, p.lo, p.rid))
    pairs: list[tuple[float, str, str, int, int]] = []
    weak: list[tuple[float, str, str, int, int]] = []
    partners: list[set[int]] = [set() for _ in prepared]

    def compare(i: int, j: int) -> None:
        a, b = prepared[i], prepared[j]
        verdict = judge(a, b)
        if verdict is not None:
            partners[i].add(j)
            partners[j].add(i)
            first, second = (i, j) if a.rid < b.rid else (j, i)
            (pairs if verdict[0] == STRONG else weak).append(
                (-verdict[1], prepared[first].rid, prepared[second].rid, first, second))

    dated = sum(1 for p in prepared if not p.undated)
    for i in range(dated):
        for j in range(i + 1, dated):
            if prepared[j].lo > prepared[i].hi:
                break
            compare(i, j)
    places = _PlaceIndex(prepared)
    for i in range(dated, len(prepared)):
        for j in places.near(i):
            if j < dated or j > i:
                compare(i, j)
    pairs.sort()
    weak.sort()
    alone: dict[int, bool] = {}  # whether a report and its partners can be one event (a union can only fail more)
    for tie in weak:
        i, j = tie[3], tie[4]
        for k in (i, j):
            if k not in alone:
                alone[k] = _one_place_and_day([prepared[m] for m in partners[k] | {k}])
        if alone[i] and alone[j] and _only_event(prepared, {i, j} | partners[i] | partners[j]):
            pairs.append(tie)
    owner = list(range(len(prepared)))
    clusters: dict[int, _Cluster] = {
        i: _Cluster([p], {p.doc}, p.lo, p.hi, [p.point] if p.precise else [], {p.event_type},
                    p.sub in demonstrations()) for i, p in enumerate(prepared)
    }

    def find(i: int) -> int:
        while owner[i] != i:
            owner[i] = owner[owner[i]]
            i = owner[i]
        return i

    for _, _, _, i, j in pairs:
        ri, rj = find(i), find(j)
        if ri == rj:
            continue
        x, y = clusters[ri], clusters[rj]
        if not _compatible(x, y):
            continue
        keep, gone = (ri, rj) if ri < rj else (rj, ri)
        merged = clusters[keep]
        other = clusters.pop(gone)
        merged.members.extend(other.members)
        merged.docs |= other.docs
        merged.lo, merged.hi = max(x.lo, y.lo), min(x.hi, y.hi)
        merged.points.extend(other.points)
        merged.types |= other.types
        merged.demonstration = x.demonstration and y.demonstration
        owner[gone] = keep
    out = [sorted((r for p in c.members for r in (p.report, *p.also)), key=lambda r: r["report_id"])
           for c in clusters.values()]
    out.extend([r] for r in singles)
    out.sort(key=lambda members: members[0]["report_id"])
    return out
