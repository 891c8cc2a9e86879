//! Broken input never breaks the generator: real pages, damaged at random (truncation at any
//! byte, byte flips, inserted hostile text and invalid UTF-8, duplicated and shuffled lines, huge
//! tables, deep nesting, BOM, CRLF), go through parse → schema → emit without a panic, every
//! diagnostic points into its page, and the generated code parses. Pathological pages of growing
//! size complete (their scaling is measured by `examples/scaling.rs`, not asserted here), and a
//! BOM or CRLF line endings change nothing.
//!
//! Seeds: the founding page (always) and, when the corpus is present, `mutate::CORPUS_SEEDS`.
//!
//! The `validate` path gets the same treatment: API pages (the golden case's, always; a few of
//! the corpus's, when present), damaged the same ways, read for their examples and checked
//! against a schema, with every finding pointing into its page.

use msgraph_docgen::diag::Code;
use msgraph_docgen::emit::{emit, EmitOptions};
use msgraph_docgen::input::parse_source;
use msgraph_docgen::parse::Page;
use msgraph_docgen::schema::{build, Kind, Schema, MAX_INHERITANCE_DEPTH};
use msgraph_docgen::validate::{read_api_source, ValidateReport, Validator};
use msgraph_docgen_e2e::mutate::{
    self, inheritance_chain, pathological, seeds, Mutation, Nesting, Seed, HOSTILE_NAMES,
    HOSTILE_SNIPPETS,
};
use msgraph_docgen_e2e::{corpus, workspace};
use proptest::prelude::*;
use proptest::sample::Index;
use std::sync::LazyLock;

static SEEDS: LazyLock<Vec<Seed>> = LazyLock::new(|| seeds("robustness"));

/// API pages of the corpus chosen for variety: collections, derived types, open types,
/// ellipses, many examples on one page.
const CORPUS_API_SEEDS: &[&str] = &[
    "user-list-memberof.md",
    "opentypeextension-get.md",
    "chatmessage-post.md",
    "governancerolesetting-list.md",
    "accessreviewinstance-pendingaccessreviewinstances.md",
];

/// The API seeds, and the resource pages and schema they are checked against: the golden
/// validate case always; with the corpus, also [`CORPUS_API_SEEDS`] against the resources of
/// their tree.
struct ApiSeeds {
    pages: Vec<Seed>,
    resources: Vec<Page>,
    schema: Schema,
}

static API_SEEDS: LazyLock<ApiSeeds> = LazyLock::new(|| {
    let case = workspace().join("tests/fixtures/reports/validate/examples");
    let read_dir = |dir: &std::path::Path| -> Vec<Seed> {
        let mut names: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .filter_map(|e| e.ok()?.file_name().into_string().ok())
            .filter(|n| n.ends_with(".md"))
            .collect();
        names.sort();
        names
            .into_iter()
            .map(|name| Seed {
                bytes: std::fs::read(dir.join(&name)).unwrap(),
                name,
            })
            .collect()
    };
    let mut pages = read_dir(&case.join("api"));
    let resources_dir = match corpus("robustness (API pages)") {
        Some(dir) => {
            let tree = dir.join("en-US/2021-04-08/beta");
            for name in CORPUS_API_SEEDS {
                let bytes = std::fs::read(tree.join("api").join(name))
                    .unwrap_or_else(|e| panic!("{name}: corpus API seed unreadable: {e}"));
                pages.push(Seed {
                    name: (*name).to_owned(),
                    bytes,
                });
            }
            tree.join("resources")
        }
        None => case.join("resources"),
    };
    let resources = msgraph_docgen::input::read_pages(&[resources_dir]).unwrap();
    let schema = build(&resources);
    ApiSeeds {
        pages,
        resources,
        schema,
    }
});

static VALIDATOR: LazyLock<Validator<'static>> =
    LazyLock::new(|| Validator::new(&API_SEEDS.schema, &API_SEEDS.resources));

/// Validates named API pages: no panic, every finding points into its page, both reports
/// render.
fn validate_pages(pages: &[(String, Vec<u8>)]) -> Result<(), TestCaseError> {
    let api: Vec<_> = pages.iter().map(|(n, b)| read_api_source(n, b)).collect();
    let v = VALIDATOR.validate(&api);
    for d in v.diagnostics() {
        let Some((_, bytes)) = pages.iter().find(|(n, _)| **n == *d.location.file) else {
            return Err(TestCaseError::fail(format!("{d}: names no input page")));
        };
        let lines = bytes.iter().filter(|&&b| b == b'\n').count() + 1;
        prop_assert!(d.location.line as usize <= lines, "{d}: past line {lines}");
    }
    let report = ValidateReport::new(&v, Some(3));
    prop_assert!(report.render_text().ends_with(" notes\n"));
    prop_assert!(serde_json::from_str::<serde_json::Value>(&report.to_json()).is_ok());
    Ok(())
}

fn nesting() -> impl Strategy<Value = Nesting> {
    prop_oneof![
        Just(Nesting::BlockQuote),
        Just(Nesting::List),
        Just(Nesting::Comment),
        Just(Nesting::Html),
    ]
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        3 => any::<usize>().prop_map(Mutation::Truncate),
        3 => (any::<usize>(), any::<u8>()).prop_map(|(at, b)| Mutation::Flip(at, b)),
        3 => (any::<usize>(), prop::sample::select(HOSTILE_SNIPPETS))
            .prop_map(|(at, s)| Mutation::Insert(at, s.to_vec())),
        2 => (any::<usize>(), prop::collection::vec(any::<u8>(), 1..12))
            .prop_map(|(at, b)| Mutation::Insert(at, b)),
        2 => (any::<usize>(), 1usize..40).prop_map(|(l, n)| Mutation::DuplicateLine(l, n)),
        2 => any::<u64>().prop_map(Mutation::ShuffleLines),
        1 => (1usize..2_000).prop_map(Mutation::HugeTable),
        1 => (any::<usize>(), nesting(), 1usize..2_000)
            .prop_map(|(l, k, d)| Mutation::Nest(l, k, d)),
        2 => (any::<usize>(), prop::sample::select(HOSTILE_SNIPPETS))
            .prop_map(|(at, s)| Mutation::InsertLine(at, s.to_vec())),
        2 => prop::sample::select(HOSTILE_NAMES).prop_map(Mutation::RenameType),
        2 => prop::sample::select(HOSTILE_NAMES).prop_map(Mutation::RenameKey),
        1 => Just(Mutation::Bom),
        1 => Just(Mutation::Crlf),
    ]
}

/// Runs named pages through the pipeline; checks diagnostics point into their pages and that
/// the generated code parses.
fn pipeline(pages: &[(String, Vec<u8>)]) -> Result<Schema, TestCaseError> {
    let parsed: Vec<_> = pages.iter().map(|(n, b)| parse_source(n, b)).collect();
    let schema = build(&parsed);
    for d in &schema.diagnostics {
        let Some((_, bytes)) = pages.iter().find(|(n, _)| **n == *d.location.file) else {
            return Err(TestCaseError::fail(format!("{d}: names no input page")));
        };
        let lines = bytes.iter().filter(|&&b| b == b'\n').count() + 1;
        prop_assert!(d.location.line as usize <= lines, "{d}: past line {lines}");
    }
    let code = emit(&schema, &EmitOptions::default());
    if let Err(e) = syn::parse_file(&code) {
        return Err(TestCaseError::fail(format!(
            "generated code does not parse: {e}"
        )));
    }
    Ok(schema)
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 64,
        // Seed indexes mean other pages with and without the corpus: nothing to persist.
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn mutated_pages_never_panic_and_generate_rust(
        picks in prop::collection::vec(
            (any::<Index>(), prop::collection::vec(mutation(), 1..4)),
            1..4,
        )
    ) {
        let mut pages: Vec<(String, Vec<u8>)> = Vec::new();
        for (i, (index, mutations)) in picks.iter().enumerate() {
            let seed = index.get(&SEEDS);
            let mut bytes = seed.bytes.clone();
            for m in mutations {
                m.apply(&mut bytes);
            }
            pages.push((format!("p{i}/{}", seed.name), bytes));
        }
        pipeline(&pages)?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 64,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn mutated_api_pages_never_panic_and_findings_point_into_them(
        picks in prop::collection::vec(
            (any::<Index>(), prop::collection::vec(mutation(), 1..4)),
            1..4,
        )
    ) {
        let mut pages: Vec<(String, Vec<u8>)> = Vec::new();
        for (i, (index, mutations)) in picks.iter().enumerate() {
            let seed = index.get(&API_SEEDS.pages);
            let mut bytes = seed.bytes.clone();
            for m in mutations {
                m.apply(&mut bytes);
            }
            pages.push((format!("p{i}/{}", seed.name), bytes));
        }
        validate_pages(&pages)?;
    }
}

#[test]
fn every_truncation_of_an_api_page_is_handled() {
    let seed = &API_SEEDS.pages[2];
    assert_eq!(seed.name, "user-get.md");
    for cut in 0..=seed.bytes.len() {
        validate_pages(&[(seed.name.clone(), seed.bytes[..cut].to_vec())])
            .unwrap_or_else(|e| panic!("cut at {cut}: {e}"));
    }
}

#[test]
fn every_hostile_name_on_every_seed() {
    for seed in SEEDS.iter() {
        for name in HOSTILE_NAMES {
            for m in [Mutation::RenameType(name), Mutation::RenameKey(name)] {
                let mut bytes = seed.bytes.clone();
                m.apply(&mut bytes);
                pipeline(&[(seed.name.clone(), bytes)])
                    .unwrap_or_else(|e| panic!("{} with {m:?}: {e}", seed.name));
            }
        }
    }
}

/// The schema of one page given as `bytes`, under a fixed name.
fn schema_of(name: &str, bytes: &[u8]) -> Schema {
    build(&[parse_source(name, bytes)])
}

#[test]
fn a_bom_and_crlf_line_endings_change_nothing() {
    for seed in SEEDS.iter() {
        let clean = schema_of(&seed.name, &seed.bytes);
        // History pages may come with either already: compare against the stripped form too.
        let lf: Vec<u8> = seed
            .bytes
            .strip_prefix(b"\xef\xbb\xbf")
            .unwrap_or(&seed.bytes)
            .iter()
            .copied()
            .filter(|&b| b != b'\r')
            .collect();
        let base = schema_of(&seed.name, &lf);
        assert!(!base.types().is_empty(), "{}: no types", seed.name);
        for (what, muts) in [
            ("BOM", vec![Mutation::Bom]),
            ("CRLF", vec![Mutation::Crlf]),
            ("BOM and CRLF", vec![Mutation::Crlf, Mutation::Bom]),
        ] {
            let mut bytes = lf.clone();
            for m in muts {
                m.apply(&mut bytes);
            }
            assert_eq!(
                schema_of(&seed.name, &bytes),
                base,
                "{}: {what} changes the schema",
                seed.name
            );
        }
        assert_eq!(clean, base, "{}: as committed vs LF", seed.name);
    }
}

#[test]
fn every_single_byte_truncation_of_the_founding_page_is_handled() {
    let seed = &SEEDS[0];
    let step = if cfg!(debug_assertions) { 7 } else { 1 };
    for cut in (0..=seed.bytes.len()).step_by(step) {
        pipeline(&[(seed.name.clone(), seed.bytes[..cut].to_vec())])
            .unwrap_or_else(|e| panic!("cut at {cut}: {e}"));
    }
}

/// Sizes of the pathological families: a 10k-row table, 5k nested containers, 100k-character
/// lines at the larger size (debug builds stop at a quarter of that).
fn sizes() -> [usize; 2] {
    if cfg!(debug_assertions) {
        [500, 2_500]
    } else {
        [1_000, 10_000]
    }
}

#[test]
fn pathological_pages_of_growing_size_complete() {
    for n in sizes() {
        for (family, page) in pathological(n) {
            let schema = pipeline(&[(format!("{family}.md"), page.into_bytes())])
                .unwrap_or_else(|e| panic!("{family} at {n}: {e}"));
            // What the families must still produce, whatever their size.
            let props = |q: &str| schema.get(q).map_or(0, |t| t.properties.len());
            match family {
                "table rows" => assert_eq!(props("microsoft.graph.big"), n, "{family}"),
                "unmatched rows" => assert_eq!(props("microsoft.graph.t"), n, "{family}"),
                "enum members" => {
                    let e = schema.types().iter().find(|t| t.kind == Kind::Enum);
                    assert_eq!(e.map(|e| e.members.len()), Some(n), "{family}");
                }
                "json keys" => assert_eq!(props("microsoft.graph.j"), n + 1, "{family}"),
                "wide tables" => {
                    let ignored = schema
                        .diagnostics
                        .iter()
                        .filter(|d| {
                            d.code == Code::BadTableRow && d.message.contains("200 columns")
                        })
                        .count();
                    assert_eq!(ignored, n / 100, "{family}");
                }
                "possible values" => {
                    let e = schema.get("microsoft.graph.e").expect("reconstructed enum");
                    assert_eq!(e.members.len(), n, "{family}");
                }
                _ => {}
            }
        }
    }
}

#[test]
fn a_deep_inheritance_chain_is_cut_into_bounded_levels() {
    let depth = if cfg!(debug_assertions) { 100 } else { 1_000 };
    let pages: Vec<(String, Vec<u8>)> = inheritance_chain(depth)
        .into_iter()
        .map(|(name, text)| (name, text.into_bytes()))
        .collect();
    let schema = pipeline(&pages).unwrap();
    assert_eq!(schema.types().len(), depth);
    let deepest = schema
        .types()
        .iter()
        .map(|t| schema.ancestors(&t.qualified_name()).len())
        .max();
    assert_eq!(deepest, Some(MAX_INHERITANCE_DEPTH));
    let cuts = schema
        .diagnostics
        .iter()
        .filter(|d| d.code == Code::InheritanceTooDeep)
        .count();
    assert_eq!(cuts, (depth - 1) / (MAX_INHERITANCE_DEPTH + 1));
}

#[test]
fn mutations_do_what_they_say() {
    let mut page = b"a\nb\n|x|y|\n".to_vec();
    Mutation::HugeTable(2).apply(&mut page);
    assert_eq!(page, b"a\nb\n|x|y|\n|x|y|\n|x|y|\n");
    let mut page = b"a\nb\n".to_vec();
    Mutation::Crlf.apply(&mut page);
    Mutation::Bom.apply(&mut page);
    assert_eq!(page, b"\xef\xbb\xbfa\r\nb\r\n");
    let mut page = b"a\nb\n".to_vec();
    Mutation::Nest(1, Nesting::Comment, 2).apply(&mut page);
    assert_eq!(page, b"a\n<!-- <!-- b --> -->\n");
    let mut page =
        b"<!-- {\"@odata.type\": \"microsoft.graph.x\"} -->\n```json\n{\"a\": 1}\n```\n".to_vec();
    Mutation::RenameType("t").apply(&mut page);
    Mutation::RenameKey("k").apply(&mut page);
    assert_eq!(
        page,
        b"<!-- {\"@odata.type\": \"t\"} -->\n```json\n{\"k\": 1}\n```\n"
    );
    let mut page = b"abc".to_vec();
    Mutation::Truncate(4).apply(&mut page);
    assert_eq!(page, b"a");
    assert!(mutate::CORPUS_SEEDS.len() >= 5);
}
