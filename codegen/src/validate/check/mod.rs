//! A body checked against the schema: every value against the type its place declares.
//!
//! The walk goes down from the declared type: an object's properties against the properties of
//! its type (or of the derived type its `@odata.type` names), collections item by item, enums
//! against their members, primitives against their formats ([`super::formats`]). `null` is
//! accepted everywhere (the docs do not state nullability); so is anything under a type the
//! schema lacks or only holds as a placeholder. Keys with an `@` (`@odata.context`,
//! `x@odata.nextLink`, `@microsoft.graph.downloadUrl`) are annotations, and
//! `extension_<app id>_<name>` keys directory extension properties: never properties of the
//! type.
//!
//! Where the resource pages contradict themselves ([`Evidence`]), a value of the kind the
//! overruled reading gives is a warning (`example-disputed-property`), not an error. Where an
//! object without `@odata.type` has properties that only a derived type declares, it is read as
//! that type, with a warning (`example-missing-odata-type`).
//!
//! Each finding carries its page location and the JSON path of the value
//! (`value[0].assignedLicenses[1].skuId`).

use super::declared::{Declared, DeclaredFrom, TypeIndex};
use super::evidence::Evidence;
use super::formats::{self, JsonKind, Mismatch, Scalar};
use super::json::{start, LineIndex};
use crate::diag::{Code, Diagnostic, Location};
use crate::primitive::Primitive;
use crate::schema::{Kind, Origin, Property, QualifiedName, TypeDef, TypeRef};
use jsonc_parser::ast::{Object, ObjectProp, Value as Node};
use std::fmt::Write as _;

/// A finding and the type whose value it concerns (the type holding the property, or the
/// declared type), for the report's "types most often wrong".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// The diagnostic.
    pub diagnostic: Diagnostic,
    /// The type concerned, when there is one.
    pub type_name: Option<QualifiedName>,
}

/// One step of a JSON path.
enum Step {
    Key(String),
    Index(usize),
}

/// The walk over one body.
pub struct BodyChecker<'a> {
    index: &'a TypeIndex<'a>,
    evidence: &'a Evidence,
    lines: &'a LineIndex<'a>,
    page: &'a str,
    /// The example is marked `truncated`.
    truncated: bool,
    /// The JSON path of the value being checked.
    path: Vec<Step>,
    /// The type holding the value being checked.
    owner: Option<QualifiedName>,
    /// The findings so far.
    pub findings: Vec<Finding>,
}

impl<'a> BodyChecker<'a> {
    /// A checker for a body of the page `page`, located by `lines`.
    pub fn new(
        index: &'a TypeIndex<'a>,
        evidence: &'a Evidence,
        lines: &'a LineIndex<'a>,
        page: &'a str,
        truncated: bool,
    ) -> BodyChecker<'a> {
        BodyChecker {
            index,
            evidence,
            lines,
            page,
            truncated,
            path: Vec::new(),
            owner: None,
            findings: Vec::new(),
        }
    }

    /// Checks a whole body against its declared type. Where the annotation and the body
    /// disagree on a collection, the body is checked as it is, with a warning.
    pub fn check_body(&mut self, body: &Node<'_>, declared: &Declared) {
        self.owner = declared.named().cloned();
        let wrapped = value_array(body);
        if declared.collection {
            match (body, wrapped) {
                (_, Some((_, items))) => self.check_items(items, &declared.ty),
                (Node::Array(a), None) => {
                    let message =
                        "a collection is an object with a `value` array; found a bare array";
                    self.push(Code::ExampleCollection, body, message.into());
                    self.check_collection_items(&a.elements, &declared.ty);
                }
                _ => {
                    let message = format!(
                        "the annotation declares a collection (`isCollection`) but the body is {} with no `value` array; checked as one `{}`",
                        describe(body),
                        declared.ty
                    );
                    self.push(Code::ExampleCollection, body, message);
                    self.check_value(body, &declared.ty);
                }
            }
            return;
        }
        match (&declared.ty, body) {
            (TypeRef::Primitive(_), Node::Object(o)) if find(o, "value").is_some() => {
                let value = find(o, "value").map_or(body, |p| &p.value);
                self.path.push(Step::Key("value".into()));
                self.check_value(value, &declared.ty);
                self.path.pop();
            }
            (TypeRef::Named(q), _) if wrapped.is_some() && !self.declares_value(q) => {
                let (at, items) = wrapped.unwrap_or((body, &[]));
                if declared.from == DeclaredFrom::Annotation {
                    let message = format!(
                        "the body is a collection (a `value` array) but the annotation declares one `{q}` (no `isCollection`); checked as a collection"
                    );
                    self.push(Code::ExampleCollection, at, message);
                }
                self.check_items(items, &declared.ty);
            }
            _ => self.check_value(body, &declared.ty),
        }
    }

    /// True when the type `q` has a property named `value` (so `{"value": [...]}` may be one).
    fn declares_value(&self, q: &QualifiedName) -> bool {
        self.index
            .schema()
            .get(q.as_str())
            .is_some_and(|t| t.properties.iter().any(|p| p.name == "value"))
    }

    /// The items of a collection body's `value` array.
    fn check_items(&mut self, items: &[Node<'_>], ty: &TypeRef) {
        self.path.push(Step::Key("value".into()));
        self.check_collection_items(items, ty);
        self.path.pop();
    }

    fn check_collection_items(&mut self, items: &[Node<'_>], ty: &TypeRef) {
        for (i, item) in items.iter().enumerate() {
            self.path.push(Step::Index(i));
            self.check_value(item, ty);
            self.path.pop();
        }
    }

    /// Checks a value declared as one `ty` (not a collection).
    fn check_value(&mut self, node: &Node<'_>, ty: &TypeRef) {
        if matches!(node, Node::NullKeyword(_)) {
            return;
        }
        match ty {
            TypeRef::Primitive(p) => self.check_primitive(node, *p),
            TypeRef::Named(q) => match self.index.schema().get(q.as_str()) {
                None => {}
                Some(t) if t.origin == Origin::Placeholder => {}
                Some(t) if t.kind == Kind::Enum => self.check_enum(node, t),
                Some(t) => self.check_object(node, t),
            },
        }
    }

    /// Checks the value of a property (a collection or one value).
    fn check_property(&mut self, node: &Node<'_>, p: &Property) {
        let kind = scalar(node).kind;
        let expected = self.expected_kind(p);
        if kind != JsonKind::Null
            && expected.is_some_and(|e| e != kind)
            && self.evidence.supports(p, kind)
        {
            return self.disputed(node, p, kind);
        }
        if !p.collection {
            return self.check_value(node, &p.ty);
        }
        match node {
            Node::NullKeyword(_) => {}
            Node::Array(a) => self.check_collection_items(&a.elements, &p.ty),
            _ => self.push(
                Code::ExampleKind,
                node,
                format!(
                    "expected an array (a collection of {}), found {}",
                    p.ty,
                    describe(node)
                ),
            ),
        }
    }

    /// The kind of JSON value the schema expects for `p` (`None`: any).
    fn expected_kind(&self, p: &Property) -> Option<JsonKind> {
        if p.collection {
            return Some(JsonKind::Array);
        }
        match &p.ty {
            TypeRef::Primitive(prim) => primitive_kind(*prim),
            TypeRef::Named(q) => match self.index.schema().get(q.as_str()) {
                Some(t) if t.origin == Origin::Placeholder => None,
                Some(t) if t.kind == Kind::Enum => Some(JsonKind::String),
                Some(_) => Some(JsonKind::Object),
                None => None,
            },
        }
    }

    /// A value of a kind the schema does not expect for `p` but the resource pages support:
    /// reported as disputed, and its items (or itself) checked against the property's type.
    fn disputed(&mut self, node: &Node<'_>, p: &Property, kind: JsonKind) {
        let why = match self.evidence.shown_kind(p) {
            Some(shown) if shown == kind => format!(
                "the JSON representation of its resource page shows {} too, the schema follows the property table",
                shown.phrase()
            ),
            _ => "its resource page contradicts itself on it (`json-type-mismatch`) and the schema settled that by rule".to_owned(),
        };
        let message = format!(
            "{} for `{}` ({}{}): {why}",
            describe(node),
            p.name,
            p.ty,
            if p.collection { " collection" } else { "" }
        );
        self.push(Code::ExampleDisputedProperty, node, message);
        match node {
            Node::Array(a) => self.check_collection_items(&a.elements, &p.ty),
            _ if p.collection => self.check_value(node, &p.ty),
            _ => {}
        }
    }

    fn check_primitive(&mut self, node: &Node<'_>, p: Primitive) {
        let scalar = scalar(node);
        match formats::check(p, scalar) {
            Ok(()) => {}
            Err(Mismatch::Kind(expected)) => self.push(
                Code::ExampleKind,
                node,
                format!("expected {expected} ({p}), found {}", describe(node)),
            ),
            Err(Mismatch::Format(expected)) => self.push(
                Code::ExampleFormat,
                node,
                format!("expected {expected} ({p}), found {}", describe(node)),
            ),
        }
    }

    fn check_enum(&mut self, node: &Node<'_>, t: &TypeDef) {
        let Node::StringLit(s) = node else {
            let message = format!(
                "expected a string (a member of enum `{}`), found {}",
                t.qualified_name(),
                describe(node)
            );
            return self.push(Code::ExampleKind, node, message);
        };
        if t.members.is_empty() {
            return;
        }
        // Flags enums write several members separated by commas; the schema does not record
        // which enums are flags, so every enum may.
        for part in s.value.split(',').map(str::trim) {
            if t.members.iter().any(|m| m.name == part) {
                continue;
            }
            let mut message = format!(
                "`{}` is not a member of enum `{}`",
                shorten(part),
                t.qualified_name()
            );
            match t.members.iter().find(|m| m.name.eq_ignore_ascii_case(part)) {
                Some(m) => {
                    let _ = write!(message, " but for letter case: the member is `{}`", m.name);
                    self.push(Code::ExampleLetterCase, node, message);
                    continue;
                }
                None => {
                    let names: Vec<&str> =
                        t.members.iter().take(6).map(|m| m.name.as_str()).collect();
                    let more = if t.members.len() > 6 { ", ..." } else { "" };
                    let _ = write!(message, " (members: {}{more})", names.join(", "));
                }
            }
            self.push(Code::ExampleEnumValue, node, message);
        }
    }

    fn check_object(&mut self, node: &Node<'_>, declared: &TypeDef) {
        let Node::Object(o) = node else {
            let message = format!(
                "expected an object (`{}`), found {}",
                declared.qualified_name(),
                describe(node)
            );
            return self.push(Code::ExampleKind, node, message);
        };
        let mut actual = self.actual_type(o, declared);
        if find(o, "@odata.type").is_none() {
            actual = self.derived_by_properties(node, o, actual);
        }
        let saved = self.owner.replace(actual.qualified_name());
        for prop in &o.properties {
            let key = prop.name.as_str();
            if !is_property_key(key) {
                continue;
            }
            self.path.push(Step::Key(key.to_owned()));
            match actual.properties.iter().find(|p| p.name == key) {
                Some(p) => self.check_property(&prop.value, p),
                None => self.unknown_property(prop, actual),
            }
            self.path.pop();
        }
        self.owner = saved;
    }

    /// For an object without `@odata.type` that has properties `t` does not declare: the
    /// derived type that declares them all (the one with the fewest properties), reported; else
    /// `t`.
    fn derived_by_properties<'t>(
        &mut self,
        node: &Node<'_>,
        o: &Object<'_>,
        t: &'t TypeDef,
    ) -> &'t TypeDef
    where
        'a: 't,
    {
        let unknown: Vec<&str> = o
            .properties
            .iter()
            .map(|p| p.name.as_str())
            .filter(|k| is_property_key(k) && !t.properties.iter().any(|p| p.name == *k))
            .collect();
        if unknown.is_empty() {
            return t;
        }
        let candidate = self
            .index
            .descendants(&t.qualified_name())
            .into_iter()
            .filter(|d| {
                unknown
                    .iter()
                    .all(|k| d.properties.iter().any(|p| p.name == *k))
            })
            .min_by_key(|d| d.properties.len());
        let Some(derived) = candidate else {
            return t;
        };
        let keys: Vec<String> = unknown
            .iter()
            .take(3)
            .map(|k| format!("`{}`", shorten(k)))
            .collect();
        let message = format!(
            "no `@odata.type`, but {}{} only the derived `{}` declares; read as that type",
            keys.join(", "),
            if unknown.len() > 3 { ", ..." } else { "" },
            derived.qualified_name()
        );
        self.push(Code::ExampleMissingOdataType, node, message);
        derived
    }

    /// The type an object is: the declared one, or the derived type its `@odata.type` names.
    fn actual_type<'t>(&mut self, o: &Object<'_>, declared: &'t TypeDef) -> &'t TypeDef
    where
        'a: 't,
    {
        let Some(prop) = find(o, "@odata.type") else {
            return declared;
        };
        self.path.push(Step::Key("@odata.type".into()));
        let found = self.named_type(&prop.value, declared);
        self.path.pop();
        found.unwrap_or(declared)
    }

    /// The type an `@odata.type` value names, if the schema has it: `declared`, a type derived
    /// from it, or (reported) any other.
    fn named_type<'t>(&mut self, value: &Node<'_>, declared: &'t TypeDef) -> Option<&'t TypeDef>
    where
        'a: 't,
    {
        let Node::StringLit(s) = value else {
            let message = format!("expected a string (a type name), found {}", describe(value));
            self.push(Code::ExampleKind, value, message);
            return None;
        };
        let name = s.value.trim().trim_start_matches('#');
        let q = declared.qualified_name();
        if name == q.as_str() {
            return Some(declared);
        }
        let schema = self.index.schema();
        let t = match schema.get(name) {
            Some(t) => t,
            None => {
                let found = self.index.by_qualified_ignoring_case(name);
                let message = match found {
                    Some(t) => format!(
                        "`@odata.type` names `{}`, a type of the schema but for letter case: `{}`",
                        shorten(name),
                        t.qualified_name()
                    ),
                    None => format!(
                        "`@odata.type` names `{}`, which is not a type of the schema; read as `{q}`",
                        shorten(name)
                    ),
                };
                let code = if found.is_some() {
                    Code::ExampleLetterCase
                } else {
                    Code::ExampleOdataType
                };
                self.push(code, value, message);
                found?
            }
        };
        let name = t.qualified_name();
        let name = name.as_str();
        if name == q.as_str() {
            return Some(declared);
        }
        if schema
            .ancestors(name)
            .iter()
            .any(|a| a.qualified_name() == q)
        {
            return Some(t);
        }
        let base = match &t.base {
            Some(b) => format!("derives from `{b}`"),
            None => "has no base in the schema".to_owned(),
        };
        let message = format!(
            "`@odata.type` names `{name}`, which is not the declared `{q}` nor derived from it (it {base}); read as `{name}`"
        );
        self.push(Code::ExampleOdataType, value, message);
        Some(t)
    }

    fn unknown_property(&mut self, prop: &ObjectProp<'_>, t: &TypeDef) {
        let (code, why) = if t.open_type {
            (Code::ExampleUnknownPropertyOpenType, " (an open type)")
        } else if self.truncated {
            (
                Code::ExampleUnknownPropertyTruncated,
                " (in an example marked truncated)",
            )
        } else {
            (Code::ExampleUnknownProperty, "")
        };
        let key = prop.name.as_str();
        let mut message = format!(
            "`{}` is not a property of `{}`{why}",
            shorten(key),
            t.qualified_name()
        );
        if let Some(p) = t
            .properties
            .iter()
            .find(|p| p.name.eq_ignore_ascii_case(key))
        {
            let _ = write!(message, "; letter case: `{}`", p.name);
        }
        let at = prop.range.start;
        self.push_at(code, at, message);
    }

    fn push(&mut self, code: Code, node: &Node<'_>, message: String) {
        self.push_at(code, start(node), message);
    }

    fn push_at(&mut self, code: Code, offset: usize, message: String) {
        let (line, column) = self.lines.at(offset);
        let message = format!("{}: {message}", render_path(&self.path));
        self.findings.push(Finding {
            diagnostic: Diagnostic::new(code, Location::new(self.page, line, column), message),
            type_name: self.owner.clone(),
        });
    }
}

/// True for a key that names a property: not an annotation (`@odata.type`,
/// `x@odata.nextLink`) nor a directory extension property (`extension_<32 hex>_name`).
fn is_property_key(key: &str) -> bool {
    if key.contains('@') {
        return false;
    }
    let extension = key
        .strip_prefix("extension_")
        .and_then(|rest| rest.get(..33))
        .is_some_and(|app| app.ends_with('_') && app[..32].bytes().all(|b| b.is_ascii_hexdigit()));
    !extension
}

/// The kind of JSON value a primitive is written as (`None`: any).
fn primitive_kind(p: Primitive) -> Option<JsonKind> {
    match p {
        Primitive::Json => None,
        Primitive::Boolean => Some(JsonKind::Boolean),
        Primitive::Byte
        | Primitive::SByte
        | Primitive::Int16
        | Primitive::Int32
        | Primitive::Int64
        | Primitive::Single
        | Primitive::Double
        | Primitive::Decimal => Some(JsonKind::Number),
        _ => Some(JsonKind::String),
    }
}

/// The property named `key` of an object.
fn find<'n, 'a>(o: &'n Object<'a>, key: &str) -> Option<&'n ObjectProp<'a>> {
    o.properties.iter().find(|p| p.name.as_str() == key)
}

/// The `value` array of `{"value": [...]}` with nothing else but annotations, and the node
/// to locate it by.
fn value_array<'n, 'a>(body: &'n Node<'a>) -> Option<(&'n Node<'a>, &'n [Node<'a>])> {
    let Node::Object(o) = body else {
        return None;
    };
    let value = find(o, "value")?;
    let Node::Array(a) = &value.value else {
        return None;
    };
    let only_annotations = o
        .properties
        .iter()
        .all(|p| p.name.as_str() == "value" || p.name.as_str().contains('@'));
    only_annotations.then_some((&value.value, a.elements.as_slice()))
}

/// The kind and text of a node.
fn scalar<'n>(node: &'n Node<'_>) -> Scalar<'n> {
    let (kind, text): (JsonKind, &str) = match node {
        Node::NullKeyword(_) => (JsonKind::Null, ""),
        Node::BooleanLit(_) => (JsonKind::Boolean, ""),
        Node::NumberLit(n) => (JsonKind::Number, n.value),
        Node::StringLit(s) => (JsonKind::String, &s.value),
        Node::Array(_) => (JsonKind::Array, ""),
        Node::Object(_) => (JsonKind::Object, ""),
    };
    Scalar { kind, text }
}

/// A short description of a value for a message: its kind, and its text for a scalar.
fn describe(node: &Node<'_>) -> String {
    match node {
        Node::StringLit(s) => format!("a string `\"{}\"`", shorten(&s.value)),
        Node::NumberLit(n) => format!("a number `{}`", shorten(n.value)),
        Node::BooleanLit(b) => format!("a boolean `{}`", b.value),
        other => scalar(other).kind.phrase().to_owned(),
    }
}

/// At most 40 characters of a text, with `…` when cut.
fn shorten(text: &str) -> String {
    match text.char_indices().nth(40) {
        Some((i, _)) => format!("{}…", &text[..i]),
        None => text.to_owned(),
    }
}

/// `value[0].assignedLicenses[1].skuId`; a key that is not a plain name is bracketed
/// (`["@odata.type"]`); the body itself is `(body)`.
fn render_path(path: &[Step]) -> String {
    if path.is_empty() {
        return "(body)".to_owned();
    }
    let mut out = String::new();
    for step in path {
        match step {
            Step::Index(i) => {
                let _ = write!(out, "[{i}]");
            }
            Step::Key(k) if !k.is_empty() && k.chars().all(|c| c.is_alphanumeric() || c == '_') => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(&shorten(k));
            }
            Step::Key(k) => {
                let _ = write!(out, "[{:?}]", shorten(k));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests;
