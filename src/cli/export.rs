//! `rncp-explorer export --format json|markdown`.

use std::process::ExitCode;

use rncp_explorer::export;
use rncp_explorer::model::Fiche;

use super::ExportFormat;

pub fn run(fiche: &Fiche, format: ExportFormat) -> ExitCode {
    match format {
        ExportFormat::Json => println!("{}", export::to_json(fiche)),
        ExportFormat::Markdown => print!("{}", export::to_markdown(fiche)),
    }
    ExitCode::SUCCESS
}
