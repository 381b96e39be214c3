//! Word-wrapping of detail documents to a width, in display columns. The UI
//! paints the result; `update` uses the same line count to bound scrolling.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::Tone;
use super::detail::DocLine;

/// A wrapped screen line.
pub type Wrapped = Vec<(Tone, String)>;

/// Display width of a string (accents count one, CJK two).
pub fn width_of(text: &str) -> usize {
    UnicodeWidthStr::width(text)
}

/// Splits after each run of spaces: "a b  c" → ["a ", "b  ", "c"].
fn tokens(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut in_space = false;
    for (i, c) in text.char_indices() {
        if c == ' ' {
            in_space = true;
        } else if in_space {
            out.push(&text[start..i]);
            start = i;
            in_space = false;
        }
    }
    if start < text.len() {
        out.push(&text[start..]);
    }
    out
}

/// The longest prefix of `text` that fits in `width` columns, the rest, and
/// the prefix's width. Looks at the prefix's characters only (and one more).
fn split_at_width(text: &str, width: usize) -> (&str, &str, usize) {
    let mut used = 0;
    for (i, c) in text.char_indices() {
        let w = UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w > width {
            let (head, tail) = text.split_at(i);
            return (head, tail, used);
        }
        used += w;
    }
    (text, "", used)
}

/// A first-level item's mark.
pub const BULLET: &str = "• ";
/// A second-level item, indented under the first level's text.
pub const SUB_BULLET: &str = "  ◦ ";

/// Word-wraps the document to `width` columns. Bullets hang; words longer
/// than a line are cut. Never loops forever, whatever the width.
pub fn wrap(doc: &[DocLine], width: usize) -> Vec<Wrapped> {
    wrap_starts(doc, width).0
}

/// [`wrap`], and for each logical line the index of its first screen line
/// (where a link of the detail is drawn).
pub fn wrap_starts(doc: &[DocLine], width: usize) -> (Vec<Wrapped>, Vec<usize>) {
    let mut out = Vec::new();
    let mut starts = Vec::with_capacity(doc.len());
    for line in doc {
        starts.push(out.len());
        let mark = if line.bullet {
            Some(BULLET)
        } else if line.sub {
            Some(SUB_BULLET)
        } else {
            None
        };
        // Continuation lines start under the text, past the mark.
        let hang = mark.map_or(0, |m| width_of(m).min(width.saturating_sub(1)));
        let mut cur: Wrapped = Vec::new();
        let mut used = 0;
        if let Some(mark) = mark {
            cur.push((Tone::Muted, mark.to_string()));
            used = width_of(mark);
        }
        let mut fresh = true;
        for (tone, text) in &line.spans {
            for token in tokens(text) {
                let mut rest = if fresh { token.trim_start() } else { token };
                if !fresh && used + width_of(rest.trim_end()) > width {
                    push_line(&mut out, &mut cur);
                    cur.push((Tone::Text, " ".repeat(hang)));
                    used = hang;
                    fresh = true;
                    rest = rest.trim_start();
                }
                // The rest's width is measured once and then decremented by
                // each piece cut off: measuring it again for every line made
                // a long word quadratic (a 300k-character name took seconds
                // per frame). Only spaces follow a token's last non-space.
                let mut rest_width = width_of(rest.trim_end());
                while !rest.is_empty() && used + rest_width > width {
                    let (mut head, mut tail, mut head_width) =
                        split_at_width(rest, width.saturating_sub(used));
                    if head.is_empty() {
                        if !fresh {
                            push_line(&mut out, &mut cur);
                            cur.push((Tone::Text, " ".repeat(hang)));
                            used = hang;
                            fresh = true;
                            continue;
                        }
                        // Not even one character fits: take one anyway so we progress.
                        let first = rest.chars().next().map_or(0, char::len_utf8);
                        (head, tail) = rest.split_at(first);
                        head_width = width_of(head);
                    }
                    cur.push((*tone, head.to_string()));
                    push_line(&mut out, &mut cur);
                    cur.push((Tone::Text, " ".repeat(hang)));
                    used = hang;
                    fresh = true;
                    let trimmed = tail.trim_start();
                    let spaces = width_of(&tail[..tail.len() - trimmed.len()]);
                    rest_width = rest_width.saturating_sub(head_width + spaces);
                    rest = trimmed;
                }
                if !rest.is_empty() {
                    used += width_of(rest);
                    cur.push((*tone, rest.to_string()));
                    fresh = false;
                }
            }
        }
        push_line(&mut out, &mut cur);
    }
    (out, starts)
}

/// Ends a wrapped line, without the spaces it was broken at.
fn push_line(out: &mut Vec<Wrapped>, cur: &mut Wrapped) {
    if let Some((_, last)) = cur.last_mut() {
        last.truncate(last.trim_end().len());
    }
    out.push(std::mem::take(cur));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_of(lines: &[Wrapped]) -> Vec<String> {
        lines
            .iter()
            .map(|l| l.iter().map(|(_, t)| t.as_str()).collect())
            .collect()
    }

    #[test]
    fn wrap_breaks_at_spaces_and_hangs_bullets() {
        let doc = vec![DocLine {
            spans: vec![(Tone::Text, "un deux trois quatre".into())],
            bullet: true,
            sub: false,
        }];
        let lines = text_of(&wrap(&doc, 10));
        assert_eq!(lines, vec!["• un deux", "  trois", "  quatre"]);
        for l in &lines {
            assert!(width_of(l.trim_end()) <= 10, "{l:?}");
        }
    }

    #[test]
    fn sub_items_are_indented_under_the_bullets_text_and_hang_deeper() {
        let doc = vec![
            DocLine {
                spans: vec![(Tone::Text, "Gérer le patrimoine".into())],
                bullet: true,
                sub: false,
            },
            DocLine {
                spans: vec![(Tone::Text, "Recenser et identifier".into())],
                bullet: false,
                sub: true,
            },
        ];
        let lines = text_of(&wrap(&doc, 16));
        assert_eq!(
            lines,
            vec![
                "• Gérer le",
                "  patrimoine",
                "  ◦ Recenser et",
                "    identifier"
            ]
        );
    }

    #[test]
    fn wrap_cuts_long_words_and_survives_tiny_widths() {
        let doc = vec![DocLine {
            spans: vec![(Tone::Text, "anticonstitutionnellement 漢字漢字".into())],
            bullet: false,
            sub: false,
        }];
        let lines = text_of(&wrap(&doc, 8));
        assert!(
            lines.iter().all(|l| width_of(l.trim_end()) <= 8),
            "{lines:?}"
        );
        assert_eq!(
            lines.concat().replace(' ', ""),
            "anticonstitutionnellement漢字漢字"
        );
        for w in 0..3 {
            assert!(!wrap(&doc, w).is_empty());
        }
    }
}
