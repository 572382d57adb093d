"""The HTTP API of `eventledger serve`: reads, filters, paging, evidence, writes, limits, errors.

Every read test runs against a real DuckDB ledger file (`queries.LedgerSource`) and against the
in-memory reference (`memory.MemorySource`), loaded with the same hand-made extractions
(tests/fixtures/serve/sample.jsonl, made by make_sample.py)."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest
from fixture_modules import load

pytest.importorskip("fastapi", reason="the 'serve' extra (fastapi) is not installed")
from fastapi.testclient import TestClient  # noqa: E402

from eventledger.records import Evidence, Event, Extraction, Figure, Location, RawDocument  # noqa: E402
from eventledger.errors import InputError  # noqa: E402
from eventledger.serve.app import create_app  # noqa: E402
from eventledger.serve.memory import MemorySource  # noqa: E402

HERE = Path(__file__).resolve().parents[1] / "fixtures" / "serve"
SAMPLE = HERE / "sample.jsonl"
STATIC = Path(__file__).resolve().parents[2] / "eventledger" / "serve" / "static"
TOKEN = "s3cret-token"


sample = load("serve_sample", HERE / "make_sample.py")


records, ledger_file = sample.records, sample.ledger_file


@pytest.fixture(scope="module", params=["ledger", "memory"])
def source(request, tmp_path_factory):
    if request.param == "memory":
        src = MemorySource.from_jsonl(str(SAMPLE))
    else:
        from eventledger.serve import queries
        src = queries.LedgerSource(str(ledger_file(tmp_path_factory.mktemp("ledger") / "sample.duckdb")), read_only=True)
    yield src
    src.close()


@pytest.fixture(scope="module")
def client(source):
    with TestClient(create_app(source)) as c:
        yield c


def ids_by_place(client) -> dict[str, str]:
    items = client.get("/api/events", params={"limit": 100, "include_background": "true"}).json()["items"]
    return {e["location"]["name"]: e["id"] for e in items}


def test_the_sample_fixture_is_current():
    """sample.jsonl holds what make_sample.py builds (regenerate it after changing the builder), and
    every evidence in it is a slice of its article's text."""
    from eventledger.store.rows import extraction_from_dict

    built = {x.doc_id: x for x in sample.extractions()}
    stored = records()
    assert [r["doc_id"] for r in stored] == list(built)
    for record in stored:
        extraction = extraction_from_dict(record)
        assert extraction.article.text == built[record["doc_id"]].article.text
        assert len(extraction.events) == len(built[record["doc_id"]].events)
        sample.check(extraction)


# ---- reads -------------------------------------------------------------------------------------

def test_openapi_schema_documents_every_endpoint(client):
    schema = client.get("/api/openapi.json").json()
    paths = schema["paths"]
    for path in ("/api/events", "/api/events/{event_id}", "/api/articles", "/api/articles/{article_id}",
                 "/api/statements", "/api/facets", "/api/health"):
        assert "get" in paths[path], path
    post = paths["/api/articles"]["post"]
    assert set(post["requestBody"]["content"]) == {"application/json", "text/plain", "text/html"}
    assert "bearer" in json.dumps(schema["components"]["securitySchemes"]).lower()
    assert "413" in post["responses"] and "401" in post["responses"]


def test_facets(client):
    facets = client.get("/api/facets").json()
    assert facets["events"] == 4 and facets["articles"] == 4
    assert {t["event_type"] for t in facets["event_types"]} == {"Battles", "Explosions/Remote violence", "Protests"}
    assert {c["code"] for c in facets["countries"]} == {"SY", "KE", "SD", "UA"}
    assert (facets["date_min"], facets["date_max"]) == ("2019-12-01", "2024-06-25")


def test_events_are_newest_first_and_paged(client):
    first = client.get("/api/events", params={"limit": 2}).json()
    assert first["total"] == 4 and (first["limit"], first["offset"]) == (2, 0)
    assert [e["date"] for e in first["items"]] == ["2024-06-25", "2024-05-10"]
    second = client.get("/api/events", params={"limit": 2, "offset": 2}).json()
    assert [e["date"] for e in second["items"]] == ["2023-03-06", "2019-12-01"]
    assert not {e["id"] for e in first["items"]} & {e["id"] for e in second["items"]}
    beyond = client.get("/api/events", params={"offset": 50}).json()
    assert beyond["total"] == 4 and beyond["items"] == []


@pytest.mark.parametrize("params, places", [
    ({"event_type": "Explosions/Remote violence"}, {"Maarat al-Numan", "Kharkiv"}),
    ({"sub_event_type": "Armed clash"}, {"El Fasher"}),
    ({"country": "KE"}, {"Nairobi"}),
    ({"country": "sudan"}, {"El Fasher"}),
    ({"date_from": "2024-01-01"}, {"Nairobi", "El Fasher"}),
    ({"date_to": "2023-12-31"}, {"Kharkiv", "Maarat al-Numan"}),
    ({"date_from": "2024-05-10", "date_to": "2024-05-10"}, {"El Fasher"}),
    ({"q": "white helmets"}, {"Maarat al-Numan"}),
    ({"q": "nairobi protesters"}, {"Nairobi"}),
    ({"actor": "rapid support"}, {"El Fasher"}),
    ({"claimant": "Syrian Observatory"}, {"Maarat al-Numan"}),
    ({"bbox": "20,-5,40,40"}, {"El Fasher", "Maarat al-Numan", "Nairobi"}),
    ({"bbox": "30,45,40,55"}, {"Kharkiv"}),
    ({"event_type": "Riots"}, set()),
])
def test_event_filters(client, params, places):
    body = client.get("/api/events", params={**params, "limit": 100}).json()
    assert {e["location"]["name"] for e in body["items"]} == places, body
    assert body["total"] == len(places)


def test_event_filter_by_article(client):
    idlib = sample.idlib().doc_id
    body = client.get("/api/events", params={"article_id": idlib}).json()
    assert [e["location"]["name"] for e in body["items"]] == ["Maarat al-Numan"]


def test_event_summary_carries_what_the_map_needs(client):
    items = client.get("/api/events").json()["items"]
    fasher = next(e for e in items if e["location"]["name"] == "El Fasher")
    assert fasher["location"]["lat"] == pytest.approx(13.6279) and fasher["location"]["lon"] == pytest.approx(25.3494)
    assert fasher["event_type"] == "Battles" and fasher["reports"] == 1
    # killed: low / best / high over the claims (40 by the RSF, 25 by the army), as the map sizes its dots
    assert (fasher["fatalities_low"], fasher["fatalities_best"], fasher["fatalities_high"]) == (25, 25, 40)
    assert fasher["conflicting"] is True


def test_one_event_with_reports_figures_claimants_and_evidence(client):
    event_id = ids_by_place(client)["Maarat al-Numan"]
    event = client.get(f"/api/events/{event_id}").json()
    assert event["id"] == event_id and event["sub_event_type"] == "Air/drone strike"
    assert set(event["claimants"]) == {"White Helmets", "Syrian Observatory for Human Rights"}
    [report] = event["reports"]
    assert report["article_id"] == sample.idlib().doc_id and report["outlet"] == "Example Wire"
    assert any("at least 12 people" in s["text"] for s in report["evidence"])
    # conflicting claims stand side by side, each with its claimant and evidence
    killed = next(g for g in event["figure_claims"] if g["kind"] == "killed")
    assert killed["conflict"] is True
    assert {(c["claimant"], c["count"]) for c in killed["claims"]} == {("White Helmets", 12),
                                                                        ("Syrian Observatory for Human Rights", 9)}
    assert all(c["evidence"]["text"] in ("at least 12 people", "nine civilians") for c in killed["claims"])
    assert event["figure_estimates"]["killed"]["low"] == 9 and event["figure_estimates"]["killed"]["high"] == 12
    injured = next(g for g in event["figure_claims"] if g["kind"] == "injured")
    assert injured["conflict"] is False
    # the background toll (30 killed earlier this month) is not a claim about this event
    assert 30 not in {c["count"] for g in event["figure_claims"] for c in g["claims"]}
    # every evidence span is a slice of the article text
    text = client.get(f"/api/articles/{report['article_id']}").json()["article"]["text"]
    for figure in event["figures"]:
        ev = figure["evidence"]
        assert text[ev["start"]:ev["end"]] == ev["text"]
        if figure.get("claimant_evidence"):
            cev = figure["claimant_evidence"]
            assert text[cev["start"]:cev["end"]] == cev["text"]
    for actor in event["actors"]:
        if actor.get("evidence"):
            assert text[actor["evidence"]["start"]:actor["evidence"]["end"]] == actor["evidence"]["text"]


def test_event_claims_that_agree_are_not_a_conflict(client):
    event = client.get(f"/api/events/{ids_by_place(client)['Nairobi']}").json()
    [arrested] = event["figure_claims"]
    assert arrested["kind"] == "arrested" and arrested["conflict"] is False
    assert arrested["claims"][0]["claimant"] == "police spokesman"


def test_article_with_clean_text_removed_parts_events_and_statements(client):
    idlib = sample.idlib()
    detail = client.get(f"/api/articles/{idlib.doc_id}").json()
    assert detail["article"]["text"] == idlib.article.text
    assert detail["article"]["title"].startswith("Air strike kills")
    assert {(r["reason"], r["text"][:9]) for r in detail["removed"]} == {("subscribe", "Subscribe"), ("teaser", "Read more")}
    [event] = detail["events"]
    assert event["id"] == "e1" and event["location"]["evidence"]["text"] == "Maarat al-Numan"
    [statement] = detail["statements"]
    assert statement["kind"] == "deny" and statement["evidence"]["text"] == "targeting civilians"


def test_articles_list_and_search(client):
    body = client.get("/api/articles").json()
    assert body["total"] == 4
    assert [a["published"] for a in body["items"]] == sorted((a["published"] for a in body["items"]), reverse=True)
    found = client.get("/api/articles", params={"q": "El Fasher"}).json()
    assert [a["title"] for a in found["items"]] == ["Fighting in El Fasher: both sides give tolls"]


def test_statements_filters(client):
    everything = client.get("/api/statements").json()
    assert everything["total"] == 2
    [deny] = client.get("/api/statements", params={"kind": "deny"}).json()["items"]
    assert deny["speaker"] == "Syrian defence ministry" and deny["article_id"] == sample.idlib().doc_id
    [accuse] = client.get("/api/statements", params={"target": "government"}).json()["items"]
    assert accuse["kind"] == "accuse"
    assert client.get("/api/statements", params={"speaker": "nobody"}).json()["total"] == 0


def test_article_text_with_markup_comes_back_as_plain_json_strings(client):
    hostile = sample.hostile()
    response = client.get(f"/api/articles/{hostile.doc_id}")
    assert response.headers["content-type"].startswith("application/json")
    assert sample.XSS_SCRIPT in response.json()["article"]["text"]  # kept verbatim: the page escapes it


# ---- errors ------------------------------------------------------------------------------------

def error_of(response, status: int, code: str) -> str:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert body["error"]["code"] == code, body
    assert body["error"]["message"]
    return body["error"]["message"]


def test_unknown_event_and_article_are_json_404s(client):
    assert "nope" in error_of(client.get("/api/events/nope"), 404, "not_found")
    error_of(client.get("/api/articles/nope"), 404, "not_found")
    error_of(client.get("/api/nothing-here"), 404, "not_found")


@pytest.mark.parametrize("params", [{"limit": 0}, {"limit": 10_000}, {"offset": -1}, {"date_from": "yesterday"},
                                    {"bbox": "1,2,3"}, {"q": "x" * 500}, {"include_background": "maybe"},
                                    {"offset": "10000000000000000000"}, {"limit": "9" * 30}, {"bbox": "1.2.3,0,10,10"},
                                    {"bbox": "0,0,200,10"}, {"bbox": "10,0,0,10"}, {"bbox": "0,95,10,96"},
                                    {"bbox": "nan,0,10,10"}, {"date_from": "2026-02-30"}, {"date_to": "2025-13-01"}])
def test_bad_query_parameters_are_clear_json_errors(client, params):
    message = error_of(client.get("/api/events", params=params), 422, "invalid_request")
    assert next(iter(params)) in message


@pytest.mark.parametrize("path", ["/api/articles", "/api/statements"])
def test_paging_bounds_on_every_list(client, path):
    error_of(client.get(path, params={"offset": 10**19}), 422, "invalid_request")
    error_of(client.get(path, params={"limit": -5}), 422, "invalid_request")
    assert client.get(path, params={"offset": 1_000_000_000}).json()["items"] == []


def test_writes_are_disabled_without_a_token(client):
    error_of(client.post("/api/articles", json={"text": "x"}), 403, "writes_disabled")


def test_security_headers(client):
    response = client.get("/api/health")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    assert response.headers["x-content-type-options"] == "nosniff"
    assert client.get("/api/events/nope").headers["x-frame-options"] == "DENY"


# ---- the page's files --------------------------------------------------------------------------

def test_page_and_its_files_are_served(client):
    page = client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    for src in re.findall(r'(?:src|href)="([^"]+)"', page.text):
        assert src.startswith("/static/"), src
        assert client.get(src).status_code == 200, src
    for name in ("app.js", "map.js", "timeline.js", "article.js", "dom.js", "NOTICE"):
        assert client.get(f"/static/{name}").status_code == 200, name
    world = client.get("/static/world-110m.json").json()
    assert len(world["countries"]) > 150 and "Natural Earth" in world["source"]
    assert any(c["name"] == "Syria" and c["d"].startswith("M") for c in world["countries"])


def test_page_loads_nothing_from_elsewhere():
    """Offline: no CDN, no tile server, no web font; only data links in the page's own files."""
    for path in STATIC.iterdir():
        if path.suffix in (".html", ".js", ".css"):
            text = path.read_text("utf-8").replace("http://www.w3.org/2000/svg", "")  # a namespace name, not a fetch
            assert not re.search(r"(?:https?:)?//[a-z0-9.-]+\.[a-z]{2,}/", text, re.I), path.name
            assert "innerHTML" not in text and "insertAdjacentHTML" not in text and "document.write" not in text, path.name


def test_world_outline_provenance_is_recorded():
    notice = (STATIC / "NOTICE").read_text("utf-8")
    assert "Natural Earth" in notice and "public domain" in notice and "ISC" in notice and "world-atlas" in notice


# ---- writes ------------------------------------------------------------------------------------

def fake_pipeline(raw: RawDocument) -> Extraction:
    """Stands in for the NLP pipeline: one event at the first 'Goma' in the text, killed 3 per 'the army'."""
    from eventledger.records import Article

    text = raw.content.strip()
    if not text:
        raise InputError("empty input: the document has no text", "empty")
    article = Article(text=text, title=text.split("\n")[0], published=raw.published, url=raw.url, outlet=raw.outlet)
    events = []
    if "Goma" in text:
        at = text.index("Goma")
        location = Location(name="Goma", country="DR Congo", country_code="CD", lat=-1.6792, lon=29.2228, precision=1,
                            evidence=Evidence.of(text, at, at + 4))
        figures = []
        if "three people" in text:
            start = text.index("three people")
            figures.append(Figure("killed", 3, claimant="the army", evidence=Evidence.of(text, start, start + 12)))
        events.append(Event("e1", "Battles", "Armed clash", confidence=0.7, date=raw.published, date_precision="publication",
                            location=location, figures=figures, evidence=[Evidence.of(text, 0, len(text))]))
    return Extraction(article=article, events=events, doc_id=raw.doc_id)


@pytest.fixture
def writable(tmp_path, request):
    """A writable app over a fresh source of each kind (a new empty ledger file, or memory)."""
    def make(kind: str, **options):
        if kind == "memory":
            src = MemorySource()
        else:
            from eventledger.serve import queries
            src = queries.LedgerSource(str(tmp_path / "new.duckdb"), read_only=False)
        request.addfinalizer(src.close)
        options.setdefault("token", TOKEN)
        return TestClient(create_app(src, pipeline=fake_pipeline, **options))
    return make


AUTH = {"Authorization": f"Bearer {TOKEN}"}
NEWS = "Clashes near Goma\n\nFighting near Goma killed three people, the army said."


@pytest.mark.parametrize("kind", ["ledger", "memory"])
def test_post_an_article_then_read_it_back(writable, kind):
    client = writable(kind)
    response = client.post("/api/articles", json={"text": NEWS, "published": "2024-02-07", "outlet": "Example Radio",
                                                   "url": "https://example.org/goma"}, headers=AUTH)
    assert response.status_code == 201, response.text
    stored = response.json()
    assert stored["duplicate"] is False and len(stored["event_ids"]) == 1 and stored["statements"] == 0
    event = client.get(f"/api/events/{stored['event_ids'][0]}").json()
    assert event["location"]["name"] == "Goma" and event["figure_claims"][0]["claims"][0]["claimant"] == "the army"
    article = client.get(f"/api/articles/{stored['article_id']}").json()
    assert article["article"]["text"] == NEWS
    assert client.get("/api/events", params={"country": "CD"}).json()["total"] == 1
    again = client.post("/api/articles", json={"text": NEWS, "published": "2024-02-07"}, headers=AUTH).json()
    assert again["duplicate"] is True and again["article_id"] == stored["article_id"]
    assert client.get("/api/events", params={"country": "CD"}).json()["total"] == 1


@pytest.mark.parametrize("kind", ["ledger", "memory"])
def test_post_plain_text_and_html_bodies(writable, kind):
    client = writable(kind)
    plain = client.post("/api/articles?published=2024-02-08", content="Goma\n\nShelling in Goma today.",
                        headers={**AUTH, "Content-Type": "text/plain; charset=utf-8"})
    assert plain.status_code == 201, plain.text
    html = client.post("/api/articles", content="<html><body><p>Goma, again.</p></body></html>",
                       headers={**AUTH, "Content-Type": "text/html"})
    assert html.status_code == 201, html.text
    error_of(client.post("/api/articles?published=tomorrow", content="Goma", headers={**AUTH, "Content-Type": "text/plain"}),
             422, "invalid_request")


def test_post_needs_the_right_token(writable):
    client = writable("memory")
    assert "missing token" in error_of(client.post("/api/articles", json={"text": NEWS}), 401, "unauthorized")
    error_of(client.post("/api/articles", json={"text": NEWS}, headers={"Authorization": "Bearer wrong"}), 401, "unauthorized")
    error_of(client.post("/api/articles", json={"text": NEWS}, headers={"Authorization": f"Basic {TOKEN}"}), 401, "unauthorized")
    assert client.post("/api/articles", json={"text": NEWS}).headers["www-authenticate"] == "Bearer"


@pytest.mark.parametrize("body, headers, status, code", [
    (b"{not json", {"Content-Type": "application/json"}, 422, "invalid_request"),
    (json.dumps({"text": "a", "html": "<p>a</p>"}).encode(), {"Content-Type": "application/json"}, 422, "invalid_request"),
    (json.dumps({}).encode(), {"Content-Type": "application/json"}, 422, "invalid_request"),
    (json.dumps({"text": "a", "colour": "red"}).encode(), {"Content-Type": "application/json"}, 422, "invalid_request"),
    (json.dumps({"text": "a", "published": "07/02/2024"}).encode(), {"Content-Type": "application/json"}, 422, "invalid_request"),
    (json.dumps({"text": "a", "published": "2026-02-30"}).encode(), {"Content-Type": "application/json"}, 422, "invalid_request"),
    (json.dumps({"text": "   "}).encode(), {"Content-Type": "application/json"}, 422, "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00", {"Content-Type": "text/plain"}, 422, "binary"),
    (b"%PDF-1.7", {"Content-Type": "application/pdf"}, 415, "unsupported_media_type"),
])
def test_bad_posts_are_clear_json_errors(writable, body, headers, status, code):
    client = writable("memory")
    error_of(client.post("/api/articles", content=body, headers={**AUTH, **headers}), status, code)


def test_request_size_limit(writable):
    client = writable("memory", max_body_bytes=1000)
    big = {"text": "Goma " * 400}
    assert "1000 bytes" in error_of(client.post("/api/articles", json=big, headers=AUTH), 413, "too_large")

    def chunks():  # no Content-Length: the limit holds on what actually arrives
        for _ in range(10):
            yield b"x" * 300

    error_of(client.post("/api/articles", content=chunks(), headers={**AUTH, "Content-Type": "text/plain"}), 413, "too_large")
    assert client.post("/api/articles", json={"text": NEWS}, headers=AUTH).status_code == 201


def test_read_token_required(writable):
    client = writable("memory", read_token_required=True)
    error_of(client.get("/api/events"), 401, "unauthorized")
    error_of(client.get("/api/facets"), 401, "unauthorized")
    assert client.get("/api/events", headers=AUTH).status_code == 200
    assert client.get("/").status_code == 200  # the page itself asks for the token
    assert client.get("/api/health").json() == {"ok": True, "writes": True, "read_token_required": True}
    with pytest.raises(ValueError):
        create_app(MemorySource(), read_token_required=True)


def test_real_pipeline_through_the_api(tmp_path):
    """With the real pipeline: a sample article in, events out."""
    text = (Path(__file__).resolve().parents[2] / "examples" / "voa_sample.txt").read_text("utf-8")
    client = TestClient(create_app(MemorySource(), token=TOKEN))
    response = client.post("/api/articles", json={"text": text, "published": "2013-04-07"}, headers=AUTH)
    assert response.status_code == 201, response.text
    stored = response.json()
    article = client.get(f"/api/articles/{stored['article_id']}").json()
    for event in article["events"]:
        for figure in event["figures"]:
            ev = figure["evidence"]
            assert article["article"]["text"][ev["start"]:ev["end"]] == ev["text"]


def test_wrong_method_is_a_json_error(client):
    error_of(client.delete("/api/events"), 405, "method_not_allowed")


# ---- the command ------------------------------------------------------------------------------

def test_serve_command_refuses_bad_options(tmp_path, capsys, monkeypatch):
    from eventledger.cli import main

    monkeypatch.delenv("EVENTLEDGER_TOKEN", raising=False)
    assert main(["serve", "--read-token-required", "--json", str(SAMPLE)]) == 2
    assert "needs a token" in capsys.readouterr().err
    assert main(["serve", "--db", str(tmp_path / "missing.duckdb")]) == 1
    assert "no ledger at" in capsys.readouterr().err
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"article": {"text": "a"}}\nnot json\n')
    assert main(["serve", "--json", str(bad)]) == 1
    assert "bad.jsonl:2" in capsys.readouterr().err


@pytest.mark.parametrize("kind", ["db", "json"])
def test_serve_command_serves(tmp_path, kind):
    """`eventledger serve --db FILE` / `--json FILE` as a real process on a loopback port; token from the environment."""
    import os
    import socket
    import subprocess
    import time

    import httpx

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {**os.environ, "EVENTLEDGER_TOKEN": TOKEN}
    where = ["--json", str(SAMPLE)] if kind == "json" else ["--db", str(ledger_file(tmp_path / "cli.duckdb"))]
    process = subprocess.Popen([sys.executable, "-m", "eventledger", "serve", *where, "--port", str(port),
                                "--log-level", "warning"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                health = httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=2)
                break
            except httpx.TransportError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError(f"serve did not start: {process.communicate(timeout=5)}")
                time.sleep(0.2)
        assert health.json() == {"ok": True, "writes": True, "read_token_required": False}
        assert httpx.get(f"http://127.0.0.1:{port}/api/events").json()["total"] == 4
        assert httpx.post(f"http://127.0.0.1:{port}/api/articles", json={"text": "x"}).status_code == 401
        page = httpx.get(f"http://127.0.0.1:{port}/")
        assert page.status_code == 200 and "server" not in page.headers
    finally:
        process.terminate()
        process.wait(timeout=10)


# ---- the ledger merges reports of one event from several outlets -------------------------------

def test_merged_event_keeps_every_report_and_claim(tmp_path):
    from eventledger.serve.queries import LedgerSource

    path = ledger_file(tmp_path / "merged.duckdb")
    second = sample.idlib_second()
    writer = LedgerSource(str(path), read_only=False)
    try:
        client = TestClient(create_app(writer))
        before = {e["location"]["name"]: e["id"] for e in client.get("/api/events").json()["items"]}
        stored = writer.add(sample.as_result(json.loads(json.dumps(second.to_dict()))))
        assert stored.duplicate is False and len(stored.event_ids) == 1
        assert client.get("/api/events").json()["total"] == 4  # merged into the Idlib event, not a fifth
        event = client.get(f"/api/events/{stored.event_ids[0]}").json()
        assert {r["outlet"] for r in event["reports"]} == {"Example Wire", "Example Times"}
        assert event["n_reports"] == 2 and event["location"]["name"] == "Maarat al-Numan"
        killed = next(g for g in event["figure_claims"] if g["kind"] == "killed")
        # the same claimant with the same number in two outlets is one claim; the others stand beside it
        assert sorted((c["claimant"], c["count"]) for c in killed["claims"]) == [
            ("Syrian Observatory for Human Rights", 9), ("White Helmets", 12), ("local officials", 15)]
        assert killed["conflict"] is True
        assert {c["outlet"] for c in killed["claims"]} <= {"Example Wire", "Example Times"}
        estimate = event["figure_estimates"]["killed"]
        assert (estimate["low"], estimate["high"]) == (9, 15)
        # each claim's evidence points into its own article's text
        for claim in killed["claims"]:
            text = client.get(f"/api/articles/{claim['article_id']}").json()["article"]["text"]
            assert text[claim["evidence"]["start"]:claim["evidence"]["end"]] == claim["evidence"]["text"]
        # the id the event had before the merge still finds it
        assert client.get(f"/api/events/{before['Maarat al-Numan']}").json()["id"] == event["id"]
        # the article says which ledger event each of its events went into
        article = client.get(f"/api/articles/{second.doc_id}").json()
        assert article["ledger_events"] == {"e1": event["id"]} and "original" not in article
        assert client.get(f"/api/articles/{second.doc_id}", params={"original": "true"}).json()["original"] == second.article.text
    finally:
        writer.close()


def test_no_server_paths_in_answers(tmp_path):
    """`source` is the file name and the reason of a failure names no folder of the server."""
    from eventledger.records import DocResult
    from eventledger.serve.queries import LedgerSource

    writer = LedgerSource(str(tmp_path / "paths.duckdb"), read_only=False)
    secret = "/srv/private/corpus-2026/sub"
    try:
        text = "Clashes near Goma\n\nFighting near Goma killed three people, the army said."
        raw = RawDocument(content=text, doc_id="d-ok", published="2026-01-05")
        writer.ledger.store([DocResult("d-ok", raw, fake_pipeline(raw), source=f"{secret}/wire.jsonl:12"),
                             DocResult("d-bad", RawDocument("\x00", doc_id="d-bad"), error_code="unreadable",
                                       error_message=f"cannot read {secret}/pics/a b.txt: Permission denied",
                                       source=f"{secret}/pics/a b.txt")])
        client = TestClient(create_app(writer))
        listing = client.get("/api/articles").json()["items"]
        assert [a["source"] for a in listing] == ["wire.jsonl:12"]
        assert client.get("/api/articles/d-ok").json()["source"] == "wire.jsonl:12"
        failed = client.get("/api/articles/d-bad")
        assert failed.status_code == 404 and "a b.txt" in failed.text
        for response in (client.get("/api/articles"), client.get("/api/articles/d-ok"), failed):
            assert "/srv" not in response.text and "private" not in response.text
    finally:
        writer.close()


def test_failed_document_is_a_clear_error(tmp_path):
    from eventledger.records import DocResult
    from eventledger.serve.queries import LedgerSource

    writer = LedgerSource(str(tmp_path / "failed.duckdb"), read_only=False)
    try:
        writer.ledger.store([DocResult(doc_id="deadbeef", raw=RawDocument(content="\x00\x01", doc_id="deadbeef"),
                                       error_code="binary", error_message="binary input")])
        client = TestClient(create_app(writer))
        message = error_of(client.get("/api/articles/deadbeef"), 404, "not_extracted")
        assert "binary" in message
    finally:
        writer.close()


def test_a_crash_is_a_json_500_without_details():
    class Broken(MemorySource):
        def facets(self):
            raise RuntimeError("secret internals: /var/lib/ledger.duckdb")

    client = TestClient(create_app(Broken()), raise_server_exceptions=False)
    response = client.get("/api/facets")
    message = error_of(response, 500, "internal")
    assert "secret" not in response.text and "server log" in message


def test_post_to_a_read_only_ledger_is_refused(tmp_path):
    from eventledger.serve.queries import LedgerSource

    src = LedgerSource(str(ledger_file(tmp_path / "ro.duckdb")), read_only=True)
    try:
        client = TestClient(create_app(src, token=TOKEN, pipeline=fake_pipeline))
        error_of(client.post("/api/articles", json={"text": NEWS}, headers=AUTH), 403, "read_only")
        assert client.get("/api/events").json()["total"] == 4
    finally:
        src.close()
