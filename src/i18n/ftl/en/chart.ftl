# Charts (chart): why one could not be drawn, the notes under it, and the words it draws.
# Numbers arrive formatted; `$n` is for plurals only.

error-chart-empty = Nothing to draw: no row has a usable value for this chart.
error-chart-not_finite = The value of “{ $label }” is not a finite number: fix it or remove the row.
error-chart-draw = The chart could not be drawn: { $detail }.
error-chart-png = The PNG image could not be created: { $detail }.
error-chart-unknown_kind = Unknown chart kind “{ $kind }”. Possible kinds: { $kinds }.
error-chart-unknown_agg = Unknown calculation “{ $agg }”. Possible: sum, mean, count, median, min, max.
error-chart-unknown_column = Column “{ $column }” is not in this table.
error-chart-not_numeric = Column “{ $column }” holds no numbers: this chart needs a numeric column.
error-chart-missing_field = A “{ $kind }” chart needs a column for “{ $field }”.
error-chart-no_province = No value of column “{ $column }” names a province of Chad (name or ISO code such as TD-LC).
error-chart-bad_extension = The file name must end in .svg or .png: “{ $path }”.

# Notes under a chart: rows left out.
chart-note-no-number = { $n ->
        [one] { $count } row with no number in “{ $column }” (empty cell or text) was left out.
       *[other] { $count } rows with no number in “{ $column }” (empty cell or text) were left out.
    }
chart-note-no-number-pair = { $n ->
        [one] { $count } row with no number in “{ $x }” or “{ $y }” was left out.
       *[other] { $count } rows with no number in “{ $x }” or “{ $y }” were left out.
    }
chart-note-no-category = { $n ->
        [one] { $count } row with no value in “{ $column }” was left out.
       *[other] { $count } rows with no value in “{ $column }” were left out.
    }
chart-note-negative = { $n ->
        [one] { $count } row with a negative value (or a zero weight) was left out
       *[other] { $count } rows with a negative value (or a zero weight) were left out
    }: the Lorenz curve only applies to positive values.
chart-note-unknown-provinces = { $n ->
        [one] { $count } row whose province was not recognised was left out
       *[other] { $count } rows whose province was not recognised were left out
    }: { $names }. Write the full name (for example “Ennedi-Est”) or the ISO code (TD-EE).
chart-note-no-coordinates = { $n ->
        [one] { $count } row with no latitude or longitude has no point.
       *[other] { $count } rows with no latitude or longitude have no point.
    }
chart-note-outside-chad = { $n ->
        [one] { $count } row outside Chad (latitude and longitude swapped?) has no point.
       *[other] { $count } rows outside Chad (latitude and longitude swapped?) have no point.
    }

# Notes under a chart: what was capped, and how to read it.
chart-note-categories-cap = Only the first { $shown } categories are shown (out of { $total }).
chart-note-series-cap = Only the { $shown } largest groups are shown (out of { $total }): beyond that, the colours can no longer be told apart.
chart-note-no-group = Without a group column, each category has only one bar: choose a group to compare.
chart-note-gini = Gini index: { $gini } (0 = perfect equality, 1 = everything for one).
chart-note-points-thinned = { $shown } points out of { $total } are drawn (about one in { $step }), so that the chart stays readable.
chart-note-groups-cap = Only the { $shown } largest groups have their own colour; the others are grey.
chart-note-labels-cap = Point labels are written for { $max } points at most.
chart-note-labels-hidden = { $n ->
        [one] { $count } point label was left out so that labels do not overlap (hover over the points to read them).
       *[other] { $count } point labels were left out so that labels do not overlap (hover over the points to read them).
    }
chart-note-points-cap = Only the first { $shown } points are drawn (out of { $total }).
chart-note-ennedi-merged = Ennedi-Est and Ennedi-Ouest have only one outline on this base map (Natural Earth): the “Ennedi” area shows the calculation on the rows of both provinces.
chart-note-ennedi-grey = Ennedi-Est and Ennedi-Ouest have only one outline on this base map (Natural Earth): the “Ennedi” area stays grey because only one of the two provinces has a value.

# What rows of a category are summarised with, on a value axis.
chart-agg-sum = Sum
chart-agg-mean = Average
chart-agg-count = Number of rows
chart-agg-median = Median
chart-agg-min = Minimum
chart-agg-max = Maximum
chart-agg-share = Share (%)
chart-agg-of = { $agg } of { $column }

# Default titles and axis titles.
chart-title-by = { $value } by { $x }
chart-title-by-group = { $value } by { $x } and { $group }
chart-title-histogram = Distribution of { $column }
chart-title-scatter = { $y } against { $x }
chart-title-lorenz = Lorenz curve of { $column }
chart-title-map = { $value } by province
chart-title-points = Points on the map of Chad
chart-source = Source: { $source }
chart-cumulative-share = Cumulative share of { $column }
chart-cumulative-rows = Cumulative share of rows

# Words drawn on a chart: legends, tooltips, bins.
chart-lorenz-curve = Lorenz curve
chart-lorenz-equality = Perfect equality
chart-gini = Gini index: { $gini }
# A share on an axis of percentages (a no-break space before % in French).
chart-percent = { $value }%
chart-tip = { $label }: { $value }
chart-tip-series = { $label }, { $series }: { $value }
chart-tip-point = { $x }; { $y }
chart-tip-named-point = { $name }: { $x }; { $y }
chart-bin = {"["}{ $from }, { $to }{ $last ->
        [yes] {"]"}
       *[no] {")"}
    }
chart-map-no-data = No data
chart-map-tip-no-data = { $name }: no data
chart-map-range = { $from } to { $to }
chart-map-points = { $n ->
        [one] { $count } point
       *[other] { $count } points
    }
chart-map-classes = Classes: each shade groups about the same number of areas. Ennedi-Est and Ennedi-Ouest form a single area (one outline in Natural Earth).
chart-map-ennedi = Ennedi (East and West)

# Chart advice: why a kind of chart answers the question.
chart-advice-compare-hbar = Horizontal bars compare the categories; long names stay readable and sorting shows the ranking.
chart-advice-compare-hbar-count = Horizontal bars compare the number of rows in each category.
chart-advice-compare-bar = Vertical bars suit a few categories with short names.
chart-advice-compare-grouped = Grouped bars compare two breakdowns at once (choose the group column).
chart-advice-compare-stacked = Stacked bars show the total of each category and what it is made of.
chart-advice-trend-line = A line shows the change over time; one colour per group compares the changes.
chart-advice-trend-bar = Bars per period suit a few periods (a few years).
chart-advice-trend-stacked = Stacked bars per period show how the total is made up over time.
chart-advice-relationship-scatter = A scatter plot shows whether two measures go up and down together (one row per point).
chart-advice-relationship-grouped = Grouped bars put two measures side by side for each category.
chart-advice-distribution-histogram = A histogram shows how the values are spread: where they gather, the extreme values.
chart-advice-distribution-hbar = Bars count the rows of each category: how a text column is spread.
chart-advice-geography-map = A map colours each province by its value: you see at a glance where it is high or low.
chart-advice-geography-hbar = Bars sorted by province give the exact values, easier to compare than colours.
chart-advice-inequality-lorenz = The Lorenz curve shows whether a small share of the rows holds most of the total (Gini index).
chart-advice-inequality-hbar = Sorted bars show the gap between the best and the worst served categories.
chart-advice-inequality-histogram = A histogram shows whether most values are low with a few very high ones.
