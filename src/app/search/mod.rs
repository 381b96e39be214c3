//! The `/` search popup's state and transitions: the query line and its
//! editing, the kind filter, the mode (certifications or items) and the
//! facets on a catalogue, the result cursor, the parcours picker; the jump
//! to the chosen item or certification is `jump.rs`. The engine is
//! `crate::search`; this file only decides when to ask it and what to do
//! with the answer.
//!
//! Searching runs either inline (in `update`: tests, small data) or in the
//! background: `update` then only bumps the query's generation and returns
//! an [`Effect::Search`] for the event loop to hand to a worker, whose
//! answer comes back through `update` as a [`Msg::SearchResults`](crate::app::Msg).
//! An answer for an older generation than the current query's is dropped,
//! so a newer keystroke always supersedes a slower search.

mod jump;
mod mouse;

use std::sync::Arc;

use super::action::Action;
use super::facet_bar::{Change, FacetBar};
use super::list::ListCursor;
use super::view::{facet_bar as bar_view, layout};
use super::{App, Effect, Popup};
use crate::model::ParcoursRef;
use crate::model::facets::Facets;
use crate::search::{EntryId, Filter, Kind, Mode, Query, Results, SearchIndex, Session};

pub use jump::jump;

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
    /// The kinds the index holds, in the order a catalogue's Tab cycles them.
    pub kinds: Vec<Kind>,
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
            kinds: index.kinds(),
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
    /// One row per certification, or per item.
    pub mode: Mode,
    /// The facets, on a catalogue of several fiches (active ones only by
    /// default); `None` on one fiche, where they would say nothing.
    pub bar: Option<FacetBar>,
    /// Results of generation `results_for` (possibly older than `generation`).
    pub results: Results,
    pub results_for: u64,
    /// Bumped on every change of the query or filter.
    pub generation: u64,
    /// Result under the cursor, and the first result shown.
    pub list: ListCursor,
    /// Open when Enter was pressed on a result found in several parcours.
    pub picker: Option<Picker>,
    /// Entrée came while the query's results were on their way ("dev
    /// web⏎" typed fast): the first of them opens when they arrive,
    /// rather than a row of the results they replace.
    pub activate_on_arrival: bool,
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
    /// A popup over a catalogue of `fiches` fiches.
    pub fn new(generation: u64, fiches: usize) -> Self {
        Self {
            input: String::new(),
            cursor: 0,
            filter: Filter::All,
            mode: Mode::default_for(fiches),
            bar: (fiches > 1).then(|| FacetBar::new(Facets::default())),
            results: Results::default(),
            results_for: generation,
            generation,
            list: ListCursor::default(),
            picker: None,
            activate_on_arrival: false,
        }
    }

    pub fn query(&self) -> Query {
        let facets = match &self.bar {
            Some(bar) => bar.facets.clone(),
            // One fiche: shown whatever its state.
            None => Facets {
                include_inactive: true,
                ..Facets::default()
            },
        };
        Query::new(&self.input, self.filter)
            .with_limit(RESULT_LIMIT)
            .with_mode(self.mode)
            .with_facets(facets)
    }

    /// Rows of results: certifications or items, as the mode says.
    pub fn rows(&self) -> usize {
        match self.mode {
            Mode::Certifications => self.results.certifications.len(),
            Mode::Items => self.results.hits.len(),
        }
    }

    /// The kind filter after (or before) `filter`: on a catalogue every
    /// kind the index holds, on one fiche the parcours' kinds as before.
    pub fn next_filter(&self, kinds: &[Kind], back: bool) -> Filter {
        match (self.bar.is_some(), back) {
            (true, false) => self.filter.cycle_in(kinds),
            (true, true) => self.filter.cycle_back_in(kinds),
            (false, false) => self.filter.cycle(),
            (false, true) => self.filter.cycle_back(),
        }
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
    let popup = SearchPopup::new(app.search.generation, app.catalogue.len());
    let catalogue = popup.bar.is_some();
    app.popup = Some(Popup::Search(Box::new(popup)));
    // The facets' counts over every fiche, before anything is typed.
    if catalogue {
        query_changed(app);
    }
}

/// Where the popup's parts go at the app's size (its facet bar on the
/// lines it needs).
pub fn area(screen: ratatui::layout::Rect, popup: &SearchPopup) -> Option<layout::SearchArea> {
    let lines = popup.bar.as_ref().map_or(0, |bar| {
        let inner = layout::inner(layout::search_popup(screen));
        bar_view::lines_needed(
            bar,
            usize::from(inner.width),
            layout::facet_lines_max(screen),
        )
    });
    layout::search_area(screen, lines)
}

/// Handles an action while the popup is open.
pub fn handle(app: &mut App, action: Action) {
    let choosing_parcours = matches!(&app.popup, Some(Popup::Search(p)) if p.picker.is_some());
    if choosing_parcours {
        if !mouse::picker_mouse(app, action) {
            jump::picker(app, action);
        }
        return;
    }
    if mouse::results(app, action) {
        return;
    }
    let page = page(app);
    let kinds = app.search.kinds.clone();
    let Some(Popup::Search(popup)) = &mut app.popup else {
        return;
    };
    if let Some(bar) = popup.bar.as_mut().filter(|b| b.menu.is_some()) {
        if bar.menu_action(action) == Change::Facets {
            query_changed(app);
        }
        return;
    }
    let len = popup.input.chars().count();
    let mut changed = false;
    // Anything after Entrée (typing on, moving) says what to do instead.
    popup.activate_on_arrival = false;
    match action {
        Action::Facet(key) => {
            if let Some(bar) = &mut popup.bar {
                changed = bar.key(key) == Change::Facets;
            }
        }
        Action::SwitchSearchMode if popup.bar.is_some() => {
            popup.mode = match popup.mode {
                Mode::Certifications => Mode::Items,
                Mode::Items => Mode::Certifications,
            };
            changed = true;
        }
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
            popup.filter = popup.next_filter(&kinds, true);
            changed = true;
        }
        Action::CycleFilter => {
            popup.filter = popup.next_filter(&kinds, false);
            changed = true;
        }
        Action::Activate if popup.searching() => popup.activate_on_arrival = true,
        Action::Activate => {
            jump::activate(app);
            return;
        }
        other => {
            let len = popup.rows();
            popup.list.step(other, len, page);
        }
    }
    if changed {
        query_changed(app);
    }
}

/// Where the open facet menu of the popup is drawn.
pub fn menu_rect(area: &layout::SearchArea, bar: &FacetBar) -> Option<ratatui::layout::Rect> {
    bar.menu.as_ref()?;
    let facets = area.facets;
    let (x, _) = bar_view::menu_anchor(bar, usize::from(facets.width), facets.height);
    // Within the popup's frame, over its results (`facet_menu` keeps the
    // last line of its area, here the frame's bottom border).
    let room = ratatui::layout::Rect {
        height: area.popup.height.saturating_sub(1),
        ..layout::inner(area.popup)
    };
    layout::facet_menu(
        room,
        facets.x + x,
        facets.y + facets.height,
        bar.options().len(),
    )
}

/// Results the popup shows at the current size (a certification takes
/// two lines: its row and its best item).
fn page(app: &App) -> usize {
    let Some(Popup::Search(popup)) = &app.popup else {
        return 1;
    };
    (list_lines(app) / row_lines(popup)).max(1)
}

/// Lines of the popup's list at the current size.
fn list_lines(app: &App) -> usize {
    let Some(Popup::Search(popup)) = &app.popup else {
        return 1;
    };
    area(app.layout.area, popup).map_or(1, |a| usize::from(a.list.height).max(1))
}

/// Screen lines of one result row.
pub fn row_lines(popup: &SearchPopup) -> usize {
    match popup.mode {
        Mode::Certifications => 2,
        Mode::Items => 1,
    }
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
    app.search.kinds = index.kinds();
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
    if let Some(bar) = &mut popup.bar {
        bar.set_counts(results.counts.clone());
    }
    popup.results = results;
    popup.results_for = generation;
    popup.list = ListCursor::default();
    if popup.activate_on_arrival && !popup.searching() {
        popup.activate_on_arrival = false;
        jump::activate(app);
    }
}
