// The founding page's type and its family, from the workspace's docs-input/.
#![deny(warnings)]

msgraph_docgen_macros::generate! {
    input: "../../../../docs-input",
    roots: ["microsoft.graph.resetPasscodeActionResult"],
    subtypes: true,
    fail_on: "error",
}

fn main() {
    let json = serde_json::json!({
        "@odata.type": "#microsoft.graph.resetPasscodeActionResult",
        "actionState": "done",
        "startDateTime": "2021-04-07T10:11:12.1234567Z",
        "passcode": "314159",
        "errorCode": -42
    });
    let any: AnyDeviceActionResult = serde_json::from_value(json.clone()).unwrap();
    assert_eq!(any.as_ref().action_state.value(), Some(&ActionState::Done));
    let AnyDeviceActionResult::ResetPasscodeActionResult(reset) = &any else {
        panic!("{any:?}")
    };
    let reset: &ResetPasscodeActionResult = reset;
    let started = reset.base.start_date_time.value().unwrap();
    assert_eq!(started.as_str(), "2021-04-07T10:11:12.1234567Z");
    assert_eq!(started.timestamp().unwrap().as_second(), 1617790272);
    assert_eq!(serde_json::to_value(&any).unwrap(), json);
    let base = DeviceActionResult::from(reset.clone());
    assert_eq!(base.additional_properties["passcode"], "314159");
}
