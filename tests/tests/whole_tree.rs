//! Generated code against the corpus's JSON, compiled (no warnings) and round-tripped: every
//! document is read into its generated type and written back, and must come back equal.
//!
//! - A whole docs tree as a crate, exercised with the JSON representation block of every
//!   resource page — placeholders replaced by typed values — and with two variants of each
//!   that a lossy reader would change: every other property `null` (the first, then the second
//!   of each pair), the rest with offset timestamps (`-08:00`, seven digits) and padded times of
//!   day. The tree is the en-US 2021-07-16 v1.0 tree, or `$DOCGEN_WHOLE_TREE` (a path under the
//!   corpus). Generated in the default shape: relationships kept as JSON until read.
//! - The request and response examples of the en-US 2021-04-08 beta API pages whose annotation
//!   names a type, against the types of the resource pages of the same revision: the named types
//!   and their subtypes with everything they need (the whole beta tree is too heavy to build in
//!   CI time). Every document that reads must come back equal; those that do not read must
//!   contradict their documented types (the test names the property, the type and the value).
//!   Generated with `typed_navigation`, so that expanded relationships are read too.
//!
//! A translated whole tree (ru-RU 2023-02-03 beta), split into parts as `generate` writes it, is
//! documented with no rustdoc warning.
//!
//! The whole tree's crate is written as `generate` writes it (a file that includes its parts,
//! since it is larger than `SPLIT_ABOVE`), and also documented, with no rustdoc warning allowed.
//! The API examples' crate is written as one file.
//!
//! Ignored by default (each compiles about 1,300 types); `.ci/run` runs them.

use msgraph_docgen::emit::{
    emit_files, type_paths, value_type_paths, EmitOptions, GeneratedFile, SPLIT_ABOVE,
};
use msgraph_docgen::input::{list_pages, parse_files};
use msgraph_docgen::schema::{Kind, Origin, Schema, Selection};
use msgraph_docgen_e2e::api_examples::{self, BlockKind};
use msgraph_docgen_e2e::{corpus, fill_placeholders, with_nulls_and_offsets, workspace};
use serde_json::{json, Value};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::process::Command;

/// The program run inside a generated crate: reads `cases.json` ([label, type, shape, payload]
/// quadruples), round-trips each payload through its type and prints one JSON line per case that
/// does not come back equal: why it does not read, or every difference (path, in, out; a side
/// without the key has no `in` or `out`).
const CHECK_MAIN: &str = r#"
#[allow(dead_code, clippy::all)]
mod types;
use serde_json::{json, Value};

/// A collection response: `{"value": [...]}` with its annotations.
#[derive(serde::Serialize, serde::Deserialize)]
struct Page<T> {
    value: Vec<T>,
    #[serde(flatten)]
    rest: serde_json::Map<String, Value>,
}

fn round<T: serde::de::DeserializeOwned + serde::Serialize>(payload: &Value) -> Result<Value, String> {
    let typed: T = serde_json::from_value(payload.clone()).map_err(|e| format!("does not deserialize: {e}"))?;
    serde_json::to_value(&typed).map_err(|e| format!("does not serialize: {e}"))
}

fn check<T: serde::de::DeserializeOwned + serde::Serialize>(shape: &str, payload: &Value) -> Result<Value, String> {
    match shape {
        "one" => round::<T>(payload),
        "array" => round::<Vec<T>>(payload),
        _ => round::<Page<T>>(payload),
    }
}

fn differences(path: &str, a: &Value, b: &Value, out: &mut Vec<Value>) {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            for k in x.keys().chain(y.keys().filter(|k| !x.contains_key(*k))) {
                let p = format!("{path}/{k}");
                match (x.get(k), y.get(k)) {
                    (Some(u), Some(v)) => differences(&p, u, v, out),
                    (Some(u), None) => out.push(json!({"path": p, "in": u})),
                    (None, v) => out.push(json!({"path": p, "out": v})),
                }
            }
        }
        (Value::Array(x), Value::Array(y)) if x.len() == y.len() => {
            for (i, (u, v)) in x.iter().zip(y).enumerate() {
                differences(&format!("{path}/{i}"), u, v, out);
            }
        }
        _ if a == b => {}
        _ => out.push(json!({"path": path, "in": a, "out": b})),
    }
}

fn main() {
    let cases: Vec<(String, String, String, Value)> = serde_json::from_str(&std::fs::read_to_string("cases.json").unwrap()).unwrap();
    let mut failures = 0;
    for (label, ty, shape, payload) in &cases {
        let line = match dispatch(ty, shape, payload) {
            Err(e) => json!({"label": label, "error": e}),
            Ok(back) if &back == payload => continue,
            Ok(back) => {
                let mut found = Vec::new();
                differences("", payload, &back, &mut found);
                json!({"label": label, "differences": found})
            }
        };
        failures += 1;
        println!("{line}");
    }
    eprintln!("{} cases, {failures} not equal", cases.len());
}
"#;

/// One document to round-trip: a label for messages, the qualified name of its type, how the
/// payload holds values of it (`one`, `array`, `page`) and the payload.
struct Case {
    label: String,
    ty: String,
    shape: &'static str,
    payload: Value,
}

/// A document that did not come back equal.
#[derive(Debug)]
struct Failure {
    label: String,
    /// Why it did not read (or write), when it did not.
    error: Option<String>,
    /// Each difference: path, what was read (absent: no key), what was written (absent: no key).
    differences: Vec<(String, Option<Value>, Option<Value>)>,
}

/// Writes `files` (generated as `types.rs`) as the `types` module of a crate `name` (under the workspace's `target/`)
/// whose program round-trips `cases`, each through the Rust type `paths` gives for its type;
/// builds it (no warnings allowed) and runs it. Returns the documents that did not come back
/// equal.
fn round_trip_in_crate(
    name: &str,
    files: &[GeneratedFile],
    paths: &BTreeMap<msgraph_docgen::schema::QualifiedName, String>,
    cases: &[Case],
) -> Vec<Failure> {
    let krate = workspace().join("target").join(name);
    let src = krate.join("src");
    std::fs::create_dir_all(&src).unwrap();
    for file in files {
        let path = src.join(&file.path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        write_if_changed(&path, &file.text);
    }
    let arms: String = cases
        .iter()
        .map(|c| c.ty.as_str())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .map(|q| {
            format!(
                "        {q:?} => check::<types::{}>(shape, payload),\n",
                paths[q]
            )
        })
        .collect();
    let dispatch = format!(
        "fn dispatch(ty: &str, shape: &str, payload: &Value) -> Result<Value, String> {{\n    match ty {{\n{arms}        other => Err(format!(\"no type {{other}}\")),\n    }}\n}}\n"
    );
    write_if_changed(&src.join("main.rs"), &format!("{CHECK_MAIN}\n{dispatch}"));
    let cases_json: Vec<Value> = cases
        .iter()
        .map(|c| json!([c.label, c.ty, c.shape, c.payload]))
        .collect();
    std::fs::write(
        krate.join("cases.json"),
        serde_json::to_string(&cases_json).unwrap(),
    )
    .unwrap();
    write_manifest(&krate, name);

    let started = std::time::Instant::now();
    let build = cargo(&krate, &["build", "--offline", "--message-format=short"]);
    eprintln!(
        "{name}: {} bytes of generated code, cargo build {:.1?}",
        files.iter().map(|f| f.text.len()).sum::<usize>(),
        started.elapsed()
    );
    let stderr = String::from_utf8_lossy(&build.stderr);
    assert!(
        build.status.success(),
        "the {name} crate does not compile:\n{stderr}"
    );
    let warnings: Vec<&str> = stderr.lines().filter(|l| l.contains("warning")).collect();
    assert!(warnings.is_empty(), "warnings:\n{}", warnings.join("\n"));

    let run = cargo(&krate, &["run", "--offline", "-q"]);
    assert!(
        run.status.success(),
        "the round-trip program failed:\n{}",
        String::from_utf8_lossy(&run.stderr)
    );
    eprint!("{name}: {}", String::from_utf8_lossy(&run.stderr));
    String::from_utf8_lossy(&run.stdout)
        .lines()
        .map(|line| {
            let v: Value = serde_json::from_str(line).expect("the program prints JSON lines");
            let side = |d: &Value, k: &str| d.get(k).cloned();
            Failure {
                label: v["label"].as_str().unwrap_or_default().to_owned(),
                error: v["error"].as_str().map(str::to_owned),
                differences: v["differences"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .map(|d| {
                        let path = d["path"].as_str().unwrap_or_default().to_owned();
                        (path, side(d, "in"), side(d, "out"))
                    })
                    .collect(),
            }
        })
        .collect()
}

/// Writes the manifest of the generated crate `name` in `krate`, with the dependencies the
/// generated code uses, and the workspace's lock file beside it (the same dependency versions,
/// no registry access needed).
fn write_manifest(krate: &Path, name: &str) {
    write_if_changed(
        &krate.join("Cargo.toml"),
        &format!("[package]\nname = \"{name}\"\nversion = \"0.0.0\"\nedition = \"2021\"\npublish = false\n\n[workspace]\n\n\
         [dependencies]\nserde = {{ version = \"1\", features = [\"derive\"] }}\nserde_json = \"1\"\n\
         jiff = {{ version = \"0.2\", features = [\"serde\"] }}\nuuid = {{ version = \"1\", features = [\"serde\"] }}\n"),
    );
    std::fs::copy(workspace().join("Cargo.lock"), krate.join("Cargo.lock")).unwrap();
}

/// Writes `text` to `path` unless it already holds it, so that an unchanged crate is not
/// rebuilt.
fn write_if_changed(path: &Path, text: &str) {
    if std::fs::read_to_string(path).ok().as_deref() != Some(text) {
        std::fs::write(path, text).unwrap();
    }
}

/// Documents the crate `name` (under the workspace's `target/`), and fails on any rustdoc
/// warning: the docs' descriptions become doc comments, and none may read as a broken link,
/// bare URL or HTML tag.
fn assert_rustdoc_clean(name: &str) {
    let krate = workspace().join("target").join(name);
    let started = std::time::Instant::now();
    let doc = cargo(
        &krate,
        &["doc", "--offline", "--no-deps", "--message-format=short"],
    );
    eprintln!("{name}: cargo doc {:.1?}", started.elapsed());
    let stderr = String::from_utf8_lossy(&doc.stderr);
    assert!(doc.status.success(), "cargo doc failed:\n{stderr}");
    let warnings: Vec<&str> = stderr.lines().filter(|l| l.contains("warning")).collect();
    assert!(
        warnings.is_empty(),
        "rustdoc warnings:\n{}",
        warnings.join("\n")
    );
}

/// Runs cargo in `dir`. The generated crates share one target directory, so their
/// dependencies build once.
fn cargo(dir: &Path, args: &[&str]) -> std::process::Output {
    Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
        .args(args)
        .current_dir(dir)
        .env(
            "CARGO_TARGET_DIR",
            workspace().join("target/generated-crates"),
        )
        .env_remove("RUSTFLAGS")
        // Compiled once, as a registry dependency is: incremental compilation only adds cost
        // (the whole en-US beta crate checks in 45 s without it, 57-61 s with it).
        .env("CARGO_INCREMENTAL", "0")
        .output()
        .expect("cargo runs")
}

/// The parsed pages and schema of a docs tree of the corpus.
fn tree(corpus: &Path, tree: &str) -> (Vec<msgraph_docgen::parse::Page>, Schema) {
    let (files, _) = list_pages(&[corpus.join(tree)]).unwrap();
    let pages = parse_files(&files);
    let schema = msgraph_docgen::schema::build(&pages);
    (pages, schema)
}

#[test]
#[ignore = "compiles a whole-tree crate (minutes); .ci/run runs it"]
fn a_whole_tree_compiles_and_every_json_block_round_trips() {
    let Some(corpus) = corpus("a_whole_tree_compiles_and_every_json_block_round_trips") else {
        return;
    };
    let tree_path = std::env::var("DOCGEN_WHOLE_TREE")
        .unwrap_or_else(|_| "en-US/2021-07-16/v1.0/resources".to_owned());
    let (pages, schema) = tree(&corpus, &tree_path);

    // Every resource page's JSON block, filled with typed values, against the type it defines;
    // and the two variants with nulls, offset timestamps and padded times of day.
    let mut cases = Vec::new();
    for page in &pages {
        let Some(block) = &page.json else { continue };
        let defined = schema.types().iter().find(|t| {
            t.kind != Kind::Enum
                && t.origin == Origin::Page
                && t.source.as_ref().is_some_and(|l| *l.file == *page.path)
        });
        let Some(t) = defined else { continue };
        let q = t.qualified_name();
        let payload = fill_placeholders(&schema, &q, &Value::Object(block.object.clone().into()));
        let label = page.path.clone();
        for (variant, null_first) in [("nulls first", true), ("nulls second", false)] {
            cases.push(Case {
                label: format!("{label} ({variant}, offset timestamps)"),
                ty: q.to_string(),
                shape: "one",
                payload: with_nulls_and_offsets(&schema, &q, &payload, null_first),
            });
        }
        cases.push(Case {
            label,
            ty: q.to_string(),
            shape: "one",
            payload,
        });
    }
    let with_json = pages.iter().filter(|p| p.json.is_some()).count();
    eprintln!(
        "{tree_path}: {} types, {} pages with a JSON block, {} cases (three per block)",
        schema.types().len(),
        with_json,
        cases.len()
    );
    assert!(
        cases.len() * 10 >= with_json * 3 * 9,
        "most JSON blocks map to a type"
    );

    // The default shape: relationships kept as JSON until read. (The API examples below read
    // them into their types.)
    // Larger than `SPLIT_ABOVE`: written as `types.rs` including its parts, as `generate` writes it.
    let emitted = emit_files(&schema, &EmitOptions::default(), "types.rs", SPLIT_ABOVE);
    assert!(emitted.files.len() > 100, "{} files", emitted.files.len());
    let failures = round_trip_in_crate("whole-tree", &emitted.files, &type_paths(&schema), &cases);
    assert_rustdoc_clean("whole-tree");
    assert!(
        failures.is_empty(),
        "{} documents do not round-trip:\n{failures:#?}",
        failures.len()
    );
}

/// The largest translated tree as a library crate, written as `generate` writes it (split into
/// parts, through `output::write_files`) and documented with no rustdoc warning. As one 9.4 MB
/// file, rustdoc ran for over 17 CPU-minutes on it without finishing: it looks up positions by
/// scanning the file's non-ASCII characters from the start. Split, it takes about a minute.
#[test]
#[ignore = "documents a whole translated tree (about a minute); .ci/run runs it"]
fn a_translated_whole_tree_is_split_and_documents_without_warnings() {
    let Some(corpus) = corpus("a_translated_whole_tree_is_split_and_documents_without_warnings")
    else {
        return;
    };
    let (_, schema) = tree(&corpus, "ru-RU/2023-02-03/beta/resources");
    let emitted = emit_files(&schema, &EmitOptions::default(), "types.rs", SPLIT_ABOVE);
    let largest = emitted.files.iter().map(|f| f.text.len()).max().unwrap();
    eprintln!(
        "translated-tree: {} bytes in {} files, the largest {largest} bytes",
        emitted.code.len(),
        emitted.files.len()
    );
    assert!(emitted.files.len() > 100 && largest < emitted.code.len() / 8);
    let krate = workspace().join("target").join("translated-tree");
    let src = krate.join("src");
    msgraph_docgen::output::write_files(&src, &emitted.files).unwrap();
    write_if_changed(
        &src.join("lib.rs"),
        "//! The ru-RU 2023-02-03 beta tree's types.\n\npub mod types;\n",
    );
    write_manifest(&krate, "translated-tree");
    assert_rustdoc_clean("translated-tree");
}

/// Why a document did not come back equal, in a few words: the first cause of each difference.
fn causes(failure: &Failure) -> BTreeSet<String> {
    if let Some(error) = &failure.error {
        // serde's message without the position, which differs per document.
        let message = error.split(" at line ").next().unwrap_or(error);
        return BTreeSet::from([message.to_owned()]);
    }
    failure
        .differences
        .iter()
        .map(|(path, input, output)| {
            let leaf = path.rsplit('/').next().unwrap_or(path);
            match (input, output) {
                (Some(Value::Null), None) => "an explicit null written back as absent".to_owned(),
                (Some(Value::String(a)), Some(Value::String(b)))
                    if a.parse::<jiff::Timestamp>().is_ok() =>
                {
                    if a.ends_with('Z') || a.ends_with("+00:00") {
                        format!("a timestamp's digits rewritten (`{a}` → `{b}`)")
                    } else {
                        "a timestamp's offset rewritten in UTC".to_owned()
                    }
                }
                (Some(Value::Number(a)), Some(Value::Number(b))) if a.as_f64() == b.as_f64() => {
                    format!("the number `{a}` written back as `{b}` (`{leaf}`)")
                }
                (input, output) => format!(
                    "`{leaf}`: {} → {}",
                    input.as_ref().map_or("absent".to_owned(), Value::to_string),
                    output
                        .as_ref()
                        .map_or("absent".to_owned(), Value::to_string)
                ),
            }
        })
        .collect()
}

#[test]
#[ignore = "compiles a crate of about 1,300 beta types (minutes); .ci/run runs it"]
fn the_api_pages_examples_round_trip() {
    let Some(corpus) = corpus("the_api_pages_examples_round_trip") else {
        return;
    };
    let found = api_examples::read_dir(&corpus.join("en-US/2021-04-08/beta/api")).unwrap();
    let (_, whole) = tree(&corpus, "en-US/2021-04-08/beta/resources");

    // Examples of a type the resource pages define, and the types they name.
    let mut cases = Vec::new();
    let mut examples = BTreeMap::new();
    let mut roots = BTreeSet::new();
    let mut other_types = BTreeMap::<&str, usize>::new();
    for example in &found.examples {
        let Ok(q) = whole.resolve(&example.odata_type) else {
            *other_types.entry(&example.odata_type).or_default() += 1;
            continue;
        };
        if whole.get(&q).is_some_and(|t| t.kind == Kind::Enum) {
            *other_types.entry(&example.odata_type).or_default() += 1;
            continue;
        }
        let kind = match example.kind {
            BlockKind::Request => "request",
            BlockKind::Response => "response",
        };
        let file = example
            .file
            .file_name()
            .unwrap_or_default()
            .to_string_lossy();
        let label = format!("{file}:{} ({kind}, {q})", example.line);
        examples.insert(label.clone(), (q.to_string(), example));
        cases.push(Case {
            label,
            ty: q.to_string(),
            shape: example.shape.as_str(),
            payload: example.body.clone(),
        });
        roots.insert(q.to_string());
    }
    let schema = whole
        .select(&Selection {
            roots: roots.iter().cloned().collect(),
            subtypes: true,
            skip_navigation: false,
        })
        .unwrap();
    eprintln!(
        "API examples: {} typed examples with a JSON object or array as body ({} typed without a body, \
         {} with a body that is not JSON, {} with a bare number or string); {} name one of {} types of the \
         resource pages, selected with their subtypes and what they need: {} of {} types; {} name a type \
         the resource pages do not define: {other_types:?}",
        found.examples.len(),
        found.without_body,
        found.not_json,
        found.scalar,
        cases.len(),
        roots.len(),
        schema.types().len(),
        whole.types().len(),
        found.examples.len() - cases.len(),
    );

    // Navigation properties typed (`--typed-navigation`), so that the examples' expanded
    // relationships are read into their types too, not kept as JSON until asked (the default,
    // which the resource pages' documents above go through).
    let options = EmitOptions {
        typed_navigation: true,
        ..EmitOptions::default()
    };
    let one_file = emit_files(&schema, &options, "types.rs", usize::MAX).files;
    let failures = round_trip_in_crate(
        "api-examples",
        &one_file,
        &value_type_paths(&schema),
        &cases,
    );

    // Each document that is not equal, by cause: a value its documented type cannot hold
    // (the example and the resource page disagree), or anything else, which fails the test.
    let mut contradicting = Vec::new();
    let mut by_cause = BTreeMap::<String, Vec<&str>>::new();
    for failure in &failures {
        let (ty, example) = &examples[&failure.label];
        let found = api_examples::contradictions(&whole, ty, example.shape, &example.body);
        match (&failure.error, found.first()) {
            (Some(_), Some(first)) => {
                let mut value = first.value.to_string();
                if value.len() > 80 {
                    let end = (0..=80)
                        .rev()
                        .find(|&i| value.is_char_boundary(i))
                        .unwrap_or(0);
                    value.truncate(end);
                    value.push_str("...");
                }
                contradicting.push(format!(
                    "{}: `{}` is documented as {}, the example has {value}",
                    failure.label, first.path, first.documented
                ));
            }
            _ => {
                for cause in causes(failure) {
                    by_cause.entry(cause).or_default().push(&failure.label);
                }
            }
        }
    }
    let equal = cases.len() - failures.len();
    eprintln!(
        "{equal} of {} documents equal ({:.1}%); {} do not read because the example contradicts the \
         documented type, {} differ for other causes",
        cases.len(),
        equal as f64 * 100.0 / cases.len() as f64,
        contradicting.len(),
        failures.len() - contradicting.len(),
    );
    for line in &contradicting {
        eprintln!("  {line}");
    }
    for (cause, labels) in &by_cause {
        eprintln!("  {:>4}  {cause}", labels.len());
        for label in labels.iter().take(8) {
            eprintln!("          {label}");
        }
    }
    assert!(
        cases.len() >= 1500,
        "the API pages give over 1,500 documents"
    );
    assert!(
        by_cause.is_empty(),
        "documents that read and come back different, or do not read for another cause than a \
         contradiction with the docs: {by_cause:#?}"
    );
    // About 3% of the examples contradict their own resource pages (placeholders such as
    // `"Boolean"`, a single value where the page documents a collection); no typed reader can
    // read them.
    assert!(
        equal * 100 >= cases.len() * 96,
        "fewer than 96% of the documents round-trip equal"
    );
}
