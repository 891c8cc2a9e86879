//! The README's examples are real: its `msgraph-docgen` command lines run and succeed, its
//! build.rs example is what the `tests/build-script` crate runs, and its macro example is what
//! the `tests/macro-user` crate expands. (Its Rust library example is a doctest of
//! `msgraph_docgen`.)

use std::path::{Path, PathBuf};
use std::process::Command;

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn readme() -> String {
    std::fs::read_to_string(workspace().join("README.md")).unwrap()
}

/// The lines of every fenced block whose info string is `lang`.
fn blocks(text: &str, lang: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let mut current: Option<Vec<String>> = None;
    for line in text.lines() {
        match (&mut current, line.strip_prefix("```")) {
            (None, Some(info)) if info.trim() == lang => current = Some(Vec::new()),
            (Some(_), Some(_)) => out.push(current.take().unwrap()),
            (Some(block), None) => block.push(line.to_owned()),
            _ => {}
        }
    }
    out
}

/// Splits a command line on spaces, keeping double-quoted words whole and expanding
/// `$DOCGEN_CORPUS`.
fn words(line: &str, corpus: &str) -> Vec<String> {
    let line = line.replace("$DOCGEN_CORPUS", corpus);
    let mut out = Vec::new();
    let mut word = String::new();
    let mut quoted = false;
    for c in line.chars() {
        match c {
            '"' => quoted = !quoted,
            ' ' if !quoted => {
                if !word.is_empty() {
                    out.push(std::mem::take(&mut word));
                }
            }
            c => word.push(c),
        }
    }
    if !word.is_empty() {
        out.push(word);
    }
    out
}

#[test]
fn every_command_line_of_the_readme_runs() {
    let corpus = std::env::var("DOCGEN_CORPUS")
        .map_or_else(|_| workspace().join("../shared/corpus"), PathBuf::from);
    let have_corpus = corpus.join("README.md").is_file();
    if !have_corpus && std::env::var("DOCGEN_REQUIRE_CORPUS").as_deref() == Ok("1") {
        panic!(
            "corpus not found at {} and DOCGEN_REQUIRE_CORPUS=1",
            corpus.display()
        );
    }
    let corpus = corpus.display().to_string();
    let mut ran = 0;
    for line in blocks(&readme(), "sh").into_iter().flatten() {
        let Some(args) = line.strip_prefix("cargo run -p msgraph-docgen -- ") else {
            continue;
        };
        let args = words(args, &corpus);
        // A plain `generate` rewrites the checked-in code: CI checks it with `--check` instead.
        if args[0] == "generate" && !args.iter().any(|a| a == "--check" || a == "--out") {
            continue;
        }
        if line.contains("$DOCGEN_CORPUS") && !have_corpus {
            eprintln!("SKIPPED README line (no corpus): {line}");
            continue;
        }
        let output = Command::new(env!("CARGO_BIN_EXE_msgraph-docgen"))
            .args(&args)
            .current_dir(workspace())
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "README line failed: {line}\n{}",
            String::from_utf8_lossy(&output.stderr)
        );
        ran += 1;
    }
    assert!(ran >= 2, "the README's commands were not found");
    if have_corpus {
        let family =
            std::fs::read_to_string(workspace().join("target/family/msgraph_types.rs")).unwrap();
        for subtype in [
            "LocateDeviceActionResult",
            "RemoteLockActionResult",
            "WindowsDefenderScanActionResult",
        ] {
            assert!(
                family.contains(&format!("\" => {subtype}({subtype}) = base,")),
                "{subtype}"
            );
        }
        // The translated tree, with the English names its reference gives it.
        let translated =
            std::fs::read_to_string(workspace().join("target/translated/msgraph_types.rs"))
                .unwrap();
        assert!(translated.contains(" => root_certificate_for_server_validation: "));
    }
}

#[test]
fn the_readme_build_script_is_the_one_the_build_script_crate_runs() {
    let build_rs =
        std::fs::read_to_string(workspace().join("tests/build-script/build.rs")).unwrap();
    let example = blocks(&readme(), "rust,ignore")
        .into_iter()
        .find(|b| b.iter().any(|l| l.contains("Builder::new()")))
        .expect("a build.rs example in the README");
    for line in example {
        assert!(
            build_rs.contains(&line),
            "README build.rs line not in tests/build-script/build.rs: {line}"
        );
    }
}

#[test]
fn the_readme_macro_call_is_the_one_the_macro_user_crate_expands() {
    let lib_rs = std::fs::read_to_string(workspace().join("tests/macro-user/src/lib.rs")).unwrap();
    let example = blocks(&readme(), "rust,ignore")
        .into_iter()
        .find(|b| {
            b.iter()
                .any(|l| l.contains("msgraph_docgen_macros::generate!"))
        })
        .expect("a macro example in the README");
    assert!(example.len() > 3, "{example:?}");
    for line in example {
        assert!(
            lib_rs.lines().any(|l| l == line),
            "README macro line not in tests/macro-user/src/lib.rs: {line}"
        );
    }
}
