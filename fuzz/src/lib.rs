//! Helpers for the fuzz targets: the same checks as the core's robustness test
//! (`tests/robustness.rs`), included from one shared file so they cannot drift apart.

#[path = "../../tests/support/robustness.rs"]
mod robustness;

pub use robustness::*;
