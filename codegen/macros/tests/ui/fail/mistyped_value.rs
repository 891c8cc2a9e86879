msgraph_docgen_macros::generate! {
    input: "../../../../docs-input",
    subtypes: "yes",
    fail_on: "never",
}

fn main() {}
