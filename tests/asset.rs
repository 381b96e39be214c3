//! The embedded asset is a faithful transcription of the seed fiche
//! (tests/fixtures/rncp-24759.txt): counts, UE lists and exact wording.

use rncp_explorer::model::{Availability, Course, Fiche, RouteKind, embedded};

fn fiche() -> Fiche {
    embedded()
}

#[test]
fn six_parcours_with_the_documented_ids() {
    let ids: Vec<_> = fiche().parcours.iter().map(|p| p.id.clone()).collect();
    assert_eq!(
        ids,
        [
            "communication",
            "europe",
            "urbain",
            "collectivites",
            "recherche",
            "humanitaire"
        ]
    );
}

#[test]
fn list_counts_per_parcours_match_the_seed() {
    let f = fiche();
    let counts: Vec<_> = f
        .parcours
        .iter()
        .map(|p| {
            (
                p.id.as_str(),
                p.activities.len(),
                p.competences.len(),
                p.sectors.len(),
                p.jobs.len(),
            )
        })
        .collect();
    assert_eq!(
        counts,
        [
            ("communication", 5, 13, 3, 9),
            ("europe", 3, 9, 4, 6),
            ("urbain", 4, 7, 5, 6),
            ("collectivites", 4, 12, 2, 6),
            ("recherche", 3, 6, 3, 2),
            ("humanitaire", 4, 9, 4, 9),
        ]
    );
    let total = |get: fn(&rncp_explorer::model::Parcours) -> usize| -> usize {
        f.parcours.iter().map(get).sum()
    };
    assert_eq!(total(|p| p.activities.len()), 23);
    assert_eq!(total(|p| p.competences.len()), 56);
    assert_eq!(total(|p| p.sectors.len()), 21);
    assert_eq!(total(|p| p.jobs.len()), 38);
}

/// (semester, code, title, ects, choose) of one UE.
type UeRow = (u8, String, String, Option<u32>, Option<u32>);

/// Every UE of a parcours' curriculum.
fn ue_table(f: &Fiche, id: &str) -> Vec<UeRow> {
    let p = f.parcours_by_id(id).unwrap();
    f.curriculum(p)
        .iter()
        .flat_map(|s| {
            s.semester.ues.iter().map(move |ue| {
                (
                    s.semester.number,
                    ue.code.clone(),
                    ue.title.clone(),
                    ue.ects,
                    ue.choose,
                )
            })
        })
        .collect()
}

fn row(s: u8, code: &str, title: &str, ects: Option<u32>, choose: Option<u32>) -> UeRow {
    (s, code.into(), title.into(), ects, choose)
}

#[test]
fn there_are_49_ue_lines() {
    let f = fiche();
    let common: usize = f.common_semesters.iter().map(|s| s.ues.len()).sum();
    let own: usize = f
        .parcours
        .iter()
        .flat_map(|p| &p.semesters)
        .map(|s| s.ues.len())
        .sum();
    assert_eq!(common + own, 49);
}

#[test]
fn common_core_ues_match_the_seed() {
    let table = ue_table(&fiche(), "communication");
    assert_eq!(
        &table[..6],
        &[
            row(1, "UE 1", "Enseignements fondamentaux", Some(11), None),
            row(1, "UE 2", "Enseignements spécialisés", Some(6), Some(2)),
            row(
                1,
                "UE 3",
                "Expériences de recherche et professionnalisation",
                Some(11),
                None
            ),
            row(2, "UE 4", "Enseignements fondamentaux", Some(11), None),
            row(2, "UE 5", "Enseignements spécialisés", Some(6), Some(2)),
            row(
                2,
                "UE 6",
                "Expériences de recherche et professionnalisation",
                Some(11),
                None
            ),
        ]
    );
}

#[test]
fn europe_ues_belong_to_semesters_3_and_4_despite_the_missing_heading() {
    let table = ue_table(&fiche(), "europe");
    assert_eq!(
        &table[6..],
        &[
            row(
                3,
                "UE 7",
                "Initiatives et simulations collectives",
                Some(8),
                None
            ),
            row(
                3,
                "UE 8",
                "Action internationale des collectivités territoriales",
                Some(8),
                None
            ),
            row(
                3,
                "UE 9",
                "European politics and policy-making",
                Some(8),
                None
            ),
            row(
                3,
                "UE 10",
                "Construction des parcours professionnels",
                Some(6),
                None
            ),
            row(
                4,
                "UE 11",
                "EU projects: Bases on EU law and budget",
                Some(4),
                None
            ),
            row(
                4,
                "UE 12",
                "EU projects: From design to evaluation",
                Some(4),
                None
            ),
            row(
                4,
                "UE 13",
                "EU projects: Networking and communication",
                Some(4),
                None
            ),
            row(4, "UE 14", "Unité professionnelle", Some(18), None),
        ]
    );
}

#[test]
fn each_parcours_own_ues_match_the_seed() {
    let f = fiche();
    let own = |id: &str| -> Vec<_> { ue_table(&f, id)[6..].to_vec() };
    assert_eq!(
        own("communication"),
        [
            row(
                3,
                "UE 7",
                "Initiatives et simulations collectives",
                Some(8),
                None
            ),
            row(
                3,
                "UE 8",
                "Politique et action publique locales",
                Some(8),
                None
            ),
            row(
                3,
                "UE 9",
                "Droit de la communication et de la démocratie locale",
                Some(8),
                None
            ),
            row(
                3,
                "UE 10",
                "Construction des parcours professionnels",
                Some(6),
                None
            ),
            row(4, "UE 11", "Démocratie participative", Some(10), None),
            row(4, "UE 12", "Communication publique", Some(10), None),
            row(4, "UE 13", "Unité professionnelle", Some(10), None),
        ]
    );
    assert_eq!(
        own("urbain"),
        [
            row(
                3,
                "UE 7",
                "Initiatives et simulations collectives",
                Some(8),
                None
            ),
            row(
                3,
                "UE 8",
                "Politique et action publique locales",
                Some(8),
                None
            ),
            row(3, "UE 9", "Connaître et gouverner la ville", Some(8), None),
            row(
                3,
                "UE 10",
                "Construction des parcours professionnels",
                Some(6),
                None
            ),
            row(4, "UE 11", "Développement de projets", Some(8), None),
            row(
                4,
                "UE 12",
                "Politiques publiques territoriales",
                Some(12),
                None
            ),
            row(4, "UE 13", "Unité professionnelle", Some(10), None),
        ]
    );
    assert_eq!(
        own("collectivites"),
        [
            row(
                3,
                "UE 7",
                "Initiatives et simulations collectives",
                Some(8),
                None
            ),
            row(
                3,
                "UE 8",
                "Politique et action publique locale",
                Some(8),
                None
            ),
            row(3, "UE 9", "Ressources humaines", Some(8), None),
            row(
                3,
                "UE 10",
                "Construction des parcours professionnels",
                Some(6),
                None
            ),
            row(
                4,
                "UE 11",
                "Gestion des services publics locaux",
                Some(8),
                None
            ),
            row(
                4,
                "UE 12",
                "Instruments d’aide à la décision",
                Some(6),
                None
            ),
            row(4, "UE 13", "Ateliers : mise en pratique", Some(6), None),
            row(4, "UE 14", "Unité professionnelle", Some(10), None),
        ]
    );
    assert_eq!(
        own("recherche"),
        [
            row(
                3,
                "UE 7",
                "Initiatives et simulations collectives",
                Some(8),
                None
            ),
            row(3, "UE 8", "Séminaires de recherche", Some(24), Some(6)),
            row(
                3,
                "UE 9",
                "Découverte de la recherche et professionnalisation",
                None,
                None
            ),
            row(3, "UE 10", "Aide à la recherche", None, None),
            row(4, "UE 11", "Pratique de la recherche", None, None),
            row(4, "UE 12", "Découverte de la recherche", None, None),
        ]
    );
    assert_eq!(
        own("humanitaire"),
        [
            row(
                3,
                "UE 7",
                "Initiatives et simulations collectives",
                Some(8),
                None
            ),
            row(
                3,
                "UE 8",
                "Action internationale des collectivités territoriales",
                Some(8),
                None
            ),
            row(3, "UE 9", "Humanitarian Project Management", Some(8), None),
            row(
                3,
                "UE 10",
                "Construction des parcours professionnels",
                Some(6),
                None
            ),
            row(
                4,
                "UE 11",
                "Enjeux politiques et juridiques de la gestion des crises",
                Some(10),
                None
            ),
            row(
                4,
                "UE 12",
                "Les acteurs de l'aide et leurs pratiques",
                Some(10),
                None
            ),
            row(4, "UE 13", "Unité professionnelle", Some(10), None),
        ]
    );
}

#[test]
fn alternatives_and_optional_courses_are_structured() {
    let f = fiche();
    let ue1 = &f.common_semesters[0].ues[0];
    assert_eq!(
        ue1.courses[3],
        Course::OneOf(vec![
            "TD Sociologie de l'action publique".into(),
            "La mondialisation : enjeux et impact".into()
        ])
    );
    let ue6 = &f.common_semesters[1].ues[2];
    assert_eq!(
        ue6.courses.last(),
        Some(&Course::Optional(
            "Stage optionnel (4 semaine minimum)".into()
        ))
    );
    let collectivites = f.parcours_by_id("collectivites").unwrap();
    let stage = &collectivites.semesters[1].ues[3].courses[0];
    assert_eq!(
        stage,
        &Course::OneOf(vec![
            "Stage (12 semaines minimum)".into(),
            "Mémoire (et soutenance)".into()
        ])
    );
}

#[test]
fn course_lists_keep_commas_inside_parentheses_and_split_sentences() {
    let f = fiche();
    let urbain = f.parcours_by_id("urbain").unwrap();
    let titles = |ue: &rncp_explorer::model::Ue| -> Vec<String> {
        ue.courses.iter().map(|c| c.label()).collect()
    };
    assert_eq!(
        titles(&urbain.semesters[0].ues[2]),
        [
            "Politiques urbaines comparées",
            "Morphologie urbaine contemporaine"
        ]
    );
    assert_eq!(
        titles(&urbain.semesters[0].ues[3]),
        [
            "Projet de spécialité",
            "Ateliers CV, lettres, entretiens, communication Web",
            "Outils de la recherche (méthodes, statistiques, bases de données)"
        ]
    );
    let s2 = &f.common_semesters[1];
    assert_eq!(titles(&s2.ues[1])[1], "Environnement, santé et politique");
}

#[test]
fn exact_wording_with_accents_and_apostrophes() {
    let f = fiche();
    let communication = f.parcours_by_id("communication").unwrap();
    assert_eq!(communication.jobs[1], "Directeur ou chef de cabinet d’élu");
    assert_eq!(
        communication.activities[0],
        "Pilotage de la communication d’une collectivité locale"
    );
    let europe = f.parcours_by_id("europe").unwrap();
    assert_eq!(
        europe.competences[0],
        "repérer les opportunités de financement européen"
    );
    assert_eq!(europe.jobs[5], "lobbyiste");
    let collectivites = f.parcours_by_id("collectivites").unwrap();
    assert_eq!(
        collectivites.competences[8],
        "Savoir élaborer un tableau de bord (en finances ou en achat public)"
    );
    assert_eq!(
        f.parcours_by_id("recherche").unwrap().competences[5],
        "soutenir un mémoire et présenter à l’oral des résultats de recherche"
    );
    assert_eq!(
        f.rome[2].label,
        "Mise en œuvre et pilotage de la politique des pouvoirs publics"
    );
}

#[test]
fn identity_access_and_legal_base() {
    let f = fiche();
    assert_eq!(f.rncp_code, "24759");
    assert_eq!(f.intitule, "MASTER : MASTER Science Politique");
    assert_eq!(
        f.authority.organisations,
        ["Université Lille 2 droit et santé"]
    );
    assert_eq!(f.levels.nomenclature_1969.as_deref(), Some("I"));
    assert_eq!(f.levels.europe.as_deref(), Some("7"));
    assert_eq!(f.nsf[0].code, "128");
    let rome: Vec<_> = f.rome.iter().map(|r| r.code.as_str()).collect();
    assert_eq!(rome, ["K1401", "M1403", "K1404", "K1802"]);
    assert!(f.formacodes.is_empty() && f.conventions.is_empty());
    let kinds: Vec<_> = f
        .access
        .routes
        .iter()
        .map(|r| (r.kind, r.jury.is_some()))
        .collect();
    assert_eq!(
        kinds,
        [
            (RouteKind::Student, true),
            (RouteKind::Apprenticeship, false),
            (RouteKind::ContinuingEducation, true),
            (RouteKind::ProfessionalisationContract, false),
            (RouteKind::IndividualApplication, true),
            (RouteKind::Vae, true),
        ]
    );
    // The Oui/Non marks are lost in the source: nothing may claim otherwise.
    assert!(
        f.access
            .routes
            .iter()
            .all(|r| r.open == Availability::Unknown)
    );
    assert_eq!(f.access.new_caledonia, Availability::Unknown);
    assert_eq!(f.validity.as_deref(), Some("illimitée"));
    assert_eq!(
        f.legal_base.creation_order.as_deref(),
        Some("Arrêté du 13 Juillet 2015")
    );
    assert_eq!(f.more_info.statistics, ["http://univ-lille2.fr/ofse"]);
}

#[test]
fn no_string_keeps_source_whitespace_artefacts() {
    let mut bad = Vec::new();
    rncp_explorer::model::sanitize::for_each_string(&fiche(), &mut |path, text| {
        if text.contains('\u{a0}')
            || text.contains("  ")
            || text.trim() != text
            || text.ends_with(',')
        {
            bad.push(format!("{path}: {text:?}"));
        }
    });
    assert!(bad.is_empty(), "{bad:#?}");
}
