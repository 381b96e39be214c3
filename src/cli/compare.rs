//! `rncp-explorer compare A B [--format text|markdown|json] [--expand]`:
//! two parcours side by side. The comparison is `rncp_explorer::compare`;
//! this file resolves the names and hands the rows to a renderer.

mod markdown;
mod text;

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use clap::ValueEnum;

use rncp_explorer::compare::{self, Options, Side, UeSide, Unresolved, UnresolvedKind};
use rncp_explorer::export::ects_fr;
use rncp_explorer::model::sanitize::escape_for_terminal;
use rncp_explorer::model::{EctsSum, Fiche, Parcours};

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
        CompareFormat::Markdown => markdown::render(fiche, &comparison),
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

/// "UE 7 · Initiatives et simulations collectives (8 ECTS)", with the elective rule if any.
fn ue_label(ue: &UeSide) -> String {
    let mut details = ects_fr(ue.ects);
    if let Some(k) = ue.choose {
        details.push_str(&format!(", {k} au choix"));
    }
    format!("{} · {} ({details})", ue.code, ue.title)
}

/// "28", "≥ 12" or "?" when some UE gives none, "—" for a semester a side does not have.
fn ects_cell(ects: Option<EctsSum>) -> String {
    ects.map_or_else(|| "—".to_string(), |n| n.to_string())
}

/// "Semestres 1 et 2", "Semestre 1", "Semestres 1, 2 et 3".
fn semesters_label(numbers: &[u8]) -> String {
    match numbers {
        [] => String::new(),
        [one] => format!("Semestre {one}"),
        [init @ .., last] => {
            let init: Vec<String> = init.iter().map(u8::to_string).collect();
            format!("Semestres {} et {last}", init.join(", "))
        }
    }
}

/// The summary as (label, left, right) lines, shared by the text and Markdown renderers.
fn summary_rows(c: &compare::Comparison) -> Vec<(String, String, String)> {
    let s = &c.summary;
    let both = |label: &str, l: String, r: String| (label.to_string(), l, r);
    let mut rows = vec![
        both("UE", s.ues.left.to_string(), s.ues.right.to_string()),
        both(
            "dont communes",
            format!("{} · {} ECTS", s.shared_ues, s.shared_ects.left),
            format!("{} · {} ECTS", s.shared_ues, s.shared_ects.right),
        ),
    ];
    if let Some(core) = &c.maquette.common_core {
        let cell = format!("{} · {} ECTS", core.ues, core.ects);
        rows.push(both("dont tronc commun", cell.clone(), cell));
    }
    for e in &s.semester_ects {
        rows.push(both(
            &format!("ECTS semestre {}", e.number),
            ects_cell(e.left),
            ects_cell(e.right),
        ));
    }
    rows.push(both(
        "ECTS au total",
        ects_cell(Some(s.total_ects.left)),
        ects_cell(Some(s.total_ects.right)),
    ));
    for (label, counts) in [
        ("Compétences", s.competences),
        ("Secteurs", s.sectors),
        ("Emplois", s.jobs),
    ] {
        let cell = |own: usize| format!("{} ({} en commun)", counts.shared + own, counts.shared);
        rows.push(both(label, cell(counts.left), cell(counts.right)));
    }
    rows
}

/// "avertissement : Tronc commun › Semestre 1 : 28 ECTS au lieu de 30".
fn finding_line(fiche: &Fiche, f: &rncp_explorer::check::Finding) -> String {
    let severity = match f.severity {
        rncp_explorer::check::Severity::Warning => "avertissement",
        rncp_explorer::check::Severity::Error => "erreur",
    };
    format!("{severity} : {} : {}", f.location.display(fiche), f.message)
}

/// The three lists in display order, with their French headings.
fn lists(c: &compare::Comparison) -> [(&'static str, &[compare::Row<String>]); 3] {
    [
        ("Compétences", &c.competences),
        ("Secteurs", &c.sectors),
        ("Emplois", &c.jobs),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn semesters_label_reads_as_french() {
        assert_eq!(semesters_label(&[1]), "Semestre 1");
        assert_eq!(semesters_label(&[1, 2]), "Semestres 1 et 2");
        assert_eq!(semesters_label(&[1, 2, 3]), "Semestres 1, 2 et 3");
    }
}
