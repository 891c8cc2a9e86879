//! Helpers shared by the end-to-end tests: where the workspace and the corpus are, how to
//! turn a docs JSON representation (placeholders such as `"String (timestamp)"`) into a payload
//! with real, typed values and into variants a lossy reader would change (nulls, offset
//! timestamps), and the request and response examples of the API pages ([`api_examples`]).

pub mod agreement;
pub mod api_examples;
pub mod layout;
pub mod mutate;
pub mod pseudo;

use msgraph_docgen::primitive::Primitive;
use msgraph_docgen::schema::{Kind, Schema, TypeRef};
use serde_json::{Map, Value};
use std::path::PathBuf;

/// The workspace root.
pub fn workspace() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The corpus directory (`$DOCGEN_CORPUS`, else `../shared/corpus` beside the workspace).
///
/// Returns `None` (after printing a visible message) when it is absent, and panics instead when
/// `DOCGEN_REQUIRE_CORPUS=1`, so CI can never skip corpus tests silently.
pub fn corpus(test: &str) -> Option<PathBuf> {
    let dir = std::env::var_os("DOCGEN_CORPUS")
        .map_or_else(|| workspace().join("../shared/corpus"), PathBuf::from);
    if dir.join("README.md").is_file() {
        return Some(dir);
    }
    if std::env::var("DOCGEN_REQUIRE_CORPUS").as_deref() == Ok("1") {
        panic!(
            "{test}: corpus not found at {} and DOCGEN_REQUIRE_CORPUS=1",
            dir.display()
        );
    }
    eprintln!(
        "SKIPPED {test}: corpus not found at {} (set DOCGEN_CORPUS)",
        dir.display()
    );
    None
}

/// A typed example value for a property of schema type `ty`.
pub fn example_value(schema: &Schema, ty: &TypeRef, depth: usize) -> Value {
    let qualified = match ty {
        TypeRef::Primitive(p) => return example_primitive(*p),
        TypeRef::Named(q) => q.as_str(),
    };
    match schema.get(qualified) {
        Some(t) if t.kind == Kind::Enum => Value::from(
            t.members
                .first()
                .map_or("someValue".to_owned(), |m| m.name.clone()),
        ),
        Some(_) if depth > 2 => Value::Object(Map::new()),
        Some(_) => example_object(schema, qualified, depth + 1),
        // An unresolved type is emitted as `serde_json::Value`, where `null` would read
        // back as absent.
        None => Value::from("untyped"),
    }
}

/// A typed example value of a primitive.
pub fn example_primitive(p: Primitive) -> Value {
    match p {
        Primitive::String => Value::from("example text"),
        Primitive::Duration => Value::from("PT1H30M"),
        Primitive::Binary | Primitive::Stream => Value::from("aGVsbG8="),
        Primitive::Boolean => Value::from(true),
        Primitive::Byte => Value::from(7),
        Primitive::SByte | Primitive::Int16 | Primitive::Int32 | Primitive::Int64 => {
            Value::from(-42)
        }
        Primitive::Single | Primitive::Double | Primitive::Decimal => Value::from(2.5),
        Primitive::Guid => Value::from("0f8fad5b-d9cb-469f-a165-70867728950e"),
        Primitive::DateTimeOffset => Value::from("2021-04-07T10:11:12.1234567Z"),
        Primitive::Date => Value::from("2021-04-07"),
        Primitive::TimeOfDay => Value::from("10:11:12"),
        Primitive::Json => serde_json::json!({"any": ["json", 1]}),
    }
}

/// A typed example object of a type: every property set, `@odata.type` with `#`.
pub fn example_object(schema: &Schema, qualified: &str, depth: usize) -> Value {
    let mut map = Map::new();
    map.insert("@odata.type".into(), Value::from(format!("#{qualified}")));
    if let Some(t) = schema.get(qualified) {
        for p in &t.properties {
            let v = example_value(schema, &p.ty, depth);
            map.insert(
                p.name.clone(),
                if p.collection {
                    Value::Array(vec![v])
                } else {
                    v
                },
            );
        }
    }
    Value::Object(map)
}

/// Replaces the placeholders of a docs JSON representation with typed values, key by key,
/// keeping the document's keys (values of properties take the schema's shape).
pub fn fill_placeholders(schema: &Schema, qualified: &str, doc: &Value) -> Value {
    let Value::Object(doc) = doc else {
        return doc.clone();
    };
    let t = schema.get(qualified).expect("type in schema");
    let mut out = Map::new();
    for (key, placeholder) in doc {
        if key == "@odata.type" {
            out.insert(key.clone(), placeholder.clone());
            continue;
        }
        let Some(p) = t.properties.iter().find(|p| &p.name == key) else {
            out.insert(key.clone(), placeholder.clone());
            continue;
        };
        // The schema's shape, not the placeholder's: where the block contradicts the schema (a
        // derived page showing a single value for a collection its base declares), the schema
        // has settled it by rule, with a diagnostic, and typed values follow the schema.
        let v = example_value(schema, &p.ty, 1);
        out.insert(
            key.clone(),
            if p.collection {
                Value::Array(vec![v])
            } else {
                v
            },
        );
    }
    Value::Object(out)
}

/// A timestamp with a non-UTC offset and seven fractional digits, as Graph sends them: a
/// reader that converts to UTC or trims digits writes it back differently.
pub const OFFSET_TIMESTAMP: &str = "2017-01-01T00:02:43.5775965-08:00";

/// A time of day with trailing zeros in its fraction, which a typed time would drop.
pub const PADDED_TIME_OF_DAY: &str = "10:11:12.0000000";

/// A GUID in upper case, which a typed GUID would write in lower case.
pub const UPPER_CASE_GUID: &str = "68CA8EC0-11F8-456B-A785-70D9936650D5";

/// A variant of a typed example payload (from [`fill_placeholders`] or [`example_object`])
/// that a lossy reader would write back differently: every other property of every object
/// `null` (the first, third, ... when `null_first`, else the second, fourth, ...), the others
/// kept, with timestamps replaced by [`OFFSET_TIMESTAMP`], times of day by
/// [`PADDED_TIME_OF_DAY`], GUIDs by [`UPPER_CASE_GUID`] and floating-point numbers by the
/// integer `10` (which an `f64` writes back as `10.0`). Objects are walked by the type their `@odata.type` names, else the
/// type the property declares; annotations and unknown keys are left alone.
///
/// Two variants, one with each `null_first`, give every property of the payload both a `null`
/// and a value.
pub fn with_nulls_and_offsets(
    schema: &Schema,
    qualified: &str,
    payload: &Value,
    null_first: bool,
) -> Value {
    let Value::Object(map) = payload else {
        return payload.clone();
    };
    let named = map
        .get("@odata.type")
        .and_then(Value::as_str)
        .map(|t| t.trim_start_matches('#'))
        .and_then(|t| schema.get(t));
    let Some(t) = named.or_else(|| schema.get(qualified)) else {
        return payload.clone();
    };
    let mut out = Map::new();
    let mut position = 0;
    for (key, value) in map {
        let Some(p) = t.properties.iter().find(|p| &p.name == key) else {
            out.insert(key.clone(), value.clone());
            continue;
        };
        let null = (position % 2 == 0) == null_first;
        position += 1;
        let varied = match value {
            _ if null => Value::Null,
            Value::Array(items) if p.collection => Value::Array(
                items
                    .iter()
                    .map(|x| vary_element(schema, &p.ty, x, null_first))
                    .collect(),
            ),
            other => vary_element(schema, &p.ty, other, null_first),
        };
        out.insert(key.clone(), varied);
    }
    Value::Object(out)
}

/// One value of a property of type `ty`, varied as [`with_nulls_and_offsets`] says.
fn vary_element(schema: &Schema, ty: &TypeRef, value: &Value, null_first: bool) -> Value {
    match (ty, value) {
        (TypeRef::Primitive(Primitive::DateTimeOffset), Value::String(_)) => {
            Value::from(OFFSET_TIMESTAMP)
        }
        (TypeRef::Primitive(Primitive::TimeOfDay), Value::String(_)) => {
            Value::from(PADDED_TIME_OF_DAY)
        }
        (TypeRef::Primitive(Primitive::Guid), Value::String(_)) => Value::from(UPPER_CASE_GUID),
        (
            TypeRef::Primitive(Primitive::Single | Primitive::Double | Primitive::Decimal),
            Value::Number(_),
        ) => Value::from(10),
        (TypeRef::Named(n), Value::Object(_)) => {
            with_nulls_and_offsets(schema, n.as_str(), value, null_first)
        }
        _ => value.clone(),
    }
}
