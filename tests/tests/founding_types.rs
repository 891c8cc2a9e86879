//! The founding types, compiled from the checked-in generated crate, against real JSON.

use msgraph_docgen::parse::parse_page;
use msgraph_docgen_e2e::{fill_placeholders, workspace};
use msgraph_types::support::{Date, DateTimeOffset, Duration, Float, Guid, Nullable, TimeOfDay};
use msgraph_types::{
    ActionState, AnyDeviceActionResult, DeviceActionResult, ResetPasscodeActionResult,
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
    let doc = Value::Object(page.json.clone().unwrap().object.into());
    let payload = fill_placeholders(&schema, "microsoft.graph.resetPasscodeActionResult", &doc);
    // Every placeholder was replaced by a typed value.
    assert_eq!(payload["startDateTime"], "2021-04-07T10:11:12.1234567Z");
    assert_eq!(payload["actionState"], "none");
    assert_eq!(payload["errorCode"], -42);
    let (typed, back) = round_trip::<ResetPasscodeActionResult>(&payload);
    assert_eq!(back, payload);
    assert_eq!(typed.passcode.as_deref(), Nullable::Value("example text"));
    assert_eq!(typed.error_code, Nullable::Value(-42));
    assert_eq!(typed.base.action_state, Nullable::Value(ActionState::None));
    let started = typed.base.start_date_time.value().unwrap();
    assert_eq!(started.timestamp().unwrap().as_second(), 1617790272);
    assert!(typed.base.additional_properties.is_empty());
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
        typed.base.action_state,
        Nullable::Value(ActionState::Unrecognized("pausedByFutureService".into()))
    );
    assert_eq!(
        typed.base.additional_properties["newField"],
        json!({"nested": [1, 2, 3]})
    );
    assert_eq!(ActionState::from("notSupported"), ActionState::NotSupported);
    assert_eq!(ActionState::NotSupported.to_string(), "notSupported");
}

#[test]
fn enums_read_from_borrowed_escaped_streamed_and_owned_text() {
    // serde_json lends unescaped text from a `&str` (`visit_borrowed_str`), hands over
    // a scratch copy for escaped text or a reader (`visit_str`), and owned text from a
    // `Value` (`visit_string`): each reads the same member or keeps the same unknown value.
    let read = |json: &str| -> ActionState { serde_json::from_str(json).unwrap() };
    assert_eq!(read(r#""notSupported""#), ActionState::NotSupported);
    assert_eq!(read(r#""not\u0053upported""#), ActionState::NotSupported);
    let streamed: ActionState = serde_json::from_reader(&b"\"done\""[..]).unwrap();
    assert_eq!(streamed, ActionState::Done);
    let owned: ActionState = serde_json::from_value(json!("pending")).unwrap();
    assert_eq!(owned, ActionState::Pending);
    assert_eq!(
        read(r#""paused\u0042yService""#),
        ActionState::Unrecognized("pausedByService".into())
    );
    let error = serde_json::from_str::<ActionState>("5").unwrap_err();
    assert!(error.to_string().contains("expected a string"), "{error}");
}

#[test]
fn a_property_of_the_wrong_type_is_an_error_whichever_struct_declares_it() {
    let read = |json: &str| serde_json::from_str::<ResetPasscodeActionResult>(json);
    // Declared by the type itself, then by its base (read through `base`).
    let own = read(r#"{"passcode": "1", "errorCode": "x"}"#).unwrap_err();
    assert!(own.to_string().contains("expected i32"), "{own}");
    let inherited = read(r#"{"passcode": "1", "actionName": 5}"#).unwrap_err();
    assert!(
        inherited.to_string().contains("expected a string"),
        "{inherited}"
    );
    // A repeated key: the last value read is kept, as serde's derive does.
    let twice = read(r#"{"passcode": "1", "actionName": "a", "passcode": "2", "actionName": "b"}"#)
        .unwrap();
    assert_eq!(twice.passcode.as_deref(), Nullable::Value("2"));
    assert_eq!(twice.base.action_name.as_deref(), Nullable::Value("b"));
}

#[test]
fn a_write_that_fails_midway_reports_the_first_error() {
    /// Accepts `room` bytes, then fails every write.
    struct Full {
        room: usize,
        written: Vec<u8>,
    }
    impl std::io::Write for Full {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            if buf.len() > self.room {
                return Err(std::io::Error::other("full"));
            }
            self.room -= buf.len();
            self.written.extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let reset: ResetPasscodeActionResult = serde_json::from_value(json!({
        "actionName": "reset", "passcode": "1234", "errorCode": 7
    }))
    .unwrap();
    // Full after the base's property, then within the first of the type's own.
    for room in [0, 10, 25, 30] {
        let mut out = Full {
            room,
            written: Vec::new(),
        };
        let error = serde_json::to_writer(&mut out, &reset).unwrap_err();
        assert!(error.is_io(), "{error}");
        assert!(out.written.len() <= room);
    }
    let mut out = Full {
        room: 1000,
        written: Vec::new(),
    };
    serde_json::to_writer(&mut out, &reset).unwrap();
    assert_eq!(
        String::from_utf8(out.written).unwrap(),
        r#"{"actionName":"reset","passcode":"1234","errorCode":7}"#
    );
}

#[test]
fn odata_type_round_trips_with_and_without_hash() {
    for odata in [
        "#microsoft.graph.resetPasscodeActionResult",
        "microsoft.graph.resetPasscodeActionResult",
    ] {
        let payload = json!({"@odata.type": odata, "passcode": "1"});
        let (typed, back) = round_trip::<ResetPasscodeActionResult>(&payload);
        assert_eq!(typed.base.odata_type.as_deref(), Some(odata));
        assert_eq!(back, payload);
    }
    let (typed, back) = round_trip::<ResetPasscodeActionResult>(&json!({"passcode": "1"}));
    assert_eq!(typed.base.odata_type, None);
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
    assert_eq!(base.action_state, Nullable::Value(ActionState::Done));
    assert_eq!(base.additional_properties["passcode"], "123456");
    assert_eq!(serde_json::to_value(&base).unwrap(), payload);
    // And back: the base keeps everything the derived type needs.
    let again: ResetPasscodeActionResult =
        serde_json::from_value(serde_json::to_value(&base).unwrap()).unwrap();
    assert_eq!(again, reset);
}

fn describe(result: &impl AsRef<DeviceActionResult>) -> String {
    let result = result.as_ref();
    format!(
        "{}: {}",
        result.action_name.value().map_or("?", String::as_str),
        result.action_state.value().map_or("?", ActionState::as_str)
    )
}

#[test]
fn code_for_any_device_action_result_accepts_both() {
    let mut reset = ResetPasscodeActionResult {
        base: DeviceActionResult {
            action_name: "resetPasscode".to_owned().into(),
            ..Default::default()
        },
        ..Default::default()
    };
    // The base's properties are reachable for writing too, through `AsMut`.
    let shared: &mut DeviceActionResult = reset.as_mut();
    shared.action_state = ActionState::Active.into();
    let base = DeviceActionResult {
        action_name: "locate".to_owned().into(),
        action_state: ActionState::Failed.into(),
        ..Default::default()
    };
    assert_eq!(describe(&reset), "resetPasscode: active");
    assert_eq!(describe(&base), "locate: failed");
    fn take(r: impl Into<DeviceActionResult>) -> Option<String> {
        r.into().action_name.into_value()
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
    assert_eq!(first.passcode.as_deref(), Nullable::Value("1"));
    assert!(
        matches!(&typed[1], AnyDeviceActionResult::ResetPasscodeActionResult(r) if r.passcode.as_deref() == Nullable::Value("2"))
    );
    assert!(
        matches!(&typed[2], AnyDeviceActionResult::DeviceActionResult(b) if b.odata_type.is_none())
    );
    let AnyDeviceActionResult::DeviceActionResult(future) = &typed[3] else {
        panic!("an unknown subtype is kept as the base, got {:?}", typed[3]);
    };
    assert_eq!(future.action_name.as_deref(), Nullable::Value("future"));
    assert_eq!(future.additional_properties["newField"], json!([1]));
    // Shared properties through the family's base, whatever the variant.
    let names: Vec<_> = typed
        .iter()
        .map(|v| v.as_ref().action_name.value().cloned())
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
        passcode: "9".to_owned().into(),
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
    assert_eq!(read.passcode.as_deref(), Nullable::Value("9"));
    assert_eq!(
        read.base.odata_type.as_deref(),
        Some("#microsoft.graph.resetPasscodeActionResult")
    );
    // A plain base is written without an annotation.
    let base = AnyDeviceActionResult::from(DeviceActionResult::default());
    assert_eq!(serde_json::to_value(&base).unwrap(), json!({}));
}

#[test]
fn explicit_null_and_absence_are_kept_apart() {
    let payload = json!({"actionName": null, "passcode": "1", "errorCode": null});
    let (typed, back) = round_trip::<ResetPasscodeActionResult>(&payload);
    assert_eq!(back, payload);
    assert!(typed.base.action_name.is_null());
    assert!(typed.base.action_state.is_absent());
    assert_eq!(typed.passcode.value().map(String::as_str), Some("1"));
    assert_eq!(typed.error_code.value(), None);
    // Through the family's base view too.
    let shared: &DeviceActionResult = typed.as_ref();
    assert_eq!(shared.action_name.as_ref(), Nullable::Null);
    assert_eq!(shared.start_date_time.as_ref(), Nullable::Absent);
    // Up to the base, a `null` the base does not declare stays `null` in its map.
    let base = DeviceActionResult::from(typed);
    assert_eq!(base.additional_properties["errorCode"], Value::Null);
    assert_eq!(serde_json::to_value(&base).unwrap(), payload);
}

#[test]
fn a_patch_body_sets_clears_and_leaves_properties_alone() {
    let patch = ResetPasscodeActionResult {
        passcode: "2468".to_owned().into(),
        error_code: Nullable::Null,
        ..Default::default()
    };
    assert_eq!(
        serde_json::to_value(&patch).unwrap(),
        json!({"passcode": "2468", "errorCode": null})
    );
}

#[test]
fn timestamps_keep_their_offset_and_digits() {
    for text in [
        "2017-01-01T00:02:43.5775965-08:00",
        "2021-04-07T10:11:12.1234567Z",
        "2018-10-04T00:58:45.340Z",
        "2020-02-04T00:00:00.0000000Z",
        "2021-04-07T10:11:12+05:30",
    ] {
        let payload = json!({"startDateTime": text});
        let (typed, back) = round_trip::<ResetPasscodeActionResult>(&payload);
        assert_eq!(back, payload, "{text}");
        assert_eq!(typed.base.start_date_time.value().unwrap().as_str(), text);
    }
    let pacific = DateTimeOffset::parse("2017-01-01T00:02:43.5775965-08:00").unwrap();
    let instant = pacific.timestamp().unwrap();
    assert_eq!(instant.to_string(), "2017-01-01T08:02:43.5775965Z");
    assert_eq!(pacific.offset().unwrap(), jiff::tz::offset(-8));
    assert_eq!(pacific.to_zoned().unwrap().hour(), 0);
    // Built from typed values: in UTC, or with an offset.
    assert_eq!(
        DateTimeOffset::from(instant).as_str(),
        "2017-01-01T08:02:43.5775965Z"
    );
    assert_eq!(DateTimeOffset::new(instant, jiff::tz::offset(-8)), pacific);
    assert!(DateTimeOffset::parse("2017-01-01T00:02:43").is_err());
    // Read leniently (the text is kept), checked when asked.
    let odd: DateTimeOffset = serde_json::from_value(json!("datetime-value")).unwrap();
    assert_eq!(serde_json::to_value(&odd).unwrap(), json!("datetime-value"));
    assert!(odd.timestamp().is_err());
}

#[test]
fn dates_times_of_day_and_durations_keep_their_text() {
    let time: TimeOfDay = serde_json::from_value(json!("10:11:12.0000000")).unwrap();
    assert_eq!(
        serde_json::to_value(&time).unwrap(),
        json!("10:11:12.0000000")
    );
    assert_eq!(time.time().unwrap(), jiff::civil::time(10, 11, 12, 0));
    assert_eq!(
        TimeOfDay::from(jiff::civil::time(8, 0, 0, 0)).as_str(),
        "08:00:00"
    );
    let date = Date::parse("2021-07-16").unwrap();
    assert_eq!(date.date().unwrap(), jiff::civil::date(2021, 7, 16));
    assert_eq!(
        Date::from(jiff::civil::date(2021, 7, 16)).to_string(),
        "2021-07-16"
    );
    let duration: Duration = serde_json::from_value(json!("P30D")).unwrap();
    assert_eq!(duration.span().unwrap().get_days(), 30);
    assert_eq!(
        Duration::from(jiff::Span::new().hours(1).minutes(30)).as_str(),
        "PT1H30M"
    );
    assert!(Duration::parse("1 hour").is_err());
}

#[test]
fn the_tri_state_reads_as_an_option_where_that_is_enough() {
    let mut name: Nullable<String> = Nullable::default();
    assert!(name.is_absent() && !name.is_null() && !name.is_value());
    name = "Ada".to_owned().into();
    assert_eq!(name.as_deref(), Nullable::Value("Ada"));
    name.value_mut().unwrap().push('!');
    assert_eq!(name.clone().map(|n| n.len()), Nullable::Value(4));
    assert_eq!(name.into_value().as_deref(), Some("Ada!"));
    assert_eq!(Nullable::<String>::Null.value(), None);
}

#[test]
fn guids_keep_their_case_and_numbers_their_form() {
    for text in [
        "68CA8EC0-11F8-456B-A785-70D9936650D5",
        "{68ca8ec0-11f8-456b-a785-70d9936650d5}",
    ] {
        let guid: Guid = serde_json::from_value(json!(text)).unwrap();
        assert_eq!(serde_json::to_value(&guid).unwrap(), json!(text));
        assert_eq!(
            guid.uuid().unwrap().to_string(),
            "68ca8ec0-11f8-456b-a785-70d9936650d5"
        );
    }
    assert_eq!(
        Guid::from(uuid::Uuid::nil()).as_str(),
        "00000000-0000-0000-0000-000000000000"
    );
    assert!(Guid::parse("skuId-value").is_err());
    // `10` stays `10`, `10.0` stays `10.0`, whatever the number.
    let numbers = json!([10, 10.0, -3, 2.5, 0, 1e300]);
    let read: Vec<Float> = serde_json::from_value(numbers.clone()).unwrap();
    assert_eq!(serde_json::to_value(&read).unwrap(), numbers);
    assert!(read[0].is_integer() && !read[1].is_integer());
    assert_eq!(read[0].get(), 10.0);
    assert_eq!(f64::from(read[3]), 2.5);
    assert_eq!(
        serde_json::to_value(Float::from(47.0)).unwrap(),
        json!(47.0)
    );
}

#[test]
fn enums_compare_hash_and_order_by_wire_name_and_debug_as_derived() {
    use std::collections::{BTreeSet, HashSet};
    // Equal when they write the same JSON, whichever variant holds the value.
    assert_eq!(ActionState::Unrecognized("done".into()), ActionState::Done);
    assert_ne!(ActionState::Unrecognized("Done".into()), ActionState::Done);
    let set: HashSet<ActionState> = [ActionState::Done, ActionState::from("done")].into();
    assert_eq!(set.len(), 1);
    // Ordered by wire name, not by declaration.
    let ordered: Vec<String> = [
        ActionState::Pending,
        ActionState::Unrecognized("zz".into()),
        ActionState::Active,
        ActionState::NotSupported,
    ]
    .into_iter()
    .collect::<BTreeSet<_>>()
    .iter()
    .map(ToString::to_string)
    .collect();
    assert_eq!(ordered, ["active", "notSupported", "pending", "zz"]);
    // `Debug` prints what a derive would.
    assert_eq!(format!("{:?}", ActionState::NotSupported), "NotSupported");
    assert_eq!(
        format!("{:?}", ActionState::Unrecognized("x".into())),
        "Unrecognized(\"x\")"
    );
}

#[test]
fn structs_debug_as_their_name_and_the_json_they_write() {
    // Only what is present is printed (a `User` declares over a hundred properties), in the
    // order it is written: `@odata.type`, the base's properties, the type's, unknown ones.
    let reset: ResetPasscodeActionResult = serde_json::from_value(json!({
        "@odata.type": "#microsoft.graph.resetPasscodeActionResult",
        "errorCode": null,
        "passcode": "{1}, [2]: \"3\"",
        "actionName": "reset",
        "extra": {"empty": [], "list": [1, {}]}
    }))
    .unwrap();
    assert_eq!(
        format!("{reset:?}"),
        r##"ResetPasscodeActionResult {"@odata.type":"#microsoft.graph.resetPasscodeActionResult","actionName":"reset","passcode":"{1}, [2]: \"3\"","errorCode":null,"extra":{"empty":[],"list":[1,{}]}}"##
    );
    assert_eq!(
        format!("{reset:#?}"),
        r##"ResetPasscodeActionResult {
    "@odata.type": "#microsoft.graph.resetPasscodeActionResult",
    "actionName": "reset",
    "passcode": "{1}, [2]: \"3\"",
    "errorCode": null,
    "extra": {
        "empty": [],
        "list": [
            1,
            {}
        ]
    }
}"##
    );
    // The pretty form is the same JSON.
    let pretty = format!("{reset:#?}");
    let json: Value =
        serde_json::from_str(pretty.trim_start_matches("ResetPasscodeActionResult ")).unwrap();
    assert_eq!(json, serde_json::to_value(&reset).unwrap());
    assert_eq!(
        format!("{:?}", DeviceActionResult::default()),
        "DeviceActionResult {}"
    );
    // An `Any...` enum prints its own name and the JSON it writes: a derived value that
    // carries no `@odata.type` gets the one writing it would add.
    let any = AnyDeviceActionResult::from(reset);
    assert!(format!("{any:?}")
        .starts_with(r##"AnyDeviceActionResult {"@odata.type":"#microsoft.graph.resetPasscodeActionResult","actionName""##));
    let untagged = AnyDeviceActionResult::from(ResetPasscodeActionResult {
        passcode: "1".to_owned().into(),
        ..Default::default()
    });
    assert_eq!(
        format!("{untagged:?}"),
        r##"AnyDeviceActionResult {"@odata.type":"#microsoft.graph.resetPasscodeActionResult","passcode":"1"}"##
    );
    assert_eq!(
        format!("{:?}", AnyDeviceActionResult::default()),
        "AnyDeviceActionResult {}"
    );
}
