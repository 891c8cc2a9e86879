//! Whether generated code is laid out exactly as prettyplease lays it out: emit writes its text
//! directly and calls prettyplease only for what it cannot know the layout of (long lines, the
//! user's attributes and types), so the tests check the whole text against prettyplease.
//!
//! Three parts of the text are not prettyplease's by design, and are set aside first: the
//! `support::object!`-style tables (one row per line, which prettyplease would fill like
//! prose; `object!` and `family!` tables declare their struct or enum: each becomes the call
//! `support::object!(T);`, which prettyplease prints as it is), the `support` module (written out as its source is), and the blank lines
//! between top-level items with the header comment (prettyplease keeps neither).

/// The table macros whose bodies are written one row per line.
const TABLES: [&str; 4] = ["object", "string_enum", "family", "ancestors"];

/// `Err` with the first line that differs from prettyplease's layout of the same code (or why
/// the code does not parse); `Ok` with the number of lines compared.
pub fn check_prettyplease_layout(code: &str) -> Result<usize, String> {
    let ours = comparable(code);
    let file = syn::parse_file(&ours).map_err(|e| format!("not Rust: {e}"))?;
    let theirs = prettyplease::unparse(&file);
    if ours == theirs {
        return Ok(ours.lines().count());
    }
    let at = ours
        .lines()
        .zip(theirs.lines())
        .position(|(a, b)| a != b)
        .unwrap_or_else(|| ours.lines().count().min(theirs.lines().count()));
    let line = |text: &str| text.lines().nth(at).unwrap_or("<end>").to_owned();
    Err(format!(
        "line {} of the comparable text differs from prettyplease's layout:\n  ours:   {}\n  theirs: {}",
        at + 1,
        line(&ours),
        line(&theirs)
    ))
}

/// `code` without what is not prettyplease's by design (see the module docs).
fn comparable(code: &str) -> String {
    let mut out = String::with_capacity(code.len());
    let mut lines = code.lines().peekable();
    let mut docs: Vec<&str> = Vec::new();
    while let Some(line) = lines.next() {
        if line.is_empty() || (line.starts_with("//") && !line.starts_with("///")) {
            continue;
        }
        // A top-level item's doc comments wait until the item shows whether it is `support`.
        if line.starts_with("///") {
            docs.push(line);
            continue;
        }
        if line == "pub mod support {" {
            docs.clear();
            for inner in lines.by_ref() {
                if inner == "}" {
                    break;
                }
            }
            continue;
        }
        for doc in docs.drain(..) {
            out.push_str(doc);
            out.push('\n');
        }
        let trimmed = line.trim_start();
        let indent = &line[..line.len() - trimmed.len()];
        let table = TABLES
            .iter()
            .find(|t| trimmed == format!("support::{t}! {{"));
        match table {
            Some(table) => {
                let end = format!("{indent}}}");
                for inner in lines.by_ref() {
                    if inner == end {
                        break;
                    }
                }
                // A short stand-in: prettyplease would break a long name's call over lines.
                out.push_str(&format!("{indent}support::{table}!(T);\n"));
            }
            None => {
                out.push_str(line);
                out.push('\n');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_and_support_are_set_aside_and_other_text_is_compared() {
        let code = "// header\n\n/// Docs.\npub struct A {\n    pub x: u8,\n}\n\nsupport::object! {\n    A,\n    \"x\" => x,\n}\n\n/// The module.\npub mod support {\n    macro_rules! m { () => {} }\n}\n";
        assert_eq!(check_prettyplease_layout(code), Ok(5));
        let bad = "pub struct A { pub x: u8 }\n";
        let err = check_prettyplease_layout(bad).unwrap_err();
        assert!(err.contains("line 1"), "{err}");
        let long = "pub struct A {\n    pub a_rather_long_field_name: support::Nullable<support::Expanded<Vec<AnotherLongTypeName>>>,\n}\n";
        assert!(check_prettyplease_layout(long).is_err());
    }
}
