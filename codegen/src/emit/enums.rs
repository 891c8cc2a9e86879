//! The Rust enum of a Graph enum type: the documented members plus `Unrecognized(String)`, so
//! values the docs do not list survive reading and writing back. Its conversions (`as_str`,
//! `From<&str>`, `Display`, serde) and comparisons, all through the wire name, come from a
//! `support::string_enum!` table: a marker in the tokens, written as text after formatting
//! (one row per line), like the structs' `object!` tables. Written out, those impls were
//! 1.2 MB of a whole tree's source.

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
            #[inline]
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

impl Emitter<'_> {
    /// The enum of an enum type, with `value` when the docs give integer values, and a marker
    /// of its `support::string_enum!` table ([`Emitter::enum_table`]).
    pub(super) fn emit_enum(&self, t: &TypeDef) -> TokenStream {
        let q = t.qualified_name();
        let ident = to_ident(self.names.type_name(&q));
        let (variants, other) = variants(t);
        let defs = variants.iter().map(|v| {
            let (variant, docs) = (&v.ident, &v.docs);
            quote!(#docs #variant,)
        });
        let value_fn = value_fn(&variants, &other);
        let type_docs = docs(&t.description, &enum_about(t, &other));
        let non_exhaustive = self
            .options
            .non_exhaustive
            .then(|| quote!(#[non_exhaustive]));
        let attrs = self.attributes.of_type(&q);
        let other_doc = " A value this version of the docs does not list, kept verbatim.";
        let marker = self.marker("string_enum", &ident, t);
        let value_impl = value_fn.map(|value_fn| quote!(impl #ident { #value_fn }));
        quote! {
            #type_docs
            #[derive(Clone, Debug)]
            #attrs
            #non_exhaustive
            pub enum #ident {
                #(#defs)*
                #[doc = #other_doc]
                #other(String),
            }

            #value_impl

            #marker
        }
    }
}

impl Emitter<'_> {
    /// The lines of the `support::string_enum!` table of the enum of `t` after its name: its
    /// catch-all variant, then a row per member (wire name => variant).
    pub(super) fn enum_table(&self, t: &TypeDef) -> Vec<String> {
        let (variants, other) = variants(t);
        std::iter::once(format!("{other},"))
            .chain(
                variants
                    .iter()
                    .map(|v| format!("{} => {},", proc_macro2::Literal::string(&v.wire), v.ident)),
            )
            .collect()
    }
}
