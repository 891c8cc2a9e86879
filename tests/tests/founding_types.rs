//! The founding types, compiled from the checked-in generated crate, against real JSON.

use msgraph_docgen::parse::parse_page;
use msgraph_docgen_e2e::{fill_placeholders, workspace};
use msgraph_types::{
    ActionState, DeviceActionResult, DeviceActionResultFields, ResetPasscodeActionResult,
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
