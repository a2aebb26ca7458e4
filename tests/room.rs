//! Room setup: the facilitator's USB stick gets every pack of the workshop as a pack file
//! that installs, the installers' folder when there is one (said missing otherwise) and a
//! « lisez-moi » in French.

use datajam::i18n::Lang;
use datajam::pack::packfile;
use datajam::workshop::room::{ROOM_DIR, ROOM_INSTALLERS, ROOM_PACKS, ROOM_README};
use datajam::Workshop;

#[test]
fn the_room_stick_has_the_packs_the_installers_and_a_readme() {
    let data = tempfile::tempdir().unwrap();
    let stick = tempfile::tempdir().unwrap();
    let dist = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dist.path().join("linux")).unwrap();
    std::fs::write(dist.path().join("DataJam-Atelier.msi"), b"msi").unwrap();
    let appimage = dist.path().join("linux/DataJam-Atelier.AppImage");
    std::fs::write(&appimage, b"appimage").unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&appimage, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    let mut w = Workshop::open(data.path(), Lang::Fr).unwrap();
    let src = dist.path().join("../source-du-paquet");
    let from = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data/pack");
    datajam::pack::copy_renamed(&from, &src, "atelier-salle", "2.0.0", &|n| {
        format!("{n}_salle")
    })
    .unwrap();
    let built = stick.path().join("../atelier-salle.datajam");
    packfile::build(&src, &built).unwrap();
    w.install_pack(&built).unwrap();
    let r = w.prepare_room(stick.path(), dist.path()).unwrap();
    let folder = stick.path().join(ROOM_DIR);
    assert_eq!(r.folder, folder);
    assert_eq!(r.installers, 2);
    assert!(r.installers_missing.is_none());
    assert_eq!(
        r.packs,
        ["atelier-salle-2.0.0.datajam"],
        "the installed packs, not the built-in one"
    );

    // The pack file installs on a trainee's laptop.
    let file = folder.join(ROOM_PACKS).join(&r.packs[0]);
    let pack = packfile::read(&file).unwrap();
    assert_eq!(pack.id(), "atelier-salle");
    let laptop = tempfile::tempdir().unwrap();
    let installed = packfile::install(&file, laptop.path()).unwrap();
    assert_eq!(installed.id, "atelier-salle");

    let copied = folder
        .join(ROOM_INSTALLERS)
        .join("linux/DataJam-Atelier.AppImage");
    assert_eq!(std::fs::read(&copied).unwrap(), b"appimage");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&copied).unwrap().permissions().mode();
        assert_eq!(mode & 0o111, 0o111, "the installer still runs");
    }
    let readme = std::fs::read_to_string(folder.join(ROOM_README)).unwrap();
    assert!(
        readme.starts_with("DataJam Atelier — la clé de la salle"),
        "{readme}"
    );
    assert!(
        readme.contains("ouvrez le dossier « installateurs »"),
        "{readme}"
    );
    assert!(
        readme.contains("« paquets » : atelier-salle-2.0.0.datajam"),
        "{readme}"
    );
    assert!(readme.contains("\r\n"), "lines a Windows notepad shows");

    // Again: the same folder, written over whole.
    let again = w.prepare_room(stick.path(), dist.path()).unwrap();
    assert_eq!(again.packs, r.packs);
}

#[test]
fn a_missing_installers_folder_is_said_not_hidden() {
    let data = tempfile::tempdir().unwrap();
    let stick = tempfile::tempdir().unwrap();
    let nowhere = stick.path().join("pas-de-dist");
    let w = Workshop::open(data.path(), Lang::Fr).unwrap();
    let r = w.prepare_room(stick.path(), &nowhere).unwrap();
    assert_eq!(r.installers, 0);
    assert_eq!(r.installers_missing.as_deref(), Some(nowhere.as_path()));
    assert!(!stick.path().join(ROOM_DIR).join(ROOM_INSTALLERS).exists());
    let readme = std::fs::read_to_string(stick.path().join(ROOM_DIR).join(ROOM_README)).unwrap();
    assert!(
        readme.contains("les installateurs ne sont pas sur cette clé"),
        "{readme}"
    );
    assert!(readme.contains("rien d'autre à installer"), "{readme}");
    assert!(
        r.packs.is_empty(),
        "the built-in pack is in the app already"
    );
}
