//! Structural rules a fiche must meet to be loaded (the questionable-but-valid
//! things are `check`'s business, not this module's).

use std::collections::HashSet;

use super::position::locate;
use super::{Course, Fiche, Semester};

pub(crate) struct Invalid {
    pub position: Option<(usize, usize)>,
    pub message: String,
}

/// Validates `fiche`; `text` is its source, used to point at the offending line.
pub(crate) fn validate(fiche: &Fiche, text: &str) -> Result<(), Invalid> {
    let fail = |needle: Option<(&str, usize)>, message: String| Invalid {
        position: needle.and_then(|(n, nth)| locate(text, n, nth)),
        message,
    };
    if fiche.rncp_code.trim().is_empty() {
        return Err(fail(Some(("rncp_code", 0)), "rncp_code est vide".into()));
    }
    if fiche.intitule.trim().is_empty() {
        return Err(fail(Some(("intitule", 0)), "intitule est vide".into()));
    }
    if fiche.parcours.is_empty() {
        return Err(fail(
            Some(("parcours", 0)),
            "la fiche n'a aucun parcours (une fiche sans parcours en déclare un seul, implicite)"
                .into(),
        ));
    }
    let mut ids = HashSet::new();
    for (i, p) in fiche.parcours.iter().enumerate() {
        let quoted = format!("\"{}\"", p.id);
        if p.id.is_empty()
            || !p
                .id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        {
            return Err(fail(
                Some((&quoted, 0)),
                format!(
                    "parcours[{i}] : id « {} » invalide (minuscules ASCII, chiffres et « - » seulement)",
                    p.id
                ),
            ));
        }
        if !ids.insert(p.id.as_str()) {
            return Err(fail(
                Some((&quoted, 1)),
                format!("parcours[{i}] : id « {} » en double", p.id),
            ));
        }
        if p.name.trim().is_empty() {
            let quoted_name = format!("\"{}\"", p.name);
            return Err(fail(
                Some((&quoted_name, 0)),
                format!("parcours « {} » : name est vide", p.id),
            ));
        }
        let mut numbers = HashSet::new();
        for s in fiche.common_semesters.iter().chain(&p.semesters) {
            if !numbers.insert(s.number) {
                return Err(fail(
                    None,
                    format!(
                        "parcours « {} » : semestre {} déclaré deux fois",
                        p.id, s.number
                    ),
                ));
            }
        }
        semesters(&p.semesters, &format!("parcours « {} »", p.id)).map_err(|m| fail(None, m))?;
    }
    semesters(&fiche.common_semesters, "tronc commun").map_err(|m| fail(None, m))?;
    Ok(())
}

fn semesters(semesters: &[Semester], owner: &str) -> Result<(), String> {
    for s in semesters {
        if s.number == 0 || s.number > 12 {
            return Err(format!(
                "{owner} : numéro de semestre {} hors de 1..=12",
                s.number
            ));
        }
        for ue in &s.ues {
            let at = format!("{owner} › semestre {} › {}", s.number, ue.code);
            if ue.code.trim().is_empty() || ue.title.trim().is_empty() {
                return Err(format!("{at} : une UE doit avoir un code et un titre"));
            }
            for course in &ue.courses {
                if course.titles().iter().any(|t| t.trim().is_empty()) {
                    return Err(format!("{at} : cours sans titre"));
                }
                if let Course::OneOf(options) = course
                    && options.len() < 2
                {
                    return Err(format!("{at} : OneOf demande au moins deux cours"));
                }
            }
        }
    }
    Ok(())
}
