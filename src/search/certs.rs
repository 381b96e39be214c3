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
//! same words scattered). Its best item is the one holding the most query
//! words, then the one whose matches weigh most.

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

/// One word's matches per fiche (`by_fiche`).
struct ByFiche {
    best: Vec<u32>,
    count: Vec<u8>,
}

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
        // Per word and fiche: the best weighted match and how many items match.
        let per_word: Vec<ByFiche> = words.iter().map(|w| self.by_fiche(w, filter)).collect();
        // The best item holding every word, per fiche (for one word, its best match).
        let together = if n == 1 {
            per_word[0].best.clone()
        } else {
            let mut together = vec![0u32; fiches];
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
            together
        };
        // How many words each fiche holds; the fiches holding them all
        // answer, else those holding the most.
        let held: Vec<u8> = (0..fiches)
            .map(|f| per_word.iter().filter(|w| w.best[f] > 0).count() as u8)
            .collect();
        let most = held.iter().copied().max().unwrap_or(0);
        let score = (0..fiches)
            .map(|f| {
                if most == 0 || held[f] < most {
                    return 0;
                }
                let mut score = together[f] / 2;
                for w in &per_word {
                    if w.count[f] > 0 {
                        score += w.best[f] + u32::from(w.count[f].min(COUNT_CAP) - 1) * COUNT_BONUS;
                    }
                }
                score
            })
            .collect();
        FicheScores {
            score,
            partial: most > 0 && usize::from(most) < n,
        }
    }

    /// Per fiche, `word`'s best match weighted by kind and how many items it
    /// matches. Many matches: fiche by fiche, each reading its own entries
    /// (every array front to back), fiches shared among the cores.
    fn by_fiche(&self, word: &WordScores, filter: Filter) -> ByFiche {
        let fiches = self.fiches.len();
        let mut out = ByFiche {
            best: vec![0; fiches],
            count: vec![0; fiches],
        };
        let weigh = |e: usize, s: u8| {
            let kind = meta_kind(self.meta[e]);
            (filter == Filter::All || filter.accepts(kind)).then(|| kind.weight() * u32::from(s))
        };
        if word.dense() {
            let chunk = fiches.div_ceil(pieces(word.touched.len())).max(1);
            out.best
                .par_chunks_mut(chunk)
                .zip(out.count.par_chunks_mut(chunk))
                .enumerate()
                .for_each(|(i, (best, count))| {
                    // This piece's fiches, their entries in order.
                    let first = i * chunk;
                    let entries = self.fiche_start[first] as usize
                        ..self.fiche_start[first + best.len()] as usize;
                    let mut f = first;
                    word.each_in(entries, |e| {
                        while e >= self.fiche_start[f + 1] as usize {
                            f += 1;
                        }
                        if let Some(w) = weigh(e, word.slots[e] as u8) {
                            let k = f - first;
                            best[k] = best[k].max(w);
                            count[k] = count[k].saturating_add(1);
                        }
                    });
                });
        } else {
            for &e in &word.touched {
                let e = e as usize;
                if let Some(w) = weigh(e, word.slots[e] as u8) {
                    let f = meta_fiche(self.meta[e]);
                    out.best[f] = out.best[f].max(w);
                    out.count[f] = out.count[f].saturating_add(1);
                }
            }
        }
        out
    }

    /// The fiche's item that holds the most query words, and of those the
    /// one whose matches weigh most (`words` may be empty: then its first
    /// entry). Words first: for "gestion patrimoine informatique" the
    /// competence "Gérer le patrimoine informatique" shows why the fiche
    /// answers, where its intitulé, weightier, holds one word only.
    pub(crate) fn best_item(
        &self,
        f: usize,
        words: &[&WordScores],
        filter: Filter,
    ) -> Option<EntryId> {
        let mut best: Option<BestKey> = None;
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
            let held = words.iter().filter(|w| w.get(e) > 0).count();
            let key = (
                Reverse(held),
                Reverse(score),
                kind.priority(),
                self.text_len(e),
                e,
            );
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
/// How a fiche's items compare for its row, least first: more query words
/// held, weightier matches, kind, shorter text, index order.
type BestKey = (Reverse<usize>, Reverse<u32>, u8, u32, EntryId);

fn partial_score(words: &[&WordScores], e: EntryId) -> u32 {
    item_score(words, e).unwrap_or_else(|| words.iter().map(|w| u32::from(w.get(e))).sum())
}
