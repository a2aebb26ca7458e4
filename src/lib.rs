//! DataJam Atelier core: everything the workshop does, with no GUI dependency.
//!
//! The desktop shell (`src-tauri/`) and the `datajam` CLI are thin layers over
//! [`workshop::Workshop`], which ties the modules together:
//!
//! - [`store`]: the SQLite database in the data directory (profiles, progress events,
//!   collected records, imported tables), with migrations and durable commits.
//! - [`pack`]: lesson packs (source folders and the built-in pack) and their checks.
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
//! - [`tableschema`]: pack datasets checked against their Frictionless Table Schema.
//! - [`xlsform`]: collect forms written as XLSForm workbooks (KoboToolbox/ODK).
//! - [`i18n`]: the user's language and the translated messages for error codes.

pub mod chart;
pub mod error;
pub mod exercise;
pub mod export;
pub mod form;
pub mod i18n;
pub mod import;
pub mod markdown;
pub mod pack;
pub mod packfile;
pub mod paths;
pub mod progress;
pub mod provinces;
pub mod store;
pub mod tables;
pub mod tableschema;
pub mod task;
pub mod workshop;
pub mod xlsform;

pub use error::{Error, Result};
pub use workshop::Workshop;
