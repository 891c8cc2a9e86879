//! msgraph-docgen: typed Rust models of Microsoft Graph, generated from its Markdown docs.
//!
//! The pipeline has three stages, each with one data type at its boundary:
//!
//! 1. [`parse`]: a Markdown page → [`parse::Page`] (tables, annotation, JSON block, links);
//! 2. [`schema`]: pages → [`schema::Schema`], the intermediate representation (types, bases,
//!    properties, enums, diagnostics), serializable as stable JSON;
//! 3. [`emit`]: a schema → Rust source, formatted by prettyplease.

pub mod diag;
pub mod diff;
pub mod emit;
pub mod input;
pub mod output;
pub mod parse;
pub mod primitive;
pub mod schema;

use std::path::PathBuf;

/// Reads the pages under `inputs` and builds their schema (stages 1 and 2).
pub fn schema_of(inputs: &[PathBuf]) -> Result<schema::Schema, input::InputError> {
    let pages = input::read_pages(inputs)?;
    Ok(schema::build(&pages))
}
