//! Plain summary of the fiche, printed when no subcommand is given.

use std::process::ExitCode;

use rncp_explorer::model::Fiche;

pub fn run(fiche: &Fiche) -> ExitCode {
    println!("RNCP {} — {}", fiche.rncp_code, fiche.intitule);
    for p in &fiche.parcours {
        println!("  {:<14} {} ({} ECTS)", p.id, p.name, fiche.ects_total(p));
    }
    ExitCode::SUCCESS
}
