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

# Room setup: the « lisez-moi » written on the USB stick (workshop::room).
workshop-room-readme = DataJam Atelier — la clé de la salle

    Ce dossier prépare les ordinateurs des stagiaires pour l'atelier. Rien ne passe par Internet : tout est sur cette clé.

    1. Installer l'application : { $installers ->
        [yes] ouvrez le dossier « installateurs » et lancez l'installateur de votre système (Windows ou Linux).
       *[no] les installateurs ne sont pas sur cette clé ; demandez-les à l'animateur.
    }
    2. Les leçons : { $npacks ->
        [0] celles de l'application suffisent, rien d'autre à installer.
       *[other] ouvrez DataJam Atelier, choisissez votre profil, puis « Installer un paquet… » et prenez chaque fichier du dossier « paquets » : { $packs }.
    }
    3. À la fin de la séance : « Exporter ma progression » écrit votre fichier de progression ; enregistrez-le sur cette clé et rendez-la à l'animateur.
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

workshop-notebook-table = Mon tableau, étape par étape
workshop-notebook-records = Mes fiches

workshop-class-chart-title = Réussite par étape — { $lesson }
workshop-class-chart-axis = % des stagiaires qui ont réussi
