//! What the explorer's first screen costs on an export, after the load:
//! `cargo run --release --example explorer_open -- FILE [--no-cache]`.
//! Times `App::with_catalogue` (what the first frame waits for once the
//! catalogue is read), the search index build (run off the UI thread by the
//! explorer), one frame of the fiche list, a keystroke of the list's filter
//! and a facet key (each recomputes the rows and the facet counts), and a
//! catalogue search of "developpeur web" typed one key at a time. Medians
//! of a few runs, for `docs/benchmarks.md`.

use std::sync::Arc;
use std::time::{Duration, Instant};

use ratatui::Terminal;
use ratatui::backend::TestBackend;

use rncp_explorer::app::facet_bar::FacetKey;
use rncp_explorer::app::{Action, App, Msg, update};
use rncp_explorer::model::facet_table::{FacetTable, Verdicts};
use rncp_explorer::model::facets::{Dimension, FacetCounts, FacetFilter, Facets};
use rncp_explorer::model::registry::Options;
use rncp_explorer::model::{self};
use rncp_explorer::search::SearchIndex;
use rncp_explorer::ui::{self, Theme};

const RUNS: usize = 5;

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn time<T>(f: impl FnOnce() -> T) -> (Duration, T) {
    let start = Instant::now();
    let out = f();
    (start.elapsed(), out)
}

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage : explorer_open FICHIER [--no-cache]");
        std::process::exit(2);
    };
    let options = Options {
        cache: !args.any(|a| a == "--no-cache"),
        ..Options::default()
    };
    let (load, sources) = time(|| model::load_sources(&[path.clone().into()], &options));
    let catalogue = sources.expect("the export loads").catalogue;
    println!(
        "{} fiches lues en {:.2} s",
        catalogue.len(),
        load.as_secs_f64()
    );

    let mut app_times = Vec::new();
    let mut app = None;
    for _ in 0..RUNS {
        let copy = catalogue.clone();
        let (t, a) = time(|| App::with_catalogue(copy));
        app_times.push(t);
        app = Some(a);
    }
    let mut app = app.expect("runs");
    println!(
        "App::with_catalogue (avant la première image) : {:.1} ms",
        median(app_times).as_secs_f64() * 1e3
    );

    let mut index_times = Vec::new();
    let mut index = None;
    for _ in 0..3 {
        let (t, i) = time(|| SearchIndex::build(&app.catalogue));
        index_times.push(t);
        index = Some(i);
    }
    let index = Arc::new(index.expect("runs"));
    println!(
        "SearchIndex::build (hors du fil de l'interface) : {:.0} ms, {} éléments",
        median(index_times).as_secs_f64() * 1e3,
        index.len()
    );

    update(
        &mut app,
        Action::Resize {
            width: 120,
            height: 40,
        },
    );
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("a test terminal");
    let frame = frame_median(&mut terminal, &app);
    println!(
        "une image de la liste (120×40) : {:.2} ms",
        frame.as_secs_f64() * 1e3
    );

    let all = Facets {
        include_inactive: true,
        ..Facets::default()
    };
    let filter = FacetFilter::new(&all);
    let counts = median(
        (0..RUNS)
            .map(|_| time(|| FacetCounts::compute(&filter, app.catalogue.summaries())).0)
            .collect(),
    );
    println!(
        "FacetCounts::compute sur toutes les fiches : {:.1} ms",
        counts.as_secs_f64() * 1e3
    );
    let (table, facet_table) = time(|| FacetTable::new(app.catalogue.summaries()));
    let verdicts = Verdicts::new(&filter, app.catalogue.summaries());
    let fast = median(
        (0..RUNS)
            .map(|_| time(|| facet_table.counts(&verdicts, 0..facet_table.len())).0)
            .collect(),
    );
    println!(
        "FacetTable::new (une fois par catalogue) : {:.1} ms ; FacetTable::counts sur toutes les fiches : {:.2} ms",
        table.as_secs_f64() * 1e3,
        fast.as_secs_f64() * 1e3
    );

    let mut keystrokes = Vec::new();
    update(&mut app, Action::OpenSearch);
    for c in "developpeur".chars() {
        keystrokes.push(time(|| update(&mut app, Action::SearchInput(c))).0);
    }
    let mut backspaces = Vec::new();
    for _ in 0.."developpeur".len() {
        backspaces.push(time(|| update(&mut app, Action::SearchBackspace)).0);
    }
    update(&mut app, Action::Close);
    println!(
        "filtre de la liste, retour arrière : médiane {:.1} ms, pire {:.1} ms",
        median(backspaces.clone()).as_secs_f64() * 1e3,
        backspaces.iter().max().expect("keys").as_secs_f64() * 1e3
    );
    println!(
        "filtre de la liste, une touche (lignes + comptes des facettes) : médiane {:.1} ms, pire {:.1} ms",
        median(keystrokes.clone()).as_secs_f64() * 1e3,
        keystrokes.iter().max().expect("keys").as_secs_f64() * 1e3
    );
    update(&mut app, Action::Close);
    let facet = median(
        (0..RUNS)
            .map(|_| time(|| update(&mut app, Action::Facet(FacetKey::Cycle(Dimension::Active)))).0)
            .collect(),
    );
    println!(
        "une touche de facette sur tout le catalogue : {:.1} ms",
        facet.as_secs_f64() * 1e3
    );

    let sorts: Vec<Duration> = (0..8)
        .map(|_| time(|| update(&mut app, Action::Swap)).0)
        .collect();
    println!(
        "changer d'ordre (numéro, titre, fin, catalogue), la première fois : {} ; ensuite : {}",
        sorts[..4]
            .iter()
            .map(|t| format!("{:.1} ms", t.as_secs_f64() * 1e3))
            .collect::<Vec<_>>()
            .join(", "),
        sorts[4..]
            .iter()
            .map(|t| format!("{:.1} ms", t.as_secs_f64() * 1e3))
            .collect::<Vec<_>>()
            .join(", ")
    );

    update(&mut app, Msg::IndexReady(index));
    update(&mut app, Action::OpenCatalogueSearch);
    let mut typed = Vec::new();
    for c in "developpeur web".chars() {
        typed.push(time(|| update(&mut app, Action::SearchInput(c))).0);
    }
    let frame = frame_median(&mut terminal, &app);
    println!(
        "recherche par certification « developpeur web », une touche (moteur en ligne) : médiane {:.1} ms, pire {:.1} ms ; image {:.2} ms",
        median(typed.clone()).as_secs_f64() * 1e3,
        typed.iter().max().expect("keys").as_secs_f64() * 1e3,
        frame.as_secs_f64() * 1e3
    );
}

/// The median time of a frame of `app` (over `RUNS * 4` frames).
fn frame_median(terminal: &mut Terminal<TestBackend>, app: &App) -> Duration {
    median(
        (0..RUNS * 4)
            .map(|_| {
                time(|| {
                    terminal
                        .draw(|f| ui::render(f, app, &Theme::COLOR))
                        .expect("drawn");
                })
                .0
            })
            .collect(),
    )
}
