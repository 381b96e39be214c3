//! `rncp-explorer search` over a catalogue (issue 12) on the built binary:
//! the real export samples, with the cache (export cache, search index) in a
//! temporary folder of each test.

mod common;

use common::cli::{stderr, stdout};
use std::path::PathBuf;
use std::process::{Command, Output};

const SAMPLES: [&str; 4] = [
    "--data",
    "tests/fixtures/registry/export-rncp-sample.xml",
    "--data",
    "tests/fixtures/registry/export-rs-sample.xml",
];

/// A cache folder of its own for `test`.
fn cache(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("rncp-cli-search-{}-{test}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn search(cache: &PathBuf, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_rncp-explorer"))
        .args(SAMPLES)
        .arg("--quiet")
        .arg("search")
        .args(args)
        .env("RNCP_EXPLORER_CACHE_DIR", cache)
        .env("RNCP_EXPLORER_STATE_DIR", cache)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the binary runs")
}

fn json(out: &Output) -> Vec<serde_json::Value> {
    serde_json::from_slice::<serde_json::Value>(&out.stdout)
        .expect("JSON on stdout")
        .as_array()
        .expect("an array")
        .clone()
}

#[test]
fn certifications_come_first_with_their_best_item() {
    let dir = cache("certs");
    let out = search(&dir, &["dev web", "--limit", "2"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    let first = text.lines().next().unwrap();
    assert!(first.starts_with("RNCP37674  niv. 5  active"), "{text}");
    assert!(first.ends_with("Développeur web et web mobile"), "{text}");
    // The second fiche's best item is a job, shown beneath it.
    assert!(
        text.contains("\n           Emploi : Développeur web"),
        "{text}"
    );
}

#[test]
fn certification_json_has_the_documented_fields() {
    let dir = cache("json");
    let rows = json(&search(
        &dir,
        &["developpeur web", "--json", "--limit", "3"],
    ));
    assert!(!rows.is_empty() && rows.len() <= 3);
    let best = &rows[0];
    assert_eq!(best["numero"], "RNCP37674");
    assert_eq!(best["intitule"], "Développeur web et web mobile");
    assert_eq!(best["niveau"], 5);
    assert_eq!(best["actif"], true);
    assert!(best["score"].as_u64().unwrap() > 0);
    assert_eq!(best["best"]["kind"], "title");
    assert_eq!(best["best"]["text"], "Développeur web et web mobile");
    assert!(!best["best"]["highlight"].as_array().unwrap().is_empty());
    let scores: Vec<u64> = rows.iter().map(|r| r["score"].as_u64().unwrap()).collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");
}

#[test]
fn numbers_and_rome_codes_go_straight_to_their_fiches() {
    let dir = cache("numbers");
    for form in ["37674", "RNCP37674", "rncp 37674"] {
        let rows = json(&search(&dir, &[form, "--json", "--limit", "1"]));
        assert_eq!(rows[0]["numero"], "RNCP37674", "{form}");
    }
    let rows = json(&search(&dir, &["RS5719", "--json"]));
    assert_eq!(rows[0]["numero"], "RS5719");
    let rows = json(&search(&dir, &["M1805", "--json", "--all"]));
    let mut numbers: Vec<&str> = rows.iter().map(|r| r["numero"].as_str().unwrap()).collect();
    numbers.sort();
    assert_eq!(
        numbers,
        ["RNCP35419", "RNCP36490", "RNCP37674", "RNCP37873"]
    );
    assert!(rows.iter().all(|r| r["best"]["kind"] == "rome"));
}

#[test]
fn facets_narrow_and_inactive_fiches_need_all() {
    let dir = cache("facets");
    // RNCP35419 (M1805) is inactive: hidden by default.
    let rows = json(&search(&dir, &["M1805", "--json"]));
    assert!(rows.iter().all(|r| r["numero"] != "RNCP35419"));
    assert!(rows.iter().all(|r| r["actif"] == true));
    let rows = json(&search(&dir, &["developpeur", "--json", "--level", "6"]));
    assert!(!rows.is_empty());
    assert!(rows.iter().all(|r| r["niveau"] == 6));
    let rows = json(&search(
        &dir,
        &["amiante", "--json", "--repertoire", "rs", "--all"],
    ));
    assert_eq!(rows.len(), 2);
    let rows = json(&search(
        &dir,
        &["developpeur", "--json", "--certifier", "cesi"],
    ));
    let numbers: Vec<&str> = rows.iter().map(|r| r["numero"].as_str().unwrap()).collect();
    assert_eq!(numbers, ["RNCP36490"]);
    let rows = json(&search(
        &dir,
        &["informatique", "--json", "--nsf", "326", "--all"],
    ));
    assert!(rows.len() >= 3);
    // Only an inactive fiche holds it: nothing, and stderr says --all would.
    let out = search(&dir, &["engins flottants domaine"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).is_empty());
    assert!(stderr(&out).contains("--all"), "{}", stderr(&out));
    let out = search(&dir, &["engins flottants domaine", "--all", "--limit", "1"]);
    assert!(stdout(&out).starts_with("RS6232"), "{}", stdout(&out));
}

#[test]
fn items_on_a_catalogue_name_their_fiche() {
    let dir = cache("items");
    let out = search(&dir, &["developpeur web", "--items", "--kind", "job"]);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    assert!(text.lines().all(|l| l.starts_with("Emploi ")), "{text}");
    assert!(text.contains("Développeur web — RNCP37674"), "{text}");
    let rows = json(&search(&dir, &["blockchain", "--items", "--json", "--all"]));
    assert!(rows.iter().all(|r| r["numero"] == "RS5000"));
}

#[test]
fn no_match_exits_1_with_empty_output() {
    let dir = cache("none");
    let out = search(&dir, &["xylophone"]);
    assert_eq!((out.status.code(), stdout(&out).as_str()), (Some(1), ""));
    assert!(stderr(&out).contains("aucun résultat"), "{}", stderr(&out));
    let out = search(&dir, &["xylophone", "--json"]);
    assert_eq!((out.status.code(), stdout(&out).trim()), (Some(1), "[]"));
}

#[test]
fn the_index_is_kept_and_read_back_with_the_same_answers() {
    let dir = cache("kept");
    let first = search(&dir, &["chef de chantier", "--json"]);
    let kept: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().starts_with("search-"))
        .collect();
    assert_eq!(kept.len(), 1, "one index file");
    let second = search(&dir, &["chef de chantier", "--json"]);
    assert_eq!(first.stdout, second.stdout);
    assert_eq!(json(&second)[0]["numero"], "RNCP35809");
    // A damaged file is built again, never trusted.
    let path = kept[0].path();
    let mut bytes = std::fs::read(&path).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0x55;
    std::fs::write(&path, bytes).unwrap();
    let third = search(&dir, &["chef de chantier", "--json"]);
    assert_eq!(third.status.code(), Some(0));
    assert_eq!(first.stdout, third.stdout);
}

#[test]
fn one_fiche_named_is_searched_for_its_items_whatever_its_state() {
    let dir = cache("one");
    // RS6232 is inactive: --fiche searches it anyway, as items.
    let out = search(&dir, &["amiante", "--fiche", "RS6232"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.starts_with("Intitulé "), "{text}");
}

#[test]
fn search_stops_quietly_when_the_reader_goes_away() {
    use std::process::Stdio;
    let cache = cache("closed-pipe");
    for extra in [&[][..], &["--json"], &["--items"], &["--items", "--json"]] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_rncp-explorer"))
            .args(SAMPLES)
            .args(["--quiet", "search", "developpeur", "--all"])
            .args(extra)
            .env("RNCP_EXPLORER_CACHE_DIR", &cache)
            .env("RNCP_EXPLORER_STATE_DIR", &cache)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("the binary runs");
        // `search … | head -0`: the reader is gone before the answer is written.
        drop(child.stdout.take());
        let out = child.wait_with_output().expect("it ends");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!err.contains("panicked"), "{extra:?}: {err}");
        assert!(out.status.success(), "{extra:?}: {:?} {err}", out.status);
    }
}
