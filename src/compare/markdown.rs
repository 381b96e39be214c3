//! Markdown rendering of a comparison: one table per semester and per list,
//! to paste into a document. The CLI's `compare --format markdown` and the
//! explorer's copy (`y` in the comparison) both print this.

use std::fmt::Write;

use super::labels::{
    ects_cell, finding_fiche, finding_line, lists, one_fiche, semesters_label, side_id,
    summary_rows, ue_label,
};
use super::{Comparison, Facing, Sides, Status, UeSide, facing};
use crate::export::md;
use crate::model::Fiche;

fn mark(status: Status) -> &'static str {
    match status {
        Status::Shared => "=",
        Status::Left => "◀",
        Status::Right => "▶",
    }
}

/// `fiches` are the left and right parcours' fiches (the same one twice
/// within a fiche).
pub fn render(fiches: Sides<&Fiche>, c: &Comparison) -> String {
    let mut out = String::new();
    let w = &mut out;
    let (l, r) = (md(&c.left.short), md(&c.right.short));
    let _ = writeln!(w, "# {l} ↔ {r}\n");
    if one_fiche(c) {
        let fiche = fiches.left;
        let _ = writeln!(
            w,
            "Comparaison de deux parcours de la fiche {} ({}).\n",
            md(&fiche.numero().spaced()),
            md(&fiche.intitule)
        );
    } else {
        let _ = writeln!(
            w,
            "Comparaison de deux parcours de deux fiches : {} ({}) et {} ({}).\n",
            md(&c.left.fiche),
            md(&fiches.left.intitule),
            md(&c.right.fiche),
            md(&fiches.right.intitule)
        );
    }
    let _ = writeln!(
        w,
        "- **À gauche** : {} (`{}`)",
        md(&c.left.name),
        side_id(c, &c.left)
    );
    let _ = writeln!(
        w,
        "- **À droite** : {} (`{}`)",
        md(&c.right.name),
        side_id(c, &c.right)
    );
    let _ = writeln!(
        w,
        "- Légende : = commun aux deux, ◀ seulement {l}, ▶ seulement {r}, \
         ◀ ▶ propre à chaque côté, face à face\n"
    );

    let _ = writeln!(w, "## Résumé\n");
    let _ = writeln!(w, "| | {l} | {r} |\n|---|---|---|");
    for (label, left, right) in summary_rows(c) {
        let _ = writeln!(w, "| {} | {} | {} |", md(&label), md(&left), md(&right));
    }
    if !c.summary.findings.is_empty() {
        let _ = writeln!(w, "\nConstats de `check` sur ces parcours :\n");
        for (i, f) in c.summary.findings.iter().enumerate() {
            let fiche = finding_fiche(fiches, c, i);
            let _ = writeln!(w, "- {}", md(&finding_line(fiche, f)));
        }
    }

    let _ = writeln!(w, "\n## Maquette");
    if let Some(core) = c
        .maquette
        .common_core
        .as_ref()
        .filter(|core| !core.expanded)
    {
        let _ = writeln!(
            w,
            "\n{} (tronc commun) : **identiques** des deux côtés — {} UE, {} ECTS.",
            semesters_label(&core.semesters),
            core.ues,
            core.ects
        );
    }
    for s in &c.maquette.semesters {
        let core = if s.common_core { " (tronc commun)" } else { "" };
        let _ = writeln!(w, "\n### Semestre {}{core}\n", s.number);
        let _ = writeln!(
            w,
            "| | {l} ({} ECTS) | {r} ({} ECTS) |\n|:-:|---|---|",
            ects_cell(s.ects.left),
            ects_cell(s.ects.right)
        );
        for ue in &s.ues {
            let cell = |side: Option<&UeSide>| {
                side.map(|u| format!("**{}**", md(&ue_label(u))))
                    .unwrap_or_default()
            };
            let _ = writeln!(
                w,
                "| {} | {} | {} |",
                mark(ue.status),
                cell(ue.left.as_ref()),
                cell(ue.right.as_ref())
            );
            for course in &ue.courses {
                let cell =
                    |t: Option<&String>| t.map(|t| format!("↳ {}", md(t))).unwrap_or_default();
                let _ = writeln!(
                    w,
                    "| {} | {} | {} |",
                    mark(course.status),
                    cell(course.left.as_ref()),
                    cell(course.right.as_ref())
                );
            }
        }
    }

    for (title, rows) in lists(c) {
        let _ = writeln!(w, "\n## {title}\n");
        if rows.is_empty() {
            let _ = writeln!(w, "Aucun élément de part et d'autre.");
            continue;
        }
        let _ = writeln!(w, "| | {l} | {r} |\n|:-:|---|---|");
        for row in facing(rows) {
            let mark = match row.facing {
                Facing::Shared => mark(Status::Shared),
                Facing::Left => mark(Status::Left),
                Facing::Right => mark(Status::Right),
                Facing::Each => "◀ ▶",
                Facing::Renamed => "≈",
            };
            let _ = writeln!(
                w,
                "| {mark} | {} | {} |",
                row.left.map(md).unwrap_or_default(),
                row.right.map(md).unwrap_or_default()
            );
        }
    }
    out
}
