//! France Compétences' official export (the whole RNCP and Répertoire
//! spécifique as XML, or the zip it is published in): a streaming reader that
//! turns each `<FICHE>` into a [`Fiche`] carrying its full [`Record`].
//!
//! Entry points: [`detect`] tells a RON file from an export by content,
//! [`read`] opens an export file (with a cache so that reopening is fast),
//! [`read_bytes`] reads one from memory. Rules: `docs/registry.md`.

mod cache;
mod convert;
mod date;
mod parse;
mod sanitize;
mod stream;
mod text;
mod types;
mod zip;

use std::fmt;
use std::io::Cursor;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::{Fiche, LoadError, escape_for_terminal};

pub use cache::{CACHE_DIR_ENV, cache_dir};
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

/// The flux version this reader was written for.
pub const KNOWN_VERSION: &str = "4.1";

/// Opens an export file (`.xml` or `.zip`, told by content), through the cache
/// when `options.cache`. Devices, pipes and folders are refused, never read.
pub fn read(path: &Path, options: &Options) -> Result<Loaded, LoadError> {
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
    if let (Some(key), Some(dir)) = (&key, &dir)
        && let Some(loaded) = cache::load(dir, key)
    {
        return Ok(loaded);
    }
    let file = std::fs::File::open(path).map_err(|e| plain(io_message(&e)))?;
    let mut loaded = match format {
        Format::Zip => finish(
            zip::read_zip(
                std::io::BufReader::with_capacity(1 << 20, file),
                &name,
                options.max_xml_bytes,
                options.chunk_bytes,
            )?,
            &name,
        ),
        Format::Xml => finish(
            stream::read_xml(file, &name, options.max_xml_bytes, options.chunk_bytes)?,
            &name,
        ),
        Format::Ron => return Err(not_an_export(&name)),
    };
    if let (Some(key), Some(dir)) = (&key, &dir)
        && let Err(e) = cache::store(dir, key, &loaded)
    {
        loaded.warnings.push(Warning {
            source_name: dir.display().to_string(),
            position: None,
            offset: None,
            message: format!("cache non écrit : {e}"),
        });
    }
    Ok(loaded)
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
        )),
        Format::Xml => Ok(finish(
            stream::read_xml(bytes, name, options.max_xml_bytes, options.chunk_bytes)?,
            name,
        )),
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

/// Whole-export checks: flux version, duplicate numbers.
fn finish(streamed: stream::Streamed, name: &str) -> Loaded {
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
        fiches.push(placed.fiche);
    }
    Loaded {
        fiches,
        warnings,
        version: streamed.version,
        from_cache: false,
    }
}

/// The structural rules every loaded fiche meets (`model::validate`).
pub(crate) fn validate_fiche(fiche: &Fiche) -> Result<(), String> {
    super::validate::validate(fiche, "", &[]).map_err(|invalid| invalid.message)
}
