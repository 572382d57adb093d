"""`LedgerSource`: the HTTP API's `Source` over a DuckDB ledger file (`eventledger.Ledger`).

Only the Ledger's public methods are used (events, count_events, event, articles, article,
statements, facets, has, store, ...): the ledger owns its tables. The ledger merges the reports
of several articles into one event, so an event here may have several reports, each with its
own article, and its figures are every claim of every report."""

from __future__ import annotations

import dataclasses
from typing import Any

from ..records import DocResult
from .source import EventFilter, Page, StatementFilter, Stored


def _filters(where: EventFilter) -> dict[str, Any]:
    return {k: v for k, v in dataclasses.asdict(where).items() if v not in (None, "", False)}


class LedgerSource:
    """A `Source` over the ledger at `path`. `read_only=True` (the default) lets other processes
    read the same file at the same time; writes (POST /api/articles) need `read_only=False`."""

    def __init__(self, path: str, read_only: bool = True):
        from ..ledger import Ledger

        self.ledger = Ledger(path, read_only=read_only)
        self.read_only = read_only
        if not read_only and self.ledger.stale():  # a run killed before it merged: bring events up to date
            self.ledger.merge()

    def close(self) -> None:
        self.ledger.close()

    # ---- read ----------------------------------------------------------------------------------
    def facets(self) -> dict[str, Any]:
        return self.ledger.facets()

    def events(self, where: EventFilter, limit: int, offset: int) -> Page:
        filters = _filters(where)
        rows = self.ledger.events(limit=limit, offset=offset, output="records", **filters)
        items = []
        for row in rows:
            item = dict(row)
            item["reports"] = item.get("n_reports")
            items.append(item)
        return Page(total=self.ledger.count_events(**filters), items=items)

    def event(self, event_id: str) -> dict[str, Any] | None:
        return self.ledger.event(event_id)

    def articles(self, q: str | None, limit: int, offset: int) -> Page:
        rows = self.ledger.articles(q, limit=limit, offset=offset, output="records")
        return Page(total=self.ledger.count_articles(q), items=list(rows))

    def article(self, article_id: str) -> dict[str, Any] | None:
        return self.ledger.article(article_id)

    def statements(self, where: StatementFilter, limit: int, offset: int) -> Page:
        filters = {k: v for k, v in dataclasses.asdict(where).items() if v}
        rows = self.ledger.statements(limit=limit, offset=offset, output="records", **filters)
        return Page(total=self.ledger.count_statements(**filters), items=list(rows))

    # ---- write ---------------------------------------------------------------------------------
    def add(self, result: DocResult) -> Stored:
        if self.read_only:
            raise PermissionError("this ledger is open read-only")
        duplicate = self.ledger.has(result.doc_id)
        if not duplicate:
            self.ledger.store([result], merge=True)
        events = self.ledger.events(article_id=result.doc_id, include_background=True, output="records")
        return Stored(article_id=result.doc_id, event_ids=sorted(e["event_id"] for e in events),
                      statements=self.ledger.count_statements(article_id=result.doc_id), duplicate=duplicate)
