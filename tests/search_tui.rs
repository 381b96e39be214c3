//! The `/` search popup: `update`-level behaviour and a styled snapshot.

mod common;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::Modifier;

use rncp_explorer::app::search::{Found, SearchPopup};
use rncp_explorer::app::view::{Tone, detail};
use rncp_explorer::app::{Action, App, Effect, Msg, NodeId, Pane, Popup, Subject, update};
use rncp_explorer::search::{Filter, Kind};
use rncp_explorer::ui::{self, Theme};

/// A fresh app at 120×40.
fn app() -> App {
    common::app::app_at(120, 40)
}

fn typed(app: &mut App, text: &str) {
    for c in text.chars() {
        update(app, Action::SearchInput(c));
    }
}

fn popup(app: &App) -> &SearchPopup {
    match &app.popup {
        Some(Popup::Search(p)) => p,
        other => panic!("no search popup: {other:?}"),
    }
}

/// Texts of the results, best first.
fn results(app: &App) -> Vec<String> {
    popup(app)
        .results
        .hits
        .iter()
        .map(|h| app.search.index.entry(h.id).text.clone())
        .collect()
}

fn parcours_index(app: &App, id: &str) -> usize {
    app.fiche()
        .parcours
        .iter()
        .position(|p| p.id == id)
        .unwrap()
}

/// The detail pane's lines drawn as a search target.
fn found_lines(app: &App) -> Vec<String> {
    detail::document(app)
        .iter()
        .filter(|l| l.spans.iter().any(|(t, _)| *t == Tone::Found))
        .map(|l| l.spans.iter().map(|(_, t)| t.as_str()).collect())
        .collect()
}

#[test]
fn slash_opens_an_empty_popup_and_typing_updates_results() {
    let mut app = app();
    update(&mut app, Action::OpenSearch);
    assert!(popup(&app).results.hits.is_empty());
    typed(&mut app, "lobi");
    let first = results(&app);
    typed(&mut app, "ste");
    assert_eq!(results(&app)[0], "lobbyiste");
    assert_ne!(first, results(&app), "every keystroke searches");
}

#[test]
fn enter_jumps_to_the_job_in_its_parcours_and_marks_it() {
    let mut app = app();
    update(&mut app, Action::OpenSearch);
    typed(&mut app, "ingenieur projets europeens");
    update(&mut app, Action::Activate);
    assert!(app.popup.is_none());
    let europe = parcours_index(&app, "europe");
    assert_eq!(app.subject(), Subject::Parcours(europe));
    assert_eq!(app.focus, Pane::Detail);
    assert_eq!(
        app.view().found,
        Some(Found {
            parcours: app.parcours_ref(europe),
            kind: Kind::Job,
            index: 2
        })
    );
    assert_eq!(found_lines(&app), ["ingénieur de projets européens"]);
    assert!(app.view().detail_scroll > 0, "scrolled down to the jobs");
    // Moving elsewhere drops the mark.
    update(&mut app, Action::PrevPane);
    update(&mut app, Action::Down);
    assert_eq!(app.view().found, None);
}

#[test]
fn a_result_in_several_parcours_asks_which_one() {
    let mut app = app();
    update(&mut app, Action::OpenSearch);
    typed(&mut app, "charge d'etudes");
    assert_eq!(results(&app)[0], "Chargé d’études");
    update(&mut app, Action::Activate);
    let picker = popup(&app).picker.clone().expect("picker open");
    let ids: Vec<&str> = picker
        .parcours
        .iter()
        .map(|p| app.fiche().parcours[p.parcours].id.as_str())
        .collect();
    assert_eq!(ids, ["urbain", "recherche"]);
    // Esc goes back to the results, not out of the popup.
    update(&mut app, Action::Close);
    assert!(popup(&app).picker.is_none());
    update(&mut app, Action::Activate);
    update(&mut app, Action::Down);
    update(&mut app, Action::Activate);
    let recherche = parcours_index(&app, "recherche");
    assert!(app.popup.is_none());
    assert_eq!(app.subject(), Subject::Parcours(recherche));
    assert_eq!(found_lines(&app), ["Chargé d’études"]);
}

#[test]
fn a_course_jump_opens_its_ue_in_the_tree() {
    let mut app = app();
    update(&mut app, Action::OpenSearch);
    typed(&mut app, "projets collectifs");
    update(&mut app, Action::Activate);
    assert_eq!(popup(&app).picker.as_ref().unwrap().parcours.len(), 6);
    update(&mut app, Action::Down); // Europe
    update(&mut app, Action::Activate);
    let europe = parcours_index(&app, "europe");
    assert_eq!(app.focus, Pane::Maquette);
    // Europe's curriculum: S1, S2 (common), S3, S4; UE 7 is S3's first UE.
    assert_eq!(app.tree_node(), Some(NodeId::Course(2, 0, 1)));
    match app.subject() {
        Subject::Node(_, NodeId::Course(2, 0, 1)) => {}
        other => panic!("{other:?}"),
    }
    assert_eq!(app.selected(), europe + 1);
    let text: String = detail::document(&app)[0]
        .spans
        .iter()
        .map(|(_, t)| t.as_str())
        .collect();
    assert_eq!(text, "Projets collectifs");
}

#[test]
fn tab_cycles_the_kind_filter() {
    let mut app = app();
    update(&mut app, Action::OpenSearch);
    // "projet": in jobs and in other kinds (issue 12: no scattered letters,
    // so "chef" is in jobs only).
    typed(&mut app, "projet");
    let all = popup(&app).results.total;
    update(&mut app, Action::CycleFilter);
    assert_eq!(popup(&app).filter, Filter::Only(Kind::Job));
    let jobs = &popup(&app).results;
    assert!(jobs.total < all && jobs.total >= 3);
    assert!(
        jobs.hits
            .iter()
            .all(|h| app.search.index.entry(h.id).kind == Kind::Job)
    );
    for _ in 0..6 {
        update(&mut app, Action::CycleFilter);
    }
    assert_eq!(popup(&app).filter, Filter::All);
    assert_eq!(popup(&app).results.total, all);
}

#[test]
fn arrows_move_the_result_cursor_within_bounds() {
    let mut app = app();
    update(&mut app, Action::OpenSearch);
    typed(&mut app, "chef cabinet");
    let n = popup(&app).results.hits.len();
    update(&mut app, Action::Up);
    assert_eq!(popup(&app).list.selected, 0);
    for _ in 0..n + 3 {
        update(&mut app, Action::Down);
    }
    assert_eq!(popup(&app).list.selected, n - 1);
}

#[test]
fn editing_keys_change_the_query_at_the_cursor() {
    let mut app = app();
    update(&mut app, Action::OpenSearch);
    typed(&mut app, "chf cabinet");
    for _ in 0.."f cabinet".len() {
        update(&mut app, Action::Left);
    }
    typed(&mut app, "e");
    assert_eq!(popup(&app).input, "chef cabinet");
    update(&mut app, Action::Bottom);
    update(&mut app, Action::SearchDeleteWord);
    assert_eq!(popup(&app).input, "chef ");
    update(&mut app, Action::SearchBackspace);
    assert_eq!(popup(&app).input, "chef");
    update(&mut app, Action::Left);
    update(&mut app, Action::Right);
    update(&mut app, Action::Right);
    typed(&mut app, "é");
    assert_eq!(popup(&app).input, "chefé");
    update(&mut app, Action::SearchClear);
    assert_eq!(popup(&app).input, "");
    assert!(popup(&app).results.hits.is_empty());
    // Backspace on an empty query does nothing.
    update(&mut app, Action::SearchBackspace);
    assert_eq!(popup(&app).cursor, 0);
}

#[test]
fn esc_closes_without_moving() {
    let mut app = app();
    update(&mut app, Action::Down);
    let (selected, focus) = (app.selected(), app.focus);
    update(&mut app, Action::OpenSearch);
    typed(&mut app, "lobbyiste");
    update(&mut app, Action::Close);
    assert!(app.popup.is_none());
    assert_eq!((app.selected(), app.focus), (selected, focus));
}

#[test]
fn background_mode_drops_answers_to_older_keystrokes() {
    let mut app = app();
    app.search.inline = false;
    update(&mut app, Action::OpenSearch);
    let mut effects = Vec::new();
    for c in "lob".chars() {
        effects.extend(update(&mut app, Action::SearchInput(c)));
    }
    let Some(Effect::Search {
        generation: g1,
        query: q1,
    }) = effects.pop()
    else {
        panic!("a request")
    };
    assert!(
        update(&mut app, Action::Down).is_empty(),
        "a move asks for no search"
    );
    let Some(Effect::Search {
        generation: g2,
        query: q2,
    }) = update(&mut app, Action::SearchInput('b')).pop()
    else {
        panic!("a newer request")
    };
    assert!(g2 > g1);
    assert!(popup(&app).searching());
    // The newer answer lands first; the older one, late, is ignored.
    let index = app.search.index.clone();
    let answer = |generation, query: &rncp_explorer::search::Query| Msg::SearchResults {
        generation,
        results: index.search(query),
    };
    update(&mut app, answer(g2, &q2));
    assert!(!popup(&app).searching());
    let newer = results(&app);
    update(&mut app, answer(g1, &q1));
    assert_eq!(results(&app), newer);
    assert_eq!(newer[0], "lobbyiste");
}

/// The popup over the panes at 80×24, monochrome: the debug form of the
/// buffer lists every styled run, so the matched letters (bold underlined)
/// and the selected row (reversed) are part of the snapshot.
#[test]
fn snapshot_popup_with_highlights() {
    let mut app = app();
    update(
        &mut app,
        Action::Resize {
            width: 80,
            height: 24,
        },
    );
    update(&mut app, Action::OpenSearch);
    typed(&mut app, "elu");
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal
        .draw(|f| ui::render(f, &app, &Theme::MONOCHROME))
        .unwrap();
    let buffer = terminal.backend().buffer().clone();
    let marked = buffer
        .content()
        .iter()
        .filter(|c| c.modifier.contains(Modifier::BOLD | Modifier::UNDERLINED))
        .count();
    assert!(marked >= 3 * 5, "matched letters are marked: {marked}");
    insta::assert_debug_snapshot!("search_popup_elu_80x24", buffer);
}

#[test]
fn the_selected_result_stays_on_screen_after_a_resize() {
    let mut app = app();
    update(&mut app, Action::OpenSearch);
    typed(&mut app, "e");
    for _ in 0..30 {
        update(&mut app, Action::Down);
    }
    update(
        &mut app,
        Action::Resize {
            width: 80,
            height: 24,
        },
    );
    let p = popup(&app);
    assert_eq!(p.list.selected, 30);
    let text = &app
        .search
        .index
        .entry(p.results.hits[p.list.selected].id)
        .text;
    let start: String = text.chars().take(20).collect();
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal
        .draw(|f| ui::render(f, &app, &Theme::COLOR))
        .unwrap();
    let screen = terminal.backend().to_string();
    assert!(screen.contains(&start), "{start:?} not on\n{screen}");
}

#[test]
fn clicking_a_result_goes_to_it() {
    let mut app = app();
    update(&mut app, Action::OpenSearch);
    typed(&mut app, "elu");
    let target = "Directeur ou chef de cabinet d’élu";
    assert_ne!(results(&app)[0], target, "not simply the first result");
    common::app::click_on(&mut app, target);
    assert!(app.popup.is_none());
    let communication = parcours_index(&app, "communication");
    assert_eq!(app.subject(), Subject::Parcours(communication));
    assert_eq!(found_lines(&app), [target]);
}

#[test]
fn clicking_a_kind_filter_selects_it() {
    let mut app = app();
    update(&mut app, Action::OpenSearch);
    typed(&mut app, "elu");
    common::app::click_on(&mut app, "Emplois");
    assert_eq!(popup(&app).filter, Filter::Only(Kind::Job));
    let kinds: Vec<Kind> = popup(&app)
        .results
        .hits
        .iter()
        .map(|h| app.search.index.entry(h.id).kind)
        .collect();
    assert!(!kinds.is_empty() && kinds.iter().all(|k| *k == Kind::Job));
    common::app::click_on(&mut app, "Tout");
    assert_eq!(popup(&app).filter, Filter::All);
}

#[test]
fn clicking_in_the_query_moves_the_text_cursor_there() {
    let mut app = app();
    update(&mut app, Action::OpenSearch);
    typed(&mut app, "chef élu");
    common::app::click_on(&mut app, "élu");
    assert_eq!(popup(&app).cursor, 5);
    typed(&mut app, "cabinet ");
    assert_eq!(popup(&app).input, "chef cabinet élu");
    // Past the end of the text: the end.
    let (x, y) = common::app::drawn_at(&app, "élu");
    common::app::click(&mut app, (x + 10, y));
    assert_eq!(popup(&app).cursor, "chef cabinet élu".chars().count());
}

#[test]
fn the_wheel_moves_the_result_cursor() {
    let mut app = app();
    update(&mut app, Action::OpenSearch);
    typed(&mut app, "e");
    let wheel = |down| Action::Wheel {
        column: 60,
        row: 20,
        down,
    };
    update(&mut app, wheel(true));
    update(&mut app, wheel(true));
    assert_eq!(popup(&app).list.selected, 2);
    update(&mut app, wheel(false));
    assert_eq!(popup(&app).list.selected, 1);
}

#[test]
fn clicking_outside_the_popup_closes_it_without_moving() {
    let mut app = app();
    let before = app.subject();
    update(&mut app, Action::OpenSearch);
    typed(&mut app, "lobiste");
    common::app::click(&mut app, (0, 0));
    assert!(app.popup.is_none());
    assert_eq!(app.subject(), before);
    assert_eq!(app.view().found, None);
}

#[test]
fn in_the_parcours_picker_a_click_chooses_and_outside_goes_back() {
    let mut app = app();
    update(&mut app, Action::OpenSearch);
    typed(&mut app, "charge d'etudes");
    update(&mut app, Action::Activate);
    assert!(popup(&app).picker.is_some());
    common::app::click(&mut app, (0, 0));
    assert!(popup(&app).picker.is_none(), "back to the results");
    update(&mut app, Action::Activate);
    let recherche = parcours_index(&app, "recherche");
    let name = app.fiche().parcours[recherche].name.clone();
    common::app::click_on(&mut app, &name);
    assert!(app.popup.is_none());
    assert_eq!(app.subject(), Subject::Parcours(recherche));
    assert_eq!(found_lines(&app), ["Chargé d’études"]);
}

#[test]
fn on_a_narrow_screen_the_filter_in_force_stays_visible_and_a_click_moves_on() {
    let mut app = common::app::app_at(40, 12);
    update(&mut app, Action::OpenSearch);
    typed(&mut app, "chef");
    for _ in 0..6 {
        update(&mut app, Action::CycleFilter);
    }
    assert_eq!(popup(&app).filter, Filter::Only(Kind::Course));
    common::app::click_on(&mut app, "Cours ▸");
    assert_eq!(popup(&app).filter, Filter::All, "like Tab: the next filter");
    common::app::click_on(&mut app, "Tout ▸");
    assert_eq!(popup(&app).filter, Filter::Only(Kind::Job));
}

#[test]
fn every_filter_shows_at_80_columns_and_a_long_count_shortens() {
    // The real fiche's lists five times over ("lobbyiste 0"…"lobbyiste 4"):
    // more entries starting with "e" than the popup keeps.
    let mut fiche = rncp_explorer::model::embedded();
    for p in &mut fiche.parcours {
        for list in [
            &mut p.jobs,
            &mut p.competences,
            &mut p.activities,
            &mut p.sectors,
        ] {
            *list = list
                .iter()
                .flat_map(|t| (0..5).map(move |i| format!("{t} {i}")))
                .collect();
        }
    }
    let mut app = common::app::ready(App::new(fiche));
    update(
        &mut app,
        Action::Resize {
            width: 80,
            height: 24,
        },
    );
    update(&mut app, Action::OpenSearch);
    typed(&mut app, "e");
    let p = popup(&app);
    assert!(
        p.results.total > p.results.hits.len(),
        "more than the popup keeps"
    );
    let screen: String = common::app::drawn(&app)
        .content()
        .iter()
        .map(|c| c.symbol())
        .collect();
    for label in [
        "Tout",
        "Emplois",
        "Compétences",
        "Activités",
        "Secteurs",
        "UE",
        "Cours",
    ] {
        assert!(screen.contains(label), "{label}");
    }
    let short = format!("{}/{}", p.results.hits.len(), p.results.total);
    assert!(screen.contains(&short), "{short}");
}
