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

/// Whether `text` holds a forbidden character. Exact: the characters French
/// text is made of (ASCII, Latin-1 and Latin Extended-A letters, the general
/// punctuation of typography, geometric bullets) are told apart by their
/// bytes, eight ASCII bytes at a time; any other character goes to the full
/// Unicode rule of `model::sanitize`. This runs on every value of the export.
fn may_hold_forbidden(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if let Some(word) = bytes.get(i..i + 8) {
            let w = u64::from_le_bytes(word.try_into().unwrap_or_default());
            if plain_ascii(w) {
                i += 8;
                continue;
            }
        }
        let b = bytes[i];
        if b < 0x80 {
            if b < 0x20 || b == 0x7f {
                return true;
            }
            i += 1;
            continue;
        }
        let next = bytes.get(i + 1).copied().unwrap_or(0);
        let third = bytes.get(i + 2).copied().unwrap_or(0);
        let safe = known_safe(b, next, third);
        let width = utf8_width(b);
        if !safe {
            let c = text[i..].chars().next().unwrap_or('\0');
            if is_forbidden(c) {
                return true;
            }
        }
        i += width;
    }
    false
}

/// Whether the character whose UTF-8 starts with these bytes is one of the
/// common ones known to be allowed.
fn known_safe(lead: u8, next: u8, third: u8) -> bool {
    match lead {
        // U+00A0..U+00BF but the soft hyphen U+00AD (U+0080..U+009F are C1 controls).
        0xC2 => next >= 0xA0 && next != 0xAD,
        // U+00C0..U+017F: Latin-1 and Latin Extended-A letters, × and ÷.
        0xC3..=0xC5 => true,
        // U+2000..U+203F but U+200B..U+200F and U+2028..U+202E.
        0xE2 if next == 0x80 => !matches!(third, 0x8B..=0x8F | 0xA8..=0xAE),
        // U+20AC (€); U+2580..U+25FF, block elements and geometric shapes (● ▪ ■ ◦).
        0xE2 => (next == 0x82 && third == 0xAC) || next == 0x96 || next == 0x97,
        _ => false,
    }
}

/// True when the eight bytes of `w` are ASCII, none a control or DEL.
fn plain_ascii(w: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // A byte below 0x20 borrows when 0x20 is taken from it (with no high
    // bit set anywhere, no borrow crosses bytes); DEL is 0x7F ^ 0x7F = 0.
    let controls = w.wrapping_sub(0x20 * ONES) & !w & HIGH;
    let del = (w ^ (0x7F * ONES)).wrapping_sub(ONES) & !(w ^ (0x7F * ONES)) & HIGH;
    w & HIGH == 0 && controls == 0 && del == 0
}

/// Bytes of the UTF-8 sequence a lead byte starts.
fn utf8_width(lead: u8) -> usize {
    match lead {
        0x00..=0x7F => 1,
        0xC0..=0xDF => 2,
        0xE0..=0xEF => 3,
        _ => 4,
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
                for pad in [0, 1, 7, 8, 9, 15, 16, 31, 32, 33] {
                    let text = format!("{}{c}b", "a".repeat(pad));
                    assert!(may_hold_forbidden(&text), "U+{code:04X} at {pad}");
                    // After the multi-byte characters the scan skips by their bytes.
                    let text = format!("é’●{}{c}", "a".repeat(pad));
                    assert!(may_hold_forbidden(&text), "U+{code:04X} after é’● {pad}");
                }
            }
        }
        // What the scan skips is allowed indeed.
        for code in 0x80..0x11_0000u32 {
            let Some(c) = char::from_u32(code) else {
                continue;
            };
            let mut buf = [0u8; 4];
            let b = c.encode_utf8(&mut buf).as_bytes();
            let (next, third) = (
                b.get(1).copied().unwrap_or(0),
                b.get(2).copied().unwrap_or(0),
            );
            if known_safe(b[0], next, third) {
                assert!(!is_forbidden(c), "U+{code:04X} skipped but forbidden");
            }
        }
        assert!(!may_hold_forbidden(
            &"Développeur « web » – d’applications… € ● œ\u{a0}: ".repeat(9)
        ));
    }
}
