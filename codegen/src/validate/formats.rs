//! What JSON each primitive (Edm) type accepts: the kind of value, and for the text formats and
//! integers, its spelling and range.
//!
//! The dates and times are read with jiff, as the generated types read them (`jiff::Timestamp`
//! needs an offset, `Z` or `+01:00`); a Guid is the hyphenated 8-4-4-4-12 form; a Duration is
//! ISO 8601 (`PT1H30M`, `P30D`, read by its grammar: a duration has no range, and the service
//! writes `TimeSpan.MaxValue` as `P10675199DT2H48M5.4775807S`); Binary is base64 (standard or
//! URL-safe alphabet, `=` padding only at the end).

use crate::primitive::Primitive;

/// A JSON value's kind, as the checks name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JsonKind {
    /// `null`.
    Null,
    /// `true` or `false`.
    Boolean,
    /// A number.
    Number,
    /// A string.
    String,
    /// An array.
    Array,
    /// An object.
    Object,
}

impl JsonKind {
    /// "a string", "an object", ...
    pub fn phrase(self) -> &'static str {
        match self {
            JsonKind::Null => "null",
            JsonKind::Boolean => "a boolean",
            JsonKind::Number => "a number",
            JsonKind::String => "a string",
            JsonKind::Array => "an array",
            JsonKind::Object => "an object",
        }
    }
}

/// A primitive value as the checks see it: its kind, and its text for strings and numbers.
#[derive(Debug, Clone, Copy)]
pub struct Scalar<'a> {
    /// The kind.
    pub kind: JsonKind,
    /// The string's content or the number as written; empty otherwise.
    pub text: &'a str,
}

/// What is wrong with a primitive value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mismatch {
    /// The wrong kind of JSON value: what was expected.
    Kind(&'static str),
    /// The right kind, the wrong spelling or range: what was expected.
    Format(&'static str),
}

/// Checks a non-null value against a primitive type.
pub fn check(p: Primitive, v: Scalar<'_>) -> Result<(), Mismatch> {
    use JsonKind as K;
    use Primitive as P;
    let text = v.text;
    match (p, v.kind) {
        (P::Json, _) => Ok(()),
        (P::String | P::Stream, K::String) => Ok(()),
        (P::String | P::Stream, _) => Err(Mismatch::Kind("a string")),
        (P::Boolean, K::Boolean) => Ok(()),
        (P::Boolean, _) => Err(Mismatch::Kind("a boolean (`true` or `false`)")),
        (P::Byte | P::SByte | P::Int16 | P::Int32 | P::Int64, K::Number) => integer(p, text),
        (P::Byte | P::SByte | P::Int16 | P::Int32 | P::Int64, _) => {
            Err(Mismatch::Kind("an integer number"))
        }
        (P::Single | P::Double | P::Decimal, K::Number) => Ok(()),
        // OData writes the non-finite values as strings.
        (P::Single | P::Double | P::Decimal, K::String)
            if matches!(text, "NaN" | "INF" | "-INF") =>
        {
            Ok(())
        }
        (P::Single | P::Double | P::Decimal, _) => Err(Mismatch::Kind("a number")),
        (_, K::String) => text_format(p, text),
        _ => Err(Mismatch::Kind("a string")),
    }
}

/// The inclusive range of an integer type.
fn range(p: Primitive) -> (i128, i128) {
    match p {
        Primitive::Byte => (0, u8::MAX.into()),
        Primitive::SByte => (i8::MIN.into(), i8::MAX.into()),
        Primitive::Int16 => (i16::MIN.into(), i16::MAX.into()),
        Primitive::Int32 => (i32::MIN.into(), i32::MAX.into()),
        _ => (i64::MIN.into(), i64::MAX.into()),
    }
}

fn integer(p: Primitive, text: &str) -> Result<(), Mismatch> {
    let Ok(n) = text.parse::<i128>() else {
        return Err(Mismatch::Format("an integer (no fraction or exponent)"));
    };
    let (lo, hi) = range(p);
    if (lo..=hi).contains(&n) {
        Ok(())
    } else {
        Err(Mismatch::Format(match p {
            Primitive::Byte => "a Byte (0 to 255)",
            Primitive::SByte => "an SByte (-128 to 127)",
            Primitive::Int16 => "an Int16 (-32768 to 32767)",
            Primitive::Int32 => "an Int32 (-2147483648 to 2147483647)",
            _ => "an Int64 (-2^63 to 2^63-1)",
        }))
    }
}

/// The string formats: every primitive whose JSON is a string with a grammar.
fn text_format(p: Primitive, text: &str) -> Result<(), Mismatch> {
    let (ok, expected) = match p {
        Primitive::DateTimeOffset => (
            text.parse::<jiff::Timestamp>().is_ok(),
            "an ISO 8601 date and time with an offset (`2021-04-07T10:11:12Z`)",
        ),
        Primitive::Date => (
            text.len() == 10 && text.parse::<jiff::civil::Date>().is_ok(),
            "an ISO 8601 date (`2021-04-07`)",
        ),
        Primitive::TimeOfDay => (
            text.parse::<jiff::civil::Time>().is_ok() && !text.contains(['T', 't', '-', '+']),
            "a time of day (`10:11:12`)",
        ),
        Primitive::Duration => (
            is_duration(text),
            "an ISO 8601 duration (`PT1H30M`, `P30D`)",
        ),
        Primitive::Guid => (
            is_guid(text),
            "a Guid (`0f8fad5b-d9cb-469f-a165-70867728950e`)",
        ),
        Primitive::Binary => (is_base64(text), "base64 text"),
        _ => (true, ""),
    };
    if ok {
        Ok(())
    } else {
        Err(Mismatch::Format(expected))
    }
}

/// An ISO 8601 duration: `[-]P[nY][nM][nW][nD][T[nH][nM][n[.n]S]]` with at least one
/// component, and at least one after a `T`; only the last component may have a fraction.
pub fn is_duration(text: &str) -> bool {
    let rest = text.strip_prefix('-').unwrap_or(text);
    let Some(rest) = rest.strip_prefix('P') else {
        return false;
    };
    let (date, time) = match rest.split_once('T') {
        Some((d, t)) => (d, Some(t)),
        None => (rest, None),
    };
    let Some(date_parts) = components(date, &['Y', 'M', 'W', 'D']) else {
        return false;
    };
    let time_parts = match time {
        Some(t) => match components(t, &['H', 'M', 'S']) {
            Some(0) | None => return false,
            Some(n) => n,
        },
        None => 0,
    };
    date_parts + time_parts > 0
}

/// The number of `<number><unit>` components of `text`, units in the order of `units`, each at
/// most once; a fraction only in the last. `None` when `text` is not such a list.
fn components(text: &str, units: &[char]) -> Option<usize> {
    let mut count = 0;
    let mut rest = text;
    let mut next_unit = 0;
    let mut fraction_seen = false;
    while !rest.is_empty() {
        if fraction_seen {
            return None;
        }
        let digits = rest.find(|c: char| !c.is_ascii_digit() && c != '.')?;
        let number = &rest[..digits];
        let (whole, fraction) = number.split_once('.').unwrap_or((number, "0"));
        let valid = !whole.is_empty()
            && !fraction.is_empty()
            && fraction.bytes().all(|b| b.is_ascii_digit());
        if !valid {
            return None;
        }
        fraction_seen = number.contains('.');
        let unit = rest[digits..].chars().next()?;
        let at = units[next_unit..].iter().position(|&u| u == unit)?;
        next_unit += at + 1;
        rest = &rest[digits + unit.len_utf8()..];
        count += 1;
    }
    Some(count)
}

/// The hyphenated form: 8-4-4-4-12 hexadecimal digits.
pub fn is_guid(text: &str) -> bool {
    let groups: Vec<&str> = text.split('-').collect();
    groups.len() == 5
        && groups
            .iter()
            .zip([8, 4, 4, 4, 12])
            .all(|(g, n)| g.len() == n && g.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// Base64 in the standard or the URL-safe alphabet; `=` padding only at the end, and then to a
/// multiple of four characters.
pub fn is_base64(text: &str) -> bool {
    let data = text.trim_end_matches('=');
    let padding = text.len() - data.len();
    let alphabet = data
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'-' | b'_'));
    alphabet && padding <= 2 && (padding == 0 || text.len() % 4 == 0) && data.len() % 4 != 1
}

#[cfg(test)]
mod tests {
    use super::*;

    fn string(p: Primitive, text: &str) -> Result<(), Mismatch> {
        check(
            p,
            Scalar {
                kind: JsonKind::String,
                text,
            },
        )
    }

    fn number(p: Primitive, text: &str) -> Result<(), Mismatch> {
        check(
            p,
            Scalar {
                kind: JsonKind::Number,
                text,
            },
        )
    }

    #[test]
    fn kinds() {
        assert!(number(Primitive::String, "1").is_err());
        assert!(string(Primitive::Boolean, "true").is_err());
        assert!(string(Primitive::Int32, "1").is_err());
        assert_eq!(number(Primitive::Double, "2.5"), Ok(()));
        assert_eq!(string(Primitive::Double, "NaN"), Ok(()));
        assert!(string(Primitive::Double, "2.5").is_err());
        assert!(number(Primitive::Guid, "1").is_err());
        let obj = Scalar {
            kind: JsonKind::Object,
            text: "",
        };
        assert_eq!(check(Primitive::Json, obj), Ok(()));
        assert_eq!(
            check(Primitive::String, obj),
            Err(Mismatch::Kind("a string"))
        );
    }

    #[test]
    fn integer_ranges() {
        assert_eq!(number(Primitive::Int32, "2147483647"), Ok(()));
        assert!(matches!(
            number(Primitive::Int32, "2147483648"),
            Err(Mismatch::Format(_))
        ));
        assert_eq!(number(Primitive::Int64, "-9223372036854775808"), Ok(()));
        assert!(number(Primitive::Int64, "9223372036854775808").is_err());
        assert!(number(Primitive::Byte, "-1").is_err());
        assert!(number(Primitive::Int32, "1.0").is_err());
        assert!(number(Primitive::Int32, "1e3").is_err());
    }

    #[test]
    fn dates_and_times() {
        let dto = Primitive::DateTimeOffset;
        assert_eq!(string(dto, "2021-04-07T10:11:12Z"), Ok(()));
        assert_eq!(string(dto, "2021-04-07T10:11:12.1234567+01:00"), Ok(()));
        assert!(string(dto, "2021-04-07T10:11:12").is_err(), "no offset");
        assert!(string(dto, "datetime-value").is_err());
        assert_eq!(string(Primitive::Date, "2021-04-07"), Ok(()));
        assert!(string(Primitive::Date, "2021-02-30").is_err());
        assert!(string(Primitive::Date, "2021-04-07T00:00:00Z").is_err());
        assert_eq!(string(Primitive::TimeOfDay, "10:11:12"), Ok(()));
        assert_eq!(string(Primitive::TimeOfDay, "10:11:12.0000000"), Ok(()));
        assert!(string(Primitive::TimeOfDay, "25:00:00").is_err());
        assert_eq!(string(Primitive::Duration, "PT1H30M"), Ok(()));
        assert_eq!(string(Primitive::Duration, "P30D"), Ok(()));
        assert_eq!(string(Primitive::Duration, "-PT5M"), Ok(()));
        assert!(string(Primitive::Duration, "00:30:00").is_err());
        assert!(string(Primitive::Duration, "1h").is_err());
    }

    #[test]
    fn durations_by_their_grammar() {
        for ok in [
            "P10675199DT2H48M5.4775807S",
            "PT0S",
            "P1Y2M3W4DT5H6M7.5S",
            "PT1.5S",
            "P2W",
        ] {
            assert!(is_duration(ok), "{ok}");
        }
        for bad in [
            "", "P", "PT", "P1DT", "1D", "PT1H1H", "PT1M1H", "PT1.5M1S", "P1.D", "P.5D", "PT-1H",
            "P1S",
        ] {
            assert!(!is_duration(bad), "{bad}");
        }
    }

    #[test]
    fn guids_and_base64() {
        assert!(is_guid("0f8fad5b-d9cb-469f-a165-70867728950e"));
        assert!(!is_guid("0f8fad5bd9cb469fa16570867728950e"));
        assert!(!is_guid("{0f8fad5b-d9cb-469f-a165-70867728950e}"));
        assert!(!is_guid("0f8fad5b-d9cb-469f-a165-70867728950g"));
        assert!(is_base64("aGVsbG8="));
        assert!(is_base64("aGVsbG8"));
        assert!(is_base64(""));
        assert!(is_base64("a-_b"));
        assert!(!is_base64("aGVsbG8=="));
        assert!(!is_base64("a=b="));
        assert!(!is_base64("<base64 data>"));
        assert!(!is_base64("a"));
    }
}
