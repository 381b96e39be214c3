//! Item results: the entries matching every word of a query, and their rank.

use rayon::prelude::*;

use super::engine::Hit;
use super::index::{EntryId, SearchIndex, meta_kind};
use super::kind::Filter;
use super::score::{WordScores, pieces};

/// Bonus for two consecutive query words found side by side in the item
/// ("developpeur web" in "Développeur web et web mobile"), in either order,
/// so that word order never changes a result.
pub(crate) const ADJACENT_BONUS: u32 = 12;

impl SearchIndex {
    /// Folds every entry `filter` accepts that every word of `words` (not
    /// empty) matches into accumulators, one per piece of the work, the
    /// pieces on all cores when they are large: `visit(acc, entry, meta,
    /// score)`, `meta` the entry's (`index::meta`), `score` the words'
    /// scores added and `ADJACENT_BONUS` for each word next to the
    /// previous one. Many matches are read in entry order, every array
    /// front to back.
    pub(crate) fn fold_matches<A: Send>(
        &self,
        words: &[&WordScores],
        filter: Filter,
        init: impl Fn() -> A + Sync,
        visit: impl Fn(&mut A, EntryId, u32, u32) + Sync,
    ) -> Vec<A> {
        let Some(rarest) = words.iter().min_by_key(|w| w.touched.len()) else {
            return Vec::new();
        };
        let one = |acc: &mut A, e: EntryId| {
            let meta = self.meta[e as usize];
            if filter != Filter::All && !filter.accepts(meta_kind(meta)) {
                return;
            }
            if let Some(score) = item_score(words, e) {
                visit(acc, e, meta, score);
            }
        };
        let pieces = pieces(rarest.touched.len());
        if rarest.dense() {
            let chunk = self.len().div_ceil(pieces).max(1);
            (0..pieces)
                .into_par_iter()
                .map(|i| {
                    let mut acc = init();
                    let range = i * chunk..((i + 1) * chunk).min(self.len());
                    rarest.each_in(range, |e| one(&mut acc, e as EntryId));
                    acc
                })
                .collect()
        } else {
            let chunk = rarest.touched.len().div_ceil(pieces).max(1);
            rarest
                .touched
                .par_chunks(chunk)
                .map(|entries| {
                    let mut acc = init();
                    for &e in entries {
                        one(&mut acc, e);
                    }
                    acc
                })
                .collect()
        }
    }

    /// Sort key of a hit: score (high first), kind priority, text length,
    /// id; one u64, so ranking compares integers and reads nothing else.
    #[inline]
    pub(crate) fn hit_key(&self, id: EntryId, meta: u32, score: u32) -> u64 {
        let score = u64::from(MAX_SCORE - score.min(MAX_SCORE));
        let priority = u64::from(meta_kind(meta).priority());
        let length = u64::from(self.text_len(id).min(LENGTH_MAX));
        score << SCORE_SHIFT | priority << PRIORITY_SHIFT | length << LENGTH_SHIFT | u64::from(id)
    }

    /// The `limit` best of `keys` (`hit_key`s), best first.
    pub(crate) fn best_hits(&self, mut keys: Vec<u64>, limit: Option<usize>) -> Vec<Hit> {
        select_best(&mut keys, limit);
        keys.iter()
            .map(|&k| Hit {
                id: (k & ID_MASK) as EntryId,
                score: i64::from(MAX_SCORE - (k >> SCORE_SHIFT) as u32),
            })
            .collect()
    }
}

/// The score of entry `e` if every word matches it.
#[inline]
pub(crate) fn item_score(words: &[&WordScores], e: EntryId) -> Option<u32> {
    let mut score = 0u32;
    let mut previous: Option<u8> = None;
    for w in words {
        let slot = w.slots[e as usize];
        let (s, position) = (slot as u8, (slot >> 8) as u8);
        if s == 0 {
            return None;
        }
        score += u32::from(s);
        if previous.is_some_and(|p| p.abs_diff(position) == 1) {
            score += ADJACENT_BONUS;
        }
        previous = Some(position);
    }
    Some(score)
}

/// Scores fit in 14 bits (12 words × 120 at most), ids in 24.
pub(crate) const MAX_SCORE: u32 = (1 << 14) - 1;
const SCORE_SHIFT: u32 = 50;
const PRIORITY_SHIFT: u32 = 46;
const LENGTH_SHIFT: u32 = 24;
const LENGTH_MAX: u32 = (1 << 22) - 1;
const ID_MASK: u64 = (1 << 24) - 1;

/// Sorts `keys` ascending and keeps the `limit` first: a partial selection
/// first when the limit is smaller, so only those are sorted.
pub(crate) fn select_best<T: Ord>(keys: &mut Vec<T>, limit: Option<usize>) {
    match limit {
        Some(0) => keys.clear(),
        Some(limit) if limit < keys.len() => {
            keys.select_nth_unstable(limit - 1);
            keys.truncate(limit);
            keys.sort_unstable();
        }
        _ => keys.sort_unstable(),
    }
}
