# What the workshop says after an action: records, reflections, imports, charts, solutions, data credits.

workshop-record-not-saved = L'enregistrement n'a pas été sauvegardé : corrigez les champs signalés.
workshop-reflection-too-short = Écrivez au moins { $min } caractères (vous en avez écrit { $written }).
workshop-reflection-saved = Réflexion enregistrée.
workshop-import-step-done = Tableau « { $table } » importé : { $rows } lignes, { $columns } colonnes.
workshop-chart-kind-missing = Choisissez d'abord un type de graphique.
workshop-solution-between = entre { $min } et { $max }
workshop-solution-at-least = au moins { $min }
workshop-solution-at-most = au plus { $max }
workshop-credit = { $sources ->
        [0] Source
        [1] Source
       *[other] Sources
    } : { $source_list } · { $licences ->
        [0] Licence
        [1] Licence
       *[other] Licences
    } : { $licence_list }
workshop-credit-derived = D'après « { $dataset } » · { $credit }
range-between = La valeur doit être comprise entre { $min } et { $max }.
range-at-least = La valeur doit être au moins { $min }.
range-at-most = La valeur doit être au plus { $max }.
workshop-notebook-title = Mon carnet
workshop-notebook-file = carnet
workshop-notebook-of = Le travail de { $name }, leçon par leçon.
workshop-notebook-empty = Rien encore : vos réflexions, vos réponses et vos graphiques viendront ici.
workshop-notebook-lesson-done = leçon terminée
workshop-notebook-lesson-open = leçon en cours
workshop-notebook-reflection = Ma réflexion
workshop-notebook-answers = Mes réponses
workshop-notebook-chart = Mon graphique
workshop-notebook-right = juste
workshop-notebook-wrong = à revoir
