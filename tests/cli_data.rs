//! The real binary on good and bad data files: located messages, exit statuses,
//! and nothing from a file ever reaching the terminal raw.

mod common;

use common::cli::{run, stderr};

/// `check --data FILE` on a bad fixture: exit 2 and this exact message.
fn assert_rejected(fixture: &str, expected: &str) {
    let path = format!("tests/fixtures/bad/{fixture}");
    let out = run(&["check", "--data", &path]);
    assert_eq!(out.status.code(), Some(2), "{fixture}: {}", stderr(&out));
    assert!(out.stdout.is_empty(), "{fixture}: nothing on stdout");
    let err = stderr(&out);
    assert_eq!(
        err.trim_end(),
        format!("rncp-explorer: {path}:{expected}"),
        "{fixture}"
    );
    assert!(
        !err.contains('\u{1b}'),
        "{fixture}: an escape reached stderr"
    );
}

#[test]
fn syntax_error_is_located() {
    assert_rejected("syntax.ron", "5:5: virgule attendue");
}

#[test]
fn missing_field_is_located() {
    assert_rejected(
        "missing-field.ron",
        "21:1: champ obligatoire `intitule` absent dans `Fiche`",
    );
}

#[test]
fn unknown_field_is_located_and_names_the_typo() {
    let out = run(&["check", "--data", "tests/fixtures/bad/unknown-field.ron"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.starts_with(
            "rncp-explorer: tests/fixtures/bad/unknown-field.ron:5:5: champ inconnu `intitulee`"
        ),
        "{err}"
    );
}

#[test]
fn wrong_type_is_located() {
    assert_rejected("wrong-type.ron", "16:74: nombre entier attendu");
}

#[test]
fn invalid_utf8_is_located() {
    assert_rejected(
        "not-utf8.ron",
        "16:98: texte invalide : ce n'est pas de l'UTF-8",
    );
}

#[test]
fn raw_escape_sequence_is_rejected_without_being_echoed() {
    assert_rejected(
        "control-char.ron",
        "10:29: caractère interdit U+001B (contrôle ou invisible)",
    );
}

#[test]
fn escaped_control_character_is_rejected_at_its_place() {
    assert_rejected(
        "escaped-control.ron",
        "10:29: séquence d'échappement interdite : U+001B (contrôle ou invisible)",
    );
}

#[test]
fn bidi_override_is_rejected() {
    assert_rejected(
        "bidi.ron",
        "11:28: caractère interdit U+202E (contrôle ou invisible)",
    );
}

#[test]
fn duplicate_parcours_id_points_at_the_second_one() {
    assert_rejected(
        "duplicate-id.ron",
        "10:17: parcours[1] : id « unique » en double",
    );
}

#[test]
fn empty_parcours_name_is_rejected() {
    assert_rejected(
        "empty-name.ron",
        "10:19: parcours « unique » : name est vide",
    );
}

#[test]
fn missing_file_says_so_plainly() {
    let out = run(&["check", "--data", "tests/fixtures/nope.ron"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out).trim_end(),
        "rncp-explorer: tests/fixtures/nope.ron: fichier introuvable"
    );
}

#[test]
fn a_directory_is_not_a_fiche() {
    let out = run(&["check", "--data", "tests/fixtures"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("est un dossier"), "{}", stderr(&out));
}

#[test]
fn oversized_file_is_refused_before_parsing() {
    let dir = std::env::temp_dir().join(format!("rncp-explorer-big-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("big.ron");
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(17 * 1024 * 1024).unwrap(); // sparse: cheap to make
    let out = run(&["check", "--data", path.to_str().unwrap()]);
    std::fs::remove_dir_all(&dir).ok();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("fichier trop gros"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_valid_file_loads_and_check_reports_its_findings() {
    let out = run(&["check", "--data", "tests/fixtures/minimal.ron"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.contains("Unique: liste des activités vide"),
        "{stdout}"
    );
}

#[test]
fn check_on_the_embedded_fiche_exits_0_with_17_warnings() {
    let out = run(&["check"]);
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.contains(
        "avertissement: Recherche › Semestre 3: ≥ 32 ECTS (2 UE sans ECTS) au lieu de 30"
    ));
    assert!(
        stdout.ends_with("17 constat(s) : 0 erreur(s), 17 avertissement(s)\n"),
        "{stdout}"
    );
}

#[test]
fn check_json_is_an_array_of_located_findings() {
    let out = run(&["check", "--json"]);
    assert_eq!(out.status.code(), Some(0));
    let findings: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let findings = findings.as_array().unwrap();
    assert_eq!(findings.len(), 17);
    assert_eq!(findings[9]["severity"], "warning");
    assert_eq!(findings[9]["rule"], "semester-ects");
    assert_eq!(findings[9]["location"]["parcours"], "recherche");
    assert_eq!(findings[9]["location"]["semester"], 3);
}

#[test]
fn check_exits_1_when_there_are_errors() {
    let dir = std::env::temp_dir().join(format!("rncp-explorer-err-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("twice.ron");
    let text = std::fs::read_to_string("tests/fixtures/minimal.ron").unwrap().replace(
        r#"(code: "UE 1", title: "Fondamentaux", ects: Some(30), courses: [Course("Méthodes")]),"#,
        r#"(code: "UE 1", title: "Fondamentaux", ects: Some(15), courses: [Course("Méthodes")]),
                        (code: "UE 1", title: "Bis", ects: Some(15), courses: [Course("Terrain")]),"#,
    );
    std::fs::write(&path, text).unwrap();
    let out = run(&["check", "--data", path.to_str().unwrap()]);
    std::fs::remove_dir_all(&dir).ok();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.contains("erreur: Unique › Semestre 1 › UE 1: UE 1 apparaît deux fois"),
        "{stdout}"
    );
}

#[test]
fn export_json_round_trips_to_the_same_fiche() {
    let out = run(&["export", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0));
    let back: rncp_explorer::model::Fiche = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(back, rncp_explorer::model::embedded());
}

#[test]
fn export_markdown_has_headings_and_ue_tables() {
    let out = run(&["export", "--format", "markdown"]);
    assert_eq!(out.status.code(), Some(0));
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(md.starts_with("# RNCP 24759 — MASTER : MASTER Science Politique\n"));
    assert!(md.contains("## Parcours « European Policies and Project Management » (`europe`)"));
    assert!(md.contains("### Semestre 3 — ≥ 32 ECTS"));
    assert!(md.contains("| UE 8 | Séminaires de recherche | 24 | 6 au choix |"));
    assert!(
        md.contains("TD Sociologie de l'action publique *ou* La mondialisation : enjeux et impact")
    );
    assert!(md.contains(
        "| En contrat d'apprentissage | inconnu (non lisible dans la source) | non précisé |"
    ));
}

#[test]
fn export_needs_a_known_format() {
    let out = run(&["export", "--format", "pdf"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("pdf"), "{}", stderr(&out));
}
