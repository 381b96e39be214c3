//! `rncp-explorer parcours [--json]`: the fiche's parcours, with the ids
//! `compare` and scripts use.

use std::io::Write;
use std::process::ExitCode;

use serde::Serialize;

use rncp_explorer::model::Fiche;
use unicode_width::UnicodeWidthStr;

#[derive(Serialize)]
struct JsonParcours<'a> {
    id: &'a str,
    name: &'a str,
    /// The short label the explorer and `compare` headings use.
    short_name: String,
}

pub fn run(fiche: &Fiche, json: bool) -> ExitCode {
    let output = if json {
        let rows: Vec<JsonParcours> = fiche
            .parcours
            .iter()
            .map(|p| JsonParcours {
                id: &p.id,
                name: &p.name,
                short_name: p.short_label(),
            })
            .collect();
        serde_json::to_string_pretty(&rows).expect("parcours serialise") + "\n"
    } else {
        // Ids are ASCII; names may hold anything the loader accepted, which
        // never includes control characters.
        let width = fiche
            .parcours
            .iter()
            .map(|p| p.id.width())
            .max()
            .unwrap_or(0);
        fiche
            .parcours
            .iter()
            .map(|p| format!("{:<width$}  {}\n", p.id, p.name))
            .collect()
    };
    let _ = std::io::stdout().lock().write_all(output.as_bytes());
    ExitCode::SUCCESS
}
