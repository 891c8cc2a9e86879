//! A located block list → a [`Page`]: what one docs page says about types, with every piece of
//! structural evidence kept for the schema stage to weigh.

use super::json_block;
use super::locale;
use super::markdown::{self, Block, Heading, Inline, Table};
use super::raw_tables;
use super::type_cell::{self, Target, TypeCell, TypeSpec};
use crate::diag::{Code, Diagnostic, Location};
use crate::docs_text::is_identifier;
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// What kind of page this is, decided by content (the `doc_type` front matter is only a hint).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum PageClass {
    /// Declares one entity or complex type (resource annotation or property table).
    Resource,
    /// Declares one enum (members table).
    Enum,
    /// Declares several enums (`### x values` sections, e.g. `enums.md`).
    MultiEnum,
    /// Declares no type (overview, conceptual page).
    Other,
}

/// The machine-readable annotation before the JSON block:
/// `<!-- { "blockType": "resource", "@odata.type": "microsoft.graph.x", ... } -->`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Annotation {
    /// The qualified type name (`microsoft.graph.x`), from `@odata.type` or the older `@type`.
    pub odata_type: Option<String>,
    /// `baseType`: `None` when absent, `Some(None)` when `null`.
    pub base_type: Option<Option<String>>,
    /// `keyProperty` (entity types).
    pub key_property: Option<String>,
    /// `openType: true`.
    pub open_type: bool,
    /// `abstract: true` (or `"true"`, or `isAbstract`).
    pub is_abstract: bool,
    /// 1-based line of the comment.
    pub line: u32,
}

/// The JSON representation block.
#[derive(Debug, Clone, PartialEq)]
pub struct JsonBlock {
    /// The top-level object, keys in document order.
    pub object: Map<String, Value>,
    /// 1-based line of the first line of the block.
    pub line: u32,
}

/// A link with its resolved target.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkRef {
    /// The link text.
    pub text: String,
    /// Where it points.
    pub target: Target,
    /// 1-based line.
    pub line: u32,
}

/// One row of a property or relationship table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PropertyRow {
    /// The name cell, cleaned (`**x**;` → `x`, `name (deprecated)` → `name`). May be translated.
    pub name: String,
    /// The type cell.
    pub ty: TypeCell,
    /// The raw type cell text (for messages).
    pub type_text: String,
    /// The description (continuation lines appended; extra columns appended as `Header: value`).
    pub description: String,
    /// Backticked tokens of the description, in order (possible values survive translation).
    pub code: Vec<String>,
    /// Page links in the description (an "Inherited from [x](x.md)" marker is one of them).
    pub description_links: Vec<LinkRef>,
    /// True for rows of the relationships table (navigation properties).
    pub navigation: bool,
    /// 1-based line and column of the row.
    pub line: u32,
    /// 1-based column of the row's first cell.
    pub column: u32,
}

/// One row of an enum members table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MemberRow {
    /// The member cell as written (may be translated).
    pub name: String,
    /// The value cell as written (`0`, `нуль`, `1,1`), if the table has one.
    pub value: Option<String>,
    /// The description.
    pub description: String,
    /// 1-based line.
    pub line: u32,
}

/// A members table: the page's own enum, or a `### x values` section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EnumTable {
    /// The enum name from a `### x values` heading; `None` for the page's own enum.
    pub name: Option<String>,
    /// The section key (anchor or slug) of the heading above the table.
    pub key: String,
    /// The rows.
    pub members: Vec<MemberRow>,
    /// 1-based line of the table.
    pub line: u32,
}

/// Everything one page says, before any cross-page resolution.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    /// The path as the user named it.
    pub path: String,
    /// Lowercase file stem (how other pages link to this one).
    pub stem: String,
    /// Classification by content.
    pub class: PageClass,
    /// Front matter `key: value` pairs (empty when absent or unreadable).
    pub front_matter: BTreeMap<String, String>,
    /// The first H1, if any (unreliable as a name source; used as a hint for enum pages).
    pub h1: Option<Heading>,
    /// A `microsoft.graph...` namespace token from the intro, if any.
    pub namespace: Option<String>,
    /// The resource annotation.
    pub annotation: Option<Annotation>,
    /// The JSON representation block.
    pub json: Option<JsonBlock>,
    /// The base type link of the inheritance sentence.
    pub base_link: Option<LinkRef>,
    /// The first descriptive intro paragraph.
    pub description: String,
    /// Property rows (properties tables), then navigation rows (relationships tables).
    pub properties: Vec<PropertyRow>,
    /// Members tables.
    pub enums: Vec<EnumTable>,
    /// Problems found on this page.
    pub diagnostics: Vec<Diagnostic>,
}

impl Page {
    /// A location on this page.
    pub fn at(&self, line: u32, column: u32) -> Location {
        Location {
            file: self.path.clone(),
            line,
            column,
        }
    }

    /// The page's backticked value list for a property, filtered to identifier-like tokens.
    /// It may include OData query syntax (``Supports `$filter` (`eq`, `ne`)``): see
    /// [`Page::is_query_syntax`].
    pub fn possible_values(row: &PropertyRow) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for c in &row.code {
            let c = c.trim();
            if is_identifier(c) && seen.insert(c) {
                out.push(c.to_owned());
            }
        }
        out
    }
}

impl Page {
    /// True for backticked tokens that descriptions use as OData query syntax rather than as
    /// values (`eq`, `ne`, `null`, ...). A few enums do have such members, so value lists are
    /// tried with and without them.
    pub fn is_query_syntax(token: &str) -> bool {
        const QUERY_SYNTAX: &[&str] = &[
            "eq",
            "ne",
            "gt",
            "ge",
            "lt",
            "le",
            "startsWith",
            "endsWith",
            "null",
            "true",
            "false",
        ];
        QUERY_SYNTAX.contains(&token)
    }
}

/// Splits off front matter. Returns the pairs and the byte offset where the body starts.
fn front_matter(
    text: &str,
    path: &str,
    diags: &mut Vec<Diagnostic>,
) -> (BTreeMap<String, String>, usize) {
    let mut map = BTreeMap::new();
    let first_line_end = text.find('\n').unwrap_or(text.len());
    if text[..first_line_end].trim_end() != "---" {
        return (map, 0);
    }
    let mut offset = first_line_end + 1;
    let mut line_no = 1u32;
    while offset <= text.len() {
        let end = text[offset..].find('\n').map_or(text.len(), |e| offset + e);
        let line = text[offset..end].trim_end_matches('\r');
        line_no += 1;
        if line.trim_end() == "---" {
            return (map, (end + 1).min(text.len()));
        }
        match line.split_once(':') {
            Some((k, v)) if !k.trim().is_empty() && !k.contains(' ') => {
                let v = v.trim().trim_matches('"').trim_matches('\'').to_owned();
                map.insert(k.trim().to_owned(), v);
            }
            _ if line.trim().is_empty() => {}
            _ => {
                diags.push(Diagnostic::new(
                    Code::BadFrontMatter,
                    Location { file: path.to_owned(), line: line_no, column: 1 },
                    format!("expected a `key: value` front matter line, found `{}`; front matter ignored", line.trim()),
                ));
                map.clear();
            }
        }
        if end >= text.len() {
            break;
        }
        offset = end + 1;
    }
    // No closing `---`: treat as absent, parse the whole text as Markdown.
    diags.push(Diagnostic::new(
        Code::BadFrontMatter,
        Location {
            file: path.to_owned(),
            line: 1,
            column: 1,
        },
        "front matter opened with `---` is never closed; front matter ignored",
    ));
    (BTreeMap::new(), 0)
}

fn parse_annotation(
    text: &str,
    line: u32,
    path: &str,
    diags: &mut Vec<Diagnostic>,
) -> Option<Annotation> {
    let trimmed = text.trim();
    if !trimmed.starts_with('{') {
        return None;
    }
    let object = match json_block::read(trimmed) {
        Ok(t) => match t.value {
            Value::Object(o) => o,
            _ => return None,
        },
        Err(e) => {
            // Only complain about comments that look like resource annotations.
            if trimmed.contains("\"resource\"") || trimmed.contains("resource&quot;") {
                diags.push(Diagnostic::new(
                    Code::BadAnnotation,
                    Location {
                        file: path.to_owned(),
                        line,
                        column: 1,
                    },
                    format!("the resource annotation is not JSON even after repairs: {e}"),
                ));
            }
            return None;
        }
    };
    let block_type = object.get("blockType").and_then(Value::as_str);
    let odata_type = object
        .get("@odata.type")
        .or_else(|| object.get("@type"))
        .and_then(Value::as_str);
    if block_type != Some("resource") && !(block_type.is_none() && odata_type.is_some()) {
        return None;
    }
    let truthy = |key: &str| {
        matches!(object.get(key), Some(Value::Bool(true)))
            || object.get(key).and_then(Value::as_str) == Some("true")
    };
    Some(Annotation {
        odata_type: odata_type.map(|s| s.trim().trim_start_matches('#').to_owned()),
        base_type: object.get("baseType").map(|v| {
            v.as_str()
                .map(|s| s.trim().trim_start_matches('#').to_owned())
        }),
        key_property: object
            .get("keyProperty")
            .and_then(Value::as_str)
            .map(str::to_owned),
        open_type: truthy("openType"),
        is_abstract: truthy("abstract") || truthy("isAbstract"),
        line,
    })
}

/// The ASCII identifier in `text` whose lowercase form equals `wanted` (if any), else none.
pub fn identifier_matching(text: &str, wanted: &str) -> Option<String> {
    text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '.'))
        .map(|w| w.trim_matches('.'))
        .find(|w| !w.is_empty() && w.to_ascii_lowercase() == wanted)
        .map(str::to_owned)
}

fn clean_name(cell: &Inline) -> String {
    let text = cell
        .text
        .trim_matches(|c: char| markdown::is_blank(c) || c == ';' || c == '*' || c == '`');
    // `name (deprecated)`, `name - note`: the first token.
    let first = text
        .split(|c: char| markdown::is_blank(c) || c == '(')
        .next()
        .unwrap_or("");
    first
        .trim_matches(|c: char| c == ';' || c == ',' || c == '.' || c == '*' || c == '`')
        .to_owned()
}

fn page_links(inline: &Inline) -> Vec<LinkRef> {
    inline
        .links
        .iter()
        .map(|l| LinkRef {
            text: l.text.clone(),
            target: Target::from_dest(&l.dest),
            line: inline.line,
        })
        .filter(|l| matches!(l.target, Target::Page { .. }))
        .collect()
}

/// Where a table stands.
struct TableContext<'a> {
    /// Key of the current H2 (`""` in the intro).
    section: &'a str,
    /// The current H2 itself.
    heading: Option<&'a Heading>,
    /// The current H3 or deeper heading under it.
    sub: Option<&'a Heading>,
}

impl TableContext<'_> {
    /// The `x values` heading the table stands under, if any: the H3/H4, or an H2 `## x values`
    /// with no deeper heading in between (`printercapabilities.md`).
    fn values_heading(&self) -> Option<&Heading> {
        match self.sub {
            Some(h) => Some(h).filter(|h| h.key().ends_with("-values")),
            None => self.heading.filter(|h| h.key().ends_with("-values")),
        }
    }
}

/// Parses one page. Never fails: problems become diagnostics on the page.
pub fn parse_page(path: &str, text: &str) -> Page {
    let mut diagnostics = Vec::new();
    let stem = std::path::Path::new(path)
        .file_stem()
        .map(|s| s.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    // A BOM is not content.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let (front_matter, body) = front_matter(text, path, &mut diagnostics);
    let defused = raw_tables::defuse_wide_tables(text);
    for &(line, columns) in defused.as_ref().map_or(&[][..], |(_, l)| l) {
        diagnostics.push(Diagnostic::new(
            Code::BadTableRow,
            Location {
                file: path.to_owned(),
                line,
                column: 1,
            },
            format!(
                "a table delimiter row of {columns} columns (at most {} are read); table ignored",
                raw_tables::MAX_TABLE_COLUMNS
            ),
        ));
    }
    let text = defused.as_ref().map_or(text, |(t, _)| t.as_str());
    let blocks = markdown::blocks(text, body);

    let mut page = Page {
        path: path.to_owned(),
        stem,
        class: PageClass::Other,
        front_matter,
        h1: None,
        namespace: None,
        annotation: None,
        json: None,
        base_link: None,
        description: String::new(),
        properties: Vec::new(),
        enums: Vec::new(),
        diagnostics: Vec::new(),
    };

    let mut section = String::new(); // key of the current H2 ("" = intro)
    let mut section_heading: Option<Heading> = None;
    let mut sub: Option<Heading> = None; // current H3/H4
    let mut intro: Vec<Inline> = Vec::new();
    let mut annotation_seen = false;
    let mut intro_tables: Vec<Table> = Vec::new();
    let mut has_properties_section = false;

    for block in blocks {
        match block {
            Block::Heading(h) => match h.level {
                1 => {
                    if page.h1.is_none() && !h.text.starts_with('[') {
                        page.h1 = Some(h);
                    }
                }
                2 => {
                    section = h.key();
                    section_heading = Some(h);
                    sub = None;
                    has_properties_section |= section == "properties";
                }
                _ => sub = Some(h),
            },
            Block::Paragraph { inline, quoted } => {
                if section.is_empty() && !quoted {
                    intro.push(inline);
                }
            }
            Block::Comment { text, line } => {
                if page.annotation.is_none() {
                    if let Some(a) = parse_annotation(&text, line, path, &mut diagnostics) {
                        page.annotation = Some(a);
                        annotation_seen = true;
                    }
                }
            }
            Block::Code { info, text, line } => {
                let is_json = info.to_ascii_lowercase().contains("json")
                    || text.trim_start().starts_with('{');
                let in_json_section = section.starts_with("json");
                if page.json.is_none()
                    && is_json
                    && (in_json_section || annotation_seen)
                    && text.trim_start().starts_with('{')
                {
                    match json_block::read(&text) {
                        Ok(t) => {
                            if t.repaired {
                                diagnostics.push(Diagnostic::new(
                                    Code::RepairedJson,
                                    Location { file: path.to_owned(), line, column: 1 },
                                    "the JSON representation is not strict JSON (comments, trailing commas or entities); read after repairs",
                                ));
                            }
                            if let Value::Object(mut object) = t.value {
                                if object.keys().any(|k| k.trim() != k) {
                                    diagnostics.push(Diagnostic::new(
                                        Code::RepairedJson,
                                        Location { file: path.to_owned(), line, column: 1 },
                                        "keys of the JSON representation have surrounding spaces (`\"rank \"`); read trimmed",
                                    ));
                                    object = object
                                        .into_iter()
                                        .map(|(k, v)| (k.trim().to_owned(), v))
                                        .collect();
                                }
                                page.json = Some(JsonBlock { object, line });
                            }
                        }
                        Err(e) => diagnostics.push(Diagnostic::new(
                            Code::BadJsonBlock,
                            Location { file: path.to_owned(), line: line + e.line().saturating_sub(1) as u32, column: e.column() as u32 },
                            format!("the JSON representation is not JSON even after repairs ({e}); the tables alone are used"),
                        )),
                    }
                }
            }
            Block::Table(table) => {
                let ctx = TableContext {
                    section: &section,
                    heading: section_heading.as_ref(),
                    sub: sub.as_ref(),
                };
                // Multi-enum pages (`enums.md`) have no H2: their `### x values` tables stand in
                // the intro.
                if section.is_empty() && ctx.values_heading().is_none() {
                    intro_tables.push(table);
                    continue;
                }
                read_table(&mut page, table, &ctx, &mut diagnostics);
            }
        }
    }
    // Property tables in the intro of pages with no Properties heading.
    if !has_properties_section {
        for table in intro_tables {
            if table.header.len() >= 2 {
                let ctx = TableContext {
                    section: "properties",
                    heading: None,
                    sub: None,
                };
                read_table(&mut page, table, &ctx, &mut diagnostics);
            }
        }
    }
    read_intro(&mut page, &intro);
    page.class = classify(&page);
    page.diagnostics = diagnostics;
    page
}

fn read_intro(page: &mut Page, intro: &[Inline]) {
    let inherited_stems = inherited_stems(&page.properties);
    for para in intro {
        let text = para.text.trim();
        if page.namespace.is_none() {
            if let Some(ns) = text
                .split(|c: char| c.is_whitespace() || c == ',' || c == ';')
                .find(|w| w.to_ascii_lowercase().starts_with("microsoft.graph"))
            {
                page.namespace = Some(ns.trim_end_matches('.').to_owned());
                continue;
            }
        }
        let links = page_links(para);
        if page.base_link.is_none() && !links.is_empty() {
            // The inheritance sentence: a marker word, then the link (in the sentence of the
            // marker, short: at most 60 characters besides the link texts, in any script); or,
            // in a locale the table does not know, a short single-link paragraph whose link the
            // inherited rows point to as well.
            let short = |t: &str, links: &[&LinkRef]| {
                let link_chars: usize = links.iter().map(|l| l.text.chars().count()).sum();
                t.chars().count().saturating_sub(link_chars) <= 60
            };
            let marked = sentences(text).find_map(|sentence| {
                let at = locale::inheritance_marker(sentence)?;
                if locale::turns_inheritance_around(sentence) {
                    return None;
                }
                // The first link after the marker (the longest of those starting there).
                let after = &sentence[at..];
                let base = links
                    .iter()
                    .filter(|l| !l.text.is_empty())
                    .filter_map(|l| Some((after.find(l.text.as_str())?, l)))
                    .min_by_key(|(p, l)| (*p, std::cmp::Reverse(l.text.len())))?
                    .1;
                let inside: Vec<&LinkRef> = links
                    .iter()
                    .filter(|l| sentence.contains(l.text.as_str()))
                    .collect();
                short(sentence, &inside).then_some(base)
            });
            let all: Vec<&LinkRef> = links.iter().collect();
            let corroborated = links.len() == 1
                && short(text, &all)
                && links[0]
                    .target
                    .stem()
                    .is_some_and(|s| inherited_stems.contains(&s));
            if let Some(base) = marked.or(corroborated.then(|| &links[0])) {
                page.base_link = Some(base.clone());
                continue;
            }
        }
        if page.description.is_empty() && !text.starts_with("[!") && !text.is_empty() {
            page.description = text.to_owned();
        }
    }
}

/// The sentences of a paragraph: split after `.`, `!` or `?` followed by a space.
fn sentences(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let end = rest
            .char_indices()
            .find(|&(i, c)| {
                matches!(c, '.' | '!' | '?')
                    && rest[i + 1..].starts_with(|n: char| n.is_whitespace())
            })
            .map_or(rest.len(), |(i, _)| i + 1);
        let (sentence, tail) = rest.split_at(end);
        rest = tail.trim_start();
        Some(sentence)
    })
}

/// Pages that rows are marked as inherited from: rows whose description ends with a link to the
/// page, in a sentence of at most four words before it (`Inherited from [entity](entity.md).`,
/// `Наследуется от [объекта](entity.md)`) that is a known inheritance marker or that at least
/// two rows share (a marker in a language the locale table does not know).
fn inherited_stems(rows: &[PropertyRow]) -> Vec<&str> {
    let mut phrases: BTreeMap<(&str, String), usize> = BTreeMap::new();
    for row in rows {
        let Some(last) = row.description_links.last() else {
            continue;
        };
        let Some(stem) = last.target.stem() else {
            continue;
        };
        let end = row
            .description
            .trim_end_matches(|c: char| markdown::is_blank(c) || matches!(c, '.' | ')' | ';'));
        let Some(before) = end.strip_suffix(last.text.as_str()) else {
            continue;
        };
        let start = before.rfind(['.', '!', '?', ';']).map_or(0, |i| i + 1);
        let phrase = before[start..].trim();
        if !phrase.is_empty() && phrase.split_whitespace().count() <= 4 {
            *phrases.entry((stem, phrase.to_lowercase())).or_insert(0) += 1;
        }
    }
    let mut stems: Vec<&str> = phrases
        .into_iter()
        .filter(|((_, phrase), n)| *n >= 2 || locale::mentions_inheritance(phrase))
        .map(|((stem, _), _)| stem)
        .collect();
    stems.dedup();
    stems
}

fn classify(page: &Page) -> PageClass {
    let named_enums = page.enums.iter().filter(|e| e.name.is_some()).count();
    let own_enum = page.enums.iter().any(|e| e.name.is_none());
    if page
        .annotation
        .as_ref()
        .is_some_and(|a| a.odata_type.is_some())
    {
        PageClass::Resource
    } else if own_enum {
        PageClass::Enum
    } else if named_enums > 0 && page.properties.is_empty() {
        PageClass::MultiEnum
    } else if !page.properties.is_empty() && page.json.is_some() {
        PageClass::Resource
    } else {
        PageClass::Other
    }
}

fn read_table(page: &mut Page, table: Table, ctx: &TableContext<'_>, diags: &mut Vec<Diagnostic>) {
    let values_heading = ctx.values_heading();
    if ctx.section == "members" || values_heading.is_some() {
        let name = values_heading.map(|h| {
            let wanted = h.key().trim_end_matches("-values").replace('-', "");
            identifier_matching(&h.text, &wanted).unwrap_or(wanted)
        });
        // Under `## Members` with an H3 that is not `x values`, the table is still the page's enum.
        let name = if ctx.section == "members" && values_heading.is_none() {
            None
        } else {
            name
        };
        let key = values_heading.map_or_else(|| ctx.section.to_owned(), Heading::key);
        page.enums.push(read_members(table, name, key));
        return;
    }
    let navigation = ctx.section == "relationships";
    if ctx.section != "properties" && !navigation {
        return;
    }
    if table.header.len() < 2 {
        diags.push(Diagnostic::new(
            Code::BadTableRow,
            page.at(table.line, 1),
            format!("expected a property table with name and type columns, found {} column(s); table ignored", table.header.len()),
        ));
        return;
    }
    let Some((type_col, desc_col)) = property_columns(&table) else {
        diags.push(Diagnostic::new(
            Code::IgnoredTable,
            page.at(table.line, 1),
            format!(
                "the table `{}` under {} has no type column (its header names none and most of its second cells are not types); not read as properties",
                table.header.iter().map(|h| h.text.as_str()).collect::<Vec<_>>().join(" | "),
                if navigation { "Relationships" } else { "Properties" },
            ),
        ));
        return;
    };
    let Table { header, rows, .. } = table;
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
        let name = clean_name(&row[0]);
        if name.is_empty() {
            diags.push(Diagnostic::new(
                Code::BadTableRow,
                page.at(row[0].line, row[0].column),
                "expected a property name in the first cell, found none; row ignored",
            ));
            continue;
        }
        let type_cell = row
            .get_mut(type_col)
            .map(std::mem::take)
            .unwrap_or_default();
        let desc = desc_col
            .and_then(|c| row.get_mut(c))
            .map(std::mem::take)
            .unwrap_or_default();
        let mut description_links = page_links(&desc);
        let mut description = desc.text;
        let mut code = desc.code;
        for (i, extra) in row.iter_mut().enumerate().skip(1) {
            if i != type_col && Some(i) != desc_col && !extra.text.is_empty() {
                let header = header.get(i).map_or("", |h| h.text.trim());
                description.push_str(&format!(" {header}: {}.", extra.text));
                code.append(&mut extra.code);
                description_links.extend(page_links(extra));
            }
        }
        page.properties.push(PropertyRow {
            name,
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

/// The type and description columns of a property table, located by header words
/// ([`locale::is_type_header`]), else by position (name, type, description). A table whose
/// header names no type column and whose second cells are mostly not primitives, links or
/// qualified names (a list of values, derived types or limits standing under Properties) is no
/// property table: `None`.
fn property_columns(table: &Table) -> Option<(usize, Option<usize>)> {
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

fn read_members(table: Table, name: Option<String>, key: String) -> EnumTable {
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
    use super::*;

    const SEED: &str =
        include_str!("../../../docs-input/intune-devices-resetpasscodeactionresult.md");

    #[test]
    fn founding_page() {
        let page = parse_page(
            "docs-input/intune-devices-resetpasscodeactionresult.md",
            SEED,
        );
        assert_eq!(page.class, PageClass::Resource);
        let a = page.annotation.as_ref().unwrap();
        assert_eq!(
            a.odata_type.as_deref(),
            Some("microsoft.graph.resetPasscodeActionResult")
        );
        assert_eq!(page.namespace.as_deref(), Some("microsoft.graph"));
        let base = page.base_link.as_ref().unwrap();
        assert_eq!(
            base.target.stem(),
            Some("intune-devices-deviceactionresult")
        );
        assert_eq!(base.line, 26);
        let names: Vec<_> = page.properties.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "actionName",
                "actionState",
                "startDateTime",
                "lastUpdatedDateTime",
                "passcode",
                "errorCode"
            ]
        );
        assert_eq!(
            Page::possible_values(&page.properties[1]),
            [
                "none",
                "pending",
                "canceled",
                "active",
                "done",
                "failed",
                "notSupported"
            ]
        );
        assert_eq!(page.properties[0].line, 31);
        assert_eq!(page.json.as_ref().unwrap().object.len(), 7);
        assert_eq!(page.description, "Результат сброса секретного кода");
        assert_eq!(
            page.front_matter.get("doc_type").map(String::as_str),
            Some("resourcePageType")
        );
        assert!(page.diagnostics.is_empty(), "{:?}", page.diagnostics);
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
    fn values_sections_before_any_h2_are_enums() {
        let text = "# Call records enum values\n\nNamespace: microsoft.graph.callRecords\n\n### callType values\n\n| Member\n|:---\n| unknown\n| groupCall\n";
        let page = parse_page("enums-callrecords.md", text);
        assert_eq!(page.class, PageClass::MultiEnum);
        assert_eq!(page.enums[0].name.as_deref(), Some("callType"));
        assert_eq!(page.enums[0].members.len(), 2);
    }

    #[test]
    fn bad_front_matter_is_absent_not_fatal() {
        let page = parse_page("p.md", "---\nзаголовок тип: x; doc: y\n---\n# Title\n");
        assert!(page.front_matter.is_empty());
        assert_eq!(page.diagnostics[0].code, Code::BadFrontMatter);
        assert_eq!(page.class, PageClass::Other);
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
    fn possible_values_skip_query_syntax() {
        let text = "<!-- {\"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.x\"} -->\n## Properties\n|Property|Type|Description|\n|-|-|-|\n|level|[s](s.md)|Possible values: `low`, `high`, `unknownFutureValue`. Supports `$filter` (`eq`, `ne`). Default `null`.|\n";
        let page = parse_page("x.md", text);
        let values: Vec<String> = Page::possible_values(&page.properties[0])
            .into_iter()
            .filter(|v| !Page::is_query_syntax(v))
            .collect();
        assert_eq!(values, ["low", "high", "unknownFutureValue"]);
    }

    #[test]
    fn json_keys_with_spaces_are_trimmed_and_reported() {
        let text = "## JSON representation\n<!-- {\"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.x\"} -->\n```json\n{\"rank \": 1, \"id\": \"s\"}\n```\n";
        let page = parse_page("x.md", text);
        let keys: Vec<&String> = page.json.as_ref().unwrap().object.keys().collect();
        assert_eq!(keys, ["rank", "id"]);
        assert_eq!(page.diagnostics[0].code, Code::RepairedJson);
        assert_eq!(page.diagnostics[0].location.line, 4);
    }

    #[test]
    fn multi_enum_page_without_h2() {
        let text = "---\ndoc_type: enumPageType\n---\n# <a name=\"enum-values\"></a>Значения перечисления\n\nПространство имен: microsoft.graph.callRecords\n\n### <a name=\"calltype-values\"></a>Значения callType\n\n|Member|\n|:---|\n|organization;|\n|user|\n\n### <a name=\"modality-values\"></a>значения модальности\n\n|Member|Value|\n|:---|:---|\n|audio|0|\n";
        let page = parse_page("enums-callrecords.md", text);
        assert_eq!(page.class, PageClass::MultiEnum);
        assert_eq!(
            page.namespace.as_deref(),
            Some("microsoft.graph.callRecords")
        );
        let names: Vec<_> = page.enums.iter().map(|e| e.name.as_deref()).collect();
        assert_eq!(names, [Some("callType"), Some("modality")]);
        assert_eq!(page.enums[0].key, "calltype-values");
        let members: Vec<_> = page.enums[0]
            .members
            .iter()
            .map(|m| m.name.as_str())
            .collect();
        assert_eq!(members, ["organization", "user"], "trailing `;` dropped");
        assert_eq!(page.enums[1].members[0].value.as_deref(), Some("0"));
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
    fn bom_and_crlf_read_like_lf() {
        let lf = "---\ndoc_type: resourcePageType\n---\n# x resource type\n\n## Properties\n|Property|Type|Description|\n|:---|:---|:---|\n|**lastModifiedBy**;|String|Who.|\n|count|Int32|How many &#124; more.|\n\n## JSON representation\n<!-- {\"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.x\"} -->\n```json\n{\"lastModifiedBy\": \"s\", \"count\": 1}\n```\n";
        let crlf = format!("\u{feff}{}", lf.replace('\n', "\r\n"));
        let (a, b) = (parse_page("x.md", lf), parse_page("x.md", &crlf));
        assert_eq!(a.properties, b.properties);
        assert_eq!(a.front_matter, b.front_matter);
        assert_eq!(a.json, b.json);
        assert_eq!(b.properties[0].name, "lastModifiedBy");
        assert_eq!(b.properties[0].line, 9);
        assert_eq!(b.properties[1].description, "How many | more.");
        assert!(b.diagnostics.is_empty(), "{:?}", b.diagnostics);
    }

    #[test]
    fn inheritance_sentences_in_any_phrasing_and_reference_links() {
        let forms = [
            "Inherits from [entity](entity.md).",
            "Derived from [entity](../resources/entity.md)",
            "Наследует [объект](entity.md) .",
            "Этот ресурс является производным от ресурса [entity](entity.md).",
            "Inherits from [entity][].\n\n[entity]: entity.md",
        ];
        for form in forms {
            let text = format!("# x resource type\n\nNamespace: microsoft.graph\n\n{form}\n\n## Properties\n|Property|Type|Description|\n|-|-|-|\n|a|String|x|\n");
            let page = parse_page("x.md", &text);
            let base = page.base_link.as_ref().unwrap_or_else(|| panic!("{form}"));
            assert_eq!(base.target.stem(), Some("entity"), "{form}");
            assert_eq!(base.line, 5, "{form}");
        }
        // A base page naming its derived types has no base.
        let text = "# baseTask\n\nЭто базовый тип, наследуемый [ресурсом](task.md) задачи.\n\n## Properties\n|Property|Type|Description|\n|-|-|-|\n|id|String|x|\n";
        assert_eq!(parse_page("basetask.md", text).base_link, None);
        // A link in an intro and in a row's description is no inheritance (`recurrenceRange`).
        let text = "# recurrenceRange\n\nDescribes a date range over which a recurring [event](event.md) repeats.\n\n## Properties\n|Property|Type|Description|\n|-|-|-|\n|startDate|Date|The same value as the start of the recurring [event](event.md). Required.|\n";
        assert_eq!(parse_page("recurrencerange.md", text).base_link, None);
        // The marker's sentence, not the paragraph's first link.
        let text = "# x\n\nПредставляет ресурс для [объекта educationAssignment](educationassignment.md). Наследуется от [educationResource](educationresource.md).\n\n## Properties\n|Property|Type|Description|\n|-|-|-|\n|a|String|x|\n";
        let page = parse_page("educationmediaresource.md", text);
        assert_eq!(
            page.base_link.unwrap().target.stem(),
            Some("educationresource")
        );
        // A base page naming what inherits from it, then its own base in another paragraph.
        let text = "# x\n\nАбстрактный тип. Этот абстрактный тип наследуется типом [ресурса customAccessPackageWorkflowExtension](customaccesspackageworkflowextension.md) .\n\nНаследуется [от сущности](entity.md).\n";
        let page = parse_page("customcalloutextension.md", text);
        assert_eq!(page.base_link.unwrap().target.stem(), Some("entity"));
        let text = "# x\n\nOne of [Domain](domain.md) or [DomainDnsCnameRecord](domaindnscnamerecord.md) entities. Inherited from [DomainDnsRecord](domaindnsrecord.md) entity.\n";
        let page = parse_page("domaindnsunavailablerecord.md", text);
        assert_eq!(
            page.base_link.unwrap().target.stem(),
            Some("domaindnsrecord")
        );
        let text = "# x\n\nБазовый класс. Он наследуется [accessReviewNotificationRecipientQueryScope](../resources/accessReviewNotificationRecipientQueryScope.md).\n";
        assert_eq!(
            parse_page("accessreviewnotificationrecipientscope.md", text).base_link,
            None
        );
        let text = "# x\n\nЭто абстрактный тип, унаследованный [accessReviewQueryScope,](accessreviewqueryscope.md) и [y](y.md).\n";
        assert_eq!(parse_page("accessreviewscope.md", text).base_link, None);
        // `производных` (of derived types) inside a link text is no marker.
        let text = "# x\n\nЭтот ресурс является абстрактным типом для [производных userSignInInsight.](usersignininsight.md)\n";
        assert_eq!(parse_page("governanceinsight.md", text).base_link, None);
        // Rows ending with a link are no inheritance marker unless they share a short phrase.
        let text = "# printTaskStatus\n\nRepresents the current execution status of a [printTask](printtask.md).\n\n## Properties\n|Property|Type|Description|\n|-|-|-|\n|state|String|The current processing state of the [printTask](printtask.md).|\n|description|String|A human-readable description of the state of the [printTask](printtask.md).|\n";
        assert_eq!(parse_page("printtaskstatus.md", text).base_link, None);
        // A sentence in no known language: the link the inherited rows point to.
        let text = "# x\n\nIst abgeleitet von [entity](entity.md).\n\n## Properties\n|Property|Type|Description|\n|-|-|-|\n|id|String|Die ID. Geerbt von [entity](entity.md).|\n|name|String|Der Name. Geerbt von [entity](entity.md).|\n";
        let page = parse_page("x.md", text);
        assert_eq!(page.base_link.unwrap().target.stem(), Some("entity"));
    }

    #[test]
    fn several_property_tables_and_tables_in_the_intro() {
        let text = "<!-- {\"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.channel\"} -->\n## Properties\n|Property|Type|Description|\n|-|-|-|\n|id|String|x|\n\n### Instance attributes\n\n|Property|Type|Description|\n|-|-|-|\n|@microsoft.graph.channelCreationMode|String|x|\n\n## Relationships\n|Property|Type|Description|\n|-|-|-|\n|tabs|[teamsTab](teamstab.md) collection|x|\n";
        let page = parse_page("channel.md", text);
        let rows: Vec<(&str, bool)> = page
            .properties
            .iter()
            .map(|p| (p.name.as_str(), p.navigation))
            .collect();
        assert_eq!(
            rows,
            [
                ("id", false),
                ("@microsoft.graph.channelCreationMode", false),
                ("tabs", true)
            ]
        );
        // No Properties heading: a property table in the intro is read.
        let text = "# report\n\n|Property|Type|\n|-|-|\n|reportDate|Date|\n\n## JSON representation\n```json\n{\"reportDate\": \"Date\"}\n```\n";
        let page = parse_page("report.md", text);
        assert_eq!(page.properties[0].name, "reportDate");
        assert_eq!(page.class, PageClass::Resource);
    }
}
