msgraph_docgen_macros::generate! {
    input: "../../../../docs-input",
    root: ["microsoft.graph.resetPasscodeActionResult"],
}

fn main() {}
