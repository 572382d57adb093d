"""A corpus of 1,000 documents, 5% of them hostile or huge, through `eventledger ingest`: does every
good document get stored, every bad one recorded, the ledger stay valid, and memory stay low?

    python benchmarks/bench_hostile_corpus.py                  # 1,000 documents, 50 hostile or huge
    python benchmarks/bench_hostile_corpus.py --good 190 --huge 5   # a quicker look

The good documents are generated news articles (`bench_ledger.py`'s VOA-based templates), most
as JSONL records, some as text and HTML files. The 50 others:

- 30 HTML pages of 2-3 MB (navigation and inline scripts around a real article: they are good
  documents, the kind that ran DuckDB out of memory), and one 2 MB text of 8,000 paragraphs
  (the kind that took cleaning half an hour);
- JSONL records of 25, 30 and 300 MB, a 2 MB gzip that unpacks to 2 GiB (as a text and as
  JSONL), a FIFO, a link to /dev/zero, a link to a file and one to a folder outside the corpus,
  an oversized CSV row, a WARC with a 25 MB payload, a truncated WARC, a JSON file of 70 MB, an
  impossible date, a broken JSON line, a record without text, binary and empty files, a feed
  without entries, HTML nested 100,000 deep: each must end as a failed document with its reason.

Runs the CLI in a child process (default limits and DuckDB cap) and samples the RSS of it and
its children (the extraction worker) every 0.1 s. Prints figures; asserts nothing."""

from __future__ import annotations

import argparse
import gzip
import io
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

from _memory import TreeMemory  # noqa: E402

ARTICLE_FIXTURE = ROOT / "tests" / "fixtures" / "articles" / "kunar-airstrike-2013.txt"


def good_articles(n: int, seed: int = 7) -> list[dict]:
    import bench_ledger as gen

    rng = random.Random(seed)
    out, story_number = [], 0
    while len(out) < n:
        story_number += 1
        story = (rng.choice(gen.LEADS), rng.choice(gen.PLACES), date(2024, 1, 1) + timedelta(days=rng.randint(0, 700)),
                 rng.randint(2, 40), story_number)
        for outlet in range(rng.choice([1, 1, 2, 3])):
            if len(out) < n:
                out.append(gen.article(rng, story, outlet, 450))
    return out


def huge_page(number: int, size_mb: float) -> str:
    rng = random.Random(number)
    story = ARTICLE_FIXTURE.read_text("utf-8").split("\n\n")
    paragraphs = "".join(f"<p>{p}</p>" for p in story[1:]) + f"<p>Update {number}: the toll was revised.</p>"
    links = "".join(f'<li><a href="/s/{rng.randrange(10**9)}">Section {rng.randrange(10**6)} news</a></li>'
                    for _ in range(int(size_mb * 1e6 * 0.45 / 70)))
    script = "var data=" + json.dumps([rng.random() for _ in range(int(size_mb * 1e6 * 0.55 / 20))]) + ";"
    return (f"<!doctype html><html><head><title>{story[0]} ({number})</title><script>{script}</script></head><body>"
            f"<nav><ul>{links}</ul></nav><article><h1>{story[0]}</h1>{paragraphs}</article>"
            f"<footer><ul>{links[:5000]}</ul></footer></body></html>")


def many_paragraphs(n: int = 8000) -> str:
    rng = random.Random(11)
    words = ARTICLE_FIXTURE.read_text("utf-8").split()
    return "A long page of many paragraphs\n\n" + "\n\n".join(
        " ".join(rng.choice(words) for _ in range(rng.randrange(20, 60))) + "." for _ in range(n))


def write_warc(path: Path, records: list[tuple[str, bytes]], truncate: int = 0) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for url, body in records:
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers))
    if truncate:
        data = path.read_bytes()
        path.write_bytes(data[:-truncate])


def build(root: Path, good: int, huge: int) -> dict[str, str]:
    """Write the corpus; return {file or record name: what should become of it} for the bad ones."""
    corpus = root / "corpus"
    (corpus / "wire").mkdir(parents=True)
    (corpus / "pages").mkdir()
    (corpus / "odd").mkdir()
    articles = good_articles(good)
    files = max(0, min(150, good // 6))
    for number, record in enumerate(articles[:files]):  # some as files, half HTML
        text = record["text"]
        if number % 2:
            title, body = text.split("\n\n", 1)
            html = f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>" + "".join(
                f"<p>{p}</p>" for p in body.split("\n\n")) + "</article></body></html>"
            (corpus / "pages" / f"story{number:04d}.html").write_text(html, "utf-8")
        else:
            (corpus / "pages" / f"story{number:04d}.txt").write_text(text, "utf-8")
    rest = articles[files:]
    for part in range(0, len(rest), 200):
        with open(corpus / "wire" / f"part{part // 200:02d}.jsonl", "w", encoding="utf-8") as handle:
            for record in rest[part:part + 200]:
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    for number in range(huge):
        (corpus / "pages" / f"huge{number:03d}.html").write_text(huge_page(number, 2.0 + (number % 3) * 0.5), "utf-8")
    (corpus / "pages" / "many-paragraphs.txt").write_text(many_paragraphs(), "utf-8")

    expect: dict[str, str] = {}
    odd = corpus / "odd"
    with open(odd / "big-records.jsonl", "w", encoding="utf-8") as handle:
        handle.write(json.dumps(articles[0] | {"text": articles[0]["text"] + "\n\nFirst record."}) + "\n")
        for number, size in enumerate((25, 30, 300), start=2):
            handle.write('{"text": "' + "Lorem ipsum dolor sit amet. " * (size * 2**20 // 28) + '"}\n')
            expect[f"big-records.jsonl:{number}"] = "too_large"
        handle.write(json.dumps(articles[1] | {"text": articles[1]["text"] + "\n\nLast record."}) + "\n")
    with gzip.open(odd / "bomb.txt.gz", "wb", compresslevel=9) as handle:
        for _ in range(2048):
            handle.write(b"\0" * 2**20)
    expect["bomb.txt.gz"] = "too_large"
    with gzip.open(odd / "bomb.jsonl.gz", "wb", compresslevel=9) as handle:
        for _ in range(2048):
            handle.write(b"a" * 2**20)
    expect["bomb.jsonl.gz"] = "too_large"
    os.mkfifo(odd / "pipe.txt")
    expect["pipe.txt"] = "not_regular"
    (odd / "zero.txt").symlink_to("/dev/zero")
    expect["zero.txt"] = "outside_corpus"
    outside = root / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("Server secret: do not publish. " * 50, "utf-8")
    (odd / "secret.txt").symlink_to(outside / "secret.txt")
    expect["secret.txt"] = "outside_corpus"
    (odd / "elsewhere").symlink_to(outside)
    expect["elsewhere"] = "outside_corpus"
    with open(odd / "rows.csv", "w", encoding="utf-8") as handle:
        handle.write("text,url\n")
        handle.write('"' + "word " * (70 * 2**20 // 5) + '",https://x.example/big\n')
    expect["rows.csv:2"] = "too_large"
    write_warc(odd / "crawl.warc.gz", [("https://x.example/huge", b"<html><body><p>" + b"z" * (25 * 2**20) + b"</p></body></html>")])
    expect["crawl.warc.gz"] = "too_large"
    write_warc(odd / "cut.warc.gz", [("https://x.example/a", b"<html><body><p>" + b"Police said. " * 5000 + b"</p></body></html>")],
               truncate=300)
    expect["cut.warc.gz"] = "bad_archive"
    with open(odd / "whole.json", "w", encoding="utf-8") as handle:
        handle.write("[" + ",".join(json.dumps({"text": "Filler text. " * 1000}) for _ in range(5500)) + "]")
    expect["whole.json"] = "too_large"
    with open(odd / "misc.jsonl", "w", encoding="utf-8") as handle:
        handle.write(json.dumps({"text": articles[2]["text"] + "\n\nDated.", "published": "2026-02-30"}) + "\n")
        handle.write('{"text": "a line cut short, \n')
        handle.write(json.dumps({"headline": "no text here"}) + "\n")
    expect.update({"misc.jsonl:1": "bad_date", "misc.jsonl:2": "bad_record", "misc.jsonl:3": "no_text"})
    (odd / "picture.png").write_bytes(b"\x89PNG\r\n\x1a\n" + random.Random(3).randbytes(5000))
    expect["picture.png"] = "binary"
    (odd / "empty.txt").write_bytes(b"")
    expect["empty.txt"] = "empty"
    (odd / "feed.xml").write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>Nothing</title></channel></rss>')
    expect["feed.xml"] = "bad_feed"
    (odd / "nested.html").write_text("<html><body>" + "<div>" * 100_000 + "deep" + "</div>" * 100_000 + "</body></html>")
    expect["nested.html"] = "(refused)"
    return expect


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--good", type=int, default=947,
                        help="generated good articles (default 947: with 2 good JSONL lines beside the huge records, "
                             "the 30 huge pages, the long text and 20 hostile inputs, 1,000 documents)")
    parser.add_argument("--huge", type=int, default=30, help="HTML pages of 2-3 MB (default 30)")
    parser.add_argument("--keep", metavar="DIR", help="build the corpus and ledger here and keep them")
    args = parser.parse_args()
    tmp = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="eventledger-hostile-"))
    tmp.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    expect = build(tmp, args.good, args.huge)
    corpus_docs = args.good + args.huge + 1 + 2  # + the long text, + the first and last big-records lines
    print(f"corpus: {args.good} generated articles, {args.huge} HTML pages of 2-3 MB, one text of 8,000 paragraphs, "
          f"{len(expect)} hostile or odd inputs ({time.perf_counter() - started:.0f} s to build)", flush=True)
    db = tmp / "hostile.duckdb"
    command = [sys.executable, "-m", "eventledger", "ingest", str(tmp / "corpus"), "--db", str(db), "--quiet"]
    started = time.perf_counter()
    process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True,
                               env={**os.environ, "PYTHONPATH": str(ROOT)})
    with TreeMemory(process.pid) as memory:
        _, stderr = process.communicate()
    seconds = time.perf_counter() - started
    print(stderr.strip())
    print(f"exit code {process.returncode}, {seconds:.0f} s")

    sys.path.insert(0, str(ROOT))
    from eventledger.ledger import Ledger

    with Ledger(db, read_only=True) as ledger:
        stats = ledger.stats()
        errors = ledger.errors(output="records")
        ok_sources = list(ledger.sql("SELECT source FROM documents WHERE status = 'ok'").source)
        integrity = ledger.sql("PRAGMA database_size").to_dict("records")
    by_code = Counter(e["error_code"] for e in errors)
    recorded = {Path(e["source"].split("#")[0].split("@")[0]).name: e["error_code"] for e in errors}
    missing = {name: code for name, code in expect.items()
               if name not in recorded and not any(r.startswith(name) for r in recorded)}
    huge_ok = sum("/huge" in s for s in ok_sources)
    print(f"documents in the corpus: {corpus_docs + len(expect)} ({corpus_docs} good, {args.huge + 1} of them huge; "
          f"{len(expect)} hostile or odd)")
    print(f"ledger: {stats['documents']} documents, {stats['ok']} extracted, {stats['errors']} failed, "
          f"{stats['events']} events; merge up to date: {not stats['merge_stale']}; "
          f"file {integrity[0].get('database_size', '?')}, reopens read-only: yes")
    print(f"good documents stored: {stats['ok']} of {corpus_docs} expected "
          f"(huge pages extracted: {huge_ok} of {args.huge}; the 8,000-paragraph text: "
          f"{'stored' if any(s.endswith('many-paragraphs.txt') for s in ok_sources) else recorded.get('many-paragraphs.txt')})")
    print(f"failed documents by reason: {dict(sorted(by_code.items()))}")
    print(f"hostile inputs on record: {len(expect) - len(missing)} of {len(expect)}"
          + (f"; not on record: {missing}" if missing else ""))
    print(f"peak memory (RSS of the ingest process and its children, summed): {memory.peak_mb:.0f} MB; "
          + ", ".join(f"{name} {mb:.0f} MB" for name, mb in sorted(memory.peak_by_name.items())))
    if not args.keep:
        import shutil

        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
