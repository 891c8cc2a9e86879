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

/// Rust types for primitives: the defaults of [`rust_type_of_primitive`] with overrides.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TypeMapping {
    overrides: BTreeMap<String, String>,
}

impl TypeMapping {
    /// Maps the primitive named `primitive` (`DateTimeOffset`) to the Rust type path `rust`
    /// (`String`, `chrono::DateTime<chrono::Utc>`). The type must implement serde's traits,
    /// `Debug`, `Clone` and `PartialEq`.
    pub fn set(&mut self, primitive: &str, rust: &str) {
        self.overrides.insert(primitive.to_owned(), rust.to_owned());
    }

    /// The Rust type path of a primitive name.
    pub fn path(&self, primitive: &str) -> String {
        if let Some(o) = self.overrides.get(primitive) {
            return o.clone();
        }
        Primitive::from_canonical(primitive)
            .map_or("serde_json::Value", rust_type_of_primitive)
            .to_owned()
    }

    /// The Rust type of a primitive name, as tokens.
    pub fn tokens(&self, primitive: &str) -> TokenStream {
        let path = self.path(primitive);
        syn::parse_str::<syn::Type>(&path)
            .map_or_else(|_| quote::quote!(serde_json::Value), |t| quote::quote!(#t))
    }
}
