//! Structural inference: facts the pages do not state but their structure proves. Each one is
//! flagged where it is made (`inferred-*`, info).
//!
//! - A resource that states no base and has a key (`keyProperty`), or an `id` row and a Methods
//!   table (rows linking API pages), derives from `entity` (`inferred-base`). A key on a type
//!   with no Methods table that only property rows hold, by value, is not believed: it is a
//!   complex type (`inferred-kind`).
//! - A type that only relationship rows ever point to is an entity (`inferred-kind`); with no
//!   stated base, it derives from `entity` (`inferred-base`).
//! - An inheritance sentence naming a more specific base than an annotation that says only
//!   `entity` wins, when the sentence's type itself derives from `entity` (`base-mismatch`).
//! - A row whose description ends with a link to an ancestor's page is inherited from it; an
//!   ancestor whose page lacks the row gets it (`inferred-inherited`).
//! - A `String` property whose possible values are a documented enum's members is typed with
//!   that enum (`inferred-enum-type`).
//!
//! No base is inferred for a type whose page says `"baseType": null`, and `entity` is only
//! inferred as a base when the input defines or reconstructs it: a subset of pages without the
//! `entity` page gets no invented root type, only the kind.

use super::inheritance::Chains;
use super::{PagesByType, SchemaBuilder};
use crate::diag::{Code, Location};
use crate::parse::{Page, PropertyRow};
use crate::primitive::Primitive;
use crate::schema::{Kind, Member, Origin, Property, QualifiedName, TypeRef};
use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};
use std::collections::{BTreeMap, BTreeSet};

/// The root of every entity type.
pub(super) const ENTITY: &str = "microsoft.graph.entity";

/// The steps a walk up the bases takes before it remembers the types it has passed: more than
/// any real chain has (deeper ones are cut at [`super::MAX_INHERITANCE_DEPTH`] later).
const SHORT_WALK: usize = 16;

/// A base named by an inheritance sentence that the annotation overrode with `entity`.
pub(super) struct SentenceBase {
    /// The type the sentence names.
    pub(super) named: QualifiedName,
    /// The sentence.
    pub(super) at: Location,
}

/// A `String` row with a list of backticked possible values: perhaps a documented enum.
pub(super) struct StringValues {
    /// The type that declares the row.
    pub(super) owner: QualifiedName,
    /// The property name.
    pub(super) property: String,
    /// The possible values (query syntax left out), in order.
    pub(super) values: Vec<String>,
    /// The row.
    pub(super) at: Location,
}

/// A row whose description ends with a link to a page: inherited from that page's type when
/// it is an ancestor.
pub(super) struct RowMark {
    /// The type that declares the row.
    pub(super) owner: QualifiedName,
    /// The property name.
    pub(super) property: String,
    /// The page the description's last link points to.
    pub(super) stem: String,
    /// The row.
    pub(super) at: Location,
}

/// The page stem a row's description ends with a link to, if it does (`… Inherited from
/// [mobileApp](intune-shared-mobileapp.md).`, in any language).
pub(super) fn ending_link(row: &PropertyRow) -> Option<&str> {
    let last = row.description_links.last()?;
    let text = last.text.trim();
    let description = row
        .description
        .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '.' | ';' | '。'));
    (!text.is_empty() && description.ends_with(text))
        .then(|| last.target.stem())
        .flatten()
}

/// What the pages of one type show, beyond its draft.
#[derive(Default, Clone, Copy)]
pub(super) struct PageFacts {
    /// A page's annotation says `"baseType": null`: no base, on purpose.
    pub(super) no_base: bool,
    /// A page has a Methods table (rows linking API pages).
    methods: bool,
}

/// The [`PageFacts`] of every type defined by `pages`.
fn page_facts(type_pages: &PagesByType) -> HashMap<QualifiedName, PageFacts> {
    let mut facts = HashMap::new();
    for (q, pages) in type_pages {
        facts.insert(
            q.clone(),
            PageFacts {
                no_base: pages.iter().any(|p| says_no_base(p)),
                methods: pages.iter().any(|p| !p.methods.is_empty()),
            },
        );
    }
    facts
}

/// How the rows of the pages use a type.
#[derive(Default, Clone, Copy)]
struct Uses {
    /// Relationship rows typed with it.
    relationships: usize,
    /// Other rows (properties, JSON-only keys) typed with it.
    values: usize,
}

impl SchemaBuilder {
    /// Runs the inference rules, in order, on the types read from the pages (`type_pages`: the
    /// pages of each type).
    pub(super) fn infer(&mut self, type_pages: &PagesByType) {
        let by_type = page_facts(type_pages);
        let uses = self.uses_by_type();
        self.infer_entity_bases(&by_type, &uses);
        self.infer_relationship_targets(&by_type, &uses);
        self.settle_sentence_bases();
        self.infer_enum_types();
        self.infer_linked_bases(type_pages, &by_type);
    }

    /// True when the input has an `entity` that can be a base (defined or reconstructed).
    fn has_entity(&self) -> bool {
        self.drafts
            .get(ENTITY)
            .is_some_and(|d| d.def.kind != Kind::Enum)
    }

    /// How many relationship rows and other rows are typed with each type (a hash map: a
    /// row's type is looked up once per row, and the map walked in name order only once).
    fn uses_by_type(&self) -> HashMap<QualifiedName, Uses> {
        let mut uses: HashMap<QualifiedName, Uses> = HashMap::new();
        for d in self.drafts.values() {
            for p in &d.def.properties {
                if let Some(target) = p.ty.as_named() {
                    // Most types are used many times: the name is copied only for the first.
                    let u = match uses.get_mut(target) {
                        Some(u) => u,
                        None => uses.entry(target.clone()).or_default(),
                    };
                    if p.navigation {
                        u.relationships += 1;
                    } else {
                        u.values += 1;
                    }
                }
            }
        }
        uses
    }

    /// Rule: a resource with no stated base and a key, or an `id` row and a Methods table, is
    /// an entity and derives from `entity`. A key on a type with no Methods table that only
    /// property rows hold (by value, never as a relationship) is not believed: it stays a
    /// complex type.
    fn infer_entity_bases(
        &mut self,
        by_type: &HashMap<QualifiedName, PageFacts>,
        uses: &HashMap<QualifiedName, Uses>,
    ) {
        let entity = self.has_entity();
        for (q, d) in self.drafts.iter_mut() {
            if q == ENTITY
                || d.def.base.is_some()
                || d.def.kind == Kind::Enum
                || d.def.origin != Origin::Page
            {
                continue;
            }
            let facts = by_type.get(q).copied().unwrap_or_default();
            let at = d.def.source.clone().unwrap_or_default();
            let u = uses.get(q).copied().unwrap_or_default();
            if d.keyed && !facts.methods && u.values > 0 && u.relationships == 0 {
                d.keyed = false;
                let message = format!("`{q}` has a key (`keyProperty`) but no Methods table, and only property rows ({}) hold it, by value: it is a complex type", u.values);
                self.diags.push(Code::InferredKind, at, message);
                continue;
            }
            let has_id = d.def.properties.iter().any(|p| p.name == "id");
            let evidence = if d.keyed {
                "a key (`keyProperty`)"
            } else if has_id && facts.methods {
                "an `id` row and a Methods table"
            } else {
                continue;
            };
            d.def.kind = Kind::Entity;
            if entity && !facts.no_base {
                d.def.base = QualifiedName::parse(ENTITY);
                self.inferred_entity.insert(q.clone());
                let message = format!("`{q}` states no base and has {evidence}: it derives from `{ENTITY}`, like every entity type");
                self.diags.push(Code::InferredBase, at, message);
            } else if !d.keyed {
                let message = format!("`{q}` has {evidence}: it is an entity type");
                self.diags.push(Code::InferredKind, at, message);
            }
        }
    }

    /// Rule: a complex type that only relationship rows point to is an entity; with no stated
    /// base it derives from `entity`.
    fn infer_relationship_targets(
        &mut self,
        by_type: &HashMap<QualifiedName, PageFacts>,
        uses: &HashMap<QualifiedName, Uses>,
    ) {
        let entity = self.has_entity();
        // The types only relationship rows point to, in name order: a base given here counts
        // when a type derived from it is asked later.
        let mut only_related: Vec<(&QualifiedName, &Uses)> = (uses.iter())
            .filter(|(_, u)| u.relationships > 0 && u.values == 0)
            .collect();
        only_related.sort_unstable_by(|a, b| a.0.cmp(b.0));
        for (q, u) in only_related {
            let relationships = u.relationships;
            // A type deriving from `entity` is an entity already.
            if q == ENTITY || self.derives_from_entity(q) {
                continue;
            }
            let Some(d) = self.drafts.get_mut(q) else {
                continue;
            };
            if d.def.kind != Kind::Complex {
                continue;
            }
            let at = d.def.source.clone().unwrap_or_default();
            d.def.kind = Kind::Entity;
            let message = format!(
                "only relationship rows ({relationships}) point to `{q}`: it is an entity type"
            );
            self.diags.push(Code::InferredKind, at.clone(), message);
            let no_base = by_type.get(q).is_some_and(|f| f.no_base);
            if entity && d.def.base.is_none() && !no_base {
                d.def.base = QualifiedName::parse(ENTITY);
                self.inferred_entity.insert(q.clone());
                let message = format!("`{q}` states no base and only relationship rows point to it: it derives from `{ENTITY}`, like every entity type");
                self.diags.push(Code::InferredBase, at, message);
            }
        }
    }

    /// Settles the inheritance sentences that name another base than an annotation saying
    /// `entity`: the sentence wins when its type derives from `entity` (it is the more specific
    /// base), else the annotation (`base-mismatch` either way).
    fn settle_sentence_bases(&mut self) {
        for (q, s) in std::mem::take(&mut self.sentence_bases) {
            let annotated = self.drafts.get(&q).and_then(|d| d.def.base.clone());
            let Some(annotated) = annotated else {
                continue;
            };
            let specific = annotated == ENTITY
                && s.named != ENTITY
                && self.derives_from_entity(&s.named)
                && !self.derives_from(&s.named, &q);
            let message = if specific {
                if let Some(d) = self.drafts.get_mut(&q) {
                    d.def.base = Some(s.named.clone());
                }
                format!("the inheritance sentence names `{}`, the annotation's baseType `{annotated}`; `{}` derives from `{ENTITY}` and is more specific: the sentence wins", s.named, s.named)
            } else {
                format!("the inheritance sentence names `{}`, the annotation's baseType `{annotated}`; the annotation wins", s.named)
            };
            self.diags.push(Code::BaseMismatch, s.at, message);
        }
    }

    /// Rule: a row whose description ends with a link to an ancestor's page is inherited from
    /// that ancestor, whatever the words around the link. Rows the ancestor (or its own
    /// ancestors) declares are inherited already; a row it lacks is added to it when at least
    /// half of its descendants mark it so (its page is behind theirs), and otherwise left to
    /// the type (one page's stray link must not give every descendant a property). Runs once
    /// bases are settled, before properties are attributed.
    pub(super) fn lift_marked_rows(&mut self, chains: &Chains) {
        // (ancestor, property) → the types marking it, and the first mark.
        let mut marked: BTreeMap<(QualifiedName, String), (BTreeSet<QualifiedName>, RowMark)> =
            BTreeMap::new();
        for mark in std::mem::take(&mut self.row_marks) {
            let Some(ancestor) = self.by_stem.get(&mark.stem).cloned() else {
                continue;
            };
            if ancestor == mark.owner
                || !self.derives_from(&mark.owner, &ancestor)
                || self.lineage_declares(&ancestor, &mark.property)
            {
                continue;
            }
            let owner = mark.owner.clone();
            marked
                .entry((ancestor, mark.property.clone()))
                .or_insert_with(|| (BTreeSet::new(), mark))
                .0
                .insert(owner);
        }
        for ((ancestor, property), (owners, mark)) in marked {
            let descendants = chains.descendant_count(&ancestor).unwrap_or_else(|| {
                (self.drafts.keys())
                    .filter(|q| **q != ancestor && self.derives_from(q, &ancestor))
                    .count()
            });
            if owners.len() * 2 < descendants {
                continue;
            }
            let Some(row) = self.drafts.get(&mark.owner).and_then(|d| {
                d.def
                    .properties
                    .iter()
                    .find(|p| p.name == property)
                    .cloned()
            }) else {
                continue;
            };
            let Some(a) = self.drafts.get_mut(&ancestor) else {
                continue;
            };
            a.def.properties.push(Property {
                declared_by: ancestor.clone(),
                ..row
            });
            let message = format!("`{property}` ends with a link to the page of `{ancestor}`, an ancestor that does not list it, on {} of its {descendants} derived types: inherited from `{ancestor}`", owners.len());
            self.diags.push(Code::InferredInherited, mark.at, message);
        }
    }

    /// True when `q` or one of its ancestors declares a property `name` (before properties are
    /// attributed, each draft holds only its own).
    fn lineage_declares(&self, q: &QualifiedName, name: &str) -> bool {
        let mut seen: HashSet<&QualifiedName> = HashSet::new();
        let mut current = Some(q);
        while let Some(c) = current {
            if !seen.insert(c) {
                return false;
            }
            let Some(d) = self.drafts.get(c) else {
                return false;
            };
            if d.def.properties.iter().any(|p| p.name == name) {
                return true;
            }
            current = d.def.base.as_ref();
        }
        false
    }

    /// True when `q` has `entity` among its ancestors.
    pub(super) fn derives_from_entity(&self, q: &QualifiedName) -> bool {
        q != ENTITY && self.derives_where(q, |c| c == ENTITY)
    }

    /// True when `ancestor` is `q` or one of its ancestors (walking the drafts' bases).
    pub(super) fn derives_from(&self, q: &QualifiedName, ancestor: &QualifiedName) -> bool {
        self.derives_where(q, |c| c == ancestor)
    }

    /// True when `q` or one of its ancestors (walking the drafts' bases) is the one
    /// `is_ancestor` accepts. The first [`SHORT_WALK`] steps remember nothing: a cycle within
    /// them only asks types again that were already refused. A longer walk (most likely a
    /// cycle) is walked again, stopping at the first type seen twice.
    fn derives_where(
        &self,
        q: &QualifiedName,
        is_ancestor: impl Fn(&QualifiedName) -> bool,
    ) -> bool {
        let mut current = Some(q);
        for _ in 0..SHORT_WALK {
            match current {
                Some(c) if is_ancestor(c) => return true,
                Some(c) => current = self.drafts.get(c).and_then(|d| d.def.base.as_ref()),
                None => return false,
            }
        }
        let mut seen: HashSet<&QualifiedName> = HashSet::new();
        let mut current = Some(q);
        while let Some(c) = current {
            if is_ancestor(c) {
                return true;
            }
            if !seen.insert(c) {
                return false;
            }
            current = self.drafts.get(c).and_then(|d| d.def.base.as_ref());
        }
        false
    }

    /// Rule: a `String` row whose possible values are exactly the members of one documented
    /// enum is typed with that enum.
    fn infer_enum_types(&mut self) {
        // Member set → the documented enums that have exactly those members.
        // Only an enum whose members are all among the rows' values can have a row's set: one
        // member outside them (in lowercase) leaves the enum out before its set is built.
        let listed: HashSet<String> = (self.string_values.iter())
            .flat_map(|sv| sv.values.iter().map(|v| v.to_ascii_lowercase()))
            .collect();
        let mut lower = String::new();
        let mut may_match = |members: &[Member]| {
            members.iter().all(|m| {
                lower.clear();
                lower.push_str(&m.name);
                lower.make_ascii_lowercase();
                lower == "unknownfuturevalue" || listed.contains(&lower)
            })
        };
        let mut by_members: BTreeMap<BTreeSet<String>, Vec<QualifiedName>> = BTreeMap::new();
        for (q, d) in self.drafts.iter() {
            if d.def.kind == Kind::Enum && d.def.origin == Origin::Page && may_match(&d.def.members)
            {
                let names = value_set(d.def.members.iter().map(|m| m.name.as_str()));
                if names.len() > 1 {
                    by_members.entry(names).or_default().push(q.clone());
                }
            }
        }
        // Whether some row of `owner` is typed with `enum_q` by the docs themselves (asked only
        // of the few rows whose values are an enum's members).
        let typed = |owner: &QualifiedName, enum_q: &QualifiedName| {
            (self.drafts.get(owner)).is_some_and(|d| {
                d.def
                    .properties
                    .iter()
                    .any(|p| p.ty.as_named() == Some(enum_q))
            })
        };
        let mut retyped: Vec<(StringValues, QualifiedName)> = Vec::new();
        for sv in std::mem::take(&mut self.string_values) {
            let values = value_set(sv.values.iter().map(String::as_str));
            let Some(candidates) = by_members.get(&values) else {
                continue;
            };
            let Some(enum_q) = pick_enum(candidates, &sv) else {
                continue;
            };
            // A row naming the values of a sibling typed with the enum (`value`: "if
            // **source** is `entityUrl` …") is not that enum.
            if !typed(&sv.owner, enum_q) {
                retyped.push((sv, enum_q.clone()));
            }
        }
        for (sv, enum_q) in retyped {
            let Some(owner) = self.drafts.get_mut(&sv.owner) else {
                continue;
            };
            let enum_ty = TypeRef::Named(enum_q.clone());
            let string = TypeRef::Primitive(Primitive::String);
            let Some(p) = owner
                .def
                .properties
                .iter_mut()
                .find(|p| p.name == sv.property && p.ty == string)
            else {
                continue;
            };
            p.ty = enum_ty;
            let message = format!("`{}` is typed `String`, and its possible values are the members of `{enum_q}`: typed with that enum", sv.property);
            self.diags.push(Code::InferredEnumType, sv.at, message);
        }
    }
}

/// A list of enum values as compared with another: each once, in lowercase (the docs re-case
/// member names freely), without `unknownFutureValue` (the sentinel of evolvable enums, which
/// descriptions routinely leave out).
fn value_set<'a>(values: impl Iterator<Item = &'a str>) -> BTreeSet<String> {
    values
        .map(str::to_ascii_lowercase)
        .filter(|v| v != "unknownfuturevalue")
        .collect()
}

/// The page's annotation says `"baseType": null`: the type has no base, on purpose.
fn says_no_base(page: &Page) -> bool {
    page.annotation
        .as_ref()
        .is_some_and(|a| matches!(a.base_type, Some(None)))
}

/// The enum a value list stands for among `candidates` (all with exactly its members): the only
/// one, else the only one in the row's namespace whose name ends with the property name (any
/// case).
fn pick_enum<'a>(candidates: &'a [QualifiedName], sv: &StringValues) -> Option<&'a QualifiedName> {
    if let [only] = candidates {
        return Some(only);
    }
    let property = sv.property.to_ascii_lowercase();
    let mut named = candidates.iter().filter(|c| {
        c.namespace() == sv.owner.namespace() && c.name().to_ascii_lowercase().ends_with(&property)
    });
    match (named.next(), named.next()) {
        (Some(one), None) => Some(one),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use crate::diag::Code;
    use crate::parse::{parse_page, Page};
    use crate::schema::{build, Kind, Schema};

    /// A resource page of `microsoft.graph.{name}`: `annotation` adds keys to the annotation,
    /// `intro` and `sections` go before the Properties table of `rows`.
    fn page(name: &str, annotation: &str, intro: &str, sections: &str, rows: &str) -> Page {
        let text = format!("# {name}\n\n{intro}\n\n{sections}\n\n## Properties\n|Property|Type|Description|\n|-|-|-|\n{rows}\n## JSON representation\n<!-- {{\"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.{name}\"{annotation}}} -->\n");
        parse_page(&format!("{}.md", name.to_ascii_lowercase()), &text)
    }

    fn entity() -> Page {
        page(
            "entity",
            ", \"keyProperty\": \"id\"",
            "",
            "",
            "|id|String|x|\n",
        )
    }

    const METHODS: &str = "## Methods\n|Method|Return type|Description|\n|-|-|-|\n|[Get](../api/thing-get.md)|[thing](thing.md)|x|\n";

    fn base_and_kind(schema: &Schema, name: &str) -> (Option<String>, Kind) {
        let t = schema.get(&format!("microsoft.graph.{name}")).unwrap();
        (t.base.as_ref().map(|b| b.name().to_owned()), t.kind)
    }

    fn count(schema: &Schema, code: Code) -> usize {
        schema.diagnostics.iter().filter(|d| d.code == code).count()
    }

    #[test]
    fn keys_and_id_rows_with_methods_make_entities_deriving_from_entity() {
        let key = ", \"keyProperty\": \"id\"";
        let pages = [
            entity(),
            page("keyed", key, "", "", "|name|String|x|\n"),
            page("thing", "", "", METHODS, "|id|String|x|\n"),
            page("plain", "", "", "", "|id|String|x|\n"),
            page("root", &format!("{key}, \"baseType\": null"), "", "", ""),
        ];
        let schema = build(&pages);
        let entity = Some("entity".to_owned());
        assert_eq!(
            base_and_kind(&schema, "keyed"),
            (entity.clone(), Kind::Entity)
        );
        assert_eq!(base_and_kind(&schema, "thing"), (entity, Kind::Entity));
        assert_eq!(base_and_kind(&schema, "plain"), (None, Kind::Complex));
        assert_eq!(base_and_kind(&schema, "root"), (None, Kind::Entity));
        assert_eq!(count(&schema, Code::InferredBase), 2);
        let thing = schema.get("microsoft.graph.thing").unwrap();
        assert!(thing.properties[0].inherited, "`id` is entity's");
        // Without the `entity` page no root type is invented: the kind only.
        let schema = build(&pages[1..3]);
        assert_eq!(base_and_kind(&schema, "keyed"), (None, Kind::Entity));
        assert_eq!(base_and_kind(&schema, "thing"), (None, Kind::Entity));
        assert_eq!(count(&schema, Code::InferredBase), 0);
        assert_eq!(count(&schema, Code::InferredKind), 1);
    }

    #[test]
    fn relationship_targets_are_entities_and_keys_held_by_value_are_not() {
        let key = ", \"keyProperty\": \"id\"";
        let holder = "|value|[held](held.md)|x|\n|both|[mixed](mixed.md)|x|\n\n## Relationships\n|Relationship|Type|Description|\n|-|-|-|\n|target|[target](target.md) collection|x|\n|mixed|[mixed](mixed.md)|x|\n";
        let pages = [
            entity(),
            page("holder", key, "", METHODS, holder),
            page("held", key, "", "", "|id|String|x|\n"),
            page("target", "", "", "", "|name|String|x|\n"),
            page("mixed", "", "", "", "|name|String|x|\n"),
        ];
        let schema = build(&pages);
        let entity = Some("entity".to_owned());
        assert_eq!(base_and_kind(&schema, "target"), (entity, Kind::Entity));
        assert_eq!(base_and_kind(&schema, "mixed"), (None, Kind::Complex));
        assert_eq!(base_and_kind(&schema, "held"), (None, Kind::Complex));
        assert_eq!(count(&schema, Code::InferredKind), 2, "target and held");
    }

    #[test]
    fn a_more_specific_sentence_base_wins_over_an_annotation_saying_entity() {
        let as_entity = ", \"baseType\": \"microsoft.graph.entity\"";
        let sentence = |base: &str| format!("Inherits from [{base}]({base}.md).");
        let pages = [
            entity(),
            page(
                "outlookItem",
                ", \"keyProperty\": \"id\"",
                "",
                "",
                "|changeKey|String|x|\n",
            ),
            page("contact", as_entity, &sentence("outlookItem"), "", ""),
            page("address", "", "", "", "|city|String|x|\n"),
            page("place", as_entity, &sentence("address"), "", ""),
        ];
        let schema = build(&pages);
        assert_eq!(
            base_and_kind(&schema, "contact").0.as_deref(),
            Some("outlookItem")
        );
        assert_eq!(base_and_kind(&schema, "place").0.as_deref(), Some("entity"));
        let decision = |file: &str| {
            schema
                .diagnostics
                .iter()
                .find(|d| d.code == Code::BaseMismatch && *d.location.file == *file)
                .map(|d| d.message.rsplit("; ").next().unwrap_or("").to_owned())
        };
        assert_eq!(
            decision("contact.md").as_deref(),
            Some("`microsoft.graph.outlookItem` derives from `microsoft.graph.entity` and is more specific: the sentence wins")
        );
        assert_eq!(decision("place.md").as_deref(), Some("the annotation wins"));
    }

    #[test]
    fn rows_ending_with_a_link_to_an_ancestor_are_inherited_from_it() {
        let rows = "|own|String|x|\n|shared|Int32|Описание. Унаследовано от [mobileApp](mobileapp.md)|\n|id|String|Inherited from [mobileApp](mobileapp.md).|\n";
        let pages = [
            page("mobileApp", "", "", "", "|id|String|x|\n"),
            page(
                "webApp",
                ", \"baseType\": \"microsoft.graph.mobileApp\"",
                "",
                "",
                rows,
            ),
        ];
        let schema = build(&pages);
        let app = schema.get("microsoft.graph.mobileApp").unwrap();
        let names: Vec<&str> = app.properties.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["id", "shared"]);
        let web = schema.get("microsoft.graph.webApp").unwrap();
        let own: Vec<&str> = web.own_properties().map(|p| p.name.as_str()).collect();
        assert_eq!(own, ["own"]);
        assert_eq!(count(&schema, Code::InferredInherited), 1);
        // One derived page of three marking it is no evidence about the ancestor.
        let other = |name: &str| {
            page(
                name,
                ", \"baseType\": \"microsoft.graph.mobileApp\"",
                "",
                "",
                "",
            )
        };
        let more = [
            pages[0].clone(),
            pages[1].clone(),
            other("iosApp"),
            other("macApp"),
        ];
        let schema = build(&more);
        let app = schema.get("microsoft.graph.mobileApp").unwrap();
        assert_eq!(app.properties.len(), 1);
        let web = schema.get("microsoft.graph.webApp").unwrap();
        let own: Vec<&str> = web.own_properties().map(|p| p.name.as_str()).collect();
        assert_eq!(own, ["own", "shared"]);
        assert_eq!(count(&schema, Code::InferredInherited), 0);
    }

    #[test]
    fn string_rows_listing_an_enums_members_are_typed_with_it() {
        let level = "# level enum type\n\n## Members\n|Member|Value|Description|\n|-|-|-|\n|low|0|a|\n|High|1|b|\n|unknownFutureValue|2|c|\n";
        let rows = "|level|String|Possible values: `low`, `high`.|\n|other|String|`low`, `medium`.|\n|mode|[level](level.md)|x|\n|note|String|If **mode** is `low` or `high`, …|\n";
        let schema = build(&[
            parse_page("level.md", level),
            page("setting", "", "", "", rows),
        ]);
        let t = schema.get("microsoft.graph.setting").unwrap();
        let types: Vec<(&str, &str)> = t
            .properties
            .iter()
            .map(|p| (p.name.as_str(), p.ty.as_str()))
            .collect();
        assert_eq!(
            types,
            [
                ("level", "String"),
                ("other", "String"),
                ("mode", "microsoft.graph.level"),
                ("note", "String")
            ],
            "a sibling is typed with the enum: its values are that sibling's"
        );
        let rows =
            "|level|String|Possible values: `low`, `high`.|\n|other|String|`low`, `medium`.|\n";
        let schema = build(&[
            parse_page("level.md", level),
            page("setting", "", "", "", rows),
        ]);
        let t = schema.get("microsoft.graph.setting").unwrap();
        assert_eq!(t.properties[0].ty, "microsoft.graph.level");
        assert_eq!(t.properties[1].ty, "String");
        assert_eq!(count(&schema, Code::InferredEnumType), 1);
        // Members in another case, the sentinel first: still the row's values.
        let priority = "# priority enum type\n\n## Members\n|Member|Value|Description|\n|-|-|-|\n|unknownFutureValue|0|c|\n|LOW|1|a|\n|High|2|b|\n";
        let rows = "|priority|String|Possible values: `low`, `high`.|\n|other|String|`high`, `low`, `none`.|\n";
        let schema = build(&[
            parse_page("priority.md", priority),
            page("setting", "", "", "", rows),
        ]);
        let t = schema.get("microsoft.graph.setting").unwrap();
        assert_eq!(t.properties[0].ty, "microsoft.graph.priority");
        assert_eq!(t.properties[1].ty, "String");
    }
}
