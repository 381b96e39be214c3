//! Issue 16, the explorer's load: the loading screen draws its gauge from
//! the shared progress, and a key cancels the load it shows.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use rncp_explorer::app::loading::{Loading, Stop};
use rncp_explorer::model::progress::{Phase, Progress};
use rncp_explorer::model::registry::{self, Options};
use rncp_explorer::ui::{self, Theme};

fn screen(loading: &Loading) -> String {
    let mut terminal = Terminal::new(TestBackend::new(80, 12)).unwrap();
    let theme = Theme::from_env();
    terminal
        .draw(|frame| ui::loading::render(frame, loading, &theme))
        .unwrap();
    let buffer = terminal.backend().buffer();
    (0..buffer.area.height)
        .map(|y| {
            (0..buffer.area.width)
                .map(|x| buffer[(x, y)].symbol())
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn a_load_in_progress_draws_its_gauge_phase_and_bytes() {
    let progress = Progress::new();
    progress.start(Phase::Inflating, 74_000_000);
    progress.advance(18_500_000);
    let loading = Loading::new(progress);
    let text = screen(&loading);
    assert!(text.contains("Ouverture de l'export"), "{text}");
    assert!(text.contains("décompression et lecture"), "{text}");
    assert!(text.contains("18,5 Mo / 74,0 Mo (25 %)"), "{text}");
    assert!(text.contains("q : annuler"), "{text}");
}

#[test]
fn q_and_ctrl_c_cancel_the_load_and_other_keys_do_not() {
    let mut loading = Loading::new(Progress::new());
    loading.key(KeyEvent::new(KeyCode::Char('j'), KeyModifiers::NONE));
    assert!(!loading.progress.is_cancelled());
    assert_eq!(loading.stop, None);
    loading.key(KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE));
    assert!(loading.progress.is_cancelled());
    assert_eq!(loading.stop, Some(Stop::Quit));
    assert!(screen(&loading).contains("annulation…"));

    let mut loading = Loading::new(Progress::new());
    loading.key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL));
    assert_eq!(loading.stop, Some(Stop::Interrupt));
    // The reader sharing that progress stops with the cancel's error.
    let options = Options {
        cache: false,
        progress: Some(loading.progress.clone()),
        ..Options::default()
    };
    let err = registry::read(
        std::path::Path::new("tests/fixtures/registry/export-rncp-sample.xml"),
        &options,
    )
    .unwrap_err();
    assert!(err.is_cancelled(), "{err}");
}
