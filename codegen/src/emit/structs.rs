//! The struct of an entity or complex type: `support::Nullable` fields (absent, `null` or a
//! value) for the properties it declares, and either its base's struct (`base`, read and
//! written in the same JSON object) or, for a root, the `@odata.type` annotation and a map
//! that keeps unknown properties; and its serde impls, written as `support::Object` (which
//! field each JSON name reads into and writes from) rather than derived.

use super::code::{Code, Piece};
use super::fields::{Field, BASE_FIELD};
use super::ident::{doc_name, to_ident};
use super::names::module_of;
use super::support::support_path;
use super::Emitter;
use crate::schema::{Kind, Origin, Property, TypeDef, TypeRef};

/// A struct field with its Rust type, docs and user attributes, as emitted.
pub(super) struct TypedField<'a> {
    /// The property and its field name.
    pub(super) field: Field<'a>,
    /// The field type inside `Nullable`, as declared (`Box<T>` when boxed).
    ty: String,
    /// The type has text the user wrote (a mapped primitive).
    user_type: bool,
    /// The generator's line about the property (see [`property_about`]).
    about: String,
    /// User attributes ([`super::EmitOptions::field_attribute`]).
    attrs: Vec<&'a str>,
    /// `#[cfg]` with area features, when the field's type is not always there with the struct.
    cfg: Option<String>,
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
    /// Writes the struct of an entity or complex type into `out`, with its `support::object!`
    /// table (its serde impls and `Debug`), its `AsRef`/`AsMut` views of its ancestors, its
    /// `Any...` enum and `From` conversion into its base (see [`Emitter::family_items`]); each
    /// item under `cfg`, the type's `#[cfg]` with area features.
    pub(super) fn emit_struct(&self, t: &TypeDef, cfg: Option<&str>, out: &mut Code) {
        let module = module_of(&t.namespace);
        let name = to_ident(self.names.type_name(&t.qualified_name())).to_string();
        let fields: Vec<TypedField> = self
            .fields_of(t)
            .into_iter()
            .map(|field| self.typed_field(t, &module, field))
            .collect();
        self.struct_definition(t, &module, &name, &fields, cfg, out);
        self.table(out, cfg, "object", &name, self.object_table(t, &fields));
        self.family_items(t, &name, cfg, out);
    }

    /// `field` of the struct of `t` (in module `module`) with its type, docs and attributes.
    fn typed_field<'a>(
        &'a self,
        t: &TypeDef,
        module: &[String],
        field: Field<'a>,
    ) -> TypedField<'a> {
        let p = field.property;
        // `typed`: not a named type left out of the schema (which is held as JSON).
        let (element, typed, user_type) = match &p.ty {
            TypeRef::Primitive(primitive) => {
                let (path, user) = self.options.type_mapping.text_in(*primitive, module);
                (path, true, user)
            }
            TypeRef::Named(n) if self.schema.get(n.as_str()).is_some() => {
                (self.names.value_path(module, n.as_str()), true, false)
            }
            TypeRef::Named(_) => ("serde_json::Value".to_owned(), false, false),
        };
        let plain = if p.collection {
            format!("Vec<{element}>")
        } else {
            element
        };
        // A relationship whose type was left out (`skip_navigation`) is JSON already.
        let ty = if p.navigation && typed && !self.options.typed_navigation {
            format!("{}<{plain}>", support_path(module, "Expanded"))
        } else if field.boxed {
            format!("Box<{plain}>")
        } else {
            plain
        };
        TypedField {
            ty,
            user_type,
            about: property_about(p),
            attrs: self.attributes.of_field(&t.qualified_name(), &p.name),
            cfg: self.field_cfg_text(t, p),
            field,
        }
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
        let path = self.names.type_path(module, qualified);
        let name = path.rsplit("::").next().unwrap_or(&path);
        if name == path {
            format!("[`{name}`]")
        } else {
            format!("[`{name}`]({path})")
        }
    }

    /// Writes the struct item itself.
    fn struct_definition(
        &self,
        t: &TypeDef,
        module: &[String],
        name: &str,
        fields: &[TypedField],
        cfg: Option<&str>,
        out: &mut Code,
    ) {
        let mut item = self.start_item(out, cfg);
        item.docs(&t.description, &self.struct_about(t, module));
        item.line("#[derive(Clone, Default, PartialEq)]");
        for attribute in self.attributes.of_type(&t.qualified_name()) {
            item.attribute(attribute, true);
        }
        if self.options.non_exhaustive {
            item.line("#[non_exhaustive]");
        }
        item.open(&format!("pub struct {name} {{"));
        let base = self.struct_base(t);
        match base {
            // The generated fields are `super::fields::GENERATED_FIELDS`.
            None => {
                item.doc(" The `@odata.type` annotation, written back as read. Set it when sending a derived");
                item.doc(" type where its base is expected.");
                item.line("pub odata_type: Option<String>,");
            }
            Some(base) => {
                let b_q = base.qualified_name();
                item.doc(&format!(
                    " The properties inherited from {}, in the same JSON object.",
                    self.doc_link(module, &b_q)
                ));
                let b_path = self.names.type_path(module, &b_q);
                item.line(&format!("pub {}: {b_path},", to_ident(BASE_FIELD)));
            }
        }
        let nullable = support_path(module, "Nullable");
        for f in fields {
            let p = f.field.property;
            // An inherited field's description is its declaring type's: said once there,
            // not copied into every descendant (the docs are a large part of the source).
            item.docs(if p.inherited { "" } else { &p.description }, &f.about);
            let mut declaration = Code::new(item.depth());
            if let Some(cfg) = &f.cfg {
                declaration.attribute(cfg, false);
            }
            for attribute in &f.attrs {
                declaration.attribute(attribute, true);
            }
            if f.user_type {
                declaration.user_line(&format!("pub {}: {nullable}<{}>,", f.field.ident, f.ty));
            } else {
                let head = format!("pub {}: {nullable}", f.field.ident);
                declaration.generic_line(&head, &f.ty, ",");
            }
            item.append(declaration, Piece::Field);
        }
        if base.is_none() {
            item.doc(" Properties the docs did not list (and other `@` annotations), kept so that writing");
            item.doc(" the value back loses nothing.");
            item.line("pub additional_properties: serde_json::Map<String, serde_json::Value>,");
        }
        item.close("}");
        out.append(item, Piece::Items);
    }

    /// The lines of the `support::object!` table of the struct of `t` after its name: the
    /// `expecting` text, `..base` when it has one, then a row per field (JSON name => field),
    /// after its `#[cfg]` with area features.
    fn object_table(&self, t: &TypeDef, fields: &[TypedField]) -> Vec<String> {
        let expecting = format!("a `{}` JSON object", doc_name(&t.qualified_name()));
        let mut lines = vec![format!("{},", proc_macro2::Literal::string(&expecting))];
        if self.struct_base(t).is_some() {
            lines.push(format!("..{BASE_FIELD},"));
        }
        for TypedField { field, cfg, .. } in fields {
            lines.extend(cfg.clone());
            lines.push(format!(
                "{} => {},",
                proc_macro2::Literal::string(field.json()),
                field.ident
            ));
        }
        lines
    }
}
