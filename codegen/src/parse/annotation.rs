//! The resource annotation: the HTML comment before the JSON block that names the type
//! (`<!-- { "blockType": "resource", "@odata.type": "microsoft.graph.x", ... } -->`).
//!
//! It is read with the tolerant JSON reader ([`json_block::read`]), which repairs comments,
//! trailing commas and `&quot;` entities; older spellings (`@type`, `isAbstract`, `"true"`) are
//! accepted too.

use super::json_block;
use super::page::Annotation;
use crate::diag::{Code, Diagnostics, Location};
use serde_json::Value;

/// Reads the text of an HTML comment at `line` of the page at `path` as a resource annotation.
/// `None` for any other comment; a comment that looks like a resource annotation but is not JSON
/// even after repairs is also reported.
pub(super) fn read(
    comment: &str,
    line: u32,
    path: &str,
    diags: &mut Diagnostics,
) -> Option<Annotation> {
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
            // Only complain about comments that look like resource annotations.
            if trimmed.contains("\"resource\"") || trimmed.contains("resource&quot;") {
                diags.push(
                    Code::BadAnnotation,
                    Location::new(path, line, 1),
                    format!("the resource annotation is not JSON even after repairs: {e}"),
                );
            }
            return None;
        }
    };
    let block_type = object.get("blockType").and_then(Value::as_str);
    let odata_type = object
        .get("@odata.type")
        .or_else(|| object.get("@type"))
        .and_then(Value::as_str);
    if block_type != Some("resource") && !(block_type.is_none() && odata_type.is_some()) {
        return None;
    }
    let truthy = |key: &str| {
        matches!(object.get(key), Some(Value::Bool(true)))
            || object.get(key).and_then(Value::as_str) == Some("true")
    };
    Some(Annotation {
        odata_type: odata_type.map(|s| s.trim().trim_start_matches('#').to_owned()),
        base_type: object.get("baseType").map(|v| {
            v.as_str()
                .map(|s| s.trim().trim_start_matches('#').to_owned())
        }),
        key_property: object
            .get("keyProperty")
            .and_then(Value::as_str)
            .map(str::to_owned),
        open_type: truthy("openType"),
        is_abstract: truthy("abstract") || truthy("isAbstract"),
        line,
    })
}
