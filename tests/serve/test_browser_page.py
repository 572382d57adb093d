"""The web page in headless Chromium (Debian's package): load, filter, open an event, read its
highlighted evidence, and check that markup in scraped text stays inert.

The server is the real app (uvicorn on a loopback port) over a real ledger file loaded with the
sample extractions. Chromium is driven over
the DevTools protocol (tests/fixtures/serve/cdp.py); it is never downloaded. Screenshots go to
tests/artifacts/ (gitignored) so a person can look at what the page showed."""

from __future__ import annotations

import contextlib
import json
import socket
import threading
import time
from pathlib import Path

import pytest
from fixture_modules import load

pytest.importorskip("fastapi", reason="the 'serve' extra (fastapi) is not installed")
uvicorn = pytest.importorskip("uvicorn", reason="the 'serve' extra (uvicorn) is not installed")
pytest.importorskip("websocket", reason="websocket-client (the 'test' extra) drives Chromium; it is not installed")

HERE = Path(__file__).resolve().parents[1]
FIXTURES = HERE / "fixtures" / "serve"
ARTIFACTS = HERE / "artifacts"


cdp = load("serve_cdp", FIXTURES / "cdp.py")
sample = load("serve_sample", FIXTURES / "make_sample.py")

CHROMIUM = cdp.find_chromium()
pytestmark = pytest.mark.skipif(
    CHROMIUM is None,
    reason="no chromium on PATH: install Debian's package (apt-get install chromium) to run the page test; "
           ".ci/run installs it")


def _source(tmp_path: Path):
    from eventledger.serve.queries import LedgerSource

    return LedgerSource(str(sample.ledger_file(tmp_path / "page.duckdb")), read_only=True), "ledger"


@contextlib.contextmanager
def serving(app):
    """The app under uvicorn on a free loopback port, in a thread; stopped on exit."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + 10
        while not server.started:
            if time.monotonic() > deadline or not thread.is_alive():
                raise RuntimeError("the test server did not start")
            time.sleep(0.05)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    from eventledger.serve.app import create_app

    source, kind = _source(tmp_path_factory.mktemp("page"))
    try:
        with serving(create_app(source)) as base:
            yield base, kind
    finally:
        source.close()


@pytest.fixture(scope="module")
def browser():
    try:
        b = cdp.Browser(CHROMIUM, width=1400, height=1000)
    except Exception as exc:  # a chromium that cannot start here is a skip with its reason, not a hang
        pytest.skip(f"chromium could not start: {exc}")
    yield b
    b.close()


def shot(browser, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = browser.screenshot(ARTIFACTS / name)
    print(f"screenshot: {path}")
    return path


def settled(browser, condition: str, what: str, timeout: float = 10.0):
    return browser.wait(f"!document.body.dataset.busy && document.body.dataset.ready === '1' && ({condition})",
                        timeout, what)


def choose(browser, select_id: str, value: str) -> None:
    ok = browser.js(f"""(() => {{
        const s = document.getElementById({json.dumps(select_id)});
        if (![...s.options].some(o => o.value === {json.dumps(value)})) return false;
        s.value = {json.dumps(value)};
        s.dispatchEvent(new Event('change', {{bubbles: true}}));
        return true; }})()""")
    assert ok, f"{select_id} has no option {value!r}"


ROWS = "document.querySelectorAll('#event-list tbody tr').length"
DOTS = "document.querySelectorAll('#map circle.event').length"


def test_page_map_timeline_filters_event_and_evidence(server, browser):
    started = time.monotonic()
    base, kind = server
    browser.goto(base + "/")
    settled(browser, f"{ROWS} === 4", "the page to list the 4 sample events")

    # the map: the shipped world outline and one marker per placed event; the timeline has bars
    assert browser.js("document.querySelectorAll('#map path.country').length") > 150
    assert browser.js(DOTS) == 4
    assert browser.js("document.querySelectorAll('#timeline rect.bar').length") >= 4
    assert browser.js("document.getElementById('counts').textContent") == "4 events from 4 articles"
    shot(browser, "serve-overview.png")

    # filter by type, then by country: list and map follow
    choose(browser, "f-type", "Explosions/Remote violence")
    settled(browser, f"{ROWS} === 2 && {DOTS} === 2", "the type filter")
    choose(browser, "f-country", "SY")
    settled(browser, f"{ROWS} === 1 && {DOTS} === 1", "the country filter")
    assert "Maarat al-Numan" in browser.js("document.querySelector('#event-list tbody tr').textContent")

    # open the event: figures with their claimants, the conflicting claims side by side
    browser.click("#event-list tbody tr")
    browser.wait("document.querySelector('#article-text mark')", 10, "the article view")
    assert browser.js("document.getElementById('event-title').textContent") == "Air/drone strike"
    claims = browser.js("""[...document.querySelectorAll('.claims-row[data-kind="killed"] .claim')].map(c =>
        [c.querySelector('.count').textContent, c.querySelector('.who').textContent])""")
    assert sorted(claims) == [["12", "White Helmets"], ["9", "Syrian Observatory for Human Rights"]]
    assert browser.js("document.querySelector('.claims-row[data-kind=\"killed\"]').classList.contains('conflict')")
    assert browser.js("document.querySelector('.claims-row[data-kind=\"injured\"]').classList.contains('conflict')") is False

    # the article: every highlight sits exactly on its evidence offsets in the cleaned text
    idlib = sample.idlib()
    text = idlib.article.text
    marks = browser.js("""[...document.querySelectorAll('#article-text mark')].map(m =>
        ({text: m.textContent, start: +m.dataset.start, end: +m.dataset.end, kinds: m.dataset.kinds, cls: m.className}))""")
    assert marks, "no highlighted values"
    for mark in marks:
        assert text[mark["start"]:mark["end"]] == mark["text"], mark
    kinds = {}
    for mark in marks:
        kinds.setdefault(mark["kinds"].split()[0], []).append(mark["text"])
    assert "at least 12 people" in kinds["figure"] and "nine civilians" in kinds["figure"]
    assert "White Helmets" in kinds["claimant"]
    assert "Maarat al-Numan" in kinds["place"] and "on Sunday" in kinds["date"]
    assert browser.js("document.getElementById('article-text').textContent") == text  # nothing lost, nothing added
    # the event in focus is outlined; the background toll is highlighted as a figure too
    assert any("focus" in m["cls"] for m in marks)
    assert "30 people" in kinds["figure"]

    # clicking a highlight says what was extracted from it, and who claims it
    browser.js("""[...document.querySelectorAll('#article-text mark')].find(m => m.textContent === 'at least 12 people')
        .dispatchEvent(new MouseEvent('click', {bubbles: true}))""")
    info = browser.js("document.getElementById('span-info').textContent")
    assert "killed: 12" in info and "White Helmets" in info

    # "see in article" on a claim picks that claim's own words in the text
    browser.js("""[...document.querySelectorAll('.claims-row[data-kind="killed"] .claim')]
        .find(c => c.querySelector('.count').textContent === '9').querySelector('button').click()""")
    info = browser.js("document.getElementById('span-info').textContent")
    assert info.startswith("“nine civilians”") and "Syrian Observatory" in info
    assert browser.js("document.querySelector('#article-text mark.picked').textContent") == "nine civilians"

    # the article's statements, listed beside the text
    said = browser.js("[...document.querySelectorAll('#statement-list li')].map(li => li.textContent)")
    assert said == ["deny Syrian defence ministry: targeting civilians"]  # kind, speaker, what was said

    # what cleaning removed, with why
    removed = browser.js("[...document.querySelectorAll('#removed-list li')].map(li => li.textContent)")
    assert len(removed) == 2
    assert any(r.startswith("subscribe") and "daily briefing" in r for r in removed)
    assert any(r.startswith("teaser") and "Winter comes" in r for r in removed)

    path = shot(browser, "serve-page.png")
    assert path.stat().st_size > 20_000
    assert not browser.exceptions, browser.exceptions
    print(f"source: {kind}; page test took {time.monotonic() - started:.1f}s")


def test_markup_in_scraped_text_is_inert(server, browser):
    base, _ = server
    hostile = sample.hostile()
    browser.goto(base + "/")
    settled(browser, f"{ROWS} === 4", "the page")
    browser.js("delete window.__xss")
    choose(browser, "f-country", "UA")
    settled(browser, f"{ROWS} === 1", "the country filter")
    browser.click("#event-list tbody tr")
    browser.wait("document.querySelector('#article-text mark')", 10, "the article view")
    time.sleep(0.3)  # give any injected handler (img onerror) the chance to fire

    assert browser.js("typeof window.__xss") == "undefined"
    view = "document.getElementById('article-view')"
    # no element came out of the text: no script, img, b or link built from it
    assert browser.js(f"{view}.querySelectorAll('script, img, b, iframe, object').length") == 0
    assert browser.js("document.querySelectorAll('body script, body img').length") == 0
    # the markup is shown as the text it is
    shown = browser.js("document.getElementById('article-text').textContent")
    assert shown == hostile.article.text
    assert sample.XSS_SCRIPT in shown and sample.XSS_TEXT in shown
    assert browser.js(f"{view}.querySelector('h2').textContent") == hostile.article.title
    assert "<script>" in browser.js(f"{view}.querySelector('p.muted').textContent")  # the outlet, as text
    # a javascript: URL is not turned into a link
    assert browser.js(f"[...{view}.querySelectorAll('a')].filter(a => /^javascript:/i.test(a.getAttribute('href') || '')).length") == 0
    # the removed widget with its <img onerror> is text as well
    assert 'onerror="window.__xss=6"' in browser.js("document.getElementById('removed-list').textContent")
    # and the evidence quoted in the event panel
    assert sample.XSS_SCRIPT in browser.js("document.querySelector('#event-view ul.reports').textContent")
    shot(browser, "serve-inert-markup.png")
    assert browser.js("typeof window.__xss") == "undefined"
    assert not browser.exceptions, browser.exceptions


def test_page_asks_for_the_read_token(browser):
    from eventledger.serve.app import create_app
    from eventledger.serve.memory import MemorySource

    app = create_app(MemorySource.from_jsonl(str(FIXTURES / "sample.jsonl")), token="page-token", read_token_required=True)
    with serving(app) as base:
        browser.goto(base + "/")
        browser.wait("!document.getElementById('token-form').hidden", 10, "the token form")
        assert "needs a token" in browser.js("document.getElementById('status').textContent")
        assert browser.js(ROWS) == 0
        browser.js("""document.getElementById('token-input').value = 'page-token';
            document.getElementById('token-form').requestSubmit()""")
        settled(browser, f"{ROWS} === 4", "the events once the token is given")
        assert browser.js("document.getElementById('token-form').hidden") is True
        browser.js("sessionStorage.clear()")
