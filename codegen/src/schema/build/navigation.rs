//! Translated navigation property names, recovered from the Methods table.
//!
//! Relationship rows are not in the JSON block, so a translated name cell (`решения`) has no
//! JSON key to be matched with. The API pages the Methods table links to are never translated,
//! and name the navigation property they serve: `accessreview-list-decisions.md` →
//! `decisions`, `accessreview-listreviewers.md` → `reviewers`. A translated relationship row
//! takes the name of the one method that returns its row's type (a `list` method only for a
//! collection); several such methods are told apart by the transliterated name when it reads
//! alike. The name is cased from an identifier that spells it: the method's own text, the
//! row's type name (`decisions` of `accessReviewDecision`), or a JSON key anywhere in the tree;
//! else it stays lowercase (a single word is right as it is). Each repair is a
//! `repaired-navigation-name`.

use super::SchemaBuilder;
use crate::diag::Code;
use crate::docs_text::is_identifier;
use crate::parse::{locale, MethodRow, Page, Target, TypeSpec};
use std::collections::{BTreeSet, HashSet};

/// The verbs of API page names (`{type}-{verb}-{navigation}`), as the file names spell them.
const VERBS: &[&str] = &[
    "list", "get", "post", "add", "create", "update", "delete", "remove",
];

/// How alike (0 to 1) a transliterated name must read to a candidate to break a tie.
const ALIKE: f64 = 0.6;

/// A navigation name an API page names, with what its method returns.
struct Candidate<'a> {
    /// The name in lowercase (`decisions`).
    lowercase: String,
    /// The verb is `list`: the navigation property is a collection.
    list: bool,
    /// The method row.
    method: &'a MethodRow,
}

/// The navigation name an API page stem names for the type whose page stem ends with the part
/// before the verb (or whose simple name, in lowercase, is that part): `accessreview-list-decisions` → (`decisions`, list),
/// `accessreview-listreviewers` → (`reviewers`, list). `None` for pages of other types and for
/// methods on the type itself (`accessreview-get`).
fn navigation_of_api_page(api_page: &str, owners: &[&str]) -> Option<(String, bool)> {
    let segments: Vec<&str> = api_page.split('-').collect();
    for i in 1..segments.len() {
        let (joined, glued) = (segments[..i].join("-"), segments[..i].concat());
        if !owners.iter().any(|o| o.ends_with(&joined) || *o == glued) {
            continue;
        }
        let segment = segments[i];
        for verb in VERBS {
            let rest: String = if segment == *verb {
                segments[i + 1..].concat()
            } else if let (Some(glued), true) =
                (segment.strip_prefix(verb), i + 1 == segments.len())
            {
                glued.to_owned()
            } else {
                continue;
            };
            if rest.len() > 1 && rest.chars().all(|c| c.is_ascii_alphanumeric()) {
                return Some((rest, *verb == "list"));
            }
        }
    }
    None
}

/// `word` spelled as an identifier of `text` spells it, ignoring case, with a plural ending
/// left as the name has it: (`accessReviewDecision`, `decisions`) → `decisions`,
/// (`List incompatibleAccessPackages`, `incompatibleaccesspackages`) →
/// `incompatibleAccessPackages`.
fn cased_from(text: &str, lowercase: &str) -> Option<String> {
    for word in text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_')) {
        if word.eq_ignore_ascii_case(lowercase) {
            return Some(lower_first(word));
        }
        // A camel-case suffix of the word (`Decision` of `accessReviewDecision`), singular.
        for (i, c) in word.char_indices() {
            if i > 0 && !c.is_ascii_uppercase() {
                continue;
            }
            let suffix = &word[i..];
            let stem_len = suffix.len();
            if lowercase.len() >= stem_len
                && lowercase[..stem_len].eq_ignore_ascii_case(suffix)
                && matches!(&lowercase[stem_len..], "" | "s" | "es")
            {
                return Some(format!("{}{}", lower_first(suffix), &lowercase[stem_len..]));
            }
        }
    }
    None
}

/// `Decision` → `decision`.
fn lower_first(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |c| {
        c.to_ascii_lowercase().to_string() + chars.as_str()
    })
}

impl SchemaBuilder {
    /// Replaces the translated names of relationship rows in `names` (the JSON name of each row
    /// of `page`, defining the type whose simple name is `type_name`) with the names the
    /// Methods table's API pages give them.
    pub(super) fn repair_navigation_names(
        &mut self,
        page: &Page,
        type_name: &str,
        names: &mut [String],
    ) {
        let type_lower = type_name.to_ascii_lowercase();
        let owners = [page.stem.as_str(), type_lower.as_str()];
        let candidates: Vec<Candidate> = page
            .methods
            .iter()
            .filter_map(|m| {
                let (lowercase, list) = navigation_of_api_page(&m.api_page, &owners)?;
                Some(Candidate {
                    lowercase,
                    list,
                    method: m,
                })
            })
            .collect();
        if candidates.is_empty() {
            return;
        }
        let mut taken: HashSet<String> = names
            .iter()
            .filter(|n| is_identifier(n))
            .map(|n| n.to_ascii_lowercase())
            .collect();
        for (i, row) in page.properties.iter().enumerate() {
            if !row.navigation || is_identifier(&names[i]) {
                continue;
            }
            let TypeSpec::Link {
                target: Target::Page { stem, .. },
                text,
            } = &row.ty.spec
            else {
                continue;
            };
            let fitting: Vec<&Candidate> = candidates
                .iter()
                .filter(|c| {
                    (row.ty.collection || !c.list)
                        && !taken.contains(&c.lowercase)
                        && c.method.links.iter().any(|l| l.target.stem() == Some(stem))
                })
                .collect();
            let distinct: BTreeSet<&str> = fitting.iter().map(|c| c.lowercase.as_str()).collect();
            let chosen = match distinct.len() {
                0 => continue,
                1 => fitting[0],
                _ => match read_alike(&row.name, &fitting) {
                    Some(c) => c,
                    None => continue,
                },
            };
            let target_name = self
                .by_stem
                .get(stem)
                .map(|q| q.name().to_owned())
                .unwrap_or_default();
            let name = cased_from(&chosen.method.text, &chosen.lowercase)
                .or_else(|| cased_from(text, &chosen.lowercase))
                .or_else(|| cased_from(&target_name, &chosen.lowercase))
                .or_else(|| self.known_identifiers.get(&chosen.lowercase).cloned())
                .unwrap_or_else(|| chosen.lowercase.clone());
            taken.insert(chosen.lowercase.clone());
            let message = format!(
                "the relationship `{}` is not an identifier; the Methods table's API page `{}` names it `{name}`, which is used",
                row.name, chosen.method.api_page
            );
            self.diags.push(
                Code::RepairedNavigationName,
                page.at(row.line, row.column),
                message,
            );
            names[i] = name;
        }
    }
}

/// The one candidate the transliterated `name` reads most alike (at least [`ALIKE`]).
fn read_alike<'a>(name: &str, fitting: &[&'a Candidate<'a>]) -> Option<&'a Candidate<'a>> {
    let latin = locale::transliterate(name)?;
    let mut scored: Vec<(f64, &Candidate)> = fitting
        .iter()
        .map(|c| (strsim::normalized_levenshtein(&latin, &c.lowercase), *c))
        .filter(|(score, _)| *score >= ALIKE)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    match scored.as_slice() {
        [(best, c), (next, _), ..] if best > next => Some(c),
        [(_, c)] => Some(c),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::{cased_from, navigation_of_api_page};
    use crate::diag::Code;
    use crate::parse::parse_page;
    use crate::schema::build;

    #[test]
    fn api_page_names_name_navigation_properties() {
        let owners = ["accessreview", "accessreview"];
        assert_eq!(
            navigation_of_api_page("accessreview-list-decisions", &owners),
            Some(("decisions".to_owned(), true))
        );
        assert_eq!(
            navigation_of_api_page("accessreview-listreviewers", &owners),
            Some(("reviewers".to_owned(), true))
        );
        assert_eq!(
            navigation_of_api_page("accessreview-post-my-decisions", &owners),
            Some(("mydecisions".to_owned(), false))
        );
        assert_eq!(navigation_of_api_page("accessreview-get", &owners), None);
        assert_eq!(navigation_of_api_page("approval-list-steps", &owners), None);
    }

    #[test]
    fn names_are_cased_from_identifiers_that_spell_them() {
        assert_eq!(
            cased_from("accessReviewDecision", "decisions").as_deref(),
            Some("decisions")
        );
        assert_eq!(
            cased_from(
                "Список incompatibleAccessPackages",
                "incompatibleaccesspackages"
            )
            .as_deref(),
            Some("incompatibleAccessPackages")
        );
        assert_eq!(
            cased_from(
                "accessPackageResourceRoleScope",
                "accesspackageresourcerolescopes"
            )
            .as_deref(),
            Some("accessPackageResourceRoleScopes")
        );
        assert_eq!(cased_from("user", "decisions"), None);
    }

    #[test]
    fn translated_relationships_take_the_names_of_their_methods() {
        let page = "<!-- {\"blockType\": \"resource\", \"keyProperty\": \"id\", \"@odata.type\": \"microsoft.graph.accessReview\"} -->\n\n## <a name=\"methods\"></a>Методы\n|Метод|Возвращаемый тип|Описание|\n|-|-|-|\n|[Список решений](../api/accessreview-list-decisions.md)|Коллекция [accessReviewDecision](accessreviewdecision.md)|x|\n|[Список рецензентов](../api/accessreview-listreviewers.md)|Коллекция [userIdentity](useridentity.md)|x|\n\n## <a name=\"relationships\"></a>Связи\n|Связь|Тип|Описание|\n|-|-|-|\n|решения|Коллекция [accessReviewDecision](accessreviewdecision.md)|x|\n|рецензенты|Коллекция [userIdentity](useridentity.md)|x|\n|экземпляр|[accessReview](accessreview.md)|x|\n";
        let schema = build(&[parse_page("accessreview.md", page)]);
        let t = schema.get("microsoft.graph.accessReview").unwrap();
        let names: Vec<&str> = t.properties.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["decisions", "reviewers", "экземпляр"]);
        let repairs = schema
            .diagnostics
            .iter()
            .filter(|d| d.code == Code::RepairedNavigationName)
            .count();
        assert_eq!(repairs, 2);
    }
}
