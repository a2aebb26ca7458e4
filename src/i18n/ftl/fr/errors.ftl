# Errors of the core: what a person reads, by the error's stable code (store, profiles, packs, lessons, tables).

error-store-database = Erreur de la base de données : { $reason }. Vos réponses déjà enregistrées ne sont pas perdues ; relancez l'application.
error-store-io = Erreur de lecture ou d'écriture : { $reason }.
error-store-data_dir = Impossible d'utiliser le dossier de données « { $path } » : { $reason }. Vérifiez qu'il existe et que vous pouvez y écrire (variable DATAJAM_DATA_DIR).
error-store-schema_too_new = Ces données ont été créées par une version plus récente de DataJam Atelier. Installez la dernière version pour les ouvrir.
error-profile-not_found = Ce profil n'existe pas (ou plus). Choisissez un autre profil ou créez-en un.
error-profile-name_invalid = Le nom du profil doit contenir entre 1 et 60 caractères.
error-profile-exists = Un profil « { $name } » existe déjà sur cet ordinateur. Choisissez-le dans la liste ou prenez un autre nom.
error-pack-not_found = Le paquet de leçons « { $id } » est introuvable.
error-pack-no_guide = Le paquet « { $id } » n'a pas de guide de l'animateur.
error-lesson-not_found = La leçon « { $id } » est introuvable dans ce paquet.
error-step-not_found = L'étape « { $id } » est introuvable dans cette leçon.
error-step-wrong_kind = L'étape « { $id } » n'attend pas ce type de réponse.
error-table-not_found = Le tableau « { $id } » n'existe pas. La commande `datajam tables` liste les tableaux.
error-table-column_not_found = La colonne « { $id } » n'existe pas dans ce tableau.
