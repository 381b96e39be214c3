//! The fiche list's facet bar on the registry samples: letters set the
//! facets, counts follow the filter text, the menu takes a typed value,
//! clicks open it; frames at 80×24 and 120×40; a list of thousands of
//! fiches scrolls to its end.

mod common;

use std::sync::OnceLock;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use common::app::TODAY;
use rncp_explorer::app::fiche_list::FicheList;
use rncp_explorer::app::{Action, App, KeyMode, Mode, press, update};
use rncp_explorer::model::facets::{FacetCounts, FacetFilter};
use rncp_explorer::model::{self, Catalogue, FicheId, FicheSummary, Repertoire};
use rncp_explorer::ui::{self, Theme};

const RNCP_SAMPLE: &str = "tests/fixtures/registry/export-rncp-sample.xml";
const RS_SAMPLE: &str = "tests/fixtures/registry/export-rs-sample.xml";

fn catalogue() -> Catalogue {
    static CATALOGUE: OnceLock<Catalogue> = OnceLock::new();
    CATALOGUE
        .get_or_init(|| common::app::load_uncached(&[RNCP_SAMPLE, RS_SAMPLE]))
        .clone()
}

fn app_at(width: u16, height: u16) -> App {
    let mut app = App::with_catalogue(catalogue());
    app.set_today(TODAY);
    update(&mut app, Action::Resize { width, height });
    app
}

fn list(app: &App) -> &FicheList {
    app.fiche_list.as_ref().expect("several fiches")
}

fn numbers(app: &App) -> Vec<String> {
    list(app)
        .rows
        .iter()
        .map(|id| app.catalogue.summary(*id).numero.to_string())
        .collect()
}

fn key(app: &mut App, c: char) {
    press(app, &KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
}

fn keys(app: &mut App, code: KeyCode) {
    press(app, &KeyEvent::new(code, KeyModifiers::NONE));
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
fn letters_set_the_facets_and_the_counts_follow() {
    let mut app = app_at(120, 40);
    assert_eq!(numbers(&app).len(), 13, "every fiche, inactive ones too");
    let counts = list(&app).bar.counts.clone();
    assert_eq!(counts.total, 13);
    assert_eq!(counts.of_repertoire(Repertoire::Rs), 5);
    // i: the inactive ones hidden.
    key(&mut app, 'i');
    assert_eq!(numbers(&app).len(), counts.active + counts.unknown_state);
    assert!(!numbers(&app).contains(&"RNCP35419".to_string()));
    // r: RNCP, then RS.
    key(&mut app, 'r');
    assert!(numbers(&app).iter().all(|n| n.starts_with("RNCP")));
    key(&mut app, 'r');
    assert!(numbers(&app).iter().all(|n| n.starts_with("RS")));
    let rs = numbers(&app).len();
    assert_eq!(list(&app).bar.counts.total, rs);
    // The répertoire's own counts ignore its choice.
    assert_eq!(
        list(&app).bar.counts.of_repertoire(Repertoire::Rncp) + rs,
        counts.active + counts.unknown_state
    );
    // n: the first level that gives fiches with the other facets (none for
    // active RS fiches: the level stays "all").
    key(&mut app, 'n');
    assert_eq!(list(&app).bar.facets.level, None);
    // x: the list's defaults again.
    key(&mut app, 'x');
    assert_eq!(numbers(&app).len(), 13);
    key(&mut app, 'n');
    let level = list(&app).bar.facets.level.expect("a level");
    assert!(numbers(&app).iter().all(|n| {
        let id = app.catalogue.lookup(n).unwrap();
        app.catalogue.summary(id).level == Some(level)
    }));
}

#[test]
fn facets_count_over_the_fiches_the_filter_matches() {
    let mut app = app_at(80, 24);
    update(&mut app, Action::OpenSearch);
    for c in "concepteur".chars() {
        update(&mut app, Action::SearchInput(c));
    }
    update(&mut app, Action::Close);
    assert_eq!(numbers(&app), ["RNCP36490", "RNCP37873"]);
    let counts = &list(&app).bar.counts;
    assert_eq!(counts.total, 2);
    assert_eq!(counts.of_level(Some(6)), 2);
    assert_eq!(counts.of_repertoire(Repertoire::Rs), 0);
    // The filter stays while facets change, and both apply.
    key(&mut app, 'r');
    assert_eq!(numbers(&app).len(), 2);
    assert_eq!(list(&app).filter, "concepteur");
}

#[test]
fn the_certifier_menu_takes_part_of_a_name() {
    let mut app = app_at(120, 40);
    key(&mut app, 'a');
    assert_eq!(app.key_mode(), KeyMode::FacetMenu);
    for c in "education nat".chars() {
        key(&mut app, c);
    }
    assert!(list(&app).filter.is_empty(), "letters go to the menu");
    let text = screen(&app);
    assert!(text.contains("Certificateur : nom ou SIRET"), "{text}");
    assert!(text.contains("nom contenant « education nat »"), "{text}");
    keys(&mut app, KeyCode::Enter);
    assert_eq!(app.key_mode(), KeyMode::Fiches);
    assert_eq!(
        list(&app).bar.facets.certifier.as_deref(),
        Some("education nat")
    );
    assert_eq!(numbers(&app), ["RNCP37488"]);
    // Opening the fiche still works with facets set.
    keys(&mut app, KeyCode::Enter);
    assert_eq!(app.mode, Mode::Browse);
    assert_eq!(app.fiche().numero().to_string(), "RNCP37488");
}

#[test]
fn the_menu_moves_to_the_next_facet_and_escape_changes_nothing() {
    let mut app = app_at(80, 24);
    key(&mut app, 'f');
    let menu = |app: &App| list(app).bar.menu.as_ref().map(|m| m.dimension);
    assert_eq!(
        menu(&app),
        Some(rncp_explorer::model::facets::Dimension::Repertoire)
    );
    keys(&mut app, KeyCode::Right);
    assert_eq!(
        menu(&app),
        Some(rncp_explorer::model::facets::Dimension::Level)
    );
    keys(&mut app, KeyCode::Down);
    keys(&mut app, KeyCode::Esc);
    assert_eq!(menu(&app), None);
    assert_eq!(list(&app).bar.facets.level, None);
    assert_eq!(numbers(&app).len(), 13);
}

#[test]
fn clicks_on_the_bar_open_a_menu_and_choose_a_value() {
    let mut app = app_at(120, 40);
    common::app::click_on(&mut app, "Rép.");
    assert_eq!(app.key_mode(), KeyMode::FacetMenu);
    common::app::click_on(&mut app, "RS (répertoire spécifique)");
    assert!(numbers(&app).iter().all(|n| n.starts_with("RS")));
    assert_eq!(numbers(&app).len(), 5);
    // A click elsewhere closes an open menu without choosing.
    key(&mut app, 'd');
    common::app::click(&mut app, (60, 30));
    assert_eq!(app.key_mode(), KeyMode::Fiches);
    assert_eq!(list(&app).bar.facets.nsf, None);
}

#[test]
fn the_selected_title_is_whole_the_others_cut() {
    let app = app_at(80, 24);
    let text = screen(&app);
    // The first fiche (selected) wraps its long title under the title column.
    assert!(
        text.contains("Programme Grande Ecole – Diplôme d’études"),
        "{text}"
    );
    assert!(
        text.contains("                  supérieures en management"),
        "{text}"
    );
    assert!(
        text.contains("réalisa…"),
        "others end in an ellipsis\n{text}"
    );
}

#[test]
fn the_list_with_its_facet_bar_at_80x24_and_120x40() {
    for (w, h) in [(80, 24), (120, 40)] {
        let mut app = app_at(w, h);
        key(&mut app, 'i');
        insta::assert_snapshot!(format!("list_active_{w}x{h}"), screen(&app));
        key(&mut app, 'm');
        insta::assert_snapshot!(format!("list_rome_menu_{w}x{h}"), screen(&app));
    }
}

#[test]
fn tiny_screens_never_panic() {
    for (w, h) in [
        (1, 1),
        (5, 2),
        (20, 5),
        (40, 12),
        (41, 13),
        (99, 29),
        (100, 30),
    ] {
        let mut app = app_at(120, 40);
        key(&mut app, 'a');
        update(
            &mut app,
            Action::Resize {
                width: w,
                height: h,
            },
        );
        let _ = screen(&app);
        for (column, row) in [(0, 0), (w / 2, h / 2), (w.saturating_sub(1), 1)] {
            update(&mut app, Action::Click { column, row });
            let _ = screen(&app);
        }
        keys(&mut app, KeyCode::Esc);
        key(&mut app, 'n');
        keys(&mut app, KeyCode::PageDown);
        let _ = screen(&app);
    }
}

#[test]
fn thousands_of_fiches_scroll_to_the_end() {
    let minimal = model::load_catalogue(&["tests/fixtures/minimal.ron".into()]).unwrap();
    let fiche = minimal.get(rncp_explorer::model::FicheId::FIRST).clone();
    let mut catalogue = Catalogue::new();
    for n in 0..3000 {
        let mut f = fiche.clone();
        f.rncp_code = (10000 + n).to_string();
        catalogue.add(f, "generated").unwrap();
    }
    let mut app = App::with_catalogue(catalogue);
    update(
        &mut app,
        Action::Resize {
            width: 80,
            height: 24,
        },
    );
    key(&mut app, 'G');
    assert_eq!(list(&app).list.selected, 2999);
    let text = screen(&app);
    assert!(text.contains("RNCP12999"), "{text}");
    assert!(text.contains("3000 fiches"), "{text}");
    keys(&mut app, KeyCode::PageUp);
    let text = screen(&app);
    assert!(!text.contains("RNCP12999"), "{text}");
    key(&mut app, 'g');
    assert!(screen(&app).contains("RNCP10000"));
}

/// What the list should show, worked out the slow way: the filter's words
/// in each fiche's folded number and title, `FacetCounts::compute` over
/// those, the facets applied, the order's stable sort.
fn reference(app: &App) -> (Vec<String>, FacetCounts) {
    use rncp_explorer::app::fiche_list::SortKey;
    use rncp_explorer::model::normalize::fold_str;
    let state = list(app);
    let catalogue = &app.catalogue;
    let words: Vec<String> = fold_str(&state.filter)
        .split_whitespace()
        .map(str::to_string)
        .collect();
    let matching: Vec<FicheId> = catalogue
        .ids()
        .filter(|id| {
            let f = catalogue.summary(*id);
            let key = format!(
                "{} {} {}",
                fold_str(&f.numero.to_string()),
                f.numero.digits,
                fold_str(&f.intitule)
            );
            words.iter().all(|w| key.contains(w.as_str()))
        })
        .collect();
    let filter = FacetFilter::new(&state.bar.facets);
    let counts = FacetCounts::compute(&filter, matching.iter().map(|id| catalogue.summary(*id)));
    let mut rows: Vec<&FicheSummary> = matching
        .iter()
        .map(|id| catalogue.summary(*id))
        .filter(|f| filter.accepts(f))
        .collect();
    match state.sort {
        SortKey::Source => {}
        SortKey::Number => rows.sort_by(|a, b| a.numero.cmp(&b.numero)),
        SortKey::Title => rows.sort_by_key(|f| fold_str(&f.intitule)),
        SortKey::EndDate => {
            rows.sort_by_key(|f| (f.end_of_registration.is_none(), f.end_of_registration))
        }
    }
    (rows.iter().map(|f| f.numero.to_string()).collect(), counts)
}

#[test]
fn every_keystroke_shows_what_the_slow_way_gives() {
    let mut app = app_at(120, 40);
    let check = |app: &App, step: &str| {
        let (rows, counts) = reference(app);
        assert_eq!(numbers(app), rows, "rows after {step}");
        assert_eq!(list(app).bar.counts, counts, "counts after {step}");
    };
    check(&app, "opening");
    // Typed a key at a time (each narrowing the last), words in any
    // order, then Backspace (widening), under each facet and order.
    let typing = |app: &mut App, text: &str, check: &dyn Fn(&App, &str)| {
        update(app, Action::OpenSearch);
        for c in text.chars() {
            update(app, Action::SearchInput(c));
            check(app, &format!("typing {:?}", list(app).filter));
        }
        for _ in 0..4 {
            update(app, Action::SearchBackspace);
            check(app, &format!("backspace to {:?}", list(app).filter));
        }
        update(app, Action::SearchClear);
        check(app, "clearing");
        update(app, Action::Close);
    };
    typing(&mut app, "dév web", &check);
    for (c, what) in [
        ('i', "inactive hidden"),
        ('r', "RNCP"),
        ('n', "a level"),
        ('s', "by number"),
        ('s', "by title"),
        ('s', "by end date"),
    ] {
        key(&mut app, c);
        check(&app, what);
        typing(&mut app, "ma 3", &check);
    }
    // A certifier, an NSF and a ROME code typed in their menus.
    key(&mut app, 'x');
    for (menu, value) in [('a', "universite"), ('d', "3"), ('m', "m1")] {
        key(&mut app, menu);
        for c in value.chars() {
            key(&mut app, c);
        }
        keys(&mut app, KeyCode::Enter);
        check(&app, &format!("menu {menu} {value}"));
        typing(&mut app, "in", &check);
    }
    assert!(list(&app).bar.facets.rome.is_some());
}

/// The NSF and ROME menus name each code with its label from the fiches;
/// a typed beginning stays a beginning.
#[test]
fn code_menus_give_each_code_its_label() {
    let mut app = app_at(120, 40);
    key(&mut app, 'd');
    let text = screen(&app);
    assert!(
        text.contains("326 Informatique, traitement de l'information"),
        "{text}"
    );
    key(&mut app, '3');
    key(&mut app, '2');
    assert!(screen(&app).contains("commençant par « 32 »"));
}

/// Words typed in a code menu are looked for in the labels: "informatique"
/// offers the ROME codes of computing jobs, and choosing one narrows the list.
#[test]
fn words_typed_in_a_code_menu_find_codes_by_their_labels() {
    let mut app = app_at(120, 40);
    key(&mut app, 'm');
    for c in "developpement info".chars() {
        key(&mut app, c);
    }
    let text = screen(&app);
    assert!(
        text.contains("M1805 Études et développement informatique"),
        "{text}"
    );
    assert!(!text.contains("F1201"), "{text}");
    assert!(
        !text.contains("commençant par"),
        "words are no code: {text}"
    );
}
