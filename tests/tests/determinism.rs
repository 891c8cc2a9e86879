//! The same pages, copied to other directories in another order, give byte-identical generated
//! code and byte-identical schema JSON once the directory part of page paths (the only part
//! that legitimately differs) is replaced by `ROOT/`.
//!
//! Layouts: a flat directory filled in name order, and a nested one (`nested/deeper/<first
//! character>/<page>`) filled in reverse order. The nesting keeps the relative order of the
//! pages, so rules that depend on it ("the first definition by path wins") decide alike.

use msgraph_docgen::emit::{emit, EmitOptions};
use msgraph_docgen::input::list_pages;
use msgraph_docgen_e2e::{corpus, workspace};
use std::path::{Path, PathBuf};

/// Copies `files` into `root`, flat in name order, or nested in reverse order.
fn copy(files: &[PathBuf], root: &Path, nested: bool) {
    let mut order: Vec<&PathBuf> = files.iter().collect();
    if nested {
        order.reverse();
    }
    for file in order {
        let name = file.file_name().expect("a page file");
        let dir = if nested {
            let first = name.to_string_lossy().chars().next().unwrap_or('_');
            root.join("nested/deeper").join(first.to_string())
        } else {
            root.to_path_buf()
        };
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::copy(file, dir.join(name)).unwrap();
    }
}

/// The schema JSON with the directory part of every page path (in locations and in messages)
/// replaced by `ROOT/`: the only part that legitimately differs between the layouts.
fn relative(json: &str, root: &Path, nested: bool) -> String {
    let prefix = if nested {
        format!("{}/nested/deeper/", root.display())
    } else {
        format!("{}/", root.display())
    };
    let mut out = String::with_capacity(json.len());
    let mut rest = json;
    while let Some(i) = rest.find(&prefix) {
        out.push_str(&rest[..i]);
        out.push_str("ROOT/");
        rest = &rest[i + prefix.len()..];
        if nested {
            // Skip the `<first character>/` bucket.
            rest = rest.split_once('/').map_or("", |(_, after)| after);
        }
    }
    out.push_str(rest);
    out
}

/// Generated code and path-normalized schema JSON of the pages under `root`.
fn outputs(root: &Path, nested: bool) -> (String, String) {
    let schema = msgraph_docgen::schema_of(&[root.to_path_buf()]).expect("pages readable");
    let code = emit(&schema, &EmitOptions::default());
    (code, relative(&schema.to_json(), root, nested))
}

/// Copies the pages both ways and compares what they generate.
fn assert_layout_independent(files: &[PathBuf]) -> usize {
    let a = tempfile::tempdir().unwrap();
    let b = tempfile::tempdir().unwrap();
    copy(files, a.path(), false);
    copy(files, b.path(), true);
    let (code_a, json_a) = outputs(a.path(), false);
    let (code_b, json_b) = outputs(b.path(), true);
    assert!(code_a == code_b, "generated code depends on the layout");
    assert!(json_a == json_b, "schema JSON depends on the layout");
    // Same output again from the same directory: nothing depends on scheduling either.
    assert!(
        outputs(b.path(), true).0 == code_b,
        "generated code differs between runs"
    );
    code_a.len()
}

#[test]
fn fixture_pages_in_other_directories_and_orders() {
    let mut files = list_pages(&[
        workspace().join("tests/fixtures/hostile/pages"),
        workspace().join("docs-input"),
    ])
    .unwrap()
    .0;
    files.sort_by_key(|f| f.file_name().map(ToOwned::to_owned));
    assert!(assert_layout_independent(&files) > 0);
}

#[test]
fn a_corpus_sample_in_other_directories_and_orders() {
    let Some(corpus) = corpus("a_corpus_sample_in_other_directories_and_orders") else {
        return;
    };
    let (files, _) = list_pages(&[corpus.join("en-US/2021-07-16/v1.0/resources")]).unwrap();
    // Every 8th page and the intune family (a base, its subtypes and their enum).
    let sample: Vec<PathBuf> = files
        .iter()
        .enumerate()
        .filter(|(i, f)| i % 8 == 0 || f.to_string_lossy().contains("intune-devices-"))
        .map(|(_, f)| f.clone())
        .collect();
    assert_layout_independent(&sample);
}

#[test]
#[cfg_attr(
    debug_assertions,
    ignore = "slow in debug builds: .ci/run runs it with --release"
)]
fn a_whole_corpus_tree_in_other_directories_and_orders() {
    let Some(corpus) = corpus("a_whole_corpus_tree_in_other_directories_and_orders") else {
        return;
    };
    let (files, _) = list_pages(&[corpus.join("en-US/2021-07-16/v1.0/resources")]).unwrap();
    assert_eq!(files.len(), 1_239);
    let bytes = assert_layout_independent(&files);
    eprintln!("en-US/2021-07-16/v1.0: 1,239 pages, {bytes} bytes of Rust, identical");
}
