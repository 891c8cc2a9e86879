//! Reading enum members tables, and repairing the damage machine translation does to them
//! (translated or re-cased names, unreadable or shifted values) from the evidence of other
//! pages: the backticked possible values of the properties typed with the enum.

use super::SchemaBuilder;
use crate::diag::{Code, Location};
use crate::docs_text::is_identifier;
use crate::parse::{EnumTable, MemberRow, Page};
use crate::schema::{Kind, Member, Origin, QualifiedName};
use foldhash::{HashSet, HashSetExt};
use std::collections::BTreeSet;

/// What a members table shows about its own damage.
struct Damage {
    /// Each row's value, read as a number.
    values: Vec<Option<i64>>,
    /// Translated names or unreadable values.
    visible: bool,
    /// The page is machine-translated (`ms.translationtype: MT`).
    machine_translated: bool,
    /// (Nearly) all readable values equal their row index.
    mostly_positional: bool,
}

impl Damage {
    /// What `table` on `page` shows.
    fn of(page: &Page, table: &EnumTable) -> Damage {
        let values: Vec<Option<i64>> = table
            .members
            .iter()
            .map(|m| m.value.as_deref().and_then(parse_value))
            .collect();
        // Damage shows as translated names or unreadable values; machine-translated pages
        // (`ms.translationtype: MT`) may also have re-cased or substituted names.
        let visible = table.members.iter().any(|m| !is_identifier(&m.name))
            || table
                .members
                .iter()
                .zip(&values)
                .any(|(m, v)| m.value.is_some() && v.is_none());
        let machine_translated = page
            .front_matter
            .translation_type
            .as_ref()
            .is_some_and(|t| t.eq_ignore_ascii_case("mt"));
        let positional = values
            .iter()
            .enumerate()
            .filter(|(i, v)| **v == Some(*i as i64))
            .count();
        // Among the readable values, do (nearly) all equal their row index?
        let readable = values.iter().flatten().count();
        let mostly_positional = readable > 0 && positional * 5 >= readable * 4;
        Damage {
            values,
            visible,
            machine_translated,
            mostly_positional,
        }
    }

    /// Visibly damaged, or machine-translated.
    fn any(&self) -> bool {
        self.visible || self.machine_translated
    }
}

impl SchemaBuilder {
    /// Reads enum members, repairing machine-translation damage from the backticked values.
    pub(super) fn read_enums(&mut self, pages: &[&Page]) {
        self.gather_named_like_hints();
        for page in pages {
            for table in &page.enums {
                let Some(q) = self.enum_of_table(page, table) else {
                    continue;
                };
                if self
                    .drafts
                    .get(&q)
                    .is_none_or(|d| d.def.kind != Kind::Enum || !d.def.members.is_empty())
                {
                    continue;
                }
                let members = self.read_members(pages, page, table, &q);
                if let Some(d) = self.drafts.get_mut(&q) {
                    d.def.members = members;
                }
            }
        }
        self.check_possible_values();
    }

    /// The enum a members table defines: the page's own for an unnamed table, else the enum
    /// of its `### x values` section.
    fn enum_of_table(&self, page: &Page, table: &EnumTable) -> Option<QualifiedName> {
        match &table.name {
            None => self.by_stem.get(&page.stem).cloned(),
            Some(_) => self
                .by_anchor
                .get(&(page.stem.clone(), table.key.clone()))
                .cloned(),
        }
    }

    /// The members of the enum `q` from its table, repaired where the table is damaged; a name
    /// given twice keeps its first row. `pages` are all pages, sorted by path.
    fn read_members(
        &mut self,
        pages: &[&Page],
        page: &Page,
        table: &EnumTable,
        q: &QualifiedName,
    ) -> Vec<Member> {
        let damage = Damage::of(page, table);
        let evidence = self
            .enum_evidence
            .get(q)
            .and_then(|lists| best_value_list(lists, &table.members, damage.any()))
            .cloned();
        // With no list standing for the table row by row, the damaged rows may take what the
        // intact rows leave over of every list.
        let leftover = match (&evidence, damage.visible) {
            (None, true) => self.leftover_names(pages, q, &table.members),
            _ => None,
        };
        let mut members = Vec::new();
        let mut member_names: HashSet<String> = HashSet::new();
        for (i, row) in table.members.iter().enumerate() {
            let at = page.at(row.line, 1);
            let english = evidence.as_ref().map(|ev| ev[i].as_str());
            let left = leftover.as_ref().and_then(|l| l[i].as_deref());
            let name = match left {
                Some(left) => {
                    let message = format!("member `{}` is not an identifier; the possible values leave `{left}` over once the intact members are taken, and it is used", row.name);
                    self.diags
                        .push(Code::RepairedEnumMember, at.clone(), message);
                    left.to_owned()
                }
                None => self.member_name(&row.name, english, &damage, &at),
            };
            let value = self.member_value(row, i, &name, &damage, &at);
            if !member_names.insert(name.clone()) {
                let message = format!("member `{name}` appears twice; the second is dropped");
                self.diags.push(Code::DamagedEnumMember, at, message);
                continue;
            }
            members.push(Member {
                name,
                value,
                description: row.description.clone(),
            });
        }
        members
    }

    /// The name of a member written `name`, whose backticked value at the same position is
    /// `english` (when a value list stands for the table).
    fn member_name(
        &mut self,
        name: &str,
        english: Option<&str>,
        damage: &Damage,
        at: &Location,
    ) -> String {
        let Some(english) = english else {
            if !is_identifier(name) {
                let message = format!("member `{name}` is not an identifier and no backticked value list of the same length allows a repair; kept as written");
                self.diags
                    .push(Code::DamagedEnumMember, at.clone(), message);
            }
            return name.to_owned();
        };
        // An intact name of a table without visible damage is the truth: the description's
        // list is compared with it in `check_possible_values` (`possible-values-mismatch`), and
        // may hold `null`, typos or other values. In a visibly damaged table (translated names,
        // unreadable values) intact-looking names may be substitutions too (`ASP` for
        // `active`). On any machine-translated page, an identifier capitalised at the start of
        // a cell (`None` for `none`) is repaired.
        let capitalised = damage.machine_translated
            && name.eq_ignore_ascii_case(english)
            && name.starts_with(|c: char| c.is_ascii_uppercase())
            && english.starts_with(|c: char| c.is_ascii_lowercase());
        if name != english && (!is_identifier(name) || damage.visible || capitalised) {
            let message = format!("member `{name}` differs from the backticked value `{english}` at the same position; `{english}` is used");
            self.diags
                .push(Code::RepairedEnumMember, at.clone(), message);
            return english.to_owned();
        }
        name.to_owned()
    }

    /// The value of member `name`, row `i` of its table: repaired from the row order when it
    /// is unreadable or shifted and the other values follow that order.
    fn member_value(
        &mut self,
        row: &MemberRow,
        i: usize,
        name: &str,
        damage: &Damage,
        at: &Location,
    ) -> Option<i64> {
        let value = damage.values[i];
        match (&row.value, value) {
            (Some(raw), None) if damage.mostly_positional => {
                let message = format!("value `{raw}` of `{name}` is not a number; the other values follow row order, so {i} is used");
                self.diags
                    .push(Code::RepairedEnumMember, at.clone(), message);
                Some(i as i64)
            }
            (Some(raw), None) => {
                let message = format!(
                    "value `{raw}` of `{name}` is not a number and cannot be repaired; left unknown"
                );
                self.diags
                    .push(Code::DamagedEnumMember, at.clone(), message);
                value
            }
            // A shifted value (`3` → `4`) shows as a value twice; distinct values off the row
            // order (`unknownFutureValue` = 127) are real.
            (Some(_), Some(v))
                if damage.mostly_positional
                    && v != i as i64
                    && damage.values.iter().filter(|p| **p == Some(v)).count() > 1 =>
            {
                let message = format!("value {v} of `{name}` is given twice and breaks the row order the other values follow; {i} is used");
                self.diags
                    .push(Code::RepairedEnumMember, at.clone(), message);
                Some(i as i64)
            }
            _ => value,
        }
    }

    /// Reports backticked possible values that are not members of the documented enum they
    /// describe (`possible-values-mismatch`).
    fn check_possible_values(&mut self) {
        for (q, lists) in &self.enum_evidence {
            let Some(d) = self.drafts.get(q) else {
                continue;
            };
            if d.def.kind != Kind::Enum || d.def.origin != Origin::Page || d.def.members.is_empty()
            {
                continue;
            }
            let members: BTreeSet<&str> = d.def.members.iter().map(|m| m.name.as_str()).collect();
            let is_unknown = |v: &str| !members.contains(v) && !Page::is_query_syntax(v);
            if let Some(list) = lists.iter().find(|l| l.iter().any(|v| is_unknown(v))) {
                let unknown: Vec<&str> = list
                    .iter()
                    .map(String::as_str)
                    .filter(|v| is_unknown(v))
                    .collect();
                let at = d.def.source.clone().unwrap_or_default();
                let message =
                    format!("backticked possible values {unknown:?} are not members of `{q}`");
                self.diags.push(Code::PossibleValuesMismatch, at, message);
            }
        }
    }
}

/// The backticked value list that can stand for a members table: as long as the table and, of
/// those, the one that agrees (ignoring case, at the same position) with most intact names.
/// For an undamaged table it must agree with at least half of them: a list of other values
/// that happens to be as long is no evidence.
fn best_value_list<'a>(
    lists: &'a [Vec<String>],
    members: &[MemberRow],
    damaged: bool,
) -> Option<&'a Vec<String>> {
    let intact: Vec<usize> = (0..members.len())
        .filter(|&i| is_identifier(&members[i].name))
        .collect();
    lists
        .iter()
        .rev() // `max_by_key` keeps the last of equals: prefer the first list
        .filter(|l| l.len() == members.len())
        .map(|l| {
            let agree = intact
                .iter()
                .filter(|&&i| l[i].eq_ignore_ascii_case(&members[i].name))
                .count();
            (agree, l)
        })
        .filter(|(agree, _)| damaged || agree * 2 >= intact.len())
        .max_by_key(|(agree, _)| *agree)
        .map(|(_, l)| l)
}

/// Reads an enum value cell, accepting en/em dashes as minus signs.
fn parse_value(raw: &str) -> Option<i64> {
    let cleaned: String = raw
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| {
            if matches!(c, '–' | '—' | '−') {
                '-'
            } else {
                c
            }
        })
        .collect();
    cleaned.parse().ok()
}

#[cfg(test)]
mod tests {
    use crate::diag::Code;
    use crate::parse::parse_page;
    use crate::schema::build;

    #[test]
    fn intact_enums_are_not_repaired_from_unrelated_lists_or_sparse_values() {
        let resource = "<!-- {\"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.x\"} -->\n\n## Properties\n|Property|Type|Description|\n|-|-|-|\n|level|[s](s.md)|Supports `$filter` (`eq`, `ne`, `in`).|\n";
        let en = "# s enum type\n\n## Members\n|Member|Value|Description|\n|-|-|-|\n|low|0|a|\n|high|1|b|\n|unknownFutureValue|127|c|\n";
        let schema = build(&[parse_page("x.md", resource), parse_page("s.md", en)]);
        let s = schema.get("microsoft.graph.s").unwrap();
        let members: Vec<(&str, Option<i64>)> = s
            .members
            .iter()
            .map(|m| (m.name.as_str(), m.value))
            .collect();
        assert_eq!(
            members,
            [
                ("low", Some(0)),
                ("high", Some(1)),
                ("unknownFutureValue", Some(127))
            ]
        );
        assert!(schema
            .diagnostics
            .iter()
            .all(|d| d.code != Code::RepairedEnumMember));
    }

    #[test]
    fn a_shifted_value_given_twice_follows_the_row_order() {
        let ru = "# s enum type\n\n## Members\n|Элемент|Значение|Описание|\n|-|-|-|\n|none|0|a|\n|pending|1|b|\n|canceled|2|c|\n|active|4|d|\n|done|4|e|\n";
        let schema = build(&[parse_page("s.md", ru)]);
        let values: Vec<Option<i64>> = schema
            .get("microsoft.graph.s")
            .unwrap()
            .members
            .iter()
            .map(|m| m.value)
            .collect();
        assert_eq!(values, [Some(0), Some(1), Some(2), Some(3), Some(4)]);
    }
}
