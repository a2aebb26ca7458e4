# The `datajam` command line: help, messages, warnings and summary lines.

## Help: the program, its options and placeholders.

cli-about = DataJam Atelier: import data, check lesson packs, follow progress.
cli-arg-data-dir = Data folder (else DATAJAM_DATA_DIR, else the user's folder)
cli-arg-lang = Language of the messages: fr (the default) or en (else DATAJAM_LANG)
cli-arg-json-keys = JSON output: { $keys }
cli-value-folder = FOLDER
cli-value-lang = LANGUAGE
cli-value-name = NAME
cli-value-file = FILE
cli-value-json = FILE.json
cli-value-jsonl = FILE.jsonl
cli-value-xlsx = FILE.xlsx
cli-value-csv-xlsx = FILE.csv|FILE.xlsx
cli-value-svg-png = FILE.svg|FILE.png
cli-value-pack = FOLDER|FILE.datajam
cli-value-pack-file = FILE.datajam
cli-value-class-csv = CLASS.csv
cli-value-reflections-csv = REFLECTIONS.csv
cli-value-column = COLUMN
cli-value-column-type = COLUMN=TYPE
cli-value-value = VALUE
cli-value-value-column = VALUE|COLUMN
cli-value-indicator = INDICATOR
cli-value-agg = CALCULATION
cli-value-title = TITLE
cli-value-text = TEXT
cli-value-category = CATEGORY

## Help: the commands.

cli-cmd-import = Import a file (CSV, TSV, TXT, XLSX, XLSM, XLSB, XLS, ODS) into a table of the workspace
cli-cmd-preview = Preview a file before importing it: detection, types, first rows
cli-cmd-tables = List the tables of the workspace
cli-cmd-export = Export a table to CSV (UTF-8 with BOM) or XLSX
cli-cmd-pack = Lesson packs
cli-cmd-pack-check = Check a pack folder: lessons, exercises, reference answers, datasets
cli-cmd-pack-build = Build the .datajam file of a pack folder (to copy to USB sticks)
cli-cmd-pack-install = Install a .datajam file (checked entirely first)
cli-cmd-pack-list = List the packs: built-in and installed
cli-cmd-pack-guide = Show a pack's facilitator's guide (Markdown)
cli-cmd-pack-datasets = List a pack's datasets, with their sources and licences
cli-cmd-profile = Trainees' profiles on this computer
cli-cmd-profile-list = List the profiles
cli-cmd-profile-create = Create a profile
cli-cmd-progress = Progress: export for the USB stick, merge the class's files
cli-cmd-progress-export = Export a trainee's progress to a file (JSON)
cli-cmd-progress-merge = Merge progress files into a class table (CSV, UTF-8 with BOM)
cli-cmd-play = Play a pack for a trainee from an answers file (JSON lines) or with the reference answers; one JSON line per saved event
cli-cmd-query = Apply a pipeline (JSON file: filter, derive, group, sort, limit, pivot, join) to a table
cli-cmd-sql = Read-only SQL console on the tables of the workspace
cli-cmd-indicator = Compute an inequality indicator: gini, lorenz, palma, s80s20, cv, max-min, share, rate, per-capita, parity, gpi, gap
cli-cmd-provinces = Chad's provinces: list, ISO 3166-2 codes of a column
cli-cmd-provinces-normalise = Add the iso_3166_2 column (the province's code, whatever the spelling) and list the values not recognised
cli-cmd-provinces-list = List the 23 provinces, their ISO 3166-2 codes and their other spellings
cli-cmd-chart = Draw a chart of a table (SVG or PNG): bars, lines, scatter plot, histogram, Lorenz, map of the provinces
cli-cmd-chart-advice = Suggest charts for a question about a table
cli-cmd-xlsform = Read an XLSForm (KoboToolbox, ODK) and show it as a collect form (TOML to paste into a lesson, or JSON)

## Help: the options of the commands.

cli-arg-sheet = Sheet to read (the first one by default)
cli-arg-header-row = Row of the headers (1 = first row; detected otherwise)
cli-arg-type = Force the type of a column: integer, number, boolean, date, datetime or text (repeatable)
cli-arg-missing = Value that means "missing" (repeatable; replaces NA, N/A, n/d, -, .., …)
cli-arg-import-table = Name of the table to create (from the file's name by default)
cli-arg-replace = Replace the table if it already exists
cli-arg-french = CSV for Excel in French: semicolons, decimal commas, DD/MM/YYYY dates
cli-arg-previous = Previous version of the pack: report the steps that disappear (orphaned progress)
cli-arg-pack = builtin, the id of a loaded pack, a pack folder or a .datajam file
cli-arg-datasets-json = JSON output: the datasets as the app shows them
cli-arg-reflections = Also write the trainees' reflections (one row per trainee and step)
cli-arg-merge-json = Show the class view as JSON
cli-arg-play-pack = builtin, the id of a loaded pack (built-in or installed), a pack folder or a .datajam file
cli-arg-reference = Answer everything with the reference answers
cli-arg-query-csv = CSV output (every row by default)
cli-arg-show-sql = Show the SQL query produced (on standard error)
cli-arg-save = Save the result as a new table
cli-arg-query-max-rows = Largest number of rows shown (1000 by default)
cli-arg-sql-csv = CSV output
cli-arg-sql-max-rows = Largest number of rows (1000 by default)
cli-arg-indicator-value = Column of the values (income, rate, count…)
cli-arg-indicator-weight = Column of the weights (population): gini, lorenz, palma, s80s20
cli-arg-indicator-group = Column of the groups (sex, area, province…)
cli-arg-indicator-num = Group studied (numerator), for example F
cli-arg-indicator-den = Comparison group (parity, gpi, gap) or column of the denominator (rate)
cli-arg-indicator-per = Rate per N (1000 by default; 1 per inhabitant)
cli-arg-indicator-json = JSON output: the whole result (IndicatorResult)
cli-arg-chart-kind = bar, hbar, grouped, stacked, line, scatter, histogram, lorenz or map
cli-arg-chart-x = Categories, or the province for a map
cli-arg-chart-y = Values (otherwise: the number of rows)
cli-arg-chart-agg = sum, mean, count, median, min or max
cli-arg-chart-group = One colour per value of this column
cli-arg-chart-sort = Sort the bars, the largest first
cli-arg-chart-highlight = Bar to highlight
cli-arg-chart-label = Labels of the points (scatter plot)
cli-arg-chart-weight = Weights (Lorenz curve)
cli-arg-chart-lat = Latitude of the points (map)
cli-arg-chart-lon = Longitude of the points (map)
cli-arg-chart-bins = Number of bins (histogram)
cli-arg-chart-scale = Scale of the PNG: 1 or 2
cli-arg-question = compare, trend, relationship, distribution, geography or inequality

## Import, preview, tables, export.

cli-type-needs-equals = --type { $arg }: write COLUMN=TYPE
cli-type-unknown = --type { $arg }: unknown type; choose integer, number, boolean, date, datetime or text
cli-import-progress = { $phase }: { $rows } rows{ $percent }
cli-import-done = Table "{ $table }": { $rows } rows, { $columns } columns
cli-import-warning = Warning: { $text }
cli-preview-tab = tab
cli-preview-delimiter = « { $delimiter } »
cli-preview-header-row = header row { $row }
cli-preview-hxl-row = HXL hashtags row { $row }
cli-preview-sheets = Sheets: { $sheets }
cli-no-table = No table.
cli-table-line = { $name } { $rows } rows { $columns } columns  { $source }
cli-export-done = { $rows } rows exported to { $path }

## Packs.

cli-pack-warning = Warning: { $text }
cli-orphaned-steps = Warning: { $count } { $n ->
        [one] step
       *[other] steps
    } of version { $previous } no longer { $n ->
        [one] exists
       *[other] exist
    }; trainees' progress on them will no longer show: { $steps }
cli-pack-valid = Valid pack: { $id } { $version } — { $lessons } lesson(s), { $steps } step(s), { $datasets } dataset(s)
cli-problems-found = { $count } { $n ->
        [one] problem
       *[other] problems
    } found.
cli-pack-built = Pack file written: { $path } ({ $id } { $version }, { $files } files, { $bytes } bytes, SHA-256 { $sha256 })
cli-pack-already-installed = Already installed: { $id } { $version }
cli-pack-installed = Pack installed: { $id } { $version }
cli-pack-no-guide = The pack "{ $id }" has no facilitator's guide.

## Progress and play.

cli-progress-exported = { $count } { $n ->
        [one] event
       *[other] events
    } of { $trainee } exported to { $file }
cli-progress-merged = { $trainees } trainee(s), { $events } event(s), { $rows } row(s), { $stuck } stuck: { $file }
cli-progress-reflections = { $count } { $n ->
        [one] reflection
       *[other] reflections
    }: { $file }
cli-play-needs-answers = --answers FILE.jsonl or --reference
# An action of `play` that saved nothing; $at is "N: ", the line of the answers file, or empty.
cli-play-not-saved = { $at }{ $kind } { $lesson }/{ $step }: { $message }

## Analysis: pipelines, the SQL console, indicators, provinces.

cli-rows = { $count } { $n ->
        [one] row
       *[other] rows
    }.
cli-rows-shown = { $total } rows in all, { $shown } shown (--max-rows).
cli-table-saved = Table "{ $name }" saved: { $rows } { $n ->
        [one] row
       *[other] rows
    }.
cli-indicator = { $label }: { $value }
cli-indicator-skipped = { $skipped } { $n ->
        [one] row
       *[other] rows
    } skipped: { $missing } empty, { $not_numeric } not numeric.
cli-provinces-matched = { $matched } { $n ->
        [one] row
       *[other] rows
    } matched, { $provinces } province(s); column "{ $column }" added to table "{ $table }"
cli-provinces-missing = { $count } empty { $n ->
        [one] row
       *[other] rows
    }
cli-provinces-unmatched = not matched: "{ $value }" ({ $count } { $n ->
        [one] row
       *[other] rows
    })

## Charts.

cli-chart-saved = Chart saved: { $path }
cli-chart-unknown-question = Unknown question "{ $question }": compare, trend, relationship, distribution, geography or inequality.
cli-chart-no-advice = No chart fits: the needed columns are missing.

cli-progress-event-conflict = Conflict: event { $id } of { $trainee } (lesson { $lesson }, step { $step }) has { $versions } different contents depending on the file ({ $files }). A file was edited or copied: the view counts the first content; check these files.
cli-progress-name-conflict = Conflict: the same profile ({ $id }) has several names: { $names }. A file was copied or the profile renamed; the view calls it "{ $kept }".
cli-progress-conflicts = { $count } conflicting event(s), counted apart; { $names } profile(s) under several names.
