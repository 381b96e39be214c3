//! Streams an export's XML: this thread reads (and, for a zip, inflates) and
//! cuts the bytes after `</FICHE>` boundaries into chunks; rayon's pool parses
//! the chunks in parallel; results are put back in file order.

use std::io::Read;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Condvar, Mutex};

use memchr::memmem;

use crate::model::{Fiche, LoadError};

use super::Warning;
use super::convert::to_fiche;
use super::parse::{Located, parse_slice};
use super::validate_fiche;

/// Target size of one chunk handed to a worker.
pub(crate) const CHUNK: usize = 4 << 20;
/// Chunks read ahead of the workers at most (bounds memory).
const IN_FLIGHT: usize = 6;
/// How far into the file the root element must start.
const PROLOG_LIMIT: usize = 1 << 20;

/// A fiche and where its `<FICHE>` starts.
pub(crate) struct Placed {
    pub offset: u64,
    pub position: (usize, usize),
    pub fiche: Fiche,
}

pub(crate) struct Streamed {
    pub fiches: Vec<Placed>,
    pub warnings: Vec<Warning>,
    pub version: Option<String>,
}

/// A position inside a chunk: byte offset, newlines before it, and the
/// characters since the last newline (or since the chunk's start).
#[derive(Clone, Copy)]
struct Rel {
    offset: usize,
    lines: usize,
    col: usize,
}

struct RelMessage {
    at: Rel,
    message: String,
}

struct ChunkResult {
    fiches: Vec<(Rel, Fiche)>,
    warnings: Vec<RelMessage>,
    fatal: Option<RelMessage>,
    root_closed: bool,
    unfinished: Option<Rel>,
    /// Newlines in the chunk and characters after the last one.
    lines: usize,
    tail_cols: usize,
}

/// Where chunk `i` starts: byte offset, 1-based line and column.
#[derive(Clone, Copy)]
struct Base {
    offset: u64,
    line: usize,
    col: usize,
}

impl Base {
    fn locate(&self, rel: Rel) -> (u64, (usize, usize)) {
        let line = self.line + rel.lines;
        let col = if rel.lines == 0 {
            self.col + rel.col
        } else {
            rel.col + 1
        };
        (self.offset + rel.offset as u64, (line, col))
    }
}

pub(crate) fn located_error(
    name: &str,
    position: Option<(usize, usize)>,
    message: String,
) -> LoadError {
    LoadError {
        source_name: name.to_string(),
        position,
        message,
    }
}

/// Reads the whole export from `source`. `limit` caps the bytes read (zip
/// bombs, endless devices): past it the read fails.
pub(crate) fn read_xml(
    mut source: impl Read,
    name: &str,
    limit: u64,
    chunk: usize,
) -> Result<Streamed, LoadError> {
    let chunk_size = chunk.max(1);
    let plain = |message: String| located_error(name, None, message);
    let mut total: u64 = 0;
    let mut buf: Vec<u8> = Vec::new();
    let mut eof = false;
    let mut fill = |buf: &mut Vec<u8>,
                    want: usize,
                    eof: &mut bool,
                    total: &mut u64|
     -> Result<(), LoadError> {
        while !*eof && buf.len() < want {
            let missing = want - buf.len();
            buf.reserve(missing);
            // `read_to_end` fills spare capacity without zeroing it first.
            let n = (&mut source)
                .take(missing as u64)
                .read_to_end(buf)
                .map_err(|e| plain(format!("lecture impossible : {e}")))?;
            *total += n as u64;
            if *total > limit {
                return Err(plain(format!(
                    "contenu trop gros : plus de {limit} octets (limite de lecture ; une archive piégée ?)"
                )));
            }
            if n < missing {
                *eof = true;
            }
        }
        Ok(())
    };

    fill(&mut buf, chunk_size.max(PROLOG_LIMIT), &mut eof, &mut total)?;
    // A UTF-8 BOM is allowed before the declaration; offsets stay file offsets.
    let bom = if buf.starts_with(b"\xEF\xBB\xBF") {
        3
    } else {
        0
    };
    let version = check_prolog(&buf[bom..], name, bom)?;

    let results: Mutex<Vec<(usize, Base, ChunkResult)>> = Mutex::new(Vec::new());
    let slots = (Mutex::new(0usize), Condvar::new());
    let abort = AtomicBool::new(false);
    let finder = memmem::Finder::new(b"</FICHE>");
    let mut offset: u64 = bom as u64;
    let mut carry = buf.split_off(bom);
    drop(buf);
    let mut index = 0usize;
    let mut read_error = None;
    // In place: this thread reads while the pool parses.
    rayon::in_place_scope(|scope| {
        loop {
            if abort.load(Ordering::Relaxed) {
                break;
            }
            if let Err(e) = fill(&mut carry, chunk_size, &mut eof, &mut total) {
                read_error = Some(e);
                break;
            }
            // Cut after the last `</FICHE>` of the buffer; without one, read more.
            let cut = match rfind(&finder, &carry) {
                Some(end) if !eof || end == carry.len() => end,
                Some(end) => end,
                None if !eof => {
                    let want = carry.len() + chunk_size;
                    if let Err(e) = fill(&mut carry, want, &mut eof, &mut total) {
                        read_error = Some(e);
                        break;
                    }
                    continue;
                }
                None => carry.len(),
            };
            let last = eof && cut == carry.len();
            let rest = carry.split_off(cut);
            let chunk = std::mem::replace(&mut carry, rest);
            take_slot(&slots, IN_FLIGHT);
            let i = index;
            index += 1;
            let chunk_offset = offset;
            offset += chunk.len() as u64;
            let (results, slots, abort) = (&results, &slots, &abort);
            scope.spawn(move |_| {
                let result = parse_chunk(&chunk);
                if result.fatal.is_some() {
                    abort.store(true, Ordering::Relaxed);
                }
                let base = Base {
                    offset: chunk_offset,
                    line: 0,
                    col: 0,
                };
                results
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .push((i, base, result));
                release_slot(slots);
            });
            if last || (eof && carry.is_empty()) {
                break;
            }
        }
    });
    if let Some(e) = read_error {
        return Err(e);
    }
    let mut chunks = results.into_inner().unwrap_or_else(|e| e.into_inner());
    chunks.sort_by_key(|(i, _, _)| *i);

    // Lines and columns: each chunk starts where the previous one ended.
    let (mut line, mut col) = (1usize, 1usize);
    for (_, base, result) in &mut chunks {
        base.line = line;
        base.col = col;
        if result.lines > 0 {
            line += result.lines;
            col = result.tail_cols + 1;
        } else {
            col += result.tail_cols;
        }
    }

    let mut fiches = Vec::new();
    let mut warnings = Vec::new();
    let mut root_closed = false;
    let warn = |base: &Base, m: RelMessage| {
        let (offset, position) = base.locate(m.at);
        Warning {
            source_name: name.to_string(),
            position: Some(position),
            offset: Some(offset),
            message: m.message,
        }
    };
    for (_, base, result) in chunks {
        if let Some(fatal) = result.fatal {
            let (_, position) = base.locate(fatal.at);
            return Err(located_error(name, Some(position), fatal.message));
        }
        if let Some(at) = result.unfinished {
            let (_, position) = base.locate(at);
            return Err(located_error(
                name,
                Some(position),
                "fichier tronqué : cette fiche n'est pas terminée (</FICHE> manquant)".into(),
            ));
        }
        root_closed |= result.root_closed;
        for m in result.warnings {
            warnings.push(warn(&base, m));
        }
        for (at, fiche) in result.fiches {
            let (offset, position) = base.locate(at);
            fiches.push(Placed {
                offset,
                position,
                fiche,
            });
        }
    }
    if !root_closed {
        return Err(located_error(
            name,
            None,
            format!("fichier tronqué : </FICHES> manquant (fin à l'octet {total})"),
        ));
    }
    Ok(Streamed {
        fiches,
        warnings,
        version,
    })
}

/// Counts the chunks (or frames) handed to the pool and not yet done.
pub(crate) type Slots = (Mutex<usize>, Condvar);

/// Waits until fewer than `max` are in flight, then takes a slot. On one of
/// rayon's own threads (a caller reading several exports in parallel) it
/// runs pending pool work meanwhile instead of blocking, so the pool can
/// never be stuck with every thread waiting.
pub(crate) fn take_slot(slots: &Slots, max: usize) {
    let (lock, cvar) = slots;
    let mut busy = lock.lock().unwrap_or_else(|e| e.into_inner());
    while *busy >= max {
        if rayon::current_thread_index().is_some() {
            drop(busy);
            if rayon::yield_now() != Some(rayon::Yield::Executed) {
                std::thread::yield_now();
            }
            busy = lock.lock().unwrap_or_else(|e| e.into_inner());
        } else {
            busy = cvar
                .wait_timeout(busy, std::time::Duration::from_millis(50))
                .unwrap_or_else(|e| e.into_inner())
                .0;
        }
    }
    *busy += 1;
}

pub(crate) fn release_slot(slots: &Slots) {
    let (lock, cvar) = slots;
    *lock.lock().unwrap_or_else(|e| e.into_inner()) -= 1;
    cvar.notify_one();
}

/// End (just past `>`) of the last `</FICHE>` in `buf`.
fn rfind(finder: &memmem::Finder<'_>, buf: &[u8]) -> Option<usize> {
    let r = memmem::rfind(buf, finder.needle())?;
    Some(r + finder.needle().len())
}

/// Checks that the document is XML with `<FICHES>` as root, and reads
/// `VERSION_FLUX` if it comes before the first fiche.
fn check_prolog(head: &[u8], name: &str, bom: usize) -> Result<Option<String>, LoadError> {
    use quick_xml::Reader;
    use quick_xml::events::Event;
    let head = &head[..head.len().min(PROLOG_LIMIT)];
    let text = match std::str::from_utf8(head) {
        Ok(t) => t,
        Err(e) if e.error_len().is_none() => {
            // Cut inside a character at the end of the window: fine.
            std::str::from_utf8(&head[..e.valid_up_to()]).unwrap_or_default()
        }
        Err(e) => {
            let valid = std::str::from_utf8(&head[..e.valid_up_to()]).unwrap_or_default();
            return Err(located_error(
                name,
                Some(crate::model::position::end_position(valid)),
                "texte invalide : ce n'est pas de l'UTF-8".into(),
            ));
        }
    };
    if !text.trim_start().starts_with('<') {
        return Err(located_error(
            name,
            Some((1, 1 + bom.min(1))),
            "ce n'est pas un export XML (ni un zip) : « < » attendu au début".into(),
        ));
    }
    let mut reader = Reader::from_str(text);
    reader.config_mut().expand_empty_elements = true;
    let mut root_seen = false;
    let mut in_version = false;
    let mut version = None;
    loop {
        let at = reader.buffer_position() as usize;
        let position = || {
            Some(crate::model::position::end_position(
                &text[..at.min(text.len())],
            ))
        };
        match reader.read_event() {
            Ok(Event::Start(e)) => {
                let tag = e.name().as_ref().to_string();
                if !root_seen {
                    if tag != "FICHES" {
                        return Err(located_error(
                            name,
                            position(),
                            format!(
                                "racine <{tag}> inattendue : un export France Compétences commence par <FICHES>"
                            ),
                        ));
                    }
                    root_seen = true;
                } else if tag == "VERSION_FLUX" {
                    in_version = true;
                } else if tag == "FICHE" {
                    return Ok(version);
                }
            }
            Ok(Event::Text(t)) if in_version => {
                version = Some(t.xml10_content().trim().to_string());
                in_version = false;
            }
            Ok(Event::End(_)) => in_version = false,
            Ok(Event::Eof) => {
                return if root_seen {
                    Ok(version)
                } else {
                    Err(located_error(
                        name,
                        position(),
                        "aucun élément : <FICHES> attendu".into(),
                    ))
                };
            }
            Ok(_) => {}
            Err(e) => {
                let at = reader.error_position() as usize;
                // The window may end inside a tag: only a fault well before is one.
                if !root_seen || at + 4096 < text.len() {
                    return Err(located_error(
                        name,
                        Some(crate::model::position::end_position(
                            &text[..at.min(text.len())],
                        )),
                        format!("XML invalide : {e}"),
                    ));
                }
                return Ok(version);
            }
        }
    }
}

/// Parses one chunk: fiches (UTF-8 checked on the way), conversion to `Fiche`.
fn parse_chunk(chunk: &[u8]) -> ChunkResult {
    let mut cursor = Cursor::new(chunk);
    let slice = parse_slice(chunk);
    // Every message, in file order, so that one pass finds their lines.
    let mut messages: Vec<(Located, u8)> = Vec::new();
    let mut fiches = Vec::new();
    for outcome in slice.fiches {
        for w in outcome.warnings {
            messages.push((w, 0));
        }
        match outcome.record {
            Ok(record) => {
                let fiche = to_fiche(record);
                match validate_fiche(&fiche) {
                    Ok(()) => fiches.push((outcome.offset, fiche)),
                    Err(message) => messages.push((
                        Located {
                            offset: outcome.offset,
                            message: format!("fiche ignorée : {message}"),
                        },
                        0,
                    )),
                }
            }
            Err(e) => messages.push((
                Located {
                    offset: e.offset,
                    message: format!("fiche ignorée : {}", e.message),
                },
                0,
            )),
        }
    }
    for w in slice.warnings {
        messages.push((w, 0));
    }
    if let Some(e) = slice.error {
        messages.push((e, 1));
    }
    if let Some(at) = slice.unfinished {
        messages.push((
            Located {
                offset: at,
                message: String::new(),
            },
            2,
        ));
    }
    messages.sort_by_key(|(m, _)| m.offset);
    let mut warnings = Vec::new();
    let mut fatal = None;
    let mut unfinished = None;
    for (m, kind) in messages {
        let at = cursor.at(m.offset);
        match kind {
            0 => warnings.push(RelMessage {
                at,
                message: m.message,
            }),
            1 => {
                fatal.get_or_insert(RelMessage {
                    at,
                    message: m.message,
                });
            }
            _ => unfinished = Some(at),
        }
    }
    let mut fiche_cursor = Cursor::new(chunk);
    let fiches = fiches
        .into_iter()
        .map(|(offset, f)| (fiche_cursor.at(offset), f))
        .collect();
    let (lines, tail_cols) = cursor.end();
    ChunkResult {
        fiches,
        warnings,
        fatal,
        root_closed: slice.root_closed,
        unfinished,
        lines,
        tail_cols,
    }
}

/// Walks a chunk forward once, counting lines and columns (linear overall,
/// even on an export written as one long line).
struct Cursor<'a> {
    bytes: &'a [u8],
    pos: usize,
    lines: usize,
    /// Characters between the last newline (or the chunk's start) and `pos`.
    col: usize,
}

impl<'a> Cursor<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        Cursor {
            bytes,
            pos: 0,
            lines: 0,
            col: 0,
        }
    }

    fn at(&mut self, offset: usize) -> Rel {
        let offset = offset.min(self.bytes.len()).max(self.pos);
        let run = &self.bytes[self.pos..offset];
        match memchr::memrchr(b'\n', run) {
            Some(last) => {
                self.lines += memchr::memchr_iter(b'\n', run).count();
                self.col = chars(&run[last + 1..]);
            }
            None => self.col += chars(run),
        }
        self.pos = offset;
        Rel {
            offset,
            lines: self.lines,
            col: self.col,
        }
    }

    fn end(&mut self) -> (usize, usize) {
        let rel = self.at(self.bytes.len());
        (rel.lines, rel.col)
    }
}

/// Characters in a byte run (continuation bytes do not count).
fn chars(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b & 0xC0) != 0x80).count()
}
