//! The Rust enum of a Graph enum type: the documented members plus `Unrecognized(String)`, so
//! values the docs do not list survive reading and writing back.

use super::docs::docs;
use super::ident::{camel, doc_name, to_ident, Scope};
use super::Emitter;
use crate::schema::{Origin, TypeDef};
use proc_macro2::{Ident, TokenStream};
use quote::quote;

/// One documented member, as a variant.
struct Variant {
    ident: Ident,
    /// The member name as sent on the wire.
    wire: String,
    /// The integer value the docs give, if any.
    value: Option<i64>,
    /// Doc attributes.
    docs: TokenStream,
}

/// The variants of the members of `t`, then the name of the catch-all variant (both unique in
/// the enum).
fn variants(t: &TypeDef) -> (Vec<Variant>, Ident) {
    let mut scope = Scope::new();
    let variants = t
        .members
        .iter()
        .map(|m| {
            let mut about = format!("`{}`", doc_name(&m.name));
            if let Some(value) = m.value {
                about.push_str(&format!(" (value {value})"));
            }
            about.push('.');
            Variant {
                ident: to_ident(&scope.unique(&camel(&m.name))),
                wire: m.name.clone(),
                value: m.value,
                docs: docs(&m.description, &about),
            }
        })
        .collect();
    (variants, to_ident(&scope.unique("Unrecognized")))
}

/// `fn value(&self)`, when some member has an integer value.
fn value_fn(variants: &[Variant], other: &Ident) -> Option<TokenStream> {
    variants.iter().any(|v| v.value.is_some()).then(|| {
        let arms = variants.iter().map(|v| {
            let variant = &v.ident;
            match &v.value {
                Some(x) => quote!(Self::#variant => Some(#x),),
                None => quote!(Self::#variant => None,),
            }
        });
        quote! {
            /// The integer value the docs give for this member, if any.
            pub fn value(&self) -> Option<i64> {
                match self {
                    #(#arms)*
                    Self::#other(_) => None,
                }
            }
        }
    })
}

/// The generator's line about an enum type: its name, the catch-all variant `other`, its origin.
fn enum_about(t: &TypeDef, other: &Ident) -> String {
    let mut about = format!("Graph enum `{}`. Values the docs do not list are kept in `{other}`, so reading and writing them back loses nothing.", doc_name(&t.qualified_name()));
    match t.origin {
        Origin::Reconstructed => about.push_str(" No docs page was given for this enum: its members come from the possible values listed by the properties that use it."),
        Origin::Placeholder => about.push_str(" No docs page was given for this enum: every value is kept as unrecognized."),
        Origin::Page => {}
    }
    about
}

/// `From<&str>`, `Display` and the serde impls of the enum `ident`: all through the wire names.
fn string_conversions(ident: &Ident, variants: &[Variant], other: &Ident) -> TokenStream {
    let from_str = variants.iter().map(|v| {
        let (variant, wire) = (&v.ident, &v.wire);
        quote!(#wire => Self::#variant,)
    });
    // A placeholder enum has no members: a `match` of one catch-all arm is a clippy warning.
    let from_body = if variants.is_empty() {
        quote!(Self::#other(s.to_owned()))
    } else {
        quote! {
            match s {
                #(#from_str)*
                other => Self::#other(other.to_owned()),
            }
        }
    };
    quote! {
        impl From<&str> for #ident {
            fn from(s: &str) -> Self {
                #from_body
            }
        }

        impl std::fmt::Display for #ident {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl serde::Serialize for #ident {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for #ident {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let s = <std::borrow::Cow<'de, str> as serde::Deserialize>::deserialize(deserializer)?;
                Ok(Self::from(s.as_ref()))
            }
        }
    }
}

impl Emitter<'_> {
    /// The enum of an enum type, with `as_str`, `value` and its string conversions.
    pub(super) fn emit_enum(&self, t: &TypeDef) -> TokenStream {
        let q = t.qualified_name();
        let ident = to_ident(self.names.type_name(&q));
        let (variants, other) = variants(t);
        let defs = variants.iter().map(|v| {
            let (variant, docs) = (&v.ident, &v.docs);
            quote!(#docs #variant,)
        });
        let to_str = variants.iter().map(|v| {
            let (variant, wire) = (&v.ident, &v.wire);
            quote!(Self::#variant => #wire,)
        });
        let value_fn = value_fn(&variants, &other);
        let type_docs = docs(&t.description, &enum_about(t, &other));
        let non_exhaustive = self
            .options
            .non_exhaustive
            .then(|| quote!(#[non_exhaustive]));
        let attrs = self.attributes.of_type(&q);
        let other_doc = " A value this version of the docs does not list, kept verbatim.";
        let conversions = string_conversions(&ident, &variants, &other);
        quote! {
            #type_docs
            #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
            #attrs
            #non_exhaustive
            pub enum #ident {
                #(#defs)*
                #[doc = #other_doc]
                #other(String),
            }

            impl #ident {
                /// The name of the member as sent on the wire.
                pub fn as_str(&self) -> &str {
                    match self {
                        #(#to_str)*
                        Self::#other(s) => s,
                    }
                }
                #value_fn
            }

            #conversions
        }
    }
}
