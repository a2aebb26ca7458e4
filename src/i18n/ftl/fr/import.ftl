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

## Warnings of an import, in the language of the import (stored with the table).
## Numbers shown are passed as text ($count, $row…); $n is the same number, for plurals.

import-not-utf8 = Le fichier n'est pas en UTF-8 : il a été lu en Windows-1252 (l'encodage d'Excel sous Windows). Vérifiez les accents.
import-text-has-no-sheets = Un fichier texte n'a pas de feuilles : le choix de feuille est ignoré.
import-really-a-workbook = Le fichier « { $file } » est en réalité un classeur : il est lu comme tel.
import-text-read-as-csv = Le fichier « { $file } » porte l'extension .{ $ext } mais contient du texte : il est lu comme un fichier CSV.
import-several-sheets = Le classeur contient { $count } feuilles ; seule la feuille « { $sheet } » est lue. Choisissez une autre feuille si besoin.
import-no-header = Aucune ligne d'en-tête reconnue : les colonnes sont nommées colonne_1, colonne_2… Indiquez la ligne d'en-tête si le fichier en a une.
import-rows-above-header = { $count } ligne(s) au-dessus de l'en-tête (titre, notes) ont été ignorées ; l'en-tête est à la ligne { $row }.
import-no-data-rows = Aucune ligne de données sous l'en-tête : la table est vide.
import-kobo = Export KoboToolbox reconnu : les colonnes « groupe/question » portent le nom de la question, les choix multiples sont des colonnes oui/non « question__choix », et les métadonnées (_id, _uuid, _submission_time…) commencent par « kobo_ ».
import-type-for-unknown-column = Type demandé pour la colonne « { $column } » : aucune colonne ne porte ce nom ; la demande est ignorée.
# $list: the first tags, then "." or "…".
import-hxl-row = Ligne de balises HXL reconnue (ligne { $row }) : { $list } Ce n'est pas une ligne de données : les balises sont gardées avec les colonnes.
import-hxl-names-from-tags = Le fichier n'a pas de ligne d'intitulés : les colonnes sont nommées d'après leurs balises (#adm1+name devient adm1_name).

## Column names.

import-duplicate-name-once = Le nom de colonne « { $name } » apparaît plusieurs fois : la colonne { $position } s'appelle « { $renamed } ».
# $first: the first new name ("nom_2"), $last the last one.
import-duplicate-name-many = Le nom de colonne « { $name } » apparaît { $count } fois : les colonnes suivantes s'appellent « { $first } » à « { $last } ».
# $positions: "2, 5"; $n: how many.
import-unnamed-columns = Colonne(s) sans nom dans l'en-tête (position { $positions }) : elles s'appellent « colonne_N ».

## Values of a column that do not fit its type; $noun is one of the import-type-* nouns.

import-column-misfits =
    { $n ->
        [1] Colonne « { $label } » : 1 valeur n'est pas { $noun } (ex. « { $example } ») ; elle est gardée telle quelle.
       *[other] Colonne « { $label } » : { $count } valeurs ne sont pas { $noun } (ex. « { $example } ») ; elles sont gardées telles quelles.
    }
import-column-currency = Colonne « { $label } » : montants avec unité monétaire (FCFA, €…) ; l'unité a été retirée et les valeurs sont enregistrées comme nombres.
import-column-percent = Colonne « { $label } » : pourcentages enregistrés sans le signe % (« 12 % » devient 12).
import-column-formula-errors = Colonne « { $label } » : { $count } cellule(s) contiennent une erreur de formule (ex. « { $example } ») ; elles sont laissées vides.
import-type-integer =
    { $n ->
        [1] un nombre entier
       *[other] des nombres entiers
    }
import-type-number =
    { $n ->
        [1] un nombre
       *[other] des nombres
    }
import-type-boolean =
    { $n ->
        [1] une valeur oui/non
       *[other] des valeurs oui/non
    }
import-type-date =
    { $n ->
        [1] une date
       *[other] des dates
    }
import-type-datetime =
    { $n ->
        [1] une date avec heure
       *[other] des dates avec heure
    }
import-type-text =
    { $n ->
        [1] un texte
       *[other] des textes
    }

## What a refused file is, inside error-import-unsupported_format.

# $kind: PNG, JPEG, GIF.
import-format-image = image { $kind }
# $kind: RAR, 7-Zip, gzip.
import-format-archive = archive { $kind }
# $kind: RTF.
import-format-document = document { $kind }
import-format-web-page = page web HTML
import-format-extension = fichier .{ $ext }
import-format-binary = fichier binaire
import-format-not-a-workbook = archive ou document qui n'est pas un classeur

## Files that used to fail (issue 13).

# $first: the first empty sheet; $sheet: the sheet read.
import-empty-sheets-skipped =
    { $n ->
        [1] La feuille « { $first } » est vide : la feuille « { $sheet } », la première qui contient des données, est lue. Choisissez une autre feuille si besoin.
       *[other] { $count } feuilles sont vides (dont « { $first } ») : la feuille « { $sheet } », la première qui contient des données, est lue. Choisissez une autre feuille si besoin.
    }
error-import-too_large-table_columns = Le tableau a { $found } colonnes : une table de l'atelier en a au plus { $max }. Gardez seulement les colonnes utiles (supprimez les autres dans un tableur), ou vérifiez que la première ligne est bien l'en-tête.
import-unpacked = Le fichier « { $file } » a été extrait du fichier compressé « { $archive } ».
error-import-archive_several_files = Le fichier compressé contient plusieurs fichiers ({ $names }) : décompressez-le (clic droit, « Extraire tout ») puis importez le fichier voulu.
error-import-archive_too_large = Le fichier compressé « { $name } » dépasserait { $max } Mo une fois décompressé, ou se décompresse de façon anormale (fichier piégé ?) : il n'est pas lu. Décompressez-le sur l'ordinateur pour vérifier son contenu.
