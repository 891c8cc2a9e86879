// Two pages whose bases form a cycle: an error diagnostic, which `fail_on` makes a compile error.
msgraph_docgen_macros::generate! {
    input: "../../../../codegen/macros/tests/fixtures/cycle",
    fail_on: "error",
}

fn main() {}
