//! End-to-end comparison in a pseudo-terminal: `c`, pick a parcours, read
//! both names and a shared UE side by side, `s` swaps, `Esc` goes back.

mod common;

use common::pty::Session;

#[test]
fn compare_two_parcours_swap_and_escape_back() {
    // Monochrome: the shared mark must be readable without colour.
    let mut s = Session::start_with_env(120, 40, &[], &[("NO_COLOR", "1")]);
    s.wait_text("Fiche RNCP 24759");
    // Communication, then `c`: the picker offers the others, not Communication.
    s.send("j");
    s.send("c");
    s.wait_text("Comparer « Communication » avec…");
    s.wait_text("European Policies and Project Management");
    // Second option: Urbain.
    s.send("j\r");
    s.wait_text("Comparaison : Communication ↔ Urbain");
    // A shared UE: marked "=" (no colour needed) and present in both columns.
    // (Waiting for it, not just the title: a frame may arrive in pieces.)
    s.wait_for("the shared UE 7 row", |sc| {
        sc.contents()
            .lines()
            .any(|l| l.contains("= UE 7 Initiatives") && l.matches("UE 7 Initiatives").count() == 2)
    });
    let screen = s.parser.screen().contents();
    assert!(
        screen.contains("Communication publique et démocratie"),
        "{screen}"
    );
    assert!(
        screen.contains("Ingénierie de projet en politiques urbaines"),
        "{screen}"
    );
    // `s` swaps the sides.
    s.send("s");
    s.wait_text("Comparaison : Urbain ↔ Communication");
    // `Esc` returns to the browser, the maquette pane back in place.
    s.send("\x1b");
    s.wait_for("the browser", |sc| {
        let text = sc.contents();
        !text.contains("Comparaison :") && text.contains("Détail")
    });
    s.send("q");
    assert_eq!(s.finish(), 0);
}
