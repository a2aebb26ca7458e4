# The `datajam` command line: help, messages, warnings and summary lines.
# What a facilitator's script reads on stdout stays word for word as it was.

## Help: the program, its options and placeholders.

cli-about = DataJam Atelier : importer des données, vérifier des paquets de leçons, suivre la progression.
cli-arg-data-dir = Dossier de données (sinon DATAJAM_DATA_DIR, sinon le dossier de l'utilisateur)
cli-arg-lang = Langue des messages : fr (par défaut) ou en (sinon DATAJAM_LANG)
cli-arg-json-keys = Sortie JSON : { $keys }
cli-value-folder = DOSSIER
cli-value-lang = LANGUE
cli-value-name = NOM
cli-value-file = FICHIER
cli-value-json = FICHIER.json
cli-value-jsonl = FICHIER.jsonl
cli-value-xlsx = FICHIER.xlsx
cli-value-csv-xlsx = FICHIER.csv|FICHIER.xlsx
cli-value-svg-png = FICHIER.svg|FICHIER.png
cli-value-pack = DOSSIER|FICHIER.datajam
cli-value-pack-file = FICHIER.datajam
cli-value-class-csv = CLASSE.csv
cli-value-reflections-csv = REFLEXIONS.csv
cli-value-column = COLONNE
cli-value-column-type = COLONNE=TYPE
cli-value-value = VALEUR
cli-value-value-column = VALEUR|COLONNE
cli-value-indicator = INDICATEUR
cli-value-agg = CALCUL
cli-value-title = TITRE
cli-value-text = TEXTE
cli-value-category = CATÉGORIE

## Help: the commands.

cli-cmd-import = Importer un fichier (CSV, TSV, TXT, XLSX, XLSM, XLSB, XLS, ODS) dans un tableau de l'espace de travail
cli-cmd-preview = Aperçu d'un fichier avant import : détection, types, premières lignes
cli-cmd-tables = Lister les tableaux de l'espace de travail
cli-cmd-export = Exporter un tableau en CSV (UTF-8 avec BOM) ou XLSX
cli-cmd-pack = Paquets de leçons
cli-cmd-pack-check = Vérifier un dossier de paquet : leçons, exercices, réponses de référence, jeux de données
cli-cmd-pack-build = Construire le fichier .datajam d'un dossier de paquet (à copier sur clé USB)
cli-cmd-pack-install = Installer un fichier .datajam (vérifié entièrement avant)
cli-cmd-pack-list = Lister les paquets : intégré et installés
cli-cmd-pack-guide = Afficher le guide de l'animateur d'un paquet (Markdown)
cli-cmd-pack-datasets = Lister les jeux de données d'un paquet, avec leurs sources et licences
cli-cmd-profile = Profils des stagiaires sur cet ordinateur
cli-cmd-profile-list = Lister les profils
cli-cmd-profile-create = Créer un profil
cli-cmd-progress = Progression : exporter pour la clé USB, fusionner ceux de la classe
cli-cmd-progress-export = Exporter la progression d'un stagiaire dans un fichier (JSON)
cli-cmd-progress-merge = Fusionner des fichiers de progression en un tableau de classe (CSV UTF-8 avec BOM)
cli-cmd-play = Jouer un paquet pour un stagiaire depuis un fichier de réponses (JSON lines) ou avec les réponses de référence ; une ligne JSON par événement enregistré
cli-cmd-query = Appliquer un traitement (fichier JSON : filtrer, calculer, regrouper, trier, limiter, pivoter, joindre) à un tableau
cli-cmd-sql = Console SQL en lecture seule sur les tableaux de l'espace de travail
cli-cmd-indicator = Calculer un indicateur d'inégalité : gini, lorenz, palma, s80s20, cv, max-min, share, rate, per-capita, parity, gpi, gap
cli-cmd-provinces = Provinces du Tchad : liste, codes ISO 3166-2 d'une colonne
cli-cmd-provinces-normalise = Ajouter la colonne iso_3166_2 (code de la province, quelle que soit l'orthographe) et lister les valeurs non reconnues
cli-cmd-provinces-list = Lister les 23 provinces, leur code ISO 3166-2 et leurs autres orthographes
cli-cmd-chart = Dessiner un graphique d'un tableau (SVG ou PNG) : barres, courbes, nuage de points, histogramme, Lorenz, carte des provinces
cli-cmd-chart-advice = Conseiller des graphiques pour une question sur un tableau
cli-cmd-xlsform = Lire un formulaire XLSForm (KoboToolbox, ODK) et l'afficher comme formulaire de collecte (TOML à coller dans une leçon, ou JSON)

## Help: the options of the commands.

cli-arg-sheet = Feuille à lire (par défaut la première)
cli-arg-header-row = Ligne des en-têtes (1 = première ligne ; détectée sinon)
cli-arg-type = Imposer le type d'une colonne : integer, number, boolean, date, datetime ou text (répétable)
cli-arg-missing = Valeur qui signifie « manquant » (répétable ; remplace NA, N/A, n/d, -, .., …)
cli-arg-import-table = Nom du tableau à créer (par défaut d'après le nom du fichier)
cli-arg-replace = Remplacer le tableau s'il existe déjà
cli-arg-french = CSV pour Excel en français : point-virgule, virgule décimale, dates JJ/MM/AAAA
cli-arg-previous = Version précédente du paquet : signaler les étapes qui disparaissent (progression orpheline)
cli-arg-pack = builtin, l'identifiant d'un paquet chargé, un dossier de paquet ou un fichier .datajam
cli-arg-datasets-json = Sortie JSON : les jeux de données comme l'application les montre
cli-arg-reflections = Écrire aussi les réflexions des stagiaires (une ligne par stagiaire et par étape)
cli-arg-merge-json = Afficher la vue de classe en JSON
cli-arg-play-pack = builtin, l'identifiant d'un paquet chargé (intégré ou installé), un dossier de paquet ou un fichier .datajam
cli-arg-reference = Répondre à tout avec les réponses de référence
cli-arg-query-csv = Sortie CSV (toutes les lignes par défaut)
cli-arg-show-sql = Afficher la requête SQL produite (sur la sortie d'erreur)
cli-arg-save = Enregistrer le résultat comme nouveau tableau
cli-arg-query-max-rows = Nombre maximal de lignes affichées (1000 par défaut)
cli-arg-sql-csv = Sortie CSV
cli-arg-sql-max-rows = Nombre maximal de lignes (1000 par défaut)
cli-arg-indicator-value = Colonne des valeurs (revenu, taux, effectif…)
cli-arg-indicator-weight = Colonne des poids (population) : gini, lorenz, palma, s80s20
cli-arg-indicator-group = Colonne des groupes (sexe, milieu, province…)
cli-arg-indicator-num = Groupe étudié (numérateur), par exemple F
cli-arg-indicator-den = Groupe de comparaison (parity, gpi, gap) ou colonne du dénominateur (rate)
cli-arg-indicator-per = Taux pour N (1000 par défaut ; 1 par habitant)
cli-arg-indicator-json = Sortie JSON : le résultat complet (IndicatorResult)
cli-arg-chart-kind = bar, hbar, grouped, stacked, line, scatter, histogram, lorenz ou map
cli-arg-chart-x = Catégories, ou province pour une carte
cli-arg-chart-y = Valeurs (sinon : nombre de lignes)
cli-arg-chart-agg = sum, mean, count, median, min ou max
cli-arg-chart-group = Une couleur par valeur de cette colonne
cli-arg-chart-sort = Trier les barres, la plus grande d'abord
cli-arg-chart-highlight = Barre mise en valeur
cli-arg-chart-label = Étiquettes des points (nuage de points)
cli-arg-chart-weight = Poids (courbe de Lorenz)
cli-arg-chart-lat = Latitude des points (carte)
cli-arg-chart-lon = Longitude des points (carte)
cli-arg-chart-bins = Nombre de classes (histogramme)
cli-arg-chart-scale = Échelle du PNG : 1 ou 2
cli-arg-question = compare, trend, relationship, distribution, geography ou inequality

## Import, preview, tables, export.

cli-type-needs-equals = --type { $arg } : écrivez COLONNE=TYPE
cli-type-unknown = --type { $arg } : type inconnu ; choisissez integer, number, boolean, date, datetime ou text
cli-import-progress = { $phase } : { $rows } lignes{ $percent }
cli-import-done = Tableau « { $table } » : { $rows } lignes, { $columns } colonnes
cli-import-warning = Attention : { $text }
cli-preview-tab = tab
cli-preview-delimiter = « { $delimiter } »
cli-preview-header-row = en-têtes ligne { $row }
cli-preview-hxl-row = balises HXL ligne { $row }
cli-preview-sheets = Feuilles : { $sheets }
cli-no-table = Aucun tableau.
cli-table-line = { $name } { $rows } lignes { $columns } colonnes  { $source }
cli-export-done = { $rows } lignes exportées dans { $path }

## Packs.

cli-pack-warning = Avertissement : { $text }
cli-orphaned-steps = Attention : { $count } étape(s) de la version { $previous } n'existent plus ; la progression des stagiaires sur ces étapes ne sera plus affichée : { $steps }
cli-pack-valid = Paquet valide : { $id } { $version } — { $lessons } leçon(s), { $steps } étape(s), { $datasets } jeu(x) de données
cli-problems-found = { $count } problème(s) trouvé(s).
cli-pack-built = Fichier de paquet écrit : { $path } ({ $id } { $version }, { $files } fichiers, { $bytes } octets, SHA-256 { $sha256 })
cli-pack-already-installed = Déjà installé : { $id } { $version }
cli-pack-installed = Paquet installé : { $id } { $version }
cli-pack-no-guide = Le paquet « { $id } » n'a pas de guide de l'animateur.

## Progress and play.

cli-progress-exported = { $count } événement(s) de { $trainee } exporté(s) dans { $file }
cli-progress-merged = { $trainees } stagiaire(s), { $events } événement(s), { $rows } ligne(s), { $stuck } bloqué(s) : { $file }
cli-progress-reflections = { $count } réflexion(s) : { $file }
cli-play-needs-answers = --answers FICHIER.jsonl ou --reference
# An action of `play` that saved nothing; $at is "N: ", the line of the answers file, or empty.
cli-play-not-saved = { $at }{ $kind } { $lesson }/{ $step } : { $message }

## Analysis: pipelines, the SQL console, indicators, provinces.

cli-rows = { $count } ligne(s).
cli-rows-shown = { $total } lignes au total, { $shown } affichées (--max-rows).
cli-table-saved = Tableau « { $name } » enregistré : { $rows } ligne(s).
cli-indicator = { $label } : { $value }
cli-indicator-skipped = { $skipped } ligne(s) ignorée(s) : { $missing } vide(s), { $not_numeric } non numérique(s).
cli-provinces-matched = { $matched } ligne(s) reconnue(s), { $provinces } province(s) ; colonne « { $column } » ajoutée au tableau « { $table } »
cli-provinces-missing = { $count } ligne(s) vide(s)
cli-provinces-unmatched = non reconnu : « { $value } » ({ $count } { $n ->
        [one] ligne
       *[other] lignes
    })

## Charts.

cli-chart-saved = Graphique enregistré : { $path }
cli-chart-unknown-question = Question inconnue « { $question } » : compare, trend, relationship, distribution, geography ou inequality.
cli-chart-no-advice = Aucun graphique ne convient : il manque les colonnes nécessaires.

cli-progress-event-conflict = Conflit : l'événement { $id } de { $trainee } (leçon { $lesson }, étape { $step }) a { $versions } contenus différents selon les fichiers ({ $files }). Un fichier a été modifié ou copié : la vue compte le premier contenu ; vérifiez ces fichiers.
cli-progress-name-conflict = Conflit : le même profil ({ $id }) porte plusieurs noms : { $names }. Un fichier a été copié ou le profil renommé ; la vue l'appelle « { $kept } ».
cli-progress-conflicts = { $count } événement(s) en conflit, comptés à part ; { $names } profil(s) sous plusieurs noms.
