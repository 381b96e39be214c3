//! One full frame at 120×40 (the three-pane layout with a parcours selected).

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use rncp_explorer::app::{Action, App, update};
use rncp_explorer::model;
use rncp_explorer::ui::{self, Theme};

fn render_frame(c: &mut Criterion) {
    let mut app = App::new(model::embedded());
    update(
        &mut app,
        Action::Resize {
            width: 120,
            height: 40,
        },
    );
    update(&mut app, Action::Down);
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    c.bench_function("render 120x40", |b| {
        b.iter(|| {
            // Ratatui diffs against the previous frame: clear so every frame is drawn in full.
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
    targets = render_frame
}
criterion_main!(benches);
