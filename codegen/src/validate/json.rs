//! The JSON body of an example, read with every value located (byte offsets into the body), and
//! how far from strict JSON the docs wrote it.
//!
//! jsonc-parser does the reading: strictly first; then, as the docs need, with the `...`
//! ellipses of a shortened example blanked out (positions kept) and trailing commas allowed;
//! then with every repair it knows (comments, missing commas, single quotes, unquoted keys).
//! Each step says what it took, so the caller can tell a documented truncation from damage.

use jsonc_parser::ast::Value as Node;
use jsonc_parser::{parse_to_ast, CollectOptions, ParseOptions};
use serde_json::{Map, Number, Value};
use std::borrow::Cow;

/// How a body was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reading {
    /// Strict JSON.
    Strict,
    /// Strict JSON once its `...` ellipses (and the commas they leave) are taken out.
    Elided,
    /// Not strict JSON: read after repairs. The problem is the first strict-JSON error.
    Repaired(Problem),
}

/// A place in the body text and what is wrong there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Byte offset in the body text.
    pub offset: usize,
    /// What the reader expected, in its words.
    pub message: String,
}

/// The text a body is parsed from: the body with its ellipses blanked out (same length, same
/// offsets), and whether it had any.
pub struct Prepared<'a> {
    /// The text to parse.
    pub text: Cow<'a, str>,
    /// True when ellipses were blanked out.
    pub elided: bool,
}

/// Blanks out `...` and `…` outside strings, keeping every byte offset.
pub fn prepare(body: &str) -> Prepared<'_> {
    let bytes = body.as_bytes();
    let mut out: Option<Vec<u8>> = None;
    let mut in_string = false;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if in_string {
            match b {
                b'\\' => i += 1,
                b'"' => in_string = false,
                _ => {}
            }
        } else if b == b'"' {
            in_string = true;
        } else if bytes[i..].starts_with(b"...") || bytes[i..].starts_with("…".as_bytes()) {
            let dots = bytes[i..].iter().take_while(|&&c| c == b'.').count().max(3);
            let buf = out.get_or_insert_with(|| bytes.to_vec());
            buf[i..i + dots].fill(b' ');
            i += dots;
            continue;
        }
        i += 1;
    }
    match out {
        // Only ASCII was replaced by ASCII: still UTF-8.
        Some(buf) => Prepared {
            text: Cow::Owned(String::from_utf8(buf).unwrap_or_else(|_| body.to_owned())),
            elided: true,
        },
        None => Prepared {
            text: Cow::Borrowed(body),
            elided: false,
        },
    }
}

/// Options that accept strict JSON only, plus trailing commas when `trailing_commas`.
fn strict(trailing_commas: bool) -> ParseOptions {
    ParseOptions {
        allow_comments: false,
        allow_loose_object_property_names: false,
        allow_trailing_commas: trailing_commas,
        allow_missing_commas: false,
        allow_single_quoted_strings: false,
        allow_hexadecimal_numbers: false,
        allow_unary_plus_numbers: false,
        allow_bare_decimal_point_numbers: false,
        allow_non_finite_numbers: false,
        allow_extended_string_escapes: false,
    }
}

/// Parses a prepared body: the value (`None` when nothing but whitespace and ellipses) and how
/// it was read, or the problem that stopped even the most tolerant reading.
pub fn parse<'a>(prepared: &'a Prepared<'_>) -> Result<(Option<Node<'a>>, Reading), Problem> {
    let text: &str = &prepared.text;
    let collect = CollectOptions::default();
    let first_error = match parse_to_ast(text, &collect, &strict(false)) {
        Ok(r) if prepared.elided => return Ok((r.value, Reading::Elided)),
        Ok(r) => return Ok((r.value, Reading::Strict)),
        Err(e) => problem(&e),
    };
    if prepared.elided {
        // `[{...}, ...]` leaves `[{   },    ]`: the commas belong to the ellipses.
        if let Ok(r) = parse_to_ast(text, &collect, &strict(true)) {
            return Ok((r.value, Reading::Elided));
        }
    }
    match parse_to_ast(text, &collect, &ParseOptions::default()) {
        Ok(r) => Ok((r.value, Reading::Repaired(first_error))),
        Err(e) => Err(problem(&e)),
    }
}

fn problem(e: &jsonc_parser::errors::ParseError) -> Problem {
    Problem {
        offset: e.range().start,
        message: e.kind().to_string(),
    }
}

/// The plain JSON value of a node (numbers that serde_json cannot hold are kept as text).
pub fn to_value(node: &Node<'_>) -> Value {
    match node {
        Node::NullKeyword(_) => Value::Null,
        Node::BooleanLit(b) => Value::Bool(b.value),
        Node::NumberLit(n) => n
            .value
            .parse::<Number>()
            .map_or_else(|_| Value::String(n.value.to_owned()), Value::Number),
        Node::StringLit(s) => Value::String(s.value.to_string()),
        Node::Array(a) => Value::Array(a.elements.iter().map(to_value).collect()),
        Node::Object(o) => {
            let mut map = Map::new();
            for p in &o.properties {
                map.insert(p.name.as_str().to_owned(), to_value(&p.value));
            }
            Value::Object(map)
        }
    }
}

/// Byte offset of the start of a node.
pub fn start(node: &Node<'_>) -> usize {
    match node {
        Node::NullKeyword(n) => n.range.start,
        Node::BooleanLit(n) => n.range.start,
        Node::NumberLit(n) => n.range.start,
        Node::StringLit(n) => n.range.start,
        Node::Array(n) => n.range.start,
        Node::Object(n) => n.range.start,
    }
}

/// Lines and columns of byte offsets in a body whose first line is line `first_line` of a page.
pub struct LineIndex<'a> {
    text: &'a str,
    /// Byte offset of the start of each line.
    starts: Vec<usize>,
    first_line: u32,
}

impl<'a> LineIndex<'a> {
    /// An index of `text`, whose first line is page line `first_line`.
    pub fn new(text: &'a str, first_line: u32) -> LineIndex<'a> {
        let starts = std::iter::once(0)
            .chain(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1))
            .collect();
        LineIndex {
            text,
            starts,
            first_line,
        }
    }

    /// Page line and 1-based character column of a byte offset.
    pub fn at(&self, offset: usize) -> (u32, u32) {
        let offset = offset.min(self.text.len());
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let from = self.starts[line];
        let column = self.text.get(from..offset).map_or(0, |s| s.chars().count());
        (self.first_line + line as u32, column as u32 + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(body: &str) -> Result<(Value, Reading), Problem> {
        let p = prepare(body);
        let (node, reading) = parse(&p)?;
        Ok((node.as_ref().map_or(Value::Null, to_value), reading))
    }

    #[test]
    fn strict_json_is_strict() {
        let (v, r) = read(r#"{"a": [1, 2.5, "x..."], "b": null}"#).unwrap();
        assert_eq!(r, Reading::Strict);
        assert_eq!(v, serde_json::json!({"a": [1, 2.5, "x..."], "b": null}));
    }

    #[test]
    fn ellipses_are_elisions_and_keep_offsets() {
        let body = "{\n  \"value\": [\n    {\"id\": \"1\"},\n    ...\n  ]\n}";
        let p = prepare(body);
        assert!(p.elided);
        assert_eq!(p.text.len(), body.len());
        let (v, r) = read(body).unwrap();
        assert_eq!(r, Reading::Elided);
        assert_eq!(v, serde_json::json!({"value": [{"id": "1"}]}));
        let (v, r) = read("{ \"a\": 1, … }").unwrap();
        assert_eq!((v, r), (serde_json::json!({"a": 1}), Reading::Elided));
        let (v, r) = read("...").unwrap();
        assert_eq!((v, r), (Value::Null, Reading::Elided));
    }

    #[test]
    fn damage_is_repaired_and_located_at_the_first_strict_error() {
        let body = "{\n  \"a\": 1, // one\n  \"b\": 2,\n}";
        let (v, r) = read(body).unwrap();
        assert_eq!(v, serde_json::json!({"a": 1, "b": 2}));
        let Reading::Repaired(p) = r else {
            panic!("{r:?}")
        };
        assert_eq!(p.offset, body.find("//").unwrap());
        assert!(p.message.contains("Comments"), "{}", p.message);
    }

    #[test]
    fn hopeless_bodies_are_located_problems() {
        let body = "{\n  \"a\": ,\n}";
        let p = read(body).unwrap_err();
        assert_eq!(p.offset, body.find(',').unwrap());
        assert!(read("{\"a\": 1} trailing").is_err());
        let deep = "[".repeat(5_000);
        assert!(read(&deep).is_err());
    }

    #[test]
    fn numbers_too_big_for_serde_json_stay_text() {
        let (v, _) = read("[1e999999, 18446744073709551616]").unwrap();
        assert_eq!(v[1], serde_json::json!(18446744073709551616.0));
        assert!(v[0].is_string() || v[0].is_number());
    }

    #[test]
    fn line_index_gives_page_lines_and_character_columns() {
        let text = "{\n  \"é\": 1\n}";
        let index = LineIndex::new(text, 10);
        assert_eq!(index.at(0), (10, 1));
        assert_eq!(index.at(text.find('1').unwrap()), (11, 8));
        assert_eq!(index.at(text.len()), (12, 2));
        assert_eq!(index.at(usize::MAX), (12, 2));
    }
}
