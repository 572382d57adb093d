"""Errors a user can act on. Each carries a short machine-readable `code` and a one-line message."""

from __future__ import annotations


class EventledgerError(Exception):
    code = "error"

    def __init__(self, message: str, code: str | None = None):
        super().__init__(message)
        if code:
            self.code = code


class InputError(EventledgerError, ValueError):
    """The input cannot be read as a news article (empty, binary, too large, no text...)."""

    code = "bad_input"
