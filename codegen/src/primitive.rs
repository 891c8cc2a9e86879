//! The primitive (Edm) types of Microsoft Graph, and every spelling the docs use for them.

use serde::Serialize;
use std::fmt;

/// A primitive type of the Graph data model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Primitive {
    /// `Edm.String` (also `Url`).
    String,
    /// `Edm.Boolean`.
    Boolean,
    /// `Edm.Byte`.
    Byte,
    /// `Edm.SByte`.
    SByte,
    /// `Edm.Int16`.
    Int16,
    /// `Edm.Int32` (also `int`, `Integer`).
    Int32,
    /// `Edm.Int64`.
    Int64,
    /// `Edm.Single`.
    Single,
    /// `Edm.Double` (also `numeric`).
    Double,
    /// `Edm.Decimal`.
    Decimal,
    /// `Edm.Guid`.
    Guid,
    /// `Edm.DateTimeOffset` (also `DateTime`, `Timestamp`): an ISO 8601 instant, in UTC in practice.
    DateTimeOffset,
    /// `Edm.Date`: a calendar date.
    Date,
    /// `Edm.TimeOfDay`: a wall-clock time.
    TimeOfDay,
    /// `Edm.Duration`: an ISO 8601 duration such as `PT1H` or `P30D`.
    Duration,
    /// `Edm.Binary`: base64-encoded bytes.
    Binary,
    /// `Edm.Stream`: a media stream, carried as a URL or base64 text in JSON.
    Stream,
    /// Untyped JSON (`Json`, `JSON object`): any JSON value.
    Json,
}

impl Primitive {
    /// The canonical name used in the schema JSON (`String`, `Int32`, `DateTimeOffset`, ...).
    pub fn as_str(self) -> &'static str {
        match self {
            Primitive::String => "String",
            Primitive::Boolean => "Boolean",
            Primitive::Byte => "Byte",
            Primitive::SByte => "SByte",
            Primitive::Int16 => "Int16",
            Primitive::Int32 => "Int32",
            Primitive::Int64 => "Int64",
            Primitive::Single => "Single",
            Primitive::Double => "Double",
            Primitive::Decimal => "Decimal",
            Primitive::Guid => "Guid",
            Primitive::DateTimeOffset => "DateTimeOffset",
            Primitive::Date => "Date",
            Primitive::TimeOfDay => "TimeOfDay",
            Primitive::Duration => "Duration",
            Primitive::Binary => "Binary",
            Primitive::Stream => "Stream",
            Primitive::Json => "Json",
        }
    }

    /// Every primitive, in a stable order.
    pub const ALL: &'static [Primitive] = &[
        Primitive::String,
        Primitive::Boolean,
        Primitive::Byte,
        Primitive::SByte,
        Primitive::Int16,
        Primitive::Int32,
        Primitive::Int64,
        Primitive::Single,
        Primitive::Double,
        Primitive::Decimal,
        Primitive::Guid,
        Primitive::DateTimeOffset,
        Primitive::Date,
        Primitive::TimeOfDay,
        Primitive::Duration,
        Primitive::Binary,
        Primitive::Stream,
        Primitive::Json,
    ];

    /// Reads a canonical name (as written by [`Primitive::as_str`]).
    pub fn from_canonical(name: &str) -> Option<Primitive> {
        Primitive::ALL.iter().copied().find(|p| p.as_str() == name)
    }

    /// Reads an English spelling from a type cell, case-insensitively, with or without `Edm.`.
    pub fn from_spelling(word: &str) -> Option<Primitive> {
        let w = word.trim();
        let w = match w.get(..4) {
            Some(prefix) if prefix.eq_ignore_ascii_case("edm.") => &w[4..],
            _ => w,
        };
        SPELLINGS
            .iter()
            .find(|(s, _)| s.eq_ignore_ascii_case(w))
            .map(|&(_, p)| p)
    }
}

/// Every spelling the docs use (compared ignoring ASCII case), most frequent first.
const SPELLINGS: &[(&str, Primitive)] = &[
    ("string", Primitive::String),
    ("boolean", Primitive::Boolean),
    ("datetimeoffset", Primitive::DateTimeOffset),
    ("int32", Primitive::Int32),
    ("int64", Primitive::Int64),
    ("date", Primitive::Date),
    ("double", Primitive::Double),
    ("duration", Primitive::Duration),
    ("guid", Primitive::Guid),
    ("binary", Primitive::Binary),
    ("stream", Primitive::Stream),
    ("timeofday", Primitive::TimeOfDay),
    ("json", Primitive::Json),
    ("url", Primitive::String),
    ("uri", Primitive::String),
    ("str", Primitive::String),
    ("bool", Primitive::Boolean),
    ("byte", Primitive::Byte),
    ("sbyte", Primitive::SByte),
    ("int16", Primitive::Int16),
    ("short", Primitive::Int16),
    ("int", Primitive::Int32),
    ("integer", Primitive::Int32),
    ("long", Primitive::Int64),
    ("single", Primitive::Single),
    ("float", Primitive::Single),
    ("numeric", Primitive::Double),
    ("number", Primitive::Double),
    ("decimal", Primitive::Decimal),
    ("uuid", Primitive::Guid),
    ("datetime", Primitive::DateTimeOffset),
    ("timestamp", Primitive::DateTimeOffset),
    ("timespan", Primitive::Duration),
    ("json object", Primitive::Json),
    ("untyped json object", Primitive::Json),
    ("object", Primitive::Json),
    ("untyped", Primitive::Json),
];

impl fmt::Display for Primitive {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_are_case_insensitive_with_edm_prefix() {
        assert_eq!(
            Primitive::from_spelling("DateTimeOffSet"),
            Some(Primitive::DateTimeOffset)
        );
        assert_eq!(
            Primitive::from_spelling("Edm.Binary"),
            Some(Primitive::Binary)
        );
        assert_eq!(Primitive::from_spelling("GUID"), Some(Primitive::Guid));
        assert_eq!(Primitive::from_spelling("actionState"), None);
    }

    #[test]
    fn canonical_names_round_trip() {
        for p in Primitive::ALL {
            assert_eq!(Primitive::from_canonical(p.as_str()), Some(*p));
        }
    }
}
