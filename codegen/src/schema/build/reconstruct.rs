//! Types referenced by the input whose pages are absent: rebuilt from what the present pages
//! prove (rows marked as inherited from a base, backticked possible values), else generated as
//! open placeholders.

use super::{split_qualified, Draft, Missing, PagesByType, SchemaBuilder, DEFAULT_NAMESPACE};
use crate::diag::Code;
use crate::schema::{Kind, Member, Origin, Property, QualifiedName, TypeDef};
use foldhash::{HashSet, HashSetExt};

impl SchemaBuilder {
    /// Rebuilds types that have no page from what the present pages (`pages_by_type`) prove.
    pub(super) fn reconstruct_missing(&mut self, pages_by_type: &PagesByType) {
        let missing = std::mem::take(&mut self.missing);
        for (q, m) in missing {
            let (ns, name) = split_qualified(&q, DEFAULT_NAMESPACE);
            let mut def = TypeDef {
                name,
                namespace: ns,
                kind: Kind::Complex,
                base: None,
                description: String::new(),
                origin: Origin::Reconstructed,
                is_abstract: false,
                open_type: false,
                source: Some(m.first_seen.clone()),
                properties: Vec::new(),
                members: Vec::new(),
            };
            let (code, message) = if !m.base_of.is_empty() {
                def.properties = self.inherited_rows(&q, &m, pages_by_type);
                if def.properties.iter().any(|p| p.name == "id") {
                    def.kind = Kind::Entity;
                }
                let message = format!(
                    "no page defines `{q}`; reconstructed as the base of {} from {} row(s) marked as inherited from it",
                    m.base_of.join(", "),
                    def.properties.len()
                );
                (Code::ReconstructedType, message)
            } else if !m.possible_values.is_empty() && m.object_placeholders == 0 {
                def.kind = Kind::Enum;
                def.members = m
                    .possible_values
                    .iter()
                    .map(|v| Member {
                        name: v.clone(),
                        value: None,
                        description: String::new(),
                    })
                    .collect();
                let message = format!("no page defines `{q}`; reconstructed as an enum from the backticked possible values ({} members, values unknown)", def.members.len());
                (Code::ReconstructedType, message)
            } else {
                def.origin = Origin::Placeholder;
                def.kind = if m.string_placeholders > 0 && m.object_placeholders == 0 {
                    Kind::Enum
                } else {
                    Kind::Complex
                };
                let message = format!(
                    "no page defines `{q}` and no evidence describes it; generated as an open placeholder {} that keeps any value",
                    if def.kind == Kind::Enum { "enum" } else { "type" }
                );
                (Code::PlaceholderType, message)
            };
            self.diags.push(code, m.first_seen.clone(), message);
            self.drafts.insert(
                q,
                Box::new(Draft {
                    def,
                    keyed: false,
                    canonical: false,
                }),
            );
        }
    }

    /// The properties of the absent base `q`: the rows of its derived pages whose description
    /// links to its page, each name once, declared by `q`.
    fn inherited_rows(
        &self,
        q: &QualifiedName,
        m: &Missing,
        pages_by_type: &PagesByType,
    ) -> Vec<Property> {
        let mut properties = Vec::new();
        let mut taken: HashSet<String> = HashSet::new();
        for derived in &m.base_of {
            let Some(draft) = self.drafts.get(derived) else {
                continue;
            };
            let rows = pages_by_type
                .get(derived.as_str())
                .into_iter()
                .flatten()
                .flat_map(|page| page.properties.iter().map(move |r| (*page, r)));
            for (page, row) in rows {
                let marked = row
                    .description_links
                    .iter()
                    .any(|l| l.target.stem().is_some() && l.target.stem() == m.stem.as_deref());
                // The property this row became (rows can be dropped as duplicates and JSON-only
                // keys added, so rows and properties do not line up by index).
                let Some(prop) = draft.def.properties.iter().find(|p| {
                    p.source
                        .as_ref()
                        .is_some_and(|s| s.line == row.line && *s.file == *page.path)
                }) else {
                    continue;
                };
                if marked && taken.insert(prop.name.clone()) {
                    properties.push(Property {
                        declared_by: q.clone(),
                        ..(*prop).clone()
                    });
                }
            }
        }
        properties
    }
}

#[cfg(test)]
mod tests {
    use crate::parse::parse_page;
    use crate::schema::build;

    #[test]
    fn reconstructed_base_takes_the_marked_rows_even_after_a_dropped_duplicate() {
        let text = "<!-- {\"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.d\"} -->\n\nInherits from [b](b.md)\n\n## Properties\n|Property|Type|Description|\n|-|-|-|\n|own|String|x|\n|own|String|again|\n|shared|Int32|Inherited from [b](b.md)|\n";
        let schema = build(&[parse_page("d.md", text)]);
        let base = schema.get("microsoft.graph.b").unwrap();
        let names: Vec<&str> = base.properties.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["shared"]);
        assert_eq!(base.properties[0].ty, "Int32");
    }
}
