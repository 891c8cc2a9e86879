//! The struct of an entity or complex type: `support::Nullable` fields (absent, `null` or a
//! value) with serde renames, the `@odata.type` annotation and a flattened map that keeps
//! unknown properties.

use super::docs::docs;
use super::fields::Field;
use super::ident::{doc_name, to_ident};
use super::names::module_of;
use super::support::{support_path, support_path_text};
use super::Emitter;
use crate::schema::{Kind, Origin, Property, TypeDef, TypeRef};
use proc_macro2::{Ident, TokenStream};
use quote::quote;

/// A struct field with its Rust type, docs and user attributes, as emitted.
pub(super) struct TypedField<'a> {
    /// The property and its field name.
    pub(super) field: Field<'a>,
    /// The field type inside `Nullable`, as declared (`Box<T>` when boxed).
    ty: TokenStream,
    /// The same type without the box (what getters return a reference to).
    pub(super) plain: TokenStream,
    /// Doc attributes.
    docs: TokenStream,
    /// User attributes ([`super::EmitOptions::field_attribute`]).
    attrs: TokenStream,
}

/// The generator's line about a property: its JSON name and type, who declares it, whether it
/// is a navigation property.
fn property_about(p: &Property) -> String {
    let wire = format!(
        "JSON `{}`{}{}.",
        doc_name(&p.name),
        if p.collection {
            ", a collection of "
        } else {
            ", of type "
        },
        doc_name(match &p.ty {
            TypeRef::Primitive(primitive) => primitive.as_str(),
            TypeRef::Named(n) => n.name(),
        })
    );
    let mut about = wire.replace("of type ", "type ");
    if p.inherited {
        about.push_str(&format!(" Declared by `{}`.", doc_name(&p.declared_by)));
    }
    if p.navigation {
        about.push_str(" Navigation property: present only when expanded.");
    }
    about
}

impl Emitter<'_> {
    /// The struct of an entity or complex type, with its `...Fields` traits, `Any...` enum and
    /// `From` conversions into its ancestors (see [`Emitter::family_items`]).
    pub(super) fn emit_struct(&self, t: &TypeDef) -> TokenStream {
        let module = module_of(&t.namespace);
        let ident = to_ident(self.names.type_name(&t.qualified_name()));
        let fields: Vec<TypedField> = self
            .fields_of(t)
            .into_iter()
            .map(|field| self.typed_field(t, &module, field))
            .collect();
        let mut out = self.struct_definition(t, &module, &ident, &fields);
        out.extend(self.family_items(t, &ident, &fields));
        out
    }

    /// `field` of the struct of `t` (in module `module`) with its type, docs and attributes.
    fn typed_field<'a>(&self, t: &TypeDef, module: &[String], field: Field<'a>) -> TypedField<'a> {
        let p = field.property;
        let element = match &p.ty {
            TypeRef::Primitive(primitive) => {
                self.options.type_mapping.tokens_in(*primitive, module)
            }
            TypeRef::Named(n) if self.schema.get(n.as_str()).is_some() => {
                self.names.value_path(module, n.as_str())
            }
            TypeRef::Named(_) => quote!(serde_json::Value),
        };
        let plain = if p.collection {
            quote!(Vec<#element>)
        } else {
            element
        };
        let ty = if field.boxed {
            quote!(Box<#plain>)
        } else {
            plain.clone()
        };
        TypedField {
            ty,
            plain,
            docs: docs(&p.description, &property_about(p)),
            attrs: self.attributes.of_field(&t.qualified_name(), &p.name),
            field,
        }
    }

    /// The generator's line about a struct type: its kind and name, its base, its origin.
    fn struct_about(&self, t: &TypeDef, module: &[String]) -> String {
        let kind = if t.kind == Kind::Entity {
            "entity type"
        } else {
            "complex type"
        };
        let mut about = format!("Graph {kind} `{}`.", doc_name(&t.qualified_name()));
        if let Some(base) = &t.base {
            // An intra-doc link that resolves from this module (the base may live in another
            // one, and its name may be escaped: `Self_`).
            let path = self
                .names
                .type_path(module, base)
                .to_string()
                .replace(' ', "");
            let name = path.rsplit("::").next().unwrap_or(&path);
            let link = if name == path {
                format!("[`{name}`]")
            } else {
                format!("[`{name}`]({path})")
            };
            about.push_str(&format!(
                " Derives from `{}` ({link}); converts into it with `From`.",
                doc_name(base)
            ));
        }
        match t.origin {
            Origin::Reconstructed => about.push_str(" No docs page was given for this type: it was reconstructed from the pages that refer to it."),
            Origin::Placeholder => about.push_str(" No docs page was given for this type: it is a placeholder that keeps whatever JSON it receives in `additional_properties`."),
            Origin::Page => {}
        }
        about
    }

    /// The struct item itself.
    fn struct_definition(
        &self,
        t: &TypeDef,
        module: &[String],
        ident: &Ident,
        fields: &[TypedField],
    ) -> TokenStream {
        let nullable = support_path(module, "Nullable");
        let is_absent = support_path_text(module, "is_absent");
        let field_defs = fields.iter().map(|f| {
            let TypedField {
                field,
                ty,
                docs,
                attrs,
                ..
            } = f;
            let (ident, json) = (&field.ident, field.json());
            quote! {
                #docs
                #attrs
                #[serde(rename = #json, skip_serializing_if = #is_absent)]
                pub #ident: #nullable<#ty>,
            }
        });
        let type_docs = docs(&t.description, &self.struct_about(t, module));
        let non_exhaustive = self
            .options
            .non_exhaustive
            .then(|| quote!(#[non_exhaustive]));
        let attrs = self.attributes.of_type(&t.qualified_name());
        // The two generated fields are `super::fields::GENERATED_FIELDS`. `serde(default)`: a
        // property not in the JSON reads as `Nullable::Absent`.
        quote! {
            #type_docs
            #[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
            #[serde(default)]
            #attrs
            #non_exhaustive
            pub struct #ident {
                /// The `@odata.type` annotation, written back as read. Set it when sending a derived
                /// type where its base is expected.
                #[serde(rename = "@odata.type", skip_serializing_if = "Option::is_none")]
                pub odata_type: Option<String>,
                #(#field_defs)*
                /// Properties the docs did not list (and other `@` annotations), kept so that writing
                /// the value back loses nothing.
                #[serde(flatten)]
                pub additional_properties: serde_json::Map<String, serde_json::Value>,
            }
        }
    }
}
