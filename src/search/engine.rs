//! Matching and ranking: the hot path.
//!
//! Each query word is prepared once per query (`skim_score::Pattern`);
//! then, per candidate, with several words a byte-level in-order check of
//! them all rejects non-matches cheaply (SkimMatcherV2 matches exactly when
//! the word is a subsequence of the text), and each word is scored: on
//! ASCII text by `skim_score` (SkimMatcherV2's score and the as-typed
//! occurrence in one pass), otherwise by the crate. Scores add up.
//! Positions (`fuzzy_indices`, far costlier) are only computed by
//! [`SearchIndex::highlight`], for rows on screen. Large candidate sets are
//! scored on all cores with rayon.
//!
//! A word's score is SkimMatcherV2's plus a bonus when the word occurs as
//! typed (contiguously), larger at the start of a word: the matcher alone
//! scores "elu" higher on "élaborer une…" (scattered, but from the first
//! char) than on "cabinet d'élu", which is not what a reader means.

use std::cmp::Ordering;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use rayon::prelude::*;

use super::as_typed::{self, AsTyped};
use super::index::{EntryId, SearchIndex};
use super::kind::Filter;
use super::query::{Query, is_subsequence};
use super::skim_score::Pattern;
use crate::model::FicheId;
use crate::model::facets::FacetCounts;
use crate::model::normalize::fold;

/// Below this many candidates, one thread is faster than splitting the work.
const PARALLEL_MIN: usize = 4096;

/// The crate's matcher, for positions and non-ASCII text. Both sides are
/// folded to lower case already, so case-sensitive matching gives the same
/// result and skips the case handling. A new one per call: the crate's
/// reused matrix can carry state from one call to the next (see
/// `skim_score`), and creating one allocates nothing until it is used.
fn matcher() -> SkimMatcherV2 {
    SkimMatcherV2::default().respect_case()
}

/// Bonus for a word found contiguously in the text…
const CONTIGUOUS_BONUS: i64 = 16;
/// …and again as much when that occurrence starts a word.
const WORD_START_BONUS: i64 = 16;
/// The matcher gives a word's first char one point less after an
/// apostrophe (a "break") than after a space (a "head"). French elides
/// ("cabinet d'élu", "l'œuvre"): a word found as typed right after an
/// apostrophe gets that point back, so "élu" ranks the same in "d'élu" as
/// in "un élu", and the kind tie-break decides.
const ELISION_BONUS: i64 = 1;

/// One matching entry and its score (the sum of its words' scores).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub id: EntryId,
    pub score: i64,
}

/// A match as a session keeps it: its score, and the part of it that the
/// query's words but the last contribute (unchanged while the last is typed).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Scored {
    pub id: EntryId,
    pub score: i64,
    pub prefix: i64,
}

impl Scored {
    pub fn hit(&self) -> Hit {
        Hit {
            id: self.id,
            score: self.score,
        }
    }
}

/// A certification answering a query (`Mode::Certifications`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CertHit {
    pub fiche: FicheId,
    pub score: u32,
    /// The fiche's best-matching item (highlight it with
    /// `SearchIndex::highlight` like an item hit); for a number lookup, its
    /// intitulé.
    pub best: EntryId,
}

/// The ranked answers of a query.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Results {
    /// Items (`Mode::Items`), best first, at most `Query::limit` of them.
    pub hits: Vec<Hit>,
    /// How many entries matched before the limit (after the facets).
    pub total: usize,
    /// Certifications (`Mode::Certifications`), best first, at most `Query::limit`.
    pub certifications: Vec<CertHit>,
    /// How many fiches answer the query after the facets, before the limit.
    pub fiche_total: usize,
    /// Over the fiches answering the query text, each facet counted with
    /// the others applied (`FacetCounts::compute`).
    pub counts: FacetCounts,
}

impl SearchIndex {
    /// Ranked hits for `query`.
    ///
    /// Every query word must match (any order); scores add up. Order: score,
    /// then kind (jobs, competences, then the rest), then shorter text, then
    /// index order. An empty query (nothing but spaces or punctuation) finds
    /// nothing, except under a kind filter where it lists every entry of that
    /// kind alphabetically (score 0), so the TUI's Tab can browse a kind.
    pub fn search(&self, query: &Query) -> Results {
        if query.is_empty() {
            return self.answer(query, &[]);
        }
        let scored = self.matches(query, 0, None);
        self.answer(query, &scored)
    }

    /// Unranked matches of a non-empty query, in entry order. `base`: the
    /// candidates (all entries when `None`), each with the summed score of
    /// `query.words[..known]`, words it is already known to match; only the
    /// other words are checked and scored. Lets a session rescore only the
    /// word being typed.
    pub(crate) fn matches(
        &self,
        query: &Query,
        known: usize,
        base: Option<&[(EntryId, i64)]>,
    ) -> Vec<Scored> {
        debug_assert!(known < query.words.len());
        let fresh: Vec<Word> = query.words[known..].iter().map(|w| Word::new(w)).collect();
        let score = |&(id, base): &(EntryId, i64)| self.score(query.filter, &fresh, id, base);
        match base {
            Some(base) if base.len() >= PARALLEL_MIN => base.par_iter().filter_map(score).collect(),
            Some(base) => base.iter().filter_map(score).collect(),
            None if self.len() >= PARALLEL_MIN => (0..self.len() as EntryId)
                .into_par_iter()
                .filter_map(|id| score(&(id, 0)))
                .collect(),
            None => (0..self.len() as EntryId)
                .filter_map(|id| score(&(id, 0)))
                .collect(),
        }
    }

    /// Entry `id` scored on `words` (non-empty) on top of `base`, `None` if one fails.
    #[inline]
    fn score(&self, filter: Filter, words: &[Word], id: EntryId, base: i64) -> Option<Scored> {
        if !filter.accepts(self.entries[id as usize].kind) {
            return None;
        }
        let text = self.folded(id);
        // Scoring a word rejects a non-match too, but only after scoring the
        // words before it: with several words, reject cheaply first.
        if words.len() > 1
            && !words
                .iter()
                .all(|w| is_subsequence(w.text.as_bytes(), text.as_bytes()))
        {
            return None;
        }
        let ascii = self.ascii[id as usize];
        let mut score = base;
        let mut prefix = base;
        for word in words {
            prefix = score;
            score += word.score(text, ascii)?;
        }
        Some(Scored { id, score, prefix })
    }

    /// Sorts hits best first and keeps the `limit` best.
    pub(crate) fn rank(&self, hits: Vec<Hit>, limit: Option<usize>) -> Results {
        let total = hits.len();
        let hits = self.rank_hits(hits, limit);
        Results {
            hits,
            total,
            ..Results::default()
        }
    }

    /// `hits` best first, the `limit` best.
    pub(crate) fn rank_hits(&self, mut hits: Vec<Hit>, limit: Option<usize>) -> Vec<Hit> {
        let order = |a: &Hit, b: &Hit| self.compare(a, b);
        match limit {
            Some(0) => hits.clear(),
            // Partial selection: O(n) to find the best `limit`, then sort only those.
            Some(limit) if limit < hits.len() => {
                hits.select_nth_unstable_by(limit - 1, order);
                hits.truncate(limit);
                hits.sort_unstable_by(order);
            }
            _ => hits.sort_unstable_by(order),
        }
        hits
    }

    /// The ranking order (a total order: ties end on the entry id).
    fn compare(&self, a: &Hit, b: &Hit) -> Ordering {
        let key = |h: &Hit| {
            let i = h.id as usize;
            (self.entries[i].kind.priority(), self.lengths[i], h.id)
        };
        b.score.cmp(&a.score).then_with(|| key(a).cmp(&key(b)))
    }

    /// Every entry of the filter's kind, alphabetically; nothing without a kind.
    /// `accepted`: per fiche, whether it passes the query's facets.
    pub(crate) fn listing(&self, query: &Query, accepted: &[bool]) -> Results {
        if query.filter == Filter::All {
            return Results::default();
        }
        let mut hits: Vec<Hit> = (0..self.len() as EntryId)
            .filter(|&id| {
                let entry = &self.entries[id as usize];
                query.filter.accepts(entry.kind) && accepted[entry.fiche.index()]
            })
            .map(|id| Hit { id, score: 0 })
            .collect();
        hits.sort_by(|a, b| self.folded(a.id).cmp(self.folded(b.id)));
        let total = hits.len();
        hits.truncate(query.limit.unwrap_or(usize::MAX));
        Results {
            hits,
            total,
            ..Results::default()
        }
    }

    /// Char positions, in the entry's original text, of the characters the
    /// query's words matched (sorted, without repeats). A char that folded to
    /// several ("œ" → "oe") is reported once.
    ///
    /// A word found as typed is marked where it was found (at a word start
    /// if it occurs there), like its score says; otherwise the matcher's best
    /// alignment is marked.
    pub fn highlight(&self, id: EntryId, query: &Query) -> Vec<usize> {
        let folded = fold(&self.entries[id as usize].text);
        debug_assert_eq!(folded.text, self.folded(id));
        let mut positions: Vec<usize> = query
            .words
            .iter()
            .flat_map(|w| word_positions(&folded.text, w))
            .filter_map(|i| folded.origin.get(i).copied())
            .collect();
        positions.sort_unstable();
        positions.dedup();
        positions
    }
}

/// A query word made ready to score many texts.
struct Word<'q> {
    text: &'q str,
    /// `None` for a non-ASCII word: the crate scores it.
    pattern: Option<Pattern>,
}

impl<'q> Word<'q> {
    fn new(text: &'q str) -> Word<'q> {
        Word {
            text,
            pattern: Pattern::new(text),
        }
    }

    /// The word's score on a folded text, `None` when it does not match.
    #[inline]
    fn score(&self, text: &str, text_is_ascii: bool) -> Option<i64> {
        let (base, as_typed) = match &self.pattern {
            Some(pattern) if text_is_ascii => {
                let scored = pattern.score(text)?;
                (scored.score, scored.as_typed)
            }
            _ if is_subsequence(self.text.as_bytes(), text.as_bytes()) => (
                matcher().fuzzy_match(text, self.text)?,
                as_typed::find(text, self.text),
            ),
            _ => return None,
        };
        let bonus = match as_typed {
            Some(AsTyped {
                at,
                word_start: true,
            }) if at > 0 && text.as_bytes()[at - 1] == b'\'' => {
                CONTIGUOUS_BONUS + WORD_START_BONUS + ELISION_BONUS
            }
            Some(AsTyped {
                word_start: true, ..
            }) => CONTIGUOUS_BONUS + WORD_START_BONUS,
            Some(_) => CONTIGUOUS_BONUS,
            None => 0,
        };
        Some(base + bonus)
    }
}

/// Char positions in the folded `text` that `word` matches (see `highlight`).
fn word_positions(text: &str, word: &str) -> Vec<usize> {
    if let Some(AsTyped { at, .. }) = as_typed::find(text, word) {
        let start = text[..at].chars().count();
        return (start..start + word.chars().count()).collect();
    }
    matcher()
        .fuzzy_indices(text, word)
        .map(|(_, indices)| indices)
        .unwrap_or_default()
}
