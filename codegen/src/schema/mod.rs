//! Stage 2: the intermediate schema (IR) — types, bases, properties, enums, diagnostics.
//!
//! [`build`] resolves a set of [`Page`](crate::parse::Page)s into a [`Schema`]. The schema is a
//! public, versioned JSON format (`format_version`); see the README for its description.

mod build;
mod names;
mod reference;
mod select;
mod type_ref;

pub use build::{build, MAX_INHERITANCE_DEPTH};
pub use reference::apply_reference;
pub use select::{Selection, UnknownRoot};
pub use type_ref::{QualifiedName, TypeRef};

use crate::diag::{Diagnostic, Location};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;
use std::sync::OnceLock;

/// The version of the schema JSON format. Bumped on any incompatible change.
pub const FORMAT_VERSION: u32 = 1;

/// The whole schema of a set of pages.
///
/// Its types are always sorted by namespace, then name (the order [`Schema::get`] searches in):
/// [`Schema::new`] and deserialization sort them, and nothing else can change them.
#[derive(Clone, Serialize, Deserialize)]
#[serde(from = "SchemaFields")]
pub struct Schema {
    /// [`FORMAT_VERSION`].
    pub format_version: u32,
    /// Every type, sorted by namespace, then name.
    types: Vec<TypeDef>,
    /// Every finding, sorted by location and code.
    pub diagnostics: Vec<Diagnostic>,
    /// The position of each type by qualified name, built on the first lookup (the types
    /// never change after [`Schema::new`]). Not part of the schema: left out of its JSON, its
    /// `Debug` text and its comparisons.
    #[serde(skip)]
    index: OnceLock<TypeIndex>,
}

// By hand, to leave out the index: the derived `Debug` and `PartialEq` would include it.
impl fmt::Debug for Schema {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Schema")
            .field("format_version", &self.format_version)
            .field("types", &self.types)
            .field("diagnostics", &self.diagnostics)
            .finish()
    }
}

impl PartialEq for Schema {
    fn eq(&self, other: &Schema) -> bool {
        self.format_version == other.format_version
            && self.types == other.types
            && self.diagnostics == other.diagnostics
    }
}

/// The positions of a schema's types by every qualified name that [`Schema::index_of`] finds
/// them by: `namespace.name`, and also `name` for an empty namespace (a text without `.`
/// splits into an empty namespace). A name that more than one type answers to is marked
/// [`TypeIndex::AMBIGUOUS`] and left to the binary search, which picks the same one as ever.
#[derive(Debug, Clone, Default)]
struct TypeIndex {
    /// Qualified name → position in the sorted types, or [`TypeIndex::AMBIGUOUS`].
    positions: foldhash::HashMap<Box<str>, usize>,
}

impl TypeIndex {
    /// The mark of a name that several types answer to.
    const AMBIGUOUS: usize = usize::MAX;

    /// The index of `types`.
    fn new(types: &[TypeDef]) -> TypeIndex {
        let mut positions = foldhash::HashMap::default();
        positions.reserve(types.len());
        let mut add = |key: String, i: usize| {
            positions
                .entry(key.into_boxed_str())
                .and_modify(|at| *at = TypeIndex::AMBIGUOUS)
                .or_insert(i);
        };
        for (i, t) in types.iter().enumerate() {
            // A name with a `.` is never the part after the last `.` of a qualified name:
            // no lookup finds its type.
            if t.name.contains('.') {
                continue;
            }
            if t.namespace.is_empty() {
                add(t.name.clone(), i);
            }
            // Joined at its length: `format!` cost several times as much, once per type.
            add([t.namespace.as_str(), ".", t.name.as_str()].concat(), i);
        }
        TypeIndex { positions }
    }

    /// The position of the type `qualified`: `None` when no type has that name, `Some(None)`
    /// when several do.
    fn get(&self, qualified: &str) -> Option<Option<usize>> {
        self.positions
            .get(qualified)
            .map(|&i| (i != TypeIndex::AMBIGUOUS).then_some(i))
    }
}

/// The schema JSON as read, before its types are put in order.
#[derive(Deserialize)]
struct SchemaFields {
    format_version: u32,
    types: Vec<TypeDef>,
    diagnostics: Vec<Diagnostic>,
}

impl From<SchemaFields> for Schema {
    fn from(fields: SchemaFields) -> Schema {
        let mut schema = Schema::new(fields.types, fields.diagnostics);
        schema.format_version = fields.format_version;
        schema
    }
}

/// What kind of type a [`TypeDef`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// An entity type (has a key, usually `id`).
    Entity,
    /// A complex (value) type.
    Complex,
    /// An enumeration.
    Enum,
}

/// Where the definition of a type comes from.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "lowercase")]
pub enum Origin {
    /// Its own page (or section) in the input.
    #[default]
    Page,
    /// No page in the input; rebuilt from what other pages prove (inherited rows, possible values).
    Reconstructed,
    /// No page and no evidence: an open placeholder that keeps any JSON it receives.
    Placeholder,
}

/// One type of the schema.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TypeDef {
    /// The simple name as Graph spells it (`resetPasscodeActionResult`).
    pub name: String,
    /// The namespace (`microsoft.graph`, `microsoft.graph.callRecords`).
    pub namespace: String,
    /// Entity, complex or enum.
    pub kind: Kind,
    /// The base type, if any.
    pub base: Option<QualifiedName>,
    /// The description from the page.
    pub description: String,
    /// Where the definition comes from.
    #[serde(default)]
    pub origin: Origin,
    /// The annotation says the type is abstract.
    #[serde(default)]
    pub is_abstract: bool,
    /// The annotation says the type is open (accepts undeclared properties).
    #[serde(default)]
    pub open_type: bool,
    /// Where the type is defined (the page, or the first evidence of a reconstructed type).
    #[serde(default)]
    pub source: Option<Location>,
    /// All properties, inherited ones first (root ancestor first), then the type's own.
    #[serde(default)]
    pub properties: Vec<Property>,
    /// Enum members (enums only).
    #[serde(default)]
    pub members: Vec<Member>,
}

impl TypeDef {
    /// A type with these names, kind and properties, from a page, with nothing else said: what
    /// tests build schemas from.
    #[cfg(test)]
    pub(crate) fn for_tests(
        namespace: &str,
        name: &str,
        kind: Kind,
        properties: Vec<Property>,
    ) -> TypeDef {
        TypeDef {
            name: name.to_owned(),
            namespace: namespace.to_owned(),
            kind,
            base: None,
            description: String::new(),
            origin: Origin::Page,
            is_abstract: false,
            open_type: false,
            source: None,
            properties,
            members: Vec::new(),
        }
    }

    /// `namespace.name`.
    pub fn qualified_name(&self) -> QualifiedName {
        QualifiedName::new(&self.namespace, &self.name)
    }

    /// The properties this type declares itself (not inherited).
    pub fn own_properties(&self) -> impl Iterator<Item = &Property> {
        self.properties.iter().filter(|p| !p.inherited)
    }
}

/// One property of a type.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Property {
    /// The JSON name (`actionName`, `@odata.type` never appears here).
    pub name: String,
    /// A primitive (`String`, `Int32`, `DateTimeOffset`, see [`crate::primitive`]) or a named
    /// type (`microsoft.graph.actionState`).
    #[serde(rename = "type")]
    pub ty: TypeRef,
    /// True for a collection (a JSON array).
    pub collection: bool,
    /// True when an ancestor declares the property.
    pub inherited: bool,
    /// The type that declares it.
    pub declared_by: QualifiedName,
    /// True for navigation properties (the relationships table).
    #[serde(default)]
    pub navigation: bool,
    /// The description.
    pub description: String,
    /// The table row that declares it.
    #[serde(default)]
    pub source: Option<Location>,
}

impl Property {
    /// True when the type is a primitive.
    pub fn is_primitive(&self) -> bool {
        self.ty.is_primitive()
    }
}

/// One enum member.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Member {
    /// The member name as sent on the wire (`notSupported`).
    pub name: String,
    /// The integer value, when the docs give one that could be read.
    pub value: Option<i64>,
    /// The description.
    #[serde(default)]
    pub description: String,
}

impl Schema {
    /// A schema of these types (put in order: by namespace, then name) and findings.
    pub fn new(mut types: Vec<TypeDef>, diagnostics: Vec<Diagnostic>) -> Schema {
        types.sort_by(|a, b| (&a.namespace, &a.name).cmp(&(&b.namespace, &b.name)));
        Schema {
            format_version: FORMAT_VERSION,
            types,
            diagnostics,
            index: OnceLock::new(),
        }
    }

    /// Every type, sorted by namespace, then name.
    pub fn types(&self) -> &[TypeDef] {
        &self.types
    }

    /// The types and the findings, taken apart (put them back with [`Schema::new`]).
    pub fn into_parts(self) -> (Vec<TypeDef>, Vec<Diagnostic>) {
        (self.types, self.diagnostics)
    }

    /// The type with this qualified name.
    pub fn get(&self, qualified: &str) -> Option<&TypeDef> {
        self.index_of(qualified).map(|i| &self.types[i])
    }

    /// The position of the type with this qualified name in [`Schema::types`]: the type whose
    /// namespace and name are the text before and after its last `.` (an empty namespace when
    /// it has none).
    pub fn index_of(&self, qualified: &str) -> Option<usize> {
        // A hash lookup: a binary search compared ~12 pairs of strings per lookup, and emit
        // looks up tens of thousands of names.
        let index = self.index.get_or_init(|| TypeIndex::new(&self.types));
        match index.get(qualified)? {
            Some(i) => Some(i),
            None => self.search(qualified),
        }
    }

    /// [`Schema::index_of`] by binary search over the sorted types.
    fn search(&self, qualified: &str) -> Option<usize> {
        // Split once, not at every step of the search.
        let key = qualified.rsplit_once('.').unwrap_or(("", qualified));
        self.types
            .binary_search_by(|t| (t.namespace.as_str(), t.name.as_str()).cmp(&key))
            .ok()
    }

    /// Qualified name → direct subtypes (sorted), for every type that has any.
    pub fn subtypes(&self) -> BTreeMap<QualifiedName, Vec<QualifiedName>> {
        let mut map: BTreeMap<QualifiedName, Vec<QualifiedName>> = BTreeMap::new();
        for t in &self.types {
            if let Some(base) = &t.base {
                map.entry(base.clone())
                    .or_default()
                    .push(t.qualified_name());
            }
        }
        map
    }

    /// Every type derived from `qualified`, directly or not, in schema order.
    pub fn descendants(&self, qualified: &str) -> Vec<&TypeDef> {
        self.descendants_in(&self.subtypes(), qualified)
    }

    /// [`Schema::descendants`], given the map of [`Schema::subtypes`] (for callers that ask for
    /// many types and have the map already).
    pub fn descendants_in(
        &self,
        subtypes: &BTreeMap<QualifiedName, Vec<QualifiedName>>,
        qualified: &str,
    ) -> Vec<&TypeDef> {
        let mut found = std::collections::BTreeSet::new();
        let mut stack = vec![qualified];
        while let Some(q) = stack.pop() {
            for sub in subtypes.get(q).into_iter().flatten() {
                if *sub != qualified && found.insert(sub.as_str()) {
                    stack.push(sub.as_str());
                }
            }
        }
        let mut out: Vec<&TypeDef> = found.into_iter().filter_map(|q| self.get(q)).collect();
        out.sort_by(|a, b| (&a.namespace, &a.name).cmp(&(&b.namespace, &b.name)));
        out
    }

    /// The ancestors of a type, nearest first.
    pub fn ancestors(&self, qualified: &str) -> Vec<&TypeDef> {
        // Positions, not names, tell a cycle: no name is built per step.
        let mut seen: Vec<usize> = Vec::new();
        let mut current = self.get(qualified).and_then(|t| t.base.as_ref());
        while let Some(name) = current {
            match self.index_of(name.as_str()) {
                Some(i) if !seen.contains(&i) => {
                    seen.push(i);
                    current = self.types[i].base.as_ref();
                }
                _ => break,
            }
        }
        seen.into_iter().map(|i| &self.types[i]).collect()
    }

    /// Serializes the schema as pretty JSON (the `schema` command's output).
    pub fn to_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).expect("the schema is always serializable");
        s.push('\n');
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named(namespace: &str, name: &str) -> TypeDef {
        TypeDef::for_tests(namespace, name, Kind::Complex, Vec::new())
    }

    /// [`Schema::index_of`] as a scan of every type, for reference.
    fn scan(schema: &Schema, qualified: &str) -> Vec<usize> {
        let (namespace, name) = qualified.rsplit_once('.').unwrap_or(("", qualified));
        (schema.types().iter().enumerate())
            .filter(|(_, t)| t.namespace == namespace && t.name == name)
            .map(|(i, _)| i)
            .collect()
    }

    #[test]
    fn lookups_find_what_a_scan_finds() {
        let schema = Schema::new(
            vec![
                named("microsoft.graph", "user"),
                named("microsoft.graph", "group"),
                named("microsoft.graph.callRecords", "session"),
                named("microsoft.graph.callRecords", "session"),
                named("microsoft.graph", "a.b"),
                named("", "bare"),
                named("", ""),
                named("x", ""),
            ],
            Vec::new(),
        );
        let queries = [
            "microsoft.graph.user",
            "microsoft.graph.group",
            "microsoft.graph.callRecords.session",
            "microsoft.graph.a.b",
            "microsoft.graph.a",
            "bare",
            ".bare",
            "..bare",
            "",
            ".",
            "x.",
            "x",
            "microsoft.graph",
            "microsoft.graph.User",
        ];
        for q in queries {
            let found = scan(&schema, q);
            match schema.index_of(q) {
                None => assert!(found.is_empty(), "{q:?}"),
                Some(i) => assert!(found.contains(&i), "{q:?}"),
            }
            assert_eq!(schema.index_of(q), schema.search(q), "{q:?}");
            assert_eq!(
                schema.get(q).map(TypeDef::qualified_name),
                found.first().map(|&i| schema.types()[i].qualified_name()),
                "{q:?}"
            );
        }
    }

    #[test]
    fn qualified_names_keep_their_namespace_and_name() {
        for (namespace, name) in [
            ("microsoft.graph", "user"),
            ("microsoft.graph.callRecords", "session"),
            ("", "bare"),
            ("x", ""),
            ("", ""),
            ("microsoft.graph", "a.b"),
        ] {
            let q = named(namespace, name).qualified_name();
            assert_eq!((q.namespace(), q.name()), (namespace, name));
            assert_eq!(q.as_str().len(), namespace.len() + 1 + name.len());
        }
    }

    #[test]
    fn the_index_is_no_part_of_the_schema() {
        let schema = Schema::new(vec![named("microsoft.graph", "user")], Vec::new());
        let before = format!("{schema:?}");
        assert!(schema.get("microsoft.graph.user").is_some());
        assert_eq!(format!("{schema:?}"), before);
        assert!(!before.contains("index"), "{before}");
        assert_eq!(schema, Schema::new(schema.types().to_vec(), Vec::new()));
        let json = schema.to_json();
        assert!(!json.contains("index"), "{json}");
        let read: Schema = serde_json::from_str(&json).unwrap();
        assert_eq!(read, schema);
        assert_eq!(read.index_of("microsoft.graph.user"), Some(0));
    }
}
