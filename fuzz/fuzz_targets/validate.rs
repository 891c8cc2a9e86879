//! One API page, as bytes, through `validate` against the schema of the golden validate case's
//! resource pages: never a panic, every finding points at a line the page has, and both
//! reports render.
#![no_main]

use libfuzzer_sys::fuzz_target;
use msgraph_docgen::input::parse_source;
use msgraph_docgen::parse::Page;
use msgraph_docgen::schema::{build, Schema};
use msgraph_docgen::validate::{read_api_source, ValidateReport, Validator};
use std::sync::LazyLock;

macro_rules! resource {
    ($name:literal) => {
        (
            $name,
            include_str!(concat!(
                "../../tests/fixtures/reports/validate/examples/resources/",
                $name
            )),
        )
    };
}

static RESOURCES: LazyLock<(Vec<Page>, Schema)> = LazyLock::new(|| {
    let pages: Vec<Page> = [
        resource!("agegroup.md"),
        resource!("assignedlicense.md"),
        resource!("directoryobject.md"),
        resource!("group.md"),
        resource!("user.md"),
    ]
    .iter()
    .map(|(name, text)| parse_source(name, text.as_bytes()))
    .collect();
    let schema = build(&pages);
    (pages, schema)
});

static VALIDATOR: LazyLock<Validator<'static>> =
    LazyLock::new(|| Validator::new(&RESOURCES.1, &RESOURCES.0));

fuzz_target!(|data: &[u8]| {
    let page = read_api_source("fuzz/api.md", data);
    let v = VALIDATOR.validate(&[page]);
    let lines = data.iter().filter(|&&b| b == b'\n').count() as u32 + 1;
    for d in v.diagnostics() {
        assert_eq!(d.location.file, "fuzz/api.md");
        assert!(
            d.location.line <= lines,
            "{d} points past the last line ({lines})"
        );
    }
    let report = ValidateReport::new(&v, Some(3));
    assert!(report.render_text().ends_with(" notes\n"));
    assert!(serde_json::from_str::<serde_json::Value>(&report.to_json()).is_ok());
});
