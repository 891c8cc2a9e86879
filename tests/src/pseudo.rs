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
//! alone, see [`FirstColumn::Relationships`]). Sentence punctuation follows the locale. Left alone, as
//! translators leave them: front matter, HTML comments (the annotation), fenced code (the
//! JSON block), code spans, link targets, one-token link texts (type names), member names,
//! identifier-shaped tokens (`microsoft.graph.user`, `DateTimeOffset`, `Int32`, `GUID`), URLs
//! and HTML tags and entities.

use std::fmt::Write as _;

/// A made-up language.
#[derive(Debug, Clone, Copy)]
pub struct PseudoLocale {
    /// A short name for reports (`latin`).
    pub name: &'static str,
    /// Consonants of its syllables (one or more characters each).
    consonants: &'static [&'static str],
    /// Vowels of its syllables.
    vowels: &'static [&'static str],
    /// Sentence stop, comma and colon as the locale writes them, and whether a stop is followed
    /// by a space.
    stop: &'static str,
    comma: &'static str,
    colon: &'static str,
    spaced_stop: bool,
    /// Parentheses as the locale writes them in prose.
    parens: (&'static str, &'static str),
}

/// Latin letters, ASCII punctuation.
pub const LATIN: PseudoLocale = PseudoLocale {
    name: "latin",
    consonants: &[
        "b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "sh", "kr", "tl",
        "w", "y", "j",
    ],
    vowels: &["a", "e", "i", "o", "u"],
    stop: ".",
    comma: ",",
    colon: ":",
    spaced_stop: true,
    parens: ("(", ")"),
};

/// Greek letters, ASCII punctuation but a raised dot for the colon.
pub const GREEK: PseudoLocale = PseudoLocale {
    name: "greek",
    consonants: &[
        "β", "γ", "δ", "ζ", "θ", "κ", "λ", "μ", "ν", "ξ", "π", "ρ", "σ", "τ", "φ", "χ", "ψ", "μπ",
        "ντ", "γκ",
    ],
    vowels: &["α", "ε", "η", "ι", "ο", "υ", "ω"],
    stop: ".",
    comma: ",",
    colon: "·",
    spaced_stop: true,
    parens: ("(", ")"),
};

/// Katakana syllables with spaces between words, full-width punctuation (`。`, `、`, `：`,
/// `（）`) and no space after a stop.
pub const FULL_WIDTH: PseudoLocale = PseudoLocale {
    name: "full-width",
    consonants: &["k", "s", "t", "n", "h", "m", "r", "g", "b", "p"],
    vowels: &["a", "i", "u", "e", "o"],
    stop: "。",
    comma: "、",
    colon: "：",
    spaced_stop: false,
    parens: ("（", "）"),
};

/// Every pseudo-locale, in the order reports list them.
pub const LOCALES: &[PseudoLocale] = &[LATIN, GREEK, FULL_WIDTH];

/// Katakana for the romaji syllables of [`FULL_WIDTH`] (consonant row × vowel column).
const KANA: &[(&str, [char; 5])] = &[
    ("k", ['カ', 'キ', 'ク', 'ケ', 'コ']),
    ("s", ['サ', 'シ', 'ス', 'セ', 'ソ']),
    ("t", ['タ', 'チ', 'ツ', 'テ', 'ト']),
    ("n", ['ナ', 'ニ', 'ヌ', 'ネ', 'ノ']),
    ("h", ['ハ', 'ヒ', 'フ', 'ヘ', 'ホ']),
    ("m", ['マ', 'ミ', 'ム', 'メ', 'モ']),
    ("r", ['ラ', 'リ', 'ル', 'レ', 'ロ']),
    ("g", ['ガ', 'ギ', 'グ', 'ゲ', 'ゴ']),
    ("b", ['バ', 'ビ', 'ブ', 'ベ', 'ボ']),
    ("p", ['パ', 'ピ', 'プ', 'ペ', 'ポ']),
];

impl PseudoLocale {
    /// The opening parenthesis of the locale when `rest` (starting with `(`) has its closing
    /// one, else `(`.
    fn parens_open(&self, rest: &str) -> &'static str {
        if rest.contains(')') {
            self.parens.0
        } else {
            "("
        }
    }

    /// The made-up word for an English word (case-insensitive), capitalised like it.
    pub fn word(&self, english: &str) -> String {
        let lower = english.to_lowercase();
        // FNV-1a over the locale and the word: stable across runs and platforms.
        let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
        for b in self.name.bytes().chain([0]).chain(lower.bytes()) {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
        let syllables = match lower.chars().count() {
            0..=3 => 2,
            4..=6 => 3,
            _ => 4,
        };
        let mut out = String::new();
        for _ in 0..syllables {
            let c = (hash % self.consonants.len() as u64) as usize;
            hash /= self.consonants.len() as u64;
            let v = (hash % self.vowels.len() as u64) as usize;
            hash /= self.vowels.len() as u64;
            hash = hash.wrapping_mul(0x9e37_79b9_7f4a_7c15).rotate_left(17);
            if self.stop == "。" {
                let (_, row) = KANA[c % KANA.len()];
                out.push(row[v % 5]);
            } else {
                out.push_str(self.consonants[c]);
                out.push_str(self.vowels[v]);
            }
        }
        if english.chars().next().is_some_and(char::is_uppercase) {
            let mut chars = out.chars();
            if let Some(first) = chars.next() {
                return first.to_uppercase().chain(chars).collect();
            }
        }
        out
    }
}

/// True for a token translators leave alone: it holds a digit, `_` or `.`, or a capital after
/// its first letter (`Int32`, `microsoft.graph.user`, `DateTimeOffset`, `GUID`, `iOS`).
fn is_identifier_shaped(token: &str) -> bool {
    token
        .chars()
        .any(|c| c.is_ascii_digit() || c == '_' || c == '.')
        || token.chars().skip(1).any(char::is_uppercase)
}

/// Rewrites one English page into `locale` (see the module docs).
pub fn localise(page: &str, locale: &PseudoLocale) -> String {
    let (bom, text) = match page.strip_prefix('\u{feff}') {
        Some(rest) => ("\u{feff}", rest),
        None => ("", page),
    };
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let mut out = String::with_capacity(page.len() + page.len() / 2);
    out.push_str(bom);
    let mut state = State::default();
    let mut i = 0;
    // Front matter.
    if lines.first().is_some_and(|l| l.trim_end() == "---") {
        out.push_str(lines[0]);
        i = 1;
        while i < lines.len() {
            out.push_str(lines[i]);
            i += 1;
            if lines[i - 1].trim_end() == "---" {
                break;
            }
        }
    }
    while i < lines.len() {
        let line = lines[i];
        let next = lines.get(i + 1).copied();
        out.push_str(&state.line(line, next, locale));
        i += 1;
    }
    out
}

/// Where the rewriter stands in a page.
#[derive(Debug, Default)]
struct State {
    /// Inside a fenced code block opened by this fence.
    fence: Option<String>,
    /// Inside a multi-line HTML comment.
    comment: bool,
    /// The English key of the current H2 and H3 (`properties`, `agegroup-values`).
    section: String,
    sub: String,
    /// In a table: whether its first column holds property names, member names or other.
    table: Option<FirstColumn>,
    /// The index of the table's `Type` column, if its header has one.
    type_column: Option<usize>,
    /// The header row of a table was just written; the delimiter row comes next.
    in_header: bool,
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
    /// Enum member names (left alone).
    Members,
    /// Anything else (methods, values): prose.
    Other,
}

impl State {
    /// One line (with its line ending), rewritten; `next` is the following line.
    fn line(&mut self, line: &str, next: Option<&str>, locale: &PseudoLocale) -> String {
        let trimmed = line.trim_start();
        if let Some(fence) = &self.fence {
            if trimmed.starts_with(fence.as_str()) {
                self.fence = None;
            }
            return line.to_owned();
        }
        if self.comment {
            if line.contains("-->") {
                self.comment = false;
            }
            return line.to_owned();
        }
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            let marker: String = trimmed
                .chars()
                .take_while(|c| *c == '`' || *c == '~')
                .collect();
            self.fence = Some(marker);
            return line.to_owned();
        }
        if trimmed.starts_with("<!--") {
            let after = &trimmed[4..];
            if !after.contains("-->") {
                self.comment = true;
            }
            return line.to_owned();
        }
        let hashes = trimmed.chars().take_while(|c| *c == '#').count();
        if hashes > 0 && trimmed[hashes..].starts_with([' ', '\t', '\n', '\r']) {
            self.table = None;
            return self.heading(line, locale);
        }
        // Reference definitions: `[x]: url`.
        if trimmed.starts_with('[') && trimmed.contains("]:") && !trimmed.contains("](") {
            return line.to_owned();
        }
        if is_delimiter_row(line) {
            self.in_header = false;
            return line.to_owned();
        }
        if next.is_some_and(is_delimiter_row) && line.contains('|') {
            self.table = Some(self.first_column());
            self.type_column = split_cells(line)
                .iter()
                .position(|c| c.trim().trim_matches('*').eq_ignore_ascii_case("type"));
            self.in_header = true;
            return prose(line, locale);
        }
        if line.trim().is_empty() || !line.contains('|') {
            self.table = None;
        }
        let type_column = self.type_column;
        let cell = |i: usize, text: &str, first: fn(&str, &PseudoLocale) -> String| {
            if i == 0 {
                first(text, locale)
            } else if Some(i) == type_column {
                type_cell(text, locale)
            } else {
                prose(text, locale)
            }
        };
        match self.table {
            Some(FirstColumn::Properties) => row(line, |i, t| cell(i, t, name_cell)),
            Some(FirstColumn::Relationships) => row(line, |i, t| cell(i, t, |c, _| c.to_owned())),
            Some(FirstColumn::Members) => row(line, |i, t| {
                if i == 0 {
                    t.to_owned()
                } else {
                    prose(t, locale)
                }
            }),
            _ => prose(line, locale),
        }
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
        let (anchor, rest) = match text.strip_prefix("<a name=\"") {
            Some(after) => match after.split_once("\"></a>") {
                Some((name, rest)) => (name.to_ascii_lowercase(), rest),
                None => (slug(text), text),
            },
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
    let mut out = String::with_capacity(line.len() * 3 / 2);
    let lead = line.len() - line.trim_start().len();
    out.push_str(&line[..lead]);
    let mut rest = &line[lead..];
    if let Some(r) = rest.strip_prefix('|') {
        out.push('|');
        rest = r;
    }
    let mut i = 0;
    loop {
        let end = first_cell_end(rest);
        out.push_str(&cell(i, &rest[..end]));
        if end == rest.len() {
            break;
        }
        out.push('|');
        rest = &rest[end + 1..];
        i += 1;
    }
    out
}

/// The cells of a table row (outer pipes dropped), split like [`row`] splits them.
fn split_cells(line: &str) -> Vec<&str> {
    let mut rest = line.trim();
    rest = rest.strip_prefix('|').unwrap_or(rest);
    let mut cells = Vec::new();
    loop {
        let end = first_cell_end(rest);
        cells.push(&rest[..end]);
        if end == rest.len() {
            break;
        }
        rest = &rest[end + 1..];
    }
    cells
}

/// The byte length of the first cell: up to the first `|` that is neither escaped nor inside
/// a code span.
fn first_cell_end(cells: &str) -> usize {
    let mut in_code = false;
    let mut escaped = false;
    for (i, c) in cells.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '`' => in_code = !in_code,
            '|' if !in_code => return i,
            _ => {}
        }
    }
    cells.len()
}

/// Words of type cells that are English, not type names (type names are lowerCamel words, and
/// a bare `mutability` may name an enum): translated with the primitive spellings
/// (`String`, `Boolean`) and capitalised words.
const TYPE_CELL_WORDS: &[&str] = &[
    "collection",
    "of",
    "or",
    "and",
    "a",
    "an",
    "the",
    "array",
    "list",
    "object",
    "objects",
    "nullable",
    "optional",
    "required",
    "read",
    "only",
    "readonly",
    "deprecated",
    "see",
    "below",
    "value",
    "values",
    "set",
    "default",
    "max",
    "maximum",
    "length",
    "characters",
    "format",
    "url",
    "uri",
    "json",
    "string",
    "boolean",
    "int",
    "integer",
    "number",
    "numeric",
    "binary",
    "stream",
    "date",
    "time",
    "datetime",
    "timestamp",
    "duration",
    "guid",
    "double",
    "single",
    "decimal",
    "byte",
    "long",
    "float",
];

/// A type cell: English words translated (see [`TYPE_CELL_WORDS`]), type names and links
/// left alone.
fn type_cell(cell: &str, locale: &PseudoLocale) -> String {
    let mut out = String::with_capacity(cell.len() * 2);
    let mut rest = cell;
    while !rest.is_empty() {
        // Links and code as prose reads them (one-token link texts stay).
        if rest.starts_with(['[', '`', '<', '(']) {
            let end = match rest.as_bytes()[0] {
                b'[' => rest
                    .find(')')
                    .filter(|_| rest.contains("]("))
                    .map_or(1, |e| e + 1),
                b'`' => rest[1..].find('`').map_or(1, |e| e + 2),
                b'<' => rest.find('>').map_or(1, |e| e + 1),
                _ => 1,
            };
            let piece = &rest[..end];
            out.push_str(&if piece.starts_with('[') && piece.contains(' ') {
                prose(piece, locale)
            } else if piece == "(" {
                locale.parens_open(rest).to_owned()
            } else {
                piece.to_owned()
            });
            rest = &rest[end..];
            continue;
        }
        let c = rest.chars().next().unwrap_or(' ');
        if c.is_alphabetic() {
            let end = rest
                .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '.'))
                .unwrap_or(rest.len());
            let word = &rest[..end];
            let english = TYPE_CELL_WORDS.contains(&word.to_lowercase().as_str())
                || word.chars().next().is_some_and(char::is_uppercase)
                    && !is_identifier_shaped(word);
            out.push_str(&if english {
                locale.word(word)
            } else {
                word.to_owned()
            });
            rest = &rest[end..];
            continue;
        }
        match c {
            ')' => out.push_str(locale.parens.1),
            ',' => out.push_str(locale.comma),
            c => out.push(c),
        }
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// A name cell: a single lowercase word of four letters or more is translated (as machine
/// translation does), anything else left alone.
fn name_cell(cell: &str, locale: &PseudoLocale) -> String {
    let word = cell.trim();
    if word.len() >= 4 && word.chars().all(|c| c.is_ascii_lowercase()) {
        cell.replacen(word, &locale.word(word), 1)
    } else {
        cell.to_owned()
    }
}

/// Prose: words translated, punctuation localised; code spans, link targets, one-token link
/// texts, HTML, entities, URLs and identifier-shaped tokens left alone.
fn prose(text: &str, locale: &PseudoLocale) -> String {
    let mut out = String::with_capacity(text.len() * 3 / 2);
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let at = |k: usize| chars.get(k).map(|&(_, c)| c);
    let byte = |k: usize| chars.get(k).map_or(text.len(), |&(i, _)| i);
    // Byte offsets of the `)` that close a `(` written the locale's way.
    let mut closing: Vec<usize> = Vec::new();
    let mut k = 0;
    while k < chars.len() {
        let c = chars[k].1;
        let rest = &text[byte(k)..];
        if rest.starts_with("http://") || rest.starts_with("https://") {
            let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
            out.push_str(&rest[..end]);
            k = chars.partition_point(|&(i, _)| i < byte(k) + end);
            continue;
        }
        match c {
            '\\' => {
                // An escape: the next character as it is.
                let end = (k + 2).min(chars.len());
                out.push_str(&text[byte(k)..byte(end)]);
                k = end;
            }
            '`' => {
                let run = chars[k..].iter().take_while(|(_, c)| *c == '`').count();
                let fence: String = "`".repeat(run);
                let start = byte(k + run);
                match text[start..].find(&fence) {
                    Some(len) => {
                        let end = start + len + run;
                        out.push_str(&text[byte(k)..end]);
                        k = chars.partition_point(|&(i, _)| i < end);
                    }
                    None => {
                        out.push_str(&fence);
                        k += run;
                    }
                }
            }
            '<' => {
                let rest = &text[byte(k)..];
                let end = if rest.starts_with("<!--") {
                    rest.find("-->").map(|e| e + 3)
                } else {
                    rest.find('>').map(|e| e + 1)
                };
                let end = end.unwrap_or(1);
                out.push_str(&rest[..end]);
                k = chars.partition_point(|&(i, _)| i < byte(k) + end);
            }
            '&' => {
                let rest = &text[byte(k)..];
                let entity = rest[1..]
                    .find(';')
                    .filter(|&e| e > 0 && e < 10)
                    .filter(|&e| {
                        rest[1..=e]
                            .chars()
                            .all(|c| c.is_ascii_alphanumeric() || c == '#')
                    });
                let end = entity.map_or(1, |e| e + 2);
                out.push_str(&rest[..end]);
                k = chars.partition_point(|&(i, _)| i < byte(k) + end);
            }
            ']' if at(k + 1) == Some('(') => {
                // A link target, as written.
                let rest = &text[byte(k)..];
                let end = matching_paren(rest, 1).map_or(1, |e| e + 1);
                out.push_str(&rest[..end]);
                k = chars.partition_point(|&(i, _)| i < byte(k) + end);
            }
            ']' if at(k + 1) == Some('[') => {
                // A reference label.
                let rest = &text[byte(k)..];
                let end = rest[1..].find(']').map_or(1, |e| e + 2);
                out.push_str(&rest[..end]);
                k = chars.partition_point(|&(i, _)| i < byte(k) + end);
            }
            '[' => {
                // A one-token link text (a type name) stays.
                let rest = &text[byte(k)..];
                if let Some(close) = rest.find(']') {
                    let inner = &rest[1..close];
                    let linked = rest[close + 1..].starts_with(['(', '[']);
                    if linked && !inner.contains(char::is_whitespace) && !inner.contains('[') {
                        out.push_str(&rest[..close]);
                        k = chars.partition_point(|&(i, _)| i < byte(k) + close);
                        continue;
                    }
                }
                out.push('[');
                k += 1;
            }
            c if c.is_alphanumeric() || c == '_' => {
                let start = k;
                while k < chars.len() {
                    let c = chars[k].1;
                    let joins = c == '.' || c == '/' || c == ':' || c == '@';
                    if c.is_alphanumeric()
                        || c == '_'
                        || joins && at(k + 1).is_some_and(|n| n.is_alphanumeric())
                    {
                        k += 1;
                    } else {
                        break;
                    }
                }
                let token = &text[byte(start)..byte(k)];
                if token.contains("://")
                    || token.contains('/')
                    || token.contains('@')
                    || is_identifier_shaped(token)
                {
                    out.push_str(token);
                } else if token.contains(':') {
                    // `word:word`: each side alone.
                    let parts: Vec<String> =
                        token.split(':').map(|w| translate(w, locale)).collect();
                    out.push_str(&parts.join(":"));
                } else {
                    out.push_str(&translate(token, locale));
                }
            }
            '.' | '?' | '!' if ends_sentence(at(k + 1)) => {
                out.push_str(locale.stop);
                if !locale.spaced_stop && at(k + 1) == Some(' ') {
                    k += 1;
                }
                k += 1;
            }
            ',' if at(k + 1) == Some(' ') => {
                out.push_str(locale.comma);
                k += 1;
            }
            ':' if ends_sentence(at(k + 1)) => {
                out.push_str(locale.colon);
                k += 1;
            }
            '(' if k > 0 && at(k - 1) == Some(' ') => {
                if let Some(close) = matching_paren(rest, 0) {
                    closing.push(byte(k) + close);
                    out.push_str(locale.parens.0);
                } else {
                    out.push('(');
                }
                k += 1;
            }
            ')' if closing.contains(&byte(k)) => {
                out.push_str(locale.parens.1);
                k += 1;
            }
            _ => {
                out.push(c);
                k += 1;
            }
        }
    }
    out
}

/// True when what follows a `.` ends the sentence: a space, a line end, a pipe or nothing.
fn ends_sentence(next: Option<char>) -> bool {
    next.is_none_or(|n| n.is_whitespace() || n == '|')
}

/// The byte offset of the `)` closing the `(` at byte `open` of `text`.
fn matching_paren(text: &str, open: usize) -> Option<usize> {
    let mut depth = 0usize;
    for (i, c) in text[open..].char_indices() {
        match c {
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth == 0 {
                    return Some(open + i);
                }
            }
            _ => {}
        }
    }
    None
}

/// A word translated, unless it is identifier-shaped.
fn translate(word: &str, locale: &PseudoLocale) -> String {
    if word.is_empty() || is_identifier_shaped(word) || !word.chars().any(char::is_alphabetic) {
        word.to_owned()
    } else {
        locale.word(word)
    }
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

/// A one-line summary of how the words of `locale` look (for test output).
pub fn sample(locale: &PseudoLocale) -> String {
    let mut out = String::new();
    for w in [
        "Inherits",
        "from",
        "String",
        "Boolean",
        "collection",
        "Properties",
        "Type",
    ] {
        let _ = write!(out, "{w}={} ", locale.word(w));
    }
    out.trim_end().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_stable_and_code_stays() {
        assert_eq!(
            LATIN.word("String"),
            LATIN.word("string").replacen(
                LATIN.word("string").chars().next().unwrap(),
                &LATIN
                    .word("string")
                    .chars()
                    .next()
                    .unwrap()
                    .to_uppercase()
                    .to_string(),
                1
            )
        );
        let page = "# user resource type\n\nNamespace: microsoft.graph\n\nInherits from [directoryObject](directoryobject.md).\n\n## Properties\n| Property | Type | Description |\n|:--|:--|:--|\n| aboutMe | String collection | A `freeform` text. Read-only. |\n| owner | [identitySet](identityset.md) | The owner, see [the docs](https://x.y/z). |\n\n<!-- {\"blockType\": \"resource\"} -->\n```json\n{\"aboutMe\": [\"String\"]}\n```\n";
        let out = localise(page, &FULL_WIDTH);
        assert!(out.contains("<a name=\"properties\"></a>"), "{out}");
        assert!(out.contains("microsoft.graph"), "{out}");
        assert!(
            out.contains("[directoryObject](directoryobject.md)。"),
            "{out}"
        );
        assert!(out.contains("| aboutMe |"), "{out}");
        assert!(!out.contains("| owner |"), "{out}");
        assert!(out.contains("`freeform`"), "{out}");
        assert!(out.contains("(https://x.y/z)"), "{out}");
        assert!(
            out.contains("<!-- {\"blockType\": \"resource\"} -->"),
            "{out}"
        );
        assert!(out.contains("{\"aboutMe\": [\"String\"]}"), "{out}");
        assert!(!out.contains("Inherits"), "{out}");
        assert!(!out.contains("String collection"), "{out}");
        assert!(!out.contains("Properties"), "{out}");
    }
}
