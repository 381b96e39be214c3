//! Ranking on the real samples (8 RNCP and 5 RS fiches of the export, and
//! the embedded RNCP 24759): what a student or an adviser would type, with
//! typos, acronyms and no accents; each finds its certification in the top 3.

use super::tests_catalogue::{all, numbers};
use crate::model::facets::Facets;

/// (typed, the certification it is about, facets).
fn cases() -> Vec<(&'static str, &'static str, Facets)> {
    let active = Facets::default;
    vec![
        // Abbreviated, no accents.
        ("dev web", "RNCP37674", active()),
        // A typo (one "p"), and no accents.
        ("developeur web", "RNCP37674", active()),
        // Letters left out.
        ("devlopeur web mobile", "RNCP37674", active()),
        ("concepteur d'applications", "RNCP36490", active()),
        // The job, not the title.
        ("ingenieur logiciel", "RNCP35419", all()),
        ("cyber securite", "RNCP37488", active()),
        ("cybersecu", "RNCP37488", active()),
        // A typo in a word of the title.
        ("amiente navire", "RS7485", active()),
        ("premiers secours", "RS5719", active()),
        // A word of a competence, in the plural there.
        ("secouriste", "RS5719", active()),
        ("prof d'anglais celta", "RS6547", active()),
        // A typo, and an RS fiche that is no longer active.
        ("blokchain", "RS5000", all()),
        // A job of the fiche.
        ("eclairagiste theatre", "RNCP35625", all()),
        ("regisseur lumiere", "RNCP35625", all()),
        ("ecole de commerce management", "RNCP34762", all()),
        ("conducteur de travaux", "RNCP35809", active()),
        ("chef de chantier batiment", "RNCP35809", active()),
        // Acronyms: the diploma's kind, a sector.
        ("BTS batiment", "RNCP35809", active()),
        ("BTP", "RNCP35809", active()),
        ("titre pro developpeur web", "RNCP37674", active()),
        // The embedded Master, words in any order.
        ("science politique master", "RNCP24759", active()),
        ("chef de projet europeen", "RNCP24759", active()),
        ("collaborateur d'elu", "RNCP24759", active()),
        ("lobiste", "RNCP24759", active()),
        // Words found in different items of one fiche.
        ("reseau informatique installateur", "RNCP37488", active()),
        // No fiche holds both words: the one holding most comes.
        ("formateur anglais", "RS6547", active()),
    ]
}

#[test]
fn what_users_type_finds_its_certification_in_the_top_three() {
    let mut failures = Vec::new();
    for (typed, expected, facets) in cases() {
        let found = numbers(typed, facets, 3);
        if !found.iter().any(|n| n == expected) {
            failures.push(format!("{typed:?}: {expected} not in {found:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn there_are_enough_cases() {
    assert!(cases().len() >= 15);
}

#[test]
fn a_number_or_a_rome_code_comes_first() {
    assert_eq!(numbers("37674", all(), 1), ["RNCP37674"]);
    assert_eq!(numbers("RS 5719", all(), 1), ["RS5719"]);
    let rome = numbers("M1805", all(), 10);
    assert_eq!(rome.len(), 4);
    assert!(
        rome.iter()
            .all(|n| ["RNCP35419", "RNCP36490", "RNCP37674", "RNCP37873"].contains(&n.as_str()))
    );
}

#[test]
fn short_queries_match_word_starts_not_scattered_letters() {
    use crate::search::{Filter, Query};
    let (_, index) = super::tests_catalogue::samples();
    // "VAE": the acronym or its expansion, never v…a…e scattered.
    let q = Query::new("VAE", Filter::All).with_facets(all());
    for hit in index.search(&q).hits {
        let text = crate::model::normalize::fold_str(index.text(hit.id));
        assert!(
            text.contains("vae") || text.contains("validation"),
            "{text}"
        );
    }
    // "in": words starting with "in" only.
    let q = Query::new("in", Filter::All).with_facets(all());
    for hit in index.search(&q).hits {
        let text = crate::model::normalize::fold_str(index.text(hit.id));
        let starts = text
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| w.starts_with("in"));
        assert!(starts, "{text}");
    }
}
