### The desktop interface's sentences (ui/js/): see the French file.

ui-who-title = Who is working on this computer?
ui-who-intro = Pick your profile to resume where you were, or create one. Each profile keeps its own answers.
ui-no-profile = No profile yet: create yours below.
ui-new-profile = New profile
ui-your-name = Your first name or nickname
ui-create = Create my profile
ui-resume-at = Resume
ui-start = Start
ui-change-profile = Change profile
ui-packs-title = Lesson packs
ui-builtin = built-in
ui-install-title = Add a lesson pack
ui-install-intro = Did your facilitator give you a .datajam file (on a USB stick, say)? Install it here; it is checked entirely first.
ui-install-button = Install a pack…
ui-install-running = Checking the pack…
ui-install-done = Pack “{ $id }” { $version } installed.
ui-install-already = Pack “{ $id }” { $version } was already installed.
ui-install-orphaned = { $count } step(s) of the old version no longer exist: answers already given are kept but no longer shown.
ui-pack-warnings = { $count } installed pack(s) left out
ui-steps-done = { $n ->
    [one] { $done } / { $total } step done
   *[other] { $done } / { $total } steps done
}
ui-import-title = Your data
ui-import-intro = Import a spreadsheet (Excel, LibreOffice) or a CSV file to explore it.
ui-import-button = Import a file…
ui-import-done = Table "{ $table }" imported: { $nrows ->
    [one] { $rows } row
   *[other] { $rows } rows
}, { $ncolumns ->
    [one] { $columns } column
   *[other] { $columns } columns
}.
ui-step-of = Step { $index } of { $total }
ui-prev = ← Previous
ui-next = Next →
ui-finish = Finish the lesson
ui-mark-read = Read, continue →
ui-seen-chart = Seen the chart, continue →
ui-answer = Check my answer
ui-your-answer = Your answer
ui-hint = Ask for a hint
ui-hint-n = Hint { $index }/{ $total }
ui-no-hint = No hint for this question.
ui-attempts = { $n ->
    [one] { $count } attempt
   *[other] { $count } attempts
}
ui-save-record = Save
ui-records-title = Your records ({ $count })
ui-no-records = No record yet.
ui-required = required
ui-choose = — Choose —
ui-status-done = done
ui-status-started = started
ui-status-todo = to do
ui-lesson-status-done = Finished
ui-lesson-status-in-progress = In progress
ui-lesson-required = { $n ->
    [one] { $required } step of { $total } is enough
   *[other] { $required } steps of { $total } are enough
}
ui-latitude = Latitude
ui-longitude = Longitude
ui-kind-read = Reading
ui-kind-question = Question
ui-kind-collect = Collect
ui-kind-chart = Chart
ui-data-table = Table "{ $name }" ({ $nrows ->
    [one] { $rows } row
   *[other] { $rows } rows
})
ui-data-table-filter = Search the table
ui-data-table-shown = The first { $shown } of { $total } rows are shown: type a word (a country, a year…) to find the others.
ui-data-table-none = No row contains "{ $text }".
ui-home = Home
ui-crumbs = Breadcrumbs
ui-steps = Steps
ui-program = On the programme
ui-kind-reflection = Reflection
ui-your-reflection = Your reflection
ui-save-reflection = Save my reflection
ui-chars = { $n ->
    [one] { $count } character
   *[other] { $count } characters
}
ui-chars-min = { $n ->
    [one] { $count } character
   *[other] { $count } characters
} (at least { $min })
ui-reveal = Show the solution
ui-reveal-confirm = Show the solution now? You can still answer afterwards.
ui-reveal-yes = Yes, show the solution
ui-reveal-no = No, I am still looking
ui-solution = Solution:
ui-skip = Skip this step
ui-status-skipped = skipped
ui-data-title = Your data
ui-yes = yes
ui-no = no
ui-open-data = Open my data
ui-fmt-text = Text file (CSV)
ui-fmt-workbook = { $format } workbook
ui-encoding = encoding { $encoding }
ui-delimiter = separator "{ $delimiter }"
ui-tab = tab
ui-sheet-name = sheet "{ $sheet }"
ui-header-at = headers on row { $row }
ui-no-header = no header row
ui-hxl-at = HXL hashtags on row { $row }
ui-hxl-tags = HXL hashtags (what the columns hold)
ui-sheet = Sheet
ui-header-row = Header row
ui-refresh = Refresh the preview
ui-table-name = Table name
ui-table-name-auto = automatic
ui-preview-of = Preview of "{ $file }"
ui-import-confirm = Import
ui-cancel = Cancel
ui-importing = Importing…
ui-progress-reading = Reading… { $nrows ->
    [one] { $rows } row
   *[other] { $rows } rows
}
ui-progress-inferring = Looking at the columns… { $nrows ->
    [one] { $rows } row
   *[other] { $rows } rows
}
ui-progress-writing = Saving… { $nrows ->
    [one] { $rows } row
   *[other] { $rows } rows
}
ui-warnings = { $n ->
    [one] { $count } note about the data
   *[other] { $count } notes about the data
}
ui-type-integer = Whole number
ui-type-number = Decimal number
ui-type-boolean = Yes / no
ui-type-date = Date
ui-type-datetime = Date and time
ui-type-text = Text
ui-no-tables = No table imported yet.
ui-table = Table
ui-source = Source file
ui-rows = Rows
ui-columns = Columns
ui-view = View
ui-csv-fr = CSV (French Excel)
ui-csv-fr-help = Semicolon separator and decimal comma
ui-export-done = { $nrows ->
    [one] { $rows } row exported
   *[other] { $rows } rows exported
} to { $path }
ui-an-title = Analyse
ui-an-table-summary = { $nrows ->
    [one] { $rows } row
   *[other] { $rows } rows
}, { $ncolumns ->
    [one] { $columns } column
   *[other] { $columns } columns
} — source: { $source }
ui-an-tab-grid = Table
ui-an-tab-pipeline = Transform
ui-an-tab-chart = Chart
ui-an-tab-indicator = Indicators
ui-an-tab-sql = SQL
ui-an-grid-intro = Click a column title to sort (again: descending). Empty cells always come last.
ui-an-rows-of = Rows { $first } to { $last } of { $total } ({ $ms } ms)
ui-an-no-rows = No rows.
ui-an-sort-by = Sort by “{ $column }”
ui-an-prev-page = ← Previous page
ui-an-next-page = Next page →
ui-an-pipeline-intro = Build your table step by step: filter rows, compute a column, group, sort, keep the first rows, make a wide table, join another table. The original table is never changed.
ui-an-add-step = Add:
ui-an-op-filter = Filter
ui-an-op-derive = Compute
ui-an-op-group = Group
ui-an-op-sort = Sort
ui-an-op-limit = Keep
ui-an-op-pivot = Wide table
ui-an-op-join = Join
ui-an-op-help-filter = Keep the rows meeting conditions
ui-an-op-help-derive = Compute a new column
ui-an-op-help-group = One row per group, with totals, means…
ui-an-op-help-sort = Sort the rows
ui-an-op-help-limit = Keep the first rows
ui-an-op-help-pivot = Turn the values of a column into columns (girls and boys side by side, for instance)
ui-an-op-help-join = Add the columns of another table where a key column matches
ui-an-remove-step = Remove this step
ui-an-gone = { $column } (missing at this step)
ui-an-column = Column
ui-an-comparison = Comparison
ui-an-where = where
ui-an-and = and
ui-an-or = or
ui-an-match = Keep the rows meeting
ui-an-match-all = every condition (and)
ui-an-match-any = at least one condition (or)
ui-an-add-condition = + a condition
ui-an-remove-condition = Remove condition { $index }
ui-an-operand-a = a: column or number
ui-an-operand-b = b: column or number
ui-an-constant-value = Number
ui-an-calculation = Calculation
ui-an-decimals = decimals
ui-an-group-by = by
ui-an-all-rows = rows
ui-an-result-name = Name of the result column
ui-an-auto-name = automatic name
ui-an-remove-agg = Remove calculation { $index }
ui-an-sort-by-word = by
ui-an-then-by = then by
ui-an-add-sort-key = + then by another column
ui-an-remove-key = Remove sort column { $index }
ui-an-rows-count = Number of rows
ui-an-pivot-intro = the values of a column become columns
ui-an-pivot-index = One row per
ui-an-pivot-columns = One column per value of
ui-an-pivot-agg = Holding
ui-an-pivot-values = of the column
ui-an-join-table = The table
ui-an-join-left = Where the column (this table)
ui-an-join-right = matches (the other table)
ui-an-join-how = Rows
ui-an-join-how-left = keep every row
ui-an-join-how-inner = only the rows that match
ui-an-new-columns = Columns added: { $columns }
ui-an-no-new-columns = No column added.
ui-an-run = Run
ui-an-result-rows = { $rows } row(s) in the result.
ui-an-show-sql = Show the SQL query
ui-an-new-table-name = name of the new table
ui-an-save-table = Save as a new table
ui-an-saved = Table “{ $name }” saved ({ $nrows ->
    [one] { $rows } row
   *[other] { $rows } rows
}).
ui-an-cmp-eq = equals
ui-an-cmp-ne = differs from
ui-an-cmp-lt = is less than
ui-an-cmp-le = is at most
ui-an-cmp-gt = is more than
ui-an-cmp-ge = is at least
ui-an-cmp-contains = contains
ui-an-cmp-in = is in the list
ui-an-cmp-is-missing = is empty
ui-an-cmp-not-missing = is not empty
ui-an-in-placeholder = values separated by ;
ui-an-value = value
ui-an-new-column = new column
ui-an-constant = (a number)
ui-an-fn-add = a + b
ui-an-fn-sub = a − b
ui-an-fn-mul = a × b
ui-an-fn-div = a ÷ b
ui-an-fn-percentage = a as % of b
ui-an-fn-per-1000 = a per 1,000 b
ui-an-fn-round = round a
ui-an-fn-year = year of a
ui-an-agg-count = number of rows
ui-an-agg-sum = sum
ui-an-agg-mean = mean
ui-an-agg-median = median
ui-an-agg-min = minimum
ui-an-agg-max = maximum
ui-an-agg-share = share of total (%)
ui-an-agg-count-of = number of
ui-an-agg-count-values = number of values
ui-an-add-agg = + another calculation
ui-an-desc = largest first
ui-an-rows-word = first rows
ui-an-kind-bar = Vertical bars
ui-an-kind-hbar = Horizontal bars
ui-an-kind-grouped = Grouped bars
ui-an-kind-stacked = Stacked bars
ui-an-kind-line = Line
ui-an-kind-scatter = Scatter plot
ui-an-kind-histogram = Histogram
ui-an-kind-lorenz = Lorenz curve
ui-an-kind-map = Map of provinces
ui-an-q-compare = Compare groups
ui-an-q-trend = See a trend
ui-an-q-relationship = See a relationship
ui-an-q-distribution = See a distribution
ui-an-q-geography = See where
ui-an-q-inequality = Measure an inequality
ui-an-question = Your question
ui-an-kind = Chart kind
ui-an-x = Categories / horizontal axis
ui-an-y = Value
ui-an-agg = Calculation
ui-an-group = Groups
ui-an-none = (none)
ui-an-chart-title = Title
ui-an-chart-source = Source
ui-an-sort-bars = Sort the bars
ui-an-chart-weight = Weight
ui-an-draw = Draw
ui-an-export = Save the chart:
ui-an-chart-saved = Chart saved: { $path }
ui-an-ind-gini = Gini index
ui-an-ind-lorenz = Lorenz curve (points)
ui-an-ind-palma = Palma ratio
ui-an-ind-s80s20 = Top 20% / bottom 20% ratio
ui-an-ind-cv = Coefficient of variation
ui-an-ind-max-min = Max / min ratio
ui-an-ind-share = Share of total
ui-an-ind-rate = Rate per 1,000
ui-an-ind-parity = Parity index
ui-an-ind-gpi = Adjusted parity index (UNESCO)
ui-an-ind-gap = Gap in percentage points
ui-an-indicator-intro = One figure to sum up an inequality. Choose the indicator and the value column; for a parity, the disadvantaged group (numerator) and the comparison group.
ui-an-indicator = Indicator
ui-an-value-col = Values
ui-an-weight = Weight (population)
ui-an-num = Numerator (e.g. girls)
ui-an-den = Denominator (e.g. boys)
ui-an-num-placeholder = group value
ui-an-den-placeholder = group value
ui-an-compute = Compute
ui-an-skipped = { $rows } row(s) without a numeric value were left out.
ui-an-lorenz-title = Lorenz curve: { $column }
ui-an-prov-title = Province names
ui-an-prov-intro = Files spell provinces in many ways (“N’Djaména”, “Ville de Ndjamena”…). Add an iso_3166_2 column with each province’s official code, to join tables or draw the map.
ui-an-prov-column = Province column
ui-an-prov-button = Add the ISO code
ui-an-prov-matched = { $rows } row(s) recognised.
ui-an-prov-unmatched = { $count } value(s) not recognised: fix them in the file or tell your facilitator.
ui-an-prov-value = “{ $value }” ({ $rows } row(s))
ui-an-sql-intro = To go further: write a SELECT query. The console is read-only: it cannot change anything.
ui-kind-data = Table to build
ui-kind-chart-task = Chart to draw
ui-kind-import = File to import
ui-import-step-file = File "{ $file }" ({ $size }), shipped with the lesson; it will become the table "{ $table }".
ui-import-step-button = Import this table
ui-import-step-again = Import again
ui-import-step-copy = Save a copy of the file…
ui-import-copy-saved = Copy saved: { $path }. You can also import it from "Your data".
ui-import-step-done = The table "{ $name }" is ready: { $nrows ->
    [one] { $rows } row
   *[other] { $rows } rows
}, { $ncolumns ->
    [one] { $columns } column
   *[other] { $columns } columns
}.
ui-import-step-taken = A table "{ $name }" already exists and does not come from this step: it will not be replaced. The next steps will use that table.
ui-open-in-analyse = Open in Analyse
ui-task-dataset = You start from the table "{ $name }".
ui-task-dataset-missing = The table "{ $name }" does not exist yet: do (or skip) the step that creates it first.
ui-task-ordered = The order of the rows counts.
ui-task-result-saved = Your table is saved as "{ $name }".
ui-task-check = Check
ui-task-your-result = Your result
ui-task-solution-steps = Steps of the solution:
ui-analyse = Analyse
ui-guide-open = Facilitator's guide
ui-date-placeholder = DD/MM/YYYY
ui-guide-contents = Contents
ui-guide-back = ← Back to the lessons
ui-pack-data = The data of this pack ({ $count })
ui-data-about = About this data
ui-data-rows = { $nrows ->
    [one] { $rows } row
   *[other] { $rows } rows
}
ui-data-sources = Sources
ui-data-licences = Licences
ui-data-from = Built from the dataset "{ $name }".
ui-data-table-name = Table name: { $name }
ui-link-offline = External link (open it later, with Internet): { $href }


# The trainee's hand-in (home screen)
ui-handin-title = Hand in my work
ui-handin-intro = Save your progress to a file (on a USB stick, for instance) and give it to the facilitator.
ui-handin-button = Export my progress
ui-handin-done = { $count } event(s) saved to { $file }.
# The facilitator's desk
ui-facilitator-open = Facilitator's desk
ui-facilitator-title = Facilitator's desk
ui-facilitator-intro = Add the trainees' progress files (from a USB stick, for instance): the class is kept on this computer, and each addition updates it.
ui-class-add-files = Add files…
ui-class-add-folder = Add a folder…
ui-class-clear = Empty the class
ui-class-clear-confirm = Emptying the class removes the added files from this computer (the files on the USB sticks do not change). Confirm?
ui-class-added = { $added } file(s) added, { $already } already in the class.
ui-class-bad = { $count } file(s) refused, nothing of them was kept:
ui-class-bad-file = { $file }: { $reason }
ui-class-empty = No progress file in the class yet.
ui-class-summary = { $trainees } trainee(s), { $files } file(s), { $events } event(s).
ui-class-trainees = Trainees and lessons
ui-class-trainee = Trainee
ui-class-cell = { $done } / { $steps }
ui-class-also-named = also named: { $names }
ui-class-stuck-title = Who is stuck?
ui-class-stuck-none = Nobody is stuck.
ui-class-stuck-line = { $trainee } — { $lesson } › { $step }
ui-class-wrong-answers = Their wrong answers: { $answers }
ui-class-steps-title = Step by step
ui-class-step = Step
ui-class-succeeded = Succeeded
ui-class-attempts-mean = Attempts (mean)
ui-class-hints-mean = Hints (mean)
ui-class-common-wrong = Most common wrong answers
ui-class-wrong-count = { $answer } ({ $count })
ui-class-success-of = { $done } of { $trainees }
ui-class-reflections-title = Trainees' reflections
ui-class-conflicts-title = Conflicts to check
ui-class-event-conflict = Event { $id } of { $trainee } ({ $lesson } › { $step }) has { $versions } different contents depending on the file: { $files }. A file was edited or copied; the view counts the first content.
ui-class-name-conflict = The same profile has several names: { $names }. The view calls it "{ $kept }".

ui-class-export = Export the class:

# The facilitator's packs (screens/packdesk.js)
ui-pack-desk-open = Lesson packs…
ui-pack-desk-title = Lesson packs
ui-pack-desk-intro = Check a pack you wrote, make its .datajam file for the USB stick, install a pack and see the installed ones.
ui-pack-check-title = Check a pack folder
ui-pack-check-intro = Choose the folder that holds pack.toml: every lesson, exercise and dataset is checked, as with “datajam pack check”.
ui-pack-check-button = Choose a folder and check it…
ui-pack-checked-folder = Folder checked: { $path }
ui-pack-valid = The pack “{ $id }” { $version } is valid: { $lessons } lesson(s), { $steps } step(s), { $datasets } dataset(s).
ui-pack-invalid = { $n ->
    [one] One problem to fix:
   *[other] { $count } problems to fix:
}
ui-pack-check-warnings = Warnings (the pack is still valid):
ui-pack-build-button = Make the .datajam file…
ui-pack-built = Pack file written: { $path } ({ $size }, { $files } files, SHA-256 { $sha }…).
ui-pack-desk-installed = Installed packs
ui-pack-id = Identifier
ui-pack-authors = Authors
ui-pack-no-authors = not given
ui-pack-licence = Licence
ui-pack-lessons = Lessons
ui-pack-no-datasets = This pack has no dataset.
ui-pack-desk-install-intro = Install a .datajam file on this computer (the one you just made, or another on a USB stick): it is checked entirely first; a refused pack installs nothing.

# PINs (widgets/pin.js)
ui-pin-label = PIN
ui-pin-current = Current PIN
ui-pin-new = New PIN
ui-pin-title = My PIN
ui-pin-intro = Optional: a code of 4 to 8 digits, asked when someone picks your profile on this computer.
ui-pin-intro-set = Your profile is protected by a PIN. To change or remove it, first type the current one.
ui-pin-set = Set the PIN
ui-pin-change = Change the PIN
ui-pin-remove = Remove the PIN
ui-pin-saved = PIN saved.
ui-pin-removed = PIN removed.
ui-pin-ask = { $name }'s PIN
ui-pin-open = Open
ui-pin-locked = Protected by a PIN
ui-desk-pin-ask = Facilitator's PIN
ui-desk-pin-title = Protect the facilitator's desk
ui-desk-pin-intro = Optional: choose a PIN (4 to 8 digits). It will be asked to open the facilitator's desk and to reset a trainee's PIN.
ui-desk-pin-saved = Facilitator's PIN saved: it will be asked next time.
ui-pin-trainees-title = Trainees' PINs
ui-pin-trainees-none = No profile has a PIN.
ui-pin-reset = Reset
ui-pin-reset-done = { $name }'s PIN is removed: the profile opens without a PIN, and a new one can be chosen.

# Room setup (screens/packdesk.js)
ui-room-title = Prepare the room's USB stick
ui-room-intro = Choose a USB stick: a folder “datajam-atelier” is written on it with the packs installed here, the app's installers when they are present, and a “LISEZ-MOI” for the trainees.
ui-room-button = Choose the stick and write it…
ui-room-done = Folder written: { $folder } ({ $n ->
    [0] no pack besides the built-in lessons
    [one] one pack
   *[other] { $count } packs
}).
ui-room-installers = Installers copied: { $count } file(s).
ui-room-no-installers = The installers are not on the stick: the folder “{ $folder }” was not found. The LISEZ-MOI tells the trainees to ask you for them.
ui-notebook-title = My notebook
ui-notebook-card = Read your reflections, answers and charts again, and take them away in a page to keep or print.
ui-notebook-open = Open my notebook
ui-notebook-intro = { $n ->
        [0] Your notebook is still empty.
        [one] { $count } trace of your work, lesson by lesson.
       *[other] { $count } traces of your work, lesson by lesson.
    }
ui-notebook-empty = Your reflections, answers and charts will come here as you go through the lessons.
ui-notebook-export = Export my notebook
ui-notebook-exported = Notebook saved in { $file }. Open it with a web browser to read or print it.
ui-notebook-reflection = My reflection
ui-notebook-answers = My answers
ui-notebook-chart = My chart
ui-notebook-right = ✓ right
ui-notebook-wrong = ✗ to review
ui-notebook-lesson-done = (lesson done)
ui-notebook-lesson-open = (lesson in progress)
ui-review-note = Lesson done: you are reading your work again. Your answers are shown as you gave them.
ui-settings-title = Settings
ui-settings-intro = The settings of { $name }: they come back each time this profile is picked.
ui-settings-lang = Language
ui-settings-lang-fr = Français (French)
ui-settings-lang-en = English
ui-settings-size = Text size
ui-settings-size-normal = Normal
ui-settings-size-large = Large
ui-settings-size-larger = Larger
ui-settings-contrast = High contrast (black text on white, strong borders)
ui-settings-save = Save the settings
ui-settings-saved = Settings saved.

ui-notebook-table = My table, step by step
ui-notebook-records = My records
ui-settings-lang-ar = العربية (Arabic)

# The app's version, at the foot of the welcome screen.
ui-app-version = DataJam Atelier, version { $version }
