//! The findings popup (`!`): every `check` finding of the fiche on screen,
//! one row each, and `Entrée` to go where it is — the parcours (or the fiche
//! for the common core), then the semester or UE node in its tree.

use super::list::{ListCursor, follow};
use super::nav::{follow_cursors, select_in_tree, select_row, set_focus};
use super::tree::{self, NodeId};
use super::view::layout;
use super::{Action, App, Pane, Popup, selection_of};
use crate::check::Location;

/// One row per finding: "Europe › Semestre 3 › UE 9 · 28 ECTS au lieu de 30".
pub fn rows(app: &App) -> Vec<String> {
    let fiche = app.fiche();
    app.findings()
        .iter()
        .map(|f| format!("{} · {}", f.location.display(fiche), f.message))
        .collect()
}

/// Opens the popup on the first finding.
pub(super) fn open(app: &mut App) {
    app.popup = Some(Popup::Findings(ListCursor::default()));
}

/// Rows of findings the popup shows at once.
pub fn page(app: &App) -> usize {
    let rect = layout::findings_popup(app.layout.area, app.findings().len());
    usize::from(layout::inner(rect).height).max(1)
}

pub(super) fn handle(app: &mut App, action: Action) {
    let Some(Popup::Findings(mut cursor)) = app.popup.clone() else {
        return;
    };
    let len = app.findings().len();
    let page = page(app);
    match action {
        Action::Close | Action::OpenFindings => {
            app.popup = None;
            return;
        }
        Action::Activate => {
            app.popup = None;
            if let Some(f) = app.findings().get(cursor.selected) {
                let location = f.location.clone();
                go_to(app, &location);
            }
            return;
        }
        Action::Click { column, row } => {
            let rect = layout::findings_popup(app.layout.area, len);
            if !layout::contains(rect, column, row) {
                app.popup = None;
                return;
            }
            // A click on a finding goes there, like a click on a search result.
            let inner = layout::inner(rect);
            let offset = follow(cursor.offset, cursor.selected, page, len);
            let index = offset + usize::from(row.saturating_sub(inner.y));
            if layout::contains(inner, column, row) && index < len {
                cursor.selected = index;
                app.popup = Some(Popup::Findings(cursor));
                return handle(app, Action::Activate);
            }
        }
        Action::Wheel { down, .. } => cursor.wheel(down, len, page),
        other => {
            cursor.step(other, len, page);
        }
    }
    app.popup = Some(Popup::Findings(cursor));
}

/// Brings the place of a finding on screen: its parcours row, then its
/// semester (and UE) in the tree, with focus on the most precise of them.
pub(super) fn go_to(app: &mut App, location: &Location) {
    let row = match &location.parcours {
        Some(id) => match app.fiche().parcours.iter().position(|p| &p.id == id) {
            Some(p) => p + 1,
            None => return,
        },
        None => 0,
    };
    select_row(app, row);
    let view = app.view_mut();
    view.detail_scroll = 0;
    view.found = None;
    let Some(number) = location.semester else {
        set_focus(app, Pane::Parcours);
        return;
    };
    let sems = tree::semesters(app.fiche(), selection_of(row));
    // A parcours' curriculum lists the common core first: a finding about
    // the parcours' own semester is about its own copy of that number.
    let own = location.parcours.is_some();
    let Some(s) = sems
        .iter()
        .position(|sem| sem.semester.number == number && sem.common != own)
        .or_else(|| sems.iter().position(|sem| sem.semester.number == number))
    else {
        set_focus(app, Pane::Parcours);
        return;
    };
    let target = location
        .ue
        .as_deref()
        .and_then(|code| sems[s].semester.ues.iter().position(|u| u.code == code))
        .map_or(NodeId::Semester(s), |u| NodeId::Ue(s, u));
    if let NodeId::Ue(..) = target {
        app.tree_mut().expanded.insert(NodeId::Semester(s));
    }
    let rows = app.tree_rows();
    let index = rows.iter().position(|r| r.id == target).unwrap_or(0);
    app.tree_mut().cursor = index;
    set_focus(app, Pane::Maquette);
    select_in_tree(app);
    follow_cursors(app);
}
