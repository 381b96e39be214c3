//! Application state and its pure transitions (Elm pattern): one [`App`],
//! one [`Action`] enum, one [`update`]. Nothing here touches the terminal;
//! `ui` renders an `&App`, the binary feeds actions in.
//!
//! Growing the app: a full-screen view (e.g. the comparison view) is a new
//! [`Mode`] variant holding its own state; an overlay (e.g. the search popup)
//! is a new [`Popup`] variant. Each gets a `keys::KeyMode` and a key table,
//! a branch in `update` (see `update.rs`) and a render file in `ui/`.

pub mod action;
pub mod compare;
pub mod detail;
pub mod help;
pub mod keys;
pub mod layout;
pub mod search;
pub mod strings;
pub mod tree;
mod update;
pub mod wrap;

pub use action::{Action, Pane};
pub use detail::Subject;
pub use keys::KeyMode;
pub use tree::{NodeId, Selection, TreeState};
pub use update::update;

use ratatui::layout::Rect;

use crate::check::{self, Finding};
use crate::model::Fiche;
use crate::search::SearchIndex;
use layout::ScreenLayout;

/// The full-screen view in use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mode {
    /// Parcours list · maquette tree · detail.
    Browse,
    /// Two parcours side by side (`c`), in place of the tree and detail.
    Compare(Box<compare::CompareView>),
}

/// An overlay drawn on top of the current mode, with the keyboard to itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Popup {
    Help {
        scroll: usize,
    },
    /// Choosing the parcours to compare with.
    ComparePick(compare::Picker),
    Search(Box<search::SearchPopup>),
}

#[derive(Debug, Clone)]
pub struct App {
    pub fiche: Fiche,
    /// `check` findings, computed once: they drive the warning marks.
    pub findings: Vec<Finding>,
    pub mode: Mode,
    pub popup: Option<Popup>,
    pub focus: Pane,
    /// The list pane (parcours or maquette) whose current item the detail
    /// pane describes; it stays put while the detail pane itself has focus.
    pub detail_source: Pane,
    /// Row of the parcours pane: 0 is the fiche overview, `i + 1` parcours `i`.
    pub selected: usize,
    pub list_offset: usize,
    /// One tree per parcours-pane row, so each keeps its expansion and cursor.
    pub trees: Vec<TreeState>,
    pub detail_scroll: usize,
    /// Geometry of the last known terminal size.
    pub layout: ScreenLayout,
    pub should_quit: bool,
    /// The `/` search engine over this fiche.
    pub search: search::SearchEngine,
    /// The item a search jump marked in the detail pane, until the subject changes.
    pub found: Option<search::Found>,
}

impl App {
    pub fn new(fiche: Fiche) -> Self {
        let findings = check::check(&fiche);
        let index = std::sync::Arc::new(SearchIndex::build(&fiche));
        let trees = (0..=fiche.parcours.len())
            .map(|row| TreeState::new(&tree::semesters(&fiche, selection_of(row))))
            .collect();
        let focus = Pane::Parcours;
        Self {
            fiche,
            findings,
            mode: Mode::Browse,
            popup: None,
            focus,
            detail_source: focus,
            selected: 0,
            list_offset: 0,
            trees,
            detail_scroll: 0,
            layout: layout::compute(Rect::new(0, 0, 80, 24), focus),
            should_quit: false,
            search: search::SearchEngine::new(index),
            found: None,
        }
    }

    /// Rows in the parcours pane: the fiche entry, then each parcours.
    pub fn list_len(&self) -> usize {
        self.fiche.parcours.len() + 1
    }

    /// Screen lines per parcours in a parcours pane whose inside is `inner`.
    pub fn parcours_lines(&self, inner: Rect) -> usize {
        let width = usize::from(inner.width);
        let needed = (0..self.fiche.parcours.len())
            .map(|p| self.parcours_name_lines(p, width).len())
            .max()
            .unwrap_or(1);
        layout::parcours_lines(
            width,
            usize::from(inner.height),
            self.fiche.parcours.len(),
            needed,
        )
    }

    /// The parcours-pane row (0 = fiche) drawn on line `line` of a parcours
    /// pane whose inside is `inner`.
    pub fn parcours_row_on_line(&self, inner: Rect, line: usize) -> Option<usize> {
        let lines = self.parcours_lines(inner);
        layout::parcours_row_at(line, self.list_offset, lines, self.fiche.parcours.len())
    }

    /// Parcours `p`'s name word-wrapped for a parcours pane `width` columns
    /// wide inside, two columns being kept for the warning mark.
    pub fn parcours_name_lines(&self, p: usize, width: usize) -> Vec<String> {
        let Some(parcours) = self.fiche.parcours.get(p) else {
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
        let doc = [detail::DocLine {
            spans: vec![(detail::Tone::Text, name.to_string())],
            bullet: false,
        }];
        detail::wrap(&doc, room)
            .into_iter()
            .map(|l| l.into_iter().map(|(_, t)| t).collect::<String>())
            .collect()
    }

    pub fn selection(&self) -> Selection {
        selection_of(self.selected)
    }

    pub fn tree(&self) -> &TreeState {
        &self.trees[self.selected.min(self.trees.len() - 1)]
    }

    /// Visible rows of the current tree.
    pub fn tree_rows(&self) -> Vec<tree::Row> {
        let sems = tree::semesters(&self.fiche, self.selection());
        tree::rows(&sems, &self.tree().expanded)
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

    /// Which key table is active.
    pub fn key_mode(&self) -> KeyMode {
        match (&self.popup, &self.mode) {
            (Some(Popup::Help { .. }), _) => KeyMode::Help,
            (Some(Popup::Search(_)), _) => KeyMode::Search,
            (None, Mode::Browse) => KeyMode::Browse,
            (Some(Popup::ComparePick(_)), _) => KeyMode::ComparePick,
            (None, Mode::Compare(_)) => KeyMode::Compare,
        }
    }
}

fn selection_of(row: usize) -> Selection {
    match row {
        0 => Selection::Fiche,
        n => Selection::Parcours(n - 1),
    }
}
