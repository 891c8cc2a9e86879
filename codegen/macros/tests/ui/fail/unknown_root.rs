msgraph_docgen_macros::generate! {
    input: "../../../../docs-input",
    roots: ["microsoft.graph.resetPasscodeActionResult", "microsoft.graph.ResetPasscodeActionResult"],
}

fn main() {}
