//! Small fiche fields: the authority row, levels, coded references.

use crate::model::CodeLabel;

use super::lists::strip_bullet;
use super::text::Line;

/// Words that open a signatory's title, folded ("M. Le Président…").
const SIGNATORY_OPENERS: &[&str] = &[
    "m. ",
    "mme ",
    "mlle ",
    "monsieur ",
    "madame ",
    "le president",
    "la presidente",
    "le directeur",
    "la directrice",
    "le recteur",
    "la rectrice",
    "le ministre",
    "la ministre",
    "le prefet",
    "la prefete",
];

/// One line of the authority row: the source's two columns (certifying body,
/// signatories' titles) arrive glued on one line. The signatories start at the
/// first civil or official title; they are separated by commas.
pub(crate) fn authority_line(line: &Line) -> (Option<String>, Vec<String>) {
    let key = line.key.as_str();
    let start = SIGNATORY_OPENERS
        .iter()
        .filter_map(|opener| {
            key.match_indices(opener)
                .map(|(i, _)| i)
                .find(|&i| i == 0 || key[..i].ends_with(' '))
        })
        .min();
    match start {
        None => (Some(line.text.clone()), Vec::new()),
        Some(at) => {
            let signatories = line.text_from_key(at);
            let organisation = line.text[..line.text.len() - signatories.len()].trim();
            (
                (!organisation.is_empty()).then(|| organisation.to_string()),
                split_names(signatories),
            )
        }
    }
}

/// Comma-separated names; a part starting in lower case continues the previous one.
fn split_names(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut depth = 0usize;
    let mut start = 0;
    let mut parts = Vec::new();
    for (i, c) in text.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            ',' if depth == 0 => {
                parts.push(&text[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&text[start..]);
    for part in parts {
        let part = part.trim();
        if part.is_empty() {
            continue;
        }
        match out.last_mut() {
            Some(last) if part.chars().next().is_some_and(char::is_lowercase) => {
                last.push_str(", ");
                last.push_str(part);
            }
            _ => out.push(part.to_string()),
        }
    }
    out
}

/// Which nomenclature a level line names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Level {
    Nomenclature1969(String),
    Europe(String),
}

/// "I (Nomenclature de 1969)", "7 (Nomenclature Europe)".
pub(crate) fn level(line: &Line) -> Option<Level> {
    let key = line.key.trim_end_matches([' ', '.']);
    let (suffix, make): (&str, fn(String) -> Level) = if key.ends_with("(nomenclature de 1969)") {
        ("(nomenclature de 1969)", Level::Nomenclature1969)
    } else if key.ends_with("(nomenclature europe)") {
        ("(nomenclature europe)", Level::Europe)
    } else {
        return None;
    };
    let value_key = key[..key.len() - suffix.len()].trim_end();
    let value = line.text[..line.text.len() - line.text_from_key(value_key.len()).len()]
        .trim()
        .trim_start_matches("Niveau")
        .trim();
    (!value.is_empty()).then(|| make(value.to_string()))
}

/// "128 Droit, sciences politiques", "• K1401 : Conception…": a code (a token
/// holding a digit) and its label.
pub(crate) fn code_label(text: &str) -> Option<CodeLabel> {
    let (_, body) = strip_bullet(text);
    let (code, rest) = match body.split_once(' ') {
        Some((c, r)) => (c, r),
        None => (body, ""),
    };
    let code = code.trim_end_matches([':', ',', '-']);
    if code.is_empty() || !code.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    let label = rest.trim().trim_start_matches([':', '-', '–', '—']).trim();
    Some(CodeLabel {
        code: code.to_string(),
        label: label.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::text::prepare;

    fn line(text: &str) -> Line {
        prepare(text, &mut Vec::new()).remove(0)
    }

    #[test]
    fn the_authority_row_splits_body_from_signatories() {
        let (org, sig) = authority_line(&line(
            "Université Lille 2 droit et santé M. Le Président de l'Université Lille 2, Monsieur le recteur de l'académie de Lille",
        ));
        assert_eq!(org.as_deref(), Some("Université Lille 2 droit et santé"));
        assert_eq!(
            sig,
            [
                "M. Le Président de l'Université Lille 2",
                "Monsieur le recteur de l'académie de Lille"
            ]
        );
        let (org, sig) = authority_line(&line("Université de Nulle-Part"));
        assert_eq!(org.as_deref(), Some("Université de Nulle-Part"));
        assert!(sig.is_empty());
    }

    #[test]
    fn levels_in_both_nomenclatures() {
        assert_eq!(
            level(&line("I (Nomenclature de 1969)")),
            Some(Level::Nomenclature1969("I".into()))
        );
        assert_eq!(
            level(&line("Niveau 7 (Nomenclature Europe)")),
            Some(Level::Europe("7".into()))
        );
        assert_eq!(level(&line("Licence")), None);
    }

    #[test]
    fn codes_with_labels() {
        assert_eq!(
            code_label("  • K1401 : Conception et pilotage de la politique des pouvoirs publics"),
            Some(CodeLabel {
                code: "K1401".into(),
                label: "Conception et pilotage de la politique des pouvoirs publics".into()
            })
        );
        assert_eq!(
            code_label("128 Droit, sciences politiques"),
            Some(CodeLabel {
                code: "128".into(),
                label: "Droit, sciences politiques".into()
            })
        );
        assert_eq!(code_label("Droit, sciences politiques"), None);
    }
}
