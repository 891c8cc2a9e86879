//! How far two schemas read from the same docs agree (the English pages and a pseudo-localised
//! copy of them): types, bases, properties and enum members, each counted over the union of
//! both sides, so that what one side lacks and what it has too many both count against it.

use msgraph_docgen::schema::{Kind, Schema};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

/// `agreeing` of `total`, with the first few disagreements for the report.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tally {
    /// Items equal on both sides.
    pub agreeing: usize,
    /// Items on either side.
    pub total: usize,
    /// A few items that differ, as `item: left ≠ right`.
    pub examples: Vec<String>,
}

/// How many differing items a [`Tally`] keeps as examples (`DOCGEN_AGREEMENT_EXAMPLES`
/// overrides it, to see them all).
fn examples() -> usize {
    std::env::var("DOCGEN_AGREEMENT_EXAMPLES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(8)
}

impl Tally {
    fn count<T: PartialEq + fmt::Debug>(&mut self, item: &str, left: Option<T>, right: Option<T>) {
        self.total += 1;
        if left.is_some() && left == right {
            self.agreeing += 1;
        } else if self.examples.len() < examples() {
            self.examples.push(format!("{item}: {left:?} ≠ {right:?}"));
        }
    }

    /// The share of agreeing items, in percent (100 when there are none).
    pub fn percent(&self) -> f64 {
        if self.total == 0 {
            100.0
        } else {
            self.agreeing as f64 * 100.0 / self.total as f64
        }
    }
}

impl fmt::Display for Tally {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:.2}% ({} of {})",
            self.percent(),
            self.agreeing,
            self.total
        )
    }
}

/// The agreement of two schemas.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Agreement {
    /// Types, by qualified name: the same kind.
    pub types: Tally,
    /// Entity and complex types: the same base.
    pub bases: Tally,
    /// Properties of every type (inherited ones included), by type and name: the same type and
    /// collection-ness.
    pub properties: Tally,
    /// Members of every enum, by enum and name: the same value.
    pub members: Tally,
}

impl Agreement {
    /// The lowest of the four shares, in percent.
    pub fn lowest(&self) -> f64 {
        [&self.types, &self.bases, &self.properties, &self.members]
            .iter()
            .map(|t| t.percent())
            .fold(100.0, f64::min)
    }
}

impl fmt::Display for Agreement {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "types {}, bases {}, properties {}, enum members {}",
            self.types, self.bases, self.properties, self.members
        )
    }
}

/// Compares `left` (the reference, English) with `right`.
pub fn agreement(left: &Schema, right: &Schema) -> Agreement {
    let mut a = Agreement::default();
    let types = |s: &Schema| -> BTreeMap<String, Kind> {
        s.types()
            .iter()
            .map(|t| (t.qualified_name().to_string(), t.kind))
            .collect()
    };
    let (lt, rt) = (types(left), types(right));
    let names: BTreeSet<&String> = lt.keys().chain(rt.keys()).collect();
    for name in &names {
        a.types.count(name, lt.get(*name), rt.get(*name));
        let (l, r) = (left.get(name), right.get(name));
        let structured =
            |t: Option<&msgraph_docgen::schema::TypeDef>| t.is_some_and(|t| t.kind != Kind::Enum);
        if structured(l) || structured(r) {
            let base = |t: Option<&msgraph_docgen::schema::TypeDef>| {
                t.map(|t| t.base.as_ref().map(|b| b.to_string()))
            };
            a.bases.count(name, base(l), base(r));
        }
        let props =
            |t: Option<&msgraph_docgen::schema::TypeDef>| -> BTreeMap<String, (String, bool)> {
                t.into_iter()
                    .flat_map(|t| &t.properties)
                    .map(|p| (p.name.clone(), (p.ty.to_string(), p.collection)))
                    .collect()
            };
        let (lp, rp) = (props(l), props(r));
        let keys: BTreeSet<&String> = lp.keys().chain(rp.keys()).collect();
        for key in keys {
            a.properties
                .count(&format!("{name}.{key}"), lp.get(key), rp.get(key));
        }
        let members =
            |t: Option<&msgraph_docgen::schema::TypeDef>| -> BTreeMap<String, Option<i64>> {
                t.into_iter()
                    .flat_map(|t| &t.members)
                    .map(|m| (m.name.clone(), m.value))
                    .collect()
            };
        let (lm, rm) = (members(l), members(r));
        let keys: BTreeSet<&String> = lm.keys().chain(rm.keys()).collect();
        for key in keys {
            a.members
                .count(&format!("{name}.{key}"), lm.get(key), rm.get(key));
        }
    }
    a
}
