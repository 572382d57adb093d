"""The gold checker: annotation files fit the guide's schema and quote their articles exactly."""

from __future__ import annotations

import copy
import csv
import json
from pathlib import Path

import pytest

from eventledger.score.gold import CORPUS, Located, check_data, check_file, gold_files, locate_mention

ARTICLE = (
    "Blast kills 12 in Quetta market\n\n"
    "QUETTA - A bomb hidden in a motorbike killed at least 12 people, including three children, in a\n"
    "crowded market on Monday, police said.\n\n"
    "In 2013, a similar bombing in the same market killed 80 people.\n"
)

GOOD = {
    "schema": "eventledger-gold/1",
    "article": "pk-quetta-test",
    "annotator": "T1",
    "published": "2024-05-07",
    "has_events": True,
    "events": [{
        "id": "E1", "event_type": "Explosions/Remote violence", "sub_event_type": "Remote explosive/landmine/IED",
        "date": "2024-05-06", "date_precision": "day",
        "location": {"name": "Quetta", "admin1": None, "country_code": "PK", "precision": 1},
        "figures": [{"kind": "killed", "group": "total", "count": 12, "low": 12, "children": 3,
                     "claimant_contains": "police", "evidence_contains": "killed at least 12 people"}],
        "evidence_contains": ["A bomb hidden in a motorbike killed at least 12 people", "Blast kills 12 in Quetta market"],
    }],
    "not_events": ["a similar bombing in the same market killed 80 people"],
    "statements": [],
    "mentions": {
        "events": [
            {"text": "bomb", "context": "A bomb hidden", "sub_event_type": "Remote explosive/landmine/IED",
             "status": "new", "event": "E1"},
            {"text": "bombing", "context": "a similar bombing", "sub_event_type": "Remote explosive/landmine/IED",
             "status": "background", "event": None},
        ],
        "numbers": [
            {"text": "12", "context": "at least 12 people", "kind": "killed", "group": "total", "status": "new",
             "claimant": "police", "event": "E1"},
            {"text": "80", "context": "killed 80 people", "kind": "killed", "group": "total", "status": "background",
             "claimant": None, "event": None},
        ],
        "places": [{"text": "Quetta", "context": "kills 12 in Quetta", "role": "event", "event": "E1"}],
        "statements": [],
    },
}


def test_a_well_formed_record_has_no_problems():
    assert check_data(GOOD, ARTICLE) == []


def test_quotes_are_found_across_line_breaks_and_typographic_quotes():
    located = Located("He said \u201cwe will\nnot leave\u201d today")
    assert located.find('"we will not leave"') is not None
    start, end = located.find("will not")
    assert located.text[start:end] == "will\nnot"


def test_a_quote_that_is_not_in_the_article_is_reported_with_the_closest_passage():
    data = copy.deepcopy(GOOD)
    data["events"][0]["evidence_contains"][0] = "A bomb hidden in a car killed at least 12 people"
    problems = check_data(data, ARTICLE)
    assert len(problems) == 1 and "not found" in problems[0].message and "closest" in problems[0].message


def test_a_mention_context_must_occur_exactly_once():
    data = copy.deepcopy(GOOD)
    data["mentions"]["numbers"][0]["context"] = "12"  # in the title and the lead
    problems = check_data(data, ARTICLE)
    assert any("found 2 times" in p.message for p in problems)


def test_a_mention_located_inside_its_context():
    located = Located(ARTICLE)
    start, end = locate_mention(located, "12", "at least 12 people")
    assert ARTICLE[start:end] == "12" and ARTICLE[start - 9:start] == "at least "


def test_sub_type_and_type_must_agree_with_the_taxonomy():
    data = copy.deepcopy(GOOD)
    data["events"][0]["event_type"] = "Battles"
    assert any("is a sub-type of" in p.message for p in check_data(data, ARTICLE))


def test_schema_violations_are_reported_by_path():
    data = copy.deepcopy(GOOD)
    data["events"][0]["figures"][0]["kind"] = "died"
    data["events"][0]["location"]["precision"] = 4
    where = {p.where for p in check_data(data, ARTICLE)}
    assert "events/0/figures/0/kind" in where and any(w.startswith("events/0/location") for w in where)


def test_new_mentions_name_their_event_and_others_do_not():
    data = copy.deepcopy(GOOD)
    data["mentions"]["events"][1]["event"] = "E1"  # a background mention tied to the new event
    data["mentions"]["numbers"][0]["event"] = "E9"
    messages = " ".join(p.message for p in check_data(data, ARTICLE))
    assert "new mentions name their event" in messages and "'E9' is not in events" in messages


def test_a_count_outside_its_bounds_and_an_impossible_date_are_problems():
    data = copy.deepcopy(GOOD)
    data["events"][0]["figures"][0]["low"] = 15
    data["events"][0]["date"] = "2024-02-30"
    messages = " ".join(p.message for p in check_data(data, ARTICLE))
    assert "outside low 15" in messages and "not a calendar date" in messages


# ---- the corpus itself --------------------------------------------------------------------------

_FILES = gold_files([p for p in (CORPUS / "gold", CORPUS / "annotations") if p.exists()])


@pytest.mark.parametrize("path", _FILES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_every_gold_file_of_the_corpus_is_valid(path: Path):
    problems = check_file(path)
    assert not problems, "\n".join(map(str, problems))


def _manifest() -> list[dict[str, str]]:
    path = CORPUS / "manifest.csv"
    if not path.exists():
        pytest.skip("no eval/news/manifest.csv")
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_every_corpus_article_is_in_the_manifest_with_its_source_and_licence():
    rows = _manifest()
    ids = [r["id"] for r in rows]
    assert len(ids) == len(set(ids))
    on_disk = {p.name.split(".")[0] for p in (CORPUS / "articles").glob("*.meta.json")}
    assert on_disk == set(ids)
    for row in rows:
        meta = json.loads((CORPUS / "articles" / f"{row['id']}.meta.json").read_text("utf-8"))
        assert row["split"] in ("train", "dev", "blind"), row["id"]
        assert row["url"] == meta["url"] and row["url"].startswith("http"), row["id"]
        assert row["licence"] and row["licence"] == meta["licence"], row["id"]
        assert row["has_events"] in ("true", "false"), row["id"]
        assert (CORPUS / "articles" / f"{row['id']}.txt").exists() or (CORPUS / "articles" / f"{row['id']}.html").exists()


def test_gold_files_exist_for_every_manifest_article_and_agree_on_events():
    rows = _manifest()
    gold = CORPUS / "gold"
    missing = [r["id"] for r in rows if not (gold / f"{r['id']}.json").exists()]
    if len(missing) == len(rows):
        pytest.skip("no adjudicated gold yet")
    assert not missing
    for row in rows:
        data = json.loads((gold / f"{row['id']}.json").read_text("utf-8"))
        assert (row["has_events"] == "true") == data["has_events"], row["id"]


def test_a_split_keeps_every_article_of_a_multi_outlet_cluster():
    rows = _manifest()
    split_of: dict[str, set[str]] = {}
    for row in rows:
        for cluster in filter(None, row.get("clusters", "").split("|")):
            split_of.setdefault(cluster, set()).add(row["split"])
    assert all(len(splits) == 1 for splits in split_of.values()), split_of
