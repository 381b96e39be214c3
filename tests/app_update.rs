//! `update` driven by actions, without a terminal.

mod common;

use rncp_explorer::app::view::detail;
use rncp_explorer::app::{Action, App, NodeId, Pane, Popup, Selection, Subject, update};

/// A fresh app at 120×40.
fn app() -> App {
    common::app::app_at(120, 40)
}

fn press(app: &mut App, actions: &[Action]) {
    for a in actions {
        update(app, *a);
    }
}

/// Everything the detail pane would show, as plain text.
fn detail_text(app: &App) -> String {
    detail::document(app)
        .iter()
        .map(|l| l.spans.iter().map(|(_, t)| t.as_str()).collect::<String>())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Moves the tree cursor onto `node` (which must be visible) with Up/Down.
fn go_to(app: &mut App, node: NodeId) {
    update(app, Action::Top);
    let index = app
        .tree_rows()
        .iter()
        .position(|r| r.id == node)
        .expect("visible node");
    for _ in 0..index {
        update(app, Action::Down);
    }
    assert_eq!(app.tree_node(), Some(node));
}

fn parcours_index(app: &App, id: &str) -> usize {
    app.fiche()
        .parcours
        .iter()
        .position(|p| p.id == id)
        .unwrap()
}

#[test]
fn starts_on_the_fiche_overview() {
    let app = app();
    assert_eq!(app.focus, Pane::Parcours);
    assert_eq!(app.subject(), Subject::Fiche);
    let text = detail_text(&app);
    assert!(text.contains("RNCP 24759"));
    assert!(
        text.contains("K1802 Développement local"),
        "ROME codes with labels"
    );
    assert!(
        text.contains("ouverte : inconnu"),
        "unknown access routes say so"
    );
    assert!(text.contains("Arrêté du 13 Juillet 2015"));
    assert!(text.contains("http://univ-lille2.fr/ofse"));
}

#[test]
fn moving_in_the_parcours_list_drives_tree_and_detail() {
    let mut app = app();
    update(&mut app, Action::Down);
    assert_eq!(app.selection(), Selection::Parcours(0));
    assert_eq!(app.subject(), Subject::Parcours(0));
    let text = detail_text(&app);
    assert!(text.contains("Types d'emplois (9)"));
    assert!(text.contains("Chef de service communication dans une collectivité"));
    // The tree now holds the whole curriculum: 4 semesters.
    let semesters = app
        .tree_rows()
        .iter()
        .filter(|r| matches!(r.id, NodeId::Semester(_)))
        .count();
    assert_eq!(semesters, 4);
    press(&mut app, &[Action::Bottom]);
    assert_eq!(app.selection(), Selection::Parcours(5));
    press(&mut app, &[Action::Down]);
    assert_eq!(app.selected(), 6, "stays on the last row");
    press(&mut app, &[Action::Top, Action::Up]);
    assert_eq!(app.subject(), Subject::Fiche);
}

#[test]
fn focus_cycles_both_ways_and_arrows_cross_edges() {
    let mut app = app();
    press(&mut app, &[Action::NextPane]);
    assert_eq!(app.focus, Pane::Maquette);
    press(&mut app, &[Action::NextPane, Action::NextPane]);
    assert_eq!(app.focus, Pane::Parcours);
    press(&mut app, &[Action::PrevPane]);
    assert_eq!(app.focus, Pane::Detail);
    press(&mut app, &[Action::Left]);
    assert_eq!(app.focus, Pane::Maquette);
    // On a collapsed top-level node, ← goes back to the parcours pane.
    press(&mut app, &[Action::Top, Action::Left, Action::Left]);
    assert_eq!(app.focus, Pane::Parcours);
    press(&mut app, &[Action::Right]);
    assert_eq!(app.focus, Pane::Maquette);
}

#[test]
fn expand_and_collapse_ues_and_semesters() {
    let mut app = app();
    press(&mut app, &[Action::Down, Action::NextPane]);
    let before = app.tree_rows().len();
    go_to(&mut app, NodeId::Ue(0, 0));
    press(&mut app, &[Action::Right]);
    assert_eq!(
        app.tree_rows().len(),
        before + 4,
        "UE 1 has four course entries"
    );
    press(&mut app, &[Action::Right]);
    assert_eq!(
        app.tree_node(),
        Some(NodeId::Course(0, 0, 0)),
        "→ enters the node"
    );
    press(&mut app, &[Action::Left]);
    assert_eq!(
        app.tree_node(),
        Some(NodeId::Ue(0, 0)),
        "← on a leaf goes to the parent"
    );
    press(&mut app, &[Action::Left]);
    assert_eq!(app.tree_rows().len(), before, "← collapses");
    press(&mut app, &[Action::Activate]);
    assert_eq!(app.tree_rows().len(), before + 4, "Enter toggles");
    go_to(&mut app, NodeId::Semester(0));
    press(&mut app, &[Action::Left]);
    assert!(app.tree_rows().len() < before);
    assert_eq!(app.focus, Pane::Maquette);
}

#[test]
fn each_parcours_keeps_its_own_tree() {
    let mut app = app();
    press(&mut app, &[Action::Down, Action::NextPane]);
    go_to(&mut app, NodeId::Ue(0, 0));
    press(&mut app, &[Action::Right, Action::PrevPane, Action::Down]);
    assert_eq!(app.selection(), Selection::Parcours(1));
    assert!(!app.tree().expanded.contains(&NodeId::Ue(0, 0)));
    press(&mut app, &[Action::Up]);
    assert!(app.tree().expanded.contains(&NodeId::Ue(0, 0)));
}

#[test]
fn semester_detail_lists_ues_and_its_findings() {
    let mut app = app();
    press(&mut app, &[Action::Down, Action::NextPane]);
    go_to(&mut app, NodeId::Semester(0));
    let text = detail_text(&app);
    assert!(text.contains("Semestre 1 · tronc commun"));
    assert!(text.contains("28 / 30 ECTS"));
    assert!(text.contains("UE 2 Enseignements spécialisés · 6 ECTS"));
    assert!(
        text.contains("28 ECTS au lieu de 30"),
        "check finding shown:\n{text}"
    );
    go_to(&mut app, NodeId::Semester(2));
    assert!(detail_text(&app).contains("Aucun constat."));
}

#[test]
fn ue_detail_names_the_other_parcours_that_share_it() {
    let mut app = app();
    let comm = parcours_index(&app, "communication");
    press(&mut app, &[Action::Top]);
    for _ in 0..=comm {
        update(&mut app, Action::Down);
    }
    press(&mut app, &[Action::NextPane]);
    // Semester 3 is the third semester row; UE 8 its second UE.
    go_to(&mut app, NodeId::Ue(2, 1));
    let text = detail_text(&app);
    assert!(text.contains("UE 8 — Politique et action publique locales"));
    assert!(
        text.contains("Autres parcours qui ont cette UE (2)"),
        "{text}"
    );
    assert!(text.contains("Ingénierie de projet en politiques urbaines"));
    // Spelled "locale" there: still the same UE.
    assert!(text.contains("Management des collectivités territoriales"));
    assert!(!text.contains("European Policies"));
}

#[test]
fn course_detail_names_every_parcours_teaching_it() {
    let mut app = app();
    press(&mut app, &[Action::Down, Action::NextPane]);
    go_to(&mut app, NodeId::Ue(2, 0));
    press(&mut app, &[Action::Right, Action::Right]);
    assert_eq!(app.tree_node(), Some(NodeId::Course(2, 0, 0)));
    let text = detail_text(&app);
    assert!(text.contains("Théorie et pratique de la négociation"));
    assert!(text.contains("UE : UE 7 — Initiatives et simulations collectives"));
    assert!(text.contains("Communication publique et démocratie participative · S3 UE 7"));
    assert!(text.contains("European Policies and Project Management · S3 UE 7"));
    // Enter on a leaf moves to the detail pane, which keeps describing the course.
    press(&mut app, &[Action::Activate]);
    assert_eq!(app.focus, Pane::Detail);
    assert_eq!(
        app.subject(),
        Subject::Node(Selection::Parcours(0), NodeId::Course(2, 0, 0))
    );
}

#[test]
fn detail_scroll_is_bounded_and_resets_with_the_subject() {
    let mut app = app();
    press(&mut app, &[Action::Down, Action::PrevPane]);
    assert_eq!(app.focus, Pane::Detail);
    press(&mut app, &[Action::PageDown]);
    assert!(app.view().detail_scroll > 0);
    press(&mut app, &[Action::Bottom]);
    let bottom = app.view().detail_scroll;
    press(&mut app, &[Action::Down, Action::PageDown]);
    assert_eq!(
        app.view().detail_scroll,
        bottom,
        "cannot scroll past the end"
    );
    press(&mut app, &[Action::NextPane, Action::Down]);
    assert_eq!(app.view().detail_scroll, 0, "new subject starts at the top");
}

#[test]
fn help_popup_takes_the_keys_until_closed() {
    let mut app = app();
    press(&mut app, &[Action::OpenHelp]);
    assert!(matches!(app.popup, Some(Popup::Help { .. })));
    assert_eq!(app.key_mode(), rncp_explorer::app::KeyMode::Help);
    press(&mut app, &[Action::Down, Action::Down]);
    assert_eq!(
        app.selected(),
        0,
        "navigation does not leak under the popup"
    );
    assert!(matches!(app.popup, Some(Popup::Help { .. })));
    // At 80×24 the help scrolls, but only as far as its last screenful.
    update(
        &mut app,
        Action::Resize {
            width: 80,
            height: 24,
        },
    );
    for _ in 0..100 {
        update(&mut app, Action::Down);
    }
    let Some(Popup::Help { scroll }) = app.popup else {
        panic!("help closed")
    };
    let lines = rncp_explorer::app::view::help::lines().len();
    let popup = rncp_explorer::app::view::layout::help_popup(
        ratatui::layout::Rect::new(0, 0, 80, 24),
        lines,
    );
    let shown = usize::from(rncp_explorer::app::view::layout::inner(popup).height);
    assert!(lines > shown);
    assert_eq!(scroll, lines - shown, "scroll stops at the last line");
    update(&mut app, Action::Up);
    assert_eq!(app.popup, Some(Popup::Help { scroll: scroll - 1 }));
    // The jumps scroll it too: top, bottom, a page.
    update(&mut app, Action::Top);
    assert_eq!(app.popup, Some(Popup::Help { scroll: 0 }));
    update(&mut app, Action::PageDown);
    assert_eq!(app.popup, Some(Popup::Help { scroll: shown }));
    update(&mut app, Action::Bottom);
    assert_eq!(app.popup, Some(Popup::Help { scroll }));
    press(&mut app, &[Action::Close]);
    assert_eq!(app.popup, None);
    press(&mut app, &[Action::Quit]);
    assert!(app.should_quit);
}

#[test]
fn mouse_clicks_select_and_wheel_scrolls_the_pane_under_the_pointer() {
    let mut app = app();
    let parcours = app.layout.inner(Pane::Parcours).unwrap();
    // Tall enough for whole names: three lines per parcours, so line 4 is
    // the second parcours' first line (line 0 is the fiche).
    assert_eq!(app.parcours_lines(parcours), 3);
    update(
        &mut app,
        Action::Click {
            column: parcours.x + 2,
            row: parcours.y + 4,
        },
    );
    assert_eq!(app.selection(), Selection::Parcours(1));
    let tree = app.layout.inner(Pane::Maquette).unwrap();
    update(
        &mut app,
        Action::Click {
            column: tree.x + 3,
            row: tree.y + 1,
        },
    );
    assert_eq!(app.focus, Pane::Maquette);
    assert_eq!(app.tree_node(), Some(NodeId::Ue(0, 0)));
    let rows = app.tree_rows().len();
    update(
        &mut app,
        Action::Click {
            column: tree.x + 3,
            row: tree.y + 1,
        },
    );
    assert_eq!(
        app.tree_rows().len(),
        rows + 4,
        "clicking the current row toggles it"
    );
    let detail_pane = app.layout.inner(Pane::Detail).unwrap();
    update(
        &mut app,
        Action::Wheel {
            column: detail_pane.x + 1,
            row: detail_pane.y + 1,
            down: true,
        },
    );
    assert_eq!(
        app.view().detail_scroll,
        0,
        "detail of a short UE does not scroll"
    );
    press(&mut app, &[Action::Top]);
    update(
        &mut app,
        Action::Click {
            column: parcours.x + 2,
            row: parcours.y + 1,
        },
    );
    update(
        &mut app,
        Action::Wheel {
            column: detail_pane.x + 1,
            row: detail_pane.y + 1,
            down: true,
        },
    );
    assert_eq!(app.view().detail_scroll, 3, "a parcours' long detail does");
    // Clicks outside every pane change nothing.
    update(
        &mut app,
        Action::Click {
            column: 500,
            row: 500,
        },
    );
    assert_eq!(app.selection(), Selection::Parcours(0));
}

#[test]
fn narrow_screens_show_one_pane_and_tabs_switch_it() {
    let mut app = app();
    update(
        &mut app,
        Action::Resize {
            width: 60,
            height: 20,
        },
    );
    assert!(app.layout.pane(Pane::Parcours).is_some());
    assert!(app.layout.pane(Pane::Maquette).is_none());
    press(&mut app, &[Action::NextPane]);
    assert!(app.layout.pane(Pane::Maquette).is_some());
    assert!(app.layout.pane(Pane::Parcours).is_none());
    let tabs = app.layout.tabs.unwrap();
    update(
        &mut app,
        Action::Click {
            column: tabs.x + tabs.width - 2,
            row: tabs.y,
        },
    );
    assert_eq!(app.focus, Pane::Detail);
}
