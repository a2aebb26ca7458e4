# Progress (src/progress/): progress files, their merge, answers files played.

## A progress file refused (after its name, in a list).
progress-unreadable = cannot be read ({ $reason })
progress-too-large = too large ({ $size } MB; at most { $limit } MB)
progress-invalid-json = is not valid JSON (line { $line }, column { $column })
progress-not-progress-file = is not a DataJam progress file
progress-too-new = comes from a newer DataJam Atelier (format { $version }, this one reads format { $supported }): update the app
progress-invalid-file = is damaged or was modified ({ $reason })

## Errors of merging and of answers files.
progress-invalid-files = Merge cancelled, nothing was written: { $count } file(s) refused. Remove or replace them, then try again.
progress-answers-line = Answers file, line { $line }: { $reason }. The lines before it are saved.
progress-nothing-to-merge = No progress file to merge.

## Why a line of an answers file cannot be used.
progress-answers-one-key = exactly one of "answer", "pipeline", "chart", "hint": true, "record", "complete": true, "import": true is expected
progress-answers-invalid-json = invalid JSON ({ $reason })
progress-answers-not-object = a JSON object is expected
progress-answers-field-missing = "{ $key }" is missing or not a text
progress-answers-record-not-text = "record" must be an object {"{"}field: text{"}"} (field "{ $field }")
