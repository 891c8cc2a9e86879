//! Every corpus tree measured against the service metadata of its version (`csdl/` in the
//! corpus: the beta trees against `beta-2021-07-13.xml`, the nearest beta snapshot; v1.0 against
//! `v1.0-2021-07-13.xml`), as `check --metadata` does. The figures, the type tally and the
//! disagreements per code are pinned per tree in `snapshots/metadata_corpus__*.snap`: this is
//! how issue 11's work is measured, so any change in them shows up in review.
//! Slow in debug builds: `.ci/run` runs it with `--release`.

use msgraph_docgen::input::{list_pages, parse_files};
use msgraph_docgen::metadata::{compare, Metadata};
use msgraph_docgen::report::CheckReport;
use msgraph_docgen_e2e::corpus;

/// Each tree with the metadata file it is measured against.
const TREES: &[(&str, &str)] = &[
    (
        "en-US/2021-04-08/beta/resources",
        "csdl/beta-2021-07-13.xml",
    ),
    (
        "en-US/2021-07-16/beta/resources",
        "csdl/beta-2021-07-13.xml",
    ),
    (
        "en-US/2021-07-16/v1.0/resources",
        "csdl/v1.0-2021-07-13.xml",
    ),
    (
        "ru-RU/2021-04-07/beta/resources",
        "csdl/beta-2021-07-13.xml",
    ),
    (
        "ru-RU/2023-02-03/beta/resources",
        "csdl/beta-2021-07-13.xml",
    ),
];

#[test]
#[cfg_attr(
    debug_assertions,
    ignore = "slow in debug builds: .ci/run runs it with --release"
)]
fn every_tree_against_the_service_metadata() {
    let Some(corpus) = corpus("every_tree_against_the_service_metadata") else {
        return;
    };
    for (tree, csdl) in TREES {
        let metadata = Metadata::read(&corpus.join(csdl)).unwrap();
        assert!(
            metadata.ignored.is_empty(),
            "{csdl}: {:?}",
            metadata.ignored
        );
        let (files, _) = list_pages(&[corpus.join(tree)]).unwrap();
        let pages = parse_files(&files);
        let schema = msgraph_docgen::schema::build(&pages);
        let comparison = compare(&schema, &metadata);
        let root = corpus.join(tree).display().to_string();
        let unlocated: Vec<String> = comparison
            .diagnostics
            .iter()
            .filter(|d| !d.location.file.starts_with(&root) || d.location.line == 0)
            .map(|d| d.to_string())
            .collect();
        assert!(
            unlocated.is_empty(),
            "{tree}: disagreements without a docs line: {unlocated:?}"
        );
        let report = CheckReport::with_metadata(&pages, &schema, csdl, &comparison, Some(0));
        insta::assert_snapshot!(snapshot_name(tree), figures(&report));
        eprintln!(
            "{tree} vs {csdl}: {} disagreements",
            comparison.diagnostics.len()
        );
    }
}

/// `en-US/2021-04-08/beta/resources` → `en-US_2021-04-08_beta`.
fn snapshot_name(tree: &str) -> String {
    tree.trim_end_matches("/resources").replace('/', "_")
}

/// The report's `metadata` section without the lists of names (the counts stand for them).
fn figures(report: &CheckReport) -> String {
    let mut v = serde_json::to_value(report.metadata.as_ref().unwrap()).unwrap();
    let section = v.as_object_mut().unwrap();
    section.remove("only_in_metadata");
    section.remove("only_in_metadata_omitted");
    serde_json::to_string_pretty(&v).unwrap()
}
