//! The fiche's headings: which line opens which section, and the value some
//! headings carry on the same line ("Validité des composantes acquises : illimitée").

use super::text::Line;

/// A section of the fiche, as opened by a heading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Section {
    /// Before any heading.
    Preamble,
    /// Page furniture ("Imprimer", the registry's name): nothing to keep.
    Chrome,
    /// "Résumé descriptif de la certification Code RNCP : …".
    Header,
    Intitule,
    Authority,
    Levels,
    Conventions,
    Nsf,
    Formacodes,
    /// "Résumé du référentiel…" and "Secteurs d'activité ou types d'emplois…":
    /// per-parcours lists opened by markers.
    Lists,
    Rome,
    /// "Modalités d'accès à cette certification": a title with nothing under it.
    Modalites,
    Composantes,
    Validity,
    Access,
    Links(Links),
    LegalBase,
    Legal(LegalField),
    MoreInfo,
    MoreInfoList(MoreInfoField),
    History,
}

/// "Liens avec d'autres certifications" and "Accords européens ou
/// internationaux" share one table row in the source: when both titles are on
/// one line, the column of what follows is lost.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Links {
    Related,
    Agreements,
    Both,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LegalField {
    General,
    Creation,
    Vae,
    Other,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum MoreInfoField {
    Statistics,
    OtherSources,
    CertificationPlaces,
    PreparationPlaces,
}

/// How a heading's pattern meets the folded line.
#[derive(Clone, Copy)]
enum Match {
    /// The whole line (a trailing colon allowed).
    Exact,
    /// The line starts with the pattern; the rest belongs to the heading.
    Prefix,
    /// The pattern, then nothing or a colon and an optional value.
    Field,
}

/// Where a heading is recognised: anywhere, or only inside a parent section
/// (so that a list item starting with "Statistiques" is not a heading elsewhere).
#[derive(Clone, Copy, PartialEq)]
enum Scope {
    Anywhere,
    Legal,
    MoreInfo,
}

struct Rule {
    pattern: &'static str,
    how: Match,
    scope: Scope,
    section: Section,
}

const fn rule(pattern: &'static str, how: Match, scope: Scope, section: Section) -> Rule {
    Rule {
        pattern,
        how,
        scope,
        section,
    }
}

use Match::{Exact, Field, Prefix};
use Scope::Anywhere;

/// Longer patterns first where one is a prefix of another.
const RULES: &[Rule] = &[
    rule("imprimer", Exact, Anywhere, Section::Chrome),
    rule(
        "le repertoire national des certifications professionnelles",
        Prefix,
        Anywhere,
        Section::Chrome,
    ),
    rule(
        "resume descriptif de la certification",
        Prefix,
        Anywhere,
        Section::Header,
    ),
    rule("code rncp", Field, Anywhere, Section::Header),
    rule("intitule", Field, Anywhere, Section::Intitule),
    rule(
        "autorite responsable de la certification",
        Prefix,
        Anywhere,
        Section::Authority,
    ),
    rule(
        "niveau et/ou domaine d'activite",
        Prefix,
        Anywhere,
        Section::Levels,
    ),
    rule("convention(s)", Field, Anywhere, Section::Conventions),
    rule("code(s) nsf", Field, Anywhere, Section::Nsf),
    rule("formacode(s)", Field, Anywhere, Section::Formacodes),
    rule(
        "resume du referentiel d'emploi",
        Prefix,
        Anywhere,
        Section::Lists,
    ),
    rule(
        "secteurs d'activite ou types d'emplois accessibles",
        Prefix,
        Anywhere,
        Section::Lists,
    ),
    rule("codes des fiches rome", Prefix, Anywhere, Section::Rome),
    rule(
        "modalites d'acces a cette certification",
        Exact,
        Anywhere,
        Section::Modalites,
    ),
    rule(
        "descriptif des composantes de la certification",
        Field,
        Anywhere,
        Section::Composantes,
    ),
    rule(
        "validite des composantes acquises",
        Field,
        Anywhere,
        Section::Validity,
    ),
    rule(
        "conditions d'inscription a la certification",
        Prefix,
        Anywhere,
        Section::Access,
    ),
    rule(
        "liens avec d'autres certifications accords europeens ou internationaux",
        Exact,
        Anywhere,
        Section::Links(Links::Both),
    ),
    rule(
        "liens avec d'autres certifications",
        Field,
        Anywhere,
        Section::Links(Links::Related),
    ),
    rule(
        "accords europeens ou internationaux",
        Field,
        Anywhere,
        Section::Links(Links::Agreements),
    ),
    rule("base legale", Exact, Anywhere, Section::LegalBase),
    rule(
        "reference du decret general",
        Field,
        Scope::Legal,
        Section::Legal(LegalField::General),
    ),
    rule(
        "reference arrete creation (ou date 1er arrete enregistrement)",
        Field,
        Scope::Legal,
        Section::Legal(LegalField::Creation),
    ),
    rule(
        "reference arrete creation",
        Field,
        Scope::Legal,
        Section::Legal(LegalField::Creation),
    ),
    rule(
        "reference du decret et/ou arrete vae",
        Field,
        Scope::Legal,
        Section::Legal(LegalField::Vae),
    ),
    rule(
        "references autres",
        Field,
        Scope::Legal,
        Section::Legal(LegalField::Other),
    ),
    rule(
        "pour plus d'informations",
        Exact,
        Anywhere,
        Section::MoreInfo,
    ),
    rule(
        "statistiques",
        Field,
        Scope::MoreInfo,
        Section::MoreInfoList(MoreInfoField::Statistics),
    ),
    rule(
        "autres sources d'information",
        Field,
        Scope::MoreInfo,
        Section::MoreInfoList(MoreInfoField::OtherSources),
    ),
    rule(
        "lieu(x) de certification",
        Field,
        Scope::MoreInfo,
        Section::MoreInfoList(MoreInfoField::CertificationPlaces),
    ),
    rule(
        "lieu(x) de preparation a la certification declares par l'organisme certificateur",
        Field,
        Scope::MoreInfo,
        Section::MoreInfoList(MoreInfoField::PreparationPlaces),
    ),
    rule(
        "lieu(x) de preparation a la certification",
        Field,
        Scope::MoreInfo,
        Section::MoreInfoList(MoreInfoField::PreparationPlaces),
    ),
    rule(
        "historique de la certification",
        Field,
        Anywhere,
        Section::History,
    ),
];

/// A recognised heading, with the text it carries after its colon or title.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Heading {
    pub section: Section,
    /// Same-line content ("illimitée", "24759", the rest of a column-title row).
    pub value: Option<String>,
}

fn scope_of(section: Section) -> Scope {
    match section {
        Section::LegalBase | Section::Legal(_) => Scope::Legal,
        Section::MoreInfo | Section::MoreInfoList(_) => Scope::MoreInfo,
        _ => Anywhere,
    }
}

/// The heading `line` is, if any, given the section it appears in.
pub(crate) fn classify(line: &Line, current: Section) -> Option<Heading> {
    let here = scope_of(current);
    let key = line.key.as_str();
    for r in RULES {
        if r.scope != Anywhere && r.scope != here {
            continue;
        }
        let Some(rest) = key.strip_prefix(r.pattern) else {
            continue;
        };
        if rest.chars().next().is_some_and(char::is_alphanumeric) {
            continue;
        }
        let rest_at = key.len() - rest.len();
        let value = match r.how {
            Exact => {
                if !rest.trim_end_matches([' ', ':']).is_empty() {
                    continue;
                }
                None
            }
            Prefix => non_empty(line.text_from_key(rest_at)),
            Field => {
                let trimmed = rest.trim_start();
                if trimmed.is_empty() {
                    None
                } else if let Some(after) = trimmed.strip_prefix(':') {
                    let at = key.len() - after.len();
                    non_empty(line.text_from_key(at))
                } else {
                    continue;
                }
            }
        };
        return Some(Heading {
            section: r.section,
            value,
        });
    }
    None
}

fn non_empty(text: &str) -> Option<String> {
    let t = text.trim();
    (!t.is_empty()).then(|| t.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::text::prepare;

    fn classify_text(text: &str, current: Section) -> Option<Heading> {
        let lines = prepare(text, &mut Vec::new());
        classify(&lines[0], current)
    }

    #[test]
    fn field_headings_carry_their_same_line_value() {
        let h = classify_text(
            "Validité des composantes acquises\u{a0}:\u{a0} illimitée",
            Section::Access,
        )
        .unwrap();
        assert_eq!(h.section, Section::Validity);
        assert_eq!(h.value.as_deref(), Some("illimitée"));
        let h = classify_text("Code(s) NSF\u{a0}:\u{a0}", Section::Levels).unwrap();
        assert_eq!(h.section, Section::Nsf);
        assert_eq!(h.value, None);
    }

    #[test]
    fn prefix_headings_keep_the_rest_of_the_title_row() {
        let h = classify_text(
            "Résumé descriptif de la certification Code RNCP : 24759",
            Section::Preamble,
        )
        .unwrap();
        assert_eq!(h.section, Section::Header);
        assert_eq!(h.value.as_deref(), Some("Code RNCP : 24759"));
    }

    #[test]
    fn sub_headings_only_count_inside_their_section() {
        assert!(classify_text("Statistiques : ", Section::Lists).is_none());
        assert_eq!(
            classify_text("Statistiques : ", Section::MoreInfo)
                .unwrap()
                .section,
            Section::MoreInfoList(MoreInfoField::Statistics)
        );
        assert_eq!(
            classify_text(
                "Référence arrêté création (ou date 1er arrêté enregistrement) : ",
                Section::Legal(LegalField::General)
            )
            .unwrap()
            .section,
            Section::Legal(LegalField::Creation)
        );
    }

    #[test]
    fn a_heading_word_inside_a_sentence_is_not_a_heading() {
        assert!(classify_text("Intitulé du poste visé", Section::Lists).is_none());
        assert!(classify_text("Imprimer les documents", Section::Lists).is_none());
    }
}
