//! msgraph-docgen: typed Rust models of Microsoft Graph, generated from its Markdown docs.
//!
//! The pipeline has three stages, each with one data type at its boundary:
//!
//! 1. [`parse`]: a Markdown page → [`parse::Page`] (tables, annotation, JSON block, links);
//! 2. [`schema`]: pages → [`schema::Schema`], the intermediate representation (types, bases,
//!    properties, enums, diagnostics), serializable as stable JSON;
//! 3. [`emit`]: a schema → Rust source, written in prettyplease's layout.
//!
//! [`report`] summarises a schema and its diagnostics for the `check` command; [`load`] reads a
//! schema saved as JSON or from a git revision, for `diff`; [`metadata`] measures a schema against
//! the service's own metadata (CSDL) for `check --metadata`; [`validate`] checks the request and
//! response examples of the API method pages against a schema.

#![warn(missing_docs)]

mod builder;
mod code_enum;
pub mod config;
pub mod diag;
pub mod diff;
mod docs_text;
pub mod emit;
pub mod git;
pub mod input;
pub mod load;
pub mod metadata;
pub mod output;
mod parallel;
pub mod parse;
pub mod primitive;
pub mod report;
pub mod schema;
pub mod tree;
pub mod validate;

use std::path::PathBuf;

pub use builder::{Builder, Error, Generated, DEFAULT_FILE_NAME};
pub use code_enum::UnknownCode;

/// Reads the pages under `inputs` and builds their schema (stages 1 and 2).
pub fn schema_of(inputs: &[PathBuf]) -> Result<schema::Schema, input::InputError> {
    let pages = input::read_pages(inputs)?;
    Ok(schema::build(pages))
}

/// The README's Rust examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
pub struct ReadmeDoctests;
