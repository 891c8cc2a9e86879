//! The code that ties a type to its family of base and derived types: `AsRef`/`AsMut` views of
//! every ancestor's struct (held through `base` fields), so that code written once for a type
//! takes its descendants too; `From` into the direct base; and `Any...` enums (a type or any
//! type derived from it, chosen by `@odata.type`), with the serialization helper those enums
//! share.

use super::fields::BASE_FIELD;
use super::ident::{doc_name, to_ident, Scope};
use super::names::module_of;
use super::support::support_path;
use super::Emitter;
use crate::schema::{QualifiedName, TypeDef};
use proc_macro2::{Ident, TokenStream};
use quote::quote;

/// The private helper every `Any...` enum serializes derived values through.
const TAGGED_HELPER: &str = "serialize_with_odata_type";

/// The helper behind [`TAGGED_HELPER`], emitted once at the root when some type has subtypes
/// (with area features, it may be that no area using it is enabled).
pub(super) fn tagged_helper(area_features: bool) -> TokenStream {
    let name = to_ident(TAGGED_HELPER);
    let allow = area_features.then(|| quote!(#[allow(dead_code)]));
    quote! {
        #allow
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
    /// With area features, `#[cfg]` when the variant's type is not always there with the enum.
    cfg: TokenStream,
}

impl Emitter<'_> {
    /// Everything after the struct `ident` of `t`: `AsRef` and `AsMut` of the structs it holds
    /// (and of itself when it has subtypes), its `Any...` enum when it has subtypes, and
    /// `From<Self>` for its direct base.
    pub(super) fn family_items(&self, t: &TypeDef, ident: &Ident) -> TokenStream {
        let q = t.qualified_name();
        let mut out = self.ancestor_views(t, ident);
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

    /// The structs the struct of `t` holds, nearest first, each with the path of fields
    /// that reaches it (`base`, `base.base`, ...).
    fn held_structs<'t>(&'t self, t: &'t TypeDef) -> Vec<(&'t TypeDef, TokenStream)> {
        let base_field = to_ident(BASE_FIELD);
        let mut out = Vec::new();
        let mut path = TokenStream::new();
        let mut current = t;
        while let Some(base) = self.struct_base(current) {
            path = if path.is_empty() {
                quote!(#base_field)
            } else {
                quote!(#path.#base_field)
            };
            out.push((base, path.clone()));
            current = base;
        }
        out
    }

    /// `AsRef` and `AsMut` of every ancestor's struct the struct `ident` of `t` holds, and of
    /// itself when it has subtypes: a function taking `&impl AsRef<Base>` takes the base and
    /// every type derived from it.
    fn ancestor_views(&self, t: &TypeDef, ident: &Ident) -> TokenStream {
        let module = module_of(&t.namespace);
        let mut out = TokenStream::new();
        if self.subtypes.contains_key(&t.qualified_name()) {
            out.extend(quote! {
                impl AsRef<#ident> for #ident {
                    #[inline] fn as_ref(&self) -> &Self {
                        self
                    }
                }
                impl AsMut<#ident> for #ident {
                    #[inline] fn as_mut(&mut self) -> &mut Self {
                        self
                    }
                }
            });
        }
        for (ancestor, path) in self.held_structs(t) {
            let a_path = self.names.type_path(&module, &ancestor.qualified_name());
            out.extend(quote! {
                impl AsRef<#a_path> for #ident {
                    #[inline] fn as_ref(&self) -> &#a_path {
                        &self.#path
                    }
                }
                impl AsMut<#a_path> for #ident {
                    #[inline] fn as_mut(&mut self) -> &mut #a_path {
                        &mut self.#path
                    }
                }
            });
        }
        out
    }

    /// `impl From<Self> for Base`, through the JSON the value writes: the fields the base has
    /// keep their values, the others land in `additional_properties` (said once, in the docs
    /// of `support::rebase`, rather than on each impl).
    fn base_conversion(&self, t: &TypeDef, ident: &Ident, base: &TypeDef) -> TokenStream {
        let module = module_of(&t.namespace);
        let b_q = base.qualified_name();
        let b_path = self.names.type_path(&module, &b_q);
        let rebase = support_path(&module, "rebase");
        quote! {
            impl From<#ident> for #b_path {
                #[inline] fn from(value: #ident) -> Self {
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
                    cfg: self.reference_cfg(&q, &qualified),
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
        let own_path = self.names.type_path(&module, &q);
        let family = self.any_variants(t);
        let base_variant = &family[0].ident;
        let defs = family.iter().map(|Variant { ident, path, qualified, cfg }| {
            let doc = if qualified == &q {
                format!(" A `{}` itself, or a derived type this version of the docs does not know (its `@odata.type` and extra properties are kept).", doc_name(&q))
            } else {
                format!(" A `{}`.", doc_name(qualified))
            };
            quote!(#[doc = #doc] #cfg #ident(Box<#path>),)
        });
        // Each variant's path of `base` fields up to the struct of `t` (none for `t` itself,
        // whose box derefs to it).
        let base_paths: Vec<Option<TokenStream>> = family
            .iter()
            .map(|v| {
                let member = self
                    .schema
                    .get(v.qualified.as_str())
                    .expect("variants are schema types");
                self.held_structs(member)
                    .into_iter()
                    .find(|(a, _)| a.qualified_name() == q)
                    .map(|(_, path)| path)
            })
            .collect();
        let views = family.iter().zip(&base_paths).map(|(v, path)| {
            let (ident, cfg) = (&v.ident, &v.cfg);
            match path {
                Some(path) => quote!(#cfg Self::#ident(v) => &v.#path,),
                None => quote!(#cfg Self::#ident(v) => v,),
            }
        });
        let views_mut = family.iter().zip(&base_paths).map(|(v, path)| {
            let (ident, cfg) = (&v.ident, &v.cfg);
            match path {
                Some(path) => quote!(#cfg Self::#ident(v) => &mut v.#path,),
                None => quote!(#cfg Self::#ident(v) => v,),
            }
        });
        let froms = family.iter().map(
            |Variant {
                 ident, path, cfg, ..
             }| {
                quote! {
                    #cfg
                    impl From<#path> for #any {
                        #[inline] fn from(value: #path) -> Self {
                            Self::#ident(Box::new(value))
                        }
                    }
                }
            },
        );
        // As derived, but `#[inline]`: compiled only where it is used (see `support.in.rs`).
        let debug_arms = family.iter().map(|v| {
            let (ident, cfg) = (&v.ident, &v.cfg);
            let name = ident.to_string().trim_start_matches("r#").to_owned();
            quote!(#cfg Self::#ident(v) => f.debug_tuple(#name).field(v).finish(),)
        });
        let serde_impls = any_serde_impls(&any, &q, &module, &family);
        let doc = format!(" A `{0}` or any type derived from it, chosen by `@odata.type` when read. Use it wherever the docs declare a `{0}`: values of derived types keep all their properties.", doc_name(&q));
        quote! {
            #[doc = #doc]
            #[derive(Clone, PartialEq)]
            pub enum #any {
                #(#defs)*
            }

            impl std::fmt::Debug for #any {
                #[inline]
                fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                    match self {
                        #(#debug_arms)*
                    }
                }
            }

            impl AsRef<#own_path> for #any {
                #[inline] fn as_ref(&self) -> &#own_path {
                    match self {
                        #(#views)*
                    }
                }
            }

            impl AsMut<#own_path> for #any {
                #[inline] fn as_mut(&mut self) -> &mut #own_path {
                    match self {
                        #(#views_mut)*
                    }
                }
            }

            impl Default for #any {
                #[inline] fn default() -> Self {
                    Self::#base_variant(Box::default())
                }
            }

            #(#froms)*

            #serde_impls
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
    let object_trait = support_path(module, "Object");
    let expecting = format!("a `{}` JSON object (or one of a derived type)", doc_name(q));
    let reads = family[1..].iter().map(
        |Variant {
             ident,
             qualified,
             cfg,
             ..
         }| {
            let qualified = qualified.as_str();
            quote!(#cfg Some(#qualified) => #read_rest(rest).map(|v| Self::#ident(Box::new(v))),)
        },
    );
    let writes = family.iter().map(
        |Variant {
             ident,
             qualified,
             cfg,
             ..
         }| {
            if qualified == q {
                quote!(Self::#ident(v) => v.serialize(serializer),)
            } else {
                let tag = format!("#{qualified}");
                quote!(#cfg Self::#ident(v) => #helper(v.as_ref(), #object_trait::generated(&**v).0.is_none().then_some(#tag), serializer),)
            }
        },
    );
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
