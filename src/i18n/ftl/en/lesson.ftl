# Lessons (src/lesson/): data and chart tasks, import steps, forms.

## Errors of data and chart tasks.
lesson-task-dataset-missing = The table "{ $table }" of this step does not exist yet: do (or skip) the step that creates it first.
lesson-task-reference-failed = The reference solution of step "{ $step }" fails ({ $detail }). Tell the pack's author.

## Errors of import steps.
lesson-import-step-table-taken = A table "{ $table }" already exists and does not come from this step: it is not replaced. The next steps will use that table; to import this step's file, give the other table another name.
lesson-import-step-file-missing = This step's file "{ $file }" is missing from the pack. Tell the pack's author.

## Why a result table is not the expected one ($n: the rows of the trainee's table, for the plural).
lesson-mismatch-row-count = Your table has { $got } row(s); the expected one has { $expected }. Check your filters and groupings.
lesson-mismatch-missing-column = A column is missing: the one the expected table calls “{ $column }”. Check your calculations (sum, mean, share…) and which column they use.
lesson-mismatch-values = The values of “{ $column }” do not line up row by row with the expected table. Check the columns you grouped by.
lesson-mismatch-order = The right rows, but not in the order asked for: did you sort, and in the right direction?

## Why a chart is not the one asked for.
lesson-chart-mismatch-kind = This kind of chart does not answer the question well: read it again (compare, trend, distribution, map?) and try another kind.
lesson-chart-mismatch-x = The chart does not use the right categories: which column should the axis (or the map) show?
lesson-chart-mismatch-y = The chart does not show the right measure: which column holds the values to compare?
lesson-chart-mismatch-agg = The right chart, but not the right calculation: should you add up, average or count?
lesson-chart-mismatch-group = The groups (colours) are not the expected ones: which column should split the bars or lines?
lesson-chart-mismatch-sort = The right chart, but the bars are not sorted: tick « Sort the bars » so that the ranking reads at a glance.
lesson-chart-mismatch-weight = The curve is not weighted as it should be: which column says how many people each row stands for?

## A solution's pipeline as a trainee reads it, one line per step.
lesson-cmp-contains = contains
lesson-cmp-in = among
lesson-cmp-is-missing = is missing
lesson-cmp-not-missing = is not missing
lesson-agg-count = count of rows
lesson-agg-sum = sum
lesson-agg-mean = mean
lesson-agg-median = median
lesson-agg-min = minimum
lesson-agg-max = maximum
lesson-agg-share = share (%)
lesson-derive-percentage = as % of
lesson-derive-per-1000 = per 1,000
lesson-derive-round = rounded to (decimals)
lesson-derive-year = year of
lesson-pipeline-and = and
lesson-pipeline-or = or
lesson-pipeline-filter = Filter: keep the rows where { $conditions }
lesson-pipeline-derive = Compute the column { $name } = { $expression }
lesson-pipeline-aggregate-of = { $agg } of { $column }
lesson-pipeline-summarise = Summarise the whole table: { $aggregates }
lesson-pipeline-group = Group by { $by }: { $aggregates }
lesson-pipeline-sort-desc = { $column }, largest first
lesson-pipeline-sort-asc = { $column }, smallest first
lesson-pipeline-then = then
lesson-pipeline-sort = Sort by { $keys }
lesson-pipeline-limit = Keep the first { $rows } rows
lesson-pipeline-pivot = Pivot: one row per { $index }, one column per value of { $columns }, { $agg } of { $values }
lesson-pipeline-join-left = keeping every row
lesson-pipeline-join-inner = keeping only the rows that match
lesson-pipeline-join = Join the table { $table } ({ $left } = { $right }), { $rows }

## A chart as a trainee reads it ($kind and $agg: the chart request's codes).
lesson-chart-kind = { $kind ->
    [bar] vertical bars
    [hbar] horizontal bars
   *[other] { $kind }
}
lesson-chart-categories = categories: { $x }
lesson-chart-values-count = values: count of rows
lesson-chart-values = values: { $agg } of { $y }
lesson-chart-groups = groups: { $group }
lesson-chart-weighted = weighted by { $weight }
lesson-chart-sorted = bars sorted

## A form's date outside its range.
lesson-form-date-between = The date must be between { $min } and { $max }.
lesson-form-date-after = The date must be { $min } or later.
lesson-form-date-before = The date must be { $max } or earlier.
