//! The search index's item texts, one per line, for comparing the whole
//! `rncp-explorer search` process with `fzf --filter` on the same texts
//! (`docs/benchmarks.md`): `cargo run --release --example search_dump -- FILE… > items.txt`.

use std::io::{BufWriter, Write};
use std::path::PathBuf;

use rncp_explorer::model::{self, registry};
use rncp_explorer::search::SearchIndex;

fn main() {
    let paths: Vec<PathBuf> = std::env::args().skip(1).map(PathBuf::from).collect();
    let sources = match model::load_sources(&paths, &registry::Options::default()) {
        Ok(sources) => sources,
        Err(e) => {
            eprintln!("search_dump: {e}");
            std::process::exit(2);
        }
    };
    let index = SearchIndex::build(&sources.catalogue);
    let mut out = BufWriter::new(std::io::stdout().lock());
    for id in 0..index.len() as u32 {
        // One item per line: a line break inside an item would make two.
        let text = index.text(id).replace(['\n', '\r'], " ");
        if writeln!(out, "{text}").is_err() {
            return;
        }
    }
}
