//! The code that ties a type to its family of base and derived types: `...Fields` traits (read
//! access shared by a type and its descendants), `From` conversions into every ancestor, and
//! `Any...` enums (a type or any type derived from it, chosen by `@odata.type`), with the
//! serialization helper those enums share.

use super::ident::{doc_name, to_ident, Scope};
use super::names::module_of;
use super::structs::TypedField;
use super::support::support_path;
use super::Emitter;
use crate::schema::{QualifiedName, TypeDef};
use proc_macro2::{Ident, TokenStream};
use quote::quote;
use std::collections::BTreeMap;

/// The private helper every `Any...` enum serializes derived values through.
const TAGGED_HELPER: &str = "serialize_with_odata_type";

/// The helper behind [`TAGGED_HELPER`], emitted once at the root when some type has subtypes.
pub(super) fn tagged_helper() -> TokenStream {
    let name = to_ident(TAGGED_HELPER);
    quote! {
        /// Serializes `value`, adding `"@odata.type": tag` when the value does not carry its own
        /// annotation, so that a derived type sent where its base is declared is recognised.
        fn #name<T: serde::Serialize, S: serde::Serializer>(
            value: &T,
            missing_tag: Option<&str>,
            serializer: S,
        ) -> Result<S::Ok, S::Error> {
            let Some(tag) = missing_tag else {
                return value.serialize(serializer);
            };
            let mut json = serde_json::to_value(value).map_err(serde::ser::Error::custom)?;
            if let serde_json::Value::Object(map) = &mut json {
                map.insert("@odata.type".to_owned(), serde_json::Value::from(tag));
            }
            serde::Serialize::serialize(&json, serializer)
        }
    }
}

/// One variant of an `Any...` enum: its name, the path of the type it boxes, and that type's
/// qualified name.
struct Variant {
    ident: Ident,
    path: TokenStream,
    qualified: QualifiedName,
}

impl Emitter<'_> {
    /// Everything after the struct `ident` of `t`: the `...Fields` traits it implements, its own
    /// trait and `Any...` enum when it has subtypes, and `From<Self>` for its direct base.
    pub(super) fn family_items(
        &self,
        t: &TypeDef,
        ident: &Ident,
        fields: &[TypedField],
    ) -> TokenStream {
        let q = t.qualified_name();
        let mut out = self.fields_trait_impls(t, ident, fields);
        if let Some(trait_name) = self.names.traits.get(&q) {
            out.extend(fields_trait(
                &q,
                &module_of(&t.namespace),
                trait_name,
                fields,
            ));
        }
        if self.names.anys.contains_key(&q) {
            out.extend(self.any_enum(t));
        }
        // Into the direct base only: a conversion per (descendant, ancestor) pair was most of
        // the source; further ancestors are a chain of `into()`s away.
        if let Some(base) = self.schema.ancestors(&q).first() {
            out.extend(self.base_conversion(t, ident, base));
        }
        out
    }

    /// `impl ...Fields for Self` for the trait of the type (when it has subtypes) and of every
    /// ancestor: each method returns this struct's field of the same JSON name.
    fn fields_trait_impls(&self, t: &TypeDef, ident: &Ident, fields: &[TypedField]) -> TokenStream {
        let q = t.qualified_name();
        let module = module_of(&t.namespace);
        let mut chain: Vec<&TypeDef> = Vec::new();
        if self.subtypes.contains_key(&q) {
            chain.push(t);
        }
        chain.extend(self.schema.ancestors(&q));
        let by_json: BTreeMap<&str, &TypedField> =
            fields.iter().map(|f| (f.field.json(), f)).collect();
        let nullable = support_path(&module, "Nullable");
        let mut out = TokenStream::new();
        for owner in chain {
            let owner_q = owner.qualified_name();
            let Some(trait_name) = self.names.traits.get(&owner_q) else {
                continue;
            };
            let trait_path = self.names.path(&module, &owner_q, trait_name);
            // The owner's properties, by JSON name, with this struct's field idents.
            let methods = owner.properties.iter().filter_map(|p| {
                let f = *by_json.get(p.name.as_str())?;
                let (ident, plain) = (&f.field.ident, &f.plain);
                let get = if f.field.boxed {
                    quote!(as_deref)
                } else {
                    quote!(as_ref)
                };
                Some(quote!(fn #ident(&self) -> #nullable<&#plain> { self.#ident.#get() }))
            });
            out.extend(quote! {
                impl #trait_path for #ident {
                    #(#methods)*
                }
            });
        }
        out
    }

    /// `impl From<Self> for Base`, through the JSON the value writes: the fields the base has
    /// keep their values, the others land in `additional_properties`.
    fn base_conversion(&self, t: &TypeDef, ident: &Ident, base: &TypeDef) -> TokenStream {
        let module = module_of(&t.namespace);
        let b_q = base.qualified_name();
        let b_path = self.names.type_path(&module, &b_q);
        let rebase = support_path(&module, "rebase");
        let doc = format!(
            " Views a `{}` as a `{}`: the properties the base does not declare move into `additional_properties`, so serializing the result writes the same JSON.",
            doc_name(&t.qualified_name()),
            doc_name(&b_q)
        );
        quote! {
            impl From<#ident> for #b_path {
                #[doc = #doc]
                fn from(value: #ident) -> Self {
                    #rebase(value)
                }
            }
        }
    }

    /// The variants of the `Any...` enum of `t`: `t` itself first, then its descendants in
    /// schema order, each named after its type (unique within the enum).
    fn any_variants(&self, t: &TypeDef) -> Vec<Variant> {
        let q = t.qualified_name();
        let module = module_of(&t.namespace);
        let mut scope = Scope::new();
        std::iter::once(t)
            .chain(self.schema.descendants_in(&self.subtypes, &q))
            .map(|member| {
                let qualified = member.qualified_name();
                Variant {
                    ident: to_ident(&scope.unique(self.names.type_name(&qualified))),
                    path: self.names.type_path(&module, &qualified),
                    qualified,
                }
            })
            .collect()
    }

    /// The `Any...` enum of a type with subtypes: one boxed variant per type of the family,
    /// chosen on deserialization by `@odata.type` (with or without `#`, anywhere in the object).
    /// An absent or unknown annotation gives the declared type itself, which keeps unknown
    /// properties.
    fn any_enum(&self, t: &TypeDef) -> TokenStream {
        let q = t.qualified_name();
        let module = module_of(&t.namespace);
        let any = to_ident(&self.names.anys[&q]);
        let trait_path = self.names.path(&module, &q, &self.names.traits[&q]);
        let family = self.any_variants(t);
        let base_variant = &family[0].ident;
        let defs = family.iter().map(|Variant { ident, path, qualified }| {
            let doc = if qualified == &q {
                format!(" A `{}` itself, or a derived type this version of the docs does not know (its `@odata.type` and extra properties are kept).", doc_name(&q))
            } else {
                format!(" A `{}`.", doc_name(qualified))
            };
            quote!(#[doc = #doc] #ident(Box<#path>),)
        });
        let views = family.iter().map(|v| {
            let ident = &v.ident;
            quote!(Self::#ident(v) => v.as_ref(),)
        });
        let froms = family.iter().map(|Variant { ident, path, .. }| {
            quote! {
                impl From<#path> for #any {
                    fn from(value: #path) -> Self {
                        Self::#ident(Box::new(value))
                    }
                }
            }
        });
        let serde_impls = any_serde_impls(&any, &q, &module, &family);
        let doc = format!(" A `{0}` or any type derived from it, chosen by `@odata.type` when read. Use it wherever the docs declare a `{0}`: values of derived types keep all their properties.", doc_name(&q));
        quote! {
            #[doc = #doc]
            #[derive(Debug, Clone, PartialEq)]
            pub enum #any {
                #(#defs)*
            }

            impl #any {
                /// The properties every member of the family shares.
                pub fn fields(&self) -> &dyn #trait_path {
                    match self {
                        #(#views)*
                    }
                }
            }

            impl Default for #any {
                fn default() -> Self {
                    Self::#base_variant(Box::default())
                }
            }

            #(#froms)*

            #serde_impls
        }
    }
}

/// The `...Fields` trait of the type `q` (in module `module`): one getter per field of its
/// struct.
fn fields_trait(
    q: &QualifiedName,
    module: &[String],
    trait_name: &str,
    fields: &[TypedField],
) -> TokenStream {
    let trait_ident = to_ident(trait_name);
    let nullable = support_path(module, "Nullable");
    let methods = fields.iter().map(|f| {
        let (ident, plain) = (&f.field.ident, &f.plain);
        let doc = format!(
            " The `{}` property: absent, `null` or a reference to its value.",
            doc_name(f.field.json())
        );
        quote!(#[doc = #doc] fn #ident(&self) -> #nullable<&#plain>;)
    });
    let doc = format!(" Read access to the properties of `{}`, implemented by the type and every type derived from it: write code once for all of them.", doc_name(q));
    quote! {
        #[doc = #doc]
        #[allow(clippy::wrong_self_convention)]
        pub trait #trait_ident {
            #(#methods)*
        }
    }
}

/// `Serialize` and `Deserialize` of the `Any...` enum `any` of the type `q` (in module
/// `module`): derived values are written with their `@odata.type` (added through
/// [`TAGGED_HELPER`] when missing) and read back by it.
fn any_serde_impls(
    any: &Ident,
    q: &QualifiedName,
    module: &[String],
    family: &[Variant],
) -> TokenStream {
    let helper = {
        let supers = module.iter().map(|_| quote!(super::));
        let name = to_ident(TAGGED_HELPER);
        quote!(#(#supers)* #name)
    };
    let base_variant = &family[0].ident;
    let family_trait = support_path(module, "Family");
    let rest_type = support_path(module, "Rest");
    let read_family = support_path(module, "read_family");
    let read_rest = support_path(module, "read_rest");
    let expecting = format!("a `{}` JSON object (or one of a derived type)", doc_name(q));
    let reads = family[1..].iter().map(
        |Variant {
             ident, qualified, ..
         }| {
            let qualified = qualified.as_str();
            quote!(Some(#qualified) => #read_rest(rest).map(|v| Self::#ident(Box::new(v))),)
        },
    );
    let writes = family.iter().map(|Variant { ident, qualified, .. }| {
        if qualified == q {
            quote!(Self::#ident(v) => v.serialize(serializer),)
        } else {
            let tag = format!("#{qualified}");
            quote!(Self::#ident(v) => #helper(v.as_ref(), v.odata_type.is_none().then_some(#tag), serializer),)
        }
    });
    quote! {
        impl serde::Serialize for #any {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                match self {
                    #(#writes)*
                }
            }
        }

        impl #family_trait for #any {
            const EXPECTING: &'static str = #expecting;
            fn read_variant<'de, A: serde::de::MapAccess<'de>>(tag: Option<&str>, rest: #rest_type<'de, A>) -> Result<Self, A::Error> {
                match tag {
                    #(#reads)*
                    _ => #read_rest(rest).map(|v| Self::#base_variant(Box::new(v))),
                }
            }
        }

        impl<'de> serde::Deserialize<'de> for #any {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                #read_family(deserializer)
            }
        }
    }
}
