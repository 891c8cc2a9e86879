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
//! - **Property names** (`learn_names`): a name cell that is no JSON key anywhere in the tree
//!   (`вопросы`, a made-up word), on pages whose JSON blocks all leave the same key unclaimed
//!   by the other rows (`questions`).
//!
//! Every count is a sum over pages and each decision a threshold on sums: the result does not
//! depend on the order of the pages, and the work is linear in their size.

use super::json_value::JsonValue as Value;
use super::learn_names::{learn_names, NamePages};
use super::lexicon::{lowercase_in, normalize, Evidence, Lexicon};
use super::locale;
use super::page::{LinkedPhrase, Page, PropertyRow};
use super::placeholder::{value_vote, winner, Vote};
use super::type_cell::{stripped_words, TypeSpec};
use crate::diag::Location;
use crate::primitive::Primitive;
use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};
use rapidfuzz::distance::levenshtein;
use std::cell::OnceCell;
use std::collections::BTreeMap;

/// A word is learned only when it is seen on at least this many pages.
const MIN_PAGES: usize = 3;

/// At most this many words make a learned type or collection word.
const MAX_WORDS: usize = 4;

/// The uses of one candidate word, summed over pages.
#[derive(Debug, Default)]
pub(super) struct Tally {
    /// Distinct pages (counted while the pages are visited one by one).
    pub(super) pages: usize,
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
    pub(super) fn add(&mut self, page: usize, at: Location, agrees: bool) {
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

    /// The evidence as counted.
    pub(super) fn evidence(&self) -> Evidence {
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
        // What each pass reads of a page whatever the words, computed once for all of them.
        let mut values: Vec<RowValues> = pages.iter().map(RowValues::of).collect();
        let keys: Vec<PageKeys> = pages.iter().map(PageKeys::of).collect();
        let open = NamePages::new(pages, &keys);
        // Names first, read with the seed's type words: the JSON values of rows whose names
        // are translated are evidence for the type words too.
        let mut lexicon = Lexicon {
            phrases: learn_phrases(pages),
            ..Lexicon::default()
        };
        let (names, foreign_names) = learn_names(&open, &lexicon);
        lexicon.names = names;
        // The rows' JSON values, which depend on the names only.
        for ((values, page), keys) in values.iter_mut().zip(pages).zip(&keys) {
            values.look_up(page, keys, &lexicon);
        }
        lexicon.collections = learn_collections(pages, &values, &lexicon);
        lexicon.primitives = learn_primitives(pages, &values, &lexicon);
        // Collection words around the primitives just learned (`Mirafo vorimat`), and those
        // whose other uses the words just learned explain. With nothing learned since, the
        // words are those of the first pass, which learned nothing: no need to look again.
        if !lexicon.collections.is_empty() || !lexicon.primitives.is_empty() {
            let more = learn_collections(pages, &values, &lexicon);
            lexicon.collections.extend(more);
        }
        // Names again, each row's type now read with the tree's words. `learn_names` reads
        // the words only through `reread`, which reads as the seed until a type word is
        // learned: with none, the first pass's answer stands.
        if lexicon.rereads_types() {
            (lexicon.names, lexicon.foreign_names) = learn_names(&open, &lexicon);
        } else {
            lexicon.foreign_names = foreign_names;
        }
        lexicon
    }
}

/// JSON blocks with at most this many keys are searched key by key for a row's name rather
/// than through their map.
const SCANNED_KEYS: usize = 32;

/// A page's JSON entries and the entry each row's name is the key of: what the passes compare
/// first, found once per page.
pub(super) struct PageKeys<'p> {
    /// The block's entries in document order, `@` annotations included (none without a block).
    pub(super) entries: Vec<(&'p String, &'p Value)>,
    /// By row: the index in `entries` of the key spelled exactly as the row's name (keys are
    /// distinct: there is at most one).
    pub(super) exact: Vec<Option<usize>>,
}

impl<'p> PageKeys<'p> {
    /// The entries of `page`'s block and the key each row's name is.
    pub(super) fn of(page: &'p Page) -> PageKeys<'p> {
        let Some(object) = page.json.as_ref().map(|j| &j.object) else {
            return PageKeys {
                entries: Vec::new(),
                exact: vec![None; page.properties.len()],
            };
        };
        let entries: Vec<(&'p String, &'p Value)> = object.iter().collect();
        // Blocks mostly list the rows' keys in the rows' order: the key after the one found
        // last is compared first.
        let mut next = 0;
        let exact = (page.properties.iter())
            .map(|row| {
                if entries.get(next).is_some_and(|(key, _)| **key == row.name) {
                    next += 1;
                    return Some(next - 1);
                }
                // A short block is searched in order (cheaper than hashing the name), a long
                // one only when its map has the name.
                if entries.len() > SCANNED_KEYS && !object.contains_key(&row.name) {
                    return None;
                }
                let found = entries.iter().position(|(key, _)| **key == row.name)?;
                next = found + 1;
                Some(found)
            })
            .collect();
        PageKeys { entries, exact }
    }
}

/// What the passes read of a page's rows besides the words: each row's JSON value, its type
/// cell's normalized text and whether the seed reads the cell as a collection (built once per
/// page).
struct RowValues<'p> {
    /// By row: its type cell's text, normalized (when first asked).
    type_texts: Vec<OnceCell<String>>,
    /// By row: whether the seed reads its type cell as a collection.
    seed_collection: Vec<bool>,
    /// By row: the value the block shows for it ([`RowValues::look_up`]).
    values: Vec<Option<&'p Value>>,
}

impl<'p> RowValues<'p> {
    fn of(page: &'p Page) -> RowValues<'p> {
        RowValues {
            type_texts: vec![OnceCell::new(); page.properties.len()],
            // The type cell was read with the seed: its collection flag is the seed's answer
            // for its text (asking the locale again was a fortieth of learning).
            seed_collection: page.properties.iter().map(|r| r.ty.collection).collect(),
            values: Vec::new(),
        }
    }

    /// Looks up the value the block of `page` (the page these values are of, whose entries
    /// are `keys`) shows for each row: by its name, else by the key its name is the tree's
    /// word for in `words`, else by its name in another case.
    fn look_up(&mut self, page: &'p Page, keys: &PageKeys<'p>, words: &Lexicon) {
        let Some(object) = page.json.as_ref().map(|j| &j.object) else {
            self.values = vec![None; page.properties.len()];
            return;
        };
        // Lowercase key → the value of the first key of that spelling (when first needed, for
        // a long block).
        let mut lower: Option<HashMap<String, &'p Value>> = None;
        // By key of a short block: its lowercase when it is not ASCII (when first needed).
        let mut lower_keys: Option<Vec<Option<String>>> = None;
        let mut buffer = String::new();
        let entries = &keys.entries;
        self.values = (page.properties.iter().zip(&keys.exact))
            .map(|(row, exact)| {
                if let Some(k) = *exact {
                    return entries.get(k).map(|&(_, value)| value);
                }
                let name = lowercase_in(&row.name, &mut buffer);
                if let Some(value) = words.names.get(name).and_then(|(k, _)| object.get(k)) {
                    return Some(value);
                }
                if entries.len() <= SCANNED_KEYS {
                    // The first key whose lowercase is the name's, compared in place: a
                    // lowercase name equals an ASCII key's lowercase exactly when the two are
                    // equal ignoring ASCII case, and another key's when equal to it.
                    let lower_keys = lower_keys.get_or_insert_with(|| {
                        (entries.iter())
                            .map(|(k, _)| (!k.is_ascii()).then(|| k.to_lowercase()))
                            .collect()
                    });
                    return (entries.iter().zip(lower_keys.iter()))
                        .find(|((key, _), lower_key)| {
                            name.eq_ignore_ascii_case(lower_key.as_deref().unwrap_or(key))
                        })
                        .map(|(&(_, value), _)| value);
                }
                let lower = lower.get_or_insert_with(|| {
                    let mut lower = HashMap::with_capacity(object.len());
                    for (k, v) in object {
                        lower.entry(k.to_lowercase()).or_insert(v);
                    }
                    lower
                });
                lower.get(name).copied()
            })
            .collect();
    }

    /// The value of row number `i`, once [`RowValues::look_up`] has run.
    fn value(&self, i: usize) -> Option<&'p Value> {
        self.values.get(i).copied().flatten()
    }

    /// The type cell text of row number `i` (`row`), normalized.
    fn type_text(&self, i: usize, row: &PropertyRow) -> &str {
        self.type_texts[i].get_or_init(|| normalize(&row.type_text))
    }
}

/// Collection words: what is left of a type cell around its link or primitive, counted over
/// the rows whose JSON value is known and whose cell is not already read as a collection,
/// agreeing when the value is an array.
fn learn_collections(
    pages: &[Page],
    values: &[RowValues],
    words: &Lexicon,
) -> BTreeMap<String, Evidence> {
    let mut tallies: BTreeMap<String, Tally> = BTreeMap::new();
    for (n, (page, values)) in pages.iter().zip(values).enumerate() {
        for (i, row) in page.properties.iter().enumerate() {
            let Some(value) = values.value(i).filter(|v| !v.is_null()) else {
                continue;
            };
            if values.seed_collection[i] || words.learned_collection_in(&row.type_text).is_some() {
                continue;
            }
            let Some(left) = leftover(row, || values.type_text(i, row), words) else {
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
/// that text is a few words. `text` gives the cell's text normalized.
fn leftover<'t>(
    row: &PropertyRow,
    text: impl FnOnce() -> &'t str,
    words: &Lexicon,
) -> Option<String> {
    let left = match &row.ty.spec {
        TypeSpec::Link { text: link, .. } => {
            // A cell that is its link's text alone (most link cells) leaves nothing, and
            // neither text need be normalized to see it.
            if row.type_text == *link {
                return None;
            }
            let link = normalize(link);
            let text = text();
            if link.is_empty() || text == link {
                return None;
            }
            text.replacen(&link, " ", 1)
        }
        TypeSpec::Primitive(_) | TypeSpec::Name(_) | TypeSpec::Unknown(_) => {
            // One word is a primitive or none: nothing is left around it (most cells).
            if is_one_word(&row.type_text) {
                return None;
            }
            let text = text();
            if !text.contains(' ') {
                return None;
            }
            without_primitive(text, words)?
        }
    };
    let left = normalize(&left);
    let count = left.split(' ').count();
    (!left.is_empty() && count <= MAX_WORDS && left.chars().any(char::is_alphabetic))
        .then_some(left)
}

/// True when `text` is sure to normalize to one word (or none): it has only letters and digits
/// (ASCII, or of two UTF-8 bytes, looked up in [`locale::two_byte_lowercase`]'s table; other
/// characters count as unsure).
fn is_one_word(text: &str) -> bool {
    text.chars().all(|c| {
        if c.is_ascii() {
            c.is_ascii_alphanumeric()
        } else {
            locale::two_byte_lowercase(c).is_some_and(|(_, alphanumeric)| alphanumeric)
        }
    })
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
/// type names, enum section names (these two in ASCII lowercase). Searched page by page when
/// asked: only the few words about to be learned are looked for, where a set of every page's
/// names was built for them.
struct PageTypeNames<'p> {
    pages: &'p [Page],
}

impl<'p> PageTypeNames<'p> {
    /// Each name as written, and whether it is read in ASCII lowercase.
    fn each(&self) -> impl Iterator<Item = (&'p str, bool)> + 'p {
        self.pages.iter().flat_map(|page| {
            let stem = page.stem.as_str();
            let last = stem.rsplit_once('-').map(|(_, last)| (last, false));
            let annotated = (page.annotation.as_ref())
                .and_then(|a| a.odata_type.as_deref())
                .map(|t| (t.rsplit('.').next().unwrap_or(t), true));
            let enums = (page.enums.iter())
                .filter_map(|e| e.name.as_deref())
                .map(|name| (name, true));
            std::iter::once((stem, false))
                .chain(last)
                .chain(annotated)
                .chain(enums)
        })
    }

    /// True when `text` is one of the names.
    fn contains(&self, text: &str) -> bool {
        self.each().any(|(name, fold)| reads_as(name, fold, text))
    }
}

/// True when `name`, in ASCII lowercase when `fold`, is `text`.
fn reads_as(name: &str, fold: bool, text: &str) -> bool {
    if !fold {
        return name == text;
    }
    name.len() == text.len()
        && (name.bytes().zip(text.bytes())).all(|(n, t)| n.to_ascii_lowercase() == t)
}

/// True for words shaped like a type or property name rather than a word: an ASCII
/// identifier with a capital after its first letter (`printColorMode`).
pub(super) fn looks_like_a_type_name(word: &str) -> bool {
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
fn names_a_page_type(word: &str, names: &PageTypeNames) -> bool {
    if names.contains(word) {
        return true;
    }
    let Some(latin) = locale::transliterate(word).filter(|l| *l != word) else {
        return false;
    };
    if names.contains(&latin) || latin.len() < MIN_ALIKE_LEN {
        return names.contains(&latin);
    }
    // The names whose first two characters are the word's (a machine transliteration keeps
    // the start of the name); the word is ASCII.
    let Some(start) = latin.get(..2) else {
        return false;
    };
    // strsim's `normalized_levenshtein`, measured by rapidfuzz's comparator: the word is
    // prepared once, then compared with each name a machine word at a time.
    let alike = levenshtein::BatchComparator::new(latin.chars());
    (names.each())
        .filter(|&(name, fold)| name.get(..2).is_some_and(|s| reads_as(s, fold, start)))
        .any(|(name, fold)| {
            let lower = name
                .chars()
                .map(|c| if fold { c.to_ascii_lowercase() } else { c });
            alike.normalized_similarity(lower) >= ALIKE
        })
}

/// Primitive words: the words of type cells read as no type, counted over the rows whose JSON
/// value is known, each value a vote for a primitive.
fn learn_primitives(
    pages: &[Page],
    values: &[RowValues],
    words: &Lexicon,
) -> BTreeMap<String, (Primitive, Evidence)> {
    let mut tallies: BTreeMap<String, (Tally, BTreeMap<Vote, usize>)> = BTreeMap::new();
    for (n, (page, values)) in pages.iter().zip(values).enumerate() {
        for (i, row) in page.properties.iter().enumerate() {
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
            let Some(vote) = values.value(i).and_then(value_vote) else {
                continue;
            };
            let (tally, votes) = tallies.entry(word).or_default();
            tally.add(n, page.at(row.line, row.column), true);
            *votes.entry(vote).or_insert(0) += 1;
        }
    }
    let names = PageTypeNames { pages };
    let mut learned = BTreeMap::new();
    for (word, (mut tally, votes)) in tallies {
        let Some((primitive, agreeing)) = winner(&votes) else {
            continue;
        };
        tally.agreeing = agreeing;
        match tally.learned() {
            Some(evidence) if !names_a_page_type(&word, &names) => {
                learned.insert(word, (primitive, evidence));
            }
            _ => {}
        }
    }
    learned
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
    // The candidate uses first: most leads are the seed's phrases, and the names of a page
    // (every key and row name) are gathered only for the stems a candidate compares.
    let mut uses: Vec<(usize, &LinkedPhrase, &str)> = Vec::new();
    for (n, page) in pages.iter().enumerate() {
        for phrase in &page.linked_phrases {
            let lead = phrase.lead.as_str();
            if locale::mentions_inheritance(lead) || locale::turns_inheritance_around(lead) {
                continue;
            }
            if let Some(stem) = phrase.link.target.stem().filter(|s| *s != page.stem) {
                uses.push((n, phrase, stem));
            }
        }
    }
    if uses.is_empty() {
        return BTreeMap::new();
    }
    let mut names: HashMap<&str, HashSet<&str>> = uses
        .iter()
        .flat_map(|&(n, _, stem)| [pages[n].stem.as_str(), stem])
        .map(|stem| (stem, HashSet::new()))
        .collect();
    for page in pages {
        if let Some(set) = names.get_mut(page.stem.as_str()) {
            set.extend(property_names(page));
        }
    }
    let mut tallies: BTreeMap<&str, Tally> = BTreeMap::new();
    for (n, phrase, stem) in uses {
        let page = &pages[n];
        let own = &names[page.stem.as_str()];
        let linked = &names[stem];
        let shared = linked.iter().filter(|k| own.contains(*k)).count();
        let agrees = !linked.is_empty() && shared * 2 >= linked.len();
        let at = page.at(phrase.link.line, 1);
        tallies
            .entry(phrase.lead.as_str())
            .or_default()
            .add(n, at, agrees);
    }
    tallies
        .into_iter()
        .filter(|(_, t)| t.pages >= MIN_PAGES && t.agreeing >= 2 && t.agreeing * 2 > t.uses)
        .map(|(w, t)| (w.to_owned(), t.evidence()))
        .collect()
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::parse::parse_page;

    /// A page of a made-up language: `Zulo pakte` inherits, `Mirafo` is String, `Tekasu`
    /// Boolean, `vorimat` a collection word, `nomira` the name of `title`. `n` varies the
    /// page (its type, an extra row) so that pages differ.
    pub(in crate::parse) fn made_up_page(n: usize) -> Page {
        let extra = if n % 2 == 0 {
            "| sizeLimit | Mirafo | Bu. |\n"
        } else {
            ""
        };
        let extra_key = if n % 2 == 0 {
            ",\n  \"sizeLimit\": \"String\""
        } else {
            ""
        };
        let text = format!(
            "# t{n}\n\nNomo：microsoft.graph\n\nKa lu tepi。Zulo pakte [baseItem](baseitem.md)。\n\n\
             ## <a name=\"properties\"></a>Pruparti\n\n| Nomo | Tipo | Deskri |\n|-|-|-|\n\
             | id | Mirafo | Bo. |\n| nomira | Mirafo | Ba. |\n| isOn | Tekasu | Be. |\n\
             | tags | Mirafo vorimat | Bi. |\n| parts | [part](part.md) vorimat | Bu. |\n{extra}\n\
             <!-- {{\"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.t{n}\"}} -->\n\
             ```json\n{{\n  \"id\": \"String (identifier)\",\n  \"title\": \"String\",\n  \
             \"isOn\": true,\n  \"tags\": [\"String\"],\n  \"parts\": [{{}}]{extra_key}\n}}\n```\n"
        );
        parse_page(&format!("t{n}.md"), &text)
    }

    /// The base page the made-up pages inherit from.
    pub(in crate::parse) fn base_page() -> Page {
        let text = "# baseItem\n\n## Properties\n| Property | Type | Description |\n|-|-|-|\n| id | String | x |\n\n<!-- {\"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.baseItem\"} -->\n```json\n{\"id\": \"String\"}\n```\n";
        parse_page("baseitem.md", text)
    }

    #[test]
    fn a_made_up_language_is_learned_from_its_pages_in_any_order() {
        let mut pages: Vec<Page> = (0..4).map(made_up_page).collect();
        pages.push(base_page());
        let lexicon = Lexicon::learn(&pages);
        let phrases: Vec<&String> = lexicon.phrases.keys().collect();
        assert_eq!(phrases, ["zulo pakte"]);
        assert_eq!(lexicon.primitive("Mirafo"), Some(Primitive::String));
        assert_eq!(lexicon.primitive("tekasu"), Some(Primitive::Boolean));
        assert!(lexicon.mentions_collection("Mirafo vorimat"));
        assert_eq!(
            lexicon.names.get("nomira").map(|(k, _)| k.as_str()),
            Some("title")
        );
        let evidence = &lexicon.primitives["mirafo"].1;
        let first = (&*evidence.first.file, evidence.first.line);
        assert_eq!((evidence.pages, first), (4, ("t0.md", 11)));
        // The same words whatever the order of the pages.
        pages.reverse();
        assert_eq!(Lexicon::learn(&pages), lexicon);
        // A word seen on too few pages is no word of the tree.
        let few: Vec<Page> = (0..2).map(made_up_page).collect();
        assert!(Lexicon::learn(&few).primitives.is_empty());
    }

    #[test]
    fn names_are_learned_once_when_no_type_word_is() {
        // The made-up pages with the seed's type words: only the name `nomira` is new.
        let pages: Vec<Page> = (0..4)
            .map(|n| {
                let text = format!(
                    "# t{n}\n\n## Properties\n\n| Nomo | Tipo | Deskri |\n|-|-|-|\n\
                     | id | String | Bo. |\n| nomira | String | Ba. |\n| isOn | Boolean | Be. |\n\n\
                     <!-- {{\"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.t{n}\"}} -->\n\
                     ```json\n{{\"id\": \"String\", \"title\": \"String\", \"isOn\": true}}\n```\n"
                );
                parse_page(&format!("t{n}.md"), &text)
            })
            .collect();
        let lexicon = Lexicon::learn(&pages);
        assert!(!lexicon.rereads_types());
        assert_eq!(
            lexicon.names.get("nomira").map(|(k, _)| k.as_str()),
            Some("title")
        );
        // The second pass `learn` skips would have answered the same.
        let keys: Vec<PageKeys> = pages.iter().map(PageKeys::of).collect();
        let again = learn_names(&NamePages::new(&pages, &keys), &lexicon);
        assert_eq!(
            again,
            (lexicon.names.clone(), lexicon.foreign_names.clone())
        );
    }

    #[test]
    fn what_is_left_around_a_link_or_a_primitive() {
        let page = made_up_page(0);
        let mut words = Lexicon::default();
        let texts: Vec<String> = (page.properties.iter())
            .map(|r| normalize(&r.type_text))
            .collect();
        let left =
            |i: usize, words: &Lexicon| leftover(&page.properties[i], || texts[i].as_str(), words);
        // `Mirafo`, `[part](part.md) vorimat`, `Mirafo vorimat`.
        assert_eq!(left(0, &words), None);
        assert_eq!(left(4, &words).as_deref(), Some("vorimat"));
        assert_eq!(left(3, &words), None, "no primitive known yet");
        let evidence = Tally::default().evidence();
        words
            .primitives
            .insert("mirafo".into(), (Primitive::String, evidence));
        assert_eq!(left(3, &words).as_deref(), Some("vorimat"));
        assert_eq!(left(0, &words), None);
    }

    #[test]
    fn one_word_cells_normalize_to_one_word() {
        for text in [
            "String",
            "Строка",
            "Int32",
            "ΑΒΓ",
            "",
            "Edm.String",
            "Коллекция строк",
        ] {
            if is_one_word(text) {
                assert!(!normalize(text).contains(' '), "{text}");
            }
        }
        assert!(is_one_word("Строка") && is_one_word("String"));
        assert!(!is_one_word("Коллекция строк") && !is_one_word("Edm.String"));
    }

    #[test]
    fn english_pages_teach_nothing_new() {
        let text = "# x\n\nInherits from [baseItem](baseitem.md).\n\n## Properties\n| Property | Type | Description |\n|-|-|-|\n| id | String | x |\n| isOn | Boolean | x |\n| tags | String collection | x |\n\n<!-- {\"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.x\"} -->\n```json\n{\"id\": \"String\", \"isOn\": true, \"tags\": [\"String\"]}\n```\n";
        let mut pages: Vec<Page> = (0..5)
            .map(|n| parse_page(&format!("x{n}.md"), text))
            .collect();
        pages.push(base_page());
        assert!(Lexicon::learn(&pages).is_empty());
    }

    #[test]
    fn transliterated_type_names_are_no_words() {
        // A type named by an annotation (in ASCII lowercase), a stem, a stem's last segment.
        let annotated = "<!-- {\"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.analyticsActivityType\"} -->\n";
        let pages = [
            parse_page("a.md", annotated),
            parse_page("user.md", "# user\n"),
            parse_page("enums-stroka.md", "# x\n"),
        ];
        let names = PageTypeNames { pages: &pages };
        let named = |w: &str| names_a_page_type(w, &names);
        assert!(names.contains("analyticsactivitytype"));
        assert!(!names.contains("analyticsActivityType"));
        assert!(named("аналитиксактивититипе"));
        assert!(named("user") && named("строка") && named("enums-stroka"));
        assert!(!named("логическое") && !named("mirafo") && !named("enums"));
    }

    #[test]
    fn type_names_are_no_words() {
        assert!(looks_like_a_type_name("printColorMode"));
        assert!(!looks_like_a_type_name("Mirafo"));
        assert!(!looks_like_a_type_name("логическое"));
    }
}
