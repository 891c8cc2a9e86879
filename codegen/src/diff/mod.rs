//! Schema diffs: what changed between two revisions of a [`Schema`], and what it breaks.
//!
//! [`diff`] matches types by qualified name (never by page path) and reports one [`Change`] per
//! difference. Every change is classified on two independent axes:
//!
//! - [`Wire`]: JSON compatibility between a client built from the old schema and a service that
//!   follows the new one. *Readers* parse responses; *writers* build requests.
//! - [`RustApi`]: the semver impact on the generated Rust code, in the spirit of
//!   cargo-semver-checks. The generated code is assumed to be: one plain `pub struct` per entity
//!   or complex type with one `pub` field of type `Option<T>` per property (inherited properties
//!   flattened in) and `Default`; one `pub enum` per enum type with one variant per member plus a
//!   catch-all `Unrecognized(String)`. With [`DiffOptions::non_exhaustive`] both carry
//!   `#[non_exhaustive]`.
//!
//! The [`Severity`](crate::diag::Severity) of a change is derived from both axes by
//! [`severity_of`]. A [`DiffReport`] renders as text ([`render_text`]), a Markdown PR comment
//! ([`render_markdown`]) or JSON ([`render_json`]); [`DiffReport::fails`] gives the exit decision
//! for a `--fail-on` threshold.
//!
//! Properties are compared on each type's *own* properties only, so a property removed from a
//! base type is reported once, on the base, not again in every subtype. A property whose
//! declaration moves between a type and one of its ancestors is a [`ChangeKind::PropertyMoved`].
//!
//! The module's parts: `model` (the change model and the severity rule), `differ` and
//! `properties` (the comparison), `renames` (rename detection), `wire` (JSON compatibility of
//! property types) and `render` (text, Markdown and JSON).

mod differ;
mod model;
mod properties;
mod renames;
mod render;
#[cfg(test)]
mod test_support;
mod wire;

pub use model::{
    severity_of, Change, ChangeKind, ChangesBySeverity, DiffOptions, DiffReport, DiffSummary,
    RustApi, Wire, DIFF_FORMAT_VERSION,
};
pub use render::{render_json, render_markdown, render_text};

use crate::schema::{QualifiedName, Schema, TypeDef};
use differ::Differ;
use std::collections::{BTreeMap, BTreeSet};

/// Compares two schema revisions. Types are matched by qualified name.
pub fn diff(old: &Schema, new: &Schema, options: &DiffOptions) -> DiffReport {
    let old = Revision::new(old);
    let new = Revision::new(new);
    let mut differ = Differ::new(&old, &new, options);
    let names: BTreeSet<&QualifiedName> = old.types.keys().chain(new.types.keys()).collect();
    for name in names {
        differ.diff_type_name(name.as_str());
    }
    differ.into_report()
}

/// A schema's types by qualified name.
type TypesByName<'s> = BTreeMap<QualifiedName, &'s TypeDef>;

/// One schema revision, with its types indexed by qualified name.
struct Revision<'s> {
    /// The schema.
    schema: &'s Schema,
    /// Its types by qualified name; the first definition wins if a hand-built schema repeats
    /// one.
    types: TypesByName<'s>,
}

impl<'s> Revision<'s> {
    /// Indexes the types of `schema`.
    fn new(schema: &'s Schema) -> Self {
        let mut types = BTreeMap::new();
        for t in schema.types() {
            types.entry(t.qualified_name()).or_insert(t);
        }
        Revision { schema, types }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Severity;
    use test_support::*;

    #[test]
    fn identical_schemas_have_no_changes() {
        let types = reset(vec![prop("passcode", "String")]);
        let report = run(types.clone(), types);
        assert!(report.is_empty());
        assert_eq!(report.worst(), None);
        assert!(!report.fails(Severity::Info));
        assert_eq!(report.summary, DiffSummary::default());
        assert_eq!(render_text(&report, true), "no changes\n");
        assert_eq!(
            render_markdown(&report),
            "## Schema changes\n\nNo changes.\n"
        );
    }

    #[test]
    fn output_is_independent_of_input_order() {
        let old = schema(reset(vec![prop("a", "String"), prop("b", "String")]));
        let new = schema(reset(vec![prop("c", "Int32"), prop("d", "Int32")]));
        let (mut types, diagnostics) = old.clone().into_parts();
        types.reverse();
        for t in &mut types {
            t.properties.reverse();
        }
        let old_rev = Schema::new(types, diagnostics);
        let options = DiffOptions::default();
        assert_eq!(
            render_json(&diff(&old, &new, &options)),
            render_json(&diff(&old_rev, &new, &options))
        );
    }
}
