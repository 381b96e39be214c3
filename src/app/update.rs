//! `update`: the only place the state changes. It takes one [`Msg`] and
//! returns the [`Effect`]s the event loop must run.

use ratatui::crossterm::event::{KeyEvent, KeyEventKind};
use ratatui::layout::Rect;

use super::facet_bar::FacetKey;
use super::list::{ListCursor, moved};
use super::nav::{clamp_detail, follow_cursors, select_in_tree, select_row, set_focus};
use super::view::{help, layout};
use super::{
    Action, App, Effect, Mode, Msg, Pane, Popup, cert_compare, clipboard, compare, fiche_list,
    findings, follow, history, keys, links, load_warnings, partners, search, tree,
};

pub fn update(app: &mut App, msg: impl Into<Msg>) -> Vec<Effect> {
    match msg.into() {
        Msg::Action(action) => act(app, action),
        Msg::SearchResults {
            generation,
            results,
        } => search::receive(app, generation, results),
        Msg::Paste(text) if matches!(app.popup, Some(Popup::CertPick(_))) => {
            cert_compare::paste(app, &text)
        }
        Msg::Paste(text) => {
            search::paste(app, &text);
            partners::paste(app, &text);
        }
        Msg::Notice(text) => app.notice = Some(text),
        Msg::Restore(saved) => app.restore(saved),
        Msg::LoadWarnings(warnings) => app.load_warnings = warnings,
        Msg::IndexReady(index) => search::index_ready(app, index),
    }
    app.refresh();
    std::mem::take(&mut app.effects)
}

/// A key press, through the key table of the mode in force. An Alt-key in
/// a popup is Esc then the key (terminals send Esc+key as Alt-key when typed
/// quickly): the popup closes and the key goes to what is under it.
pub fn press(app: &mut App, event: &KeyEvent) -> Vec<Effect> {
    let mut effects = Vec::new();
    if event.kind == KeyEventKind::Release {
        return effects;
    }
    // A notice answers the key before; the next key puts the hints back.
    app.notice = None;
    let mut event = *event;
    if let Some(plain) = keys::after_escape(app.key_mode(), &event) {
        effects.extend(update(app, Action::Close));
        event = plain;
    }
    if let Some(action) = keys::action_for(app.key_mode(), &event) {
        if action != Action::OpenLink {
            app.link_turn = None;
        }
        effects.extend(update(app, action));
    }
    effects
}

fn act(app: &mut App, action: Action) {
    if let Action::Facet(FacetKey::Menu(_)) = action {
        // Any menu may move on to the NSF or ROME one (←→).
        app.learn_code_labels();
    }
    match action {
        Action::Quit => {
            app.should_quit = true;
            return;
        }
        Action::Resize { width, height } => {
            app.layout = layout::compute(Rect::new(0, 0, width, height), app.focus);
            follow_cursors(app);
            clamp_detail(app);
            compare::clamp(app);
            cert_compare::clamp(app);
            return;
        }
        _ => {}
    }
    if app.popup.is_some() {
        // A popup may lead elsewhere (a search result, a finding): a jump.
        if leads_elsewhere(action) {
            history::jump(app, |app| popup(app, action));
        } else {
            popup(app, action);
        }
        return;
    }
    if let (Action::HistoryBack | Action::HistoryForward, Mode::Browse | Mode::Fiches) =
        (action, &app.mode)
    {
        return history::step(app, action == Action::HistoryBack);
    }
    if action == Action::Copy && matches!(app.mode, Mode::Compare(_) | Mode::CertCompare(_)) {
        return clipboard::copy(app);
    }
    match app.mode {
        Mode::Compare(_) => return compare::view(app, action),
        Mode::CertCompare(_) => return cert_compare::view(app, action),
        Mode::Fiches => return fiches(app, action),
        Mode::Browse => {}
    }
    let before = app.subject();
    browse(app, action);
    if app.subject() != before {
        let view = app.view_mut();
        view.detail_scroll = 0;
        // A search jump's mark belongs to what was shown then.
        view.found = None;
        view.link = None;
    }
}

fn popup(app: &mut App, action: Action) {
    if let Some(Popup::ComparePick(_)) = app.popup {
        return compare::pick(app, action);
    }
    if let Some(Popup::CertPick(_)) = app.popup {
        return cert_compare::pick(app, action);
    }
    if let Some(Popup::Search(_)) = &app.popup {
        search::handle(app, action);
        return;
    }
    if let Some(Popup::Findings(_)) = &app.popup {
        return findings::handle(app, action);
    }
    if let Some(Popup::Warnings(_)) = &app.popup {
        return load_warnings::handle(app, action);
    }
    if let Some(Popup::Partners(_)) = &app.popup {
        return partners::handle(app, action);
    }
    let Some(Popup::Help { scroll }) = &app.popup else {
        return;
    };
    let lines = help::lines_for(app.fiche_list.is_some()).len();
    let shown = usize::from(layout::inner(layout::help_popup(app.layout.area, lines)).height);
    // The help is text: its cursor is the first line shown.
    let mut window = ListCursor {
        selected: *scroll,
        offset: 0,
    };
    let last_top = lines.saturating_sub(shown) + 1;
    match action {
        Action::Close | Action::OpenHelp | Action::Click { .. } => {
            app.popup = None;
            return;
        }
        Action::Wheel { down, .. } => window.wheel(down, last_top, 1),
        other => {
            window.step(other, last_top, shown);
        }
    }
    app.popup = Some(Popup::Help {
        scroll: window.selected,
    });
}

/// The fiche list screen: help and quit are global, the rest is the list's.
fn fiches(app: &mut App, action: Action) {
    match action {
        Action::OpenHelp => app.popup = Some(Popup::Help { scroll: 0 }),
        Action::OpenWarnings => load_warnings::open(app),
        // Échap with no typed filter drops the ROME code a link narrowed
        // the list to (the list says so in the trail, "Liste (ROME …)").
        Action::Close if fiche_list_rome(app) => {
            let catalogue = std::sync::Arc::clone(&app.catalogue);
            if let Some(list) = &mut app.fiche_list {
                list.bar.facets.rome = None;
                list.rebuild(&catalogue);
            }
        }
        Action::OpenCompare => cert_compare::open_from_list(app),
        Action::OpenCatalogueSearch => search::open(app),
        // Opening a fiche from the list is a jump.
        other if leads_elsewhere(other) => history::jump(app, |app| fiche_list::handle(app, other)),
        other => fiche_list::handle(app, other),
    }
}

/// The actions that may take a list or a popup to another place (a fiche,
/// a search result, a finding): only these are watched as history jumps,
/// so typing and scrolling cost no comparison of places.
fn leads_elsewhere(action: Action) -> bool {
    matches!(
        action,
        Action::Activate | Action::Right | Action::Click { .. }
    )
}

/// The list is narrowed to a ROME code and has no typed filter.
fn fiche_list_rome(app: &App) -> bool {
    app.fiche_list
        .as_ref()
        .is_some_and(|l| l.filter.is_empty() && !l.editing && l.bar.facets.rome.is_some())
}

fn browse(app: &mut App, action: Action) {
    match action {
        Action::Close => history::jump(app, |app| {
            fiche_list::back(app);
        }),
        Action::NextLink => follow::choose(app, true),
        Action::PrevLink => follow::choose(app, false),
        Action::OpenPartners => partners::open(app),
        Action::OpenHelp => app.popup = Some(Popup::Help { scroll: 0 }),
        Action::OpenCompare => compare::open_picker(app),
        Action::OpenSearch => search::open(app),
        Action::OpenFindings => findings::open(app),
        Action::OpenWarnings => load_warnings::open(app),
        Action::Copy => clipboard::copy(app),
        Action::OpenLink => links::open(app),
        Action::ExpandAll => expand_all(app, true),
        Action::CollapseAll => expand_all(app, false),
        Action::NextPane => set_focus(app, app.focus.next()),
        Action::PrevPane => set_focus(app, app.focus.prev()),
        Action::Focus(pane) => set_focus(app, pane),
        Action::Click { column, row } => click(app, column, row),
        Action::Wheel { column, row, down } => wheel(app, column, row, down),
        _ => match app.focus {
            Pane::Parcours => parcours_pane(app, action),
            Pane::Maquette => maquette_pane(app, action),
            Pane::Detail => detail_pane(app, action),
        },
    }
}

/// `*` / `-`: every node of the current tree open, or every one closed. The
/// cursor stays on its node, or (closing) goes to its semester.
fn expand_all(app: &mut App, open: bool) {
    let before = app.tree_node();
    let expanded = if open {
        tree::expandable_for(app.fiche(), app.selection())
    } else {
        Default::default()
    };
    app.tree_mut().expanded = expanded;
    let rows = app.tree_rows();
    let mut target = before;
    let index = loop {
        match target {
            None => break 0,
            Some(id) => match rows.iter().position(|r| r.id == id) {
                Some(i) => break i,
                None => target = id.parent(),
            },
        }
    };
    app.tree_mut().cursor = index;
    follow_cursors(app);
}

fn parcours_pane(app: &mut App, action: Action) {
    let page = app.layout.rows(Pane::Parcours);
    if let Some(row) = moved(app.selected(), app.list_len(), page, action) {
        select_row(app, row);
        return;
    }
    if matches!(action, Action::Right | Action::Activate) {
        set_focus(app, Pane::Maquette);
    }
}

fn maquette_pane(app: &mut App, action: Action) {
    select_in_tree(app);
    let rows = app.tree_rows();
    let page = app.layout.rows(Pane::Maquette);
    let tree = app.tree_mut();
    if let Some(cursor) = moved(tree.cursor, rows.len(), page, action) {
        tree.cursor = cursor;
        follow_cursors(app);
        return;
    }
    let Some(row) = rows.get(tree.cursor).copied() else {
        if action == Action::Left {
            set_focus(app, Pane::Parcours);
        }
        return;
    };
    match action {
        Action::Left if row.expanded => {
            tree.expanded.remove(&row.id);
        }
        Action::Left => match row.id.parent() {
            Some(parent) => {
                tree.cursor = rows.iter().position(|r| r.id == parent).unwrap_or(0);
            }
            None => set_focus(app, Pane::Parcours),
        },
        Action::Right if row.expandable && !row.expanded => {
            tree.expanded.insert(row.id);
        }
        Action::Right if row.expanded => tree.cursor += 1,
        Action::Activate if row.expandable => tree.toggle(row.id),
        Action::Right | Action::Activate => set_focus(app, Pane::Detail),
        _ => {}
    }
    follow_cursors(app);
}

fn detail_pane(app: &mut App, action: Action) {
    let page = app.layout.rows(Pane::Detail).max(1);
    let view = app.view_mut();
    let scroll = &mut view.detail_scroll;
    match action {
        Action::Up => *scroll = scroll.saturating_sub(1),
        Action::Down => *scroll = scroll.saturating_add(1),
        Action::PageUp => *scroll = scroll.saturating_sub(page),
        Action::PageDown => *scroll = scroll.saturating_add(page),
        Action::Top => *scroll = 0,
        Action::Bottom => *scroll = usize::MAX,
        Action::Left => set_focus(app, Pane::Maquette),
        Action::Activate => return follow::follow(app),
        _ => {}
    }
    clamp_detail(app);
}

fn click(app: &mut App, column: u16, row: u16) {
    if let Some(tabs) = app.layout.tabs
        && layout::contains(tabs, column, row)
    {
        let third = (tabs.width / 3).max(1);
        let index = usize::from((column - tabs.x) / third).min(2);
        set_focus(app, Pane::ALL[index]);
        return;
    }
    let Some(pane) = app.layout.pane_at(column, row) else {
        return;
    };
    let Some(inner) = app.layout.inner(pane) else {
        return;
    };
    let was_focused = app.focus == pane;
    set_focus(app, pane);
    if !layout::contains(inner, column, row) {
        return;
    }
    let line = usize::from(row - inner.y);
    match pane {
        Pane::Parcours => {
            if let Some(index) = app.parcours_row_on_line(inner, line) {
                select_row(app, index);
            }
        }
        Pane::Maquette => {
            select_in_tree(app);
            let rows = app.tree_rows();
            let tree = app.tree_mut();
            let index = tree.offset + line;
            if let Some(r) = rows.get(index) {
                if was_focused && index == tree.cursor && r.expandable {
                    tree.toggle(r.id);
                }
                tree.cursor = index;
            }
            follow_cursors(app);
        }
        Pane::Detail => follow::click(app, line, usize::from(column - inner.x)),
    }
}

fn wheel(app: &mut App, column: u16, row: u16, down: bool) {
    let Some(pane) = app.layout.pane_at(column, row) else {
        return;
    };
    let height = app.layout.rows(pane);
    match pane {
        Pane::Parcours => {
            let len = app.list_len();
            app.view_mut().list.scroll(down, len, height);
        }
        Pane::Maquette => {
            let len = app.tree_rows().len();
            let tree = app.tree_mut();
            let mut window = super::ListCursor {
                selected: tree.cursor,
                offset: tree.offset,
            };
            window.scroll(down, len, height);
            tree.offset = window.offset;
        }
        Pane::Detail => {
            let view = app.view_mut();
            let mut window = super::ListCursor {
                selected: 0,
                offset: view.detail_scroll,
            };
            window.scroll(down, usize::MAX, 0);
            view.detail_scroll = window.offset;
            clamp_detail(app);
        }
    }
}
