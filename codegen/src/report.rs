//! The `check` report: what a docs tree holds and what its pages got wrong, as one model that
//! the command line renders as text or as JSON.
//!
//! [`CheckReport::new`] counts pages by class, types by kind and origin, properties, and groups
//! the diagnostics by code with a few examples each (spread over distinct files, so one bad page
//! does not hide the others). The JSON form ([`CheckReport::to_json`]) is a stable, versioned
//! format ([`CHECK_FORMAT_VERSION`]), described in the README.
//!
//! With the service metadata (`check --metadata`, [`CheckReport::with_metadata`]) the report
//! gains a [`MetadataSection`]: the agreement figures, and the disagreements, which join the
//! other diagnostics under their `metadata-*` codes.

use crate::diag::{Code, Diagnostic, Severity};
use crate::docs_text::Printable;
use crate::metadata::{Comparison, Figures, TypeTally};
use crate::parse::{Page, PageClass};
use crate::schema::{Kind, Origin, Schema};
use foldhash::HashSet;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

/// The version of the check report JSON format. Bumped on any incompatible change (version 1
/// was an undocumented flat list of diagnostics).
pub const CHECK_FORMAT_VERSION: u32 = 2;

/// How many examples each code shows by default.
pub const DEFAULT_EXAMPLES: usize = 3;

/// The whole `check` report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CheckReport {
    /// [`CHECK_FORMAT_VERSION`].
    pub format_version: u32,
    /// Pages by class.
    pub pages: PageCounts,
    /// Types by kind and origin.
    pub types: TypeCounts,
    /// Properties and enum members.
    pub properties: PropertyCounts,
    /// Diagnostics by severity and by code.
    pub diagnostics: DiagnosticSummary,
    /// The comparison with the service metadata; only with `check --metadata` (the key is
    /// absent otherwise).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<MetadataSection>,
}

/// The docs against the service metadata (`check --metadata`): the figures and how many
/// disagreements of each code. The disagreements themselves are in the report's diagnostics.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MetadataSection {
    /// The metadata file, as given.
    pub file: String,
    /// How the types of the two sides pair up.
    pub types: TypeTally,
    /// The agreement figures (see the README for the set each is computed over).
    pub figures: Figures,
    /// The number of diagnostics of each `metadata-*` code that occurs.
    pub disagreements: BTreeMap<Code, usize>,
    /// Metadata types no docs type stands for (they have no docs location): the first few by
    /// name, or all of them with `--verbose`.
    pub only_in_metadata: Vec<String>,
    /// How many of those are not listed.
    pub only_in_metadata_omitted: usize,
    /// Elements of the metadata file that were left out (a type without a name, a second
    /// declaration), each with its line.
    pub ignored: Vec<String>,
}

/// Pages by what they turned out to be. The classes partition `total`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct PageCounts {
    /// Every input page.
    pub total: usize,
    /// Pages declaring one entity or complex type.
    pub resource: usize,
    /// Pages declaring one enum (`## Members`).
    pub enum_page: usize,
    /// Pages declaring several enums (`### x values` sections only, e.g. `enums.md`).
    pub multi_enum: usize,
    /// Overviews and conceptual pages, skipped with a `not-a-type-page` diagnostic.
    pub not_a_type_page: usize,
    /// Pages that could not be read (`io` diagnostic).
    pub unreadable: usize,
}

/// Types by kind and by origin; each group sums to `total`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct TypeCounts {
    /// Every type of the schema.
    pub total: usize,
    /// Entity, complex and enum types.
    pub by_kind: KindCounts,
    /// Types from pages, reconstructed from evidence, or placeholders.
    pub by_origin: OriginCounts,
    /// Types per namespace (`microsoft.graph`, `microsoft.graph.callRecords`, ...).
    pub by_namespace: BTreeMap<String, usize>,
}

/// Types by [`Kind`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct KindCounts {
    /// Entity types.
    pub entity: usize,
    /// Complex types.
    pub complex: usize,
    /// Enums.
    #[serde(rename = "enum")]
    pub enumeration: usize,
}

/// Types by [`Origin`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct OriginCounts {
    /// Defined by a page (or a `### x values` section).
    pub page: usize,
    /// Rebuilt from the evidence of other pages.
    pub reconstructed: usize,
    /// No page and no evidence.
    pub placeholder: usize,
}

/// Properties of all types.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct PropertyCounts {
    /// Properties each type declares itself (an inherited one counts once, on its declarer).
    pub declared: usize,
    /// Of `declared`, navigation properties (relationships tables).
    pub navigation: usize,
    /// Of `declared`, collections.
    pub collection: usize,
    /// Inherited properties, counted on every type that inherits them.
    pub inherited: usize,
    /// Enum members of all enums.
    pub enum_members: usize,
}

/// Diagnostics by severity and by code.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct DiagnosticSummary {
    /// Every diagnostic.
    pub total: usize,
    /// Counts per severity.
    pub by_severity: DiagnosticsBySeverity,
    /// One group per code that occurs: errors first, then warnings, then infos; within a
    /// severity the most frequent code first.
    pub by_code: Vec<CodeGroup>,
}

/// Diagnostics counted per [`Severity`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct DiagnosticsBySeverity {
    /// Errors: input not understood, data missing from the output.
    pub error: usize,
    /// Warnings: damaged or contradictory docs, settled by a rule.
    pub warning: usize,
    /// Notes: skipped pages, repaired JSON.
    pub info: usize,
}

/// All diagnostics of one code.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CodeGroup {
    /// The code.
    pub code: Code,
    /// Its severity.
    pub severity: Severity,
    /// How many diagnostics have it.
    pub count: usize,
    /// How many distinct files they are in.
    pub files: usize,
    /// Examples: one per file first (in path and line order), then the rest in the same order.
    pub examples: Vec<Diagnostic>,
    /// `count - examples.len()`.
    pub omitted: usize,
}

impl CheckReport {
    /// The report of a schema built from `pages`; `examples` limits the examples per code
    /// (`None`: all diagnostics).
    pub fn new(pages: &[Page], schema: &Schema, examples: Option<usize>) -> CheckReport {
        CheckReport {
            format_version: CHECK_FORMAT_VERSION,
            pages: page_counts(pages, schema),
            types: type_counts(schema),
            properties: property_counts(schema),
            diagnostics: diagnostic_summary(&schema.diagnostics, examples),
            metadata: None,
        }
    }

    /// [`CheckReport::new`] with the comparison of the schema with the service metadata read
    /// from `file` ([`crate::metadata::compare`]): its diagnostics join the schema's, and its
    /// figures make the `metadata` section.
    pub fn with_metadata(
        pages: &[Page],
        schema: &Schema,
        file: &str,
        comparison: &Comparison,
        examples: Option<usize>,
    ) -> CheckReport {
        let mut all = schema.diagnostics.clone();
        all.extend(comparison.diagnostics.iter().cloned());
        let mut disagreements = BTreeMap::new();
        for d in &comparison.diagnostics {
            *disagreements.entry(d.code).or_insert(0) += 1;
        }
        let limit = examples.unwrap_or(usize::MAX);
        let only = &comparison.only_in_metadata;
        CheckReport {
            diagnostics: diagnostic_summary(&all, examples),
            metadata: Some(MetadataSection {
                file: file.to_owned(),
                types: comparison.types.clone(),
                figures: comparison.figures.clone(),
                disagreements,
                only_in_metadata: only.iter().take(limit).map(|q| q.to_string()).collect(),
                only_in_metadata_omitted: only.len().saturating_sub(limit),
                ignored: comparison.ignored.clone(),
            }),
            ..CheckReport::new(pages, schema, examples)
        }
    }

    /// True when there is at least one error (the `check` command then exits 1).
    pub fn has_errors(&self) -> bool {
        self.diagnostics.by_severity.error > 0
    }

    /// The report as pretty JSON, with a final newline.
    pub fn to_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).expect("the report is always serializable");
        s.push('\n');
        s
    }

    /// The report as text for a terminal or a CI log.
    pub fn render_text(&self) -> String {
        let mut out = String::new();
        let p = &self.pages;
        let _ = writeln!(
            out,
            "pages       {:>6}  {} resource, {} enum, {} multi-enum, {} not a type page{}",
            p.total,
            p.resource,
            p.enum_page,
            p.multi_enum,
            p.not_a_type_page,
            if p.unreadable > 0 {
                format!(", {} unreadable", p.unreadable)
            } else {
                String::new()
            }
        );
        let t = &self.types;
        let _ = writeln!(
            out,
            "types       {:>6}  {} entity, {} complex, {} enum; {} from pages, {} reconstructed, {} placeholder",
            t.total,
            t.by_kind.entity,
            t.by_kind.complex,
            t.by_kind.enumeration,
            t.by_origin.page,
            t.by_origin.reconstructed,
            t.by_origin.placeholder
        );
        if t.by_namespace.len() > 1 {
            let list: Vec<String> = t
                .by_namespace
                .iter()
                .map(|(ns, n)| format!("{ns} {n}"))
                .collect();
            let _ = writeln!(out, "namespaces  {:>6}  {}", list.len(), list.join(", "));
        }
        let pr = &self.properties;
        let _ = writeln!(
            out,
            "properties  {:>6}  declared ({} navigation, {} collections); {} inherited; {} enum members",
            pr.declared, pr.navigation, pr.collection, pr.inherited, pr.enum_members
        );
        if let Some(m) = &self.metadata {
            render_metadata(&mut out, m);
        }
        let d = &self.diagnostics;
        d.render_groups(&mut out);
        let _ = writeln!(out, "\n{}", summary_line(t.total, &d.by_severity));
        out
    }
}

impl DiagnosticSummary {
    /// The diagnostics of `diags` grouped by code, with up to `examples` examples per code
    /// (`None`: all).
    pub fn of(diags: &[Diagnostic], examples: Option<usize>) -> DiagnosticSummary {
        diagnostic_summary(diags, examples)
    }

    /// Appends the `diagnostics by code:` section of a text report (nothing when there are no
    /// diagnostics).
    pub fn render_groups(&self, out: &mut String) {
        let d = self;
        if !d.by_code.is_empty() {
            let _ = writeln!(out, "\ndiagnostics by code:");
            let width = d
                .by_code
                .iter()
                .map(|g| g.code.as_str().len())
                .max()
                .unwrap_or(0);
            for g in &d.by_code {
                let _ = writeln!(
                    out,
                    "  {:<7} {:<width$} {:>6}  in {} file{}",
                    g.severity.to_string(),
                    g.code.as_str(),
                    g.count,
                    g.files,
                    if g.files == 1 { "" } else { "s" }
                );
                for e in &g.examples {
                    let _ = writeln!(out, "      {e}");
                }
                if g.omitted > 0 {
                    let _ = writeln!(
                        out,
                        "      ... and {} more (--verbose lists all)",
                        g.omitted
                    );
                }
            }
        }
    }
}

impl DiagnosticsBySeverity {
    /// Counts the diagnostics of each severity.
    pub fn of(diagnostics: &[Diagnostic]) -> DiagnosticsBySeverity {
        let mut counts = DiagnosticsBySeverity::default();
        for d in diagnostics {
            match d.severity {
                Severity::Error => counts.error += 1,
                Severity::Warning => counts.warning += 1,
                Severity::Info => counts.info += 1,
            }
        }
        counts
    }
}

/// The one-line summary that ends the `check` report and that `generate` prints:
/// `3 types; 0 errors, 2 warnings, 1 notes`.
pub fn summary_line(types: usize, diagnostics: &DiagnosticsBySeverity) -> String {
    format!(
        "{types} types; {} errors, {} warnings, {} notes",
        diagnostics.error, diagnostics.warning, diagnostics.info
    )
}

/// The `metadata` section of the text report.
fn render_metadata(out: &mut String, m: &MetadataSection) {
    let t = &m.types;
    let _ = writeln!(
        out,
        "\nmetadata    {}: {} types; {} on both sides ({} paired ignoring case), {} only in the docs, {} only in the metadata",
        Printable(&m.file),
        t.metadata,
        t.both,
        t.case_only,
        t.only_in_docs,
        t.only_in_metadata
    );
    let f = &m.figures;
    let own = &f.own_properties;
    let members = &f.enum_members;
    let rows = [
        (
            "base type right",
            f.base.to_string(),
            "entity and complex types on both sides",
        ),
        ("kind right", f.kind.to_string(), "types on both sides"),
        (
            "own properties",
            format!("precision {}, recall {}", own.precision, own.recall),
            "",
        ),
        (
            "",
            format!(
                "{} of the false ones declared on an ancestor",
                own.false_declared_on_ancestor
            ),
            "",
        ),
        (
            "property type right",
            f.property_type.to_string(),
            "own properties matched by name",
        ),
        (
            "collection right",
            f.collection.to_string(),
            "own properties matched by name",
        ),
        (
            "enum members",
            format!("precision {}, recall {}", members.precision, members.recall),
            "",
        ),
        (
            "enum values right",
            members.value.to_string(),
            "matched members with a value in the docs",
        ),
    ];
    for (label, figure, over) in rows {
        let over = if over.is_empty() {
            String::new()
        } else {
            format!("  over {over}")
        };
        let _ = writeln!(out, "  {label:<21} {figure}{over}");
    }
    if !m.disagreements.is_empty() {
        let list: Vec<String> = m
            .disagreements
            .iter()
            .map(|(code, n)| format!("{code} {n}"))
            .collect();
        let _ = writeln!(out, "  {:<21} {}", "disagreements", list.join(", "));
    }
    if t.only_in_metadata > 0 {
        let names: Vec<String> = m
            .only_in_metadata
            .iter()
            .map(|n| Printable(n).to_string())
            .collect();
        let more = if m.only_in_metadata_omitted > 0 {
            format!(
                " ... and {} more (--verbose lists all)",
                m.only_in_metadata_omitted
            )
        } else {
            String::new()
        };
        let _ = writeln!(
            out,
            "  {:<21} {}{more}",
            "only in the metadata",
            names.join(", ")
        );
    }
    for note in &m.ignored {
        let _ = writeln!(out, "  ignored in the metadata: {}", Printable(note));
    }
}

fn page_counts(pages: &[Page], schema: &Schema) -> PageCounts {
    let files_with = |code: Code| -> HashSet<&str> {
        schema
            .diagnostics
            .iter()
            .filter(|d| d.code == code)
            .map(|d| &*d.location.file)
            .collect()
    };
    let unreadable = files_with(Code::Io);
    let skipped = files_with(Code::NotATypePage);
    let mut c = PageCounts {
        total: pages.len(),
        ..PageCounts::default()
    };
    for page in pages {
        let path = page.path.as_str();
        if unreadable.contains(path) {
            c.unreadable += 1;
        } else if skipped.contains(path) {
            // Also resource-looking pages that name no type.
            c.not_a_type_page += 1;
        } else {
            match page.class {
                PageClass::Resource => c.resource += 1,
                PageClass::Enum => c.enum_page += 1,
                PageClass::MultiEnum => c.multi_enum += 1,
                PageClass::Other => c.not_a_type_page += 1,
            }
        }
    }
    c
}

fn type_counts(schema: &Schema) -> TypeCounts {
    let mut c = TypeCounts {
        total: schema.types().len(),
        ..TypeCounts::default()
    };
    for t in schema.types() {
        match t.kind {
            Kind::Entity => c.by_kind.entity += 1,
            Kind::Complex => c.by_kind.complex += 1,
            Kind::Enum => c.by_kind.enumeration += 1,
        }
        match t.origin {
            Origin::Page => c.by_origin.page += 1,
            Origin::Reconstructed => c.by_origin.reconstructed += 1,
            Origin::Placeholder => c.by_origin.placeholder += 1,
        }
        *c.by_namespace.entry(t.namespace.clone()).or_insert(0) += 1;
    }
    c
}

fn property_counts(schema: &Schema) -> PropertyCounts {
    let mut c = PropertyCounts::default();
    for t in schema.types() {
        c.enum_members += t.members.len();
        for p in &t.properties {
            if p.inherited {
                c.inherited += 1;
            } else {
                c.declared += 1;
                c.navigation += usize::from(p.navigation);
                c.collection += usize::from(p.collection);
            }
        }
    }
    c
}

fn diagnostic_summary(diags: &[Diagnostic], examples: Option<usize>) -> DiagnosticSummary {
    let mut s = DiagnosticSummary {
        total: diags.len(),
        by_severity: DiagnosticsBySeverity::of(diags),
        ..DiagnosticSummary::default()
    };
    let mut groups: BTreeMap<Code, Vec<&Diagnostic>> = BTreeMap::new();
    for d in diags {
        groups.entry(d.code).or_default().push(d);
    }
    for (code, mut list) in groups {
        list.sort_by(|a, b| (&a.location, &a.message).cmp(&(&b.location, &b.message)));
        let files: BTreeSet<&str> = list.iter().map(|d| &*d.location.file).collect();
        let limit = examples.unwrap_or(list.len()).min(list.len());
        let chosen = spread_over_files(&list, limit);
        s.by_code.push(CodeGroup {
            code,
            severity: list
                .iter()
                .map(|d| d.severity)
                .max()
                .unwrap_or(code.severity()),
            count: list.len(),
            files: files.len(),
            omitted: list.len() - chosen.len(),
            examples: chosen,
        });
    }
    s.by_code.sort_by(|a, b| {
        (b.severity, b.count, a.code.as_str()).cmp(&(a.severity, a.count, b.code.as_str()))
    });
    s
}

/// Up to `limit` of the (sorted) diagnostics: the first of each file first, then the others,
/// returned in location order.
fn spread_over_files(sorted: &[&Diagnostic], limit: usize) -> Vec<Diagnostic> {
    let mut picked = vec![false; sorted.len()];
    let mut n = 0;
    let mut last_file: Option<&str> = None;
    for (i, d) in sorted.iter().enumerate() {
        if n == limit {
            break;
        }
        if last_file != Some(&*d.location.file) {
            picked[i] = true;
            n += 1;
            last_file = Some(&*d.location.file);
        }
    }
    for p in picked.iter_mut() {
        if n == limit {
            break;
        }
        if !*p {
            *p = true;
            n += 1;
        }
    }
    sorted
        .iter()
        .zip(picked)
        .filter(|(_, p)| *p)
        .map(|(d, _)| (*d).clone())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Location;
    use crate::parse::parse_page;

    const SEED: &str = include_str!("../../docs-input/intune-devices-resetpasscodeactionresult.md");

    fn diag(code: Code, file: &str, line: u32) -> Diagnostic {
        Diagnostic::new(
            code,
            Location {
                file: file.into(),
                line,
                column: 1,
            },
            format!("{code} at {line}"),
        )
    }

    #[test]
    fn founding_page_counts() {
        let pages = vec![
            parse_page("seed.md", SEED),
            parse_page("overview.md", "# Overview\n\nNothing here.\n"),
        ];
        let schema = crate::schema::build(&pages);
        let r = CheckReport::new(&pages, &schema, Some(DEFAULT_EXAMPLES));
        assert_eq!(
            r.pages,
            PageCounts {
                total: 2,
                resource: 1,
                not_a_type_page: 1,
                ..PageCounts::default()
            }
        );
        assert_eq!(r.types.total, 3);
        assert_eq!(
            (r.types.by_kind.complex, r.types.by_kind.enumeration),
            (2, 1)
        );
        assert_eq!(
            (r.types.by_origin.page, r.types.by_origin.reconstructed),
            (1, 2)
        );
        // resetPasscodeActionResult declares 2, its reconstructed base 4; 4 inherited.
        assert_eq!((r.properties.declared, r.properties.inherited), (6, 4));
        assert_eq!(r.properties.enum_members, 7);
        let codes: Vec<(Code, usize)> = r
            .diagnostics
            .by_code
            .iter()
            .map(|g| (g.code, g.count))
            .collect();
        assert_eq!(
            codes,
            [(Code::ReconstructedType, 2), (Code::NotATypePage, 1)]
        );
        assert!(!r.has_errors());
        let text = r.render_text();
        assert!(text.contains("warning reconstructed-type"), "{text}");
        assert!(
            text.contains("seed.md:26:1: warning[reconstructed-type]: no page defines"),
            "{text}"
        );
        assert!(
            text.ends_with("3 types; 0 errors, 2 warnings, 1 notes\n"),
            "{text}"
        );
    }

    #[test]
    fn groups_order_by_severity_then_count_and_examples_spread_over_files() {
        let diags = vec![
            diag(Code::JsonExtraKey, "a.md", 1),
            diag(Code::JsonExtraKey, "a.md", 2),
            diag(Code::JsonExtraKey, "a.md", 3),
            diag(Code::JsonExtraKey, "b.md", 9),
            diag(Code::RepairedJson, "a.md", 1),
            diag(Code::BadJsonBlock, "c.md", 4),
            diag(Code::UnknownType, "a.md", 5),
        ];
        let s = diagnostic_summary(&diags, Some(2));
        let order: Vec<Code> = s.by_code.iter().map(|g| g.code).collect();
        assert_eq!(
            order,
            [
                Code::BadJsonBlock,
                Code::JsonExtraKey,
                Code::UnknownType,
                Code::RepairedJson
            ]
        );
        let extra = &s.by_code[1];
        assert_eq!((extra.count, extra.files, extra.omitted), (4, 2, 2));
        let shown: Vec<String> = extra
            .examples
            .iter()
            .map(|d| d.location.to_string())
            .collect();
        assert_eq!(shown, ["a.md:1:1", "b.md:9:1"]);
        assert_eq!(
            (
                s.by_severity.error,
                s.by_severity.warning,
                s.by_severity.info
            ),
            (1, 5, 1)
        );
        let all = diagnostic_summary(&diags, None);
        assert_eq!(all.by_code[1].examples.len(), 4);
        assert_eq!(all.by_code[1].omitted, 0);
    }

    #[test]
    fn json_has_the_documented_keys() {
        let pages = vec![parse_page("seed.md", SEED)];
        let schema = crate::schema::build(&pages);
        let v: serde_json::Value =
            serde_json::from_str(&CheckReport::new(&pages, &schema, Some(1)).to_json()).unwrap();
        assert_eq!(v["format_version"], CHECK_FORMAT_VERSION);
        assert_eq!(v["pages"]["resource"], 1);
        assert_eq!(v["types"]["by_kind"]["enum"], 1);
        assert_eq!(v["types"]["by_origin"]["reconstructed"], 2);
        assert_eq!(v["types"]["by_namespace"]["microsoft.graph"], 3);
        assert_eq!(v["properties"]["declared"], 6);
        let group = &v["diagnostics"]["by_code"][0];
        assert_eq!(group["code"], "reconstructed-type");
        assert_eq!(group["severity"], "warning");
        assert_eq!(group["count"], 2);
        assert_eq!(group["omitted"], 1);
        assert_eq!(group["examples"][0]["line"], 26);
    }

    #[test]
    fn summary_line_counts_types_and_each_severity() {
        let pages = vec![parse_page("seed.md", SEED)];
        let schema = crate::schema::build(&pages);
        let counts = DiagnosticsBySeverity::of(&schema.diagnostics);
        assert_eq!(
            summary_line(schema.types().len(), &counts),
            "3 types; 0 errors, 2 warnings, 0 notes"
        );
    }
}
