//! A typing session (queries refining, shortening, changing filter) gives
//! exactly what a fresh search of each query gives, and never panics.
#![no_main]

use std::sync::OnceLock;

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use rncp_explorer::model;
use rncp_explorer::search::{Filter, Kind, Query, SearchIndex, Session};

#[derive(Debug, Arbitrary)]
struct Step {
    text: String,
    filter: u8,
    limit: Option<u8>,
}

fn index() -> &'static SearchIndex {
    static INDEX: OnceLock<SearchIndex> = OnceLock::new();
    INDEX.get_or_init(|| SearchIndex::build(&model::embedded()))
}

fn filter(n: u8) -> Filter {
    const KINDS: [Kind; 6] = [
        Kind::Job,
        Kind::Competence,
        Kind::Activity,
        Kind::Sector,
        Kind::Ue,
        Kind::Course,
    ];
    match KINDS.get(usize::from(n % 8)) {
        Some(&kind) => Filter::Only(kind),
        None => Filter::All,
    }
}

fuzz_target!(|steps: Vec<Step>| {
    let index = index();
    let mut session = Session::new();
    for step in steps.iter().take(64) {
        let mut query = Query::new(&step.text, filter(step.filter));
        query.limit = step.limit.map(usize::from);
        let typed = session.search(index, &query);
        assert_eq!(typed, index.search(&query), "{query:?}");
    }
});
