//! The `validate` command as a user runs it: the report, its JSON, exit codes.

use std::path::Path;
use std::process::{Command, Output};

const CASE: &str = "tests/fixtures/reports/validate/examples";

fn docgen(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_msgraph-docgen"))
        .args(args)
        .current_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join(".."))
        .output()
        .expect("binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn the_text_report_is_the_golden_one_and_exits_0_without_fail_on() {
    let api = format!("{CASE}/api");
    let input = format!("{CASE}/resources");
    let out = docgen(&["validate", "--api", &api, "--input", &input]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let expected = std::fs::read_to_string(root.join(CASE).join("expected.txt")).unwrap();
    // The golden names pages relative to the case; the command names them as given.
    let stdout = text(&out.stdout).replace(&format!("{CASE}/"), "");
    assert_eq!(stdout, expected);
}

#[test]
fn fail_on_sets_the_exit_code() {
    let api = format!("{CASE}/api");
    let input = format!("{CASE}/resources");
    for (level, code) in [("error", 1), ("warning", 1)] {
        let out = docgen(&["validate", "--api", &api, "-i", &input, "--fail-on", level]);
        assert_eq!(out.status.code(), Some(code), "{level}");
    }
    // --api takes single pages too; this one's request names an unknown property.
    let page = format!("{api}/user-post-users.md");
    let out = docgen(&[
        "validate",
        "--api",
        &page,
        "-i",
        &input,
        "--fail-on",
        "error",
    ]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stdout));
}

#[test]
fn json_is_the_documented_report() {
    let api = format!("{CASE}/api");
    let input = format!("{CASE}/resources");
    let out = docgen(&[
        "validate", "--api", &api, "--input", &input, "--format", "json",
    ]);
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["format_version"], 1);
    assert_eq!(v["pages"], 5);
    assert_eq!(v["blocks"]["ignored"], 1);
    for key in [
        "total",
        "requests",
        "responses",
        "no_body",
        "not_json",
        "unchecked",
        "valid",
        "with_warnings",
        "with_errors",
        "typed_by_annotation",
        "typed_by_path",
    ] {
        assert!(v["examples"][key].is_u64(), "{key}");
    }
    assert_eq!(
        v["types_most_often_wrong"][0]["type"],
        "microsoft.graph.user"
    );
    assert_eq!(v["diagnostics"]["by_code"][0]["code"], "example-format");
}

#[test]
fn without_input_the_resources_beside_the_api_directory_are_read() {
    let out = docgen(&["validate", "--api", "docs-input"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("no --input given") && stderr.contains("resources"),
        "{stderr}"
    );
    let api = format!("{CASE}/api");
    let out = docgen(&["validate", "--api", &api]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("10 examples; 6 errors"));
}
