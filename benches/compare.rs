//! The comparison: all fifteen pairs of RNCP 24759, and one full frame of the
//! comparison view at 120×40 (its lines are rebuilt on every frame).

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use rncp_explorer::app::{Action, App, update};
use rncp_explorer::compare::{self, Options, Side};
use rncp_explorer::model;
use rncp_explorer::ui::{self, Theme};

fn all_pairs(c: &mut Criterion) {
    let fiche = model::embedded();
    c.bench_function("compare 15 pairs", |b| {
        b.iter(|| {
            for (i, left) in fiche.parcours.iter().enumerate() {
                for right in &fiche.parcours[i + 1..] {
                    black_box(compare::compare(
                        Side::new(&fiche, left),
                        Side::new(&fiche, right),
                        Options::default(),
                    ));
                }
            }
        })
    });
}

fn view_frame(c: &mut Criterion) {
    let mut app = App::new(model::embedded());
    for action in [
        Action::Resize {
            width: 120,
            height: 40,
        },
        Action::Down,
        Action::OpenCompare,
        Action::Down,
        Action::Activate,
    ] {
        update(&mut app, action);
    }
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    c.bench_function("compare view 120x40", |b| {
        b.iter(|| {
            terminal.clear().unwrap();
            terminal
                .draw(|f| ui::render(f, black_box(&app), &Theme::COLOR))
                .unwrap();
        })
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .sample_size(20)
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(1));
    targets = all_pairs, view_frame
}
criterion_main!(benches);
