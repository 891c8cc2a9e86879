//! Builders of small schemas for the diff tests.

use super::{diff, Change, ChangeKind, DiffOptions, DiffReport};
use crate::schema::{Kind, Member, Origin, Property, QualifiedName, Schema, TypeDef, TypeRef};
use std::collections::BTreeMap;

/// The namespace of every test type.
pub(super) const NS: &str = "microsoft.graph";

/// The qualified name of a test type.
pub(super) fn q(name: &str) -> String {
    format!("{NS}.{name}")
}

/// A property of type `ty` (a primitive name, or a qualified name), declared by nobody yet.
pub(super) fn prop(name: &str, ty: &str) -> Property {
    Property {
        name: name.to_owned(),
        ty: TypeRef::parse(ty).expect("a primitive or qualified name"),
        collection: false,
        inherited: false,
        declared_by: QualifiedName::new(NS, "nobody"),
        navigation: false,
        description: format!("The {name}."),
        source: None,
    }
}

/// A collection property of type `ty`, like [`prop`].
pub(super) fn coll(name: &str, ty: &str) -> Property {
    Property {
        collection: true,
        ..prop(name, ty)
    }
}

/// A type of `kind` declaring the properties `own`.
pub(super) fn object(name: &str, kind: Kind, base: Option<&str>, own: Vec<Property>) -> TypeDef {
    TypeDef {
        name: name.to_owned(),
        namespace: NS.to_owned(),
        kind,
        base: base.map(|b| QualifiedName::new(NS, b)),
        description: format!("The {name} type."),
        origin: Origin::Page,
        is_abstract: false,
        open_type: false,
        source: None,
        properties: own,
        members: Vec::new(),
    }
}

/// A complex type declaring the properties `own`.
pub(super) fn complex(name: &str, base: Option<&str>, own: Vec<Property>) -> TypeDef {
    object(name, Kind::Complex, base, own)
}

/// An enum type with the members `(name, value)`.
pub(super) fn enumeration(name: &str, members: &[(&str, Option<i64>)]) -> TypeDef {
    TypeDef {
        members: members
            .iter()
            .map(|(n, v)| Member {
                name: (*n).to_owned(),
                value: *v,
                description: String::new(),
            })
            .collect(),
        ..object(name, Kind::Enum, None, Vec::new())
    }
}

/// A schema from types listing their own properties only: sets `declared_by`, then prepends
/// the ancestors' properties (root first) as inherited, the way `schema::build` does.
pub(super) fn schema(types: Vec<TypeDef>) -> Schema {
    let mut types: Vec<TypeDef> = types
        .into_iter()
        .map(|mut t| {
            let qn = t.qualified_name();
            for p in &mut t.properties {
                p.declared_by = qn.clone();
            }
            t
        })
        .collect();
    let own: BTreeMap<QualifiedName, TypeDef> = types
        .iter()
        .map(|t| (t.qualified_name(), t.clone()))
        .collect();
    for t in &mut types {
        let mut chain = Vec::new();
        let mut base = t.base.clone();
        while let Some(b) = base {
            match own.get(&b) {
                Some(bt) => {
                    chain.push(bt);
                    base = bt.base.clone();
                }
                None => break,
            }
        }
        let mut props: Vec<Property> = Vec::new();
        for anc in chain.iter().rev() {
            props.extend(anc.properties.iter().map(|p| Property {
                inherited: true,
                ..p.clone()
            }));
        }
        props.append(&mut t.properties);
        t.properties = props;
    }
    Schema::new(types, Vec::new())
}

/// Diffs two schemas built by [`schema`], with the default options.
pub(super) fn run(old: Vec<TypeDef>, new: Vec<TypeDef>) -> DiffReport {
    diff(&schema(old), &schema(new), &DiffOptions::default())
}

/// Type, property and kind of each change, in report order.
pub(super) fn kinds(report: &DiffReport) -> Vec<(String, Option<String>, ChangeKind)> {
    report
        .changes
        .iter()
        .map(|c| (c.type_name.clone(), c.property.clone(), c.kind))
        .collect()
}

/// The only change of the report.
pub(super) fn one(report: &DiffReport) -> &Change {
    assert_eq!(report.changes.len(), 1, "{report:#?}");
    &report.changes[0]
}

/// A `deviceActionResult` base and a `resetPasscodeActionResult` subtype declaring `own`.
pub(super) fn reset(own: Vec<Property>) -> Vec<TypeDef> {
    vec![
        complex(
            "deviceActionResult",
            None,
            vec![prop("actionName", "String"), prop("actionState", "String")],
        ),
        complex("resetPasscodeActionResult", Some("deviceActionResult"), own),
    ]
}
