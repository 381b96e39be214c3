//! Whether one certification replaces the other, directly or along a chain
//! of replacements the catalogue holds.
//!
//! A replacement is written on either fiche or both: the older lists the
//! newer in `NOUVELLES_CERTIFICATIONS`, the newer the older in
//! `ANCIENNES_CERTIFICATIONS`. The chain is searched from both ends (the
//! older's successors, the newer's predecessors) and meets in the middle,
//! so an intermediate fiche absent from the data still links two fiches that
//! name it.

use std::collections::{HashMap, VecDeque};

use serde::Serialize;

use crate::model::{Catalogue, Fiche, Numero};

/// Longest chain followed, in replacements (real chains are a few links long).
const MAX_LINKS: usize = 12;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    /// No chain of replacements in the data leads from one to the other.
    None,
    /// The right fiche replaces the left one (directly or through others).
    LeftReplacedByRight,
    RightReplacedByLeft,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Lineage {
    pub relation: Relation,
    /// The numbers from the older to the newer, both included; empty when unrelated.
    pub path: Vec<String>,
    /// For a direct replacement (a path of two): the older fiche names the
    /// newer among its new certifications, and the newer the older among its
    /// former ones. False for a longer chain.
    pub declared_by_older: bool,
    pub declared_by_newer: bool,
}

pub(super) fn between(catalogue: &Catalogue, left: &Fiche, right: &Fiche) -> Lineage {
    let found = |older: &Fiche, newer: &Fiche, relation| {
        let path = chain(catalogue, older, newer)?;
        let direct = path.len() == 2;
        let names = |list: Option<&Vec<crate::model::registry::Numero>>, n: &Numero| {
            list.is_some_and(|l| l.iter().any(|x| numero(x) == *n))
        };
        let (o, n) = (older.registry.as_deref(), newer.registry.as_deref());
        Some(Lineage {
            relation,
            path: path.iter().map(Numero::to_string).collect(),
            declared_by_older: direct && names(o.map(|r| &r.replaced_by), &newer.numero()),
            declared_by_newer: direct && names(n.map(|r| &r.replaces), &older.numero()),
        })
    };
    found(left, right, Relation::LeftReplacedByRight)
        .or_else(|| found(right, left, Relation::RightReplacedByLeft))
        .unwrap_or(Lineage {
            relation: Relation::None,
            path: Vec::new(),
            declared_by_older: false,
            declared_by_newer: false,
        })
}

fn numero(n: &crate::model::registry::Numero) -> Numero {
    Numero::new(n.repertoire, &n.number)
}

/// The shortest chain of replacements from `older` to `newer`, both ends
/// included, or `None`.
fn chain(catalogue: &Catalogue, older: &Fiche, newer: &Fiche) -> Option<Vec<Numero>> {
    let (start, goal) = (older.numero(), newer.numero());
    if start == goal {
        return None;
    }
    // The two fiches compared may not be in the catalogue (a test's, a
    // merged one): their own links are read from them.
    let record = |n: &Numero| {
        if *n == start {
            older.registry.as_deref()
        } else if *n == goal {
            newer.registry.as_deref()
        } else {
            catalogue
                .find(n)
                .and_then(|id| catalogue.get(id).registry.as_deref())
        }
    };
    let successors = |n: &Numero| -> Vec<Numero> {
        record(n).map_or_else(Vec::new, |r| r.replaced_by.iter().map(numero).collect())
    };
    let predecessors = |n: &Numero| -> Vec<Numero> {
        record(n).map_or_else(Vec::new, |r| r.replaces.iter().map(numero).collect())
    };
    let forward = reach(&start, successors);
    let backward = reach(&goal, predecessors);
    let (meet, _) = forward
        .iter()
        .filter_map(|(n, (_, df))| backward.get(n).map(|(_, db)| (n, df + db)))
        .filter(|(_, len)| *len <= MAX_LINKS)
        .min_by(|a, b| a.1.cmp(&b.1).then_with(|| a.0.cmp(b.0)))?;
    let mut path = vec![meet.clone()];
    let mut at = meet.clone();
    while let Some((Some(parent), _)) = forward.get(&at) {
        path.insert(0, parent.clone());
        at = parent.clone();
    }
    let mut at = meet.clone();
    while let Some((Some(next), _)) = backward.get(&at) {
        path.push(next.clone());
        at = next.clone();
    }
    Some(path)
}

/// Every number reachable from `from` in at most [`MAX_LINKS`] steps, with
/// the one it was reached from and its distance.
fn reach(
    from: &Numero,
    next: impl Fn(&Numero) -> Vec<Numero>,
) -> HashMap<Numero, (Option<Numero>, usize)> {
    let mut seen = HashMap::from([(from.clone(), (None, 0))]);
    let mut queue = VecDeque::from([(from.clone(), 0)]);
    while let Some((n, depth)) = queue.pop_front() {
        if depth == MAX_LINKS {
            continue;
        }
        for m in next(&n) {
            if !seen.contains_key(&m) {
                seen.insert(m.clone(), (Some(n.clone()), depth + 1));
                queue.push_back((m, depth + 1));
            }
        }
    }
    seen
}
