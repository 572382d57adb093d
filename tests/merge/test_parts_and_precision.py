"""Tolls that add up (victim groups are parts; claims about one group are a range) and reports
merged across outlets whose places are given at different precision.

The VOA Kunar report (examples/voa_sample.txt, public domain) is real; the other reports are
two-sentence texts written for these tests, each telling a fact of the same event as another
outlet might (a country-level report of the Kunar strike the next day)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from eventledger import Ledger
from eventledger.merge.figures import aggregate

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "voa_sample.txt"
# The Kunar strike told the next day by another outlet, which names only the country.
NEXT_DAY = ("Afghan officials say NATO strike killed 10 children\n\n"
            "An air strike killed 10 children in eastern Afghanistan on Saturday, officials said on Sunday.")


def _claim(doc, count, group, claimant, **more):
    return {"doc_id": doc, "local_id": "E1", "kind": "killed", "count": count, "group": group, "claimant": claimant, **more}


def test_victim_groups_add_up_and_only_one_groups_claims_conflict():
    one_report = [_claim("voa", 11, "civilians", "Afghan officials", civilians=11, children=10),
                  _claim("voa", 6, "militants", "Government officials in Kunar province", low=6, civilians=0)]
    killed = aggregate(one_report)["killed"]
    assert (killed["low"], killed["best"], killed["high"]) == (17, 17, 17)
    assert not killed["conflicting"] and killed["civilians_best"] == 11 and killed["children_best"] == 10
    assert {g: p["best"] for g, p in killed["parts"].items()} == {"civilians": 11, "militants": 6}
    # another outlet's "10 children" is a rival claim about the civilians: a range, not a sum
    killed = aggregate(one_report + [_claim("other", 10, "civilians", "officials")])["killed"]
    assert (killed["low"], killed["best"], killed["high"]) == (16, 16, 17) and killed["conflicting"]
    assert killed["parts"]["civilians"]["conflicting"] and not killed["parts"]["militants"]["conflicting"]
    # a stated total covers its parts
    killed = aggregate(one_report + [_claim("third", 20, "total", None)])["killed"]
    assert (killed["low"], killed["best"], killed["high"]) == (20, 20, 20) and not killed["conflicting"]


def test_a_reports_parts_add_up_within_its_total_and_never_against_it():
    # "killed at least 115 ... The dead included at least 15 children, 10 women and six policemen"
    report = [_claim("a", 115, "total", "police official"),
              _claim("a", 15, "civilians", None, part=True, civilians=15, children=15),
              _claim("a", 10, "civilians", None, part=True, civilians=10),
              _claim("a", 6, "security_forces", None, part=True)]
    killed = aggregate(report)["killed"]
    assert (killed["low"], killed["best"], killed["high"]) == (115, 115, 115) and not killed["conflicting"]
    assert killed["parts"]["civilians"]["best"] == 25 and killed["children_best"] == 15  # 15 children and 10 women
    # parts that add up to more than the total say the total left some out
    killed = aggregate([_claim("b", 7, "total", "authorities"), _claim("b", 5, "civilians", None, part=True),
                        _claim("b", 4, "security_forces", None, part=True)])["killed"]
    assert killed["best"] == 9
    # a part of no stated side ("19 of them MSF staff") tells nothing its total does not
    killed = aggregate([_claim("c", 37, "total", None), _claim("c", 19, "total", "MSF", part=True)])["killed"]
    assert (killed["best"], killed["conflicting"], killed["n_claims"]) == (37, False, 1)


@pytest.fixture(scope="module")
def kunar_ledger(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus")
    (folder / "voa.txt").write_bytes(EXAMPLE.read_bytes())
    (folder / "voa.txt.meta.json").write_text(json.dumps({"published": "2013-04-07", "outlet": "VOA News"}))
    (folder / "wire.txt").write_text(NEXT_DAY, "utf-8")
    (folder / "wire.txt.meta.json").write_text(json.dumps({"published": "2013-04-08", "outlet": "Other Wire"}))
    path = tmp_path_factory.mktemp("db") / "kunar.duckdb"
    with Ledger(str(path)) as ledger:
        ledger.ingest([folder / "voa.txt"])
        voa_only = ledger.events(sub_event_type="Air/drone strike", output="records")
        ledger.ingest([folder])
    return path, voa_only


def test_civilians_and_militants_of_one_strike_are_parts_not_a_dispute(kunar_ledger):
    """VOA: 'a coalition air strike has killed 11 civilians' and 'killing at least six suspected
    militants': 17 killed, no conflicting claims."""
    _, (strike,) = kunar_ledger
    assert (strike["fatalities_low"], strike["fatalities_best"], strike["fatalities_high"]) == (17, 17, 17)
    assert not strike["conflicting"]


def test_a_country_level_report_of_the_next_day_joins_the_provinces_event(kunar_ledger):
    path, _ = kunar_ledger
    with Ledger(str(path), read_only=True) as ledger:
        (strike,) = ledger.events(sub_event_type="Air/drone strike", output="records")
        assert strike["n_reports"] == 2 and strike["outlets"] == ["Other Wire", "VOA News"]
        assert strike["location_name"] == "Kunar" and strike["date"] == "2013-04-06"
        event = ledger.event(strike["event_id"])
        parts = event["figure_estimates"]["killed"]["parts"]
        assert parts["militants"]["best"] == 6 and parts["civilians"]["claimants"] == ["Afghan officials", "officials"]
        assert (parts["civilians"]["low"], parts["civilians"]["high"]) == (10, 11) and parts["civilians"]["conflicting"]
        assert {(c["group"], c["count"]) for c in event["figures"] if c["kind"] == "killed" and not c["part"]} == {
            ("civilians", 11), ("civilians", 10), ("militants", 6)}
        # "11 civilians, including 10 children", "six suspected militants -- including two senior
        # Taliban commanders": parts within those tolls, which add nothing to them
        assert {(c["group"], c["count"]) for c in event["figures"] if c["kind"] == "killed" and c["part"]} == {
            ("civilians", 10), ("militants", 2)}


def test_the_event_view_shows_parts_and_claims_through_the_cli_and_the_api(kunar_ledger):
    path, _ = kunar_ledger
    with Ledger(str(path), read_only=True) as ledger:
        (strike,) = ledger.events(sub_event_type="Air/drone strike", output="records")
    proc = subprocess.run([sys.executable, "-m", "eventledger", "events", "--db", str(path), "--id", strike["event_id"]],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert "militants: 6 (Government officials in Kunar province)" in proc.stdout
    assert "civilians: 10 (10-11) (Afghan officials; officials)  [claims differ]" in proc.stdout
    assert "claim: killed 6 militants -- Government officials in Kunar province" in proc.stdout
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from eventledger.serve.app import create_app
    from eventledger.serve.queries import LedgerSource

    source = LedgerSource(str(path))
    try:
        client = TestClient(create_app(source))
        body = client.get(f"/api/events/{strike['event_id']}").json()
    finally:
        source.close()
    killed = next(k for k in body["figure_claims"] if k["kind"] == "killed")
    assert [(p["group"], p["conflict"], sorted(c["count"] for c in p["claims"] if not c["part"])) for p in killed["parts"]] == [
        ("civilians", True, [10, 11]), ("militants", False, [6])]
    # a part ("including two senior Taliban commanders") stands beside the claims, never against them
    assert [(c["count"], c["part"]) for p in killed["parts"] if p["group"] == "militants" for c in p["claims"]] == [
        (6, False), (2, True)]
    assert body["figure_estimates"]["killed"]["best"] == 16 and body["fatalities_best"] == 16


# A province report, a town report inside it, and a town of another province near its centre.
PROVINCE = "Suicide bombers kill nine in Borno\n\nTwo suicide bombers killed nine people at a market in Borno state on Sunday, police said."
TOWN = "Market bombing in Monguno\n\nTwo suicide bombers killed nine people at a market in Monguno on Sunday, a local official said."
OTHER = "Blast in Damaturu\n\nTwo suicide bombers blew themselves up at a market in Damaturu on Sunday, killing nine people, police said."


def test_a_province_report_joins_a_town_inside_it_and_not_a_town_of_another_province(tmp_path):
    for name, text in (("province", PROVINCE), ("town", TOWN), ("other", OTHER)):
        (tmp_path / f"{name}.txt").write_text(text, "utf-8")
    with Ledger(str(tmp_path / "l.duckdb")) as ledger:
        ledger.ingest([tmp_path], published="2024-06-17")
        events = {e["location_name"]: e for e in ledger.events(output="records")}
    assert set(events) == {"Monguno", "Damaturu"}  # Damaturu (Yobe) is 125 km from Borno's centre, not in it
    assert events["Monguno"]["n_reports"] == 2 and events["Damaturu"]["n_reports"] == 1


def test_parts_add_up_within_one_breakdown_and_never_across_tolls():
    # "killed at least 20, including eight children ... the toll rose to 25, including 10 children":
    # two breakdowns of two tolls, the larger one stands (not 18)
    killed = aggregate([_claim("a", 20, "total", None), _claim("a", 8, "civilians", None, part=True, sentence="s1"),
                        _claim("a", 25, "total", "officials"),
                        _claim("a", 10, "civilians", "officials", part=True, sentence="s2")])["killed"]
    assert killed["parts"]["civilians"]["best"] == 10
    # parts of one breakdown add up whoever gives them, with no rival claims between them
    killed = aggregate([_claim("b", 30, "total", None),
                        _claim("b", 4, "civilians", "local officials", part=True, sentence="s"),
                        _claim("b", 2, "civilians", None, part=True, sentence="s")])["killed"]
    assert killed["parts"]["civilians"]["best"] == 6 and not killed["conflicting"]
    # a count the report states for the group itself stands over its parts
    killed = aggregate([_claim("c", 11, "civilians", "officials"),
                        _claim("c", 10, "civilians", "officials", part=True, sentence="s")])["killed"]
    assert (killed["best"], killed["conflicting"]) == (11, False)
