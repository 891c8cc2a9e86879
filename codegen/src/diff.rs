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
//! The [`Severity`] of a change is derived from both axes by [`severity_of`]. A [`DiffReport`]
//! renders as text ([`render_text`]), a Markdown PR comment ([`render_markdown`]) or JSON
//! ([`render_json`]); [`DiffReport::fails`] gives the exit decision for a `--fail-on` threshold.
//!
//! Properties are compared on each type's *own* properties only, so a property removed from a
//! base type is reported once, on the base, not again in every subtype. A property whose
//! declaration moves between a type and one of its ancestors is a [`ChangeKind::PropertyMoved`].

use crate::code_enum::code_enum;
use crate::diag::Severity;
use crate::docs_text::Printable;
use crate::primitive::Primitive;
use crate::schema::{Kind, Member, Property, QualifiedName, Schema, TypeDef, TypeRef};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

/// The version of the diff report JSON format. Bumped on any incompatible change.
pub const DIFF_FORMAT_VERSION: u32 = 1;

/// How the generated code is shaped, and what the diff looks at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DiffOptions {
    /// The generated structs and enums are `#[non_exhaustive]`: adding a field or a variant is
    /// then a minor change instead of a major one.
    pub non_exhaustive: bool,
    /// Also report description changes (types, properties, enum members), as
    /// [`ChangeKind::DescriptionChanged`].
    pub include_descriptions: bool,
}

code_enum! {
    /// What kind of difference a [`Change`] is. Serialized in kebab-case (`property-added`).
    ///
    /// Each variant documents its rule as *wire* / *Rust API*; [`severity_of`] turns the pair
    /// into a severity.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
    pub enum ChangeKind("change kind", serde: derive) {
        /// A new type. Wire: `none` (no old message contains it). Rust API: `minor` (a new item).
        TypeAdded => "type-added",
        /// A type disappeared. Wire: `breaks-writers` (requests carrying it are rejected; responses
        /// simply stop containing it). Rust API: `major` (an item is removed).
        TypeRemoved => "type-removed",
        /// A type's qualified name changed in letter case only (one old and one new type whose
        /// names are equal ignoring ASCII case). Reported once, under the old name; the pair is
        /// then compared like one type (its other changes are reported under the old name too), and
        /// properties or bases that name it are not reported again. Wire: `none` for an enum (its
        /// values are unchanged), else `breaks-writers` (requests naming the old `@odata.type` are
        /// rejected by a case-sensitive service). Rust API: `major` (the generated type is
        /// renamed).
        TypeRenamed => "type-renamed",
        /// The kind changed (entity, complex, enum). To or from an enum: wire `breaks-both` (a
        /// string becomes an object or back), Rust API `major` (struct ↔ enum); members and
        /// properties are then not compared. Between entity and complex: wire `none` (both are JSON
        /// objects; property differences are reported on their own), Rust API `minor`, with risk
        /// (the type gains or loses its key and addressability): a warning at most.
        KindChanged => "kind-changed",
        /// The base type changed. Losing an ancestor or an inherited property: wire
        /// `breaks-writers` (requests sending those properties, or sending the type where the lost
        /// ancestor is expected, are rejected), Rust API `major` (fields and upcasts disappear).
        /// Otherwise wire `none`; Rust API like [`ChangeKind::PropertyAdded`] when inherited
        /// properties are gained, else `minor`; with risk (polymorphic responses change shape).
        BaseChanged => "base-changed",
        /// A type declares a new property. Wire: `none` (old readers ignore unknown keys). Rust
        /// API: `major` (struct literals of the old struct no longer compile), `minor` when the
        /// structs are `#[non_exhaustive]`.
        PropertyAdded => "property-added",
        /// A type no longer declares a property (and does not inherit it either). Wire:
        /// `breaks-writers` (requests carrying it are rejected). Rust API: `major` (a field is
        /// removed).
        PropertyRemoved => "property-removed",
        /// A property's type changed. Wire: computed from what each side can parse — readers break
        /// when a new value does not parse as the old type (a string in an enum field still parses,
        /// as `Unrecognized`); writers break when an old value is not valid for the new type (an
        /// arbitrary string is not a valid enum member; a narrower integer does not accept a wider
        /// one). Rust API: `major` (the field's type changes).
        PropertyTypeChanged => "property-type-changed",
        /// A property became a collection or stopped being one. Wire: `breaks-both` (an array
        /// versus a scalar). Rust API: `major`.
        PropertyCollectionChanged => "property-collection-changed",
        /// A property's declaration moved between a type and one of its ancestors (hoisted to a
        /// base, or pushed down from it), so the type still has it. Wire: `none` (the type's JSON
        /// is unchanged). Rust API: `patch` (inherited fields are flattened into each struct). The
        /// ancestor's side of the move is reported on the ancestor as an addition or removal.
        PropertyMoved => "property-moved",
        /// A likely rename: one property removed and one added in the same type, with the same type
        /// and collection flag and a similar name (equal ignoring case, or a small edit distance
        /// relative to the length). Reported once, under the old name. Wire: `breaks-both` (readers
        /// lose the value, writers send a key the service rejects). Rust API: `major`.
        PropertyRenamed => "property-renamed",
        /// An enum gained a member. Wire: `none` (old readers keep it as `Unrecognized`), with
        /// risk: code matching on the old members silently misses it. Rust API: `major` (exhaustive
        /// matches break), `minor` when the enums are `#[non_exhaustive]`.
        MemberAdded => "member-added",
        /// An enum lost a member. Wire: `breaks-writers` (requests sending it are rejected; readers
        /// merely stop seeing it, their match arm becomes dead code). Rust API: `major` (a variant
        /// is removed).
        MemberRemoved => "member-removed",
        /// An enum member's integer value changed (both revisions give a value). Wire:
        /// `breaks-readers` (clients that interpret the number — flags, storage — misread it). Rust
        /// API: `patch` (variant names are unchanged; the catch-all variant rules out explicit
        /// discriminants).
        MemberValueChanged => "member-value-changed",
        /// A description changed (only with [`DiffOptions::include_descriptions`]; whitespace
        /// differences are ignored). Wire: `none`. Rust API: `patch` (documentation only).
        DescriptionChanged => "description-changed",
    }
}

impl ChangeKind {
    /// True for kinds that stay compatible on both axes but can still surprise existing code
    /// (see the variant docs): they are reported as warnings rather than infos.
    pub fn risky(self) -> bool {
        matches!(
            self,
            ChangeKind::MemberAdded | ChangeKind::KindChanged | ChangeKind::BaseChanged
        )
    }
}

code_enum! {
    /// JSON (wire) compatibility of a change, for a client built from the old schema talking to
    /// a service that follows the new one. Serialized in kebab-case (`breaks-readers`).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
    pub enum Wire("wire compatibility", serde: derive) {
        /// Old clients keep working.
        None => "none",
        /// A client parsing responses fails or loses data.
        BreaksReaders => "breaks-readers",
        /// Requests built from the old schema are rejected.
        BreaksWriters => "breaks-writers",
        /// Both of the above.
        BreaksBoth => "breaks-both",
    }
}

impl Wire {
    /// Combines a reader verdict and a writer verdict.
    pub fn from_breaks(readers: bool, writers: bool) -> Wire {
        match (readers, writers) {
            (false, false) => Wire::None,
            (true, false) => Wire::BreaksReaders,
            (false, true) => Wire::BreaksWriters,
            (true, true) => Wire::BreaksBoth,
        }
    }
}

code_enum! {
    /// The semver impact of a change on the generated Rust API. Ordered
    /// `patch < minor < major`. Serialized in lowercase.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
    pub enum RustApi("Rust API impact", serde: derive) {
        /// No API change (documentation, behaviour-preserving layout).
        Patch => "patch",
        /// A backward-compatible addition.
        Minor => "minor",
        /// Code compiled against the old API may stop compiling.
        Major => "major",
    }
}

/// The severity of a change, from its two axes and whether its kind is [risky](ChangeKind::risky):
/// an error when the wire breaks or the Rust API change is major; a warning for a compatible but
/// risky change; an info otherwise.
pub fn severity_of(kind: ChangeKind, wire: Wire, rust_api: RustApi) -> Severity {
    use Wire::{BreaksBoth, BreaksReaders, BreaksWriters};
    match (wire, rust_api, kind.risky()) {
        (BreaksReaders | BreaksWriters | BreaksBoth, _, _) => Severity::Error,
        (Wire::None, RustApi::Major, _) => Severity::Error,
        (Wire::None, RustApi::Minor | RustApi::Patch, true) => Severity::Warning,
        (Wire::None, RustApi::Minor | RustApi::Patch, false) => Severity::Info,
    }
}

/// One difference between two schema revisions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Change {
    /// The qualified name of the type concerned.
    #[serde(rename = "type")]
    pub type_name: String,
    /// The property (JSON name) or enum member concerned, if any. For a rename, the old name.
    pub property: Option<String>,
    /// What changed.
    pub kind: ChangeKind,
    /// JSON compatibility.
    pub wire: Wire,
    /// Semver impact on the generated Rust code.
    pub rust_api: RustApi,
    /// Derived from `kind`, `wire` and `rust_api` by [`severity_of`].
    pub severity: Severity,
    /// One self-contained sentence (it names the property or member).
    pub message: String,
}

impl Change {
    /// The order of [`DiffReport::changes`]: type, property (none first), kind, then message.
    fn sort_key(&self) -> (&str, Option<&str>, ChangeKind, &str) {
        (
            &self.type_name,
            self.property.as_deref(),
            self.kind,
            &self.message,
        )
    }
}

/// Changes counted per severity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ChangesBySeverity {
    /// Changes with [`Severity::Error`].
    pub error: usize,
    /// Changes with [`Severity::Warning`].
    pub warning: usize,
    /// Changes with [`Severity::Info`].
    pub info: usize,
}

impl ChangesBySeverity {
    /// The count for one severity.
    pub fn get(&self, severity: Severity) -> usize {
        match severity {
            Severity::Error => self.error,
            Severity::Warning => self.warning,
            Severity::Info => self.info,
        }
    }
}

/// Totals of a [`DiffReport`].
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct DiffSummary {
    /// Number of changes per severity.
    pub severities: ChangesBySeverity,
    /// Number of changes per kind (kinds that occur only, in [`ChangeKind::ALL`] order).
    pub kinds: BTreeMap<ChangeKind, usize>,
    /// Types only in the new schema.
    pub types_added: usize,
    /// Types only in the old schema.
    pub types_removed: usize,
    /// Types in both schemas with at least one change.
    pub types_changed: usize,
}

/// The result of [`diff`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DiffReport {
    /// [`DIFF_FORMAT_VERSION`].
    pub format_version: u32,
    /// Every change, sorted by type, property (none first), kind and message.
    pub changes: Vec<Change>,
    /// Totals.
    pub summary: DiffSummary,
}

impl DiffReport {
    /// The highest severity among the changes; `None` when nothing changed.
    pub fn worst(&self) -> Option<Severity> {
        self.changes.iter().map(|c| c.severity).max()
    }

    /// True when some change is at least as severe as `fail_on` (the `--fail-on` decision).
    pub fn fails(&self, fail_on: Severity) -> bool {
        self.worst().is_some_and(|w| w >= fail_on)
    }

    /// True when the two schemas showed no difference.
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }
}

/// Compares two schema revisions. Types are matched by qualified name.
pub fn diff(old: &Schema, new: &Schema, options: &DiffOptions) -> DiffReport {
    let old_types = index_types(old);
    let new_types = index_types(new);
    let renamed = case_renames(&old_types, &new_types);
    let mut d = Differ {
        old,
        new,
        options,
        old_types: &old_types,
        new_types: &new_types,
        renamed: &renamed,
        changes: Vec::new(),
    };
    let names: BTreeSet<&QualifiedName> = old_types.keys().chain(new_types.keys()).collect();
    for name in names.into_iter().map(QualifiedName::as_str) {
        if let Some(new_name) = renamed.get(name) {
            let (o, n) = (old_types[name], new_types[new_name]);
            let wire = if o.kind == Kind::Enum && n.kind == Kind::Enum {
                Wire::None
            } else {
                Wire::BreaksWriters
            };
            d.push_classified(
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
            d.diff_type(name, o, n);
            continue;
        }
        if renamed.values().any(|n| n == name) {
            continue;
        }
        match (old_types.get(name), new_types.get(name)) {
            (Some(o), Some(n)) => d.diff_type(name, o, n),
            (Some(o), None) => d.push(
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
                d.push(
                    name,
                    None,
                    ChangeKind::TypeAdded,
                    format!("{} type `{name}` was added{base}", kind_word(n.kind)),
                );
            }
            (None, None) => {}
        }
    }
    let mut changes = d.changes;
    changes.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    changes.dedup();
    let summary = summarize(&changes, &old_types, &new_types, &renamed);
    DiffReport {
        format_version: DIFF_FORMAT_VERSION,
        changes,
        summary,
    }
}

/// Old name → new name of the types whose names differ in ASCII letter case only: an old type
/// missing from the new schema and a new type missing from the old one, each the only one of
/// its side with that case-folded name.
fn case_renames(
    old_types: &BTreeMap<QualifiedName, &TypeDef>,
    new_types: &BTreeMap<QualifiedName, &TypeDef>,
) -> BTreeMap<QualifiedName, QualifiedName> {
    let folded = |types: &BTreeMap<QualifiedName, &TypeDef>,
                  other: &BTreeMap<QualifiedName, &TypeDef>| {
        let mut map: BTreeMap<String, Vec<QualifiedName>> = BTreeMap::new();
        for name in types.keys().filter(|k| !other.contains_key(*k)) {
            map.entry(name.as_str().to_ascii_lowercase())
                .or_default()
                .push(name.clone());
        }
        map
    };
    let old_only = folded(old_types, new_types);
    let new_only = folded(new_types, old_types);
    old_only
        .into_iter()
        .filter_map(
            |(key, olds)| match (&olds[..], new_only.get(&key).map(Vec::as_slice)) {
                ([o], Some([n])) => Some((o.clone(), n.clone())),
                _ => None,
            },
        )
        .collect()
}

/// Qualified name → type; the first definition wins if a hand-built schema repeats one.
fn index_types(schema: &Schema) -> BTreeMap<QualifiedName, &TypeDef> {
    let mut map = BTreeMap::new();
    for t in schema.types() {
        map.entry(t.qualified_name()).or_insert(t);
    }
    map
}

fn summarize(
    changes: &[Change],
    old_types: &BTreeMap<QualifiedName, &TypeDef>,
    new_types: &BTreeMap<QualifiedName, &TypeDef>,
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

/// Collects the changes of one diff.
struct Differ<'a> {
    old: &'a Schema,
    new: &'a Schema,
    options: &'a DiffOptions,
    /// The old schema's types by qualified name.
    old_types: &'a BTreeMap<QualifiedName, &'a TypeDef>,
    /// The new schema's types by qualified name.
    new_types: &'a BTreeMap<QualifiedName, &'a TypeDef>,
    /// Case-only type renames, old name → new name.
    renamed: &'a BTreeMap<QualifiedName, QualifiedName>,
    changes: Vec<Change>,
}

impl Differ<'_> {
    /// True when the old and new type names denote the same type (equal, or a case-only
    /// rename, which is reported on the type itself).
    fn same_type(&self, old: &QualifiedName, new: &QualifiedName) -> bool {
        old == new || self.renamed.get(old).is_some_and(|n| n == new)
    }

    /// The Rust API impact of adding a field or a variant.
    fn addition(&self) -> RustApi {
        if self.options.non_exhaustive {
            RustApi::Minor
        } else {
            RustApi::Major
        }
    }

    /// The fixed rule of each kind (see the [`ChangeKind`] docs). Kinds whose rule depends on
    /// the context are classified by their caller through [`Differ::push_classified`].
    fn rule(&self, kind: ChangeKind) -> (Wire, RustApi) {
        use ChangeKind as K;
        match kind {
            K::TypeAdded => (Wire::None, RustApi::Minor),
            K::TypeRemoved => (Wire::BreaksWriters, RustApi::Major),
            K::TypeRenamed => (Wire::BreaksWriters, RustApi::Major),
            K::KindChanged => (Wire::BreaksBoth, RustApi::Major),
            K::BaseChanged => (Wire::None, RustApi::Minor),
            K::PropertyAdded => (Wire::None, self.addition()),
            K::PropertyRemoved => (Wire::BreaksWriters, RustApi::Major),
            K::PropertyTypeChanged => (Wire::BreaksBoth, RustApi::Major),
            K::PropertyCollectionChanged => (Wire::BreaksBoth, RustApi::Major),
            K::PropertyMoved => (Wire::None, RustApi::Patch),
            K::PropertyRenamed => (Wire::BreaksBoth, RustApi::Major),
            K::MemberAdded => (Wire::None, self.addition()),
            K::MemberRemoved => (Wire::BreaksWriters, RustApi::Major),
            K::MemberValueChanged => (Wire::BreaksReaders, RustApi::Patch),
            K::DescriptionChanged => (Wire::None, RustApi::Patch),
        }
    }

    fn push(&mut self, ty: &str, property: Option<&str>, kind: ChangeKind, message: String) {
        let (wire, rust_api) = self.rule(kind);
        self.push_classified(ty, property, kind, wire, rust_api, message);
    }

    fn push_classified(
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
            .ancestors(name)
            .iter()
            .map(|t| t.qualified_name())
            .collect();
        let mut lost_ancestors: Vec<QualifiedName> = self
            .old
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
        let (wire, rust_api) = if !lost.is_empty() || !lost_ancestors.is_empty() {
            (Wire::BreaksWriters, RustApi::Major)
        } else if !gained.is_empty() {
            (Wire::None, self.addition())
        } else {
            self.rule(ChangeKind::BaseChanged)
        };
        self.push_classified(name, None, ChangeKind::BaseChanged, wire, rust_api, message);
    }

    fn diff_properties(&mut self, name: &str, o: &TypeDef, n: &TypeDef) {
        let old_own: BTreeMap<&str, &Property> =
            o.own_properties().map(|p| (p.name.as_str(), p)).collect();
        let new_own: BTreeMap<&str, &Property> =
            n.own_properties().map(|p| (p.name.as_str(), p)).collect();
        let old_all = all_properties(o);
        let new_all = all_properties(n);

        let mut removed: Vec<&Property> = Vec::new();
        let mut added: Vec<&Property> = Vec::new();

        for (pname, op) in &old_own {
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
                        self.diff_property_shape(name, op, np);
                    }
                    None => removed.push(op),
                },
            }
        }
        for (pname, np) in &new_own {
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
                    self.diff_property_shape(name, op, np);
                }
                None => added.push(np),
            }
        }

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
        self.diff_property_shape(ty, op, np);
        if self.options.include_descriptions && !same_text(&op.description, &np.description) {
            self.push(
                ty,
                Some(&np.name),
                ChangeKind::DescriptionChanged,
                format!("description of property `{}` changed", np.name),
            );
        }
    }

    /// Reports type and collection changes of one property.
    fn diff_property_shape(&mut self, ty: &str, op: &Property, np: &Property) {
        let pname = np.name.as_str();
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
            let old = Side {
                schema: self.old,
                types: self.old_types,
            };
            let new = Side {
                schema: self.new,
                types: self.new_types,
            };
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

/// Every property of a type (own and inherited) by JSON name; the first occurrence wins.
fn all_properties(t: &TypeDef) -> BTreeMap<&str, &Property> {
    let mut map = BTreeMap::new();
    for p in &t.properties {
        map.entry(p.name.as_str()).or_insert(p);
    }
    map
}

/// Pairs removed and added properties that are likely renames: same type and collection flag,
/// similar names. Closest pairs first, ties broken by name, each property used once.
fn match_renames<'p>(
    removed: &[&'p Property],
    added: &[&'p Property],
) -> Vec<(&'p Property, &'p Property)> {
    let mut candidates: Vec<(usize, &'p Property, &'p Property)> = Vec::new();
    for &r in removed {
        for &a in added {
            if r.ty != a.ty || r.collection != a.collection {
                continue;
            }
            if let Some(distance) = name_distance(&r.name, &a.name) {
                candidates.push((distance, r, a));
            }
        }
    }
    candidates.sort_by(|x, y| (x.0, &x.1.name, &x.2.name).cmp(&(y.0, &y.1.name, &y.2.name)));
    let mut used_old: BTreeSet<&str> = BTreeSet::new();
    let mut used_new: BTreeSet<&str> = BTreeSet::new();
    let mut out = Vec::new();
    for (_, r, a) in candidates {
        if used_old.contains(r.name.as_str()) || used_new.contains(a.name.as_str()) {
            continue;
        }
        used_old.insert(&r.name);
        used_new.insert(&a.name);
        out.push((r, a));
    }
    out
}

/// The case-insensitive edit distance of two names when they are similar enough to be a rename
/// (distance at most a quarter of the longer name, and at most 3), else `None`.
fn name_distance(a: &str, b: &str) -> Option<usize> {
    let (a, b) = (a.to_lowercase(), b.to_lowercase());
    let d = strsim::levenshtein(&a, &b);
    let longest = a.chars().count().max(b.chars().count());
    (d <= 3 && d * 4 <= longest).then_some(d)
}

/// What a property type looks like in JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape<'a> {
    /// Any JSON value.
    Any,
    /// Any string (`String`, `Stream`).
    Text,
    /// A string with a format (`Guid`, `DateTimeOffset`, `Binary`, ...).
    FormattedText(Primitive),
    /// An integer with its range.
    Integer(i128, i128),
    /// A floating-point number; `true` for double precision.
    Float(bool),
    /// A decimal number.
    Decimal,
    /// `true` / `false`.
    Boolean,
    /// A member name of the named enum.
    Enum(&'a QualifiedName),
    /// An object of the named type.
    Object(&'a QualifiedName),
}

/// One revision as the wire rules see it: the schema and its types by qualified name.
#[derive(Clone, Copy)]
struct Side<'a> {
    schema: &'a Schema,
    types: &'a BTreeMap<QualifiedName, &'a TypeDef>,
}

fn shape<'a>(ty: &'a TypeRef, side: Side<'_>) -> Shape<'a> {
    match ty {
        TypeRef::Primitive(p) => match *p {
            Primitive::Json => Shape::Any,
            Primitive::String | Primitive::Stream => Shape::Text,
            Primitive::Boolean => Shape::Boolean,
            Primitive::Byte => Shape::Integer(0, 255),
            Primitive::SByte => Shape::Integer(-128, 127),
            Primitive::Int16 => Shape::Integer(i16::MIN.into(), i16::MAX.into()),
            Primitive::Int32 => Shape::Integer(i32::MIN.into(), i32::MAX.into()),
            Primitive::Int64 => Shape::Integer(i64::MIN.into(), i64::MAX.into()),
            Primitive::Single => Shape::Float(false),
            Primitive::Double => Shape::Float(true),
            Primitive::Decimal => Shape::Decimal,
            Primitive::Guid
            | Primitive::DateTimeOffset
            | Primitive::Date
            | Primitive::TimeOfDay
            | Primitive::Duration
            | Primitive::Binary => Shape::FormattedText(*p),
        },
        TypeRef::Named(q) => match side.types.get(q) {
            Some(t) if t.kind == Kind::Enum => Shape::Enum(q),
            _ => Shape::Object(q),
        },
    }
}

/// True when every JSON value of type `value` (as `value_side` defines it) is accepted by a
/// parser for type `target` (as `target_side` defines it). `catch_all` says the parser maps
/// unknown enum members to a catch-all (the generated readers) instead of rejecting them (the
/// service).
fn accepts(
    target: &TypeRef,
    target_side: Side<'_>,
    value: &TypeRef,
    value_side: Side<'_>,
    catch_all: bool,
) -> bool {
    if target == value {
        return true;
    }
    let is_text = |s: Shape| matches!(s, Shape::Text | Shape::FormattedText(_) | Shape::Enum(_));
    let integer_fits = |s: Shape, lo: i128, hi: i128| match s {
        Shape::Integer(a, b) => lo <= a && b <= hi,
        _ => false,
    };
    let v = shape(value, value_side);
    match shape(target, target_side) {
        Shape::Any => true,
        Shape::Text => is_text(v),
        Shape::FormattedText(_) => false,
        Shape::Enum(_) => catch_all && is_text(v),
        Shape::Integer(lo, hi) => integer_fits(v, lo, hi),
        Shape::Float(double) => {
            let small = i128::from(i16::MIN)..=i128::from(i16::MAX);
            match v {
                Shape::Float(_) => double,
                Shape::Integer(lo, hi) => double || (small.contains(&lo) && small.contains(&hi)),
                _ => false,
            }
        }
        Shape::Decimal => matches!(v, Shape::Integer(..) | Shape::Decimal),
        Shape::Boolean => false,
        // An object of a subtype parses as its ancestor (extra keys are ignored).
        Shape::Object(t) => {
            matches!(v, Shape::Object(_))
                && value_side
                    .schema
                    .ancestors(value.as_str())
                    .iter()
                    .any(|a| a.qualified_name() == *t)
        }
    }
}

/// Whitespace-insensitive text equality (descriptions).
fn same_text(a: &str, b: &str) -> bool {
    a.split_whitespace().eq(b.split_whitespace())
}

fn kind_word(kind: Kind) -> &'static str {
    match kind {
        Kind::Entity => "entity",
        Kind::Complex => "complex",
        Kind::Enum => "enum",
    }
}

fn property_word(p: &Property) -> &'static str {
    if p.navigation {
        "navigation property"
    } else {
        "property"
    }
}

fn type_text(p: &Property) -> String {
    if p.collection {
        format!("Collection({})", p.ty)
    } else {
        p.ty.to_string()
    }
}

fn value_text(value: Option<i64>) -> String {
    value.map(|v| format!(" (= {v})")).unwrap_or_default()
}

fn code_list<S: AsRef<str>>(items: &[S]) -> String {
    items
        .iter()
        .map(|s| format!("`{}`", s.as_ref()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Changes grouped by type, in report order.
fn by_type(report: &DiffReport) -> Vec<(&str, Vec<&Change>)> {
    let mut groups: Vec<(&str, Vec<&Change>)> = Vec::new();
    let mut sorted: Vec<&Change> = report.changes.iter().collect();
    sorted.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    for c in sorted {
        match groups.last_mut() {
            Some((t, list)) if *t == c.type_name => list.push(c),
            _ => groups.push((&c.type_name, vec![c])),
        }
    }
    groups
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}

fn summary_line(report: &DiffReport) -> String {
    let s = &report.summary;
    format!(
        "{} ({}, {}, {}); types: {} added, {} removed, {} changed",
        plural(report.changes.len(), "change"),
        plural(s.severities.error, "error"),
        plural(s.severities.warning, "warning"),
        plural(s.severities.info, "info"),
        s.types_added,
        s.types_removed,
        s.types_changed
    )
}

const SEVERITIES: [Severity; 3] = [Severity::Error, Severity::Warning, Severity::Info];

/// Renders the report for a terminal: one block per type (its qualified name, then one line per
/// change: `  severity[kind]: message (wire: …, rust api: …)`), then a summary line. Names and
/// messages are written as [`Diagnostic`](crate::diag::Diagnostic)s are: control characters and
/// bidirectional overrides from the docs become `\u{..}` escapes.
///
/// With `color`, type names are bold and severities coloured (ANSI escapes from `anstyle`);
/// print through `anstream`, which strips them when the output is not a terminal or
/// `NO_COLOR` is set.
pub fn render_text(report: &DiffReport, color: bool) -> String {
    use anstyle::{AnsiColor, Style};
    let paint = |style: Style, text: &str| {
        if color {
            format!("{style}{text}{style:#}")
        } else {
            text.to_owned()
        }
    };
    let bold = Style::new().bold();
    let mut out = String::new();
    if report.changes.is_empty() {
        out.push_str("no changes\n");
        return out;
    }
    for (ty, changes) in by_type(report) {
        let _ = writeln!(out, "{}", paint(bold, &Printable(ty).to_string()));
        for c in changes {
            let (color, word) = match c.severity {
                Severity::Error => (AnsiColor::Red, "error"),
                Severity::Warning => (AnsiColor::Yellow, "warning"),
                Severity::Info => (AnsiColor::Cyan, "info"),
            };
            let tag = paint(bold.fg_color(Some(color.into())), word);
            let _ = writeln!(
                out,
                "  {tag}[{}]: {} (wire: {}, rust api: {})",
                c.kind,
                Printable(&c.message),
                c.wire,
                c.rust_api
            );
        }
    }
    let _ = writeln!(out, "{}", summary_line(report));
    out
}

/// Renders the report as a Markdown pull-request comment: a heading, a table of counts per
/// severity, the type totals, a table of counts per kind, then one section per type with one
/// bullet per change.
pub fn render_markdown(report: &DiffReport) -> String {
    let mut out = String::from("## Schema changes\n\n");
    if report.changes.is_empty() {
        out.push_str("No changes.\n");
        return out;
    }
    let s = &report.summary;
    out.push_str("| severity | changes |\n|---|---:|\n");
    for sev in SEVERITIES {
        let _ = writeln!(out, "| {sev} | {} |", s.severities.get(sev));
    }
    let _ = writeln!(
        out,
        "\nTypes: {} added, {} removed, {} changed.\n",
        s.types_added, s.types_removed, s.types_changed
    );
    out.push_str("| kind | changes |\n|---|---:|\n");
    for (kind, n) in &s.kinds {
        let _ = writeln!(out, "| `{kind}` | {n} |");
    }
    for (ty, changes) in by_type(report) {
        let _ = writeln!(out, "\n### `{ty}`\n");
        for c in changes {
            let _ = writeln!(
                out,
                "- **{}** `{}`: {} (wire: {}, Rust API: {})",
                c.severity, c.kind, c.message, c.wire, c.rust_api
            );
        }
    }
    out
}

/// Renders the report as pretty JSON with a trailing newline.
pub fn render_json(report: &DiffReport) -> String {
    let mut s = serde_json::to_string_pretty(report).expect("a report is always serializable");
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::Origin;

    const NS: &str = "microsoft.graph";

    fn q(name: &str) -> String {
        format!("{NS}.{name}")
    }

    /// A property of type `ty` (a primitive name, or a qualified name), declared by nobody yet.
    fn prop(name: &str, ty: &str) -> Property {
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

    fn coll(name: &str, ty: &str) -> Property {
        Property {
            collection: true,
            ..prop(name, ty)
        }
    }

    fn object(name: &str, kind: Kind, base: Option<&str>, own: Vec<Property>) -> TypeDef {
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

    fn complex(name: &str, base: Option<&str>, own: Vec<Property>) -> TypeDef {
        object(name, Kind::Complex, base, own)
    }

    fn enumeration(name: &str, members: &[(&str, Option<i64>)]) -> TypeDef {
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
    fn schema(types: Vec<TypeDef>) -> Schema {
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

    fn run(old: Vec<TypeDef>, new: Vec<TypeDef>) -> DiffReport {
        diff(&schema(old), &schema(new), &DiffOptions::default())
    }

    fn kinds(report: &DiffReport) -> Vec<(String, Option<String>, ChangeKind)> {
        report
            .changes
            .iter()
            .map(|c| (c.type_name.clone(), c.property.clone(), c.kind))
            .collect()
    }

    fn one(report: &DiffReport) -> &Change {
        assert_eq!(report.changes.len(), 1, "{report:#?}");
        &report.changes[0]
    }

    fn reset(own: Vec<Property>) -> Vec<TypeDef> {
        vec![
            complex(
                "deviceActionResult",
                None,
                vec![prop("actionName", "String"), prop("actionState", "String")],
            ),
            complex("resetPasscodeActionResult", Some("deviceActionResult"), own),
        ]
    }

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
    fn property_type_changes_are_classified_by_what_parses() {
        let case = |old: &str, new: &str| {
            let mut extra = vec![enumeration("actionState", &[("none", Some(0))])];
            let mut o = reset(vec![prop("p", old)]);
            let mut n = reset(vec![prop("p", new)]);
            o.append(&mut extra.clone());
            n.append(&mut extra);
            let report = run(o, n);
            let c = one(&report).clone();
            assert_eq!(c.kind, ChangeKind::PropertyTypeChanged);
            assert_eq!(c.rust_api, RustApi::Major);
            assert_eq!(c.severity, Severity::Error);
            c.wire
        };
        assert_eq!(case("String", "Int32"), Wire::BreaksBoth);
        // Any string parses as String; arbitrary old strings are not valid members.
        assert_eq!(
            case("String", "microsoft.graph.actionState"),
            Wire::BreaksWriters
        );
        // Old readers keep new strings as `Unrecognized`; members are valid strings.
        assert_eq!(case("microsoft.graph.actionState", "String"), Wire::None);
        assert_eq!(case("Int32", "Int64"), Wire::BreaksReaders);
        assert_eq!(case("Int64", "Int32"), Wire::BreaksWriters);
        assert_eq!(case("Int32", "Double"), Wire::BreaksReaders);
        assert_eq!(case("String", "Json"), Wire::BreaksReaders);
        assert_eq!(case("DateTimeOffset", "String"), Wire::BreaksReaders);
    }

    #[test]
    fn object_type_change_follows_inheritance() {
        let base = complex("deviceActionResult", None, vec![prop("a", "String")]);
        let sub = complex("special", Some("deviceActionResult"), vec![]);
        let holder = |ty: &str| complex("holder", None, vec![prop("r", ty)]);
        let types = |ty: &str| vec![base.clone(), sub.clone(), holder(ty)];
        let narrowed = run(
            types("microsoft.graph.deviceActionResult"),
            types("microsoft.graph.special"),
        );
        assert_eq!(one(&narrowed).wire, Wire::BreaksWriters);
        let widened = run(
            types("microsoft.graph.special"),
            types("microsoft.graph.deviceActionResult"),
        );
        assert_eq!(one(&widened).wire, Wire::BreaksReaders);
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
    fn case_only_type_renames_are_one_change() {
        // A machine-translated revision names the enum after its page stem, in lower case.
        let holder = |ty: &str| {
            complex(
                "configurationManagerActionResult",
                None,
                vec![prop("actionDeliveryStatus", ty)],
            )
        };
        let report = run(
            vec![
                holder("microsoft.graph.configurationManagerActionDeliveryStatus"),
                enumeration(
                    "configurationManagerActionDeliveryStatus",
                    &[("unknown", None), ("pendingDelivery", None)],
                ),
            ],
            vec![
                holder("microsoft.graph.configurationmanageractiondeliverystatus"),
                enumeration(
                    "configurationmanageractiondeliverystatus",
                    &[("unknown", None)],
                ),
            ],
        );
        let t = q("configurationManagerActionDeliveryStatus");
        assert_eq!(
            kinds(&report),
            [
                (t.clone(), None, ChangeKind::TypeRenamed),
                (
                    t.clone(),
                    Some("pendingDelivery".into()),
                    ChangeKind::MemberRemoved
                ),
            ]
        );
        let c = &report.changes[0];
        assert_eq!(
            c.message,
            "enum type `microsoft.graph.configurationManagerActionDeliveryStatus` was renamed to \
             `microsoft.graph.configurationmanageractiondeliverystatus` (letter case only)"
        );
        assert_eq!(
            (c.wire, c.rust_api, c.severity),
            (Wire::None, RustApi::Major, Severity::Error)
        );
        assert_eq!(
            (
                report.summary.types_added,
                report.summary.types_removed,
                report.summary.types_changed
            ),
            (0, 0, 1)
        );

        // A renamed base is no base change; an ambiguous fold is no rename.
        let report = run(
            vec![
                complex("Base", None, vec![]),
                complex("s", Some("Base"), vec![]),
                complex("ab", None, vec![]),
            ],
            vec![
                complex("base", None, vec![]),
                complex("s", Some("base"), vec![]),
                complex("AB", None, vec![]),
                complex("Ab", None, vec![]),
            ],
        );
        assert_eq!(
            kinds(&report),
            [
                (q("AB"), None, ChangeKind::TypeAdded),
                (q("Ab"), None, ChangeKind::TypeAdded),
                (q("Base"), None, ChangeKind::TypeRenamed),
                (q("ab"), None, ChangeKind::TypeRemoved),
            ]
        );
        assert_eq!(report.changes[2].wire, Wire::BreaksWriters);
    }

    #[test]
    fn likely_renames_are_reported_once() {
        let report = run(
            reset(vec![
                prop("passCode", "String"),
                prop("expiry", "DateTimeOffset"),
                prop("id", "String"),
                prop("count", "Int32"),
            ]),
            reset(vec![
                prop("passcode", "String"),
                prop("expiryTime", "DateTimeOffset"),
                prop("ip", "String"),
                prop("counts", "Int64"),
            ]),
        );
        let t = q("resetPasscodeActionResult");
        let s = |x: &str| Some(x.to_owned());
        assert_eq!(
            kinds(&report),
            [
                // Same type but too different in name ("expiry" vs "expiryTime").
                (t.clone(), s("count"), ChangeKind::PropertyRemoved),
                (t.clone(), s("counts"), ChangeKind::PropertyAdded),
                (t.clone(), s("expiry"), ChangeKind::PropertyRemoved),
                (t.clone(), s("expiryTime"), ChangeKind::PropertyAdded),
                // One edit in a two-letter name is not similar enough.
                (t.clone(), s("id"), ChangeKind::PropertyRemoved),
                (t.clone(), s("ip"), ChangeKind::PropertyAdded),
                (t.clone(), s("passCode"), ChangeKind::PropertyRenamed),
            ]
        );
        let rename = report.changes.last().unwrap();
        assert_eq!(
            rename.message,
            "property `passCode` (String) was likely renamed to `passcode`"
        );
        assert_eq!(
            (rename.wire, rename.rust_api, rename.severity),
            (Wire::BreaksBoth, RustApi::Major, Severity::Error)
        );
        // A small edit in a longer name is a rename.
        let report = run(
            reset(vec![prop("lastUpdateDateTime", "DateTimeOffset")]),
            reset(vec![prop("lastUpdatedDateTime", "DateTimeOffset")]),
        );
        assert_eq!(one(&report).kind, ChangeKind::PropertyRenamed);
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
        let moved = &report.changes[1];
        assert_eq!(
            (moved.wire, moved.rust_api, moved.severity),
            (Wire::None, RustApi::Patch, Severity::Info)
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

        // Inserting an intermediate base keeps every ancestor and property.
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
            (Wire::None, RustApi::Minor, Severity::Warning)
        );
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

    #[test]
    fn severity_table() {
        use ChangeKind as K;
        assert_eq!(
            severity_of(K::PropertyAdded, Wire::None, RustApi::Minor),
            Severity::Info
        );
        assert_eq!(
            severity_of(K::MemberAdded, Wire::None, RustApi::Minor),
            Severity::Warning
        );
        assert_eq!(
            severity_of(K::MemberAdded, Wire::None, RustApi::Major),
            Severity::Error
        );
        assert_eq!(
            severity_of(K::DescriptionChanged, Wire::BreaksReaders, RustApi::Patch),
            Severity::Error
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

    fn sample_report() -> DiffReport {
        let old = reset(vec![prop("passcode", "String")]);
        let mut new = reset(vec![]);
        new.push(enumeration("actionState", &[("none", Some(0))]));
        let mut old = old;
        old.push(enumeration("actionState", &[]));
        diff(
            &schema(old),
            &schema(new),
            &DiffOptions {
                non_exhaustive: true,
                include_descriptions: false,
            },
        )
    }

    #[test]
    fn text_rendering() {
        let report = sample_report();
        assert_eq!(
            render_text(&report, false),
            "microsoft.graph.actionState\n\
             \x20 warning[member-added]: enum member `none` (= 0) was added \
             (wire: none, rust api: minor)\n\
             microsoft.graph.resetPasscodeActionResult\n\
             \x20 error[property-removed]: property `passcode` (String) was removed \
             (wire: breaks-writers, rust api: major)\n\
             2 changes (1 error, 1 warning, 0 infos); types: 0 added, 0 removed, 2 changed\n"
        );
        let colored = render_text(&report, true);
        let plain = render_text(&report, false);
        assert!(!plain.contains('\x1b'));
        // Colour adds escapes around the type names and severities, and nothing else.
        assert_eq!(anstream::adapter::strip_str(&colored).to_string(), plain);
        assert!(colored.contains("\x1b[1m\x1b[31merror\x1b[0m[property-removed]"));
        assert!(colored.contains("\x1b[1m\x1b[33mwarning\x1b[0m[member-added]"));
        assert!(colored.contains("\x1b[1mmicrosoft.graph.actionState\x1b[0m\n"));
    }

    #[test]
    fn markdown_rendering() {
        let md = render_markdown(&sample_report());
        let expected = "## Schema changes\n\n\
            | severity | changes |\n|---|---:|\n| error | 1 |\n| warning | 1 |\n| info | 0 |\n\n\
            Types: 0 added, 0 removed, 2 changed.\n\n\
            | kind | changes |\n|---|---:|\n| `property-removed` | 1 |\n| `member-added` | 1 |\n\n\
            ### `microsoft.graph.actionState`\n\n\
            - **warning** `member-added`: enum member `none` (= 0) was added \
            (wire: none, Rust API: minor)\n\n\
            ### `microsoft.graph.resetPasscodeActionResult`\n\n\
            - **error** `property-removed`: property `passcode` (String) was removed \
            (wire: breaks-writers, Rust API: major)\n";
        assert_eq!(md, expected);
    }

    #[test]
    fn json_rendering() {
        let json = render_json(&sample_report());
        assert!(json.ends_with("}\n"));
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(value["format_version"], 1);
        let change = &value["changes"][1];
        let keys: Vec<&str> = change
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(
            keys,
            ["type", "property", "kind", "wire", "rust_api", "severity", "message"]
        );
        assert_eq!(change["type"], "microsoft.graph.resetPasscodeActionResult");
        assert_eq!(change["kind"], "property-removed");
        assert_eq!(change["wire"], "breaks-writers");
        assert_eq!(change["rust_api"], "major");
        assert_eq!(change["severity"], "error");
        assert_eq!(value["summary"]["kinds"]["member-added"], 1);
        assert_eq!(value["summary"]["severities"]["error"], 1);
        let back: DiffReport = serde_json::from_str(&json).unwrap();
        assert_eq!(back, sample_report());
        for kind in ChangeKind::ALL {
            assert_eq!(
                serde_json::to_value(kind).unwrap(),
                serde_json::Value::from(kind.as_str())
            );
        }
    }

    #[test]
    fn every_classification_serializes_and_parses_as_its_text() {
        fn check<T>(all: &[T])
        where
            T: Copy
                + PartialEq
                + std::fmt::Debug
                + std::fmt::Display
                + Serialize
                + std::str::FromStr,
            <T as std::str::FromStr>::Err: std::fmt::Debug,
        {
            for &v in all {
                let text = v.to_string();
                assert_eq!(
                    serde_json::to_value(v).unwrap(),
                    serde_json::Value::from(&*text)
                );
                assert_eq!(text.parse::<T>().unwrap(), v);
            }
        }
        check(ChangeKind::ALL);
        check(Wire::ALL);
        check(RustApi::ALL);
        assert_eq!(
            "breaks".parse::<Wire>().unwrap_err().to_string(),
            "unknown wire compatibility `breaks`"
        );
    }

    #[test]
    fn text_rendering_escapes_control_characters_and_bidi_overrides_from_the_docs() {
        let old = reset(vec![prop("pass\u{202e}code\r\n", "String")]);
        let mut new = reset(vec![]);
        new.push(complex("evil\u{1b}[2J", None, vec![]));
        let text = render_text(
            &diff(&schema(old), &schema(new), &DiffOptions::default()),
            false,
        );
        assert!(text.contains("microsoft.graph.evil\\u{1b}[2J\n"), "{text}");
        assert!(
            text.contains("property `pass\\u{202e}code\\u{d}\\u{a}` (String) was removed"),
            "{text}"
        );
        assert!(!text.contains(['\u{1b}', '\u{202e}', '\r']), "{text}");
        assert_eq!(text.lines().count(), 5, "{text}");
    }
}
