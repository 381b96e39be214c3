//! Search over the certifications of a catalogue and their items
//! (intitulés, diplomas, blocs, ROME labels, certifiers, jobs, competences,
//! activities, sectors, UE titles and courses). Pure library: no terminal,
//! no I/O but the bytes a caller hands to `store`.
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
//! no accents, œ→oe, ’→') and cut into words; queries are folded and cut
//! the same way, so `elu` finds "élu". How words match: `terms`; the
//! acronym table: `acronyms`; the speed design and numbers:
//! `docs/benchmarks.md`; the rules for users: `docs/search.md`.

mod acronyms;
mod answer;
mod certs;
mod engine;
mod highlight;
mod index;
mod items;
mod kind;
mod lookup;
mod query;
mod score;
mod session;
mod store;
mod terms;
mod words;

pub use acronyms::{ACRONYMS, expansion};
pub use engine::{CertHit, Hit, Results};
pub use index::{Entry, EntryId, Location, MAX_ENTRIES, ParcoursName, Place, SearchIndex, UePlace};
pub use kind::{Filter, Kind};
pub use query::{MAX_QUERY_CHARS, MAX_QUERY_WORDS, Mode, Query};
pub use session::Session;

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_catalogue;
#[cfg(test)]
mod tests_ranking;
