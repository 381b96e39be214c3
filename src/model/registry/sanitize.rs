//! Export strings are sanitized like RON strings (`model::sanitize`): nothing
//! that could drive a terminal survives. Unlike a hand-written RON file, which
//! is refused, an official export is repaired: the characters are removed and
//! the fiche gets a warning.

use crate::model::sanitize::is_forbidden;

/// A one-line value: line breaks and tabs become spaces, other forbidden
/// characters are removed. Returns the text and how many were removed.
pub(crate) fn clean_line(raw: &str) -> (String, usize) {
    clean(raw, false)
}

/// A text field: line breaks are kept (as `\n`, they separate items), tabs
/// become spaces, other forbidden characters are removed.
pub(crate) fn clean_text(raw: &str) -> (String, usize) {
    clean(raw, true)
}

fn clean(raw: &str, keep_breaks: bool) -> (String, usize) {
    if !raw.chars().any(is_forbidden) {
        return (raw.to_string(), 0);
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
    (out, removed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_invisibles_are_removed_and_counted() {
        assert_eq!(
            clean_line("a\u{1b}[2Jb\u{202e}c\u{200b}"),
            ("a[2Jbc".to_string(), 3)
        );
        assert_eq!(clean_line("un\r\ndeux\tx"), ("un deux x".to_string(), 0));
        assert_eq!(
            clean_text("un\r\ndeux\rtrois"),
            ("un\ndeux\ntrois".to_string(), 0)
        );
        assert_eq!(
            clean_line("Ingénieur « SI »"),
            ("Ingénieur « SI »".to_string(), 0)
        );
    }
}
