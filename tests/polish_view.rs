//! Issue 14's polish points as a user sees them, on ratatui's TestBackend
//! (monochrome): unknown ECTS, status-bar hints, the help legend, electives,
//! one-sided comparison rows, search rows at any width, wording.

mod common;

use rncp_explorer::app::{Action, App, update};

use common::app::{app_at, drawn};

fn press(app: &mut App, actions: &[Action]) {
    for a in actions {
        update(app, *a);
    }
}

/// The screen as lines, trailing spaces trimmed.
fn lines(app: &App) -> Vec<String> {
    let buffer = drawn(app);
    let width = usize::from(buffer.area.width);
    buffer
        .content
        .chunks(width)
        .map(|row| {
            let line: String = row.iter().map(|c| c.symbol()).collect();
            line.trim_end().to_string()
        })
        .collect()
}

fn screen(app: &App) -> String {
    lines(app).join("\n")
}

/// Selects parcours `id` in the parcours pane (the fiche entry is row 0).
fn on_parcours(app: &mut App, id: &str) {
    let index = app
        .fiche()
        .parcours
        .iter()
        .position(|p| p.id == id)
        .unwrap();
    press(app, &[Action::Top]);
    for _ in 0..=index {
        update(app, Action::Down);
    }
}

// ── 14.5: missing ECTS are unknown, not 0 ──────────────────────────────

#[test]
fn unknown_ects_read_as_unknown_in_the_tree() {
    let mut app = app_at(120, 40);
    on_parcours(&mut app, "recherche");
    let lines = lines(&app);
    let text = lines.join("\n");
    assert!(
        text.contains("Recherche · ≥ 88 ECTS"),
        "tree title:\n{text}"
    );
    let s4 = lines
        .iter()
        .find(|l| l.contains("Semestre 4"))
        .expect("S4 row");
    assert!(s4.contains("? ECTS ⚠"), "{s4}");
    let s3 = lines
        .iter()
        .find(|l| l.contains("Semestre 3"))
        .expect("S3 row");
    assert!(s3.contains("≥ 32 ECTS ⚠"), "{s3}");
    assert!(!text.contains(" 0 ECTS"), "{text}");
}

#[test]
fn unknown_ects_read_as_unknown_in_the_comparison() {
    let mut app = app_at(120, 40);
    on_parcours(&mut app, "recherche");
    // The picker lists the other parcours: Communication, then Europe.
    press(
        &mut app,
        &[Action::OpenCompare, Action::Down, Action::Activate],
    );
    let text = screen(&app);
    assert!(text.contains("Recherche ↔ Europe"), "{text}");
    assert!(text.contains("S4 ?|30"), "{text}");
    assert!(text.contains("total ≥88|116"), "{text}");
    assert!(text.contains("Semestre 3 · ≥ 32 ECTS"), "{text}");
    assert!(
        text.contains("UE 10 Aide à la recherche · ? ECTS"),
        "{text}"
    );
}

// ── 14.12: one-sided list items face to face ──────────────────────────

#[test]
fn comparison_lists_put_each_sides_own_items_face_to_face() {
    use rncp_explorer::app::view::compare_lines::{self as lines, Cells};
    use rncp_explorer::compare::{self, Facing, Options};
    let fiche = rncp_explorer::model::embedded();
    let (europe, humanitaire) = (
        fiche.parcours_by_id("europe").unwrap(),
        fiche.parcours_by_id("humanitaire").unwrap(),
    );
    let c = compare::compare(
        compare::Side::new(&fiche, europe),
        compare::Side::new(&fiche, humanitaire),
        Options::default(),
    );
    let body = lines::body(&fiche, &c, 96);
    let text = |w: &[(rncp_explorer::app::view::Tone, String)]| {
        w.iter().map(|(_, t)| t.as_str()).collect::<String>()
    };
    let line = body
        .iter()
        .find(|l| matches!(&l.cells, Cells::Split(left, _) if text(left).contains("manager de projets européens")))
        .expect("Europe's first job");
    assert_eq!(line.mark, Some(Facing::Each));
    let Cells::Split(_, right) = &line.cells else {
        unreachable!()
    };
    assert!(
        text(right).contains("chef de projets humanitaires"),
        "{right:?}"
    );
    // Far shorter than one side's list after the other's (174 lines before).
    assert!(body.len() < 140, "{}", body.len());

    // On screen, the legend explains the mark.
    let mut app = app_at(120, 40);
    on_parcours(&mut app, "europe");
    let index = app
        .fiche()
        .parcours
        .iter()
        .position(|p| p.id == "humanitaire")
        .unwrap();
    update(&mut app, Action::OpenCompare);
    for _ in 0..index - 1 {
        update(&mut app, Action::Down);
    }
    update(&mut app, Action::Activate);
    let screen = screen(&app);
    assert!(screen.contains("Europe ↔ Humanitaire"), "{screen}");
    assert!(screen.contains("≠ chacun le sien"), "{screen}");
}

// ── 14.14: wording ────────────────────────────────────────────────────

/// Everything the detail pane would show, as plain text.
fn detail_text(app: &App) -> String {
    rncp_explorer::app::view::detail::document(app)
        .iter()
        .map(|l| l.spans.iter().map(|(_, t)| t.as_str()).collect::<String>())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn detail_wording_says_each_thing_once_and_explains_unknowns() {
    use rncp_explorer::app::NodeId;
    let mut app = app_at(120, 40);
    // The fiche: access routes whose Oui/Non the source lost say why.
    let text = detail_text(&app);
    assert!(
        text.contains("ouverte : inconnu (non lisible dans la source)"),
        "{text}"
    );
    // Recherche › S3 › UE 9 has no ECTS: "ECTS : non précisé", not "ECTS : ECTS non précisé".
    on_parcours(&mut app, "recherche");
    press(&mut app, &[Action::NextPane, Action::Top]);
    let index = app
        .tree_rows()
        .iter()
        .position(|r| r.id == NodeId::Ue(2, 2))
        .unwrap();
    for _ in 0..index {
        update(&mut app, Action::Down);
    }
    let text = detail_text(&app);
    assert!(text.contains("UE 9 — Découverte de la recherche"), "{text}");
    assert!(text.lines().any(|l| l == "ECTS : non précisé"), "{text}");
    // A finding's guillemets hold to their words: no lone "»" on a wrapped line.
    assert!(text.contains("«\u{a0}Découverte de la recherche et professionnalisation\u{a0}»"));
    for (w, h) in [(80, 24), (60, 20), (40, 12)] {
        update(
            &mut app,
            Action::Resize {
                width: w,
                height: h,
            },
        );
        for line in lines(&app) {
            let inner = line.trim_matches(|c| c == '│' || c == ' ');
            assert!(inner != "»" && !inner.starts_with("» "), "{w}×{h}: {line}");
        }
    }
}

#[test]
fn scroll_positions_say_what_they_count_and_the_tree_has_one() {
    let mut app = app_at(120, 40);
    on_parcours(&mut app, "communication");
    let top = lines(&app)[0].clone();
    assert!(
        top.contains("Détail") && top.contains("lignes 1–37 sur"),
        "{top}"
    );
    // 80×16: the tree of Europe (14 UEs, 4 semesters) overflows; a scrollbar
    // on its right border says so, and moves when the tree scrolls.
    let mut app = app_at(80, 16);
    on_parcours(&mut app, "europe");
    let column = |app: &App| -> String {
        let buffer = drawn(app);
        let tree = app
            .layout
            .pane(rncp_explorer::app::Pane::Maquette)
            .expect("tree pane");
        let x = tree.x + tree.width - 1;
        (tree.y + 1..tree.y + tree.height - 1)
            .map(|y| buffer[(x, y)].symbol().to_string())
            .collect()
    };
    let before = column(&app);
    assert!(before.contains('┃') && before.starts_with('┃'), "{before}");
    press(&mut app, &[Action::NextPane, Action::Bottom]);
    let after = column(&app);
    assert!(after.ends_with('┃') && after.starts_with('│'), "{after}");
}

// ── 14.8: the most useful hints fit, `?` always ───────────────────────

#[test]
fn status_bar_keeps_the_most_useful_hints_and_always_help() {
    for (w, h) in [(120, 40), (80, 24), (60, 20), (40, 12)] {
        let mut app = app_at(w, h);
        let status = |app: &App| lines(app).last().unwrap().clone();
        let line = status(&app);
        assert!(line.contains("? aide"), "{w}×{h}: {line}");
        if w >= 60 {
            assert!(line.contains("/ chercher"), "{w}×{h}: {line}");
            assert!(line.contains("c comparer"), "{w}×{h}: {line}");
        }
        if w >= 80 {
            assert!(line.contains("↑↓ naviguer"), "{w}×{h}: {line}");
        }
        // In the comparison too.
        press(
            &mut app,
            &[Action::Down, Action::OpenCompare, Action::Activate],
        );
        let line = status(&app);
        assert!(line.contains("? aide"), "{w}×{h} compare: {line}");
        assert!(line.contains("Échap"), "{w}×{h} compare: {line}");
    }
}

// ── 14.9 (symbols): the help explains every mark ──────────────────────

#[test]
fn help_has_a_legend_of_the_symbols() {
    use rncp_explorer::app::view::help::{self, HelpLine};
    let lines = help::lines();
    let legend: Vec<(&str, &str)> = lines
        .iter()
        .skip_while(|l| **l != HelpLine::Heading("Symboles"))
        .skip(1)
        .map_while(|l| match l {
            HelpLine::Binding { keys, description } => Some((*keys, *description)),
            HelpLine::Heading(_) => None,
        })
        .collect();
    for symbol in ["◇", "○", "⚠", "= < >", "≠", "□", "? ECTS", "≥ 88"] {
        assert!(
            legend.iter().any(|(k, _)| *k == symbol),
            "{symbol} not explained: {legend:?}"
        );
    }
    // Reachable on screen: the help scrolls down to it.
    let mut app = app_at(120, 40);
    press(&mut app, &[Action::OpenHelp]);
    for _ in 0..lines.len() {
        update(&mut app, Action::Down);
    }
    let text = screen(&app);
    assert!(text.contains("Symboles"), "{text}");
    assert!(text.contains("Un cours parmi des variantes"), "{text}");
}

// ── 14.11: electives ──────────────────────────────────────────────────

#[test]
fn electives_show_their_rule_at_80_columns_and_their_courses_a_mark() {
    use rncp_explorer::app::NodeId;
    let mut app = app_at(80, 24);
    on_parcours(&mut app, "communication");
    let text = screen(&app);
    let ue2 = text
        .lines()
        .find(|l| l.contains("UE 2 "))
        .expect("UE 2 row");
    assert!(ue2.contains("2 au choix · 6"), "{ue2}");
    // Open UE 2 (an elective UE, "2 au choix"): its courses carry □.
    press(&mut app, &[Action::NextPane, Action::Top]);
    let index = app
        .tree_rows()
        .iter()
        .position(|r| r.id == NodeId::Ue(0, 1))
        .unwrap();
    for _ in 0..index {
        update(&mut app, Action::Down);
    }
    update(&mut app, Action::Activate);
    update(&mut app, Action::Down);
    let text = screen(&app);
    let courses: Vec<&str> = text.lines().filter(|l| l.contains("□ ")).collect();
    assert!(courses.len() >= 2, "{text}");
    // The course's detail says it is one to choose.
    assert!(
        detail_text(&app).contains("Nature : à choisir (2 au choix parmi"),
        "{}",
        detail_text(&app)
    );
}

// ── 14.13: search rows keep their text; the popup uses the width ──────

fn searching(width: u16, height: u16, query: &str) -> App {
    let mut app = app_at(width, height);
    update(&mut app, Action::OpenSearch);
    for c in query.chars() {
        update(&mut app, Action::SearchInput(c));
    }
    app
}

#[test]
fn narrow_search_rows_keep_their_matched_text() {
    for (w, h) in [(40, 12), (50, 16), (60, 20), (80, 24)] {
        let app = searching(w, h, "stage");
        let text = screen(&app);
        let rows: Vec<&str> = text
            .lines()
            .filter(|l| l.contains("UE ") && (l.contains("Stage") || l.contains("stage")))
            .collect();
        assert!(!rows.is_empty(), "{w}×{h}:\n{text}");
        for row in rows {
            assert!(
                row.contains("Stage (1") || row.contains("Stage "),
                "{w}×{h}: {row}"
            );
        }
        assert!(text.contains("Stage (1"), "{w}×{h}:\n{text}");
    }
}

#[test]
fn wide_search_popup_uses_the_room() {
    let app = searching(200, 40, "stage");
    let lines = lines(&app);
    let top = lines
        .iter()
        .find(|l| l.contains("┌ Recherche"))
        .expect("popup title");
    use unicode_width::UnicodeWidthStr;
    let popup = top[top.find("┌ Recherche").unwrap()..].width();
    assert!(popup >= 190, "{popup}: {top}");
    let text = lines.join("\n");
    // A long result reads whole, its parcours too.
    assert!(
        text.contains("UE 13 · Communication, Urbain, Humanitaire ; UE 14 · Europe, Collectivités"),
        "{text}"
    );
}
