//! A fresh explorer state on the embedded fiche, without a terminal.

use std::sync::OnceLock;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;

use rncp_explorer::app::{Action, App, update};
use rncp_explorer::model::registry::{self, Date};
use rncp_explorer::model::{self, Catalogue};
use rncp_explorer::ui::{self, Theme};

/// An app sized `width`×`height`. The fiche is parsed and checked once per
/// test binary (slow in debug builds); each call gets its own copy.
pub fn app_at(width: u16, height: u16) -> App {
    static APP: OnceLock<App> = OnceLock::new();
    let mut app = APP
        .get_or_init(|| ready(App::new(model::embedded())))
        .clone();
    update(&mut app, Action::Resize { width, height });
    app
}

/// `app` with its search index built (the event loop builds it off the
/// UI thread; tests apply the same message themselves).
pub fn ready(mut app: App) -> App {
    app.build_index_now();
    app
}

/// One frame of `app` at its size, in the monochrome theme.
pub fn drawn(app: &App) -> Buffer {
    let area = app.layout.area;
    let mut terminal = Terminal::new(TestBackend::new(area.width, area.height)).unwrap();
    terminal
        .draw(|frame| ui::render(frame, app, &Theme::MONOCHROME))
        .unwrap();
    terminal.backend().buffer().clone()
}

/// Where `needle` is drawn on screen (column, row), rendering `app` first.
pub fn drawn_at(app: &App, needle: &str) -> (u16, u16) {
    let area = app.layout.area;
    let buffer = drawn(app);
    for y in 0..area.height {
        let mut line = String::new();
        let mut starts = Vec::new();
        for x in 0..area.width {
            starts.push((line.len(), x));
            line.push_str(buffer[(x, y)].symbol());
        }
        if let Some(at) = line.find(needle) {
            let x = starts.iter().find(|(b, _)| *b == at).unwrap().1;
            return (x, y);
        }
    }
    panic!("{needle:?} is not on screen");
}

/// A left click at a screen cell.
pub fn click(app: &mut App, (column, row): (u16, u16)) {
    update(app, Action::Click { column, row });
}

/// Clicks on the first char of `needle` where it is drawn.
pub fn click_on(app: &mut App, needle: &str) {
    let at = drawn_at(app, needle);
    click(app, at);
}

/// The day the registry tests count validity from (`App::set_today`), so
/// that what they draw does not age.
pub const TODAY: Date = Date {
    y: 2026,
    m: 12,
    d: 1,
};

/// The fixtures at `paths` (relative to the crate) loaded into one
/// catalogue, without the export cache.
pub fn load_uncached(paths: &[&str]) -> Catalogue {
    let options = registry::Options {
        cache: false,
        ..Default::default()
    };
    let paths: Vec<std::path::PathBuf> = paths.iter().map(Into::into).collect();
    model::load_sources(&paths, &options)
        .expect("the fixtures load")
        .catalogue
}
