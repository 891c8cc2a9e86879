//! Markdown → a flat list of located blocks (headings, paragraphs, tables, HTML comments, code).
//!
//! This is the only module that talks to pulldown-cmark. It keeps what the page interpretation
//! needs and nothing else: plain text, link targets, code spans and the source line of each
//! block. Tables inside HTML comments never reach it: CommonMark reads them as HTML blocks.

use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

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

/// Escapes the pipes inside code spans of table rows (`` `|` `` → `` `\|` ``), so that they
/// stay in their cell: GFM splits cells before reading code spans, the docs mean the pipe
/// literally. Only lines that look like table rows (a pipe outside code spans) outside fenced
/// code are touched; the text is borrowed unchanged when there is nothing to escape. Lines keep their numbers; a cell after
/// an escaped pipe has its column shifted by one.
pub fn escape_code_span_pipes(text: &str) -> std::borrow::Cow<'_, str> {
    let mut out: Option<String> = None;
    let mut fence: Option<&str> = None;
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_start();
        let end = start + line.len();
        if let Some(f) = fence {
            if trimmed.starts_with(f) {
                fence = None;
            }
        } else if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            fence = Some(&trimmed[..3]);
        } else if line.contains('|') && line.contains('`') {
            if let Some(escaped) = escape_row(line) {
                let buf = out.get_or_insert_with(|| text[..start].to_owned());
                buf.push_str(&escaped);
                start = end;
                continue;
            }
        }
        if let Some(buf) = &mut out {
            buf.push_str(line);
        }
        start = end;
    }
    match out {
        Some(s) => std::borrow::Cow::Owned(s),
        None => std::borrow::Cow::Borrowed(text),
    }
}

/// One table row with the pipes inside its code spans escaped, if it has any.
fn escape_row(line: &str) -> Option<String> {
    // Quick rejection: a pipe inside a code span lies between the first and last backtick.
    let (first, last) = (line.find('`')?, line.rfind('`')?);
    if !line[first..last].contains('|') {
        return None;
    }
    let bytes = line.as_bytes();
    let mut spans: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'`' => {
                let run = bytes[i..].iter().take_while(|&&b| b == b'`').count();
                let open_end = i + run;
                // The closing run: exactly `run` backticks.
                let mut j = open_end;
                let mut close = None;
                while j < bytes.len() {
                    if bytes[j] == b'`' {
                        let r = bytes[j..].iter().take_while(|&&b| b == b'`').count();
                        if r == run {
                            close = Some(j);
                            break;
                        }
                        j += r;
                    } else {
                        j += 1;
                    }
                }
                match close {
                    Some(c) => {
                        spans.push((open_end, c));
                        i = c + run;
                    }
                    None => i = open_end,
                }
            }
            _ => i += 1,
        }
    }
    let is_pipe = |at: usize| bytes[at] == b'|' && (at == 0 || bytes[at - 1] != b'\\');
    // A table row has a pipe outside code spans; only then do pipes inside them need escaping.
    let mut outside = 0;
    let mut inside = 0;
    let mut from = 0;
    for &(a, b) in spans
        .iter()
        .chain(std::iter::once(&(bytes.len(), bytes.len())))
    {
        outside += (from..a).filter(|&at| is_pipe(at)).count();
        inside += (a..b).filter(|&at| is_pipe(at)).count();
        from = b;
    }
    if outside == 0 || inside == 0 {
        return None;
    }
    let mut out = String::with_capacity(line.len() + 4);
    let mut last = 0;
    for &(a, b) in &spans {
        for at in (a..b).filter(|&at| is_pipe(at)) {
            out.push_str(&line[last..at]);
            out.push('\\');
            last = at;
        }
    }
    out.push_str(&line[last..]);
    Some(out)
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
    let mut found: Vec<(usize, usize, usize, u32)> = Vec::new(); // (start, end, columns, line)
    let mut start = 0;
    for (number, line) in (1..).zip(text.split_inclusive('\n')) {
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
                found.push((start, end, columns, number));
            }
        }
        start = end;
    }
    if found.is_empty() {
        return None;
    }
    let mut out = text.as_bytes().to_vec();
    let mut rows = Vec::with_capacity(found.len());
    for (start, end, columns, line) in found {
        for b in &mut out[start..end] {
            if !matches!(*b, b'\r' | b'\n') {
                *b = b' ';
            }
        }
        rows.push((line, columns));
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

/// Parses the text of `full` after byte offset `base` (the front matter) into blocks, located
/// by line and column in `full`.
///
/// Paragraphs are collected only before the first `##` heading: the intro (description,
/// namespace line, inheritance sentence) is the only prose a page is read for.
///
/// A table row with a pipe inside a code span (which GFM would split) makes the page be read
/// again from [`escape_code_span_pipes`]; the other pages are read once, unchanged.
pub fn blocks(full: &str, base: usize) -> Vec<Block> {
    let (out, needs_escape) = read_blocks(full, base, true);
    if !needs_escape {
        return out;
    }
    let escaped = escape_code_span_pipes(&full[base..]);
    let escaped = format!("{}{escaped}", &full[..base]);
    read_blocks(&escaped, base, false).0
}

/// Line and column of increasing byte offsets of a text, counted as they come (pulldown-cmark
/// reports block starts in document order).
struct Cursor<'a> {
    text: &'a str,
    offset: usize,
    line: u32,
    /// Characters between the start of the line and `offset`.
    column: u32,
}

impl<'a> Cursor<'a> {
    fn new(text: &'a str) -> Cursor<'a> {
        Cursor {
            text,
            offset: 0,
            line: 1,
            column: 0,
        }
    }

    /// 1-based line and character column of `offset`.
    fn at(&mut self, offset: usize) -> (u32, u32) {
        if offset < self.offset {
            *self = Cursor::new(self.text);
        }
        let seg = &self.text.as_bytes()[self.offset..offset];
        if let Some(last) = memchr::memrchr(b'\n', seg) {
            self.line += memchr::memchr_iter(b'\n', seg).count() as u32;
            self.offset += last + 1;
            self.column = 0;
        }
        // Characters are the bytes that do not continue a UTF-8 sequence.
        self.column += self.text.as_bytes()[self.offset..offset]
            .iter()
            .filter(|&&b| b & 0xC0 != 0x80)
            .count() as u32;
        self.offset = offset;
        (self.line, self.column + 1)
    }
}

/// [`blocks`] in one pass; with `check_rows`, also whether a table row needs its code-span
/// pipes escaped.
fn read_blocks(full: &str, base: usize, check_rows: bool) -> (Vec<Block>, bool) {
    let mut needs_escape = false;
    let mut intro = true;
    let text = &full[base..];
    let parser = Parser::new_ext(text, Options::ENABLE_TABLES).into_offset_iter();
    let mut out = Vec::new();
    let mut open = Open::None;
    let mut quote_depth = 0usize;
    let mut strong_depth = 0usize;
    let mut link: Option<Link> = None;
    let mut cursor = Cursor::new(full);
    let mut at = |offset: usize| cursor.at(base + offset);

    for (event, range) in parser {
        if check_rows
            && !needs_escape
            && matches!(event, Event::Start(Tag::TableHead | Tag::TableRow))
        {
            needs_escape = text
                .get(range.clone())
                .is_some_and(|row| escape_row(row).is_some());
        }
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
                    intro &= level != 2;
                    out.push(Block::Heading(Heading {
                        level,
                        text: inline.text.trim().to_owned(),
                        anchor,
                        line: inline.line,
                    }));
                }
            }
            Event::Start(Tag::Paragraph) if intro && matches!(open, Open::None) => {
                let (line, column) = at(range.start);
                open = Open::Paragraph(Inline {
                    text: String::with_capacity(range.len()),
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
                        text: String::with_capacity(range.len()),
                        line,
                        column,
                        ..Inline::default()
                    });
                }
            }
            Event::End(TagEnd::TableCell) => {
                if let Open::Table(_, row, cell) = &mut open {
                    if let Some(mut c) = cell.take() {
                        trim_in_place(&mut c.text);
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
                open = Open::Html(String::with_capacity(range.len()), line);
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
                open = Open::Code(info, String::with_capacity(range.len()), line + 1);
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
                    match html_tag(&html) {
                        // Line breaks and list items separate words.
                        Some("br" | "li" | "p" | "tr" | "td" | "th") => {
                            push_text(inline, " ", 0, link.as_mut())
                        }
                        Some(_) => {}
                        // `<languagecode2>`, `<server>`: placeholders of the prose, not HTML.
                        None => push_text(inline, &html, strong_depth, link.as_mut()),
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
    (out, needs_escape)
}

/// The lowercase name of an HTML tag or comment (`<br/>` → `br`, `</td>` → `td`, `<!--` →
/// `!--`), when it is one that docs pages use as markup; `None` for anything else.
fn html_tag(html: &str) -> Option<&'static str> {
    const TAGS: &[&str] = &[
        "a",
        "b",
        "big",
        "blockquote",
        "br",
        "caption",
        "center",
        "code",
        "col",
        "colgroup",
        "dd",
        "del",
        "div",
        "dl",
        "dt",
        "em",
        "font",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "hr",
        "i",
        "img",
        "ins",
        "kbd",
        "li",
        "nobr",
        "ol",
        "p",
        "pre",
        "s",
        "small",
        "span",
        "strike",
        "strong",
        "sub",
        "sup",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "tt",
        "u",
        "ul",
        "var",
        "wbr",
    ];
    let rest = html.strip_prefix('<')?;
    if rest.starts_with("!--") {
        return Some("!--");
    }
    let rest = rest.strip_prefix('/').unwrap_or(rest);
    let name_len = rest
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(rest.len());
    let name = &rest[..name_len];
    TAGS.iter().copied().find(|t| t.eq_ignore_ascii_case(name))
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

/// Trims [`is_blank`] characters from both ends without reallocating.
fn trim_in_place(text: &mut String) {
    let end = text.trim_end_matches(is_blank).len();
    text.truncate(end);
    let start = text.len() - text.trim_start_matches(is_blank).len();
    text.drain(..start);
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
        blocks(text, 0)
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
    fn markup_is_dropped_and_placeholders_kept() {
        let b = parse("|a|b|\n|-|-|\n|x|One<br>two</br><ul><li>three</li></ul> `<code>` &lt;x&gt; <languagecode2>-<server>|\n");
        let Block::Table(t) = &b[0] else {
            panic!("{b:?}")
        };
        let text = &t.rows[0][1].text;
        assert_eq!(
            text.split_whitespace().collect::<Vec<_>>(),
            [
                "One",
                "two",
                "three",
                "<code>",
                "<x>",
                "<languagecode2>-<server>"
            ]
        );
    }

    #[test]
    fn group_rows_are_all_strong() {
        let b = parse("|Property|Type|Description|\n|-|-|-|\n|**Onboarding**|\n");
        let Block::Table(t) = &b[0] else { panic!() };
        assert!(t.rows[0][0].is_all_strong());
    }

    #[test]
    fn pipes_in_code_spans_stay_in_their_cell() {
        let text = "|Property|Type|Description|\n|-|-|-|\n|name|String|Not `|`, `` ` ``, `a\\|b` or `^`.|\n\n```\n|`|`|\n```\n";
        let escaped = escape_code_span_pipes(text);
        assert_eq!(escaped.lines().count(), text.lines().count());
        assert!(escaped.contains("```\n|`|`|\n```"), "fenced code untouched");
        let b = parse(&escaped);
        let Block::Table(t) = &b[0] else {
            panic!("{b:?}")
        };
        assert_eq!(t.rows[0].len(), 3);
        assert_eq!(t.rows[0][2].text, "Not |, `, a|b or ^.");
        assert_eq!(t.rows[0][2].code, ["|", "`", "a|b", "^"]);
        assert!(matches!(
            escape_code_span_pipes("|a|`b`|\n"),
            std::borrow::Cow::Borrowed(_)
        ));
    }

    #[test]
    fn cursor_counts_lines_and_characters() {
        let text = "ab\nдв|x\n\nz";
        let mut c = Cursor::new(text);
        assert_eq!(c.at(1), (1, 2));
        assert_eq!(c.at(text.find('|').unwrap()), (2, 3));
        assert_eq!(c.at(text.find('x').unwrap()), (2, 4));
        assert_eq!(c.at(text.find('z').unwrap()), (4, 1));
        // Going back recounts from the start.
        assert_eq!(c.at(0), (1, 1));
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
}
