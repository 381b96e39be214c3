//! Issue 15 in a real terminal (a pty): an orphaned explorer whose terminal
//! closes, pastes, absurd sizes, huge words. Every wait is bounded.

mod common;

use std::io::Read;
use std::path::PathBuf;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use common::pty::{Session, TIMEOUT};
use portable_pty::{CommandBuilder, PtySize, native_pty_system};

/// The two tests that make the explorer draw a lot take turns: side by side
/// on a loaded machine, a debug build can take a minute per frame.
static HEAVY: Mutex<()> = Mutex::new(());

fn size(cols: u16, rows: u16) -> PtySize {
    PtySize {
        rows,
        cols,
        pixel_width: 0,
        pixel_height: 0,
    }
}

/// True once process `pid` is gone or a zombie (it is not our child, so
/// nobody here reaps it).
fn ended(pid: u32) -> bool {
    match std::fs::read_to_string(format!("/proc/{pid}/stat")) {
        Err(_) => true,
        Ok(stat) => stat
            .rsplit_once(')')
            .is_some_and(|(_, rest)| rest.trim_start().starts_with(['Z', 'X'])),
    }
}

// 15.2: `setsid -w rncp-explorer`, then the terminal closes. The explorer
// is in a session of its own: no SIGHUP reaches it. It must see the hangup
// itself and exit, not spin on end-of-file.
#[test]
fn an_orphan_in_its_own_session_exits_when_its_terminal_closes() {
    let pty = native_pty_system().openpty(size(100, 30)).expect("pty");
    let mut cmd = CommandBuilder::new("setsid");
    cmd.args(["-w", env!("CARGO_BIN_EXE_rncp-explorer")]);
    cmd.env("TERM", "xterm-256color");
    let mut leader = pty.slave.spawn_command(cmd).expect("spawn setsid");
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
    let leader_pid = leader.process_id().expect("pid");
    let children =
        std::fs::read_to_string(format!("/proc/{leader_pid}/task/{leader_pid}/children"))
            .expect("children of setsid");
    let pid: u32 = children
        .split_whitespace()
        .next()
        .and_then(|p| p.parse().ok())
        .expect("the explorer's pid");
    drop(reader);
    drop(pty.master);
    let deadline = Instant::now() + TIMEOUT;
    while !ended(pid) {
        if Instant::now() >= deadline {
            let _ = std::process::Command::new("kill")
                .args(["-KILL", &pid.to_string()])
                .status();
            panic!("the orphaned explorer kept running after its terminal closed");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let _ = leader.kill();
    let _ = leader.wait();
}

fn bracketed(text: &str) -> String {
    format!("\x1b[200~{text}\x1b[201~")
}

// 15.4: a long paste into the search, then Esc, all in one burst: the paste
// is one event, and the Esc after it is read without waiting for more input.
#[test]
fn a_long_paste_then_esc_closes_the_search_at_once() {
    let mut s = Session::start(120, 40, &[]);
    s.wait_text("Fiche RNCP 24759");
    s.send("/");
    s.wait_text("┌ Recherche");
    let pasted = "lobbyiste ".repeat(300) + "\n";
    s.send(&(bracketed(&pasted) + "\x1b"));
    s.wait_for("the popup closed", |sc| {
        !sc.contents().contains("┌ Recherche")
    });
    s.send("q");
    assert_eq!(s.finish(), 0);
    s.assert_restored();
    let out = String::from_utf8_lossy(&s.raw);
    assert!(out.contains("\x1b[?2004h"), "bracketed paste enabled");
    assert!(out.contains("\x1b[?2004l"), "and disabled on the way out");
}

#[test]
fn a_pasted_line_break_becomes_a_space_in_the_query() {
    let mut s = Session::start(120, 40, &[]);
    s.wait_text("Fiche RNCP 24759");
    s.send("/");
    s.wait_text("┌ Recherche");
    s.send(&bracketed("chef\r\ncabinet"));
    s.wait_text("chef cabinet");
    s.wait_text("chef de cabinet");
    s.send("\x1b");
    s.wait_for("the popup closed", |sc| {
        !sc.contents().contains("┌ Recherche")
    });
    s.send("q");
    assert_eq!(s.finish(), 0);
}

// 15.7: a terminal reporting 65535×65535 asked ratatui for 206 GB of cells
// and aborted with the terminal raw. The drawn area is capped.
#[test]
fn an_absurd_terminal_size_is_survived() {
    let _turn = HEAVY.lock().unwrap_or_else(|e| e.into_inner());
    // Monochrome: a frame with no background colours is less output to decode.
    let mut s = Session::start_with_env(100, 30, &[], &[("NO_COLOR", "1")]);
    s.wait_text("Fiche RNCP 24759");
    let before = s.raw.len();
    s.master.resize(size(u16::MAX, u16::MAX)).expect("resize");
    // A frame drawn at the capped size (1000×500) reaches row 500, the
    // status bar; the old code aborted instead, ending the output. A debug
    // build takes seconds to draw that many cells: a longer bound here (it
    // only matters when the frame never comes).
    let deadline = Instant::now() + 3 * TIMEOUT;
    while !String::from_utf8_lossy(&s.raw[before..]).contains("\x1b[500;") {
        let left = deadline.saturating_duration_since(Instant::now());
        match s.output.recv_timeout(left) {
            Ok(bytes) => s.take(bytes),
            Err(_) => panic!(
                "no frame at the capped size (exit {:?}); output since: {:?}",
                s.child.try_wait(),
                String::from_utf8_lossy(&s.raw[before..])
                    .chars()
                    .take(400)
                    .collect::<String>()
            ),
        }
    }
    s.master.resize(size(100, 30)).expect("resize back");
    s.send("q");
    assert_eq!(s.finish(), 0);
    s.assert_restored();
}

fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("e2e_hardening");
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir.join(name)
}

// 15.3: a parcours named by one 300k-character word. Every keystroke used to
// cost seconds of wrapping; browsing it and quitting must stay immediate.
#[test]
fn a_huge_parcours_name_keeps_the_explorer_responsive() {
    let _turn = HEAVY.lock().unwrap_or_else(|e| e.into_inner());
    let source = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/rncp-24759.ron"
    ))
    .unwrap();
    let name = "Communication publique et démocratie participative";
    let huge = format!("Communication{}", "x".repeat(300_000));
    let path = scratch("huge-name.ron");
    std::fs::write(&path, source.replacen(name, &huge, 1)).unwrap();
    let mut s = Session::start(120, 40, &["--data", path.to_str().unwrap()]);
    s.wait_text("Fiche RNCP 24759");
    // The parcours, its detail, the tree and back: each a redraw.
    s.send("j");
    s.send("\t");
    s.send("\t");
    s.send("G");
    s.send("q");
    assert_eq!(s.finish(), 0);
    s.assert_restored();
}

// 15.7: an abort (what an allocation failure does) runs no panic hook and
// no destructor; the SIGABRT handler still gives the screen back.
#[test]
fn an_abort_leaves_the_terminal_restored() {
    let mut s = Session::start(100, 30, &[]);
    s.wait_text("Fiche RNCP 24759");
    s.wait_for("mouse capture", |sc| {
        sc.mouse_protocol_mode() != vt100::MouseProtocolMode::None
    });
    let pid = s.child.process_id().expect("pid");
    let sent = std::process::Command::new("kill")
        .args(["-ABRT", &pid.to_string()])
        .status()
        .expect("run kill");
    assert!(sent.success());
    s.finish();
    s.assert_restored();
}
