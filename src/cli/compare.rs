//! `rncp-explorer compare A B [--format text|markdown|json] [--expand]`:
//! two certifications, or two parcours, side by side. A and B are fiche
//! numbers (two certifications), `fiche:parcours` (parcours of any fiches),
//! or parcours names within the one fiche (`--fiche`, or the only one
//! loaded). The comparisons are `rncp_explorer::compare`; this file resolves
//! the names and hands the rows to a renderer.

mod certs;
mod text;

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use clap::ValueEnum;

use rncp_explorer::compare::{self, Options, Side, Sides, Unresolved, UnresolvedKind};
use rncp_explorer::model::registry::Date;
use rncp_explorer::model::sanitize::escape_for_terminal;
use rncp_explorer::model::{Catalogue, Fiche, Parcours, parse_numero};

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

/// What one of `compare`'s two arguments names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Named<'a> {
    /// A fiche number in any form `parse_numero` reads ("37674", "RS5000").
    Fiche(&'a str),
    /// "24759:europe": a parcours of a given fiche.
    FicheParcours(&'a str, &'a str),
    /// A parcours of the one fiche the command works on.
    Parcours(&'a str),
}

fn named(text: &str) -> Named<'_> {
    if parse_numero(text).is_some() {
        return Named::Fiche(text);
    }
    match text.split_once(':') {
        Some((fiche, parcours)) if parse_numero(fiche).is_some() => {
            Named::FicheParcours(fiche, parcours)
        }
        _ => Named::Parcours(text),
    }
}

/// How `compare` renders, whatever it compares.
#[derive(Debug, Clone, Copy)]
pub struct Render {
    pub format: CompareFormat,
    pub expand: bool,
    pub width: Option<u16>,
}

/// Runs `compare a b` on `catalogue`; `wanted` is `--fiche`.
pub fn run(catalogue: &Catalogue, wanted: Option<&str>, a: &str, b: &str, how: Render) -> ExitCode {
    match (named(a), named(b)) {
        (Named::Fiche(x), Named::Fiche(y)) => certifications(catalogue, x, y, how),
        (x, y) => {
            // Bare parcours names are of the one fiche (`--fiche`, or the only one).
            let bare = [x, y].iter().any(|n| matches!(n, Named::Parcours(_)));
            let one = match bare.then(|| super::one_fiche(catalogue, wanted)) {
                Some(Err(code)) => return code,
                Some(Ok(fiche)) => Some(fiche),
                None => None,
            };
            let (Ok(left), Ok(right)) = (side(catalogue, one, x), side(catalogue, one, y)) else {
                return ExitCode::from(EXIT_BAD_INPUT);
            };
            parcours(left, right, a, b, how)
        }
    }
}

/// Two fiches by number: the certification comparison.
fn certifications(catalogue: &Catalogue, a: &str, b: &str, how: Render) -> ExitCode {
    let (Some(left), Some(right)) = (
        super::find_fiche(catalogue, a),
        super::find_fiche(catalogue, b),
    ) else {
        return ExitCode::from(EXIT_BAD_INPUT);
    };
    if std::ptr::eq(left, right) {
        eprintln!(
            "rncp-explorer: « {} » et « {} » désignent la même fiche ({}) : \
             comparez-la avec une autre",
            escape_for_terminal(a),
            escape_for_terminal(b),
            left.numero()
        );
        return ExitCode::from(EXIT_BAD_INPUT);
    }
    let comparison = compare::certs::compare(catalogue, left, right, Date::today());
    let output = match how.format {
        CompareFormat::Text => certs::render(&comparison, text_width(how.width)),
        CompareFormat::Markdown => compare::certs::markdown::render(&comparison),
        CompareFormat::Json => {
            serde_json::to_string_pretty(&comparison).expect("the comparison serialises") + "\n"
        }
    };
    write(&output)
}

/// Two parcours, of one fiche or of two.
fn parcours(left: Side<'_>, right: Side<'_>, a: &str, b: &str, how: Render) -> ExitCode {
    if left.same_fiche(right) && left.parcours.id == right.parcours.id {
        eprintln!(
            "rncp-explorer: « {} » et « {} » désignent le même parcours ({}) : \
             comparez-le avec un autre (liste : rncp-explorer parcours)",
            escape_for_terminal(a),
            escape_for_terminal(b),
            left.parcours.id
        );
        return ExitCode::from(EXIT_BAD_INPUT);
    }
    let options = Options {
        expand_common_core: how.expand,
    };
    let comparison = compare::compare(left, right, options);
    let fiches = Sides {
        left: left.fiche,
        right: right.fiche,
    };
    let output = match how.format {
        CompareFormat::Text => text::render(fiches, &comparison, text_width(how.width)),
        CompareFormat::Markdown => compare::markdown::render(fiches, &comparison),
        CompareFormat::Json => {
            serde_json::to_string_pretty(&comparison).expect("the comparison serialises") + "\n"
        }
    };
    write(&output)
}

fn write(output: &str) -> ExitCode {
    // A reader that stops early (`| head`) is not an error worth a panic.
    let _ = std::io::stdout().lock().write_all(output.as_bytes());
    ExitCode::SUCCESS
}

/// The parcours one argument names (`one`: the fiche of bare names); on
/// failure, explains on stderr.
fn side<'a>(
    catalogue: &'a Catalogue,
    one: Option<&'a Fiche>,
    name: Named<'_>,
) -> Result<Side<'a>, ()> {
    let (fiche, query) = match name {
        Named::Parcours(query) => (one.ok_or(())?, query),
        Named::FicheParcours(number, query) => {
            (super::find_fiche(catalogue, number).ok_or(())?, query)
        }
        Named::Fiche(number) => {
            let fiche = super::find_fiche(catalogue, number).ok_or(())?;
            match fiche.parcours.as_slice() {
                [only] => return Ok(Side::new(fiche, only)),
                several => {
                    eprintln!(
                        "rncp-explorer: la fiche {} a {} parcours : précisez lequel \
                         (« {}:{} ») ou comparez deux fiches (deux numéros). Parcours de la fiche :",
                        fiche.numero(),
                        several.len(),
                        escape_for_terminal(number),
                        several.first().map_or("", |p| p.id.as_str())
                    );
                    list_parcours(several.iter());
                    return Err(());
                }
            }
        }
    };
    Ok(Side::new(fiche, resolve(fiche, query)?))
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
        list_parcours(candidates.into_iter());
    })
}

fn list_parcours<'a>(candidates: impl Iterator<Item = &'a Parcours> + Clone) {
    let width = candidates.clone().map(|p| p.id.len()).max().unwrap_or(0);
    for p in candidates {
        eprintln!("  {:<width$}  {}", p.id, p.name);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_fiche_parcours_and_names_are_told_apart() {
        assert_eq!(named("37674"), Named::Fiche("37674"));
        assert_eq!(named("RNCP37674"), Named::Fiche("RNCP37674"));
        assert_eq!(named("rs 5000"), Named::Fiche("rs 5000"));
        // "RNCP:24759" is a number (the parser takes a colon after the prefix).
        assert_eq!(named("RNCP:24759"), Named::Fiche("RNCP:24759"));
        assert_eq!(
            named("24759:europe"),
            Named::FicheParcours("24759", "europe")
        );
        assert_eq!(
            named("RNCP24759:Europe et monde"),
            Named::FicheParcours("RNCP24759", "Europe et monde")
        );
        assert_eq!(named("europe"), Named::Parcours("europe"));
        assert_eq!(named("urbain:x"), Named::Parcours("urbain:x"));
    }
}
