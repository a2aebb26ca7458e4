# The engine's fixed sentences: feedback on answers, hints, records, form fields.

correct = Bonne réponse !
wrong = Ce n'est pas la bonne réponse. Relisez la question, essayez encore ou demandez un indice.
no_more_hints = Il n'y a plus d'indice pour cette étape.
record_saved = Enregistrement sauvegardé.
answer_empty = Saisissez une réponse.
answer_not_number = Saisissez un nombre, par exemple 1 234,5.
answer_not_choice = Choisissez une des propositions.
field_required = Ce champ est obligatoire.
field_not_integer = Saisissez un nombre entier, par exemple 42.
field_not_decimal = Saisissez un nombre, par exemple 12,5.
field_not_choice = Choisissez une des valeurs proposées.
field_too_long = Ce texte est trop long.
field_pattern = Le format n'est pas celui attendu.
field_unknown = Champ inconnu.
field_not_date = Saisissez une date, par exemple 15/03/2025.
field_not_province = Choisissez une province de la liste.
field_not_location = Saisissez la latitude et la longitude en degrés décimaux, par exemple 12,11 et 15,05.
field_location_range = La latitude va de -90 à 90 et la longitude de -180 à 180.
field_location_chad = Ce point n'est pas au Tchad : la latitude doit être entre 7,4 et 23,5 et la longitude entre 13,4 et 24,1.
field_location_swapped = Ce point n'est pas au Tchad : la latitude et la longitude semblent inversées.

# Progress through a lesson.
steps-done = { $n ->
    [one] { $count } étape faite
   *[other] { $count } étapes faites
}
