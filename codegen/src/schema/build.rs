//! Pages → [`Schema`]: naming, cross-page type resolution, inheritance, reconstruction of types
//! whose pages are absent, and the rules that settle contradictions between tables and JSON.

use super::names::reconcile_names;
use super::{Kind, Member, Origin, Property, QualifiedName, Schema, TypeDef, TypeRef};
use crate::diag::{Code, Diagnostic, Location};
use crate::docs_text::is_identifier;
use crate::parse::page::identifier_matching;
use crate::parse::{Page, PageClass, PropertyRow, Target, TypeSpec};
use crate::primitive::Primitive;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

/// The most ancestors a type may have; deeper chains are cut (`inheritance-too-deep`).
pub const MAX_INHERITANCE_DEPTH: usize = 8;

/// The namespace assumed when a page names none.
const DEFAULT_NAMESPACE: &str = "microsoft.graph";

/// A type under construction: the definition plus what resolution still needs.
struct Draft {
    def: TypeDef,
    /// `keyProperty` from the annotation.
    keyed: bool,
    /// Defined by the page named after the type (`user.md` for `user`).
    canonical: bool,
}

/// A type referenced by the input whose page is absent.
#[derive(Default)]
struct Missing {
    stem: Option<String>,
    /// Types whose base it is.
    base_of: Vec<QualifiedName>,
    /// Backticked possible values from rows typed with it.
    possible_values: Vec<String>,
    /// The same values, for deduplication.
    seen_values: HashSet<String>,
    /// JSON placeholders seen for rows typed with it.
    string_placeholders: usize,
    object_placeholders: usize,
    first_seen: Location,
}

#[derive(Default)]
struct Builder {
    drafts: BTreeMap<QualifiedName, Draft>,
    by_stem: HashMap<String, QualifiedName>,
    by_anchor: HashMap<(String, String), QualifiedName>,
    by_simple: HashMap<String, Vec<QualifiedName>>,
    link_names: HashMap<String, BTreeSet<String>>,
    missing: BTreeMap<QualifiedName, Missing>,
    /// Enum → backticked value lists from properties typed with it.
    enum_evidence: BTreeMap<QualifiedName, Vec<Vec<String>>>,
    /// Resource pages that define a type another page defines too: their properties are merged
    /// into that (primary) definition.
    secondary: BTreeSet<String>,
    diags: Vec<Diagnostic>,
}

/// The namespace a page declares (when it reads as one), else [`DEFAULT_NAMESPACE`].
fn namespace_of(page: &Page) -> String {
    page.namespace
        .clone()
        .filter(|n| n.chars().all(|c| c.is_ascii_alphanumeric() || c == '.'))
        .unwrap_or_else(|| DEFAULT_NAMESPACE.to_owned())
}

fn split_qualified(q: &str, default_ns: &str) -> (String, String) {
    match q.trim().trim_start_matches('#').rsplit_once('.') {
        Some((ns, name)) => (ns.to_owned(), name.to_owned()),
        None => (default_ns.to_owned(), q.trim().to_owned()),
    }
}

/// True when `name` (simple or qualified) can be the type a link to page `stem` stands for:
/// an identifier whose last segment the stem ends with (`windowsUpdates.windows` for
/// `windowsupdates-windows`).
fn names_stem(name: &str, stem: &str) -> bool {
    let last = name.rsplit('.').next().unwrap_or(name);
    last.len() > 1
        && is_identifier(last)
        && name.split('.').all(is_identifier)
        && stem.ends_with(&last.to_ascii_lowercase())
}

fn loc(page: &Page, line: u32, column: u32) -> Location {
    page.at(line, column)
}

/// The primitive or type a JSON placeholder suggests (`"String (timestamp)"`, `1024`, `{...}`).
fn placeholder_type(value: &Value) -> (String, bool) {
    match value {
        Value::Array(items) => (
            items.first().map_or_else(
                || Primitive::Json.as_str().to_owned(),
                |v| placeholder_type(v).0,
            ),
            true,
        ),
        Value::Object(o) => match o.get("@odata.type").and_then(Value::as_str) {
            // `{"@odata.type": "Edm.Stream"}` names a primitive.
            Some(t) if Primitive::from_spelling(t.trim_start_matches('#')).is_some() => (
                Primitive::from_spelling(t.trim_start_matches('#'))
                    .map_or("Json", Primitive::as_str)
                    .to_owned(),
                false,
            ),
            Some(t) => (t.trim_start_matches('#').to_owned(), false),
            None => (Primitive::Json.as_str().to_owned(), false),
        },
        Value::Bool(_) => (Primitive::Boolean.as_str().to_owned(), false),
        Value::Number(n) if n.is_f64() => (Primitive::Double.as_str().to_owned(), false),
        Value::Number(_) => (Primitive::Int32.as_str().to_owned(), false),
        Value::String(s) => {
            let lower = s.to_ascii_lowercase();
            let p = if lower.contains("timestamp") || lower.contains("datetime") {
                Primitive::DateTimeOffset
            } else if lower.contains("duration") {
                Primitive::Duration
            } else {
                let head = s.split(['(', ' ']).next().unwrap_or("");
                // `<Unknown Primitive Type Edm.Stream>`.
                let edm = s
                    .split(|c: char| c.is_whitespace() || c == '<' || c == '>')
                    .find(|w| {
                        w.len() > 4 && w.get(..4).is_some_and(|p| p.eq_ignore_ascii_case("edm."))
                    });
                Primitive::from_spelling(head)
                    .or_else(|| edm.and_then(Primitive::from_spelling))
                    .unwrap_or(Primitive::String)
            };
            (p.as_str().to_owned(), false)
        }
        Value::Null => (Primitive::Json.as_str().to_owned(), false),
    }
}

impl Builder {
    /// Names every type the pages declare and indexes how other pages can reach it.
    fn index(&mut self, pages: &[&Page]) {
        for page in pages {
            for row in &page.properties {
                if let TypeSpec::Link {
                    target: Target::Page { stem, .. },
                    text,
                } = &row.ty.spec
                {
                    if is_identifier(text.trim()) {
                        self.link_names
                            .entry(stem.clone())
                            .or_default()
                            .insert(text.trim().to_owned());
                    }
                }
            }
            if let Some(base) = &page.base_link {
                if let (Some(stem), true) = (base.target.stem(), is_identifier(base.text.trim())) {
                    self.link_names
                        .entry(stem.to_owned())
                        .or_default()
                        .insert(base.text.trim().to_owned());
                }
            }
        }
        for page in pages {
            let ns = namespace_of(page);
            match page.class {
                PageClass::Resource => {
                    let annotated = page.annotation.as_ref().and_then(|a| a.odata_type.clone());
                    let from_json = page
                        .json
                        .as_ref()
                        .and_then(|j| j.object.get("@odata.type"))
                        .and_then(Value::as_str)
                        .map(|s| s.trim_start_matches('#').to_owned());
                    let Some(q) = annotated.or(from_json) else {
                        self.diags.push(Diagnostic::new(Code::NotATypePage, Location::file(&page.path), "the page has property tables but no `@odata.type` in an annotation or JSON block; skipped"));
                        continue;
                    };
                    let (tns, name) = split_qualified(&q, &ns);
                    let line = page.annotation.as_ref().map_or(1, |a| a.line);
                    let def = TypeDef {
                        name,
                        namespace: tns,
                        kind: Kind::Complex,
                        base: None,
                        description: page.description.clone(),
                        origin: Origin::Page,
                        is_abstract: page.annotation.as_ref().is_some_and(|a| a.is_abstract),
                        open_type: page.annotation.as_ref().is_some_and(|a| a.open_type),
                        source: Some(loc(page, line, 1)),
                        properties: Vec::new(),
                        members: Vec::new(),
                    };
                    let keyed = page
                        .annotation
                        .as_ref()
                        .is_some_and(|a| a.key_property.is_some());
                    self.declare(page, def, Some(page.stem.clone()), keyed);
                }
                PageClass::Enum => {
                    let name = self.enum_page_name(page);
                    let table = page
                        .enums
                        .iter()
                        .find(|e| e.name.is_none())
                        .expect("classified as enum");
                    let def = self.enum_def(
                        &name,
                        &ns,
                        page.description.clone(),
                        loc(page, table.line, 1),
                    );
                    self.declare(page, def, Some(page.stem.clone()), false);
                }
                PageClass::MultiEnum | PageClass::Other => {
                    if page.class == PageClass::Other {
                        self.diags.push(Diagnostic::new(Code::NotATypePage, Location::file(&page.path), "no resource annotation, property table or members table: the page declares no type; skipped"));
                    }
                }
            }
            // Named `### x values` sections (multi-enum pages and inline enums).
            for table in page.enums.iter().filter(|e| e.name.is_some()) {
                let name = table.name.clone().unwrap_or_default();
                let def = self.enum_def(&name, &ns, String::new(), loc(page, table.line, 1));
                let q = def.qualified_name();
                self.by_anchor
                    .insert((page.stem.clone(), table.key.clone()), q.clone());
                if !self.drafts.contains_key(&q) {
                    self.declare(page, def, None, false);
                }
            }
        }
    }

    fn enum_def(&self, name: &str, ns: &str, description: String, source: Location) -> TypeDef {
        TypeDef {
            name: name.to_owned(),
            namespace: ns.to_owned(),
            kind: Kind::Enum,
            base: None,
            description,
            origin: Origin::Page,
            is_abstract: false,
            open_type: false,
            source: Some(source),
            properties: Vec::new(),
            members: Vec::new(),
        }
    }

    /// An enum page's name: an ASCII identifier from the H1, incoming link texts or the title
    /// that the file stem ends with (H1 texts are translated or transliterated in some locales).
    fn enum_page_name(&self, page: &Page) -> String {
        let candidates = page
            .h1
            .iter()
            .map(|h| h.text.clone())
            .chain(
                self.link_names
                    .get(&page.stem)
                    .into_iter()
                    .flatten()
                    .cloned(),
            )
            .chain(page.front_matter.get("title").cloned());
        for text in candidates {
            for word in text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_')) {
                if word.len() > 1
                    && page.stem.ends_with(&word.to_ascii_lowercase())
                    && word != "type"
                {
                    return word.to_owned();
                }
            }
        }
        let anchor = page
            .h1
            .as_ref()
            .and_then(|h| h.anchor.clone())
            .unwrap_or_default();
        let from_anchor = anchor.split('-').next().unwrap_or("").to_owned();
        if !from_anchor.is_empty() && page.stem.ends_with(&from_anchor) {
            return from_anchor;
        }
        page.stem
            .rsplit('-')
            .next()
            .unwrap_or(&page.stem)
            .to_owned()
    }

    fn declare(&mut self, page: &Page, def: TypeDef, stem: Option<String>, keyed: bool) {
        let q = def.qualified_name();
        if let Some(stem) = &stem {
            // Links to a duplicate page still mean the type (the definition that won).
            self.by_stem
                .entry(stem.clone())
                .or_insert_with(|| q.clone());
        }
        let canonical = stem.as_deref() == Some(def.name.to_ascii_lowercase().as_str());
        if let Some(existing) = self.drafts.get_mut(&q) {
            if def.kind != Kind::Enum && existing.def.kind != Kind::Enum {
                // Partial pages of one type (`user.md` and `intune-devices-user.md`): the page
                // named after the type is the primary definition, else the first by path; the
                // others are merged into it (see `read_resource`).
                existing.keyed |= keyed;
                if canonical && !existing.canonical {
                    if let Some(old) = existing.def.source.as_ref() {
                        self.secondary.insert(old.file.clone());
                    }
                    existing.def = def;
                    existing.canonical = true;
                } else {
                    self.secondary.insert(page.path.clone());
                }
                return;
            }
            let first = existing
                .def
                .source
                .clone()
                .map_or_else(String::new, |l| l.to_string());
            self.diags.push(Diagnostic::new(
                Code::DuplicateType,
                def.source
                    .clone()
                    .unwrap_or_else(|| Location::file(&page.path)),
                format!("`{q}` is already defined at {first}; this definition is ignored"),
            ));
            return;
        }
        self.by_simple
            .entry(def.name.to_ascii_lowercase())
            .or_default()
            .push(q.clone());
        self.drafts.insert(
            q,
            Draft {
                def,
                keyed,
                canonical,
            },
        );
    }

    /// The qualified name a link target stands for; records a missing type when no page has it.
    fn resolve_target(
        &mut self,
        page: &Page,
        target: &Target,
        text: &str,
        hint: Option<&str>,
        at: &Location,
    ) -> Option<QualifiedName> {
        match target {
            Target::Anchor(anchor) => {
                if let Some(q) = self.by_anchor.get(&(page.stem.clone(), anchor.clone())) {
                    return Some(q.clone());
                }
                let name = anchor.trim_end_matches("-values").replace('-', "");
                let name = identifier_matching(text, &name).unwrap_or(name);
                Some(self.note_missing(&name, page, None, at))
            }
            Target::Page { stem, fragment } => {
                if let Some(f) = fragment {
                    if let Some(q) = self.by_anchor.get(&(stem.clone(), f.clone())) {
                        return Some(q.clone());
                    }
                }
                if let Some(q) = self.by_stem.get(stem) {
                    return Some(q.clone());
                }
                if let Some(f) = fragment.as_deref().filter(|f| f.ends_with("-values")) {
                    let wanted = f.trim_end_matches("-values").replace('-', "");
                    let name = identifier_matching(text, &wanted).unwrap_or(wanted);
                    if let Some(q) = self.lookup_simple(&name) {
                        return Some(q);
                    }
                    return Some(self.note_missing(&name, page, None, at));
                }
                // Name the absent type by the most trustworthy evidence: the `@odata.type` the
                // JSON block shows for the property, an ASCII (possibly qualified) name in the
                // link text, another page's link text, all only when the stem ends with them;
                // else the stem's last segment.
                let name = if let Some(h) = hint.filter(|h| names_stem(h, stem)) {
                    h.to_owned()
                } else if let Some(n) = text
                    .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '.'))
                    .map(|w| w.trim_matches('.'))
                    .find(|w| names_stem(w, stem))
                {
                    n.to_owned()
                } else if let Some(n) = self.link_names.get(stem).and_then(|names| {
                    names
                        .iter()
                        .find(|n| stem.ends_with(&n.to_ascii_lowercase()))
                }) {
                    n.clone()
                } else {
                    stem.rsplit('-').next().unwrap_or(stem).to_owned()
                };
                Some(self.note_missing(&name, page, Some(stem.clone()), at))
            }
            Target::External(_) => None,
        }
    }

    fn lookup_simple(&self, name: &str) -> Option<QualifiedName> {
        self.by_simple
            .get(&name.to_ascii_lowercase())
            .and_then(|v| v.first().cloned())
    }

    fn note_missing(
        &mut self,
        name: &str,
        page: &Page,
        stem: Option<String>,
        at: &Location,
    ) -> QualifiedName {
        let ns = namespace_of(page);
        let (ns, name) = if name.contains('.') {
            split_qualified(name, &ns)
        } else {
            (ns, name.to_owned())
        };
        let q = QualifiedName::new(&ns, &name);
        if self.drafts.contains_key(&q) {
            return q;
        }
        let m = self.missing.entry(q.clone()).or_insert_with(|| Missing {
            first_seen: at.clone(),
            ..Missing::default()
        });
        if m.stem.is_none() {
            m.stem = stem;
        }
        q
    }

    /// The schema type of a property row; `hint` is the `@odata.type` its JSON value shows.
    fn resolve_row(&mut self, page: &Page, row: &PropertyRow, hint: Option<&str>) -> TypeRef {
        let at = loc(page, row.line, row.column);
        match &row.ty.spec {
            TypeSpec::Primitive(p) => TypeRef::Primitive(*p),
            TypeSpec::Link { target, text } => self
                .resolve_target(page, target, text, hint, &at)
                .map_or_else(
                    || {
                        self.diags.push(Diagnostic::new(
                            Code::UnknownType,
                            at.clone(),
                            format!(
                                "the type cell `{}` links outside the docs; typed as untyped JSON",
                                row.type_text
                            ),
                        ));
                        TypeRef::Primitive(Primitive::Json)
                    },
                    TypeRef::Named,
                ),
            TypeSpec::Name(n) => TypeRef::Named(self.resolve_name(n, page, &at)),
            TypeSpec::Unknown(text) => {
                self.diags.push(Diagnostic::new(Code::UnknownType, at, format!("expected a primitive, a link to a type page or a type name in the type cell, found `{text}`; typed as untyped JSON")));
                TypeRef::Primitive(Primitive::Json)
            }
        }
    }

    /// The type a plain (unlinked) type name in a cell stands for.
    fn resolve_name(&mut self, n: &str, page: &Page, at: &Location) -> QualifiedName {
        if n.contains('.') {
            let (ns, name) = split_qualified(n, DEFAULT_NAMESPACE);
            let q = QualifiedName::new(&ns, &name);
            if self.drafts.contains_key(&q) {
                return q;
            }
            if let Some(q) = self.lookup_simple(&name) {
                return q;
            }
            return self.note_missing(&q, page, None, at);
        }
        if let Some(q) = self.lookup_simple(n) {
            return q;
        }
        self.note_missing(n, page, None, at)
    }

    /// Reads a resource page's properties, settling names against the JSON block.
    fn read_resource(&mut self, page: &Page) {
        let Some(q) = self.by_stem.get(&page.stem).cloned() else {
            return;
        };
        if self.drafts.get(&q).map(|d| d.def.kind) == Some(Kind::Enum) {
            return;
        }
        let json = page.json.as_ref();
        let keys: Vec<&String> = json
            .map(|j| j.object.keys().filter(|k| !k.starts_with('@')).collect())
            .unwrap_or_default();
        let names = reconcile_names(page, json.map(|j| &j.object), &mut self.diags);
        let mut props: Vec<Property> = Vec::new();
        let mut seen: HashSet<String> = HashSet::new();
        for (row, name) in page.properties.iter().zip(names) {
            if name == "@odata.type" {
                continue; // the annotation every generated type carries anyway
            }
            if !seen.insert(name.clone()) {
                self.diags.push(Diagnostic::new(
                    Code::DuplicateProperty,
                    loc(page, row.line, row.column),
                    format!("`{name}` is listed twice; the first row wins"),
                ));
                continue;
            }
            let hint = json
                .and_then(|j| j.object.get(&name))
                .and_then(|v| match v {
                    Value::Array(items) => items.first(),
                    v => Some(v),
                })
                .and_then(|v| v.get("@odata.type"))
                .and_then(Value::as_str)
                .map(|t| t.trim().trim_start_matches('#'));
            let ty = self.resolve_row(page, row, hint);
            let mut collection = row.ty.collection;
            if let Some(value) = json.and_then(|j| j.object.get(&name)) {
                let json_collection = value.is_array();
                if json_collection != collection {
                    self.diags.push(Diagnostic::new(
                        Code::JsonTypeMismatch,
                        loc(page, row.line, row.column),
                        format!(
                        "`{name}`: the table says {}, the JSON block shows {}; the JSON shape wins",
                        if collection { "a collection" } else { "a single value" },
                        if json_collection { "an array" } else { "a single value" }
                    ),
                    ));
                    collection = json_collection;
                }
                let element = if let Value::Array(items) = value {
                    items.first().unwrap_or(&Value::Null)
                } else {
                    value
                };
                if element.is_object() && ty.as_primitive().is_some_and(|p| p != Primitive::Json) {
                    self.diags.push(Diagnostic::new(Code::JsonTypeMismatch, loc(page, row.line, row.column), format!("`{name}`: the table says `{ty}`, the JSON block shows an object; the table wins")));
                }
                if let Some(m) = ty.as_named().and_then(|n| self.missing.get_mut(n)) {
                    if element.is_object() {
                        m.object_placeholders += 1
                    } else if element.is_string() {
                        m.string_placeholders += 1
                    }
                }
            } else if json.is_some() && !row.navigation {
                self.diags.push(Diagnostic::new(
                    Code::JsonMissingKey,
                    loc(page, row.line, row.column),
                    format!("`{name}` is in the table but not in the JSON representation"),
                ));
            }
            let raw = Page::possible_values(row);
            let values: Vec<String> = raw
                .iter()
                .filter(|v| !Page::is_query_syntax(v))
                .cloned()
                .collect();
            if let (false, Some(named)) = (raw.is_empty(), ty.as_named()) {
                let lists = self.enum_evidence.entry(named.clone()).or_default();
                if raw.len() != values.len() {
                    lists.push(raw);
                }
                lists.push(values.clone());
                if let Some(m) = self.missing.get_mut(named) {
                    for v in values {
                        if m.seen_values.insert(v.clone()) {
                            m.possible_values.push(v);
                        }
                    }
                }
            }
            props.push(Property {
                name,
                ty,
                collection,
                inherited: false,
                declared_by: q.clone(),
                navigation: row.navigation,
                description: row.description.clone(),
                source: Some(loc(page, row.line, row.column)),
            });
        }
        // JSON keys no row declares.
        if let Some(j) = json {
            for key in &keys {
                if seen.contains(key.as_str()) {
                    continue;
                }
                let (ty, collection) = placeholder_type(&j.object[key.as_str()]);
                self.diags.push(Diagnostic::new(Code::JsonExtraKey, loc(page, j.line, 1), format!("`{key}` is in the JSON representation but in no table; added with the type its placeholder shows (`{ty}`)")));
                let ty = match QualifiedName::parse(&ty) {
                    Some(named) if !self.drafts.contains_key(&named) => {
                        TypeRef::Named(self.note_missing(&ty, page, None, &loc(page, j.line, 1)))
                    }
                    Some(named) => TypeRef::Named(named),
                    // A primitive, or an `@odata.type` without a namespace, which nothing can
                    // resolve: untyped JSON.
                    None => TypeRef::parse(&ty).unwrap_or(TypeRef::Primitive(Primitive::Json)),
                };
                props.push(Property {
                    name: (*key).clone(),
                    ty,
                    collection,
                    inherited: false,
                    declared_by: q.clone(),
                    navigation: false,
                    description: String::new(),
                    source: Some(loc(page, j.line, 1)),
                });
            }
        }
        // The base: the annotation's `baseType`, else the inheritance sentence.
        let annotated = page
            .annotation
            .as_ref()
            .and_then(|a| a.base_type.clone())
            .flatten();
        let linked = page.base_link.clone().and_then(|l| {
            let at = loc(page, l.line, 1);
            self.resolve_target(page, &l.target, &l.text, None, &at)
        });
        let base = match (annotated, linked) {
            (Some(a), Some(l)) => {
                let (ns, name) = split_qualified(&a, DEFAULT_NAMESPACE);
                let a = QualifiedName::new(&ns, &name);
                if a != l {
                    self.diags.push(Diagnostic::new(Code::BaseMismatch, loc(page, page.base_link.as_ref().map_or(1, |b| b.line), 1), format!("the inheritance sentence names `{l}`, the annotation's baseType `{a}`; the annotation wins")));
                }
                Some(a)
            }
            (Some(a), None) => {
                let (ns, name) = split_qualified(&a, DEFAULT_NAMESPACE);
                Some(QualifiedName::new(&ns, &name))
            }
            (None, l) => l,
        };
        if let Some(b) = &base {
            if !self.drafts.contains_key(b) {
                let at = loc(page, page.base_link.as_ref().map_or(1, |l| l.line), 1);
                let stem = page
                    .base_link
                    .as_ref()
                    .and_then(|l| l.target.stem().map(str::to_owned));
                let m = self.missing.entry(b.clone()).or_insert_with(|| Missing {
                    first_seen: at,
                    ..Missing::default()
                });
                if m.stem.is_none() {
                    m.stem = stem;
                }
                if !m.base_of.contains(&q) {
                    m.base_of.push(q.clone());
                }
            }
        }
        let draft = self.drafts.get_mut(&q).expect("declared in index");
        if !self.secondary.contains(&page.path) {
            draft.def.properties = props;
            draft.def.base = base;
            return;
        }
        // A partial page of a type defined elsewhere: add what only it lists.
        let primary = draft
            .def
            .source
            .as_ref()
            .map_or_else(String::new, Location::to_string);
        let mut added = 0;
        for p in props {
            match draft.def.properties.iter().find(|e| e.name == p.name) {
                None => {
                    draft.def.properties.push(p);
                    added += 1;
                }
                Some(e) if e.ty != p.ty || e.collection != p.collection => {
                    self.diags.push(Diagnostic::new(
                        Code::DuplicateProperty,
                        p.source
                            .clone()
                            .unwrap_or_else(|| Location::file(&page.path)),
                        format!(
                            "`{}` is also listed at {} as `{}`{}; that row wins",
                            p.name,
                            e.source
                                .as_ref()
                                .map_or_else(String::new, Location::to_string),
                            e.ty,
                            if e.collection { " collection" } else { "" }
                        ),
                    ));
                }
                Some(_) => {}
            }
        }
        if draft.def.base.is_none() {
            draft.def.base = base;
        }
        let line = page.annotation.as_ref().map_or(0, |a| a.line);
        self.diags.push(Diagnostic::new(
            Code::DuplicateType,
            loc(page, line, if line == 0 { 0 } else { 1 }),
            format!("`{q}` is also defined at {primary}; the {added} properties only this page lists are merged into that definition"),
        ));
    }

    /// Rebuilds types that have no page from what the present pages prove.
    fn reconstruct_missing(&mut self, pages: &[&Page]) {
        let missing = std::mem::take(&mut self.missing);
        let mut pages_by_type: HashMap<&str, Vec<&Page>> = HashMap::new();
        for p in pages {
            if let Some(q) = self.by_stem.get(&p.stem) {
                pages_by_type.entry(q.as_str()).or_default().push(*p);
            }
        }
        for (q, m) in missing {
            let (ns, name) = split_qualified(&q, DEFAULT_NAMESPACE);
            let mut def = TypeDef {
                name,
                namespace: ns,
                kind: Kind::Complex,
                base: None,
                description: String::new(),
                origin: Origin::Reconstructed,
                is_abstract: false,
                open_type: false,
                source: Some(m.first_seen.clone()),
                properties: Vec::new(),
                members: Vec::new(),
            };
            let message;
            if !m.base_of.is_empty() {
                // Rows of derived pages whose description links to this base's page.
                let mut taken: HashSet<String> = HashSet::new();
                for derived in &m.base_of {
                    let Some(draft) = self.drafts.get(derived) else {
                        continue;
                    };
                    let rows = pages_by_type
                        .get(derived.as_str())
                        .into_iter()
                        .flatten()
                        .flat_map(|page| page.properties.iter().map(move |r| (*page, r)));
                    for (page, row) in rows {
                        let marked = row.description_links.iter().any(|l| {
                            l.target.stem().is_some() && l.target.stem() == m.stem.as_deref()
                        });
                        // The property this row became (rows can be dropped as duplicates and
                        // JSON-only keys added, so rows and properties do not line up by index).
                        let Some(prop) = draft.def.properties.iter().find(|p| {
                            p.source
                                .as_ref()
                                .is_some_and(|s| s.line == row.line && s.file == page.path)
                        }) else {
                            continue;
                        };
                        if marked && taken.insert(prop.name.clone()) {
                            def.properties.push(Property {
                                declared_by: q.clone(),
                                ..(*prop).clone()
                            });
                        }
                    }
                }
                if def.properties.iter().any(|p| p.name == "id") {
                    def.kind = Kind::Entity;
                }
                message = format!(
                    "no page defines `{q}`; reconstructed as the base of {} from {} row(s) marked as inherited from it",
                    m.base_of.join(", "),
                    def.properties.len()
                );
            } else if !m.possible_values.is_empty() && m.object_placeholders == 0 {
                def.kind = Kind::Enum;
                def.members = m
                    .possible_values
                    .iter()
                    .map(|v| Member {
                        name: v.clone(),
                        value: None,
                        description: String::new(),
                    })
                    .collect();
                message = format!("no page defines `{q}`; reconstructed as an enum from the backticked possible values ({} members, values unknown)", def.members.len());
            } else {
                def.origin = Origin::Placeholder;
                def.kind = if m.string_placeholders > 0 && m.object_placeholders == 0 {
                    Kind::Enum
                } else {
                    Kind::Complex
                };
                self.diags.push(Diagnostic::new(Code::PlaceholderType, m.first_seen.clone(), format!(
                    "no page defines `{q}` and no evidence describes it; generated as an open placeholder {} that keeps any value",
                    if def.kind == Kind::Enum { "enum" } else { "type" }
                )));
                self.drafts.insert(
                    q,
                    Draft {
                        def,
                        keyed: false,
                        canonical: false,
                    },
                );
                continue;
            }
            self.diags.push(Diagnostic::new(
                Code::ReconstructedType,
                m.first_seen.clone(),
                message,
            ));
            self.drafts.insert(
                q,
                Draft {
                    def,
                    keyed: false,
                    canonical: false,
                },
            );
        }
    }

    /// Reads enum members, repairing machine-translation damage from the backticked values.
    fn read_enums(&mut self, pages: &[&Page]) {
        for page in pages {
            let ns_stem = self.by_stem.get(&page.stem).cloned();
            for table in &page.enums {
                let q = match &table.name {
                    None => match &ns_stem {
                        Some(q) => q.clone(),
                        None => continue,
                    },
                    Some(_) => match self.by_anchor.get(&(page.stem.clone(), table.key.clone())) {
                        Some(q) => q.clone(),
                        None => continue,
                    },
                };
                if self
                    .drafts
                    .get(&q)
                    .is_none_or(|d| d.def.kind != Kind::Enum || !d.def.members.is_empty())
                {
                    continue;
                }
                let mut members = Vec::new();
                let mut member_names: HashSet<String> = HashSet::new();
                let parsed: Vec<Option<i64>> = table
                    .members
                    .iter()
                    .map(|m| m.value.as_deref().and_then(parse_value))
                    .collect();
                // Damage shows as translated names or unreadable values; machine-translated pages
                // (`ms.translationtype: MT`) may also have re-cased or substituted names.
                let visibly_damaged = table.members.iter().any(|m| !is_identifier(&m.name))
                    || table
                        .members
                        .iter()
                        .zip(&parsed)
                        .any(|(m, v)| m.value.is_some() && v.is_none());
                let machine_translated = page
                    .front_matter
                    .get("ms.translationtype")
                    .is_some_and(|t| t.eq_ignore_ascii_case("mt"));
                let damaged = visibly_damaged || machine_translated;
                let evidence = self
                    .enum_evidence
                    .get(&q)
                    .and_then(|lists| best_value_list(lists, &table.members, damaged))
                    .cloned();
                let positional = parsed
                    .iter()
                    .enumerate()
                    .filter(|(i, v)| **v == Some(*i as i64))
                    .count();
                // Among the readable values, do (nearly) all equal their row index?
                let readable = parsed.iter().flatten().count();
                let mostly_positional = readable > 0 && positional * 5 >= readable * 4;
                for (i, row) in table.members.iter().enumerate() {
                    let at = loc(page, row.line, 1);
                    let mut name = row.name.clone();
                    if let Some(ev) = &evidence {
                        let english = &ev[i];
                        // An intact name of a table without visible damage is the truth: the
                        // description's list is compared with it below
                        // (`possible-values-mismatch`), and may hold `null`, typos or other
                        // values. In a visibly damaged table (translated names, unreadable
                        // values) intact-looking names may be substitutions too (`ASP` for
                        // `active`). On any machine-translated page, an identifier capitalised
                        // at the start of a cell (`None` for `none`) is repaired.
                        let capitalised = machine_translated
                            && name.eq_ignore_ascii_case(english)
                            && name.starts_with(|c: char| c.is_ascii_uppercase())
                            && english.starts_with(|c: char| c.is_ascii_lowercase());
                        if &name != english
                            && (!is_identifier(&name) || visibly_damaged || capitalised)
                        {
                            self.diags.push(Diagnostic::new(Code::RepairedEnumMember, at.clone(), format!("member `{name}` differs from the backticked value `{english}` at the same position; `{english}` is used")));
                            name = english.clone();
                        }
                    } else if !is_identifier(&name) {
                        self.diags.push(Diagnostic::new(Code::DamagedEnumMember, at.clone(), format!("member `{name}` is not an identifier and no backticked value list of the same length allows a repair; kept as written")));
                    }
                    let mut value = parsed[i];
                    match (&row.value, value) {
                        (Some(raw), None) if mostly_positional => {
                            self.diags.push(Diagnostic::new(Code::RepairedEnumMember, at.clone(), format!("value `{raw}` of `{name}` is not a number; the other values follow row order, so {i} is used")));
                            value = Some(i as i64);
                        }
                        (Some(raw), None) => {
                            self.diags.push(Diagnostic::new(Code::DamagedEnumMember, at.clone(), format!("value `{raw}` of `{name}` is not a number and cannot be repaired; left unknown")));
                        }
                        // A shifted value (`3` → `4`) shows as a value twice; distinct values off
                        // the row order (`unknownFutureValue` = 127) are real.
                        (Some(_), Some(v))
                            if mostly_positional
                                && v != i as i64
                                && parsed.iter().filter(|p| **p == Some(v)).count() > 1 =>
                        {
                            self.diags.push(Diagnostic::new(Code::RepairedEnumMember, at.clone(), format!("value {v} of `{name}` is given twice and breaks the row order the other values follow; {i} is used")));
                            value = Some(i as i64);
                        }
                        _ => {}
                    }
                    if !member_names.insert(name.clone()) {
                        self.diags.push(Diagnostic::new(
                            Code::DamagedEnumMember,
                            at,
                            format!("member `{name}` appears twice; the second is dropped"),
                        ));
                        continue;
                    }
                    members.push(Member {
                        name,
                        value,
                        description: row.description.clone(),
                    });
                }
                if let Some(d) = self.drafts.get_mut(&q) {
                    d.def.members = members;
                }
            }
        }
        // Possible values that disagree with a documented enum.
        for (q, lists) in &self.enum_evidence {
            let Some(d) = self.drafts.get(q) else {
                continue;
            };
            if d.def.kind != Kind::Enum || d.def.origin != Origin::Page || d.def.members.is_empty()
            {
                continue;
            }
            let members: BTreeSet<&str> = d.def.members.iter().map(|m| m.name.as_str()).collect();
            if let Some(list) = lists.iter().find(|l| {
                l.iter()
                    .any(|v| !members.contains(v.as_str()) && !Page::is_query_syntax(v))
            }) {
                let unknown: Vec<&str> = list
                    .iter()
                    .map(String::as_str)
                    .filter(|v| !members.contains(v) && !Page::is_query_syntax(v))
                    .collect();
                self.diags.push(Diagnostic::new(
                    Code::PossibleValuesMismatch,
                    d.def.source.clone().unwrap_or_default(),
                    format!("backticked possible values {unknown:?} are not members of `{q}`"),
                ));
            }
        }
    }

    /// Settles bases (cycles), kinds and which ancestor declares each property.
    fn settle_inheritance(&mut self) {
        let names: Vec<QualifiedName> = self.drafts.keys().cloned().collect();
        // Break cycles: walk up from each type (in name order) until a type already settled, a
        // root, or a type on the current walk, whose base closes a cycle and is dropped. Each
        // type is walked once.
        let mut settled: HashSet<QualifiedName> = HashSet::new();
        for q in &names {
            let mut walk: Vec<QualifiedName> = Vec::new();
            let mut on_walk: HashSet<QualifiedName> = HashSet::new();
            let mut current = Some(q.clone());
            while let Some(c) = current.take() {
                if settled.contains(&c) || !self.drafts.contains_key(&c) {
                    break;
                }
                if on_walk.contains(&c) {
                    let last = walk
                        .last()
                        .cloned()
                        .expect("a cycle has a type before its end");
                    let at = self.drafts[&last].def.source.clone().unwrap_or_default();
                    self.diags.push(Diagnostic::new(Code::InheritanceCycle, at, format!("`{last}` inherits from `{c}`, which closes a cycle; that base is dropped")));
                    if let Some(d) = self.drafts.get_mut(&last) {
                        d.def.base = None;
                    }
                    break;
                }
                on_walk.insert(c.clone());
                current = self.drafts[&c].def.base.clone();
                walk.push(c);
            }
            settled.extend(walk);
        }
        self.limit_depth(&names);
        // Kinds: entity when keyed or derived from an entity (memoized along each chain).
        let mut entity: HashMap<QualifiedName, bool> = HashMap::new();
        for q in &names {
            let (chain, known) = self.walk_to_known(q, &entity);
            let mut above = known.unwrap_or(false);
            for c in chain.into_iter().rev() {
                let d = &self.drafts[&c];
                above |= d.keyed || d.def.kind == Kind::Entity || c == "microsoft.graph.entity";
                entity.insert(c, above);
            }
        }
        for (q, is_entity) in entity {
            if let Some(d) = self.drafts.get_mut(&q) {
                if d.def.kind != Kind::Enum && is_entity {
                    d.def.kind = Kind::Entity;
                }
            }
        }
        // Attribution, ancestors first.
        let mut done: BTreeMap<QualifiedName, Vec<Property>> = BTreeMap::new();
        for q in &names {
            self.full_properties(q, &mut done);
        }
        for (q, props) in done {
            if let Some(d) = self.drafts.get_mut(&q) {
                d.def.properties = props;
            }
        }
    }

    /// Cuts inheritance chains deeper than [`MAX_INHERITANCE_DEPTH`]: the type at the next level
    /// loses its base and starts a new chain. Every type lists all inherited properties and
    /// converts into every ancestor, so the schema and the generated code grow with the square
    /// (and cube) of the depth; real docs stay below 5 levels.
    /// `q` and its ancestors up to (not including) the first type `memo` already holds, nearest
    /// first, with that type's value (`None` at a root or a base with no definition). Chains
    /// are walked once when every walk stops at the memo.
    fn walk_to_known<T: Copy>(
        &self,
        q: &str,
        memo: &HashMap<QualifiedName, T>,
    ) -> (Vec<QualifiedName>, Option<T>) {
        let mut walk = Vec::new();
        let mut current = QualifiedName::parse(q);
        while let Some(c) = current.take() {
            if let Some(&known) = memo.get(&c) {
                return (walk, Some(known));
            }
            let Some(d) = self.drafts.get(&c) else {
                break;
            };
            current = d.def.base.clone();
            walk.push(c);
        }
        (walk, None)
    }

    fn limit_depth(&mut self, names: &[QualifiedName]) {
        let mut depth: HashMap<QualifiedName, usize> = HashMap::new();
        for q in names {
            // Up to a type of known depth, or a root.
            let (walk, mut above) = self.walk_to_known(q, &depth);
            for c in walk.into_iter().rev() {
                let mut level = above.map_or(0, |a| a + 1);
                if level > MAX_INHERITANCE_DEPTH {
                    let d = self.drafts.get_mut(&c).expect("walked types are drafts");
                    let base = d.def.base.take().map(|b| b.to_string()).unwrap_or_default();
                    let at = d.def.source.clone().unwrap_or_default();
                    self.diags.push(Diagnostic::new(Code::InheritanceTooDeep, at, format!("`{c}` inherits from `{base}`, {MAX_INHERITANCE_DEPTH} levels below its root type: deeper chains are cut and that base is dropped")));
                    level = 0;
                }
                depth.insert(c, level);
                above = Some(level);
            }
        }
    }

    /// Computes the full property list of `q` (its ancestors' first) into `done`, after its
    /// ancestors'. Each type's own properties are taken out of its draft once.
    fn full_properties(
        &mut self,
        q: &QualifiedName,
        done: &mut BTreeMap<QualifiedName, Vec<Property>>,
    ) {
        if done.contains_key(q) {
            return;
        }
        let Some(draft) = self.drafts.get_mut(q) else {
            return;
        };
        let own = std::mem::take(&mut draft.def.properties);
        let base = draft.def.base.clone();
        let mut all: Vec<Property> = Vec::new();
        if let Some(b) = &base {
            self.full_properties(b, done);
            if let Some(inherited) = done.get(b) {
                all.reserve(inherited.len() + own.len());
                all.extend(inherited.iter().map(|p| Property {
                    inherited: true,
                    ..p.clone()
                }));
            }
        }
        // Names already in the list, so that each own property is checked in constant time.
        let mut index: HashMap<String, usize> = all
            .iter()
            .enumerate()
            .map(|(i, a)| (a.name.clone(), i))
            .collect();
        for p in own {
            if let Some(existing) = index.get(&p.name).map(|&i| &all[i]) {
                if existing.ty != p.ty || existing.collection != p.collection {
                    self.diags.push(Diagnostic::new(Code::InheritedPropertyConflict, p.source.clone().unwrap_or_default(), format!(
                        "`{}` is declared by `{}` as `{}`{}; this page repeats it as `{}`{}; the declaration wins",
                        p.name, existing.declared_by, existing.ty, if existing.collection { " collection" } else { "" }, p.ty, if p.collection { " collection" } else { "" }
                    )));
                }
                continue;
            }
            index.insert(p.name.clone(), all.len());
            all.push(p);
        }
        done.insert(q.clone(), all);
    }

    fn finish(self) -> Schema {
        let types: Vec<TypeDef> = self.drafts.into_values().map(|d| d.def).collect();
        let mut diagnostics = self.diags;
        diagnostics.sort();
        diagnostics.dedup();
        Schema::new(types, diagnostics)
    }
}

/// The backticked value list that can stand for a members table: as long as the table and, of
/// those, the one that agrees (ignoring case, at the same position) with most intact names.
/// For an undamaged table it must agree with at least half of them: a list of other values
/// that happens to be as long is no evidence.
fn best_value_list<'a>(
    lists: &'a [Vec<String>],
    members: &[crate::parse::MemberRow],
    damaged: bool,
) -> Option<&'a Vec<String>> {
    let intact: Vec<usize> = (0..members.len())
        .filter(|&i| is_identifier(&members[i].name))
        .collect();
    lists
        .iter()
        .rev() // `max_by_key` keeps the last of equals: prefer the first list
        .filter(|l| l.len() == members.len())
        .map(|l| {
            let agree = intact
                .iter()
                .filter(|&&i| l[i].eq_ignore_ascii_case(&members[i].name))
                .count();
            (agree, l)
        })
        .filter(|(agree, _)| damaged || agree * 2 >= intact.len())
        .max_by_key(|(agree, _)| *agree)
        .map(|(_, l)| l)
}

/// Reads an enum value cell, accepting en/em dashes as minus signs.
fn parse_value(raw: &str) -> Option<i64> {
    let cleaned: String = raw
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| {
            if matches!(c, '–' | '—' | '−') {
                '-'
            } else {
                c
            }
        })
        .collect();
    cleaned.parse().ok()
}

/// Builds the schema of a set of pages. The result does not depend on the order of `pages`.
pub fn build(pages: &[Page]) -> Schema {
    let mut sorted: Vec<&Page> = pages.iter().collect();
    sorted.sort_by(|a, b| a.path.cmp(&b.path));
    let mut b = Builder::default();
    for page in &sorted {
        b.diags.extend(page.diagnostics.iter().cloned());
    }
    b.index(&sorted);
    // Primary definitions first, then the partial pages merged into them.
    for secondary in [false, true] {
        for page in &sorted {
            if page.class == PageClass::Resource && b.secondary.contains(&page.path) == secondary {
                b.read_resource(page);
            }
        }
    }
    b.read_enums(&sorted);
    b.reconstruct_missing(&sorted);
    b.settle_inheritance();
    b.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse_page;

    const SEED: &str =
        include_str!("../../../docs-input/intune-devices-resetpasscodeactionresult.md");

    #[test]
    fn founding_page_reconstructs_base_and_enum() {
        let schema = build(&[parse_page(
            "docs-input/intune-devices-resetpasscodeactionresult.md",
            SEED,
        )]);
        let names: Vec<QualifiedName> =
            schema.types().iter().map(TypeDef::qualified_name).collect();
        assert_eq!(
            names,
            [
                "microsoft.graph.actionState",
                "microsoft.graph.deviceActionResult",
                "microsoft.graph.resetPasscodeActionResult"
            ]
        );
        let reset = schema
            .get("microsoft.graph.resetPasscodeActionResult")
            .unwrap();
        assert_eq!(
            reset.base.as_deref(),
            Some("microsoft.graph.deviceActionResult")
        );
        assert_eq!(reset.kind, Kind::Complex);
        let own: Vec<&str> = reset.own_properties().map(|p| p.name.as_str()).collect();
        assert_eq!(own, ["passcode", "errorCode"]);
        assert_eq!(reset.properties.len(), 6);
        assert_eq!(reset.properties[1].ty, "microsoft.graph.actionState");
        let base = schema.get("microsoft.graph.deviceActionResult").unwrap();
        assert_eq!(base.origin, Origin::Reconstructed);
        assert_eq!(base.properties.len(), 4);
        let state = schema.get("microsoft.graph.actionState").unwrap();
        assert_eq!(state.kind, Kind::Enum);
        assert_eq!(state.members.len(), 7);
        let codes: Vec<Code> = schema.diagnostics.iter().map(|d| d.code).collect();
        assert_eq!(codes, [Code::ReconstructedType, Code::ReconstructedType]);
    }

    #[test]
    fn translated_names_take_json_keys_and_values_are_repaired() {
        let resource = "<!-- {\"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.x\"} -->\n```json\n{\"questions\": \"String\", \"state\": \"String\"}\n```\n\n## Properties\n|Свойство|Тип|Описание|\n|-|-|-|\n|вопросы|String|x|\n|state|[s](s.md)|`none`, `done`, `failed`|\n";
        let en = "# s enum type\n\n## <a name=\"members\"></a>Элементы\n|Элемент|Значение|Описание|\n|-|-|-|\n|нет|нуль|a|\n|done|1,1|b|\n|не удалось|2|c|\n";
        let schema = build(&[parse_page("x.md", resource), parse_page("s.md", en)]);
        let x = schema.get("microsoft.graph.x").unwrap();
        assert_eq!(x.properties[0].name, "questions");
        let s = schema.get("microsoft.graph.s").unwrap();
        let members: Vec<(&str, Option<i64>)> = s
            .members
            .iter()
            .map(|m| (m.name.as_str(), m.value))
            .collect();
        assert_eq!(
            members,
            [("none", Some(0)), ("done", Some(1)), ("failed", Some(2))]
        );
    }

    #[test]
    fn json_only_keys_take_their_placeholder_type_and_a_bare_odata_type_is_untyped() {
        let text = "<!-- {\"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.x\"} -->\n```json\n{\"a\": {\"@odata.type\": \"user\"}, \"b\": {\"@odata.type\": \"microsoft.graph.y\"}, \"c\": true}\n```\n";
        let schema = build(&[parse_page("x.md", text)]);
        let x = schema.get("microsoft.graph.x").unwrap();
        let types: Vec<(&str, &str)> = x
            .properties
            .iter()
            .map(|p| (p.name.as_str(), p.ty.as_str()))
            .collect();
        assert_eq!(
            types,
            [("a", "Json"), ("b", "microsoft.graph.y"), ("c", "Boolean")]
        );
    }

    #[test]
    fn reconstructed_base_takes_the_marked_rows_even_after_a_dropped_duplicate() {
        let text = "<!-- {\"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.d\"} -->\n\nInherits from [b](b.md)\n\n## Properties\n|Property|Type|Description|\n|-|-|-|\n|own|String|x|\n|own|String|again|\n|shared|Int32|Inherited from [b](b.md)|\n";
        let schema = build(&[parse_page("d.md", text)]);
        let base = schema.get("microsoft.graph.b").unwrap();
        let names: Vec<&str> = base.properties.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["shared"]);
        assert_eq!(base.properties[0].ty, "Int32");
    }

    #[test]
    fn cycles_are_broken_and_deep_chains_cut() {
        let page = |i: usize, base: usize| {
            parse_page(
                &format!("t{i:02}.md"),
                &format!("<!-- {{\"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.t{i:02}\", \"baseType\": \"microsoft.graph.t{base:02}\"}} -->\n"),
            )
        };
        // t00 <- t01 <- ... <- t39, and t40 <-> t41.
        let mut pages: Vec<Page> = (1..40).map(|i| page(i, i - 1)).collect();
        pages.push(parse_page("t00.md", "<!-- {\"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.t00\", \"keyProperty\": \"id\"} -->\n"));
        pages.extend([page(40, 41), page(41, 40)]);
        let schema = build(&pages);
        let base = |i: usize| {
            schema
                .get(&format!("microsoft.graph.t{i:02}"))
                .unwrap()
                .base
                .as_ref()
                .map(|b| b.to_string())
        };
        let max = MAX_INHERITANCE_DEPTH;
        let name = |i: usize| format!("microsoft.graph.t{i:02}");
        assert_eq!(base(max), Some(name(max - 1)));
        assert_eq!(base(max + 1), None, "{} levels below t00", max + 1);
        assert_eq!(base(max + 2), Some(name(max + 1)));
        assert_eq!(base(2 * max + 2), None);
        assert_eq!(schema.ancestors(&name(2 * max + 1)).len(), max);
        let deep: Vec<String> = schema
            .diagnostics
            .iter()
            .filter(|d| d.code == Code::InheritanceTooDeep)
            .map(|d| d.location.file.clone())
            .collect();
        let cuts: Vec<String> = (1..)
            .map(|k| k * (max + 1))
            .take_while(|&i| i < 40)
            .map(|i| format!("t{i:02}.md"))
            .collect();
        assert_eq!(deep, cuts);
        // The first type of the cycle by name keeps its base; the edge closing it is dropped.
        assert_eq!(base(40).as_deref(), Some("microsoft.graph.t41"));
        assert_eq!(base(41), None);
        // Entity-ness flows down to the cut, not past it.
        assert_eq!(schema.get(&name(max)).unwrap().kind, Kind::Entity);
        assert_eq!(schema.get(&name(max + 1)).unwrap().kind, Kind::Complex);
    }

    #[test]
    fn page_order_does_not_matter() {
        let a = parse_page("a/intune-devices-resetpasscodeactionresult.md", SEED);
        let b = parse_page("b/other.md", "# Overview\n\nNothing here.\n");
        assert_eq!(build(&[a.clone(), b.clone()]), build(&[b, a]));
    }

    #[test]
    fn partial_pages_of_one_type_are_merged_into_the_page_named_after_it() {
        let page = |ty: &str, rows: &str| {
            format!("<!-- {{\"blockType\": \"resource\", \"keyProperty\": \"id\", \"@odata.type\": \"microsoft.graph.{ty}\"}} -->\n\n## Properties\n|Property|Type|Description|\n|-|-|-|\n{rows}")
        };
        let intune = page(
            "user",
            "|id|String|x|\n|deviceEnrollmentLimit|Int32|x|\n|aboutMe|Int32|x|\n",
        );
        let main = page("user", "|id|String|x|\n|aboutMe|String|x|\n");
        let pages = [
            parse_page("intune-devices-user.md", &intune),
            parse_page("user.md", &main),
        ];
        let schema = build(&pages);
        let user = schema.get("microsoft.graph.user").unwrap();
        assert_eq!(user.source.as_ref().unwrap().file, "user.md");
        let props: Vec<(&str, &str)> = user
            .properties
            .iter()
            .map(|p| (p.name.as_str(), p.ty.as_str()))
            .collect();
        assert_eq!(
            props,
            [
                ("id", "String"),
                ("aboutMe", "String"),
                ("deviceEnrollmentLimit", "Int32")
            ]
        );
        let diags: Vec<(Code, &str, u32)> = schema
            .diagnostics
            .iter()
            .map(|d| (d.code, d.location.file.as_str(), d.location.line))
            .collect();
        assert_eq!(
            diags,
            [
                (Code::DuplicateType, "intune-devices-user.md", 1),
                (Code::DuplicateProperty, "intune-devices-user.md", 8),
            ]
        );
        assert!(schema.diagnostics[0]
            .message
            .contains("the 1 properties only this page lists are merged"));
    }

    #[test]
    fn intact_enums_are_not_repaired_from_unrelated_lists_or_sparse_values() {
        let resource = "<!-- {\"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.x\"} -->\n\n## Properties\n|Property|Type|Description|\n|-|-|-|\n|level|[s](s.md)|Supports `$filter` (`eq`, `ne`, `in`).|\n";
        let en = "# s enum type\n\n## Members\n|Member|Value|Description|\n|-|-|-|\n|low|0|a|\n|high|1|b|\n|unknownFutureValue|127|c|\n";
        let schema = build(&[parse_page("x.md", resource), parse_page("s.md", en)]);
        let s = schema.get("microsoft.graph.s").unwrap();
        let members: Vec<(&str, Option<i64>)> = s
            .members
            .iter()
            .map(|m| (m.name.as_str(), m.value))
            .collect();
        assert_eq!(
            members,
            [
                ("low", Some(0)),
                ("high", Some(1)),
                ("unknownFutureValue", Some(127))
            ]
        );
        assert!(schema
            .diagnostics
            .iter()
            .all(|d| d.code != Code::RepairedEnumMember));
    }

    #[test]
    fn a_shifted_value_given_twice_follows_the_row_order() {
        let ru = "# s enum type\n\n## Members\n|Элемент|Значение|Описание|\n|-|-|-|\n|none|0|a|\n|pending|1|b|\n|canceled|2|c|\n|active|4|d|\n|done|4|e|\n";
        let schema = build(&[parse_page("s.md", ru)]);
        let values: Vec<Option<i64>> = schema
            .get("microsoft.graph.s")
            .unwrap()
            .members
            .iter()
            .map(|m| m.value)
            .collect();
        assert_eq!(values, [Some(0), Some(1), Some(2), Some(3), Some(4)]);
    }
}
