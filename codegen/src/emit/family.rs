//! The code that ties a type to its family of base and derived types: `AsRef`/`AsMut` views of
//! every ancestor's struct (held through `base` fields), so that code written once for a type
//! takes its descendants too, and `From` into the direct base, from a `support::ancestors!`
//! table; and `Any...` enums (a type or any type derived from it, chosen by `@odata.type`),
//! declared with their impls by a `support::family!` table. Tables are written one row per
//! line, like the structs' `object!` tables.

use super::code::Code;
use super::fields::BASE_FIELD;
use super::ident::{doc_name, ident_text, into_ident_text, string_literal, Scope};
use super::names::module_of;
use super::Emitter;
use crate::schema::{QualifiedName, TypeDef};
use std::borrow::Cow;

/// Writes `impl Trait<Name> for Name {` and goes one level deeper, as prettyplease lays it
/// out: on one line when it fits, else broken before `for` (each half at the item's depth),
/// which prettyplease would otherwise be run for (it was most of the items it laid out).
/// Halves that do not fit either leave the item to prettyplease.
fn open_impl_for(out: &mut Code, trait_name: &str, name: &str) {
    let line = ["impl ", trait_name, "<", name, "> for ", name, " {"];
    if out.fits(&line) {
        out.open_of(&line);
    } else {
        out.line_of(&["impl ", trait_name, "<", name, ">"]);
        out.open_of(&["for ", name, " {"]);
    }
}

/// Whether a type of `namespace` named `name` is the type `q` (its
/// [`TypeDef::qualified_name`] equals `q`, which is not built).
fn is_named(namespace: &str, name: &str, q: &QualifiedName) -> bool {
    let q = q.as_str();
    q.len() == namespace.len() + 1 + name.len()
        && q.starts_with(namespace)
        && q[namespace.len()..].starts_with('.')
        && q.ends_with(name)
}

/// One variant of an `Any...` enum: its name, the path of the type it boxes, and that type's
/// qualified name.
struct Variant<'e> {
    name: String,
    path: String,
    qualified: Cow<'e, QualifiedName>,
    /// With area features, `#[cfg]` when the variant's type is not always there with the enum.
    cfg: Option<String>,
}

impl Emitter<'_> {
    /// Writes everything after the struct `name` of `t` into `out`, each item under `cfg`:
    /// `AsRef` and `AsMut` of itself when it has subtypes, for a derived struct its
    /// `support::ancestors!` table (`AsRef` and `AsMut` of the structs it holds, `From<Self>`
    /// for its direct base: [`Emitter::ancestors_table`]), and its `Any...` enum when it has
    /// subtypes.
    pub(super) fn family_items(
        &self,
        t: &TypeDef,
        q: &QualifiedName,
        name: &str,
        cfg: Option<&str>,
        out: &mut Code,
    ) {
        if self.subtypes.contains_key(q) {
            self.self_views(name, cfg, out);
        }
        if self.struct_base(t).is_some() {
            let rows = self.ancestors_table(t);
            self.table(out, cfg, "ancestors", name, |out| {
                out.verbatim_lines(rows.iter().map(String::as_str));
            });
        }
        if self.names.anys.contains_key(q) {
            self.any_enum(t, cfg, out);
        }
    }

    /// The structs the struct of `t` holds, nearest first, each with the path of fields
    /// that reaches it (`base`, `base.base`, ...).
    fn held_structs<'t>(&'t self, t: &'t TypeDef) -> Vec<(&'t TypeDef, String)> {
        (self.struct_bases(t).enumerate())
            .map(|(above, base)| (base, base_field_path(above + 1)))
            .collect()
    }

    /// The path of `base` fields (`base`, `base.base`, ...) from the struct of `t` to the
    /// nearest struct it holds of the type named `ancestor`, as [`Emitter::held_structs`]
    /// gives it: found without the structs above it, nor any name built.
    fn base_path_to(&self, t: &TypeDef, ancestor: &QualifiedName) -> Option<String> {
        (self.struct_bases(t))
            .position(|base| is_named(&base.namespace, &base.name, ancestor))
            .map(|above| base_field_path(above + 1))
    }

    /// The structs the struct of `t` holds, nearest first.
    fn struct_bases<'t>(&'t self, t: &'t TypeDef) -> impl Iterator<Item = &'t TypeDef> + 't {
        std::iter::successors(self.struct_base(t), |base| self.struct_base(base))
    }

    /// Writes `AsRef` and `AsMut` of the struct `name` itself (a type with subtypes), so that
    /// a function taking `&impl AsRef<Base>` takes the base as well as every type derived from
    /// it (whose views come from their `support::ancestors!` tables).
    fn self_views(&self, name: &str, cfg: Option<&str>, out: &mut Code) {
        for (as_trait, method, reference) in [
            ("AsRef", "as_ref", "&self) -> &"),
            ("AsMut", "as_mut", "&mut self) -> &mut "),
        ] {
            let item = self.start_item(out, cfg);
            open_impl_for(out, as_trait, name);
            out.line("#[inline]");
            out.open_of(&["fn ", method, "(", reference, "Self {"]);
            out.line("self");
            out.close("}");
            out.close("}");
            out.end_item(item);
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
                let a_path = self.names.type_path(&module, &self.qualified(ancestor));
                [a_path.as_str(), " = ", &path, ","].concat()
            })
            .collect()
    }

    /// The variants of the `Any...` enum of `t`: `t` itself first, then its descendants in
    /// schema order, each named after its type (unique within the enum).
    fn any_variants(&self, t: &TypeDef) -> Vec<Variant<'_>> {
        let q = self.qualified(t);
        let module = module_of(&t.namespace);
        let mut scope = Scope::new();
        std::iter::once(t)
            .chain(self.schema.descendants_in(&self.subtypes, &q))
            .map(|member| {
                let qualified = self.qualified(member);
                Variant {
                    name: into_ident_text(scope.unique(self.names.type_name(&qualified))),
                    path: self.names.type_path(&module, &qualified),
                    cfg: self.reference_cfg_text(&q, &qualified),
                    qualified,
                }
            })
            .collect()
    }

    /// Writes the `support::family!` table of the `Any...` enum of a type with subtypes
    /// ([`Emitter::family_table`]), which declares the enum: one boxed variant per type of
    /// the family, chosen on deserialization by `@odata.type` (with or without `#`, anywhere
    /// in the object). An absent or unknown annotation gives the declared type itself, which
    /// keeps unknown properties.
    fn any_enum(&self, t: &TypeDef, cfg: Option<&str>, out: &mut Code) {
        let any = ident_text(&self.names.anys[&*self.qualified(t)]).into_owned();
        let family = self.any_variants(t);
        let rows = self.family_table(t, &family);
        self.table(out, cfg, "family", &any, |out| {
            out.verbatim_lines(rows.iter().map(String::as_str));
        });
    }

    /// The lines of the `support::family!` table of the `Any...` enum of `t` after its name:
    /// the declared type's Graph name as the docs write it, its variant and struct, then a
    /// row per derived type (its `@odata.type`, variant, struct and path of `base` fields up
    /// to the declared type's struct), after its `#[cfg]` with area features.
    fn family_table(&self, t: &TypeDef, family: &[Variant]) -> Vec<String> {
        let q = self.qualified(t);
        let mut lines = vec![
            [string_literal(&doc_name(&q)).as_str(), ","].concat(),
            [family[0].name.as_str(), "(", &family[0].path, "),"].concat(),
        ];
        for v in &family[1..] {
            let member = self
                .schema
                .get(v.qualified.as_str())
                .expect("variants are schema types");
            let path = self
                .base_path_to(member, &q)
                .expect("a descendant's struct holds its ancestors' through `base` fields");
            lines.extend(v.cfg.clone());
            lines.push(
                [
                    string_literal(v.qualified.as_str()).as_str(),
                    " => ",
                    &v.name,
                    "(",
                    &v.path,
                    ") = ",
                    &path,
                    ",",
                ]
                .concat(),
            );
        }
        lines
    }
}

/// The path of `depth` nested `base` fields: `base`, `base.base`, ...
fn base_field_path(depth: usize) -> String {
    vec![&*ident_text(BASE_FIELD); depth].join(".")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_type_is_named_as_its_qualified_name_says() {
        let names = ["", "a", "a.b", "b", "ab", ".", "a.b.c"];
        for namespace in names {
            for name in names {
                let qualified = QualifiedName::new(namespace, name);
                for q_namespace in names {
                    for q_name in names {
                        let q = QualifiedName::new(q_namespace, q_name);
                        assert_eq!(is_named(namespace, name, &q), qualified == q, "{q:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn an_impl_header_is_broken_as_prettyplease_breaks_it() {
        for depth in 0..3 {
            for len in 1..100 {
                let name = ["N", &"x".repeat(len - 1)].concat();
                let item = |fast: bool| {
                    let mut out = Code::new(depth);
                    let start = out.begin_item();
                    if fast {
                        open_impl_for(&mut out, "AsMut", &name);
                    } else {
                        out.open_of(&["impl AsMut<", &name, "> for ", &name, " {"]);
                    }
                    out.line("#[inline]");
                    out.open_of(&["fn as_mut(&mut self) -> &mut Self {"]);
                    out.line("self");
                    out.close("}");
                    out.close("}");
                    out.end_item(start);
                    out.finish()
                };
                let laid = super::super::code::laid_out(&item(false), depth);
                assert_eq!(item(true), laid, "{depth} {len}");
            }
        }
    }
}
