//! Bases proved by the links of the intro and the rows of the two pages, for types whose pages
//! state none (or only the `entity` base inferred for every keyed type). A derived page names
//! its base in a sentence whose words the parser may not know, or in one too long to be read
//! as the inheritance sentence ("Used to create …, derived from [threatAssessmentRequest]…");
//! what it does show in any language is the link, and the rows it repeats:
//!
//! - the intro links the page of `T`, and the type repeats every row of `T` (same name, type
//!   and collection; `entity`'s rows aside when either derives from it) and has more: it
//!   derives from `T`;
//! - or the intro links `T`, and a paragraph of `T`'s intro links it among two or more pages
//!   that all link back to `T` (a base listing its derived types), with no row of the same
//!   name and another type on the two: it derives from `T`;
//! - or a paragraph of `T`'s intro links it among pages that each repeat every row of `T`,
//!   one at least with more ("a base type for … for example [bookingBusiness](…),
//!   [bookingService](…)"): it derives from `T`. When those are entities and `T`, stating no
//!   base, has `entity`'s rows, `T` derives from `entity` too;
//! - or `T` is abstract (`"abstract": true`) and a table of its page lists the type in a first
//!   cell (its "Derived types" table), with no row of the same name and another type: it
//!   derives from `T`.
//!
//! The link must not be a row's type (a page linking the type of one of its properties, or a
//! property of that type), nor close a cycle; a type deriving from `entity` only takes a base
//! that does too. Exactly one linked page must qualify (after dropping those that are
//! ancestors of another). Each base is reported as `inferred-base` (info).

use super::infer::{PageFacts, ENTITY};
use super::{PagesByType, SchemaBuilder};
use crate::diag::Code;
use crate::schema::{Kind, Origin, QualifiedName, TypeRef};
use foldhash::{HashMap, HashSet, HashSetExt};
use std::collections::{BTreeMap, BTreeSet};

/// The type pages the intro of each type links to, by paragraph (the line it starts at).
/// (Looked up only: the outer map's order is never seen.)
type IntroLinks = HashMap<QualifiedName, BTreeMap<u32, BTreeSet<QualifiedName>>>;

/// Why a linked type is the base.
#[derive(Clone, Copy)]
enum Evidence {
    /// The intro links it and repeats all its rows (how many).
    Repeated(usize),
    /// The intro links it, and its page lists the type among its derived types, which all link
    /// back (how many the paragraph links).
    Listed(usize),
    /// Its page lists the type among types that each repeat all its rows (how many the
    /// paragraph links, how many rows).
    Listing(usize, usize),
    /// It is abstract, and a table of its page lists the type in a first cell.
    Abstract,
}

/// A base found for a type.
struct Found {
    /// The base.
    base: QualifiedName,
    evidence: Evidence,
    /// The base has no base and `entity`'s rows, and its derived type is an entity: the base
    /// derives from `entity` as well.
    promote: bool,
}

impl SchemaBuilder {
    /// Rule: see the module documentation.
    pub(super) fn infer_linked_bases(
        &mut self,
        type_pages: &PagesByType,
        by_type: &HashMap<QualifiedName, PageFacts>,
    ) {
        let links = self.intro_links(type_pages);
        let entity_rows: HashSet<&str> = self
            .drafts
            .get(ENTITY)
            .map(|d| d.def.properties.iter().map(|p| p.name.as_str()).collect())
            .unwrap_or_default();
        let no_base = |q: &QualifiedName| by_type.get(q).is_some_and(|f| f.no_base);
        // The types each type's intro lists (in some paragraph), the other way round.
        let mut listed_by: HashMap<&QualifiedName, BTreeSet<&QualifiedName>> = HashMap::default();
        for (t, paragraphs) in &links {
            for x in paragraphs.values().flatten() {
                listed_by.entry(x).or_default().insert(t);
            }
        }
        // The types the tables of each abstract type's pages list in a first cell.
        let tabled = self.abstract_table_links(type_pages);
        for (t, listed) in &tabled {
            for x in listed {
                listed_by.entry(x).or_default().insert(t);
            }
        }
        let mut found: Vec<(QualifiedName, Found)> = Vec::new();
        for (q, d) in self.drafts.iter() {
            let stated = d.def.base.is_some() && !self.inferred_entity.contains(q);
            if q == ENTITY
                || stated
                || d.def.kind == Kind::Enum
                || d.def.origin != Origin::Page
                || no_base(q)
            {
                continue;
            }
            let linked = links.get(q).into_iter().flat_map(|p| p.values().flatten());
            let listing = listed_by.get(q).into_iter().flatten().copied();
            let mut candidates: Vec<(&QualifiedName, Found)> = Vec::new();
            for t in linked.chain(listing).collect::<BTreeSet<_>>() {
                let f = self
                    .linked_base(q, t, &links, &entity_rows, no_base(t))
                    .or_else(|| self.abstract_base(q, t, &tabled));
                if let Some(f) = f {
                    candidates.push((t, f));
                }
            }
            // A candidate that is an ancestor of another is implied by it.
            let kept: Vec<&(&QualifiedName, Found)> = candidates
                .iter()
                .filter(|(c, _)| {
                    !candidates
                        .iter()
                        .any(|(o, _)| o != c && self.derives_from(o, c))
                })
                .collect();
            if let [(_, f)] = kept[..] {
                let f = Found {
                    base: f.base.clone(),
                    ..*f
                };
                found.push((q.clone(), f));
            }
        }
        let based: HashSet<QualifiedName> = found.iter().map(|(q, _)| q.clone()).collect();
        for (q, f) in found {
            let t = f.base;
            // A base that gets a base of its own here is an entity through it.
            if f.promote && !based.contains(&t) {
                self.promote_to_entity(&t, &q);
            }
            let Some(d) = self.drafts.get_mut(&q) else {
                continue;
            };
            let at = d.def.source.clone().unwrap_or_default();
            let was = match d.def.base.replace(t.clone()) {
                Some(b) => format!("derives from `{b}` only by inference"),
                None => "states no base".to_owned(),
            };
            self.inferred_entity.remove(&q);
            let why = match f.evidence {
                Evidence::Repeated(n) => {
                    format!("its intro links the page of `{t}`, and it repeats every row of `{t}` ({n}) and has more")
                }
                Evidence::Listed(n) => format!(
                    "its intro links the page of `{t}`, and it is one of the {n} types the intro of `{t}` links, which all link back to it"
                ),
                Evidence::Abstract => format!(
                    "`{t}` is abstract, and a table of its page lists it"
                ),
                Evidence::Listing(n, rows) => format!(
                    "it is one of the {n} types a paragraph of the intro of `{t}` links, which all repeat every row of `{t}` ({rows}), some with more"
                ),
            };
            let message = format!("`{q}` {was}; {why}: it derives from `{t}`");
            self.diags.push(Code::InferredBase, at, message);
        }
    }

    /// Makes `t`, which has no base and `entity`'s rows, derive from `entity`: the base of an
    /// entity type (`derived`) is one.
    fn promote_to_entity(&mut self, t: &QualifiedName, derived: &QualifiedName) {
        let Some(d) = self.drafts.get_mut(t) else {
            return;
        };
        if d.def.base.is_some() {
            return;
        }
        d.def.base = QualifiedName::parse(ENTITY);
        self.inferred_entity.insert(t.clone());
        let at = d.def.source.clone().unwrap_or_default();
        let message = format!("`{t}` states no base, has every row of `{ENTITY}`, and the entity type `{derived}` derives from it: it derives from `{ENTITY}`, like every entity type");
        self.diags.push(Code::InferredBase, at, message);
    }

    /// The types of the pages the tables of each abstract type's pages link in a first cell.
    fn abstract_table_links(
        &self,
        type_pages: &PagesByType,
    ) -> HashMap<QualifiedName, BTreeSet<QualifiedName>> {
        let mut out: HashMap<QualifiedName, BTreeSet<QualifiedName>> = HashMap::default();
        for (q, pages) in type_pages {
            if !self.drafts.get(q).is_some_and(|d| d.def.is_abstract) {
                continue;
            }
            for link in pages.iter().flat_map(|p| &p.table_links) {
                let Some(t) = link.target.stem().and_then(|s| self.by_stem.get(s)) else {
                    continue;
                };
                if t != q && self.is_structured(t) {
                    out.entry(q.clone()).or_default().insert(t.clone());
                }
            }
        }
        out
    }

    /// `t` as the base of `q` when `t` is abstract and a table of its page lists `q`: an
    /// abstract type's page lists its derived types. Not when one has a row typed with the
    /// other, a row of the same name and another type, or `t` derives from `q`; a type deriving
    /// from `entity` only takes a base that does too.
    fn abstract_base(
        &self,
        q: &QualifiedName,
        t: &QualifiedName,
        tabled: &HashMap<QualifiedName, BTreeSet<QualifiedName>>,
    ) -> Option<Found> {
        if !tabled.get(t).is_some_and(|listed| listed.contains(q))
            || t == ENTITY
            || self.derives_from(t, q)
            || self.has_row_typed(q, t)
            || self.has_row_typed(t, q)
            || (self.derives_from_entity(q) && !self.derives_from_entity(t))
        {
            return None;
        }
        let none = HashSet::new();
        let (own, base) = (self.row_shapes(q, &none), self.row_shapes(t, &none));
        if base
            .iter()
            .any(|(n, shape)| own.get(n).is_some_and(|s| s != shape))
        {
            return None;
        }
        Some(Found {
            base: t.clone(),
            evidence: Evidence::Abstract,
            promote: false,
        })
    }

    /// The type pages each type's intro links to (its own page left out), by paragraph.
    fn intro_links(&self, type_pages: &PagesByType) -> IntroLinks {
        let mut links: IntroLinks = HashMap::default();
        for (q, pages) in type_pages {
            if !self.is_structured(q) {
                continue;
            }
            for page in pages {
                for link in &page.intro_links {
                    let Some(t) = link.target.stem().and_then(|s| self.by_stem.get(s)) else {
                        continue;
                    };
                    if t != q && self.is_structured(t) {
                        links
                            .entry(q.clone())
                            .or_default()
                            .entry(link.line)
                            .or_default()
                            .insert(t.clone());
                    }
                }
            }
        }
        links
    }

    /// True for an entity or complex type of the drafts.
    fn is_structured(&self, q: &QualifiedName) -> bool {
        self.drafts.get(q).is_some_and(|d| d.def.kind != Kind::Enum)
    }

    /// True when a row of `a` is typed with `b`.
    fn has_row_typed(&self, a: &QualifiedName, b: &QualifiedName) -> bool {
        self.drafts
            .get(a)
            .is_some_and(|d| d.def.properties.iter().any(|p| p.ty.as_named() == Some(b)))
    }

    /// The rows of `q` by name: (type, collection), `except` left out.
    fn row_shapes<'a>(
        &'a self,
        q: &QualifiedName,
        except: &HashSet<&str>,
    ) -> BTreeMap<&'a str, (&'a TypeRef, bool)> {
        self.drafts
            .get(q)
            .map(|d| {
                d.def
                    .properties
                    .iter()
                    .filter(|p| !except.contains(p.name.as_str()))
                    .map(|p| (p.name.as_str(), (&p.ty, p.collection)))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Why `t`, linked from the intro of `q` or listing `q` in its own, is the base of `q`,
    /// if it is (`t_no_base`: `t`'s page says `"baseType": null`).
    fn linked_base(
        &self,
        q: &QualifiedName,
        t: &QualifiedName,
        links: &IntroLinks,
        entity_rows: &HashSet<&str>,
        t_no_base: bool,
    ) -> Option<Found> {
        if t == ENTITY
            || t == q
            || self.derives_from(t, q)
            || self.has_row_typed(q, t)
            || self.has_row_typed(t, q)
        {
            return None;
        }
        let none = HashSet::new();
        let all_rows = |x: &QualifiedName| self.row_shapes(x, &none);
        // Whether `x` repeats every row of `t`, and whether it has more.
        let repeats = |x: &QualifiedName| {
            let (own, base) = (all_rows(x), all_rows(t));
            let all = !base.is_empty() && base.iter().all(|(n, shape)| own.get(n) == Some(shape));
            (all, own.len() > base.len())
        };
        // Every type of a paragraph repeats every row of `t`, and one has more.
        let all_repeat = |p: &&BTreeSet<QualifiedName>| {
            let r: Vec<(bool, bool)> = p.iter().map(repeats).collect();
            r.iter().all(|(all, _)| *all) && r.iter().any(|(_, more)| *more)
        };
        // A paragraph of `t`'s intro that links `q` among other pages.
        let paragraphs = links.get(t);
        let listing = paragraphs
            .into_iter()
            .flat_map(|p| p.values())
            .find(|p| p.contains(q) && p.len() >= 2);
        let (q_entity, t_entity) = (self.derives_from_entity(q), self.derives_from_entity(t));
        if q_entity && !t_entity {
            // Only a base listing entity types that all repeat its rows, `entity`'s among them,
            // and stating no base: it is an entity too.
            let p = listing?;
            let rows = all_rows(t);
            let has_entity_rows =
                !entity_rows.is_empty() && entity_rows.iter().all(|r| rows.contains_key(r));
            let base_free = self.drafts.get(t).is_some_and(|d| d.def.base.is_none());
            return (has_entity_rows && base_free && !t_no_base && all_repeat(&p)).then(|| Found {
                base: t.clone(),
                evidence: Evidence::Listing(p.len(), rows.len()),
                promote: true,
            });
        }
        let found = |evidence| {
            Some(Found {
                base: t.clone(),
                evidence,
                promote: false,
            })
        };
        if let Some(p) = listing.filter(all_repeat) {
            return found(Evidence::Listing(p.len(), all_rows(t).len()));
        }
        // The rules below need the link from `q`'s intro.
        if !links
            .get(q)
            .is_some_and(|p| p.values().any(|s| s.contains(t)))
        {
            return None;
        }
        let except = if q_entity || t_entity {
            entity_rows
        } else {
            &none
        };
        let (own, base) = (self.row_shapes(q, except), self.row_shapes(t, except));
        let repeated = base.iter().all(|(n, shape)| own.get(n) == Some(shape));
        if repeated && !base.is_empty() && own.len() > base.len() {
            return found(Evidence::Repeated(base.len()));
        }
        let (own, base) = (all_rows(q), all_rows(t));
        if base
            .iter()
            .any(|(n, shape)| own.get(n).is_some_and(|s| s != shape))
        {
            return None;
        }
        // `t`'s paragraph links `q` among pages that all link back to `t`.
        let links_back = |x: &QualifiedName| {
            links
                .get(x)
                .is_some_and(|p| p.values().any(|s| s.contains(t)))
                && !self.has_row_typed(x, t)
                && !self.has_row_typed(t, x)
        };
        let p = paragraphs?
            .values()
            .find(|p| p.contains(q) && p.len() >= 2 && p.iter().all(links_back))?;
        found(Evidence::Listed(p.len()))
    }
}

#[cfg(test)]
mod tests {
    use crate::diag::Code;
    use crate::parse::{parse_page, Page};
    use crate::schema::build;

    /// A resource page of `microsoft.graph.{name}` with an intro and property rows.
    fn page(name: &str, annotation: &str, intro: &str, rows: &str) -> Page {
        let text = format!("# {name}\n\nNamespace: microsoft.graph\n\n{intro}\n\n## Properties\n|Property|Type|Description|\n|-|-|-|\n{rows}\n## JSON representation\n<!-- {{\"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.{name}\"{annotation}}} -->\n");
        parse_page(&format!("{}.md", name.to_ascii_lowercase()), &text)
    }

    fn base(schema: &crate::schema::Schema, name: &str) -> Option<String> {
        let t = schema.get(&format!("microsoft.graph.{name}")).unwrap();
        t.base.as_ref().map(|b| b.name().to_owned())
    }

    const KEY: &str = ", \"keyProperty\": \"id\"";

    #[test]
    fn a_linked_page_whose_rows_are_all_repeated_is_the_base() {
        let request = "|id|String|x|\n|status|String|x|\n|createdBy|String|x|\n";
        let pages = [
            page("entity", KEY, "", "|id|String|x|\n"),
            page("request", KEY, "A request.", request),
            // A sentence the parser does not read as the inheritance sentence.
            page(
                "urlRequest",
                KEY,
                "Used to create and retrieve a request about a URL, which is then checked, derived from [request](request.md).",
                &format!("{request}|url|String|x|\n"),
            ),
            // Links the request, but does not repeat its rows.
            page(
                "other",
                KEY,
                "Unlike a [request](request.md), nothing.",
                "|id|String|x|\n|url|String|x|\n",
            ),
            // Has a row typed with the page it links.
            page(
                "holder",
                "",
                "Holds a [shape](shape.md).",
                "|url|String|x|\n|shape|[shape](shape.md)|x|\n",
            ),
            // A complex type (no key) does not become the base of an entity.
            page("shape", "", "Like [urlRequest](urlrequest.md).", "|url|String|x|\n"),
            page(
                "keyedShape",
                KEY,
                "See [shape](shape.md).",
                "|id|String|x|\n|url|String|x|\n|more|String|x|\n",
            ),
        ];
        let schema = build(&pages);
        assert_eq!(base(&schema, "urlRequest").as_deref(), Some("request"));
        let url = schema.get("microsoft.graph.urlRequest").unwrap();
        let own: Vec<&str> = url.own_properties().map(|p| p.name.as_str()).collect();
        assert_eq!(own, ["url"]);
        assert_eq!(base(&schema, "other").as_deref(), Some("entity"));
        assert_eq!(base(&schema, "holder"), None);
        assert_eq!(base(&schema, "keyedShape").as_deref(), Some("entity"));
        let linked: Vec<&str> = schema
            .diagnostics
            .iter()
            .filter(|d| d.code == Code::InferredBase && d.message.contains("intro links"))
            .map(|d| &*d.location.file)
            .collect();
        assert_eq!(linked, ["urlrequest.md"]);
    }

    #[test]
    fn a_base_page_listing_its_derived_pages_that_link_back_is_their_base() {
        let pages = [
            page(
                "recipient",
                "",
                "Abstract.\n\nThe [classRecipient](classrecipient.md) and [userRecipient](userrecipient.md) resources are subclasses of this one.",
                "",
            ),
            page(
                "classRecipient",
                "",
                "When set, every student receives it.\n\nThis resource is a subclass of [recipient](recipient.md).",
                "",
            ),
            page(
                "userRecipient",
                "",
                "A subclass of [recipient](recipient.md).",
                "|userId|String|x|\n",
            ),
            // Links the base, but the base does not list it.
            page(
                "groupRecipient",
                "",
                "Not a [recipient](recipient.md).",
                "|groupId|String|x|\n",
            ),
        ];
        let schema = build(&pages);
        assert_eq!(
            base(&schema, "classRecipient").as_deref(),
            Some("recipient")
        );
        assert_eq!(base(&schema, "userRecipient").as_deref(), Some("recipient"));
        assert_eq!(base(&schema, "groupRecipient"), None);
        // The base links its derived types, which do not repeat rows of theirs: no cycle.
        assert_eq!(base(&schema, "recipient"), None);
    }

    #[test]
    fn a_page_listing_types_that_repeat_its_rows_is_their_base_and_an_entity() {
        let named = "|id|String|x|\n|displayName|String|x|\n";
        let pages = [
            page("entity", KEY, "", "|id|String|x|\n"),
            // No key, no base: complex until the entities it lists make it their base.
            page(
                "namedEntity",
                "",
                "A base type for entities with a name, for example [business](business.md) and [service](service.md).",
                named,
            ),
            page(
                "business",
                KEY,
                "A business.",
                &format!("{named}|phone|String|x|\n"),
            ),
            page("service", KEY, "A service.", named),
        ];
        let schema = build(&pages);
        assert_eq!(base(&schema, "namedEntity").as_deref(), Some("entity"));
        assert_eq!(base(&schema, "business").as_deref(), Some("namedEntity"));
        assert_eq!(base(&schema, "service").as_deref(), Some("namedEntity"));
        let t = schema.get("microsoft.graph.namedEntity").unwrap();
        assert_eq!(t.kind, crate::schema::Kind::Entity);
        // Listed types that do not all repeat the rows prove nothing.
        let pages = [
            pages[0].clone(),
            pages[1].clone(),
            pages[2].clone(),
            page(
                "service",
                KEY,
                "A service.",
                "|id|String|x|\n|title|String|x|\n",
            ),
        ];
        let schema = build(&pages);
        assert_eq!(base(&schema, "namedEntity"), None);
        assert_eq!(base(&schema, "business").as_deref(), Some("entity"));
    }

    #[test]
    fn an_abstract_page_listing_types_in_a_table_is_their_base() {
        let abstract_page = "# joiningResponse\n\nAn abstract base.\n\n## Derived types\n|Type|Description|\n|-|-|\n|[acceptResponse](acceptresponse.md)|x|\n|[rejectResponse](rejectresponse.md)|x|\n\n## JSON representation\n<!-- {\"blockType\": \"resource\", \"abstract\": true, \"@odata.type\": \"microsoft.graph.joiningResponse\"} -->\n";
        let other = "# otherResponse\n\nSee [acceptResponse](acceptresponse.md).\n\n## Related\n|Type|Description|\n|-|-|\n|[rejectResponse](rejectresponse.md)|x|\n\n## JSON representation\n<!-- {\"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.otherResponse\"} -->\n";
        let pages = [
            parse_page("joiningresponse.md", abstract_page),
            parse_page("otherresponse.md", other),
            page("acceptResponse", "", "Accepts.", "|reason|String|x|\n"),
            page("rejectResponse", "", "Rejects.", "|reason|String|x|\n"),
        ];
        let schema = build(&pages);
        assert_eq!(
            base(&schema, "acceptResponse").as_deref(),
            Some("joiningResponse")
        );
        assert_eq!(
            base(&schema, "rejectResponse").as_deref(),
            Some("joiningResponse")
        );
        // Not abstract: its table proves nothing.
        assert_eq!(base(&schema, "otherResponse"), None);
    }

    #[test]
    fn a_stated_base_is_kept() {
        let request = "|id|String|x|\n|status|String|x|\n";
        let pages = [
            page("entity", KEY, "", "|id|String|x|\n"),
            page("request", KEY, "A request.", request),
            page(
                "urlRequest",
                &format!("{KEY}, \"baseType\": \"microsoft.graph.entity\""),
                "About a [request](request.md).",
                &format!("{request}|url|String|x|\n"),
            ),
            page(
                "nullBase",
                ", \"baseType\": null",
                "About a [request](request.md).",
                &format!("{request}|url|String|x|\n"),
            ),
        ];
        let schema = build(&pages);
        assert_eq!(base(&schema, "urlRequest").as_deref(), Some("entity"));
        assert_eq!(base(&schema, "nullBase"), None);
    }
}
