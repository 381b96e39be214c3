//! "Conditions d'inscription à la certification": the routes table, its
//! juries, and the New Caledonia / French Polynesia rows.

use crate::model::{AccessRoute, Availability, RouteKind};

use super::text::Line;

/// Row labels, folded, and the route each names.
const ROUTES: &[(&str, RouteKind)] = &[
    (
        "apres un parcours de formation sous statut d'eleve ou d'etudiant",
        RouteKind::Student,
    ),
    ("en contrat d'apprentissage", RouteKind::Apprenticeship),
    (
        "apres un parcours de formation continue",
        RouteKind::ContinuingEducation,
    ),
    (
        "en contrat de professionnalisation",
        RouteKind::ProfessionalisationContract,
    ),
    (
        "par candidature individuelle",
        RouteKind::IndividualApplication,
    ),
    ("par experience dispositif vae", RouteKind::Vae),
    ("par experience", RouteKind::Vae),
];

/// The two territory rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Territory {
    NewCaledonia,
    FrenchPolynesia,
}

const TERRITORIES: &[(&str, Territory)] = &[
    ("accessible en nouvelle caledonie", Territory::NewCaledonia),
    ("accessible en nouvelle-caledonie", Territory::NewCaledonia),
    (
        "accessible en polynesie francaise",
        Territory::FrenchPolynesia,
    ),
];

/// What one line of the access section is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum AccessLine {
    Route(AccessRoute),
    /// A territory row; the text after its mark, if any, has no place in the model.
    Territory(Territory, Availability, Option<String>),
    /// The "Oui Non" column titles of the territory table.
    ColumnTitles,
    /// Anything else: jury text for the row above, if there is one.
    Other,
}

/// Reads one line of the access table.
///
/// The source's Oui/Non columns come through as a lone "X" whose column is
/// lost, so an "X" gives [`Availability::Unknown`]; a written "Oui"/"Non"
/// gives Yes/No. Text after the mark on the same line is the row's jury.
pub(crate) fn read(line: &Line) -> AccessLine {
    let key = line.key.trim_end_matches([' ', ':']);
    if key == "oui non" {
        return AccessLine::ColumnTitles;
    }
    for &(pattern, kind) in ROUTES {
        if let Some(rest) = row_rest(line, pattern) {
            // The label runs to the mark: "Par expérience dispositif VAE prévu en 2002 X".
            let rest = match mark_at(rest) {
                Some(at) => &rest[at..],
                None => "",
            };
            let label_end = line.text.len() - rest.len();
            let (open, jury) = mark(rest);
            return AccessLine::Route(AccessRoute {
                kind,
                label: line.text[..label_end].trim().to_string(),
                open,
                jury,
            });
        }
    }
    for &(pattern, territory) in TERRITORIES {
        if let Some(rest) = row_rest(line, pattern) {
            let (open, extra) = mark(rest);
            return AccessLine::Territory(territory, open, extra);
        }
    }
    AccessLine::Other
}

/// When `line` opens with the row label `pattern` (folded), the text after it.
fn row_rest<'a>(line: &'a Line, pattern: &str) -> Option<&'a str> {
    let rest = line.key.strip_prefix(pattern)?;
    if rest.chars().next().is_some_and(char::is_alphanumeric) {
        return None;
    }
    Some(line.text_from_key(line.key.len() - rest.len()))
}

/// Byte offset of the first Oui/Non/X word in `rest`.
fn mark_at(rest: &str) -> Option<usize> {
    let mut offset = 0;
    for word in rest.split(' ') {
        if matches!(word.to_lowercase().as_str(), "x" | "oui" | "non") {
            return Some(offset);
        }
        offset += word.len() + 1;
    }
    None
}

/// The Oui/Non mark at the start of `rest`, and any text after it (a jury).
fn mark(rest: &str) -> (Availability, Option<String>) {
    let rest = rest.trim();
    let (word, after) = match rest.split_once(' ') {
        Some((w, a)) => (w, a.trim()),
        None => (rest, ""),
    };
    let open = match word.to_lowercase().as_str() {
        "x" => Some(Availability::Unknown),
        "oui" => Some(Availability::Yes),
        "non" => Some(Availability::No),
        _ => None,
    };
    match open {
        Some(open) => (open, (!after.is_empty()).then(|| after.to_string())),
        None => (
            Availability::Unknown,
            (!rest.is_empty()).then(|| rest.to_string()),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::text::prepare;

    fn read_text(text: &str) -> AccessLine {
        read(&prepare(text, &mut Vec::new())[0])
    }

    #[test]
    fn a_row_with_a_lost_column_mark_is_unknown() {
        assert_eq!(
            read_text("Après un parcours de formation sous statut d'élève ou d'étudiant X"),
            AccessLine::Route(AccessRoute {
                kind: RouteKind::Student,
                label: "Après un parcours de formation sous statut d'élève ou d'étudiant".into(),
                open: Availability::Unknown,
                jury: None,
            })
        );
    }

    #[test]
    fn curly_apostrophes_and_written_answers_and_same_line_jury() {
        assert_eq!(
            read_text("En contrat d’apprentissage Non"),
            AccessLine::Route(AccessRoute {
                kind: RouteKind::Apprenticeship,
                label: "En contrat d’apprentissage".into(),
                open: Availability::No,
                jury: None,
            })
        );
        assert_eq!(
            read_text("Par expérience dispositif VAE Oui Jury de validation"),
            AccessLine::Route(AccessRoute {
                kind: RouteKind::Vae,
                label: "Par expérience dispositif VAE".into(),
                open: Availability::Yes,
                jury: Some("Jury de validation".into()),
            })
        );
    }

    #[test]
    fn the_label_runs_to_the_mark() {
        assert_eq!(
            read_text("Par expérience dispositif VAE prévu en 2002 X"),
            AccessLine::Route(AccessRoute {
                kind: RouteKind::Vae,
                label: "Par expérience dispositif VAE prévu en 2002".into(),
                open: Availability::Unknown,
                jury: None,
            })
        );
    }

    #[test]
    fn territory_rows_and_column_titles() {
        assert_eq!(
            read_text("Accessible en Nouvelle Calédonie X"),
            AccessLine::Territory(Territory::NewCaledonia, Availability::Unknown, None)
        );
        assert_eq!(
            read_text("Accessible en Polynésie Française Oui"),
            AccessLine::Territory(Territory::FrenchPolynesia, Availability::Yes, None)
        );
        assert_eq!(read_text("Oui Non"), AccessLine::ColumnTitles);
        assert_eq!(
            read_text("Jury composé des membres de l'équipe enseignante"),
            AccessLine::Other
        );
    }
}
