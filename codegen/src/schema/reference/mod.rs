//! An English reference for a translated tree: identifiers from the English page of the same
//! file name, descriptions from the translation.
//!
//! Machine translation damages identifiers (`рутцертификате` for `rootCertificate`, `нуль` for
//! an enum value, `adminconsentstate` for `adminConsentState`); the English tree of the same or
//! a nearby date has them intact. [`apply_reference`] takes the schema of each tree, built by the
//! same pipeline, and corrects the translated one:
//!
//! 1. **Types** are paired: with the English type of the same name on the English page of the
//!    same file name, else on any English page; failing both, the same ignoring case. A paired
//!    type takes the English name (every reference to it follows), kind and base; a type the
//!    translation defines twice in two spellings becomes one ([`merge_twins`]).
//! 2. **Rows** of a paired type are paired by [`match_rows`]: JSON name, name ignoring case,
//!    then damaged names by position between paired rows or by transliteration. A paired row
//!    takes the English name, type, collection and relationship flag.
//! 3. **Enum members** are paired the same way and take the English name and value; an enum
//!    page that lists no members takes the English ones.
//! 4. Inherited properties are recomputed from the corrected own properties and bases.
//!
//! Descriptions, sources and everything the English page does not settle stay as translated.
//! Each identifier taken is a `reference-applied` info at the translated row or type; rows or
//! members only one side has (a lagging translation describes an older schema) and what cannot
//! be taken are `reference-mismatch` warnings, and the translated reading is kept; a translated
//! page with no English page is a `reference-missing-page` warning. The step is pure and
//! deterministic: the same two schemas always give the same result, and an English schema is
//! its own reference unchanged.

mod rows;

use super::{Kind, Property, QualifiedName, Schema, TypeDef, TypeRef, MAX_INHERITANCE_DEPTH};
use crate::diag::{Code, Diagnostics, Location};
use crate::primitive::Primitive;
use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};
use rows::{match_rows, Row};
use std::collections::{BTreeMap, BTreeSet};

/// The translated schema corrected by its English reference: identifiers from `english`,
/// descriptions from `translated`, and a diagnostic for every identifier taken and every
/// disagreement left.
///
/// 1. **Types** are paired: with the English type of the same name on the English page of the
///    same file name, else on any English page; failing both, the same ignoring case. A paired
///    type takes the English name (every reference to it follows), kind and base; a type the
///    translation defines twice in two spellings becomes one.
/// 2. **Rows** of a paired type are paired by JSON name, then name ignoring case, then damaged
///    names (no identifier, or capitals only) by position between rows already paired, or by
///    reading alike once transliterated. A paired row takes the English name, type, collection
///    and relationship flag.
/// 3. **Enum members** are paired the same way (a member of the same value also pairs by
///    position) and take the English name and value; an enum page that lists no members takes
///    the English ones.
/// 4. Inherited properties are recomputed from the corrected own properties and bases.
///
/// Rows or members only one side has (a lagging translation) are kept as translated and
/// reported (`reference-mismatch`); nothing is added from English.
///
/// ```
/// use msgraph_docgen::parse::parse_page;
/// use msgraph_docgen::schema::{apply_reference, build};
/// // A relationship row (no JSON key names it) in English and machine-translated.
/// let page = |path: &str, title: &str, name: &str| {
///     let text = format!("# {title}\n\n## Relationships\n\n| Relationship | Type | Description |\n|---|---|---|\n| {name} | [x](x.md) | {title} |\n\n<!-- {{\"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.x\"}} -->\n```json\n{{}}\n```\n");
///     build(&[parse_page(path, &text)])
/// };
/// let english = page("en/x.md", "x resource type", "rootCertificate");
/// let russian = page("ru/x.md", "Тип ресурса x", "рутцертификате");
/// let corrected = apply_reference(russian, &english);
/// let row = &corrected.get("microsoft.graph.x").unwrap().properties[0];
/// assert_eq!(row.name, "rootCertificate");
/// assert_eq!(row.description, "Тип ресурса x");
/// ```
pub fn apply_reference(translated: Schema, english: &Schema) -> Schema {
    let (mut types, found) = translated.into_parts();
    let mut diags = Diagnostics::new();
    diags.extend(found);
    let theirs = english.types();
    let mut pairs = pair_types(&types, theirs, &mut diags);
    let merged = merge_twins(&mut types, &mut pairs, theirs, &mut diags);
    let mut renames = rename_types(&mut types, &pairs, theirs, &mut diags);
    for (twin, kept) in merged {
        let new = renames.get(&kept).cloned().unwrap_or(kept);
        renames.insert(twin, new);
    }
    rewrite_references(&mut types, &renames);
    let names = Counterparts::new(&types, &pairs, theirs);
    for (i, j) in paired(&pairs) {
        correct_type(&mut types[i], &theirs[j], &names, &mut diags);
    }
    correct_bases(&mut types, &pairs, theirs, &names, &mut diags);
    rebuild_inherited(&mut types);
    let mut diagnostics = diags.into_vec();
    diagnostics.sort();
    diagnostics.dedup();
    Schema::new(types, diagnostics)
}

/// The translated name of each English type: its counterpart's when it has one, else its own
/// when the translation defines a type of that name.
struct Counterparts {
    /// English name → translated name, for every paired type.
    paired: HashMap<QualifiedName, QualifiedName>,
    /// Every translated type.
    known: HashSet<QualifiedName>,
}

impl Counterparts {
    /// The counterparts of the pairs (after renaming).
    fn new(ours: &[TypeDef], pairs: &[Option<usize>], theirs: &[TypeDef]) -> Counterparts {
        Counterparts {
            paired: paired(pairs)
                .map(|(i, j)| (theirs[j].qualified_name(), ours[i].qualified_name()))
                .collect(),
            known: ours.iter().map(TypeDef::qualified_name).collect(),
        }
    }

    /// The translated type an English type name stands for, if the translation has one.
    fn of(&self, english: &QualifiedName) -> Option<QualifiedName> {
        self.paired
            .get(english)
            .or_else(|| self.known.get(english))
            .cloned()
    }

    /// An English property type in the translation's names (`None`: the translation lacks it).
    fn of_type(&self, english: &TypeRef) -> Option<TypeRef> {
        match english {
            TypeRef::Primitive(_) => Some(english.clone()),
            TypeRef::Named(q) => self.of(q).map(TypeRef::Named),
        }
    }
}

/// The (translated, English) index pairs, in translated order.
fn paired(pairs: &[Option<usize>]) -> impl Iterator<Item = (usize, usize)> + '_ {
    pairs
        .iter()
        .enumerate()
        .filter_map(|(i, j)| j.map(|j| (i, j)))
}

/// The file name of the page that defines a type (`user.md`), in lowercase: how a translated
/// page finds its English page.
fn page_key(t: &TypeDef) -> Option<String> {
    let file = &t.source.as_ref()?.file;
    let name = file.rsplit(['/', '\\']).next().unwrap_or(file);
    (!name.is_empty()).then(|| name.to_lowercase())
}

/// Where a type is defined, for its diagnostics.
fn at_type(t: &TypeDef) -> Location {
    t.source.clone().unwrap_or_default()
}

/// Where a property is declared (its row, else its type's page).
fn at_row(t: &TypeDef, p: &Property) -> Location {
    p.source.clone().unwrap_or_else(|| at_type(t))
}

/// The two names are the same, exactly or (`exact` false) in another case.
fn same_name(a: &TypeDef, b: &TypeDef, exact: bool) -> bool {
    let (a, b) = (a.qualified_name(), b.qualified_name());
    if exact {
        a == b
    } else {
        a.eq_ignore_ascii_case(&b)
    }
}

/// For each translated type, the English type it corresponds to: the type of the same name on
/// the English page of the same file name, else the one English type of that name anywhere;
/// failing both, the same in another case. Several translated types may pair with one English
/// type when they spell its name in different cases (see [`merge_twins`]).
fn pair_types(ours: &[TypeDef], theirs: &[TypeDef], diags: &mut Diagnostics) -> Vec<Option<usize>> {
    let mut by_page: HashMap<String, Vec<usize>> = HashMap::new();
    let mut by_name: HashMap<String, Vec<usize>> = HashMap::new();
    for (j, e) in theirs.iter().enumerate() {
        if let Some(key) = page_key(e) {
            by_page.entry(key).or_default().push(j);
        }
        by_name
            .entry(e.qualified_name().to_ascii_lowercase())
            .or_default()
            .push(j);
    }
    let on_page = |t: &TypeDef| page_key(t).and_then(|k| by_page.get(&k));
    let mut pairs: Vec<Option<usize>> = vec![None; ours.len()];
    for exact in [true, false] {
        for anywhere in [false, true] {
            for (i, t) in ours.iter().enumerate() {
                if pairs[i].is_some() || (!anywhere && t.origin != super::Origin::Page) {
                    continue;
                }
                let candidates = if anywhere {
                    by_name.get(&t.qualified_name().to_ascii_lowercase())
                } else {
                    on_page(t)
                };
                let found: Vec<usize> = candidates
                    .into_iter()
                    .flatten()
                    .copied()
                    .filter(|&j| same_name(t, &theirs[j], exact))
                    .collect();
                if let [j] = found[..] {
                    pairs[i] = Some(j);
                }
            }
        }
    }
    let mut missing_pages: BTreeSet<&str> = BTreeSet::new();
    for (i, t) in ours.iter().enumerate() {
        if t.origin != super::Origin::Page {
            continue;
        }
        if on_page(t).is_none() {
            missing_pages.extend(t.source.as_ref().map(|s| &*s.file));
        } else if pairs[i].is_none() {
            let message = format!(
                "the English page of this file name does not define `{}`, nor does any other English page; the translation's reading is kept",
                t.qualified_name()
            );
            diags.push(Code::ReferenceMismatch, at_type(t), message);
        }
    }
    for file in missing_pages {
        let message = "the English reference has no page of this file name; its types keep the translation's reading unless an English type of the same name is found elsewhere";
        diags.push(Code::ReferenceMissingPage, Location::file(file), message);
    }
    pairs
}

/// Merges the translated types paired with one English type (a translation that defines it
/// twice, in two cases: `printFinishing` on one page, `printfinishing` on another) into one:
/// the definition on the English type's page (else the one of its exact name, else the first)
/// is kept, the others are dropped from `ours` and `pairs`. Returns each dropped name with the
/// (not yet renamed) name of the type kept.
fn merge_twins(
    ours: &mut Vec<TypeDef>,
    pairs: &mut Vec<Option<usize>>,
    theirs: &[TypeDef],
    diags: &mut Diagnostics,
) -> Vec<(QualifiedName, QualifiedName)> {
    let mut twins: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (i, j) in paired(pairs) {
        twins.entry(j).or_default().push(i);
    }
    let mut dropped = vec![false; ours.len()];
    let mut merged = Vec::new();
    for (j, group) in twins.into_iter().filter(|(_, g)| g.len() > 1) {
        let e = &theirs[j];
        let rank = |&i: &usize| {
            let t = &ours[i];
            (page_key(t) != page_key(e), !same_name(t, e, true), i)
        };
        let kept = *group
            .iter()
            .min_by_key(|i| rank(i))
            .expect("a group of twins");
        for &i in group.iter().filter(|&&i| i != kept) {
            let (twin, keeper) = (&ours[i], &ours[kept]);
            let message = format!(
                "`{}` is `{}` of the English page, which the translation also defines as `{}` at {}; this definition is dropped and what refers to it follows that one",
                twin.qualified_name(),
                e.qualified_name(),
                keeper.qualified_name(),
                at_type(keeper)
            );
            diags.push(Code::ReferenceApplied, at_type(twin), message);
            merged.push((twin.qualified_name(), keeper.qualified_name()));
            dropped[i] = true;
        }
    }
    let mut keep = dropped.iter().map(|d| !d);
    ours.retain(|_| keep.next().unwrap_or(true));
    let mut keep = dropped.iter().map(|d| !d);
    pairs.retain(|_| keep.next().unwrap_or(true));
    merged
}

/// Gives each paired type its English name (and namespace), unless another translated type
/// already has that name. Returns old name → new name.
fn rename_types(
    ours: &mut [TypeDef],
    pairs: &[Option<usize>],
    theirs: &[TypeDef],
    diags: &mut Diagnostics,
) -> BTreeMap<QualifiedName, QualifiedName> {
    let mut taken: HashSet<QualifiedName> = ours.iter().map(TypeDef::qualified_name).collect();
    let mut renames = BTreeMap::new();
    for (i, j) in paired(pairs) {
        let (t, e) = (&mut ours[i], &theirs[j]);
        let (old, new) = (t.qualified_name(), e.qualified_name());
        if old == new {
            continue;
        }
        if taken.contains(&new) {
            let message = format!("`{old}` is `{new}` on the English page, a name another type of the translation has (the translation defines it twice?); the translation's name is kept");
            diags.push(Code::ReferenceMismatch, at_type(t), message);
            continue;
        }
        let message = format!("the type `{old}` is `{new}` on the English page");
        diags.push(Code::ReferenceApplied, at_type(t), message);
        taken.remove(&old);
        taken.insert(new.clone());
        t.name.clone_from(&e.name);
        t.namespace.clone_from(&e.namespace);
        renames.insert(old, new);
    }
    renames
}

/// Points every base, property type and declaring type at the renamed types.
fn rewrite_references(ours: &mut [TypeDef], renames: &BTreeMap<QualifiedName, QualifiedName>) {
    if renames.is_empty() {
        return;
    }
    let renamed = |q: &mut QualifiedName| {
        if let Some(new) = renames.get(q) {
            *q = new.clone();
        }
    };
    for t in ours {
        if let Some(base) = &mut t.base {
            renamed(base);
        }
        for p in &mut t.properties {
            renamed(&mut p.declared_by);
            if let TypeRef::Named(q) = &mut p.ty {
                renamed(q);
            }
        }
    }
}

/// Corrects a paired type's kind, own properties or members from its English definition.
fn correct_type(t: &mut TypeDef, e: &TypeDef, names: &Counterparts, diags: &mut Diagnostics) {
    match (t.kind == Kind::Enum, e.kind == Kind::Enum) {
        (true, true) => correct_members(t, e, diags),
        (false, false) => {
            if t.kind != e.kind {
                let message = format!(
                    "`{}` is {} on the English page (the translation reads {})",
                    t.qualified_name(),
                    kind_name(e.kind),
                    kind_name(t.kind)
                );
                diags.push(Code::ReferenceApplied, at_type(t), message);
                t.kind = e.kind;
            }
            correct_properties(t, e, names, diags);
        }
        _ => {
            let message = format!(
                "`{}` is {} on the English page and {} in the translation; the translation's reading is kept",
                t.qualified_name(),
                kind_name(e.kind),
                kind_name(t.kind)
            );
            diags.push(Code::ReferenceMismatch, at_type(t), message);
        }
    }
}

/// `an entity`, `a complex type`, `an enum`: a kind in a message.
fn kind_name(kind: Kind) -> &'static str {
    match kind {
        Kind::Entity => "an entity",
        Kind::Complex => "a complex type",
        Kind::Enum => "an enum",
    }
}

/// ` collection` for a collection: the suffix of a type in a message.
fn collection_suffix(collection: bool) -> &'static str {
    if collection {
        " collection"
    } else {
        ""
    }
}

/// Corrects the own properties of a paired type row by row (see [`match_rows`]).
fn correct_properties(t: &mut TypeDef, e: &TypeDef, names: &Counterparts, diags: &mut Diagnostics) {
    let own: Vec<usize> = (0..t.properties.len())
        .filter(|&i| !t.properties[i].inherited)
        .collect();
    let theirs: Vec<&Property> = e.own_properties().collect();
    let ours_rows: Vec<Row> = own
        .iter()
        .map(|&i| Row::property(&t.properties[i]))
        .collect();
    let their_rows: Vec<Row> = theirs.iter().map(|p| Row::property(p)).collect();
    let matched = match_rows(&ours_rows, &their_rows);
    let mut taken = vec![false; theirs.len()];
    let mut unmatched_ours = Vec::new();
    for (k, m) in matched.iter().enumerate() {
        let Some(m) = *m else {
            unmatched_ours.push(t.properties[own[k]].name.clone());
            continue;
        };
        taken[m] = true;
        if let Some((code, message)) = take_row(&mut t.properties[own[k]], theirs[m], names) {
            let at = at_row(t, &t.properties[own[k]]);
            diags.push(code, at, message);
        }
    }
    let unmatched_theirs: Vec<String> = (0..theirs.len())
        .filter(|&m| !taken[m])
        .map(|m| theirs[m].name.clone())
        .collect();
    report_unmatched(t, "property", &unmatched_ours, &unmatched_theirs, diags);
}

/// Gives a translated row the English row's name, type, collection and relationship flag (a
/// type the translation lacks is not taken). Says what changed (`reference-applied`) or what
/// could not be taken (`reference-mismatch`), if anything.
fn take_row(p: &mut Property, q: &Property, names: &Counterparts) -> Option<(Code, String)> {
    let mut taken: Vec<String> = Vec::new();
    let before = format!(
        "`{}` (`{}`{})",
        p.name,
        p.ty,
        collection_suffix(p.collection)
    );
    if p.name != q.name {
        taken.push(format!("the name `{}`", q.name));
        p.name.clone_from(&q.name);
    }
    let ty = names.of_type(&q.ty);
    let refused = ty.is_none().then(|| {
        format!(
            "; not its type `{}`, which the translation does not define",
            q.ty
        )
    });
    if let Some(ty) = ty {
        if ty != p.ty || q.collection != p.collection {
            taken.push(format!(
                "the type `{ty}`{}",
                collection_suffix(q.collection)
            ));
            p.ty = ty;
            p.collection = q.collection;
        }
    }
    if p.navigation != q.navigation {
        p.navigation = q.navigation;
        taken.push(if q.navigation {
            "a relationship".to_owned()
        } else {
            "not a relationship".to_owned()
        });
    }
    match (taken.is_empty(), refused) {
        (true, None) => None,
        (true, Some(refused)) => Some((
            Code::ReferenceMismatch,
            format!("{before} takes nothing from the English page{refused}"),
        )),
        (false, refused) => Some((
            Code::ReferenceApplied,
            format!(
                "{before} takes from the English page {}{}",
                taken.join(", "),
                refused.unwrap_or_default()
            ),
        )),
    }
}

/// Corrects the members of a paired enum: names and values from the English members paired by
/// [`match_rows`]; all the English members when the translation's page lists none (a type
/// without a page in the translation takes nothing it does not have).
fn correct_members(t: &mut TypeDef, e: &TypeDef, diags: &mut Diagnostics) {
    if t.members.is_empty() && !e.members.is_empty() && t.origin == super::Origin::Page {
        let message = format!(
            "the translation lists no members of `{}`; the {} of the English page are taken",
            t.qualified_name(),
            e.members.len()
        );
        diags.push(Code::ReferenceApplied, at_type(t), message);
        t.members.clone_from(&e.members);
        return;
    }
    let ours: Vec<Row> = t.members.iter().map(Row::member).collect();
    let theirs: Vec<Row> = e.members.iter().map(Row::member).collect();
    let matched = match_rows(&ours, &theirs);
    let mut taken = vec![false; theirs.len()];
    let mut unmatched_ours = Vec::new();
    let mut changes = Vec::new();
    for (k, m) in matched.iter().enumerate() {
        let member = &mut t.members[k];
        let Some(m) = *m else {
            unmatched_ours.push(member.name.clone());
            continue;
        };
        taken[m] = true;
        let english = &e.members[m];
        let mut changed = Vec::new();
        let renamed = member.name != english.name;
        if renamed {
            changed.push(format!("`{}`", english.name));
        }
        if english.value.is_some() && member.value != english.value {
            changed.push(format!("value {}", english.value.unwrap_or_default()));
        }
        if !changed.is_empty() {
            let old_value = member.value.map_or("none".to_owned(), |v| v.to_string());
            changes.push(format!(
                "`{}` (value {old_value}) → {}",
                member.name,
                changed.join(", ")
            ));
            if renamed {
                member.name.clone_from(&english.name);
            }
            member.value = english.value.or(member.value);
        }
    }
    if !changes.is_empty() {
        let message = format!(
            "members of `{}` from the English page: {}",
            t.qualified_name(),
            changes.join("; ")
        );
        diags.push(Code::ReferenceApplied, at_type(t), message);
    }
    let unmatched_theirs: Vec<String> = (0..theirs.len())
        .filter(|&m| !taken[m])
        .map(|m| e.members[m].name.clone())
        .collect();
    report_unmatched(t, "member", &unmatched_ours, &unmatched_theirs, diags);
}

/// One `reference-mismatch` for the rows (or members) only one side of a pair has.
fn report_unmatched(
    t: &TypeDef,
    what: &str,
    ours: &[String],
    theirs: &[String],
    diags: &mut Diagnostics,
) {
    let list = |names: &[String]| {
        names
            .iter()
            .map(|n| format!("`{n}`"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let q = t.qualified_name();
    if !ours.is_empty() {
        let message = format!(
            "no English {what} of `{q}` corresponds to {} (kept as translated)",
            list(ours)
        );
        diags.push(Code::ReferenceMismatch, at_type(t), message);
    }
    if !theirs.is_empty() {
        let message = format!(
            "the English page also gives `{q}` the {what} {}, which the translation lacks (an older or newer translation?)",
            list(theirs)
        );
        diags.push(Code::ReferenceMismatch, at_type(t), message);
    }
}

/// Gives each paired type the English base, when the translation defines it and it closes no
/// cycle and makes no chain too deep. An English page that names no base leaves the
/// translation's.
fn correct_bases(
    ours: &mut [TypeDef],
    pairs: &[Option<usize>],
    theirs: &[TypeDef],
    names: &Counterparts,
    diags: &mut Diagnostics,
) {
    let index: HashMap<QualifiedName, usize> = ours
        .iter()
        .enumerate()
        .map(|(i, t)| (t.qualified_name(), i))
        .collect();
    for (i, j) in paired(pairs) {
        let Some(english) = &theirs[j].base else {
            continue;
        };
        let current = &ours[i].base;
        let ours_for_english = names.of(english);
        if ours_for_english.is_some() && ours_for_english.as_ref() == current.as_ref() {
            continue;
        }
        let q = ours[i].qualified_name();
        let at = at_type(&ours[i]);
        let was = current
            .as_ref()
            .map_or("no base".to_owned(), |b| format!("`{b}`"));
        let chain = ours_for_english
            .as_ref()
            .map(|b| chain_above(ours, &index, b, &q));
        let problem = match chain {
            None => "which the translation does not define",
            Some(None) => "which would close an inheritance cycle",
            Some(Some(depth)) if depth >= MAX_INHERITANCE_DEPTH => {
                "which would make the chain too deep"
            }
            Some(Some(_)) => "",
        };
        match ours_for_english {
            Some(base) if problem.is_empty() => {
                let message = format!(
                    "`{q}` derives from `{base}` on the English page (the translation reads {was})"
                );
                diags.push(Code::ReferenceApplied, at, message);
                ours[i].base = Some(base);
            }
            _ => {
                let message = format!("`{q}` derives from `{english}` on the English page, {problem}; the translation's {was} is kept");
                diags.push(Code::ReferenceMismatch, at, message);
            }
        }
    }
}

/// How many types are in the chain from `base` up to its root, or `None` when the chain
/// reaches `of` (or loops).
fn chain_above(
    ours: &[TypeDef],
    index: &HashMap<QualifiedName, usize>,
    base: &QualifiedName,
    of: &QualifiedName,
) -> Option<usize> {
    let mut seen: HashSet<&QualifiedName> = HashSet::new();
    let mut current = Some(base);
    while let Some(c) = current {
        if c == of || !seen.insert(c) {
            return None;
        }
        current = index.get(c).and_then(|&i| ours[i].base.as_ref());
    }
    Some(seen.len())
}

/// Recomputes every type's full property list from the own properties and bases, as the build
/// does: the base's list first (marked inherited), then the own properties it does not repeat.
fn rebuild_inherited(ours: &mut [TypeDef]) {
    let index: HashMap<QualifiedName, usize> = ours
        .iter()
        .enumerate()
        .map(|(i, t)| (t.qualified_name(), i))
        .collect();
    let own: Vec<Vec<Property>> = ours
        .iter()
        .map(|t| t.own_properties().cloned().collect())
        .collect();
    let mut full: Vec<Option<Vec<Property>>> = vec![None; ours.len()];
    for i in 0..ours.len() {
        if full[i].is_some() {
            continue;
        }
        // The chain up to a type already done (or a root), nearest first.
        let mut chain = vec![i];
        let mut on_chain: HashSet<usize> = HashSet::from_iter([i]);
        while let Some(&b) = ours[*chain.last().expect("starts with i")]
            .base
            .as_ref()
            .and_then(|b| index.get(b))
        {
            if full[b].is_some() || !on_chain.insert(b) {
                break;
            }
            chain.push(b);
        }
        for &c in chain.iter().rev() {
            let inherited: Vec<Property> = ours[c]
                .base
                .as_ref()
                .and_then(|b| index.get(b))
                .and_then(|&b| full[b].as_ref())
                .map(|list| {
                    list.iter()
                        .map(|p| Property {
                            inherited: true,
                            ..p.clone()
                        })
                        .collect()
                })
                .unwrap_or_default();
            let names: HashSet<&str> = inherited.iter().map(|p| p.name.as_str()).collect();
            let mine: Vec<Property> = own[c]
                .iter()
                .filter(|p| !names.contains(p.name.as_str()))
                .cloned()
                .collect();
            full[c] = Some(inherited.into_iter().chain(mine).collect());
        }
    }
    for (t, props) in ours.iter_mut().zip(full) {
        t.properties = props.unwrap_or_default();
    }
}

/// True for the untyped JSON primitive, which a damaged type cell reads as.
fn is_untyped(ty: &TypeRef) -> bool {
    ty.as_primitive() == Some(Primitive::Json)
}

#[cfg(test)]
mod tests;
