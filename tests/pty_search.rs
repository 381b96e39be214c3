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

#[test]
fn search_the_samples_switch_mode_and_open_a_certification() {
    let dir = fresh_state_dir();
    let cache = dir.join("cache");
    let state = dir.join("state");
    let mut session = Session::start_with_env(
        120,
        40,
        &["--data", RNCP_SAMPLE, "--data", RS_SAMPLE],
        &[
            ("RNCP_EXPLORER_CACHE_DIR", cache.to_str().unwrap()),
            ("RNCP_EXPLORER_STATE_DIR", state.to_str().unwrap()),
        ],
    );
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
