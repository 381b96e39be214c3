//! The partners popup (`p`) on the real samples: filtering by name, SIRET
//! or SIREN as you type, the habilitation answer by the CLI's rule (which
//! condition fails, for which role), and snapshots at 80×24 and 120×40.

mod common;

use std::sync::OnceLock;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use common::app::TODAY;
use rncp_explorer::app::partners::PartnersPopup;
use rncp_explorer::app::{Action, App, KeyMode, Mode, Msg, Popup, keys, press, update};
use rncp_explorer::model::Catalogue;
use rncp_explorer::partners::{CERTIFICATION_INACTIVE, NOT_LISTED};
use rncp_explorer::ui::{self, Theme};

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

/// Fiche `number` open at `width`×`height`, its partners popup open.
fn partners_of(number: &str, width: u16, height: u16) -> App {
    let mut app = App::with_catalogue(catalogue());
    app.set_today(TODAY);
    update(&mut app, Action::Resize { width, height });
    update(&mut app, Action::OpenSearch);
    typed(&mut app, number);
    update(&mut app, Action::Close);
    update(&mut app, Action::Activate);
    assert_eq!(app.fiche().numero().to_string(), number);
    update(&mut app, Action::OpenPartners);
    assert_eq!(app.key_mode(), KeyMode::Partners);
    app
}

fn typed(app: &mut App, text: &str) {
    for c in text.chars() {
        update(app, Action::SearchInput(c));
    }
}

fn popup(app: &App) -> &PartnersPopup {
    match &app.popup {
        Some(Popup::Partners(p)) => p,
        other => panic!("no partners popup: {other:?}"),
    }
}

fn names(app: &App) -> Vec<String> {
    let record = app.fiche().registry.as_ref().unwrap();
    popup(app)
        .rows
        .iter()
        .map(|&i| record.partners[i].name.clone())
        .collect()
}

fn screen(app: &App) -> String {
    let area = app.layout.area;
    let mut terminal = Terminal::new(TestBackend::new(area.width, area.height)).unwrap();
    terminal
        .draw(|f| ui::render(f, app, &Theme::COLOR))
        .unwrap();
    terminal.backend().to_string()
}

#[test]
fn p_lists_every_partner_and_typing_filters_by_name() {
    let mut app = partners_of("RNCP37674", 120, 40);
    assert_eq!(popup(&app).rows.len(), 471);
    typed(&mut app, "académy");
    let found = names(&app);
    assert!(!found.is_empty());
    assert!(
        found.iter().all(|n| n.to_uppercase().contains("ACADEMY")),
        "{found:?}"
    );
    // Letters are the filter: `q` is typed, not a quit.
    typed(&mut app, " q");
    assert!(!app.should_quit);
    assert_eq!(popup(&app).query, "académy q");
    update(&mut app, Action::SearchDeleteWord);
    assert_eq!(popup(&app).query, "académy ");
    update(&mut app, Action::SearchBackspace);
    update(&mut app, Action::SearchClear);
    assert_eq!(popup(&app).rows.len(), 471);
    update(&mut app, Action::Close);
    assert!(app.popup.is_none());
    assert_eq!(app.mode, Mode::Browse);
}

#[test]
fn a_siret_gets_the_answer_with_its_role() {
    let mut app = partners_of("RNCP37674", 120, 40);
    typed(&mut app, "880 552 237 00047");
    assert_eq!(names(&app), ["10MENTIONWEB FORMATION"]);
    let record = app.fiche().registry.clone().unwrap();
    let (_, answer) = popup(&app).answer(&record).expect("a SIRET");
    assert!(answer.habilitated);
    assert_eq!(answer.partners[0].role, Some("train_and_assess"));
    let text = screen(&app);
    assert!(
        text.contains("habilité sur RNCP37674 pour former et organiser l'évaluation"),
        "{text}"
    );
    // Train only.
    update(&mut app, Action::SearchClear);
    typed(&mut app, "82409268800012");
    let (_, answer) = popup(&app).answer(&record).unwrap();
    assert!(answer.partners.iter().any(|p| p.role == Some("train")));
    assert!(screen(&app).contains("former seulement (HABILITATION_FORMER)"));
    // Not listed.
    update(&mut app, Action::SearchClear);
    typed(&mut app, "12345678900011");
    let (_, answer) = popup(&app).answer(&record).unwrap();
    assert_eq!(answer.reasons, [NOT_LISTED]);
    assert!(popup(&app).rows.is_empty());
    let text = screen(&app);
    assert!(text.contains("absent des 471 partenaires listés"), "{text}");
    assert!(text.contains("Aucun partenaire ne correspond"), "{text}");
    // A SIREN: every establishment of the company.
    update(&mut app, Action::SearchClear);
    typed(&mut app, "880552237");
    let (_, answer) = popup(&app).answer(&record).unwrap();
    assert!(answer.listed && answer.siren.is_some());
    // A pasted SIRET, as printed on a document.
    update(&mut app, Action::SearchClear);
    update(&mut app, Msg::Paste("880 552 237 00047\n".into()));
    assert_eq!(names(&app), ["10MENTIONWEB FORMATION"]);
    assert!(popup(&app).answer(&record).unwrap().1.habilitated);
    // A partial number narrows the list but asks nothing.
    update(&mut app, Action::SearchClear);
    typed(&mut app, "8805");
    assert!(popup(&app).answer(&record).is_none());
    assert!(!popup(&app).rows.is_empty());
}

#[test]
fn on_an_inactive_certification_the_answer_says_so() {
    let mut app = partners_of("RNCP35419", 120, 40);
    typed(&mut app, "80875076400025");
    let record = app.fiche().registry.clone().unwrap();
    let (_, answer) = popup(&app).answer(&record).unwrap();
    assert!(answer.listed);
    assert_eq!(answer.reasons, [CERTIFICATION_INACTIVE]);
    let text = screen(&app);
    assert!(
        text.contains("la certification RNCP35419 n'est pas active"),
        "{text}"
    );
    assert!(text.contains("(certification inactive)"), "{text}");
}

#[test]
fn the_list_pages_and_the_cursor_follows() {
    let mut app = partners_of("RNCP37674", 80, 24);
    let page = rncp_explorer::app::partners::page(&app);
    update(&mut app, Action::PageDown);
    assert_eq!(popup(&app).list.selected, page);
    update(&mut app, Action::Bottom);
    assert_eq!(popup(&app).list.selected, 470);
    let record = app.fiche().registry.clone().unwrap();
    let last = &record.partners[470];
    let text = screen(&app);
    assert!(text.contains(last.siret.as_deref().unwrap()), "{text}");
    assert!(text.contains(" 471/471 "), "{text}");
    update(&mut app, Action::Top);
    assert_eq!(popup(&app).list.selected, 0);
}

#[test]
fn a_click_outside_closes_and_p_without_registry_says_why() {
    let mut app = partners_of("RNCP37674", 120, 40);
    update(&mut app, Action::Click { column: 0, row: 0 });
    assert!(app.popup.is_none());
    // The embedded Master is no registry fiche: its partners are unknown.
    let mut master = common::app::app_at(80, 24);
    update(&mut master, Action::OpenPartners);
    assert!(master.popup.is_none());
    assert!(
        master
            .notice
            .clone()
            .unwrap()
            .contains("ne vient pas du registre")
    );
}

#[test]
fn keys_of_the_popup() {
    let mut app = partners_of("RNCP37674", 80, 24);
    let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
    assert_eq!(
        keys::action_for(KeyMode::Partners, &ctrl_c),
        Some(Action::Quit)
    );
    let n = KeyEvent::new(KeyCode::Char('n'), KeyModifiers::NONE);
    assert_eq!(
        keys::action_for(KeyMode::Partners, &n),
        Some(Action::SearchInput('n'))
    );
    press(&mut app, &KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE));
    assert!(app.popup.is_none());
    // `p` opens it, and the hint says so in the detail pane.
    let p = KeyEvent::new(KeyCode::Char('p'), KeyModifiers::NONE);
    assert_eq!(
        keys::action_for(KeyMode::FicheBrowse, &p),
        Some(Action::OpenPartners)
    );
    assert!(
        keys::hints(KeyMode::FicheBrowse, rncp_explorer::app::Pane::Detail)
            .any(|h| h == "p partenaires")
    );
}

#[test]
fn partners_snapshots() {
    for (w, h) in [(80, 24), (120, 40)] {
        let mut app = partners_of("RNCP37674", w, h);
        insta::assert_snapshot!(format!("partners_{w}x{h}"), screen(&app));
        typed(&mut app, "82409268800012");
        insta::assert_snapshot!(format!("partners_answer_{w}x{h}"), screen(&app));
    }
}

#[test]
fn tiny_screens_do_not_panic() {
    let mut app = partners_of("RNCP37674", 120, 40);
    typed(&mut app, "880552237");
    for (width, height) in [(40, 12), (41, 13), (30, 8), (1, 1), (0, 0), (200, 6)] {
        update(&mut app, Action::Resize { width, height });
        let _ = common::app::drawn(&app);
        update(&mut app, Action::PageDown);
    }
}
