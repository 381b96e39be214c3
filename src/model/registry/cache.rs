//! The reopen cache: the records of an export, already parsed and structured,
//! in a binary file keyed by the export's identity. A cache that does not match
//! (other file, changed file, other reader version) or does not check out
//! (truncated, corrupt) is ignored and rewritten, never trusted.
//!
//! Layout: `MAGIC`, format version (u32 LE), the frames, the header (postcard:
//! key, and each frame's length and CRC-32), then a 16-byte trailer: header
//! length (u32 LE), header CRC-32 (u32 LE), `MAGIC`. Frame 0 holds the
//! warnings, the others up to `FRAME_RECORDS` records each, so that they
//! decode in parallel; the header comes last so that frames are written as
//! they are made, never all held in memory.

use std::fs::{File, Metadata};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::sync::{Condvar, Mutex};

use serde::{Deserialize, Serialize};

use super::convert::to_fiche;
use super::stream::{release_slot, take_slot};
use super::types::Record;
use super::{Loaded, Warning};
use crate::model::Fiche;
use crate::model::progress::Progress;

/// Overrides the cache folder (tests, or a user who wants it elsewhere).
pub const CACHE_DIR_ENV: &str = "RNCP_EXPLORER_CACHE_DIR";

const MAGIC: &[u8; 8] = b"RNCPXREG";
/// Bump whenever `Record`, `Warning` or the reading rules change.
const FORMAT_VERSION: u32 = 2;
const FRAME_RECORDS: usize = 512;
const FINGERPRINT_WINDOW: u64 = 64 << 10;
/// A header larger than this is corrupt.
const MAX_HEADER: u32 = 16 << 20;

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
        let modified_ns = metadata
            .modified()?
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0);
        let size = metadata.len();
        let mut file = File::open(path)?;
        let mut hasher = crc32fast::Hasher::new();
        let mut window = vec![0u8; FINGERPRINT_WINDOW as usize];
        let n = read_up_to(&mut file, &mut window)?;
        hasher.update(&window[..n]);
        if size > FINGERPRINT_WINDOW {
            file.seek(SeekFrom::Start(size - FINGERPRINT_WINDOW))?;
            let n = read_up_to(&mut file, &mut window)?;
            hasher.update(&window[..n]);
        }
        Ok(Key {
            path: canonical.to_string_lossy().into_owned(),
            size,
            modified_ns,
            fingerprint: hasher.finalize(),
        })
    }

    /// One cache file per export path: a changed export replaces its old cache.
    fn file_name(&self) -> String {
        format!("registry-{:08x}.bin", crc32fast::hash(self.path.as_bytes()))
    }
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
    /// Length and CRC-32 of each frame, in order.
    frames: Vec<(u64, u32)>,
}

/// The cached export for `key`, or `None` if there is none that checks out.
pub(crate) fn load(dir: &Path, key: &Key) -> Option<Loaded> {
    let path = dir.join(key.file_name());
    let mut file = File::open(&path).ok()?;
    let len = file.metadata().ok()?.len();
    if len < 12 + 16 {
        return None;
    }
    let mut fixed = [0u8; 12];
    file.read_exact(&mut fixed).ok()?;
    if &fixed[..8] != MAGIC || u32::from_le_bytes(fixed[8..12].try_into().ok()?) != FORMAT_VERSION {
        return None;
    }
    let mut trailer = [0u8; 16];
    file.seek(SeekFrom::Start(len - 16)).ok()?;
    file.read_exact(&mut trailer).ok()?;
    if &trailer[8..] != MAGIC {
        return None;
    }
    let header_len = u32::from_le_bytes(trailer[..4].try_into().ok()?);
    let header_crc = u32::from_le_bytes(trailer[4..8].try_into().ok()?);
    if header_len > MAX_HEADER || u64::from(header_len) + 12 + 16 > len {
        return None;
    }
    let header_at = len - 16 - u64::from(header_len);
    file.seek(SeekFrom::Start(header_at)).ok()?;
    let mut header = vec![0u8; header_len as usize];
    file.read_exact(&mut header).ok()?;
    if crc32fast::hash(&header) != header_crc {
        return None;
    }
    let header: Header = postcard::from_bytes(&header).ok()?;
    if header.key != *key {
        return None;
    }
    let body: u64 = header.frames.iter().map(|(l, _)| *l).sum();
    if 12 + body != header_at || header.frames.is_empty() {
        return None;
    }
    file.seek(SeekFrom::Start(12)).ok()?;
    let mut reader = std::io::BufReader::with_capacity(1 << 20, file);
    // Frames are read here in order and decoded by the pool, as the XML is.
    let decoded: Mutex<Vec<(usize, Option<Vec<Fiche>>)>> = Mutex::new(Vec::new());
    let mut warnings: Option<Vec<Warning>> = None;
    let mut failed = false;
    // At most a few frames read ahead of the decoders (bounds memory).
    let slots = (Mutex::new(0usize), Condvar::new());
    rayon::in_place_scope(|scope| {
        for (i, &(frame_len, frame_crc)) in header.frames.iter().enumerate() {
            take_slot(&slots, 8);
            let release = || release_slot(&slots);
            let mut bytes = vec![0u8; frame_len as usize];
            if reader.read_exact(&mut bytes).is_err() || crc32fast::hash(&bytes) != frame_crc {
                release();
                failed = true;
                return;
            }
            if i == 0 {
                release();
                match postcard::from_bytes(&bytes) {
                    Ok(w) => warnings = Some(w),
                    Err(_) => {
                        failed = true;
                        return;
                    }
                }
                continue;
            }
            let (decoded, slots) = (&decoded, &slots);
            scope.spawn(move |_| {
                let fiches = postcard::from_bytes::<Vec<Record>>(&bytes)
                    .ok()
                    .map(|records| records.into_iter().map(to_fiche).collect());
                decoded
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .push((i, fiches));
                release_slot(slots);
            });
        }
    });
    if failed {
        return None;
    }
    let mut frames = decoded.into_inner().unwrap_or_else(|e| e.into_inner());
    frames.sort_by_key(|(i, _)| *i);
    let mut fiches = Vec::new();
    for (_, frame) in frames {
        fiches.extend(frame?);
    }
    Some(Loaded {
        fiches,
        warnings: warnings?,
        version: header.version,
        from_cache: true,
    })
}

/// Writes the cache for `key` atomically: a temporary file in the same
/// folder, renamed over the old cache once complete.
/// Stops, removing the temporary file and never renaming, once `progress`
/// is cancelled.
pub(crate) fn store(
    dir: &Path,
    key: &Key,
    loaded: &Loaded,
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
    let target = dir.join(key.file_name());
    let temp = dir.join(format!(".{}.{}.tmp", key.file_name(), std::process::id()));
    let result = (|| {
        let mut out = std::io::BufWriter::with_capacity(1 << 20, File::create(&temp)?);
        out.write_all(MAGIC)?;
        out.write_all(&FORMAT_VERSION.to_le_bytes())?;
        let mut frames = Vec::new();
        let warnings = postcard::to_stdvec(&loaded.warnings).map_err(to_io)?;
        frames.push((warnings.len() as u64, crc32fast::hash(&warnings)));
        out.write_all(&warnings)?;
        // A few frames at a time, encoded in parallel, written in order.
        for group in records.chunks(FRAME_RECORDS * 8) {
            if progress.is_cancelled() {
                return Err(std::io::Error::other(super::CANCELLED));
            }
            let encoded: Result<Vec<Vec<u8>>, postcard::Error> = group
                .par_chunks(FRAME_RECORDS)
                .map(postcard::to_stdvec)
                .collect();
            for frame in encoded.map_err(to_io)? {
                frames.push((frame.len() as u64, crc32fast::hash(&frame)));
                out.write_all(&frame)?;
            }
            progress.advance(group.len() as u64);
        }
        let header = Header {
            key: key.clone(),
            version: loaded.version.clone(),
            frames,
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
