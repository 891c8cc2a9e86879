//! The struct of an entity or complex type: `support::Nullable` fields (absent, `null` or a
//! value) for the properties it declares, and either its base's struct (`base`, read and
//! written in the same JSON object) or, for a root, the `@odata.type` annotation and a map
//! that keeps unknown properties; and its serde impls, written as `support::Object` (which
//! field each JSON name reads into and writes from) rather than derived.

use super::docs::docs;
use super::fields::{Field, BASE_FIELD};
use super::ident::{doc_name, to_ident};
use super::names::{module_of, path_text};
use super::support::support_path;
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
    /// Doc attributes.
    docs: TokenStream,
    /// User attributes ([`super::EmitOptions::field_attribute`]).
    attrs: TokenStream,
    /// `#[cfg]` with area features, when the field's type is not always there with the struct.
    cfg: TokenStream,
}

/// The generator's line about a property: who declares it when it is inherited (the
/// description is said once, on the declaring struct), whether it is a navigation property;
/// its JSON name and type when the docs give no description (the field's type and the
/// `support::object!` table say them otherwise).
fn property_about(p: &Property) -> String {
    let mut about = String::new();
    if p.inherited {
        about.push_str(&format!("Inherited from `{}`.", doc_name(&p.declared_by)));
    } else if p.description.trim().is_empty() {
        about.push_str(&format!(
            "JSON `{}`, {} `{}`.",
            doc_name(&p.name),
            if p.collection {
                "a collection of"
            } else {
                "type"
            },
            doc_name(match &p.ty {
                TypeRef::Primitive(primitive) => primitive.as_str(),
                TypeRef::Named(n) => n.name(),
            })
        ));
    }
    if p.navigation {
        if !about.is_empty() {
            about.push(' ');
        }
        about.push_str("Navigation property: present only when expanded.");
    }
    about
}

impl Emitter<'_> {
    /// The struct of an entity or complex type, with its serde impls, its `AsRef`/`AsMut`
    /// views of its ancestors, its `Any...` enum and `From` conversion into its base (see
    /// [`Emitter::family_items`]).
    pub(super) fn emit_struct(&self, t: &TypeDef) -> TokenStream {
        let module = module_of(&t.namespace);
        let ident = to_ident(self.names.type_name(&t.qualified_name()));
        let fields: Vec<TypedField> = self
            .fields_of(t)
            .into_iter()
            .map(|field| self.typed_field(t, &module, field))
            .collect();
        let mut out = self.struct_definition(t, &module, &ident, &fields);
        out.extend(self.family_items(t, &ident));
        out
    }

    /// `field` of the struct of `t` (in module `module`) with its type, docs and attributes.
    fn typed_field<'a>(&self, t: &TypeDef, module: &[String], field: Field<'a>) -> TypedField<'a> {
        let p = field.property;
        // `typed`: not a named type left out of the schema (which is held as JSON).
        let (element, typed) = match &p.ty {
            TypeRef::Primitive(primitive) => (
                self.options.type_mapping.tokens_in(*primitive, module),
                true,
            ),
            TypeRef::Named(n) if self.schema.get(n.as_str()).is_some() => {
                (self.names.value_path(module, n.as_str()), true)
            }
            TypeRef::Named(_) => (quote!(serde_json::Value), false),
        };
        let plain = if p.collection {
            quote!(Vec<#element>)
        } else {
            element
        };
        // A relationship whose type was left out (`skip_navigation`) is JSON already.
        let ty = if p.navigation && typed && !self.options.typed_navigation {
            let expanded = support_path(module, "Expanded");
            quote!(#expanded<#plain>)
        } else if field.boxed {
            quote!(Box<#plain>)
        } else {
            plain
        };
        TypedField {
            ty,
            // An inherited field's description is its declaring type's: said once there,
            // not copied into every descendant (the docs are a large part of the source).
            docs: docs(
                if p.inherited { "" } else { &p.description },
                &property_about(p),
            ),
            attrs: self.attributes.of_field(&t.qualified_name(), &p.name),
            cfg: self.field_cfg(t, p),
            field,
        }
    }

    /// With area features, `#[cfg]` for the field of property `p` of `t`: its type's, when
    /// that type is not compiled whenever `t` is.
    fn field_cfg(&self, t: &TypeDef, p: &Property) -> TokenStream {
        super::areas::tokens(self.field_cfg_text(t, p))
    }

    /// [`Emitter::field_cfg`] as text, as the field's `object!` table row carries it.
    fn field_cfg_text(&self, t: &TypeDef, p: &Property) -> Option<String> {
        match &p.ty {
            TypeRef::Named(n) => self.reference_cfg_text(&t.qualified_name(), n.as_str()),
            TypeRef::Primitive(_) => None,
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
            about.push_str(&format!(" Derives from {}.", self.doc_link(module, base)));
        }
        match t.origin {
            Origin::Reconstructed => about.push_str(" No docs page was given for this type: it was reconstructed from the pages that refer to it."),
            Origin::Placeholder => about.push_str(" No docs page was given for this type: it is a placeholder that keeps whatever JSON it receives in `additional_properties`."),
            Origin::Page => {}
        }
        about
    }

    /// An intra-doc link to the type `qualified` that resolves from `module` (the type may
    /// live in another one, and its name may be escaped: `Self_`).
    fn doc_link(&self, module: &[String], qualified: &str) -> String {
        let path = path_text(&self.names.type_path(module, qualified));
        let name = path.rsplit("::").next().unwrap_or(&path);
        if name == path {
            format!("[`{name}`]")
        } else {
            format!("[`{name}`]({path})")
        }
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
        let field_defs = fields.iter().map(|f| {
            let TypedField {
                field,
                ty,
                docs,
                attrs,
                cfg,
            } = f;
            let ident = &field.ident;
            quote! {
                #docs
                #cfg
                #attrs
                pub #ident: #nullable<#ty>,
            }
        });
        let type_docs = docs(&t.description, &self.struct_about(t, module));
        let non_exhaustive = self
            .options
            .non_exhaustive
            .then(|| quote!(#[non_exhaustive]));
        let attrs = self.attributes.of_type(&t.qualified_name());
        // A property not in the JSON reads as `Nullable::Absent`, the `Default`.
        let object = self.object_impls(t, ident);
        let body = match self.struct_base(t) {
            // The generated fields are `super::fields::GENERATED_FIELDS`.
            None => quote! {
                /// The `@odata.type` annotation, written back as read. Set it when sending a derived
                /// type where its base is expected.
                pub odata_type: Option<String>,
                #(#field_defs)*
                /// Properties the docs did not list (and other `@` annotations), kept so that writing
                /// the value back loses nothing.
                pub additional_properties: serde_json::Map<String, serde_json::Value>,
            },
            Some(base) => {
                let b_q = base.qualified_name();
                let b_path = self.names.type_path(module, &b_q);
                let doc = format!(
                    " The properties inherited from {}, in the same JSON object.",
                    self.doc_link(module, &b_q)
                );
                let base_field = to_ident(BASE_FIELD);
                quote! {
                    #[doc = #doc]
                    pub #base_field: #b_path,
                    #(#field_defs)*
                }
            }
        };
        quote! {
            #type_docs
            #[derive(Clone, Default, PartialEq)]
            #attrs
            #non_exhaustive
            pub struct #ident {
                #body
            }
            #object
        }
    }

    /// `support::Object`, `Serialize` and `Deserialize` for the struct `ident` of `t`: a
    /// `support::object!` table of the JSON name each field reads from and writes to. The
    /// tokens are a marker naming the type by its index in the schema; the table is written
    /// as text after formatting ([`Emitter::expand_markers`]), one row per line, which
    /// prettyplease would instead fill like prose. (The macro's paths start at `support`,
    /// which each module of generated code imports.)
    fn object_impls(&self, t: &TypeDef, ident: &Ident) -> TokenStream {
        self.marker("object", ident, t)
    }

    /// `support::<table>!(ident, index);`: the marker of the `table` of `t` (whose index in
    /// the schema names it), written as the table after formatting ([`Emitter::expand_markers`]).
    pub(super) fn marker(&self, table: &str, ident: &Ident, t: &TypeDef) -> TokenStream {
        let table = to_ident(table);
        let index = self
            .schema
            .index_of(&t.qualified_name())
            .expect("emitted types are the schema's");
        let index = proc_macro2::Literal::usize_unsuffixed(index);
        quote!(support::#table!(#ident, #index);)
    }

    /// Replaces every `support::object!(Struct, index);`, `support::string_enum!(Enum,
    /// index);`, `support::family!(AnyEnum, index);` and `support::ancestors!(Struct, index);`
    /// marker in formatted code with the type's table, at the marker's indentation: the macro,
    /// the name, then the table's lines, one per line. A marker starts a line (after spaces;
    /// doc comments and string literals never do) and may be broken over lines by the
    /// formatter; text that only looks like one (another name, an index out of range or of
    /// another kind of type) is left as it is.
    pub(super) fn expand_markers(&self, code: &str) -> String {
        use std::fmt::Write as _;
        const TABLES: [&str; 4] = ["object", "string_enum", "family", "ancestors"];
        const PREFIX: &str = "support::";
        let markers = TABLES.map(|table| format!("support::{table}!("));
        let mut out = String::with_capacity(code.len() * 2);
        let mut rest = code;
        // One pass: each `support::` is looked at once (searching for each of the four
        // markers from every marker found was quadratic in a large module).
        while let Some(at) = rest.find(PREFIX) {
            let Some(table) = (0..TABLES.len()).find(|&i| rest[at..].starts_with(&markers[i]))
            else {
                out.push_str(&rest[..at + PREFIX.len()]);
                rest = &rest[at + PREFIX.len()..];
                continue;
            };
            let line_start = rest[..at].rfind('\n').map_or(0, |i| i + 1);
            let indent = &rest[line_start..at];
            let after = &rest[at + markers[table].len()..];
            out.push_str(&rest[..at]);
            let expanded = self.marker_type(indent, after).and_then(|(t, name, len)| {
                let q = t.qualified_name();
                let named = |n: &str| to_ident(n) == name;
                let is_struct = t.kind != Kind::Enum;
                let lines = match TABLES[table] {
                    "object" if is_struct && named(self.names.type_name(&q)) => {
                        self.object_table(t)
                    }
                    "string_enum" if !is_struct && named(self.names.type_name(&q)) => {
                        self.enum_table(t)
                    }
                    "family" if self.names.anys.get(&q).is_some_and(|a| named(a)) => {
                        self.family_table(t)
                    }
                    "ancestors"
                        if self.struct_base(t).is_some() && named(self.names.type_name(&q)) =>
                    {
                        self.ancestors_table(t)
                    }
                    _ => return None,
                };
                let _ = writeln!(out, "support::{}! {{", TABLES[table]);
                for line in std::iter::once(format!("{name},")).chain(lines) {
                    let _ = writeln!(out, "{indent}    {line}");
                }
                let _ = write!(out, "{indent}}}");
                Some(len)
            });
            match expanded {
                Some(len) => rest = &after[len..],
                None => {
                    out.push_str(&markers[table]);
                    rest = after;
                }
            }
        }
        out.push_str(rest);
        out
    }

    /// The type, name and length of the marker arguments `args` (what follows the macro's
    /// name, through `);`), when they are a marker at `indent`: a name and a type index.
    fn marker_type<'c>(&self, indent: &str, args: &'c str) -> Option<(&TypeDef, &'c str, usize)> {
        if !indent.bytes().all(|b| b == b' ') {
            return None;
        }
        let close = args.find(')')?;
        if !args[close + 1..].starts_with(';') {
            return None;
        }
        let mut parts = args[..close].split(',').map(str::trim);
        let (name, index) = (parts.next()?, parts.next()?);
        if parts.any(|p| !p.is_empty()) {
            return None;
        }
        let t = self.schema.types().get(index.parse::<usize>().ok()?)?;
        Some((t, name, close + 2))
    }

    /// The lines of the `support::object!` table of the struct of `t` after its name: the
    /// `expecting` text, `..base` when it has one, then a row per field (JSON name => field),
    /// after its `#[cfg]` with area features.
    fn object_table(&self, t: &TypeDef) -> Vec<String> {
        let expecting = format!("a `{}` JSON object", doc_name(&t.qualified_name()));
        let mut lines = vec![format!("{},", proc_macro2::Literal::string(&expecting))];
        if self.struct_base(t).is_some() {
            lines.push(format!("..{BASE_FIELD},"));
        }
        for field in self.fields_of(t) {
            lines.extend(self.field_cfg_text(t, field.property));
            lines.push(format!(
                "{} => {},",
                proc_macro2::Literal::string(field.json()),
                field.ident
            ));
        }
        lines
    }
}
