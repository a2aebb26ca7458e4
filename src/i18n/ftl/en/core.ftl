# The engine's fixed sentences: feedback on answers, hints, records, form fields.

correct = Correct!
wrong = That is not the right answer. Read the question again, try again or ask for a hint.
no_more_hints = There are no more hints for this step.
record_saved = Record saved.
answer_empty = Enter an answer.
answer_not_number = Enter a number, for example 1,234.5.
answer_not_choice = Pick one of the options.
field_required = This field is required.
field_not_integer = Enter a whole number, for example 42.
field_not_decimal = Enter a number, for example 12.5.
field_not_choice = Pick one of the listed values.
field_too_long = This text is too long.
field_pattern = This is not in the expected format.
field_unknown = Unknown field.
field_not_date = Enter a date, for example 2025-03-15.
field_not_province = Pick a province from the list.
field_not_location = Enter the latitude and longitude in decimal degrees, for example 12.11 and 15.05.
field_location_range = Latitude goes from -90 to 90 and longitude from -180 to 180.
field_location_chad = This point is not in Chad: latitude must be between 7.4 and 23.5 and longitude between 13.4 and 24.1.
field_location_swapped = This point is not in Chad: latitude and longitude seem swapped.

# Progress through a lesson.
steps-done = { $n ->
    [one] { $count } step done
   *[other] { $count } steps done
}
