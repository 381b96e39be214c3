//! Blocs de compétences of two certifications aligned by similarity.
//!
//! A bloc's code embeds its fiche's number (`RNCP35340BC04`), so two fiches
//! never share a code, and a replacement renumbers freely: RNCP35340's
//! "Conception et développement d'applications" is BC04, RNCP40792's BC03.
//! Two blocs are therefore paired, one to one, by what they say, in this
//! order (each step only pairs blocs still alone):
//!
//! 1. **declared**: a fiche's `CORRESPONDANCES` name exactly one bloc on
//!    each side (the registry's own statement of equivalence);
//! 2. **same label**: the libellés are equal under [`title_key`];
//! 3. **same competences**: at least half of the larger bloc's *main*
//!    competences are found in the other under [`item_key`]
//!    ([`SIMILARITY`]); the best-scoring pairs go first. The libellés then
//!    differ: the bloc is **renamed**.
//!
//! Ties (a bloc as similar to two others) go to the pair with the same code
//! suffix (`BC02` ↔ `BC02`), then to the order of the fiches. A bloc's main
//! competences are its list's paragraphs and first-level bullets; second-
//! level bullets detail the competence above them (RNCP40792 lists "Gérer
//! le patrimoine informatique" then six sub-items where RNCP35340 has the
//! line alone), so they count in the listing, not in the score.

use serde::Serialize;

use super::super::{Facing, Row, Status, align, row};
use crate::model::normalize::{item_key, title_key};
use crate::model::registry::{Bloc, Item};

/// The share of the larger bloc's main competences the other must hold for
/// two blocs with different libellés to be one: a half (`1/2`).
pub const SIMILARITY: (usize, usize) = (1, 2);

/// One aligned bloc row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BlocRow {
    pub status: Status,
    pub left: Option<BlocSide>,
    pub right: Option<BlocSide>,
    /// Why the two are one bloc; `None` on a one-sided row.
    pub matched_by: Option<BlocMatch>,
    /// Aligned, with libellés that differ under the title rule.
    pub renamed: bool,
    /// Main competences found on both sides, and each side's count of them.
    pub similarity: Option<Similarity>,
    /// The competences, in order: aligned on a shared row (a longest common
    /// subsequence, so each side keeps its order), one side's on the others.
    pub competences: Vec<Row<BlocCompetence>>,
}

/// A bloc as one fiche writes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BlocSide {
    pub code: String,
    pub label: String,
    /// Its main competences, and the second-level items detailing them.
    pub competences: usize,
    pub details: usize,
}

/// One competence line of a bloc.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BlocCompetence {
    pub text: String,
    /// A second-level item detailing the main competence above it.
    pub detail: bool,
}

/// Which step of the rule paired two blocs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BlocMatch {
    Declared,
    SameLabel,
    SameCompetences,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Similarity {
    pub shared: usize,
    pub left: usize,
    pub right: usize,
}

impl Similarity {
    /// At least [`SIMILARITY`] of the larger side's main competences are shared.
    fn enough(self) -> bool {
        let (num, den) = SIMILARITY;
        self.shared > 0 && self.shared * den >= self.left.max(self.right) * num
    }
}

/// The competence lines of a bloc, in order: paragraphs and first-level
/// bullets are main competences, deeper bullets details of the one above
/// (a deeper bullet with no main competence before it is one itself).
pub fn competences(bloc: &Bloc) -> Vec<BlocCompetence> {
    let mut out: Vec<BlocCompetence> = Vec::new();
    for item in bloc.competences.iter().flat_map(|t| &t.items) {
        let (text, deep) = match item {
            Item::Paragraph(t) | Item::Bullet(1, t) => (t, false),
            Item::Bullet(_, t) => (t, true),
            Item::Header(_) | Item::LeadIn(_) => continue,
        };
        let text = text.trim_end_matches([';', ',', ' ']);
        if text.is_empty() {
            continue;
        }
        let detail = deep && out.iter().any(|c| !c.detail);
        out.push(BlocCompetence {
            text: text.to_string(),
            detail,
        });
    }
    out
}

/// The main competences of a bloc (what the similarity counts).
pub fn main_competences(bloc: &Bloc) -> Vec<String> {
    competences(bloc)
        .into_iter()
        .filter(|c| !c.detail)
        .map(|c| c.text)
        .collect()
}

/// Main competences of `a` found in `b` (each of `b`'s at most once).
fn similarity(a: &[String], b: &[String]) -> Similarity {
    let shared = align::shared_first(a, b, |s| item_key(s))
        .iter()
        .filter(|(l, r)| l.is_some() && r.is_some())
        .count();
    Similarity {
        shared,
        left: a.len(),
        right: b.len(),
    }
}

/// "BC04" of "RNCP35340BC04": what is left after the fiche's number.
fn suffix(code: &str) -> &str {
    code.rfind("BC").map_or(code, |i| &code[i..])
}

/// Aligns two fiches' blocs under the rule of the module documentation.
/// `declared` holds the (left code, right code) pairs the fiches declare.
pub fn align(left: &[Bloc], right: &[Bloc], declared: &[(String, String)]) -> Vec<BlocRow> {
    let mains_l: Vec<Vec<String>> = left.iter().map(main_competences).collect();
    let mains_r: Vec<Vec<String>> = right.iter().map(main_competences).collect();
    let sim = |i: usize, j: usize| similarity(&mains_l[i], &mains_r[j]);
    let mut pair_of: Vec<Option<(usize, BlocMatch)>> = vec![None; left.len()];
    let mut taken = vec![false; right.len()];
    let mut take = |pair_of: &mut Vec<Option<(usize, BlocMatch)>>, i: usize, j: usize, m| {
        if pair_of[i].is_none() && !taken[j] {
            pair_of[i] = Some((j, m));
            taken[j] = true;
        }
    };

    for (l, r) in declared {
        let i = left.iter().position(|b| b.code == *l);
        let j = right.iter().position(|b| b.code == *r);
        if let (Some(i), Some(j)) = (i, j) {
            take(&mut pair_of, i, j, BlocMatch::Declared);
        }
    }

    // Candidates of a step, best first: more shared main competences (as a
    // share of the larger side), then the same suffix, then fiche order.
    let ranked = |candidates: Vec<(usize, usize)>| {
        let mut scored: Vec<(usize, usize, Similarity)> = candidates
            .into_iter()
            .map(|(i, j)| (i, j, sim(i, j)))
            .collect();
        scored.sort_by(|a, b| {
            let share = |s: Similarity| (s.shared, s.left.max(s.right).max(1));
            let (an, ad) = share(a.2);
            let (bn, bd) = share(b.2);
            (bn * ad)
                .cmp(&(an * bd))
                .then_with(|| {
                    let differs =
                        |i: usize, j: usize| suffix(&left[i].code) != suffix(&right[j].code);
                    differs(a.0, a.1).cmp(&differs(b.0, b.1))
                })
                .then_with(|| (a.0, a.1).cmp(&(b.0, b.1)))
        });
        scored
    };

    let labels_l: Vec<String> = left.iter().map(|b| title_key(&b.label)).collect();
    let labels_r: Vec<String> = right.iter().map(|b| title_key(&b.label)).collect();
    let same_label: Vec<(usize, usize)> = (0..left.len())
        .flat_map(|i| (0..right.len()).map(move |j| (i, j)))
        .filter(|&(i, j)| !labels_l[i].is_empty() && labels_l[i] == labels_r[j])
        .collect();
    for (i, j, _) in ranked(same_label) {
        take(&mut pair_of, i, j, BlocMatch::SameLabel);
    }

    let all: Vec<(usize, usize)> = (0..left.len())
        .flat_map(|i| (0..right.len()).map(move |j| (i, j)))
        .collect();
    for (i, j, s) in ranked(all) {
        if s.enough() {
            take(&mut pair_of, i, j, BlocMatch::SameCompetences);
        }
    }

    let mut shared = Vec::new();
    let mut left_only = Vec::new();
    for (i, bloc) in left.iter().enumerate() {
        match pair_of[i] {
            Some((j, matched)) => shared.push(paired(bloc, &right[j], matched, sim(i, j))),
            None => left_only.push(alone(bloc, Status::Left)),
        }
    }
    let right_only = right
        .iter()
        .zip(&taken)
        .filter(|(_, t)| !**t)
        .map(|(b, _)| alone(b, Status::Right));
    shared
        .into_iter()
        .chain(left_only)
        .chain(right_only)
        .collect()
}

/// A bloc line as two columns show it: an aligned bloc (both sides), or
/// each fiche's own blocs face to face — the first left-only bloc beside the
/// first right-only one, and so on — so that one-sided blocs do not leave
/// half the width empty. JSON keeps the plain rows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FacingBloc<'a> {
    /// `Shared` or `Renamed` for an aligned bloc; `Each` for two blocs that
    /// are not the same, face to face; `Left` / `Right` for the rest alone.
    pub facing: Facing,
    pub left: Option<&'a BlocSide>,
    pub right: Option<&'a BlocSide>,
    /// The aligned row (its match and similarity), when aligned.
    pub row: Option<&'a BlocRow>,
    pub lines: Vec<FacingCompetence<'a>>,
}

/// One competence line under a [`FacingBloc`]: aligned (shared or one
/// side's) under an aligned bloc, each side's next one under faced blocs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FacingCompetence<'a> {
    pub facing: Facing,
    pub left: Option<&'a BlocCompetence>,
    pub right: Option<&'a BlocCompetence>,
}

/// Each row of [`align`] alone, in order, for one stacked column (a faced
/// pair would lose its right side there).
pub fn plain(rows: &[BlocRow]) -> Vec<FacingBloc<'_>> {
    rows.iter().map(as_is).collect()
}

fn as_is(r: &BlocRow) -> FacingBloc<'_> {
    FacingBloc {
        facing: match (r.status, r.renamed) {
            (Status::Shared, true) => Facing::Renamed,
            (status, _) => Facing::from(status),
        },
        left: r.left.as_ref(),
        right: r.right.as_ref(),
        row: (r.status == Status::Shared).then_some(r),
        lines: r
            .competences
            .iter()
            .map(|c| FacingCompetence {
                facing: Facing::from(c.status),
                left: c.left.as_ref(),
                right: c.right.as_ref(),
            })
            .collect(),
    }
}

/// The rows of [`align`] for two columns (see [`FacingBloc`]).
pub fn facing(rows: &[BlocRow]) -> Vec<FacingBloc<'_>> {
    let mut out: Vec<FacingBloc<'_>> = rows
        .iter()
        .filter(|r| r.status == Status::Shared)
        .map(as_is)
        .collect();
    let alone = |status: Status| rows.iter().filter(move |r| r.status == status);
    let (mut lefts, mut rights) = (alone(Status::Left), alone(Status::Right));
    loop {
        let (l, r) = (lefts.next(), rights.next());
        let facing = match (l, r) {
            (Some(_), Some(_)) => Facing::Each,
            (Some(_), None) => Facing::Left,
            (None, Some(_)) => Facing::Right,
            (None, None) => break,
        };
        let (lc, rc) = (own(l, true), own(r, false));
        let lines = (0..lc.len().max(rc.len()))
            .map(|i| {
                let (a, b) = (lc.get(i).copied(), rc.get(i).copied());
                FacingCompetence {
                    facing: match (a, b) {
                        (Some(_), Some(_)) => Facing::Each,
                        (Some(_), None) => Facing::Left,
                        _ => Facing::Right,
                    },
                    left: a,
                    right: b,
                }
            })
            .collect();
        out.push(FacingBloc {
            facing,
            left: l.and_then(|b| b.left.as_ref()),
            right: r.and_then(|b| b.right.as_ref()),
            row: None,
            lines,
        });
    }
    out
}

/// A one-sided bloc's competences (on its left side, or its right).
fn own(bloc: Option<&BlocRow>, left: bool) -> Vec<&BlocCompetence> {
    bloc.map(|b| {
        b.competences
            .iter()
            .filter_map(|c| {
                if left {
                    c.left.as_ref()
                } else {
                    c.right.as_ref()
                }
            })
            .collect()
    })
    .unwrap_or_default()
}

fn bloc_side(bloc: &Bloc, lines: &[BlocCompetence]) -> BlocSide {
    let details = lines.iter().filter(|c| c.detail).count();
    BlocSide {
        code: bloc.code.clone(),
        label: bloc.label.clone(),
        competences: lines.len() - details,
        details,
    }
}

fn paired(l: &Bloc, r: &Bloc, matched: BlocMatch, similarity: Similarity) -> BlocRow {
    let (lc, rc) = (competences(l), competences(r));
    let rows = align::in_order(&lc, &rc, |c| item_key(&c.text))
        .into_iter()
        .map(|(a, b)| row(a.cloned(), b.cloned()))
        .collect();
    BlocRow {
        status: Status::Shared,
        left: Some(bloc_side(l, &lc)),
        right: Some(bloc_side(r, &rc)),
        matched_by: Some(matched),
        renamed: title_key(&l.label) != title_key(&r.label),
        similarity: Some(similarity),
        competences: rows,
    }
}

fn alone(bloc: &Bloc, status: Status) -> BlocRow {
    let lines = competences(bloc);
    let side = Some(bloc_side(bloc, &lines));
    let (left, right) = match status {
        Status::Left => (side, None),
        _ => (None, side),
    };
    BlocRow {
        status,
        left,
        right,
        matched_by: None,
        renamed: false,
        similarity: None,
        competences: lines
            .into_iter()
            .map(|c| match status {
                Status::Left => row(Some(c), None),
                _ => row(None, Some(c)),
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::registry::Text;

    fn bloc(code: &str, label: &str, items: &[&str]) -> Bloc {
        Bloc {
            code: code.into(),
            label: label.into(),
            competences: Some(Text {
                items: items
                    .iter()
                    .map(|t| Item::Paragraph(t.to_string()))
                    .collect(),
                raw: None,
            }),
            ..Bloc::default()
        }
    }

    fn pairs(rows: &[BlocRow]) -> Vec<(String, String, Option<BlocMatch>)> {
        rows.iter()
            .map(|r| {
                let code = |s: &Option<BlocSide>| {
                    s.as_ref()
                        .map_or("-".to_string(), |b| suffix(&b.code).to_string())
                };
                (code(&r.left), code(&r.right), r.matched_by)
            })
            .collect()
    }

    #[test]
    fn half_of_the_larger_list_is_the_threshold() {
        let s = |shared, left, right| Similarity {
            shared,
            left,
            right,
        };
        assert!(s(2, 4, 3).enough());
        assert!(!s(1, 4, 3).enough());
        assert!(s(3, 3, 6).enough());
        assert!(!s(0, 0, 0).enough(), "two empty lists are not similar");
    }

    #[test]
    fn best_pairs_go_first_and_ties_prefer_the_same_suffix() {
        let left = [
            bloc("A1BC01", "Un", &["a", "b", "c", "d"]),
            bloc("A1BC02", "Deux", &["a", "b", "c", "x"]),
        ];
        // R's BC01 holds all of A's BC01; R's BC02 three of each.
        let right = [
            bloc("B2BC01", "Autre", &["a", "b", "c", "y"]),
            bloc("B2BC02", "Encore", &["a", "b", "c", "d"]),
        ];
        let rows = align(&left, &right, &[]);
        assert_eq!(
            pairs(&rows),
            [
                (
                    "BC01".into(),
                    "BC02".into(),
                    Some(BlocMatch::SameCompetences)
                ),
                (
                    "BC02".into(),
                    "BC01".into(),
                    Some(BlocMatch::SameCompetences)
                ),
            ]
        );
        assert!(rows.iter().all(|r| r.renamed));
        // Equal scores: the same suffix wins.
        let right = [
            bloc("B2BC02", "Autre", &["a", "b", "c", "y"]),
            bloc("B2BC01", "Encore", &["a", "b", "c", "y"]),
        ];
        let rows = align(&left[..1], &right, &[]);
        assert_eq!(pairs(&rows)[0].1, "BC01");
    }

    #[test]
    fn a_declared_pair_wins_and_a_same_label_needs_no_shared_competence() {
        let left = [
            bloc("A1BC01", "Gestion de projet", &["a"]),
            bloc("A1BC02", "Déploiement", &["b"]),
        ];
        let right = [
            bloc("B2BC01", "Gestion des projets", &["z"]),
            bloc("B2BC02", "Le déploiement", &["b"]),
        ];
        let rows = align(&left, &right, &[("A1BC02".into(), "B2BC01".into())]);
        assert_eq!(
            pairs(&rows),
            [
                ("BC02".into(), "BC01".into(), Some(BlocMatch::Declared)),
                ("BC01".into(), "-".into(), None),
                ("-".into(), "BC02".into(), None),
            ]
        );
        let rows = align(&left, &right, &[]);
        // "Déploiement" ≈ "Le déploiement" (article); "Gestion de projet" is
        // not "Gestion des projets" (a real word differs) and shares nothing.
        assert_eq!(
            pairs(&rows),
            [
                ("BC02".into(), "BC02".into(), Some(BlocMatch::SameLabel)),
                ("BC01".into(), "-".into(), None),
                ("-".into(), "BC01".into(), None),
            ]
        );
        assert!(!rows[0].renamed);
    }

    #[test]
    fn one_sided_blocs_face_each_other() {
        let left = [
            bloc("A1BC01", "Un", &["a"]),
            bloc("A1BC02", "Deux", &["b", "c"]),
        ];
        let right = [bloc("B2BC01", "Trois", &["x", "y", "z"])];
        let rows = align(&left, &right, &[]);
        let faced = facing(&rows);
        let shape: Vec<(Facing, usize)> = faced.iter().map(|f| (f.facing, f.lines.len())).collect();
        assert_eq!(shape, [(Facing::Each, 3), (Facing::Left, 2)]);
        assert_eq!(faced[0].left.unwrap().label, "Un");
        assert_eq!(faced[0].right.unwrap().label, "Trois");
        let marks: Vec<Facing> = faced[0].lines.iter().map(|l| l.facing).collect();
        assert_eq!(marks, [Facing::Each, Facing::Right, Facing::Right]);
    }

    #[test]
    fn second_level_bullets_detail_the_competence_above() {
        let b = Bloc {
            competences: Some(Text {
                items: vec![
                    Item::Bullet(2, "orpheline".into()),
                    Item::LeadIn("Les compétences :".into()),
                    Item::Bullet(1, "Gérer ;".into()),
                    Item::Bullet(2, "Recenser".into()),
                    Item::Paragraph("Travailler".into()),
                ],
                raw: None,
            }),
            ..Bloc::default()
        };
        let lines = competences(&b);
        let shown: Vec<(&str, bool)> = lines.iter().map(|c| (c.text.as_str(), c.detail)).collect();
        assert_eq!(
            shown,
            [
                ("orpheline", false),
                ("Gérer", false),
                ("Recenser", true),
                ("Travailler", false)
            ]
        );
        assert_eq!(main_competences(&b), ["orpheline", "Gérer", "Travailler"]);
    }
}
