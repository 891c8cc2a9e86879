//! Settling inheritance once every type is known: cycles are broken, chains too deep are cut,
//! kinds flow down from keyed and entity ancestors, and each type gets its full property list
//! (its ancestors' first, marked inherited).

use super::{collection_suffix, SchemaBuilder};
use crate::diag::Code;
use crate::schema::{Kind, Property, QualifiedName};
use foldhash::{HashMap, HashMapExt};

/// The most ancestors a type may have; deeper chains are cut (`inheritance-too-deep`).
pub const MAX_INHERITANCE_DEPTH: usize = 8;

/// The most properties (inherited and own) whose names [`SchemaBuilder::full_properties`]
/// compares rather than hashes.
const SHORT_LIST: usize = 24;

/// The drafts by position (name order) and each one's base as a position: the inheritance
/// graph walked without looking names up.
pub(super) struct Chains {
    /// The drafts' names, sorted as the drafts are.
    names: Vec<QualifiedName>,
    /// By position: the base's position (`None` for a root or a base with no draft).
    base: Vec<Option<usize>>,
}

impl Chains {
    /// The chains of `builder`'s drafts as they are now.
    fn of(builder: &SchemaBuilder) -> Chains {
        let names: Vec<QualifiedName> = builder.drafts.keys().cloned().collect();
        let base = (builder.drafts.values())
            .map(|d| {
                d.def
                    .base
                    .as_ref()
                    .and_then(|b| names.binary_search(b).ok())
            })
            .collect();
        Chains { names, base }
    }

    /// How many drafts derive from `ancestor`, directly or not (itself not counted). Walks
    /// positions: counting by name looked each draft's bases up in the drafts' map, which for
    /// a few marked ancestors was half of settling inheritance.
    pub(super) fn descendant_count(&self, ancestor: &QualifiedName) -> Option<usize> {
        let a = self.names.binary_search(ancestor).ok()?;
        let derives = |i: usize| {
            // At most one step per draft: cycles are broken before anyone counts.
            let mut current = self.base[i];
            for _ in 0..self.names.len() {
                match current {
                    Some(c) if c == a => return true,
                    Some(c) => current = self.base[c],
                    None => return false,
                }
            }
            false
        };
        Some(
            (0..self.names.len())
                .filter(|&i| i != a && derives(i))
                .count(),
        )
    }

    /// `i` and its ancestors up to (not including) the first position `memo` has a value for,
    /// nearest first, with that value (`None` at a root or a base with no draft). Chains are
    /// walked once when every walk stops at the memo.
    fn walk_to_known<T: Copy>(&self, i: usize, memo: &[Option<T>]) -> (Vec<usize>, Option<T>) {
        let mut walk = Vec::new();
        let mut current = Some(i);
        while let Some(c) = current {
            if let Some(known) = memo[c] {
                return (walk, Some(known));
            }
            current = self.base[c];
            walk.push(c);
        }
        (walk, None)
    }
}

impl SchemaBuilder {
    /// Settles bases (cycles, depth), kinds and which ancestor declares each property.
    pub(super) fn settle_inheritance(&mut self) {
        // The chains stay true to the drafts from here on: no draft is added or removed, and
        // bases change only through `drop_base` (lifting marked rows moves rows, not bases).
        let mut chains = Chains::of(self);
        self.break_cycles(&mut chains);
        self.limit_depth(&mut chains);
        self.lift_marked_rows(&chains);
        self.settle_kinds(&chains);
        self.attribute_properties(&chains);
    }

    /// Drops the base of the draft at position `i` (in `chains` too).
    fn drop_base(&mut self, chains: &mut Chains, i: usize) -> Option<QualifiedName> {
        chains.base[i] = None;
        let d = self
            .drafts
            .get_mut(&chains.names[i])
            .expect("chains name drafts");
        d.def.base.take()
    }

    /// Breaks inheritance cycles: walks up from each type (in name order) until a type already
    /// settled, a root, or a type on the current walk, whose base closes a cycle and is dropped
    /// (`inheritance-cycle`). Each type is walked once.
    fn break_cycles(&mut self, chains: &mut Chains) {
        let mut settled = vec![false; chains.names.len()];
        let mut on_walk = vec![false; chains.names.len()];
        for i in 0..chains.names.len() {
            let mut walk: Vec<usize> = Vec::new();
            let mut current = Some(i);
            while let Some(c) = current.take() {
                if settled[c] {
                    break;
                }
                if on_walk[c] {
                    let last = *walk.last().expect("a cycle has a type before its end");
                    let at =
                        (self.drafts[&chains.names[last]].def.source.clone()).unwrap_or_default();
                    let message = format!(
                        "`{}` inherits from `{}`, which closes a cycle; that base is dropped",
                        chains.names[last], chains.names[c]
                    );
                    self.diags.push(Code::InheritanceCycle, at, message);
                    self.drop_base(chains, last);
                    break;
                }
                on_walk[c] = true;
                current = chains.base[c];
                walk.push(c);
            }
            for c in walk {
                settled[c] = true;
                on_walk[c] = false;
            }
        }
    }

    /// Cuts inheritance chains deeper than [`MAX_INHERITANCE_DEPTH`]: the type at the next level
    /// loses its base and starts a new chain. Every type lists all inherited properties and
    /// converts into every ancestor, so the schema and the generated code grow with the square
    /// (and cube) of the depth; real docs stay below 5 levels.
    fn limit_depth(&mut self, chains: &mut Chains) {
        let mut depth: Vec<Option<usize>> = vec![None; chains.names.len()];
        for i in 0..chains.names.len() {
            // Up to a type of known depth, or a root.
            let (walk, mut above) = chains.walk_to_known(i, &depth);
            for c in walk.into_iter().rev() {
                let mut level = above.map_or(0, |a| a + 1);
                if level > MAX_INHERITANCE_DEPTH {
                    let base = self.drop_base(chains, c);
                    let base = base.map(|b| b.to_string()).unwrap_or_default();
                    let at = (self.drafts[&chains.names[c]].def.source.clone()).unwrap_or_default();
                    let message = format!("`{}` inherits from `{base}`, {MAX_INHERITANCE_DEPTH} levels below its root type: deeper chains are cut and that base is dropped", chains.names[c]);
                    self.diags.push(Code::InheritanceTooDeep, at, message);
                    level = 0;
                }
                depth[c] = Some(level);
                above = Some(level);
            }
        }
    }

    /// Makes entities of the types that are keyed or derive from an entity (memoized along
    /// each chain); enums stay enums.
    fn settle_kinds(&mut self, chains: &Chains) {
        let mut entity: Vec<Option<bool>> = vec![None; chains.names.len()];
        for i in 0..chains.names.len() {
            let (chain, known) = chains.walk_to_known(i, &entity);
            let mut above = known.unwrap_or(false);
            for c in chain.into_iter().rev() {
                let q = &chains.names[c];
                let d = &self.drafts[q];
                above |= d.keyed || d.def.kind == Kind::Entity || *q == "microsoft.graph.entity";
                entity[c] = Some(above);
            }
        }
        for (d, is_entity) in self.drafts.values_mut().zip(entity) {
            if d.def.kind != Kind::Enum && is_entity == Some(true) {
                d.def.kind = Kind::Entity;
            }
        }
    }

    /// Gives every type its full property list, ancestors first.
    fn attribute_properties(&mut self, chains: &Chains) {
        let mut done: Vec<Option<Vec<Property>>> = vec![None; chains.names.len()];
        for i in 0..chains.names.len() {
            self.full_properties(chains, i, &mut done);
        }
        for (d, props) in self.drafts.values_mut().zip(done) {
            if let Some(props) = props {
                d.def.properties = props;
            }
        }
    }

    /// Computes the full property list of the draft at position `i` (its ancestors' first)
    /// into `done`, after its ancestors'. Each type's own properties are taken out of its
    /// draft once.
    fn full_properties(&mut self, chains: &Chains, i: usize, done: &mut [Option<Vec<Property>>]) {
        if done[i].is_some() {
            return;
        }
        let draft = self
            .drafts
            .get_mut(&chains.names[i])
            .expect("chains name drafts");
        let own = std::mem::take(&mut draft.def.properties);
        let inherited: &[Property] = match chains.base[i] {
            Some(b) => {
                self.full_properties(chains, b, done);
                done[b].as_deref().unwrap_or_default()
            }
            None => &[],
        };
        // Each name already in the list, with its property (the last of a name), so that each
        // own property is checked in constant time; the names are borrowed, not copied. A short
        // list (most) is searched instead: the inherited rows (the last of a name), then the
        // own rows kept so far (only the first of a name is).
        let short = inherited.len() + own.len() <= SHORT_LIST;
        let mut index: HashMap<&str, &Property> = HashMap::new();
        if !short {
            index.reserve(inherited.len() + own.len());
            index.extend(inherited.iter().map(|p| (p.name.as_str(), p)));
        }
        let mut kept: Vec<bool> = Vec::with_capacity(own.len());
        for (j, p) in own.iter().enumerate() {
            let existing = if short {
                (inherited.iter().rev().find(|e| e.name == p.name)).or_else(|| {
                    (own[..j].iter().zip(&kept))
                        .find(|&(e, &k)| k && e.name == p.name)
                        .map(|(e, _)| e)
                })
            } else {
                index.get(p.name.as_str()).copied()
            };
            if let Some(existing) = existing {
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
                kept.push(false);
                continue;
            }
            if !short {
                index.insert(&p.name, p);
            }
            kept.push(true);
        }
        drop(index);
        let all_kept = kept.iter().all(|&k| k);
        // A root keeping all its rows (most types) keeps its list as it is.
        if inherited.is_empty() && all_kept {
            done[i] = Some(own);
            return;
        }
        let mut all: Vec<Property> = Vec::with_capacity(inherited.len() + own.len());
        all.extend(inherited.iter().map(|p| Property {
            inherited: true,
            ..p.clone()
        }));
        if all_kept {
            all.extend(own);
        } else {
            all.extend(
                own.into_iter()
                    .zip(kept)
                    .filter_map(|(p, k)| k.then_some(p)),
            );
        }
        done[i] = Some(all);
    }
}

#[cfg(test)]
mod tests {
    use super::{Chains, MAX_INHERITANCE_DEPTH};
    use crate::schema::QualifiedName;

    #[test]
    fn descendants_are_counted_along_the_chains() {
        // a <- b <- c, a <- d, e (root), f's base has no draft.
        let names: Vec<QualifiedName> = ["a", "b", "c", "d", "e", "f"]
            .iter()
            .map(|n| QualifiedName::parse(&format!("microsoft.graph.{n}")).unwrap())
            .collect();
        let chains = Chains {
            names: names.clone(),
            base: vec![None, Some(0), Some(1), Some(0), None, None],
        };
        assert_eq!(chains.descendant_count(&names[0]), Some(3));
        assert_eq!(chains.descendant_count(&names[1]), Some(1));
        assert_eq!(chains.descendant_count(&names[2]), Some(0));
        assert_eq!(chains.descendant_count(&names[4]), Some(0));
        let missing = QualifiedName::parse("microsoft.graph.zz").unwrap();
        assert_eq!(chains.descendant_count(&missing), None);
    }
    use crate::diag::Code;
    use crate::parse::{parse_page, Page};
    use crate::schema::{build, Kind};

    #[test]
    fn repeated_rows_are_settled_alike_in_short_and_long_lists() {
        for n in [3, super::SHORT_LIST + 3] {
            let resource = |ty: &str, base: &str, rows: &str| {
                format!("<!-- {{\"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.{ty}\"{base}}} -->\n\n## Properties\n|Property|Type|Description|\n|-|-|-|\n{rows}")
            };
            let rows: String = (0..n).map(|i| format!("|r{i}|String|x|\n")).collect();
            let base = resource("b", "", &rows);
            // `r0` repeated with another type (a conflict), `r1` with the same one.
            let own = "|r0|Int32|x|\n|r1|String|x|\n|own|String|x|\n";
            let derived = resource("d", ", \"baseType\": \"microsoft.graph.b\"", own);
            let schema = build(&[parse_page("b.md", &base), parse_page("d.md", &derived)]);
            let d = schema.get("microsoft.graph.d").unwrap();
            let props: Vec<(&str, &str, bool)> = (d.properties.iter())
                .map(|p| (p.name.as_str(), p.ty.as_str(), p.inherited))
                .collect();
            let mut expected: Vec<(String, &str, bool)> =
                (0..n).map(|i| (format!("r{i}"), "String", true)).collect();
            expected.push(("own".to_owned(), "String", false));
            let expected: Vec<(&str, &str, bool)> = (expected.iter())
                .map(|(a, b, c)| (a.as_str(), *b, *c))
                .collect();
            assert_eq!(props, expected, "{n} rows");
            let conflicts: Vec<u32> = (schema.diagnostics.iter())
                .filter(|d| d.code == Code::InheritedPropertyConflict)
                .map(|d| d.location.line)
                .collect();
            assert_eq!(conflicts, [6], "{n} rows");
        }
    }

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
            .map(|d| d.location.file.to_string())
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
