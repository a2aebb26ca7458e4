# Progress (src/progress/): progress files, their merge, answers files played.

## A progress file refused (after its name, in a list).
progress-unreadable = illisible ({ $reason })
progress-too-large = trop gros ({ $size } Mo ; au plus { $limit } Mo)
progress-invalid-json = n'est pas un fichier JSON valide (ligne { $line }, colonne { $column })
progress-not-progress-file = n'est pas un fichier de progression DataJam
progress-too-new = vient d'une version plus récente de DataJam Atelier (format { $version }, celle-ci lit le format { $supported }) : mettez l'application à jour
progress-invalid-file = est abîmé ou modifié ({ $reason })

## Errors of merging and of answers files.
progress-invalid-files = Fusion annulée, rien n'a été écrit : { $count } fichier(s) refusé(s). Retirez-les ou remplacez-les, puis recommencez.
progress-answers-line = Fichier de réponses, ligne { $line } : { $reason }. Les lignes précédentes sont enregistrées.
progress-nothing-to-merge = Aucun fichier de progression à fusionner.

## Why a line of an answers file cannot be used.
progress-answers-one-key = une seule clé parmi « answer », « pipeline », « chart », « hint »: true, « record », « complete »: true, « import »: true est attendue
progress-answers-invalid-json = JSON invalide ({ $reason })
progress-answers-not-object = un objet JSON est attendu
progress-answers-field-missing = « { $key } » manque ou n'est pas un texte
progress-answers-record-not-text = « record » doit être un objet {"{"}champ: texte{"}"} (champ « { $field } »)
