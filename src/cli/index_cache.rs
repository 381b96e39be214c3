//! The search index of a set of `--data` files, kept in the cache folder
//! (`registry::cache_dir`, `$RNCP_EXPLORER_CACHE_DIR`) so that `search`
//! reads it instead of loading the catalogue and building the index again.
//! Keyed by the files (path, size, time, and a fingerprint of their first
//! and last 64 KiB, as the export cache is) and this program's version; a
//! file that does not match or does not check out is built again and
//! rewritten, never trusted (`SearchIndex::read_from`).

use std::fs::File;
use std::io::{BufReader, BufWriter};
use std::path::PathBuf;

use std::sync::Arc;
use std::sync::mpsc::Sender;

use rncp_explorer::model::Catalogue;
use rncp_explorer::model::registry::{self, cache_dir};
use rncp_explorer::search::SearchIndex;

/// What identifies the index of some files, and where it is kept.
#[derive(Debug, Clone)]
pub struct Key {
    bytes: Vec<u8>,
    /// One file per set of paths (not sizes or times): a changed file
    /// replaces its old index.
    file: String,
}

/// The key of the index of `paths`: `None` when a file cannot be read
/// (the load that follows reports it).
pub fn key(paths: &[PathBuf]) -> Option<Key> {
    // The registry's reading rules change the items indexed: their version
    // is part of the key, as the program's is.
    let mut key = format!(
        "rncp-explorer {} registry {}\n",
        env!("CARGO_PKG_VERSION"),
        registry::CACHE_FORMAT_VERSION
    )
    .into_bytes();
    let mut names = crc32fast::Hasher::new();
    for path in paths {
        let canonical = std::fs::canonicalize(path).ok()?;
        let file = File::open(&canonical).ok()?;
        let meta = file.metadata().ok()?;
        let modified = registry::modified_ns(&meta).ok()?;
        let fingerprint = registry::fingerprint(&file, meta.len()).ok()?;
        names.update(canonical.as_os_str().as_encoded_bytes());
        names.update(b"\n");
        key.extend(
            format!(
                "{}\n{} {modified} {fingerprint:08x}\n",
                canonical.display(),
                meta.len(),
            )
            .bytes(),
        );
    }
    Some(Key {
        bytes: key,
        file: format!("search-{:08x}.idx", names.finalize()),
    })
}

/// The stored index for `key`, if there is one that checks out.
pub fn read(key: &Key) -> Option<SearchIndex> {
    let dir = cache_dir()?;
    let file = File::open(dir.join(&key.file)).ok()?;
    SearchIndex::read_from(&mut BufReader::with_capacity(1 << 20, file), &key.bytes)
        .ok()
        .flatten()
}

/// The explorer's index of `catalogue`, sent to `done` as soon as it is
/// there: the one kept for `key` when it describes this very catalogue
/// (the same fiches, summaries and all), else built, sent, then kept for
/// the next run. Runs on a thread of its own.
pub fn read_or_build(key: Option<&Key>, catalogue: &Catalogue, done: Sender<Arc<SearchIndex>>) {
    if let Some(index) = key
        .and_then(read)
        .filter(|index| describes(index, catalogue))
    {
        let _ = done.send(Arc::new(index));
        return;
    }
    let index = Arc::new(SearchIndex::build(catalogue));
    let _ = done.send(Arc::clone(&index));
    if let Some(key) = key {
        write(key, &index);
    }
}

/// Whether `index` was built from `catalogue`: its results name fiches by
/// position, so a catalogue loaded otherwise (another file order, a
/// program that merges fiches differently) must not be answered with it.
fn describes(index: &SearchIndex, catalogue: &Catalogue) -> bool {
    index.fiche_count() == catalogue.len()
        && catalogue
            .ids()
            .all(|id| index.summary(id) == catalogue.summary(id))
}

/// Stores `index` for `key`, atomically (a temporary file renamed over the
/// old one). Failing to is not an error: the next run builds it again.
pub fn write(key: &Key, index: &SearchIndex) {
    let Some(dir) = cache_dir() else {
        return;
    };
    if std::fs::create_dir_all(&dir).is_err() {
        return;
    }
    let target = dir.join(&key.file);
    // One temporary name per key, not per process: a run that ends while
    // writing (the explorer quit meanwhile) leaves at most this file, which
    // the next write replaces. Two runs writing at once can only spoil it,
    // and a spoilt file fails its checksum and is built again.
    let temp = target.with_extension("idx.tmp");
    let written = (|| -> std::io::Result<()> {
        let mut out = BufWriter::with_capacity(1 << 20, File::create(&temp)?);
        index.write_to(&mut out, &key.bytes)?;
        out.into_inner().map_err(|e| e.into_error())?.sync_all()?;
        std::fs::rename(&temp, &target)
    })();
    if written.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
}
