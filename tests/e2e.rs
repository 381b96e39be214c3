//! End-to-end: the real binary in a pseudo-terminal, its screen decoded by
//! vt100. Output is drained on a thread; every wait polls with a timeout.

mod common;

use std::io::Read;
use std::time::{Duration, Instant};

use common::pty::{Session, TIMEOUT};
use portable_pty::{CommandBuilder, PtySize, native_pty_system};

const PARCOURS: [&str; 6] = [
    "Communication publique et démocratie participative",
    "European Policies and Project Management",
    "Ingénierie de projet en politiques urbaines",
    "Management des collectivités territoriales",
    "Métiers de la recherche en science politique",
    "Solidarité internationale, action humanitaire et crises",
];

#[test]
fn browse_parcours_read_jobs_use_help_and_quit() {
    // 60 columns: one pane at a time, wide enough for every full parcours name.
    let mut s = Session::start(60, 20, &[]);
    s.wait_for("the alternate screen", |sc| sc.alternate_screen());
    for name in PARCOURS {
        s.wait_text(name);
    }
    s.send("j");
    // Shift-Tab: from the parcours list straight to its detail (one pane shown at a time).
    s.send("\x1b[Z");
    s.wait_text("│ Détail │");
    s.wait_text("Types d'emplois (9)");
    s.wait_text("Chargé de mission dans un cabinet d’élu");
    s.send("?");
    s.wait_text("Aide — touches");
    s.send("\x1b");
    s.wait_for("help closed", |sc| {
        !sc.contents().contains("Aide — touches")
    });
    s.send("q");
    assert_eq!(s.finish(), 0);
    s.assert_restored();
}

#[test]
fn three_panes_show_a_job_title_and_ctrl_c_quits() {
    let mut s = Session::start(120, 40, &[]);
    s.wait_text("Fiche RNCP 24759");
    s.wait_for("mouse capture", |sc| {
        sc.mouse_protocol_mode() != vt100::MouseProtocolMode::None
    });
    s.send("\x1b[B"); // Down arrow: the first parcours.
    s.wait_text("Directeur ou chef de cabinet d’élu");
    // A left click (SGR mouse report, 1-based) on the second parcours' name selects it.
    let row = (1..40)
        .find(|&r| {
            s.parser
                .screen()
                .contents_between(r, 0, r, 24)
                .contains("European")
        })
        .expect("European Policies row");
    s.send(&format!("\x1b[<0;5;{}M\x1b[<0;5;{}m", row + 1, row + 1));
    s.wait_text("manager de projets européens");
    s.send("\x03");
    assert_eq!(s.finish(), 0);
    s.assert_restored();
}

#[test]
fn sigterm_restores_the_terminal_and_exits_143() {
    let mut s = Session::start(100, 30, &[]);
    s.wait_text("Fiche RNCP 24759");
    let pid = s.child.process_id().expect("pid");
    let killed = std::process::Command::new("kill")
        .args(["-TERM", &pid.to_string()])
        .status()
        .expect("run kill");
    assert!(killed.success());
    assert_eq!(s.finish(), 128 + 15);
    s.assert_restored();
}

#[test]
fn closing_the_terminal_ends_the_program() {
    // A closed terminal window: the pty goes away under the running app. It
    // must exit (on SIGHUP, or on the terminal's I/O error, whichever comes
    // first), not linger reading end-of-file forever. Every handle on the
    // pty's master stays on this thread, so dropping them really closes it.
    let pty = native_pty_system()
        .openpty(PtySize {
            rows: 30,
            cols: 100,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("open a pty");
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_rncp-explorer"));
    cmd.env("TERM", "xterm-256color");
    let state = common::pty::fresh_state_dir();
    cmd.env("RNCP_EXPLORER_STATE_DIR", &state);
    let mut child = pty.slave.spawn_command(cmd).expect("spawn");
    drop(pty.slave);
    let mut reader = pty.master.try_clone_reader().expect("reader");
    let mut seen = Vec::new();
    let mut buf = [0u8; 8192];
    while !String::from_utf8_lossy(&seen).contains("Fiche RNCP 24759") {
        match reader.read(&mut buf) {
            Ok(0) | Err(_) => panic!("the app ended before drawing"),
            Ok(n) => seen.extend_from_slice(&buf[..n]),
        }
    }
    drop(reader);
    drop(pty.master);
    let deadline = Instant::now() + TIMEOUT;
    let status = loop {
        if let Some(status) = child.try_wait().expect("try_wait") {
            break status;
        }
        if Instant::now() >= deadline {
            let _ = child.kill();
            panic!("the app kept running after its terminal closed");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    // 129 after SIGHUP; 1 when the terminal's I/O error is seen first. Never
    // a panic (101), which is what a print to the vanished stderr used to give.
    assert!(
        matches!(status.exit_code(), 129 | 1),
        "exit status {}",
        status.exit_code()
    );
    let _ = std::fs::remove_dir_all(&state);
}

#[test]
fn load_errors_are_reported_before_the_screen_is_taken() {
    let mut s = Session::start(80, 24, &["--data", "/nonexistent/fiche.ron"]);
    assert_eq!(s.finish(), 2);
    let out = String::from_utf8_lossy(&s.raw);
    assert!(out.contains("/nonexistent/fiche.ron"), "{out}");
    assert!(
        !out.contains("\x1b[?1049h"),
        "never entered the alternate screen"
    );
}

#[test]
fn refuses_to_draw_into_a_pipe() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_rncp-explorer"))
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty(), "nothing garbled into the pipe");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("n'est pas un terminal"), "{err}");
}

#[test]
fn search_a_job_without_accents_and_jump_to_it() {
    let mut s = Session::start(120, 40, &[]);
    s.wait_text("Fiche RNCP 24759");
    s.send("/");
    s.wait_text("Recherche");
    // No accents, and "projet" for "projets": the fuzzy search still finds it.
    s.send("ingenieur projet europeen");
    s.wait_text("ingénieur de projets européens");
    s.send("\r");
    s.wait_for("the popup closed", |sc| {
        !sc.contents().contains("┌ Recherche")
    });
    // The parcours is selected (its maquette is shown) and the detail pane shows the job.
    s.wait_text("Maquette — Europe");
    s.wait_text("• ingénieur de projets européens");
    // …and marks it: the job's text is drawn bold on a highlight.
    let screen = s.parser.screen();
    let (row, col) = (0..40)
        .find_map(|r| {
            let line = screen.contents_between(r, 0, r, 120);
            let at = line.find("• ingénieur de projets")?;
            Some((r, line[..at].chars().count() as u16 + 2))
        })
        .expect("the job's row");
    let cell = screen.cell(row, col).expect("a cell");
    assert_eq!(cell.contents(), "i");
    assert!(cell.bold(), "the found item stands out");
    assert_ne!(cell.bgcolor(), vt100::Color::Default);
    s.send("q");
    assert_eq!(s.finish(), 0);
    s.assert_restored();
}

#[test]
fn search_a_job_and_click_the_result_to_go_there() {
    let mut s = Session::start(120, 40, &[]);
    s.wait_text("Fiche RNCP 24759");
    s.send("/");
    s.wait_text("Recherche");
    s.send("lobiste");
    // The answer to the whole query, not to a keystroke on the way (whose
    // rows may be elsewhere).
    s.wait_text("1 résultat");
    s.wait_text("lobbyiste");
    // A left click (SGR mouse report, 1-based) on the result's row.
    let screen = s.parser.screen();
    let (row, col) = (0..40)
        .find_map(|r| {
            let line = screen.contents_between(r, 0, r, 120);
            let at = line.find("lobbyiste")?;
            Some((r, line[..at].chars().count() as u16))
        })
        .expect("the result's row");
    s.send(&format!(
        "\x1b[<0;{c};{r}M\x1b[<0;{c};{r}m",
        c = col + 1,
        r = row + 1
    ));
    s.wait_for("the popup closed", |sc| {
        !sc.contents().contains("┌ Recherche")
    });
    s.wait_text("Maquette — Europe");
    s.wait_text("• lobbyiste");
    s.send("q");
    assert_eq!(s.finish(), 0);
    s.assert_restored();
}
