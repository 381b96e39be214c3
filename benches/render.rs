//! One full frame: at 120×40 on the real fiche (the three-pane layout with a
//! parcours selected), and over generated fiches of 10 k to 1 M searchable
//! items with the fiche overview selected and the search popup open over it
//! — a frame must cost what is on screen, not what is in the data.

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use rncp_explorer::app::{Action, App, update};
use rncp_explorer::model;
use rncp_explorer::ui::{self, Theme};

#[path = "support/fiche_gen.rs"]
mod fiche_gen;

fn resized(mut app: App) -> App {
    app.build_index_now();
    update(
        &mut app,
        Action::Resize {
            width: 120,
            height: 40,
        },
    );
    app
}

fn draw(c: &mut Criterion, name: BenchmarkId, app: &App) {
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    c.bench_with_input(name, app, |b, app| {
        b.iter(|| {
            // Ratatui diffs against the previous frame: clear so every frame is drawn in full.
            terminal.clear().unwrap();
            terminal
                .draw(|f| ui::render(f, black_box(app), &Theme::COLOR))
                .unwrap();
        })
    });
}

fn render_frame(c: &mut Criterion) {
    let mut app = resized(App::new(model::embedded()));
    update(&mut app, Action::Down);
    draw(c, BenchmarkId::new("render 120x40", "fiche"), &app);
}

/// The fiche overview under the search popup, "ingenieur" typed.
fn large_frames(c: &mut Criterion) {
    let seed = model::embedded();
    for items in [10_000, 100_000, 1_000_000] {
        let mut app = resized(App::new(fiche_gen::generate(&seed, items)));
        update(&mut app, Action::OpenSearch);
        for ch in "ingenieur".chars() {
            update(&mut app, Action::SearchInput(ch));
        }
        draw(c, BenchmarkId::new("frame overview+search", items), &app);
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .sample_size(20)
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(1));
    targets = render_frame, large_frames
}
criterion_main!(benches);
