//! A query word's score in every entry, from the postings of the
//! vocabulary words it matches: the hot path.
//!
//! Scores go into a dense array over the entries (a byte each), so that
//! combining words and ranking read them at the entry's index; the entries
//! touched are listed too, so that a rare word costs what it matches and
//! clearing costs what was set.

use rayon::prelude::*;

use super::index::{EntryId, SearchIndex, posting_entry, posting_position};
use super::query::Group;
use super::terms::{Matching, matching_words};

/// Bonus for a match on an entry's first word ("Développeur web" for `dev`).
const FIRST_WORD_BONUS: u8 = 8;
/// Score of a ROME label for its code.
const ROME_SCORE: u8 = 100;

/// One query word's scores over all entries of an index.
#[derive(Debug, Clone, Default)]
pub(crate) struct WordScores {
    /// Per entry, its score (low byte, 0 when the word does not match) and
    /// the position among its indexed words of the best match (high byte):
    /// one load for both.
    pub slots: Vec<u16>,
    /// Bit `e` set when entry `e` has a score: many matches are visited in
    /// entry order, 64 entries skipped at once where none matches.
    pub bits: Vec<u64>,
    /// The entries with a score, in no order, without repeats.
    pub touched: Vec<EntryId>,
}

impl WordScores {
    pub fn new(entries: usize) -> WordScores {
        WordScores {
            slots: vec![0; entries],
            bits: vec![0; entries.div_ceil(64)],
            touched: Vec::new(),
        }
    }

    pub fn clear(&mut self) {
        if self.touched.len() > self.slots.len() / 8 {
            self.slots.fill(0);
            self.bits.fill(0);
        } else {
            for &e in &self.touched {
                self.slots[e as usize] = 0;
                self.bits[e as usize / 64] = 0;
            }
        }
        self.touched.clear();
    }

    #[inline]
    fn put(&mut self, entry: EntryId, score: u8, position: u8) {
        put(
            &mut self.slots,
            &mut self.bits,
            &mut self.touched,
            entry as usize,
            0,
            score,
            position,
        );
    }

    /// Entry `e`'s score (0: no match).
    #[inline]
    pub fn get(&self, e: EntryId) -> u8 {
        self.slots[e as usize] as u8
    }

    /// True when so many entries match that visiting them in entry order
    /// (`each_in`) beats following `touched` (scattered reads).
    pub fn dense(&self) -> bool {
        self.touched.len() > self.slots.len() / DENSE_SHARE
    }

    /// Calls `f(entry)` for every matched entry of `range`, in order.
    #[inline]
    pub fn each_in(&self, range: std::ops::Range<usize>, mut f: impl FnMut(usize)) {
        if range.is_empty() {
            return;
        }
        let (first, last) = (range.start / 64, (range.end - 1) / 64);
        for w in first..=last {
            let mut bits = self.bits[w];
            if w == first {
                bits &= u64::MAX << (range.start % 64);
            }
            if w == last && !range.end.is_multiple_of(64) {
                bits &= u64::MAX >> (64 - range.end % 64);
            }
            while bits != 0 {
                f(w * 64 + bits.trailing_zeros() as usize);
                bits &= bits - 1;
            }
        }
    }
}

/// See `WordScores::dense`.
const DENSE_SHARE: usize = 64;

/// Slot `at` of `slots` (entry `base + at`, bit `at` of `bits`) raised to
/// `score` if lower.
#[inline]
fn put(
    slots: &mut [u16],
    bits: &mut [u64],
    touched: &mut Vec<EntryId>,
    at: usize,
    base: usize,
    score: u8,
    position: u8,
) {
    let slot = &mut slots[at];
    if (*slot as u8) < score {
        if *slot as u8 == 0 {
            touched.push((base + at) as EntryId);
            bits[at / 64] |= 1 << (at % 64);
        }
        *slot = u16::from(score) | u16::from(position) << 8;
    }
}

/// Below this much work (postings, entries), one core does it faster than several.
pub(crate) const PARALLEL_MIN: usize = 1 << 15;

/// How many pieces to cut `work` units into: one per core when there is enough.
pub(crate) fn pieces(work: usize) -> usize {
    if work < PARALLEL_MIN {
        1
    } else {
        rayon::current_num_threads().clamp(1, 8)
    }
}

/// Scratch space reused from word to word.
#[derive(Debug, Default)]
pub(crate) struct Scratch {
    words: Vec<(u32, u8)>,
    parts: Vec<WordScores>,
}

impl SearchIndex {
    /// `group`'s scores into `out` (cleared first; sized to the index).
    pub(crate) fn score_group(&self, group: &Group, scratch: &mut Scratch, out: &mut WordScores) {
        if out.slots.len() != self.len() {
            *out = WordScores::new(self.len());
        } else {
            out.clear();
        }
        self.scatter(
            group.word.as_bytes(),
            group.matching,
            &mut scratch.words,
            out,
        );
        if group.rome {
            let from = self
                .rome
                .partition_point(|(code, _)| code.as_str() < group.word.as_str());
            for (_, entry) in self.rome[from..]
                .iter()
                .take_while(|(c, _)| *c == group.word)
            {
                out.put(*entry, ROME_SCORE, 0);
            }
        }
        if !group.expansion.is_empty() {
            self.phrase(&group.expansion, scratch, out);
        }
    }

    /// Scores of one word, from the postings of the vocabulary words it
    /// matches; on all cores when they are many, each taking a range of
    /// entries (postings are in entry order, so each range is a slice of
    /// every list, and each core writes its own part of the slots).
    fn scatter(
        &self,
        word: &[u8],
        how: Matching,
        words: &mut Vec<(u32, u8)>,
        out: &mut WordScores,
    ) {
        matching_words(&self.vocab, word, how, words);
        let postings: usize = words
            .iter()
            .map(|&(w, _)| self.postings_of(w as usize).len())
            .sum();
        let pieces = pieces(postings);
        // Whole words of the bitmap per piece.
        let chunk = self.len().div_ceil(pieces).div_ceil(64).max(1) * 64;
        let words = &*words;
        let scatter_range = |base: usize, slots: &mut [u16], bits: &mut [u64]| {
            let end = base + slots.len();
            let mut touched = Vec::new();
            for &(w, score) in words {
                let list = self.postings_of(w as usize);
                let from = list.partition_point(|&p| (posting_entry(p) as usize) < base);
                for &p in &list[from..] {
                    let e = posting_entry(p) as usize;
                    if e >= end {
                        break;
                    }
                    let position = posting_position(p);
                    let bonus = if position == 0 { FIRST_WORD_BONUS } else { 0 };
                    put(
                        slots,
                        bits,
                        &mut touched,
                        e - base,
                        base,
                        score + bonus,
                        position,
                    );
                }
            }
            touched
        };
        if pieces == 1 {
            let touched = scatter_range(0, &mut out.slots, &mut out.bits);
            out.touched.extend(touched);
            return;
        }
        let touched: Vec<Vec<EntryId>> = out
            .slots
            .par_chunks_mut(chunk)
            .zip(out.bits.par_chunks_mut(chunk / 64))
            .enumerate()
            .map(|(i, (slots, bits))| scatter_range(i * chunk, slots, bits))
            .collect();
        for t in touched {
            out.touched.extend(t);
        }
    }

    /// An acronym's expansion: entries holding every word of it score their
    /// average (the phrase stands for the acronym).
    fn phrase(&self, expansion: &[String], scratch: &mut Scratch, out: &mut WordScores) {
        scratch
            .parts
            .resize_with(expansion.len(), WordScores::default);
        let mut parts = std::mem::take(&mut scratch.parts);
        for (word, part) in expansion.iter().zip(parts.iter_mut()) {
            if part.slots.len() != self.len() {
                *part = WordScores::new(self.len());
            } else {
                part.clear();
            }
            self.scatter(word.as_bytes(), Matching::Normal, &mut scratch.words, part);
        }
        let rarest = (0..parts.len()).min_by_key(|&i| parts[i].touched.len());
        if let Some(rarest) = rarest {
            for &e in &parts[rarest].touched {
                let mut sum = 0usize;
                if parts.iter().all(|p| {
                    sum += usize::from(p.get(e));
                    p.get(e) > 0
                }) {
                    let score = (sum / parts.len()) as u8;
                    out.put(e, score, (parts[0].slots[e as usize] >> 8) as u8);
                }
            }
        }
        scratch.parts = parts;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matched_entries_are_visited_in_order_within_a_range() {
        let mut w = WordScores::new(200);
        for e in [0, 5, 63, 64, 65, 127, 128, 199] {
            w.put(e, 10, 0);
        }
        fn visit(w: &WordScores, range: std::ops::Range<usize>) -> Vec<usize> {
            let mut seen = Vec::new();
            w.each_in(range, |e| seen.push(e));
            seen
        }
        assert_eq!(visit(&w, 0..200), [0, 5, 63, 64, 65, 127, 128, 199]);
        assert_eq!(visit(&w, 5..65), [5, 63, 64]);
        assert_eq!(visit(&w, 64..128), [64, 65, 127]);
        assert_eq!(visit(&w, 66..127), Vec::<usize>::new());
        assert_eq!(visit(&w, 199..200), [199]);
        assert!(visit(&w, 10..10).is_empty());
        w.clear();
        assert!(visit(&w, 0..200).is_empty() && w.touched.is_empty());
    }
}
