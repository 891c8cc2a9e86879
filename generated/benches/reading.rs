//! Reading JSON into the generated types, against a plain serde struct with the same fields
//! that drops unknown properties (the baseline every ratio is taken to, measured in the same
//! run).
//!
//! ```sh
//! cargo bench -p msgraph-types --bench reading
//! ```
//!
//! The document is a Graph collection response of `resetPasscodeActionResult` values, each
//! with its `@odata.type`, every documented property and one the docs do not list. Three
//! readers: the plain struct (`plain`), the generated struct (`generated`, which also keeps
//! `null` apart from absent, the timestamps' text and the unknown property), and the generated
//! `AnyDeviceActionResult` (`any`, which picks the type by `@odata.type`). After divan's table
//! a summary of rounds that call each reader in turn prints each reader's median time and the
//! median of its ratios to `plain` within a round (`DOCGEN_BENCH_NO_SUMMARY=1` skips it).

use msgraph_types::{ActionState, AnyDeviceActionResult, ResetPasscodeActionResult};
use serde::Deserialize;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

/// The baseline: the same properties, plain `Option`s, unknown properties dropped.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
#[allow(dead_code)]
struct Plain {
    #[serde(rename = "@odata.type")]
    odata_type: Option<String>,
    action_name: Option<String>,
    action_state: Option<ActionState>,
    start_date_time: Option<String>,
    last_updated_date_time: Option<String>,
    passcode: Option<String>,
    error_code: Option<i32>,
}

/// `{"value": [...]}` of this many items.
const ITEMS: usize = 200;

fn document() -> &'static str {
    static DOCUMENT: OnceLock<String> = OnceLock::new();
    DOCUMENT.get_or_init(|| {
        let items: Vec<String> = (0..ITEMS)
            .map(|i| {
                format!(
                    r##"{{"@odata.type": "#microsoft.graph.resetPasscodeActionResult", "actionName": "resetPasscode", "actionState": "done", "startDateTime": "2021-07-16T09:{:02}:43.5775965-08:00", "lastUpdatedDateTime": "2021-07-16T10:00:00Z", "passcode": "{i}", "errorCode": {}, "deviceDisplayName": "laptop-{i}"}}"##,
                    i % 60,
                    if i % 2 == 0 { "null".to_owned() } else { i.to_string() }
                )
            })
            .collect();
        format!(r#"{{"value": [{}]}}"#, items.join(", "))
    })
}

#[derive(Deserialize)]
struct Collection<T> {
    value: Vec<T>,
}

fn read<T: serde::de::DeserializeOwned>() -> usize {
    let read: Collection<T> = serde_json::from_str(document()).expect("the document reads");
    read.value.len()
}

#[divan::bench]
fn plain() -> usize {
    read::<Plain>()
}

#[divan::bench]
fn generated() -> usize {
    read::<ResetPasscodeActionResult>()
}

#[divan::bench]
fn any() -> usize {
    read::<AnyDeviceActionResult>()
}

/// A reader's name and its call.
type Reader = (&'static str, fn() -> usize);

/// One timed call of `f`.
fn time(f: fn() -> usize) -> Duration {
    let start = Instant::now();
    divan::black_box(f());
    start.elapsed()
}

/// The median of `values`.
fn median<T: PartialOrd + Copy>(mut values: Vec<T>) -> T {
    values.sort_by(|a, b| a.partial_cmp(b).expect("no NaN"));
    values[values.len() / 2]
}

fn main() {
    divan::main();
    if std::env::var_os("DOCGEN_BENCH_NO_SUMMARY").is_some() {
        return;
    }
    // Rounds of one call of each reader, in an order that rotates from round to round, so that
    // a machine that speeds up or slows down during the run (this project's 2-core machine
    // does, by up to 3×) moves all three alike: each ratio is the median of the ratios
    // within a round, not a ratio of medians taken minutes apart.
    let readers: [Reader; 3] = [("plain", plain), ("generated", generated), ("any", any)];
    let runs = 301;
    let mut times: Vec<Vec<Duration>> = vec![Vec::with_capacity(runs); readers.len()];
    for round in 0..runs {
        for k in 0..readers.len() {
            let i = (round + k) % readers.len();
            times[i].push(time(readers[i].1));
        }
    }
    println!("\nreading {ITEMS} values, {runs} rounds of each reader in turn:");
    println!("  reader     median time  median ratio to plain within a round");
    for (i, (name, _)) in readers.iter().enumerate() {
        let ratios: Vec<f64> = times[i]
            .iter()
            .zip(&times[0])
            .map(|(t, base)| t.as_secs_f64() / base.as_secs_f64())
            .collect();
        println!(
            "  {name:<10} {:>11.2?}  {:.2}×",
            median(times[i].clone()),
            median(ratios)
        );
    }
}
