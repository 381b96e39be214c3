//! The importer on whole fiches: the seed round-trip, the hand-written
//! fixtures, and the never-panic property.

use rncp_explorer::import::{ImportOptions, Imported, import};
use rncp_explorer::model::{self, Fiche};

/// The id overrides that give the seed the embedded asset's ids
/// (`communication`, `collectivites` and `recherche` come from the rule).
fn seed_options() -> ImportOptions {
    ImportOptions {
        ids: vec![
            ("European".into(), "europe".into()),
            ("urbaines".into(), "urbain".into()),
            ("Solidarité".into(), "humanitaire".into()),
        ],
        reference: None,
    }
}

fn pretty(fiche: &Fiche) -> String {
    rncp_explorer::import::to_ron(fiche)
}

/// A line diff (longest common subsequence) of two texts, changed lines only
/// with their line numbers, so a mismatch says where the models part.
fn diff(expected: &str, actual: &str) -> String {
    let a: Vec<&str> = expected.lines().collect();
    let b: Vec<&str> = actual.lines().collect();
    let mut lcs = vec![vec![0u32; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lcs[i][j] = if a[i] == b[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let (mut i, mut j, mut out) = (0, 0, String::new());
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i] == b[j] {
            i += 1;
            j += 1;
        } else if j < b.len() && (i == a.len() || lcs[i][j + 1] >= lcs[i + 1][j]) {
            out.push_str(&format!("+{:>4} {}\n", j + 1, b[j]));
            j += 1;
        } else {
            out.push_str(&format!("-{:>4} {}\n", i + 1, a[i]));
            i += 1;
        }
    }
    out
}

fn assert_same(expected: &Fiche, actual: &Fiche, what: &str) {
    if expected != actual {
        panic!(
            "{what}: the imported model differs (- expected, + imported):\n{}",
            diff(&pretty(expected), &pretty(actual))
        );
    }
}

fn import_fixture(name: &str, options: &ImportOptions) -> Imported {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).expect("fixture readable");
    import(&text, options).unwrap_or_else(|e| panic!("{name}: {e}"))
}

#[test]
fn the_seed_imports_to_the_embedded_asset() {
    // Ids from the rule plus three overrides; short names from the rule.
    let imported = import_fixture("rncp-24759.txt", &seed_options());
    assert_same(&model::embedded(), &imported.fiche, "rncp-24759");
    // The seed's one quirk that needs a guess: the Europe parcours has no
    // "Semestre 3" heading (line 251 is its first UE).
    let lines: Vec<usize> = imported.warnings.iter().map(|w| w.line).collect();
    assert_eq!(lines, [251], "{:?}", imported.warnings);
}

#[test]
fn the_seed_survives_cr_crlf_tabs_nbsp_and_lost_blank_lines() {
    let path = format!(
        "{}/tests/fixtures/rncp-24759.txt",
        env!("CARGO_MANIFEST_DIR")
    );
    let seed = std::fs::read_to_string(path).unwrap();
    let variants = [
        seed.replace('\n', "\r\n"),
        seed.replace(" : ", "\u{a0}:\u{a0}").replace("- ", "-\t"),
        seed.lines()
            .filter(|l| !l.trim().is_empty())
            .collect::<Vec<_>>()
            .join("\n"),
        seed.replace('\'', "’"),
        // Old Mac line ends: a lone CR ends a line like LF and CRLF.
        seed.replace('\n', "\r"),
    ];
    for (i, text) in variants.iter().enumerate() {
        let fiche = import(text, &seed_options()).expect("imports").fiche;
        let expected = model::embedded();
        if i == 3 {
            // Apostrophes are the source's wording: compare with them made curly.
            let curly = |f: &Fiche| pretty(f).replace('\'', "’");
            let (want, got) = (curly(&expected), curly(&fiche));
            assert!(want == got, "variant {i}:\n{}", diff(&want, &got));
            continue;
        }
        // Whatever the spacing and line endings, the model is the same.
        assert_same(&expected, &fiche, &format!("seed variant {i}"));
    }
}

#[test]
fn re_importing_keeps_the_reference_fiche_ids() {
    let options = ImportOptions {
        ids: Vec::new(),
        reference: Some(model::embedded()),
    };
    let imported = import_fixture("rncp-24759.txt", &options);
    assert_same(
        &model::embedded(),
        &imported.fiche,
        "rncp-24759 with reference",
    );
}

#[test]
fn a_reference_for_another_certification_is_ignored() {
    let mut other = model::embedded();
    other.rncp_code = "99999".into();
    let options = ImportOptions {
        ids: Vec::new(),
        reference: Some(other),
    };
    let fiche = import_fixture("rncp-24759.txt", &options).fiche;
    let ids: Vec<&str> = fiche.parcours.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "communication",
            "european",
            "projet",
            "collectivites",
            "recherche",
            "solidarite"
        ]
    );
}

/// Imports `NAME.txt` and compares with the hand-checked `NAME.expected.ron`;
/// returns the warnings' line numbers.
fn assert_fixture(name: &str) -> Vec<usize> {
    let imported = import_fixture(&format!("{name}.txt"), &ImportOptions::default());
    let path = format!(
        "{}/tests/fixtures/{name}.expected.ron",
        env!("CARGO_MANIFEST_DIR")
    );
    let expected = model::load_file(std::path::Path::new(&path)).expect("expected model loads");
    assert_same(&expected, &imported.fiche, name);
    imported.warnings.iter().map(|w| w.line).collect()
}

#[test]
fn a_fiche_without_parcours_gets_one_implicit_parcours() {
    let warnings = assert_fixture("fiche-sans-parcours");
    // Line 65: UE 1 with no "Semestre 1" above it (semester 1 inferred).
    assert_eq!(warnings, [65]);
}

#[test]
fn three_specialites_with_colons_electives_and_a_missing_semester() {
    let warnings = assert_fixture("fiche-specialites");
    // 78: prose under "Modalités d'accès"; 91: "Semestre 3" missing for the
    // first spécialité; 158: history, which the model has no field for.
    assert_eq!(warnings, [78, 91, 158]);
}

#[test]
fn every_line_is_placed_or_reported() {
    // Stray lines in each kind of section are reported with their line number.
    let text = "Imprimer\nbruit avant tout\nRésumé descriptif de la certification Code RNCP : 7\n\
Intitulé\nMASTER : Essai\nNiveau et/ou domaine d'activité\nquelque chose\n\
Résumé du référentiel d'emploi ou éléments de compétence acquis\nligne orpheline\n\
Descriptif des composantes de la certification :\nSemestre 1\nUE 1 A (30 ECTS) : B\n\nsuite perdue\n\
Conditions d'inscription à la certification Oui Non Composition des jurys\nVoie inconnue X\n\
Base légale\nsans référence\n";
    let imported = import(text, &ImportOptions::default()).expect("imports");
    let lines: Vec<usize> = imported.warnings.iter().map(|w| w.line).collect();
    assert_eq!(lines, [2, 7, 9, 14, 16, 18], "{:?}", imported.warnings);
}

mod never_panics {
    use proptest::prelude::*;
    use rncp_explorer::import::{ImportOptions, import};
    use rncp_explorer::model;

    const SEED: &str = include_str!("fixtures/rncp-24759.txt");

    /// Lines that steer the importer into its sections, plus hostile bits.
    const PIECES: &[&str] = &[
        "Code RNCP : 1",
        "Intitulé",
        "MASTER : Droit",
        "PARCOURS « A » :",
        "PARCOURS « » :",
        "Spécialité B :",
        "Semestre 0",
        "Semestre 99999999999999999999",
        "Semestre 13",
        "S1",
        "UE 1 (3 ECTS) : x",
        "UE 2 T (2 au choix) (6 ECTS) : A ou B, c, (d, e), ou F",
        "UE 3 : : :",
        "UE 999 Z",
        "UE 4 ou ou",
        " ou ",
        "- ",
        "-",
        "«",
        "»",
        "« »",
        "Types d'emplois accessibles du parcours « A » :",
        "Secteurs d'activité :",
        "En suivant le parcours «",
        "Oui Non",
        "Par candidature individuelle X",
        "Jury",
        "\u{a0}\u{202f}\t",
        "\u{1b}[31m",
        "\u{feff}",
        "é",
        "(((",
        ")))",
        ". . .",
        ",,,",
    ];

    fn line() -> impl Strategy<Value = String> {
        let seed: Vec<String> = SEED.lines().map(str::to_string).collect();
        prop_oneof![
            3 => proptest::sample::select(seed),
            3 => proptest::sample::select(PIECES).prop_map(str::to_string),
            2 => "\\PC{0,40}",
            1 => ".{0,20}",
        ]
    }

    fn text() -> impl Strategy<Value = String> {
        (any::<bool>(), proptest::collection::vec(line(), 0..40)).prop_map(|(header, lines)| {
            let body = lines.join("\n");
            if header {
                format!("Code RNCP : 42\nIntitulé\nMASTER : Essai\n{body}")
            } else {
                body
            }
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 192, ..ProptestConfig::default() })]

        /// Any text gives a fiche that loads back, or an error that names a line.
        #[test]
        fn any_text_gives_a_loadable_model_or_a_located_error(text in text()) {
            // LF, CRLF and a lone CR each end a line.
            let line_count = text.replace("\r\n", "\n").split(['\n', '\r']).count();
            match import(&text, &ImportOptions::default()) {
                Ok(imported) => {
                    let ron = ron::ser::to_string_pretty(&imported.fiche, ron::ser::PrettyConfig::new())
                        .expect("serialises");
                    if let Err(e) = model::parse_str(&ron, "import") {
                        return Err(TestCaseError::fail(format!("output does not load: {e}\n{ron}")));
                    }
                    for w in &imported.warnings {
                        prop_assert!((1..=line_count).contains(&w.line), "{w:?}");
                    }
                }
                Err(e) => {
                    let line = e.line.expect("text errors are located");
                    prop_assert!((1..=line_count).contains(&line), "{e:?}");
                }
            }
        }
    }
}
