//! Schema diffs over the real revision history in the corpus (`history/<locale>/<stem>/`, one
//! file per distinct revision of a page, oldest first): every consecutive pair, known real
//! changes, pages that moved, ru-RU against en-US of the same date, and the same history
//! committed to a git repository and read back with `--git-repo`'s reader.

use msgraph_docgen::diag::Severity;
use msgraph_docgen::diff::{
    diff, render_json, render_markdown, render_text, severity_of, ChangeKind, DiffOptions,
    DiffReport, RustApi, Wire,
};
use msgraph_docgen::input::parse_source;
use msgraph_docgen::parse::Page;
use msgraph_docgen::schema::{self, Kind, Schema};
use msgraph_docgen_e2e::corpus;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;

const LOCALES: [&str; 2] = ["en-US", "ru-RU"];

/// One revision of a page.
struct Revision {
    /// `<date>_<commit>`, the file stem in the corpus.
    rev: String,
    bytes: Vec<u8>,
}

impl Revision {
    fn date(&self) -> &str {
        &self.rev[..10]
    }
}

/// Page stem → its revisions, oldest first, for one locale.
type History = BTreeMap<String, Vec<Revision>>;

fn history(corpus: &Path, locale: &str) -> History {
    let root = corpus.join("history").join(locale);
    let mut out = History::new();
    for dir in std::fs::read_dir(&root).unwrap_or_else(|e| panic!("{}: {e}", root.display())) {
        let dir = dir.unwrap().path();
        let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "md"))
            .collect();
        files.sort();
        let revisions = files
            .iter()
            .map(|f| Revision {
                rev: f.file_stem().unwrap().to_string_lossy().into_owned(),
                bytes: std::fs::read(f).unwrap(),
            })
            .collect();
        out.insert(
            dir.file_name().unwrap().to_string_lossy().into_owned(),
            revisions,
        );
    }
    out
}

/// Parses a revision under the page's own file name, as `<rev>:<stem>.md` (the way the git
/// reader names pages): an enum page's type name is checked against its file stem.
fn page(stem: &str, r: &Revision) -> Page {
    parse_source(&format!("{}:{stem}.md", r.rev), &r.bytes)
}

fn schema_of_page(stem: &str, r: &Revision) -> Schema {
    schema::build(&[page(stem, r)])
}

fn find<'h>(h: &'h History, stem: &str, rev: &str) -> &'h Revision {
    h[stem]
        .iter()
        .find(|r| r.rev == rev)
        .unwrap_or_else(|| panic!("no revision {rev} of {stem}"))
}

/// The docs tree of one locale as of `date`: every page at its latest revision on or before
/// that date. The actionState enum page moved from `intune-devices-actionstate` to
/// `intune-shared-actionstate` (2018-05) and back (2021-03), and the history keeps both names,
/// so only the more recently revised of the two is in the tree.
fn tree_at<'h>(h: &'h History, date: &str) -> Vec<(&'h str, &'h Revision)> {
    let mut tree: Vec<(&str, &Revision)> = h
        .iter()
        .filter_map(|(stem, revs)| {
            let r = revs.iter().rev().find(|r| r.date() <= date)?;
            Some((stem.as_str(), r))
        })
        .collect();
    let enum_pages: Vec<usize> = (0..tree.len())
        .filter(|&i| tree[i].0.ends_with("-actionstate"))
        .collect();
    if let [a, b] = enum_pages[..] {
        let older = if tree[a].1.rev < tree[b].1.rev { a } else { b };
        tree.remove(older);
    }
    tree
}

fn schema_of_tree(tree: &[(&str, &Revision)]) -> Schema {
    let pages: Vec<Page> = tree.iter().map(|(stem, r)| page(stem, r)).collect();
    schema::build(&pages)
}

/// What identifies a change: `(type, property, kind)`.
type Key = (String, Option<String>, ChangeKind);

/// The key of each change.
fn keys(report: &DiffReport) -> Vec<Key> {
    report
        .changes
        .iter()
        .map(|c| (c.type_name.clone(), c.property.clone(), c.kind))
        .collect()
}

fn key(ty: &str, property: Option<&str>, kind: ChangeKind) -> Key {
    (
        format!("microsoft.graph.{ty}"),
        property.map(str::to_owned),
        kind,
    )
}

/// What must hold for any report: determinism, classification, counts, renderings.
fn check_report(
    report: &DiffReport,
    old: &Schema,
    new: &Schema,
    options: &DiffOptions,
    what: &str,
) {
    assert_eq!(
        report,
        &diff(old, new, options),
        "{what}: not deterministic"
    );
    let names = |s: &Schema| -> BTreeSet<String> {
        s.types()
            .iter()
            .map(|t| t.qualified_name().to_string())
            .collect()
    };
    let (old_names, new_names) = (names(old), names(new));
    for c in &report.changes {
        assert_eq!(
            c.severity,
            severity_of(c.kind, c.wire, c.rust_api),
            "{what}: {c:?}"
        );
        let side = match c.kind {
            ChangeKind::TypeAdded => &new_names,
            _ => &old_names,
        };
        assert!(side.contains(&c.type_name), "{what}: unknown type in {c:?}");
        if c.kind == ChangeKind::DescriptionChanged {
            assert_eq!(
                (c.wire, c.rust_api, c.severity),
                (Wire::None, RustApi::Patch, Severity::Info)
            );
        }
    }
    let s = &report.summary;
    let n = report.changes.len();
    assert_eq!(
        s.severities.error + s.severities.warning + s.severities.info,
        n,
        "{what}"
    );
    assert_eq!(s.kinds.values().sum::<usize>(), n, "{what}");
    let text = render_text(report, false);
    let lines = text.lines().filter(|l| l.starts_with("  ")).count();
    assert_eq!(lines, n, "{what}: text lines");
    let bullets = render_markdown(report)
        .lines()
        .filter(|l| l.starts_with("- **"))
        .count();
    assert_eq!(bullets, n, "{what}: markdown bullets");
    let back: DiffReport = serde_json::from_str(&render_json(report)).unwrap();
    assert_eq!(&back, report, "{what}: JSON round trip");
}

#[test]
fn every_consecutive_revision_pair_diffs_cleanly() {
    let Some(corpus) = corpus("every_consecutive_revision_pair_diffs_cleanly") else {
        return;
    };
    let with_descriptions = DiffOptions {
        include_descriptions: true,
        ..DiffOptions::default()
    };
    let mut pairs = 0;
    let mut schema_changes: BTreeMap<&str, usize> = BTreeMap::new();
    let mut description_changes = 0;
    let mut kinds: BTreeMap<ChangeKind, usize> = BTreeMap::new();
    for locale in LOCALES {
        let h = history(&corpus, locale);
        assert_eq!(h.len(), 12, "{locale}: pages in the history");
        for (stem, revisions) in &h {
            let schemas: Vec<Schema> = revisions.iter().map(|r| schema_of_page(stem, r)).collect();
            for (r, s) in revisions.iter().zip(&schemas) {
                assert!(!s.types().is_empty(), "{locale}/{stem}/{}: no type", r.rev);
                assert!(diff(s, s, &with_descriptions).is_empty());
            }
            for (i, w) in schemas.windows(2).enumerate() {
                let what = format!(
                    "{locale}/{stem}: {} -> {}",
                    revisions[i].rev,
                    revisions[i + 1].rev
                );
                pairs += 1;
                let all = diff(&w[0], &w[1], &with_descriptions);
                check_report(&all, &w[0], &w[1], &with_descriptions, &what);
                // By default description-only changes are hidden, and nothing else is.
                let default = diff(&w[0], &w[1], &DiffOptions::default());
                let schema_only: Vec<_> = all
                    .changes
                    .iter()
                    .filter(|c| c.kind != ChangeKind::DescriptionChanged)
                    .cloned()
                    .collect();
                assert_eq!(default.changes, schema_only, "{what}");
                description_changes += all.changes.len() - schema_only.len();
                if !default.is_empty() {
                    *schema_changes.entry(locale).or_default() += 1;
                }
                for c in &default.changes {
                    *kinds.entry(c.kind).or_default() += 1;
                }
            }
        }
    }
    eprintln!(
        "{pairs} consecutive pairs; pairs with schema changes: {schema_changes:?}; \
         {description_changes} description changes; kinds: {kinds:?}"
    );
    // 295 en-US and 205 ru-RU revisions of 12 pages each.
    assert_eq!(pairs, (295 - 12) + (205 - 12));
    // Most revisions only edit prose.
    assert!(
        schema_changes.values().sum::<usize>() * 5 < pairs,
        "{schema_changes:?}"
    );
    assert!(description_changes > 0);
}

#[test]
fn known_real_changes() {
    let Some(corpus) = corpus("known_real_changes") else {
        return;
    };
    let en = history(&corpus, "en-US");
    let ru = history(&corpus, "ru-RU");
    let pair = |h: &History, stem: &str, a: &str, b: &str, options: &DiffOptions| {
        let (a, b) = (find(h, stem, a), find(h, stem, b));
        diff(&schema_of_page(stem, a), &schema_of_page(stem, b), options)
    };
    let default = DiffOptions::default();
    let non_exhaustive = DiffOptions {
        non_exhaustive: true,
        ..DiffOptions::default()
    };
    let reset = "intune-devices-resetpasscodeactionresult";

    // June 2020: resetPasscodeActionResult gains `errorCode`, in both locales (ru-RU a week
    // later). Compatible on the wire; a major change for exhaustive structs only.
    for (h, a, b) in [
        (&en, "2020-04-10_3c25c1142a", "2020-06-12_f08cecd5df"),
        (&ru, "2020-04-14_2a087bcdc5", "2020-06-19_e7d90ca3de"),
    ] {
        let report = pair(h, reset, a, b, &default);
        assert_eq!(
            keys(&report),
            [key(
                "resetPasscodeActionResult",
                Some("errorCode"),
                ChangeKind::PropertyAdded
            )]
        );
        let c = &report.changes[0];
        assert_eq!(c.message, "property `errorCode` (Int32) was added");
        assert_eq!(
            (c.wire, c.rust_api, c.severity),
            (Wire::None, RustApi::Major, Severity::Error)
        );
        let c = &pair(h, reset, a, b, &non_exhaustive).changes[0];
        assert_eq!(
            (c.wire, c.rust_api, c.severity),
            (Wire::None, RustApi::Minor, Severity::Info)
        );
    }

    // April 2018: `actionState` goes from a String to the new actionState enum, which breaks
    // writers (an arbitrary string is no member) but not readers (unknown members are kept).
    let report = pair(
        &en,
        "intune-devices-deviceactionresult",
        "2017-09-27_73eab785f8",
        "2018-04-20_ac8d6b6a90",
        &default,
    );
    assert_eq!(
        keys(&report),
        [
            key("actionState", None, ChangeKind::TypeAdded),
            key(
                "deviceActionResult",
                Some("actionState"),
                ChangeKind::PropertyTypeChanged
            ),
        ]
    );
    assert_eq!(report.changes[1].wire, Wire::BreaksWriters);

    // September 2018: the whole family changes from entity to complex type: a warning.
    for stem in [
        "intune-devices-deviceactionresult",
        "intune-devices-deleteuserfromsharedappledeviceactionresult",
        "intune-devices-locatedeviceactionresult",
        "intune-devices-remotelockactionresult",
        reset,
        "intune-devices-revokeapplevpplicensesactionresult",
        "intune-devices-windowsdefenderscanactionresult",
    ] {
        let report = pair(
            &en,
            stem,
            "2018-08-19_22eec4b5db",
            "2018-09-29_bfa275415d",
            &default,
        );
        assert_eq!(report.changes.len(), 1, "{stem}: {report:#?}");
        let c = &report.changes[0];
        assert_eq!(c.kind, ChangeKind::KindChanged);
        assert_eq!(c.message, "kind changed from entity to complex");
        assert_eq!(c.severity, Severity::Warning);
    }

    // August 2017: a revision lists the base's properties itself instead of inheriting them,
    // and the next one inherits them again: the properties move down, then up.
    let down = pair(
        &en,
        reset,
        "2017-07-28_c92dc94e2e",
        "2017-08-16_419cb61376",
        &default,
    );
    let up = pair(
        &en,
        reset,
        "2017-08-16_419cb61376",
        "2017-08-16_cc7401a133",
        &default,
    );
    let moved = [
        "actionName",
        "actionState",
        "lastUpdatedDateTime",
        "startDateTime",
    ];
    for (report, base_kind) in [
        (&down, ChangeKind::TypeRemoved),
        (&up, ChangeKind::TypeAdded),
    ] {
        let mut expected = vec![key("deviceActionResult", None, base_kind)];
        expected.push(key(
            "resetPasscodeActionResult",
            None,
            ChangeKind::BaseChanged,
        ));
        expected.extend(moved.iter().map(|p| {
            key(
                "resetPasscodeActionResult",
                Some(p),
                ChangeKind::PropertyMoved,
            )
        }));
        assert_eq!(keys(report), expected);
        // The JSON of a resetPasscodeActionResult is the same, its struct is not: with a base,
        // the four properties are reached through `base`.
        assert!(report.changes[1..]
            .iter()
            .all(|c| c.rust_api == RustApi::Major && c.severity == Severity::Error));
        assert!(report.changes[2..].iter().all(|c| c.wire == Wire::None));
    }

    // A ru-RU revision whose link text was translated names the enum after its page stem,
    // in lower case; the next revision has the English name again. The lowercased name is
    // re-cased from the rows typed with it (`inferred-name-case`), so the two revisions
    // agree: no change at all (before that rule, a case-only rename).
    let report = pair(
        &ru,
        "intune-devices-configurationmanageractionresult",
        "2020-03-18_f75099203a",
        "2020-04-14_a4ab5173de",
        &default,
    );
    assert_eq!(keys(&report), []);
}

#[test]
fn pages_that_moved_are_no_schema_change() {
    let Some(corpus) = corpus("pages_that_moved_are_no_schema_change") else {
        return;
    };
    let en = history(&corpus, "en-US");
    let devices = "intune-devices-actionstate";
    let shared = "intune-shared-actionstate";
    let with_descriptions = DiffOptions {
        include_descriptions: true,
        ..DiffOptions::default()
    };
    // The enum page moved to another file and back; types match by qualified name.
    for ((a_stem, a), (b_stem, b)) in [
        (
            (devices, "2018-04-20_ac8d6b6a90"),
            (shared, "2018-05-29_e34c1f5b5a"),
        ),
        (
            (shared, "2020-11-06_333e0057c0"),
            (devices, "2021-03-26_e24438ac13"),
        ),
    ] {
        let old = schema_of_page(a_stem, find(&en, a_stem, a));
        let new = schema_of_page(b_stem, find(&en, b_stem, b));
        assert_eq!(
            old.types()[0].qualified_name(),
            "microsoft.graph.actionState"
        );
        assert_eq!(old.types()[0].kind, Kind::Enum);
        let report = diff(&old, &new, &DiffOptions::default());
        assert!(
            report.is_empty(),
            "{a_stem} -> {b_stem}:\n{}",
            render_text(&report, false)
        );
        // Only the prose differs.
        let report = diff(&old, &new, &with_descriptions);
        assert!(report
            .changes
            .iter()
            .all(|c| c.kind == ChangeKind::DescriptionChanged));
    }
    // Every English revision of the enum page, under either name, has the same members.
    let first = schema_of_page(devices, &en[devices][0]);
    for stem in [devices, shared] {
        for r in &en[stem] {
            let report = diff(&first, &schema_of_page(stem, r), &DiffOptions::default());
            assert!(
                report.is_empty(),
                "{stem}/{}:\n{}",
                r.rev,
                render_text(&report, false)
            );
        }
    }

    // deviceActionResult's link to the enum follows the page: `intune_devices_actionstate.md`,
    // then `intune_shared_actionstate.md`, `intune-shared-actionstate.md` and back to
    // `intune-devices-actionstate.md`. None of these revisions changes the schema, and neither
    // do the trees of those dates.
    let result = "intune-devices-deviceactionresult";
    for (a, b) in [
        ("2018-04-20_ac8d6b6a90", "2018-05-29_e34c1f5b5a"),
        ("2018-10-23_ed3d4aa985", "2018-11-27_3d3253c2cf"),
        ("2020-11-06_333e0057c0", "2021-03-26_e24438ac13"),
    ] {
        let old = find(&en, result, a);
        let new = find(&en, result, b);
        let report = diff(
            &schema_of_page(result, old),
            &schema_of_page(result, new),
            &DiffOptions::default(),
        );
        assert!(
            report.is_empty(),
            "{a} -> {b}:\n{}",
            render_text(&report, false)
        );
        let report = diff(
            &schema_of_tree(&tree_at(&en, old.date())),
            &schema_of_tree(&tree_at(&en, new.date())),
            &DiffOptions::default(),
        );
        let about_the_enum: Vec<_> = report
            .changes
            .iter()
            .filter(|c| c.type_name.ends_with(".actionState") || c.message.contains("actionState"))
            .collect();
        assert!(about_the_enum.is_empty(), "{a} -> {b}: {about_the_enum:#?}");
    }
}

/// The ms.lasthandoff date of a ru-RU page (`MM/DD/YYYY` in the front matter), as YYYY-MM-DD.
fn handoff(bytes: &[u8]) -> Option<String> {
    let text = String::from_utf8_lossy(bytes);
    let value = text
        .lines()
        .find_map(|l| l.strip_prefix("ms.lasthandoff:"))?
        .trim()
        .trim_matches('"');
    let parts: Vec<&str> = value.split('/').collect();
    match parts[..] {
        [m, d, y] => Some(format!("{y}-{m}-{d}")),
        _ => None,
    }
}

#[test]
fn ru_and_en_trees_of_the_same_date_differ_only_where_the_translation_lags() {
    let Some(corpus) = corpus("ru_and_en_trees_of_the_same_date") else {
        return;
    };
    let en = history(&corpus, "en-US");
    let ru = history(&corpus, "ru-RU");
    let first_ru = ru.values().flatten().map(Revision::date).min().unwrap();
    let dates: BTreeSet<&str> = en
        .values()
        .chain(ru.values())
        .flatten()
        .map(Revision::date)
        .filter(|d| *d >= first_ru)
        .collect();

    // Machine-translation damage that the parser cannot repair (no evidence in these pages):
    // an H1 so translated that the enum is named after its lower-case stem, a value table
    // that reads `ASP|4` for `active|3`, a translated link text.
    let damage = [
        ("microsoft.graph.actionstate", None, ChangeKind::TypeAdded),
        (
            "microsoft.graph.actionState",
            Some("active"),
            ChangeKind::MemberValueChanged,
        ),
        (
            "microsoft.graph.configurationManagerActionDeliveryStatus",
            None,
            ChangeKind::TypeRenamed,
        ),
    ];
    let mut lag: BTreeMap<&str, Vec<Key>> = BTreeMap::new();
    let mut identical: BTreeSet<&str> = BTreeSet::new();
    for date in &dates {
        let en_tree = tree_at(&en, date);
        let ru_tree = tree_at(&ru, date);
        let en_schema = schema_of_tree(&en_tree);
        let ru_schema = schema_of_tree(&ru_tree);
        let report = diff(&en_schema, &ru_schema, &DiffOptions::default());
        if report.is_empty() {
            identical.insert(date);
        }
        for c in &report.changes {
            if damage
                .iter()
                .any(|(t, p, k)| c.type_name == *t && c.property.as_deref() == *p && c.kind == *k)
            {
                continue;
            }
            // The page defining the type, in either tree.
            let stem = en_schema
                .types()
                .iter()
                .chain(ru_schema.types())
                .find(|t| t.qualified_name() == c.type_name && t.source.is_some())
                .and_then(|t| t.source.as_ref())
                .map(|l| {
                    l.file
                        .split(':')
                        .nth(1)
                        .unwrap()
                        .trim_end_matches(".md")
                        .to_owned()
                })
                .unwrap_or_else(|| panic!("{date}: no page for {c:?}"));
            let en_rev = en_tree
                .iter()
                .find(|(s, _)| *s == stem)
                .map(|(_, r)| r.date());
            let ru_handoff = ru_tree
                .iter()
                .find(|(s, _)| *s == stem)
                .map(|(_, r)| handoff(&r.bytes).unwrap_or_else(|| r.date().to_owned()));
            // The translation lags when the page is not translated yet, or was handed off
            // before the English revision in force.
            let lags = match (en_rev, ru_handoff) {
                (Some(_), None) => true,
                (Some(e), Some(h)) => e > h.as_str(),
                (None, _) => false,
            };
            assert!(
                lags,
                "{date}: not explained by a lagging translation: {c:#?}"
            );
            lag.entry(date)
                .or_default()
                .push((c.type_name.clone(), c.property.clone(), c.kind));
        }
    }
    eprintln!(
        "{} dates compared, {} identical; lagging: {lag:#?}",
        dates.len(),
        identical.len()
    );
    // The translation lags four times, for a few days each: three pages not yet translated
    // and `errorCode` added in English on 2020-06-12 (translated 2020-06-19).
    let expected: BTreeMap<&str, Vec<_>> = [
        (
            "2019-11-06",
            vec![key(
                "rotateBitLockerKeysDeviceActionResult",
                None,
                ChangeKind::TypeRemoved,
            )],
        ),
        (
            "2020-03-13",
            vec![
                key(
                    "configurationManagerActionDeliveryStatus",
                    None,
                    ChangeKind::TypeRemoved,
                ),
                key(
                    "configurationManagerActionResult",
                    None,
                    ChangeKind::TypeRemoved,
                ),
            ],
        ),
        (
            "2020-06-12",
            vec![key(
                "resetPasscodeActionResult",
                Some("errorCode"),
                ChangeKind::PropertyRemoved,
            )],
        ),
        (
            "2021-05-17",
            vec![key(
                "activateDeviceEsimActionResult",
                None,
                ChangeKind::TypeRemoved,
            )],
        ),
    ]
    .into_iter()
    .collect();
    assert_eq!(lag, expected);
    // Since the last damaged revision was replaced (2020-04-14), the trees are identical
    // whenever the translation does not lag.
    let differing: Vec<&&str> = dates
        .iter()
        .filter(|d| **d >= "2020-04-14" && !identical.contains(**d) && !lag.contains_key(**d))
        .collect();
    assert!(differing.is_empty(), "{differing:?}");
    assert!(identical.len() >= 26, "{identical:?}");
}

/// A scratch git repository, removed on drop.
struct Scratch(PathBuf);

impl Scratch {
    fn git(&self, args: &[&str]) {
        let out = Command::new("git")
            .arg("-C")
            .arg(&self.0)
            .args(["-c", "user.name=t", "-c", "user.email=t@example.com"])
            .args(args)
            .output()
            .expect("git runs");
        assert!(
            out.status.success(),
            "git {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[test]
fn history_committed_to_git_diffs_like_the_files() {
    let Some(corpus) = corpus("history_committed_to_git_diffs_like_the_files") else {
        return;
    };
    let en = history(&corpus, "en-US");
    let dir = std::env::temp_dir().join(format!("docgen-diff-history-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let repo = Scratch(dir);
    repo.git(&["init", "-q"]);
    let docs = "api-reference/beta/resources";
    // The enum page moves between the first two commits and back in the last.
    let dates = [
        "2018-04-20",
        "2018-05-29",
        "2020-04-10",
        "2020-06-12",
        "2021-03-26",
    ];
    for date in dates {
        let target = repo.0.join(docs);
        let _ = std::fs::remove_dir_all(&target);
        std::fs::create_dir_all(&target).unwrap();
        for (stem, r) in tree_at(&en, date) {
            std::fs::write(target.join(format!("{stem}.md")), &r.bytes).unwrap();
        }
        std::fs::write(repo.0.join("README.md"), date).unwrap();
        repo.git(&["add", "-A"]);
        repo.git(&["commit", "-q", "-m", date]);
        repo.git(&["tag", &format!("d{date}")]);
    }
    let options = DiffOptions::default();
    let mut reports = Vec::new();
    for w in dates.windows(2) {
        let (a, b) = (format!("d{}", w[0]), format!("d{}", w[1]));
        let old = msgraph_docgen::git::schema_at(&repo.0, &a, docs).unwrap();
        let new = msgraph_docgen::git::schema_at(&repo.0, &b, docs).unwrap();
        // Pages are named REV:path.
        let source = &new.types()[0].source.as_ref().unwrap().file;
        assert!(
            source.starts_with(&format!("{b}:{docs}/intune-")),
            "{source}"
        );
        let from_git = diff(&old, &new, &options);
        let from_files = diff(
            &schema_of_tree(&tree_at(&en, w[0])),
            &schema_of_tree(&tree_at(&en, w[1])),
            &options,
        );
        assert_eq!(from_git, from_files, "{a} -> {b}");
        reports.push(from_git);
    }
    // 2018-04-20 -> 2018-05-29: the enum page moved; the schema did not change.
    assert!(reports[0].is_empty(), "{}", render_text(&reports[0], false));
    // 2020-04-10 -> 2020-06-12: errorCode.
    assert_eq!(
        keys(&reports[2]),
        [key(
            "resetPasscodeActionResult",
            Some("errorCode"),
            ChangeKind::PropertyAdded
        )]
    );
    // 2020-06-12 -> 2021-03-26: the enum page moved back; the tree gained a page.
    assert!(reports[3]
        .changes
        .iter()
        .all(|c| !c.type_name.ends_with(".actionState")));

    // The whole repository (README.md is no resource page, so nothing changes but the paths).
    let whole = msgraph_docgen::git::schema_at(&repo.0, "HEAD", "").unwrap();
    let docs_only = msgraph_docgen::git::schema_at(&repo.0, "HEAD", docs).unwrap();
    assert!(diff(&whole, &docs_only, &options).is_empty());
}
