//! Pseudo-localisation of the largest English corpus tree (en-US 2021-07-16 beta): each page
//! rewritten into made-up languages (`msgraph_docgen_e2e::pseudo`), the schema read from each
//! compared with the English one (`msgraph_docgen_e2e::agreement`). The words of the made-up
//! languages are nowhere in the parser: what it reads right it reads by structure, or from
//! words it learned from the tree itself. The agreement per pseudo-locale (types, bases,
//! properties, enum members) is pinned in `snapshots/pseudo_locale__agreement.snap`, and must
//! be at least [`AGREEMENT`] percent on each figure.
//! Slow in debug builds: `.ci/run` runs it with `--release`.

use msgraph_docgen::diag::Code;
use msgraph_docgen::input::{list_pages, parse_sources};
use msgraph_docgen::schema::build;
use msgraph_docgen_e2e::agreement::agreement;
use msgraph_docgen_e2e::corpus;
use msgraph_docgen_e2e::pseudo::{localise_all, sample, LOCALES};

/// The tree rewritten.
const TREE: &str = "en-US/2021-07-16/beta/resources";

/// The least share (percent) of types, bases, properties and enum members that must agree
/// with the English schema in every pseudo-locale.
const AGREEMENT: f64 = 99.0;

#[test]
#[cfg_attr(
    debug_assertions,
    ignore = "slow in debug builds: .ci/run runs it with --release"
)]
fn pseudo_localised_trees_read_like_english() {
    let Some(corpus) = corpus("pseudo_localised_trees_read_like_english") else {
        return;
    };
    let (files, _) = list_pages(&[corpus.join(TREE)]).unwrap();
    let sources: Vec<(String, Vec<u8>)> = files
        .iter()
        .map(|f| (f.display().to_string(), std::fs::read(f).unwrap()))
        .collect();
    let english = build(parse_sources(&sources));
    let mut failures = Vec::new();
    let mut pinned = String::new();
    for locale in LOCALES {
        let pages = parse_sources(&localise_all(&sources, locale));
        let schema = build(&pages);
        let learned: Vec<String> = schema
            .diagnostics
            .iter()
            .filter(|d| d.code == Code::LearnedWord)
            .map(|d| d.message.clone())
            .collect();
        let a = agreement(&english, &schema);
        eprintln!("{} ({}):\n  {a}", locale.name, sample(locale));
        pinned.push_str(&format!(
            "{}: {a}; {} words learned\n",
            locale.name,
            learned.len()
        ));
        for (what, tally) in [
            ("types", &a.types),
            ("bases", &a.bases),
            ("properties", &a.properties),
            ("enum members", &a.members),
        ] {
            for example in &tally.examples {
                eprintln!("  {what} differ: {example}");
            }
        }
        // The type and collection words and the phrases in full; property names by count.
        let names = learned
            .iter()
            .filter(|m| m.contains("property name"))
            .count();
        eprintln!(
            "  learned {} words, {names} of them property names:",
            learned.len()
        );
        for l in learned.iter().filter(|m| !m.contains("property name")) {
            eprintln!("    {l}");
        }
        if a.lowest() < AGREEMENT {
            failures.push(format!("{}: {a}", locale.name));
        }
    }
    insta::assert_snapshot!("agreement", pinned);
    assert!(
        failures.is_empty(),
        "pseudo-locales below {AGREEMENT}%: {failures:#?}"
    );
}
