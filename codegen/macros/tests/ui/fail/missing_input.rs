msgraph_docgen_macros::generate! {
    input: ["../../../../docs-input", "no/such/docs"],
}

fn main() {}
