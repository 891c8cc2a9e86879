//! `generate!` as a user's crate sees it, compiled by trybuild: the pass cases compile without
//! warnings and run; the fail cases give the compile errors in their `.stderr` files
//! (`TRYBUILD=overwrite` rewrites them after an intended change).

use std::path::Path;

#[test]
fn ui() {
    // trybuild builds each case in `<target>/tests/trybuild/msgraph-docgen-macros/`, which is
    // their CARGO_MANIFEST_DIR: the cases name their inputs relative to it as
    // `../../../../<path in the workspace>`, so trybuild's target directory is the workspace's
    // `target/` whatever CARGO_TARGET_DIR says (its builds are separate from cargo's anyway).
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let workspace = std::fs::canonicalize(workspace).unwrap();
    std::env::set_var("CARGO_TARGET_DIR", workspace.join("target"));
    let cases = trybuild::TestCases::new();
    cases.pass("tests/ui/pass/*.rs");
    cases.compile_fail("tests/ui/fail/*.rs");
}
