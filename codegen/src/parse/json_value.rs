//! The JSON of a representation block as the readers need it: [`JsonValue`], whose objects
//! ([`JsonObject`]) are vectors of entries in document order.
//!
//! serde_json parses; this module only builds the tree, through a serde visitor. A
//! `serde_json::Value` (with `preserve_order`) hashes every key of every object and gives each
//! object a hash table: a tenth of the parse stage for blocks whose objects mostly have a few
//! keys and are read in order. Here an object is one vector, and only an object of many keys
//! gets a sorted index for lookups by key.

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

/// Objects of up to this many keys are searched in order; larger ones through a sorted index.
const SCANNED_KEYS: usize = 16;

/// A JSON object: its entries in document order, each key once. A key written twice keeps its
/// first position and takes its last value (as `serde_json::Map` does).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct JsonObject {
    /// The entries, keys distinct.
    entries: Vec<(String, JsonValue)>,
    /// Positions of `entries` in key order, for an object of more than [`SCANNED_KEYS`] keys
    /// (empty otherwise).
    sorted: Vec<usize>,
}

impl JsonObject {
    /// The object of `entries` in this order, a repeated key keeping its first position and
    /// taking its last value.
    pub fn from_entries(mut entries: Vec<(String, JsonValue)>) -> JsonObject {
        if entries.len() <= SCANNED_KEYS {
            let repeated =
                (1..entries.len()).any(|i| entries[..i].iter().any(|(k, _)| *k == entries[i].0));
            if !repeated {
                return JsonObject {
                    entries,
                    sorted: Vec::new(),
                };
            }
        }
        let mut sorted: Vec<usize> = (0..entries.len()).collect();
        // Stable: the positions of a repeated key stay in document order.
        sorted.sort_by(|&a, &b| entries[a].0.cmp(&entries[b].0));
        if sorted
            .windows(2)
            .any(|w| entries[w[0]].0 == entries[w[1]].0)
        {
            merge_repeated(&mut entries, &sorted);
            return JsonObject::from_entries(entries);
        }
        if entries.len() <= SCANNED_KEYS {
            sorted.clear();
        }
        JsonObject { entries, sorted }
    }

    /// The value of `key`.
    pub fn get(&self, key: &str) -> Option<&JsonValue> {
        if self.sorted.is_empty() {
            return self.entries.iter().find(|(k, _)| k == key).map(|(_, v)| v);
        }
        let found = (self.sorted).binary_search_by(|&i| self.entries[i].0.as_str().cmp(key));
        found.ok().map(|at| &self.entries[self.sorted[at]].1)
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

/// Moves the last value of each repeated key of `entries` to its first position and removes its
/// other positions; `sorted` is the positions of `entries` sorted by key, a key's in document
/// order.
fn merge_repeated(entries: &mut Vec<(String, JsonValue)>, sorted: &[usize]) {
    let mut keep = vec![true; entries.len()];
    let mut moves = Vec::new();
    for run in sorted.chunk_by(|&a, &b| entries[a].0 == entries[b].0) {
        if let [first, .., last] = *run {
            moves.push((first, last));
            for &i in &run[1..] {
                keep[i] = false;
            }
        }
    }
    for (first, last) in moves {
        entries[first].1 = std::mem::replace(&mut entries[last].1, JsonValue::Null);
    }
    let mut kept = keep.into_iter();
    entries.retain(|_| kept.next().unwrap_or(true));
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
