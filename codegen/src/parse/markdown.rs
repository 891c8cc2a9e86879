//! Markdown → a flat list of located blocks (headings, paragraphs, tables, HTML comments, code).
//!
//! This is the only module that talks to pulldown-cmark. It keeps what the page interpretation
//! needs and nothing else: plain text, link targets, code spans and the source line of each
//! block. Tables inside HTML comments never reach it: CommonMark reads them as HTML blocks.

use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use std::cell::Cell;

/// A link as written: its visible text and its destination.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Link {
    /// The link text (may be translated or transliterated in machine-translated locales).
    pub text: String,
    /// The destination URL as written (`../resources/x.md`, `#anchor`, ...). Empty for a
    /// reference link whose definition is missing.
    pub dest: String,
}

/// Inline content: its plain text plus the structural evidence inside it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Inline {
    /// Plain text: code spans without backticks, link texts, line breaks as spaces.
    pub text: String,
    /// Links, in order.
    pub links: Vec<Link>,
    /// Code spans (backticked text), in order.
    pub code: Vec<String>,
    /// Bytes of `text` that were inside `**strong**` emphasis.
    pub strong_len: usize,
    /// 1-based line where the content starts.
    pub line: u32,
    /// 1-based column (in characters) where the content starts.
    pub column: u32,
}

impl Inline {
    /// True when all non-blank text is bold (`|**Onboarding**|` group rows).
    pub fn is_all_strong(&self) -> bool {
        self.strong_len > 0 && self.strong_len >= self.text.trim().len()
    }
}

/// A heading with its anchor (`<a name="x"></a>`), if the page gives one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    /// 1 for `#`, 2 for `##`, ...
    pub level: u8,
    /// The heading text, without the anchor.
    pub text: String,
    /// The explicit anchor name, if any.
    pub anchor: Option<String>,
    /// 1-based line.
    pub line: u32,
}

impl Heading {
    /// The section key: the anchor if present, else the slug of the text (see [`slug`]).
    pub fn key(&self) -> String {
        match &self.anchor {
            Some(a) => a.to_ascii_lowercase(),
            None => slug(&self.text),
        }
    }
}

/// A GFM table: header cells and body rows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    /// Header cells.
    pub header: Vec<Inline>,
    /// Body rows, each a list of cells (padded to the header width by the parser).
    pub rows: Vec<Vec<Inline>>,
    /// 1-based line of the header row.
    pub line: u32,
}

/// One block of the page, in document order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// A heading of any level.
    Heading(Heading),
    /// A paragraph; `quoted` when it stands inside a block quote (notes, callouts).
    Paragraph {
        /// The paragraph content.
        inline: Inline,
        /// Inside `>` block quote.
        quoted: bool,
    },
    /// A table.
    Table(Table),
    /// The inside of an HTML comment block (`<!-- ... -->`), without the delimiters.
    Comment {
        /// Text between `<!--` and `-->`.
        text: String,
        /// 1-based line of `<!--`.
        line: u32,
    },
    /// A fenced or indented code block.
    Code {
        /// The info string, trimmed (`json`).
        info: String,
        /// The code.
        text: String,
        /// 1-based line of the first line of code.
        line: u32,
    },
}

/// Maps byte offsets of a text to 1-based line and character column.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
    /// The last offset asked for and its column: offsets come in increasing order, so counting
    /// characters resumes there instead of at the line start (a long line of table cells would
    /// otherwise be counted once per cell).
    last: Cell<(usize, u32)>,
}

impl LineIndex {
    /// Indexes `text`.
    pub fn new(text: &str) -> LineIndex {
        let mut starts = vec![0];
        starts.extend(
            text.bytes()
                .enumerate()
                .filter(|&(_, b)| b == b'\n')
                .map(|(i, _)| i + 1),
        );
        LineIndex {
            starts,
            last: Cell::new((0, 1)),
        }
    }

    /// 1-based line of `offset`.
    pub fn line(&self, offset: usize) -> u32 {
        self.starts.partition_point(|&s| s <= offset) as u32
    }

    /// 1-based (line, column) of `offset`; the column counts characters.
    pub fn line_column(&self, text: &str, offset: usize) -> (u32, u32) {
        let line = self.line(offset);
        let start = self.starts[(line - 1) as usize];
        let end = offset.min(text.len());
        let (last, last_column) = self.last.get();
        let (from, base) = if last >= start && last <= end {
            (last, last_column)
        } else {
            (start, 1)
        };
        let column = base
            + text
                .get(from..end)
                .map_or(end - from, |s| s.chars().count()) as u32;
        if text.is_char_boundary(end) {
            self.last.set((end, column));
        }
        (line, column)
    }
}

/// The slug GitHub and docfx give a heading: lowercase, spaces to `-`, punctuation dropped.
pub fn slug(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.trim().chars() {
        if c.is_alphanumeric() || c == '-' || c == '_' {
            out.extend(c.to_lowercase());
        } else if c.is_whitespace() {
            out.push('-');
        }
    }
    out
}

/// Tables wider than this are not read as tables (real pages have at most 6 columns).
/// pulldown-cmark pads every short row to the header width (up to 2^18 cells per table, each
/// table), so a wide header over many short rows turns a few bytes per row into thousands of
/// cells: 50 tables of 500 columns and 500 one-cell rows (200 kB) took 1.7 GB.
pub const MAX_TABLE_COLUMNS: usize = 32;

/// Blanks out, with spaces (so offsets and lines stay), every table delimiter row of more than
/// [`MAX_TABLE_COLUMNS`] cells, so that its table is read as plain text. Returns the new text
/// and the (1-based line, columns) of each row blanked, or `None` when there is none.
pub fn defuse_wide_tables(text: &str) -> Option<(String, Vec<(u32, usize)>)> {
    let mut found: Vec<(usize, usize, usize)> = Vec::new(); // (start, end, columns)
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let end = start + line.len();
        let delimiter = line.contains('|')
            && line.contains('-')
            && line.bytes().all(|b| b" \t\r\n|:->".contains(&b));
        if delimiter {
            let columns = line
                .split(|c: char| c != '-')
                .filter(|r| !r.is_empty())
                .count();
            if columns > MAX_TABLE_COLUMNS {
                found.push((start, end, columns));
            }
        }
        start = end;
    }
    if found.is_empty() {
        return None;
    }
    let index = LineIndex::new(text);
    let mut out = text.as_bytes().to_vec();
    let mut rows = Vec::with_capacity(found.len());
    for (start, end, columns) in found {
        for b in &mut out[start..end] {
            if !matches!(*b, b'\r' | b'\n') {
                *b = b' ';
            }
        }
        rows.push((index.line(start), columns));
    }
    // Only ASCII bytes of ASCII-only lines were replaced: still UTF-8.
    String::from_utf8(out).ok().map(|t| (t, rows))
}

/// Extracts `name="x"` / `id="x"` from an inline `<a ...>` tag.
fn anchor_name(html: &str) -> Option<String> {
    let lower = html.to_ascii_lowercase();
    if !lower.trim_start().starts_with("<a") {
        return None;
    }
    for attr in ["name=", "id="] {
        if let Some(i) = lower.find(attr) {
            let rest = &html[i + attr.len()..];
            let quote = rest.chars().next()?;
            let value = if quote == '"' || quote == '\'' {
                rest[1..].split(quote).next()?
            } else {
                rest.split(|c: char| c.is_whitespace() || c == '>').next()?
            };
            return Some(value.to_owned());
        }
    }
    None
}

/// What is being collected while walking the events.
enum Open {
    None,
    Heading(u8, Inline, Option<String>),
    Paragraph(Inline),
    Table(Table, Vec<Inline>, Option<Inline>),
    Html(String, u32),
    Code(String, String, u32),
}

/// Parses `text` (front matter already removed; `base` is its byte offset in `full`, used for
/// line numbers) into blocks.
pub fn blocks(full: &str, base: usize, index: &LineIndex) -> Vec<Block> {
    let text = &full[base..];
    let parser = Parser::new_ext(text, Options::ENABLE_TABLES).into_offset_iter();
    let mut out = Vec::new();
    let mut open = Open::None;
    let mut quote_depth = 0usize;
    let mut strong_depth = 0usize;
    let mut link: Option<Link> = None;
    let at = |offset: usize| index.line_column(full, base + offset);

    for (event, range) in parser {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                let (line, column) = at(range.start);
                let lvl = heading_level(level);
                open = Open::Heading(
                    lvl,
                    Inline {
                        line,
                        column,
                        ..Inline::default()
                    },
                    None,
                );
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Open::Heading(level, inline, anchor) =
                    std::mem::replace(&mut open, Open::None)
                {
                    out.push(Block::Heading(Heading {
                        level,
                        text: inline.text.trim().to_owned(),
                        anchor,
                        line: inline.line,
                    }));
                }
            }
            Event::Start(Tag::Paragraph) if matches!(open, Open::None) => {
                let (line, column) = at(range.start);
                open = Open::Paragraph(Inline {
                    line,
                    column,
                    ..Inline::default()
                });
            }
            Event::End(TagEnd::Paragraph) => {
                if let Open::Paragraph(inline) = std::mem::replace(&mut open, Open::None) {
                    out.push(Block::Paragraph {
                        inline,
                        quoted: quote_depth > 0,
                    });
                }
            }
            Event::Start(Tag::BlockQuote(_)) => quote_depth += 1,
            Event::End(TagEnd::BlockQuote(_)) => quote_depth = quote_depth.saturating_sub(1),
            Event::Start(Tag::Table(_)) => {
                let (line, _) = at(range.start);
                open = Open::Table(
                    Table {
                        header: Vec::new(),
                        rows: Vec::new(),
                        line,
                    },
                    Vec::new(),
                    None,
                );
            }
            Event::End(TagEnd::TableHead) => {
                if let Open::Table(table, row, _) = &mut open {
                    table.header = std::mem::take(row);
                }
            }
            Event::End(TagEnd::TableRow) => {
                if let Open::Table(table, row, _) = &mut open {
                    table.rows.push(std::mem::take(row));
                }
            }
            Event::Start(Tag::TableCell) => {
                if let Open::Table(_, _, cell) = &mut open {
                    let (line, column) = at(range.start);
                    *cell = Some(Inline {
                        line,
                        column,
                        ..Inline::default()
                    });
                }
            }
            Event::End(TagEnd::TableCell) => {
                if let Open::Table(_, row, cell) = &mut open {
                    if let Some(mut c) = cell.take() {
                        c.text = c.text.trim_matches(is_blank).to_owned();
                        row.push(c);
                    }
                }
            }
            Event::End(TagEnd::Table) => {
                if let Open::Table(table, _, _) = std::mem::replace(&mut open, Open::None) {
                    out.push(Block::Table(table));
                }
            }
            Event::Start(Tag::HtmlBlock) => {
                let (line, _) = at(range.start);
                open = Open::Html(String::new(), line);
            }
            Event::Html(html) => {
                if let Open::Html(buf, _) = &mut open {
                    buf.push_str(&html);
                }
            }
            Event::End(TagEnd::HtmlBlock) => {
                if let Open::Html(buf, line) = std::mem::replace(&mut open, Open::None) {
                    push_comments(&buf, line, &mut out);
                }
            }
            Event::Start(Tag::CodeBlock(kind)) => {
                let info = match kind {
                    CodeBlockKind::Fenced(info) => info.trim().to_owned(),
                    CodeBlockKind::Indented => String::new(),
                };
                // The code starts on the line after the fence.
                let (line, _) = at(range.start);
                open = Open::Code(info, String::new(), line + 1);
            }
            Event::End(TagEnd::CodeBlock) => {
                if let Open::Code(info, text, line) = std::mem::replace(&mut open, Open::None) {
                    out.push(Block::Code { info, text, line });
                }
            }
            Event::Text(t) => {
                if let Open::Code(_, buf, _) = &mut open {
                    buf.push_str(&t);
                } else if let Some(inline) = current(&mut open) {
                    push_text(inline, &t, strong_depth, link.as_mut());
                }
            }
            Event::Code(t) => {
                if let Some(inline) = current(&mut open) {
                    inline.code.push(t.to_string());
                    push_text(inline, &t, strong_depth, link.as_mut());
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some(inline) = current(&mut open) {
                    push_text(inline, " ", 0, link.as_mut());
                }
            }
            Event::InlineHtml(html) => {
                if let Open::Heading(_, _, anchor) = &mut open {
                    if anchor.is_none() {
                        *anchor = anchor_name(&html);
                    }
                } else if let Some(inline) = current(&mut open) {
                    let lower = html.to_ascii_lowercase();
                    if lower.starts_with("<br")
                        || lower.starts_with("</br")
                        || lower.starts_with("<li")
                    {
                        push_text(inline, " ", 0, link.as_mut());
                    }
                }
            }
            Event::Start(Tag::Strong) => strong_depth += 1,
            Event::End(TagEnd::Strong) => strong_depth = strong_depth.saturating_sub(1),
            Event::Start(Tag::Link { dest_url, .. }) => {
                link = Some(Link {
                    text: String::new(),
                    dest: dest_url.to_string(),
                });
            }
            Event::End(TagEnd::Link) => {
                if let (Some(l), Some(inline)) = (link.take(), current(&mut open)) {
                    inline.links.push(Link {
                        text: l.text.trim().to_owned(),
                        dest: l.dest,
                    });
                }
            }
            _ => {}
        }
    }
    out
}

/// The inline being filled, if any.
fn current(open: &mut Open) -> Option<&mut Inline> {
    match open {
        Open::Heading(_, i, _) | Open::Paragraph(i) => Some(i),
        Open::Table(_, _, cell) => cell.as_mut(),
        _ => None,
    }
}

fn heading_level(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

/// Whitespace as the docs use it: includes TAB, NBSP and zero-width characters.
pub fn is_blank(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{feff}')
}

fn push_text(inline: &mut Inline, text: &str, strong_depth: usize, link: Option<&mut Link>) {
    inline.text.push_str(text);
    if strong_depth > 0 {
        inline.strong_len += text.trim().len();
    }
    if let Some(l) = link {
        l.text.push_str(text);
    }
}

fn push_comments(html: &str, line: u32, out: &mut Vec<Block>) {
    let mut rest = html;
    let mut consumed_lines = 0u32;
    while let Some(start) = rest.find("<!--") {
        let before = &rest[..start];
        consumed_lines += before.matches('\n').count() as u32;
        let inner = &rest[start + 4..];
        let (text, after) = match inner.find("-->") {
            Some(end) => (&inner[..end], &inner[end + 3..]),
            None => (inner, ""),
        };
        out.push(Block::Comment {
            text: text.to_owned(),
            line: line + consumed_lines,
        });
        consumed_lines += text.matches('\n').count() as u32;
        rest = after;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Vec<Block> {
        blocks(text, 0, &LineIndex::new(text))
    }

    #[test]
    fn heading_anchor_is_the_key() {
        let b = parse("## <a name=\"json-representation\"></a>Представление JSON\n");
        let Block::Heading(h) = &b[0] else {
            panic!("{b:?}")
        };
        assert_eq!(h.key(), "json-representation");
        assert_eq!(h.text, "Представление JSON");
        let b = parse("## JSON Representation\n");
        let Block::Heading(h) = &b[0] else {
            panic!("{b:?}")
        };
        assert_eq!(h.key(), "json-representation");
    }

    #[test]
    fn table_cells_keep_links_code_and_lines() {
        let text = "x\n\n|Property|Type|Description|\n|:---|:---|:---|\n|a|[actionState](../resources/x.md)|Values: `none`, `done`.|\n";
        let b = parse(text);
        let Block::Table(t) = &b[1] else {
            panic!("{b:?}")
        };
        assert_eq!(t.line, 3);
        assert_eq!(t.rows[0][1].links[0].dest, "../resources/x.md");
        assert_eq!(t.rows[0][2].code, vec!["none", "done"]);
        assert_eq!(t.rows[0][0].line, 5);
    }

    #[test]
    fn tables_inside_comments_are_ignored_and_comments_kept() {
        let text = "<!--\n|a|b|\n|-|-|\n|1|2|\n-->\n\n<!-- {\"blockType\": \"resource\"} -->\n";
        let b = parse(text);
        assert!(b.iter().all(|b| !matches!(b, Block::Table(_))));
        assert!(matches!(&b[1], Block::Comment { line: 7, .. }));
    }

    #[test]
    fn group_rows_are_all_strong() {
        let b = parse("|Property|Type|Description|\n|-|-|-|\n|**Onboarding**|\n");
        let Block::Table(t) = &b[0] else { panic!() };
        assert!(t.rows[0][0].is_all_strong());
    }

    #[test]
    fn wide_tables_are_blanked_in_place() {
        let wide = format!("|a|b|\n{}|\n|x|\n", "|-".repeat(MAX_TABLE_COLUMNS + 1));
        let text = format!("|a|b|\n|-|-|\n|1|2|\n\n{wide}");
        let (defused, rows) = defuse_wide_tables(&text).unwrap();
        assert_eq!(rows, [(6, MAX_TABLE_COLUMNS + 1)]);
        assert_eq!(defused.len(), text.len());
        let b = parse(&defused);
        assert_eq!(b.iter().filter(|b| matches!(b, Block::Table(_))).count(), 1);
        assert!(defuse_wide_tables(&format!("{}|\n", "|-".repeat(MAX_TABLE_COLUMNS))).is_none());
        assert!(defuse_wide_tables("---\n- a\n").is_none());
    }

    #[test]
    fn line_index_counts_characters() {
        let text = "ab\nдв|x";
        let i = LineIndex::new(text);
        assert_eq!(i.line_column(text, text.find('|').unwrap()), (2, 3));
        // Columns do not depend on the order of the questions (a cache resumes counting).
        assert_eq!(i.line_column(text, text.find('x').unwrap()), (2, 4));
        assert_eq!(i.line_column(text, text.find('в').unwrap()), (2, 2));
        assert_eq!(i.line_column(text, 1), (1, 2));
        assert_eq!(i.line_column(text, text.find('x').unwrap()), (2, 4));
    }
}
