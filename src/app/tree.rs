//! The maquette tree: semesters → UEs → courses of one selection, flattened
//! into visible rows according to which nodes are expanded. A registry fiche
//! without a curriculum shows its blocs de compétences → competences instead.

use std::collections::HashSet;

use crate::model::registry::{Bloc, Item};
use crate::model::{Course, Fiche, SemesterRef, Ue};

/// A node, by indices into the selection's curriculum (see [`semesters`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NodeId {
    Semester(usize),
    Ue(usize, usize),
    Course(usize, usize, usize),
    /// Bloc `b` of the registry record (`Record::blocs`).
    Bloc(usize),
    /// Item `i` of bloc `b`'s competence list.
    BlocItem(usize, usize),
}

impl NodeId {
    pub fn parent(self) -> Option<NodeId> {
        match self {
            NodeId::Semester(_) | NodeId::Bloc(_) => None,
            NodeId::BlocItem(b, _) => Some(NodeId::Bloc(b)),
            NodeId::Ue(s, _) => Some(NodeId::Semester(s)),
            NodeId::Course(s, u, _) => Some(NodeId::Ue(s, u)),
        }
    }

    pub fn depth(self) -> usize {
        match self {
            NodeId::Semester(_) | NodeId::Bloc(_) => 0,
            NodeId::Ue(..) | NodeId::BlocItem(..) => 1,
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

/// The blocs the tree shows instead of semesters: those of a registry
/// fiche that describes no semester at all; `None` for a fiche with a
/// curriculum (or without record), whose tree stays the maquette.
pub fn blocs(fiche: &Fiche) -> Option<&[Bloc]> {
    let record = fiche.registry.as_ref()?;
    let curriculum = !fiche.common_semesters.is_empty()
        || fiche.parcours.iter().any(|p| !p.semesters.is_empty());
    (!curriculum).then_some(record.blocs.as_slice())
}

/// The competence items of bloc `b` (its tree children).
pub fn bloc_items(blocs: &[Bloc], b: usize) -> &[Item] {
    blocs
        .get(b)
        .and_then(|bloc| bloc.competences.as_ref())
        .map_or(&[], |t| t.items.as_slice())
}

/// The visible rows of `fiche`'s tree for `selection`: its blocs when it has
/// no curriculum, else its maquette.
pub fn rows_for(fiche: &Fiche, selection: Selection, expanded: &HashSet<NodeId>) -> Vec<Row> {
    match blocs(fiche) {
        Some(blocs) => bloc_rows(blocs, expanded),
        None => rows(&semesters(fiche, selection), expanded),
    }
}

/// Every node of `fiche`'s tree for `selection` that has children (`*`).
pub fn expandable_for(fiche: &Fiche, selection: Selection) -> HashSet<NodeId> {
    match blocs(fiche) {
        Some(blocs) => (0..blocs.len())
            .filter(|&b| !bloc_items(blocs, b).is_empty())
            .map(NodeId::Bloc)
            .collect(),
        None => expandable_nodes(&semesters(fiche, selection)),
    }
}

/// Whether `id` names a node of `fiche`'s tree for `selection` (a saved
/// expansion may name nodes of an older version of the data).
pub fn exists(fiche: &Fiche, selection: Selection, id: NodeId) -> bool {
    if let Some(blocs) = blocs(fiche) {
        return match id {
            NodeId::Bloc(b) => b < blocs.len(),
            NodeId::BlocItem(b, i) => i < bloc_items(blocs, b).len(),
            _ => false,
        };
    }
    let sems = semesters(fiche, selection);
    match id {
        NodeId::Semester(s) => s < sems.len(),
        NodeId::Ue(s, u) => ue(&sems, s, u).is_some(),
        NodeId::Course(s, u, c) => course(&sems, s, u, c).is_some(),
        NodeId::Bloc(_) | NodeId::BlocItem(..) => false,
    }
}

/// The blocs' visible rows: each bloc, its competences when open.
pub fn bloc_rows(blocs: &[Bloc], expanded: &HashSet<NodeId>) -> Vec<Row> {
    let mut out = Vec::new();
    for b in 0..blocs.len() {
        let id = NodeId::Bloc(b);
        let items = bloc_items(blocs, b).len();
        let open = expanded.contains(&id) && items > 0;
        out.push(Row {
            id,
            expandable: items > 0,
            expanded: open,
        });
        if open {
            out.extend((0..items).map(|i| Row {
                id: NodeId::BlocItem(b, i),
                expandable: false,
                expanded: false,
            }));
        }
    }
    out
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
