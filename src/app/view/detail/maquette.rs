//! Detail of a maquette node: semester, UE (with the parcours sharing it),
//! course (with every parcours teaching it).

use super::{Doc, Target, findings_at};
use crate::app::App;
use crate::app::tree::{self, NodeId, Selection};
use crate::app::view::Tone;
use crate::app::view::strings as s;
use crate::check::SEMESTER_ECTS;
use crate::compare::same_ue;
use crate::model::normalize::same_title;
use crate::model::{Course, Fiche, SemesterRef, Ue};

fn semester_title(sem: &SemesterRef<'_>) -> Vec<(Tone, String)> {
    let mut spans = vec![(Tone::Title, s::semester(sem.semester.number))];
    if sem.common {
        spans.push((Tone::Common, format!(" · {}", s::COMMON_CORE)));
    }
    spans
}

pub(super) fn semester(
    doc: &mut Doc,
    app: &App,
    selection: Selection,
    sems: &[SemesterRef<'_>],
    si: usize,
) {
    let Some(sem) = sems.get(si) else {
        return;
    };
    doc.line(semester_title(sem));
    let total = sem.semester.ects_total();
    let tone = if total.is(SEMESTER_ECTS) {
        Tone::Text
    } else {
        Tone::Warning
    };
    doc.line(vec![
        (Tone::Label, format!("{} : ", s::L_TOTAL)),
        (tone, s::ects_of(total, SEMESTER_ECTS)),
    ]);
    doc.heading(s::counted(s::H_UES, sem.semester.ues.len()));
    for ue in &sem.semester.ues {
        doc.bullet(vec![
            (Tone::Label, format!("{} ", ue.code)),
            (Tone::Text, ue.title.clone()),
            (Tone::Muted, format!(" · {}", s::ects_or_unknown(ue.ects))),
        ]);
    }
    let mut found = findings_at(app, selection, sem, None);
    found.sort_by_key(|f| f.location.ue.is_some());
    doc.findings(&found);
}

/// Parcours other than `exclude` whose own semesters have a UE with the same
/// code and the same title (wording drift tolerated): `compare::same_ue`, so
/// this list and the comparison view always agree.
pub fn sharing_parcours(fiche: &Fiche, target: &Ue, exclude: Option<usize>) -> Vec<usize> {
    fiche
        .parcours
        .iter()
        .enumerate()
        .filter(|(i, p)| {
            Some(*i) != exclude
                && p.semesters
                    .iter()
                    .flat_map(|s| &s.ues)
                    .any(|u| same_ue(u, target))
        })
        .map(|(i, _)| i)
        .collect()
}

/// Where parcours `p`'s tree has its own copy of `target` (the UE
/// [`sharing_parcours`] found there): its node among the parcours'
/// semesters, common core first as the tree lists them.
pub fn shared_ue_node(fiche: &Fiche, p: usize, target: &Ue) -> Option<NodeId> {
    let sems = tree::semesters(fiche, Selection::Parcours(p));
    sems.iter().enumerate().find_map(|(si, sem)| {
        (!sem.common)
            .then(|| sem.semester.ues.iter().position(|u| same_ue(u, target)))
            .flatten()
            .map(|ui| NodeId::Ue(si, ui))
    })
}

/// The node of UE `code` of semester `number` in parcours `p`'s tree.
fn ue_node(fiche: &Fiche, p: usize, number: u8, code: &str) -> Option<NodeId> {
    let sems = tree::semesters(fiche, Selection::Parcours(p));
    sems.iter().enumerate().find_map(|(si, sem)| {
        (sem.semester.number == number)
            .then(|| sem.semester.ues.iter().position(|u| u.code == code))
            .flatten()
            .map(|ui| NodeId::Ue(si, ui))
    })
}

pub(super) fn ue(
    doc: &mut Doc,
    app: &App,
    selection: Selection,
    sems: &[SemesterRef<'_>],
    si: usize,
    ui: usize,
) {
    let (Some(sem), Some(ue)) = (sems.get(si), tree::ue(sems, si, ui)) else {
        return;
    };
    doc.line(vec![(Tone::Title, format!("{} — {}", ue.code, ue.title))]);
    let mut where_ = semester_title(sem);
    where_[0].0 = Tone::Text;
    doc.line(where_);
    // "ECTS : 6", "ECTS : non précisé": the label already says ECTS.
    doc.field(
        s::L_ECTS,
        ue.ects
            .map_or_else(|| s::NOT_GIVEN.to_string(), |n| n.to_string()),
    );
    doc.field(
        s::L_RULE,
        match ue.choose {
            Some(k) => s::choose_among(k, ue.courses.len()),
            None => s::RULE_ALL.to_string(),
        },
    );
    doc.heading(s::counted(s::H_COURSES, ue.courses.len()));
    for c in &ue.courses {
        doc.bullet(course_spans(c));
    }
    let current = match selection {
        Selection::Parcours(i) => Some(i),
        Selection::Fiche => None,
    };
    if sem.common {
        doc.heading(s::H_SHARED);
        doc.text(Tone::Common, s::SHARED_COMMON);
    } else {
        let shared = sharing_parcours(app.fiche(), ue, current);
        doc.heading(s::counted(s::H_SHARED, shared.len()));
        if shared.is_empty() {
            doc.text(Tone::Muted, s::SHARED_NONE);
        }
        for i in shared {
            let Some(p) = app.fiche().parcours.get(i) else {
                continue;
            };
            // Each one a link to the same UE in that parcours.
            match shared_ue_node(app.fiche(), i, ue) {
                Some(node) => doc.link(
                    Target::Ue { parcours: i, node },
                    s::ue_in(&ue.code, &p.short_label()),
                    vec![(Tone::Link, p.name.clone())],
                ),
                None => doc.item(p.name.clone()),
            }
        }
    }
    let found = findings_at(app, selection, sem, Some(&ue.code));
    if !found.is_empty() {
        doc.findings(&found);
    }
}

/// A course entry as spans: alternatives joined by a muted "ou", optional ones marked.
pub fn course_spans(c: &Course) -> Vec<(Tone, String)> {
    match c {
        Course::Course(t) => vec![(Tone::Text, t.clone())],
        // The title often says "optionnel" itself; say it once.
        Course::Optional(t) if t.to_lowercase().contains(s::KIND_OPTIONAL) => {
            vec![(Tone::Text, t.clone())]
        }
        Course::Optional(t) => vec![
            (Tone::Text, t.clone()),
            (Tone::Muted, format!(" ({})", s::KIND_OPTIONAL)),
        ],
        Course::OneOf(ts) => {
            let mut spans = Vec::new();
            for (i, t) in ts.iter().enumerate() {
                if i > 0 {
                    spans.push((Tone::Muted, s::OR.to_string()));
                }
                spans.push((Tone::Text, t.clone()));
            }
            spans
        }
    }
}

/// Every (parcours, semester number, UE code) where a course with one of `titles` is taught.
pub fn teaching_parcours(fiche: &Fiche, titles: &[String]) -> Vec<(usize, u8, String)> {
    let mut out = Vec::new();
    for (i, p) in fiche.parcours.iter().enumerate() {
        for sem in fiche.curriculum(p) {
            for ue in &sem.semester.ues {
                let teaches = ue.courses.iter().any(|c| {
                    c.titles()
                        .iter()
                        .any(|t| titles.iter().any(|f| same_title(t, f)))
                });
                if teaches {
                    out.push((i, sem.semester.number, ue.code.clone()));
                }
            }
        }
    }
    out
}

pub(super) fn course(
    doc: &mut Doc,
    app: &App,
    sems: &[SemesterRef<'_>],
    si: usize,
    ui: usize,
    ci: usize,
) {
    let (Some(sem), Some(ue), Some(c)) = (
        sems.get(si),
        tree::ue(sems, si, ui),
        tree::course(sems, si, ui, ci),
    ) else {
        return;
    };
    let mut title = course_spans(c);
    for span in &mut title {
        if span.0 == Tone::Text {
            span.0 = Tone::Title;
        }
    }
    doc.line(title);
    // A plain course needs no "Nature" line; alternatives and options do.
    match c {
        Course::Course(_) => {
            if let Some(k) = ue.choose {
                doc.field(s::L_KIND, s::elective_course(k, ue.courses.len()));
            }
        }
        Course::OneOf(_) => doc.field(s::L_KIND, s::KIND_ONE_OF),
        Course::Optional(_) => doc.field(s::L_KIND, s::KIND_OPTIONAL),
    }
    doc.field(s::L_UE, format!("{} — {}", ue.code, ue.title));
    let mut where_ = semester_title(sem);
    where_[0].0 = Tone::Text;
    doc.line(where_);
    let taught = teaching_parcours(app.fiche(), c.titles());
    let parcours_count = {
        let mut ids: Vec<usize> = taught.iter().map(|t| t.0).collect();
        ids.dedup();
        ids.len()
    };
    doc.heading(s::counted(s::H_TAUGHT_IN, parcours_count));
    if taught.is_empty() {
        doc.text(Tone::Muted, s::TAUGHT_NOWHERE);
    }
    for (i, number, code) in taught {
        let Some(p) = app.fiche().parcours.get(i) else {
            continue;
        };
        let place = format!(" · {} {}", s::semester_short(number), code);
        // A link to that UE in that parcours.
        match ue_node(app.fiche(), i, number, &code) {
            Some(node) => doc.link(
                Target::Ue { parcours: i, node },
                s::ue_in(&code, &p.short_label()),
                vec![(Tone::Link, p.name.clone()), (Tone::Muted, place)],
            ),
            None => doc.bullet(vec![(Tone::Text, p.name.clone()), (Tone::Muted, place)]),
        }
    }
}
