//! Followable links of the detail pane: a replacement or correspondence
//! number (another fiche), a shared UE's other parcours (that UE there), a
//! ROME code (the fiche list narrowed to the fiches carrying it). `n` / `N`
//! choose one — marked on screen, scrolled into view, named in the status
//! bar — and Entrée (or a click on it) follows it. Every move is a jump of
//! the history (`history.rs`), so `[` comes back.
//!
//! A number the catalogue does not hold is no link: the detail says it is
//! absent, and `n` passes it by. Web addresses are `links.rs` (`o`).

use std::sync::Arc;

use unicode_width::UnicodeWidthStr;

use super::tree::{self, NodeId};
use super::view::detail::Target;
use super::view::{Tone, strings as s};
use super::{App, DetailLines, Mode, Pane, history, nav};

/// The detail document as wrapped for the pane now, with its links.
fn kept(app: &App) -> Option<Arc<DetailLines>> {
    let inner = app.layout.inner(Pane::Detail)?;
    Some(app.detail_lines(usize::from(inner.width)))
}

/// `n` (`forward`) / `N`: the next or previous link, from the one chosen,
/// or else from what the pane shows. The detail pane gets the focus, so
/// Entrée follows it.
pub(super) fn choose(app: &mut App, forward: bool) {
    if app.mode != Mode::Browse {
        return;
    }
    nav::set_focus(app, Pane::Detail);
    let Some(kept) = kept(app) else {
        return;
    };
    let links = &kept.links;
    if links.is_empty() {
        app.view_mut().link = None;
        app.notice = Some(s::NO_FOLLOWABLE.to_string());
        return;
    }
    let len = links.len();
    let height = app.layout.rows(Pane::Detail).max(1);
    let scroll = app.view().detail_scroll;
    let index = match (app.view().link.filter(|i| *i < len), forward) {
        (Some(i), true) => (i + 1) % len,
        (Some(i), false) => (i + len - 1) % len,
        (None, true) => links.iter().position(|l| l.last >= scroll).unwrap_or(0),
        (None, false) => links
            .iter()
            .rposition(|l| l.first < scroll + height)
            .unwrap_or(len - 1),
    };
    app.view_mut().link = Some(index);
    show(app, &kept, index);
}

/// Scrolls link `index` into view (with a line of context when it was off)
/// and names it in the status bar.
fn show(app: &mut App, kept: &DetailLines, index: usize) {
    let spot = &kept.links[index];
    let height = app.layout.rows(Pane::Detail).max(1);
    let view = app.view_mut();
    if spot.first < view.detail_scroll {
        view.detail_scroll = spot.first.saturating_sub(1);
    } else if spot.last >= view.detail_scroll + height {
        view.detail_scroll = (spot.last + 2).saturating_sub(height).min(spot.first);
    }
    nav::clamp_detail(app);
    app.notice = Some(s::link_chosen(&spot.label, index + 1, kept.links.len()));
}

/// Whether link `index` is drawn in the pane now.
fn on_screen(app: &App, kept: &DetailLines, index: usize) -> bool {
    let height = app.layout.rows(Pane::Detail);
    let scroll = app
        .view()
        .detail_scroll
        .min(kept.lines.len().saturating_sub(height));
    kept.links
        .get(index)
        .is_some_and(|l| l.first >= scroll && l.first < scroll + height)
}

/// Entrée in the detail pane: follows the chosen link. Scrolled away since
/// it was chosen, it is brought back into view first: Entrée never leads
/// somewhere the screen does not show.
pub(super) fn follow(app: &mut App) {
    let Some(kept) = kept(app) else {
        return;
    };
    match app.view().link.filter(|i| *i < kept.links.len()) {
        Some(i) if on_screen(app, &kept, i) => go(app, kept.links[i].target.clone()),
        Some(i) => show(app, &kept, i),
        None => app.notice = Some(s::NO_LINK_CHOSEN.to_string()),
    }
}

/// A click in the detail pane at screen line `line` of its inside (scroll
/// aside) and column `column`: on a link's text, follows it.
pub(super) fn click(app: &mut App, line: usize, column: usize) {
    let Some(kept) = kept(app) else {
        return;
    };
    let height = app.layout.rows(Pane::Detail);
    let scroll = app
        .view()
        .detail_scroll
        .min(kept.lines.len().saturating_sub(height));
    let at = scroll + line;
    let Some(index) = kept
        .links
        .iter()
        .position(|l| (l.first..=l.last).contains(&at))
    else {
        return;
    };
    let Some(spans) = kept.lines.get(at) else {
        return;
    };
    let mut x = 0;
    let on_link = spans.iter().any(|(tone, text)| {
        let from = x;
        x += text.width();
        *tone == Tone::Link && (from..x).contains(&column)
    });
    if on_link {
        app.view_mut().link = Some(index);
        go(app, kept.links[index].target.clone());
    }
}

/// Goes where `target` leads, as a jump of the history.
pub(super) fn go(app: &mut App, target: Target) {
    history::jump(app, |app| match target {
        Target::Fiche(id) => to_fiche(app, id),
        Target::Ue { parcours, node } => to_ue(app, parcours, node),
        Target::Rome(code) => to_rome(app, &code),
    });
}

/// The fiche itself: its overview, read from the top, in the detail pane.
fn to_fiche(app: &mut App, id: crate::model::FicheId) {
    nav::open_fiche(app, id);
    nav::select_row(app, 0);
    let view = app.view_mut();
    view.detail_scroll = 0;
    view.link = None;
    view.found = None;
    nav::set_focus(app, Pane::Detail);
}

/// UE `node` of parcours `parcours`: its row selected, the node under the
/// tree's cursor (its semester opened) and described by the detail pane.
fn to_ue(app: &mut App, parcours: usize, node: NodeId) {
    let row = parcours + 1;
    if row >= app.list_len() {
        return;
    }
    nav::select_row(app, row);
    if !tree::exists(app.fiche(), app.selection(), node) {
        return;
    }
    let mut parent = node.parent();
    while let Some(p) = parent {
        app.tree_mut().expanded.insert(p);
        parent = p.parent();
    }
    let rows = app.tree_rows();
    if let Some(index) = rows.iter().position(|r| r.id == node) {
        app.tree_mut().cursor = index;
    }
    nav::select_in_tree(app);
    nav::follow_cursors(app);
    let view = app.view_mut();
    view.detail_scroll = 0;
    view.link = None;
    view.found = None;
    nav::set_focus(app, Pane::Detail);
}

/// The fiche list narrowed to the fiches carrying ROME `code` (the other
/// facets kept, the typed filter cleared), its cursor on the fiche we came from.
fn to_rome(app: &mut App, code: &str) {
    let catalogue = Arc::clone(&app.catalogue);
    let current = app.current;
    let Some(list) = &mut app.fiche_list else {
        app.notice = Some(s::ROME_NO_LIST.to_string());
        return;
    };
    list.bar.facets.rome = Some(code.to_string());
    list.filter.clear();
    list.editing = false;
    list.rebuild(&catalogue);
    if let Some(at) = list.rows.iter().position(|id| *id == current) {
        list.list.selected = at;
    }
    let count = list.rows.len();
    app.mode = Mode::Fiches;
    app.notice = Some(s::rome_followed(code, count));
}
