//! Property names in the tree's language (`вопросы`, a made-up word) learned as the JSON keys
//! they stand for (`questions`): a name cell that is no JSON key anywhere in the tree, on
//! pages whose JSON blocks all leave the same key unclaimed by the other rows. This is
//! cross-situational learning: one page leaves several keys open, the pages together leave
//! one; the words of most pages go first and each key is the translation of one word. A key
//! must fit the row's type cell (read with the tree's words) and must not be spelled like the
//! name (`viewpoint` for `chatViewpoint` is a variant, not a translation).

use super::json_value::JsonValue as Value;
use super::learn::{looks_like_a_type_name, PageKeys, Tally};
use super::lexicon::{Evidence, Lexicon};
use super::locale;
use super::page::{Page, PropertyRow};
use super::type_cell::{TypeCell, TypeSpec};
use crate::primitive::Primitive;
use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};
use rapidfuzz::distance::levenshtein;
use std::collections::BTreeMap;

/// What the pages where one name word is unmatched say it translates.
#[derive(Debug, Default)]
struct NameTally<'p> {
    tally: Tally,
    /// JSON key → pages where it was left unclaimed beside the word.
    keys: BTreeMap<&'p str, usize>,
    /// JSON key → pages where it stands between the keys of the word's neighbouring rows.
    anchored: BTreeMap<&'p str, usize>,
    /// Written in camelCase somewhere (`acquiredDateTime`): an identifier, not a word.
    camel_case: bool,
}

/// A page with more unclaimed keys, or more unmatched rows, than this teaches no names.
const MAX_OPEN: usize = 64;

/// In a tree with at least this many learned property names, the names are translated: the
/// other row names that are no JSON key anywhere are words too.
const TRANSLATED_TREE: usize = 3;

/// What [`learn_names`] reads of the pages whatever the words: computed once for its runs.
pub(super) struct NamePages<'p> {
    /// The names of the pages' unmatched rows that are a JSON key somewhere in the tree.
    keys_elsewhere: HashSet<&'p str>,
    /// The pages that leave some keys unclaimed (and not too many keys or rows open).
    pages: Vec<NamePage<'p>>,
}

/// A page whose JSON block leaves keys unclaimed by its rows.
struct NamePage<'p> {
    /// Its number in the tree.
    n: usize,
    page: &'p Page,
    /// The block's keys, `@` annotations left out.
    keys: Vec<&'p String>,
    /// Their values.
    values: Vec<&'p Value>,
    /// The rows of properties (not relationships).
    rows: Vec<&'p PropertyRow>,
    /// Their names, lowercase, for the rows no key matches (empty for the others).
    words: Vec<String>,
    /// The key each row's name matches (in any case).
    key_of: Vec<Option<usize>>,
    /// By key: claimed by a row.
    claimed: Vec<bool>,
    /// The keys no row claims.
    free: Vec<usize>,
}

impl<'p> NamePages<'p> {
    /// The pages' keys and rows, as [`learn_names`] reads them; `exact` gives each page's
    /// entries and the key each row's name is ([`PageKeys`], by page).
    pub(super) fn new(pages: &'p [Page], exact: &[PageKeys]) -> NamePages<'p> {
        let mut open = Vec::new();
        let mut check = ExactCheck::default();
        for (n, (page, exact)) in pages.iter().zip(exact).enumerate() {
            let Some(json) = page.json.as_ref() else {
                continue;
            };
            // Most pages name every key exactly: they leave no key unclaimed.
            if check.claims_every_key(page, exact) {
                continue;
            }
            let (keys, values): (Vec<&String>, Vec<&Value>) = (json.object.iter())
                .filter(|(k, _)| !k.starts_with('@'))
                .unzip();
            let rows: Vec<&PropertyRow> =
                page.properties.iter().filter(|r| !r.navigation).collect();
            let names: Vec<&str> = rows.iter().map(|r| r.name.as_str()).collect();
            let key_of = match_keys(&keys, &names);
            let mut claimed = vec![false; keys.len()];
            for &k in key_of.iter().flatten() {
                claimed[k] = true;
            }
            let free: Vec<usize> = (0..keys.len()).filter(|&k| !claimed[k]).collect();
            let unmatched = key_of.iter().filter(|k| k.is_none()).count();
            // A page leaving many keys and rows open says little of any one word (and would
            // cost the product of the two).
            if free.is_empty() || free.len() > MAX_OPEN || unmatched > MAX_OPEN {
                continue;
            }
            // Only the unmatched rows' names are words to learn.
            let words: Vec<String> = (rows.iter().zip(&key_of))
                .map(|(r, k)| match k {
                    None => r.name.to_lowercase(),
                    Some(_) => String::new(),
                })
                .collect();
            open.push(NamePage {
                n,
                page,
                keys,
                values,
                rows,
                words,
                key_of,
                claimed,
                free,
            });
        }
        let unmatched = (open.iter()).flat_map(|o| {
            (o.rows.iter().zip(&o.key_of))
                .filter(|(_, k)| k.is_none())
                .map(|(r, _)| r.name.as_str())
        });
        let keys_elsewhere = keys_among(pages, unmatched);
        NamePages {
            keys_elsewhere,
            pages: open,
        }
    }
}

/// Buffers for [`ExactCheck::claims_every_key`], kept from page to page.
#[derive(Default)]
struct ExactCheck {
    /// By entry of the block: whether a property row (not a relationship) is named exactly as
    /// its key.
    named: Vec<bool>,
    /// The keys' shapes (length, lowercase first byte) and entry indexes.
    shapes: Vec<(usize, u8, usize)>,
}

impl ExactCheck {
    /// True when every key of `page`'s block (`@` annotations left out) is the exact name of
    /// one of its property rows (not relationships; `exact` is the page's [`PageKeys`]), and
    /// the keys are ASCII and distinct in any case. Then each key is the first spelled like
    /// that row's name in any case (what [`match_keys`] finds): every key is claimed, and the
    /// page teaches no names. Known without comparing names and keys in any case.
    fn claims_every_key(&mut self, page: &Page, exact: &PageKeys) -> bool {
        let entries = &exact.entries;
        self.named.clear();
        self.named.resize(entries.len(), false);
        let rows = page.properties.iter().zip(&exact.exact);
        for (_, k) in rows.filter(|(r, _)| !r.navigation) {
            if let Some(named) = k.and_then(|k| self.named.get_mut(k)) {
                *named = true;
            }
        }
        self.shapes.clear();
        for ((k, (key, _)), named) in entries.iter().enumerate().zip(&self.named) {
            if key.starts_with('@') {
                continue;
            }
            if !named || !key.is_ascii() {
                return false;
            }
            let first = key.as_bytes().first().map_or(0, u8::to_ascii_lowercase);
            self.shapes.push((key.len(), first, k));
        }
        // Keys equal in ASCII case have one shape: only keys of a shape are compared.
        self.shapes.sort_unstable();
        let alike = |a: usize, b: usize| {
            (entries.get(a).zip(entries.get(b)))
                .is_some_and(|((a, _), (b, _))| a.eq_ignore_ascii_case(b))
        };
        (self.shapes.chunk_by(|a, b| (a.0, a.1) == (b.0, b.1))).all(|same| {
            (same.iter().enumerate()).all(|(i, a)| same[..i].iter().all(|b| !alike(a.2, b.2)))
        })
    }
}

/// Which of `names` are a JSON key of some page. Only the keys whose first byte and length a
/// name shares are looked up: there are few names, and most keys of the tree are none of them.
fn keys_among<'p>(pages: &'p [Page], names: impl Iterator<Item = &'p str>) -> HashSet<&'p str> {
    let names: HashSet<&str> = names.filter(|n| !n.is_empty()).collect();
    // By first byte, a bit for each length (lengths from 63 on share the last).
    let mut shapes = [0u64; 256];
    let shape = |text: &str| text.as_bytes().first().map(|&b| (b, text.len().min(63)));
    for (first, length) in names.iter().filter_map(|n| shape(n)) {
        shapes[usize::from(first)] |= 1 << length;
    }
    let keys = (pages.iter()).flat_map(|p| p.json.iter().flat_map(|j| j.object.keys()));
    keys.map(String::as_str)
        .filter(|k| {
            shape(k).is_some_and(|(first, length)| shapes[usize::from(first)] >> length & 1 == 1)
        })
        .filter_map(|k| names.get(k).copied())
        .collect()
}

/// Above this many (name, key) pairs, [`match_keys`] looks names up in a map of lowercase keys
/// rather than comparing each name with each key.
const PAIRS_COMPARED: usize = 4096;

/// For each name, the first key spelled like it in any case (`str::to_lowercase` of both
/// equal). Most pages match every row, and then [`NamePages::new`] drops them: compared in
/// place, without lowercasing and hashing every name and key of the tree.
fn match_keys(keys: &[&String], names: &[&str]) -> Vec<Option<usize>> {
    if keys.len() * names.len() > PAIRS_COMPARED {
        match_keys_by_map(keys, names)
    } else {
        match_keys_in_place(keys, names)
    }
}

/// [`match_keys`] through a map from lowercase keys.
fn match_keys_by_map(keys: &[&String], names: &[&str]) -> Vec<Option<usize>> {
    let mut index: HashMap<String, usize> = HashMap::with_capacity(keys.len());
    for (i, k) in keys.iter().enumerate() {
        index.entry(k.to_lowercase()).or_insert(i);
    }
    names
        .iter()
        .map(|name| index.get(&name.to_lowercase()).copied())
        .collect()
}

/// [`match_keys`] by comparing each name with each key. A lowercase text equals an ASCII
/// text's lowercase exactly when the two are equal ignoring ASCII case: only the non-ASCII
/// texts are lowercased.
fn match_keys_in_place(keys: &[&String], names: &[&str]) -> Vec<Option<usize>> {
    let lower_keys: Vec<Option<String>> = keys
        .iter()
        .map(|k| (!k.is_ascii()).then(|| k.to_lowercase()))
        .collect();
    names
        .iter()
        .map(|&name| {
            let lower;
            let name = if name.is_ascii() {
                name
            } else {
                lower = name.to_lowercase();
                lower.as_str()
            };
            keys.iter().zip(&lower_keys).position(|(key, lower_key)| {
                name.eq_ignore_ascii_case(lower_key.as_deref().unwrap_or(key))
            })
        })
        .collect()
}

/// Property names: each row name that is no JSON key of the tree, paired with the keys its
/// pages leave unclaimed by the rows whose names match (and, to break ties, with the key its
/// neighbours' keys enclose). Also the other such names, when the tree's names are translated
/// (see [`TRANSLATED_TREE`]).
pub(super) fn learn_names<'p>(
    pages: &NamePages<'p>,
    words: &Lexicon,
) -> (BTreeMap<String, (String, Evidence)>, HashSet<String>) {
    let mut tallies: BTreeMap<String, NameTally<'p>> = BTreeMap::new();
    for open in &pages.pages {
        let NamePage {
            n,
            page,
            keys,
            values,
            rows,
            key_of,
            claimed,
            free,
            ..
        } = open;
        let mut seen: HashSet<&str> = HashSet::new();
        for (i, row) in rows.iter().enumerate() {
            let word = open.words[i].as_str();
            if word.is_empty()
                || key_of[i].is_some()
                || pages.keys_elsewhere.contains(row.name.as_str())
                || !seen.insert(word)
            {
                continue;
            }
            let t = match tallies.get_mut(word) {
                Some(t) => t,
                None => tallies.entry(word.to_owned()).or_default(),
            };
            t.tally.add(*n, page.at(row.line, row.column), true);
            t.camel_case |= looks_like_a_type_name(&row.name);
            let cell = words.reread(row);
            let fits = |k: usize| fits(&cell, values[k]) && !spelled_alike(word, keys[k]);
            for &k in free.iter().filter(|&&k| fits(k)) {
                *t.keys.entry(keys[k].as_str()).or_insert(0) += 1;
            }
            // The key between the keys of the rows before and after (the block's ends count).
            let before = if i == 0 {
                Some(0)
            } else {
                key_of[i - 1].map(|k| k + 1)
            };
            let after = if i + 1 == rows.len() {
                Some(keys.len())
            } else {
                key_of[i + 1]
            };
            if let (Some(b), Some(a)) = (before, after) {
                if a == b + 1 && !claimed[b] && fits(b) {
                    *t.anchored.entry(keys[b].as_str()).or_insert(0) += 1;
                }
            }
        }
    }
    // The words of several pages first, the strongest first; each key goes to one word.
    let mut order: Vec<(&String, &NameTally)> = tallies.iter().collect();
    order.sort_by(|a, b| b.1.tally.pages.cmp(&a.1.tally.pages).then(a.0.cmp(b.0)));
    let mut taken: HashSet<&str> = HashSet::new();
    let mut learned = BTreeMap::new();
    for (word, t) in order {
        let anchored = |k: &str| t.anchored.get(k).copied().unwrap_or(0);
        let mut best: Vec<(&str, usize, usize)> = t
            .keys
            .iter()
            .filter(|(k, _)| !taken.contains(*k))
            .map(|(&k, n)| (k, *n, anchored(k)))
            .collect();
        best.sort_by(|a, b| (b.1, b.2).cmp(&(a.1, a.2)).then(a.0.cmp(b.0)));
        let Some(&(key, count, by_place)) = best.first() else {
            continue;
        };
        let runner_up = best.get(1).map_or((0, 0), |b| (b.1, b.2));
        let several = t.tally.pages >= 2 && count * 4 >= t.tally.pages * 3;
        if several && (count, by_place) > runner_up && count > runner_up.0 {
            taken.insert(key);
            let mut evidence = t.tally.evidence();
            evidence.agreeing = count;
            learned.insert(word.clone(), (key.to_owned(), evidence));
        }
    }
    let foreign = if learned.len() >= TRANSLATED_TREE {
        tallies
            .iter()
            .filter(|(w, t)| !t.camel_case && !learned.contains_key(*w))
            .map(|(w, _)| w.clone())
            .collect()
    } else {
        HashSet::default()
    };
    (learned, foreign)
}

/// True when an ASCII row name (lowercase) is spelled like a JSON key: a variant or a typo
/// on one side (`viewpoint` for `chatViewpoint`), not a word of another language.
fn spelled_alike(name: &str, key: &str) -> bool {
    if !name.is_ascii() {
        return false;
    }
    let key = key.to_ascii_lowercase();
    // strsim's `normalized_levenshtein` (1 - distance / longer length, in characters), by
    // rapidfuzz's bit-parallel measure.
    key.contains(name)
        || name.contains(&key)
        || levenshtein::normalized_similarity(name.chars(), key.chars()) >= 0.5
}

/// True when a type cell allows the JSON value: a collection for an array, a single value
/// otherwise; no object for a primitive other than `Json`, no number or boolean for a link or
/// type name.
fn fits(cell: &TypeCell, value: &Value) -> bool {
    let element = match value {
        Value::Null => return true,
        Value::Array(items) if cell.collection => match items.first() {
            Some(e) => e,
            None => return true,
        },
        Value::Array(_) => return false,
        // `"Collection(string)"`, `"[String]"`: a collection written as one placeholder.
        Value::String(s) if s.starts_with('[') || locale::mentions_collection(s) => value,
        _ if cell.collection => return false,
        v => v,
    };
    match &cell.spec {
        TypeSpec::Primitive(Primitive::Json) | TypeSpec::Unknown(_) => true,
        TypeSpec::Primitive(_) => !element.is_object() || element.get("@odata.type").is_some(),
        TypeSpec::Link { .. } | TypeSpec::Name(_) => element.is_object() || element.is_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::{keys_among, match_keys, match_keys_by_map, match_keys_in_place, ExactCheck};
    use crate::parse::learn::tests::{base_page, made_up_page};
    use crate::parse::learn::PageKeys;
    use crate::parse::page::Page;
    use crate::parse::parse_page;
    use foldhash::HashSet;

    #[test]
    fn a_page_claims_every_key_only_when_names_in_any_case_claim_them_all() {
        let page = |rows: &str, json: &str| {
            let text = format!("<!-- {{\"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.x\"}} -->\n```json\n{json}\n```\n\n## Properties\n|Property|Type|Description|\n|-|-|-|\n{rows}\n## Relationships\n|Relationship|Type|Description|\n|-|-|-|\n|owner|[user](user.md)|x|\n");
            parse_page("x.md", &text)
        };
        let cases = [
            (
                "|id|String|x|\n|name|String|x|\n",
                r#"{"@odata.type": "x", "name": "s", "id": "s"}"#,
                true,
            ),
            // Keys alike in case: the second is nobody's first key in any case.
            (
                "|id|String|x|\n|Id|String|x|\n",
                r#"{"id": "s", "Id": "s"}"#,
                false,
            ),
            ("|id|String|x|\n", r#"{"id": "s", "name": "s"}"#, false),
            (
                "|id|String|x|\n|Вопросы|String|x|\n",
                r#"{"id": "s", "Вопросы": "s"}"#,
                false,
            ),
            // Only a relationship has the name.
            ("|id|String|x|\n", r#"{"id": "s", "owner": {}}"#, false),
            ("|id|String|x|\n", "{}", true),
        ];
        let mut check = ExactCheck::default();
        for (rows, json, expected) in cases {
            let page = page(rows, json);
            let claims = check.claims_every_key(&page, &PageKeys::of(&page));
            assert_eq!(claims, expected, "{json}");
            // What matching every name in any case finds, when the check says so.
            let keys: Vec<&String> = (page.json.iter().flat_map(|j| j.object.keys()))
                .filter(|k| !k.starts_with('@'))
                .collect();
            let names: Vec<&str> = (page.properties.iter())
                .filter(|r| !r.navigation)
                .map(|r| r.name.as_str())
                .collect();
            let claimed: HashSet<usize> = match_keys(&keys, &names).into_iter().flatten().collect();
            assert!(!claims || claimed.len() == keys.len(), "{json}");
        }
    }

    #[test]
    fn keys_among_finds_the_names_every_key_lookup_finds() {
        let mut pages: Vec<Page> = (0..4).map(made_up_page).collect();
        pages.push(base_page());
        let all_keys: HashSet<&str> = (pages.iter())
            .flat_map(|p| p.json.iter().flat_map(|j| j.object.keys()))
            .map(String::as_str)
            .collect();
        assert!(!all_keys.is_empty());
        let long = "x".repeat(70);
        let mut names: Vec<&str> = all_keys.iter().copied().collect();
        names.extend(["", "Id", "missing", "вопросы", long.as_str()]);
        let found = keys_among(&pages, names.iter().copied());
        let expected: HashSet<&str> = (names.iter().copied())
            .filter(|n| all_keys.contains(n))
            .collect();
        assert_eq!(found, expected);
    }

    #[test]
    fn names_match_keys_in_any_case_alike_both_ways() {
        let keys: Vec<String> = [
            "id",
            "Id",
            "displayName",
            "вопросы",
            "Kelvin",
            "ΟΔΟΣ",
            "İd",
            "strasse",
            "",
        ]
        .map(String::from)
        .to_vec();
        let keys: Vec<&String> = keys.iter().collect();
        let names = [
            "ID",
            "id",
            "DISPLAYNAME",
            "Вопросы",
            "ВОПРОСЫ",
            "\u{212A}elvin",
            "οδος",
            "ΟΔΟΣ",
            "i\u{307}d",
            "İD",
            "straße",
            "",
            "missing",
            "kelvin",
        ];
        let in_place = match_keys_in_place(&keys, &names);
        assert_eq!(in_place, match_keys_by_map(&keys, &names));
        // The first key in any case; the Kelvin sign lowercases to an ASCII `k`.
        assert_eq!(in_place[..3], [Some(0), Some(0), Some(2)]);
        assert_eq!(in_place[5], Some(4));
        assert_eq!(in_place[12], None);
    }
}
