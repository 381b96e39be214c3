//! Everything that can happen to the app: keys (through the key table),
//! mouse and resize events all become one of these before `update` sees them.

use super::facet_bar::FacetKey;

/// One of the three browsing panes, left to right.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pane {
    Parcours,
    Maquette,
    Detail,
}

impl Pane {
    pub const ALL: [Pane; 3] = [Pane::Parcours, Pane::Maquette, Pane::Detail];

    pub fn index(self) -> usize {
        match self {
            Pane::Parcours => 0,
            Pane::Maquette => 1,
            Pane::Detail => 2,
        }
    }

    pub fn next(self) -> Pane {
        Pane::ALL[(self.index() + 1) % 3]
    }

    pub fn prev(self) -> Pane {
        Pane::ALL[(self.index() + 2) % 3]
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Up,
    Down,
    /// Collapse, go to the parent, or move focus left at the edge.
    Left,
    /// Expand, go to the first child, or move focus right at the edge.
    Right,
    Top,
    Bottom,
    PageUp,
    PageDown,
    NextPane,
    PrevPane,
    /// `1`/`2`/`3`: this pane (the tab of that number in the narrow layout).
    Focus(Pane),
    /// Enter: select (parcours) or toggle (tree node).
    Activate,
    OpenHelp,
    /// `c`: compare the selected parcours with another (opens the picker).
    OpenCompare,
    /// `s` in the comparison: swap the two sides.
    Swap,
    /// `/`: open the search popup.
    OpenSearch,
    /// Ctrl-F on the fiche list: the search popup over the whole catalogue
    /// (`/` there filters the list).
    OpenCatalogueSearch,
    /// A character typed into the search query.
    SearchInput(char),
    /// Delete the character before the cursor.
    SearchBackspace,
    /// Delete everything before the cursor (Ctrl-u).
    SearchClear,
    /// Delete the word before the cursor (Ctrl-w).
    SearchDeleteWord,
    /// Next kind filter (Tout → Emplois → Compétences → …).
    CycleFilter,
    /// Previous kind filter (Maj-Tab).
    CycleFilterBack,
    /// In the search over a catalogue: one row per certification, or per item.
    SwitchSearchMode,
    /// `y`: copy the detail's subject (the comparison in Markdown) to the clipboard.
    Copy,
    /// `o`: open the detail's link (again: the next one) in the browser.
    OpenLink,
    /// `!`: the popup of the fiche's `check` findings.
    OpenFindings,
    /// `w`: the warnings of the load (what was skipped or repaired).
    OpenWarnings,
    /// `*`: open every node of the tree.
    ExpandAll,
    /// `-`: close every node of the tree.
    CollapseAll,
    /// `n`: choose the detail's next followable link.
    NextLink,
    /// `N`: choose the detail's previous followable link.
    PrevLink,
    /// `[` / Ctrl-O: back to the previous place of the history.
    HistoryBack,
    /// `]` / Ctrl-I: forward again.
    HistoryForward,
    /// `p`: the registry fiche's partners.
    OpenPartners,
    /// A facet key of the fiche list or the search (répertoire, level…).
    Facet(FacetKey),
    /// Esc: close the open popup.
    Close,
    Quit,
    /// The terminal now has this size (sent once at start and on every resize).
    Resize {
        width: u16,
        height: u16,
    },
    /// Left click at a screen cell.
    Click {
        column: u16,
        row: u16,
    },
    /// Mouse wheel over a screen cell.
    Wheel {
        column: u16,
        row: u16,
        down: bool,
    },
}
