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
    if !may_hold_forbidden(raw.as_bytes()) {
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

/// A quick byte scan, exact for ASCII: false means no character of `bytes`
/// is forbidden. Forbidden characters are ASCII controls and DEL, or start
/// with 0xC2 (C1 controls, soft hyphen), 0xE2 (zero-width, bidi) or 0xEF
/// (BOM); the slow check runs only when one of those bytes shows up with a
/// suspicious follower, which French text (« », é, ’) rarely has.
fn may_hold_forbidden(bytes: &[u8]) -> bool {
    // Blocks without a suspicious byte (most of the export: ASCII and
    // accented letters) are skipped with a branch-free test that vectorizes.
    let suspicious = |b: u8| b < 0x20 || b == 0x7f || b == 0xC2 || b == 0xE2 || b == 0xEF;
    let mut block = 0;
    while block < bytes.len() {
        let end = (block + 32).min(bytes.len());
        let dirty = bytes[block..end]
            .iter()
            .fold(false, |acc, &b| acc | suspicious(b));
        if dirty {
            for i in block..end {
                if forbidden_at(bytes, i) {
                    return true;
                }
            }
        }
        block = end;
    }
    false
}

/// Whether a forbidden character starts at byte `i`.
fn forbidden_at(bytes: &[u8], i: usize) -> bool {
    let next = |k: usize| bytes.get(i + k).copied().unwrap_or(0);
    match bytes[i] {
        b if b < 0x20 || b == 0x7f => true,
        // U+0080–009F, U+00AD.
        0xC2 => next(1) <= 0x9F || next(1) == 0xAD,
        // U+200B–200F, U+202A–202E (’ – … are E2 80 too, and fine);
        // U+2060–2064, U+2066–2069.
        0xE2 => match next(1) {
            0x80 => matches!(next(2), 0x8B..=0x8F | 0xAA..=0xAE),
            0x81 => matches!(next(2), 0xA0..=0xA4 | 0xA6..=0xA9),
            _ => false,
        },
        // U+FEFF.
        0xEF => next(1) == 0xBB && next(2) == 0xBF,
        _ => false,
    }
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
                    assert!(may_hold_forbidden(text.as_bytes()), "U+{code:04X} at {pad}");
                }
            }
        }
        assert!(!may_hold_forbidden(
            "Développeur « web » – d’applications… "
                .repeat(9)
                .as_bytes()
        ));
    }
}
