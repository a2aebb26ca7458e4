//! Paged data grid (in progress).
