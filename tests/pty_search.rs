//! The catalogue search in a real terminal, on the registry samples: Ctrl-F
//! from the fiche list, a query typed (run once the index, built after the
//! first frame, is there), certifications first, Ctrl-R to items and back,
//! a facet set with a function key, Entrée opening a certification, and a
//! restored terminal on quit.

mod common;

use common::pty::{Session, fresh_state_dir};

const RNCP_SAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/registry/export-rncp-sample.xml"
);
const RS_SAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/registry/export-rs-sample.xml"
);

/// The explorer at 120×40 on the samples, with its cache and state in
/// the test's folders.
fn on_samples(cache: &std::path::Path, state: &std::path::Path) -> Session {
    Session::start_with_env(
        120,
        40,
        &["--data", RNCP_SAMPLE, "--data", RS_SAMPLE],
        &[
            ("RNCP_EXPLORER_CACHE_DIR", cache.to_str().unwrap()),
            ("RNCP_EXPLORER_STATE_DIR", state.to_str().unwrap()),
        ],
    )
}

#[test]
fn search_the_samples_switch_mode_and_open_a_certification() {
    let dir = fresh_state_dir();
    let cache = dir.join("cache");
    let state = dir.join("state");
    let mut session = on_samples(&cache, &state);
    session.wait_text("13 fiches");
    session.wait_text("Rép. tous");
    // Ctrl-F: the search over the catalogue, by certification.
    session.send("\x06");
    session.wait_text("par certification");
    session.send("developpeur web");
    session.wait_text("RNCP37674 Développeur web et web mobile");
    session.wait_text("certifications");
    // Ctrl-R: the items, each naming its fiche; then back.
    session.send("\x12");
    session.wait_text("par élément");
    session.wait_for("items with their fiche", |s| {
        s.contents()
            .lines()
            .any(|l| l.contains("Emploi") && l.contains("RNCP37674"))
    });
    session.send("\x12");
    session.wait_text("par certification");
    // F4: inactive certifications too (the count grows).
    session.send("\x1bOS");
    session.wait_text("toutes · ");
    // Entrée: the first certification opens in the three panes.
    session.send("\r");
    session.wait_text("Fiche RNCP 37674");
    session.wait_for("the popup closed", |s| {
        !s.contents().contains("par certification")
    });
    // Échap: back to the list; q quits.
    session.send("\x1b");
    session.wait_text("13 fiches");
    session.send("q");
    assert_eq!(session.finish(), 0);
    session.assert_restored();
    let _ = std::fs::remove_dir_all(dir);
}

/// The `search-*.idx` file the explorer keeps in `cache`, if any.
fn kept_index(cache: &std::path::Path) -> Option<std::path::PathBuf> {
    std::fs::read_dir(cache)
        .ok()?
        .flatten()
        .map(|e| e.path())
        .find(|p| {
            p.extension().is_some_and(|e| e == "idx")
                && p.file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with("search-"))
        })
}

/// Opens the samples, searches "developpeur web" and waits for its first
/// certification, then, while still running, for the index file to be kept
/// (a real index: more than a few bytes).
fn search_once(cache: &std::path::Path, state: &std::path::Path) -> std::path::PathBuf {
    let mut session = on_samples(cache, state);
    session.wait_text("13 fiches");
    session.send("\x06");
    session.wait_text("par certification");
    session.send("developpeur web");
    session.wait_text("RNCP37674 Développeur web et web mobile");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    let kept = loop {
        if let Some(path) = kept_index(cache)
            && std::fs::metadata(&path).is_ok_and(|m| m.len() > 1000)
        {
            break path;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "no index kept in {cache:?}"
        );
        std::thread::sleep(std::time::Duration::from_millis(50));
    };
    session.send("\x1b");
    session.send("q");
    assert_eq!(session.finish(), 0);
    session.assert_restored();
    kept
}

#[test]
fn the_index_is_kept_and_read_back_by_the_next_run() {
    let dir = fresh_state_dir();
    let (cache, state) = (dir.join("cache"), dir.join("state"));
    let kept = search_once(&cache, &state);
    let written = std::fs::metadata(&kept).unwrap().modified().unwrap();
    // The second run answers the same from the kept index: not written again.
    let again = search_once(&cache, &state);
    assert_eq!(again, kept);
    assert_eq!(
        std::fs::metadata(&kept).unwrap().modified().unwrap(),
        written
    );
    // A spoilt file is not trusted: the explorer builds the index, answers,
    // and keeps a good one again.
    std::fs::write(&kept, b"not an index").unwrap();
    search_once(&cache, &state);
    assert!(std::fs::metadata(&kept).unwrap().len() > 1000);
    let _ = std::fs::remove_dir_all(dir);
}
