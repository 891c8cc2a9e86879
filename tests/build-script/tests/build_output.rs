//! The build.rs front end: what `Builder` wrote into OUT_DIR, compiled and used.

use msgraph_docgen_build_script::{ActionState, AnyDeviceActionResult, ResetPasscodeActionResult};
use serde_json::json;

#[test]
fn build_time_output_equals_the_checked_in_code() {
    let built = include_str!(concat!(env!("OUT_DIR"), "/msgraph_types.rs"));
    let checked_in = include_str!("../../../generated/src/msgraph_types.rs");
    assert!(
        built == checked_in,
        "build.rs and `msgraph-docgen generate` disagree for the same inputs and options"
    );
}

#[test]
fn the_build_time_types_work() {
    let json = json!({"@odata.type": "#microsoft.graph.resetPasscodeActionResult", "actionState": "done", "passcode": "1"});
    let any: AnyDeviceActionResult = serde_json::from_value(json.clone()).unwrap();
    assert_eq!(any.as_ref().action_state.value(), Some(&ActionState::Done));
    let AnyDeviceActionResult::ResetPasscodeActionResult(reset) = &any else {
        panic!("{any:?}")
    };
    let reset: &ResetPasscodeActionResult = reset;
    assert_eq!(reset.passcode.value().map(String::as_str), Some("1"));
    assert_eq!(serde_json::to_value(&any).unwrap(), json);
}

#[cfg(not(docgen_corpus))]
#[test]
fn the_family_from_the_corpus() {
    eprintln!("SKIPPED the_family_from_the_corpus: build.rs found no corpus (set DOCGEN_CORPUS)");
}

/// The mixed array: three known subtypes, an unknown future subtype and plain bases
/// (one with nulls and a timestamp with an offset), generated from the corpus pages of the
/// family and read back losslessly.
#[cfg(docgen_corpus)]
#[test]
fn the_family_from_the_corpus() {
    use msgraph_docgen_build_script::family::support::{DateTimeOffset, Nullable};
    use msgraph_docgen_build_script::family::{ActionState, AnyDeviceActionResult as Any};
    // Written split (`split_above(0)`): the file includes its parts, compiled from OUT_DIR.
    let index = include_str!(concat!(env!("OUT_DIR"), "/family.rs"));
    assert!(
        index.contains("include!(\"family/device.rs\");\n"),
        "{index}"
    );
    assert!(!index.contains("pub struct"), "{index}");
    let payload = json!([
        {"@odata.type": "#microsoft.graph.resetPasscodeActionResult", "actionName": "resetPasscode", "actionState": "done", "passcode": "314159"},
        {"actionName": "locateDevice", "@odata.type": "microsoft.graph.locateDeviceActionResult",
         "deviceLocation": {"latitude": 47.64, "longitude": -122.13, "lastCollectedDateTime": "2021-07-16T08:09:10Z"}},
        {"@odata.type": "#microsoft.graph.remoteLockActionResult", "actionName": "remoteLock", "unlockPin": "0000", "actionState": "pending"},
        {"@odata.type": "#microsoft.graph.teleportDeviceActionResult", "actionName": "teleport", "destination": {"planet": "Mars"}, "actionState": "beamedUp"},
        {"actionName": "syncDevice", "actionState": "active", "startDateTime": "2021-07-16T08:09:10.1234567Z"},
        {"actionName": "wipe", "actionState": null, "startDateTime": "2021-07-16T01:09:10.1234567-07:00", "lastUpdatedDateTime": null}
    ]);
    let typed: Vec<Any> = serde_json::from_value(payload.clone()).unwrap();
    assert_eq!(serde_json::to_value(&typed).unwrap(), payload, "lossless");

    let Any::ResetPasscodeActionResult(reset) = &typed[0] else {
        panic!("{:?}", typed[0])
    };
    assert_eq!(reset.passcode.as_deref(), Nullable::Value("314159"));
    let Any::LocateDeviceActionResult(locate) = &typed[1] else {
        panic!("{:?}", typed[1])
    };
    let location = locate.device_location.value().unwrap();
    assert_eq!(location.latitude.value().map(|l| l.get()), Some(47.64));
    assert_eq!(
        location.last_collected_date_time,
        Nullable::Value(DateTimeOffset::parse("2021-07-16T08:09:10Z").unwrap())
    );
    let Any::RemoteLockActionResult(lock) = &typed[2] else {
        panic!("{:?}", typed[2])
    };
    assert_eq!(lock.unlock_pin.as_deref(), Nullable::Value("0000"));
    let Any::DeviceActionResult(future) = &typed[3] else {
        panic!("{:?}", typed[3])
    };
    assert_eq!(
        future.odata_type.as_deref(),
        Some("#microsoft.graph.teleportDeviceActionResult")
    );
    assert_eq!(
        future.additional_properties["destination"],
        json!({"planet": "Mars"})
    );
    assert_eq!(
        future.action_state,
        Nullable::Value(ActionState::Unrecognized("beamedUp".into()))
    );
    let Any::DeviceActionResult(plain) = &typed[4] else {
        panic!("{:?}", typed[4])
    };
    assert!(plain.odata_type.is_none());

    let states: Vec<_> = typed
        .iter()
        .map(|t| t.as_ref().action_state.clone())
        .collect();
    assert_eq!(
        states,
        [
            Nullable::Value(ActionState::Done),
            Nullable::Absent,
            Nullable::Value(ActionState::Pending),
            Nullable::Value(ActionState::Unrecognized("beamedUp".into())),
            Nullable::Value(ActionState::Active),
            Nullable::Null,
        ]
    );
    let Any::DeviceActionResult(wipe) = &typed[5] else {
        panic!("{:?}", typed[5])
    };
    let started = wipe.start_date_time.value().unwrap();
    assert_eq!(started.as_str(), "2021-07-16T01:09:10.1234567-07:00");
    assert_eq!(
        started.timestamp().unwrap().to_string(),
        "2021-07-16T08:09:10.1234567Z"
    );
}

/// Cargo keeps what the build script printed in `output`, beside `OUT_DIR`: every page and
/// directory read is watched, so editing a page regenerates and an unchanged tree does not.
#[test]
fn build_script_watches_every_page_and_directory() {
    let out_dir = std::path::Path::new(env!("OUT_DIR"));
    let printed = std::fs::read_to_string(out_dir.parent().unwrap().join("output")).unwrap();
    for watched in [
        "cargo:rerun-if-changed=../../docs-input\n",
        "cargo:rerun-if-changed=../../docs-input/intune-devices-resetpasscodeactionresult.md\n",
        "cargo:rerun-if-env-changed=DOCGEN_CORPUS\n",
    ] {
        assert!(printed.contains(watched), "{watched:?} not in:\n{printed}");
    }
    #[cfg(docgen_corpus)]
    assert!(printed
        .contains("/en-US/2021-07-16/beta/resources/intune-devices-remotelockactionresult.md\n"));
}
