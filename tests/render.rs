//! Rendering on ratatui's TestBackend: insta snapshots of the screens a user
//! sees, a no-panic sweep over tiny sizes, and theme/alignment checks.

use std::sync::OnceLock;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::Color;

use rncp_explorer::app::{Action, App, NodeId, update};
use rncp_explorer::model;
use rncp_explorer::ui::{self, Theme};

/// Parsing and checking the fiche once: debug builds are slow at it.
fn fresh() -> App {
    static APP: OnceLock<App> = OnceLock::new();
    APP.get_or_init(|| App::new(model::embedded())).clone()
}

fn app_at(width: u16, height: u16) -> App {
    let mut app = fresh();
    update(&mut app, Action::Resize { width, height });
    app
}

fn draw(app: &App, width: u16, height: u16, theme: Theme) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|f| ui::render(f, app, &theme)).unwrap();
    terminal
}

fn screen(app: &App, width: u16, height: u16) -> String {
    draw(app, width, height, Theme::COLOR).backend().to_string()
}

fn press(app: &mut App, actions: &[Action]) {
    for a in actions {
        update(app, *a);
    }
}

fn buffer_text(buffer: &Buffer) -> String {
    buffer.content().iter().map(|c| c.symbol()).collect()
}

/// Communication › Semestre 3 › UE 8 under the cursor (shared with two other parcours).
fn on_shared_ue(app: &mut App) {
    press(app, &[Action::Down, Action::NextPane, Action::Top]);
    let index = app
        .tree_rows()
        .iter()
        .position(|r| r.id == NodeId::Ue(2, 1))
        .unwrap();
    for _ in 0..index {
        update(app, Action::Down);
    }
}

#[test]
fn snapshot_fiche() {
    for (w, h) in [(80, 24), (120, 40)] {
        let app = app_at(w, h);
        insta::assert_snapshot!(format!("fiche_{w}x{h}"), screen(&app, w, h));
    }
}

#[test]
fn snapshot_parcours() {
    for (w, h) in [(80, 24), (120, 40)] {
        let mut app = app_at(w, h);
        press(&mut app, &[Action::Down]);
        insta::assert_snapshot!(format!("parcours_{w}x{h}"), screen(&app, w, h));
    }
}

#[test]
fn snapshot_ue_shared_with() {
    for (w, h) in [(80, 24), (120, 40)] {
        let mut app = app_at(w, h);
        on_shared_ue(&mut app);
        let text = screen(&app, w, h);
        assert!(text.contains("Autres parcours qui ont"), "{text}");
        insta::assert_snapshot!(format!("ue_shared_{w}x{h}"), text);
    }
}

#[test]
fn snapshot_help() {
    for (w, h) in [(80, 24), (120, 40)] {
        let mut app = app_at(w, h);
        press(&mut app, &[Action::OpenHelp]);
        insta::assert_snapshot!(format!("help_{w}x{h}"), screen(&app, w, h));
    }
}

#[test]
fn snapshot_narrow_single_pane() {
    let mut app = app_at(60, 20);
    press(&mut app, &[Action::Down]);
    insta::assert_snapshot!("narrow_parcours_60x20", screen(&app, 60, 20));
    press(&mut app, &[Action::NextPane]);
    insta::assert_snapshot!("narrow_maquette_60x20", screen(&app, 60, 20));
}

#[test]
fn snapshot_too_small() {
    let app = app_at(30, 10);
    let text = screen(&app, 30, 10);
    assert!(text.contains("Terminal trop petit"));
    insta::assert_snapshot!("too_small_30x10", text);
}

/// Rendering must never panic, whatever the size and the state.
#[test]
fn tiny_sizes_never_panic() {
    let mut states = vec![app_at(10, 10)];
    let mut help = app_at(10, 10);
    press(&mut help, &[Action::OpenHelp]);
    states.push(help);
    let mut deep = app_at(120, 40);
    on_shared_ue(&mut deep);
    press(&mut deep, &[Action::Right, Action::Right, Action::NextPane]);
    states.push(deep);
    for state in &states {
        for w in 0..=12 {
            for h in 0..=12 {
                let mut app = state.clone();
                update(
                    &mut app,
                    Action::Resize {
                        width: w,
                        height: h,
                    },
                );
                draw(&app, w, h, Theme::COLOR);
                draw(&app, w, h, Theme::MONOCHROME);
                // The app may also be drawn at a size it has not been told about yet.
                draw(state, w, h, Theme::COLOR);
            }
        }
    }
    // And every width at the layout thresholds.
    for w in [39, 40, 41, 79, 80, 81, 119, 120, 121, 300] {
        for h in [11, 12, 13] {
            let app = app_at(w, h);
            draw(&app, w, h, Theme::COLOR);
        }
    }
}

#[test]
fn monochrome_theme_emits_no_colour_but_still_marks_the_selection() {
    let mut app = app_at(120, 40);
    press(&mut app, &[Action::Down, Action::OpenHelp, Action::Close]);
    let terminal = draw(&app, 120, 40, Theme::MONOCHROME);
    let buffer = terminal.backend().buffer();
    assert!(
        buffer
            .content()
            .iter()
            .all(|c| c.fg == Color::Reset && c.bg == Color::Reset),
        "NO_COLOR must not emit any colour"
    );
    let reversed = buffer
        .content()
        .iter()
        .filter(|c| c.modifier.contains(ratatui::style::Modifier::REVERSED))
        .count();
    assert!(reversed > 10, "selection and status bar use reverse video");
    let coloured = draw(&app, 120, 40, Theme::COLOR);
    assert!(
        coloured
            .backend()
            .buffer()
            .content()
            .iter()
            .any(|c| c.fg != Color::Reset)
    );
}

#[test]
fn wide_characters_keep_the_borders_aligned() {
    let mut fiche = model::embedded();
    fiche.parcours[0].name = "漢字のパルクール・コミュニケーションと民主主義の実践".into();
    fiche.parcours[0].semesters[0].ues[0].title =
        "Économie 漢字漢字漢字漢字漢字漢字漢字漢字".into();
    let mut app = App::new(fiche);
    update(
        &mut app,
        Action::Resize {
            width: 120,
            height: 40,
        },
    );
    press(&mut app, &[Action::Down]);
    let terminal = draw(&app, 120, 40, Theme::COLOR);
    let buffer = terminal.backend().buffer();
    let text = buffer_text(buffer);
    assert!(text.contains('漢'));
    // Every body row ends with the detail pane's right border in the last column.
    for y in 0..39 {
        let last = buffer[(119, y)].symbol();
        assert!(
            matches!(last, "│" | "┐" | "┘"),
            "row {y} ends with {last:?}"
        );
    }
}
