//! The JSON of a representation block as the readers need it: [`JsonValue`], whose objects
//! ([`JsonObject`]) are vectors of entries in document order.
//!
//! serde_json parses; this module only builds the tree, through a serde visitor. A
//! `serde_json::Value` (with `preserve_order`) hashes every key of every object with SipHash and
//! gives each object a hash table, for blocks whose objects mostly have a few keys and are read
//! in order. Here an object of a few keys is one vector, and only a larger one is an `IndexMap`
//! (hashed with foldhash) for lookups by key.

use foldhash::fast::RandomState;
use indexmap::IndexMap;
use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::Number;
use std::fmt;

/// A JSON value; the variants are `serde_json::Value`'s, with [`JsonObject`] for objects.
#[derive(Debug, Clone, PartialEq)]
pub enum JsonValue {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number, integer or not as serde_json read it ([`Number::is_f64`]).
    Number(Number),
    /// A string.
    String(String),
    /// An array.
    Array(Vec<JsonValue>),
    /// An object.
    Object(JsonObject),
}

impl JsonValue {
    /// The value of `key` when this is an object that has it.
    pub fn get(&self, key: &str) -> Option<&JsonValue> {
        match self {
            JsonValue::Object(o) => o.get(key),
            _ => None,
        }
    }

    /// The text of a string.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            JsonValue::String(s) => Some(s),
            _ => None,
        }
    }

    /// True for `null`.
    pub fn is_null(&self) -> bool {
        matches!(self, JsonValue::Null)
    }

    /// True for an object.
    pub fn is_object(&self) -> bool {
        matches!(self, JsonValue::Object(_))
    }

    /// True for a string.
    pub fn is_string(&self) -> bool {
        matches!(self, JsonValue::String(_))
    }

    /// True for an array.
    pub fn is_array(&self) -> bool {
        matches!(self, JsonValue::Array(_))
    }
}

/// Objects of up to this many keys are one vector searched in order; larger ones an `IndexMap`.
const SCANNED_KEYS: usize = 16;

/// A JSON object: its entries in document order, each key once. A key written twice keeps its
/// first position and takes its last value (as `serde_json::Map` does: both insert into an
/// `IndexMap`).
#[derive(Debug, Clone, PartialEq)]
pub struct JsonObject {
    /// The entries, keys distinct.
    entries: EntryList,
}

/// The entries of a [`JsonObject`]: most objects have a few keys, searched in order without
/// the cost of a hash table.
#[derive(Debug, Clone, PartialEq)]
enum EntryList {
    /// Up to [`SCANNED_KEYS`] entries.
    Few(Vec<(String, JsonValue)>),
    /// More, found by key through their hashes (foldhash, seeded per process: a block cannot
    /// choose colliding keys; the order never depends on it).
    Many(IndexMap<String, JsonValue, RandomState>),
}

impl Default for JsonObject {
    fn default() -> JsonObject {
        JsonObject {
            entries: EntryList::Few(Vec::new()),
        }
    }
}

impl JsonObject {
    /// The object of `entries` in this order, a repeated key keeping its first position and
    /// taking its last value.
    pub fn from_entries(entries: Vec<(String, JsonValue)>) -> JsonObject {
        let repeated =
            || (1..entries.len()).any(|i| entries[..i].iter().any(|(k, _)| *k == entries[i].0));
        if entries.len() <= SCANNED_KEYS && !repeated() {
            return JsonObject {
                entries: EntryList::Few(entries),
            };
        }
        let map: IndexMap<String, JsonValue, RandomState> = entries.into_iter().collect();
        let entries = if map.len() <= SCANNED_KEYS {
            EntryList::Few(map.into_iter().collect())
        } else {
            EntryList::Many(map)
        };
        JsonObject { entries }
    }

    /// The value of `key`.
    pub fn get(&self, key: &str) -> Option<&JsonValue> {
        match &self.entries {
            EntryList::Few(entries) => entries.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            EntryList::Many(map) => map.get(key),
        }
    }

    /// True when the object has `key`.
    pub fn contains_key(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    /// The keys in document order.
    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.iter().map(|(k, _)| k)
    }

    /// The entries in document order.
    pub fn iter(&self) -> Entries<'_> {
        match &self.entries {
            EntryList::Few(entries) => Entries::Few(entries.iter()),
            EntryList::Many(map) => Entries::Many(map.iter()),
        }
    }

    /// The number of keys.
    pub fn len(&self) -> usize {
        match &self.entries {
            EntryList::Few(entries) => entries.len(),
            EntryList::Many(map) => map.len(),
        }
    }

    /// True when the object has no key.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// The entries of a [`JsonObject`], in document order.
#[derive(Debug, Clone)]
pub enum Entries<'a> {
    /// Of an object of a few keys.
    Few(std::slice::Iter<'a, (String, JsonValue)>),
    /// Of a larger one.
    Many(indexmap::map::Iter<'a, String, JsonValue>),
}

impl<'a> Iterator for Entries<'a> {
    type Item = (&'a String, &'a JsonValue);

    fn next(&mut self) -> Option<Self::Item> {
        match self {
            Entries::Few(entries) => entries.next().map(|(k, v)| (k, v)),
            Entries::Many(entries) => entries.next(),
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        match self {
            Entries::Few(entries) => entries.size_hint(),
            Entries::Many(entries) => entries.size_hint(),
        }
    }
}

impl ExactSizeIterator for Entries<'_> {}

impl<'a> IntoIterator for &'a JsonObject {
    type Item = (&'a String, &'a JsonValue);
    type IntoIter = Entries<'a>;

    fn into_iter(self) -> Entries<'a> {
        self.iter()
    }
}

impl IntoIterator for JsonObject {
    type Item = (String, JsonValue);
    type IntoIter = Box<dyn Iterator<Item = (String, JsonValue)>>;

    fn into_iter(self) -> Self::IntoIter {
        match self.entries {
            EntryList::Few(entries) => Box::new(entries.into_iter()),
            EntryList::Many(map) => Box::new(map.into_iter()),
        }
    }
}

impl From<JsonValue> for serde_json::Value {
    fn from(value: JsonValue) -> serde_json::Value {
        match value {
            JsonValue::Null => serde_json::Value::Null,
            JsonValue::Bool(b) => serde_json::Value::Bool(b),
            JsonValue::Number(n) => serde_json::Value::Number(n),
            JsonValue::String(s) => serde_json::Value::String(s),
            JsonValue::Array(items) => {
                serde_json::Value::Array(items.into_iter().map(Into::into).collect())
            }
            JsonValue::Object(o) => serde_json::Value::Object(o.into()),
        }
    }
}

impl From<JsonObject> for serde_json::Map<String, serde_json::Value> {
    fn from(object: JsonObject) -> serde_json::Map<String, serde_json::Value> {
        (object.into_iter()).map(|(k, v)| (k, v.into())).collect()
    }
}

impl<'de> Deserialize<'de> for JsonValue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<JsonValue, D::Error> {
        deserializer.deserialize_any(ValueVisitor)
    }
}

/// Builds a [`JsonValue`] from what the deserializer reads, as serde_json's own visitor builds
/// a `Value` (a float that is not finite becomes `null`).
struct ValueVisitor;

impl<'de> Visitor<'de> for ValueVisitor {
    type Value = JsonValue;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("any valid JSON value")
    }

    fn visit_bool<E>(self, value: bool) -> Result<JsonValue, E> {
        Ok(JsonValue::Bool(value))
    }

    fn visit_i64<E>(self, value: i64) -> Result<JsonValue, E> {
        Ok(JsonValue::Number(value.into()))
    }

    fn visit_u64<E>(self, value: u64) -> Result<JsonValue, E> {
        Ok(JsonValue::Number(value.into()))
    }

    fn visit_f64<E>(self, value: f64) -> Result<JsonValue, E> {
        Ok(Number::from_f64(value).map_or(JsonValue::Null, JsonValue::Number))
    }

    fn visit_str<E>(self, value: &str) -> Result<JsonValue, E> {
        Ok(JsonValue::String(value.to_owned()))
    }

    fn visit_string<E>(self, value: String) -> Result<JsonValue, E> {
        Ok(JsonValue::String(value))
    }

    fn visit_none<E>(self) -> Result<JsonValue, E> {
        Ok(JsonValue::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<JsonValue, D::Error> {
        JsonValue::deserialize(deserializer)
    }

    fn visit_unit<E>(self) -> Result<JsonValue, E> {
        Ok(JsonValue::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<JsonValue, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(JsonValue::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<JsonValue, A::Error> {
        let mut entries = Vec::new();
        while let Some(entry) = map.next_entry()? {
            entries.push(entry);
        }
        Ok(JsonValue::Object(JsonObject::from_entries(entries)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> JsonValue {
        serde_json::from_str(text).unwrap()
    }

    #[test]
    fn reads_as_serde_json_values_read() {
        let texts = [
            r#"{"a": 1, "b": -7, "c": 1.5, "d": 1e5, "e": [true, null, "x"], "f": {"g": {}}}"#,
            r#"{"z": 1, "a": 2, "z": 3, "m": [], "a": {"z": 0}}"#,
            r#"[18446744073709551615, -9223372036854775808, 0.0, "\u00e9\n"]"#,
        ];
        for text in texts {
            let expected: serde_json::Value = serde_json::from_str(text).unwrap();
            assert_eq!(serde_json::Value::from(read(text)), expected, "{text}");
        }
    }

    #[test]
    fn a_repeated_key_keeps_its_first_position_and_its_last_value() {
        let JsonValue::Object(o) = read(r#"{"b": 1, "a": 2, "b": 3, "c": 4, "b": 5}"#) else {
            panic!("an object");
        };
        let keys: Vec<&String> = o.keys().collect();
        assert_eq!(keys, ["b", "a", "c"]);
        assert_eq!(o.get("b"), Some(&JsonValue::Number(5.into())));
        assert_eq!(o.len(), 3);
    }

    #[test]
    fn a_large_object_is_found_by_key_and_merges_repeated_keys() {
        let mut entries: Vec<String> = (0..40).map(|i| format!("\"k{}\": {i}", 39 - i)).collect();
        entries.push("\"k5\": \"last\"".to_owned());
        let text = format!("{{{}}}", entries.join(", "));
        let JsonValue::Object(o) = read(&text) else {
            panic!("an object");
        };
        assert_eq!(o.len(), 40);
        assert_eq!(o.keys().next().map(String::as_str), Some("k39"));
        for i in 0..40 {
            assert!(o.contains_key(&format!("k{i}")), "k{i}");
        }
        assert!(!o.contains_key("k40") && !o.contains_key(""));
        assert_eq!(o.get("k5").and_then(JsonValue::as_str), Some("last"));
        let expected: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(serde_json::Value::from(JsonValue::Object(o)), expected);
    }
}
