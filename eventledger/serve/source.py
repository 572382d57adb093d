"""What the HTTP API reads from and writes to: a small interface the app depends on.

The app only talks to a `Source`; `queries.LedgerSource` implements it over the DuckDB ledger.
Keeping the seam here lets the API and the page be tested on a real database file while the
ledger's own API stays free to change."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol

from ..records import DocResult


@dataclass(slots=True)
class EventFilter:
    event_type: str | None = None
    sub_event_type: str | None = None
    country: str | None = None  # ISO alpha-2 or country name
    date_from: str | None = None  # YYYY-MM-DD, inclusive
    date_to: str | None = None
    q: str | None = None  # words in location, actors, claimants or evidence
    actor: str | None = None
    claimant: str | None = None
    article_id: str | None = None
    include_background: bool = False
    bbox: tuple[float, float, float, float] | None = None  # west, south, east, north
    min_confidence: float | None = None  # events at least this likely to be right (0-1)


@dataclass(slots=True)
class StatementFilter:
    speaker: str | None = None
    kind: str | None = None
    target: str | None = None
    article_id: str | None = None
    q: str | None = None


@dataclass(slots=True)
class Page:
    total: int
    items: list[dict[str, Any]] = field(default_factory=list)


@dataclass(slots=True)
class Stored:
    """What a write returns: the ids the ledger gave the new article and its events."""

    article_id: str
    event_ids: list[str] = field(default_factory=list)
    statements: int = 0
    duplicate: bool = False


class Source(Protocol):
    def facets(self) -> dict[str, Any]: ...

    def events(self, where: EventFilter, limit: int, offset: int) -> Page: ...

    def event(self, event_id: str) -> dict[str, Any] | None: ...

    def articles(self, q: str | None, limit: int, offset: int) -> Page: ...

    def article(self, article_id: str) -> dict[str, Any] | None: ...

    def statements(self, where: StatementFilter, limit: int, offset: int) -> Page: ...

    def add(self, result: DocResult) -> Stored:
        """Store one processed document (its original in `result.raw`, its `result.extraction`)."""
        ...

    def close(self) -> None: ...
