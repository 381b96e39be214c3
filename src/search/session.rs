//! Incremental search for type-ahead. A keystroke changes one word of the
//! query (usually the last); a session keeps the scores of the words of
//! recent queries, so only the changed word is scored again, and the
//! facets' verdict per fiche until the facets change.

use super::engine::Results;
use super::index::SearchIndex;
use super::query::{Group, Query};
use super::score::{Scratch, WordScores};
use crate::model::facet_table::Verdicts;
use crate::model::facets::{FacetFilter, Facets};

/// Words kept besides the current query's: the last few typed, for
/// Backspace. Each is two bytes per entry: a few megabytes on the registry.
const SPARE_WORDS: usize = 4;

/// A type-ahead search session over one index. Using it with another
/// index starts it afresh.
#[derive(Debug, Default)]
pub struct Session {
    /// The index the cache is for (its address and size).
    index: Option<(usize, usize)>,
    /// Recent words and their scores, and when each was last used.
    words: Vec<(Group, WordScores)>,
    used: Vec<u64>,
    clock: u64,
    scratch: Scratch,
    /// The facets last used and their verdict on each fiche.
    verdicts: Option<(Facets, Verdicts)>,
}

impl Clone for Session {
    /// A clone keeps the cache (benches start keystrokes from a session as it stood).
    fn clone(&self) -> Session {
        Session {
            index: self.index,
            words: self.words.clone(),
            used: self.used.clone(),
            clock: self.clock,
            scratch: Scratch::default(),
            verdicts: self.verdicts.clone(),
        }
    }
}

impl Session {
    pub fn new() -> Session {
        Session::default()
    }

    pub fn reset(&mut self) {
        *self = Session::default();
    }

    /// Same results as `index.search(query)`, faster when words of `query`
    /// were in recent queries.
    pub fn search(&mut self, index: &SearchIndex, query: &Query) -> Results {
        let id = (index as *const SearchIndex as usize, index.len());
        if self.index != Some(id) {
            self.reset();
            self.index = Some(id);
        }
        let mut at = Vec::with_capacity(query.groups.len());
        for group in &query.groups {
            at.push(self.scores_of(index, group, &query.groups));
        }
        let words: Vec<&WordScores> = at.iter().map(|&i| &self.words[i].1).collect();
        let verdicts = match &self.verdicts {
            Some((facets, verdicts)) if *facets == query.facets => verdicts,
            _ => {
                let filter = FacetFilter::new(&query.facets);
                let verdicts = Verdicts::new(&filter, index.fiches.iter().map(|f| &f.summary));
                &self.verdicts.insert((query.facets.clone(), verdicts)).1
            }
        };
        index.answer(query, &words, verdicts)
    }

    /// Where `group`'s scores are in `self.words`, computing them if they
    /// are not there (in place of the least recently used word that is not
    /// in `current`). Indices of words already found stay valid: a word is
    /// only ever replaced, never moved.
    fn scores_of(&mut self, index: &SearchIndex, group: &Group, current: &[Group]) -> usize {
        self.clock += 1;
        if let Some(i) = self.words.iter().position(|(g, _)| g == group) {
            self.used[i] = self.clock;
            return i;
        }
        let slot = if self.words.len() < current.len() + SPARE_WORDS {
            self.words.push((group.clone(), WordScores::default()));
            self.used.push(self.clock);
            self.words.len() - 1
        } else {
            let i = (0..self.words.len())
                .filter(|&i| !current.contains(&self.words[i].0))
                .min_by_key(|&i| self.used[i])
                .expect("more kept words than a query has");
            self.words[i].0 = group.clone();
            self.used[i] = self.clock;
            i
        };
        let (_, scores) = &mut self.words[slot];
        index.score_group(group, &mut self.scratch, scores);
        slot
    }
}
