//! One UE line: "UE 8 Séminaires de recherche (24 ECTS) (6 au choix) : A, B…".

use crate::model::MAX_UE_ECTS;
use crate::model::normalize::fold_str;

/// The parts of a UE line, before its courses are split.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct UeLine {
    /// "UE 8".
    pub code: String,
    pub title: String,
    pub ects: Option<u32>,
    pub choose: Option<u32>,
    /// The course list after the title's colon (may be empty).
    pub courses: String,
    /// Set when the line could be read more than one way.
    pub doubt: Option<String>,
}

/// True when `text` opens a UE ("UE 7 …", "UE7 …", "U.E. 7 …").
pub(crate) fn is_ue_line(text: &str) -> bool {
    code_and_rest(text).is_some()
}

/// "UE" + number at the start of `text`, and what follows.
fn code_and_rest(text: &str) -> Option<(String, &str)> {
    let upper = text.get(..2)?;
    let rest = if upper.eq_ignore_ascii_case("ue") {
        &text[2..]
    } else if text
        .get(..4)
        .is_some_and(|p| p.eq_ignore_ascii_case("u.e."))
    {
        &text[4..]
    } else {
        return None;
    };
    let rest = rest.trim_start();
    let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if digits == 0 || digits > 3 {
        return None;
    }
    let number = &rest[..digits];
    let after = &rest[digits..];
    if after.chars().next().is_some_and(char::is_alphanumeric) {
        return None;
    }
    let number = number.trim_start_matches('0');
    let number = if number.is_empty() { "0" } else { number };
    Some((format!("UE {number}"), after))
}

/// Parses a UE line; `None` when it is not one.
///
/// The title ends at the first "(N ECTS)" or "(N au choix)" parenthesis
/// (several may follow each other, in any order); the courses follow the
/// colon after them. Titles may hold colons of their own ("EU projects:
/// Bases…", "Ateliers : mise en pratique"), which is why the parenthesis, not
/// the colon, is the anchor. A UE without either parenthesis splits at its
/// first " :" (a French colon, space before), else at its first ":".
pub(crate) fn parse_ue_line(text: &str) -> Option<UeLine> {
    let (code, rest) = code_and_rest(text)?;
    let rest = rest
        .trim_start()
        .trim_start_matches([':', '-', '–', '—', '.'])
        .trim_start();
    let mut ects = None;
    let mut choose = None;
    let mut doubt = None;
    let (title, courses) = match anchors(rest) {
        Some((start, end, found)) => {
            for a in found {
                match a {
                    Anchor::Ects(n) => ects = ects.or(Some(n)),
                    Anchor::Choose(n) => choose = choose.or(Some(n)),
                }
            }
            let after = rest[end..].trim_start();
            let courses = after
                .strip_prefix([':', '-', '–', '—'])
                .unwrap_or(after)
                .trim();
            (rest[..start].trim(), courses)
        }
        None => {
            let split = rest
                .find(" :")
                .map(|i| (i, i + 2))
                .or_else(|| rest.find(':').map(|i| (i, i + 1)));
            match split {
                Some((colon, after)) => {
                    let courses = rest[after..].trim();
                    if courses.contains(" : ") {
                        doubt = Some(
                            "UE sans « (N ECTS) » dont la ligne a plusieurs « : » : titre coupé au premier"
                                .to_string(),
                        );
                    }
                    (rest[..colon].trim(), courses)
                }
                None => (rest.trim(), ""),
            }
        }
    };
    Some(UeLine {
        code,
        title: title.trim_end_matches([':', ' ']).to_string(),
        ects,
        choose,
        courses: courses.to_string(),
        doubt,
    })
}

#[derive(Debug, Clone, Copy)]
enum Anchor {
    Ects(u32),
    Choose(u32),
}

/// The first run of anchor parentheses: byte range and what they say.
fn anchors(text: &str) -> Option<(usize, usize, Vec<Anchor>)> {
    let mut search = 0;
    while let Some(open) = text[search..].find('(').map(|i| i + search) {
        let mut found = Vec::new();
        let mut end = open;
        let mut at = open;
        while let Some((anchor, close)) = anchor_at(text, at) {
            found.push(anchor);
            end = close;
            let next = text[close..].trim_start();
            at = text.len() - next.len();
            if !next.starts_with('(') {
                break;
            }
        }
        if !found.is_empty() {
            return Some((open, end, found));
        }
        search = open + 1;
    }
    None
}

/// An anchor parenthesis opening at byte `open`, and the byte after its ")".
fn anchor_at(text: &str, open: usize) -> Option<(Anchor, usize)> {
    let inner_start = open + text[open..].strip_prefix('(').map(|_| 1)?;
    let close = text[inner_start..].find(')')? + inner_start;
    let inner = fold_str(&text[inner_start..close]);
    let inner = inner.split_whitespace().collect::<Vec<_>>();
    let number: u32 = inner.first()?.parse().ok()?;
    let words = &inner[1..];
    let anchor = match words {
        // More ECTS than a UE can carry is not an ECTS mark (the loader would
        // refuse it): the parenthesis stays in the title, and `check` flags
        // the UE without ECTS.
        ["ects"] | ["credits"] | ["credits", "ects"] | ["ects", "credits"]
            if number <= MAX_UE_ECTS =>
        {
            Anchor::Ects(number)
        }
        ["au", "choix"] | ["a", "choisir"] => Anchor::Choose(number),
        _ => return None,
    };
    Some((anchor, close + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ue(text: &str) -> UeLine {
        parse_ue_line(text).expect("a UE line")
    }

    #[test]
    fn plain_ue_line() {
        let u = ue(
            "UE 7 Initiatives et simulations collectives (8 ECTS) : Théorie, Projets collectifs",
        );
        assert_eq!(u.code, "UE 7");
        assert_eq!(u.title, "Initiatives et simulations collectives");
        assert_eq!(u.ects, Some(8));
        assert_eq!(u.choose, None);
        assert_eq!(u.courses, "Théorie, Projets collectifs");
        assert_eq!(u.doubt, None);
    }

    #[test]
    fn colons_inside_the_title_stay_in_the_title() {
        let u = ue("UE 11 EU projects: Bases on EU law and budget (4 ECTS) : Droit de l'UE");
        assert_eq!(u.title, "EU projects: Bases on EU law and budget");
        assert_eq!(u.courses, "Droit de l'UE");
        let u = ue("UE 13 Ateliers : mise en pratique (6 ECTS) : Rédaction d’actes");
        assert_eq!(u.title, "Ateliers : mise en pratique");
        assert_eq!(u.ects, Some(6));
    }

    #[test]
    fn elective_and_ects_parentheses_in_either_order() {
        let u = ue("UE 2 Enseignements spécialisés (2 au choix) (6 ECTS) : A, B");
        assert_eq!((u.ects, u.choose), (Some(6), Some(2)));
        assert_eq!(u.title, "Enseignements spécialisés");
        let u = ue("UE 8 Séminaires de recherche (24 ECTS) (6 au choix) : A, B");
        assert_eq!((u.ects, u.choose), (Some(24), Some(6)));
        assert_eq!(u.courses, "A, B");
    }

    #[test]
    fn ue_without_ects_splits_at_the_first_french_colon() {
        let u = ue("UE 9 Découverte de la recherche et professionnalisation : Séminaire du Ceraps");
        assert_eq!(
            u.title,
            "Découverte de la recherche et professionnalisation"
        );
        assert_eq!(u.ects, None);
        assert_eq!(u.courses, "Séminaire du Ceraps");
        let u = ue("UE 4 Langues: Anglais, Espagnol");
        assert_eq!(u.title, "Langues");
        assert_eq!(u.courses, "Anglais, Espagnol");
    }

    #[test]
    fn ambiguous_colons_without_ects_raise_a_doubt() {
        let u = ue("UE 3 Méthodes : Statistique : bases, Terrain");
        assert_eq!(u.title, "Méthodes");
        assert!(u.doubt.is_some());
    }

    #[test]
    fn other_parentheses_stay_in_the_title() {
        let u = ue("UE5 Méthodes (quantitatives) (3 crédits ECTS) - Statistique");
        assert_eq!(u.code, "UE 5");
        assert_eq!(u.title, "Méthodes (quantitatives)");
        assert_eq!(u.ects, Some(3));
        assert_eq!(u.courses, "Statistique");
    }

    #[test]
    fn a_ue_with_no_course_list() {
        let u = ue("UE 13 Stage (10 ECTS)");
        assert_eq!(u.title, "Stage");
        assert_eq!(u.courses, "");
    }

    #[test]
    fn ects_beyond_the_loaders_bound_are_not_an_ects_mark() {
        let u = ue("UE 1 Énorme (4294967295 ECTS) : A");
        assert_eq!(u.ects, None);
        assert!(u.title.contains("4294967295"), "{}", u.title);
        assert_eq!(ue("UE 1 Grande (300 ECTS) : A").ects, Some(300));
    }

    #[test]
    fn words_starting_with_ue_are_not_ue_lines() {
        assert!(parse_ue_line("UEFA et politique").is_none());
        assert!(parse_ue_line("UE européenne").is_none());
        assert!(!is_ue_line("Une UE 7"));
    }
}
