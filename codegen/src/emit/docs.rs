//! Rustdoc text from docs descriptions: escaped so that no description can break the
//! generated code or its documentation.

use crate::docs_text::is_unsafe_char;

/// Cleans a docs description into rustdoc lines: no control characters, no accidental
/// intra-doc links or HTML tags, URLs in angle brackets.
pub(super) fn doc_lines(text: &str) -> Vec<String> {
    let mut out = String::with_capacity(text.len());
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
    out.split('\n')
        .map(|l| {
            let l = l.trim();
            // A line opening with a fence would start a code block: a doc test.
            if l.starts_with("```") || l.starts_with("~~~") {
                format!(" \\{l}")
            } else {
                format!(" {l}")
            }
        })
        .filter(|l| l.trim() != "")
        .collect()
}

/// Where the first `http://` or `https://` URL of `text` starts, anywhere in a word (after `(`
/// or a quote too: rustdoc warns of any bare URL).
fn url_start(text: &str) -> Option<usize> {
    ["http://", "https://"]
        .iter()
        .filter_map(|scheme| text.find(scheme))
        .min()
}

/// Appends `text` with what rustdoc would read as links, HTML or escapes made literal, and
/// characters a doc comment must not carry blanked.
fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '[' => out.push_str("\\["),
            ']' => out.push_str("\\]"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\\' => out.push_str("\\\\"),
            c if is_unsafe_char(c) => out.push(' '),
            c => out.push(c),
        }
    }
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

    #[test]
    fn fences_are_escaped_and_blank_lines_dropped() {
        assert_eq!(doc_lines("```rust\nb"), [" \\```rust b"]);
        assert!(doc_lines("  ").is_empty());
    }
}
