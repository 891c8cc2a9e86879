//! Whole-tree timing: the pipeline against a bare pulldown-cmark pass over the same bytes, in
//! the same run, single-threaded. `cargo run --release -p msgraph-docgen --example tree_bench -- TREE`
//!
//! Prints the median of 5 runs of each stage and the ratios to the baseline.

use msgraph_docgen::emit::{emit, EmitOptions};
use msgraph_docgen::input::list_pages;
use msgraph_docgen::parse::parse_page;
use pulldown_cmark::{Options, Parser};
use std::path::PathBuf;
use std::time::{Duration, Instant};

fn median(mut runs: Vec<Duration>) -> Duration {
    runs.sort();
    runs[runs.len() / 2]
}

fn time<T>(f: impl Fn() -> T) -> Duration {
    median(
        (0..5)
            .map(|_| {
                let start = Instant::now();
                std::hint::black_box(f());
                start.elapsed()
            })
            .collect(),
    )
}

fn main() {
    let tree: PathBuf = std::env::args_os()
        .nth(1)
        .expect("usage: tree_bench TREE")
        .into();
    let (files, _) = list_pages(&[tree]).expect("readable tree");
    let texts: Vec<(String, String)> = files
        .iter()
        .map(|f| {
            (
                f.display().to_string(),
                std::fs::read_to_string(f).unwrap_or_default(),
            )
        })
        .collect();
    let bytes: usize = texts.iter().map(|(_, t)| t.len()).sum();
    let baseline = time(|| {
        texts
            .iter()
            .map(|(_, t)| Parser::new_ext(t, Options::ENABLE_TABLES).count())
            .sum::<usize>()
    });
    let parse = time(|| {
        texts
            .iter()
            .map(|(p, t)| parse_page(p, t))
            .collect::<Vec<_>>()
    });
    let pages: Vec<_> = texts.iter().map(|(p, t)| parse_page(p, t)).collect();
    let schema_time = time(|| msgraph_docgen::schema::build(&pages));
    let schema = msgraph_docgen::schema::build(&pages);
    let emit_time = time(|| emit(&schema, &EmitOptions::default()));
    let ratio = |d: Duration| d.as_secs_f64() / baseline.as_secs_f64();
    println!("{} pages, {:.1} MB", files.len(), bytes as f64 / 1e6);
    println!(
        "pulldown-cmark pass  {:>8.1} ms  1.00x",
        baseline.as_secs_f64() * 1e3
    );
    println!(
        "parse                {:>8.1} ms  {:.2}x",
        parse.as_secs_f64() * 1e3,
        ratio(parse)
    );
    println!(
        "parse + schema       {:>8.1} ms  {:.2}x",
        (parse + schema_time).as_secs_f64() * 1e3,
        ratio(parse + schema_time)
    );
    println!(
        "parse + schema + emit{:>8.1} ms  {:.2}x",
        (parse + schema_time + emit_time).as_secs_f64() * 1e3,
        ratio(parse + schema_time + emit_time)
    );
}
