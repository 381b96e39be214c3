//! Everything reachable from the keyboard (issue 14 points 1, 4, 6, 10):
//! the detail of whatever was last selected scrolls, the narrow layout's
//! panes have their number keys, the search picker takes j/k, and Esc
//! typed fast before a key (sent as Alt-key) closes the popup first.

mod common;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use rncp_explorer::app::{Action, App, KeyMode, Pane, Popup, Subject, press, update};

fn key(app: &mut App, code: KeyCode) {
    press(app, &KeyEvent::new(code, KeyModifiers::NONE));
}

fn chars(app: &mut App, text: &str) {
    for c in text.chars() {
        key(app, KeyCode::Char(c));
    }
}

#[test]
fn tab_to_the_detail_scrolls_the_parcours_last_selected() {
    let mut app = common::app::app_at(120, 40);
    key(&mut app, KeyCode::Char('j'));
    assert_eq!(app.subject(), Subject::Parcours(0));
    key(&mut app, KeyCode::Tab);
    assert_eq!(app.focus, Pane::Maquette);
    assert_eq!(
        app.subject(),
        Subject::Parcours(0),
        "passing through the tree"
    );
    key(&mut app, KeyCode::Tab);
    assert_eq!(app.focus, Pane::Detail);
    assert_eq!(app.subject(), Subject::Parcours(0));
    key(&mut app, KeyCode::PageDown);
    assert!(
        app.view().detail_scroll > 0,
        "the parcours' jobs scroll into view"
    );
    // Moving in the tree makes its node the subject.
    key(&mut app, KeyCode::BackTab);
    key(&mut app, KeyCode::Char('j'));
    assert!(matches!(app.subject(), Subject::Node(..)));
}

#[test]
fn the_fiche_detail_scrolls_to_its_end_by_keyboard() {
    let mut app = common::app::app_at(80, 24);
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Tab);
    assert_eq!((app.focus, app.subject()), (Pane::Detail, Subject::Fiche));
    key(&mut app, KeyCode::Char('G'));
    let bottom = app.view().detail_scroll;
    assert!(bottom > 0);
    key(&mut app, KeyCode::Char('j'));
    assert_eq!(app.view().detail_scroll, bottom, "stops at the last line");
}

#[test]
fn number_keys_reach_each_pane_in_the_narrow_layout() {
    let mut app = common::app::app_at(60, 20);
    key(&mut app, KeyCode::Char('j'));
    key(&mut app, KeyCode::Char('3'));
    assert_eq!(app.focus, Pane::Detail);
    assert!(app.layout.pane(Pane::Detail).is_some(), "on screen");
    assert_eq!(
        app.subject(),
        Subject::Parcours(0),
        "the list item's detail"
    );
    key(&mut app, KeyCode::Char('2'));
    assert_eq!(app.focus, Pane::Maquette);
    assert!(app.layout.pane(Pane::Detail).is_none());
    key(&mut app, KeyCode::Char('1'));
    assert_eq!(app.focus, Pane::Parcours);
}

/// The search popup's picker for "Sociologie politique approfondie" (in all parcours).
fn picking() -> App {
    let mut app = common::app::app_at(120, 40);
    key(&mut app, KeyCode::Char('/'));
    chars(&mut app, "sociologie politique approfondie");
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.key_mode(), KeyMode::SearchPick);
    app
}

fn picker_row(app: &App) -> usize {
    let Some(Popup::Search(popup)) = &app.popup else {
        panic!("search open")
    };
    popup.picker.as_ref().expect("picker open").list.selected
}

#[test]
fn the_parcours_picker_takes_j_and_k_and_offers_no_filter() {
    let mut app = picking();
    key(&mut app, KeyCode::Char('j'));
    key(&mut app, KeyCode::Char('j'));
    assert_eq!(picker_row(&app), 2);
    key(&mut app, KeyCode::Char('k'));
    assert_eq!(picker_row(&app), 1);
    let hints: Vec<&str> =
        rncp_explorer::app::keys::hints(KeyMode::SearchPick, app.focus).collect();
    assert!(!hints.contains(&"Tab filtre"), "{hints:?}");
    assert!(hints.contains(&"Entrée aller"));
    key(&mut app, KeyCode::Enter);
    assert!(app.popup.is_none());
    assert_eq!(app.selected(), 2, "the second parcours (row 2)");
}

#[test]
fn esc_then_slash_typed_fast_reopens_a_fresh_search() {
    let mut app = common::app::app_at(120, 40);
    key(&mut app, KeyCode::Char('/'));
    chars(&mut app, "elu");
    // What the terminal sends for Esc quickly followed by `/`.
    press(
        &mut app,
        &KeyEvent::new(KeyCode::Char('/'), KeyModifiers::ALT),
    );
    let Some(Popup::Search(popup)) = &app.popup else {
        panic!("a new search popup")
    };
    assert_eq!(popup.input, "", "the old query is gone, not appended to");
    // Alt-j in the help: closed, then j moves in the list.
    update(&mut app, Action::Close);
    key(&mut app, KeyCode::Char('?'));
    press(
        &mut app,
        &KeyEvent::new(KeyCode::Char('j'), KeyModifiers::ALT),
    );
    assert!(app.popup.is_none());
    assert_eq!(app.selected(), 1);
}

#[test]
fn a_grouped_result_names_each_parcours_ue() {
    use rncp_explorer::app::view::search::place_label;
    use rncp_explorer::search::{Filter, Kind, Query};
    let app = common::app::app_at(120, 40);
    let index = &app.search.index;
    let hit = index
        .search(&Query::new("stage 12 semaines", Filter::Only(Kind::Course)))
        .hits[0];
    let entry = index.entry(hit.id);
    assert_eq!(entry.text, "Stage (12 semaines minimum)");
    assert_eq!(
        place_label(&app.catalogue, &entry, 200),
        "UE 13 · Communication, Urbain, Humanitaire ; UE 14 · Europe, Collectivités"
    );
    // A common-core course is under one code in every parcours.
    let hit = index
        .search(&Query::new("sociologie politique approfondie", Filter::All))
        .hits[0];
    assert_eq!(
        place_label(&app.catalogue, &index.entry(hit.id), 200),
        "UE 1 · tous les parcours"
    );
}

#[test]
fn shift_tab_steps_back_through_the_search_filters() {
    use rncp_explorer::search::{Filter, Kind};
    let mut app = common::app::app_at(120, 40);
    key(&mut app, KeyCode::Char('/'));
    let filter = |app: &App| match &app.popup {
        Some(Popup::Search(p)) => p.filter,
        _ => panic!("search open"),
    };
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Tab);
    let second = filter(&app);
    press(
        &mut app,
        &KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT),
    );
    assert_eq!(filter(&app), Filter::Only(Kind::ALL[0]));
    press(
        &mut app,
        &KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT),
    );
    assert_eq!(filter(&app), Filter::All);
    press(
        &mut app,
        &KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT),
    );
    assert_eq!(
        filter(&app),
        Filter::Only(*Kind::ALL.last().unwrap()),
        "wraps around"
    );
    assert_ne!(second, Filter::All);
}
