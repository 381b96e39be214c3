//! Certification results: one row per fiche, ranked by how well the fiche
//! as a whole answers the query.
//!
//! A fiche answers when each query word matches one of its items (not
//! necessarily the same); when no fiche holds every word, the fiches
//! holding the most of them answer (`Results::partial`: "formateur
//! anglais" still finds the English teaching certificate). Its score adds, for each word, its best match in
//! the fiche weighted by the item's kind (`Kind::weight`: intitulé and
//! diploma first, then jobs, blocs and ROME labels, then competences and
//! activities, then sectors and certifiers), a little for each further item
//! the word matches (a fiche about it, not only mentioning it), and half
//! the best item matching every word (words together in one item beat the
//! same words scattered). Its best item is the one whose matches weigh most.

use std::cmp::Reverse;

use rayon::prelude::*;

use super::index::{EntryId, SearchIndex, meta_fiche, meta_kind};
use super::items::{item_score, select_best};
use super::kind::Filter;
use super::score::{WordScores, pieces};

/// Per further matching item of a word, up to `COUNT_CAP` of them.
const COUNT_BONUS: u32 = 4;
const COUNT_CAP: u8 = 8;

/// A fiche's rank key: score (high first), then its intitulé's length,
/// then fiche order.
type CertKey = (Reverse<u32>, u32, u32);

/// What the certification ranking works out per fiche.
pub(crate) struct FicheScores {
    /// Per fiche index, its score; 0 when it does not answer.
    pub score: Vec<u32>,
    /// No fiche holds every word: those answering hold the most.
    pub partial: bool,
}

impl SearchIndex {
    /// Every fiche's score for `words` (not empty), items of `filter`'s kinds only.
    pub(crate) fn fiche_scores(&self, words: &[&WordScores], filter: Filter) -> FicheScores {
        let (fiches, n) = (self.fiches.len(), words.len());
        // Per fiche and word: the best weighted match and how many items match.
        let mut best = vec![0u32; fiches * n];
        let mut count = vec![0u8; fiches * n];
        for (g, word) in words.iter().enumerate() {
            let pieces = self.fold_word(
                word,
                || (vec![0u32; fiches], vec![0u8; fiches]),
                |(best, count): &mut (Vec<u32>, Vec<u8>), e, s| {
                    let meta = self.meta[e];
                    let kind = meta_kind(meta);
                    if filter != Filter::All && !filter.accepts(kind) {
                        return;
                    }
                    let f = meta_fiche(meta);
                    best[f] = best[f].max(kind.weight() * u32::from(s));
                    count[f] = count[f].saturating_add(1);
                },
            );
            for (piece_best, piece_count) in pieces {
                for f in 0..fiches {
                    let at = f * n + g;
                    best[at] = best[at].max(piece_best[f]);
                    count[at] = count[at].saturating_add(piece_count[f]);
                }
            }
        }
        // The best item holding every word, per fiche (for one word, its best match).
        let mut together = vec![0u32; fiches];
        if n == 1 {
            together.copy_from_slice(&best);
        } else {
            let pieces = self.fold_matches(
                words,
                filter,
                || vec![0u32; fiches],
                |together: &mut Vec<u32>, _, meta, s| {
                    let f = meta_fiche(meta);
                    together[f] = together[f].max(meta_kind(meta).weight() * s);
                },
            );
            for piece in pieces {
                for (t, p) in together.iter_mut().zip(piece) {
                    *t = (*t).max(p);
                }
            }
        }
        // How many words each fiche holds; the fiches holding them all
        // answer, else those holding the most.
        let held = |f: usize| best[f * n..(f + 1) * n].iter().filter(|&&b| b > 0).count();
        let most = (0..fiches).map(held).max().unwrap_or(0);
        let score = (0..fiches)
            .map(|f| {
                if most == 0 || held(f) < most {
                    return 0;
                }
                let (row, counts) = (&best[f * n..(f + 1) * n], &count[f * n..(f + 1) * n]);
                let spread: u32 = counts
                    .iter()
                    .filter(|&&c| c > 0)
                    .map(|&c| u32::from(c.min(COUNT_CAP) - 1) * COUNT_BONUS)
                    .sum();
                row.iter().sum::<u32>() + spread + together[f] / 2
            })
            .collect();
        FicheScores {
            score,
            partial: most > 0 && most < n,
        }
    }

    /// Folds every entry `word` matches into accumulators, one per piece of
    /// the work, the pieces on all cores when they are large:
    /// `visit(acc, entry, score)`.
    fn fold_word<A: Send>(
        &self,
        word: &WordScores,
        init: impl Fn() -> A + Sync,
        visit: impl Fn(&mut A, usize, u8) + Sync,
    ) -> Vec<A> {
        let pieces = pieces(word.touched.len());
        if word.dense() {
            // In entry order: every array is read front to back.
            let chunk = self.len().div_ceil(pieces).max(1);
            word.slots
                .par_chunks(chunk)
                .enumerate()
                .map(|(i, slots)| {
                    let mut acc = init();
                    for (k, &slot) in slots.iter().enumerate() {
                        if slot as u8 > 0 {
                            visit(&mut acc, i * chunk + k, slot as u8);
                        }
                    }
                    acc
                })
                .collect()
        } else {
            let chunk = word.touched.len().div_ceil(pieces).max(1);
            word.touched
                .par_chunks(chunk)
                .map(|entries| {
                    let mut acc = init();
                    for &e in entries {
                        visit(&mut acc, e as usize, word.get(e));
                    }
                    acc
                })
                .collect()
        }
    }

    /// The fiche's item whose matches weigh most (`words` may be empty:
    /// then its first entry).
    pub(crate) fn best_item(
        &self,
        f: usize,
        words: &[&WordScores],
        filter: Filter,
    ) -> Option<EntryId> {
        let mut best: Option<(Reverse<u32>, u8, u32, EntryId)> = None;
        for e in self.fiche_entries(f) {
            let e = e as EntryId;
            let kind = self.kind(e);
            if !filter.accepts(kind) {
                continue;
            }
            let score = kind.weight() * partial_score(words, e);
            if score == 0 && !words.is_empty() {
                continue;
            }
            let key = (Reverse(score), kind.priority(), self.text_len(e), e);
            if best.is_none_or(|b| key < b) {
                best = Some(key);
            }
        }
        best.map(|(.., e)| e).or(self.fiches[f].first)
    }

    /// Ranks `(score, fiche index)` pairs best first and keeps the
    /// `limit` best: score, then shorter intitulé, then fiche order.
    pub(crate) fn rank_fiches(
        &self,
        fiches: Vec<(u32, u32)>,
        limit: Option<usize>,
    ) -> Vec<(u32, u32)> {
        let mut keyed: Vec<CertKey> = fiches
            .into_iter()
            .map(|(score, f)| {
                let title = self.fiches[f as usize].summary.intitule.len() as u32;
                (Reverse(score), title, f)
            })
            .collect();
        select_best(&mut keyed, limit);
        keyed.into_iter().map(|(Reverse(s), _, f)| (s, f)).collect()
    }

    pub(crate) fn text_len(&self, e: EntryId) -> u32 {
        let e = e as usize;
        let start = if e == 0 { 0 } else { self.text_end[e - 1] };
        self.text_end[e] - start
    }
}

/// Entry `e`'s score over the words it matches (all of them: with the side
/// by side bonus).
fn partial_score(words: &[&WordScores], e: EntryId) -> u32 {
    item_score(words, e).unwrap_or_else(|| words.iter().map(|w| u32::from(w.get(e))).sum())
}
