//! The French labels the comparison's renderers share: the CLI's text and
//! Markdown, and the explorer's copy (`y`), so that both say the same.

use super::{Comparison, Row, Sides, Status, UeSide};
use crate::export::ects_fr;
use crate::model::{EctsSum, Fiche};

/// "UE 7 · Initiatives et simulations collectives (8 ECTS)", with the elective rule if any.
pub fn ue_label(ue: &UeSide) -> String {
    let mut details = ects_fr(ue.ects);
    if let Some(k) = ue.choose {
        details.push_str(&format!(", {k} au choix"));
    }
    format!("{} · {} ({details})", ue.code, ue.title)
}

/// "28", "≥ 12" or "?" when some UE gives none, "—" for a semester a side does not have.
pub fn ects_cell(ects: Option<EctsSum>) -> String {
    ects.map_or_else(|| "—".to_string(), |n| n.to_string())
}

/// "Semestres 1 et 2", "Semestre 1", "Semestres 1, 2 et 3".
pub fn semesters_label(numbers: &[u8]) -> String {
    match numbers {
        [] => String::new(),
        [one] => format!("Semestre {one}"),
        [init @ .., last] => {
            let init: Vec<String> = init.iter().map(u8::to_string).collect();
            format!("Semestres {} et {last}", init.join(", "))
        }
    }
}

/// The summary as (label, left, right) lines, shared by the text and Markdown renderers.
pub fn summary_rows(c: &Comparison) -> Vec<(String, String, String)> {
    let s = &c.summary;
    let both = |label: &str, l: String, r: String| (label.to_string(), l, r);
    let mut rows = vec![
        both("UE", s.ues.left.to_string(), s.ues.right.to_string()),
        both(
            "dont communes",
            format!("{} · {} ECTS", s.shared_ues, s.shared_ects.left),
            format!("{} · {} ECTS", s.shared_ues, s.shared_ects.right),
        ),
    ];
    if let Some(core) = &c.maquette.common_core {
        let cell = format!("{} · {} ECTS", core.ues, core.ects);
        rows.push(both("dont tronc commun", cell.clone(), cell));
    }
    for e in &s.semester_ects {
        rows.push(both(
            &format!("ECTS semestre {}", e.number),
            ects_cell(e.left),
            ects_cell(e.right),
        ));
    }
    rows.push(both(
        "ECTS au total",
        ects_cell(Some(s.total_ects.left)),
        ects_cell(Some(s.total_ects.right)),
    ));
    for (label, counts) in [
        ("Compétences", s.competences),
        ("Secteurs", s.sectors),
        ("Emplois", s.jobs),
    ] {
        let cell = |own: usize| format!("{} ({} en commun)", counts.shared + own, counts.shared);
        rows.push(both(label, cell(counts.left), cell(counts.right)));
    }
    rows
}

/// "avertissement : Tronc commun › Semestre 1 : 28 ECTS au lieu de 30".
pub fn finding_line(fiche: &Fiche, f: &crate::check::Finding) -> String {
    let severity = match f.severity {
        crate::check::Severity::Warning => "avertissement",
        crate::check::Severity::Error => "erreur",
    };
    format!("{severity} : {} : {}", f.location.display(fiche), f.message)
}

/// The fiche a finding of the summary is about (its `finding_sides` entry).
pub fn finding_fiche<'a>(fiches: Sides<&'a Fiche>, c: &Comparison, index: usize) -> &'a Fiche {
    match c.summary.finding_sides.get(index) {
        Some(Status::Right) => fiches.right,
        _ => fiches.left,
    }
}

/// Whether the two sides are parcours of one fiche.
pub fn one_fiche(c: &Comparison) -> bool {
    c.left.fiche == c.right.fiche
}

/// How a side is named next to its full name: its id within one fiche
/// ("europe"), "RNCP24759:europe" across fiches (the form `compare` takes).
pub fn side_id(c: &Comparison, side: &super::ParcoursInfo) -> String {
    if one_fiche(c) {
        side.id.clone()
    } else {
        format!("{}:{}", side.fiche, side.id)
    }
}

/// The three lists in display order, with their French headings.
pub fn lists(c: &Comparison) -> [(&'static str, &[Row<String>]); 3] {
    [
        ("Compétences", &c.competences),
        ("Secteurs", &c.sectors),
        ("Emplois", &c.jobs),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn semesters_label_reads_as_french() {
        assert_eq!(semesters_label(&[1]), "Semestre 1");
        assert_eq!(semesters_label(&[1, 2]), "Semestres 1 et 2");
        assert_eq!(semesters_label(&[1, 2, 3]), "Semestres 1, 2 et 3");
    }
}
