# Lesson packs (src/pack/): opening, reading and installing packs and pack files.

## A pack that cannot be opened.
pack-invalid = This lesson pack has { $count } error(s) and cannot be opened:
pack-unreadable = Cannot read the pack "{ $path }": { $reason }. Check the USB stick and copy the pack again.

## A pack file refused ($entry: the path of the file inside the pack file).
pack-refused = This pack file is refused and nothing was installed. Ask the facilitator for a file rebuilt with "datajam pack build".
pack-file-unreadable = Cannot read the pack file "{ $path }": { $reason }. Check the USB stick and copy the file again.
pack-unsafe-path = Unsafe path in the pack file: "{ $entry }". { pack-refused }
pack-link = Link or special file in the pack file: "{ $entry }". { pack-refused }
pack-duplicate-entry = The pack file holds "{ $entry }" twice. { pack-refused }
pack-too-many-files = The pack file holds more than { $max } files. { pack-refused }
pack-too-large = The pack file is too large ("{ $entry }"): at most { $file_mb } MB per file and { $total_mb } MB in all. { pack-refused }
pack-zip-bomb = Suspicious compression in the pack file ("{ $entry }"): it could overwhelm the computer. { pack-refused }
pack-hashes-invalid = The list of hashes ({ $file }) is missing or unreadable: { $reason }. { pack-refused }
pack-hash-mismatch = "{ $entry }" does not match its hash: the file is damaged or was modified. Copy it again from another USB stick.
pack-not-hashed = "{ $entry }" is not in the list of hashes. { pack-refused }
pack-file-missing = "{ $entry }" is in the list of hashes but missing from the file. { pack-refused }
pack-bad-version = Version "{ $version }" cannot be used in a file name: use digits, letters, ".", "-", "+" or "_" (64 at most).
pack-reserved-id = Pack "{ $id }" has the id of the pack built into the app: change its `id` in pack.toml.
pack-downgrade = Version { $installed } of this pack, newer than { $version }, is already installed: nothing was changed.
pack-write-failed = Cannot write "{ $path }": { $reason }. Nothing was half-installed; check the disk space and try again.

## Installed packs a workshop leaves out.
pack-builtin-id-ignored = { $path }: this pack has the built-in pack's id; it is ignored.
pack-several-versions = Several versions of pack "{ $id }" are installed; only the newest is used.
pack-dataset-name-taken = Pack "{ $id }" is not loaded: its dataset "{ $dataset }" has the name of another pack's dataset.

## The facilitator's guide.
pack-guide-default-title = Facilitator's guide
