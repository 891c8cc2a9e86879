//! Rename detection: types whose qualified names differ in letter case only, and properties
//! that were likely renamed (one removed and one added with the same type and a similar name).

use super::TypesByName;
use crate::schema::{Property, QualifiedName};
use std::collections::{BTreeMap, BTreeSet};

/// Old name → new name of the types whose names differ in ASCII letter case only: an old type
/// missing from the new schema and a new type missing from the old one, each the only one of
/// its side with that case-folded name.
pub(super) fn case_renames(
    old_types: &TypesByName<'_>,
    new_types: &TypesByName<'_>,
) -> BTreeMap<QualifiedName, QualifiedName> {
    let folded = |types: &TypesByName<'_>, other: &TypesByName<'_>| {
        let mut map: BTreeMap<String, Vec<QualifiedName>> = BTreeMap::new();
        for name in types.keys().filter(|k| !other.contains_key(*k)) {
            map.entry(name.as_str().to_ascii_lowercase())
                .or_default()
                .push(name.clone());
        }
        map
    };
    let old_only = folded(old_types, new_types);
    let new_only = folded(new_types, old_types);
    old_only
        .into_iter()
        .filter_map(
            |(key, olds)| match (&olds[..], new_only.get(&key).map(Vec::as_slice)) {
                ([o], Some([n])) => Some((o.clone(), n.clone())),
                _ => None,
            },
        )
        .collect()
}

/// Pairs removed and added properties that are likely renames: same type and collection flag,
/// similar names. Closest pairs first, ties broken by name, each property used once.
pub(super) fn match_renames<'p>(
    removed: &[&'p Property],
    added: &[&'p Property],
) -> Vec<(&'p Property, &'p Property)> {
    let mut candidates: Vec<(usize, &'p Property, &'p Property)> = Vec::new();
    for &r in removed {
        for &a in added {
            if r.ty != a.ty || r.collection != a.collection {
                continue;
            }
            if let Some(distance) = name_distance(&r.name, &a.name) {
                candidates.push((distance, r, a));
            }
        }
    }
    candidates.sort_by(|x, y| (x.0, &x.1.name, &x.2.name).cmp(&(y.0, &y.1.name, &y.2.name)));
    let mut used_old: BTreeSet<&str> = BTreeSet::new();
    let mut used_new: BTreeSet<&str> = BTreeSet::new();
    let mut out = Vec::new();
    for (_, r, a) in candidates {
        if used_old.contains(r.name.as_str()) || used_new.contains(a.name.as_str()) {
            continue;
        }
        used_old.insert(&r.name);
        used_new.insert(&a.name);
        out.push((r, a));
    }
    out
}

/// The case-insensitive edit distance of two names when they are similar enough to be a rename
/// (distance at most a quarter of the longer name, and at most 3), else `None`.
fn name_distance(a: &str, b: &str) -> Option<usize> {
    let (a, b) = (a.to_lowercase(), b.to_lowercase());
    let d = strsim::levenshtein(&a, &b);
    let longest = a.chars().count().max(b.chars().count());
    (d <= 3 && d * 4 <= longest).then_some(d)
}

#[cfg(test)]
mod tests {
    use crate::diag::Severity;
    use crate::diff::test_support::*;
    use crate::diff::{ChangeKind, RustApi, Wire};

    #[test]
    fn case_only_type_renames_are_one_change() {
        // A machine-translated revision names the enum after its page stem, in lower case.
        let holder = |ty: &str| {
            complex(
                "configurationManagerActionResult",
                None,
                vec![prop("actionDeliveryStatus", ty)],
            )
        };
        let report = run(
            vec![
                holder("microsoft.graph.configurationManagerActionDeliveryStatus"),
                enumeration(
                    "configurationManagerActionDeliveryStatus",
                    &[("unknown", None), ("pendingDelivery", None)],
                ),
            ],
            vec![
                holder("microsoft.graph.configurationmanageractiondeliverystatus"),
                enumeration(
                    "configurationmanageractiondeliverystatus",
                    &[("unknown", None)],
                ),
            ],
        );
        let t = q("configurationManagerActionDeliveryStatus");
        assert_eq!(
            kinds(&report),
            [
                (t.clone(), None, ChangeKind::TypeRenamed),
                (
                    t.clone(),
                    Some("pendingDelivery".into()),
                    ChangeKind::MemberRemoved
                ),
            ]
        );
        let c = &report.changes[0];
        assert_eq!(
            c.message,
            "enum type `microsoft.graph.configurationManagerActionDeliveryStatus` was renamed to \
             `microsoft.graph.configurationmanageractiondeliverystatus` (letter case only)"
        );
        assert_eq!(
            (c.wire, c.rust_api, c.severity),
            (Wire::None, RustApi::Major, Severity::Error)
        );
        assert_eq!(
            (
                report.summary.types_added,
                report.summary.types_removed,
                report.summary.types_changed
            ),
            (0, 0, 1)
        );

        // A renamed base is no base change; an ambiguous fold is no rename.
        let report = run(
            vec![
                complex("Base", None, vec![]),
                complex("s", Some("Base"), vec![]),
                complex("ab", None, vec![]),
            ],
            vec![
                complex("base", None, vec![]),
                complex("s", Some("base"), vec![]),
                complex("AB", None, vec![]),
                complex("Ab", None, vec![]),
            ],
        );
        assert_eq!(
            kinds(&report),
            [
                (q("AB"), None, ChangeKind::TypeAdded),
                (q("Ab"), None, ChangeKind::TypeAdded),
                (q("Base"), None, ChangeKind::TypeRenamed),
                (q("ab"), None, ChangeKind::TypeRemoved),
            ]
        );
        assert_eq!(report.changes[2].wire, Wire::BreaksWriters);
    }

    #[test]
    fn likely_renames_are_reported_once() {
        let report = run(
            reset(vec![
                prop("passCode", "String"),
                prop("expiry", "DateTimeOffset"),
                prop("id", "String"),
                prop("count", "Int32"),
            ]),
            reset(vec![
                prop("passcode", "String"),
                prop("expiryTime", "DateTimeOffset"),
                prop("ip", "String"),
                prop("counts", "Int64"),
            ]),
        );
        let t = q("resetPasscodeActionResult");
        let s = |x: &str| Some(x.to_owned());
        assert_eq!(
            kinds(&report),
            [
                // Same type but too different in name ("expiry" vs "expiryTime").
                (t.clone(), s("count"), ChangeKind::PropertyRemoved),
                (t.clone(), s("counts"), ChangeKind::PropertyAdded),
                (t.clone(), s("expiry"), ChangeKind::PropertyRemoved),
                (t.clone(), s("expiryTime"), ChangeKind::PropertyAdded),
                // One edit in a two-letter name is not similar enough.
                (t.clone(), s("id"), ChangeKind::PropertyRemoved),
                (t.clone(), s("ip"), ChangeKind::PropertyAdded),
                (t.clone(), s("passCode"), ChangeKind::PropertyRenamed),
            ]
        );
        let rename = report.changes.last().unwrap();
        assert_eq!(
            rename.message,
            "property `passCode` (String) was likely renamed to `passcode`"
        );
        assert_eq!(
            (rename.wire, rename.rust_api, rename.severity),
            (Wire::BreaksBoth, RustApi::Major, Severity::Error)
        );
        // A small edit in a longer name is a rename.
        let report = run(
            reset(vec![prop("lastUpdateDateTime", "DateTimeOffset")]),
            reset(vec![prop("lastUpdatedDateTime", "DateTimeOffset")]),
        );
        assert_eq!(one(&report).kind, ChangeKind::PropertyRenamed);
    }
}
