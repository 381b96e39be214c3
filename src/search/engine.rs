//! What a search answers, and its entry point.
//!
//! A query's words are scored in every entry from the postings of the
//! vocabulary words each matches (`score`); entries must match every word
//! (items, `items`), fiches must match every word in some item
//! (certifications, `certs`); the facets narrow the fiches (`answer`).
//! `Session` keeps each word's scores from keystroke to keystroke, so that
//! typing the second word never rescores the first.

use super::index::{EntryId, SearchIndex};
use super::query::Query;
use super::session::Session;
use crate::model::FicheId;
use crate::model::facets::FacetCounts;

/// One matching entry and its score (the sum of its words' scores, plus a
/// bonus for query words found side by side).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub id: EntryId,
    pub score: i64,
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
    /// Certifications only: how many fiches answer the query after the
    /// facets, before the limit (0 in item mode, where `counts.total` says
    /// how many fiches the items come from).
    pub fiche_total: usize,
    /// Over the fiches answering the query text, each facet counted with
    /// the others applied (`FacetCounts::compute`).
    pub counts: FacetCounts,
    /// Certifications only: no fiche holds every word of the query, and
    /// those given hold the most of them.
    pub partial: bool,
}

impl SearchIndex {
    /// The answer to `query`.
    ///
    /// Every query word must match (any order), each as the start of a word
    /// of the item, inside one (3+ letters), or with a typo (4+ letters):
    /// see `terms`. Items: ranked by score (the words' scores added, more
    /// for words side by side), then kind, then shorter text, then index
    /// order. Certifications: see `certs`. A number ("37674", "RNCP37674")
    /// puts its fiche first. An empty query (nothing but spaces or
    /// punctuation) finds nothing, except under a kind filter in item mode,
    /// where it lists every entry of that kind alphabetically (score 0), so
    /// the TUI's Tab can browse a kind.
    pub fn search(&self, query: &Query) -> Results {
        Session::new().search(self, query)
    }
}
