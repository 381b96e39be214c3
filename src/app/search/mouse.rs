//! Clicks and the wheel while the search popup is open. A click on a
//! result goes to it, like Enter; on a kind filter, selects it; on a
//! facet, opens its menu (on a menu's value, chooses it); in the query
//! line, moves the text cursor there; outside the popup, closes it (or
//! only the parcours picker, or the facet menu), like Esc. The wheel moves
//! the cursor.

use super::jump::{activate, picker};
use super::{menu_rect, query_changed, row_lines};
use crate::app::action::Action;
use crate::app::facet_bar::Change;
use crate::app::view::facet_bar as bar_view;
use crate::app::view::layout::{self, SearchArea};
use crate::app::view::search as view;
use crate::app::{App, Popup};

/// Handles a mouse action in the results view; false if `action` is not one.
pub(super) fn results(app: &mut App, action: Action) -> bool {
    match action {
        Action::Click { column, row } => click(app, column, row),
        Action::Wheel { down, .. } => super::handle(app, step(down)),
        _ => return false,
    }
    true
}

/// Handles a mouse action in the parcours picker; false if `action` is not one.
pub(super) fn picker_mouse(app: &mut App, action: Action) -> bool {
    match action {
        Action::Click { column, row } => pick(app, column, row),
        Action::Wheel { down, .. } => picker(app, step(down)),
        _ => return false,
    }
    true
}

fn step(down: bool) -> Action {
    if down { Action::Down } else { Action::Up }
}

fn click(app: &mut App, column: u16, row: u16) {
    let screen = app.layout.area;
    let kinds = app.search.kinds.clone();
    let Some(Popup::Search(popup)) = &mut app.popup else {
        return;
    };
    let Some(area) = super::area(screen, popup) else {
        return;
    };
    if let Some(bar) = &mut popup.bar {
        if let Some(menu) = menu_rect(&area, bar) {
            let (_, values) = layout::facet_menu_parts(menu);
            if layout::contains(values, column, row) {
                let rows = usize::from(values.height);
                let index = bar_view::menu_offset(bar, rows) + usize::from(row - values.y);
                if bar.click_option(index) == Change::Facets {
                    query_changed(app);
                }
                return;
            }
            if layout::contains(menu, column, row) {
                return;
            }
        }
        if layout::contains(area.facets, column, row) {
            let (x, line) = (column - area.facets.x, row - area.facets.y);
            let width = usize::from(area.facets.width);
            match bar_view::chip_at(bar, width, area.facets.height, x, line) {
                Some(dimension) => bar.open_menu(dimension),
                None => bar.menu = None,
            }
            return;
        }
        if bar.menu.is_some() {
            bar.menu = None;
            return;
        }
    }
    let x = |rect: ratatui::layout::Rect| usize::from(column - rect.x);
    if !layout::contains(area.popup, column, row) {
        app.popup = None;
    } else if layout::contains(area.query, column, row) {
        let width = usize::from(area.query.width);
        popup.cursor = view::query_cursor_at(popup, width, x(area.query));
    } else if layout::contains(area.filters, column, row) {
        let width = usize::from(area.filters.width);
        if let Some(filter) = view::filter_at(popup, &kinds, width, x(area.filters))
            && filter != popup.filter
        {
            popup.filter = filter;
            query_changed(app);
        }
    } else if let Some(line) = list_index(&area, column, row) {
        let lines = row_lines(popup);
        let rows = usize::from(area.list.height) / lines;
        let index = view::results_offset(popup, rows) + line / lines;
        if index < popup.rows() {
            popup.list.selected = index;
            activate(app);
        }
    }
}

fn pick(app: &mut App, column: u16, row: u16) {
    let screen = app.layout.area;
    let Some(Popup::Search(popup)) = &mut app.popup else {
        return;
    };
    let Some(area) = super::area(screen, popup) else {
        return;
    };
    let Some(chooser) = &mut popup.picker else {
        return;
    };
    if !layout::contains(area.popup, column, row) {
        popup.picker = None;
    } else if let Some(index) = list_index(&area, column, row) {
        let index = view::picker_offset(chooser, usize::from(area.list.height)) + index;
        if index < chooser.parcours.len() {
            chooser.list.selected = index;
            picker(app, Action::Activate);
        }
    }
}

/// The list row (from the top of the list on screen) under the pointer.
fn list_index(area: &SearchArea, column: u16, row: u16) -> Option<usize> {
    layout::contains(area.list, column, row).then(|| usize::from(row - area.list.y))
}
