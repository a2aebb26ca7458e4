# Charts (chart): why one could not be drawn, the notes under it, and the words it draws.
# Numbers arrive formatted; `$n` is for plurals only.

error-chart-empty = Rien à dessiner : aucune ligne n'a de valeur utilisable pour ce graphique.
error-chart-not_finite = La valeur de « { $label } » n'est pas un nombre fini : corrigez-la ou retirez la ligne.
error-chart-draw = Le graphique n'a pas pu être dessiné : { $detail }.
error-chart-png = L'image PNG n'a pas pu être créée : { $detail }.
error-chart-unknown_kind = Type de graphique inconnu « { $kind } ». Types possibles : { $kinds }.
error-chart-unknown_agg = Calcul inconnu « { $agg } ». Calculs possibles : sum, mean, count, median, min, max.
error-chart-unknown_column = La colonne « { $column } » n'existe pas dans ce tableau.
error-chart-not_numeric = La colonne « { $column } » ne contient pas de nombres : ce graphique a besoin d'une colonne numérique.
error-chart-missing_field = Le graphique « { $kind } » a besoin d'une colonne pour « { $field } ».
error-chart-no_province = Aucune valeur de la colonne « { $column } » ne correspond à une province du Tchad (nom ou code ISO comme TD-LC).
error-chart-bad_extension = Le nom du fichier doit finir par .svg ou .png : « { $path } ».

# Notes under a chart: rows left out.
chart-note-no-number = { $n ->
        [one] { $count } ligne sans nombre dans « { $column } » (case vide ou texte) a été laissée de côté.
       *[other] { $count } lignes sans nombre dans « { $column } » (case vide ou texte) ont été laissées de côté.
    }
chart-note-no-number-pair = { $n ->
        [one] { $count } ligne sans nombre dans « { $x } » ou « { $y } » a été laissée de côté.
       *[other] { $count } lignes sans nombre dans « { $x } » ou « { $y } » ont été laissées de côté.
    }
chart-note-no-category = { $n ->
        [one] { $count } ligne sans valeur dans « { $column } » a été laissée de côté.
       *[other] { $count } lignes sans valeur dans « { $column } » ont été laissées de côté.
    }
chart-note-negative = { $n ->
        [one] { $count } ligne avec une valeur négative (ou un poids nul) a été laissée de côté
       *[other] { $count } lignes avec une valeur négative (ou un poids nul) ont été laissées de côté
    } : la courbe de Lorenz ne s'applique qu'à des valeurs positives.
chart-note-unknown-provinces = { $n ->
        [one] { $count } ligne dont la province n'est pas reconnue a été laissée de côté
       *[other] { $count } lignes dont la province n'est pas reconnue ont été laissées de côté
    } : { $names }. Écrivez le nom complet (par exemple « Ennedi-Est ») ou le code ISO (TD-EE).
chart-note-no-coordinates = { $n ->
        [one] { $count } ligne sans latitude ou longitude n'a pas de point.
       *[other] { $count } lignes sans latitude ou longitude n'ont pas de point.
    }
chart-note-outside-chad = { $n ->
        [one] { $count } ligne hors du Tchad (latitude et longitude inversées ?) n'a pas de point.
       *[other] { $count } lignes hors du Tchad (latitude et longitude inversées ?) n'ont pas de point.
    }

# Notes under a chart: what was capped, and how to read it.
chart-note-categories-cap = Seules les { $shown } premières catégories sont montrées (sur { $total }).
chart-note-series-cap = Seuls les { $shown } groupes les plus grands sont montrés (sur { $total }) : au-delà, les couleurs ne se distinguent plus.
chart-note-no-group = Sans colonne de groupe, chaque catégorie n'a qu'une barre : choisissez un groupe pour comparer.
chart-note-gini = Indice de Gini : { $gini } (0 = parfaite égalité, 1 = tout pour un seul).
chart-note-points-thinned = { $shown } points sur { $total } sont dessinés (un sur { $step } environ), pour que le graphique reste lisible.
chart-note-groups-cap = Seuls les { $shown } groupes les plus nombreux ont leur couleur ; les autres sont en gris.
chart-note-labels-cap = Les étiquettes des points ne sont écrites que pour { $max } points au plus.
chart-note-labels-hidden = { $n ->
        [one] { $count } étiquette de points a été omise pour ne pas se chevaucher (survolez les points pour les lire).
       *[other] { $count } étiquettes de points ont été omises pour ne pas se chevaucher (survolez les points pour les lire).
    }
chart-note-points-cap = Seuls les { $shown } premiers points sont dessinés (sur { $total }).
chart-note-ennedi-merged = Ennedi-Est et Ennedi-Ouest n'ont qu'un seul contour sur ce fond de carte (Natural Earth) : la zone « Ennedi » montre le calcul sur les lignes des deux provinces.
chart-note-ennedi-grey = Ennedi-Est et Ennedi-Ouest n'ont qu'un seul contour sur ce fond de carte (Natural Earth) : la zone « Ennedi » reste grise car une seule des deux provinces a une valeur.

# What rows of a category are summarised with, on a value axis.
chart-agg-sum = Somme
chart-agg-mean = Moyenne
chart-agg-count = Nombre de lignes
chart-agg-median = Médiane
chart-agg-min = Minimum
chart-agg-max = Maximum
chart-agg-share = Part (%)
chart-agg-of = { $agg } de { $column }

# Default titles and axis titles.
chart-title-by = { $value } par { $x }
chart-title-by-group = { $value } par { $x } et { $group }
chart-title-histogram = Répartition de { $column }
chart-title-scatter = { $y } selon { $x }
chart-title-lorenz = Courbe de Lorenz de { $column }
chart-title-map = { $value } par province
chart-title-points = Points sur la carte du Tchad
chart-source = Source : { $source }
chart-cumulative-share = Part cumulée de { $column }
chart-cumulative-rows = Part cumulée des lignes

# Words drawn on a chart: legends, tooltips, bins.
chart-lorenz-curve = Courbe de Lorenz
chart-lorenz-equality = Égalité parfaite
chart-gini = Indice de Gini : { $gini }
# A share on an axis of percentages (a no-break space before %).
chart-percent = { $value } %
chart-tip = { $label } : { $value }
chart-tip-series = { $label }, { $series } : { $value }
chart-tip-point = { $x } ; { $y }
chart-tip-named-point = { $name } : { $x } ; { $y }
chart-bin = {"["}{ $from } ; { $to }{ $last ->
        [yes] {"]"}
       *[no] {"["}
    }
chart-map-no-data = Pas de donnée
chart-map-tip-no-data = { $name } : pas de donnée
chart-map-range = { $from } à { $to }
chart-map-points = { $n ->
        [one] { $count } point
       *[other] { $count } points
    }
chart-map-classes = Classes : chaque teinte regroupe à peu près le même nombre de zones. Ennedi-Est et Ennedi-Ouest forment une seule zone (un seul contour dans Natural Earth).
chart-map-ennedi = Ennedi (Est et Ouest)

# Chart advice: why a kind of chart answers the question.
chart-advice-compare-hbar = Des barres horizontales comparent les catégories ; les noms longs restent lisibles et le tri montre le classement.
chart-advice-compare-hbar-count = Des barres horizontales comparent le nombre de lignes de chaque catégorie.
chart-advice-compare-bar = Des barres verticales conviennent quand les catégories sont peu nombreuses et leurs noms courts.
chart-advice-compare-grouped = Des barres groupées comparent deux découpages à la fois (choisissez la colonne de groupe).
chart-advice-compare-stacked = Des barres empilées montrent le total de chaque catégorie et sa composition.
chart-advice-trend-line = Une courbe montre l'évolution dans le temps ; une couleur par groupe compare les évolutions.
chart-advice-trend-bar = Des barres par période conviennent pour peu de périodes (quelques années).
chart-advice-trend-stacked = Des barres empilées par période montrent comment le total se compose au fil du temps.
chart-advice-relationship-scatter = Un nuage de points montre si deux mesures varient ensemble (une ligne par point).
chart-advice-relationship-grouped = Des barres groupées mettent deux mesures côte à côte pour chaque catégorie.
chart-advice-distribution-histogram = Un histogramme montre comment les valeurs se répartissent : où elles se concentrent, les valeurs extrêmes.
chart-advice-distribution-hbar = Des barres comptent les lignes de chaque catégorie : la répartition d'une variable texte.
chart-advice-geography-map = Une carte colore chaque province selon sa valeur : on voit d'un coup d'œil où elle est forte ou faible.
chart-advice-geography-hbar = Des barres triées par province donnent les valeurs exactes, plus faciles à comparer que des couleurs.
chart-advice-inequality-lorenz = La courbe de Lorenz montre si une petite part des lignes concentre l'essentiel du total (indice de Gini).
chart-advice-inequality-hbar = Des barres triées montrent l'écart entre les catégories les mieux et les moins bien servies.
chart-advice-inequality-histogram = Un histogramme montre si la plupart des valeurs sont faibles avec quelques valeurs très fortes.
