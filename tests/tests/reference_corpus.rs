//! The machine-translated ru-RU 2021-04-07 beta tree with its English reference, en-US
//! 2021-04-08 beta (`--reference`), measured against the service metadata as
//! `metadata_corpus.rs` measures every tree: its figures are pinned in
//! `snapshots/reference_corpus__ru-RU_2021-04-07_beta_with_en-US_2021-04-08_beta.snap`, and each
//! is within half a point of the English tree's own (issue 11). The English tree as its own
//! reference changes nothing. Slow in debug builds: `.ci/run` runs it with `--release`.

use msgraph_docgen::input::{list_pages, parse_files};
use msgraph_docgen::metadata::{compare, Figures, Metadata, Ratio};
use msgraph_docgen::report::CheckReport;
use msgraph_docgen::schema::{apply_reference, build, Schema};
use msgraph_docgen_e2e::corpus;
use std::path::Path;

const TRANSLATED: &str = "ru-RU/2021-04-07/beta/resources";
const ENGLISH: &str = "en-US/2021-04-08/beta/resources";
const CSDL: &str = "csdl/beta-2021-07-13.xml";

/// The bound: with a reference, each figure within this many points of English.
const WITHIN: f64 = 0.5;

#[test]
#[cfg_attr(
    debug_assertions,
    ignore = "slow in debug builds: .ci/run runs it with --release"
)]
fn a_translated_tree_with_its_english_reference_measures_as_english() {
    let Some(corpus) = corpus("a_translated_tree_with_its_english_reference_measures_as_english")
    else {
        return;
    };
    let metadata = Metadata::read(&corpus.join(CSDL)).unwrap();
    let (_, english) = pages_and_schema(&corpus.join(ENGLISH));
    assert_eq!(
        apply_reference(english.clone(), &english),
        english,
        "the English tree as its own reference"
    );
    let (pages, translated) = pages_and_schema(&corpus.join(TRANSLATED));
    let corrected = apply_reference(translated, &english);
    let root = corpus.join(TRANSLATED).display().to_string();
    let unlocated: Vec<String> = corrected
        .diagnostics
        .iter()
        .filter(|d| {
            d.code.as_str().starts_with("reference-") && !d.location.file.starts_with(&root)
        })
        .map(|d| d.to_string())
        .collect();
    assert!(
        unlocated.is_empty(),
        "outside the translated tree: {unlocated:?}"
    );
    let comparison = compare(&corrected, &metadata);
    let report = CheckReport::with_metadata(&pages, &corrected, CSDL, &comparison, Some(0));
    insta::assert_snapshot!(
        "ru-RU_2021-04-07_beta_with_en-US_2021-04-08_beta",
        figures(&report)
    );
    let theirs = compare(&english, &metadata).figures;
    let gaps = gaps(&comparison.figures, &theirs);
    for (name, ours, theirs) in &gaps {
        eprintln!("{name}: {ours:.2}% with the reference, {theirs:.2}% in English");
    }
    let far: Vec<_> = gaps
        .iter()
        .filter(|(_, ours, theirs)| (ours - theirs).abs() > WITHIN)
        .collect();
    assert!(
        far.is_empty(),
        "more than {WITHIN} points from English: {far:?}"
    );
}

/// The pages under `dir` and their schema.
fn pages_and_schema(dir: &Path) -> (Vec<msgraph_docgen::parse::Page>, Schema) {
    let (files, _) = list_pages(&[dir.to_path_buf()]).unwrap();
    let pages = parse_files(&files);
    let schema = build(&pages);
    (pages, schema)
}

/// Reads one figure.
type Figure = fn(&Figures) -> &Ratio;

/// Each figure of the issue: its name, ours and theirs in percent (unrounded).
fn gaps(ours: &Figures, theirs: &Figures) -> Vec<(&'static str, f64, f64)> {
    let percent = |r: &Ratio| r.count as f64 * 100.0 / r.total.max(1) as f64;
    let pick: [(&str, Figure); 9] = [
        ("base", |f| &f.base),
        ("kind", |f| &f.kind),
        ("own property precision", |f| &f.own_properties.precision),
        ("own property recall", |f| &f.own_properties.recall),
        ("property type", |f| &f.property_type),
        ("collection", |f| &f.collection),
        ("enum member precision", |f| &f.enum_members.precision),
        ("enum member recall", |f| &f.enum_members.recall),
        ("enum value", |f| &f.enum_members.value),
    ];
    pick.iter()
        .map(|(name, get)| (*name, percent(get(ours)), percent(get(theirs))))
        .collect()
}

/// The report's `metadata` section without the lists of names, and the counts of the
/// `reference-*` diagnostics.
fn figures(report: &CheckReport) -> String {
    let mut v = serde_json::to_value(report.metadata.as_ref().unwrap()).unwrap();
    let section = v.as_object_mut().unwrap();
    section.remove("only_in_metadata");
    section.remove("only_in_metadata_omitted");
    let by_code = serde_json::to_value(&report.diagnostics).unwrap()["by_code"].clone();
    let reference: std::collections::BTreeMap<String, serde_json::Value> = by_code
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["code"].as_str().unwrap().starts_with("reference-"))
        .map(|c| (c["code"].as_str().unwrap().to_owned(), c["count"].clone()))
        .collect();
    section.insert(
        "reference".to_owned(),
        serde_json::to_value(reference).unwrap(),
    );
    serde_json::to_string_pretty(&v).unwrap()
}
