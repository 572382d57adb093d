"""The event's place: where it happened, not where it was reported from, not a capital standing for
its government, the most specific of nested places, and names the small model mis-tags."""

from __future__ import annotations

import pytest

from eventledger.extraction.places import find_event_place, is_government_metonym, place_spans


@pytest.fixture(scope="module")
def nlp():
    from eventledger.language import load_model

    return load_model()


def _place(nlp, text: str, trigger: str) -> str | None:
    doc = nlp(text)
    trigger_i = next(t.i for t in doc if t.text == trigger)
    hit = find_event_place(doc, trigger_i)
    if hit is None:
        return None
    assert doc.text[hit.start_char:hit.end_char] == hit.text  # offsets are the sentence's
    assert doc[hit.token_start:hit.token_end].text == hit.text
    return hit.text


def test_reported_from_is_not_the_place(nlp):
    text = "Rebels attacked the town of Bossangoa on Sunday, a spokesman said by telephone from Libreville."
    assert _place(nlp, text, "attacked") == "Bossangoa"


def test_report_origin_alone_gives_no_place(nlp):
    text = "The army killed five militants, a spokesman said by telephone from Libreville."
    assert _place(nlp, text, "killed") is None


def test_capital_as_government_is_an_actor(nlp):
    text = "Baku said its forces shelled positions near the village of Taghavard."
    assert _place(nlp, text, "shelled") == "Taghavard"
    doc = nlp(text)
    assert is_government_metonym(doc, 0, len("Baku"))
    text = "Authorities in Baku said the army had launched an operation against separatist positions."
    assert _place(nlp, text, "operation") is None


def test_capital_where_something_happened_is_a_place(nlp):
    doc = nlp("Protests took place in Yerevan on Tuesday.")
    start = doc.text.index("Yerevan")
    assert not is_government_metonym(doc, start, start + len("Yerevan"))
    assert _place(nlp, doc.text, "Protests") == "Yerevan"


def test_nested_places_most_specific_wins(nlp):
    text = "A car bomb exploded in the Karrada district of Baghdad, killing four people."
    assert _place(nlp, text, "exploded") == "Karrada district"
    assert _place(nlp, text, "killing") == "Karrada district"  # a participle takes its clause's place
    text = "Two soldiers were killed near the town of Maiwand in southern Afghanistan on Tuesday."
    assert _place(nlp, text, "killed") == "Maiwand"


def test_place_the_model_tags_as_a_person_or_organisation(nlp):
    # The small model calls "Lashkar Gah" a PERSON: the gazetteer knows the town.
    doc = nlp("Gunmen shot dead two traders in Lashkar Gah on Tuesday.")
    assert _place(nlp, doc.text, "shot") == "Lashkar Gah"
    # "Taghavard" comes out an ORG: "the village of X" says it is a place.
    assert _place(nlp, "Artillery shelled the village of Taghavard overnight.", "shelled") == "Taghavard"


def test_acronyms_and_origins_are_not_places(nlp):
    assert _place(nlp, "At least ten militants were killed in the SDF shelling.", "killed") is None
    assert _place(nlp, "A Tampa woman shot her neighbour after an argument.", "shot") is None


def test_place_in_another_clause_is_not_the_events(nlp):
    text = "Two soldiers were killed on Friday, which was followed by another explosion in Colombo."
    assert _place(nlp, text, "killed") is None


def test_place_spans_take_a_trailing_province(nlp):
    doc = nlp("Clashes erupted in Kunar province on Monday, officials said.")
    assert [s.text for s in place_spans(doc)] == ["Kunar province"]
    assert _place(nlp, doc.text, "Clashes") == "Kunar province"
