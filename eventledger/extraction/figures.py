"""Figures: how many were killed, injured, evacuated, displaced, arrested, abducted, missing, or
gathered, in one parsed sentence. Words and digits ("two", "at least 156", "more than 1,000",
"dozens", "between 10 and 20"), the civilians and children among them ("including two
civilians"), and whether the figure is background (a year before publication in its clause).

What counts as what lives in `eventledger/data/figures/figures.toml`."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.tokens import Doc, Token

from .hedges import is_hedged

_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "a hundred": 100,
}
_SCALE = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_LOWER = {"at least", "more than", "over", "upwards of", "no fewer than", "no less than", "in excess of", "at a minimum"}
_UPPER = {"up to", "as many as", "at most", "fewer than", "less than", "no more than", "nearly", "almost", "under"}
_APPROX = {"about", "around", "some", "approximately", "roughly", "an estimated", "estimated", "close to", "nearly"}
_MODIFIERS = sorted(_LOWER | _UPPER | _APPROX, key=lambda m: -len(m.split()))
# Not DATE: the small model tags "Between 10 and 20 soldiers" as one; the counted-noun test keeps "six weeks" out.
_SKIP_ENTS = {"PERCENT", "MONEY", "ORDINAL", "QUANTITY"}
_BREAKDOWN = {"including", "among", "of", "include", "includes", "included"}
_YEAR = re.compile(r"^(1[89]\d\d|20\d\d)$")


@dataclass(frozen=True, slots=True)
class Lexicon:
    verb_kind: dict[str, str]
    word_kind: dict[str, str]
    civilian: frozenset[str]
    children: frozenset[str]
    combatant: frozenset[str]
    people: frozenset[str]
    vague: dict[str, int]
    crowd_nouns: frozenset[str]
    titles: frozenset[str]
    since_nouns: frozenset[str] = frozenset()
    cumulative_subjects: frozenset[str] = frozenset()
    past_periods: tuple[str, ...] = ()
    perfect_periods: tuple[str, ...] = ()
    part_of: frozenset[str] = frozenset()


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    data = tomllib.loads(resources.files("eventledger.data").joinpath("figures/figures.toml").read_text("utf-8"))
    verb_kind: dict[str, str] = {}
    word_kind: dict[str, str] = {}
    for kind, spec in data["kinds"].items():
        for verb in spec["verbs"]:
            verb_kind.setdefault(verb, kind)
        for word in spec["words"]:
            word_kind.setdefault(word, kind)
    nouns = data["nouns"]
    return Lexicon(
        verb_kind, word_kind, frozenset(nouns["civilian"]), frozenset(nouns["children"]), frozenset(nouns["combatant"]),
        frozenset(nouns["people"]), dict(data["vague"]), frozenset(data["kinds"]["crowd"]["words"]),
        frozenset(nouns["titles"]),
        frozenset(data.get("background", {}).get("since_nouns", ())),
        frozenset(data.get("background", {}).get("cumulative_subjects", ())),
        tuple(data.get("background", {}).get("past_periods", ())),
        tuple(data.get("background", {}).get("perfect_periods", ())),
        frozenset(data.get("background", {}).get("part_of", ())),
    )


@dataclass(slots=True)
class ClaimantHit:
    """Who asserts something in a sentence. Offsets are relative to the sentence."""

    text: str
    start: int
    end: int
    is_pronoun: bool = False
    hedged: bool = False


@dataclass(slots=True)
class FigureHit:
    """One figure in a sentence. Offsets are relative to the sentence text."""

    kind: str
    count: int | None
    low: int | None
    high: int | None
    civilians: int | None
    children: int | None
    hedged: bool
    background: bool
    start: int
    end: int
    claimant: ClaimantHit | None = None
    trigger_i: int | None = None  # the token of the verb or noun that says what was counted
    noun_i: int | None = None


@dataclass(slots=True)
class _Number:
    first: int  # token indices, end exclusive
    last: int
    value: int
    low: int | None
    high: int | None
    head: int  # the token the phrase hangs on (the last number token)


def find_figures(doc: Doc, publication_year: int | None = None) -> list[FigureHit]:
    lex = lexicon()
    figures: list[FigureHit] = []
    for number in _numbers(doc):
        noun = _counted_noun(doc, number, lex)
        if noun is None or _is_part_of_toll(doc, number, lex):
            continue
        if _is_breakdown(noun, number, doc, bool(figures)) and not _own_fate(doc, noun, number, lex, figures):
            _add_breakdown(figures, noun, number, lex)
            continue
        kind, trigger = _kind(doc, noun, number, lex)
        if kind is None:
            continue
        if kind == "crowd" and noun.lower_ not in lex.crowd_nouns and not _gathering(doc, trigger):
            continue
        civilians = number.value if noun.lower_ in lex.civilian else (0 if noun.lower_ in lex.combatant else None)
        children = number.value if noun.lower_ in lex.children else None
        start = doc[number.first].idx
        end_token = doc[max(noun.i, number.last - 1)]
        figures.append(FigureHit(
            kind=kind, count=number.value, low=number.low, high=number.high, civilians=civilians, children=children,
            hedged=_hedged(doc, trigger), background=_background(doc, trigger, publication_year),
            start=start, end=end_token.idx + len(end_token.text), trigger_i=trigger, noun_i=noun.i,
        ))
    figures.extend(_singular_victims(doc, lex, figures, publication_year))
    if not figures:
        figures.extend(_restated_counts(doc, lex, publication_year))
    return figures


# A count that names no kind of its own and restates the count told just before from another
# source: "The police put the number at 8,000", "officials estimated the figure at 300". Its kind
# is "same": the kind of the figure before it, which the resolver fills in (or drops it).
SAME_KIND = "same"
_ESTIMATE_VERBS = {"put", "estimate", "place", "give", "set"}
_COUNT_NOUNS = {"number", "figure", "count", "total", "tally"}


def _restated_counts(doc: Doc, lex: Lexicon, publication_year: int | None) -> list[FigureHit]:
    out: list[FigureHit] = []
    for number in _numbers(doc):
        head = doc[number.head]
        prep = head.head
        if head.dep_ != "pobj" or prep.lower_ != "at" or prep.head.lemma_.lower() not in _ESTIMATE_VERBS:
            continue
        verb = prep.head
        noun = next((c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in _COUNT_NOUNS), None)
        if noun is None or any(c.dep_ == "prep" for c in noun.children):
            continue  # "put the number of dead at 30" names its kind: not a restatement
        end_token = doc[number.last - 1]
        out.append(FigureHit(
            kind=SAME_KIND, count=number.value, low=number.low, high=number.high, civilians=None, children=None,
            hedged=_hedged(doc, verb.i), background=_background(doc, verb.i, publication_year),
            start=doc[number.first].idx, end=end_token.idx + len(end_token.text), trigger_i=verb.i, noun_i=noun.i,
        ))
    return out


# ---- numbers -----------------------------------------------------------------------------------

def _numbers(doc: Doc) -> list[_Number]:
    lex = lexicon()
    out: list[_Number] = []
    i = 0
    while i < len(doc):
        token = doc[i]
        value = _value(token, lex)
        if value is None or token.ent_type_ in _SKIP_ENTS or _is_year_like(token) or _is_date_or_age(token) \
                or _is_one_of(token):
            i += 1
            continue
        first, last = i, i + 1
        if i > 0 and doc[i - 1].lower_ == "a":
            first = i - 1  # "a dozen"
        # "1.2 million", "two hundred", "thousands of"
        while last < len(doc) and doc[last].lower_ in _SCALE:
            value *= _SCALE[doc[last].lower_]
            last += 1
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
        number = _Number(first, last, value, value if token.lower_ in lex.vague else None, None, last - 1)
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


def _is_year_like(token: Token) -> bool:
    if not _YEAR.match(token.text):
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
    if prev is not None and prev.text == "," and token.i >= 2 and doc[token.i - 2].ent_type_ == "PERSON" \
            and (nxt is None or nxt.is_punct or nxt.lower_ in ("who", "a", "an", "the")):
        return True  # "said Abu Ahmed Hammad, 45, who lives next door": the speaker's age
    before = [t.lower_ for t in doc[max(0, token.i - 4): token.i]]
    if "aged" in before[-3:] or (("ages" in before or "age" in before) and "of" in before):
        return True  # "aged 12", "between the ages of 12 and 17"
    return nxt is not None and token.i + 2 < len(doc) and nxt.lower_ in ("years", "year") and doc[token.i + 2].lower_ == "old"


def _is_part_of_toll(doc: Doc, number: _Number, lex: Lexicon) -> bool:
    """'buried 19 of the dead', 'three of the wounded later died': a part of a toll the article
    gives elsewhere, not a figure of its own."""
    j = number.last
    if j + 2 < len(doc) and doc[j].lower_ == "of" and doc[j + 1].lower_ in ("the", "those") \
            and doc[j + 2].lower_ in lex.part_of:
        return True
    return False


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


# ---- what is counted ----------------------------------------------------------------------------

def _counted_noun(doc: Doc, number: _Number, lex: Lexicon) -> Token | None:
    """The noun the number counts, if it counts people ('25 people', 'six Azerbaijanis', 'dozens of
    protesters'); None for weeks, positions, kilometres, dollars..."""
    head = doc[number.head]
    candidates: list[Token] = []
    if head.dep_ == "nummod":
        candidates.append(head.head)
    if number.last < len(doc):
        candidates.append(doc[number.last])
        if number.last + 1 < len(doc) and doc[number.last].pos_ in ("ADJ", "VERB") and doc[number.last + 1].pos_ in ("NOUN", "PROPN"):
            candidates.append(doc[number.last + 1])  # "six suspected militants"
        if number.last + 2 < len(doc) and doc[number.last + 1].pos_ in ("ADJ", "NOUN", "PROPN"):
            candidates.append(doc[number.last + 2])  # "two senior Taliban commanders"
    for noun in candidates:
        # The number's own head may sit behind a few modifiers ("eight top al-Qaeda leaders").
        reach = 6 if head.dep_ == "nummod" and noun.i == head.head.i else 3
        if noun.i < number.first or noun.i - number.last > reach or noun.pos_ not in ("NOUN", "PROPN"):
            continue
        if _is_people(noun, lex):
            return noun
    # The number itself stands for people: "25 were killed", "the toll rose to 25", "killing at least six".
    nxt = doc[number.last] if number.last < len(doc) else None
    if nxt is None or nxt.pos_ not in ("NOUN", "PROPN") or nxt.lower_ in lex.word_kind:
        if head.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "attr", "appos", "conj", "npadvmod") or nxt is None or nxt.is_punct or nxt.pos_ in ("VERB", "AUX", "ADP", "CCONJ"):
            return head
    return None


def _is_people(noun: Token, lex: Lexicon) -> bool:
    word = noun.lower_
    if word in lex.people or word in lex.civilian or word in lex.children or word in lex.combatant or word in lex.word_kind:
        return True
    # Nationalities and groups counted as people: "six Azerbaijanis", "five Americans".
    return (noun.ent_type_ == "NORP" or noun.tag_ == "NNPS") and word.endswith("s")


def _is_breakdown(noun: Token, number: _Number, doc: Doc, after_figure: bool) -> bool:
    """'including two civilians', 'among them 185 children', 'of whom 29 were civilians', 'the
    victims included a police officer and three children'."""
    lex = lexicon()
    head = noun
    while head.dep_ == "conj" and head.head.i != head.i:
        head = head.head
    verb = head.head
    if head.dep_ == "dobj" and verb.lemma_.lower() == "include" and any(
            c.dep_ == "nsubj" and c.lower_ in lex.part_of for c in verb.children):
        return True  # the dead or the victims of a toll told elsewhere, broken down
    for word in (noun.head, doc[number.first - 1] if number.first > 0 else None):
        if word is not None and word.lower_ in ("including", "among", "include", "includes") and word.i < number.first:
            return True
    if after_figure and number.last + 1 < len(doc) and doc[number.last].lower_ == "of" \
            and doc[number.last + 1].lower_ in ("them", "whom", "those"):
        return True  # "three people were killed, two of them shot": a part of the figure before
    return number.first >= 2 and doc[number.first - 1].lower_ in ("them", "whom") and doc[number.first - 2].lower_ in ("among", "of")


def _own_fate(doc: Doc, noun: Token, number: _Number, lex: Lexicon, figures: list[FigureHit]) -> bool:
    """'712 inmates escaped and 64 of them had been recaptured', '40 people were abducted and 12 of
    them were later released': a part of the figure before that met another fate (not death or
    injury, which only refine a toll: 'three of the wounded later died') is a figure of its own."""
    if not figures or not (number.last + 1 < len(doc) and doc[number.last].lower_ == "of"
                           and doc[number.last + 1].lower_ in ("them", "those")):
        return False
    kind, trigger = _kind(doc, noun, number, lex)
    if kind is None or trigger is None or kind == figures[-1].kind or kind in ("killed", "injured"):
        return False
    verb = doc[trigger]
    return noun.dep_ in ("nsubj", "nsubjpass") and noun.head.i == verb.i and any(c.dep_ in ("aux", "auxpass") for c in verb.children)


def _add_breakdown(figures: list[FigureHit], noun: Token, number: _Number, lex: Lexicon) -> None:
    if not figures:
        return
    target = figures[-1]
    word = noun.lower_
    if word in lex.children:
        target.children = number.value
    elif word in lex.civilian:
        target.civilians = number.value
    # Other breakdowns ("including three soldiers") tell nothing about civilians: leave as is.
    if noun.i >= number.last - 1:
        target.end = max(target.end, noun.idx + len(noun.text))


def _kind(doc: Doc, noun: Token, number: _Number, lex: Lexicon) -> tuple[str | None, int | None]:
    """What happened to the counted people: the nearest kind word that governs the noun, else a
    kind word in the same clause next to it."""
    # The noun itself ("11 dead", "25 deaths", "5,000 protesters", "the death toll ... 25").
    own = lex.word_kind.get(noun.lower_)
    # Adjective or participle attached to the noun: "11 people dead", "138 people wounded".
    for child in noun.children:
        kind = _kind_of(child, lex)
        if kind and child.dep_ in ("amod", "acl", "acomp", "relcl") and child.i > number.first:
            return kind, child.i
    # Up the tree: the verb the noun is subject or object of, through "said to have been".
    token = noun
    for _ in range(4):
        head = token.head
        if head.i == token.i:
            break
        kind = _kind_of(head, lex)
        if kind:
            return kind, head.i
        if head.pos_ in ("VERB", "AUX"):
            for desc in head.children:
                if desc.dep_ in ("xcomp", "ccomp", "conj", "acomp", "oprd", "advcl") and desc.i > noun.i:
                    deep = _chain_kind(desc, lex)
                    if deep:
                        return deep
            if token.dep_ in ("nsubj", "nsubjpass", "dobj"):
                break
        token = head
    if own is not None:
        return own, noun.i
    # Fallback: a kind word next to the number in the same clause.
    for distance in range(1, 5):
        for j in (number.last - 1 + distance, number.first - distance):
            if 0 <= j < len(doc):
                if doc[j].is_punct and doc[j].text in ";:" or doc[j].lower_ in ("while", "whereas"):
                    continue
                kind = _kind_of(doc[j], lex)
                if kind:
                    return kind, j
    return None, None


def _gathering(doc: Doc, trigger: int | None) -> bool:
    """A crowd verb that only a crowd does: '8,000 people marched', 'people who took part'."""
    return trigger is not None and doc[trigger].lemma_.lower() in ("march", "rally", "gather", "protest", "demonstrate", "take")


def _chain_kind(token: Token, lex: Lexicon) -> tuple[str, int] | None:
    """Follow xcomp/conj chains: 'said to have been killed', 'were evacuated and treated'."""
    for _ in range(3):
        kind = _kind_of(token, lex)
        if kind:
            return kind, token.i
        nxt = next((c for c in token.children if c.dep_ in ("xcomp", "ccomp")), None)
        if nxt is None:
            return None
        token = nxt
    return None


def _kind_of(token: Token, lex: Lexicon) -> str | None:
    lemma = token.lemma_.lower()
    if token.pos_ in ("VERB", "AUX") or token.tag_ in ("VBN", "VBD"):
        if lemma == "lose":
            # "lost their lives" yes; "lost the war" no.
            return "killed" if any(c.lower_ in ("lives", "life") for c in token.children) else None
        if lemma == "shoot" and any(c.lower_ == "dead" for c in token.children):
            return "killed"  # "shot dead a security guard"
        if lemma == "hold":
            return "abducted" if any(c.lower_ in ("hostage", "captive") for c in token.children) else None
        if lemma == "take":
            if any(c.lower_ == "part" for c in token.children):
                return "crowd"  # "people who took part in the march"
            return "abducted" if any(c.lower_ in ("hostage", "captive") for c in token.children) else None
        kind = lex.verb_kind.get(lemma)
        if kind:
            return kind
    return lex.word_kind.get(token.lower_) if token.pos_ in ("ADJ", "NOUN", "VERB") else None


def _singular_victims(doc: Doc, lex: Lexicon, found: list[FigureHit], publication_year: int | None) -> list[FigureHit]:
    """'killed a construction engineer', 'an Afghan doctor was killed': one person."""
    taken = {f.noun_i for f in found}
    out: list[FigureHit] = []
    for token in doc:
        kind = _kind_of(token, lex) if token.pos_ == "VERB" else None
        if kind not in ("killed", "injured", "abducted", "arrested"):
            continue
        subject_dies = token.lemma_.lower() in ("die", "perish")  # "a prisoner died"
        for child in token.children:
            if child.dep_ not in ("dobj", "nsubjpass", "conj") and not (subject_dies and child.dep_ == "nsubj"):
                continue
            if child.i in taken:
                continue
            victim = child
            if victim.lower_ not in lex.civilian | lex.combatant | lex.people | lex.titles | {"boy", "girl", "suspect", "prisoner", "detainee", "guard"}:
                continue
            det = next((c for c in victim.children if c.dep_ in ("det", "poss")), None)
            definite_person = victim.lower_ in lex.titles and det is not None and det.lower_ in ("the", "his", "her", "its", "their")
            if det is None or (det.lower_ not in ("a", "an", "one", "another") and not definite_person):
                continue  # "killed the deputy chief" is one person; "killed the residents" is no count
            start, end = victim.left_edge.idx, victim.idx + len(victim.text)
            civilians = 1 if victim.lower_ in lex.civilian else (0 if victim.lower_ in lex.combatant else None)
            out.append(FigureHit(
                kind=kind, count=1, low=None, high=None, civilians=civilians,
                children=1 if victim.lower_ in lex.children else None, hedged=_hedged(doc, token.i),
                background=_background(doc, token.i, publication_year), start=start, end=end,
                trigger_i=token.i, noun_i=victim.i,
            ))
            taken.add(victim.i)
    return out


def _hedged(doc: Doc, trigger: int | None) -> bool:
    if trigger is None:
        return False
    window = doc[max(0, trigger - 6): trigger + 1].text
    return is_hedged(window)


def _background(doc: Doc, trigger: int | None, publication_year: int | None) -> bool:
    """A figure is background when its clause is dated to an earlier year ('died ... in 2020'), or
    to an earlier period ('last month'), or when it is a running total ('since the invasion began',
    'the conflict has killed more than 40,000'), or about earlier events ('during those protests')."""
    if trigger is None:
        return False
    if publication_year is not None:
        if any(_YEAR.match(token.text) and int(token.text) < publication_year for token in doc[trigger].subtree):
            return True
        if any(_YEAR.match(token.text) and int(token.text) < publication_year for token in _clause_scope(doc[trigger])):
            return True
        if any(_YEAR.match(token.text) and int(token.text) < publication_year for token in list(doc[trigger].ancestors)[:6]):
            return True  # "since 2014, when militants kidnapped 276 schoolgirls": the clause hangs on the year
    return _running_total(doc[trigger], lexicon())


def _clause_scope(trigger: Token) -> list[Token]:
    """The trigger's clause without relative clauses, and the adverbials of the clauses it hangs
    in ('In April 2023, an air strike on a crowd gathered ..., killed 170': the date sits on the
    first verb of the sentence)."""
    out: list[Token] = []

    def walk(token: Token) -> None:
        out.append(token)
        for child in token.children:
            if child.dep_ not in ("relcl", "acl"):
                walk(child)

    walk(trigger)
    token = trigger
    for _ in range(6):
        head = token.head
        if head.i == token.i:
            break
        for child in head.children:
            if child.i != token.i and child.dep_ in ("prep", "npadvmod", "advmod") and child.lower_ != "since":
                out.extend(child.subtree)
        token = head
    return out


def _running_total(trigger: Token, lex: Lexicon) -> bool:
    scope = _clause_scope(trigger)
    for token in scope:
        if token.lower_ == "since":
            for word in token.doc[token.i + 1: token.i + 6]:
                if word.lemma_.lower() in lex.since_nouns:
                    return True
        if token.lower_ == "those" and token.dep_ == "det" and token.head.head.lower_ in ("during", "in", "amid"):
            return True  # "killed during those protests": the earlier events just described
    text = " ".join(t.lower_ for t in sorted(scope, key=lambda t: t.i))
    for period in lex.past_periods:
        at = f" {text} ".find(f" {period} ")
        if at >= 0 and not f" {text} "[:at].endswith(" since"):
            return True
    if any(c.lower_ in ("has", "have", "had") and c.dep_ == "aux" for c in trigger.children):
        for period in lex.perfect_periods:
            if f" {period} " in f" {text} ":
                return True  # "roadside bombs had killed dozens of civilians this year"
    if trigger.pos_ in ("VERB", "AUX") and any(c.lower_ in ("has", "have") and c.dep_ == "aux" for c in trigger.children):
        subject = next((c for c in trigger.children if c.dep_ == "nsubj"), None)
        if subject is not None and subject.lemma_.lower() in lex.cumulative_subjects:
            return True  # "The conflict has killed more than 40,000 people"
    if _standing_displacement(trigger):
        return True
    if trigger.dep_ == "conj" and trigger.head.pos_ in ("VERB", "AUX") and trigger.head.i != trigger.i:
        return _running_total(trigger.head, lex)  # "have killed 6,200 since the coup, and 28,000 have been arrested"
    return False


def _standing_displacement(trigger: Token) -> bool:
    """'More than 7 million people are displaced in Congo', '40,000 remain displaced': the present
    tense counts who is displaced now (a standing total), not who fled in the reported event
    ('3,000 people were displaced', 'have fled')."""
    if trigger.lemma_.lower() != "displace" and trigger.lower_ != "displaced":
        return False
    if any(c.dep_ == "auxpass" and c.tag_ in ("VBP", "VBZ") for c in trigger.children):
        return True
    head = trigger.head
    return trigger.dep_ in ("acomp", "xcomp") and head.lemma_.lower() == "remain" and head.tag_ in ("VBP", "VBZ")
