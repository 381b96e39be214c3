//! `rncp-explorer list [facets] [--sort numero|intitule|fin] [--json]`: one
//! line per fiche of the catalogue — number, level, répertoire, active or
//! not, end of registration, intitulé — narrowed by the facets the search
//! shares (`facet_args.rs`). Reads `Catalogue::summaries()` only, never the
//! full records. Exit 1 when no fiche passes the facets.

use std::io::Write;
use std::process::ExitCode;

use clap::ValueEnum;
use serde::Serialize;

use rncp_explorer::app::view::strings as s;
use rncp_explorer::model::Catalogue;
use rncp_explorer::model::FicheSummary;
use rncp_explorer::model::facets::{FacetFilter, Facets};
use rncp_explorer::model::normalize::fold_str;
use rncp_explorer::model::sanitize::escape_for_terminal;

/// `--sort`: the order of the lines (default: the sources' order).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SortArg {
    /// Par répertoire puis numéro.
    Numero,
    /// Par intitulé (sans accents ni casse).
    Intitule,
    /// Par fin d'enregistrement, la plus proche d'abord ; sans date à la fin.
    Fin,
}

/// One fiche, as `--json` writes it (field names documented in `docs/cli.md`).
#[derive(Debug, Serialize)]
struct Line<'a> {
    numero: String,
    /// `RNCP` or `RS`.
    repertoire: &'static str,
    intitule: &'a str,
    /// European level 1..=8, `null` when the fiche has none.
    niveau: Option<u8>,
    /// `null` when the data does not say (a RON fiche the export does not list).
    actif: Option<bool>,
    /// `"JJ/MM/AAAA"` or `null`.
    fin_enregistrement: Option<String>,
    /// `ABREGE` code ("BTS", "MASTER") or `null`.
    abrege: Option<&'a str>,
    nsf: &'a [String],
    rome: &'a [String],
    certificateurs: Vec<&'a str>,
}

impl<'a> Line<'a> {
    fn of(f: &'a FicheSummary) -> Line<'a> {
        Line {
            numero: f.numero.to_string(),
            repertoire: f.numero.repertoire.prefix(),
            intitule: &f.intitule,
            niveau: f.level,
            actif: f.active,
            fin_enregistrement: f.end_of_registration.map(|d| d.to_string()),
            abrege: f.abbreviation.as_deref(),
            nsf: &f.nsf,
            rome: &f.rome,
            certificateurs: f.certifiers.iter().map(|c| c.name.as_str()).collect(),
        }
    }
}

/// The summaries passing `facets`, in `sort` order (the sources' without one).
pub fn select<'a>(
    catalogue: &'a Catalogue,
    facets: &Facets,
    sort: Option<SortArg>,
) -> Vec<&'a FicheSummary> {
    let filter = FacetFilter::new(facets);
    let mut rows: Vec<&FicheSummary> = catalogue
        .summaries()
        .iter()
        .filter(|f| filter.accepts(f))
        .collect();
    match sort {
        None => {}
        Some(SortArg::Numero) => rows.sort_by(|a, b| a.numero.cmp(&b.numero)),
        Some(SortArg::Intitule) => rows.sort_by_cached_key(|f| fold_str(&f.intitule)),
        Some(SortArg::Fin) => rows.sort_by_key(|f| {
            let end = f.end_of_registration;
            (end.is_none(), end)
        }),
    }
    rows
}

pub fn run(catalogue: &Catalogue, facets: &Facets, sort: Option<SortArg>, json: bool) -> ExitCode {
    let rows = select(catalogue, facets, sort);
    if let Err(code) = super::stdout::write_with(|out| write(out, &rows, json)) {
        return code;
    }
    if rows.is_empty() {
        eprintln!("rncp-explorer: {}", s::LIST_NONE);
        return ExitCode::from(1);
    }
    ExitCode::SUCCESS
}

/// The lines (a whole registry is 30 000 of them), or the JSON array.
fn write(out: &mut dyn Write, rows: &[&FicheSummary], json: bool) -> std::io::Result<()> {
    if json {
        let lines: Vec<Line> = rows.iter().map(|f| Line::of(f)).collect();
        serde_json::to_writer_pretty(&mut *out, &lines)?;
        writeln!(out)
    } else {
        rows.iter()
            .try_for_each(|f| writeln!(out, "{}", text_line(f)))
    }
}

/// `RNCP37674 ⇥ 5 ⇥ RNCP ⇥ active ⇥ 31/12/2027 ⇥ Développeur web…`; a
/// missing level or date is "-", an unknown state "?".
fn text_line(f: &FicheSummary) -> String {
    format!(
        "{}\t{}\t{}\t{}\t{}\t{}",
        f.numero,
        f.level.map_or_else(|| "-".to_string(), |l| l.to_string()),
        f.numero.repertoire.prefix(),
        s::list_state(f.active),
        f.end_of_registration
            .map_or_else(|| "-".to_string(), |d| d.to_string()),
        escape_for_terminal(&f.intitule),
    )
}
