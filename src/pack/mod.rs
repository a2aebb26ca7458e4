//! Lesson packs: the manifest, the lessons and their steps, the datasets, and the checks
//! an author runs before copying a pack to USB sticks.
//!
//! A pack source folder holds:
//! - `pack.toml`: the manifest (schema, id, version, titles per language, authors,
//!   licence, lesson files in order);
//! - `datapackage.json`: a Frictionless Data Package describing the datasets (CSV files);
//! - `lessons/*.md`: one lesson per file. TOML front matter between `+++` lines gives the
//!   lesson id and title; each `## Title {#step-id}` heading starts a step; a fenced block
//!   tagged `exercise` inside a step holds its exercise in TOML (see `docs/pack-format.md`).
//!
//! Pack content is untrusted (it comes from USB sticks). Loading goes through an in-memory
//! file map with limits on count and size; paths are relative, never `..`, never links.
//! The built-in pack is compiled into the binary from `sample-data/pack`.

pub mod guide;
pub mod markdown;
pub mod packfile;
pub mod questions;
pub mod tableschema;
pub mod xlsform;

use std::collections::{BTreeMap, HashSet};
use std::path::{Component, Path, PathBuf};

use include_dir::{include_dir, Dir};
use serde::{Deserialize, Serialize};

use crate::i18n::Lang;
use crate::lesson::form::{Choice, Form};

/// The built-in pack's source folder, embedded at compile time.
static BUILTIN: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/sample-data/pack");

/// The pack manifest schema this version reads.
pub const SCHEMA_VERSION: u32 = 1;
/// Limits on a pack's content, whatever its origin.
pub const MAX_FILES: usize = 500;
pub const MAX_FILE_BYTES: u64 = 20 * 1024 * 1024;
pub const MAX_TOTAL_BYTES: u64 = 100 * 1024 * 1024;

/// Text in several languages: `{ fr = "...", en = "..." }`.
pub type Localized = BTreeMap<String, String>;

/// Picks the text in `lang`, else French, else any.
pub fn localized(text: &Localized, lang: Lang) -> String {
    text.get(lang.code())
        .or_else(|| text.get("fr"))
        .or_else(|| text.values().next())
        .cloned()
        .unwrap_or_default()
}

/// One problem found in a pack, located in its file and line (1-based; 0 when unknown).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    pub file: String,
    pub line: usize,
    pub message: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.line > 0 {
            write!(f, "{}:{}: {}", self.file, self.line, self.message)
        } else {
            write!(f, "{}: {}", self.file, self.message)
        }
    }
}

#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum PackError {
    #[error("the pack has {} problem(s): {}", .0.len(), .0.iter().map(|p| p.to_string()).collect::<Vec<_>>().join("; "))]
    Invalid(Vec<Problem>),
    #[error("cannot read the pack at {path}: {reason}")]
    Unreadable { path: String, reason: String },
}

impl PackError {
    pub fn code(&self) -> &'static str {
        match self {
            PackError::Invalid(_) => "pack.invalid",
            PackError::Unreadable { .. } => "pack.unreadable",
        }
    }

    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (PackError::Invalid(p), Lang::Fr) => format!(
                "Ce paquet de leçons contient {} erreur(s) et ne peut pas être ouvert :\n{}",
                p.len(),
                p.iter().map(|p| format!("- {p}")).collect::<Vec<_>>().join("\n")
            ),
            (PackError::Invalid(p), Lang::En) => format!(
                "This lesson pack has {} error(s) and cannot be opened:\n{}",
                p.len(),
                p.iter().map(|p| format!("- {p}")).collect::<Vec<_>>().join("\n")
            ),
            (PackError::Unreadable { path, reason }, Lang::Fr) => format!(
                "Impossible de lire le paquet « {path} » : {reason}. Vérifiez la clé USB et recopiez le paquet."
            ),
            (PackError::Unreadable { path, reason }, Lang::En) => format!(
                "Cannot read the pack \"{path}\": {reason}. Check the USB stick and copy the pack again."
            ),
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    pub schema: u32,
    pub id: String,
    pub version: String,
    pub title: Localized,
    #[serde(default)]
    pub description: Localized,
    #[serde(default)]
    pub authors: Vec<String>,
    pub licence: String,
    /// Lesson files, in teaching order, relative to the pack folder.
    pub lessons: Vec<String>,
    /// Workbooks of questions (`questions/quiz.xlsx`), one row per question step placed
    /// into the lessons when the pack is loaded (see [`crate::pack::questions`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub questions: Vec<String>,
    /// The facilitator's guide: a Markdown file of the pack (`guide/animateur.md`), shown
    /// from the pack's page (see [`crate::pack::guide`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub guide: Option<String>,
}

/// A question step: the trainee types or picks an answer, checked by the core.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    #[serde(rename = "type")]
    pub answer_type: AnswerType,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub choices: Vec<Choice>,
    /// The reference answer: a choice value, a number or a text. A number question with
    /// `min`/`max` may omit it.
    #[serde(default, skip_serializing_if = "serde_json::Value::is_null")]
    pub answer: serde_json::Value,
    /// For numbers: accepted distance from the answer.
    #[serde(default)]
    pub tolerance: f64,
    /// For numbers: the accepted interval (inclusive), instead of answer ± tolerance.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
    /// For texts: other accepted answers.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub accept: Vec<String>,
    /// Hints, shown one at a time, from gentle to explicit.
    #[serde(default)]
    pub hints: Vec<String>,
    /// Messages for anticipated wrong answers.
    #[serde(default)]
    pub feedback: Vec<Feedback>,
    /// Shown once the step is answered correctly (Markdown).
    #[serde(default)]
    pub explanation: Option<String>,
    /// For numbers: the unit shown after the input box.
    #[serde(default)]
    pub unit: Option<String>,
    /// A dataset of the pack shown with the question, for the trainee to read.
    #[serde(default)]
    pub dataset: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AnswerType {
    Choice,
    /// Several choices: the answer is the set of values, in any order.
    Multiple,
    Number,
    Text,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Feedback {
    /// The anticipated wrong answer (omitted when `min`/`max` give a range of numbers).
    #[serde(default, skip_serializing_if = "serde_json::Value::is_null")]
    pub answer: serde_json::Value,
    /// For numbers: an anticipated range of wrong answers (inclusive).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
    pub message: String,
}

/// A collect step: a form whose records go to a table.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Collect {
    /// The form, written in TOML, or read from `xlsform` when the pack is loaded.
    #[serde(default)]
    pub form: Form,
    /// An XLSForm workbook of the pack (`forms/enquete.xlsx`) holding the form instead.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub xlsform: Option<String>,
    /// Records needed to complete the step.
    #[serde(default = "one")]
    pub min_records: u32,
}

fn one() -> u32 {
    1
}

/// A chart step: the trainee sees a chart of a pack dataset.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChartStep {
    /// Dataset (resource name in datapackage.json).
    pub dataset: String,
    /// Column of categories.
    pub x: String,
    /// Column of values.
    pub y: String,
    #[serde(default)]
    pub horizontal: bool,
    #[serde(default)]
    pub sort_desc: bool,
    #[serde(default)]
    pub highlight: Option<String>,
    pub title: String,
    #[serde(default)]
    pub x_label: String,
    #[serde(default)]
    pub y_label: String,
    #[serde(default)]
    pub source: String,
}

/// A reflection step: the trainee writes what they think; not graded, kept for the report.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reflection {
    /// Characters needed before it can be saved (0: any non-empty text).
    #[serde(default)]
    pub min_length: usize,
    /// A hint shown in the empty text box.
    #[serde(default)]
    pub placeholder: Option<String>,
}

/// The longest reflection kept, in characters.
pub const MAX_REFLECTION: usize = 5000;

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Exercise {
    Read,
    Question(Question),
    Collect(Collect),
    Chart(ChartStep),
    Reflection(Reflection),
    /// Build a table with a pipeline; checked on the result (see [`crate::lesson::datatask`]).
    Data(crate::lesson::datatask::DataTask),
    /// Draw a chart; checked on what it shows (see [`crate::lesson::datatask`]).
    #[serde(rename = "chart_task")]
    ChartTask(crate::lesson::datatask::ChartTask),
    /// Import a practice file of the pack into a table (see [`crate::lesson::importstep`]).
    Import(crate::lesson::importstep::ImportStep),
}

impl Exercise {
    pub fn kind(&self) -> &'static str {
        match self {
            Exercise::Read => "read",
            Exercise::Question(_) => "question",
            Exercise::Collect(_) => "collect",
            Exercise::Chart(_) => "chart",
            Exercise::Reflection(_) => "reflection",
            Exercise::Data(_) => "data",
            Exercise::ChartTask(_) => "chart_task",
            Exercise::Import(_) => "import",
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Step {
    pub id: String,
    pub title: String,
    /// The step's text, Markdown, with the exercise block removed.
    pub body: String,
    pub exercise: Exercise,
    /// Line of the step heading in its lesson file, or row of its workbook.
    pub line: usize,
    /// Where the step was written.
    #[serde(skip)]
    pub source: StepSource,
}

/// Where a step was written: in its lesson's Markdown file (`Step::line` is the heading's
/// line), or on a row of a questions workbook (`Step::line` is the row).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum StepSource {
    #[default]
    Lesson,
    Sheet {
        file: String,
        sheet: String,
    },
}

#[derive(Debug, Clone, Serialize)]
pub struct Lesson {
    pub id: String,
    pub title: Localized,
    pub file: String,
    pub steps: Vec<Step>,
    /// When the lesson counts as done (front matter `completion`).
    pub completion: Completion,
}

/// A lesson's completion rule: every step (`completion = "all"`, the default) or at least
/// `m` of its `n` steps (`completion = { min = 3 }`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "CompletionRaw", into = "CompletionRaw")]
pub enum Completion {
    #[default]
    All,
    Min(usize),
}

#[derive(Serialize, Deserialize)]
#[serde(untagged)]
enum CompletionRaw {
    Word(String),
    Min { min: usize },
}

impl TryFrom<CompletionRaw> for Completion {
    type Error = String;
    fn try_from(raw: CompletionRaw) -> Result<Completion, String> {
        match raw {
            CompletionRaw::Word(w) if w == "all" => Ok(Completion::All),
            CompletionRaw::Word(w) => Err(format!(
                "completion is \"all\" or {{ min = N }}, not \"{w}\""
            )),
            CompletionRaw::Min { min } => Ok(Completion::Min(min)),
        }
    }
}

impl From<Completion> for CompletionRaw {
    fn from(c: Completion) -> CompletionRaw {
        match c {
            Completion::All => CompletionRaw::Word("all".into()),
            Completion::Min(min) => CompletionRaw::Min { min },
        }
    }
}

impl Completion {
    /// Steps that must be done, out of `total`.
    pub fn required(self, total: usize) -> usize {
        match self {
            Completion::All => total,
            Completion::Min(m) => m.min(total),
        }
    }
}

impl Lesson {
    pub fn step(&self, id: &str) -> Option<(usize, &Step)> {
        self.steps.iter().enumerate().find(|(_, s)| s.id == id)
    }
}

/// A dataset of the pack, from `datapackage.json`.
#[derive(Debug, Clone, Serialize)]
pub struct Dataset {
    pub name: String,
    pub title: String,
    pub path: String,
    /// The resource's `description` (empty when there is none).
    pub description: String,
    /// Where the data comes from (at least one, with a title).
    pub sources: Vec<Source>,
    /// Its licences: the resource's own, else the package's (at least one).
    pub licenses: Vec<License>,
    /// The practice file of an import step (its `file`): the trainee imports it in that
    /// step, so it is not loaded when the pack opens (see [`crate::lesson::importstep`]).
    pub import_step: bool,
}

/// A Frictionless `sources` entry: what the data was taken from, and where a reader finds
/// it (a URL or a reference, shown as text: the app never opens the network).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    #[serde(default)]
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
}

/// A Frictionless `licenses` entry: an identifier (`CC-BY-4.0`), a title, a URL.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct License {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
}

impl License {
    /// How a reader names it: the title, else the identifier, else the URL.
    pub fn label(&self) -> String {
        [&self.title, &self.name, &self.path]
            .into_iter()
            .flatten()
            .map(|s| s.trim())
            .find(|s| !s.is_empty())
            .unwrap_or_default()
            .to_string()
    }
}

/// Where a pack was loaded from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase", tag = "type", content = "path")]
pub enum Origin {
    Builtin,
    Folder(PathBuf),
    /// A `.datajam` pack file (see [`crate::pack::packfile`]).
    PackFile(PathBuf),
}

#[derive(Debug, Clone)]
pub struct Pack {
    pub manifest: Manifest,
    pub lessons: Vec<Lesson>,
    pub datasets: Vec<Dataset>,
    pub origin: Origin,
    /// What `pack check` reports without refusing the pack (XLSForm rows left out).
    pub warnings: Vec<Problem>,
    files: BTreeMap<String, Vec<u8>>,
}

impl Pack {
    /// The pack compiled into the app.
    pub fn builtin() -> Result<Pack, PackError> {
        let mut files = BTreeMap::new();
        collect_embedded(&BUILTIN, &mut files);
        let (pack, problems) = parse(files, Origin::Builtin);
        finish(pack, problems)
    }

    /// Loads a pack source folder.
    pub fn from_dir(dir: &Path) -> Result<Pack, PackError> {
        let files = read_dir_limited(dir)?;
        let (pack, problems) = parse(files, Origin::Folder(dir.to_path_buf()));
        finish(pack, problems)
    }

    pub fn id(&self) -> &str {
        &self.manifest.id
    }

    pub fn lesson(&self, id: &str) -> Option<&Lesson> {
        self.lessons.iter().find(|l| l.id == id)
    }

    /// Every file of the pack, by relative path.
    pub fn files(&self) -> &BTreeMap<String, Vec<u8>> {
        &self.files
    }

    /// The bytes of a file of the pack (datasets).
    pub fn file(&self, path: &str) -> Option<&[u8]> {
        self.files.get(path).map(Vec::as_slice)
    }

    /// The facilitator's guide (Markdown), when the pack has one.
    pub fn guide_markdown(&self) -> Option<&str> {
        let path = self.manifest.guide.as_deref()?;
        std::str::from_utf8(self.files.get(path)?).ok()
    }

    pub fn dataset(&self, name: &str) -> Option<&Dataset> {
        self.datasets.iter().find(|d| d.name == name)
    }

    /// A short hash of everything in the pack, to know when its datasets must be reloaded.
    pub fn content_hash(&self) -> String {
        // FNV-1a over paths and bytes: not cryptographic, only a change detector.
        let mut h: u64 = 0xcbf29ce484222325;
        for (path, bytes) in &self.files {
            for b in path.bytes().chain([0]).chain(bytes.iter().copied()) {
                h ^= b as u64;
                h = h.wrapping_mul(0x100000001b3);
            }
        }
        format!("{h:016x}")
    }
}

fn finish(pack: Option<Pack>, problems: Vec<Problem>) -> Result<Pack, PackError> {
    match pack {
        Some(p) if problems.is_empty() => Ok(p),
        _ => Err(PackError::Invalid(problems)),
    }
}

fn collect_embedded(dir: &Dir<'static>, out: &mut BTreeMap<String, Vec<u8>>) {
    for f in dir.files() {
        out.insert(
            f.path().to_string_lossy().replace('\\', "/"),
            f.contents().to_vec(),
        );
    }
    for d in dir.dirs() {
        collect_embedded(d, out);
    }
}

/// Reads every regular file under `dir`, refusing links and enforcing the limits.
fn read_dir_limited(dir: &Path) -> Result<BTreeMap<String, Vec<u8>>, PackError> {
    let unreadable = |reason: String| PackError::Unreadable {
        path: dir.display().to_string(),
        reason,
    };
    let meta = std::fs::metadata(dir).map_err(|e| unreadable(e.to_string()))?;
    if !meta.is_dir() {
        return Err(unreadable("not a folder".into()));
    }
    let mut files = BTreeMap::new();
    let mut problems = Vec::new();
    let mut total = 0u64;
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let entries = std::fs::read_dir(&d).map_err(|e| unreadable(e.to_string()))?;
        for entry in entries {
            let entry = entry.map_err(|e| unreadable(e.to_string()))?;
            let path = entry.path();
            let rel = path
                .strip_prefix(dir)
                .map(|p| p.to_string_lossy().replace('\\', "/"))
                .unwrap_or_default();
            if rel.split('/').any(|part| part.starts_with('.')) {
                continue; // hidden files: .git, .DS_Store...
            }
            let ft = entry.file_type().map_err(|e| unreadable(e.to_string()))?;
            if ft.is_symlink() {
                problems.push(Problem {
                    file: rel,
                    line: 0,
                    message: "links are not allowed in a pack".into(),
                });
            } else if ft.is_dir() {
                stack.push(path);
            } else if ft.is_file() {
                let len = entry.metadata().map(|m| m.len()).unwrap_or(u64::MAX);
                total = total.saturating_add(len);
                if files.len() >= MAX_FILES {
                    return Err(unreadable(format!("more than {MAX_FILES} files")));
                }
                if len > MAX_FILE_BYTES || total > MAX_TOTAL_BYTES {
                    return Err(unreadable(format!(
                        "too large (at most {} MB per file, {} MB in all)",
                        MAX_FILE_BYTES / 1_048_576,
                        MAX_TOTAL_BYTES / 1_048_576
                    )));
                }
                let bytes = std::fs::read(&path).map_err(|e| unreadable(e.to_string()))?;
                files.insert(rel, bytes);
            }
        }
    }
    if problems.is_empty() {
        Ok(files)
    } else {
        Err(PackError::Invalid(problems))
    }
}

/// Writes a copy of the pack folder `src` into `dst` under another `id` and `version`,
/// with every dataset renamed by `rename` (in file names and in every text file, as whole
/// words), so that the copy can be installed beside the original: two packs may not share a
/// dataset name. Binary files (workbooks) are copied unchanged. Used by the tests, and by a
/// facilitator who starts a pack of their own from the built-in one.
pub fn copy_renamed(
    src: &Path,
    dst: &Path,
    id: &str,
    version: &str,
    rename: &dyn Fn(&str) -> String,
) -> Result<(), PackError> {
    let pack = Pack::from_dir(src)?;
    let mut names: Vec<String> = pack.datasets.iter().map(|d| d.name.clone()).collect();
    // Longest first, so that a name containing another is replaced whole.
    names.sort_by_key(|n| std::cmp::Reverse(n.len()));
    let words: Vec<(regex::Regex, String)> = names
        .iter()
        .filter_map(|n| {
            regex::Regex::new(&format!(r"\b{}\b", regex::escape(n)))
                .ok()
                .map(|re| (re, rename(n)))
        })
        .collect();
    let swap = |text: &str| {
        words.iter().fold(text.to_string(), |t, (re, to)| {
            re.replace_all(&t, regex::NoExpand(to)).into_owned()
        })
    };
    let id_line = regex::Regex::new(r#"(?m)^id\s*=\s*"[^"]*""#).expect("a valid regex");
    let version_line = regex::Regex::new(r#"(?m)^version\s*=\s*"[^"]*""#).expect("a valid regex");
    let io = |e: std::io::Error| PackError::Unreadable {
        path: dst.display().to_string(),
        reason: e.to_string(),
    };
    for (rel, bytes) in pack.files() {
        let out = dst.join(swap(rel));
        if let Some(parent) = out.parent() {
            std::fs::create_dir_all(parent).map_err(io)?;
        }
        let bytes = match std::str::from_utf8(bytes) {
            Ok(text) => {
                let mut text = swap(text);
                if rel == "pack.toml" {
                    text = id_line
                        .replace(&text, regex::NoExpand(&format!("id = \"{id}\"")))
                        .into_owned();
                    text = version_line
                        .replace(&text, regex::NoExpand(&format!("version = \"{version}\"")))
                        .into_owned();
                }
                text.into_bytes()
            }
            Err(_) => bytes.clone(),
        };
        std::fs::write(&out, bytes).map_err(io)?;
    }
    Ok(())
}

/// A relative path inside a pack: no absolute path, no `..`, no backslash, no drive.
pub fn is_safe_relative_path(p: &str) -> bool {
    !p.is_empty()
        && !p.contains('\\')
        && !p.contains(':')
        && Path::new(p)
            .components()
            .all(|c| matches!(c, Component::Normal(_)))
}

fn problem(file: &str, line: usize, message: impl Into<String>) -> Problem {
    Problem {
        file: file.to_string(),
        line,
        message: message.into(),
    }
}

/// Parses a pack from its files. Returns the pack when it could be built at all, and
/// every problem found (an empty list means the pack is valid).
pub fn parse(files: BTreeMap<String, Vec<u8>>, origin: Origin) -> (Option<Pack>, Vec<Problem>) {
    let mut problems = Vec::new();
    for path in files.keys() {
        if !is_safe_relative_path(path) {
            problems.push(problem(path, 0, "unsafe path in pack"));
        }
    }
    let manifest = match files.get("pack.toml") {
        None => {
            problems.push(problem("pack.toml", 0, "missing manifest"));
            return (None, problems);
        }
        Some(bytes) => match std::str::from_utf8(bytes)
            .map_err(|e| (0, e.to_string()))
            .and_then(|s| toml::from_str::<Manifest>(s).map_err(|e| toml_message(s, &e)))
        {
            Ok(m) => m,
            Err((line, msg)) => {
                problems.push(problem("pack.toml", line, msg));
                return (None, problems);
            }
        },
    };
    if manifest.schema != SCHEMA_VERSION {
        problems.push(problem(
            "pack.toml",
            0,
            format!(
                "unknown schema version {} (this app reads {SCHEMA_VERSION})",
                manifest.schema
            ),
        ));
        return (None, problems);
    }
    if !is_id(&manifest.id) {
        problems.push(problem("pack.toml", 0, "id must match [a-z0-9][a-z0-9-]*"));
    }
    if !manifest.title.contains_key("fr") {
        problems.push(problem("pack.toml", 0, "title needs a French text (fr)"));
    }

    let mut warnings = Vec::new();
    let datasets = parse_datapackage(&files, &mut problems, &mut warnings);
    if let Some(guide) = &manifest.guide {
        problems.extend(crate::pack::guide::check(guide, &files));
    }

    let mut lessons = Vec::new();
    let mut lesson_ids = HashSet::new();
    for file in &manifest.lessons {
        let Some(bytes) = files.get(file.as_str()) else {
            problems.push(problem(
                "pack.toml",
                0,
                format!("lesson file {file} not found"),
            ));
            continue;
        };
        let Ok(text) = std::str::from_utf8(bytes) else {
            problems.push(problem(file, 0, "not UTF-8 text"));
            continue;
        };
        if let Some(lesson) = parse_lesson(file, text, &mut problems) {
            if !lesson_ids.insert(lesson.id.clone()) {
                problems.push(problem(
                    file,
                    1,
                    format!("lesson id `{}` used twice", lesson.id),
                ));
            }
            lessons.push(lesson);
        }
    }
    if manifest.lessons.is_empty() {
        problems.push(problem("pack.toml", 0, "the pack has no lesson"));
    }
    crate::pack::questions::add_to_lessons(
        &manifest.questions,
        &files,
        &datasets,
        &mut lessons,
        &mut problems,
        &mut warnings,
    );
    for lesson in &mut lessons {
        for step in &mut lesson.steps {
            if let Exercise::Collect(c) = &mut step.exercise {
                resolve_xlsform(
                    c,
                    &lesson.file,
                    step.line,
                    &step.id,
                    &files,
                    &mut problems,
                    &mut warnings,
                );
                c.form.resolve();
            }
        }
    }
    // A dataset that is an import step's practice file is imported by the step.
    let mut datasets = datasets;
    for d in &mut datasets {
        d.import_step = lessons
            .iter()
            .flat_map(|l| &l.steps)
            .any(|s| matches!(&s.exercise, Exercise::Import(i) if i.file == d.path));
    }
    // Tables made by import steps or saved by data tasks, which questions may show (the
    // workshop makes them on demand when the trainee has not reached their step).
    let import_tables: HashSet<&str> = lessons
        .iter()
        .flat_map(|l| &l.steps)
        .filter_map(|s| match &s.exercise {
            Exercise::Import(i) => Some(i.table.as_str()),
            Exercise::Data(d) => d.result.as_deref(),
            _ => None,
        })
        .collect();
    for lesson in &lessons {
        for step in &lesson.steps {
            check_step(
                step,
                &lesson.file,
                &datasets,
                &import_tables,
                &files,
                &mut problems,
            );
        }
    }
    problems.extend(crate::lesson::datatask::check_tasks(
        &lessons, &datasets, &files,
    ));
    let pack = Pack {
        manifest,
        lessons,
        datasets,
        origin,
        warnings,
        files,
    };
    (Some(pack), problems)
}

/// Reads the XLSForm of a collect step into its form; a step has a form or an XLSForm.
fn resolve_xlsform(
    c: &mut Collect,
    file: &str,
    line: usize,
    step_id: &str,
    files: &BTreeMap<String, Vec<u8>>,
    problems: &mut Vec<Problem>,
    warnings: &mut Vec<Problem>,
) {
    let mut at =
        |msg: String| problems.push(problem(file, line, format!("step `{step_id}`: {msg}")));
    let written = c.form != Form::default();
    let Some(path) = &c.xlsform else {
        if !written {
            at(
                "a collect step needs a form ([form]) or an XLSForm (xlsform = \"forms/….xlsx\")"
                    .into(),
            );
        }
        return;
    };
    if written {
        at("give either a form ([form]) or an XLSForm (xlsform), not both".into());
        return;
    }
    let Some(bytes) = files
        .get(path.as_str())
        .filter(|_| is_safe_relative_path(path))
    else {
        at(format!("XLSForm file {path} not found in the pack"));
        return;
    };
    match crate::pack::xlsform::parse(path, bytes) {
        Ok(x) => {
            c.form = x.form;
            warnings.extend(x.warnings);
        }
        Err(p) => problems.extend(p),
    }
}

pub(crate) fn is_id(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(chars.next(), Some('a'..='z' | '0'..='9'))
        && s.len() <= 64
        && chars.all(|c| matches!(c, 'a'..='z' | '0'..='9' | '-' | '_'))
}

fn toml_message(src: &str, e: &toml::de::Error) -> (usize, String) {
    let line = e
        .span()
        .map(|s| src[..s.start.min(src.len())].matches('\n').count() + 1)
        .unwrap_or(0);
    (line, e.message().to_string())
}

#[derive(Deserialize)]
struct DataPackage {
    #[serde(default)]
    resources: Vec<Resource>,
    /// The package's licences, for resources that name none.
    #[serde(default)]
    licenses: Vec<License>,
}

#[derive(Deserialize)]
struct Resource {
    name: String,
    path: String,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    description: Option<String>,
    #[serde(default)]
    sources: Vec<Source>,
    #[serde(default)]
    licenses: Vec<License>,
    /// A Table Schema, inline or as the path of a JSON file in the pack.
    #[serde(default)]
    schema: Option<serde_json::Value>,
}

fn parse_datapackage(
    files: &BTreeMap<String, Vec<u8>>,
    problems: &mut Vec<Problem>,
    warnings: &mut Vec<Problem>,
) -> Vec<Dataset> {
    let Some(bytes) = files.get("datapackage.json") else {
        return Vec::new();
    };
    let dp: DataPackage = match serde_json::from_slice(bytes) {
        Ok(dp) => dp,
        Err(e) => {
            problems.push(problem("datapackage.json", e.line(), e.to_string()));
            return Vec::new();
        }
    };
    let mut out = Vec::new();
    for r in dp.resources {
        if !crate::lesson::form::is_identifier(&r.name) {
            problems.push(problem(
                "datapackage.json",
                0,
                format!("resource name `{}` must match [a-z][a-z0-9_]*", r.name),
            ));
            continue;
        }
        if !is_safe_relative_path(&r.path) || !files.contains_key(&r.path) {
            problems.push(problem(
                "datapackage.json",
                0,
                format!(
                    "resource `{}`: file {} not found in the pack",
                    r.name, r.path
                ),
            ));
            continue;
        }
        // Every dataset must match its schema: the data a trainee answers from is proven.
        let schema = match &r.schema {
            None => {
                problems.push(problem(
                    "datapackage.json",
                    0,
                    format!("resource `{}` has no Table Schema (schema)", r.name),
                ));
                None
            }
            Some(serde_json::Value::String(path)) => {
                match files
                    .get(path.as_str())
                    .filter(|_| is_safe_relative_path(path))
                {
                    None => {
                        problems.push(problem(
                            "datapackage.json",
                            0,
                            format!("resource `{}`: schema file {path} not found", r.name),
                        ));
                        None
                    }
                    Some(b) => match serde_json::from_slice::<serde_json::Value>(b) {
                        Ok(v) => Some(v),
                        Err(e) => {
                            problems.push(problem(path, e.line(), e.to_string()));
                            None
                        }
                    },
                }
            }
            Some(v) => Some(v.clone()),
        };
        if let Some(schema) = schema {
            problems.extend(crate::pack::tableschema::check_csv(
                &r.path,
                &files[&r.path],
                &schema,
            ));
        }
        // Every dataset says where it comes from and under which licence (shown with it).
        let sources: Vec<Source> = r
            .sources
            .into_iter()
            .filter(|s| !s.title.trim().is_empty())
            .collect();
        // Warnings, not refusals: a pack written before sources were shown keeps loading
        // (the built-in pack's test makes them required there).
        if sources.is_empty() {
            warnings.push(problem(
                "datapackage.json",
                0,
                format!(
                    "resource `{}` needs a source with a title (sources: [{{ \"title\": \"…\", \"path\": \"…\" }}])",
                    r.name
                ),
            ));
        }
        let own: Vec<License> = r.licenses.into_iter().filter(license_named).collect();
        let licenses = if own.is_empty() {
            dp.licenses
                .iter()
                .filter(|l| license_named(l))
                .cloned()
                .collect()
        } else {
            own
        };
        if licenses.is_empty() {
            warnings.push(problem(
                "datapackage.json",
                0,
                format!(
                    "resource `{}` needs a licence with a name or a path (licenses, on the resource or the package)",
                    r.name
                ),
            ));
        }
        out.push(Dataset {
            title: r.title.unwrap_or_else(|| r.name.clone()),
            name: r.name,
            path: r.path,
            description: r.description.unwrap_or_default().trim().to_string(),
            sources,
            licenses,
            import_step: false,
        });
    }
    out
}

/// A licence names itself by an identifier or a URL (Frictionless: `name` and/or `path`).
fn license_named(l: &License) -> bool {
    [&l.name, &l.path]
        .into_iter()
        .flatten()
        .any(|s| !s.trim().is_empty())
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FrontMatter {
    id: String,
    title: Localized,
    #[serde(default)]
    completion: Completion,
}

/// Parses one lesson file: front matter, then steps.
fn parse_lesson(file: &str, text: &str, problems: &mut Vec<Problem>) -> Option<Lesson> {
    let lines: Vec<&str> = text.lines().collect();
    if lines.first().map(|l| l.trim()) != Some("+++") {
        problems.push(problem(file, 1, "a lesson starts with +++ front matter"));
        return None;
    }
    let Some(end) = lines.iter().skip(1).position(|l| l.trim() == "+++") else {
        problems.push(problem(file, 1, "front matter is not closed by +++"));
        return None;
    };
    let end = end + 1;
    let fm_src = lines[1..end].join("\n");
    let fm: FrontMatter = match toml::from_str(&fm_src) {
        Ok(fm) => fm,
        Err(e) => {
            let (line, msg) = toml_message(&fm_src, &e);
            problems.push(problem(file, line + 1, msg));
            return None;
        }
    };
    if !is_id(&fm.id) {
        problems.push(problem(file, 2, "lesson id must match [a-z0-9][a-z0-9-]*"));
    }

    // Split into steps at `## ` headings outside fenced code.
    let mut steps = Vec::new();
    // (heading line, id, title, body lines with their numbers)
    type RawStep<'a> = (usize, String, String, Vec<(usize, &'a str)>);
    let mut current: Option<RawStep<'_>> = None;
    let mut fence: Option<String> = None;
    let mut seen = HashSet::new();
    for (i, line) in lines.iter().enumerate().skip(end + 1) {
        let lineno = i + 1;
        let trimmed = line.trim_start();
        if let Some(f) = &fence {
            if trimmed.starts_with(f.as_str())
                && trimmed.trim_start_matches(['`', '~']).trim().is_empty()
            {
                fence = None;
            }
        } else if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            let marker: String = trimmed
                .chars()
                .take_while(|c| *c == '`' || *c == '~')
                .collect();
            fence = Some(marker);
        } else if let Some(heading) = line.strip_prefix("## ") {
            if let Some(step) = current.take() {
                steps.push(step);
            }
            let (title, id) = split_heading_id(heading);
            let id = match id {
                Some(id) if is_id(id) => id.to_string(),
                Some(id) => {
                    problems.push(problem(
                        file,
                        lineno,
                        format!("step id `{id}` must match [a-z0-9][a-z0-9-]*"),
                    ));
                    id.to_string()
                }
                None => {
                    problems.push(problem(
                        file,
                        lineno,
                        "step heading needs a stable id: ## Title {#step-id}",
                    ));
                    format!("etape-{lineno}")
                }
            };
            if !seen.insert(id.clone()) {
                problems.push(problem(file, lineno, format!("step id `{id}` used twice")));
            }
            current = Some((lineno, id, title.to_string(), Vec::new()));
            continue;
        }
        match &mut current {
            Some((_, _, _, body)) => body.push((lineno, line)),
            None if !line.trim().is_empty() => {
                problems.push(problem(
                    file,
                    lineno,
                    "text before the first step heading (## Title {#id})",
                ));
            }
            None => {}
        }
    }
    if let Some(step) = current.take() {
        steps.push(step);
    }
    if steps.is_empty() {
        problems.push(problem(file, end + 1, "the lesson has no step"));
    }
    let steps: Vec<Step> = steps
        .into_iter()
        .map(|(line, id, title, body)| build_step(file, line, id, title, &body, problems))
        .collect();
    if let Completion::Min(m) = fm.completion {
        if m == 0 || m > steps.len() {
            problems.push(problem(
                file,
                2,
                format!(
                    "completion min = {m}: must be between 1 and the {} step(s) of the lesson",
                    steps.len()
                ),
            ));
        }
    }
    Some(Lesson {
        id: fm.id,
        title: fm.title,
        file: file.to_string(),
        steps,
        completion: fm.completion,
    })
}

/// `Title {#id}` -> ("Title", Some("id")).
fn split_heading_id(heading: &str) -> (&str, Option<&str>) {
    let h = heading.trim();
    if let Some(open) = h.rfind("{#") {
        if h.ends_with('}') {
            return (h[..open].trim(), Some(&h[open + 2..h.len() - 1]));
        }
    }
    (h, None)
}

/// Separates the `exercise` block from the step's Markdown and parses it.
fn build_step(
    file: &str,
    line: usize,
    id: String,
    title: String,
    body: &[(usize, &str)],
    problems: &mut Vec<Problem>,
) -> Step {
    let mut text = Vec::new();
    let mut block: Option<(usize, Vec<&str>)> = None;
    let mut blocks = 0;
    let mut in_block = false;
    for &(lineno, l) in body {
        let t = l.trim();
        if !in_block && (t == "```exercise" || t == "~~~exercise") {
            in_block = true;
            blocks += 1;
            block = Some((lineno + 1, Vec::new()));
        } else if in_block && (t == "```" || t == "~~~") {
            in_block = false;
        } else if in_block {
            if let Some((_, b)) = &mut block {
                b.push(l);
            }
        } else {
            text.push((lineno, l));
        }
    }
    if in_block {
        problems.push(problem(file, line, "exercise block is not closed"));
    }
    if blocks > 1 {
        problems.push(problem(file, line, "a step has at most one exercise block"));
    }
    let exercise = match block {
        None => Exercise::Read,
        Some((start, b)) => {
            let src = b.join("\n");
            match toml::from_str::<Exercise>(&src) {
                Ok(ex) => ex,
                Err(e) => {
                    let (l, msg) = toml_message(&src, &e);
                    problems.push(problem(file, start + l.saturating_sub(1), msg));
                    Exercise::Read
                }
            }
        }
    };
    // Raw HTML is sanitised away anyway; an author should know it will not show.
    let md = text.iter().map(|(_, l)| *l).collect::<Vec<_>>().join("\n");
    problems.extend(raw_html_problems(file, &md, "lessons", |l| {
        text.get(l).map(|(n, _)| *n).unwrap_or(line)
    }));
    Step {
        id,
        title,
        body: md.trim().to_string(),
        exercise,
        line,
        source: StepSource::Lesson,
    }
}

/// The raw HTML in Markdown text, with its 0-based line: refused in pack text, since the
/// sanitiser would remove it and the author would not see why.
pub(crate) fn raw_html(md: &str) -> Vec<(usize, String)> {
    pulldown_cmark::Parser::new(md)
        .into_offset_iter()
        .filter_map(|(ev, offset)| match ev {
            pulldown_cmark::Event::Html(h) | pulldown_cmark::Event::InlineHtml(h) => Some((
                md[..offset.start].matches('\n').count(),
                h.trim().to_string(),
            )),
            _ => None,
        })
        .collect()
}

/// A problem for each piece of raw HTML in pack Markdown (`what` says where: "lessons",
/// "the guide"); `line_of` turns a 0-based line of `md` into the line of its file.
pub(crate) fn raw_html_problems(
    file: &str,
    md: &str,
    what: &str,
    line_of: impl Fn(usize) -> usize,
) -> Vec<Problem> {
    raw_html(md)
        .into_iter()
        .map(|(l, h)| {
            problem(
                file,
                line_of(l),
                format!("raw HTML is not allowed in {what}: {h}"),
            )
        })
        .collect()
}

/// Checks one step against the rest of the pack: reference answers pass, anticipated
/// wrong answers fail, charts name real datasets and columns, forms are well defined.
fn check_step(
    step: &Step,
    file: &str,
    datasets: &[Dataset],
    import_tables: &HashSet<&str>,
    files: &BTreeMap<String, Vec<u8>>,
    problems: &mut Vec<Problem>,
) {
    let (file, place) = match &step.source {
        StepSource::Lesson => (file, String::new()),
        StepSource::Sheet { file, sheet } => (
            file.as_str(),
            format!("sheet `{sheet}`, row {}: ", step.line),
        ),
    };
    let mut at = |msg: String| {
        problems.push(problem(
            file,
            step.line,
            format!("{place}step `{}`: {msg}", step.id),
        ))
    };
    match &step.exercise {
        Exercise::Read => {}
        Exercise::Reflection(r) => {
            if r.min_length > crate::pack::MAX_REFLECTION {
                at(format!(
                    "min_length is above {}",
                    crate::pack::MAX_REFLECTION
                ));
            }
        }
        Exercise::Question(q) => {
            for msg in crate::lesson::exercise::question_problems(q) {
                at(msg);
            }
            if let Some(d) = &q.dataset {
                if !datasets.iter().any(|x| &x.name == d) && !import_tables.contains(d.as_str()) {
                    at(format!(
                        "dataset `{d}` is neither in datapackage.json nor a table that an import step or a data task makes"
                    ));
                }
            }
        }
        Exercise::Collect(c) => {
            for msg in c.form.definition_problems() {
                at(msg);
            }
        }
        Exercise::Chart(c) => match datasets.iter().find(|d| d.name == c.dataset) {
            None => at(format!(
                "dataset `{}` is not in datapackage.json",
                c.dataset
            )),
            Some(d) => {
                let header = files
                    .get(&d.path)
                    .and_then(|b| csv_header(b))
                    .unwrap_or_default();
                for col in [&c.x, &c.y] {
                    if !header.iter().any(|h| h == col) {
                        at(format!("column `{col}` is not in dataset `{}`", d.name));
                    }
                }
            }
        },
        // Checked by running them: see `crate::lesson::datatask::check_tasks`.
        Exercise::Data(_) | Exercise::ChartTask(_) | Exercise::Import(_) => {}
    }
}

/// The header of a UTF-8 CSV file (pack datasets are UTF-8 CSV).
fn csv_header(bytes: &[u8]) -> Option<Vec<String>> {
    let mut r = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(bytes);
    r.headers().ok().map(|h| {
        h.iter()
            .map(|s| s.trim_start_matches('\u{feff}').to_string())
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files(pairs: &[(&str, &str)]) -> BTreeMap<String, Vec<u8>> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.as_bytes().to_vec()))
            .collect()
    }

    const MANIFEST: &str = r#"schema = 1
id = "test"
version = "1.0.0"
licence = "CC-BY-4.0"
lessons = ["lessons/a.md"]
title = { fr = "Essai" }
"#;

    #[test]
    fn builtin_pack_is_valid() {
        let pack = Pack::builtin().unwrap_or_else(|e| panic!("{e}"));
        assert!(pack.lessons.len() >= 10, "a two-day workshop");
        assert!(pack.lessons.iter().all(|l| l.steps.len() >= 4));
        // Every kind of step the engine has is used somewhere in the workshop.
        let kinds: HashSet<&str> = pack
            .lessons
            .iter()
            .flat_map(|l| &l.steps)
            .map(|s| s.exercise.kind())
            .collect();
        for k in [
            "read",
            "question",
            "collect",
            "chart",
            "reflection",
            "data",
            "chart_task",
            "import",
        ] {
            assert!(kinds.contains(k), "the built-in pack lacks a {k} step");
        }
        // Every dataset of the built-in pack names its sources and licence.
        assert!(pack.warnings.is_empty(), "{:?}", pack.warnings);
        assert!(pack
            .datasets
            .iter()
            .all(|d| !d.sources.is_empty() && !d.licenses.is_empty()));
        // premiers-pas keeps all its step ids.
        let first = pack.lesson("premiers-pas").expect("premiers-pas is kept");
        let ids: Vec<&str> = first.steps.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "bienvenue",
                "collecte-ecole",
                "plus-peuplee",
                "ecart-sila",
                "graphique-population",
                "moins-peuplees",
                "tableau-moins-peuplees",
                "tracer-graphique",
                "reflexion",
                "conclusion"
            ]
        );
    }

    #[test]
    fn lesson_steps_and_line_numbers() {
        let lesson = "+++\nid = \"a\"\ntitle = { fr = \"A\" }\n+++\n\n## Un {#un}\n\nTexte.\n\n## Deux {#deux}\n\n```exercise\nkind = \"question\"\ntype = \"number\"\nanswer = 3\nhints = [\"trois\"]\n```\n";
        let (pack, problems) = parse(
            files(&[("pack.toml", MANIFEST), ("lessons/a.md", lesson)]),
            Origin::Builtin,
        );
        assert!(problems.is_empty(), "{problems:?}");
        let pack = pack.unwrap();
        let steps = &pack.lessons[0].steps;
        assert_eq!(steps.len(), 2);
        assert_eq!(steps[0].body, "Texte.");
        assert_eq!(steps[1].line, 10);
        assert_eq!(steps[1].exercise.kind(), "question");
        assert_eq!(steps[1].body, "");
    }

    #[test]
    fn problems_name_file_and_line() {
        let lesson = "+++\nid = \"a\"\ntitle = { fr = \"A\" }\n+++\n## Sans id\n\n## Double {#x}\n## Double {#x}\n\n```exercise\nkind = \"question\"\ntype = \"choice\"\nanswer = \"z\"\nchoices = [{ value = \"a\", label = \"A\" }]\n```\n<script>alert(1)</script>\n";
        let (_, problems) = parse(
            files(&[("pack.toml", MANIFEST), ("lessons/a.md", lesson)]),
            Origin::Builtin,
        );
        let text: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
        assert!(
            text.iter()
                .any(|p| p.starts_with("lessons/a.md:5: step heading needs a stable id")),
            "{text:?}"
        );
        assert!(
            text.iter()
                .any(|p| p.starts_with("lessons/a.md:8: step id `x` used twice")),
            "{text:?}"
        );
        assert!(
            text.iter()
                .any(|p| p.contains("reference answer `z` is not one of the choices")),
            "{text:?}"
        );
        assert!(text.iter().any(|p| p.contains("raw HTML")), "{text:?}");
    }

    #[test]
    fn a_step_from_a_workbook_is_named_by_its_sheet_and_row() {
        let step = Step {
            id: "q".into(),
            title: "Q".into(),
            body: String::new(),
            exercise: Exercise::Question(toml::from_str("type = \"number\"").unwrap()),
            line: 7,
            source: StepSource::Sheet {
                file: "questions/quiz.xlsx".into(),
                sheet: "questions".into(),
            },
        };
        let mut problems = Vec::new();
        check_step(
            &step,
            "lessons/a.md",
            &[],
            &HashSet::new(),
            &BTreeMap::new(),
            &mut problems,
        );
        assert_eq!(
            problems[0].to_string(),
            "questions/quiz.xlsx:7: sheet `questions`, row 7: step `q`: reference answer is not a number (or give min/max)"
        );
    }

    #[test]
    fn unsafe_paths_and_bad_manifests_are_refused() {
        assert!(!is_safe_relative_path("../etc/passwd"));
        assert!(!is_safe_relative_path("/etc/passwd"));
        assert!(!is_safe_relative_path("C:/x"));
        assert!(!is_safe_relative_path("a\\..\\b"));
        assert!(is_safe_relative_path("lessons/a.md"));
        let (_, problems) = parse(
            files(&[("pack.toml", "schema = 99\nid=\"x\"")]),
            Origin::Builtin,
        );
        assert_eq!(problems.len(), 1);
        let (_, problems) = parse(files(&[("pack.toml", "not toml [")]), Origin::Builtin);
        assert_eq!(problems[0].file, "pack.toml");
    }

    #[test]
    fn folder_with_a_link_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("pack.toml"), MANIFEST).unwrap();
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink("/etc/passwd", dir.path().join("lien")).unwrap();
            match Pack::from_dir(dir.path()) {
                Err(PackError::Invalid(p)) => assert!(p[0].message.contains("links")),
                other => panic!("{other:?}"),
            }
        }
    }

    #[test]
    fn completion_rule_in_front_matter() {
        let lesson = |fm: &str| {
            format!("+++\nid = \"a\"\ntitle = {{ fr = \"A\" }}\n{fm}\n+++\n## Un {{#un}}\n## Deux {{#deux}}\n## Trois {{#trois}}\n")
        };
        let parse_with = |fm: &str| {
            parse(
                files(&[("pack.toml", MANIFEST), ("lessons/a.md", &lesson(fm))]),
                Origin::Builtin,
            )
        };
        let (pack, problems) = parse_with("");
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(pack.unwrap().lessons[0].completion, Completion::All);
        let (pack, problems) = parse_with("completion = { min = 2 }");
        assert!(problems.is_empty(), "{problems:?}");
        let l = &pack.unwrap().lessons[0];
        assert_eq!(l.completion, Completion::Min(2));
        assert_eq!(l.completion.required(l.steps.len()), 2);
        assert_eq!(Completion::All.required(3), 3);
        let (_, problems) = parse_with("completion = { min = 4 }");
        assert!(
            problems[0].message.contains("between 1 and the 3 step(s)"),
            "{problems:?}"
        );
        let (_, problems) = parse_with("completion = \"most\"");
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].file, "lessons/a.md");
    }

    #[test]
    fn a_dataset_breaking_its_schema_refuses_the_pack() {
        let lesson = "+++\nid = \"a\"\ntitle = { fr = \"A\" }\n+++\n## Un {#un}\n";
        let dp = r#"{ "licenses": [{ "name": "CC0-1.0" }], "resources": [
            { "name": "pop", "path": "data/pop.csv", "sources": [{ "title": "Essai" }], "schema": { "fields": [
                { "name": "code", "type": "string", "constraints": { "required": true } },
                { "name": "n", "type": "integer", "constraints": { "minimum": 0 } } ],
              "primaryKey": "code" } },
            { "name": "sans_schema", "path": "data/pop.csv", "sources": [{ "title": "Essai" }] },
            { "name": "externe", "path": "data/pop.csv", "sources": [{ "title": "Essai" }], "schema": "schemas/absent.json" } ] }"#;
        let dir = tempfile::tempdir().unwrap();
        for (path, text) in [
            ("pack.toml", MANIFEST),
            ("lessons/a.md", lesson),
            ("datapackage.json", dp),
            ("data/pop.csv", "code,n\nTD-ND,3\nTD-ND,-1\n"),
        ] {
            let p = dir.path().join(path);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, text).unwrap();
        }
        let Err(PackError::Invalid(problems)) = Pack::from_dir(dir.path()) else {
            panic!("a pack whose dataset breaks its schema must be refused");
        };
        let text: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
        for needle in [
            "data/pop.csv:3: primary key `TD-ND` already on line 2",
            "data/pop.csv:3: `n`: `-1` is below the minimum 0",
            "datapackage.json: resource `sans_schema` has no Table Schema",
            "datapackage.json: resource `externe`: schema file schemas/absent.json not found",
        ] {
            assert!(
                text.iter().any(|t| t == needle || t.starts_with(needle)),
                "{needle}: {text:?}"
            );
        }
        assert_eq!(text.len(), 4, "{text:?}");
    }

    /// A folder pack of one lesson with `extra` files; `pack.toml` gets `manifest_tail`.
    fn folder(manifest_tail: &str, extra: &[(&str, &str)]) -> tempfile::TempDir {
        let lesson = "+++\nid = \"a\"\ntitle = { fr = \"A\" }\n+++\n## Un {#un}\n";
        let dir = tempfile::tempdir().unwrap();
        let manifest = MANIFEST.replace(
            "lessons = [\"lessons/a.md\"]\n",
            &format!("lessons = [\"lessons/a.md\"]\n{manifest_tail}"),
        );
        for (path, text) in [("pack.toml", manifest.as_str()), ("lessons/a.md", lesson)]
            .into_iter()
            .chain(extra.iter().copied())
        {
            let p = dir.path().join(path);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, text).unwrap();
        }
        dir
    }

    fn problems_of(dir: &tempfile::TempDir) -> Vec<String> {
        match Pack::from_dir(dir.path()) {
            Err(PackError::Invalid(p)) => p.iter().map(|p| p.to_string()).collect(),
            Err(e) => panic!("{e}"),
            Ok(_) => Vec::new(),
        }
    }

    #[test]
    fn a_guide_is_optional_checked_and_kept() {
        let pack = Pack::from_dir(folder("", &[]).path()).unwrap();
        assert_eq!(pack.manifest.guide, None);
        assert_eq!(pack.guide_markdown(), None);

        let md = "# Guide de l'animateur\n\n## Jour 1\n\n| Heure | Séance |\n|---|---|\n| 8 h 30 | Accueil |\n";
        let dir = folder(
            "guide = \"guide/animateur.md\"\n",
            &[("guide/animateur.md", md)],
        );
        let pack = Pack::from_dir(dir.path()).unwrap();
        assert_eq!(pack.manifest.guide.as_deref(), Some("guide/animateur.md"));
        assert_eq!(pack.guide_markdown(), Some(md));

        for (key, needle) in [
            (
                "guide = \"../animateur.md\"\n",
                "pack.toml: guide `../animateur.md`: the path must be relative",
            ),
            (
                "guide = \"/etc/passwd\"\n",
                "pack.toml: guide `/etc/passwd`: the path must be relative",
            ),
            (
                "guide = \"guide/absent.md\"\n",
                "pack.toml: guide file guide/absent.md not found",
            ),
        ] {
            let p = problems_of(&folder(key, &[("guide/animateur.md", md)]));
            assert!(p.len() == 1 && p[0].starts_with(needle), "{needle}: {p:?}");
        }
        let p = problems_of(&folder(
            "guide = \"guide/animateur.md\"\n",
            &[(
                "guide/animateur.md",
                "# G\n\nBonjour <b onclick=\"x()\">vous</b>.\n",
            )],
        ));
        assert_eq!(
            p,
            [
                "guide/animateur.md:3: raw HTML is not allowed in the guide: <b onclick=\"x()\">",
                "guide/animateur.md:3: raw HTML is not allowed in the guide: </b>"
            ]
        );
        // An unknown key is still refused (deny_unknown_fields).
        let p = problems_of(&folder("guides = \"x.md\"\n", &[]));
        assert!(p[0].contains("guides"), "{p:?}");
    }

    #[test]
    fn every_dataset_needs_a_titled_source_and_a_licence() {
        let csv = ("data/d.csv", "n\n1\n");
        let schema = r#""schema": { "fields": [{ "name": "n", "type": "integer" }] }"#;
        let dp = |package: &str, resource: &str| {
            format!(
                r#"{{ {package} "resources": [{{ "name": "d", "path": "data/d.csv", "title": "D", "description": " Un jeu. ", {resource} {schema} }}] }}"#
            )
        };
        // Resource licence, several sources (an untitled one is dropped).
        let text = dp(
            "",
            r#""sources": [{ "title": "INSEED", "path": "https://inseed.td" }, { "path": "x" }, { "title": "B" }],
               "licenses": [{ "name": "CC-BY-4.0", "title": "CC BY 4.0" }],"#,
        );
        let pack = Pack::from_dir(folder("", &[("datapackage.json", &text), csv]).path()).unwrap();
        let d = &pack.datasets[0];
        assert_eq!(d.description, "Un jeu.");
        assert_eq!(
            d.sources,
            [
                Source {
                    title: "INSEED".into(),
                    path: Some("https://inseed.td".into())
                },
                Source {
                    title: "B".into(),
                    path: None
                }
            ]
        );
        assert_eq!(d.licenses[0].label(), "CC BY 4.0");
        // The package's licence when the resource has none.
        let text = dp(
            r#""licenses": [{ "name": "ODbL-1.0" }],"#,
            r#""sources": [{ "title": "INSEED" }],"#,
        );
        let pack = Pack::from_dir(folder("", &[("datapackage.json", &text), csv]).path()).unwrap();
        assert_eq!(pack.datasets[0].licenses[0].label(), "ODbL-1.0");
        // Neither: two warnings naming the resource (a pack written before sources were
        // shown still loads).
        let text = dp(
            "",
            r#""sources": [{ "path": "https://x" }], "licenses": [{ "title": "?" }],"#,
        );
        let pack = Pack::from_dir(folder("", &[("datapackage.json", &text), csv]).path()).unwrap();
        let p: Vec<String> = pack.warnings.iter().map(|w| w.to_string()).collect();
        assert_eq!(p.len(), 2, "{p:?}");
        assert!(
            p[0].starts_with("datapackage.json: resource `d` needs a source with a title"),
            "{p:?}"
        );
        assert!(
            p[1].starts_with("datapackage.json: resource `d` needs a licence"),
            "{p:?}"
        );
    }
}
