//! Which JSON key each property row stands for.
//!
//! The JSON block is never translated; the name cells of machine-translated pages often are
//! (`вопросы` for `questions`, `траублешутинжеррордетаилс` for `troubleshootingErrorDetails`).
//! Rows are matched to JSON keys by, in order of trust: the exact name; the name in another
//! case (the JSON key's spelling, unless the key starts with a capital and the name does not:
//! Graph names start lowercase); the transliterated name read alike ([`locale::transliterate`]); the key next to the
//! key of a matched neighbouring row; the remaining keys in order (never for an intact
//! camel-case name of several words, `resetScope`, which no translation produces). A key whose placeholder
//! contradicts the row's type (an object for a `String`, a single value for a collection) is
//! taken by position only when no other key is left (the table may be the one that is wrong).
//! Every match that is not exact is a `property-name-mismatch`.

use crate::diag::{Code, Diagnostics};
use crate::docs_text::is_identifier;
use crate::parse::{locale, JsonObject, JsonValue as Value, Page, PropertyRow, TypeSpec};
use crate::primitive::Primitive;
use rapidfuzz::distance::levenshtein;

/// How alike (0 to 1, normalized Levenshtein) a transliterated name must be to a key.
const ALIKE: f64 = 0.6;

/// The JSON names of a page's property rows, with the JSON entries they were matched with.
pub(super) struct Reconciled<'a> {
    /// The JSON name of every row (the row's own name when no key matches).
    pub(super) names: Vec<String>,
    /// By row: the JSON key and value whose key is the row's name, when one is (so that the
    /// value need not be looked up again by name).
    pub(super) entries: Vec<Option<(&'a String, &'a Value)>>,
}

/// The JSON name of every property row of `page` (the row's own name when no key matches),
/// with the entry of the key each row takes as its name.
pub(super) fn reconcile_names<'a>(
    page: &Page,
    json: Option<&'a JsonObject>,
    diags: &mut Diagnostics,
) -> Reconciled<'a> {
    let rows = &page.properties;
    let keys: Vec<(&'a String, &'a Value)> = json
        .into_iter()
        .flatten()
        .filter(|(k, _)| !k.starts_with('@'))
        .collect();
    let mut m = Matching {
        names: vec![None; rows.len()],
        used: vec![false; keys.len()],
    };
    // The exact name. The keys of a block are distinct, and rows mostly follow their order:
    // each is looked for from the key after the last one found.
    let mut next = 0;
    for (i, row) in rows.iter().enumerate() {
        let found = (next..keys.len())
            .chain(0..next)
            .find(|&k| *keys[k].0 == row.name);
        if let Some(k) = found {
            next = k + 1;
            if !m.used[k] {
                m.take(i, k);
            }
        }
    }
    // The name in another case: the JSON key's spelling, unless it starts with a capital where
    // the table's starts lowercase, as Graph names do (`Name` in the block, `name` in the table).
    let mut table_case = vec![false; rows.len()];
    for (i, row) in rows.iter().enumerate() {
        if m.names[i].is_some() {
            continue;
        }
        if let Some(k) =
            (0..keys.len()).find(|&k| !m.used[k] && keys[k].0.eq_ignore_ascii_case(&row.name))
        {
            m.take(i, k);
            let key = keys[k].0;
            let decision = if starts_upper(key) && !starts_upper(&row.name) {
                table_case[i] = true;
                format!("the JSON key is `{key}`, which starts with a capital where Graph names start lowercase; the table wins")
            } else {
                format!("the JSON key is `{key}`; the JSON key wins")
            };
            mismatch(diags, page, row, decision);
        }
    }
    match_transliterated(page, &keys, &mut m, diags);
    match_by_position(page, &keys, &mut m, diags);
    let entries: Vec<Option<(&String, &Value)>> = (m.names.iter().zip(table_case))
        .map(|(n, table)| n.filter(|_| !table).map(|k| keys[k]))
        .collect();
    let names = (entries.iter().zip(rows))
        .map(|(entry, r)| entry.map_or_else(|| r.name.clone(), |(key, _)| key.clone()))
        .collect();
    Reconciled { names, entries }
}

/// True for a camel-case identifier of several words: a lowercase start, a capital inside
/// (`resetScope`, not `scope` or `Scope`).
fn is_camel_case_words(name: &str) -> bool {
    is_identifier(name)
        && name.starts_with(|c: char| c.is_ascii_lowercase())
        && name.chars().skip(1).any(|c| c.is_ascii_uppercase())
}

/// True when `name` starts with an ASCII capital letter.
fn starts_upper(name: &str) -> bool {
    name.starts_with(|c: char| c.is_ascii_uppercase())
}

/// Matches rows whose translated name reads like a key once transliterated, best scores first.
fn match_transliterated(
    page: &Page,
    keys: &[(&String, &Value)],
    m: &mut Matching,
    diags: &mut Diagnostics,
) {
    let rows = &page.properties;
    // A translated name that reads like a key once transliterated.
    let mut alike: Vec<(f64, usize, usize)> = Vec::new();
    for (i, row) in rows.iter().enumerate() {
        if m.names[i].is_some() || row.navigation || row.name.is_ascii() {
            continue;
        }
        let Some(latin) = locale::transliterate(&row.name) else {
            continue;
        };
        let measure = Alike::new(&latin);
        for (k, (key, value)) in keys.iter().enumerate() {
            // Lengths too far apart cannot read alike: no need to measure.
            let (a, b) = (latin.len(), key.chars().count());
            if m.used[k] || (a.abs_diff(b) as f64) > (1.0 - ALIKE) * a.max(b) as f64 {
                continue;
            }
            if !compatible(row, value) {
                continue;
            }
            if let Some(score) = measure.score(key) {
                alike.push((score, i, k));
            }
        }
    }
    alike.sort_by(|a, b| b.0.total_cmp(&a.0).then((a.1, a.2).cmp(&(b.1, b.2))));
    for (_, i, k) in alike {
        if m.names[i].is_none() && !m.used[k] {
            m.take(i, k);
            let decision = format!(
                "the JSON key `{}` reads alike once transliterated and is used",
                keys[k].0
            );
            mismatch(diags, page, &rows[i], decision);
        }
    }
}

/// A transliterated name, ready to be compared with keys: strsim's `normalized_levenshtein`
/// of the name and each key in lowercase, measured by rapidfuzz's comparator, which prepares
/// the name once and then compares a key a machine word at a time (strsim fills a row of the
/// table per character: that was half of reconciling names).
struct Alike {
    comparator: levenshtein::BatchComparator<char>,
}

impl Alike {
    /// Prepares `latin` for comparisons.
    fn new(latin: &str) -> Alike {
        Alike {
            comparator: levenshtein::BatchComparator::new(latin.chars()),
        }
    }

    /// How alike the name and `key` in lowercase read, when it is at least [`ALIKE`].
    fn score(&self, key: &str) -> Option<f64> {
        let key = key.chars().map(|c| c.to_ascii_lowercase());
        let score = self.comparator.normalized_similarity(key);
        (score >= ALIKE).then_some(score)
    }
}

/// Matches what is left by position: rows whose name is translated (or every unmatched row when
/// exactly as many keys are left) take the key beside a matched neighbour's key, then the
/// remaining keys in order.
fn match_by_position(
    page: &Page,
    keys: &[(&String, &Value)],
    m: &mut Matching,
    diags: &mut Diagnostics,
) {
    let rows = &page.properties;
    // By position: rows whose name is translated, or all unmatched rows when exactly as many
    // keys are left.
    let open = |m: &Matching| {
        (0..rows.len())
            // A row named like an annotation (`@odata.etag`) stands for no property key.
            .filter(|&i| {
                m.names[i].is_none() && !rows[i].navigation && !rows[i].name.starts_with('@')
            })
            .collect::<Vec<_>>()
    };
    let free_keys = m.used.iter().filter(|u| !**u).count();
    let all = open(m).len() == free_keys;
    // An intact camel-case name of several words (`resetScope`) is no translation: it keeps
    // its name even when as many keys as rows are left (the key is another property).
    let eligible = |i: usize| {
        (all && !is_camel_case_words(&rows[i].name))
            || !is_identifier(&rows[i].name)
            || rows[i].name_translated
    };
    // The key right after the previous matched row's key, or right before the next one's.
    let mut progress = true;
    while progress {
        progress = false;
        for i in open(m).into_iter().filter(|&i| eligible(i)) {
            let before = (0..i).rev().find_map(|j| m.key_of(j)).map(|k| k + 1);
            let after = (i + 1..rows.len())
                .find_map(|j| m.key_of(j))
                .and_then(|k| k.checked_sub(1));
            let free = |k: &usize| *k < keys.len() && !m.used[*k];
            let fits = |k: usize| compatible(&rows[i], keys[k].1);
            let chosen = match (before.filter(free), after.filter(free)) {
                (Some(a), Some(b)) if a != b => match (fits(a), fits(b)) {
                    (true, false) => Some(a),
                    (false, true) => Some(b),
                    _ => None,
                },
                (Some(a), _) | (None, Some(a)) => Some(a).filter(|&k| fits(k)),
                (None, None) => None,
            };
            if let Some(k) = chosen {
                m.take(i, k);
                positional(diags, page, &rows[i], keys[k].0);
                progress = true;
            }
        }
    }
    // The remaining keys in order.
    for i in open(m).into_iter().filter(|&i| eligible(i)) {
        let free = || (0..keys.len()).filter(|&k| !m.used[k]);
        if let Some(k) = free()
            .find(|&k| compatible(&rows[i], keys[k].1))
            .or_else(|| free().next())
        {
            m.take(i, k);
            positional(diags, page, &rows[i], keys[k].0);
        }
    }
}

/// Rows matched so far: the key index of each row, and which keys are taken.
struct Matching {
    names: Vec<Option<usize>>,
    used: Vec<bool>,
}

impl Matching {
    fn take(&mut self, row: usize, key: usize) {
        self.names[row] = Some(key);
        self.used[key] = true;
    }

    fn key_of(&self, row: usize) -> Option<usize> {
        self.names[row]
    }
}

/// Records a `property-name-mismatch` for `row`: what the table says, then `decision`.
fn mismatch(diags: &mut Diagnostics, page: &Page, row: &PropertyRow, decision: String) {
    let message = format!("the table says `{}`, {decision}", row.name);
    diags.push(
        Code::PropertyNameMismatch,
        page.at(row.line, row.column),
        message,
    );
}

/// Records that `row` was matched by position to the unclaimed JSON `key`.
fn positional(diags: &mut Diagnostics, page: &Page, row: &PropertyRow, key: &str) {
    let decision = format!("which the JSON block does not have; the unclaimed JSON key `{key}` at the same position is used");
    mismatch(diags, page, row, decision);
}

/// False when the JSON placeholder contradicts the row's type: an array for a single value (or
/// a number, boolean or object for a collection), an object for a primitive (unless it names an
/// `Edm` type), a number or boolean for a type page.
fn compatible(row: &PropertyRow, value: &Value) -> bool {
    let element = match value {
        Value::Null => return true,
        Value::Array(items) => {
            if !row.ty.collection {
                return false;
            }
            match items.first() {
                Some(e) => e,
                None => return true,
            }
        }
        // `"Collection(string)"`, `"[String]"`: a collection written as one placeholder.
        Value::String(s) if s.starts_with('[') || locale::mentions_collection(s) => value,
        v => {
            if row.ty.collection {
                return false;
            }
            v
        }
    };
    let edm = element
        .get("@odata.type")
        .and_then(Value::as_str)
        .is_some_and(|t| Primitive::from_spelling(t).is_some());
    match &row.ty.spec {
        TypeSpec::Primitive(Primitive::Json) | TypeSpec::Unknown(_) => true,
        TypeSpec::Primitive(_) => !element.is_object() || edm,
        TypeSpec::Link { .. } | TypeSpec::Name(_) => element.is_object() || element.is_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse_page;

    fn names(rows: &str, json: &str) -> (Vec<String>, Vec<crate::diag::Diagnostic>) {
        let text = format!("<!-- {{\"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.x\"}} -->\n```json\n{json}\n```\n\n## Properties\n|Свойство|Тип|Описание|\n|-|-|-|\n{rows}");
        let page = parse_page("x.md", &text);
        let mut diags = Diagnostics::new();
        let json = page.json.as_ref().map(|j| &j.object);
        let names = reconcile_names(&page, json, &mut diags).names;
        (names, diags.into_vec())
    }

    #[test]
    fn alike_scores_are_strsims_normalized_levenshtein() {
        let mut texts: Vec<String> = [
            "",
            "a",
            "ab",
            "abc",
            "kitten",
            "sitting",
            "languagetag",
            "languageTag",
            "troubleshootingerrordetails",
            "troubleshootingErrorDetails",
            "status",
            "state",
            "displayname",
            "DisplayName",
            "xyz",
            "ответы",
        ]
        .map(str::to_owned)
        .to_vec();
        // Pseudo-random texts over a few letters, up to past a machine word.
        let mut seed = 12345u64;
        for len in (0..70).chain([0, 1, 2, 63, 64, 65]) {
            let text = (0..len)
                .map(|_| {
                    seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1);
                    char::from(b"abcAB"[(seed >> 60) as usize % 5])
                })
                .collect();
            texts.push(text);
        }
        for a in &texts {
            let measure = Alike::new(a);
            for b in &texts {
                let lower = b.to_ascii_lowercase();
                let expected =
                    Some(strsim::normalized_levenshtein(a, &lower)).filter(|s| *s >= ALIKE);
                assert_eq!(measure.score(b), expected, "{a} {b}");
            }
        }
    }

    #[test]
    fn exact_then_case_then_transliteration() {
        let (n, d) = names(
            "|id|String|x|\n|Status|String|x|\n|траублешутинжеррордетаилс|[d](d.md)|x|\n|лангуажетаг|String|x|\n",
            r#"{"id": "s", "languageTag": "s", "troubleshootingErrorDetails": {"@odata.type": "d"}, "status": "s"}"#,
        );
        assert_eq!(
            n,
            ["id", "status", "troubleshootingErrorDetails", "languageTag"]
        );
        assert_eq!(d.len(), 3);
        assert!(d[1].message.contains("reads alike"), "{}", d[1].message);
    }

    #[test]
    fn a_capitalised_key_does_not_override_a_lowercase_name() {
        let (n, d) = names(
            "|name|String|x|\n|Status|String|x|\n|hostnames|String|x|\n",
            r#"{"Name": "s", "status": "s", "hostNames": "s"}"#,
        );
        assert_eq!(n, ["name", "status", "hostNames"]);
        assert_eq!(d.len(), 3);
        assert!(d[0].message.contains("the table wins"), "{}", d[0].message);
    }

    #[test]
    fn neighbours_then_order_and_contradicting_placeholders_last() {
        // JSON order differs from table order; `ответы` is a collection of objects.
        let (n, _) = names(
            "|isValidationOnly|Boolean|x|\n|обоснование|Строка|x|\n|requestState|String|x|\n|ответы|[коллекция answer](answer.md)|x|\n",
            r#"{"requestState": "s", "isValidationOnly": true, "justification": "s", "expirationDateTime": "s", "answers": [{"@odata.type": "a"}]}"#,
        );
        assert_eq!(
            n,
            [
                "isValidationOnly",
                "justification",
                "requestState",
                "answers"
            ]
        );
        // An object placeholder is taken for a primitive row only when nothing else is left.
        let (n, _) = names(
            "|вопросы|String|x|\n",
            r#"{"questions": {"@odata.type": "q"}, "text": "s"}"#,
        );
        assert_eq!(n, ["text"]);
        let (n, _) = names(
            "|вопросы|String|x|\n",
            r#"{"questions": {"@odata.type": "q"}}"#,
        );
        assert_eq!(n, ["questions"]);
        // An intact camel-case name keeps its name, even with as many keys left as rows;
        // a single word may be a translation and takes the key.
        let (n, _) = names(
            "|id|String|x|\n|resetScope|String|x|\n",
            r#"{"id": "s", "criteria": "s"}"#,
        );
        assert_eq!(n, ["id", "resetScope"]);
        let (n, _) = names(
            "|id|String|x|\n|scope|String|x|\n",
            r#"{"id": "s", "criteria": "s"}"#,
        );
        assert_eq!(n, ["id", "criteria"]);
    }
}
