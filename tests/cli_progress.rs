//! Issue 16, the CLI: a progress line on stderr only when it is a terminal,
//! never anything on stdout; a summary of what was loaded; every warning
//! with --verbose; nothing with --quiet.

mod common;

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

const RNCP_XML: &str = "tests/fixtures/registry/export-rncp-sample.xml";

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("rncp-cli-progress-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn run(args: &[&str], data: &Path, cache: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_rncp-explorer"))
        .args(args)
        .arg("--data")
        .arg(data)
        .env("RNCP_EXPLORER_CACHE_DIR", cache)
        .output()
        .unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn a_summary_line_counts_fiches_and_warnings_and_verbose_lists_them() {
    let dir = scratch("summary");
    let sample = std::fs::read_to_string(RNCP_XML).unwrap();
    let bad = dir.join("one-bad.xml");
    std::fs::write(
        &bad,
        sample.replace("<NUMERO_FICHE>RNCP35809</NUMERO_FICHE>", ""),
    )
    .unwrap();
    let cache = dir.join("cache");

    let out = run(&["parcours", "--fiche", "RNCP37674"], &bad, &cache);
    let err = text(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert_eq!(
        err, "rncp-explorer: 7 fiches, 1 avertissement — voir --verbose\n",
        "not a terminal: no progress line, only the summary"
    );

    let out = run(
        &["parcours", "--verbose", "--fiche", "RNCP37674"],
        &bad,
        &cache,
    );
    let err = text(&out.stderr);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 2, "{err}");
    assert!(
        lines[0].starts_with("rncp-explorer: avertissement : "),
        "{err}"
    );
    assert!(lines[0].contains("fiche ignorée"), "{err}");
    assert_eq!(lines[1], "rncp-explorer: 7 fiches, 1 avertissement");

    let out = run(
        &["parcours", "--quiet", "--fiche", "RNCP37674"],
        &bad,
        &cache,
    );
    assert!(out.status.success());
    assert_eq!(text(&out.stderr), "", "--quiet says nothing");

    let good = run(
        &["parcours", "--fiche", "RNCP37674"],
        Path::new(RNCP_XML),
        &cache,
    );
    assert_eq!(
        text(&good.stderr),
        "rncp-explorer: 8 fiches chargées, aucun avertissement\n"
    );
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn a_ron_fiche_or_the_embedded_one_has_no_summary() {
    let out = Command::new(env!("CARGO_BIN_EXE_rncp-explorer"))
        .args(["parcours"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(text(&out.stderr), "");
}

/// `args` with stderr on a pty and stdout in a file: what each received.
fn with_stderr_on_a_terminal(args: &[&str], cache: &Path, out_file: &Path) -> String {
    let pty = native_pty_system()
        .openpty(PtySize {
            rows: 24,
            cols: 200,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let mut cmd = CommandBuilder::new("sh");
    cmd.arg("-c");
    cmd.arg("out=$1; shift; exec \"$@\" > \"$out\"");
    cmd.arg("sh");
    cmd.arg(out_file);
    cmd.arg(env!("CARGO_BIN_EXE_rncp-explorer"));
    cmd.args(args);
    cmd.env("RNCP_EXPLORER_CACHE_DIR", cache);
    cmd.env("TERM", "xterm-256color");
    let mut child = pty.slave.spawn_command(cmd).unwrap();
    drop(pty.slave);
    let mut reader = pty.master.try_clone_reader().unwrap();
    let mut seen = Vec::new();
    // The pty ends (EIO) once the child is gone.
    let _ = reader.read_to_end(&mut seen);
    assert!(child.wait().unwrap().success(), "{}", text(&seen));
    text(&seen)
}

#[test]
fn stdout_stays_clean_while_the_progress_line_goes_to_the_terminal() {
    let dir = scratch("tty");
    let data = common::export::write(&dir, 400);
    let data = data.to_str().unwrap();
    let cache = dir.join("cache");
    let piped = Command::new(env!("CARGO_BIN_EXE_rncp-explorer"))
        .args([
            "export",
            "--format",
            "json",
            "--fiche",
            "RNCP100007",
            "--data",
            data,
        ])
        .env("RNCP_EXPLORER_CACHE_DIR", &cache)
        .output()
        .unwrap();
    assert!(piped.status.success(), "{}", text(&piped.stderr));
    // A fresh cache folder: the second run reads the export, not the cache.
    let out_file = dir.join("stdout.json");
    let terminal = with_stderr_on_a_terminal(
        &[
            "export",
            "--format",
            "json",
            "--fiche",
            "RNCP100007",
            "--data",
            data,
        ],
        &dir.join("cache2"),
        &out_file,
    );
    assert_eq!(
        std::fs::read(&out_file).unwrap(),
        piped.stdout,
        "stdout is the same with stderr on a terminal"
    );
    assert!(
        terminal.contains("400 fiches chargées"),
        "the summary on the terminal: {terminal:?}"
    );
    let quiet_file = dir.join("quiet.json");
    let quiet = with_stderr_on_a_terminal(
        &[
            "export",
            "--quiet",
            "--format",
            "json",
            "--fiche",
            "RNCP100007",
            "--data",
            data,
        ],
        &dir.join("cache3"),
        &quiet_file,
    );
    assert_eq!(quiet, "", "--quiet: nothing on the terminal");
    assert_eq!(std::fs::read(&quiet_file).unwrap(), piped.stdout);
    let _ = std::fs::remove_dir_all(dir);
}
