//! Moving around: focus, the parcours selection, the cursors that follow
//! them and the detail scroll. `update` and the popups (search jumps,
//! comparison) both move through here, so a move means the same wherever it
//! comes from.

use super::view::layout::{self, Shape};
use super::{App, Pane};
use crate::model::FicheId;

/// Focuses `pane`. The detail pane keeps describing what the user last
/// selected: focusing the parcours list selects its row again, but merely
/// passing through the tree (Tab to reach the detail) leaves a parcours'
/// or the fiche's detail in place — the tree becomes the subject when its
/// cursor moves ([`select_in_tree`]).
pub(super) fn set_focus(app: &mut App, pane: Pane) {
    app.focus = pane;
    if pane == Pane::Parcours {
        app.detail_source = pane;
    }
    // In single-pane mode the focused pane is the one on screen.
    if app.layout.shape == Shape::Single {
        app.layout = layout::compute(app.layout.area, pane);
    }
    follow_cursors(app);
    clamp_detail(app);
}

/// The tree's node under the cursor becomes what the detail pane describes.
pub(super) fn select_in_tree(app: &mut App) {
    app.detail_source = Pane::Maquette;
}

/// Selects parcours-pane row `row` (0 = fiche, clamped to the list).
pub(super) fn select_row(app: &mut App, row: usize) {
    let len = app.list_len();
    app.view_mut().list.selected = row.min(len - 1);
    app.detail_source = Pane::Parcours;
    follow_cursors(app);
}

/// Puts fiche `id` on screen (its view state kept from an earlier visit).
pub(super) fn open_fiche(app: &mut App, id: FicheId) {
    if app.current != id {
        app.open(id);
        follow_cursors(app);
    }
}

/// Scrolls the lists so their cursors are visible.
pub(super) fn follow_cursors(app: &mut App) {
    let height = app.layout.rows(Pane::Parcours);
    let len = app.list_len();
    app.view_mut().list.follow(height, len);
    let len = app.tree_rows().len();
    let height = app.layout.rows(Pane::Maquette);
    let tree = app.tree_mut();
    tree.cursor = tree.cursor.min(len.saturating_sub(1));
    tree.offset = super::list::follow(tree.offset, tree.cursor, height, len);
}

/// Keeps the detail scroll within the wrapped document.
pub(super) fn clamp_detail(app: &mut App) {
    let Some(lines) = app.refresh_detail() else {
        return;
    };
    let max = lines.saturating_sub(app.layout.rows(Pane::Detail));
    let view = app.view_mut();
    view.detail_scroll = view.detail_scroll.min(max);
}
