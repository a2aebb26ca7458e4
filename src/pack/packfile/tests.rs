use super::install::installed_files;
use super::*;
use zip::write::SimpleFileOptions;

/// A copy of the built-in pack's source with another id, version and dataset name.
fn sample_copy(id: &str, version: &str) -> tempfile::TempDir {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data/pack");
    let dir = tempfile::tempdir().unwrap();
    crate::pack::copy_renamed(&src, dir.path(), id, version, &|n| {
        if n == "provinces_2009" {
            "provinces_copie".into()
        } else {
            format!("{n}_copie")
        }
    })
    .unwrap();
    dir
}

fn built(id: &str, version: &str) -> (tempfile::TempDir, PathBuf) {
    let src = sample_copy(id, version);
    let out = src.path().join(format!("../{id}-{version}-test.datajam"));
    let out_dir = tempfile::tempdir().unwrap();
    let out = out_dir.path().join(out.file_name().unwrap());
    build(src.path(), &out).unwrap();
    (out_dir, out)
}

fn valid_files() -> BTreeMap<String, Vec<u8>> {
    let src = sample_copy("essai", "1.0.0");
    Pack::from_dir(src.path()).unwrap().files().clone()
}

fn hashes_json(files: &BTreeMap<String, Vec<u8>>) -> Vec<u8> {
    serde_json::to_vec(&Hashes {
        format: FORMAT,
        algorithm: "sha256".into(),
        // As files built before they were stamped: they must still read.
        built_by: None,
        files: files.iter().map(|(p, b)| (p.clone(), sha256(b))).collect(),
    })
    .unwrap()
}

/// A zip of `entries`, in order, deflated.
fn zip_of(entries: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut z = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let o = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in entries {
        z.start_file(name.as_str(), o).unwrap();
        z.write_all(bytes).unwrap();
    }
    z.finish().unwrap().into_inner()
}

/// The valid files plus `extra`, with hashes of everything.
fn zip_with(extra: &[(&str, &[u8])]) -> Vec<u8> {
    let mut files = valid_files();
    for (n, b) in extra {
        files.insert(n.to_string(), b.to_vec());
    }
    let mut entries = vec![(HASHES_FILE.to_string(), hashes_json(&files))];
    entries.extend(files);
    zip_of(&entries)
}

fn code(bytes: &[u8]) -> String {
    match read_bytes(bytes, Origin::Builtin) {
        Ok(_) => "ok".into(),
        Err(e) => {
            // Every refusal has a message in both languages.
            assert!(!e.message(Lang::Fr).is_empty() && !e.message(Lang::En).is_empty());
            e.code().to_string()
        }
    }
}

/// Replaces every occurrence of `from` by `to` (same length) in the zip bytes: names
/// in local headers and the central directory.
fn patch(bytes: &mut [u8], from: &[u8], to: &[u8]) {
    assert_eq!(from.len(), to.len());
    let mut n = 0;
    for i in 0..=bytes.len() - from.len() {
        if &bytes[i..i + from.len()] == from {
            bytes[i..i + from.len()].copy_from_slice(to);
            n += 1;
        }
    }
    assert!(n > 0);
}

/// Sets the declared uncompressed size of every entry named `name`.
fn patch_size(bytes: &mut [u8], name: &str, size: u32) {
    let mut i = 0;
    while i + 46 < bytes.len() {
        let sig = u32::from_le_bytes([bytes[i], bytes[i + 1], bytes[i + 2], bytes[i + 3]]);
        let (name_at, size_at, len_at) = match sig {
            0x04034b50 => (30, 22, 26),
            0x02014b50 => (46, 24, 28),
            _ => {
                i += 1;
                continue;
            }
        };
        let len = u16::from_le_bytes([bytes[i + len_at], bytes[i + len_at + 1]]) as usize;
        if bytes.get(i + name_at..i + name_at + len) == Some(name.as_bytes()) {
            bytes[i + size_at..i + size_at + 4].copy_from_slice(&size.to_le_bytes());
        }
        i += 4;
    }
}

#[test]
fn build_is_reproducible() {
    let a = sample_copy("essai", "1.0.0");
    std::thread::sleep(std::time::Duration::from_millis(20));
    let b = sample_copy("essai", "1.0.0");
    let out = tempfile::tempdir().unwrap();
    let (fa, fb) = (out.path().join("a.datajam"), out.path().join("b.datajam"));
    let ra = build(a.path(), &fa).unwrap();
    build(b.path(), &fb).unwrap();
    let (ba, bb) = (std::fs::read(&fa).unwrap(), std::fs::read(&fb).unwrap());
    assert_eq!(ba, bb);
    assert_eq!(ra.sha256, sha256(&ba));
    assert_eq!(ra.bytes, ba.len() as u64);
    // Fixed order, timestamps, permissions and compression.
    let mut z = zip::ZipArchive::new(Cursor::new(&ba)).unwrap();
    let mut names = Vec::new();
    for i in 0..z.len() {
        let f = z.by_index_raw(i).unwrap();
        assert_eq!(f.last_modified(), Some(zip::DateTime::default()));
        assert_eq!(f.unix_mode(), Some(0o100644));
        assert_eq!(f.compression(), zip::CompressionMethod::Deflated);
        names.push(f.name().unwrap().to_string());
    }
    assert_eq!(names[0], HASHES_FILE);
    assert!(names[1..].windows(2).all(|w| w[0] < w[1]), "{names:?}");
    // Building again over the same output gives the same bytes.
    build(a.path(), &fa).unwrap();
    assert_eq!(std::fs::read(&fa).unwrap(), ba);
    // And the file reads back to the same files.
    let pack = read(&fa).unwrap();
    assert_eq!(pack.id(), "essai");
    assert_eq!(
        pack.files(),
        Pack::from_dir(a.path()).unwrap().files(),
        "round trip of the files"
    );
    assert_eq!(pack.origin, Origin::PackFile(fa.clone()));
}

#[test]
fn build_refuses_an_invalid_pack_and_writes_nothing() {
    let src = sample_copy("essai", "1.0.0");
    std::fs::write(src.path().join("pack.toml"), "schema = 99\n").unwrap();
    let out = tempfile::tempdir().unwrap();
    let f = out.path().join("x.datajam");
    let e = build(src.path(), &f).unwrap_err();
    assert_eq!(e.code(), "pack.invalid");
    assert!(!f.exists());
    assert_eq!(std::fs::read_dir(out.path()).unwrap().count(), 0);
    // A version that cannot be a file name.
    let src = sample_copy("essai", "../../x");
    assert_eq!(
        build(src.path(), &f).unwrap_err().code(),
        "pack.bad_version"
    );
}

#[test]
fn valid_zip_is_accepted() {
    assert_eq!(code(&zip_with(&[])), "ok");
}

#[test]
fn unsafe_paths_are_refused() {
    for name in [
        "../evil.md",
        "/etc/evil",
        "lessons\\evil.md",
        "C:/evil",
        "a/../../b",
    ] {
        assert_eq!(
            code(&zip_with(&[(name, b"x")])),
            "pack.unsafe_path",
            "{name}"
        );
    }
}

#[test]
fn links_are_refused() {
    let mut files = valid_files();
    files.insert("lien".into(), b"/etc/passwd".to_vec());
    let mut z = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let o = SimpleFileOptions::default();
    z.start_file(HASHES_FILE, o).unwrap();
    z.write_all(&hashes_json(&files)).unwrap();
    for (n, b) in &files {
        if n == "lien" {
            z.add_symlink("lien", "/etc/passwd", o).unwrap();
        } else {
            z.start_file(n.as_str(), o).unwrap();
            z.write_all(b).unwrap();
        }
    }
    let bytes = z.finish().unwrap().into_inner();
    assert_eq!(code(&bytes), "pack.link");
}

#[test]
fn duplicate_entries_are_refused() {
    let mut bytes = zip_with(&[("lessons/zz-a.md", b"x"), ("lessons/zz-b.md", b"x")]);
    patch(&mut bytes, b"lessons/zz-b.md", b"lessons/zz-a.md");
    assert_eq!(code(&bytes), "pack.duplicate_entry");
}

#[test]
fn too_many_files_are_refused() {
    let names: Vec<String> = (0..=MAX_FILES).map(|i| format!("data/f{i}.txt")).collect();
    let extra: Vec<(&str, &[u8])> = names.iter().map(|n| (n.as_str(), &b"x"[..])).collect();
    assert_eq!(code(&zip_with(&extra)), "pack.too_many_files");
}

#[test]
fn zip_bombs_are_refused() {
    // A high compression ratio.
    let zeros = vec![0u8; 5 * 1024 * 1024];
    assert_eq!(
        code(&zip_with(&[("data/zeros.csv", &zeros)])),
        "pack.zip_bomb"
    );
    // An entry that holds more than it declares: decompression stops at the declared size.
    let text = b"a,b\n1,2\n".repeat(100);
    let mut bytes = zip_with(&[("data/lie.csv", &text)]);
    patch_size(&mut bytes, "data/lie.csv", 10);
    assert_eq!(code(&bytes), "pack.zip_bomb");
    // A damaged entry (its CRC no longer matches) is unreadable.
    let mut bytes = zip_of(&[("a.csv".to_string(), text.clone())]);
    let crc_at = 14;
    bytes[crc_at] ^= 0xff;
    let central = bytes.len() - 22 - 46 - "a.csv".len();
    bytes[central + 16] ^= 0xff;
    assert_eq!(code(&bytes), "pack.unreadable");
    // Declared sizes beyond the limits are refused before decompressing.
    let mut bytes = zip_with(&[("data/big.csv", &text)]);
    patch_size(&mut bytes, "data/big.csv", (MAX_FILE_BYTES + 1) as u32);
    assert_eq!(code(&bytes), "pack.too_large");
}

#[test]
fn invalid_content_is_refused_by_the_pack_checks() {
    for (name, content) in [
        ("pack.toml", &b"not toml ["[..]),
        ("pack.toml", &b"schema = 99\nid = \"x\"\n"[..]),
        ("datapackage.json", &b"{ not json"[..]),
    ] {
        let bytes = zip_with(&[(name, content)]);
        match read_bytes(&bytes, Origin::Builtin) {
            Err(PackFileError::Pack(PackError::Invalid(p))) => {
                assert_eq!(p[0].file, name, "{p:?}")
            }
            other => panic!("{other:?}"),
        }
    }
    let manifest = String::from_utf8(valid_files()["pack.toml"].clone())
        .unwrap()
        .replace("schema = 1", "schema = 99");
    let bytes = zip_with(&[("pack.toml", manifest.as_bytes())]);
    let e = read_bytes(&bytes, Origin::Builtin).unwrap_err();
    assert!(e.to_string().contains("unknown schema version 99"), "{e}");
}

#[test]
fn hashes_are_checked() {
    let files = valid_files();
    let good = hashes_json(&files);
    let entries = |hashes: Option<Vec<u8>>, files: &BTreeMap<String, Vec<u8>>| {
        let mut e: Vec<(String, Vec<u8>)> = hashes
            .map(|h| vec![(HASHES_FILE.to_string(), h)])
            .unwrap_or_default();
        e.extend(files.clone());
        zip_of(&e)
    };
    assert_eq!(code(&entries(Some(good.clone()), &files)), "ok");
    assert_eq!(code(&entries(None, &files)), "pack.hashes_invalid");
    assert_eq!(
        code(&entries(Some(b"{]".to_vec()), &files)),
        "pack.hashes_invalid"
    );
    // A file changed after the hashes were made.
    let mut changed = files.clone();
    changed.insert(
        "pack.toml".into(),
        [files["pack.toml"].as_slice(), b"\n"].concat(),
    );
    assert_eq!(
        code(&entries(Some(good.clone()), &changed)),
        "pack.hash_mismatch"
    );
    // A file added without a hash.
    let mut added = files.clone();
    added.insert("lessons/extra.md".into(), b"x".to_vec());
    assert_eq!(
        code(&entries(Some(good.clone()), &added)),
        "pack.not_hashed"
    );
    // A file listed but absent.
    let mut removed = files.clone();
    removed.remove("data/provinces_copie.csv");
    assert_eq!(code(&entries(Some(good), &removed)), "pack.file_missing");
    // Another format of the list.
    let other = String::from_utf8(hashes_json(&files))
        .unwrap()
        .replace("\"format\":1", "\"format\":2");
    assert_eq!(
        code(&entries(Some(other.into_bytes()), &files)),
        "pack.hashes_invalid"
    );
}

#[test]
fn not_a_zip_is_unreadable() {
    assert_eq!(code(b"PK\x03\x04 not really"), "pack.unreadable");
    assert_eq!(code(b""), "pack.unreadable");
}

#[test]
fn refused_file_installs_nothing() {
    let data = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("mauvais.datajam");
    std::fs::write(&f, zip_with(&[("../evil", b"x")])).unwrap();
    let e = install(&f, data.path()).unwrap_err();
    assert_eq!(e.code(), "pack.unsafe_path");
    assert!(e.message(Lang::Fr).contains("rien n'a été installé"));
    assert!(installed_files(data.path()).is_empty());
    let e = install(&dir.path().join("absent.datajam"), data.path()).unwrap_err();
    assert_eq!(e.code(), "pack.unreadable");
    assert!(installed_files(data.path()).is_empty());
}

#[test]
fn install_is_idempotent_and_workshop_lists_the_pack() {
    let (_d, f) = built("essai", "1.0.0");
    let data = tempfile::tempdir().unwrap();
    let r = install(&f, data.path()).unwrap();
    assert!(!r.already_installed);
    assert_eq!(r.path, data.path().join("packs/essai-1.0.0.datajam"));
    assert_eq!(std::fs::read(&r.path).unwrap(), std::fs::read(&f).unwrap());
    let r = install(&f, data.path()).unwrap();
    assert!(r.already_installed);
    assert!(r.replaced.is_empty() && r.orphaned.is_empty());
    assert_eq!(installed_files(data.path()).len(), 1);

    let w = crate::Workshop::open(data.path(), Lang::Fr).unwrap();
    assert!(w.pack_warnings().is_empty(), "{:?}", w.pack_warnings());
    let packs = w.packs(None).unwrap();
    assert_eq!(packs.len(), 2);
    assert!(packs[0].builtin);
    assert_eq!(packs[1].id, "essai");
    assert!(!packs[1].builtin);
    let tables: Vec<String> = w.tables().unwrap().into_iter().map(|t| t.name).collect();
    assert!(tables.iter().any(|t| t == "provinces_copie"), "{tables:?}");
    assert!(tables.iter().any(|t| t == "provinces_2009"), "{tables:?}");
}

#[test]
fn upgrade_reports_orphaned_steps_and_downgrade_is_refused() {
    let data = tempfile::tempdir().unwrap();
    let (_d1, v1) = built("essai", "1.9.0");
    install(&v1, data.path()).unwrap();
    let src = sample_copy("essai", "1.10.0");
    let lesson = src.path().join("lessons/01-premiers-pas.md");
    let text = std::fs::read_to_string(&lesson).unwrap();
    std::fs::write(&lesson, text.replace("{#conclusion}", "{#bilan}")).unwrap();
    let out = tempfile::tempdir().unwrap();
    let v2 = out.path().join("essai-2.datajam");
    build(src.path(), &v2).unwrap();
    let r = install(&v2, data.path()).unwrap();
    assert_eq!(r.replaced, vec!["1.9.0".to_string()]);
    assert_eq!(
        r.orphaned,
        vec![OrphanedStep {
            lesson: "premiers-pas".into(),
            step: "conclusion".into()
        }]
    );
    assert_eq!(
        installed_files(data.path()),
        vec![data.path().join("packs/essai-1.10.0.datajam")]
    );
    // The older version again: refused, nothing changed.
    let e = install(&v1, data.path()).unwrap_err();
    assert_eq!(e.code(), "pack.downgrade");
    assert_eq!(installed_files(data.path()).len(), 1);
}

#[test]
fn builtin_id_and_corrupt_files_are_not_fatal() {
    let data = tempfile::tempdir().unwrap();
    let (_d, f) = built("datajam-tchad", "9.0.0");
    assert_eq!(
        install(&f, data.path()).unwrap_err().code(),
        "pack.reserved_id"
    );
    // Put there by hand anyway, with a corrupt file beside it.
    std::fs::create_dir_all(packs_dir(data.path())).unwrap();
    std::fs::copy(
        &f,
        packs_dir(data.path()).join("datajam-tchad-9.0.0.datajam"),
    )
    .unwrap();
    std::fs::write(packs_dir(data.path()).join("casse-1.datajam"), b"abime").unwrap();
    std::fs::write(packs_dir(data.path()).join(".datajam-x.tmp"), b"moitie").unwrap();
    let w = crate::Workshop::open(data.path(), Lang::En).unwrap();
    let packs = w.packs(None).unwrap();
    assert_eq!(packs.len(), 1);
    assert!(packs[0].builtin);
    assert_eq!(packs[0].version, "0.1.0");
    assert_eq!(w.pack_warnings().len(), 2, "{:?}", w.pack_warnings());
    let loaded = installed(data.path());
    assert_eq!(loaded.len(), 2);
    assert!(loaded.iter().any(|(_, r)| r.is_err()));
}

#[test]
fn a_release_candidate_after_its_release_is_a_downgrade() {
    let data = tempfile::tempdir().unwrap();
    let (_d1, release) = built("essai", "1.0.0");
    let (_d2, candidate) = built("essai", "1.0.0-rc1");
    install(&release, data.path()).unwrap();
    let e = install(&candidate, data.path()).unwrap_err();
    assert_eq!(e.code(), "pack.downgrade");
    assert_eq!(
        installed_files(data.path()),
        vec![data.path().join("packs/essai-1.0.0.datajam")]
    );
    // The other way round, the release replaces its candidate.
    let data = tempfile::tempdir().unwrap();
    install(&candidate, data.path()).unwrap();
    let r = install(&release, data.path()).unwrap();
    assert_eq!(r.replaced, vec!["1.0.0-rc1".to_string()]);
    assert_eq!(
        installed_files(data.path()),
        vec![data.path().join("packs/essai-1.0.0.datajam")]
    );
}

/// A built and an installed pack file are ordinary files (0644 under umask 022), not
/// private like the temporary file they were written through (0600).
#[cfg(unix)]
#[test]
fn built_and_installed_files_have_ordinary_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    let data = tempfile::tempdir().unwrap();
    let probe = data.path().join("probe");
    std::fs::File::create(&probe).unwrap();
    let expected = mode(&probe);
    assert_ne!(expected, 0o600, "this test needs a umask that is not 077");
    let (_d, f) = built("essai", "1.0.0");
    assert_eq!(mode(&f), expected);
    let r = install(&f, data.path()).unwrap();
    assert_eq!(mode(&r.path), expected);
}

#[test]
fn a_built_pack_file_says_which_version_built_it() {
    let src = sample_copy("essai", "1.0.0");
    let pack = Pack::from_dir(src.path()).unwrap();
    let bytes = to_bytes(&pack).unwrap();
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes.clone())).unwrap();
    let mut text = String::new();
    std::io::Read::read_to_string(&mut zip.by_name(HASHES_FILE).unwrap(), &mut text).unwrap();
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(
        v["built_by"],
        format!("DataJam Atelier {}", env!("CARGO_PKG_VERSION"))
    );
    // And it reads back.
    assert!(read_files(&bytes).is_ok());
}
