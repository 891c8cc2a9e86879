//! The request and response examples of the API method pages (`api-reference/*/api/*.md`):
//! an annotation such as `<!-- {"blockType": "response", "@odata.type": "microsoft.graph.user",
//! "isCollection": true} -->` followed by a fenced HTTP block (a request or status line,
//! headers, a blank line, a JSON body).
//!
//! A small test-side reader: it keeps only the examples whose annotation names a type and whose
//! body parses as JSON, which is what a round trip through generated types needs. It is not a
//! validator of the pages.

use msgraph_docgen::primitive::Primitive;
use msgraph_docgen::schema::{Kind, Schema, TypeRef};
use serde_json::Value;
use std::path::{Path, PathBuf};

/// Which kind of block an example is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    /// `"blockType": "request"`.
    Request,
    /// `"blockType": "response"`.
    Response,
}

/// How the body holds values of the annotated type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// The body is one value of the type.
    One,
    /// The body is an OData collection page: `{"value": [...], "@odata.context": ...}`.
    Page,
    /// The body is a bare JSON array of values.
    Array,
}

impl Shape {
    /// The shape's name in test cases (`one`, `page`, `array`).
    pub fn as_str(self) -> &'static str {
        match self {
            Shape::One => "one",
            Shape::Page => "page",
            Shape::Array => "array",
        }
    }
}

/// One example whose annotation names a type and whose body is JSON.
#[derive(Debug, Clone, PartialEq)]
pub struct ApiExample {
    /// The page it is on.
    pub file: PathBuf,
    /// The 1-based line of the annotation.
    pub line: usize,
    /// Request or response.
    pub kind: BlockKind,
    /// The annotated type, as written but without `#` and `Collection(...)`.
    pub odata_type: String,
    /// How the body holds values of the type.
    pub shape: Shape,
    /// The body.
    pub body: Value,
}

/// What reading the pages found, examples and the annotated blocks left out.
#[derive(Debug, Default)]
pub struct Examples {
    /// The examples with a typed annotation and a JSON body.
    pub examples: Vec<ApiExample>,
    /// Typed request or response annotations whose block has no body (a `GET`, a `204`).
    pub without_body: usize,
    /// Typed annotations whose body is not JSON (elided with `...`, comments, placeholders).
    pub not_json: usize,
    /// Typed annotations whose body is a bare JSON number, string or literal rather than an
    /// object or array (`893`, the answer to a `$count` request).
    pub scalar: usize,
}

/// The annotations of a page with their byte ranges: the text between `<!--` and `-->` when it
/// parses as a JSON object.
fn annotations(text: &str) -> Vec<(usize, usize, serde_json::Map<String, Value>)> {
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(open) = text[at..].find("<!--").map(|i| at + i) {
        let Some(close) = text[open + 4..].find("-->").map(|i| open + 4 + i) else {
            break;
        };
        if let Ok(Value::Object(map)) = serde_json::from_str(text[open + 4..close].trim()) {
            out.push((open, close + 3, map));
        }
        at = close + 3;
    }
    out
}

/// The contents of the fenced block that follows `rest` after blank space, if one does.
fn following_fence(rest: &str) -> Option<&str> {
    let rest = rest.trim_start();
    let fence = if rest.starts_with("```") {
        "```"
    } else if rest.starts_with("~~~") {
        "~~~"
    } else {
        return None;
    };
    let start = rest.find('\n')? + 1;
    let mut offset = start;
    for line in rest[start..].split_inclusive('\n') {
        if line.trim_start().starts_with(fence) {
            return Some(&rest[start..offset]);
        }
        offset += line.len();
    }
    None
}

/// The body of an HTTP block: everything after the first blank line when the block opens with
/// a request or status line, else the whole block.
fn http_body(block: &str) -> &str {
    let trimmed = block.trim_start();
    if trimmed.starts_with(['{', '[']) {
        return trimmed.trim_end();
    }
    let mut offset = 0;
    for line in block.split_inclusive('\n') {
        offset += line.len();
        if line.trim().is_empty() && offset > line.len() {
            return block[offset..].trim();
        }
    }
    ""
}

/// The annotated type name without `#`, and whether it is written `Collection(...)`.
fn type_name(annotated: &str) -> (String, bool) {
    let name = annotated.trim().trim_start_matches('#');
    let lower = name.to_ascii_lowercase();
    if lower.starts_with("collection(") && name.ends_with(')') {
        (name["collection(".len()..name.len() - 1].to_owned(), true)
    } else {
        (name.to_owned(), false)
    }
}

/// Reads the typed examples of one page's text into `out`.
pub fn read_page(file: &Path, text: &str, out: &mut Examples) {
    for (open, close, annotation) in annotations(text) {
        let kind = match annotation.get("blockType").and_then(Value::as_str) {
            Some("request") => BlockKind::Request,
            Some("response") => BlockKind::Response,
            _ => continue,
        };
        let Some(annotated) = annotation.get("@odata.type").and_then(Value::as_str) else {
            continue;
        };
        let body = following_fence(&text[close..]).map_or("", http_body);
        if body.is_empty() {
            out.without_body += 1;
            continue;
        }
        let Ok(body) = serde_json::from_str::<Value>(body) else {
            out.not_json += 1;
            continue;
        };
        if !body.is_object() && !body.is_array() {
            out.scalar += 1;
            continue;
        }
        let (odata_type, collection_name) = type_name(annotated);
        let collection = collection_name
            || annotation.get("isCollection").and_then(Value::as_bool) == Some(true);
        let shape = match &body {
            Value::Array(_) => Shape::Array,
            Value::Object(map) if collection && map.get("value").is_some_and(Value::is_array) => {
                Shape::Page
            }
            _ => Shape::One,
        };
        out.examples.push(ApiExample {
            file: file.to_path_buf(),
            line: text[..open].matches('\n').count() + 1,
            kind,
            odata_type,
            shape,
            body,
        });
    }
}

/// Reads the typed examples of every `*.md` page of `dir`, in file name order.
pub fn read_dir(dir: &Path) -> std::io::Result<Examples> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)?
        .map(|e| e.map(|e| e.path()))
        .collect::<Result<_, _>>()?;
    files.retain(|f| f.extension().is_some_and(|e| e == "md"));
    files.sort();
    let mut out = Examples::default();
    for file in files {
        let bytes = std::fs::read(&file)?;
        let text = String::from_utf8_lossy(&bytes);
        read_page(&file, text.trim_start_matches('\u{feff}'), &mut out);
    }
    Ok(out)
}

/// A value of an example that its documented type cannot hold.
#[derive(Debug, Clone, PartialEq)]
pub struct Contradiction {
    /// Where it is (`/value/0/isEnabled`).
    pub path: String,
    /// The type the docs give there (`Boolean`, `a collection of microsoft.graph.x`).
    pub documented: String,
    /// The value the example has.
    pub value: Value,
}

/// Where the body of an example contradicts the types of `schema`: values of the wrong JSON
/// kind for their property (a string for a `Boolean`, an object for a `String`, a single value
/// for a collection, a number for an enum). Objects are checked as the type their
/// `@odata.type` names, else the declared one; `null`, unknown properties and untyped values
/// never contradict.
pub fn contradictions(
    schema: &Schema,
    qualified: &str,
    shape: Shape,
    body: &Value,
) -> Vec<Contradiction> {
    let ty = TypeRef::parse(qualified).expect("a qualified name is a type reference");
    let mut out = Vec::new();
    match shape {
        Shape::One => check_value(schema, &ty, false, body, String::new(), &mut out),
        Shape::Array => check_value(schema, &ty, true, body, String::new(), &mut out),
        Shape::Page => check_value(schema, &ty, true, &body["value"], "/value".into(), &mut out),
    }
    out
}

/// Checks one value of type `ty` (a collection of it when `collection`) at `path`.
fn check_value(
    schema: &Schema,
    ty: &TypeRef,
    collection: bool,
    value: &Value,
    path: String,
    out: &mut Vec<Contradiction>,
) {
    let contradiction = |documented: String, out: &mut Vec<Contradiction>| {
        out.push(Contradiction {
            path: path.clone(),
            documented,
            value: value.clone(),
        });
    };
    if value.is_null() {
        return;
    }
    if collection {
        match value {
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    check_value(schema, ty, false, item, format!("{path}/{i}"), out);
                }
            }
            _ => contradiction(format!("a collection of {ty}"), out),
        }
        return;
    }
    let fits = match ty {
        TypeRef::Primitive(p) => primitive_fits(*p, value),
        TypeRef::Named(n) => match schema.get(n.as_str()) {
            None => true,
            Some(t) if t.kind == Kind::Enum => value.is_string(),
            Some(declared) => {
                let Value::Object(map) = value else {
                    return contradiction(ty.to_string(), out);
                };
                let named = map
                    .get("@odata.type")
                    .and_then(Value::as_str)
                    .and_then(|t| schema.get(t.trim_start_matches('#')));
                let t = named.unwrap_or(declared);
                for (key, v) in map {
                    if let Some(p) = t.properties.iter().find(|p| &p.name == key) {
                        check_value(schema, &p.ty, p.collection, v, format!("{path}/{key}"), out);
                    }
                }
                true
            }
        },
    };
    if !fits {
        contradiction(ty.to_string(), out);
    }
}

/// True when `value` has the JSON kind of the primitive.
fn primitive_fits(p: Primitive, value: &Value) -> bool {
    match p {
        Primitive::Boolean => value.is_boolean(),
        Primitive::Byte
        | Primitive::SByte
        | Primitive::Int16
        | Primitive::Int32
        | Primitive::Int64 => value.is_i64() || value.is_u64(),
        Primitive::Single | Primitive::Double | Primitive::Decimal => value.is_number(),
        Primitive::Json => true,
        _ => value.is_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// A page with a request, typed responses (an object, a collection page with CRLF
    /// headers, a bare array), one elided with `...`, one without a body and one `$count`.
    const PAGE: &str = concat!(
        "# Get user\n\n",
        "<!-- {\n  \"blockType\": \"request\",\n  \"name\": \"get_user\"\n}-->\n",
        "```http\nGET https://graph.microsoft.com/beta/me\n```\n\n",
        "<!-- {\n  \"blockType\": \"response\",\n  \"truncated\": true,\n  \"@odata.type\": \"microsoft.graph.user\"\n} -->\n",
        "```http\nHTTP/1.1 200 OK\nContent-type: application/json\n\n",
        "{\n  \"displayName\": \"Adele\",\n  \"manager\": null\n}\n```\n\n",
        "<!-- {\"blockType\": \"response\", \"@odata.type\": \"microsoft.graph.user\", \"isCollection\": true} -->\n",
        "```\nHTTP/1.1 200 OK\r\nContent-type: application/json\r\n\r\n{\"value\": [{\"id\": \"1\"}]}\n```\n\n",
        "<!-- {\"blockType\": \"response\", \"@odata.type\": \"#Collection(microsoft.graph.user)\"} -->\n",
        "```http\n[{\"id\": \"2\"}]\n```\n\n",
        "<!-- {\"blockType\": \"response\", \"@odata.type\": \"microsoft.graph.user\"} -->\n",
        "```http\nHTTP/1.1 200 OK\n\n{\"id\": \"1\", ...}\n```\n\n",
        "<!-- {\"blockType\": \"response\", \"@odata.type\": \"microsoft.graph.user\"} -->\n",
        "```http\nHTTP/1.1 204 No Content\n```\n\n",
        "<!-- {\"blockType\": \"response\", \"@odata.type\": \"microsoft.graph.user\", \"isCollection\": true} -->\n",
        "```http\nHTTP/1.1 200 OK\nContent-type: text/plain\n\n893\n```\n",
    );

    #[test]
    fn typed_examples_with_json_bodies_are_read() {
        let mut out = Examples::default();
        read_page(Path::new("user-get.md"), PAGE, &mut out);
        let found: Vec<(usize, BlockKind, &str, Shape, &Value)> = out
            .examples
            .iter()
            .map(|e| (e.line, e.kind, e.odata_type.as_str(), e.shape, &e.body))
            .collect();
        assert_eq!(
            found,
            [
                (
                    11,
                    BlockKind::Response,
                    "microsoft.graph.user",
                    Shape::One,
                    &json!({"displayName": "Adele", "manager": null})
                ),
                (
                    26,
                    BlockKind::Response,
                    "microsoft.graph.user",
                    Shape::Page,
                    &json!({"value": [{"id": "1"}]})
                ),
                (
                    34,
                    BlockKind::Response,
                    "microsoft.graph.user",
                    Shape::Array,
                    &json!([{"id": "2"}])
                ),
            ]
        );
        assert_eq!((out.not_json, out.without_body, out.scalar), (1, 1, 1));
    }

    #[test]
    fn contradictions_name_the_path_the_documented_type_and_the_value() {
        let page = |name: &str, rows: &str| {
            format!("<!-- {{\"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.{name}\"}} -->\n## Properties\n|Property|Type|Description|\n|-|-|-|\n{rows}")
        };
        let pages = [
            msgraph_docgen::parse::parse_page(
                "a.md",
                &page(
                    "a",
                    "|flag|Boolean|x|\n|tags|String collection|x|\n|b|[b](b.md)|x|\n",
                ),
            ),
            msgraph_docgen::parse::parse_page("b.md", &page("b", "|count|Int32|x|\n")),
        ];
        let schema = msgraph_docgen::schema::build(&pages);
        let body = json!({"value": [
            {"flag": "Boolean", "tags": "one", "b": {"count": 1.5}, "other": 1},
            {"flag": null, "tags": ["x"], "b": {"count": 2}}
        ]});
        let mut found: Vec<(String, String, Value)> =
            contradictions(&schema, "microsoft.graph.a", Shape::Page, &body)
                .into_iter()
                .map(|c| (c.path, c.documented, c.value))
                .collect();
        found.sort_by(|a, b| a.0.cmp(&b.0));
        assert_eq!(
            found,
            [
                ("/value/0/b/count".into(), "Int32".into(), json!(1.5)),
                ("/value/0/flag".into(), "Boolean".into(), json!("Boolean")),
                (
                    "/value/0/tags".into(),
                    "a collection of String".into(),
                    json!("one")
                ),
            ]
        );
    }

    #[test]
    fn type_names_lose_their_hash_and_collection() {
        assert_eq!(
            type_name("#microsoft.graph.x"),
            ("microsoft.graph.x".into(), false)
        );
        assert_eq!(
            type_name("collection(microsoft.graph.x)"),
            ("microsoft.graph.x".into(), true)
        );
    }
}
