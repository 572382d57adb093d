"""Many, slow and hostile clients: requests beyond the active ones wait in a queue instead of
getting 503, a client that trickles its headers or its body is cut off with 408, and the server
goes on answering everyone else."""

from __future__ import annotations

import asyncio
import socket
import threading
import time
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the 'serve' extra (fastapi) is not installed")
import httpx  # noqa: E402
import uvicorn  # noqa: E402

from eventledger.serve.app import create_app  # noqa: E402
from eventledger.serve.guard import Admission, guarded_h11  # noqa: E402
from eventledger.serve.memory import MemorySource  # noqa: E402

SAMPLE = Path(__file__).resolve().parents[1] / "fixtures" / "serve" / "sample.jsonl"
TOKEN = "guard-token"


async def _until(condition, seconds: float = 10.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "condition never met"
        await asyncio.sleep(0.01)


def test_requests_beyond_the_active_ones_wait_their_turn():
    async def scenario():
        gate = asyncio.Event()
        started = []

        async def slow(scope, receive, send):
            started.append(scope["path"])
            await gate.wait()
            await send({"type": "http.response.start", "status": 200, "headers": []})
            await send({"type": "http.response.body", "body": b"ok"})

        app = Admission(slow, max_active=2, max_waiting=3, wait_seconds=60)
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test") as client:
            tasks = [asyncio.create_task(client.get(f"/{n}")) for n in range(7)]
            await _until(lambda: len(started) == 2 and app.waiting == 3 and sum(t.done() for t in tasks) == 2)
            refused = [t.result() for t in tasks if t.done()]
            assert [r.status_code for r in refused] == [503, 503]
            assert refused[0].json()["error"]["code"] == "busy" and refused[0].headers["retry-after"]
            gate.set()
            answers = await asyncio.gather(*tasks)
        assert sorted(r.status_code for r in answers) == [200] * 5 + [503] * 2
        assert len(started) == 5 and app.active == 0 and app.waiting == 0

    asyncio.run(scenario())


def test_a_request_that_waits_too_long_gets_503_and_frees_its_place():
    async def scenario():
        gate = asyncio.Event()

        async def slow(scope, receive, send):
            await gate.wait()
            await send({"type": "http.response.start", "status": 200, "headers": []})
            await send({"type": "http.response.body", "body": b"ok"})

        app = Admission(slow, max_active=1, max_waiting=5, wait_seconds=0.2)
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test") as client:
            first = asyncio.create_task(client.get("/first"))
            await _until(lambda: app.active == 1)
            late = await client.get("/late")
            assert late.status_code == 503 and app.waiting == 0
            gate.set()
            assert (await first).status_code == 200
            assert (await client.get("/after")).status_code == 200

    asyncio.run(scenario())


@pytest.fixture
def server():
    """The real app under uvicorn, with the guarded protocol, on a free loopback port."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    app = create_app(MemorySource.from_jsonl(str(SAMPLE)), token=TOKEN, body_seconds=1.0, max_active=4)
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="critical", http=guarded_h11(1.0),
                            limit_concurrency=100, timeout_keep_alive=5)
    instance = uvicorn.Server(config)
    thread = threading.Thread(target=instance.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not instance.started:
        assert time.monotonic() < deadline and thread.is_alive(), "uvicorn did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}", port
    instance.should_exit = True
    thread.join(timeout=10)


def _read_all(sock: socket.socket) -> bytes:
    sock.settimeout(15)
    data = b""
    while chunk := sock.recv(65536):
        data += chunk
    return data


def test_headers_sent_slowly_get_408_and_the_connection_is_closed(server):
    base, port = server
    quiet = socket.create_connection(("127.0.0.1", port))
    quiet.sendall(b"GET /api/health HTTP/1.1\r\nHost: x\r\n")  # and never the blank line
    trickle = socket.create_connection(("127.0.0.1", port))
    stop = threading.Event()

    def drip():
        for byte in b"GET /api/health HTTP/1.1\r\nHost: x\r\nX-Slow: " + b"a" * 200:
            if stop.is_set():
                return
            try:
                trickle.send(bytes([byte]))
            except OSError:
                return
            time.sleep(0.1)

    dripper = threading.Thread(target=drip, daemon=True)
    dripper.start()
    try:
        for sock in (quiet, trickle):  # each is answered 408 and closed: recv reaches the end
            answer = _read_all(sock)
            assert answer.startswith(b"HTTP/1.1 408") and b'"timeout"' in answer
        assert httpx.get(f"{base}/api/health", timeout=5).json()["ok"]  # everyone else is served
    finally:
        stop.set()
        quiet.close()
        trickle.close()


def test_a_body_that_does_not_arrive_gets_408(server):
    base, port = server
    sock = socket.create_connection(("127.0.0.1", port))
    try:
        sock.sendall(b"POST /api/articles HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\n"
                     b"Authorization: Bearer " + TOKEN.encode() + b"\r\nContent-Length: 1000\r\n\r\nonly a little")
        answer = _read_all(sock)
        assert answer.startswith(b"HTTP/1.1 408") and b"did not arrive" in answer
    finally:
        sock.close()
    with httpx.Client(base_url=base, timeout=10) as client:  # a keep-alive client is not cut off between requests
        assert client.get("/api/health").status_code == 200
        assert client.get("/api/events").json()["total"] == 4
