//! Whole-tree schema diffs on the corpus: en-US beta from 2021-04-08 to 2021-07-16, and the
//! ru-RU beta of 2021-04-07 against the en-US beta of the next day.
//! Slow in debug builds: `.ci/run` runs them with `--release`.

use msgraph_docgen::diag::Severity;
use msgraph_docgen::diff::{diff, Change, ChangeKind, DiffOptions, DiffReport, RustApi, Wire};
use msgraph_docgen::schema::Schema;
use msgraph_docgen_e2e::corpus;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

const EN_APRIL: &str = "en-US/2021-04-08/beta/resources";
const EN_JULY: &str = "en-US/2021-07-16/beta/resources";
const RU_APRIL: &str = "ru-RU/2021-04-07/beta/resources";

fn tree(corpus: &Path, tree: &str) -> Schema {
    msgraph_docgen::schema_of(&[corpus.join(tree)]).expect("readable tree")
}

fn find<'r>(
    report: &'r DiffReport,
    ty: &str,
    property: Option<&str>,
    kind: ChangeKind,
) -> &'r Change {
    report
        .changes
        .iter()
        .find(|c| {
            c.type_name == format!("microsoft.graph.{ty}")
                && c.property.as_deref() == property
                && c.kind == kind
        })
        .unwrap_or_else(|| panic!("no {kind} of {ty} {property:?}"))
}

#[test]
#[cfg_attr(
    debug_assertions,
    ignore = "slow in debug builds: .ci/run runs it with --release"
)]
fn en_beta_from_april_to_july_2021() {
    let Some(corpus) = corpus("en_beta_from_april_to_july_2021") else {
        return;
    };
    let (old, new) = (tree(&corpus, EN_APRIL), tree(&corpus, EN_JULY));
    let report = diff(&old, &new, &DiffOptions::default());
    let s = &report.summary;
    eprintln!(
        "{EN_APRIL} -> {EN_JULY}: {} changes, {:?}; types {} added, {} removed, {} changed; {:?}",
        report.changes.len(),
        s.severities,
        s.types_added,
        s.types_removed,
        s.types_changed,
        s.kinds
    );
    // The tree grew (2,742 to 2,934 pages).
    assert!(s.types_added > 200 && s.types_removed < 50, "{s:?}");

    // The Microsoft Search connector types moved to their own namespace.
    let moved: Vec<&str> = report
        .changes
        .iter()
        .filter(|c| c.kind == ChangeKind::TypeRemoved)
        .filter_map(|c| c.type_name.strip_prefix("microsoft.graph."))
        .filter(|name| {
            report.changes.iter().any(|a| {
                a.kind == ChangeKind::TypeAdded
                    && a.type_name == format!("microsoft.graph.externalConnectors.{name}")
            })
        })
        .collect();
    assert_eq!(
        moved,
        [
            "acl",
            "configuration",
            "connectionOperation",
            "connectionState",
            "externalConnection",
            "externalGroup",
            "externalGroupMember",
            "externalGroupMemberType",
            "externalItem",
            "externalItemContent",
            "identitySourceType",
            "property",
            "schema"
        ]
    );

    // device.usageRight became usageRights: reported as one rename, breaking both ways.
    let c = find(
        &report,
        "device",
        Some("usageRight"),
        ChangeKind::PropertyRenamed,
    );
    assert_eq!(
        c.message,
        "property `usageRight` (Collection(microsoft.graph.usageRight)) was likely renamed to \
         `usageRights`"
    );
    assert_eq!((c.wire, c.severity), (Wire::BreaksBoth, Severity::Error));
    // searchResponse was reshaped.
    for p in ["hitsContainers", "searchTerms"] {
        find(
            &report,
            "searchResponse",
            Some(p),
            ChangeKind::PropertyRemoved,
        );
    }
    for p in ["value", "queryAlterationResponse"] {
        find(
            &report,
            "searchResponse",
            Some(p),
            ChangeKind::PropertyAdded,
        );
    }
    // A String that becomes a Guid still reads, but old writers may send any string.
    let c = find(
        &report,
        "changeNotification",
        Some("subscriptionId"),
        ChangeKind::PropertyTypeChanged,
    );
    assert_eq!(c.wire, Wire::BreaksWriters);
    // labelDetails now derives from parentLabelDetails, which declares its properties: the
    // JSON is the same, the struct is not (`base`, and `color` reached through it).
    let c = find(&report, "labelDetails", None, ChangeKind::BaseChanged);
    assert_eq!(
        (c.wire, c.rust_api, c.severity),
        (Wire::None, RustApi::Major, Severity::Error)
    );
    let c = find(
        &report,
        "labelDetails",
        Some("color"),
        ChangeKind::PropertyMoved,
    );
    assert_eq!(
        (c.wire, c.rust_api, c.severity),
        (Wire::None, RustApi::Major, Severity::Error)
    );
    // conditionalAccessPolicy states `entity` as its base only in July; April's page has a
    // key, so it derived from entity then too (inferred): no base change.
    assert!(!report.changes.iter().any(|c| {
        c.type_name == "microsoft.graph.conditionalAccessPolicy"
            && c.kind == ChangeKind::BaseChanged
    }));
    // printerStatus documents hundreds of new processing state details.
    let details = report
        .changes
        .iter()
        .filter(|c| {
            c.type_name == "microsoft.graph.printerProcessingStateDetail"
                && c.kind == ChangeKind::MemberAdded
        })
        .count();
    assert!(details > 700, "{details}");

    // With #[non_exhaustive] output, additions stop being errors; nothing else changes.
    let lenient = diff(
        &old,
        &new,
        &DiffOptions {
            non_exhaustive: true,
            ..DiffOptions::default()
        },
    );
    assert_eq!(lenient.changes.len(), report.changes.len());
    for (strict, lenient) in report.changes.iter().zip(&lenient.changes) {
        let addition = matches!(
            strict.kind,
            ChangeKind::PropertyAdded | ChangeKind::MemberAdded
        );
        if addition && strict.wire == Wire::None {
            assert_eq!(strict.rust_api, RustApi::Major);
            assert_eq!(lenient.rust_api, RustApi::Minor);
            assert!(lenient.severity < Severity::Error, "{lenient:?}");
        } else {
            assert_eq!(strict, lenient);
        }
    }
    assert!(lenient.summary.severities.error * 2 < report.summary.severities.error);
}

/// The `ms.lasthandoff` month (`YYYY-MM`) of each page of a ru-RU tree, by file name.
fn handoffs(dir: &Path) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let text = String::from_utf8_lossy(&std::fs::read(&path).unwrap()).into_owned();
        let month = text
            .lines()
            .find_map(|l| l.strip_prefix("ms.lasthandoff:"))
            .and_then(|v| match v.trim().split('/').collect::<Vec<_>>()[..] {
                [m, _, y] => Some(format!("{y}-{m}")),
                _ => None,
            })
            .unwrap_or_else(|| "none".to_owned());
        out.insert(
            path.file_name().unwrap().to_string_lossy().into_owned(),
            month,
        );
    }
    out
}

#[test]
#[cfg_attr(
    debug_assertions,
    ignore = "slow in debug builds: .ci/run runs it with --release"
)]
fn ru_beta_against_en_beta_of_the_next_day() {
    let Some(corpus) = corpus("ru_beta_against_en_beta_of_the_next_day") else {
        return;
    };
    let (en, ru) = (tree(&corpus, EN_APRIL), tree(&corpus, RU_APRIL));
    let report = diff(&en, &ru, &DiffOptions::default());
    let handoff = handoffs(&corpus.join(RU_APRIL));
    // The page that defines each type (en-US first; file names are the same in both trees).
    let mut page: BTreeMap<String, String> = BTreeMap::new();
    for t in ru.types().iter().chain(en.types()) {
        if let Some(source) = &t.source {
            let file = Path::new(&*source.file).file_name().unwrap();
            page.insert(
                t.qualified_name().to_string(),
                file.to_string_lossy().into_owned(),
            );
        }
    }
    let translated = |name: &Option<String>| name.as_deref().is_some_and(|n| !n.is_ascii());

    // Where each change comes from: the hand-off month of the Russian page, and whether it
    // involves a name that the translation damaged (Cyrillic, or re-cased).
    let mut by_month: BTreeMap<&str, usize> = BTreeMap::new();
    let mut damaged = 0;
    for c in &report.changes {
        let month = page.get(&c.type_name).map_or("no page", |f| {
            handoff.get(f).map_or("not translated", String::as_str)
        });
        *by_month.entry(month).or_default() += 1;
        if translated(&c.property)
            || matches!(
                c.kind,
                ChangeKind::TypeRenamed | ChangeKind::PropertyRenamed
            )
        {
            damaged += 1;
        }
    }
    let s = &report.summary;
    eprintln!(
        "{EN_APRIL} -> {RU_APRIL}: {} changes ({damaged} on a translated or re-cased name), \
         {:?}; types {} added, {} removed, {} changed; {:?}; by hand-off month: {by_month:?}",
        report.changes.len(),
        s.severities,
        s.types_added,
        s.types_removed,
        s.types_changed,
        s.kinds,
    );

    // Real lag: three English pages have no translation yet; their three types are missing.
    // (The enum educationAddedStudentAction, which the English educationAssignmentDefaults page
    // uses, is also in the Russian enums.md, so it is not missing.)
    let untranslated: BTreeSet<&str> = report
        .changes
        .iter()
        .filter(|c| {
            page.get(&c.type_name)
                .is_some_and(|f| !handoff.contains_key(f))
        })
        .map(|c| {
            assert_eq!(c.kind, ChangeKind::TypeRemoved, "{c:?}");
            c.type_name.as_str()
        })
        .collect();
    assert_eq!(
        untranslated,
        BTreeSet::from([
            "microsoft.graph.educationAssignmentDefaults",
            "microsoft.graph.plannerRoster",
            "microsoft.graph.plannerRosterMember"
        ])
    );

    // Pages handed off in 2021-04 were translated from English of 2021-04-06, two days before
    // the English tree: they cannot lag, and every difference is translation damage — a
    // Cyrillic or re-cased name, or the English name it replaced.
    let mut fresh = 0;
    let mut unexplained = Vec::new();
    for c in &report.changes {
        let Some(file) = page.get(&c.type_name) else {
            continue;
        };
        if handoff.get(file).map(String::as_str) != Some("2021-04") {
            continue;
        }
        fresh += 1;
        let replaced = matches!(
            c.kind,
            ChangeKind::PropertyRemoved | ChangeKind::MemberRemoved
        ) && report
            .changes
            .iter()
            .any(|a| a.type_name == c.type_name && translated(&a.property));
        let recased = c.kind == ChangeKind::PropertyRenamed
            && ru.types().iter().any(|t| {
                t.qualified_name() == c.type_name
                    && t.properties.iter().any(|p| {
                        Some(p.name.to_ascii_lowercase())
                            == c.property.as_ref().map(|n| n.to_ascii_lowercase())
                            && Some(&p.name) != c.property.as_ref()
                    })
            });
        // A member re-cased on a machine-translated page (repaired from backticked values that
        // use another case, e.g. `FlowAlways`): added in one case, removed in the other.
        let recased_member = matches!(c.kind, ChangeKind::MemberAdded | ChangeKind::MemberRemoved)
            && report.changes.iter().any(|o| {
                o.type_name == c.type_name
                    && o.kind != c.kind
                    && matches!(o.kind, ChangeKind::MemberAdded | ChangeKind::MemberRemoved)
                    && o.property.as_deref().map(str::to_ascii_lowercase)
                        == c.property.as_deref().map(str::to_ascii_lowercase)
            });
        if !(translated(&c.property) || replaced || recased || recased_member) {
            unexplained.push(format!("{file}: {}", c.message));
        }
    }
    eprintln!("unexplained differences on pages handed off 2021-04: {unexplained:#?}");
    // Known residue, all in the Russian enums.md: a visibly damaged table repaired from a
    // same-length value list that names other values, and two enum names whose only ASCII
    // evidence is in another letter case. Since a type cell of
    // `educationSynchronizationProfileState` is read, its damaged members are repaired by
    // name too, and two of them keep the values of their rows (`deleting`, `provisioning`
    // swapped): 10. It can only shrink as the parser repairs more.
    assert!(unexplained.len() <= 10, "{unexplained:#?}");
    assert!(fresh > 0);

    // A bound on the rest, which is damage or lag of pages handed off since 2020-09: it can
    // only shrink as the parser repairs more.
    // (The Russian enums.md, 800 members, has been read since multi-enum pages were fixed.)
    assert!(report.changes.len() < 1750, "{}", report.changes.len());
    assert!(s.types_removed < 70 && s.types_added < 20, "{s:?}");
    assert!(damaged * 3 > report.changes.len(), "{damaged}");
}
