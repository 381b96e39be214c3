//! `rncp-explorer compare` on the built binary: each format, name resolution,
//! and the exit status of ambiguous or unknown names.

mod common;

use std::process::{Command, Output};

use common::cli::{stderr, stdout};
use unicode_width::UnicodeWidthStr;

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_rncp-explorer"))
        .arg("compare")
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the binary runs")
}

fn ok(args: &[&str]) -> String {
    let out = run(args);
    assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
    assert!(out.stderr.is_empty(), "{args:?}: {}", stderr(&out));
    stdout(&out)
}

#[test]
fn text_aligns_the_two_columns_and_marks_rows() {
    let text = ok(&["communication", "collectivites"]);
    assert!(text.contains("à gauche : Communication publique et démocratie participative"));
    assert!(text.contains("à droite : Management des collectivités territoriales"));
    // Every two-column line puts its separator at the same display column,
    // accents and curly apostrophes included.
    let columns: Vec<usize> = text
        .lines()
        .filter_map(|l| l.find('│').map(|at| l[..at].width()))
        .collect();
    assert!(columns.len() > 50, "{text}");
    assert!(columns.iter().all(|c| *c == columns[0]), "{text}");
    assert!(text.lines().all(|l| l.width() <= 100), "{text}");
    // The drifting UE 8 is one shared row, each side with its own wording.
    let ue8 = text
        .lines()
        .find(|l| l.contains("UE 8 ·"))
        .expect("a UE 8 row");
    assert!(
        ue8.starts_with("= UE 8 · Politique et action publique locales"),
        "{ue8}"
    );
    assert!(
        ue8.contains("│ UE 8 · Politique et action publique locale"),
        "{ue8}"
    );
    let elu = text
        .lines()
        .find(|l| l.contains("Le métier d’élu"))
        .unwrap();
    assert!(
        elu.starts_with('=') && elu.contains("Métier d’élu"),
        "{elu}"
    );
    // One-sided rows sit under their side.
    let left_only = text
        .lines()
        .find(|l| l.contains("UE 9 · Droit de la communication"))
        .unwrap();
    assert!(left_only.starts_with("< UE 9"), "{left_only}");
    let right_only = text
        .lines()
        .find(|l| l.contains("UE 9 · Ressources humaines"))
        .unwrap();
    assert!(right_only.starts_with('>'), "{right_only}");
    assert!(right_only.find("UE 9").unwrap() > right_only.find('│').unwrap());
    // The common core is one line unless expanded.
    assert!(text.contains("= Semestres 1 et 2 (tronc commun) : identiques — 6 UE, 56 ECTS"));
    assert!(!text.contains("Enseignements fondamentaux"));
    assert!(text.contains("dont communes         9 · 78 ECTS"));
    assert!(text.contains("Tronc commun › Semestre 1 : 28 ECTS au lieu de 30"));
}

#[test]
fn expand_lists_the_common_core() {
    let text = ok(&["communication", "collectivites", "--expand"]);
    assert!(text.contains("Semestre 1 (tronc commun) — 28 ECTS"));
    let fondamentaux = text
        .lines()
        .find(|l| l.contains("UE 1 · Enseignements fondamentaux"))
        .unwrap();
    assert!(fondamentaux.starts_with('='), "{fondamentaux}");
    assert!(!text.contains("identiques —"));
}

#[test]
fn markdown_renders_pasteable_tables() {
    let md = ok(&["europe", "humanitaire", "--format", "markdown"]);
    assert!(md.starts_with("# Europe ↔ Humanitaire\n"));
    assert!(md.contains("| | Europe (30 ECTS) | Humanitaire (30 ECTS) |\n|:-:|---|---|\n"));
    assert!(md.contains(
        "| = | **UE 8 · Action internationale des collectivités territoriales (8 ECTS)** | \
         **UE 8 · Action internationale des collectivités territoriales (8 ECTS)** |"
    ));
    assert!(md.contains("| ◀ | **UE 9 · European politics and policy-making (8 ECTS)** |  |"));
    assert!(md.contains("| ▶ |  | **UE 9 · Humanitarian Project Management (8 ECTS)** |"));
    assert!(md.contains("## Emplois\n"));
    // Every table line has three cells (four unescaped pipes): no text breaks a table.
    for line in md.lines().filter(|l| l.starts_with('|')) {
        let pipes = line
            .char_indices()
            .filter(|(i, c)| *c == '|' && !line[..*i].ends_with('\\'))
            .count();
        assert_eq!(pipes, 4, "{line}");
    }
}

#[test]
fn json_gives_rows_with_their_status() {
    let out = ok(&["urbain", "recherche", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
    assert_eq!(json["left"]["id"], "urbain");
    assert_eq!(json["right"]["id"], "recherche");
    let s3 = &json["maquette"]["semesters"][0];
    assert_eq!(s3["number"], 3);
    let statuses: Vec<&str> = s3["ues"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["status"].as_str().unwrap())
        .collect();
    // UE 7 shared; Urbain's UE 8–10 then Recherche's UE 8–10.
    assert_eq!(
        statuses,
        ["shared", "left", "left", "left", "right", "right", "right"]
    );
    assert_eq!(json["jobs"][0]["status"], "shared");
    assert_eq!(json["jobs"][0]["left"], "Chargé d’études");
    assert_eq!(json["summary"]["jobs"]["shared"], 1);
    // Four of Recherche's UEs give no ECTS: 88 is what is known, not the total.
    assert_eq!(
        json["summary"]["total_ects"]["right"],
        serde_json::json!({"known": 88, "unknown": 4})
    );
}

#[test]
fn fragments_and_accents_name_a_parcours() {
    let out = ok(&["URBAIN", "humanit", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(json["left"]["id"], "urbain");
    assert_eq!(json["right"]["id"], "humanitaire");
}

#[test]
fn ambiguous_name_lists_candidates_and_exits_2() {
    let out = run(&["politique", "europe"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert_eq!(
        stderr(&out),
        "rncp-explorer: « politique » désigne plusieurs parcours :\n\
         \x20 urbain     Ingénierie de projet en politiques urbaines\n\
         \x20 recherche  Métiers de la recherche en science politique\n"
    );
}

#[test]
fn unknown_name_lists_every_parcours_and_exits_2() {
    let out = run(&["europe", "zz\u{1b}[2J"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let err = stderr(&out);
    assert!(
        err.starts_with("rncp-explorer: aucun parcours ne correspond à « zz\\u{001b}[2J »."),
        "{err}"
    );
    assert!(!err.contains('\u{1b}'), "the escape reached stderr");
    for id in [
        "communication",
        "europe",
        "urbain",
        "collectivites",
        "recherche",
        "humanitaire",
    ] {
        assert!(err.contains(&format!("\n  {id} ")), "{id} listed: {err}");
    }
}

#[test]
fn data_flag_compares_parcours_of_another_fiche() {
    let fixture = "tests/fixtures/minimal.ron";
    // A second parcours like the first (a parcours is never compared with itself).
    let two = std::fs::read_to_string(fixture).unwrap().replace(
        "parcours: [\n",
        "parcours: [\n(id: \"autre\", name: \"Autre parcours\", jobs: [\"Chargé d’études\"], \
         semesters: [(number: 1, ues: [(code: \"UE 1\", title: \"Fondamentaux\", \
         ects: Some(30), courses: [Course(\"Méthodes\")])])]),\n",
    );
    let path = std::env::temp_dir().join(format!("rncp-two-{}.ron", std::process::id()));
    std::fs::write(&path, two).unwrap();
    let out = ok(&[
        "--data",
        path.to_str().unwrap(),
        "unique",
        "autre",
        "--format",
        "json",
    ]);
    std::fs::remove_file(&path).unwrap();
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(json["left"]["name"], "Parcours unique");
    assert_eq!(json["right"]["name"], "Autre parcours");
    assert_eq!(
        json["maquette"]["semesters"][0]["ues"][0]["status"],
        "shared"
    );
    assert_eq!(json["summary"]["jobs"]["shared"], 1);
    // Names resolve against that fiche, not the embedded one.
    let out = run(&["--data", fixture, "unique", "europe"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("\n  unique  Parcours unique\n"),
        "{}",
        stderr(&out)
    );
}
