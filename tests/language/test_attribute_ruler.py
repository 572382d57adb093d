"""The language stage: the memoising attribute ruler must annotate exactly like the model's own."""

from __future__ import annotations

import spacy

from eventledger.language import MODEL_NAME, load_model
from eventledger.language.attributes import MemoAttributeRuler

TEXTS = [
    "There were at least 12 people killed when gunmen attacked a market in Maiduguri on Tuesday.",
    "Police said they had arrested 40 protesters; the protesters said they ain't going to stop.",
    "Let's see what happens, the commander told reporters in Goma. \"We're gonna win,\" he said.",
    "The U.N. said 3,000 families were displaced by fighting near Idlib, and that there is no food.",
    "Y'all come back now: the minister's spokesman denied the army had shelled the village.",
]


def _annotations(doc):
    return [(t.text, t.pos_, t.lemma_, str(t.morph), t.tag_, t.dep_) for t in doc]


def test_memoised_ruler_matches_the_model_ruler_twice_over():
    plain = spacy.load(MODEL_NAME)
    memo = load_model()
    assert isinstance(memo.get_pipe("attribute_ruler"), MemoAttributeRuler)
    for _ in range(2):  # first pass fills the memo, second pass reads from it
        for text in TEXTS:
            assert _annotations(memo(text)) == _annotations(plain(text))
    assert memo.get_pipe("attribute_ruler").memo  # the memo did fill


def test_multi_token_patterns_still_apply():
    doc = load_model()("There were five dead and there are more.")
    assert [t.pos_ for t in doc if t.lower_ in ("were", "are")] == ["VERB", "VERB"]
