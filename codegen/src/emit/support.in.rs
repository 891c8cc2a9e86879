// The `support` module every generated file carries (emitted by `emit/support.rs`): the types
// its fields use to write back exactly what they read. Everything below this comment is
// written into each generated file exactly as it is laid out here (keep it rustfmt-clean).

/// The types the generated fields use to write back what they read: a property that
/// distinguishes absent from `null` ([`Nullable`](support::Nullable)); a navigation property's
/// JSON, read into its type when asked ([`Expanded`](support::Expanded)); values kept as the text
/// received, with typed access through `jiff` and `uuid`
/// ([`DateTimeOffset`](support::DateTimeOffset), [`Date`](support::Date),
/// [`TimeOfDay`](support::TimeOfDay), [`Duration`](support::Duration),
/// [`Guid`](support::Guid)); and floating-point numbers that keep their integer or fraction
/// form ([`Float`](support::Float)). Emitted by `msgraph-docgen` into every generated file.
pub mod support {
    /// A property as JSON has it: absent, `null`, or a value.
    ///
    /// Graph gives the two empty states different meanings: in a `PATCH` body an absent
    /// property is left as it is and a `null` one is cleared. Reading keeps which one was
    /// sent, and writing sends it back: `Absent` is not written, `Null` is written as `null`.
    /// A new value starts `Absent` ([`Default`]); set a property with `value.into()` or
    /// [`Nullable::Value`], clear it with [`Nullable::Null`].
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum Nullable<T> {
        /// Not in the JSON object (not written).
        Absent,
        /// JSON `null` (written as `null`).
        Null,
        /// A value.
        Value(T),
    }

    impl<T> Nullable<T> {
        /// True when the property is not in the JSON object.
        pub fn is_absent(&self) -> bool {
            matches!(self, Self::Absent)
        }

        /// True when the property is JSON `null`.
        pub fn is_null(&self) -> bool {
            matches!(self, Self::Null)
        }

        /// True when the property has a value.
        pub fn is_value(&self) -> bool {
            matches!(self, Self::Value(_))
        }

        /// The value, if there is one (`None` when absent or `null`).
        pub fn value(&self) -> Option<&T> {
            match self {
                Self::Value(v) => Some(v),
                Self::Absent | Self::Null => None,
            }
        }

        /// The value, mutably, if there is one.
        pub fn value_mut(&mut self) -> Option<&mut T> {
            match self {
                Self::Value(v) => Some(v),
                Self::Absent | Self::Null => None,
            }
        }

        /// The value, if there is one, by value.
        pub fn into_value(self) -> Option<T> {
            match self {
                Self::Value(v) => Some(v),
                Self::Absent | Self::Null => None,
            }
        }

        /// The same state, with a reference to the value.
        pub fn as_ref(&self) -> Nullable<&T> {
            match self {
                Self::Absent => Nullable::Absent,
                Self::Null => Nullable::Null,
                Self::Value(v) => Nullable::Value(v),
            }
        }

        /// The same state, with the value dereferenced (`&Box<T>` → `&T`, `&String` → `&str`).
        pub fn as_deref(&self) -> Nullable<&T::Target>
        where
            T: std::ops::Deref,
        {
            match self {
                Self::Absent => Nullable::Absent,
                Self::Null => Nullable::Null,
                Self::Value(v) => Nullable::Value(&**v),
            }
        }

        /// The same state, with `f` applied to the value.
        pub fn map<U, F: FnOnce(T) -> U>(self, f: F) -> Nullable<U> {
            match self {
                Self::Absent => Nullable::Absent,
                Self::Null => Nullable::Null,
                Self::Value(v) => Nullable::Value(f(v)),
            }
        }
    }

    impl<T> Default for Nullable<T> {
        /// [`Nullable::Absent`].
        fn default() -> Self {
            Self::Absent
        }
    }

    impl<T> From<T> for Nullable<T> {
        fn from(value: T) -> Self {
            Self::Value(value)
        }
    }

    impl<T: serde::Serialize> serde::Serialize for Nullable<T> {
        fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            match self {
                Self::Value(v) => v.serialize(serializer),
                Self::Absent | Self::Null => serializer.serialize_none(),
            }
        }
    }

    impl<'de, T: serde::Deserialize<'de>> serde::Deserialize<'de> for Nullable<T> {
        /// `null` reads as [`Nullable::Null`]; an absent property is never read, and stays
        /// [`Nullable::Absent`] (the generated structs start from `Default`).
        fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            let value = <Option<T> as serde::Deserialize>::deserialize(deserializer)?;
            Ok(value.map_or(Self::Null, Self::Value))
        }
    }

    /// The JSON of a navigation property, read into `T` when asked ([`Expanded::read`]).
    ///
    /// Graph sends a navigation property only when the request expands it (`$expand`).
    /// Keeping its JSON until it is read means that a program compiles the reading code of
    /// the types it reads, not of every type its entities link to; the JSON is written back
    /// as read. (Generated with `typed_navigation`, the fields hold `T` itself instead.)
    pub struct Expanded<T> {
        json: serde_json::Value,
        ty: std::marker::PhantomData<fn() -> T>,
    }

    impl<T> Expanded<T> {
        /// A value holding `json`, which [`Expanded::read`] will read as a `T`.
        #[inline]
        pub fn from_json(json: serde_json::Value) -> Self {
            Self {
                json,
                ty: std::marker::PhantomData,
            }
        }

        /// The JSON as read, or as set.
        #[inline]
        pub fn json(&self) -> &serde_json::Value {
            &self.json
        }

        /// The JSON as read, or as set.
        #[inline]
        pub fn into_json(self) -> serde_json::Value {
            self.json
        }
    }

    impl<T: serde::de::DeserializeOwned> Expanded<T> {
        /// Reads the JSON as a `T` (each call reads it again).
        #[inline]
        pub fn read(&self) -> Result<T, serde_json::Error> {
            T::deserialize(&self.json)
        }
    }

    impl<T: serde::Serialize> Expanded<T> {
        /// The JSON of `value`.
        #[inline]
        pub fn new(value: &T) -> Result<Self, serde_json::Error> {
            serde_json::to_value(value).map(Self::from_json)
        }
    }

    impl<T> Clone for Expanded<T> {
        #[inline]
        fn clone(&self) -> Self {
            Self::from_json(self.json.clone())
        }
    }

    impl<T> PartialEq for Expanded<T> {
        /// Equal when the JSON is.
        #[inline]
        fn eq(&self, other: &Self) -> bool {
            self.json == other.json
        }
    }

    impl<T> std::fmt::Debug for Expanded<T> {
        #[inline]
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.debug_tuple("Expanded").field(&self.json).finish()
        }
    }

    impl<T> serde::Serialize for Expanded<T> {
        fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            serde::Serialize::serialize(&self.json, serializer)
        }
    }

    impl<'de, T> serde::Deserialize<'de> for Expanded<T> {
        fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            <serde_json::Value as serde::Deserialize>::deserialize(deserializer)
                .map(Self::from_json)
        }
    }

    /// How a generated struct reads and writes its JSON object: what
    /// [`read_object`](support::read_object) and [`write_object`](support::write_object) call.
    /// The generator implements it for every struct (instead of serde's derive, whose
    /// expansion costs more to compile and buffers unknown properties before keeping them).
    #[doc(hidden)]
    pub trait Object: Default {
        /// The type's Graph name, with which a JSON value of the wrong shape is reported.
        const GRAPH_NAME: &'static str;
        /// The `@odata.type` annotation and the map of unknown properties.
        fn generated_mut(
            &mut self,
        ) -> (
            &mut Option<String>,
            &mut serde_json::Map<String, serde_json::Value>,
        );
        /// The `@odata.type` annotation and the map of unknown properties.
        fn generated(&self) -> (&Option<String>, &serde_json::Map<String, serde_json::Value>);
        /// Reads the value of property `key` when it is one of the struct's; false otherwise.
        fn read_field<'de, A: serde::de::MapAccess<'de>>(
            &mut self,
            key: &str,
            map: &mut A,
        ) -> Result<bool, A::Error> {
            let _ = (key, map);
            Ok(false)
        }
        /// Writes every property that is not absent.
        fn write_fields<M: serde::ser::SerializeMap>(&self, map: &mut M) -> Result<(), M::Error> {
            let _ = map;
            Ok(())
        }
    }

    // The macros' docs name items as code, not links: when the generated code is a module of
    // a crate documented with its private items (as binaries are), rustdoc does not resolve
    // `support::...` in a macro's docs, and warns.
    /// Declares a generated struct and implements it from its table: the type's Graph name,
    /// the struct's docs and attributes, `pub struct Name {` (`pub struct Name: Base {` for a
    /// derived struct), then a row per property: its docs, its `#[cfg(..)]` with area features
    /// (without it, its key is an unknown property), and `"jsonName" => field: T,` with the
    /// user's attributes, if any, after `=>`. Each row is a `pub` field of type
    /// `support::Nullable<T>`. A root struct also gets `odata_type` (the `@odata.type`
    /// annotation) and `additional_properties` (the properties the docs do not list); a derived
    /// struct gets `base`, its base's struct, which reads the keys that are not its own and
    /// whose properties are written first. It implements `Clone`, `Default`, `PartialEq`,
    /// `Debug` (the struct's name and the JSON it writes, through `support::debug_object`),
    /// `support::Object`, `Serialize` and `Deserialize`. Non-generic methods are `#[inline]`:
    /// compiled in the crates that call them, not in the generated crate whether used or not.
    /// Paths in the expansion start at `support`, which every module of generated code has in
    /// scope.
    // Unused when area features leave no struct compiled. The four arms (root or derived, with
    // or without rows) are written out in full: a struct without rows gets the trait's
    // `read_field` and `write_fields` (no bodies of its own), and folding the arms into two
    // cost a whole tree's check 21 MiB of rustc peak (those bodies, and the `#[allow(unused_mut)]`
    // their empty row lists need). The struct is declared here, not written out beside its
    // table: that was 1.1 MB more of a whole tree's source (each field named twice, the
    // generated fields' lines in every root). `Clone`, `Default` and `PartialEq` are written
    // here, not derived: built-in derives inside a macro's expansion cost a whole tree's check
    // about two seconds of expanding and resolving. No arm calls another macro (`concat!`,
    // `stringify!`, its own arms): each call inside thousands of expansions costs resolving.
    #[allow(unused_macros)]
    macro_rules! object {
        (
            $graph:literal,
            $(#[$meta:meta])*
            pub struct $ty:ident {}
        ) => {
            $(#[$meta])*
            pub struct $ty {
                /// The `@odata.type` annotation, written back as read. Set it when sending a
                /// derived type where its base is expected.
                pub odata_type: Option<String>,
                /// Properties the docs did not list (and other `@` annotations), kept so that
                /// writing the value back loses nothing.
                pub additional_properties: serde_json::Map<String, serde_json::Value>,
            }
            impl Clone for $ty {
                #[inline]
                fn clone(&self) -> Self {
                    Self {
                        odata_type: self.odata_type.clone(),
                        additional_properties: self.additional_properties.clone(),
                    }
                }
            }
            impl Default for $ty {
                #[inline]
                fn default() -> Self {
                    Self {
                        odata_type: None,
                        additional_properties: serde_json::Map::new(),
                    }
                }
            }
            impl PartialEq for $ty {
                #[inline]
                fn eq(&self, other: &Self) -> bool {
                    self.odata_type == other.odata_type
                        && self.additional_properties == other.additional_properties
                }
            }
            impl support::Object for $ty {
                const GRAPH_NAME: &'static str = $graph;
                #[inline]
                fn generated_mut(
                    &mut self,
                ) -> (
                    &mut Option<String>,
                    &mut serde_json::Map<String, serde_json::Value>,
                ) {
                    (&mut self.odata_type, &mut self.additional_properties)
                }
                #[inline]
                fn generated(
                    &self,
                ) -> (
                    &Option<String>,
                    &serde_json::Map<String, serde_json::Value>,
                ) {
                    (&self.odata_type, &self.additional_properties)
                }
            }
            impl serde::Serialize for $ty {
                fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                    support::write_object(self, serializer)
                }
            }
            impl<'de> serde::Deserialize<'de> for $ty {
                fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                    support::read_object(deserializer)
                }
            }
            impl std::fmt::Debug for $ty {
                #[inline]
                fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                    support::debug_object(self, f)
                }
            }
        };
        (
            $graph:literal,
            $(#[$meta:meta])*
            pub struct $ty:ident {
                $($(#[doc = $doc:literal])* $(#[cfg($cfg:meta)])? $json:literal => $(#[$attr:meta])* $field:ident: $fty:ty,)+
            }
        ) => {
            $(#[$meta])*
            pub struct $ty {
                /// The `@odata.type` annotation, written back as read. Set it when sending a
                /// derived type where its base is expected.
                pub odata_type: Option<String>,
                $($(#[doc = $doc])* $(#[cfg($cfg)])? $(#[$attr])* pub $field: support::Nullable<$fty>,)+
                /// Properties the docs did not list (and other `@` annotations), kept so that
                /// writing the value back loses nothing.
                pub additional_properties: serde_json::Map<String, serde_json::Value>,
            }
            impl Clone for $ty {
                #[inline]
                fn clone(&self) -> Self {
                    Self {
                        odata_type: self.odata_type.clone(),
                        $($(#[cfg($cfg)])? $field: self.$field.clone(),)+
                        additional_properties: self.additional_properties.clone(),
                    }
                }
            }
            impl Default for $ty {
                #[inline]
                fn default() -> Self {
                    Self {
                        odata_type: None,
                        $($(#[cfg($cfg)])? $field: support::Nullable::Absent,)+
                        additional_properties: serde_json::Map::new(),
                    }
                }
            }
            impl PartialEq for $ty {
                #[inline]
                fn eq(&self, other: &Self) -> bool {
                    $($(#[cfg($cfg)])? if self.$field != other.$field {
                        return false;
                    })+
                    self.odata_type == other.odata_type
                        && self.additional_properties == other.additional_properties
                }
            }
            impl support::Object for $ty {
                const GRAPH_NAME: &'static str = $graph;
                #[inline]
                fn generated_mut(
                    &mut self,
                ) -> (
                    &mut Option<String>,
                    &mut serde_json::Map<String, serde_json::Value>,
                ) {
                    (&mut self.odata_type, &mut self.additional_properties)
                }
                #[inline]
                fn generated(
                    &self,
                ) -> (
                    &Option<String>,
                    &serde_json::Map<String, serde_json::Value>,
                ) {
                    (&self.odata_type, &self.additional_properties)
                }
                fn read_field<'de, A: serde::de::MapAccess<'de>>(
                    &mut self,
                    key: &str,
                    map: &mut A,
                ) -> Result<bool, A::Error> {
                    let fields = &mut support::FieldReader::new(key, map);
                    $($(#[cfg($cfg)])? fields.read($json, &mut self.$field);)+
                    fields.finish()
                }
                fn write_fields<M: serde::ser::SerializeMap>(
                    &self,
                    map: &mut M,
                ) -> Result<(), M::Error> {
                    let fields = &mut support::FieldWriter::new(map);
                    $($(#[cfg($cfg)])? fields.write($json, &self.$field);)+
                    fields.finish()
                }
            }
            impl serde::Serialize for $ty {
                fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                    support::write_object(self, serializer)
                }
            }
            impl<'de> serde::Deserialize<'de> for $ty {
                fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                    support::read_object(deserializer)
                }
            }
            impl std::fmt::Debug for $ty {
                #[inline]
                fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                    support::debug_object(self, f)
                }
            }
        };
        (
            $graph:literal,
            $(#[$meta:meta])*
            pub struct $ty:ident: $base:ty {}
        ) => {
            $(#[$meta])*
            pub struct $ty {
                /// The properties inherited from the base type's struct, in the same JSON object.
                pub base: $base,
            }
            impl Clone for $ty {
                #[inline]
                fn clone(&self) -> Self {
                    Self {
                        base: self.base.clone(),
                    }
                }
            }
            impl Default for $ty {
                #[inline]
                fn default() -> Self {
                    Self {
                        base: Default::default(),
                    }
                }
            }
            impl PartialEq for $ty {
                #[inline]
                fn eq(&self, other: &Self) -> bool {
                    self.base == other.base
                }
            }
            impl support::Object for $ty {
                const GRAPH_NAME: &'static str = $graph;
                #[inline]
                fn generated_mut(
                    &mut self,
                ) -> (
                    &mut Option<String>,
                    &mut serde_json::Map<String, serde_json::Value>,
                ) {
                    support::Object::generated_mut(&mut self.base)
                }
                #[inline]
                fn generated(
                    &self,
                ) -> (
                    &Option<String>,
                    &serde_json::Map<String, serde_json::Value>,
                ) {
                    support::Object::generated(&self.base)
                }
                fn read_field<'de, A: serde::de::MapAccess<'de>>(
                    &mut self,
                    key: &str,
                    map: &mut A,
                ) -> Result<bool, A::Error> {
                    support::Object::read_field(&mut self.base, key, map)
                }
                fn write_fields<M: serde::ser::SerializeMap>(
                    &self,
                    map: &mut M,
                ) -> Result<(), M::Error> {
                    support::Object::write_fields(&self.base, map)
                }
            }
            impl serde::Serialize for $ty {
                fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                    support::write_object(self, serializer)
                }
            }
            impl<'de> serde::Deserialize<'de> for $ty {
                fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                    support::read_object(deserializer)
                }
            }
            impl std::fmt::Debug for $ty {
                #[inline]
                fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                    support::debug_object(self, f)
                }
            }
        };
        (
            $graph:literal,
            $(#[$meta:meta])*
            pub struct $ty:ident: $base:ty {
                $($(#[doc = $doc:literal])* $(#[cfg($cfg:meta)])? $json:literal => $(#[$attr:meta])* $field:ident: $fty:ty,)+
            }
        ) => {
            $(#[$meta])*
            pub struct $ty {
                /// The properties inherited from the base type's struct, in the same JSON object.
                pub base: $base,
                $($(#[doc = $doc])* $(#[cfg($cfg)])? $(#[$attr])* pub $field: support::Nullable<$fty>,)+
            }
            impl Clone for $ty {
                #[inline]
                fn clone(&self) -> Self {
                    Self {
                        base: self.base.clone(),
                        $($(#[cfg($cfg)])? $field: self.$field.clone(),)+
                    }
                }
            }
            impl Default for $ty {
                #[inline]
                fn default() -> Self {
                    Self {
                        base: Default::default(),
                        $($(#[cfg($cfg)])? $field: support::Nullable::Absent,)+
                    }
                }
            }
            impl PartialEq for $ty {
                #[inline]
                fn eq(&self, other: &Self) -> bool {
                    $($(#[cfg($cfg)])? if self.$field != other.$field {
                        return false;
                    })+
                    self.base == other.base
                }
            }
            impl support::Object for $ty {
                const GRAPH_NAME: &'static str = $graph;
                #[inline]
                fn generated_mut(
                    &mut self,
                ) -> (
                    &mut Option<String>,
                    &mut serde_json::Map<String, serde_json::Value>,
                ) {
                    support::Object::generated_mut(&mut self.base)
                }
                #[inline]
                fn generated(
                    &self,
                ) -> (
                    &Option<String>,
                    &serde_json::Map<String, serde_json::Value>,
                ) {
                    support::Object::generated(&self.base)
                }
                fn read_field<'de, A: serde::de::MapAccess<'de>>(
                    &mut self,
                    key: &str,
                    map: &mut A,
                ) -> Result<bool, A::Error> {
                    let fields = &mut support::FieldReader::new(key, map);
                    $($(#[cfg($cfg)])? fields.read($json, &mut self.$field);)+
                    fields.or_base(&mut self.base)
                }
                fn write_fields<M: serde::ser::SerializeMap>(
                    &self,
                    map: &mut M,
                ) -> Result<(), M::Error> {
                    let fields = &mut support::FieldWriter::after(&self.base, map);
                    $($(#[cfg($cfg)])? fields.write($json, &self.$field);)+
                    fields.finish()
                }
            }
            impl serde::Serialize for $ty {
                fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                    support::write_object(self, serializer)
                }
            }
            impl<'de> serde::Deserialize<'de> for $ty {
                fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                    support::read_object(deserializer)
                }
            }
            impl std::fmt::Debug for $ty {
                #[inline]
                fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                    support::debug_object(self, f)
                }
            }
        };
    }
    #[allow(unused_imports)]
    pub(crate) use object;

    /// Implements a generated enum's conversions from its table of wire names and variants
    /// (`$other` is the variant that keeps the values the table does not list; a row may end
    /// in the member's integer value, `"done" => Done = 4,`, which gives `value`): `as_str`,
    /// `From<&str>`, `Display`, `Serialize` and `Deserialize` through the wire name,
    /// `PartialEq`, `Eq`, `Hash`, `PartialOrd` and `Ord` on it (ordered by wire name), so a
    /// value equals what it writes (`Debug` is derived on the enum). Every method is
    /// `#[inline]`: it is compiled in the crates that call it, not in the generated crate
    /// whether used or not. Paths in the expansion start at `support`, which every module of
    /// generated code has in scope. Like every macro here, it expands in one step (no arm
    /// calls another): a whole tree's thousands of nested calls cost seconds of resolving.
    // Unused when area features leave no enum compiled. The second arm is the first with
    // `value` (each row's value is `[]` or `[4]`, read by `support::enum_value`); an enum
    // whose rows carry no value matches the first. Written out as a `value` method per
    // enum, that was 0.3 MB of a whole tree's source.
    #[allow(unused_macros)]
    macro_rules! string_enum {
        ($ty:ident, $other:ident, $($wire:literal => $variant:ident,)*) => {
            impl $ty {
                /// The name of the member as sent on the wire.
                #[inline]
                pub fn as_str(&self) -> &str {
                    match self {
                        $(Self::$variant => $wire,)*
                        Self::$other(s) => s,
                    }
                }
            }
            impl From<&str> for $ty {
                #[inline]
                fn from(s: &str) -> Self {
                    match s {
                        $($wire => Self::$variant,)*
                        other => Self::$other(other.to_owned()),
                    }
                }
            }
            impl std::fmt::Display for $ty {
                #[inline]
                fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                    f.write_str(self.as_str())
                }
            }
            impl PartialEq for $ty {
                #[inline]
                fn eq(&self, other: &Self) -> bool {
                    self.as_str() == other.as_str()
                }
            }
            impl Eq for $ty {}
            impl std::hash::Hash for $ty {
                #[inline]
                fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
                    std::hash::Hash::hash(self.as_str(), state)
                }
            }
            impl PartialOrd for $ty {
                #[inline]
                fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
                    Some(self.cmp(other))
                }
            }
            impl Ord for $ty {
                #[inline]
                fn cmp(&self, other: &Self) -> std::cmp::Ordering {
                    self.as_str().cmp(other.as_str())
                }
            }
            impl serde::Serialize for $ty {
                #[inline]
                fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                    serializer.serialize_str(self.as_str())
                }
            }
            impl<'de> serde::Deserialize<'de> for $ty {
                #[inline]
                fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                    support::read_string_enum(deserializer)
                }
            }
        };
        ($ty:ident, $other:ident, $($wire:literal => $variant:ident $(= $value:literal)?,)*) => {
            impl $ty {
                /// The integer value the docs give for this member, if any.
                #[inline]
                pub fn value(&self) -> Option<i64> {
                    match self {
                        $(Self::$variant => support::enum_value(&[$($value)?]),)*
                        Self::$other(_) => None,
                    }
                }
            }
            impl $ty {
                /// The name of the member as sent on the wire.
                #[inline]
                pub fn as_str(&self) -> &str {
                    match self {
                        $(Self::$variant => $wire,)*
                        Self::$other(s) => s,
                    }
                }
            }
            impl From<&str> for $ty {
                #[inline]
                fn from(s: &str) -> Self {
                    match s {
                        $($wire => Self::$variant,)*
                        other => Self::$other(other.to_owned()),
                    }
                }
            }
            impl std::fmt::Display for $ty {
                #[inline]
                fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                    f.write_str(self.as_str())
                }
            }
            impl PartialEq for $ty {
                #[inline]
                fn eq(&self, other: &Self) -> bool {
                    self.as_str() == other.as_str()
                }
            }
            impl Eq for $ty {}
            impl std::hash::Hash for $ty {
                #[inline]
                fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
                    std::hash::Hash::hash(self.as_str(), state)
                }
            }
            impl PartialOrd for $ty {
                #[inline]
                fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
                    Some(self.cmp(other))
                }
            }
            impl Ord for $ty {
                #[inline]
                fn cmp(&self, other: &Self) -> std::cmp::Ordering {
                    self.as_str().cmp(other.as_str())
                }
            }
            impl serde::Serialize for $ty {
                #[inline]
                fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                    serializer.serialize_str(self.as_str())
                }
            }
            impl<'de> serde::Deserialize<'de> for $ty {
                #[inline]
                fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                    support::read_string_enum(deserializer)
                }
            }
        };
    }
    #[allow(unused_imports)]
    pub(crate) use string_enum;

    /// The integer value of a member from its table row's value, `[]` if it has none.
    #[doc(hidden)]
    #[inline]
    pub const fn enum_value(value: &[i64]) -> Option<i64> {
        match value {
            [value] => Some(*value),
            _ => None,
        }
    }

    /// Reads a generated enum from a JSON string without copying it: a listed member is
    /// matched on the text the deserializer lends (serde's `Cow<str>` would always copy it),
    /// and only a value the docs do not list is kept as a `String`.
    #[doc(hidden)]
    pub fn read_string_enum<'de, T: for<'a> From<&'a str>, D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<T, D::Error> {
        struct StringEnumVisitor<T>(std::marker::PhantomData<T>);
        impl<T: for<'a> From<&'a str>> serde::de::Visitor<'_> for StringEnumVisitor<T> {
            type Value = T;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a string")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<T, E> {
                Ok(T::from(v))
            }
        }
        deserializer.deserialize_str(StringEnumVisitor(std::marker::PhantomData))
    }

    /// Implements a derived struct's views of its ancestors from its table: the struct, then
    /// a row per ancestor's struct, nearest first, with the `base` fields that reach it
    /// (`Place = base, Entity = base.base,`). It gives `AsRef` and `AsMut` of each ancestor's
    /// struct, and `From` of the struct into its direct base (the first row), through the JSON
    /// the value writes (`support::rebase`).
    // Unused when area features leave no derived struct compiled.
    #[allow(unused_macros)]
    macro_rules! ancestors {
        ($ty:ident, $base:ty = $field:ident, $($ancestor:ty = $($path:ident).+,)*) => {
            impl AsRef<$base> for $ty {
                #[inline]
                fn as_ref(&self) -> &$base {
                    &self.$field
                }
            }
            impl AsMut<$base> for $ty {
                #[inline]
                fn as_mut(&mut self) -> &mut $base {
                    &mut self.$field
                }
            }
            $(impl AsRef<$ancestor> for $ty {
                #[inline]
                fn as_ref(&self) -> &$ancestor {
                    &self.$($path).+
                }
            }
            impl AsMut<$ancestor> for $ty {
                #[inline]
                fn as_mut(&mut self) -> &mut $ancestor {
                    &mut self.$($path).+
                }
            })*
            impl From<$ty> for $base {
                #[inline]
                fn from(value: $ty) -> Self {
                    support::rebase(value)
                }
            }
        };
    }
    #[allow(unused_imports)]
    pub(crate) use ancestors;

    /// Declares and implements an `Any...` enum from its table: the enum, the declared type's
    /// Graph name (for the docs and the errors), its variant and struct
    /// (`Place(Place)`), then a row per derived type (`"@odata.type" => Variant(Type) = path,`
    /// where `path` is the `base` fields that reach the declared type's struct). The enum has a
    /// boxed variant per row. It gives `Clone` and `PartialEq` (derived), `Debug` (the enum's name
    /// and the JSON it writes, through `support::debug_object`), `AsRef`/`AsMut`
    /// of the declared type's struct, `Default` (the declared type), `From` of every member,
    /// `Serialize` (a derived value gets its `@odata.type` when it carries none) and
    /// `Deserialize` (the variant named by `@odata.type`; the declared type for an absent or
    /// unknown one, keeping it). A row may carry `#[cfg(..)]` (area features). Non-generic
    /// methods are `#[inline]`, compiled only where called.
    // Unused when area features leave no `Any...` enum compiled. The enum is declared here,
    // not written out beside the table, because every line of it follows from the table:
    // written out, the enums were 0.35 MB of a whole tree's source.
    #[allow(unused_macros)]
    macro_rules! family {
        (
            $any:ident,
            $graph:literal,
            $own:ident($own_ty:ty),
            $($(#[$cfg:meta])* $tag:literal => $variant:ident($ty:ty) = $($path:ident).+,)*
        ) => {
            #[doc = concat!(" A `", $graph, "` or any type derived from it, chosen by `@odata.type` when read. Use it wherever the docs declare a `", $graph, "`: values of derived types keep all their properties.")]
            #[derive(Clone, PartialEq)]
            pub enum $any {
                #[doc = concat!(" A `", $graph, "` itself, or a derived type this version of the docs does not know (its `@odata.type` and extra properties are kept).")]
                $own(Box<$own_ty>),
                $(/// A type derived from the declared one.
                $(#[$cfg])*
                $variant(Box<$ty>),)*
            }
            impl std::fmt::Debug for $any {
                #[inline]
                fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                    support::debug_object(self, f)
                }
            }
            impl AsRef<$own_ty> for $any {
                #[inline]
                fn as_ref(&self) -> &$own_ty {
                    match self {
                        Self::$own(v) => v,
                        $($(#[$cfg])* Self::$variant(v) => &v.$($path).+,)*
                    }
                }
            }
            impl AsMut<$own_ty> for $any {
                #[inline]
                fn as_mut(&mut self) -> &mut $own_ty {
                    match self {
                        Self::$own(v) => v,
                        $($(#[$cfg])* Self::$variant(v) => &mut v.$($path).+,)*
                    }
                }
            }
            impl Default for $any {
                #[inline]
                fn default() -> Self {
                    Self::$own(Box::default())
                }
            }
            impl From<$own_ty> for $any {
                #[inline]
                fn from(value: $own_ty) -> Self {
                    Self::$own(Box::new(value))
                }
            }
            $($(#[$cfg])* impl From<$ty> for $any {
                #[inline]
                fn from(value: $ty) -> Self {
                    Self::$variant(Box::new(value))
                }
            })*
            impl serde::Serialize for $any {
                fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                    match self {
                        Self::$own(v) => serde::Serialize::serialize(&**v, serializer),
                        $($(#[$cfg])* Self::$variant(v) => {
                            support::serialize_variant(&**v, $tag, serializer)
                        })*
                    }
                }
            }
            impl support::Family for $any {
                const GRAPH_NAME: &'static str = $graph;
                fn read_variant<'de, A: serde::de::MapAccess<'de>>(
                    tag: Option<&str>,
                    rest: support::Rest<'de, A>,
                ) -> Result<Self, A::Error> {
                    match tag {
                        $($(#[$cfg])* Some($tag) => support::read_boxed(rest, Self::$variant),)*
                        _ => support::read_boxed(rest, Self::$own),
                    }
                }
            }
            impl<'de> serde::Deserialize<'de> for $any {
                fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                    support::read_family(deserializer)
                }
            }
        };
    }
    #[allow(unused_imports)]
    pub(crate) use family;

    /// Serializes a derived variant of an `Any...` enum: as it is when it carries its own
    /// `@odata.type`, and with `"@odata.type": "#tag"` first when it carries none, so that a
    /// derived type sent where its base is declared is recognised. A call per variant, so
    /// that the enum's `serialize` is a match of calls (the cheapest to check).
    #[doc(hidden)]
    pub fn serialize_variant<T: Object, S: serde::Serializer>(
        value: &T,
        tag: &'static str,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        write_tagged(value, Some(tag), serializer)
    }

    /// Reads the rest of an `Any...` enum's object as `T` and wraps it with the variant
    /// `wrap` (`Self::Variant`, a function pointer): a call per variant in `read_variant`,
    /// whose arms are otherwise the costliest to check of a whole tree's `Any...` enums.
    #[doc(hidden)]
    pub fn read_boxed<'de, A: serde::de::MapAccess<'de>, T: Object, F>(
        rest: Rest<'de, A>,
        wrap: fn(Box<T>) -> F,
    ) -> Result<F, A::Error> {
        read_rest(rest).map(|v| wrap(Box::new(v)))
    }

    /// Converts a generated struct into its base through its JSON: the properties the base
    /// does not declare land in its `additional_properties`, so the base writes the same JSON.
    #[doc(hidden)]
    pub fn rebase<T: serde::Serialize, U: serde::de::DeserializeOwned>(value: T) -> U {
        serde_json::to_value(value)
            .and_then(serde_json::from_value)
            .expect("a base type reads what its derived type writes")
    }

    /// `Debug` of a generated struct or `Any...` enum: its name (the last segment of
    /// `std::any::type_name`, so no `stringify!` per type) and the JSON it writes, in the
    /// order it writes it (`@odata.type`, the properties that are not absent, the unknown
    /// ones), indented with `{:#?}`. One call per type instead of a `debug_struct` field per
    /// property (or a `debug_tuple` per variant): a derived-style `Debug` was about a tenth
    /// of a whole tree's `cargo check` and 150 MB of its rustc peak, and printed every absent
    /// property of types that declare a hundred.
    #[doc(hidden)]
    pub fn debug_object<T: serde::Serialize>(
        value: &T,
        f: &mut std::fmt::Formatter<'_>,
    ) -> std::fmt::Result {
        let name = std::any::type_name::<T>();
        f.write_str(name.rsplit("::").next().unwrap_or(name))?;
        f.write_str(" ")?;
        match serde_json::to_string(value) {
            Ok(json) if f.alternate() => write_indented_json(&json, f),
            Ok(json) => f.write_str(&json),
            Err(error) => write!(f, "<not writable as JSON: {error}>"),
        }
    }

    /// Writes compact JSON text indented by four spaces a level, as `{:#?}` indents.
    fn write_indented_json(json: &str, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use std::fmt::Write as _;
        let mut depth = 0usize;
        let (mut in_string, mut escaped) = (false, false);
        let mut chars = json.chars().peekable();
        while let Some(c) = chars.next() {
            if in_string {
                f.write_char(c)?;
                match c {
                    _ if escaped => escaped = false,
                    '\\' => escaped = true,
                    '"' => in_string = false,
                    _ => {}
                }
                continue;
            }
            match c {
                '"' => {
                    in_string = true;
                    f.write_char(c)?;
                }
                '{' | '[' if matches!(chars.peek(), Some('}' | ']')) => {
                    f.write_char(c)?;
                    f.write_char(chars.next().unwrap_or(c))?;
                }
                '{' | '[' => {
                    depth += 1;
                    write!(f, "{c}\n{:1$}", "", depth * 4)?;
                }
                '}' | ']' => {
                    depth = depth.saturating_sub(1);
                    write!(f, "\n{:1$}{c}", "", depth * 4)?;
                }
                ',' => write!(f, ",\n{:1$}", "", depth * 4)?,
                ':' => f.write_str(": ")?,
                _ => f.write_char(c)?,
            }
        }
        Ok(())
    }

    /// Reads a property into its field for [`Object::read_field`], a call per table row: the
    /// row whose JSON name is `key` reads the value, the others do nothing. (A `match` on the
    /// names made each row a string comparison, a branch and a return in the body's MIR; a
    /// call per row is cheaper to type-check and borrow-check in a crate of thousands of
    /// structs, and compares the same names in the same order.)
    #[doc(hidden)]
    pub struct FieldReader<'a, 'de, A: serde::de::MapAccess<'de>> {
        key: &'a str,
        map: &'a mut A,
        /// `Some` once a row has read the value: what reading it gave.
        read: Option<Result<(), A::Error>>,
        lifetime: std::marker::PhantomData<&'de ()>,
    }

    impl<'a, 'de, A: serde::de::MapAccess<'de>> FieldReader<'a, 'de, A> {
        /// Reads the value of the property `key` from `map`.
        #[inline]
        pub fn new(key: &'a str, map: &'a mut A) -> Self {
            Self {
                key,
                map,
                read: None,
                lifetime: std::marker::PhantomData,
            }
        }

        /// Reads the value into `field` if the property is `name` (and no row has read it).
        #[inline]
        pub fn read<T: serde::Deserialize<'de>>(
            &mut self,
            name: &'static str,
            field: &mut Nullable<T>,
        ) {
            if self.read.is_none() && self.key == name {
                self.read = Some(self.map.next_value().map(|value| *field = value));
            }
        }

        /// Whether a row read the value, or the error reading it gave. (The tables' bodies
        /// hold the reader as `&mut`, not in a `mut` binding: with area features every row may
        /// be left out, and an unused `mut` would warn in the user's crate.)
        #[inline]
        pub fn finish(&mut self) -> Result<bool, A::Error> {
            match self.read.take() {
                None => Ok(false),
                Some(read) => read.map(|()| true),
            }
        }

        /// As [`FieldReader::finish`], but a property no row named is offered to `base` (a
        /// derived struct's base).
        #[inline]
        pub fn or_base<T: Object>(&mut self, base: &mut T) -> Result<bool, A::Error> {
            match self.read.take() {
                None => base.read_field(self.key, &mut *self.map),
                Some(read) => read.map(|()| true),
            }
        }
    }

    /// Writes a struct's properties for [`Object::write_fields`], a call per table row. It
    /// keeps the first error and writes nothing after it, so that the rows need no `?`: the
    /// match and early return of each `?` made the writing bodies the largest of a generated
    /// crate (without them, a whole tree's rustc peak is about 170 MB lower).
    #[doc(hidden)]
    pub struct FieldWriter<'a, M: serde::ser::SerializeMap> {
        map: &'a mut M,
        result: Result<(), M::Error>,
    }

    impl<'a, M: serde::ser::SerializeMap> FieldWriter<'a, M> {
        /// Writes into `map`.
        #[inline]
        pub fn new(map: &'a mut M) -> Self {
            Self { map, result: Ok(()) }
        }

        /// Writes into `map` after the properties of `base` (a derived struct's base).
        #[inline]
        pub fn after<T: Object>(base: &T, map: &'a mut M) -> Self {
            let result = base.write_fields(map);
            Self { map, result }
        }

        /// Writes the property `key` unless it is absent (or an earlier write failed).
        #[inline]
        pub fn write<T: serde::Serialize>(&mut self, key: &'static str, value: &Nullable<T>) {
            if self.result.is_ok() && !value.is_absent() {
                self.result = self.map.serialize_entry(key, value);
            }
        }

        /// The first error, if a write failed (see [`FieldReader::finish`] on `&mut`).
        #[inline]
        pub fn finish(&mut self) -> Result<(), M::Error> {
            std::mem::replace(&mut self.result, Ok(()))
        }
    }

    /// Writes a generated struct: `@odata.type`, the properties, then the unknown ones.
    #[doc(hidden)]
    pub fn write_object<T: Object, S: serde::Serializer>(
        value: &T,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        write_tagged(value, None, serializer)
    }

    /// `write_object`, with `"@odata.type": "#tag"` when the value carries no annotation of
    /// its own and `tag` is given.
    fn write_tagged<T: Object, S: serde::Serializer>(
        value: &T,
        tag: Option<&str>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap as _;
        /// `#` and a type's name, written as one JSON string without building it.
        struct Hashed<'a>(&'a str);
        impl serde::Serialize for Hashed<'_> {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_str(&format_args!("#{}", self.0))
            }
        }
        let (odata_type, additional) = value.generated();
        let mut map = serializer.serialize_map(None)?;
        match (odata_type, tag) {
            (Some(own), _) => map.serialize_entry("@odata.type", own)?,
            (None, Some(tag)) => map.serialize_entry("@odata.type", &Hashed(tag))?,
            (None, None) => {}
        }
        value.write_fields(&mut map)?;
        for (key, v) in additional {
            map.serialize_entry(key, v)?;
        }
        map.end()
    }

    /// Reads a generated struct from a JSON object: known properties into their fields
    /// (absent ones stay [`Nullable::Absent`]), `@odata.type`, and every other key into the
    /// map of unknown properties.
    #[doc(hidden)]
    pub fn read_object<'de, T: Object, D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<T, D::Error> {
        struct ObjectVisitor<T>(std::marker::PhantomData<T>);
        impl<'de, T: Object> serde::de::Visitor<'de> for ObjectVisitor<T> {
            type Value = T;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(f, "a `{}` JSON object", T::GRAPH_NAME)
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<T, A::Error> {
                let mut value = T::default();
                read_entries(&mut value, &mut map)?;
                Ok(value)
            }
        }
        deserializer.deserialize_map(ObjectVisitor(std::marker::PhantomData))
    }

    /// How an `Any...` enum picks its variant: what [`read_family`](support::read_family)
    /// calls once it knows the `@odata.type` (or that there is none).
    #[doc(hidden)]
    pub trait Family: Sized {
        /// The declared type's Graph name, with which a JSON value of the wrong shape is
        /// reported.
        const GRAPH_NAME: &'static str;
        /// Reads the rest of the object as the variant that `tag` (without its `#`) names,
        /// through [`read_rest`](support::read_rest).
        fn read_variant<'de, A: serde::de::MapAccess<'de>>(
            tag: Option<&str>,
            rest: Rest<'de, A>,
        ) -> Result<Self, A::Error>;
    }

    /// The object an `Any...` enum is reading, from where its `@odata.type` was found: the
    /// entries before it (kept as JSON) and the map to go on reading.
    #[doc(hidden)]
    pub struct Rest<'de, A: serde::de::MapAccess<'de>> {
        tag: Option<String>,
        before: Vec<(String, serde_json::Value)>,
        map: A,
        lifetime: std::marker::PhantomData<&'de ()>,
    }

    /// Reads the object of an `Any...` enum in one pass: entries up to `@odata.type` (usually
    /// the first) are kept as JSON, the variant it names reads them and then the rest of the
    /// object directly. Only an object whose `@odata.type` comes late is partly buffered.
    #[doc(hidden)]
    pub fn read_family<'de, T: Family, D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<T, D::Error> {
        struct FamilyVisitor<T>(std::marker::PhantomData<T>);
        impl<'de, T: Family> serde::de::Visitor<'de> for FamilyVisitor<T> {
            type Value = T;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(f, "a `{}` JSON object (or one of a derived type)", T::GRAPH_NAME)
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<T, A::Error> {
                let mut before = Vec::new();
                let mut tag: Option<String> = None;
                while let Some(key) = map.next_key::<Key<'de>>()? {
                    if key.as_str() == "@odata.type" {
                        tag = map.next_value()?;
                        break;
                    }
                    before.push((key.into_string(), map.next_value()?));
                }
                let name = tag
                    .as_deref()
                    .map(|t| t.strip_prefix('#').unwrap_or(t).to_owned());
                let rest = Rest {
                    tag,
                    before,
                    map,
                    lifetime: std::marker::PhantomData,
                };
                T::read_variant(name.as_deref(), rest)
            }
        }
        deserializer.deserialize_map(FamilyVisitor(std::marker::PhantomData))
    }

    /// Reads the rest of an `Any...` enum's object as the struct `T`.
    #[doc(hidden)]
    pub fn read_rest<'de, T: Object, A: serde::de::MapAccess<'de>>(
        rest: Rest<'de, A>,
    ) -> Result<T, A::Error> {
        use serde::de::Error as _;
        let Rest {
            tag,
            before,
            mut map,
            ..
        } = rest;
        let mut value = T::default();
        *value.generated_mut().0 = tag;
        let mut replay =
            serde::de::value::MapDeserializer::<_, serde_json::Error>::new(before.into_iter());
        while let Some(key) =
            serde::de::MapAccess::next_key::<String>(&mut replay).map_err(A::Error::custom)?
        {
            if !value
                .read_field(&key, &mut replay)
                .map_err(A::Error::custom)?
            {
                let v = serde::de::MapAccess::next_value(&mut replay).map_err(A::Error::custom)?;
                value.generated_mut().1.insert(key, v);
            }
        }
        read_entries(&mut value, &mut map)?;
        Ok(value)
    }

    /// Reads the remaining entries of `map` into `value`: its properties, `@odata.type`, and
    /// every other key into the map of unknown properties.
    fn read_entries<'de, T: Object, A: serde::de::MapAccess<'de>>(
        value: &mut T,
        map: &mut A,
    ) -> Result<(), A::Error> {
        while let Some(key) = map.next_key::<Key<'de>>()? {
            if value.read_field(key.as_str(), map)? {
                continue;
            }
            let (odata_type, additional) = value.generated_mut();
            if key.as_str() == "@odata.type" {
                *odata_type = map.next_value()?;
            } else {
                additional.insert(key.into_string(), map.next_value()?);
            }
        }
        Ok(())
    }

    /// A JSON object key: borrowed from the input when the deserializer can lend it.
    struct Key<'de>(std::borrow::Cow<'de, str>);

    impl Key<'_> {
        fn as_str(&self) -> &str {
            &self.0
        }

        fn into_string(self) -> String {
            self.0.into_owned()
        }
    }

    impl<'de> serde::Deserialize<'de> for Key<'de> {
        fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            struct KeyVisitor;
            impl<'de> serde::de::Visitor<'de> for KeyVisitor {
                type Value = Key<'de>;
                fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                    f.write_str("a property name")
                }
                fn visit_borrowed_str<E: serde::de::Error>(
                    self,
                    v: &'de str,
                ) -> Result<Key<'de>, E> {
                    Ok(Key(std::borrow::Cow::Borrowed(v)))
                }
                fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Key<'de>, E> {
                    Ok(Key(std::borrow::Cow::Owned(v.to_owned())))
                }
                fn visit_string<E: serde::de::Error>(self, v: String) -> Result<Key<'de>, E> {
                    Ok(Key(std::borrow::Cow::Owned(v)))
                }
            }
            deserializer.deserialize_str(KeyVisitor)
        }
    }

    /// A Graph `DateTimeOffset` (`2017-01-01T00:02:43.5775965-08:00`), kept as the text
    /// received so that it is written back with the same offset and fractional digits.
    ///
    /// Reading accepts any JSON string; [`DateTimeOffset::timestamp`] and
    /// [`DateTimeOffset::offset`] parse it (RFC 3339, with `jiff`) and say when it is not a
    /// timestamp. Equality compares the text. Build one from a `jiff::Timestamp` (written in
    /// UTC, `...Z`), with an offset through [`DateTimeOffset::new`], or from checked text with
    /// [`DateTimeOffset::parse`].
    #[derive(Debug, Clone, PartialEq, Eq, Hash)]
    pub struct DateTimeOffset(String);

    impl DateTimeOffset {
        /// The instant `timestamp`, written with `offset` (`2017-01-01T00:02:43.5775965-08:00`).
        pub fn new(timestamp: jiff::Timestamp, offset: jiff::tz::Offset) -> Self {
            Self(timestamp.display_with_offset(offset).to_string())
        }

        /// `text` if it is a timestamp with an offset, kept as written.
        pub fn parse(text: &str) -> Result<Self, jiff::Error> {
            text.parse::<jiff::Timestamp>()?;
            Ok(Self(text.to_owned()))
        }

        /// The text, as received or built.
        pub fn as_str(&self) -> &str {
            &self.0
        }

        /// The instant the text names.
        pub fn timestamp(&self) -> Result<jiff::Timestamp, jiff::Error> {
            self.0.parse()
        }

        /// The offset from UTC the text is written with (`Z` is UTC).
        pub fn offset(&self) -> Result<jiff::tz::Offset, jiff::Error> {
            self.timestamp()?;
            let pieces = jiff::fmt::temporal::Pieces::parse(&self.0)?;
            Ok(pieces.to_numeric_offset().unwrap_or(jiff::tz::Offset::UTC))
        }

        /// The instant as a civil date and time at the offset the text is written with.
        pub fn to_zoned(&self) -> Result<jiff::Zoned, jiff::Error> {
            let offset = self.offset()?;
            Ok(self
                .timestamp()?
                .to_zoned(jiff::tz::TimeZone::fixed(offset)))
        }
    }

    impl From<jiff::Timestamp> for DateTimeOffset {
        /// Written in UTC (`...Z`), with as many fractional digits as needed.
        fn from(timestamp: jiff::Timestamp) -> Self {
            Self(timestamp.to_string())
        }
    }

    impl From<&jiff::Zoned> for DateTimeOffset {
        /// Written with the zone's offset at that instant.
        fn from(zoned: &jiff::Zoned) -> Self {
            Self::new(zoned.timestamp(), zoned.offset())
        }
    }

    impl std::str::FromStr for DateTimeOffset {
        type Err = jiff::Error;
        fn from_str(text: &str) -> Result<Self, Self::Err> {
            Self::parse(text)
        }
    }

    impl std::fmt::Display for DateTimeOffset {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str(&self.0)
        }
    }

    impl serde::Serialize for DateTimeOffset {
        fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            serializer.serialize_str(&self.0)
        }
    }

    impl<'de> serde::Deserialize<'de> for DateTimeOffset {
        fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            <String as serde::Deserialize>::deserialize(deserializer).map(Self)
        }
    }

    /// A Graph `Date` (`2021-07-16`), kept as the text received.
    ///
    /// Reading accepts any JSON string; [`Date::date`] parses it. Equality compares the text.
    #[derive(Debug, Clone, PartialEq, Eq, Hash)]
    pub struct Date(String);

    impl Date {
        /// `text` if it is a date (`2021-07-16`), kept as written.
        pub fn parse(text: &str) -> Result<Self, jiff::Error> {
            text.parse::<jiff::civil::Date>()?;
            Ok(Self(text.to_owned()))
        }

        /// The text, as received or built.
        pub fn as_str(&self) -> &str {
            &self.0
        }

        /// The date the text names.
        pub fn date(&self) -> Result<jiff::civil::Date, jiff::Error> {
            self.0.parse()
        }
    }

    impl From<jiff::civil::Date> for Date {
        fn from(date: jiff::civil::Date) -> Self {
            Self(date.to_string())
        }
    }

    impl std::str::FromStr for Date {
        type Err = jiff::Error;
        fn from_str(text: &str) -> Result<Self, Self::Err> {
            Self::parse(text)
        }
    }

    impl std::fmt::Display for Date {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str(&self.0)
        }
    }

    impl serde::Serialize for Date {
        fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            serializer.serialize_str(&self.0)
        }
    }

    impl<'de> serde::Deserialize<'de> for Date {
        fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            <String as serde::Deserialize>::deserialize(deserializer).map(Self)
        }
    }

    /// A Graph `TimeOfDay` (`10:11:12.0000000`), kept as the text received: a typed time
    /// would drop the trailing zeros.
    ///
    /// Reading accepts any JSON string; [`TimeOfDay::time`] parses it. Equality compares the
    /// text.
    #[derive(Debug, Clone, PartialEq, Eq, Hash)]
    pub struct TimeOfDay(String);

    impl TimeOfDay {
        /// `text` if it is a time of day (`10:11:12`, `10:11:12.0000000`), kept as written.
        pub fn parse(text: &str) -> Result<Self, jiff::Error> {
            text.parse::<jiff::civil::Time>()?;
            Ok(Self(text.to_owned()))
        }

        /// The text, as received or built.
        pub fn as_str(&self) -> &str {
            &self.0
        }

        /// The time the text names.
        pub fn time(&self) -> Result<jiff::civil::Time, jiff::Error> {
            self.0.parse()
        }
    }

    impl From<jiff::civil::Time> for TimeOfDay {
        fn from(time: jiff::civil::Time) -> Self {
            Self(time.to_string())
        }
    }

    impl std::str::FromStr for TimeOfDay {
        type Err = jiff::Error;
        fn from_str(text: &str) -> Result<Self, Self::Err> {
            Self::parse(text)
        }
    }

    impl std::fmt::Display for TimeOfDay {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str(&self.0)
        }
    }

    impl serde::Serialize for TimeOfDay {
        fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            serializer.serialize_str(&self.0)
        }
    }

    impl<'de> serde::Deserialize<'de> for TimeOfDay {
        fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            <String as serde::Deserialize>::deserialize(deserializer).map(Self)
        }
    }

    /// A Graph `Duration` (ISO 8601, `P30D`, `PT1H30M`), kept as the text received.
    ///
    /// Reading accepts any JSON string; [`Duration::span`] parses it. Equality compares the
    /// text.
    #[derive(Debug, Clone, PartialEq, Eq, Hash)]
    pub struct Duration(String);

    impl Duration {
        /// `text` if it is an ISO 8601 duration, kept as written.
        pub fn parse(text: &str) -> Result<Self, jiff::Error> {
            jiff::fmt::temporal::SpanParser::new().parse_span(text)?;
            Ok(Self(text.to_owned()))
        }

        /// The text, as received or built.
        pub fn as_str(&self) -> &str {
            &self.0
        }

        /// The duration the text names, with its calendar units (`P1M` stays one month).
        pub fn span(&self) -> Result<jiff::Span, jiff::Error> {
            jiff::fmt::temporal::SpanParser::new().parse_span(&self.0)
        }
    }

    impl From<jiff::Span> for Duration {
        /// Written in ISO 8601 (`PT1H30M`).
        fn from(span: jiff::Span) -> Self {
            Self(span.to_string())
        }
    }

    impl std::str::FromStr for Duration {
        type Err = jiff::Error;
        fn from_str(text: &str) -> Result<Self, Self::Err> {
            Self::parse(text)
        }
    }

    impl std::fmt::Display for Duration {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str(&self.0)
        }
    }

    impl serde::Serialize for Duration {
        fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            serializer.serialize_str(&self.0)
        }
    }

    impl<'de> serde::Deserialize<'de> for Duration {
        fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            <String as serde::Deserialize>::deserialize(deserializer).map(Self)
        }
    }

    /// A Graph `Guid` (`0f8fad5b-d9cb-469f-a165-70867728950e`), kept as the text received, so
    /// that upper case and braces are written back as they came.
    ///
    /// Reading accepts any JSON string; [`Guid::uuid`] parses it. Equality compares the text.
    #[derive(Debug, Clone, PartialEq, Eq, Hash)]
    pub struct Guid(String);

    impl Guid {
        /// `text` if it is a GUID, kept as written.
        pub fn parse(text: &str) -> Result<Self, uuid::Error> {
            uuid::Uuid::parse_str(text)?;
            Ok(Self(text.to_owned()))
        }

        /// The text, as received or built.
        pub fn as_str(&self) -> &str {
            &self.0
        }

        /// The GUID the text names.
        pub fn uuid(&self) -> Result<uuid::Uuid, uuid::Error> {
            uuid::Uuid::parse_str(&self.0)
        }
    }

    impl From<uuid::Uuid> for Guid {
        /// Written in lower case with hyphens, as Graph writes GUIDs.
        fn from(uuid: uuid::Uuid) -> Self {
            Self(uuid.hyphenated().to_string())
        }
    }

    impl std::str::FromStr for Guid {
        type Err = uuid::Error;
        fn from_str(text: &str) -> Result<Self, Self::Err> {
            Self::parse(text)
        }
    }

    impl std::fmt::Display for Guid {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str(&self.0)
        }
    }

    impl serde::Serialize for Guid {
        fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            serializer.serialize_str(&self.0)
        }
    }

    impl<'de> serde::Deserialize<'de> for Guid {
        fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            <String as serde::Deserialize>::deserialize(deserializer).map(Self)
        }
    }

    /// A Graph `Single`, `Double` or `Decimal`: an `f64` that remembers whether it was written
    /// as an integer, so that `10` is written back as `10` and `10.0` as `10.0`.
    ///
    /// Read the number with [`Float::get`]; build one with `Float::from(2.5)` (written as
    /// `f64` writes it). Equality compares the number and its form.
    #[derive(Debug, Clone, Copy, Default, PartialEq, PartialOrd)]
    pub struct Float {
        value: f64,
        integer: bool,
    }

    impl Float {
        /// The number.
        pub fn get(self) -> f64 {
            self.value
        }

        /// True when it was read as an integer (`10`), which is how it is written back.
        pub fn is_integer(self) -> bool {
            self.integer
        }
    }

    impl From<f64> for Float {
        fn from(value: f64) -> Self {
            Self {
                value,
                integer: false,
            }
        }
    }

    impl From<Float> for f64 {
        fn from(float: Float) -> Self {
            float.value
        }
    }

    impl std::fmt::Display for Float {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            self.value.fmt(f)
        }
    }

    impl serde::Serialize for Float {
        fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let as_integer = self.value as i64;
            if self.integer && as_integer as f64 == self.value {
                serializer.serialize_i64(as_integer)
            } else {
                serializer.serialize_f64(self.value)
            }
        }
    }

    impl<'de> serde::Deserialize<'de> for Float {
        fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            struct FloatVisitor;
            impl serde::de::Visitor<'_> for FloatVisitor {
                type Value = Float;
                fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                    f.write_str("a number")
                }
                fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Float, E> {
                    Ok(Float {
                        value: v as f64,
                        integer: true,
                    })
                }
                fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Float, E> {
                    Ok(Float {
                        value: v as f64,
                        integer: true,
                    })
                }
                fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Float, E> {
                    Ok(Float::from(v))
                }
            }
            deserializer.deserialize_any(FloatVisitor)
        }
    }
}
