//! Bulleted lists as fiches write them: items with or without a leading dash,
//! wrapped lines, blank lines inside the list, trailing commas.

use super::text::{Line, squash};

/// Markers that open a list item ("- ", "– ", "• ", "* ").
const BULLETS: [char; 5] = ['-', '–', '—', '•', '*'];

/// A list being read. Items are kept raw until [`List::finish`] so that a
/// wrapped line joins its item before the item's trailing comma is dropped.
#[derive(Debug, Default, Clone)]
pub(crate) struct List {
    items: Vec<String>,
    /// True once an item opened with a bullet: undashed lines may then be wraps.
    dashed: bool,
}

impl List {
    /// Adds one non-blank line: a new item, or the continuation of the last one.
    ///
    /// In a list whose items carry bullets, a line without a bullet that starts
    /// with a lower-case letter, directly under an item (no blank line), is
    /// that item wrapped. Any other line is an item of its own: an undashed
    /// line starting with a capital is a lost bullet ("Savoir élaborer…").
    pub fn push(&mut self, line: &Line) {
        self.push_text(&line.text, line.after_blank);
    }

    /// [`List::push`] for text that is not a whole line (a heading's value).
    pub fn push_text(&mut self, text: &str, after_blank: bool) {
        let (bulleted, body) = strip_bullet(text);
        if body.is_empty() {
            return;
        }
        let wraps = !bulleted
            && self.dashed
            && !after_blank
            && body.chars().next().is_some_and(char::is_lowercase);
        if bulleted {
            self.dashed = true;
        }
        match self.items.last_mut() {
            Some(last) if wraps => {
                last.push(' ');
                last.push_str(body);
            }
            _ => self.items.push(body.to_string()),
        }
    }

    /// Items with list punctuation dropped: trailing commas and semicolons
    /// go, a trailing full stop stays (it is part of the sentence).
    pub fn finish(self) -> Vec<String> {
        self.items
            .into_iter()
            .filter_map(|i| finish_item(&i))
            .collect()
    }

    /// This list's items followed by `other`'s.
    pub fn then(mut self, other: List) -> List {
        self.items.extend(other.items);
        self.dashed |= other.dashed;
        self
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }
}

/// Whether `text` opens with a bullet, and the text after it.
pub(crate) fn strip_bullet(text: &str) -> (bool, &str) {
    let trimmed = text.trim_start();
    if let Some(first) = trimmed.chars().next()
        && BULLETS.contains(&first)
    {
        let rest = &trimmed[first.len_utf8()..];
        // "-" glued to a word ("-ONG") is still a bullet; "--" is not special.
        return (true, rest.trim());
    }
    (false, trimmed.trim())
}

/// One item, normalised: whitespace collapsed, trailing "," / ";" removed.
pub(crate) fn finish_item(raw: &str) -> Option<String> {
    let item = squash(raw);
    let item = item.trim_end_matches([',', ';', ' ']);
    (!item.is_empty()).then(|| item.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::text::prepare;

    fn list(text: &str) -> Vec<String> {
        let mut l = List::default();
        for line in prepare(text, &mut Vec::new())
            .iter()
            .filter(|l| !l.text.is_empty())
        {
            l.push(line);
        }
        l.finish()
    }

    #[test]
    fn dashes_and_trailing_commas_go_full_stops_stay() {
        assert_eq!(
            list("- repérer les opportunités,\n- rédiger une réponse,\n- concevoir des actions."),
            [
                "repérer les opportunités",
                "rédiger une réponse",
                "concevoir des actions."
            ]
        );
    }

    #[test]
    fn undashed_items_are_one_per_line() {
        assert_eq!(
            list("manager de projets européens,\nchef de projets\nlobbyiste"),
            [
                "manager de projets européens",
                "chef de projets",
                "lobbyiste"
            ]
        );
    }

    #[test]
    fn a_lower_case_line_under_a_dashed_item_is_a_wrap() {
        assert_eq!(
            list("- Montage, gestion,\ncoordination et évaluation\n- Expertise"),
            ["Montage, gestion, coordination et évaluation", "Expertise"]
        );
    }

    #[test]
    fn a_capitalised_undashed_line_in_a_dashed_list_is_a_lost_bullet() {
        assert_eq!(
            list(
                "- Lire un budget local\nSavoir élaborer un tableau de bord\n- Réaliser une veille"
            ),
            [
                "Lire un budget local",
                "Savoir élaborer un tableau de bord",
                "Réaliser une veille"
            ]
        );
    }

    #[test]
    fn blank_lines_inside_a_list_do_not_end_it_nor_wrap() {
        assert_eq!(
            list("- assurer le suivi\n\n- organiser, animer\n\nmobilisation des acteurs"),
            [
                "assurer le suivi",
                "organiser, animer",
                "mobilisation des acteurs"
            ]
        );
    }

    #[test]
    fn nbsp_and_spacing_are_normalised() {
        assert_eq!(
            list("-\u{a0}Les  ONG\u{a0}humanitaires ,"),
            ["Les ONG humanitaires"]
        );
    }
}
