"""What keeps the server answering when clients are many, slow or hostile.

- `Admission` (ASGI middleware): at most `max_active` requests are handled at once; the next
  `max_waiting` wait in a queue (first come, first served) for up to `wait_seconds`; beyond the
  queue, or after the wait, a JSON 503 with `Retry-After`. Before, uvicorn's own cap answered 503
  to the 65th concurrent request at once.
- `guarded_h11(header_seconds)`: uvicorn's HTTP/1.1 protocol with a time limit on a request's
  headers: a connection that has not sent a whole request head within `header_seconds` of opening
  (or of its previous response) gets 408 and is closed. Without it, clients that send their
  headers a byte at a time held every connection slot for as long as they liked.
- The body's own time limit is `app.BodyLimit`'s (`body_seconds`).

`eventledger serve --max-active N --queue N --queue-wait S --header-timeout S --body-timeout S`."""

from __future__ import annotations

import asyncio
import collections
import json
from typing import Any, Callable

DEFAULT_MAX_ACTIVE = 32
DEFAULT_MAX_WAITING = 512
DEFAULT_WAIT_SECONDS = 30.0
DEFAULT_HEADER_SECONDS = 10.0


def _busy(retry_after: int, message: str) -> Callable:
    body = json.dumps({"error": {"code": "busy", "message": message}}).encode()

    async def respond(scope, receive, send) -> None:
        await send({"type": "http.response.start", "status": 503,
                    "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                                (b"retry-after", str(retry_after).encode())]})
        await send({"type": "http.response.body", "body": body})

    return respond


class Admission:
    """At most `max_active` requests at once, `max_waiting` more queued for `wait_seconds`."""

    def __init__(self, app: Callable, max_active: int = DEFAULT_MAX_ACTIVE, max_waiting: int = DEFAULT_MAX_WAITING,
                 wait_seconds: float = DEFAULT_WAIT_SECONDS):
        if max_active < 1 or max_waiting < 0 or wait_seconds < 0:
            raise ValueError("max_active must be at least 1, max_waiting and wait_seconds not negative")
        self.app = app
        self.max_active = max_active
        self.max_waiting = max_waiting
        self.wait_seconds = wait_seconds
        self.active = 0
        self._queue: collections.deque[asyncio.Future] = collections.deque()

    @property
    def waiting(self) -> int:
        return sum(not f.done() for f in self._queue)

    async def _enter(self) -> bool:
        if self.active < self.max_active and not self.waiting:
            self.active += 1
            return True
        if self.waiting >= self.max_waiting:
            return False
        turn = asyncio.get_running_loop().create_future()
        self._queue.append(turn)
        try:
            await asyncio.wait_for(asyncio.shield(turn), self.wait_seconds)
            return True
        except asyncio.TimeoutError:
            if turn.done() and not turn.cancelled():  # handed a slot just as the wait ran out: take it
                return True
            turn.cancel()
            return False
        except asyncio.CancelledError:  # the client went away while waiting
            if turn.done() and not turn.cancelled():
                self._leave()
            else:
                turn.cancel()
            raise

    def _leave(self) -> None:
        while self._queue:
            turn = self._queue.popleft()
            if not turn.done():
                turn.set_result(None)  # the slot goes to the next in line; `active` stays
                return
        self.active -= 1

    async def __call__(self, scope: dict[str, Any], receive, send) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        if not await self._enter():
            retry = max(1, int(self.wait_seconds))
            return await _busy(retry, f"the server is busy ({self.max_active} requests at work, "
                                      f"{self.max_waiting} waiting); try again shortly")(scope, receive, send)
        try:
            await self.app(scope, receive, send)
        finally:
            self._leave()


_TIMEOUT_BODY = json.dumps({"error": {"code": "timeout", "message": "the request head took too long"}}).encode()
_HEAD_TIMEOUT = (b"HTTP/1.1 408 Request Timeout\r\ncontent-type: application/json\r\nconnection: close\r\n"
                 b"content-length: " + str(len(_TIMEOUT_BODY)).encode() + b"\r\n\r\n" + _TIMEOUT_BODY)


def guarded_h11(header_seconds: float = DEFAULT_HEADER_SECONDS) -> type:
    """uvicorn's h11 protocol class with a time limit on receiving each request's head."""
    from uvicorn.protocols.http.h11_impl import H11Protocol

    class GuardedH11Protocol(H11Protocol):
        _head_timer: asyncio.TimerHandle | None = None

        def _arm(self) -> None:
            self._disarm()
            self._head_timer = self.loop.call_later(header_seconds, self._head_timeout)

        def _disarm(self) -> None:
            if self._head_timer is not None:
                self._head_timer.cancel()
                self._head_timer = None

        def _head_timeout(self) -> None:
            self._head_timer = None
            if self.transport.is_closing():
                return
            if self.cycle is None or self.cycle.response_complete:  # still no whole request head
                self.transport.write(_HEAD_TIMEOUT)
                self.transport.close()

        def connection_made(self, transport) -> None:  # type: ignore[override]
            super().connection_made(transport)
            self._arm()

        def on_response_complete(self) -> None:
            super().on_response_complete()
            if not self.transport.is_closing():
                self._arm()

        def connection_lost(self, exc) -> None:
            self._disarm()
            super().connection_lost(exc)

    return GuardedH11Protocol


__all__ = ["Admission", "guarded_h11", "DEFAULT_MAX_ACTIVE", "DEFAULT_MAX_WAITING", "DEFAULT_WAIT_SECONDS",
           "DEFAULT_HEADER_SECONDS"]
