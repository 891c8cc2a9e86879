//! Rendering a [`DiffReport`]: text for a terminal, a Markdown pull-request comment, or JSON.

use super::{Change, DiffReport};
use crate::diag::Severity;
use crate::docs_text::Printable;
use std::fmt::Write as _;

/// Changes grouped by type, in report order.
fn by_type(report: &DiffReport) -> Vec<(&str, Vec<&Change>)> {
    let mut groups: Vec<(&str, Vec<&Change>)> = Vec::new();
    let mut sorted: Vec<&Change> = report.changes.iter().collect();
    sorted.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    for c in sorted {
        match groups.last_mut() {
            Some((t, list)) if *t == c.type_name => list.push(c),
            _ => groups.push((&c.type_name, vec![c])),
        }
    }
    groups
}

/// `n word` or `n words`.
fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// The last line of the text rendering: counts per severity and type totals.
fn summary_line(report: &DiffReport) -> String {
    let s = &report.summary;
    format!(
        "{} ({}, {}, {}); types: {} added, {} removed, {} changed",
        plural(report.changes.len(), "change"),
        plural(s.severities.error, "error"),
        plural(s.severities.warning, "warning"),
        plural(s.severities.info, "info"),
        s.types_added,
        s.types_removed,
        s.types_changed
    )
}

/// The severities in the order of the Markdown table.
const SEVERITIES: [Severity; 3] = [Severity::Error, Severity::Warning, Severity::Info];

/// Renders the report for a terminal: one block per type (its qualified name, then one line per
/// change: `  severity[kind]: message (wire: …, rust api: …)`), then a summary line. Names and
/// messages are written as [`Diagnostic`](crate::diag::Diagnostic)s are: control characters and
/// bidirectional overrides from the docs become `\u{..}` escapes.
///
/// With `color`, type names are bold and severities coloured (ANSI escapes from `anstyle`);
/// print through `anstream`, which strips them when the output is not a terminal or
/// `NO_COLOR` is set.
pub fn render_text(report: &DiffReport, color: bool) -> String {
    use anstyle::{AnsiColor, Style};
    let paint = |style: Style, text: &str| {
        if color {
            format!("{style}{text}{style:#}")
        } else {
            text.to_owned()
        }
    };
    let bold = Style::new().bold();
    let mut out = String::new();
    if report.changes.is_empty() {
        out.push_str("no changes\n");
        return out;
    }
    for (ty, changes) in by_type(report) {
        let _ = writeln!(out, "{}", paint(bold, &Printable(ty).to_string()));
        for c in changes {
            let (color, word) = match c.severity {
                Severity::Error => (AnsiColor::Red, "error"),
                Severity::Warning => (AnsiColor::Yellow, "warning"),
                Severity::Info => (AnsiColor::Cyan, "info"),
            };
            let tag = paint(bold.fg_color(Some(color.into())), word);
            let _ = writeln!(
                out,
                "  {tag}[{}]: {} (wire: {}, rust api: {})",
                c.kind,
                Printable(&c.message),
                c.wire,
                c.rust_api
            );
        }
    }
    let _ = writeln!(out, "{}", summary_line(report));
    out
}

/// Renders the report as a Markdown pull-request comment: a heading, a table of counts per
/// severity, the type totals, a table of counts per kind, then one section per type with one
/// bullet per change.
pub fn render_markdown(report: &DiffReport) -> String {
    let mut out = String::from("## Schema changes\n\n");
    if report.changes.is_empty() {
        out.push_str("No changes.\n");
        return out;
    }
    let s = &report.summary;
    out.push_str("| severity | changes |\n|---|---:|\n");
    for sev in SEVERITIES {
        let _ = writeln!(out, "| {sev} | {} |", s.severities.get(sev));
    }
    let _ = writeln!(
        out,
        "\nTypes: {} added, {} removed, {} changed.\n",
        s.types_added, s.types_removed, s.types_changed
    );
    out.push_str("| kind | changes |\n|---|---:|\n");
    for (kind, n) in &s.kinds {
        let _ = writeln!(out, "| `{kind}` | {n} |");
    }
    for (ty, changes) in by_type(report) {
        let _ = writeln!(out, "\n### `{ty}`\n");
        for c in changes {
            let _ = writeln!(
                out,
                "- **{}** `{}`: {} (wire: {}, Rust API: {})",
                c.severity, c.kind, c.message, c.wire, c.rust_api
            );
        }
    }
    out
}

/// Renders the report as pretty JSON with a trailing newline.
pub fn render_json(report: &DiffReport) -> String {
    let mut s = serde_json::to_string_pretty(report).expect("a report is always serializable");
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diff::test_support::*;
    use crate::diff::{diff, ChangeKind, DiffOptions};

    fn sample_report() -> DiffReport {
        let old = reset(vec![prop("passcode", "String")]);
        let mut new = reset(vec![]);
        new.push(enumeration("actionState", &[("none", Some(0))]));
        let mut old = old;
        old.push(enumeration("actionState", &[]));
        diff(
            &schema(old),
            &schema(new),
            &DiffOptions {
                non_exhaustive: true,
                ..DiffOptions::default()
            },
        )
    }

    #[test]
    fn text_rendering() {
        let report = sample_report();
        assert_eq!(
            render_text(&report, false),
            "microsoft.graph.actionState\n\
             \x20 warning[member-added]: enum member `none` (= 0) was added \
             (wire: none, rust api: minor)\n\
             microsoft.graph.resetPasscodeActionResult\n\
             \x20 error[property-removed]: property `passcode` (String) was removed \
             (wire: breaks-writers, rust api: major)\n\
             2 changes (1 error, 1 warning, 0 infos); types: 0 added, 0 removed, 2 changed\n"
        );
        let colored = render_text(&report, true);
        let plain = render_text(&report, false);
        assert!(!plain.contains('\x1b'));
        // Colour adds escapes around the type names and severities, and nothing else.
        assert_eq!(anstream::adapter::strip_str(&colored).to_string(), plain);
        assert!(colored.contains("\x1b[1m\x1b[31merror\x1b[0m[property-removed]"));
        assert!(colored.contains("\x1b[1m\x1b[33mwarning\x1b[0m[member-added]"));
        assert!(colored.contains("\x1b[1mmicrosoft.graph.actionState\x1b[0m\n"));
    }

    #[test]
    fn markdown_rendering() {
        let md = render_markdown(&sample_report());
        let expected = "## Schema changes\n\n\
            | severity | changes |\n|---|---:|\n| error | 1 |\n| warning | 1 |\n| info | 0 |\n\n\
            Types: 0 added, 0 removed, 2 changed.\n\n\
            | kind | changes |\n|---|---:|\n| `property-removed` | 1 |\n| `member-added` | 1 |\n\n\
            ### `microsoft.graph.actionState`\n\n\
            - **warning** `member-added`: enum member `none` (= 0) was added \
            (wire: none, Rust API: minor)\n\n\
            ### `microsoft.graph.resetPasscodeActionResult`\n\n\
            - **error** `property-removed`: property `passcode` (String) was removed \
            (wire: breaks-writers, Rust API: major)\n";
        assert_eq!(md, expected);
    }

    #[test]
    fn json_rendering() {
        let json = render_json(&sample_report());
        assert!(json.ends_with("}\n"));
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(value["format_version"], 1);
        let change = &value["changes"][1];
        let keys: Vec<&str> = change
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(
            keys,
            ["type", "property", "kind", "wire", "rust_api", "severity", "message"]
        );
        assert_eq!(change["type"], "microsoft.graph.resetPasscodeActionResult");
        assert_eq!(change["kind"], "property-removed");
        assert_eq!(change["wire"], "breaks-writers");
        assert_eq!(change["rust_api"], "major");
        assert_eq!(change["severity"], "error");
        assert_eq!(value["summary"]["kinds"]["member-added"], 1);
        assert_eq!(value["summary"]["severities"]["error"], 1);
        let back: DiffReport = serde_json::from_str(&json).unwrap();
        assert_eq!(back, sample_report());
        for kind in ChangeKind::ALL {
            assert_eq!(
                serde_json::to_value(kind).unwrap(),
                serde_json::Value::from(kind.as_str())
            );
        }
    }

    #[test]
    fn text_rendering_escapes_control_characters_and_bidi_overrides_from_the_docs() {
        let old = reset(vec![prop("pass\u{202e}code\r\n", "String")]);
        let mut new = reset(vec![]);
        new.push(complex("evil\u{1b}[2J", None, vec![]));
        let text = render_text(
            &diff(&schema(old), &schema(new), &DiffOptions::default()),
            false,
        );
        assert!(text.contains("microsoft.graph.evil\\u{1b}[2J\n"), "{text}");
        assert!(
            text.contains("property `pass\\u{202e}code\\u{d}\\u{a}` (String) was removed"),
            "{text}"
        );
        assert!(!text.contains(['\u{1b}', '\u{202e}', '\r']), "{text}");
        assert_eq!(text.lines().count(), 5, "{text}");
    }
}
