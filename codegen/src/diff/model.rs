//! The change model: what kind of difference a [`Change`] is, its two compatibility axes
//! ([`Wire`], [`RustApi`]), the [`severity_of`] rule that combines them, and the [`DiffReport`]
//! that collects the changes of one diff (the model of the JSON report).

use crate::code_enum::code_enum;
use crate::diag::Severity;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

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
    /// The generated code reads navigation properties into their types (`typed_navigation`):
    /// a property that becomes one, or stops being one, keeps its field type.
    pub typed_navigation: bool,
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
        /// The base type changed. Wire: `breaks-writers` when an ancestor or an inherited property
        /// is lost (requests sending those properties, or sending the type where the lost ancestor
        /// is expected, are rejected), else `none`. Rust API: `major` whatever is gained or lost, even
        /// with `#[non_exhaustive]` structs: a derived struct holds its base's struct in a `base`
        /// field, whose type changes (or which appears or disappears, with the `@odata.type` and
        /// unknown-property fields a root holds), and conversions and views follow the chain.
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
        /// A property moved between the Properties and the Relationships tables: it became a
        /// navigation property, or stopped being one. Wire: `none` (the JSON is the same). Rust
        /// API: `major` (the field's type changes between `T` and `support::Expanded<T>`),
        /// `patch` with [`DiffOptions::typed_navigation`].
        PropertyNavigationChanged => "property-navigation-changed",
        /// A property's declaration moved between a type and one of its ancestors (hoisted to a
        /// base, or pushed down from it), so the type still has it. Wire: `none` (the type's JSON
        /// is unchanged). Rust API: `major` (a derived struct reaches an inherited property through
        /// `base`, so the field's path changes: `x.p` against `x.base.p`). The ancestor's side of
        /// the move is reported on the ancestor as an addition or removal.
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
        // `base-changed` was one while the structs flattened their inherited fields; its Rust
        // API change is now always major, so it is an error whatever its risk.
        matches!(self, ChangeKind::MemberAdded | ChangeKind::KindChanged)
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
    pub(super) fn sort_key(&self) -> (&str, Option<&str>, ChangeKind, &str) {
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

/// The result of [`diff`](super::diff()).
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
