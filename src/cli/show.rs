//! `rncp-explorer show NUMBER [--json]`: the whole fiche. Text is the
//! explorer's detail document of the fiche (the same sections, built by the
//! same view model); `--json` is the `Fiche` serialized, registry record
//! included.

use std::process::ExitCode;

use rncp_explorer::app::App;
use rncp_explorer::app::clipboard::plain_text;
use rncp_explorer::app::view::detail;
use rncp_explorer::model::registry::Date;
use rncp_explorer::model::{Catalogue, EMBEDDED_NAME, Fiche};

pub fn run(catalogue: &Catalogue, number: &str, json: bool) -> ExitCode {
    let Some(fiche) = super::find_fiche(catalogue, number) else {
        return ExitCode::from(super::EXIT_BAD_INPUT);
    };
    let answer = if json {
        serde_json::to_string_pretty(fiche).expect("a fiche serialises") + "\n"
    } else {
        text(catalogue, fiche, Date::today())
    };
    match super::stdout::write_with(|out| out.write_all(answer.as_bytes())) {
        Ok(()) => ExitCode::SUCCESS,
        Err(status) => status,
    }
}

/// The detail pane's document of `fiche` as plain text.
fn text(catalogue: &Catalogue, fiche: &Fiche, today: Date) -> String {
    match &fiche.registry {
        Some(record) => plain_text(&detail::registry_document(record, catalogue, today)),
        // A fiche with a curriculum: the explorer's own overview of it.
        None => {
            let app = App::with_catalogue(Catalogue::single(fiche.clone(), EMBEDDED_NAME));
            plain_text(&detail::document(&app))
        }
    }
}
