//! A UE's course list ("A, B (x, y). C ou D, Stage optionnel") into courses.

use crate::model::Course;
use crate::model::normalize::fold_str;

use super::text::squash;

/// Splits a course list.
///
/// - Separators are commas and ". " outside parentheses.
/// - A fragment starting with a lower-case letter continues the previous
///   course: course titles start with a capital, so "Environnement, santé et
///   politique" is one course, not three — unless the previous course already
///   holds "et"/"and": the enumeration it opened is closed, so the fragment
///   starts a course ("Droit et contentieux de l'UE, questions financières…").
/// - "A ou B" where B starts with a capital is [`Course::OneOf`].
/// - A title containing "optionnel(le)" or "facultatif/ve" is [`Course::Optional`].
/// - A final full stop after the last course is list punctuation and goes.
pub(crate) fn split_courses(text: &str) -> Vec<Course> {
    let text = squash(text);
    let text = text
        .strip_suffix('.')
        .filter(|t| !t.ends_with('.'))
        .unwrap_or(&text);
    let mut courses: Vec<String> = Vec::new();
    for (separator, fragment) in fragments(text) {
        let fragment = fragment.trim();
        if fragment.is_empty() {
            continue;
        }
        match courses.last_mut() {
            Some(last)
                if fragment.chars().next().is_some_and(char::is_lowercase)
                    && !enumeration_closed(last) =>
            {
                last.push(separator);
                last.push(' ');
                last.push_str(fragment);
            }
            _ => courses.push(fragment.to_string()),
        }
    }
    courses.into_iter().map(|c| classify(&c)).collect()
}

/// True when `course` already ends an enumeration "A, B et C": a further
/// lower-case fragment is then a course of its own, not a fourth item
/// ("Droit et contentieux de l'UE, questions financières…" is two courses).
fn enumeration_closed(course: &str) -> bool {
    course.contains(" et ") || course.contains(" and ")
}

/// Top-level fragments with the separator that preceded each (',' for the first).
fn fragments(text: &str) -> Vec<(char, &str)> {
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut start = 0;
    let mut separator = ',';
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (i, &(byte, c)) in chars.iter().enumerate() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            ',' if depth == 0 => {
                out.push((separator, &text[start..byte]));
                separator = ',';
                start = byte + 1;
            }
            '.' if depth == 0 && sentence_end(&chars, i) => {
                out.push((separator, &text[start..byte]));
                separator = '.';
                start = byte + 1;
            }
            _ => {}
        }
    }
    out.push((separator, &text[start..]));
    out
}

/// A "." at `i` ends a course when a space follows and it closes a word of
/// three letters or more (so "M. Dupont" or "etc.." do not split).
fn sentence_end(chars: &[(usize, char)], i: usize) -> bool {
    let followed_by_space = chars.get(i + 1).is_some_and(|&(_, c)| c == ' ');
    let word_len = chars[..i]
        .iter()
        .rev()
        .take_while(|&&(_, c)| c.is_alphabetic())
        .count();
    followed_by_space && word_len >= 3
}

/// One course title: alternatives, optional, or plain.
fn classify(title: &str) -> Course {
    let options = alternatives(title);
    if options.len() >= 2 {
        return Course::OneOf(options);
    }
    let key = fold_str(title);
    if key.contains("optionnel") || key.contains("facultati") {
        Course::Optional(title.to_string())
    } else {
        Course::Course(title.to_string())
    }
}

/// "A ou B ou C" split at top-level " ou " followed by a capital.
fn alternatives(title: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut start = 0;
    for (byte, c) in title.char_indices() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            ' ' if depth == 0 => {
                let rest = &title[byte..];
                if let Some(after) = rest.strip_prefix(" ou ")
                    && after.chars().next().is_some_and(char::is_uppercase)
                    && byte >= start
                {
                    out.push(title[start..byte].trim().to_string());
                    start = byte + " ou ".len();
                }
            }
            _ => {}
        }
    }
    out.push(title[start..].trim().to_string());
    out.retain(|s| !s.is_empty());
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use Course::{Course as C, OneOf, Optional};

    fn c(s: &str) -> Course {
        C(s.to_string())
    }

    #[test]
    fn commas_inside_parentheses_do_not_split() {
        assert_eq!(
            split_courses(
                "Projet de spécialité, Outils de la recherche (méthodes, statistiques, bases de données)"
            ),
            [
                c("Projet de spécialité"),
                c("Outils de la recherche (méthodes, statistiques, bases de données)")
            ]
        );
    }

    #[test]
    fn a_full_stop_separates_courses() {
        assert_eq!(
            split_courses("Politiques urbaines comparées. Morphologie urbaine contemporaine"),
            [
                c("Politiques urbaines comparées"),
                c("Morphologie urbaine contemporaine")
            ]
        );
    }

    #[test]
    fn lower_case_fragments_continue_the_previous_course() {
        assert_eq!(
            split_courses(
                "Sociologie des institutions, Environnement, santé et politique, Sociologie des migrations"
            ),
            [
                c("Sociologie des institutions"),
                c("Environnement, santé et politique"),
                c("Sociologie des migrations")
            ]
        );
        assert_eq!(
            split_courses("Projet, Ateliers CV, lettres, entretiens, communication Web"),
            [
                c("Projet"),
                c("Ateliers CV, lettres, entretiens, communication Web")
            ]
        );
        assert_eq!(
            split_courses(
                "Networking and Lobbying in the EU , Veille, partenariats et communication"
            ),
            [
                c("Networking and Lobbying in the EU"),
                c("Veille, partenariats et communication")
            ]
        );
    }

    #[test]
    fn after_a_closed_enumeration_a_lower_case_fragment_is_a_new_course() {
        assert_eq!(
            split_courses(
                "Droit et contentieux de l'UE,\u{a0} questions financières et budgétaires européennes"
            ),
            [
                c("Droit et contentieux de l'UE"),
                c("questions financières et budgétaires européennes")
            ]
        );
    }

    #[test]
    fn a_lower_case_first_course_stands_alone() {
        assert_eq!(
            split_courses("institutions et politiques locales comparées, Le métier d’élu"),
            [
                c("institutions et politiques locales comparées"),
                c("Le métier d’élu")
            ]
        );
    }

    #[test]
    fn ou_before_a_capital_is_an_alternative() {
        assert_eq!(
            split_courses(
                "Communication politique, TD Action publique territoriale ou Institutions et politiques des organisations internationales"
            ),
            [
                c("Communication politique"),
                OneOf(vec![
                    "TD Action publique territoriale".into(),
                    "Institutions et politiques des organisations internationales".into()
                ])
            ]
        );
        assert_eq!(
            split_courses("Stage (12 semaines minimum) ou Mémoire (et soutenance)"),
            [OneOf(vec![
                "Stage (12 semaines minimum)".into(),
                "Mémoire (et soutenance)".into()
            ])]
        );
    }

    #[test]
    fn ou_before_a_lower_case_word_is_part_of_the_title() {
        assert_eq!(
            split_courses("Enquête qualitative ou quantitative"),
            [c("Enquête qualitative ou quantitative")]
        );
    }

    #[test]
    fn optional_courses_are_marked() {
        assert_eq!(
            split_courses("TD Construction, Stage optionnel (4 semaine minimum)"),
            [
                c("TD Construction"),
                Optional("Stage optionnel (4 semaine minimum)".into())
            ]
        );
        assert_eq!(
            split_courses("Langue vivante facultative"),
            [Optional("Langue vivante facultative".into())]
        );
    }

    #[test]
    fn stray_spaces_and_empty_fragments_and_final_full_stop_go() {
        assert_eq!(
            split_courses(
                "Actors and case studies,\u{a0} European funds : EU’s perspective,, Public Management in the EU ."
            ),
            [
                c("Actors and case studies"),
                c("European funds : EU’s perspective"),
                c("Public Management in the EU")
            ]
        );
    }
}
