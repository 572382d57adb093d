"""Which nouns count people: the people nouns of `data/figures/figures.toml` and every noun of a
victim group of `data/figures/groups.toml` ("extremists", "reporters"), singular too ("a member");
"lynched" kills. Short texts written for these tests, after sentences of the annotated corpus's
train split (Hawk, CBS News, Africanews, Mexico News Daily, Wikinews)."""

from __future__ import annotations

import pytest

from eventledger.knowledge.figure_words import lexicon
from eventledger.pipeline import extract


def _figures(text: str) -> list[tuple[str, int]]:
    return [(f.kind, f.count) for e in extract(text, published="2020-01-10").events for f in e.figures]


@pytest.mark.parametrize("text, figure", [
    ("An Israeli strike killed a Hezbollah member in south Lebanon on Monday.", ("killed", 1)),
    ("Troops killed at least three extremists in the attack on the hotel, officials said on Saturday.", ("killed", 3)),
    ("A car bomb exploded in Mogadishu on Sunday and five pedestrians were wounded, police said.", ("injured", 5)),
    ("Four alleged kidnappers were lynched by a mob in the town of Soledad on Tuesday.", ("killed", 4)),
    ("Several aides also died with him in the raid near Baquba on Wednesday, the military said.", ("killed", 3)),
])
def test_a_count_of_people_named_by_any_people_noun_is_a_figure(text, figure):
    assert figure in _figures(text)


def test_every_victim_group_noun_counts_people():
    lex = lexicon()
    for noun in ("extremists", "reporters", "gendarmes", "rioters", "hijackers"):
        assert noun in lex.people


def test_a_noun_that_counts_no_people_is_still_no_figure():
    assert _figures("Militants fired three rockets at the base in Kandahar on Monday, officials said.") == []
