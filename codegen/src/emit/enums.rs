//! The Rust enum of a Graph enum type: the documented members plus `Unrecognized(String)`, so
//! values the docs do not list survive reading and writing back. Its conversions (`as_str`,
//! `From<&str>`, `Display`, serde), the docs' integer `value` and its comparisons, all through
//! the wire name, come from a `support::string_enum!` table (one row per line), like the
//! structs' `object!` tables. Written out, those impls were 1.5 MB of a whole tree's source.

use super::code::Code;
use super::ident::{camel, doc_name, ident_text, into_ident_text, push_string_literal, Scope};
use super::Emitter;
use crate::schema::{Origin, TypeDef};
use std::fmt::Write as _;

/// One documented member, as a variant.
struct Variant<'a> {
    name: String,
    /// The member name as sent on the wire.
    wire: &'a str,
    /// The integer value the docs give, if any.
    value: Option<i64>,
    /// The member's description.
    description: &'a str,
    /// The generator's line about the member: its wire name and value.
    about: String,
}

/// The variants of the members of `t`, then the name of the catch-all variant (both unique in
/// the enum).
fn variants(t: &TypeDef) -> (Vec<Variant<'_>>, String) {
    let mut scope = Scope::new();
    let variants = t
        .members
        .iter()
        .map(|m| {
            // Concatenated, not formatted: an enum's members are many of emit's rows.
            let mut about = ["`", &doc_name(&m.name), "`"].concat();
            if let Some(value) = m.value {
                // Writing into a `String` cannot fail.
                let _ = write!(about, " (value {value})");
            }
            about.push('.');
            Variant {
                name: into_ident_text(scope.unique(&camel(&m.name))),
                wire: &m.name,
                value: m.value,
                description: &m.description,
                about,
            }
        })
        .collect();
    (variants, into_ident_text(scope.unique("Unrecognized")))
}

/// The generator's line about an enum type: its name, the catch-all variant `other`, its origin.
fn enum_about(t: &TypeDef, other: &str) -> String {
    let mut about = format!("Graph enum `{}`. Values the docs do not list are kept in `{other}`, so reading and writing them back loses nothing.", doc_name(&t.qualified_name()));
    match t.origin {
        Origin::Reconstructed => about.push_str(" No docs page was given for this enum: its members come from the possible values listed by the properties that use it."),
        Origin::Placeholder => about.push_str(" No docs page was given for this enum: every value is kept as unrecognized."),
        Origin::Page => {}
    }
    about
}

impl Emitter<'_> {
    /// Writes the enum of an enum type into `out`, and its `support::string_enum!` table
    /// (`enum_table`, which gives `value` when the docs give integer values); each item under
    /// `cfg`, the type's `#[cfg]` with area features.
    pub(super) fn emit_enum(&self, t: &TypeDef, cfg: Option<&str>, out: &mut Code) {
        let q = t.qualified_name();
        let name = ident_text(self.names.type_name(&q)).into_owned();
        let (variants, other) = variants(t);
        let mut item = self.start_item(out, cfg);
        item.docs(&t.description, &enum_about(t, &other));
        item.line("#[derive(Clone, Debug)]");
        for attribute in self.attributes.of_type(&q) {
            item.attribute(attribute, true);
        }
        if self.options.non_exhaustive {
            item.line("#[non_exhaustive]");
        }
        item.open(&["pub enum ", &name, " {"].concat());
        for v in &variants {
            item.docs(v.description, &v.about);
            item.line_of(&[&v.name, ","]);
        }
        item.doc(" A value this version of the docs does not list, kept verbatim.");
        item.line_of(&[other.as_str(), "(String),"]);
        item.close("}");
        out.append(item);
        self.table(
            out,
            cfg,
            "string_enum",
            &name,
            enum_table(&variants, &other),
        );
    }
}

/// The lines of the `support::string_enum!` table of an enum after its name: its catch-all
/// variant `other`, then a row per member (wire name => variant, then ` = value` if the docs
/// give one).
fn enum_table(variants: &[Variant], other: &str) -> Vec<String> {
    std::iter::once([other, ","].concat())
        .chain(variants.iter().map(|v| {
            // At its length (but for an escaped name or a long value): one allocation a row.
            let mut row = String::with_capacity(v.wire.len() + v.name.len() + 32);
            push_string_literal(&mut row, v.wire);
            row.push_str(" => ");
            row.push_str(&v.name);
            if let Some(value) = v.value {
                // Writing into a `String` cannot fail.
                let _ = write!(row, " = {value}");
            }
            row.push(',');
            row
        }))
        .collect()
}
