use super::*;
use crate::parse::parse_page;
use crate::schema::build;

/// The schema of pages given as (path, text).
fn schema(pages: &[(&str, &str)]) -> Schema {
    let pages: Vec<_> = pages.iter().map(|(p, t)| parse_page(p, t)).collect();
    build(&pages)
}

const EN_PROFILE: &str = r#"# certProfile resource type

Namespace: microsoft.graph

A certificate profile.

Inherits from [deviceConfiguration](deviceconfiguration.md).

## Properties

| Property | Type | Description |
|:---|:---|:---|
| displayName | String | The name. |
| state | [adminConsentState](adminconsentstate.md) | The state. |

## Relationships

| Relationship | Type | Description |
|:---|:---|:---|
| rootCertificate | [trustedRoot](trustedroot.md) | The root certificate. |
| identityCertificate | [trustedRoot](trustedroot.md) collection | The identity certificates. |

## JSON representation

<!-- { "blockType": "resource", "@odata.type": "microsoft.graph.certProfile" } -->
```json
{ "displayName": "String", "state": "String" }
```
"#;

const RU_PROFILE: &str = r#"# Тип ресурса certProfile

Пространство имен: microsoft.graph

Профиль сертификата.

Наследуется от [deviceConfiguration](deviceconfiguration.md).

## <a name="properties"></a>Свойства

| Свойство | Тип | Описание |
|:---|:---|:---|
| displayName | String | Имя. |
| state | [админконсентстате](adminconsentstate.md) | Состояние. |

## <a name="relationships"></a>Связи

| Связь | Тип | Описание |
|:---|:---|:---|
| рутцертификате | [трустедрут](trustedroot.md) | Корневой сертификат. |
| Идентитицертификате | [трустедрут](trustedroot.md) collection | Сертификаты удостоверения. |

## <a name="json-representation"></a>Представление JSON

<!-- { "blockType": "resource", "@odata.type": "microsoft.graph.certProfile" } -->
```json
{ "displayName": "String", "state": "String" }
```
"#;

const EN_STATE: &str = r#"# adminConsentState enum type

Namespace: microsoft.graph

Admin consent state.

## Members

| Member | Value | Description |
|:---|:---|:---|
| notConfigured | 0 | Not configured. |
| granted | 1 | Granted. |
| notGranted | 2 | Not granted. |
"#;

const RU_STATE: &str = r#"# <a name="adminconsentstate-enum-type"></a>тип перечисления Админконсентстате

Пространство имен: microsoft.graph

Состояние согласия администратора.

## <a name="members"></a>Элементы

|Элемент|Значение|Описание|
|:---|:---|:---|
|notConfigured|нуль|Администратор не настроил элемент|
|granted|1,1|Элемент предоставлен|
|нотгрантед|2|Администратор не предоставил элемент|
"#;

fn base_page(description: &str) -> String {
    format!(
        "# deviceConfiguration resource type\n\nNamespace: microsoft.graph\n\n{description}\n\n## Properties\n\n| Property | Type | Description |\n|:---|:---|:---|\n| id | String | {description} |\n\n## JSON representation\n\n<!-- {{ \"blockType\": \"resource\", \"keyProperty\": \"id\", \"@odata.type\": \"microsoft.graph.deviceConfiguration\" }} -->\n```json\n{{ \"id\": \"String\" }}\n```\n"
    )
}

fn root_page(description: &str) -> String {
    format!(
        "# trustedRoot resource type\n\nNamespace: microsoft.graph\n\n{description}\n\n## Properties\n\n| Property | Type | Description |\n|:---|:---|:---|\n| thumbprint | String | {description} |\n\n## JSON representation\n\n<!-- {{ \"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.trustedRoot\" }} -->\n```json\n{{ \"thumbprint\": \"String\" }}\n```\n"
    )
}

fn english() -> Schema {
    schema(&[
        ("en/certprofile.md", EN_PROFILE),
        ("en/adminconsentstate.md", EN_STATE),
        ("en/deviceconfiguration.md", &base_page("A configuration.")),
        ("en/trustedroot.md", &root_page("A root.")),
    ])
}

fn russian() -> Schema {
    schema(&[
        ("ru/certprofile.md", RU_PROFILE),
        ("ru/adminconsentstate.md", RU_STATE),
        ("ru/deviceconfiguration.md", &base_page("Конфигурация.")),
        ("ru/trustedroot.md", &root_page("Корень.")),
    ])
}

/// The own property names of a type.
fn own_names(s: &Schema, q: &str) -> Vec<String> {
    s.get(q)
        .unwrap()
        .own_properties()
        .map(|p| p.name.clone())
        .collect()
}

/// The diagnostics of a code, as `file:line: message`.
fn findings(s: &Schema, code: Code) -> Vec<String> {
    s.diagnostics
        .iter()
        .filter(|d| d.code == code)
        .map(|d| format!("{}: {}", d.location, d.message))
        .collect()
}

#[test]
fn translated_names_and_types_come_from_the_english_page() {
    let before = russian();
    assert_eq!(
        own_names(&before, "microsoft.graph.certProfile"),
        [
            "displayName",
            "state",
            "рутцертификате",
            "Идентитицертификате"
        ]
    );
    let fixed = apply_reference(before, &english());
    let profile = fixed.get("microsoft.graph.certProfile").unwrap();
    let own: Vec<&Property> = profile.own_properties().collect();
    let names: Vec<&str> = own.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "displayName",
            "state",
            "rootCertificate",
            "identityCertificate"
        ]
    );
    assert_eq!(own[1].ty, "microsoft.graph.adminConsentState");
    assert!(own[3].collection && own[3].navigation);
    // Descriptions stay translated.
    assert_eq!(own[2].description, "Корневой сертификат.");
    assert_eq!(profile.description, "Профиль сертификата.");
    // The inherited row follows its declaration.
    assert_eq!(profile.properties[0].name, "id");
    assert!(profile.properties[0].inherited);
    let applied = findings(&fixed, Code::ReferenceApplied);
    assert!(
        applied.contains(&"ru/certprofile.md:20:1: `рутцертификате` (`microsoft.graph.trustedRoot`) takes from the English page the name `rootCertificate`".to_owned()),
        "{applied:#?}"
    );
    assert!(findings(&fixed, Code::ReferenceMismatch).is_empty());
    assert!(findings(&fixed, Code::ReferenceMissingPage).is_empty());
}

#[test]
fn a_type_named_in_another_case_is_renamed_everywhere() {
    let fixed = apply_reference(russian(), &english());
    assert!(fixed.get("microsoft.graph.adminconsentstate").is_none());
    let state = fixed.get("microsoft.graph.adminConsentState").unwrap();
    assert_eq!(state.description, "Состояние согласия администратора.");
    let applied = findings(&fixed, Code::ReferenceApplied);
    assert!(applied.contains(&"ru/adminconsentstate.md:9:1: the type `microsoft.graph.adminconsentstate` is `microsoft.graph.adminConsentState` on the English page".to_owned()), "{applied:#?}");
}

#[test]
fn damaged_enum_members_and_values_come_from_the_english_page() {
    let en = EN_STATE.replace("| notGranted | 2 |", "| notGranted | 10 |");
    let ru = RU_STATE.replace("|нотгрантед|2|", "|нотгрантед|десять|");
    let fixed = apply_reference(
        schema(&[("ru/adminconsentstate.md", &ru)]),
        &schema(&[("en/adminconsentstate.md", &en)]),
    );
    let state = fixed.get("microsoft.graph.adminConsentState").unwrap();
    let members: Vec<(&str, Option<i64>, &str)> = state
        .members
        .iter()
        .map(|m| (m.name.as_str(), m.value, m.description.as_str()))
        .collect();
    assert_eq!(
        members,
        [
            (
                "notConfigured",
                Some(0),
                "Администратор не настроил элемент"
            ),
            ("granted", Some(1), "Элемент предоставлен"),
            (
                "notGranted",
                Some(10),
                "Администратор не предоставил элемент"
            ),
        ]
    );
}

#[test]
fn a_lagging_translation_keeps_its_reading_and_says_so() {
    // The English page has gained `createdDateTime` and `owner` where the translation still
    // has the row `старое` (removed since): the stretch differs, so nothing is paired there.
    let en = EN_PROFILE.replace(
        "| state | [adminConsentState]",
        "| createdDateTime | DateTimeOffset | Created. |\n| owner | String | Owner. |\n| state | [adminConsentState]",
    );
    let ru = RU_PROFILE.replace(
        "| state | [админконсентстате]",
        "| старое | String | Устарело. |\n| state | [админконсентстате]",
    );
    let english = schema(&[
        ("en/certprofile.md", &en),
        ("en/adminconsentstate.md", EN_STATE),
    ]);
    let fixed = apply_reference(
        schema(&[
            ("ru/certprofile.md", &ru),
            ("ru/adminconsentstate.md", RU_STATE),
        ]),
        &english,
    );
    assert_eq!(
        own_names(&fixed, "microsoft.graph.certProfile"),
        [
            "displayName",
            "старое",
            "state",
            "rootCertificate",
            "identityCertificate"
        ]
    );
    let mismatches = findings(&fixed, Code::ReferenceMismatch);
    assert_eq!(
        mismatches,
        [
            "ru/certprofile.md:26:1: no English property of `microsoft.graph.certProfile` corresponds to `старое` (kept as translated)",
            "ru/certprofile.md:26:1: the English page also gives `microsoft.graph.certProfile` the property `createdDateTime`, `owner`, which the translation lacks (an older or newer translation?)",
        ]
    );
}

#[test]
fn a_page_without_an_english_page_keeps_its_reading() {
    let only = RU_PROFILE.replace("certProfile", "russianOnly");
    let translated = schema(&[("ru/russianonly.md", &only)]);
    let fixed = apply_reference(translated.clone(), &english());
    let (before, after) = (
        translated.get("microsoft.graph.russianOnly").unwrap(),
        fixed.get("microsoft.graph.russianOnly").unwrap(),
    );
    assert_eq!(after.properties.len(), before.properties.len());
    for (a, b) in after.properties.iter().zip(&before.properties) {
        assert_eq!((&a.name, a.collection), (&b.name, b.collection));
    }
    // The types its rows name, which have no page in the translation, take their English
    // names (found on other English pages) but nothing of those pages.
    assert_eq!(after.properties[1].ty, "microsoft.graph.adminConsentState");
    let state = fixed.get("microsoft.graph.adminConsentState").unwrap();
    assert!(state.members.is_empty());
    assert_eq!(
        findings(&fixed, Code::ReferenceMissingPage),
        ["ru/russianonly.md: the English reference has no page of this file name; its types keep the translation's reading unless an English type of the same name is found elsewhere"]
    );
}

#[test]
fn english_is_its_own_reference() {
    let en = english();
    assert_eq!(apply_reference(en.clone(), &en), en);
    let ru = russian();
    assert_eq!(
        apply_reference(ru.clone(), &en),
        apply_reference(ru, &en),
        "deterministic"
    );
}

/// A type for the hand-made schemas below.
fn def(name: &str, kind: Kind, base: Option<&str>, file: &str) -> TypeDef {
    TypeDef {
        name: name.to_owned(),
        namespace: "microsoft.graph".to_owned(),
        kind,
        base: base.map(|b| QualifiedName::new("microsoft.graph", b)),
        description: String::new(),
        origin: super::super::Origin::Page,
        is_abstract: false,
        open_type: false,
        source: Some(Location::file(file)),
        properties: Vec::new(),
        members: Vec::new(),
    }
}

#[test]
fn bases_come_from_the_english_page_unless_they_close_a_cycle() {
    let english = Schema::new(
        vec![
            def("a", Kind::Complex, Some("b"), "en/a.md"),
            def("b", Kind::Complex, Some("c"), "en/b.md"),
            def("c", Kind::Complex, None, "en/c.md"),
            def("d", Kind::Complex, None, "en/d.md"),
        ],
        Vec::new(),
    );
    // The translation: `a` from `c`, `c` from `b` (so `b` from `c` would close a cycle), `d`
    // from `a` where the English page names no base.
    let translated = Schema::new(
        vec![
            def("a", Kind::Complex, Some("c"), "ru/a.md"),
            def("b", Kind::Complex, None, "ru/b.md"),
            def("c", Kind::Complex, Some("b"), "ru/c.md"),
            def("d", Kind::Complex, Some("a"), "ru/d.md"),
        ],
        Vec::new(),
    );
    let fixed = apply_reference(translated, &english);
    let base = |q: &str| fixed.get(q).unwrap().base.as_ref().map(|b| b.to_string());
    assert_eq!(
        base("microsoft.graph.a").as_deref(),
        Some("microsoft.graph.b")
    );
    assert_eq!(base("microsoft.graph.b"), None);
    assert_eq!(
        base("microsoft.graph.d").as_deref(),
        Some("microsoft.graph.a")
    );
    assert_eq!(
        findings(&fixed, Code::ReferenceMismatch),
        ["ru/b.md: `microsoft.graph.b` derives from `microsoft.graph.c` on the English page, which would close an inheritance cycle; the translation's no base is kept"]
    );
}

#[test]
fn a_type_the_translation_defines_twice_becomes_one() {
    let mut on_its_page = def(
        "printFinishing",
        Kind::Enum,
        None,
        "en/printercapabilities.md",
    );
    on_its_page.members = vec![super::super::Member {
        name: "staple".to_owned(),
        value: Some(4),
        description: "Staple.".to_owned(),
    }];
    let mut user = def("printer", Kind::Complex, None, "en/printer.md");
    let finishing = QualifiedName::new("microsoft.graph", "printFinishing");
    user.properties.push(Property {
        name: "finishing".to_owned(),
        ty: TypeRef::Named(finishing.clone()),
        collection: false,
        inherited: false,
        declared_by: QualifiedName::new("microsoft.graph", "printer"),
        navigation: false,
        description: String::new(),
        source: None,
    });
    let english = Schema::new(vec![on_its_page.clone(), user.clone()], Vec::new());
    let mut twin = on_its_page.clone();
    twin.name = "printfinishing".to_owned();
    twin.source = Some(Location::file("ru/printercapabilities.md"));
    twin.members[0].name = "365".to_owned();
    let mut other = on_its_page;
    other.source = Some(Location::file("ru/printerdefaults.md"));
    user.source = Some(Location::file("ru/printer.md"));
    user.properties[0].ty = TypeRef::Named(QualifiedName::new("microsoft.graph", "printfinishing"));
    let fixed = apply_reference(Schema::new(vec![twin, other, user], Vec::new()), &english);
    let names: Vec<String> = fixed.types().iter().map(|t| t.name.clone()).collect();
    assert_eq!(names, ["printFinishing", "printer"]);
    let kept = fixed.get("microsoft.graph.printFinishing").unwrap();
    // The definition on the English type's page is kept, and corrected.
    assert_eq!(
        kept.source,
        Some(Location::file("ru/printercapabilities.md"))
    );
    assert_eq!(kept.members[0].name, "staple");
    let printer = fixed.get("microsoft.graph.printer").unwrap();
    assert_eq!(printer.properties[0].ty, TypeRef::Named(finishing));
}
