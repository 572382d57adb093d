"""Reading a corpus nobody checked: special files, links out of it, bombs and oversized records
each become a failed document with its reason, and everything around them is still read."""

from __future__ import annotations

import gzip
import io
import json
import os
import threading
from pathlib import Path

import pytest

from eventledger.ingest.corpus import iter_documents, iter_files
from eventledger.ingest.limits import KEEP_BYTES, Limits

ARTICLE = (Path(__file__).resolve().parents[1] / "fixtures" / "articles" / "kunar-airstrike-2013.txt").read_text("utf-8")
LINE = "Police said five people were killed in Gulu on Monday, officials said."


def read_all(paths, limits: Limits | None = None, seconds: float = 60.0):
    """iter_documents in a thread: a reader that blocks (a FIFO) fails the test instead of hanging it."""
    out: list = []
    failure: list = []

    def run():
        try:
            out.extend(iter_documents(paths, limits))
        except BaseException as exc:  # pragma: no cover - reported below
            failure.append(exc)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), "reading the corpus hangs"
    assert not failure, failure
    return out


def by_name(docs) -> dict[str, object]:
    return {Path(d.source.split("@")[0]).name if ":" not in Path(d.source).name else Path(d.source).name: d for d in docs}


@pytest.fixture
def corpus(tmp_path) -> Path:
    root = tmp_path / "corpus"
    root.mkdir()
    (root / "good.txt").write_text(ARTICLE, "utf-8")
    return root


def test_a_fifo_is_recorded_not_read(corpus):
    os.mkfifo(corpus / "pipe.txt")
    try:
        docs = by_name(read_all([corpus]))
    finally:
        # unblock a reader that opened the FIFO anyway, so a failing run does not leave a thread stuck
        fd = os.open(corpus / "pipe.txt", os.O_RDWR | os.O_NONBLOCK)
        os.close(fd)
    assert docs["pipe.txt"].error_code == "not_regular" and "FIFO" in docs["pipe.txt"].error_message
    assert docs["good.txt"].error_code is None


def test_devices_are_refused_named_or_linked(corpus):
    (corpus / "zero.txt").symlink_to("/dev/zero")
    docs = by_name(read_all([corpus]))
    assert docs["zero.txt"].error_code == "outside_corpus"
    (direct,) = read_all(["/dev/zero"])
    assert direct.error_code == "not_regular" and "character device" in direct.error_message
    inside = corpus / "dev"
    inside.mkdir()
    (inside / "null.txt").symlink_to("/dev/null")
    (named,) = read_all([inside / "null.txt"])  # named on its own: the link is followed, the device refused
    assert named.error_code == "not_regular"


def test_links_out_of_the_corpus_are_not_followed(tmp_path, corpus):
    outside = tmp_path / "private"
    outside.mkdir()
    (outside / "secret.txt").write_text("Server secret: the password is swordfish. " * 20, "utf-8")
    (corpus / "leak.txt").symlink_to(outside / "secret.txt")
    (corpus / "leaks").symlink_to(outside)
    (corpus / "sub").mkdir()
    (corpus / "sub" / "again.txt").symlink_to(corpus / "good.txt")  # inside: read
    docs = read_all([corpus])
    named = by_name(docs)
    assert named["leak.txt"].error_code == "outside_corpus"
    assert named["leaks"].error_code == "outside_corpus"
    assert named["again.txt"].error_code is None and named["again.txt"].raw.content == ARTICLE
    assert not any("swordfish" in (d.raw.content if d.raw else "") for d in docs)
    assert {p.name for p in iter_files([corpus])} == {"good.txt", "again.txt"}
    # Given as a root of its own, the private folder is read: the roots are what the user named.
    assert any(d.error_code is None and "swordfish" in d.raw.content for d in read_all([corpus, outside]))


def test_a_gzip_bomb_is_refused_while_streaming(corpus):
    with gzip.open(corpus / "bomb.txt.gz", "wb", compresslevel=9) as handle:
        block = b"\0" * 2**20
        for _ in range(200):  # 200 MB of zeros in about 200 kB
            handle.write(block)
    with gzip.open(corpus / "bomb.jsonl.gz", "wb", compresslevel=9) as handle:
        handle.write((json.dumps({"text": LINE}) + "\n").encode())
        for _ in range(200):
            handle.write(b"a" * 2**20)
    docs = by_name(read_all([corpus]))
    single = docs["bomb.txt.gz"]
    assert single.error_code == "too_large" and "decompressed" in single.error_message
    assert len(single.raw.content) <= 4 * KEEP_BYTES  # the head is kept (\x00 shows as four characters), not 200 MB
    records = [d for d in read_all([corpus / "bomb.jsonl.gz"])]
    assert records[0].error_code is None and records[0].raw.content == LINE  # the record before the bomb is read
    assert records[-1].error_code == "too_large" and "decompression bomb" in records[-1].error_message


def test_an_oversized_jsonl_line_is_skipped_and_the_next_ones_read(corpus):
    with open(corpus / "wire.jsonl", "w", encoding="utf-8") as handle:
        handle.write(json.dumps({"text": LINE, "url": "https://a.example/1"}) + "\n")
        handle.write(json.dumps({"text": "x" * (3 * 2**20)}) + "\n")
        handle.write(json.dumps({"text": LINE.replace("five", "six"), "url": "https://a.example/3"}) + "\n")
    docs = read_all([corpus / "wire.jsonl"], Limits(record_bytes=2**20))
    assert [(Path(d.source).name, d.error_code) for d in docs] == [
        ("wire.jsonl:1", None), ("wire.jsonl:2", "too_large"), ("wire.jsonl:3", None)]
    assert len(docs[1].raw.content) == KEEP_BYTES and "record over" in docs[1].error_message
    assert docs[2].raw.url == "https://a.example/3"


def test_an_oversized_csv_row_is_skipped_and_the_next_ones_read(corpus):
    with open(corpus / "rows.csv", "w", encoding="utf-8", newline="") as handle:
        handle.write("text,url\n")
        handle.write(f'"{LINE}",https://a.example/1\n')
        handle.write('"' + "y" * (3 * 2**20) + '",https://a.example/2\n')
        handle.write(f'"{LINE.replace("five", "six")}",https://a.example/3\n')
    docs = read_all([corpus / "rows.csv"], Limits(record_bytes=2**20))
    assert [d.error_code for d in docs] == [None, "too_large", None]
    assert docs[2].raw.url == "https://a.example/3"


def test_caps_on_a_whole_file(corpus):
    with open(corpus / "many.jsonl", "w", encoding="utf-8") as handle:
        for number in range(200):
            handle.write(json.dumps({"text": f"{LINE} Report {number}."}) + "\n")
    docs = read_all([corpus / "many.jsonl"], Limits(file_bytes=8192))
    assert 0 < sum(d.error_code is None for d in docs) < 200  # the records before the cap are read
    assert docs[-1].error_code == "too_large" and "over 8 kB read" in docs[-1].error_message
    (corpus / "list.json").write_text(json.dumps([{"text": LINE}] * 2000), "utf-8")
    (whole,) = read_all([corpus / "list.json"], Limits(record_bytes=2**16))
    assert whole.error_code == "too_large" and "JSONL" in whole.error_message
    (corpus / "big.txt").write_text(ARTICLE * 100, "utf-8")
    (big,) = read_all([corpus / "big.txt"], Limits(document_bytes=2**16))
    assert big.error_code == "too_large" and KEEP_BYTES - 1000 < len(big.raw.content) <= KEEP_BYTES + 12  # the head


def test_an_oversized_warc_payload_is_refused_and_the_next_record_read(tmp_path):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "crawl.warc.gz"
    with open(path, "wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for url, body in (("https://a.example/huge", b"<html><body><p>" + b"z" * 300_000 + b"</p></body></html>"),
                          ("https://a.example/story", f"<html><body><p>{LINE}</p></body></html>".encode())):
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers))
    docs = read_all([path], Limits(document_bytes=100_000))
    assert [(d.raw.url, d.error_code) for d in docs] == [("https://a.example/huge", "too_large"),
                                                        ("https://a.example/story", None)]


def test_limits_come_from_the_environment(monkeypatch):
    monkeypatch.setenv("EVENTLEDGER_MAX_RECORD_BYTES", "1000")
    monkeypatch.setenv("EVENTLEDGER_DOCUMENT_SECONDS", "2.5")
    limits = Limits.from_env(file_bytes=5000, seconds=None)
    assert (limits.record_bytes, limits.seconds, limits.file_bytes) == (1000, 2.5, 5000)
    monkeypatch.setenv("EVENTLEDGER_MAX_FILE_BYTES", "lots")
    with pytest.raises(ValueError, match="EVENTLEDGER_MAX_FILE_BYTES"):
        Limits.from_env()
