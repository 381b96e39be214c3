//! `rncp-explorer search` on the built binary.

use std::process::{Command, Output};

fn search(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_rncp-explorer"))
        .arg("search")
        .args(args)
        .output()
        .expect("binary runs")
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("UTF-8 output")
}

#[test]
fn text_lines_give_kind_text_and_parcours_best_first() {
    let out = search(&["cabinet chef"]);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    let first = text.lines().next().unwrap();
    assert_eq!(
        first,
        "Emploi      Directeur ou chef de cabinet d’élu — Communication"
    );
}

#[test]
fn grouped_results_list_every_parcours_and_their_ues() {
    let out = search(&["charge d'etudes", "--limit", "1"]);
    assert_eq!(
        stdout(&out),
        "Emploi      Chargé d’études — Urbain, Recherche\n"
    );
    let out = search(&["theorie pratique negociation", "--kind", "course"]);
    assert_eq!(
        stdout(&out),
        "Cours       Théorie et pratique de la négociation — tous les parcours (S3 UE 7)\n"
    );
}

#[test]
fn json_gives_text_kind_parcours_ids_score_and_highlight() {
    let out = search(&["ingenieur", "--json", "--limit", "2"]);
    assert_eq!(out.status.code(), Some(0));
    let hits: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let hits = hits.as_array().unwrap();
    // The one item with the word: no more scattered letters (issue 12).
    assert_eq!(hits.len(), 1);
    let best = &hits[0];
    assert_eq!(best["text"], "ingénieur de projets européens");
    assert_eq!(best["kind"], "job");
    assert_eq!(best["badge"], "Emploi");
    assert_eq!(best["numero"], "RNCP24759");
    assert_eq!(best["parcours"], serde_json::json!(["europe"]));
    let out = search(&["projets", "--json", "--limit", "2"]);
    let two: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let two = two.as_array().unwrap();
    assert_eq!(two.len(), 2);
    assert!(two[0]["score"].as_i64().unwrap() >= two[1]["score"].as_i64().unwrap());
    // "ingénieur" is chars 0..9 of the original text, "é" included.
    assert_eq!(
        best["highlight"],
        serde_json::json!([0, 1, 2, 3, 4, 5, 6, 7, 8])
    );
}

#[test]
fn kind_filter_and_limit_apply() {
    let out = search(&["chef", "--kind", "job", "--json", "--limit", "3"]);
    let hits: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let hits = hits.as_array().unwrap();
    assert_eq!(hits.len(), 3);
    assert!(hits.iter().all(|h| h["kind"] == "job"));
}

#[test]
fn no_match_prints_nothing_or_an_empty_array_and_exits_1() {
    let out = search(&["xylophone"]);
    assert_eq!((out.status.code(), stdout(&out).as_str()), (Some(1), ""));
    let out = search(&["xylophone", "--json"]);
    assert_eq!((out.status.code(), stdout(&out).trim()), (Some(1), "[]"));
    // Only punctuation is an empty query: nothing, not everything.
    let out = search(&[" ' - "]);
    assert_eq!((out.status.code(), stdout(&out).as_str()), (Some(1), ""));
}

#[test]
fn empty_query_with_a_kind_lists_that_kind() {
    let out = search(&["", "--kind", "job"]);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    assert!(text.lines().count() > 20);
    assert!(text.lines().all(|l| l.starts_with("Emploi ")));
}

#[test]
fn bad_arguments_are_clap_errors_with_status_2() {
    for args in [
        &["x", "--kind", "metier"][..],
        &["x", "--limit", "0"],
        &["x", "--limit", "beaucoup"],
        &[],
    ] {
        let out = search(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty());
        assert!(!out.stderr.is_empty());
    }
}

#[test]
fn unreadable_data_file_is_an_error_not_a_miss() {
    let out = search(&["x", "--data", "/nonexistent/fiche.ron"]);
    assert_eq!(out.status.code(), Some(2));
}
