//! The search popup over a catalogue (the registry samples): certifications
//! by default, items on Ctrl-R, the facet bar and its menu, opening a
//! certification, and the index arriving after the first frame. `update`
//! driven without a terminal, and frames drawn at 80×24 and 120×40.

mod common;

use std::sync::{Arc, OnceLock};

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use common::app::TODAY;
use rncp_explorer::app::facet_bar::FacetKey;
use rncp_explorer::app::search::SearchPopup;
use rncp_explorer::app::{
    Action, App, Effect, KeyMode, Mode, Msg, NodeId, Pane, Popup, Subject, press, update,
};
use rncp_explorer::model::facets::Dimension;
use rncp_explorer::model::{Catalogue, Repertoire};
use rncp_explorer::search::{Kind, Mode as SearchMode, SearchIndex};
use rncp_explorer::ui::{self, Theme};

const RNCP_SAMPLE: &str = "tests/fixtures/registry/export-rncp-sample.xml";
const RS_SAMPLE: &str = "tests/fixtures/registry/export-rs-sample.xml";

/// The 8 RNCP and 5 RS sample fiches.
fn catalogue() -> Catalogue {
    static CATALOGUE: OnceLock<Catalogue> = OnceLock::new();
    CATALOGUE
        .get_or_init(|| common::app::load_uncached(&[RNCP_SAMPLE, RS_SAMPLE]))
        .clone()
}

/// The index over the samples, built once per test binary.
fn index() -> Arc<SearchIndex> {
    static INDEX: OnceLock<Arc<SearchIndex>> = OnceLock::new();
    Arc::clone(INDEX.get_or_init(|| Arc::new(SearchIndex::build(&catalogue()))))
}

/// The explorer on the samples at `width`×`height`, its index ready.
fn app_at(width: u16, height: u16) -> App {
    let mut app = App::with_catalogue(catalogue());
    app.set_today(TODAY);
    update(&mut app, Msg::IndexReady(index()));
    update(&mut app, Action::Resize { width, height });
    app
}

/// The popup opened from the fiche list (Ctrl-F) and `text` typed.
fn searched(width: u16, height: u16, text: &str) -> App {
    let mut app = app_at(width, height);
    key(&mut app, KeyCode::Char('f'), KeyModifiers::CONTROL);
    typed(&mut app, text);
    app
}

fn key(app: &mut App, code: KeyCode, modifiers: KeyModifiers) {
    press(app, &KeyEvent::new(code, modifiers));
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

/// The certifications listed, best first, by number.
fn certifications(app: &App) -> Vec<String> {
    popup(app)
        .results
        .certifications
        .iter()
        .map(|c| app.catalogue.summary(c.fiche).numero.to_string())
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
fn a_catalogue_is_searched_by_certification_with_the_best_item_beneath() {
    let app = searched(120, 40, "developpeur web");
    let popup = popup(&app);
    assert_eq!(popup.mode, SearchMode::Certifications);
    assert_eq!(app.key_mode(), KeyMode::CatalogueSearch);
    let found = certifications(&app);
    assert_eq!(
        found.first().map(String::as_str),
        Some("RNCP37674"),
        "{found:?}"
    );
    assert_eq!(popup.results.fiche_total, found.len());
    // Active only by default: the counts say how many inactive ones wait.
    assert!(!popup.bar.as_ref().unwrap().facets.include_inactive);
    assert_eq!(popup.bar.as_ref().unwrap().counts.total, found.len());
    let text = screen(&app);
    assert!(
        text.contains("RNCP37674 Développeur web et web mobile"),
        "{text}"
    );
    assert!(text.contains("└ "), "{text}");
    assert!(text.contains("certification"), "{text}");
}

#[test]
fn facets_change_the_certifications_and_their_counts() {
    let mut app = searched(120, 40, "developpeur");
    let active = certifications(&app);
    let counts = popup(&app).bar.as_ref().unwrap().counts.clone();
    assert!(counts.inactive > 0, "the samples have inactive developers");
    assert!(
        !active.contains(&"RNCP35419".to_string()),
        "inactive hidden"
    );
    // F4 (or Ctrl-T) brings the inactive ones in.
    key(&mut app, KeyCode::F(4), KeyModifiers::NONE);
    let all = certifications(&app);
    assert_eq!(all.len(), active.len() + counts.inactive, "{all:?}");
    assert!(all.contains(&"RNCP35419".to_string()));
    key(&mut app, KeyCode::Char('t'), KeyModifiers::CONTROL);
    assert_eq!(certifications(&app), active, "Ctrl-T toggles back");
    // F3: the first level giving fiches; its count is what is listed.
    key(&mut app, KeyCode::F(3), KeyModifiers::NONE);
    let bar = popup(&app).bar.as_ref().unwrap();
    let level = bar.facets.level.expect("a level");
    assert_eq!(certifications(&app).len(), bar.counts.of_level(Some(level)));
    assert!(
        popup(&app)
            .results
            .certifications
            .iter()
            .all(|c| app.catalogue.summary(c.fiche).level == Some(level))
    );
    // F2 to RS: no RS fiche is about developers and active at that level.
    key(&mut app, KeyCode::F(8), KeyModifiers::NONE);
    assert_eq!(certifications(&app), active, "F8: the defaults again");
    update(
        &mut app,
        Action::Facet(FacetKey::Cycle(Dimension::Repertoire)),
    );
    let bar = popup(&app).bar.as_ref().unwrap();
    assert_eq!(bar.facets.repertoire, Some(Repertoire::Rncp));
    assert!(certifications(&app).iter().all(|n| n.starts_with("RNCP")));
}

#[test]
fn the_rome_menu_takes_a_typed_code() {
    let mut app = searched(120, 40, "developpeur");
    key(&mut app, KeyCode::F(6), KeyModifiers::NONE);
    assert_eq!(app.key_mode(), KeyMode::FacetMenu);
    let text = screen(&app);
    assert!(
        text.contains("ROME : code, début ou mots du libellé"),
        "{text}"
    );
    // The popup's menu names codes with their labels too.
    assert!(
        text.contains("M1805 Études et développement informatique"),
        "{text}"
    );
    // Letters go to the menu, not to the query.
    for c in "m18".chars() {
        key(&mut app, KeyCode::Char(c), KeyModifiers::NONE);
    }
    assert_eq!(popup(&app).input, "developpeur");
    key(&mut app, KeyCode::Enter, KeyModifiers::NONE);
    assert_eq!(app.key_mode(), KeyMode::CatalogueSearch);
    let bar = popup(&app).bar.as_ref().unwrap();
    assert_eq!(bar.facets.rome.as_deref(), Some("M18"));
    let found = &popup(&app).results.certifications;
    assert!(!found.is_empty());
    assert!(found.iter().all(|c| {
        app.catalogue
            .summary(c.fiche)
            .rome
            .iter()
            .any(|r| r.starts_with("M18"))
    }));
    // Esc in a menu changes nothing and leaves the popup open.
    key(&mut app, KeyCode::F(5), KeyModifiers::NONE);
    key(&mut app, KeyCode::Esc, KeyModifiers::NONE);
    assert!(app.popup.is_some());
    assert_eq!(popup(&app).bar.as_ref().unwrap().facets.nsf, None);
}

#[test]
fn ctrl_r_switches_to_items_that_name_their_fiche() {
    let mut app = searched(120, 40, "developpeur web");
    key(&mut app, KeyCode::Char('r'), KeyModifiers::CONTROL);
    let popup = popup(&app);
    assert_eq!(popup.mode, SearchMode::Items);
    assert!(!popup.results.hits.is_empty());
    let text = screen(&app);
    assert!(text.contains("Emploi     Développeur web"), "{text}");
    assert!(text.contains("RNCP37674"), "items name their fiche\n{text}");
    assert!(text.contains("par élément"), "{text}");
    // Identical items of one fiche are one row; of two fiches, two.
    let rows: Vec<(Kind, String, rncp_explorer::model::FicheId)> = popup
        .results
        .hits
        .iter()
        .map(|h| app.search.index.entry(h.id))
        .map(|e| (e.kind, e.text.to_lowercase(), e.fiche))
        .collect();
    for (i, row) in rows.iter().enumerate() {
        assert!(!rows[i + 1..].contains(row), "{row:?} twice");
    }
    key(&mut app, KeyCode::Char('r'), KeyModifiers::CONTROL);
    assert_eq!(popup_mode(&app), SearchMode::Certifications);
}

fn popup_mode(app: &App) -> SearchMode {
    popup(app).mode
}

#[test]
fn entree_opens_the_certification_on_its_best_item() {
    let mut app = searched(120, 40, "developpeur web");
    let first = popup(&app).results.certifications[0];
    update(&mut app, Action::Activate);
    assert!(app.popup.is_none());
    assert_eq!(app.mode, Mode::Browse, "out of the list, into the fiche");
    assert_eq!(app.current, first.fiche);
    assert_eq!(app.fiche().numero().to_string(), "RNCP37674");
    // Esc goes back to the list, where the search came from.
    update(&mut app, Action::Close);
    assert_eq!(app.mode, Mode::Fiches);
}

#[test]
fn a_certification_found_by_a_job_opens_on_that_job() {
    let mut app = searched(120, 40, "big data");
    update(&mut app, Action::Facet(FacetKey::Cycle(Dimension::Active)));
    let certs = &popup(&app).results.certifications;
    let row = certs
        .iter()
        .position(|c| app.catalogue.summary(c.fiche).numero.to_string() == "RNCP35419")
        .expect("an inactive engineering fiche with a big data job");
    let best = app.search.index.entry(certs[row].best).clone();
    assert_eq!(best.kind, Kind::Job, "{best:?}");
    for _ in 0..row {
        update(&mut app, Action::Down);
    }
    update(&mut app, Action::Activate);
    assert_eq!(app.fiche().numero().to_string(), "RNCP35419");
    assert_eq!(app.subject(), Subject::Parcours(0));
    assert_eq!(app.focus, Pane::Detail);
    let found = app.view().found.expect("the job is marked");
    assert_eq!(found.kind, Kind::Job);
    assert_eq!(app.fiche().parcours[0].jobs[found.index], best.text);
}

#[test]
fn a_certification_found_by_a_bloc_opens_on_that_bloc() {
    let mut app = searched(120, 40, "gestion de la relation client");
    update(&mut app, Action::Facet(FacetKey::Cycle(Dimension::Active)));
    let certs = &popup(&app).results.certifications;
    let row = certs
        .iter()
        .position(|c| app.search.index.entry(c.best).kind == Kind::Bloc)
        .expect("a certification whose best item is a bloc");
    let fiche = certs[row].fiche;
    for _ in 0..row {
        update(&mut app, Action::Down);
    }
    update(&mut app, Action::Activate);
    assert_eq!(app.current, fiche);
    assert_eq!(app.focus, Pane::Maquette);
    assert!(
        matches!(app.tree_node(), Some(NodeId::Bloc(_))),
        "{:?}",
        app.tree_node()
    );
    assert!(matches!(app.subject(), Subject::Node(_, NodeId::Bloc(_))));
}

#[test]
fn a_number_goes_straight_to_its_certification() {
    let app = searched(80, 24, "RS5719");
    assert_eq!(
        certifications(&app).first().map(String::as_str),
        Some("RS5719")
    );
}

#[test]
fn the_index_arrives_after_the_first_frame_and_the_query_then_runs() {
    let mut app = App::with_catalogue(catalogue());
    let effects = update(
        &mut app,
        Action::Resize {
            width: 120,
            height: 40,
        },
    );
    assert_eq!(
        effects,
        vec![Effect::BuildIndex],
        "asked once, by the new app"
    );
    assert!(!app.search.ready);
    key(&mut app, KeyCode::Char('f'), KeyModifiers::CONTROL);
    typed(&mut app, "cybersecurite");
    assert!(popup(&app).results.certifications.is_empty());
    let text = screen(&app);
    assert!(
        text.contains("Index de recherche en construction"),
        "{text}"
    );
    assert!(text.contains("indexation…"), "{text}");
    // No count yet: unknown, never 0.
    assert!(text.contains("Répertoire : tous"), "{text}");
    assert!(!text.contains("RNCP 0"), "{text}");
    // The answer of the loop's builder: the query typed meanwhile runs.
    let effects = update(&mut app, Msg::IndexReady(index()));
    assert!(effects.is_empty(), "searched inline here");
    assert!(app.search.ready);
    assert_eq!(
        certifications(&app).first().map(String::as_str),
        Some("RNCP37488")
    );
    assert!(!screen(&app).contains("construction"));
}

#[test]
fn without_its_event_loop_an_app_is_indexed_on_demand() {
    let mut app = App::with_catalogue(catalogue());
    app.build_index_now();
    assert!(app.search.ready);
    assert_eq!(app.search.index.fiche_count(), 13);
    // Asked again, the build effect is not repeated.
    assert!(
        update(
            &mut app,
            Action::Resize {
                width: 80,
                height: 24
            }
        )
        .is_empty()
    );
}

#[test]
fn one_fiche_keeps_todays_item_popup_without_facets() {
    let mut app = common::app::app_at(80, 24);
    update(&mut app, Action::OpenSearch);
    assert_eq!(popup(&app).mode, SearchMode::Items);
    assert!(popup(&app).bar.is_none());
    assert_eq!(app.key_mode(), KeyMode::Search);
    key(&mut app, KeyCode::F(4), KeyModifiers::NONE);
    key(&mut app, KeyCode::Char('r'), KeyModifiers::CONTROL);
    assert_eq!(popup(&app).mode, SearchMode::Items, "no mode to switch");
}

#[test]
fn a_click_on_a_facet_opens_its_menu_and_a_click_on_a_value_sets_it() {
    let mut app = searched(120, 40, "developpeur");
    // Where the popup's bar draws the level facet.
    let area = rncp_explorer::app::search::area(app.layout.area, popup(&app)).unwrap();
    let bar = popup(&app).bar.as_ref().unwrap();
    let chips = rncp_explorer::app::view::facet_bar::chips(
        bar,
        usize::from(area.facets.width),
        area.facets.height,
    );
    let level = chips
        .iter()
        .find(|c| c.dimension == Dimension::Level)
        .unwrap();
    common::app::click(
        &mut app,
        (area.facets.x + level.x, area.facets.y + level.line),
    );
    assert_eq!(app.key_mode(), KeyMode::FacetMenu);
    let (x, y) = common::app::drawn_at(&app, "niveau 6");
    common::app::click(&mut app, (x, y));
    let bar = popup(&app).bar.as_ref().unwrap();
    assert_eq!(bar.facets.level, Some(6));
    assert!(bar.menu.is_none());
    assert!(
        certifications(&app)
            .iter()
            .all(|n| ["RNCP36490", "RNCP37873"].contains(&n.as_str())),
        "{:?}",
        certifications(&app)
    );
}

#[test]
fn the_popup_in_both_modes_at_80x24_and_120x40() {
    for (w, h) in [(80, 24), (120, 40)] {
        let mut app = searched(w, h, "developpeur");
        // Inactive ones too, so that rows show both states.
        update(&mut app, Action::Facet(FacetKey::Cycle(Dimension::Active)));
        insta::assert_snapshot!(format!("certifications_{w}x{h}"), screen(&app));
        update(&mut app, Action::SwitchSearchMode);
        insta::assert_snapshot!(format!("items_{w}x{h}"), screen(&app));
    }
}

#[test]
fn tiny_screens_never_panic() {
    for (w, h) in [
        (1, 1),
        (10, 3),
        (20, 5),
        (40, 12),
        (41, 13),
        (60, 8),
        (79, 14),
    ] {
        let mut app = searched(120, 40, "dev");
        update(
            &mut app,
            Action::Facet(FacetKey::Menu(Dimension::Certifier)),
        );
        update(
            &mut app,
            Action::Resize {
                width: w,
                height: h,
            },
        );
        let _ = screen(&app);
        update(&mut app, Action::Close);
        update(&mut app, Action::Down);
        update(&mut app, Action::Click { column: 0, row: 0 });
        let _ = screen(&app);
    }
}

#[test]
fn fiches_with_only_some_of_the_words_are_said_to_be_so() {
    let app = searched(120, 40, "amiante developpeur");
    let popup = popup(&app);
    assert!(popup.results.partial, "no fiche has both words");
    assert!(!popup.results.certifications.is_empty());
    let text = screen(&app);
    assert!(
        text.contains("avec une partie des mots seulement"),
        "{text}"
    );
    let whole = searched(120, 40, "amiante");
    assert!(!screen(&whole).contains("partie des mots"));
}

/// A certification found by its intitulé: the matched letters are marked on
/// its first line, and the line beneath says who certifies it and until
/// when instead of the intitulé a second time.
#[test]
fn a_matched_intitule_is_marked_in_place_and_not_repeated() {
    use ratatui::style::Modifier;
    let app = searched(120, 40, "developpeur web");
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    terminal
        .draw(|f| ui::render(f, &app, &Theme::MONOCHROME))
        .unwrap();
    let buffer = terminal.backend().buffer();
    let line = |y: u16| -> String { (0..120).map(|x| buffer[(x, y)].symbol()).collect() };
    let row = (0..40)
        .find(|&y| line(y).contains("RNCP37674 Développeur web et web mobile"))
        .expect("the certification is listed");
    let marked = (0..120)
        .filter(|&x| {
            buffer[(x, row)]
                .modifier
                .contains(Modifier::BOLD | Modifier::UNDERLINED)
        })
        .count();
    // "Développeur" and "web" (twice: "web" and "web mobile"), at least.
    assert!(marked >= "developpeurweb".len(), "{marked} marked cells");
    let beneath = line(row + 1);
    assert!(!beneath.contains("Développeur web"), "{beneath}");
    assert!(beneath.contains("MINISTERE DU TRAVAIL"), "{beneath}");
    assert!(beneath.contains("fin 01/09/2028"), "{beneath}");
}

/// "developpeur web⏎" typed faster than the worker answers: Entrée opens
/// the first certification of the query's own results when they arrive,
/// not a row of the older results still on screen.
#[test]
fn entree_before_the_results_opens_the_first_of_them_on_arrival() {
    let mut app = app_at(120, 40);
    app.search.inline = false;
    key(&mut app, KeyCode::Char('f'), KeyModifiers::CONTROL);
    let mut effects = Vec::new();
    for c in "developpeur web".chars() {
        effects.extend(update(&mut app, Action::SearchInput(c)));
    }
    let Some(Effect::Search { generation, query }) = effects.pop() else {
        panic!("a request")
    };
    update(&mut app, Action::Activate);
    assert!(app.popup.is_some(), "nothing to open yet");
    let results = app.search.index.search(&query);
    update(
        &mut app,
        Msg::SearchResults {
            generation,
            results,
        },
    );
    assert!(app.popup.is_none());
    assert_eq!(app.mode, Mode::Browse);
    assert_eq!(app.fiche().numero().to_string(), "RNCP37674");
}

/// Entrée, then typing on: the newer results do not open anything.
#[test]
fn typing_after_entree_cancels_the_opening_on_arrival() {
    let mut app = app_at(120, 40);
    app.search.inline = false;
    key(&mut app, KeyCode::Char('f'), KeyModifiers::CONTROL);
    for c in "developpeur".chars() {
        update(&mut app, Action::SearchInput(c));
    }
    update(&mut app, Action::Activate);
    let Some(Effect::Search { generation, query }) =
        update(&mut app, Action::SearchInput('s')).pop()
    else {
        panic!("a request")
    };
    let results = app.search.index.search(&query);
    update(
        &mut app,
        Msg::SearchResults {
            generation,
            results,
        },
    );
    assert!(app.popup.is_some(), "still searching with the popup");
}
