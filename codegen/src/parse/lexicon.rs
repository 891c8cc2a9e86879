//! The words of one docs tree: the seed's ([`locale`]) and those the tree itself teaches
//! (see `learn`), and how a page is read again with them ([`Lexicon::revise`]).
//!
//! Pages are parsed one by one with the seed alone. A tree in a language the seed does not
//! know still shows its words by structure: the short phrase before a link that opens page
//! after page and whose linked page's properties recur on the page is the inheritance phrase; a
//! type-cell word whose rows' JSON values are `true`/`false` on page after page means
//! `Boolean`; the text left around a link in cells whose JSON value is an array is a
//! collection word. [`Lexicon::learn`] finds them over all pages; [`Lexicon::revise`] then
//! re-reads only what depends on them (the base link, the type cells) from what the page kept.

use super::locale;
use super::page::{LinkRef, Page, PropertyRow};
use super::type_cell::{self, TypeCell, TypeSpec};
use crate::diag::{Code, Diagnostic, Location};
use crate::primitive::Primitive;
use foldhash::HashSet;
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// What one learned word rests on: how often it was seen and where first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Evidence {
    /// Distinct pages it was seen on.
    pub(super) pages: usize,
    /// Uses (sentences or rows) it was seen in.
    pub(super) uses: usize,
    /// Uses whose structure agrees with the reading learned.
    pub(super) agreeing: usize,
    /// The first use (by path, then line): where the word is reported.
    pub(super) first: Location,
}

/// A tree's words beyond the seed. Empty (the seed alone) when nothing was learned; lookups
/// always consult the seed first.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Lexicon {
    /// Inheritance phrases (normalized, see [`normalize`]) → evidence.
    pub(super) phrases: BTreeMap<String, Evidence>,
    /// Primitive type words (normalized) → the primitive and the evidence.
    pub(super) primitives: BTreeMap<String, (Primitive, Evidence)>,
    /// Collection words (normalized) → evidence.
    pub(super) collections: BTreeMap<String, Evidence>,
    /// Property names in the tree's language (lowercase) → the JSON key each stands for.
    pub(super) names: BTreeMap<String, (String, Evidence)>,
    /// In a tree whose name cells are translated (many names learned), the other row names
    /// (lowercase) that are no JSON key anywhere in the tree and match none on their page:
    /// words too, whatever their spelling.
    pub(super) foreign_names: HashSet<String>,
}

/// Text as learned words are compared: lowercase, every run of characters that are neither
/// letters nor digits a single space, trimmed (`Zulo pakte:` → `zulo pakte`).
pub(super) fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    // A separator is written only before the next letter or digit: none leads or trails.
    let mut gap = false;
    if text.is_ascii() {
        // Most type cells, even translated: byte by byte, without the Unicode tables.
        for b in text.bytes() {
            if b.is_ascii_alphanumeric() {
                if gap && !out.is_empty() {
                    out.push(' ');
                }
                gap = false;
                out.push(char::from(b.to_ascii_lowercase()));
            } else {
                gap = true;
            }
        }
        return out;
    }
    let mut push = |c: char, alphanumeric: bool| {
        if alphanumeric {
            if gap && !out.is_empty() {
                out.push(' ');
            }
            gap = false;
            out.push(c);
        } else {
            gap = true;
        }
    };
    for c in text.chars() {
        if c.is_ascii() {
            push(c.to_ascii_lowercase(), c.is_ascii_alphanumeric());
        } else if let Some((lower, alphanumeric)) = locale::two_byte_lowercase(c) {
            push(lower, alphanumeric);
        } else {
            for lower in c.to_lowercase() {
                push(lower, lower.is_alphanumeric());
            }
        }
    }
    out
}

/// `text` lowercase as [`str::to_lowercase`] writes it: `text` itself when it has no
/// uppercase ASCII letter and no other character, else written into `buffer`.
pub(super) fn lowercase_in<'t>(text: &'t str, buffer: &'t mut String) -> &'t str {
    if !text.is_ascii() {
        *buffer = text.to_lowercase();
        return buffer;
    }
    if !text.bytes().any(|b| b.is_ascii_uppercase()) {
        return text;
    }
    buffer.clear();
    buffer.push_str(text);
    buffer.make_ascii_lowercase();
    buffer
}

/// True when the normalized `phrase` occurs in the normalized `text` as whole words.
fn contains_words(text: &str, phrase: &str) -> bool {
    !phrase.is_empty()
        && text.match_indices(phrase).any(|(at, _)| {
            let end = at + phrase.len();
            (at == 0 || text[..at].ends_with(' '))
                && (end == text.len() || text[end..].starts_with(' '))
        })
}

impl Lexicon {
    /// The lexicon of the seed alone (nothing learned), built once: what a page is parsed with.
    pub(super) fn seed() -> &'static Lexicon {
        static SEED: OnceLock<Lexicon> = OnceLock::new();
        SEED.get_or_init(Lexicon::default)
    }

    /// True when nothing was learned: reading with it is reading with the seed.
    pub fn is_empty(&self) -> bool {
        self.phrases.is_empty()
            && self.primitives.is_empty()
            && self.collections.is_empty()
            && self.names.is_empty()
    }

    /// The primitive a type word or phrase names: the seed's spellings, then the learned words.
    pub fn primitive(&self, text: &str) -> Option<Primitive> {
        locale::primitive(text).or_else(|| {
            if self.primitives.is_empty() {
                return None;
            }
            self.primitives.get(&normalize(text)).map(|(p, _)| *p)
        })
    }

    /// True when `text` holds a collection word: the seed's, or a learned one as whole words.
    pub fn mentions_collection(&self, text: &str) -> bool {
        locale::mentions_collection(text) || self.learned_collection_in(text).is_some()
    }

    /// The first learned collection word that `text` holds as whole words, if any.
    pub(super) fn learned_collection_in(&self, text: &str) -> Option<&str> {
        if self.collections.is_empty() {
            return None;
        }
        let text = normalize(text);
        self.collections
            .keys()
            .find(|w| contains_words(&text, w))
            .map(String::as_str)
    }

    /// `text` with the collection words removed (each replaced by a space): the seed's
    /// anywhere, the learned ones where they stand as whole words.
    pub(super) fn remove_collection_words(&self, text: &str) -> String {
        let seedless = type_cell::remove_words(text, locale::COLLECTION_WORDS, false);
        if self.collections.is_empty() {
            return seedless;
        }
        // Longest first, so that a phrase goes before a word it contains.
        let mut learned: Vec<&str> = self.collections.keys().map(String::as_str).collect();
        learned.sort_by_key(|w| std::cmp::Reverse(w.len()));
        type_cell::remove_words(&seedless, &learned, true)
    }

    /// True when type cells read with these words may read otherwise than with the seed's.
    pub(super) fn rereads_types(&self) -> bool {
        !self.collections.is_empty() || !self.primitives.is_empty()
    }

    /// A row's type cell read again with these words (the row's own when no type word was
    /// learned).
    pub(super) fn reread<'r>(&self, row: &'r PropertyRow) -> Cow<'r, TypeCell> {
        if !self.rereads_types() {
            return Cow::Borrowed(&row.ty);
        }
        match &row.ty.spec {
            // A link cell keeps its link: only a learned collection word can make it a
            // collection (what `type_cell::read` would say, without reading the cell again;
            // the words are compared normalized, where the trimmed ends count for nothing).
            TypeSpec::Link { .. } => {
                if row.ty.collection || self.learned_collection_in(&row.type_text).is_none() {
                    Cow::Borrowed(&row.ty)
                } else {
                    Cow::Owned(TypeCell {
                        spec: row.ty.spec.clone(),
                        collection: true,
                    })
                }
            }
            _ => Cow::Owned(type_cell::read(&row.type_text, None, self)),
        }
    }

    /// True when the intro phrase `lead` (normalized) is a learned inheritance phrase, or ends
    /// with one (`this type zulo pakte` for `zulo pakte`).
    fn is_inheritance_phrase(&self, lead: &str) -> bool {
        self.phrases.keys().any(|p| {
            lead == p
                || lead
                    .strip_suffix(p.as_str())
                    .is_some_and(|before| before.ends_with(' '))
        })
    }

    /// `page` read again with the learned words: the base link from a learned inheritance
    /// phrase when the seed found none, and every type cell. The page itself when nothing
    /// changes (always, for an empty lexicon); a revised copy otherwise.
    pub fn revise<'a>(&self, page: &'a Page) -> Cow<'a, Page> {
        self.revise_with(page, &NameShapes::of(self))
    }

    /// [`Lexicon::revise`] of a page the caller owns: revised in place, never copied.
    pub fn revise_owned(&self, page: Page) -> Page {
        self.revise_owned_with(page, &NameShapes::of(self))
    }

    /// Every page read again with the learned words, in order: borrowed pages as
    /// [`Lexicon::revise`] reads each, pages given by value as [`Lexicon::revise_owned`] does.
    pub fn revise_all<'a>(&self, pages: Cow<'a, [Page]>) -> Vec<Cow<'a, Page>> {
        let shapes = NameShapes::of(self);
        match pages {
            Cow::Borrowed(pages) => (pages.iter())
                .map(|p| self.revise_with(p, &shapes))
                .collect(),
            Cow::Owned(pages) => (pages.into_iter())
                .map(|p| Cow::Owned(self.revise_owned_with(p, &shapes)))
                .collect(),
        }
    }

    /// [`Lexicon::revise`], given the shapes of these words' names.
    fn revise_with<'a>(&self, page: &'a Page, shapes: &NameShapes) -> Cow<'a, Page> {
        match self.revision(page, shapes) {
            None => Cow::Borrowed(page),
            Some(revision) => {
                let mut page = page.clone();
                revision.apply(&mut page);
                Cow::Owned(page)
            }
        }
    }

    /// [`Lexicon::revise_owned`], given the shapes of these words' names.
    fn revise_owned_with(&self, mut page: Page, shapes: &NameShapes) -> Page {
        if let Some(revision) = self.revision(&page, shapes) {
            revision.apply(&mut page);
        }
        page
    }

    /// What reading `page` again with the learned words changes, if anything.
    fn revision<'a>(&'a self, page: &Page, shapes: &NameShapes) -> Option<Revision<'a>> {
        if self.is_empty() {
            return None;
        }
        let base_link = self.base_link(page);
        // Only the cells that read otherwise: most read as the seed read them.
        let mut types: Vec<Option<TypeCell>> = Vec::new();
        if self.rereads_types() {
            types = (page.properties.iter())
                .map(|row| match self.reread(row) {
                    Cow::Owned(ty) if ty != row.ty => Some(ty),
                    _ => None,
                })
                .collect();
        }
        let (names, foreign) = self.names_of(page, shapes);
        if base_link.is_none()
            && types.iter().all(Option::is_none)
            && names.iter().all(Option::is_none)
            && !foreign.contains(&true)
        {
            return None;
        }
        Some(Revision {
            base_link,
            types,
            names,
            foreign,
        })
    }

    /// For each row of `page`: the JSON key its name stands for when it is a learned name
    /// word, no row has that name already and, on a page with a JSON block, the block has that
    /// key (or the row is a navigation property, which JSON blocks do not show); and whether
    /// its name is a foreign word ([`Lexicon::foreign_names`]). Names are compared lowercase.
    fn names_of<'a>(
        &'a self,
        page: &Page,
        shapes: &NameShapes,
    ) -> (Vec<Option<&'a str>>, Vec<bool>) {
        let rows = page.properties.len();
        let mut names = vec![None; rows];
        let mut foreign = vec![false; rows];
        if self.names.is_empty() && self.foreign_names.is_empty() {
            return (names, foreign);
        }
        let keys = page.json.as_ref().map(|j| &j.object);
        // The rows' names, gathered only when a learned name is met on a page of many rows (a
        // few rows are compared one by one).
        let mut present: Option<HashSet<&str>> = None;
        let few_rows = rows <= ROWS_COMPARED;
        let mut buffer = String::new();
        for (i, row) in page.properties.iter().enumerate() {
            if !shapes.may_name(&row.name) {
                continue;
            }
            let lower = lowercase_in(&row.name, &mut buffer);
            foreign[i] = self.foreign_names.contains(lower);
            let Some((key, _)) = self.names.get(lower) else {
                continue;
            };
            let taken = if few_rows {
                page.properties.iter().any(|r| r.name == *key)
            } else {
                let present = present.get_or_insert_with(|| {
                    page.properties.iter().map(|r| r.name.as_str()).collect()
                });
                present.contains(key.as_str())
            };
            let shown = keys.is_none_or(|k| k.contains_key(key) || row.navigation);
            if !taken && shown {
                names[i] = Some(key.as_str());
            }
        }
        (names, foreign)
    }

    /// The base link a learned inheritance phrase gives a page the seed found none on.
    fn base_link(&self, page: &Page) -> Option<LinkRef> {
        if page.base_link.is_some() || self.phrases.is_empty() {
            return None;
        }
        page.linked_phrases
            .iter()
            .find(|l| self.is_inheritance_phrase(&l.lead))
            .map(|l| l.link.clone())
    }

    /// One `learned-word` diagnostic per learned word, at its first use.
    pub fn report(&self) -> Vec<Diagnostic> {
        let percent = |e: &Evidence| e.agreeing * 100 / e.uses.max(1);
        let phrases = self.phrases.iter().map(|(w, e)| {
            let message = format!(
                "learned the inheritance phrase `{w}` from {} pages ({} of the {} linked pages \
                 checked have their properties on the page)",
                e.pages, e.agreeing, e.uses
            );
            Diagnostic::new(Code::LearnedWord, e.first.clone(), message)
        });
        let primitives = self.primitives.iter().map(|(w, (p, e))| {
            let message = format!(
                "learned the type word `{w}` as the primitive `{p}` from {} rows on {} pages \
                 (their JSON values agree for {}%)",
                e.uses,
                e.pages,
                percent(e)
            );
            Diagnostic::new(Code::LearnedWord, e.first.clone(), message)
        });
        let collections = self.collections.iter().map(|(w, e)| {
            let message = format!(
                "learned the collection word `{w}` from {} rows on {} pages (their JSON values \
                 are arrays for {}%)",
                e.uses,
                e.pages,
                percent(e)
            );
            Diagnostic::new(Code::LearnedWord, e.first.clone(), message)
        });
        let names = self.names.iter().map(|(w, (key, e))| {
            let message = format!(
                "learned the property name `{w}` as the JSON key `{key}` from {} pages (the key \
                 is left unclaimed on {})",
                e.pages, e.agreeing
            );
            Diagnostic::new(Code::LearnedWord, e.first.clone(), message)
        });
        phrases
            .chain(primitives)
            .chain(collections)
            .chain(names)
            .collect()
    }
}

/// The shapes of a lexicon's name words ([`Lexicon::names`], [`Lexicon::foreign_names`]),
/// which are lowercase: most row names have none of them, and are neither lowercased nor
/// looked up.
struct NameShapes {
    /// By first byte, a bit for each length of an ASCII word (lengths from 63 on share the
    /// last).
    ascii: [u64; 256],
}

impl NameShapes {
    /// The shapes of `lexicon`'s name words.
    fn of(lexicon: &Lexicon) -> NameShapes {
        let mut ascii = [0; 256];
        let words = (lexicon.names.keys()).chain(&lexicon.foreign_names);
        for word in words.filter(|w| w.is_ascii()) {
            if let Some((first, length)) = NameShapes::shape(word) {
                ascii[first] |= 1 << length;
            }
        }
        NameShapes { ascii }
    }

    /// The first byte (in ASCII lowercase) and the length of `name`, if any.
    fn shape(name: &str) -> Option<(usize, usize)> {
        let first = name.as_bytes().first()?.to_ascii_lowercase();
        Some((usize::from(first), name.len().min(63)))
    }

    /// False when the lowercase of `name` (see [`lowercase_in`]) is surely none of the words:
    /// `name` is ASCII, and no ASCII word has its lowercase first byte and its length. (The
    /// lowercase of an ASCII text is ASCII, of the same length; a non-ASCII name may be
    /// anything.)
    fn may_name(&self, name: &str) -> bool {
        if !name.is_ascii() {
            return true;
        }
        NameShapes::shape(name).is_none_or(|(first, length)| self.ascii[first] >> length & 1 == 1)
    }
}

/// On a page of at most this many rows, [`Lexicon::revise`] compares a learned name's key with
/// each row's name rather than hashing the names.
const ROWS_COMPARED: usize = 24;

/// What [`Lexicon::revise`] changes in one page.
struct Revision<'a> {
    /// The base link a learned inheritance phrase gives, when the seed found none.
    base_link: Option<LinkRef>,
    /// By row: its type cell read again, when it reads otherwise (empty when no type word was
    /// learned).
    types: Vec<Option<TypeCell>>,
    /// By row: the JSON key its name is the tree's word for, if any.
    names: Vec<Option<&'a str>>,
    /// By row: whether its name is a foreign word ([`Lexicon::foreign_names`]).
    foreign: Vec<bool>,
}

impl Revision<'_> {
    /// Writes the revision into `page` (the page it was computed from).
    fn apply(self, page: &mut Page) {
        if self.base_link.is_some() {
            page.base_link = self.base_link;
        }
        for (row, ty) in page.properties.iter_mut().zip(self.types) {
            if let Some(ty) = ty {
                row.ty = ty;
            }
        }
        for (row, foreign) in page.properties.iter_mut().zip(self.foreign) {
            row.name_translated = foreign;
        }
        for (i, key) in self.names.into_iter().enumerate() {
            let Some(key) = key else {
                continue;
            };
            let row = &mut page.properties[i];
            let message = format!(
                "the table says `{}`, the tree's word for the JSON key `{key}` (learned); the \
                 JSON key wins",
                row.name
            );
            let at = Location::new(&page.path, row.line, row.column);
            page.diagnostics
                .push(Diagnostic::new(Code::PropertyNameMismatch, at, message));
            row.name = key.to_owned();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::learn::tests::{base_page, made_up_page};

    #[test]
    fn normalize_reads_every_character_as_the_unicode_tables_do() {
        // The per-character rule: lowercase through the tables, then letters and digits kept.
        let by_tables = |text: &str| {
            let mut out = String::new();
            for lower in text.chars().flat_map(char::to_lowercase) {
                if lower.is_alphanumeric() {
                    out.push(lower);
                } else if !out.is_empty() && !out.ends_with(' ') {
                    out.push(' ');
                }
            }
            out.trim_end().to_owned()
        };
        for code in (0..0x3000).chain([0x1e9e, 0x2c6f, 0xff21, 0x1d400]) {
            let Some(c) = char::from_u32(code) else {
                continue;
            };
            let text = format!("a{c}b {c}");
            assert_eq!(normalize(&text), by_tables(&text), "U+{code:04X}");
        }
        assert_eq!(normalize("Коллекция İD: Σ"), "коллекция i d σ");
    }

    #[test]
    fn name_shapes_pass_every_name_whose_lowercase_is_a_word() {
        let mut lexicon = Lexicon::default();
        let long = "y".repeat(80);
        for word in ["nomira", "вопросы", "id", long.as_str()] {
            lexicon
                .names
                .insert(word.to_owned(), ("key".to_owned(), evidence()));
        }
        lexicon.foreign_names.insert("zulo".to_owned());
        let shapes = NameShapes::of(&lexicon);
        let long_upper = "Y".repeat(80);
        let names = [
            "nomira",
            "Nomira",
            "NOMIRA",
            "ID",
            "id",
            "Zulo",
            "zulo",
            "Вопросы",
            "вопросы",
            "K\u{212A}",
            "İd",
            "",
            "nomirb",
            "idd",
            "other",
            "i",
            "Zula",
        ];
        let mut buffer = String::new();
        for name in names
            .iter()
            .copied()
            .chain([long.as_str(), long_upper.as_str()])
        {
            let lower = lowercase_in(name, &mut buffer).to_owned();
            let is_word =
                lexicon.names.contains_key(&lower) || lexicon.foreign_names.contains(&lower);
            assert!(!is_word || shapes.may_name(name), "{name}");
        }
        // ASCII names of other shapes are passed over.
        assert!(!shapes.may_name("other"));
        assert!(!shapes.may_name("i"));
        // An empty name has no shape: it is looked up.
        assert!(shapes.may_name(""));
        assert!(shapes.may_name("Вопрос"));
    }

    #[test]
    fn lowercase_in_is_str_lowercase() {
        let mut buffer = String::new();
        for text in [
            "displayName",
            "id",
            "Вопросы",
            "ΟΔΟΣ",
            "Σx Σ",
            "İd",
            "\u{212A}elvin",
            "",
        ] {
            assert_eq!(
                lowercase_in(text, &mut buffer),
                text.to_lowercase(),
                "{text}"
            );
        }
    }

    fn evidence() -> Evidence {
        Evidence {
            pages: 3,
            uses: 3,
            agreeing: 3,
            first: Location::new("a.md", 1, 1),
        }
    }

    #[test]
    fn words_are_compared_normalized_and_whole() {
        assert_eq!(normalize(" Zulo  pakte： "), "zulo pakte");
        assert_eq!(normalize("Вориматъ (x)"), "вориматъ x");
        assert!(contains_words("vorimat da x", "vorimat"));
        assert!(!contains_words("vorimatiko x", "vorimat"));
        let mut lexicon = Lexicon::default();
        lexicon.collections.insert("vorimat".into(), evidence());
        lexicon
            .primitives
            .insert("mirafo".into(), (Primitive::String, evidence()));
        lexicon.phrases.insert("zulo pakte".into(), evidence());
        assert!(lexicon.mentions_collection("Mirafo Vorimat"));
        assert!(!lexicon.mentions_collection("Vorimatiko"));
        assert_eq!(lexicon.primitive("MIRAFO"), Some(Primitive::String));
        assert_eq!(lexicon.primitive("String"), Some(Primitive::String));
        assert_eq!(
            lexicon.remove_collection_words("Mirafo vorimat").trim(),
            "Mirafo"
        );
        assert!(lexicon.is_inheritance_phrase("zulo pakte"));
        assert!(lexicon.is_inheritance_phrase("kato zulo pakte"));
        assert!(!lexicon.is_inheritance_phrase("kazulo pakte"));
    }

    #[test]
    fn pages_are_read_again_with_the_learned_words() {
        let mut pages: Vec<Page> = (0..4).map(made_up_page).collect();
        pages.push(base_page());
        let lexicon = Lexicon::learn(&pages);
        let page = &pages[0];
        assert_eq!(page.base_link, None);
        assert!(matches!(page.properties[0].ty.spec, TypeSpec::Name(_)));
        let revised = lexicon.revise(page);
        let base = revised.base_link.as_ref().map(|l| l.target.stem());
        assert_eq!(base, Some(Some("baseitem")));
        let rows: Vec<(&str, &TypeSpec, bool)> = revised
            .properties
            .iter()
            .map(|r| (r.name.as_str(), &r.ty.spec, r.ty.collection))
            .collect();
        let string = TypeSpec::Primitive(Primitive::String);
        assert_eq!(rows[0], ("id", &string, false));
        assert_eq!(rows[1], ("title", &string, false));
        assert_eq!(rows[2].1, &TypeSpec::Primitive(Primitive::Boolean));
        assert_eq!(rows[3], ("tags", &string, true));
        assert!(rows[4].2, "[part](part.md) vorimat is a collection");
        let renamed: Vec<&Diagnostic> = revised
            .diagnostics
            .iter()
            .filter(|d| d.code == Code::PropertyNameMismatch)
            .collect();
        assert_eq!(renamed.len(), 1);
        assert!(
            renamed[0].message.contains("`nomira`"),
            "{}",
            renamed[0].message
        );
        // Each word is reported once, at its first use.
        let report = lexicon.report();
        assert!(report.iter().all(|d| d.code == Code::LearnedWord));
        assert_eq!(report.len(), 5, "{report:#?}");
        // Nothing learned: the page itself.
        assert!(matches!(Lexicon::default().revise(page), Cow::Borrowed(_)));
        assert!(matches!(lexicon.revise(&pages[4]), Cow::Borrowed(_)));
        // A page given by value is revised in place to the same page.
        for page in &pages {
            assert_eq!(lexicon.revise_owned(page.clone()), *lexicon.revise(page));
        }
        // Pages revised together read as each alone.
        let alone: Vec<Cow<Page>> = pages.iter().map(|p| lexicon.revise(p)).collect();
        assert_eq!(lexicon.revise_all(Cow::Borrowed(&pages)), alone);
        let owned = lexicon.revise_all(Cow::Owned(pages.clone()));
        assert!(owned.iter().all(|p| matches!(p, Cow::Owned(_))));
        assert_eq!(owned, alone);
    }
}
