//! Pseudo-localisation, the standard i18n test: English docs pages rewritten into made-up
//! languages, so that a reader that keys on structure (or learns the tree's words from the
//! tree) reads the same schema from them, and one that keys on English words does not.
//!
//! Every prose word is replaced by a made-up word of the locale (the same English word always
//! gives the same made-up word, as in a real language): intro sentences (the inheritance
//! phrase), headings (with the English anchor kept, as Microsoft's localised docs do), table
//! headers, type and collection words in type cells (`String collection`), descriptions, and
//! single-word lowercase property names in the name cells of Properties tables (as machine
//! translation does: `questions`, not `questionCount`; navigation property names are left
//! alone, see [`FirstColumn::Relationships`]). Sentence punctuation follows the locale. Left
//! alone, as translators leave them: front matter, HTML comments (the annotation), fenced code
//! (the JSON block), code spans, link targets, one-token link texts (type names), member
//! names, identifier-shaped tokens (`microsoft.graph.user`, `DateTimeOffset`, `Int32`,
//! `GUID`), URLs and HTML tags and entities.
//!
//! `locale` holds the made-up languages, `prose` rewrites text, this module walks a page
//! line by line (front matter, fences, comments, headings, tables).

mod locale;
mod prose;

pub use locale::{sample, PseudoLocale, FULL_WIDTH, GREEK, LATIN, LOCALES};
use prose::{name_cell, prose, type_cell};

/// Rewrites one English page into `locale` (see the module docs).
pub fn localise(page: &str, locale: &PseudoLocale) -> String {
    let (bom, text) = match page.strip_prefix('\u{feff}') {
        Some(rest) => ("\u{feff}", rest),
        None => ("", page),
    };
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let mut out = String::with_capacity(page.len() * 3 / 2);
    out.push_str(bom);
    // The front matter stays.
    let mut start = 0;
    if lines.first().is_some_and(|l| l.trim_end() == "---") {
        start = 1 + lines[1..]
            .iter()
            .position(|l| l.trim_end() == "---")
            .map_or(lines.len() - 1, |p| p + 1);
        lines[..start].iter().for_each(|l| out.push_str(l));
    }
    let mut state = State::default();
    for (i, line) in lines.iter().enumerate().skip(start) {
        out.push_str(&state.line(line, lines.get(i + 1).copied(), locale));
    }
    out
}

/// Pseudo-localises a set of pages given as `(name, bytes)`; pages that are not UTF-8 stay.
pub fn localise_all(pages: &[(String, Vec<u8>)], locale: &PseudoLocale) -> Vec<(String, Vec<u8>)> {
    pages
        .iter()
        .map(|(name, bytes)| {
            let out = match std::str::from_utf8(bytes) {
                Ok(text) => localise(text, locale).into_bytes(),
                Err(_) => bytes.clone(),
            };
            (name.clone(), out)
        })
        .collect()
}

/// Where the rewriter stands in a page.
#[derive(Debug, Default)]
struct State {
    /// Inside a fenced code block opened by this fence.
    fence: Option<String>,
    /// Inside a multi-line HTML comment.
    comment: bool,
    /// The English key of the current H2 (`properties`).
    section: String,
    /// The English key of the current H3 or deeper (`agegroup-values`).
    sub: String,
    /// In a table: what its first column holds.
    table: Option<FirstColumn>,
    /// The index of the table's `Type` column, if its header has one.
    type_column: Option<usize>,
}

/// What the first column of a table holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FirstColumn {
    /// Property names (Properties): single lowercase words are translated.
    Properties,
    /// Navigation property names (Relationships): left alone. The JSON block, which settles
    /// translated property names, does not show navigation properties; recovering their names
    /// is another rule's work (the API pages the Methods table links to).
    Relationships,
    /// Enum member names: left alone.
    Members,
    /// Anything else (methods, values): prose.
    Other,
}

impl State {
    /// One line (with its line ending), rewritten; `next` is the following line.
    fn line(&mut self, line: &str, next: Option<&str>, locale: &PseudoLocale) -> String {
        if self.stays_verbatim(line) {
            return line.to_owned();
        }
        let trimmed = line.trim_start();
        let hashes = trimmed.chars().take_while(|c| *c == '#').count();
        if hashes > 0 && trimmed[hashes..].starts_with([' ', '\t', '\n', '\r']) {
            self.table = None;
            return self.heading(line, locale);
        }
        if next.is_some_and(is_delimiter_row) && line.contains('|') {
            self.table = Some(self.first_column());
            self.type_column = split_cells(line)
                .iter()
                .position(|c| c.trim().trim_matches('*').eq_ignore_ascii_case("type"));
            return prose(line, locale);
        }
        if line.trim().is_empty() || !line.contains('|') {
            self.table = None;
        }
        let Some(first) = self.table else {
            return prose(line, locale);
        };
        let type_column = self.type_column;
        row(line, |i, cell| match (i, first) {
            (0, FirstColumn::Properties) => name_cell(cell, locale),
            (0, FirstColumn::Relationships | FirstColumn::Members) => cell.to_owned(),
            (i, FirstColumn::Properties | FirstColumn::Relationships) if Some(i) == type_column => {
                type_cell(cell, locale)
            }
            _ => prose(cell, locale),
        })
    }

    /// True for lines kept as written: fenced code, HTML comments, reference definitions
    /// (`[x]: url`) and table delimiter rows. Tracks where fences and comments open and close.
    fn stays_verbatim(&mut self, line: &str) -> bool {
        let trimmed = line.trim_start();
        if let Some(fence) = &self.fence {
            if trimmed.starts_with(fence.as_str()) {
                self.fence = None;
            }
            return true;
        }
        if self.comment {
            self.comment = !line.contains("-->");
            return true;
        }
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            let marker: String = trimmed
                .chars()
                .take_while(|c| *c == '`' || *c == '~')
                .collect();
            self.fence = Some(marker);
            return true;
        }
        if let Some(after) = trimmed.strip_prefix("<!--") {
            self.comment = !after.contains("-->");
            return true;
        }
        let definition =
            trimmed.starts_with('[') && trimmed.contains("]:") && !trimmed.contains("](");
        definition || is_delimiter_row(line)
    }

    /// What the first column of a table under the current headings holds.
    fn first_column(&self) -> FirstColumn {
        if self.section == "members"
            || self.sub.ends_with("-values")
            || self.section.ends_with("-values")
        {
            FirstColumn::Members
        } else if self.section == "properties" {
            FirstColumn::Properties
        } else if self.section == "relationships" {
            FirstColumn::Relationships
        } else {
            FirstColumn::Other
        }
    }

    /// A heading: its English anchor kept (added when absent), its words translated.
    fn heading(&mut self, line: &str, locale: &PseudoLocale) -> String {
        let body = line.trim_end_matches(['\n', '\r']);
        let ending = &line[body.len()..];
        let hashes = body.chars().take_while(|c| *c == '#').count();
        let text = body[hashes..].trim();
        let (anchor, rest) = match text
            .strip_prefix("<a name=\"")
            .and_then(|after| after.split_once("\"></a>"))
        {
            Some((name, rest)) => (name.to_ascii_lowercase(), rest),
            None => (slug(text), text),
        };
        match hashes {
            2 => {
                self.section = anchor.clone();
                self.sub.clear();
            }
            h if h > 2 => self.sub = anchor.clone(),
            _ => {}
        }
        format!(
            "{} <a name=\"{anchor}\"></a>{}{ending}",
            &body[..hashes],
            prose(rest, locale)
        )
    }
}

/// The slug GitHub and docfx give a heading (as `parse` reads it): lowercase, spaces to `-`,
/// other punctuation dropped.
fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.trim().chars() {
        if c.is_alphanumeric() || c == '-' || c == '_' {
            out.extend(c.to_lowercase());
        } else if c.is_whitespace() {
            out.push('-');
        }
    }
    out
}

/// True for a table delimiter row (`|:---|---|`).
fn is_delimiter_row(line: &str) -> bool {
    let t = line.trim();
    t.contains('-')
        && t.contains(['|', ':'])
        && t.chars().all(|c| matches!(c, '|' | '-' | ':' | ' ' | '\t'))
}

/// A table row with each cell (by index) rewritten by `cell`; pipes and the text outside the
/// cells stay.
fn row(line: &str, mut cell: impl FnMut(usize, &str) -> String) -> String {
    let lead = line.len() - line.trim_start().len();
    let mut out = String::from(&line[..lead]);
    let mut rest = &line[lead..];
    if let Some(r) = rest.strip_prefix('|') {
        out.push('|');
        rest = r;
    }
    for (i, text) in cells(rest).into_iter().enumerate() {
        if i > 0 {
            out.push('|');
        }
        out.push_str(&cell(i, text));
    }
    out
}

/// The cells of a table row (outer pipes dropped), split like [`row`] splits them.
fn split_cells(line: &str) -> Vec<&str> {
    let rest = line.trim();
    cells(rest.strip_prefix('|').unwrap_or(rest))
}

/// `text` split at every `|` that is neither escaped nor inside a code span.
fn cells(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let (mut in_code, mut escaped, mut start) = (false, false, 0);
    for (i, c) in text.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '`' => in_code = !in_code,
            '|' if !in_code => {
                out.push(&text[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    out.push(&text[start..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prose_changes_and_structure_stays() {
        let page = "---\ntitle: user\n---\n# user resource type\n\nNamespace: microsoft.graph\n\nInherits from [directoryObject](directoryobject.md).\n\n## Properties\n| Property | Type | Description |\n|:--|:--|:--|\n| aboutMe | String collection | A `freeform` text \\| more. Read-only. |\n| owner | [identitySet](identityset.md) | The owner, see [the docs](https://x.y/z). |\n\n## Members\n| Member | Value |\n|:--|:--|\n| none | 0 |\n\n<!-- {\"blockType\": \"resource\"} -->\n```json\n{\"aboutMe\": [\"String\"]}\n```\n";
        let out = localise(page, &FULL_WIDTH);
        for kept in [
            "---\ntitle: user\n---\n",
            "<a name=\"properties\"></a>",
            "microsoft.graph",
            "[directoryObject](directoryobject.md)。",
            "| aboutMe |",
            "`freeform`",
            "\\|",
            "(https://x.y/z)",
            "| none | 0 |",
            "<!-- {\"blockType\": \"resource\"} -->",
            "{\"aboutMe\": [\"String\"]}",
        ] {
            assert!(out.contains(kept), "`{kept}` lost:\n{out}");
        }
        for gone in ["Inherits", "String collection", "Properties", "| owner |"] {
            assert!(!out.contains(gone), "`{gone}` kept:\n{out}");
        }
        assert_eq!(out.lines().count(), page.lines().count());
    }
}
