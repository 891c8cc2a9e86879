//! Table rows mended in the raw page text, before pulldown-cmark reads it.
//!
//! Two things GFM gets wrong for the docs are fixed on the text itself, keeping every line where
//! it is: pipes inside code spans (GFM splits cells before reading code spans) are escaped, and
//! overly wide tables (which pulldown-cmark pads into millions of cells) are blanked out.

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
pub(super) fn escape_row(line: &str) -> Option<String> {
    // Quick rejection: a pipe inside a code span lies between the first and last backtick.
    let (first, last) = (
        memchr::memchr(b'`', line.as_bytes())?,
        memchr::memrchr(b'`', line.as_bytes())?,
    );
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

/// A delimiter row wider than [`MAX_TABLE_COLUMNS`].
#[derive(Debug, PartialEq)]
struct WideRow {
    /// Byte offset of the row's first byte.
    start: usize,
    /// Byte offset after the row's line end.
    end: usize,
    /// How many cells it delimits.
    columns: usize,
    /// 1-based line.
    line: u32,
}

/// The delimiter rows of `text` ([`is_delimiter_row`]) wider than [`MAX_TABLE_COLUMNS`], and
/// the offsets of the tabs of the other ones. Only
/// the lines holding a `-` are looked at, found by one memchr pass (a delimiter row has one):
/// looking at every line was a fortieth of parsing a tree.
fn delimiter_rows(text: &str) -> (Vec<WideRow>, Vec<usize>) {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut tabs = Vec::new();
    // Lines before `counted` (a line start) and how many they are.
    let (mut counted, mut lines_before) = (0usize, 0u32);
    let mut from = 0;
    while let Some(dash) = memchr::memchr(b'-', &bytes[from..]).map(|i| from + i) {
        // The line around the dash, with its end, as `split_inclusive('\n')` gives it.
        let end = memchr::memchr(b'\n', &bytes[dash..]).map_or(bytes.len(), |i| dash + i + 1);
        // Most dashes stand in words and links (`intune-devices`): a byte before the dash that
        // no delimiter row holds rules the line out without finding its start.
        if dash > 0 && !is_delimiter_row_byte(bytes[dash - 1]) {
            from = end;
            continue;
        }
        let start = memchr::memrchr(b'\n', &bytes[from..dash]).map_or(from, |i| from + i + 1);
        let line = &text[start..end];
        if is_delimiter_row(line) {
            let columns = delimited_columns(line);
            if columns > MAX_TABLE_COLUMNS {
                lines_before += memchr::memchr_iter(b'\n', &bytes[counted..start]).count() as u32;
                counted = start;
                found.push(WideRow {
                    start,
                    end,
                    columns,
                    line: lines_before + 1,
                });
            } else {
                tabs.extend(line.match_indices('\t').map(|(i, _)| start + i));
            }
        }
        from = end;
    }
    (found, tabs)
}

/// How many cells a delimiter row delimits: its runs of dashes, counted at their first dashes
/// (byte by byte: splitting the line by characters cost a twentieth of finding the rows).
fn delimited_columns(line: &str) -> usize {
    dash_runs(line.as_bytes())
}

/// How many runs of dashes `bytes` holds (see [`delimited_columns`]).
fn dash_runs(bytes: &[u8]) -> usize {
    (0..bytes.len())
        .filter(|&i| bytes[i] == b'-' && (i == 0 || bytes[i - 1] != b'-'))
        .count()
}

/// True for a line that can be a table's delimiter row: only spaces, tabs, pipes, colons,
/// dashes and `>`, with a pipe and a dash.
fn is_delimiter_row(line: &str) -> bool {
    // The byte test first: it stops at the first letter of almost every other line.
    line.bytes().all(is_delimiter_row_byte) && line.contains('|') && line.contains('-')
}

/// True for the bytes a delimiter row is made of (see [`is_delimiter_row`]).
fn is_delimiter_row_byte(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\r' | b'\n' | b'|' | b':' | b'-' | b'>')
}

/// Tables wider than this are not read as tables (real pages have at most 6 columns).
/// pulldown-cmark pads every short row to the header width (up to 2^18 cells per table, each
/// table), so a wide header over many short rows turns a few bytes per row into thousands of
/// cells: 50 tables of 500 columns and 500 one-cell rows (200 kB) took 1.7 GB.
pub const MAX_TABLE_COLUMNS: usize = 32;

/// The fewest bytes a delimiter row wider than [`MAX_TABLE_COLUMNS`] takes: a dash for each
/// of its cells and a byte between every two.
const MIN_WIDE_ROW: usize = 2 * (MAX_TABLE_COLUMNS + 1) - 1;

/// False when no line of `text` can be changed by [`defuse_wide_tables`], proved cheaply: a
/// tab is needed to change a narrow delimiter row, and a wide one is a line of at least
/// [`MIN_WIDE_ROW`] delimiter-row bytes. Bytes are looked at [`MIN_WIDE_ROW`] apart, which
/// lands one in every such line; only the run of delimiter-row bytes around one that is such a
/// byte (mostly a lone space) is read whole, and its dashes counted as the row's columns.
/// Finding the dashes of every line was a fiftieth of parsing a tree that has no wide row.
fn may_need_defusing(text: &str) -> bool {
    let bytes = text.as_bytes();
    if memchr::memchr(b'\t', bytes).is_some() {
        return true;
    }
    // Within a line: a delimiter row's run ends at its line end.
    let in_row = |b: u8| b != b'\n' && is_delimiter_row_byte(b);
    let mut at = 0;
    while let Some(&b) = bytes.get(at) {
        if !in_row(b) {
            at += MIN_WIDE_ROW;
            continue;
        }
        let start = at - bytes[..at].iter().rev().take_while(|&&b| in_row(b)).count();
        let end = at + bytes[at..].iter().take_while(|&&b| in_row(b)).count();
        if end - start >= MIN_WIDE_ROW && dash_runs(&bytes[start..end]) > MAX_TABLE_COLUMNS {
            return true;
        }
        // The next byte looked at is the one that ended the run: runs are read once.
        at = end;
    }
    false
}

/// Blanks out, with spaces (so offsets and lines stay), every table delimiter row of more than
/// [`MAX_TABLE_COLUMNS`] cells, so that its table is read as plain text; and turns the tabs of
/// the other delimiter rows into spaces (`|---\t\t|`, which GFM does not take for a delimiter
/// row: the whole table would be read as text). Returns the new text and the (1-based line,
/// columns) of each row blanked, or `None` when nothing changed.
pub fn defuse_wide_tables(text: &str) -> Option<(String, Vec<(u32, usize)>)> {
    if !may_need_defusing(text) {
        return None;
    }
    let (found, tabs) = delimiter_rows(text);
    if found.is_empty() && tabs.is_empty() {
        return None;
    }
    let mut out = text.as_bytes().to_vec();
    for i in tabs {
        out[i] = b' ';
    }
    let mut rows = Vec::with_capacity(found.len());
    for WideRow {
        start,
        end,
        columns,
        line,
    } in found
    {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::markdown::{blocks, Block};

    fn parse(text: &str) -> Vec<Block<'static>> {
        // Leaked: the blocks borrow the text for the rest of the test.
        let text: &'static str = Box::leak(text.to_owned().into_boxed_str());
        blocks(text, 0, Box::leak(Box::default()))
    }

    /// [`delimiter_rows`] as it was first written: every line looked at.
    fn delimiter_rows_line_by_line(text: &str) -> (Vec<WideRow>, Vec<usize>) {
        let mut found = Vec::new();
        let mut tabs = Vec::new();
        let mut start = 0;
        for (number, line) in (1u32..).zip(text.split_inclusive('\n')) {
            if is_delimiter_row(line) {
                let columns = delimited_columns(line);
                if columns > MAX_TABLE_COLUMNS {
                    found.push(WideRow {
                        start,
                        end: start + line.len(),
                        columns,
                        line: number,
                    });
                } else {
                    tabs.extend(line.match_indices('\t').map(|(i, _)| start + i));
                }
            }
            start += line.len();
        }
        (found, tabs)
    }

    #[test]
    fn columns_are_the_runs_of_dashes() {
        for line in [
            "",
            "-",
            "|-|",
            "|:--|--:|\n",
            "- a -- b",
            "a-",
            "-é-",
            "---|-|---",
        ] {
            let runs = line
                .split(|c: char| c != '-')
                .filter(|r| !r.is_empty())
                .count();
            assert_eq!(delimited_columns(line), runs, "{line:?}");
        }
    }

    #[test]
    fn delimiter_rows_are_found_from_their_dashes() {
        let wide = format!("{}|", "|-".repeat(MAX_TABLE_COLUMNS + 1));
        let texts = [
            String::new(),
            "-".to_owned(),
            "|-|\n".to_owned(),
            "a-b\n|-|-|\n|--\t|\r\nx\n".to_owned(),
            format!("|a|\n{wide}\n|x|\n\n- item\n{wide}"),
            format!("---\ntitle: a-b\n---\n|a|b|\n|:-|-:|\n|1|2|\n{wide}\n  |-|\t-|\n"),
            "> |-|\n>|-|\n\n\n|-\n-|".to_owned(),
            // Dashes in words, before and among delimiter rows.
            format!("[x](intune-devices-x.md)\n{wide}\nb-c |-|\n{wide}\n|-|-\n-a-|\n"),
        ];
        for text in &texts {
            assert_eq!(
                delimiter_rows(text),
                delimiter_rows_line_by_line(text),
                "{text:?}"
            );
        }
    }

    #[test]
    fn texts_without_tabs_or_long_delimiter_runs_need_no_defusing() {
        let wide = format!("{}|", "|-".repeat(MAX_TABLE_COLUMNS + 1));
        assert_eq!(wide.trim_matches('|').len(), MIN_WIDE_ROW);
        // A wide row wherever it starts, between words and delimiter bytes.
        for pad in 0..=MIN_WIDE_ROW + 2 {
            let rows = [wide.as_str(), wide.trim_matches('|')];
            for ((before, after), row) in [("", ""), ("|-| ", " :"), (">", "\r")]
                .into_iter()
                .flat_map(|around| rows.map(|row| (around, row)))
            {
                let text = format!("{}\n{before}{row}{after}\n|a|", "a".repeat(pad));
                assert!(may_need_defusing(&text), "{text:?}");
                assert!(defuse_wide_tables(&text).is_some(), "{text:?}");
            }
        }
        assert!(may_need_defusing("|a|\t|\n"));
        let narrow = format!("{}|\n", "|-".repeat(MAX_TABLE_COLUMNS));
        let padded = format!("| a{} |\n", " ".repeat(3 * MIN_WIDE_ROW));
        for text in [
            "",
            "-",
            "|a|b|\n|-|-|\n|1|2|\n",
            "a - b - c\n",
            &narrow,
            &padded,
        ] {
            let text = text.repeat(40);
            assert!(!may_need_defusing(&text), "{text:?}");
            assert!(defuse_wide_tables(&text).is_none(), "{text:?}");
        }
    }

    #[test]
    fn delimiter_rows_with_tabs_are_delimiter_rows() {
        let text = "| Property | Type\t\t|\n| -------- |------\t \t|\n| lastShared\t| [sharingDetail](x.md)\t|\n";
        let (mended, rows) = defuse_wide_tables(text).unwrap();
        assert!(rows.is_empty());
        assert_eq!(mended.len(), text.len());
        assert!(
            mended.lines().nth(2).unwrap().contains('\t'),
            "only delimiter rows change"
        );
        assert!(matches!(parse(&mended).as_slice(), [Block::Table(t)] if t.rows.len() == 1));
        assert!(!parse(text).iter().any(|b| matches!(b, Block::Table(_))));
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
