"""How much one corpus file or document may cost: bytes read, bytes decompressed, time.

A corpus is input nobody checked: a FIFO, a link to `/dev/zero`, a gzip bomb, a JSONL line of
300 MB, a page that takes the extractor an hour. Each limit turns such a thing into an `errors`
row with its reason (`too_large`, `timeout`, ...) instead of a hung or dead run.

| limit | default | env var | CLI (`ingest`) |
|---|---|---|---|
| `document_bytes`: one document (a file, a record's text, a WARC payload), decompressed | 20 MB | `EVENTLEDGER_MAX_DOCUMENT_BYTES` | `--max-document-bytes` |
| `record_bytes`: one JSONL line, CSV row, or a file read whole (`.json`, a feed) | 64 MB | `EVENTLEDGER_MAX_RECORD_BYTES` | `--max-record-bytes` |
| `file_bytes`: read from one file, after decompression | 4 GB | `EVENTLEDGER_MAX_FILE_BYTES` | `--max-file-bytes` |
| `max_ratio`: decompressed / compressed size, checked once 64 MB are out | 100 | `EVENTLEDGER_MAX_GZIP_RATIO` | - |
| `seconds`: cleaning and extracting one document (0: no limit) | 120 | `EVENTLEDGER_DOCUMENT_SECONDS` | `--time-limit` |

Byte limits are checked while streaming: a refused file costs at most the limit in memory."""

from __future__ import annotations

import io
import os
from dataclasses import dataclass, fields, replace

from .decode import MAX_BYTES

RATIO_FLOOR = 64 * 2**20  # below this much output, any compression ratio is fine
KEEP_BYTES = 64 * 1024  # how much of a refused oversized original the errors row keeps

_ENV = {
    "document_bytes": "EVENTLEDGER_MAX_DOCUMENT_BYTES",
    "record_bytes": "EVENTLEDGER_MAX_RECORD_BYTES",
    "file_bytes": "EVENTLEDGER_MAX_FILE_BYTES",
    "max_ratio": "EVENTLEDGER_MAX_GZIP_RATIO",
    "seconds": "EVENTLEDGER_DOCUMENT_SECONDS",
}


@dataclass(frozen=True)
class Limits:
    document_bytes: int = MAX_BYTES
    record_bytes: int = 64 * 2**20
    file_bytes: int = 4 * 2**30
    max_ratio: float = 100.0
    seconds: float = 120.0

    @classmethod
    def from_env(cls, **overrides) -> "Limits":
        """The defaults, then the environment variables, then `overrides` (None: not given)."""
        values = {}
        for item in fields(cls):
            text = os.environ.get(_ENV[item.name])
            if text:
                try:
                    values[item.name] = float(text) if item.type in ("float", float) else int(float(text))
                except ValueError:
                    raise ValueError(f"${_ENV[item.name]} must be a number, not {text!r}") from None
        values.update({k: v for k, v in overrides.items() if v is not None})
        limits = replace(cls(), **values)
        for item in fields(cls):
            if getattr(limits, item.name) < 0:
                raise ValueError(f"{item.name} must not be negative")
        return limits


class LimitExceeded(Exception):
    """A stream gave more than its limit allows; `code` is the error code to record."""

    def __init__(self, message: str, code: str = "too_large"):
        super().__init__(message)
        self.code = code


def megabytes(size: float) -> str:
    return f"{size / 1e6:.0f} MB" if size >= 1e6 else f"{size / 1e3:.0f} kB"


class CappedReader(io.RawIOBase):
    """A binary stream that raises `LimitExceeded` once more than `limit` bytes came out of it,
    or, for a decompressed stream (`compressed` the file under it), once the output is over
    `RATIO_FLOOR` and more than `max_ratio` times what was read from the file."""

    def __init__(self, stream, limit: int, what: str, compressed=None, max_ratio: float = 0.0):
        super().__init__()
        self._stream = stream
        self._limit = limit
        self._what = what
        self._compressed = compressed
        self._max_ratio = max_ratio
        self.count = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        data = self._stream.read(len(buffer))
        n = len(data)
        buffer[:n] = data
        self.count += n
        if self.count > self._limit:
            raise LimitExceeded(f"{self._what}: over {megabytes(self._limit)} read; the rest is not read")
        if self._compressed is not None and self._max_ratio and self.count > RATIO_FLOOR:
            packed = self._compressed.tell() or 1
            if self.count > self._max_ratio * packed:
                raise LimitExceeded(f"{self._what}: {megabytes(packed)} unpack to over {megabytes(self.count)} "
                                    f"(more than {self._max_ratio:.0f} times): a decompression bomb; the rest is not read")
        return n

    def close(self) -> None:
        try:
            self._stream.close()
        finally:
            super().close()


__all__ = ["Limits", "LimitExceeded", "CappedReader", "KEEP_BYTES", "megabytes"]
