"""Figures grouped by what they count, so that conflicting claims can stand side by side."""

from __future__ import annotations

from typing import Any


# the human toll first, then what happened to people, then the rest by name
_ORDER = {kind: i for i, kind in enumerate(("killed", "injured", "missing", "kidnapped", "arrested", "displaced",
                                             "evacuated", "crowd"))}


_GROUP_ORDER = {group: i for i, group in enumerate(("total", "civilians", "security_forces", "militants", "attackers",
                                                    "protesters"))}


def figure_claims(figures: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One entry per figure kind (killed, injured...): every claimant's number (`claims`), and the
    same claims by victim group (`parts`: civilians, security_forces, militants, attackers,
    protesters, total), each group with whether its claimants disagree. Groups are parts of one
    toll that add up; only claims about the same group conflict (`conflict`). A claim marked `part`
    breaks down a toll its report states beside it ("including one soldier"): it adds to the other
    parts of its group, and never conflicts with them.

    Background figures (earlier tolls quoted for context) are left out. The same claimant repeating
    the same number in several reports (syndicated copy, a follow-up) counts once: the first report
    that gives it, in the order the figures come (the ledger: by report)."""
    by_kind: dict[str, list[dict[str, Any]]] = {}
    seen: set[tuple] = set()
    for figure in figures:
        if figure.get("background"):
            continue
        kind = figure.get("kind") or "unknown"
        group = figure.get("group") or "total"
        claimant = figure.get("claimant")
        count = figure.get("count")
        low = figure.get("low") if figure.get("low") is not None else count
        high = figure.get("high") if figure.get("high") is not None else count
        key = (kind, group, " ".join((claimant or "").casefold().split()), count, low, high,
               # (two parts of one breakdown may give the same count: "two soldiers and two policemen")
               (figure.get("article_id"), (figure.get("evidence") or {}).get("start")) if figure.get("part") else None)
        if key in seen:
            continue
        seen.add(key)
        by_kind.setdefault(kind, []).append({
            "group": group,
            "claimant": claimant,
            "count": figure.get("count"),
            "low": figure.get("low"),
            "high": figure.get("high"),
            "hedged": bool(figure.get("hedged")),
            "part": bool(figure.get("part")),
            "confidence": figure.get("confidence"),
            "article_id": figure.get("article_id"),
            "outlet": figure.get("outlet"),
            "evidence": figure.get("evidence"),
        })
    out = []
    for kind, claims in sorted(by_kind.items(), key=lambda kv: (_ORDER.get(kv[0], len(_ORDER)), kv[0])):
        parts: dict[str, list[dict[str, Any]]] = {}
        for claim in claims:
            parts.setdefault(claim["group"], []).append(claim)
        groups = []
        for group, members in sorted(parts.items(), key=lambda kv: (_GROUP_ORDER.get(kv[0], 99), kv[0])):
            numbers = {(c["count"], c["low"], c["high"]) for c in members if c["count"] is not None and not c["part"]}
            groups.append({"group": group, "conflict": len(numbers) > 1, "claims": members})
        out.append({"kind": kind, "conflict": any(g["conflict"] for g in groups), "claims": claims, "parts": groups})
    return out
