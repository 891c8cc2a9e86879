//! The JSON of a representation block as the readers need it: [`JsonValue`], whose objects
//! ([`JsonObject`]) are vectors of entries in document order.
//!
//! serde_json parses; this module only builds the tree, through a serde visitor. A
//! `serde_json::Value` (with `preserve_order`) hashes every key of every object with SipHash and
//! gives each object a hash table, for blocks whose objects mostly have a few keys and are read
//! in order. Here an object is one vector, and only an object of many keys gets an index (a
//! hash table of positions) for lookups by key.

use foldhash::fast::RandomState;
use hashbrown::hash_table::{Entry, HashTable};
use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::Number;
use std::fmt;
use std::hash::BuildHasher;

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

/// Objects of up to this many keys are searched in order; larger ones through a [`KeyIndex`].
const SCANNED_KEYS: usize = 16;

/// A JSON object: its entries in document order, each key once. A key written twice keeps its
/// first position and takes its last value (as `serde_json::Map` does).
#[derive(Debug, Clone, Default)]
pub struct JsonObject {
    /// The entries, keys distinct.
    entries: Vec<(String, JsonValue)>,
    /// For an object of more than [`SCANNED_KEYS`] keys: its positions by key.
    index: Option<Box<KeyIndex>>,
}

/// The positions of a large object's entries, by key.
#[derive(Debug, Clone)]
struct KeyIndex {
    /// Hashes the keys (seeded per process: a block cannot choose colliding keys).
    hasher: RandomState,
    /// Positions in the object's entries.
    positions: HashTable<usize>,
}

impl KeyIndex {
    /// The index of `entries`; `None` when a key is repeated.
    fn of(entries: &[(String, JsonValue)]) -> Option<KeyIndex> {
        let hasher = RandomState::default();
        let mut positions = HashTable::with_capacity(entries.len());
        let hash_of = |&i: &usize| hasher.hash_one(entries[i].0.as_str());
        for (i, (key, _)) in entries.iter().enumerate() {
            let hash = hasher.hash_one(key.as_str());
            match positions.entry(hash, |&j| entries[j].0 == *key, hash_of) {
                Entry::Occupied(_) => return None,
                Entry::Vacant(slot) => {
                    slot.insert(i);
                }
            }
        }
        Some(KeyIndex { hasher, positions })
    }
}

impl PartialEq for JsonObject {
    /// Equal entries in the same order (the index follows from them).
    fn eq(&self, other: &JsonObject) -> bool {
        self.entries == other.entries
    }
}

impl JsonObject {
    /// The object of `entries` in this order, a repeated key keeping its first position and
    /// taking its last value.
    pub fn from_entries(entries: Vec<(String, JsonValue)>) -> JsonObject {
        if entries.len() <= SCANNED_KEYS {
            let repeated =
                (1..entries.len()).any(|i| entries[..i].iter().any(|(k, _)| *k == entries[i].0));
            if !repeated {
                return JsonObject {
                    entries,
                    index: None,
                };
            }
            return JsonObject::from_entries(merge_repeated(entries));
        }
        match KeyIndex::of(&entries) {
            Some(index) => JsonObject {
                entries,
                index: Some(Box::new(index)),
            },
            None => JsonObject::from_entries(merge_repeated(entries)),
        }
    }

    /// The value of `key`.
    pub fn get(&self, key: &str) -> Option<&JsonValue> {
        let Some(index) = &self.index else {
            return self.entries.iter().find(|(k, _)| k == key).map(|(_, v)| v);
        };
        let hash = index.hasher.hash_one(key);
        let found = index.positions.find(hash, |&i| self.entries[i].0 == key);
        found.map(|&i| &self.entries[i].1)
    }

    /// True when the object has `key`.
    pub fn contains_key(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    /// The keys in document order.
    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.entries.iter().map(|(k, _)| k)
    }

    /// The entries in document order.
    pub fn iter(&self) -> Entries<'_> {
        Entries(self.entries.iter())
    }

    /// The number of keys.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when the object has no key.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// `entries` with each repeated key at its first position, with its last value.
fn merge_repeated(entries: Vec<(String, JsonValue)>) -> Vec<(String, JsonValue)> {
    let hasher = RandomState::default();
    let mut at: HashTable<usize> = HashTable::with_capacity(entries.len());
    let mut merged: Vec<(String, JsonValue)> = Vec::with_capacity(entries.len());
    for (key, value) in entries {
        let hash = hasher.hash_one(key.as_str());
        match at.find(hash, |&i| merged[i].0 == key).copied() {
            Some(i) => merged[i].1 = value,
            None => {
                at.insert_unique(hash, merged.len(), |&i| {
                    hasher.hash_one(merged[i].0.as_str())
                });
                merged.push((key, value));
            }
        }
    }
    merged
}

/// The entries of a [`JsonObject`], in document order.
#[derive(Debug, Clone)]
pub struct Entries<'a>(std::slice::Iter<'a, (String, JsonValue)>);

impl<'a> Iterator for Entries<'a> {
    type Item = (&'a String, &'a JsonValue);

    fn next(&mut self) -> Option<Self::Item> {
        self.0.next().map(|(k, v)| (k, v))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.0.size_hint()
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
    type IntoIter = std::vec::IntoIter<(String, JsonValue)>;

    fn into_iter(self) -> Self::IntoIter {
        self.entries.into_iter()
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
