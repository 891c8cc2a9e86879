//! The struct of an entity or complex type, declared by its `support::object!` table:
//! `support::Nullable` fields (absent, `null` or a value) for the properties it declares, one
//! row each, and either its base's struct (`base`, read and written in the same JSON object)
//! or, for a root, the `@odata.type` annotation and a map that keeps unknown properties; the
//! macro writes its serde impls as `support::Object` (which field each JSON name reads into and
//! writes from) rather than derived.
use super::code::{attributes_on_one_line, Code};
use super::fields::Field;
use super::ident::{doc_name, ident_text, push_string_literal, string_literal};
use super::names::module_of;
use super::options::FieldAttributes;
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
    /// User attributes other than `cfg` ([`super::EmitOptions::field_attribute`]).
    attrs: Vec<&'a str>,
    /// The row's `#[cfg]`: with area features, when the field's type is not always there with
    /// the struct, and the user's `cfg` attributes, all of which must hold.
    cfg: Option<String>,
}

/// The generator's line about a property: who declares it when it is inherited (the
/// description is said once, on the declaring struct), whether it is a navigation property;
/// its JSON name and type when the docs give no description (the field's type and the
/// `support::object!` table say them otherwise).
fn property_about(p: &Property) -> String {
    let mut about = String::new();
    if p.inherited {
        about.push_str("Inherited from `");
        about.push_str(&doc_name(&p.declared_by));
        about.push_str("`.");
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

/// A table row's `#[cfg]`: the predicate with area features (`area`) and those of the user's
/// `cfg` attributes, joined in an `all(..)` when there are several. With no user predicate
/// the area's is written as [`Emitter::reference_cfg_text`] writes it; otherwise prettyplease
/// lays the attribute out, on one line.
fn row_cfg(area: Option<String>, user: &[&str]) -> Option<String> {
    if user.is_empty() {
        return area.map(|predicate| format!("#[cfg({predicate})]"));
    }
    let mut predicates: Vec<&str> = Vec::with_capacity(user.len() + 1);
    predicates.extend(area.as_deref());
    predicates.extend_from_slice(user);
    let predicate = match predicates.as_slice() {
        [one] => (*one).to_owned(),
        all => format!("all({})", all.join(", ")),
    };
    Some(attributes_on_one_line(&format!("#[cfg({predicate})]")))
}

impl Emitter<'_> {
    /// Writes the `support::object!` table of an entity or complex type into `out` (the
    /// struct, its serde impls and `Debug`), its `AsRef`/`AsMut` views of its ancestors, its
    /// `Any...` enum and `From` conversion into its base (see [`Emitter::family_items`]); each
    /// item under `cfg`, the type's `#[cfg]` with area features.
    pub(super) fn emit_struct(&self, t: &TypeDef, cfg: Option<&str>, out: &mut Code) {
        let module = module_of(&t.namespace);
        let q = t.qualified_name();
        let name = ident_text(self.names.type_name(&q)).into_owned();
        let fields: Vec<TypedField> = self
            .fields_of(t)
            .into_iter()
            .map(|field| self.typed_field(&q, &module, field))
            .collect();
        self.struct_definition(t, &module, &name, &fields, cfg, out);
        self.family_items(t, &name, cfg, out);
    }

    /// `field` of the struct of the type `qualified` (in module `module`) with its type, docs
    /// and attributes.
    fn typed_field<'a>(
        &'a self,
        qualified: &str,
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
            ["Vec<", &element, ">"].concat()
        } else {
            element
        };
        // A relationship whose type was left out (`skip_navigation`) is JSON already.
        let ty = if p.navigation && typed && !self.options.typed_navigation {
            let mut expanded = support_path(module, "Expanded");
            expanded.push('<');
            expanded.push_str(&plain);
            expanded.push('>');
            expanded
        } else if field.boxed {
            ["Box<", &plain, ">"].concat()
        } else {
            plain
        };
        let FieldAttributes { attributes, cfgs } = self.attributes.of_field(qualified, &p.name);
        TypedField {
            ty,
            user_type,
            about: property_about(p),
            attrs: attributes,
            cfg: row_cfg(self.field_cfg(qualified, p), &cfgs),
            field,
        }
    }

    /// The predicate of the area `cfg` of a field of the type `qualified` for `p` (see
    /// [`Emitter::reference_cfg_text`]): none for a primitive.
    fn field_cfg(&self, qualified: &str, p: &Property) -> Option<String> {
        match &p.ty {
            TypeRef::Named(n) => self.reference_cfg(qualified, n.as_str()),
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
        let mut about = ["Graph ", kind, " `", &doc_name(&t.qualified_name()), "`."].concat();
        if let Some(base) = &t.base {
            about.push_str(" Derives from ");
            about.push_str(&self.doc_link(module, base));
            about.push('.');
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
            ["[`", name, "`]"].concat()
        } else {
            ["[`", name, "`](", &path, ")"].concat()
        }
    }

    /// Writes the struct's `support::object!` table, which declares the struct: the Graph name
    /// (for error messages), the struct's docs and attributes, `pub struct Name {` (`Name: Base`
    /// for a derived struct, whose `base` field the macro declares, as it declares a root's
    /// `odata_type` and `additional_properties`), then a row per field: its docs, its `#[cfg]`
    /// with area features, `"jsonName" => field: T,` with the user's attributes after `=>`.
    /// The macro makes each field `pub` and `support::Nullable<T>`. Written as a struct and a
    /// table of JSON names apart, with the fields the macro adds, this was 1.1 MB more of a
    /// whole tree's source.
    fn struct_definition(
        &self,
        t: &TypeDef,
        module: &[String],
        name: &str,
        fields: &[TypedField],
        cfg: Option<&str>,
        out: &mut Code,
    ) {
        let q = t.qualified_name();
        let mut item = self.start_item(out, cfg);
        item.open_verbatim("support::object! {");
        let graph_name = [string_literal(&doc_name(&q)).as_str(), ","].concat();
        item.verbatim_lines([graph_name.as_str()]);
        item.docs(&t.description, &self.struct_about(t, module));
        for attribute in self.attributes.of_type(&q) {
            item.attribute(attribute, true);
        }
        if self.options.non_exhaustive {
            item.verbatim_lines(["#[non_exhaustive]"]);
        }
        let mut head = ["pub struct ", name].concat();
        if let Some(base) = self.struct_base(t) {
            head.push_str(": ");
            head.push_str(&self.names.type_path(module, &base.qualified_name()));
        }
        if fields.is_empty() {
            head.push_str(" {}");
            item.verbatim_lines([head.as_str()]);
        } else {
            head.push_str(" {");
            item.open_verbatim(&head);
            for f in fields {
                let p = f.field.property;
                // An inherited field's description is its declaring type's: said once there,
                // not copied into every descendant (the docs are a large part of the source).
                item.docs(if p.inherited { "" } else { &p.description }, &f.about);
                item.verbatim_lines(f.cfg.as_deref());
                // Written piece by piece into the code: `format!` per row was a tenth of
                // emit's formatting, and a string per row grew several times.
                item.verbatim_line_with(|row| {
                    push_string_literal(row, f.field.json());
                    row.push_str(" =>");
                    for attribute in &f.attrs {
                        row.push(' ');
                        row.push_str(&attributes_on_one_line(attribute));
                    }
                    row.push(' ');
                    row.push_str(&f.field.ident);
                    row.push(':');
                    if f.user_type {
                        // The user's type on the row's one line.
                        for word in f.ty.split_whitespace() {
                            row.push(' ');
                            row.push_str(word);
                        }
                    } else {
                        row.push(' ');
                        row.push_str(&f.ty);
                    }
                    row.push(',');
                });
            }
            item.close_verbatim("}");
        }
        item.close_verbatim("}");
        out.append(item);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rows_cfg_joins_the_areas_and_the_users() {
        let area = || Some("any(feature = \"core\")".to_owned());
        assert_eq!(
            row_cfg(area(), &[]).as_deref(),
            Some("#[cfg(any(feature = \"core\"))]")
        );
        assert_eq!(row_cfg(None, &[]), None);
        assert_eq!(
            row_cfg(None, &["not (unix)"]).as_deref(),
            Some("#[cfg(not(unix))]")
        );
        assert_eq!(
            row_cfg(area(), &["feature = \"ids\"", "unix"]).as_deref(),
            Some("#[cfg(all(any(feature = \"core\"), feature = \"ids\", unix))]")
        );
    }
}
