//! What `update` takes and what it gives back. A [`Msg`] is anything that
//! happens to the app: a key, click or resize (as an [`Action`]), or the
//! answer of work done off the event loop. An [`Effect`] is work `update`
//! asks the loop to start — `update` itself never blocks on it.

use std::sync::Arc;

use super::action::Action;
use super::persist::SavedState;
use crate::search::{Query, Results, SearchIndex};

#[derive(Debug, Clone)]
pub enum Msg {
    /// A key (through the key table), a mouse event or a resize.
    Action(Action),
    /// The search worker's answer to the query of generation `generation`.
    SearchResults { generation: u64, results: Results },
    /// Text the terminal delivered as one paste (bracketed paste).
    Paste(String),
    /// A line for the status bar from the event loop (an opener that could
    /// not start), shown until the next key.
    Notice(String),
    /// What loading the sources skipped or repaired, as the user reads it.
    LoadWarnings(Vec<String>),
    /// The state saved by the last run, read at start by the binary.
    Restore(SavedState),
    /// The search index over the catalogue, built off the loop's thread
    /// (answer to [`Effect::BuildIndex`]).
    IndexReady(Arc<SearchIndex>),
}

impl From<Action> for Msg {
    fn from(action: Action) -> Msg {
        Msg::Action(action)
    }
}

/// Work for the event loop, answered later by a [`Msg`].
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Run `query` in the background; answer with [`Msg::SearchResults`]
    /// carrying `generation`.
    Search { generation: u64, query: Query },
    /// Put this text on the clipboard (OSC 52, written by the loop only when
    /// stdout is a terminal). Already cut to [`super::clipboard::MAX_COPY`].
    Copy(String),
    /// Open this http(s) URL with the system opener, detached. Already
    /// checked by [`super::links::openable`]; the loop checks again.
    Open(String),
    /// Build the search index over `App::catalogue` off the loop's thread;
    /// answer with [`Msg::IndexReady`]. Asked once, by a new `App`.
    BuildIndex,
}
