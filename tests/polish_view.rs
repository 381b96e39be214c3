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
    let index = app.fiche.parcours.iter().position(|p| p.id == id).unwrap();
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
