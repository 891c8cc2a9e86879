//! The figures of a comparison: how many types each side has, and how often the docs agree with
//! the metadata on bases, kinds, own properties, property types, collections and enum members.
//!
//! Each figure is a [`Ratio`] over a set defined on its field; the README's `check --metadata`
//! section repeats the definitions.

use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};
use std::fmt;

/// `count` of `total` agree (or, for precision and recall, are right).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Ratio {
    /// How many agree.
    pub count: usize,
    /// Of how many.
    pub total: usize,
}

impl Ratio {
    /// `count` of `total`.
    pub fn new(count: usize, total: usize) -> Ratio {
        Ratio { count, total }
    }

    /// Counts one more case, agreeing or not.
    pub fn add(&mut self, agrees: bool) {
        self.total += 1;
        self.count += usize::from(agrees);
    }

    /// The percentage, rounded to one decimal; `None` when `total` is 0.
    pub fn percent(&self) -> Option<f64> {
        (self.total > 0).then(|| (self.count as f64 * 1000.0 / self.total as f64).round() / 10.0)
    }
}

/// `70.9% (1613 of 2275)`, or `n/a (0 of 0)`.
impl fmt::Display for Ratio {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.percent() {
            Some(p) => write!(f, "{p:.1}% ({} of {})", self.count, self.total),
            None => write!(f, "n/a (0 of 0)"),
        }
    }
}

/// `{"count": 1613, "total": 2275, "percent": 70.9}` (`percent` is `null` when `total` is 0).
impl Serialize for Ratio {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Ratio", 3)?;
        st.serialize_field("count", &self.count)?;
        st.serialize_field("total", &self.total)?;
        st.serialize_field("percent", &self.percent())?;
        st.end()
    }
}

/// How the types of the two sides pair up.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct TypeTally {
    /// Types of the docs' schema (reconstructed and placeholder types included).
    pub docs: usize,
    /// Entity, complex and enum types of the metadata.
    pub metadata: usize,
    /// Types on both sides: paired by exact qualified name, or else by a name that differs only
    /// in case (when exactly one type on each side is left with that spelling).
    pub both: usize,
    /// Of `both`, the pairs whose names differ in case (each a `metadata-type-case`).
    pub case_only: usize,
    /// Docs types the metadata lacks (each a `metadata-extra-type`).
    pub only_in_docs: usize,
    /// Metadata types no docs type stands for (listed by name in the report).
    pub only_in_metadata: usize,
}

/// The agreement figures.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Figures {
    /// Over the types on both sides that the metadata makes entity or complex types: the docs
    /// base equals the metadata's `BaseType` (both none counts as agreeing).
    pub base: Ratio,
    /// Over all types on both sides: the same kind (entity, complex, enum).
    pub kind: Ratio,
    /// Own properties, over the types on both sides that the metadata makes entity or complex
    /// types.
    pub own_properties: OwnPropertyFigures,
    /// Over the own properties matched by name: the same type (a primitive, or a qualified name
    /// compared case-sensitively; the docs' `Json` and the metadata's `microsoft.graph.Json`
    /// count as the same).
    pub property_type: Ratio,
    /// Over the own properties matched by name: both collections or both single values.
    pub collection: Ratio,
    /// Enum members, over the types on both sides that the metadata makes enums.
    pub enum_members: EnumMemberFigures,
}

/// Own properties: those declared on the type itself — in the docs, rows not marked inherited
/// (`Property::inherited` false); in the metadata, the `Property` and `NavigationProperty`
/// elements of the type's own element. Matched by exact name.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct OwnPropertyFigures {
    /// Matched of the docs' own properties.
    pub precision: Ratio,
    /// Matched of the metadata's own properties.
    pub recall: Ratio,
    /// Of the docs' own properties that the metadata's type lacks, those that a metadata
    /// ancestor declares (rows inherited in truth, read as the type's own).
    pub false_declared_on_ancestor: usize,
}

/// Enum members, matched by exact name.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct EnumMemberFigures {
    /// Matched of the docs' members.
    pub precision: Ratio,
    /// Matched of the metadata's members.
    pub recall: Ratio,
    /// Over the matched members whose value the docs state: the same value as the metadata's.
    pub value: Ratio,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ratios_print_and_serialize_with_a_rounded_percentage() {
        let r = Ratio::new(1613, 2275);
        assert_eq!(r.to_string(), "70.9% (1613 of 2275)");
        assert_eq!(
            serde_json::to_string(&r).unwrap(),
            r#"{"count":1613,"total":2275,"percent":70.9}"#
        );
        let none = Ratio::default();
        assert_eq!(none.to_string(), "n/a (0 of 0)");
        assert_eq!(
            serde_json::to_string(&none).unwrap(),
            r#"{"count":0,"total":0,"percent":null}"#
        );
        let mut all = Ratio::default();
        all.add(true);
        all.add(true);
        assert_eq!(all.to_string(), "100.0% (2 of 2)");
    }
}
