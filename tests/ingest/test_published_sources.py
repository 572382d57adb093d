"""Where a document's publication date comes from: corpus fields (JSONL, CSV, feeds), a sidecar
file, a WARC record's crawl date, or `ingest --published` for the documents that give none."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

from eventledger.ingest.corpus import iter_documents

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "corpus"
EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "voa_sample.txt"


def test_corpus_fields_say_where_the_date_came_from():
    found = [d for d in iter_documents([CORPUS]) if d.raw is not None]
    docs = {Path(d.source).name: d for d in found}
    assert (docs["wire.jsonl:1"].raw.published, docs["wire.jsonl:1"].raw.published_source) == ("2013-04-07", "jsonl")
    assert docs["reports.csv:2"].raw.published_source == "csv"
    entry = next(d for d in found if "feed.xml#" in d.source and d.error_code is None)
    assert entry.raw.published_source == "feed"
    assert docs["rescue.txt"].raw.published is None and docs["rescue.txt"].raw.published_source is None


def test_a_sidecar_gives_a_file_its_date_and_is_no_document(tmp_path):
    (tmp_path / "story.txt").write_bytes(EXAMPLE.read_bytes())
    (tmp_path / "story.txt.meta.json").write_text(json.dumps({"published": "2013-04-07", "outlet": "VOA News"}))
    (tmp_path / "other.txt").write_text("Police arrested 40 people in Kampala on Saturday.")
    docs = list(iter_documents([tmp_path]))
    assert [Path(d.source).name for d in docs] == ["other.txt", "story.txt"]
    story = docs[1].raw
    assert (story.published, story.published_source, story.outlet) == ("2013-04-07", "sidecar", "VOA News")


def test_a_warc_crawl_date_stands_in_for_a_missing_publication_date(tmp_path):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    from eventledger.pipeline import run_one

    path = tmp_path / "crawl.warc.gz"
    page = (CORPUS / "folder" / "protest.html").read_bytes()  # no date of its own
    dated = page.replace(b"<head>", b'<head><meta property="article:published_time" content="2008-09-03">', 1)
    with open(path, "wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for name, body in (("undated", page), ("dated", dated)):
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
            record = writer.create_warc_record(f"https://outlet-h.example.org/{name}", "response",
                                               payload=io.BytesIO(body), http_headers=headers)
            record.rec_headers.replace_header("WARC-Date", "2008-09-05T10:00:00Z")
            writer.write_record(record)
    undated, dated_doc = iter_documents(path)
    assert (undated.raw.published, undated.raw.published_source) == ("2008-09-05", "warc_date")
    article = run_one(undated.raw, undated.source).extraction.article
    assert (article.published, article.published_source) == ("2008-09-05", "warc_date")
    article = run_one(dated_doc.raw, dated_doc.source).extraction.article
    assert (article.published, article.published_source) == ("2008-09-03", "html_metadata")  # the page's own date wins


def test_ingest_published_dates_the_files_that_give_no_date(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "kunar.txt").write_bytes(EXAMPLE.read_bytes())
    (folder / "wakiso.txt").write_bytes((CORPUS.parent / "articles" / "wakiso-arrests-2023.txt").read_bytes())
    (folder / "wakiso.txt.meta.json").write_text(json.dumps({"published": "2023-05-08"}))
    db = tmp_path / "l.duckdb"
    bad = subprocess.run([sys.executable, "-m", "eventledger", "ingest", str(folder), "--db", str(db), "--quiet",
                          "--published", "2013-02-30"], capture_output=True, text=True)
    assert bad.returncode == 2 and "YYYY-MM-DD" in bad.stderr
    proc = subprocess.run([sys.executable, "-m", "eventledger", "ingest", str(folder), "--db", str(db), "--quiet",
                           "--published", "2013-04-07"], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    from eventledger import Ledger

    with Ledger(str(db), read_only=True) as ledger:
        articles = {Path(a["source"]).name: a for a in ledger.articles(output="records")}
        assert (articles["kunar.txt"]["published"], articles["kunar.txt"]["published_source"]) == ("2013-04-07", "ingest_default")
        assert (articles["wakiso.txt"]["published"], articles["wakiso.txt"]["published_source"]) == ("2023-05-08", "sidecar")
        (strike,) = ledger.events(sub_event_type="Air/drone strike", output="records")
        assert strike["date"] == "2013-04-06" and strike["date_basis"] == "relative" and not strike["date_inferred"]
