//! The founding types, compiled from the checked-in generated crate, against real JSON.

use msgraph_docgen::parse::parse_page;
use msgraph_docgen_e2e::{fill_placeholders, workspace};
use msgraph_types::{
    ActionState, AnyDeviceActionResult, DeviceActionResult, DeviceActionResultFields,
    ResetPasscodeActionResult,
};
use serde_json::{json, Value};

const SEED: &str = "docs-input/intune-devices-resetpasscodeactionresult.md";

fn round_trip<T: serde::de::DeserializeOwned + serde::Serialize>(payload: &Value) -> (T, Value) {
    let typed: T = serde_json::from_value(payload.clone()).expect("payload deserializes");
    let back = serde_json::to_value(&typed).expect("serializes");
    (typed, back)
}

#[test]
fn the_pages_own_json_representation_round_trips_with_typed_values() {
    let text = std::fs::read_to_string(workspace().join(SEED)).unwrap();
    let page = parse_page(SEED, &text);
    let schema = msgraph_docgen::schema::build(std::slice::from_ref(&page));
    let doc = Value::Object(page.json.clone().unwrap().object);
    let payload = fill_placeholders(&schema, "microsoft.graph.resetPasscodeActionResult", &doc);
    // Every placeholder was replaced by a typed value.
    assert_eq!(payload["startDateTime"], "2021-04-07T10:11:12.1234567Z");
    assert_eq!(payload["actionState"], "none");
    assert_eq!(payload["errorCode"], -42);
    let (typed, back) = round_trip::<ResetPasscodeActionResult>(&payload);
    assert_eq!(back, payload);
    assert_eq!(typed.passcode.as_deref(), Some("example text"));
    assert_eq!(typed.error_code, Some(-42));
    assert_eq!(typed.action_state, Some(ActionState::None));
    assert_eq!(typed.start_date_time.unwrap().as_second(), 1617790272);
    assert!(typed.additional_properties.is_empty());
}

#[test]
fn unknown_properties_and_enum_values_are_kept() {
    let payload = json!({
        "actionName": "resetPasscode",
        "actionState": "pausedByFutureService",
        "passcode": "123456",
        "newField": {"nested": [1, 2, 3]},
        "actionName@odata.annotation": "x"
    });
    let (typed, back) = round_trip::<ResetPasscodeActionResult>(&payload);
    assert_eq!(back, payload);
    assert_eq!(
        typed.action_state,
        Some(ActionState::Unrecognized("pausedByFutureService".into()))
    );
    assert_eq!(
        typed.additional_properties["newField"],
        json!({"nested": [1, 2, 3]})
    );
    assert_eq!(ActionState::from("notSupported"), ActionState::NotSupported);
    assert_eq!(ActionState::NotSupported.to_string(), "notSupported");
}

#[test]
fn odata_type_round_trips_with_and_without_hash() {
    for odata in [
        "#microsoft.graph.resetPasscodeActionResult",
        "microsoft.graph.resetPasscodeActionResult",
    ] {
        let payload = json!({"@odata.type": odata, "passcode": "1"});
        let (typed, back) = round_trip::<ResetPasscodeActionResult>(&payload);
        assert_eq!(typed.odata_type.as_deref(), Some(odata));
        assert_eq!(back, payload);
    }
    let (typed, back) = round_trip::<ResetPasscodeActionResult>(&json!({"passcode": "1"}));
    assert_eq!(typed.odata_type, None);
    assert_eq!(back, json!({"passcode": "1"}));
}

#[test]
fn a_derived_value_converts_into_its_base_without_loss() {
    let payload = json!({
        "@odata.type": "#microsoft.graph.resetPasscodeActionResult",
        "actionName": "resetPasscode",
        "actionState": "done",
        "startDateTime": "2021-04-07T10:11:12Z",
        "lastUpdatedDateTime": "2021-04-07T10:12:00Z",
        "passcode": "123456",
        "errorCode": 0,
        "extra": true
    });
    let reset: ResetPasscodeActionResult = serde_json::from_value(payload.clone()).unwrap();
    let base = DeviceActionResult::from(reset.clone());
    assert_eq!(base.action_state, Some(ActionState::Done));
    assert_eq!(base.additional_properties["passcode"], "123456");
    assert_eq!(serde_json::to_value(&base).unwrap(), payload);
    // And back: the base keeps everything the derived type needs.
    let again: ResetPasscodeActionResult =
        serde_json::from_value(serde_json::to_value(&base).unwrap()).unwrap();
    assert_eq!(again, reset);
}

fn describe(result: &impl DeviceActionResultFields) -> String {
    format!(
        "{}: {}",
        result.action_name().map_or("?", String::as_str),
        result.action_state().map_or("?", ActionState::as_str)
    )
}

#[test]
fn code_for_any_device_action_result_accepts_both() {
    let reset = ResetPasscodeActionResult {
        action_name: Some("resetPasscode".into()),
        action_state: Some(ActionState::Active),
        ..Default::default()
    };
    let base = DeviceActionResult {
        action_name: Some("locate".into()),
        action_state: Some(ActionState::Failed),
        ..Default::default()
    };
    assert_eq!(describe(&reset), "resetPasscode: active");
    assert_eq!(describe(&base), "locate: failed");
    fn take(r: impl Into<DeviceActionResult>) -> Option<String> {
        r.into().action_name
    }
    assert_eq!(take(reset).as_deref(), Some("resetPasscode"));
    assert_eq!(take(base).as_deref(), Some("locate"));
}

#[test]
fn a_base_value_deserializes_into_the_subtype_its_odata_type_names() {
    let payload = json!([
        {"@odata.type": "#microsoft.graph.resetPasscodeActionResult", "passcode": "1"},
        // No `#`, and the annotation after the properties.
        {"actionName": "reset", "passcode": "2", "@odata.type": "microsoft.graph.resetPasscodeActionResult"},
        // A plain base: no annotation.
        {"actionName": "locate", "actionState": "done"},
        // A derived type these docs do not know: kept whole in the base variant.
        {"@odata.type": "#microsoft.graph.futureActionResult", "actionName": "future", "newField": [1]},
    ]);
    let (typed, back) = round_trip::<Vec<AnyDeviceActionResult>>(&payload);
    assert_eq!(back, payload);
    let AnyDeviceActionResult::ResetPasscodeActionResult(first) = &typed[0] else {
        panic!("expected a resetPasscodeActionResult, got {:?}", typed[0]);
    };
    assert_eq!(first.passcode.as_deref(), Some("1"));
    assert!(
        matches!(&typed[1], AnyDeviceActionResult::ResetPasscodeActionResult(r) if r.passcode.as_deref() == Some("2"))
    );
    assert!(
        matches!(&typed[2], AnyDeviceActionResult::DeviceActionResult(b) if b.odata_type.is_none())
    );
    let AnyDeviceActionResult::DeviceActionResult(future) = &typed[3] else {
        panic!("an unknown subtype is kept as the base, got {:?}", typed[3]);
    };
    assert_eq!(future.action_name.as_deref(), Some("future"));
    assert_eq!(future.additional_properties["newField"], json!([1]));
    // Shared properties through the family's trait, whatever the variant.
    let names: Vec<_> = typed
        .iter()
        .map(|v| v.fields().action_name().cloned())
        .collect();
    assert_eq!(
        names,
        [
            None,
            Some("reset".into()),
            Some("locate".into()),
            Some("future".into())
        ]
    );
}

#[test]
fn a_derived_value_built_in_code_is_written_with_its_odata_type() {
    let reset = ResetPasscodeActionResult {
        passcode: Some("9".into()),
        ..Default::default()
    };
    let any = AnyDeviceActionResult::from(reset);
    let written = serde_json::to_value(&any).unwrap();
    assert_eq!(
        written,
        json!({"@odata.type": "#microsoft.graph.resetPasscodeActionResult", "passcode": "9"})
    );
    // And it reads back as the same variant, now carrying the annotation it was written with.
    let read: AnyDeviceActionResult = serde_json::from_value(written).unwrap();
    let AnyDeviceActionResult::ResetPasscodeActionResult(read) = read else {
        panic!("expected a resetPasscodeActionResult, got {read:?}");
    };
    assert_eq!(read.passcode.as_deref(), Some("9"));
    assert_eq!(
        read.odata_type.as_deref(),
        Some("#microsoft.graph.resetPasscodeActionResult")
    );
    // A plain base is written without an annotation.
    let base = AnyDeviceActionResult::from(DeviceActionResult::default());
    assert_eq!(serde_json::to_value(&base).unwrap(), json!({}));
}
