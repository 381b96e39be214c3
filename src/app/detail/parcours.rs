//! Detail of one parcours: jobs, activities, competences, sectors.

use super::{Doc, Tone};
use crate::app::App;
use crate::app::strings as s;
use crate::check::Finding;

pub(super) fn parcours(doc: &mut Doc, app: &App, i: usize) {
    let Some(p) = app.fiche.parcours.get(i) else {
        return;
    };
    doc.title(p.name.clone());
    doc.text(
        Tone::Muted,
        format!("{} · {}", p.short_label(), s::ects(app.fiche.ects_total(p))),
    );
    doc.list(s::H_JOBS, &p.jobs);
    doc.list(s::H_ACTIVITIES, &p.activities);
    doc.list(s::H_COMPETENCES, &p.competences);
    doc.list(s::H_SECTORS, &p.sectors);
    let own: Vec<&Finding> = app
        .findings
        .iter()
        .filter(|f| f.location.parcours.as_deref() == Some(&p.id) && f.location.semester.is_none())
        .collect();
    doc.findings(&own);
}
