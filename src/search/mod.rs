//! Fuzzy search over the jobs, competences, activities, sectors, UE titles
//! and courses of a catalogue's fiches. Pure library: no terminal, no I/O.
//!
//! ```
//! use rncp_explorer::model::{Catalogue, embedded};
//! use rncp_explorer::search::{Filter, Query, SearchIndex};
//! let catalogue = Catalogue::single(embedded(), "embedded");
//! let index = SearchIndex::build(&catalogue);
//! let query = Query::new("lobiste", Filter::All).with_limit(10);
//! let best = index.search(&query).hits[0];
//! assert_eq!(index.entry(best.id).text, "lobbyiste");
//! let marked = index.highlight(best.id, &query); // char positions to emphasise
//! assert!(!marked.is_empty());
//! ```
//!
//! Text is folded once at index time (`model::normalize::fold`: lower case,
//! no accents, œ→oe, ’→'); queries are folded the same way, so `elu` finds
//! "élu". See `docs/benchmarks.md` for the speed design and numbers.

mod answer;
mod as_typed;
mod engine;
mod index;
mod kind;
mod lookup;
mod query;
mod session;
mod skim_score;

pub use engine::{CertHit, Hit, Results};
pub use index::{Entry, EntryId, Location, Place, SearchIndex, UePlace};
pub use kind::{Filter, Kind};
pub use query::{MAX_QUERY_CHARS, Mode, Query};
pub use session::Session;

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_catalogue;
