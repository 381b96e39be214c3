//! `check`: what is questionable in a fiche that still loads — wrong ECTS sums,
//! repeated items, numbering gaps, empty lists. Pure: no I/O, no terminal.

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::Serialize;

use crate::model::normalize::item_key;
use crate::model::{Catalogue, EctsSum, Fiche, FicheId, Parcours, Semester};

/// ECTS a semester is expected to carry.
pub const SEMESTER_ECTS: u32 = 30;
/// ECTS a two-year master is expected to carry.
pub const MASTER_ECTS: u32 = 120;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Warning,
    Error,
}

/// Where a finding sits: parcours › semester › UE (each optional).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Location {
    /// Parcours id; `None` for the fiche itself or the common core.
    pub parcours: Option<String>,
    pub semester: Option<u8>,
    /// UE code ("UE 9").
    pub ue: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub severity: Severity,
    /// Stable machine name of the rule ("semester-ects").
    pub rule: &'static str,
    pub location: Location,
    pub message: String,
}

impl Location {
    fn parcours(p: Option<&Parcours>) -> Self {
        Self {
            parcours: p.map(|p| p.id.clone()),
            ..Self::default()
        }
    }
    fn semester(p: Option<&Parcours>, number: u8) -> Self {
        Self {
            semester: Some(number),
            ..Self::parcours(p)
        }
    }
    fn ue(p: Option<&Parcours>, number: u8, code: &str) -> Self {
        Self {
            ue: Some(code.to_string()),
            ..Self::semester(p, number)
        }
    }

    /// "Europe › Semestre 3 › UE 9", "Tronc commun › Semestre 1", "Fiche".
    pub fn display(&self, fiche: &Fiche) -> String {
        let mut parts = Vec::new();
        match &self.parcours {
            Some(id) => parts.push(
                fiche
                    .parcours_by_id(id)
                    .map(|p| p.short_label())
                    .unwrap_or_else(|| id.clone()),
            ),
            None if self.semester.is_some() => parts.push("Tronc commun".to_string()),
            None => parts.push("Fiche".to_string()),
        }
        if let Some(n) = self.semester {
            parts.push(format!("Semestre {n}"));
        }
        if let Some(ue) = &self.ue {
            parts.push(ue.clone());
        }
        parts.join(" › ")
    }
}

impl Finding {
    pub(crate) fn warning(rule: &'static str, location: Location, message: String) -> Self {
        Self {
            severity: Severity::Warning,
            rule,
            location,
            message,
        }
    }
    pub(crate) fn error(rule: &'static str, location: Location, message: String) -> Self {
        Self {
            severity: Severity::Error,
            rule,
            location,
            message,
        }
    }
}

mod registry;

pub use registry::{check_registry, today};

/// Every finding about `fiche`, in reading order: the common core, then each parcours.
pub fn check(fiche: &Fiche) -> Vec<Finding> {
    let mut findings = Vec::new();
    for semester in &fiche.common_semesters {
        check_semester(&mut findings, None, semester);
    }
    for parcours in &fiche.parcours {
        check_parcours(&mut findings, fiche, parcours);
    }
    findings
}

/// The findings of each fiche of a catalogue, computed the first time they
/// are asked for and kept: over a whole registry, checking every fiche up
/// front would cost seconds the user never asked to wait.
#[derive(Debug, Clone, Default)]
pub struct FindingsCache {
    cells: Vec<OnceLock<Vec<Finding>>>,
    /// The day registry records are judged on (when the cache was made).
    today: Option<crate::model::registry::Date>,
}

impl FindingsCache {
    pub fn new(catalogue: &Catalogue) -> FindingsCache {
        FindingsCache {
            cells: (0..catalogue.len()).map(|_| OnceLock::new()).collect(),
            today: Some(today()),
        }
    }

    /// Fiche `id`'s findings, its registry record's included (`catalogue`
    /// is the one the cache was made for).
    pub fn get<'a>(&'a self, catalogue: &Catalogue, id: FicheId) -> &'a [Finding] {
        self.cells[id.index()].get_or_init(|| {
            let fiche = catalogue.get(id);
            let mut findings = check(fiche);
            if let Some(today) = self.today {
                findings.extend(check_registry(fiche, catalogue, today));
            }
            findings
        })
    }

    /// Whether fiche `id` was checked already.
    pub fn is_computed(&self, id: FicheId) -> bool {
        self.cells[id.index()].get().is_some()
    }
}

/// True when any finding is an error (the `check` command then exits 1).
pub fn has_errors(findings: &[Finding]) -> bool {
    findings.iter().any(|f| f.severity == Severity::Error)
}

/// Findings that concern one parcours: its own, plus the common core's.
pub fn findings_for<'a>(findings: &'a [Finding], parcours_id: &str) -> Vec<&'a Finding> {
    findings
        .iter()
        .filter(|f| match &f.location.parcours {
            Some(id) => id == parcours_id,
            None => f.location.semester.is_some(),
        })
        .collect()
}

fn check_semester(findings: &mut Vec<Finding>, parcours: Option<&Parcours>, semester: &Semester) {
    let n = semester.number;
    if semester.ues.is_empty() {
        findings.push(Finding::warning(
            "empty-list",
            Location::semester(parcours, n),
            "aucune UE".to_string(),
        ));
        return;
    }
    let total = semester.ects_total();
    if total.known != SEMESTER_ECTS {
        findings.push(Finding::warning(
            "semester-ects",
            Location::semester(parcours, n),
            format!("{} au lieu de {SEMESTER_ECTS}", ects_sum_message(total)),
        ));
    }
    for ue in &semester.ues {
        let at = Location::ue(parcours, n, &ue.code);
        if ue.ects.is_none() {
            findings.push(Finding::warning(
                "ue-without-ects",
                at.clone(),
                format!("« {} » : pas d'ECTS", ue.title),
            ));
        }
        if ue.courses.is_empty() {
            findings.push(Finding::warning(
                "empty-list",
                at.clone(),
                format!("« {} » : aucun cours", ue.title),
            ));
        }
        if let Some(k) = ue.choose
            && (k == 0 || k as usize > ue.courses.len())
        {
            findings.push(Finding::warning(
                "elective-rule",
                at.clone(),
                format!("« {k} au choix » parmi {} cours", ue.courses.len()),
            ));
        }
        duplicates(findings, &at, "cours", ue.courses.iter().map(|c| c.label()));
    }
}

fn check_parcours(findings: &mut Vec<Finding>, fiche: &Fiche, parcours: &Parcours) {
    let here = Location::parcours(Some(parcours));
    for (label, list) in [
        ("activités", &parcours.activities),
        ("compétences", &parcours.competences),
        ("secteurs", &parcours.sectors),
        ("emplois", &parcours.jobs),
    ] {
        if list.is_empty() {
            findings.push(Finding::warning(
                "empty-list",
                here.clone(),
                format!("liste des {label} vide"),
            ));
        }
        duplicates(findings, &here, label, list.iter().cloned());
    }
    for job in &parcours.jobs {
        if parcours
            .sectors
            .iter()
            .any(|s| item_key(s) == item_key(job))
        {
            findings.push(Finding::warning(
                "sector-as-job",
                here.clone(),
                format!("ligne de secteur reprise telle quelle dans les emplois : « {job} »"),
            ));
        }
    }
    for semester in &parcours.semesters {
        check_semester(findings, Some(parcours), semester);
    }
    check_numbering(findings, fiche, parcours);
    // A fiche known only from the registry has no curriculum to sum: its
    // ECTS are unknown, not wrong.
    let total = fiche.ects_total(parcours);
    if !fiche.curriculum(parcours).is_empty() && total.known != MASTER_ECTS {
        findings.push(Finding::warning(
            "total-ects",
            here,
            format!(
                "{} sur l'ensemble du parcours au lieu de {MASTER_ECTS}",
                ects_sum_message(total)
            ),
        ));
    }
}

/// "28 ECTS", "≥ 32 ECTS (2 UE sans ECTS)", "? ECTS (2 UE sans ECTS)".
fn ects_sum_message(total: EctsSum) -> String {
    match total.unknown {
        0 => format!("{total} ECTS"),
        n => format!("{total} ECTS ({n} UE sans ECTS)"),
    }
}

/// UE numbers over the whole curriculum (common core included) should run 1, 2, 3…
fn check_numbering(findings: &mut Vec<Finding>, fiche: &Fiche, parcours: &Parcours) {
    let mut seen: HashMap<u32, u8> = HashMap::new();
    let mut numbers = Vec::new();
    for s in fiche.curriculum(parcours) {
        for ue in &s.semester.ues {
            let Some(number) = ue_number(&ue.code) else {
                continue;
            };
            if seen.insert(number, s.semester.number).is_some() {
                findings.push(Finding::error(
                    "ue-numbering",
                    Location::ue(Some(parcours), s.semester.number, &ue.code),
                    format!("{} apparaît deux fois dans le parcours", ue.code),
                ));
            }
            numbers.push(number);
        }
    }
    numbers.sort_unstable();
    numbers.dedup();
    for pair in numbers.windows(2) {
        if pair[1] != pair[0] + 1 {
            let missing = if pair[1] == pair[0] + 2 {
                format!("UE {}", pair[0] + 1)
            } else {
                format!("UE {} à UE {}", pair[0] + 1, pair[1] - 1)
            };
            findings.push(Finding::warning(
                "ue-numbering",
                Location::parcours(Some(parcours)),
                format!("numérotation des UE interrompue : {missing} manquante(s)"),
            ));
        }
    }
}

/// The number in a UE code ("UE 12" → 12).
pub fn ue_number(code: &str) -> Option<u32> {
    code.trim_start_matches(|c: char| !c.is_ascii_digit())
        .split(|c: char| !c.is_ascii_digit())
        .next()?
        .parse()
        .ok()
}

fn duplicates(
    findings: &mut Vec<Finding>,
    at: &Location,
    list: &str,
    items: impl Iterator<Item = String>,
) {
    let mut seen = HashMap::new();
    for item in items {
        let count = seen.entry(item_key(&item)).or_insert(0);
        *count += 1;
        if *count == 2 {
            findings.push(Finding::warning(
                "duplicate-item",
                at.clone(),
                format!("{list} : « {item} » figure plusieurs fois"),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ue_number_reads_the_code() {
        assert_eq!(ue_number("UE 12"), Some(12));
        assert_eq!(ue_number("UE7"), Some(7));
        assert_eq!(ue_number("Stage"), None);
    }

    #[test]
    fn location_reads_like_a_path() {
        let fiche = crate::model::embedded();
        let at = Location::ue(fiche.parcours_by_id("europe"), 3, "UE 9");
        assert_eq!(at.display(&fiche), "Europe › Semestre 3 › UE 9");
        assert_eq!(
            Location::semester(None, 1).display(&fiche),
            "Tronc commun › Semestre 1"
        );
        assert_eq!(Location::default().display(&fiche), "Fiche");
    }
}
