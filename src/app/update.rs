//! `update`: the only place the state changes.

use ratatui::layout::Rect;

use super::layout::{self, Shape};
use super::{Action, App, Mode, Pane, Popup, compare, detail, help, search};

pub fn update(app: &mut App, action: Action) {
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
            return;
        }
        _ => {}
    }
    if app.popup.is_some() {
        popup(app, action);
        return;
    }
    if let Mode::Compare(_) = app.mode {
        return compare::view(app, action);
    }
    let before = app.subject();
    browse(app, action);
    if app.subject() != before {
        app.detail_scroll = 0;
        // A search jump's mark belongs to what was shown then.
        app.found = None;
    }
}

fn popup(app: &mut App, action: Action) {
    if let Some(Popup::ComparePick(_)) = app.popup {
        return compare::pick(app, action);
    }
    if let Some(Popup::Search(_)) = &app.popup {
        search::handle(app, action);
        return;
    }
    let Some(Popup::Help { scroll }) = &mut app.popup else {
        return;
    };
    let lines = help::lines().len();
    let shown = layout::inner(layout::help_popup(app.layout.area, lines)).height;
    let max = lines.saturating_sub(usize::from(shown));
    match action {
        Action::Close | Action::OpenHelp | Action::Click { .. } => app.popup = None,
        Action::Up => *scroll = scroll.saturating_sub(1),
        Action::Down => *scroll = scroll.saturating_add(1).min(max),
        Action::Wheel { down, .. } => {
            *scroll = if down {
                scroll.saturating_add(1).min(max)
            } else {
                scroll.saturating_sub(1)
            }
        }
        _ => {}
    }
}

fn browse(app: &mut App, action: Action) {
    match action {
        Action::OpenHelp => app.popup = Some(Popup::Help { scroll: 0 }),
        Action::OpenCompare => compare::open_picker(app),
        Action::OpenSearch => search::open(app),
        Action::NextPane => set_focus(app, app.focus.next()),
        Action::PrevPane => set_focus(app, app.focus.prev()),
        Action::Click { column, row } => click(app, column, row),
        Action::Wheel { column, row, down } => wheel(app, column, row, down),
        _ => match app.focus {
            Pane::Parcours => parcours_pane(app, action),
            Pane::Maquette => maquette_pane(app, action),
            Pane::Detail => detail_pane(app, action),
        },
    }
}

/// Focuses `pane` (for the search jump).
pub(super) fn focus(app: &mut App, pane: Pane) {
    set_focus(app, pane);
}

/// Selects parcours-pane row `row` (for the search jump).
pub(super) fn select_row(app: &mut App, row: usize) {
    select(app, row);
}

/// Keeps the detail scroll within its document (for the search jump).
pub(super) fn clamp_detail_scroll(app: &mut App) {
    clamp_detail(app);
}

fn set_focus(app: &mut App, pane: Pane) {
    app.focus = pane;
    if pane != Pane::Detail {
        app.detail_source = pane;
    }
    // In single-pane mode the focused pane is the one on screen.
    if app.layout.shape == Shape::Single {
        app.layout = layout::compute(app.layout.area, pane);
    }
    follow_cursors(app);
    clamp_detail(app);
}

/// New cursor position for a vertical move in a list of `len` rows showing `page` rows.
fn moved(cursor: usize, len: usize, page: usize, action: Action) -> Option<usize> {
    let last = len.saturating_sub(1);
    let page = page.max(1);
    Some(match action {
        Action::Up => cursor.saturating_sub(1),
        Action::Down => cursor.saturating_add(1).min(last),
        Action::Top => 0,
        Action::Bottom => last,
        Action::PageUp => cursor.saturating_sub(page),
        Action::PageDown => cursor.saturating_add(page).min(last),
        _ => return None,
    })
}

fn parcours_pane(app: &mut App, action: Action) {
    let page = app.layout.rows(Pane::Parcours);
    if let Some(row) = moved(app.selected, app.list_len(), page, action) {
        select(app, row);
        return;
    }
    if matches!(action, Action::Right | Action::Activate) {
        set_focus(app, Pane::Maquette);
    }
}

fn select(app: &mut App, row: usize) {
    app.selected = row.min(app.list_len() - 1);
    app.detail_source = Pane::Parcours;
    follow_cursors(app);
}

fn maquette_pane(app: &mut App, action: Action) {
    let rows = app.tree_rows();
    let page = app.layout.rows(Pane::Maquette);
    let selected = app.selected.min(app.trees.len() - 1);
    let tree = &mut app.trees[selected];
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
    match action {
        Action::Up => app.detail_scroll = app.detail_scroll.saturating_sub(1),
        Action::Down => app.detail_scroll = app.detail_scroll.saturating_add(1),
        Action::PageUp => app.detail_scroll = app.detail_scroll.saturating_sub(page),
        // Saturating: `Bottom` parks the scroll at usize::MAX until clamped.
        Action::PageDown => app.detail_scroll = app.detail_scroll.saturating_add(page),
        Action::Top => app.detail_scroll = 0,
        Action::Bottom => app.detail_scroll = usize::MAX,
        Action::Left => set_focus(app, Pane::Maquette),
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
                select(app, index);
            }
        }
        Pane::Maquette => {
            let rows = app.tree_rows();
            let selected = app.selected.min(app.trees.len() - 1);
            let tree = &mut app.trees[selected];
            let index = tree.offset + line;
            if let Some(r) = rows.get(index) {
                if was_focused && index == tree.cursor && r.expandable {
                    tree.toggle(r.id);
                }
                tree.cursor = index;
            }
            follow_cursors(app);
        }
        Pane::Detail => {}
    }
}

const WHEEL_STEP: usize = 3;

fn wheel(app: &mut App, column: u16, row: u16, down: bool) {
    let Some(pane) = app.layout.pane_at(column, row) else {
        return;
    };
    let step = |v: usize, max: usize| {
        if down {
            v.saturating_add(WHEEL_STEP).min(max)
        } else {
            v.saturating_sub(WHEEL_STEP)
        }
    };
    let height = app.layout.rows(pane);
    match pane {
        Pane::Parcours => {
            let max = app.list_len().saturating_sub(height);
            app.list_offset = step(app.list_offset, max);
        }
        Pane::Maquette => {
            let max = app.tree_rows().len().saturating_sub(height);
            let selected = app.selected.min(app.trees.len() - 1);
            let tree = &mut app.trees[selected];
            tree.offset = step(tree.offset, max);
        }
        Pane::Detail => {
            app.detail_scroll = step(app.detail_scroll, usize::MAX);
            clamp_detail(app);
        }
    }
}

/// Scrolls the lists so their cursors are visible.
fn follow_cursors(app: &mut App) {
    let height = app.layout.rows(Pane::Parcours);
    app.list_offset = layout::follow(app.list_offset, app.selected, height, app.list_len());
    let len = app.tree_rows().len();
    let height = app.layout.rows(Pane::Maquette);
    let selected = app.selected.min(app.trees.len() - 1);
    let tree = &mut app.trees[selected];
    tree.cursor = tree.cursor.min(len.saturating_sub(1));
    tree.offset = layout::follow(tree.offset, tree.cursor, height, len);
}

/// Keeps the detail scroll within the wrapped document.
fn clamp_detail(app: &mut App) {
    let Some(inner) = app.layout.inner(Pane::Detail) else {
        return;
    };
    let lines = detail::wrap(&detail::document(app), usize::from(inner.width)).len();
    let max = lines.saturating_sub(usize::from(inner.height));
    app.detail_scroll = app.detail_scroll.min(max);
}
