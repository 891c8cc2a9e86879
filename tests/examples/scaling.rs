//! How the pipeline scales on pathological pages: each family of `mutate::pathological` at
//! sizes n, 2n, 4n, 8n through parse → schema → emit, best of three runs. Prints the time per
//! size and the fitted exponent k of t ∝ n^k (1.0 = linear, 2.0 = quadratic). Run with `--release`:
//!
//!     cargo run --release -p msgraph-docgen-e2e --example scaling [-- BASE]

use msgraph_docgen::emit::{emit, EmitOptions};
use msgraph_docgen::input::parse_source;
use msgraph_docgen_e2e::mutate::{inheritance_chain, pathological};
use std::time::{Duration, Instant};

fn run(pages: &[(String, String)]) -> usize {
    let parsed: Vec<_> = pages
        .iter()
        .map(|(name, text)| parse_source(name, text.as_bytes()))
        .collect();
    let schema = msgraph_docgen::schema::build(&parsed);
    emit(&schema, &EmitOptions::default()).len()
}

fn best(pages: &[(String, String)]) -> Duration {
    (0..3)
        .map(|_| {
            let start = Instant::now();
            std::hint::black_box(run(pages));
            start.elapsed()
        })
        .min()
        .unwrap_or_default()
}

/// Every family at size `n`, as named page sets: the single pathological pages, and an
/// inheritance chain of `n / 20` pages (each derives from the previous one).
fn families(n: usize) -> Vec<(&'static str, Vec<(String, String)>)> {
    let mut out: Vec<(&'static str, Vec<(String, String)>)> = pathological(n)
        .into_iter()
        .map(|(name, page)| (name, vec![("bench/page.md".to_owned(), page)]))
        .collect();
    out.push(("inheritance chain", inheritance_chain(n / 20)));
    out
}

fn main() {
    let base: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(2_000);
    // `scaling BASE FAMILY`: run one family at 8 × BASE once (for a profiler).
    if let Some(family) = std::env::args().nth(2) {
        for (name, pages) in families(base * 8) {
            if name == family {
                println!("{name}: {:?}", best(&pages));
            }
        }
        return;
    }
    let sizes = [base, base * 2, base * 4, base * 8];
    let runs: Vec<Vec<(&str, usize, Duration)>> = sizes
        .iter()
        .map(|&n| {
            families(n)
                .into_iter()
                .map(|(name, pages)| {
                    let bytes = pages.iter().map(|(_, p)| p.len()).sum();
                    (name, bytes, best(&pages))
                })
                .collect()
        })
        .collect();
    println!(
        "{:<18} {:>10} {:>10} {:>10} {:>10} {:>10}  exponent",
        "family", "bytes(8n)", "t(n)", "t(2n)", "t(4n)", "t(8n)"
    );
    for (i, (name, _, _)) in runs[0].iter().enumerate() {
        let times: Vec<f64> = runs.iter().map(|r| r[i].2.as_secs_f64()).collect();
        let exponent = (times[3] / times[0].max(1e-9)).log2() / 3.0;
        println!(
            "{:<18} {:>10} {:>9.2}ms {:>9.2}ms {:>9.2}ms {:>9.2}ms  {exponent:.2}",
            name,
            runs[3][i].1,
            times[0] * 1e3,
            times[1] * 1e3,
            times[2] * 1e3,
            times[3] * 1e3
        );
    }
}
