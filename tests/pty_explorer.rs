//! The catalogue explorer in a real terminal, on the real samples: filter
//! the list, open a fiche, follow its replacement link, come back with `[`,
//! see an absent replacement said so (and not followed), and quit with the
//! terminal restored.

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

/// The screen's last line: the status bar.
fn status(session: &Session) -> String {
    let screen = session.parser.screen();
    let (rows, cols) = screen.size();
    let last = rows.get() - 1;
    screen.contents_between(last, 0, last, cols.get())
}

#[test]
fn filter_open_follow_the_replacement_come_back_and_quit() {
    let dir = fresh_state_dir();
    let cache = dir.join("cache");
    let mut session = Session::start_with_env(
        120,
        40,
        &["--data", RNCP_SAMPLE, "--data", RS_SAMPLE],
        &[("RNCP_EXPLORER_CACHE_DIR", cache.to_str().unwrap())],
    );
    session.wait_text("13 fiches");

    // Filter the list to one fiche and open it.
    session.send("/6232\r");
    session.wait_text("1/13 fiches");
    session.send("\r");
    session.wait_text("Remplacée par :");
    session.wait_text("RS7485 — Repérage");

    // Choose its replacement and follow it.
    session.send("n");
    session.wait_text("lien 1/1 (Entrée le suit) : RS7485");
    session.send("\r");
    session.wait_for("the replacement fiche and the trail", |s| {
        let text = s.contents();
        text.contains("Numéro : RS7485") && text.contains("RS6232 › RS7485 │")
    });
    assert!(session.parser.screen().contents().contains("Remplace :"));

    // Back: RS6232 again, the trail one place shorter.
    session.send("[");
    session.wait_for("RS6232 and its trail", |s| {
        let (rows, cols) = s.size();
        let bar = s.contents_between(rows.get() - 1, 0, rows.get() - 1, cols.get());
        s.contents().contains("Numéro : RS6232")
            && bar.contains("› RS6232 │")
            && !bar.contains("RS7485")
    });
    // Forward and back again with Ctrl-O.
    session.send("]");
    session.wait_text("Numéro : RS7485");
    session.send("\x0f");
    session.wait_text("Numéro : RS6232");

    // An inactive fiche whose replacement is absent from the data says so,
    // and `n` passes it by.
    session.send("\x1b");
    session.wait_text("1/13 fiches");
    session.send("\x1b");
    session.wait_text("13 fiches · ordre des sources");
    session.send("/34762\r");
    session.wait_text("1/13 fiches");
    session.send("\r");
    session.wait_text("Numéro : RNCP34762");
    // Its validity block is a page down the detail.
    session.send("3\x1b[6~");
    session.wait_text("RNCP39568 (absente des données)");
    session.send("n");
    session.wait_text("lien 1/");
    session.wait_text("ROME");
    let bar = status(&session);
    assert!(!bar.contains("RNCP39568"), "{bar}");

    session.send("q");
    assert_eq!(session.finish(), 0);
    session.assert_restored();
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn the_partners_popup_answers_for_a_siret() {
    let dir = fresh_state_dir();
    let cache = dir.join("cache");
    let mut session = Session::start_with_env(
        100,
        30,
        &["--data", RNCP_SAMPLE],
        &[("RNCP_EXPLORER_CACHE_DIR", cache.to_str().unwrap())],
    );
    session.wait_text("fiches");
    session.send("/37674\r\r");
    session.wait_text("RNCP37674 — Développeur");
    session.send("p");
    session.wait_text("Partenaires de RNCP37674 — 471");
    session.send("88055223700047");
    session.wait_text("habilité sur RNCP37674 pour");
    session.send("\x1b");
    session.wait_for("the popup closed", |s| {
        !s.contents().contains("Partenaires de RNCP37674")
    });
    session.send("q");
    assert_eq!(session.finish(), 0);
    session.assert_restored();
    let _ = std::fs::remove_dir_all(dir);
}
