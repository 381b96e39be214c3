//! `show` and `partners` through the built binary on the real samples, with
//! the registry cache in a temporary folder (never the user's).

mod common;

use common::cli::stdout;
use std::path::PathBuf;
use std::process::{Command, Output};

const RNCP_SAMPLE: &str = "tests/fixtures/registry/export-rncp-sample.xml";

fn cache_dir() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("rncp-cli-registry-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_rncp-explorer"))
        .args(["--data", RNCP_SAMPLE])
        .args(args)
        .env("RNCP_EXPLORER_CACHE_DIR", cache_dir())
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the binary runs")
}

#[test]
fn show_prints_the_detail_sections_under_any_number_form() {
    for form in ["RNCP37674", "37674", "rncp 37674"] {
        let out = run(&["show", form]);
        assert!(out.status.success(), "{form}: {out:?}");
        let text = stdout(&out);
        for needle in [
            "RNCP37674 — ",
            "Identité et niveaux",
            "Validité",
            "Fin d'enregistrement : ",
            "Résultats des promotions",
            "Partenaires (471)",
            "• RNCP37674BC01 ",
        ] {
            assert!(text.contains(needle), "{needle}\n{text}");
        }
    }
    let text = stdout(&run(&["show", "RNCP34762"]));
    assert!(text.contains("RNCP39568 (absente des données)"), "{text}");
}

#[test]
fn show_json_is_the_fiche() {
    let out = run(&["show", "RNCP37674", "--json"]);
    assert!(out.status.success(), "{out:?}");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["rncp_code"], "37674");
    assert_eq!(v["registry"]["partners"].as_array().unwrap().len(), 471);
    let unknown = run(&["show", "RNCP99999999"]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("aucune fiche"));
}

#[test]
fn partners_answers_habilitated_with_its_role() {
    let out = run(&["partners", "RNCP37674", "--siret", "88055223700047"]);
    let text = stdout(&out);
    // RNCP37674 is active in the sample, this habilitation too.
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(
        text.contains(
            "habilité sur RNCP37674 pour former et organiser l'évaluation (HABILITATION_ORGA_FORM)"
        ),
        "{text}"
    );
    let json = run(&[
        "partners",
        "RNCP37674",
        "--siret",
        "88055223700047",
        "--json",
    ]);
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(v["listed"], true);
    assert_eq!(v["partners"][0]["name"], "10MENTIONWEB FORMATION");
    assert_eq!(v["partners"][0]["habilitation"], "HABILITATION_ORGA_FORM");
    assert_eq!(v["partners"][0]["role"], "train_and_assess");
    assert_eq!(v["habilitated"], true);
    assert_eq!(v["certification_active"], true);
    assert_eq!(v["reasons"], serde_json::json!([]));
}

#[test]
fn partners_says_train_only_for_habilitation_former() {
    let out = run(&[
        "partners",
        "RNCP37674",
        "--siret",
        "82409268800012",
        "--json",
    ]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let roles: Vec<&str> = v["partners"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["role"].as_str().unwrap())
        .collect();
    assert!(roles.contains(&"train"), "{v}");
    let text = stdout(&run(&[
        "partners",
        "RNCP37674",
        "--siret",
        "82409268800012",
    ]));
    assert!(
        text.contains("former seulement (HABILITATION_FORMER)"),
        "{text}"
    );
}

#[test]
fn an_unknown_siret_is_not_habilitated() {
    let out = run(&["partners", "RNCP37674", "--siret", "12345678900011"]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(
        text.contains("non habilité sur RNCP37674 — absent des 471 partenaires"),
        "{text}"
    );
    let json = run(&[
        "partners",
        "RNCP37674",
        "--siret",
        "12345678900011",
        "--json",
    ]);
    assert_eq!(json.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(v["listed"], false);
    assert!(
        v["reasons"]
            .as_array()
            .unwrap()
            .contains(&"not_listed".into())
    );
}

#[test]
fn a_siren_finds_its_establishments_and_bad_numbers_are_refused() {
    let out = run(&["partners", "RNCP37674", "--siren", "880552237", "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["listed"], true, "{v}");
    let bad = run(&["partners", "RNCP37674", "--siret", "123"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("14 chiffres"));
}

#[test]
fn partners_lists_without_siret_and_help_is_french() {
    let out = run(&["partners", "RNCP37674", "--json"]);
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["count"], 471);
    assert_eq!(v["partners"].as_array().unwrap().len(), 471);
    let text = stdout(&run(&["partners", "RNCP37674"]));
    assert_eq!(text.lines().count(), 472, "a header and one line each");
    let help = stdout(&run(&["--help"]));
    assert!(help.contains("show"), "{help}");
    assert!(help.contains("partners"), "{help}");
    assert!(help.contains("Afficher toute une fiche"), "{help}");
}

#[test]
fn partners_help_is_rendered_in_french() {
    let help = stdout(&run(&["partners", "--help"]));
    assert!(help.contains("Utilisation"), "{help}");
    assert!(help.contains("--siret <N>"), "{help}");
    assert!(help.contains("SIREN de l'organisme"), "{help}");
    let both = run(&[
        "partners",
        "RNCP37674",
        "--siret",
        "88055223700047",
        "--siren",
        "880552237",
    ]);
    assert_eq!(both.status.code(), Some(2));
}

#[test]
fn show_stops_quietly_when_the_reader_goes_away() {
    use std::process::Stdio;
    for json in [false, true] {
        let mut command = Command::new(env!("CARGO_BIN_EXE_rncp-explorer"));
        command
            .args(["--data", RNCP_SAMPLE, "show", "RNCP37674"])
            .args(json.then_some("--json"))
            .env("RNCP_EXPLORER_CACHE_DIR", cache_dir())
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let mut child = command.spawn().expect("the binary runs");
        // `show … | head -0`: the reader is gone before the answer is written.
        drop(child.stdout.take());
        let out = child.wait_with_output().expect("it ends");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!err.contains("panicked"), "{err}");
        assert!(out.status.success(), "{:?} {err}", out.status);
    }
}
