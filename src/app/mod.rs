//! Application state and its pure transitions (Elm pattern): one [`App`],
//! one [`Msg`] enum (keys and mouse as [`Action`]s, answers from background
//! work), one [`update`] that is the only place state changes and that
//! returns the [`Effect`]s the event loop must run. Nothing here touches the
//! terminal; `ui` renders an `&App`, the binary feeds messages in.
//!
//! Growing the app: a full-screen view (e.g. the comparison view) is a new
//! [`Mode`] variant holding its own state; an overlay (e.g. the search popup)
//! is a new [`Popup`] variant. Each gets a `keys::KeyMode` and a key table,
//! a branch in `update` (see `update.rs`), its view model in `view/` and a
//! render file in `ui/`. State kept per fiche goes in [`FicheView`].

pub mod action;
pub mod cert_compare;
pub mod clipboard;
pub mod compare;
pub mod facet_bar;
pub mod fiche_list;
pub mod findings;
pub mod follow;
pub mod history;
pub mod keys;
pub mod links;
pub mod list;
pub mod load_warnings;
pub mod loading;
pub mod msg;
mod nav;
pub mod partners;
pub mod persist;
pub mod search;
pub mod tree;
mod update;
pub mod view;

pub use action::{Action, Pane};
pub use keys::KeyMode;
pub use list::ListCursor;
pub use msg::{Effect, Msg};
pub use tree::{NodeId, Selection, TreeState};
pub use update::{press, update};
pub use view::detail::Subject;

use std::collections::HashMap;
use std::sync::Arc;

use ratatui::layout::Rect;

use crate::check::{Finding, FindingsCache};
use crate::model::{Catalogue, EMBEDDED_NAME, Fiche, FicheId, ParcoursRef};
use crate::search::SearchIndex;
use view::detail::{self, DocLine, Wrapped};
use view::layout::{self, ScreenLayout};

/// The full-screen view in use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mode {
    /// The list of the catalogue's fiches (when it has several).
    Fiches,
    /// Parcours list · maquette tree · detail.
    Browse,
    /// Two parcours side by side (`c`), in place of the tree and detail.
    Compare(Box<compare::CompareView>),
    /// Two certifications side by side (`c` on a registry fiche or the list).
    CertCompare(Box<cert_compare::CertView>),
}

/// An overlay drawn on top of the current mode, with the keyboard to itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Popup {
    Help {
        scroll: usize,
    },
    /// Choosing the parcours to compare with.
    ComparePick(compare::Picker),
    /// Choosing the certification to compare with.
    CertPick(Box<cert_compare::CertPicker>),
    Search(Box<search::SearchPopup>),
    /// The fiche's `check` findings (`!`), one row each.
    Findings(ListCursor),
    /// What loading the sources skipped or repaired (`w`).
    Warnings(ListCursor),
    /// The registry fiche's partners (`p`): filter, list, habilitation answer.
    Partners(Box<partners::PartnersPopup>),
}

/// What one fiche's screen remembers: created the first time the fiche is
/// opened, so a catalogue of thousands of fiches costs nothing until visited.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FicheView {
    /// Row of the parcours pane: 0 is the fiche overview, `i + 1` parcours `i`.
    pub list: ListCursor,
    /// One tree per parcours-pane row, so each keeps its expansion and cursor.
    pub trees: Vec<TreeState>,
    pub detail_scroll: usize,
    /// The item a search jump marked in the detail pane, until the subject changes.
    pub found: Option<search::Found>,
    /// The detail document as last wrapped (see [`DetailLines`]).
    pub detail: Option<Arc<DetailLines>>,
    /// Lines the longest parcours name wraps to, for a pane of the given inner width.
    pub name_lines: Option<(usize, usize)>,
    /// The detail's link chosen with `n` (index into its links), until the subject changes.
    pub link: Option<usize>,
}

/// The detail document of one subject, wrapped to one width: built once
/// when the subject or the width changes, so a frame only slices it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DetailLines {
    pub subject: Subject,
    pub found: Option<search::Found>,
    pub width: usize,
    pub lines: Vec<Wrapped>,
    /// The document's followable links, where they are drawn.
    pub links: Vec<LinkSpot>,
}

/// A link of the detail document as wrapped: screen lines `first..=last`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkSpot {
    pub target: detail::Target,
    pub label: String,
    pub first: usize,
    pub last: usize,
}

impl FicheView {
    fn new(fiche: &Fiche) -> FicheView {
        let trees = (0..=fiche.parcours.len())
            .map(|row| TreeState::new(&tree::semesters(fiche, selection_of(row))))
            .collect();
        FicheView {
            list: ListCursor::default(),
            trees,
            detail_scroll: 0,
            found: None,
            detail: None,
            name_lines: None,
            link: None,
        }
    }
}

#[derive(Debug, Clone)]
pub struct App {
    pub catalogue: Arc<Catalogue>,
    /// `check` findings per fiche, computed when first needed: they drive the
    /// warning marks, and cost seconds over a whole registry.
    findings: FindingsCache,
    /// The fiche on screen.
    pub current: FicheId,
    views: HashMap<FicheId, FicheView>,
    pub mode: Mode,
    /// The fiche list, when the catalogue has more than one fiche.
    pub fiche_list: Option<fiche_list::FicheList>,
    pub popup: Option<Popup>,
    pub focus: Pane,
    /// The list pane (parcours or maquette) whose current item the detail
    /// pane describes; it stays put while the detail pane itself has focus.
    pub detail_source: Pane,
    /// Geometry of the last known terminal size.
    pub layout: ScreenLayout,
    pub should_quit: bool,
    /// The `/` search engine over the catalogue.
    pub search: search::SearchEngine,
    /// A one-off message for the status bar ("copié : 1 234 caractères"),
    /// cleared by the next key.
    pub notice: Option<String>,
    /// What loading the sources skipped or repaired, located, as shown.
    pub load_warnings: Vec<String>,
    /// Which link of the detail pane the last `o` opened, while the user
    /// keeps pressing `o` (any other key starts again from the first).
    pub link_turn: Option<usize>,
    /// Saved state of the fiches not opened yet this run, applied on first
    /// visit (see [`persist`]).
    saved: Option<persist::SavedState>,
    /// Where the user has been and may go back to (`[` / `]`).
    pub history: history::History,
    /// Effects decided during the current `update`, handed back by it.
    effects: Vec<Effect>,
    /// The day validity is counted from ("in 273 days"): the clock's at
    /// start, set by tests so that what they draw does not age.
    pub today: crate::model::registry::Date,
    /// Each fiche's number and title folded, for the certification picker's
    /// filter: made on the first picker opened (see [`cert_compare`]).
    fiche_keys: std::sync::OnceLock<Arc<Vec<String>>>,
    /// The NSF and ROME codes' labels, for the facet menus: read when a
    /// menu first opens (`update`), as they need fiches decoded.
    code_labels: std::sync::OnceLock<Arc<crate::model::code_labels::CodeLabels>>,
}

impl App {
    /// The app on one fiche.
    pub fn new(fiche: Fiche) -> Self {
        Self::with_catalogue(Catalogue::single(fiche, EMBEDDED_NAME))
    }

    /// The app on a catalogue, showing its first fiche.
    pub fn with_catalogue(catalogue: Catalogue) -> Self {
        assert!(!catalogue.is_empty(), "a catalogue to explore has a fiche");
        let findings = FindingsCache::new(&catalogue);
        let focus = Pane::Parcours;
        let fiche_list = (catalogue.len() > 1).then(|| fiche_list::FicheList::new(&catalogue));
        let mode = if fiche_list.is_some() {
            Mode::Fiches
        } else {
            Mode::Browse
        };
        let mut app = Self {
            catalogue: Arc::new(catalogue),
            findings,
            current: FicheId::FIRST,
            views: HashMap::new(),
            mode,
            fiche_list,
            popup: None,
            focus,
            detail_source: focus,
            layout: layout::compute(Rect::new(0, 0, 80, 24), focus),
            should_quit: false,
            // Built off the UI thread: the first frame never waits for it.
            search: search::SearchEngine::pending(),
            notice: None,
            load_warnings: Vec::new(),
            link_turn: None,
            saved: None,
            history: history::History::default(),
            effects: vec![Effect::BuildIndex],
            today: crate::model::registry::Date::today(),
            fiche_keys: std::sync::OnceLock::new(),
            code_labels: std::sync::OnceLock::new(),
        };
        app.open(FicheId::FIRST);
        app.refresh();
        app
    }

    /// Reads the codes' labels if not yet done, and hands them to the
    /// facet bars (`update`, when a facet menu opens).
    pub(crate) fn learn_code_labels(&mut self) {
        let labels =
            Arc::clone(self.code_labels.get_or_init(|| {
                Arc::new(crate::model::code_labels::CodeLabels::of(&self.catalogue))
            }));
        if let Some(list) = &mut self.fiche_list {
            list.bar.labels = Some(Arc::clone(&labels));
        }
        if let Some(Popup::Search(popup)) = &mut self.popup
            && let Some(bar) = &mut popup.bar
        {
            bar.labels = Some(labels);
        }
    }

    /// Builds the search index on this thread and applies it as the event
    /// loop does with its worker's answer ([`Msg::IndexReady`]): for tests
    /// and tools without an event loop.
    pub fn build_index_now(&mut self) {
        let index = Arc::new(SearchIndex::build(&self.catalogue));
        update(self, Msg::IndexReady(index));
    }

    /// Counts validity from `today` on; the kept detail documents, which
    /// say how many days are left, are dropped so they are made again.
    pub fn set_today(&mut self, today: crate::model::registry::Date) {
        self.today = today;
        for view in self.views.values_mut() {
            view.detail = None;
        }
        self.refresh();
    }

    /// The fiche on screen.
    pub fn fiche(&self) -> &Fiche {
        self.catalogue.get(self.current)
    }

    /// `check` findings about the fiche on screen.
    pub fn findings(&self) -> &[Finding] {
        self.findings.get(&self.catalogue, self.current)
    }

    /// The fiche on screen's view state.
    pub fn view(&self) -> &FicheView {
        &self.views[&self.current]
    }

    fn view_mut(&mut self) -> &mut FicheView {
        self.views
            .get_mut(&self.current)
            .expect("the fiche on screen has a view")
    }

    /// Puts fiche `id` on screen, creating its view state on first visit.
    fn open(&mut self, id: FicheId) {
        self.current = id;
        if !self.views.contains_key(&id) {
            let fiche = self.catalogue.get(id);
            let mut view = FicheView::new(fiche);
            if let Some(saved) = &self.saved {
                persist::apply(saved, fiche, &mut view);
            }
            self.views.insert(id, view);
        }
    }

    /// Parcours `p` of the fiche on screen.
    pub fn parcours_ref(&self, p: usize) -> ParcoursRef {
        ParcoursRef::new(self.current, p)
    }

    /// Row of the parcours pane under the cursor (0 = fiche).
    pub fn selected(&self) -> usize {
        self.view().list.selected
    }

    /// Rows in the parcours pane: the fiche entry, then each parcours.
    pub fn list_len(&self) -> usize {
        self.fiche().parcours.len() + 1
    }

    /// Screen lines per parcours in a parcours pane whose inside is `inner`.
    pub fn parcours_lines(&self, inner: Rect) -> usize {
        let width = usize::from(inner.width);
        let needed = match self.view().name_lines {
            Some((w, needed)) if w == width => needed,
            _ => self.longest_name_lines(width),
        };
        layout::parcours_lines(
            width,
            usize::from(inner.height),
            self.fiche().parcours.len(),
            needed,
        )
    }

    /// Lines the longest-wrapping parcours name takes at `width` (1 at least).
    fn longest_name_lines(&self, width: usize) -> usize {
        (0..self.fiche().parcours.len())
            .map(|p| self.parcours_name_lines(p, width).len())
            .max()
            .unwrap_or(1)
    }

    /// The parcours-pane row (0 = fiche) drawn on line `line` of a parcours
    /// pane whose inside is `inner`.
    pub fn parcours_row_on_line(&self, inner: Rect, line: usize) -> Option<usize> {
        let lines = self.parcours_lines(inner);
        layout::parcours_row_at(
            line,
            self.view().list.offset,
            lines,
            self.fiche().parcours.len(),
        )
    }

    /// Parcours `p`'s name word-wrapped for a parcours pane `width` columns
    /// wide inside, two columns being kept for the warning mark.
    pub fn parcours_name_lines(&self, p: usize, width: usize) -> Vec<String> {
        let Some(parcours) = self.fiche().parcours.get(p) else {
            return Vec::new();
        };
        // No pane shows more than a few hundred lines of a name (the rest is
        // cut with "…"): wrap only a prefix that gives more lines than that,
        // not a multi-megabyte name twice per frame.
        let room = layout::parcours_name_room(width);
        let name = match parcours
            .name
            .char_indices()
            .nth(room.max(1).saturating_mul(2048))
        {
            Some((cut, _)) => &parcours.name[..cut],
            None => &parcours.name,
        };
        let doc = [DocLine {
            spans: vec![(view::Tone::Text, name.to_string())],
            bullet: false,
            sub: false,
        }];
        detail::wrap(&doc, room)
            .into_iter()
            .map(|l| l.into_iter().map(|(_, t)| t).collect::<String>())
            .collect()
    }

    pub fn selection(&self) -> Selection {
        selection_of(self.selected())
    }

    pub fn tree(&self) -> &TreeState {
        let trees = &self.view().trees;
        &trees[self.selected().min(trees.len() - 1)]
    }

    fn tree_mut(&mut self) -> &mut TreeState {
        let row = self.selected();
        let trees = &mut self.view_mut().trees;
        let last = trees.len() - 1;
        &mut trees[row.min(last)]
    }

    /// Visible rows of the current tree.
    pub fn tree_rows(&self) -> Vec<tree::Row> {
        tree::rows_for(self.fiche(), self.selection(), &self.tree().expanded)
    }

    /// The tree node under the cursor, if the tree has any row.
    pub fn tree_node(&self) -> Option<NodeId> {
        let rows = self.tree_rows();
        rows.get(self.tree().cursor.min(rows.len().saturating_sub(1)))
            .map(|r| r.id)
    }

    /// What the detail pane describes.
    pub fn subject(&self) -> Subject {
        match (self.detail_source, self.tree_node()) {
            (Pane::Maquette, Some(node)) => Subject::Node(self.selection(), node),
            _ => match self.selection() {
                Selection::Fiche => Subject::Fiche,
                Selection::Parcours(i) => Subject::Parcours(i),
            },
        }
    }

    /// The detail document wrapped for the detail pane's inside `width`:
    /// the one kept since the subject last changed, or made now when the
    /// state moved on without `update` (a test drawing a fresh app).
    pub fn detail_lines(&self, width: usize) -> Arc<DetailLines> {
        let view = self.view();
        match &view.detail {
            Some(kept)
                if kept.width == width
                    && kept.subject == self.subject()
                    && kept.found == view.found =>
            {
                Arc::clone(kept)
            }
            _ => Arc::new(self.wrap_detail(width)),
        }
    }

    fn wrap_detail(&self, width: usize) -> DetailLines {
        let (doc, links) = detail::linked_document(self);
        let (lines, starts) = detail::wrap_starts(&doc, width);
        let links = links
            .into_iter()
            .map(|link| {
                let first = starts.get(link.line).copied().unwrap_or(lines.len());
                let next = starts.get(link.line + 1).copied().unwrap_or(lines.len());
                LinkSpot {
                    target: link.target,
                    label: link.label,
                    first,
                    last: next.max(first + 1) - 1,
                }
            })
            .collect();
        DetailLines {
            subject: self.subject(),
            found: self.view().found,
            width,
            lines,
            links,
        }
    }

    /// Brings the kept, derived data up to date with the state: the wrapped
    /// detail document and the parcours names' line count. `update` calls it
    /// after every message, so that drawing a frame only reads.
    fn refresh(&mut self) {
        self.refresh_detail();
        cert_compare::refresh(self);
        if let Some(inner) = self.layout.inner(Pane::Parcours) {
            let width = usize::from(inner.width);
            if self.view().name_lines.map(|(w, _)| w) != Some(width) {
                let needed = self.longest_name_lines(width);
                self.view_mut().name_lines = Some((width, needed));
            }
        }
    }

    /// Keeps the detail document of the current subject, wrapped to the
    /// detail pane's width; its line count, when the pane is on screen.
    fn refresh_detail(&mut self) -> Option<usize> {
        let inner = self.layout.inner(Pane::Detail)?;
        let lines = self.detail_lines(usize::from(inner.width));
        let count = lines.lines.len();
        self.view_mut().detail = Some(lines);
        Some(count)
    }

    /// Which key table is active.
    pub fn key_mode(&self) -> KeyMode {
        match (&self.popup, &self.mode) {
            (Some(Popup::Help { .. }), _) => KeyMode::Help,
            (Some(Popup::Search(p)), _) if p.picker.is_some() => KeyMode::SearchPick,
            (Some(Popup::Search(p)), _) if p.bar.as_ref().is_some_and(|b| b.menu.is_some()) => {
                KeyMode::FacetMenu
            }
            (Some(Popup::Search(_)), _) if self.fiche_list.is_some() => KeyMode::CatalogueSearch,
            (Some(Popup::Search(_)), _) => KeyMode::Search,
            (None, Mode::Fiches) => match &self.fiche_list {
                Some(list) if list.bar.menu.is_some() => KeyMode::FacetMenu,
                Some(list) if list.editing => KeyMode::FicheFilter,
                _ => KeyMode::Fiches,
            },
            (None, Mode::Browse) if self.fiche_list.is_some() => KeyMode::FicheBrowse,
            (None, Mode::Browse) => KeyMode::Browse,
            (Some(Popup::ComparePick(_)), _) => KeyMode::ComparePick,
            (Some(Popup::CertPick(_)), _) => KeyMode::CertPick,
            (Some(Popup::Findings(_)), _) => KeyMode::Findings,
            (Some(Popup::Warnings(_)), _) => KeyMode::Warnings,
            (Some(Popup::Partners(_)), _) => KeyMode::Partners,
            (None, Mode::Compare(_)) => KeyMode::Compare,
            (None, Mode::CertCompare(_)) => KeyMode::CertCompare,
        }
    }
}

fn selection_of(row: usize) -> Selection {
    match row {
        0 => Selection::Fiche,
        n => Selection::Parcours(n - 1),
    }
}
