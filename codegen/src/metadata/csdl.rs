//! Reading OData CSDL (the EDMX XML the service publishes at `$metadata`) with `roxmltree`.
//!
//! Only what the comparison needs is read: each `<Schema>`'s `EntityType`, `ComplexType` and
//! `EnumType` elements with their `BaseType`, `Abstract`, `OpenType`, `Key`, `Property`,
//! `NavigationProperty`, `IsFlags` and `Member`s. Elements are recognised by their local name,
//! whatever XML namespace (CSDL version) they are in. Type references are resolved: an alias
//! (`graph.user`) becomes its namespace (`microsoft.graph.user`), `Collection(..)` becomes the
//! collection flag, and `Edm.*` becomes a [`Primitive`].

use super::{MetaMember, MetaProperty, MetaType, Metadata};
use crate::primitive::Primitive;
use crate::schema::{Kind, QualifiedName, TypeRef};
use foldhash::HashMap;
use roxmltree::{Document, Node};
use std::fmt;

/// Why a metadata file could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MetadataError {
    /// The file could not be read (or is not UTF-8).
    Io {
        /// The path as given.
        path: String,
        /// The system's message.
        message: String,
    },
    /// The text is not well-formed XML.
    Xml(String),
    /// Well-formed XML, but with no `<Schema>` element: not CSDL.
    NotCsdl,
}

impl fmt::Display for MetadataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MetadataError::Io { path, message } => write!(f, "{path}: {message}"),
            MetadataError::Xml(message) => write!(f, "the metadata is not XML: {message}"),
            MetadataError::NotCsdl => {
                f.write_str("the metadata has no <Schema> element: it is not OData CSDL")
            }
        }
    }
}

impl std::error::Error for MetadataError {}

/// Reads CSDL text into a [`Metadata`].
pub(super) fn parse(text: &str) -> Result<Metadata, MetadataError> {
    let doc = Document::parse(text).map_err(|e| MetadataError::Xml(e.to_string()))?;
    let schemas: Vec<Node> = doc
        .descendants()
        .filter(|n| n.is_element() && n.tag_name().name() == "Schema")
        .collect();
    if schemas.is_empty() {
        return Err(MetadataError::NotCsdl);
    }
    let lines = LineIndex::new(text);
    let aliases: HashMap<&str, &str> = schemas
        .iter()
        .filter_map(|s| Some((s.attribute("Alias")?, s.attribute("Namespace")?)))
        .collect();
    let mut types = Vec::new();
    let mut ignored = Vec::new();
    for schema in &schemas {
        let Some(namespace) = schema.attribute("Namespace") else {
            ignored.push(format!(
                "line {}: a <Schema> without a Namespace",
                lines.line_of(schema)
            ));
            continue;
        };
        let reader = TypeReader {
            namespace,
            aliases: &aliases,
            lines: &lines,
        };
        for element in schema.children().filter(Node::is_element) {
            let kind = match element.tag_name().name() {
                "EntityType" => Kind::Entity,
                "ComplexType" => Kind::Complex,
                "EnumType" => Kind::Enum,
                _ => continue,
            };
            match reader.read_type(element, kind) {
                Some(t) => types.push(t),
                None => ignored.push(format!(
                    "line {}: a <{}> without a Name",
                    lines.line_of(&element),
                    element.tag_name().name()
                )),
            }
        }
    }
    Ok(Metadata::new(types, ignored))
}

/// Reads the types of one `<Schema>`.
struct TypeReader<'a> {
    /// The schema's namespace (for names without one).
    namespace: &'a str,
    /// Every schema's alias → its namespace.
    aliases: &'a HashMap<&'a str, &'a str>,
    lines: &'a LineIndex,
}

impl TypeReader<'_> {
    /// An entity, complex or enum type; `None` without a `Name`.
    fn read_type(&self, element: Node, kind: Kind) -> Option<MetaType> {
        let name = element.attribute("Name")?.trim();
        if name.is_empty() {
            return None;
        }
        let children = || element.children().filter(Node::is_element);
        let properties = children()
            .filter_map(|child| self.read_property(child))
            .collect();
        let key = children()
            .filter(|c| c.tag_name().name() == "Key")
            .flat_map(|k| {
                k.children()
                    .filter(|r| r.tag_name().name() == "PropertyRef")
            })
            .filter_map(|r| r.attribute("Name").map(str::to_owned))
            .collect();
        let members = children()
            .filter(|c| c.tag_name().name() == "Member")
            .filter_map(|m| {
                Some(MetaMember {
                    name: m.attribute("Name")?.trim().to_owned(),
                    value: m.attribute("Value").and_then(|v| v.trim().parse().ok()),
                })
            })
            .collect();
        Some(MetaType {
            name: QualifiedName::new(self.namespace, name),
            kind,
            base: element
                .attribute("BaseType")
                .map(|b| self.resolve_name(b.trim())),
            is_abstract: is_true(element.attribute("Abstract")),
            open_type: is_true(element.attribute("OpenType")),
            key,
            properties,
            is_flags: is_true(element.attribute("IsFlags")),
            members: with_implicit_values(members),
            line: self.lines.line_of(&element),
        })
    }

    /// A `Property` or `NavigationProperty` element; `None` for any other element, or one without
    /// a name or a type.
    fn read_property(&self, element: Node) -> Option<MetaProperty> {
        let navigation = match element.tag_name().name() {
            "Property" => false,
            "NavigationProperty" => true,
            _ => return None,
        };
        let (ty, collection) = self.resolve_type(element.attribute("Type")?.trim());
        Some(MetaProperty {
            name: element.attribute("Name")?.trim().to_owned(),
            ty,
            collection,
            navigation,
            nullable: element.attribute("Nullable") != Some("false"),
        })
    }

    /// `Collection(graph.x)` → (`microsoft.graph.x`, true); `Edm.Int32` → (`Int32`, false).
    fn resolve_type(&self, text: &str) -> (TypeRef, bool) {
        let (inner, collection) = match text
            .strip_prefix("Collection(")
            .and_then(|t| t.strip_suffix(')'))
        {
            Some(inner) => (inner.trim(), true),
            None => (text, false),
        };
        let ty = match inner.strip_prefix("Edm.") {
            Some(edm) => edm_primitive(edm)
                .map(TypeRef::Primitive)
                .unwrap_or_else(|| TypeRef::Named(QualifiedName::new("Edm", edm))),
            None => TypeRef::Named(self.resolve_name(inner)),
        };
        (ty, collection)
    }

    /// A qualified name with its alias replaced by the namespace; a bare name is in this
    /// schema's namespace.
    fn resolve_name(&self, text: &str) -> QualifiedName {
        match text.rsplit_once('.') {
            Some((prefix, name)) => {
                let namespace = self.aliases.get(prefix).copied().unwrap_or(prefix);
                QualifiedName::new(namespace, name)
            }
            None => QualifiedName::new(self.namespace, text),
        }
    }
}

/// The primitive of an `Edm.` type name (`Int32`); `Untyped` is untyped JSON.
fn edm_primitive(name: &str) -> Option<Primitive> {
    match name {
        "Untyped" => Some(Primitive::Json),
        "Json" => None,
        _ => Primitive::from_canonical(name),
    }
}

/// OData: when no member states a value, the members are numbered 0, 1, 2, … in order.
fn with_implicit_values(mut members: Vec<MetaMember>) -> Vec<MetaMember> {
    if members.iter().all(|m| m.value.is_none()) {
        for (value, m) in (0..).zip(members.iter_mut()) {
            m.value = Some(value);
        }
    }
    members
}

fn is_true(attribute: Option<&str>) -> bool {
    attribute.is_some_and(|v| v.trim() == "true")
}

/// Byte offset → 1-based line, by binary search over the offsets of the line breaks (roxmltree's
/// own `text_pos_at` scans from the start each time).
struct LineIndex {
    breaks: Vec<usize>,
}

impl LineIndex {
    fn new(text: &str) -> LineIndex {
        LineIndex {
            breaks: memchr::memchr_iter(b'\n', text.as_bytes()).collect(),
        }
    }

    fn line_of(&self, node: &Node) -> u32 {
        let offset = node.range().start;
        u32::try_from(self.breaks.partition_point(|&b| b < offset) + 1).unwrap_or(u32::MAX)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two schemas, one with an alias; references through the alias, the full namespace, and
    /// `Collection(..)`.
    const TWO_SCHEMAS: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
  <edmx:DataServices>
    <Schema Namespace="microsoft.graph" Alias="graph" xmlns="http://docs.oasis-open.org/odata/ns/edm">
      <EntityType Name="entity" Abstract="true">
        <Key><PropertyRef Name="id" /></Key>
        <Property Name="id" Type="Edm.String" Nullable="false" />
      </EntityType>
      <EntityType Name="user" BaseType="graph.entity" OpenType="true">
        <Property Name="businessPhones" Type="Collection(Edm.String)" Nullable="false" />
        <Property Name="age" Type="Edm.Int32" />
        <Property Name="extra" Type="Edm.Untyped" />
        <Property Name="where" Type="Edm.GeographyPoint" />
        <NavigationProperty Name="sessions" Type="Collection(microsoft.graph.callRecords.session)" ContainsTarget="true" />
        <NavigationProperty Name="manager" Type="graph.user" />
      </EntityType>
      <ComplexType Name="identity">
        <Property Name="displayName" Type="Edm.String" />
      </ComplexType>
      <Function Name="delta" IsBound="true" />
    </Schema>
    <Schema Namespace="microsoft.graph.callRecords" xmlns="http://docs.oasis-open.org/odata/ns/edm">
      <EntityType Name="session" BaseType="graph.entity">
        <Property Name="caller" Type="graph.identity" />
      </EntityType>
    </Schema>
  </edmx:DataServices>
</edmx:Edmx>
"#;

    #[test]
    fn aliases_namespaces_and_collections_are_resolved() {
        let m = Metadata::parse(TWO_SCHEMAS).unwrap();
        let names: Vec<&str> = m.types().iter().map(|t| t.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "microsoft.graph.callRecords.session",
                "microsoft.graph.entity",
                "microsoft.graph.identity",
                "microsoft.graph.user"
            ]
        );
        let user = m.get("microsoft.graph.user").unwrap();
        assert_eq!((user.kind, user.open_type), (Kind::Entity, true));
        assert_eq!(user.base.as_deref(), Some("microsoft.graph.entity"));
        assert_eq!(user.line, 9);
        let phones = user.property("businessPhones").unwrap();
        assert_eq!(phones.ty, TypeRef::Primitive(Primitive::String));
        assert!(phones.collection && !phones.nullable && !phones.navigation);
        let sessions = user.property("sessions").unwrap();
        assert_eq!(sessions.ty, "microsoft.graph.callRecords.session");
        assert!(sessions.collection && sessions.navigation);
        let manager = user.property("manager").unwrap();
        assert_eq!(manager.ty, "microsoft.graph.user");
        assert!(!manager.collection && manager.nullable);
        assert_eq!(
            user.property("extra").unwrap().ty,
            TypeRef::Primitive(Primitive::Json)
        );
        assert_eq!(user.property("where").unwrap().ty, "Edm.GeographyPoint");
        let session = m.get("microsoft.graph.callRecords.session").unwrap();
        assert_eq!(
            session.property("caller").unwrap().ty,
            "microsoft.graph.identity"
        );
        let entity = m.get("microsoft.graph.entity").unwrap();
        assert!(entity.is_abstract);
        assert_eq!(entity.key, ["id"]);
        assert_eq!(
            m.get("microsoft.graph.identity").unwrap().kind,
            Kind::Complex
        );
        assert!(m.get("microsoft.graph.User").is_none(), "names are exact");
        assert!(m.ignored.is_empty());
    }

    #[test]
    fn inheritance_is_followed_to_the_root() {
        let m = Metadata::parse(TWO_SCHEMAS).unwrap();
        let chain: Vec<&str> = m
            .ancestors("microsoft.graph.user")
            .iter()
            .map(|t| t.name.as_str())
            .collect();
        assert_eq!(chain, ["microsoft.graph.entity"]);
        assert!(m.ancestors("microsoft.graph.entity").is_empty());
    }

    #[test]
    fn enums_with_values_flags_and_implicit_values() {
        let m = Metadata::parse(
            r#"<Edmx><DataServices><Schema Namespace="ns" Alias="a">
  <EnumType Name="conditions" IsFlags="true">
    <Member Name="none" Value="0" /><Member Name="users" Value="2" /><Member Name="time" Value="128" />
  </EnumType>
  <EnumType Name="color"><Member Name="red" /><Member Name="green" /></EnumType>
  <EnumType Name="odd"><Member Name="x" Value="x1" /><Member Name="y" Value="3" /></EnumType>
</Schema></DataServices></Edmx>"#,
        )
        .unwrap();
        let flags = m.get("ns.conditions").unwrap();
        assert!(flags.is_flags && flags.kind == Kind::Enum);
        let members: Vec<(&str, Option<i64>)> = flags
            .members
            .iter()
            .map(|m| (m.name.as_str(), m.value))
            .collect();
        assert_eq!(
            members,
            [("none", Some(0)), ("users", Some(2)), ("time", Some(128))]
        );
        let color = m.get("ns.color").unwrap();
        assert!(!color.is_flags);
        assert_eq!(
            color.members[1].value,
            Some(1),
            "implicit values count from 0"
        );
        let odd = m.get("ns.odd").unwrap();
        assert_eq!(
            (odd.members[0].value, odd.members[1].value),
            (None, Some(3))
        );
    }

    #[test]
    fn broken_input_is_an_error_or_a_note_never_a_panic() {
        assert!(matches!(
            Metadata::parse("<Schema"),
            Err(MetadataError::Xml(_))
        ));
        assert_eq!(
            Metadata::parse("<root><other/></root>"),
            Err(MetadataError::NotCsdl)
        );
        let m = Metadata::parse(
            "<Schema Namespace=\"ns\">\n<EntityType />\n<ComplexType Name=\"a\"/>\n<ComplexType Name=\"a\"/>\n</Schema>",
        )
        .unwrap();
        assert_eq!(m.types().len(), 1);
        assert_eq!(
            m.ignored,
            [
                "line 2: a <EntityType> without a Name",
                "line 4: `ns.a` is declared again (line 3); the first declaration is used"
            ]
        );
    }
}
