//! `y`: the text to copy. In browsing, the detail pane's subject (a parcours,
//! the fiche, a tree node) as plain text; in the comparison, the whole
//! comparison in Markdown, the same as `compare --format markdown`. `update`
//! hands it to the loop as an [`Effect::Copy`]; the loop sends it through
//! OSC 52, so it works over ssh (the terminal owns the clipboard).

use super::view::detail::{self, DocLine};
use super::view::strings as s;
use super::view::wrap::{BULLET, SUB_BULLET};
use super::{App, Effect, Mode};
use crate::compare::markdown;

/// Largest text copied, in bytes: terminals cap OSC 52 payloads (often far
/// below this), and a megabyte of base64 through a slow ssh link already
/// takes a while.
pub const MAX_COPY: usize = 1 << 20;

/// The detail document as plain text: one line per logical line, bullets
/// as "• ", no styling; control characters (data never should carry them)
/// are dropped so nothing but text reaches the clipboard.
pub fn plain_text(doc: &[DocLine]) -> String {
    let mut out = String::new();
    for line in doc {
        if line.bullet {
            out.push_str(BULLET);
        } else if line.sub {
            out.push_str(SUB_BULLET);
        }
        for (_, text) in &line.spans {
            out.push_str(text);
        }
        out.push('\n');
    }
    clean(&out)
}

/// `text` without control characters but line breaks and tabs.
fn clean(text: &str) -> String {
    text.chars()
        .filter(|&c| !c.is_control() || c == '\n' || c == '\t')
        .collect()
}

/// `text` cut to at most `max` bytes on a character boundary; true when cut.
pub fn cap(mut text: String, max: usize) -> (String, bool) {
    if text.len() <= max {
        return (text, false);
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text.truncate(end);
    (text, true)
}

/// What `y` copies in the current mode; `None` where there is nothing to copy.
pub fn text(app: &App) -> Option<String> {
    match &app.mode {
        Mode::Compare(view) => {
            let fiches = crate::compare::Sides {
                left: app.catalogue.get(view.left.fiche),
                right: app.catalogue.get(view.right.fiche),
            };
            Some(clean(&markdown::render(fiches, &view.comparison)))
        }
        Mode::CertCompare(view) => Some(clean(&crate::compare::certs::markdown::render(
            &view.comparison,
        ))),
        Mode::Browse => Some(plain_text(&detail::document(app))),
        Mode::Fiches => None,
    }
}

/// `y`: asks the loop to copy, and says so in the status bar.
pub(super) fn copy(app: &mut App) {
    let Some(text) = text(app) else {
        return;
    };
    let (text, cut) = cap(text, MAX_COPY);
    app.notice = Some(s::copied(text.chars().count(), cut.then_some(MAX_COPY)));
    app.effects.push(Effect::Copy(text));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::view::Tone;

    #[test]
    fn plain_text_keeps_words_and_bullets_and_drops_controls() {
        let doc = [
            DocLine {
                spans: vec![
                    (Tone::Label, "ECTS : ".into()),
                    (Tone::Text, "30\u{1b}[31m".into()),
                ],
                bullet: false,
                sub: false,
            },
            DocLine {
                spans: vec![(Tone::Text, "un\u{7}".into())],
                bullet: true,
                sub: false,
            },
        ];
        assert_eq!(plain_text(&doc), "ECTS : 30[31m\n• un\n");
    }

    #[test]
    fn cap_cuts_on_a_character_boundary() {
        assert_eq!(cap("abc".into(), 3), ("abc".into(), false));
        assert_eq!(cap("aé".into(), 2), ("a".into(), true));
    }
}
