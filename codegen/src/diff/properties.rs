//! Property comparison: the properties a type declares in each revision, matched by JSON name,
//! with moves between a type and its ancestors and likely renames told apart from plain
//! additions and removals.

use super::differ::{same_text, Differ};
use super::renames::match_renames;
use super::wire::accepts;
use super::{ChangeKind, RustApi, Wire};
use crate::schema::{Property, TypeDef, TypeRef};
use std::collections::BTreeMap;

/// A type's properties by JSON name.
type PropertiesByName<'t> = BTreeMap<&'t str, &'t Property>;

impl Differ<'_> {
    /// Compares the properties a type declares itself in both revisions (inherited ones are
    /// compared on the ancestor that declares them).
    pub(super) fn diff_properties(&mut self, name: &str, o: &TypeDef, n: &TypeDef) {
        let old_own: PropertiesByName = o.own_properties().map(|p| (p.name.as_str(), p)).collect();
        let new_own: PropertiesByName = n.own_properties().map(|p| (p.name.as_str(), p)).collect();
        let removed = self.diff_old_properties(name, &old_own, &new_own, &all_properties(n));
        let added = self.diff_new_properties(name, &old_own, &new_own, &all_properties(o));
        self.report_removed_and_added(name, removed, added);
    }

    /// Compares each property the old type declares: still declared (compared), now inherited
    /// (moved up to an ancestor), or gone (returned).
    fn diff_old_properties<'t>(
        &mut self,
        name: &str,
        old_own: &PropertiesByName<'t>,
        new_own: &PropertiesByName<'_>,
        new_all: &PropertiesByName<'_>,
    ) -> Vec<&'t Property> {
        let mut removed = Vec::new();
        for (pname, op) in old_own {
            match new_own.get(pname) {
                Some(np) => self.diff_property(name, op, np),
                None => match new_all.get(pname) {
                    // Now inherited: hoisted into an ancestor.
                    Some(np) => {
                        self.push(
                            name,
                            Some(pname),
                            ChangeKind::PropertyMoved,
                            format!(
                                "property `{pname}` moved from `{name}` up to its ancestor `{}`",
                                np.declared_by
                            ),
                        );
                        self.diff_property_type(name, op, np);
                    }
                    None => removed.push(*op),
                },
            }
        }
        removed
    }

    /// Goes through each property only the new type declares: inherited before (moved down
    /// from an ancestor), or new (returned).
    fn diff_new_properties<'t>(
        &mut self,
        name: &str,
        old_own: &PropertiesByName<'_>,
        new_own: &PropertiesByName<'t>,
        old_all: &PropertiesByName<'_>,
    ) -> Vec<&'t Property> {
        let mut added = Vec::new();
        for (pname, np) in new_own {
            if old_own.contains_key(pname) {
                continue;
            }
            match old_all.get(pname) {
                // Was inherited: pushed down from an ancestor.
                Some(op) => {
                    self.push(
                        name,
                        Some(pname),
                        ChangeKind::PropertyMoved,
                        format!(
                            "property `{pname}` moved from ancestor `{}` down to `{name}`",
                            op.declared_by
                        ),
                    );
                    self.diff_property_type(name, op, np);
                }
                None => added.push(*np),
            }
        }
        added
    }

    /// Reports the properties the type no longer declares and the ones it newly declares: a
    /// likely rename pairs one of each, the others are removals and additions.
    fn report_removed_and_added(
        &mut self,
        name: &str,
        mut removed: Vec<&Property>,
        mut added: Vec<&Property>,
    ) {
        for (op, np) in match_renames(&removed, &added) {
            self.push(
                name,
                Some(&op.name),
                ChangeKind::PropertyRenamed,
                format!(
                    "property `{}` ({}) was likely renamed to `{}`",
                    op.name,
                    type_text(op),
                    np.name
                ),
            );
            removed.retain(|p| p.name != op.name);
            added.retain(|p| p.name != np.name);
        }
        for p in removed {
            self.push(
                name,
                Some(&p.name),
                ChangeKind::PropertyRemoved,
                format!(
                    "{} `{}` ({}) was removed",
                    property_word(p),
                    p.name,
                    type_text(p)
                ),
            );
        }
        for p in added {
            self.push(
                name,
                Some(&p.name),
                ChangeKind::PropertyAdded,
                format!(
                    "{} `{}` ({}) was added",
                    property_word(p),
                    p.name,
                    type_text(p)
                ),
            );
        }
    }

    /// Compares a property declared by the type in both revisions.
    fn diff_property(&mut self, ty: &str, op: &Property, np: &Property) {
        self.diff_property_type(ty, op, np);
        if self.options.include_descriptions && !same_text(&op.description, &np.description) {
            self.push(
                ty,
                Some(&np.name),
                ChangeKind::DescriptionChanged,
                format!("description of property `{}` changed", np.name),
            );
        }
    }

    /// Reports the type, collection and navigation changes of one property.
    fn diff_property_type(&mut self, ty: &str, op: &Property, np: &Property) {
        let pname = np.name.as_str();
        if op.navigation != np.navigation {
            self.push(
                ty,
                Some(pname),
                ChangeKind::PropertyNavigationChanged,
                format!(
                    "{} `{pname}` is now a {}",
                    property_word(op),
                    property_word(np)
                ),
            );
        }
        if op.collection != np.collection {
            self.push(
                ty,
                Some(pname),
                ChangeKind::PropertyCollectionChanged,
                format!(
                    "property `{pname}` changed from {} to {}",
                    type_text(op),
                    type_text(np)
                ),
            );
        }
        let same_type = match (&op.ty, &np.ty) {
            (TypeRef::Named(o), TypeRef::Named(n)) => self.same_type(o, n),
            (o, n) => o == n,
        };
        if !same_type {
            let (old, new) = (self.old, self.new);
            let readers_break = !accepts(&op.ty, old, &np.ty, new, true);
            let writers_break = !accepts(&np.ty, new, &op.ty, old, false);
            let wire = Wire::from_breaks(readers_break, writers_break);
            self.push_classified(
                ty,
                Some(pname),
                ChangeKind::PropertyTypeChanged,
                wire,
                RustApi::Major,
                format!(
                    "property `{pname}` type changed from {} to {}",
                    op.ty, np.ty
                ),
            );
        }
    }
}

/// Every property of a type (own and inherited) by JSON name; the first occurrence wins.
fn all_properties(t: &TypeDef) -> PropertiesByName<'_> {
    let mut map = BTreeMap::new();
    for p in &t.properties {
        map.entry(p.name.as_str()).or_insert(p);
    }
    map
}

/// How a property is named in messages.
fn property_word(p: &Property) -> &'static str {
    if p.navigation {
        "navigation property"
    } else {
        "property"
    }
}

/// A property's type as messages show it: `T` or `Collection(T)`.
fn type_text(p: &Property) -> String {
    if p.collection {
        format!("Collection({})", p.ty)
    } else {
        p.ty.to_string()
    }
}

#[cfg(test)]
mod tests {
    use crate::diag::Severity;
    use crate::diff::test_support::*;
    use crate::diff::{diff, ChangeKind, DiffOptions, RustApi, Wire};
    use crate::schema::Property;

    #[test]
    fn property_added_depends_on_non_exhaustive() {
        let old = schema(reset(vec![]));
        let new = schema(reset(vec![prop("passcode", "String")]));
        let exhaustive = diff(&old, &new, &DiffOptions::default());
        let c = one(&exhaustive);
        assert_eq!(c.kind, ChangeKind::PropertyAdded);
        assert_eq!(c.type_name, q("resetPasscodeActionResult"));
        assert_eq!(c.property.as_deref(), Some("passcode"));
        assert_eq!(
            (c.wire, c.rust_api, c.severity),
            (Wire::None, RustApi::Major, Severity::Error)
        );
        assert_eq!(c.message, "property `passcode` (String) was added");

        let options = DiffOptions {
            non_exhaustive: true,
            ..DiffOptions::default()
        };
        let c = one(&diff(&old, &new, &options)).clone();
        assert_eq!(
            (c.wire, c.rust_api, c.severity),
            (Wire::None, RustApi::Minor, Severity::Info)
        );
    }

    #[test]
    fn property_removed_breaks_writers() {
        let mut nav = prop("device", "microsoft.graph.managedDevice");
        nav.navigation = true;
        let report = run(reset(vec![prop("passcode", "String"), nav]), reset(vec![]));
        assert_eq!(report.changes.len(), 2);
        for c in &report.changes {
            assert_eq!(c.kind, ChangeKind::PropertyRemoved);
            assert_eq!(
                (c.wire, c.rust_api, c.severity),
                (Wire::BreaksWriters, RustApi::Major, Severity::Error)
            );
        }
        assert_eq!(
            report.changes[0].message,
            "navigation property `device` (microsoft.graph.managedDevice) was removed"
        );
        assert_eq!(report.summary.types_changed, 1);
    }

    #[test]
    fn a_property_that_becomes_a_relationship_changes_its_field_type() {
        let mut nav = prop("device", "microsoft.graph.managedDevice");
        nav.navigation = true;
        let old = schema(reset(vec![prop("device", "microsoft.graph.managedDevice")]));
        let new = schema(reset(vec![nav]));
        let c = one(&diff(&old, &new, &DiffOptions::default())).clone();
        assert_eq!(c.kind, ChangeKind::PropertyNavigationChanged);
        assert_eq!(c.message, "property `device` is now a navigation property");
        assert_eq!(
            (c.wire, c.rust_api, c.severity),
            (Wire::None, RustApi::Major, Severity::Error)
        );
        let typed = DiffOptions {
            typed_navigation: true,
            ..DiffOptions::default()
        };
        let c = one(&diff(&new, &old, &typed)).clone();
        assert_eq!(c.message, "navigation property `device` is now a property");
        assert_eq!(
            (c.wire, c.rust_api, c.severity),
            (Wire::None, RustApi::Patch, Severity::Info)
        );
    }

    #[test]
    fn collection_change() {
        let report = run(
            reset(vec![prop("codes", "String")]),
            reset(vec![coll("codes", "String")]),
        );
        let c = one(&report);
        assert_eq!(c.kind, ChangeKind::PropertyCollectionChanged);
        assert_eq!(c.wire, Wire::BreaksBoth);
        assert_eq!(
            c.message,
            "property `codes` changed from String to Collection(String)"
        );
    }

    #[test]
    fn inherited_properties_do_not_duplicate() {
        let types = |own: Vec<Property>| {
            vec![
                complex("deviceActionResult", None, own),
                complex("a", Some("deviceActionResult"), vec![prop("x", "String")]),
                complex("b", Some("deviceActionResult"), vec![]),
                complex("c", Some("a"), vec![]),
            ]
        };
        let report = run(
            types(vec![prop("actionName", "String"), prop("old", "Int32")]),
            types(vec![prop("actionName", "Int32"), prop("fresh", "Boolean")]),
        );
        let t = q("deviceActionResult");
        let s = |x: &str| Some(x.to_owned());
        assert_eq!(
            kinds(&report),
            [
                (t.clone(), s("actionName"), ChangeKind::PropertyTypeChanged),
                (t.clone(), s("fresh"), ChangeKind::PropertyAdded),
                (t.clone(), s("old"), ChangeKind::PropertyRemoved),
            ]
        );
        assert_eq!(report.summary.types_changed, 1);
    }

    #[test]
    fn hoisted_and_pushed_down_properties_are_moves() {
        let base = |own| complex("deviceActionResult", None, own);
        let sub = |own| complex("sub", Some("deviceActionResult"), own);
        let report = run(
            vec![base(vec![]), sub(vec![prop("x", "String")])],
            vec![base(vec![prop("x", "String")]), sub(vec![])],
        );
        assert_eq!(
            kinds(&report),
            [
                (
                    q("deviceActionResult"),
                    Some("x".into()),
                    ChangeKind::PropertyAdded
                ),
                (q("sub"), Some("x".into()), ChangeKind::PropertyMoved),
            ]
        );
        // Same JSON; in Rust, `sub.x` becomes `sub.base.x`.
        let moved = &report.changes[1];
        assert_eq!(
            (moved.wire, moved.rust_api, moved.severity),
            (Wire::None, RustApi::Major, Severity::Error)
        );
        assert_eq!(
            moved.message,
            "property `x` moved from `microsoft.graph.sub` up to its ancestor \
             `microsoft.graph.deviceActionResult`"
        );

        // Pushed down, and its type changed on the way.
        let report = run(
            vec![base(vec![prop("x", "String")]), sub(vec![])],
            vec![base(vec![]), sub(vec![prop("x", "Int32")])],
        );
        assert_eq!(
            kinds(&report),
            [
                (
                    q("deviceActionResult"),
                    Some("x".into()),
                    ChangeKind::PropertyRemoved
                ),
                (q("sub"), Some("x".into()), ChangeKind::PropertyTypeChanged),
                (q("sub"), Some("x".into()), ChangeKind::PropertyMoved),
            ]
        );
    }
}
