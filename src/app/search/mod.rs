//! The `/` search popup's state and transitions: the query line and its
//! editing, the kind filter, the result cursor, the parcours picker, and the
//! jump to the chosen item. The engine is `crate::search`; this file only
//! decides when to ask it and what to do with the answer.
//!
//! Searching runs either inline (in `update`: tests, small data) or in the
//! background: `update` then only bumps the query's generation and returns
//! an [`Effect::Search`] for the event loop to hand to a worker, whose
//! answer comes back through `update` as a [`Msg::SearchResults`](crate::app::Msg).
//! An answer for an older generation than the current query's is dropped,
//! so a newer keystroke always supersedes a slower search.

mod mouse;

use std::sync::Arc;

use super::action::{Action, Pane};
use super::list::ListCursor;
use super::nav;
use super::tree::{self, NodeId, Selection};
use super::view::{Tone, detail, layout};
use super::{App, Effect, Mode, Popup};
use crate::model::ParcoursRef;
use crate::search::{EntryId, Filter, Kind, Location, Query, Results, SearchIndex, Session};

/// Results the popup asks for (more than any screen shows).
pub const RESULT_LIMIT: usize = 200;

/// The search engine as the app holds it.
#[derive(Debug, Clone)]
pub struct SearchEngine {
    /// Empty until [`SearchEngine::ready`].
    pub index: Arc<SearchIndex>,
    /// The index over the catalogue has arrived ([`Msg::IndexReady`](crate::app::Msg)):
    /// before, the popup says it is being built and runs no query.
    pub ready: bool,
    /// Type-ahead cache for inline searches.
    session: Session,
    /// Search in `update` (true) or leave requests for a background worker.
    pub inline: bool,
    /// Last query generation handed out, across popups, so an answer meant
    /// for an earlier popup can never pass for a later one's.
    generation: u64,
}

impl SearchEngine {
    /// An engine over `index`, ready at once.
    pub fn new(index: Arc<SearchIndex>) -> Self {
        Self {
            index,
            ready: true,
            session: Session::new(),
            inline: true,
            generation: 0,
        }
    }

    /// An engine waiting for its index (built off the UI thread).
    pub fn pending() -> Self {
        Self {
            ready: false,
            ..Self::new(Arc::new(SearchIndex::default()))
        }
    }
}

/// The popup's state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchPopup {
    pub input: String,
    /// Cursor position in `input`, in chars.
    pub cursor: usize,
    pub filter: Filter,
    /// Results of generation `results_for` (possibly older than `generation`).
    pub results: Results,
    pub results_for: u64,
    /// Bumped on every change of the query or filter.
    pub generation: u64,
    /// Result under the cursor, and the first result shown.
    pub list: ListCursor,
    /// Open when Enter was pressed on a result found in several parcours.
    pub picker: Option<Picker>,
}

/// Choosing which parcours to jump to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Picker {
    pub entry: EntryId,
    /// The parcours to choose from.
    pub parcours: Vec<ParcoursRef>,
    pub list: ListCursor,
}

/// What a jump marked in the detail pane: item `index` of a parcours' list of `kind`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found {
    pub parcours: ParcoursRef,
    pub kind: Kind,
    pub index: usize,
}

impl SearchPopup {
    fn new(generation: u64) -> Self {
        Self {
            input: String::new(),
            cursor: 0,
            filter: Filter::All,
            results: Results::default(),
            results_for: generation,
            generation,
            list: ListCursor::default(),
            picker: None,
        }
    }

    pub fn query(&self) -> Query {
        Query::new(&self.input, self.filter).with_limit(RESULT_LIMIT)
    }

    /// True while the results on screen are not yet those of the query typed.
    pub fn searching(&self) -> bool {
        self.results_for != self.generation
    }

    fn byte_at(&self, char_index: usize) -> usize {
        self.input
            .char_indices()
            .nth(char_index)
            .map_or(self.input.len(), |(b, _)| b)
    }
}

pub fn open(app: &mut App) {
    app.popup = Some(Popup::Search(Box::new(SearchPopup::new(
        app.search.generation,
    ))));
}

/// Handles an action while the popup is open.
pub fn handle(app: &mut App, action: Action) {
    let choosing_parcours = matches!(&app.popup, Some(Popup::Search(p)) if p.picker.is_some());
    if choosing_parcours {
        if !mouse::picker_mouse(app, action) {
            picker(app, action);
        }
        return;
    }
    if mouse::results(app, action) {
        return;
    }
    let page = page(app);
    let Some(Popup::Search(popup)) = &mut app.popup else {
        return;
    };
    let len = popup.input.chars().count();
    let mut changed = false;
    match action {
        Action::Close => {
            app.popup = None;
            return;
        }
        Action::SearchInput(c) => {
            let at = popup.byte_at(popup.cursor);
            popup.input.insert(at, c);
            popup.cursor += 1;
            changed = true;
        }
        Action::SearchBackspace if popup.cursor > 0 => {
            let at = popup.byte_at(popup.cursor - 1);
            popup.input.remove(at);
            popup.cursor -= 1;
            changed = true;
        }
        Action::SearchClear => {
            // Ctrl-u: everything before the cursor, like a shell.
            let at = popup.byte_at(popup.cursor);
            popup.input.replace_range(..at, "");
            popup.cursor = 0;
            changed = true;
        }
        Action::SearchDeleteWord => {
            // Ctrl-w: the spaces before the cursor, then the word before them.
            let chars: Vec<char> = popup.input.chars().collect();
            let mut start = popup.cursor;
            while start > 0 && chars[start - 1] == ' ' {
                start -= 1;
            }
            while start > 0 && chars[start - 1] != ' ' {
                start -= 1;
            }
            let (from, to) = (popup.byte_at(start), popup.byte_at(popup.cursor));
            popup.input.replace_range(from..to, "");
            popup.cursor = start;
            changed = true;
        }
        Action::Left => popup.cursor = popup.cursor.saturating_sub(1),
        Action::Right => popup.cursor = (popup.cursor + 1).min(len),
        Action::Top => popup.cursor = 0,
        Action::Bottom => popup.cursor = len,
        Action::CycleFilterBack => {
            popup.filter = popup.filter.cycle_back();
            changed = true;
        }
        Action::CycleFilter => {
            popup.filter = popup.filter.cycle();
            changed = true;
        }
        Action::Activate => {
            activate(app);
            return;
        }
        other => {
            let len = popup.results.hits.len();
            popup.list.step(other, len, page);
        }
    }
    if changed {
        query_changed(app);
    }
}

/// Rows of results the popup shows at the current size.
fn page(app: &App) -> usize {
    layout::search_area(app.layout.area).map_or(1, |a| usize::from(a.list.height).max(1))
}

fn query_changed(app: &mut App) {
    let Some(Popup::Search(popup)) = &mut app.popup else {
        return;
    };
    app.search.generation += 1;
    popup.generation = app.search.generation;
    let (generation, query) = (popup.generation, popup.query());
    if !app.search.ready {
        // Asked again when the index arrives (`index_ready`).
        return;
    }
    if app.search.inline {
        let results = app.search.session.search(&app.search.index, &query);
        receive(app, generation, results);
    } else {
        app.effects.push(Effect::Search { generation, query });
    }
}

/// The longest query a paste can make: enough for any search, and a bound
/// on the work a stray paste of a whole document costs every keystroke.
pub const MAX_PASTED_QUERY: usize = 200;

/// A paste (bracketed by the terminal) into the search query: inserted at
/// the cursor as one edit, one search rather than one per character. The
/// query is one line: line breaks and tabs become spaces, runs of spaces
/// one, and characters the data may not hold are dropped. Outside the
/// search popup, or while choosing a parcours, a paste does nothing.
pub(super) fn paste(app: &mut App, text: &str) {
    let Some(Popup::Search(popup)) = &mut app.popup else {
        return;
    };
    if popup.picker.is_some() {
        return;
    }
    let room = MAX_PASTED_QUERY.saturating_sub(popup.input.chars().count());
    let mut clean = String::new();
    let mut count = 0;
    for c in text.chars() {
        let c = if c.is_whitespace() { ' ' } else { c };
        if count == room {
            break;
        }
        if crate::model::is_forbidden(c) || (c == ' ' && clean.ends_with(' ')) {
            continue;
        }
        clean.push(c);
        count += 1;
    }
    if clean.is_empty() {
        return;
    }
    let at = popup.byte_at(popup.cursor);
    popup.input.insert_str(at, &clean);
    popup.cursor += count;
    query_changed(app);
}

/// The index arrives: the query typed meanwhile, if any, runs now.
pub(super) fn index_ready(app: &mut App, index: Arc<SearchIndex>) {
    app.search.index = index;
    app.search.ready = true;
    app.search.session.reset();
    if matches!(&app.popup, Some(Popup::Search(p)) if p.picker.is_none()) {
        query_changed(app);
    }
}

/// Results of generation `generation` arrive; older than the latest shown are dropped.
pub(super) fn receive(app: &mut App, generation: u64, results: Results) {
    let Some(Popup::Search(popup)) = &mut app.popup else {
        return;
    };
    if generation < popup.results_for || generation > popup.generation {
        return;
    }
    popup.results = results;
    popup.results_for = generation;
    popup.list = ListCursor::default();
}

fn activate(app: &mut App) {
    let Some(Popup::Search(popup)) = &mut app.popup else {
        return;
    };
    let Some(hit) = popup.results.hits.get(popup.list.selected).copied() else {
        return;
    };
    let entry = app.search.index.entry(hit.id);
    match entry.parcours.as_slice() {
        [] => {}
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

fn picker(app: &mut App, action: Action) {
    let page = page(app).saturating_sub(2).max(1);
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
