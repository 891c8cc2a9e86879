//! Types generated at build time by `msgraph_docgen::Builder` (see `build.rs`).

include!(concat!(env!("OUT_DIR"), "/msgraph_types.rs"));

/// The `deviceActionResult` family of the en-US 2021-07-16 beta docs, generated from the whole
/// tree with `root("microsoft.graph.deviceActionResult").subtypes(true)`.
#[cfg(docgen_corpus)]
pub mod family {
    include!(concat!(env!("OUT_DIR"), "/family.rs"));
}
