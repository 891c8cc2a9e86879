//! The Rust type of every primitive, and user overrides of that table.

use crate::primitive::Primitive;
use proc_macro2::TokenStream;
use std::collections::BTreeMap;

/// The default Rust type of a primitive, as a path.
///
/// | Graph | Rust | why |
/// |---|---|---|
/// | String | `String` | |
/// | Boolean | `bool` | |
/// | Byte, SByte, Int16, Int32, Int64 | `u8`, `i8`, `i16`, `i32`, `i64` | |
/// | Single, Double, Decimal | `f32`, `f64`, `f64` | serde_json reads decimals as `f64` |
/// | Guid | `uuid::Uuid` | |
/// | DateTimeOffset | `jiff::Timestamp` | Graph sends UTC instants (`...Z`); jiff writes them back in the same form |
/// | Date | `jiff::civil::Date` | |
/// | TimeOfDay | `jiff::civil::Time` | |
/// | Duration | `String` | ISO 8601 with calendar units (`P30D`); parse with `jiff::Span` when needed |
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
        Primitive::Single => "f32",
        Primitive::Double | Primitive::Decimal => "f64",
        Primitive::Guid => "uuid::Uuid",
        Primitive::DateTimeOffset => "jiff::Timestamp",
        Primitive::Date => "jiff::civil::Date",
        Primitive::TimeOfDay => "jiff::civil::Time",
        Primitive::Duration | Primitive::Binary | Primitive::Stream => "String",
        Primitive::Json => "serde_json::Value",
    }
}

/// Rust types for primitives: the defaults of [`rust_type_of_primitive`] with overrides, each
/// checked to be a Rust type once, when it is set.
///
/// The overrides are kept as text, not as tokens: token streams cannot cross threads, and emit
/// formats on all cores. Turning checked text back into tokens is lexing only, and cannot fail.
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

    /// The Rust type of a primitive, as tokens.
    pub fn tokens(&self, primitive: Primitive) -> TokenStream {
        self.path(primitive)
            .parse()
            .expect("type mappings are checked to be Rust types when set")
    }
}
