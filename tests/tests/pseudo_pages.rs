//! A few English pages (`tests/fixtures/pseudo/`), pseudo-localised into every made-up language
//! of `msgraph_docgen_e2e::pseudo`, read as exactly the English schema: the inheritance phrase,
//! the primitive, collection and property-name words learned from the pages themselves (each
//! reported once as `learned-word`). The whole-tree version is `pseudo_locale.rs` (release).

use msgraph_docgen::diag::Code;
use msgraph_docgen::input::parse_sources;
use msgraph_docgen::schema::{build, Schema};
use msgraph_docgen_e2e::agreement::agreement;
use msgraph_docgen_e2e::pseudo::{localise, localise_all, LOCALES};
use msgraph_docgen_e2e::workspace;

/// The fixture pages as `(name, bytes)`, sorted by name.
fn english_pages() -> Vec<(String, Vec<u8>)> {
    let dir = workspace().join("tests/fixtures/pseudo");
    let mut pages: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read(&p).unwrap())
        })
        .collect();
    pages.sort();
    pages
}

fn schema(pages: &[(String, Vec<u8>)]) -> Schema {
    build(parse_sources(pages))
}

#[test]
fn pseudo_localised_pages_read_as_the_english_schema() {
    let english_pages = english_pages();
    let english = schema(&english_pages);
    let job = english.get("microsoft.graph.printJob").unwrap();
    assert_eq!(job.base.as_deref(), Some("microsoft.graph.printItem"));
    assert!(english
        .diagnostics
        .iter()
        .all(|d| d.code != Code::LearnedWord));
    for locale in LOCALES {
        let pages = localise_all(&english_pages, locale);
        let text = String::from_utf8(pages[3].1.clone()).unwrap();
        assert!(!text.contains("Inherits from"), "{}: {text}", locale.name);
        let schema = schema(&pages);
        let a = agreement(&english, &schema);
        assert_eq!(
            a.lowest(),
            100.0,
            "{}: {a}\n{:#?}\n{text}",
            locale.name,
            [&a.types, &a.bases, &a.properties, &a.members]
        );
        let learned: Vec<&str> = schema
            .diagnostics
            .iter()
            .filter(|d| d.code == Code::LearnedWord)
            .map(|d| d.message.as_str())
            .collect();
        for kind in [
            "inheritance phrase",
            "as the primitive `String`",
            "as the primitive `Boolean`",
            "collection word",
            "property name",
        ] {
            assert!(
                learned.iter().any(|m| m.contains(kind)),
                "{}: nothing learned as {kind}: {learned:#?}",
                locale.name
            );
        }
    }
}

#[test]
fn code_json_comments_and_link_targets_stay_as_written() {
    let (_, bytes) = &english_pages()[3];
    let english = std::str::from_utf8(bytes).unwrap();
    for locale in LOCALES {
        let text = localise(english, locale);
        for kept in [
            "(printitem.md)",
            "[printItem](printitem.md)",
            "\"@odata.type\": \"microsoft.graph.printJob\"",
            "\"labels\": [\"String\"]",
            "microsoft.graph",
            "DateTimeOffset",
            "Int32",
            "`top`",
            "<a name=\"properties\"></a>",
        ] {
            if english.contains(kept.trim_start_matches("<a name=\"properties\"></a>")) {
                assert!(
                    text.contains(kept),
                    "{}: `{kept}` lost:\n{text}",
                    locale.name
                );
            }
        }
        for gone in [
            "Inherits from",
            "| Property |",
            "String collection",
            "| title |",
        ] {
            assert!(
                !text.contains(gone),
                "{}: `{gone}` kept:\n{text}",
                locale.name
            );
        }
    }
}
