# Inequality indicators (analysis::indicators): why one could not be computed, and how to
# read each figure. Numbers arrive formatted; `$n` is for plurals only.

error-indicator-unknown_kind = Indicateur inconnu : « { $kind } ». Choisissez parmi : { $kinds }.
error-indicator-missing_argument = Pour l'indicateur « { $kind } », indiquez { $arg ->
        [value] la colonne des valeurs
        [group] la colonne des groupes
        [num] le groupe étudié (numérateur, par exemple F)
        [den] le groupe de comparaison ou la colonne du dénominateur
       *[other] { $arg }
    }.
error-indicator-no_values = La colonne « { $column } » ne contient aucun nombre utilisable ({ $missing } cellule(s) vide(s), { $not_numeric } cellule(s) qui ne sont pas des nombres). Choisissez une colonne de nombres.
error-indicator-negative_value = La colonne « { $column } » contient une valeur négative ({ $value }). Le Gini, la courbe de Lorenz, le Palma et le S80/S20 mesurent le partage d'une quantité positive (revenu, dépense, population) : retirez ou corrigez les valeurs négatives.
error-indicator-negative_weight = La colonne des poids « { $column } » contient une valeur négative ({ $value }). Un poids est un nombre de personnes : il ne peut pas être négatif.
error-indicator-all_zero = Toutes les valeurs de « { $column } » sont nulles : il n'y a rien à partager, l'indicateur ne peut pas être calculé.
error-indicator-division_by_zero = Calcul impossible : { $reason }.
error-indicator-group_not_found = Le groupe « { $value } » n'apparaît pas dans la colonne « { $column } ». Valeurs présentes : { $values }.
error-indicator-invalid_per = « pour » doit être un nombre positif (1, 100, 1000, 100000…), pas { $per }.

# Which figure is zero, in error-indicator-division_by_zero.
indicator-zero-poorest = les { $percent } % les moins bien dotés ont une part nulle, on ne peut pas diviser par zéro
indicator-zero-mean = la moyenne est nulle, on ne peut pas diviser par zéro
indicator-zero-smallest = la plus petite valeur est { $value } ; le rapport max/min demande des valeurs toutes positives
indicator-zero-column-sum = la somme de « { $column } » est nulle, on ne peut pas diviser par zéro
indicator-zero-group = la valeur du groupe « { $group } » est nulle, on ne peut pas diviser par zéro

# The name of each indicator.
indicator-label-gini = Indice de Gini
indicator-label-lorenz = Courbe de Lorenz
indicator-label-palma = Ratio de Palma
indicator-label-s80s20 = Rapport S80/S20
indicator-label-cv = Coefficient de variation
indicator-label-max-min = Rapport max/min
indicator-label-share = Part
indicator-label-rate = Taux
indicator-label-per-capita = Par habitant
indicator-label-parity = Indice de parité
indicator-label-gpi = Indice de parité ajusté
indicator-label-gap = Écart

# The figure with its unit.
indicator-figure-percent = { $value } %
indicator-figure-per-mille = { $value } ‰
indicator-figure-per = { $value } pour { $per }
indicator-figure-points = { $value } points

# How to read each figure. `indicator-weighted`, `indicator-compared` and
# `indicator-side` see the arguments of the message that names them.
indicator-weighted = { $weighted ->
        [yes] {" "}(pondéré par la population)
       *[no] {""}
    }
indicator-compared = { $of ->
        [groups] les moyennes des groupes
       *[values] les valeurs
    }
indicator-gini = Un indice de Gini de { $gini }{ indicator-weighted } : 0 serait l'égalité parfaite (chacun a la même part), 1 l'inégalité maximale (une seule personne a tout).
indicator-lorenz = La moitié la moins bien dotée a { $bottom } % du total{ indicator-weighted } ; plus la courbe s'éloigne de la diagonale, plus le partage est inégal (indice de Gini : { $gini }).
indicator-palma = Les 10 % les mieux dotés ont { $ratio } fois ce qu'ont les 40 % les moins bien dotés ({ $top } % contre { $bottom } % du total{ indicator-weighted }).
indicator-s80s20 = Les 20 % les mieux dotés ont { $ratio } fois ce qu'ont les 20 % les moins bien dotés ({ $top } % contre { $bottom } % du total{ indicator-weighted }).
indicator-cv = Un coefficient de variation de { $cv } : l'écart type vaut { $percent } % de la moyenne ; 0 si { indicator-compared } sont toutes égales, plus il est grand, plus elles sont dispersées.
indicator-max-min = La plus grande valeur est { $ratio } fois la plus petite ; 1 voudrait dire que { indicator-compared } sont toutes égales.
indicator-share = Le groupe « { $group } » représente { $percent } % { $of ->
        [column] du total de « { $column } »
       *[rows] des lignes
    } ; { $groups } groupe(s) au total{ $largest ->
        [yes] {" "}(c'est le plus grand)
       *[no] {""}
    }.
indicator-rate-shown-per-one = { $rate } « { $value } » par « { $den } »
indicator-rate-shown = { $rate } « { $value } » pour { $per } « { $den } »
indicator-rate = { $shown } : somme de « { $value } » ({ $value_sum }) divisée par la somme de « { $den } » ({ $den_sum }), multipliée par { $per }.
indicator-gap = « { $a } » est à { $a_value } et « { $b } » à { $b_value } : l'écart est de { $gap } point(s) de pourcentage ({ $side ->
        [below] « { $a } » en dessous
        [above] « { $a } » au-dessus
       *[none] aucun écart
    }).
indicator-side = { $side ->
        [below] en défaveur de « { $a } »
        [above] en faveur de « { $a } »
       *[parity] c'est la parité
    }
indicator-parity = « { $a } » ({ $a_value }) divisé par « { $b } » ({ $b_value }) : { $index } ; 1 serait la parité, { indicator-side }.
indicator-gpi = Indice ajusté (UNESCO) de { $index }, entre 0 et 2 et symétrique autour de 1 : { indicator-side } ; entre 0,97 et 1,03 on parle de parité.
