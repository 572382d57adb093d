"""The whole pipeline on real articles: the sample (../shared/data/seed) and the public-domain
VOA fixtures, checked against their hand-written expectations."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventledger.knowledge.actors import same_name
from eventledger.pipeline import extract

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "articles"


def _all_figures(result):
    return [f for e in result.events for f in e.figures]


def _claimed(figure, words: str | None) -> bool:
    if words is None:
        return True
    return figure.claimant is not None and any(w.lower() in figure.claimant.lower() for w in words.split())


def test_seed_casualty_figures_keep_their_claimants(seed_result):
    figures = [f for f in _all_figures(seed_result) if not f.background]
    killed = [f for f in figures if f.kind == "killed" and f.count == 25]
    assert killed and any(f.civilians == 2 and _claimed(f, "separatist") for f in killed)
    injured = [f for f in figures if f.kind == "injured" and f.count == 138]
    assert injured and injured[0].civilians == 29 and _claimed(injured[0], "separatist")
    evacuated = [f for f in figures if f.kind == "evacuated" and f.count == 469]
    assert evacuated and evacuated[0].children == 185 and _claimed(evacuated[0], "ministry")
    assert any(f.kind == "killed" and f.count == 6 and _claimed(f, "Azerbaijan") for f in figures)
    assert any(f.kind == "killed" and f.count == 1 and f.civilians == 1 and _claimed(f, "Prosecutor") for f in figures)


def test_seed_background_and_quoted_numbers_are_not_new_events(seed_result):
    for figure in _all_figures(seed_result):
        assert figure.count != 120000, "a population inside a protester's quote is not a casualty figure"
        if figure.count == 6500:
            assert figure.background
    for event in seed_result.events:
        if any(f.count == 6500 for f in event.figures):
            assert event.background and (event.date or "").startswith("2020")


def test_seed_places_are_never_misplaced(seed_result):
    for event in seed_result.events:
        if event.location is None:
            continue
        assert event.location.country_code in ("AZ", "AM"), (event.sub_event_type, event.location)
        assert "Arkhangel" not in event.location.name
        assert event.location.name != "Baku"


def test_seed_events_carry_evidence(seed_result):
    text = seed_result.article.text
    assert seed_result.events
    for event in seed_result.events:
        for evidence in event.evidence:
            assert text[evidence.start:evidence.end] == evidence.text
        for figure in event.figures:
            assert text[figure.evidence.start:figure.evidence.end] == figure.evidence.text
            if figure.claimant_evidence is not None:
                ev = figure.claimant_evidence
                assert text[ev.start:ev.end] == ev.text
        if event.location is not None and event.location.evidence is not None:
            ev = event.location.evidence
            assert text[ev.start:ev.end] == ev.text


def test_seed_name_variants_are_one_speaker(seed_result):
    speakers = {s.speaker for s in seed_result.statements if s.speaker}
    pashinyan = [s for s in speakers if same_name(s, "Pashinyan")]
    assert len(pashinyan) == 1, pashinyan
    turkish = [s for s in seed_result.statements if s.speaker and "Turkish" in s.speaker and s.kind == "support"]
    assert len(turkish) == 1  # the paragraph told twice counts once


# Misses found on blind rounds and not fixed yet, each with its cause; strict, so a fix shows.
_KNOWN_MISSES = {
    "bossangoa-soldiers-sexual-violence-2025":
        "killed 1 is credited to the mission by its full name: 'the mission, known as MINUSCA' is not read as an alias",
    "shariff-aguak-isulan-bomb-grenade-2025":
        "the lead's unattributed 'wounding nine people' does not take the police chief who gives it two paragraphs later",
    "kakamega-by-election-looting-2026":
        "the driver beaten and 'taken to hospital' is no figure the extractor reads (injured 1 matched only through "
        "'One of them ... was in critical condition', credited to the police by the event's claimant)",
}
_CASES = [pytest.param(p, marks=pytest.mark.xfail(reason=_KNOWN_MISSES[p.name.split(".")[0]], strict=True))
          if p.name.split(".")[0] in _KNOWN_MISSES else p
          for p in sorted(FIXTURES.glob("*.expected.json"))]


@pytest.mark.parametrize("path", _CASES, ids=lambda p: p.name.split(".")[0])
def test_fixture_figures_and_non_events(path):
    expected = json.loads(path.read_text("utf-8"))
    article = next(p for p in FIXTURES.glob(path.name.split(".")[0] + ".*") if p.suffix in (".txt", ".html"))
    result = extract(article.read_bytes(), published=expected.get("published"))
    figures = [f for f in _all_figures(result) if not f.background]
    for event in expected["events"]:
        for want in event.get("figures", []):
            if want.get("optional"):
                continue
            match = [f for f in figures if f.kind == want["kind"] and f.count == want["count"]]
            assert match, f"{want['kind']} {want['count']} not found in {[(f.kind, f.count) for f in figures]}"
            assert any(_claimed(f, want.get("claimant_contains")) for f in match), [f.claimant for f in match]
    for phrase in expected.get("not_events", []):
        start = result.article.text.find(phrase)
        if start < 0:
            continue  # cleaned away: not an event either
        end = start + len(phrase)
        assert not [f for f in figures if start <= f.evidence.start < end], phrase


def test_every_figure_names_its_sentence(seed_result):
    text = seed_result.article.text
    for event in seed_result.events:
        for figure in event.figures:
            assert figure.sentence is not None
            assert text[figure.sentence.start:figure.sentence.end] == figure.sentence.text
            assert figure.sentence.start <= figure.evidence.start < figure.sentence.end
