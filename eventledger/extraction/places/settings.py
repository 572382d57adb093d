"""Where a story is set: the place names its sentences use for where things are or happen, as
opposed to who acts ("Azerbaijan launched"), a government's seat ("Baku said"), a report's origin
("told reporters in Cucuta"), a person, a backer or a hospital. The resolve stage counts them to
place an event the article reports without naming its place again (`resolve/setting.py`)."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from ...knowledge.speech import saying_verbs
from ...language import Sentence
from ..mentions import SettingName
from .names import excluded, is_dateline, is_government_metonym, place_level, place_spans


def setting_names(sent: Sentence, doc: Doc) -> list[SettingName]:
    """The sentence's place names that can tell where the story happens, with article offsets."""
    base = doc[0].idx
    out = []
    for span in place_spans(doc):
        start, end = span.start_char - base, span.end_char - base
        if excluded(span) or is_dateline(span) or is_government_metonym(doc, start, end) or _where_said(span):
            continue
        out.append(SettingName(span.text, sent.start + start, sent.start + end, level=place_level(span)))
    return out


def _where_said(span: Span) -> bool:
    """'..., Sanchez told reporters in Cucuta', 'said at a news conference in Kinshasa': where
    someone spoke, which the story need not be about."""
    speech = saying_verbs()
    token = span.root
    for _ in range(4):
        head = token.head
        if head.i == token.i:
            return False
        if head.pos_ in ("VERB", "AUX"):
            return head.lemma_.lower() in speech
        token = head
    return False
