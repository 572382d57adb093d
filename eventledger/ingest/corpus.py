"""Read corpora: files, folders, JSONL/CSV, RSS/Atom and WARC into one stream of documents.

`iter_documents(paths)` yields one `DocResult` per document found, in a stable order (folders
are walked sorted), without extracting anything:

- a readable document comes with `raw` set (a `RawDocument` with `doc_id = content_id(...)` of its
  content) and no extraction and no error yet;
- an unreadable one (empty, binary, undecodable, a malformed JSONL line, a CSV row without text, a
  broken WARC) comes with `error_code`/`error_message` set, and `raw.content` keeps the original as
  far as it can be kept as text.

`source` says where each document came from: `path`, `file.jsonl:LINE`, `file.csv:LINE`,
`feed.xml#ENTRY`, `crawl.warc.gz#<urn:uuid:...>`.

Formats, by file name (compressed `.gz` variants of JSONL, CSV and text are read too):

| files | documents |
|---|---|
| `*.jsonl`, `*.ndjson` | one per line: a JSON object with a text column (below) |
| `*.json` | a list of such objects (or one object, or `{"articles": [...]}`) |
| `*.csv`, `*.tsv` | one per row, same columns |
| `*.rss`, `*.atom`, `*.xml` that hold a feed | one per entry (title + content or summary); `published` from the entry |
| `*.warc`, `*.warc.gz`, `*.arc`, `*.arc.gz` | one per 2xx `response` (or `resource`) record with an HTML or text payload |
| anything else | the whole file is one document (HTML or text) |

Columns of a record: the text in `text`, `content`, `body`, `article` or `html`; optional `url`
(or `link`), `outlet` (or `source`, `publisher`, `site`), `published` (or `date`, `published_at`,
`publish_date`, `pubdate`: ISO dates and RFC 822 dates are normalised to YYYY-MM-DD).
A file read whole may have a sidecar beside it, `<file>.meta.json` ({"published", "url",
"outlet"}), which gives it those. A WARC record's `WARC-Date` (when it was crawled) stands for
its publication date when the page itself gives none. Each document's `published_source` says
where its date came from (jsonl, json, csv, feed, sidecar, warc_date).
Hidden files, sidecars and the ledger's own files (`*.duckdb`, `*.wal`, Parquet parts, work folders) are skipped.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import os
import re
import sys
from datetime import datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any, Iterable, Iterator

from ..errors import InputError
from ..records import DocResult, RawDocument
from .decode import MAX_BYTES, content_id, to_raw_document

TEXT_KEYS = ("text", "content", "body", "article", "html", "article_text", "full_text", "maintext")
URL_KEYS = ("url", "link", "source_url", "href")
OUTLET_KEYS = ("outlet", "source", "publisher", "site", "source_name", "domain", "sitename")
PUBLISHED_KEYS = ("published", "date", "published_at", "publish_date", "pubdate", "date_publish", "publication_date")
SKIP_SUFFIXES = (".duckdb", ".wal", ".duckdb.wal", ".tmp", ".lock", ".pyc", ".parquet")
SKIP_DIR_SUFFIXES = (".ray-parts", ".tmp")  # the ledger's own work folders
FEED_SUFFIXES = (".rss", ".atom", ".xml", ".feed")
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")

csv.field_size_limit(min(sys.maxsize, 2**31 - 1))


# ---- helpers ---------------------------------------------------------------------------------

def normalize_date(value: Any) -> str | None:
    """A corpus date to YYYY-MM-DD when it can be read (ISO, RFC 822); otherwise as given."""
    if value is None:
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        try:  # a Unix timestamp (seconds or milliseconds)
            return datetime.utcfromtimestamp(value / 1000 if value > 1e11 else value).strftime("%Y-%m-%d")
        except (OverflowError, OSError, ValueError):
            return str(value)
    text = str(value).strip()
    if not text:
        return None
    match = _ISO_DATE.match(text)
    if match:
        return match.group(0)
    try:
        return parsedate_to_datetime(text).strftime("%Y-%m-%d")
    except (TypeError, ValueError, IndexError):
        return text


def _first(record: dict[str, Any], keys: Iterable[str]) -> tuple[str | None, Any]:
    lowered = {str(k).strip().lower(): k for k in record}
    for key in keys:
        if key in lowered:
            value = record[lowered[key]]
            if value not in (None, ""):
                return key, value
    return None, None


def _as_text(data: bytes, limit: int = MAX_BYTES) -> str:
    """Original bytes kept as text as far as possible: UTF-8, the rest escaped (\\xNN)."""
    return data[:limit].decode("utf-8", errors="backslashreplace").replace("\x00", "\\x00")


def _error(source: str, original: bytes | str, code: str, message: str, **meta: Any) -> DocResult:
    data = original.encode("utf-8", "surrogatepass") if isinstance(original, str) else original
    content = original.replace("\x00", "\\x00") if isinstance(original, str) else _as_text(original)
    raw = RawDocument(content=content, content_type=meta.get("content_type") or "text", url=meta.get("url"),
                      outlet=meta.get("outlet"), published=meta.get("published"))
    doc_id = content_id(data if data else source.encode("utf-8"))
    raw.doc_id = doc_id
    return DocResult(doc_id=doc_id, raw=raw, error_code=code, error_message=message, source=source)


def _document(source: str, data: bytes | str, *, url=None, outlet=None, published=None, content_type=None,
              published_source=None) -> DocResult:
    try:
        raw = to_raw_document(data, url=url, outlet=outlet, published=published, content_type=content_type,
                              published_source=published_source)
    except InputError as exc:
        return _error(source, data, exc.code, str(exc), url=url, outlet=outlet, published=published)
    return DocResult(doc_id=raw.doc_id or "", raw=raw, source=source)


def record_to_result(record: Any, source: str, original: str, fmt: str = "record") -> DocResult:
    """One JSONL/CSV/JSON record (a dict) to a pending or failed `DocResult`; `fmt` (jsonl, json,
    csv) is where its publication date, if it has one, came from."""
    if not isinstance(record, dict):
        return _error(source, original, "bad_record", f"{source}: not an object with a text column")
    key, text = _first(record, TEXT_KEYS)
    _, url = _first(record, URL_KEYS)
    _, outlet = _first(record, OUTLET_KEYS)
    _, published = _first(record, PUBLISHED_KEYS)
    meta = {"url": _str(url), "outlet": _str(outlet), "published": normalize_date(published)}
    if text is None:
        return _error(source, original, "no_text", f"{source}: no text column (one of {', '.join(TEXT_KEYS[:5])})", **meta)
    if not isinstance(text, str):
        return _error(source, original, "bad_record", f"{source}: the {key} column is not text", **meta)
    return _document(source, text, content_type="html" if key == "html" else None, published_source=fmt, **meta)


def _str(value: Any) -> str | None:
    if value is None:
        return None
    return value if isinstance(value, str) else str(value)


def _open_text(path: Path) -> io.TextIOBase:
    if path.name.lower().endswith(".gz"):
        return io.TextIOWrapper(gzip.open(path, "rb"), encoding="utf-8", errors="backslashreplace", newline="")
    return open(path, encoding="utf-8", errors="backslashreplace", newline="")


def _stem_suffix(path: Path) -> str:
    name = path.name.lower()
    return name[:-3] if name.endswith(".gz") else name


# ---- readers ---------------------------------------------------------------------------------

def read_jsonl(path: Path) -> Iterator[DocResult]:
    with _open_text(path) as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            source = f"{path}:{number}"
            line = line.rstrip("\r\n")
            try:
                record = json.loads(line)
            except ValueError as exc:
                yield _error(source, line, "bad_record", f"{source}: invalid JSON ({exc})")
                continue
            yield record_to_result(record, source, line, "jsonl")


def read_json(path: Path) -> Iterator[DocResult]:
    data = path.read_bytes()
    try:
        loaded = json.loads(data.decode("utf-8-sig"))
    except (ValueError, UnicodeDecodeError) as exc:
        yield _error(str(path), data, "bad_record", f"{path}: invalid JSON ({exc})")
        return
    if isinstance(loaded, dict):
        items = next((loaded[k] for k in ("articles", "documents", "items", "data", "records")
                      if isinstance(loaded.get(k), list)), [loaded])
    elif isinstance(loaded, list):
        items = loaded
    else:
        yield _error(str(path), data, "bad_record", f"{path}: JSON holds neither an object nor a list")
        return
    for number, record in enumerate(items, start=1):  # source "file.json:N": the Nth record
        yield record_to_result(record, f"{path}:{number}", json.dumps(record, ensure_ascii=False), "json")


def read_csv(path: Path) -> Iterator[DocResult]:
    delimiter = "\t" if _stem_suffix(path).endswith(".tsv") else ","
    with _open_text(path) as handle:
        reader = csv.reader(handle, delimiter=delimiter)
        try:
            header = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield _error(str(path), b"", "bad_record", f"{path}: unreadable CSV header ({exc})")
            return
        header = [h.lstrip("\ufeff").strip() for h in header]
        line = reader.line_num
        while True:
            start = line + 1
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                line = reader.line_num
                yield _error(f"{path}:{start}", f"{path}:{start}", "bad_record", f"{path}:{start}: unreadable CSV row ({exc})")
                continue
            line = reader.line_num
            if not any(cell.strip() for cell in row):
                continue
            source = f"{path}:{start}"
            original = json.dumps(row, ensure_ascii=False)
            if len(row) != len(header):
                yield _error(source, original, "bad_record",
                             f"{source}: {len(row)} cells where the header has {len(header)}")
                continue
            yield record_to_result(dict(zip(header, row)), source, original, "csv")


def looks_like_feed(head: bytes) -> bool:
    text = head[:4096].lower()
    return b"<rss" in text or b"<feed" in text or b"<rdf:rdf" in text


def read_feed(path: Path, data: bytes | None = None) -> Iterator[DocResult]:
    import feedparser

    data = path.read_bytes() if data is None else data
    parsed = feedparser.parse(io.BytesIO(data))  # bytes in a stream: never fetched from the network
    outlet = (parsed.get("feed") or {}).get("title")
    if not parsed.entries:
        reason = parsed.get("bozo_exception")
        yield _error(str(path), data, "bad_feed", f"{path}: no feed entries" + (f" ({reason})" if reason else ""))
        return
    for number, entry in enumerate(parsed.entries):
        source = f"{path}#{entry.get('id') or number}"
        title = (entry.get("title") or "").strip()
        body, is_html = "", False
        if entry.get("content"):
            part = entry["content"][0]
            body, is_html = part.get("value") or "", "html" in (part.get("type") or "")
        if not body.strip():
            detail = entry.get("summary_detail") or {}
            body, is_html = entry.get("summary") or "", "html" in (detail.get("type") or "")
        published = None
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        if stamp:
            published = f"{stamp.tm_year:04d}-{stamp.tm_mon:02d}-{stamp.tm_mday:02d}"
        if is_html:
            from html import escape

            document = (f"<html><head><title>{escape(title)}</title></head><body><article>"
                        f"<h1>{escape(title)}</h1>{body}</article></body></html>")
        else:
            document = f"{title}\n\n{body}" if title else body
        if not body.strip():
            yield _error(source, document, "empty", f"{source}: the entry has no text",
                         url=entry.get("link"), outlet=outlet, published=published)
            continue
        yield _document(source, document, url=entry.get("link"), outlet=outlet, published=published,
                        content_type="html" if is_html else "text", published_source="feed")


def _gzip_complete(path: Path) -> bool:
    """False when a gzip file ends before its end-of-stream marker (a truncated download)."""
    try:
        with gzip.open(path, "rb") as handle:
            while handle.read(1 << 20):
                pass
    except (EOFError, OSError, gzip.BadGzipFile):
        return False
    return True


def read_warc(path: Path) -> Iterator[DocResult]:
    from warcio.archiveiterator import ArchiveIterator

    with open(path, "rb") as stream:
        records = ArchiveIterator(stream, arc2warc=True)
        while True:
            try:
                record = next(records)
            except StopIteration:
                if path.name.lower().endswith(".gz") and not _gzip_complete(path):
                    source = f"{path}@{stream.tell()}"
                    yield _error(source, source, "bad_archive",
                                 f"{path}: truncated archive: the records after the last one read are lost")
                return
            except Exception as exc:  # a truncated or corrupt archive: keep what was read, record why
                source = f"{path}@{stream.tell()}"
                yield _error(source, source, "bad_archive", f"{source}: unreadable WARC record ({type(exc).__name__}: {exc})")
                return
            if record.rec_type not in ("response", "resource"):
                continue
            headers = record.rec_headers
            record_id = headers.get_header("WARC-Record-ID") or str(records.get_record_offset())
            source = f"{path}#{record_id}"
            url = headers.get_header("WARC-Target-URI")
            if record.rec_type == "response":
                http = record.http_headers
                if http is None:
                    continue
                status = http.get_statuscode() or ""
                if not status.startswith("2"):
                    continue
                mime = (http.get_header("Content-Type") or "").lower()
            else:
                mime = (headers.get_header("Content-Type") or "").lower()
            if mime and not any(kind in mime for kind in ("html", "text/plain", "xml")):
                continue  # images, scripts, styles: parts of a page, not documents
            try:
                payload = record.content_stream().read()
            except Exception as exc:
                yield _error(source, b"", "bad_archive", f"{source}: unreadable payload ({type(exc).__name__}: {exc})", url=url)
                continue
            content_type = "html" if "html" in mime else ("text" if "text/plain" in mime else None)
            crawled = normalize_date(headers.get_header("WARC-Date"))  # the page was published before
            yield _document(source, payload, url=url, content_type=content_type, published=crawled,
                            published_source="warc_date" if crawled else None)


def read_file(path: Path) -> Iterator[DocResult]:
    """The documents in one file, by its name (see the module docstring)."""
    name = _stem_suffix(path)
    try:
        if name.endswith((".jsonl", ".ndjson")):
            yield from read_jsonl(path)
        elif name.endswith(".json"):
            yield from read_json(path)
        elif name.endswith((".csv", ".tsv")):
            yield from read_csv(path)
        elif path.name.lower().endswith((".warc", ".warc.gz", ".arc", ".arc.gz")):
            yield from read_warc(path)
        else:
            if path.stat().st_size > MAX_BYTES:
                with open(path, "rb") as handle:
                    head = handle.read(64 * 1024)
                yield _error(str(path), head, "too_large",
                             f"input too large: {path.stat().st_size / 1e6:.1f} MB (limit {MAX_BYTES / 1e6:.0f} MB)")
                return
            data = path.read_bytes()
            if path.name.lower().endswith(".gz"):
                try:
                    data = gzip.decompress(data)
                except (OSError, EOFError) as exc:
                    yield _error(str(path), data, "bad_archive", f"{path}: not a readable gzip file ({exc})")
                    return
            if name.endswith(FEED_SUFFIXES) and looks_like_feed(data):
                yield from read_feed(path, data)
            else:
                yield _document(str(path), data, **sidecar(path))
    except OSError as exc:
        yield _error(str(path), str(path), "unreadable", f"cannot read {path}: {exc.strerror or exc}")
    except UnicodeDecodeError as exc:
        yield _error(str(path), str(path), "encoding", f"{path}: {exc}")


SIDECAR = ".meta.json"  # "story.txt.meta.json" beside "story.txt": {"published", "url", "outlet"}


def sidecar(path: Path) -> dict[str, Any]:
    """What a sidecar file says about the document beside it (`<file>.meta.json`): its
    publication date, URL and outlet. Unreadable or absent: nothing."""
    meta = path.with_name(path.name + SIDECAR)
    try:
        data = json.loads(meta.read_text("utf-8")) if meta.is_file() else None
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    _, published = _first(data, PUBLISHED_KEYS)
    _, url = _first(data, URL_KEYS)
    _, outlet = _first(data, OUTLET_KEYS)
    published = normalize_date(published)
    return {"url": _str(url), "outlet": _str(outlet), "published": published,
            "published_source": "sidecar" if published else None}


def iter_files(paths: Iterable[str | os.PathLike]) -> Iterator[Path]:
    """Files under `paths` (folders walked recursively, sorted), hidden and ledger files skipped."""
    for item in paths:
        path = Path(item)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not d.endswith(SKIP_DIR_SUFFIXES))
                for name in sorted(files):
                    if name.startswith(".") or name.lower().endswith(SKIP_SUFFIXES):
                        continue
                    yield Path(root) / name
        else:
            yield path


def iter_documents(paths: Iterable[str | os.PathLike] | str | os.PathLike) -> Iterator[DocResult]:
    """Every document under `paths`, as pending (`raw` set) or failed `DocResult`s, in a stable order.

    A path that does not exist yields one failed result (`error_code` "not_found") rather than
    stopping the run."""
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    for path in iter_files(paths):
        if path.name.lower().endswith(SIDECAR):
            continue  # a sidecar describes the file beside it: no document of its own
        if not path.exists():
            yield _error(str(path), str(path), "not_found", f"{path}: no such file or folder")
            continue
        yield from read_file(path)


__all__ = ["iter_documents", "iter_files", "read_file", "record_to_result", "normalize_date"]
