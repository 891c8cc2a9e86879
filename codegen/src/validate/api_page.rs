//! An API method page read for its examples: each annotation comment
//! (`<!-- {"blockType": "response", "@odata.type": "microsoft.graph.user", ...} -->`) with the
//! fenced block that follows it, read as an HTTP message.
//!
//! The blocks come from pulldown-cmark (HTML comments and code blocks only: an API page's
//! tables and prose are not read, which keeps the pass over 30 MB of pages short), the
//! annotation from the parse stage's tolerant JSON reader (trailing commas, comments). An
//! annotation belongs to the next code block unless another annotation comes first.

use super::http::HttpMessage;
use super::json::LineIndex;
use crate::diag::{Code, Diagnostics, Location};
use crate::parse::json_block;
use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use serde::Serialize;
use serde_json::{Map, Value};

/// The `blockType` of an annotation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum BlockType {
    /// `request`: an HTTP request example.
    Request,
    /// `response`: an HTTP response example.
    Response,
    /// `ignored`: a block the docs' own validator skips (syntax, pseudo-requests).
    Ignored,
    /// Anything else (`example`, `resource`, ...).
    Other,
}

/// What an example's annotation says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExampleAnnotation {
    /// The block type.
    pub block_type: BlockType,
    /// `@odata.type`, as written.
    pub odata_type: Option<String>,
    /// `isCollection`.
    pub is_collection: bool,
    /// `truncated`: the example shows only some of the properties.
    pub truncated: bool,
    /// `name` (the first, when the docs give a list).
    pub name: Option<String>,
    /// The page line of `<!--`.
    pub line: u32,
}

/// One request or response example.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Example {
    /// The annotation.
    pub annotation: ExampleAnnotation,
    /// The page line of the block's first line of code.
    pub code_line: u32,
    /// The block read as HTTP.
    pub message: HttpMessage,
}

/// Annotated code blocks counted by block type.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct BlockCounts {
    /// `request` blocks.
    pub request: usize,
    /// `response` blocks.
    pub response: usize,
    /// `ignored` blocks (not checked).
    pub ignored: usize,
    /// Any other block type (not checked).
    pub other: usize,
}

impl BlockCounts {
    /// Adds another page's counts.
    pub fn add(&mut self, other: &BlockCounts) {
        self.request += other.request;
        self.response += other.response;
        self.ignored += other.ignored;
        self.other += other.other;
    }

    fn count(&mut self, block_type: BlockType) {
        match block_type {
            BlockType::Request => self.request += 1,
            BlockType::Response => self.response += 1,
            BlockType::Ignored => self.ignored += 1,
            BlockType::Other => self.other += 1,
        }
    }
}

/// An API page: its request and response examples, in page order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiPage {
    /// The page as named by the user.
    pub path: String,
    /// The request and response examples.
    pub examples: Vec<Example>,
    /// Every annotated block, by type.
    pub blocks: BlockCounts,
    /// Annotations that could not be read.
    pub diagnostics: Diagnostics,
}

/// Reads the examples of an API page.
pub fn read_api_page(path: &str, text: &str) -> ApiPage {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut page = ApiPage {
        path: path.to_owned(),
        examples: Vec::new(),
        blocks: BlockCounts::default(),
        diagnostics: Diagnostics::new(),
    };
    let mut pending: Option<ExampleAnnotation> = None;
    for block in blocks(text) {
        match block {
            Block::Comment { text, line } => {
                if let Some(a) = annotation(&text, line, path, &mut page.diagnostics) {
                    pending = Some(a);
                }
            }
            Block::Code { text, line } => {
                let Some(annotation) = pending.take() else {
                    continue;
                };
                page.blocks.count(annotation.block_type);
                if matches!(
                    annotation.block_type,
                    BlockType::Request | BlockType::Response
                ) {
                    page.examples.push(Example {
                        annotation,
                        code_line: line,
                        message: HttpMessage::read(&text),
                    });
                }
            }
        }
    }
    page
}

/// An HTML comment or a code block of a page.
enum Block {
    /// The inside of `<!-- ... -->` and the page line of `<!--`.
    Comment { text: String, line: u32 },
    /// The code of a fenced or indented block and the page line of its first line of code.
    Code { text: String, line: u32 },
}

/// The HTML comments and code blocks of a page, in order.
fn blocks(text: &str) -> Vec<Block> {
    let lines = LineIndex::new(text, 1);
    let mut out = Vec::new();
    let mut html: Option<(String, u32)> = None;
    let mut code: Option<(String, u32)> = None;
    for (event, range) in Parser::new(text).into_offset_iter() {
        match event {
            Event::Start(Tag::HtmlBlock) => html = Some((String::new(), lines.at(range.start).0)),
            Event::End(TagEnd::HtmlBlock) => {
                if let Some((buf, line)) = html.take() {
                    push_comments(&buf, line, &mut out);
                }
            }
            Event::Start(Tag::CodeBlock(_)) => {
                // The code starts on the line after the fence.
                code = Some((String::new(), lines.at(range.start).0 + 1));
            }
            Event::End(TagEnd::CodeBlock) => {
                if let Some((text, line)) = code.take() {
                    out.push(Block::Code { text, line });
                }
            }
            Event::Html(t) | Event::Text(t) => {
                if let Some((buf, _)) = html.as_mut().or(code.as_mut()) {
                    buf.push_str(&t);
                }
            }
            _ => {}
        }
    }
    out
}

/// The comments of an HTML block that starts on page line `line`.
fn push_comments(html: &str, line: u32, out: &mut Vec<Block>) {
    let mut rest = html;
    let mut line = line;
    while let Some(start) = rest.find("<!--") {
        line += rest[..start].matches('\n').count() as u32;
        let inner = &rest[start + 4..];
        let (text, after) = inner.split_once("-->").unwrap_or((inner, ""));
        out.push(Block::Comment {
            text: text.to_owned(),
            line,
        });
        line += text.matches('\n').count() as u32;
        rest = after;
    }
}

/// Reads an HTML comment as an example annotation: `None` for any other comment. One that names
/// a `blockType` but is not JSON even after repairs is reported.
fn annotation(
    comment: &str,
    line: u32,
    path: &str,
    diags: &mut Diagnostics,
) -> Option<ExampleAnnotation> {
    let trimmed = comment.trim();
    if !trimmed.starts_with('{') {
        return None;
    }
    let object = match json_block::read(trimmed) {
        Ok(t) => match t.value {
            Value::Object(o) => o,
            _ => return None,
        },
        Err(e) => {
            if trimmed.contains("blockType") {
                diags.push(
                    Code::ExampleBadAnnotation,
                    Location::new(path, line, 1),
                    format!("the example annotation is not JSON even after repairs ({e}); its block is not checked"),
                );
            }
            return None;
        }
    };
    let block_type = match object.get("blockType").and_then(Value::as_str)? {
        "request" => BlockType::Request,
        "response" => BlockType::Response,
        "ignored" => BlockType::Ignored,
        _ => BlockType::Other,
    };
    let name = match object.get("name") {
        Some(Value::String(s)) => Some(s.clone()),
        Some(Value::Array(list)) => list.iter().find_map(Value::as_str).map(str::to_owned),
        _ => None,
    };
    Some(ExampleAnnotation {
        block_type,
        odata_type: object
            .get("@odata.type")
            .and_then(Value::as_str)
            .map(|s| s.trim().to_owned()),
        is_collection: truthy(&object, "isCollection"),
        truncated: truthy(&object, "truncated"),
        name,
        line,
    })
}

/// `true` or `"true"`.
fn truthy(object: &Map<String, Value>, key: &str) -> bool {
    match object.get(key) {
        Some(Value::Bool(b)) => *b,
        Some(Value::String(s)) => s.eq_ignore_ascii_case("true"),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::http::StartLine;

    const PAGE: &str = "---\ntitle: x\n---\n# Get user\n\n## HTTP request\n<!-- { \"blockType\": \"ignored\" } -->\n```http\nGET /users/{id}\n```\n\n### Request\n# [HTTP](#tab/http)\n<!-- {\n  \"blockType\": \"request\",\n  \"name\": \"get_user\",\n}-->\n```msgraph-interactive\nGET https://graph.microsoft.com/beta/users/{id}\n```\n# [C#](#tab/csharp)\n[!INCLUDE [sample-code](../includes/x.md)]\n\n---\n\n### Response\n<!-- {\"blockType\": \"response\", \"@odata.type\": \"microsoft.graph.user\", \"truncated\": \"true\", \"name\": [\"a\", \"b\"]} -->\n\n```http\nHTTP/1.1 200 OK\nContent-type: application/json\n\n{\"id\": \"1\"}\n```\n<!-- {\"blockType\": \"example\"} -->\n```json\n{}\n```\n<!-- Not an annotation -->\n```http\nGET /unannotated\n```\n";

    #[test]
    fn annotations_pair_with_the_next_code_block() {
        let page = read_api_page("api/user-get.md", PAGE);
        assert_eq!(
            page.blocks,
            BlockCounts {
                request: 1,
                response: 1,
                ignored: 1,
                other: 1
            }
        );
        assert_eq!(page.examples.len(), 2);
        let request = &page.examples[0];
        assert_eq!(request.annotation.block_type, BlockType::Request);
        assert_eq!(request.annotation.name.as_deref(), Some("get_user"));
        assert_eq!(request.annotation.line, 14);
        assert_eq!(request.code_line, 19);
        assert!(matches!(
            request.message.start,
            StartLine::Request { ref method, .. } if method == "GET"
        ));
        let response = &page.examples[1];
        let a = &response.annotation;
        assert_eq!(a.odata_type.as_deref(), Some("microsoft.graph.user"));
        assert!(a.truncated && !a.is_collection);
        assert_eq!(a.name.as_deref(), Some("a"));
        assert_eq!(response.code_line, 30);
        assert_eq!(response.message.body.as_ref().unwrap().first_line, 3);
        assert!(page.diagnostics.as_slice().is_empty());
    }

    #[test]
    fn unreadable_annotations_are_reported() {
        let page = read_api_page(
            "p.md",
            "<!-- { \"blockType\": \"response\" \"x\": } -->\n```http\nHTTP/1.1 200 OK\n```\n",
        );
        assert!(page.examples.is_empty());
        let d = &page.diagnostics.as_slice()[0];
        assert_eq!(d.code, Code::ExampleBadAnnotation);
        assert_eq!(d.location.line, 1);
    }

    #[test]
    fn a_bom_and_crlf_change_no_line() {
        let crlf = format!("\u{feff}{}", PAGE.replace('\n', "\r\n"));
        let page = read_api_page("api/user-get.md", &crlf);
        let plain = read_api_page("api/user-get.md", PAGE);
        assert_eq!(page.examples.len(), plain.examples.len());
        for (a, b) in page.examples.iter().zip(&plain.examples) {
            assert_eq!(a.code_line, b.code_line);
            assert_eq!(a.message.body, b.message.body);
        }
    }
}
