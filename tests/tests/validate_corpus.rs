//! `validate` over a whole API tree (the en-US 2021-04-08 beta pages, 4,728 of them), timed
//! against `check` of its resources; then every request and response body it finds valid is
//! read through the type the whole resources tree generates (`Any…` for a base with subtypes)
//! and written back.
//!
//! The generated types are not yet lossless (explicit `null`s come back absent, timestamps
//! come back in jiff's spelling), so the round trips are counted and their differences
//! classified by cause, not required to be equal. What holds today is asserted: every valid
//! body is read by its generated type and written back, and a value whose `@odata.type` names
//! a derived type comes back as that variant.
//!
//! Ignored by default (it compiles a crate of about 2,900 types); `.ci/run` runs it in release.

use msgraph_docgen::emit::{emit, type_paths, EmitOptions};
use msgraph_docgen::input::{list_pages, parse_files};
use msgraph_docgen::report::CheckReport;
use msgraph_docgen::schema::{Kind, Schema, TypeRef};
use msgraph_docgen::validate::{read_api_pages, validate, Outcome, ValidateReport};
use msgraph_docgen_e2e::{corpus, workspace};
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;
use std::time::Instant;

/// The program run inside the generated crate: reads `cases.json` ([id, type, payload, variant]
/// quadruples), reads each payload through its type, writes it back, and writes one result per
/// case to `results.json`: `[id, "equal" | "differs" | "unreadable" | "unwritable", detail,
/// written value, variant]`, where `variant` is the variant the value came back as (for
/// `Any…` enums when a derived one is expected: a generated function per `Any…` enum matches
/// the variants the cases expect).
const ROUND_TRIP_MAIN: &str = r#"
#[allow(dead_code, clippy::all)]
mod types;
use serde_json::{json, Value};

fn run<T: serde::de::DeserializeOwned + serde::Serialize>(
    payload: &Value,
    variant: Option<fn(&T) -> &'static str>,
) -> Value {
    let typed: T = match serde_json::from_value(payload.clone()) {
        Ok(t) => t,
        Err(e) => return json!(["unreadable", e.to_string(), null, null]),
    };
    let shown = variant.map_or(Value::Null, |variant| Value::from(variant(&typed)));
    match serde_json::to_value(&typed) {
        Ok(back) if &back == payload => json!(["equal", "", null, shown]),
        Ok(back) => json!(["differs", "", back, shown]),
        Err(e) => json!(["unwritable", e.to_string(), null, shown]),
    }
}

fn main() {
    let cases: Vec<(String, String, Value, Option<String>)> =
        serde_json::from_str(&std::fs::read_to_string("cases.json").unwrap()).unwrap();
    let results: Vec<Value> = cases
        .iter()
        .map(|(id, ty, payload, variant)| {
            let mut r = dispatch(ty, payload, variant.is_some());
            r.as_array_mut().unwrap().insert(0, Value::from(id.clone()));
            r
        })
        .collect();
    std::fs::write("results.json", serde_json::to_string(&results).unwrap()).unwrap();
}
"#;

#[test]
#[ignore = "validates a whole API tree and compiles a whole-tree crate (minutes); .ci/run runs it"]
fn every_api_example_is_validated_and_the_valid_ones_round_trip() {
    let Some(corpus) = corpus("every_api_example_is_validated_and_the_valid_ones_round_trip")
    else {
        return;
    };
    let tree = corpus.join("en-US/2021-04-08/beta");
    let (schema, resources, validation, timing) = timed_check_and_validate(&tree);
    let report = ValidateReport::new(&validation, Some(1));
    print_summary(&report);

    let e = &report.examples;
    assert!(e.total >= 4_500, "examples: {}", e.total);
    assert!(e.valid >= 1_100, "valid examples: {}", e.valid);
    assert!(report.blocks.ignored >= 5_000);
    drop(resources);

    let cases = round_trip_cases(&schema, &validation);
    let started = Instant::now();
    // Navigation properties typed, so that their JSON is read into the types too, not kept
    // as JSON until asked (the default; `golden_compiled` covers it).
    let options = EmitOptions {
        typed_navigation: true,
        ..EmitOptions::default()
    };
    let code = emit(&schema, &options);
    let emit_time = started.elapsed();
    eprintln!(
        "timing: emit of the whole resources tree {emit_time:.2?}; validate / (check + emit, about \
         one generate) = {:.2}",
        timing.validate.as_secs_f64() / (timing.check + emit_time).as_secs_f64()
    );
    let results = run_round_trips(&schema, &code, &cases);
    let counts = classify(&cases, &results);
    counts.print();
    // Pinned as measured on the 2021-04-08 beta tree: every one of the 1,396 valid bodies and
    // collection items deserializes.
    assert_eq!(
        counts.unreadable,
        0,
        "valid bodies that do not deserialize:\n{}",
        counts.unreadable_examples.join("\n")
    );
    assert_eq!(
        counts.unwritable, 0,
        "bodies that read but do not write back"
    );
    assert!(
        counts.wrong_variant.is_empty(),
        "derived @odata.type not read as its variant:\n{}",
        counts.wrong_variant.join("\n")
    );
    assert!(counts.variant_checked > 0, "no derived value was checked");
}

/// How long `check` and `validate` took.
#[derive(Clone, Copy)]
struct Timing {
    check: std::time::Duration,
    validate: std::time::Duration,
}

/// `check` of the resources and `validate` of the API tree, each timed from the files, as the
/// commands run them. Returns validate's schema, resource pages and validation, and the times.
fn timed_check_and_validate(
    tree: &Path,
) -> (
    Schema,
    Vec<msgraph_docgen::parse::Page>,
    msgraph_docgen::validate::Validation,
    Timing,
) {
    let started = Instant::now();
    let (files, _) = list_pages(&[tree.join("resources")]).unwrap();
    let pages = parse_files(&files);
    let schema = msgraph_docgen::schema::build(&pages);
    let check = CheckReport::new(&pages, &schema, Some(3)).render_text();
    let check_time = started.elapsed();
    assert!(!check.is_empty());
    drop((pages, schema));

    let started = Instant::now();
    let (files, _) = list_pages(&[tree.join("resources")]).unwrap();
    let pages = parse_files(&files);
    let schema = msgraph_docgen::schema::build(&pages);
    let schema_time = started.elapsed();
    let api = read_api_pages(&[tree.join("api")]).unwrap();
    let validation = validate(&api, &schema, &pages);
    let text = ValidateReport::new(&validation, Some(3)).render_text();
    let validate_time = started.elapsed();
    assert!(!text.is_empty());
    eprintln!(
        "timing: check of the resources {check_time:.2?}; validate of the API tree {validate_time:.2?} \
         (of which the resources' schema {schema_time:.2?}, the {} API pages {:.2?}); \
         validate / check = {:.2}",
        api.len(),
        validate_time - schema_time,
        validate_time.as_secs_f64() / check_time.as_secs_f64()
    );
    let timing = Timing {
        check: check_time,
        validate: validate_time,
    };
    (schema, pages, validation, timing)
}

/// The counts, the share of valid examples, and the ten most frequent codes at warning level
/// or worse, with one example each.
fn print_summary(report: &ValidateReport) {
    let e = &report.examples;
    let with_json = e.unchecked + e.valid + e.with_warnings + e.with_errors;
    eprintln!(
        "examples {} ({} requests, {} responses); {} with a JSON body: {} valid ({:.1}%), {} with warnings, {} with errors, {} of no known type",
        e.total,
        e.requests,
        e.responses,
        with_json,
        e.valid,
        100.0 * e.valid as f64 / with_json.max(1) as f64,
        e.with_warnings,
        e.with_errors,
        e.unchecked
    );
    eprintln!("the ten most common documentation errors:");
    let mut groups: Vec<_> = report
        .diagnostics
        .by_code
        .iter()
        .filter(|g| g.severity >= msgraph_docgen::diag::Severity::Warning)
        .collect();
    groups.sort_by_key(|g| std::cmp::Reverse(g.count));
    for g in groups.iter().take(10) {
        eprintln!(
            "  {:<36} {:>5}  in {} files",
            g.code.as_str(),
            g.count,
            g.files
        );
        if let Some(d) = g.examples.first() {
            eprintln!("      {d}");
        }
    }
}

/// One round trip: where it comes from, the type to read it as, the JSON, and the variant it
/// must come back as (a derived `@odata.type`).
struct Case {
    id: String,
    qualified: String,
    payload: Value,
    variant: Option<String>,
}

/// Every body `validate` found valid and whose declared type is an entity or complex type:
/// the body itself, or each item of a collection.
fn round_trip_cases(schema: &Schema, v: &msgraph_docgen::validate::Validation) -> Vec<Case> {
    let paths = type_paths(schema);
    let mut cases = Vec::new();
    for e in v.examples.iter().filter(|e| e.outcome == Outcome::Valid) {
        let (Some(declared), Some(body)) = (&e.declared, &e.body) else {
            continue;
        };
        let TypeRef::Named(q) = &declared.ty else {
            continue;
        };
        let Some(t) = schema.get(q.as_str()).filter(|t| t.kind != Kind::Enum) else {
            continue;
        };
        // The items as validate checked them: a declared collection, or a `value` array the
        // type itself does not declare.
        let wrapper = !t.properties.iter().any(|p| p.name == "value");
        let items: Vec<&Value> = match body.get("value").and_then(Value::as_array) {
            Some(items) if declared.collection || wrapper => items.iter().collect(),
            _ => vec![body],
        };
        for (i, item) in items.into_iter().enumerate() {
            if !item.is_object() {
                continue;
            }
            let variant = item
                .get("@odata.type")
                .and_then(Value::as_str)
                .map(|s| s.trim_start_matches('#'))
                .filter(|s| *s != q.as_str() && schema.get(s).is_some())
                .and_then(|s| paths.get(s))
                .map(|p| {
                    p.rsplit("::")
                        .next()
                        .unwrap_or(p)
                        .trim_start_matches("r#")
                        .to_owned()
                });
            cases.push(Case {
                id: format!("{}:{}#{i}", e.page, e.line),
                qualified: q.as_str().to_owned(),
                payload: item.clone(),
                variant,
            });
        }
    }
    cases
}

/// Writes the whole tree's generated `code` as a crate with a dispatch over the cases' types,
/// builds it offline with the workspace's lock file, runs it, and returns its results by case
/// id.
fn run_round_trips(schema: &Schema, code: &str, cases: &[Case]) -> BTreeMap<String, Value> {
    let paths = type_paths(schema);
    let subtypes = schema.subtypes();
    let krate = workspace().join("target/validate-round-trip");
    let src = krate.join("src");
    std::fs::create_dir_all(&src).unwrap();
    let types: std::collections::BTreeSet<&str> =
        cases.iter().map(|c| c.qualified.as_str()).collect();
    let mut arms = String::new();
    let mut variant_fns = String::new();
    for q in types {
        let path = &paths[q];
        let any = subtypes
            .contains_key(q)
            .then(|| any_path(path, code))
            .flatten();
        let rust = any.clone().unwrap_or_else(|| path.clone());
        // The variants the cases of `q` expect that its enum has (one it lacks is reported as
        // the wrong variant, as any other).
        let variants = any
            .as_deref()
            .map(|any| enum_variants(any, code))
            .unwrap_or_default();
        let expected: std::collections::BTreeSet<&str> = cases
            .iter()
            .filter(|c| c.qualified == q)
            .filter_map(|c| c.variant.as_deref())
            .filter(|v| variants.contains(*v))
            .collect();
        let variant = if expected.is_empty() {
            "None".to_owned()
        } else {
            let name = format!("variant_{}", variant_fns.matches("fn variant_").count());
            let matches: String = expected
                .iter()
                .map(|v| format!("        types::{rust}::{v}(_) => {v:?},\n"))
                .collect();
            variant_fns.push_str(&format!(
                "#[allow(unreachable_patterns)]\nfn {name}(value: &types::{rust}) -> &'static str {{\n    match value {{\n{matches}        _ => \"another variant\",\n    }}\n}}\n"
            ));
            format!("variant.then_some({name} as fn(&types::{rust}) -> &'static str)")
        };
        arms.push_str(&format!(
            "        {q:?} => run::<types::{rust}>(payload, {variant}),\n"
        ));
    }
    let dispatch = format!(
        "{variant_fns}fn dispatch(ty: &str, payload: &Value, variant: bool) -> Value {{\n    match ty {{\n{arms}        other => json!([\"unreadable\", format!(\"no type {{other}}\"), null, null]),\n    }}\n}}\n"
    );
    std::fs::write(src.join("types.rs"), code).unwrap();
    std::fs::write(
        src.join("main.rs"),
        format!("{ROUND_TRIP_MAIN}\n{dispatch}"),
    )
    .unwrap();
    let json_cases: Vec<Value> = cases
        .iter()
        .map(|c| json!([c.id, c.qualified, c.payload, c.variant]))
        .collect();
    std::fs::write(
        krate.join("cases.json"),
        serde_json::to_string(&json_cases).unwrap(),
    )
    .unwrap();
    std::fs::write(
        krate.join("Cargo.toml"),
        "[package]\nname = \"validate-round-trip\"\nversion = \"0.0.0\"\nedition = \"2021\"\npublish = false\n\n[workspace]\n\n\
         [dependencies]\nserde = { version = \"1\", features = [\"derive\"] }\nserde_json = \"1\"\n\
         jiff = { version = \"0.2\", features = [\"serde\"] }\nuuid = { version = \"1\", features = [\"serde\"] }\n",
    )
    .unwrap();
    // The workspace's lock file: the same dependency versions, no registry access needed.
    std::fs::copy(workspace().join("Cargo.lock"), krate.join("Cargo.lock")).unwrap();

    let started = Instant::now();
    let build = cargo(&krate, &["build", "--offline", "--message-format=short"]);
    eprintln!(
        "cargo build of the whole-tree crate ({} types, {} case types): {:.1?}",
        schema.types().len(),
        cases
            .iter()
            .map(|c| &c.qualified)
            .collect::<std::collections::BTreeSet<_>>()
            .len(),
        started.elapsed()
    );
    assert!(
        build.status.success(),
        "the whole-tree crate does not compile:\n{}",
        String::from_utf8_lossy(&build.stderr)
    );
    let run = cargo(&krate, &["run", "--offline", "-q"]);
    assert!(
        run.status.success(),
        "the round-trip program failed:\n{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let results: Vec<Value> =
        serde_json::from_str(&std::fs::read_to_string(krate.join("results.json")).unwrap())
            .unwrap();
    results
        .into_iter()
        .map(|r| (r[0].as_str().unwrap_or("").to_owned(), r))
        .collect()
}

/// The `Any…` enum of the type at `path` (`call_records::Session` →
/// `call_records::AnySession`), when the generated code declares it.
fn any_path(path: &str, code: &str) -> Option<String> {
    let (module, name) = match path.rsplit_once("::") {
        Some((m, n)) => (format!("{m}::"), n),
        None => (String::new(), path),
    };
    let any = format!("Any{}", name.trim_start_matches("r#"));
    family_rows(&any, code).map(|_| format!("{module}{any}"))
}

/// The rows after the name of the `support::family!` table that declares the `Any…` enum
/// `name`, when there is one.
fn family_rows<'c>(name: &str, code: &'c str) -> Option<Vec<&'c str>> {
    let mut lines = code.lines();
    while let Some(line) = lines.next() {
        if line.trim() == "support::family! {" {
            let table: Vec<&str> = lines
                .clone()
                .map(str::trim)
                .take_while(|l| *l != "}")
                .collect();
            if table.first() == Some(&format!("{name},").as_str()) {
                return Some(table[1..].to_vec());
            }
        }
    }
    None
}

/// The variants of the `Any…` enum at `any_path` (`module::AnyX`) in `code`: the declared
/// type's (`Variant(Type),`) and one per row (`"tag" => Variant(Type) = base,`) of its
/// `support::family!` table.
fn enum_variants(any_path: &str, code: &str) -> std::collections::BTreeSet<String> {
    let name = any_path.rsplit("::").next().unwrap_or(any_path);
    family_rows(name, code)
        .unwrap_or_default()
        .into_iter()
        .filter_map(|row| {
            let variant = row.split_once(" => ").map_or(row, |(_, v)| v);
            variant
                .split_once('(')
                .filter(|(v, _)| !v.starts_with('"') && !v.starts_with('#'))
                .map(|(v, _)| v.to_owned())
        })
        .collect()
}

/// What the round trips came to.
#[derive(Default)]
struct Counts {
    cases: usize,
    equal: usize,
    unreadable: usize,
    unreadable_examples: Vec<String>,
    unwritable: usize,
    /// Cases that differ, per cause (a case with several causes counts under each).
    causes: BTreeMap<&'static str, usize>,
    differs: usize,
    /// One example per cause.
    cause_examples: BTreeMap<&'static str, String>,
    variant_checked: usize,
    wrong_variant: Vec<String>,
}

impl Counts {
    fn print(&self) {
        eprintln!(
            "round trips: {} bodies and collection items of valid examples; {} equal ({:.1}%), {} differ, {} do not deserialize, {} do not serialize",
            self.cases,
            self.equal,
            100.0 * self.equal as f64 / self.cases.max(1) as f64,
            self.differs,
            self.unreadable,
            self.unwritable
        );
        for (cause, n) in &self.causes {
            eprintln!("  differ: {cause}: {n}");
            if let Some(e) = self.cause_examples.get(cause) {
                eprintln!("      e.g. {e}");
            }
        }
        for e in self.unreadable_examples.iter().take(10) {
            eprintln!("  does not deserialize: {e}");
        }
        eprintln!(
            "derived @odata.type read as its variant: {} of {}",
            self.variant_checked - self.wrong_variant.len(),
            self.variant_checked
        );
    }
}

fn classify(cases: &[Case], results: &BTreeMap<String, Value>) -> Counts {
    let mut c = Counts {
        cases: cases.len(),
        ..Counts::default()
    };
    for case in cases {
        let Some(r) = results.get(&case.id) else {
            c.unreadable += 1;
            c.unreadable_examples
                .push(format!("{}: no result", case.id));
            continue;
        };
        match r[1].as_str() {
            Some("equal") => c.equal += 1,
            Some("unreadable") => {
                c.unreadable += 1;
                c.unreadable_examples
                    .push(format!("{} ({}): {}", case.id, case.qualified, r[2]));
            }
            Some("unwritable") => c.unwritable += 1,
            _ => {
                c.differs += 1;
                let mut found = BTreeMap::new();
                differences(&case.payload, &r[3], String::new(), &mut found);
                for (cause, at) in found {
                    *c.causes.entry(cause).or_insert(0) += 1;
                    c.cause_examples
                        .entry(cause)
                        .or_insert_with(|| format!("{} at `{at}`", case.id));
                }
            }
        }
        if let Some(expected) = &case.variant {
            if !matches!(r[1].as_str(), Some("unreadable")) {
                c.variant_checked += 1;
                let got = r[4].as_str().unwrap_or("");
                if got != expected {
                    c.wrong_variant
                        .push(format!("{}: expected {expected}, got {got}", case.id));
                }
            }
        }
    }
    c
}

/// The causes of the differences between what was read and what was written back, each with
/// the first JSON path where it occurs.
fn differences(
    read: &Value,
    written: &Value,
    path: String,
    found: &mut BTreeMap<&'static str, String>,
) {
    let cause = match (read, written) {
        (Value::Object(a), Value::Object(b)) => {
            for (k, v) in a {
                let at = format!("{path}.{k}");
                match b.get(k) {
                    Some(w) => differences(v, w, at, found),
                    None if v.is_null() => {
                        found
                            .entry("explicit null written back as absent")
                            .or_insert(at);
                    }
                    None => {
                        found.entry("property dropped").or_insert(at);
                    }
                }
            }
            if let Some(k) = b.keys().find(|k| !a.contains_key(*k)) {
                found
                    .entry("property added")
                    .or_insert_with(|| format!("{path}.{k}"));
            }
            return;
        }
        (Value::Array(a), Value::Array(b)) if a.len() == b.len() => {
            for (i, (x, y)) in a.iter().zip(b).enumerate() {
                differences(x, y, format!("{path}[{i}]"), found);
            }
            return;
        }
        (Value::String(a), Value::String(b)) if a != b => string_change(a, b),
        (Value::Number(a), Value::Number(b)) if a != b => {
            if a.as_f64() == b.as_f64() {
                "number spelling rewritten (1 ↔ 1.0)"
            } else {
                "other: a number changed"
            }
        }
        (a, b) if a != b => "other: a value changed kind",
        _ => return,
    };
    found.entry(cause).or_insert(path);
}

/// The cause of a changed string: the same instant or Guid spelled otherwise, or another
/// change.
fn string_change(read: &str, written: &str) -> &'static str {
    let same_instant = matches!(
        (read.parse::<jiff::Timestamp>(), written.parse::<jiff::Timestamp>()),
        (Ok(x), Ok(y)) if x == y
    );
    let same_uuid = matches!(
        (read.parse::<uuid::Uuid>(), written.parse::<uuid::Uuid>()),
        (Ok(x), Ok(y)) if x == y
    );
    let same_civil = matches!(
        (read.parse::<jiff::civil::DateTime>(), written.parse::<jiff::civil::DateTime>()),
        (Ok(x), Ok(y)) if x == y
    ) || matches!(
        (read.parse::<jiff::civil::Time>(), written.parse::<jiff::civil::Time>()),
        (Ok(x), Ok(y)) if x == y
    );
    if same_instant {
        "timestamp offset/digits rewritten"
    } else if same_civil {
        "date or time of day digits rewritten"
    } else if same_uuid {
        "Guid letter case rewritten"
    } else {
        "other: a string changed"
    }
}

fn cargo(dir: &Path, args: &[&str]) -> std::process::Output {
    Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
        .args(args)
        .current_dir(dir)
        .env("CARGO_TARGET_DIR", dir.join("target"))
        // A one-off build of a large crate: no debug info, no incremental state.
        .env("CARGO_PROFILE_DEV_DEBUG", "0")
        .env("CARGO_INCREMENTAL", "0")
        .env_remove("RUSTFLAGS")
        .output()
        .expect("cargo runs")
}
