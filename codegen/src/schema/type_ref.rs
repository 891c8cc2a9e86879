//! Names in the schema: [`QualifiedName`] (`microsoft.graph.user`) and [`TypeRef`], what a
//! property's type is — a [`Primitive`] or a named type.
//!
//! Both serialize as the plain strings of the schema JSON (`"microsoft.graph.actionState"`,
//! `"DateTimeOffset"`), so `format_version` 1 reads and writes exactly as before they existed.

use crate::primitive::Primitive;
use serde::{Deserialize, Serialize};
use std::borrow::Borrow;
use std::fmt;
use std::sync::Arc;

/// A qualified type name: a namespace and a simple name, joined by the last `.`
/// (`microsoft.graph.callRecords` + `session`).
///
/// Compared, ordered and hashed as the whole text, so a map keyed by it can be looked up with a
/// `&str`. (The schema's own type order is by namespace, then name: see
/// [`Schema::types`](super::Schema::types).)
///
/// The text is shared: a clone (every property names its declaring type, every reference its
/// target) counts a reference instead of copying the name.
#[derive(Clone)]
pub struct QualifiedName {
    /// `namespace.name`.
    text: Arc<str>,
    /// The byte index of the `.` between namespace and name (always a valid index).
    dot: usize,
}

impl QualifiedName {
    /// Joins a namespace and a simple name.
    ///
    /// ```
    /// use msgraph_docgen::schema::QualifiedName;
    /// let q = QualifiedName::new("microsoft.graph", "user");
    /// assert_eq!(q.as_str(), "microsoft.graph.user");
    /// assert_eq!((q.namespace(), q.name()), ("microsoft.graph", "user"));
    /// ```
    pub fn new(namespace: &str, name: &str) -> QualifiedName {
        // Written at its length: `format!` cost several times as much, on every type name.
        let mut text = String::with_capacity(namespace.len() + 1 + name.len());
        text.push_str(namespace);
        text.push('.');
        text.push_str(name);
        QualifiedName {
            text: text.into(),
            dot: namespace.len(),
        }
    }

    /// Reads `namespace.name`, split at the last `.`; `None` when there is no `.`.
    ///
    /// ```
    /// use msgraph_docgen::schema::QualifiedName;
    /// let q = QualifiedName::parse("microsoft.graph.callRecords.session").unwrap();
    /// assert_eq!(q.namespace(), "microsoft.graph.callRecords");
    /// assert_eq!(QualifiedName::parse("String"), None);
    /// ```
    pub fn parse(text: &str) -> Option<QualifiedName> {
        let dot = text.rfind('.')?;
        Some(QualifiedName {
            text: text.into(),
            dot,
        })
    }

    /// The namespace (`microsoft.graph`).
    pub fn namespace(&self) -> &str {
        &self.text[..self.dot]
    }

    /// The simple name (`user`).
    pub fn name(&self) -> &str {
        &self.text[self.dot + 1..]
    }

    /// `namespace.name`.
    pub fn as_str(&self) -> &str {
        &self.text
    }
}

impl fmt::Display for QualifiedName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl fmt::Debug for QualifiedName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.text, f)
    }
}

// Equality, order and hash are those of the text alone, as `Borrow<str>` requires.
impl PartialEq for QualifiedName {
    fn eq(&self, other: &QualifiedName) -> bool {
        // Clones of one name share its text.
        Arc::ptr_eq(&self.text, &other.text) || self.text == other.text
    }
}

impl Eq for QualifiedName {}

impl PartialOrd for QualifiedName {
    fn partial_cmp(&self, other: &QualifiedName) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for QualifiedName {
    fn cmp(&self, other: &QualifiedName) -> std::cmp::Ordering {
        self.text.cmp(&other.text)
    }
}

impl std::hash::Hash for QualifiedName {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.text.hash(state);
    }
}

/// A qualified name reads as its text wherever a `&str` is expected.
impl std::ops::Deref for QualifiedName {
    type Target = str;

    fn deref(&self) -> &str {
        &self.text
    }
}

impl AsRef<str> for QualifiedName {
    fn as_ref(&self) -> &str {
        &self.text
    }
}

impl Borrow<str> for QualifiedName {
    fn borrow(&self) -> &str {
        &self.text
    }
}

impl PartialEq<str> for QualifiedName {
    fn eq(&self, other: &str) -> bool {
        *self.text == *other
    }
}

impl PartialEq<&str> for QualifiedName {
    fn eq(&self, other: &&str) -> bool {
        *self.text == **other
    }
}

impl PartialEq<String> for QualifiedName {
    fn eq(&self, other: &String) -> bool {
        *self.text == **other
    }
}

impl Serialize for QualifiedName {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.text)
    }
}

impl<'de> Deserialize<'de> for QualifiedName {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        QualifiedName::parse(&text).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "expected a qualified type name such as `microsoft.graph.user`, got `{text}`"
            ))
        })
    }
}

/// The type of a property: a primitive, or a type of the schema (or one it lacks) by name.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TypeRef {
    /// A primitive (`String`, `Int32`, `DateTimeOffset`, ...).
    Primitive(Primitive),
    /// An entity, complex or enum type, by qualified name.
    Named(QualifiedName),
}

impl TypeRef {
    /// Reads the schema JSON spelling: a canonical primitive name, or a qualified name (has a
    /// `.`). `None` for anything else.
    ///
    /// ```
    /// use msgraph_docgen::{primitive::Primitive, schema::TypeRef};
    /// assert_eq!(TypeRef::parse("Int32"), Some(TypeRef::Primitive(Primitive::Int32)));
    /// assert!(TypeRef::parse("microsoft.graph.actionState").unwrap().as_named().is_some());
    /// assert_eq!(TypeRef::parse("int"), None);
    /// ```
    pub fn parse(text: &str) -> Option<TypeRef> {
        match QualifiedName::parse(text) {
            Some(q) => Some(TypeRef::Named(q)),
            None => Primitive::from_canonical(text).map(TypeRef::Primitive),
        }
    }

    /// The primitive, if it is one.
    pub fn as_primitive(&self) -> Option<Primitive> {
        match self {
            TypeRef::Primitive(p) => Some(*p),
            TypeRef::Named(_) => None,
        }
    }

    /// The qualified name, if it is a named type.
    pub fn as_named(&self) -> Option<&QualifiedName> {
        match self {
            TypeRef::Primitive(_) => None,
            TypeRef::Named(q) => Some(q),
        }
    }

    /// True for a primitive.
    pub fn is_primitive(&self) -> bool {
        matches!(self, TypeRef::Primitive(_))
    }

    /// The schema JSON spelling (`Int32`, `microsoft.graph.actionState`).
    pub fn as_str(&self) -> &str {
        match self {
            TypeRef::Primitive(p) => p.as_str(),
            TypeRef::Named(q) => q.as_str(),
        }
    }
}

impl From<Primitive> for TypeRef {
    fn from(p: Primitive) -> TypeRef {
        TypeRef::Primitive(p)
    }
}

impl From<QualifiedName> for TypeRef {
    fn from(q: QualifiedName) -> TypeRef {
        TypeRef::Named(q)
    }
}

impl fmt::Display for TypeRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for TypeRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl PartialEq<str> for TypeRef {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for TypeRef {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl Serialize for TypeRef {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for TypeRef {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        TypeRef::parse(&text).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "expected a primitive name such as `Int32` or a qualified type name, got `{text}`"
            ))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_split_at_the_last_dot_and_order_as_text() {
        let q = QualifiedName::parse("microsoft.graph.callRecords.session").unwrap();
        assert_eq!(q.name(), "session");
        assert_eq!(
            q,
            QualifiedName::new("microsoft.graph.callRecords", "session")
        );
        let mut map = std::collections::BTreeMap::new();
        map.insert(q.clone(), 1);
        assert_eq!(map.get("microsoft.graph.callRecords.session"), Some(&1));
    }

    #[test]
    fn serialized_as_the_schema_json_strings() {
        let t: TypeRef = serde_json::from_str("\"DateTimeOffset\"").unwrap();
        assert_eq!(t, TypeRef::Primitive(Primitive::DateTimeOffset));
        assert_eq!(serde_json::to_string(&t).unwrap(), "\"DateTimeOffset\"");
        let n: TypeRef = serde_json::from_str("\"microsoft.graph.x\"").unwrap();
        assert_eq!(serde_json::to_string(&n).unwrap(), "\"microsoft.graph.x\"");
        assert!(serde_json::from_str::<TypeRef>("\"int\"").is_err());
        assert!(serde_json::from_str::<QualifiedName>("\"user\"").is_err());
    }
}
