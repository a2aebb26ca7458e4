# The trainee's tables written out (export).

error-export-unsupported_format-none = Indiquez l'extension du fichier à créer : .xlsx (Excel) ou .csv.
error-export-unsupported_format = Impossible d'exporter au format .{ $ext }. Choisissez un nom de fichier en .xlsx (Excel) ou en .csv.
error-export-table_not_found = Le tableau « { $table } » n'existe pas parmi les tableaux importés. La commande `datajam tables` les liste.
error-export-invalid_path = « { $path } » n'est pas un nom de fichier valide (c'est peut-être un dossier). Choisissez un nom de fichier, par exemple « resultats.xlsx ».
error-export-column_missing = Le tableau « { $table } » est abîmé dans la base de l'atelier (la colonne « { $column } » manque). Importez à nouveau le fichier d'origine en remplaçant le tableau, puis réessayez.
error-export-too_many_rows = Le tableau a trop de lignes pour Excel ({ $found }, maximum { $max }). Exportez-le en .csv, ou filtrez-le d'abord.
error-export-too_many_columns = Le tableau a trop de colonnes pour Excel ({ $found }, maximum { $max }). Exportez-le en .csv.
error-export-io-denied = Impossible d'écrire « { $path } » : accès refusé. Si le fichier est ouvert dans Excel, fermez-le ; sinon choisissez un autre dossier (par exemple Documents).
error-export-io-no_folder = Impossible d'écrire « { $path } » : le dossier n'existe pas (clé USB retirée ?). Choisissez un autre dossier.
error-export-io-full = Impossible d'écrire « { $path } » : le disque ou la clé USB est plein. Libérez de la place ou choisissez un autre emplacement.
error-export-io-read_only = Impossible d'écrire « { $path } » : le disque ou la clé USB est en lecture seule. Choisissez un autre emplacement.
error-export-io = Impossible d'écrire « { $path } » ({ $reason }). Vérifiez que la clé USB est toujours branchée, ou choisissez un autre dossier. Aucun fichier incomplet n'a été laissé.
error-export-db = Erreur de la base de données de l'atelier pendant l'export : { $reason }. Rien n'a été écrit.
error-export-xlsx = Le classeur Excel n'a pas pu être créé ({ $reason }). Essayez l'export en .csv. Rien n'a été écrit.

# PINs of profiles and of the facilitator (store::pin).
error-pin-invalid = Le code PIN doit compter de { $min } à { $max } chiffres (rien d'autre que des chiffres).
error-pin-wrong = Code PIN incorrect. Réessayez ; si vous l'avez oublié, l'animateur peut le remettre à zéro depuis l'espace animateur.
error-pin-facilitator_wrong = Code PIN de l'animateur incorrect. Réessayez.
error-pin-hash = Impossible d'enregistrer le code PIN : { $reason }
