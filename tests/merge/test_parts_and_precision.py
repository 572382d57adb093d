"""Tolls that add up: victim groups are parts; claims about one group are a range."""

from __future__ import annotations

import json
from pathlib import Path

from eventledger import Ledger
from eventledger.merge.figures import aggregate

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "voa_sample.txt"


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


def test_civilians_and_militants_of_one_strike_are_parts_not_a_dispute(tmp_path):
    """VOA: 'a coalition air strike has killed 11 civilians' and 'killing at least six suspected
    militants': 17 killed, no conflicting claims."""
    (tmp_path / "voa.txt").write_bytes(EXAMPLE.read_bytes())
    (tmp_path / "voa.txt.meta.json").write_text(json.dumps({"published": "2013-04-07", "outlet": "VOA News"}))
    with Ledger(str(tmp_path / "l.duckdb")) as ledger:
        ledger.ingest([tmp_path])
        (strike,) = ledger.events(sub_event_type="Air/drone strike", output="records")
        assert (strike["fatalities_low"], strike["fatalities_best"], strike["fatalities_high"]) == (17, 17, 17)
        assert not strike["conflicting"]
        parts = ledger.event(strike["event_id"])["figure_estimates"]["killed"]["parts"]
        assert {g: (p["best"], p["claimants"]) for g, p in parts.items()} == {
            "civilians": (11, ["Afghan officials"]), "militants": (6, ["Government officials in Kunar province"])}
