//! The service's own metadata (OData CSDL), and how the docs' schema compares with it.
//!
//! `check --metadata FILE` reads Microsoft's service metadata ([`Metadata::read`], in
//! `csdl.rs`) and measures the schema read from the docs against it ([`compare`]): every
//! disagreement becomes a located diagnostic on the docs side, and the agreement is summed up in
//! [`Figures`]. The metadata is a yardstick only: it sits beside [`schema`](crate::schema), as
//! `diff` does, and nothing in `schema` or `emit` ever reads it.

mod compare;
mod csdl;
mod figures;

pub use compare::{compare, Comparison};
pub use csdl::MetadataError;
pub use figures::{EnumMemberFigures, Figures, OwnPropertyFigures, Ratio, TypeTally};

use crate::schema::{Kind, QualifiedName, TypeRef};
use std::path::Path;

/// Everything the metadata declares that the comparison needs: its entity, complex and enum
/// types, with names resolved (aliases replaced by their namespaces).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Metadata {
    /// Every type, sorted by qualified name (the order [`Metadata::get`] searches in).
    types: Vec<MetaType>,
    /// Elements that were left out, each with its line (a type without a name, a second
    /// declaration of a type).
    pub ignored: Vec<String>,
}

/// One entity, complex or enum type of the metadata.
#[derive(Debug, Clone, PartialEq)]
pub struct MetaType {
    /// `namespace.Name`, the namespace as declared (never an alias).
    pub name: QualifiedName,
    /// `EntityType`, `ComplexType` or `EnumType`.
    pub kind: Kind,
    /// `BaseType`, resolved.
    pub base: Option<QualifiedName>,
    /// `Abstract="true"`.
    pub is_abstract: bool,
    /// `OpenType="true"`.
    pub open_type: bool,
    /// The names of the `<Key>`'s `PropertyRef`s (usually only on `entity`: keys are inherited).
    pub key: Vec<String>,
    /// The `Property` and `NavigationProperty` elements declared on the type itself, in order.
    pub properties: Vec<MetaProperty>,
    /// `IsFlags="true"` (enums).
    pub is_flags: bool,
    /// The enum members, in order.
    pub members: Vec<MetaMember>,
    /// The 1-based line of the type's element in the metadata file.
    pub line: u32,
}

/// A `Property` or `NavigationProperty`.
#[derive(Debug, Clone, PartialEq)]
pub struct MetaProperty {
    /// The JSON name.
    pub name: String,
    /// The element type: an `Edm.*` primitive as a [`Primitive`](crate::primitive::Primitive), a
    /// named type resolved to its namespace. An `Edm.*` type the schema has no primitive for
    /// (`Edm.GeographyPoint`) stays a name in the `Edm` namespace.
    pub ty: TypeRef,
    /// `Collection(..)`.
    pub collection: bool,
    /// A `NavigationProperty`.
    pub navigation: bool,
    /// `Nullable` (true when absent, as OData says).
    pub nullable: bool,
}

/// An enum `Member`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MetaMember {
    /// The member name.
    pub name: String,
    /// `Value`, when present and an integer.
    pub value: Option<i64>,
}

impl Metadata {
    /// Reads a CSDL (EDMX) file.
    pub fn read(path: &Path) -> Result<Metadata, MetadataError> {
        let text = std::fs::read_to_string(path).map_err(|e| MetadataError::Io {
            path: path.display().to_string(),
            message: e.to_string(),
        })?;
        Metadata::parse(&text)
    }

    /// Reads CSDL (EDMX) text: every `<Schema>` element, wherever it is nested.
    pub fn parse(text: &str) -> Result<Metadata, MetadataError> {
        csdl::parse(text)
    }

    /// A metadata of these types (put in order by name); duplicates after the first are
    /// dropped and noted in `ignored`.
    pub fn new(mut types: Vec<MetaType>, mut ignored: Vec<String>) -> Metadata {
        types.sort_by(|a, b| a.name.cmp(&b.name));
        let mut kept: Vec<MetaType> = Vec::with_capacity(types.len());
        for t in types {
            match kept.last() {
                Some(last) if last.name == t.name => ignored.push(format!(
                    "line {}: `{}` is declared again (line {}); the first declaration is used",
                    t.line, t.name, last.line
                )),
                _ => kept.push(t),
            }
        }
        Metadata {
            types: kept,
            ignored,
        }
    }

    /// Every type, sorted by qualified name.
    pub fn types(&self) -> &[MetaType] {
        &self.types
    }

    /// The type with this qualified name (exactly, case included).
    pub fn get(&self, qualified: &str) -> Option<&MetaType> {
        self.types
            .binary_search_by(|t| t.name.as_str().cmp(qualified))
            .ok()
            .map(|i| &self.types[i])
    }

    /// The ancestors of a type, nearest first (stops at a cycle or a base the metadata lacks).
    pub fn ancestors(&self, qualified: &str) -> Vec<&MetaType> {
        let mut out: Vec<&MetaType> = Vec::new();
        let mut current = self.get(qualified).and_then(|t| t.base.as_ref());
        while let Some(name) = current {
            match self.get(name) {
                Some(t) if t.name != qualified && !out.iter().any(|o| o.name == t.name) => {
                    out.push(t);
                    current = t.base.as_ref();
                }
                _ => break,
            }
        }
        out
    }
}

impl MetaType {
    /// The property this type declares itself with this name.
    pub fn property(&self, name: &str) -> Option<&MetaProperty> {
        self.properties.iter().find(|p| p.name == name)
    }
}
