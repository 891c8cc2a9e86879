//! Text rewritten into a made-up language: prose, type cells and name cells.

use super::locale::PseudoLocale;

/// True for a token translators leave alone: it holds a digit, `_` or `.`, or a capital after
/// its first letter (`Int32`, `microsoft.graph.user`, `DateTimeOffset`, `GUID`, `iOS`).
fn is_identifier_shaped(token: &str) -> bool {
    token
        .chars()
        .any(|c| c.is_ascii_digit() || c == '_' || c == '.')
        || token.chars().skip(1).any(char::is_uppercase)
}

/// A word translated, unless it is identifier-shaped.
fn translate(word: &str, locale: &PseudoLocale) -> String {
    if word.is_empty() || is_identifier_shaped(word) || !word.chars().any(char::is_alphabetic) {
        word.to_owned()
    } else {
        locale.word(word)
    }
}

/// Prose: words translated, punctuation localised; code spans, link targets, one-token link
/// texts, HTML, entities, URLs and identifier-shaped tokens left alone.
pub(super) fn prose(text: &str, locale: &PseudoLocale) -> String {
    let mut out = String::with_capacity(text.len() * 3 / 2);
    // Byte offsets of the `)` that close a `(` written the locale's way.
    let mut closing: Vec<usize> = Vec::new();
    let mut i = 0;
    while let Some(c) = text[i..].chars().next() {
        let rest = &text[i..];
        if let Some(len) = verbatim_len(rest) {
            out.push_str(&rest[..len]);
            i += len;
            continue;
        }
        if c.is_alphanumeric() || c == '_' {
            let len = token_len(rest);
            out.push_str(&translate_token(&rest[..len], locale));
            i += len;
            continue;
        }
        let next = rest[c.len_utf8()..].chars().next();
        let after_space = text[..i].ends_with(' ');
        let mut len = c.len_utf8();
        match c {
            '.' | '?' | '!' if ends_sentence(next) => {
                out.push_str(locale.stop);
                if !locale.spaced_stop && next == Some(' ') {
                    len += 1;
                }
            }
            ',' if next == Some(' ') => out.push_str(locale.comma),
            ':' if ends_sentence(next) => out.push_str(locale.colon),
            '(' if after_space && matching_paren(rest).is_some() => {
                closing.extend(matching_paren(rest).map(|close| i + close));
                out.push_str(locale.parens.0);
            }
            ')' if closing.contains(&i) => out.push_str(locale.parens.1),
            c => out.push(c),
        }
        i += len;
    }
    out
}

/// The byte length of what stands at the start of `rest` and stays as written, if anything
/// does: a URL, an escape, a code span, an HTML tag or comment, an entity, a link target, a
/// reference label, or a one-token link text (a type name) up to its `]`.
fn verbatim_len(rest: &str) -> Option<usize> {
    if rest.starts_with("http://") || rest.starts_with("https://") {
        return Some(rest.find(char::is_whitespace).unwrap_or(rest.len()));
    }
    let mut chars = rest.chars();
    let first = chars.next()?;
    let second = chars.next();
    match first {
        '\\' => Some(1 + second.map_or(0, char::len_utf8)),
        '`' => {
            let run = rest.chars().take_while(|c| *c == '`').count();
            let closing = rest[run..].find(&rest[..run]);
            Some(closing.map_or(run, |at| run + at + run))
        }
        '<' if rest.starts_with("<!--") => Some(rest.find("-->").map_or(4, |e| e + 3)),
        '<' => Some(rest.find('>').map_or(1, |e| e + 1)),
        '&' => {
            let end = rest[1..].find(';').filter(|&e| {
                e > 0
                    && e < 10
                    && rest[1..=e]
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '#')
            })?;
            Some(end + 2)
        }
        ']' if second == Some('(') => Some(matching_paren(&rest[1..]).map_or(1, |e| e + 2)),
        ']' if second == Some('[') => Some(rest[1..].find(']').map_or(1, |e| e + 2)),
        '[' => {
            let close = rest.find(']')?;
            let inner = &rest[1..close];
            let linked = rest[close + 1..].starts_with(['(', '[']);
            (linked && !inner.contains(char::is_whitespace) && !inner.contains('['))
                .then_some(close)
        }
        _ => None,
    }
}

/// The byte length of the word or identifier at the start of `rest`: letters, digits and
/// `_`, joined by `.`, `/`, `:` or `@` when a letter or digit follows
/// (`microsoft.graph.user`, `a@b.c`).
fn token_len(rest: &str) -> usize {
    let mut len = 0;
    let mut chars = rest.chars().peekable();
    while let Some(c) = chars.next() {
        let joins =
            matches!(c, '.' | '/' | ':' | '@') && chars.peek().is_some_and(|n| n.is_alphanumeric());
        if c.is_alphanumeric() || c == '_' || joins {
            len += c.len_utf8();
        } else {
            break;
        }
    }
    len
}

/// A token of prose: paths, addresses and identifiers stay, `word:word` is translated on
/// each side, words are translated.
fn translate_token(token: &str, locale: &PseudoLocale) -> String {
    if token.contains('/') || token.contains('@') || is_identifier_shaped(token) {
        token.to_owned()
    } else {
        let parts: Vec<String> = token.split(':').map(|w| translate(w, locale)).collect();
        parts.join(":")
    }
}

/// True when what follows a `.` ends the sentence: a space, a line end, a pipe or nothing.
fn ends_sentence(next: Option<char>) -> bool {
    next.is_none_or(|n| n.is_whitespace() || n == '|')
}

/// The byte offset of the `)` closing the `(` that `text` starts with.
fn matching_paren(text: &str) -> Option<usize> {
    let mut depth = 0usize;
    for (i, c) in text.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
    }
    None
}

/// A name cell: a single lowercase word of four letters or more is translated (as machine
/// translation does), anything else left alone.
pub(super) fn name_cell(cell: &str, locale: &PseudoLocale) -> String {
    let word = cell.trim();
    if word.len() >= 4 && word.chars().all(|c| c.is_ascii_lowercase()) {
        cell.replacen(word, &locale.word(word), 1)
    } else {
        cell.to_owned()
    }
}

/// Words of type cells that are English, not type names (type names are lowerCamel words, and
/// a bare `mutability` may name an enum): translated with the primitive spellings
/// (`String`, `Boolean`) and capitalised words.
const TYPE_CELL_WORDS: &[&str] = &[
    "collection",
    "of",
    "or",
    "and",
    "a",
    "an",
    "the",
    "array",
    "list",
    "object",
    "objects",
    "nullable",
    "optional",
    "required",
    "read",
    "only",
    "readonly",
    "deprecated",
    "see",
    "below",
    "value",
    "values",
    "set",
    "default",
    "max",
    "maximum",
    "length",
    "characters",
    "format",
    "url",
    "uri",
    "json",
    "string",
    "boolean",
    "int",
    "integer",
    "number",
    "numeric",
    "binary",
    "stream",
    "date",
    "time",
    "datetime",
    "timestamp",
    "duration",
    "guid",
    "double",
    "single",
    "decimal",
    "byte",
    "long",
    "float",
];

/// A type cell: English words translated (see [`TYPE_CELL_WORDS`]), type names, links and
/// code left alone, parentheses and commas localised.
pub(super) fn type_cell(cell: &str, locale: &PseudoLocale) -> String {
    let mut out = String::with_capacity(cell.len() * 2);
    let mut i = 0;
    while let Some(c) = cell[i..].chars().next() {
        let rest = &cell[i..];
        if rest.starts_with('[') && rest.contains("](") {
            // A link: as prose reads it (one-token link texts stay).
            let len = rest.find(')').map_or(1, |e| e + 1);
            out.push_str(&prose(&rest[..len], locale));
            i += len;
            continue;
        }
        if let Some(len) = verbatim_len(rest).filter(|_| c != '[') {
            out.push_str(&rest[..len]);
            i += len;
            continue;
        }
        if c.is_alphabetic() {
            let len = rest
                .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '.'))
                .unwrap_or(rest.len());
            let word = &rest[..len];
            let english = TYPE_CELL_WORDS.contains(&word.to_lowercase().as_str())
                || word.chars().next().is_some_and(char::is_uppercase)
                    && !is_identifier_shaped(word);
            out.push_str(&if english {
                locale.word(word)
            } else {
                word.to_owned()
            });
            i += len;
            continue;
        }
        match c {
            '(' if rest.contains(')') => out.push_str(locale.parens.0),
            ')' => out.push_str(locale.parens.1),
            ',' => out.push_str(locale.comma),
            c => out.push(c),
        }
        i += c.len_utf8();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pseudo::{FULL_WIDTH, LATIN};

    #[test]
    fn code_links_html_and_identifiers_stay() {
        let text = "Inherits from [directoryObject](../resources/directoryobject.md). See `$filter` and <br/> &#124; microsoft.graph.user, an Int32 or a [related page](x.md#a-b) (read-only).";
        let out = prose(text, &FULL_WIDTH);
        for kept in [
            "[directoryObject](../resources/directoryobject.md)。",
            "`$filter`",
            "<br/>",
            "&#124;",
            "microsoft.graph.user、",
            "Int32",
            "](x.md#a-b)",
            "（",
        ] {
            assert!(out.contains(kept), "`{kept}` lost: {out}");
        }
        for gone in ["Inherits", "related page", "read-only"] {
            assert!(!out.contains(gone), "`{gone}` kept: {out}");
        }
    }

    #[test]
    fn type_cells_translate_english_words_only() {
        let out = type_cell(" String collection ", &LATIN);
        assert_eq!(
            out,
            format!(" {} {} ", LATIN.word("String"), LATIN.word("collection"))
        );
        let out = type_cell("[identitySet](identityset.md) collection", &LATIN);
        assert!(out.starts_with("[identitySet](identityset.md) "), "{out}");
        for kept in [
            "mutability",
            "Int64",
            "DateTimeOffset",
            "Edm.String",
            "microsoft.graph.x",
        ] {
            assert_eq!(type_cell(kept, &LATIN), kept);
        }
        assert_eq!(
            type_cell("Collection(String)", &FULL_WIDTH)
                .matches('（')
                .count(),
            1
        );
        assert_eq!(
            name_cell(" questions ", &LATIN),
            format!(" {} ", LATIN.word("questions"))
        );
        assert_eq!(name_cell(" questionCount ", &LATIN), " questionCount ");
        assert_eq!(name_cell(" id ", &LATIN), " id ");
    }
}
