//! The YAML-like front matter at the top of a page (`---`, `key: value` lines, `---`).
//!
//! Only flat `key: value` pairs are read (the docs use nothing else); front matter that cannot be
//! read that way is reported and treated as absent. Of the pairs, only the values the later
//! stages read are kept ([`FrontMatter`]).

use crate::diag::{Code, Diagnostics, Location};

/// The front matter values the later stages read; `None` for a key the page does not give, and
/// for every key when the front matter is absent or unreadable. A repeated key's last value wins.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FrontMatter {
    /// `title`: a hint for the type name of a page.
    pub title: Option<String>,
    /// `ms.translationtype` (`MT` on machine-translated pages).
    pub translation_type: Option<String>,
}

impl FrontMatter {
    /// The field that keeps the value of `key` (as written, trimmed), if it is one kept.
    fn slot(&mut self, key: &str) -> Option<&mut Option<String>> {
        match key {
            "title" => Some(&mut self.title),
            "ms.translationtype" => Some(&mut self.translation_type),
            _ => None,
        }
    }
}

/// Splits off the front matter of `text` (a page at `path`). Returns the values kept and the
/// byte offset where the body starts (0 when there is no readable front matter).
pub(super) fn split(text: &str, path: &str, diags: &mut Diagnostics) -> (FrontMatter, usize) {
    let first_line_end = memchr::memchr(b'\n', text.as_bytes()).unwrap_or(text.len());
    if text[..first_line_end].trim_end() != "---" {
        return (FrontMatter::default(), 0);
    }
    let mut kept = FrontMatter::default();
    let mut offset = first_line_end + 1;
    let mut line_no = 1u32;
    while offset <= text.len() {
        let end =
            memchr::memchr(b'\n', &text.as_bytes()[offset..]).map_or(text.len(), |e| offset + e);
        let line = text[offset..end].trim_end_matches('\r');
        line_no += 1;
        if line.trim_end() == "---" {
            return (kept, (end + 1).min(text.len()));
        }
        // memchr, not `split_once`: a pattern search costs more than the short line.
        let pair = memchr::memchr(b':', line.as_bytes())
            .map(|i| (&line[..i], line[..i].trim(), &line[i + 1..]));
        match pair {
            Some((k, key, v)) if !key.is_empty() && !k.contains(' ') => {
                if let Some(slot) = kept.slot(key) {
                    *slot = Some(unquote(v.trim()).to_owned());
                }
            }
            _ if line.trim().is_empty() => {}
            _ => {
                diags.push(
                    Code::BadFrontMatter,
                    Location::new(path, line_no, 1),
                    format!(
                        "expected a `key: value` front matter line, found `{}`; \
                         front matter ignored",
                        line.trim()
                    ),
                );
                kept = FrontMatter::default();
            }
        }
        if end >= text.len() {
            break;
        }
        offset = end + 1;
    }
    // No closing `---`: treat as absent, parse the whole text as Markdown.
    diags.push(
        Code::BadFrontMatter,
        Location::new(path, 1, 1),
        "front matter opened with `---` is never closed; front matter ignored",
    );
    (FrontMatter::default(), 0)
}

/// A value without the double, then single quotes around it (`"a"` → `a`); most values have
/// none and are given back without a search.
fn unquote(value: &str) -> &str {
    let quote = |b: &u8| matches!(b, b'"' | b'\'');
    let bytes = value.as_bytes();
    if !bytes.first().is_some_and(quote) && !bytes.last().is_some_and(quote) {
        return value;
    }
    value.trim_matches('"').trim_matches('\'')
}

#[cfg(test)]
mod tests {
    use crate::diag::Code;
    use crate::parse::{parse_page, PageClass};

    #[test]
    fn bad_front_matter_is_absent_not_fatal() {
        let page = parse_page("p.md", "---\nзаголовок тип: x; doc: y\n---\n# Title\n");
        assert_eq!(page.front_matter, super::FrontMatter::default());
        assert_eq!(page.diagnostics[0].code, Code::BadFrontMatter);
        assert_eq!(page.class, PageClass::Other);
    }

    #[test]
    fn unquote_agrees_with_trimming_both_quotes() {
        for value in [
            "a", "\"a\"", "'a'", "\"'a'\"", "'\"a\"'", "a\"", "\"", "", "x'y", "\"\"a",
        ] {
            assert_eq!(
                super::unquote(value),
                value.trim_matches('"').trim_matches('\''),
                "{value}"
            );
        }
    }

    #[test]
    fn values_are_trimmed_and_a_repeated_key_keeps_its_last_value() {
        let page = parse_page(
            "p.md",
            "---\ntitle: \"a\"\nms.translationtype: x\nms.prod: z\n\nms.translationtype:  'MT' \n---\n# Title\n",
        );
        assert_eq!(page.front_matter.title.as_deref(), Some("a"));
        assert_eq!(page.front_matter.translation_type.as_deref(), Some("MT"));
        assert!(page.diagnostics.is_empty());
        // A line that is no pair forgets the values before it, as it did the pairs.
        let page = parse_page("p.md", "---\ntitle: a\nnot a pair\n---\n# Title\n");
        assert_eq!(page.front_matter.title, None);
        assert_eq!(page.diagnostics[0].code, Code::BadFrontMatter);
    }
}
