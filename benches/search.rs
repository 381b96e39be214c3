//! Search speed: per query on the embedded fiche, and per keystroke while
//! typing "ingenieur projet europ" over ~100 000 generated items.
//! Numbers and how to read them: docs/benchmarks.md.
//!
//! `cargo bench --bench search` (a minute or so); after criterion's own
//! report, a keystroke summary (median and worst) is printed.

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{BatchSize, Criterion};

use rncp_explorer::model::{self, Fiche};

#[path = "support/fiche_gen.rs"]
mod fiche_gen;
use fiche_gen::generate;
use rncp_explorer::search::{Filter, Query, SearchIndex, Session};

const TYPED: &str = "ingenieur projet europ";
/// Items the generator makes; variations that fold to the same text are
/// grouped by the index, which ends up with about 100 000 entries.
const GENERATED_ITEMS: usize = 121_000;
/// Rows a popup shows, hence highlights, per keystroke.
const ROWS_ON_SCREEN: usize = 20;
/// Results a popup asks for.
const LIMIT: usize = 200;

fn main() {
    let mut c = Criterion::default()
        .configure_from_args()
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(1))
        .sample_size(10);
    let fiche = model::embedded();
    let small = SearchIndex::of_fiche(&fiche);
    let big_fiche = generate(&fiche, GENERATED_ITEMS);
    let big = SearchIndex::of_fiche(&big_fiche);

    fiche_queries(&mut c, &small);
    keystrokes(&mut c, &big);
    cold_queries(&mut c, &big);
    build(&mut c, &big_fiche);
    c.final_summary();

    // `cargo bench` passes --bench; `cargo test --benches` does not: skip the summary there.
    if std::env::args().any(|a| a == "--bench") {
        // `cargo bench --bench search -- summary-only`: a filter matching no criterion bench, so only this runs.
        fiche_summary(&small);
        keystroke_summary(&big);
    }
}

const FICHE_QUERIES: [&str; 7] = [
    "ingenieur",
    "elu",
    "lobiste",
    "chef cabinet",
    "oeuvre",
    "e",
    "ingenieur projet europ",
];

/// One query on the real fiche, as the CLI runs it (fold the query, search, rank).
fn fiche_queries(c: &mut Criterion, index: &SearchIndex) {
    let mut group = c.benchmark_group("fiche");
    group.sample_size(50);
    for q in FICHE_QUERIES {
        group.bench_function(q, |b| {
            b.iter(|| index.search(&Query::new(black_box(q), Filter::All).with_limit(LIMIT)))
        });
    }
    group.finish();
}

/// What the popup does on a keystroke: search (in a session that saw the
/// previous keystrokes) and highlight the rows on screen.
fn keystroke(index: &SearchIndex, session: &mut Session, typed: &str) -> usize {
    let query = Query::new(typed, Filter::All).with_limit(LIMIT);
    let results = session.search(index, &query);
    let marked: usize = results
        .hits
        .iter()
        .take(ROWS_ON_SCREEN)
        .map(|h| index.highlight(h.id, &query).len())
        .sum();
    results.total + marked
}

/// The session as it stands after typing `prefix`.
fn session_after(index: &SearchIndex, prefix: &str) -> Session {
    let mut session = Session::new();
    let chars: Vec<char> = prefix.chars().collect();
    for n in 1..=chars.len() {
        keystroke(index, &mut session, &chars[..n].iter().collect::<String>());
    }
    session
}

fn prefixes() -> Vec<String> {
    let chars: Vec<char> = TYPED.chars().collect();
    (1..=chars.len())
        .map(|n| chars[..n].iter().collect())
        .collect()
}

fn keystrokes(c: &mut Criterion, index: &SearchIndex) {
    let mut group = c.benchmark_group("keystroke_100k");
    let mut before = String::new();
    for (n, typed) in prefixes().into_iter().enumerate() {
        let session = session_after(index, &before);
        group.bench_function(format!("{:02} {typed:?}", n + 1), |b| {
            b.iter_batched_ref(
                || session.clone(),
                |s| keystroke(index, s, &typed),
                BatchSize::LargeInput,
            )
        });
        before = typed;
    }
    group.finish();
}

/// A query with no session to help (pasted text, or the first keystroke).
fn cold_queries(c: &mut Criterion, index: &SearchIndex) {
    let mut group = c.benchmark_group("cold_100k");
    for q in ["i", "in", "ingenieur", TYPED] {
        group.bench_function(q, |b| {
            b.iter(|| keystroke(index, &mut Session::new(), black_box(q)))
        });
    }
    group.finish();
}

fn build(c: &mut Criterion, fiche: &Fiche) {
    let mut group = c.benchmark_group("build");
    group.measurement_time(Duration::from_secs(3));
    group.bench_function("index_100k", |b| b.iter(|| SearchIndex::of_fiche(fiche)));
    group.finish();
}

/// Types TYPED `RUNS` times from scratch, timing every keystroke, and
/// prints each keystroke's median and worst, then the median and worst over
/// keystrokes: first in wall-clock time on all cores (what the user waits),
/// then in CPU time on one thread, which other processes' load on a shared
/// machine does not inflate (wall time on an idle 2-core machine is about
/// half of it, the scoring being parallel).
fn keystroke_summary(index: &SearchIndex) {
    let typed = prefixes();
    let matched: Vec<usize> = {
        let mut session = Session::new();
        let q = |t: &String| Query::new(t, Filter::All).with_limit(LIMIT);
        typed
            .iter()
            .map(|t| session.search(index, &q(t)).total)
            .collect()
    };
    println!("\nKeystroke summary over {} items:", index.len());
    let wall = time_keystrokes(index, &typed, Instant::now, |start| start.elapsed());
    report("wall clock, all cores", &typed, &matched, &wall);
    let one = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .unwrap();
    if thread_cpu().is_some() {
        let cpu = one.install(|| time_keystrokes(index, &typed, thread_cpu_now, since_cpu));
        report("CPU time, one thread", &typed, &matched, &cpu);
    }
}

/// CPU time per query on the real fiche (one thread: the fiche is below the
/// parallel threshold anyway), averaged over many runs since the kernel
/// accounts CPU time in ticks.
fn fiche_summary(index: &SearchIndex) {
    const N: u32 = 3000;
    if thread_cpu().is_none() {
        return;
    }
    println!(
        "\nFiche queries over {} entries, CPU time per query (mean of {N}):",
        index.len()
    );
    for q in FICHE_QUERIES {
        let start = thread_cpu_now();
        for _ in 0..N {
            black_box(index.search(&Query::new(black_box(q), Filter::All).with_limit(LIMIT)));
        }
        println!("    {q:<24} {:>10.2?}", since_cpu(start) / N);
    }
}

const RUNS: usize = 15;

fn time_keystrokes<T>(
    index: &SearchIndex,
    typed: &[String],
    now: impl Fn() -> T,
    elapsed: impl Fn(T) -> Duration,
) -> Vec<Vec<Duration>> {
    let mut times = vec![Vec::with_capacity(RUNS); typed.len()];
    for _ in 0..RUNS {
        let mut session = Session::new();
        for (k, t) in typed.iter().enumerate() {
            let start = now();
            black_box(keystroke(index, &mut session, t));
            times[k].push(elapsed(start));
        }
    }
    times
}

fn report(title: &str, typed: &[String], matched: &[usize], times: &[Vec<Duration>]) {
    println!("  {title} ({RUNS} runs):");
    let mut medians = Vec::new();
    let mut worst = Duration::ZERO;
    for ((t, samples), n) in typed.iter().zip(times).zip(matched) {
        let mut samples = samples.clone();
        samples.sort();
        let median = samples[RUNS / 2];
        let max = samples[RUNS - 1];
        worst = worst.max(max);
        medians.push(median);
        println!("    {t:<24} {n:>6} matches   median {median:>10.2?}   max {max:>10.2?}");
    }
    medians.sort();
    println!(
        "    median keystroke {:.2?}; slowest keystroke (its median) {:.2?}; worst single keystroke {:.2?}",
        medians[medians.len() / 2],
        medians[medians.len() - 1],
        worst
    );
}

/// This thread's CPU time (Linux: /proc/thread-self/schedstat, in ns).
fn thread_cpu() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns = stat.split_whitespace().next()?.parse().ok()?;
    Some(Duration::from_nanos(ns))
}

fn thread_cpu_now() -> Duration {
    thread_cpu().unwrap_or_default()
}

fn since_cpu(start: Duration) -> Duration {
    thread_cpu_now().saturating_sub(start)
}
