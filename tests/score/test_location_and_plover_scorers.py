"""The location and PLOVER scorers run on their gold files and print their figures. A sample of
each gold file is scored (the full runs are `make score`)."""

from __future__ import annotations

import argparse
import io
from pathlib import Path

import pytest

from conftest import SHARED

LOCATIONS = SHARED / "event_location" / "gold.jsonl"
PLOVER = SHARED / "plover_gsr" / "PLOVER_GSR_CAMEO.json"


def _need(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path} is not here (../shared/data sits beside the repo in CI)")
    return path


def test_location_records_and_split():
    from eventledger.score.locations import load, select, split_of

    records, skipped = load(_need(LOCATIONS))
    assert len(records) > 400 and skipped <= 5
    assert all(r.text[r.verb[0]:r.verb[1]].strip() for r in records)
    dev, held = select(records, "dev"), select(records, "heldout")
    assert len(dev) + len(held) == len(records) and min(len(dev), len(held)) > 150
    assert [split_of(r) for r in records[:20]] == [split_of(r) for r in records[:20]]  # fixed, not random
    assert any(not r.locations for r in records) and any(len(r.locations) > 1 for r in records)


def test_location_scorer_prints_figures(capsys):
    from eventledger.score.locations import evaluate

    results = evaluate(_need(LOCATIONS), split="all", examples=1, limit=40)
    out = capsys.readouterr().out
    assert "dev" in out and "heldout" in out and "accuracy" in out and "P " in out
    for name in ("dev", "heldout"):
        assert results[name].total == 40
        assert results[name].accuracy >= 0.6, out  # far below what the full split scores (~0.8)


def test_location_scorer_cli_entry(capsys):
    from eventledger.score.locations import add_arguments, run

    parser = argparse.ArgumentParser()
    add_arguments(parser)
    assert run(parser.parse_args([str(_need(LOCATIONS)), "--split", "dev", "--limit", "10", "--examples", "0"])) == 0
    assert "accuracy" in capsys.readouterr().out


def test_plover_scorer_prints_figures():
    from eventledger.score.plover import evaluate, load

    records = load(_need(PLOVER))
    assert len(records) > 300 and all(r["event"] != "DOCUMENT" for r in records)
    out = io.StringIO()
    tallies = evaluate(PLOVER, examples=1, limit=25, out=out)
    text = out.getvalue()
    for name in ("source", "target", "dead", "injured", "event place"):
        assert name in tallies and f"{name} " in text
    assert "refused" in text and tallies["source"].gold > 15
    assert tallies["source"].right > 0  # the pipeline finds some of the actors


def test_plover_casualties_on_the_violent_records():
    from eventledger.score.plover import evaluate, load

    records = load(_need(PLOVER))
    violent = [r for r in records if "dead" in r or "injured" in r]
    assert len(violent) >= 10
    # score the casualty records only: write them to a small gold file of their own
    import json
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "violent.json"
        path.write_text(json.dumps(violent), "utf-8")
        tallies = evaluate(path, examples=0, out=io.StringIO())
    assert tallies["dead"].gold >= 10
    assert tallies["dead"].accuracy >= 0.5


def test_same_actor_matching():
    from eventledger.score.plover import same_actor

    assert same_actor("Hungarian", "Senior Hungarian and Romanian officials")
    assert same_actor("Hungary", "Hungarian officials")
    assert not same_actor("Libya", "a state-owned Egyptian newspaper")
    assert not same_actor("Libya", None)
