"""HTML pages: trafilatura finds the main text; we keep its structure (headings, paragraphs),
put photo captions back where the figures were, and record what the page had besides."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import trafilatura
from lxml import etree
from lxml import html as lxml_html

from ..errors import InputError
from ..records import Removed
from .duplicates import MIN_WORDS, normalise
from .opinions import Block, justext_texts, merge_blocks, readability_blocks
from .units import Unit

# Containers whose text trafilatura leaves out, and the reason we record for each.
_LANDMARKS = (
    ("nav", "navigation"),
    ("header", "page_header"),
    ("footer", "footer"),
    ("form", "comment_form"),
    ("aside", "teaser"),
)
_CLASS_HINTS = (
    (re.compile(r"comment|respond|reply", re.I), "comment_form"),
    (re.compile(r"related|recommend|more-?stories|read-?more|teaser|promo", re.I), "teaser"),
    (re.compile(r"newsletter|subscribe|signup", re.I), "subscribe"),
    (re.compile(r"share|social", re.I), "widget"),
    (re.compile(r"cookie|consent", re.I), "widget"),
    (re.compile(r"\b(?:nav|menu|breadcrumb)", re.I), "navigation"),
    (re.compile(r"footer|copyright", re.I), "footer"),
)
_BLOCK_TAGS = ("p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "label", "button", "figcaption", "td", "a", "span", "div")


@dataclass(slots=True)
class HtmlParts:
    units: list[Unit]
    title: str | None = None
    published: str | None = None
    sitename: str | None = None
    url: str | None = None
    removed: list[Removed] = field(default_factory=list)


# lxml refuses a str that declares an encoding; a declaration ends at its first ">" even when it
# is broken ('<?xml version="1.0" encoding="ilashack, necessarily, ...>' on an L3S-GN1 page).
_XML_DECLARATION = re.compile(r"^[\s\ufeff]*<\?xml[^>]*>", re.I)


_TITLE_TAG = re.compile(r"<title\b[^>]*>", re.I)
SWALLOWED_TITLE = 300  # characters: a title this long took in the page after an unclosed <title>


def _parse(markup: str) -> etree._Element:
    try:
        return lxml_html.fromstring(markup)
    except (etree.ParserError, ValueError) as exc:
        raise InputError(f"broken HTML: {exc}", "bad_html") from None


def parse_html(markup: str) -> HtmlParts:
    markup = _XML_DECLARATION.sub("", markup, count=1)
    tree = _parse(markup)
    title_element = tree.find(".//title")
    if title_element is not None and len(title_element.text or "") > SWALLOWED_TITLE:
        # `<title>Story</titlevalue="true" -->`: the page became its title; read it without one.
        markup = _TITLE_TAG.sub("", markup, count=1)
        tree = _parse(markup)
    xml = trafilatura.extract(
        markup, output_format="xml", include_comments=False, include_images=INCLUDE_IMAGES,
        include_tables=True, with_metadata=True, favor_recall=FAVOR_RECALL,
    )
    doc = etree.fromstring(xml.encode("utf-8")) if xml else None
    captions = _captions(tree)
    units = _units(doc, captions) if doc is not None else []
    units = _second_opinions(markup, units, captions)
    repeats = written_repeats(tree)
    for unit in units:
        unit.written_repeat = bool(repeats) and _key(unit.text) in repeats
    if not units:
        fragment = _fragment_xml(tree)  # a snippet ("<p>Gunmen killed ...</p>") is no page: its text is the article
        if fragment:
            doc = doc if doc is not None else etree.fromstring(fragment.encode("utf-8"))
            units = _units(etree.fromstring(fragment.encode("utf-8")), captions)
    if not units:
        raise InputError("HTML without article text: no main content found", "no_text")
    title = doc.get("title") if doc is not None else None
    if title and not any(u.hint == "title" for u in units):
        units.insert(0, Unit(title, "title"))
    kept = {u.text for u in units}
    return HtmlParts(
        units=units,
        title=title,
        published=doc.get("date") if doc is not None else None,
        sitename=doc.get("sitename") if doc is not None else None,
        url=(doc.get("source") or None) if doc is not None else None,
        removed=_removed_blocks(tree, kept),
    )


INCLUDE_IMAGES = False
FAVOR_RECALL = False  # trafilatura's recall mode: on the development halves up to 0.008 F1 better on four collections, 0.009 worse on L3S-GN1's news


def _flat(element: etree._Element) -> str:
    return " ".join(" ".join(t.split()) for t in element.itertext() if t.strip())


def _units(doc: etree._Element, captions: list[str]) -> list[Unit]:
    """Units of trafilatura's XML, block by block: headings (the first h1 is the title),
    paragraphs, lists and quotes (one unit each), table rows, code; photo captions go back where
    the figures were."""
    main = doc.find("main")
    if main is None:
        return []
    units: list[Unit] = []
    placed = 0  # captions put back where their figures were
    titled = False
    for element in main:
        if not isinstance(element.tag, str):
            continue
        if element.tag == "table":
            for row in element.iter("row"):
                cells = [text for cell in row if (text := _flat(cell))]
                if cells:
                    units.append(Unit(" | ".join(cells), "body"))
        elif text := _flat(element):
            hint = "heading" if element.tag == "head" else "body"
            if element.tag == "head" and element.get("rend") == "h1" and not titled:
                hint, titled = "title", True
            units.append(Unit(text, hint))
        for _ in element.iter("graphic"):
            if placed < len(captions):
                units.append(Unit(captions[placed], "caption"))
                placed += 1
        tail = " ".join((element.tail or "").split())
        if tail:
            units.append(Unit(tail, "body"))  # text after a heading, outside any paragraph (a feed's summary)
    units.extend(Unit(c, "caption") for c in captions[placed:])
    return units


OPINIONS_MAX_CHARS = 5_000_000  # a larger page is read by trafilatura alone (each opinion takes about 1 s a MB)


def _second_opinions(markup: str, units: list[Unit], captions: list[str]) -> list[Unit]:
    """trafilatura's units with the blocks readability-lxml and jusText both found and it did not
    (`opinions.merge_blocks`); readability's blocks, or jusText's, when trafilatura found nothing."""
    if len(markup) > OPINIONS_MAX_CHARS:
        return units
    text_units = [u for u in units if u.hint != "caption"]
    second = readability_blocks(markup)
    if not text_units:
        # trafilatura found nothing: readability's blocks that jusText vouches for, else jusText's
        # good paragraphs (a page of links has neither, and stays refused)
        third = justext_texts(markup)
        blocks = [b for at, b in merge_blocks([], second, lambda: third)] or [Block(t) for t in third]
        return units + [Unit(b.text, "heading" if b.heading else "body") for b in blocks if b.text not in captions]
    kept = [u.text for u in units]
    added = [(at, block) for at, block in merge_blocks(kept, second, lambda: justext_texts(markup))
             if block.text not in captions]
    if not added:
        return units
    merged: list[Unit] = []
    queue = iter(added)
    pending = next(queue, None)
    for index, unit in enumerate(units + [None]):
        while pending is not None and pending[0] <= index:
            merged.append(Unit(pending[1].text, "heading" if pending[1].heading else "body"))
            pending = next(queue, None)
        if unit is not None:
            merged.append(unit)
    return merged


FRAGMENT_WORDS = 400  # a snippet or a feed entry; a page is longer, and trafilatura reads pages
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")  # characters XML cannot hold


def _fragment_xml(tree: etree._Element) -> str | None:
    """trafilatura finds no main content in a short snippet of markup; read the snippet's own
    text blocks instead, when it is short and none of it is page furniture (navigation, footer,
    forms). Returns trafilatura-like XML, or None."""
    if any(True for _ in tree.iter("nav", "header", "footer", "form", "aside")):
        return None
    body = tree.find(".//body") if tree.tag == "html" else tree
    if body is None:
        return None
    for bad in body.iter("script", "style", "noscript", "template"):
        bad.text = None
    text = " ".join(" ".join(body.itertext()).split())
    if not text or len(text.split()) > FRAGMENT_WORDS:
        return None
    main = etree.Element("main")
    blocks = [e for e in body.iter("p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote")
              if not any(a.tag in ("p", "li", "blockquote") for a in e.iterancestors())]
    for element in blocks or [body]:
        block = _NOT_XML.sub("", " ".join(" ".join(element.itertext()).split()))
        if block:
            child = etree.SubElement(main, "head" if element.tag.startswith("h") and len(element.tag) == 2 else "p")
            if child.tag == "head":
                child.set("rend", element.tag)
            child.text = block
    if not len(main):
        return None
    doc = etree.Element("doc")
    title = tree.find(".//title")
    if title is not None and (title.text or "").strip():
        doc.set("title", _NOT_XML.sub("", " ".join(title.text.split())))
    doc.append(main)
    return etree.tostring(doc, encoding="unicode")


def _key(text: str) -> str:
    """The duplicates' normal form without its spaces (markup may split or join words at tags)."""
    return normalise(text).replace(" ", "")


def written_repeats(tree: etree._Element) -> set[str]:
    """The paragraphs the page itself writes more than once in one place: `<p>` children of one
    element with the same text (of `duplicates.MIN_WORDS` words or more, as the cleaner's
duplicates: shorter lines repeat anyway), as keys of `_key`.

    A paragraph printed twice in a row is otherwise a copy (an image's alt text and caption, a
    teaser and its story, a block a template prints twice) and is kept once. Written as sibling
    paragraphs, the repeat is the page's text: in the five collections of `score cleaning`, the
    gold text holds such a repeat each time the page writes it on CleanEval (final-252) and on
    seven Readability pages (003-metadata-preferred, 004-metadata-space-separated-properties,
    metadata-content-missing, missing-paragraphs, dev418, social-buttons, svg-parsing); the
    three sibling repeats the gold leaves out (a script's text, a list of headlines, hidden
    nodes) are text trafilatura does not keep either."""
    repeats: set[str] = set()
    for parent in tree.iter():
        seen: set[str] = set()
        for child in parent:
            if child.tag != "p":
                continue
            text = _flat(child)
            if len(text.split()) < MIN_WORDS:
                continue
            key = _key(text)
            if key in seen:
                repeats.add(key)
            seen.add(key)
    return repeats


def _captions(tree: etree._Element) -> list[str]:
    return list(dict.fromkeys(text for cap in tree.iter("figcaption") if (text := " ".join(" ".join(cap.itertext()).split()))))


def _reason_for(element: etree._Element) -> str | None:
    for node in [element, *element.iterancestors()]:
        if not isinstance(node.tag, str):
            continue
        for tag, reason in _LANDMARKS:
            if node.tag == tag:
                return reason
        marks = f"{node.get('class', '')} {node.get('id', '')} {node.get('role', '')}"
        for pattern, reason in _CLASS_HINTS:
            if marks.strip() and pattern.search(marks):
                return reason
    return None


class _Kept:
    """Answers "is this text part of a kept unit?" without searching every unit: a text of three
    or more words is only looked for in the units that hold its rarest inner word (inner words
    are whole words wherever the text occurs); a shorter one in all units joined, within a budget
    of characters searched (past it, on a hostile page, short texts count as kept)."""

    def __init__(self, kept: set[str]):
        self.units = sorted(kept)
        self.words: dict[str, list[int]] = {}
        for index, text in enumerate(self.units):
            for word in set(text.split()):
                self.words.setdefault(word, []).append(index)
        self.joined = "\x00".join(self.units)
        self.budget = 50 * len(self.joined) + 50_000_000

    def holds(self, text: str) -> bool:
        inner = text.split()[1:-1]
        if inner:
            holders = min((self.words.get(word, ()) for word in inner), key=len)
            return any(text in self.units[index] for index in holders)
        if self.budget <= 0:
            return True
        self.budget -= len(self.joined)
        return text in self.joined


def _removed_blocks(tree: etree._Element, kept: set[str]) -> list[Removed]:
    """Text blocks of the page that are not in the article, each with the reason it was left out."""
    for bad in tree.iter("script", "style", "noscript", "template"):
        bad.text = None
    removed: list[Removed] = []
    seen: set[str] = set(kept)
    inside = _Kept(kept)
    for element in tree.iter(*_BLOCK_TAGS):
        if any(child.tag in _BLOCK_TAGS for child in element):
            own = " ".join((element.text or "").split())
        else:
            own = " ".join(" ".join(element.itertext()).split())
        if not own or own in seen or inside.holds(own):
            continue
        seen.add(own)
        reason = _reason_for(element)
        if reason:
            removed.append(Removed(own, reason))
        elif element.tag in ("input", "textarea", "label", "button"):
            removed.append(Removed(own, "comment_form"))
    return removed
