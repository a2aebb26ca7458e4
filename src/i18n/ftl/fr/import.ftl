# Importing files: what the trainee reads when a file cannot be imported, and warnings.

error-import-not_found = Fichier introuvable : « { $path } ». Vérifiez le nom et l'emplacement du fichier.
error-import-empty = Le fichier ne contient aucune donnée. Vérifiez que c'est le bon fichier et qu'il n'est pas vide.
error-import-unsupported_format = Format de fichier non pris en charge ({ $what }). Ouvrez-le dans un tableur et enregistrez-le au format .xlsx ou .csv, puis réessayez.
error-import-unreadable = Le fichier est illisible : il est peut-être abîmé ou incomplet (copie interrompue ?). Ouvrez-le dans un tableur et enregistrez-le à nouveau, ou recopiez-le depuis la clé USB.
error-import-encrypted = Le classeur est protégé par un mot de passe. Ouvrez-le dans un tableur, retirez le mot de passe, enregistrez-le, puis réessayez.
error-import-sheet_not_found = La feuille « { $name } » n'existe pas dans ce classeur. Feuilles disponibles : { $available }.
error-import-table_exists = Une table nommée « { $table } » existe déjà. Choisissez un autre nom, ou demandez à remplacer l'ancienne table.
error-import-invalid_table_name = Le nom de table « { $table } » n'est pas valide ou est réservé. Utilisez des lettres sans accents, des chiffres et « _ », en commençant par une lettre (ex. « population_2009 »).
error-import-header_row_out_of_range = La ligne d'en-tête { $row } n'existe pas : les données s'arrêtent à la ligne { $last }.
error-import-too_large-cells = La feuille est trop grande : { $found } cellules (maximum { $max }). Gardez seulement les lignes et colonnes utiles, ou enregistrez la feuille en CSV.
error-import-too_large-columns = Une ligne du fichier contient { $found } colonnes (maximum { $max }). Vérifiez que c'est bien un tableau.
error-import-io = Erreur de lecture du fichier ({ $reason }). Vérifiez que la clé USB est toujours branchée, puis réessayez.
error-import-db = Erreur de la base de données de l'atelier : { $reason }.
quoted = « { $text } »
