//! `check --metadata FILE` as a user runs it: the figures in text and JSON, the `metadata-*`
//! diagnostics with the others, and a bad metadata file stopping the command.

use std::path::Path;
use std::process::{Command, Output};

/// The golden case of `tests/fixtures/reports/check/metadata`: pages and their `metadata.xml`.
const CASE: &str = "tests/fixtures/reports/check/metadata";

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
fn check_with_metadata_prints_the_figures_and_the_disagreements() {
    let pages = format!("{CASE}/pages");
    let xml = format!("{CASE}/metadata.xml");
    let out = docgen(&["check", "--input", &pages, "--metadata", &xml]);
    // Disagreements are warnings and notes: they never fail the command.
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    for needle in [
        "metadata    tests/fixtures/reports/check/metadata/metadata.xml: 8 types; 6 on both sides",
        "  base type right       40.0% (2 of 5)",
        "warning[metadata-base]: the docs derive `microsoft.graph.user` from `microsoft.graph.entity`",
        "only in the metadata  microsoft.graph.Json, microsoft.graph.group",
    ] {
        assert!(stdout.contains(needle), "{needle:?} not in\n{stdout}");
    }
}

#[test]
fn check_json_with_metadata_has_the_metadata_object_and_without_it_none() {
    let pages = format!("{CASE}/pages");
    let xml = format!("{CASE}/metadata.xml");
    let out = docgen(&[
        "check",
        "--input",
        &pages,
        "--metadata",
        &xml,
        "--format",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["format_version"], 2);
    let m = &v["metadata"];
    assert_eq!(m["types"]["both"], 6);
    assert_eq!(m["types"]["case_only"], 1);
    assert_eq!(m["figures"]["base"]["count"], 2);
    assert_eq!(m["figures"]["base"]["total"], 5);
    assert_eq!(m["figures"]["base"]["percent"], 40.0);
    assert_eq!(
        m["figures"]["own_properties"]["false_declared_on_ancestor"],
        1
    );
    assert_eq!(m["disagreements"]["metadata-kind"], 2);
    assert_eq!(m["only_in_metadata"][1], "microsoft.graph.group");
    let codes: Vec<&str> = v["diagnostics"]["by_code"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["code"].as_str().unwrap())
        .collect();
    assert!(codes.contains(&"metadata-ancestor-property"), "{codes:?}");

    let plain = docgen(&["check", "--input", &pages, "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&plain.stdout).unwrap();
    assert!(
        v.get("metadata").is_none(),
        "no metadata key without --metadata"
    );
}

#[test]
fn a_bad_metadata_file_is_a_usage_error_before_the_pages_are_read() {
    let dir = std::env::temp_dir().join(format!("docgen-cli-metadata-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let not_xml = dir.join("not.xml");
    std::fs::write(&not_xml, "<Schema Namespace=").unwrap();
    let not_csdl = dir.join("other.xml");
    std::fs::write(&not_csdl, "<root/>").unwrap();
    for (file, message) in [
        (
            not_xml.display().to_string(),
            "error: the metadata is not XML",
        ),
        (
            not_csdl.display().to_string(),
            "error: the metadata has no <Schema> element",
        ),
        (
            "no/such/metadata.xml".to_owned(),
            "error: no/such/metadata.xml: ",
        ),
    ] {
        // The input does not exist either: the metadata is read first.
        let out = docgen(&["check", "--input", "no/such/dir", "--metadata", &file]);
        assert_eq!(out.status.code(), Some(2));
        assert!(
            text(&out.stderr).starts_with(message),
            "{message:?}: {}",
            text(&out.stderr)
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}
