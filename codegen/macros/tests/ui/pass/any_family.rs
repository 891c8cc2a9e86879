// A family with an `Any…` enum, from a small hand-written set of pages.
#![deny(warnings)]

msgraph_docgen_macros::generate! {
    input: "../../../../tests/fixtures/emit/any_family/pages",
}

fn main() {
    let json = serde_json::json!({
        "subject": "report",
        "attachments": [
            {"@odata.type": "#microsoft.graph.fileAttachment", "name": "a.txt", "contentBytes": "aGk="},
            {"@odata.type": "#microsoft.graph.referenceAttachment", "name": "b", "sourceUrl": "https://example.com/b"},
            {"@odata.type": "#microsoft.graph.futureAttachment", "name": "c", "extra": 1}
        ]
    });
    let message: Message = serde_json::from_value(json.clone()).unwrap();
    let attachments = message.attachments.value().unwrap();
    assert!(matches!(&attachments[0], AnyAttachment::FileAttachment(f) if f.content_bytes.as_deref().into_value() == Some("aGk=")));
    assert!(matches!(&attachments[1], AnyAttachment::ReferenceAttachment(_)));
    let AnyAttachment::Attachment(future) = &attachments[2] else {
        panic!("{:?}", attachments[2])
    };
    assert_eq!(future.additional_properties["extra"], 1);
    let names: Vec<_> = attachments.iter().map(|a| a.as_ref().name.value().cloned()).collect();
    assert_eq!(names, [Some("a.txt".into()), Some("b".into()), Some("c".into())]);
    assert_eq!(serde_json::to_value(&message).unwrap(), json);
}
