//! Generates the types at build time with `msgraph_docgen::Builder`:
//! - `msgraph_types.rs`: the founding page in `docs-input/`, with the options of the checked-in
//!   `generated/` crate, so a test can show both front ends give the same code;
//! - `family.rs`: the `deviceActionResult` family, chosen by root from a whole docs tree of the
//!   corpus (when the corpus is present; required when `DOCGEN_REQUIRE_CORPUS=1`), always split
//!   into parts (`family/*.rs`, included by `family.rs`), as a whole tree is, so that the
//!   nested `include!`s are compiled from `OUT_DIR`.

use std::path::PathBuf;

fn main() -> Result<(), msgraph_docgen::Error> {
    msgraph_docgen::Builder::new()
        .input("../../docs-input")
        .generate()?;

    println!("cargo:rustc-check-cfg=cfg(docgen_corpus)");
    println!("cargo:rerun-if-env-changed=DOCGEN_CORPUS");
    println!("cargo:rerun-if-env-changed=DOCGEN_REQUIRE_CORPUS");
    let corpus = std::env::var_os("DOCGEN_CORPUS")
        .map_or_else(|| PathBuf::from("../../../shared/corpus"), PathBuf::from);
    let tree = corpus.join("en-US/2021-07-16/beta/resources");
    if tree.is_dir() {
        msgraph_docgen::Builder::new()
            .input(&tree)
            .root("microsoft.graph.deviceActionResult")
            .subtypes(true)
            .file_name("family.rs")
            .split_above(0)
            .generate()?;
        println!("cargo:rustc-cfg=docgen_corpus");
    } else if std::env::var("DOCGEN_REQUIRE_CORPUS").as_deref() == Ok("1") {
        panic!(
            "corpus tree not found at {} and DOCGEN_REQUIRE_CORPUS=1",
            tree.display()
        );
    } else {
        println!(
            "cargo:warning=SKIPPED the deviceActionResult family: corpus not found at {} (set DOCGEN_CORPUS)",
            tree.display()
        );
    }
    Ok(())
}
