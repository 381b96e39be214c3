//! Finding a parcours from what a user types: its id, or a fragment of its
//! name, accents and case ignored ("urbain", "humanit", "Collectivites").

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use crate::model::normalize::fold_str;
use crate::model::{Fiche, Parcours};

/// Why a query names no single parcours.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unresolved<'a> {
    pub kind: UnresolvedKind,
    /// The parcours it could mean (ambiguous), or every parcours (unknown).
    pub candidates: Vec<&'a Parcours>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnresolvedKind {
    /// Matches several parcours.
    Ambiguous,
    /// Matches none.
    Unknown,
}

/// Resolves `query` to one parcours of `fiche`. Tried in turn, after folding
/// case and accents (the first step that finds anything decides):
/// 1. the id, short name or full name exactly;
/// 2. a fragment of any of them ("humanit");
/// 3. a fuzzy (subsequence) match of any of them ("humnitaire").
///
/// One parcours found: it. Several: [`UnresolvedKind::Ambiguous`] with them
/// (best fuzzy score first). None, or an empty query: every parcours as
/// candidates, [`UnresolvedKind::Unknown`] or `Ambiguous` respectively.
pub fn resolve_parcours<'a>(fiche: &'a Fiche, query: &str) -> Result<&'a Parcours, Unresolved<'a>> {
    let q = fold_str(query.trim());
    let names = |p: &Parcours| {
        [
            fold_str(&p.id),
            fold_str(&p.short_label()),
            fold_str(&p.name),
        ]
    };

    if q.is_empty() {
        return Err(Unresolved {
            kind: UnresolvedKind::Ambiguous,
            candidates: fiche.parcours.iter().collect(),
        });
    }
    let exact: Vec<&Parcours> = fiche
        .parcours
        .iter()
        .filter(|p| names(p).contains(&q))
        .collect();
    if !exact.is_empty() {
        return one(exact);
    }
    let fragment: Vec<&Parcours> = fiche
        .parcours
        .iter()
        .filter(|p| names(p).iter().any(|n| n.contains(&q)))
        .collect();
    if !fragment.is_empty() {
        return one(fragment);
    }
    let matcher = SkimMatcherV2::default();
    let mut fuzzy: Vec<(i64, &Parcours)> = fiche
        .parcours
        .iter()
        .filter_map(|p| {
            let best = names(p)
                .iter()
                .filter_map(|n| matcher.fuzzy_match(n, &q))
                .max()?;
            Some((best, p))
        })
        .collect();
    if fuzzy.is_empty() {
        return Err(Unresolved {
            kind: UnresolvedKind::Unknown,
            candidates: fiche.parcours.iter().collect(),
        });
    }
    // Stable sort: equal scores keep the fiche's order.
    fuzzy.sort_by_key(|(score, _)| std::cmp::Reverse(*score));
    one(fuzzy.into_iter().map(|(_, p)| p).collect())
}

fn one(found: Vec<&Parcours>) -> Result<&Parcours, Unresolved<'_>> {
    match found.as_slice() {
        [single] => Ok(single),
        _ => Err(Unresolved {
            kind: UnresolvedKind::Ambiguous,
            candidates: found,
        }),
    }
}
