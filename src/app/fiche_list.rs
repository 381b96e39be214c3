//! The fiche list: the first screen when the catalogue holds several fiches.
//! Its state (filter, facets, sort order, cursor) and transitions; `Entrée`
//! opens a fiche in the three panes, `Échap` there comes back here.

use super::action::Action;
use super::facet_bar::{Change, FacetBar};
use super::list::ListCursor;
use super::view::fiche_list as rows_view;
use super::view::{facet_bar as bar_view, layout};
use super::{App, Mode, Pane, nav};
use std::sync::{Arc, OnceLock};

use crate::model::facet_table::{FacetTable, Verdicts};
use crate::model::facets::{FacetFilter, Facets};
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
    /// What the list reads of every fiche, made once per catalogue (shared
    /// by clones: the history and the tests clone the app).
    table: Arc<Table>,
    /// The folded filter last applied and the fiches it matched (indices,
    /// ascending): a keystroke that extends the filter only looks at those.
    matched: Option<(String, Vec<u32>)>,
    /// The facets last applied and their verdict on each fiche: a filter
    /// keystroke reuses it.
    verdicts: Option<(Facets, Verdicts)>,
}

/// What the list reads of every fiche, so that a keystroke hashes and folds
/// nothing.
#[derive(Debug, PartialEq, Eq)]
struct Table {
    /// Each fiche's number and title, folded, for filtering (index = `FicheId`).
    keys: Vec<String>,
    /// Each fiche's facet values, numbered, for the counts.
    facets: FacetTable,
    /// Every fiche in each order but the catalogue's (`SortKey::Number`,
    /// `Title`, `EndDate`), made the first time the user picks it.
    orders: [OnceLock<Vec<u32>>; 3],
}

impl Table {
    fn new(catalogue: &Catalogue) -> Table {
        // Summaries only: the list never walks the full records.
        let summaries = catalogue.summaries();
        Table {
            keys: summaries
                .iter()
                .map(|f| {
                    format!(
                        "{} {} {}",
                        fold_str(&f.numero.to_string()),
                        f.numero.digits,
                        fold_str(&f.intitule)
                    )
                })
                .collect(),
            facets: FacetTable::new(summaries),
            orders: Default::default(),
        }
    }

    /// Every fiche in `sort` order (`None` for the catalogue's own).
    fn order(&self, sort: SortKey, catalogue: &Catalogue) -> Option<&[u32]> {
        let slot = match sort {
            SortKey::Source => return None,
            SortKey::Number => 0,
            SortKey::Title => 1,
            SortKey::EndDate => 2,
        };
        let order = self.orders[slot].get_or_init(|| {
            let summaries = catalogue.summaries();
            let mut order: Vec<u32> = (0..summaries.len() as u32).collect();
            // Stable sorts: ties stay in catalogue order, as they did when
            // each keystroke sorted its rows.
            let of = |f: &u32| &summaries[*f as usize];
            match sort {
                SortKey::Source => {}
                SortKey::Number => order.sort_by(|a, b| of(a).numero.cmp(&of(b).numero)),
                SortKey::Title => {
                    let titles: Vec<String> =
                        summaries.iter().map(|f| fold_str(&f.intitule)).collect();
                    order.sort_by(|a, b| titles[*a as usize].cmp(&titles[*b as usize]));
                }
                SortKey::EndDate => order.sort_by_key(|f| {
                    let end = of(f).end_of_registration;
                    (end.is_none(), end)
                }),
            }
            order
        });
        Some(order)
    }
}

impl FicheList {
    pub fn new(catalogue: &Catalogue) -> FicheList {
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
            table: Arc::new(Table::new(catalogue)),
            matched: None,
            verdicts: None,
        };
        list.rebuild(catalogue);
        list
    }

    /// Recomputes the rows and the facet counts after the filter, the
    /// facets or the order changed, keeping the selected fiche under the
    /// cursor when it is still listed.
    pub(crate) fn rebuild(&mut self, catalogue: &Catalogue) {
        let before = self.current();
        let table = Arc::clone(&self.table);
        self.match_filter();
        if self
            .verdicts
            .as_ref()
            .is_none_or(|(f, _)| *f != self.bar.facets)
        {
            let filter = FacetFilter::new(&self.bar.facets);
            let verdicts = Verdicts::new(&filter, catalogue.summaries());
            self.verdicts = Some((self.bar.facets.clone(), verdicts));
        }
        let (_, verdicts) = self.verdicts.as_ref().expect("just made");
        let (_, matching) = self.matched.as_ref().expect("just made");
        // Counted over what the text matches, each facet with the others applied.
        self.bar.set_counts(
            table
                .facets
                .counts(verdicts, matching.iter().map(|&f| f as usize)),
        );
        let shown = |f: u32| verdicts.passes(f as usize);
        let rows: Vec<FicheId> = match table.order(self.sort, catalogue) {
            None => matching
                .iter()
                .copied()
                .filter(|&f| shown(f))
                .map(|f| FicheId::from_position(f as usize))
                .collect(),
            Some(order) => {
                let mut listed = vec![false; table.keys.len()];
                for &f in matching.iter() {
                    listed[f as usize] = shown(f);
                }
                order
                    .iter()
                    .copied()
                    .filter(|&f| listed[f as usize])
                    .map(|f| FicheId::from_position(f as usize))
                    .collect()
            }
        };
        self.list.selected = before
            .and_then(|id| rows.iter().position(|r| *r == id))
            .unwrap_or(0);
        self.list.offset = 0;
        self.rows = rows;
    }

    /// Sets `matched`: the fiches whose key holds every word of the filter,
    /// from those the last filter matched when this one extends it.
    fn match_filter(&mut self) {
        let folded = fold_str(&self.filter);
        let keys = &self.table.keys;
        let matched = match self.matched.take() {
            Some((last, matched)) if last == folded => matched,
            last => {
                let words: Vec<&str> = folded.split_whitespace().collect();
                let matches = |f: &u32| {
                    let key = &keys[*f as usize];
                    words.iter().all(|w| key.contains(w))
                };
                match last {
                    // Each word of the last filter is in (or is) a word of
                    // this one: what this one matches, the last one did.
                    Some((last, matched)) if folded.starts_with(&last) => {
                        matched.into_iter().filter(matches).collect()
                    }
                    _ => (0..keys.len() as u32).filter(matches).collect(),
                }
            }
        };
        self.matched = Some((folded, matched));
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
