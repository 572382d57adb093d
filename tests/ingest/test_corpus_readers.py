"""Reading corpora: files, folders, JSONL/CSV, RSS and WARC into pending or failed DocResults."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest

from eventledger.ingest.corpus import iter_documents, normalize_date
from eventledger.ingest.decode import content_id
from eventledger.records import DocResult, RawDocument
from eventledger.store.rows import arrow_schema, result_to_row, row_to_result

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "corpus"


@pytest.fixture(scope="module")
def docs() -> list[DocResult]:
    return list(iter_documents([CORPUS]))


def by_source(docs, suffix: str) -> DocResult:
    found = [d for d in docs if d.source.endswith(suffix)]
    assert len(found) == 1, (suffix, [d.source for d in docs])
    return found[0]


def test_every_document_is_found_in_a_stable_order(docs):
    assert [d.source for d in docs] == [d.source for d in iter_documents([CORPUS])]
    names = {Path(d.source.split("#")[0].rsplit(":", 1)[0]).name for d in docs}
    assert names == {"feed.xml", "reports.csv", "wire.jsonl", "empty.txt", "picture.png", "protest.html", "rescue.txt"}
    for doc in docs:
        assert doc.extraction is None and doc.raw is not None and doc.doc_id


def test_jsonl_lines_carry_metadata_and_content_ids(docs):
    first = by_source(docs, "wire.jsonl:1")
    assert first.error_code is None
    assert first.raw.outlet == "Outlet A" and first.raw.published == "2013-04-07"
    assert first.raw.url == "https://outlet-a.example.org/kunar-strike"
    assert first.doc_id == content_id(first.raw.content)
    second = by_source(docs, "wire.jsonl:2")
    assert second.raw.published == "2013-04-07"  # "2013-04-07T09:30:00Z" normalised
    repeat = by_source(docs, "wire.jsonl:7")
    assert repeat.doc_id == first.doc_id  # the same content, the same key


def test_malformed_records_become_failed_results_with_their_original(docs):
    broken = by_source(docs, "wire.jsonl:3")
    assert broken.error_code == "bad_record" and "invalid JSON" in broken.error_message
    assert broken.raw.content.startswith('{"text": "this line is broken')
    no_text = by_source(docs, "wire.jsonl:5")
    assert no_text.error_code == "no_text" and no_text.raw.outlet == "Outlet D"
    assert by_source(docs, "wire.jsonl:4").error_code is None  # the line after a broken one is read


def test_csv_rows_feeds_and_files(docs):
    row = by_source(docs, "reports.csv:2")
    assert row.error_code is None and row.raw.outlet == "Outlet E" and "Wakiso" in row.raw.content
    assert by_source(docs, "reports.csv:7").error_code == "no_text"
    entry = by_source(docs, "feed.xml#https://outlet-g.example.org/dadaab-kidnap")
    assert entry.raw.content_type == "html" and entry.raw.published == "2012-06-29"
    assert entry.raw.outlet == "Outlet G World News" and entry.raw.url.endswith("/dadaab-kidnap")
    assert by_source(docs, "feed.xml#https://outlet-g.example.org/empty").error_code == "empty"
    assert by_source(docs, "protest.html").raw.content_type == "html"
    assert by_source(docs, "rescue.txt").raw.content_type == "text"
    assert by_source(docs, "empty.txt").error_code == "empty"
    picture = by_source(docs, "picture.png")
    assert picture.error_code == "binary" and picture.raw.content.startswith("\\x89PNG")


def test_warc_responses_become_documents(tmp_path):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "crawl.warc.gz"
    page = (CORPUS / "folder" / "protest.html").read_bytes()
    with open(path, "wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for url, status, mime, body in (
            ("https://outlet-h.example.org/kampala", "200 OK", "text/html; charset=utf-8", page),
            ("https://outlet-h.example.org/missing", "404 Not Found", "text/html", b"<html>gone</html>"),
            ("https://outlet-h.example.org/logo.png", "200 OK", "image/png", b"\x89PNG\r\n"),
        ):
            headers = StatusAndHeaders(status, [("Content-Type", mime)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers))
        writer.write_record(writer.create_warc_record("https://outlet-h.example.org/notes.txt", "resource",
                                                      payload=io.BytesIO(b"Police arrested 40 people in Kampala."),
                                                      warc_content_type="text/plain"))
    found = list(iter_documents(path))
    assert [d.raw.url for d in found] == ["https://outlet-h.example.org/kampala", "https://outlet-h.example.org/notes.txt"]
    assert found[0].raw.content_type == "html" and found[0].doc_id == content_id(page)
    assert found[0].source.startswith(f"{path}#<urn:uuid:")
    truncated = tmp_path / "broken.warc.gz"
    truncated.write_bytes(path.read_bytes()[:-200])
    results = list(iter_documents(truncated))
    assert results[-1].error_code == "bad_archive" and "truncated" in results[-1].error_message


def test_gzipped_jsonl_and_missing_paths(tmp_path):
    path = tmp_path / "more.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        handle.write(json.dumps({"content": "Police arrested 40 people in Kampala on Saturday.", "date": "Sat, 30 Jun 2012 08:00:00 GMT"}) + "\n")
    (doc,) = iter_documents(path)
    assert doc.error_code is None and doc.raw.published == "2012-06-30" and doc.source == f"{path}:1"
    (missing,) = iter_documents(tmp_path / "nope.txt")
    assert missing.error_code == "not_found"


def test_normalize_date():
    assert normalize_date("2013-04-07T09:30:00Z") == "2013-04-07"
    assert normalize_date("Sun, 07 Apr 2013 10:00:00 +0000") == "2013-04-07"
    assert normalize_date(1365328800) == "2013-04-07"
    assert normalize_date("") is None and normalize_date("spring 2013") == "spring 2013"


def test_rows_round_trip_a_doc_result():
    from eventledger.records import Article, Event, Evidence, Extraction, Figure, Location

    text = "Police said 3 people were killed in Kampala."
    extraction = Extraction(article=Article(text=text, title=None), doc_id="d1", events=[
        Event(id="E1", event_type="Battles", sub_event_type="Armed clash", date="2020-01-02", date_precision="day",
              location=Location(name="Kampala", country_code="UG", lat=0.3, lon=32.6, precision=1),
              figures=[Figure(kind="killed", count=3, claimant="Police", evidence=Evidence(12, 13, "3"))],
              evidence=[Evidence(0, len(text), text)])])
    ok = DocResult("d1", RawDocument(text, url="u", outlet="o", published="2020-01-02", doc_id="d1"), extraction,
                   source="a.jsonl:1")
    failed = DocResult("d2", RawDocument("\\x00", doc_id="d2"), error_code="binary", error_message="binary input", source="b")
    for result in (ok, failed):
        row = result_to_row(result)
        assert set(row) == set(arrow_schema().names)
        assert row_to_result(json.loads(json.dumps(row))) == result


def test_json_lists_and_tsv(tmp_path):
    (tmp_path / "a.json").write_text(json.dumps({"articles": [
        {"body": "Police arrested 40 people in Kampala on Saturday.", "link": "https://x.example.org/1"},
        {"body": 42}]}))
    (tmp_path / "b.tsv").write_text("text\tpublished\nPolice arrested 12 people in Gulu on Monday.\t2023-05-08\n")
    docs = list(iter_documents([tmp_path]))
    assert [(Path(d.source).name, d.error_code) for d in docs] == [("a.json:1", None), ("a.json:2", "bad_record"),
                                                                  ("b.tsv:2", None)]
    assert docs[0].raw.url == "https://x.example.org/1" and docs[2].raw.published == "2023-05-08"
