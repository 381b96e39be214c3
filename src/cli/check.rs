//! `rncp-explorer check`: findings as text lines or a JSON array.

use std::process::ExitCode;

use rncp_explorer::check::{self, Severity};
use rncp_explorer::model::Fiche;

pub fn run(fiche: &Fiche, json: bool) -> ExitCode {
    let findings = check::check(fiche);
    if json {
        println!(
            "{}",
            serde_json::to_string_pretty(&findings).expect("findings serialise")
        );
    } else if findings.is_empty() {
        println!("Aucun constat : la fiche est cohérente.");
    } else {
        for f in &findings {
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
    if check::has_errors(&findings) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
