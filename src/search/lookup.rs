//! Queries that name something directly: a certification number
//! ("37674", "RNCP37674", "RS5000") or a ROME code ("M1805", a word the
//! engine matches against the codes of the fiches: `score`).

use super::index::{EntryId, SearchIndex};
use super::query::Query;
use crate::model::{FicheId, Numero, Repertoire, parse_numero};

/// A fiche a query names, and the entry that shows why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Named {
    pub fiche: FicheId,
    pub entry: EntryId,
}

/// True for a folded word shaped like a ROME code: a letter A–N then four digits.
pub(crate) fn is_rome_code(word: &str) -> bool {
    let b = word.as_bytes();
    b.len() == 5 && (b'a'..=b'n').contains(&b[0]) && b[1..].iter().all(u8::is_ascii_digit)
}

impl SearchIndex {
    /// The fiche a number query names (the whole query: "RNCP 37674" too).
    /// (A ROME code is a query word: `Group::rome`.)
    pub(crate) fn named(&self, query: &Query) -> Vec<Named> {
        if let Some(number) = parse_numero(query.text()) {
            let registers = match number.repertoire {
                Some(r) => vec![r],
                None => vec![Repertoire::Rncp, Repertoire::Rs],
            };
            return registers
                .into_iter()
                .filter_map(|repertoire| {
                    let numero = Numero {
                        repertoire,
                        digits: number.digits.clone(),
                    };
                    let fiche = *self.by_numero.get(&numero)?;
                    let entry = self.fiches[fiche.index()].first?;
                    Some(Named { fiche, entry })
                })
                .take(1)
                .collect();
        }
        Vec::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rome_codes_are_a_letter_and_four_digits() {
        assert!(is_rome_code("m1805"));
        assert!(is_rome_code("a1101"));
        assert!(!is_rome_code("m180"));
        assert!(!is_rome_code("z1805"));
        assert!(!is_rome_code("m18a5"));
        assert!(!is_rome_code("37674"));
    }
}
