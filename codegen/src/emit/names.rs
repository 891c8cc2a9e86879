//! The Rust names of a schema's types and `Any...` enums, and the paths
//! that reach them from any module of the generated code.

use super::ident::{self, camel, ident_text, Scope};
use crate::schema::{Kind, QualifiedName, Schema, TypeDef};
use foldhash::{HashMap, HashMapExt};
use std::collections::BTreeMap;

/// The names chosen for every type of a schema. Hash maps: emit looks names up tens of
/// thousands of times, and an ordered map compared a dozen strings per lookup.
pub(super) struct Names {
    /// Qualified name → (module path segments, Rust type name).
    pub(super) types: HashMap<QualifiedName, (Vec<String>, String)>,
    /// Qualified name → name of its `Any...` enum, which holds the type or any type derived from
    /// it, chosen by `@odata.type` (types with subtypes only).
    pub(super) anys: HashMap<QualifiedName, String>,
}

/// Module path for a namespace: `microsoft.graph` is the root, `microsoft.graph.callRecords`
/// becomes `call_records`.
pub(super) fn module_of(namespace: &str) -> Vec<String> {
    let rest = namespace
        .strip_prefix("microsoft.graph")
        .unwrap_or(namespace);
    rest.split('.')
        .filter(|s| !s.is_empty())
        .map(ident::module)
        .collect()
}

impl Names {
    /// Chooses the names of every type of `schema`, unique within each module.
    pub(super) fn new(schema: &Schema) -> Names {
        Names::with_subtypes(schema, &schema.subtypes())
    }

    /// [`Names::new`] with the schema's [`Schema::subtypes`], computed already.
    pub(super) fn with_subtypes(
        schema: &Schema,
        subtypes: &BTreeMap<QualifiedName, Vec<QualifiedName>>,
    ) -> Names {
        let mut scopes: BTreeMap<Vec<String>, Scope> = BTreeMap::new();
        let mut types = HashMap::with_capacity(schema.types().len());
        let mut anys = HashMap::new();
        // Type names first, then `Any...` enums. Types defined by a page claim their name before
        // reconstructed ones and placeholders (a miscased link must not take `User` from
        // `user`); ties resolve in schema order, so the result is deterministic.
        // Each qualified name is built once, for both passes.
        let named: Vec<(&TypeDef, QualifiedName)> = (schema.types().iter())
            .map(|t| (t, t.qualified_name()))
            .collect();
        let mut by_claim: Vec<&(&TypeDef, QualifiedName)> = named.iter().collect();
        by_claim.sort_by_key(|(t, _)| t.origin);
        for (t, q) in by_claim {
            let module = module_of(&t.namespace);
            let scope = scopes
                .entry(module.clone())
                .or_insert_with(Scope::for_types);
            let name = scope.unique(&camel(&t.name));
            types.insert(q.clone(), (module, name));
        }
        for (t, q) in named {
            if t.kind != Kind::Enum && subtypes.contains_key(&q) {
                let module = module_of(&t.namespace);
                let scope = scopes.entry(module).or_insert_with(Scope::for_types);
                anys.insert(q.clone(), scope.unique(&["Any", &types[&q].1].concat()));
            }
        }
        Names { types, anys }
    }

    /// The Rust name of the type `qualified` (which must be a type of the schema).
    pub(super) fn type_name(&self, qualified: &str) -> &str {
        &self.types[qualified].1
    }

    /// The module path and Rust name of `qualified`: none for a type the schema does not have
    /// (written as `Value`, from the root module).
    fn module_and_name(&self, qualified: &str) -> (&[String], &str) {
        self.types
            .get(qualified)
            .map_or((&[], "Value"), |(module, name)| (module, name))
    }

    /// Appends a path to `item`, declared in module `target`, usable from inside module `from`,
    /// to `out` (a line being written).
    fn push_path(out: &mut String, from: &[String], target: &[String], item: &str) {
        let mut common = 0;
        while common < from.len() && common < target.len() && from[common] == target[common] {
            common += 1;
        }
        for _ in common..from.len() {
            out.push_str("super::");
        }
        for m in &target[common..] {
            out.push_str(&ident_text(m));
            out.push_str("::");
        }
        out.push_str(&ident_text(item));
    }

    /// Appends the Rust type of a value declared as `qualified` to `out` (a table row being
    /// written): its `Any...` enum when it has subtypes (so the value keeps whichever derived
    /// type `@odata.type` names), else the type itself, as [`Names::type_path`] writes it.
    pub(super) fn push_value_path(&self, out: &mut String, from: &[String], qualified: &str) {
        let (target, name) = self.module_and_name(qualified);
        let item = self.anys.get(qualified).map_or(name, String::as_str);
        Names::push_path(out, from, target, item);
    }

    /// A path to the struct or enum of `qualified` usable from inside module `from` (`Value`
    /// for a type the schema does not have).
    pub(super) fn type_path(&self, from: &[String], qualified: &str) -> String {
        let (target, name) = self.module_and_name(qualified);
        let mut path = String::new();
        Names::push_path(&mut path, from, target, name);
        path
    }

    /// The Rust path of every type from the root of the generated code, by qualified name.
    pub(super) fn into_type_paths(self) -> BTreeMap<QualifiedName, String> {
        self.types
            .into_iter()
            .map(|(q, (module, name))| (q, root_path(&module, &name)))
            .collect()
    }

    /// The Rust path of the value type of every type (its `Any...` enum when it has one) from
    /// the root of the generated code, by qualified name.
    pub(super) fn into_value_type_paths(mut self) -> BTreeMap<QualifiedName, String> {
        self.types
            .into_iter()
            .map(|(q, (module, name))| {
                let name = self.anys.remove(&q).unwrap_or(name);
                (q, root_path(&module, &name))
            })
            .collect()
    }
}

/// `module::path::Name` from the root of the generated code.
fn root_path(module: &[String], name: &str) -> String {
    let mut path: Vec<String> = module.iter().map(|m| ident_text(m).into_owned()).collect();
    path.push(ident_text(name).into_owned());
    path.join("::")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sub_namespaces_become_modules() {
        assert!(module_of("microsoft.graph").is_empty());
        assert_eq!(module_of("microsoft.graph.callRecords"), ["call_records"]);
        assert_eq!(module_of("microsoft.graph.a.serde"), ["a", "serde_"]);
    }
}
