//! Search speed: per query on the embedded fiche; per keystroke while typing
//! "developpeur web" over generated registry exports (3 000 fiches ≈ 100 k
//! items, 30 500 fiches ≈ the real registry, 1 M items) and "ingenieur projet
//! europ" over a generated fiche of 1 M items; the index's build time and
//! memory. Numbers and how to read them: docs/benchmarks.md.
//!
//! `cargo bench --bench search` runs criterion (short runs), then prints the
//! summaries; `cargo bench --bench search -- summary-only` only the
//! summaries. The exports are read from `$SEARCH_BENCH_DATA` (default
//! `/work/bench-data` when it holds them), else made by
//! `support/registry_gen.rs` under `target/registry-bench/`; scales:
//! `SEARCH_BENCH_SIZES=3000,30500`.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use criterion::{BatchSize, Criterion};

use rncp_explorer::model::{self, Catalogue, registry};
use rncp_explorer::search::{Filter, Mode, Query, SearchIndex, Session};

#[path = "support/fiche_gen.rs"]
mod fiche_gen;
#[path = "support/registry_gen.rs"]
mod registry_gen;

/// Typed one key at a time over the registry.
const TYPED: &str = "developpeur web";
/// Typed over the generated fiche (its words are the embedded fiche's).
const TYPED_FICHE: &str = "ingenieur projet europ";
/// Rows a popup shows, hence highlights, per keystroke.
const ROWS_ON_SCREEN: usize = 20;
/// Results a popup asks for.
const LIMIT: usize = 200;
/// Items of the large generated fiche.
const FICHE_ITEMS: usize = 1_000_000;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    // `cargo bench` passes --bench; `cargo test --benches` does not: then
    // only a smoke run on the embedded fiche.
    let benching = args.iter().any(|a| a == "--bench");
    let fiche = model::embedded();
    let small = SearchIndex::of_fiche(&fiche);
    let mut c = Criterion::default()
        .configure_from_args()
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(1))
        .sample_size(10);
    fiche_queries(&mut c, &small);
    if !benching {
        c.final_summary();
        return;
    }
    let sizes: Vec<usize> = std::env::var("SEARCH_BENCH_SIZES")
        .ok()
        .map(|s| s.split(',').filter_map(|n| n.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![3_000, 30_500]);
    let registries: Vec<(usize, Catalogue)> = sizes.iter().map(|&n| (n, registry(n))).collect();
    if let Some((n, catalogue)) = registries.first() {
        let index = SearchIndex::build(catalogue);
        keystrokes(&mut c, &format!("keystroke_registry_{n}"), &index);
        build(&mut c, &format!("build_registry_{n}"), catalogue);
    }
    c.final_summary();

    fiche_summary(&small);
    for (n, catalogue) in &registries {
        let title = format!("generated registry, {n} fiches");
        let index = build_summary(&title, || SearchIndex::build(catalogue));
        for mode in [Mode::Certifications, Mode::Items] {
            keystroke_summary(&index, TYPED, mode);
        }
    }
    let big = fiche_gen::generate(&fiche, FICHE_ITEMS);
    let title = format!("generated fiche, {FICHE_ITEMS} items");
    let index = build_summary(&title, || SearchIndex::of_fiche(&big));
    for typed in [TYPED_FICHE, TYPED] {
        keystroke_summary(&index, typed, Mode::Items);
    }
}

/// The generated export of `fiches` fiches, loaded (through the export cache).
fn registry(fiches: usize) -> Catalogue {
    let given = std::env::var_os("SEARCH_BENCH_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/work/bench-data"));
    let generated = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/registry-bench");
    let xml = given.join(format!("export-{fiches}.xml"));
    let xml = if xml.exists() {
        xml
    } else {
        registry_gen::ensure(&generated, fiches)
            .expect("generate the export")
            .0
    };
    let options = registry::Options {
        cache: true,
        cache_dir: Some(generated.join(format!("search-cache-{fiches}"))),
        ..registry::Options::default()
    };
    let start = Instant::now();
    let sources = model::load_sources(std::slice::from_ref(&xml), &options)
        .unwrap_or_else(|e| panic!("{}: {e}", xml.display()));
    eprintln!(
        "{}: {} fiches loaded in {:.1?}",
        display(&xml),
        sources.catalogue.len(),
        start.elapsed()
    );
    sources.catalogue
}

fn display(path: &Path) -> String {
    path.display().to_string()
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
/// previous keystrokes), then highlight the rows on screen.
fn keystroke(index: &SearchIndex, session: &mut Session, typed: &str, mode: Mode) -> usize {
    let query = Query::new(typed, Filter::All)
        .with_mode(mode)
        .with_limit(LIMIT);
    let results = session.search(index, &query);
    let items = results.hits.iter().map(|h| h.id);
    let certs = results.certifications.iter().map(|c| c.best);
    let marked: usize = items
        .chain(certs)
        .take(ROWS_ON_SCREEN)
        .map(|id| index.highlight(id, &query).len())
        .sum();
    results.total + results.fiche_total + marked
}

fn prefixes(typed: &str) -> Vec<String> {
    let chars: Vec<char> = typed.chars().collect();
    (1..=chars.len())
        .map(|n| chars[..n].iter().collect())
        .collect()
}

fn keystrokes(c: &mut Criterion, name: &str, index: &SearchIndex) {
    let mut group = c.benchmark_group(name);
    let mut session = Session::new();
    for typed in prefixes(TYPED) {
        let before = session.clone();
        if [1, 3, 11, 15].contains(&typed.len()) {
            group.bench_function(format!("{typed:?}"), |b| {
                b.iter_batched_ref(
                    || before.clone(),
                    |s| keystroke(index, s, &typed, Mode::Certifications),
                    BatchSize::LargeInput,
                )
            });
        }
        keystroke(index, &mut session, &typed, Mode::Certifications);
    }
    group.finish();
}

fn build(c: &mut Criterion, name: &str, catalogue: &Catalogue) {
    let mut group = c.benchmark_group(name);
    group.measurement_time(Duration::from_secs(3));
    group.bench_function("index", |b| b.iter(|| SearchIndex::build(catalogue)));
    group.finish();
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

/// Builds an index three times: wall clock and CPU time (all threads) of
/// the median run, its memory against the folded text it stands for.
fn build_summary(title: &str, build: impl Fn() -> SearchIndex) -> SearchIndex {
    let mut runs: Vec<(Duration, Duration)> = (0..3)
        .map(|_| {
            let (wall, cpu) = (Instant::now(), process_cpu());
            black_box(build());
            (wall.elapsed(), process_cpu().saturating_sub(cpu))
        })
        .collect();
    runs.sort();
    let (wall, cpu) = runs[1];
    let index = build();
    let (heap, folded) = (index.heap_bytes(), index.folded_bytes());
    println!(
        "\n{title}: {} entries; index built in {wall:.2?} (CPU, all threads: {cpu:.2?}); \
         {:.1} MB for {:.1} MB of folded text ({:.2}×)",
        index.len(),
        heap as f64 / 1e6,
        folded as f64 / 1e6,
        heap as f64 / folded.max(1) as f64
    );
    index
}

const RUNS: usize = 11;

/// Types `typed` `RUNS` times from scratch, timing every keystroke: each
/// keystroke's median and worst, then the median and worst over keystrokes;
/// in wall-clock time on all cores (what the user waits), then in CPU time
/// on one thread, which other processes' load on a shared machine inflates
/// less.
fn keystroke_summary(index: &SearchIndex, typed: &str, mode: Mode) {
    let typed = prefixes(typed);
    let matched: Vec<usize> = {
        let mut session = Session::new();
        typed
            .iter()
            .map(|t| {
                let q = Query::new(t, Filter::All).with_mode(mode).with_limit(LIMIT);
                let r = session.search(index, &q);
                r.total + r.fiche_total
            })
            .collect()
    };
    println!("  {mode:?}, typing {:?}:", typed.last().unwrap());
    let wall = time_keystrokes(index, &typed, mode, Instant::now, |start| start.elapsed());
    report("wall clock, all cores", &typed, &matched, &wall);
    let one = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .unwrap();
    if thread_cpu().is_some() {
        let cpu = one.install(|| time_keystrokes(index, &typed, mode, thread_cpu_now, since_cpu));
        report("CPU time, one thread", &typed, &matched, &cpu);
    }
}

fn time_keystrokes<T>(
    index: &SearchIndex,
    typed: &[String],
    mode: Mode,
    now: impl Fn() -> T,
    elapsed: impl Fn(T) -> Duration,
) -> Vec<Vec<Duration>> {
    let mut times = vec![Vec::with_capacity(RUNS); typed.len()];
    for _ in 0..RUNS {
        let mut session = Session::new();
        for (k, t) in typed.iter().enumerate() {
            let start = now();
            black_box(keystroke(index, &mut session, t, mode));
            times[k].push(elapsed(start));
        }
    }
    times
}

fn report(title: &str, typed: &[String], matched: &[usize], times: &[Vec<Duration>]) {
    println!("    {title} ({RUNS} runs):");
    let mut medians = Vec::new();
    let mut worst = Duration::ZERO;
    for ((t, samples), n) in typed.iter().zip(times).zip(matched) {
        let mut samples = samples.clone();
        samples.sort();
        let median = samples[RUNS / 2];
        let max = samples[RUNS - 1];
        worst = worst.max(max);
        medians.push(median);
        println!("      {t:<24} {n:>7} matches   median {median:>9.2?}   max {max:>9.2?}");
    }
    medians.sort();
    println!(
        "      median keystroke {:.2?}; slowest keystroke (its median) {:.2?}; worst single keystroke {:.2?}",
        medians[medians.len() / 2],
        medians[medians.len() - 1],
        worst
    );
}

/// This thread's CPU time, to the nanosecond (`CLOCK_THREAD_CPUTIME_ID`;
/// `/proc/thread-self/schedstat` advances by whole scheduler ticks of 4 ms
/// on this machine, which made most keystrokes read 0).
fn thread_cpu() -> Option<Duration> {
    let mut now = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `now` is a valid timespec for the call to fill.
    let ok = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut now) } == 0;
    ok.then(|| Duration::new(now.tv_sec as u64, now.tv_nsec as u32))
}

fn thread_cpu_now() -> Duration {
    thread_cpu().unwrap_or_default()
}

fn since_cpu(start: Duration) -> Duration {
    thread_cpu_now().saturating_sub(start)
}

/// CPU time of the whole process, all threads (Linux: /proc/self/stat, in
/// clock ticks of 10 ms).
fn process_cpu() -> Duration {
    let Ok(stat) = std::fs::read_to_string("/proc/self/stat") else {
        return Duration::ZERO;
    };
    // Fields after the command name (in parentheses): utime and stime are 14th and 15th.
    let fields: Vec<&str> = stat
        .rsplit_once(')')
        .map(|(_, rest)| rest.split_whitespace().collect())
        .unwrap_or_default();
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|v| v.parse::<u64>().ok())
            .unwrap_or(0)
    };
    Duration::from_millis((ticks(11) + ticks(12)) * 10)
}
