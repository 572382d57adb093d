"""Lay the public cleaning benchmarks out for `eventledger score cleaning`.

The benchmarks are third-party data and are never committed to the repository. Get them once,
outside it, then run this script:

    # a public mirror of CleanEval (dev + final), CleanPortalEval, Dragnet, L3S-GN1 (Google News)
    # and Mozilla Readability's test pages, each as input/<id>.html beside GoldStandard/<id>.txt
    git clone https://github.com/j-szulc/html-cleaning-dataset-merged /work/data/cleaning/raw
    python scripts/prepare_cleaning_data.py /work/data/cleaning/raw /work/data/cleaning

It writes one folder per collection, `OUT/<collection>/<id>.html` (the page, UTF-8) beside
`OUT/<collection>/<id>.txt` (its gold main text, UTF-8, one block a line):

| collection | pages | gold main text |
|---|---|---|
| cleaneval | 739 | CleanEval's cleaned text (dev set `dev-<n>`, final set `final-<n>`), its `<p>`/`<h>`/`<l>` marks and URL line dropped |
| cleanportaleval | 71 | the same format, portal pages (BBC, ...) |
| dragnet | 1,381 | Dragnet's corrected main-content text, without the readers' comments that follow it |
| l3s-gn1 | 621 | L3S-GN1's annotated pages: the text marked headline, full text or supplemental (x-nc-sel1-3) |
| readability | 116 | the text of Mozilla Readability's expected.html |

These are the conventions of the web-content-extraction benchmark (Bevendorff et al. 2023,
chatnoir-eu/web-content-extraction-benchmark, whose own copies of the data, and of CETD and
Google-Trends-2017, are Git LFS objects the project's tools cannot fetch), but for Dragnet: its
gold files hold the article and then, after a `!@#$%^&*() COMMENTS` line, the readers' comments;
that benchmark scores both as main content, here only the article is (comments are no part of an
article's body). The Zyte/Scrapinghub set of that benchmark is reserved for independent
evaluation and must not be added here.
"""

from __future__ import annotations

import argparse
import html
import re
import sys
from pathlib import Path

from lxml import etree
from lxml import html as lxml_html

SOURCES = {  # collection -> folders of the mirror (several are merged, with an id prefix)
    "cleaneval": (("cleaneval-dev", "dev-"), ("cleaneval-final", "final-")),
    "cleanportaleval": (("CleanPortalEval-master", ""),),
    "dragnet": (("dragnet_data", ""),),
    "l3s-gn1": (("page-signal-master", ""),),
    "readability": (("readability", ""),),
}
_TEXT_WRAPPER = re.compile(r"^\s*<text [^>]*>\s*|\s*</text>\s*$")
_CLEANEVAL_MARK = re.compile(r"<\s*/?\s*(?:p|h|l)\s*>", re.I)
_DRAGNET_COMMENTS = re.compile(r"^[!@#$%^&*() \t]{4,}COMMENTS\s*$", re.M)  # gold: the article, then its comments
_L3S_CONTENT = re.compile(r"\bx-nc-sel[123]\b")
_BLOCKS = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "br", "tr", "td", "blockquote", "pre",
           "section", "article", "header", "footer", "table", "ul", "ol", "dd", "dt", "figcaption"}


def decode(data: bytes) -> str:
    """UTF-8 when the bytes are UTF-8, else Windows-1252 (the old pages' usual code page)."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _lines(text: str) -> str:
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def cleaneval_gold(text: str) -> str:
    text = re.sub(r"^\s*URL:[^\n]*\n?", "", text)
    return _lines(html.unescape(_CLEANEVAL_MARK.sub("\n", text)))


def _block_text(element: etree._Element) -> str:
    """An element's text with a line break at each block element."""
    parts: list[str] = []

    def walk(node: etree._Element) -> None:
        if not isinstance(node.tag, str) or node.tag in ("script", "style", "noscript"):
            if node.tail:
                parts.append(node.tail)
            return
        block = node.tag in _BLOCKS
        if block:
            parts.append("\n")
        if node.text:
            parts.append(node.text)
        for child in node:
            walk(child)
        if block:
            parts.append("\n")
        if node.tail and node is not element:
            parts.append(node.tail)

    walk(element)
    return _lines("".join(parts))


def readability_gold(markup: str) -> str:
    return _block_text(lxml_html.fromstring(markup))


def l3s_gold(markup: str) -> str:
    """The text of the outermost elements marked headline (1), full text (2) or supplemental (3)."""
    tree = lxml_html.fromstring(markup)
    chunks = []
    for element in tree.iter():
        if not isinstance(element.tag, str) or not _L3S_CONTENT.search(element.get("class", "")):
            continue
        if any(_L3S_CONTENT.search(a.get("class", "")) for a in element.iterancestors()):
            continue
        chunks.append(_block_text(element))
    return "\n".join(chunk for chunk in chunks if chunk)


def gold_text(collection: str, raw: str) -> str:
    if collection in ("cleaneval", "cleanportaleval"):
        return cleaneval_gold(raw)
    if collection == "readability":
        return readability_gold(raw)
    if collection == "l3s-gn1":
        return l3s_gold(raw)
    if collection == "dragnet":
        return _lines(_DRAGNET_COMMENTS.split(raw)[0])
    return _lines(raw)


def page_html(collection: str, raw: str) -> str:
    return _TEXT_WRAPPER.sub("", raw) if collection in ("cleaneval", "cleanportaleval") else raw


def prepare(source: Path, out: Path, collections: list[str]) -> dict[str, int]:
    counts = {}
    for collection in collections:
        target = out / collection
        target.mkdir(parents=True, exist_ok=True)
        n = 0
        for folder, prefix in SOURCES[collection]:
            inputs, golds = source / folder / "input", source / folder / "GoldStandard"
            if not golds.is_dir():
                print(f"{collection}: {golds} not found; skipped", file=sys.stderr)
                continue
            for gold_path in sorted(golds.glob("*.txt")):
                page_path = inputs / (gold_path.stem + ".html")
                if not page_path.is_file():
                    continue
                page = page_html(collection, decode(page_path.read_bytes()))
                gold = gold_text(collection, decode(gold_path.read_bytes()))
                name = prefix + gold_path.stem
                (target / f"{name}.html").write_text(page, encoding="utf-8")
                (target / f"{name}.txt").write_text(gold + "\n", encoding="utf-8")
                n += 1
        counts[collection] = n
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("source", type=Path, help="the mirror's folder (input/ and GoldStandard/ per collection)")
    parser.add_argument("out", type=Path, help="where to write OUT/<collection>/<id>.html and .txt")
    parser.add_argument("--collection", action="append", choices=sorted(SOURCES), help="only these (repeatable)")
    args = parser.parse_args(argv)
    for collection, n in prepare(args.source, args.out, args.collection or sorted(SOURCES)).items():
        print(f"{collection}: {n} pages")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
