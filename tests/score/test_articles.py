"""The article scorer: events matched through their evidence, places judged at their level,
figures with their claimant, statements, traps, negatives and merging."""

from __future__ import annotations

import pytest

from eventledger.records import Article, Event, Evidence, Extraction, Figure, Location, Statement
from eventledger.score.articles import (
    GoldArticle, GoldEvent, GoldFigure, GoldPlace, GoldStatement, _same_party, match_events, place_verdict, score,
)

TEXT = ("Gunmen killed 14 villagers in Koumbri on Sunday, a security source said. "
        "Troops later clashed with the attackers near Thiou, killing 20 of them, the army said. "
        "In 2021, jihadists killed 160 people in Solhan.")


def _ev(needle: str) -> Evidence:
    start = TEXT.index(needle)
    return Evidence(start, start + len(needle), needle)


def _event(id_, sub, etype, sentence, place=None, figures=(), date="2025-06-08"):
    return Event(id=id_, event_type=etype, sub_event_type=sub, date=date, location=place,
                 figures=list(figures), evidence=[_ev(sentence)], trigger=_ev(sentence.split()[1]))


def _gold(**kw) -> GoldArticle:
    events = [
        GoldEvent("E1", ["Attack"], "Violence against civilians", GoldPlace("Koumbri", "BF", 1),
                  [GoldFigure("killed", 14, "civilians", claimant="security source")],
                  ["Gunmen killed 14 villagers in Koumbri"], ["2025-06-08"]),
        GoldEvent("E2", ["Armed clash"], "Battles", GoldPlace("Thiou", "BF", 2),
                  [GoldFigure("killed", 20, "militants", claimant="army")],
                  ["Troops later clashed with the attackers near Thiou"], ["2025-06-08"]),
    ]
    return GoldArticle("t", None, "2025-06-10", kw.get("events", events), kw.get("statements", []),
                       ["jihadists killed 160 people in Solhan"], kw.get("has_events", True))


KOUMBRI = Location(name="Koumbri", country_code="BF", feature="city", precision=1)
THIOU = Location(name="Thiou", country_code="BF", feature="city", precision=1)
ATTACK = "Gunmen killed 14 villagers in Koumbri on Sunday"
CLASH = "Troops later clashed with the attackers near Thiou"


def test_a_perfect_extraction_scores_one_everywhere():
    found = Extraction(article=Article(text=TEXT), events=[
        _event("a", "Attack", "Violence against civilians", ATTACK, KOUMBRI,
               [Figure("killed", 14, civilians=14, claimant="a security source")]),
        _event("b", "Armed clash", "Battles", CLASH, THIOU, [Figure("killed", 20, claimant="the army")]),
    ])
    s = score(_gold(), found)
    assert (s.tp, s.fp, s.fn) == (2, 0, 0)
    assert s.places["right"] == 2 and s.dates_right == 2
    assert s.figures_count == s.figures_claimant == s.figures_total == 2
    assert not s.traps


def test_an_event_of_the_right_sub_type_told_in_another_sentence_does_not_match():
    # the system's "Attack" comes from the clash sentence: it is not the gold attack
    found = Extraction(article=Article(text=TEXT), events=[
        _event("a", "Attack", "Violence against civilians", CLASH, THIOU),
    ])
    s = score(_gold(), found)
    assert (s.tp, s.fp, s.fn) == (0, 1, 2)


def test_a_wrong_sub_type_of_the_right_type_counts_at_event_type_level_only():
    found = Extraction(article=Article(text=TEXT), events=[
        _event("b", "Government regains territory", "Battles", CLASH, THIOU),
    ])
    s = score(_gold(), found)
    assert (s.tp, s.fp, s.fn) == (0, 1, 2)
    assert (s.type_tp, s.type_fp, s.type_fn) == (1, 0, 1)
    assert s.places["right"] == 1  # places are judged on the event-type match


def test_the_outlets_own_figure_credited_to_a_source_is_wrong_on_claimant():
    gold = _gold()
    gold.events[0].figures[0].claimant = None  # the outlet's own number
    found = Extraction(article=Article(text=TEXT), events=[
        _event("a", "Attack", "Violence against civilians", ATTACK, KOUMBRI,
               [Figure("killed", 14, claimant="the army")]),
    ])
    s = score(gold, found)
    assert s.figures_count == 1 and s.figures_claimant == 0


def test_places_are_right_coarser_elsewhere_abroad_or_unplaced():
    want = GoldPlace("Koumbri", "BF", 1, admin1="Yatenga")
    at = lambda loc: place_verdict(want, Event(id="x", event_type="x", sub_event_type="x", location=loc))
    assert at(KOUMBRI) == "right"
    assert at(Location(name="Yatenga", country_code="BF", feature="region")) == "coarser"
    assert at(Location(name="Burkina Faso", country_code="BF", feature="country")) == "coarser"
    assert at(Location(name="Ouahigouya", country_code="BF", feature="city")) == "elsewhere"
    assert at(Location(name="Niamey", country_code="NE", feature="city")) == "abroad"
    assert at(None) == "unplaced"


def test_a_figure_from_a_background_sentence_is_a_trap():
    found = Extraction(article=Article(text=TEXT), events=[
        _event("a", "Attack", "Violence against civilians", ATTACK, KOUMBRI,
               [Figure("killed", 160, evidence=_ev("160 people"))]),
    ])
    s = score(_gold(), found)
    assert len(s.traps) == 1 and "160" in s.traps[0]


def test_events_on_an_article_that_reports_none_are_counted():
    found = Extraction(article=Article(text=TEXT), events=[_event("a", "Attack", "Violence against civilians", ATTACK)])
    s = score(_gold(events=[], has_events=False), found)
    assert (s.negative_articles, s.negative_articles_hit, s.negative_events) == (1, 1, 1)
    assert s.fp == 1


def test_optional_gold_events_are_neither_credited_nor_missed():
    gold = _gold()
    gold.events[1].optional = True
    found = Extraction(article=Article(text=TEXT), events=[
        _event("b", "Armed clash", "Battles", CLASH, THIOU),
    ])
    s = score(gold, found)
    assert (s.tp, s.fp, s.fn) == (0, 0, 1)


def test_matching_is_one_to_one():
    gold = _gold().events
    twice = [_event("a", "Attack", "Violence against civilians", ATTACK, KOUMBRI),
             _event("c", "Attack", "Violence against civilians", ATTACK, KOUMBRI)]
    assert match_events(gold, twice, TEXT) == {0: 0}


def test_statements_are_found_by_speaker_and_text_and_then_judged_on_kind():
    gold = _gold(statements=[GoldStatement("army", "threaten", "will pursue the attackers wherever they hide")])
    said = Statement(speaker="the army", kind="claim", text="it will pursue the attackers wherever they hide")
    s = score(gold, Extraction(article=Article(text=TEXT), statements=[said]))
    assert (s.statements_found, s.statements_kind, s.statements_total) == (1, 0, 1)


def test_a_party_is_matched_by_its_words_or_by_what_it_contains():
    assert _same_party("ministry", "the interior ministry")
    assert _same_party("Kuhal", "Brigadier Mohammed al-Kuhali")
    assert not _same_party("Kuhal", "the Houthi militia")
    assert _same_party(None, None) and not _same_party("army", None)


def test_the_corpus_dev_split_scores_end_to_end():
    from eventledger.score.articles import evaluate, load_corpus

    articles = load_corpus("dev")[:3]
    if not articles:
        pytest.skip("no annotated dev articles yet")
    total, merged = evaluate(articles, merge=False, per_article=False)
    assert total.tp + total.fn + total.negative_articles > 0


def test_an_article_the_pipeline_fails_on_is_reported_not_hidden(monkeypatch):
    import io

    from eventledger import pipeline
    from eventledger.score.articles import evaluate, load_corpus, report

    articles = load_corpus("dev")[:2]
    if not articles:
        pytest.skip("no annotated dev articles yet")

    def broken(data, **_):
        raise AttributeError("'int' object has no attribute 'lemma_'")

    monkeypatch.setattr(pipeline, "extract", broken)
    total, _ = evaluate(articles, merge=False, per_article=False)
    assert len(total.refused) == 2 and "AttributeError" in total.refused[0]
    out = io.StringIO()
    report(total, None, len(articles), out=out)
    assert "REFUSED by the pipeline (scored as nothing found): 2" in out.getvalue()


def test_undated_runs_never_date_events_by_the_clock():
    from eventledger.score.articles import evaluate, load_fixtures

    seed = [g for g in load_fixtures() if g.name == "seed"]
    if not seed:
        pytest.skip("../shared/data is not here")
    total, _ = evaluate(seed, merge=False, per_article=False, undated=True)
    assert "date: taken from the machine's clock" not in total.errors
    assert not total.traps  # the 2020 war's toll stays background without a publication date


def test_one_story_kept_as_text_and_as_html_is_one_article_for_the_merge():
    from eventledger.score.articles import evaluate, load_corpus

    forms = [g for g in load_corpus("train") if g.name.startswith("us-st-paul-rnc-protest-2008-voa")]
    if len(forms) != 2:
        pytest.skip("the St Paul story's two forms are not in the corpus")
    assert forms[0].url == forms[1].url
    _, merged = evaluate(forms, merge=True, per_article=False)
    assert merged.pairs_merged == 0  # the ledger joins the two forms, which is no merge of two outlets' reports


def test_the_calibration_table_compares_what_events_say_with_how_often_they_are_right():
    from eventledger.score.articles import calibration_table

    ece, bins = calibration_table([(0.95, True), (0.95, True), (0.8, True), (0.8, False), (0.2, False)])
    assert bins == ["0.0-0.5 said 0.20 right 0.00 (1)", "0.7-0.9 said 0.80 right 0.50 (2)",
                    "0.9-1.0 said 0.95 right 1.00 (2)"]
    assert abs(ece - (0.2 * 0.2 + 0.4 * 0.3 + 0.4 * 0.05)) < 1e-9
