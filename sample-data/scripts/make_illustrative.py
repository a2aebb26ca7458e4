"""Writes the built-in pack's two ILLUSTRATIVE datasets (invented for practice, not facts).

- pack/fichiers/ushahidi_exercice.csv: 60 incident reports laid out exactly as the CSV
  export of the Ushahidi platform (v3 and later): row 1 the field labels, row 2 the HXL
  hashtags, then one row per post; built-in columns `Post ID`, `Post Status`,
  `Created (UTC)`, `Updated (UTC)`, `Post Date (UTC)`, `Contact ID`, `Contact`, `Sets`, then
  the survey's fields by label; the location field becomes `Lieu.lat` and `Lieu.lon`; dates
  `Y-m-d H:i:s`. The reports, their places and their contacts are invented: places are real
  towns (pack/data/villes_geonames.csv) moved by a few kilometres; phone numbers use the
  unallocated prefix `+235 00`, so none is anyone's.
- pack/data/releves_points_eau.csv: 40 water-point records as a class might type them from
  paper forms into a spreadsheet, with the mistakes such copies carry (duplicates, a
  negative waiting time, an extra zero, a year typed 2062, a missing province, spellings of
  one province), for the lesson that reviews collected records.

Deterministic (fixed seed): running it again gives the same files.

    python3 sample-data/scripts/make_illustrative.py
"""

import datetime
import csv
import os
import random

from _packages import PACK_DATA

HERE = os.path.dirname(os.path.abspath(__file__))
FILES = os.path.join(HERE, "..", "pack", "fichiers")

CATEGORIES = {
    "Eau et assainissement": [
        ("Forage en panne", "Le forage du quartier ne donne plus d'eau depuis deux semaines ; les femmes marchent jusqu'au fleuve."),
        ("Borne-fontaine fermée", "La borne-fontaine est fermée le matin, la file d'attente dépasse deux heures."),
        ("Latrines débordées", "Les latrines de l'école débordent après la pluie ; les élèves rentrent chez eux."),
    ],
    "Santé": [
        ("Centre de santé sans infirmier", "Le centre de santé est ouvert mais aucun infirmier n'est présent depuis lundi."),
        ("Rupture de médicaments", "Plus de médicaments contre le paludisme au dispensaire ; les familles vont au marché."),
        ("Cas de choléra signalés", "Plusieurs cas de diarrhée aiguë dans le même quartier, la population s'inquiète."),
    ],
    "Éducation": [
        ("École sans enseignant", "Deux classes de l'école n'ont pas d'enseignant depuis la rentrée."),
        ("Salle de classe effondrée", "Le toit d'une salle de classe s'est effondré pendant l'orage ; pas de blessé."),
        ("Filles retirées de l'école", "Plusieurs filles de CM2 ont quitté l'école pour aider aux travaux des champs."),
    ],
    "Inondation": [
        ("Quartier inondé", "L'eau est montée dans le quartier, une vingtaine de maisons sont touchées."),
        ("Route coupée par les eaux", "La route vers le marché est coupée, les camions ne passent plus."),
        ("Champs détruits", "Les champs au bord du fleuve sont sous l'eau, la récolte est perdue."),
    ],
    "Sécurité": [
        ("Vol de bétail", "Un troupeau a été volé la nuit dernière près du village."),
        ("Conflit autour d'un puits", "Dispute entre éleveurs et agriculteurs autour du puits, la gendarmerie est venue."),
    ],
    "Routes et transport": [
        ("Pont endommagé", "Le petit pont sur le ouadi est fissuré, les motos passent encore."),
        ("Piste impraticable", "La piste vers le chef-lieu est impraticable après les pluies."),
    ],
}

# Reports per province: more where people have phones and networks (the capital), which
# the lesson turns into a question about rates and reporting bias.
WEIGHTS = {
    "TD-ND": 14, "TD-LO": 6, "TD-MC": 5, "TD-OD": 5, "TD-ME": 4, "TD-LR": 4, "TD-MA": 3,
    "TD-TA": 3, "TD-MO": 3, "TD-LC": 3, "TD-CB": 2, "TD-GR": 2, "TD-HL": 2, "TD-SA": 1,
    "TD-KA": 1, "TD-BA": 1, "TD-SI": 1,
}
STATUSES = ["published"] * 7 + ["draft"] * 2 + ["archived"]


def read_csv(path):
    with open(path, encoding="utf-8") as f:
        return list(csv.DictReader(f))


def ushahidi(rng):
    provinces = {r["code_iso"]: r["province"] for r in read_csv(os.path.join(PACK_DATA, "provinces_2009.csv"))}
    towns = read_csv(os.path.join(PACK_DATA, "villes_geonames.csv"))
    bag = [code for code, n in WEIGHTS.items() for _ in range(n)]
    rng.shuffle(bag)
    header = ["Post ID", "Post Status", "Created (UTC)", "Updated (UTC)", "Post Date (UTC)",
              "Contact ID", "Contact", "Sets", "Titre", "Description", "Catégorie", "Province",
              "Lieu.lat", "Lieu.lon"]
    hxl = ["#meta +id", "#status", "#date +created", "", "#date +reported", "", "#contact +phone",
           "", "#description +title", "#description", "#sector", "#adm1 +name", "#geo +lat", "#geo +lon"]
    rows = []
    for i, code in enumerate(bag[:60]):
        category = rng.choice(sorted(CATEGORIES))
        # The rainy season: floods from July to September.
        if category == "Inondation":
            month = rng.choice([7, 8, 8, 9, 9])
        else:
            month = rng.choice([6, 7, 8, 9, 10])
        day = rng.randint(1, 28)
        hour, minute, second = rng.randint(6, 21), rng.randint(0, 59), rng.randint(0, 59)
        post_date = f"2025-{month:02d}-{day:02d} {hour:02d}:{minute:02d}:{second:02d}"
        created = f"2025-{month:02d}-{day:02d} {min(hour + 1, 23):02d}:{minute:02d}:{second:02d}"
        status = rng.choice(STATUSES)
        if status == "draft":
            updated = created
        else:
            # Edited by a moderator a few minutes to two days after it was created.
            edited = datetime.datetime.strptime(created, "%Y-%m-%d %H:%M:%S") + datetime.timedelta(
                days=rng.randint(0, 2), minutes=7)
            updated = edited.strftime("%Y-%m-%d %H:%M:00")
        title, text = rng.choice(CATEGORIES[category])
        contact_id = 100 + rng.randint(1, 80)
        contact = f"+235 00 00 {contact_id // 100:02d} {contact_id % 100:02d}"
        sets = "Vérifiés" if status == "published" and rng.random() < 0.6 else ""
        local = [t for t in towns if t["code_iso"] == code]
        if local and rng.random() < 0.8:
            town = rng.choice(local)
            lat = f"{float(town['latitude']) + rng.uniform(-0.05, 0.05):.5f}"
            lon = f"{float(town['longitude']) + rng.uniform(-0.05, 0.05):.5f}"
        else:
            lat = lon = ""
        rows.append([str(1201 + i), status, created, updated, post_date, str(contact_id), contact, sets,
                     title, text, category, provinces[code], lat, lon])
    os.makedirs(FILES, exist_ok=True)
    out = os.path.join(FILES, "ushahidi_exercice.csv")
    with open(out, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerow(hxl)
        w.writerows(rows)
    print(f"{out}: {len(rows)} reports")


def water_points(rng):
    places = [
        ("TD-ND", "N'Djaména", ["Walia", "Chagoua", "Dembé", "Farcha", "Goudji"]),
        ("TD-LC", "Lac", ["Bol", "Baga Sola", "Liwa"]),
        ("TD-OD", "Ouaddaï", ["Abéché", "Adré", "Abougoudam"]),
        ("TD-MC", "Moyen-Chari", ["Sarh", "Kyabé", "Danamadji"]),
        ("TD-GR", "Guéra", ["Mongo", "Bitkine", "Melfi"]),
        ("TD-KA", "Kanem", ["Mao", "Nokou"]),
    ]
    kinds = ["forage", "forage", "puits", "borne-fontaine", "mare"]
    people = ["AM", "BD", "CK", "FN", "HY", "MO", "RT", "ZA"]
    rows = []
    for i in range(36):
        code, province, villages = places[i % len(places)]
        kind = rng.choice(kinds)
        working = "non" if rng.random() < 0.25 else "oui"
        wait = rng.choice([5, 10, 15, 20, 30, 45, 60, 90, 120]) if working == "oui" else 0
        served = rng.choice([150, 200, 250, 300, 400, 500, 600, 800, 1200])
        day = f"2025-{rng.randint(3, 4):02d}-{rng.randint(1, 28):02d}"
        rows.append([f"R{i + 1:03d}", rng.choice(people), day, province, rng.choice(villages), kind, working, wait, served])
    # The mistakes of copying paper forms into a spreadsheet.
    rows[3][8] = 45000                       # an extra zero, or two: 4,500 people typed 45000
    rows[7][7] = -10                         # a minus sign typed by mistake
    rows[11][2] = "2052-03-15"               # 2025 typed 2052
    rows[14][3] = ""                         # the province left blank
    rows[18][6] = ""                         # "working?" left blank
    rows[20][3] = "Ndjamena"                 # other spellings of the same province
    rows[26][3] = "N'Djamena"
    rows[22][7] = 600                        # ten hours of waiting: possible? to check
    rows.append(["R037"] + rows[5][1:])      # the same water point entered twice
    rows.append(["R038"] + rows[9][1:])
    rows.append(["R039", "ZA", "2025-04-02", "Lac", "Bol", "forage", "oui", 20, 0])   # zero people served
    rows.append(["R040", "HY", "2025-04-03", "Guéra", "Mongo", "puits", "non", 30, 250])  # not working, yet a queue
    out = os.path.join(PACK_DATA, "releves_points_eau.csv")
    with open(out, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["releve", "enqueteur", "date_releve", "province", "localite", "type_point",
                    "fonctionnel", "attente_minutes", "personnes_servies"])
        w.writerows(rows)
    print(f"{out}: {len(rows)} records")


def main():
    ushahidi(random.Random(2000))
    water_points(random.Random(2010))


if __name__ == "__main__":
    main()
