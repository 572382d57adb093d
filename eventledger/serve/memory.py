"""A `Source` over extractions held in memory: each article's events stand alone (no merging).

It gives the reference behaviour of the filters, and serves a handful of extractions without a
database (`eventledger serve --json FILE.jsonl`)."""

from __future__ import annotations

import threading
from typing import Any, Iterable

from ..records import INFERRED_SOURCES, DocResult, Extraction
from ..store.flatten import date_basis
from .source import EventFilter, Page, StatementFilter, Stored


def event_key(article_id: str, local_id: str) -> str:
    return f"{article_id[:16]}-{local_id}"


def _words(*values: Any) -> str:
    return " ".join(str(v) for v in values if v).casefold()


def _has(needle: str | None, *haystack: Any) -> bool:
    return not needle or needle.casefold() in _words(*haystack)


def _estimates(event: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Low / best / high per figure kind, as the ledger computes them (`merge.figures.aggregate`)."""
    from ..merge.figures import aggregate

    local = event["reports"][0]["article_event_id"] if event.get("reports") else None
    claims = [{**f, "doc_id": f.get("article_id"), "local_id": local} for f in event.get("figures", [])]
    return {kind: {k: v for k, v in est.items() if k != "kind"} for kind, est in aggregate(claims).items()}


def _summary(event: dict[str, Any]) -> dict[str, Any]:
    """What the ledger's event rows carry: no per-claim figures, but the killed low/best/high."""
    out = {k: v for k, v in event.items()
           if k not in ("reports", "evidence", "actors", "trigger", "date_evidence", "figures", "figure_estimates")}
    out["reports"] = len(event["reports"])
    killed = event["figure_estimates"].get("killed") or {}
    out.update(fatalities_low=killed.get("low"), fatalities_best=killed.get("best"), fatalities_high=killed.get("high"),
               conflicting=any(e["conflicting"] for e in event["figure_estimates"].values()))
    return out


class MemorySource:
    def __init__(self, extractions: Iterable[Extraction | dict[str, Any]] = ()):
        self._articles: dict[str, dict[str, Any]] = {}
        self._events: dict[str, dict[str, Any]] = {}
        self._lock = threading.Lock()
        for extraction in extractions:
            self.add(extraction)

    # ---- write ---------------------------------------------------------------------------------
    @classmethod
    def from_jsonl(cls, path: str) -> "MemorySource":
        """Extractions (`Extraction.to_dict()`, what `eventledger extract --format json` prints) from a
        JSONL file, one a line, or from a JSON file holding one record or a list of them. A record
        that is not an extraction raises ValueError naming its line (or position)."""
        import json

        with open(path, encoding="utf-8") as handle:
            text = handle.read()
        try:
            whole = json.loads(text)
        except ValueError:
            whole = None
        if isinstance(whole, dict):
            numbered = [("1", whole)]
        elif isinstance(whole, list):
            numbered = [(f"#{i}", record) for i, record in enumerate(whole, 1)]
        else:
            numbered = [(str(n), line) for n, line in enumerate(text.splitlines(), 1) if line.strip()]
        source = cls()
        for where, record in numbered:
            try:
                if isinstance(record, str):
                    record = json.loads(record)
                if not isinstance(record, dict) or not isinstance(record.get("article"), dict):
                    raise ValueError("not an extraction record (no 'article')")
                if not record.get("doc_id"):
                    from ..ingest.decode import content_id

                    record["doc_id"] = content_id(record["article"].get("text") or json.dumps(record, sort_keys=True))
                source.add(record)
            except (ValueError, KeyError, TypeError) as exc:
                raise ValueError(f"{path}:{where}: {exc}") from None
        return source

    def add(self, extraction: DocResult | Extraction | dict[str, Any]) -> Stored:
        if isinstance(extraction, DocResult):
            if extraction.extraction is None:
                raise ValueError(f"document {extraction.doc_id} failed: {extraction.error_code}")
            data = extraction.extraction.to_dict()
            data["doc_id"] = extraction.doc_id or data.get("doc_id")
            raw = extraction.raw
            if raw is not None:  # metadata given with the document fills what cleaning did not find
                for key in ("url", "outlet", "published"):
                    if getattr(raw, key) and not data["article"].get(key):
                        data["article"][key] = getattr(raw, key)
                        if key == "published":
                            data["article"]["published_source"] = raw.published_source or "given"
        else:
            data = extraction.to_dict() if isinstance(extraction, Extraction) else dict(extraction)
        article_id = data.get("doc_id") or data.get("id")
        if not article_id:
            raise ValueError("an extraction needs a doc_id")
        with self._lock:
            duplicate = article_id in self._articles
            data["id"] = article_id
            self._articles[article_id] = data
            ids = []
            for event in data.get("events", []):
                key = event_key(article_id, event["id"])
                ids.append(key)
                article = data["article"]
                report = {"article_id": article_id, "article_event_id": event["id"], "title": article.get("title"),
                          "outlet": article.get("original_source") or article.get("outlet"), "url": article.get("url"),
                          "published": article.get("published"), "evidence": event.get("evidence", []),
                          "trigger": event.get("trigger"), "location": event.get("location")}
                figures = [{**f, "article_id": article_id} for f in event.get("figures", [])]
                stored = {**event, "id": key, "figures": figures, "reports": [report]}
                basis = date_basis(event)
                source = article.get("published_source") if basis in ("relative", "publication") else None
                stored.update(date_basis=basis, published_source=source,
                              date_inferred=basis == "publication" or (basis == "relative" and source in INFERRED_SOURCES))
                stored["figure_estimates"] = _estimates(stored)
                self._events[key] = stored
        return Stored(article_id=article_id, event_ids=ids, statements=len(data.get("statements", [])), duplicate=duplicate)

    def close(self) -> None:
        pass

    # ---- read ----------------------------------------------------------------------------------
    def facets(self) -> dict[str, Any]:
        with self._lock:
            events = [e for e in self._events.values() if not e.get("background")]
            types: dict[str, dict[str, int]] = {}
            countries: dict[tuple, int] = {}
            for e in events:
                types.setdefault(e["event_type"], {})
                sub = e.get("sub_event_type") or ""
                types[e["event_type"]][sub] = types[e["event_type"]].get(sub, 0) + 1
                loc = e.get("location") or {}
                if loc.get("country_code") or loc.get("country"):
                    key = (loc.get("country_code"), loc.get("country"))
                    countries[key] = countries.get(key, 0) + 1
            dates = sorted(e["date"] for e in events if e.get("date"))
            return {
                "events": len(events), "articles": len(self._articles),
                "event_types": [{"event_type": t, "count": sum(s.values()),
                                 "sub_event_types": [{"name": n, "count": c} for n, c in sorted(s.items())]}
                                for t, s in sorted(types.items())],
                "countries": [{"code": code, "name": name, "count": n}
                              for (code, name), n in sorted(countries.items(), key=lambda kv: -kv[1])],
                "date_min": dates[0] if dates else None, "date_max": dates[-1] if dates else None,
            }

    def _matches(self, e: dict[str, Any], w: EventFilter) -> bool:
        loc = e.get("location") or {}
        if e.get("background") and not w.include_background:
            return False
        if w.event_type and e["event_type"] != w.event_type:
            return False
        if w.sub_event_type and e.get("sub_event_type") != w.sub_event_type:
            return False
        if w.country and w.country.casefold() not in ((loc.get("country_code") or "").casefold(), (loc.get("country") or "").casefold()):
            return False
        if w.date_from and (not e.get("date") or e["date"] < w.date_from):
            return False
        if w.date_to and (not e.get("date") or e["date"][:10] > w.date_to):
            return False
        if w.article_id and all(r["article_id"] != w.article_id for r in e["reports"]):
            return False
        if w.min_confidence is not None and (e.get("confidence") or 0.0) < w.min_confidence:
            return False
        if w.bbox:
            west, south, east, north = w.bbox
            if loc.get("lat") is None or not (south <= loc["lat"] <= north and west <= loc["lon"] <= east):
                return False
        actors = [a.get("name") for a in e.get("actors", [])]
        claimants = list(e.get("claimants", [])) + [f.get("claimant") for f in e.get("figures", [])]
        if not _has(w.actor, *actors) or not _has(w.claimant, *claimants):
            return False
        if w.q:
            text = _words(loc.get("name"), loc.get("country"), *actors, *claimants, e["event_type"], e.get("sub_event_type"),
                          *(ev.get("text") for ev in e.get("evidence", [])))
            return all(word in text for word in w.q.casefold().split())
        return True

    def events(self, where: EventFilter, limit: int, offset: int) -> Page:
        with self._lock:
            hits = [e for e in self._events.values() if self._matches(e, where)]
        # undated events first (nothing says they are old), then newest first, as the ledger orders them
        hits.sort(key=lambda e: e["id"])
        hits.sort(key=lambda e: (e.get("date") is None, e.get("date") or ""), reverse=True)
        return Page(total=len(hits), items=[_summary(e) for e in hits[offset:offset + limit]])

    def event(self, event_id: str) -> dict[str, Any] | None:
        with self._lock:
            found = self._events.get(event_id)
            return dict(found) if found else None

    def articles(self, q: str | None, limit: int, offset: int) -> Page:
        with self._lock:
            rows = [a for a in self._articles.values() if _has(q, a["article"].get("title"), a["article"].get("text"))]
        rows.sort(key=lambda a: (a["article"].get("published") or "", a["id"]), reverse=True)
        items = [{"id": a["id"], "title": a["article"].get("title"), "outlet": a["article"].get("original_source") or a["article"].get("outlet"),
                  "url": a["article"].get("url"), "published": a["article"].get("published"),
                  "published_source": a["article"].get("published_source"),
                  "events": len(a.get("events", [])), "statements": len(a.get("statements", []))}
                 for a in rows[offset:offset + limit]]
        return Page(total=len(rows), items=items)

    def article(self, article_id: str) -> dict[str, Any] | None:
        with self._lock:
            return self._articles.get(article_id)

    def statements(self, where: StatementFilter, limit: int, offset: int) -> Page:
        with self._lock:
            rows = [{**s, "article_id": a["id"]} for a in self._articles.values() for s in a.get("statements", [])
                    if (not where.article_id or a["id"] == where.article_id)]
        rows = [s for s in rows if _has(where.speaker, s.get("speaker")) and (not where.kind or s.get("kind") == where.kind)
                and _has(where.target, s.get("target")) and _has(where.q, s.get("text"), s.get("speaker"), s.get("target"))]
        return Page(total=len(rows), items=rows[offset:offset + limit])
