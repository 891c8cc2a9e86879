//! What a JSON placeholder or example value of the representation block says of the type of
//! its property (`true`, `1024`, `"String (timestamp)"`, `"Int64"`, a GUID, an object): votes
//! for the meaning of a type word in a language the seed does not know (see `learn`).

use super::json_value::JsonValue;
use crate::primitive::Primitive;
use std::collections::BTreeMap;

/// What a JSON placeholder or example value says of its type word: `true`, `1024`,
/// `1024.5`, `"String (timestamp)"`, `"Int64"`, `"2019-01-27T18:19:50Z"`, a GUID, ... name a
/// primitive, an object a structured type (the first element for an array); `null` says
/// nothing.
pub(super) fn value_vote(value: &JsonValue) -> Option<Vote> {
    match value {
        JsonValue::Null => None,
        JsonValue::Bool(_) => Some(Vote::Primitive(Primitive::Boolean)),
        JsonValue::Number(n) if n.is_f64() => Some(Vote::Primitive(Primitive::Double)),
        JsonValue::Number(_) => Some(Vote::Primitive(Primitive::Int32)),
        JsonValue::String(s) => Some(Vote::Primitive(string_primitive(s))),
        JsonValue::Array(items) => items.first().and_then(value_vote),
        JsonValue::Object(o) => {
            let edm = o
                .get("@odata.type")
                .and_then(JsonValue::as_str)
                .and_then(|t| Primitive::from_spelling(t.trim_start_matches('#')));
            Some(edm.map_or(Vote::Structured, Vote::Primitive))
        }
    }
}

/// What one JSON value says a type word means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Vote {
    /// This primitive.
    Primitive(Primitive),
    /// A structured type (an object): no primitive.
    Structured,
}

/// The primitive a JSON string shows: a placeholder naming one (`"Int64"`, `"String
/// (timestamp)"`, `"Edm.Guid"`) or an example value's shape; `String` otherwise.
fn string_primitive(s: &str) -> Primitive {
    let s = s.trim();
    let lower = s.to_ascii_lowercase();
    if lower == "true" || lower == "false" {
        return Primitive::Boolean;
    }
    if lower.contains("timestamp") || lower.contains("datetime") {
        return Primitive::DateTimeOffset;
    }
    if lower.contains("duration") {
        return Primitive::Duration;
    }
    let head = s.split(['(', ' ']).next().unwrap_or("");
    if let Some(p) = Primitive::from_spelling(head) {
        return p;
    }
    // A number written as a string (`"4.2"`).
    if s.parse::<i64>().is_ok() {
        return Primitive::Int32;
    }
    if s.parse::<f64>().is_ok_and(f64::is_finite) && s.contains('.') {
        return Primitive::Double;
    }
    shape_primitive(s).unwrap_or(Primitive::String)
}

/// The primitive an example value's shape shows: an ISO 8601 instant, date, time of day or
/// duration, or a GUID.
fn shape_primitive(s: &str) -> Option<Primitive> {
    let b = s.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| b.get(r).is_some_and(|d| d.iter().all(u8::is_ascii_digit));
    let date = digits(0..4)
        && b.get(4) == Some(&b'-')
        && digits(5..7)
        && b.get(7) == Some(&b'-')
        && digits(8..10);
    if date && b.len() == 10 {
        return Some(Primitive::Date);
    }
    if date && matches!(b.get(10), Some(b'T' | b't' | b' ')) {
        return Some(Primitive::DateTimeOffset);
    }
    if digits(0..2) && b.get(2) == Some(&b':') && digits(3..5) && b.len() <= 16 {
        return Some(Primitive::TimeOfDay);
    }
    let guid_groups: Vec<usize> = s.split('-').map(str::len).collect();
    if guid_groups == [8, 4, 4, 4, 12] && s.chars().all(|c| c == '-' || c.is_ascii_hexdigit()) {
        return Some(Primitive::Guid);
    }
    let duration = s.len() > 1
        && s.starts_with('P')
        && s[1..]
            .chars()
            .all(|c| c.is_ascii_digit() || "YMWDTHS.".contains(c));
    duration.then_some(Primitive::Duration)
}

/// True for the numeric primitives, which one word's rows may show as integers or fractions.
fn is_numeric(p: Primitive) -> bool {
    matches!(
        p,
        Primitive::Byte
            | Primitive::SByte
            | Primitive::Int16
            | Primitive::Int32
            | Primitive::Int64
            | Primitive::Single
            | Primitive::Double
            | Primitive::Decimal
    )
}

/// The primitive most votes name and how many agree with it: the numeric primitives count
/// together (a `Double` word's rows show `1024` as well as `1024.5`), then the most named one
/// of them wins. `None` when objects win.
pub(super) fn winner(votes: &BTreeMap<Vote, usize>) -> Option<(Primitive, usize)> {
    let numeric: usize = votes
        .iter()
        .filter(|(v, _)| matches!(v, Vote::Primitive(p) if is_numeric(*p)))
        .map(|(_, n)| n)
        .sum();
    let best_other = votes
        .iter()
        .filter(|(v, _)| !matches!(v, Vote::Primitive(p) if is_numeric(*p)))
        .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)));
    match best_other {
        Some((vote, n)) if *n >= numeric => match vote {
            Vote::Primitive(p) => Some((*p, *n)),
            Vote::Structured => None,
        },
        _ if numeric == 0 => None,
        _ => {
            let (vote, _) = votes
                .iter()
                .filter(|(v, _)| matches!(v, Vote::Primitive(p) if is_numeric(*p)))
                .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))?;
            match vote {
                Vote::Primitive(p) => Some((*p, numeric)),
                Vote::Structured => None,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_values_vote_for_primitives() {
        let vote = |v: serde_json::Value| value_vote(&serde_json::from_value(v).unwrap());
        let p = |p| Some(Vote::Primitive(p));
        assert_eq!(vote(serde_json::json!(true)), p(Primitive::Boolean));
        assert_eq!(vote(serde_json::json!(1024)), p(Primitive::Int32));
        assert_eq!(vote(serde_json::json!(1024.5)), p(Primitive::Double));
        assert_eq!(
            vote(serde_json::json!("String (timestamp)")),
            p(Primitive::DateTimeOffset)
        );
        assert_eq!(
            vote(serde_json::json!("2019-01-27T18:19:50.74Z")),
            p(Primitive::DateTimeOffset)
        );
        assert_eq!(vote(serde_json::json!("2019-01-27")), p(Primitive::Date));
        assert_eq!(vote(serde_json::json!("Int64")), p(Primitive::Int64));
        assert_eq!(
            vote(serde_json::json!("fa4aa5a2-a75b-4769-8a4e-000000000000")),
            p(Primitive::Guid)
        );
        assert_eq!(vote(serde_json::json!("PT1H30M")), p(Primitive::Duration));
        assert_eq!(vote(serde_json::json!("some text")), p(Primitive::String));
        assert_eq!(vote(serde_json::json!(["String"])), p(Primitive::String));
        assert_eq!(vote(serde_json::json!({"a": 1})), Some(Vote::Structured));
        assert_eq!(vote(serde_json::json!(null)), None);
    }

    #[test]
    fn numbers_count_together_and_objects_win_nothing() {
        let votes: BTreeMap<Vote, usize> = [
            (Vote::Primitive(Primitive::Double), 40),
            (Vote::Primitive(Primitive::Int32), 19),
            (Vote::Primitive(Primitive::String), 2),
        ]
        .into();
        assert_eq!(winner(&votes), Some((Primitive::Double, 59)));
        let votes: BTreeMap<Vote, usize> = [
            (Vote::Structured, 5),
            (Vote::Primitive(Primitive::String), 2),
        ]
        .into();
        assert_eq!(winner(&votes), None);
    }
}
