"""Number phrases that may count people: words and digits ("two", "1,000", "twenty-five", "1.2
million", "dozens of") with their bounds ("at least 156", "up to 20", "between 10 and 20").
Years, dates, ages and ranks ("one of the worst") count nobody and are left out here."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ...knowledge.figure_words import Lexicon, lexicon

_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "a hundred": 100,
}
_TENS = {20, 30, 40, 50, 60, 70, 80, 90}
_SCALE = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_VAGUE_SCALE = {"thousands": 1_000, "millions": 1_000_000}
_LOWER = {"at least", "more than", "over", "upwards of", "no fewer than", "no less than", "in excess of", "at a minimum"}
_UPPER = {"up to", "as many as", "at most", "fewer than", "less than", "no more than", "nearly", "almost", "under"}
_APPROX = {"about", "around", "some", "approximately", "roughly", "an estimated", "estimated", "close to", "nearly"}
_MODIFIERS = sorted(_LOWER | _UPPER | _APPROX, key=lambda m: -len(m.split()))
# Not DATE: the small model tags "Between 10 and 20 soldiers" as one; the counted-noun test keeps "six weeks" out.
_SKIP_ENTS = {"PERCENT", "MONEY", "ORDINAL", "QUANTITY"}
YEAR = re.compile(r"^(1[89]\d\d|20\d\d)$")


@dataclass(slots=True)
class NumberPhrase:
    """A number phrase: its tokens, its value and its bounds, if it gives any."""

    first: int  # token indices, end exclusive
    last: int
    value: int
    low: int | None
    high: int | None
    head: int  # the token the phrase hangs on (the last number token)


def find_numbers(doc: Doc) -> list[NumberPhrase]:
    lex = lexicon()
    out: list[NumberPhrase] = []
    i = 0
    while i < len(doc):
        token = doc[i]
        value = _value(token, lex)
        if value is None or token.ent_type_ in _SKIP_ENTS or _is_year_like(token) or _is_date_or_age(token) \
                or _is_one_of(token) or _is_degree(token, lex):
            i += 1
            continue
        first, last = i, i + 1
        if i > 0 and doc[i - 1].lower_ == "a":
            first = i - 1  # "a dozen"
        if value in _TENS and i + 2 < len(doc) and doc[i + 1].text in ("-", "–") and _WORDS.get(doc[i + 2].lower_, 10) < 10:
            value += _WORDS[doc[i + 2].lower_]  # "Thirty-three" as the tokenizer splits it: thirty, -, three
            last = i + 3
            if last + 1 < len(doc) and doc[last].text in ("-", "–") and doc[last + 1].lower_ in ("year", "years"):
                i = last  # "a twenty-one-year-old man": an age
                continue
        # "1.2 million", "two hundred", "thousands of"
        while last < len(doc) and doc[last].lower_ in _SCALE:
            value *= _SCALE[doc[last].lower_]
            last += 1
        if token.lower_ in lex.vague and last + 1 < len(doc) and doc[last].lower_ == "of" \
                and doc[last + 1].lower_ in _VAGUE_SCALE:
            value *= _VAGUE_SCALE[doc[last + 1].lower_]  # "hundreds of thousands": 100,000, not two counts
            last += 2
        value = round(value)
        if last < len(doc) - 1 and doc[last].lower_ == "of" and token.lower_ in lex.vague:
            last += 1  # "dozens of people": the noun follows "of"
        low, high = _range_end(doc, last, value, lex)
        if high is not None:
            last += 2  # past "to 20", "- 20", "and 20"
        if high is not None and first > 0 and doc[first - 1].lower_ == "between":
            first -= 1
        low_mod, high_mod = _modifier(doc, first)
        if low_mod is not None:
            first = low_mod
        number = NumberPhrase(first, last, value, value if token.lower_ in lex.vague else None, None, last - 1)
        if high is not None:
            number.low, number.high = value, high
        elif high_mod == "lower":
            number.low = value
        elif high_mod == "upper":
            number.high = value
        out.append(number)
        i = last
    return out


def _value(token: Token, lex: Lexicon) -> int | float | None:
    text = token.lower_
    if text in lex.vague:
        return lex.vague[text]
    if text in _WORDS:
        return _WORDS[text]
    if "-" in text and all(part in _WORDS for part in text.split("-")):
        return sum(_WORDS[part] for part in text.split("-"))  # "twenty-five"
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+|\d+", text):
        return int(text.replace(",", ""))
    if re.fullmatch(r"\d+\.\d+", text) and token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ in ("million", "thousand"):
        return float(text)  # "1.2 million": a fraction only with its scale word, which the caller applies
    return None


def _is_one_of(token: Token) -> bool:
    """'one of the largest crises', 'one of the worst attacks': ranks something, counts nobody
    ('one of them was killed' does count one)."""
    doc = token.doc
    if token.lower_ != "one" or token.i + 2 >= len(doc) or doc[token.i + 1].lower_ != "of":
        return False
    return any(t.tag_ == "JJS" or t.lower_ in ("most", "few") for t in doc[token.i + 2: token.i + 5])


def _is_degree(token: Token, lex: Lexicon) -> bool:
    """'how many people were taken', 'so many dead', 'too few': a question or a degree, no count."""
    return token.lower_ in lex.vague and token.i > 0 and token.doc[token.i - 1].lower_ in ("how", "so", "too")


def _is_year_like(token: Token) -> bool:
    if not YEAR.match(token.text):
        return False
    prev = token.doc[token.i - 1].lower_ if token.i > 0 else ""
    return prev in ("in", "since", "of", "from", "until", "by", "and", "between", "to", "early", "late", "mid") or token.i + 1 >= len(token.doc) or not token.doc[token.i + 1].is_alpha


_MONTH_NAMES = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
                "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
                "dec", "jan.", "feb.", "mar.", "apr.", "aug.", "sep.", "sept.", "oct.", "nov.", "dec."}


def _is_date_or_age(token: Token) -> bool:
    """'March 14', '14 March', 'July 2023': part of a date. 'the ages of 12 and 17', 'aged 12',
    '12 years old': an age. None of these counts people."""
    doc = token.doc
    if not re.fullmatch(r"\d{1,4}(?:st|nd|rd|th)?", token.lower_):
        return False
    prev = doc[token.i - 1] if token.i > 0 else None
    nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if prev is not None and prev.lower_ in _MONTH_NAMES and (prev.lower_ != "may" or prev.is_title):
        return True
    if nxt is not None and nxt.lower_ in _MONTH_NAMES and (nxt.lower_ != "may" or nxt.is_title):
        return True
    if YEAR.match(token.text) and prev is not None and prev.text == "," and token.i >= 3 \
            and doc[token.i - 2].like_num and doc[token.i - 3].lower_ in _MONTH_NAMES:
        return True  # "Oct 7, 2019": the year of a date (a dateline run into the lead), no count
    if prev is not None and prev.text == "," and token.i >= 2 and doc[token.i - 2].ent_type_ == "PERSON" \
            and (nxt is None or nxt.is_punct or nxt.lower_ in ("who", "a", "an", "the")):
        return True  # "said Abu Ahmed Hammad, 45, who lives next door": the speaker's age
    before = [t.lower_ for t in doc[max(0, token.i - 4): token.i]]
    if "aged" in before[-3:] or (("ages" in before or "age" in before) and "of" in before):
        return True  # "aged 12", "between the ages of 12 and 17"
    if before[-2:-1] == ["age"] and before[-1] in ("to", "from", "at"):
        return True  # "raising the retirement age to 64"
    if nxt is not None and nxt.text in ("-", "–") and token.i + 2 < len(doc) and doc[token.i + 2].lower_ in ("year", "years"):
        return True  # "a 32-year-old woman"
    return nxt is not None and token.i + 2 < len(doc) and nxt.lower_ in ("years", "year") and doc[token.i + 2].lower_ == "old"


def _modifier(doc: Doc, first: int) -> tuple[int | None, str | None]:
    for mod in _MODIFIERS:
        words = mod.split()
        start = first - len(words)
        if start >= 0 and [t.lower_ for t in doc[start:first]] == words:
            kind = "lower" if mod in _LOWER else "upper" if mod in _UPPER else "approx"
            return start, kind
    return None, None


def _range_end(doc: Doc, last: int, value: int, lex: Lexicon) -> tuple[int | None, int | None]:
    """'10 to 15', '10-15', 'between 10 and 15' -> (10, 15)."""
    if last + 1 < len(doc) and doc[last].lower_ in ("to", "-", "–", "and", "or"):
        other = _value(doc[last + 1], lex)
        if other is not None and other > value and doc[last + 1].lower_ not in lex.vague:
            if doc[last].lower_ in ("and", "or") and (doc[last - 2].lower_ if last >= 2 else "") != "between":
                return None, None
            return value, other
    return None, None
