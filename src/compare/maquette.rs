//! The maquette side by side: semesters by number, UEs aligned in order,
//! courses aligned inside each shared UE.

use std::collections::BTreeMap;

use serde::Serialize;

use super::{Options, Row, Side, Sides, Status, align, course_key, row, ue_key};
use crate::export::optional_fr;
use crate::model::{Course, EctsSum, SemesterRef, Ue};

/// The curriculum compared semester by semester.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Maquette {
    /// The common core both sides follow, when the fiche has one.
    pub common_core: Option<CommonCore>,
    /// Semesters compared UE by UE, by number. The common core's semesters
    /// are here only when expanded; otherwise `common_core` stands for them.
    pub semesters: Vec<SemesterRow>,
}

/// The common core (tronc commun): identical on both sides by construction.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CommonCore {
    /// Its semester numbers ([1, 2]).
    pub semesters: Vec<u8>,
    /// How many UEs it holds, and their ECTS.
    pub ues: usize,
    pub ects: EctsSum,
    /// True when its semesters are listed in `Maquette::semesters` too.
    pub expanded: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SemesterRow {
    pub number: u8,
    /// `Shared` when both sides have this semester.
    pub status: Status,
    /// True for a semester of the common core (shown only when expanded).
    pub common_core: bool,
    /// The semester's ECTS on each side; `None` where the side has no such semester.
    pub ects: Sides<Option<EctsSum>>,
    pub ues: Vec<UeRow>,
}

/// One UE row. A shared UE carries both sides and its courses compared;
/// a one-sided UE carries its courses as one-sided rows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UeRow {
    pub status: Status,
    pub left: Option<UeSide>,
    pub right: Option<UeSide>,
    pub courses: Vec<Row<String>>,
}

/// A UE as one side writes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UeSide {
    pub code: String,
    pub title: String,
    pub ects: Option<u32>,
    /// Elective rule ("2 au choix").
    pub choose: Option<u32>,
}

pub(super) fn compare(left: Side<'_>, right: Side<'_>, options: Options) -> Maquette {
    let same_fiche = left.same_fiche(right);
    let left_sems = by_number(left.fiche.curriculum(left.parcours));
    let right_sems = by_number(right.fiche.curriculum(right.parcours));
    let mut numbers: Vec<u8> = left_sems.keys().chain(right_sems.keys()).copied().collect();
    numbers.sort_unstable();
    numbers.dedup();

    let mut common: Option<CommonCore> = None;
    let mut semesters = Vec::new();
    for number in numbers {
        let l = left_sems.get(&number);
        let r = right_sems.get(&number);
        let is_common = same_fiche
            && matches!((l, r), (Some(l), Some(r))
            if l.iter().chain(r.iter()).all(|s| s.common));
        if is_common {
            let ues = ues_of(l.expect("common semesters exist on both sides"));
            let core = common.get_or_insert_with(|| CommonCore {
                semesters: Vec::new(),
                ues: 0,
                ects: EctsSum::default(),
                expanded: options.expand_common_core,
            });
            core.semesters.push(number);
            core.ues += ues.len();
            core.ects += ues.iter().map(|ue| EctsSum::of(ue.ects)).sum();
            if !options.expand_common_core {
                continue;
            }
        }
        let left_ues = l.map(|s| ues_of(s)).unwrap_or_default();
        let right_ues = r.map(|s| ues_of(s)).unwrap_or_default();
        semesters.push(SemesterRow {
            number,
            status: row(l.map(|_| ()), r.map(|_| ())).status,
            common_core: is_common,
            ects: Sides {
                left: l.map(|s| ects(s)),
                right: r.map(|s| ects(s)),
            },
            ues: align::in_order(&left_ues, &right_ues, |ue| ue_key(ue))
                .into_iter()
                .map(|(l, r)| ue_row(l.copied(), r.copied()))
                .collect(),
        });
    }
    Maquette {
        common_core: common,
        semesters,
    }
}

/// A side's semesters grouped by number (a data file may give two with the same number).
fn by_number(curriculum: Vec<SemesterRef<'_>>) -> BTreeMap<u8, Vec<SemesterRef<'_>>> {
    let mut map: BTreeMap<u8, Vec<SemesterRef<'_>>> = BTreeMap::new();
    for s in curriculum {
        map.entry(s.semester.number).or_default().push(s);
    }
    map
}

fn ues_of<'a>(semesters: &[SemesterRef<'a>]) -> Vec<&'a Ue> {
    semesters.iter().flat_map(|s| &s.semester.ues).collect()
}

fn ects(semesters: &[SemesterRef<'_>]) -> EctsSum {
    semesters.iter().map(|s| s.semester.ects_total()).sum()
}

fn ue_row(left: Option<&Ue>, right: Option<&Ue>) -> UeRow {
    let courses = match (left, right) {
        (Some(l), Some(r)) => align::in_order(&l.courses, &r.courses, course_key)
            .into_iter()
            .map(|(l, r)| row(l.map(course_label), r.map(course_label)))
            .collect(),
        (Some(l), None) => one_sided(&l.courses, |c| row(Some(c), None)),
        (None, Some(r)) => one_sided(&r.courses, |c| row(None, Some(c))),
        (None, None) => Vec::new(),
    };
    let base = row(left.map(ue_side), right.map(ue_side));
    UeRow {
        status: base.status,
        left: base.left,
        right: base.right,
        courses,
    }
}

fn one_sided(courses: &[Course], make: impl Fn(String) -> Row<String>) -> Vec<Row<String>> {
    courses.iter().map(|c| make(course_label(c))).collect()
}

/// A course entry in one line: alternatives joined by " ou ", optional ones marked.
fn course_label(course: &Course) -> String {
    match course {
        Course::Optional(title) => optional_fr(title),
        other => other.label(),
    }
}

fn ue_side(ue: &Ue) -> UeSide {
    UeSide {
        code: ue.code.clone(),
        title: ue.title.clone(),
        ects: ue.ects,
        choose: ue.choose,
    }
}
