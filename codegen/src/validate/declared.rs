//! The type an example's body is declared to be: from the annotation's `@odata.type`
//! (`microsoft.graph.user`, `Collection(microsoft.graph.user)`, `Edm.String`, `stream`), or,
//! when it names none, from the request path.
//!
//! The path rule: the path (after the host and the `/beta` or `/v1.0` version) is followed
//! through the schema. Its first segment is an entity set or singleton, taken as the entity type
//! whose name it is, singular or plural (`users` → `user`, `me` → `user`) when exactly one
//! entity type has that name; every later segment must be a key (`{id}`, a GUID, anything with a digit,
//! `19:x@thread.skype`, `users('x')`), a property of the current type whose type is an entity or complex type, or a
//! type cast (`microsoft.graph.group`). Anything else — an action or function (`assignLicense`,
//! `delta()`), `$value`, `$ref`, `$count`, a drive path (`root:/a.txt:`) — and the body has no
//! known type. Whether the path ends on a collection is left to the body (a `value` array).

use crate::primitive::Primitive;
use crate::schema::{Kind, QualifiedName, Schema, TypeDef, TypeRef};
use foldhash::{HashMap, HashMapExt};
use std::collections::BTreeMap;

/// Where a declared type comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DeclaredFrom {
    /// The annotation's `@odata.type`.
    Annotation,
    /// The request path.
    RequestPath,
}

/// The declared type of a body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Declared {
    /// The type of the body, or of each item of a collection.
    pub ty: TypeRef,
    /// True for a collection: the body is `{"value": [...]}`.
    pub collection: bool,
    /// Where the declaration comes from.
    pub from: DeclaredFrom,
}

/// What an annotation's `@odata.type` names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AnnotatedType {
    /// A type of the schema, or a primitive.
    Found(Declared),
    /// A type of the schema, spelled with other letter case (the schema's spelling).
    Miscased(Declared),
    /// Nothing the schema has.
    Unknown,
}

/// Lookups of a schema's entity and complex types by name, ignoring letter case.
pub struct TypeIndex<'a> {
    schema: &'a Schema,
    /// Lowercase qualified name → type.
    by_qualified: HashMap<String, &'a TypeDef>,
    /// Lowercase simple name → entity and complex types of that name.
    by_name: HashMap<String, Vec<&'a TypeDef>>,
    /// [`Schema::subtypes`].
    subtypes: BTreeMap<QualifiedName, Vec<QualifiedName>>,
}

impl<'a> TypeIndex<'a> {
    /// Indexes the types of `schema`.
    pub fn new(schema: &'a Schema) -> TypeIndex<'a> {
        let mut by_qualified = HashMap::new();
        let mut by_name: HashMap<String, Vec<&TypeDef>> = HashMap::new();
        for t in schema.types() {
            by_qualified
                .entry(t.qualified_name().as_str().to_ascii_lowercase())
                .or_insert(t);
            if t.kind != Kind::Enum {
                by_name
                    .entry(t.name.to_ascii_lowercase())
                    .or_default()
                    .push(t);
            }
        }
        TypeIndex {
            schema,
            by_qualified,
            by_name,
            subtypes: schema.subtypes(),
        }
    }

    /// The type whose qualified name is `name` ignoring letter case.
    pub fn by_qualified_ignoring_case(&self, name: &str) -> Option<&'a TypeDef> {
        self.by_qualified.get(&name.to_ascii_lowercase()).copied()
    }

    /// Every type derived from `q`, in schema order.
    pub fn descendants(&self, q: &QualifiedName) -> Vec<&'a TypeDef> {
        self.schema.descendants_in(&self.subtypes, q.as_str())
    }

    /// The schema indexed.
    pub fn schema(&self) -> &'a Schema {
        self.schema
    }

    /// Reads an annotation's `@odata.type`; `is_collection` is the annotation's `isCollection`.
    pub fn annotated(&self, odata_type: &str, is_collection: bool) -> AnnotatedType {
        let text = odata_type.trim().trim_start_matches('#');
        let (inner, collection) = match strip_collection(text) {
            Some(inner) => (inner, true),
            None => (text, is_collection),
        };
        let declared = |ty: TypeRef| Declared {
            ty,
            collection,
            from: DeclaredFrom::Annotation,
        };
        if !inner.contains('.') || inner.starts_with("Edm.") {
            if let Some(p) = Primitive::from_spelling(inner) {
                return AnnotatedType::Found(declared(TypeRef::Primitive(p)));
            }
        }
        let qualified = if inner.contains('.') {
            inner.to_owned()
        } else {
            format!("microsoft.graph.{inner}")
        };
        if let Some(t) = self.schema.get(&qualified) {
            return AnnotatedType::Found(declared(TypeRef::Named(t.qualified_name())));
        }
        match self.by_qualified.get(&qualified.to_ascii_lowercase()) {
            Some(t) => AnnotatedType::Miscased(declared(TypeRef::Named(t.qualified_name()))),
            None => AnnotatedType::Unknown,
        }
    }

    /// The type a request path addresses (see the module documentation), if the path rule
    /// gives one.
    pub fn addressed_by(&self, target: &str) -> Option<Declared> {
        let segments = path_segments(target);
        let (first, rest) = segments.split_first()?;
        let mut current = self.root(first)?;
        // After an entity set or a collection property, the next segment may be a key.
        let mut keyable = true;
        for segment in rest {
            if keyable && is_key(segment) {
                keyable = false;
                continue;
            }
            let (name, key) = split_key(segment)?;
            if name.contains('.') {
                current = self.schema.get(name).filter(|t| t.kind != Kind::Enum)?;
                continue;
            }
            let p = current.properties.iter().find(|p| p.name == name)?;
            current = self
                .schema
                .get(p.ty.as_named()?.as_str())
                .filter(|t| t.kind != Kind::Enum)?;
            keyable = p.collection && !key;
        }
        Some(Declared {
            ty: TypeRef::Named(current.qualified_name()),
            collection: false,
            from: DeclaredFrom::RequestPath,
        })
    }

    /// The type an entity set or singleton name stands for: the one entity type of that name,
    /// singular or plural; `me` is the signed-in user.
    fn root(&self, segment: &str) -> Option<&'a TypeDef> {
        let (name, _) = split_key(segment)?;
        if name.eq_ignore_ascii_case("me") {
            return self.schema.get("microsoft.graph.user");
        }
        let lower = name.to_ascii_lowercase();
        let mut found: Vec<&TypeDef> = Vec::new();
        for candidate in singular_forms(&lower) {
            for t in self.by_name.get(&candidate).into_iter().flatten() {
                if t.kind == Kind::Entity && !found.iter().any(|f| std::ptr::eq(*f, *t)) {
                    found.push(t);
                }
            }
        }
        match found.as_slice() {
            [one] => Some(one),
            _ => None,
        }
    }
}

/// `Collection(x)` (any letter case) → `x`.
fn strip_collection(text: &str) -> Option<&str> {
    let prefix = text.get(..11)?;
    if !prefix.eq_ignore_ascii_case("collection(") {
        return None;
    }
    text[11..].strip_suffix(')').map(str::trim)
}

/// The segments of a request target's path: no scheme, host, version, query or empty segment.
fn path_segments(target: &str) -> Vec<&str> {
    let without_host = match target.find("://") {
        Some(i) => target[i + 3..]
            .find('/')
            .map_or("", |j| &target[i + 3 + j..]),
        None => target,
    };
    let path = without_host
        .split(['?', '#'])
        .next()
        .unwrap_or(without_host);
    let mut segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    if let Some(first) = segments.first() {
        if matches!(*first, "beta" | "v1.0" | "{version}") {
            segments.remove(0);
        }
    }
    segments
}

/// A key segment: a `{placeholder}`, or an id (it has a character other than a letter).
fn is_key(segment: &str) -> bool {
    (segment.starts_with('{') && segment.ends_with('}'))
        || (!segment.starts_with('$')
            && !segment.contains('(')
            && !segment.starts_with("microsoft.graph.")
            && segment.chars().any(|c| !c.is_ascii_alphabetic()))
}

/// A name with an optional key in parentheses (`users('x')`) → the name and whether a key was
/// there; `None` for what the path rule does not follow (`$value`, `delta()`, `root:`).
fn split_key(segment: &str) -> Option<(&str, bool)> {
    if segment.starts_with('$') || segment.contains(':') {
        return None;
    }
    let (name, key) = match segment.split_once('(') {
        Some((name, rest)) => {
            let inner = rest.strip_suffix(')')?;
            // `delta()` and `f(a=1)` are function calls, not keys.
            if inner.is_empty() || inner.contains('=') {
                return None;
            }
            (name, true)
        }
        None => (segment, false),
    };
    let is_name = !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.');
    is_name.then_some((name, key))
}

/// The name itself and its singular forms (`policies` → `policy`, `boxes` → `box`).
fn singular_forms(lower: &str) -> Vec<String> {
    let mut out = vec![lower.to_owned()];
    if let Some(stem) = lower.strip_suffix("ies") {
        out.push(format!("{stem}y"));
    }
    if let Some(stem) = lower.strip_suffix("es") {
        out.push(stem.to_owned());
    }
    if let Some(stem) = lower.strip_suffix('s') {
        out.push(stem.to_owned());
    }
    out
}

impl Declared {
    /// The named type, if the declaration is not a primitive.
    pub fn named(&self) -> Option<&QualifiedName> {
        self.ty.as_named()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::Property;

    fn prop(name: &str, ty: &str, collection: bool) -> Property {
        Property {
            name: name.into(),
            ty: TypeRef::parse(ty).unwrap(),
            collection,
            inherited: false,
            declared_by: QualifiedName::new("microsoft.graph", "x"),
            navigation: true,
            description: String::new(),
            source: None,
        }
    }

    fn ty(name: &str, properties: Vec<Property>) -> TypeDef {
        TypeDef::for_tests("microsoft.graph", name, Kind::Entity, properties)
    }

    fn schema() -> Schema {
        Schema::new(
            vec![
                ty(
                    "team",
                    vec![
                        prop("channels", "microsoft.graph.channel", true),
                        prop("schedule", "microsoft.graph.schedule", false),
                    ],
                ),
                ty(
                    "channel",
                    vec![prop("messages", "microsoft.graph.chatMessage", true)],
                ),
                ty("chatMessage", vec![]),
                ty("message", vec![]),
                ty("schedule", vec![]),
                ty("user", vec![prop("events", "microsoft.graph.event", true)]),
                ty("event", vec![]),
                ty("group", vec![]),
                ty("policy", vec![]),
            ],
            vec![],
        )
    }

    fn path_type(target: &str) -> Option<String> {
        let schema = schema();
        let index = TypeIndex::new(&schema);
        index.addressed_by(target).map(|d| {
            d.ty.as_str()
                .trim_start_matches("microsoft.graph.")
                .to_owned()
        })
    }

    #[test]
    fn paths_follow_properties_keys_and_casts() {
        let base = "https://graph.microsoft.com/beta";
        assert_eq!(
            path_type(&format!(
                "{base}/teams/{{id}}/channels/19:x@thread.skype/messages"
            ))
            .as_deref(),
            Some("chatMessage")
        );
        assert_eq!(
            path_type(&format!("{base}/teams/{{id}}/channels/{{id}}/messages")).as_deref(),
            Some("chatMessage")
        );
        assert_eq!(
            path_type("/teams/8b081ef6-4792-4def-b2c9-c363a1bf41d5/schedule").as_deref(),
            Some("schedule")
        );
        assert_eq!(
            path_type("/me/events?$select=subject").as_deref(),
            Some("event")
        );
        assert_eq!(
            path_type("/v1.0/users('a@b.c')/events").as_deref(),
            Some("event")
        );
        assert_eq!(path_type("/policies/{id}").as_deref(), Some("policy"));
        assert_eq!(
            path_type("/users/{id}/microsoft.graph.group").as_deref(),
            Some("group")
        );
    }

    #[test]
    fn actions_functions_and_dollar_segments_have_no_type() {
        for target in [
            "/users/{id}/assignLicense",
            "/me/events/delta()",
            "/me/events/{id}/$value",
            "/groups/{id}/members/$ref",
            "/me/drive/root:/a.txt:/content",
            "/communications/calls",
            "/",
        ] {
            assert_eq!(path_type(target), None, "{target}");
        }
    }

    #[test]
    fn annotated_types() {
        let schema = schema();
        let index = TypeIndex::new(&schema);
        let found = |t: &str, c: bool| match index.annotated(t, c) {
            AnnotatedType::Found(d) => Some((d.ty.as_str().to_owned(), d.collection)),
            _ => None,
        };
        assert_eq!(
            found("microsoft.graph.user", false),
            Some(("microsoft.graph.user".into(), false))
        );
        assert_eq!(
            found("Collection(microsoft.graph.event)", false),
            Some(("microsoft.graph.event".into(), true))
        );
        assert_eq!(found("Edm.String", true), Some(("String".into(), true)));
        assert_eq!(found("stream", false), Some(("Stream".into(), false)));
        assert!(matches!(
            index.annotated("microsoft.graph.User", false),
            AnnotatedType::Miscased(_)
        ));
        assert_eq!(
            index.annotated("Microsoft.Teams.GraphSvc.x", false),
            AnnotatedType::Unknown
        );
    }
}
