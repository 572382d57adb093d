"""Merging reports across outlets, on stand-in extractions (exact, independent of the extractors)."""

from __future__ import annotations

import math
import random

import pytest

from eventledger.ingest.decode import content_id
from eventledger.ledger import Ledger
from eventledger.merge.figures import aggregate, lower_median
from eventledger.records import (
    Actor, Article, DocResult, Event, Evidence, Extraction, Figure, Location, RawDocument, Statement,
)

STRIKE = dict(event_type="Explosions/Remote violence", sub="Air/drone strike", place="Kunar", cc="AF",
              country="Afghanistan", lat=34.9, lon=71.1, precision=3)


def _ev(text: str, needle: str) -> Evidence | None:
    if needle not in text:
        return None
    start = text.index(needle)
    return Evidence(start, start + len(needle), needle)


def report(text: str, outlet: str, published: str, events: list[dict]) -> DocResult:
    """A DocResult as the pipeline would give it, for one article with these events."""
    doc_id = content_id(text)
    out = []
    for number, e in enumerate(events, start=1):
        lead = e.get("sentence") or text.splitlines()[-1]
        location = Location(name=e["place"], country=e.get("country"), country_code=e["cc"], admin1=e.get("admin1"),
                            lat=e.get("lat"), lon=e.get("lon"), precision=e.get("precision", 1)) if e.get("place") else None
        figures = [Figure(kind=kind, count=count, claimant=claimant, hedged=hedged, evidence=_ev(text, str(count)))
                   for kind, count, claimant, hedged in e.get("figures", [])]
        out.append(Event(id=f"E{number}", event_type=e["event_type"], sub_event_type=e["sub"], confidence=0.8,
                         date=e.get("date"), date_precision=e.get("precision_date", "day"), location=location,
                         actors=[Actor(name=name, role=role) for name, role in e.get("actors", [])], figures=figures,
                         claimants=[f.claimant for f in figures if f.claimant], evidence=[_ev(text, lead)],
                         background=e.get("background", False)))
    title = text.splitlines()[0]
    extraction = Extraction(article=Article(text=text, title=title, published=published, outlet=outlet), events=out,
                            statements=[Statement(speaker="officials", kind="claim", text=title, evidence=_ev(text, title))],
                            doc_id=doc_id)
    return DocResult(doc_id, RawDocument(text, outlet=outlet, published=published, doc_id=doc_id), extraction,
                     source=f"{outlet}.txt")


def kunar_story() -> list[DocResult]:
    a = "Air strike kills 11\nA coalition air strike killed 11 civilians in Kunar province on Saturday, Afghan officials said."
    b = "Strike kills 12\nA NATO air strike killed 12 civilians in Kunar province on Saturday, the governor said."
    c = "Villagers bury dead\nAn air strike killed 10 civilians in Kunar province on Saturday, the district chief said."
    d = "Wire copy\nA coalition air strike killed 11 civilians in Kunar province on Saturday, Afghan officials said, the agency reported."
    kabul = "Protest in Kabul\nThousands of people protested in Kabul on Sunday against the air strike in Kunar."
    zabul = "Car bomb in Zabul\nA car bomb killed five Americans in Zabul province on Saturday, officials said."
    return [
        report(a, "Outlet A", "2013-04-07", [dict(STRIKE, date="2013-04-06", actors=[("NATO", "actor1"), ("Civilians", "actor2")],
                                                  figures=[("killed", 11, "Afghan officials", False)])]),
        report(b, "Outlet B", "2013-04-07", [dict(STRIKE, date="2013-04-06", actors=[("NATO forces", "actor1")],
                                                  figures=[("killed", 12, "the governor", False)])]),
        report(c, "Outlet C", "2013-04-08", [dict(STRIKE, date="2013-04-08", precision_date="publication",
                                                  figures=[("killed", 10, "the district chief", False),
                                                           ("killed", 30, "residents", True)])]),
        report(d, "Outlet D", "2013-04-07", [dict(STRIKE, date="2013-04-06", actors=[("NATO", "actor1")],
                                                  figures=[("killed", 11, "Afghan officials", False)])]),
        report(kabul, "Outlet A", "2013-04-08", [dict(event_type="Protests", sub="Peaceful protest", place="Kabul", cc="AF",
                                                      lat=34.5, lon=69.2, date="2013-04-07")]),
        report(zabul, "Outlet B", "2013-04-07", [dict(STRIKE, sub="Remote explosive/landmine/IED", place="Zabul",
                                                      lat=32.1, lon=67.2, date="2013-04-06",
                                                      figures=[("killed", 5, "officials", False)])]),
    ]


def events_table(ledger: Ledger):
    rows = ledger.sql("SELECT * EXCLUDE (search_text) FROM events ORDER BY event_id").to_dict("records")
    # a NULL number reads back as a fresh NaN each time, and NaN != NaN: compare NULLs as None
    return [{k: None if isinstance(v, float) and math.isnan(v) else v for k, v in row.items()} for row in rows]


def test_a_multi_outlet_story_becomes_one_event_with_every_claim():
    docs = kunar_story()
    with Ledger(":memory:") as ledger:
        ledger.store(docs)
        strikes = ledger.events(sub_event_type="Air/drone strike", output="records")
        assert len(strikes) == 1
        (strike,) = strikes
        assert strike["n_reports"] == 4 and strike["outlets"] == ["Outlet A", "Outlet B", "Outlet C", "Outlet D"]
        assert strike["date"] == "2013-04-06" and strike["location"]["name"] == "Kunar"
        event = ledger.event(strike["id"])
        claims = {(c["claimant"], c["count"], c["hedged"]) for c in event["figures"]}
        assert claims == {("Afghan officials", 11, False), ("the governor", 12, False),
                          ("the district chief", 10, False), ("residents", 30, True)}
        assert all(c["outlet"] and c["article_id"] for c in event["figures"])
        killed = event["figure_estimates"]["killed"]
        # the syndicated "11, Afghan officials" counts once; the hedged 30 widens the range, not the best
        assert (killed["low"], killed["best"], killed["high"]) == (10, 11, 30)
        assert killed["conflicting"] and event["conflicting"]
        assert (strike["fatalities_low"], strike["fatalities_best"], strike["fatalities_high"]) == (10, 11, 30)
        assert {r["outlet"] for r in event["reports"]} == {"Outlet A", "Outlet B", "Outlet C", "Outlet D"}
        for sentence in event["evidence"]:
            text = ledger.article(sentence["article_id"])["article"]["text"]
            assert text[sentence["start"]:sentence["end"]] == sentence["text"]
        # the other events stay apart: another type (protest), another place (Zabul)
        assert ledger.count_events() == 3
        # a report id finds the event it was merged into
        assert ledger.event(event["reports"][-1]["report_id"])["id"] == strike["id"]


def test_merging_does_not_depend_on_the_order_of_ingestion():
    docs = kunar_story()
    with Ledger(":memory:") as first:
        first.store(docs)
        expected = events_table(first)
    shuffled = docs[:]
    random.Random(7).shuffle(shuffled)
    with Ledger(":memory:") as second:
        for doc in shuffled:  # one at a time: incremental merges
            second.store([doc])
        assert events_table(second) == expected
        second.merge(full=True)
        assert events_table(second) == expected


def test_reports_too_far_apart_in_time_or_space_stay_apart():
    text = "Strike\nAn air strike killed 4 people in Kunar, officials said."
    other = "Strike again\nAn air strike killed 4 people in Kunar, officials said on Friday."
    far = "Strike far\nAn air strike killed 4 people in Kunar, officials said, in another district."
    docs = [
        report(text, "A", "2013-04-07", [dict(STRIKE, place="Asadabad", precision=1, admin1="Kunar", date="2013-04-06",
                                             figures=[("killed", 4, "officials", False)])]),
        report(other, "B", "2013-04-20", [dict(STRIKE, place="Asadabad", precision=1, admin1="Kunar", date="2013-04-19",
                                               figures=[("killed", 4, "officials", False)])]),
        report(far, "C", "2013-04-07", [dict(STRIKE, place="Barikot", precision=1, admin1="Kunar", lat=35.3, lon=71.5,
                                             date="2013-04-06", figures=[("killed", 4, "officials", False)])]),
    ]
    with Ledger(":memory:") as ledger:
        ledger.store(docs)
        assert ledger.count_events() == 3


def test_two_events_of_one_article_are_never_merged():
    text = "Two strikes\nTwo air strikes hit Kunar on Saturday, officials said."
    doc = report(text, "A", "2013-04-07", [dict(STRIKE, date="2013-04-06"), dict(STRIKE, date="2013-04-06")])
    with Ledger(":memory:") as ledger:
        ledger.store([doc])
        assert ledger.count_events() == 2


def test_aggregate_ucdp_style():
    claims = [
        {"doc_id": "a", "local_id": "E1", "kind": "killed", "count": 11, "claimant": "officials", "civilians": 11},
        {"doc_id": "a", "local_id": "E1", "kind": "killed", "count": 6, "claimant": "officials"},  # same report: max
        {"doc_id": "b", "local_id": "E1", "kind": "killed", "count": 11, "claimant": "Officials"},  # syndicated
        {"doc_id": "c", "local_id": "E1", "kind": "killed", "count": 20, "claimant": "Taliban"},
        {"doc_id": "d", "local_id": "E1", "kind": "killed", "count": None, "low": 5, "high": 8, "claimant": None},
        {"doc_id": "e", "local_id": "E1", "kind": "killed", "count": 100000, "background": True},
        {"doc_id": "e", "local_id": "E1", "kind": "injured", "count": 3, "hedged": True},
    ]
    out = aggregate(claims)
    killed = out["killed"]
    assert (killed["low"], killed["high"]) == (5, 20)
    assert killed["best"] == 11  # distinct firm values 11, 20, 5 -> median 11
    assert killed["n_claims"] == 4 and killed["conflicting"] and killed["civilians_best"] == 11
    assert out["injured"]["best"] == 3  # every claim hedged: they still give a best
    assert lower_median([1, 2, 3, 4]) == 2 and lower_median([]) is None


@pytest.mark.parametrize("fmt", ["records", "pandas", "polars"])
def test_outputs(fmt):
    if fmt == "polars":
        pytest.importorskip("polars")
    with Ledger(":memory:") as ledger:
        ledger.store(kunar_story())
        out = ledger.events(output=fmt, limit=2)
        assert len(out) == 2
        for table in (ledger.articles(output=fmt), ledger.statements(output=fmt), ledger.errors(output=fmt)):
            assert len(table) >= 0


def _kunar_reports(vague: str) -> list:
    town = "Strike in Asadabad\nA NATO air strike killed 7 people in Asadabad on Saturday, police said."
    region = "Strike in Kunar\nAn air strike by NATO killed 7 people in Kunar province on Saturday, officials said."
    country = "Strike in Afghanistan\nA strike killed 7 people in eastern Afghanistan on Saturday."
    docs = [
        report(town, "A", "2013-04-07", [dict(STRIKE, place="Asadabad", precision=1, lat=34.87, lon=71.15,
                                             date="2013-04-06", actors=[("NATO", "actor1")],
                                             figures=[("killed", 7, "police", False)])]),
        report(region, "B", "2013-04-07", [dict(STRIKE, date="2013-04-06", actors=[("NATO", "actor1")],
                                               figures=[("killed", 7, "officials", False)])]),
        report(country, "C", "2013-04-07", [dict(STRIKE, place="Afghanistan", precision=3, lat=34.5, lon=69.2,
                                                date="2013-04-06", figures=[("killed", 7, None, False)])]),
        report(vague, "D", "2013-04-07", [dict(STRIKE, place="Afghanistan", precision=3, lat=34.5, lon=69.2,
                                              date="2013-04-06")]),
    ]
    docs[2].extraction.events[0].location.feature = "country"
    docs[3].extraction.events[0].location.feature = "country"
    return docs


def test_a_town_joins_the_region_around_it_and_a_country_level_report_joins_the_one_event_it_can_be():
    # "an air strike in Afghanistan on Saturday", with nothing else in common: it joins the one air
    # strike reported in Afghanistan that day ...
    docs = _kunar_reports("Raid\nAn air raid was reported on Saturday in the east of the country.")
    with Ledger(":memory:") as ledger:
        ledger.store(docs)
        events = ledger.events(output="records")
        assert [e["n_reports"] for e in events] == [4]
        assert events[0]["location_name"] == "Asadabad"  # the most precise place of its reports
        assert events[0]["outlets"] == ["A", "B", "C", "D"]
    # ... and none when another air strike was reported that day elsewhere in the country
    helmand = "Strike in Helmand\nAn air strike killed 3 people in Lashkar Gah on Saturday, police said."
    docs.append(report(helmand, "E", "2013-04-07", [dict(STRIKE, place="Lashkar Gah", precision=1, lat=31.59,
                                                         lon=64.37, date="2013-04-06",
                                                         figures=[("killed", 3, "police", False)])]))
    with Ledger(":memory:") as ledger:
        ledger.store(docs)
        events = ledger.events(output="records")
        assert sorted(e["n_reports"] for e in events) == [1, 1, 3]
        merged = next(e for e in events if e["n_reports"] == 3)
        assert merged["outlets"] == ["A", "B", "C"]  # the country-level report with a figure in common joins


def test_reports_without_a_place_merge_only_on_near_identical_sentences():
    same = ["Strike\nAn air strike killed 10 civilians, including several children, near the town on Saturday, police said.",
            "Strike two\nAn air strike killed 9 civilians, including several children, near the town on Saturday, officials said.",
            "Other\nAn air strike hit a wedding party on Saturday, killing guests."]
    docs = [report(text, f"O{n}", "2013-04-07", [dict(STRIKE, place=None, date="2013-04-06")]) for n, text in enumerate(same)]
    with Ledger(":memory:") as ledger:
        ledger.store(docs)
        assert sorted(e["n_reports"] for e in ledger.events(output="records")) == [1, 2]
