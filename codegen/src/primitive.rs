//! The primitive (Edm) types of Microsoft Graph, and every spelling the docs use for them.

crate::code_enum::code_enum! {
    /// A primitive type of the Graph data model. Its text (`as_str`, `Display`, `FromStr`,
    /// serde) is the canonical name used in the schema JSON: `String`, `Int32`,
    /// `DateTimeOffset`, ...
    #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
    pub enum Primitive("primitive type", serde: derive) {
        /// `Edm.String` (also `Url`).
        String => "String",
        /// `Edm.Boolean`.
        Boolean => "Boolean",
        /// `Edm.Byte`.
        Byte => "Byte",
        /// `Edm.SByte`.
        SByte => "SByte",
        /// `Edm.Int16`.
        Int16 => "Int16",
        /// `Edm.Int32` (also `int`, `Integer`).
        Int32 => "Int32",
        /// `Edm.Int64`.
        Int64 => "Int64",
        /// `Edm.Single`.
        Single => "Single",
        /// `Edm.Double` (also `numeric`).
        Double => "Double",
        /// `Edm.Decimal`.
        Decimal => "Decimal",
        /// `Edm.Guid`.
        Guid => "Guid",
        /// `Edm.DateTimeOffset` (also `DateTime`, `Timestamp`): an ISO 8601 instant.
        DateTimeOffset => "DateTimeOffset",
        /// `Edm.Date`: a calendar date.
        Date => "Date",
        /// `Edm.TimeOfDay`: a wall-clock time.
        TimeOfDay => "TimeOfDay",
        /// `Edm.Duration`: an ISO 8601 duration such as `PT1H` or `P30D`.
        Duration => "Duration",
        /// `Edm.Binary`: base64-encoded bytes.
        Binary => "Binary",
        /// `Edm.Stream`: a media stream, carried as a URL or base64 text in JSON.
        Stream => "Stream",
        /// Untyped JSON (`Json`, `JSON object`): any JSON value.
        Json => "Json",
    }
}

impl Primitive {
    /// Reads a canonical name (as written by [`Primitive::as_str`]).
    pub fn from_canonical(name: &str) -> Option<Primitive> {
        name.parse().ok()
    }

    /// Reads an English spelling from a type cell, case-insensitively, with or without `Edm.`.
    pub fn from_spelling(word: &str) -> Option<Primitive> {
        let w = word.trim();
        let w = match w.get(..4) {
            Some(prefix) if prefix.eq_ignore_ascii_case("edm.") => &w[4..],
            _ => w,
        };
        if w.len() > LONGEST_SPELLING {
            // Longer than every spelling (a translated phrase often is): none of them.
            return None;
        }
        SPELLINGS
            .iter()
            .find(|(s, _)| s.eq_ignore_ascii_case(w))
            .map(|&(_, p)| p)
    }
}

/// The byte length of the longest of [`SPELLINGS`].
const LONGEST_SPELLING: usize = longest_word(SPELLINGS);

/// The byte length of the longest word of a table of words naming primitives: a word
/// longer than it is none of them, found without a search.
pub(crate) const fn longest_word(words: &[(&str, Primitive)]) -> usize {
    let mut longest = 0;
    let mut i = 0;
    while i < words.len() {
        if words[i].0.len() > longest {
            longest = words[i].0.len();
        }
        i += 1;
    }
    longest
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
    fn the_longest_spelling_is_found() {
        let (longest, p) = (SPELLINGS.iter()).max_by_key(|(s, _)| s.len()).unwrap();
        assert_eq!(longest.len(), LONGEST_SPELLING);
        assert_eq!(Primitive::from_spelling(&longest.to_uppercase()), Some(*p));
        assert_eq!(Primitive::from_spelling(&format!("{longest}s")), None);
    }

    #[test]
    fn canonical_names_round_trip() {
        for p in Primitive::ALL {
            assert_eq!(Primitive::from_canonical(p.as_str()), Some(*p));
        }
    }
}
