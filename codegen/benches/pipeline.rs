//! parse → schema → emit over a whole docs tree, against a bare pulldown-cmark pass over the
//! same bytes measured in the same run.
//!
//! ```sh
//! cargo bench -p msgraph-docgen --bench pipeline
//! ```
//!
//! The tree is `$DOCGEN_CORPUS/ru-RU/2023-02-03/beta/resources` (the largest; `DOCGEN_CORPUS`
//! defaults to `../shared/corpus` beside the workspace), or `$DOCGEN_CORPUS` itself when it is a
//! tree of pages, else `docs-input/`. divan prints the statistics of each stage; a summary of
//! medians and ratios to the pulldown-cmark pass follows (`DOCGEN_BENCH_RUNS` runs per stage,
//! default 5; `DOCGEN_BENCH_NO_SUMMARY=1` skips it): a floor under any parse that keeps what
//! this one keeps (the cells' text and the JSON blocks copied out, nothing read), each stage
//! alone (schema on a copy of the parsed pages), their sum, and the whole pipeline run end to
//! end as the command runs it, with the median of each of its steps (each stage on the one
//! before's fresh output; timed first, with no schema kept alive).
//! `DOCGEN_BENCH_ONCE=baseline|floor|parse|schema|emit` runs one stage once and nothing else,
//! for profilers; `DOCGEN_BENCH_ONCE=read` only reads the tree, the part every
//! such run shares, to subtract from the others. Everything is single-threaded except the
//! `*_parallel` benches. Like the command, the benchmark allocates with mimalloc (the baseline
//! too).

use msgraph_docgen::emit::{emit, EmitOptions};
use msgraph_docgen::input::list_pages;
use msgraph_docgen::parse::{parse_page, Page};
use msgraph_docgen::schema::{self, Schema};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

/// The allocator of the `msgraph-docgen` command, so that the figures are the command's.
#[global_allocator]
static ALLOCATOR: allocator::Mimalloc = allocator::Mimalloc;

#[path = "../src/bin/msgraph-docgen/allocator.rs"]
mod allocator;

/// The largest tree of the corpus.
const LARGEST: &str = "ru-RU/2023-02-03/beta/resources";

/// The pages of the tree: (path, text).
fn sources() -> &'static [(String, String)] {
    static SOURCES: OnceLock<Vec<(String, String)>> = OnceLock::new();
    SOURCES.get_or_init(|| {
        let tree = tree();
        let (files, _) = list_pages(std::slice::from_ref(&tree)).expect("a readable docs tree");
        files
            .iter()
            .map(|f| {
                let text = std::fs::read_to_string(f).unwrap_or_default();
                (f.display().to_string(), text)
            })
            .collect()
    })
}

fn tree() -> PathBuf {
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let corpus = std::env::var_os("DOCGEN_CORPUS")
        .map_or_else(|| workspace.join("../shared/corpus"), PathBuf::from);
    if corpus.join(LARGEST).is_dir() {
        corpus.join(LARGEST)
    } else if corpus.is_dir() && !corpus.join("README.md").is_file() {
        corpus
    } else {
        eprintln!(
            "corpus not found at {}: benchmarking docs-input/",
            corpus.display()
        );
        workspace.join("docs-input")
    }
}

fn pages() -> &'static [Page] {
    static PAGES: OnceLock<Vec<Page>> = OnceLock::new();
    PAGES.get_or_init(parse_all)
}

/// A schema of the tree, for the emit stage. Built afresh and dropped after use, never kept for
/// the rest of the process: when the summary's emit row kept one, every end-to-end parse timed
/// after it ran about a tenth slower (a kept copy of the parsed pages did not slow it).
fn build_schema() -> Schema {
    schema::build(parse_all())
}

/// The baseline: every event of a GFM pass (tables on), as the parse stage runs it.
fn pulldown_pass() -> usize {
    sources()
        .iter()
        .map(|(_, t)| Parser::new_ext(t, Options::ENABLE_TABLES).count())
        .sum()
}

/// A floor under any parse that keeps what this one keeps: the same GFM pass with offsets,
/// every table cell's text and link targets and every fenced block's text copied out, and the
/// blocks opening with `{` parsed as JSON (strictly: the few whose comments or ellipses the
/// parse stage reads tolerantly fail early; 63 of 2,799 on the ru-RU tree). Nothing of what
/// the cells say is read: no type cells, links, locations or diagnostics.
fn floor_parse() -> Vec<(Vec<String>, Vec<serde_json::Value>)> {
    sources()
        .iter()
        .map(|(_, t)| {
            let (mut cells, mut json) = (Vec::new(), Vec::new());
            let (mut cell, mut code): (Option<String>, Option<String>) = (None, None);
            for (event, _) in Parser::new_ext(t, Options::ENABLE_TABLES).into_offset_iter() {
                match event {
                    Event::Start(Tag::TableCell) => cell = Some(String::new()),
                    Event::End(TagEnd::TableCell) => cells.extend(cell.take()),
                    Event::Start(Tag::CodeBlock(_)) => code = Some(String::new()),
                    Event::End(TagEnd::CodeBlock) => {
                        let text = code.take().unwrap_or_default();
                        if text.trim_start().starts_with('{') {
                            json.extend(serde_json::from_str(&text).ok());
                        }
                    }
                    Event::Start(Tag::Link { dest_url: s, .. })
                    | Event::Text(s)
                    | Event::Code(s) => {
                        if let Some(out) = cell.as_mut().or(code.as_mut()) {
                            out.push_str(&s);
                        }
                    }
                    _ => {}
                }
            }
            (cells, json)
        })
        .collect()
}

fn parse_all() -> Vec<Page> {
    sources().iter().map(|(p, t)| parse_page(p, t)).collect()
}

/// As many threads as cores, each parsing a contiguous share of the pages.
fn parse_parallel() -> Vec<Page> {
    let all = sources();
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let chunk = all.len().div_ceil(threads).max(1);
    std::thread::scope(|s| {
        let handles: Vec<_> = all
            .chunks(chunk)
            .map(|c| s.spawn(move || c.iter().map(|(p, t)| parse_page(p, t)).collect::<Vec<_>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("no panic"))
            .collect()
    })
}

fn pipeline() -> String {
    emit(&schema::build(parse_all()), &EmitOptions::default())
}

/// [`pipeline`], each step timed: parse, schema (dropping the pages included, as it does),
/// emit, and dropping the schema. The output is returned, to be dropped after the clock stops.
fn pipeline_steps() -> ([Duration; 4], String) {
    let start = Instant::now();
    let pages = parse_all();
    let parsed = Instant::now();
    let schema = schema::build(pages);
    let built = Instant::now();
    let out = divan::black_box(emit(&schema, &EmitOptions::default()));
    let emitted = Instant::now();
    drop(schema);
    let dropped = Instant::now();
    let steps = [
        parsed - start,
        built - parsed,
        emitted - built,
        dropped - emitted,
    ];
    (steps, out)
}

#[divan::bench(sample_count = 10, sample_size = 1)]
fn baseline_pulldown_cmark() -> usize {
    pulldown_pass()
}

#[divan::bench(sample_count = 10, sample_size = 1)]
fn stage_parse() -> Vec<Page> {
    parse_all()
}

#[divan::bench(sample_count = 10, sample_size = 1)]
fn stage_parse_parallel() -> Vec<Page> {
    parse_parallel()
}

#[divan::bench(sample_count = 10, sample_size = 1)]
fn stage_schema(bencher: divan::Bencher) {
    // By value, as the command builds: pages are revised in place (copying them is not timed).
    bencher
        .with_inputs(|| pages().to_vec())
        .bench_values(schema::build);
}

#[divan::bench(sample_count = 5, sample_size = 1)]
fn stage_emit(bencher: divan::Bencher) {
    let schema = build_schema();
    bencher.bench(|| emit(&schema, &EmitOptions::default()));
}

#[divan::bench(sample_count = 5, sample_size = 1)]
fn whole_pipeline() -> String {
    pipeline()
}

/// The median time to produce `f`'s result (dropping it is not timed, as divan does).
fn median_of<T>(runs: usize, f: impl Fn() -> T) -> Duration {
    median_with_input(runs, || (), |()| f())
}

/// The median time of `f` on a fresh `input()` (making the input and dropping the result are
/// not timed).
fn median_with_input<I, T>(runs: usize, input: impl Fn() -> I, f: impl Fn(I) -> T) -> Duration {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let input = input();
            let start = Instant::now();
            let out = divan::black_box(f(input));
            let elapsed = start.elapsed();
            drop(out);
            elapsed
        })
        .collect();
    times.sort();
    times[times.len() / 2]
}

/// Medians of each stage and their ratios to the pulldown-cmark pass, all from this run.
fn summary() {
    let runs = std::env::var("DOCGEN_BENCH_RUNS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(5)
        .max(1);
    let bytes: usize = sources().iter().map(|(_, t)| t.len()).sum();
    // As the command runs: each stage on the one before's fresh output, nothing cloned. First,
    // and with no schema kept alive (see [`build_schema`]): the process holds the pages' text
    // and, after divan's benches, the pages `stage_schema` keeps. Each step's median, and the
    // median of the runs' totals.
    let mut steps: Vec<[Duration; 4]> = (0..runs).map(|_| pipeline_steps().0).collect();
    let base = median_of(runs, pulldown_pass);
    let floor = median_of(runs, floor_parse);
    let parse = median_of(runs, parse_all);
    let parallel = median_of(runs, parse_parallel);
    let schema_t = median_with_input(runs, || pages().to_vec(), schema::build);
    let schema = build_schema();
    let emit_t = median_of(runs, || emit(&schema, &EmitOptions::default()));
    drop(schema);
    let whole = {
        let mut totals: Vec<Duration> = steps.iter().map(|s| s.iter().sum()).collect();
        totals.sort();
        totals[totals.len() / 2]
    };
    let mut step = |i: usize| {
        steps.sort_by_key(|s| s[i]);
        steps[steps.len() / 2][i]
    };
    let in_sequence = [step(0), step(1), step(2), step(3)];
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    let ratio = |d: Duration| d.as_secs_f64() / base.as_secs_f64();
    println!(
        "\n{} pages, {:.1} MB from {}; medians of {runs} runs",
        sources().len(),
        bytes as f64 / 1e6,
        tree().display()
    );
    let rows = [
        ("pulldown-cmark pass (baseline)", base),
        ("floor: cells and JSON copied out", floor),
        ("parse", parse),
        ("parse, all cores", parallel),
        ("schema", schema_t),
        ("emit", emit_t),
        ("parse + schema", parse + schema_t),
        ("parse + schema + emit", parse + schema_t + emit_t),
        ("whole pipeline, end to end", whole),
        ("  of which parse", in_sequence[0]),
        ("  of which schema", in_sequence[1]),
        ("  of which emit", in_sequence[2]),
        ("  of which dropping the schema", in_sequence[3]),
    ];
    for (name, d) in rows {
        println!("{name:<32}{:>9.1} ms {:>7.2}x", ms(d), ratio(d));
    }
}

fn main() {
    allocator::keep_freed_memory();
    sources(); // read the tree before timing anything
               // One run of one stage and nothing else, for profilers (`perf stat`, callgrind).
    if let Some(stage) = std::env::var_os("DOCGEN_BENCH_ONCE") {
        match stage.to_str() {
            Some("read") => {}
            Some("baseline") => drop(divan::black_box(pulldown_pass())),
            Some("floor") => drop(divan::black_box(floor_parse())),
            Some("parse") => drop(divan::black_box(parse_all())),
            Some("schema") => drop(divan::black_box(schema::build(parse_all()))),
            Some("emit") => {
                // Not dropped, as the one-off runs before did not drop it: the count is
                // parse, schema and emit, to subtract the `schema` run's from.
                let schema = build_schema();
                drop(divan::black_box(emit(&schema, &EmitOptions::default())));
                std::mem::forget(schema);
            }
            _ => panic!("DOCGEN_BENCH_ONCE: expected read, baseline, floor, parse, schema or emit"),
        }
        return;
    }
    divan::main();
    if std::env::var_os("DOCGEN_BENCH_NO_SUMMARY").is_none() {
        summary();
    }
}
