//! Choosing part of a schema: a set of root types plus everything they need.

use super::{Kind, QualifiedName, Schema};
use std::collections::BTreeSet;
use std::fmt;

/// Which types to keep, starting from roots (see [`Schema::select`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Selection {
    /// Qualified type names (`microsoft.graph.user`); a name without a namespace is looked up
    /// in `microsoft.graph`.
    pub roots: Vec<String>,
    /// Also keep every type derived from a root (and what those need).
    pub subtypes: bool,
    /// Do not follow navigation properties (the relationships table): their values stay
    /// untyped JSON. Entities link to most of the graph, so this keeps a subset small.
    pub skip_navigation: bool,
}

/// A root that names no type of the schema.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownRoot {
    /// The root as given.
    pub root: String,
    /// A type with the same name in other case or another namespace, if there is one.
    pub suggestion: Option<QualifiedName>,
}

impl fmt::Display for UnknownRoot {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "root `{}`: no such type in the input (expected a qualified name such as `microsoft.graph.user`)",
            self.root
        )?;
        if let Some(s) = &self.suggestion {
            write!(f, "; did you mean `{s}`?")?;
        }
        Ok(())
    }
}

impl std::error::Error for UnknownRoot {}

impl Schema {
    /// The qualified name of the type `name` refers to: a qualified name, or a simple name in
    /// `microsoft.graph`.
    pub fn resolve(&self, root: &str) -> Result<QualifiedName, UnknownRoot> {
        let qualified = QualifiedName::parse(root)
            .unwrap_or_else(|| QualifiedName::new("microsoft.graph", root));
        if self.get(&qualified).is_some() {
            return Ok(qualified);
        }
        let simple = root.rsplit('.').next().unwrap_or(root);
        let suggestion = self
            .types()
            .iter()
            .find(|t| t.name.eq_ignore_ascii_case(simple))
            .map(|t| t.qualified_name());
        Err(UnknownRoot {
            root: root.to_owned(),
            suggestion,
        })
    }

    /// The part of the schema the selection needs: each root, its base chain, the types of its
    /// properties (recursively), and optionally its subtypes. Diagnostics are kept for the files
    /// that define a kept type. With no roots, the whole schema.
    pub fn select(&self, selection: &Selection) -> Result<Schema, UnknownRoot> {
        if selection.roots.is_empty() {
            return Ok(self.clone());
        }
        let mut keep = BTreeSet::new();
        let mut stack = Vec::new();
        for root in &selection.roots {
            let q = self.resolve(root)?;
            if selection.subtypes {
                stack.extend(self.descendants(&q).iter().map(|t| t.qualified_name()));
            }
            stack.push(q);
        }
        while let Some(q) = stack.pop() {
            let Some(t) = self.get(&q) else { continue };
            if !keep.insert(q) {
                continue;
            }
            stack.extend(t.base.iter().cloned());
            if t.kind != Kind::Enum {
                stack.extend(
                    t.properties
                        .iter()
                        .filter(|p| !(selection.skip_navigation && p.navigation))
                        .filter_map(|p| p.ty.as_named())
                        .cloned(),
                );
            }
        }
        let types: Vec<_> = self
            .types()
            .iter()
            .filter(|t| keep.contains(&t.qualified_name()))
            .cloned()
            .collect();
        let files: BTreeSet<&str> = types
            .iter()
            .filter_map(|t| t.source.as_ref())
            .map(|l| &*l.file)
            .collect();
        let diagnostics = self
            .diagnostics
            .iter()
            .filter(|d| files.contains(&*d.location.file))
            .cloned()
            .collect();
        let mut kept = Schema::new(types, diagnostics);
        kept.format_version = self.format_version;
        Ok(kept)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse_page;

    fn founding() -> Schema {
        let text = include_str!("../../../docs-input/intune-devices-resetpasscodeactionresult.md");
        crate::schema::build(&[parse_page("docs-input/x.md", text)])
    }

    fn names(s: &Schema) -> Vec<String> {
        s.types()
            .iter()
            .map(|t| t.qualified_name().to_string())
            .collect()
    }

    #[test]
    fn a_root_keeps_its_base_and_property_types() {
        let schema = founding();
        let selection = Selection {
            roots: vec!["resetPasscodeActionResult".into()],
            ..Selection::default()
        };
        let subset = schema.select(&selection).unwrap();
        assert_eq!(names(&subset), names(&schema));
        assert_eq!(subset.diagnostics, schema.diagnostics);
    }

    #[test]
    fn subtypes_are_kept_only_when_asked() {
        let schema = founding();
        let mut selection = Selection {
            roots: vec!["microsoft.graph.deviceActionResult".into()],
            ..Selection::default()
        };
        let subset = schema.select(&selection).unwrap();
        assert_eq!(
            names(&subset),
            [
                "microsoft.graph.actionState",
                "microsoft.graph.deviceActionResult"
            ]
        );
        selection.subtypes = true;
        assert_eq!(names(&schema.select(&selection).unwrap()), names(&schema));
    }

    #[test]
    fn an_unknown_root_is_an_error_with_a_suggestion() {
        let selection = Selection {
            roots: vec!["microsoft.graph.ResetPasscodeActionResult".into()],
            ..Selection::default()
        };
        let err = founding().select(&selection).unwrap_err();
        assert_eq!(
            err.suggestion.as_deref(),
            Some("microsoft.graph.resetPasscodeActionResult")
        );
        assert!(err.to_string().contains("did you mean"));
    }
}
