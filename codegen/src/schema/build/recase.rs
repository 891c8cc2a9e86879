//! Type names a translation lowercased (`devicethreatprotectionlevel`), re-cased from the
//! identifiers around the type: the camel-case words of the rows typed with it
//! (`deviceThreatProtectionRequiredSecurityLevel`) and of the types declaring them. Those are
//! JSON keys and type names, which the translation leaves intact (a type's own rows are not
//! asked: `onenote` has rows `oneName` and `noteName` and is no `oneNote`).
//! The name is re-cased when exactly one split into fewest words of that vocabulary (two at
//! least) covers it, and no other type has the new name: `deviceThreatProtectionLevel`
//! (`inferred-name-case`). A name with any capital, or a one-word name (`onenote`), is kept.
//! Runs last, on the finished drafts: every base, property type and declaring type follows.

use super::SchemaBuilder;
use crate::diag::Code;
use crate::schema::{QualifiedName, TypeRef};
use foldhash::{HashMap, HashMapExt};
use std::collections::BTreeMap;

/// The camel-case words of an identifier: `deviceThreatProtection` → `device`, `Threat`,
/// `Protection`; `iOSVersion` → `i`, `OS`, `Version`.
fn camel_words(ident: &str) -> Vec<&str> {
    let mut words = Vec::new();
    let bytes = ident.as_bytes();
    let mut start = 0;
    for i in 1..bytes.len() {
        let (prev, cur) = (bytes[i - 1], bytes[i]);
        let next_lower = bytes.get(i + 1).is_some_and(u8::is_ascii_lowercase);
        let boundary = (cur.is_ascii_uppercase() && !prev.is_ascii_uppercase())
            || (cur.is_ascii_uppercase() && prev.is_ascii_uppercase() && next_lower);
        if boundary {
            words.push(&ident[start..i]);
            start = i;
        }
    }
    if start < ident.len() {
        words.push(&ident[start..]);
    }
    words
}

/// `name` split into the fewest words of `vocabulary` (lowercase word → its capitalised
/// spelling), joined in camel case; `None` when no split, or several spelled differently,
/// cover it, or the fewest is one word.
fn recased(name: &str, vocabulary: &HashMap<String, String>) -> Option<String> {
    let n = name.len();
    // best[i]: (words, the split, ambiguous) for name[..i].
    let mut best: Vec<Option<(usize, Vec<&str>, bool)>> = vec![None; n + 1];
    best[0] = Some((0, Vec::new(), false));
    for i in 0..n {
        let Some((count, split, ambiguous)) = best[i].clone() else {
            continue;
        };
        for (j, slot) in best.iter_mut().enumerate().skip(i + 1) {
            let Some(word) = name.get(i..j) else {
                continue;
            };
            if !vocabulary.contains_key(word) {
                continue;
            }
            let mut longer = split.clone();
            longer.push(word);
            let spelled =
                |s: &[&str]| -> Vec<String> { s.iter().map(|w| vocabulary[*w].clone()).collect() };
            *slot = match slot.take() {
                None => Some((count + 1, longer, ambiguous)),
                Some(b) if count + 1 < b.0 => Some((count + 1, longer, ambiguous)),
                Some(b) if count + 1 == b.0 && spelled(&b.1) != spelled(&longer) => {
                    Some((b.0, b.1, true))
                }
                Some(b) => Some(b),
            };
        }
    }
    let (count, split, ambiguous) = best[n].clone()?;
    if ambiguous || count < 2 {
        return None;
    }
    let mut out = split[0].to_owned();
    for w in &split[1..] {
        out.push_str(&vocabulary[*w]);
    }
    Some(out)
}

impl SchemaBuilder {
    /// Rule: see the module documentation.
    pub(super) fn recase_lowercase_types(&mut self) {
        // Only names in lowercase letters (and digits) are recased.
        let lowercase = |name: &str| {
            name.len() > 1
                && name
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        };
        // The identifiers around each such type.
        let mut around: BTreeMap<QualifiedName, Vec<String>> = BTreeMap::new();
        for (q, d) in self.drafts.iter() {
            for p in d.def.properties.iter().filter(|p| !p.inherited) {
                if let Some(t) = p.ty.as_named().filter(|t| lowercase(t.name())) {
                    let user = around.entry(t.clone()).or_default();
                    user.push(p.name.clone());
                    user.push(q.name().to_owned());
                }
            }
        }
        let mut renames: BTreeMap<QualifiedName, QualifiedName> = BTreeMap::new();
        for (q, idents) in &around {
            let name = q.name();
            if !self.drafts.contains_key(q) {
                continue;
            }
            let mut vocabulary: HashMap<String, String> = HashMap::new();
            for ident in idents.iter().filter(|i| i.is_ascii()) {
                for word in camel_words(ident) {
                    let mut chars = word.chars();
                    let Some(first) = chars.next() else {
                        continue;
                    };
                    vocabulary
                        .entry(word.to_ascii_lowercase())
                        .or_insert_with(|| first.to_ascii_uppercase().to_string() + chars.as_str());
                }
            }
            let Some(new_name) = recased(name, &vocabulary) else {
                continue;
            };
            let new = QualifiedName::new(q.namespace(), &new_name);
            if self.drafts.contains_key(&new) || renames.values().any(|v| *v == new) {
                continue;
            }
            renames.insert(q.clone(), new);
        }
        if renames.is_empty() {
            return;
        }
        let rename = |q: &mut QualifiedName| {
            if let Some(new) = renames.get(q) {
                *q = new.clone();
            }
        };
        // Only the renamed drafts move in the map (no new name is taken, see above); every
        // draft's references follow in place.
        let mut moved = Vec::with_capacity(renames.len());
        for (q, new) in &renames {
            if let Some(mut d) = self.drafts.remove(q) {
                let at = d.def.source.clone().unwrap_or_default();
                let message = format!("the type name `{}` is in lowercase letters only; the camel-case words of the identifiers around it (the rows typed with it and their types) spell it `{}`", q.name(), new.name());
                self.diags.push(Code::InferredNameCase, at, message);
                d.def.name = new.name().to_owned();
                moved.push((new.clone(), d));
            }
        }
        self.drafts.extend(moved);
        for d in self.drafts.values_mut() {
            if let Some(base) = d.def.base.as_mut() {
                rename(base);
            }
            for p in &mut d.def.properties {
                rename(&mut p.declared_by);
                if let TypeRef::Named(t) = &mut p.ty {
                    rename(t);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{camel_words, recased};
    use crate::diag::Code;
    use crate::parse::parse_page;
    use crate::schema::build;
    use foldhash::HashMap;

    #[test]
    fn words_and_splits() {
        assert_eq!(
            camel_words("deviceThreatProtectionRequiredSecurityLevel"),
            [
                "device",
                "Threat",
                "Protection",
                "Required",
                "Security",
                "Level"
            ]
        );
        assert_eq!(camel_words("iOSVersion"), ["i", "OS", "Version"]);
        let vocabulary: HashMap<String, String> = ["device", "threat", "protection", "level"]
            .iter()
            .map(|w| (w.to_string(), w[..1].to_uppercase() + &w[1..]))
            .collect();
        assert_eq!(
            recased("devicethreatprotectionlevel", &vocabulary).as_deref(),
            Some("deviceThreatProtectionLevel")
        );
        assert_eq!(recased("device", &vocabulary), None, "one word");
        assert_eq!(recased("devicecolor", &vocabulary), None, "not covered");
    }

    #[test]
    fn lowercased_type_names_are_recased_from_the_rows_typed_with_them() {
        let policy = "<!-- {\"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.compliancePolicy\"} -->\n\n## Properties\n|Property|Type|Description|\n|-|-|-|\n|deviceThreatProtectionRequiredSecurityLevel|[x](devicethreatprotectionlevel.md)|x|\n|notes|[onenote](onenote.md)|x|\n";
        let level = "# devicethreatprotectionlevel enum type\n\n## Members\n|Member|Value|Description|\n|-|-|-|\n|unavailable|0|x|\n|secured|1|x|\n";
        let onenote = "<!-- {\"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.onenote\"} -->\n\n## Properties\n|Property|Type|Description|\n|-|-|-|\n|oneName|String|x|\n|noteName|String|x|\n";
        let schema = build(&[
            parse_page("compliancepolicy.md", policy),
            parse_page("devicethreatprotectionlevel.md", level),
            parse_page("onenote.md", onenote),
        ]);
        let policy = schema.get("microsoft.graph.compliancePolicy").unwrap();
        let types: Vec<String> = policy.properties.iter().map(|p| p.ty.to_string()).collect();
        assert_eq!(
            types,
            [
                "microsoft.graph.deviceThreatProtectionLevel",
                "microsoft.graph.onenote"
            ]
        );
        assert!(schema
            .get("microsoft.graph.deviceThreatProtectionLevel")
            .is_some());
        let recased = schema
            .diagnostics
            .iter()
            .filter(|d| d.code == Code::InferredNameCase)
            .count();
        assert_eq!(recased, 1);
    }
}
