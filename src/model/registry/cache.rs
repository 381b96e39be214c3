//! The reopen cache: the records of an export, already parsed and structured,
//! in a binary file keyed by the export's identity. A cache that does not match
//! (other file, changed file, other reader version) or does not check out
//! (truncated, corrupt) is ignored and rewritten, never trusted.
//!
//! Layout (`docs/registry.md`): `MAGIC`, format version (u32 LE), the index
//! frame (the load warnings and every fiche's `FicheSummary`: what the first
//! frame shows), one body frame per fiche (its `Record`), then the header
//! (postcard: key, flux version, each frame's length and CRC-32, each fiche's
//! offset in the export) and a 16-byte trailer: header length (u32 LE),
//! header CRC-32 (u32 LE), `MAGIC`. Opening reads the header and the index
//! frame only; the bodies are decoded later, each checked by its CRC-32
//! before use (`bodies.rs`). The header comes last so that frames are written
//! as they are made.

use std::fs::{File, Metadata};
use std::io::{Read, Write};
use std::os::unix::fs::FileExt;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::bodies::{Bodies, Frame};
use super::recover::Export;
use super::types::Record;
use super::{Loaded, Warning};
use crate::model::progress::Progress;
use crate::model::summary::FicheSummary;

/// Overrides the cache folder (tests, or a user who wants it elsewhere).
pub const CACHE_DIR_ENV: &str = "RNCP_EXPLORER_CACHE_DIR";

const MAGIC: &[u8; 8] = b"RNCPXREG";
/// Bump whenever `Record`, `FicheSummary`, `Warning`, the layout or the
/// reading rules change.
pub const FORMAT_VERSION: u32 = 4;
/// Records encoded in parallel, then written, at a time.
const STORE_GROUP: usize = 4096;
const FINGERPRINT_WINDOW: u64 = 64 << 10;
/// A header larger than this is corrupt (30 500 fiches take ~450 KB).
const MAX_HEADER: u32 = 64 << 20;

/// The cache folder: `$RNCP_EXPLORER_CACHE_DIR`, else `$XDG_CACHE_HOME/rncp-explorer`,
/// else `~/.cache/rncp-explorer`; `None` when none can be told.
pub fn cache_dir() -> Option<PathBuf> {
    let non_empty = |v: std::ffi::OsString| (!v.is_empty()).then(|| PathBuf::from(v));
    if let Some(dir) = std::env::var_os(CACHE_DIR_ENV).and_then(non_empty) {
        return Some(dir);
    }
    if let Some(xdg) = std::env::var_os("XDG_CACHE_HOME").and_then(non_empty)
        && xdg.is_absolute()
    {
        return Some(xdg.join("rncp-explorer"));
    }
    std::env::var_os("HOME")
        .and_then(non_empty)
        .map(|home| home.join(".cache").join("rncp-explorer"))
}

/// What identifies one export: where it is, its size and time, and a
/// fingerprint of its first and last 64 KiB (a copy over it with the same size
/// and time still differs there).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Key {
    path: String,
    size: u64,
    modified_ns: u128,
    fingerprint: u32,
}

impl Key {
    pub(crate) fn of(path: &Path, metadata: &Metadata) -> std::io::Result<Key> {
        let canonical = std::fs::canonicalize(path)?;
        let file = File::open(path)?;
        Ok(Key {
            path: canonical.to_string_lossy().into_owned(),
            size: metadata.len(),
            modified_ns: modified_ns(metadata)?,
            fingerprint: fingerprint(&file, metadata.len())?,
        })
    }

    /// Whether `file` (the export, kept open since the cache was opened)
    /// still has the size, time and fingerprint this key was made from.
    pub(crate) fn matches(&self, file: &File) -> bool {
        let Ok(metadata) = file.metadata() else {
            return false;
        };
        metadata.len() == self.size
            && modified_ns(&metadata).ok() == Some(self.modified_ns)
            && fingerprint(file, self.size).ok() == Some(self.fingerprint)
    }

    /// One cache file per export path: a changed export replaces its old cache.
    fn file_name(&self) -> String {
        format!("registry-{:08x}.bin", crc32fast::hash(self.path.as_bytes()))
    }
}

/// A file's modification time in nanoseconds since the epoch (0 before it).
pub fn modified_ns(metadata: &Metadata) -> std::io::Result<u128> {
    Ok(metadata
        .modified()?
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0))
}

/// CRC-32 of the first and last 64 KiB of a file of `size` bytes: with its
/// size and time, what tells an export changed in place (the search index
/// kept by the CLI uses it too).
pub fn fingerprint(file: &File, size: u64) -> std::io::Result<u32> {
    let mut hasher = crc32fast::Hasher::new();
    let mut window = vec![0u8; FINGERPRINT_WINDOW.min(size) as usize];
    file.read_exact_at(&mut window, 0)?;
    hasher.update(&window);
    if size > FINGERPRINT_WINDOW {
        file.read_exact_at(&mut window, size - FINGERPRINT_WINDOW)?;
        hasher.update(&window);
    }
    Ok(hasher.finalize())
}

/// Reads until `buf` is full or the file ends; how many bytes came.
pub(crate) fn read_up_to(file: &mut File, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        match file.read(&mut buf[n..])? {
            0 => break,
            k => n += k,
        }
    }
    Ok(n)
}

#[derive(Serialize, Deserialize)]
struct Header {
    key: Key,
    version: Option<String>,
    /// Length and CRC-32 of the index frame.
    index: (u64, u32),
    /// Length and CRC-32 of each fiche's body frame, in catalogue order.
    bodies: Vec<(u32, u32)>,
    /// Where each fiche's `<FICHE>` starts in the export's XML (inside the
    /// zip entry for a zip): a body that does not check out is read there again.
    export_offsets: Vec<u64>,
}

/// Records encoded one after another, and where each ends.
type Encoded = (Vec<u8>, Vec<usize>);

/// What the first frame needs: the load warnings, every fiche in brief.
#[derive(Serialize, Deserialize)]
struct Index {
    warnings: Vec<Warning>,
    summaries: Vec<FicheSummary>,
}

/// A cache that checked out: its index, and the bodies still in the file.
pub(crate) struct Cached {
    pub warnings: Vec<Warning>,
    pub summaries: Vec<FicheSummary>,
    pub version: Option<String>,
    pub bodies: Bodies,
}

/// The cached export for `key`, or `None` if there is none that checks out.
/// Only the header and the index frame are read and checked here; `export`
/// is the export itself, kept to read again any body that fails its check.
pub(crate) fn load(dir: &Path, key: &Key, export: Export) -> Option<Cached> {
    let path = dir.join(key.file_name());
    let file = File::open(&path).ok()?;
    let len = file.metadata().ok()?.len();
    if len < 12 + 16 {
        return None;
    }
    let mut fixed = [0u8; 12];
    file.read_exact_at(&mut fixed, 0).ok()?;
    if &fixed[..8] != MAGIC || u32::from_le_bytes(fixed[8..12].try_into().ok()?) != FORMAT_VERSION {
        return None;
    }
    let mut trailer = [0u8; 16];
    file.read_exact_at(&mut trailer, len - 16).ok()?;
    if &trailer[8..] != MAGIC {
        return None;
    }
    let header_len = u32::from_le_bytes(trailer[..4].try_into().ok()?);
    let header_crc = u32::from_le_bytes(trailer[4..8].try_into().ok()?);
    if header_len > MAX_HEADER || u64::from(header_len) + 12 + 16 > len {
        return None;
    }
    let header_at = len - 16 - u64::from(header_len);
    let mut header = vec![0u8; header_len as usize];
    file.read_exact_at(&mut header, header_at).ok()?;
    if crc32fast::hash(&header) != header_crc {
        return None;
    }
    let header: Header = postcard::from_bytes(&header).ok()?;
    if header.key != *key || header.bodies.len() != header.export_offsets.len() {
        return None;
    }
    let (index_len, index_crc) = header.index;
    let bodies_len: u64 = header.bodies.iter().map(|(l, _)| u64::from(*l)).sum();
    if 12u64.checked_add(index_len)?.checked_add(bodies_len)? != header_at {
        return None;
    }
    let mut index = vec![0u8; usize::try_from(index_len).ok()?];
    file.read_exact_at(&mut index, 12).ok()?;
    if crc32fast::hash(&index) != index_crc {
        return None;
    }
    let index: Index = postcard::from_bytes(&index).ok()?;
    if index.summaries.len() != header.bodies.len() {
        return None;
    }
    let mut offset = 12 + index_len;
    let frames = header
        .bodies
        .iter()
        .zip(&header.export_offsets)
        .map(|(&(len, crc), &export_offset)| {
            let frame = Frame {
                offset,
                len,
                crc,
                export_offset,
            };
            offset += u64::from(len);
            frame
        })
        .collect();
    Some(Cached {
        warnings: index.warnings,
        summaries: index.summaries,
        version: header.version,
        bodies: Bodies::new(file, path, frames, export),
    })
}

/// Writes the cache for `key` atomically: a temporary file in the same
/// folder, renamed over the old cache once complete. `offsets` are where
/// each fiche starts in the export.
/// Stops, removing the temporary file and never renaming, once `progress`
/// is cancelled.
pub(crate) fn store(
    dir: &Path,
    key: &Key,
    loaded: &Loaded,
    offsets: &[u64],
    progress: &Progress,
) -> std::io::Result<()> {
    use rayon::prelude::*;
    std::fs::create_dir_all(dir)?;
    let to_io = |e: postcard::Error| std::io::Error::other(e.to_string());
    let records: Vec<&Record> = loaded
        .fiches
        .iter()
        .filter_map(|f| f.registry.as_deref())
        .collect();
    if records.len() != loaded.fiches.len() || offsets.len() != records.len() {
        return Err(std::io::Error::other(
            "chaque fiche d'un export a son enregistrement",
        ));
    }
    let target = dir.join(key.file_name());
    let temp = dir.join(format!(".{}.{}.tmp", key.file_name(), std::process::id()));
    let result = (|| {
        let mut out = std::io::BufWriter::with_capacity(1 << 20, File::create(&temp)?);
        out.write_all(MAGIC)?;
        out.write_all(&FORMAT_VERSION.to_le_bytes())?;
        let index = Index {
            warnings: loaded.warnings.clone(),
            summaries: loaded.fiches.par_iter().map(FicheSummary::of).collect(),
        };
        let index = postcard::to_stdvec(&index).map_err(to_io)?;
        out.write_all(&index)?;
        let mut bodies = Vec::with_capacity(records.len());
        // A group at a time, encoded in parallel, written in order.
        for group in records.chunks(STORE_GROUP) {
            if progress.is_cancelled() {
                return Err(std::io::Error::other(super::CANCELLED));
            }
            // 64 records to a buffer: one growing buffer per task, not per record.
            let encoded: Result<Vec<Encoded>, postcard::Error> = group
                .par_chunks(64)
                .map(|records| {
                    let mut buf = Vec::with_capacity(1 << 20);
                    let mut ends = Vec::with_capacity(records.len());
                    for record in records {
                        buf = postcard::to_extend(record, buf)?;
                        ends.push(buf.len());
                    }
                    Ok((buf, ends))
                })
                .collect();
            for (buf, ends) in encoded.map_err(to_io)? {
                let mut start = 0;
                for end in ends {
                    let frame = &buf[start..end];
                    let len = u32::try_from(frame.len())
                        .map_err(|_| std::io::Error::other("fiche de plus de 4 Gio"))?;
                    bodies.push((len, crc32fast::hash(frame)));
                    start = end;
                }
                out.write_all(&buf)?;
            }
            progress.advance(group.len() as u64);
        }
        let header = Header {
            key: key.clone(),
            version: loaded.version.clone(),
            index: (index.len() as u64, crc32fast::hash(&index)),
            bodies,
            export_offsets: offsets.to_vec(),
        };
        let header = postcard::to_stdvec(&header).map_err(to_io)?;
        out.write_all(&header)?;
        out.write_all(&(header.len() as u32).to_le_bytes())?;
        out.write_all(&crc32fast::hash(&header).to_le_bytes())?;
        out.write_all(MAGIC)?;
        let file = out.into_inner().map_err(|e| e.into_error())?;
        file.sync_all()?;
        // The last moment a cancel can stop it: after the rename the cache is whole.
        if progress.is_cancelled() {
            return Err(std::io::Error::other(super::CANCELLED));
        }
        std::fs::rename(&temp, &target)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    result
}
