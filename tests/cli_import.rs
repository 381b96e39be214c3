//! `rncp-explorer import` through the built binary: streams, files, exit codes.

use std::path::PathBuf;
use std::process::{Command, Output};

use rncp_explorer::model;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_rncp-explorer"))
}

fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))
}

/// A scratch path unique to one test.
fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("cli_import");
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir.join(name)
}

fn run(args: &[&str]) -> Output {
    bin().args(args).output().expect("binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn import_writes_loadable_ron_to_stdout_and_warnings_to_stderr() {
    let out = run(&["import", &fixture("rncp-24759.txt")]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let ron = text(&out.stdout);
    let fiche = model::parse_str(&ron, "stdout").expect("stdout is a loadable fiche");
    // The embedded fiche is the default reference: same ids, same model.
    assert_eq!(fiche, model::embedded());
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("rncp-24759.txt:251: avertissement"),
        "{stderr}"
    );
}

#[test]
fn output_file_is_written_and_opens_with_data() {
    let path = scratch("seed.ron");
    let _ = std::fs::remove_file(&path);
    let out = run(&[
        "import",
        &fixture("rncp-24759.txt"),
        "-o",
        path.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(out.stdout.is_empty(), "RON went to the file, not stdout");
    let check = run(&["--data", path.to_str().unwrap(), "check"]);
    assert_eq!(check.status.code(), Some(0), "{}", text(&check.stderr));
    let written = std::fs::read_to_string(&path).unwrap();
    assert!(written.starts_with("// RNCP 24759"));
}

#[test]
fn ids_from_and_id_flags_choose_parcours_ids() {
    let out = run(&[
        "import",
        &fixture("rncp-24759.txt"),
        "--ids-from",
        &fixture("no-such-reference.ron"),
    ]);
    assert_eq!(out.status.code(), Some(2));
    let empty_reference = scratch("other.ron");
    let mut other = model::embedded();
    other.rncp_code = "1".into();
    std::fs::write(
        &empty_reference,
        ron::ser::to_string_pretty(&other, ron::ser::PrettyConfig::new()).unwrap(),
    )
    .unwrap();
    let out = run(&[
        "import",
        &fixture("rncp-24759.txt"),
        "--ids-from",
        empty_reference.to_str().unwrap(),
        "--id",
        "urbaines=ville",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let fiche = model::parse_str(&text(&out.stdout), "stdout").unwrap();
    let ids: Vec<&str> = fiche.parcours.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "communication",
            "european",
            "ville",
            "collectivites",
            "recherche",
            "solidarite"
        ]
    );
}

#[test]
fn bad_id_overrides_are_usage_errors() {
    let out = run(&["import", &fixture("rncp-24759.txt"), "--id", "histoire=x"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("aucun parcours"));
    let out = run(&[
        "import",
        &fixture("rncp-24759.txt"),
        "--id",
        "urbaines=Pas Bon",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
}

#[test]
fn strict_refuses_an_import_with_warnings() {
    let path = scratch("strict.ron");
    let _ = std::fs::remove_file(&path);
    let out = run(&[
        "import",
        &fixture("rncp-24759.txt"),
        "--strict",
        "-o",
        path.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("--strict"));
    assert!(!path.exists(), "nothing is written when --strict refuses");
    assert!(out.stdout.is_empty());
}

#[test]
fn strict_accepts_an_import_without_warnings() {
    let path = scratch("clean.txt");
    std::fs::write(
        &path,
        "Résumé descriptif de la certification Code RNCP : 77\n\nIntitulé\n\nMASTER : Essai\n\n\
         Descriptif des composantes de la certification :\nSemestre 1\nUE 1 Bases (30 ECTS) : Droit\n",
    )
    .unwrap();
    let out = run(&["import", "--strict", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let fiche = model::parse_str(&text(&out.stdout), "stdout").unwrap();
    assert_eq!(fiche.rncp_code, "77");
    assert!(!text(&out.stderr).contains("avertissement :"));
}

#[test]
fn non_utf8_input_is_a_clear_error_with_status_2() {
    let path = scratch("latin1.txt");
    std::fs::write(&path, b"Intitul\xe9\n\nMASTER : Droit\n").unwrap();
    let out = run(&["import", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("UTF-8") && stderr.contains("ligne 1"),
        "{stderr}"
    );
    assert!(out.stdout.is_empty());
}

#[test]
fn unreadable_or_unusable_input_exits_2() {
    let out = run(&["import", &fixture("does-not-exist.txt")]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("introuvable"));
    let out = run(&["import", env!("CARGO_MANIFEST_DIR")]);
    assert_eq!(out.status.code(), Some(2));
    let path = scratch("not-a-fiche.txt");
    std::fs::write(&path, "bonjour\n").unwrap();
    let out = run(&["import", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("code RNCP"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn data_flag_makes_no_sense_with_import() {
    let out = run(&[
        "--data",
        &fixture("x.ron"),
        "import",
        &fixture("rncp-24759.txt"),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("--data"));
}
