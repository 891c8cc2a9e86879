//! The whole pipeline on the founding input: staleness, the schema snapshot, and the same schema
//! from other locales and revisions of the page.

use msgraph_docgen::emit::{emit, EmitOptions};
use msgraph_docgen::schema::Schema;
use msgraph_docgen_e2e::{corpus, workspace};

fn schema_of(path: &std::path::Path) -> Schema {
    msgraph_docgen::schema_of(&[path.to_path_buf()]).expect("input readable")
}

#[test]
fn checked_in_generated_code_is_up_to_date() {
    let schema = schema_of(&workspace().join("docs-input"));
    let fresh = emit(&schema, &EmitOptions::default());
    let checked_in =
        std::fs::read_to_string(workspace().join("generated/src/msgraph_types.rs")).unwrap();
    assert!(
        fresh == checked_in,
        "generated/src/msgraph_types.rs is stale: run `cargo run -p msgraph-docgen -- generate`"
    );
}

#[test]
fn schema_of_the_founding_input() {
    let schema = schema_of(&workspace().join("docs-input"));
    // Paths relative to the workspace, whatever the test's working directory.
    let json = schema
        .to_json()
        .replace(&format!("{}/", workspace().display()), "");
    insta::assert_snapshot!("founding_schema", json);
}

/// The three founding types, without descriptions and source locations.
fn shape(schema: &Schema) -> serde_json::Value {
    let mut value = serde_json::to_value(schema).unwrap();
    for t in value["types"].as_array_mut().unwrap() {
        let t = t.as_object_mut().unwrap();
        t.remove("description");
        t.remove("source");
        for p in t["properties"].as_array_mut().unwrap() {
            let p = p.as_object_mut().unwrap();
            p.remove("description");
            p.remove("source");
        }
    }
    value["types"].clone()
}

#[test]
fn english_and_later_russian_pages_give_the_same_schema() {
    let Some(corpus) = corpus("english_and_later_russian_pages_give_the_same_schema") else {
        return;
    };
    let page = "beta/resources/intune-devices-resetpasscodeactionresult.md";
    let seed = shape(&schema_of(
        &workspace().join("docs-input/intune-devices-resetpasscodeactionresult.md"),
    ));
    for tree in ["en-US/2021-04-08", "ru-RU/2023-02-03", "en-US/2021-07-16"] {
        let other = shape(&schema_of(&corpus.join(tree).join(page)));
        assert_eq!(other, seed, "{tree} differs from the founding page");
    }
}

#[test]
fn output_does_not_depend_on_input_order_or_location() {
    let dir = std::env::temp_dir().join(format!("docgen-order-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("z")).unwrap();
    let seed = workspace().join("docs-input/intune-devices-resetpasscodeactionresult.md");
    std::fs::copy(
        &seed,
        dir.join("z/intune-devices-resetpasscodeactionresult.md"),
    )
    .unwrap();
    std::fs::write(dir.join("a-overview.md"), "# Overview\n\nNo types here.\n").unwrap();
    let a = emit(&schema_of(&dir), &EmitOptions::default());
    let b = emit(
        &schema_of(&workspace().join("docs-input")),
        &EmitOptions::default(),
    );
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(a, b);
}

#[test]
fn generated_code_with_non_exhaustive_types() {
    let schema = schema_of(&workspace().join("docs-input"));
    let code = emit(
        &schema,
        &EmitOptions {
            non_exhaustive: true,
            ..EmitOptions::default()
        },
    );
    insta::assert_snapshot!("founding_code_non_exhaustive", code);
}
