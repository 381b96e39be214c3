//! `rncp-explorer check`: findings as text lines or a JSON array.

use std::process::ExitCode;

use serde::Serialize;

use rncp_explorer::check::{self, Finding, Severity};
use rncp_explorer::model::{Catalogue, Fiche};

/// One fiche's findings, when several fiches are checked at once.
#[derive(Serialize)]
struct FicheFindings<'a> {
    numero: String,
    findings: &'a [Finding],
}

/// Checks every fiche of the catalogue. One fiche: its findings as before
/// (a JSON array). Several: each fiche's under its number (a JSON array of
/// `{numero, findings}`). Exit 1 when any fiche has an error.
pub fn run(catalogue: &Catalogue, json: bool) -> ExitCode {
    let today = check::today();
    let all: Vec<(&Fiche, Vec<Finding>)> = catalogue
        .iter()
        .map(|(_, fiche)| {
            let mut findings = check::check(fiche);
            findings.extend(check::check_registry(fiche, catalogue, today));
            (fiche, findings)
        })
        .collect();
    let errors = all.iter().any(|(_, f)| check::has_errors(f));
    if let [(fiche, findings)] = all.as_slice() {
        report(fiche, findings, json);
    } else if json {
        let rows: Vec<FicheFindings> = all
            .iter()
            .map(|(fiche, findings)| FicheFindings {
                numero: fiche.numero().to_string(),
                findings,
            })
            .collect();
        println!(
            "{}",
            serde_json::to_string_pretty(&rows).expect("findings serialise")
        );
    } else {
        for (fiche, findings) in &all {
            println!("{} — {}", fiche.numero(), fiche.intitule);
            report(fiche, findings, false);
        }
    }
    if errors {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn report(fiche: &Fiche, findings: &[Finding], json: bool) {
    if json {
        println!(
            "{}",
            serde_json::to_string_pretty(&findings).expect("findings serialise")
        );
    } else if findings.is_empty() {
        println!("Aucun constat : la fiche est cohérente.");
    } else {
        for f in findings {
            let severity = match f.severity {
                Severity::Warning => "avertissement",
                Severity::Error => "erreur",
            };
            println!("{severity}: {}: {}", f.location.display(fiche), f.message);
        }
        let errors = findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .count();
        println!(
            "{} constat(s) : {} erreur(s), {} avertissement(s)",
            findings.len(),
            errors,
            findings.len() - errors
        );
    }
}
