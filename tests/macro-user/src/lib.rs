//! Types generated in place by `msgraph_docgen_macros::generate!`, without a build script: the
//! founding page's type and its family, from `docs-input/`. The README's macro example is this
//! invocation (a test in `codegen/tests/readme.rs` keeps them equal).

msgraph_docgen_macros::generate! {
    input: "../../docs-input",                       // relative to CARGO_MANIFEST_DIR
    roots: ["microsoft.graph.resetPasscodeActionResult"],
    subtypes: true,
    fail_on: "error",
}
