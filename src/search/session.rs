//! Incremental search for type-ahead: each keystroke usually adds a letter,
//! and an item that matches "ingen" matched "inge" too, so a session
//! searches only the previous matches. Deleting a letter returns to a kept
//! earlier level instead of rescanning everything.

use super::engine::{Hit, Results};
use super::index::SearchIndex;
use super::query::Query;

/// Levels kept; the oldest are dropped beyond this (they are only a cache).
const MAX_LEVELS: usize = 64;

/// A type-ahead search session over one index. Call [`Session::reset`]
/// when the index changes.
#[derive(Debug, Clone, Default)]
pub struct Session {
    /// Each level's query refines the one below; its hits are that query's
    /// unranked matches, in entry order.
    levels: Vec<Level>,
}

#[derive(Debug, Clone)]
struct Level {
    query: Query,
    hits: Vec<Hit>,
}

impl Session {
    pub fn new() -> Session {
        Session::default()
    }

    pub fn reset(&mut self) {
        self.levels.clear();
    }

    /// Same results as `index.search(query)`, faster when `query` refines
    /// one of the session's previous queries.
    pub fn search(&mut self, index: &SearchIndex, query: &Query) -> Results {
        if query.is_empty() {
            return index.search(query);
        }
        while let Some(top) = self.levels.last() {
            if query.refines(&top.query) {
                break;
            }
            self.levels.pop();
        }
        let same = |l: &Level| l.query.words == query.words && l.query.filter == query.filter;
        let hits = match self.levels.last() {
            Some(top) if same(top) => top.hits.clone(),
            top => {
                let candidates: Option<Vec<u32>> =
                    top.map(|l| l.hits.iter().map(|h| h.id).collect());
                let hits = index.matches(query, candidates.as_deref());
                if self.levels.len() == MAX_LEVELS {
                    self.levels.remove(0);
                }
                self.levels.push(Level {
                    query: Query {
                        limit: None,
                        ..query.clone()
                    },
                    hits: hits.clone(),
                });
                hits
            }
        };
        index.rank(hits, query.limit)
    }
}
