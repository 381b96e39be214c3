//! Following the detail's links and going back and forth, through `update`
//! on the real samples: list → fiche → replacement → back → forward, an
//! absent replacement that is no link, a ROME code narrowing the list, a
//! shared UE's other parcours on the embedded Master, clicks, the trail.

mod common;

use std::sync::OnceLock;

use common::app::TODAY;
use rncp_explorer::app::history::{self, Place};
use rncp_explorer::app::view::detail::Target;
use rncp_explorer::app::{Action, App, Mode, NodeId, Pane, Selection, Subject, update};
use rncp_explorer::model::Catalogue;

const SAMPLES: [&str; 2] = [
    "tests/fixtures/registry/export-rncp-sample.xml",
    "tests/fixtures/registry/export-rs-sample.xml",
];

fn catalogue() -> Catalogue {
    static CATALOGUE: OnceLock<Catalogue> = OnceLock::new();
    CATALOGUE
        .get_or_init(|| common::app::load_uncached(&SAMPLES))
        .clone()
}

/// Both samples at 120×40, on the fiche list.
fn app() -> App {
    let mut app = App::with_catalogue(catalogue());
    app.set_today(TODAY);
    update(
        &mut app,
        Action::Resize {
            width: 120,
            height: 40,
        },
    );
    assert_eq!(app.mode, Mode::Fiches);
    app
}

fn typed(app: &mut App, text: &str) {
    for c in text.chars() {
        update(app, Action::SearchInput(c));
    }
}

/// From the list: filters on `number` and opens the one fiche left.
fn open(app: &mut App, number: &str) {
    update(app, Action::OpenSearch);
    typed(app, number);
    update(app, Action::Close);
    update(app, Action::Activate);
    assert_eq!(app.mode, Mode::Browse);
    assert_eq!(app.fiche().numero().to_string(), number);
}

fn number(app: &App) -> String {
    app.fiche().numero().to_string()
}

/// The detail's links as the pane has them now.
fn links(app: &App) -> Vec<(String, Target)> {
    app.view()
        .detail
        .as_ref()
        .expect("the detail is wrapped")
        .links
        .iter()
        .map(|l| (l.label.clone(), l.target.clone()))
        .collect()
}

/// Presses `n` until the chosen link's label starts with `label`.
fn choose(app: &mut App, label: &str) {
    let count = links(app).len();
    for _ in 0..count {
        update(app, Action::NextLink);
        let chosen = app.view().link.expect("a link is chosen");
        if links(app)[chosen].0.starts_with(label) {
            return;
        }
    }
    panic!("no link {label:?} in {:?}", links(app));
}

fn status(app: &App) -> String {
    let buffer = common::app::drawn(app);
    let y = app.layout.area.height - 1;
    (0..app.layout.area.width)
        .map(|x| buffer[(x, y)].symbol().to_string())
        .collect()
}

#[test]
fn list_fiche_replacement_back_and_forward() {
    let mut app = app();
    open(&mut app, "RS6232");
    update(&mut app, Action::NextLink);
    assert_eq!(app.focus, Pane::Detail, "n takes the detail pane");
    assert_eq!(app.view().link, Some(0));
    let notice = app.notice.clone().unwrap();
    assert!(notice.contains("RS7485"), "{notice}");
    assert!(notice.contains("Entrée"), "{notice}");
    // The chosen link is on screen.
    let spot = app.view().detail.as_ref().unwrap().links[0].clone();
    let scroll = app.view().detail_scroll;
    assert!(spot.first >= scroll && spot.last < scroll + app.layout.rows(Pane::Detail));

    update(&mut app, Action::Activate);
    assert_eq!(number(&app), "RS7485");
    assert_eq!(app.subject(), Subject::Fiche);
    assert_eq!(app.view().detail_scroll, 0);
    assert_eq!(
        history::trail(&app),
        ["Liste « RS6232 »", "RS6232", "RS7485"]
    );
    assert!(status(&app).contains("RS6232 › RS7485"), "{}", status(&app));

    // Back: RS6232 as it was left, its link still chosen.
    update(&mut app, Action::HistoryBack);
    assert_eq!(number(&app), "RS6232");
    assert_eq!(app.mode, Mode::Browse);
    assert_eq!(app.focus, Pane::Detail);
    assert_eq!(app.view().link, Some(0));
    assert_eq!(app.view().detail_scroll, scroll);
    // Back again: the list, with its filter.
    update(&mut app, Action::HistoryBack);
    assert_eq!(app.mode, Mode::Fiches);
    assert_eq!(app.fiche_list.as_ref().unwrap().filter, "RS6232");
    update(&mut app, Action::HistoryBack);
    assert_eq!(app.mode, Mode::Fiches, "nothing before the list");
    assert_eq!(app.notice.as_deref(), Some("début de l'historique"));

    // Forward twice: RS6232, then RS7485.
    update(&mut app, Action::HistoryForward);
    assert_eq!(
        (app.mode.clone(), number(&app)),
        (Mode::Browse, "RS6232".into())
    );
    update(&mut app, Action::HistoryForward);
    assert_eq!(number(&app), "RS7485");
    update(&mut app, Action::HistoryForward);
    assert_eq!(number(&app), "RS7485");
    assert_eq!(app.notice.as_deref(), Some("fin de l'historique"));

    // A new jump after going back drops what was ahead.
    update(&mut app, Action::HistoryBack);
    assert_eq!(app.history.forward.len(), 1);
    update(&mut app, Action::Close);
    assert_eq!(app.mode, Mode::Fiches);
    assert!(app.history.forward.is_empty());
    assert!(matches!(app.history.back.last(), Some(Place::Fiche { .. })));
}

#[test]
fn links_are_underlined_and_the_chosen_one_stands_out() {
    use ratatui::style::Modifier;
    let mut app = app();
    open(&mut app, "RS6232");
    update(&mut app, Action::Focus(Pane::Detail));
    let style_at = |app: &App, needle: &str| {
        let (x, y) = common::app::drawn_at(app, needle);
        common::app::drawn(app)[(x, y)].modifier
    };
    let before = style_at(&app, "RS7485 —");
    assert!(before.contains(Modifier::UNDERLINED), "{before:?}");
    assert!(!before.contains(Modifier::REVERSED), "{before:?}");
    // The absent number is no link: not underlined.
    let absent = style_at(&app, "RS5078 (absente");
    assert!(!absent.contains(Modifier::UNDERLINED), "{absent:?}");
    update(&mut app, Action::NextLink);
    let chosen = style_at(&app, "RS7485 —");
    assert!(chosen.contains(Modifier::REVERSED), "{chosen:?}");
}

#[test]
fn enter_on_a_link_scrolled_away_shows_it_first() {
    let mut app = app();
    open(&mut app, "RS6232");
    choose(&mut app, "RS7485");
    update(&mut app, Action::Bottom);
    let spot = app.view().detail.as_ref().unwrap().links[0].clone();
    assert!(app.view().detail_scroll > spot.first, "scrolled past it");
    update(&mut app, Action::Activate);
    assert_eq!(number(&app), "RS6232", "not followed unseen");
    assert!(app.view().detail_scroll <= spot.first);
    update(&mut app, Action::Activate);
    assert_eq!(number(&app), "RS7485");
}

#[test]
fn the_replacement_chain_links_both_ways() {
    let mut app = app();
    open(&mut app, "RS7485");
    choose(&mut app, "RS6232");
    update(&mut app, Action::Activate);
    assert_eq!(number(&app), "RS6232");
}

#[test]
fn an_absent_replacement_says_so_and_is_no_link() {
    let mut app = app();
    open(&mut app, "RNCP34762");
    let text = rncp_explorer::app::clipboard::plain_text(
        &rncp_explorer::app::view::detail::document(&app),
    );
    assert!(text.contains("RNCP39568 (absente des données)"), "{text}");
    assert!(
        links(&app)
            .iter()
            .all(|(label, target)| !label.contains("RNCP39568")
                && !matches!(target, Target::Fiche(_))),
        "{:?}",
        links(&app)
    );
    // Following every link there is never opens a fiche.
    let before = app.current;
    for _ in 0..links(&app).len() {
        update(&mut app, Action::NextLink);
        assert!(!app.notice.clone().unwrap().contains("RNCP39568"));
    }
    assert_eq!(app.current, before);
}

#[test]
fn enter_without_a_chosen_link_says_how() {
    let mut app = app();
    open(&mut app, "RS6232");
    update(&mut app, Action::Focus(Pane::Detail));
    update(&mut app, Action::Activate);
    assert_eq!(number(&app), "RS6232");
    assert!(app.notice.clone().unwrap().starts_with("n : choisir"));
}

#[test]
fn a_fiche_without_links_says_so() {
    let mut app = app();
    // RS5719 has no ROME code and replaces RS2573, absent from the data.
    open(&mut app, "RS5719");
    assert!(links(&app).is_empty(), "{:?}", links(&app));
    update(&mut app, Action::NextLink);
    assert!(app.notice.clone().unwrap().starts_with("aucun lien"));
    assert_eq!(app.view().link, None);
    update(&mut app, Action::Activate);
    assert_eq!(number(&app), "RS5719");
}

#[test]
fn a_rome_code_opens_the_list_of_its_certifications_and_back_returns() {
    let mut app = app();
    open(&mut app, "RNCP37674");
    choose(&mut app, "ROME M1805");
    update(&mut app, Action::Activate);
    assert_eq!(app.mode, Mode::Fiches);
    let list = app.fiche_list.as_ref().unwrap();
    assert_eq!(list.bar.facets.rome.as_deref(), Some("M1805"));
    assert!(list.filter.is_empty(), "the typed filter gives way");
    let listed: Vec<String> = list
        .rows
        .iter()
        .map(|id| app.catalogue.summary(*id).numero.to_string())
        .collect();
    assert!(listed.len() > 1, "{listed:?}");
    let everyone: Vec<String> = app
        .catalogue
        .summaries()
        .iter()
        .filter(|s| s.rome.iter().any(|r| r == "M1805"))
        .map(|s| s.numero.to_string())
        .collect();
    assert_eq!(listed.len(), everyone.len(), "inactive ones too");
    for n in &everyone {
        assert!(listed.contains(n), "{n} missing from {listed:?}");
    }
    // The cursor is on the fiche we came from.
    assert_eq!(
        app.catalogue
            .summary(list.current().unwrap())
            .numero
            .to_string(),
        "RNCP37674"
    );
    assert!(app.notice.clone().unwrap().starts_with("ROME M1805 : "));
    assert_eq!(
        history::trail(&app).last().map(String::as_str),
        Some("Liste (ROME M1805)")
    );
    // Back to the fiche, and forward to the narrowed list again; Échap
    // there widens it.
    update(&mut app, Action::HistoryBack);
    assert_eq!(
        (app.mode.clone(), number(&app)),
        (Mode::Browse, "RNCP37674".into())
    );
    update(&mut app, Action::HistoryForward);
    assert_eq!(app.mode, Mode::Fiches);
    assert_eq!(
        app.fiche_list.as_ref().unwrap().bar.facets.rome.as_deref(),
        Some("M1805")
    );
    update(&mut app, Action::Close);
    let list = app.fiche_list.as_ref().unwrap();
    assert_eq!(list.bar.facets.rome, None);
    assert_eq!(list.rows.len(), app.catalogue.len());
}

#[test]
fn a_correspondence_links_to_its_other_fiche() {
    let mut app = app();
    open(&mut app, "RNCP36490");
    // Of RNCP36490's 16 correspondences the sample holds one other fiche;
    // the others say they are absent and are no links.
    let fiches: Vec<String> = links(&app)
        .into_iter()
        .filter(|(_, t)| matches!(t, Target::Fiche(_)))
        .map(|(label, _)| label)
        .collect();
    assert_eq!(fiches, ["RNCP35419 — Expert en ingénierie du logiciel"]);
    let text = rncp_explorer::app::clipboard::plain_text(
        &rncp_explorer::app::view::detail::document(&app),
    );
    assert!(text.contains("Correspondances (16)"), "{text}");
    assert!(text.contains("RNCP14506 (absente des données)"), "{text}");
    assert!(text.contains("RNCP36490BC03 → RNCP35419BC03"), "{text}");
    choose(&mut app, "RNCP35419");
    update(&mut app, Action::Activate);
    assert_eq!(number(&app), "RNCP35419");
}

#[test]
fn a_click_on_a_link_follows_it() {
    let mut app = app();
    open(&mut app, "RS6232");
    choose(&mut app, "RS7485");
    let spot = app.view().detail.as_ref().unwrap().links[0].clone();
    let inner = app.layout.inner(Pane::Detail).unwrap();
    let row = inner.y + u16::try_from(spot.first - app.view().detail_scroll).unwrap();
    // Beside the number ("• RS7485 — …"), on the bullet: nothing happens.
    update(
        &mut app,
        Action::Click {
            column: inner.x,
            row,
        },
    );
    assert_eq!(number(&app), "RS6232");
    update(
        &mut app,
        Action::Click {
            column: inner.x + 3,
            row,
        },
    );
    assert_eq!(number(&app), "RS7485");
    update(&mut app, Action::HistoryBack);
    assert_eq!(number(&app), "RS6232");
}

#[test]
fn a_shared_ue_leads_to_that_ue_in_the_other_parcours() {
    let mut app = common::app::app_at(120, 40);
    let comm = app
        .fiche()
        .parcours
        .iter()
        .position(|p| p.id == "communication")
        .unwrap();
    let urbain = app
        .fiche()
        .parcours
        .iter()
        .position(|p| p.id == "urbain")
        .unwrap();
    for _ in 0..=comm {
        update(&mut app, Action::Down);
    }
    update(&mut app, Action::Focus(Pane::Maquette));
    update(&mut app, Action::ExpandAll);
    let title = "Politique et action publique locales";
    let ue_row = app
        .tree_rows()
        .iter()
        .position(|r| match r.id {
            NodeId::Ue(s, u) => {
                let sems = rncp_explorer::app::tree::semesters(app.fiche(), app.selection());
                !sems[s].common && sems[s].semester.ues[u].title == title
            }
            _ => false,
        })
        .expect("UE 8 of Communication");
    update(&mut app, Action::Top);
    for _ in 0..ue_row {
        update(&mut app, Action::Down);
    }
    let from = app.subject();
    let code = {
        let Subject::Node(_, NodeId::Ue(s, u)) = from else {
            panic!("on a UE: {from:?}");
        };
        rncp_explorer::app::tree::semesters(app.fiche(), app.selection())[s]
            .semester
            .ues[u]
            .code
            .clone()
    };
    // The shared parcours are links; ROME codes are not (one fiche, no list).
    assert!(
        links(&app)
            .iter()
            .all(|(_, t)| matches!(t, Target::Ue { .. })),
        "{:?}",
        links(&app)
    );
    choose(&mut app, "UE");
    let (label, target) = links(&app)[app.view().link.unwrap()].clone();
    let Target::Ue { parcours, .. } = target else {
        unreachable!()
    };
    assert!(label.contains(" dans "), "{label}");
    update(&mut app, Action::Activate);
    assert_eq!(app.selection(), Selection::Parcours(parcours));
    let Subject::Node(_, NodeId::Ue(s, u)) = app.subject() else {
        panic!("the detail describes a UE: {:?}", app.subject());
    };
    let sems = rncp_explorer::app::tree::semesters(app.fiche(), app.selection());
    assert_eq!(sems[s].semester.ues[u].code, code, "the same UE there");
    // The trail says where from, the fiche's number once.
    let short = app.fiche().parcours[parcours].short_label();
    assert_eq!(
        history::trail(&app),
        [
            format!("RNCP24759 · Communication · {code}"),
            format!("{short} · {code}")
        ]
    );
    assert!(!sems[s].common);
    assert_eq!(app.focus, Pane::Detail);
    update(&mut app, Action::HistoryBack);
    assert_eq!(app.subject(), from, "back on Communication's UE");
    assert_eq!(app.selection(), Selection::Parcours(comm));
    // Communication's UE 8 is shared with Urbain: a link there too.
    assert!(
        links(&app)
            .iter()
            .any(|(_, t)| matches!(t, Target::Ue { parcours, .. } if *parcours == urbain)),
        "{:?}",
        links(&app)
    );
}

#[test]
fn a_search_jump_is_a_place_to_come_back_from() {
    let mut app = common::app::app_at(120, 40);
    update(&mut app, Action::OpenSearch);
    typed(&mut app, "ingenieur projets europeens");
    update(&mut app, Action::Activate);
    assert!(matches!(app.subject(), Subject::Parcours(_)));
    update(&mut app, Action::HistoryBack);
    assert_eq!(app.subject(), Subject::Fiche);
    update(&mut app, Action::HistoryForward);
    assert!(matches!(app.subject(), Subject::Parcours(_)));
}

#[test]
fn moving_in_a_pane_or_typing_a_filter_is_no_jump() {
    let mut app = app();
    update(&mut app, Action::OpenSearch);
    typed(&mut app, "rncp");
    update(&mut app, Action::Close);
    update(&mut app, Action::Down);
    assert!(app.history.back.is_empty());
    update(&mut app, Action::Activate);
    assert_eq!(app.history.back.len(), 1, "opening a fiche is one");
    update(&mut app, Action::Focus(Pane::Detail));
    update(&mut app, Action::PageDown);
    update(&mut app, Action::NextLink);
    assert_eq!(app.history.back.len(), 1);
    // No trail while the only place before is the list, unfiltered or not.
    let mut plain = self::app();
    update(&mut plain, Action::Activate);
    assert!(history::trail(&plain).is_empty());
}
