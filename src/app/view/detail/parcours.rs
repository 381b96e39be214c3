//! Detail of one parcours: jobs, activities, competences, sectors.

use super::Doc;
use crate::app::App;
use crate::app::view::Tone;
use crate::app::view::strings as s;
use crate::check::Finding;
use crate::search::Kind;

pub(super) fn parcours(doc: &mut Doc, app: &App, i: usize) {
    let Some(p) = app.fiche().parcours.get(i) else {
        return;
    };
    doc.title(p.name.clone());
    doc.text(
        Tone::Muted,
        format!(
            "{} · {}",
            p.short_label(),
            s::ects_sum(app.fiche().ects_total(p))
        ),
    );
    // The item a search jump landed on, if it is in this parcours.
    let marked = |kind: Kind| {
        app.view()
            .found
            .filter(|f| f.parcours == app.parcours_ref(i) && f.kind == kind)
            .map(|f| f.index)
    };
    doc.list_marked(s::H_JOBS, &p.jobs, marked(Kind::Job));
    doc.list_marked(s::H_ACTIVITIES, &p.activities, marked(Kind::Activity));
    doc.list_marked(s::H_COMPETENCES, &p.competences, marked(Kind::Competence));
    doc.list_marked(s::H_SECTORS, &p.sectors, marked(Kind::Sector));
    let own: Vec<&Finding> = app
        .findings()
        .iter()
        .filter(|f| f.location.parcours.as_deref() == Some(&p.id) && f.location.semester.is_none())
        .collect();
    doc.findings(&own);
}
