//! `check` on the embedded fiche yields exactly the known quirks of the source.

use rncp_explorer::check::{Severity, check, has_errors};
use rncp_explorer::model::embedded;

#[test]
fn findings_on_the_embedded_fiche_are_exactly_the_known_ones() {
    let fiche = embedded();
    let findings = check(&fiche);
    let lines: Vec<String> = findings
        .iter()
        .map(|f| {
            format!(
                "{} | {} | {}",
                f.rule,
                f.location.display(&fiche),
                f.message
            )
        })
        .collect();
    assert_eq!(
        lines,
        [
            "semester-ects | Tronc commun › Semestre 1 | 28 ECTS au lieu de 30",
            "semester-ects | Tronc commun › Semestre 2 | 28 ECTS au lieu de 30",
            "sector-as-job | Communication | ligne de secteur reprise telle quelle dans les emplois : « Collaboration auprès d’élus politiques (cabinets, groupes politiques, assistance parlementaire…) »",
            "sector-as-job | Communication | ligne de secteur reprise telle quelle dans les emplois : « Collectivités locales »",
            "sector-as-job | Communication | ligne de secteur reprise telle quelle dans les emplois : « Secteur privé : agences de communication, bureau d’études ou consultants dans le domaine de la concertation »",
            "total-ects | Communication | 116 ECTS sur l'ensemble du parcours au lieu de 120",
            "total-ects | Europe | 116 ECTS sur l'ensemble du parcours au lieu de 120",
            "total-ects | Urbain | 116 ECTS sur l'ensemble du parcours au lieu de 120",
            "total-ects | Collectivités | 116 ECTS sur l'ensemble du parcours au lieu de 120",
            "semester-ects | Recherche › Semestre 3 | ≥ 32 ECTS (2 UE sans ECTS) au lieu de 30",
            "ue-without-ects | Recherche › Semestre 3 › UE 9 | « Découverte de la recherche et professionnalisation » : pas d'ECTS",
            "ue-without-ects | Recherche › Semestre 3 › UE 10 | « Aide à la recherche » : pas d'ECTS",
            "semester-ects | Recherche › Semestre 4 | ? ECTS (2 UE sans ECTS) au lieu de 30",
            "ue-without-ects | Recherche › Semestre 4 › UE 11 | « Pratique de la recherche » : pas d'ECTS",
            "ue-without-ects | Recherche › Semestre 4 › UE 12 | « Découverte de la recherche » : pas d'ECTS",
            "total-ects | Recherche | ≥ 88 ECTS (4 UE sans ECTS) sur l'ensemble du parcours au lieu de 120",
            "total-ects | Humanitaire | 116 ECTS sur l'ensemble du parcours au lieu de 120",
        ]
    );
    assert!(findings.iter().all(|f| f.severity == Severity::Warning));
    assert!(!has_errors(&findings));
}

#[test]
fn a_duplicate_item_a_numbering_gap_and_an_empty_list_are_reported() {
    let mut fiche = embedded();
    let europe = fiche
        .parcours
        .iter_mut()
        .find(|p| p.id == "europe")
        .unwrap();
    europe.jobs.push("Lobbyiste ".into());
    europe.sectors.clear();
    europe.semesters[1].ues[2].code = "UE 15".into();
    let findings = check(&fiche);
    let about_europe: Vec<_> = findings
        .iter()
        .filter(|f| f.location.parcours.as_deref() == Some("europe"))
        .map(|f| f.rule)
        .collect();
    assert!(about_europe.contains(&"duplicate-item"), "{about_europe:?}");
    assert!(about_europe.contains(&"empty-list"), "{about_europe:?}");
    assert!(about_europe.contains(&"ue-numbering"), "{about_europe:?}");
}

#[test]
fn a_ue_code_used_twice_is_an_error() {
    let mut fiche = embedded();
    let urbain = fiche
        .parcours
        .iter_mut()
        .find(|p| p.id == "urbain")
        .unwrap();
    urbain.semesters[1].ues[0].code = "UE 7".into();
    let findings = check(&fiche);
    assert!(has_errors(&findings));
    let error = findings
        .iter()
        .find(|f| f.severity == Severity::Error)
        .unwrap();
    assert_eq!(error.location.display(&fiche), "Urbain › Semestre 4 › UE 7");
}
