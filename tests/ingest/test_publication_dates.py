"""Publication dates are real days wherever they come in: corpus fields, the API, `--published`,
and the date filters."""

from __future__ import annotations

import json

import pytest

from eventledger.cli import main
from eventledger.errors import InputError
from eventledger.ingest.corpus import iter_documents
from eventledger.ingest.dates import day_or_none, is_date_prefix, published_day
from eventledger.ingest.decode import to_raw_document

STORY = "Police said five people were killed in Gulu on Monday, officials said."


@pytest.mark.parametrize("value, day", [
    ("2026-02-28", "2026-02-28"), ("2024-02-29", "2024-02-29"), ("2013-04-07T09:30:00Z", "2013-04-07"),
    ("2013-04-07 09:30:00+02:00", "2013-04-07"), ("2026-02-30", None), ("2025-02-29", None), ("2025-13-01", None),
    ("0001-01-01", None), ("9999-12-31", None), ("2013-04-07Tnoon", None), ("spring 2013", None), ("", None),
    ("20130407", None), (None, None)])
def test_day_or_none(value, day):
    assert day_or_none(value) == day


def test_published_day_refuses_what_is_not_a_day():
    assert published_day(None) is None and published_day("  ") is None
    with pytest.raises(InputError) as refused:
        published_day("2026-02-30")
    assert refused.value.code == "bad_date" and "2026-02-30" in str(refused.value)
    assert to_raw_document(STORY, published="2013-04-07T09:30:00Z").published == "2013-04-07"
    with pytest.raises(InputError, match="not a real date"):
        to_raw_document(STORY, published="2026-02-30")


def test_corpus_records_with_impossible_dates_are_failed_documents(tmp_path):
    (tmp_path / "wire.jsonl").write_text("\n".join(json.dumps(r) for r in (
        {"text": STORY, "published": "2026-02-28"},
        {"text": STORY + " Again.", "published": "2026-02-30"},
        {"text": STORY + " Later.", "date": "2025-02-29T10:00:00Z"})) + "\n", "utf-8")
    (tmp_path / "rows.csv").write_text(f'text,published\n"{STORY} Row.",2025-04-31\n', "utf-8")
    docs = {d.source.rsplit("/", 1)[-1]: d for d in iter_documents([tmp_path])}
    assert docs["wire.jsonl:1"].error_code is None and docs["wire.jsonl:1"].raw.published == "2026-02-28"
    for source in ("wire.jsonl:2", "wire.jsonl:3", "rows.csv:2"):
        assert docs[source].error_code == "bad_date", source
        assert STORY in docs[source].raw.content  # the original is kept


def test_is_date_prefix():
    assert all(map(is_date_prefix, ("2013", "2013-04", "2013-04-07", "2024-02-29")))
    assert not any(map(is_date_prefix, ("2013-13", "2013-04-31", "13-04-07", "2013-4", "yesterday", "")))


def test_command_line_dates(tmp_path, capsys):
    article = tmp_path / "a.txt"
    article.write_text("Gunmen kill five in Gulu\n\n" + STORY, "utf-8")
    assert main(["extract", str(article), "--published", "2026-02-30"]) == 2
    assert "real date" in capsys.readouterr().err
    with pytest.raises(SystemExit, match="real date"):
        main(["events", "--db", str(tmp_path / "none.duckdb"), "--from", "2026-02-30"])
