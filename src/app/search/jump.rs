//! Going where a search result is: an item in its parcours (the picker
//! asks which when there are several), a certification on its best item's
//! place — a bloc in the blocs tree, a job marked in its parcours, the
//! fiche's overview for what belongs to the fiche as a whole.

use std::sync::Arc;

use super::{App, Picker, Popup, list_lines};
use crate::app::action::{Action, Pane};
use crate::app::list::ListCursor;
use crate::app::search::Found;
use crate::app::tree::{self, NodeId, Selection};
use crate::app::view::{Tone, detail};
use crate::app::{Mode, nav};
use crate::model::{FicheId, ParcoursRef};
use crate::search::{CertHit, EntryId, Kind, Location, Mode as SearchMode};

/// `Entrée` on the result under the cursor.
pub(super) fn activate(app: &mut App) {
    let Some(Popup::Search(popup)) = &mut app.popup else {
        return;
    };
    if popup.mode == SearchMode::Certifications {
        if let Some(cert) = popup
            .results
            .certifications
            .get(popup.list.selected)
            .copied()
        {
            open_certification(app, cert);
        }
        return;
    }
    let Some(hit) = popup.results.hits.get(popup.list.selected).copied() else {
        return;
    };
    let entry = app.search.index.entry(hit.id);
    match entry.parcours.as_slice() {
        [] => {}
        // What belongs to the fiche as a whole is in every parcours: no
        // parcours to choose, the fiche opens.
        [first, ..] if entry.kind.is_fiche_level() => {
            let first = *first;
            jump(app, hit.id, first);
        }
        [only] => {
            let only = *only;
            jump(app, hit.id, only);
        }
        several => {
            popup.picker = Some(Picker {
                entry: hit.id,
                parcours: several.to_vec(),
                list: ListCursor::default(),
            })
        }
    }
}

pub(super) fn picker(app: &mut App, action: Action) {
    let page = list_lines(app).saturating_sub(2).max(1);
    let Some(Popup::Search(popup)) = &mut app.popup else {
        return;
    };
    let Some(picker) = &mut popup.picker else {
        return;
    };
    match action {
        Action::Close => popup.picker = None,
        Action::Activate => {
            let (entry, parcours) = (picker.entry, picker.parcours[picker.list.selected]);
            jump(app, entry, parcours);
        }
        other => {
            picker.list.step(other, picker.parcours.len(), page);
        }
    }
}

/// Closes the popup and shows entry `id` in parcours `p`: a list item is
/// marked and scrolled to in the detail pane; a UE or course becomes the
/// maquette cursor (its semester and UE opened).
pub fn jump(app: &mut App, id: EntryId, target: ParcoursRef) {
    let index = Arc::clone(&app.search.index);
    let entry = index.entry(id);
    let Some(place) = entry.place_in(target) else {
        return;
    };
    if entry.kind.is_fiche_level() {
        let at = match place.at {
            Location::Item { index } => index,
            _ => 0,
        };
        return fiche_item(app, target.fiche, entry.kind, at);
    }
    let p = target.parcours;
    app.popup = None;
    // From the fiche list (Ctrl-F), the fiche opens in the three panes.
    if matches!(app.mode, Mode::Fiches) {
        app.mode = Mode::Browse;
    }
    nav::open_fiche(app, target.fiche);
    app.view_mut().found = None;
    nav::select_row(app, p + 1);
    match &place.at {
        Location::Item { index } => {
            app.view_mut().found = Some(Found {
                parcours: target,
                kind: entry.kind,
                index: *index,
            });
            nav::set_focus(app, Pane::Parcours);
            nav::set_focus(app, Pane::Detail);
            app.view_mut().detail_scroll = found_line(app);
            nav::clamp_detail(app);
        }
        Location::Ue(ue) | Location::Course { ue, .. } => {
            let catalogue = Arc::clone(&app.catalogue);
            let fiche = catalogue.get(target.fiche);
            let sems = tree::semesters(fiche, Selection::Parcours(p));
            let semester = if ue.common {
                fiche.common_semesters.get(ue.semester_index)
            } else {
                fiche.parcours[p].semesters.get(ue.semester_index)
            };
            let Some(s) = semester.and_then(|sem| {
                sems.iter()
                    .position(|r| r.common == ue.common && std::ptr::eq(r.semester, sem))
            }) else {
                return;
            };
            let node = match place.at {
                Location::Course { course, .. } => NodeId::Course(s, ue.ue_index, course),
                _ => NodeId::Ue(s, ue.ue_index),
            };
            let tree = app.tree_mut();
            tree.expanded.insert(NodeId::Semester(s));
            if let NodeId::Course(..) = node {
                tree.expanded.insert(NodeId::Ue(s, ue.ue_index));
            }
            let rows = tree::rows(&sems, &tree.expanded);
            if let Some(cursor) = rows.iter().position(|r| r.id == node) {
                tree.cursor = cursor;
            }
            nav::set_focus(app, Pane::Maquette);
            nav::select_in_tree(app);
            app.view_mut().detail_scroll = 0;
        }
    }
}

/// The first wrapped detail line of the marked item, a line of context above it.
fn found_line(app: &App) -> usize {
    let Some(inner) = app.layout.inner(Pane::Detail) else {
        return 0;
    };
    let doc = detail::document(app);
    let Some(at) = doc
        .iter()
        .position(|l| l.spans.iter().any(|(tone, _)| *tone == Tone::Found))
    else {
        return 0;
    };
    detail::wrap(&doc[..at], usize::from(inner.width))
        .len()
        .saturating_sub(1)
}

/// Opens the certification `cert` on its best item's place: where the
/// item is when it belongs to a parcours (the first, if several), the bloc
/// or the overview when it belongs to the fiche.
fn open_certification(app: &mut App, cert: CertHit) {
    let index = Arc::clone(&app.search.index);
    let entry = index.entry(cert.best);
    match entry.parcours.first() {
        Some(first) if entry.fiche == cert.fiche => jump(app, cert.best, *first),
        _ => fiche_item(app, cert.fiche, Kind::Title, 0),
    }
}

/// Closes the popup and opens fiche `id` on item `at` of its `kind`, one of
/// the fiche's own (intitulé, diploma, bloc, ROME, certifier): a bloc is
/// the blocs tree's cursor, the rest the fiche's overview.
fn fiche_item(app: &mut App, id: FicheId, kind: Kind, at: usize) {
    app.popup = None;
    if matches!(app.mode, Mode::Fiches) {
        app.mode = Mode::Browse;
    }
    nav::open_fiche(app, id);
    app.view_mut().found = None;
    nav::select_row(app, 0);
    app.view_mut().detail_scroll = 0;
    let bloc = kind == Kind::Bloc && tree::blocs(app.fiche()).is_some_and(|b| at < b.len());
    if bloc {
        let rows = app.tree_rows();
        if let Some(cursor) = rows.iter().position(|r| r.id == NodeId::Bloc(at)) {
            app.tree_mut().cursor = cursor;
            nav::set_focus(app, Pane::Maquette);
            nav::select_in_tree(app);
            return;
        }
    }
    nav::set_focus(app, Pane::Parcours);
}
