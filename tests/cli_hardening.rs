//! Issue 15 through the real binary: devices and FIFOs, hostile arguments,
//! invisible characters, located errors. Every run is bounded: a case that
//! used to hang is killed and reported instead of hanging the suite.

use std::path::PathBuf;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// Long enough for a loaded machine; only reached when a case hangs.
const HANG: Duration = Duration::from_secs(20);

fn bin() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_rncp-explorer"));
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"));
    cmd
}

/// Runs the binary with `args`, killing it (and failing) if it outlives HANG.
fn run(args: &[&str]) -> Output {
    let mut child = bin()
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let deadline = Instant::now() + HANG;
    while child.try_wait().expect("try_wait").is_none() {
        if Instant::now() >= deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("rncp-explorer {args:?} hung");
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    child.wait_with_output().expect("output")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// A scratch directory unique to one test.
fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join("cli_hardening")
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

fn fifo(dir: &std::path::Path, name: &str) -> String {
    let path = dir.join(name);
    let made = Command::new("mkfifo").arg(&path).status().expect("mkfifo");
    assert!(made.success());
    path.to_str().unwrap().to_string()
}

fn assert_refused(out: &Output, what: &str) {
    assert_eq!(out.status.code(), Some(2), "{what}: {}", stderr(out));
    assert!(out.stdout.is_empty(), "{what}: nothing on stdout");
    let err = stderr(out);
    assert!(err.starts_with("rncp-explorer: "), "{what}: {err}");
    assert!(err.contains("fichier ordinaire"), "{what}: {err}");
}

// 15.1: the size cap held for devices, and FIFOs refused instead of blocking.
#[test]
fn devices_are_refused_not_read_until_memory_runs_out() {
    assert_refused(&run(&["--data", "/dev/zero", "check"]), "--data /dev/zero");
    assert_refused(&run(&["import", "/dev/zero"]), "import /dev/zero");
    assert_refused(
        &run(&[
            "import",
            "tests/fixtures/rncp-24759.txt",
            "--ids-from",
            "/dev/zero",
        ]),
        "--ids-from /dev/zero",
    );
}

#[test]
fn fifos_are_refused_not_waited_on() {
    let dir = scratch("fifos");
    let ron = fifo(&dir, "fiche.ron");
    let txt = fifo(&dir, "fiche.txt");
    assert_refused(&run(&["--data", &ron, "check"]), "--data FIFO");
    assert_refused(&run(&["import", &txt]), "import FIFO");
}

/// The embedded fiche's source with the first `from` replaced by `to`,
/// written to a scratch file; returns its path.
fn variant(dir: &std::path::Path, name: &str, from: &str, to: &str) -> String {
    let source = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/rncp-24759.ron"
    ))
    .unwrap();
    assert!(source.contains(from), "{from:?} is in the asset");
    let path = dir.join(name);
    std::fs::write(&path, source.replacen(from, to, 1)).unwrap();
    path.to_str().unwrap().to_string()
}

/// `check --data` on a variant: exit 2, one `FILE:LINE:COL: message` line.
fn rejected_at(path: &str) -> (usize, usize, String) {
    let out = run(&["--data", path, "check"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let err = stderr(&out);
    let rest = err
        .trim_end()
        .strip_prefix(&format!("rncp-explorer: {path}:"))
        .unwrap_or_else(|| panic!("not located: {err}"));
    let mut parts = rest.splitn(3, ':');
    let line = parts.next().unwrap().parse().expect("a line number");
    let col = parts.next().unwrap().parse().expect("a column number");
    (line, col, parts.next().unwrap().trim().to_string())
}

// 15.10: every data error names its line and column.
#[test]
fn structural_errors_name_line_and_column() {
    let dir = scratch("located");
    let cases = [
        (
            "semester-0.ron",
            "number: 1,",
            "number: 0,",
            (33, 13),
            "hors de 1..=12",
        ),
        (
            "one-of-1.ron",
            r#"OneOf(["TD Sociologie de l'action publique", "La mondialisation : enjeux et impact"])"#,
            r#"OneOf(["TD Sociologie de l'action publique"])"#,
            (43, 25),
            "OneOf demande au moins deux cours",
        ),
        (
            "one-of-0.ron",
            r#"OneOf(["TD Sociologie de l'action publique", "La mondialisation : enjeux et impact"])"#,
            "OneOf([])",
            (43, 25),
            "OneOf demande au moins deux cours",
        ),
        (
            "raw-tab.ron",
            "\"Enseignements fondamentaux\"",
            "\"Enseignements\tfondamentaux\"",
            (37, 42),
            "U+0009",
        ),
        (
            "raw-newline.ron",
            "\"Enseignements fondamentaux\"",
            "\"Enseignements\nfondamentaux\"",
            (37, 42),
            "U+000A",
        ),
        (
            "escaped-tab.ron",
            "\"Enseignements fondamentaux\"",
            "\"Enseignements\\tfondamentaux\"",
            (37, 42),
            "séquence d'échappement interdite : U+0009",
        ),
        (
            "escaped-newline.ron",
            "\"Enseignements fondamentaux\"",
            "\"Enseignements\\nfondamentaux\"",
            (37, 42),
            "séquence d'échappement interdite : U+000A",
        ),
        (
            "empty-course.ron",
            "Course(\"Sociologie politique approfondie\")",
            "Course(\" \")",
            (40, 32),
            "cours sans titre",
        ),
        (
            "duplicate-semester.ron",
            "number: 4,",
            "number: 3,",
            (197, 21),
            "semestre 3 déclaré deux fois",
        ),
    ];
    for (name, from, to, place, message) in cases {
        let (line, col, said) = rejected_at(&variant(&dir, name, from, to));
        assert_eq!((line, col), place, "{name}: {said}");
        assert!(said.contains(message), "{name}: {said}");
    }
}

// 15.9: line and paragraph separators, and every invisible or format
// character the attack found, are refused at their place.
#[test]
fn separators_and_invisible_characters_are_refused() {
    let dir = scratch("invisible");
    for c in [
        '\u{2028}',
        '\u{2029}',
        '\u{061c}',
        '\u{e0041}',
        '\u{e007f}',
        '\u{115f}',
        '\u{1160}',
        '\u{3164}',
        '\u{ffa0}',
        '\u{034f}',
        '\u{180e}',
        '\u{fff9}',
        '\u{fffa}',
        '\u{fffb}',
    ] {
        let name = format!("u{:x}.ron", c as u32);
        let to = format!("\"Enseignements{c}fondamentaux\"");
        let path = variant(&dir, &name, "\"Enseignements fondamentaux\"", &to);
        let (line, col, said) = rejected_at(&path);
        assert_eq!((line, col), (37, 42), "{name}: {said}");
        assert!(
            said.contains(&format!("U+{:04X}", c as u32)),
            "{name}: {said}"
        );
        // The same character spelled as an escape.
        let to = format!("\"Enseignements\\u{{{:x}}}fondamentaux\"", c as u32);
        let path = variant(&dir, &name, "\"Enseignements fondamentaux\"", &to);
        let (_, _, said) = rejected_at(&path);
        assert!(
            said.contains("séquence d'échappement interdite"),
            "{name}: {said}"
        );
    }
}

// 15.11: a fiche text with CR line ends imports like one with LF.
#[test]
fn cr_only_fiche_text_imports() {
    let dir = scratch("cr");
    let seed = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/rncp-24759.txt"
    ))
    .unwrap();
    let path = dir.join("cr.txt");
    std::fs::write(&path, seed.replace('\n', "\r")).unwrap();
    let out = run(&["import", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains("6 parcours"), "{}", stderr(&out));
}

/// Asserts a usage error: status 2, French, located on one prefix, and no
/// raw escape from the arguments.
fn assert_usage_error(args: &[&str], says: &str) {
    let out = run(args);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
    assert!(out.stdout.is_empty(), "{args:?}");
    assert!(err.starts_with("rncp-explorer: "), "{args:?}: {err}");
    assert!(err.contains(says), "{args:?}: {err}");
    assert!(
        !err.contains('\u{1b}') && !err.contains('\u{7}'),
        "{args:?}: {err:?}"
    );
    for english in ["error:", "Usage:", "tip:", "For more information"] {
        assert!(!err.contains(english), "{args:?}: {err}");
    }
}

const TITLE: &str = "\u{1b}]0;PWNED\u{7}";

// 15.8 and 14.19: clap's errors in French, user strings escaped.
#[test]
fn usage_errors_are_french_and_escape_the_arguments() {
    assert_usage_error(
        &["search", "--kind", TITLE, "x"],
        "valeur « \\u{001b}]0;PWNED\\u{0007} » invalide pour --kind",
    );
    assert_usage_error(
        &[TITLE],
        "sous-commande inconnue « \\u{001b}]0;PWNED\\u{0007} »",
    );
    assert_usage_error(&["check", TITLE], "argument inattendu");
    assert_usage_error(&["serch", "x"], "vouliez-vous dire « search » ?");
    assert_usage_error(&["search"], "argument obligatoire manquant");
    assert_usage_error(&["search", "x", "--limit", "0"], "invalide pour --limit");
    assert_usage_error(&["export"], "--format");
    assert_usage_error(&["search", "x", "--jsn"], "vouliez-vous dire « --json » ?");
    assert_usage_error(
        &[
            "import",
            "tests/fixtures/rncp-24759.txt",
            "--id",
            &format!("a{TITLE}=b"),
        ],
        "\\u{001b}]0;PWNED\\u{0007}",
    );
    assert_usage_error(
        &[
            "import",
            "tests/fixtures/rncp-24759.txt",
            "--id",
            &format!("a=B{TITLE}"),
        ],
        "invalide pour --id",
    );
}

#[test]
fn help_and_version_are_french_on_stdout_with_status_0() {
    for args in [
        &["--help"][..],
        &["-h"],
        &["search", "--help"],
        &["compare", "-h"],
    ] {
        let out = run(args);
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        let help = String::from_utf8_lossy(&out.stdout);
        assert!(help.contains("Utilisation : rncp-explorer"), "{help}");
        assert!(help.contains("Afficher l'aide"), "{help}");
        for english in [
            "Usage:",
            "Print help",
            "[default:",
            "[possible values:",
            "Commands:",
        ] {
            assert!(!help.contains(english), "{args:?}: {help}");
        }
    }
    let out = run(&["--version"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("rncp-explorer "));
}

#[test]
fn every_message_has_the_one_prefix() {
    let out = run(&["--data", "/nonexistent.ron", "check"]);
    assert!(stderr(&out).starts_with("rncp-explorer: "));
    // The explorer refuses a pipe with the same prefix.
    let out = run(&[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).starts_with("rncp-explorer: "),
        "{}",
        stderr(&out)
    );
}
