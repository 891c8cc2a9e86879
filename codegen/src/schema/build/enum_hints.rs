//! More evidence for repairing damaged members tables, beyond the backticked values of rows
//! typed with the enum (`enums`): value lists written as plain text, the lists of `String` rows
//! named like the enum (`platform` for `clientPlatform`), and the names the intact rows of a
//! table leave over from those lists.

use super::SchemaBuilder;
use crate::docs_text::is_identifier;
use crate::parse::{MemberRow, Page};
use crate::schema::{Kind, QualifiedName};
use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};

/// The shortest camel-case suffix of an enum name a property name is matched with
/// (`Type` of `phoneType` is too generic).
const MIN_SUFFIX: usize = 5;

/// A list of at least three ASCII identifiers separated by commas in `text` (`Possible values
/// are: Active, ActiveWithError, Disabled и Error.`, in any language): the last word before
/// the first comma, each word between commas, and the first and last words after the last one
/// (around a conjunction). Empty when there is none.
pub(super) fn plain_value_list(text: &str) -> Vec<String> {
    // Sentences end at these (ASCII) bytes; only those with a comma can hold a list, so the
    // text is searched for commas, each giving the sentence around it.
    let bytes = text.as_bytes();
    let ends = |b: &u8| matches!(b, b'.' | b';' | b'(' | b')');
    let mut from = 0;
    while let Some(comma) = memchr::memchr(b',', &bytes[from..]).map(|i| from + i) {
        if !beside_list_words(text, comma) {
            // No list in this comma's sentence; another comma of it may be tested again (and
            // fail again), so the first sentence with a list is still the one found.
            from = comma + 1;
            continue;
        }
        let start = bytes[..comma].iter().rposition(ends).map_or(0, |i| i + 1);
        let end = bytes[comma..]
            .iter()
            .position(ends)
            .map_or(bytes.len(), |i| comma + i);
        if let Some(list) = list_in_sentence(&text[start..end]) {
            return list.into_iter().map(str::to_owned).collect();
        }
        from = end;
    }
    Vec::new()
}

/// Whether the words either side of the comma at byte `comma` of `text` can be items of a list
/// (see [`list_in_sentence`]): each comma of a sentence with a list ends a piece whose last word
/// is an item (the first piece's, or a one-word piece), and starts one whose first word is an
/// item. A cheap test that rejects most commas (of prose) before their sentence is looked for.
fn beside_list_words(text: &str, comma: usize) -> bool {
    let ends = |c: char| c.is_whitespace() || matches!(c, ',' | '.' | ';' | '(' | ')');
    let item = |w: &str| {
        is_identifier(w.trim_matches(|c: char| matches!(c, '*' | '"' | '\'' | '`' | ':')))
    };
    let before = text[..comma].trim_end().rsplit(ends).next().unwrap_or("");
    let after = text[comma + 1..]
        .trim_start()
        .split(ends)
        .next()
        .unwrap_or("");
    item(before) && item(after)
}

/// The list of [`plain_value_list`] in one sentence (no `.`, `;` or parenthesis in it).
fn list_in_sentence(sentence: &str) -> Option<Vec<&str>> {
    /// The words of a piece, without the emphasis, quotes and colon around them.
    fn words(piece: &str) -> impl DoubleEndedIterator<Item = &str> {
        piece
            .split_whitespace()
            .map(|w| w.trim_matches(|c: char| matches!(c, '*' | '"' | '\'' | '`' | ':')))
    }
    let mut pieces = sentence.split(',').map(str::trim);
    let (Some(first), Some(_)) = (pieces.next(), pieces.clone().next()) else {
        return None;
    };
    // From the end: the first piece is most of a long sentence.
    let head = words(first).next_back()?;
    let mut list: Vec<&str> = vec![head];
    let mut last = None;
    while let Some(piece) = pieces.next() {
        if pieces.clone().next().is_none() {
            last = Some(piece);
            break;
        }
        let mut w = words(piece);
        match (w.next(), w.next()) {
            (Some(one), None) => list.push(one),
            _ => return None,
        }
    }
    let mut w = words(last?);
    match (w.next(), w.next(), w.next(), w.next()) {
        (Some(one), None, _, _) => list.push(one),
        (Some(a), Some(_), Some(b), None) => list.extend([a, b]),
        _ => return None,
    }
    (list.len() >= 3 && list.iter().all(|w| is_identifier(w))).then_some(list)
}

/// The camel-case suffixes of a name, in lowercase, at least [`MIN_SUFFIX`] long, the whole
/// name included: `clientPlatform` → `clientplatform`, `platform`.
fn camel_suffixes(name: &str) -> Vec<String> {
    name.char_indices()
        .filter(|&(i, c)| i == 0 || c.is_ascii_uppercase())
        .map(|(i, _)| name[i..].to_ascii_lowercase())
        .filter(|s| s.len() >= MIN_SUFFIX)
        .collect()
}

impl SchemaBuilder {
    /// Adds the value lists of `String` rows named like an enum to that enum's hints: the enum
    /// named by the type's and the property's names joined (`chatMessage` + `importance`), else
    /// the one enum (of the row's namespace, if any is) whose name or camel-case suffix is the
    /// property name, in the singular.
    pub(super) fn gather_named_like_hints(&mut self) {
        let mut by_suffix: HashMap<String, Vec<&QualifiedName>> = HashMap::new();
        for (q, d) in self.drafts.iter() {
            if d.def.kind == Kind::Enum {
                for suffix in camel_suffixes(q.name()) {
                    by_suffix.entry(suffix).or_default().push(q);
                }
            }
        }
        let mut hints: Vec<(QualifiedName, Vec<String>)> = Vec::new();
        for sv in &self.string_values {
            // `importance` of `chatMessage`: `chatMessageImportance`, when it is an enum.
            let joined = format!("{}{}", sv.owner.name(), sv.property);
            let joined = self
                .by_simple
                .get(&joined.to_ascii_lowercase())
                .and_then(|qs| {
                    qs.iter().find(|q| {
                        q.namespace() == sv.owner.namespace()
                            && self
                                .drafts
                                .get(*q)
                                .is_some_and(|d| d.def.kind == Kind::Enum)
                    })
                });
            if let Some(q) = joined {
                hints.push((q.clone(), sv.values.clone()));
                continue;
            }
            let name = sv.property.to_ascii_lowercase();
            let singular = [name.as_str(), name.trim_end_matches('s')];
            let Some(enums) = singular.iter().find_map(|n| by_suffix.get(*n)) else {
                continue;
            };
            let local: Vec<&QualifiedName> = enums
                .iter()
                .copied()
                .filter(|e| e.namespace() == sv.owner.namespace())
                .collect();
            let chosen = match (local.as_slice(), enums.as_slice()) {
                ([one], _) | ([], [one]) => (*one).clone(),
                _ => continue,
            };
            hints.push((chosen, sv.values.clone()));
        }
        for (q, list) in hints {
            self.enum_hints.entry(q).or_default().push(list);
        }
    }

    /// For a table whose damaged rows (names that are not identifiers) are as many as the
    /// values the lists of `q` hold beyond the intact names, those values in order, one per
    /// damaged row (`None` for intact rows); else `None`. Only lists that hold every intact
    /// name (but `unknownFutureValue`) count: a list lacking one describes another version of
    /// the enum. `pages` are all pages, sorted by path (where the rows of
    /// [`SchemaBuilder::plain_hint_rows`] are).
    pub(super) fn leftover_names(
        &self,
        pages: &[&Page],
        q: &QualifiedName,
        members: &[MemberRow],
    ) -> Option<Vec<Option<String>>> {
        let damaged: Vec<usize> = (0..members.len())
            .filter(|&i| !is_identifier(&members[i].name))
            .collect();
        if damaged.is_empty() {
            return None;
        }
        let intact: HashSet<String> = members
            .iter()
            .filter(|m| is_identifier(&m.name))
            .map(|m| m.name.to_ascii_lowercase())
            .collect();
        // The plain-text lists of the rows typed with `q`, read now that they are needed.
        let plain: Vec<Vec<String>> = (self.plain_hint_rows.get(q).into_iter().flatten())
            .map(|&(page, row)| plain_value_list(&pages[page].properties[row].description))
            .filter(|list| !list.is_empty())
            .collect();
        let mut seen: HashSet<String> = HashSet::new();
        let left: Vec<&String> = (self.enum_evidence.get(q).into_iter().flatten())
            .chain(&plain)
            .chain(self.enum_hints.get(q).into_iter().flatten())
            .filter(|list| {
                let names: HashSet<String> = list.iter().map(|v| v.to_ascii_lowercase()).collect();
                // `unknownFutureValue`, the sentinel of evolvable enums, is rarely listed.
                intact
                    .iter()
                    .all(|i| names.contains(i) || i == "unknownfuturevalue")
            })
            .flatten()
            .filter(|v| !Page::is_query_syntax(v))
            .filter(|v| {
                let lower = v.to_ascii_lowercase();
                !intact.contains(&lower) && seen.insert(lower)
            })
            .collect();
        if left.len() != damaged.len() {
            return None;
        }
        let mut out = vec![None; members.len()];
        for (i, v) in damaged.into_iter().zip(left) {
            out[i] = Some(v.clone());
        }
        Some(out)
    }
}

#[cfg(test)]
mod tests {
    use super::{camel_suffixes, list_in_sentence, plain_value_list};
    use crate::diag::Code;
    use crate::parse::parse_page;
    use crate::schema::build;

    #[test]
    fn plain_lists_are_comma_separated_identifiers_in_any_language() {
        assert_eq!(
            plain_value_list("Возможные значения: Active, ActiveWithError, Disabled и Error."),
            ["Active", "ActiveWithError", "Disabled", "Error"]
        );
        assert_eq!(
            plain_value_list("Possible values are: none, **low**, high."),
            ["none", "low", "high"]
        );
        assert!(plain_value_list("The name, the address, and the city.").is_empty());
        assert!(plain_value_list("One of a, b.").is_empty());
        // The first sentence with a list, whatever the sentences around it.
        let by_sentences = |text: &str| -> Vec<String> {
            (text.split(['.', ';', '(', ')']))
                .find_map(list_in_sentence)
                .map_or_else(Vec::new, |l| l.into_iter().map(str::to_owned).collect())
        };
        let sentences = [
            "Один, два",
            "Values: a, b, c",
            "x (one, two, three)",
            "one, two and three",
            ", a, b, c,",
            "; Active, Done, Error",
            "",
            "Тип: none, low, high",
            // Spacing, emphasis and quotes around items; empty pieces; prose either side.
            "a ,b ,c",
            "**x**, `y`, \"z\"",
            "a,,b, c",
            "слово, a, b",
            "a, b, слово",
            "a, b и слово",
            "x:, y:, z",
            "a,\u{a0}b, c\u{a0}",
            " , a, b",
            "**, a, b",
        ];
        for a in sentences {
            for b in sentences {
                for sep in [". ", "; ", " (", ") ", ".", ","] {
                    let text = format!("{a}{sep}{b}");
                    assert_eq!(plain_value_list(&text), by_sentences(&text), "{text}");
                }
            }
        }
    }

    #[test]
    fn enum_names_have_camel_case_suffixes() {
        assert_eq!(
            camel_suffixes("clientPlatform"),
            ["clientplatform", "platform"]
        );
        assert_eq!(camel_suffixes("phoneType"), ["phonetype"]);
    }

    #[test]
    fn damaged_rows_take_what_the_intact_rows_leave_over() {
        // `platform` is named like `clientPlatform` and lists its values (one more than the
        // table, so no list stands for the table row by row).
        let resource = "<!-- {\"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.x\"} -->\n\n## Properties\n|Property|Type|Description|\n|-|-|-|\n|platform|String|Возможные значения: `windows`, `android`, `ios`, `web`.|\n";
        let en = "# clientPlatform enum type\n\n## Members\n|Member|Value|Description|\n|-|-|-|\n|windows|0|a|\n|андроид|1|b|\n|веб|3|c|\n";
        let schema = build(&[
            parse_page("x.md", resource),
            parse_page("clientplatform.md", en),
        ]);
        let names: Vec<&str> = schema
            .get("microsoft.graph.clientPlatform")
            .unwrap()
            .members
            .iter()
            .map(|m| m.name.as_str())
            .collect();
        // Three values are left over for two damaged rows: no repair.
        assert_eq!(names, ["windows", "андроид", "веб"]);
        let en = en.replace("|веб|3|c|\n", "|веб|3|c|\n|ios|2|d|\n");
        let schema = build(&[
            parse_page("x.md", resource),
            parse_page("clientplatform.md", &en),
        ]);
        let names: Vec<&str> = schema
            .get("microsoft.graph.clientPlatform")
            .unwrap()
            .members
            .iter()
            .map(|m| m.name.as_str())
            .collect();
        assert_eq!(names, ["windows", "android", "web", "ios"]);
        let repaired = schema
            .diagnostics
            .iter()
            .filter(|d| d.code == Code::RepairedEnumMember)
            .count();
        assert_eq!(repaired, 2);
    }

    #[test]
    fn a_string_row_names_the_enum_of_its_type_and_property_names() {
        let message = "<!-- {\"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.chatMessage\"} -->\n\n## Properties\n|Property|Type|Description|\n|-|-|-|\n|importance|String|Значения: `normal`, `high`, `urgent`.|\n";
        let enums = "# Enums\n\n### chatMessageImportance values\n\n|Member|\n|:---|\n|нормальный|\n|высокая|\n|срочный|\n\n### importance values\n\n|Member|\n|:---|\n|low|\n|normal|\n|high|\n\n### actionSource values\n\n|Member|Value|\n|:---|:---|\n|Вручную|0|\n|policyDefault|1|\n";
        // `actionSource` lists values of another version of the enum (no `policyDefault`).
        let label = "<!-- {\"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.label\"} -->\n\n## Properties\n|Property|Type|Description|\n|-|-|-|\n|actionSource|String|`manual`, `default`.|\n";
        let schema = build(&[
            parse_page("chatmessage.md", message),
            parse_page("enums.md", enums),
            parse_page("label.md", label),
        ]);
        let members = |q: &str| -> Vec<String> {
            schema
                .get(q)
                .unwrap()
                .members
                .iter()
                .map(|m| m.name.clone())
                .collect()
        };
        assert_eq!(
            members("microsoft.graph.chatMessageImportance"),
            ["normal", "high", "urgent"]
        );
        assert_eq!(
            members("microsoft.graph.actionSource"),
            ["Вручную", "policyDefault"]
        );
        let importance = &schema
            .get("microsoft.graph.chatMessage")
            .unwrap()
            .properties[0];
        assert_eq!(importance.ty, "microsoft.graph.chatMessageImportance");
    }
}
