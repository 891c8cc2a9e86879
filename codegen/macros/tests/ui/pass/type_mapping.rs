// Primitives mapped to other Rust types, written in the invocation and read from a docgen.toml.
#![deny(warnings)]

mod inline {
    msgraph_docgen_macros::generate! {
        input: "../../../../docs-input",
        type_mapping: { DateTimeOffset: "String" },
        type_attributes: { "microsoft.graph.actionState": "#[doc(alias = \"state\")]" },
        non_exhaustive: true,
    }
}

mod from_file {
    msgraph_docgen_macros::generate! {
        config: "../../../../tests/fixtures/emit/type_mapping/docgen.toml",
    }
}

fn main() {
    let mut reset = inline::ResetPasscodeActionResult::default();
    reset.base.start_date_time = "2021-04-07T10:11:12Z".to_owned().into();
    let json = serde_json::to_value(&reset).unwrap();
    assert_eq!(json, serde_json::json!({"startDateTime": "2021-04-07T10:11:12Z"}));

    let event = from_file::AuditEvent {
        activity_date_time: "2021-04-07T10:11:12Z".to_owned().into(),
        size_in_bytes: u64::MAX.into(),
        ..Default::default()
    };
    let back: from_file::AuditEvent =
        serde_json::from_value(serde_json::to_value(&event).unwrap()).unwrap();
    assert_eq!(back, event);
}
