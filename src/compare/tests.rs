//! The similarity rule and the alignment on the real fiche (RNCP 24759).

use super::*;
use crate::model::{Fiche, embedded};

const ALL: [&str; 6] = [
    "communication",
    "europe",
    "urbain",
    "collectivites",
    "recherche",
    "humanitaire",
];

fn ue<'a>(fiche: &'a Fiche, parcours: &str, code: &str) -> &'a Ue {
    fiche
        .parcours_by_id(parcours)
        .unwrap()
        .semesters
        .iter()
        .flat_map(|s| &s.ues)
        .find(|ue| ue.code == code)
        .unwrap_or_else(|| panic!("{parcours} has {code}"))
}

fn cmp(fiche: &Fiche, a: &str, b: &str) -> Comparison {
    compare(
        Side::new(fiche, fiche.parcours_by_id(a).unwrap()),
        Side::new(fiche, fiche.parcours_by_id(b).unwrap()),
        Options::default(),
    )
}

/// The codes of the shared UEs in semester `n`.
fn shared_codes(c: &Comparison, n: u8) -> Vec<String> {
    c.maquette
        .semesters
        .iter()
        .find(|s| s.number == n)
        .unwrap()
        .ues
        .iter()
        .filter(|u| u.status == Status::Shared)
        .map(|u| u.left.as_ref().unwrap().code.clone())
        .collect()
}

fn pairs() -> impl Iterator<Item = (&'static str, &'static str)> {
    ALL.iter()
        .enumerate()
        .flat_map(|(i, a)| ALL[i + 1..].iter().map(move |b| (*a, *b)))
}

#[test]
fn all_six_share_ue_7() {
    let fiche = embedded();
    for (a, b) in pairs() {
        assert!(
            same_ue(ue(&fiche, a, "UE 7"), ue(&fiche, b, "UE 7")),
            "{a}/{b}"
        );
        assert!(shared_codes(&cmp(&fiche, a, b), 3).contains(&"UE 7".to_string()));
    }
}

#[test]
fn five_share_ue_10_but_not_recherche() {
    let fiche = embedded();
    for (a, b) in pairs() {
        let shared = same_ue(ue(&fiche, a, "UE 10"), ue(&fiche, b, "UE 10"));
        let expected = a != "recherche" && b != "recherche";
        assert_eq!(shared, expected, "{a}/{b}");
    }
    assert_eq!(
        ue(&fiche, "urbain", "UE 10").title,
        "Construction des parcours professionnels"
    );
}

#[test]
fn local_policy_ue_8_is_shared_despite_spelling_drift() {
    let fiche = embedded();
    for (a, b) in [
        ("communication", "urbain"),
        ("communication", "collectivites"),
        ("urbain", "collectivites"),
    ] {
        let c = cmp(&fiche, a, b);
        let s3 = &c.maquette.semesters.iter().find(|s| s.number == 3).unwrap();
        let ue8 = s3
            .ues
            .iter()
            .find(|u| u.left.as_ref().is_some_and(|l| l.code == "UE 8"))
            .unwrap();
        assert_eq!(ue8.status, Status::Shared, "{a}/{b}");
        // "Métier d'élu" ≈ "Le métier d'élu", "Institutions…" ≈ "institutions…".
        assert!(
            ue8.courses.iter().all(|r| r.status == Status::Shared),
            "{a}/{b}: {:?}",
            ue8.courses
        );
        assert_eq!(ue8.courses.len(), 2);
    }
    // The drift is real in the data: each side keeps its own wording.
    let c = cmp(&fiche, "communication", "collectivites");
    let ue8 = &c.maquette.semesters[0].ues[1];
    assert_eq!(
        ue8.left.as_ref().unwrap().title,
        "Politique et action publique locales"
    );
    assert_eq!(
        ue8.right.as_ref().unwrap().title,
        "Politique et action publique locale"
    );
    assert_eq!(ue8.courses[1].right.as_deref(), Some("Le métier d’élu"));
}

#[test]
fn europe_and_humanitaire_share_their_ue_8() {
    let fiche = embedded();
    let c = cmp(&fiche, "europe", "humanitaire");
    assert_eq!(shared_codes(&c, 3), ["UE 7", "UE 8", "UE 10"]);
}

#[test]
fn international_action_and_local_policy_stay_apart() {
    let fiche = embedded();
    assert!(!same_ue(
        ue(&fiche, "europe", "UE 8"),
        ue(&fiche, "urbain", "UE 8")
    ));
    let c = cmp(&fiche, "europe", "urbain");
    assert_eq!(shared_codes(&c, 3), ["UE 7", "UE 10"]);
    let s3 = &c.maquette.semesters[0];
    let one_sided: Vec<(Status, &str)> = s3
        .ues
        .iter()
        .filter(|u| u.status != Status::Shared)
        .map(|u| {
            let side = u.left.as_ref().or(u.right.as_ref()).unwrap();
            (u.status, side.code.as_str())
        })
        .collect();
    // Between UE 7 and UE 10: Europe's own, then Urbain's own.
    assert_eq!(
        one_sided,
        [
            (Status::Left, "UE 8"),
            (Status::Left, "UE 9"),
            (Status::Right, "UE 8"),
            (Status::Right, "UE 9")
        ]
    );
}

#[test]
fn same_title_at_another_code_is_not_the_same_ue() {
    let fiche = embedded();
    // "Unité professionnelle" is UE 13 in Communication, UE 14 in Europe.
    let c = cmp(&fiche, "communication", "europe");
    assert!(shared_codes(&c, 4).is_empty());
}

#[test]
fn common_core_collapses_unless_expanded() {
    let fiche = embedded();
    let c = cmp(&fiche, "communication", "urbain");
    let core = c.maquette.common_core.as_ref().unwrap();
    assert_eq!(core.semesters, [1, 2]);
    assert_eq!(
        (core.ues, core.ects.exact(), core.expanded),
        (6, Some(56), false)
    );
    assert_eq!(
        c.maquette
            .semesters
            .iter()
            .map(|s| s.number)
            .collect::<Vec<_>>(),
        [3, 4]
    );

    let (a, b) = (
        fiche.parcours_by_id("communication").unwrap(),
        fiche.parcours_by_id("urbain").unwrap(),
    );
    let expanded = compare(
        Side::new(&fiche, a),
        Side::new(&fiche, b),
        Options {
            expand_common_core: true,
        },
    );
    let numbers: Vec<u8> = expanded
        .maquette
        .semesters
        .iter()
        .map(|s| s.number)
        .collect();
    assert_eq!(numbers, [1, 2, 3, 4]);
    let s1 = &expanded.maquette.semesters[0];
    assert!(s1.common_core);
    assert_eq!(s1.ues.len(), 3);
    assert!(s1.ues.iter().all(|u| u.status == Status::Shared));
    // Expanding changes what is listed, not what is counted.
    assert_eq!(expanded.summary, c.summary);
}

#[test]
fn summary_counts_shared_ues_ects_and_lists() {
    let fiche = embedded();
    let c = cmp(&fiche, "communication", "urbain");
    let s = &c.summary;
    // Common core (6 UEs, 56 ECTS) + UE 7, 8, 10 (8 + 8 + 6) + UE 13 "Unité professionnelle" (10).
    assert_eq!(s.shared_ues, 10);
    assert_eq!(
        (s.shared_ects.left.exact(), s.shared_ects.right.exact()),
        (Some(88), Some(88))
    );
    assert_eq!(
        s.ues,
        Sides {
            left: 13,
            right: 13
        }
    );
    assert_eq!(
        (s.total_ects.left.exact(), s.total_ects.right.exact()),
        (Some(116), Some(116))
    );
    assert_eq!(
        s.semester_ects
            .iter()
            .map(|e| (
                e.number,
                e.left.and_then(|e| e.exact()),
                e.right.and_then(|e| e.exact())
            ))
            .collect::<Vec<_>>(),
        [
            (1, Some(28), Some(28)),
            (2, Some(28), Some(28)),
            (3, Some(30), Some(30)),
            (4, Some(30), Some(30))
        ]
    );
    assert_eq!(s.jobs.shared, 0);
    assert_eq!((s.jobs.left, s.jobs.right), (9, 6));
    // Findings: the common core's two (once), and each side's own.
    let rules: Vec<(&Option<String>, &str)> = s
        .findings
        .iter()
        .map(|f| (&f.location.parcours, f.rule))
        .collect();
    assert_eq!(rules.iter().filter(|(p, _)| p.is_none()).count(), 2);
    assert!(rules.contains(&(&Some("urbain".to_string()), "total-ects")));
    assert!(rules.contains(&(&Some("communication".to_string()), "sector-as-job")));
    assert!(!rules.iter().any(|(p, _)| p.as_deref() == Some("recherche")));
}

#[test]
fn lists_put_shared_items_first() {
    let fiche = embedded();
    // Both list "Chargé d’études" among their jobs, and "collectivités territoriales"-like sectors.
    let c = cmp(&fiche, "urbain", "recherche");
    assert_eq!(c.jobs[0].status, Status::Shared);
    assert_eq!(c.jobs[0].left.as_deref(), Some("Chargé d’études"));
    assert_eq!(
        c.summary.jobs,
        ListCounts {
            shared: 1,
            left: 5,
            right: 1
        }
    );
    let statuses: Vec<Status> = c.jobs.iter().map(|r| r.status).collect();
    let mut sorted = statuses.clone();
    sorted.sort_by_key(|s| match s {
        Status::Shared => 0,
        Status::Left => 1,
        Status::Right => 2,
    });
    assert_eq!(statuses, sorted);
}

#[test]
fn one_sided_ues_bring_their_courses_as_one_sided_rows() {
    let fiche = embedded();
    let c = cmp(&fiche, "europe", "recherche");
    let s3 = &c.maquette.semesters[0];
    let seminaires = s3
        .ues
        .iter()
        .find(|u| {
            u.right
                .as_ref()
                .is_some_and(|r| r.title == "Séminaires de recherche")
        })
        .unwrap();
    assert_eq!(seminaires.status, Status::Right);
    assert_eq!(seminaires.courses.len(), 10);
    assert!(
        seminaires
            .courses
            .iter()
            .all(|r| r.status == Status::Right && r.left.is_none())
    );
    assert_eq!(seminaires.right.as_ref().unwrap().choose, Some(6));
}

#[test]
fn a_parcours_compared_with_itself_is_all_shared() {
    let fiche = embedded();
    let c = cmp(&fiche, "recherche", "recherche");
    for s in &c.maquette.semesters {
        assert!(s.ues.iter().all(|u| u.status == Status::Shared));
    }
    assert_eq!(c.summary.competences.left + c.summary.competences.right, 0);
}

#[test]
fn json_rows_carry_their_status() {
    let fiche = embedded();
    let json = serde_json::to_value(cmp(&fiche, "europe", "humanitaire")).unwrap();
    let ue8 = &json["maquette"]["semesters"][0]["ues"][1];
    assert_eq!(ue8["status"], "shared");
    assert_eq!(ue8["left"]["code"], "UE 8");
    assert_eq!(json["maquette"]["semesters"][0]["ues"][2]["status"], "left");
    assert_eq!(json["jobs"][0]["status"], "left");
}

mod resolve {
    use super::super::*;
    use crate::model::embedded;

    fn id(query: &str) -> Result<String, (UnresolvedKind, Vec<String>)> {
        let fiche = embedded();
        resolve_parcours(&fiche, query)
            .map(|p| p.id.clone())
            .map_err(|u| (u.kind, u.candidates.iter().map(|p| p.id.clone()).collect()))
    }

    #[test]
    fn exact_ids_and_names() {
        assert_eq!(id("europe").unwrap(), "europe");
        assert_eq!(id("Collectivités").unwrap(), "collectivites");
        assert_eq!(id("  RECHERCHE ").unwrap(), "recherche");
    }

    #[test]
    fn fragments_of_names_accents_ignored() {
        assert_eq!(id("urbain").unwrap(), "urbain");
        assert_eq!(id("humanit").unwrap(), "humanitaire");
        assert_eq!(id("démocratie").unwrap(), "communication");
        assert_eq!(id("Solidarite").unwrap(), "humanitaire");
    }

    #[test]
    fn fuzzy_when_no_fragment_matches() {
        assert_eq!(id("humnitaire").unwrap(), "humanitaire");
    }

    #[test]
    fn ambiguous_lists_the_candidates() {
        let (kind, candidates) = id("politique").unwrap_err();
        assert_eq!(kind, UnresolvedKind::Ambiguous);
        assert_eq!(candidates, ["urbain", "recherche"]);
        let (kind, candidates) = id("").unwrap_err();
        assert_eq!(kind, UnresolvedKind::Ambiguous);
        assert_eq!(candidates.len(), 6);
    }

    #[test]
    fn unknown_lists_every_parcours() {
        let (kind, candidates) = id("zzz").unwrap_err();
        assert_eq!(kind, UnresolvedKind::Unknown);
        assert_eq!(candidates.len(), 6);
    }
}
