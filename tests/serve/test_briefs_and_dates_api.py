"""The HTTP API on real texts: a one-sentence article is accepted, undated events lead the list
marked as undated, and dates that rest on a publication date say so; the ledger and the
in-memory source agree."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the 'serve' extra (fastapi) is not installed")
from fastapi.testclient import TestClient  # noqa: E402

from eventledger.serve.app import create_app  # noqa: E402
from eventledger.serve.memory import MemorySource  # noqa: E402

TOKEN = "s3cret-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "voa_sample.txt"
SENTENCE = ("Afghan officials say a coalition air strike has killed 11 civilians, including 10 children, in the "
            "eastern part of the country during a joint Afghan-NATO operation against Taliban militants.")


@pytest.fixture(params=["ledger", "memory"])
def client(request, tmp_path):
    if request.param == "memory":
        source = MemorySource()
    else:
        from eventledger.serve.queries import LedgerSource

        source = LedgerSource(str(tmp_path / "api.duckdb"), read_only=False)
    with TestClient(create_app(source, token=TOKEN)) as c:
        yield c
    source.close()


def test_a_one_sentence_article_is_stored_with_its_event(client):
    response = client.post("/api/articles", json={"text": SENTENCE, "published": "2013-04-07"}, headers=AUTH)
    assert response.status_code == 201, response.text
    (event_id,) = response.json()["event_ids"]
    event = client.get(f"/api/events/{event_id}").json()
    assert event["sub_event_type"] == "Air/drone strike"
    killed = next(k for k in event["figure_claims"] if k["kind"] == "killed")
    assert [(p["group"], [c["count"] for c in p["claims"] if not c["part"]]) for p in killed["parts"]] == [("civilians", [11])]
    assert not killed["conflict"]  # "11 civilians, including 10 children": a part, no rival claim


def test_undated_events_lead_the_list_and_inferred_dates_are_marked(client, seed_text):
    dated = client.post("/api/articles", json={"text": EXAMPLE.read_text("utf-8"), "published": "2013-04-07"}, headers=AUTH)
    undated = client.post("/api/articles", content=seed_text, headers={**AUTH, "Content-Type": "text/plain"})
    assert dated.status_code == undated.status_code == 201
    items = client.get("/api/events").json()["items"]
    dates = [e["date"] for e in items]
    first_dated = next(i for i, d in enumerate(dates) if d is not None)
    assert first_dated > 0 and all(d is None for d in dates[:first_dated])  # undated first, not last
    assert all(d is not None for d in dates[first_dated:])
    assert dates[first_dated:] == sorted(dates[first_dated:], reverse=True)
    assert all(e["date"] is None and not e["date_inferred"] for e in items[:first_dated])
    by_type = {e["sub_event_type"]: e for e in items[first_dated:]}
    assert by_type["Air/drone strike"]["date"] == "2013-04-06" and not by_type["Air/drone strike"]["date_inferred"]
    car_bomb = by_type["Remote explosive/landmine/IED"]  # the text gives it no day: the publication date
    assert car_bomb["date"] == "2013-04-07" and car_bomb["date_inferred"] and car_bomb["published_source"] == "given"
    # the 2020 war's toll stays hidden with the background
    assert all((e.get("fatalities_best") or 0) < 6500 for e in items)


def test_events_can_be_filtered_by_their_calibrated_confidence(client):
    response = client.post("/api/articles", json={"text": SENTENCE, "published": "2013-04-07"}, headers=AUTH)
    assert response.status_code == 201, response.text
    (event,) = client.get("/api/events").json()["items"]
    assert 0.0 < event["confidence"] < 1.0
    assert [e["id"] for e in client.get("/api/events", params={"min_confidence": event["confidence"]}).json()["items"]] \
        == [event["id"]]
    assert client.get("/api/events", params={"min_confidence": min(1.0, event["confidence"] + 0.01)}).json()["items"] == []
    assert client.get("/api/events", params={"min_confidence": 1.5}).status_code == 422


def test_an_event_s_place_says_how_sure_it_is_in_the_list_and_on_the_event_page(client):
    response = client.post("/api/articles", json={"text": SENTENCE, "published": "2013-04-07"}, headers=AUTH)
    assert response.status_code == 201, response.text
    (event,) = client.get("/api/events").json()["items"]
    assert 0.0 < event["location"]["confidence"] < 1.0
    detail = client.get(f"/api/events/{event['id']}").json()
    assert detail["location"]["confidence"] == event["location"]["confidence"]
    assert [r["location"]["confidence"] for r in detail["reports"]] == [event["location"]["confidence"]]


def test_statements_say_how_sure_they_are(client):
    text = "Gunmen killed 14 people in Jos on Sunday, police said. The governor condemned the attack."
    response = client.post("/api/articles", json={"text": text, "published": "2024-03-11"}, headers=AUTH)
    assert response.status_code == 201, response.text
    items = client.get("/api/statements").json()["items"]
    assert items and all(0.0 < s["confidence"] < 1.0 for s in items)
