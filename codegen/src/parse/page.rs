//! A located block list → a [`Page`]: what one docs page says about types, with every piece of
//! structural evidence kept for the schema stage to weigh.
//!
//! This module holds the page model and the driver, [`parse_page`], which walks the blocks of a
//! page section by section and hands each piece to the module that reads it: `front_matter`,
//! `annotation`, [`json_block`], `tables` and `intro`.

use super::front_matter::{self, FrontMatter};
use super::json_value::JsonObject;
use super::markdown::{self, Block, Heading, Inline, Table};
use super::methods::{self, MethodRow};
use super::tables::{self, read_table, TableContext};
use super::type_cell::{Target, TypeCell};
use super::{annotation, intro, json_block, raw_tables};
use crate::diag::{Code, Diagnostic, Diagnostics, Location};
use crate::docs_text::is_identifier;
use std::sync::Arc;

// Kept at this path for the schema stage, which matches enum names the same way.
pub use super::tables::identifier_matching;

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
    pub object: JsonObject,
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

/// The links of `inline` that point to pages (anchors and external links left out), located at
/// the line where `inline` starts.
pub(super) fn page_links(inline: &Inline) -> Vec<LinkRef> {
    (inline.links.iter())
        .filter_map(|l| match Target::from_dest(&l.dest) {
            target @ Target::Page { .. } => Some(LinkRef {
                text: l.text.clone(),
                target,
                line: inline.line,
            }),
            _ => None,
        })
        .collect()
}

/// [`page_links`] of a cell that is not read again: its links are taken, their texts moved
/// rather than copied.
pub(super) fn take_page_links(inline: &mut Inline<'_>) -> Vec<LinkRef> {
    let line = inline.line;
    (std::mem::take(&mut inline.links).into_iter())
        .filter_map(|l| match Target::from_dest(&l.dest) {
            target @ Target::Page { .. } => Some(LinkRef {
                text: l.text,
                target,
                line,
            }),
            _ => None,
        })
        .collect()
}

/// A short intro sentence that ends in a page link, `<lead> [link](x.md)`: in a tree whose
/// language the seed does not know, the lead that recurs on many pages is the inheritance
/// phrase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkedPhrase {
    /// The text before the link, normalized (lowercase, punctuation as single spaces).
    pub lead: String,
    /// The link.
    pub link: LinkRef,
}

/// One row of a property or relationship table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PropertyRow {
    /// The name cell, cleaned (`**x**;` → `x`, `name (deprecated)` → `name`). May be translated.
    pub name: String,
    /// True when the name is known to be a word of the tree's language rather than an
    /// identifier, though spelled like one (`statut` in a tree whose names are translated): it
    /// is matched to a JSON key by position. Set by [`crate::parse::Lexicon::revise`].
    pub name_translated: bool,
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
    /// The front matter values read (none when absent or unreadable).
    pub front_matter: FrontMatter,
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
    /// The intro's short sentences that end in a page link, in order (candidates for an
    /// inheritance phrase learned from the tree).
    pub linked_phrases: Vec<LinkedPhrase>,
    /// Every page link of the intro paragraphs, in order, each at the line where its paragraph
    /// starts (links of one paragraph share a line): which types a page names before its
    /// sections, e.g. the derived types a base page lists.
    pub intro_links: Vec<LinkRef>,
    /// The page links in the first cells of table rows, in order (the types a "Derived
    /// types" table lists, say).
    pub table_links: Vec<LinkRef>,
    /// The first descriptive intro paragraph.
    pub description: String,
    /// Property rows (properties tables), then navigation rows (relationships tables).
    pub properties: Vec<PropertyRow>,
    /// Members tables.
    pub enums: Vec<EnumTable>,
    /// Rows of the Methods table (rows linking to API method pages), in order.
    pub methods: Vec<MethodRow>,
    /// Problems found on this page.
    pub diagnostics: Vec<Diagnostic>,
    /// [`Page::path`], shared by the page's locations ([`Page::at`]).
    file: Arc<str>,
}

impl Page {
    /// A location on this page.
    pub fn at(&self, line: u32, column: u32) -> Location {
        // The shared copy of the path, unless the page was given another path since.
        if *self.file == *self.path {
            Location::in_shared(&self.file, line, column)
        } else {
            Location::new(&self.path, line, column)
        }
    }

    /// The page's backticked value list for a property, filtered to identifier-like tokens.
    /// It may include OData query syntax (``Supports `$filter` (`eq`, `ne`)``): see
    /// [`Page::is_query_syntax`].
    pub fn possible_values(row: &PropertyRow) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        // A row has a few code spans: they are compared with the ones kept, and hashed only
        // in a long list.
        const SHORT: usize = 16;
        let mut seen = foldhash::HashSet::default();
        for c in &row.code {
            let c = c.trim();
            if !is_identifier(c) {
                continue;
            }
            let new = if row.code.len() <= SHORT {
                !out.iter().any(|o| o == c)
            } else {
                seen.insert(c)
            };
            if new {
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

/// Parses one page. Never fails: problems become diagnostics on the page.
pub fn parse_page(path: &str, text: &str) -> Page {
    let mut diags = Diagnostics::new();
    let stem = std::path::Path::new(path)
        .file_stem()
        .map(|s| s.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    // A BOM is not content.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let (front_matter, body) = front_matter::split(text, path, &mut diags);
    let defused = raw_tables::defuse_wide_tables(text);
    for &(line, columns) in defused.as_ref().map_or(&[][..], |(_, l)| l) {
        diags.push(
            Code::BadTableRow,
            Location::new(path, line, 1),
            format!(
                "a table delimiter row of {columns} columns (at most {} are read); table ignored",
                raw_tables::MAX_TABLE_COLUMNS
            ),
        );
    }
    let text = defused.as_ref().map_or(text, |(t, _)| t.as_str());

    let mut page = Page {
        path: path.to_owned(),
        file: path.into(),
        stem,
        class: PageClass::Other,
        front_matter,
        h1: None,
        namespace: None,
        annotation: None,
        json: None,
        base_link: None,
        linked_phrases: Vec::new(),
        intro_links: Vec::new(),
        table_links: Vec::new(),
        description: String::new(),
        properties: Vec::new(),
        enums: Vec::new(),
        methods: Vec::new(),
        diagnostics: Vec::new(),
    };
    // The text of a page whose table rows had to be mended, which its blocks borrow.
    let mut escaped = String::new();
    let blocks = markdown::blocks(text, body, &mut escaped);
    let intro = read_blocks(&mut page, blocks, &mut diags);
    intro::read_intro(&mut page, &intro);
    page.class = classify(&page);
    page.diagnostics = diags.into_vec();
    page
}

/// A table with the headings it stands under, kept until the whole page is read (the JSON
/// block, which may come after it, tells a property table by its rows). The headings are
/// indices into the page's [`Headings`], not copies.
struct PlacedTable<'a> {
    table: Table<'a>,
    /// The H2 it stands under (`None` in the intro).
    section: Option<usize>,
    /// The H3 or deeper heading it stands under, below that H2.
    sub: Option<usize>,
}

/// The headings of a page below its H1, as the tables refer to them.
#[derive(Default)]
struct Headings {
    /// The H2s, each with its key.
    sections: Vec<(String, Heading)>,
    /// The H3s and deeper.
    subs: Vec<Heading>,
}

impl Headings {
    /// The key and the heading of the H2 `section` (`""` and none in the intro).
    fn section(&self, section: Option<usize>) -> (&str, Option<&Heading>) {
        match section {
            Some(i) => (self.sections[i].0.as_str(), Some(&self.sections[i].1)),
            None => ("", None),
        }
    }
}

/// Reads the blocks of a page in document order into `page` (H1, annotation, JSON block,
/// tables), keeping track of the section each stands in. Returns the intro paragraphs (before
/// the first H2, outside block quotes), which are read last.
fn read_blocks<'a>(
    page: &mut Page,
    blocks: Vec<Block<'a>>,
    diags: &mut Diagnostics,
) -> Vec<Inline<'a>> {
    let mut headings = Headings::default();
    let mut section: Option<usize> = None; // the current H2 (none = intro)
    let mut sub: Option<usize> = None; // the current H3/H4
    let mut intro: Vec<Inline> = Vec::new();
    let mut tables: Vec<PlacedTable> = Vec::new();
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
                    let key = h.key();
                    has_properties_section |= key == "properties";
                    headings.sections.push((key, h));
                    section = Some(headings.sections.len() - 1);
                    sub = None;
                }
                _ => {
                    headings.subs.push(h);
                    sub = Some(headings.subs.len() - 1);
                }
            },
            Block::Paragraph { inline, quoted } => {
                if headings.section(section).0.is_empty() && !quoted {
                    intro.push(inline);
                }
            }
            Block::Comment { text, line } => {
                if page.annotation.is_none() {
                    page.annotation = annotation::read(&text, line, &page.path, diags);
                }
            }
            Block::Code { info, text, line } => {
                let is_json = info.to_ascii_lowercase().contains("json")
                    || text.trim_start().starts_with('{');
                // The block after the annotation, or in the JSON representation section.
                let in_json_section = headings.section(section).0.starts_with("json");
                if page.json.is_none()
                    && is_json
                    && (in_json_section || page.annotation.is_some())
                    && text.trim_start().starts_with('{')
                {
                    page.json = json_block::read_representation(&text, line, &page.path, diags);
                }
            }
            Block::Table(table) => {
                page.methods.extend(methods::method_rows(&table));
                page.table_links.extend(
                    table
                        .rows
                        .iter()
                        .filter_map(|row| row.first())
                        .flat_map(page_links),
                );
                tables.push(PlacedTable {
                    table,
                    section,
                    sub,
                });
            }
        }
    }
    read_tables(page, tables, &headings, has_properties_section, diags);
    intro
}

/// Reads the tables of a page once its JSON block is known: members tables, and property
/// tables under Properties or Relationships. A page with no Properties heading reads the
/// tables of its intro as property tables; a page whose sections name none (headings in
/// another language, no anchors) reads the tables whose first cells are mostly its JSON keys.
fn read_tables(
    page: &mut Page,
    tables: Vec<PlacedTable<'_>>,
    headings: &Headings,
    has_properties_section: bool,
    diags: &mut Diagnostics,
) {
    let mut rest: Vec<PlacedTable<'_>> = Vec::new();
    let mut previous_section: Option<&str> = None;
    for placed in tables {
        let PlacedTable {
            table,
            section: section_index,
            sub: sub_index,
        } = placed;
        let (section, heading) = headings.section(section_index);
        let sub = sub_index.map(|i| &headings.subs[i]);
        let first = previous_section != Some(section) && sub.is_none() && heading.is_some();
        previous_section = Some(section);
        let ctx = TableContext::new(section, heading, sub, first);
        // Multi-enum pages (`enums.md`) have no H2: their `### x values` tables stand in the
        // intro.
        let elsewhere = !matches!(ctx.section, "properties" | "relationships" | "members");
        if elsewhere && ctx.values_heading().is_none() {
            rest.push(PlacedTable {
                table,
                section: section_index,
                sub: sub_index,
            });
            continue;
        }
        if ctx.section == "properties"
            && ctx.sub.is_some()
            && ctx.values_heading().is_none()
            && tables::describes_something_else(page, &table)
        {
            let message = "a table under a sub-heading of Properties names none of the JSON \
                           block's keys while the rows above do: it describes something else \
                           (the settings inside a property, say); not read as properties";
            diags.push(Code::IgnoredTable, page.at(table.line, 1), message);
            continue;
        }
        read_table(page, table, &ctx, diags);
    }
    let read_any = !page.properties.is_empty() || has_properties_section;
    for placed in rest {
        // Property tables in the intro of pages with no Properties heading.
        let in_intro = headings.section(placed.section).0.is_empty() && !has_properties_section;
        let by_rows = !read_any && tables::first_cells_are_keys(page, &placed.table);
        if (in_intro && placed.table.header.len() >= 2) || by_rows {
            let ctx = TableContext::new("properties", None, None, false);
            read_table(page, placed.table, &ctx, diags);
        }
    }
}

/// What kind of page `page` is, by what was read from it.
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

#[cfg(test)]
mod tests {
    use super::*;

    const SEED: &str =
        include_str!("../../../docs-input/intune-devices-resetpasscodeactionresult.md");

    #[test]
    fn locations_share_the_path_and_follow_a_new_one() {
        let mut page = parse_page("a/x.md", SEED);
        let (first, second) = (page.at(3, 1), page.at(9, 2));
        assert!(std::sync::Arc::ptr_eq(&first.file, &second.file));
        assert_eq!((&*first.file, first.line, first.column), ("a/x.md", 3, 1));
        page.path = "b/x.md".to_owned();
        assert_eq!(&*page.at(3, 1).file, "b/x.md");
    }

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
            page.front_matter.title.as_deref(),
            Some("Тип ресурса resetPasscodeActionResult")
        );
        assert_eq!(page.front_matter.translation_type.as_deref(), Some("MT"));
        assert!(page.diagnostics.is_empty(), "{:?}", page.diagnostics);
    }

    #[test]
    fn taken_page_links_are_the_page_links() {
        let mut cell = Inline {
            text: "x".into(),
            links: [
                ("a", "a.md"),
                ("b", "#b"),
                ("c", "https://x.org/c.md"),
                ("D", "../resources/D.md#E"),
            ]
            .iter()
            .map(|(text, dest)| markdown::Link {
                text: (*text).into(),
                dest: (*dest).into(),
            })
            .collect(),
            line: 7,
            ..Inline::default()
        };
        let expected = page_links(&cell);
        assert_eq!(expected.len(), 2);
        assert_eq!(take_page_links(&mut cell), expected);
        assert!(cell.links.is_empty());
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
    fn possible_values_keep_the_first_of_repeated_values_in_short_and_long_lists() {
        let long: Vec<String> = (0..20).map(|i| format!("`v{}`", i % 7)).collect();
        let text = format!(
            "## Properties\n|Property|Type|Description|\n|-|-|-|\n|a|String|`x`, `y`, ` x `, `$top`, `y`.|\n|b|String|{}|\n",
            long.join(", ")
        );
        let page = parse_page("x.md", &text);
        assert_eq!(Page::possible_values(&page.properties[0]), ["x", "y"]);
        let expected: Vec<String> = (0..7).map(|i| format!("v{i}")).collect();
        assert_eq!(Page::possible_values(&page.properties[1]), expected);
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
    fn bom_and_crlf_read_like_lf() {
        let lf = "---\ntitle: x resource type\n---\n# x resource type\n\n## Properties\n|Property|Type|Description|\n|:---|:---|:---|\n|**lastModifiedBy**;|String|Who.|\n|count|Int32|How many &#124; more.|\n\n## JSON representation\n<!-- {\"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.x\"} -->\n```json\n{\"lastModifiedBy\": \"s\", \"count\": 1}\n```\n";
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
