//! Which Rust field each property of a struct becomes — which struct holds it (the type's own,
//! or an ancestor's reached through `base`), its identifier and whether it is boxed — decided
//! in one place.

use super::ident::{into_ident_text, snake, unique_in_order};
use super::Emitter;
use crate::schema::{Kind, Property, QualifiedName, Schema, TypeDef};
use foldhash::{HashMap, HashMapExt, HashSet};
use std::collections::hash_map::Entry;
use std::collections::{BTreeMap, BTreeSet};

/// The fields the generator adds to a struct without a base: the `@odata.type` annotation and
/// the map of unknown properties. No property may take their names.
pub(super) const GENERATED_FIELDS: [&str; 2] = ["odata_type", "additional_properties"];

/// The field through which a derived struct holds its base struct. No property of a derived
/// struct may take its name.
pub(super) const BASE_FIELD: &str = "base";

/// The position in `schema` of the struct that the struct of `t` holds in its `base` field
/// ([`Emitter::struct_base`]).
pub(super) fn struct_base_in(schema: &Schema, t: &TypeDef) -> Option<usize> {
    // The base, unless `t` is among its ancestors (a cycle): `t`'s ancestors are its base and
    // the base's, walked without building `t`'s name.
    let base = t.base.as_ref()?;
    let position = schema.index_of(base)?;
    let is_t = |a: &TypeDef| a.namespace == t.namespace && a.name == t.name;
    if is_t(&schema.types()[position]) || schema.ancestors(base).into_iter().any(is_t) {
        return None;
    }
    Some(position)
}

/// The struct fields whose type must be boxed: by containing type, the field types.
pub(super) type BoxedEdges = BTreeMap<QualifiedName, BTreeSet<QualifiedName>>;

/// One property of a struct type, as a Rust field.
pub(super) struct Field<'a> {
    /// The property.
    pub(super) property: &'a Property,
    /// The field's identifier: snake_case, unique in the struct (`_2` on collisions), never one
    /// of [`GENERATED_FIELDS`], keywords escaped.
    pub(super) ident: String,
    /// The field holds `Box<T>` to break a cycle of struct sizes (see [`boxed_edges`]).
    pub(super) boxed: bool,
}

impl Field<'_> {
    /// The JSON name of the property.
    pub(super) fn json(&self) -> &str {
        &self.property.name
    }
}

impl Emitter<'_> {
    /// The struct that the struct of `t` holds in its `base` field: its direct base's, when
    /// the schema has it and the chain above it does not come back to `t`. Without one, the
    /// struct is a root: it holds every property itself, with the `@odata.type` annotation
    /// and the map of unknown properties.
    pub(super) fn struct_base(&self, t: &TypeDef) -> Option<&TypeDef> {
        let types = self.schema.types();
        match self.position(t) {
            // Decided once per type in `Emitter::new`: a family's `Any...` table asks it of
            // every level of every member's chain.
            Some(i) => self.struct_bases[i].map(|b| &types[b]),
            None => struct_base_in(self.schema, t).and_then(|b| types.get(b)),
        }
    }

    /// The position of `t` in the schema's types when it is one of them, found by its address
    /// (no qualified name is built, no name compared).
    pub(super) fn position(&self, t: &TypeDef) -> Option<usize> {
        let types = self.schema.types();
        let offset = (t as *const TypeDef as usize).checked_sub(types.as_ptr() as usize)?;
        let i = offset / std::mem::size_of::<TypeDef>().max(1);
        types.get(i).filter(|u| std::ptr::eq(*u, t)).map(|_| i)
    }

    /// The fields of the struct of `t`, one per property it holds itself, in property order:
    /// every property of a root; the properties its base struct does not hold (by JSON name)
    /// for a derived one, so that each property is a field of exactly one struct of the chain.
    pub(super) fn fields_of<'t>(&self, t: &'t TypeDef) -> Vec<Field<'t>> {
        let q = self.qualified(t);
        let base = self.struct_base(t);
        let reserved: &[&str] = if base.is_some() {
            &[GENERATED_FIELDS[0], GENERATED_FIELDS[1], BASE_FIELD]
        } else {
            &GENERATED_FIELDS
        };
        let held_by_base: HashSet<&str> = base
            .map(|b| b.properties.iter().map(|p| p.name.as_str()).collect())
            .unwrap_or_default();
        let boxed_targets = self.boxed.get(q.as_str());
        let properties: Vec<&Property> = (t.properties.iter())
            .filter(|property| !held_by_base.contains(property.name.as_str()))
            .collect();
        let names = properties.iter().map(|p| snake(&p.name)).collect();
        let names = unique_in_order(reserved, names);
        properties
            .into_iter()
            .zip(names)
            .map(|(property, name)| {
                let boxed = !property.collection
                    && property
                        .ty
                        .as_named()
                        .is_some_and(|n| boxed_targets.is_some_and(|to| to.contains(n.as_str())));
                Field {
                    property,
                    ident: into_ident_text(name),
                    boxed,
                }
            })
            .collect()
    }
}

/// Types that must be boxed to break infinite size: struct fields (not collections) whose type
/// can reach the containing type again through single-valued struct fields, a derived
/// struct's `base` among them. (A `base` field itself is never boxed: a cycle through one
/// always passes through a property too, which is.) Navigation properties count only when
/// they are typed (`typed_navigation`): otherwise their fields hold JSON.
pub(super) fn boxed_edges(
    schema: &Schema,
    polymorphic: &BTreeMap<QualifiedName, Vec<QualifiedName>>,
    typed_navigation: bool,
) -> BoxedEdges {
    // Names borrowed from the schema: only the boxed edges are copied out. Nodes are the
    // struct types' distinct qualified names, found by hashing (a type named twice keeps the
    // targets of its last definition); their order does not matter, only which nodes share
    // a component.
    let qualified: Vec<QualifiedName> = (schema.types().iter())
        .filter(|t| t.kind != Kind::Enum)
        .map(TypeDef::qualified_name)
        .collect();
    let mut nodes: Vec<(&QualifiedName, Vec<&QualifiedName>)> = Vec::with_capacity(qualified.len());
    let mut position: HashMap<&str, usize> = HashMap::with_capacity(qualified.len());
    let structs = schema.types().iter().filter(|t| t.kind != Kind::Enum);
    // Whether a property's type is a struct held as itself, decided once per type name (most
    // are named by many properties): one of the schema's structs, and no type with subtypes,
    // which is held through its `Any...` enum, whose variants are boxed.
    let mut held_struct: HashMap<&str, bool> = HashMap::with_capacity(qualified.len());
    for (t, q) in structs.zip(&qualified) {
        let targets: Vec<&QualifiedName> = t
            .properties
            .iter()
            .filter(|p| !p.collection && (typed_navigation || !p.navigation))
            .filter_map(|p| p.ty.as_named())
            .filter(|n| {
                *held_struct.entry(n.as_str()).or_insert_with(|| {
                    schema.get(n.as_str()).is_some_and(|x| x.kind != Kind::Enum)
                        && !polymorphic.contains_key(*n)
                })
            })
            .chain(t.base.as_ref())
            .collect();
        match position.entry(q.as_str()) {
            Entry::Occupied(at) => nodes[*at.get()].1 = targets,
            Entry::Vacant(at) => {
                at.insert(nodes.len());
                nodes.push((q, targets));
            }
        }
    }
    // An edge closes a cycle when its target reaches its source: when both are in one
    // strongly connected component (a target with no edges of its own reaches nothing).
    let adjacent: Vec<Vec<usize>> = (nodes.iter())
        .map(|(_, targets)| {
            targets
                .iter()
                .filter_map(|to| position.get(to.as_str()).copied())
                .collect()
        })
        .collect();
    let component = strongly_connected_components(&adjacent);
    let mut out = BoxedEdges::new();
    for ((from, targets), &c) in nodes.iter().zip(&component) {
        for &to in targets {
            if position
                .get(to.as_str())
                .is_some_and(|&t| component[t] == c)
            {
                out.entry((*from).clone()).or_default().insert(to.clone());
            }
        }
    }
    out
}

/// The strongly connected component of each node of the graph `adjacent` (each node's
/// successors): nodes with the same number reach each other. Tarjan's algorithm, with an
/// explicit stack (no recursion however long a chain is).
fn strongly_connected_components(adjacent: &[Vec<usize>]) -> Vec<usize> {
    const UNSEEN: usize = usize::MAX;
    let n = adjacent.len();
    let (mut index, mut low) = (vec![UNSEEN; n], vec![0; n]);
    let mut on_stack = vec![false; n];
    let mut stack: Vec<usize> = Vec::new();
    let mut component = vec![UNSEEN; n];
    let (mut next_index, mut next_component) = (0, 0);
    for root in 0..n {
        if index[root] != UNSEEN {
            continue;
        }
        // (node, how many of its successors were visited)
        let mut calls: Vec<(usize, usize)> = vec![(root, 0)];
        index[root] = next_index;
        low[root] = next_index;
        next_index += 1;
        stack.push(root);
        on_stack[root] = true;
        while let Some(frame) = calls.last_mut() {
            let (v, i) = *frame;
            if let Some(&w) = adjacent[v].get(i) {
                frame.1 += 1;
                if index[w] == UNSEEN {
                    index[w] = next_index;
                    low[w] = next_index;
                    next_index += 1;
                    stack.push(w);
                    on_stack[w] = true;
                    calls.push((w, 0));
                } else if on_stack[w] {
                    low[v] = low[v].min(index[w]);
                }
                continue;
            }
            calls.pop();
            if low[v] == index[v] {
                while let Some(w) = stack.pop() {
                    on_stack[w] = false;
                    component[w] = next_component;
                    if w == v {
                        break;
                    }
                }
                next_component += 1;
            }
            if let Some(&(parent, _)) = calls.last() {
                low[parent] = low[parent].min(low[v]);
            }
        }
    }
    component
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::TypeRef;

    fn property(owner: &str, name: &str, ty: &str, collection: bool) -> Property {
        Property {
            name: name.to_owned(),
            ty: TypeRef::parse(ty).unwrap(),
            collection,
            inherited: false,
            declared_by: QualifiedName::new("microsoft.graph", owner),
            navigation: false,
            description: String::new(),
            source: None,
        }
    }

    fn complex(name: &str, properties: Vec<Property>) -> TypeDef {
        TypeDef::for_tests("microsoft.graph", name, Kind::Complex, properties)
    }

    #[test]
    fn a_struct_holds_its_base_unless_it_is_its_own_ancestor() {
        // a <- b <- a (a cycle, as a schema read from JSON may have), c <- a, d <- d, e <- x
        // (no such type), f (a root) <- g.
        let derived = |name: &str, base: &str| TypeDef {
            base: Some(QualifiedName::new("microsoft.graph", base)),
            ..complex(name, Vec::new())
        };
        let schema = Schema::new(
            vec![
                derived("a", "b"),
                derived("b", "a"),
                derived("c", "a"),
                derived("d", "d"),
                derived("e", "x"),
                complex("f", Vec::new()),
                derived("g", "f"),
            ],
            Vec::new(),
        );
        let base_of = |name: &str| {
            let t = schema.get(&format!("microsoft.graph.{name}")).unwrap();
            struct_base_in(&schema, t).map(|i| schema.types()[i].name.as_str())
        };
        assert_eq!(base_of("a"), None);
        assert_eq!(base_of("b"), None);
        assert_eq!(base_of("c"), Some("a"));
        assert_eq!(base_of("d"), None);
        assert_eq!(base_of("e"), None);
        assert_eq!(base_of("f"), None);
        assert_eq!(base_of("g"), Some("f"));
    }

    #[test]
    fn field_names_are_unique_escaped_and_leave_the_generated_fields_alone() {
        let t = complex(
            "thing",
            vec![
                property("thing", "odataType", "String", false),
                property("thing", "fooBar", "String", false),
                property("thing", "foo_bar", "String", false),
                property("thing", "type", "String", false),
                property("thing", "additionalProperties", "String", false),
            ],
        );
        let schema = Schema::new(vec![t], Vec::new());
        let options = crate::emit::EmitOptions::default();
        let emitter = Emitter::new(&schema, &options);
        let names: Vec<String> = emitter
            .fields_of(&schema.types()[0])
            .iter()
            .map(|f| f.ident.clone())
            .collect();
        assert_eq!(
            names,
            [
                "odata_type_2",
                "foo_bar",
                "foo_bar_2",
                "r#type",
                "additional_properties_2"
            ]
        );
    }

    #[test]
    fn components_are_the_nodes_that_reach_each_other() {
        // Small graphs from a fixed pseudo-random sequence, against reachability by search.
        let mut seed: u64 = 7;
        let mut next = move |below: usize| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) as usize % below
        };
        for _ in 0..300 {
            let n = 1 + next(9);
            let adjacent: Vec<Vec<usize>> = (0..n)
                .map(|_| (0..next(3)).map(|_| next(n)).collect())
                .collect();
            let reaches = |from: usize, to: usize| {
                let (mut stack, mut seen) = (vec![from], vec![false; n]);
                while let Some(v) = stack.pop() {
                    if v == to {
                        return true;
                    }
                    if !std::mem::replace(&mut seen[v], true) {
                        stack.extend(&adjacent[v]);
                    }
                }
                false
            };
            let component = strongly_connected_components(&adjacent);
            for a in 0..n {
                for b in 0..n {
                    let together = reaches(a, b) && reaches(b, a);
                    assert_eq!(component[a] == component[b], together, "{adjacent:?}");
                }
            }
        }
    }

    #[test]
    fn single_valued_fields_that_close_a_cycle_are_boxed() {
        let node = complex(
            "node",
            vec![
                property("node", "next", "microsoft.graph.node", false),
                property("node", "children", "microsoft.graph.node", true),
                property("node", "leaf", "microsoft.graph.leaf", false),
            ],
        );
        let leaf = complex("leaf", vec![property("leaf", "name", "String", false)]);
        let schema = Schema::new(vec![node, leaf], Vec::new());
        let options = crate::emit::EmitOptions::default();
        let emitter = Emitter::new(&schema, &options);
        let node = schema.get("microsoft.graph.node").unwrap();
        let fields = emitter.fields_of(node);
        let boxed: Vec<(&str, bool)> = fields.iter().map(|f| (f.json(), f.boxed)).collect();
        assert_eq!(
            boxed,
            [("next", true), ("children", false), ("leaf", false)]
        );
    }

    #[test]
    fn navigation_properties_close_cycles_only_when_typed() {
        let mut next = property("node", "next", "microsoft.graph.node", false);
        next.navigation = true;
        let schema = Schema::new(vec![complex("node", vec![next])], Vec::new());
        let node = schema.get("microsoft.graph.node").unwrap();
        for (typed_navigation, boxed) in [(false, false), (true, true)] {
            let options = crate::emit::EmitOptions {
                typed_navigation,
                ..Default::default()
            };
            let emitter = Emitter::new(&schema, &options);
            assert_eq!(
                emitter.fields_of(node)[0].boxed,
                boxed,
                "{typed_navigation}"
            );
        }
    }
}
