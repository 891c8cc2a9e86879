//! Whole-tree diff timing against the schema build of one tree, in the same run.
//! `cargo run --release -p msgraph-docgen --example diff_bench -- OLD_TREE NEW_TREE`
//!
//! Prints the median of 9 interleaved runs (so load from other processes hits all alike) of:
//! the schema build of OLD (list, read, parse, build: what `msgraph-docgen schema` does), the
//! same for NEW, the whole diff (both builds, the comparison and the text rendering: what
//! `msgraph-docgen diff` does) and the comparison alone, with ratios to the build of OLD. The
//! target is a whole diff of at most about twice one build; it cannot cost less than the two
//! builds it contains.

use msgraph_docgen::diff::{diff, render_text, DiffOptions};
use std::path::PathBuf;
use std::time::{Duration, Instant};

fn median(mut runs: Vec<Duration>) -> Duration {
    runs.sort();
    runs[runs.len() / 2]
}

fn time<T>(f: impl Fn() -> T) -> Duration {
    let start = Instant::now();
    std::hint::black_box(f());
    start.elapsed()
}

fn main() {
    let args: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    let [old, new] = &args[..] else {
        panic!("usage: diff_bench OLD_TREE NEW_TREE");
    };
    let build = |tree: &PathBuf| msgraph_docgen::schema_of(std::slice::from_ref(tree)).unwrap();
    let options = DiffOptions::default();
    let (a, b) = (build(old), build(new));
    let report = diff(&a, &b, &options);

    let (mut one_build, mut new_build, mut whole, mut compare) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for _ in 0..9 {
        one_build.push(time(|| build(old)));
        new_build.push(time(|| build(new)));
        whole.push(time(|| {
            let (a, b) = (build(old), build(new));
            render_text(&diff(&a, &b, &options), false)
        }));
        compare.push(time(|| diff(&a, &b, &options)));
    }
    let (one_build, new_build) = (median(one_build), median(new_build));
    let (whole, compare) = (median(whole), median(compare));

    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    let ratio = |d: Duration| d.as_secs_f64() / one_build.as_secs_f64();
    println!(
        "{} -> {} types; {} changes",
        a.types().len(),
        b.types().len(),
        report.changes.len()
    );
    println!("schema build of OLD  {:>8.1} ms  1.00x", ms(one_build));
    println!(
        "schema build of NEW  {:>8.1} ms  {:.2}x",
        ms(new_build),
        ratio(new_build)
    );
    println!(
        "whole diff           {:>8.1} ms  {:.2}x",
        ms(whole),
        ratio(whole)
    );
    println!(
        "comparison alone     {:>8.1} ms  {:.2}x",
        ms(compare),
        ratio(compare)
    );
}
