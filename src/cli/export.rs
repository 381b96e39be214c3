//! `rncp-explorer export --format json|ron|markdown`: one fiche (the only
//! one loaded, or `--fiche`), or the whole catalogue (a JSON array, a RON
//! list, Markdown documents one after the other).

use std::io::Write;
use std::process::ExitCode;

use rncp_explorer::export;
use rncp_explorer::model::Fiche;

use super::ExportFormat;

pub fn run(fiche: &Fiche, format: ExportFormat) -> ExitCode {
    let text = match format {
        ExportFormat::Json => export::to_json(fiche) + "\n",
        ExportFormat::Ron => export::to_ron(fiche) + "\n",
        ExportFormat::Markdown => export::to_markdown(fiche),
    };
    write_out(&text)
}

pub fn run_all<'a>(fiches: impl Iterator<Item = &'a Fiche>, format: ExportFormat) -> ExitCode {
    let text = match format {
        ExportFormat::Json => export::all_to_json(fiches) + "\n",
        ExportFormat::Ron => export::all_to_ron(fiches) + "\n",
        ExportFormat::Markdown => fiches
            .map(export::to_markdown)
            .collect::<Vec<_>>()
            .join("\n---\n\n"),
    };
    write_out(&text)
}

/// A reader that stops early (`| head`) is not an error worth a panic.
fn write_out(text: &str) -> ExitCode {
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
    ExitCode::SUCCESS
}
