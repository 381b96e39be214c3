//! What the explorer remembers between runs: per fiche (by its number),
//! the parcours row selected, each parcours' tree expansion and cursor, and
//! the focused pane. This module is the pure mapping App ↔ [`SavedState`]
//! and its RON text; reading and writing the file is the binary's
//! (`cli/interactive.rs`), so no test here touches the disk.
//!
//! The saved state names parcours by id rather than by row, and every node
//! is checked against the fiche when applied: a fiche that changed since
//! (a parcours gone, a semester shorter) drops what no longer fits instead of
//! failing. A file that does not parse, or of another [`VERSION`], is ignored.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::nav;
use super::tree::{self, NodeId};
use super::{App, FicheView, Mode, Pane, selection_of};
use crate::model::Fiche;

/// Bumped when the format changes incompatibly: an older file is then ignored.
pub const VERSION: u32 = 1;

/// Largest state file read: a hand-edited or corrupt giant is ignored.
pub const MAX_BYTES: u64 = 4 << 20;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedState {
    pub version: u32,
    /// By fiche number (`Fiche::rncp_code`).
    pub fiches: BTreeMap<String, SavedFiche>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedFiche {
    /// The parcours selected, by id; `None` for the fiche row.
    pub selected: Option<String>,
    pub focus: Option<SavedPane>,
    /// The detail described the tree's node (rather than the parcours).
    #[serde(default)]
    pub tree_subject: bool,
    /// By parcours id; the fiche row's tree (the common core) under "".
    pub trees: BTreeMap<String, SavedTree>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedTree {
    pub expanded: Vec<SavedNode>,
    /// Row of the cursor among the visible rows.
    pub cursor: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum SavedNode {
    Semester(usize),
    Ue(usize, usize),
    Course(usize, usize, usize),
    Bloc(usize),
    BlocItem(usize, usize),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum SavedPane {
    Parcours,
    Maquette,
    Detail,
}

impl From<NodeId> for SavedNode {
    fn from(id: NodeId) -> Self {
        match id {
            NodeId::Semester(s) => SavedNode::Semester(s),
            NodeId::Ue(s, u) => SavedNode::Ue(s, u),
            NodeId::Course(s, u, c) => SavedNode::Course(s, u, c),
            NodeId::Bloc(b) => SavedNode::Bloc(b),
            NodeId::BlocItem(b, i) => SavedNode::BlocItem(b, i),
        }
    }
}

impl From<SavedNode> for NodeId {
    fn from(n: SavedNode) -> Self {
        match n {
            SavedNode::Semester(s) => NodeId::Semester(s),
            SavedNode::Ue(s, u) => NodeId::Ue(s, u),
            SavedNode::Course(s, u, c) => NodeId::Course(s, u, c),
            SavedNode::Bloc(b) => NodeId::Bloc(b),
            SavedNode::BlocItem(b, i) => NodeId::BlocItem(b, i),
        }
    }
}

impl From<Pane> for SavedPane {
    fn from(p: Pane) -> Self {
        match p {
            Pane::Parcours => SavedPane::Parcours,
            Pane::Maquette => SavedPane::Maquette,
            Pane::Detail => SavedPane::Detail,
        }
    }
}

impl From<SavedPane> for Pane {
    fn from(p: SavedPane) -> Self {
        match p {
            SavedPane::Parcours => Pane::Parcours,
            SavedPane::Maquette => Pane::Maquette,
            SavedPane::Detail => Pane::Detail,
        }
    }
}

/// The state in a file's text; `None` when it does not parse or is of
/// another version (the caller then starts afresh).
pub fn parse(text: &str) -> Option<SavedState> {
    let state: SavedState = ron::from_str(text).ok()?;
    (state.version == VERSION).then_some(state)
}

/// The file's text.
pub fn to_ron(state: &SavedState) -> String {
    let config = ron::ser::PrettyConfig::default();
    ron::ser::to_string_pretty(state, config).expect("the saved state serialises") + "\n"
}

/// The key of parcours-pane row `row` (0 = the fiche).
fn row_key(fiche: &Fiche, row: usize) -> Option<String> {
    match row {
        0 => Some(String::new()),
        n => fiche.parcours.get(n - 1).map(|p| p.id.clone()),
    }
}

/// Applies what was saved for `fiche` to its fresh `view`, dropping what
/// does not fit the fiche as it is now.
pub(super) fn apply(saved: &SavedState, fiche: &Fiche, view: &mut FicheView) {
    let Some(entry) = saved.fiches.get(&fiche.rncp_code) else {
        return;
    };
    if let Some(id) = &entry.selected {
        if let Some(p) = fiche.parcours.iter().position(|p| &p.id == id) {
            view.list.selected = p + 1;
        }
    } else {
        view.list.selected = 0;
    }
    for (row, state) in view.trees.iter_mut().enumerate() {
        let Some(saved_tree) = row_key(fiche, row).and_then(|k| entry.trees.get(&k)) else {
            continue;
        };
        let selection = selection_of(row);
        state.expanded = saved_tree
            .expanded
            .iter()
            .map(|&n| NodeId::from(n))
            .filter(|&id| tree::exists(fiche, selection, id))
            .collect();
        let rows = tree::rows_for(fiche, selection, &state.expanded).len();
        state.cursor = saved_tree.cursor.min(rows.saturating_sub(1));
        state.offset = 0;
    }
}

/// What `view` of `fiche` has to remember.
fn snapshot(
    fiche: &Fiche,
    view: &FicheView,
    focus: Option<Pane>,
    tree_subject: bool,
) -> SavedFiche {
    let trees = view
        .trees
        .iter()
        .enumerate()
        .filter_map(|(row, state)| {
            let mut expanded: Vec<SavedNode> = state.expanded.iter().map(|&id| id.into()).collect();
            // Sorted so that the file does not change when nothing did.
            expanded.sort();
            let saved = SavedTree {
                expanded,
                cursor: state.cursor,
            };
            Some((row_key(fiche, row)?, saved))
        })
        .collect();
    SavedFiche {
        selected: view
            .list
            .selected
            .checked_sub(1)
            .and_then(|p| fiche.parcours.get(p))
            .map(|p| p.id.clone()),
        focus: focus.map(SavedPane::from),
        tree_subject,
        trees,
    }
}

impl App {
    /// Takes up a saved state: applied now to the fiche on screen (focus
    /// included, when it is browsed), kept for the others until opened.
    pub(super) fn restore(&mut self, saved: SavedState) {
        let current = self.current;
        let fiche = self.catalogue.get(current);
        let mut view = FicheView::new(fiche);
        apply(&saved, fiche, &mut view);
        let entry = saved.fiches.get(&fiche.rncp_code);
        let focus = entry.and_then(|f| f.focus).map(Pane::from);
        let tree_subject = entry.is_some_and(|f| f.tree_subject);
        self.views.insert(current, view);
        self.saved = Some(saved);
        if let (Mode::Browse, Some(pane)) = (&self.mode, focus) {
            nav::set_focus(self, pane);
            if tree_subject && pane != Pane::Parcours {
                nav::select_in_tree(self);
            }
        }
        nav::follow_cursors(self);
        self.refresh();
    }

    /// The state to save: `previous` (what the file had, kept for fiches
    /// not opened this run) with every fiche visited now.
    pub fn saved_state(&self, previous: Option<SavedState>) -> SavedState {
        let mut state = previous.or_else(|| self.saved.clone()).unwrap_or_default();
        state.version = VERSION;
        for (&id, view) in &self.views {
            let fiche = self.catalogue.get(id);
            let current = id == self.current;
            let focus = current.then_some(self.focus);
            let tree_subject = current && self.detail_source == Pane::Maquette;
            state.fiches.insert(
                fiche.rncp_code.clone(),
                snapshot(fiche, view, focus, tree_subject),
            );
        }
        state
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::{Action, Msg, update};

    fn app() -> App {
        let mut app = App::new(crate::model::embedded());
        update(
            &mut app,
            Action::Resize {
                width: 120,
                height: 40,
            },
        );
        app
    }

    #[test]
    fn selection_expansion_cursor_and_focus_come_back() {
        let mut app = app();
        for a in [
            Action::Down,
            Action::Down,
            Action::NextPane,
            Action::Down,
            Action::Right,
            Action::Down,
            // The detail pane focused, still on the tree's node.
            Action::NextPane,
        ] {
            update(&mut app, a);
        }
        let saved = app.saved_state(None);
        let text = to_ron(&saved);
        let mut again = self::app();
        update(
            &mut again,
            Msg::Restore(parse(&text).expect("the text parses back")),
        );
        assert_eq!(again.selected(), app.selected());
        assert_eq!(again.tree(), app.tree());
        assert_eq!(again.focus, Pane::Detail);
        assert!(matches!(again.subject(), crate::app::Subject::Node(..)));
        assert_eq!(again.subject(), app.subject());
    }

    #[test]
    fn what_no_longer_fits_the_fiche_is_dropped() {
        let mut app = app();
        let mut entry = SavedFiche {
            selected: Some("no-such-parcours".into()),
            focus: Some(SavedPane::Detail),
            tree_subject: false,
            trees: BTreeMap::new(),
        };
        entry.trees.insert(
            String::new(),
            SavedTree {
                expanded: vec![SavedNode::Semester(99), SavedNode::Course(0, 0, 999)],
                cursor: 10_000,
            },
        );
        let mut state = SavedState {
            version: VERSION,
            fiches: BTreeMap::new(),
        };
        state.fiches.insert(app.fiche().rncp_code.clone(), entry);
        update(&mut app, Msg::Restore(state));
        assert_eq!(app.selected(), 0);
        assert!(app.tree().expanded.is_empty());
        assert_eq!(app.tree().cursor, app.tree_rows().len() - 1);
        assert_eq!(app.focus, Pane::Detail);
    }

    #[test]
    fn garbage_and_other_versions_are_ignored() {
        assert_eq!(parse(""), None);
        assert_eq!(parse("(version: 1, fiches: {\"x\": 3})"), None);
        assert_eq!(parse("\u{0}\u{1}ééé"), None);
        let other = SavedState {
            version: VERSION + 1,
            fiches: BTreeMap::new(),
        };
        assert_eq!(parse(&to_ron(&other)), None);
    }

    #[test]
    fn fiches_not_opened_keep_their_saved_state() {
        let app = app();
        let mut previous = SavedState {
            version: VERSION,
            fiches: BTreeMap::new(),
        };
        previous
            .fiches
            .insert("99999".into(), SavedFiche::default());
        let state = app.saved_state(Some(previous));
        assert!(state.fiches.contains_key("99999"));
        assert!(state.fiches.contains_key(&app.fiche().rncp_code));
    }
}
