# The trainee's tables written out (export).

error-export-unsupported_format-none = Give the file to create an extension: .xlsx (Excel) or .csv.
error-export-unsupported_format = Cannot export to .{ $ext }. Choose a file name ending in .xlsx (Excel) or .csv.
error-export-table_not_found = There is no imported table “{ $table }”. `datajam tables` lists them.
error-export-invalid_path = “{ $path }” is not a valid file name (it may be a folder). Choose a file name such as “results.xlsx”.
error-export-column_missing = Table “{ $table }” is damaged in the workshop database (column “{ $column }” is missing). Import the original file again, replacing the table, and try again.
error-export-too_many_rows = The table has too many rows for Excel ({ $found }, maximum { $max }). Export it as .csv, or filter it first.
error-export-too_many_columns = The table has too many columns for Excel ({ $found }, maximum { $max }). Export it as .csv.
error-export-io-denied = Cannot write “{ $path }”: permission denied. If the file is open in Excel, close it; otherwise choose another folder (e.g. Documents).
error-export-io-no_folder = Cannot write “{ $path }”: the folder does not exist (USB stick removed?). Choose another folder.
error-export-io-full = Cannot write “{ $path }”: the disk or USB stick is full. Free some space or choose another location.
error-export-io-read_only = Cannot write “{ $path }”: the disk or USB stick is read-only. Choose another location.
error-export-io = Cannot write “{ $path }” ({ $reason }). Check that the USB stick is still plugged in, or choose another folder. No partial file was left.
error-export-db = Workshop database error during the export: { $reason }. Nothing was written.
error-export-xlsx = The Excel workbook could not be created ({ $reason }). Try exporting as .csv. Nothing was written.

# PINs of profiles and of the facilitator (store::pin).
error-pin-invalid = A PIN is { $min } to { $max } digits (digits only).
error-pin-wrong = Wrong PIN. Try again; if you forgot it, the facilitator can reset it from the facilitator's desk.
error-pin-facilitator_wrong = Wrong facilitator PIN. Try again.
error-pin-hash = Cannot save the PIN: { $reason }
