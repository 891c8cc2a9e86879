//! Every page of every corpus tree goes through the whole pipeline: no panic, every page
//! accounted for (it defines a type or is reported as skipped), and the generated code parses.
//! The check report's counts (pages per class, types, properties, diagnostics per code) are
//! pinned per tree in `snapshots/corpus__*.snap`, so any change shows up in review.
//! Slow in debug builds: `.ci/run` runs it with `--release`.

use msgraph_docgen::diag::Code;
use msgraph_docgen::emit::{emit, EmitOptions};
use msgraph_docgen::input::{list_pages, parse_files};
use msgraph_docgen::report::CheckReport;
use msgraph_docgen_e2e::corpus;
use std::collections::BTreeSet;

const TREES: &[&str] = &[
    "en-US/2021-04-08/beta/resources",
    "en-US/2021-07-16/beta/resources",
    "en-US/2021-07-16/v1.0/resources",
    "ru-RU/2021-04-07/beta/resources",
    "ru-RU/2023-02-03/beta/resources",
];

#[test]
#[cfg_attr(
    debug_assertions,
    ignore = "slow in debug builds: .ci/run runs it with --release"
)]
fn every_tree_every_page() {
    let Some(corpus) = corpus("every_tree_every_page") else {
        return;
    };
    for tree in TREES {
        let (files, _) = list_pages(&[corpus.join(tree)]).unwrap();
        let pages = parse_files(&files);
        let schema = msgraph_docgen::schema::build(&pages);
        let defining: BTreeSet<&str> = schema
            .types()
            .iter()
            .filter_map(|t| t.source.as_ref())
            .map(|l| &*l.file)
            .collect();
        let skipped: BTreeSet<&str> = schema
            .diagnostics
            .iter()
            .filter(|d| matches!(d.code, Code::NotATypePage | Code::Io | Code::DuplicateType))
            .map(|d| &*d.location.file)
            .collect();
        let unaccounted: Vec<&str> = pages
            .iter()
            .map(|p| p.path.as_str())
            .filter(|p| !defining.contains(p) && !skipped.contains(p))
            .collect();
        assert!(
            unaccounted.is_empty(),
            "{tree}: pages neither defining a type nor reported: {unaccounted:?}"
        );
        insta::assert_snapshot!(
            snapshot_name(tree),
            counts(&CheckReport::new(&pages, &schema, Some(0)))
        );
        let code = emit(&schema, &EmitOptions::default());
        syn::parse_file(&code)
            .unwrap_or_else(|e| panic!("{tree}: generated code does not parse: {e}"));
        eprintln!(
            "{tree}: {} pages, {} types, {} diagnostics, {} bytes of Rust",
            pages.len(),
            schema.types().len(),
            schema.diagnostics.len(),
            code.len()
        );
        assert!(
            schema.types().len() > pages.len() / 2,
            "{tree}: too few types"
        );
    }
}

/// `en-US/2021-04-08/beta/resources` → `en-US_2021-04-08_beta`.
fn snapshot_name(tree: &str) -> String {
    tree.trim_end_matches("/resources").replace('/', "_")
}

/// The report as JSON without examples (their paths depend on where the corpus is), with the
/// diagnostic groups keyed by code in alphabetical order so that a changed count is a one-line
/// diff.
fn counts(report: &CheckReport) -> String {
    let mut v = serde_json::to_value(report).unwrap();
    let mut groups: Vec<serde_json::Value> = v["diagnostics"]["by_code"]
        .as_array_mut()
        .map(std::mem::take)
        .unwrap();
    groups.sort_by_key(|g| g["code"].as_str().unwrap().to_owned());
    let by_code: serde_json::Map<String, serde_json::Value> = groups
        .into_iter()
        .map(|g| {
            let line = format!(
                "{} {} in {} files",
                g["severity"].as_str().unwrap(),
                g["count"],
                g["files"]
            );
            (g["code"].as_str().unwrap().to_owned(), line.into())
        })
        .collect();
    v["diagnostics"]["by_code"] = by_code.into();
    serde_json::to_string_pretty(&v).unwrap()
}
