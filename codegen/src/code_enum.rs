//! [`code_enum!`]: enums whose variants each stand for one stable text.
//!
//! Diagnostic codes (`reconstructed-type`) and the classifications of schema changes
//! (`property-added`, `breaks-readers`, `major`) are printed, serialized and parsed back. The
//! macro declares such an enum from one list of `Variant => "text"` entries, so a variant, its
//! documentation and its text stay together, and generates the rest from that list.

use std::fmt;

/// The `FromStr` error of the enums of stable texts (a diagnostic [`Code`](crate::diag::Code),
/// the [`ChangeKind`](crate::diff::ChangeKind), [`Wire`](crate::diff::Wire) and
/// [`RustApi`](crate::diff::RustApi) of a schema change): no variant has the text. Displays as
/// ``unknown diagnostic code `x` ``.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownCode {
    /// What the text should have been, e.g. `diagnostic code`.
    pub expected: &'static str,
    /// The text that was given.
    pub text: String,
}

impl fmt::Display for UnknownCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown {} `{}`", self.expected, self.text)
    }
}

impl std::error::Error for UnknownCode {}

/// Declares a fieldless enum with one stable text per variant:
///
/// ```ignore
/// code_enum! {
///     /// Enum docs.
///     #[derive(Debug, Clone, Copy, PartialEq, Eq)]
///     pub enum Wire("wire verdict", serde: derive) {
///         /// Variant docs.
///         None => "none",
///         BreaksReaders => "breaks-readers",
///     }
/// }
/// ```
///
/// The attributes (docs, derives) pass through to the enum and to each variant; the derives
/// must include `Clone` and `Copy`. The macro adds `ALL` (every variant, in declaration order),
/// `as_str` (the variant's text), `Display` (the text) and `FromStr` (the text back; anything
/// else is an [`UnknownCode`] naming the string in parentheses, `wire verdict`). A text given
/// twice is an unreachable pattern, which the lints reject.
///
/// `serde:` chooses how the enum is (de)serialized, always as its text:
///
/// - `derive`: serde's derives, each variant renamed to its text. An unknown text is serde's
///   ``unknown variant `x`, expected one of ...`` error.
/// - `text`: hand-written impls through `as_str` and `FromStr`. An unknown text is the
///   [`UnknownCode`] message, ``unknown wire verdict `x` ``.
macro_rules! code_enum {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident($expected:literal, serde: derive) {
            $( $(#[$variant_meta:meta])* $variant:ident => $text:literal, )+
        }
    ) => {
        $(#[$meta])*
        #[derive(::serde::Serialize, ::serde::Deserialize)]
        $vis enum $name {
            $( $(#[$variant_meta])* #[serde(rename = $text)] $variant, )+
        }
        $crate::code_enum::code_enum!(@text $name $expected { $($variant => $text,)+ });
    };
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident($expected:literal, serde: text) {
            $( $(#[$variant_meta:meta])* $variant:ident => $text:literal, )+
        }
    ) => {
        $(#[$meta])*
        $vis enum $name {
            $( $(#[$variant_meta])* $variant, )+
        }
        $crate::code_enum::code_enum!(@text $name $expected { $($variant => $text,)+ });

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let text = <String as ::serde::Deserialize>::deserialize(d)?;
                text.parse().map_err(::serde::de::Error::custom)
            }
        }
    };
    (@text $name:ident $expected:literal { $($variant:ident => $text:literal,)+ }) => {
        impl $name {
            /// Every variant, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The variant's stable text, as printed and serialized.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text,)+
                }
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::std::str::FromStr for $name {
            type Err = $crate::code_enum::UnknownCode;

            fn from_str(text: &str) -> Result<$name, Self::Err> {
                match text {
                    $($text => Ok($name::$variant),)+
                    _ => Err($crate::code_enum::UnknownCode {
                        expected: $expected,
                        text: text.to_owned(),
                    }),
                }
            }
        }
    };
}

pub(crate) use code_enum;

#[cfg(test)]
mod tests {
    code_enum! {
        /// Derived serde.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        enum Derived("derived thing", serde: derive) {
            /// One.
            One => "one",
            TwoWords => "two-words",
        }
    }

    code_enum! {
        /// Hand-written serde.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        enum Text("text thing", serde: text) {
            Alpha => "alpha",
            /// Beta.
            Beta => "beta-x",
        }
    }

    #[test]
    fn texts_print_parse_and_serialize_both_ways() {
        assert_eq!(Derived::ALL, [Derived::One, Derived::TwoWords]);
        assert_eq!(Text::ALL, [Text::Alpha, Text::Beta]);
        for &d in Derived::ALL {
            assert_eq!(d.as_str().parse(), Ok(d));
            let json = serde_json::to_string(&d).unwrap();
            assert_eq!(json, format!("\"{d}\""));
            assert_eq!(serde_json::from_str::<Derived>(&json).unwrap(), d);
        }
        for &t in Text::ALL {
            assert_eq!(t.to_string().parse(), Ok(t));
            let json = serde_json::to_string(&t).unwrap();
            assert_eq!(json, format!("\"{}\"", t.as_str()));
            assert_eq!(serde_json::from_str::<Text>(&json).unwrap(), t);
        }
    }

    #[test]
    fn unknown_texts_are_named_in_the_error() {
        let err = "two_words".parse::<Derived>().unwrap_err();
        assert_eq!(err.to_string(), "unknown derived thing `two_words`");
        let err = serde_json::from_str::<Text>("\"gamma\"").unwrap_err();
        assert_eq!(err.to_string(), "unknown text thing `gamma`");
        let err = serde_json::from_str::<Derived>("\"three\"").unwrap_err();
        assert_eq!(
            err.to_string(),
            "unknown variant `three`, expected `one` or `two-words` at line 1 column 7"
        );
    }
}
