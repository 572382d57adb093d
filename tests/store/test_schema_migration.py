"""A ledger file written before version 2 of the schema opens: the columns added since are added
(null in old rows) and the merged events are rebuilt with them."""

from __future__ import annotations

import duckdb

from eventledger import Ledger
from eventledger.ingest.decode import content_id
from eventledger.records import Article, DocResult, Event, Evidence, Extraction, Figure, Location, RawDocument
from eventledger.store.schema import SCHEMA_VERSION

ADDED = {"documents": ["published_source"], "articles": ["published_source"], "reports": ["date_basis", "location_confidence"],
         "figures": ["group", "part", "confidence"], "statements": ["confidence"],
         "events": ["date_basis", "published_source", "date_inferred", "location_confidence"], "event_figures": ["parts"]}


def _doc() -> DocResult:
    text = "Strike\n\nAn air strike killed 4 people in Kunar on Saturday, officials said."
    doc_id = content_id(text)
    event = Event(id="E1", event_type="Explosions/Remote violence", sub_event_type="Air/drone strike", date="2013-04-06",
                  date_precision="day", location=Location(name="Kunar", country_code="AF", precision=3),
                  figures=[Figure(kind="killed", count=4, claimant="officials", evidence=Evidence(40, 41, "4"))],
                  evidence=[Evidence(8, len(text), text[8:])])
    return DocResult(doc_id, RawDocument(text, published="2013-04-07", doc_id=doc_id),
                     Extraction(article=Article(text=text, published="2013-04-07"), events=[event], doc_id=doc_id))


def test_an_older_ledger_gets_the_new_columns_and_its_events_are_rebuilt(tmp_path):
    path = str(tmp_path / "old.duckdb")
    with Ledger(path) as ledger:
        ledger.store([_doc()])
    con = duckdb.connect(path)  # make it a version-1 file
    for table, columns in ADDED.items():
        for column in columns:
            con.execute(f'ALTER TABLE {table} DROP COLUMN "{column}"')
    con.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    con.close()
    with Ledger(path) as ledger:
        assert ledger.stale()
        ledger.merge()
        (event,) = ledger.events(output="records")
        assert event["fatalities_best"] == 4 and event["date"] == "2013-04-06"
        assert ledger.sql("SELECT value FROM meta WHERE key = 'schema_version'").value[0] == SCHEMA_VERSION
        figure = ledger.event(event["event_id"])["figures"][0]
        assert figure["group"] == "total"  # no group in the old row: people of no stated side
        assert figure["part"] is False  # nor a part of a toll
