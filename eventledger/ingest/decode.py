"""Turn bytes or text from any source into a `RawDocument`: decode, detect HTML, refuse garbage.

Refusals raise `InputError` with a one-line reason; nothing here loses the original, which the
caller keeps (the ledger stores originals as given).
"""

from __future__ import annotations

import hashlib
import re

from charset_normalizer import from_bytes

from ..errors import InputError
from ..records import RawDocument

MAX_BYTES = 20 * 1024 * 1024  # a news page is kilobytes; 20 MB is a dump, not an article
_HTML_HINT = re.compile(r"<\s*(?:!doctype\s+html|html|head|body|article|div|p|meta|title)\b", re.I)


def content_id(data: bytes | str) -> str:
    """Stable key of a document's content: ingesting the same bytes twice yields the same id."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    return hashlib.sha256(raw).hexdigest()[:32]


_LATIN_FAMILY = {"cp1250", "cp1252", "latin_1", "iso8859_2", "iso8859_15", "iso8859_16", "mac_roman", "mac_latin2",
                 "cp1257", "iso8859_4", "iso8859_13", "cp850", "cp437"}


def decode_bytes(data: bytes) -> str:
    """Bytes to text: UTF-8 (with or without BOM) first, then charset detection."""
    if not data:
        raise InputError("empty input: no bytes to read", "empty")
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError("binary input: this looks like a binary file, not text or HTML", "binary")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data[:200_000]).best()
    if best is None:
        raise InputError("undecodable input: no text encoding fits these bytes", "encoding")
    if best.encoding in _LATIN_FAMILY:
        # Short Western texts fit several single-byte code pages equally well; Windows-1252 (a
        # superset of Latin-1) is by far the most common on the web, so it wins when it fits.
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            pass
    return data.decode(best.encoding, errors="replace")


def looks_like_html(text: str) -> bool:
    return bool(_HTML_HINT.search(text[:5000]))


def to_raw_document(
    data: bytes | str,
    *,
    url: str | None = None,
    outlet: str | None = None,
    published: str | None = None,
    content_type: str | None = None,
    published_source: str | None = None,
) -> RawDocument:
    """Validate and decode one document. `content_type` "html"/"text" overrides detection;
    `published_source` says where `published` came from (default "given"). `published` must be a
    real day (YYYY-MM-DD, or an ISO date-time: its date is kept)."""
    from .dates import published_day

    published = published_day(published)
    size = len(data)
    if size > MAX_BYTES:
        raise InputError(f"input too large: {size / 1e6:.1f} MB (limit {MAX_BYTES / 1e6:.0f} MB)", "too_large")
    text = decode_bytes(data) if isinstance(data, bytes) else data
    if not text.strip():
        raise InputError("empty input: the document has no text", "empty")
    printable = sum(ch.isprintable() or ch.isspace() for ch in text[:20000])
    if printable < 0.9 * min(len(text), 20000):
        raise InputError("binary input: mostly non-printable characters", "binary")
    kind = content_type or ("html" if looks_like_html(text) else "text")
    return RawDocument(content=text, content_type=kind, url=url, outlet=outlet, published=published,
                       doc_id=content_id(data), published_source=(published_source or "given") if published else None)
