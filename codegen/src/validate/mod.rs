//! `validate`: the request and response examples of the API method pages, checked against the
//! schema of the resource pages.
//!
//! The parts, by job: `api_page` (a page → its annotated examples), `http` (a code block → an
//! HTTP message), `json` (a body → located JSON, with how far from strict JSON it was written),
//! `declared` (the type a body is declared to be: annotation or request path), `check` (a body
//! against the schema), `formats` (what each primitive accepts), `report` (the counts and the
//! findings grouped by code). This file reads the pages and checks each example.

mod api_page;
mod check;
mod declared;
mod evidence;
mod formats;
mod http;
mod json;
mod report;

pub use api_page::{read_api_page, ApiPage, BlockCounts, BlockType, Example, ExampleAnnotation};
pub use check::Finding;
pub use declared::{Declared, DeclaredFrom};
pub use http::{Body, Header, HttpMessage, StartLine};
pub use report::{ExampleCounts, TypeFindings, ValidateReport, VALIDATE_FORMAT_VERSION};

use crate::diag::{Code, Diagnostic, Location, Severity};
use crate::input::{list_pages, InputError};
use crate::parse::Page;
use crate::schema::Schema;
use declared::{AnnotatedType, TypeIndex};
use evidence::Evidence;
use json::{LineIndex, Reading};
use std::path::{Path, PathBuf};

/// What became of one example.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Outcome {
    /// No body (a GET request, a 204 response).
    NoBody,
    /// A body that is not JSON (text, bytes, a `Content-Type` other than JSON): not checked.
    NotJson,
    /// A JSON body of no known type, with no warning or error: not checked.
    Unchecked,
    /// Checked: no warning, no error.
    Valid,
    /// At least one warning, no error.
    Warnings,
    /// At least one error.
    Errors,
}

/// One example after the check.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckedExample {
    /// The page.
    pub page: String,
    /// The page line of the block's first line of code.
    pub line: u32,
    /// Request or response.
    pub block_type: BlockType,
    /// The annotation's `name`.
    pub name: Option<String>,
    /// The annotation says `truncated`.
    pub truncated: bool,
    /// The declared type of the body, when known.
    pub declared: Option<Declared>,
    /// The JSON body as read (after any repair), when there is one.
    pub body: Option<serde_json::Value>,
    /// What was found, in body order.
    pub findings: Vec<Finding>,
    /// What became of it.
    pub outcome: Outcome,
}

/// Every example of a set of API pages, checked.
#[derive(Debug, Clone, PartialEq)]
pub struct Validation {
    /// How many pages were read.
    pub pages: usize,
    /// Annotated blocks by type.
    pub blocks: BlockCounts,
    /// The request and response examples, in page order.
    pub examples: Vec<CheckedExample>,
    /// Findings about pages rather than examples (unreadable pages and annotations).
    pub page_diagnostics: Vec<Diagnostic>,
}

impl Validation {
    /// Every diagnostic: the pages', then each example's, in page order.
    pub fn diagnostics(&self) -> impl Iterator<Item = &Diagnostic> {
        self.page_diagnostics.iter().chain(
            self.examples
                .iter()
                .flat_map(|e| e.findings.iter().map(|f| &f.diagnostic)),
        )
    }
}

/// Lists and reads the API pages under `inputs` (in parallel; the result is in path order).
pub fn read_api_pages(inputs: &[PathBuf]) -> Result<Vec<ApiPage>, InputError> {
    let (files, _) = list_pages(inputs)?;
    Ok(crate::parallel::map_in_order(&files, 64, |f| {
        read_api_file(f)
    }))
}

/// Reads one API page; an unreadable file, a non-regular file or non-UTF-8 text gives a page
/// with no examples and an `io` error.
pub fn read_api_file(path: &Path) -> ApiPage {
    let name = path.display().to_string();
    if std::fs::metadata(path).is_ok_and(|m| !m.is_file()) {
        let message =
            "expected a regular file, found a directory, FIFO, socket or device; page skipped";
        return failed_page(&name, message.into(), 0);
    }
    match std::fs::read(path) {
        Ok(bytes) => read_api_source(&name, &bytes),
        Err(e) => failed_page(&name, format!("cannot read: {e}"), 0),
    }
}

/// Reads one API page held in memory; non-UTF-8 content gives a page with no examples and an
/// `io` error on the line of the first bad byte.
pub fn read_api_source(name: &str, bytes: &[u8]) -> ApiPage {
    match std::str::from_utf8(bytes) {
        Ok(text) => read_api_page(name, text),
        Err(e) => {
            let valid = e.valid_up_to();
            let line = bytes[..valid].iter().filter(|&&b| b == b'\n').count() as u32 + 1;
            let message = format!(
                "expected UTF-8 text, found an invalid byte at offset {valid}; page skipped"
            );
            failed_page(name, message, line)
        }
    }
}

/// A page with no examples and one `io` error.
fn failed_page(name: &str, message: String, line: u32) -> ApiPage {
    let mut page = read_api_page(name, "");
    page.diagnostics
        .push(Code::Io, Location::new(name, line, 0), message);
    page
}

/// Checks every example of `pages` against `schema` (pages in parallel, results in order).
/// `resources` are the pages the schema was built from (or none): where they contradict
/// themselves about a property, a value one of their readings supports is only a warning.
pub fn validate(pages: &[ApiPage], schema: &Schema, resources: &[Page]) -> Validation {
    Validator::new(schema, resources).validate(pages)
}

/// A schema made ready for checking examples (its lookups built once), for callers that check
/// many sets of pages against one schema.
pub struct Validator<'a> {
    index: TypeIndex<'a>,
    evidence: Evidence,
}

impl<'a> Validator<'a> {
    /// Prepares `schema`, built from `resources` (see [`validate`]).
    pub fn new(schema: &'a Schema, resources: &[Page]) -> Validator<'a> {
        Validator {
            index: TypeIndex::new(schema),
            evidence: Evidence::new(schema, resources),
        }
    }

    /// Checks every example of `pages` (pages in parallel, results in order).
    pub fn validate(&self, pages: &[ApiPage]) -> Validation {
        let checked = crate::parallel::map_in_order(pages, 16, |page| check_page(page, self));
        let mut v = Validation {
            pages: pages.len(),
            blocks: BlockCounts::default(),
            examples: Vec::new(),
            page_diagnostics: Vec::new(),
        };
        for (page, examples) in pages.iter().zip(checked) {
            v.blocks.add(&page.blocks);
            v.page_diagnostics
                .extend(page.diagnostics.as_slice().iter().cloned());
            v.examples.extend(examples);
        }
        v
    }
}

/// The examples of one page, checked; a response without a type of its own takes the path of
/// the request before it.
fn check_page(page: &ApiPage, validator: &Validator<'_>) -> Vec<CheckedExample> {
    let mut last_target: Option<&str> = None;
    let mut out = Vec::with_capacity(page.examples.len());
    for example in &page.examples {
        if let StartLine::Request { target, .. } = &example.message.start {
            last_target = Some(target);
        }
        out.push(check_example(&page.path, example, validator, last_target));
    }
    out
}

/// Checks one example. `request_target` is the path of this request, or of the request
/// before this response.
fn check_example(
    page: &str,
    example: &Example,
    validator: &Validator<'_>,
    request_target: Option<&str>,
) -> CheckedExample {
    let a = &example.annotation;
    let mut checked = CheckedExample {
        page: page.to_owned(),
        line: example.code_line,
        block_type: a.block_type,
        name: a.name.clone(),
        truncated: a.truncated,
        declared: None,
        body: None,
        findings: Vec::new(),
        outcome: Outcome::NoBody,
    };
    let message = &example.message;
    if let Some(problem) = start_line_problem(a.block_type, message) {
        // An empty block has no line of its own: the annotation stands for it.
        let line = if message.is_empty() {
            a.line
        } else {
            example.code_line
        };
        checked.push(Code::ExampleBadHttp, Location::new(page, line, 1), problem);
    }
    match &message.body {
        None => {}
        Some(_) if !message.has_json_body() => checked.outcome = Outcome::NotJson,
        Some(body) => check_json_body(&mut checked, example, body, validator, request_target),
    }
    checked.outcome = outcome(&checked);
    checked
}

/// What is wrong with the start line of a block of this type, if anything.
fn start_line_problem(block_type: BlockType, message: &HttpMessage) -> Option<String> {
    match (block_type, &message.start) {
        (BlockType::Request, StartLine::Status { code }) => Some(format!(
            "a `request` block holds a response (status {code})"
        )),
        (BlockType::Response, StartLine::Request { method, .. }) => {
            Some(format!("a `response` block holds a request (`{method}`)"))
        }
        (_, StartLine::Missing) if message.is_empty() => Some("the block is empty".into()),
        (_, StartLine::Missing) => {
            Some("the block starts with neither a request line nor a status line".into())
        }
        _ => None,
    }
}

/// Reads and checks a JSON body.
fn check_json_body(
    checked: &mut CheckedExample,
    example: &Example,
    body: &Body,
    validator: &Validator<'_>,
    request_target: Option<&str>,
) {
    let page = checked.page.clone();
    let lines = LineIndex::new(&body.text, example.code_line + body.first_line);
    let locate = |offset: usize| {
        let (line, column) = lines.at(offset);
        Location::new(&page, line, column)
    };
    let prepared = json::prepare(&body.text);
    let (node, reading) = match json::parse(&prepared) {
        Ok(read) => read,
        Err(problem) => {
            let message = format!(
                "the body is not JSON even after repairs ({}); not checked",
                problem.message
            );
            checked.push(Code::ExampleBadJson, locate(problem.offset), message);
            return;
        }
    };
    match reading {
        Reading::Strict => {}
        Reading::Elided if checked.truncated => checked.push(
            Code::ExampleElidedJson,
            locate(0),
            "the body elides with `...` (the example is marked truncated); read without them",
        ),
        Reading::Elided => checked.push(
            Code::ExampleRepairedJson,
            locate(0),
            "the body elides with `...` but the annotation does not say `truncated`; read without them",
        ),
        Reading::Repaired(problem) => checked.push(
            Code::ExampleRepairedJson,
            locate(problem.offset),
            format!(
                "the body is not strict JSON ({}); read after repairs",
                problem.message
            ),
        ),
    }
    let Some(node) = node else {
        return;
    };
    checked.body = Some(json::to_value(&node));
    let Some(declared) = declared_type(checked, example, &validator.index, request_target) else {
        return;
    };
    let mut checker = check::BodyChecker::new(
        &validator.index,
        &validator.evidence,
        &lines,
        &page,
        checked.truncated,
    );
    checker.check_body(&node, &declared);
    checked.findings.append(&mut checker.findings);
    checked.declared = Some(declared);
}

/// The declared type of an example's body: the annotation's, else the request path's. Reports
/// an annotation naming no type of the schema, and a body of no known type.
fn declared_type(
    checked: &mut CheckedExample,
    example: &Example,
    index: &TypeIndex<'_>,
    request_target: Option<&str>,
) -> Option<Declared> {
    let a = &example.annotation;
    let at = Location::new(&checked.page, a.line, 1);
    if let Some(odata_type) = &a.odata_type {
        return match index.annotated(odata_type, a.is_collection) {
            AnnotatedType::Found(d) => Some(d),
            AnnotatedType::Miscased(d) => {
                let message = format!(
                    "the annotation's `@odata.type` `{odata_type}` is a type of the schema but for letter case: `{}`",
                    d.ty
                );
                checked.push(Code::ExampleLetterCase, at, message);
                Some(d)
            }
            AnnotatedType::Unknown => {
                let message = format!(
                    "the annotation's `@odata.type` `{odata_type}` is not a type of the schema; the body is not checked"
                );
                checked.push(Code::ExampleUnknownType, at, message);
                None
            }
        };
    }
    let error_status = matches!(example.message.start, StartLine::Status { code } if code >= 300);
    let from_path = request_target
        .filter(|_| !error_status)
        .and_then(|t| index.addressed_by(t));
    if from_path.is_none() {
        let message = if error_status {
            "an error response with no `@odata.type` in its annotation; the body is not checked"
        } else {
            "no `@odata.type` in the annotation and the request path names no type; the body is not checked"
        };
        checked.push(Code::ExampleNoType, at, message);
    }
    from_path
}

/// The outcome an example's findings and body give.
fn outcome(checked: &CheckedExample) -> Outcome {
    let worst = checked.findings.iter().map(|f| f.diagnostic.severity).max();
    match worst {
        Some(Severity::Error) => Outcome::Errors,
        Some(Severity::Warning) => Outcome::Warnings,
        _ if checked.outcome == Outcome::NotJson => Outcome::NotJson,
        _ if checked.body.is_none() && checked.findings.is_empty() => Outcome::NoBody,
        _ if checked.declared.is_none() => Outcome::Unchecked,
        _ => Outcome::Valid,
    }
}

impl CheckedExample {
    /// Records a finding about the example as a whole.
    fn push(&mut self, code: Code, at: Location, message: impl Into<String>) {
        self.findings.push(Finding {
            diagnostic: Diagnostic::new(code, at, message),
            type_name: self.declared.as_ref().and_then(|d| d.named().cloned()),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse_page;

    const USER: &str = "# user resource type\n\nNamespace: microsoft.graph\n\n## Properties\n\n| Property | Type | Description |\n|:--|:--|:--|\n| id | String | x |\n| displayName | String | x |\n| accountEnabled | Boolean | x |\n\n## JSON representation\n\n<!-- { \"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.user\", \"keyProperty\": \"id\" } -->\n```json\n{\n  \"id\": \"String\",\n  \"displayName\": \"String\",\n  \"accountEnabled\": true\n}\n```\n";

    /// One API page with the examples `blocks` (annotation, fence info, code).
    fn validate_page(blocks: &[(&str, &str)]) -> Validation {
        let resources = vec![parse_page("resources/user.md", USER)];
        let schema = crate::schema::build(&resources);
        let mut text = String::from("# Example\n\n");
        for (annotation, code) in blocks {
            text.push_str(&format!("<!-- {annotation} -->\n```http\n{code}\n```\n\n"));
        }
        let page = read_api_page("api/page.md", &text);
        validate(&[page], &schema, &resources)
    }

    fn outcomes(v: &Validation) -> Vec<Outcome> {
        v.examples.iter().map(|e| e.outcome).collect()
    }

    fn codes(v: &Validation) -> Vec<Code> {
        v.diagnostics().map(|d| d.code).collect()
    }

    #[test]
    fn requests_are_typed_by_their_path_and_responses_by_the_annotation() {
        let v = validate_page(&[
            (
                r#"{"blockType": "request", "name": "create_user"}"#,
                "POST https://graph.microsoft.com/beta/users\nContent-type: application/json\n\n{\"displayName\": \"x\", \"accountEnabled\": true}",
            ),
            (
                r#"{"blockType": "response", "@odata.type": "microsoft.graph.user"}"#,
                "HTTP/1.1 201 Created\nContent-type: application/json\n\n{\"id\": \"1\", \"displayName\": \"x\"}",
            ),
            (
                r#"{"blockType": "response"}"#,
                "HTTP/1.1 200 OK\nContent-type: application/json\n\n{\"value\": [{\"id\": \"1\", \"accountEnabled\": \"yes\"}]}",
            ),
        ]);
        assert_eq!(
            outcomes(&v),
            [Outcome::Valid, Outcome::Valid, Outcome::Errors]
        );
        let from: Vec<Option<DeclaredFrom>> = v
            .examples
            .iter()
            .map(|e| e.declared.as_ref().map(|d| d.from))
            .collect();
        assert_eq!(
            from,
            [
                Some(DeclaredFrom::RequestPath),
                Some(DeclaredFrom::Annotation),
                Some(DeclaredFrom::RequestPath)
            ]
        );
        let d = v.diagnostics().next().unwrap();
        assert_eq!((d.code, d.location.line), (Code::ExampleKind, 24));
        assert_eq!(v.examples[1].body.as_ref().unwrap()["id"], "1");
    }

    #[test]
    fn bodies_that_are_absent_not_json_or_not_typed() {
        let v = validate_page(&[
            (r#"{"blockType": "request"}"#, "GET /users/{id}"),
            (r#"{"blockType": "response"}"#, "HTTP/1.1 204 No Content"),
            (
                r#"{"blockType": "request"}"#,
                "PUT /users/{id}/photo/$value\nContent-type: image/jpeg\n\n<bytes>",
            ),
            (
                r#"{"blockType": "request"}"#,
                "POST /users/{id}/assignLicense\n\n{\"addLicenses\": []}",
            ),
            (
                r#"{"blockType": "response", "@odata.type": "microsoft.graph.nothing"}"#,
                "HTTP/1.1 200 OK\n\n{}",
            ),
        ]);
        assert_eq!(
            outcomes(&v),
            [
                Outcome::NoBody,
                Outcome::NoBody,
                Outcome::NotJson,
                Outcome::Unchecked,
                Outcome::Warnings
            ]
        );
        assert_eq!(codes(&v), [Code::ExampleNoType, Code::ExampleUnknownType]);
    }

    #[test]
    fn json_that_is_not_strict_is_located() {
        let v = validate_page(&[
            (
                r#"{"blockType": "response", "@odata.type": "microsoft.graph.user", "truncated": true, "isCollection": true}"#,
                "HTTP/1.1 200 OK\n\n{\"value\": [{\"id\": \"1\"}, ...]}",
            ),
            (
                r#"{"blockType": "response", "@odata.type": "microsoft.graph.user", "isCollection": true}"#,
                "HTTP/1.1 200 OK\n\n{\"value\": [{\"id\": \"1\"}, ...]}",
            ),
            (
                r#"{"blockType": "response", "@odata.type": "microsoft.graph.user"}"#,
                "HTTP/1.1 200 OK\n\n{\n  \"id\": \"1\",\n}",
            ),
            (
                r#"{"blockType": "response", "@odata.type": "microsoft.graph.user"}"#,
                "HTTP/1.1 200 OK\n\n{\n  \"id\": \n}",
            ),
        ]);
        assert_eq!(
            codes(&v),
            [
                Code::ExampleElidedJson,
                Code::ExampleRepairedJson,
                Code::ExampleRepairedJson,
                Code::ExampleBadJson
            ]
        );
        let at: Vec<(u32, u32)> = v
            .diagnostics()
            .map(|d| (d.location.line, d.location.column))
            .collect();
        // Repaired and bad JSON point at the first problem: the trailing comma, the missing
        // value.
        assert_eq!(at[2], (22, 12));
        assert_eq!(at[3], (32, 1));
        assert_eq!(
            outcomes(&v),
            [
                Outcome::Valid,
                Outcome::Warnings,
                Outcome::Warnings,
                Outcome::Errors
            ]
        );
    }

    #[test]
    fn start_lines_must_match_the_block_type() {
        let v = validate_page(&[
            (r#"{"blockType": "request"}"#, "HTTP/1.1 200 OK"),
            (r#"{"blockType": "response"}"#, "GET /me"),
            (r#"{"blockType": "response"}"#, "{}"),
        ]);
        assert_eq!(codes(&v)[..3], [Code::ExampleBadHttp; 3]);
    }

    #[test]
    fn the_report_counts_blocks_outcomes_and_types() {
        let v = validate_page(&[
            (r#"{"blockType": "ignored"}"#, "GET /users"),
            (
                r#"{"blockType": "response", "@odata.type": "microsoft.graph.user"}"#,
                "HTTP/1.1 200 OK\n\n{\"accountEnabled\": 1}",
            ),
        ]);
        let r = ValidateReport::new(&v, Some(1));
        assert_eq!((r.blocks.ignored, r.blocks.response), (1, 1));
        assert_eq!((r.examples.total, r.examples.with_errors), (1, 1));
        assert_eq!(
            r.types_most_often_wrong[0].type_name.as_str(),
            "microsoft.graph.user"
        );
        assert!(r.fails(Severity::Error));
        let json: serde_json::Value = serde_json::from_str(&r.to_json()).unwrap();
        assert_eq!(json["format_version"], VALIDATE_FORMAT_VERSION);
        assert_eq!(json["examples"]["with_errors"], 1);
        assert_eq!(
            json["types_most_often_wrong"][0]["type"],
            "microsoft.graph.user"
        );
        assert_eq!(json["diagnostics"]["by_code"][0]["code"], "example-kind");
        let text = r.render_text();
        assert!(
            text.ends_with("1 examples; 1 errors, 0 warnings, 0 notes\n"),
            "{text}"
        );
    }
}
