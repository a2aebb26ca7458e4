//! DataJam Atelier core: everything the workshop does, with no GUI dependency.
//!
//! The desktop shell (`src-tauri/`) and the `datajam` CLI are thin layers over
//! [`workshop::Workshop`], which ties the modules together:
//!
//! - [`store`]: the SQLite database in the data directory (profiles, progress events,
//!   collected records, imported tables), with migrations and durable commits.
//! - [`pack`]: lesson packs (source folders and the built-in pack) and their checks.
//! - [`guide`]: a pack's facilitator's guide (checked, sanitised, with its contents).
//! - [`packfile`]: `.datajam` pack files: reproducible build, untrusted reading, install.
//! - [`markdown`]: Markdown to sanitised HTML for everything a pack says.
//! - [`form`]: collect forms: typed fields and their validation.
//! - [`exercise`]: answer checking, feedback and hints.
//! - [`import`]: spreadsheets and CSV files into typed workspace tables.
//! - [`tables`]: the imported tables and their columns.
//! - [`export`]: an imported table out to CSV (international or French Excel) or XLSX.
//! - [`progress`]: progress files for the USB stick, the class merge, scripted play.
//! - [`provinces`]: Chad's 23 provinces and their ISO 3166-2 codes.
//! - [`chart`]: charts drawn by plotters, with an embedded font.
//! - [`task`]: checking data tasks (result table against the reference) and chart tasks.
//! - [`analysis`]: result tables, analysis errors and SQL functions (fold, median).
//! - [`pipeline`]: typed analysis pipelines (filter, derive, group, sort, limit, pivot, join) compiled to SQL.
//! - [`sql`]: the read-only SQL console (read-only connection, authorizer, time limit).
//! - [`grid`]: paged data grid sorted by any column.
//! - [`workbench`]: the Analyse screen's calls (grid, pipeline, SQL console, charts,
//!   indicators, provinces) as `Workshop` methods.
//! - [`columnar`]: columns held in memory for fast sorts and group-bys.
//! - [`indicators`]: inequality indicators (Gini, Lorenz, Palma, S80/S20, parity, gap, rates).
//! - [`tableschema`]: pack datasets checked against their Frictionless Table Schema.
//! - [`xlsform`]: collect forms written as XLSForm workbooks (KoboToolbox/ODK).
//! - [`questions`]: question steps written in a workbook, one row per question.
//! - [`datainfo`]: a pack dataset's title, sources and licences as the app shows them.
//! - [`datatask`]: data-task and chart-task steps: pack format, `pack check` proofs, solution text.
//! - [`importstep`]: import steps: a practice file of the pack imported into a table.
//! - [`i18n`]: the user's language and the translated messages for error codes.

pub mod analysis;
pub mod chart;
pub mod columnar;
pub mod datainfo;
pub mod datatask;
pub mod error;
pub mod exercise;
pub mod export;
pub mod form;
pub mod grid;
pub mod guide;
pub mod i18n;
pub mod import;
pub mod importstep;
pub mod indicators;
pub mod markdown;
pub mod pack;
pub mod packfile;
pub mod paths;
pub mod pipeline;
pub mod progress;
pub mod provinces;
pub mod questions;
pub mod sql;
pub mod store;
pub mod tables;
pub mod tableschema;
pub mod task;
pub mod workbench;
pub mod workshop;
pub mod xlsform;

pub use error::{Error, Result};
pub use workshop::Workshop;
