"""Near-duplicate paragraphs found in time linear in the text, not by comparing every pair.

A page repeats a paragraph (a pull quote, an updated lead, a syndicated block pasted twice).
The judgement is the one the cleaner always made: a body paragraph of at least 8 words repeats
an earlier kept one when their normalised texts (lower case, punctuation dropped) are equal, or
when their word counts are within 70% of each other and rapidfuzz's `ratio` is at least 85 or
`token_sort_ratio` at least 90.

What changed is how the earlier paragraph is found. Comparing each paragraph with every kept
one grew with the square of the paragraph count (15 s for 2,000 paragraphs, half an hour for a
2 MB upload). Here:

- an exact repeat, or the same words in another order, is a hash lookup;
- candidates for a near repeat come from an inverted index of the kept paragraphs' words and
  word pairs: the new paragraph's rarest words and pairs (those in few kept paragraphs) vote for
  the paragraphs holding them, at most `VOTE_BUDGET` postings read per paragraph; a word or
  pair found in more than `COMMON` kept paragraphs says nothing and is not read;
- only the `MAX_CHECKS` best-voted candidates are compared with rapidfuzz, and only paragraphs
  of at most `FUZZY_MAX_CHARS` normalised characters are compared at all (longer ones: exact
  repeats only), so each comparison is bounded too.

Two paragraphs that pass the similarity test share most of their words, so the earlier one is
among the best-voted candidates; `tests/clean/test_duplicates.py` checks the index against the
pairwise judgement on generated near-repeats."""

from __future__ import annotations

import heapq
import re
from collections import defaultdict

from rapidfuzz import fuzz

MIN_WORDS = 8  # shorter paragraphs (headings, captions, bylines) may repeat legitimately
RATIO = 85
TOKEN_SORT_RATIO = 90
LENGTH_RATIO = 0.7
FUZZY_MAX_CHARS = 5000  # a news paragraph is under 2,000 characters; longer ones: exact repeats only
COMMON = 64  # a word or word pair in more kept paragraphs than this does not pick candidates
VOTE_BUDGET = 512  # postings read per paragraph
MAX_CHECKS = 8  # rapidfuzz comparisons per paragraph

_NOT_WORD = re.compile(r"[^\w ]+")


def normalise(text: str) -> str:
    return _NOT_WORD.sub("", text.lower())


class DuplicateIndex:
    """The kept paragraphs of one page. `repeats(text)` says whether `text` repeats one of them
    and, when it does not, keeps it."""

    __slots__ = ("_exact", "_sorted", "_texts", "_words", "_postings")

    def __init__(self) -> None:
        self._exact: set[str] = set()
        self._sorted: set[str] = set()  # the same words in another order (token_sort_ratio 100)
        self._texts: list[str] = []
        self._words: list[int] = []
        self._postings: dict[str, list[int]] = defaultdict(list)

    def repeats(self, text: str) -> bool:
        norm = normalise(text)
        tokens = norm.split()
        if norm in self._exact:
            return True
        short = len(norm) <= FUZZY_MAX_CHARS
        if short:
            if " ".join(sorted(tokens)) in self._sorted:
                return True
            features = set(tokens) | {f"{a} {b}" for a, b in zip(tokens, tokens[1:])}
            if self._near(norm, len(tokens), features):
                return True
        self._exact.add(norm)
        if short:
            self._keep(norm, tokens, features)
        return False

    def _near(self, norm: str, n_words: int, features: set[str]) -> bool:
        postings = self._postings
        usable = sorted((len(postings[f]), f) for f in features if f in postings and len(postings[f]) <= COMMON)
        votes: dict[int, int] = defaultdict(int)
        budget = VOTE_BUDGET
        for size, feature in usable:  # rarest first: they say most about which paragraph this repeats
            if size > budget:
                break
            budget -= size
            for index in postings[feature]:
                votes[index] += 1
        sizes = self._words
        similar = ((-count, index) for index, count in votes.items()
                   if min(sizes[index], n_words) / max(sizes[index], n_words) >= LENGTH_RATIO)
        for _, index in heapq.nsmallest(MAX_CHECKS, similar):  # the best-voted, earlier first on a tie
            earlier = self._texts[index]
            if fuzz.ratio(norm, earlier, score_cutoff=RATIO) or \
                    fuzz.token_sort_ratio(norm, earlier, score_cutoff=TOKEN_SORT_RATIO):
                return True
        return False

    def _keep(self, norm: str, tokens: list[str], features: set[str]) -> None:
        index = len(self._texts)
        self._texts.append(norm)
        self._words.append(len(tokens))
        self._sorted.add(" ".join(sorted(tokens)))
        for feature in features:
            postings = self._postings[feature]
            if len(postings) <= COMMON:  # beyond that the feature is never read again
                postings.append(index)


__all__ = ["DuplicateIndex", "normalise", "MIN_WORDS"]
