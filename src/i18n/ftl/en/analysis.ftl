# Analysis: pipelines, the SQL console, the data grid, indicators.

error-pipeline-invalid = The pipeline could not be read: { $detail }.
error-pipeline-invalid_step = Step { $step }: the step is incomplete or malformed ({ $detail }).
error-pipeline-unknown_op = Step { $step }: there is no operation “{ $op }” (filter, derive, group, sort, limit, pivot, join).
error-pipeline-unknown_column = Step { $step }: column “{ $column }” does not exist.
error-pipeline-unknown_table = Step { $step }: table “{ $table }” is not in the workspace.
error-pipeline-not_numeric = Step { $step }: column “{ $column }” does not hold numbers; this calculation needs a numeric column.
error-pipeline-bad_value = Step { $step }: “{ $value }” is not a valid { $expected } (column “{ $column }”).
error-pipeline-value_required = Step { $step }: give a value to compare column “{ $column }” with.
error-pipeline-empty_name = Step { $step }: give the new column a name.
error-pipeline-duplicate_column = Step { $step }: two columns are named “{ $column }”; choose another name.
error-pipeline-too_many_pivot_columns = Step { $step }: column “{ $column }” has more than { $max } distinct values; the wide table would have too many columns. Filter or group first.
error-pipeline-invalid_table_name = “{ $name }” cannot be a table name: use letters, digits and _, starting with a letter.
error-pipeline-table_exists = A table “{ $name }” already exists and was not saved from a pipeline: choose another name.
error-sql-forbidden = The SQL console only reads: { $what } is not allowed.
error-sql-invalid = The SQL query could not be run: { $detail }.
error-sql-multiple_statements = The SQL console runs one query at a time: remove what follows the first “;”.
error-sql-timeout = The query was stopped after { $seconds } seconds. Add a filter or a LIMIT.
error-grid-bad_cursor = This page of the table is no longer valid; go back to the first page.
