//! PINs: a profile's PIN and the facilitator's are kept as salted Argon2 hashes, never in
//! clear; a wrong PIN is refused with a clear message; the facilitator resets a trainee's
//! forgotten PIN, behind the facilitator's PIN when one is set.

use datajam::i18n::Lang;
use datajam::store::pin;
use datajam::{Error, Workshop};

const PIN: &str = "97531864";

fn code(e: Error) -> String {
    e.code().to_string()
}

#[test]
fn a_pin_is_kept_as_a_salted_argon2_hash() {
    let a = pin::hash(PIN).unwrap();
    let b = pin::hash(PIN).unwrap();
    assert!(a.starts_with("$argon2id$"), "{a}");
    assert!(!a.contains(PIN), "{a}");
    assert_ne!(a, b, "a fresh salt each time");
    assert!(pin::verify(PIN, &a) && pin::verify(PIN, &b));
    assert!(!pin::verify("97531865", &a));
    assert!(!pin::verify(PIN, "not a hash"));
    for bad in ["", "123", "123456789", "12a4", "١٢٣٤", "12 34"] {
        assert!(
            matches!(pin::hash(bad), Err(pin::PinError::Invalid)),
            "{bad:?}"
        );
    }
}

#[test]
fn a_profile_with_a_pin_opens_only_with_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut w = Workshop::open(dir.path(), Lang::Fr).unwrap();
    let p = w.create_profile("Achta").unwrap();
    assert!(!p.has_pin);
    assert_eq!(w.open_profile(&p.id, None).unwrap().name, "Achta");

    let p = w.set_profile_pin(&p.id, None, Some(PIN)).unwrap();
    assert!(p.has_pin);
    assert!(w.profiles().unwrap()[0].has_pin);
    let wrong = w.open_profile(&p.id, Some("1234")).unwrap_err();
    assert_eq!(wrong.code(), "pin.wrong");
    assert!(
        wrong.message(Lang::Fr).starts_with("Code PIN incorrect."),
        "{}",
        wrong.message(Lang::Fr)
    );
    assert_eq!(code(w.open_profile(&p.id, None).unwrap_err()), "pin.wrong");
    assert_eq!(w.open_profile(&p.id, Some(PIN)).unwrap().id, p.id);

    // Changing or removing it needs the current one.
    let again = w.set_profile_pin(&p.id, None, Some("2468")).unwrap_err();
    assert_eq!(code(again), "pin.wrong");
    let invalid = w.set_profile_pin(&p.id, Some(PIN), Some("12")).unwrap_err();
    assert_eq!(invalid.code(), "pin.invalid");
    assert!(invalid.message(Lang::Fr).contains("de 4 à 8 chiffres"));
    assert!(w.open_profile(&p.id, Some(PIN)).is_ok(), "unchanged");
    let p = w.set_profile_pin(&p.id, Some(PIN), None).unwrap();
    assert!(!p.has_pin);
    assert!(w.open_profile(&p.id, None).is_ok());
}

#[test]
fn the_pin_is_nowhere_in_clear_in_the_data_directory() {
    let dir = tempfile::tempdir().unwrap();
    {
        let mut w = Workshop::open(dir.path(), Lang::Fr).unwrap();
        let p = w.create_profile("Zara").unwrap();
        w.set_profile_pin(&p.id, None, Some(PIN)).unwrap();
        w.set_facilitator_pin(None, "86420975").unwrap();
    }
    for entry in std::fs::read_dir(dir.path()).unwrap() {
        let path = entry.unwrap().path();
        if path.is_file() {
            let bytes = std::fs::read(&path).unwrap();
            let text = String::from_utf8_lossy(&bytes);
            assert!(!text.contains(PIN), "{}", path.display());
            assert!(!text.contains("86420975"), "{}", path.display());
        }
    }
    let w = Workshop::open(dir.path(), Lang::Fr).unwrap();
    let p = w.find_profile("Zara").unwrap();
    assert!(p.has_pin, "kept across a restart");
    assert!(w.open_profile(&p.id, Some(PIN)).is_ok());
}

#[test]
fn the_facilitator_resets_a_forgotten_pin_behind_their_own() {
    let dir = tempfile::tempdir().unwrap();
    let mut w = Workshop::open(dir.path(), Lang::Fr).unwrap();
    let p = w.create_profile("Mahamat").unwrap();
    w.set_profile_pin(&p.id, None, Some(PIN)).unwrap();

    // No facilitator PIN yet: the desk opens, and its PIN is set on first use.
    assert!(!w.facilitator_has_pin().unwrap());
    w.unlock_facilitator(None).unwrap();
    w.set_facilitator_pin(None, "2468").unwrap();
    assert!(w.facilitator_has_pin().unwrap());
    let e = w.unlock_facilitator(None).unwrap_err();
    assert_eq!(e.code(), "pin.facilitator_wrong");
    assert_eq!(
        e.message(Lang::Fr),
        "Code PIN de l'animateur incorrect. Réessayez."
    );
    w.unlock_facilitator(Some("2468")).unwrap();
    // Changing it needs the current one.
    assert_eq!(
        code(w.set_facilitator_pin(None, "1357").unwrap_err()),
        "pin.facilitator_wrong"
    );

    // A wrong facilitator PIN resets nothing.
    let e = w.reset_profile_pin(Some("0000"), &p.id).unwrap_err();
    assert_eq!(e.code(), "pin.facilitator_wrong");
    assert_eq!(code(w.open_profile(&p.id, None).unwrap_err()), "pin.wrong");
    // The right one does: the trainee opens their profile and may set a new PIN.
    let p = w.reset_profile_pin(Some("2468"), &p.id).unwrap();
    assert!(!p.has_pin);
    assert!(w.open_profile(&p.id, None).is_ok());
    w.set_profile_pin(&p.id, None, Some("5555")).unwrap();
    assert!(w.open_profile(&p.id, Some("5555")).is_ok());
}
