//! The `validate` report: examples by block type and by outcome, the types most often wrong,
//! and the findings grouped by code as in `check` ([`DiagnosticSummary`]). Rendered as text or
//! as versioned JSON ([`VALIDATE_FORMAT_VERSION`]).

use super::{BlockCounts, BlockType, Outcome, Validation};
use crate::diag::{Diagnostic, Severity};
use crate::report::{DiagnosticSummary, DiagnosticsBySeverity};
use crate::schema::QualifiedName;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

/// The version of the validate report JSON format. Bumped on any incompatible change; keys
/// may be added within a version.
pub const VALIDATE_FORMAT_VERSION: u32 = 1;

/// How many of the types most often wrong the text report lists.
const TYPES_SHOWN: usize = 10;

/// The whole `validate` report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ValidateReport {
    /// [`VALIDATE_FORMAT_VERSION`].
    pub format_version: u32,
    /// API pages read.
    pub pages: usize,
    /// Annotated code blocks by block type.
    pub blocks: BlockCounts,
    /// Request and response examples by outcome.
    pub examples: ExampleCounts,
    /// Types with warnings or errors: the most errors first, then the most warnings.
    pub types_most_often_wrong: Vec<TypeFindings>,
    /// The findings by severity and by code.
    pub diagnostics: DiagnosticSummary,
}

/// Request and response examples: by block type, and by outcome (the outcomes partition
/// `total`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ExampleCounts {
    /// Every request and response example.
    pub total: usize,
    /// Requests.
    pub requests: usize,
    /// Responses.
    pub responses: usize,
    /// No body.
    pub no_body: usize,
    /// A body that is not JSON: not checked.
    pub not_json: usize,
    /// A JSON body of no known type, without findings: not checked.
    pub unchecked: usize,
    /// Checked, without warnings or errors.
    pub valid: usize,
    /// With warnings, without errors.
    pub with_warnings: usize,
    /// With errors.
    pub with_errors: usize,
    /// Of the checked, typed by the annotation's `@odata.type`.
    pub typed_by_annotation: usize,
    /// Of the checked, typed by the request path.
    pub typed_by_path: usize,
}

/// The findings concerning one type (the type holding the wrong value).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TypeFindings {
    /// The type.
    #[serde(rename = "type")]
    pub type_name: QualifiedName,
    /// Examples with a warning or an error concerning it.
    pub examples: usize,
    /// Errors concerning it.
    pub errors: usize,
    /// Warnings concerning it.
    pub warnings: usize,
}

impl ValidateReport {
    /// The report of a validation; `examples` limits the examples per code (`None`: all).
    pub fn new(v: &Validation, examples: Option<usize>) -> ValidateReport {
        let diagnostics: Vec<Diagnostic> = v.diagnostics().cloned().collect();
        ValidateReport {
            format_version: VALIDATE_FORMAT_VERSION,
            pages: v.pages,
            blocks: v.blocks,
            examples: example_counts(v),
            types_most_often_wrong: types_most_often_wrong(v),
            diagnostics: DiagnosticSummary::of(&diagnostics, examples),
        }
    }

    /// True when a finding of `severity` or worse was made.
    pub fn fails(&self, severity: Severity) -> bool {
        let s = &self.diagnostics.by_severity;
        match severity {
            Severity::Error => s.error > 0,
            Severity::Warning => s.error + s.warning > 0,
            Severity::Info => s.error + s.warning + s.info > 0,
        }
    }

    /// The report as pretty JSON, with a final newline.
    pub fn to_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).expect("the report is always serializable");
        s.push('\n');
        s
    }

    /// The report as text for a terminal or a CI log.
    pub fn render_text(&self) -> String {
        let mut out = String::new();
        let (b, e) = (&self.blocks, &self.examples);
        let _ = writeln!(out, "pages       {:>6}  API pages", self.pages);
        let _ = writeln!(
            out,
            "blocks      {:>6}  annotated: {} request, {} response, {} ignored, {} other",
            b.request + b.response + b.ignored + b.other,
            b.request,
            b.response,
            b.ignored,
            b.other
        );
        let _ = writeln!(
            out,
            "examples    {:>6}  {} requests, {} responses; {} without a body, {} not JSON, {} of no known type",
            e.total, e.requests, e.responses, e.no_body, e.not_json, e.unchecked
        );
        let checked = e.valid + e.with_warnings + e.with_errors;
        let _ = writeln!(
            out,
            "checked     {:>6}  {} valid, {} with warnings, {} with errors; typed: {} by annotation, {} by request path",
            checked, e.valid, e.with_warnings, e.with_errors, e.typed_by_annotation, e.typed_by_path
        );
        if !self.types_most_often_wrong.is_empty() {
            let _ = writeln!(out, "\ntypes most often wrong:");
            let shown =
                &self.types_most_often_wrong[..self.types_most_often_wrong.len().min(TYPES_SHOWN)];
            let width = shown
                .iter()
                .map(|t| t.type_name.as_str().len())
                .max()
                .unwrap_or(0);
            for t in shown {
                let _ = writeln!(
                    out,
                    "  {:<width$} {:>5} example{}  {} errors, {} warnings",
                    t.type_name.as_str(),
                    t.examples,
                    if t.examples == 1 { " " } else { "s" },
                    t.errors,
                    t.warnings
                );
            }
            let more = self.types_most_often_wrong.len() - shown.len();
            if more > 0 {
                let _ = writeln!(out, "  ... and {more} more types (--format json lists all)");
            }
        }
        self.diagnostics.render_groups(&mut out);
        let _ = writeln!(
            out,
            "\n{}",
            summary_line(e.total, &self.diagnostics.by_severity)
        );
        out
    }
}

/// `26 examples; 2 errors, 3 warnings, 1 notes`.
fn summary_line(examples: usize, d: &DiagnosticsBySeverity) -> String {
    format!(
        "{examples} examples; {} errors, {} warnings, {} notes",
        d.error, d.warning, d.info
    )
}

fn example_counts(v: &Validation) -> ExampleCounts {
    let mut c = ExampleCounts {
        total: v.examples.len(),
        ..ExampleCounts::default()
    };
    for e in &v.examples {
        match e.block_type {
            BlockType::Request => c.requests += 1,
            _ => c.responses += 1,
        }
        match e.outcome {
            Outcome::NoBody => c.no_body += 1,
            Outcome::NotJson => c.not_json += 1,
            Outcome::Unchecked => c.unchecked += 1,
            Outcome::Valid => c.valid += 1,
            Outcome::Warnings => c.with_warnings += 1,
            Outcome::Errors => c.with_errors += 1,
        }
        if matches!(
            e.outcome,
            Outcome::Valid | Outcome::Warnings | Outcome::Errors
        ) {
            match e.declared.as_ref().map(|d| d.from) {
                Some(super::DeclaredFrom::Annotation) => c.typed_by_annotation += 1,
                Some(super::DeclaredFrom::RequestPath) => c.typed_by_path += 1,
                None => {}
            }
        }
    }
    c
}

fn types_most_often_wrong(v: &Validation) -> Vec<TypeFindings> {
    let mut by_type: BTreeMap<&QualifiedName, (BTreeSet<usize>, usize, usize)> = BTreeMap::new();
    for (i, e) in v.examples.iter().enumerate() {
        for f in &e.findings {
            let Some(t) = &f.type_name else { continue };
            let entry = by_type.entry(t).or_default();
            match f.diagnostic.severity {
                Severity::Error => entry.1 += 1,
                Severity::Warning => entry.2 += 1,
                Severity::Info => continue,
            }
            entry.0.insert(i);
        }
    }
    let mut out: Vec<TypeFindings> = by_type
        .into_iter()
        .filter(|(_, (examples, _, _))| !examples.is_empty())
        .map(|(t, (examples, errors, warnings))| TypeFindings {
            type_name: t.clone(),
            examples: examples.len(),
            errors,
            warnings,
        })
        .collect();
    out.sort_by(|a, b| {
        (b.errors, b.warnings, b.examples, a.type_name.as_str()).cmp(&(
            a.errors,
            a.warnings,
            a.examples,
            b.type_name.as_str(),
        ))
    });
    out
}
