//! Whole docs trees, with each setting that changes the shape of the output, generate text laid
//! out exactly as prettyplease lays out the same code (see `msgraph_docgen_e2e::layout`): emit
//! writes the text itself and asks prettyplease only about long lines and the user's text, and
//! a tree has every kind of line the golden cases have, at every length. Release build.

use msgraph_docgen::emit::{emit, EmitOptions};
use msgraph_docgen::primitive::Primitive;
use msgraph_docgen_e2e::corpus;
use msgraph_docgen_e2e::layout::check_prettyplease_layout;

/// The trees: the largest English beta tree, the v1.0 tree, and a translated tree.
const TREES: [&str; 3] = [
    "en-US/2021-07-16/beta/resources",
    "en-US/2021-07-16/v1.0/resources",
    "ru-RU/2023-02-03/beta/resources",
];

/// The settings that change what is written: defaults; area features with `#[non_exhaustive]`;
/// typed navigation with a mapped primitive and a user attribute on every type and field.
fn settings() -> Vec<(&'static str, EmitOptions)> {
    let areas = EmitOptions {
        area_features: true,
        non_exhaustive: true,
        ..EmitOptions::default()
    };
    let mut typed = EmitOptions {
        typed_navigation: true,
        ..EmitOptions::default()
    };
    typed
        .type_mapping
        .set(Primitive::DateTimeOffset, "std :: string :: String")
        .unwrap();
    typed
        .type_attribute("*", "#[doc(alias=\"graph\")]")
        .unwrap();
    typed
        .field_attribute("*.id", "#[doc(alias = \"key\")]")
        .unwrap();
    vec![
        ("default", EmitOptions::default()),
        ("area features, non-exhaustive", areas),
        ("typed navigation, mapped type, attributes", typed),
    ]
}

#[test]
#[ignore = "whole trees: run in release with --include-ignored (CI does)"]
fn whole_trees_are_laid_out_as_prettyplease_lays_them_out() {
    let Some(corpus) = corpus("layout_corpus") else {
        return;
    };
    let settings = settings();
    for tree in TREES {
        let schema = msgraph_docgen::schema_of(&[corpus.join(tree)]).expect("a readable tree");
        for (name, options) in &settings {
            let code = emit(&schema, options);
            match check_prettyplease_layout(&code) {
                Ok(lines) => {
                    eprintln!("{tree}, {name}: {lines} lines as prettyplease lays them out")
                }
                Err(e) => panic!("{tree}, {name}: {e}"),
            }
        }
    }
}
