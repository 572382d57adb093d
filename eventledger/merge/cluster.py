"""Which reports (an article's events) tell of the same event: deterministic clustering.

Two reports can be the same event when all of these hold:

1. **same block**: same ACLED `event_type` and country; neither is a background mention;
2. **date window**: their date intervals overlap. A report's interval follows its precision:
   day +-1 day, `publication` (undated, the publication day) the 2 days before it and that day,
   week +-7 days, month the month; year-precision and undated reports never merge;
3. **place**, at whatever precision each report gives it: the same gazetteer place (geonameid or
   name); two towns within 25 km; a province or region that contains a town (the same first-level
   division; a region without one: the town within 150 km of its centre); or a country-level
   place ("in eastern Afghanistan") with any place of that country. A report placed coarser than
   the other (a country, or a region that does not contain the town) needs more to join it:
   similar sentences (>= 0.3), or a figure in common, or the same sub-event type on a common day
   with an actor in common or a close figure. When neither
   report has a place: near-identical sentences (>= 0.5) on the same day;
4. **different articles** (an article's own events were already told apart by the pipeline);
5. **actors, figures or text**: an actor in common (names folded, fuzzy >= 90), or similar report
   sentences (Jaccard of content words >= 0.2), or a figure in common or close to one (same kind,
   same victim group or one of them a total, numbers within 2 or 25%), or -- same place, same
   day, and neither names an actor;
   and not: both name actors, none in common, no figure in common or close, and the sentences
   differ (similarity < 0.3).

Pairs are scored (place, actor, text, figures, the same sub-event type, closeness in time) and
joined greedily, best score first (ties broken by report ids), with two
guards: a cluster never holds two reports of the same article, and its members' date intervals
keep a common day and its towns stay within 25 km of each other. The result does not depend on
the order in which reports were stored.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from rapidfuzz import fuzz

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


def block_of(report: dict[str, Any]) -> str:
    """The merge block: reports of different blocks never merge (and blocks merge independently)."""
    return f"{report.get('event_type') or ''}|{report.get('country_code') or ''}"


def interval(report: dict[str, Any]) -> tuple[int, int] | None:
    """The report's date as an interval of ordinal days, or None when it cannot merge on dates."""
    text = report.get("date")
    if not text or report.get("background"):
        return None
    try:
        day = date.fromisoformat(str(text)[:10])
    except ValueError:
        return None
    precision = report.get("date_precision") or "day"
    d = day.toordinal()
    if precision == "day":
        return d - 1, d + 1
    if precision == "publication":
        return d - 2, d
    if precision == "week":
        return d - 7, d + 7
    if precision == "month":
        first = day.replace(day=1)
        nxt = (first + timedelta(days=32)).replace(day=1)
        return first.toordinal(), nxt.toordinal() - 1
    return None


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

    @property
    def precise(self) -> bool:
        return self.scale == "town"


def _scale(report: dict[str, Any], point) -> str:
    if not report.get("location_name"):
        return "none"
    feature = (report.get("feature") or "").lower()
    precision = report.get("geo_precision")
    if feature == "country" or (report.get("country") and _fold(report.get("location_name")) == _fold(report.get("country"))):
        return "country"
    if point is None:
        return "region"
    if feature == "region" or (precision is not None and int(precision) >= 3):
        return "region"
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
                     actors, words, figures, report.get("sub_event_type") or "", _fold(report.get("admin1")), tolls)


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
    """A score when the two reports may be the same event, else None."""
    if a.doc == b.doc or a.lo > b.hi or b.lo > a.hi:
        return None
    place = _place_score(a, b)
    if place <= 0:
        return None
    actor = _same_actor(a.actors, b.actors) if a.actors and b.actors else None
    text = _jaccard(a.words, b.words)
    match = _figure_match(a, b)
    figure = match >= 1.0
    same_day = a.day is not None and a.day == b.day
    same_sub = bool(a.sub) and a.sub == b.sub
    if actor is False and text < 0.3 and not match:
        return None
    if place < 0.3 and not (text >= 0.5 and (same_day or figure)):
        return None
    if place < 0.5 and not (text >= 0.3 or figure or (same_sub and _one_day(a, b) and (actor or match))):
        return None  # a coarser place joins on what else the reports share: the day, the sub-type and more
    if not (actor or text >= 0.2 or match or (place >= 1.0 and same_day and not a.actors and not b.actors)):
        return None
    closeness = 1.0 - min(abs((a.lo + a.hi) - (b.lo + b.hi)) / 2, 7) / 7
    return round(place + (1.0 if actor else 0.0) + text + 0.5 * match + (0.3 if same_sub else 0.0) + 0.5 * closeness, 6)


def _one_day(a: _Prepared, b: _Prepared) -> bool:
    """The two reports can be of one day: both dated to the day (the same, give or take the
    night: +-1), or one dated to the day and the other undated in the days before its publication."""
    return max(a.lo, b.lo) <= min(a.hi, b.hi) and min(a.hi - a.lo, b.hi - b.lo) <= 2


@dataclass
class _Cluster:
    members: list[_Prepared]
    docs: set[str] = field(default_factory=set)
    lo: int = 0
    hi: int = 0
    points: list[tuple[float, float]] = field(default_factory=list)


def _compatible(x: _Cluster, y: _Cluster) -> bool:
    if x.docs & y.docs:
        return False
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
    prepared.sort(key=lambda p: (p.lo, p.rid))
    pairs: list[tuple[float, str, str, int, int]] = []
    for i, a in enumerate(prepared):
        for j in range(i + 1, len(prepared)):
            b = prepared[j]
            if b.lo > a.hi:
                break
            score = pair_score(a, b)
            if score is not None:
                first, second = (i, j) if a.rid < b.rid else (j, i)
                pairs.append((-score, prepared[first].rid, prepared[second].rid, first, second))
    pairs.sort()
    owner = list(range(len(prepared)))
    clusters: dict[int, _Cluster] = {
        i: _Cluster([p], {p.doc}, p.lo, p.hi, [p.point] if p.precise else []) for i, p in enumerate(prepared)
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
        owner[gone] = keep
    out = [sorted((p.report for p in c.members), key=lambda r: r["report_id"]) for c in clusters.values()]
    out.extend([r] for r in singles)
    out.sort(key=lambda members: members[0]["report_id"])
    return out
