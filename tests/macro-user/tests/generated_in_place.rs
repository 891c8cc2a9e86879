//! The macro front end: the types `generate!` expanded in `src/lib.rs`, compiled and used.

use msgraph_docgen_macro_user::support::Nullable;
use msgraph_docgen_macro_user::{
    ActionState, AnyDeviceActionResult, DeviceActionResult, ResetPasscodeActionResult,
};
use serde_json::json;
use std::path::{Path, PathBuf};

/// The founding page's JSON representation with its placeholders filled, read into the
/// generated type and written back unchanged.
#[test]
fn the_founding_json_round_trips() {
    let payload = json!({
        "@odata.type": "#microsoft.graph.resetPasscodeActionResult",
        "actionName": "resetPasscode",
        "actionState": "done",
        "startDateTime": "2021-04-07T10:11:12.1234567Z",
        "lastUpdatedDateTime": "2021-04-07T10:12:00Z",
        "passcode": "314159",
        "errorCode": -42
    });
    let reset: ResetPasscodeActionResult = serde_json::from_value(payload.clone()).unwrap();
    assert_eq!(reset.base.action_state, Nullable::Value(ActionState::Done));
    assert_eq!(reset.passcode.as_deref(), Nullable::Value("314159"));
    assert_eq!(reset.error_code, Nullable::Value(-42));
    let started = reset.base.start_date_time.value().unwrap();
    assert_eq!(started.as_str(), "2021-04-07T10:11:12.1234567Z");
    assert_eq!(started.timestamp().unwrap().as_second(), 1617790272);
    assert!(reset.base.additional_properties.is_empty());
    assert_eq!(serde_json::to_value(&reset).unwrap(), payload);

    let any: AnyDeviceActionResult = serde_json::from_value(payload.clone()).unwrap();
    assert_eq!(
        any.as_ref().action_name,
        Nullable::Value("resetPasscode".to_owned())
    );
    assert_eq!(serde_json::to_value(&any).unwrap(), payload);
    let base = DeviceActionResult::from(reset);
    assert_eq!(base.additional_properties["passcode"], "314159");
    assert_eq!(serde_json::to_value(&base).unwrap(), payload);
}

/// The newest `*.d` file rustc wrote for this crate's library in `deps`.
fn library_dep_info(deps: &Path) -> PathBuf {
    std::fs::read_dir(deps)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.extension().is_some_and(|e| e == "d")
                && p.file_name()
                    .unwrap()
                    .to_string_lossy()
                    .starts_with("msgraph_docgen_macro_user-")
        })
        .max_by_key(|p| p.metadata().unwrap().modified().unwrap())
        .expect("a dep-info file of the library")
}

/// The macro includes every page it read, so rustc lists the page among the library's source
/// files in its dep-info, which cargo compares with the files' times: editing the page
/// recompiles (and so re-expands) the crate.
#[test]
fn the_page_is_a_dependency_of_the_expansion() {
    let test_exe = std::env::current_exe().unwrap();
    let dep_info = std::fs::read_to_string(library_dep_info(test_exe.parent().unwrap())).unwrap();
    let page = std::fs::canonicalize(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../docs-input/intune-devices-resetpasscodeactionresult.md"
    ))
    .unwrap();
    assert!(
        dep_info.contains(&format!("{}:", page.display())),
        "{} not in:\n{dep_info}",
        page.display()
    );
}
