//! The comparison view rendered on ratatui's TestBackend: snapshots at
//! 120×40 and 80×24 (monochrome theme, so marks must carry the meaning),
//! plus checks a user would notice: both names, aligned columns, marks.

mod common;

use rncp_explorer::app::{self, Action, App};
use rncp_explorer::model::ParcoursRef;

use common::app::app_at;

/// Communication selected, `c`, second option (Urbain), Enter.
fn comparing(width: u16, height: u16) -> App {
    let mut app = app_at(width, height);
    for action in [
        Action::Down,
        Action::OpenCompare,
        Action::Down,
        Action::Activate,
    ] {
        app::update(&mut app, action);
    }
    app
}

fn draw(app: &App) -> String {
    let buffer = common::app::drawn(app);
    let width = usize::from(buffer.area.width);
    buffer
        .content
        .chunks(width)
        .map(|row| {
            let line: String = row.iter().map(|c| c.symbol()).collect();
            line.trim_end().to_string()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Display column of the column separator on each two-column line.
fn separators(screen: &str) -> Vec<usize> {
    use unicode_width::UnicodeWidthStr;
    screen
        .lines()
        // Framed lines only (not the status bar, which has its own "│").
        .filter(|l| l.starts_with('│'))
        .filter_map(|l| {
            // The second " │ " after the frame's own border.
            let inner = l.char_indices().skip(1).find(|(_, c)| *c == '│')?.0;
            l[inner + '│'.len_utf8()..]
                .find(" │ ")
                .map(|at| l[..inner + '│'.len_utf8() + at].width())
        })
        .collect()
}

#[test]
fn comparison_at_120x40() {
    let app = comparing(120, 40);
    let screen = draw(&app);
    assert!(screen.contains("Comparaison : Communication ↔ Urbain"));
    assert!(screen.contains("Communication publique et démocratie"));
    assert!(screen.contains("Ingénierie de projet en politiques urbaines"));
    // The parcours list stays on the left at this width.
    assert!(screen.lines().next().unwrap().starts_with("┌ Parcours"));
    let ue7 = screen
        .lines()
        .find(|l| l.contains("UE 7 Initiatives"))
        .expect("UE 7 row");
    assert!(ue7.contains("│= UE 7 Initiatives"), "{ue7}");
    let seps = separators(&screen);
    assert!(seps.len() > 20, "{screen}");
    assert!(seps.iter().all(|s| *s == seps[0]), "{seps:?}\n{screen}");
    insta::assert_snapshot!(screen);
}

#[test]
fn comparison_at_80x24() {
    let app = comparing(80, 24);
    let screen = draw(&app);
    // Below 100 columns the comparison takes the whole width.
    assert!(
        screen
            .lines()
            .next()
            .unwrap()
            .starts_with("┌ Comparaison : Communication ↔ Urbain")
    );
    assert!(screen.contains("= UE 7 Initiatives"));
    let seps = separators(&screen);
    assert!(seps.iter().all(|s| *s == seps[0]), "{seps:?}\n{screen}");
    insta::assert_snapshot!(screen);
}

#[test]
fn picker_at_80x24() {
    let mut app = app_at(80, 24);
    app::update(&mut app, Action::Down);
    app::update(&mut app, Action::OpenCompare);
    let screen = draw(&app);
    assert!(screen.contains("Comparer « Communication » avec…"));
    assert!(screen.contains("European Policies and Project Management"));
    let picker: Vec<&str> = screen
        .lines()
        .skip_while(|l| !l.contains("Comparer «"))
        .take_while(|l| !l.contains("└"))
        .collect();
    assert!(
        !picker
            .iter()
            .any(|l| l.contains("Communication publique et démocratie")),
        "the current parcours is not offered"
    );
    insta::assert_snapshot!(screen);
}

#[test]
fn stacked_below_60_columns() {
    let mut app = comparing(50, 30);
    // Scroll to the first one-sided UEs: each side's own UE 9, stacked.
    for _ in 0..12 {
        app::update(&mut app, Action::Down);
    }
    let screen = draw(&app);
    assert!(screen.contains("│< Communication publique"), "{screen}");
    assert!(screen.contains("│> Ingénierie de projet"), "{screen}");
    assert!(separators(&screen).is_empty(), "no second column: {screen}");
    insta::assert_snapshot!(screen);
}

#[test]
fn every_size_renders_without_overlap() {
    for (w, h) in [(40, 12), (59, 20), (60, 20), (99, 30), (100, 30), (200, 60)] {
        let app = comparing(w, h);
        let screen = draw(&app);
        assert!(screen.contains("Comparaison"), "{w}×{h}\n{screen}");
        let seps = separators(&screen);
        assert!(seps.iter().all(|s| *s == seps[0]), "{w}×{h}\n{screen}");
    }
}

#[test]
fn a_lone_parcours_gets_an_empty_picker_that_says_so() {
    let fiche = rncp_explorer::model::load_file(std::path::Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/minimal.ron"
    )))
    .unwrap();
    let mut app = App::new(fiche);
    for action in [
        Action::Resize {
            width: 80,
            height: 24,
        },
        Action::Down,
        Action::OpenCompare,
    ] {
        app::update(&mut app, action);
    }
    let screen = draw(&app);
    assert!(screen.contains("Comparer « Unique » avec…"), "{screen}");
    assert!(
        screen.contains("Aucun autre parcours dans cette fiche."),
        "{screen}"
    );
}

/// The parcours on each side of the open comparison.
fn sides(app: &App) -> (String, String) {
    let app::Mode::Compare(view) = &app.mode else {
        panic!("not comparing");
    };
    let id = |p: ParcoursRef| app.fiche().parcours[p.parcours].id.clone();
    (id(view.left), id(view.right))
}

#[test]
fn clicking_a_parcours_in_the_list_compares_with_it() {
    let mut app = comparing(120, 40);
    assert_eq!(sides(&app), ("communication".into(), "urbain".into()));
    common::app::click_on(&mut app, "Management des");
    assert_eq!(
        sides(&app),
        ("communication".into(), "collectivites".into())
    );
    assert!(draw(&app).contains("Communication ↔ Collectivités"));
    // The left side's own row changes nothing.
    common::app::click_on(&mut app, "Communication publique");
    assert_eq!(
        sides(&app),
        ("communication".into(), "collectivites".into())
    );
}

/// The comparison's scroll position.
fn scroll(app: &App) -> usize {
    match &app.mode {
        app::Mode::Compare(view) => view.scroll,
        _ => panic!("comparing"),
    }
}

#[test]
fn on_a_small_screen_the_header_scrolls_away_and_content_shows() {
    for (w, h) in [(40, 12), (40, 16)] {
        let mut app = comparing(w, h);
        let text = draw(&app);
        assert!(
            text.contains("< Communication · > Urbain"),
            "{w}×{h}\n{text}"
        );
        assert!(
            text.contains("Maquette"),
            "{w}×{h}: the body starts on screen\n{text}"
        );
        // The full header ends the body.
        app::update(&mut app, Action::Bottom);
        let text = draw(&app);
        assert!(text.contains("total 116|116"), "{w}×{h}:\n{text}");
    }
    // With room, the header stays put above the scrolling body.
    let mut app = comparing(120, 40);
    app::update(&mut app, Action::PageDown);
    assert!(draw(&app).contains("= commun"), "the legend stays");
}

#[test]
fn enter_at_the_bottom_keeps_the_place() {
    let mut app = comparing(120, 40);
    app::update(&mut app, Action::Bottom);
    let bottom = draw(&app);
    let last_line = bottom
        .lines()
        .rev()
        .nth(2)
        .expect("a body line")
        .to_string();
    app::update(&mut app, Action::Activate);
    assert!(scroll(&app) > 0, "not back to the top");
    let after = draw(&app);
    assert!(
        after.contains(last_line.trim_end_matches('│').trim()),
        "{after}"
    );
    // Back: still at the bottom.
    app::update(&mut app, Action::Activate);
    assert_eq!(draw(&app), bottom);
    // From the top, opening shows the opened core.
    app::update(&mut app, Action::Top);
    app::update(&mut app, Action::Activate);
    assert_eq!(scroll(&app), 0);
}
