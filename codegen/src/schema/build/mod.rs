//! Pages → [`Schema`]: naming, cross-page type resolution, inheritance, reconstruction of types
//! whose pages are absent, and the rules that settle contradictions between tables and JSON.
//!
//! [`build`] runs the steps in order, each in its own module:
//! - `index`: names every type the pages declare and resolves references between pages;
//! - `resource`: reads the properties and base of each resource page;
//! - `enums`: reads enum members, repairing machine-translation damage (with more evidence
//!   from `enum_hints`);
//! - `reconstruct`: rebuilds the types whose pages are absent from what other pages prove;
//! - `infer`: what the structure proves that no page states (entity bases and kinds, enum types),
//!   with `linked_base` (bases proved by intro links and repeated rows);
//! - `inheritance`: settles bases (cycles, depth), kinds and inherited properties;
//! - `recase`: type names a translation lowercased, re-cased from the identifiers around them.

mod enum_hints;
mod enums;
mod index;
mod infer;
mod inheritance;
mod linked_base;
mod navigation;
mod recase;
mod reconstruct;
mod resource;

pub use inheritance::MAX_INHERITANCE_DEPTH;

use super::{QualifiedName, Schema, TypeDef};
use crate::diag::{Diagnostics, Location};
use crate::parse::{Lexicon, Page, PageClass};
use foldhash::{HashMap, HashMapExt, HashSet};
use indexmap::IndexMap;
use std::borrow::{Borrow, Cow};
use std::cell::OnceCell;
use std::collections::{BTreeMap, BTreeSet};
use std::hash::Hash;

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

/// The drafts by qualified name: looked up through a hash map, iterated in name order (the
/// order of the ordered map they were kept in, where each look-up compared a dozen names: the
/// steps look names up a few hundred thousand times, and iterate a dozen times).
#[derive(Default)]
struct Drafts {
    /// The drafts in the order they were added (a removed one's place taken by the last).
    map: IndexMap<QualifiedName, Box<Draft>, foldhash::fast::RandomState>,
    /// The map's indexes in name order, worked out when first asked, then kept as drafts are
    /// added or removed.
    order: OnceCell<Vec<usize>>,
}

/// The indexes of `map` in the order of their names.
fn name_order(
    map: &IndexMap<QualifiedName, Box<Draft>, foldhash::fast::RandomState>,
) -> Vec<usize> {
    let mut order: Vec<usize> = (0..map.len()).collect();
    order.sort_unstable_by_key(|&i| map.get_index(i).map(|(q, _)| q));
    order
}

impl Drafts {
    /// The draft of a name.
    fn get<Q>(&self, q: &Q) -> Option<&Draft>
    where
        QualifiedName: Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        self.map.get(q).map(|d| &**d)
    }

    /// The draft of a name, to change (its name stays).
    fn get_mut<Q>(&mut self, q: &Q) -> Option<&mut Draft>
    where
        QualifiedName: Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        self.map.get_mut(q).map(|d| &mut **d)
    }

    /// True when a draft has this name.
    fn contains_key<Q>(&self, q: &Q) -> bool
    where
        QualifiedName: Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        self.map.contains_key(q)
    }

    /// Makes room for `additional` more drafts.
    fn reserve(&mut self, additional: usize) {
        self.map.reserve(additional);
    }

    /// Adds the draft of `q`, or replaces it (and returns the one replaced).
    fn insert(&mut self, q: QualifiedName, draft: Box<Draft>) -> Option<Box<Draft>> {
        if let Some(old) = self.map.get_mut(&q) {
            return Some(std::mem::replace(old, draft));
        }
        if let Some(order) = self.order.get_mut() {
            // Kept rather than worked out again: a few hundred drafts are added after the
            // first iteration, each a search and a shift, where sorting again compares all.
            let map = &self.map;
            let at =
                order.partition_point(|&i| map.get_index(i).is_some_and(|(name, _)| *name < q));
            order.insert(at, map.len());
        }
        self.map.insert(q, draft);
        None
    }

    /// Adds (or replaces) each draft.
    fn extend(&mut self, drafts: impl IntoIterator<Item = (QualifiedName, Box<Draft>)>) {
        for (q, draft) in drafts {
            self.insert(q, draft);
        }
    }

    /// Takes out the draft of `q`.
    fn remove(&mut self, q: &QualifiedName) -> Option<Box<Draft>> {
        let (index, _, draft) = self.map.swap_remove_full(q)?;
        if let Some(order) = self.order.get_mut() {
            // The last draft took the removed one's index.
            let last = self.map.len();
            order.retain(|&i| i != index);
            for i in order.iter_mut().filter(|i| **i == last) {
                *i = index;
            }
        }
        Some(draft)
    }

    /// The map's indexes in name order.
    fn order(&self) -> &[usize] {
        self.order.get_or_init(|| name_order(&self.map))
    }

    /// The names and drafts, in name order.
    fn iter(&self) -> impl Iterator<Item = (&QualifiedName, &Draft)> {
        (self.order().iter())
            .filter_map(|&i| self.map.get_index(i))
            .map(|(q, d)| (q, &**d))
    }

    /// The names and drafts to change, in name order.
    fn iter_mut(&mut self) -> impl Iterator<Item = (&QualifiedName, &mut Draft)> {
        let order = self.order.get_or_init(|| name_order(&self.map));
        let mut entries: Vec<Option<(&QualifiedName, &mut Box<Draft>)>> =
            self.map.iter_mut().map(Some).collect();
        (order.iter())
            .filter_map(move |&i| entries.get_mut(i).and_then(Option::take))
            .map(|(q, d)| (q, &mut **d))
    }

    /// The names, in order.
    fn keys(&self) -> impl Iterator<Item = &QualifiedName> {
        self.iter().map(|(q, _)| q)
    }

    /// The drafts, in name order.
    fn values(&self) -> impl Iterator<Item = &Draft> {
        self.iter().map(|(_, d)| d)
    }

    /// The drafts to change, in name order.
    fn values_mut(&mut self) -> impl Iterator<Item = &mut Draft> {
        self.iter_mut().map(|(_, d)| d)
    }

    /// The drafts, taken out in name order.
    fn into_values(self) -> impl Iterator<Item = Box<Draft>> {
        let order = (self.order.into_inner()).unwrap_or_else(|| name_order(&self.map));
        let mut drafts: Vec<Option<Box<Draft>>> = self.map.into_values().map(Some).collect();
        (order.into_iter()).filter_map(move |i| drafts.get_mut(i).and_then(Option::take))
    }
}

/// The draft of a name that has one (a name the steps know is a draft's).
impl<Q> std::ops::Index<&Q> for Drafts
where
    QualifiedName: Borrow<Q>,
    Q: Hash + Eq + ?Sized,
{
    type Output = Draft;

    fn index(&self, q: &Q) -> &Draft {
        self.get(q).expect("a draft of that name")
    }
}

/// A type referenced by the input whose page is absent.
#[derive(Default)]
struct Missing {
    /// The stem of the page links point to, when a link names it.
    stem: Option<String>,
    /// Types whose base it is.
    base_of: Vec<QualifiedName>,
    /// Backticked possible values from rows typed with it.
    possible_values: Vec<String>,
    /// The same values, for deduplication.
    seen_values: HashSet<String>,
    /// JSON string placeholders seen for rows typed with it.
    string_placeholders: usize,
    /// JSON object placeholders seen for rows typed with it.
    object_placeholders: usize,
    /// The first reference to it.
    first_seen: Location,
}

/// The state of one [`build`]: the types found so far, the indexes that resolve references to
/// them, the evidence about absent types and enums, and the findings.
#[derive(Default)]
struct SchemaBuilder {
    /// Every type declared (or reconstructed) so far, by qualified name. Boxed: a draft is
    /// large, and the drafts' slots move when their vector grows.
    drafts: Drafts,
    /// The type each page stem defines.
    by_stem: HashMap<String, QualifiedName>,
    /// The enum each `### x values` section (page stem, section key) defines.
    by_anchor: HashMap<(String, String), QualifiedName>,
    /// The types of each simple name, in lowercase.
    by_simple: HashMap<String, Vec<QualifiedName>>,
    /// The identifier texts of links to each page stem.
    link_names: HashMap<String, BTreeSet<String>>,
    /// Referenced types no page defines.
    missing: BTreeMap<QualifiedName, Missing>,
    /// Enum → backticked value lists from properties typed with it.
    enum_evidence: BTreeMap<QualifiedName, Vec<Vec<String>>>,
    /// Enum → value lists that may stand for its members but are not checked against them:
    /// backticked lists of `String` rows named like it (and the plain-text lists of
    /// [`SchemaBuilder::plain_hint_rows`]). Used to repair damaged tables only.
    enum_hints: BTreeMap<QualifiedName, Vec<Vec<String>>>,
    /// Enum → the rows typed with it that have no backticked values, in reading order: their
    /// descriptions may list its members in plain text, which is read only when a damaged
    /// table needs it (rarely).
    plain_hint_rows: HashMap<QualifiedName, Vec<RowPosition>>,
    /// Resource pages that define a type another page defines too: their properties are merged
    /// into that (primary) definition.
    secondary: BTreeSet<String>,
    /// Inheritance sentences that name another base than an annotation saying `entity`.
    sentence_bases: BTreeMap<QualifiedName, infer::SentenceBase>,
    /// `String` rows with backticked possible values (perhaps a documented enum).
    string_values: Vec<infer::StringValues>,
    /// Rows whose description ends with a link to a page (perhaps an ancestor's).
    row_marks: Vec<infer::RowMark>,
    /// Types whose base `entity` was inferred (no page states it): a more specific base the
    /// structure proves may replace it.
    inferred_entity: HashSet<QualifiedName>,
    /// The findings of every page and step.
    diags: Diagnostics,
}

/// The pages that define each type, by qualified name. Built once every page is indexed
/// ([`SchemaBuilder::by_stem`] is complete then), and shared by the steps after that; its keys
/// are its own, so that it borrows nothing of the builder.
type PagesByType<'a> = HashMap<QualifiedName, Vec<&'a Page>>;

/// A property row by position: its page's among the pages sorted by path, its own among the
/// page's rows.
type RowPosition = (usize, usize);

/// The namespace a page declares (when it reads as one), else [`DEFAULT_NAMESPACE`].
fn namespace_of(page: &Page) -> String {
    page.namespace
        .clone()
        .filter(|n| n.chars().all(|c| c.is_ascii_alphanumeric() || c == '.'))
        .unwrap_or_else(|| DEFAULT_NAMESPACE.to_owned())
}

/// Splits `namespace.name` at the last `.` (a leading `#` dropped); a name without a `.` is in
/// `default_ns`.
fn split_qualified(q: &str, default_ns: &str) -> (String, String) {
    match q.trim().trim_start_matches('#').rsplit_once('.') {
        Some((ns, name)) => (ns.to_owned(), name.to_owned()),
        None => (default_ns.to_owned(), q.trim().to_owned()),
    }
}

/// ` collection` for a collection, else nothing: the suffix of a type in a message.
fn collection_suffix(collection: bool) -> &'static str {
    if collection {
        " collection"
    } else {
        ""
    }
}

/// How the JSON keys of `pages` (sorted by path) spell the name whose ASCII lowercase is
/// `lowercase`: the first key of that lowercase that is an identifier. Looked for when asked
/// (rarely: a relationship name recovered in lowercase and cased nowhere nearer), not indexed
/// for every key of the tree.
fn known_identifier<'p>(pages: &[&'p Page], lowercase: &str) -> Option<&'p String> {
    let spelled_so = |key: &&String| {
        key.len() == lowercase.len()
            && (key.bytes().zip(lowercase.bytes())).all(|(k, l)| k.to_ascii_lowercase() == l)
    };
    (pages.iter())
        .flat_map(|p| p.json.iter().flat_map(|j| j.object.keys()))
        .find(|key| spelled_so(key) && crate::docs_text::is_identifier(key))
}

/// Builds the schema of a set of pages. The result does not depend on the order of `pages`.
/// The pages are first read again with the words learned from the whole tree
/// ([`Lexicon::learn`], [`Lexicon::revise`]): pages given by value (a `Vec<Page>`) are revised
/// in place, borrowed ones (`&[Page]`) copied where they change.
pub fn build<'a>(pages: impl Into<Cow<'a, [Page]>>) -> Schema {
    let pages = pages.into();
    let lexicon = Lexicon::learn(&pages);
    let mut revised = lexicon.revise_all(pages);
    let mut builder = SchemaBuilder::default();
    builder.diags.extend(lexicon.report());
    // The pages' own findings: moved out of pages given by value (nothing reads them again),
    // copied from borrowed ones. Their order does not matter: `finish` sorts all findings.
    for page in &mut revised {
        match page {
            Cow::Owned(page) => builder.diags.extend(std::mem::take(&mut page.diagnostics)),
            Cow::Borrowed(page) => builder.diags.extend(page.diagnostics.iter().cloned()),
        }
    }
    let mut sorted: Vec<&Page> = revised.iter().map(|p| p.as_ref()).collect();
    sorted.sort_by(|a, b| a.path.cmp(&b.path));
    builder.index(&sorted);
    // Primary definitions first, then the partial pages merged into them.
    for secondary in [false, true] {
        for (position, page) in sorted.iter().enumerate() {
            if page.class == PageClass::Resource
                && builder.secondary.contains(&page.path) == secondary
            {
                builder.read_resource(&sorted, position);
            }
        }
    }
    builder.read_enums(&sorted);
    let type_pages = pages_by_type(&builder.by_stem, &sorted);
    builder.reconstruct_missing(&type_pages);
    builder.infer(&type_pages);
    builder.settle_inheritance();
    builder.recase_lowercase_types();
    builder.finish()
}

/// The pages that define each type (a type's partial pages included), given the type each page
/// stem defines.
fn pages_by_type<'a>(
    by_stem: &HashMap<String, QualifiedName>,
    pages: &[&'a Page],
) -> PagesByType<'a> {
    let mut by_type: PagesByType = HashMap::new();
    for p in pages {
        if let Some(q) = by_stem.get(&p.stem) {
            // Most types have one page: the name is copied for the first only.
            match by_type.get_mut(q) {
                Some(pages) => pages.push(*p),
                None => {
                    by_type.insert(q.clone(), vec![*p]);
                }
            }
        }
    }
    by_type
}

impl SchemaBuilder {
    /// The schema of the drafts, with the findings sorted and deduplicated.
    fn finish(self) -> Schema {
        let types: Vec<TypeDef> = self.drafts.into_values().map(|d| d.def).collect();
        let mut diagnostics = self.diags.into_vec();
        diagnostics.sort();
        diagnostics.dedup();
        Schema::new(types, diagnostics)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Code;
    use crate::parse::parse_page;
    use crate::schema::{Kind, Origin};

    const SEED: &str =
        include_str!("../../../../docs-input/intune-devices-resetpasscodeactionresult.md");

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
    fn drafts_are_found_by_name_and_iterated_in_name_order() {
        let draft = |name: &str| {
            let def = TypeDef::for_tests("n", name, Kind::Complex, Vec::new());
            Box::new(Draft {
                def,
                keyed: false,
                canonical: false,
            })
        };
        let q = |name: &str| QualifiedName::new("n", name);
        let mut drafts = Drafts::default();
        for name in ["c", "a", "d", "b"] {
            assert!(drafts.insert(q(name), draft(name)).is_none());
        }
        let names = |drafts: &Drafts| {
            drafts
                .keys()
                .map(|q| q.name().to_owned())
                .collect::<Vec<_>>()
        };
        assert_eq!(names(&drafts), ["a", "b", "c", "d"]);
        // Replacing keeps the name; removing moves the last slot, which is still found.
        assert!(drafts.insert(q("c"), draft("c2")).is_some());
        assert_eq!(
            drafts.remove(&q("a")).map(|d| d.def.name),
            Some("a".to_owned())
        );
        assert!(drafts.remove(&q("a")).is_none());
        assert_eq!(drafts["n.b"].def.name, "b");
        assert_eq!(drafts.get("n.c").map(|d| d.def.name.as_str()), Some("c2"));
        drafts.extend([(q("e"), draft("e")), (q("a"), draft("a"))]);
        assert_eq!(names(&drafts), ["a", "b", "c", "d", "e"]);
        for (q, d) in drafts.iter_mut() {
            d.def.description = q.name().to_owned();
        }
        let values: Vec<String> = drafts.into_values().map(|d| d.def.description).collect();
        assert_eq!(values, ["a", "b", "c", "d", "e"]);
    }

    #[test]
    fn a_known_identifier_is_the_first_identifier_key_of_its_lowercase_by_path() {
        let page = |path: &str, json: &str| {
            let text = format!("# x\n\n## JSON representation\n\n```json\n{json}\n```\n");
            parse_page(path, &text)
        };
        let pages = [
            page("a.md", r#"{"Display Name": "", "id": ""}"#),
            page("b.md", r#"{"displayName": "", "DisplayName": ""}"#),
            page("c.md", r#"{"DISPLAYNAME": "", "displayNames": ""}"#),
        ];
        let sorted: Vec<&Page> = pages.iter().collect();
        // The first key is no identifier; `b.md`'s first spelling wins over later ones.
        let known = |lowercase: &str| known_identifier(&sorted, lowercase).map(String::as_str);
        assert_eq!(known("displayname"), Some("displayName"));
        assert_eq!(known("display name"), None);
        assert_eq!(known("displaynames"), Some("displayNames"));
        assert_eq!(known("id"), Some("id"));
        // Only a lowercase name is asked for: no key's lowercase has a capital.
        assert_eq!(known("displayName"), None);
        assert_eq!(known("missing"), None);
    }

    #[test]
    fn page_order_does_not_matter() {
        let a = parse_page("a/intune-devices-resetpasscodeactionresult.md", SEED);
        let b = parse_page("b/other.md", "# Overview\n\nNothing here.\n");
        // Pages given by value build the same schema as borrowed ones.
        let by_value = build(vec![b.clone(), a.clone()]);
        let borrowed = build(&[a.clone(), b.clone()]);
        assert_eq!(borrowed, build(&[b, a]));
        assert_eq!(by_value, borrowed);
    }
}
