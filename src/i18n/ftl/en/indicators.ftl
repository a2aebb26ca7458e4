# Inequality indicators (analysis::indicators): why one could not be computed, and how to
# read each figure. Numbers arrive formatted; `$n` is for plurals only.

error-indicator-unknown_kind = Unknown indicator “{ $kind }”. Choose among: { $kinds }.
error-indicator-missing_argument = The “{ $kind }” indicator needs { $arg ->
        [value] the value column
        [group] the group column
        [num] the focus group (numerator, e.g. F)
        [den] the comparison group or the denominator column
       *[other] { $arg }
    }.
error-indicator-no_values = Column “{ $column }” has no usable number ({ $missing } empty cell(s), { $not_numeric } cell(s) that are not numbers). Choose a numeric column.
error-indicator-negative_value = Column “{ $column }” has a negative value ({ $value }). Gini, the Lorenz curve, Palma and S80/S20 measure how a positive quantity (income, spending, population) is shared: remove or fix negative values.
error-indicator-negative_weight = Weight column “{ $column }” has a negative value ({ $value }). A weight is a number of people: it cannot be negative.
error-indicator-all_zero = Every value of “{ $column }” is zero: there is nothing to share, the indicator cannot be computed.
error-indicator-division_by_zero = Cannot compute: { $reason }.
error-indicator-group_not_found = Group “{ $value }” is not in column “{ $column }”. Values found: { $values }.
error-indicator-invalid_per = “per” must be a positive number (1, 100, 1000, 100000…), not { $per }.

# Which figure is zero, in error-indicator-division_by_zero.
indicator-zero-poorest = the poorest { $percent }% hold nothing, cannot divide by zero
indicator-zero-mean = the mean is zero, cannot divide by zero
indicator-zero-smallest = the smallest value is { $value }; max/min needs values that are all positive
indicator-zero-column-sum = the sum of “{ $column }” is zero, cannot divide by zero
indicator-zero-group = the value of group “{ $group }” is zero, cannot divide by zero

# The name of each indicator.
indicator-label-gini = Gini index
indicator-label-lorenz = Lorenz curve
indicator-label-palma = Palma ratio
indicator-label-s80s20 = S80/S20 ratio
indicator-label-cv = Coefficient of variation
indicator-label-max-min = Max/min ratio
indicator-label-share = Share
indicator-label-rate = Rate
indicator-label-per-capita = Per person
indicator-label-parity = Parity index
indicator-label-gpi = Adjusted parity index
indicator-label-gap = Gap

# The figure with its unit.
indicator-figure-percent = { $value }%
indicator-figure-per-mille = { $value } ‰
indicator-figure-per = { $value } per { $per }
indicator-figure-points = { $value } points

# How to read each figure. `indicator-weighted`, `indicator-compared` and
# `indicator-side` see the arguments of the message that names them.
indicator-weighted = { $weighted ->
        [yes] {" "}(weighted by population)
       *[no] {""}
    }
indicator-compared = { $of ->
        [groups] the group averages
       *[values] the values
    }
indicator-gini = A Gini index of { $gini }{ indicator-weighted }: 0 would be perfect equality (everyone has the same share), 1 the greatest inequality (one person has everything).
indicator-lorenz = The half with the least has { $bottom }% of the total{ indicator-weighted }; the further the curve bends away from the diagonal, the more unequal the sharing (Gini index: { $gini }).
indicator-palma = The 10% with the most have { $ratio } times what the 40% with the least have ({ $top }% against { $bottom }% of the total{ indicator-weighted }).
indicator-s80s20 = The 20% with the most have { $ratio } times what the 20% with the least have ({ $top }% against { $bottom }% of the total{ indicator-weighted }).
indicator-cv = A coefficient of variation of { $cv }: the standard deviation is { $percent }% of the average; it would be 0 if { indicator-compared } were all equal, and the larger it is, the more spread out they are.
indicator-max-min = The largest value is { $ratio } times the smallest; 1 would mean that { indicator-compared } are all equal.
indicator-share = Group “{ $group }” makes up { $percent }% of { $of ->
        [column] the total of “{ $column }”
       *[rows] the rows
    }; { $n ->
        [one] { $groups } group
       *[other] { $groups } groups
    } in all{ $largest ->
        [yes] {" "}(it is the largest)
       *[no] {""}
    }.
indicator-rate-shown-per-one = { $rate } “{ $value }” per “{ $den }”
indicator-rate-shown = { $rate } “{ $value }” per { $per } “{ $den }”
indicator-rate = { $shown }: the sum of “{ $value }” ({ $value_sum }) divided by the sum of “{ $den }” ({ $den_sum }), multiplied by { $per }.
indicator-gap = “{ $a }” is at { $a_value } and “{ $b }” at { $b_value }: the gap is { $gap } percentage points ({ $side ->
        [below] “{ $a }” is below
        [above] “{ $a }” is above
       *[none] no gap
    }).
indicator-side = { $side ->
        [below] to the disadvantage of “{ $a }”
        [above] in favour of “{ $a }”
       *[parity] that is parity
    }
indicator-parity = “{ $a }” ({ $a_value }) divided by “{ $b }” ({ $b_value }): { $index }; 1 would be parity, { indicator-side }.
indicator-gpi = Adjusted index (UNESCO) of { $index }, between 0 and 2 and balanced around 1: { indicator-side }; between 0.97 and 1.03 it counts as parity.
