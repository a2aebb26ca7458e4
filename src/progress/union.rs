//! The union of progress files: every event once by id, every trainee once by profile id,
//! and the **conflicts** the union meets, named rather than resolved in silence.
//!
//! Two kinds of conflict happen when a file was edited by hand or copied from another
//! trainee's stick:
//! - one event id carried with different contents by two files ([`EventConflict`]): the
//!   class view keeps one copy (the smallest canonical JSON, so the result does not depend
//!   on the order of the files) and lists every version with the files carrying it;
//! - one profile id under two names ([`NameConflict`]): the trainee keeps the smallest name
//!   and `other_names` the rest, so both stay visible.
//!
//! A source's label is its path when the file was read from disk, else the trainee's name
//! and the export time written in the file: labels are sorted and deduplicated, so merging
//! in any order, or one file twice, gives the same conflicts.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use super::{EventRecord, ProgressFile};

/// A progress file and where it came from.
#[derive(Debug, Clone, Copy)]
pub struct Source<'a> {
    /// Its path, when read from disk.
    pub path: Option<&'a str>,
    pub file: &'a ProgressFile,
}

impl Source<'_> {
    fn label(&self) -> String {
        match self.path {
            Some(p) => p.to_string(),
            None => format!("{} ({})", self.file.profile.name, self.file.exported_at),
        }
    }
}

/// What the union met that a facilitator must see.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Conflicts {
    /// Event ids carried with different contents, by event id.
    pub events: Vec<EventConflict>,
    /// Profile ids carried under more than one name, by profile id.
    pub names: Vec<NameConflict>,
}

impl Conflicts {
    pub fn is_empty(&self) -> bool {
        self.events.is_empty() && self.names.is_empty()
    }
}

/// One event id, two or more contents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EventConflict {
    pub event_id: String,
    pub trainee_id: String,
    pub pack_id: String,
    pub lesson_id: String,
    pub step_id: String,
    /// Each content met, the kept one first.
    pub versions: Vec<EventVersion>,
}

/// One content of a conflicting event, and the files that carry it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EventVersion {
    pub kind: String,
    pub correct: Option<bool>,
    pub created_at: String,
    /// The event as JSON, as the file carries it.
    pub json: String,
    pub files: Vec<String>,
    /// True for the copy the class view counts.
    pub kept: bool,
}

/// One profile id, two or more names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NameConflict {
    pub trainee_id: String,
    /// Each name, the kept one first, with the files that carry it.
    pub names: Vec<NameUse>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NameUse {
    pub name: String,
    pub files: Vec<String>,
}

/// The union of the sources' events and names.
pub(super) struct Union<'a> {
    /// Every event once, by id (the kept copy).
    pub events: BTreeMap<&'a str, &'a EventRecord>,
    /// The kept name of each profile id.
    pub names: BTreeMap<&'a str, &'a str>,
    /// The other names of each profile id, sorted.
    pub other_names: BTreeMap<&'a str, Vec<String>>,
    pub conflicts: Conflicts,
}

/// Unites the sources' events by id and names by profile id, noting every conflict.
pub(super) fn unite<'a>(sources: &[Source<'a>]) -> Union<'a> {
    // event id → canonical JSON → (the event, labels of the files carrying it)
    type Copies<'a> = BTreeMap<String, (&'a EventRecord, BTreeSet<String>)>;
    let mut copies: BTreeMap<&'a str, Copies<'a>> = BTreeMap::new();
    // profile id → name → labels
    let mut names: BTreeMap<&'a str, BTreeMap<&'a str, BTreeSet<String>>> = BTreeMap::new();
    for s in sources {
        let label = s.label();
        names
            .entry(s.file.profile.id.as_str())
            .or_default()
            .entry(s.file.profile.name.as_str())
            .or_default()
            .insert(label.clone());
        for e in &s.file.events {
            let canon = serde_json::to_string(e).unwrap_or_default();
            copies
                .entry(e.id.as_str())
                .or_default()
                .entry(canon)
                .or_insert_with(|| (e, BTreeSet::new()))
                .1
                .insert(label.clone());
        }
    }
    let mut out = Union {
        events: BTreeMap::new(),
        names: BTreeMap::new(),
        other_names: BTreeMap::new(),
        conflicts: Conflicts::default(),
    };
    for (id, versions) in copies {
        // The smallest canonical JSON is kept: BTreeMap order.
        let (_, (kept, _)) = versions.iter().next().expect("an event has a copy");
        out.events.insert(id, kept);
        if versions.len() > 1 {
            out.conflicts.events.push(EventConflict {
                event_id: id.to_string(),
                trainee_id: kept.profile_id.clone(),
                pack_id: kept.pack_id.clone(),
                lesson_id: kept.lesson_id.clone(),
                step_id: kept.step_id.clone(),
                versions: versions
                    .iter()
                    .enumerate()
                    .map(|(i, (json, (e, files)))| EventVersion {
                        kind: e.kind.clone(),
                        correct: e.correct,
                        created_at: e.created_at.clone(),
                        json: json.clone(),
                        files: files.iter().cloned().collect(),
                        kept: i == 0,
                    })
                    .collect(),
            });
        }
    }
    for (pid, uses) in names {
        // The smallest name is kept, whatever the order of the files.
        let kept = *uses.keys().next().expect("a profile has a name");
        out.names.insert(pid, kept);
        if uses.len() > 1 {
            out.other_names
                .insert(pid, uses.keys().skip(1).map(|n| n.to_string()).collect());
            out.conflicts.names.push(NameConflict {
                trainee_id: pid.to_string(),
                names: uses
                    .into_iter()
                    .map(|(name, files)| NameUse {
                        name: name.to_string(),
                        files: files.into_iter().collect(),
                    })
                    .collect(),
            });
        }
    }
    out
}
