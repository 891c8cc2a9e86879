//! The writer of generated source: lines at an indentation, written directly as text in the
//! layout prettyplease gives them, so that emitting a whole docs tree costs about as much as
//! writing its bytes (building token streams, parsing them with syn and printing them with
//! prettyplease was most of `generate`'s time).
//!
//! prettyplease still lays out what the writer cannot know the layout of: a line longer than
//! [`WIDTH`] (which prettyplease may break at its margin), and text the user gave (attributes,
//! mapped types). Such a piece — an item, or a single field or variant — is parsed and printed
//! by prettyplease inside wrappers that put it at the same depth, so the file reads exactly as
//! if prettyplease had printed all of it (`tests/tests/golden.rs` and the whole-tree tests
//! check that it is prettyplease's own layout).

use super::docs::for_each_doc_line;

/// The longest line (indentation included, doc comments aside) written as it is: prettyplease's
/// margin, past which it may break a line (`the_width_is_prettyplease_margin` pins it); a longer
/// line goes through prettyplease.
const WIDTH: usize = 89;

/// One indentation step, as prettyplease indents.
const INDENT: &str = "    ";

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
}

/// What a piece laid out by prettyplease is wrapped in to be parsed: an item, or a field or
/// variant (inside a struct or enum one level up).
#[derive(Clone, Copy)]
pub(super) enum Piece {
    /// Items of a module.
    Items,
    /// A struct field (with its attributes).
    Field,
    /// An enum variant (with its attributes).
    Variant,
}

impl Code {
    /// An empty text whose lines start at `depth`.
    pub(super) fn new(depth: usize) -> Code {
        Code {
            // Most items are a few hundred bytes: growing from empty was a fifth of emit.
            text: String::with_capacity(1024),
            start: depth,
            depth,
            needs_layout: false,
        }
    }

    /// The depth of the next line.
    pub(super) fn depth(&self) -> usize {
        self.depth
    }

    /// Whether `parts`, written as one line at `depth`, fit in [`WIDTH`].
    fn fits(depth: usize, parts: &[&str]) -> bool {
        depth * INDENT.len() + parts.iter().map(|p| p.len()).sum::<usize>() <= WIDTH
    }

    /// Writes one line of code (not a doc comment) at the current depth.
    pub(super) fn line(&mut self, line: &str) {
        if !Code::fits(self.depth, &[line]) {
            self.needs_layout = true;
        }
        self.indented(line);
    }

    /// Writes `{head}<{inner}>{tail}` (a field `pub x: Nullable<T>,`), on one line when it fits,
    /// else as prettyplease breaks a generic type's one argument: `{head}<`, the argument and a
    /// comma one level deeper, `>{tail}`. When even those lines do not fit, prettyplease lays
    /// the piece out.
    pub(super) fn generic_line(&mut self, head: &str, inner: &str, tail: &str) {
        let fits = Code::fits;
        if fits(self.depth, &[head, "<", inner, ">", tail]) {
            self.indented(&format!("{head}<{inner}>{tail}"));
        } else if fits(self.depth, &[head, "<"]) && fits(self.depth + 1, &[inner, ","]) {
            self.indented(&format!("{head}<"));
            self.depth += 1;
            self.indented(&format!("{inner},"));
            self.depth -= 1;
            self.indented(&format!(">{tail}"));
        } else {
            self.needs_layout = true;
            self.indented(&format!("{head}<{inner}>{tail}"));
        }
    }

    /// Writes a line the user wrote (an attribute, a type): prettyplease lays it out.
    pub(super) fn user_line(&mut self, line: &str) {
        self.needs_layout = true;
        self.indented(line);
    }

    /// Writes a line and goes one level deeper (`pub struct X {`).
    pub(super) fn open(&mut self, line: &str) {
        self.line(line);
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

    /// Doc comments: the docs' own `description` (escaped), then the generator's `about` line.
    pub(super) fn docs(&mut self, description: &str, about: &str) {
        let mut described = false;
        for_each_doc_line(description, |fence, line| {
            described = true;
            self.push_indent();
            for part in ["/// ", fence, line, "\n"] {
                self.text.push_str(part);
            }
        });
        if !about.is_empty() {
            if described {
                self.doc("");
            }
            self.push_indent();
            for part in ["/// ", about, "\n"] {
                self.text.push_str(part);
            }
        }
    }

    /// Writes an attribute (`#[cfg(...)]`), laid out on its own by prettyplease when it is
    /// too long for a line or `from_user`.
    pub(super) fn attribute(&mut self, attribute: &str, from_user: bool) {
        if !from_user && Code::fits(self.depth, &[attribute]) {
            self.indented(attribute);
            return;
        }
        // An attribute's layout does not depend on what it is attached to.
        let item = format!("{attribute}\nstruct W;\n");
        let laid = laid_out(&item, self.depth, Piece::Items);
        let end = laid.trim_end_matches('\n').rfind('\n').map_or(0, |i| i + 1);
        self.text.push_str(&laid[..end]);
    }

    /// Appends `piece` (written at this code's current depth), laid out by prettyplease as a
    /// `kind` when it needs it.
    pub(super) fn append(&mut self, piece: Code, kind: Piece) {
        debug_assert_eq!(piece.start, self.depth);
        self.text.push_str(&piece.finish(kind));
    }

    /// Appends text that is never laid out (a `support::object!` table: prettyplease would fill
    /// its rows like prose), each line at the current depth.
    pub(super) fn verbatim_lines<'a>(&mut self, lines: impl IntoIterator<Item = &'a str>) {
        for line in lines {
            self.indented(line);
        }
    }

    /// The text, laid out by prettyplease as `kind` if some line needs it.
    pub(super) fn finish(self, kind: Piece) -> String {
        if self.needs_layout {
            laid_out(&self.text, self.start, kind)
        } else {
            self.text
        }
    }

    /// Writes the indentation and `line`.
    fn indented(&mut self, line: &str) {
        self.push_indent();
        self.text.push_str(line);
        self.text.push('\n');
    }

    /// Writes the current depth's indentation.
    fn push_indent(&mut self) {
        for _ in 0..self.depth {
            self.text.push_str(INDENT);
        }
    }
}

/// `code` (a piece of kind `kind` at `depth`) as prettyplease lays it out: parsed inside
/// modules (and a struct or enum for a field or variant) that put it at the same depth.
fn laid_out(code: &str, depth: usize, kind: Piece) -> String {
    let (levels, wrapper) = match kind {
        Piece::Items => (depth, None),
        Piece::Field => (depth - 1, Some("struct W {")),
        Piece::Variant => (depth - 1, Some("enum W {")),
    };
    let mut wrapped = "mod m {\n".repeat(levels);
    wrapped.extend(wrapper.map(|w| format!("{w}\n")));
    wrapped.push_str(code);
    let closing = levels + usize::from(wrapper.is_some());
    wrapped.push_str(&"}\n".repeat(closing));
    let file = syn::parse_file(&wrapped).expect("generated code is valid Rust");
    let printed = prettyplease::unparse(&file);
    let lines: Vec<&str> = printed.lines().collect();
    let mut out = String::with_capacity(code.len());
    for line in &lines[closing..lines.len() - closing] {
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
        code.close("}");
        assert_eq!(
            code.finish(Piece::Items),
            "    /// A thing.\n    ///\n    /// About it.\n    pub struct X {\n        pub a: u8,\n    }\n"
        );
    }

    #[test]
    fn the_width_is_prettyplease_margin() {
        // A field line of exactly `WIDTH` columns stays whole; one column more, prettyplease
        // breaks it.
        let field = |width: usize| {
            let name = "x".repeat(width - "    pub : support::Nullable<String>,".len());
            format!("    pub {name}: support::Nullable<String>,\n")
        };
        assert_eq!(laid_out(&field(WIDTH), 1, Piece::Field), field(WIDTH));
        assert_ne!(
            laid_out(&field(WIDTH + 1), 1, Piece::Field),
            field(WIDTH + 1)
        );
    }

    #[test]
    fn a_long_generic_field_breaks_as_prettyplease_breaks_it() {
        let write = |inner: &str| {
            let mut field = Code::new(2);
            field.generic_line(
                "pub last_modified_date_time: super::support::Nullable",
                inner,
                ",",
            );
            field.finish(Piece::Field)
        };
        // The last argument is too long for its own line: prettyplease lays it out.
        let nested = "super::support::Expanded<Vec<AVeryLongTypeNameThatMakesTheArgumentLineLongerThanTheMargin>>";
        for inner in ["u8", "super::support::DateTimeOffset", nested] {
            let written = write(inner);
            let line = format!(
                "        pub last_modified_date_time: super::support::Nullable<{inner}>,\n"
            );
            assert_eq!(written, laid_out(&line, 2, Piece::Field), "{inner}");
        }
        assert!(write("u8").lines().count() == 1);
        assert!(write("super::support::DateTimeOffset").lines().count() == 3);
    }

    #[test]
    fn long_lines_and_user_text_are_laid_out_by_prettyplease() {
        let mut field = Code::new(2);
        field.doc(" Docs are never broken, however long they are: prettyplease keeps them whole.");
        field.line("pub last_modified_date_time: super::support::Nullable<super::support::DateTimeOffset>,");
        assert_eq!(
            field.finish(Piece::Field),
            "        /// Docs are never broken, however long they are: prettyplease keeps them whole.\n        \
             pub last_modified_date_time: super::support::Nullable<\n            super::support::DateTimeOffset,\n        >,\n"
        );
        let mut variant = Code::new(1);
        variant.user_line("#[doc(alias=\"x\")]");
        variant.line("X(Box<X>),");
        assert_eq!(
            variant.finish(Piece::Variant),
            "    #[doc(alias = \"x\")]\n    X(Box<X>),\n"
        );
        let mut item = Code::new(0);
        item.attribute("#[derive(  Hash)]", true);
        assert_eq!(item.finish(Piece::Items), "#[derive(Hash)]\n");
    }
}
