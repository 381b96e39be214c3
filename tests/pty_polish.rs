//! `compare` in a real terminal follows its width (issue 14.15).

mod common;

use unicode_width::UnicodeWidthStr;

use common::pty::Session;

fn compare_in_a_terminal(cols: u16) -> String {
    let mut session = Session::start(cols, 50, &["compare", "europe", "humanitaire"]);
    assert_eq!(session.finish(), 0);
    String::from_utf8(session.raw.clone())
        .expect("UTF-8")
        .replace('\r', "")
}

#[test]
fn compare_text_follows_the_terminal_width() {
    let narrow = compare_in_a_terminal(60);
    assert!(narrow.contains("COMPÉTENCES"), "{narrow}");
    let widest = narrow.lines().map(|l| l.width()).max().unwrap();
    assert!(widest <= 60, "{widest}:\n{narrow}");
    let wide = compare_in_a_terminal(150);
    let widest = wide.lines().map(|l| l.width()).max().unwrap();
    assert!((100..=150).contains(&widest), "{widest}:\n{wide}");
}
