//! Schema diffs (being written).
