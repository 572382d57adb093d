"""A sentence that says when and where an event already told took place ("The attack was launched
in the Semdinli district ... on Monday") gives that event its day, before the day a source spoke.
A real article of the annotated corpus (train split, eval/news/articles: third-party text kept for
testing) and a short text written for this test."""

from __future__ import annotations

import json
from pathlib import Path

from eventledger.pipeline import extract

ARTICLES = Path(__file__).resolve().parents[2] / "eval" / "news" / "articles"


def test_the_day_the_attack_was_launched_dates_it_over_the_day_the_army_spoke():
    name = "tr-semdinli-outpost-pkk-clash-2016-reuters"
    meta = json.loads((ARTICLES / f"{name}.meta.json").read_text("utf-8"))
    result = extract((ARTICLES / f"{name}.txt").read_bytes(), published=meta["published"], outlet=meta["outlet"])
    event = next(e for e in result.events if not e.background)
    assert (event.date, event.date_precision) == ("2016-05-02", "day")
    assert result.article.text[event.date_evidence.start:event.date_evidence.end] == "on Monday"


def test_the_day_the_assault_was_launched_dates_the_attack_told_in_other_words():
    # "the assault" points back to "militants attacked": the latest violence in the paragraphs before
    text = ("Militants attacked an army post in northern Burkina Faso, killing six soldiers, the army said on "
            "Wednesday. The assault was launched on Monday evening in Soum province.")
    [event] = [e for e in extract(text, published="2019-08-21").events if not e.background]
    assert (event.date, event.date_precision) == ("2019-08-19", "day")
    assert any("The assault was launched" in e.text for e in event.evidence)
