//! The comparison's summary: what the two parcours share, what each carries,
//! and what `check` says about either of them.

use serde::Serialize;

use super::{Maquette, Row, Side, Sides, Status};
use crate::check::{self, Finding};
use crate::model::EctsSum;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// UEs both sides follow, common core included (whether expanded or not).
    pub shared_ues: usize,
    /// The ECTS those shared UEs carry on each side (equal unless the fiche disagrees).
    pub shared_ects: Sides<EctsSum>,
    /// How many UEs each side has in all.
    pub ues: Sides<usize>,
    /// Every semester's ECTS on each side; `None` where a side has no such semester.
    pub semester_ects: Vec<SemesterEcts>,
    pub total_ects: Sides<EctsSum>,
    pub competences: ListCounts,
    pub sectors: ListCounts,
    pub jobs: ListCounts,
    /// `check` findings about either parcours or the common core, in `check` order.
    pub findings: Vec<Finding>,
    /// For each finding, the side whose fiche it is about: `shared` when
    /// both parcours are of one fiche, else `left` or `right` (each fiche's
    /// findings about its own parcours, the left's first).
    pub finding_sides: Vec<Status>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct SemesterEcts {
    pub number: u8,
    pub left: Option<EctsSum>,
    pub right: Option<EctsSum>,
}

/// How a list splits: items on both sides, and each side's own.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct ListCounts {
    pub shared: usize,
    pub left: usize,
    pub right: usize,
}

pub(super) fn summarise(
    left_side: Side<'_>,
    right_side: Side<'_>,
    maquette: &Maquette,
    [competences, sectors, jobs]: [&[Row<String>]; 3],
) -> Summary {
    let mut shared_ues = 0;
    let mut shared_ects = Sides::default();
    let mut ues = Sides::default();
    if let Some(core) = maquette.common_core.as_ref().filter(|c| !c.expanded) {
        shared_ues += core.ues;
        shared_ects.left += core.ects;
        shared_ects.right += core.ects;
        ues.left += core.ues;
        ues.right += core.ues;
    }
    for ue in maquette.semesters.iter().flat_map(|s| &s.ues) {
        if let Some(l) = &ue.left {
            ues.left += 1;
            if ue.status == Status::Shared {
                shared_ects.left += EctsSum::of(l.ects);
            }
        }
        if let Some(r) = &ue.right {
            ues.right += 1;
            if ue.status == Status::Shared {
                shared_ects.right += EctsSum::of(r.ects);
            }
        }
        if ue.status == Status::Shared {
            shared_ues += 1;
        }
    }
    let (left, right) = (left_side.parcours, right_side.parcours);
    // Each finding once, in `check` order, even when it concerns both sides
    // (the common core's); across fiches, each fiche's about its own side.
    let concerns =
        |f: &Finding, id: &str| !check::findings_for(std::slice::from_ref(f), id).is_empty();
    let (findings, finding_sides) = if left_side.same_fiche(right_side) {
        let findings: Vec<Finding> = check::check(left_side.fiche)
            .into_iter()
            .filter(|f| concerns(f, &left.id) || concerns(f, &right.id))
            .collect();
        let sides = vec![Status::Shared; findings.len()];
        (findings, sides)
    } else {
        let own = |side: Side<'_>| -> Vec<Finding> {
            check::check(side.fiche)
                .into_iter()
                .filter(|f| concerns(f, &side.parcours.id))
                .collect()
        };
        let mut findings = own(left_side);
        let mut sides = vec![Status::Left; findings.len()];
        let right_own = own(right_side);
        sides.extend(std::iter::repeat_n(Status::Right, right_own.len()));
        findings.extend(right_own);
        (findings, sides)
    };
    Summary {
        shared_ues,
        shared_ects,
        ues,
        semester_ects: semester_ects(left_side, right_side),
        total_ects: Sides {
            left: left_side.fiche.ects_total(left),
            right: right_side.fiche.ects_total(right),
        },
        competences: ListCounts::of(competences),
        sectors: ListCounts::of(sectors),
        jobs: ListCounts::of(jobs),
        findings,
        finding_sides,
    }
}

fn semester_ects(left: Side<'_>, right: Side<'_>) -> Vec<SemesterEcts> {
    let per_side = |side: Side<'_>| {
        side.fiche
            .curriculum(side.parcours)
            .iter()
            .map(|s| (s.semester.number, s.semester.ects_total()))
            .collect::<Vec<_>>()
    };
    let (l, r) = (per_side(left), per_side(right));
    let mut numbers: Vec<u8> = l.iter().chain(&r).map(|(n, _)| *n).collect();
    numbers.sort_unstable();
    numbers.dedup();
    let sum = |side: &[(u8, EctsSum)], n: u8| {
        let mut found = side.iter().filter(|(m, _)| *m == n).peekable();
        found.peek()?;
        Some(found.map(|(_, e)| *e).sum())
    };
    numbers
        .into_iter()
        .map(|number| SemesterEcts {
            number,
            left: sum(&l, number),
            right: sum(&r, number),
        })
        .collect()
}

impl ListCounts {
    /// How `rows` split between both sides and each side's own.
    pub fn of<T>(rows: &[Row<T>]) -> ListCounts {
        let mut c = ListCounts::default();
        for r in rows {
            match r.status {
                Status::Shared => c.shared += 1,
                Status::Left => c.left += 1,
                Status::Right => c.right += 1,
            }
        }
        c
    }
}
