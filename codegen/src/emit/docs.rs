//! Rustdoc text from docs descriptions: escaped so that no description can break the
//! generated code or its documentation.

use crate::docs_text::is_unsafe_char;

/// Cleans a docs description into rustdoc lines: no control characters, no accidental
/// intra-doc links or HTML tags, URLs in angle brackets. Each line starts with a space, as a
/// `///` comment's text does.
#[cfg(test)]
fn doc_lines(text: &str) -> Vec<String> {
    let mut line = String::from(" ");
    if push_doc_line(&mut line, text) {
        vec![line]
    } else {
        Vec::new()
    }
}

/// Appends a docs description cleaned for rustdoc to `out` (the text of a doc comment line after
/// its `/// `), and tells whether there was any: when nothing is left, nothing is appended.
///
/// The description is one line: [`escape_into`] blanks every control character, `\n` among
/// them, and a URL ends at whitespace. The line is trimmed, and a backslash is put before a code
/// fence it opens with (which would start a doc test). It is written in place, in the code being
/// written: no string of its own, no search for line ends.
pub(super) fn push_doc_line(out: &mut String, text: &str) -> bool {
    let start = out.len();
    let mut rest = text;
    while let Some(at) = url_start(rest) {
        escape_into(out, &rest[..at]);
        let url = &rest[at..];
        let end = url
            .find(|c: char| c.is_whitespace() || matches!(c, '<' | '>' | '"'))
            .unwrap_or(url.len());
        let url = url[..end].trim_end_matches(['.', ',', ')', ';', ':']);
        out.push('<');
        out.push_str(url);
        out.push('>');
        rest = &rest[at + url.len()..];
    }
    escape_into(out, rest);
    let written = &out[start..];
    // Trimmed only at an end that may have whitespace: most descriptions start with a letter
    // and end with a full stop, and decoding their ends cost more than the check.
    let trimmed_start = if may_start_with_whitespace(written) {
        written.trim_start()
    } else {
        written
    };
    let trimmed = if may_end_with_whitespace(trimmed_start) {
        trimmed_start.trim_end()
    } else {
        trimmed_start
    };
    if trimmed.is_empty() {
        out.truncate(start);
        return false;
    }
    let leading = written.len() - trimmed_start.len();
    out.truncate(start + leading + trimmed.len());
    if leading > 0 {
        out.drain(start..start + leading);
    }
    // A line opening with a fence would start a code block: a doc test.
    if out[start..].starts_with("```") || out[start..].starts_with("~~~") {
        out.insert(start, '\\');
    }
    true
}

/// False when `text` surely does not start with whitespace ([`char::is_whitespace`]): its
/// first byte is neither ASCII whitespace nor the lead byte of a non-ASCII whitespace
/// character (0xC2: U+0085, U+00A0; 0xE1: U+1680; 0xE2: U+2000 to U+205F; 0xE3: U+3000).
fn may_start_with_whitespace(text: &str) -> bool {
    text.as_bytes()
        .first()
        .is_some_and(|&b| b.is_ascii_whitespace() || matches!(b, 0x0B | 0xC2 | 0xE1..=0xE3))
}

/// False when `text` surely does not end with whitespace: its last byte is ASCII and not
/// whitespace (a non-ASCII last character is not known without decoding it).
fn may_end_with_whitespace(text: &str) -> bool {
    text.as_bytes()
        .last()
        .is_some_and(|&b| !b.is_ascii() || b.is_ascii_whitespace() || b == 0x0B)
}

/// Where the first `http://` or `https://` URL of `text` starts, anywhere in a word (after `(`
/// or a quote too: rustdoc warns of any bare URL).
fn url_start(text: &str) -> Option<usize> {
    // Found by the `://` after the scheme: a `:` is rare in a description, and a search for a
    // byte has no searcher to set up (looking for `http` set one up per description, which
    // cost more than most searches). The URLs' order is that of their `://`s, which never
    // overlap.
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(found) = memchr::memchr(b':', &bytes[from..]) {
        let colon = from + found;
        if bytes[colon..].starts_with(b"://") {
            let before = &bytes[..colon];
            if before.ends_with(b"https") {
                return Some(colon - 5);
            }
            if before.ends_with(b"http") {
                return Some(colon - 4);
            }
        }
        from = colon + 1;
    }
    None
}

/// The bytes of [`may_escape`] as a table: what it is checked against.
#[cfg(test)]
const MAY_ESCAPE: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = matches!(b as u8, b'[' | b']' | b'<' | b'>' | b'\\' | 0xC2 | 0xE2)
            || (b as u8).is_ascii_control();
        b += 1;
    }
    table
};

/// Whether `b` may start a character [`escape_into`] changes: `[`, `]`, `<`, `>`, `\`, ASCII
/// controls, and the lead bytes of C1 controls (0xC2) and bidirectional controls (0xE2). By
/// comparisons alone: with no table to look up, the compiler checks a whole chunk of bytes at
/// once ([`find_may_escape`]).
#[inline(always)]
fn may_escape(b: u8) -> bool {
    (b < 0x20)
        | (b == 0x7f)
        | (b == b'[')
        | (b == b']')
        | (b == b'<')
        | (b == b'>')
        | (b == b'\\')
        | (b == 0xC2)
        | (b == 0xE2)
}

/// The position of the first byte of `bytes` that [`may_escape`]. Chunks of 16 bytes are
/// checked whole, without a branch per byte (the compiler compares the chunk's bytes at once):
/// most descriptions have a few such bytes in hundreds.
fn find_may_escape(bytes: &[u8]) -> Option<usize> {
    let chunks = bytes.chunks_exact(16);
    let rest = chunks.remainder();
    let whole = bytes.len() - rest.len();
    for (i, chunk) in chunks.enumerate() {
        let chunk: &[u8; 16] = chunk.try_into().expect("chunks of 16 bytes");
        // Folded as bytes, not `bool`s: so the compiler compares the chunk at once.
        if chunk
            .iter()
            .fold(0u8, |any, &b| any | u8::from(may_escape(b)))
            != 0
        {
            return chunk
                .iter()
                .position(|&b| may_escape(b))
                .map(|at| i * 16 + at);
        }
    }
    let at = rest.iter().position(|&b| may_escape(b))?;
    Some(whole + at)
}

/// Appends `text` with what rustdoc would read as links, HTML or escapes made literal, and
/// characters a doc comment must not carry blanked.
fn escape_into(out: &mut String, text: &str) {
    // Runs of characters that need nothing are copied whole. Only ASCII bytes and the lead
    // bytes of the non-ASCII characters `is_unsafe_char` knows (C1 controls after 0xC2,
    // bidirectional controls after 0xE2) can start one that does: other characters (most of a
    // translated description) are not decoded.
    let bytes = text.as_bytes();
    let mut copied = 0;
    let mut i = 0;
    // Each byte that can start a character needing escape, skipping the others in a tight
    // scan (a continuation byte is never one).
    while let Some(at) = find_may_escape(&bytes[i..]) {
        i += at;
        let b = bytes[i];
        let (len, escaped) = if b.is_ascii() {
            let escaped = match b {
                b'[' => "\\[",
                b']' => "\\]",
                b'<' => "&lt;",
                b'>' => "&gt;",
                b'\\' => "\\\\",
                b if b.is_ascii_control() => " ",
                _ => "",
            };
            (1, escaped)
        } else if b == 0xC2 || b == 0xE2 {
            // A lead byte (continuation bytes are 0x80..=0xBF): `i` is a character boundary.
            match text[i..].chars().next() {
                Some(c) if is_unsafe_char(c) => (c.len_utf8(), " "),
                Some(c) => (c.len_utf8(), ""),
                None => (1, ""),
            }
        } else {
            (1, "")
        };
        if !escaped.is_empty() {
            out.push_str(&text[copied..i]);
            out.push_str(escaped);
            copied = i + len;
        }
        i += len;
    }
    out.push_str(&text[copied..]);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn docs_are_escaped() {
        let lines = doc_lines("See [x] <languagecode2> at https://example.com/a. `code` \u{7}*/");
        assert_eq!(
            lines,
            [" See \\[x\\] &lt;languagecode2&gt; at <https://example.com/a>. `code`  */"]
        );
    }

    #[test]
    fn urls_inside_words_and_parentheses_are_links() {
        assert_eq!(
            doc_lines("the base URL (https://graph.microsoft.com/beta/). See:http://a.b/c; x"),
            [" the base URL (<https://graph.microsoft.com/beta/>). See:<http://a.b/c>; x"]
        );
        assert_eq!(
            doc_lines("\"https://x.y/<z>\""),
            [" \"<https://x.y/>&lt;z&gt;\""]
        );
    }

    /// [`url_start`] as the first `http` followed by `://` or `s://`.
    fn url_start_by_scheme(text: &str) -> Option<usize> {
        (0..text.len()).find(|&at| {
            let after = &text.as_bytes()[at..];
            after.starts_with(b"http://") || after.starts_with(b"https://")
        })
    }

    #[test]
    fn urls_are_found_by_their_scheme() {
        let pieces = ["http", "s", ":", "//", "/", "x", "h", "://", "https://"];
        for text in &texts_of_pieces(&pieces) {
            assert_eq!(url_start(text), url_start_by_scheme(text), "{text:?}");
        }
    }

    /// Every text of one to four of `pieces`, in any order, repeats allowed.
    fn texts_of_pieces(pieces: &[&str]) -> Vec<String> {
        let mut all = Vec::new();
        let mut texts = vec![String::new()];
        for _ in 0..4 {
            texts = (texts.iter())
                .flat_map(|t| pieces.iter().map(move |p| format!("{t}{p}")))
                .collect();
            all.extend(texts.iter().cloned());
        }
        all
    }

    #[test]
    fn urls_are_found_past_words_that_only_start_like_them() {
        assert_eq!(url_start("an httpx or http:/ then https://a"), Some(24));
        assert_eq!(url_start("http://a https://b"), Some(0));
        assert_eq!(url_start("https"), None);
        assert_eq!(
            doc_lines("a\\b [c] \u{202e} httpd"),
            [" a\\\\b \\[c\\]   httpd"]
        );
    }

    #[test]
    fn the_bytes_that_may_escape_are_found_as_the_table_finds_them() {
        for b in 0..=255u8 {
            assert_eq!(may_escape(b), MAY_ESCAPE[usize::from(b)], "{b:#x}");
        }
        // Every length around the chunks, each byte that may escape at each position.
        let mut text: Vec<u8> = Vec::new();
        for len in 0..70 {
            text.clear();
            text.extend((0..len).map(|i| b'a' + (i % 26) as u8));
            assert_eq!(find_may_escape(&text), None, "{len}");
            for at in 0..len {
                for b in [b'[', b'\x01', 0x7f, 0xC2, 0xE2, b'\\'] {
                    let mut t = text.clone();
                    t[at] = b;
                    let expected = t.iter().position(|&b| MAY_ESCAPE[usize::from(b)]);
                    assert_eq!(find_may_escape(&t), expected, "{len} {at} {b}");
                }
            }
        }
    }

    #[test]
    fn every_unsafe_character_is_blanked_and_no_other() {
        let text: String = (0..=0x3000u32)
            .chain(0xfe00..0x10000)
            .filter_map(char::from_u32)
            .chain(['\u{feff}', '\u{1f600}', 'й'])
            .collect();
        let mut escaped = String::new();
        escape_into(&mut escaped, &text);
        let mut expected = String::new();
        for c in text.chars() {
            match c {
                '[' => expected.push_str("\\["),
                ']' => expected.push_str("\\]"),
                '<' => expected.push_str("&lt;"),
                '>' => expected.push_str("&gt;"),
                '\\' => expected.push_str("\\\\"),
                c if is_unsafe_char(c) => expected.push(' '),
                c => expected.push(c),
            }
        }
        assert_eq!(escaped, expected);
    }

    /// The rule before lines were written in place: the escaped text split at line ends, each
    /// line trimmed, blank ones dropped.
    fn doc_lines_split(text: &str) -> Vec<String> {
        let mut out = String::new();
        let mut rest = text;
        while let Some(start) = url_start(rest) {
            escape_into(&mut out, &rest[..start]);
            let url = &rest[start..];
            let end = url
                .find(|c: char| c.is_whitespace() || matches!(c, '<' | '>' | '"'))
                .unwrap_or(url.len());
            let url = url[..end].trim_end_matches(['.', ',', ')', ';', ':']);
            out.push('<');
            out.push_str(url);
            out.push('>');
            rest = &rest[start + url.len()..];
        }
        escape_into(&mut out, rest);
        let mut lines = Vec::new();
        for line in out.split('\n').map(str::trim).filter(|l| !l.is_empty()) {
            let fence = if line.starts_with("```") || line.starts_with("~~~") {
                "\\"
            } else {
                ""
            };
            lines.push(format!(" {fence}{line}"));
        }
        lines
    }

    #[test]
    fn a_description_is_one_line_as_splitting_it_at_line_ends_gave() {
        let texts = [
            "",
            " \n\t ",
            "a\nb",
            "\n```rust\nfn main() {}\n```\n",
            "  ~~~ x",
            "\u{a0}\u{2028}text\u{3000}\u{85}",
            "\r\n  [link](https://example.com/a\nb) <b>\u{202e}</b>\u{7f}",
            "http://a.b/c\n\nhttps://d.e.",
            "\u{1}```",
            "   \\ ```",
            "не удалось\u{2029}",
        ];
        for text in texts {
            assert_eq!(doc_lines(text), doc_lines_split(text), "{text:?}");
            let mut out = String::from("x");
            let any = push_doc_line(&mut out, text);
            assert_eq!(any, out.len() > 1, "{text:?}");
        }
        // Every text of up to four pieces of a few that line ends, trimming and fences meet.
        let pieces = [" ", "\n", "a", "```", "\u{a0}", "http://x", "\u{85}", "["];
        for text in &texts_of_pieces(&pieces) {
            assert_eq!(doc_lines(text), doc_lines_split(text), "{text:?}");
        }
    }

    #[test]
    fn text_that_may_have_whitespace_at_an_end_is_told() {
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            let alone = c.to_string();
            if c.is_whitespace() {
                assert!(may_start_with_whitespace(&alone), "{c:?}");
                assert!(may_end_with_whitespace(&format!("a{c}")), "{c:?}");
            }
        }
        assert!(!may_start_with_whitespace("a ") && !may_start_with_whitespace(""));
        assert!(!may_end_with_whitespace(" a.") && !may_end_with_whitespace(""));
    }

    #[test]
    fn fences_are_escaped_and_blank_lines_dropped() {
        assert_eq!(doc_lines("```rust\nb"), [" \\```rust b"]);
        assert!(doc_lines("  ").is_empty());
    }
}
