//! Broken and hostile variants of real pages, and pathological pages of any size: the inputs of
//! the robustness tests (`tests/robustness.rs`) and of the scaling benchmark
//! (`examples/scaling.rs`).

use crate::{corpus, workspace};
use std::fmt::Write as _;

/// A real page: its file name and bytes.
#[derive(Debug, Clone)]
pub struct Seed {
    /// The file name (`user.md`).
    pub name: String,
    /// The bytes, as committed.
    pub bytes: Vec<u8>,
}

/// Corpus pages chosen for variety: a large resource page (`user`), an enum page, a page of
/// `### x values` enums, an inherited base, a machine-translated page, old revisions with a BOM
/// and with CRLF line endings.
pub const CORPUS_SEEDS: &[&str] = &[
    "en-US/2021-07-16/v1.0/resources/user.md",
    "en-US/2021-07-16/v1.0/resources/intune-devices-actionstate.md",
    "en-US/2021-07-16/v1.0/resources/enums-callrecords.md",
    "en-US/2021-07-16/v1.0/resources/intune-devices-deviceactionresult.md",
    "ru-RU/2023-02-03/beta/resources/intune-devices-deviceactionresult.md",
    "history/en-US/intune-devices-actionstate/2018-04-20_ac8d6b6a90.md",
    "history/en-US/intune-devices-deviceactionresult/2018-12-14_413170557a.md",
];

/// The founding page (always present) plus, when the corpus is there, [`CORPUS_SEEDS`]. `test`
/// names the caller in the message printed when the corpus is absent (see [`corpus`]).
pub fn seeds(test: &str) -> Vec<Seed> {
    let founding = workspace().join("docs-input/intune-devices-resetpasscodeactionresult.md");
    let mut out = vec![Seed {
        name: "intune-devices-resetpasscodeactionresult.md".into(),
        bytes: std::fs::read(founding).expect("docs-input is part of the repository"),
    }];
    if let Some(dir) = corpus(test) {
        for rel in CORPUS_SEEDS {
            let path = dir.join(rel);
            let bytes = std::fs::read(&path)
                .unwrap_or_else(|e| panic!("{}: corpus seed unreadable: {e}", path.display()));
            // History revisions are named by date: use the page name they stand for.
            let name = match rel.strip_prefix("history/") {
                Some(h) => format!("{}.md", h.split('/').nth(1).unwrap_or("page")),
                None => rel.rsplit('/').next().unwrap_or(rel).to_owned(),
            };
            out.push(Seed { name, bytes });
        }
    }
    out
}

/// One way of damaging a page. Positions are taken modulo the page's length (in bytes or in
/// lines), so every value is meaningful for every page.
#[derive(Debug, Clone)]
pub enum Mutation {
    /// Cut the page at a byte (possibly inside a UTF-8 sequence).
    Truncate(usize),
    /// Replace a byte.
    Flip(usize, u8),
    /// Insert bytes (often invalid UTF-8 or hostile text) at a byte position.
    Insert(usize, Vec<u8>),
    /// Repeat a line this many times.
    DuplicateLine(usize, usize),
    /// Shuffle the lines with a seed.
    ShuffleLines(u64),
    /// Append this many copies of the page's last table row (a huge table).
    HugeTable(usize),
    /// Prefix a line with this many nested containers of a kind.
    Nest(usize, Nesting, usize),
    /// Insert bytes as a line of their own before a line.
    InsertLine(usize, Vec<u8>),
    /// Give the page's type (its first `"@odata.type"` value) a name, JSON-escaped.
    RenameType(&'static str),
    /// Rename the first key of the page's JSON block (JSON-escaped).
    RenameKey(&'static str),
    /// Put a UTF-8 byte order mark in front.
    Bom,
    /// Turn every `\n` into `\r\n`.
    Crlf,
}

/// Containers that nest.
#[derive(Debug, Clone, Copy)]
pub enum Nesting {
    /// `> > > x`
    BlockQuote,
    /// `- - - x`
    List,
    /// `<!-- <!-- <!-- x --> --> -->`
    Comment,
    /// `<div><div><div>x`
    Html,
}

fn lines(bytes: &[u8]) -> Vec<Vec<u8>> {
    bytes
        .split_inclusive(|&b| b == b'\n')
        .map(<[u8]>::to_vec)
        .collect()
}

/// xorshift64*: a tiny deterministic generator for shuffles (quality is irrelevant here).
fn next(state: &mut u64) -> u64 {
    *state ^= *state >> 12;
    *state ^= *state << 25;
    *state ^= *state >> 27;
    state.wrapping_mul(0x2545_f491_4f6c_dd1d)
}

impl Mutation {
    /// Applies the mutation to `page`.
    pub fn apply(&self, page: &mut Vec<u8>) {
        let len = page.len().max(1);
        match self {
            Mutation::Truncate(at) => page.truncate(at % len),
            Mutation::Flip(at, byte) => {
                if !page.is_empty() {
                    page[at % len] = *byte;
                }
            }
            Mutation::Insert(at, bytes) => {
                let at = (at % len).min(page.len());
                page.splice(at..at, bytes.iter().copied());
            }
            Mutation::DuplicateLine(line, times) => {
                let mut ls = lines(page);
                if !ls.is_empty() {
                    let i = line % ls.len();
                    let copy = ls[i].clone();
                    for _ in 0..*times {
                        ls.insert(i, copy.clone());
                    }
                    *page = ls.concat();
                }
            }
            Mutation::ShuffleLines(seed) => {
                let mut ls = lines(page);
                let mut state = seed | 1;
                for i in (1..ls.len()).rev() {
                    let j = (next(&mut state) % (i as u64 + 1)) as usize;
                    ls.swap(i, j);
                }
                *page = ls.concat();
            }
            Mutation::HugeTable(rows) => {
                let ls = lines(page);
                let row = ls
                    .iter()
                    .rev()
                    .find(|l| l.starts_with(b"|"))
                    .cloned()
                    .unwrap_or_else(|| b"|name|String|text|\n".to_vec());
                let mut row = row;
                if !row.ends_with(b"\n") {
                    row.push(b'\n');
                }
                let at = ls
                    .iter()
                    .rposition(|l| l.starts_with(b"|"))
                    .map_or(ls.len(), |i| i + 1);
                let mut out: Vec<u8> = ls[..at].concat();
                for _ in 0..*rows {
                    out.extend_from_slice(&row);
                }
                out.extend(ls[at..].concat());
                *page = out;
            }
            Mutation::Nest(line, kind, depth) => {
                let mut ls = lines(page);
                let i = if ls.is_empty() { 0 } else { line % ls.len() };
                let (open, close): (&str, &str) = match kind {
                    Nesting::BlockQuote => ("> ", ""),
                    Nesting::List => ("- ", ""),
                    Nesting::Comment => ("<!-- ", " -->"),
                    Nesting::Html => ("<div>", "</div>"),
                };
                let mut prefix = open.repeat(*depth).into_bytes();
                if let Some(l) = ls.get(i) {
                    prefix.extend_from_slice(l);
                }
                if !close.is_empty() {
                    while prefix.last() == Some(&b'\n') {
                        prefix.pop();
                    }
                    prefix.extend(close.repeat(*depth).bytes());
                    prefix.push(b'\n');
                }
                if ls.is_empty() {
                    ls.push(prefix);
                } else {
                    ls[i] = prefix;
                }
                *page = ls.concat();
            }
            Mutation::InsertLine(line, bytes) => {
                let mut ls = lines(page);
                let at = if ls.is_empty() { 0 } else { line % ls.len() };
                let mut l = bytes.clone();
                l.push(b'\n');
                ls.insert(at, l);
                *page = ls.concat();
            }
            Mutation::RenameType(name) => {
                replace_string_after(page, b"\"@odata.type\"", name.as_bytes());
            }
            Mutation::RenameKey(name) => {
                replace_string_after(page, b"```json", name.as_bytes());
            }
            Mutation::Bom => {
                page.splice(0..0, [0xef, 0xbb, 0xbf]);
            }
            Mutation::Crlf => {
                let mut out = Vec::with_capacity(page.len() + page.len() / 32);
                for &b in page.iter() {
                    if b == b'\n' {
                        out.push(b'\r');
                    }
                    out.push(b);
                }
                *page = out;
            }
        }
    }
}

/// Replaces the contents of the first JSON string literal after the first `marker` (the value of
/// `"@odata.type": "..."`, the first key of a JSON block) with `with`.
fn replace_string_after(page: &mut Vec<u8>, marker: &[u8], with: &[u8]) {
    let find = |from: usize, what: &[u8]| {
        page.get(from..)?
            .windows(what.len())
            .position(|w| w == what)
            .map(|i| from + i)
    };
    let Some(m) = find(0, marker) else { return };
    let Some(open) = find(m + marker.len(), b"\"") else {
        return;
    };
    let Some(close) = find(open + 1, b"\"") else {
        return;
    };
    page.splice(open + 1..close, with.iter().copied());
}

/// Names (as JSON string contents) for types and properties: control and bidi characters,
/// backticks, keywords, names of the prelude and of crates, digits, quotes, empty.
pub const HOSTILE_NAMES: &[&str] = &[
    "microsoft.graph.a\\r\\u202eb`",
    "microsoft.graph.std.option",
    "microsoft.graph.serde.string",
    "microsoft.graph.self",
    "microsoft.graph.3d",
    "microsoft.graph.\\u0000\\u001b[31m",
    "microsoft.graph.\\\"); } mod injected { fn pwned() { (\\\"",
    "microsoft.graph.",
    "..",
    "type",
    "\\r\\n```rust",
    "additionalProperties",
    "Self",
];

/// Text worth inserting into a page: Markdown and Rust syntax, code that tries to escape doc
/// comments and string literals, invalid UTF-8, control and bidirectional characters.
pub const HOSTILE_SNIPPETS: &[&[u8]] = &[
    b"*/ } mod injected { pub fn pwned() {} } /*",
    b"\" ); include!(\"/etc/passwd\"); (\"",
    b"#[cfg(any())] #![no_std] macro_rules! m { () => {} }",
    b"\\\\ \\\" \\u{0} \\n",
    b"\n```rust\nfn main() { std::process::exit(1) }\n```\n",
    b"|type|self|super|\n|-|-|-|\n|crate|Self|_|\n",
    b"<!-- {\"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.std.Option\"} -->\n",
    b"<!-- {\"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.a\\r\\u202eb`\"} -->\n",
    b"[x](x.md) [`a`](#a-values) [[[[[[[[ ]]]]]]]] ((((((",
    b"\xff\xfe\xc3\x28\xed\xa0\x80\xf0\x28\x8c\xbc",
    b"\r\r\n\x00\x07\x1b[31m\x7f",
    "\u{202e}\u{2066}\u{feff}\u{200b}кириллица😀".as_bytes(),
    b"````````````````````````````````|||||||||||||||||||||",
];

/// A resource page whose property table has `rows` rows (and a JSON block listing them all).
pub fn big_table(rows: usize) -> String {
    let mut page = String::from(
        "<!-- {\"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.big\"} -->\n\n## Properties\n|Property|Type|Description|\n|:---|:---|:---|\n",
    );
    for i in 0..rows {
        let _ = writeln!(
            page,
            "|p{i}|[kind{}](kind{}.md)|Values: `a{i}`, `b{i}`.|",
            i % 7,
            i % 7
        );
    }
    page.push_str("\n## JSON representation\n```json\n{\n");
    for i in 0..rows {
        let _ = writeln!(page, "  \"p{i}\": \"String\",");
    }
    page.push_str("  \"@odata.type\": \"#microsoft.graph.big\"\n}\n```\n");
    page
}

/// A property table with `rows` rows whose names match no JSON key (translated names).
pub fn unmatched_table(rows: usize) -> String {
    let mut page = String::from(
        "<!-- {\"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.t\"} -->\n```json\n{\"k\": \"String\"}\n```\n## Properties\n|Свойство|Тип|Описание|\n|-|-|-|\n",
    );
    for i in 0..rows {
        let _ = writeln!(page, "|свойство{}|Строка|x|", letters(i));
    }
    page
}

/// An enum page with `members` members.
pub fn big_enum(members: usize) -> String {
    let mut page =
        String::from("# big enum type\n\n## Members\n|Member|Value|Description|\n|-|-|-|\n");
    for i in 0..members {
        let _ = writeln!(page, "|m{i}|{i}|member {i}|");
    }
    page
}

/// `n` as a string of Cyrillic letters (names that all map to the same ASCII identifier).
fn letters(mut n: usize) -> String {
    let mut s = String::new();
    loop {
        s.push(char::from_u32('а' as u32 + (n % 32) as u32).unwrap_or('а'));
        n /= 32;
        if n == 0 {
            return s;
        }
    }
}

/// A table with `columns` columns and as many rows of one cell each.
pub fn wide_table(columns: usize) -> String {
    let mut page = String::from("## Properties\n");
    page.push_str(&"|a".repeat(columns));
    page.push_str("|\n");
    page.push_str(&"|-".repeat(columns));
    page.push_str("|\n");
    for _ in 0..columns {
        page.push_str("|x|\n");
    }
    page
}

/// `count` tables of 200 columns over 200 one-cell rows (the shape that makes a Markdown
/// parser pad rows × columns cells).
pub fn wide_tables(count: usize) -> String {
    let table = format!(
        "{}|\n{}|\n{}\n",
        "|a".repeat(200),
        "|-".repeat(200),
        "|x|\n".repeat(200)
    );
    format!("## Properties\n{}", table.repeat(count))
}

/// `depth` nested containers of a kind around one paragraph.
pub fn nested(kind: Nesting, depth: usize) -> String {
    match kind {
        Nesting::BlockQuote => format!("{}text\n", "> ".repeat(depth)),
        Nesting::List => (0..depth)
            .map(|i| format!("{}- item\n", "  ".repeat(i.min(40))))
            .chain(std::iter::once(format!("{}text\n", "- ".repeat(depth))))
            .collect(),
        Nesting::Comment => format!("{}x{}\n", "<!-- ".repeat(depth), " -->".repeat(depth)),
        Nesting::Html => format!(
            "<div>\n{}x{}\n",
            "<div>".repeat(depth),
            "</div>".repeat(depth)
        ),
    }
}

/// One line of `len` copies of `unit` inside a properties section (in a table cell and alone).
pub fn long_line(unit: &str, len: usize) -> String {
    let run = unit.repeat(len);
    format!("## Properties\n|Property|Type|Description|\n|-|-|-|\n|p|{run}|{run}|\n\n{run}\n")
}

/// A JSON block of `keys` keys and a value nested `depth` deep.
pub fn big_json(keys: usize, depth: usize) -> String {
    let mut page = String::from(
        "<!-- {\"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.j\"} -->\n```json\n{\n",
    );
    for i in 0..keys {
        let _ = writeln!(page, "  \"k{i}\": \"String\", // comment {i}");
    }
    let _ = writeln!(
        page,
        "  \"deep\": {}1{},",
        "[".repeat(depth),
        "]".repeat(depth)
    );
    page.push_str("}\n```\n");
    page
}

/// A type cell made of `n` collection words (`collection collection ... string`).
pub fn long_type_cell(n: usize) -> String {
    format!(
        "<!-- {{\"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.c\"}} -->\n## Properties\n|Property|Type|Description|\n|-|-|-|\n|p|{}String|x|\n|q|{}x|y|\n",
        "collection ".repeat(n),
        "Коллекция İ ".repeat(n)
    )
}

/// A cell with `n` backticked values (possible values lists).
pub fn many_values(n: usize) -> String {
    let values: String = (0..n).map(|i| format!("`v{i}`, ")).collect();
    format!(
        "<!-- {{\"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.v\"}} -->\n## Properties\n|Property|Type|Description|\n|-|-|-|\n|p|[e](e.md)|{values}|\n|q|[e](e.md)|{values}|\n"
    )
}

/// `depth` resource pages (file name and text), `t{i}` deriving from `t{i-1}`, two properties
/// each.
pub fn inheritance_chain(depth: usize) -> Vec<(String, String)> {
    (0..depth)
        .map(|i| {
            let base = if i == 0 {
                String::new()
            } else {
                format!(", \"baseType\": \"microsoft.graph.t{}\"", i - 1)
            };
            let page = format!(
                "<!-- {{\"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.t{i}\"{base}}} -->\n```json\n{{\"a{i}\": \"String\", \"b{i}\": 1}}\n```\n## Properties\n|Property|Type|Description|\n|-|-|-|\n|a{i}|String|x|\n|b{i}|Int32|y|\n"
            );
            (format!("chain/t{i}.md"), page)
        })
        .collect()
}

/// Every pathological page family, by name, at size `n` (the sizes the tests and the benchmark
/// use are multiples of a base size per family).
pub fn pathological(n: usize) -> Vec<(&'static str, String)> {
    vec![
        ("table rows", big_table(n)),
        ("unmatched rows", unmatched_table(n)),
        ("enum members", big_enum(n)),
        ("table columns", wide_table(n / 10)),
        ("wide tables", wide_tables(n / 100)),
        ("nested quotes", nested(Nesting::BlockQuote, n / 2)),
        ("nested lists", nested(Nesting::List, n / 2)),
        ("nested comments", nested(Nesting::Comment, n / 2)),
        ("nested html", nested(Nesting::Html, n / 2)),
        ("backticks", long_line("`", n * 10)),
        ("pipes", long_line("|", n * 10)),
        ("brackets", long_line("[", n * 10)),
        ("links", long_line("[a](", n * 5)),
        ("emphasis", long_line("*a_", n * 5)),
        ("entities", long_line("&quot;", n * 5)),
        ("json keys", big_json(n, 100)),
        ("deep json", big_json(1, n)),
        ("type cell words", long_type_cell(n / 4)),
        ("possible values", many_values(n)),
    ]
}
