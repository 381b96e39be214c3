//! Issue 14's CLI points (and 15.5) on the built binary: unknown ECTS in
//! every output, bounded ECTS at load, `compare` width and self-comparison,
//! `search` messages, `import --help`, `parcours`, completions and man page.

use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_rncp-explorer"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the binary runs")
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(out: &Output) -> String {
    String::from_utf8(out.stderr.clone()).expect("stderr is UTF-8")
}

fn ok(args: &[&str]) -> String {
    let out = run(args);
    assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
    stdout(&out)
}

// ── 14.5 and 15.5: ECTS ───────────────────────────────────────────────

#[test]
fn unknown_ects_are_not_summed_as_zero_in_compare_and_export() {
    let text = ok(&["compare", "europe", "recherche"]);
    let row = |label: &str| {
        text.lines()
            .find(|l| l.trim_start().starts_with(label))
            .unwrap_or_else(|| panic!("{label}:\n{text}"))
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    assert_eq!(row("ECTS semestre 4"), "ECTS semestre 4 30 ?");
    assert_eq!(row("ECTS semestre 3"), "ECTS semestre 3 30 ≥ 32");
    assert_eq!(row("ECTS au total"), "ECTS au total 116 ≥ 88");

    let md = ok(&["compare", "europe", "recherche", "--format", "markdown"]);
    assert!(
        md.contains("| | Europe (30 ECTS) | Recherche (? ECTS) |"),
        "{md}"
    );
    assert!(md.contains("**UE 11 · Pratique de la recherche (ECTS non précisés)**"));
    assert!(md.contains("| ECTS au total | 116 | ≥ 88 |"), "{md}");

    let export = ok(&["export", "--format", "markdown"]);
    assert!(export.contains("### Semestre 4 — ? ECTS"));
    assert!(export.contains("Total du parcours : ≥ 88 ECTS"));
    assert!(!export.contains("— 0 ECTS"));
}

#[test]
fn check_still_flags_semesters_with_unknown_ects() {
    let out = run(&["check"]);
    let text = stdout(&out);
    assert!(text.contains("Recherche › Semestre 4: ? ECTS (2 UE sans ECTS) au lieu de 30"));
    assert!(text.contains("Recherche: ≥ 88 ECTS (4 UE sans ECTS) sur l'ensemble du parcours"));
}

#[test]
fn ects_above_the_bound_are_a_located_load_error() {
    let path = "tests/fixtures/bad/ects-overflow.ron";
    for args in [
        vec!["--data", path, "check"],
        vec!["--data", path, "export", "--format", "markdown"],
    ] {
        let out = run(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
        assert_eq!(
            stderr(&out).trim_end(),
            format!(
                "rncp-explorer: {path}:14:78: ects : 4294967295 ECTS pour une UE, \
                 au-delà du maximum de 300"
            )
        );
    }
}

#[test]
fn ects_at_the_bound_load() {
    let text = std::fs::read_to_string("tests/fixtures/minimal.ron")
        .unwrap()
        .replace("ects: Some(30)", "ects: Some(300)");
    let path = std::env::temp_dir().join(format!("rncp-ects-300-{}.ron", std::process::id()));
    std::fs::write(&path, text).unwrap();
    let out = run(&["--data", path.to_str().unwrap(), "check"]);
    std::fs::remove_file(&path).unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("300 ECTS au lieu de 30"));
}
