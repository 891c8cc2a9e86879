//! The tables of a page: property and relationship tables (whose rows become [`PropertyRow`]s)
//! and members tables (the page's own enum, or the `### x values` sections, read as
//! [`EnumTable`]s).
//!
//! Columns are found by their header words in any known language ([`locale`]), else by
//! position; a table under Properties without a type column is no property table.

use super::locale;
use super::markdown::{self, Heading, Inline, Table};
use super::page::{take_page_links, EnumTable, MemberRow, Page, PropertyRow};
use super::type_cell::{self, TypeSpec};
use crate::diag::{Code, Diagnostics};

/// Where a table stands.
pub(super) struct TableContext<'a> {
    /// Key of the current H2 (`""` in the intro).
    pub(super) section: &'a str,
    /// The current H3 or deeper heading under it.
    pub(super) sub: Option<&'a Heading>,
    /// True for the first table of the section, right under its H2 (no H3 between): the
    /// section's own table.
    pub(super) first: bool,
    /// The `x values` heading the table stands under and its key, worked out once.
    values: Option<(&'a Heading, String)>,
}

impl<'a> TableContext<'a> {
    /// The context of a table under the H2 `heading` (whose key is `section`) and the deeper
    /// heading `sub`.
    pub(super) fn new(
        section: &'a str,
        heading: Option<&'a Heading>,
        sub: Option<&'a Heading>,
        first: bool,
    ) -> TableContext<'a> {
        // The H3/H4, or an H2 `## x values` with no deeper heading in between
        // (`printercapabilities.md`).
        let values = (sub.or(heading))
            .map(|h| (h, h.key()))
            .filter(|(_, key)| key.ends_with("-values"));
        TableContext {
            section,
            sub,
            first,
            values,
        }
    }

    /// The `x values` heading the table stands under, if any: the H3/H4, or an H2 `## x values`
    /// with no deeper heading in between (`printercapabilities.md`).
    pub(super) fn values_heading(&self) -> Option<&Heading> {
        self.values.as_ref().map(|(h, _)| *h)
    }
}

/// The ASCII identifier in `text` whose lowercase form equals `wanted` (if any), else none.
pub fn identifier_matching(text: &str, wanted: &str) -> Option<String> {
    text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '.'))
        .map(|w| w.trim_matches('.'))
        .find(|w| !w.is_empty() && w.to_ascii_lowercase() == wanted)
        .map(str::to_owned)
}

/// Reads a table standing at `ctx` into the page: a members table into
/// [`Page::enums`], a property or relationship table into [`Page::properties`]; tables
/// elsewhere are skipped.
pub(super) fn read_table(
    page: &mut Page,
    table: Table<'_>,
    ctx: &TableContext<'_>,
    diags: &mut Diagnostics,
) {
    let values_heading = ctx.values.as_ref();
    if ctx.section == "members" || values_heading.is_some() {
        let name = values_heading.map(|(h, key)| {
            let wanted = key.trim_end_matches("-values").replace('-', "");
            identifier_matching(&h.text, &wanted).unwrap_or(wanted)
        });
        // Under `## Members` with an H3 that is not `x values`, the table is still the page's enum.
        let name = if ctx.section == "members" && values_heading.is_none() {
            None
        } else {
            name
        };
        let key = values_heading.map_or_else(|| ctx.section.to_owned(), |(_, key)| key.clone());
        page.enums.push(read_members(table, name, key));
        return;
    }
    let navigation = ctx.section == "relationships";
    if ctx.section != "properties" && !navigation {
        return;
    }
    read_property_table(page, table, navigation, ctx.first, diags);
}

/// Reads the rows of a table under Properties (or Relationships, when `navigation`) into
/// [`Page::properties`], unless it is no property table (too few columns, no type column).
fn read_property_table(
    page: &mut Page,
    table: Table<'_>,
    navigation: bool,
    direct: bool,
    diags: &mut Diagnostics,
) {
    if table.header.len() < 2 {
        diags.push(
            Code::BadTableRow,
            page.at(table.line, 1),
            format!(
                "expected a property table with name and type columns, \
                 found {} column(s); table ignored",
                table.header.len()
            ),
        );
        return;
    }
    let Some((type_col, desc_col)) = property_columns(page, &table, direct) else {
        let header: Vec<&str> = table.header.iter().map(|h| h.text.as_str()).collect();
        diags.push(
            Code::IgnoredTable,
            page.at(table.line, 1),
            format!(
                "the table `{}` under {} has no type column (its header names none and most of \
                 its second cells are not types); not read as properties",
                header.join(" | "),
                if navigation {
                    "Relationships"
                } else {
                    "Properties"
                },
            ),
        );
        return;
    };
    let Table { header, rows, .. } = table;
    page.properties.reserve(rows.len());
    for mut row in rows {
        let filled = row.iter().filter(|c| !c.text.is_empty()).count();
        if filled == 0 {
            continue;
        }
        if filled == 1 && !row[0].text.is_empty() {
            if row[0].is_all_strong() {
                continue; // group row `|**Onboarding**|`
            }
            // A description wrapped onto a line without pipes.
            if let Some(prev) = page
                .properties
                .last_mut()
                .filter(|p| p.line + 1 >= row[0].line.saturating_sub(3))
            {
                prev.description.push(' ');
                prev.description.push_str(&row[0].text);
                prev.code.append(&mut row[0].code);
                continue;
            }
        }
        let name = take_name(&mut row[0]);
        if name.is_empty() {
            diags.push(
                Code::BadTableRow,
                page.at(row[0].line, row[0].column),
                "expected a property name in the first cell, found none; row ignored",
            );
            continue;
        }
        let type_cell = row
            .get_mut(type_col)
            .map(std::mem::take)
            .unwrap_or_default();
        let mut desc = desc_col
            .and_then(|c| row.get_mut(c))
            .map(std::mem::take)
            .unwrap_or_default();
        let mut description_links = take_page_links(&mut desc);
        let mut description = desc.text;
        let mut code = desc.code;
        for (i, extra) in row.iter_mut().enumerate().skip(1) {
            if i != type_col && Some(i) != desc_col && !extra.text.is_empty() {
                let header = header.get(i).map_or("", |h| h.text.trim());
                description.push_str(&format!(" {header}: {}.", extra.text));
                code.append(&mut extra.code);
                description_links.extend(take_page_links(extra));
            }
        }
        page.properties.push(PropertyRow {
            name,
            name_translated: false,
            ty: type_cell::parse(&type_cell),
            type_text: type_cell.text,
            description,
            code,
            description_links,
            navigation,
            line: row[0].line,
            column: 1,
        });
    }
}

/// [`clean_name`] of a cell that is not read again: a plain name gives its text up instead of
/// being copied.
fn take_name(cell: &mut Inline<'_>) -> String {
    if is_plain_name(&cell.text) {
        return std::mem::take(&mut cell.text);
    }
    clean_name_text(&cell.text)
}

/// True for a name cell that is its own name (most are): nothing to trim or split.
fn is_plain_name(text: &str) -> bool {
    text.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

/// The property name in a name cell: `**x**;` → `x`, `name (deprecated)` → `name`.
fn clean_name(cell: &Inline) -> String {
    if is_plain_name(&cell.text) {
        return cell.text.clone();
    }
    clean_name_text(&cell.text)
}

/// [`clean_name`] of a cell's text, by the general rule.
fn clean_name_text(text: &str) -> String {
    let text =
        text.trim_matches(|c: char| markdown::is_blank(c) || c == ';' || c == '*' || c == '`');
    // `name (deprecated)`, `name - note`: the first token.
    let first = text
        .split(|c: char| markdown::is_blank(c) || c == '(')
        .next()
        .unwrap_or("");
    first
        .trim_matches(|c: char| c == ';' || c == ',' || c == '.' || c == '*' || c == '`')
        .to_owned()
}

/// True when at least a third of the first cells of `table` (and at least two) name keys of
/// the page's JSON block: a property table whatever its header words (no values, limits or
/// derived-types table lists JSON keys; a property table may list more rows than the block
/// shows).
pub(super) fn first_cells_are_keys(page: &Page, table: &Table) -> bool {
    let Some(json) = page.json.as_ref() else {
        return false;
    };
    let names: Vec<String> = table
        .rows
        .iter()
        .filter_map(|r| r.first())
        .filter(|c| !c.text.trim().is_empty() && !c.is_all_strong())
        .map(clean_name)
        .collect();
    let keys = names
        .iter()
        .filter(|n| json.object.contains_key(n.as_str()))
        .count();
    keys >= 2 && keys * 3 >= names.len()
}

/// True when `table`, under a sub-heading of the Properties section, names none of the page's
/// JSON keys while rows read before it do: it describes something else (the settings inside a
/// policy's `definition` string, say), not the type.
pub(super) fn describes_something_else(page: &Page, table: &Table) -> bool {
    let Some(json) = page.json.as_ref() else {
        return false;
    };
    let is_key = |name: &str| json.object.keys().any(|k| k.eq_ignore_ascii_case(name));
    let names: Vec<String> = table
        .rows
        .iter()
        .filter_map(|r| r.first())
        .filter(|c| !c.text.trim().is_empty() && !c.is_all_strong())
        .map(clean_name)
        .collect();
    !names.is_empty()
        && !names.iter().any(|n| is_key(n))
        && page.properties.iter().any(|r| is_key(&r.name))
}

/// True when most of the second cells of `table` are short (a few words, as type cells are),
/// not prose.
fn second_cells_are_short(table: &Table) -> bool {
    let cells: Vec<&Inline> = table.rows.iter().filter_map(|r| r.get(1)).collect();
    let short = cells
        .iter()
        .filter(|c| c.text.split_whitespace().count() <= 4)
        .count();
    short * 2 > cells.len()
}

/// The type and description columns of a property table, located by header words
/// ([`locale::is_type_header`]), else by position (name, type, description). A table whose
/// header names no type column (a header in another language) is still a property table when
/// its second cells are short and it stands right under the section's H2 (`direct`) or its
/// first cells are JSON keys ([`first_cells_are_keys`]); one whose second cells are mostly
/// not primitives, links or qualified names either (a list of values, derived types or limits
/// standing under an H3 of Properties) is no property table: `None`.
fn property_columns(page: &Page, table: &Table, direct: bool) -> Option<(usize, Option<usize>)> {
    let find = |wanted: fn(&str) -> bool| {
        table
            .header
            .iter()
            .skip(1)
            .position(|h| wanted(&h.text))
            .map(|i| i + 1)
    };
    let type_col = match find(locale::is_type_header) {
        Some(c) => c,
        None if (direct || first_cells_are_keys(page, table)) && second_cells_are_short(table) => 1,
        None => {
            let rows: Vec<&Vec<Inline>> = table
                .rows
                .iter()
                .filter(|r| r.iter().filter(|c| !c.text.is_empty()).count() >= 2)
                .collect();
            // Bare words (`Red`, `Yes`, `read`) read as type names anywhere: only primitives,
            // links and qualified names count as evidence of a type column.
            let typed = rows
                .iter()
                .filter(|r| match type_cell::parse(&r[1]).spec {
                    TypeSpec::Primitive(_) | TypeSpec::Link { .. } => true,
                    TypeSpec::Name(n) => n.contains('.'),
                    TypeSpec::Unknown(_) => false,
                })
                .count();
            if rows.is_empty() || typed * 2 < rows.len() {
                return None;
            }
            1
        }
    };
    let desc_col = find(locale::is_description_header)
        .or_else(|| (table.header.len() >= 3 && type_col != 2).then_some(2));
    Some((type_col, desc_col))
}

/// Reads a members table as the enum `name` (`None` for the page's own enum) under the section
/// `key`. The value column is found by position and content; group rows are skipped.
fn read_members(table: Table<'_>, name: Option<String>, key: String) -> EnumTable {
    let cols = table.header.len();
    // Column 1 holds values when there are three or more columns, or when most of its cells
    // contain a digit (`Member|Value` without description).
    let value_col = if cols >= 3 {
        Some(1)
    } else if cols == 2 {
        let digits = table
            .rows
            .iter()
            .filter(|r| {
                r.get(1)
                    .is_some_and(|c| c.text.chars().any(|ch| ch.is_ascii_digit()))
            })
            .count();
        (digits * 2 > table.rows.len()).then_some(1)
    } else {
        None
    };
    let desc_col = match (cols, value_col) {
        (c, Some(_)) if c >= 3 => Some(c - 1),
        (2, None) => Some(1),
        _ => None,
    };
    let members = table
        .rows
        .into_iter()
        .filter(|r| {
            r.first()
                .is_some_and(|c| !c.text.is_empty() && !c.is_all_strong())
        })
        .map(|mut r| MemberRow {
            name: r[0]
                .text
                .trim_matches(|c: char| markdown::is_blank(c) || matches!(c, '`' | '*' | ';'))
                .to_owned(),
            value: value_col
                .and_then(|c| r.get_mut(c))
                .map(|c| std::mem::take(&mut c.text)),
            description: desc_col
                .and_then(|c| r.get_mut(c))
                .map(|c| std::mem::take(&mut c.text))
                .unwrap_or_default(),
            line: r[0].line,
        })
        .collect();
    EnumTable {
        name,
        key,
        members,
        line: table.line,
    }
}

#[cfg(test)]
mod tests {
    use crate::diag::Code;
    use crate::parse::{parse_page, PageClass, TypeSpec};

    #[test]
    fn a_plain_name_cell_is_its_name_by_the_general_rule_too() {
        for text in [
            "displayName",
            "id",
            "_x1",
            "",
            "**x**;",
            "name (deprecated)",
            "name - note",
            "`a_b`",
            "x.",
            "Имя",
            "@odata.type",
        ] {
            let mut cell = crate::parse::markdown::Inline {
                text: text.to_owned(),
                ..Default::default()
            };
            assert_eq!(
                super::clean_name(&cell),
                super::clean_name_text(text),
                "{text}"
            );
            assert_eq!(super::take_name(&mut cell), super::clean_name_text(text));
        }
    }

    #[test]
    fn enum_page_with_damaged_members() {
        let text = "---\ndoc_type: enumPageType\n---\n# <a name=\"actionstate-enum-type\"></a>тип enum actionState\n\n## <a name=\"members\"></a>Элементы\n|Элемент|Значение|Описание|\n|:---|:---|:---|\n|нет|0|x|\n|done|4 |y|\n";
        let page = parse_page("x/intune-devices-actionstate.md", text);
        assert_eq!(page.class, PageClass::Enum);
        assert_eq!(page.enums[0].members[1].name, "done");
        assert_eq!(page.enums[0].members[1].value.as_deref(), Some("4"));
        assert_eq!(page.enums[0].members[0].line, 9);
    }

    #[test]
    fn inline_values_tables_and_continuations() {
        let text = "<!-- {\"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.x\"} -->\n\n## Properties\n|Property|Type|Description|\n|:-|:-|:-|\n|ageGroup|[ageGroup](#agegroup-values)|The group\ncontinued here.|\n|**Group**|\n\n### ageGroup values\n|Member|Value|Description|\n|-|-|-|\n|minor|0|A minor.|\n";
        let page = parse_page("x.md", text);
        assert_eq!(page.properties.len(), 1);
        assert!(
            page.properties[0].description.ends_with("continued here."),
            "{:?}",
            page.properties[0]
        );
        assert_eq!(page.enums[0].name.as_deref(), Some("ageGroup"));
        assert_eq!(page.enums[0].key, "agegroup-values");
    }

    #[test]
    fn values_table_under_an_h2() {
        let text = "<!-- {\"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.p\"} -->\n## Properties\n|Property|Type|Description|\n|-|-|-|\n|feed|printerFeedOrientation|x|\n\n## printerFeedOrientation values\n\n|Member|Description|\n|-|-|\n|longEdgeFirst|x|\n\n### printQuality values\n\n|Member|Description|\n|-|-|\n|low|x|\n";
        let page = parse_page("printercapabilities.md", text);
        let names: Vec<_> = page.enums.iter().map(|e| e.name.as_deref()).collect();
        assert_eq!(
            names,
            [Some("printerFeedOrientation"), Some("printQuality")]
        );
        assert_eq!(page.enums[0].key, "printerfeedorientation-values");
        assert_eq!(page.properties.len(), 1);
    }

    #[test]
    fn tables_without_a_type_column_are_not_properties() {
        let text = "<!-- {\"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.group\"} -->\n## Properties\n|Property|Type|Description|\n|-|-|-|\n|visibility|String|See below.|\n\n### Colors\n\n| Pre-set constant\t| Color mapped to in Outlook |\n|:---|:---|\n| Preset0 | Red |\n| Preset1 | Orange |\n\n### Group visibility options\n\n|Value|Description|\n|:----|-----------|\n| Public | Anyone can join the group.|\n| Private | Owner permission is needed.|\n\n### Derived types\n\n| Type | Description |\n|-|-|\n| [a](a.md) | Audio quality data. |\n\n### Limits\n\n| Resource | Maximum expiration time |\n|-|-|\n| Teams **chat** | 60 minutes (1 hour) |\n";
        let page = parse_page("group.md", text);
        let names: Vec<_> = page.properties.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["visibility"]);
        let ignored: Vec<u32> = page
            .diagnostics
            .iter()
            .filter(|d| d.code == Code::IgnoredTable)
            .map(|d| d.location.line)
            .collect();
        assert_eq!(ignored, [9, 16, 23, 29]);
    }

    #[test]
    fn columns_are_located_by_header_words_else_by_position() {
        // An older layout with Required/Nullable between type and description.
        let text = "<!-- {\"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.idp\"} -->\n## Properties\n|Property|Type|Required|Nullable|Description|\n|-|-|-|-|-|\n|name|String|Yes|No|The name.|\n";
        let page = parse_page("identityprovider.md", text);
        let p = &page.properties[0];
        assert_eq!(
            p.ty.spec,
            TypeSpec::Primitive(crate::primitive::Primitive::String)
        );
        assert_eq!(p.description, "The name. Required: Yes. Nullable: No.");
        // Unknown header words (another locale): by position, because the cells read as types.
        let text = "<!-- {\"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.x\"} -->\n## Properties\n|Eigenschaft|Typ|Beschreibung|\n|-|-|-|\n|name|String|Der Name.|\n|count|Int32|Die Zahl.|\n";
        let page = parse_page("x.md", text);
        assert_eq!(page.properties.len(), 2);
        assert_eq!(page.properties[1].description, "Die Zahl.");
        // Padded, TAB- and NBSP-separated cells, no outer pipes, escaped pipe and a pipe in code.
        let text = "<!-- {\"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.x\"} -->\n## Properties\nProperty\t| Type\u{a0}|Description\n:---|:---|:---\n  name\u{a0} |\tString\t| Files (*.mobileconfig \\| *.xml) or `|`.\n";
        let page = parse_page("x.md", text);
        let p = &page.properties[0];
        assert_eq!(p.name, "name");
        assert_eq!(
            p.ty.spec,
            TypeSpec::Primitive(crate::primitive::Primitive::String)
        );
        assert_eq!(p.description, "Files (*.mobileconfig | *.xml) or |.");
    }

    #[test]
    fn property_tables_are_known_by_place_and_rows_not_header_words() {
        // A header in another language, type cells the seed cannot read: the first table
        // under Properties is read by position; the second (a list of values) is not.
        let text = "<!-- {\"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.x\"} -->\n## <a name=\"properties\"></a>Свойства\n|Имя|Вид|Описание|\n|-|-|-|\n|name|Мирафо|Имя.|\n|color|Мирафо|Цвет.|\n\n|Константа|Цвет|\n|-|-|\n|Preset0|Red|\n";
        let page = parse_page("x.md", text);
        let names: Vec<&str> = page.properties.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["name", "color"]);
        assert_eq!(page.properties[0].description, "Имя.");
        assert!(page
            .diagnostics
            .iter()
            .any(|d| d.code == Code::IgnoredTable));
        // No Properties section at all (`## x Properties`): the table whose first cells are
        // the JSON block's keys.
        let text = "# x\n\n## operationError Properties\n|Property|Type|Description|\n|-|-|-|\n|code|string (readonly)|The code.|\n|message|string|The message.|\n\n## Methods\n|Method|Return|\n|-|-|\n|[Get](../api/x-get.md)|x|\n\n## JSON representation\n<!-- {\"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.x\"} -->\n```json\n{\"code\": \"String\", \"message\": \"String\"}\n```\n";
        let page = parse_page("x.md", text);
        let names: Vec<&str> = page.properties.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["code", "message"]);
    }

    #[test]
    fn a_sub_table_naming_no_json_key_describes_something_else() {
        let text = "# tokenLifetimePolicy\n\n## Properties\n|Property|Type|Description|\n|-|-|-|\n|id|String|x|\n|definition|String collection|x|\n\n### Properties of a policy definition\n|Property|Type|Description|\n|-|-|-|\n|AccessTokenLifetime|String|x|\n|Version|Integer|x|\n\n### More properties\n|Property|Type|Description|\n|-|-|-|\n|displayName|String|x|\n\n## JSON representation\n<!-- {\"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.tokenLifetimePolicy\"} -->\n```json\n{\"id\": \"s\", \"definition\": [\"s\"], \"displayName\": \"s\"}\n```\n";
        let page = parse_page("tokenlifetimepolicy.md", text);
        let names: Vec<&str> = page.properties.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(names, ["id", "definition", "displayName"]);
        assert_eq!(
            page.diagnostics
                .iter()
                .filter(|d| d.code == Code::IgnoredTable)
                .count(),
            1
        );
    }
}
