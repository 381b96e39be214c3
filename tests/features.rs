//! Issue 14, points 21–24, at the level of `update`/`press` (no terminal)
//! and of the drawn screen: copy (`y`), links (`o`), the findings popup
//! (`!`), expand/collapse all (`*`/`-`). The terminal side (OSC 52, OSC 8,
//! the state file) is in `pty_features.rs`.

mod common;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use rncp_explorer::app::tree::{self, NodeId};
use rncp_explorer::app::view::help::{self, HelpLine};
use rncp_explorer::app::{App, Effect, KeyMode, Mode, Pane, Popup, Selection, Subject, press};
use rncp_explorer::compare;

fn app() -> App {
    common::app::app_at(120, 40)
}

fn key(app: &mut App, c: char) -> Vec<Effect> {
    press(app, &KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
}

fn key_code(app: &mut App, code: KeyCode) -> Vec<Effect> {
    press(app, &KeyEvent::new(code, KeyModifiers::NONE))
}

fn screen(app: &App) -> String {
    let buffer = common::app::drawn(app);
    let area = buffer.area;
    (0..area.height)
        .map(|y| {
            (0..area.width)
                .map(|x| buffer[(x, y)].symbol())
                .collect::<String>()
                .trim_end()
                .to_string()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn copied(effects: &[Effect]) -> &str {
    match effects {
        [Effect::Copy(text)] => text,
        other => panic!("one copy expected, got {other:?}"),
    }
}

// 21 — copy

#[test]
fn y_copies_the_detail_subject_as_plain_text_and_says_how_much() {
    let mut app = app();
    // Communication's detail.
    key(&mut app, 'j');
    let effects = key(&mut app, 'y');
    let text = copied(&effects);
    let name = &app.fiche().parcours[0].name;
    assert!(text.starts_with(name.as_str()), "{text}");
    assert!(text.contains("\n• "), "bullets kept: {text}");
    assert!(
        !text
            .chars()
            .any(|c| c.is_control() && c != '\n' && c != '\t')
    );
    let n = text.chars().count();
    let notice = app.notice.clone().expect("a notice");
    assert!(notice.starts_with("copié : "), "{notice}");
    assert!(notice.ends_with(" caractères"), "{notice}");
    let digits: String = notice.chars().filter(char::is_ascii_digit).collect();
    assert_eq!(digits, n.to_string());
    assert!(screen(&app).contains(&notice), "shown in the status bar");
    // The next key puts the hints back.
    key(&mut app, 'j');
    assert_eq!(app.notice, None);
    assert!(screen(&app).contains("? aide"));
}

#[test]
fn y_on_a_tree_node_copies_that_node() {
    let mut app = app();
    key(&mut app, 'j');
    key_code(&mut app, KeyCode::Tab);
    key(&mut app, 'j');
    let Subject::Node(_, NodeId::Ue(s, u)) = app.subject() else {
        panic!("a UE under the cursor: {:?}", app.subject());
    };
    let sems = tree::semesters(app.fiche(), app.selection());
    let title = tree::ue(&sems, s, u).unwrap().title.clone();
    let effects = key(&mut app, 'y');
    assert!(copied(&effects).contains(&title));
}

#[test]
fn y_in_the_comparison_copies_the_cli_markdown() {
    let mut app = app();
    key(&mut app, 'j');
    key(&mut app, 'c');
    key_code(&mut app, KeyCode::Enter);
    let Mode::Compare(view) = &app.mode else {
        panic!("comparing");
    };
    let fiches = compare::Sides {
        left: app.fiche(),
        right: app.fiche(),
    };
    let expected = compare::markdown::render(fiches, &view.comparison);
    let effects = key(&mut app, 'y');
    assert_eq!(copied(&effects), expected);
    assert!(expected.starts_with("# "));
    assert!(app.notice.as_deref().unwrap().starts_with("copié : "));
}

#[test]
fn nothing_is_copied_from_the_fiche_list_or_a_popup() {
    let mut app = app();
    key(&mut app, '?');
    assert!(key(&mut app, 'y').is_empty());
}

// 22 — links

/// The fiche's detail, scrolled to its end where its links are.
fn fiche_links(app: &mut App) {
    key(app, '3');
    key(app, 'G');
    assert_eq!(app.subject(), Subject::Fiche);
}

#[test]
fn the_fiche_links_are_located_on_screen() {
    let mut app = app();
    fiche_links(&mut app);
    let links = app.visible_links();
    let urls: Vec<&str> = links.iter().map(|l| l.url.as_str()).collect();
    assert!(
        urls.contains(&"http://formations.univ-lille2.fr/"),
        "{urls:?}"
    );
    // Where each is said to be, its text is drawn.
    let buffer = common::app::drawn(&app);
    for l in &links {
        let drawn: String = (l.x..l.x + l.width)
            .map(|x| buffer[(x, l.y)].symbol())
            .collect();
        assert_eq!(drawn, l.url);
    }
    // A popup covers them: none then.
    key(&mut app, '?');
    assert!(app.visible_links().is_empty());
}

#[test]
fn o_opens_the_first_link_then_the_next_round_and_round() {
    let mut app = app();
    fiche_links(&mut app);
    let urls: Vec<String> = app.visible_links().into_iter().map(|l| l.url).collect();
    assert!(urls.len() >= 2, "{urls:?}");
    assert_eq!(key(&mut app, 'o'), [Effect::Open(urls[0].clone())]);
    assert!(app.notice.as_deref().unwrap().contains(&urls[0]));
    assert_eq!(key(&mut app, 'o'), [Effect::Open(urls[1].clone())]);
    for _ in 2..urls.len() {
        key(&mut app, 'o');
    }
    assert_eq!(key(&mut app, 'o'), [Effect::Open(urls[0].clone())]);
    // Another key in between starts again from the first.
    key(&mut app, 'o');
    key(&mut app, 'k');
    assert_eq!(key(&mut app, 'o'), [Effect::Open(urls[0].clone())]);
}

#[test]
fn o_reaches_a_link_the_narrow_pane_cuts() {
    let mut app = common::app::app_at(80, 24);
    fiche_links(&mut app);
    let visible: Vec<String> = app.visible_links().into_iter().map(|l| l.url).collect();
    assert!(!visible.contains(&"http://formations.univ-lille2.fr/".to_string()));
    let mut opened = Vec::new();
    for _ in 0..2 {
        if let [Effect::Open(url)] = &key(&mut app, 'o')[..] {
            opened.push(url.clone());
        }
    }
    assert_eq!(opened[0], visible[0]);
    assert_eq!(opened[1], "http://formations.univ-lille2.fr/");
}

#[test]
fn o_without_a_link_on_screen_takes_the_documents_or_says_there_is_none() {
    let mut app = app();
    // The fiche's detail at its top: the links are further down.
    let effects = key(&mut app, 'o');
    assert!(matches!(&effects[..], [Effect::Open(url)] if url.starts_with("http")));
    // Communication's detail has no link at all.
    key(&mut app, 'j');
    assert!(key(&mut app, 'o').is_empty());
    assert_eq!(app.notice.as_deref(), Some("aucun lien dans le détail"));
}

// 23 — findings

#[test]
fn bang_lists_every_finding_and_escape_closes() {
    let mut app = app();
    key(&mut app, '!');
    assert_eq!(app.key_mode(), KeyMode::Findings);
    let text = screen(&app);
    assert!(
        text.contains(&format!("Constats de la fiche ({})", app.findings().len())),
        "{text}"
    );
    assert!(text.contains("Tronc commun › Semestre 1 · 28 ECTS au lieu de 30"));
    key(&mut app, 'j');
    assert!(matches!(app.popup, Some(Popup::Findings(c)) if c.selected == 1));
    key_code(&mut app, KeyCode::Esc);
    assert_eq!(app.popup, None);
    // `!` toggles, like `?` for the help.
    key(&mut app, '!');
    key(&mut app, '!');
    assert_eq!(app.popup, None);
}

/// Opens the findings popup on the first finding `pred` accepts; its index.
fn on_finding(app: &mut App, pred: impl Fn(&rncp_explorer::check::Finding) -> bool) -> usize {
    let index = app
        .findings()
        .iter()
        .position(pred)
        .expect("such a finding");
    key(app, '!');
    for _ in 0..index {
        key(app, 'j');
    }
    index
}

#[test]
fn enter_on_a_ue_finding_goes_to_that_ue_in_its_parcours_tree() {
    let mut app = app();
    let index = on_finding(&mut app, |f| f.location.ue.is_some());
    let location = app.findings()[index].location.clone();
    key_code(&mut app, KeyCode::Enter);
    assert_eq!(app.popup, None);
    assert_eq!(app.focus, Pane::Maquette);
    let p = app
        .fiche()
        .parcours
        .iter()
        .position(|p| Some(&p.id) == location.parcours.as_ref())
        .unwrap();
    let Subject::Node(Selection::Parcours(sp), NodeId::Ue(s, u)) = app.subject() else {
        panic!("on a UE: {:?}", app.subject());
    };
    assert_eq!(sp, p);
    let sems = tree::semesters(app.fiche(), app.selection());
    assert_eq!(Some(sems[s].semester.number), location.semester);
    assert_eq!(
        Some(&tree::ue(&sems, s, u).unwrap().code),
        location.ue.as_ref()
    );
    assert!(!sems[s].common, "the parcours' own semester");
}

#[test]
fn enter_on_a_common_core_finding_goes_to_the_fiche_tree_and_a_parcours_finding_to_it() {
    let mut app = app();
    on_finding(&mut app, |f| {
        f.location.parcours.is_none() && f.location.semester == Some(2)
    });
    key_code(&mut app, KeyCode::Enter);
    assert_eq!(
        app.subject(),
        Subject::Node(Selection::Fiche, NodeId::Semester(1))
    );
    let index = on_finding(&mut app, |f| {
        f.location.parcours.as_deref() == Some("europe") && f.location.semester.is_none()
    });
    assert!(index > 0);
    key_code(&mut app, KeyCode::Enter);
    let europe = app
        .fiche()
        .parcours
        .iter()
        .position(|p| p.id == "europe")
        .unwrap();
    assert_eq!(app.subject(), Subject::Parcours(europe));
    assert_eq!(app.focus, Pane::Parcours);
}

#[test]
fn a_click_on_a_finding_goes_there_and_outside_closes() {
    let mut app = app();
    key(&mut app, '!');
    common::app::click_on(&mut app, "Europe · 116 ECTS");
    assert_eq!(app.popup, None);
    let europe = app
        .fiche()
        .parcours
        .iter()
        .position(|p| p.id == "europe")
        .unwrap();
    assert_eq!(app.subject(), Subject::Parcours(europe));
    key(&mut app, '!');
    common::app::click(&mut app, (0, 39));
    assert_eq!(app.popup, None);
}

#[test]
fn findings_popup_snapshots() {
    for (w, h) in [(80, 24), (120, 40)] {
        let mut app = common::app::app_at(w, h);
        key(&mut app, '!');
        key(&mut app, 'j');
        insta::assert_snapshot!(format!("findings_{w}x{h}"), screen(&app));
    }
}

#[test]
fn the_help_lists_the_new_keys() {
    let lines = help::lines();
    for k in ["y", "o", "!", "*", "-", "Échap / !"] {
        assert!(
            lines
                .iter()
                .any(|l| matches!(l, HelpLine::Binding { keys, .. } if *keys == k)),
            "{k} missing from the help"
        );
    }
}

// 24 — expand / collapse all

#[test]
fn star_expands_every_node_and_minus_collapses_all_keeping_the_cursor_near() {
    let mut app = app();
    key(&mut app, 'j');
    key_code(&mut app, KeyCode::Tab);
    key(&mut app, 'j');
    let Some(NodeId::Ue(s, u)) = app.tree_node() else {
        panic!("on a UE");
    };
    key(&mut app, '*');
    let sems = tree::semesters(app.fiche(), app.selection());
    let all: usize = sems
        .iter()
        .map(|s| {
            1 + s
                .semester
                .ues
                .iter()
                .map(|u| 1 + u.courses.len())
                .sum::<usize>()
        })
        .sum();
    let semesters = sems.len();
    assert_eq!(app.tree_rows().len(), all);
    assert_eq!(app.tree_node(), Some(NodeId::Ue(s, u)), "cursor kept");
    key(&mut app, '-');
    assert_eq!(app.tree_rows().len(), semesters);
    assert_eq!(
        app.tree_node(),
        Some(NodeId::Semester(s)),
        "to its semester"
    );
    // Each parcours keeps its own expansion.
    key(&mut app, '1');
    key(&mut app, 'j');
    assert!(app.tree_rows().len() > semesters);
}
