//! Reading fiches again from the export when their cache frame does not
//! check out. The export file is kept open from the start (so a download
//! renamed over it changes nothing) and used only while it still has the
//! size, time and fingerprint the cache was keyed by.

use std::collections::HashMap;
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::os::unix::fs::FileExt;

use memchr::memmem;

use super::Format;
use super::bodies::Frame;
use super::cache::Key;
use super::convert::to_fiche;
use super::parse::parse_slice;
use super::validate_fiche;
use crate::model::Fiche;

/// A fiche bigger than this is not one (the largest real one is ~1 MB).
const MAX_FICHE: usize = 64 << 20;
const END: &[u8] = b"</FICHE>";

/// The export a cache was made from, open.
pub(crate) struct Export {
    file: File,
    format: Format,
    key: Key,
    limit: u64,
}

impl Export {
    /// `limit` caps the bytes inflated from a zip (as when reading it).
    pub(crate) fn new(file: File, format: Format, key: Key, limit: u64) -> Export {
        Export {
            file,
            format,
            key,
            limit,
        }
    }

    /// Fiches `wanted` (indexes into `frames`) read again, those that could
    /// be; none if the export is no longer the one the cache was made from.
    pub(crate) fn reread(&self, wanted: &[usize], frames: &[Frame]) -> HashMap<usize, Fiche> {
        let mut out = HashMap::new();
        if wanted.is_empty() || !self.key.matches(&self.file) {
            return out;
        }
        let mut order: Vec<(u64, usize)> = wanted
            .iter()
            .filter_map(|&i| Some((frames.get(i)?.export_offset, i)))
            .collect();
        order.sort_unstable();
        match self.format {
            Format::Xml => {
                for (offset, i) in order {
                    if let Some(fiche) = self.xml_fiche_at(offset) {
                        out.insert(i, fiche);
                    }
                }
            }
            // One pass of inflating for them all, in file order.
            Format::Zip => {
                let _ = self.zip_fiches(&order, &mut out);
            }
            Format::Ron => {}
        }
        out
    }

    fn xml_fiche_at(&self, offset: u64) -> Option<Fiche> {
        let mut bytes = Vec::new();
        let mut window = 64 << 10;
        loop {
            let start = bytes.len();
            bytes.resize(start + window, 0);
            let n = read_at_most(&self.file, &mut bytes[start..], offset + start as u64)?;
            bytes.truncate(start + n);
            let from = start.saturating_sub(END.len() - 1);
            if let Some(at) = memmem::find(&bytes[from..], END) {
                bytes.truncate(from + at + END.len());
                return fiche_of(&bytes);
            }
            if n == 0 || bytes.len() > MAX_FICHE {
                return None;
            }
            window *= 2;
        }
    }

    fn zip_fiches(&self, order: &[(u64, usize)], out: &mut HashMap<usize, Fiche>) -> Option<()> {
        let mut archive = zip::ZipArchive::new(&self.file).ok()?;
        let name = super::zip::pick_entry(&archive).ok()?;
        let entry = archive.by_name(&name).ok()?;
        let mut reader = BufReader::with_capacity(1 << 20, entry.take(self.limit));
        let mut pos = 0u64;
        for &(offset, i) in order {
            if offset < pos {
                continue;
            }
            let skipped =
                std::io::copy(&mut (&mut reader).take(offset - pos), &mut std::io::sink()).ok()?;
            if skipped < offset - pos {
                return None;
            }
            pos = offset;
            let bytes = read_through_end(&mut reader)?;
            pos += bytes.len() as u64;
            if let Some(fiche) = fiche_of(&bytes) {
                out.insert(i, fiche);
            }
        }
        Some(())
    }
}

/// Reads at `offset` until `buf` is full or the file ends; how many bytes came.
fn read_at_most(file: &File, buf: &mut [u8], offset: u64) -> Option<usize> {
    let mut n = 0;
    while n < buf.len() {
        match file.read_at(&mut buf[n..], offset + n as u64) {
            Ok(0) => break,
            Ok(k) => n += k,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(_) => return None,
        }
    }
    Some(n)
}

/// The bytes from here through the next `</FICHE>`.
fn read_through_end(reader: &mut impl BufRead) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    loop {
        let buf = reader.fill_buf().ok()?;
        if buf.is_empty() {
            return None;
        }
        let took = buf.len();
        let from = out.len().saturating_sub(END.len() - 1);
        out.extend_from_slice(buf);
        if let Some(at) = memmem::find(&out[from..], END) {
            let end = from + at + END.len();
            // The needle was not whole in what came before: it ends in this buffer.
            reader.consume(took - (out.len() - end));
            out.truncate(end);
            return Some(out);
        }
        reader.consume(took);
        if out.len() > MAX_FICHE {
            return None;
        }
    }
}

/// The fiche of one `<FICHE>…</FICHE>`, built and checked as on a first read.
fn fiche_of(bytes: &[u8]) -> Option<Fiche> {
    let record = parse_slice(bytes).fiches.into_iter().next()?.record.ok()?;
    let fiche = to_fiche(record);
    validate_fiche(&fiche).ok()?;
    Some(fiche)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reading_through_the_end_tag_stops_right_after_it_across_buffers() {
        let data = b"<FICHE><A>x</A></FICHE><FICHE>y</FICHE>".to_vec();
        for capacity in [1, 3, 7, 8, 9, 64] {
            let mut reader = BufReader::with_capacity(capacity, &data[..]);
            let first = read_through_end(&mut reader).unwrap();
            assert_eq!(first, b"<FICHE><A>x</A></FICHE>", "{capacity}");
            let second = read_through_end(&mut reader).unwrap();
            assert_eq!(second, b"<FICHE>y</FICHE>", "{capacity}");
            assert!(read_through_end(&mut reader).is_none());
        }
    }
}
