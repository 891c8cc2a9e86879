//! The type column of property tables: `String`, `[group](group.md) collection`,
//! `Коллекция [x](x.md)`, `Collection([contentType][])`, `Edm.Binary`, `[x](#x-values)`, ...
//! (grammar in `docs-format.md` §5). Types come from link targets, never from link texts.

use super::lexicon::Lexicon;
use super::locale;
use super::markdown::Inline;
use crate::docs_text::is_dotted_identifier;
use crate::primitive::Primitive;

/// Where a link points, reduced to what identifies a type.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Target {
    /// Another page, by lowercase file stem (`intune-devices-actionstate`), with its fragment.
    Page {
        /// Lowercase file name without directory and `.md`.
        stem: String,
        /// The `#fragment`, lowercase, if any.
        fragment: Option<String>,
    },
    /// An anchor on the same page (`#agegroup-values`), lowercase, without `#`.
    Anchor(String),
    /// Anything else (web URLs, method pages).
    External(String),
}

impl Target {
    /// Classifies a link destination.
    pub fn from_dest(dest: &str) -> Target {
        let dest = dest.trim();
        if let Some(anchor) = dest.strip_prefix('#') {
            return Target::Anchor(anchor.to_ascii_lowercase());
        }
        // A destination is a few dozen bytes; memchr finds its few delimiters without a loop
        // over every byte. The path ends at the first `?` before the `#fragment`.
        let bytes = dest.as_bytes();
        let (scheme, hash, query) = delimiters(bytes);
        if scheme || dest.starts_with("mailto:") {
            return Target::External(dest.to_owned());
        }
        let path = &dest[..query.or(hash).unwrap_or(dest.len())];
        // The last `/` of the path, and whether a directory between two slashes is
        // `resources` or `api` (in any case).
        let (mut last_slash, mut in_resources, mut in_api) = (None, false, false);
        for i in memchr::memchr_iter(b'/', path.as_bytes()) {
            if let Some(previous) = last_slash {
                let directory = &path[previous + 1..i];
                in_resources |= directory.eq_ignore_ascii_case("resources");
                in_api |= directory.eq_ignore_ascii_case("api");
            }
            last_slash = Some(i);
        }
        let slash = last_slash.is_some();
        let is_resource_dir = in_resources || !slash;
        if slash && in_api && !in_resources || path.is_empty() {
            return Target::External(dest.to_owned());
        }
        let file = &path[last_slash.map_or(0, |i| i + 1)..];
        let markdown =
            file.len() >= 3 && file.as_bytes()[file.len() - 3..].eq_ignore_ascii_case(b".md");
        // `.md` is ASCII: cutting it leaves a character boundary.
        let stem = if markdown {
            &file[..file.len() - 3]
        } else {
            file
        };
        if stem.is_empty() || (!is_resource_dir && !markdown) {
            return Target::External(dest.to_owned());
        }
        Target::Page {
            stem: stem.to_ascii_lowercase(),
            fragment: hash.map(|h| dest[h + 1..].to_ascii_lowercase()),
        }
    }

    /// The page stem, if this points to a page.
    pub fn stem(&self) -> Option<&str> {
        match self {
            Target::Page { stem, .. } => Some(stem),
            _ => None,
        }
    }
}

/// Whether a link destination has a scheme (a `:` followed by `//`), its first `#`, and the
/// first `?` before that: one search for the three (most destinations have none of them).
fn delimiters(bytes: &[u8]) -> (bool, Option<usize>, Option<usize>) {
    let (mut scheme, mut hash, mut query) = (false, None, None);
    for i in memchr::memchr3_iter(b':', b'#', b'?', bytes) {
        match bytes[i] {
            b':' => scheme |= bytes[i + 1..].starts_with(b"//"),
            b'#' => hash = hash.or(Some(i)),
            _ => query = query.or(Some(i).filter(|_| hash.is_none())),
        }
    }
    (scheme, hash, query)
}

/// What a type cell names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TypeSpec {
    /// A primitive.
    Primitive(Primitive),
    /// A type named by a link: resolved through the target page.
    Link {
        /// Where the link points.
        target: Target,
        /// The link text (a hint only: translated in some locales).
        text: String,
    },
    /// A bare or qualified identifier (`analyticsActivityType`, `microsoft.graph.x`).
    Name(String),
    /// Not understood.
    Unknown(String),
}

/// A parsed type cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TypeCell {
    /// The element type.
    pub spec: TypeSpec,
    /// True when the cell says it is a collection.
    pub collection: bool,
}

/// Parses a type cell with the seed's words (see [`read`]).
pub fn parse(cell: &Inline) -> TypeCell {
    // A link names the type by its target (the first one that points somewhere useful).
    let link = cell
        .links
        .iter()
        .map(|l| (Target::from_dest(&l.dest), l.text.as_str()))
        .find(|(t, _)| !matches!(t, Target::External(_)));
    read(&cell.text, link, Lexicon::seed())
}

/// Reads a type cell of text `text` whose first useful link is `link` (target and text), with
/// the words of `words`.
pub(super) fn read(text: &str, link: Option<(Target, &str)>, words: &Lexicon) -> TypeCell {
    let text = text.trim_matches(|c: char| super::markdown::is_blank(c) || c == ';' || c == '.');
    let collection = words.mentions_collection(text) || has_empty_brackets(text);
    if let Some((target, link_text)) = link {
        return TypeCell {
            spec: TypeSpec::Link {
                target,
                text: link_text.to_owned(),
            },
            collection,
        };
    }
    TypeCell {
        spec: parse_words(text, collection, words),
        collection,
    }
}

/// True when `text` holds `[]` (`String[]`) other than as the end of a reference link
/// (`[identitySet][]`). Found from the `[`s: a cell has few or none.
fn has_empty_brackets(text: &str) -> bool {
    let bytes = text.as_bytes();
    let empty = |i: usize| bytes.get(i + 1) == Some(&b']');
    memchr::memchr_iter(b'[', bytes).any(empty)
        && !memchr::memchr_iter(b'[', bytes).any(|i| i > 0 && bytes[i - 1] == b']' && empty(i))
}

/// The words of a type cell without a link once its collection words, brackets and wrapping
/// parentheses are gone, and their head before any `(` or `,` (`string (url)` → `string`):
/// the forms tried as a primitive.
pub(super) fn stripped_words(text: &str, words: &Lexicon) -> (String, String) {
    // Strip collection words wherever they stand (`Collection(x)`, `Коллекция (x)`).
    let rest = words.remove_collection_words(text.trim());
    // Reference links without definitions: `[identitySet][]`, `[identitySet]`.
    let cleaned: String = rest
        .replace("[]", " ")
        .chars()
        .filter(|c| !matches!(c, '[' | ']' | '`' | '*'))
        .collect();
    let mut cleaned = cleaned.trim();
    // What a collection word wrapped: `(string)`.
    while let Some(inner) = cleaned.strip_prefix('(').and_then(|c| c.strip_suffix(')')) {
        cleaned = inner.trim();
    }
    // Machine translation puts spaces after dots: `edm. DateTime`.
    let joined = cleaned.replace(". ", ".");
    let cleaned = if joined.contains(' ') {
        cleaned.to_owned()
    } else {
        joined
    };
    // Annotated primitives: `string (url)`, `string, maximum size 20`, `文字列（URL）`.
    let head = cleaned
        .split(['(', ',', '（', '，', '、'])
        .next()
        .unwrap_or("")
        .trim()
        .to_owned();
    (cleaned, head)
}

/// Reads a type cell without a link; `collection` is whether it holds a collection word.
fn parse_words(text: &str, collection: bool, words: &Lexicon) -> TypeSpec {
    let rest = text.trim();
    // The common case, one plain word: `String`, `Int32`, `microsoft.graph.x`, `actionState`.
    if rest
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'_')
    {
        if let Some(p) = words.primitive(rest) {
            return TypeSpec::Primitive(p);
        }
        // `read` trimmed the text already: `collection` is whether `rest` mentions one.
        if is_dotted_identifier(rest) && !collection {
            return TypeSpec::Name(rest.to_owned());
        }
    }
    // Whole-phrase primitive words (`Коллекция строк`, `Двойное с плавающей точкой`).
    if let Some(p) = words.primitive(rest) {
        return TypeSpec::Primitive(p);
    }
    let (cleaned, head) = stripped_words(rest, words);
    if let Some(p) = words.primitive(&cleaned).or_else(|| words.primitive(&head)) {
        return TypeSpec::Primitive(p);
    }
    let found: Vec<&str> = cleaned.split_whitespace().collect();
    if found.len() == 1 && is_dotted_identifier(found[0]) {
        return TypeSpec::Name(found[0].to_owned());
    }
    // A lone identifier followed by a primitive word in another language (`Строка` etc.) is
    // not attempted: anything else is unknown.
    TypeSpec::Unknown(text.to_owned())
}

/// `text` with every case-insensitive occurrence of `words` (lowercase, tried in order)
/// replaced by a space; with `whole`, only occurrences that stand as whole words (no letter
/// or digit on either side). Works on characters, so case mappings that change byte lengths
/// are safe.
pub(super) fn remove_words(text: &str, words: &[&str], whole: bool) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    let mut after_word_char = false;
    // Only ASCII words can occur in ASCII text. Each word with its first letter: a word is
    // compared only where that letter stands (comparing every word at every character was
    // most of reading a long translated type cell). An empty word matches nothing.
    let ascii = text.is_ascii();
    let words: Vec<(char, &str)> = (words.iter())
        .filter(|w| !ascii || w.is_ascii())
        .filter_map(|w| Some((w.chars().next()?, *w)))
        .collect();
    'scan: while let Some(c) = rest.chars().next() {
        if !(whole && after_word_char) {
            let lower = locale::single_lowercase(c);
            for &(first, word) in &words {
                if lower != Some(first) {
                    continue;
                }
                let Some(len) = locale::starts_with_ci(rest, word) else {
                    continue;
                };
                if whole && rest[len..].starts_with(char::is_alphanumeric) {
                    continue;
                }
                out.push(' ');
                rest = &rest[len..];
                after_word_char = false;
                continue 'scan;
            }
        }
        out.push(c);
        // Only whole words look at the character before them (asking the Unicode tables
        // about every character of a translated cell was a third of removing its words).
        after_word_char = whole && c.is_alphanumeric();
        rest = &rest[c.len_utf8()..];
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::markdown::Link;

    fn cell<'a>(text: &str, links: &[(&str, &'a str)]) -> Inline<'a> {
        Inline {
            text: text.into(),
            links: links
                .iter()
                .map(|&(t, d)| Link {
                    text: t.into(),
                    dest: d.into(),
                })
                .collect(),
            ..Inline::default()
        }
    }

    #[test]
    fn delimiters_in_one_search_as_three_searches_find_them() {
        for dest in [
            "",
            "x.md",
            "../resources/x.md#Frag",
            "../API/x-get.md?view=beta#y",
            "https://example.com/api/",
            "a?b/c#d/e?f:g",
            "x:/y://z",
            "a#b?c#d",
            "?#",
            "mailto:x",
        ] {
            let bytes = dest.as_bytes();
            let scheme =
                memchr::memchr_iter(b':', bytes).any(|c| bytes[c + 1..].starts_with(b"//"));
            let hash = memchr::memchr(b'#', bytes);
            let query = memchr::memchr(b'?', &bytes[..hash.unwrap_or(bytes.len())]);
            assert_eq!(delimiters(bytes), (scheme, hash, query), "{dest}");
        }
    }

    #[test]
    fn empty_brackets_as_the_string_searches_find_them() {
        for text in [
            "", "[", "[]", "String[]", "[x][]", "[x][] []", "][]", "a]b[]", "[[]]",
        ] {
            assert_eq!(
                has_empty_brackets(text),
                text.contains("[]") && !text.contains("][]"),
                "{text:?}"
            );
        }
    }

    #[test]
    fn primitives_and_collections() {
        let t = parse(&cell("String collection", &[]));
        assert_eq!(
            (t.spec, t.collection),
            (TypeSpec::Primitive(Primitive::String), true)
        );
        let t = parse(&cell("Коллекция строк", &[]));
        assert_eq!(
            (t.spec, t.collection),
            (TypeSpec::Primitive(Primitive::String), true)
        );
        let t = parse(&cell("Edm.Binary", &[]));
        assert_eq!(
            (t.spec, t.collection),
            (TypeSpec::Primitive(Primitive::Binary), false)
        );
        let t = parse(&cell("collection(string)", &[]));
        assert_eq!(
            (t.spec, t.collection),
            (TypeSpec::Primitive(Primitive::String), true)
        );
        let t = parse(&cell("string (url)", &[]));
        assert_eq!(t.spec, TypeSpec::Primitive(Primitive::String));
        // A collection word before a parenthesis, spaces after dots (machine translation).
        for text in [
            "Коллекция (string)",
            "Коллекция (строка)",
            "Collection (String)",
        ] {
            let t = parse(&cell(text, &[]));
            assert_eq!(
                (t.spec, t.collection),
                (TypeSpec::Primitive(Primitive::String), true),
                "{text}"
            );
        }
        let t = parse(&cell("Collection (microsoft.graph.contentTypeInfo)", &[]));
        assert_eq!(
            (t.spec, t.collection),
            (
                TypeSpec::Name("microsoft.graph.contentTypeInfo".into()),
                true
            )
        );
        let t = parse(&cell("Коллекция объектов string", &[]));
        assert_eq!(
            (t.spec, t.collection),
            (TypeSpec::Primitive(Primitive::String), true)
        );
        let t = parse(&cell("edm. DateTime", &[]));
        assert_eq!(t.spec, TypeSpec::Primitive(Primitive::DateTimeOffset));
        assert_eq!(
            parse(&cell("Нетипизированный объект JSON", &[])).spec,
            TypeSpec::Primitive(Primitive::Json)
        );
        assert_eq!(
            parse(&cell("дата и время", &[])).spec,
            TypeSpec::Primitive(Primitive::DateTimeOffset)
        );
    }

    #[test]
    fn collection_words_are_removed_whatever_the_case_mapping() {
        assert_eq!(remove_words("Коллекция X", &["коллекция"], false), "  X");
        assert_eq!(
            remove_words("COLLECTION of x", &["collection of"], false),
            "  x"
        );
        // The Kelvin sign lowercases to ASCII `k`: no byte-offset confusion, no panic.
        assert_eq!(
            remove_words("\u{212a}collection", &["collection"], false),
            "\u{212a} "
        );
        assert_eq!(remove_words("İcollection", &["collection"], false), "İ ");
        // Words are tried in order where their first letters stand; an empty word is none.
        assert_eq!(
            remove_words("Набор коллекций, НАБОРЫ", &["", "коллекци", "набор"], false),
            "   й,  Ы"
        );
        assert_eq!(remove_words("kk K", &["k k"], true), "kk K");
        assert_eq!(remove_words("k K", &["k k"], true), " ");
    }

    #[test]
    fn links_resolve_by_target_not_text() {
        let t = parse(&cell(
            "[буккетаггрегатиондефинитион]",
            &[(
                "буккетаггрегатиондефинитион",
                "bucketaggregationdefinition.md",
            )],
        ));
        assert_eq!(
            t.spec,
            TypeSpec::Link {
                target: Target::Page {
                    stem: "bucketaggregationdefinition".into(),
                    fragment: None
                },
                text: "буккетаггрегатиондефинитион".into()
            }
        );
        let t = parse(&cell(
            "коллекция x",
            &[("коллекция x", "../resources/X.md")],
        ));
        assert!(t.collection);
        assert_eq!(
            t.spec.clone(),
            TypeSpec::Link {
                target: Target::Page {
                    stem: "x".into(),
                    fragment: None
                },
                text: "коллекция x".into()
            }
        );
        assert_eq!(
            Target::from_dest("#agegroup-values"),
            Target::Anchor("agegroup-values".into())
        );
        assert_eq!(
            Target::from_dest("/graph/api/resources/user?view=graph-rest-1.0"),
            Target::Page {
                stem: "user".into(),
                fragment: None
            }
        );
        assert!(matches!(
            Target::from_dest("../api/channel-get.md"),
            Target::External(_)
        ));
    }

    #[test]
    fn collection_words_are_stripped_whatever_lowercasing_does_to_lengths() {
        // `İ` lowercases to two characters (three bytes): offsets into the lowercased text are
        // not offsets into the cell.
        assert_eq!(
            remove_words("İ Collection x", &["collection"], false),
            "İ   x"
        );
        assert!(matches!(
            parse(&cell("İİ коллекция x", &[])).spec,
            TypeSpec::Unknown(_)
        ));
        assert_eq!(
            parse(&cell("Collection of microsoft.graph.x", &[])).spec,
            TypeSpec::Name("microsoft.graph.x".into())
        );
    }

    #[test]
    fn names_and_unknowns() {
        assert_eq!(
            parse(&cell("microsoft.graph.callRecords.clientPlatform", &[])).spec,
            TypeSpec::Name("microsoft.graph.callRecords.clientPlatform".into())
        );
        assert_eq!(
            parse(&cell("[identitySet][]", &[])).spec,
            TypeSpec::Name("identitySet".into())
        );
        assert!(matches!(
            parse(&cell("routingPolicy collection collection", &[])).spec,
            TypeSpec::Name(_)
        ));
        assert!(matches!(
            parse(&cell("some prose here", &[])).spec,
            TypeSpec::Unknown(_)
        ));
    }

    #[test]
    fn annotated_primitives_in_full_width_parentheses() {
        let words = Lexicon::default();
        let (cleaned, head) = stripped_words("Строка（url）", &words);
        assert_eq!(
            (cleaned.as_str(), head.as_str()),
            ("Строка（url）", "Строка")
        );
        assert_eq!(
            parse(&cell("Строка（url）", &[])).spec,
            TypeSpec::Primitive(Primitive::String)
        );
    }

    /// `Target::from_dest` as it was written first, with string searches: the reference.
    fn from_dest_by_searches(dest: &str) -> Target {
        let dest = dest.trim();
        if let Some(anchor) = dest.strip_prefix('#') {
            return Target::Anchor(anchor.to_ascii_lowercase());
        }
        if dest.contains(':') && (dest.contains("://") || dest.starts_with("mailto:")) {
            return Target::External(dest.to_owned());
        }
        let (path, fragment) = match dest.split_once('#') {
            Some((p, f)) => (p, Some(f.to_ascii_lowercase())),
            None => (dest, None),
        };
        let path = path.split('?').next().unwrap_or(path);
        let lower = path.to_ascii_lowercase();
        let slash = lower.contains('/');
        let in_resources = slash && lower.contains("/resources/");
        let is_resource_dir = in_resources || !slash;
        if slash && lower.contains("/api/") && !in_resources || lower.is_empty() {
            return Target::External(dest.to_owned());
        }
        let file = lower.rsplit('/').next().unwrap_or(&lower);
        let stem = file.strip_suffix(".md").unwrap_or(file);
        if stem.is_empty() || (!is_resource_dir && !file.ends_with(".md")) {
            return Target::External(dest.to_owned());
        }
        Target::Page {
            stem: stem.to_owned(),
            fragment,
        }
    }

    #[test]
    fn destinations_classify_as_the_string_searches_did() {
        let dests = [
            "x.md",
            " ../resources/Intune-Devices-ActionState.md#Values ",
            "../resources/x.md?view=graph-rest-beta#frag",
            "../api/x-get.md",
            "../API/resources/x.md",
            "../resources/api/x.md",
            "https://docs.microsoft.com/graph/api/x",
            "mailto:someone@example.com",
            "urn:x:y.md",
            "#anchor-Values",
            "",
            "?q",
            "/",
            "x/",
            "../resources/.md",
            "dir/x.MD",
            "dir/x.txt",
            "x.txt",
            "a//resources//b.md",
            "../ресурсы/тип.md#Значения",
            "x.md#a?b",
            "x?y/api/z.md",
            "a/b.md#c:d",
            "Ab.Md",
        ];
        for dest in dests {
            assert_eq!(
                Target::from_dest(dest),
                from_dest_by_searches(dest),
                "{dest:?}"
            );
        }
    }
}
