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
