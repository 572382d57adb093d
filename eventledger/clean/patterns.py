"""The cleaner's vocabularies, loaded once from `eventledger/data/clean/`."""

from __future__ import annotations

import csv
import re
import tomllib
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def line_patterns() -> dict[str, re.Pattern[str]]:
    """One compiled full-line regex per removal reason (widget, subscribe, caption, ...)."""
    data = tomllib.loads(resources.files("eventledger.data").joinpath("clean/patterns.toml").read_text("utf-8"))
    return {
        reason: re.compile("(?:" + "|".join(f"(?:{p})" for p in table["lines"]) + r")\Z", re.I)
        for reason, table in data.items()
    }


@lru_cache(maxsize=1)
def outlet_names() -> dict[str, str]:
    """Lower-cased outlet alias -> full outlet name."""
    path = resources.files("eventledger.data").joinpath("clean/outlets.csv")
    with path.open(encoding="utf-8") as handle:
        return {row["alias"].strip().lower(): row["outlet"].strip() for row in csv.DictReader(handle)}


def describe_outlet(name: str) -> str:
    """'Rtvslo' -> 'Rtvslo (RTV Slovenija)'; names already in full are returned as they are."""
    name = name.strip().rstrip(".")
    full = outlet_names().get(name.lower())
    if full and full.lower() != name.lower():
        return f"{name} ({full})"
    return name
