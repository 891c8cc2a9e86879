//! The writer of generated source: lines at an indentation, written directly as text in the
//! layout prettyplease gives them, so that emitting a whole docs tree costs about as much as
//! writing its bytes (building token streams, parsing them with syn and printing them with
//! prettyplease was most of `generate`'s time).
//!
//! prettyplease still lays out what the writer cannot know the layout of: an item with a line
//! longer than [`WIDTH`] (which prettyplease may break at its margin), and the user's
//! attributes. Such an item is parsed and printed by prettyplease inside modules that put it
//! at the same depth, so the file reads as if prettyplease had printed it
//! (`tests/tests/golden.rs` and the whole-tree tests check that it is prettyplease's own
//! layout). The bodies of the `support` table macros (`open_verbatim`, `verbatim_lines`) are
//! never laid out: prettyplease would fill their rows like prose.

use super::docs::push_doc_line;
use super::files::Piece;

/// The longest line (indentation included, doc comments aside) written as it is: prettyplease's
/// margin, past which it may break a line (`the_width_is_prettyplease_margin` pins it); a longer
/// line goes through prettyplease.
const WIDTH: usize = 89;

/// One indentation step, as prettyplease indents.
const INDENT: &str = "    ";

/// Where an item written in place begins ([`Code::begin_item`]).
pub(super) struct ItemStart {
    /// The length of the text before it.
    at: usize,
    /// The depth it is written at.
    depth: usize,
    /// Whether the text before it needed layout.
    needs_layout: bool,
}

/// Source text being written at a depth of nesting (modules, then braces).
pub(super) struct Code {
    /// The text written so far.
    text: String,
    /// The depth the code started at.
    start: usize,
    /// The depth of the next line.
    depth: usize,
    /// Some line is too long to be sure of its layout, or came from the user.
    needs_layout: bool,
    /// Where each line of `text` that does not start with a space starts (the lines written
    /// at depth 0), in order: what spaces the items apart ([`Piece::top_lines`]).
    top_lines: Vec<usize>,
}

impl Code {
    /// An empty text whose lines start at `depth`.
    #[cfg(test)]
    pub(super) fn new(depth: usize) -> Code {
        // Most items are a few hundred bytes: growing from empty was a fifth of emit.
        Code::with_capacity(depth, 1024)
    }

    /// An empty text whose lines start at `depth`, with room for `capacity` bytes.
    pub(super) fn with_capacity(depth: usize, capacity: usize) -> Code {
        Code {
            text: String::with_capacity(capacity),
            start: depth,
            depth,
            needs_layout: false,
            top_lines: Vec::new(),
        }
    }

    /// Whether `parts`, written as one line at `depth`, fit in [`WIDTH`].
    fn fits_at(depth: usize, parts: &[&str]) -> bool {
        depth * INDENT.len() + parts.iter().map(|p| p.len()).sum::<usize>() <= WIDTH
    }

    /// Whether `parts`, written as one line at the current depth, fit in [`WIDTH`] (else the
    /// item is laid out by prettyplease).
    pub(super) fn fits(&self, parts: &[&str]) -> bool {
        Code::fits_at(self.depth, parts)
    }

    /// Writes one line of code (not a doc comment) at the current depth.
    pub(super) fn line(&mut self, line: &str) {
        if !Code::fits_at(self.depth, &[line]) {
            self.needs_layout = true;
        }
        self.indented(line);
    }

    /// Writes one line of code made of `parts` (not a doc comment) at the current depth, as
    /// [`Code::line`] writes their concatenation.
    pub(super) fn line_of(&mut self, parts: &[&str]) {
        if !Code::fits_at(self.depth, parts) {
            self.needs_layout = true;
        }
        self.push_indent();
        for part in parts {
            self.text.push_str(part);
        }
        self.text.push('\n');
    }

    /// Writes a line and goes one level deeper (`pub struct X {`).
    pub(super) fn open(&mut self, line: &str) {
        self.line(line);
        self.depth += 1;
    }

    /// Writes a line made of `parts` (see [`Code::line_of`]) and goes one level deeper.
    pub(super) fn open_of(&mut self, parts: &[&str]) {
        self.line_of(parts);
        self.depth += 1;
    }

    /// Comes back one level and writes a line (`}`).
    pub(super) fn close(&mut self, line: &str) {
        self.depth -= 1;
        self.line(line);
    }

    /// Writes `///` and `text` (which starts with a space, or is empty): prettyplease's
    /// layout of `#[doc = "text"]`.
    pub(super) fn doc(&mut self, text: &str) {
        self.push_indent();
        self.text.push_str("///");
        self.text.push_str(text);
        self.text.push('\n');
    }

    /// Doc comments: the docs' own `description` (escaped, on one line), then the generator's
    /// `about` line.
    pub(super) fn docs(&mut self, description: &str, about: &str) {
        self.docs_with(description, |text| text.push_str(about));
    }

    /// [`Code::docs`] with the `about` line's text appended by `about` to the code being
    /// written (no line when it appends nothing).
    pub(super) fn docs_with(&mut self, description: &str, about: impl FnOnce(&mut String)) {
        let line_start = self.text.len();
        self.push_indent();
        self.text.push_str("/// ");
        let described = push_doc_line(&mut self.text, description);
        if described {
            self.text.push('\n');
        } else {
            self.truncate(line_start);
        }
        // The blank line between them, then the `about` line: both taken back when `about`
        // appends nothing.
        let about_line = self.text.len();
        if described {
            self.doc("");
        }
        self.push_indent();
        self.text.push_str("/// ");
        let about_start = self.text.len();
        about(&mut self.text);
        if self.text.len() > about_start {
            self.text.push('\n');
        } else {
            self.truncate(about_line);
        }
    }

    /// Writes an attribute (`#[cfg(...)]`), laid out on its own by prettyplease when it is
    /// too long for a line or `from_user`.
    pub(super) fn attribute(&mut self, attribute: &str, from_user: bool) {
        if !from_user && Code::fits_at(self.depth, &[attribute]) {
            self.indented(attribute);
            return;
        }
        // An attribute's layout does not depend on what it is attached to.
        let item = format!("{attribute}\nstruct W;\n");
        let laid = laid_out(&item, self.depth);
        let end = laid.trim_end_matches('\n').rfind('\n').map_or(0, |i| i + 1);
        self.push_laid_out(&laid[..end]);
    }

    /// Writes a line that is never laid out (it opens a table macro's body, or a block
    /// inside one) and goes one level deeper.
    pub(super) fn open_verbatim(&mut self, line: &str) {
        self.indented(line);
        self.depth += 1;
    }

    /// Comes back one level and writes a line that is never laid out (see
    /// [`Code::open_verbatim`]).
    pub(super) fn close_verbatim(&mut self, line: &str) {
        self.depth -= 1;
        self.indented(line);
    }

    /// Starts an item written in place, at the current depth: [`Code::end_item`] lays out what
    /// is written from here on by prettyplease if it needs it, as [`Code::finish`] lays out a
    /// whole text. (Writing each item into a text of its own and copying it in was a tenth of
    /// emit.)
    pub(super) fn begin_item(&mut self) -> ItemStart {
        let start = ItemStart {
            at: self.text.len(),
            depth: self.depth,
            needs_layout: self.needs_layout,
        };
        self.needs_layout = false;
        start
    }

    /// Ends the item begun at `start` (back at its depth): lays it out by prettyplease when
    /// some line of it needs it.
    pub(super) fn end_item(&mut self, start: ItemStart) {
        debug_assert_eq!(self.depth, start.depth);
        if self.needs_layout {
            let laid = laid_out(&self.text[start.at..], start.depth);
            self.truncate(start.at);
            self.push_laid_out(&laid);
        }
        self.needs_layout = start.needs_layout;
    }

    /// Appends text that is never laid out (a `support::object!` table: prettyplease would fill
    /// its rows like prose), each line at the current depth.
    pub(super) fn verbatim_lines<'a>(&mut self, lines: impl IntoIterator<Item = &'a str>) {
        for line in lines {
            self.indented(line);
        }
    }

    /// Writes a line that is never laid out (see [`Code::verbatim_lines`]), whose text `write`
    /// appends to the string it is given: a table row written in place, with no string of its
    /// own.
    pub(super) fn verbatim_line_with(&mut self, write: impl FnOnce(&mut String)) {
        self.push_indent();
        write(&mut self.text);
        self.text.push('\n');
    }

    /// The text, laid out by prettyplease if some line needs it.
    #[cfg(test)]
    pub(super) fn finish(self) -> String {
        self.into_piece().text
    }

    /// The text as a piece of the output, laid out by prettyplease if some line needs it: with
    /// the starts of its lines that do not start with a space, unless it was laid out whole.
    pub(super) fn into_piece(self) -> Piece {
        if self.needs_layout {
            Piece {
                text: laid_out(&self.text, self.start),
                top_lines: None,
            }
        } else {
            Piece {
                text: self.text,
                top_lines: Some(self.top_lines),
            }
        }
    }

    /// Takes the text back to its first `len` bytes (a line start), and the line starts past
    /// them.
    fn truncate(&mut self, len: usize) {
        self.text.truncate(len);
        while self.top_lines.last().is_some_and(|&start| start >= len) {
            self.top_lines.pop();
        }
    }

    /// Appends text laid out by prettyplease (whole lines), noting where its lines that do
    /// not start with a space start.
    fn push_laid_out(&mut self, laid: &str) {
        let from = self.text.len();
        self.text.push_str(laid);
        let mut start = from;
        while start < self.text.len() {
            if !self.text[start..].starts_with(' ') {
                self.top_lines.push(start);
            }
            start = match memchr::memchr(b'\n', &self.text.as_bytes()[start..]) {
                Some(end) => start + end + 1,
                None => self.text.len(),
            };
        }
    }

    /// Writes the indentation and `line`.
    fn indented(&mut self, line: &str) {
        self.push_indent();
        self.text.push_str(line);
        self.text.push('\n');
    }

    /// Writes the current depth's indentation (at depth 0, notes where the line starts).
    fn push_indent(&mut self) {
        if self.depth == 0 {
            self.top_lines.push(self.text.len());
        }
        for _ in 0..self.depth {
            self.text.push_str(INDENT);
        }
    }
}

/// Attributes the user wrote (checked to parse), as prettyplease lays them out, on one line:
/// for a table row, where each row is one line. A doc comment (which prettyplease prints as
/// `///`, and which would make the rest of the row a comment) is written as `#[doc = ".."]`.
pub(super) fn attributes_on_one_line(attributes: &str) -> String {
    let laid = laid_out(&format!("{attributes}\nstruct W;\n"), 0);
    let mut lines: Vec<&str> = laid.lines().map(str::trim).collect();
    lines.pop();
    let mut out = String::with_capacity(attributes.len());
    for line in lines {
        let joined = out.ends_with('(') || out.ends_with('[') || line.starts_with(')');
        if !out.is_empty() && !joined {
            out.push(' ');
        }
        match line.strip_prefix("///") {
            Some(doc) => {
                out.push_str("#[doc = ");
                out.push_str(&super::ident::string_literal(doc));
                out.push(']');
            }
            None => out.push_str(line),
        }
    }
    out
}

/// `code` (items at `depth`) as prettyplease lays it out: parsed inside modules that put it
/// at the same depth.
pub(super) fn laid_out(code: &str, depth: usize) -> String {
    let mut wrapped = "mod m {\n".repeat(depth);
    wrapped.push_str(code);
    wrapped.push_str(&"}\n".repeat(depth));
    let file = syn::parse_file(&wrapped).expect("generated code is valid Rust");
    let printed = prettyplease::unparse(&file);
    let lines: Vec<&str> = printed.lines().collect();
    let mut out = String::with_capacity(code.len());
    for line in &lines[depth..lines.len() - depth] {
        out.push_str(line);
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_lines_are_written_as_given() {
        let mut code = Code::new(1);
        code.docs("A thing.", "About it.");
        code.open("pub struct X {");
        code.line("pub a: u8,");
        code.line_of(&["pub b", ": u8", ","]);
        code.close("}");
        assert_eq!(
            code.finish(),
            "    /// A thing.\n    ///\n    /// About it.\n    pub struct X {\n        pub a: u8,\n        pub b: u8,\n    }\n"
        );
    }

    #[test]
    fn the_width_is_prettyplease_margin() {
        // A field line of exactly `WIDTH` columns stays whole; one column more, prettyplease
        // breaks it.
        let item = |width: usize| {
            let name = "x".repeat(width - "    pub : support::Nullable<String>,".len());
            format!("pub struct W {{\n    pub {name}: support::Nullable<String>,\n}}\n")
        };
        assert_eq!(laid_out(&item(WIDTH), 0), item(WIDTH));
        assert_ne!(laid_out(&item(WIDTH + 1), 0), item(WIDTH + 1));
    }

    #[test]
    fn long_lines_and_user_text_are_laid_out_by_prettyplease() {
        let mut item = Code::new(1);
        item.doc(" Docs are never broken, however long they are: prettyplease keeps them whole.");
        item.open("pub struct W {");
        item.line("pub last_modified_date_time: super::support::Nullable<super::support::DateTimeOffset>,");
        item.close("}");
        assert_eq!(
            item.finish(),
            "    /// Docs are never broken, however long they are: prettyplease keeps them whole.\n    \
             pub struct W {\n        pub last_modified_date_time: super::support::Nullable<\n            \
             super::support::DateTimeOffset,\n        >,\n    }\n"
        );
        let mut item = Code::new(0);
        item.attribute("#[derive(  Hash)]", true);
        assert_eq!(item.finish(), "#[derive(Hash)]\n");
    }

    #[test]
    fn the_lines_that_start_with_no_space_are_noted_as_written() {
        let mut code = Code::new(0);
        code.docs("", "");
        code.docs("A thing;", "About it.");
        let item = code.begin_item();
        code.attribute("#[derive(  Hash)]", true);
        code.open("pub struct W {");
        code.line("pub last_modified_date_time: super::support::Nullable<super::support::DateTimeOffset>,");
        code.close("}");
        code.end_item(item);
        code.open_verbatim("support::object! {");
        code.docs("", "");
        code.docs("Row.", "");
        code.verbatim_lines(["\"a\" => a: u8,"]);
        code.close_verbatim("}");
        code.line("struct A;");
        let piece = code.into_piece();
        assert_eq!(
            piece.top_lines,
            Some(super::super::files::tests::top_lines(&piece.text)),
            "{}",
            piece.text
        );
    }

    #[test]
    fn table_bodies_are_written_as_given_and_user_attributes_fit_on_a_row() {
        let mut table = Code::new(0);
        table.open_verbatim("support::object! {");
        let long = format!("\"{0}\" => {0}: {1},", "x".repeat(60), "Y".repeat(40));
        table.verbatim_lines([long.as_str()]);
        table.close_verbatim("}");
        assert_eq!(
            table.finish(),
            format!("support::object! {{\n    {long}\n}}\n")
        );
        assert_eq!(
            attributes_on_one_line("#[doc(alias=\"x\")]   #[allow( dead_code )]"),
            "#[doc(alias = \"x\")] #[allow(dead_code)]"
        );
        let wide = format!(
            "#[doc(alias = \"{}\", alias = \"{}\")]",
            "a".repeat(50),
            "b".repeat(50)
        );
        let one = attributes_on_one_line(&wide);
        assert!(
            !one.contains('\n') && one.starts_with("#[doc(alias") && one.ends_with(")]"),
            "{one}"
        );
        let parsed: syn::File = syn::parse_str(&format!("{one} struct W;")).unwrap();
        assert_eq!(parsed.items.len(), 1);
        assert_eq!(
            attributes_on_one_line("/// A pin.\n#[doc(alias = \"pin\")]"),
            "#[doc = \" A pin.\"] #[doc(alias = \"pin\")]"
        );
    }
}
