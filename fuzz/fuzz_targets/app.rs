//! The explorer driven by any sequence of actions, pastes and resizes, and
//! drawn after each at its (random) size: never a panic or an overflow
//! (the fuzz build checks arithmetic), whatever the order.
#![no_main]

use std::sync::OnceLock;

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use rncp_explorer::app::{self, Action, App, Msg};
use rncp_explorer::model;
use rncp_explorer::ui::{self, Theme};

#[derive(Debug, Arbitrary)]
enum Step {
    Key(u8),
    Input(char),
    Resize { width: u8, height: u8 },
    Click { column: u8, row: u8 },
    Wheel { column: u8, row: u8, down: bool },
    Paste(String),
}

fn fresh() -> App {
    static APP: OnceLock<App> = OnceLock::new();
    APP.get_or_init(|| {
        let mut app = App::new(model::embedded());
        app.build_index_now();
        app
    })
    .clone()
}

fn key(n: u8) -> Action {
    const KEYS: [Action; 27] = [
        Action::Up,
        Action::Down,
        Action::Left,
        Action::Right,
        Action::Top,
        Action::Bottom,
        Action::PageUp,
        Action::PageDown,
        Action::NextPane,
        Action::PrevPane,
        Action::Activate,
        Action::OpenHelp,
        Action::OpenCompare,
        Action::Swap,
        Action::OpenSearch,
        Action::SearchBackspace,
        Action::SearchClear,
        Action::SearchDeleteWord,
        Action::CycleFilter,
        Action::Close,
        Action::Down,
        Action::Activate,
        Action::NextLink,
        Action::PrevLink,
        Action::HistoryBack,
        Action::HistoryForward,
        Action::OpenPartners,
    ];
    KEYS[usize::from(n) % KEYS.len()]
}

fuzz_target!(|steps: Vec<Step>| {
    let mut app = fresh();
    app::update(
        &mut app,
        Action::Resize {
            width: 80,
            height: 24,
        },
    );
    for step in steps.iter().take(200) {
        // Effects (search, copy, open) are the loop's: not run here.
        let _effects = match step {
            Step::Key(n) => app::update(&mut app, key(*n)),
            Step::Input(c) => app::update(&mut app, Action::SearchInput(*c)),
            Step::Resize { width, height } => app::update(
                &mut app,
                Action::Resize {
                    width: u16::from(*width),
                    height: u16::from(*height),
                },
            ),
            Step::Click { column, row } => app::update(
                &mut app,
                Action::Click {
                    column: u16::from(*column),
                    row: u16::from(*row),
                },
            ),
            Step::Wheel { column, row, down } => app::update(
                &mut app,
                Action::Wheel {
                    column: u16::from(*column),
                    row: u16::from(*row),
                    down: *down,
                },
            ),
            Step::Paste(text) => app::update(&mut app, Msg::Paste(text.clone())),
        };
        if app.should_quit {
            return;
        }
        let area = app.layout.area;
        let mut terminal = Terminal::new(TestBackend::new(area.width, area.height)).unwrap();
        terminal
            .draw(|frame| ui::render(frame, &app, &Theme::MONOCHROME))
            .unwrap();
    }
});
