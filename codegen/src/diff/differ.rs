//! The [`Differ`]: compares the types of two schema revisions one qualified name at a time and
//! classifies each difference it finds. Properties are compared in `properties.rs`, property
//! types on the wire in `wire.rs`.

use super::renames::case_renames;
use super::{
    severity_of, Change, ChangeKind, DiffOptions, DiffReport, DiffSummary, Revision, RustApi,
    TypesByName, Wire, DIFF_FORMAT_VERSION,
};
use crate::diag::Severity;
use crate::schema::{Kind, Member, QualifiedName, TypeDef};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

/// Collects the changes of one diff.
pub(super) struct Differ<'a> {
    /// The old revision.
    pub(super) old: &'a Revision<'a>,
    /// The new revision.
    pub(super) new: &'a Revision<'a>,
    /// What the diff looks at, and how the generated code is shaped.
    pub(super) options: &'a DiffOptions,
    /// Case-only type renames, old name → new name.
    renamed: BTreeMap<QualifiedName, QualifiedName>,
    /// The changes found so far, in no particular order.
    changes: Vec<Change>,
}

impl<'a> Differ<'a> {
    /// A differ of two revisions, with no changes yet.
    pub(super) fn new(
        old: &'a Revision<'a>,
        new: &'a Revision<'a>,
        options: &'a DiffOptions,
    ) -> Self {
        Differ {
            old,
            new,
            options,
            renamed: case_renames(&old.types, &new.types),
            changes: Vec::new(),
        }
    }

    /// Reports every change under one qualified name (of either revision): a type added or
    /// removed, the changes of a type in both, or a case-only rename followed by the changes of
    /// the renamed pair, all under the old name (the new name is then skipped).
    pub(super) fn diff_type_name(&mut self, name: &str) {
        let (old, new) = (self.old, self.new);
        if let Some(new_name) = self.renamed.get(name).cloned() {
            let (o, n) = (old.types[name], new.types[&new_name]);
            self.report_case_rename(name, &new_name, o, n);
            self.diff_type(name, o, n);
            return;
        }
        if self.renamed.values().any(|n| n == name) {
            return;
        }
        match (old.types.get(name), new.types.get(name)) {
            (Some(o), Some(n)) => self.diff_type(name, o, n),
            (Some(o), None) => self.push(
                name,
                None,
                ChangeKind::TypeRemoved,
                format!("{} type `{name}` was removed", kind_word(o.kind)),
            ),
            (None, Some(n)) => {
                let base = n
                    .base
                    .as_ref()
                    .map(|b| format!(" (base `{b}`)"))
                    .unwrap_or_default();
                self.push(
                    name,
                    None,
                    ChangeKind::TypeAdded,
                    format!("{} type `{name}` was added{base}", kind_word(n.kind)),
                );
            }
            (None, None) => {}
        }
    }

    /// The report: the changes sorted (duplicates dropped), and their totals.
    pub(super) fn into_report(self) -> DiffReport {
        let mut changes = self.changes;
        changes.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        changes.dedup();
        let summary = summarize(&changes, &self.old.types, &self.new.types, &self.renamed);
        DiffReport {
            format_version: DIFF_FORMAT_VERSION,
            changes,
            summary,
        }
    }

    /// Reports the case-only rename of type `name` to `new_name`.
    fn report_case_rename(
        &mut self,
        name: &str,
        new_name: &QualifiedName,
        o: &TypeDef,
        n: &TypeDef,
    ) {
        let wire = if o.kind == Kind::Enum && n.kind == Kind::Enum {
            Wire::None
        } else {
            Wire::BreaksWriters
        };
        self.push_classified(
            name,
            None,
            ChangeKind::TypeRenamed,
            wire,
            RustApi::Major,
            format!(
                "{} type `{name}` was renamed to `{new_name}` (letter case only)",
                kind_word(o.kind)
            ),
        );
    }

    /// True when the old and new type names denote the same type (equal, or a case-only
    /// rename, which is reported on the type itself).
    pub(super) fn same_type(&self, old: &QualifiedName, new: &QualifiedName) -> bool {
        old == new || self.renamed.get(old).is_some_and(|n| n == new)
    }

    /// The Rust API impact of adding a field or a variant.
    pub(super) fn addition(&self) -> RustApi {
        if self.options.non_exhaustive {
            RustApi::Minor
        } else {
            RustApi::Major
        }
    }

    /// The fixed rule of each kind (see the [`ChangeKind`] docs). Kinds whose rule depends on
    /// the context are classified by their caller through [`Differ::push_classified`].
    pub(super) fn rule(&self, kind: ChangeKind) -> (Wire, RustApi) {
        use ChangeKind as K;
        match kind {
            K::TypeAdded => (Wire::None, RustApi::Minor),
            K::TypeRemoved => (Wire::BreaksWriters, RustApi::Major),
            K::TypeRenamed => (Wire::BreaksWriters, RustApi::Major),
            K::KindChanged => (Wire::BreaksBoth, RustApi::Major),
            K::BaseChanged => (Wire::None, RustApi::Major),
            K::PropertyAdded => (Wire::None, self.addition()),
            K::PropertyRemoved => (Wire::BreaksWriters, RustApi::Major),
            K::PropertyTypeChanged => (Wire::BreaksBoth, RustApi::Major),
            K::PropertyCollectionChanged => (Wire::BreaksBoth, RustApi::Major),
            K::PropertyNavigationChanged if self.options.typed_navigation => {
                (Wire::None, RustApi::Patch)
            }
            K::PropertyNavigationChanged => (Wire::None, RustApi::Major),
            K::PropertyMoved => (Wire::None, RustApi::Major),
            K::PropertyRenamed => (Wire::BreaksBoth, RustApi::Major),
            K::MemberAdded => (Wire::None, self.addition()),
            K::MemberRemoved => (Wire::BreaksWriters, RustApi::Major),
            K::MemberValueChanged => (Wire::BreaksReaders, RustApi::Patch),
            K::DescriptionChanged => (Wire::None, RustApi::Patch),
        }
    }

    /// Records a change classified by the fixed rule of its kind.
    pub(super) fn push(
        &mut self,
        ty: &str,
        property: Option<&str>,
        kind: ChangeKind,
        message: String,
    ) {
        let (wire, rust_api) = self.rule(kind);
        self.push_classified(ty, property, kind, wire, rust_api, message);
    }

    /// Records a change classified by the caller.
    pub(super) fn push_classified(
        &mut self,
        ty: &str,
        property: Option<&str>,
        kind: ChangeKind,
        wire: Wire,
        rust_api: RustApi,
        message: String,
    ) {
        self.changes.push(Change {
            type_name: ty.to_owned(),
            property: property.map(str::to_owned),
            kind,
            wire,
            rust_api,
            severity: severity_of(kind, wire, rust_api),
            message,
        });
    }

    /// Compares a type present in both revisions (under the old name if it was renamed).
    fn diff_type(&mut self, name: &str, o: &TypeDef, n: &TypeDef) {
        if o.kind != n.kind {
            let message = format!(
                "kind changed from {} to {}",
                kind_word(o.kind),
                kind_word(n.kind)
            );
            if o.kind == Kind::Enum || n.kind == Kind::Enum {
                self.push(name, None, ChangeKind::KindChanged, message);
                return;
            }
            self.push_classified(
                name,
                None,
                ChangeKind::KindChanged,
                Wire::None,
                RustApi::Minor,
                message,
            );
        }
        let same_base = match (&o.base, &n.base) {
            (Some(a), Some(b)) => self.same_type(a, b),
            (a, b) => a == b,
        };
        if !same_base {
            self.diff_base(name, o, n);
        }
        if self.options.include_descriptions && !same_text(&o.description, &n.description) {
            self.push(
                name,
                None,
                ChangeKind::DescriptionChanged,
                "type description changed".to_owned(),
            );
        }
        if n.kind == Kind::Enum {
            self.diff_members(name, &o.members, &n.members);
        } else {
            self.diff_properties(name, o, n);
        }
    }

    /// Reports a base change, classified by the ancestors and inherited properties it loses or
    /// gains.
    fn diff_base(&mut self, name: &str, o: &TypeDef, n: &TypeDef) {
        let old_props: BTreeSet<&str> = o.properties.iter().map(|p| p.name.as_str()).collect();
        let new_props: BTreeSet<&str> = n.properties.iter().map(|p| p.name.as_str()).collect();
        let lost: Vec<&str> = o
            .properties
            .iter()
            .filter(|p| p.inherited && !new_props.contains(p.name.as_str()))
            .map(|p| p.name.as_str())
            .collect();
        let gained: Vec<&str> = n
            .properties
            .iter()
            .filter(|p| p.inherited && !old_props.contains(p.name.as_str()))
            .map(|p| p.name.as_str())
            .collect();
        let new_ancestors: BTreeSet<QualifiedName> = self
            .new
            .schema
            .ancestors(name)
            .iter()
            .map(|t| t.qualified_name())
            .collect();
        let mut lost_ancestors: Vec<QualifiedName> = self
            .old
            .schema
            .ancestors(name)
            .iter()
            .map(|t| t.qualified_name())
            .filter(|a| !new_ancestors.contains(self.renamed.get(a).unwrap_or(a)))
            .collect();
        // A base without a definition in the old schema is still an ancestor that may be lost.
        if let Some(b) = &o.base {
            let kept = new_ancestors.contains(self.renamed.get(b).unwrap_or(b));
            if !kept && !lost_ancestors.contains(b) {
                lost_ancestors.push(b.clone());
            }
        }
        lost_ancestors.sort();

        let shows = |b: &Option<QualifiedName>| match b {
            Some(b) => format!("`{b}`"),
            None => "none".to_owned(),
        };
        let mut message = format!("base changed from {} to {}", shows(&o.base), shows(&n.base));
        if !lost_ancestors.is_empty() {
            let _ = write!(
                message,
                "; no longer derives from {}",
                code_list(&lost_ancestors)
            );
        }
        if !lost.is_empty() {
            let _ = write!(message, "; loses inherited {}", code_list(&lost));
        }
        if !gained.is_empty() {
            let _ = write!(message, "; gains inherited {}", code_list(&gained));
        }
        // The Rust API change is major whatever is gained or lost (see the rule): a derived
        // struct holds its base's struct in `base`.
        let (wire, rust_api) = self.rule(ChangeKind::BaseChanged);
        let wire = if !lost.is_empty() || !lost_ancestors.is_empty() {
            Wire::BreaksWriters
        } else {
            wire
        };
        self.push_classified(name, None, ChangeKind::BaseChanged, wire, rust_api, message);
    }

    /// Compares the members of an enum present in both revisions.
    fn diff_members(&mut self, name: &str, old: &[Member], new: &[Member]) {
        let old_m: BTreeMap<&str, &Member> = old.iter().map(|m| (m.name.as_str(), m)).collect();
        let new_m: BTreeMap<&str, &Member> = new.iter().map(|m| (m.name.as_str(), m)).collect();
        for (mname, om) in &old_m {
            match new_m.get(mname) {
                None => self.push(
                    name,
                    Some(mname),
                    ChangeKind::MemberRemoved,
                    format!("enum member `{mname}`{} was removed", value_text(om.value)),
                ),
                Some(nm) => {
                    if let (Some(a), Some(b)) = (om.value, nm.value) {
                        if a != b {
                            self.push(
                                name,
                                Some(mname),
                                ChangeKind::MemberValueChanged,
                                format!("enum member `{mname}` value changed from {a} to {b}"),
                            );
                        }
                    }
                    if self.options.include_descriptions
                        && !same_text(&om.description, &nm.description)
                    {
                        self.push(
                            name,
                            Some(mname),
                            ChangeKind::DescriptionChanged,
                            format!("description of enum member `{mname}` changed"),
                        );
                    }
                }
            }
        }
        for (mname, nm) in &new_m {
            if !old_m.contains_key(mname) {
                self.push(
                    name,
                    Some(mname),
                    ChangeKind::MemberAdded,
                    format!("enum member `{mname}`{} was added", value_text(nm.value)),
                );
            }
        }
    }
}

/// The totals of the changes of one diff.
fn summarize(
    changes: &[Change],
    old_types: &TypesByName<'_>,
    new_types: &TypesByName<'_>,
    renamed: &BTreeMap<QualifiedName, QualifiedName>,
) -> DiffSummary {
    let mut summary = DiffSummary::default();
    let mut changed: BTreeSet<&str> = BTreeSet::new();
    for c in changes {
        match c.severity {
            Severity::Error => summary.severities.error += 1,
            Severity::Warning => summary.severities.warning += 1,
            Severity::Info => summary.severities.info += 1,
        }
        *summary.kinds.entry(c.kind).or_default() += 1;
        let name = c.type_name.as_str();
        let in_both = old_types.contains_key(name)
            && (new_types.contains_key(name) || renamed.contains_key(name));
        if in_both {
            changed.insert(&c.type_name);
        }
    }
    summary.types_added = new_types
        .keys()
        .filter(|k| !old_types.contains_key(*k))
        .count()
        - renamed.len();
    summary.types_removed = old_types
        .keys()
        .filter(|k| !new_types.contains_key(*k))
        .count()
        - renamed.len();
    summary.types_changed = changed.len();
    summary
}

/// Whitespace-insensitive text equality (descriptions).
pub(super) fn same_text(a: &str, b: &str) -> bool {
    a.split_whitespace().eq(b.split_whitespace())
}

/// How a kind is named in messages.
fn kind_word(kind: Kind) -> &'static str {
    match kind {
        Kind::Entity => "entity",
        Kind::Complex => "complex",
        Kind::Enum => "enum",
    }
}

/// ` (= value)` for an enum member with a value, else nothing.
fn value_text(value: Option<i64>) -> String {
    value.map(|v| format!(" (= {v})")).unwrap_or_default()
}

/// The items in backticks, comma-separated.
fn code_list<S: AsRef<str>>(items: &[S]) -> String {
    items
        .iter()
        .map(|s| format!("`{}`", s.as_ref()))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use crate::diag::Severity;
    use crate::diff::test_support::*;
    use crate::diff::{diff, ChangeKind, DiffOptions, RustApi, Wire};
    use crate::schema::Kind;

    #[test]
    fn types_added_and_removed() {
        let report = run(
            vec![complex("old", None, vec![prop("a", "String")])],
            vec![complex("fresh", Some("old2"), vec![])],
        );
        assert_eq!(
            kinds(&report),
            [
                (q("fresh"), None, ChangeKind::TypeAdded),
                (q("old"), None, ChangeKind::TypeRemoved),
            ]
        );
        let added = &report.changes[0];
        assert_eq!(
            (added.wire, added.rust_api, added.severity),
            (Wire::None, RustApi::Minor, Severity::Info)
        );
        assert_eq!(
            added.message,
            "complex type `microsoft.graph.fresh` was added (base `microsoft.graph.old2`)"
        );
        let removed = &report.changes[1];
        assert_eq!(
            (removed.wire, removed.rust_api, removed.severity),
            (Wire::BreaksWriters, RustApi::Major, Severity::Error)
        );
        assert_eq!(report.summary.types_added, 1);
        assert_eq!(report.summary.types_removed, 1);
        assert_eq!(report.summary.types_changed, 0);
    }

    #[test]
    fn kind_changes() {
        let report = run(
            vec![object("t", Kind::Entity, None, vec![prop("id", "String")])],
            vec![object("t", Kind::Complex, None, vec![prop("id", "String")])],
        );
        let c = one(&report);
        assert_eq!(c.kind, ChangeKind::KindChanged);
        assert_eq!(c.message, "kind changed from entity to complex");
        assert_eq!(
            (c.wire, c.rust_api, c.severity),
            (Wire::None, RustApi::Minor, Severity::Warning)
        );

        // To an enum: breaking, and properties/members are not compared.
        let report = run(
            vec![complex("t", None, vec![prop("a", "String")])],
            vec![enumeration("t", &[("x", None)])],
        );
        let c = one(&report);
        assert_eq!(
            (c.kind, c.wire, c.rust_api),
            (ChangeKind::KindChanged, Wire::BreaksBoth, RustApi::Major)
        );
    }

    #[test]
    fn base_changes() {
        let b1 = complex(
            "b1",
            None,
            vec![prop("shared", "String"), prop("gone", "String")],
        );
        let b2 = complex(
            "b2",
            None,
            vec![prop("shared", "String"), prop("extra", "Int32")],
        );
        let report = run(
            vec![b1.clone(), b2.clone(), complex("s", Some("b1"), vec![])],
            vec![b1.clone(), b2.clone(), complex("s", Some("b2"), vec![])],
        );
        let c = one(&report);
        assert_eq!(c.kind, ChangeKind::BaseChanged);
        assert_eq!(
            (c.wire, c.rust_api, c.severity),
            (Wire::BreaksWriters, RustApi::Major, Severity::Error)
        );
        assert_eq!(
            c.message,
            "base changed from `microsoft.graph.b1` to `microsoft.graph.b2`; no longer derives \
             from `microsoft.graph.b1`; loses inherited `gone`; gains inherited `extra`"
        );

        // Inserting an intermediate base keeps every ancestor and property, so the wire is
        // unchanged; the struct's `base` field changes type, even with `#[non_exhaustive]`.
        let mid = complex("mid", Some("b1"), vec![]);
        let options = DiffOptions {
            non_exhaustive: true,
            ..DiffOptions::default()
        };
        let report = diff(
            &schema(vec![
                b1.clone(),
                mid.clone(),
                complex("s", Some("b1"), vec![]),
            ]),
            &schema(vec![b1, mid, complex("s", Some("mid"), vec![])]),
            &options,
        );
        let c = one(&report);
        assert_eq!(
            (c.wire, c.rust_api, c.severity),
            (Wire::None, RustApi::Major, Severity::Error)
        );
    }

    #[test]
    fn enum_members() {
        let old = schema(vec![enumeration(
            "actionState",
            &[("none", Some(0)), ("pending", Some(1)), ("cancel", Some(2))],
        )]);
        let new = schema(vec![enumeration(
            "actionState",
            &[("none", Some(0)), ("pending", Some(5)), ("done", Some(3))],
        )]);
        let report = diff(&old, &new, &DiffOptions::default());
        let t = q("actionState");
        let s = |x: &str| Some(x.to_owned());
        assert_eq!(
            kinds(&report),
            [
                (t.clone(), s("cancel"), ChangeKind::MemberRemoved),
                (t.clone(), s("done"), ChangeKind::MemberAdded),
                (t.clone(), s("pending"), ChangeKind::MemberValueChanged),
            ]
        );
        let axes: Vec<(Wire, RustApi, Severity)> = report
            .changes
            .iter()
            .map(|c| (c.wire, c.rust_api, c.severity))
            .collect();
        assert_eq!(
            axes,
            [
                (Wire::BreaksWriters, RustApi::Major, Severity::Error),
                (Wire::None, RustApi::Major, Severity::Error),
                (Wire::BreaksReaders, RustApi::Patch, Severity::Error),
            ]
        );
        assert_eq!(
            report.changes[2].message,
            "enum member `pending` value changed from 1 to 5"
        );

        // With #[non_exhaustive] enums, an added member is a risky minor change.
        let options = DiffOptions {
            non_exhaustive: true,
            ..DiffOptions::default()
        };
        let report = diff(&old, &new, &options);
        let added = &report.changes[1];
        assert_eq!(
            (added.wire, added.rust_api, added.severity),
            (Wire::None, RustApi::Minor, Severity::Warning)
        );
        assert_eq!(report.worst(), Some(Severity::Error));

        // A value that only one revision gives is not a change.
        let report = run(
            vec![enumeration("e", &[("a", None)])],
            vec![enumeration("e", &[("a", Some(0))])],
        );
        assert!(report.is_empty());
    }

    #[test]
    fn descriptions_only_when_asked() {
        let mut old = reset(vec![prop("passcode", "String")]);
        let mut new = old.clone();
        new[1].description = "Reset passcode action result.".into();
        new[1].properties[0].description = "Newly generated passcode.".into();
        // Whitespace differences do not count.
        old[0].description = "The  deviceActionResult\r\n type.".into();
        let (old, new) = (schema(old), schema(new));
        assert!(diff(&old, &new, &DiffOptions::default()).is_empty());
        let options = DiffOptions {
            include_descriptions: true,
            ..DiffOptions::default()
        };
        let report = diff(&old, &new, &options);
        let t = q("resetPasscodeActionResult");
        assert_eq!(
            kinds(&report),
            [
                (t.clone(), None, ChangeKind::DescriptionChanged),
                (
                    t.clone(),
                    Some("passcode".into()),
                    ChangeKind::DescriptionChanged
                ),
            ]
        );
        assert!(report
            .changes
            .iter()
            .all(|c| (c.wire, c.rust_api, c.severity)
                == (Wire::None, RustApi::Patch, Severity::Info)));
        assert!(report.fails(Severity::Info));
        assert!(!report.fails(Severity::Warning));
    }
}
