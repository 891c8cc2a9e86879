//! Settling inheritance once every type is known: cycles are broken, chains too deep are cut,
//! kinds flow down from keyed and entity ancestors, and each type gets its full property list
//! (its ancestors' first, marked inherited).

use super::{collection_suffix, SchemaBuilder};
use crate::diag::Code;
use crate::schema::{Kind, Property, QualifiedName};
use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};
use std::collections::BTreeMap;

/// The most ancestors a type may have; deeper chains are cut (`inheritance-too-deep`).
pub const MAX_INHERITANCE_DEPTH: usize = 8;

impl SchemaBuilder {
    /// Settles bases (cycles, depth), kinds and which ancestor declares each property.
    pub(super) fn settle_inheritance(&mut self) {
        let names: Vec<QualifiedName> = self.drafts.keys().cloned().collect();
        self.break_cycles(&names);
        self.limit_depth(&names);
        self.lift_marked_rows();
        self.settle_kinds(&names);
        self.attribute_properties(&names);
    }

    /// Breaks inheritance cycles: walks up from each type (in name order) until a type already
    /// settled, a root, or a type on the current walk, whose base closes a cycle and is dropped
    /// (`inheritance-cycle`). Each type is walked once.
    fn break_cycles(&mut self, names: &[QualifiedName]) {
        let mut settled: HashSet<QualifiedName> = HashSet::new();
        for q in names {
            let mut walk: Vec<QualifiedName> = Vec::new();
            let mut on_walk: HashSet<QualifiedName> = HashSet::new();
            let mut current = Some(q.clone());
            while let Some(c) = current.take() {
                if settled.contains(&c) || !self.drafts.contains_key(&c) {
                    break;
                }
                if on_walk.contains(&c) {
                    let last = walk
                        .last()
                        .cloned()
                        .expect("a cycle has a type before its end");
                    let at = self.drafts[&last].def.source.clone().unwrap_or_default();
                    let message = format!(
                        "`{last}` inherits from `{c}`, which closes a cycle; that base is dropped"
                    );
                    self.diags.push(Code::InheritanceCycle, at, message);
                    if let Some(d) = self.drafts.get_mut(&last) {
                        d.def.base = None;
                    }
                    break;
                }
                on_walk.insert(c.clone());
                current = self.drafts[&c].def.base.clone();
                walk.push(c);
            }
            settled.extend(walk);
        }
    }

    /// Cuts inheritance chains deeper than [`MAX_INHERITANCE_DEPTH`]: the type at the next level
    /// loses its base and starts a new chain. Every type lists all inherited properties and
    /// converts into every ancestor, so the schema and the generated code grow with the square
    /// (and cube) of the depth; real docs stay below 5 levels.
    fn limit_depth(&mut self, names: &[QualifiedName]) {
        let mut depth: HashMap<QualifiedName, usize> = HashMap::new();
        for q in names {
            // Up to a type of known depth, or a root.
            let (walk, mut above) = self.walk_to_known(q, &depth);
            for c in walk.into_iter().rev() {
                let mut level = above.map_or(0, |a| a + 1);
                if level > MAX_INHERITANCE_DEPTH {
                    let d = self.drafts.get_mut(&c).expect("walked types are drafts");
                    let base = d.def.base.take().map(|b| b.to_string()).unwrap_or_default();
                    let at = d.def.source.clone().unwrap_or_default();
                    let message = format!("`{c}` inherits from `{base}`, {MAX_INHERITANCE_DEPTH} levels below its root type: deeper chains are cut and that base is dropped");
                    self.diags.push(Code::InheritanceTooDeep, at, message);
                    level = 0;
                }
                depth.insert(c, level);
                above = Some(level);
            }
        }
    }

    /// `q` and its ancestors up to (not including) the first type `memo` already holds, nearest
    /// first, with that type's value (`None` at a root or a base with no definition). Chains
    /// are walked once when every walk stops at the memo.
    fn walk_to_known<T: Copy>(
        &self,
        q: &str,
        memo: &HashMap<QualifiedName, T>,
    ) -> (Vec<QualifiedName>, Option<T>) {
        let mut walk = Vec::new();
        let mut current = QualifiedName::parse(q);
        while let Some(c) = current.take() {
            if let Some(&known) = memo.get(&c) {
                return (walk, Some(known));
            }
            let Some(d) = self.drafts.get(&c) else {
                break;
            };
            current = d.def.base.clone();
            walk.push(c);
        }
        (walk, None)
    }

    /// Makes entities of the types that are keyed or derive from an entity (memoized along
    /// each chain); enums stay enums.
    fn settle_kinds(&mut self, names: &[QualifiedName]) {
        let mut entity: HashMap<QualifiedName, bool> = HashMap::new();
        for q in names {
            let (chain, known) = self.walk_to_known(q, &entity);
            let mut above = known.unwrap_or(false);
            for c in chain.into_iter().rev() {
                let d = &self.drafts[&c];
                above |= d.keyed || d.def.kind == Kind::Entity || c == "microsoft.graph.entity";
                entity.insert(c, above);
            }
        }
        for (q, is_entity) in entity {
            if let Some(d) = self.drafts.get_mut(&q) {
                if d.def.kind != Kind::Enum && is_entity {
                    d.def.kind = Kind::Entity;
                }
            }
        }
    }

    /// Gives every type its full property list, ancestors first.
    fn attribute_properties(&mut self, names: &[QualifiedName]) {
        let mut done: BTreeMap<QualifiedName, Vec<Property>> = BTreeMap::new();
        for q in names {
            self.full_properties(q, &mut done);
        }
        for (q, props) in done {
            if let Some(d) = self.drafts.get_mut(&q) {
                d.def.properties = props;
            }
        }
    }

    /// Computes the full property list of `q` (its ancestors' first) into `done`, after its
    /// ancestors'. Each type's own properties are taken out of its draft once.
    fn full_properties(
        &mut self,
        q: &QualifiedName,
        done: &mut BTreeMap<QualifiedName, Vec<Property>>,
    ) {
        if done.contains_key(q) {
            return;
        }
        let Some(draft) = self.drafts.get_mut(q) else {
            return;
        };
        let own = std::mem::take(&mut draft.def.properties);
        let base = draft.def.base.clone();
        let mut all: Vec<Property> = Vec::new();
        if let Some(b) = &base {
            self.full_properties(b, done);
            if let Some(inherited) = done.get(b) {
                all.reserve(inherited.len() + own.len());
                all.extend(inherited.iter().map(|p| Property {
                    inherited: true,
                    ..p.clone()
                }));
            }
        }
        // Names already in the list, so that each own property is checked in constant time.
        let mut index: HashMap<String, usize> = all
            .iter()
            .enumerate()
            .map(|(i, a)| (a.name.clone(), i))
            .collect();
        for p in own {
            if let Some(existing) = index.get(&p.name).map(|&i| &all[i]) {
                if existing.ty != p.ty || existing.collection != p.collection {
                    let message = format!(
                        "`{}` is declared by `{}` as `{}`{}; this page repeats it as `{}`{}; the declaration wins",
                        p.name,
                        existing.declared_by,
                        existing.ty,
                        collection_suffix(existing.collection),
                        p.ty,
                        collection_suffix(p.collection)
                    );
                    let at = p.source.clone().unwrap_or_default();
                    self.diags
                        .push(Code::InheritedPropertyConflict, at, message);
                }
                continue;
            }
            index.insert(p.name.clone(), all.len());
            all.push(p);
        }
        done.insert(q.clone(), all);
    }
}

#[cfg(test)]
mod tests {
    use super::MAX_INHERITANCE_DEPTH;
    use crate::diag::Code;
    use crate::parse::{parse_page, Page};
    use crate::schema::{build, Kind};

    #[test]
    fn cycles_are_broken_and_deep_chains_cut() {
        let page = |i: usize, base: usize| {
            parse_page(
                &format!("t{i:02}.md"),
                &format!("<!-- {{\"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.t{i:02}\", \"baseType\": \"microsoft.graph.t{base:02}\"}} -->\n"),
            )
        };
        // t00 <- t01 <- ... <- t39, and t40 <-> t41.
        let mut pages: Vec<Page> = (1..40).map(|i| page(i, i - 1)).collect();
        pages.push(parse_page("t00.md", "<!-- {\"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.t00\", \"keyProperty\": \"id\"} -->\n"));
        pages.extend([page(40, 41), page(41, 40)]);
        let schema = build(&pages);
        let base = |i: usize| {
            schema
                .get(&format!("microsoft.graph.t{i:02}"))
                .unwrap()
                .base
                .as_ref()
                .map(|b| b.to_string())
        };
        let max = MAX_INHERITANCE_DEPTH;
        let name = |i: usize| format!("microsoft.graph.t{i:02}");
        assert_eq!(base(max), Some(name(max - 1)));
        assert_eq!(base(max + 1), None, "{} levels below t00", max + 1);
        assert_eq!(base(max + 2), Some(name(max + 1)));
        assert_eq!(base(2 * max + 2), None);
        assert_eq!(schema.ancestors(&name(2 * max + 1)).len(), max);
        let deep: Vec<String> = schema
            .diagnostics
            .iter()
            .filter(|d| d.code == Code::InheritanceTooDeep)
            .map(|d| d.location.file.clone())
            .collect();
        let cuts: Vec<String> = (1..)
            .map(|k| k * (max + 1))
            .take_while(|&i| i < 40)
            .map(|i| format!("t{i:02}.md"))
            .collect();
        assert_eq!(deep, cuts);
        // The first type of the cycle by name keeps its base; the edge closing it is dropped.
        assert_eq!(base(40).as_deref(), Some("microsoft.graph.t41"));
        assert_eq!(base(41), None);
        // Entity-ness flows down to the cut, not past it.
        assert_eq!(schema.get(&name(max)).unwrap().kind, Kind::Entity);
        assert_eq!(schema.get(&name(max + 1)).unwrap().kind, Kind::Complex);
    }
}
