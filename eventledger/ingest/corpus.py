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

Only regular files are read. A FIFO, a device or a socket (`not_regular`), and a symbolic link
that leads outside the folders given (`outside_corpus`) are recorded as failed documents and not
opened; a link to another file inside them is read. What a file may cost is capped
(`ingest.limits.Limits`: bytes per document, per JSONL line or CSV row, per file after
decompression, and the compression ratio), each refusal a failed document with its reason.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import os
import re
import stat
import sys
from datetime import datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any, Iterable, Iterator

from ..errors import InputError
from ..records import DocResult, RawDocument
from .decode import MAX_BYTES, content_id, to_raw_document
from .limits import KEEP_BYTES, CappedReader, LimitExceeded, Limits, megabytes

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


_KINDS = ((stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISCHR, "a character device"),
          (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"), (stat.S_ISDIR, "a folder"))


class NotRegular(OSError):
    """The path is not a regular file (a FIFO, a device, a socket)."""


def _kind(mode: int) -> str:
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


def open_regular(path: Path) -> io.BufferedReader:
    """`path` opened for reading if it is a regular file, checked on the open descriptor (a FIFO
    is opened without blocking and refused, so it never hangs the run)."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise NotRegular(f"{path}: {_kind(mode)}, not a regular file; not read")
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def _open_binary(path: Path, limits: Limits) -> io.BufferedReader:
    """The file's bytes, decompressed if it is gzip, capped at `limits.file_bytes` (and, for gzip,
    at `limits.max_ratio` times the compressed size) while streaming."""
    raw = open_regular(path)
    if path.name.lower().endswith(".gz"):
        stream = CappedReader(gzip.GzipFile(fileobj=raw, mode="rb"), limits.file_bytes, str(path), compressed=raw,
                              max_ratio=limits.max_ratio)
    else:
        stream = CappedReader(raw, limits.file_bytes, str(path))
    return io.BufferedReader(stream)


def _open_text(path: Path, limits: Limits | None = None) -> io.TextIOBase:
    return io.TextIOWrapper(_open_binary(path, limits or Limits()), encoding="utf-8", errors="backslashreplace",
                            newline="")


def _read_upto(stream, limit: int) -> tuple[bytes, bool]:
    """At most `limit` bytes of `stream`, and whether there was more."""
    data = stream.read(limit + 1)
    return (data[:limit], True) if len(data) > limit else (data, False)


def _read_record_file(path: Path, limits: Limits, refusal: str) -> tuple[bytes, DocResult | None]:
    """A file read whole as one record: its bytes, or its head and a `too_large` refusal when it
    is over the record limit (`refusal` says what is not read, with `{limit}` for the limit)."""
    with _open_binary(path, limits) as handle:
        data, more = _read_upto(handle, limits.record_bytes)
    if more:
        return data, _error(str(path), data[:KEEP_BYTES], "too_large",
                            f"{path}: " + refusal.format(limit=megabytes(limits.record_bytes)))
    return data, None


def _lines(handle: io.TextIOBase, limit: int) -> Iterator[tuple[str, bool]]:
    """(line, complete) pairs; a line over `limit` characters comes as its first `limit`
    characters with complete=False, and the rest of it is skipped without being kept."""
    while True:
        line = handle.readline(limit + 1)
        if not line:
            return
        if len(line) > limit and not line.endswith("\n"):
            while True:  # skip to the end of this line
                rest = handle.readline(limit + 1)
                if not rest or rest.endswith("\n"):
                    break
            yield line[:limit], False
        else:
            yield line, True


class _RecordTooLarge(Exception):
    def __init__(self, head: str):
        super().__init__("record too large")
        self.head = head


class _CsvLines:
    """Lines for `csv.reader`; an oversized one raises `_RecordTooLarge` (an iterator, not a
    generator: after raising it goes on with the next line)."""

    def __init__(self, handle: io.TextIOBase, limit: int):
        self._lines = _lines(handle, limit)

    def __iter__(self) -> "_CsvLines":
        return self

    def __next__(self) -> str:
        line, complete = next(self._lines)
        if not complete:
            raise _RecordTooLarge(line)
        return line


def _stem_suffix(path: Path) -> str:
    name = path.name.lower()
    return name[:-3] if name.endswith(".gz") else name


# ---- readers ---------------------------------------------------------------------------------

def _too_large_record(source: str, head: str, limit: int) -> DocResult:
    return _error(source, head[:KEEP_BYTES], "too_large",
                  f"{source}: record over {megabytes(limit)}; not read (the records after it are)")


def read_jsonl(path: Path, limits: Limits | None = None) -> Iterator[DocResult]:
    limits = limits or Limits()
    with _open_text(path, limits) as handle:
        for number, (line, complete) in enumerate(_lines(handle, limits.record_bytes), start=1):
            source = f"{path}:{number}"
            if not complete:
                yield _too_large_record(source, line, limits.record_bytes)
                continue
            if not line.strip():
                continue
            line = line.rstrip("\r\n")
            try:
                record = json.loads(line)
            except ValueError as exc:
                yield _error(source, line, "bad_record", f"{source}: invalid JSON ({exc})")
                continue
            yield record_to_result(record, source, line, "jsonl")


def read_json(path: Path, limits: Limits | None = None) -> Iterator[DocResult]:
    data, refused = _read_record_file(path, limits or Limits(), "a JSON file over {limit} is not read whole; write it as JSONL")
    if refused is not None:
        yield refused
        return
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


def read_csv(path: Path, limits: Limits | None = None) -> Iterator[DocResult]:
    limits = limits or Limits()
    delimiter = "\t" if _stem_suffix(path).endswith(".tsv") else ","
    csv.field_size_limit(min(limits.record_bytes, 2**31 - 1))
    with _open_text(path, limits) as handle:
        reader = csv.reader(_CsvLines(handle, limits.record_bytes), delimiter=delimiter)
        try:
            header = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield _error(str(path), b"", "bad_record", f"{path}: unreadable CSV header ({exc})")
            return
        except _RecordTooLarge as exc:
            yield _too_large_record(f"{path}:1", exc.head, limits.record_bytes)
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
            except _RecordTooLarge as exc:
                line = reader.line_num
                yield _too_large_record(f"{path}:{start}", exc.head, limits.record_bytes)
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


def read_feed(path: Path, data: bytes | None = None, limits: Limits | None = None) -> Iterator[DocResult]:
    import feedparser

    if data is None:
        data, refused = _read_record_file(path, limits or Limits(), "a feed over {limit} is not read")
        if refused is not None:
            yield refused
            return
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


def read_warc(path: Path, limits: Limits | None = None) -> Iterator[DocResult]:
    from warcio.archiveiterator import ArchiveIterator

    limits = limits or Limits()
    with open_regular(path) as raw:
        stream = io.BufferedReader(CappedReader(raw, limits.file_bytes, str(path)))
        records = ArchiveIterator(stream, arc2warc=True)
        while True:
            try:
                record = next(records)
            except StopIteration:
                if path.name.lower().endswith(".gz") and not _gzip_complete(path):
                    source = f"{path}@{raw.tell()}"
                    yield _error(source, source, "bad_archive",
                                 f"{path}: truncated archive: the records after the last one read are lost")
                return
            except LimitExceeded:
                raise
            except Exception as exc:  # a truncated or corrupt archive: keep what was read, record why
                source = f"{path}@{raw.tell()}"
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
                payload, more = _read_upto(record.content_stream(), limits.document_bytes)
            except LimitExceeded:
                raise
            except Exception as exc:
                yield _error(source, b"", "bad_archive", f"{source}: unreadable payload ({type(exc).__name__}: {exc})", url=url)
                continue
            if more:
                yield _error(source, payload[:KEEP_BYTES], "too_large",
                             f"input too large: the payload is over {megabytes(limits.document_bytes)}", url=url)
                continue
            content_type = "html" if "html" in mime else ("text" if "text/plain" in mime else None)
            crawled = normalize_date(headers.get_header("WARC-Date"))  # the page was published before
            yield _document(source, payload, url=url, content_type=content_type, published=crawled,
                            published_source="warc_date" if crawled else None)


def _read_single(path: Path, limits: Limits) -> Iterator[DocResult]:
    """A file that is one document (or a feed): at most `limits.document_bytes`, decompressed."""
    limit = limits.document_bytes
    packed = path.name.lower().endswith(".gz")
    with open_regular(path) as raw:
        size = os.fstat(raw.fileno()).st_size
        if not packed and size > limit:
            head = raw.read(KEEP_BYTES)
            yield _error(str(path), head, "too_large", f"input too large: {size / 1e6:.1f} MB (limit {megabytes(limit)})")
            return
        if packed:
            try:
                data, more = _read_upto(gzip.GzipFile(fileobj=raw, mode="rb"), limit)
            except (OSError, EOFError) as exc:
                raw.seek(0)
                yield _error(str(path), raw.read(KEEP_BYTES), "bad_archive", f"{path}: not a readable gzip file ({exc})")
                return
        else:
            data, more = _read_upto(raw, limit)
    if more:
        yield _error(str(path), data[:KEEP_BYTES], "too_large",
                     f"input too large: over {megabytes(limit)}" + (" once decompressed" if packed else ""))
        return
    if _stem_suffix(path).endswith(FEED_SUFFIXES) and looks_like_feed(data):
        yield from read_feed(path, data)
    else:
        yield _document(str(path), data, **sidecar(path))


def read_file(path: Path, limits: Limits | None = None) -> Iterator[DocResult]:
    """The documents in one file, by its name (see the module docstring)."""
    limits = limits or Limits()
    name = _stem_suffix(path)
    try:
        if name.endswith((".jsonl", ".ndjson")):
            yield from read_jsonl(path, limits)
        elif name.endswith(".json"):
            yield from read_json(path, limits)
        elif name.endswith((".csv", ".tsv")):
            yield from read_csv(path, limits)
        elif path.name.lower().endswith((".warc", ".warc.gz", ".arc", ".arc.gz")):
            yield from read_warc(path, limits)
        else:
            yield from _read_single(path, limits)
    except LimitExceeded as exc:
        yield _error(f"{path}@limit", str(path), exc.code, str(exc))
    except NotRegular as exc:
        yield _error(str(path), str(path), "not_regular", str(exc))
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


def _inside(path: str, roots: list[str]) -> bool:
    return any(path == root or path.startswith(root.rstrip(os.sep) + os.sep) for root in roots)


def _walk(paths: Iterable[str | os.PathLike]) -> Iterator[tuple[Path, str | None, str | None]]:
    """(path, error code, message) for every file under `paths`, folders walked recursively and
    sorted, hidden and ledger files skipped; a path with an error code is not to be opened."""
    items = [Path(item) for item in paths]
    roots = [os.path.realpath(item) for item in items]
    for path in items:
        if not os.path.lexists(path):
            yield path, "not_found", f"{path}: no such file or folder"
        elif path.is_dir():
            for root, dirs, files in os.walk(path):
                kept = []
                for name in sorted(dirs):
                    if name.startswith(".") or name.endswith(SKIP_DIR_SUFFIXES):
                        continue
                    folder = Path(root) / name
                    if os.path.islink(folder):  # never entered; one that leads outside is on record
                        if not _inside(os.path.realpath(folder), roots):
                            yield folder, "outside_corpus", (f"{folder}: a symbolic link to a folder outside "
                                                             "the folders given; not followed")
                        continue
                    kept.append(name)
                dirs[:] = kept
                for name in sorted(files):
                    if name.startswith(".") or name.lower().endswith(SKIP_SUFFIXES):
                        continue
                    yield (Path(root) / name, *_check(Path(root) / name, roots))
        else:  # named on its own: a link is followed, but it must lead to a regular file
            yield (path, *_check(path, roots, named=True))


def _check(path: Path, roots: list[str], named: bool = False) -> tuple[str | None, str | None]:
    try:
        if not named and os.path.islink(path):
            target = os.path.realpath(path)
            if not _inside(target, roots):
                return "outside_corpus", f"{path}: a symbolic link to a file outside the folders given; not followed"
        mode = os.stat(path).st_mode
    except OSError as exc:
        code = "not_found" if isinstance(exc, FileNotFoundError) else "unreadable"
        return code, f"cannot read {path}: {exc.strerror or exc}" + (" (a broken link)" if os.path.islink(path) else "")
    if not stat.S_ISREG(mode):
        return "not_regular", f"{path}: {_kind(mode)}, not a regular file; not read"
    return None, None


def iter_files(paths: Iterable[str | os.PathLike]) -> Iterator[Path]:
    """Regular files under `paths` (folders walked recursively, sorted), hidden and ledger files,
    special files and links out of `paths` skipped (`iter_documents` records those as failures)."""
    for path, code, _ in _walk(paths):
        if code is None:
            yield path


def iter_documents(paths: Iterable[str | os.PathLike] | str | os.PathLike,
                   limits: Limits | None = None) -> Iterator[DocResult]:
    """Every document under `paths`, as pending (`raw` set) or failed `DocResult`s, in a stable order.

    A path that does not exist, a special file (FIFO, device, socket) and a symbolic link out of
    `paths` each yield one failed result (`not_found`, `not_regular`, `outside_corpus`) rather
    than stopping the run or being read. `limits` caps what each file may cost (default
    `Limits.from_env()`)."""
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    limits = limits or Limits.from_env()
    for path, code, message in _walk(paths):
        if path.name.lower().endswith(SIDECAR):
            continue  # a sidecar describes the file beside it: no document of its own
        if code is not None:
            yield _error(str(path), str(path), code, message)
            continue
        yield from read_file(path, limits)


__all__ = ["iter_documents", "iter_files", "read_file", "record_to_result", "normalize_date", "open_regular"]
