"""Where the quotations are in a sentence's text, by their marks (curly, straight, guillemets),
including quotations that open or close in another sentence. What was said is often inside
them, and what is inside them is someone's claim."""

from __future__ import annotations

_QUOTE_PAIRS = (("“", "”"), ('"', '"'), ("«", "»"), ("„", "“"))


def quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the inside of each quotation in the sentence. A quotation that runs over
    several sentences leaves one sentence with only its closing mark ('... must investigate,"
    the chairperson told reporters.') and another with only its opening mark: the inside runs to
    the sentence's start or end."""
    spans = []
    for open_q, close_q in _QUOTE_PAIRS:
        start = 0
        if open_q == close_q == '"' and text.count('"') % 2 == 1:
            first = text.find('"')
            if _closes(text, first):
                spans.append((0, first))  # the tail of a quotation opened in an earlier sentence
                start = first + 1
        elif open_q in "“«" and text.find(close_q) > 0 and (text.find(open_q) < 0 or text.find(close_q) < text.find(open_q)):
            first = text.find(close_q)
            spans.append((0, first))
            start = first + 1
        while True:
            a = text.find(open_q, start)
            if a < 0:
                break
            b = text.find(close_q, a + 1)
            if b < 0:
                if open_q in "“«\"" and text[a + 1:].strip() and (open_q != '"' or not _closes(text, a)):
                    spans.append((a + 1, len(text)))  # the head of a quotation that runs on
                break
            spans.append((a + 1, b))
            start = b + 1
    return sorted(set(spans))


def _closes(text: str, at: int) -> bool:
    """Whether the straight quotation mark at `at` closes a quotation: it follows a word or
    punctuation and does not open onto one."""
    before = text[at - 1] if at > 0 else " "
    after = text[at + 1] if at + 1 < len(text) else " "
    return not before.isspace() and before not in "([" and (after.isspace() or after in ".,;:!?)")


def inside(char: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= char < b for a, b in spans)
