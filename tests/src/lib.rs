//! Helpers shared by the end-to-end tests: where the workspace and the corpus are, and how to
//! turn a docs JSON representation (placeholders such as `"String (timestamp)"`) into a payload
//! with real, typed values.

pub mod agreement;
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
