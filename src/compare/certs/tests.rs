//! The certification comparison on real pairs of the registry samples:
//! RNCP35340 → RNCP40792 (a BTS and its replacement: blocs renamed and
//! renumbered), RNCP36490 ↔ RNCP37873 (two "Concepteur développeur
//! d'applications" of different certifiers: nothing aligns), RNCP36490 ↔
//! RNCP35419 (a declared bloc correspondence).

use std::sync::OnceLock;

use super::*;
use crate::model::registry::{self, Options};

fn catalogue() -> &'static Catalogue {
    static CATALOGUE: OnceLock<Catalogue> = OnceLock::new();
    CATALOGUE.get_or_init(|| {
        let options = Options {
            cache: false,
            ..Options::default()
        };
        let mut catalogue = Catalogue::new();
        for (bytes, name) in [
            (
                &include_bytes!("../../../tests/fixtures/registry/export-rncp-sample.xml")[..],
                "export-rncp-sample.xml",
            ),
            (
                &include_bytes!("../../../tests/fixtures/registry/export-rncp-bts-sio-sample.xml")
                    [..],
                "export-rncp-bts-sio-sample.xml",
            ),
            (
                &include_bytes!("../../../tests/fixtures/registry/export-rs-sample.xml")[..],
                "export-rs-sample.xml",
            ),
        ] {
            for fiche in registry::read_bytes(bytes, name, &options).unwrap().fiches {
                catalogue.add(fiche, name).unwrap();
            }
        }
        catalogue
    })
}

fn fiche(number: &str) -> &'static Fiche {
    let c = catalogue();
    c.get(
        c.lookup(number)
            .unwrap_or_else(|| panic!("{number} in the samples")),
    )
}

const TODAY: Date = Date {
    y: 2026,
    m: 12,
    d: 1,
};

fn cmp(a: &str, b: &str) -> CertComparison {
    compare(catalogue(), fiche(a), fiche(b), TODAY)
}

/// Each bloc row as (left suffix, right suffix, how matched, renamed).
fn bloc_pairs(c: &CertComparison) -> Vec<(&str, &str, Option<BlocMatch>, bool)> {
    fn code(s: &Option<BlocSide>) -> &str {
        s.as_ref()
            .map_or("-", |b| &b.code[b.code.len().saturating_sub(4)..])
    }
    c.blocs
        .iter()
        .map(|r| (code(&r.left), code(&r.right), r.matched_by, r.renamed))
        .collect()
}

#[test]
fn a_bts_and_its_replacement_keep_every_bloc_under_new_names_and_numbers() {
    let c = cmp("RNCP35340", "RNCP40792");
    use BlocMatch::*;
    // BC01 keeps its libellé; the four option blocs are reworded
    // ("Option A : « … » : Administration…" → "Administration… (Option A,
    // « … »)") and SLAM's BC04 becomes BC03, the cyber blocs swap to BC04/BC05.
    assert_eq!(
        bloc_pairs(&c),
        [
            ("BC01", "BC01", Some(SameLabel), false),
            ("BC02", "BC02", Some(SameCompetences), true),
            ("BC03", "BC04", Some(SameCompetences), true),
            ("BC04", "BC03", Some(SameCompetences), true),
            ("BC05", "BC05", Some(SameCompetences), true),
        ]
    );
    assert_eq!(
        c.summary.blocs,
        BlocCounts {
            shared: 5,
            renamed: 4,
            left: 0,
            right: 0
        }
    );
    // The two cyber blocs share four of five competences with both options'
    // cyber bloc: each still goes to its own option (5 of 5).
    let cyber_a = &c.blocs[2];
    assert_eq!(
        cyber_a.similarity,
        Some(Similarity {
            shared: 5,
            left: 5,
            right: 5
        })
    );
    // RNCP40792 details each competence: its sub-items are right-only lines
    // under a shared main competence.
    let bc01 = &c.blocs[0];
    assert_eq!(bc01.right.as_ref().unwrap().competences, 6);
    assert_eq!(bc01.right.as_ref().unwrap().details, 22);
    let first: Vec<(Status, bool)> = bc01
        .competences
        .iter()
        .take(3)
        .map(|r| (r.status, r.right.as_ref().is_some_and(|c| c.detail)))
        .collect();
    assert_eq!(
        first,
        [
            (Status::Shared, false),
            (Status::Right, true),
            (Status::Right, true)
        ]
    );
}

#[test]
fn a_replacement_says_what_changed() {
    let c = cmp("RNCP35340", "RNCP40792");
    assert_eq!(c.lineage.relation, Relation::LeftReplacedByRight);
    assert_eq!(c.lineage.path, ["RNCP35340", "RNCP40792"]);
    assert!(c.lineage.declared_by_older && c.lineage.declared_by_newer);
    assert_eq!(
        labels::lineage(&c),
        "RNCP40792 remplace directement RNCP35340 (déclaré par les deux fiches)."
    );
    assert_eq!((c.left.active, c.right.active), (Some(false), Some(true)));
    assert_eq!(c.left.days_left, Some(-457));
    // Same ROME, NSF, Formacodes and certifier; every job title kept
    // (RNCP35340's "Option « Solutions logicielles… »" line is a title of
    // its text, not a job).
    for counts in [c.summary.rome, c.summary.nsf, c.summary.formacodes] {
        assert_eq!((counts.left, counts.right), (0, 0));
    }
    assert_eq!(c.summary.rome.shared, 3);
    assert_eq!(c.summary.certifiers.shared, 1);
    assert_eq!(
        (
            c.summary.jobs.shared,
            c.summary.jobs.left,
            c.summary.jobs.right
        ),
        (21, 0, 0)
    );
    let changes = labels::changes(&c);
    assert_eq!(
        changes[0],
        "De RNCP35340 à RNCP40792 — blocs : 5 conservés ; dont 4 renommés ; 0 retiré ; 0 ajouté."
    );
    assert!(
        changes.iter().any(|l| l.starts_with(
            "Renommé : RNCP35340BC04 « Option B « Solutions logicielles et applications métiers » : \
             Conception et développement d’applications » → RNCP40792BC03"
        )),
        "{changes:#?}"
    );
    assert!(changes.contains(&"ROME : 3 en commun ; en moins : — ; en plus : —".to_string()));
    // Seen from the newer side, the same answer.
    let back = cmp("RNCP40792", "RNCP35340");
    assert_eq!(back.lineage.relation, Relation::RightReplacedByLeft);
    assert_eq!(labels::changes(&back)[0], changes[0]);
}

#[test]
fn two_certifications_with_one_title_but_different_blocs_align_nothing() {
    let c = cmp("RNCP36490", "RNCP37873");
    // Same intitulé, different certifiers (CESI, the ministry of labour):
    // no bloc has the other's libellé or competences.
    assert_eq!(c.left.intitule, c.right.intitule);
    assert_eq!(
        bloc_pairs(&c),
        [
            ("BC01", "-", None, false),
            ("BC02", "-", None, false),
            ("BC03", "-", None, false),
            ("BC04", "-", None, false),
            ("-", "BC01", None, false),
            ("-", "BC02", None, false),
            ("-", "BC03", None, false),
        ]
    );
    assert_eq!(c.lineage.relation, Relation::None);
    assert!(labels::changes(&c).is_empty());
    assert_eq!(c.summary.certifiers.shared, 0);
    // ROME M1805 and NSF 326t in common; M1802 and NSF 326 are RNCP36490's.
    let shared = |rows: &[Row<CodeLabel>]| -> Vec<String> {
        rows.iter()
            .filter(|r| r.status == Status::Shared)
            .map(|r| r.left.as_ref().unwrap().code.clone())
            .collect()
    };
    assert_eq!(shared(&c.rome), ["M1805"]);
    assert_eq!(shared(&c.nsf), ["326t"]);
    assert_eq!((c.summary.rome.left, c.summary.rome.right), (1, 0));
    assert_eq!(c.left.level, Some(6));
    assert_eq!(c.right.level, Some(6));
}

#[test]
fn a_declared_correspondence_pairs_blocs_that_share_no_word() {
    // RNCP36490 declares its BC03 equivalent to RNCP35419BC03, and its BC02
    // + BC03 together to RNCP35419BC04.
    let c = cmp("RNCP36490", "RNCP35419");
    let declared: Vec<_> = bloc_pairs(&c)
        .into_iter()
        .filter(|p| p.2 == Some(BlocMatch::Declared))
        .collect();
    assert_eq!(
        declared,
        [("BC03", "BC03", Some(BlocMatch::Declared), true)]
    );
    assert_eq!(c.correspondences.len(), 2);
    assert!(
        c.correspondences
            .iter()
            .all(|k| k.declared_by == Status::Left)
    );
    assert_eq!(
        labels::correspondence(&c, &c.correspondences[0]),
        "RNCP36490 déclare : RNCP36490BC02 + RNCP36490BC03 ↔ RNCP35419BC04"
    );
    // Seen from the other side, the declaration keeps its sides.
    let back = cmp("RNCP35419", "RNCP36490");
    assert_eq!(back.correspondences[0].declared_by, Status::Right);
    assert_eq!(back.correspondences[0].right_blocs.len(), 2);
}

#[test]
fn an_rs_fiche_and_an_rncp_fiche_compare_without_blocs_or_level() {
    // RS fiches have no European level: unknown, never 0.
    let c = cmp("RS5719", "RNCP37674");
    assert_eq!(c.left.repertoire, "RS");
    assert_eq!(c.left.level, None);
    let rows = labels::field_rows(&c);
    let level = rows.iter().find(|f| f.label == "Niveau").unwrap();
    assert_eq!(level.left, labels::NONE);
    assert!(!level.same);
}

#[test]
fn a_fiche_without_registry_record_has_unknown_validity() {
    let embedded = crate::model::embedded();
    let c = compare(catalogue(), &embedded, fiche("RNCP37674"), TODAY);
    assert!(!c.left.registry);
    assert_eq!(c.left.active, None);
    assert!(c.blocs.iter().all(|r| r.status == Status::Right));
    let rows = labels::field_rows(&c);
    let active = rows.iter().find(|f| f.label == "Active").unwrap();
    assert_eq!(active.left, labels::UNKNOWN);
    // Its competences are those of every parcours, each once.
    let distinct: std::collections::HashSet<String> = embedded
        .parcours
        .iter()
        .flat_map(|p| &p.competences)
        .map(|t| item_key(t))
        .collect();
    assert!(distinct.len() > embedded.parcours[0].competences.len());
    assert_eq!(
        c.summary.competences.left + c.summary.competences.shared,
        distinct.len()
    );
}

#[test]
fn a_chain_of_replacements_is_followed_through_the_catalogue() {
    // A → B → C, B in the catalogue: A and C are related through B.
    use crate::model::registry::{Numero as RegNumero, Record};
    let number = |n: &str| RegNumero::parse(n).unwrap();
    let make = |n: &str, replaces: &[&str], replaced_by: &[&str]| {
        let mut r = Record::new(number(n), format!("Fiche {n}"));
        r.replaces = replaces.iter().map(|n| number(n)).collect();
        r.replaced_by = replaced_by.iter().map(|n| number(n)).collect();
        registry::to_fiche(r)
    };
    let (a, b, c) = (
        make("RNCP1", &[], &["RNCP2"]),
        make("RNCP2", &[], &[]),
        make("RNCP3", &["RNCP2"], &[]),
    );
    let mut catalogue = Catalogue::new();
    for f in [&a, &b, &c] {
        catalogue.add(f.clone(), "t").unwrap();
    }
    let lin = compare(&catalogue, &a, &c, TODAY).lineage;
    assert_eq!(lin.relation, Relation::LeftReplacedByRight);
    assert_eq!(lin.path, ["RNCP1", "RNCP2", "RNCP3"]);
    assert!(!lin.declared_by_older);
    let c2 = compare(&catalogue, &c, &a, TODAY);
    assert_eq!(c2.lineage.relation, Relation::RightReplacedByLeft);
    assert_eq!(
        labels::lineage(&c2),
        "RNCP3 remplace RNCP1 au bout de 2 remplacements : RNCP1 → RNCP2 → RNCP3."
    );
    // Unrelated: B and a fiche absent from every chain.
    let d = make("RNCP4", &[], &[]);
    assert_eq!(
        compare(&catalogue, &b, &d, TODAY).lineage.relation,
        Relation::None
    );
}

#[test]
fn the_markdown_has_every_section_and_the_json_stable_names() {
    let c = cmp("RNCP35340", "RNCP40792");
    let md = markdown::render(&c);
    for needle in [
        "# RNCP35340 ↔ RNCP40792",
        "## Ce qui change",
        "## Identité et validité",
        "| ≠ | Active | non | oui |",
        "## Blocs de compétences (5 alignés, dont 4 renommés ; 0 seulement à gauche, 0 seulement à droite)",
        "| ≈ | **RNCP35340BC02 · Option A",
        "## ROME (3 en commun)",
        "## Emplois (21 en commun)",
    ] {
        assert!(md.contains(needle), "{needle}\n{md}");
    }
    let json = serde_json::to_value(&c).unwrap();
    assert_eq!(json["lineage"]["relation"], "left_replaced_by_right");
    assert_eq!(json["blocs"][1]["matched_by"], "same_competences");
    assert_eq!(json["blocs"][1]["renamed"], true);
    assert_eq!(json["left"]["end_of_registration"], "31/08/2025");
    assert_eq!(json["summary"]["blocs"]["renamed"], 4);
    assert_eq!(json["rome"][0]["status"], "shared");
}
