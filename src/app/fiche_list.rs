//! The fiche list: the first screen when the catalogue holds several fiches.
//! Its state (filter, facets, sort order, cursor) and transitions; `Entrée`
//! opens a fiche in the three panes, `Échap` there comes back here.

use super::action::Action;
use super::facet_bar::{Change, FacetBar};
use super::list::ListCursor;
use super::view::fiche_list as rows_view;
use super::view::{facet_bar as bar_view, layout};
use super::{App, Mode, Pane, nav};
use crate::model::facets::{FacetCounts, FacetFilter, Facets};
use crate::model::normalize::fold_str;
use crate::model::{Catalogue, FicheId};

/// How the list is ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortKey {
    /// Catalogue order (the order the sources gave).
    #[default]
    Source,
    /// By répertoire, then number.
    Number,
    /// By title, accents and case aside.
    Title,
    /// By end of registration, soonest first; fiches without one last.
    EndDate,
}

impl SortKey {
    pub fn next(self) -> SortKey {
        match self {
            SortKey::Source => SortKey::Number,
            SortKey::Number => SortKey::Title,
            SortKey::Title => SortKey::EndDate,
            SortKey::EndDate => SortKey::Source,
        }
    }
}

/// The list's state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FicheList {
    /// What the user typed to narrow the list (words, in any order).
    pub filter: String,
    /// The filter line has the keyboard.
    pub editing: bool,
    pub sort: SortKey,
    /// The facets narrowing the list (by default none: inactive fiches
    /// included), counted over the fiches the filter text matches.
    pub bar: FacetBar,
    /// The fiches shown, in order.
    pub rows: Vec<FicheId>,
    pub list: ListCursor,
    /// Each fiche's number and title, folded, for filtering (index = `FicheId`).
    keys: Vec<String>,
    /// Each fiche's title, folded, for sorting.
    titles: Vec<String>,
}

impl FicheList {
    pub fn new(catalogue: &Catalogue) -> FicheList {
        // Summaries only: the list never walks the full records.
        let titles: Vec<String> = catalogue
            .summaries()
            .iter()
            .map(|f| fold_str(&f.intitule))
            .collect();
        let keys = catalogue
            .summaries()
            .iter()
            .zip(&titles)
            .map(|(f, title)| {
                format!(
                    "{} {} {title}",
                    fold_str(&f.numero.to_string()),
                    f.numero.digits
                )
            })
            .collect();
        let mut list = FicheList {
            filter: String::new(),
            editing: false,
            sort: SortKey::default(),
            // The list shows every fiche, inactive ones marked: someone
            // checking a number must find it (the search defaults to active).
            bar: FacetBar::new(Facets {
                include_inactive: true,
                ..Facets::default()
            }),
            rows: Vec::new(),
            list: ListCursor::default(),
            keys,
            titles,
        };
        list.rebuild(catalogue);
        list
    }

    /// Recomputes the rows and the facet counts after the filter, the
    /// facets or the order changed, keeping the selected fiche under the
    /// cursor when it is still listed.
    pub(crate) fn rebuild(&mut self, catalogue: &Catalogue) {
        let before = self.current();
        let facets = FacetFilter::new(&self.bar.facets);
        let words: Vec<String> = fold_str(&self.filter)
            .split_whitespace()
            .map(str::to_string)
            .collect();
        // Counted over what the text matches, each facet with the others applied.
        let matching: Vec<FicheId> = catalogue
            .ids()
            .filter(|id| {
                let key = &self.keys[id.index()];
                words.iter().all(|w| key.contains(w.as_str()))
            })
            .collect();
        self.bar.set_counts(FacetCounts::compute(
            &facets,
            matching.iter().map(|id| catalogue.summary(*id)),
        ));
        let mut rows: Vec<FicheId> = matching
            .into_iter()
            .filter(|id| facets.accepts(catalogue.summary(*id)))
            .collect();
        match self.sort {
            SortKey::Source => {}
            SortKey::Number => rows.sort_by(|a, b| {
                catalogue
                    .summary(*a)
                    .numero
                    .cmp(&catalogue.summary(*b).numero)
            }),
            SortKey::EndDate => rows.sort_by_key(|id| {
                let end = catalogue.summary(*id).end_of_registration;
                (end.is_none(), end)
            }),
            SortKey::Title => {
                rows.sort_by(|a, b| self.titles[a.index()].cmp(&self.titles[b.index()]))
            }
        }
        self.list.selected = before
            .and_then(|id| rows.iter().position(|r| *r == id))
            .unwrap_or(0);
        self.list.offset = 0;
        self.rows = rows;
    }

    /// The fiche under the cursor.
    pub fn current(&self) -> Option<FicheId> {
        self.rows.get(self.list.selected).copied()
    }
}

/// Where the list screen puts things at the app's size: the facet bar on
/// the lines it needs.
pub fn screen(area: ratatui::layout::Rect, state: &FicheList) -> layout::FicheListLayout {
    let lines = bar_view::lines_needed(
        &state.bar,
        usize::from(area.width),
        layout::facet_lines_max(area),
    );
    layout::fiche_list(area, lines)
}

/// Keys and clicks on the list screen.
pub(super) fn handle(app: &mut App, action: Action) {
    let catalogue = std::sync::Arc::clone(&app.catalogue);
    let area = app.layout.area;
    let Some(state) = &mut app.fiche_list else {
        return;
    };
    let screen = screen(area, state);
    let list_area = layout::inner(screen.list);
    let (width, height) = (usize::from(list_area.width), usize::from(list_area.height));
    let window = rows_view::window(state, &catalogue, width, height);
    let page = rows_view::page(window, height);
    if let Action::Click { column, row } = action
        && let Some(change) = click_facets(state, area, screen.facets, column, row)
    {
        if change == Change::Facets {
            state.rebuild(&catalogue);
        }
        return;
    }
    if state.bar.menu.is_some() {
        if state.bar.menu_action(action) == Change::Facets {
            state.rebuild(&catalogue);
        }
        return;
    }
    if state.editing {
        match action {
            Action::SearchInput(c) => state.filter.push(c),
            Action::SearchBackspace => {
                state.filter.pop();
            }
            Action::SearchClear => state.filter.clear(),
            Action::Close | Action::Activate => {
                state.editing = false;
                return;
            }
            _ => return,
        }
        state.rebuild(&catalogue);
        return;
    }
    let len = state.rows.len();
    match action {
        Action::Activate | Action::Right => {
            if let Some(id) = state.current() {
                open(app, id);
            }
        }
        Action::OpenSearch => state.editing = true,
        Action::Facet(key) => {
            if state.bar.key(key) == Change::Facets {
                state.rebuild(&catalogue);
            }
        }
        Action::Close if !state.filter.is_empty() => {
            state.filter.clear();
            state.rebuild(&catalogue);
        }
        Action::Swap => {
            state.sort = state.sort.next();
            state.rebuild(&catalogue);
        }
        Action::Wheel { down, .. } => state.list.wheel(down, len, page),
        Action::Click { column, row } if layout::contains(list_area, column, row) => {
            let line = usize::from(row - list_area.y);
            match rows_view::row_at(state, window, line) {
                Some(index) if index == state.list.selected => {
                    if let Some(id) = state.current() {
                        open(app, id);
                    }
                }
                Some(index) => state.list.selected = index,
                None => {}
            }
        }
        other => {
            state.list.offset = window.offset;
            state.list.step(other, len, page);
        }
    }
}

/// A click while the facet bar or its menu is on screen: on a chip, opens
/// its menu; on a menu's value, chooses it; elsewhere, closes the menu.
/// `None` when the click is for the list.
fn click_facets(
    state: &mut FicheList,
    screen: ratatui::layout::Rect,
    bar: ratatui::layout::Rect,
    column: u16,
    row: u16,
) -> Option<Change> {
    let width = usize::from(bar.width);
    if let Some(menu) = menu_rect(state, screen, bar) {
        let (_, values) = layout::facet_menu_parts(menu);
        if layout::contains(values, column, row) {
            let rows = usize::from(values.height);
            let index = bar_view::menu_offset(&state.bar, rows) + usize::from(row - values.y);
            return Some(state.bar.click_option(index));
        }
        if layout::contains(menu, column, row) {
            return Some(Change::None);
        }
    }
    if layout::contains(bar, column, row) {
        match bar_view::chip_at(&state.bar, width, bar.height, column - bar.x, row - bar.y) {
            Some(dimension) => state.bar.open_menu(dimension),
            None => state.bar.menu = None,
        }
        return Some(Change::None);
    }
    if state.bar.menu.is_some() {
        state.bar.menu = None;
        return Some(Change::None);
    }
    None
}

/// Where the open facet menu of the list is drawn.
pub fn menu_rect(
    state: &FicheList,
    screen: ratatui::layout::Rect,
    bar: ratatui::layout::Rect,
) -> Option<ratatui::layout::Rect> {
    state.bar.menu.as_ref()?;
    let (x, _) = bar_view::menu_anchor(&state.bar, usize::from(bar.width), bar.height);
    let rows = state.bar.options().len();
    layout::facet_menu(screen, bar.x + x, bar.y + bar.height, rows)
}

/// Opens fiche `id` in the three panes.
fn open(app: &mut App, id: FicheId) {
    app.mode = Mode::Browse;
    nav::open_fiche(app, id);
    nav::set_focus(app, Pane::Parcours);
}

/// Back from a fiche to the list; false when the catalogue has none (one fiche).
pub(super) fn back(app: &mut App) -> bool {
    if app.fiche_list.is_none() {
        return false;
    }
    app.mode = Mode::Fiches;
    true
}
