"""Figures across reports: every claim kept, plus low / best / high per kind (UCDP style).

A *claim* is one figure of one report: (kind, count, low, high, claimant, hedged, background).
For each kind, over the claims of a ledger event:

- claims marked `background` (a figure about something else: "the war has killed 100,000") are
  listed but not aggregated;
- each report speaks once per claimant: when one report gives several numbers of the same kind
  from the same claimant (e.g. "11 civilians" and "six militants" killed), its claim is the largest;
- a claim's value is its `count` (or, for a range without a point value, its `low`, else `high`);
  its lower/upper ends are `low`/`high` when it gives a range, else the count;
- the same (claimant, value) repeated by several outlets (syndicated copy) counts once;
- **low** = smallest lower end, **high** = largest upper end;
- **best** = the median of the distinct values of the claims that are not hedged ("reportedly",
  "said to"), or of all claims when every one is hedged; with an even number of values, the
  lower of the two middle ones (UCDP's best estimate leans conservative);
- `conflicting` = the distinct values differ.

`civilians_best` and `children_best` apply the same median to the claims' civilian and child counts.
"""

from __future__ import annotations

from typing import Any, Iterable


def _value(claim: dict[str, Any]) -> int | None:
    for key in ("count", "low", "high"):
        if claim.get(key) is not None:
            return int(claim[key])
    return None


def lower_median(values: list[int]) -> int | None:
    if not values:
        return None
    ordered = sorted(values)
    return ordered[(len(ordered) - 1) // 2]


def _norm(name: Any) -> str:
    return " ".join(str(name).casefold().split()) if name else ""


def report_claims(claims: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One claim per (report, kind, claimant): the largest value. Background claims are dropped."""
    best: dict[tuple, dict[str, Any]] = {}
    for claim in claims:
        if claim.get("background") or _value(claim) is None:
            continue
        key = (claim.get("doc_id"), claim.get("local_id"), claim.get("kind"), _norm(claim.get("claimant")))
        current = best.get(key)
        if current is None or _value(claim) > _value(current):
            best[key] = claim
    return list(best.values())


def aggregate(claims: Iterable[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Per kind: {low, best, high, n_claims, n_distinct, conflicting, civilians_best, children_best}."""
    by_kind: dict[str, list[dict[str, Any]]] = {}
    for claim in report_claims(list(claims)):
        by_kind.setdefault(claim["kind"], []).append(claim)
    out: dict[str, dict[str, Any]] = {}
    for kind in sorted(by_kind):
        group = by_kind[kind]
        values = [_value(c) for c in group]
        lows = [int(c["low"]) if c.get("low") is not None else v for c, v in zip(group, values)]
        highs = [int(c["high"]) if c.get("high") is not None else v for c, v in zip(group, values)]
        firm = [c for c in group if not c.get("hedged")] or group
        distinct = {(_norm(c.get("claimant")), _value(c)) for c in firm}
        civilians = {(_norm(c.get("claimant")), int(c["civilians"])) for c in firm if c.get("civilians") is not None}
        children = {(_norm(c.get("claimant")), int(c["children"])) for c in firm if c.get("children") is not None}
        out[kind] = {
            "kind": kind,
            "low": min(lows),
            "best": lower_median([v for _, v in distinct]),
            "high": max(highs),
            "n_claims": len(group),
            "n_distinct": len(set(values)),
            "conflicting": len(set(values)) > 1,
            "civilians_best": lower_median([v for _, v in civilians]),
            "children_best": lower_median([v for _, v in children]),
        }
    return out
