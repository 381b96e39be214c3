//! The fiche list: the first screen when the catalogue holds several fiches.
//! Its state (filter, sort order, cursor) and transitions; `Entrée` opens a
//! fiche in the three panes, `Échap` there comes back here.

use super::action::Action;
use super::list::ListCursor;
use super::view::layout;
use super::{App, Mode, Pane, nav};
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
    /// The facets narrowing the list (by default none: inactive fiches included).
    pub facets: Facets,
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
            facets: Facets {
                include_inactive: true,
                ..Facets::default()
            },
            rows: Vec::new(),
            list: ListCursor::default(),
            keys,
            titles,
        };
        list.rebuild(catalogue);
        list
    }

    /// Recomputes the rows after the filter or the order changed, keeping
    /// the selected fiche under the cursor when it is still listed.
    pub(crate) fn rebuild(&mut self, catalogue: &Catalogue) {
        let before = self.current();
        let facets = FacetFilter::new(&self.facets);
        let words: Vec<String> = fold_str(&self.filter)
            .split_whitespace()
            .map(str::to_string)
            .collect();
        let mut rows: Vec<FicheId> = catalogue
            .ids()
            .filter(|id| {
                let key = &self.keys[id.index()];
                words.iter().all(|w| key.contains(w.as_str()))
                    && facets.accepts(catalogue.summary(*id))
            })
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

/// Rows of the list on screen.
fn page(app: &App) -> usize {
    let inner = layout::inner(layout::fiche_list(app.layout.area).list);
    usize::from(inner.height).max(1)
}

/// Keys and clicks on the list screen.
pub(super) fn handle(app: &mut App, action: Action) {
    let page = page(app);
    let list_area = layout::inner(layout::fiche_list(app.layout.area).list);
    let catalogue = std::sync::Arc::clone(&app.catalogue);
    let Some(state) = &mut app.fiche_list else {
        return;
    };
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
            let index = state.list.offset + usize::from(row - list_area.y);
            if index == state.list.selected {
                if let Some(id) = state.current() {
                    open(app, id);
                }
            } else if index < len {
                state.list.selected = index;
            }
        }
        other => {
            state.list.step(other, len, page);
        }
    }
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
