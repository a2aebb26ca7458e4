# Lessons (src/lesson/): data and chart tasks, import steps, forms.

## Errors of data and chart tasks.
lesson-task-dataset-missing = Le tableau « { $table } » de cette étape n'existe pas encore : faites (ou passez) d'abord l'étape qui le crée.
lesson-task-reference-failed = La solution de référence de l'étape « { $step } » ne fonctionne pas ({ $detail }). Signalez-le à l'auteur du paquet.

## Errors of import steps.
lesson-import-step-table-taken = Un tableau « { $table } » existe déjà et ne vient pas de cette étape : il n'est pas remplacé. Les étapes suivantes utiliseront ce tableau ; pour importer le fichier de l'étape, donnez un autre nom à l'autre tableau.
lesson-import-step-file-missing = Le fichier « { $file } » de cette étape manque dans le paquet. Signalez-le à l'auteur du paquet.

## Why a result table is not the expected one ($n: the rows of the trainee's table, for the plural).
lesson-mismatch-row-count = Votre tableau a { $got } { $n ->
    [one] ligne
   *[other] lignes
} ; le tableau attendu en a { $expected }. Vérifiez vos filtres et vos regroupements.
lesson-mismatch-missing-column = Il manque une colonne : celle que le tableau attendu appelle « { $column } ». Vérifiez vos calculs (somme, moyenne, part…) et sur quelle colonne ils portent.
lesson-mismatch-values = Les valeurs de « { $column } » ne correspondent pas ligne par ligne au tableau attendu. Vérifiez les colonnes choisies pour regrouper.
lesson-mismatch-order = Les bonnes lignes, mais pas dans l'ordre demandé : avez-vous trié, et dans le bon sens ?

## Why a chart is not the one asked for.
lesson-chart-mismatch-kind = Ce type de graphique ne répond pas bien à la question : relisez-la (comparer, évolution, répartition, carte ?) et essayez un autre type.
lesson-chart-mismatch-x = Le graphique n'utilise pas les bonnes catégories : quelle colonne doit-on lire sur l'axe (ou sur la carte) ?
lesson-chart-mismatch-y = Le graphique ne montre pas la bonne mesure : quelle colonne contient les valeurs à comparer ?
lesson-chart-mismatch-agg = Le bon graphique, mais pas le bon calcul : faut-il additionner, faire la moyenne ou compter ?
lesson-chart-mismatch-group = Les groupes (couleurs) ne sont pas ceux attendus : quelle colonne doit séparer les barres ou les courbes ?
lesson-chart-mismatch-sort = Le bon graphique, mais les barres ne sont pas triées : cochez « Trier les barres » pour que le classement se lise d'un coup d'œil.
lesson-chart-mismatch-weight = La courbe n'est pas pondérée comme il faut : quelle colonne dit combien de personnes chaque ligne représente ?

## A solution's pipeline as a trainee reads it, one line per step.
lesson-cmp-contains = contient
lesson-cmp-in = parmi
lesson-cmp-is-missing = est vide
lesson-cmp-not-missing = n'est pas vide
lesson-agg-count = nombre de lignes
lesson-agg-sum = somme
lesson-agg-mean = moyenne
lesson-agg-median = médiane
lesson-agg-min = minimum
lesson-agg-max = maximum
lesson-agg-share = part (%)
lesson-derive-percentage = en % de
lesson-derive-per-1000 = pour 1 000
lesson-derive-round = arrondi à (décimales)
lesson-derive-year = année de
lesson-pipeline-and = et
lesson-pipeline-or = ou
lesson-pipeline-filter = Filtrer : garder les lignes où { $conditions }
lesson-pipeline-derive = Calculer la colonne { $name } = { $expression }
lesson-pipeline-aggregate-of = { $agg } de { $column }
lesson-pipeline-summarise = Résumer tout le tableau : { $aggregates }
lesson-pipeline-group = Regrouper par { $by } : { $aggregates }
lesson-pipeline-sort-desc = { $column }, du plus grand au plus petit
lesson-pipeline-sort-asc = { $column }, du plus petit au plus grand
lesson-pipeline-then = puis
lesson-pipeline-sort = Trier par { $keys }
lesson-pipeline-limit = Garder les { $rows } premières lignes
lesson-pipeline-pivot = Pivoter : une ligne par { $index }, une colonne par valeur de { $columns }, { $agg } de { $values }
lesson-pipeline-join-left = en gardant toutes les lignes
lesson-pipeline-join-inner = en ne gardant que les lignes qui correspondent
lesson-pipeline-join = Joindre le tableau { $table } ({ $left } = { $right }), { $rows }

## A chart as a trainee reads it ($kind and $agg: the chart request's codes).
lesson-chart-kind = { $kind ->
    [bar] barres verticales
    [hbar] barres horizontales
    [grouped] barres groupées
    [stacked] barres empilées
    [line] courbe
    [scatter] nuage de points
    [histogram] histogramme
    [lorenz] courbe de Lorenz
    [map] carte
   *[other] { $kind }
}
lesson-chart-categories = catégories : { $x }
lesson-chart-values-count = valeurs : nombre de lignes
lesson-chart-values = valeurs : { $agg ->
    [sum] somme
    [mean] moyenne
    [median] médiane
   *[other] { $agg }
} de { $y }
lesson-chart-groups = groupes : { $group }
lesson-chart-weighted = pondérée par { $weight }
lesson-chart-sorted = barres triées

## A form's date outside its range.
lesson-form-date-between = La date doit être comprise entre le { $min } et le { $max }.
lesson-form-date-after = La date doit être le { $min } ou après.
lesson-form-date-before = La date doit être le { $max } ou avant.
