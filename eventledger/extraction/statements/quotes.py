"""Quotations that run over several sentences of a paragraph: who is speaking inside them.

News prose puts the attribution once ("..., he said.") and lets the quotation run on:
  "We traced the kidnappers into a forest," he said. "We exchanged fire, one of them was killed."
The second quotation continues the first speaker's words: its sentences are that speaker's
claims, and a figure inside it is claimed by that speaker."""

from __future__ import annotations

import bisect

from ...records import Article, Evidence, Statement
from ..discourse.speech_acts import cue_kind, first_person_kind
from ..mentions import SentenceFindings
from .quotation_marks import quote_spans


def paragraph_quotes(article: Article) -> list[tuple[int, int, int]]:
    """(start, end, paragraph index) of the inside of every quotation, absolute offsets."""
    out = []
    for index, para in enumerate(article.paragraphs):
        if para.kind != "body":
            continue
        for start, end in quote_spans(para.text):
            out.append((para.start + start, para.start + end, index))
    return sorted(out)


def attribute_quotations(article: Article, found: SentenceFindings, sentences) -> None:
    """Give every quotation its speaker (its own attribution, else the previous quotation's in
    the same paragraph), then: a sentence wholly inside a quotation that yielded no statement
    becomes a claim by that speaker, and an unattributed figure inside it is claimed by them."""
    quotes = paragraph_quotes(article)
    if not quotes:
        return
    speakers: dict[int, Statement] = {}
    for i, (start, end, _) in enumerate(quotes):
        for statement in found.statements:
            ev = statement.evidence
            if statement.speaker and ev is not None and start <= ev.start and ev.end <= end + 1:
                speakers[i] = statement
                break
    for i, (start, end, para) in enumerate(quotes):
        if i in speakers:
            continue
        follower = _attribution_after(article, found, quotes, i)
        if follower is not None:
            speakers[i] = follower
    for i, (start, end, para) in enumerate(quotes):
        if i not in speakers and i > 0 and quotes[i - 1][2] == para and (i - 1) in speakers:
            speakers[i] = speakers[i - 1]  # the quotation runs on after "..., he said."
    covered = [(s.evidence.start, s.evidence.end) for s in found.statements if s.evidence is not None]
    starts = [q[0] for q in quotes]
    for sent in sentences:
        i = bisect.bisect_right(starts, sent.start + 1) - 1
        if i < 0 or i not in speakers:
            continue
        q_start, q_end, _ = quotes[i]
        inner_start, inner_end = max(sent.start, q_start), min(sent.end, q_end)
        if inner_end - inner_start < 0.6 * (sent.end - sent.start):
            continue
        source = speakers[i]
        if not any(a < inner_end and inner_start < b for a, b in covered):
            text = article.text[inner_start:inner_end].rstrip(" ,")
            found.statements.append(Statement(
                speaker=source.speaker, kind=_inner_kind(sent, text), text=text, target=None,
                speaker_evidence=source.speaker_evidence, evidence=Evidence(inner_start, inner_start + len(text), text),
                sentence=Evidence(sent.start, sent.end, sent.text),
            ))
        for mention in found.events:
            for figure in mention.figures:
                if figure.claimant is None and inner_start <= figure.evidence.start < inner_end:
                    figure.claimant, figure.claimant_evidence = source.speaker, source.speaker_evidence
    found.statements.sort(key=lambda s: s.evidence.start if s.evidence else 0)


def _inner_kind(sent, text: str) -> str:
    """The kind of a sentence of someone's quotation: its own first-person speech act ("We
    condemn ...", "We demand ..."), else what its words say ("must", "war crimes"), else a claim."""
    doc = getattr(sent, "doc", None)
    if doc is not None:
        kind = first_person_kind(doc, (0, len(doc.text)))
        if kind is not None:
            return kind
    return cue_kind(text) or "claim"


def _attribution_after(article: Article, found: SentenceFindings, quotes, i: int) -> Statement | None:
    """A quotation whose attribution the sentence splitter cut off after an abbreviation
    ('"...," military spokesman Brig. | Gen. Khalid al-Tahir said in a statement.'): the statement
    whose speaker follows the closing mark within the paragraph, with no words of its own, speaks
    it. Its text becomes the quotation."""
    start, end, para = quotes[i]
    limit = quotes[i + 1][0] if i + 1 < len(quotes) and quotes[i + 1][2] == para else end + 120
    for statement in found.statements:
        ev, spk = statement.evidence, statement.speaker_evidence
        if not statement.speaker or ev is None or spk is None or not (end < spk.start <= min(limit, end + 120)):
            continue
        between = article.text[end:spk.start]
        if "\n" in between or any(a <= ev.start < b for a, b, _ in quotes):
            continue
        if len(statement.text.split()) > 5:
            return None  # the speaker says something of their own: not this quotation's attribution
        text = article.text[start:end].strip().rstrip(",").rstrip()
        offset = start + (len(article.text[start:end]) - len(article.text[start:end].lstrip()))
        statement.text, statement.evidence = text, Evidence(offset, offset + len(text), text)
        if statement.kind == "claim":
            statement.kind = cue_kind(text) or "claim"
        return statement
    return None
