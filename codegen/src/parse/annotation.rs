//! The resource annotation: the HTML comment before the JSON block that names the type
//! (`<!-- { "blockType": "resource", "@odata.type": "microsoft.graph.x", ... } -->`).
//!
//! It is read with the tolerant JSON reader ([`json_block::read`]), which repairs comments,
//! trailing commas and `&quot;` entities; older spellings (`@type`, `isAbstract`, `"true"`) are
//! accepted too.

use super::json_block;
use super::page::Annotation;
use crate::diag::{Code, Diagnostics, Location};
use serde::de::{Deserialize, Deserializer, IgnoredAny, MapAccess, Visitor};
use serde_json::Value;
use std::fmt;

/// The keys of an annotation that are read, with their values as written; the other keys are
/// skipped without being built. As in a JSON object read whole, a repeated key's last value
/// counts.
#[derive(Debug, Default, PartialEq)]
struct Keys {
    block_type: Option<Value>,
    odata_type: Option<Value>,
    /// `@type`, the older spelling of `@odata.type`.
    type_: Option<Value>,
    base_type: Option<Value>,
    key_property: Option<Value>,
    open_type: Option<Value>,
    is_abstract: Option<Value>,
    /// `isAbstract`, the older spelling of `abstract`.
    is_abstract_old: Option<Value>,
}

/// A key of an annotation, told apart while it is read (without allocating a string).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    BlockType,
    OdataType,
    Type,
    BaseType,
    KeyProperty,
    OpenType,
    Abstract,
    IsAbstract,
    /// A key that is not read.
    Other,
}

impl<'de> Deserialize<'de> for Field {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Field, D::Error> {
        struct KeyVisitor;
        impl Visitor<'_> for KeyVisitor {
            type Value = Field;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a key")
            }

            fn visit_str<E: serde::de::Error>(self, key: &str) -> Result<Field, E> {
                Ok(match key {
                    "blockType" => Field::BlockType,
                    "@odata.type" => Field::OdataType,
                    "@type" => Field::Type,
                    "baseType" => Field::BaseType,
                    "keyProperty" => Field::KeyProperty,
                    "openType" => Field::OpenType,
                    "abstract" => Field::Abstract,
                    "isAbstract" => Field::IsAbstract,
                    _ => Field::Other,
                })
            }
        }
        deserializer.deserialize_identifier(KeyVisitor)
    }
}

impl<'de> Deserialize<'de> for Keys {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Keys, D::Error> {
        struct KeysVisitor;
        impl<'de> Visitor<'de> for KeysVisitor {
            type Value = Keys;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a JSON object")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Keys, A::Error> {
                let mut keys = Keys::default();
                while let Some(key) = map.next_key::<Field>()? {
                    let slot = match key {
                        Field::BlockType => &mut keys.block_type,
                        Field::OdataType => &mut keys.odata_type,
                        Field::Type => &mut keys.type_,
                        Field::BaseType => &mut keys.base_type,
                        Field::KeyProperty => &mut keys.key_property,
                        Field::OpenType => &mut keys.open_type,
                        Field::Abstract => &mut keys.is_abstract,
                        Field::IsAbstract => &mut keys.is_abstract_old,
                        Field::Other => {
                            map.next_value::<IgnoredAny>()?;
                            continue;
                        }
                    };
                    *slot = Some(map.next_value()?);
                }
                Ok(keys)
            }
        }
        deserializer.deserialize_map(KeysVisitor)
    }
}

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
    // Text that starts with `{` is an object or not JSON at all.
    if !trimmed.starts_with('{') {
        return None;
    }
    let keys: Keys = match json_block::read_into(trimmed) {
        Ok((keys, _)) => keys,
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
    let block_type = keys.block_type.as_ref().and_then(Value::as_str);
    let odata_type = keys
        .odata_type
        .as_ref()
        .or(keys.type_.as_ref())
        .and_then(Value::as_str);
    if block_type != Some("resource") && !(block_type.is_none() && odata_type.is_some()) {
        return None;
    }
    let truthy = |value: &Option<Value>| match value {
        Some(Value::Bool(b)) => *b,
        Some(v) => v.as_str() == Some("true"),
        None => false,
    };
    Some(Annotation {
        odata_type: odata_type.map(|s| s.trim().trim_start_matches('#').to_owned()),
        base_type: keys.base_type.as_ref().map(|v| {
            v.as_str()
                .map(|s| s.trim().trim_start_matches('#').to_owned())
        }),
        key_property: keys
            .key_property
            .as_ref()
            .and_then(Value::as_str)
            .map(str::to_owned),
        open_type: truthy(&keys.open_type),
        is_abstract: truthy(&keys.is_abstract) || truthy(&keys.is_abstract_old),
        line,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn annotation(comment: &str) -> (Option<Annotation>, Diagnostics) {
        let mut diags = Diagnostics::new();
        (read(comment, 7, "p.md", &mut diags), diags)
    }

    #[test]
    fn reads_the_keys_it_knows_and_skips_the_others() {
        let (a, diags) = annotation(
            r##" { "blockType": "resource", "optionalProperties": ["a", {"b": [1, null]}],
                 "@odata.type": " #microsoft.graph.x", "baseType": "microsoft.graph.y",
                 "keyProperty": "id", "openType": "true", "isAbstract": true } "##,
        );
        let a = a.unwrap();
        assert_eq!(a.odata_type.as_deref(), Some("microsoft.graph.x"));
        assert_eq!(a.base_type, Some(Some("microsoft.graph.y".to_owned())));
        assert_eq!(a.key_property.as_deref(), Some("id"));
        assert!(a.open_type && a.is_abstract);
        assert_eq!(a.line, 7);
        assert!(diags.as_slice().is_empty());
    }

    #[test]
    fn a_repeated_key_keeps_its_last_value_and_escaped_keys_are_read() {
        let (a, _) = annotation(
            r#"{"blockType": "resource", "@odata.type": "microsoft.graph.a",
                "@odata\u002etype": "microsoft.graph.b", "baseType": null}"#,
        );
        let a = a.unwrap();
        assert_eq!(a.odata_type.as_deref(), Some("microsoft.graph.b"));
        assert_eq!(a.base_type, Some(None));
        assert!(!a.open_type && !a.is_abstract);
    }

    #[test]
    fn older_spellings_repairs_and_other_comments() {
        let (a, _) =
            annotation("{ \"@type\": &quot;microsoft.graph.x&quot;, \"abstract\": \"true\", }");
        let a = a.unwrap();
        assert_eq!(a.odata_type.as_deref(), Some("microsoft.graph.x"));
        assert!(a.is_abstract);
        // Another block type, no annotation at all, and a broken resource annotation.
        assert_eq!(annotation(r#"{"blockType": "request"}"#).0, None);
        assert_eq!(annotation("markdownlint-disable").0, None);
        let (a, diags) = annotation(r#"{"blockType": "resource", "@odata.type": x}"#);
        assert_eq!(a, None);
        assert_eq!(diags.as_slice()[0].code, Code::BadAnnotation);
    }
}
