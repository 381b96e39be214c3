//! Issue 15 at the `update` and rendering level: overflows the fuzzer found,
//! and wrapping that stays linear whatever the data.

mod common;

use rncp_explorer::app::{Action, update};

// 15.6: the fuzz case. `Bottom` parks the detail scroll at usize::MAX; a
// page down after it overflowed (a panic in debug builds, a wrap in release).
#[test]
fn page_down_after_bottom_in_a_tiny_detail_does_not_overflow() {
    let mut app = common::app::app_at(14, 28);
    for action in [
        Action::Resize {
            width: 14,
            height: 28,
        },
        Action::PrevPane,
        Action::Bottom,
        Action::PageDown,
        Action::Down,
        Action::Wheel {
            column: 5,
            row: 20,
            down: true,
        },
    ] {
        update(&mut app, action);
        common::app::drawn(&app);
    }
}

// 15.3: a parcours name of one 300k-character word. Wrapping it used to
// rescan the rest of the word for every line cut (quadratic: 7 s of CPU per
// keystroke in release); it must come out whole, in lines that fit.
#[test]
fn a_huge_word_wraps_whole_into_lines_that_fit() {
    use rncp_explorer::app::view::Tone;
    use rncp_explorer::app::view::detail::{self, DocLine};
    let word = "é".repeat(300_000);
    let doc = [DocLine {
        spans: vec![(Tone::Text, format!("Nom : {word} fin"))],
        bullet: true,
        sub: false,
    }];
    let lines = detail::wrap(&doc, 37);
    let texts: Vec<String> = lines
        .iter()
        .map(|l| l.iter().map(|(_, t)| t.as_str()).collect())
        .collect();
    assert!(
        texts
            .iter()
            .all(|l| unicode_width::UnicodeWidthStr::width(l.as_str()) <= 37)
    );
    assert_eq!(texts.concat().matches('é').count(), 300_000);
    assert!(texts.last().unwrap().ends_with("fin"));
}
