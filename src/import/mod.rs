//! `import`: an RNCP fiche's text ("résumé descriptif", as copied from the
//! registry) into the data model. Pure: text in, [`Fiche`] and warnings out.
//!
//! Nothing is dropped silently: every non-blank line ends up in the model or
//! in a [`Warning`] that names its line. What is recognised, and how, is
//! documented in `docs/import.md`.

mod access;
mod builder;
mod composantes;
mod courses;
mod fields;
mod headings;
mod ids;
mod lists;
mod markers;
mod text;
mod ue;

use std::fmt;

use crate::model::Fiche;

pub use crate::model::ids::{derive_id, is_valid_id, short_name};

/// How to import.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportOptions {
    /// Parcours id overrides, `(key, id)`: the key names a parcours by its
    /// full name, its derived id, or words of its name (see `docs/import.md`).
    pub ids: Vec<(String, String)>,
    /// A fiche imported or written before: when it has the same RNCP code,
    /// parcours with the same name keep its ids and short names, so that a
    /// re-import does not rename what users already know (`--id` still wins).
    pub reference: Option<Fiche>,
}

/// A fiche read from text, with what could not be placed or was guessed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Imported {
    pub fiche: Fiche,
    pub warnings: Vec<Warning>,
}

/// A line the importer could not place in the model, or a guess it made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// 1-based line of the input.
    pub line: usize,
    pub message: String,
}

/// Why no fiche could be built.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportError {
    /// 1-based line of the input; `None` only for errors in the options.
    pub line: Option<usize>,
    pub message: String,
}

impl ImportError {
    pub(crate) fn at(line: usize, message: impl Into<String>) -> Self {
        Self {
            line: Some(line),
            message: message.into(),
        }
    }

    pub(crate) fn options(message: impl Into<String>) -> Self {
        Self {
            line: None,
            message: message.into(),
        }
    }
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ligne {} : {}", self.line, self.message)
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "ligne {line} : {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for ImportError {}

/// The fiche as RON for humans: one field per line, strings unescaped (raw
/// strings only where a `"` needs it), loadable by `model::parse_str`.
pub fn to_ron(fiche: &Fiche) -> String {
    let config = ron::ser::PrettyConfig::new().escape_strings(false);
    ron::ser::to_string_pretty(fiche, config).expect("the model always serialises")
}

/// Reads a fiche from its text.
pub fn import(text: &str, options: &ImportOptions) -> Result<Imported, ImportError> {
    let mut warnings = Vec::new();
    let lines = text::prepare(text, &mut warnings);
    let mut draft = builder::Draft::default();
    for line in &lines {
        if line.text.is_empty() {
            continue;
        }
        draft.read(line, &mut warnings);
    }
    let fiche = draft.finish(options, lines.len(), &mut warnings)?;
    warnings.sort_by_key(|w| w.line);
    Ok(Imported { fiche, warnings })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Course, parse_str};

    const HEAD: &str = "Résumé descriptif de la certification Code RNCP : 123\n\nIntitulé\n\nMASTER : MASTER Essai\n\n";

    fn read(body: &str) -> Imported {
        import(&format!("{HEAD}{body}"), &ImportOptions::default()).expect("imports")
    }

    fn loads(fiche: &Fiche) {
        parse_str(&to_ron(fiche), "test").expect("the import loads back");
    }

    #[test]
    fn a_fiche_without_parcours_has_one_implicit_parcours_holding_the_semesters() {
        let imported = read(
            "Résumé du référentiel d'emploi ou éléments de compétence acquis\n\
             Le titulaire de cette certification peut exercer les activités suivantes :\n\
             - Conseil\n\
             Descriptif des composantes de la certification :\n\
             Semestre 1\n\
             UE 1 Bases (30 ECTS) : Droit civil\n",
        );
        let fiche = &imported.fiche;
        assert_eq!(fiche.parcours.len(), 1);
        let p = &fiche.parcours[0];
        assert_eq!(p.name, "MASTER Essai");
        assert_eq!(p.id, "essai");
        assert_eq!(p.activities, ["Conseil"]);
        assert!(fiche.common_semesters.is_empty());
        assert_eq!(p.semesters[0].ues[0].title, "Bases");
        assert!(imported.warnings.is_empty(), "{:?}", imported.warnings);
        loads(fiche);
    }

    #[test]
    fn specialite_markers_and_apostrophe_variants_name_one_parcours() {
        let imported = read(
            "Résumé du référentiel d'emploi ou éléments de compétence acquis\n\
             En suivant la spécialité « Droit de l’environnement », le titulaire peut exercer les activités suivantes :\n\
             - Audit\n\
             Descriptif des composantes de la certification :\n\
             SPÉCIALITÉ « Droit de l'environnement » :\n\
             Semestre 3\n\
             UE 7 Eau (30 ECTS) : Droit de l’eau\n",
        );
        let fiche = &imported.fiche;
        assert_eq!(fiche.parcours.len(), 1);
        assert_eq!(fiche.parcours[0].name, "Droit de l’environnement");
        assert_eq!(fiche.parcours[0].activities, ["Audit"]);
        assert_eq!(fiche.parcours[0].semesters[0].number, 3);
        loads(fiche);
    }

    #[test]
    fn lists_given_once_apply_to_every_parcours() {
        let fiche = read(
            "Secteurs d'activité ou types d'emplois accessibles par le détenteur de ce diplôme\n\
             Secteurs d'activité :\n\
             - Collectivités\n\
             Types d'emplois accessibles du parcours « A » :\n\
             - Juriste\n\
             Types d'emplois accessibles du parcours « B » :\n\
             - Avocat\n",
        )
        .fiche;
        let sectors: Vec<&[String]> = fiche.parcours.iter().map(|p| &p.sectors[..]).collect();
        assert_eq!(sectors, [["Collectivités"], ["Collectivités"]]);
        assert_eq!(fiche.parcours[1].jobs, ["Avocat"]);
    }

    #[test]
    fn a_wrapped_ue_line_is_joined_and_reparsed() {
        let fiche = read(
            "Descriptif des composantes de la certification :\n\
             Semestre 1\n\
             UE 1 Méthodes (2 au choix) (30 ECTS) : Statistique, Enquête de\n\
             terrain, Cartographie ou Démographie\n",
        )
        .fiche;
        let ue = &fiche.parcours[0].semesters[0].ues[0];
        assert_eq!(ue.choose, Some(2));
        assert_eq!(
            ue.courses,
            [
                Course::Course("Statistique".into()),
                Course::Course("Enquête de terrain".into()),
                Course::OneOf(vec!["Cartographie".into(), "Démographie".into()]),
            ]
        );
    }

    #[test]
    fn a_curriculum_without_its_title_is_read_not_filed_as_jobs() {
        let imported = read(
            "Secteurs d'activité ou types d'emplois accessibles par le détenteur de ce diplôme\n\
             Types d'emplois accessibles :\n\
             Juriste\n\
             Semestre 1\n\
             UE 1 Bases (30 ECTS) : Droit\n",
        );
        let p = &imported.fiche.parcours[0];
        assert_eq!(p.jobs, ["Juriste"]);
        assert_eq!(p.semesters[0].ues[0].code, "UE 1");
        assert_eq!(imported.warnings.len(), 1);
        assert_eq!(imported.warnings[0].line, 10);
    }

    #[test]
    fn text_glued_to_a_title_row_is_reported() {
        let imported = read("Codes des fiches ROME les plus proches : K1401 Conception\n");
        assert_eq!(imported.warnings.len(), 1);
        assert_eq!(imported.warnings[0].line, 7);
    }

    #[test]
    fn a_semester_declared_in_the_core_and_a_parcours_is_a_located_error() {
        let text = format!(
            "{HEAD}Descriptif des composantes de la certification :\n\
             Semestre 1\nUE 1 A (30 ECTS) : B\n\
             PARCOURS « P » :\nSemestre 1\nUE 2 C (30 ECTS) : D\n"
        );
        let e = import(&text, &ImportOptions::default()).unwrap_err();
        assert_eq!(e.line, Some(10));
        assert!(e.message.contains("semestre 1"), "{}", e.message);
    }

    #[test]
    fn control_characters_are_removed_and_reported() {
        let imported = read("Validité des composantes acquises : illi\u{1b}[2Jmitée\u{200b}\n");
        assert_eq!(imported.fiche.validity.as_deref(), Some("illi[2Jmitée"));
        assert_eq!(imported.warnings.len(), 1);
        assert_eq!(imported.warnings[0].line, 7);
        assert!(imported.warnings[0].message.contains("U+001B"));
        loads(&imported.fiche);
    }

    #[test]
    fn text_without_code_or_title_is_an_error_on_a_line() {
        let e = import("", &ImportOptions::default()).unwrap_err();
        assert_eq!(e.line, Some(1));
        let e = import("Code RNCP : 5\n\n", &ImportOptions::default()).unwrap_err();
        assert!(e.message.contains("intitulé"));
        assert!(e.line.is_some());
    }
}
