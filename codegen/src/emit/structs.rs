//! The struct of an entity or complex type, declared by its `support::object!` table:
//! `support::Nullable` fields (absent, `null` or a value) for the properties it declares, one
//! row each, and either its base's struct (`base`, read and written in the same JSON object)
//! or, for a root, the `@odata.type` annotation and a map that keeps unknown properties; the
//! macro writes its serde impls as `support::Object` (which field each JSON name reads into and
//! writes from) rather than derived.
//!
//! Everything is written in place, into the code being written: the docs, the generator's
//! lines and each row, with no string of their own (such strings, several per field, were a
//! fifth of emit).
use super::code::{attributes_on_one_line, Code};
use super::fields::Field;
use super::ident::{ident_text, push_doc_name, push_doc_name_literal, push_string_literal};
use super::names::module_of;
use super::options::FieldAttributes;
use super::support::push_support_path;
use super::Emitter;
use crate::schema::{Kind, Origin, Property, QualifiedName, TypeDef, TypeRef};

/// Appends the generator's line about a property to `about` (nothing when there is nothing to
/// say): who declares it when it is inherited (the description is said once, on the declaring
/// struct), whether it is a navigation property; its JSON name and type when the docs give no
/// description (the field's type and the `support::object!` table say them otherwise).
fn push_property_about(about: &mut String, p: &Property) {
    let start = about.len();
    if p.inherited {
        about.push_str("Inherited from `");
        push_doc_name(about, &p.declared_by);
        about.push_str("`.");
    } else if p.description.trim().is_empty() {
        about.push_str("JSON `");
        push_doc_name(about, &p.name);
        about.push_str(if p.collection {
            "`, a collection of `"
        } else {
            "`, type `"
        });
        push_doc_name(
            about,
            match &p.ty {
                TypeRef::Primitive(primitive) => primitive.as_str(),
                TypeRef::Named(n) => n.name(),
            },
        );
        about.push_str("`.");
    }
    if p.navigation {
        if about.len() > start {
            about.push(' ');
        }
        about.push_str("Navigation property: present only when expanded.");
    }
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
        let q = self.qualified(t);
        let name = ident_text(self.names.type_name(&q));
        self.struct_definition(t, &q, &module, &name, cfg, out);
        self.family_items(t, &q, &name, cfg, out);
    }

    /// Appends the Rust type of `field` of a struct in module `module` to `row` (inside
    /// `Nullable`, as declared: `Box<T>` when boxed, `support::Expanded<T>` for a navigation
    /// property unless `typed_navigation`), and says whether it has text the user wrote (a
    /// mapped primitive).
    fn push_field_type(&self, row: &mut String, module: &[String], field: &Field) -> bool {
        let p = field.property;
        // `typed`: not a named type left out of the schema (which is held as JSON).
        let typed = match &p.ty {
            TypeRef::Primitive(_) => true,
            TypeRef::Named(n) => self.schema.get(n.as_str()).is_some(),
        };
        // A relationship whose type was left out (`skip_navigation`) is JSON already.
        let expanded = p.navigation && typed && !self.options.typed_navigation;
        let boxed = !expanded && field.boxed;
        if expanded {
            push_support_path(row, module, "Expanded");
            row.push('<');
        } else if boxed {
            row.push_str("Box<");
        }
        if p.collection {
            row.push_str("Vec<");
        }
        let user_type = match &p.ty {
            TypeRef::Primitive(primitive) => {
                (self.options.type_mapping).push_text_in(row, *primitive, module)
            }
            TypeRef::Named(n) if typed => {
                self.names.push_value_path(row, module, n.as_str());
                false
            }
            TypeRef::Named(_) => {
                row.push_str("serde_json::Value");
                false
            }
        };
        if p.collection {
            row.push('>');
        }
        if expanded || boxed {
            row.push('>');
        }
        user_type
    }

    /// The predicate of the area `cfg` of a field of the type `qualified` for `p` (see
    /// [`Emitter::reference_cfg_text`]): none for a primitive.
    fn field_cfg(&self, qualified: &str, p: &Property) -> Option<String> {
        match &p.ty {
            TypeRef::Named(n) => self.reference_cfg(qualified, n.as_str()),
            TypeRef::Primitive(_) => None,
        }
    }

    /// Appends the generator's line about a struct type to `about`: its kind and name, its
    /// base, its origin.
    fn push_struct_about(&self, about: &mut String, t: &TypeDef, module: &[String]) {
        about.push_str(if t.kind == Kind::Entity {
            "Graph entity type `"
        } else {
            "Graph complex type `"
        });
        push_doc_name(about, &t.namespace);
        about.push('.');
        push_doc_name(about, &t.name);
        about.push_str("`.");
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
        q: &QualifiedName,
        module: &[String],
        name: &str,
        cfg: Option<&str>,
        out: &mut Code,
    ) {
        let item = self.start_item(out, cfg);
        out.open_verbatim("support::object! {");
        out.verbatim_line_with(|row| {
            push_doc_name_literal(row, q);
            row.push(',');
        });
        out.docs_with(&t.description, |about| {
            self.push_struct_about(about, t, module);
        });
        for attribute in self.attributes.of_type(q) {
            out.attribute(attribute, true);
        }
        if self.options.non_exhaustive {
            out.verbatim_lines(["#[non_exhaustive]"]);
        }
        let mut head = ["pub struct ", name].concat();
        if let Some(base) = self.struct_base(t) {
            head.push_str(": ");
            head.push_str(&self.names.type_path(module, &base.qualified_name()));
        }
        let fields = self.fields_of(t);
        if fields.is_empty() {
            head.push_str(" {}");
            out.verbatim_lines([head.as_str()]);
        } else {
            head.push_str(" {");
            out.open_verbatim(&head);
            for field in &fields {
                let p = field.property;
                let FieldAttributes { attributes, cfgs } = self.attributes.of_field(q, &p.name);
                // An inherited field's description is its declaring type's: said once there,
                // not copied into every descendant (the docs are a large part of the source).
                let description = if p.inherited { "" } else { &p.description };
                out.docs_with(description, |about| push_property_about(about, p));
                // The row's `#[cfg]`: with area features, when the field's type is not always
                // there with the struct, and the user's `cfg` attributes, all of which must hold.
                out.verbatim_lines(row_cfg(self.field_cfg(q, p), &cfgs).as_deref());
                // Written piece by piece into the code: `format!` per row was a tenth of
                // emit's formatting, and a string per row grew several times.
                out.verbatim_line_with(|row| {
                    push_string_literal(row, field.json());
                    row.push_str(" =>");
                    for attribute in &attributes {
                        row.push(' ');
                        row.push_str(&attributes_on_one_line(attribute));
                    }
                    row.push(' ');
                    row.push_str(&field.ident);
                    row.push(':');
                    let ty_start = row.len();
                    row.push(' ');
                    if self.push_field_type(row, module, field) {
                        // The user's type on the row's one line.
                        let ty = row.split_off(ty_start);
                        for word in ty.split_whitespace() {
                            row.push(' ');
                            row.push_str(word);
                        }
                    }
                    row.push(',');
                });
            }
            out.close_verbatim("}");
        }
        out.close_verbatim("}");
        out.end_item(item);
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
