"""The HTTP API and the web page of `eventledger serve`.

`create_app(source, ...)` builds a FastAPI app over any `Source` (see `source.py`); the CLI passes
a `queries.LedgerSource` on a DuckDB file. Everything the page needs is served by this process:
no CDN, no tile server. Errors are JSON: {"error": {"code", "message"}}."""

# No `from __future__ import annotations` here: FastAPI must see the local Annotated aliases
# (Read, Limit, ...) inside create_app as real objects, not strings it cannot resolve.

import asyncio
import os
import re
import secrets
import threading
from pathlib import Path
from typing import Annotated, Any, Callable

from fastapi import Depends, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from fastapi.staticfiles import StaticFiles
from pydantic import AfterValidator, ValidationError
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import EventledgerError, InputError
from ..records import DocResult, Extraction, RawDocument
from . import models
from .claims import figure_claims
from .source import EventFilter, Source, StatementFilter

STATIC = Path(__file__).resolve().parent / "static"
DEFAULT_MAX_BODY = 2 * 1024 * 1024  # a news page is tens of kilobytes
DEFAULT_BODY_SECONDS = 30.0  # a body that has not arrived by then: 408
MAX_PAGE = 500
MAX_OFFSET = 1_000_000_000  # DuckDB's offsets are 64-bit: 10**19 was a 500
_NUMBER = r"-?\d{1,3}(?:\.\d{1,15})?"
_DIRECTORIES = re.compile(r"(?<![\w.~/:])(?:\.{0,2}/)?(?:[^\s/:'\"#@]+/)+(?=[^\s/'\"]+)")


_SUFFIX = re.compile(r"(?::\d+|@\w+)$")  # file.jsonl:12, crawl.warc.gz@1234


def _file_part(source: str) -> str:
    path = source.split("#", 1)[0]
    return _SUFFIX.sub("", path)


def public_source(source: str | None) -> str | None:
    """Where a document came from, without the server's folders: "/srv/corpus/a.jsonl:12" ->
    "a.jsonl:12"; URLs, "api" and "upload" are kept as they are."""
    if not source or "://" in source:
        return source
    path = _file_part(source)
    return source.replace(path, os.path.basename(path.rstrip("/")) or path, 1)


def redact_paths(text: str | None, source: str | None = None) -> str | None:
    """A message without the server's folders: the document's own path becomes its file name,
    and so does any other file path in it."""
    if not text:
        return text
    if source and "://" not in source:
        path = _file_part(source)
        if os.sep in path:
            text = text.replace(path, os.path.basename(path.rstrip("/")))
    return " ".join(word if "://" in word else _DIRECTORIES.sub("", word) for word in text.split(" "))


def _real_day(value: str | None) -> str | None:
    from ..ingest.dates import day_or_none

    if value is not None and day_or_none(value) is None:
        raise ValueError(f"{value!r} is not a real date")
    return value


def _bbox(value: str | None) -> str | None:
    if value is None:
        return value
    west, south, east, north = (float(v) for v in value.split(","))
    if not (-180 <= west <= 180 and -180 <= east <= 180 and -90 <= south <= 90 and -90 <= north <= 90):
        raise ValueError("longitudes must be within -180..180 and latitudes within -90..90")
    if west > east or south > north:
        raise ValueError("west must not exceed east, nor south north")
    return value

# The page loads only its own files; article text can never bring in a script or a frame.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
       "form-action 'self'; frame-ancestors 'none'")
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-resource-policy", b"same-origin"),
]


class ApiError(StarletteHTTPException):
    """An HTTP error with a machine-readable code, rendered as {"error": {"code", "message"}}."""

    def __init__(self, status: int, code: str, message: str, headers: dict[str, str] | None = None):
        super().__init__(status_code=status, detail=message, headers=headers)
        self.code = code


_STATUS_CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found", 408: "timeout",
                 405: "method_not_allowed", 413: "too_large", 415: "unsupported_media_type",
                 422: "invalid_request", 500: "internal"}


def _error(status: int, code: str, message: str, headers: dict[str, str] | None = None, **extra: Any) -> JSONResponse:
    return JSONResponse({"error": {"code": code, "message": message, **extra}}, status_code=status, headers=headers)


class BodyLimit:
    """Refuses request bodies over `max_bytes` with 413, whether announced by Content-Length or
    streamed, and bodies whose next part does not arrive within `seconds` with 408."""

    def __init__(self, app: Callable, max_bytes: int, seconds: float = DEFAULT_BODY_SECONDS):
        self.app = app
        self.max_bytes = max_bytes
        self.seconds = seconds

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        too_large = f"request body over {self.max_bytes} bytes"
        length = dict(scope["headers"]).get(b"content-length")
        if length is not None:
            try:
                announced = int(length)
            except ValueError:
                return await _error(400, "bad_request", "Content-Length is not a number")(scope, receive, send)
            if announced > self.max_bytes:
                return await _error(413, "too_large", too_large)(scope, receive, send)
        received = 0
        complete = False

        async def limited_receive():
            nonlocal received, complete
            if complete or not self.seconds:  # after the body (waiting for a disconnect): no limit
                message = await receive()
            else:
                try:
                    message = await asyncio.wait_for(receive(), self.seconds)
                except asyncio.TimeoutError:
                    raise ApiError(408, "timeout", f"the request body did not arrive within {self.seconds:g} s") from None
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                complete = not message.get("more_body", False)
                if received > self.max_bytes:
                    raise ApiError(413, "too_large", too_large)
            return message

        await self.app(scope, limited_receive, send)


class SecurityHeaders:
    def __init__(self, app: Callable):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                names = {name for name, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [h for h in SECURITY_HEADERS if h[0] not in names]
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _check_token(credentials: HTTPAuthorizationCredentials | None, token: str) -> None:
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise ApiError(401, "unauthorized", "missing token: send 'Authorization: Bearer <token>'",
                       headers={"WWW-Authenticate": "Bearer"})
    if not secrets.compare_digest(credentials.credentials.encode(), token.encode()):
        raise ApiError(401, "unauthorized", "wrong token", headers={"WWW-Authenticate": "Bearer"})


def _page(page, limit: int, offset: int) -> dict[str, Any]:
    return {"total": page.total, "limit": limit, "offset": offset, "items": page.items}


def create_app(
    source: Source,
    *,
    token: str | None = None,
    read_token_required: bool = False,
    max_body_bytes: int = DEFAULT_MAX_BODY,
    pipeline: Callable[[RawDocument], Extraction] | None = None,
    body_seconds: float = DEFAULT_BODY_SECONDS,
    max_active: int | None = None,
    max_waiting: int | None = None,
    wait_seconds: float | None = None,
) -> FastAPI:
    """The API and page over `source`. Writes need `token`; reads need it too if `read_token_required`.

    `pipeline` turns a new document into an `Extraction` (default: `eventledger.pipeline.process`).
    `body_seconds`: how long a request body may take to arrive (408 after). `max_active`,
    `max_waiting`, `wait_seconds`: requests handled at once, queued, and how long one may wait in
    the queue (`serve.guard.Admission`; defaults there)."""
    if read_token_required and not token:
        raise ValueError("read_token_required needs a token")
    app = FastAPI(
        title="eventledger",
        summary="Evidence-backed event data from news about armed conflict, political violence and crises.",
        version="0.1.0",
        openapi_url="/api/openapi.json",
        docs_url=None,  # Swagger UI loads from a CDN; the page must work offline
        redoc_url=None,
    )
    app.state.source = source
    pipeline_lock = threading.Lock()
    app.add_middleware(BodyLimit, max_bytes=max_body_bytes, seconds=body_seconds)
    from .guard import DEFAULT_MAX_ACTIVE, DEFAULT_MAX_WAITING, DEFAULT_WAIT_SECONDS, Admission

    app.add_middleware(Admission, max_active=max_active or DEFAULT_MAX_ACTIVE,
                       max_waiting=DEFAULT_MAX_WAITING if max_waiting is None else max_waiting,
                       wait_seconds=DEFAULT_WAIT_SECONDS if wait_seconds is None else wait_seconds)
    app.add_middleware(SecurityHeaders)  # outermost: every response, errors included, gets the headers
    bearer = HTTPBearer(auto_error=False, description="the token given to `eventledger serve --token`")

    def reader(credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]) -> Source:
        if read_token_required:
            _check_token(credentials, token)  # type: ignore[arg-type]
        return source

    def writer(credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]) -> Source:
        if not token:
            raise ApiError(403, "writes_disabled", "writes are disabled: start the server with --token or EVENTLEDGER_TOKEN")
        _check_token(credentials, token)
        return source

    Read = Annotated[Source, Depends(reader)]
    Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description="page size")]
    Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="items to skip")]
    Day = Annotated[str | None, Query(pattern=r"^\d{4}-\d{2}-\d{2}$", description="YYYY-MM-DD"), AfterValidator(_real_day)]
    Text = Annotated[str | None, Query(max_length=200)]

    # ---- errors: always JSON ------------------------------------------------------------------
    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        code = getattr(exc, "code", None) or _STATUS_CODES.get(exc.status_code, "error")
        message = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
        if exc.status_code == 404 and message == "Not Found":
            message = f"no such path: {request.url.path}"
        return _error(exc.status_code, code, message, headers=getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError):
        problems = [f"{'.'.join(str(p) for p in e.get('loc', ()))}: {e.get('msg')}" for e in exc.errors()]
        return _error(422, "invalid_request", "; ".join(problems) or "invalid request",
                      details=[{"loc": list(e.get("loc", ())), "msg": e.get("msg")} for e in exc.errors()])

    @app.exception_handler(EventledgerError)
    async def bad_input(request: Request, exc: EventledgerError):
        status = 422 if isinstance(exc, InputError) else 400
        return _error(status, exc.code, str(exc).splitlines()[0] if str(exc) else exc.code)

    @app.exception_handler(Exception)
    async def crash(request: Request, exc: Exception):
        return _error(500, "internal", "internal error; the server log has the details")

    # ---- page -----------------------------------------------------------------------------------
    @app.get("/", include_in_schema=False)
    def index():
        return FileResponse(STATIC / "index.html", headers={"Cache-Control": "no-cache"})

    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    # ---- read ----------------------------------------------------------------------------------
    @app.get("/api/health", tags=["meta"])
    def health() -> dict[str, Any]:
        return {"ok": True, "writes": bool(token), "read_token_required": read_token_required}

    @app.get("/api/facets", tags=["events"], summary="Values to filter by: event types, countries, date range")
    def facets(src: Read) -> dict[str, Any]:
        return src.facets()

    @app.get("/api/events", tags=["events"], response_model=models.EventPage, summary="Events, filtered and paged")
    def events(
        src: Read,
        limit: Limit = 50,
        offset: Offset = 0,
        event_type: Text = None,
        sub_event_type: Text = None,
        country: Annotated[str | None, Query(max_length=100, description="ISO alpha-2 code or country name")] = None,
        date_from: Day = None,
        date_to: Day = None,
        q: Annotated[str | None, Query(max_length=200, description="words in place, actors, claimants or evidence")] = None,
        actor: Text = None,
        claimant: Text = None,
        article_id: Text = None,
        include_background: bool = False,
        bbox: Annotated[str | None, Query(pattern=rf"^{_NUMBER},{_NUMBER},{_NUMBER},{_NUMBER}$",
                                          description="west,south,east,north in degrees"), AfterValidator(_bbox)] = None,
        min_confidence: Annotated[float | None, Query(ge=0.0, le=1.0, description="events at least this likely to be "
                                                      "right (calibrated on the annotated news corpus)")] = None,
    ):
        box = tuple(float(v) for v in bbox.split(",")) if bbox else None
        where = EventFilter(event_type=event_type, sub_event_type=sub_event_type, country=country,
                            date_from=date_from, date_to=date_to, q=q, actor=actor, claimant=claimant,
                            article_id=article_id, include_background=include_background, bbox=box,
                            min_confidence=min_confidence)  # type: ignore[arg-type]
        return _page(src.events(where, limit, offset), limit, offset)

    @app.get("/api/events/{event_id}", tags=["events"], response_model=models.EventDetail,
             summary="One event with its reports, figures, claimants and evidence",
             responses={404: {"model": models.ErrorOut}})
    def event(event_id: str, src: Read):
        found = src.event(event_id)
        if found is None:
            raise ApiError(404, "not_found", f"no event {event_id!r}")
        found.setdefault("figure_claims", figure_claims(found.get("figures") or []))
        return found

    @app.get("/api/articles", tags=["articles"], response_model=models.ArticlePage, summary="Stored articles, newest first")
    def articles(src: Read, limit: Limit = 50, offset: Offset = 0,
                 q: Annotated[str | None, Query(max_length=200, description="words in the title or text")] = None):
        page = src.articles(q, limit, offset)
        page.items = [{**item, "source": public_source(item.get("source"))} if "source" in item else item
                      for item in page.items]
        return _page(page, limit, offset)

    @app.get("/api/articles/{article_id}", tags=["articles"], response_model=models.ArticleDetail,
             summary="One article: cleaned text, what cleaning removed, its events and statements",
             responses={404: {"model": models.ErrorOut}})
    def article(article_id: str, src: Read, original: Annotated[bool, Query(
            description="also return the document as it was ingested (`original`: the raw HTML or text)")] = False):
        found = src.article(article_id)
        if found is None:
            raise ApiError(404, "not_found", f"no article {article_id!r}")
        source_path = found.get("source")
        if "source" in found:  # the file name, never the server's folders
            found = {**found, "source": public_source(found["source"])}
        if found.get("status") == "error" or "article" not in found:
            reason = redact_paths(": ".join(str(v) for v in (found.get("error_code"), found.get("error_message")) if v),
                                  source_path)
            raise ApiError(404, "not_extracted", f"document {article_id!r} was stored but not extracted"
                           + (f" ({reason})" if reason else ""))
        if not original:
            found = {k: v for k, v in found.items() if k != "original"}
        return found

    @app.get("/api/statements", tags=["statements"], response_model=models.StatementPage,
             summary="Statements (demands, accusations, denials...), filtered and paged")
    def statements(src: Read, limit: Limit = 50, offset: Offset = 0, speaker: Text = None, kind: Text = None,
                   target: Text = None, article_id: Text = None, q: Text = None):
        where = StatementFilter(speaker=speaker, kind=kind, target=target, article_id=article_id, q=q)
        return _page(src.statements(where, limit, offset), limit, offset)

    # ---- write ---------------------------------------------------------------------------------
    @app.post(
        "/api/articles", tags=["articles"], status_code=201, response_model=models.StoredOut,
        summary="Add an article: it is cleaned, extracted and stored; returns the stored ids",
        responses={401: {"model": models.ErrorOut}, 403: {"model": models.ErrorOut},
                   413: {"model": models.ErrorOut}, 415: {"model": models.ErrorOut},
                   422: {"model": models.ErrorOut, "description": "not a readable article (one-line reason)"}},
        openapi_extra={"requestBody": {"required": True, "content": {
            "application/json": {"schema": models.ArticleIn.model_json_schema()},
            "text/plain": {"schema": {"type": "string"}},
            "text/html": {"schema": {"type": "string"}},
        }}},
    )
    async def add_article(request: Request, src: Annotated[Source, Depends(writer)]):
        raw = await _raw_document(request)
        process = pipeline or _default_pipeline()
        def extract_one() -> Extraction:
            with pipeline_lock:  # one extraction at a time: the models are not shared across threads
                return process(raw)

        extraction = await run_in_threadpool(extract_one)  # InputError -> 422 with its one-line reason
        result = DocResult(doc_id=raw.doc_id or extraction.doc_id or "", raw=raw, extraction=extraction, source="api")
        try:
            stored = await run_in_threadpool(src.add, result)
        except PermissionError as exc:  # a source opened read-only
            raise ApiError(403, "read_only", str(exc) or "this source is read-only") from None
        return {"article_id": stored.article_id, "event_ids": stored.event_ids,
                "statements": stored.statements, "duplicate": stored.duplicate}

    return app


async def _raw_document(request: Request) -> RawDocument:
    """JSON {text|html, url, outlet, published}, or a raw text/plain or text/html body
    (then url, outlet and published come from the query string)."""
    from ..ingest.decode import to_raw_document

    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    body = await request.body()
    if media in ("application/json", ""):
        try:
            data = models.ArticleIn.model_validate_json(body)
        except ValidationError as exc:
            raise RequestValidationError(exc.errors(include_url=False, include_context=False)) from None
        if (data.text is None) == (data.html is None):
            raise ApiError(422, "invalid_request", "give exactly one of 'text' or 'html'")
        content, kind = (data.text, "text") if data.text is not None else (data.html, "html")
        meta = {"url": data.url, "outlet": data.outlet, "published": data.published}
    elif media in ("text/plain", "text/html"):
        content, kind = body, ("html" if media == "text/html" else "text")
        try:
            meta = models.ArticleIn.model_validate({k: request.query_params.get(k) for k in ("url", "outlet", "published")}).model_dump(
                include={"url", "outlet", "published"})
        except ValidationError as exc:
            raise RequestValidationError(exc.errors(include_url=False, include_context=False)) from None
    else:
        raise ApiError(415, "unsupported_media_type", f"send application/json, text/plain or text/html, not {media!r}")
    return to_raw_document(content, content_type=kind, **meta)


def _default_pipeline() -> Callable[[RawDocument], Extraction]:
    from ..pipeline import process

    return process
