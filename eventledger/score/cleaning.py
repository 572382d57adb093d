"""Score cleaning: the article body eventledger keeps against a benchmark's gold main text, beside trafilatura.

    eventledger score cleaning --collection NAME --path DIR [--split dev|heldout|all] [--limit N] [--worst N]
    eventledger score cleaning --collection scraped [--path eval/cleaning]

HTML collections: DIR (or DIR/NAME) holds pages `<id>.html` beside their gold main text
`<id>.txt` (`scripts/prepare_cleaning_data.py` lays out CleanEval, CleanPortalEval, Dragnet,
L3S-GN1 and Readability that way; they are third-party data and stay outside the repository).
Each page goes through eventledger's cleaner as a user's page would (`to_raw_document`, then
`clean`) and, in the same process, through `trafilatura.extract` with its default options.

The body eventledger is scored on is its standfirst, body paragraphs and headings (the text the
extractors read); photo captions are kept apart and not counted. The gold of CleanEval,
CleanPortalEval, Dragnet and L3S-GN1 starts with the page's headline, so there each system's
title counts too (eventledger's title; trafilatura's metadata title before its text, unless its
text starts with it); Readability's and the scraped pages' gold leave it out (`--title` /
`--no-title` to choose). Pages eventledger refuses ("nothing but boilerplate") count as empty.

Scraped text (`--collection scraped`): `eval/cleaning/scraped.jsonl` marks which lines of the
project's scraped news pages (`eval/news/articles`) are article body (`eval/cleaning/README.md`);
the cleaner runs on the whole scraped text, and "keep everything" is printed beside it as the
baseline. Its split is fixed in the file: `dev` pages were looked at while developing the
cleaner, `heldout` pages were marked after the cleaner was frozen.

Metric: words (lower-cased `\\w+` tokens) as a bag. Per page, precision is the share of the
words kept that are in the gold text (counted with multiplicity), recall the share of the gold
words kept, F1 their harmonic mean; the figures are means over pages (P, R and F1 each averaged).
An empty output scores P = R = F1 = 0 against a non-empty gold text, and 1 against an empty one.
When some pages are not in English (their gold text fails the cleaner's English test), the
figures are printed again for the English pages only: eventledger reads English, and on Chinese
or Japanese text the words are whole clauses.

`--split` takes a fixed half of each HTML collection by a hash of the page id: `dev` is the half
looked at while developing, `heldout` the half only reported."""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
# Collections whose gold text starts with the page's headline: there the title counts, for both.
TITLED = ("cleaneval", "cleanportaleval", "dragnet", "l3s-gn1")
DEFAULT_SCRAPED = REPO / "eval" / "cleaning"
NEWS_ARTICLES = REPO / "eval" / "news" / "articles"
SPLITS = ("dev", "heldout", "all")
_WORD = re.compile(r"\w+")


@dataclass(slots=True)
class Page:
    id: str
    content: str  # the page's HTML, or a scraped text
    gold: str
    content_type: str = "html"
    split: str | None = None  # dev or heldout; None: by a hash of the id


@dataclass(slots=True)
class PageScore:
    precision: float
    recall: float
    f1: float
    empty: bool  # the system gave nothing (refused, or found no main text)
    seconds: float


@dataclass
class SystemScore:
    name: str
    pages: dict[str, PageScore] = field(default_factory=dict)

    def _mean(self, attribute: str) -> float:
        return statistics.fmean(getattr(p, attribute) for p in self.pages.values()) if self.pages else 0.0

    @property
    def precision(self) -> float:
        return self._mean("precision")

    @property
    def recall(self) -> float:
        return self._mean("recall")

    @property
    def f1(self) -> float:
        return self._mean("f1")

    @property
    def empty(self) -> int:
        return sum(p.empty for p in self.pages.values())

    @property
    def seconds_per_page(self) -> float:
        return self._mean("seconds")


def words(text: str) -> Counter[str]:
    return Counter(_WORD.findall(text.lower()))


def overlap_score(predicted: str, gold: str) -> tuple[float, float, float]:
    """Bag-of-words precision, recall and F1 of one page."""
    got, want = words(predicted), words(gold)
    n_got, n_want = sum(got.values()), sum(want.values())
    if not n_got or not n_want:
        same = float(n_got == n_want)
        return same, same, same
    common = sum((got & want).values())
    p, r = common / n_got, common / n_want
    return p, r, (2 * p * r / (p + r) if common else 0.0)


def split_of(page_id: str) -> str:
    return "dev" if int(hashlib.sha256(page_id.encode("utf-8")).hexdigest(), 16) % 2 == 0 else "heldout"


# --- what each system keeps ---------------------------------------------------------------------


def eventledger_body(content: str, content_type: str = "html", title: bool = False) -> str:
    """The article body eventledger keeps: standfirst, body paragraphs and headings, after the
    title when `title` ('' if the page is refused)."""
    from ..clean import clean
    from ..errors import InputError
    from ..ingest.decode import to_raw_document

    try:
        article = clean(to_raw_document(content, content_type=content_type)).article
    except InputError:
        return ""
    parts = [article.title] if title and article.title else []
    parts += [article.standfirst] if article.standfirst else []
    parts += [p.text for p in article.paragraphs if p.kind in ("body", "heading")]
    return "\n".join(parts)


def trafilatura_text(content: str, content_type: str = "html", title: bool = False) -> str:
    """trafilatura's text with its default options, after the title it finds when `title`."""
    import trafilatura

    text = trafilatura.extract(content) or ""
    if title:
        found = trafilatura.extract_metadata(content).title
        if found and not text.startswith(found):
            text = f"{found}\n{text}"
    return text


def keep_everything(content: str, content_type: str = "text", title: bool = False) -> str:
    return content


Extractor = Callable[[str, str, bool], str]
HTML_SYSTEMS: dict[str, Extractor] = {"eventledger": eventledger_body, "trafilatura": trafilatura_text}
TEXT_SYSTEMS: dict[str, Extractor] = {"eventledger": eventledger_body, "keep everything": keep_everything}


# --- collections --------------------------------------------------------------------------------


def read_html_collection(folder: Path) -> Iterator[Page]:
    """Pages `<id>.html` with gold `<id>.txt` beside them, in id order."""
    for html_path in sorted(folder.glob("*.html")):
        gold_path = html_path.with_suffix(".txt")
        if gold_path.is_file():
            yield Page(html_path.stem, html_path.read_text("utf-8", errors="replace"), gold_path.read_text("utf-8"))


def read_scraped(folder: Path, articles: Path = NEWS_ARTICLES) -> Iterator[Page]:
    """Scraped pages and their body lines from `scraped.jsonl`: {"id", "source", "split", "body":
    [line numbers, from 1]}.
    `source` names a text under `articles` (the news corpus) or, when it starts with `tests/`, a
    file of the repository's test fixtures."""
    index = folder / "scraped.jsonl"
    with index.open(encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            record = json.loads(line)
            source = record["source"]
            path = REPO / source if source.startswith("tests/") else articles / source
            text = path.read_text("utf-8")
            lines = text.splitlines()
            gold = "\n".join(lines[n - 1] for n in record["body"])
            yield Page(record["id"], text, gold, content_type="text", split=record.get("split"))


def pages_of(collection: str, path: Path | None) -> Iterator[Page]:
    if collection == "scraped":
        return read_scraped(path or DEFAULT_SCRAPED)
    if path is None:
        raise SystemExit("--path DIR is needed for an HTML collection (see scripts/prepare_cleaning_data.py)")
    folder = path / collection if (path / collection).is_dir() else path
    if not any(folder.glob("*.html")):
        raise SystemExit(f"no pages <id>.html beside <id>.txt in {folder}")
    return read_html_collection(folder)


def evaluate(pages: Iterable[Page], systems: dict[str, Extractor], title: bool = False) -> dict[str, SystemScore]:
    scores = {name: SystemScore(name) for name in systems}
    for page in pages:
        for name, extractor in systems.items():
            started = time.perf_counter()
            text = extractor(page.content, page.content_type, title)
            seconds = time.perf_counter() - started
            p, r, f = overlap_score(text, page.gold)
            scores[name].pages[page.id] = PageScore(p, r, f, not text.strip(), seconds)
    return scores


def english_pages(pages: Iterable[Page]) -> set[str]:
    """The pages whose gold text is English (by the cleaner's own test): eventledger reads English
    only, and on Chinese or Japanese text `\\w+` words are whole clauses, a coarse measure."""
    from ..clean import MIN_ENGLISH_SCORE
    from ..clean.language_check import english_score

    return {p.id for p in pages if english_score(p.gold) >= MIN_ENGLISH_SCORE}


def only(scores: dict[str, SystemScore], ids: set[str]) -> dict[str, SystemScore]:
    return {name: SystemScore(name, {pid: s for pid, s in score.pages.items() if pid in ids})
            for name, score in scores.items()}


def report(collection: str, scores: dict[str, SystemScore], out=sys.stdout) -> None:
    n = len(next(iter(scores.values())).pages) if scores else 0
    print(f"{collection}: {n} pages", file=out)
    print(f"  {'system':<16} {'P':>6} {'R':>6} {'F1':>6} {'empty':>6} {'s/page':>8}", file=out)
    for score in scores.values():
        print(f"  {score.name:<16} {score.precision:6.3f} {score.recall:6.3f} {score.f1:6.3f} {score.empty:6d} "
              f"{score.seconds_per_page:8.3f}", file=out)


def worst(scores: dict[str, SystemScore], first: str, second: str, n: int, out=sys.stdout) -> None:
    """The pages where `first` falls furthest below `second` (for development, on the dev split)."""
    a, b = scores[first].pages, scores[second].pages
    gaps = sorted(a, key=lambda pid: a[pid].f1 - b[pid].f1)[:n]
    for pid in gaps:
        print(f"  {pid}: {first} P {a[pid].precision:.2f} R {a[pid].recall:.2f} F1 {a[pid].f1:.2f} | "
              f"{second} P {b[pid].precision:.2f} R {b[pid].recall:.2f} F1 {b[pid].f1:.2f}", file=out)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--collection", required=True,
                        help="cleaneval, cleanportaleval, dragnet, l3s-gn1, readability (HTML, under --path), or scraped")
    parser.add_argument("--path", type=Path, help="the collection's folder, or the folder holding it")
    parser.add_argument("--split", choices=SPLITS, default="all", help="a fixed half of the pages (default: all)")
    parser.add_argument("--limit", type=int, help="score only the first N pages of the split")
    parser.add_argument("--worst", type=int, default=0, metavar="N",
                        help="list the N pages where eventledger falls furthest below the other system")
    parser.add_argument("--title", action=argparse.BooleanOptionalAction, default=None,
                        help="count each system's title with its text (default: for the collections whose gold "
                             "holds the headline: " + ", ".join(TITLED) + ")")
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON object")


def run(args: argparse.Namespace) -> int:
    pages = [p for p in pages_of(args.collection, args.path)
             if args.split == "all" or (p.split or split_of(p.id)) == args.split]
    if args.limit:
        pages = pages[: args.limit]
    systems = TEXT_SYSTEMS if args.collection == "scraped" else HTML_SYSTEMS
    title = args.collection in TITLED if args.title is None else args.title
    scores = evaluate(pages, systems, title)
    english = english_pages(pages)
    label = args.collection if args.split == "all" else f"{args.collection} ({args.split})"
    if args.json:
        def figures(of: dict[str, SystemScore]) -> dict:
            return {s.name: {"precision": round(s.precision, 4), "recall": round(s.recall, 4), "f1": round(s.f1, 4),
                             "empty": s.empty, "seconds_per_page": round(s.seconds_per_page, 4)} for s in of.values()}

        print(json.dumps({"collection": args.collection, "split": args.split, "pages": len(pages),
                          "systems": figures(scores), "english_pages": len(english),
                          "english": figures(only(scores, english))}))
    else:
        report(label, scores)
        if len(english) < len(pages):
            report(f"{label}, English pages only", only(scores, english))
    if args.worst:
        worst(scores, "eventledger", list(systems)[1], args.worst)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eventledger.score.cleaning", description=__doc__.split("\n")[0])
    add_arguments(parser)
    return run(parser.parse_args(argv))


if __name__ == "__main__":
    raise SystemExit(main())
