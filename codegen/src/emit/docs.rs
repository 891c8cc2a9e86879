//! Rustdoc text from docs descriptions: escaped so that no description can break the
//! generated code or its documentation.

use crate::docs_text::is_unsafe_char;
use proc_macro2::TokenStream;
use quote::quote;

/// Cleans a docs description into rustdoc lines: no control characters, no accidental
/// intra-doc links or HTML tags, URLs in angle brackets.
pub(super) fn doc_lines(text: &str) -> Vec<String> {
    let mut out = String::with_capacity(text.len());
    for word in text.split(' ') {
        if !out.is_empty() {
            out.push(' ');
        }
        let trimmed = word.trim_end_matches(['.', ',', ')', ';']);
        if trimmed.starts_with("http://") || trimmed.starts_with("https://") {
            out.push('<');
            out.push_str(&trimmed.replace(['<', '>'], ""));
            out.push('>');
            out.push_str(&word[trimmed.len()..]);
            continue;
        }
        for c in word.chars() {
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

/// Doc attributes: the docs' own `description` (escaped), then the generator's `about` line.
pub(super) fn docs(description: &str, about: &str) -> TokenStream {
    let mut lines: Vec<String> = doc_lines(description);
    if !about.is_empty() {
        if !lines.is_empty() {
            lines.push(String::new());
        }
        lines.push(format!(" {about}"));
    }
    quote!(#(#[doc = #lines])*)
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
    fn fences_are_escaped_and_blank_lines_dropped() {
        assert_eq!(doc_lines("```rust\nb"), [" \\```rust b"]);
        assert!(doc_lines("  ").is_empty());
        let tokens = docs("", "About.").to_string();
        assert_eq!(tokens, quote!(#[doc = " About."]).to_string());
    }
}
