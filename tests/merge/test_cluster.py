"""Which reports of different outlets are one event (`eventledger/merge/cluster.py`).

Real articles of the annotated corpus (train split; eval/news/articles, test data), run through
the pipeline and stored in a ledger, and reports written for these tests where the rule is exact."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest

from eventledger.ingest.decode import content_id
from eventledger.ledger import Ledger
from eventledger.merge.cluster import MERGE_VERSION, block_of, cluster_block, interval
from eventledger.pipeline import extract
from eventledger.records import DocResult, RawDocument

ARTICLES = Path(__file__).resolve().parents[2] / "eval" / "news" / "articles"


def _docs(names: list[str]) -> list[DocResult]:
    """Corpus articles through the pipeline, with their outlet and publication date (if known)."""
    docs = []
    for name in names:
        meta = json.loads((ARTICLES / f"{name}.meta.json").read_text("utf-8"))
        data = (ARTICLES / f"{name}.txt").read_bytes()
        published = meta.get("published") if meta.get("published_source") != "unknown" else None
        result = extract(data, published=published, url=meta.get("url"), outlet=meta.get("outlet"))
        doc_id = content_id(data)
        docs.append(DocResult(doc_id, RawDocument(data.decode("utf-8"), url=meta.get("url"), outlet=meta.get("outlet"),
                                                  published=published, doc_id=doc_id), result, source=name))
    return docs


def _stored(names: list[str]) -> tuple[dict[str, set[str]], list[dict]]:
    """{article: the ledger events of its reports} and the ledger's events, for corpus articles."""
    docs = _docs(names)
    by_doc = {doc.doc_id: doc.source for doc in docs}
    with Ledger(":memory:") as ledger:
        ledger.store(docs)
        links = ledger.sql("SELECT event_id, doc_id FROM event_reports").itertuples(index=False, name=None)
        events_of: dict[str, set[str]] = {}
        for event_id, doc_id in links:
            events_of.setdefault(by_doc[doc_id], set()).add(event_id)
        return events_of, ledger.events(output="records")


def _shared(events_of: dict[str, set[str]], names: list[str]) -> set[str]:
    return set.intersection(*(events_of[name] for name in names))


def test_one_demonstration_told_as_a_protest_and_as_a_riot_is_one_event_at_its_most_escalated_form():
    # Harare, 1 August 2018: two outlets tell soldiers firing on protesters (excessive force), a
    # third the protesters' violence (a violent demonstration, ACLED's Riots) and names no town
    names = ["zw-harare-post-election-protest-shooting-2018-dailythepatriot",
             "zw-harare-troops-fire-on-protesters-2018-businesslive",
             "zw-harare-election-protest-man-shot-2018-questtimes"]
    events_of, events = _stored(names)
    (shared,) = _shared(events_of, names)
    event = next(e for e in events if e["event_id"] == shared)
    assert (event["event_type"], event["sub_event_type"]) == ("Riots", "Violent demonstration")
    assert event["location_name"] == "Harare" and event["date"] == "2018-08-01"


def test_a_month_only_publication_date_merges_with_the_day_later_in_its_month():
    # Suriname Times' copy is dated only 2017-04 (its URL); CNN's reports the attack of 4 April
    names = ["sy-khan-sheikhoun-chemical-attack-2017-surinametimes",
             "sy-khan-sheikhoun-suspected-chemical-gallery-2017-cnn"]
    events_of, events = _stored(names)
    (shared,) = _shared(events_of, names)
    event = next(e for e in events if e["event_id"] == shared)
    assert event["sub_event_type"] == "Chemical weapon" and event["date"] == "2017-04-04"


def test_an_undated_report_joins_the_one_event_at_its_town():
    # Eagle News' copy has no date; the other outlets date the sit-in's dispersal to 3 June 2019
    names = ["sd-khartoum-sit-in-toll-2019-eaglenews", "sd-khartoum-crackdown-alert-2019-crisis24",
             "sd-khartoum-sit-in-dispersal-2019-trend"]
    events_of, events = _stored(names)
    (shared,) = _shared(events_of, names)
    event = next(e for e in events if e["event_id"] == shared)
    assert event["date"] == "2019-06-03" and event["n_articles"] == 3


def test_an_undated_report_at_a_town_of_several_events_stays_alone():
    # Three Mogadishu bombings (2019, 2021 and an undated one): the undated reports could be any
    names = ["so-mogadishu-checkpoint-truck-bomb-2019-visionmp", "so-mogadishu-checkpoint-truck-bomb-2019-sott",
             "so-mogadishu-deynile-roadside-bomb-2021-epukaugaidi", "so-mogadishu-gelato-divino-suicide-somalidispatch"]
    events_of, _ = _stored(names)
    for name in ("so-mogadishu-checkpoint-truck-bomb-2019-visionmp", "so-mogadishu-gelato-divino-suicide-somalidispatch"):
        for other in names:
            if other != name:
                assert not events_of[name] & events_of[other], (name, other)


# ---- reports written for these tests --------------------------------------------------------------

def _report(rid: str, sub: str, *, place: str | None = "Harare", day: str | None = "2018-08-01", precision="day",
            event_type: str | None = None, cc: str = "ZW", feature: str = "city", lat=-17.83, lon=31.05,
            words: str = "", figures=(), actors=()) -> dict:
    types = {"Peaceful protest": "Protests", "Protest with intervention": "Protests",
             "Excessive force against protesters": "Protests", "Violent demonstration": "Riots",
             "Mob violence": "Riots", "Attack": "Violence against civilians",
             "Abduction/forced disappearance": "Violence against civilians", "Arrests": "Strategic developments",
             "Change to group/activity": "Strategic developments"}
    doc, local = rid.split("-")
    return {"report_id": rid, "doc_id": doc, "local_id": local, "event_type": event_type or types[sub],
            "sub_event_type": sub, "date": day, "date_precision": precision if day else None,
            "location_name": place, "country": "Zimbabwe", "country_code": cc, "lat": lat if place else None,
            "lon": lon if place else None, "geo_precision": 3 if feature == "country" else 1, "feature": feature,
            "evidence_text": words, "actors": [{"name": a, "role": "actor1"} for a in actors],
            "figures": [{"kind": k, "count": n, "group": "total"} for k, n in figures]}


def _clusters(reports: list[dict]) -> list[list[str]]:
    blocks: dict[str, list[dict]] = {}
    for r in reports:
        blocks.setdefault(block_of(r), []).append(r)
    return sorted(sorted(r["report_id"] for r in c) for rs in blocks.values() for c in cluster_block(rs))


def test_protests_and_riots_share_a_block_but_mob_violence_meets_no_protest():
    protest = _report("a-E1", "Peaceful protest", words="thousands marched through the city centre")
    riot = _report("b-E1", "Violent demonstration", words="protesters burned tyres and threw stones at police")
    mob = _report("c-E1", "Mob violence", words="a mob lynched a suspected thief at the market")
    assert block_of(protest) == block_of(riot) == block_of(mob)
    assert _clusters([protest, riot]) == [["a-E1", "b-E1"]]
    assert _clusters([protest, mob]) == [["a-E1"], ["c-E1"]]
    # the riot and the mob at one place on one day are one Riots event (ACLED's unit); the protest
    # joins no cluster that holds mob violence
    clusters = _clusters([protest, riot, mob])
    assert ["a-E1"] in clusters or ["c-E1"] in clusters
    assert not any({"a-E1", "c-E1"} <= set(c) for c in clusters)


def test_a_report_that_says_little_joins_no_event_when_its_article_tells_two():
    # "Protests in Zimbabwe on Wednesday" could be the Harare one or the Bulawayo one told beside it
    vague = _report("a-E1", "Peaceful protest", place="Zimbabwe", feature="country", precision="publication",
                    words="opposition supporters took to the streets")
    harare = _report("b-E1", "Excessive force against protesters", words="soldiers fired on crowds in the capital")
    bulawayo = _report("b-E2", "Peaceful protest", place="Bulawayo", lat=-20.15, lon=28.58,
                       words="a march to the city hall")
    assert _clusters([vague, harare]) == [["a-E1", "b-E1"]]
    assert _clusters([vague, harare, bulawayo]) == [["a-E1"], ["b-E1"], ["b-E2"]]


def test_a_country_level_report_with_only_a_figure_in_common_and_no_day_of_its_own_needs_to_be_the_one_event():
    # "25 protesters were killed", in Zimbabwe, published the next day, names no day
    vague = _report("a-E1", "Excessive force against protesters", place="Zimbabwe", feature="country",
                    precision="publication", day="2018-08-02", figures=[("killed", 25)], words="live ammunition")
    harare = _report("b-E1", "Excessive force against protesters", figures=[("killed", 25)],
                     words="soldiers fired on crowds in the capital")
    assert _clusters([vague, harare]) == [["a-E1", "b-E1"]]
    bulawayo = _report("c-E1", "Excessive force against protesters", place="Bulawayo", lat=-20.15, lon=28.58,
                       figures=[("killed", 2)], words="police shot at a march to the city hall")
    assert _clusters([vague, harare, bulawayo]) == [["a-E1"], ["b-E1"], ["c-E1"]]
    # dated to the day by both, the figure is enough
    dated = dict(vague, date="2018-08-01", date_precision="day")
    assert _clusters([dated, harare, bulawayo]) == [["a-E1", "b-E1"], ["c-E1"]]


def test_an_article_s_demonstration_reports_of_one_place_and_day_are_one():
    # one article tells the march (a peaceful protest) and the shooting (excessive force) in Harare,
    # and the dispersal without naming a place (placed at the country)
    march = _report("b-E1", "Peaceful protest", words="thousands marched to the electoral commission")
    shooting = _report("b-E2", "Excessive force against protesters", words="soldiers fired live rounds")
    dispersal = _report("b-E3", "Protest with intervention", place="Zimbabwe", feature="country",
                        precision="publication", day="2018-08-02", words="police dispersed the crowds")
    other = _report("a-E1", "Violent demonstration", words="protesters burned cars near the party offices")
    assert _clusters([march, shooting, dispersal, other]) == [["a-E1", "b-E1", "b-E2", "b-E3"]]
    # with a second town in the article, the country-level report is neither town's
    bulawayo = _report("b-E4", "Peaceful protest", place="Bulawayo", lat=-20.15, lon=28.58, words="a march")
    clusters = _clusters([march, shooting, dispersal, other, bulawayo])
    assert ["a-E1", "b-E1", "b-E2"] in clusters and ["b-E3"] in clusters


def test_weakly_tied_reports_of_different_strategic_developments_stay_apart():
    coup = _report("a-E1", "Change to group/activity", place="Bolivia", feature="country", words="troops took the square")
    arrest = _report("b-E1", "Arrests", place="La Paz", words="the general was detained")
    assert _clusters([coup, arrest]) == [["a-E1"], ["b-E1"]]


def test_two_reports_dated_only_by_their_publication_need_a_report_that_gives_the_day():
    a = _report("a-E1", "Attack", precision="publication", day="2015-10-04", words="gunmen stormed the compound")
    b = _report("b-E1", "Attack", precision="publication", day="2015-10-03", words="the building came under fire")
    assert _clusters([a, b]) == [["a-E1"], ["b-E1"]]
    c = _report("c-E1", "Attack", day="2015-10-03", words="an assault on the offices")
    assert _clusters([a, b, c]) == [["a-E1", "b-E1", "c-E1"]]  # the one attack at Harare those days


def test_date_windows():
    from datetime import date

    def days(first: str, last: str) -> tuple[int, int]:
        return date.fromisoformat(first).toordinal(), date.fromisoformat(last).toordinal()

    # a month-only publication date ("2017/08/" in a URL) stands as the 1st: to the month's end
    assert interval({"date": "2017-08-01", "date_precision": "publication"}) == days("2017-07-30", "2017-08-31")
    assert interval({"date": "2017-08-12", "date_precision": "publication"}) == days("2017-08-10", "2017-08-12")
    assert interval({"date": "2017-08-12", "date_precision": "day"}) == days("2017-08-11", "2017-08-13")
    assert interval({"date": "2017-08-12", "date_precision": "month"}) == days("2017-08-01", "2017-08-31")
    assert interval({"date": None}) == interval({}) == days("0001-01-01", "9999-12-31")  # undated: any day
    assert interval({"date": "2017-08-12", "date_precision": "year"}) is None
    assert interval({"date": "2017-08-12", "background": True}) is None


def test_a_ledger_merged_by_older_rules_is_merged_again_whole(tmp_path):
    path = str(tmp_path / "old.duckdb")
    with Ledger(path) as ledger:
        ledger.store(_docs(["sd-khartoum-crackdown-alert-2019-crisis24", "sd-khartoum-sit-in-dispersal-2019-trend"]))
        before = ledger.sql("SELECT event_id, n_reports FROM events ORDER BY event_id").values.tolist()
    con = duckdb.connect(path)
    con.execute("UPDATE events SET block = 'old|' || block")  # as an older version named its blocks
    con.execute("DELETE FROM meta WHERE key = 'merge_version'")
    con.close()
    with Ledger(path) as ledger:
        assert ledger.stale()
        ledger.merge()
        assert ledger.sql("SELECT event_id, n_reports FROM events ORDER BY event_id").values.tolist() == before
        assert ledger.sql("SELECT count(*) AS n FROM events WHERE block LIKE 'old|%'")["n"][0] == 0
        assert ledger.sql("SELECT value FROM meta WHERE key = 'merge_version'")["value"][0] == MERGE_VERSION
