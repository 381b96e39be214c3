//! `compare`: two parcours of a fiche side by side, section by section —
//! the maquette (semesters, UEs, courses), competences, sectors, jobs — and
//! a summary. Pure: knows nothing of the terminal; the CLI and the TUI render
//! the rows it returns.
//!
//! # The similarity rule
//!
//! Real fiches spell the same thing in slightly different ways from one
//! parcours to the next ("Politique et action publique locale" /
//! "… locales", "Le métier d'élu" / "Métier d'élu"). Comparison tolerates
//! exactly that drift and nothing more (see [`same_ue`], [`same_course`],
//! [`same_item`]):
//!
//! - **UE**: same code under [`code_key`] ("UE 7" ≈ "UE7") **and** same
//!   title under [`title_key`] (case, accents, typography, one leading
//!   article, singular/plural). The code is required: two UEs that happen to
//!   share a title at different places of the curriculum ("UE 13 Unité
//!   professionnelle" / "UE 14 Unité professionnelle") are not the same
//!   teaching unit. ECTS are not part of the identity: a shared UE shows
//!   each side's ECTS.
//! - **Course** (inside a shared UE): same title(s) under [`title_key`]; a
//!   "A ou B" entry matches another "A ou B" with the same alternatives in
//!   the same order. Optional and compulsory entries with the same title
//!   match (each side keeps its own label).
//! - **Competence, sector, job**: [`item_key`] (case, accents, typography,
//!   spacing, trailing punctuation) — stricter, because these are sentences
//!   where a plural or an article can change the meaning; it is the rule
//!   the "shared with" lists of the TUI use too.
//!
//! A real word of difference always keeps two titles apart: "Action
//! internationale des collectivités territoriales" is not "Politique et
//! action publique locales". See `docs/compare.md`.

mod align;
pub mod certs;
pub mod labels;
mod maquette;
pub mod markdown;
mod resolve;
mod summary;

#[cfg(test)]
mod tests;

use serde::Serialize;

use crate::model::normalize::{code_key, item_key, title_key};
use crate::model::{Course, Fiche, Parcours, Ue};

pub use maquette::{CommonCore, Maquette, SemesterRow, UeRow, UeSide};
pub use resolve::{Unresolved, UnresolvedKind, resolve_parcours};
pub use summary::{ListCounts, SemesterEcts, Summary};

/// Where a row's content sits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// On both sides (under the similarity rule).
    Shared,
    /// On the left parcours only.
    Left,
    /// On the right parcours only.
    Right,
}

/// One value per side.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Sides<T> {
    pub left: T,
    pub right: T,
}

/// One aligned row: `left`/`right` hold each side's wording (both for a
/// shared row, one for a one-sided row).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Row<T> {
    pub status: Status,
    pub left: Option<T>,
    pub right: Option<T>,
}

/// Who is compared.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ParcoursInfo {
    /// The fiche's number ("RNCP24759"): the same on both sides within one fiche.
    pub fiche: String,
    pub id: String,
    pub name: String,
    /// A word or two for column headers ("Europe").
    pub short: String,
}

/// How much to show.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Options {
    /// List the common core's semesters UE by UE instead of one "identical" row.
    pub expand_common_core: bool,
}

/// The whole comparison of two parcours.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Comparison {
    pub left: ParcoursInfo,
    pub right: ParcoursInfo,
    pub maquette: Maquette,
    /// Shared first, then the left's own, then the right's own.
    pub competences: Vec<Row<String>>,
    pub sectors: Vec<Row<String>>,
    pub jobs: Vec<Row<String>>,
    pub summary: Summary,
}

/// One side of a comparison: a parcours of a fiche.
#[derive(Debug, Clone, Copy)]
pub struct Side<'a> {
    pub fiche: &'a Fiche,
    pub parcours: &'a Parcours,
}

impl<'a> Side<'a> {
    pub fn new(fiche: &'a Fiche, parcours: &'a Parcours) -> Side<'a> {
        Side { fiche, parcours }
    }

    /// Whether both sides are parcours of the very same fiche (then their
    /// common core is one and the same, and collapses into one row).
    pub fn same_fiche(self, other: Side<'_>) -> bool {
        std::ptr::eq(self.fiche, other.fiche)
    }
}

/// Compares two parcours, of one fiche or of two. Only within one fiche is
/// the common core known to be identical; across fiches its semesters are
/// aligned UE by UE under the same rule as the others.
pub fn compare(left: Side<'_>, right: Side<'_>, options: Options) -> Comparison {
    let maquette = maquette::compare(left, right, options);
    let (l, r) = (left.parcours, right.parcours);
    let competences = items(&l.competences, &r.competences);
    let sectors = items(&l.sectors, &r.sectors);
    let jobs = items(&l.jobs, &r.jobs);
    let summary = summary::summarise(left, right, &maquette, [&competences, &sectors, &jobs]);
    Comparison {
        left: info(left),
        right: info(right),
        maquette,
        competences,
        sectors,
        jobs,
        summary,
    }
}

/// The similarity rule for UEs (see the module documentation).
pub fn same_ue(a: &Ue, b: &Ue) -> bool {
    ue_key(a) == ue_key(b)
}

/// The similarity rule for courses (see the module documentation).
pub fn same_course(a: &Course, b: &Course) -> bool {
    course_key(a) == course_key(b)
}

/// The similarity rule for competences, sectors and jobs.
pub fn same_item(a: &str, b: &str) -> bool {
    item_key(a) == item_key(b)
}

fn ue_key(ue: &Ue) -> (String, String) {
    (code_key(&ue.code), title_key(&ue.title))
}

fn course_key(course: &Course) -> Vec<String> {
    course.titles().iter().map(|t| title_key(t)).collect()
}

fn items(left: &[String], right: &[String]) -> Vec<Row<String>> {
    align::shared_first(left, right, |s| item_key(s))
        .into_iter()
        .map(|(l, r)| row(l.cloned(), r.cloned()))
        .collect()
}

/// How a list line reads when shown in two columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Facing {
    /// The same item on both sides.
    Shared,
    /// A left-only item, with nothing opposite.
    Left,
    /// A right-only item, with nothing opposite.
    Right,
    /// A left-only item facing a right-only one (not the same item).
    Each,
    /// The same thing under another name (a bloc aligned across two fiches
    /// under another libellé); `facing` never makes it.
    Renamed,
}

impl From<Status> for Facing {
    fn from(status: Status) -> Facing {
        match status {
            Status::Shared => Facing::Shared,
            Status::Left => Facing::Left,
            Status::Right => Facing::Right,
        }
    }
}

/// One line of a competence, sector or job list in two columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FacingRow<'a> {
    pub facing: Facing,
    pub left: Option<&'a str>,
    pub right: Option<&'a str>,
}

/// A list's rows for two columns: shared items first, then each side's own
/// items face to face (the longer side's rest alone), so that one-sided
/// items do not leave half the width empty.
pub fn facing(rows: &[Row<String>]) -> Vec<FacingRow<'_>> {
    let side = |status: Status| {
        rows.iter()
            .filter(move |r| r.status == status)
            .map(|r| r.left.as_deref().or(r.right.as_deref()))
    };
    let mut out: Vec<FacingRow<'_>> = rows
        .iter()
        .filter(|r| r.status == Status::Shared)
        .map(|r| FacingRow {
            facing: Facing::Shared,
            left: r.left.as_deref(),
            right: r.right.as_deref(),
        })
        .collect();
    let (mut lefts, mut rights) = (side(Status::Left), side(Status::Right));
    loop {
        let (left, right) = (lefts.next().flatten(), rights.next().flatten());
        let facing = match (left, right) {
            (Some(_), Some(_)) => Facing::Each,
            (Some(_), None) => Facing::Left,
            (None, Some(_)) => Facing::Right,
            (None, None) => break,
        };
        out.push(FacingRow {
            facing,
            left,
            right,
        });
    }
    out
}

/// A row from an aligned pair: the status follows from which sides are there.
fn row<T>(left: Option<T>, right: Option<T>) -> Row<T> {
    let status = match (&left, &right) {
        (Some(_), Some(_)) => Status::Shared,
        (Some(_), None) => Status::Left,
        _ => Status::Right,
    };
    Row {
        status,
        left,
        right,
    }
}

fn info(side: Side<'_>) -> ParcoursInfo {
    let p = side.parcours;
    ParcoursInfo {
        fiche: side.fiche.numero().to_string(),
        id: p.id.clone(),
        name: p.name.clone(),
        short: p.short_label(),
    }
}
