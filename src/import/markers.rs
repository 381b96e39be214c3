//! Per-parcours markers: "En suivant le parcours « … »", "Les compétences
//! acquises via le parcours « … »", "Secteur d'activité visé par le parcours
//! « … »", "Types d'emplois accessibles du parcours « … »" (lists), and
//! "PARCOURS « … » :" (curriculum blocks). "spécialité" works like "parcours".

use super::lists::strip_bullet;
use super::text::{Line, squash};

/// Which list of a parcours a marker opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ListField {
    Activities,
    Competences,
    Sectors,
    Jobs,
}

/// A list marker: the list, and the parcours it names (`None`: the fiche has
/// no parcours, or the list applies to all).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ListMarker {
    pub field: ListField,
    pub parcours: Option<String>,
}

/// Words that name a track in a fiche ("parcours", "spécialité", "option").
const TRACK_WORDS: [&str; 3] = ["parcours", "specialite", "option"];

/// Markers without a parcours name are short lines; longer ones are prose.
const MAX_UNNAMED_MARKER_WORDS: usize = 14;

fn has_track_word(key: &str) -> bool {
    key.split(|c: char| !c.is_alphanumeric())
        .any(|w| TRACK_WORDS.contains(&w))
}

/// The list marker `line` is, if any. A marker ends with ":" and does not
/// start with a bullet; a named one quotes its parcours in « » (or "…", “…”).
pub(crate) fn list_marker(line: &Line) -> Option<ListMarker> {
    if !line.text.ends_with(':') || strip_bullet(&line.text).0 {
        return None;
    }
    let key = line.key.as_str();
    let field = if key.starts_with("secteur") {
        ListField::Sectors
    } else if (key.starts_with("type") || key.starts_with("emploi")) && key.contains("emploi") {
        ListField::Jobs
    } else if key.contains("competence") {
        ListField::Competences
    } else if key.contains("activite") {
        ListField::Activities
    } else {
        return None;
    };
    match quoted_name(&line.text) {
        Some(name) if has_track_word(key) => Some(ListMarker {
            field,
            parcours: Some(name),
        }),
        Some(_) => None,
        None if has_track_word(key) => None,
        None if key.split_whitespace().count() <= MAX_UNNAMED_MARKER_WORDS => Some(ListMarker {
            field,
            parcours: None,
        }),
        None => None,
    }
}

/// "PARCOURS « Europe » :" / "Spécialité Droit public :" opening a curriculum block.
pub(crate) fn block_marker(line: &Line) -> Option<String> {
    let key = line.key.as_str();
    let word = TRACK_WORDS.iter().find(|w| {
        key.strip_prefix(**w)
            .is_some_and(|rest| !rest.starts_with(|c: char| c.is_alphanumeric()))
    })?;
    if let Some(name) = quoted_name(&line.text) {
        return Some(name);
    }
    // Unquoted: "Parcours Droit public :" — the whole rest, if the line is a title.
    if !line.text.ends_with(':') {
        return None;
    }
    let rest = line.text_from_key(word.len());
    let name = squash(
        rest.trim_end_matches([':', ' '])
            .trim_start_matches([':', ' ', '-']),
    );
    (!name.is_empty()).then_some(name)
}

/// The text between the first opening quote and the last closing one.
pub(crate) fn quoted_name(text: &str) -> Option<String> {
    let (open, close) = if text.contains('«') {
        ('«', '»')
    } else if text.contains('“') {
        ('“', '”')
    } else {
        ('"', '"')
    };
    let start = text.find(open)? + open.len_utf8();
    let end = text.rfind(close)?;
    if end < start {
        return None;
    }
    let name = squash(&text[start..end]);
    (!name.is_empty()).then_some(name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::text::prepare;

    fn line(text: &str) -> Line {
        prepare(text, &mut Vec::new()).remove(0)
    }

    fn marker(text: &str) -> Option<ListMarker> {
        list_marker(&line(text))
    }

    fn named(field: ListField, name: &str) -> Option<ListMarker> {
        Some(ListMarker {
            field,
            parcours: Some(name.into()),
        })
    }

    #[test]
    fn the_four_seed_markers() {
        assert_eq!(
            marker(
                "En suivant le parcours « Communication publique et démocratie participative », le titulaire de cette certification peut exercer les activités suivantes :"
            ),
            named(
                ListField::Activities,
                "Communication publique et démocratie participative"
            )
        );
        assert_eq!(
            marker(
                "Les compétences acquises via le parcours « European Policies and Project Management »,\u{a0} sont les suivantes :"
            ),
            named(
                ListField::Competences,
                "European Policies and Project Management"
            )
        );
        assert_eq!(
            marker(
                "Secteur d’activité visé par le parcours « Solidarité internationale, action humanitaire et crises » :"
            ),
            named(
                ListField::Sectors,
                "Solidarité internationale, action humanitaire et crises"
            )
        );
        assert_eq!(
            marker("Types d’emplois accessibles du parcours « Métiers de la recherche » :"),
            named(ListField::Jobs, "Métiers de la recherche")
        );
    }

    #[test]
    fn specialite_works_like_parcours() {
        assert_eq!(
            marker(
                "En suivant la spécialité « Droit public », le titulaire peut exercer les activités suivantes :"
            ),
            named(ListField::Activities, "Droit public")
        );
        assert_eq!(
            block_marker(&line("SPÉCIALITÉ « Droit public » :")),
            Some("Droit public".into())
        );
    }

    #[test]
    fn unnamed_markers_for_a_fiche_without_parcours() {
        assert_eq!(
            marker("Le titulaire de cette certification peut exercer les activités suivantes :"),
            Some(ListMarker {
                field: ListField::Activities,
                parcours: None
            })
        );
        assert_eq!(
            marker("Secteurs d'activité :"),
            Some(ListMarker {
                field: ListField::Sectors,
                parcours: None
            })
        );
    }

    #[test]
    fn list_items_are_not_markers() {
        assert_eq!(
            marker("Secteur privé : agences de communication, bureau d’études"),
            None
        );
        assert_eq!(marker("- Secteur public :"), None);
        assert_eq!(marker("Chargé de mission Europe"), None);
    }

    #[test]
    fn block_markers_quoted_and_unquoted() {
        assert_eq!(
            block_marker(&line(
                "PARCOURS « European Policies and Project Management » :"
            )),
            Some("European Policies and Project Management".into())
        );
        assert_eq!(
            block_marker(&line("Parcours Droit des affaires :")),
            Some("Droit des affaires".into())
        );
        assert_eq!(
            block_marker(&line("Parcours professionnels en entreprise")),
            None
        );
        assert_eq!(block_marker(&line("Parcoursup")), None);
    }
}
