//! Comparing two certifications over a full-size catalogue: building the
//! picker's filter keys (first `c`), each keystroke of the picker's filter,
//! one comparison, and one frame of the picker and of the view at 120×40.
//!
//! `cargo bench --bench cert_compare` opens the export named by
//! `CERT_BENCH_EXPORT` (default: a 30 500-fiche export generated under
//! `target/registry-bench` by `support/registry_gen.rs`), through a cache in
//! `target/`. Prints medians; results in `docs/benchmarks.md`. A bench binary
//! rather than criterion: the setup (opening 30 000 fiches) takes seconds.

#[path = "support/registry_gen.rs"]
mod registry_gen;

use std::hint::black_box;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use ratatui::Terminal;
use ratatui::backend::TestBackend;

use rncp_explorer::app::cert_compare::fiche_keys;
use rncp_explorer::app::{Action, App, Mode, update};
use rncp_explorer::compare::certs;
use rncp_explorer::model::registry::{Date, Options};
use rncp_explorer::model::{self, Catalogue};
use rncp_explorer::ui::{self, Theme};

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

fn catalogue(benching: bool) -> Catalogue {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target");
    let export = match std::env::var_os("CERT_BENCH_EXPORT") {
        Some(path) => PathBuf::from(path),
        None => {
            let count = if benching { 30_500 } else { 50 };
            registry_gen::ensure(&root.join("registry-bench"), count)
                .expect("generate the export")
                .1
        }
    };
    let options = Options {
        cache: true,
        cache_dir: Some(root.join("cert-bench-cache")),
        ..Options::default()
    };
    model::load_sources(&[export], &options)
        .expect("the export loads")
        .catalogue
}

fn frame(app: &App, terminal: &mut Terminal<TestBackend>) {
    terminal.clear().unwrap();
    terminal
        .draw(|f| ui::render(f, black_box(app), &Theme::COLOR))
        .unwrap();
}

fn main() {
    // `cargo test --benches` runs this binary too, without `--bench`: a smoke run.
    let benching = std::env::args().any(|a| a == "--bench");
    let runs = if benching { 15 } else { 1 };
    let catalogue = catalogue(benching);
    println!("{} fiches", catalogue.len());

    let keys = time(runs, || {
        black_box(fiche_keys(&catalogue));
    });
    println!("clés du filtre (premier c)      {:>9.2} ms", ms(keys));

    // A comparison of two fiches with blocs, and its worst case here: the
    // two fiches with the most blocs.
    let mut by_blocs: Vec<_> = catalogue
        .iter()
        .map(|(id, f)| (f.registry.as_ref().map_or(0, |r| r.blocs.len()), id))
        .collect();
    by_blocs.sort_by_key(|(n, _)| std::cmp::Reverse(*n));
    let (a, b) = (by_blocs[0].1, by_blocs[1].1);
    let today = Date {
        y: 2026,
        m: 12,
        d: 1,
    };
    let one = time(runs * 10, || {
        black_box(certs::compare(
            &catalogue,
            catalogue.get(a),
            catalogue.get(b),
            today,
        ));
    });
    println!(
        "une comparaison ({} et {} blocs)  {:>9.3} ms",
        by_blocs[0].0,
        by_blocs[1].0,
        ms(one)
    );

    let mut app = App::with_catalogue(catalogue);
    app.set_today(today);
    update(
        &mut app,
        Action::Resize {
            width: 120,
            height: 40,
        },
    );
    // `c` on the list: the first picker builds the keys.
    let start = Instant::now();
    update(&mut app, Action::OpenCompare);
    println!(
        "premier c (clés + liste)        {:>9.2} ms",
        ms(start.elapsed())
    );
    update(&mut app, Action::Close);
    let open = time(runs, || {
        update(&mut app, Action::OpenCompare);
        update(&mut app, Action::Close);
    });
    println!("c suivants (ouvrir + fermer)    {:>9.2} ms", ms(open));

    // Each keystroke of a filter typed one character at a time.
    update(&mut app, Action::OpenCompare);
    let mut strokes = Vec::new();
    for _ in 0..runs.max(3) {
        update(&mut app, Action::SearchClear);
        for c in "informatique reseau".chars() {
            let start = Instant::now();
            update(&mut app, Action::SearchInput(c));
            strokes.push(start.elapsed());
        }
    }
    strokes.sort();
    println!(
        "frappe du filtre : médiane {:.2} ms, pire {:.2} ms",
        ms(strokes[strokes.len() / 2]),
        ms(*strokes.last().unwrap())
    );
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    update(&mut app, Action::SearchClear);
    let picker = time(runs * 4, || frame(&app, &mut terminal));
    println!("image du sélecteur 120×40       {:>9.3} ms", ms(picker));

    update(&mut app, Action::Activate);
    assert!(matches!(app.mode, Mode::CertCompare(_)));
    let view = time(runs * 4, || frame(&app, &mut terminal));
    println!("image de la comparaison 120×40  {:>9.3} ms", ms(view));
    let scroll = time(runs * 4, || {
        update(&mut app, Action::PageDown);
    });
    println!(
        "PgSuiv dans la comparaison      {:>9.1} µs",
        ms(scroll) * 1e3
    );
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}
