# Importing files: what the trainee reads when a file cannot be imported, and warnings.

error-import-not_found = File not found: “{ $path }”. Check the file name and location.
error-import-empty = The file contains no data. Check that it is the right file and that it is not empty.
error-import-unsupported_format = Unsupported file format ({ $what }). Open it in a spreadsheet program, save it as .xlsx or .csv, and try again.
error-import-unreadable = The file cannot be read: it may be damaged or incomplete (interrupted copy?). Open it in a spreadsheet program and save it again, or copy it again from the USB stick.
error-import-encrypted = The workbook is password-protected. Open it in a spreadsheet program, remove the password, save it, and try again.
error-import-sheet_not_found = There is no sheet “{ $name }” in this workbook. Available sheets: { $available }.
error-import-table_exists = A table named “{ $table }” already exists. Choose another name, or ask to replace the old table.
error-import-invalid_table_name = The table name “{ $table }” is invalid or reserved. Use letters without accents, digits and “_”, starting with a letter (e.g. “population_2009”).
error-import-header_row_out_of_range = Header row { $row } does not exist: the data ends at row { $last }.
error-import-too_large-cells = The sheet is too large: { $found } cells (maximum { $max }). Keep only the useful rows and columns, or save the sheet as CSV.
error-import-too_large-columns = A row of the file has { $found } columns (maximum { $max }). Check that it really is a table.
error-import-io = Error while reading the file ({ $reason }). Check that the USB stick is still plugged in, and try again.
error-import-db = Workshop database error: { $reason }.
quoted = “{ $text }”

## Warnings of an import, in the language of the import (stored with the table).
## Numbers shown are passed as text ($count, $row…); $n is the same number, for plurals.

import-not-utf8 = The file is not in UTF-8: it was read as Windows-1252 (the encoding of Excel on Windows). Check the accented letters.
import-text-has-no-sheets = A text file has no sheets: the sheet chosen is ignored.
import-really-a-workbook = The file “{ $file }” is actually a workbook: it is read as one.
import-text-read-as-csv = The file “{ $file }” has the extension .{ $ext } but contains text: it is read as a CSV file.
import-several-sheets = The workbook has { $count } sheets; only the sheet “{ $sheet }” is read. Choose another sheet if needed.
import-no-header = No header row recognised: the columns are named colonne_1, colonne_2… Give the header row if the file has one.
import-rows-above-header =
    { $n ->
        [one] 1 row above the header (title, notes) was skipped; the header is on row { $row }.
       *[other] { $count } rows above the header (title, notes) were skipped; the header is on row { $row }.
    }
import-no-data-rows = No data row under the header: the table is empty.
import-kobo = KoboToolbox export recognised: “group/question” columns are named after the question, multiple choices are yes/no columns “question__choice”, and the metadata (_id, _uuid, _submission_time…) start with “kobo_”.
import-type-for-unknown-column = Type requested for the column “{ $column }”: no column has that name; the request is ignored.
# $list: the first tags, then "." or "…".
import-hxl-row = HXL hashtag row recognised (row { $row }): { $list } It is not a data row: the hashtags are kept with the columns.
import-hxl-names-from-tags = The file has no label row: the columns are named after their hashtags (#adm1+name becomes adm1_name).

## Column names.

import-duplicate-name-once = The column name “{ $name }” appears more than once: column { $position } is called “{ $renamed }”.
# $first: the first new name ("nom_2"), $last the last one.
import-duplicate-name-many = The column name “{ $name }” appears { $count } times: the next columns are called “{ $first }” to “{ $last }”.
# $positions: "2, 5"; $n: how many.
import-unnamed-columns =
    { $n ->
        [one] A column has no name in the header (position { $positions }): it is called “colonne_N”.
       *[other] Columns have no name in the header (positions { $positions }): they are called “colonne_N”.
    }

## Values of a column that do not fit its type; $noun is one of the import-type-* nouns.

import-column-misfits =
    { $n ->
        [one] Column “{ $label }”: 1 value is not { $noun } (e.g. “{ $example }”); it is kept as it is.
       *[other] Column “{ $label }”: { $count } values are not { $noun } (e.g. “{ $example }”); they are kept as they are.
    }
import-column-currency = Column “{ $label }”: amounts with a currency unit (FCFA, €…); the unit was removed and the values are stored as numbers.
import-column-percent = Column “{ $label }”: percentages stored without the % sign (“12 %” becomes 12).
import-column-formula-errors =
    { $n ->
        [one] Column “{ $label }”: 1 cell contains a formula error (e.g. “{ $example }”); it is left empty.
       *[other] Column “{ $label }”: { $count } cells contain a formula error (e.g. “{ $example }”); they are left empty.
    }
import-type-integer =
    { $n ->
        [one] an integer
       *[other] integers
    }
import-type-number =
    { $n ->
        [one] a number
       *[other] numbers
    }
import-type-boolean =
    { $n ->
        [one] a yes/no value
       *[other] yes/no values
    }
import-type-date =
    { $n ->
        [one] a date
       *[other] dates
    }
import-type-datetime =
    { $n ->
        [one] a date with a time
       *[other] dates with a time
    }
import-type-text =
    { $n ->
        [one] a text
       *[other] texts
    }

## What a refused file is, inside error-import-unsupported_format.

# $kind: PNG, JPEG, GIF.
import-format-image = { $kind } image
# $kind: RAR, 7-Zip, gzip.
import-format-archive = { $kind } archive
# $kind: RTF.
import-format-document = { $kind } document
import-format-web-page = HTML web page
import-format-extension = .{ $ext } file
import-format-binary = binary file
import-format-not-a-workbook = archive or document that is not a workbook

## Files that used to fail (issue 13).

# $first: the first empty sheet; $sheet: the sheet read.
import-empty-sheets-skipped =
    { $n ->
        [1] The sheet “{ $first }” is empty: the sheet “{ $sheet }”, the first one with data, is read. Choose another sheet if needed.
       *[other] { $count } sheets are empty (including “{ $first }”): the sheet “{ $sheet }”, the first one with data, is read. Choose another sheet if needed.
    }
error-import-too_large-table_columns = The table has { $found } columns: a workshop table has at most { $max }. Keep only the useful columns (delete the others in a spreadsheet), or check that the first row really is the header.
import-unpacked = The file “{ $file }” was extracted from the compressed file “{ $archive }”.
error-import-archive_several_files = The compressed file holds several files ({ $names }): extract it (right click, “Extract all”) and import the file you want.
error-import-archive_too_large = The compressed file “{ $name }” would exceed { $max } MB once decompressed, or decompresses abnormally (a trapped file?): it is not read. Extract it on the computer to check what it holds.
