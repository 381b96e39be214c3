//! Incremental search for type-ahead: each keystroke usually adds a letter,
//! and an item that matches "ingen" matched "inge" too, so a session
//! searches only the previous matches. Deleting a letter returns to a kept
//! earlier level instead of rescanning everything.

use super::engine::{Results, Scored};
use super::index::{EntryId, SearchIndex};
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
    matches: Vec<Scored>,
}

impl Session {
    pub fn new() -> Session {
        Session::default()
    }

    pub fn reset(&mut self) {
        self.levels.clear();
    }

    /// Same results as `index.search(query)`, faster when `query` refines
    /// one of the session's previous queries: only that query's matches are
    /// searched, and the words that did not change keep their scores.
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
        let matches = match self.levels.last() {
            Some(top) if same(top) => top.matches.clone(),
            top => {
                let matches = match top {
                    None => index.matches(query, 0, None),
                    Some(level) => {
                        let (known, base) = reusable(&level.query, query, &level.matches);
                        index.matches(query, known, Some(&base))
                    }
                };
                if self.levels.len() == MAX_LEVELS {
                    self.levels.remove(0);
                }
                self.levels.push(Level {
                    query: Query {
                        limit: None,
                        ..query.clone()
                    },
                    matches: matches.clone(),
                });
                matches
            }
        };
        index.answer(query, &matches)
    }
}

/// How many of `new`'s words keep their score from `old` (which `new`
/// refines), and each old match with the summed score of those words.
fn reusable(old: &Query, new: &Query, matches: &[Scored]) -> (usize, Vec<(EntryId, i64)>) {
    let n = old.words.len();
    if new.words.len() > n && new.words[..n] == old.words[..] {
        // Words were added after the unchanged old ones.
        (n, matches.iter().map(|m| (m.id, m.score)).collect())
    } else if new.words[..n - 1] == old.words[..n - 1] {
        // The last old word grew (and maybe words were added).
        (n - 1, matches.iter().map(|m| (m.id, m.prefix)).collect())
    } else {
        (0, matches.iter().map(|m| (m.id, 0)).collect())
    }
}
