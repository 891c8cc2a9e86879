//! All naming and escaping of Rust identifiers, in one place.
//!
//! Graph names are camelCase JSON names, sometimes PascalCase, sometimes with `@`, `.`, `-`,
//! digits or (in damaged translations) non-ASCII letters. Rust names are ASCII, snake_case for
//! fields and methods, UpperCamelCase for types and variants, never a keyword, and unique in
//! their scope after case conversion.

use crate::docs_text::is_unsafe_char;
use foldhash::{HashMap, HashSet};
use heck::{ToSnakeCase, ToUpperCamelCase};
use std::borrow::Cow;

/// Words that are keywords in any Rust edition (strict and reserved).
const KEYWORDS: &[&str] = &[
    "as", "async", "await", "break", "const", "continue", "crate", "dyn", "else", "enum", "extern",
    "false", "fn", "for", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut", "pub",
    "ref", "return", "self", "Self", "static", "struct", "super", "trait", "true", "type",
    "unsafe", "use", "where", "while", "abstract", "become", "box", "do", "final", "macro",
    "override", "priv", "typeof", "unsized", "virtual", "yield", "try", "gen",
];

/// The length of the longest of [`KEYWORDS`].
const LONGEST_KEYWORD: usize = 8;

/// Keywords that cannot be raw identifiers.
const NOT_RAW: &[&str] = &["crate", "self", "Self", "super", "_"];

/// By length (up to [`LONGEST_KEYWORD`]), the first bytes of the [`KEYWORDS`] and [`NOT_RAW`]
/// names of that length, as bits: a name whose length and first byte match none is no keyword,
/// known without comparing it to each (most names, looked up for every field).
const KEYWORD_STARTS: [u128; LONGEST_KEYWORD + 1] = {
    let mut starts = [0u128; LONGEST_KEYWORD + 1];
    let lists = [KEYWORDS, NOT_RAW];
    let mut l = 0;
    while l < lists.len() {
        let mut i = 0;
        while i < lists[l].len() {
            let word = lists[l][i].as_bytes();
            starts[word.len()] |= 1 << word[0];
            i += 1;
        }
        l += 1;
    }
    starts
};

/// False when `name` is surely none of [`KEYWORDS`] and [`NOT_RAW`] (see [`KEYWORD_STARTS`]).
fn may_be_keyword(name: &str) -> bool {
    match (KEYWORD_STARTS.get(name.len()), name.as_bytes().first()) {
        (Some(starts), Some(&first)) => first < 128 && starts >> first & 1 == 1,
        _ => false,
    }
}

/// Names the generated code uses unqualified in type position (`Option<String>`, `Box<T>`,
/// `Vec<T>`, `impl From<T>`, `Result<..>`): no generated type or trait may take them, or it would
/// shadow them in its module.
const PRELUDE_NAMES: &[&str] = &["Option", "String", "Box", "Vec", "From", "Result"];

/// Crates the generated code names by path (`serde::Serialize`, `std::fmt::Display`, the default
/// primitive types): no generated module may take them, or the paths would resolve to it.
const CRATE_NAMES: &[&str] = &[
    "std",
    "core",
    "alloc",
    "serde",
    "serde_json",
    "jiff",
    "uuid",
];

/// Keeps ASCII letters, digits and `_`; every other run of characters becomes one `_`.
fn ascii_words(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut gap = false;
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            if gap && !out.is_empty() {
                out.push('_');
            }
            gap = false;
            out.push(c);
        } else {
            gap = true;
        }
    }
    out
}

/// Converts `name` with `case`, then makes it a usable identifier body: `empty` when nothing is
/// left, `digit_prefix` in front when it starts with a digit.
fn cased(name: &str, case: fn(&str) -> String, empty: &str, digit_prefix: &str) -> String {
    let s = case(&ascii_words(name));
    match s.chars().next() {
        None => empty.to_owned(),
        Some(c) if c.is_ascii_digit() => format!("{digit_prefix}{s}"),
        Some(_) => s,
    }
}

/// True for a name of ASCII letters and digits that starts with a letter and whose every
/// capital after the first character follows a lowercase letter, digits apart (`displayName`,
/// `Id`, `pointX`, `windows10General`): each of its words is a capital or the start, then
/// lowercase letters and digits, and heck splits it before each capital and nowhere else (its
/// case mode is carried over digits). Most Graph names are such; [`snake`] and [`camel`] case
/// them without heck, which writes each character through `fmt` (a tenth of emit), and give
/// what heck gives (a test compares them).
fn is_plain_camel(name: &str) -> bool {
    let bytes = name.as_bytes();
    if !bytes.first().is_some_and(u8::is_ascii_alphabetic) {
        return false;
    }
    // Whether the last letter seen is a capital.
    let mut after_capital = bytes[0].is_ascii_uppercase();
    for &b in &bytes[1..] {
        if b.is_ascii_uppercase() {
            if after_capital {
                return false;
            }
            after_capital = true;
        } else if b.is_ascii_lowercase() {
            after_capital = false;
        } else if !b.is_ascii_digit() {
            return false;
        }
    }
    true
}

/// A snake_case name (without keyword escaping), never empty, never starting with a digit.
pub fn snake(name: &str) -> String {
    plain_snake(name).unwrap_or_else(|| cased(name, |s| s.to_snake_case(), "value", "n"))
}

/// heck's snake case of `name` (`Windows10GeneralConfiguration` → `windows10_general_...`).
pub fn heck_snake(name: &str) -> String {
    plain_snake(name).unwrap_or_else(|| name.to_snake_case())
}

/// The first word of [`heck_snake`] of `name` when it [`is_plain_camel`] (`deviceActionResult`,
/// `DeviceActionResult` → `Device`), not lowercased: the name up to its second word's capital.
pub fn plain_first_word(name: &str) -> Option<&str> {
    if !is_plain_camel(name) {
        return None;
    }
    let end = (name.bytes().skip(1))
        .position(|b| b.is_ascii_uppercase())
        .map_or(name.len(), |i| i + 1);
    Some(&name[..end])
}

/// The snake case of a name that [`is_plain_camel`], without heck; `None` for another name.
fn plain_snake(name: &str) -> Option<String> {
    // Checked and written in one pass over the bytes, each written as it is read (a `_`
    // before each capital, lowercased): three passes (check, copy word by word, lowercase)
    // and a copy per word cost twice as much, once per field of every struct.
    let bytes = name.as_bytes();
    let (&first, rest) = bytes.split_first()?;
    if !first.is_ascii_alphabetic() {
        return None;
    }
    let mut out: Vec<u8> = Vec::with_capacity(name.len() + 4);
    out.push(first.to_ascii_lowercase());
    // Whether the last letter seen is a capital.
    let mut after_capital = first.is_ascii_uppercase();
    for &b in rest {
        if b.is_ascii_uppercase() {
            if after_capital {
                return None;
            }
            after_capital = true;
            out.push(b'_');
            out.push(b.to_ascii_lowercase());
        } else if b.is_ascii_lowercase() {
            after_capital = false;
            out.push(b);
        } else if b.is_ascii_digit() {
            out.push(b);
        } else {
            return None;
        }
    }
    // ASCII letters, digits and `_` only: always valid UTF-8.
    String::from_utf8(out).ok()
}

/// An UpperCamelCase name, never empty, never starting with a digit.
pub fn camel(name: &str) -> String {
    if is_plain_camel(name) {
        let mut s = name.to_owned();
        s[..1].make_ascii_uppercase();
        one_leading_capital(s)
    } else {
        heck_camel(name)
    }
}

/// [`camel`] by heck.
fn heck_camel(name: &str) -> String {
    one_leading_capital(cased(name, |s| s.to_upper_camel_case(), "Value", "N"))
}

/// Words of one letter give all-capital names (`a-b-c`, `ünïcödé` → `ABC`, `NCD`), which read
/// as acronyms (clippy's `upper_case_acronyms`): keeps the first capital only.
fn one_leading_capital(s: String) -> String {
    let capitals = s.chars().filter(char::is_ascii_uppercase).count();
    if capitals > 1 && !s.chars().any(|c| c.is_ascii_lowercase()) {
        let (first, rest) = s.split_at(1);
        format!("{first}{}", rest.to_ascii_lowercase())
    } else {
        s
    }
}

/// The module name of a namespace segment: snake_case, with `_` appended to the names of the
/// crates the generated code uses (`std_`, `serde_`) and to the name of its `support` module.
pub fn module(segment: &str) -> String {
    let name = snake(segment);
    if CRATE_NAMES.contains(&name.as_str()) || name == super::support::SUPPORT_MODULE {
        format!("{name}_")
    } else {
        name
    }
}

/// A docs name (type, property, member) as it may stand inside a doc comment code span: control
/// characters (a bare `\r` does not even compile, `\n` would end the line), the bidirectional
/// overrides and isolates that can make displayed text differ from the source (rustc denies
/// them) and backticks (which would end the span or open a code block) are written as `\u{..}`
/// escapes.
pub fn doc_name(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    push_doc_name(&mut out, name);
    out
}

/// True for a name of printable ASCII without a backtick: [`doc_name`] leaves it as it is.
fn is_plain_doc_name(name: &str) -> bool {
    name.bytes().all(|b| matches!(b, b' '..=b'~') && b != b'`')
}

/// Appends [`doc_name`] of `name` to `out` (a line being written). A name of printable ASCII
/// without a backtick (almost every Graph name) is copied whole, its characters not decoded.
pub fn push_doc_name(out: &mut String, name: &str) {
    if is_plain_doc_name(name) {
        out.push_str(name);
        return;
    }
    for c in name.chars() {
        if is_unsafe_char(c) || c == '`' {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
}

/// Appends [`string_literal`] of [`doc_name`] of `name` to `out` (a table row being written).
pub fn push_doc_name_literal(out: &mut String, name: &str) {
    if is_plain_doc_name(name) {
        push_string_literal(out, name);
    } else {
        push_string_literal(out, &doc_name(name));
    }
}

/// `text` as a Rust string literal, exactly as `proc_macro2::Literal::string` writes it. Text of
/// printable ASCII without `"` or `\` (almost every Graph name) needs no escape and is only
/// quoted: the per-character escaping is a large share of emitting a whole tree's tables.
pub fn string_literal(text: &str) -> String {
    let mut literal = String::with_capacity(text.len() + 2);
    push_string_literal(&mut literal, text);
    literal
}

/// Appends [`string_literal`] of `text` to `out` (a table row being written).
pub fn push_string_literal(out: &mut String, text: &str) {
    // Folded without a branch per byte (the compiler checks many bytes at once): names are
    // short, and a short-circuiting scan cost more per byte than the copy.
    let plain = text.bytes().fold(true, |plain, b| {
        plain & (b' '..=b'~').contains(&b) & (b != b'"') & (b != b'\\')
    });
    if plain {
        out.push('"');
        out.push_str(text);
        out.push('"');
    } else {
        out.push_str(&proc_macro2::Literal::string(text).to_string());
    }
}

/// A (unique) name as a Rust identifier, keywords escaped: `name`, `r#name` for a keyword,
/// `name_` for one that cannot be raw. It is the text proc-macro2's `Ident` would print,
/// written without building one (which checks every character and allocates twice). Names with
/// a capital first letter are no keyword but `Self`.
pub fn ident_text(name: &str) -> Cow<'_, str> {
    let capital = name.as_bytes().first().is_some_and(u8::is_ascii_uppercase);
    if capital && name != "Self" || !may_be_keyword(name) {
        Cow::Borrowed(name)
    } else if NOT_RAW.contains(&name) {
        Cow::Owned(format!("{name}_"))
    } else if KEYWORDS.contains(&name) {
        Cow::Owned(format!("r#{name}"))
    } else {
        Cow::Borrowed(name)
    }
}

/// [`ident_text`] of a name the caller owns: the name itself when it needs no escape.
pub fn into_ident_text(name: String) -> String {
    match ident_text(&name) {
        Cow::Borrowed(_) => name,
        Cow::Owned(escaped) => escaped,
    }
}

/// Hands out names unique within one scope, suffixing `2`, `3`, ... on collisions. Hashed: a
/// module's scope holds thousands of type names, and nothing reads them in order.
#[derive(Debug, Default, Clone)]
pub struct Scope {
    used: HashSet<String>,
    /// Per colliding name, the next suffix to try (so many collisions stay linear).
    next: HashMap<String, usize>,
}

impl Scope {
    /// An empty scope.
    pub fn new() -> Scope {
        Scope::default()
    }

    /// An empty scope with room for `names` names.
    pub fn with_capacity(names: usize) -> Scope {
        Scope {
            used: HashSet::with_capacity_and_hasher(names, Default::default()),
            next: HashMap::default(),
        }
    }

    /// A scope for the types and traits of one module: the prelude names the generated code
    /// uses unqualified (`Option`, `String`, `Box`, `Vec`, `From`, `Result`) are taken.
    pub fn for_types() -> Scope {
        let mut scope = Scope::new();
        for name in PRELUDE_NAMES {
            scope.reserve(name);
        }
        scope
    }

    /// Reserves `name` (e.g. a generated field such as `additional_properties`).
    pub fn reserve(&mut self, name: &str) {
        self.used.insert(name.to_owned());
    }

    /// [`Scope::unique`] of a name the caller owns: the name itself when it is free (one
    /// string fewer).
    pub fn unique_owned(&mut self, name: String) -> String {
        if self.used.contains(name.as_str()) {
            return self.unique(&name);
        }
        self.used.insert(name.clone());
        name
    }

    /// `name` if free, else `name2`, `name3`, ... (or `name_2` after a digit or for snake case).
    pub fn unique(&mut self, name: &str) -> String {
        let snake_like =
            name.contains('_') || name.chars().next().is_some_and(|c| c.is_ascii_lowercase());
        if self.used.insert(name.to_owned()) {
            return name.to_owned();
        }
        let mut n = self.next.get(name).copied().unwrap_or(2);
        loop {
            let candidate = if snake_like || name.ends_with(|c: char| c.is_ascii_digit()) {
                format!("{name}_{n}")
            } else {
                format!("{name}{n}")
            };
            n += 1;
            if self.used.insert(candidate.clone()) {
                self.next.insert(name.to_owned(), n);
                return candidate;
            }
        }
    }
}

/// Up to this many names, [`unique_in_order`] looks for a repeat by comparing every pair
/// rather than by hashing.
const PAIRWISE_UP_TO: usize = 16;

/// The names of one scope made unique in order, as a [`Scope`] with `reserved` reserved hands
/// them out by [`Scope::unique_owned`]: the names themselves when none repeats another or a
/// reserved one, which is found without copying them into a scope (most structs' fields).
pub fn unique_in_order(reserved: &[&str], names: Vec<String>) -> Vec<String> {
    let all_distinct = if names.len() + reserved.len() <= PAIRWISE_UP_TO {
        names
            .iter()
            .enumerate()
            .all(|(i, name)| !reserved.contains(&name.as_str()) && !names[..i].contains(name))
    } else {
        let mut seen: HashSet<&str> =
            HashSet::with_capacity_and_hasher(names.len() + reserved.len(), Default::default());
        (reserved.iter().copied())
            .chain(names.iter().map(String::as_str))
            .all(|name| seen.insert(name))
    };
    if all_distinct {
        return names;
    }
    let mut scope = Scope::with_capacity(names.len() + reserved.len());
    for name in reserved {
        scope.reserve(name);
    }
    names
        .into_iter()
        .map(|name| scope.unique_owned(name))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proc_macro2::{Ident, Span};

    /// proc_macro2's identifier for a (unique) name, keywords escaped: `r#type`, `self_` (what
    /// [`ident_text`] writes, checked by `Ident::new`).
    fn to_ident(name: &str) -> Ident {
        if NOT_RAW.contains(&name) {
            Ident::new(&format!("{name}_"), Span::call_site())
        } else if KEYWORDS.contains(&name) {
            Ident::new_raw(name, Span::call_site())
        } else {
            Ident::new(name, Span::call_site())
        }
    }

    #[test]
    fn cases_and_keywords() {
        assert_eq!(snake("lastUpdatedDateTime"), "last_updated_date_time");
        assert_eq!(
            camel("resetPasscodeActionResult"),
            "ResetPasscodeActionResult"
        );
        assert_eq!(to_ident("type").to_string(), "r#type");
        assert_eq!(to_ident("self").to_string(), "self_");
        assert_eq!(snake("@odata.type"), "odata_type");
        assert_eq!(snake("v4_0_3"), "v4_0_3");
        assert_eq!(snake("3dModel"), "n3d_model");
        assert_eq!(camel("не удалось"), "Value");
        assert_eq!(camel("x-ms-thing"), "XMsThing");
        assert_eq!(camel("ünïcödé"), "Ncd");
        assert_eq!(camel("a-b"), "Ab");
        assert_eq!(camel("v1_0"), "V10");
    }

    #[test]
    fn ident_text_is_the_ident_written() {
        let longest = KEYWORDS.iter().chain(NOT_RAW).map(|k| k.len()).max();
        assert_eq!(longest, Some(LONGEST_KEYWORD));
        let names = KEYWORDS.iter().chain(NOT_RAW).copied().chain([
            "Type",
            "SelfService",
            "Self",
            "value",
            "odata_type",
            "Crate",
            "r",
            "x1",
        ]);
        for name in names {
            assert_eq!(ident_text(name), to_ident(name).to_string(), "{name}");
            assert_eq!(into_ident_text(name.to_owned()), ident_text(name), "{name}");
        }
    }

    #[test]
    fn names_that_may_be_keywords_are_all_the_keywords() {
        for word in KEYWORDS.iter().chain(NOT_RAW) {
            assert!(may_be_keyword(word), "{word}");
        }
        for name in ["", "base", "value", "odata_type", "é", "x1", "Type"] {
            assert!(!may_be_keyword(name), "{name}");
        }
        assert!(!may_be_keyword(&"a".repeat(LONGEST_KEYWORD + 1)));
    }

    #[test]
    fn plain_camel_names_are_cased_as_heck_cases_them() {
        // Every name of up to six letters from `a`, `b`, `A`, `B`: words of one and more
        // letters, a capital at the start and at the end, all-capital words.
        let mut names = vec![String::new()];
        let mut all = Vec::new();
        for _ in 0..6 {
            names = names
                .iter()
                .flat_map(|n| ["a", "b", "A", "B", "1"].map(|c| format!("{n}{c}")))
                .collect();
            all.extend(names.iter().cloned());
        }
        all.extend(
            [
                "displayName",
                "id",
                "Id",
                "odataType",
                "lastModifiedDateTime",
                "x",
                "windows10GeneralConfiguration",
                "Windows10",
                "ipv4Range",
                "A1B",
                "a1B2c",
            ]
            .map(String::from),
        );
        let mut plain = 0;
        for name in &all {
            assert_eq!(plain_snake(name).is_some(), is_plain_camel(name), "{name}");
            if is_plain_camel(name) {
                plain += 1;
                assert_eq!(
                    snake(name),
                    cased(name, |s| s.to_snake_case(), "value", "n"),
                    "{name}"
                );
                assert_eq!(camel(name), heck_camel(name), "{name}");
                assert_eq!(heck_snake(name), name.to_snake_case(), "{name}");
            }
        }
        assert!(plain > 5000, "{plain}");
        assert!(is_plain_camel("ipv4") && is_plain_camel("windows10General"));
        assert!(!is_plain_camel("HTMLParser") && !is_plain_camel("A1B") && !is_plain_camel(""));
        assert!(!is_plain_camel("1a") && !is_plain_camel("a_b") && !is_plain_camel("é"));
    }

    #[test]
    fn generated_names_leave_the_prelude_and_the_used_crates_alone() {
        let mut types = Scope::for_types();
        assert_eq!(types.unique(&camel("option")), "Option2");
        assert_eq!(types.unique(&camel("string")), "String2");
        assert_eq!(types.unique(&camel("user")), "User");
        assert_eq!(module("serde"), "serde_");
        assert_eq!(module("std"), "std_");
        assert_eq!(module("callRecords"), "call_records");
        assert_eq!(module("support"), "support_");
    }

    #[test]
    fn names_in_docs_cannot_end_the_line_the_span_or_the_reading_order() {
        assert_eq!(doc_name("a\rb`c\u{202e}d"), "a\\u{d}b\\u{60}c\\u{202e}d");
        assert_eq!(doc_name("über type"), "über type");
        // Every ASCII character and a few others, alone and in a name, as each was escaped
        // character by character.
        let by_char = |name: &str| -> String {
            name.chars()
                .map(|c| {
                    if is_unsafe_char(c) || c == '`' {
                        c.escape_unicode().to_string()
                    } else {
                        c.to_string()
                    }
                })
                .collect()
        };
        let chars = (0u8..=127)
            .map(char::from)
            .chain(['\u{85}', '\u{202e}', 'é', 'й']);
        for c in chars {
            for name in [c.to_string(), format!("microsoft.graph.a{c}b")] {
                assert_eq!(doc_name(&name), by_char(&name), "{name:?}");
            }
        }
        assert!(is_unsafe_char('\u{2066}') && is_unsafe_char('\u{7}') && !is_unsafe_char('й'));
    }

    #[test]
    fn string_literals_are_written_as_proc_macro2_writes_them() {
        let mut texts: Vec<String> = (0u8..=127).map(|b| char::from(b).to_string()).collect();
        texts.extend(
            [
                "",
                "microsoft.graph.deviceActionResult",
                "@odata.type",
                "a \"quoted\" \\ path",
                "it's",
                "тип",
                "tab\there",
                "\u{202e}x",
                "\u{85}",
                "\0",
            ]
            .map(String::from),
        );
        for text in texts {
            assert_eq!(
                string_literal(&text),
                proc_macro2::Literal::string(&text).to_string(),
                "{text:?}"
            );
        }
    }

    #[test]
    fn scope_suffixes_collisions() {
        let mut s = Scope::new();
        assert_eq!(s.unique("service_principal_id"), "service_principal_id");
        assert_eq!(s.unique("service_principal_id"), "service_principal_id_2");
        assert_eq!(s.unique("Value"), "Value");
        assert_eq!(s.unique("Value"), "Value2");
        s.reserve("Value4");
        assert_eq!(s.unique("Value"), "Value3");
        assert_eq!(s.unique("Value"), "Value5");
        assert_eq!(s.unique("Value3"), "Value3_2");
        assert_eq!(s.unique_owned("Value".to_owned()), "Value6");
        assert_eq!(s.unique_owned("x".to_owned()), "x");
        assert_eq!(s.unique_owned("x".to_owned()), "x_2");
    }
    #[test]
    fn names_made_unique_in_order_are_those_a_scope_hands_out() {
        let pieces = ["a", "b", "a_2", "base", "odata_type"];
        let mut lists: Vec<Vec<String>> = vec![Vec::new()];
        for _ in 0..4 {
            lists = (lists.iter())
                .flat_map(|l| {
                    pieces.map(|p| {
                        let mut l = l.clone();
                        l.push(p.to_owned());
                        l
                    })
                })
                .collect();
        }
        // Long lists too, which are checked by hashing.
        let long: Vec<String> = (0..40).map(|i| format!("f{i}")).collect();
        lists.push(long.clone());
        let mut repeated = long.clone();
        repeated.push("f3".to_owned());
        lists.push(repeated);
        let mut reserved_taken = long;
        reserved_taken.push("base".to_owned());
        lists.push(reserved_taken);
        for reserved in [&["odata_type", "base"][..], &[]] {
            for names in &lists {
                let mut scope = Scope::new();
                for name in reserved {
                    scope.reserve(name);
                }
                let expected: Vec<String> = names
                    .iter()
                    .map(|n| scope.unique_owned(n.clone()))
                    .collect();
                assert_eq!(
                    unique_in_order(reserved, names.clone()),
                    expected,
                    "{reserved:?} {names:?}"
                );
            }
        }
    }
}
