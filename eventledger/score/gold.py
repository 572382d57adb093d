"""Check gold annotation files against the annotation guide (docs/annotation.md).

A gold file is valid when it fits the schema (`eventledger/data/annotation/gold.schema.json`),
its event types agree with the ACLED taxonomy, its mentions point at events it lists, and every
quoted string is found in its article (whitespace-insensitively): evidence, claimants, statements,
traps, and each mention's `context`, which must occur exactly once.

    eventledger score gold [FILE_OR_DIR ...]      # default: eval/news/gold and eval/news/annotations
"""

from __future__ import annotations

import argparse
import json
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Iterable

from ..knowledge.taxonomy import taxonomy

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO / "eval" / "news"
_SPACE = re.compile(r"\s+")
# Typographic variants an annotator may type for what the article prints (or the reverse).
_FOLD = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-",
                       "\u00a0": " "})


@dataclass(frozen=True, slots=True)
class Problem:
    file: str
    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}: {self.where}: {self.message}"


@lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    text = resources.files("eventledger.data").joinpath("annotation/gold.schema.json").read_text("utf-8")
    return json.loads(text)


class Located:
    """An article's text with a whitespace- and quote-folded copy, to find quoted strings in it and
    map them back to offsets of the original text."""

    def __init__(self, text: str):
        self.text = text
        folded, index = [], []
        last_space = False
        for i, ch in enumerate(text.translate(_FOLD)):
            if ch.isspace():
                if last_space:
                    continue
                folded.append(" ")
                last_space = True
            else:
                folded.append(ch)
                last_space = False
            index.append(i)
        self.folded = "".join(folded)
        self._index = index

    @staticmethod
    def fold(text: str) -> str:
        return _SPACE.sub(" ", text.translate(_FOLD)).strip()

    def spans(self, needle: str, *, ignore_case: bool = False) -> list[tuple[int, int]]:
        """Every occurrence of `needle` as (start, end) offsets into the original text."""
        want = self.fold(needle)
        if not want:
            return []
        hay = self.folded.lower() if ignore_case else self.folded
        want = want.lower() if ignore_case else want
        out, at = [], hay.find(want)
        while at >= 0:
            end = at + len(want) - 1
            out.append((self._index[at], self._index[end] + 1))
            at = hay.find(want, at + 1)
        return out

    def find(self, needle: str, *, ignore_case: bool = False) -> tuple[int, int] | None:
        found = self.spans(needle, ignore_case=ignore_case)
        return found[0] if found else None


def locate_mention(article: Located, text: str, context: str) -> tuple[int, int] | None:
    """The span of `text` inside the one occurrence of `context` in the article."""
    contexts = article.spans(context)
    if len(contexts) != 1:
        return None
    start, end = contexts[0]
    inner = Located(article.text[start:end]).find(text)
    if inner is None:
        return None
    return start + inner[0], start + inner[1]


def _closest(article: Located, needle: str) -> str:
    """A hint for a quoted string not found: the article's closest passage."""
    from rapidfuzz import fuzz

    want = Located.fold(needle)
    if not want:
        return ""
    hit = fuzz.partial_ratio_alignment(want, article.folded)
    if hit is None or hit.score < 60:
        return ""
    return f" (closest: {article.folded[hit.dest_start:hit.dest_end]!r})"


def _valid_date(value: Any) -> bool:
    if value is None:
        return True
    try:
        date.fromisoformat(value)
        return True
    except (TypeError, ValueError):
        return False


def article_path(article_id: str, corpus: Path = CORPUS) -> Path | None:
    for suffix in (".txt", ".html"):
        path = corpus / "articles" / f"{article_id}{suffix}"
        if path.exists():
            return path
    return None


def article_text(path: Path) -> str:
    return path.read_bytes().decode("utf-8-sig")


def check_data(data: dict[str, Any], text: str, name: str = "gold", *, strict: bool = True) -> list[Problem]:
    """Problems of one gold record against the schema, the taxonomy and its article's text.
    `strict=False` (for the raw annotations kept as a record of the first round, made under the
    guide's first version) leaves out the rules the guide added later: `has_events` means a
    required event."""
    import jsonschema

    problems: list[Problem] = []

    def bad(where: str, message: str) -> None:
        problems.append(Problem(name, where, message))

    validator = jsonschema.Draft202012Validator(schema())
    for error in sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path)):
        bad("/".join(str(p) for p in error.absolute_path) or "(file)", error.message[:300])
    if problems:
        return problems  # the rest assumes the shape is right
    article = Located(text)
    tax = taxonomy()

    def found(where: str, needle: str | None, *, ignore_case: bool = False) -> None:
        if needle is None:
            return
        if article.find(needle, ignore_case=ignore_case) is None:
            bad(where, f"not found in the article: {needle!r}{_closest(article, needle)}")

    for key in ("published",):
        if not _valid_date(data.get(key)):
            bad(key, f"not a calendar date: {data.get(key)!r}")
    events = data["events"]
    ids = [e["id"] for e in events]
    if len(set(ids)) != len(ids):
        bad("events", f"event ids repeat: {ids}")
    if not data["has_events"] and any(not e.get("optional") for e in events):
        bad("has_events", "false, but the file lists events that are not optional")
    if strict and data["has_events"] and not any(not e.get("optional") for e in events):
        bad("has_events", "true, but every event is optional (or there is none)")
    for i, event in enumerate(events):
        at = f"events/{i} ({event['id']})"
        if tax.type_of[event["sub_event_type"]] != event["event_type"]:
            bad(at, f"{event['sub_event_type']!r} is a sub-type of {tax.type_of[event['sub_event_type']]!r}, "
                    f"not of {event['event_type']!r}")
        for day in [event.get("date"), *event.get("acceptable_dates", [])]:
            if not _valid_date(day):
                bad(at, f"not a calendar date: {day!r}")
        for j, evidence in enumerate(event["evidence_contains"]):
            found(f"{at}/evidence_contains/{j}", evidence)
        for j, fig in enumerate(event["figures"]):
            where = f"{at}/figures/{j}"
            found(where + "/evidence_contains", fig["evidence_contains"])
            found(where + "/claimant_contains", fig.get("claimant_contains"), ignore_case=True)
            for k, other in enumerate(fig.get("acceptable_claimants", [])):
                found(f"{where}/acceptable_claimants/{k}", other, ignore_case=True)
            low, high, count = fig.get("low"), fig.get("high"), fig["count"]
            if low is not None and low > count or high is not None and high < count:
                bad(where, f"count {count} is outside low {low} / high {high}")
            for part in ("civilians", "children"):
                if fig.get(part) is not None and fig[part] > count and high is None:
                    bad(where, f"{part} {fig[part]} exceeds the count {count}")
    for i, trap in enumerate(data["not_events"]):
        found(f"not_events/{i}", trap)
    for i, statement in enumerate(data["statements"]):
        found(f"statements/{i}/speaker_contains", statement.get("speaker_contains"), ignore_case=True)
        found(f"statements/{i}/text_contains", statement["text_contains"])
    mentions = data.get("mentions") or {}
    event_ids = set(ids)
    for layer in ("events", "numbers", "places"):
        for i, mention in enumerate(mentions.get(layer, [])):
            where = f"mentions/{layer}/{i}"
            contexts = article.spans(mention["context"])
            if len(contexts) != 1:
                bad(where, f"context found {len(contexts)} times (must be once): {mention['context']!r}"
                           f"{_closest(article, mention['context']) if not contexts else ''}")
            elif locate_mention(article, mention["text"], mention["context"]) is None:
                bad(where, f"text {mention['text']!r} is not inside its context {mention['context']!r}")
            ref = mention.get("event")
            refs = ref if isinstance(ref, list) else [] if ref is None else [ref]
            for r in refs:
                if r not in event_ids:
                    bad(where, f"event {r!r} is not in events")
            status = mention.get("status")
            if layer == "events":
                if (status == "new") != bool(refs):
                    bad(where, f"status {status!r} with event {ref!r}: new mentions name their event, others none")
                if status == "not_event" and mention["sub_event_type"] is not None:
                    bad(where, "a not_event mention has no sub_event_type")
                if status == "new" and mention["sub_event_type"] is None:
                    bad(where, "a new mention has the sub_event_type of its event")
            if layer == "numbers":
                if status == "new" and not refs:
                    bad(where, "a new figure names its event")
                if status != "not_figure" and mention["kind"] is None:
                    bad(where, "a figure has a kind (null only for not_figure)")
                if mention.get("claimant"):
                    found(where + "/claimant", mention["claimant"], ignore_case=True)
            if layer == "places" and mention["role"] == "event" and not refs:
                bad(where, "an event place names its event")
    for i, statement in enumerate(mentions.get("statements", [])):
        where = f"mentions/statements/{i}"
        found(where + "/content", statement["content"])
        if statement.get("speaker"):
            found(where + "/speaker", statement["speaker"], ignore_case=True)
    return problems


def check_file(path: Path, corpus: Path = CORPUS) -> list[Problem]:
    """Problems of a gold file; files under an `annotations/` folder (first-round records) are
    checked without the rules added to the guide after that round."""
    name = str(path)
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        return [Problem(name, "(file)", f"not readable JSON: {exc}")]
    if not isinstance(data, dict) or not isinstance(data.get("article"), str):
        return [Problem(name, "(file)", "not a gold record (no 'article')")]
    if path.stem != data["article"]:
        return [Problem(name, "article", f"{data['article']!r} differs from the file name {path.stem!r}")]
    source = article_path(data["article"], corpus)
    if source is None:
        return [Problem(name, "article", f"no article {data['article']}.txt/.html in {corpus / 'articles'}")]
    return check_data(data, article_text(source), name, strict="annotations" not in path.parts)


def gold_files(paths: Iterable[str | Path]) -> list[Path]:
    out: list[Path] = []
    for p in map(Path, paths):
        out.extend(sorted(p.rglob("*.json")) if p.is_dir() else [p])
    return out


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", help="gold files or folders (default: eval/news/gold and eval/news/annotations)")
    parser.add_argument("--corpus", default=str(CORPUS), help="the corpus folder holding articles/ (default: %(default)s)")


def run(args: argparse.Namespace) -> int:
    corpus = Path(args.corpus)
    paths = args.paths or [p for p in (corpus / "gold", corpus / "annotations") if p.exists()]
    files = gold_files(paths)
    problems = [p for f in files for p in check_file(f, corpus)]
    for problem in problems:
        print(problem)
    print(f"{len(files)} gold files, {len(problems)} problems")
    return 1 if problems else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_arguments(parser)
    return run(parser.parse_args(argv))


if __name__ == "__main__":
    raise SystemExit(main())
