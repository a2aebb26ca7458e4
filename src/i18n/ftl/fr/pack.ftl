# Lesson packs (src/pack/): opening, reading and installing packs and pack files.

## A pack that cannot be opened.
pack-invalid = Ce paquet de leçons contient { $count } erreur(s) et ne peut pas être ouvert :
pack-unreadable = Impossible de lire le paquet « { $path } » : { $reason }. Vérifiez la clé USB et recopiez le paquet.

## A pack file refused ($entry: the path of the file inside the pack file).
pack-refused = Ce fichier de paquet est refusé et rien n'a été installé. Demandez à l'animateur un fichier reconstruit avec « datajam pack build ».
pack-file-unreadable = Impossible de lire le fichier de paquet « { $path } » : { $reason }. Vérifiez la clé USB et recopiez le fichier.
pack-unsafe-path = Chemin dangereux dans le fichier de paquet : « { $entry } ». { pack-refused }
pack-link = Lien ou fichier spécial dans le fichier de paquet : « { $entry } ». { pack-refused }
pack-duplicate-entry = Le fichier de paquet contient deux fois « { $entry } ». { pack-refused }
pack-too-many-files = Le fichier de paquet contient plus de { $max } fichiers. { pack-refused }
pack-too-large = Le fichier de paquet est trop gros (« { $entry } ») : au plus { $file_mb } Mo par fichier et { $total_mb } Mo en tout. { pack-refused }
pack-zip-bomb = Compression suspecte dans le fichier de paquet (« { $entry } ») : il pourrait saturer l'ordinateur. { pack-refused }
pack-hashes-invalid = La liste des empreintes ({ $file }) manque ou est illisible : { $reason }. { pack-refused }
pack-hash-mismatch = « { $entry } » ne correspond pas à son empreinte : le fichier est abîmé ou a été modifié. Recopiez-le depuis une autre clé USB.
pack-not-hashed = « { $entry } » n'est pas dans la liste des empreintes. { pack-refused }
pack-file-missing = « { $entry } » est dans la liste des empreintes mais absent du fichier. { pack-refused }
pack-bad-version = La version « { $version } » ne peut servir de nom de fichier : utilisez des chiffres, des lettres, « . », « - », « + » ou « _ » (64 au plus).
pack-reserved-id = Le paquet « { $id } » porte l'identifiant du paquet intégré à l'application : changez son `id` dans pack.toml.
pack-downgrade = La version { $installed } de ce paquet, plus récente que { $version }, est déjà installée : rien n'a été changé.
pack-write-failed = Impossible d'écrire « { $path } » : { $reason }. Rien n'a été installé à moitié ; vérifiez l'espace disque et réessayez.

## Installed packs a workshop leaves out.
pack-builtin-id-ignored = { $path } : ce paquet porte l'identifiant du paquet intégré ; il est ignoré.
pack-several-versions = Plusieurs versions du paquet « { $id } » sont installées ; seule la plus récente est utilisée.
pack-dataset-name-taken = Le paquet « { $id } » n'est pas chargé : son jeu de données « { $dataset } » porte le nom d'un jeu d'un autre paquet.

## The facilitator's guide.
pack-guide-default-title = Guide de l'animateur
