"""Figures grouped by what they count, so that conflicting claims can stand side by side."""

from __future__ import annotations

from typing import Any


def figure_claims(figures: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One entry per figure kind (killed, injured...): every claimant's number, and whether they disagree.

    Background figures (earlier tolls quoted for context) are left out. The same claimant repeating
    the same number in several reports counts once."""
    by_kind: dict[str, list[dict[str, Any]]] = {}
    seen: set[tuple] = set()
    for figure in figures:
        if figure.get("background"):
            continue
        kind = figure.get("kind") or "unknown"
        claimant = figure.get("claimant")
        key = (kind, (claimant or "").casefold(), figure.get("count"), figure.get("low"), figure.get("high"))
        if key in seen:
            continue
        seen.add(key)
        by_kind.setdefault(kind, []).append({
            "claimant": claimant,
            "count": figure.get("count"),
            "low": figure.get("low"),
            "high": figure.get("high"),
            "hedged": bool(figure.get("hedged")),
            "article_id": figure.get("article_id"),
            "evidence": figure.get("evidence"),
        })
    out = []
    for kind, claims in by_kind.items():
        numbers = {(c["count"], c["low"], c["high"]) for c in claims if c["count"] is not None}
        out.append({"kind": kind, "conflict": len(numbers) > 1, "claims": claims})
    return out
