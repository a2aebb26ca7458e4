//! A workshop in a temporary data directory, as the desktop app opens it, for the tests
//! that drive the core (included with `#[path = "support/workshop.rs"] mod fixture;`).

#![allow(dead_code)]

use std::collections::BTreeMap;

use datajam::i18n::Lang;
use datajam::workshop::{RecordOutcome, StepAt};
use datajam::Workshop;

/// A French workshop in a fresh temporary data directory (removed when the `TempDir` is
/// dropped), with a profile created for `trainee`: the directory, the workshop and the
/// profile's id.
pub fn with_trainee(trainee: &str) -> (tempfile::TempDir, Workshop, String) {
    let dir = tempfile::tempdir().unwrap();
    let mut w = Workshop::open(dir.path(), Lang::Fr).unwrap();
    let id = w.create_profile(trainee).unwrap().id;
    (dir, w, id)
}

/// A collect form's input: field name to the text typed.
pub fn values(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

/// The collect step `at` given this input (field name, text typed): saved or refused.
pub fn submit(w: &mut Workshop, at: &StepAt, pairs: &[(&str, &str)]) -> RecordOutcome {
    w.submit_record(at, &values(pairs)).unwrap()
}

/// The collect step `at` given this input, which must be saved.
#[track_caller]
pub fn submit_saved(w: &mut Workshop, at: &StepAt, pairs: &[(&str, &str)]) -> RecordOutcome {
    let out = submit(w, at, pairs);
    assert!(out.saved, "{:?}", out.errors);
    out
}
