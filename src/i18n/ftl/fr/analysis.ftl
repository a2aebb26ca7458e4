# Analysis: pipelines, the SQL console, the data grid, indicators.

error-pipeline-invalid = Le traitement n'a pas pu être lu : { $detail }.
error-pipeline-invalid_step = Étape { $step } : l'étape est incomplète ou mal formée ({ $detail }).
error-pipeline-unknown_op = Étape { $step } : l'opération « { $op } » n'existe pas (filter, derive, group, sort, limit, pivot, join).
error-pipeline-unknown_column = Étape { $step } : la colonne « { $column } » n'existe pas.
error-pipeline-unknown_table = Étape { $step } : le tableau « { $table } » n'existe pas dans l'espace de travail.
error-pipeline-not_numeric = Étape { $step } : la colonne « { $column } » ne contient pas des nombres ; ce calcul demande une colonne numérique.
error-pipeline-bad_value = Étape { $step } : « { $value } » n'est pas { $expected ->
        [integer] un nombre
        [number] un nombre
        [boolean] oui ou non
        [date] une date (AAAA-MM-JJ ou JJ/MM/AAAA)
       *[other] une valeur valable
    } (colonne « { $column } »).
error-pipeline-value_required = Étape { $step } : indiquez une valeur à comparer à la colonne « { $column } ».
error-pipeline-empty_name = Étape { $step } : donnez un nom à la nouvelle colonne.
error-pipeline-duplicate_column = Étape { $step } : deux colonnes s'appellent « { $column } » ; choisissez un autre nom.
error-pipeline-too_many_pivot_columns = Étape { $step } : la colonne « { $column } » a plus de { $max } valeurs différentes ; le tableau large aurait trop de colonnes. Filtrez ou regroupez d'abord.
error-pipeline-invalid_table_name = « { $name } » ne peut pas servir de nom de tableau : utilisez des lettres, des chiffres et _, en commençant par une lettre.
error-pipeline-table_exists = Un tableau « { $name } » existe déjà et ne vient pas d'un traitement : choisissez un autre nom.
error-sql-forbidden = La console SQL ne fait que lire : { $what } n'est pas permis.
error-sql-invalid = La requête SQL n'a pas pu être exécutée : { $detail }.
error-sql-multiple_statements = La console SQL exécute une seule requête à la fois : retirez ce qui suit le premier « ; ».
error-sql-timeout = La requête a été arrêtée après { $seconds } secondes. Ajoutez un filtre ou une limite (LIMIT).
error-grid-bad_cursor = Cette page du tableau n'est plus valable ; revenez à la première page.
