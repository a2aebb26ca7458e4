//! Each profile's settings: kept in the database, applied when the profile is picked (its
//! language becomes the workshop's), the app's own language when no profile is picked.

use datajam::i18n::Lang;
use datajam::store::settings::{Settings, TextSize};
use datajam::Workshop;

#[test]
fn settings_are_kept_per_profile_and_applied_when_picked() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = {
        let mut w = Workshop::open(dir.path(), Lang::Fr).unwrap();
        let a = w.create_profile("Achta").unwrap().id;
        let b = w.create_profile("Brahim").unwrap().id;
        // Never saved: the app's language, normal text, no high contrast.
        assert_eq!(w.use_settings(Some(&a)).unwrap(), Settings::default());
        let english = Settings {
            lang: Lang::En,
            text_size: TextSize::Larger,
            high_contrast: true,
        };
        assert_eq!(w.save_settings(&a, &english).unwrap(), english);
        assert_eq!(w.lang(), Lang::En);
        (a, b)
    };
    let mut w = Workshop::open(dir.path(), Lang::Fr).unwrap();
    let s = w.use_settings(Some(&a)).unwrap();
    assert_eq!(s.lang, Lang::En);
    assert_eq!(s.text_size, TextSize::Larger);
    assert!(s.high_contrast);
    assert_eq!(w.lang(), Lang::En);
    let pack = &w.packs(Some(&a)).unwrap()[0];
    assert_eq!(pack.title, "DataJam Chad: open data for inclusion");
    // Another trainee, then nobody: back to French.
    assert_eq!(w.use_settings(Some(&b)).unwrap().lang, Lang::Fr);
    w.use_settings(Some(&a)).unwrap();
    assert_eq!(w.use_settings(None).unwrap(), Settings::default());
    assert_eq!(w.lang(), Lang::Fr);
    assert!(w.use_settings(Some("nobody")).is_err());
    let json = serde_json::to_value(s).unwrap();
    assert_eq!(
        json,
        serde_json::json!({"lang": "en", "text_size": "larger", "high_contrast": true})
    );
}

#[test]
fn arabic_is_kept_and_the_workshop_speaks_it_with_french_for_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let a = {
        let mut w = Workshop::open(dir.path(), Lang::Fr).unwrap();
        let a = w.create_profile("Hawa").unwrap().id;
        let arabic: Settings = serde_json::from_value(
            serde_json::json!({"lang": "ar", "text_size": "normal", "high_contrast": false}),
        )
        .unwrap();
        assert_eq!(arabic.lang, Lang::Ar);
        w.save_settings(&a, &arabic).unwrap();
        a
    };
    let mut w = Workshop::open(dir.path(), Lang::Fr).unwrap();
    assert_eq!(w.use_settings(Some(&a)).unwrap().lang, Lang::Ar);
    assert_eq!(w.lang(), Lang::Ar);
    let catalog = w.catalog();
    assert_eq!(catalog.lang, Lang::Ar);
    assert!(catalog.source.contains("ui-settings-title = الإعدادات"));
    // Pack content has no Arabic yet: French.
    let pack = &w.packs(Some(&a)).unwrap()[0];
    assert_eq!(
        pack.title,
        "DataJam Tchad : les données ouvertes pour l'inclusion"
    );
}
