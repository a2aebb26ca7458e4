# Errors of the core: what a person reads, by the error's stable code (store, profiles, packs, lessons, tables).

error-store-database = Database error: { $reason }. Answers already saved are not lost; restart the app.
error-store-io = Read or write error: { $reason }.
error-store-data_dir = Cannot use the data folder "{ $path }": { $reason }. Check that it exists and is writable (DATAJAM_DATA_DIR).
error-store-schema_too_new = This data was created by a newer DataJam Atelier. Install the latest version to open it.
error-profile-not_found = This profile does not exist. Pick another profile or create one.
error-profile-name_invalid = A profile name must be 1 to 60 characters long.
error-profile-exists = A profile "{ $name }" already exists on this computer. Pick it from the list or use another name.
error-pack-not_found = Lesson pack "{ $id }" was not found.
error-pack-no_guide = Pack "{ $id }" has no facilitator's guide.
error-lesson-not_found = Lesson "{ $id }" is not in this pack.
error-step-not_found = Step "{ $id }" is not in this lesson.
error-step-wrong_kind = Step "{ $id }" does not take this kind of answer.
error-table-not_found = Table "{ $id }" does not exist. `datajam tables` lists the tables.
error-table-column_not_found = Column "{ $id }" is not in this table.
