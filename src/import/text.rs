//! Line preparation: every input line cleaned once (whitespace, invisible
//! characters), with a folded key for matching headings and markers.

use crate::model::is_forbidden;
use crate::model::normalize::fold;

use super::Warning;

/// One input line, cleaned.
#[derive(Debug, Clone)]
pub(crate) struct Line {
    /// 1-based line number in the input.
    pub no: usize,
    /// Whitespace collapsed (NBSP, tabs, runs of spaces), trimmed, no control
    /// or invisible characters. Empty for a blank line.
    pub text: String,
    /// `text` folded (lower case, no accents, ’ → ') for matching.
    pub key: String,
    /// For each char of `key`, the index of the `text` char it came from.
    origin: Vec<usize>,
    /// True when a blank line separates this line from the previous non-blank one.
    pub after_blank: bool,
}

impl Line {
    /// The part of `text` that starts where `key[key_byte..]` starts.
    pub fn text_from_key(&self, key_byte: usize) -> &str {
        let key_char = self.key[..key_byte.min(self.key.len())].chars().count();
        let Some(&text_char) = self.origin.get(key_char) else {
            return "";
        };
        match self.text.char_indices().nth(text_char) {
            Some((byte, _)) => &self.text[byte..],
            None => "",
        }
    }

    /// A short excerpt of the line for messages.
    pub fn excerpt(&self) -> String {
        excerpt(&self.text)
    }
}

/// `text` cut to a readable length for a message.
pub(crate) fn excerpt(text: &str) -> String {
    const MAX: usize = 80;
    if text.chars().count() <= MAX {
        text.to_string()
    } else {
        let cut: String = text.chars().take(MAX).collect();
        format!("{cut}…")
    }
}

/// Splits `input` into cleaned lines (blank lines included, with empty text).
/// Control and invisible characters are removed with a warning: the loader
/// refuses them, and a line must never hide text from the reader.
pub(crate) fn prepare(input: &str, warnings: &mut Vec<Warning>) -> Vec<Line> {
    let input = input.strip_prefix('\u{feff}').unwrap_or(input);
    let mut lines = Vec::new();
    let mut after_blank = false;
    for (index, raw) in split_lines(input).enumerate() {
        let no = index + 1;
        let (text, removed) = clean(raw);
        if !removed.is_empty() {
            let codes: Vec<String> = removed
                .iter()
                .map(|c| format!("U+{:04X}", *c as u32))
                .collect();
            warnings.push(Warning {
                line: no,
                message: format!(
                    "caractère(s) de contrôle ou invisible(s) supprimé(s) : {}",
                    codes.join(", ")
                ),
            });
        }
        let folded = fold(&text);
        let blank = text.is_empty();
        lines.push(Line {
            no,
            text,
            key: folded.text,
            origin: folded.origin,
            after_blank,
        });
        after_blank = blank;
    }
    lines
}

/// The lines of `input`, ended by LF, CRLF or a lone CR (old Mac text, and
/// what some copy-pastes produce): a CR-only fiche is one long line otherwise.
fn split_lines(input: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(input);
    std::iter::from_fn(move || {
        let text = rest?;
        match text.find(['\n', '\r']) {
            None => {
                rest = None;
                Some(text)
            }
            Some(at) => {
                let end = if text[at..].starts_with("\r\n") {
                    at + 2
                } else {
                    at + 1
                };
                rest = Some(&text[end..]);
                Some(&text[..at])
            }
        }
    })
}

/// Collapses whitespace (any Unicode space, tabs, CR) to single spaces, trims,
/// and removes forbidden characters (returned, for the warning).
pub(crate) fn clean(raw: &str) -> (String, Vec<char>) {
    let mut removed = Vec::new();
    let mut out = String::with_capacity(raw.len());
    let mut pending_space = false;
    for c in raw.chars() {
        if c.is_whitespace() {
            pending_space = !out.is_empty();
        } else if is_forbidden(c) {
            if !removed.contains(&c) {
                removed.push(c);
            }
        } else {
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            out.push(c);
        }
    }
    (out, removed)
}

/// Collapses whitespace in an already clean fragment (joined pieces, splits).
pub(crate) fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_collapses_nbsp_tabs_and_runs_of_spaces() {
        let (text, removed) =
            clean("  Actors and case studies,\u{a0} European\tfunds \u{202f}: x\r");
        assert_eq!(text, "Actors and case studies, European funds : x");
        assert!(removed.is_empty());
    }

    #[test]
    fn clean_removes_and_reports_control_characters() {
        let (text, removed) = clean("Droit\u{1b}[31m public\u{200b}");
        assert_eq!(text, "Droit[31m public");
        assert_eq!(removed, vec!['\u{1b}', '\u{200b}']);
    }

    #[test]
    fn prepare_numbers_lines_and_marks_blank_separation() {
        let mut warnings = Vec::new();
        let lines = prepare("\u{feff}a\n\n\nb\nc", &mut warnings);
        assert_eq!(lines.len(), 5);
        assert_eq!(lines[0].text, "a");
        assert_eq!(lines[3].no, 4);
        assert!(lines[3].after_blank);
        assert!(!lines[4].after_blank);
        assert!(warnings.is_empty());
    }

    #[test]
    fn cr_crlf_and_lf_all_end_lines() {
        let mut warnings = Vec::new();
        let lines = prepare("a\rb\r\nc\nd\r\re", &mut warnings);
        let texts: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(texts, ["a", "b", "c", "d", "", "e"]);
        assert_eq!(lines[5].no, 6);
        assert!(lines[5].after_blank);
    }

    #[test]
    fn text_from_key_maps_folded_offsets_back() {
        let mut warnings = Vec::new();
        let lines = prepare("Validité des composantes : illimitée", &mut warnings);
        let line = &lines[0];
        let colon = line.key.find(':').unwrap();
        assert_eq!(line.text_from_key(colon + 1).trim(), "illimitée");
    }
}
