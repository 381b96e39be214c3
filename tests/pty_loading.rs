//! Issue 16 in a real terminal: the explorer opens a generated export of a
//! few thousand fiches behind its first frame, and `q` or Ctrl-C during the
//! load leave the terminal restored and no cache behind.

mod common;

use common::pty::{Session, fresh_state_dir};

fn start(data: &str, cache: &str, state: &str) -> Session {
    Session::start_with_env(
        100,
        30,
        &["--data", data],
        &[
            ("RNCP_EXPLORER_CACHE_DIR", cache),
            ("RNCP_EXPLORER_STATE_DIR", state),
        ],
    )
}

/// Files left in the cache folder (none is fine, so is a missing folder).
fn cached(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    std::fs::read_dir(dir)
        .map(|d| d.map(|e| e.unwrap().path()).collect())
        .unwrap_or_default()
}

#[test]
fn q_during_the_load_of_a_big_export_quits_with_the_terminal_restored() {
    let dir = fresh_state_dir();
    let data = common::export::write(&dir.join("data"), 3000);
    let cache = dir.join("cache");
    let state = dir.join("state");
    let mut session = start(
        data.to_str().unwrap(),
        cache.to_str().unwrap(),
        state.to_str().unwrap(),
    );
    // Whichever comes first: the gauge, or the list when the load was quick.
    session.wait_for("the gauge or the list", |s| {
        let text = s.contents();
        text.contains("Ouverture de l'export") || text.contains("RNCP100000")
    });
    session.send("q");
    assert_eq!(session.finish(), 0);
    session.assert_restored();
    // A cancelled load leaves no cache; a finished one leaves one whole file.
    let left = cached(&cache);
    assert!(
        left.iter().all(|p| !p.to_string_lossy().ends_with(".tmp")),
        "no temporary file: {left:?}"
    );
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn the_list_appears_without_a_key_once_loaded_and_ctrl_c_gives_130_while_loading() {
    let dir = fresh_state_dir();
    let data = common::export::write(&dir.join("data"), 300);
    let cache = dir.join("cache");
    let state = dir.join("state");
    let mut session = start(
        data.to_str().unwrap(),
        cache.to_str().unwrap(),
        state.to_str().unwrap(),
    );
    session.wait_text("RNCP100000");
    session.send("q");
    assert_eq!(session.finish(), 0);
    session.assert_restored();
    assert_eq!(cached(&cache).len(), 1, "the finished load cached it");

    let big = common::export::write(&dir.join("big"), 3000);
    let mut session = start(
        big.to_str().unwrap(),
        dir.join("cache2").to_str().unwrap(),
        state.to_str().unwrap(),
    );
    session.wait_for("the gauge or the list", |s| {
        let text = s.contents();
        text.contains("Ouverture de l'export") || text.contains("RNCP100000")
    });
    let loading = session
        .parser
        .screen()
        .contents()
        .contains("Ouverture de l'export");
    session.send("\x03");
    let code = session.finish();
    session.assert_restored();
    if loading {
        assert_eq!(code, 130, "Ctrl-C during the load");
        let left = cached(&dir.join("cache2"));
        assert!(left.is_empty(), "no partial cache: {left:?}");
    } else {
        // Already loaded: Ctrl-C is the explorer's own quit.
        assert_eq!(code, 0);
    }
    let _ = std::fs::remove_dir_all(dir);
}
