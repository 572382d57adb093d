"""The vocabularies and small models the pipeline reads, shipped with the package.

Users extend the CSV vocabularies without editing the installed package: point `EVENTLEDGER_DATA`
at one or more folders (separated like PATH) laid out like this one, and a CSV found there at the
same relative path is read after the shipped one, with the same columns, its rows winning where
they name the same thing. Files that can be extended this way:

    actors/actors.csv          known actors: name, aliases, actor type, ACLED inter code, country
    gazetteer/regions.csv      regions, provinces, disputed areas, with a point
    gazetteer/city_aliases.csv other spellings of GeoNames towns
    gazetteer/demonyms.csv     demonyms of countries

Set the variable before the first document is processed (the tables are read once per process).
"""

from __future__ import annotations

import csv
import os
import tomllib
from functools import lru_cache
from importlib import resources
from pathlib import Path

EXTRA_ENV = "EVENTLEDGER_DATA"


def shipped_text(relpath: str) -> str:
    return resources.files(__name__).joinpath(relpath).read_text("utf-8")


@lru_cache(maxsize=None)
def shipped_toml(relpath: str) -> dict:
    """A shipped TOML file, parsed once per process (several stages read sections of one file)."""
    return tomllib.loads(shipped_text(relpath))


def user_files(relpath: str) -> list[Path]:
    """The user's copies of a data file, in the order of $EVENTLEDGER_DATA."""
    folders = [f for f in os.environ.get(EXTRA_ENV, "").split(os.pathsep) if f.strip()]
    return [Path(f) / relpath for f in folders if (Path(f) / relpath).is_file()]


def csv_rows(text: str) -> list[dict[str, str]]:
    """Rows of a CSV text whose comment lines start with '#'."""
    return list(csv.DictReader(line for line in text.splitlines() if line and not line.startswith("#")))


def shipped_rows(relpath: str) -> list[dict[str, str]]:
    return csv_rows(shipped_text(relpath))


def user_rows(relpath: str) -> list[dict[str, str]]:
    """The rows users added for a shipped CSV; a file missing a shipped column is refused."""
    shipped = shipped_rows(relpath)
    shipped_columns = set(shipped[0]) if shipped else set()
    rows: list[dict[str, str]] = []
    for path in user_files(relpath):
        found = csv_rows(path.read_text("utf-8"))
        missing = shipped_columns - set(found[0]) if found else set()
        if missing:
            raise ValueError(f"{path}: missing column(s) {', '.join(sorted(missing))} (see the shipped {relpath})")
        rows.extend({k: v or "" for k, v in row.items()} for row in found)
    return rows
