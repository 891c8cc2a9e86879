//! The generated golden files (`tests/fixtures/emit/<case>/expected.rs`, see `golden.rs`),
//! compiled as one module each with warnings denied, and each read from and written back to a
//! small JSON value that exercises its feature.
//!
//! `golden.rs` fails when an emit case has no module here. These modules compile the checked-in
//! files, so bless with `--test golden` first, then run this test.

use serde_json::{json, Value};

/// Reads `json` as `T` and checks that writing it back gives the same JSON.
fn round_trip<T: serde::de::DeserializeOwned + serde::Serialize>(json: Value) -> T {
    let value: T = serde_json::from_value(json.clone()).expect("the JSON reads");
    assert_eq!(serde_json::to_value(&value).unwrap(), json, "written back");
    value
}

// `include!` keeps rustfmt off the generated files; unused generated items are not warnings.
#[deny(warnings)]
#[allow(dead_code)]
mod area_features {
    include!("../fixtures/emit/area_features/expected.rs");
}
#[deny(warnings)]
#[allow(dead_code)]
mod inheritance {
    include!("../fixtures/emit/inheritance/expected.rs");
}
#[deny(warnings)]
#[allow(dead_code)]
mod any_family {
    include!("../fixtures/emit/any_family/expected.rs");
}
#[deny(warnings)]
#[allow(dead_code)]
mod sub_namespace {
    include!("../fixtures/emit/sub_namespace/expected.rs");
}
#[deny(warnings)]
#[allow(dead_code)]
mod type_mapping {
    include!("../fixtures/emit/type_mapping/expected.rs");
}
#[deny(warnings)]
#[allow(dead_code)]
mod attributes {
    include!("../fixtures/emit/attributes/expected.rs");
}
#[deny(warnings)]
#[allow(dead_code)]
mod non_exhaustive {
    include!("../fixtures/emit/non_exhaustive/expected.rs");
}
#[deny(warnings)]
#[allow(dead_code)]
mod enum_unknown {
    include!("../fixtures/emit/enum_unknown/expected.rs");
}
#[deny(warnings)]
#[allow(dead_code)]
mod recursive {
    include!("../fixtures/emit/recursive/expected.rs");
}
#[deny(warnings)]
#[allow(dead_code)]
mod navigation {
    include!("../fixtures/emit/navigation/expected.rs");
}
#[deny(warnings)]
#[allow(dead_code)]
mod typed_navigation {
    include!("../fixtures/emit/typed_navigation/expected.rs");
}

#[test]
fn inheritance_flattens_the_chain_and_converts_up_it() {
    use inheritance::support::Nullable;
    use inheritance::*;
    let json = json!({
        "@odata.type": "#microsoft.graph.room",
        "id": "r1",
        "displayName": "Lab",
        "geoCoordinates": [47.6, -122.1],
        "capacity": 8,
        "isWheelChairAccessible": true
    });
    let room: Room = round_trip(json.clone());
    assert_eq!(room.capacity, Nullable::Value(8));
    let entity: &Entity = room.as_ref();
    assert_eq!(entity.id.value(), Some(&"r1".to_owned()));
    assert_eq!(room.base.base.id.value(), Some(&"r1".to_owned()));
    // Up the chain, the properties a base does not declare move into its map: same JSON.
    let place = Place::from(room.clone());
    assert_eq!(serde_json::to_value(&place).unwrap(), json);
    assert_eq!(serde_json::to_value(Entity::from(place)).unwrap(), json);
    // Read where the root is declared, the annotation picks the most derived type.
    let any: AnyEntity = round_trip(json);
    assert!(matches!(any, AnyEntity::Room(_)), "{any:?}");
    assert_eq!(any.as_ref().id.value(), Some(&"r1".to_owned()));
    // A Double written as an integer is written back as one.
    round_trip::<Room>(json!({"geoCoordinates": [47, -122.1]}));
    // Explicit nulls survive every step: the struct, the base, the family.
    let with_nulls = json!({"@odata.type": "#microsoft.graph.room", "id": "r2", "displayName": null, "capacity": null});
    let room: Room = round_trip(with_nulls.clone());
    assert!(room.capacity.is_null() && room.base.display_name.is_null());
    assert_eq!(
        serde_json::to_value(Entity::from(Place::from(room))).unwrap(),
        with_nulls
    );
    round_trip::<AnyEntity>(with_nulls);
    // `@odata.type` after other properties: they are kept and read as the derived type's.
    let late = json!({"id": "r3", "capacity": null, "geoCoordinates": [1, 2.5], "@odata.type": "#microsoft.graph.room", "displayName": "x", "extra": {"a": 1}});
    let any: AnyEntity = round_trip(late.clone());
    let AnyEntity::Room(room) = &any else {
        panic!("{any:?}")
    };
    assert!(room.capacity.is_null());
    assert_eq!(
        room.base.base.additional_properties["extra"],
        json!({"a": 1})
    );
    assert_eq!(serde_json::to_value(&any).unwrap(), late);
}

#[test]
fn any_family_reads_each_derived_type_into_its_variant() {
    use any_family::support::Nullable;
    use any_family::*;
    let json = json!({
        "subject": "Files",
        "attachments": [
            {"@odata.type": "#microsoft.graph.fileAttachment", "name": "a.txt", "contentBytes": "aGk="},
            {"@odata.type": "#microsoft.graph.referenceAttachment", "name": "b", "sourceUrl": "https://x"},
            {"@odata.type": "#microsoft.graph.itemAttachment", "name": "c", "item": {"id": "1"}},
            {"name": "d", "size": 3}
        ],
        "coverAttachment": {"@odata.type": "#microsoft.graph.fileAttachment", "size": 2}
    });
    let message: Message = round_trip(json);
    let kinds: Vec<&str> = message
        .attachments
        .value()
        .into_iter()
        .flatten()
        .map(|a| match a {
            AnyAttachment::FileAttachment(_) => "file",
            AnyAttachment::ReferenceAttachment(_) => "reference",
            AnyAttachment::Attachment(a) if a.odata_type.is_some() => "unknown derived",
            AnyAttachment::Attachment(_) => "base",
        })
        .collect();
    assert_eq!(kinds, ["file", "reference", "unknown derived", "base"]);
    assert!(matches!(
        message.cover_attachment,
        Nullable::Value(AnyAttachment::FileAttachment(_))
    ));
    // `null` where a polymorphic value or a collection is declared, and inside their members.
    let nulls = json!({
        "subject": null,
        "coverAttachment": null,
        "attachments": [{"@odata.type": "#microsoft.graph.fileAttachment", "name": null, "contentBytes": null}]
    });
    let message: Message = round_trip(nulls);
    assert!(message.cover_attachment.is_null());
    let Some([AnyAttachment::FileAttachment(file)]) =
        message.attachments.value().map(Vec::as_slice)
    else {
        panic!("{message:?}");
    };
    assert!(file.base.name.is_null() && file.content_bytes.is_null() && file.base.size.is_absent());
    let empty: Message = round_trip(json!({"attachments": null}));
    assert!(empty.attachments.is_null());
    // A derived value built in code gets its annotation when written where the base is declared.
    let built = AnyAttachment::from(FileAttachment {
        base: Attachment {
            name: "e".to_owned().into(),
            ..Attachment::default()
        },
        ..FileAttachment::default()
    });
    assert_eq!(
        serde_json::to_value(&built).unwrap(),
        json!({"@odata.type": "#microsoft.graph.fileAttachment", "name": "e"})
    );
}

#[test]
fn sub_namespace_types_live_in_their_module() {
    use sub_namespace::call_records::{CallRecord, CallType};
    use sub_namespace::support::Nullable;
    let record: CallRecord = round_trip(json!({
        "id": "c1",
        "type": "groupCall",
        "organizer": {"displayName": "Ada"},
        "sessions": [{"caller": {"displayName": "Bob"}, "startDateTime": "2021-07-16T10:00:00-07:00", "endDateTime": null}]
    }));
    assert_eq!(record.r#type, Nullable::Value(CallType::GroupCall));
    let organizer: Option<&sub_namespace::IdentitySet> = record.organizer.value();
    assert_eq!(
        organizer.unwrap().display_name.as_deref(),
        Nullable::Value("Ada")
    );
    // The module's types use the one `support` module at the root.
    let session = &record.sessions.value().unwrap()[0];
    let start: &sub_namespace::support::DateTimeOffset = session.start_date_time.value().unwrap();
    assert_eq!(start.offset().unwrap(), jiff::tz::offset(-7));
}

#[test]
fn type_mapping_replaces_the_rust_types() {
    use type_mapping::AuditEvent;
    // Mapped to `String`: neither a UUID nor a normalised timestamp is required, both kept as sent.
    let event: AuditEvent = round_trip(json!({
        "correlationId": "not-a-uuid",
        "activityDateTime": "2021-07-16T12:00:00+02:00",
        "activityDate": "2021-07-16",
        "sizeInBytes": 18446744073709551615u64,
        "retentionPeriod": "P30D"
    }));
    let size: Option<u64> = event.size_in_bytes.into_value();
    assert_eq!(size, Some(u64::MAX));
    let when: Option<String> = event.activity_date_time.into_value();
    assert_eq!(when.as_deref(), Some("2021-07-16T12:00:00+02:00"));
    let date: Option<type_mapping::support::Date> = event.activity_date.into_value();
    assert_eq!(
        date.unwrap().date().unwrap(),
        jiff::civil::date(2021, 7, 16)
    );
}

#[test]
fn attributes_reach_types_and_fields() {
    use attributes::{Printer, PrinterState};
    // The attributes are on the items (see `expected.rs`); reading and writing are unchanged.
    // `state` has a user's `#[cfg(any())]`: not compiled, so its key is an unknown property
    // (and `Default`, `Clone`, `PartialEq`, reading and writing leave it out).
    let json = json!({"serialNumber": "S-1", "state": "processing", "serial": "S-2"});
    let printer: Printer = serde_json::from_value(json.clone()).unwrap();
    assert_eq!(printer.serial_number.value().unwrap(), "S-1");
    assert_eq!(printer.additional_properties["state"], "processing");
    assert_eq!(printer.additional_properties["serial"], "S-2");
    assert_eq!(printer.clone(), printer);
    assert_eq!(serde_json::to_value(&printer).unwrap(), json);
    assert_eq!(PrinterState::Processing.as_str(), "processing");
}

#[test]
fn non_exhaustive_types_read_and_write_their_json() {
    use non_exhaustive::{PrintJob, PrintJobState};
    let read: PrintJob = round_trip(json!({"copies": 2, "state": "completed"}));
    assert_eq!(read.state.into_value(), Some(PrintJobState::Completed));
    assert_eq!(PrintJobState::Completed.value(), Some(1));
}

#[test]
fn enum_unknown_values_are_kept_verbatim() {
    use enum_unknown::{RiskLevel, RiskyUser};
    let user: RiskyUser = round_trip(json!({
        "riskLevel": "veryHigh",
        "riskHistory": ["none", "low", "unknownFutureValue", "medium"]
    }));
    assert_eq!(
        user.risk_level.value(),
        Some(&RiskLevel::Unrecognized("veryHigh".to_owned()))
    );
    assert_eq!(
        user.risk_history.into_value().unwrap(),
        [
            RiskLevel::None,
            RiskLevel::Low,
            RiskLevel::UnknownFutureValue,
            RiskLevel::Unrecognized("medium".to_owned())
        ]
    );
    assert_eq!(RiskLevel::High.value(), Some(2));
    assert_eq!(RiskLevel::from("veryHigh").value(), None);
}

#[test]
fn recursive_types_nest() {
    use recursive::{Folder, Task, TaskList};
    let folder: Folder = round_trip(json!({
        "name": "c",
        "parentFolder": {"name": "b", "parentFolder": {"name": "a"}},
        "childFolders": [{"name": "d", "childFolders": [{"name": "e"}]}]
    }));
    let grandparent = folder
        .parent_folder
        .into_value()
        .and_then(|p| p.parent_folder.into_value());
    assert_eq!(
        grandparent.and_then(|g| g.name.into_value()).as_deref(),
        Some("a")
    );
    let task: Task = round_trip(json!({
        "title": "t",
        "list": {"title": "l", "latestTask": {"title": "u", "list": {"title": "m"}}}
    }));
    let list: Option<Box<TaskList>> = task.list.into_value();
    let latest = list.unwrap().latest_task.into_value().unwrap();
    assert_eq!(latest.title.value().map(String::as_str), Some("u"));
    round_trip::<Task>(json!({"title": "t", "list": {"latestTask": null}}));
}

#[test]
fn navigation_properties_keep_their_json_until_read() {
    use navigation::support::{Expanded, Nullable};
    use navigation::{Message, User};
    let user: User = round_trip(json!({
        "id": "1",
        "displayName": null,
        "manager": {"id": "2", "displayName": "Boss", "manager": {"id": "3"}, "extra": true},
        "messages": [{"id": "m", "receivedDateTime": "2021-04-01T09:00:00.5000000+02:00"}]
    }));
    assert!(user.display_name.is_null());
    let manager: User = user.manager.value().unwrap().read().unwrap();
    assert_eq!(
        manager.display_name.value().map(String::as_str),
        Some("Boss")
    );
    assert_eq!(manager.additional_properties["extra"], json!(true));
    let grand: User = manager.manager.value().unwrap().read().unwrap();
    assert_eq!(grand.id.value().map(String::as_str), Some("3"));
    let messages: Vec<Message> = user.messages.value().unwrap().read().unwrap();
    let received = messages[0].received_date_time.value().unwrap();
    assert_eq!(received.as_str(), "2021-04-01T09:00:00.5000000+02:00");

    // Absent and null stay apart; a value is set from a typed value.
    let cleared: User = round_trip(json!({"manager": null}));
    assert!(cleared.manager.is_null() && cleared.messages.is_absent());
    let sent = User {
        manager: Expanded::new(&grand).unwrap().into(),
        ..User::default()
    };
    assert_eq!(
        serde_json::to_value(&sent).unwrap(),
        json!({"manager": {"id": "3"}})
    );
    assert_eq!(
        sent.manager,
        Nullable::Value(Expanded::from_json(json!({"id": "3"})))
    );

    // JSON of the wrong shape is an error when the property is read, not before.
    let odd: User = round_trip(json!({"manager": 5}));
    let error = odd.manager.value().unwrap().read().unwrap_err();
    assert!(
        error.to_string().contains("microsoft.graph.user"),
        "{error}"
    );
}

#[test]
fn typed_navigation_properties_are_read_with_the_value() {
    use typed_navigation::{Message, User};
    let user: User = round_trip(json!({
        "id": "1",
        "manager": {"id": "2", "manager": {"id": "3"}},
        "messages": [{"id": "m", "subject": "Hi"}]
    }));
    let manager: Option<Box<User>> = user.manager.into_value();
    let grand = manager.unwrap().manager.into_value().unwrap();
    assert_eq!(grand.id.value().map(String::as_str), Some("3"));
    let messages: Vec<Message> = user.messages.into_value().unwrap();
    assert_eq!(messages[0].subject.value().map(String::as_str), Some("Hi"));
    let odd = serde_json::from_value::<User>(json!({"manager": 5})).unwrap_err();
    assert!(odd.to_string().contains("microsoft.graph.user"), "{odd}");
}

#[test]
fn an_area_compiles_alone_and_keeps_the_json_of_the_areas_left_out() {
    // This crate enables the `devices` area only (tests/Cargo.toml): `device`, its enum and
    // its complex type are compiled, `entity` too (their base), `user` (`core`) is not.
    use area_features::support::Nullable;
    use area_features::*;
    let json = json!({
        "@odata.type": "#microsoft.graph.device",
        "id": "d1",
        "state": "retired",
        "hardware": {"model": "X1"},
        "owner": {"@odata.type": "#microsoft.graph.user", "id": "u1", "displayName": "Ada"}
    });
    let device: Device = round_trip(json.clone());
    assert_eq!(device.state, Nullable::Value(DeviceState::Retired));
    // `hardware` has a user's `#[cfg(all())]`, always on: still a field.
    assert!(device.hardware.value().is_some());
    // `owner` is a `user`, of the `core` area: without it the property is kept as JSON (the
    // user's `cfg` on it joins the area's in an `all(..)`).
    assert_eq!(
        device.base.additional_properties["owner"]["displayName"],
        "Ada"
    );
    // Where an entity is declared, a `user` (not compiled) reads as the base, losing nothing.
    let user = json!({"@odata.type": "#microsoft.graph.user", "id": "u1", "displayName": "Ada"});
    let any: AnyEntity = round_trip(user);
    assert!(
        matches!(&any, AnyEntity::Entity(e) if e.additional_properties["displayName"] == "Ada")
    );
    let any: AnyEntity = round_trip(json);
    assert!(matches!(any, AnyEntity::Device(_)), "{any:?}");
}
