//! `rncp-explorer compare A B` across fiches on the built binary: two
//! numbers compare two certifications, `fiche:parcours` two parcours of any
//! fiches; unknown numbers and a fiche compared with itself exit 2. The
//! registry cache and the state go to temporary folders.

mod common;

use std::path::PathBuf;
use std::process::{Command, Output};

use common::cli::{stderr, stdout};
use unicode_width::UnicodeWidthStr;

const SAMPLES: [&str; 3] = [
    "tests/fixtures/registry/export-rncp-sample.xml",
    "tests/fixtures/registry/export-rncp-bts-sio-sample.xml",
    "tests/fixtures/registry/export-rs-sample.xml",
];

fn temp(kind: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("rncp-cli-certs-{kind}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// `compare ARGS` over the three samples (and `extra` data files first).
fn run_with(extra: &[&str], args: &[&str]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_rncp-explorer"));
    for data in extra.iter().chain(&SAMPLES) {
        command.args(["--data", data]);
    }
    command
        .args(["--quiet", "compare"])
        .args(args)
        .env("RNCP_EXPLORER_CACHE_DIR", temp("cache"))
        .env("RNCP_EXPLORER_STATE_DIR", temp("state"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the binary runs")
}

fn ok(args: &[&str]) -> String {
    let out = run_with(&[], args);
    assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
    stdout(&out)
}

#[test]
fn two_numbers_compare_the_certifications_in_every_number_form() {
    for (a, b) in [
        ("35340", "40792"),
        ("RNCP35340", "rncp 40792"),
        ("RNCP-35340", "RNCP40792"),
    ] {
        let text = ok(&[a, b, "--width", "100"]);
        assert!(
            text.starts_with("Comparaison de deux certifications — RNCP35340 ↔ RNCP40792\n"),
            "{a} {b}: {text}"
        );
        assert!(text.contains("RNCP40792 remplace directement RNCP35340"));
        assert!(text.contains(
            "De RNCP35340 à RNCP40792 — blocs : 5 conservés ; dont 4 renommés ; 0 retiré ; 0 ajouté."
        ));
        assert!(text.contains("≈ RNCP35340BC04 · Option B"), "{text}");
        assert!(text.contains("≠ Active : non"), "{text}");
        assert!(
            text.lines().all(|l| l.width() <= 100),
            "a line wider than 100 columns"
        );
    }
    // An RS fiche by its number, with an RNCP one.
    let text = ok(&["RS5719", "37674"]);
    assert!(text.contains("RS5719 ↔ RNCP37674"), "{text}");
    assert!(text.contains("≠ Répertoire : RS"), "{text}");
}

#[test]
fn json_has_the_documented_fields() {
    let out = ok(&["RNCP36490", "RNCP37873", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
    for field in [
        "left",
        "right",
        "lineage",
        "certifiers",
        "nsf",
        "rome",
        "formacodes",
        "blocs",
        "correspondences",
        "competences",
        "activities",
        "sectors",
        "jobs",
        "summary",
    ] {
        assert!(v.get(field).is_some(), "{field} missing");
    }
    assert_eq!(v["left"]["numero"], "RNCP36490");
    assert_eq!(v["left"]["level"], 6);
    assert_eq!(v["lineage"]["relation"], "none");
    assert_eq!(v["summary"]["blocs"]["shared"], 0);
    assert_eq!(v["summary"]["blocs"]["left"], 4);
    assert_eq!(v["summary"]["blocs"]["right"], 3);
    assert_eq!(v["summary"]["rome"]["shared"], 1);
    assert_eq!(v["blocs"][0]["status"], "left");
    assert!(v["blocs"][0]["matched_by"].is_null());
    // Unknown stays unknown: no delivery deadline is null, not a date or 0.
    assert!(v["left"]["delivery_deadline"].is_null());
    let replaced: serde_json::Value =
        serde_json::from_str(&ok(&["35340", "40792", "--format", "json"])).unwrap();
    assert_eq!(replaced["lineage"]["relation"], "left_replaced_by_right");
    assert_eq!(replaced["blocs"][2]["right"]["code"], "RNCP40792BC04");
    assert_eq!(replaced["blocs"][2]["matched_by"], "same_competences");
    assert_eq!(replaced["left"]["active"], false);
}

#[test]
fn markdown_is_the_explorer_copy() {
    let md = ok(&["36490", "35419", "--format", "markdown"]);
    assert!(md.starts_with("# RNCP36490 ↔ RNCP35419\n"), "{md}");
    assert!(md.contains("Correspondances déclarées"), "{md}");
    assert!(md.contains("- RNCP36490 déclare : RNCP36490BC03 ↔ RNCP35419BC03"));
    assert!(
        md.contains("*autre intitulé · correspondance déclarée · compétences principales en commun : 0 (sur 13 et 4)*"),
        "{md}"
    );
}

#[test]
fn an_unknown_number_or_the_same_fiche_twice_exits_2() {
    let out = run_with(&[], &["35340", "99999"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert_eq!(
        stderr(&out),
        "rncp-explorer: aucune fiche chargée ne porte le numéro « 99999 »\n"
    );
    let out = run_with(&[], &["RNCP37674", "37674"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("désignent la même fiche (RNCP37674)"));
    let out = run_with(&[], &["35340:option", "37674"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

#[test]
fn fiche_parcours_compares_parcours_of_two_fiches() {
    let ron = ["assets/rncp-24759.ron"];
    let out = run_with(&ron, &["24759:europe", "37674", "--width", "100"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.starts_with("Comparaison de deux parcours — RNCP24759 ↔ RNCP37674\n"),
        "{text}"
    );
    assert!(text.contains("(RNCP24759:europe)"), "{text}");
    // A fiche of several parcours needs one named.
    let out = run_with(&ron, &["24759", "37674:dev"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("la fiche RNCP24759 a 6 parcours"), "{err}");
    assert!(err.contains("\n  humanitaire "), "{err}");
    // Two parcours of one fiche by fiche:parcours: today's comparison.
    let out = run_with(
        &ron,
        &["24759:europe", "RNCP24759:urbain", "--format", "json"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["left"]["fiche"], "RNCP24759");
    assert_eq!(
        v["maquette"]["common_core"]["semesters"],
        serde_json::json!([1, 2])
    );
    // An unknown parcours of a known fiche lists that fiche's parcours.
    let out = run_with(&ron, &["24759:zz", "24759:europe"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("aucun parcours ne correspond à « zz »"));
}
