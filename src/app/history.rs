//! Back and forward over the places the user has been, like a browser's:
//! a fiche (its parcours row, tree node, detail scroll and chosen link) or
//! the fiche list (its filter, facets and order). A *jump* — following a
//! link, opening a fiche from the list, going back to the list, a search or
//! a finding leading elsewhere — records where it left from; moving inside
//! a pane (arrows, typing a filter) is no jump. `[` / Ctrl-O go back, `]` /
//! Ctrl-I forward; the trail of the places before this one is drawn in the
//! status bar ("RS6232 › RS7485").

use std::sync::Arc;

use super::fiche_list::SortKey;
use super::tree::{self, NodeId};
use super::view::strings as s;
use super::{App, Mode, Pane, nav};
use crate::model::FicheId;
use crate::model::facets::Facets;

/// Places kept each way; the oldest go first.
pub const MAX: usize = 100;

/// Where the user has been (`back`, latest last) and, after going back,
/// where they came back from (`forward`, next last).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct History {
    pub back: Vec<Place>,
    pub forward: Vec<Place>,
}

/// One place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    List {
        filter: String,
        facets: Facets,
        sort: SortKey,
        /// The fiche under the list's cursor.
        selected: Option<FicheId>,
    },
    Fiche {
        id: FicheId,
        /// Parcours-pane row (0 = fiche).
        row: usize,
        /// The tree's cursor row, and the node under it when the detail
        /// described it (finding the node walks the tree's rows).
        cursor: usize,
        node: Option<NodeId>,
        /// The detail described that node (rather than the row).
        tree_subject: bool,
        focus: Pane,
        scroll: usize,
        link: Option<usize>,
    },
}

impl Place {
    /// Whether `other` is the same place for the history: the same fiche
    /// row and node (scrolling and focus aside), or the list whatever its
    /// filter (typing it is no jump).
    fn same_spot(&self, other: &Place) -> bool {
        match (self, other) {
            (Place::List { .. }, Place::List { .. }) => true,
            (
                Place::Fiche {
                    id,
                    row,
                    node,
                    tree_subject,
                    ..
                },
                Place::Fiche {
                    id: id2,
                    row: row2,
                    node: node2,
                    tree_subject: subject2,
                    ..
                },
            ) => {
                id == id2
                    && row == row2
                    && tree_subject == subject2
                    && (!tree_subject || node == node2)
            }
            _ => false,
        }
    }
}

/// Where the app is now.
pub fn here(app: &App) -> Place {
    match (&app.mode, &app.fiche_list) {
        (Mode::Fiches, Some(list)) => Place::List {
            filter: list.filter.clone(),
            facets: list.bar.facets.clone(),
            sort: list.sort,
            selected: list.current(),
        },
        _ => Place::Fiche {
            id: app.current,
            row: app.selected(),
            cursor: app.tree().cursor,
            node: (app.detail_source == Pane::Maquette)
                .then(|| app.tree_node())
                .flatten(),
            tree_subject: app.detail_source == Pane::Maquette,
            focus: app.focus,
            scroll: app.view().detail_scroll,
            link: app.view().link,
        },
    }
}

/// Runs `go`; when it took the app to another place, the one it left is
/// recorded and the forward places are dropped.
pub(super) fn jump(app: &mut App, go: impl FnOnce(&mut App)) {
    let before = here(app);
    go(app);
    if !before.same_spot(&here(app)) {
        push(&mut app.history.back, before);
        app.history.forward.clear();
    }
}

fn push(places: &mut Vec<Place>, place: Place) {
    if places.len() >= MAX {
        places.remove(0);
    }
    places.push(place);
}

/// `[` (`back`) or `]`: the previous or next place, this one kept the other way.
pub(super) fn step(app: &mut App, back: bool) {
    let now = here(app);
    let history = &mut app.history;
    let (from, to) = if back {
        (&mut history.back, &mut history.forward)
    } else {
        (&mut history.forward, &mut history.back)
    };
    let Some(place) = from.pop() else {
        app.notice = Some(
            if back {
                s::HISTORY_START
            } else {
                s::HISTORY_END
            }
            .to_string(),
        );
        return;
    };
    push(to, now);
    restore(app, place);
}

/// Puts the app back at `place`.
fn restore(app: &mut App, place: Place) {
    app.popup = None;
    match place {
        Place::List {
            filter,
            facets,
            sort,
            selected,
        } => {
            let catalogue = Arc::clone(&app.catalogue);
            let Some(list) = &mut app.fiche_list else {
                return;
            };
            list.filter = filter;
            list.bar.facets = facets;
            list.sort = sort;
            list.editing = false;
            list.rebuild(&catalogue);
            if let Some(at) = selected.and_then(|id| list.rows.iter().position(|r| *r == id)) {
                list.list.selected = at;
            }
            app.mode = Mode::Fiches;
        }
        Place::Fiche {
            id,
            row,
            cursor,
            node,
            tree_subject,
            focus,
            scroll,
            link,
        } => {
            if id.index() >= app.catalogue.len() {
                return;
            }
            app.mode = Mode::Browse;
            nav::open_fiche(app, id);
            nav::select_row(app, row);
            match node.filter(|n| tree::exists(app.fiche(), app.selection(), *n)) {
                Some(node) => {
                    let mut parent = node.parent();
                    while let Some(p) = parent {
                        app.tree_mut().expanded.insert(p);
                        parent = p.parent();
                    }
                    if let Some(at) = app.tree_rows().iter().position(|r| r.id == node) {
                        app.tree_mut().cursor = at;
                    }
                }
                // follow_cursors below keeps it within the rows.
                None => app.tree_mut().cursor = cursor,
            }
            if tree_subject {
                nav::select_in_tree(app);
            }
            nav::set_focus(app, focus);
            let view = app.view_mut();
            view.detail_scroll = scroll;
            view.link = link;
            view.found = None;
            nav::follow_cursors(app);
            nav::clamp_detail(app);
        }
    }
}

/// What a place is called in the trail, in parts: "RNCP24759",
/// "Europe", "UE 8"; the list is one part, "Liste (ROME M1805)".
fn parts(app: &App, place: &Place) -> Vec<String> {
    match place {
        Place::List { filter, facets, .. } => vec![s::trail_list(facets.rome.as_deref(), filter)],
        Place::Fiche {
            id,
            row,
            node,
            tree_subject,
            ..
        } => {
            if id.index() >= app.catalogue.len() {
                return Vec::new();
            }
            let fiche = app.catalogue.get(*id);
            let mut parts = vec![fiche.numero().to_string()];
            let selection = match row {
                0 => tree::Selection::Fiche,
                r => tree::Selection::Parcours(r - 1),
            };
            if let Some(p) = row.checked_sub(1).and_then(|p| fiche.parcours.get(p)) {
                parts.push(p.short_label());
            }
            if let (true, Some(NodeId::Ue(si, ui) | NodeId::Course(si, ui, _))) =
                (*tree_subject, node)
            {
                let sems = tree::semesters(fiche, selection);
                if let Some(ue) = tree::ue(&sems, *si, *ui) {
                    parts.push(ue.code.clone());
                }
            }
            parts
        }
    }
}

/// The places before this one and this one; the list at the start,
/// unfiltered, is left out (every visit begins there, and Échap goes
/// there). A place in the same fiche as the one before it drops what they
/// share: "RNCP24759 · Communication · UE 8 › Urbain · UE 8". Empty when no
/// place comes before this one.
pub fn trail(app: &App) -> Vec<String> {
    let plain = vec![s::trail_list(None, "")];
    let mut places: Vec<Vec<String>> = app
        .history
        .back
        .iter()
        .map(|p| parts(app, p))
        .skip_while(|p| *p == plain)
        .collect();
    if places.is_empty() {
        return Vec::new();
    }
    places.push(parts(app, &here(app)));
    let mut out = Vec::with_capacity(places.len());
    for (i, place) in places.iter().enumerate() {
        let shared = match i.checked_sub(1).map(|j| &places[j]) {
            // The same fiche: what follows its number, from the first part that differs.
            Some(before) if before.first() == place.first() && place.len() > 1 => {
                let same = place.iter().zip(before).take_while(|(a, b)| a == b).count();
                same.min(place.len() - 1)
            }
            _ => 0,
        };
        out.push(place[shared..].join(" · "));
    }
    out
}
