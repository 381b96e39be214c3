//! A registry fiche in the explorer: the detail pane's sections (identity,
//! validity, outcomes, partners, blocs), the blocs tree and a bloc's detail,
//! drawn at 80×24 and 120×40. Today is fixed so that "in N days" never ages.

mod common;

use std::sync::OnceLock;

use ratatui::Terminal;
use ratatui::backend::TestBackend;

use common::app::TODAY;
use rncp_explorer::app::clipboard::plain_text;
use rncp_explorer::app::persist::SavedState;
use rncp_explorer::app::view::detail;
use rncp_explorer::app::{Action, App, Mode, Msg, NodeId, Pane, update};
use rncp_explorer::model::registry::{self};
use rncp_explorer::model::{self, Catalogue};
use rncp_explorer::ui::{self, Theme};

const RNCP_SAMPLE: &str = "tests/fixtures/registry/export-rncp-sample.xml";

fn catalogue() -> Catalogue {
    static CATALOGUE: OnceLock<Catalogue> = OnceLock::new();
    CATALOGUE
        .get_or_init(|| common::app::load_uncached(&[RNCP_SAMPLE]))
        .clone()
}

/// The app at `width`×`height`, fiche `number` opened from the list.
fn opened(number: &str, width: u16, height: u16) -> App {
    opened_after(number, width, height, None)
}

/// The same, the state of a previous run restored first.
fn opened_after(number: &str, width: u16, height: u16, saved: Option<SavedState>) -> App {
    let catalogue = catalogue();
    let id = catalogue.lookup(number).expect("in the sample");
    let row = catalogue.iter().position(|(i, _)| i == id).expect("listed");
    let mut app = App::with_catalogue(catalogue);
    app.set_today(TODAY);
    if let Some(saved) = saved {
        update(&mut app, Msg::Restore(saved));
    }
    update(&mut app, Action::Resize { width, height });
    for _ in 0..row {
        update(&mut app, Action::Down);
    }
    update(&mut app, Action::Activate);
    assert_eq!(app.mode, Mode::Browse);
    assert_eq!(app.fiche().numero().to_string(), number);
    app
}

fn screen(app: &App, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|f| ui::render(f, app, &Theme::COLOR))
        .unwrap();
    terminal.backend().to_string()
}

fn detail_text(app: &App) -> String {
    plain_text(&detail::document(app))
}

#[test]
fn the_detail_of_a_registry_fiche_shows_every_section() {
    let app = opened("RNCP37674", 120, 40);
    let text = detail_text(&app);
    for needle in [
        "RNCP37674 — ",
        "Identité et niveaux",
        "Répertoire : RNCP",
        "Niveau européen : ",
        "Validité",
        "Active : oui",
        "Fin d'enregistrement : ",
        "Certificateurs",
        "Voies d'accès et jurys",
        "Résultats des promotions",
        "Partenaires (471)",
        "Habilités à former",
        "Blocs de compétences",
        "RNCP37674BC01 ",
    ] {
        assert!(text.contains(needle), "{needle}\n{text}");
    }
    // Days are counted from the app's today.
    let end = app
        .fiche()
        .registry
        .as_ref()
        .unwrap()
        .dates
        .end_of_registration
        .unwrap();
    let days = end.day_number() - TODAY.day_number();
    assert!(text.contains(&format!("({})", days_words(days))), "{text}");
}

fn days_words(days: i64) -> String {
    match days {
        d if d > 1 => format!("dans {d} jours"),
        d if d < -1 => format!("il y a {} jours", -d),
        _ => unreachable!("the samples are not due today"),
    }
}

#[test]
fn an_inactive_fiche_names_its_absent_replacement() {
    let app = opened("RNCP34762", 120, 40);
    let text = detail_text(&app);
    assert!(text.contains("Active : non"), "{text}");
    assert!(text.contains("Remplacée par :"), "{text}");
    assert!(text.contains("RNCP39568 (absente des données)"), "{text}");
    assert!(text.contains("il y a "), "{text}");
}

#[test]
fn unknown_outcomes_stay_question_marks_never_zero() {
    let catalogue = catalogue();
    let mut found = false;
    for (_, fiche) in catalogue.iter() {
        let record = fiche.registry.as_ref().unwrap();
        let lines = detail::registry_document(record, &catalogue, TODAY);
        let text = plain_text(&lines);
        for p in &record.promotions {
            if p.insertion_2_years.is_none() {
                found = true;
                assert!(text.contains("2 ans ?"), "{text}");
            }
        }
        if record.promotions.is_empty() {
            assert!(text.contains("Aucune statistique publiée."), "{text}");
        }
    }
    let _ = found;
}

#[test]
fn a_fiche_without_registry_keeps_its_document() {
    // The embedded Master (no record) says nothing of the registry.
    let app = App::new(model::embedded());
    let text = detail_text(&app);
    assert!(!text.contains("Identité et niveaux"), "{text}");
    assert!(text.contains("Parcours"), "{text}");
}

#[test]
fn registry_fiche_snapshots() {
    for (w, h) in [(80, 24), (120, 40)] {
        let mut app = opened("RNCP37674", w, h);
        update(&mut app, Action::Focus(Pane::Detail));
        insta::assert_snapshot!(format!("registry_fiche_{w}x{h}"), screen(&app, w, h));
    }
}

#[test]
fn validity_block_snapshot() {
    for (w, h) in [(80, 24), (120, 40)] {
        let mut app = opened("RNCP34762", w, h);
        update(&mut app, Action::Focus(Pane::Detail));
        // Down to the validity section, wherever the width puts it.
        for _ in 0..section_line(&app, "Validité") {
            update(&mut app, Action::Down);
        }
        insta::assert_snapshot!(
            format!("registry_validity_inactive_{w}x{h}"),
            screen(&app, w, h)
        );
    }
}

/// The detail line where section `heading` starts, at the pane's width.
fn section_line(app: &App, heading: &str) -> usize {
    let width = app.view().detail.as_ref().expect("kept").width;
    detail::wrap(&detail::document(app), width)
        .iter()
        .position(|l| l.iter().map(|(_, t)| t.as_str()).collect::<String>() == heading)
        .expect("the section")
}

#[test]
fn outcomes_chart_snapshot() {
    // RNCP35419 publishes three promotions.
    for (w, h) in [(80, 24), (120, 40)] {
        let mut app = opened("RNCP35419", w, h);
        update(&mut app, Action::Focus(Pane::Detail));
        for _ in 0..section_line(&app, "Résultats des promotions") {
            update(&mut app, Action::Down);
        }
        insta::assert_snapshot!(format!("registry_outcomes_{w}x{h}"), screen(&app, w, h));
    }
}

#[test]
fn the_tree_of_a_registry_fiche_lists_its_blocs_and_their_competences() {
    let mut app = opened("RNCP37674", 120, 40);
    update(&mut app, Action::Focus(Pane::Maquette));
    let rows = app.tree_rows();
    let blocs = app.fiche().registry.as_ref().unwrap().blocs.clone();
    assert_eq!(rows.len(), blocs.len(), "blocs closed at first");
    assert_eq!(rows[0].id, NodeId::Bloc(0));
    assert!(rows[0].expandable && !rows[0].expanded);
    let text = screen(&app, 120, 40);
    assert!(text.contains("RNCP37674BC01"), "{text}");
    assert!(!text.contains("Aucun semestre décrit."), "{text}");
    // The bloc's detail (once the tree's cursor moves): competences and assessment.
    update(&mut app, Action::Down);
    update(&mut app, Action::Up);
    let detail = detail_text(&app);
    assert!(detail.starts_with("RNCP37674BC01 — "), "{detail}");
    assert!(detail.contains("Compétences"), "{detail}");
    assert!(detail.contains("Modalités d'évaluation"), "{detail}");
    // Right opens the bloc on its competences; Down goes to the first.
    update(&mut app, Action::Right);
    let items = app.tree_rows().len() - blocs.len();
    assert!(items > 0);
    update(&mut app, Action::Down);
    assert_eq!(app.tree_node(), Some(NodeId::BlocItem(0, 0)));
    // Left goes back to the bloc.
    update(&mut app, Action::Left);
    assert_eq!(app.tree_node(), Some(NodeId::Bloc(0)));
}

#[test]
fn expand_and_collapse_all_work_on_blocs() {
    let mut app = opened("RNCP37674", 120, 40);
    update(&mut app, Action::Focus(Pane::Maquette));
    let blocs = app.fiche().registry.as_ref().unwrap().blocs.clone();
    let items: usize = blocs
        .iter()
        .map(|b| b.competences.as_ref().map_or(0, |t| t.items.len()))
        .sum();
    update(&mut app, Action::ExpandAll);
    assert_eq!(app.tree_rows().len(), blocs.len() + items);
    update(&mut app, Action::Down);
    update(&mut app, Action::CollapseAll);
    assert_eq!(app.tree_rows().len(), blocs.len());
    assert_eq!(app.tree_node(), Some(NodeId::Bloc(0)), "back to its bloc");
}

#[test]
fn a_curriculum_keeps_its_maquette_tree() {
    let mut app = App::new(model::embedded());
    update(&mut app, Action::Down);
    assert!(matches!(app.tree_rows()[0].id, NodeId::Semester(_)));
}

#[test]
fn blocs_tree_snapshots() {
    for (w, h) in [(80, 24), (120, 40)] {
        let mut app = opened("RNCP37674", w, h);
        update(&mut app, Action::Focus(Pane::Maquette));
        update(&mut app, Action::Right);
        update(&mut app, Action::Down);
        insta::assert_snapshot!(format!("registry_blocs_{w}x{h}"), screen(&app, w, h));
    }
}

#[test]
fn a_click_on_a_bloc_selects_it_and_the_saved_state_keeps_its_expansion() {
    let mut app = opened("RNCP37674", 120, 40);
    common::app::click_on(&mut app, "RNCP37674BC02");
    assert_eq!(app.focus, Pane::Maquette);
    assert_eq!(app.tree_node(), Some(NodeId::Bloc(1)));
    assert!(detail_text(&app).starts_with("RNCP37674BC02 — "));
    // Opened, remembered, and opened again on the next run.
    update(&mut app, Action::Right);
    let saved = app.saved_state(None);
    let next = opened_after("RNCP37674", 120, 40, Some(saved));
    assert!(next.tree().expanded.contains(&NodeId::Bloc(1)));
    assert!(next.tree_rows().len() > 2, "BC02 open on its competences");
}

#[test]
fn the_list_sorts_by_end_of_registration_soonest_first() {
    let mut app = App::with_catalogue(catalogue());
    update(
        &mut app,
        Action::Resize {
            width: 120,
            height: 40,
        },
    );
    // s: source order → number → title → end date.
    for _ in 0..3 {
        update(&mut app, Action::Swap);
    }
    let list = app.fiche_list.as_ref().expect("several fiches");
    let order: Vec<String> = list
        .rows
        .iter()
        .map(|id| app.catalogue.summary(*id).numero.to_string())
        .collect();
    assert_eq!(
        order,
        [
            "RNCP34762",
            "RNCP35419",
            "RNCP35625",
            "RNCP35809",
            "RNCP36490",
            "RNCP37488",
            "RNCP37674",
            "RNCP37873"
        ]
    );
    let text = screen(&app, 120, 40);
    assert!(text.contains("par fin d'enregistrement"), "{text}");
}

#[test]
fn an_rs_fiche_is_named_rs_everywhere_never_rncp() {
    let options = registry::Options {
        cache: false,
        ..Default::default()
    };
    let catalogue = model::load_sources(
        &["tests/fixtures/registry/export-rs-sample.xml".into()],
        &options,
    )
    .expect("the sample loads")
    .catalogue;
    let mut app = App::with_catalogue(catalogue);
    app.set_today(TODAY);
    update(
        &mut app,
        Action::Resize {
            width: 120,
            height: 40,
        },
    );
    update(&mut app, Action::Activate);
    assert_eq!(app.fiche().numero().to_string(), "RS6232");
    let text = screen(&app, 120, 40);
    assert!(text.contains("RS 6232"), "{text}");
    assert!(!text.contains("RNCP 6232"), "{text}");
}
