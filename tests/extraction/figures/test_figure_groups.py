"""Who a figure counts (its victim group), from its own noun phrase, on real sentences: the VOA
Kunar report (public domain) and the sample article."""

from __future__ import annotations

import pytest

from eventledger import extract
from eventledger.extraction.figures.groups import GROUPS, vocabulary


@pytest.fixture(scope="module")
def kunar(tmp_path_factory):
    from pathlib import Path

    text = (Path(__file__).resolve().parents[3] / "examples" / "voa_sample.txt").read_bytes()
    return extract(text, published="2013-04-07")


def _groups(result):
    return {(f.kind, f.count, f.group) for e in result.events for f in e.figures}


def test_civilians_and_suspected_militants_are_two_groups(kunar):
    groups = _groups(kunar)
    assert ("killed", 11, "civilians") in groups  # "has killed 11 civilians, including 10 children"
    assert ("killed", 6, "militants") in groups  # "killing at least six suspected militants"
    strike = next(e for e in kunar.events if e.sub_event_type == "Air/drone strike")
    assert {f.group for f in strike.figures} == {"civilians", "militants"}
    civilians = next(f for f in strike.figures if f.group == "civilians")
    assert (civilians.civilians, civilians.children) == (11, 10)  # the old fields keep working


def test_people_of_no_stated_side_count_as_total(kunar, seed_result):
    assert ("killed", 5, "total") in _groups(kunar)  # "five Americans, including three U.S. soldiers"
    seed = _groups(seed_result)
    assert ("killed", 25, "total") in seed and ("injured", 138, "total") in seed  # "25 people, including two civilians"
    assert ("killed", 6, "total") in seed  # "six Azerbaijanis"
    assert ("killed", 1, "civilians") in seed  # "killed a construction engineer"


@pytest.mark.parametrize("sentence, group", [
    ("Two soldiers were killed in the ambush, the army said.", "security_forces"),
    ("Two police officers were killed in the ambush, the army said.", "security_forces"),
    ("Three assailants were shot dead by guards, police said.", "attackers"),
    ("At least 23 protesters were hurt in the clashes, police said.", "protesters"),
    ("Five members of the security forces were killed in the ambush, officials said.", "security_forces"),
    ("The air strike killed two senior Taliban commanders, officials said.", "militants"),
    ("Gunmen killed four civilian men at a checkpoint, police said.", "civilians"),
    ("Gunmen killed 12 people at a market, police said.", "total"),
])
def test_the_noun_phrase_decides_the_group(sentence, group):
    result = extract(sentence, published="2024-03-14")
    figures = [f for e in result.events for f in e.figures]
    assert figures and {f.group for f in figures} == {group}, [(f.count, f.group, f.evidence.text) for f in figures]


def test_the_group_is_in_the_json_record(kunar):
    figure = kunar.to_dict()["events"][0]["figures"][0]
    assert figure["group"] in GROUPS


def test_the_vocabulary_is_a_data_file_naming_known_groups():
    words = vocabulary().words
    assert words.nouns["civilians"] == "civilians" and words.nouns["militants"] == "militants"
    assert set(words.nouns.values()) | set(words.modifiers.values()) <= set(GROUPS)
