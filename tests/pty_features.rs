//! Issue 14, points 21, 22 and 24 in a real terminal: what the binary writes
//! (OSC 52 for `y`, OSC 8 around the detail's links) and the state file it
//! keeps between runs.

mod common;

use std::path::Path;

use common::pty::{Session, fresh_state_dir};

fn raw(session: &Session) -> String {
    String::from_utf8_lossy(&session.raw).into_owned()
}

fn start_in(state: &Path) -> Session {
    let dir = state.to_str().expect("UTF-8 temp dir");
    Session::start_with_env(120, 40, &[], &[("RNCP_EXPLORER_STATE_DIR", dir)])
}

#[test]
fn y_sends_the_detail_through_osc52_and_confirms() {
    let mut s = Session::start(120, 40, &[]);
    s.wait_text("Fiche RNCP 24759");
    s.send("y");
    s.wait_text("copié : ");
    let out = raw(&s);
    let start = out.find("\x1b]52;c;").expect("an OSC 52 sequence") + "\x1b]52;c;".len();
    let end = start + out[start..].find('\x07').expect("ended by BEL");
    let payload = &out[start..end];
    assert!(
        payload
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"+/=".contains(&b)),
        "base64 only"
    );
    use base64::Engine;
    let text = base64::engine::general_purpose::STANDARD
        .decode(payload)
        .expect("base64");
    let text = String::from_utf8(text).expect("UTF-8");
    assert!(text.contains("24759"), "{text}");
    s.send("q");
    assert_eq!(s.finish(), 0);
}

#[test]
fn the_detail_links_are_osc8_hyperlinks() {
    let mut s = Session::start(120, 40, &[]);
    s.wait_text("Fiche RNCP 24759");
    // The fiche's detail, at its end where the links are.
    s.send("3G");
    s.wait_text("formations.univ-lille2.fr");
    let deadline = std::time::Instant::now() + common::pty::TIMEOUT;
    let wanted = "\x1b]8;;http://formations.univ-lille2.fr/\x1b\\";
    while !raw(&s).contains(wanted) {
        assert!(std::time::Instant::now() < deadline, "no OSC 8 link");
        if let Ok(bytes) = s.output.recv_timeout(common::pty::TIMEOUT) {
            s.take(bytes);
        }
    }
    let out = raw(&s);
    let at = out.find(wanted).unwrap() + wanted.len();
    let rest = &out[at..];
    let close = rest.find("\x1b]8;;\x1b\\").expect("the link is closed");
    assert!(rest[..close].contains("http://formations.univ-lille2.fr/"));
    // The screen itself is as drawn: the sequence adds no visible cell.
    assert!(
        s.parser
            .screen()
            .contents()
            .contains("formations.univ-lille2.fr/")
    );
    s.send("q");
    assert_eq!(s.finish(), 0);
}

#[test]
fn selection_expansion_and_focus_are_remembered_between_runs() {
    let state = fresh_state_dir();
    let mut s = start_in(&state);
    s.wait_text("Fiche RNCP 24759");
    // Europe (second parcours), its tree all open, cursor moved down twice.
    s.send("jj\t*jj");
    let end_state = |screen: &vt100::Screen| {
        let text = screen.contents();
        // Europe's tree, all 58 rows open; the cursor on UE 1's first
        // course (its detail); focus on the tree.
        text.contains("Maquette — Europe")
            && text.contains("37/58")
            && text.contains("UE : UE 1 — Enseignements fondamentaux")
            && text.contains("│ Maquette │")
    };
    s.wait_for("the tree all open", end_state);
    s.send("q");
    assert_eq!(s.finish(), 0);
    let file = std::fs::read_to_string(state.join("state.ron")).expect("state written");
    assert!(file.contains("europe"), "{file}");
    assert!(
        !state.read_dir().unwrap().any(|e| e
            .unwrap()
            .file_name()
            .to_string_lossy()
            .ends_with(".tmp"))
    );

    let mut again = start_in(&state);
    again.wait_for("the screen as it was left", end_state);
    again.send("q");
    assert_eq!(again.finish(), 0);
    let _ = std::fs::remove_dir_all(&state);
}

#[test]
fn a_corrupt_state_file_is_ignored_with_a_notice() {
    let state = fresh_state_dir();
    std::fs::write(state.join("state.ron"), "(version: 1, fiches: {\u{0}").unwrap();
    let mut s = start_in(&state);
    s.wait_text("état précédent illisible : ignoré");
    s.send("j");
    s.wait_text("? aide");
    s.send("q");
    assert_eq!(s.finish(), 0);
    // Replaced by a good one on quit.
    let file = std::fs::read_to_string(state.join("state.ron")).unwrap();
    assert!(file.contains("version: 1"), "{file}");
    let _ = std::fs::remove_dir_all(&state);
}

#[test]
fn nothing_is_sent_nor_saved_when_stdout_is_not_a_terminal() {
    let state = fresh_state_dir();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_rncp-explorer"))
        .env("RNCP_EXPLORER_STATE_DIR", &state)
        .stdin(std::process::Stdio::null())
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty(), "no escape sequence on a pipe");
    assert!(!state.join("state.ron").exists());
    let _ = std::fs::remove_dir_all(&state);
}

#[cfg(all(unix, not(target_os = "macos")))]
#[test]
fn o_runs_the_system_opener_with_the_url_as_its_one_argument() {
    use std::os::unix::fs::PermissionsExt;
    let dir = fresh_state_dir();
    let opened = dir.join("opened.txt");
    let opener = dir.join("xdg-open");
    std::fs::write(
        &opener,
        format!(
            "#!/bin/sh\nprintf '%s\\n' \"$#\" \"$@\" > '{}.part' && mv '{0}.part' '{0}'\n",
            opened.display()
        ),
    )
    .unwrap();
    std::fs::set_permissions(&opener, std::fs::Permissions::from_mode(0o755)).unwrap();
    let path = format!(
        "{}:{}",
        dir.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let state = dir.to_str().unwrap();
    let mut s = Session::start_with_env(
        120,
        40,
        &[],
        &[("PATH", &path), ("RNCP_EXPLORER_STATE_DIR", state)],
    );
    s.wait_text("Fiche RNCP 24759");
    s.send("3Go");
    s.wait_text("ouverture : http://");
    let deadline = std::time::Instant::now() + common::pty::TIMEOUT;
    while !opened.exists() {
        assert!(std::time::Instant::now() < deadline, "the opener never ran");
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let args = std::fs::read_to_string(&opened).unwrap();
    let mut lines = args.lines();
    assert_eq!(lines.next(), Some("1"), "one argument: {args}");
    assert!(lines.next().unwrap().starts_with("http://"), "{args}");
    s.send("q");
    assert_eq!(s.finish(), 0);
    let _ = std::fs::remove_dir_all(&dir);
}
