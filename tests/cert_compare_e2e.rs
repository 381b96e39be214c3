//! Comparing two certifications in a pseudo-terminal: the real samples,
//! `c` on the fiche list, the filter typed, the comparison read, `s` swaps,
//! `Esc` back to the list, `q` quits with the terminal restored.

mod common;

use common::pty::{Session, fresh_state_dir};

#[test]
fn compare_a_bts_with_its_replacement_from_the_list() {
    let dir = fresh_state_dir();
    let cache = dir.join("cache");
    let sample = |name: &str| {
        format!(
            "{}/tests/fixtures/registry/{name}",
            env!("CARGO_MANIFEST_DIR")
        )
    };
    let (rncp, bts) = (
        sample("export-rncp-sample.xml"),
        sample("export-rncp-bts-sio-sample.xml"),
    );
    let mut s = Session::start_with_env(
        120,
        40,
        &["--data", &rncp, "--data", &bts],
        &[
            ("NO_COLOR", "1"),
            ("RNCP_EXPLORER_CACHE_DIR", cache.to_str().unwrap()),
        ],
    );
    s.wait_text("Fiches · 10 fiches");
    // RNCP35340 is the ninth fiche.
    s.send("jjjjjjjjc");
    s.wait_text("Comparer RNCP35340 avec…");
    // Its replacement comes first, tagged.
    s.wait_text("la remplace");
    s.send("servic");
    s.wait_text("(1/9)");
    s.send("\r");
    s.wait_text("Comparaison de certifications : RNCP35340 ↔ RNCP40792");
    s.wait_text("RNCP40792 remplace directement RNCP35340");
    s.wait_text("De RNCP35340 à RNCP40792 — blocs : 5 conservés ; dont 4 renommés");
    s.send("s");
    s.wait_text("Comparaison de certifications : RNCP40792 ↔ RNCP35340");
    s.send("\x1b");
    s.wait_text("Fiches · 10 fiches");
    s.send("q");
    assert_eq!(s.finish(), 0);
    s.assert_restored();
    let _ = std::fs::remove_dir_all(&dir);
}
