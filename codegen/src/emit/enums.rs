//! The Rust enum of a Graph enum type: the documented members plus `Unrecognized(String)`, so
//! values the docs do not list survive reading and writing back. Its conversions (`as_str`,
//! `From<&str>`, `Display`, serde), the docs' integer `value` and its comparisons, all through
//! the wire name, come from a `support::string_enum!` table (one row per line), like the
//! structs' `object!` tables. Written out, those impls were 1.5 MB of a whole tree's source.

use super::code::Code;
use super::ident::{
    camel, doc_name, ident_text, into_ident_text, push_doc_name, push_string_literal,
    unique_in_order, Scope,
};
use super::Emitter;
use crate::schema::{Origin, QualifiedName, TypeDef};

/// Appends `value` in decimal to `out`, as `Display` writes it, through `itoa` (the
/// formatting machinery was a tenth of the cost of an enum's rows).
fn push_integer(out: &mut String, value: i64) {
    out.push_str(itoa::Buffer::new().format(value));
}

/// One documented member, as a variant.
struct Variant<'a> {
    name: String,
    /// The member name as sent on the wire.
    wire: &'a str,
    /// The integer value the docs give, if any.
    value: Option<i64>,
    /// The member's description.
    description: &'a str,
}

impl Variant<'_> {
    /// Appends the generator's line about the member to `about`: its wire name and value.
    fn push_about(&self, about: &mut String) {
        about.push('`');
        push_doc_name(about, self.wire);
        about.push('`');
        if let Some(value) = self.value {
            about.push_str(" (value ");
            push_integer(about, value);
            about.push(')');
        }
        about.push('.');
    }
}

/// The variants of the members of `t`, then the name of the catch-all variant (both unique in
/// the enum).
fn variants(t: &TypeDef) -> (Vec<Variant<'_>>, String) {
    let (names, other) = variant_names(t.members.iter().map(|m| m.name.as_str()));
    let variants = (t.members.iter())
        .zip(names)
        .map(|(m, name)| Variant {
            name: into_ident_text(name),
            wire: &m.name,
            value: m.value,
            description: &m.description,
        })
        .collect();
    (variants, into_ident_text(other))
}

/// The names of the variants of members named `members` (before keyword escaping), then the
/// name of the catch-all variant: as a scope hands them out, in that order, but with no scope
/// unless a member takes the catch-all's name.
fn variant_names<'m>(members: impl Iterator<Item = &'m str> + Clone) -> (Vec<String>, String) {
    /// The catch-all variant's name, when no member takes it.
    const OTHER: &str = "Unrecognized";
    let names = unique_in_order(&[], members.clone().map(camel).collect());
    if names.iter().any(|name| name == OTHER) {
        // A member took it: the catch-all's name is the one a scope of them all hands out.
        let mut scope = Scope::new();
        let names: Vec<String> = members.map(|m| scope.unique_owned(camel(m))).collect();
        (names, scope.unique(OTHER))
    } else {
        (names, OTHER.to_owned())
    }
}

/// The generator's line about an enum type `t`, named `q`: its name, the catch-all variant
/// `other`, its origin.
fn enum_about(t: &TypeDef, q: &QualifiedName, other: &str) -> String {
    let mut about = format!("Graph enum `{}`. Values the docs do not list are kept in `{other}`, so reading and writing them back loses nothing.", doc_name(q));
    match t.origin {
        Origin::Reconstructed => about.push_str(" No docs page was given for this enum: its members come from the possible values listed by the properties that use it."),
        Origin::Placeholder => about.push_str(" No docs page was given for this enum: every value is kept as unrecognized."),
        Origin::Page => {}
    }
    about
}

impl Emitter<'_> {
    /// Writes the enum of an enum type into `out`, and its `support::string_enum!` table
    /// (`write_enum_table`, which gives `value` when the docs give integer values); each item under
    /// `cfg`, the type's `#[cfg]` with area features.
    pub(super) fn emit_enum(&self, t: &TypeDef, cfg: Option<&str>, out: &mut Code) {
        let q = self.qualified(t);
        let name = ident_text(self.names.type_name(&q)).into_owned();
        let (variants, other) = variants(t);
        let item = self.start_item(out, cfg);
        out.docs(&t.description, &enum_about(t, &q, &other));
        out.line("#[derive(Clone, Debug)]");
        for attribute in self.attributes.of_type(&q) {
            out.attribute(attribute, true);
        }
        if self.options.non_exhaustive {
            out.line("#[non_exhaustive]");
        }
        out.open_of(&["pub enum ", &name, " {"]);
        for v in &variants {
            out.docs_with(v.description, |about| v.push_about(about));
            out.line_of(&[&v.name, ","]);
        }
        out.doc(" A value this version of the docs does not list, kept verbatim.");
        out.line_of(&[other.as_str(), "(String),"]);
        out.close("}");
        out.end_item(item);
        self.table(out, cfg, "string_enum", &name, |out| {
            write_enum_table(out, &variants, &other);
        });
    }
}

/// Writes the rows of the `support::string_enum!` table of an enum after its name into `out`:
/// its catch-all variant `other`, then a row per member (wire name => variant, then ` = value`
/// if the docs give one).
fn write_enum_table(out: &mut Code, variants: &[Variant], other: &str) {
    out.verbatim_line_with(|row| {
        row.push_str(other);
        row.push(',');
    });
    for v in variants {
        out.verbatim_line_with(|row| {
            push_string_literal(row, v.wire);
            row.push_str(" => ");
            row.push_str(&v.name);
            if let Some(value) = v.value {
                row.push_str(" = ");
                push_integer(row, value);
            }
            row.push(',');
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integers_are_written_as_display_writes_them() {
        let edges = [
            i64::MIN,
            i64::MIN + 1,
            -10,
            -9,
            -1,
            0,
            1,
            9,
            10,
            99,
            100,
            i64::MAX,
        ];
        let around = (-1000..1000).chain((0..63).map(|shift| 1i64 << shift));
        for value in edges.into_iter().chain(around) {
            let mut out = String::from("x");
            push_integer(&mut out, value);
            assert_eq!(out, format!("x{value}"));
        }
    }

    #[test]
    fn variant_names_are_those_one_scope_hands_out() {
        let lists: [&[&str]; 5] = [
            &[],
            &["a", "b"],
            &["a", "A", "a"],
            &["unrecognized", "x"],
            &["Unrecognized", "unrecognized", "Unrecognized2", "a"],
        ];
        for members in lists {
            let mut scope = Scope::new();
            let names: Vec<String> = (members.iter())
                .map(|m| scope.unique_owned(camel(m)))
                .collect();
            let expected = (names, scope.unique("Unrecognized"));
            assert_eq!(
                variant_names(members.iter().copied()),
                expected,
                "{members:?}"
            );
        }
    }
}
