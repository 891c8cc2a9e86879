//! What the resource pages say about a property beyond the schema's one reading of it: where
//! the docs contradict themselves, an example that agrees with the side the schema overruled is
//! not a documentation error of the example.
//!
//! Two kinds of evidence: the property rows the schema settled by rule against its table or its
//! JSON representation (a `json-type-mismatch` diagnostic at the row), and the JSON kind each
//! page's JSON representation shows for a property when the placeholder is a literal (`true`,
//! `6`, `[...]`, `{...}`; a string placeholder such as `"String"` says nothing about the kind).

use super::formats::JsonKind;
use crate::diag::Code;
use crate::parse::{JsonValue as Value, Page};
use crate::schema::{Property, QualifiedName, Schema};
use foldhash::{HashMap, HashMapExt, HashSet};
use std::sync::Arc;

/// The evidence of a set of resource pages.
#[derive(Debug, Default)]
pub struct Evidence {
    /// `(file, line)` of the rows whose shape or type the schema settled by rule.
    disputed_rows: HashSet<(Arc<str>, u32)>,
    /// `(declaring type, property)` → the kind its page's JSON representation shows.
    shown: HashMap<(QualifiedName, String), JsonKind>,
}

impl Evidence {
    /// Gathers the evidence of `pages`, the pages `schema` was built from (none: only the
    /// schema's diagnostics count).
    pub fn new(schema: &Schema, pages: &[Page]) -> Evidence {
        let disputed_rows = schema
            .diagnostics
            .iter()
            .filter(|d| d.code == Code::JsonTypeMismatch)
            .map(|d| (d.location.file.clone(), d.location.line))
            .collect();
        let by_path: HashMap<&str, &Page> = pages.iter().map(|p| (p.path.as_str(), p)).collect();
        let mut shown = HashMap::new();
        for t in schema.types() {
            let Some(source) = &t.source else { continue };
            let Some(block) = by_path.get(&*source.file).and_then(|p| p.json.as_ref()) else {
                continue;
            };
            let q = t.qualified_name();
            for p in t.own_properties() {
                if let Some(kind) = block.object.get(&p.name).and_then(literal_kind) {
                    shown.insert((q.clone(), p.name.clone()), kind);
                }
            }
        }
        Evidence {
            disputed_rows,
            shown,
        }
    }

    /// True when the docs support a value of `kind` for `p` although the schema does not: its
    /// row was settled by rule, or its page's JSON representation shows that kind.
    pub fn supports(&self, p: &Property, kind: JsonKind) -> bool {
        let disputed = p
            .source
            .as_ref()
            .is_some_and(|s| self.disputed_rows.contains(&(s.file.clone(), s.line)));
        disputed || self.shown_kind(p) == Some(kind)
    }

    /// The kind the JSON representation of the declaring page shows for `p`, if a literal.
    pub fn shown_kind(&self, p: &Property) -> Option<JsonKind> {
        self.shown
            .get(&(p.declared_by.clone(), p.name.clone()))
            .copied()
    }
}

/// The kind of a literal placeholder; `None` for a string (a type name, a description).
fn literal_kind(v: &Value) -> Option<JsonKind> {
    match v {
        Value::Bool(_) => Some(JsonKind::Boolean),
        Value::Number(_) => Some(JsonKind::Number),
        Value::Array(_) => Some(JsonKind::Array),
        Value::Object(_) => Some(JsonKind::Object),
        Value::String(_) | Value::Null => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse_page;

    const PAGE: &str = "# textColumn resource type\n\n<!-- { \"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.textColumn\" } -->\n```json\n{\n  \"allowMultipleLines\": true,\n  \"textType\": \"String\",\n  \"tags\": {\"@odata.type\": \"Collection(String)\"}\n}\n```\n\n## Properties\n\n| Property | Type | Description |\n|:--|:--|:--|\n| allowMultipleLines | String | x |\n| textType | String | x |\n| tags | String collection | x |\n";

    #[test]
    fn literals_of_the_json_representation_and_settled_rows_are_evidence() {
        let pages = vec![parse_page("textColumn.md", PAGE)];
        let schema = crate::schema::build(&pages);
        let evidence = Evidence::new(&schema, &pages);
        let t = schema.get("microsoft.graph.textColumn").unwrap();
        let prop = |name: &str| t.properties.iter().find(|p| p.name == name).unwrap();
        assert_eq!(
            evidence.shown_kind(prop("allowMultipleLines")),
            Some(JsonKind::Boolean)
        );
        assert!(evidence.supports(prop("allowMultipleLines"), JsonKind::Boolean));
        assert!(!evidence.supports(prop("allowMultipleLines"), JsonKind::Number));
        assert_eq!(evidence.shown_kind(prop("textType")), None);
        // The table says a collection, the JSON an object: settled by rule, so disputed.
        assert!(evidence.supports(prop("tags"), JsonKind::Array));
    }
}
