"""Second opinions on a page's main text, and how they join trafilatura's.

trafilatura reads a page well but sometimes stops short: a story split across layout tables, a
paragraph in a container it judged to be furniture, an old page where it finds nothing at all.
Two other well-kept extractors look at the page differently:

- readability-lxml (a port of Arc90's Readability) scores containers by their text and commas and
  keeps the best one with its siblings;
- jusText classifies each paragraph by its length, link density and share of stop words.

`merge_blocks` keeps every block trafilatura kept, and adds a block readability kept that
trafilatura left out only when jusText also calls it good text: two of the three agree. When
trafilatura finds nothing, readability's blocks are the article; when readability finds nothing
either, jusText's good paragraphs are.

Measured with `eventledger score cleaning` on the development halves of five public collections
(README, "Cleaning"): this beats trafilatura alone on each of them and a union of trafilatura's
and readability's blocks on four (readability alone does better only on Readability's own test
pages); keeping only the blocks two extractors share lost recall on every collection."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass

from lxml import etree
from lxml import html as lxml_html

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")  # characters lxml refuses in text
_WORD = re.compile(r"\w+")
_BLOCKS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "pre", "blockquote", "dd", "dt", "tr",
                     "figcaption", "table", "ul", "ol", "dl", "div", "section", "article", "header",
                     "footer", "main", "aside", "form", "br"})
SEARCH_BUDGET = 200_000_000  # characters searched per page when matching blocks (about 0.2 s)
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})


@dataclass(slots=True)
class Block:
    text: str
    heading: bool = False


def normalise(text: str) -> str:
    """Lower-cased words joined by single spaces: how blocks of two extractors are compared."""
    return " ".join(_WORD.findall(text.lower()))


def readability_blocks(markup: str) -> list[Block]:
    """The blocks of readability-lxml's article, in page order ([] when it finds none or fails)."""
    from readability import Document

    logging.getLogger("readability.readability").setLevel(logging.CRITICAL)  # it logs failures as errors
    try:
        summary = Document(_NOT_XML.sub("", markup)).summary(html_partial=True)
        tree = lxml_html.fromstring(summary)
    except Exception:  # noqa: BLE001 - a second opinion that fails is no opinion, never an error
        return []
    return _split_blocks(tree)


def justext_texts(markup: str) -> list[str]:
    """The paragraphs jusText judges good text ([] when it fails)."""
    import justext

    try:
        paragraphs = justext.justext(_NOT_XML.sub("", markup).encode("utf-8"), justext.get_stoplist("English"),
                                     encoding="utf-8")
    except Exception:  # noqa: BLE001 - as above
        return []
    return [p.text for p in paragraphs if not p.is_boilerplate]


def _split_blocks(root: etree._Element) -> list[Block]:
    """Text of a tree cut at block elements: each paragraph, heading, list item or table row is a
    block, and so is loose text between them."""
    blocks: list[Block] = []
    buffer: list[str] = []
    heading = [False]

    def flush() -> None:
        text = " ".join("".join(buffer).split())
        if text:
            blocks.append(Block(text, heading[0]))
        buffer.clear()
        heading[0] = False

    def walk(node: etree._Element) -> None:
        tag = node.tag if isinstance(node.tag, str) else None
        if tag in ("script", "style", "noscript", "template"):
            buffer.append(node.tail or "")
            return
        block = tag in _BLOCKS
        if block:
            flush()
            heading[0] = tag in _HEADINGS
        if tag is not None and node.text:
            buffer.append(node.text)
        for child in node:
            walk(child)
        if block:
            flush()
        elif tag == "td" or tag == "th":
            buffer.append(" ")
        if node.tail:
            buffer.append(node.tail)

    walk(root)
    flush()
    return blocks


def merge_blocks(kept: list[str], second: list[Block], third: Callable[[], list[str]]) -> list[tuple[int, Block]]:
    """Blocks of `second` to add to `kept` (trafilatura's blocks, in order), each with the index in
    `kept` it goes before: those `kept` does not hold and `third()` does (called only when some
    block of `second` is not in `kept`)."""
    if not second:
        return []
    kept_text = " \x00 ".join(normalise(text) for text in kept)
    # Substring searches cost the text's length each: on a huge page, only whole blocks compare.
    budget = SEARCH_BUDGET
    positions = {}
    for index, text in enumerate(kept):
        positions.setdefault(normalise(text), index)
    candidates: list[tuple[int, str, Block]] = []
    at = 0  # where the next added block goes: after the last kept block that `second` also has
    for block in second:
        norm = normalise(block.text)
        if not norm:
            continue
        if norm in positions:
            at = positions[norm] + 1
            continue
        budget -= len(kept_text)
        if budget >= 0 and norm not in kept_text:
            candidates.append((at, norm, block))
    if not candidates:
        return []
    third_text = " \x00 ".join(normalise(text) for text in third())
    added = []
    for at, norm, block in candidates:
        budget -= len(third_text)
        if budget >= 0 and norm in third_text:
            added.append((at, block))
    return added


__all__ = ["Block", "readability_blocks", "justext_texts", "merge_blocks", "normalise"]
