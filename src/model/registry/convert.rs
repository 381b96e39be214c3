//! A registry record becomes a `Fiche`: the common fields are filled from the
//! record, the record itself rides along in `Fiche::registry`. The mapping is
//! documented in `docs/registry.md`.

use crate::model::{
    Access, AccessRoute, Authority, Availability, CodeLabel, Fiche, LegalBase, Levels, MoreInfo,
    Parcours, RouteKind,
};

use super::text::{Item, Text};
use super::types::{Coded, DecreeKind, Record, Voie};

/// The route each `SI_JURY_*` describes, and the wording the RNCP site uses for it.
fn route(voie: Voie) -> (RouteKind, &'static str) {
    match voie {
        Voie::Fi => (
            RouteKind::Student,
            "Après un parcours de formation sous statut d'élève ou d'étudiant",
        ),
        Voie::Ca => (RouteKind::Apprenticeship, "En contrat d'apprentissage"),
        Voie::Fc => (
            RouteKind::ContinuingEducation,
            "Après un parcours de formation continue",
        ),
        Voie::Cq => (
            RouteKind::ProfessionalisationContract,
            "En contrat de professionnalisation",
        ),
        Voie::Cl => (
            RouteKind::IndividualApplication,
            "Par candidature individuelle",
        ),
        Voie::Vae => (RouteKind::Vae, "Par expérience dispositif VAE"),
    }
}

/// The RNCP site's wording of an access route (for the detail pane and `show`).
pub fn route_label(voie: Voie) -> &'static str {
    route(voie).1
}

fn availability(value: Option<bool>) -> Availability {
    match value {
        Some(true) => Availability::Yes,
        Some(false) => Availability::No,
        None => Availability::Unknown,
    }
}

fn codes(list: &[Coded]) -> Vec<CodeLabel> {
    list.iter()
        .map(|c| CodeLabel {
            code: c.code.clone(),
            label: c.label.clone(),
        })
        .collect()
}

/// The list entries of a text field (paragraphs and bullets, not the lines
/// that introduce them).
fn entries(text: &Option<Text>) -> Vec<String> {
    text.iter()
        .flat_map(|t| &t.items)
        .filter(|i| i.is_entry())
        // List punctuation ("télécommunications ;") is not part of the entry;
        // the record keeps the item as written.
        .map(|i| i.text().trim_end_matches([';', ',', ' ']).to_string())
        .filter(|t| !t.is_empty())
        .collect()
}

/// Builds the fiche for `record` (which it keeps in `registry`).
pub fn to_fiche(record: Record) -> Fiche {
    let name = implicit_name(&record.intitule);
    let id = crate::model::ids::derive_id(&name);
    let short_name = Some(crate::model::ids::short_name(&name, &id));
    let mut competences = entries(&record.capacities);
    if competences.is_empty() {
        competences = record
            .blocs
            .iter()
            .flat_map(|b| entries(&b.competences))
            .collect();
    }
    let parcours = Parcours {
        id,
        name,
        short_name,
        activities: entries(&record.activities),
        competences,
        sectors: entries(&record.sectors),
        jobs: record.jobs.as_ref().map(job_titles).unwrap_or_default(),
        semesters: Vec::new(),
    };
    let routes = record
        .juries
        .iter()
        .map(|j| {
            let (kind, label) = route(j.route);
            AccessRoute {
                kind,
                label: label.to_string(),
                open: availability(j.open),
                jury: j.composition.clone(),
            }
        })
        .collect();
    let decree = |kind: DecreeKind| {
        let titles: Vec<&str> = record
            .publications
            .iter()
            .filter(|p| p.kind == kind)
            .filter_map(|p| p.title.as_deref())
            .collect();
        (!titles.is_empty()).then(|| titles.join(" ; "))
    };
    let conventions = record
        .conventions
        .iter()
        .filter_map(|c| c.label.clone().or_else(|| c.number.clone()))
        .chain(record.idcc.iter().map(|c| {
            if c.label.is_empty() {
                format!("IDCC {}", c.code)
            } else {
                format!("IDCC {} : {}", c.code, c.label)
            }
        }))
        .collect();
    Fiche {
        rncp_code: record.numero.number.clone(),
        intitule: record.intitule.clone(),
        authority: Authority {
            organisations: record.certifiers.iter().map(|c| c.name.clone()).collect(),
            signatories: Vec::new(),
        },
        levels: Levels {
            nomenclature_1969: None,
            europe: record
                .europe_level
                .as_ref()
                .and_then(|l| l.level)
                .map(|l| l.to_string()),
        },
        conventions,
        nsf: codes(&record.nsf),
        formacodes: codes(&record.formacodes),
        rome: codes(&record.rome),
        common_semesters: Vec::new(),
        parcours: vec![parcours],
        access: Access {
            routes,
            new_caledonia: availability(record.new_caledonia),
            french_polynesia: availability(record.french_polynesia),
        },
        validity: record.validity.clone(),
        related_certifications: Vec::new(),
        international_agreements: Vec::new(),
        legal_base: LegalBase {
            general_decree: decree(DecreeKind::General),
            creation_order: decree(DecreeKind::Creation),
            vae_decree: None,
            other: decree(DecreeKind::Other),
        },
        more_info: MoreInfo {
            other_sources: record.description_url.iter().cloned().collect(),
            ..MoreInfo::default()
        },
        registry: Some(Box::new(record)),
    }
}

/// Same rule as the text importer's implicit parcours: the intitulé after the
/// diploma's kind, i.e. after its first " : ".
fn implicit_name(intitule: &str) -> String {
    match intitule.split_once(" : ") {
        Some((_, name)) if !name.trim().is_empty() => name.trim().to_string(),
        _ => intitule.to_string(),
    }
}

/// A job title has at most this many words; longer pieces are prose.
const MAX_JOB_WORDS: usize = 10;

/// The job titles of `TYPE_EMPLOI_ACCESSIBLES`, one by one: each bullet, and
/// in prose the comma lists ("… les appellations suivantes : concepteur
/// lumière, créateur lumière, éclairagiste.") split into titles.
pub fn job_titles(text: &Text) -> Vec<String> {
    let mut out = Vec::new();
    for item in &text.items {
        match item {
            Item::Header(_) | Item::LeadIn(_) => {}
            Item::Bullet(_, t) => match short_list(t) {
                Some(list) => out.extend(list),
                None if !is_etc(tidy(t)) => out.push(tidy(t).to_string()),
                None => {}
            },
            Item::Paragraph(t) => {
                for sentence in sentences(t) {
                    // "… les appellations suivantes : a, b, c": the list is after the colon.
                    let list = match colon_outside_parentheses(sentence) {
                        Some(colon) => short_list(&sentence[colon + 1..]),
                        None => short_list(sentence),
                    };
                    out.extend(list.unwrap_or_default());
                }
            }
        }
    }
    out.retain(|t| !t.is_empty());
    out
}

/// The last ':' that is not inside parentheses ("(ex : coopératives, …)" has none).
fn colon_outside_parentheses(text: &str) -> Option<usize> {
    let mut depth = 0i32;
    let mut found = None;
    for (i, c) in text.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            ':' if depth <= 0 => found = Some(i),
            _ => {}
        }
    }
    found
}

/// Sentences of a paragraph: cut after ". " before a capital.
fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, _) in text.match_indices(". ") {
        let next = text[i + 2..].chars().next();
        if next.is_some_and(char::is_uppercase) {
            out.push(&text[start..=i]);
            start = i + 2;
        }
    }
    out.push(&text[start..]);
    out
}

/// Splits `text` at commas and semicolons outside parentheses when every
/// piece is short enough to be a title; `None` otherwise.
fn short_list(text: &str) -> Option<Vec<String>> {
    let mut pieces = Vec::new();
    let mut depth = 0i32;
    let mut start = 0;
    for (i, c) in text.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            ',' | ';' if depth <= 0 => {
                pieces.push(&text[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    pieces.push(&text[start..]);
    let pieces: Vec<&str> = pieces
        .into_iter()
        .map(tidy)
        .filter(|p| !p.is_empty() && !is_etc(p))
        .collect();
    let short = |p: &&str| p.split_whitespace().count() <= MAX_JOB_WORDS;
    (!pieces.is_empty() && pieces.iter().all(short))
        .then(|| pieces.iter().map(|p| p.to_string()).collect())
}

fn is_etc(piece: &str) -> bool {
    matches!(
        piece.trim_end_matches(['.', '…', ')', ' ']),
        "etc" | "Etc" | ""
    )
}

/// A title without list punctuation around it.
fn tidy(text: &str) -> &str {
    text.trim()
        .trim_end_matches(['.', ',', ';', ' ', '…'])
        .trim_start_matches(['-', ' '])
        .trim()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::registry::text::structure;

    fn jobs(text: &str) -> Vec<String> {
        job_titles(&structure(text).unwrap())
    }

    #[test]
    fn comma_lists_after_a_lead_in_become_titles() {
        assert_eq!(
            jobs(
                "Ce professionnel peut prétendre à des emplois qui peuvent recouvrir les appellations suivantes dans le spectacle : concepteur lumière, créateur lumière, éclairagiste."
            ),
            vec!["concepteur lumière", "créateur lumière", "éclairagiste"]
        );
        assert_eq!(
            jobs(
                "À titre indicatif, les appellations les plus fréquentes sont : administrateur systèmes et réseaux, technicien réseaux, etc."
            ),
            vec!["administrateur systèmes et réseaux", "technicien réseaux"]
        );
    }

    #[test]
    fn bullets_are_titles_and_prose_is_not() {
        assert_eq!(
            jobs(
                "* Développeur d'applications, développeur informatique      * Ingénieur d’études (R&D, SI),"
            ),
            vec![
                "Développeur d'applications",
                "développeur informatique",
                "Ingénieur d’études (R&D, SI)"
            ]
        );
        assert_eq!(
            jobs(
                "Il exerce dans une organisation privée ou hybride (ex : coopératives, associations, etc.). Par exemple : Chef de projet en SI, Responsable qualité, etc."
            ),
            vec!["Chef de projet en SI", "Responsable qualité"]
        );
        assert!(jobs("Le manager intermédiaire exerce dans tout type de fonctions et de départements d’une organisation qui le demande.").is_empty());
    }
}
