"""Near-duplicate paragraphs: the hash-indexed search finds what comparing every pair finds,
with a bounded number of comparisons per paragraph."""

from __future__ import annotations

import random

from rapidfuzz import fuzz

from eventledger.clean import clean, duplicates
from eventledger.clean.duplicates import DuplicateIndex, normalise
from eventledger.ingest.decode import to_raw_document

WORDS = ("police army rebels village market district governor said killed wounded attack gunmen soldiers "
         "residents Sunday Monday night morning town province officials spokesman according statement fighting "
         "at least people were in the of and on by after before near two three dozen civilians children "
         "hospital bodies burned houses fled displaced camp road checkpoint convoy drone strike bombing").split()


def pairwise_repeats(paragraphs: list[str]) -> list[bool]:
    """The judgement as the cleaner used to compute it: every paragraph against every kept one."""
    kept: list[tuple[str, int]] = []
    out = []
    for text in paragraphs:
        norm = normalise(text)
        words = len(norm.split())
        repeat = False
        for earlier, n in kept:
            if min(n, words) / max(n, words) < 0.7:
                continue
            if fuzz.ratio(norm, earlier) >= 85 or fuzz.token_sort_ratio(norm, earlier) >= 90:
                repeat = True
                break
        if not repeat:
            kept.append((norm, words))
        out.append(repeat)
    return out


def mutate(text: str, rng: random.Random) -> str:
    words = text.split()
    for _ in range(rng.randrange(0, 5)):
        choice = rng.random()
        position = rng.randrange(len(words))
        if choice < 0.4:
            words[position] = rng.choice(WORDS)
        elif choice < 0.6 and len(words) > 9:
            del words[position]
        elif choice < 0.8:
            words.insert(position, rng.choice(WORDS))
        else:
            other = rng.randrange(len(words))
            words[position], words[other] = words[other], words[position]
    text = " ".join(words)
    return text.upper() if rng.random() < 0.1 else text


def page(rng: random.Random, size: int) -> list[str]:
    paragraphs: list[str] = []
    for _ in range(size):
        if paragraphs and rng.random() < 0.3:
            paragraphs.append(mutate(rng.choice(paragraphs), rng))
        else:
            paragraphs.append(" ".join(rng.choice(WORDS) for _ in range(rng.randrange(8, 45))) + ".")
    return paragraphs


def test_the_index_finds_the_same_repeats_as_comparing_every_pair():
    rng = random.Random(14)
    found = 0
    for _ in range(150):
        paragraphs = page(rng, rng.randrange(2, 40))
        index = DuplicateIndex()
        assert [index.repeats(p) for p in paragraphs] == pairwise_repeats(paragraphs)
        found += sum(pairwise_repeats(paragraphs))
    assert found > 300  # the pages do hold near repeats, and both ways agree on every one


def test_near_repeats_far_apart_in_a_long_page_are_still_found():
    rng = random.Random(7)
    paragraphs = page(rng, 400)
    paragraphs.append(mutate(paragraphs[3], random.Random(1)))
    expected = pairwise_repeats(paragraphs)
    index = DuplicateIndex()
    assert [index.repeats(p) for p in paragraphs] == expected


def test_comparisons_per_paragraph_are_bounded(monkeypatch):
    """2,000 distinct paragraphs cost at most a few comparisons each, not one per earlier paragraph."""
    calls = {"n": 0}
    real_ratio = duplicates.fuzz.ratio

    def counting_ratio(*args, **kwargs):
        calls["n"] += 1
        return real_ratio(*args, **kwargs)

    monkeypatch.setattr(duplicates.fuzz, "ratio", counting_ratio)
    rng = random.Random(3)
    paragraphs = [" ".join(rng.choice(WORDS) for _ in range(rng.randrange(20, 60))) + f" (item {n})."
                  for n in range(2000)]
    result = clean(to_raw_document("A title for the story\n\n" + "\n\n".join(paragraphs)))
    assert len(result.article.paragraphs) + sum(r.reason == "duplicate" for r in result.removed) == 2000
    assert calls["n"] <= duplicates.MAX_CHECKS * 2000  # pairwise: about 2,000,000


def test_a_long_paragraph_repeated_exactly_is_dropped():
    para = "The governor said " + " ".join(f"word{n}" for n in range(3000)) + "."
    result = clean(to_raw_document("Title of the story\n\n" + para + "\n\nSomething else happened in the town on "
                                   "Monday, the police said in a statement.\n\n" + para))
    assert [r.reason for r in result.removed] == ["duplicate"]
    assert sum(p.text == para for p in result.article.paragraphs) == 1


def test_punctuation_only_paragraphs_do_not_break_the_cleaner():
    # Eight "words" that normalise to nothing: the pairwise version divided by zero here.
    junk = "- - - - - - - - -"
    result = clean(to_raw_document("Title of the story\n\nGunmen killed five people in the market town of Kagoro on "
                                   "Sunday, the police said.\n\n" + junk + "\n\n" + junk.replace("-", "*") + "\n\n" + junk + " -"))
    assert result.article.paragraphs
