//! The docs' schema against the metadata: pairs the types, reports each disagreement as a
//! diagnostic located on the docs side, and counts the [`Figures`].
//!
//! Where each finding is located: a type's (kind, base, name, missing property, enum member)
//! at the type's definition (`TypeDef::source`: its page and line); a property's at its row
//! (`Property::source`). A metadata type that no docs type stands for has no docs location:
//! it is listed by name in [`Comparison::only_in_metadata`] instead of as a diagnostic.

use super::figures::{Figures, TypeTally};
use super::{MetaProperty, MetaType, Metadata};
use crate::diag::{Code, Diagnostic, Diagnostics, Location};
use crate::primitive::Primitive;
use crate::schema::{Kind, Property, QualifiedName, Schema, TypeDef, TypeRef};
use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};
use std::collections::BTreeMap;

/// What [`compare`] found.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Comparison {
    /// How the types pair up.
    pub types: TypeTally,
    /// The agreement figures.
    pub figures: Figures,
    /// The metadata types that no docs type stands for, by name.
    pub only_in_metadata: Vec<QualifiedName>,
    /// Every disagreement, located on the docs side, sorted by location.
    pub diagnostics: Vec<Diagnostic>,
    /// Elements of the metadata file that were left out ([`Metadata::ignored`]).
    pub ignored: Vec<String>,
}

/// Compares the docs' schema with the service metadata. The schema is only read: the metadata
/// never changes it.
pub fn compare(schema: &Schema, metadata: &Metadata) -> Comparison {
    let pairs = pair_types(schema, metadata);
    let mut cmp = Comparer {
        metadata,
        figures: Figures::default(),
        diags: Diagnostics::new(),
    };
    let mut paired_meta: HashSet<&str> = HashSet::new();
    let mut tally = TypeTally {
        docs: schema.types().len(),
        metadata: metadata.types().len(),
        ..TypeTally::default()
    };
    for (docs, meta) in &pairs {
        match meta {
            Some(meta) => {
                paired_meta.insert(meta.name.as_str());
                tally.both += 1;
                tally.case_only += usize::from(docs.qualified_name() != meta.name);
                cmp.compare_type(docs, meta);
            }
            None => {
                tally.only_in_docs += 1;
                cmp.diags.push(
                    Code::MetadataExtraType,
                    location_of_type(docs),
                    format!(
                        "the service metadata declares no type `{}`",
                        docs.qualified_name()
                    ),
                );
            }
        }
    }
    let only_in_metadata: Vec<QualifiedName> = metadata
        .types()
        .iter()
        .filter(|t| !paired_meta.contains(t.name.as_str()))
        .map(|t| t.name.clone())
        .collect();
    tally.only_in_metadata = only_in_metadata.len();
    let mut diagnostics = cmp.diags.into_vec();
    diagnostics.sort();
    Comparison {
        types: tally,
        figures: cmp.figures,
        only_in_metadata,
        diagnostics,
        ignored: metadata.ignored.clone(),
    }
}

/// Each docs type with the metadata type it stands for: the one of the same qualified name, or
/// else the one whose name differs only in case, when exactly one type on each side is left with
/// that spelling.
fn pair_types<'a>(
    schema: &'a Schema,
    metadata: &'a Metadata,
) -> Vec<(&'a TypeDef, Option<&'a MetaType>)> {
    let mut pairs: Vec<(&TypeDef, Option<&MetaType>)> = schema
        .types()
        .iter()
        .map(|t| (t, metadata.get(&t.qualified_name())))
        .collect();
    let taken: HashSet<&str> = pairs
        .iter()
        .filter_map(|(_, m)| Some(m.as_ref()?.name.as_str()))
        .collect();
    let mut meta_left: HashMap<String, Vec<&MetaType>> = HashMap::new();
    for t in metadata.types() {
        if !taken.contains(t.name.as_str()) {
            meta_left
                .entry(t.name.to_ascii_lowercase())
                .or_default()
                .push(t);
        }
    }
    let mut docs_left: HashMap<String, usize> = HashMap::new();
    for (t, _) in pairs.iter().filter(|(_, m)| m.is_none()) {
        *docs_left
            .entry(t.qualified_name().to_ascii_lowercase())
            .or_default() += 1;
    }
    for (docs, meta) in pairs.iter_mut().filter(|(_, m)| m.is_none()) {
        let folded = docs.qualified_name().to_ascii_lowercase();
        if let (Some([only]), Some(1)) = (
            meta_left.get(&folded).map(Vec::as_slice),
            docs_left.get(&folded),
        ) {
            *meta = Some(*only);
        }
    }
    pairs
}

/// The state of a comparison: the figures and findings so far.
struct Comparer<'a> {
    metadata: &'a Metadata,
    figures: Figures,
    diags: Diagnostics,
}

impl Comparer<'_> {
    /// Name, kind, base, then the properties or the members of one pair.
    fn compare_type(&mut self, docs: &TypeDef, meta: &MetaType) {
        let at = location_of_type(docs);
        let name = docs.qualified_name();
        if name != meta.name {
            self.diags.push(
                Code::MetadataTypeCase,
                at.clone(),
                format!(
                    "the type `{name}` is spelled `{}` in the service metadata",
                    meta.name
                ),
            );
        }
        self.figures.kind.add(docs.kind == meta.kind);
        if docs.kind != meta.kind {
            self.diags.push(
                Code::MetadataKind,
                at.clone(),
                format!(
                    "the docs make `{name}` {}; the service metadata, {}",
                    kind_phrase(docs.kind),
                    kind_phrase(meta.kind)
                ),
            );
        }
        if meta.kind == Kind::Enum {
            self.compare_members(docs, meta, &at);
            return;
        }
        self.figures.base.add(docs.base == meta.base);
        if docs.base != meta.base {
            self.diags.push(
                Code::MetadataBase,
                at.clone(),
                format!(
                    "the docs derive `{name}` from {}; the service metadata, from {}{}",
                    name_or_nothing(docs.base.as_deref()),
                    name_or_nothing(meta.base.as_deref()),
                    case_note(docs.base.as_deref(), meta.base.as_deref())
                ),
            );
        }
        self.compare_properties(docs, meta, &at);
    }

    /// Own properties both ways; the type and collection of each matched one.
    fn compare_properties(&mut self, docs: &TypeDef, meta: &MetaType, at: &Location) {
        let name = docs.qualified_name();
        let on_ancestors = declared_on_ancestors(self.metadata, meta);
        let mut matched: HashSet<&str> = HashSet::new();
        let mut case_only: HashSet<&str> = HashSet::new();
        for p in docs.own_properties() {
            let row = p.source.clone().unwrap_or_else(|| at.clone());
            let found = meta.property(&p.name);
            self.figures.own_properties.precision.add(found.is_some());
            if let Some(mp) = found {
                matched.insert(mp.name.as_str());
                self.compare_property(&name, p, mp, row);
            } else if let Some(ancestor) = on_ancestors.get(p.name.as_str()) {
                self.figures.own_properties.false_declared_on_ancestor += 1;
                self.diags.push(
                    Code::MetadataAncestorProperty,
                    row,
                    format!(
                        "`{}` is declared on `{name}` in the docs and on its ancestor `{ancestor}` \
                         in the service metadata",
                        p.name
                    ),
                );
            } else if let Some(mp) = meta
                .properties
                .iter()
                .find(|mp| mp.name.eq_ignore_ascii_case(&p.name) && docs_lacks(docs, &mp.name))
            {
                case_only.insert(mp.name.as_str());
                self.diags.push(
                    Code::MetadataPropertyCase,
                    row,
                    format!(
                        "the property `{}` of `{name}` is spelled `{}` in the service metadata",
                        p.name, mp.name
                    ),
                );
            } else {
                self.diags.push(
                    Code::MetadataExtraProperty,
                    row,
                    format!(
                        "the service metadata declares no property `{}` on `{name}` or its \
                         ancestors",
                        p.name
                    ),
                );
            }
        }
        for mp in &meta.properties {
            let found = matched.contains(mp.name.as_str());
            self.figures.own_properties.recall.add(found);
            if found || case_only.contains(mp.name.as_str()) {
                continue;
            }
            let docs_note = match docs.properties.iter().find(|p| p.name == mp.name) {
                Some(p) => format!("the docs inherit it from `{}`", p.declared_by),
                None => "the docs do not".to_owned(),
            };
            self.diags.push(
                Code::MetadataMissingProperty,
                at.clone(),
                format!(
                    "the service metadata declares the {} `{}` ({}) on `{name}`; {docs_note}",
                    if mp.navigation {
                        "navigation property"
                    } else {
                        "property"
                    },
                    mp.name,
                    type_phrase(&mp.ty, mp.collection)
                ),
            );
        }
    }

    /// The type and the collection flag of one property matched by name.
    fn compare_property(&mut self, owner: &str, p: &Property, mp: &MetaProperty, row: Location) {
        let same_type = same_type(&p.ty, &mp.ty);
        self.figures.property_type.add(same_type);
        if !same_type {
            self.diags.push(
                Code::MetadataPropertyType,
                row.clone(),
                format!(
                    "the docs type `{}` of `{owner}` as `{}`; the service metadata, as `{}`{}",
                    p.name,
                    p.ty,
                    mp.ty,
                    case_note(Some(p.ty.as_str()), Some(mp.ty.as_str()))
                ),
            );
        }
        self.figures.collection.add(p.collection == mp.collection);
        if p.collection != mp.collection {
            let phrase = |collection: bool| {
                if collection {
                    "a collection"
                } else {
                    "a single value"
                }
            };
            self.diags.push(
                Code::MetadataCollection,
                row,
                format!(
                    "the docs make `{}` of `{owner}` {}; the service metadata, {}",
                    p.name,
                    phrase(p.collection),
                    phrase(mp.collection)
                ),
            );
        }
    }

    /// Members both ways, and the values of the matched ones the docs give.
    fn compare_members(&mut self, docs: &TypeDef, meta: &MetaType, at: &Location) {
        let name = docs.qualified_name();
        let meta_members: BTreeMap<&str, Option<i64>> = meta
            .members
            .iter()
            .map(|m| (m.name.as_str(), m.value))
            .collect();
        let docs_names: HashSet<&str> = docs.members.iter().map(|m| m.name.as_str()).collect();
        let figures = &mut self.figures.enum_members;
        for m in &docs.members {
            let found = meta_members.get(m.name.as_str());
            figures.precision.add(found.is_some());
            match found {
                None => self.diags.push(
                    Code::MetadataExtraMember,
                    at.clone(),
                    format!(
                        "the service metadata declares no member `{}` in `{name}`",
                        m.name
                    ),
                ),
                Some(&meta_value) => {
                    if let Some(value) = m.value {
                        figures.value.add(meta_value == Some(value));
                        if meta_value != Some(value) {
                            self.diags.push(
                                Code::MetadataMemberValue,
                                at.clone(),
                                format!(
                                    "the docs give `{}` of `{name}` the value {value}; the service \
                                     metadata, {}",
                                    m.name,
                                    meta_value.map_or("none".to_owned(), |v| v.to_string())
                                ),
                            );
                        }
                    }
                }
            }
        }
        for m in &meta.members {
            let found = docs_names.contains(m.name.as_str());
            figures.recall.add(found);
            if !found {
                self.diags.push(
                    Code::MetadataMissingMember,
                    at.clone(),
                    format!(
                        "the service metadata declares the member `{}` in `{name}`; the docs do not",
                        m.name
                    ),
                );
            }
        }
    }
}

/// Property name → the nearest metadata ancestor declaring it.
fn declared_on_ancestors<'m>(metadata: &'m Metadata, meta: &MetaType) -> HashMap<&'m str, &'m str> {
    let mut map = HashMap::new();
    for ancestor in metadata.ancestors(&meta.name) {
        for p in &ancestor.properties {
            map.entry(p.name.as_str())
                .or_insert_with(|| ancestor.name.as_str());
        }
    }
    map
}

/// True when the docs type has no own property of exactly this name (so a case-insensitive
/// match is not taken from a property matched exactly).
fn docs_lacks(docs: &TypeDef, name: &str) -> bool {
    !docs.own_properties().any(|p| p.name == name)
}

/// The same type: equal, or the docs' untyped `Json` against the metadata's
/// `microsoft.graph.Json` (an empty open complex type the service uses for untyped values).
fn same_type(docs: &TypeRef, meta: &TypeRef) -> bool {
    let untyped = |t: &TypeRef| match t {
        TypeRef::Named(q) if q == "microsoft.graph.Json" => TypeRef::Primitive(Primitive::Json),
        other => other.clone(),
    };
    untyped(docs) == untyped(meta)
}

/// Where a type's findings go: its definition, or nowhere known.
fn location_of_type(t: &TypeDef) -> Location {
    t.source.clone().unwrap_or_default()
}

fn kind_phrase(kind: Kind) -> &'static str {
    match kind {
        Kind::Entity => "an entity type",
        Kind::Complex => "a complex type",
        Kind::Enum => "an enum",
    }
}

/// `` `microsoft.graph.entity` `` or `nothing`.
fn name_or_nothing(name: Option<&str>) -> String {
    name.map_or("nothing".to_owned(), |n| format!("`{n}`"))
}

/// ` (only the case differs)` when two different names differ only in case.
fn case_note(a: Option<&str>, b: Option<&str>) -> &'static str {
    match (a, b) {
        (Some(a), Some(b)) if a != b && a.eq_ignore_ascii_case(b) => " (only the case differs)",
        _ => "",
    }
}

/// A metadata property's type as a message says it: `` `String` ``, `` a collection of
/// `microsoft.graph.user` ``.
fn type_phrase(ty: &TypeRef, collection: bool) -> String {
    if collection {
        format!("a collection of `{ty}`")
    } else {
        format!("`{ty}`")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metadata::Ratio;
    use crate::parse::parse_page;

    /// The service: `entity` → `directoryObject` → `user`; `identity`; a flags enum.
    const METADATA: &str = r#"<edmx:Edmx xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx"><edmx:DataServices>
<Schema Namespace="microsoft.graph" Alias="graph" xmlns="http://docs.oasis-open.org/odata/ns/edm">
  <EntityType Name="entity" Abstract="true"><Key><PropertyRef Name="id"/></Key>
    <Property Name="id" Type="Edm.String" Nullable="false"/></EntityType>
  <EntityType Name="directoryObject" BaseType="graph.entity">
    <Property Name="deletedDateTime" Type="Edm.DateTimeOffset"/></EntityType>
  <EntityType Name="user" BaseType="graph.directoryObject">
    <Property Name="displayName" Type="Edm.String"/>
    <Property Name="businessPhones" Type="Collection(Edm.String)"/>
    <Property Name="ageGroup" Type="Edm.String"/>
    <Property Name="mail" Type="Edm.String"/>
    <NavigationProperty Name="manager" Type="graph.directoryObject"/></EntityType>
  <ComplexType Name="identity"><Property Name="displayName" Type="Edm.String"/></ComplexType>
  <EnumType Name="color" IsFlags="true"><Member Name="red" Value="1"/><Member Name="green" Value="2"/>
    <Member Name="blue" Value="4"/></EnumType>
</Schema></edmx:DataServices></edmx:Edmx>"#;

    /// The docs: `user` with no stated base (so `id` reads as its own), a wrong type, a wrong
    /// collection, an extra row, a missing `mail`; `identity` as an entity; the enum with a wrong
    /// value and a member the service lacks; `Contract`, case-only; `note`, unknown.
    fn docs() -> Schema {
        let user = r#"# user resource type

Represents a user.

## Properties

| Property | Type | Description |
|:---|:---|:---|
| id | String | The id. |
| displayName | String | The name. |
| businessPhones | String | Phones. |
| ageGroup | Int32 | Age group. |
| nickname | String | Not in the service. |

## Relationships

| Relationship | Type | Description |
|:---|:---|:---|
| manager | [directoryObject](directoryobject.md) | The manager. |

## JSON representation

<!-- { "blockType": "resource", "@odata.type": "microsoft.graph.user", "keyProperty": "id" } -->
```json
{ "id": "String", "displayName": "String", "businessPhones": "String", "ageGroup": 1, "nickname": "String" }
```
"#;
        let identity = r#"# identity resource type

An identity.

## Properties

| Property | Type | Description |
|:---|:---|:---|
| DisplayName | String | The name. |

## JSON representation

<!-- { "blockType": "resource", "@odata.type": "microsoft.graph.identity", "keyProperty": "id" } -->
```json
{ "DisplayName": "String" }
```
"#;
        let color = r#"# color enum type

## Members

| Member | Value | Description |
|:---|:---|:---|
| red | 1 | Red. |
| green | 3 | Green. |
| purple | 8 | Purple. |
"#;
        let pages = vec![
            parse_page("user.md", user),
            parse_page("identity.md", identity),
            parse_page("color.md", color),
        ];
        crate::schema::build(&pages)
    }

    fn codes(c: &Comparison) -> Vec<String> {
        c.diagnostics
            .iter()
            .map(|d| format!("{}:{} {}", d.location.file, d.code, d.message))
            .collect()
    }

    #[test]
    fn every_disagreement_is_found_and_counted() {
        let metadata = Metadata::parse(METADATA).unwrap();
        let schema = docs();
        let c = compare(&schema, &metadata);
        let found = codes(&c);
        let has = |code: Code, needle: &str| {
            assert!(
                c.diagnostics
                    .iter()
                    .any(|d| d.code == code && d.message.contains(needle)),
                "no {code} with {needle:?} in {found:#?}"
            )
        };
        has(
            Code::MetadataBase,
            "from nothing; the service metadata, from `microsoft.graph.directoryObject`",
        );
        has(
            Code::MetadataAncestorProperty,
            "its ancestor `microsoft.graph.entity`",
        );
        has(
            Code::MetadataPropertyType,
            "`ageGroup` of `microsoft.graph.user` as `Int32`; the service metadata, as `String`",
        );
        has(Code::MetadataCollection, "`businessPhones` of `microsoft.graph.user` a single value; the service metadata, a collection");
        has(Code::MetadataExtraProperty, "no property `nickname`");
        has(
            Code::MetadataMissingProperty,
            "the property `mail` (`String`) on `microsoft.graph.user`; the docs do not",
        );
        has(
            Code::MetadataKind,
            "`microsoft.graph.identity` an entity type; the service metadata, a complex type",
        );
        has(
            Code::MetadataPropertyCase,
            "`DisplayName` of `microsoft.graph.identity` is spelled `displayName`",
        );
        has(
            Code::MetadataMemberValue,
            "`green` of `microsoft.graph.color` the value 3; the service metadata, 2",
        );
        has(Code::MetadataExtraMember, "no member `purple`");
        has(Code::MetadataMissingMember, "the member `blue`");
        let located = c
            .diagnostics
            .iter()
            .find(|d| d.code == Code::MetadataPropertyType)
            .unwrap();
        assert_eq!(
            (&*located.location.file, located.location.line),
            ("user.md", 12)
        );
        let f = &c.figures;
        // Entity or complex in the metadata: user, identity, and directoryObject (a placeholder
        // for the relationship row's type: an entity, since only relationship rows point to it,
        // with no base, as the input has no `entity`). Only identity's base (none) agrees.
        assert_eq!(f.base, Ratio::new(1, 3));
        // All but identity, keyed in the docs and a complex type in the metadata.
        assert_eq!(f.kind, Ratio::new(3, 4));
        // Docs own: user id, displayName, businessPhones, ageGroup, nickname, manager;
        // identity DisplayName. Metadata own: user 5, identity 1, directoryObject 1.
        assert_eq!(f.own_properties.precision, Ratio::new(4, 7));
        assert_eq!(f.own_properties.recall, Ratio::new(4, 7));
        assert_eq!(f.own_properties.false_declared_on_ancestor, 1);
        // displayName, businessPhones, ageGroup, manager; manager is typed the same.
        assert_eq!(f.property_type, Ratio::new(3, 4));
        assert_eq!(f.collection, Ratio::new(3, 4));
        assert_eq!(f.enum_members.precision, Ratio::new(2, 3));
        assert_eq!(f.enum_members.recall, Ratio::new(2, 3));
        assert_eq!(f.enum_members.value, Ratio::new(1, 2));
        let names: Vec<&str> = c.only_in_metadata.iter().map(|q| q.as_str()).collect();
        assert_eq!(names, ["microsoft.graph.entity"]);
        assert_eq!((c.types.both, c.types.only_in_docs), (4, 0));
    }

    #[test]
    fn names_differing_only_in_case_pair_once_and_are_reported() {
        let metadata = Metadata::parse(
            r#"<Schema Namespace="ns"><ComplexType Name="contract"/><ComplexType Name="displayAs"/></Schema>"#,
        )
        .unwrap();
        let t = |name: &str| TypeDef {
            name: name.into(),
            namespace: "ns".into(),
            kind: Kind::Complex,
            base: None,
            description: String::new(),
            origin: crate::schema::Origin::Page,
            is_abstract: false,
            open_type: false,
            source: Some(Location::file(&format!("{name}.md"))),
            properties: Vec::new(),
            members: Vec::new(),
        };
        let schema = Schema::new(
            vec![t("Contract"), t("displayAs"), t("DisplayAs"), t("note")],
            Vec::new(),
        );
        let c = compare(&schema, &metadata);
        assert_eq!(
            c.types,
            TypeTally {
                docs: 4,
                metadata: 2,
                both: 2,
                case_only: 1,
                only_in_docs: 2,
                only_in_metadata: 0,
            }
        );
        assert_eq!(
            codes(&c),
            [
                "Contract.md:metadata-type-case the type `ns.Contract` is spelled `ns.contract` in \
                 the service metadata",
                "DisplayAs.md:metadata-extra-type the service metadata declares no type `ns.DisplayAs`",
                "note.md:metadata-extra-type the service metadata declares no type `ns.note`",
            ]
        );
    }

    #[test]
    fn untyped_json_matches_the_services_json_type() {
        let json = TypeRef::Named(QualifiedName::new("microsoft.graph", "Json"));
        assert!(same_type(&TypeRef::Primitive(Primitive::Json), &json));
        assert!(!same_type(&TypeRef::Primitive(Primitive::String), &json));
    }
}
