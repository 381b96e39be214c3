//! Structural rules a fiche must meet to be loaded (the questionable-but-valid
//! things are `check`'s business, not this module's).

use std::collections::HashSet;

use super::position::{end_position, locate};
use super::ron_text::Literal;
use super::{Course, Fiche, Semester};

pub(crate) struct Invalid {
    pub position: Option<(usize, usize)>,
    pub message: String,
}

/// Validates `fiche`; `text` is its source and `strings` its string literals,
/// used to point at the offending line and column.
pub(crate) fn validate(fiche: &Fiche, text: &str, strings: &[Literal]) -> Result<(), Invalid> {
    let fail = |needle: Option<(&str, usize)>, message: String| Invalid {
        position: needle.and_then(|(n, nth)| locate(text, n, nth)),
        message,
    };
    if fiche.rncp_code.trim().is_empty() {
        return Err(fail(Some(("rncp_code", 0)), "rncp_code est vide".into()));
    }
    if fiche.intitule.trim().is_empty() {
        return Err(fail(Some(("intitule", 0)), "intitule est vide".into()));
    }
    if fiche.parcours.is_empty() {
        return Err(fail(
            Some(("parcours", 0)),
            "la fiche n'a aucun parcours (une fiche sans parcours en déclare un seul, implicite)"
                .into(),
        ));
    }
    let mut ids = HashSet::new();
    for (i, p) in fiche.parcours.iter().enumerate() {
        let quoted = format!("\"{}\"", p.id);
        if p.id.is_empty()
            || !p
                .id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        {
            return Err(fail(
                Some((&quoted, 0)),
                format!(
                    "parcours[{i}] : id « {} » invalide (minuscules ASCII, chiffres et « - » seulement)",
                    p.id
                ),
            ));
        }
        if !ids.insert(p.id.as_str()) {
            return Err(fail(
                Some((&quoted, 1)),
                format!("parcours[{i}] : id « {} » en double", p.id),
            ));
        }
        if p.name.trim().is_empty() {
            let quoted_name = format!("\"{}\"", p.name);
            return Err(fail(
                Some((&quoted_name, 0)),
                format!("parcours « {} » : name est vide", p.id),
            ));
        }
        // Where this parcours' own text starts: its id, as the first field.
        let owner = locate_offset(text, &quoted, 0).unwrap_or(0);
        let mut numbers = HashSet::new();
        for s in fiche.common_semesters.iter().chain(&p.semesters) {
            if !numbers.insert(s.number) {
                // The repeat is the last `number: N` of this parcours.
                let at = number_fields(text, s.number)
                    .filter(|&o| o >= owner)
                    .take(2)
                    .last()
                    .unwrap_or(owner);
                return Err(Invalid {
                    position: Some(end_position(&text[..at])),
                    message: format!(
                        "parcours « {} » : semestre {} déclaré deux fois",
                        p.id, s.number
                    ),
                });
            }
        }
        semesters(&p.semesters, &format!("parcours « {} »", p.id))
            .map_err(|bad| place(text, strings, owner, bad))?;
    }
    let core = locate_offset(text, "common_semesters", 0).unwrap_or(0);
    semesters(&fiche.common_semesters, "tronc commun")
        .map_err(|bad| place(text, strings, core, bad))?;
    Ok(())
}

/// What is wrong in a semester list, and what to look for to place it.
struct Bad {
    message: String,
    what: Culprit,
}

enum Culprit {
    /// A `number: N` field.
    Number(u8),
    /// A blank string literal (an empty code, title or course).
    Blank,
    /// A `OneOf([…])` with fewer than two titles.
    ShortOneOf,
}

/// Places `bad` at the first matching spot at or after `from`, or at `from`.
fn place(text: &str, strings: &[Literal], from: usize, bad: Bad) -> Invalid {
    let at = match bad.what {
        Culprit::Number(n) => number_fields(text, n).find(|&o| o >= from),
        Culprit::Blank => strings
            .iter()
            .find(|l| l.start >= from && l.value.trim().is_empty())
            .map(|l| l.start),
        Culprit::ShortOneOf => short_one_of(text, strings, from),
    }
    .unwrap_or(from);
    Invalid {
        position: Some(end_position(&text[..at])),
        message: bad.message,
    }
}

/// Offsets of every `number: N` field (spaces allowed around the colon).
fn number_fields(text: &str, n: u8) -> impl Iterator<Item = usize> + '_ {
    text.match_indices("number").filter_map(move |(at, _)| {
        let before = text[..at].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            return None;
        }
        let rest = text[at + "number".len()..].trim_start().strip_prefix(':')?;
        let rest = rest.trim_start();
        let digits: &str = &rest[..rest
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(rest.len())];
        (digits.parse::<u64>().ok()? == u64::from(n)).then_some(at)
    })
}

/// The first `OneOf` at or after `from` whose list holds fewer than two strings.
fn short_one_of(text: &str, strings: &[Literal], from: usize) -> Option<usize> {
    let inside = |at: usize| strings.iter().any(|l| l.start <= at && at < l.end);
    text.match_indices("OneOf")
        .map(|(at, _)| at)
        .filter(|&at| at >= from && !inside(at))
        .find(|&at| {
            // Count the strings up to the list's `]`, stepping over each
            // literal whole so that a `]` in a title does not end the list.
            let mut count = 0;
            let mut p = at;
            let mut next = strings.iter().filter(|l| l.start > at).peekable();
            while p < text.len() {
                if next.peek().is_some_and(|l| l.start == p) {
                    count += 1;
                    p = next.next().map_or(text.len(), |l| l.end);
                } else if text.as_bytes()[p] == b']' {
                    break;
                } else {
                    p += 1;
                }
            }
            count < 2
        })
}

fn semesters(semesters: &[Semester], owner: &str) -> Result<(), Bad> {
    let bad = |message: String, what: Culprit| Bad { message, what };
    for s in semesters {
        if s.number == 0 || s.number > 12 {
            return Err(bad(
                format!("{owner} : numéro de semestre {} hors de 1..=12", s.number),
                Culprit::Number(s.number),
            ));
        }
        for ue in &s.ues {
            let at = format!("{owner} › semestre {} › {}", s.number, ue.code);
            if ue.code.trim().is_empty() || ue.title.trim().is_empty() {
                return Err(bad(
                    format!("{at} : une UE doit avoir un code et un titre"),
                    Culprit::Blank,
                ));
            }
            for course in &ue.courses {
                if course.titles().iter().any(|t| t.trim().is_empty()) {
                    return Err(bad(format!("{at} : cours sans titre"), Culprit::Blank));
                }
                if let Course::OneOf(options) = course
                    && options.len() < 2
                {
                    return Err(bad(
                        format!("{at} : OneOf demande au moins deux cours"),
                        Culprit::ShortOneOf,
                    ));
                }
            }
        }
    }
    Ok(())
}

fn locate_offset(text: &str, needle: &str, nth: usize) -> Option<usize> {
    text.match_indices(needle)
        .nth(nth)
        .map(|(offset, _)| offset)
}
