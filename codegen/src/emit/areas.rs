//! Cargo features per docs area, so that a user of a whole-tree crate compiles only the areas
//! it enables ([`super::EmitOptions::area_features`]).
//!
//! A type's area is the prefix of its page's file name before the last `-`
//! (`intune-devices-managedDevice.md` → `intune-devices`; a page without one is in `core`).
//! File names are the same in every locale, so the areas are too. An area needs its own types
//! and, through their base chains, their ancestors (a struct holds its base's), and a type
//! without a page wherever a type that needs it refers to it. So a type is compiled when any
//! area that needs it is enabled; a field, an `Any...` variant or a `From` into an `Any...`
//! enum whose type is not always there with its owner is compiled only with that type. The
//! JSON of a property whose field is left out is kept in `additional_properties`, so turning
//! an area off loses no data.

use crate::schema::{Origin, QualifiedName, Schema, TypeDef, TypeRef};
use std::collections::{BTreeMap, BTreeSet};

/// The area of the types whose page has no area prefix.
pub(super) const CORE_AREA: &str = "core";

/// Which areas need each type.
pub(super) struct Areas {
    /// Every area, sorted.
    all: BTreeSet<String>,
    /// Qualified name → the areas that need the type.
    needed_by: BTreeMap<QualifiedName, BTreeSet<String>>,
}

/// The area of a page file: its file name's prefix before the last `-`, as a valid Cargo
/// feature name (anything but ASCII letters, digits, `-` and `_` becomes `_`).
pub(super) fn area_of_file(file: &str) -> String {
    let name = file.rsplit(['/', '\\']).next().unwrap_or(file);
    let stem = name.strip_suffix(".md").unwrap_or(name);
    match stem.rsplit_once('-') {
        Some((prefix, _)) if !prefix.is_empty() => prefix
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                    c.to_ascii_lowercase()
                } else {
                    '_'
                }
            })
            .collect(),
        _ => CORE_AREA.to_owned(),
    }
}

/// The area a type's own page puts it in; `None` for a type without a page.
fn own_area(t: &TypeDef) -> Option<String> {
    match (t.origin, &t.source) {
        (Origin::Page, Some(at)) => Some(area_of_file(&at.file)),
        _ => None,
    }
}

impl Areas {
    /// The areas of `schema`'s pages, and which of them need each type.
    pub(super) fn new(schema: &Schema) -> Areas {
        // What a type cannot be compiled without: its base, and the page-less types it
        // refers to (they have no area of their own to be enabled by).
        let mut requires: BTreeMap<QualifiedName, Vec<QualifiedName>> = BTreeMap::new();
        let mut roots: BTreeMap<String, Vec<QualifiedName>> = BTreeMap::new();
        for t in schema.types() {
            let q = t.qualified_name();
            let mut needs: Vec<QualifiedName> = t.base.iter().cloned().collect();
            needs.extend(t.properties.iter().filter_map(|p| {
                match &p.ty {
                    TypeRef::Named(n) => schema
                        .get(n.as_str())
                        .filter(|u| own_area(u).is_none())
                        .map(TypeDef::qualified_name),
                    TypeRef::Primitive(_) => None,
                }
            }));
            requires.insert(q.clone(), needs);
            if let Some(area) = own_area(t) {
                roots.entry(area).or_default().push(q);
            }
        }
        let mut needed_by: BTreeMap<QualifiedName, BTreeSet<String>> = BTreeMap::new();
        for (area, types) in &roots {
            let mut stack: Vec<&QualifiedName> = types.iter().collect();
            let mut seen = BTreeSet::new();
            while let Some(q) = stack.pop() {
                if !seen.insert(q) {
                    continue;
                }
                needed_by.entry(q.clone()).or_default().insert(area.clone());
                stack.extend(requires.get(q).into_iter().flatten());
            }
        }
        Areas {
            all: roots.into_keys().collect(),
            needed_by,
        }
    }

    /// Every area, sorted: the features to declare.
    pub(super) fn features(&self) -> impl Iterator<Item = &str> {
        self.all.iter().map(String::as_str)
    }

    /// The areas that need `qualified` (none for a type nothing needs, which is never compiled
    /// under area features).
    fn needed(&self, qualified: &str) -> Option<&BTreeSet<String>> {
        self.needed_by.get(qualified)
    }

    /// `#[cfg(...)]` for the items of `qualified`: none when every area needs it.
    pub(super) fn type_cfg_text(&self, qualified: &str) -> Option<String> {
        match self.needed(qualified) {
            Some(areas) if *areas == self.all => None,
            areas => Some(cfg_text(areas)),
        }
    }

    /// `#[cfg(any(feature = "a"))]` for something of `owner` that names `target` (a field, a
    /// variant, a table row): none when `target` is compiled whenever `owner` is. (Emit writes
    /// it from [`Areas::reference_cfg`], through `Emitter`, which also checks `target` is in
    /// the schema.)
    #[cfg(test)]
    fn reference_cfg_text(&self, owner: &str, target: &str) -> Option<String> {
        self.reference_cfg(owner, target)
            .map(|predicate| format!("#[cfg({predicate})]"))
    }

    /// The predicate of [`Areas::reference_cfg_text`]: `any(feature = "a")`.
    pub(super) fn reference_cfg(&self, owner: &str, target: &str) -> Option<String> {
        match (self.needed(owner), self.needed(target)) {
            (Some(o), Some(t)) if o.is_subset(t) => None,
            (None, _) => None,
            (_, t) => Some(cfg_predicate(t)),
        }
    }
}

/// `#[cfg(any(feature = "a", ...))]` for `areas` (`#[cfg(any())]`, never, for none).
fn cfg_text(areas: Option<&BTreeSet<String>>) -> String {
    format!("#[cfg({})]", cfg_predicate(areas))
}

/// `any(feature = "a", ...)` for `areas` (`any()`, never, for none). Area names are feature
/// names ([`area_of_file`]), which need no escaping in a string literal.
fn cfg_predicate(areas: Option<&BTreeSet<String>>) -> String {
    let features: Vec<String> = areas
        .into_iter()
        .flatten()
        .map(|a| format!("feature = \"{a}\""))
        .collect();
    format!("any({})", features.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Location;
    use crate::schema::{Kind, Property};

    fn page_type(name: &str, file: &str, base: Option<&str>, props: &[(&str, &str)]) -> TypeDef {
        let q = QualifiedName::new("microsoft.graph", name);
        TypeDef {
            name: name.to_owned(),
            namespace: "microsoft.graph".to_owned(),
            kind: Kind::Entity,
            base: base.map(|b| QualifiedName::new("microsoft.graph", b)),
            description: String::new(),
            origin: if file.is_empty() {
                Origin::Reconstructed
            } else {
                Origin::Page
            },
            is_abstract: false,
            open_type: false,
            source: (!file.is_empty()).then(|| Location::new(file, 1, 1)),
            properties: props
                .iter()
                .map(|(n, ty)| Property {
                    name: (*n).to_owned(),
                    ty: TypeRef::parse(ty).unwrap(),
                    collection: false,
                    inherited: false,
                    declared_by: q.clone(),
                    navigation: false,
                    description: String::new(),
                    source: None,
                })
                .collect(),
            members: Vec::new(),
        }
    }

    #[test]
    fn the_area_is_the_file_name_prefix() {
        assert_eq!(
            area_of_file("docs/intune-devices-manageddevice.md"),
            "intune-devices"
        );
        assert_eq!(
            area_of_file("C:\\docs\\callrecords-session.md"),
            "callrecords"
        );
        assert_eq!(area_of_file("user.md"), CORE_AREA);
        assert_eq!(area_of_file("-odd.md"), CORE_AREA);
        assert_eq!(area_of_file("a.b-c.md"), "a_b");
    }

    #[test]
    fn an_area_needs_its_bases_and_its_pageless_types_but_gates_other_areas() {
        let schema = Schema::new(
            vec![
                page_type("entity", "entity.md", None, &[("id", "String")]),
                page_type(
                    "user",
                    "user.md",
                    Some("entity"),
                    &[("devices", "microsoft.graph.device")],
                ),
                page_type(
                    "device",
                    "intune-devices-device.md",
                    Some("entity"),
                    &[
                        ("owner", "microsoft.graph.user"),
                        ("detail", "microsoft.graph.detail"),
                    ],
                ),
                page_type("detail", "", None, &[]),
            ],
            Vec::new(),
        );
        let areas = Areas::new(&schema);
        assert_eq!(
            areas.features().collect::<Vec<_>>(),
            ["core", "intune-devices"]
        );
        // Every area needs `entity` (a base); `detail` has no page and only `device` uses it.
        assert!(areas.type_cfg_text("microsoft.graph.entity").is_none());
        let devices = Some(r#"#[cfg(any(feature = "intune-devices"))]"#.to_owned());
        assert_eq!(areas.type_cfg_text("microsoft.graph.detail"), devices);
        // `user.devices` exists only with the device area; `device.detail` always with `device`.
        assert_eq!(
            areas.reference_cfg_text("microsoft.graph.user", "microsoft.graph.device"),
            devices
        );
        assert!(areas
            .reference_cfg_text("microsoft.graph.device", "microsoft.graph.detail")
            .is_none());
        assert_eq!(
            areas.reference_cfg_text("microsoft.graph.device", "microsoft.graph.user"),
            Some(r#"#[cfg(any(feature = "core"))]"#.to_owned())
        );
    }
}
