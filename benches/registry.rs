//! Opening France Compétences' export at scale: cold open of the `.xml` and of
//! the `.zip` (cache off), and reopen through the cache — to the catalogue with
//! every summary (what the first frame needs), and with every body decoded —
//! at 3 k, 10 k and 30.5 k fiches, on exports made by `support/registry_gen.rs`
//! under `target/`.
//!
//! `cargo bench --bench registry` (sizes: `REGISTRY_BENCH_SIZES=3000,10000`,
//! runs per case: `REGISTRY_BENCH_RUNS=5`). Prints medians; results and method
//! in `docs/benchmarks.md`. A bench binary rather than criterion: one full-size
//! run takes seconds, and criterion's minimum sample count would take minutes.

#[path = "support/registry_gen.rs"]
mod registry_gen;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rncp_explorer::model::registry::{self, Options};

fn median(mut runs: Vec<Duration>) -> Duration {
    runs.sort();
    runs[runs.len() / 2]
}

fn time(runs: usize, mut f: impl FnMut()) -> Duration {
    median(
        (0..runs)
            .map(|_| {
                let start = Instant::now();
                f();
                start.elapsed()
            })
            .collect(),
    )
}

fn open(path: &Path, options: &Options, from_cache: bool) -> usize {
    let loaded = registry::read(path, options).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(loaded.from_cache, from_cache, "{}", path.display());
    loaded.fiches.len()
}

fn main() {
    // `cargo bench` passes `--bench`; `cargo test --benches` runs this binary
    // too, with no `--bench`: then only a tiny smoke run.
    let benching = std::env::args().any(|a| a == "--bench");
    let sizes: Vec<usize> = std::env::var("REGISTRY_BENCH_SIZES")
        .ok()
        .map(|s| s.split(',').filter_map(|n| n.trim().parse().ok()).collect())
        .unwrap_or_else(|| {
            if benching {
                vec![3_000, 10_000, 30_500]
            } else {
                vec![50]
            }
        });
    let runs: usize = std::env::var("REGISTRY_BENCH_RUNS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(if benching { 5 } else { 1 });
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/registry-bench");
    println!(
        "{:>7} {:>9} {:>9} {:>10} {:>10} {:>10} {:>10}",
        "fiches", "xml Mo", "zip Mo", "froid xml", "froid zip", "résumés", "réouverture"
    );
    for count in sizes {
        let (xml, zip) = registry_gen::ensure(&dir, count).expect("generate the export");
        let size = |p: &Path| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0) as f64 / 1e6;
        let cold = Options {
            cache: false,
            ..Options::default()
        };
        let mut fiches = 0;
        let xml_cold = time(runs, || fiches = open(&xml, &cold, false));
        let zip_cold = time(runs, || {
            open(&zip, &cold, false);
        });
        let cache_dir = dir.join(format!("cache-{count}"));
        let _ = std::fs::remove_dir_all(&cache_dir);
        let cached = Options {
            cache: true,
            cache_dir: Some(cache_dir),
            ..Options::default()
        };
        open(&zip, &cached, false);
        let summaries = time(runs, || {
            let opened = registry::open(&zip, &cached).unwrap_or_else(|e| panic!("{e}"));
            let registry::Fiches::Deferred { summaries, .. } = &opened.fiches else {
                panic!("reopened from the cache");
            };
            assert_eq!(summaries.len(), fiches);
        });
        let reopen = time(runs, || {
            open(&zip, &cached, true);
        });
        println!(
            "{:>7} {:>9.1} {:>9.1} {:>9.2}s {:>9.2}s {:>9.3}s {:>9.3}s",
            fiches,
            size(&xml),
            size(&zip),
            xml_cold.as_secs_f64(),
            zip_cold.as_secs_f64(),
            summaries.as_secs_f64(),
            reopen.as_secs_f64()
        );
    }
}
