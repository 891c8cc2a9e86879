//! `--reference TREE` as a user runs it: `schema`, `check`, `generate` (flag and `docgen.toml`)
//! and `diff` take the English identifiers of a translated tree, and a reference that cannot be
//! read stops the command naming it.

use std::path::Path;
use std::process::{Command, Output};

fn docgen(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_msgraph-docgen"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A resource page `x.md`: a title, the two section headings, a table header (the same for
/// both tables) and the name of its relationship.
fn page(title: &str, sections: [&str; 2], header: &str, relationship: &str) -> String {
    let [properties, relationships] = sections;
    format!(
        "# {title}\n\n{properties}\n\n{header}\n|:---|:---|:---|\n| name | String | {title} |\n\n{relationships}\n\n{header}\n|:---|:---|:---|\n| {relationship} | [x](x.md) | {title} |\n\n<!-- {{ \"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.x\" }} -->\n```json\n{{ \"name\": \"String\" }}\n```\n"
    )
}

/// `en/x.md` and `ru/x.md`: the translation damaged the name of the relationship `parent`.
fn trees() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (tree, text) in [
        (
            "en",
            page(
                "x resource type",
                ["## Properties", "## Relationships"],
                "| Property | Type | Description |",
                "parent",
            ),
        ),
        (
            "ru",
            page(
                "Тип ресурса x",
                [
                    "## <a name=\"properties\"></a>Свойства",
                    "## <a name=\"relationships\"></a>Связи",
                ],
                "| Свойство | Тип | Описание |",
                "родитель",
            ),
        ),
    ] {
        std::fs::create_dir(dir.path().join(tree)).unwrap();
        std::fs::write(dir.path().join(tree).join("x.md"), text).unwrap();
    }
    dir
}

/// The own property names of `microsoft.graph.x` in a schema JSON.
fn names(schema_json: &[u8]) -> Vec<String> {
    let v: serde_json::Value = serde_json::from_slice(schema_json).unwrap();
    v["types"][0]["properties"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn schema_takes_the_english_names_and_keeps_the_translated_descriptions() {
    let dir = trees();
    let out = docgen(dir.path(), &["schema", "--input", "ru"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(names(&out.stdout), ["name", "родитель"]);
    let out = docgen(
        dir.path(),
        &["schema", "--input", "ru", "--reference", "en"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(names(&out.stdout), ["name", "parent"]);
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("\"description\": \"Тип ресурса x\""),
        "{stdout}"
    );
    assert!(
        stdout.contains("\"code\": \"reference-applied\""),
        "{stdout}"
    );
}

#[test]
fn check_reports_what_the_reference_settled() {
    let dir = trees();
    let out = docgen(
        dir.path(),
        &["check", "--input", "ru", "--reference", "en", "--verbose"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    let expected = "ru/x.md:13:1: info[reference-applied]: `родитель` (`microsoft.graph.x`) takes from the English page the name `parent`";
    assert!(stdout.contains(expected), "{stdout}");
}

#[test]
fn generate_takes_the_reference_from_the_flag_or_the_config_file() {
    let dir = trees();
    let out = docgen(
        dir.path(),
        &[
            "generate",
            "--input",
            "ru",
            "--reference",
            "en",
            "--out",
            "a",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let code = std::fs::read_to_string(dir.path().join("a/msgraph_types.rs")).unwrap();
    assert!(code.contains("\"parent\" => parent: "), "{code}");
    std::fs::write(
        dir.path().join("docgen.toml"),
        "input = [\"ru\"]\nout = \"b\"\nreference = \"en\"\n",
    )
    .unwrap();
    let out = docgen(dir.path(), &["generate"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let from_config = std::fs::read_to_string(dir.path().join("b/msgraph_types.rs")).unwrap();
    assert_eq!(from_config, code);
}

#[test]
fn diff_of_a_translation_and_its_reference_shows_no_renamed_property() {
    let dir = trees();
    let out = docgen(dir.path(), &["diff", "en", "ru", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let before: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_ne!(before["changes"], serde_json::json!([]));
    let out = docgen(
        dir.path(),
        &["diff", "en", "ru", "--reference", "en", "--format", "json"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let after: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(after["changes"], serde_json::json!([]), "{after}");
}

#[test]
fn a_reference_that_cannot_be_read_stops_the_command_naming_it() {
    let dir = trees();
    for args in [
        &["schema", "--input", "ru", "--reference", "missing"][..],
        &["check", "--input", "ru", "--reference", "missing"],
        &[
            "generate",
            "--input",
            "ru",
            "--reference",
            "missing",
            "--out",
            "c",
        ],
        &["diff", "ru", "ru", "--reference", "missing"],
    ] {
        let command = args[0];
        let out = docgen(dir.path(), args);
        assert_eq!(out.status.code(), Some(2), "{command}");
        let stderr = text(&out.stderr);
        assert!(
            stderr.starts_with("error: the English reference: missing"),
            "{command}: {stderr}"
        );
    }
    assert!(!dir.path().join("c").exists());
}
