//! Checks and escapes for text read from the docs, shared by every stage.
//!
//! Names and messages come from Markdown pages, some of them damaged or hostile: they are
//! checked for identifier shape before they are trusted as names, and escaped before they reach
//! a terminal, a report line or a doc comment.

use std::fmt::{self, Write as _};

/// True for an ASCII identifier as the docs write names: a letter or `_`, then letters, digits
/// or `_` (`userType`, `_x1`; not `3d`, `a-b`, `a.b` or `имя`).
pub(crate) fn is_identifier(s: &str) -> bool {
    identifier_with(s, |_| false)
}

/// True for an identifier that may also contain dots, though not end with one, as type cells
/// name types (`microsoft.graph.user`, `user`; not `.user`, `user.` or `3d.user`). Segments are
/// not checked one by one: `a..b` and `a.3d` pass.
pub(crate) fn is_dotted_identifier(s: &str) -> bool {
    identifier_with(s, |b| b == b'.') && !s.ends_with('.')
}

/// An identifier whose bytes after the first may also be those `also` accepts (ASCII ones:
/// every byte of a non-ASCII character is past ASCII, and fails as the character would).
fn identifier_with(s: &str, also: impl Fn(u8) -> bool) -> bool {
    let mut bytes = s.bytes();
    matches!(bytes.next(), Some(b) if b.is_ascii_alphabetic() || b == b'_')
        && bytes.all(|b| b.is_ascii_alphanumeric() || b == b'_' || also(b))
}

/// True for characters that must not be shown as they are: control characters (a newline would
/// end a report line or a doc comment, a bare `\r` in a doc comment does not even compile,
/// escape sequences drive the terminal) and the bidirectional overrides and isolates that can
/// make displayed text differ from what it is (rustc denies them in source).
pub(crate) fn is_unsafe_char(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Text from the docs as printed in a one-line report: the characters of [`is_unsafe_char`]
/// are written as `\u{..}` escapes.
pub(crate) struct Printable<'a>(pub(crate) &'a str);

impl fmt::Display for Printable<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for c in self.0.chars() {
            if is_unsafe_char(c) {
                write!(f, "{}", c.escape_unicode())?;
            } else {
                f.write_char(c)?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifiers_are_ascii_and_start_with_a_letter() {
        for ok in ["userType", "_x1", "a", "A_B2"] {
            assert!(is_identifier(ok), "{ok}");
        }
        for bad in [
            "",
            "3d",
            "a-b",
            "a.b",
            "имя",
            "a b",
            "aé",
            "éa",
            "a\u{2024}b",
        ] {
            assert!(!is_identifier(bad), "{bad}");
        }
        for ok in ["microsoft.graph.user", "user", "a..b", "a.3d"] {
            assert!(is_dotted_identifier(ok), "{ok}");
        }
        for bad in [
            "",
            ".user",
            "user.",
            "3d.user",
            "a.b-c",
            "a.bé",
            "a\u{2024}b",
        ] {
            assert!(!is_dotted_identifier(bad), "{bad}");
        }
    }

    #[test]
    fn printable_text_stays_on_one_line_and_reads_in_order() {
        assert_eq!(
            Printable("a\r\nb\u{1b}[31m\u{202e}c\u{2066}й").to_string(),
            "a\\u{d}\\u{a}b\\u{1b}[31m\\u{202e}c\\u{2066}й"
        );
        assert!(is_unsafe_char('\u{7}') && is_unsafe_char('\u{202a}') && !is_unsafe_char('й'));
    }
}
