//! A whole docs tree as a crate: generated, compiled (no warnings), and exercised with the JSON
//! representation block of every resource page — placeholders replaced by typed values — which
//! must deserialize into its generated type and serialize back to an equal document.
//!
//! Ignored by default (it compiles about 1,300 types); `.ci/run` runs it. The tree is the
//! en-US 2021-07-16 v1.0 tree, or `$DOCGEN_WHOLE_TREE` (a path under the corpus).

use msgraph_docgen::emit::{emit, type_paths, EmitOptions};
use msgraph_docgen::input::{list_pages, parse_files};
use msgraph_docgen::schema::{Kind, Origin};
use msgraph_docgen_e2e::{corpus, fill_placeholders, workspace};
use serde_json::{json, Value};
use std::path::Path;
use std::process::Command;

/// The program run inside the generated crate: reads `cases.json` ([type, payload] pairs),
/// round-trips each payload through its type and prints every difference.
const CHECK_MAIN: &str = r#"
#[allow(dead_code, clippy::all)]
mod types;
use serde_json::Value;

fn check<T: serde::de::DeserializeOwned + serde::Serialize>(payload: &Value) -> Result<(), String> {
    let typed: T = serde_json::from_value(payload.clone()).map_err(|e| format!("does not deserialize: {e}"))?;
    let back = serde_json::to_value(&typed).map_err(|e| format!("does not serialize: {e}"))?;
    if &back == payload { Ok(()) } else { Err(format!("round trip differs:\n  in:  {payload}\n  out: {back}")) }
}

fn main() {
    let cases: Vec<(String, Value)> = serde_json::from_str(&std::fs::read_to_string("cases.json").unwrap()).unwrap();
    let mut failures = 0;
    for (ty, payload) in &cases {
        if let Err(e) = dispatch(ty, payload) {
            failures += 1;
            println!("FAIL {ty}: {e}");
        }
    }
    println!("{} cases, {failures} failures", cases.len());
    std::process::exit(if failures == 0 { 0 } else { 1 });
}
"#;

#[test]
#[ignore = "compiles a whole-tree crate (minutes); .ci/run runs it"]
fn a_whole_tree_compiles_and_every_json_block_round_trips() {
    let Some(corpus) = corpus("a_whole_tree_compiles_and_every_json_block_round_trips") else {
        return;
    };
    let tree = std::env::var("DOCGEN_WHOLE_TREE")
        .unwrap_or_else(|_| "en-US/2021-07-16/v1.0/resources".to_owned());
    let (files, _) = list_pages(&[corpus.join(&tree)]).unwrap();
    let pages = parse_files(&files);
    let schema = msgraph_docgen::schema::build(&pages);
    let paths = type_paths(&schema);

    // Every resource page's JSON block, filled with typed values, against the type it defines.
    let mut cases = Vec::new();
    for page in &pages {
        let Some(block) = &page.json else { continue };
        let defined = schema.types().iter().find(|t| {
            t.kind != Kind::Enum
                && t.origin == Origin::Page
                && t.source.as_ref().is_some_and(|l| l.file == page.path)
        });
        let Some(t) = defined else { continue };
        let q = t.qualified_name();
        let payload = fill_placeholders(&schema, &q, &Value::Object(block.object.clone()));
        cases.push(json!([q, payload]));
    }
    let with_json = pages.iter().filter(|p| p.json.is_some()).count();
    eprintln!(
        "{tree}: {} types, {} pages with a JSON block, {} cases",
        schema.types().len(),
        with_json,
        cases.len()
    );
    assert!(
        cases.len() * 10 >= with_json * 9,
        "most JSON blocks map to a type"
    );

    let krate = workspace().join("target/whole-tree");
    let src = krate.join("src");
    std::fs::create_dir_all(&src).unwrap();
    std::fs::write(src.join("types.rs"), emit(&schema, &EmitOptions::default())).unwrap();
    let arms: String = cases
        .iter()
        .map(|c| c[0].as_str().unwrap())
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .map(|q| format!("        {q:?} => check::<types::{}>(payload),\n", paths[q]))
        .collect();
    let dispatch = format!(
        "fn dispatch(ty: &str, payload: &Value) -> Result<(), String> {{\n    match ty {{\n{arms}        other => Err(format!(\"no type {{other}}\")),\n    }}\n}}\n"
    );
    std::fs::write(src.join("main.rs"), format!("{CHECK_MAIN}\n{dispatch}")).unwrap();
    std::fs::write(
        krate.join("cases.json"),
        serde_json::to_string(&cases).unwrap(),
    )
    .unwrap();
    std::fs::write(
        krate.join("Cargo.toml"),
        "[package]\nname = \"whole-tree\"\nversion = \"0.0.0\"\nedition = \"2021\"\npublish = false\n\n[workspace]\n\n\
         [dependencies]\nserde = { version = \"1\", features = [\"derive\"] }\nserde_json = \"1\"\n\
         jiff = { version = \"0.2\", features = [\"serde\"] }\nuuid = { version = \"1\", features = [\"serde\"] }\n",
    )
    .unwrap();
    // The workspace's lock file: the same dependency versions, no registry access needed.
    std::fs::copy(workspace().join("Cargo.lock"), krate.join("Cargo.lock")).unwrap();

    let started = std::time::Instant::now();
    let build = cargo(&krate, &["build", "--offline", "--message-format=short"]);
    eprintln!(
        "cargo build of the whole-tree crate: {:.1?}",
        started.elapsed()
    );
    let stderr = String::from_utf8_lossy(&build.stderr);
    assert!(
        build.status.success(),
        "the whole-tree crate does not compile:\n{stderr}"
    );
    let warnings: Vec<&str> = stderr.lines().filter(|l| l.contains("warning")).collect();
    assert!(warnings.is_empty(), "warnings:\n{}", warnings.join("\n"));

    let run = cargo(&krate, &["run", "--offline", "-q"]);
    let stdout = String::from_utf8_lossy(&run.stdout);
    eprintln!("{}", stdout.lines().last().unwrap_or(""));
    assert!(
        run.status.success(),
        "round trips failed:\n{stdout}\n{}",
        String::from_utf8_lossy(&run.stderr)
    );
}

fn cargo(dir: &Path, args: &[&str]) -> std::process::Output {
    Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
        .args(args)
        .current_dir(dir)
        .env("CARGO_TARGET_DIR", dir.join("target"))
        .env_remove("RUSTFLAGS")
        .output()
        .expect("cargo runs")
}
