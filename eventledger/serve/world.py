"""Builds `static/world-110m.json`, the world outline the page draws, from world-atlas's TopoJSON.

Source: the npm package `world-atlas` 2.0.2 (`countries-110m.json`, ISC licence, Mike Bostock),
itself Natural Earth 4.1.0 Admin 0 countries at 1:110m (public domain). See `static/NOTICE`.

The output is ready to draw, so the page needs no TopoJSON or projection library: every country
is one SVG path in the page's equirectangular plane, x = lon + 180, y = 90 - lat (0..360 x 0..180):

    {"source": ..., "license": ..., "countries": [{"id": "242", "name": "Fiji", "d": "M..Z"}]}

Regenerate (only needed to change the data or its precision):

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python -m eventledger.serve.world package/countries-110m.json eventledger/serve/static/world-110m.json
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

SOURCE = ("Natural Earth 4.1.0 Admin 0 countries, 1:110m (public domain), via world-atlas 2.0.2 "
          "countries-110m.json (ISC licence, Copyright 2013-2019 Michael Bostock)")
LICENSE = "Natural Earth: public domain; world-atlas packaging: ISC (see NOTICE)"


def _decode_arcs(topology: dict[str, Any]) -> list[list[tuple[float, float]]]:
    transform = topology.get("transform")
    arcs = []
    for arc in topology["arcs"]:
        if transform:
            (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
            x = y = 0
            points = []
            for dx, dy in arc:  # quantized, delta-encoded
                x += dx
                y += dy
                points.append((x * sx + tx, y * sy + ty))
        else:
            points = [(float(p[0]), float(p[1])) for p in arc]
        arcs.append(points)
    return arcs


def _ring(arcs: list[list[tuple[float, float]]], indexes: list[int]) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc[1:] if points else arc)  # consecutive arcs share their end point
    return points


def _unwrap(ring: list[tuple[float, float]]) -> list[list[tuple[float, float]]]:
    """A ring that crosses the antimeridian (Fiji, Chukotka) is made continuous (longitudes past
    180) and drawn twice, once shifted by 360 degrees, so the map shows both halves. Antarctica's
    seam along the edge of the map (near the pole) is left as it is: there it closes the fill."""
    out: list[tuple[float, float]] = []
    shift = 0.0
    for lon, lat in ring:
        if out:
            previous_lon, previous_lat = out[-1][0] - shift, out[-1][1]
            if abs(lon - previous_lon) > 180 and not (abs(lat) > 80 and abs(previous_lat) > 80):
                shift += 360 if lon < previous_lon else -360
        out.append((lon + shift, lat))
    lons = [lon for lon, _ in out]
    if max(lons) > 180:
        return [out, [(lon - 360, lat) for lon, lat in out]]
    if min(lons) < -180:
        return [out, [(lon + 360, lat) for lon, lat in out]]
    return [out]


def _path(rings: list[list[tuple[float, float]]], digits: int = 2) -> str:
    parts = []
    for ring in (piece for whole in rings for piece in _unwrap(whole)):
        coords = []
        last = None
        for lon, lat in ring:
            point = (round(lon + 180, digits), round(90 - lat, digits))
            if point != last:
                coords.append(f"{point[0]:g} {point[1]:g}")
                last = point
        if len(coords) >= 3:
            parts.append("M" + "L".join(coords) + "Z")
    return "".join(parts)


def convert(topology: dict[str, Any], digits: int = 2) -> dict[str, Any]:
    arcs = _decode_arcs(topology)
    countries = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        if geometry.get("type") == "Polygon":
            polygons = [geometry["arcs"]]
        elif geometry.get("type") == "MultiPolygon":
            polygons = geometry["arcs"]
        else:
            continue
        rings = [_ring(arcs, ring) for polygon in polygons for ring in polygon]
        d = _path(rings, digits)
        if d:
            countries.append({"id": geometry.get("id"), "name": (geometry.get("properties") or {}).get("name"), "d": d})
    return {"source": SOURCE, "license": LICENSE, "projection": "equirectangular: x = lon + 180, y = 90 - lat",
            "countries": countries}


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2:
        print("usage: python -m eventledger.serve.world countries-110m.json world-110m.json", file=sys.stderr)
        return 2
    world = convert(json.loads(Path(args[0]).read_text()))
    Path(args[1]).write_text(json.dumps(world, ensure_ascii=False, separators=(",", ":")) + "\n")
    print(f"{len(world['countries'])} countries -> {args[1]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
