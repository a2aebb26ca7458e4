### The desktop interface's sentences (ui/js/). Keys start with ui- so that they never clash
### with the core's. Numbers are written by ui/js/format.js and passed as text ($count, $rows…);
### the raw number is passed too ($n, $nrows, $ncolumns) where a plural depends on it.

ui-who-title = Qui travaille sur cet ordinateur ?
ui-who-intro = Choisissez votre profil pour reprendre là où vous étiez, ou créez-en un. Chaque profil garde ses propres réponses.
ui-no-profile = Aucun profil pour l'instant : créez le vôtre ci-dessous.
ui-new-profile = Nouveau profil
ui-your-name = Votre prénom ou pseudonyme
ui-create = Créer mon profil
ui-resume-at = Reprendre
ui-start = Commencer
ui-change-profile = Changer de profil
ui-packs-title = Paquets de leçons
ui-builtin = intégré
ui-install-title = Ajouter un paquet de leçons
ui-install-intro = Votre formateur vous a donné un fichier .datajam (sur une clé USB, par exemple) ? Installez-le ici ; il est vérifié entièrement avant.
ui-install-button = Installer un paquet…
ui-install-running = Vérification du paquet…
ui-install-done = Paquet « { $id } » { $version } installé.
ui-install-already = Le paquet « { $id } » { $version } était déjà installé.
ui-install-orphaned = { $count } étape(s) de l’ancienne version n’existent plus : les réponses déjà données sont gardées mais ne s’affichent plus.
ui-pack-warnings = { $count } paquet(s) installé(s) ignoré(s)
ui-steps-done = { $n ->
    [one] { $done } / { $total } étape faite
   *[other] { $done } / { $total } étapes faites
}
ui-import-title = Vos données
ui-import-intro = Importez un tableur (Excel, LibreOffice) ou un fichier CSV pour l’explorer.
ui-import-button = Importer un fichier…
ui-import-done = Tableau « { $table } » importé : { $nrows ->
    [one] { $rows } ligne
   *[other] { $rows } lignes
}, { $ncolumns ->
    [one] { $columns } colonne
   *[other] { $columns } colonnes
}.
ui-step-of = Étape { $index } sur { $total }
ui-prev = ← Précédent
ui-next = Suivant →
ui-finish = Terminer la leçon
ui-mark-read = J'ai lu, continuer →
ui-seen-chart = J'ai regardé le graphique, continuer →
ui-answer = Valider ma réponse
ui-your-answer = Votre réponse
ui-hint = Demander un indice
ui-hint-n = Indice { $index }/{ $total }
ui-no-hint = Pas d'indice pour cette question.
ui-attempts = { $n ->
    [one] { $count } essai
   *[other] { $count } essais
}
ui-save-record = Enregistrer
ui-records-title = Vos enregistrements ({ $count })
ui-no-records = Aucun enregistrement pour le moment.
ui-required = obligatoire
ui-choose = — Choisir —
ui-status-done = fait
ui-status-started = commencé
ui-status-todo = à faire
ui-lesson-status-done = Terminée
ui-lesson-status-in-progress = En cours
ui-lesson-required = { $n ->
    [one] { $required } étape sur { $total } suffit
   *[other] { $required } étapes sur { $total } suffisent
}
ui-latitude = Latitude
ui-longitude = Longitude
ui-kind-read = Lecture
ui-kind-question = Question
ui-kind-collect = Collecte
ui-kind-chart = Graphique
ui-data-table = Tableau « { $name } » ({ $nrows ->
    [one] { $rows } ligne
   *[other] { $rows } lignes
})
ui-data-table-filter = Chercher dans le tableau
ui-data-table-shown = Les { $shown } premières lignes sur { $total } sont affichées : tapez un mot (un pays, une année…) pour trouver les autres.
ui-data-table-none = Aucune ligne ne contient « { $text } ».
ui-home = Accueil
ui-crumbs = Fil d'Ariane
ui-steps = Étapes
ui-program = Au programme
ui-kind-reflection = Réflexion
ui-your-reflection = Votre réflexion
ui-save-reflection = Enregistrer ma réflexion
ui-chars = { $n ->
    [one] { $count } caractère
   *[other] { $count } caractères
}
ui-chars-min = { $n ->
    [one] { $count } caractère
   *[other] { $count } caractères
} (au moins { $min })
ui-reveal = Voir la solution
ui-reveal-confirm = Voir la solution maintenant ? Vous pourrez encore répondre ensuite.
ui-reveal-yes = Oui, montrer la solution
ui-reveal-no = Non, je cherche encore
ui-solution = Solution :
ui-skip = Passer cette étape
ui-status-skipped = passée
ui-data-title = Vos données
ui-yes = oui
ui-no = non
ui-open-data = Ouvrir mes données
ui-fmt-text = Fichier texte (CSV)
ui-fmt-workbook = Classeur { $format }
ui-encoding = encodage { $encoding }
ui-delimiter = séparateur « { $delimiter } »
ui-tab = tabulation
ui-sheet-name = feuille « { $sheet } »
ui-header-at = en-têtes ligne { $row }
ui-no-header = pas de ligne d’en-têtes
ui-hxl-at = balises HXL ligne { $row }
ui-hxl-tags = Balises HXL (description des colonnes)
ui-sheet = Feuille
ui-header-row = Ligne des en-têtes
ui-refresh = Actualiser l’aperçu
ui-table-name = Nom du tableau
ui-table-name-auto = automatique
ui-preview-of = Aperçu de « { $file } »
ui-import-confirm = Importer
ui-cancel = Annuler
ui-importing = Import en cours…
ui-progress-reading = Lecture… { $nrows ->
    [one] { $rows } ligne
   *[other] { $rows } lignes
}
ui-progress-inferring = Analyse des colonnes… { $nrows ->
    [one] { $rows } ligne
   *[other] { $rows } lignes
}
ui-progress-writing = Enregistrement… { $nrows ->
    [one] { $rows } ligne
   *[other] { $rows } lignes
}
ui-warnings = { $n ->
    [one] { $count } remarque sur les données
   *[other] { $count } remarques sur les données
}
ui-type-integer = Nombre entier
ui-type-number = Nombre décimal
ui-type-boolean = Oui / non
ui-type-date = Date
ui-type-datetime = Date et heure
ui-type-text = Texte
ui-no-tables = Aucun tableau importé pour l’instant.
ui-table = Tableau
ui-source = Fichier d’origine
ui-rows = Lignes
ui-columns = Colonnes
ui-view = Voir
ui-csv-fr = CSV (Excel français)
ui-csv-fr-help = Séparateur point-virgule et virgule décimale
ui-export-done = { $nrows ->
    [one] { $rows } ligne exportée
   *[other] { $rows } lignes exportées
} dans { $path }
ui-an-title = Analyser
ui-an-table-summary = { $nrows ->
    [one] { $rows } ligne
   *[other] { $rows } lignes
}, { $ncolumns ->
    [one] { $columns } colonne
   *[other] { $columns } colonnes
} — source : { $source }
ui-an-tab-grid = Tableau
ui-an-tab-pipeline = Transformer
ui-an-tab-chart = Graphique
ui-an-tab-indicator = Indicateurs
ui-an-tab-sql = SQL
ui-an-grid-intro = Cliquez sur le titre d’une colonne pour trier (une deuxième fois : ordre décroissant). Les cases vides sont toujours à la fin.
ui-an-rows-of = Lignes { $first } à { $last } sur { $total } ({ $ms } ms)
ui-an-no-rows = Aucune ligne.
ui-an-sort-by = Trier par « { $column } »
ui-an-prev-page = ← Page précédente
ui-an-next-page = Page suivante →
ui-an-pipeline-intro = Construisez votre tableau étape par étape : filtrer des lignes, calculer une colonne, regrouper, trier, garder les premières lignes, faire un tableau large, joindre un autre tableau. Rien n’est modifié dans le tableau d’origine.
ui-an-add-step = Ajouter :
ui-an-op-filter = Filtrer
ui-an-op-derive = Calculer
ui-an-op-group = Regrouper
ui-an-op-sort = Trier
ui-an-op-limit = Garder
ui-an-op-pivot = Tableau large
ui-an-op-join = Joindre
ui-an-op-help-filter = Garder les lignes qui remplissent des conditions
ui-an-op-help-derive = Calculer une nouvelle colonne
ui-an-op-help-group = Une ligne par groupe, avec des totaux, moyennes…
ui-an-op-help-sort = Trier les lignes
ui-an-op-help-limit = Garder les premières lignes
ui-an-op-help-pivot = Mettre les valeurs d’une colonne en colonnes (par exemple filles et garçons côte à côte)
ui-an-op-help-join = Ajouter les colonnes d’un autre tableau, là où une colonne clé correspond
ui-an-remove-step = Supprimer cette étape
ui-an-gone = { $column } (absente à cette étape)
ui-an-column = Colonne
ui-an-comparison = Comparaison
ui-an-where = où
ui-an-and = et
ui-an-or = ou
ui-an-match = Garder les lignes qui remplissent
ui-an-match-all = toutes les conditions (et)
ui-an-match-any = au moins une condition (ou)
ui-an-add-condition = + une condition
ui-an-remove-condition = Retirer la condition { $index }
ui-an-operand-a = a : colonne ou nombre
ui-an-operand-b = b : colonne ou nombre
ui-an-constant-value = Nombre
ui-an-calculation = Calcul
ui-an-decimals = décimales
ui-an-group-by = par
ui-an-all-rows = lignes
ui-an-result-name = Nom de la colonne du résultat
ui-an-auto-name = nom automatique
ui-an-remove-agg = Retirer le calcul { $index }
ui-an-sort-by-word = par
ui-an-then-by = puis par
ui-an-add-sort-key = + puis par une autre colonne
ui-an-remove-key = Retirer la colonne de tri { $index }
ui-an-rows-count = Nombre de lignes
ui-an-pivot-intro = les valeurs d’une colonne deviennent des colonnes
ui-an-pivot-index = Une ligne par
ui-an-pivot-columns = Une colonne par valeur de
ui-an-pivot-agg = Contenant
ui-an-pivot-values = de la colonne
ui-an-join-table = Le tableau
ui-an-join-left = Où la colonne (ce tableau)
ui-an-join-right = correspond à (l’autre tableau)
ui-an-join-how = Lignes
ui-an-join-how-left = garder toutes les lignes
ui-an-join-how-inner = seulement les lignes qui correspondent
ui-an-new-columns = Colonnes ajoutées : { $columns }
ui-an-no-new-columns = Aucune colonne ajoutée.
ui-an-run = Exécuter
ui-an-result-rows = { $rows } ligne(s) dans le résultat.
ui-an-show-sql = Voir la requête SQL
ui-an-new-table-name = nom du nouveau tableau
ui-an-save-table = Enregistrer comme nouveau tableau
ui-an-saved = Tableau « { $name } » enregistré ({ $nrows ->
    [one] { $rows } ligne
   *[other] { $rows } lignes
}).
ui-an-cmp-eq = est égal à
ui-an-cmp-ne = est différent de
ui-an-cmp-lt = est inférieur à
ui-an-cmp-le = est inférieur ou égal à
ui-an-cmp-gt = est supérieur à
ui-an-cmp-ge = est supérieur ou égal à
ui-an-cmp-contains = contient
ui-an-cmp-in = est dans la liste
ui-an-cmp-is-missing = est vide
ui-an-cmp-not-missing = n’est pas vide
ui-an-in-placeholder = valeurs séparées par ;
ui-an-value = valeur
ui-an-new-column = nouvelle colonne
ui-an-constant = (un nombre)
ui-an-fn-add = a + b
ui-an-fn-sub = a − b
ui-an-fn-mul = a × b
ui-an-fn-div = a ÷ b
ui-an-fn-percentage = a en % de b
ui-an-fn-per-1000 = a pour 1 000 b
ui-an-fn-round = arrondir a
ui-an-fn-year = année de a
ui-an-agg-count = nombre de lignes
ui-an-agg-sum = somme
ui-an-agg-mean = moyenne
ui-an-agg-median = médiane
ui-an-agg-min = minimum
ui-an-agg-max = maximum
ui-an-agg-share = part du total (%)
ui-an-agg-count-of = nombre de
ui-an-agg-count-values = nombre de valeurs
ui-an-add-agg = + un autre calcul
ui-an-desc = du plus grand au plus petit
ui-an-rows-word = premières lignes
ui-an-kind-bar = Barres verticales
ui-an-kind-hbar = Barres horizontales
ui-an-kind-grouped = Barres groupées
ui-an-kind-stacked = Barres empilées
ui-an-kind-line = Courbe
ui-an-kind-scatter = Nuage de points
ui-an-kind-histogram = Histogramme
ui-an-kind-lorenz = Courbe de Lorenz
ui-an-kind-map = Carte des provinces
ui-an-q-compare = Comparer des groupes
ui-an-q-trend = Voir une évolution
ui-an-q-relationship = Voir un lien entre deux mesures
ui-an-q-distribution = Voir une répartition
ui-an-q-geography = Voir où
ui-an-q-inequality = Mesurer une inégalité
ui-an-question = Votre question
ui-an-kind = Type de graphique
ui-an-x = Catégories / axe horizontal
ui-an-y = Valeur
ui-an-agg = Calcul
ui-an-group = Groupes
ui-an-none = (aucun)
ui-an-chart-title = Titre
ui-an-chart-source = Source
ui-an-sort-bars = Trier les barres
ui-an-chart-weight = Pondération
ui-an-draw = Dessiner
ui-an-export = Enregistrer le graphique :
ui-an-chart-saved = Graphique enregistré : { $path }
ui-an-ind-gini = Indice de Gini
ui-an-ind-lorenz = Courbe de Lorenz (points)
ui-an-ind-palma = Ratio de Palma
ui-an-ind-s80s20 = Rapport 20 % du haut / 20 % du bas
ui-an-ind-cv = Coefficient de variation
ui-an-ind-max-min = Rapport maximum / minimum
ui-an-ind-share = Part du total
ui-an-ind-rate = Taux pour 1 000
ui-an-ind-parity = Indice de parité
ui-an-ind-gpi = Indice de parité ajusté (UNESCO)
ui-an-ind-gap = Écart en points de pourcentage
ui-an-indicator-intro = Un chiffre pour résumer une inégalité. Choisissez l’indicateur et la colonne des valeurs ; pour une parité, le groupe défavorisé (numérateur) et le groupe de comparaison.
ui-an-indicator = Indicateur
ui-an-value-col = Valeurs
ui-an-weight = Poids (population)
ui-an-num = Numérateur (ex. filles)
ui-an-den = Dénominateur (ex. garçons)
ui-an-num-placeholder = valeur du groupe
ui-an-den-placeholder = valeur du groupe
ui-an-compute = Calculer
ui-an-skipped = { $rows } ligne(s) sans valeur numérique ont été laissées de côté.
ui-an-lorenz-title = Courbe de Lorenz : { $column }
ui-an-prov-title = Noms de provinces
ui-an-prov-intro = Les fichiers écrivent les provinces de mille façons (« N’Djaména », « Ville de Ndjamena »…). Ajoutez à ce tableau une colonne iso_3166_2 avec le code officiel de chaque province, pour joindre des tableaux ou dessiner la carte.
ui-an-prov-column = Colonne des provinces
ui-an-prov-button = Ajouter le code ISO
ui-an-prov-matched = { $rows } ligne(s) reconnue(s).
ui-an-prov-unmatched = { $count } valeur(s) non reconnue(s) : corrigez-les dans le fichier ou signalez-les au formateur.
ui-an-prov-value = « { $value } » ({ $rows } ligne(s))
ui-an-sql-intro = Pour aller plus loin : écrivez une requête SELECT. La console est en lecture seule : elle ne peut rien modifier.
ui-kind-data = Tableau à construire
ui-kind-chart-task = Graphique à tracer
ui-kind-import = Fichier à importer
ui-import-step-file = Fichier « { $file } » ({ $size }), fourni avec la leçon ; il deviendra le tableau « { $table } ».
ui-import-step-button = Importer ce tableau
ui-import-step-again = Importer à nouveau
ui-import-step-copy = Enregistrer une copie du fichier…
ui-import-copy-saved = Copie enregistrée : { $path }. Vous pouvez aussi l’importer depuis « Vos données ».
ui-import-step-done = Le tableau « { $name } » est prêt : { $nrows ->
    [one] { $rows } ligne
   *[other] { $rows } lignes
}, { $ncolumns ->
    [one] { $columns } colonne
   *[other] { $columns } colonnes
}.
ui-import-step-taken = Un tableau « { $name } » existe déjà et ne vient pas de cette étape : il ne sera pas remplacé. Les étapes suivantes utiliseront ce tableau.
ui-open-in-analyse = Ouvrir dans Analyser
ui-task-dataset = Vous partez du tableau « { $name } ».
ui-task-dataset-missing = Le tableau « { $name } » n'existe pas encore : faites (ou passez) d'abord l'étape qui le crée.
ui-task-ordered = L'ordre des lignes compte.
ui-task-result-saved = Votre tableau est enregistré sous le nom « { $name } ».
ui-task-check = Vérifier
ui-task-your-result = Votre résultat
ui-task-solution-steps = Étapes de la solution :
ui-analyse = Analyser
ui-guide-open = Guide de l'animateur
ui-date-placeholder = JJ/MM/AAAA
ui-guide-contents = Sommaire
ui-guide-back = ← Retour aux leçons
ui-pack-data = Les données de ce paquet ({ $count })
ui-data-about = À propos de ces données
ui-data-rows = { $nrows ->
    [one] { $rows } ligne
   *[other] { $rows } lignes
}
ui-data-sources = Sources
ui-data-licences = Licences
ui-data-from = Construit à partir du jeu de données « { $name } ».
ui-data-table-name = Nom du tableau : { $name }
ui-link-offline = Lien externe (ouvrez-le plus tard, avec Internet) : { $href }


# The trainee's hand-in (home screen)
ui-handin-title = Rendre mon travail
ui-handin-intro = Enregistrez votre progression dans un fichier (sur une clé USB, par exemple) et remettez-le à l'animateur.
ui-handin-button = Exporter ma progression
ui-handin-done = { $count } événement(s) enregistré(s) dans { $file }.
# The facilitator's desk
ui-facilitator-open = Espace animateur
ui-facilitator-title = Espace animateur
ui-facilitator-intro = Ajoutez les fichiers de progression des stagiaires (une clé USB, par exemple) : la classe est gardée sur cet ordinateur, et chaque ajout la met à jour.
ui-class-add-files = Ajouter des fichiers…
ui-class-add-folder = Ajouter un dossier…
ui-class-clear = Vider la classe
ui-class-clear-confirm = Vider la classe retire de cet ordinateur les fichiers ajoutés (les fichiers des clés USB ne changent pas). Confirmer ?
ui-class-added = { $added } fichier(s) ajouté(s), { $already } déjà dans la classe.
ui-class-bad = { $count } fichier(s) refusé(s), rien n'en a été gardé :
ui-class-bad-file = { $file } : { $reason }
ui-class-empty = Aucun fichier de progression dans la classe pour l'instant.
ui-class-summary = { $trainees } stagiaire(s), { $files } fichier(s), { $events } événement(s).
ui-class-trainees = Stagiaires et leçons
ui-class-trainee = Stagiaire
ui-class-cell = { $done } / { $steps }
ui-class-also-named = aussi nommé : { $names }
ui-class-stuck-title = Qui est bloqué ?
ui-class-stuck-none = Personne n'est bloqué.
ui-class-stuck-line = { $trainee } — { $lesson } › { $step }
ui-class-wrong-answers = Ses réponses fausses : { $answers }
ui-class-steps-title = Étape par étape
ui-class-step = Étape
ui-class-succeeded = Réussi
ui-class-attempts-mean = Essais (moyenne)
ui-class-hints-mean = Indices (moyenne)
ui-class-common-wrong = Réponses fausses les plus fréquentes
ui-class-wrong-count = { $answer } ({ $count })
ui-class-success-of = { $done } sur { $trainees }
ui-class-reflections-title = Réflexions des stagiaires
ui-class-conflicts-title = Conflits à vérifier
ui-class-event-conflict = L'événement { $id } de { $trainee } ({ $lesson } › { $step }) a { $versions } contenus différents selon les fichiers : { $files }. Un fichier a été modifié ou copié ; la vue compte le premier contenu.
ui-class-name-conflict = Le même profil porte plusieurs noms : { $names }. La vue l'appelle « { $kept } ».

ui-class-export = Exporter la classe :

# The facilitator's packs (screens/packdesk.js)
ui-pack-desk-open = Paquets de leçons…
ui-pack-desk-title = Paquets de leçons
ui-pack-desk-intro = Vérifiez un paquet que vous avez écrit, fabriquez son fichier .datajam pour la clé USB, installez un paquet et voyez ceux qui sont installés.
ui-pack-check-title = Vérifier un dossier de paquet
ui-pack-check-intro = Choisissez le dossier qui contient pack.toml : chaque leçon, chaque exercice et chaque jeu de données est vérifié, comme avec « datajam pack check ».
ui-pack-check-button = Choisir un dossier et le vérifier…
ui-pack-checked-folder = Dossier vérifié : { $path }
ui-pack-valid = Le paquet « { $id } » { $version } est valide : { $lessons } leçon(s), { $steps } étape(s), { $datasets } jeu(x) de données.
ui-pack-invalid = { $n ->
    [one] Un problème à corriger :
   *[other] { $count } problèmes à corriger :
}
ui-pack-check-warnings = Avertissements (le paquet reste valide) :
ui-pack-build-button = Fabriquer le fichier .datajam…
ui-pack-built = Fichier du paquet écrit : { $path } ({ $size }, { $files } fichiers, SHA-256 { $sha }…).
ui-pack-desk-installed = Paquets installés
ui-pack-id = Identifiant
ui-pack-authors = Auteurs
ui-pack-no-authors = non indiqués
ui-pack-licence = Licence
ui-pack-lessons = Leçons
ui-pack-no-datasets = Ce paquet n'a pas de jeu de données.
ui-pack-desk-install-intro = Installez sur cet ordinateur un fichier .datajam (celui que vous venez de fabriquer, ou un autre sur une clé USB) : il est vérifié entièrement avant ; un paquet refusé n'installe rien.

# PINs (widgets/pin.js)
ui-pin-label = Code PIN
ui-pin-current = Code actuel
ui-pin-new = Nouveau code
ui-pin-title = Mon code PIN
ui-pin-intro = Facultatif : un code de 4 à 8 chiffres, demandé quand quelqu'un choisit votre profil sur cet ordinateur.
ui-pin-intro-set = Votre profil est protégé par un code PIN. Pour le changer ou le retirer, tapez d'abord le code actuel.
ui-pin-set = Définir le code
ui-pin-change = Changer le code
ui-pin-remove = Retirer le code
ui-pin-saved = Code PIN enregistré.
ui-pin-removed = Code PIN retiré.
ui-pin-ask = Code PIN de { $name }
ui-pin-open = Ouvrir
ui-pin-locked = Protégé par un code PIN
ui-desk-pin-ask = Code PIN de l'animateur
ui-desk-pin-title = Protéger l'espace animateur
ui-desk-pin-intro = Facultatif : choisissez un code PIN (4 à 8 chiffres). Il sera demandé pour ouvrir l'espace animateur et pour remettre à zéro le code d'un stagiaire.
ui-desk-pin-saved = Code PIN de l'animateur enregistré : il sera demandé la prochaine fois.
ui-pin-trainees-title = Codes PIN des stagiaires
ui-pin-trainees-none = Aucun profil n'a de code PIN.
ui-pin-reset = Remettre à zéro
ui-pin-reset-done = Le code PIN de { $name } est retiré : son profil s'ouvre sans code, et il peut en choisir un nouveau.

# Room setup (screens/packdesk.js)
ui-room-title = Préparer la clé de la salle
ui-room-intro = Choisissez une clé USB : on y écrit un dossier « datajam-atelier » avec les paquets installés ici, les installateurs de l'application s'ils sont présents, et un « LISEZ-MOI » pour les stagiaires.
ui-room-button = Choisir la clé et l'écrire…
ui-room-done = Dossier écrit : { $folder } ({ $n ->
    [0] aucun paquet en plus des leçons intégrées
    [one] un paquet
   *[other] { $count } paquets
}).
ui-room-installers = Installateurs copiés : { $count } fichier(s).
ui-room-no-installers = Les installateurs ne sont pas sur la clé : le dossier « { $folder } » est introuvable. Le LISEZ-MOI dit aux stagiaires de vous les demander.
ui-notebook-title = Mon carnet
ui-notebook-card = Relisez vos réflexions, vos réponses et vos graphiques, et emportez-les dans une page à garder ou imprimer.
ui-notebook-open = Ouvrir mon carnet
ui-notebook-intro = { $n ->
        [0] Votre carnet est encore vide.
        [one] { $count } trace de votre travail, leçon par leçon.
       *[other] { $count } traces de votre travail, leçon par leçon.
    }
ui-notebook-empty = Vos réflexions, vos réponses et vos graphiques viendront ici au fil des leçons.
ui-notebook-export = Exporter mon carnet
ui-notebook-exported = Carnet enregistré dans { $file }. Ouvrez-le avec un navigateur pour le lire ou l'imprimer.
ui-notebook-reflection = Ma réflexion
ui-notebook-answers = Mes réponses
ui-notebook-chart = Mon graphique
ui-notebook-right = ✓ juste
ui-notebook-wrong = ✗ à revoir
ui-notebook-lesson-done = (leçon terminée)
ui-notebook-lesson-open = (leçon en cours)
ui-review-note = Leçon terminée : vous relisez votre travail. Vos réponses sont affichées telles que vous les avez données.
ui-settings-title = Réglages
ui-settings-intro = Les réglages de { $name } : ils reviennent chaque fois que ce profil est choisi.
ui-settings-lang = Langue
ui-settings-lang-fr = Français
ui-settings-lang-en = English (anglais)
ui-settings-size = Taille du texte
ui-settings-size-normal = Normale
ui-settings-size-large = Grande
ui-settings-size-larger = Très grande
ui-settings-contrast = Contraste élevé (texte noir sur fond blanc, bords marqués)
ui-settings-save = Enregistrer les réglages
ui-settings-saved = Réglages enregistrés.

ui-notebook-table = Mon tableau, étape par étape
ui-notebook-records = Mes fiches
ui-settings-lang-ar = العربية (arabe)

# The app's version, at the foot of the welcome screen.
ui-app-version = DataJam Atelier, version { $version }
