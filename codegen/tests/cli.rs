//! The command line as a user runs it: exit codes, messages, files written or not.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn docgen(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_msgraph-docgen"))
        .args(args)
        .current_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join(".."))
        .output()
        .expect("binary runs")
}

fn temp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("docgen-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn check_on_the_founding_input_reports_the_reconstructions_and_succeeds() {
    let out = docgen(&["check"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(stdout.contains("docs-input/intune-devices-resetpasscodeactionresult.md:26:1: warning[reconstructed-type]"), "{stdout}");
    assert!(stdout.contains("3 types; 0 errors, 2 warnings"), "{stdout}");
}

#[test]
fn schema_prints_versioned_json() {
    let out = docgen(&["schema"]);
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["format_version"], 1);
    assert_eq!(v["types"][2]["name"], "resetPasscodeActionResult");
}

#[test]
fn a_missing_input_is_a_usage_error_naming_the_path() {
    let out = docgen(&["check", "--input", "no/such/dir"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("no/such/dir: cannot read"),
        "{}",
        text(&out.stderr)
    );
    let empty = temp("empty");
    let out = docgen(&["check", "--input", empty.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("no `.md` pages found"));
}

#[test]
fn non_utf8_pages_are_errors_with_file_and_line() {
    let dir = temp("utf8");
    std::fs::write(dir.join("bad.md"), b"# Title\n\nok line\n\xff\xfe broken\n").unwrap();
    let out = docgen(&["check", "--input", dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("bad.md:4: error[io]: expected UTF-8 text"),
        "{stdout}"
    );
}

#[test]
fn generate_writes_and_check_mode_detects_staleness_without_writing() {
    let dir = temp("generate");
    let out_dir = dir.join("src");
    let out = docgen(&["generate", "--out", out_dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let file = out_dir.join("msgraph_types.rs");
    let written = std::fs::read_to_string(&file).unwrap();
    assert!(written.contains("pub struct ResetPasscodeActionResult"));
    assert_eq!(
        std::fs::read_dir(&out_dir).unwrap().count(),
        1,
        "no temporary file left behind"
    );

    let out = docgen(&["generate", "--out", out_dir.to_str().unwrap(), "--check"]);
    assert_eq!(out.status.code(), Some(0));

    std::fs::write(&file, "// edited by hand\n").unwrap();
    let out = docgen(&["generate", "--out", out_dir.to_str().unwrap(), "--check"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("stale:"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        "// edited by hand\n",
        "--check never writes"
    );
}

#[test]
fn diff_compares_a_saved_schema_with_pages_and_fails_on_request() {
    let dir = temp("diff");
    let saved = dir.join("old.json");
    let out = docgen(&["schema"]);
    std::fs::write(&saved, &out.stdout).unwrap();
    // Same docs: no change, exit 0 even with --fail-on warning.
    let out = docgen(&[
        "diff",
        saved.to_str().unwrap(),
        "docs-input",
        "--fail-on",
        "warning",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("no changes"),
        "{}",
        text(&out.stdout)
    );
    // A property removed from the page breaks writers: an error.
    let page = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../docs-input/intune-devices-resetpasscodeactionresult.md"),
    )
    .unwrap();
    let edited: String = page
        .lines()
        .filter(|l| !l.starts_with("|passcode|") && !l.contains("\"passcode\""))
        .map(|l| format!("{l}\n"))
        .collect();
    let new = dir.join("intune-devices-resetpasscodeactionresult.md");
    std::fs::write(&new, edited).unwrap();
    let out = docgen(&[
        "diff",
        saved.to_str().unwrap(),
        new.to_str().unwrap(),
        "--format",
        "json",
        "--fail-on",
        "error",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let change = &report["changes"][0];
    assert_eq!(change["type"], "microsoft.graph.resetPasscodeActionResult");
    assert_eq!(change["property"], "passcode");
    assert_eq!(change["kind"], "property-removed");
    assert_eq!(change["severity"], "error");
}

/// A tree of `n` small pages: one per overview, plus `bad.md` with a broken JSON block.
fn tree_of_pages(name: &str, n: usize) -> PathBuf {
    let dir = temp(name);
    for i in 0..n {
        std::fs::write(
            dir.join(format!("overview{i:03}.md")),
            "# Overview\n\nNothing here.\n",
        )
        .unwrap();
    }
    std::fs::write(
        dir.join("bad.md"),
        "# x resource type\n\n## Properties\n|Property|Type|Description|\n|-|-|-|\n|a|String|x|\n\n## JSON representation\n<!-- {\"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.x\"} -->\n```json\n{ \"a\": NAV.Thing }\n```\n",
    )
    .unwrap();
    dir
}

#[test]
fn check_json_is_the_documented_report_and_errors_exit_1() {
    let dir = tree_of_pages("report-json", 70);
    let out = docgen(&[
        "check",
        "--input",
        dir.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stderr),
        "",
        "no progress bar when stderr is not a terminal"
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["format_version"], 2);
    assert_eq!(v["pages"]["total"], 71);
    assert_eq!(v["pages"]["resource"], 1);
    assert_eq!(v["pages"]["not_a_type_page"], 70);
    assert_eq!(v["types"]["total"], 1);
    assert_eq!(v["diagnostics"]["by_severity"]["error"], 1);
    let groups = v["diagnostics"]["by_code"].as_array().unwrap();
    assert_eq!(groups[0]["code"], "bad-json-block");
    assert_eq!(groups[0]["examples"][0]["line"], 11);
    assert_eq!(groups[1]["code"], "not-a-type-page");
    assert_eq!(groups[1]["count"], 70);
    assert_eq!(groups[1]["examples"].as_array().unwrap().len(), 3);
    assert_eq!(groups[1]["omitted"], 67);
}

#[test]
fn check_verbose_lists_every_diagnostic_under_its_code() {
    let dir = tree_of_pages("report-verbose", 5);
    let out = docgen(&["check", "--input", dir.to_str().unwrap()]);
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("not-a-type-page      5  in 5 files"),
        "{stdout}"
    );
    assert!(
        stdout.contains("... and 2 more (--verbose lists all)"),
        "{stdout}"
    );
    assert!(
        stdout.contains("pages            6  1 resource, 0 enum, 0 multi-enum, 5 not a type page"),
        "{stdout}"
    );
    let out = docgen(&["check", "--input", dir.to_str().unwrap(), "--verbose"]);
    let stdout = text(&out.stdout);
    assert_eq!(
        stdout.matches("info[not-a-type-page]").count(),
        5,
        "{stdout}"
    );
    assert!(!stdout.contains("more (--verbose"), "{stdout}");
}
