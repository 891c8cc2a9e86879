//! One page, as bytes, through the parse stage: never a panic, and every diagnostic points into
//! the page (a line the page has).
#![no_main]

use libfuzzer_sys::fuzz_target;
use msgraph_docgen::input::parse_source;

fuzz_target!(|data: &[u8]| {
    let page = parse_source("fuzz/page.md", data);
    let lines = data.iter().filter(|&&b| b == b'\n').count() as u32 + 1;
    for d in &page.diagnostics {
        assert_eq!(d.location.file, "fuzz/page.md");
        assert!(
            d.location.line <= lines,
            "{d} points past the last line ({lines})"
        );
    }
    for row in &page.properties {
        assert!(
            row.line >= 1 && row.line <= lines,
            "row line {} of {lines}",
            row.line
        );
    }
});
