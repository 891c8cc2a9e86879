//! Golden files: one small case per feature, each an input folder with its expected output
//! beside it, all compared by the one loop below.
//!
//! ```text
//! tests/fixtures/emit/<case>/pages/*.md           hand-written docs pages
//! tests/fixtures/emit/<case>/docgen.toml          optional settings (`input = ["pages"]`, knobs)
//! tests/fixtures/emit/<case>/expected.rs          the generated code
//! tests/fixtures/reports/check/<case>/pages/*.md
//! tests/fixtures/reports/check/<case>/metadata.xml    optional: `check --metadata metadata.xml`
//! tests/fixtures/reports/check/<case>/expected.txt    `check`'s text report
//! tests/fixtures/reports/diff/<case>/{old,new}/*.md
//! tests/fixtures/reports/diff/<case>/expected.md      `diff --format markdown` from old to new
//! tests/fixtures/reports/validate/<case>/{api,resources}/*.md
//! tests/fixtures/reports/validate/<case>/expected.txt `validate`'s text report
//! ```
//!
//! Every `expected.rs` is also compiled, and exercised, by `golden_compiled.rs`; a case missing
//! there fails here. Pages are named by their path inside the case folder (`pages/device.md`),
//! so the reports do not depend on where the repository lives.
//!
//! A new case, or an intended change of the output: `DOCGEN_BLESS=1 cargo test -p
//! msgraph-docgen-e2e --test golden` writes every expected file; review the diff before
//! committing. Without the switch a missing or differing expected file fails the test.

use msgraph_docgen::parse::Page;
use msgraph_docgen::schema::Schema;
use msgraph_docgen::Builder;
use msgraph_docgen_e2e::workspace;
use std::path::{Path, PathBuf};

/// A kind of case: where its folders are, what its expected file is called, how it is produced.
struct CaseKind {
    dir: &'static str,
    expected: &'static str,
    produce: fn(&Path) -> Result<String, String>,
}

const KINDS: &[CaseKind] = &[
    CaseKind {
        dir: "emit",
        expected: "expected.rs",
        produce: generated_code,
    },
    CaseKind {
        dir: "reports/check",
        expected: "expected.txt",
        produce: check_report,
    },
    CaseKind {
        dir: "reports/diff",
        expected: "expected.md",
        produce: diff_report,
    },
    CaseKind {
        dir: "reports/validate",
        expected: "expected.txt",
        produce: validate_report,
    },
];

fn fixtures() -> PathBuf {
    workspace().join("tests/fixtures")
}

/// The code `msgraph-docgen generate` writes for the case: with its `docgen.toml` when there is
/// one, else with default settings over `pages/`.
fn generated_code(case: &Path) -> Result<String, String> {
    let config = case.join("docgen.toml");
    let builder = if config.is_file() {
        Builder::from_config_file(&config).map_err(|e| e.to_string())?
    } else {
        let mut b = Builder::new();
        b.input(case.join("pages"));
        b
    };
    Ok(builder.generate_code().map_err(|e| e.to_string())?.code)
}

/// `msgraph-docgen check pages` as text (with `--metadata metadata.xml` when the case has one).
fn check_report(case: &Path) -> Result<String, String> {
    use msgraph_docgen::metadata::{compare, Metadata};
    use msgraph_docgen::report::{CheckReport, DEFAULT_EXAMPLES};
    let pages = pages_in(case, "pages")?;
    let schema = msgraph_docgen::schema::build(&pages);
    let metadata = case.join("metadata.xml");
    let report = if metadata.is_file() {
        let metadata = Metadata::read(&metadata).map_err(|e| e.to_string())?;
        let comparison = compare(&schema, &metadata);
        CheckReport::with_metadata(
            &pages,
            &schema,
            "metadata.xml",
            &comparison,
            Some(DEFAULT_EXAMPLES),
        )
    } else {
        CheckReport::new(&pages, &schema, Some(DEFAULT_EXAMPLES))
    };
    Ok(report.render_text())
}

/// `msgraph-docgen diff old new --format markdown`.
fn diff_report(case: &Path) -> Result<String, String> {
    use msgraph_docgen::diff::{diff, render_markdown, DiffOptions};
    let schema = |side: &str| -> Result<Schema, String> {
        Ok(msgraph_docgen::schema::build(&pages_in(case, side)?))
    };
    let report = diff(&schema("old")?, &schema("new")?, &DiffOptions::default());
    Ok(render_markdown(&report))
}

/// `msgraph-docgen validate --api api --input resources` as text.
fn validate_report(case: &Path) -> Result<String, String> {
    use msgraph_docgen::report::DEFAULT_EXAMPLES;
    use msgraph_docgen::validate::{read_api_page, validate, ValidateReport};
    let resources = pages_in(case, "resources")?;
    let schema = msgraph_docgen::schema::build(&resources);
    let api = texts_in(case, "api")?
        .iter()
        .map(|(name, text)| read_api_page(name, text))
        .collect::<Vec<_>>();
    let validation = validate(&api, &schema, &resources);
    Ok(ValidateReport::new(&validation, Some(DEFAULT_EXAMPLES)).render_text())
}

/// The `.md` pages of `case/folder`, in name order, each named `folder/file.md`.
fn pages_in(case: &Path, folder: &str) -> Result<Vec<Page>, String> {
    Ok(texts_in(case, folder)?
        .iter()
        .map(|(name, text)| msgraph_docgen::input::parse_source(name, text.as_bytes()))
        .collect())
}

/// The texts of the `.md` files of `case/folder`, in name order, each named `folder/file.md`.
fn texts_in(case: &Path, folder: &str) -> Result<Vec<(String, String)>, String> {
    let dir = case.join(folder);
    let entries = std::fs::read_dir(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut names: Vec<String> = entries
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".md"))
        .collect();
    names.sort();
    if names.is_empty() {
        return Err(format!("{}: no `.md` pages", dir.display()));
    }
    names
        .iter()
        .map(|n| {
            let text = std::fs::read_to_string(dir.join(n)).map_err(|e| format!("{n}: {e}"))?;
            Ok((format!("{folder}/{n}"), text))
        })
        .collect()
}

/// The case folders under `dir`, in name order.
fn cases_in(dir: &Path) -> Vec<PathBuf> {
    let mut cases: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| Some(e.ok()?.path()))
        .filter(|p| p.is_dir())
        .collect();
    cases.sort();
    cases
}

/// Where two texts first differ, with the lines before it, for a failure message.
fn first_difference(expected: &str, actual: &str) -> String {
    let (old, new): (Vec<&str>, Vec<&str>) = (expected.lines().collect(), actual.lines().collect());
    let at = old
        .iter()
        .zip(&new)
        .position(|(a, b)| a != b)
        .unwrap_or(old.len().min(new.len()));
    let mut out = format!(
        "first difference at line {} ({} lines expected, {} produced):\n",
        at + 1,
        old.len(),
        new.len()
    );
    for (i, line) in old.iter().enumerate().take(at).skip(at.saturating_sub(3)) {
        out.push_str(&format!("    {:>5}   {line}\n", i + 1));
    }
    let show = |side: &[&str]| {
        side.get(at)
            .map_or("<end of file>".to_owned(), |l| l.to_string())
    };
    out.push_str(&format!("    expected: {}\n", show(&old)));
    out.push_str(&format!("    produced: {}\n", show(&new)));
    if old.len() == new.len() && at == old.len() {
        out.push_str("    (the texts differ in line endings or a final newline)\n");
    }
    out
}

#[test]
fn every_case_produces_its_expected_file() {
    let bless = std::env::var("DOCGEN_BLESS").as_deref() == Ok("1");
    let mut failures = Vec::new();
    let mut count = 0;
    for kind in KINDS {
        for case in cases_in(&fixtures().join(kind.dir)) {
            count += 1;
            let name = format!(
                "{}/{}",
                kind.dir,
                case.file_name().unwrap().to_string_lossy()
            );
            let path = case.join(kind.expected);
            let fresh = match (kind.produce)(&case) {
                Ok(text) => text,
                Err(e) => {
                    failures.push(format!("{name}: cannot produce the output: {e}"));
                    continue;
                }
            };
            if bless {
                std::fs::write(&path, &fresh).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
                continue;
            }
            match std::fs::read_to_string(&path) {
                Err(e) => failures.push(format!(
                    "{name}: no {} ({e}); create it with DOCGEN_BLESS=1 and review it",
                    kind.expected
                )),
                Ok(expected) if expected != fresh => failures.push(format!(
                    "{name}: {} is stale, {}",
                    kind.expected,
                    first_difference(&expected, &fresh)
                )),
                Ok(_) => {}
            }
        }
    }
    assert!(count > 0, "no golden cases under {}", fixtures().display());
    assert!(
        failures.is_empty(),
        "{} of {count} golden cases fail. After an intended change: DOCGEN_BLESS=1 cargo test -p \
         msgraph-docgen-e2e --test golden, then review the diff.\n\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn every_generated_case_is_compiled() {
    let compiled = include_str!("golden_compiled.rs");
    let missing: Vec<String> = cases_in(&fixtures().join("emit"))
        .iter()
        .map(|case| case.file_name().unwrap().to_string_lossy().into_owned())
        .filter(|case| {
            !compiled.contains(&format!(
                "include!(\"../fixtures/emit/{case}/expected.rs\")"
            ))
        })
        .collect();
    assert!(
        missing.is_empty(),
        "emit cases not compiled by tests/tests/golden_compiled.rs: {missing:?}"
    );
}

/// Emit writes its text directly (prettyplease only lays out long lines and the user's text):
/// every generated case, each feature and setting of the output, reads exactly as prettyplease
/// would lay it out.
#[test]
fn every_generated_case_is_laid_out_as_prettyplease_lays_it_out() {
    let mut failures = Vec::new();
    for case in cases_in(&fixtures().join("emit")) {
        let code = generated_code(&case).unwrap_or_else(|e| panic!("{}: {e}", case.display()));
        if let Err(e) = msgraph_docgen_e2e::layout::check_prettyplease_layout(&code) {
            failures.push(format!("{}: {e}", case.display()));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
