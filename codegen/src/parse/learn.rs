//! Learning a tree's words from its pages ([`Lexicon::learn`]): structure says what a word
//! means, recurrence over pages says that it is a word of the tree's language.
//!
//! - **Collection words**: the text left around a link or a primitive in type cells whose JSON
//!   value is an array (`[x](x.md) vorimat` → `vorimat`), when it is arrays on page after page.
//! - **Primitive words**: a type-cell word (its collection words removed) whose rows' JSON
//!   values read as one primitive on page after page (`true`/`false` → `Boolean`, ISO
//!   timestamps and `"String (timestamp)"` → `DateTimeOffset`, numbers, GUIDs, dates, ...).
//!   Words that name a page type of the tree, or look like type names (`printColorMode`), are
//!   not words.
//! - **Inheritance phrases**: the lead of an intro sentence `<lead> [link](x.md)` that recurs
//!   on many pages, and whose linked page's properties recur on the page (the inherited ones).
//! - **Property names**: a name cell that is no JSON key anywhere in the tree (`вопросы`, a
//!   made-up word), on pages whose JSON blocks all leave the same key unclaimed by the other
//!   rows (`questions`): cross-situational learning, the strongest words first, each key the
//!   translation of one word.
//!
//! Every count is a sum over pages and each decision a threshold on sums: the result does not
//! depend on the order of the pages, and the work is linear in their size.

use super::lexicon::{normalize, Evidence, Lexicon};
use super::locale;
use super::page::{Page, PropertyRow};
use super::type_cell::{stripped_words, TypeCell, TypeSpec};
use crate::diag::Location;
use crate::primitive::Primitive;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

/// A word is learned only when it is seen on at least this many pages.
const MIN_PAGES: usize = 3;

/// At most this many words make a learned type or collection word.
const MAX_WORDS: usize = 4;

/// The uses of one candidate word, summed over pages.
#[derive(Debug, Default)]
struct Tally {
    /// Distinct pages (counted while the pages are visited one by one).
    pages: usize,
    /// The page counted last.
    last_page: Option<usize>,
    /// Uses.
    uses: usize,
    /// Uses whose structure agrees.
    agreeing: usize,
    /// The first use by location.
    first: Option<Location>,
}

impl Tally {
    /// Counts one use on page number `page`, at `at`.
    fn add(&mut self, page: usize, at: Location, agrees: bool) {
        if self.last_page != Some(page) {
            self.pages += 1;
            self.last_page = Some(page);
        }
        self.uses += 1;
        self.agreeing += usize::from(agrees);
        if self.first.as_ref().is_none_or(|f| at < *f) {
            self.first = Some(at);
        }
    }

    /// The evidence, when the word recurs on enough pages and at least three quarters of its
    /// uses (and at least [`MIN_PAGES`] of them) agree.
    fn learned(&self) -> Option<Evidence> {
        (self.pages >= MIN_PAGES
            && self.agreeing >= MIN_PAGES
            && self.agreeing * 4 >= self.uses * 3)
            .then(|| self.evidence())
    }

    fn evidence(&self) -> Evidence {
        Evidence {
            pages: self.pages,
            uses: self.uses,
            agreeing: self.agreeing,
            first: self.first.clone().unwrap_or_default(),
        }
    }
}

impl Lexicon {
    /// Learns the words of the tree `pages` beyond the seed (see the module docs). Independent
    /// of the order of `pages`.
    pub fn learn(pages: &[Page]) -> Lexicon {
        // Names first, read with the seed's type words: the JSON values of rows whose names
        // are translated are evidence for the type words too.
        let mut lexicon = Lexicon {
            phrases: learn_phrases(pages),
            ..Lexicon::default()
        };
        lexicon.names = learn_names(pages, &lexicon).0;
        lexicon.collections = learn_collections(pages, &lexicon);
        lexicon.primitives = learn_primitives(pages, &lexicon);
        // Collection words around the primitives just learned (`Mirafo vorimat`).
        let more = learn_collections(pages, &lexicon);
        lexicon.collections.extend(more);
        // Names again, each row's type now read with the tree's words.
        (lexicon.names, lexicon.foreign_names) = learn_names(pages, &lexicon);
        lexicon
    }
}

/// What the pages where one name word is unmatched say it translates.
#[derive(Debug, Default)]
struct NameTally {
    tally: Tally,
    /// JSON key → pages where it was left unclaimed beside the word.
    keys: BTreeMap<String, usize>,
    /// JSON key → pages where it stands between the keys of the word's neighbouring rows.
    anchored: BTreeMap<String, usize>,
    /// Written in camelCase somewhere (`acquiredDateTime`): an identifier, not a word.
    camel_case: bool,
}

/// In a tree with at least this many learned property names, the names are translated: the
/// other row names that are no JSON key anywhere are words too.
const TRANSLATED_TREE: usize = 3;

/// Property names: each row name that is no JSON key of the tree, paired with the keys its
/// pages leave unclaimed by the rows whose names match (and, to break ties, with the key its
/// neighbours' keys enclose). Also the other such names, when the tree's names are translated
/// (see [`TRANSLATED_TREE`]).
fn learn_names(
    pages: &[Page],
    words: &Lexicon,
) -> (BTreeMap<String, (String, Evidence)>, BTreeSet<String>) {
    let all_keys: HashSet<&str> = pages
        .iter()
        .flat_map(|p| p.json.iter().flat_map(|j| j.object.keys()))
        .map(String::as_str)
        .collect();
    let mut tallies: BTreeMap<String, NameTally> = BTreeMap::new();
    for (n, page) in pages.iter().enumerate() {
        let Some(json) = page.json.as_ref() else {
            continue;
        };
        let keys: Vec<&String> = json.object.keys().filter(|k| !k.starts_with('@')).collect();
        let rows: Vec<&PropertyRow> = page.properties.iter().filter(|r| !r.navigation).collect();
        let key_of: Vec<Option<usize>> = rows
            .iter()
            .map(|r| keys.iter().position(|k| k.eq_ignore_ascii_case(&r.name)))
            .collect();
        let claimed: HashSet<usize> = key_of.iter().flatten().copied().collect();
        let free: Vec<usize> = (0..keys.len()).filter(|k| !claimed.contains(k)).collect();
        if free.is_empty() {
            continue;
        }
        let mut seen: HashSet<String> = HashSet::new();
        for (i, row) in rows.iter().enumerate() {
            let word = row.name.to_lowercase();
            if word.is_empty()
                || key_of[i].is_some()
                || all_keys.contains(row.name.as_str())
                || !seen.insert(word.clone())
            {
                continue;
            }
            let t = tallies.entry(word.clone()).or_default();
            t.tally.add(n, page.at(row.line, row.column), true);
            t.camel_case |= looks_like_a_type_name(&row.name);
            let cell = words.reread(row);
            let fits = |k: usize| {
                fits(&cell, &json.object[keys[k].as_str()]) && !spelled_alike(&word, keys[k])
            };
            for &k in free.iter().filter(|&&k| fits(k)) {
                *t.keys.entry(keys[k].clone()).or_insert(0) += 1;
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
                if a == b + 1 && !claimed.contains(&b) && fits(b) {
                    *t.anchored.entry(keys[b].clone()).or_insert(0) += 1;
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
        let anchored = |k: &String| t.anchored.get(k).copied().unwrap_or(0);
        let mut best: Vec<(&String, usize, usize)> = t
            .keys
            .iter()
            .filter(|(k, _)| !taken.contains(k.as_str()))
            .map(|(k, n)| (k, *n, anchored(k)))
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
            learned.insert(word.clone(), (key.clone(), evidence));
        }
    }
    let foreign = if learned.len() >= TRANSLATED_TREE {
        tallies
            .iter()
            .filter(|(w, t)| !t.camel_case && !learned.contains_key(*w))
            .map(|(w, _)| w.clone())
            .collect()
    } else {
        BTreeSet::new()
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
    key.contains(name) || name.contains(&key) || strsim::normalized_levenshtein(name, &key) >= 0.5
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

/// The JSON value the page's JSON block shows for a row: by its name, else by the name in
/// another case, else by the key its name is the tree's word for.
fn json_value<'p>(page: &'p Page, row: &PropertyRow, words: &Lexicon) -> Option<&'p Value> {
    let object = &page.json.as_ref()?.object;
    let learned = || {
        let (key, _) = words.names.get(&row.name.to_lowercase())?;
        object.get(key)
    };
    object.get(&row.name).or_else(learned).or_else(|| {
        object
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(&row.name))
            .map(|(_, v)| v)
    })
}

/// Collection words: what is left of a type cell around its link or primitive, counted over
/// the rows whose JSON value is known, agreeing when it is an array.
fn learn_collections(pages: &[Page], words: &Lexicon) -> BTreeMap<String, Evidence> {
    let mut tallies: BTreeMap<String, Tally> = BTreeMap::new();
    for (n, page) in pages.iter().enumerate() {
        for row in &page.properties {
            let Some(value) = json_value(page, row, words).filter(|v| !v.is_null()) else {
                continue;
            };
            let Some(left) = leftover(row, words) else {
                continue;
            };
            let at = page.at(row.line, row.column);
            tallies
                .entry(left)
                .or_default()
                .add(n, at, value.is_array());
        }
    }
    tallies
        .into_iter()
        .filter(|(w, _)| !words.collections.contains_key(w))
        .filter_map(|(w, t)| Some((w, t.learned()?)))
        .collect()
}

/// The text of a type cell besides its link text or its primitive word, normalized, when
/// the cell is not already read as a collection and that text is a few words.
fn leftover(row: &PropertyRow, words: &Lexicon) -> Option<String> {
    if row.ty.collection || words.mentions_collection(&row.type_text) {
        return None;
    }
    let text = normalize(&row.type_text);
    let left = match &row.ty.spec {
        TypeSpec::Link { text: link, .. } => {
            let link = normalize(link);
            if link.is_empty() {
                return None;
            }
            text.replacen(&link, " ", 1)
        }
        TypeSpec::Primitive(_) | TypeSpec::Name(_) | TypeSpec::Unknown(_) => {
            without_primitive(&text, words)?
        }
    };
    let left = normalize(&left);
    let count = left.split(' ').count();
    (!left.is_empty() && count <= MAX_WORDS && left.chars().any(char::is_alphabetic))
        .then_some(left)
}

/// The normalized `text` without its longest run of words that names a primitive, if any.
fn without_primitive(text: &str, words: &Lexicon) -> Option<String> {
    let list: Vec<&str> = text.split(' ').collect();
    let mut best: Option<(usize, usize)> = None;
    for len in (1..=list.len().min(MAX_WORDS)).rev() {
        for start in 0..=list.len() - len {
            if words
                .primitive(&list[start..start + len].join(" "))
                .is_some()
            {
                best = Some((start, len));
                break;
            }
        }
        if best.is_some() {
            break;
        }
    }
    let (start, len) = best?;
    let mut rest = list[..start].to_vec();
    rest.extend_from_slice(&list[start + len..]);
    Some(rest.join(" "))
}

/// The names the tree's pages give types: page stems and their last `-` segment, annotation
/// type names, enum section names; lowercase.
fn page_type_names(pages: &[Page]) -> HashSet<String> {
    let mut names = HashSet::new();
    for page in pages {
        names.insert(page.stem.clone());
        if let Some((_, last)) = page.stem.rsplit_once('-') {
            names.insert(last.to_owned());
        }
        if let Some(t) = page.annotation.as_ref().and_then(|a| a.odata_type.as_ref()) {
            let simple = t.rsplit('.').next().unwrap_or(t);
            names.insert(simple.to_ascii_lowercase());
        }
        for e in &page.enums {
            if let Some(name) = &e.name {
                names.insert(name.to_ascii_lowercase());
            }
        }
    }
    names
}

/// True for words shaped like a type or property name rather than a word: an ASCII
/// identifier with a capital after its first letter (`printColorMode`).
fn looks_like_a_type_name(word: &str) -> bool {
    crate::docs_text::is_identifier(word) && word.chars().skip(1).any(|c| c.is_ascii_uppercase())
}

/// How alike (0 to 1, normalized Levenshtein) a transliterated word must be to a page type
/// name to stand for it (`аналитиксактивититипе` for `analyticsActivityType`).
const ALIKE: f64 = 0.7;

/// Transliterated words shorter than this are not compared with type names (short words read
/// alike too easily).
const MIN_ALIKE_LEN: usize = 10;

/// True when the normalized `word` names a page type of the tree, as it is or transliterated
/// by machine translation.
fn names_a_page_type(word: &str, names: &HashSet<String>) -> bool {
    if names.contains(word) {
        return true;
    }
    let Some(latin) = locale::transliterate(word).filter(|l| *l != word) else {
        return false;
    };
    if latin.len() < MIN_ALIKE_LEN {
        return names.contains(&latin);
    }
    names.contains(&latin)
        || names
            .iter()
            .any(|n| strsim::normalized_levenshtein(&latin, n) >= ALIKE)
}

/// What a JSON placeholder or example value says of its type word: `true`, `1024`,
/// `1024.5`, `"String (timestamp)"`, `"Int64"`, `"2019-01-27T18:19:50Z"`, a GUID, ... name a
/// primitive, an object a structured type (the first element for an array); `null` says
/// nothing.
fn value_vote(value: &Value) -> Option<Vote> {
    match value {
        Value::Null => None,
        Value::Bool(_) => Some(Vote::Primitive(Primitive::Boolean)),
        Value::Number(n) if n.is_f64() => Some(Vote::Primitive(Primitive::Double)),
        Value::Number(_) => Some(Vote::Primitive(Primitive::Int32)),
        Value::String(s) => Some(Vote::Primitive(string_primitive(s))),
        Value::Array(items) => items.first().and_then(value_vote),
        Value::Object(o) => {
            let edm = o
                .get("@odata.type")
                .and_then(Value::as_str)
                .and_then(|t| Primitive::from_spelling(t.trim_start_matches('#')));
            Some(edm.map_or(Vote::Structured, Vote::Primitive))
        }
    }
}

/// What one JSON value says a type word means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Vote {
    /// This primitive.
    Primitive(Primitive),
    /// A structured type (an object): no primitive.
    Structured,
}

/// The primitive a JSON string shows: a placeholder naming one (`"Int64"`, `"String
/// (timestamp)"`, `"Edm.Guid"`) or an example value's shape; `String` otherwise.
fn string_primitive(s: &str) -> Primitive {
    let s = s.trim();
    let lower = s.to_ascii_lowercase();
    if lower == "true" || lower == "false" {
        return Primitive::Boolean;
    }
    if lower.contains("timestamp") || lower.contains("datetime") {
        return Primitive::DateTimeOffset;
    }
    if lower.contains("duration") {
        return Primitive::Duration;
    }
    let head = s.split(['(', ' ']).next().unwrap_or("");
    if let Some(p) = Primitive::from_spelling(head) {
        return p;
    }
    // A number written as a string (`"4.2"`).
    if s.parse::<i64>().is_ok() {
        return Primitive::Int32;
    }
    if s.parse::<f64>().is_ok_and(f64::is_finite) && s.contains('.') {
        return Primitive::Double;
    }
    shape_primitive(s).unwrap_or(Primitive::String)
}

/// The primitive an example value's shape shows: an ISO 8601 instant, date, time of day or
/// duration, or a GUID.
fn shape_primitive(s: &str) -> Option<Primitive> {
    let b = s.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| b.get(r).is_some_and(|d| d.iter().all(u8::is_ascii_digit));
    let date = digits(0..4)
        && b.get(4) == Some(&b'-')
        && digits(5..7)
        && b.get(7) == Some(&b'-')
        && digits(8..10);
    if date && b.len() == 10 {
        return Some(Primitive::Date);
    }
    if date && matches!(b.get(10), Some(b'T' | b't' | b' ')) {
        return Some(Primitive::DateTimeOffset);
    }
    if digits(0..2) && b.get(2) == Some(&b':') && digits(3..5) && b.len() <= 16 {
        return Some(Primitive::TimeOfDay);
    }
    let guid_groups: Vec<usize> = s.split('-').map(str::len).collect();
    if guid_groups == [8, 4, 4, 4, 12] && s.chars().all(|c| c == '-' || c.is_ascii_hexdigit()) {
        return Some(Primitive::Guid);
    }
    let duration = s.len() > 1
        && s.starts_with('P')
        && s[1..]
            .chars()
            .all(|c| c.is_ascii_digit() || "YMWDTHS.".contains(c));
    duration.then_some(Primitive::Duration)
}

/// True for the numeric primitives, which one word's rows may show as integers or fractions.
fn is_numeric(p: Primitive) -> bool {
    matches!(
        p,
        Primitive::Byte
            | Primitive::SByte
            | Primitive::Int16
            | Primitive::Int32
            | Primitive::Int64
            | Primitive::Single
            | Primitive::Double
            | Primitive::Decimal
    )
}

/// Primitive words: the words of type cells read as no type, counted over the rows whose JSON
/// value is known, each value a vote for a primitive.
fn learn_primitives(pages: &[Page], words: &Lexicon) -> BTreeMap<String, (Primitive, Evidence)> {
    let names = page_type_names(pages);
    let mut tallies: BTreeMap<String, (Tally, BTreeMap<Vote, usize>)> = BTreeMap::new();
    for (n, page) in pages.iter().enumerate() {
        for row in &page.properties {
            let candidate = match &row.ty.spec {
                TypeSpec::Name(name) if !name.contains('.') => name.as_str(),
                TypeSpec::Unknown(text) => text.as_str(),
                _ => continue,
            };
            if looks_like_a_type_name(candidate) {
                continue;
            }
            let (_, head) = stripped_words(candidate, words);
            let word = normalize(&head);
            if word.is_empty()
                || word.split(' ').count() > MAX_WORDS
                || !word.chars().any(char::is_alphabetic)
            {
                continue;
            }
            let Some(vote) = json_value(page, row, words).and_then(value_vote) else {
                continue;
            };
            let (tally, votes) = tallies.entry(word).or_default();
            tally.add(n, page.at(row.line, row.column), true);
            *votes.entry(vote).or_insert(0) += 1;
        }
    }
    let mut learned = BTreeMap::new();
    for (word, (mut tally, votes)) in tallies {
        if names_a_page_type(&word, &names) {
            continue;
        }
        let Some((primitive, agreeing)) = winner(&votes) else {
            continue;
        };
        tally.agreeing = agreeing;
        if let Some(evidence) = tally.learned() {
            learned.insert(word, (primitive, evidence));
        }
    }
    learned
}

/// The primitive most votes name and how many agree with it: the numeric primitives count
/// together (a `Double` word's rows show `1024` as well as `1024.5`), then the most named one
/// of them wins. `None` when objects win.
fn winner(votes: &BTreeMap<Vote, usize>) -> Option<(Primitive, usize)> {
    let numeric: usize = votes
        .iter()
        .filter(|(v, _)| matches!(v, Vote::Primitive(p) if is_numeric(*p)))
        .map(|(_, n)| n)
        .sum();
    let best_other = votes
        .iter()
        .filter(|(v, _)| !matches!(v, Vote::Primitive(p) if is_numeric(*p)))
        .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)));
    match best_other {
        Some((vote, n)) if *n >= numeric => match vote {
            Vote::Primitive(p) => Some((*p, *n)),
            Vote::Structured => None,
        },
        _ if numeric == 0 => None,
        _ => {
            let (vote, _) = votes
                .iter()
                .filter(|(v, _)| matches!(v, Vote::Primitive(p) if is_numeric(*p)))
                .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))?;
            match vote {
                Vote::Primitive(p) => Some((*p, numeric)),
                Vote::Structured => None,
            }
        }
    }
}

/// The names a page shows for properties: JSON keys (not `@` annotations) and row names.
fn property_names(page: &Page) -> impl Iterator<Item = &str> {
    let keys = page
        .json
        .iter()
        .flat_map(|j| j.object.keys())
        .filter(|k| !k.starts_with('@'))
        .map(String::as_str);
    keys.chain(page.properties.iter().map(|r| r.name.as_str()))
}

/// Inheritance phrases: the leads of linked intro sentences (the seed's own phrases left out),
/// counted over pages; a use agrees when at least half the properties of the linked page are
/// on the page too.
fn learn_phrases(pages: &[Page]) -> BTreeMap<String, Evidence> {
    let mut names: HashMap<&str, HashSet<&str>> = HashMap::new();
    for page in pages {
        names
            .entry(page.stem.as_str())
            .or_default()
            .extend(property_names(page));
    }
    let mut tallies: BTreeMap<&str, Tally> = BTreeMap::new();
    let empty = HashSet::new();
    for (n, page) in pages.iter().enumerate() {
        let own = names.get(page.stem.as_str()).unwrap_or(&empty);
        for phrase in &page.linked_phrases {
            let lead = phrase.lead.as_str();
            if locale::mentions_inheritance(lead) || locale::turns_inheritance_around(lead) {
                continue;
            }
            let Some(stem) = phrase.link.target.stem().filter(|s| *s != page.stem) else {
                continue;
            };
            let linked = names.get(stem).unwrap_or(&empty);
            let shared = linked.iter().filter(|k| own.contains(*k)).count();
            let agrees = !linked.is_empty() && shared * 2 >= linked.len();
            let at = page.at(phrase.link.line, 1);
            tallies.entry(lead).or_default().add(n, at, agrees);
        }
    }
    tallies
        .into_iter()
        .filter(|(_, t)| t.pages >= MIN_PAGES && t.agreeing >= 2 && t.agreeing * 2 > t.uses)
        .map(|(w, t)| (w.to_owned(), t.evidence()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_values_vote_for_primitives() {
        let vote = |v: Value| value_vote(&v);
        let p = |p| Some(Vote::Primitive(p));
        assert_eq!(vote(serde_json::json!(true)), p(Primitive::Boolean));
        assert_eq!(vote(serde_json::json!(1024)), p(Primitive::Int32));
        assert_eq!(vote(serde_json::json!(1024.5)), p(Primitive::Double));
        assert_eq!(
            vote(serde_json::json!("String (timestamp)")),
            p(Primitive::DateTimeOffset)
        );
        assert_eq!(
            vote(serde_json::json!("2019-01-27T18:19:50.74Z")),
            p(Primitive::DateTimeOffset)
        );
        assert_eq!(vote(serde_json::json!("2019-01-27")), p(Primitive::Date));
        assert_eq!(vote(serde_json::json!("Int64")), p(Primitive::Int64));
        assert_eq!(
            vote(serde_json::json!("fa4aa5a2-a75b-4769-8a4e-000000000000")),
            p(Primitive::Guid)
        );
        assert_eq!(vote(serde_json::json!("PT1H30M")), p(Primitive::Duration));
        assert_eq!(vote(serde_json::json!("some text")), p(Primitive::String));
        assert_eq!(vote(serde_json::json!(["String"])), p(Primitive::String));
        assert_eq!(vote(serde_json::json!({"a": 1})), Some(Vote::Structured));
        assert_eq!(vote(serde_json::json!(null)), None);
    }

    #[test]
    fn numbers_count_together_and_objects_win_nothing() {
        let votes: BTreeMap<Vote, usize> = [
            (Vote::Primitive(Primitive::Double), 40),
            (Vote::Primitive(Primitive::Int32), 19),
            (Vote::Primitive(Primitive::String), 2),
        ]
        .into();
        assert_eq!(winner(&votes), Some((Primitive::Double, 59)));
        let votes: BTreeMap<Vote, usize> = [
            (Vote::Structured, 5),
            (Vote::Primitive(Primitive::String), 2),
        ]
        .into();
        assert_eq!(winner(&votes), None);
    }

    #[test]
    fn type_names_are_no_words() {
        assert!(looks_like_a_type_name("printColorMode"));
        assert!(!looks_like_a_type_name("Mirafo"));
        assert!(!looks_like_a_type_name("логическое"));
    }
}
