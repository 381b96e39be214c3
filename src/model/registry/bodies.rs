//! The fiches of a reopened export, decoded when first used. The cache's
//! index frame gives every fiche in brief at once (`FicheSummary`: the fiche
//! list, its facets and sort); each body (its `Record`, in its own frame with
//! its CRC-32) stays in the cache file until it is asked for — by a screen
//! (`get`: that frame alone is read and decoded) or by the background decoder,
//! which goes through them all on every core at a lower priority than the
//! interface, while the user reads the list.
//!
//! A frame that does not check out (read error, CRC, decoding) is never used:
//! the cache file is removed, so the next start rebuilds it, and the fiche is
//! read again from the export, which is kept open and checked to be the one
//! the cache was made from. Only when that fails too (the export was changed
//! in place since the start) does the fiche stand as unreadable: its number
//! and title, and a title saying so (see [`unreadable`]), never other data.

use std::collections::HashMap;
use std::fmt;
use std::fs::File;
use std::os::unix::fs::FileExt;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use std::thread::JoinHandle;

use super::convert::to_fiche;
use super::recover::Export;
use super::types::{Certifier, Coded, EuropeLevel, Numero, Record};
use crate::model::Fiche;
use crate::model::summary::FicheSummary;

/// Where one fiche's body is: in the cache file, and in the export.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Frame {
    pub offset: u64,
    pub len: u32,
    pub crc: u32,
    /// Where its `<FICHE>` starts in the export's XML.
    pub export_offset: u64,
}

/// Fiches the background decoder reads and decodes at a time (one read).
const GROUP: usize = 64;
/// The background decoder's nice value: the interface's thread (and a search
/// index being built, which decodes what it needs itself) wins a core it
/// competes for; the bodies go on in the time left (Linux; elsewhere unchanged).
const BACKGROUND_NICE: i32 = 10;

/// The bodies of one cached export, shared (`Arc`) by the catalogue, its
/// clones and the background decoder.
pub struct Bodies {
    file: File,
    path: PathBuf,
    frames: Vec<Frame>,
    /// Boxed: an empty slot costs 16 bytes, not a whole `Fiche`.
    slots: Vec<OnceLock<Box<Fiche>>>,
    export: Export,
    /// Set once a frame failed its check (the cache file is then removed).
    damaged: AtomicBool,
    /// Fiches read again from the export after the first bad frame, until
    /// taken; `None` before that pass.
    recovered: Mutex<Option<HashMap<usize, Fiche>>>,
    background: Mutex<Option<Vec<JoinHandle<()>>>>,
    started: AtomicBool,
}

impl fmt::Debug for Bodies {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Bodies")
            .field("path", &self.path)
            .field("fiches", &self.slots.len())
            .field("decoded", &self.decoded())
            .finish()
    }
}

impl Bodies {
    pub(crate) fn new(file: File, path: PathBuf, frames: Vec<Frame>, export: Export) -> Bodies {
        Bodies {
            slots: (0..frames.len()).map(|_| OnceLock::new()).collect(),
            file,
            path,
            frames,
            export,
            damaged: AtomicBool::new(false),
            recovered: Mutex::new(None),
            background: Mutex::new(None),
            started: AtomicBool::new(false),
        }
    }

    pub fn len(&self) -> usize {
        self.slots.len()
    }

    pub fn is_empty(&self) -> bool {
        self.slots.is_empty()
    }

    /// Fiche `i`, decoded now if nobody did yet (`summary` is its summary,
    /// for the unreadable case only).
    pub fn get(&self, i: usize, summary: &FicheSummary) -> &Fiche {
        self.slots[i]
            .get_or_init(|| Box::new(self.decode(i, None).unwrap_or_else(|| unreadable(summary))))
    }

    /// Whether fiche `i` is decoded already.
    pub fn is_decoded(&self, i: usize) -> bool {
        self.slots[i].get().is_some()
    }

    /// How many fiches are decoded.
    pub fn decoded(&self) -> usize {
        self.slots.iter().filter(|s| s.get().is_some()).count()
    }

    /// Whether a frame failed its check (the cache file was removed).
    pub fn is_damaged(&self) -> bool {
        self.damaged.load(Ordering::Relaxed)
    }

    /// Starts decoding every body on background threads, one per core (once;
    /// later calls do nothing). `get` still decodes at once what it needs.
    pub fn decode_in_background(self: &Arc<Self>) {
        if self.started.swap(true, Ordering::SeqCst) {
            return;
        }
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
        let next = Arc::new(AtomicUsize::new(0));
        let handles = (0..threads)
            .filter_map(|_| {
                let (bodies, next) = (Arc::clone(self), Arc::clone(&next));
                std::thread::Builder::new()
                    .name("rncp-fiches".into())
                    .spawn(move || {
                        lower_priority();
                        bodies.decode_groups(&next);
                    })
                    // No thread: `get` decodes on demand all the same.
                    .ok()
            })
            .collect();
        *self.background.lock().unwrap_or_else(|e| e.into_inner()) = Some(handles);
    }

    /// Waits for the background decoder, if it was started; returns at once
    /// otherwise.
    pub fn wait(&self) {
        let handles = self
            .background
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .take();
        for handle in handles.into_iter().flatten() {
            let _ = handle.join();
        }
    }

    /// Every fiche, decoded (in parallel when nobody else decodes them).
    pub(crate) fn into_fiches(self: Arc<Self>, summaries: &[FicheSummary]) -> Vec<Fiche> {
        use rayon::prelude::*;
        (0..self.len()).into_par_iter().for_each(|i| {
            self.get(i, &summaries[i]);
        });
        match Arc::try_unwrap(self) {
            Ok(bodies) => bodies
                .slots
                .into_iter()
                .zip(summaries)
                .map(|(slot, summary)| match slot.into_inner() {
                    Some(fiche) => *fiche,
                    None => unreadable(summary),
                })
                .collect(),
            Err(shared) => (0..shared.len())
                .map(|i| shared.get(i, &summaries[i]).clone())
                .collect(),
        }
    }

    /// Takes groups of fiches from `next` and decodes those nobody has.
    fn decode_groups(&self, next: &AtomicUsize) {
        let mut buf = Vec::new();
        loop {
            let start = next.fetch_add(1, Ordering::Relaxed).saturating_mul(GROUP);
            if start >= self.len() {
                return;
            }
            let end = (start + GROUP).min(self.len());
            if (start..end).all(|i| self.is_decoded(i)) {
                continue;
            }
            let from = self.frames[start].offset;
            let last = self.frames[end - 1];
            let to = last.offset + u64::from(last.len);
            buf.resize((to - from) as usize, 0);
            let read = self.file.read_exact_at(&mut buf, from).is_ok();
            for i in start..end {
                if self.is_decoded(i) {
                    continue;
                }
                let frame = self.frames[i];
                let at = (frame.offset - from) as usize;
                let bytes = read.then(|| &buf[at..at + frame.len as usize]);
                // `set` loses to a `get` that decoded it meanwhile: no harm.
                if let Some(fiche) = self.decode(i, bytes) {
                    let _ = self.slots[i].set(Box::new(fiche));
                }
            }
        }
    }

    /// Decodes fiche `i` from `bytes` (read from the cache if `None`), or
    /// from the export if its frame does not check out.
    fn decode(&self, i: usize, bytes: Option<&[u8]>) -> Option<Fiche> {
        let frame = self.frames[i];
        let read;
        let bytes = match bytes {
            Some(bytes) => Some(bytes),
            None => {
                read = self.read(frame);
                read.as_deref()
            }
        };
        if let Some(bytes) = bytes
            && crc32fast::hash(bytes) == frame.crc
            && let Ok(record) = postcard::from_bytes::<Record>(bytes)
        {
            return Some(to_fiche(record));
        }
        self.recover(i)
    }

    fn read(&self, frame: Frame) -> Option<Vec<u8>> {
        let mut bytes = vec![0u8; frame.len as usize];
        self.file.read_exact_at(&mut bytes, frame.offset).ok()?;
        Some(bytes)
    }

    fn frame_ok(&self, frame: Frame) -> bool {
        self.read(frame)
            .is_some_and(|bytes| crc32fast::hash(&bytes) == frame.crc)
    }

    /// Fiche `i`'s frame is bad: the cache goes, the fiche is read again
    /// from the export. The first time, every frame not decoded yet is
    /// checked and all the bad ones are read again in one pass.
    fn recover(&self, i: usize) -> Option<Fiche> {
        if !self.damaged.swap(true, Ordering::SeqCst) {
            // Never trusted again: the next start reads the export and writes it anew.
            let _ = std::fs::remove_file(&self.path);
        }
        let mut recovered = self.recovered.lock().unwrap_or_else(|e| e.into_inner());
        let pass = recovered.get_or_insert_with(|| {
            let bad: Vec<usize> = (0..self.len())
                .filter(|&j| j == i || (!self.is_decoded(j) && !self.frame_ok(self.frames[j])))
                .collect();
            self.export.reread(&bad, &self.frames)
        });
        if let Some(fiche) = pass.remove(&i) {
            return Some(fiche);
        }
        // Bad since that pass, or asked again after it failed: alone.
        self.export.reread(&[i], &self.frames).remove(&i)
    }
}

/// Lowers the calling thread's priority (on Linux the nice value is per
/// thread, and `who = 0` is the calling thread).
fn lower_priority() {
    #[cfg(target_os = "linux")]
    // SAFETY: setpriority only reads its arguments; a failure leaves the
    // priority as it was, which is harmless.
    unsafe {
        libc::setpriority(libc::PRIO_PROCESS, 0, BACKGROUND_NICE);
    }
}

/// What stands for a fiche whose body could be read neither from the cache
/// nor from the export (changed in place since the start): a record holding
/// only what its summary says — number, title prefixed by a notice, level,
/// validity, codes, certifiers — so everything else reads as unknown, never
/// made up. Restarting reads the export again.
pub(crate) fn unreadable(summary: &FicheSummary) -> Fiche {
    let numero = Numero {
        repertoire: summary.numero.repertoire,
        number: summary.numero.digits.clone(),
    };
    let mut record = Record::new(numero, format!("[{UNREADABLE}] {}", summary.intitule));
    let coded = |code: &String| Coded {
        code: code.clone(),
        label: String::new(),
    };
    record.abbreviation = summary.abbreviation.as_ref().map(coded);
    record.active = summary.active;
    record.dates.end_of_registration = summary.end_of_registration;
    record.europe_level = summary.level.map(|level| EuropeLevel {
        level: Some(level),
        code: format!("NIV{level}"),
        label: None,
    });
    record.nsf = summary.nsf.iter().map(coded).collect();
    record.rome = summary.rome.iter().map(coded).collect();
    record.certifiers = summary
        .certifiers
        .iter()
        .map(|c| Certifier {
            siret: c.siret.clone(),
            name: c.name.clone(),
            ..Certifier::default()
        })
        .collect();
    to_fiche(record)
}

/// The notice an unreadable fiche's title starts with.
pub const UNREADABLE: &str =
    "fiche illisible : cache abîmé et export modifié depuis l'ouverture, relancez rncp-explorer";
