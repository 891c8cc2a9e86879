//! The inheritance tree of a type, as text (like `cargo tree`), Mermaid or Graphviz dot.

use crate::schema::{Origin, QualifiedName, Schema, TypeDef, UnknownRoot};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;

/// How [`render`] draws the tree. On the command line (`--format`), the values are listed
/// without these descriptions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
pub enum TreeFormat {
    /// Indented text with box-drawing branches.
    #[cfg_attr(feature = "cli", value(help = None::<&str>))]
    Text,
    /// A Mermaid `classDiagram`, for a README or a pull request.
    #[cfg_attr(feature = "cli", value(help = None::<&str>))]
    Mermaid,
    /// A Graphviz `digraph`.
    #[cfg_attr(feature = "cli", value(help = None::<&str>))]
    Dot,
}

/// Draws the inheritance tree of `root`: its ancestors down to it, then every type derived from
/// it. `root` is a qualified name (`microsoft.graph.` may be left out).
pub fn render(schema: &Schema, root: &str, format: TreeFormat) -> Result<String, UnknownRoot> {
    let q = schema.resolve(root)?;
    let mut chain: Vec<&TypeDef> = schema.ancestors(&q);
    chain.reverse();
    chain.extend(schema.get(&q));
    let subtypes = schema.subtypes();
    let mut out = String::new();
    match format {
        TreeFormat::Text => {
            for (depth, t) in chain.iter().enumerate() {
                let indent = "    ".repeat(depth.saturating_sub(1));
                let branch = if depth == 0 { "" } else { "└── " };
                let _ = writeln!(out, "{indent}{branch}{}", label(t));
            }
            let depth = chain.len().saturating_sub(1);
            text_children(schema, &subtypes, &q, &"    ".repeat(depth), &mut out);
        }
        TreeFormat::Mermaid => {
            out.push_str("classDiagram\n");
            for pair in chain.windows(2) {
                let _ = writeln!(out, "    {} <|-- {}", pair[0].name, pair[1].name);
            }
            for (base, sub) in edges_below(&subtypes, &q) {
                let _ = writeln!(out, "    {} <|-- {}", base.name(), sub.name());
            }
        }
        TreeFormat::Dot => {
            out.push_str("digraph inheritance {\n    rankdir=BT;\n    node [shape=box];\n");
            for pair in chain.windows(2) {
                let _ = writeln!(
                    out,
                    "    \"{}\" -> \"{}\";",
                    pair[1].qualified_name(),
                    pair[0].qualified_name()
                );
            }
            for (base, sub) in edges_below(&subtypes, &q) {
                let _ = writeln!(out, "    \"{sub}\" -> \"{base}\";");
            }
            out.push_str("}\n");
        }
    }
    Ok(out)
}

fn label(t: &TypeDef) -> String {
    let origin = match t.origin {
        Origin::Page => "",
        Origin::Reconstructed => ", reconstructed",
        Origin::Placeholder => ", placeholder",
    };
    let kind = format!("{:?}", t.kind).to_lowercase();
    format!("{} ({kind}{origin})", t.qualified_name())
}

/// Every (base, derived) edge under `root`, depth first in sorted order.
fn edges_below<'a>(
    subtypes: &'a BTreeMap<QualifiedName, Vec<QualifiedName>>,
    root: &'a QualifiedName,
) -> Vec<(&'a QualifiedName, &'a QualifiedName)> {
    let mut out = Vec::new();
    let mut stack = vec![root];
    let mut seen = BTreeSet::new();
    while let Some(q) = stack.pop() {
        if !seen.insert(q) {
            continue;
        }
        for sub in subtypes.get(q).into_iter().flatten() {
            out.push((q, sub));
        }
        stack.extend(subtypes.get(q).into_iter().flatten().rev());
    }
    out
}

fn text_children(
    schema: &Schema,
    subtypes: &BTreeMap<QualifiedName, Vec<QualifiedName>>,
    q: &str,
    prefix: &str,
    out: &mut String,
) {
    let children = subtypes.get(q).map(Vec::as_slice).unwrap_or_default();
    for (i, child) in children.iter().enumerate() {
        let last = i + 1 == children.len();
        let Some(t) = schema.get(child) else { continue };
        let _ = writeln!(
            out,
            "{prefix}{}{}",
            if last { "└── " } else { "├── " },
            label(t)
        );
        let deeper = format!("{prefix}{}", if last { "    " } else { "│   " });
        // Inheritance cycles are broken when the schema is built, so this terminates.
        text_children(schema, subtypes, child, &deeper, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse_page;

    fn founding() -> Schema {
        let text = include_str!("../../docs-input/intune-devices-resetpasscodeactionresult.md");
        crate::schema::build(&[parse_page("docs-input/x.md", text)])
    }

    #[test]
    fn text_shows_ancestors_then_descendants() {
        let schema = founding();
        assert_eq!(
            render(&schema, "deviceActionResult", TreeFormat::Text).unwrap(),
            "microsoft.graph.deviceActionResult (complex, reconstructed)\n\
             └── microsoft.graph.resetPasscodeActionResult (complex)\n"
        );
        assert_eq!(
            render(
                &schema,
                "microsoft.graph.resetPasscodeActionResult",
                TreeFormat::Text
            )
            .unwrap(),
            "microsoft.graph.deviceActionResult (complex, reconstructed)\n\
             └── microsoft.graph.resetPasscodeActionResult (complex)\n"
        );
    }

    #[test]
    fn mermaid_and_dot() {
        let schema = founding();
        assert_eq!(
            render(&schema, "deviceActionResult", TreeFormat::Mermaid).unwrap(),
            "classDiagram\n    deviceActionResult <|-- resetPasscodeActionResult\n"
        );
        let dot = render(&schema, "resetPasscodeActionResult", TreeFormat::Dot).unwrap();
        assert!(dot.contains("\"microsoft.graph.resetPasscodeActionResult\" -> \"microsoft.graph.deviceActionResult\";"));
    }

    #[test]
    fn unknown_type() {
        assert!(render(&founding(), "nothing", TreeFormat::Text).is_err());
    }
}
