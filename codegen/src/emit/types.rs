//! The Rust type of every primitive, and user overrides of that table.

use crate::primitive::Primitive;
use std::collections::BTreeMap;

/// The default Rust type of a primitive, as a path. Paths that start with `support::` name the
/// `support` module the generated file carries (emit reaches it from any module).
///
/// | Graph | Rust | why |
/// |---|---|---|
/// | String | `String` | |
/// | Boolean | `bool` | |
/// | Byte, SByte, Int16, Int32, Int64 | `u8`, `i8`, `i16`, `i32`, `i64` | |
/// | Single, Double, Decimal | `support::Float` | an `f64` written back in the form it was read (`10`, `10.0`) |
/// | Guid | `support::Guid` | the text as received (case, braces kept); `uuid::Uuid` on demand |
/// | DateTimeOffset | `support::DateTimeOffset` | the text as received (offset and digits kept); `jiff::Timestamp` on demand |
/// | Date | `support::Date` | the text as received; `jiff::civil::Date` on demand |
/// | TimeOfDay | `support::TimeOfDay` | the text as received (`10:11:12.0000000`); `jiff::civil::Time` on demand |
/// | Duration | `support::Duration` | the text as received (`P30D`); `jiff::Span` on demand |
/// | Binary, Stream | `String` | base64 text as sent |
/// | Json | `serde_json::Value` | untyped |
pub fn rust_type_of_primitive(p: Primitive) -> &'static str {
    match p {
        Primitive::String => "String",
        Primitive::Boolean => "bool",
        Primitive::Byte => "u8",
        Primitive::SByte => "i8",
        Primitive::Int16 => "i16",
        Primitive::Int32 => "i32",
        Primitive::Int64 => "i64",
        Primitive::Single | Primitive::Double | Primitive::Decimal => "support::Float",
        Primitive::Guid => "support::Guid",
        Primitive::DateTimeOffset => "support::DateTimeOffset",
        Primitive::Date => "support::Date",
        Primitive::TimeOfDay => "support::TimeOfDay",
        Primitive::Duration => "support::Duration",
        Primitive::Binary | Primitive::Stream => "String",
        Primitive::Json => "serde_json::Value",
    }
}

/// Rust types for primitives: the defaults of [`rust_type_of_primitive`] with overrides, each
/// checked to be a Rust type once, when it is set.
///
/// The overrides are kept as the user wrote them; emit writes one on its table row's one line,
/// its whitespace collapsed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TypeMapping {
    overrides: BTreeMap<Primitive, String>,
}

impl TypeMapping {
    /// Maps `primitive` to the Rust type path `rust` (`String`,
    /// `chrono::DateTime<chrono::Utc>`), or says why `rust` is not a Rust type. The type must
    /// implement serde's traits, `Debug`, `Clone` and `PartialEq`.
    ///
    /// ```
    /// use msgraph_docgen::{emit::TypeMapping, primitive::Primitive};
    /// let mut mapping = TypeMapping::default();
    /// mapping.set(Primitive::DateTimeOffset, "String").unwrap();
    /// assert_eq!(mapping.path(Primitive::DateTimeOffset), "String");
    /// assert!(mapping.set(Primitive::Guid, "not a type").is_err());
    /// ```
    pub fn set(&mut self, primitive: Primitive, rust: &str) -> Result<(), syn::Error> {
        syn::parse_str::<syn::Type>(rust)?;
        self.overrides.insert(primitive, rust.to_owned());
        Ok(())
    }

    /// The Rust type path of a primitive.
    pub fn path(&self, primitive: Primitive) -> &str {
        self.overrides
            .get(&primitive)
            .map_or_else(|| rust_type_of_primitive(primitive), String::as_str)
    }

    /// [`TypeMapping::push_text_in`] as a new string (for the tests).
    #[cfg(test)]
    pub(super) fn text_in(&self, primitive: Primitive, from: &[String]) -> (String, bool) {
        let mut text = String::new();
        let from_user = self.push_text_in(&mut text, primitive, from);
        (text, from_user)
    }

    /// Appends the Rust type of a primitive as written inside module `from` of the generated
    /// code to `out` (a table row being written; a path into the `support` module climbs out of
    /// `from` first), and says whether it is the user's text (an override, its whitespace
    /// collapsed on the row).
    pub(super) fn push_text_in(
        &self,
        out: &mut String,
        primitive: Primitive,
        from: &[String],
    ) -> bool {
        let path = self.path(primitive);
        match path.strip_prefix("support::") {
            Some(item) => super::support::push_support_path(out, from, item),
            None => out.push_str(path),
        }
        self.overrides.contains_key(&primitive)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn support_types_are_reached_from_any_module_and_overrides_are_used_as_given() {
        let mut mapping = TypeMapping::default();
        let module = ["call_records".to_owned()];
        assert_eq!(
            mapping.text_in(Primitive::DateTimeOffset, &module),
            ("super::support::DateTimeOffset".to_owned(), false)
        );
        assert_eq!(
            mapping.text_in(Primitive::Double, &[]),
            ("support::Float".to_owned(), false)
        );
        mapping
            .set(Primitive::DateTimeOffset, "jiff::Timestamp")
            .unwrap();
        assert_eq!(
            mapping.text_in(Primitive::DateTimeOffset, &module),
            ("jiff::Timestamp".to_owned(), true)
        );
        assert_eq!(
            mapping.text_in(Primitive::String, &module),
            ("String".to_owned(), false)
        );
    }
}
