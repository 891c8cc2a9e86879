//! The checks of a body, one case each, against a small hand-built schema.

use super::*;
use crate::schema::{Member, Schema};
use crate::validate::json;

fn prop(name: &str, ty: &str, collection: bool) -> Property {
    Property {
        name: name.into(),
        ty: TypeRef::parse(ty).unwrap(),
        collection,
        inherited: false,
        declared_by: QualifiedName::new("microsoft.graph", "x"),
        navigation: false,
        description: String::new(),
        source: None,
    }
}

fn ty(name: &str, base: Option<&str>, properties: Vec<Property>) -> TypeDef {
    TypeDef {
        base: base.map(|b| QualifiedName::new("microsoft.graph", b)),
        ..TypeDef::for_tests("microsoft.graph", name, Kind::Entity, properties)
    }
}

/// `directoryObject` ← `user`, `group`; `assignedLicense`; `ageGroup` (enum); `identity`
/// (open); `place` (unrelated to `directoryObject`).
fn schema() -> Schema {
    let id = prop("id", "String", false);
    let mut user = ty(
        "user",
        Some("directoryObject"),
        vec![
            id.clone(),
            prop("accountEnabled", "Boolean", false),
            prop("birthday", "DateTimeOffset", false),
            prop("hireDate", "Date", false),
            prop("age", "Int32", false),
            prop("ageGroup", "microsoft.graph.ageGroup", false),
            prop("assignedLicenses", "microsoft.graph.assignedLicense", true),
            prop("identity", "microsoft.graph.identity", false),
            prop("manager", "microsoft.graph.directoryObject", false),
            prop("photo", "Binary", false),
        ],
    );
    user.properties[0].inherited = true;
    let mut license = ty(
        "assignedLicense",
        None,
        vec![
            prop("skuId", "Guid", false),
            prop("disabledPlans", "Guid", true),
        ],
    );
    license.kind = Kind::Complex;
    let mut age_group = ty("ageGroup", None, vec![]);
    age_group.kind = Kind::Enum;
    age_group.members = ["minor", "notAdult", "adult"]
        .iter()
        .map(|n| Member {
            name: (*n).into(),
            value: None,
            description: String::new(),
        })
        .collect();
    let mut identity = ty("identity", None, vec![prop("displayName", "String", false)]);
    identity.open_type = true;
    Schema::new(
        vec![
            ty("directoryObject", None, vec![id.clone()]),
            user,
            ty(
                "group",
                Some("directoryObject"),
                vec![id.clone(), prop("mailEnabled", "Boolean", false)],
            ),
            license,
            age_group,
            identity,
            ty("place", None, vec![prop("address", "String", false)]),
        ],
        vec![],
    )
}

/// The findings of `body` declared as `microsoft.graph.<declared>`, as
/// `code line:column message`.
fn check(body: &str, declared: &str, collection: bool, truncated: bool) -> Vec<String> {
    let schema = schema();
    let index = TypeIndex::new(&schema);
    let evidence = Evidence::default();
    let lines = LineIndex::new(body, 1);
    let prepared = json::prepare(body);
    let (node, _) = json::parse(&prepared).expect("test bodies are JSON");
    let mut checker = BodyChecker::new(&index, &evidence, &lines, "p.md", truncated);
    let declared = Declared {
        ty: TypeRef::parse(&format!("microsoft.graph.{declared}")).unwrap(),
        collection,
        from: DeclaredFrom::Annotation,
    };
    checker.check_body(&node.unwrap(), &declared);
    checker
        .findings
        .iter()
        .map(|f| {
            let d = &f.diagnostic;
            format!(
                "{} {}:{} {}",
                d.code, d.location.line, d.location.column, d.message
            )
        })
        .collect()
}

fn codes(findings: &[String]) -> Vec<&str> {
    findings
        .iter()
        .map(|f| f.split(' ').next().unwrap())
        .collect()
}

#[test]
fn a_valid_body_has_no_findings_and_annotations_are_not_properties() {
    let body = r##"{
  "@odata.context": "https://graph.microsoft.com/beta/$metadata#users/$entity",
  "@odata.type": "#microsoft.graph.user",
  "id": "1", "accountEnabled": true, "birthday": "2021-04-07T10:11:12.1234567Z",
  "hireDate": "2021-04-07", "age": 42, "ageGroup": "adult", "photo": "aGVsbG8=",
  "assignedLicenses": [{"skuId": "0f8fad5b-d9cb-469f-a165-70867728950e", "disabledPlans": []}],
  "assignedLicenses@odata.nextLink": "https://x",
  "extension_fe2174665583431c953114ff7268b7b3_Education_SyncSource": "SIS",
  "manager": null, "identity": {"displayName": "x", "extra": 1}
}"##;
    let found = check(body, "user", false, false);
    assert_eq!(
        codes(&found),
        ["example-unknown-property-open-type"],
        "{found:#?}"
    );
}

#[test]
fn unknown_properties_by_how_sure_the_docs_are() {
    let body = r#"{"id": "1", "nickname": "x"}"#;
    assert_eq!(
        check(body, "user", false, false),
        ["example-unknown-property 1:13 nickname: `nickname` is not a property of `microsoft.graph.user`"]
    );
    assert_eq!(
        codes(&check(body, "user", false, true)),
        ["example-unknown-property-truncated"]
    );
    let found = check(r#"{"ID": "1"}"#, "user", false, false);
    assert!(found[0].ends_with("; letter case: `id`"), "{found:?}");
}

#[test]
fn kinds_collections_and_the_json_path() {
    let body = "{\n  \"value\": [\n    {\"assignedLicenses\": [{}, {\"skuId\": 7}]},\n    {\"accountEnabled\": \"true\", \"assignedLicenses\": {}, \"age\": [1]}\n  ]\n}";
    let found = check(body, "user", true, false);
    assert_eq!(
        found,
        [
            "example-kind 3:41 value[0].assignedLicenses[1].skuId: expected a string (Guid), found a number `7`",
            "example-kind 4:24 value[1].accountEnabled: expected a boolean (`true` or `false`) (Boolean), found a string `\"true\"`",
            "example-kind 4:52 value[1].assignedLicenses: expected an array (a collection of microsoft.graph.assignedLicense), found an object",
            "example-kind 4:63 value[1].age: expected an integer number (Int32), found an array",
        ]
    );
}

#[test]
fn collections_the_annotation_and_the_body_disagree_on() {
    let found = check(r#"{"value": [{"id": "1"}]}"#, "user", false, false);
    assert_eq!(codes(&found), ["example-collection"]);
    let found = check(r#"{"id": "1", "age": "x"}"#, "user", true, false);
    assert_eq!(codes(&found), ["example-collection", "example-kind"]);
    let found = check(r#"[{"age": 1.5}]"#, "user", true, false);
    assert_eq!(codes(&found), ["example-collection", "example-format"]);
    assert!(found[1].contains("[0].age"), "{found:?}");
}

#[test]
fn formats_of_primitives() {
    let body = r#"{"birthday": "2021-04-07T10:11:12", "hireDate": "2021-04-07T00:00:00Z",
        "age": 2147483648, "photo": "<bytes>",
        "assignedLicenses": [{"skuId": "skuId-value", "disabledPlans": ["x"]}]}"#;
    let found = check(body, "user", false, false);
    assert_eq!(codes(&found), ["example-format"; 6], "{found:#?}");
    assert!(found[5].contains("assignedLicenses[0].disabledPlans[0]"));
}

#[test]
fn enum_members_flags_and_letter_case() {
    let found = check(r#"{"ageGroup": "minor, adult"}"#, "user", false, false);
    assert!(found.is_empty(), "{found:?}");
    let found = check(r#"{"ageGroup": "Adult"}"#, "user", false, false);
    assert_eq!(
        found,
        ["example-letter-case 1:14 ageGroup: `Adult` is not a member of enum `microsoft.graph.ageGroup` but for letter case: the member is `adult`"]
    );
    let found = check(r#"{"ageGroup": "ageGroup-value"}"#, "user", false, false);
    assert!(
        found[0].starts_with("example-enum-value")
            && found[0].ends_with("(members: minor, notAdult, adult)"),
        "{found:?}"
    );
    let found = check(r#"{"ageGroup": 1}"#, "user", false, false);
    assert_eq!(codes(&found), ["example-kind"]);
}

#[test]
fn odata_types_must_name_the_declared_type_or_a_derived_one() {
    // A derived type: its own properties are accepted.
    let body = r##"{"value": [{"@odata.type": "#microsoft.graph.group", "mailEnabled": true}]}"##;
    assert!(check(body, "directoryObject", true, false).is_empty());
    let found = check(
        r#"{"manager": {"@odata.type": "microsoft.graph.place", "address": "x"}}"#,
        "user",
        false,
        false,
    );
    assert_eq!(codes(&found), ["example-odata-type"], "{found:?}");
    assert!(found[0].contains("manager[\"@odata.type\"]"), "{found:?}");
    assert!(found[0].contains("(it has no base in the schema); read as `microsoft.graph.place`"));
    let found = check(
        r#"{"@odata.type": "microsoft.graph.nothing"}"#,
        "user",
        false,
        false,
    );
    assert_eq!(codes(&found), ["example-odata-type"]);
    let found = check(
        r#"{"@odata.type": "Microsoft.Graph.Group", "mailEnabled": true}"#,
        "directoryObject",
        false,
        false,
    );
    assert_eq!(codes(&found), ["example-letter-case"], "{found:?}");
}

#[test]
fn properties_of_a_derived_type_without_odata_type() {
    let found = check(
        r#"{"id": "1", "mailEnabled": "yes"}"#,
        "directoryObject",
        false,
        false,
    );
    assert_eq!(
        codes(&found),
        ["example-missing-odata-type", "example-kind"],
        "{found:?}"
    );
    assert!(found[0].contains("only the derived `microsoft.graph.group` declares"));
}

#[test]
fn primitive_declarations_read_a_value_wrapper_or_the_value() {
    let schema = schema();
    let index = TypeIndex::new(&schema);
    let evidence = Evidence::default();
    for (body, expected) in [(r#"{"value": "x"}"#, 0), ("7", 1), (r#"{"value": [1]}"#, 1)] {
        let lines = LineIndex::new(body, 1);
        let prepared = json::prepare(body);
        let node = json::parse(&prepared).unwrap().0.unwrap();
        let mut checker = BodyChecker::new(&index, &evidence, &lines, "p.md", false);
        let declared = Declared {
            ty: TypeRef::Primitive(Primitive::String),
            collection: false,
            from: DeclaredFrom::Annotation,
        };
        checker.check_body(&node, &declared);
        assert_eq!(checker.findings.len(), expected, "{body}");
    }
}

#[test]
fn paths_and_shortening() {
    let path = [
        Step::Key("value".into()),
        Step::Index(0),
        Step::Key("@odata.type".into()),
        Step::Key("x".repeat(50)),
    ];
    assert_eq!(
        render_path(&path),
        format!("value[0][\"@odata.type\"].{}…", "x".repeat(40))
    );
    assert_eq!(render_path(&[]), "(body)");
    assert!(is_property_key("extension_fe21"));
    assert!(!is_property_key(
        "extension_fe2174665583431c953114ff7268b7b3_a"
    ));
    assert!(!is_property_key("@odata.etag"));
}
