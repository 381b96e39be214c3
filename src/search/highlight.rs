//! Which characters of a result to emphasise: the letters each query word
//! matched, by the same rules that matched it (`terms::word_match`).

use super::index::{EntryId, SearchIndex};
use super::query::Query;
use super::terms::{Marks, Matching, typos_allowed, word_match};
use super::words::{is_stop_word, words};
use crate::model::normalize::fold;

impl SearchIndex {
    /// Char positions, in the entry's original text, of the characters the
    /// query's words matched, in every word of the text they match (sorted,
    /// without repeats). A char that folded to several ("œ" → "oe") is
    /// reported once. Costs a fold of the text: call it for rows on screen.
    pub fn highlight(&self, id: EntryId, query: &Query) -> Vec<usize> {
        let folded = fold(self.text(id));
        // Folded byte offset → folded char index.
        let mut char_at = vec![0usize; folded.text.len() + 1];
        for (i, (b, _)) in folded.text.char_indices().enumerate() {
            char_at[b] = i;
        }
        // Stop words are not indexed: a query of other words did not match them.
        let stops_only = query.groups.iter().all(|g| is_stop_word(&g.word));
        let mut positions = Vec::new();
        for (start, word) in words(&folded.text) {
            if is_stop_word(word) && !stops_only {
                continue;
            }
            for group in &query.groups {
                let forms = std::iter::once((group.word.as_str(), group.matching)).chain(
                    group
                        .expansion
                        .iter()
                        .map(|w| (w.as_str(), Matching::Normal)),
                );
                for (q, how) in forms {
                    let typos = typos_allowed(&self.vocab, q.as_bytes());
                    let Some(m) = word_match(q.as_bytes(), word.as_bytes(), how, typos) else {
                        continue;
                    };
                    let bytes: Vec<usize> = match m.marks {
                        Marks::Run { at, len } => (at..(at + len).min(word.len())).collect(),
                        Marks::Scattered(at) => at,
                    };
                    positions.extend(
                        bytes
                            .into_iter()
                            .filter(|b| word.is_char_boundary(*b))
                            .filter_map(|b| folded.origin.get(char_at[start + b]).copied()),
                    );
                }
            }
        }
        positions.sort_unstable();
        positions.dedup();
        positions
    }
}
