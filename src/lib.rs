//! DataJam Atelier core: everything the workshop does, with no GUI dependency.
//!
//! The desktop shell (`src-tauri/`) and the `datajam` CLI are thin layers over
//! [`workshop::Workshop`], the one door. Folders by stage, each owning one job:
//!
//! - [`import`]: spreadsheets and CSV files read into typed workspace tables.
//! - [`store`]: the SQLite database (profiles, progress events, records, workspace tables),
//!   with migrations and durable commits; a table out to CSV or XLSX.
//! - [`pack`]: lesson packs: manifest, lessons and datasets, Table Schema, XLSForm,
//!   questions in a workbook, the facilitator's guide, Markdown, `.datajam` files.
//! - [`lesson`]: what a trainee does in a step and how it is judged: answers, forms,
//!   data and chart tasks, import steps.
//! - [`analysis`]: pipelines, the SQL console, the data grid, columns in memory,
//!   inequality indicators, Chad's provinces.
//! - [`chart`]: charts as SVG and PNG, with an embedded font, and advice.
//! - [`progress`]: progress files for the USB stick and the class merge.
//! - [`i18n`]: the user's language, numbers, and the messages.
//! - [`workshop`]: the API both faces call (one file per area), and `play`, which replays
//!   scripted answers through it.
//!
//! Beside them, two leaves: [`error`] (the `Error` every stage's error becomes) and
//! [`paths`] (the data directory). `tests/core_layout.rs` keeps the folders in layers
//! without a cycle.

pub mod analysis;
pub mod chart;
pub mod error;
pub mod i18n;
pub mod import;
pub mod lesson;
pub mod pack;
pub mod paths;
pub mod progress;
pub mod store;
pub mod workshop;

pub use error::{Error, Result};

/// What wrote a file: `DataJam Atelier <version>`, stamped in progress files and pack files
/// so that a facilitator can tell which version made what is on a USB stick.
pub fn written_by() -> String {
    format!("DataJam Atelier {}", env!("CARGO_PKG_VERSION"))
}
pub use workshop::Workshop;
