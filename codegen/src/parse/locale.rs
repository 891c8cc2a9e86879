//! The only translated words the parser knows. Everything else is structural.
//!
//! These tables are deliberately small. When a locale is not covered, parsing degrades:
//! a collection is still found from the JSON array, a base type from the `baseType` annotation
//! or from the inherited rows' links, and an unknown primitive word becomes untyped JSON with an
//! `unknown-type` diagnostic. Add a locale by adding rows here (lowercase).

use crate::primitive::Primitive;
use memchr::memmem;
use std::sync::OnceLock;

/// Substrings (lowercase) that mark a collection type cell: `String collection`,
/// `Коллекция [x](x.md)`, `[коллекция x](x.md)`, `Набор строк`.
pub const COLLECTION_MARKERS: &[&str] = &["collection", "коллекц", "набор", "сбор данных"];

/// Substrings (lowercase) that mark the inheritance sentence: `Inherits from`, `Derived from`,
/// `Наследуется от`, `является производным от`, `Унаследовано от`.
pub const INHERITANCE_MARKERS: &[&str] = &[
    "inherit",
    "derived from",
    "наслед",
    "производный от",
    "производным от",
    "производная от",
    "производное от",
    "унаследов",
];

/// Header texts (lowercase) of the type column of property tables: `Type`, `Тип`. Unknown
/// header words degrade to position plus a check that the column's cells read as types.
pub const TYPE_HEADERS: &[&str] = &["type", "тип"];

/// Header texts (lowercase) of the description column: `Description`, `Описание`. Unknown
/// header words degrade to position (the third column).
pub const DESCRIPTION_HEADERS: &[&str] = &["description", "описание"];

/// Substrings (lowercase) that turn the inheritance sentence around: a base page naming the
/// types derived from it (`This is the base type inherited by [task]`, `наследуемый [ресурсом]`,
/// `Этот тип наследуется [x]`, `Он наследуется [x]`), unless a [`FROM_MARKERS`] phrase says
/// otherwise.
pub const DERIVED_TYPES_MARKERS: &[&str] = &[
    "inherited by",
    "derived by",
    "наследуем",
    "тип наследуется",
    "он наследуется",
    "который наследуется",
    "тип, унаследованный",
];

/// Substrings (lowercase) that name the base explicitly (`inherits from`, `наследуется от`).
pub const FROM_MARKERS: &[&str] = &[
    "inherits from",
    "inherited from",
    "derived from",
    "наследуется от",
    "наследует от",
    "унаследованный от",
    "унаследовано от",
];

/// Prefix words (lowercase) of a collection cell that are not part of the element type.
pub const COLLECTION_WORDS: &[&str] = &[
    "коллекция объектов",
    "коллекция",
    "коллекции",
    "набор",
    "сбор данных",
    "collection of",
    "collection",
];

/// Primitive types written as (translated) words, lowercase, longest first.
pub const PRIMITIVE_WORDS: &[(&str, Primitive)] = &[
    ("двойное с плавающей точкой", Primitive::Double),
    ("в двоичном формате", Primitive::Binary),
    ("нетипизированный объект json", Primitive::Json),
    ("даты и время", Primitive::DateTimeOffset),
    ("дата и время", Primitive::DateTimeOffset),
    ("целое число", Primitive::Int32),
    ("длительность", Primitive::Duration),
    ("логическое", Primitive::Boolean),
    ("логический", Primitive::Boolean),
    ("объект json", Primitive::Json),
    ("объект", Primitive::Json),
    ("двоичный", Primitive::Binary),
    ("url-адрес", Primitive::String),
    ("одинарное", Primitive::Single),
    ("числовых", Primitive::Double),
    ("двойное", Primitive::Double),
    ("строка", Primitive::String),
    ("строки", Primitive::String),
    ("строк", Primitive::String),
    ("целое", Primitive::Int32),
    ("поток", Primitive::Stream),
    ("числе", Primitive::Decimal),
    ("дата", Primitive::Date),
    ("байт", Primitive::Byte),
    ("один", Primitive::Single),
];

/// How machine translation spells English identifiers in Cyrillic (`траублешутинжеррордетаилс`
/// for `troubleshootingErrorDetails`), letter by letter. Used only to score a translated
/// property name against the JSON keys; names in scripts the table does not cover are matched
/// by position alone.
pub const TRANSLITERATION: &[(char, &str)] = &[
    ('а', "a"),
    ('б', "b"),
    ('в', "v"),
    ('г', "g"),
    ('д', "d"),
    ('е', "e"),
    ('ё', "e"),
    ('ж', "zh"),
    ('з', "z"),
    ('и', "i"),
    ('й', "y"),
    ('к', "k"),
    ('л', "l"),
    ('м', "m"),
    ('н', "n"),
    ('о', "o"),
    ('п', "p"),
    ('р', "r"),
    ('с', "s"),
    ('т', "t"),
    ('у', "u"),
    ('ф', "f"),
    ('х', "h"),
    ('ц', "ts"),
    ('ч', "ch"),
    ('ш', "sh"),
    ('щ', "sch"),
    ('ъ', ""),
    ('ы', "y"),
    ('ь', ""),
    ('э', "e"),
    ('ю', "yu"),
    ('я', "ya"),
];

/// The lowercase Latin spelling of a translated name (ASCII letters and digits kept, other
/// characters dropped), or `None` when it holds a letter [`TRANSLITERATION`] does not cover.
pub fn transliterate(text: &str) -> Option<String> {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if let Some((_, latin)) = TRANSLITERATION.iter().find(|(k, _)| *k == c) {
            out.push_str(latin);
        } else if c.is_alphabetic() {
            return None;
        }
    }
    Some(out)
}

/// Reads a primitive type from a word or phrase: English spellings first, then the table.
pub fn primitive(text: &str) -> Option<Primitive> {
    if let Some(p) = Primitive::from_spelling(text) {
        return Some(p);
    }
    let text = text.trim();
    if text.is_ascii() {
        // Only the ASCII words can match, byte for byte once lowercased.
        let lowercase_is = |w: &str| {
            w.len() == text.len()
                && text
                    .bytes()
                    .zip(w.bytes())
                    .all(|(t, w)| t.to_ascii_lowercase() == w)
        };
        return PRIMITIVE_WORDS
            .iter()
            .find(|(w, _)| lowercase_is(w))
            .map(|&(_, p)| p);
    }
    // Lowercased once, as `starts_with_ci` compares: character by character, and no match
    // where a character's lowercase is several. Written on the stack, and given up as soon as
    // it is longer than every word (a type cell's phrase often is): no allocation per cell.
    let mut buffer = [0u8; LONGEST_PRIMITIVE_WORD];
    let mut len = 0;
    for c in text.chars() {
        let lower = single_lowercase(c)?;
        let end = len + lower.len_utf8();
        lower.encode_utf8(buffer.get_mut(len..end)?);
        len = end;
    }
    let lower = &buffer[..len];
    PRIMITIVE_WORDS
        .iter()
        .find(|(w, _)| w.as_bytes() == lower)
        .map(|&(_, p)| p)
}

/// The byte length of the longest of [`PRIMITIVE_WORDS`]: a lowercase longer than it names
/// none of them.
const LONGEST_PRIMITIVE_WORD: usize = crate::primitive::longest_word(PRIMITIVE_WORDS);

/// True when a header cell names the type column.
pub fn is_type_header(text: &str) -> bool {
    is_header(text, TYPE_HEADERS)
}

/// True when a header cell names the description column.
pub fn is_description_header(text: &str) -> bool {
    is_header(text, DESCRIPTION_HEADERS)
}

/// True when `text`, without the blanks and `*`s around it, is one of `words` (lowercase)
/// ignoring case.
fn is_header(text: &str, words: &[&str]) -> bool {
    // Compared in place, character by character, as `lowercase` would have it: no header word
    // has a sigma, nor the second character of `İ`'s lowercase (the one lowercase of several
    // characters), so no lowercase that `starts_with_ci` rejects could have equalled one.
    let text = text.trim_matches(|c: char| c.is_whitespace() || c == '*');
    words
        .iter()
        .any(|w| starts_with_ci(text, w) == Some(text.len()))
}

/// True when `text` contains a collection marker.
pub fn mentions_collection(text: &str) -> bool {
    contains_any_ci(text, COLLECTION_MARKERS)
}

/// True when `text` contains an inheritance marker.
pub fn mentions_inheritance(text: &str) -> bool {
    contains_any_ci(text, INHERITANCE_MARKERS)
}

/// The byte offset of the first inheritance marker in `text`, if any.
pub fn inheritance_marker(text: &str) -> Option<usize> {
    // No marker has a sigma: the markers stand where they would in `str::to_lowercase`'s.
    let lower = lowercase(text);
    // Searchers set up once: str's `find` sets up a two-way searcher for every marker of
    // every sentence.
    static MARKERS: OnceLock<Vec<memmem::Finder<'static>>> = OnceLock::new();
    let markers = MARKERS.get_or_init(|| {
        INHERITANCE_MARKERS
            .iter()
            .map(|m| memmem::Finder::new(m.as_bytes()))
            .collect()
    });
    let at = markers
        .iter()
        .filter_map(|m| m.find(lower.as_bytes()))
        .min()?;
    // Back to an offset of `text`: lowercasing may change byte lengths.
    if lower.len() == text.len() {
        return Some(at);
    }
    let chars = lower[..at].chars().count();
    text.char_indices().nth(chars).map(|(i, _)| i)
}

/// True when the sentence names types derived from the page rather than its base.
pub fn turns_inheritance_around(sentence: &str) -> bool {
    contains_any_ci(sentence, DERIVED_TYPES_MARKERS) && !contains_any_ci(sentence, FROM_MARKERS)
}

/// The first character of two UTF-8 bytes.
const TWO_BYTE_START: u32 = 0x80;

/// The first character of three UTF-8 bytes.
const TWO_BYTE_END: u32 = 0x800;

/// For a character of two UTF-8 bytes (U+0080..U+07FF: Latin, Greek, Cyrillic, Armenian,
/// Hebrew, Arabic letters), its lowercase and whether that is a letter or digit, when the
/// lowercase is one character: what [`super::lexicon::normalize`] and [`single_lowercase`] ask
/// of the Unicode tables, asked once per process and looked up after (the tables' search was
/// a sixth of learning a Cyrillic tree).
#[inline]
pub(super) fn two_byte_lowercase(c: char) -> Option<(char, bool)> {
    static TABLE: OnceLock<Vec<Option<(char, bool)>>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        (TWO_BYTE_START..TWO_BYTE_END)
            .map(|code| {
                let mut lower = char::from_u32(code)?.to_lowercase();
                match (lower.next(), lower.next()) {
                    (Some(one), None) => Some((one, one.is_alphanumeric())),
                    _ => None,
                }
            })
            .collect()
    });
    let index = u32::from(c).checked_sub(TWO_BYTE_START)?;
    *table.get(usize::try_from(index).ok()?)?
}

/// The lowercase of `c` when it is one character (`İ`'s is two: none).
#[inline]
pub(super) fn single_lowercase(c: char) -> Option<char> {
    if c.is_ascii() {
        return Some(c.to_ascii_lowercase());
    }
    if (TWO_BYTE_START..TWO_BYTE_END).contains(&u32::from(c)) {
        return two_byte_lowercase(c).map(|(lower, _)| lower);
    }
    let mut lower = c.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(l), None) => Some(l),
        _ => None,
    }
}

/// `text` in lowercase, character by character (a final `Σ` is `σ`, where
/// [`str::to_lowercase`] writes `ς`).
pub(super) fn lowercase(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match single_lowercase(c) {
            Some(lower) => out.push(lower),
            None => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// True when `text` contains one of `words` (lowercase), ignoring case.
fn contains_any_ci(text: &str, words: &[&str]) -> bool {
    if text.is_ascii() {
        // Only the ASCII words can occur; compare bytes where the word's first byte stands.
        return words
            .iter()
            .filter(|w| w.is_ascii())
            .any(|w| contains_ascii_ci(text.as_bytes(), w.as_bytes()));
    }
    // Compared in place where a word's first letter stands, as `starts_with_ci` compares:
    // character by character, a character whose lowercase is several matching none of the
    // words (no word holds such a lowercase, nor a sigma). Lowercasing the text first cost an
    // allocation and a search per word for every translated type cell. Each word's first
    // letter is decoded once, not at every character (an empty word matches nothing).
    let mut firsts = [('\0', ""); FIRST_LETTERS];
    let mut count = 0;
    for w in words {
        let Some(first) = w.chars().next() else {
            continue;
        };
        let Some(slot) = firsts.get_mut(count) else {
            // More words than places: each compared as it comes.
            return text.char_indices().any(|(i, c)| {
                single_lowercase(c).is_some_and(|lower| {
                    (words.iter())
                        .any(|w| w.starts_with(lower) && starts_with_ci(&text[i..], w).is_some())
                })
            });
        };
        *slot = (first, w);
        count += 1;
    }
    let firsts = &firsts[..count];
    // The first letters as a set of their low six bits: most characters of a text begin no
    // word, and are passed over with one test instead of a comparison per word.
    let bits = (firsts.iter()).fold(0u64, |bits, &(first, _)| bits | letter_bit(first));
    text.char_indices().any(|(i, c)| {
        let Some(lower) = single_lowercase(c) else {
            return false;
        };
        if bits & letter_bit(lower) == 0 {
            return false;
        }
        let after = i + c.len_utf8();
        (firsts.iter()).any(|&(first, w)| first == lower && rest_matches(&text[after..], w, first))
    })
}

/// True when `text` starts with `word` (lowercase) past its first character `first`,
/// ignoring case: at once when the bytes are the word's (the words are their own lowercase,
/// and translated text is mostly lowercase past a capital), else character by character.
#[inline]
fn rest_matches(text: &str, word: &str, first: char) -> bool {
    let rest = &word[first.len_utf8()..];
    text.as_bytes().starts_with(rest.as_bytes()) || starts_with_ci(text, rest).is_some()
}

/// The bit of a 64-bit set that stands for `c` (and for every character of the same low six
/// bits).
#[inline]
fn letter_bit(c: char) -> u64 {
    1 << (u32::from(c) % 64)
}

/// How many words' first letters [`contains_any_ci`] keeps at hand (more than any list here).
const FIRST_LETTERS: usize = 16;

/// True when `text` contains `word` (lowercase ASCII), ignoring ASCII case. Only the places
/// where the word's first byte stands, in either case, are compared (a comparison at every
/// offset was most of reading a type cell).
fn contains_ascii_ci(text: &[u8], word: &[u8]) -> bool {
    let Some((&first, rest)) = word.split_first() else {
        return true;
    };
    let last_start = match text.len().checked_sub(word.len()) {
        Some(last) => last,
        None => return false,
    };
    let candidates = &text[..=last_start];
    memchr::memchr2_iter(first, first.to_ascii_uppercase(), candidates)
        .any(|at| text[at + 1..at + word.len()].eq_ignore_ascii_case(rest))
}

/// The byte length of the prefix of `text` that equals `word` (lowercase) ignoring case, if
/// any. Compares characters, so case mappings that change byte lengths are safe.
pub fn starts_with_ci(text: &str, word: &str) -> Option<usize> {
    let mut chars = text.char_indices();
    for w in word.chars() {
        let (_, c) = chars.next()?;
        // Single-character lowercase mappings only; anything else is no match.
        if single_lowercase(c) != Some(w) {
            return None;
        }
    }
    Some(chars.next().map_or(text.len(), |(i, _)| i))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn single_lowercase_is_the_unicode_tables_one_character_lowercase() {
        for c in (0..0x3000).filter_map(char::from_u32) {
            let mut lower = c.to_lowercase();
            let one = match (lower.next(), lower.next()) {
                (Some(l), None) => Some(l),
                _ => None,
            };
            assert_eq!(single_lowercase(c), one, "{c:?}");
        }
    }

    #[test]
    fn marker_words_are_their_own_lowercase() {
        // `rest_matches` takes a word's own bytes in the text for a match.
        for list in [
            COLLECTION_MARKERS,
            INHERITANCE_MARKERS,
            DERIVED_TYPES_MARKERS,
            FROM_MARKERS,
        ] {
            for w in list {
                assert!(w.chars().all(|c| single_lowercase(c) == Some(c)), "{w}");
            }
        }
    }

    #[test]
    fn marker_search_lowercases_as_str_does_where_it_matters() {
        let lists = [
            COLLECTION_MARKERS,
            INHERITANCE_MARKERS,
            DERIVED_TYPES_MARKERS,
            FROM_MARKERS,
        ];
        // `lowercase` differs from `str::to_lowercase` only at a final sigma.
        assert!(lists
            .iter()
            .flat_map(|l| l.iter())
            .all(|w| !w.contains(['σ', 'ς'])));
        for text in [
            "Коллекция строк",
            "НАСЛЕДУЕТСЯ ОТ [x](x.md)",
            "Inherits from ΟΔΟΣ",
            "İnherit",
            "Σύνολο (collection)",
            "Набор",
            "collectİon набОР",
            "xİ производНЫЙ ОТ",
            "КОЛЛЕКЦИЯ",
            "коллекци",
        ] {
            for list in lists {
                let by_str = list.iter().any(|w| text.to_lowercase().contains(w));
                assert_eq!(contains_any_ci(text, list), by_str, "{text}");
            }
        }
        assert!(contains_any_ci("Коллекция строк", COLLECTION_MARKERS));
        // ASCII texts: at the start, at the end, in any case, too short, overlapping starts.
        for (text, found) in [
            ("Collection(x)", true),
            ("x COLLECTION", true),
            ("x collectio", false),
            ("ccollection", true),
            ("", false),
            ("c", false),
            ("String", false),
        ] {
            assert_eq!(contains_any_ci(text, COLLECTION_MARKERS), found, "{text}");
            let by_str = text.to_lowercase().contains("collection");
            assert_eq!(found, by_str, "{text}");
        }
        // The marker's offset in the text, as found in `str::to_lowercase`'s lowercase.
        for text in [
            "Наследуется от [x](x.md)",
            "ΟΔΟΣ İs derived from [x](x.md)",
            "Σ inherits from x",
            "No marker",
        ] {
            let lower = text.to_lowercase();
            let at = INHERITANCE_MARKERS
                .iter()
                .filter_map(|m| lower.find(m))
                .min();
            let expected = at.and_then(|at| {
                let chars = lower[..at].chars().count();
                text.char_indices().nth(chars).map(|(i, _)| i)
            });
            assert_eq!(inheritance_marker(text), expected, "{text}");
        }
    }

    #[test]
    fn primitive_words_read_as_a_lowercased_copy_would() {
        // What `primitive` did before it lowercased on the stack: a String of the lowercase.
        let by_string = |text: &str| {
            Primitive::from_spelling(text).or_else(|| {
                let lower: String = text
                    .trim()
                    .chars()
                    .map(single_lowercase)
                    .collect::<Option<_>>()?;
                PRIMITIVE_WORDS
                    .iter()
                    .find(|(w, _)| *w == lower)
                    .map(|&(_, p)| p)
            })
        };
        let long = "Д".repeat(LONGEST_PRIMITIVE_WORD);
        let mut texts = vec![
            "ДВОЙНОЕ С ПЛАВАЮЩЕЙ ТОЧКОЙ",
            "Нетипизированный объект JSON",
            " Строка ",
            "İстрока",
            "строкİ",
            "Строка строка строка строка строка строка",
            "нечто",
            "String",
            "",
            long.as_str(),
        ];
        texts.extend(PRIMITIVE_WORDS.iter().map(|(w, _)| *w));
        let upper: Vec<String> = PRIMITIVE_WORDS
            .iter()
            .map(|(w, _)| w.to_uppercase())
            .collect();
        texts.extend(upper.iter().map(String::as_str));
        for text in texts {
            assert_eq!(primitive(text), by_string(text), "{text}");
        }
        assert!(PRIMITIVE_WORDS.iter().all(|(w, _)| primitive(w).is_some()));
    }

    #[test]
    fn header_words_match_as_the_lowercased_text_would() {
        let by_lowercase = |text: &str, words: &[&str]| {
            let lower = lowercase(text.trim_matches(|c: char| c.is_whitespace() || c == '*'));
            words.iter().any(|w| lower == *w)
        };
        for text in [
            "Type",
            "**TYPE**",
            " тип ",
            "ТИП",
            "Types",
            "Typ",
            "Description",
            "ОПИСАНИЕ",
            "\u{212A}ind",
            "İtype",
            "descrİption",
            "Σ",
            "",
            "**",
            "type description",
        ] {
            for words in [TYPE_HEADERS, DESCRIPTION_HEADERS] {
                assert_eq!(is_header(text, words), by_lowercase(text, words), "{text}");
            }
        }
        assert!(is_type_header("**Тип**"));
        assert!(is_description_header("Description"));
    }

    #[test]
    fn russian_words() {
        assert_eq!(primitive("Строка"), Some(Primitive::String));
        assert_eq!(primitive("Логическое"), Some(Primitive::Boolean));
        assert_eq!(
            primitive("Двойное с плавающей точкой"),
            Some(Primitive::Double)
        );
        assert_eq!(primitive("нечто"), None);
        assert!(mentions_collection("Коллекция строк"));
        assert!(mentions_inheritance("Наследуется от"));
    }

    #[test]
    fn transliteration_degrades_to_none_for_unknown_scripts() {
        assert_eq!(
            transliterate("траублешутинжеррордетаилс").as_deref(),
            Some("traubleshutinzherrordetails")
        );
        assert_eq!(transliterate("Фамили X-1").as_deref(), Some("familix1"));
        assert_eq!(transliterate("名前"), None);
    }
}
