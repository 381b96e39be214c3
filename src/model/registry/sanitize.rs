//! Export strings are sanitized like RON strings (`model::sanitize`): nothing
//! that could drive a terminal survives. Unlike a hand-written RON file, which
//! is refused, an official export is repaired: the characters are removed and
//! the fiche gets a warning.

use std::borrow::Cow;

use crate::model::sanitize::is_forbidden;

/// A one-line value: line breaks and tabs become spaces, other forbidden
/// characters are removed. Returns the text and how many were removed.
pub(crate) fn clean_line(raw: &str) -> (Cow<'_, str>, usize) {
    clean(raw, false)
}

/// A text field: line breaks are kept (as `\n`, they separate items), tabs
/// become spaces, other forbidden characters are removed.
pub(crate) fn clean_text(raw: &str) -> (Cow<'_, str>, usize) {
    clean(raw, true)
}

fn clean(raw: &str, keep_breaks: bool) -> (Cow<'_, str>, usize) {
    if !may_hold_forbidden(raw) {
        return (Cow::Borrowed(raw), 0);
    }
    let mut out = String::with_capacity(raw.len());
    let mut removed = 0;
    let mut chars = raw.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' | '\n' => {
                if c == '\r' && chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push(if keep_breaks { '\n' } else { ' ' });
            }
            '\t' => out.push(' '),
            c if is_forbidden(c) => removed += 1,
            c => out.push(c),
        }
    }
    (Cow::Owned(out), removed)
}

/// Whether `text` holds a forbidden character: a vectorized test for the
/// common all-ASCII value, the full Unicode rule of `model::sanitize` (by
/// property) for the others. Exact either way.
fn may_hold_forbidden(text: &str) -> bool {
    if text.is_ascii() {
        return text.bytes().any(|b| b < 0x20 || b == 0x7f);
    }
    text.chars().any(is_forbidden)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_invisibles_are_removed_and_counted() {
        assert_eq!(
            clean_line("a\u{1b}[2Jb\u{202e}c\u{200b}"),
            ("a[2Jbc".into(), 3)
        );
        assert_eq!(clean_line("un\r\ndeux\tx"), ("un deux x".into(), 0));
        assert_eq!(
            clean_text("un\r\ndeux\rtrois"),
            ("un\ndeux\ntrois".into(), 0)
        );
        assert_eq!(
            clean_line("Ingénieur « SI »"),
            ("Ingénieur « SI »".into(), 0)
        );
        assert_eq!(clean_line("d’élu\u{ad}s"), ("d’élus".into(), 1));
        assert_eq!(clean_line("x\u{feff}\u{2066}y\u{9b}"), ("xy".into(), 3));
    }

    #[test]
    fn the_quick_scan_never_misses_a_forbidden_character() {
        for code in 0..0x3_0000u32 {
            let Some(c) = char::from_u32(code) else {
                continue;
            };
            if is_forbidden(c) {
                // At every alignment inside and across the scan's blocks.
                for pad in [0, 1, 15, 31, 32, 33] {
                    let text = format!("{}{c}b", "a".repeat(pad));
                    assert!(may_hold_forbidden(&text), "U+{code:04X} at {pad}");
                }
            }
        }
        assert!(!may_hold_forbidden(
            &"Développeur « web » – d’applications… ".repeat(9)
        ));
    }
}
