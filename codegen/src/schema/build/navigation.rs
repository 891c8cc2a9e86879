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
//!
//! The same API pages name the relationships a page forgot to list: a `list` method of the
//! type (`user-list-licensedetails.md`) returning a type whose page the tree has, with no row
//! or JSON key of that name, is a collection relationship, named as the method's text spells
//! it (an identifier, or words that join into it: `List transitive memberOf` →
//! `transitiveMemberOf`; `inferred-navigation`). Pages whose row names are not all identifiers
//! (a translated relationship may stand for it) get none. And a row name in lowercase letters
//! only that spells its type's name (plural or not) and that the JSON block does not spell
//! takes that name's capitals: `openshifts` of `[openShift](openshift.md) collection` →
//! `openShifts` (`inferred-name-case`).

use super::{known_identifier, SchemaBuilder};
use crate::diag::Code;
use crate::docs_text::is_identifier;
use crate::parse::{locale, MethodRow, Page, PropertyRow, Target, TypeSpec};
use crate::schema::{Kind, Property, QualifiedName, TypeRef};
use foldhash::HashSet;
use std::collections::BTreeSet;

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
    // Each dash ends a prefix of whole segments (`joined`); the segment after it may be the
    // verb. Found dash by dash: the segments are not collected (a call per Methods row).
    for (dashes_before, (end, _)) in api_page.match_indices('-').enumerate() {
        let joined = &api_page[..end];
        // `joined` without its dashes, compared only with an owner of that length.
        let glued_len = end - dashes_before;
        let glued = || joined.bytes().filter(|&b| b != b'-');
        if !owners
            .iter()
            .any(|o| o.ends_with(joined) || (o.len() == glued_len && o.bytes().eq(glued())))
        {
            continue;
        }
        // The segment after the dash, and the text after the dash that ends it (if one does).
        let after = &api_page[end + 1..];
        let (segment, following) = match after.split_once('-') {
            Some((segment, following)) => (segment, Some(following)),
            None => (after, None),
        };
        for verb in VERBS {
            let rest: String = if segment == *verb {
                following.map_or_else(String::new, |f| f.replace('-', ""))
            } else if let (Some(glued), None) = (segment.strip_prefix(verb), following) {
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

/// The camel-case identifier that consecutive words of `text` spell, ignoring case: (`List
/// transitive memberOf`, `transitivememberof`) → `transitiveMemberOf`. Two words at least (one
/// is [`cased_from`]'s).
fn joined_from(text: &str, lowercase: &str) -> Option<String> {
    let words: Vec<&str> = text
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    for start in 0..words.len() {
        let mut joined = lower_first(words[start]);
        for word in &words[start + 1..] {
            let mut chars = word.chars();
            if let Some(c) = chars.next() {
                joined.push(c.to_ascii_uppercase());
                joined.push_str(chars.as_str());
            }
            if joined.len() > lowercase.len() {
                break;
            }
            if joined.eq_ignore_ascii_case(lowercase) {
                return Some(joined);
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
    /// Methods table's API pages give them (`pages`: all pages sorted by path, whose JSON keys
    /// tell how a name is cased).
    pub(super) fn repair_navigation_names(
        &mut self,
        pages: &[&Page],
        page: &Page,
        type_name: &str,
        names: &mut [String],
    ) {
        // Only a relationship row whose name is no identifier is repaired: most pages have
        // none, and need no candidates.
        let damaged = |(row, name): (&PropertyRow, &String)| row.navigation && !is_identifier(name);
        if !page.properties.iter().zip(names.iter()).any(damaged) {
            return;
        }
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
                .or_else(|| known_identifier(pages, &chosen.lowercase).cloned())
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

impl SchemaBuilder {
    /// Adds the collection relationships the `list` methods of `page`'s Methods table name and
    /// no row or JSON key of the page has (`inferred-navigation`): see the module
    /// documentation.
    pub(super) fn add_listed_navigations(
        &mut self,
        page: &Page,
        q: &QualifiedName,
        props: &mut Vec<Property>,
    ) {
        if page.methods.is_empty() {
            return;
        }
        let type_lower = q.name().to_ascii_lowercase();
        let owners = [page.stem.as_str(), type_lower.as_str()];
        // The `list` methods' names first: a page with none needs nothing else.
        let listed: Vec<(&MethodRow, String)> = (page.methods.iter())
            .filter_map(|m| match navigation_of_api_page(&m.api_page, &owners) {
                Some((lowercase, true)) => Some((m, lowercase)),
                _ => None,
            })
            .collect();
        if listed.is_empty() || props.iter().any(|p| !is_identifier(&p.name)) {
            return;
        }
        let mut taken: HashSet<String> = props
            .iter()
            .map(|p| p.name.to_ascii_lowercase())
            .chain(
                page.json
                    .iter()
                    .flat_map(|j| j.object.keys())
                    .map(|k| k.to_ascii_lowercase()),
            )
            .collect();
        for (m, lowercase) in listed {
            // A row whose name differs only by a plural ending is the relationship the
            // method serves, misspelled (`usageRight` for `List usageRights`).
            let plural_variant = |name: &String| {
                [name.strip_suffix('s'), name.strip_suffix("es")]
                    .into_iter()
                    .flatten()
                    .chain([format!("{name}s").as_str(), format!("{name}es").as_str()])
                    .any(|v| taken.contains(v))
            };
            if taken.contains(&lowercase) || plural_variant(&lowercase) {
                continue;
            }
            let target = m.links.iter().find_map(|l| {
                let t = self.by_stem.get(l.target.stem()?)?;
                let kind = self.drafts.get(t).map(|d| d.def.kind);
                (kind.is_some() && kind != Some(Kind::Enum)).then(|| t.clone())
            });
            let Some(target) = target else {
                continue;
            };
            // The method's text when it spells the name (English); else the returned type's
            // name, which is an identifier in every locale (`teamsTab` for `tabs`).
            let Some(name) = cased_from(&m.text, &lowercase)
                .or_else(|| joined_from(&m.text, &lowercase))
                .or_else(|| cased_from(target.name(), &lowercase))
            else {
                continue;
            };
            taken.insert(lowercase);
            let at = page.at(m.line, 1);
            let message = format!(
                "no row lists `{name}`; the Methods table's `list` method `{}` returns a collection of `{target}` under that name: a relationship",
                m.api_page
            );
            self.diags
                .push(Code::InferredNavigation, at.clone(), message);
            props.push(Property {
                name,
                ty: TypeRef::Named(target),
                collection: true,
                inherited: false,
                declared_by: q.clone(),
                navigation: true,
                description: m.text.clone(),
                source: Some(at),
            });
        }
    }

    /// Gives the row names of `page` (`names`, their JSON names) in lowercase letters only
    /// that spell their type's name, which has capitals, those capitals (`inferred-name-case`).
    pub(super) fn recase_from_types(&mut self, page: &Page, names: &mut [String]) {
        let keys = page.json.as_ref().map(|j| &j.object);
        for (row, name) in page.properties.iter().zip(names.iter_mut()) {
            let lowercase = !name.is_empty()
                && name
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit());
            if !lowercase || keys.is_some_and(|k| k.contains_key(name.as_str())) {
                continue;
            }
            let TypeSpec::Link {
                target: Target::Page { stem, .. },
                ..
            } = &row.ty.spec
            else {
                continue;
            };
            let Some(simple) = self.by_stem.get(stem).map(|t| lower_first(t.name())) else {
                continue;
            };
            if !simple.bytes().any(|b| b.is_ascii_uppercase()) {
                continue;
            }
            let Some(spelled) = ["", "s", "es"]
                .iter()
                .map(|suffix| format!("{simple}{suffix}"))
                .find(|s| s.eq_ignore_ascii_case(name))
            else {
                continue;
            };
            let message = format!("`{name}` spells the name of its type, `{simple}`, in lowercase only, and the JSON block does not spell it: `{spelled}`");
            self.diags.push(
                Code::InferredNameCase,
                page.at(row.line, row.column),
                message,
            );
            *name = spelled;
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
    use super::{cased_from, joined_from, navigation_of_api_page, VERBS};
    use crate::diag::Code;
    use crate::parse::parse_page;
    use crate::schema::build;

    /// [`navigation_of_api_page`] as it was first written: its segments collected.
    fn navigation_of_api_page_by_segments(
        api_page: &str,
        owners: &[&str],
    ) -> Option<(String, bool)> {
        let segments: Vec<&str> = api_page.split('-').collect();
        // The length of the first `i` segments joined with `-`: a prefix of `api_page`.
        let mut end = 0;
        for i in 1..segments.len() {
            end += segments[i - 1].len() + usize::from(i > 1);
            let joined = &api_page[..end];
            // `joined` without its `i - 1` dashes, compared only with an owner of that length.
            let glued_len = end - (i - 1);
            let glued = || joined.bytes().filter(|&b| b != b'-');
            if !owners
                .iter()
                .any(|o| o.ends_with(joined) || (o.len() == glued_len && o.bytes().eq(glued())))
            {
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

    #[test]
    fn api_page_names_read_dash_by_dash_as_by_collected_segments() {
        let owners = ["accessreview", "access-review"];
        let pages = [
            "accessreview-list-decisions",
            "accessreview-listreviewers",
            "accessreview-post-my-decisions",
            "accessreview-get",
            "access-review-list-decisions",
            "access-review-list",
            "accessreview--list-x",
            "accessreview-list--decisions",
            "accessreview-list-",
            "-accessreview-list-ab",
            "accessreview-",
            "accessreview",
            "",
            "-",
            "x-accessreview-delete-a-b-c",
            "accessreview-listab-c",
            "accessreview-get-пример",
        ];
        for page in pages {
            assert_eq!(
                navigation_of_api_page(page, &owners),
                navigation_of_api_page_by_segments(page, &owners),
                "{page}"
            );
        }
    }

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
        // The owner's stem split at dashes, or ending the stem's first segments.
        assert_eq!(
            navigation_of_api_page("access-review-list-decisions", &owners),
            Some(("decisions".to_owned(), true))
        );
        let owners = ["intune-accessreview", "accessreview"];
        assert_eq!(
            navigation_of_api_page("accessreview-list-decisions", &owners),
            Some(("decisions".to_owned(), true))
        );
        assert_eq!(
            navigation_of_api_page("view-list-decisions", &owners),
            Some(("decisions".to_owned(), true))
        );
        assert_eq!(
            navigation_of_api_page("accessreviews-list-decisions", &owners),
            None
        );
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

    #[test]
    fn a_translated_method_names_its_relationship_by_the_returned_type_and_a_plural_row_is_it() {
        let page = |method: &str, rows: &str| {
            format!("<!-- {{\"blockType\": \"resource\", \"keyProperty\": \"id\", \"@odata.type\": \"microsoft.graph.chat\"}} -->\n\n## Methods\n|Method|Return type|Description|\n|-|-|-|\n|[{method}](../api/chat-list-tabs.md)|[teamsTab](teamstab.md)|x|\n\n## Relationships\n|Relationship|Type|Description|\n|-|-|-|\n{rows}")
        };
        let tab = parse_page(
            "teamstab.md",
            "<!-- {\"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.teamsTab\"} -->\n\n## Properties\n|Property|Type|Description|\n|-|-|-|\n|x|String|x|\n",
        );
        let names = |text: &str| -> Vec<String> {
            let schema = build(&[parse_page("chat.md", text), tab.clone()]);
            let chat = schema.get("microsoft.graph.chat").unwrap();
            chat.properties.iter().map(|p| p.name.clone()).collect()
        };
        // Russian method text: the name comes from `teamsTab`, as the English text gives it.
        let members = "|members|[teamsTab](teamstab.md) collection|x|\n";
        assert_eq!(
            names(&page("Список вкладок в чате", members)),
            ["members", "tabs"]
        );
        assert_eq!(
            names(&page("List tabs in chat", members)),
            ["members", "tabs"]
        );
        // A row `tab` is the relationship `List tabs` serves, spelled in the singular.
        let singular = "|tab|[teamsTab](teamstab.md) collection|x|\n";
        assert_eq!(names(&page("List tabs in chat", singular)), ["tab"]);
    }

    #[test]
    fn list_methods_name_the_relationships_no_row_lists() {
        assert_eq!(
            joined_from("List transitive memberOf", "transitivememberof").as_deref(),
            Some("transitiveMemberOf")
        );
        assert_eq!(joined_from("List members", "transitivemembers"), None);
        let user = "<!-- {\"blockType\": \"resource\", \"keyProperty\": \"id\", \"@odata.type\": \"microsoft.graph.user\"} -->\n\n## Methods\n|Method|Return type|Description|\n|-|-|-|\n|[List licenseDetails](../api/user-list-licensedetails.md)|[licenseDetails](licensedetails.md) collection|x|\n|[List transitive memberOf](../api/user-list-transitivememberof.md)|[directoryObject](directoryobject.md) collection|x|\n|[List events](../api/user-list-events.md)|[event](event.md) collection|x|\n|[Get event](../api/user-get-event.md)|[event](event.md)|x|\n|[List scoped memberships](../api/user-list-scopedrolememberof.md)|[directoryObject](directoryobject.md) collection|x|\n|[List photos](../api/user-list-photos.md)|[photo](photo.md) collection|x|\n\n## Relationships\n|Relationship|Type|Description|\n|-|-|-|\n|events|[event](event.md) collection|x|\n";
        let other = |name: &str| {
            let text = format!("<!-- {{\"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.{name}\"}} -->\n\n## Properties\n|Property|Type|Description|\n|-|-|-|\n|x|String|x|\n");
            parse_page(&format!("{}.md", name.to_ascii_lowercase()), &text)
        };
        let pages = [
            parse_page("user.md", user),
            other("licenseDetails"),
            other("directoryObject"),
            other("event"),
        ];
        let schema = build(&pages);
        let t = schema.get("microsoft.graph.user").unwrap();
        let names: Vec<(&str, &str, bool)> = t
            .properties
            .iter()
            .map(|p| {
                (
                    p.name.as_str(),
                    p.ty.as_named().map_or("", |q| q.name()),
                    p.collection,
                )
            })
            .collect();
        // `events` is listed; `scopedrolememberof` has no spelling; `photo` has no page.
        assert_eq!(
            names,
            [
                ("events", "event", true),
                ("licenseDetails", "licenseDetails", true),
                ("transitiveMemberOf", "directoryObject", true),
            ]
        );
        let inferred = schema
            .diagnostics
            .iter()
            .filter(|d| d.code == Code::InferredNavigation)
            .count();
        assert_eq!(inferred, 2);
        // A page with a translated row may list them under another name: none is added.
        let translated = user.replace("|events|", "|события|");
        let schema = build(&[parse_page("user.md", &translated), other("licenseDetails")]);
        assert_eq!(
            schema.get("microsoft.graph.user").unwrap().properties.len(),
            1
        );
    }

    #[test]
    fn lowercase_names_take_the_capitals_of_the_type_they_spell() {
        let page = "<!-- {\"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.schedule\"} -->\n```json\n{\"timeslots\": []}\n```\n\n## Properties\n|Property|Type|Description|\n|-|-|-|\n|timeslots|[timeSlot](timeslot.md) collection|x|\n\n## Relationships\n|Relationship|Type|Description|\n|-|-|-|\n|openshifts|[openShift](openshift.md) collection|x|\n|shift|[openShift](openshift.md)|x|\n|notes|[openShift](openshift.md) collection|x|\n";
        let other = |name: &str| {
            let text = format!("<!-- {{\"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.{name}\"}} -->\n\n## Properties\n|Property|Type|Description|\n|-|-|-|\n|x|String|x|\n");
            parse_page(&format!("{}.md", name.to_ascii_lowercase()), &text)
        };
        let schema = build(&[
            parse_page("schedule.md", page),
            other("timeSlot"),
            other("openShift"),
        ]);
        let t = schema.get("microsoft.graph.schedule").unwrap();
        let names: Vec<&str> = t.properties.iter().map(|p| p.name.as_str()).collect();
        // The JSON block spells `timeslots`: kept.
        assert_eq!(names, ["timeslots", "openShifts", "shift", "notes"]);
        let recased = schema
            .diagnostics
            .iter()
            .filter(|d| d.code == Code::InferredNameCase)
            .count();
        assert_eq!(recased, 1);
    }
}
