//! Comparing two certifications in the explorer, driven by messages without
//! a terminal: `c` on the fiche list, on a registry fiche, or through the
//! parcours picker's "another certification…"; the picker's filter, the
//! view's scrolling, swap, copy and way back; frames at 80×24 and 120×40.
//! Today is fixed so that "in N days" never ages.

mod common;

use std::sync::OnceLock;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use common::app::TODAY;
use rncp_explorer::app::cert_compare::{Back, CertPicker, CertView};
use rncp_explorer::app::view::compare_lines::Cells;
use rncp_explorer::app::{Action, App, Effect, KeyMode, Mode, Pane, Popup, press, update};
use rncp_explorer::compare::certs;
use rncp_explorer::model::Catalogue;
use rncp_explorer::ui::{self, Theme};

const SAMPLES: [&str; 2] = [
    "tests/fixtures/registry/export-rncp-sample.xml",
    "tests/fixtures/registry/export-rncp-bts-sio-sample.xml",
];

/// The two RNCP samples; with `ron`, the embedded Master's RON file first.
fn catalogue(ron: bool) -> Catalogue {
    static PLAIN: OnceLock<Catalogue> = OnceLock::new();
    static WITH_RON: OnceLock<Catalogue> = OnceLock::new();
    let cell = if ron { &WITH_RON } else { &PLAIN };
    cell.get_or_init(|| {
        let mut paths = SAMPLES.to_vec();
        if ron {
            paths.insert(0, "assets/rncp-24759.ron");
        }
        common::app::load_uncached(&paths)
    })
    .clone()
}

fn app_at(ron: bool, width: u16, height: u16) -> App {
    let mut app = App::with_catalogue(catalogue(ron));
    app.set_today(TODAY);
    update(&mut app, Action::Resize { width, height });
    app
}

/// The fiche list's cursor moved onto `number`.
fn on_list(app: &mut App, number: &str) {
    let id = app.catalogue.lookup(number).expect("in the samples");
    let row = app.catalogue.iter().position(|(i, _)| i == id).unwrap();
    update(app, Action::Top);
    for _ in 0..row {
        update(app, Action::Down);
    }
}

fn typed(app: &mut App, text: &str) {
    for c in text.chars() {
        press(app, &KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
    }
}

fn picker(app: &App) -> &CertPicker {
    match &app.popup {
        Some(Popup::CertPick(p)) => p,
        other => panic!("no certification picker: {other:?}"),
    }
}

fn view(app: &App) -> &CertView {
    match &app.mode {
        Mode::CertCompare(v) => v,
        other => panic!("not comparing certifications: {other:?}"),
    }
}

fn numbers(app: &App) -> (String, String) {
    let v = view(app);
    (
        v.comparison.left.numero.clone(),
        v.comparison.right.numero.clone(),
    )
}

fn offered(app: &App) -> Vec<String> {
    picker(app)
        .rows
        .iter()
        .map(|id| app.catalogue.get(*id).numero().to_string())
        .collect()
}

/// RNCP35340 ↔ RNCP40792 from the fiche list, at `width`×`height`.
fn comparing(width: u16, height: u16) -> App {
    let mut app = app_at(false, width, height);
    on_list(&mut app, "RNCP35340");
    typed(&mut app, "c");
    typed(&mut app, "40792");
    update(&mut app, Action::Activate);
    assert_eq!(numbers(&app), ("RNCP35340".into(), "RNCP40792".into()));
    app
}

fn screen(app: &App) -> String {
    let area = app.layout.area;
    let mut terminal = Terminal::new(TestBackend::new(area.width, area.height)).unwrap();
    terminal
        .draw(|f| ui::render(f, app, &Theme::MONOCHROME))
        .unwrap();
    terminal.backend().to_string()
}

#[test]
fn c_on_the_list_offers_the_replacement_first_and_filters_as_one_types() {
    let mut app = app_at(false, 120, 40);
    on_list(&mut app, "RNCP35340");
    typed(&mut app, "c");
    assert_eq!(app.key_mode(), KeyMode::CertPick);
    let p = picker(&app);
    assert_eq!(app.catalogue.get(p.left).numero().to_string(), "RNCP35340");
    assert_eq!(p.back, Back::Fiches);
    let all = offered(&app);
    assert_eq!(all.len(), app.catalogue.len() - 1, "every other fiche");
    assert_eq!(all[0], "RNCP40792", "its replacement first");
    assert!(!all.contains(&"RNCP35340".to_string()));
    // Letters are the filter (even `q` and `c`), by words of the title in any order.
    typed(&mut app, "concepteur applications");
    assert_eq!(offered(&app), ["RNCP36490", "RNCP37873"]);
    assert!(!app.should_quit);
    update(&mut app, Action::Down);
    assert_eq!(picker(&app).list.selected, 1);
    // Ctrl-W drops the last word; Ctrl-U the whole filter.
    update(&mut app, Action::SearchDeleteWord);
    assert_eq!(picker(&app).filter, "concepteur ");
    assert_eq!(
        picker(&app).list.selected,
        0,
        "a new filter starts at the top"
    );
    update(&mut app, Action::SearchClear);
    assert_eq!(offered(&app).len(), all.len());
    // A number, in any form, finds its fiche.
    typed(&mut app, "rncp37674");
    assert_eq!(offered(&app), ["RNCP37674"]);
    update(&mut app, Action::SearchBackspace);
    assert_eq!(picker(&app).filter, "rncp3767");
    typed(&mut app, "zzz");
    assert!(offered(&app).is_empty());
    // Enter with nothing offered does nothing; Esc cancels.
    update(&mut app, Action::Activate);
    assert_eq!(app.key_mode(), KeyMode::CertPick);
    update(&mut app, Action::Close);
    assert_eq!(app.popup, None);
    assert_eq!(app.mode, Mode::Fiches);
}

#[test]
fn a_paste_goes_into_the_filter_on_one_line() {
    let mut app = app_at(false, 120, 40);
    on_list(&mut app, "RNCP36490");
    typed(&mut app, "c");
    update(
        &mut app,
        rncp_explorer::app::Msg::Paste("RNCP37873\n\u{1b}[2J".to_string()),
    );
    assert_eq!(picker(&app).filter, "RNCP37873 [2J");
    update(&mut app, Action::SearchClear);
    update(&mut app, rncp_explorer::app::Msg::Paste("x".repeat(10_000)));
    assert_eq!(picker(&app).filter.chars().count(), 200);
    update(&mut app, Action::SearchClear);
    update(&mut app, rncp_explorer::app::Msg::Paste("37873".into()));
    assert_eq!(offered(&app), ["RNCP37873"]);
}

#[test]
fn the_view_scrolls_within_bounds_swaps_copies_and_goes_back_to_the_list() {
    let mut app = comparing(120, 40);
    assert_eq!(app.key_mode(), KeyMode::CertCompare);
    update(&mut app, Action::Down);
    update(&mut app, Action::Down);
    assert_eq!(view(&app).scroll, 2);
    update(&mut app, Action::Bottom);
    let lines = rncp_explorer::app::cert_compare::lines(&app, view(&app));
    let rows = rncp_explorer::app::cert_compare::body_rows(&app);
    assert!(rows > 10, "{rows} body rows at 120×40");
    assert_eq!(view(&app).scroll, lines.body.len() - rows);
    update(&mut app, Action::Down);
    assert_eq!(
        view(&app).scroll,
        lines.body.len() - rows,
        "not past the end"
    );
    update(&mut app, Action::Top);
    update(&mut app, Action::PageDown);
    assert_eq!(view(&app).scroll, rows);
    // s: the sides swap, the place is kept.
    update(&mut app, Action::Swap);
    assert_eq!(numbers(&app), ("RNCP40792".into(), "RNCP35340".into()));
    assert_eq!(view(&app).scroll, rows);
    // y: the Markdown of `compare --format markdown`.
    let effects = update(&mut app, Action::Copy);
    let expected = certs::markdown::render(&view(&app).comparison);
    assert!(
        effects.contains(&Effect::Copy(expected.clone())),
        "{effects:?}"
    );
    assert!(expected.starts_with("# RNCP40792 ↔ RNCP35340"));
    // Help over the view closes back to it.
    update(&mut app, Action::OpenHelp);
    assert_eq!(app.key_mode(), KeyMode::Help);
    update(&mut app, Action::Close);
    assert_eq!(app.key_mode(), KeyMode::CertCompare);
    // Esc: back to the list, where it was opened.
    update(&mut app, Action::Close);
    assert_eq!(app.mode, Mode::Fiches);
    assert_eq!(app.key_mode(), KeyMode::Fiches);
}

#[test]
fn c_in_the_view_picks_another_right_side_and_keeps_the_left() {
    let mut app = comparing(120, 40);
    update(&mut app, Action::OpenCompare);
    let p = picker(&app);
    assert_eq!(app.catalogue.get(p.left).numero().to_string(), "RNCP35340");
    // The current right side is preselected.
    assert_eq!(
        p.current()
            .map(|id| app.catalogue.get(id).numero().to_string()),
        Some("RNCP40792".into())
    );
    typed(&mut app, "37674");
    update(&mut app, Action::Activate);
    assert_eq!(numbers(&app), ("RNCP35340".into(), "RNCP37674".into()));
    assert_eq!(view(&app).scroll, 0);
    // Cancelling a new pick leaves the comparison as it was.
    update(&mut app, Action::OpenCompare);
    update(&mut app, Action::Close);
    assert_eq!(numbers(&app), ("RNCP35340".into(), "RNCP37674".into()));
    update(&mut app, Action::Close);
    assert_eq!(app.mode, Mode::Fiches);
}

#[test]
fn c_on_a_registry_fiche_picks_a_certification_and_esc_restores_the_focus() {
    let mut app = app_at(false, 120, 40);
    on_list(&mut app, "RNCP36490");
    update(&mut app, Action::Activate);
    assert_eq!(app.mode, Mode::Browse);
    update(&mut app, Action::Focus(Pane::Maquette));
    // One parcours: nothing of its own to compare, so the certifications.
    update(&mut app, Action::OpenCompare);
    assert_eq!(picker(&app).back, Back::Browse(Pane::Maquette));
    typed(&mut app, "37873");
    update(&mut app, Action::Activate);
    assert_eq!(numbers(&app), ("RNCP36490".into(), "RNCP37873".into()));
    let c = &view(&app).comparison;
    assert_eq!(c.summary.blocs.shared, 0);
    update(&mut app, Action::Close);
    assert_eq!(app.mode, Mode::Browse);
    assert_eq!(app.focus, Pane::Maquette);
    assert_eq!(app.fiche().numero().to_string(), "RNCP36490");
}

#[test]
fn the_parcours_picker_ends_with_another_certification() {
    let mut app = app_at(true, 120, 40);
    on_list(&mut app, "RNCP24759");
    update(&mut app, Action::Activate);
    update(&mut app, Action::Down); // the first parcours
    update(&mut app, Action::OpenCompare);
    let Some(Popup::ComparePick(p)) = &app.popup else {
        panic!("the parcours picker: {:?}", app.popup);
    };
    assert_eq!(p.options.len(), 5);
    assert!(p.other_fiche);
    assert!(screen(&app).contains("Comparer avec une autre certification…"));
    update(&mut app, Action::Bottom);
    update(&mut app, Action::Activate);
    assert_eq!(
        app.catalogue.get(picker(&app).left).numero().to_string(),
        "RNCP24759"
    );
    typed(&mut app, "37674");
    update(&mut app, Action::Activate);
    assert_eq!(numbers(&app), ("RNCP24759".into(), "RNCP37674".into()));
    // The Master has no registry record: its validity is unknown, never "no".
    assert!(!view(&app).comparison.left.registry);
    update(&mut app, Action::Close);
    assert_eq!(app.mode, Mode::Browse);
}

#[test]
fn clicks_pick_a_fiche_and_a_click_outside_cancels() {
    let mut app = comparing(120, 40);
    update(&mut app, Action::OpenCompare);
    update(&mut app, Action::Click { column: 0, row: 0 });
    assert_eq!(app.popup, None);
    update(&mut app, Action::OpenCompare);
    typed(&mut app, "concepteur");
    let area = rncp_explorer::app::view::layout::cert_picker(app.layout.area).unwrap();
    // The second row: RNCP37873.
    update(
        &mut app,
        Action::Click {
            column: area.list.x + 3,
            row: area.list.y + 1,
        },
    );
    assert_eq!(numbers(&app), ("RNCP35340".into(), "RNCP37873".into()));
}

#[test]
fn help_lists_the_comparison_and_picker_keys() {
    let lines = rncp_explorer::app::view::help::lines_for(true);
    let text = format!("{lines:?}");
    for needle in [
        "Comparaison de deux certifications",
        "Choix de la certification à comparer",
        "Comparer la fiche choisie avec une autre certification",
        "Comparer avec cette certification",
    ] {
        assert!(text.contains(needle), "{needle}");
    }
}

#[test]
fn tiny_and_odd_sizes_never_panic() {
    let mut app = comparing(120, 40);
    let draw = |app: &App| {
        let area = app.layout.area;
        let mut terminal = Terminal::new(TestBackend::new(area.width, area.height)).unwrap();
        terminal
            .draw(|f| ui::render(f, app, &Theme::MONOCHROME))
            .unwrap();
    };
    for (w, h) in [
        (0, 0),
        (1, 1),
        (10, 5),
        (39, 12),
        (40, 8),
        (59, 20),
        (60, 10),
        (200, 60),
    ] {
        update(
            &mut app,
            Action::Resize {
                width: w,
                height: h,
            },
        );
        draw(&app);
        update(&mut app, Action::Bottom);
        draw(&app);
        update(&mut app, Action::OpenCompare);
        draw(&app);
        update(&mut app, Action::Down);
        typed(&mut app, "x");
        draw(&app);
        update(&mut app, Action::Close);
    }
}

#[test]
fn snapshot_replacement_at_80x24() {
    let app = comparing(80, 24);
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn snapshot_replacement_at_120x40() {
    let app = comparing(120, 40);
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn snapshot_blocs_of_two_unrelated_fiches_at_120x40() {
    let mut app = app_at(false, 120, 40);
    on_list(&mut app, "RNCP36490");
    typed(&mut app, "c");
    typed(&mut app, "37873");
    update(&mut app, Action::Activate);
    // Down to the blocs.
    let lines = rncp_explorer::app::cert_compare::lines(&app, view(&app));
    let plain = |l: &rncp_explorer::app::view::compare_lines::ViewLine| match &l.cells {
        Cells::Full(w) | Cells::Split(w, _) => {
            w.iter().map(|(_, t)| t.as_str()).collect::<String>()
        }
    };
    let at = lines
        .body
        .iter()
        .position(|l| plain(l).starts_with("Blocs de compétences"))
        .expect("a blocs heading");
    for _ in 0..at {
        update(&mut app, Action::Down);
    }
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn snapshot_picker_at_80x24() {
    let mut app = app_at(false, 80, 24);
    on_list(&mut app, "RNCP35340");
    typed(&mut app, "c");
    typed(&mut app, "servic");
    insta::assert_snapshot!(screen(&app));
}
