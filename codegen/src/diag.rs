//! Diagnostics: every problem the generator finds, with a stable code and a source location.
//!
//! Nothing in the pipeline panics on bad input; it records a [`Diagnostic`] and carries on with
//! the best reading the evidence allows. The codes are part of the public interface (they are
//! listed in the README and appear in the schema JSON), so they never change meaning.

use crate::code_enum::code_enum;
use crate::docs_text::Printable;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::sync::Arc;

code_enum! {
    /// How bad a diagnostic is (ordered: info < warning < error).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
    pub enum Severity("severity", serde: derive) {
        /// Something worth knowing that needs no action (a page skipped because it declares no
        /// type).
        Info => "info",
        /// The docs are damaged or contradict themselves; a rule decided and the output may be
        /// imprecise.
        Warning => "warning",
        /// Input that could not be understood at all; data is missing from the output.
        Error => "error",
    }
}

code_enum! {
    /// The stable identity of a kind of problem. `as_str` gives the code printed and serialized;
    /// `FromStr` reads it back.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
    pub enum Code("diagnostic code", serde: text) {
        /// A file could not be read, or is not UTF-8.
        Io => "io",
        /// The page declares no type (overview, conceptual page): skipped.
        NotATypePage => "not-a-type-page",
        /// Front matter is present but cannot be read as `key: value` lines.
        BadFrontMatter => "bad-front-matter",
        /// The resource annotation comment is not valid JSON even after tolerant repairs.
        BadAnnotation => "bad-annotation",
        /// The JSON representation block is not valid JSON even after tolerant repairs.
        BadJsonBlock => "bad-json-block",
        /// The JSON block needed repairs (comments, trailing commas, `&quot;`) to be read.
        RepairedJson => "repaired-json",
        /// A resource page has no JSON representation block.
        MissingJsonBlock => "missing-json-block",
        /// A table row has the wrong shape (no name, unknown header layout, ...).
        BadTableRow => "bad-table-row",
        /// A table under Properties or Relationships is not a property table (no type column):
        /// a list of values, derived types or limits. Not read.
        IgnoredTable => "ignored-table",
        /// A type cell could not be understood; the property is typed as untyped JSON.
        UnknownType => "unknown-type",
        /// A property name in the table differs from the JSON key; the JSON key wins.
        PropertyNameMismatch => "property-name-mismatch",
        /// The JSON block has a key no table row declares.
        JsonExtraKey => "json-extra-key",
        /// A table row declares a property the JSON block does not show.
        JsonMissingKey => "json-missing-key",
        /// The JSON placeholder disagrees with the table type (collection, object, scalar).
        JsonTypeMismatch => "json-type-mismatch",
        /// The inheritance sentence and the `baseType` annotation name different bases.
        BaseMismatch => "base-mismatch",
        /// A type referenced by the input has no page; it was rebuilt from the evidence of other
        /// pages.
        ReconstructedType => "reconstructed-type",
        /// A type referenced by the input has no page and no evidence; it is generated as a
        /// placeholder.
        PlaceholderType => "placeholder-type",
        /// An enum member name or value was damaged (translated, mangled) and was repaired.
        RepairedEnumMember => "repaired-enum-member",
        /// An enum member name or value is damaged and no evidence allowed a repair.
        DamagedEnumMember => "damaged-enum-member",
        /// The backticked possible values of a property disagree with the enum's members.
        PossibleValuesMismatch => "possible-values-mismatch",
        /// Two pages define the same qualified type; the first (by path) wins.
        DuplicateType => "duplicate-type",
        /// The same property appears twice in one type; the first wins.
        DuplicateProperty => "duplicate-property",
        /// Inheritance forms a cycle; the edge closing it is dropped.
        InheritanceCycle => "inheritance-cycle",
        /// An inheritance chain is deeper than the schema allows; it is cut.
        InheritanceTooDeep => "inheritance-too-deep",
        /// A property repeated on a derived page disagrees with its declaration on the base.
        InheritedPropertyConflict => "inherited-property-conflict",
        /// A type that states no base derives from `entity` (it has a key, or an `id` row and a
        /// Methods table, or is only ever the target of relationship rows), or from a type its
        /// intro links whose rows it repeats or whose page lists it.
        InferredBase => "inferred-base",
        /// A complex type is an entity: only relationship rows ever point to it.
        InferredKind => "inferred-kind",
        /// A row whose description ends with a link to an ancestor's page is inherited from it.
        InferredInherited => "inferred-inherited",
        /// A `String` property whose possible values are exactly a documented enum's members is
        /// typed with that enum.
        InferredEnumType => "inferred-enum-type",
        /// A relationship no row lists, named by a `list` method of the Methods table.
        InferredNavigation => "inferred-navigation",
        /// A row name in lowercase letters only takes the capitals of its type's name, which
        /// it spells (`openshifts` of `openShift`); a type name in lowercase letters only takes
        /// the capitals of the words of the rows typed with it.
        InferredNameCase => "inferred-name-case",
        /// A row named like an OData annotation (`@odata.etag`): not a property.
        IgnoredRow => "ignored-row",
        /// A translated navigation property name was replaced by the English name of the
        /// Methods table's API page for it.
        RepairedNavigationName => "repaired-navigation-name",
        /// A word of the tree's own language learned from the tree (an inheritance phrase, a
        /// primitive type word, a collection word): reported once per tree, at its first use.
        LearnedWord => "learned-word",
        /// `check --metadata`: the docs define a type the service metadata does not declare.
        MetadataExtraType => "metadata-extra-type",
        /// `check --metadata`: a docs type's name differs from the metadata's only in case.
        MetadataTypeCase => "metadata-type-case",
        /// `check --metadata`: the docs and the metadata give a type different kinds (entity,
        /// complex, enum).
        MetadataKind => "metadata-kind",
        /// `check --metadata`: the docs and the metadata give a type different bases.
        MetadataBase => "metadata-base",
        /// `check --metadata`: a docs property the metadata declares neither on the type nor on
        /// an ancestor.
        MetadataExtraProperty => "metadata-extra-property",
        /// `check --metadata`: a property the docs declare on the type and the metadata on an
        /// ancestor (an inherited row read as the type's own; the JSON is the same).
        MetadataAncestorProperty => "metadata-ancestor-property",
        /// `check --metadata`: a property the metadata declares on the type and the docs do not
        /// (or inherit from elsewhere).
        MetadataMissingProperty => "metadata-missing-property",
        /// `check --metadata`: a property name differs from the metadata's only in case.
        MetadataPropertyCase => "metadata-property-case",
        /// `check --metadata`: a property's type differs from the metadata's.
        MetadataPropertyType => "metadata-property-type",
        /// `check --metadata`: a property is a collection on one side and a single value on the
        /// other.
        MetadataCollection => "metadata-collection",
        /// `check --metadata`: an enum member the metadata does not declare.
        MetadataExtraMember => "metadata-extra-member",
        /// `check --metadata`: an enum member the metadata declares and the docs do not.
        MetadataMissingMember => "metadata-missing-member",
        /// `check --metadata`: an enum member's value differs from the metadata's.
        MetadataMemberValue => "metadata-member-value",
        /// `--reference`: an identifier of the translation (a type, property or enum member
        /// name, an enum value, a base, a kind, a property type) was taken from the English page
        /// of the same file name.
        ReferenceApplied => "reference-applied",
        /// `--reference`: the translation and its English page disagree in a way no identifier
        /// can settle (rows or members only one side has: a lagging translation, or damage);
        /// the translation's reading is kept.
        ReferenceMismatch => "reference-mismatch",
        /// `--reference`: a translated page has no English page of the same file name; its
        /// types keep the translation's reading (unless an English type of the same name is
        /// found elsewhere).
        ReferenceMissingPage => "reference-missing-page",
        /// `validate`: an API page's example annotation is not JSON even after repairs.
        ExampleBadAnnotation => "example-bad-annotation",
        /// `validate`: an example's block has no request or status line, or the wrong one for
        /// its block type.
        ExampleBadHttp => "example-bad-http",
        /// `validate`: an example's body is not JSON even after repairs; it is not checked.
        ExampleBadJson => "example-bad-json",
        /// `validate`: an example's body is not strict JSON (comments, trailing or missing
        /// commas, `...` in an example not marked `truncated`); read after repairs.
        ExampleRepairedJson => "example-repaired-json",
        /// `validate`: an example marked `truncated` elides with `...`; read without them.
        ExampleElidedJson => "example-elided-json",
        /// `validate`: neither the annotation nor the request path names the body's type; the
        /// body is not checked.
        ExampleNoType => "example-no-type",
        /// `validate`: the annotation's `@odata.type` is not a type of the schema.
        ExampleUnknownType => "example-unknown-type",
        /// `validate`: a property the type does not declare.
        ExampleUnknownProperty => "example-unknown-property",
        /// `validate`: a property the type does not declare, in an open type (which accepts
        /// undeclared properties).
        ExampleUnknownPropertyOpenType => "example-unknown-property-open-type",
        /// `validate`: a property the type does not declare, in an example marked `truncated`.
        ExampleUnknownPropertyTruncated => "example-unknown-property-truncated",
        /// `validate`: a JSON value of the wrong kind (a string for a number, an object for a
        /// collection, ...).
        ExampleKind => "example-kind",
        /// `validate`: a collection body without its `value` array, or a `value` array where the
        /// annotation declares a single value.
        ExampleCollection => "example-collection",
        /// `validate`: a string or number of the right kind in the wrong format (a date, Guid,
        /// duration, base64, an integer out of range).
        ExampleFormat => "example-format",
        /// `validate`: an enum value that is not a member of the enum.
        ExampleEnumValue => "example-enum-value",
        /// `validate`: an enum value or a type name that matches only ignoring letter case
        /// (`HTML` for `html`, `Microsoft.Graph.OpenTypeExtension`); read as the match.
        ExampleLetterCase => "example-letter-case",
        /// `validate`: an object without `@odata.type` whose properties only a derived type
        /// declares; read as that type.
        ExampleMissingOdataType => "example-missing-odata-type",
        /// `validate`: a value the schema does not expect but the resource pages support (their
        /// table or JSON representation, where they contradict each other).
        ExampleDisputedProperty => "example-disputed-property",
        /// `validate`: an `@odata.type` that names neither the declared type nor a type derived
        /// from it.
        ExampleOdataType => "example-odata-type",
    }
}

impl Code {
    /// The severity this code is always reported with.
    pub fn severity(self) -> Severity {
        match self {
            Code::Io
            | Code::BadJsonBlock
            | Code::BadAnnotation
            | Code::InheritanceCycle
            | Code::InheritanceTooDeep
            | Code::ExampleBadJson
            | Code::ExampleUnknownProperty
            | Code::ExampleKind
            | Code::ExampleFormat
            | Code::ExampleEnumValue
            | Code::ExampleOdataType => Severity::Error,
            Code::NotATypePage
            | Code::RepairedJson
            | Code::IgnoredTable
            | Code::InferredBase
            | Code::InferredKind
            | Code::InferredInherited
            | Code::InferredEnumType
            | Code::InferredNavigation
            | Code::InferredNameCase
            | Code::IgnoredRow
            | Code::LearnedWord
            | Code::MetadataAncestorProperty
            | Code::ReferenceApplied
            | Code::ExampleElidedJson
            | Code::ExampleNoType => Severity::Info,
            _ => Severity::Warning,
        }
    }
}

/// A place in an input file: path as given, 1-based line and column (column counts characters).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default)]
pub struct Location {
    /// The file, as the user named it (relative paths stay relative). Shared: the locations
    /// of one page (a property's, a finding's) point to one copy of its path.
    pub file: Arc<str>,
    /// 1-based line; 0 when the problem concerns the whole file.
    pub line: u32,
    /// 1-based column in characters; 0 when unknown.
    pub column: u32,
}

impl Location {
    /// A location in `file` at a 1-based line and column (0 for unknown).
    pub fn new(file: &str, line: u32, column: u32) -> Location {
        Location {
            file: file.into(),
            line,
            column,
        }
    }

    /// A location in a file already shared (by a page, say), at a 1-based line and column:
    /// the path is not copied.
    pub fn in_shared(file: &Arc<str>, line: u32, column: u32) -> Location {
        Location {
            file: Arc::clone(file),
            line,
            column,
        }
    }

    /// A location covering a whole file.
    pub fn file(file: &str) -> Location {
        Location {
            file: file.into(),
            line: 0,
            column: 0,
        }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let file = Printable(&self.file);
        match (self.line, self.column) {
            (0, _) => write!(f, "{file}"),
            (l, 0) => write!(f, "{file}:{l}"),
            (l, c) => write!(f, "{file}:{l}:{c}"),
        }
    }
}

/// One finding: what, where, and how bad.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Diagnostic {
    /// Where the problem is.
    #[serde(flatten)]
    pub location: Location,
    /// How bad it is (derived from the code).
    pub severity: Severity,
    /// The stable code.
    pub code: Code,
    /// What was found and what was expected or decided, in one sentence.
    pub message: String,
}

impl Diagnostic {
    /// A diagnostic with the severity its code carries.
    pub fn new(code: Code, location: Location, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            location,
            severity: code.severity(),
            code,
            message: message.into(),
        }
    }
}

/// Where a stage collects its findings: `diags.push(code, at, message)` gives each the severity
/// its code carries.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Diagnostics {
    list: Vec<Diagnostic>,
}

impl Diagnostics {
    /// An empty collection.
    pub fn new() -> Diagnostics {
        Diagnostics::default()
    }

    /// Records a finding of `code` at `at`.
    pub fn push(&mut self, code: Code, at: Location, message: impl Into<String>) {
        self.list.push(Diagnostic::new(code, at, message));
    }

    /// The findings so far, in the order they were recorded.
    pub fn as_slice(&self) -> &[Diagnostic] {
        &self.list
    }

    /// The findings, in the order they were recorded.
    pub fn into_vec(self) -> Vec<Diagnostic> {
        self.list
    }
}

impl Extend<Diagnostic> for Diagnostics {
    fn extend<I: IntoIterator<Item = Diagnostic>>(&mut self, iter: I) {
        self.list.extend(iter);
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {}[{}]: {}",
            self.location,
            self.severity,
            self.code,
            Printable(&self.message)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_read_back_what_they_print() {
        for &code in Code::ALL {
            assert_eq!(code.as_str().parse::<Code>(), Ok(code));
            let json = serde_json::to_string(&code).unwrap();
            assert_eq!(json, format!("\"{code}\""));
            assert_eq!(serde_json::from_str::<Code>(&json).unwrap(), code);
        }
        assert_eq!(Code::ReconstructedType.to_string(), "reconstructed-type");
        let err = serde_json::from_str::<Code>("\"no-such-code\"").unwrap_err();
        assert_eq!(err.to_string(), "unknown diagnostic code `no-such-code`");
    }

    #[test]
    fn reports_stay_on_one_line_and_cannot_drive_the_terminal() {
        let d = Diagnostic::new(
            Code::JsonExtraKey,
            Location {
                file: "a\nb.md".into(),
                line: 3,
                column: 0,
            },
            "`bell\u{7}key\r\n\u{1b}[31m\u{202e}x` is extra",
        );
        assert_eq!(
            d.to_string(),
            "a\\u{a}b.md:3: warning[json-extra-key]: `bell\\u{7}key\\u{d}\\u{a}\\u{1b}[31m\\u{202e}x` is extra"
        );
    }
}
