//! France Compétences' official export (the whole RNCP and Répertoire
//! spécifique as XML, or the zip it is published in): a streaming reader that
//! turns each `<FICHE>` into a [`Fiche`] carrying its full [`Record`].
//!
//! Entry points: [`detect`] tells a RON file from an export by content,
//! [`open`] opens an export file (with a cache so that reopening is fast:
//! from the cache, the fiches' bodies are decoded when first used),
//! [`read`] opens one with every fiche whole, [`read_bytes`] reads one from
//! memory. Rules: `docs/registry.md`.

mod bodies;
mod cache;
mod convert;
mod date;
mod parse;
mod recover;
mod sanitize;
mod stream;
mod text;
mod types;
mod zip;

use std::fmt;
use std::io::Cursor;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::progress::{Phase, Progress};
use super::summary::FicheSummary;
use super::{Fiche, LoadError, escape_for_terminal};

pub use bodies::{Bodies, UNREADABLE};
pub use cache::{
    CACHE_DIR_ENV, FORMAT_VERSION as CACHE_FORMAT_VERSION, cache_dir, fingerprint, modified_ns,
};
pub use convert::{job_titles, route_label, to_fiche};
pub use date::Date;
pub use text::{Item, Text, structure};
pub use types::*;

/// What a data file holds, judged by its first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Anything else: the native format (the RON loader gives its own errors).
    Ron,
    /// An XML document (`<?xml`, `<FICHES`, or any other markup).
    Xml,
    /// A zip archive (`PK\x03\x04`, or an empty one).
    Zip,
}

/// Tells the format from the first bytes of a file (a few hundred are enough).
pub fn detect(head: &[u8]) -> Format {
    if head.starts_with(b"PK\x03\x04") || head.starts_with(b"PK\x05\x06") {
        return Format::Zip;
    }
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let start = head.iter().position(|b| !b.is_ascii_whitespace());
    match start.map(|i| head[i]) {
        Some(b'<') => Format::Xml,
        _ => Format::Ron,
    }
}

/// How to read an export.
#[derive(Debug, Clone)]
pub struct Options {
    /// Use (and fill) the cache; tests turn it off or point it elsewhere.
    pub cache: bool,
    /// Where the cache lives; `None`: [`cache_dir`] (environment, then XDG).
    pub cache_dir: Option<PathBuf>,
    /// Most bytes of XML read, inflated or not (zip bombs, endless devices).
    pub max_xml_bytes: u64,
    /// About how many bytes of XML each parallel task parses (4 MiB; tests
    /// use small pieces to cross many boundaries).
    pub chunk_bytes: usize,
    /// Where to report how far the read is, and whose cancel flag stops it.
    pub progress: Option<Arc<Progress>>,
}

/// Inflated-size cap by default: four times the real export.
pub const DEFAULT_MAX_XML_BYTES: u64 = 2 << 30;

impl Default for Options {
    fn default() -> Self {
        Options {
            cache: true,
            cache_dir: None,
            max_xml_bytes: DEFAULT_MAX_XML_BYTES,
            chunk_bytes: stream::CHUNK,
            progress: None,
        }
    }
}

/// A finding about the export that did not stop the reading (a skipped fiche,
/// an unknown tag…). `Display` reads like `LoadError`: `FILE:LINE:COL: message`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Warning {
    pub source_name: String,
    /// 1-based line and column, when known.
    pub position: Option<(usize, usize)>,
    /// Byte offset in the XML (inside the zip entry for a zip), when known.
    pub offset: Option<u64>,
    pub message: String,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name = escape_for_terminal(&self.source_name);
        let message = escape_for_terminal(&self.message);
        match (self.position, self.offset) {
            (Some((line, col)), _) => write!(f, "{name}:{line}:{col}: {message}"),
            (None, Some(offset)) => write!(f, "{name}: octet {offset} : {message}"),
            (None, None) => write!(f, "{name}: {message}"),
        }
    }
}

/// An export read: its fiches in file order (duplicates dropped) and what was found on the way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Loaded {
    pub fiches: Vec<Fiche>,
    pub warnings: Vec<Warning>,
    /// `VERSION_FLUX` ("4.1").
    pub version: Option<String>,
    /// True when the fiches came from the cache rather than the export.
    pub from_cache: bool,
}

/// An export opened: its fiches, whole or still in the cache, and what was
/// found on the way.
#[derive(Debug)]
pub struct Opened {
    pub fiches: Fiches,
    pub warnings: Vec<Warning>,
    /// `VERSION_FLUX` ("4.1").
    pub version: Option<String>,
    /// True when the fiches came from the cache rather than the export.
    pub from_cache: bool,
}

/// The fiches of an opened export, in file order (duplicates dropped).
#[derive(Debug)]
pub enum Fiches {
    /// Read from the export: every fiche whole.
    Whole(Vec<Fiche>),
    /// From the cache: every fiche in brief now, its body decoded on first
    /// use (`bodies.get(i, &summaries[i])`) or by the background decoder.
    Deferred {
        summaries: Vec<FicheSummary>,
        bodies: Arc<Bodies>,
    },
}

impl Opened {
    /// Every fiche whole (the bodies decoded now, on every core).
    pub fn into_loaded(self) -> Loaded {
        let fiches = match self.fiches {
            Fiches::Whole(fiches) => fiches,
            Fiches::Deferred { summaries, bodies } => bodies.into_fiches(&summaries),
        };
        Loaded {
            fiches,
            warnings: self.warnings,
            version: self.version,
            from_cache: self.from_cache,
        }
    }
}

/// The flux version this reader was written for.
pub const KNOWN_VERSION: &str = "4.1";

/// Opens an export file with every fiche whole: [`open`], then each body
/// decoded.
pub fn read(path: &Path, options: &Options) -> Result<Loaded, LoadError> {
    open(path, options).map(Opened::into_loaded)
}

/// Opens an export file (`.xml` or `.zip`, told by content), through the cache
/// when `options.cache`: then only the cache's index is read here and the
/// fiches' bodies stay in it until used. Devices, pipes and folders are
/// refused, never read.
pub fn open(path: &Path, options: &Options) -> Result<Opened, LoadError> {
    let name = path.display().to_string();
    let plain = |message: String| stream::located_error(&name, None, message);
    let metadata = std::fs::metadata(path).map_err(|e| plain(io_message(&e)))?;
    if metadata.is_dir() {
        return Err(plain("est un dossier, pas un fichier".into()));
    }
    if !metadata.is_file() {
        return Err(plain(
            "n'est pas un fichier ordinaire (périphérique, tube…) : refusé".into(),
        ));
    }
    let mut file = std::fs::File::open(path).map_err(|e| plain(io_message(&e)))?;
    let mut head = [0u8; 64];
    let n = cache::read_up_to(&mut file, &mut head).map_err(|e| plain(io_message(&e)))?;
    let format = detect(&head[..n]);
    let key = if options.cache {
        cache::Key::of(path, &metadata).ok()
    } else {
        None
    };
    let dir = options.cache_dir.clone().or_else(cache_dir);
    let progress = options.progress.clone().unwrap_or_default();
    let check = |result: Result<stream::Streamed, LoadError>| {
        if progress.is_cancelled() {
            // Whatever the reader said (its source refused to go on), the
            // cause is the cancel.
            return Err(cancelled(&name));
        }
        result
    };
    if let (Some(key), Some(dir), Format::Xml | Format::Zip) = (&key, &dir, format) {
        progress.start(Phase::ReadingCache, 0);
        // The export stays open for the bodies that may have to be read again.
        let export = recover::Export::new(file, format, key.clone(), options.max_xml_bytes);
        if let Some(cached) = cache::load(dir, key, export) {
            return Ok(Opened {
                fiches: Fiches::Deferred {
                    summaries: cached.summaries,
                    bodies: Arc::new(cached.bodies),
                },
                warnings: cached.warnings,
                version: cached.version,
                from_cache: true,
            });
        }
    }
    let file = std::fs::File::open(path).map_err(|e| plain(io_message(&e)))?;
    // Counted before any buffering: for a zip these are compressed bytes,
    // which is what the file's size is a total of.
    let file = Counting {
        inner: file,
        progress: &progress,
    };
    let (mut loaded, offsets) = match format {
        Format::Zip => {
            progress.start(Phase::Inflating, metadata.len());
            let streamed = check(zip::read_zip(
                std::io::BufReader::with_capacity(1 << 20, file),
                &name,
                options.max_xml_bytes,
                options.chunk_bytes,
            ))?;
            progress.set_phase(Phase::Structuring);
            finish(streamed, &name)
        }
        Format::Xml => {
            progress.start(Phase::Reading, metadata.len());
            let streamed = check(stream::read_xml(
                file,
                &name,
                options.max_xml_bytes,
                options.chunk_bytes,
            ))?;
            progress.set_phase(Phase::Structuring);
            finish(streamed, &name)
        }
        Format::Ron => return Err(not_an_export(&name)),
    };
    if progress.is_cancelled() {
        return Err(cancelled(&name));
    }
    if let (Some(key), Some(dir)) = (&key, &dir) {
        progress.start(Phase::WritingCache, loaded.fiches.len() as u64);
        let stored = cache::store(dir, key, &loaded, &offsets, &progress);
        if progress.is_cancelled() {
            // `store` never renames once cancelled: no partial cache is left.
            return Err(cancelled(&name));
        }
        if let Err(e) = stored {
            loaded.warnings.push(Warning {
                source_name: dir.display().to_string(),
                position: None,
                offset: None,
                message: format!("cache non écrit : {e}"),
            });
        }
    }
    Ok(Opened {
        fiches: Fiches::Whole(loaded.fiches),
        warnings: loaded.warnings,
        version: loaded.version,
        from_cache: false,
    })
}

/// The message of the error a cancelled load returns; tell it with
/// [`LoadError::is_cancelled`].
pub const CANCELLED: &str = "chargement annulé";

/// The error of a cancelled load of `name`.
pub fn cancelled(name: &str) -> LoadError {
    stream::located_error(name, None, CANCELLED.into())
}

/// A reader that reports the bytes it hands out and, once the load is
/// cancelled, refuses to hand out more: the reader stops at its next chunk.
struct Counting<'a, R> {
    inner: R,
    progress: &'a Progress,
}

impl<R: std::io::Read> std::io::Read for Counting<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.progress.is_cancelled() {
            return Err(std::io::Error::other(CANCELLED));
        }
        let n = self.inner.read(buf)?;
        self.progress.advance(n as u64);
        Ok(n)
    }
}

impl<R: std::io::Seek> std::io::Seek for Counting<'_, R> {
    fn seek(&mut self, pos: std::io::SeekFrom) -> std::io::Result<u64> {
        self.inner.seek(pos)
    }
}

/// Reads an export held in memory (tests, fuzzing); never uses the cache.
pub fn read_bytes(bytes: &[u8], name: &str, options: &Options) -> Result<Loaded, LoadError> {
    match detect(bytes) {
        Format::Zip => Ok(finish(
            zip::read_zip(
                Cursor::new(bytes),
                name,
                options.max_xml_bytes,
                options.chunk_bytes,
            )?,
            name,
        )
        .0),
        Format::Xml => Ok(finish(
            stream::read_xml(bytes, name, options.max_xml_bytes, options.chunk_bytes)?,
            name,
        )
        .0),
        Format::Ron => Err(not_an_export(name)),
    }
}

fn not_an_export(name: &str) -> LoadError {
    stream::located_error(
        name,
        Some((1, 1)),
        "ce n'est ni un export XML ni un zip France Compétences".into(),
    )
}

fn io_message(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "fichier introuvable".into(),
        std::io::ErrorKind::PermissionDenied => "lecture refusée (permissions)".into(),
        _ => format!("lecture impossible : {e}"),
    }
}

/// Whole-export checks: flux version, duplicate numbers. Also where each
/// fiche kept starts in the XML (for the cache).
fn finish(streamed: stream::Streamed, name: &str) -> (Loaded, Vec<u64>) {
    let mut warnings = Vec::new();
    let general = |message: String| Warning {
        source_name: name.to_string(),
        position: None,
        offset: None,
        message,
    };
    match streamed.version.as_deref() {
        Some(KNOWN_VERSION) => {}
        Some(other) => warnings.push(general(format!(
            "VERSION_FLUX « {other} » inconnue (lu comme {KNOWN_VERSION}) : lecture tentée"
        ))),
        None => warnings.push(general(format!(
            "VERSION_FLUX absent (lu comme {KNOWN_VERSION})"
        ))),
    }
    warnings.extend(streamed.warnings);
    let mut seen = std::collections::HashSet::new();
    let mut fiches = Vec::with_capacity(streamed.fiches.len());
    let mut offsets = Vec::with_capacity(streamed.fiches.len());
    for placed in streamed.fiches {
        let numero = placed.fiche.registry.as_ref().map(|r| r.numero.clone());
        if let Some(numero) = numero
            && !seen.insert(numero.clone())
        {
            warnings.push(Warning {
                source_name: name.to_string(),
                position: Some(placed.position),
                offset: Some(placed.offset),
                message: format!(
                    "{numero} en double dans l'export : seule la première fiche est gardée"
                ),
            });
            continue;
        }
        offsets.push(placed.offset);
        fiches.push(placed.fiche);
    }
    let loaded = Loaded {
        fiches,
        warnings,
        version: streamed.version,
        from_cache: false,
    };
    (loaded, offsets)
}

/// The structural rules every loaded fiche meets (`model::validate`).
pub(crate) fn validate_fiche(fiche: &Fiche) -> Result<(), String> {
    super::validate::validate(fiche, "", &[]).map_err(|invalid| invalid.message)
}

#[cfg(test)]
mod cancel_tests {
    use std::io::Read;

    use super::*;

    /// Serves `data` and cancels `progress` once `after` bytes are out, as a
    /// user pressing `q` in the middle of the read.
    struct CancelAfter<'a> {
        data: &'a [u8],
        served: usize,
        after: usize,
        progress: &'a Progress,
    }

    impl Read for CancelAfter<'_> {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            let n = buf.len().min(self.data.len() - self.served).min(4096);
            buf[..n].copy_from_slice(&self.data[self.served..self.served + n]);
            self.served += n;
            if self.served >= self.after {
                self.progress.cancel();
            }
            Ok(n)
        }
    }

    fn big_export() -> Vec<u8> {
        let sample = include_str!("../../../tests/fixtures/registry/export-rncp-sample.xml");
        let start = sample.find("<FICHE>").unwrap();
        let end = sample.rfind("</FICHE>").unwrap() + "</FICHE>".len();
        let mut out = sample[..start].to_string();
        for _ in 0..50 {
            out.push_str(&sample[start..end]);
        }
        out.push_str(&sample[end..]);
        out.into_bytes()
    }

    #[test]
    fn a_cancel_mid_read_stops_before_the_end() {
        let data = big_export();
        let progress = Progress::default();
        let source = Counting {
            inner: CancelAfter {
                data: &data,
                served: 0,
                after: data.len() / 4,
                progress: &progress,
            },
            progress: &progress,
        };
        let result = stream::read_xml(source, "t.xml", u64::MAX, 8192);
        assert!(result.is_err(), "the read gave up");
        let done = progress.snapshot().done;
        assert!(
            done < data.len() as u64,
            "stopped early: {done} of {}",
            data.len()
        );
    }

    #[test]
    fn a_cancel_while_writing_the_cache_never_renames() {
        let dir = std::env::temp_dir().join(format!("rncp-cancel-store-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let export = dir.join("e.xml");
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(&export, big_export()).unwrap();
        let loaded = read(
            &export,
            &Options {
                cache: false,
                ..Options::default()
            },
        )
        .unwrap();
        let key = cache::Key::of(&export, &std::fs::metadata(&export).unwrap()).unwrap();
        let progress = Progress::default();
        progress.cancel();
        let cache_dir = dir.join("cache");
        let offsets = vec![0; loaded.fiches.len()];
        assert!(cache::store(&cache_dir, &key, &loaded, &offsets, &progress).is_err());
        let left: Vec<_> = std::fs::read_dir(&cache_dir).unwrap().collect();
        assert!(left.is_empty(), "no cache, no temporary file: {left:?}");
        let stored = cache::store(&cache_dir, &key, &loaded, &offsets, &Progress::default());
        assert!(stored.is_ok());
        let export_file = std::fs::File::open(&export).unwrap();
        let export = recover::Export::new(export_file, Format::Xml, key.clone(), u64::MAX);
        assert!(cache::load(&cache_dir, &key, export).is_some());
        let _ = std::fs::remove_dir_all(&dir);
    }
}
