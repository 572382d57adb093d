"""Figures across reports: every claim kept, plus low / best / high per kind (UCDP style).

A *claim* is one figure of one report: (kind, group, count, low, high, claimant, hedged,
background). Its `group` says who it counts: civilians, security_forces, militants, attackers,
protesters, or total (people of no stated side; claims stored without a group count as total).
For each kind, over the claims of a ledger event:

- claims marked `background` (a figure about something else: "the war has killed 100,000") are
  listed but not aggregated;
- each report speaks once per claimant and group: when one report gives several numbers of the
  same kind, group and claimant, its claim is the largest;
- a *part* (a number that breaks down a toll the report states beside it: "23 killed, including
  13 staff and 10 patients") counts within that toll: one report's parts of one group add up
  ("15 children and 10 women": 25 civilians) and stand as that group's claim beside its others;
  a part of no stated side tells nothing its total does not, and is listed but not aggregated;
- a claim's value is its `count` (or, for a range without a point value, its `low`, else `high`);
  its lower/upper ends are `low`/`high` when it gives a range, else the count;
- **per group**: the same (claimant, value) repeated by several outlets (syndicated copy) counts
  once; low = smallest lower end, high = largest upper end, best = the median of the distinct
  values of the claims that are not hedged ("reportedly", "said to"), or of all claims when
  every one is hedged (with an even number of values, the lower of the two middle ones: UCDP's
  best estimate leans conservative); `conflicting` = the group's claims differ. Claims about
  one group are rival claims: they give a range, never a sum;
- **the kind**: the groups other than total are disjoint parts of one toll ("11 civilians" and
  "six suspected militants" killed by one strike), so their low, best and high add up; a stated
  total stands beside that sum, and the larger of the two is the estimate (a total covers its
  parts; parts that add up to more than a total say the total left some out). `conflicting`:
  some group's claims differ (a total and a part are never rival claims);
- `parts`: each group's low/best/high, claims, and whether they conflict.

`civilians_best` and `children_best` apply the same rules to the claims' civilian and child counts.
"""

from __future__ import annotations

from typing import Any, Iterable

TOTAL = "total"


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


def group_of(claim: dict[str, Any]) -> str:
    return claim.get("group") or TOTAL


def report_claims(claims: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One claim per (report, kind, group, claimant): the largest value. Background claims are
    dropped. A report's parts of a group (whoever gives them) add up within their sentence (one
    breakdown: "15 children and 10 women"), the largest such sum is the group's claim, and only
    when the report states no count of that group itself; parts of no stated side are dropped."""
    best: dict[tuple, dict[str, Any]] = {}
    by_sentence: dict[tuple, dict[str, Any]] = {}
    for claim in claims:
        if claim.get("background") or _value(claim) is None:
            continue
        group = (claim.get("doc_id"), claim.get("local_id"), claim.get("kind"), group_of(claim))
        if claim.get("part"):
            if group[3] != TOTAL:
                key = (*group, _sentence_of(claim))
                by_sentence[key] = _plus(by_sentence[key], claim) if key in by_sentence else dict(claim)
            continue
        key = (*group, _norm(claim.get("claimant")))
        current = best.get(key)
        if current is None or _value(claim) > _value(current):
            best[key] = claim
    stated = {key[:4] for key in best}
    parts: dict[tuple, dict[str, Any]] = {}
    for key, claim in by_sentence.items():
        group = key[:4]
        if group not in stated and (group not in parts or _value(claim) > _value(parts[group])):
            parts[group] = claim
    return list(best.values()) + list(parts.values())


def _sentence_of(claim: dict[str, Any]) -> str:
    """The sentence a claim was read in: its text (stored rows), or its evidence's text."""
    sentence = claim.get("sentence")
    return str(sentence.get("text") or "") if isinstance(sentence, dict) else str(sentence or "")


def _plus(a: dict[str, Any], b: dict[str, Any]) -> dict[str, Any]:
    """Two parts of one group in one report, as one claim: their counts (and ends) added."""
    out = dict(a)
    for field in ("count", "low", "high", "civilians", "children"):
        x, y = a.get(field), b.get(field)
        if field in ("low", "high") and (x is None or y is None):
            x = x if x is not None else _value(a)
            y = y if y is not None else _value(b)
            out[field] = x + y if a.get(field) is not None or b.get(field) is not None else None
        else:
            out[field] = x + y if x is not None and y is not None else (x if y is None else y)
    out["hedged"] = bool(a.get("hedged")) and bool(b.get("hedged"))
    return out


def _median_of(claims: list[dict[str, Any]], field: str) -> int | None:
    return lower_median([v for _, v in {(_norm(c.get("claimant")), int(c[field])) for c in claims if c.get(field) is not None}])


def _group_estimate(group: list[dict[str, Any]]) -> dict[str, Any]:
    values = [_value(c) for c in group]
    lows = [int(c["low"]) if c.get("low") is not None else v for c, v in zip(group, values)]
    highs = [int(c["high"]) if c.get("high") is not None else v for c, v in zip(group, values)]
    firm = [c for c in group if not c.get("hedged")] or group
    return {
        "low": min(lows),
        "best": lower_median([v for _, v in {(_norm(c.get("claimant")), _value(c)) for c in firm}]),
        "high": max(highs),
        "n_claims": len(group),
        "n_distinct": len(set(values)),
        "conflicting": len(set(values)) > 1,
        "civilians_best": _median_of(firm, "civilians"),
        "children_best": _median_of(firm, "children"),
        "claimants": sorted({c.get("claimant") for c in group if c.get("claimant")}),
    }


def _add(values: list[int | None]) -> int | None:
    known = [v for v in values if v is not None]
    return sum(known) if known else None


def combine(parts: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """One kind's estimate from its groups' (see the module docstring)."""
    total = parts.get(TOTAL)
    pieces = [estimate for group, estimate in parts.items() if group != TOTAL]
    if not pieces:
        out = {k: total[k] for k in ("low", "best", "high", "conflicting", "civilians_best", "children_best")}
        return out
    summed = {"low": _add([p["low"] for p in pieces]), "best": _add([p["best"] for p in pieces]),
              "high": _add([p["high"] for p in pieces]),
              "civilians_best": _add([p["civilians_best"] for p in pieces]),
              "children_best": _add([p["children_best"] for p in pieces])}
    conflicting = any(p["conflicting"] for p in pieces)
    if total is None:
        return {**summed, "conflicting": conflicting}
    bigger = lambda a, b: b if a is None else a if b is None else max(a, b)  # noqa: E731
    return {
        "low": bigger(total["low"], summed["low"]),
        "best": bigger(total["best"], summed["best"]),
        "high": bigger(total["high"], summed["high"]),
        "conflicting": conflicting or total["conflicting"],
        "civilians_best": bigger(total["civilians_best"], summed["civilians_best"]),
        "children_best": bigger(total["children_best"], summed["children_best"]),
    }


def aggregate(claims: Iterable[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Per kind: {low, best, high, n_claims, n_distinct, conflicting, civilians_best, children_best,
    parts: {group: {low, best, high, n_claims, n_distinct, conflicting, civilians_best,
    children_best, claimants}}}."""
    by_kind: dict[str, dict[str, list[dict[str, Any]]]] = {}
    for claim in report_claims(list(claims)):
        by_kind.setdefault(claim["kind"], {}).setdefault(group_of(claim), []).append(claim)
    out: dict[str, dict[str, Any]] = {}
    for kind in sorted(by_kind):
        groups = by_kind[kind]
        parts = {group: _group_estimate(groups[group]) for group in sorted(groups)}
        out[kind] = {
            "kind": kind,
            **combine(parts),
            "n_claims": sum(p["n_claims"] for p in parts.values()),
            "n_distinct": sum(p["n_distinct"] for p in parts.values()),
            "parts": parts,
        }
    return out
