//! The code that ties a type to its family of base and derived types: `AsRef`/`AsMut` views of
//! every ancestor's struct (held through `base` fields), so that code written once for a type
//! takes its descendants too, and `From` into the direct base, from a `support::ancestors!`
//! table; and `Any...` enums (a type or any type derived from it, chosen by `@odata.type`),
//! with their impls from a `support::family!` table. Tables are markers in the tokens,
//! written as text after formatting (one row per line), like the structs' `object!` tables.

use super::fields::BASE_FIELD;
use super::ident::{doc_name, to_ident, Scope};
use super::names::{module_of, path_text};
use super::Emitter;
use crate::schema::{QualifiedName, TypeDef};
use proc_macro2::{Ident, TokenStream};
use quote::quote;

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
    /// Everything after the struct `ident` of `t`: `AsRef` and `AsMut` of itself when it has
    /// subtypes, its `Any...` enum when it has subtypes, and, for a derived struct, a marker of
    /// its `support::ancestors!` table (`AsRef` and `AsMut` of the structs it holds, `From<Self>`
    /// for its direct base: [`Emitter::ancestors_table`]).
    pub(super) fn family_items(&self, t: &TypeDef, ident: &Ident) -> TokenStream {
        let q = t.qualified_name();
        let mut out = self.self_views(t, ident);
        if self.struct_base(t).is_some() {
            out.extend(self.marker("ancestors", ident, t));
        }
        if self.names.anys.contains_key(&q) {
            out.extend(self.any_enum(t));
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

    /// `AsRef` and `AsMut` of the struct `ident` of `t` itself when it has subtypes, so that a
    /// function taking `&impl AsRef<Base>` takes the base as well as every type derived from
    /// it (whose views come from their `support::ancestors!` tables).
    fn self_views(&self, t: &TypeDef, ident: &Ident) -> TokenStream {
        if !self.subtypes.contains_key(&t.qualified_name()) {
            return TokenStream::new();
        }
        quote! {
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
        }
    }

    /// The lines of the `support::ancestors!` table of the derived struct of `t` after its
    /// name: a row per struct it holds, nearest first (`Place = base,`). Conversions go into
    /// the direct base only: one per (descendant, ancestor) pair was most of the source once;
    /// further ancestors are a chain of `into()`s away.
    pub(super) fn ancestors_table(&self, t: &TypeDef) -> Vec<String> {
        let module = module_of(&t.namespace);
        self.held_structs(t)
            .into_iter()
            .map(|(ancestor, path)| {
                let a_path = self.names.type_path(&module, &ancestor.qualified_name());
                format!("{} = {},", path_text(&a_path), path_text(&path))
            })
            .collect()
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
    /// properties. Its impls come from a `support::family!` table: the tokens hold a marker,
    /// written as the table after formatting ([`Emitter::family_table`]).
    fn any_enum(&self, t: &TypeDef) -> TokenStream {
        let q = t.qualified_name();
        let any = to_ident(&self.names.anys[&q]);
        let family = self.any_variants(t);
        let defs = family.iter().map(|Variant { ident, path, qualified, cfg }| {
            let doc = if qualified == &q {
                format!(" A `{}` itself, or a derived type this version of the docs does not know (its `@odata.type` and extra properties are kept).", doc_name(&q))
            } else {
                format!(" A `{}`.", doc_name(qualified))
            };
            quote!(#[doc = #doc] #cfg #ident(Box<#path>),)
        });
        let marker = self.marker("family", &any, t);
        let doc = format!(" A `{0}` or any type derived from it, chosen by `@odata.type` when read. Use it wherever the docs declare a `{0}`: values of derived types keep all their properties.", doc_name(&q));
        quote! {
            #[doc = #doc]
            #[derive(Clone, PartialEq)]
            pub enum #any {
                #(#defs)*
            }

            #marker
        }
    }

    /// The lines of the `support::family!` table of the `Any...` enum of `t` after its name:
    /// the declared type's struct, the `expecting` text, its variant, then a row per derived
    /// type (its `@odata.type`, variant, struct and path of `base` fields up to the declared
    /// type's struct), after its `#[cfg]` with area features.
    pub(super) fn family_table(&self, t: &TypeDef) -> Vec<String> {
        let q = t.qualified_name();
        let family = self.any_variants(t);
        let expecting = format!(
            "a `{}` JSON object (or one of a derived type)",
            doc_name(&q)
        );
        let mut lines = vec![
            format!("{},", path_text(&family[0].path)),
            format!("{},", proc_macro2::Literal::string(&expecting)),
            format!("{},", family[0].ident),
        ];
        for v in &family[1..] {
            let member = self
                .schema
                .get(v.qualified.as_str())
                .expect("variants are schema types");
            let (_, path) = self
                .held_structs(member)
                .into_iter()
                .find(|(a, _)| a.qualified_name() == q)
                .expect("a descendant's struct holds its ancestors' through `base` fields");
            lines.extend(self.reference_cfg_text(&q, &v.qualified));
            lines.push(format!(
                "{} => {}({}) = {},",
                proc_macro2::Literal::string(v.qualified.as_str()),
                v.ident,
                path_text(&v.path),
                path_text(&path),
            ));
        }
        lines
    }
}
