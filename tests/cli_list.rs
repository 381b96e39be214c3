//! `rncp-explorer list` through the built binary on the real samples: one
//! line per fiche, facets, orders, stable JSON fields, exit 1 when nothing
//! matches; `parcours` still lists parcours (`list` was its alias).

mod common;

use common::cli::{stderr, stdout};
use std::path::PathBuf;
use std::process::{Command, Output};

const SAMPLES: [&str; 2] = [
    "tests/fixtures/registry/export-rncp-sample.xml",
    "tests/fixtures/registry/export-rs-sample.xml",
];

fn temp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("rncp-cli-list-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_rncp-explorer"))
        .args([
            "--data", SAMPLES[0], "--data", SAMPLES[1], "--quiet", "list",
        ])
        .args(args)
        .env("RNCP_EXPLORER_CACHE_DIR", temp("cache"))
        .env("RNCP_EXPLORER_STATE_DIR", temp("state"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the binary runs")
}

fn numbers(out: &Output) -> Vec<String> {
    stdout(out)
        .lines()
        .map(|l| l.split('\t').next().unwrap().to_string())
        .collect()
}

#[test]
fn one_line_per_active_fiche_by_default() {
    let out = run(&[]);
    assert!(out.status.success(), "{out:?}");
    let text = stdout(&out);
    assert!(
        text.lines()
            .any(|l| l == "RNCP37674\t5\tRNCP\tactive\t01/09/2028\tDéveloppeur web et web mobile"),
        "{text}"
    );
    // RS fiches have no level: "-", never 0.
    assert!(
        text.lines()
            .any(|l| l.starts_with("RS7485\t-\tRS\tactive\t18/12/2027\t")),
        "{text}"
    );
    assert!(
        !text.contains("inactive"),
        "inactive ones need --all: {text}"
    );
    for line in text.lines() {
        assert_eq!(line.split('\t').count(), 6, "{line}");
    }
    let all = run(&["--all"]);
    let listed = numbers(&all);
    assert_eq!(listed.len(), 13, "{listed:?}");
    assert!(stdout(&all).contains("RNCP34762\t7\tRNCP\tinactive\t31/08/2024\t"));
}

#[test]
fn facets_narrow_the_list() {
    assert_eq!(
        numbers(&run(&["--rome", "M1805", "--all", "--sort", "numero"])),
        ["RNCP35419", "RNCP36490", "RNCP37674", "RNCP37873"]
    );
    let rs = numbers(&run(&["--repertoire", "rs", "--all"]));
    assert!(
        !rs.is_empty() && rs.iter().all(|n| n.starts_with("RS")),
        "{rs:?}"
    );
    let level = numbers(&run(&["--level", "6"]));
    assert_eq!(level, ["RNCP36490", "RNCP37873"]);
    let certifier = numbers(&run(&["--certifier", "ministere du travail"]));
    assert!(
        certifier.contains(&"RNCP37674".to_string()),
        "{certifier:?}"
    );
}

#[test]
fn orders_by_number_title_and_end_date() {
    let by_number = numbers(&run(&["--all", "--sort", "numero"]));
    assert_eq!(by_number.first().map(String::as_str), Some("RNCP34762"));
    assert!(
        by_number.iter().position(|n| n.starts_with("RS"))
            > by_number.iter().rposition(|n| n.starts_with("RNCP")),
        "RNCP before RS: {by_number:?}"
    );
    let by_end: Vec<String> = stdout(&run(&["--all", "--sort", "fin"]))
        .lines()
        .map(|l| l.split('\t').nth(4).unwrap().to_string())
        .collect();
    let days: Vec<(String, String, String)> = by_end
        .iter()
        .map(|d| {
            let p: Vec<&str> = d.split('/').collect();
            (p[2].to_string(), p[1].to_string(), p[0].to_string())
        })
        .collect();
    let mut sorted = days.clone();
    sorted.sort();
    assert_eq!(days, sorted, "soonest end first");
    let titles: Vec<String> = stdout(&run(&["--all", "--sort", "intitule"]))
        .lines()
        .map(|l| l.split('\t').nth(5).unwrap().to_lowercase())
        .collect();
    assert!(
        titles.first().unwrap().starts_with("concepteur"),
        "{titles:?}"
    );
    assert!(titles.last().unwrap().starts_with("repérage"), "{titles:?}");
}

#[test]
fn json_has_the_documented_fields() {
    let out = run(&["--json", "--rome", "M1805", "--sort", "numero"]);
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let first = &v[0];
    for field in [
        "numero",
        "repertoire",
        "intitule",
        "niveau",
        "actif",
        "fin_enregistrement",
        "abrege",
        "nsf",
        "rome",
        "certificateurs",
    ] {
        assert!(first.get(field).is_some(), "{field} missing: {first}");
    }
    assert_eq!(first["numero"], "RNCP36490");
    assert_eq!(first["repertoire"], "RNCP");
    assert_eq!(first["niveau"], 6);
    assert_eq!(first["actif"], true);
    assert_eq!(first["fin_enregistrement"], "01/06/2027");
    let rs = run(&["--json", "--repertoire", "rs"]);
    let v: serde_json::Value = serde_json::from_slice(&rs.stdout).unwrap();
    assert_eq!(
        v[0]["niveau"],
        serde_json::Value::Null,
        "no level is null, not 0"
    );
}

#[test]
fn no_match_exits_1_and_says_so() {
    let out = run(&["--level", "8"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).is_empty());
    assert!(
        stderr(&out).contains("aucune fiche ne correspond"),
        "{out:?}"
    );
    let json = run(&["--level", "8", "--json"]);
    assert_eq!(json.status.code(), Some(1));
    assert_eq!(stdout(&json).trim(), "[]");
    let bad = run(&["--level", "9"]);
    assert_eq!(bad.status.code(), Some(2));
    let bad_sort = run(&["--sort", "date"]);
    assert_eq!(bad_sort.status.code(), Some(2));
    assert!(
        stderr(&bad_sort).contains("numero"),
        "{}",
        stderr(&bad_sort)
    );
}

#[test]
fn the_embedded_fiche_state_is_unknown_and_parcours_still_works() {
    let out = common::cli::run(&["list"]);
    assert!(out.status.success());
    assert_eq!(
        stdout(&out),
        "RNCP24759\t7\tRNCP\t?\t-\tMASTER : MASTER Science Politique\n"
    );
    let parcours = common::cli::run(&["parcours"]);
    assert!(stdout(&parcours).starts_with("communication  "));
    let help = stdout(&common::cli::run(&["list", "--help"]));
    for needle in ["--rome", "--level", "--sort", "--json", "facettes"] {
        assert!(help.contains(needle), "{needle}: {help}");
    }
}
