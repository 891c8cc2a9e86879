//! Markdown → a flat list of located blocks (headings, paragraphs, tables, HTML comments, code).
//!
//! This is the only module that talks to pulldown-cmark. It keeps what the page interpretation
//! needs and nothing else: plain text, link targets, code spans and the source line of each
//! block. Tables inside HTML comments never reach it: CommonMark reads them as HTML blocks.

use super::raw_tables;
use pulldown_cmark::{CodeBlockKind, CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use std::borrow::Cow;
use std::ops::Range;

/// A link as written: its visible text and its destination.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Link<'a> {
    /// The link text (may be translated or transliterated in machine-translated locales).
    pub text: String,
    /// The destination URL as written (`../resources/x.md`, `#anchor`, ...). Empty for a
    /// reference link whose definition is missing. Borrowed from the page text unless
    /// pulldown-cmark had to unescape it: destinations are only read.
    pub dest: Cow<'a, str>,
}

/// Inline content: its plain text plus the structural evidence inside it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Inline<'a> {
    /// Plain text: code spans without backticks, link texts, line breaks as spaces.
    pub text: String,
    /// Links, in order.
    pub links: Vec<Link<'a>>,
    /// Code spans (backticked text), in order.
    pub code: Vec<String>,
    /// Bytes of `text` that were inside `**strong**` emphasis.
    pub strong_len: usize,
    /// 1-based line where the content starts.
    pub line: u32,
    /// 1-based column (in characters) where the content starts; 0 for a table cell after the
    /// first of its row, which is not located (the row's first cell is).
    pub column: u32,
}

impl Inline<'_> {
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
pub struct Table<'a> {
    /// Header cells.
    pub header: Vec<Inline<'a>>,
    /// Body rows, each a list of cells (padded to the header width by the parser).
    pub rows: Vec<Vec<Inline<'a>>>,
    /// 1-based line of the header row.
    pub line: u32,
}

/// One block of the page, in document order; its links' destinations borrow from the page
/// text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block<'a> {
    /// A heading of any level.
    Heading(Heading),
    /// A paragraph; `quoted` when it stands inside a block quote (notes, callouts).
    Paragraph {
        /// The paragraph content.
        inline: Inline<'a>,
        /// Inside `>` block quote.
        quoted: bool,
    },
    /// A table.
    Table(Table<'a>),
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

/// Extracts `name="x"` / `id="x"` from an inline `<a ...>` tag.
fn anchor_name(html: &str) -> Option<String> {
    let start = html.trim_start().as_bytes();
    if !(start.len() >= 2 && start[0] == b'<' && start[1].eq_ignore_ascii_case(&b'a')) {
        return None;
    }
    for attr in ["name=", "id="] {
        if let Some(i) = find_ignore_ascii_case(html.as_bytes(), attr.as_bytes()) {
            let rest = &html[i + attr.len()..];
            let quote = rest.chars().next()?;
            let value = if quote == '"' || quote == '\'' {
                // Up to the closing quote (an ASCII byte: a character boundary), or the end.
                let inside = &rest[1..];
                &inside[..memchr::memchr(quote as u8, inside.as_bytes()).unwrap_or(inside.len())]
            } else {
                rest.split(|c: char| c.is_whitespace() || c == '>').next()?
            };
            return Some(value.to_owned());
        }
    }
    None
}

/// The offset of the first occurrence of `needle` (non-empty) in `haystack`, ASCII letters
/// compared case-insensitively: a tag is a few dozen bytes, shorter than a searcher's setup.
fn find_ignore_ascii_case(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
}

/// The offset of the first occurrence of `needle` (non-empty) in `haystack`, found from the
/// occurrences of its first byte: HTML blocks are short, shorter than a searcher's setup.
fn find_bytes(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memchr_iter(needle[0], haystack).find(|&i| haystack[i..].starts_with(needle))
}

/// What is being collected while walking the events.
enum Open<'a> {
    None,
    Heading(u8, Inline<'a>, Option<String>),
    Paragraph(Inline<'a>),
    Table(Table<'a>, Vec<Inline<'a>>, Option<Inline<'a>>),
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
/// again from [`raw_tables::escape_code_span_pipes`], kept in `escaped` (which the blocks then
/// borrow from); the other pages are read once, unchanged.
pub fn blocks<'a>(full: &'a str, base: usize, escaped: &'a mut String) -> Vec<Block<'a>> {
    let (out, needs_escape) = read_blocks(full, base, true);
    if !needs_escape {
        return out;
    }
    let mended = raw_tables::escape_code_span_pipes(&full[base..]);
    *escaped = format!("{}{mended}", &full[..base]);
    let escaped: &'a String = escaped;
    read_blocks(escaped, base, false).0
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
        if seg.len() <= SHORT_STEP {
            self.step(seg);
            return (self.line, self.column + 1);
        }
        // The last line end in between, and how many come before it.
        if let Some(last) = memchr::memrchr(b'\n', seg) {
            self.line += count_newlines(&seg[..last]) as u32 + 1;
            self.offset += last + 1;
            self.column = 0;
        }
        // Characters are the bytes that do not continue a UTF-8 sequence (std counts them a
        // word at a time when the offsets are character boundaries, as pulldown-cmark's are).
        self.column += match self.text.get(self.offset..offset) {
            Some(part) => part.chars().count(),
            None => self.text.as_bytes()[self.offset..offset]
                .iter()
                .filter(|&&b| b & 0xC0 != 0x80)
                .count(),
        } as u32;
        self.offset = offset;
        (self.line, self.column + 1)
    }
}

/// The longest step [`Cursor::at`] takes byte by byte: a row's first cell stands a byte or
/// two after the row before it ends, nearer than a search's setup is long.
const SHORT_STEP: usize = 16;

impl Cursor<'_> {
    /// Moves over `seg`, the bytes after the cursor, one at a time: a line end starts a new
    /// line, any other byte that does not continue a UTF-8 sequence is a character.
    fn step(&mut self, seg: &[u8]) {
        for &b in seg {
            if b == b'\n' {
                self.line += 1;
                self.column = 0;
            } else {
                self.column += u32::from(b & 0xC0 != 0x80);
            }
        }
        self.offset += seg.len();
    }

    /// Moves past the end of a table row that ends at `end` with its line end, if it does and
    /// the cursor stands in it: GFM reads a row from one line, so the row's rest holds no other
    /// line end, and the next row is located from the row's end instead of from its first
    /// cell (counting line ends over every row was most of locating the rows). Were a row
    /// ever to span lines, only the locations after it would be off; nothing panics.
    fn past_row(&mut self, end: usize) {
        let bytes = self.text.as_bytes();
        if self.offset < end && end <= bytes.len() && bytes[end - 1] == b'\n' {
            self.offset = end;
            self.line += 1;
            self.column = 0;
        }
    }
}

/// The number of `\n` bytes in `bytes`, counted in blocks of 255 into byte-wide sums: a loop
/// the compiler turns into vector compares and adds, cheaper than a memchr call per line or
/// the setup of memchr's count on the few lines between two blocks.
fn count_newlines(bytes: &[u8]) -> usize {
    bytes
        .chunks(255)
        .map(|block| {
            let in_block = block.iter().fold(0u8, |n, &b| n + u8::from(b == b'\n'));
            usize::from(in_block)
        })
        .sum()
}

/// [`blocks`] in one pass; with `check_rows`, also whether a table row needs its code-span
/// pipes escaped.
fn read_blocks(full: &str, base: usize, check_rows: bool) -> (Vec<Block<'_>>, bool) {
    let mut needs_escape = false;
    let text = &full[base..];
    let parser = Parser::new_ext(text, Options::ENABLE_TABLES).into_offset_iter();
    let mut reader = BlockReader::new(full, base);
    for (event, range) in parser {
        match event {
            Event::Start(tag) => {
                if matches!(tag, Tag::TableHead | Tag::TableRow) && check_rows && !needs_escape {
                    needs_escape = text
                        .get(range.clone())
                        .is_some_and(|row| raw_tables::escape_row(row).is_some());
                }
                reader.start(tag, range)
            }
            Event::End(tag) => {
                if matches!(tag, TagEnd::TableHead | TagEnd::TableRow) {
                    reader.row_read(range.end);
                }
                reader.end(tag)
            }
            event => reader.content(event),
        }
    }
    (reader.out, needs_escape)
}

/// The state of one walk over the pulldown-cmark events of a page: the blocks done, the one
/// being collected, and the inline context (block quote, strong emphasis, link) the text is in.
struct BlockReader<'a> {
    /// The blocks read so far.
    out: Vec<Block<'a>>,
    /// The block being collected.
    open: Open<'a>,
    /// True until the first `##` heading: paragraphs are collected only there.
    intro: bool,
    /// How many block quotes the current block stands in.
    quote_depth: usize,
    /// How many `**strong**` spans the current text stands in.
    strong_depth: usize,
    /// The link being read, if inside one whose text is collected.
    link: Option<Link<'a>>,
    /// Locates event offsets (relative to `base`) in the whole text.
    cursor: Cursor<'a>,
    /// Where the parsed text starts in the whole text (after the front matter).
    base: usize,
}

impl<'a> BlockReader<'a> {
    fn new(full: &'a str, base: usize) -> BlockReader<'a> {
        BlockReader {
            // A page has a dozen blocks or so (paragraphs are kept in the intro only).
            out: Vec::with_capacity(16),
            open: Open::None,
            intro: true,
            quote_depth: 0,
            strong_depth: 0,
            link: None,
            cursor: Cursor::new(full),
            base,
        }
    }

    /// 1-based line and column of `offset` in the text after `base`.
    fn at(&mut self, offset: usize) -> (u32, u32) {
        self.cursor.at(self.base + offset)
    }

    /// A table row (or header row) ends at `end` (after `base`): see [`Cursor::past_row`].
    fn row_read(&mut self, end: usize) {
        self.cursor.past_row(self.base + end);
    }

    /// A tag opens at `range`: starts collecting a block, or enters an inline context.
    fn start(&mut self, tag: Tag<'a>, range: Range<usize>) {
        match tag {
            Tag::Heading { level, .. } => {
                let (line, column) = self.at(range.start);
                let lvl = heading_level(level);
                self.open = Open::Heading(
                    lvl,
                    Inline {
                        text: String::with_capacity(range.len()),
                        line,
                        column,
                        ..Inline::default()
                    },
                    None,
                );
            }
            Tag::Paragraph if self.intro && matches!(self.open, Open::None) => {
                let (line, column) = self.at(range.start);
                self.open = Open::Paragraph(Inline {
                    text: String::with_capacity(range.len()),
                    line,
                    column,
                    ..Inline::default()
                });
            }
            Tag::BlockQuote(_) => self.quote_depth += 1,
            Tag::Table(_) => {
                let (line, _) = self.at(range.start);
                self.open = Open::Table(
                    Table {
                        header: Vec::new(),
                        rows: Vec::new(),
                        line,
                    },
                    Vec::new(),
                    None,
                );
            }
            Tag::TableCell if matches!(self.open, Open::Table(..)) => {
                // A row is one line: the cells after its first share that cell's line, and are
                // not located further (locating every cell was a third of the cursor's work).
                let row_line = match &self.open {
                    Open::Table(_, row, _) => row.first().map(|first| first.line),
                    _ => None,
                };
                let (line, column) = match row_line {
                    Some(line) => (line, 0),
                    None => self.at(range.start),
                };
                if let Open::Table(_, _, cell) = &mut self.open {
                    *cell = Some(Inline {
                        text: String::with_capacity(range.len()),
                        line,
                        column,
                        ..Inline::default()
                    });
                }
            }
            Tag::HtmlBlock => {
                let (line, _) = self.at(range.start);
                self.open = Open::Html(String::with_capacity(range.len()), line);
            }
            Tag::CodeBlock(kind) => {
                let info = match kind {
                    CodeBlockKind::Fenced(info) => info.trim().to_owned(),
                    CodeBlockKind::Indented => String::new(),
                };
                // The code starts on the line after the fence.
                let (line, _) = self.at(range.start);
                self.open = Open::Code(info, String::with_capacity(range.len()), line + 1);
            }
            Tag::Strong => self.strong_depth += 1,
            // A link outside the blocks collected (the prose after the intro, a list) is not
            // kept: nothing inside a link opens or closes a block.
            Tag::Link { dest_url, .. } if current(&mut self.open).is_some() => {
                // The link's source (`[text](dest)`) is longer than its text.
                self.link = Some(Link {
                    text: String::with_capacity(range.len()),
                    dest: borrowed(dest_url),
                });
            }
            _ => {}
        }
    }

    /// A tag closes: finishes the block being collected, or leaves an inline context.
    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Heading(_) => {
                if let Open::Heading(level, mut inline, anchor) = self.take_open() {
                    self.intro &= level != 2;
                    trim_whitespace_in_place(&mut inline.text);
                    self.out.push(Block::Heading(Heading {
                        level,
                        text: inline.text,
                        anchor,
                        line: inline.line,
                    }));
                }
            }
            TagEnd::Paragraph => {
                if let Open::Paragraph(inline) = self.take_open() {
                    self.out.push(Block::Paragraph {
                        inline,
                        quoted: self.quote_depth > 0,
                    });
                }
            }
            TagEnd::BlockQuote(_) => self.quote_depth = self.quote_depth.saturating_sub(1),
            // The next row is sized for the header's cells (pulldown-cmark pads rows to them).
            TagEnd::TableHead => {
                if let Open::Table(table, row, _) = &mut self.open {
                    let width = row.len();
                    table.header = std::mem::replace(row, Vec::with_capacity(width));
                }
            }
            TagEnd::TableRow => {
                if let Open::Table(table, row, _) = &mut self.open {
                    let width = table.header.len();
                    table
                        .rows
                        .push(std::mem::replace(row, Vec::with_capacity(width)));
                }
            }
            TagEnd::TableCell => {
                if let Open::Table(_, row, cell) = &mut self.open {
                    if let Some(mut c) = cell.take() {
                        trim_in_place(&mut c.text);
                        row.push(c);
                    }
                }
            }
            TagEnd::Table => {
                if let Open::Table(table, _, _) = self.take_open() {
                    self.out.push(Block::Table(table));
                }
            }
            TagEnd::HtmlBlock => {
                if let Open::Html(buf, line) = self.take_open() {
                    push_comments(&buf, line, &mut self.out);
                }
            }
            TagEnd::CodeBlock => {
                if let Open::Code(info, text, line) = self.take_open() {
                    self.out.push(Block::Code { info, text, line });
                }
            }
            TagEnd::Strong => self.strong_depth = self.strong_depth.saturating_sub(1),
            TagEnd::Link => {
                if let (Some(mut l), Some(inline)) = (self.link.take(), current(&mut self.open)) {
                    trim_whitespace_in_place(&mut l.text);
                    inline.links.push(l);
                }
            }
            _ => {}
        }
    }

    /// Content between the tags (text, code spans, breaks, HTML): added to the block being
    /// collected, if any.
    fn content(&mut self, event: Event<'_>) {
        let strong_depth = self.strong_depth;
        match event {
            Event::Text(t) => {
                if let Open::Code(_, buf, _) = &mut self.open {
                    buf.push_str(text_of(&t));
                } else if let Some(inline) = current(&mut self.open) {
                    push_text(inline, text_of(&t), strong_depth, self.link.as_mut());
                }
            }
            Event::Code(t) => {
                if let Some(inline) = current(&mut self.open) {
                    push_text(inline, text_of(&t), strong_depth, self.link.as_mut());
                    // `into_string`, not `to_string`: no formatting machinery per code span.
                    inline.code.push(t.into_string());
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some(inline) = current(&mut self.open) {
                    push_text(inline, " ", 0, self.link.as_mut());
                }
            }
            Event::Html(html) => {
                if let Open::Html(buf, _) = &mut self.open {
                    buf.push_str(text_of(&html));
                }
            }
            Event::InlineHtml(html) => {
                if let Open::Heading(_, _, anchor) = &mut self.open {
                    if anchor.is_none() {
                        *anchor = anchor_name(&html);
                    }
                } else if let Some(inline) = current(&mut self.open) {
                    match html_tag(&html) {
                        // Line breaks and list items separate words.
                        Some("br" | "li" | "p" | "tr" | "td" | "th") => {
                            push_text(inline, " ", 0, self.link.as_mut())
                        }
                        Some(_) => {}
                        // `<languagecode2>`, `<server>`: placeholders of the prose, not HTML.
                        None => push_text(inline, &html, strong_depth, self.link.as_mut()),
                    }
                }
            }
            _ => {}
        }
    }

    /// The block being collected, leaving none open.
    fn take_open(&mut self) -> Open<'a> {
        std::mem::replace(&mut self.open, Open::None)
    }
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

/// The text of a pulldown-cmark string, read in place when it is borrowed from the page (most
/// are): its `Deref` is a call per event.
fn text_of<'s>(text: &'s CowStr<'_>) -> &'s str {
    match text {
        CowStr::Borrowed(text) => text,
        text => text,
    }
}

/// `text` as a `Cow`: borrowed from the page when pulldown-cmark borrowed it, else owned.
fn borrowed(text: CowStr<'_>) -> Cow<'_, str> {
    match text {
        CowStr::Borrowed(text) => Cow::Borrowed(text),
        text => Cow::Owned(text.into_string()),
    }
}

/// The inline being filled, if any.
fn current<'o, 'a>(open: &'o mut Open<'a>) -> Option<&'o mut Inline<'a>> {
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
    // Most cells start and end with a visible character (ASCII or not): nothing to trim.
    if ends_ascii_graphic(text) {
        return;
    }
    let visible = |c: char| !is_blank(c);
    if text.chars().next().is_some_and(visible) && text.chars().next_back().is_some_and(visible) {
        return;
    }
    let end = text.trim_end_matches(is_blank).len();
    text.truncate(end);
    let start = text.len() - text.trim_start_matches(is_blank).len();
    text.drain(..start);
}

/// `text.trim()` in place: Unicode whitespace trimmed from both ends without a copy.
fn trim_whitespace_in_place(text: &mut String) {
    // Most link texts and headings start and end with a visible ASCII character.
    if ends_ascii_graphic(text) {
        return;
    }
    let end = text.trim_end().len();
    text.truncate(end);
    let start = text.len() - text.trim_start().len();
    if start > 0 {
        text.drain(..start);
    }
}

/// True when `text` starts and ends with a visible ASCII character (no whitespace, no
/// [`is_blank`] character): seen from two bytes, without decoding characters.
fn ends_ascii_graphic(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.first().is_some_and(u8::is_ascii_graphic)
        && bytes.last().is_some_and(u8::is_ascii_graphic)
}

/// Whitespace as the docs use it: includes TAB, NBSP and zero-width characters.
pub fn is_blank(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{feff}')
}

fn push_text(
    inline: &mut Inline<'_>,
    text: &str,
    strong_depth: usize,
    link: Option<&mut Link<'_>>,
) {
    inline.text.push_str(text);
    if strong_depth > 0 {
        inline.strong_len += text.trim().len();
    }
    if let Some(l) = link {
        l.text.push_str(text);
    }
}

fn push_comments(html: &str, line: u32, out: &mut Vec<Block<'_>>) {
    let mut rest = html;
    let mut consumed_lines = 0u32;
    let newlines = |text: &str| memchr::memchr_iter(b'\n', text.as_bytes()).count() as u32;
    while let Some(start) = find_bytes(rest.as_bytes(), b"<!--") {
        consumed_lines += newlines(&rest[..start]);
        let inner = &rest[start + 4..];
        let (text, after) = match find_bytes(inner.as_bytes(), b"-->") {
            Some(end) => (&inner[..end], &inner[end + 3..]),
            None => (inner, ""),
        };
        out.push(Block::Comment {
            text: text.to_owned(),
            line: line + consumed_lines,
        });
        consumed_lines += newlines(text);
        rest = after;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Vec<Block<'static>> {
        // Leaked: the blocks borrow the text for the rest of the test.
        let text: &'static str = Box::leak(text.to_owned().into_boxed_str());
        blocks(text, 0, Box::leak(Box::default()))
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
    fn whitespace_trimmed_in_place_as_trim_does() {
        for text in [
            "a",
            " a ",
            "",
            " ",
            "\u{a0}é\t",
            "\u{200b}a",
            "x y",
            "\n\nz",
        ] {
            let mut trimmed = text.to_owned();
            trim_whitespace_in_place(&mut trimmed);
            assert_eq!(trimmed, text.trim(), "{text:?}");
        }
    }

    #[test]
    fn cells_are_trimmed_of_blanks_at_both_ends() {
        for text in [
            "a",
            " a ",
            "",
            " ",
            "\u{200b}a",
            "a\u{a0}",
            "\u{b}x\u{c}",
            "é",
            "x y",
        ] {
            let mut trimmed = text.to_owned();
            trim_in_place(&mut trimmed);
            assert_eq!(trimmed, text.trim_matches(is_blank), "{text:?}");
        }
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
        // The first cell of a row is located; the others share its line.
        assert_eq!(t.rows[0][0].column, 2);
        assert!(t.rows[0][1..].iter().all(|c| c.line == 5 && c.column == 0));
        let text = "|a|b|\n|-|-|\n|  é|x|\n|y|z|\n";
        let b = parse(text);
        let Block::Table(t) = &b[0] else {
            panic!("{b:?}")
        };
        let first: Vec<(u32, u32)> = t.rows.iter().map(|r| (r[0].line, r[0].column)).collect();
        assert_eq!(first, [(3, 2), (4, 2)]);
        assert_eq!((t.header[0].line, t.header[1].line), (1, 1));
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
    fn byte_searches_agree_with_str_find() {
        let texts = [
            "",
            "<a name=\"x\">",
            "<A NAME='y'>",
            "x<!-- a --><!--b-->",
            "--->",
            "-",
        ];
        for text in texts {
            let lower = text.to_ascii_lowercase();
            for needle in ["name=", "id=", "<!--", "-->", "-"] {
                assert_eq!(
                    find_ignore_ascii_case(text.as_bytes(), needle.as_bytes()),
                    lower.find(needle),
                    "{text} {needle}"
                );
                assert_eq!(
                    find_bytes(text.as_bytes(), needle.as_bytes()),
                    text.find(needle),
                    "{text} {needle}"
                );
            }
        }
        assert_eq!(anchor_name(" <A Name=\"Key\">").as_deref(), Some("Key"));
        assert_eq!(anchor_name("</a>"), None);
        for (html, name) in [
            ("<a name=\"x", "x"),
            ("<a id=''>", ""),
            ("<a name='é'>", "é"),
        ] {
            assert_eq!(anchor_name(html).as_deref(), Some(name), "{html}");
        }
    }

    #[test]
    fn newlines_are_counted_across_blocks() {
        for len in [0, 1, 254, 255, 256, 600] {
            for every in [1, 2, 7, 300] {
                let bytes: Vec<u8> = (0..len)
                    .map(|i| if i % every == 0 { b'\n' } else { b'x' })
                    .collect();
                let expected = bytes.iter().filter(|&&b| b == b'\n').count();
                assert_eq!(count_newlines(&bytes), expected, "{len} {every}");
            }
        }
    }

    #[test]
    fn rows_located_past_the_row_before_as_from_the_start() {
        // Rows after rows, in a quote, with CRLF, a short row, a last row without a line end.
        let text = "x\n\n|a|b|\n|-|-|\n|x|y|\n| é | w |\r\n|q\n\n> |a|b|\n> |-|-|\n>  |x|y|\n\n|c|d|\n|-|-|\n|e|f|";
        let located: Vec<(u32, u32)> = parse(text)
            .iter()
            .filter_map(|b| match b {
                Block::Table(t) => Some(t),
                _ => None,
            })
            .flat_map(|t| t.rows.iter().chain([&t.header]))
            .map(|row| (row[0].line, row[0].column))
            .collect();
        let mut fresh = Vec::new();
        for &(line, _) in &located {
            // Each row's first cell located again by a cursor that never skipped a row.
            let start: usize = text
                .split_inclusive('\n')
                .take(line as usize - 1)
                .map(str::len)
                .sum();
            let cell = start + text[start..].find('|').map_or(0, |pipe| pipe + 1);
            fresh.push(Cursor::new(text).at(cell));
        }
        assert_eq!(located, fresh);
        assert_eq!(located[0], (5, 2));
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
    fn cursor_agrees_with_counting_from_the_start_at_every_offset() {
        let text = "| a | б |\n|---|---|\n\n| дв | x\r\n\nz é\n";
        // Line: 1 + line ends before; column: 1 + characters (non-continuation bytes) since.
        let expected = |offset: usize| {
            let before = &text.as_bytes()[..offset];
            let line_start = before
                .iter()
                .rposition(|&b| b == b'\n')
                .map_or(0, |i| i + 1);
            let line = 1 + before.iter().filter(|&&b| b == b'\n').count() as u32;
            let chars = before[line_start..].iter().filter(|&&b| b & 0xC0 != 0x80);
            (line, 1 + chars.count() as u32)
        };
        // Every offset in order (character boundaries or not), then jumps back and forth.
        let mut c = Cursor::new(text);
        for offset in 0..=text.len() {
            assert_eq!(c.at(offset), expected(offset), "at {offset}");
        }
        for offset in [5, 3, 30, 12, 12, 0, text.len(), 13] {
            assert_eq!(c.at(offset), expected(offset), "at {offset}");
        }
    }
}
