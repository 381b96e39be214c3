//! The maquette tree: semesters → UEs → courses of one selection, flattened
//! into visible rows according to which nodes are expanded.

use std::collections::HashSet;

use crate::model::{Course, Fiche, SemesterRef, Ue};

/// A node, by indices into the selection's curriculum (see [`semesters`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NodeId {
    Semester(usize),
    Ue(usize, usize),
    Course(usize, usize, usize),
}

impl NodeId {
    pub fn parent(self) -> Option<NodeId> {
        match self {
            NodeId::Semester(_) => None,
            NodeId::Ue(s, _) => Some(NodeId::Semester(s)),
            NodeId::Course(s, u, _) => Some(NodeId::Ue(s, u)),
        }
    }

    pub fn depth(self) -> usize {
        match self {
            NodeId::Semester(_) => 0,
            NodeId::Ue(..) => 1,
            NodeId::Course(..) => 2,
        }
    }
}

/// What the parcours pane has selected: the fiche overview or one parcours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Selection {
    Fiche,
    Parcours(usize),
}

/// The semesters shown for a selection: the common core for the fiche, the
/// whole curriculum (common core first) for a parcours.
pub fn semesters(fiche: &Fiche, selection: Selection) -> Vec<SemesterRef<'_>> {
    match selection {
        Selection::Fiche => fiche
            .common_semesters
            .iter()
            .map(|semester| SemesterRef {
                semester,
                common: true,
            })
            .collect(),
        Selection::Parcours(i) => match fiche.parcours.get(i) {
            Some(p) => fiche.curriculum(p),
            None => Vec::new(),
        },
    }
}

pub fn ue<'a>(sems: &[SemesterRef<'a>], s: usize, u: usize) -> Option<&'a Ue> {
    sems.get(s)?.semester.ues.get(u)
}

pub fn course<'a>(sems: &[SemesterRef<'a>], s: usize, u: usize, c: usize) -> Option<&'a Course> {
    ue(sems, s, u)?.courses.get(c)
}

/// One visible row of the tree.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Row {
    pub id: NodeId,
    pub expandable: bool,
    pub expanded: bool,
}

/// Expansion and cursor for one selection's tree.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TreeState {
    pub expanded: HashSet<NodeId>,
    /// Index into the visible rows.
    pub cursor: usize,
    /// First visible row.
    pub offset: usize,
}

impl TreeState {
    /// Default expansion: every semester open on its UEs, UEs closed, so the
    /// whole maquette reads at a glance and courses are one key away.
    pub fn new(sems: &[SemesterRef<'_>]) -> Self {
        Self {
            expanded: (0..sems.len()).map(NodeId::Semester).collect(),
            cursor: 0,
            offset: 0,
        }
    }

    /// Opens a closed node, closes an open one.
    pub fn toggle(&mut self, id: NodeId) {
        if !self.expanded.remove(&id) {
            self.expanded.insert(id);
        }
    }
}

/// Every node that has children: the expansion of "expand all" (`*`).
pub fn expandable_nodes(sems: &[SemesterRef<'_>]) -> HashSet<NodeId> {
    let mut out = HashSet::new();
    for (s, sem) in sems.iter().enumerate() {
        if !sem.semester.ues.is_empty() {
            out.insert(NodeId::Semester(s));
        }
        for (u, ue) in sem.semester.ues.iter().enumerate() {
            if !ue.courses.is_empty() {
                out.insert(NodeId::Ue(s, u));
            }
        }
    }
    out
}

/// The visible rows, depth-first.
pub fn rows(sems: &[SemesterRef<'_>], expanded: &HashSet<NodeId>) -> Vec<Row> {
    let mut out = Vec::new();
    for (s, sem) in sems.iter().enumerate() {
        let id = NodeId::Semester(s);
        let open = expanded.contains(&id);
        out.push(Row {
            id,
            expandable: !sem.semester.ues.is_empty(),
            // An empty node is never shown as open, whatever the set says.
            expanded: open && !sem.semester.ues.is_empty(),
        });
        if !open {
            continue;
        }
        for (u, ue) in sem.semester.ues.iter().enumerate() {
            let id = NodeId::Ue(s, u);
            let open = expanded.contains(&id);
            out.push(Row {
                id,
                expandable: !ue.courses.is_empty(),
                expanded: open && !ue.courses.is_empty(),
            });
            if open {
                out.extend((0..ue.courses.len()).map(|c| Row {
                    id: NodeId::Course(s, u, c),
                    expandable: false,
                    expanded: false,
                }));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_tree_shows_semesters_and_their_ues() {
        let fiche = crate::model::embedded();
        let sems = semesters(&fiche, Selection::Parcours(0));
        assert_eq!(sems.len(), 4);
        let state = TreeState::new(&sems);
        let rows = rows(&sems, &state.expanded);
        let ues: usize = sems.iter().map(|s| s.semester.ues.len()).sum();
        assert_eq!(rows.len(), 4 + ues);
        assert!(rows.iter().all(|r| !matches!(r.id, NodeId::Course(..))));
    }

    #[test]
    fn empty_nodes_are_leaves_even_when_marked_open() {
        let mut fiche = crate::model::embedded();
        fiche.common_semesters[0].ues.clear();
        let sems = semesters(&fiche, Selection::Fiche);
        let state = TreeState::new(&sems);
        let first = rows(&sems, &state.expanded)[0];
        assert_eq!(first.id, NodeId::Semester(0));
        assert!(!first.expandable && !first.expanded);
    }

    #[test]
    fn fiche_selection_shows_the_common_core() {
        let fiche = crate::model::embedded();
        let sems = semesters(&fiche, Selection::Fiche);
        assert!(sems.iter().all(|s| s.common));
        assert_eq!(sems.len(), fiche.common_semesters.len());
        assert!(semesters(&fiche, Selection::Parcours(99)).is_empty());
    }
}
