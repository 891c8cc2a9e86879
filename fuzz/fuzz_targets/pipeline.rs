//! Several pages through parse → schema → emit. The input is split into pages at NUL bytes; the
//! first line of each page is its file name (so pages can link to each other by name), the rest
//! its bytes. Checks: no panic, the generated code parses, the schema JSON reads back equal, and
//! the schema does not depend on the order of the pages.
#![no_main]

use libfuzzer_sys::fuzz_target;
use msgraph_docgen::emit::{emit, EmitOptions};
use msgraph_docgen::input::parse_source;
use msgraph_docgen::schema::{build, Schema};
use std::collections::BTreeSet;

fuzz_target!(|data: &[u8]| {
    let mut names = BTreeSet::new();
    let mut pages = Vec::new();
    for chunk in data.split(|&b| b == 0).take(16) {
        let (name, body) = match chunk.iter().position(|&b| b == b'\n') {
            Some(i) => (&chunk[..i], &chunk[i + 1..]),
            None => (&b""[..], chunk),
        };
        let name = String::from_utf8_lossy(name).trim().to_owned();
        let name = if name.is_empty() {
            format!("page{}.md", pages.len())
        } else {
            name
        };
        // Real inputs never hold one path twice.
        if names.insert(name.clone()) {
            pages.push(parse_source(&name, body));
        }
    }
    let schema = build(&pages);
    pages.reverse();
    assert!(build(&pages) == schema, "the schema depends on page order");
    let json = schema.to_json();
    let back: Schema = serde_json::from_str(&json).expect("schema JSON reads back");
    assert!(back == schema, "schema JSON does not round-trip");
    let options = EmitOptions {
        non_exhaustive: data.len() % 2 == 1,
        ..EmitOptions::default()
    };
    let code = emit(&schema, &options);
    if let Err(e) = syn::parse_file(&code) {
        panic!("generated code does not parse: {e}\n{code}");
    }
});
