//! `rncp-explorer compare A B [--format text|markdown|json] [--expand]`:
//! two parcours side by side. The comparison is `rncp_explorer::compare`;
//! this file resolves the names and hands the rows to a renderer.

mod text;

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use clap::ValueEnum;

use rncp_explorer::compare::{self, Options, Side, Unresolved, UnresolvedKind};
use rncp_explorer::model::sanitize::escape_for_terminal;
use rncp_explorer::model::{Fiche, Parcours};

use super::EXIT_BAD_INPUT;

#[derive(Debug, Clone, Copy, Default, ValueEnum)]
pub enum CompareFormat {
    /// Deux colonnes alignées, pour le terminal.
    #[default]
    Text,
    /// Tableaux à coller dans un document.
    Markdown,
    /// Les lignes avec leur statut (shared, left, right), pour les scripts.
    Json,
}

/// Text width when stdout is not a terminal and `--width` is not given.
const DEFAULT_WIDTH: usize = text::DEFAULT_WIDTH;
/// The narrowest and widest text `compare` lays out (`--width` has the same range).
const MIN_WIDTH: usize = 40;
const MAX_WIDTH: usize = 1000;

pub fn run(
    fiche: &Fiche,
    a: &str,
    b: &str,
    format: CompareFormat,
    expand: bool,
    width: Option<u16>,
) -> ExitCode {
    let (left, right) = match (resolve(fiche, a), resolve(fiche, b)) {
        (Ok(l), Ok(r)) => (l, r),
        _ => return ExitCode::from(EXIT_BAD_INPUT),
    };
    if left.id == right.id {
        eprintln!(
            "rncp-explorer: « {} » et « {} » désignent le même parcours ({}) : \
             comparez-le avec un autre (liste : rncp-explorer parcours)",
            escape_for_terminal(a),
            escape_for_terminal(b),
            left.id
        );
        return ExitCode::from(EXIT_BAD_INPUT);
    }
    let options = Options {
        expand_common_core: expand,
    };
    let comparison = compare::compare(Side::new(fiche, left), Side::new(fiche, right), options);
    let output = match format {
        CompareFormat::Text => text::render(fiche, &comparison, text_width(width)),
        CompareFormat::Markdown => compare::markdown::render(fiche, &comparison),
        CompareFormat::Json => {
            serde_json::to_string_pretty(&comparison).expect("the comparison serialises") + "\n"
        }
    };
    // A reader that stops early (`| head`) is not an error worth a panic.
    let _ = std::io::stdout().lock().write_all(output.as_bytes());
    ExitCode::SUCCESS
}

/// `--width`, else the terminal's width when stdout is one, else [`DEFAULT_WIDTH`].
fn text_width(flag: Option<u16>) -> usize {
    let terminal = || {
        std::io::stdout()
            .is_terminal()
            .then(ratatui::crossterm::terminal::size)
            .and_then(Result::ok)
            .map(|(columns, _)| usize::from(columns))
            .filter(|&c| c > 0)
    };
    flag.map(usize::from)
        .or_else(terminal)
        .unwrap_or(DEFAULT_WIDTH)
        .clamp(MIN_WIDTH, MAX_WIDTH)
}

/// Resolves one name; on failure, explains on stderr and lists the candidates.
fn resolve<'a>(fiche: &'a Fiche, query: &str) -> Result<&'a Parcours, ()> {
    compare::resolve_parcours(fiche, query).map_err(|Unresolved { kind, candidates }| {
        let query = escape_for_terminal(query);
        match kind {
            UnresolvedKind::Ambiguous => {
                eprintln!("rncp-explorer: « {query} » désigne plusieurs parcours :")
            }
            UnresolvedKind::Unknown => eprintln!(
                "rncp-explorer: aucun parcours ne correspond à « {query} ». Parcours de la fiche :"
            ),
        }
        let width = candidates.iter().map(|p| p.id.len()).max().unwrap_or(0);
        for p in candidates {
            eprintln!("  {:<width$}  {}", p.id, p.name);
        }
    })
}
