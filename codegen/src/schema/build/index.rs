//! Naming and indexing the types the pages declare, and resolving the references between pages
//! (links, plain type names, property rows) to them; a reference no page answers is noted as a
//! missing type, to be reconstructed later.

use super::{namespace_of, split_qualified, Draft, Missing, SchemaBuilder, DEFAULT_NAMESPACE};
use crate::diag::{Code, Location};
use crate::docs_text::is_identifier;
use crate::parse::page::identifier_matching;
use crate::parse::{JsonValue, Page, PageClass, PropertyRow, Target, TypeSpec};
use crate::primitive::Primitive;
use crate::schema::{Kind, Origin, QualifiedName, TypeDef, TypeRef};
use std::collections::BTreeSet;

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

/// An enum definition with no members yet.
fn enum_def(name: &str, ns: &str, description: String, source: Location) -> TypeDef {
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

impl SchemaBuilder {
    /// Names every type the pages declare and indexes how other pages can reach it.
    pub(super) fn index(&mut self, pages: &[&Page]) {
        // About a type per page, each page linked to: the indexes are sized once rather than
        // grown (and rehashed) a dozen times.
        self.link_names.reserve(pages.len());
        self.by_stem.reserve(pages.len());
        self.by_simple.reserve(pages.len());
        self.drafts.reserve(pages.len());
        self.collect_link_names(pages);
        for page in pages {
            let ns = namespace_of(page);
            match page.class {
                PageClass::Resource => {
                    if !self.declare_resource(page, &ns) {
                        continue;
                    }
                }
                PageClass::Enum => self.declare_enum_page(page, &ns),
                PageClass::MultiEnum => {}
                PageClass::Other => {
                    let message = "no resource annotation, property table or members table: the page declares no type; skipped";
                    self.diags
                        .push(Code::NotATypePage, Location::file(&page.path), message);
                }
            }
            self.declare_value_sections(page, &ns);
        }
    }

    /// Records the identifier texts of the links to each page (type cells and inheritance
    /// sentences), which can name the type of a page whose own title is translated.
    fn collect_link_names(&mut self, pages: &[&Page]) {
        for page in pages {
            for row in &page.properties {
                if let TypeSpec::Link {
                    target: Target::Page { stem, .. },
                    text,
                } = &row.ty.spec
                {
                    self.note_link_name(stem, text.trim());
                }
            }
            if let Some(base) = &page.base_link {
                if let Some(stem) = base.target.stem() {
                    self.note_link_name(stem, base.text.trim());
                }
            }
        }
    }

    /// Adds `text`, when it is an identifier, to the link texts of page `stem`. Most pages are
    /// linked many times with one text: the stem and the text are copied only when new.
    fn note_link_name(&mut self, stem: &str, text: &str) {
        if !is_identifier(text) {
            return;
        }
        match self.link_names.get_mut(stem) {
            Some(names) => {
                if !names.contains(text) {
                    names.insert(text.to_owned());
                }
            }
            None => {
                let names = BTreeSet::from([text.to_owned()]);
                self.link_names.insert(stem.to_owned(), names);
            }
        }
    }

    /// Declares the type of a resource page, named by its `@odata.type`. False when the page
    /// names none: it is skipped, with its value sections.
    fn declare_resource(&mut self, page: &Page, ns: &str) -> bool {
        let annotated = page.annotation.as_ref().and_then(|a| a.odata_type.clone());
        let from_json = page
            .json
            .as_ref()
            .and_then(|j| j.object.get("@odata.type"))
            .and_then(JsonValue::as_str)
            .map(|s| s.trim_start_matches('#').to_owned());
        let Some(q) = annotated.or(from_json) else {
            let message = "the page has property tables but no `@odata.type` in an annotation or JSON block; skipped";
            self.diags
                .push(Code::NotATypePage, Location::file(&page.path), message);
            return false;
        };
        let (tns, name) = split_qualified(&q, ns);
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
            source: Some(page.at(line, 1)),
            properties: Vec::new(),
            members: Vec::new(),
        };
        let keyed = page
            .annotation
            .as_ref()
            .is_some_and(|a| a.key_property.is_some());
        self.declare(page, def, Some(page.stem.clone()), keyed);
        true
    }

    /// Declares the enum of an enum page (its unnamed members table).
    fn declare_enum_page(&mut self, page: &Page, ns: &str) {
        let name = self.enum_page_name(page);
        let table = page
            .enums
            .iter()
            .find(|e| e.name.is_none())
            .expect("classified as enum");
        let def = enum_def(&name, ns, page.description.clone(), page.at(table.line, 1));
        self.declare(page, def, Some(page.stem.clone()), false);
    }

    /// Declares the enums of named `### x values` sections (multi-enum pages and inline enums).
    fn declare_value_sections(&mut self, page: &Page, ns: &str) {
        for table in page.enums.iter().filter(|e| e.name.is_some()) {
            let name = table.name.clone().unwrap_or_default();
            let def = enum_def(&name, ns, String::new(), page.at(table.line, 1));
            let q = def.qualified_name();
            self.by_anchor
                .insert((page.stem.clone(), table.key.clone()), q.clone());
            if !self.drafts.contains_key(&q) {
                self.declare(page, def, None, false);
            }
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
            .chain(page.front_matter.title.clone());
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

    /// Adds a definition to the drafts and indexes; `stem` is the page whose links mean it.
    /// A second definition of a type is ignored (`duplicate-type`), unless both are resource
    /// pages: partial pages of one type, merged later.
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
                        self.secondary.insert(old.file.to_string());
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
            let at = def
                .source
                .clone()
                .unwrap_or_else(|| Location::file(&page.path));
            let message =
                format!("`{q}` is already defined at {first}; this definition is ignored");
            self.diags.push(Code::DuplicateType, at, message);
            return;
        }
        self.by_simple
            .entry(def.name.to_ascii_lowercase())
            .or_default()
            .push(q.clone());
        self.drafts.insert(
            q,
            Box::new(Draft {
                def,
                keyed,
                canonical,
            }),
        );
    }

    /// The qualified name a link target stands for; records a missing type when no page has it.
    pub(super) fn resolve_target(
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
                let name = self.name_of_absent_page(stem, text, hint);
                Some(self.note_missing(&name, page, Some(stem.clone()), at))
            }
            Target::External(_) => None,
        }
    }

    /// The name of the type a link to the absent page `stem` stands for, by the most
    /// trustworthy evidence: the `@odata.type` the JSON block shows for the property, an ASCII
    /// (possibly qualified) name in the link text, another page's link text, all only when the
    /// stem ends with them; else the stem's last segment.
    fn name_of_absent_page(&self, stem: &str, text: &str, hint: Option<&str>) -> String {
        if let Some(h) = hint.filter(|h| names_stem(h, stem)) {
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
        }
    }

    /// The first type of this simple name (any case), if any.
    fn lookup_simple(&self, name: &str) -> Option<QualifiedName> {
        self.by_simple
            .get(&name.to_ascii_lowercase())
            .and_then(|v| v.first().cloned())
    }

    /// The qualified name of `name` (in the page's namespace unless qualified); when no page
    /// defines it, records it as missing, first seen `at`, with the page `stem` links name.
    pub(super) fn note_missing(
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

    /// The schema type of a property row (at `at`); `hint` is the `@odata.type` its JSON value
    /// shows.
    pub(super) fn resolve_row(
        &mut self,
        page: &Page,
        row: &PropertyRow,
        hint: Option<&str>,
        at: &Location,
    ) -> TypeRef {
        match &row.ty.spec {
            TypeSpec::Primitive(p) => TypeRef::Primitive(*p),
            TypeSpec::Link { target, text } => {
                match self.resolve_target(page, target, text, hint, at) {
                    Some(q) => TypeRef::Named(q),
                    None => {
                        let message = format!(
                            "the type cell `{}` links outside the docs; typed as untyped JSON",
                            row.type_text
                        );
                        self.diags.push(Code::UnknownType, at.clone(), message);
                        TypeRef::Primitive(Primitive::Json)
                    }
                }
            }
            TypeSpec::Name(n) => TypeRef::Named(self.resolve_name(n, page, at)),
            TypeSpec::Unknown(text) => {
                // The `@odata.type` of the row's JSON placeholder, when it names a type of the
                // pages.
                let shown = hint
                    .and_then(QualifiedName::parse)
                    .filter(|q| self.drafts.contains_key(q));
                if let Some(q) = shown {
                    let message = format!("expected a primitive, a link to a type page or a type name in the type cell, found `{text}`; the JSON placeholder's `@odata.type` names `{q}`: typed with it");
                    self.diags.push(Code::UnknownType, at.clone(), message);
                    return TypeRef::Named(q);
                }
                let message = format!("expected a primitive, a link to a type page or a type name in the type cell, found `{text}`; typed as untyped JSON");
                self.diags.push(Code::UnknownType, at.clone(), message);
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
}
