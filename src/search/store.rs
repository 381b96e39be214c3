//! The index as bytes, so that a later run (the `search` command) reads it
//! instead of loading the catalogue and building it: its flat arrays as
//! they are, little-endian, behind a header naming what it was built from.
//!
//! Layout: `MAGIC`, format version (u32), the caller's key (length-prefixed
//! bytes: what the index was built from), the sections, then the CRC-32 of
//! everything before it. A reader is never trusted: a key or version that
//! differs is "not this index" (`Ok(None)`); a bad checksum, a truncated
//! file or arrays that do not fit together are `InvalidData`, never a panic
//! later. No I/O here but the reader and writer the caller hands in.

use std::io::{self, Read, Write};

use super::index::places;
use super::index::vocab::Vocab;
use super::index::{EXTRA, FicheEntry, LocRec, ParcoursName, SearchIndex, UeRec};
use super::kind::Kind;
use crate::model::registry::Date;
use crate::model::{CertifierRef, FicheId, FicheSummary, Numero, Repertoire};

const MAGIC: &[u8; 8] = b"RNCPXSIX";
/// Bump whenever the index's layout or the rules building it change.
const FORMAT_VERSION: u32 = 2;
/// Bytes read at a time when converting arrays.
const CHUNK: usize = 1 << 16;

impl SearchIndex {
    /// Writes the index, tagged with `key` (what it was built from).
    pub fn write_to(&self, out: &mut impl Write, key: &[u8]) -> io::Result<()> {
        let mut w = Writer {
            out,
            crc: crc32fast::Hasher::new(),
        };
        w.bytes(MAGIC)?;
        w.u32(FORMAT_VERSION)?;
        w.blob(key)?;
        w.u32s(&self.meta)?;
        w.blob(self.text.as_bytes())?;
        w.u32s(&self.text_end)?;
        w.u32s(&self.place)?;
        w.blob(&self.place_bytes)?;
        w.strings(&self.ue_codes)?;
        w.blob(&self.vocab.bytes)?;
        w.u32s(&self.vocab.starts)?;
        w.u32s(&self.vocab.masks)?;
        w.u32s(&self.postings)?;
        w.u32s(&self.posting_start)?;
        w.len(self.fiches.len())?;
        for f in &self.fiches {
            w.fiche(f)?;
        }
        w.u32s(&self.fiche_start)?;
        w.len(self.rome.len())?;
        for (code, entry) in &self.rome {
            w.str(code)?;
            w.u32(*entry)?;
        }
        let crc = w.crc.clone().finalize();
        w.out.write_all(&crc.to_le_bytes())
    }

    /// Reads an index written by `write_to`: `Ok(None)` when it was written
    /// for another key or by another version (build it again), an
    /// `InvalidData` error when it does not check out.
    pub fn read_from(input: &mut impl Read, key: &[u8]) -> io::Result<Option<SearchIndex>> {
        let mut r = Reader {
            input,
            crc: crc32fast::Hasher::new(),
        };
        let mut magic = [0u8; 8];
        r.exact(&mut magic)?;
        if &magic != MAGIC || r.u32()? != FORMAT_VERSION || r.blob(1 << 20)? != key {
            return Ok(None);
        }
        let mut index = SearchIndex {
            meta: r.u32s()?,
            text: String::from_utf8(r.blob(usize::MAX)?).map_err(|_| bad("texte non UTF-8"))?,
            text_end: r.u32s()?,
            place: r.u32s()?,
            place_bytes: r.blob(usize::MAX)?,
            ..SearchIndex::default()
        };
        index.ue_codes = r.strings()?;
        index.vocab = Vocab {
            bytes: r.blob(usize::MAX)?,
            starts: r.u32s()?,
            masks: r.u32s()?,
        };
        index.postings = r.u32s()?;
        index.posting_start = r.u32s()?;
        let n = r.len()?;
        index.fiches = (0..n).map(|_| r.fiche()).collect::<io::Result<_>>()?;
        index.fiche_start = r.u32s()?;
        let n = r.len()?;
        index.rome = (0..n)
            .map(|_| Ok((r.str()?, r.u32()?)))
            .collect::<io::Result<_>>()?;
        let expected = r.crc.clone().finalize();
        let mut crc = [0u8; 4];
        r.input.read_exact(&mut crc)?;
        if u32::from_le_bytes(crc) != expected {
            return Err(bad("somme de contrôle fausse"));
        }
        index.check().map_err(bad)?;
        // Not stored: made again from the summaries read (a few
        // milliseconds on the registry).
        index.derive_from_summaries();
        Ok(Some(index))
    }

    /// Whether the arrays fit together, so that no lookup can go out of bounds.
    fn check(&self) -> Result<(), &'static str> {
        let (n, fiches) = (self.len(), self.fiches.len());
        let sorted = |v: &[u32]| v.windows(2).all(|w| w[0] <= w[1]);
        let ok = |c: bool, what: &'static str| if c { Ok(()) } else { Err(what) };
        ok(n <= super::MAX_ENTRIES, "trop d'entrées")?;
        ok(
            self.meta.iter().all(|&m| {
                super::index::meta_fiche(m) < fiches && ((m >> 24) as usize) < Kind::EVERY.len()
            }),
            "entrées",
        )?;
        ok(
            self.text_end.len() == n
                && sorted(&self.text_end)
                && self
                    .text_end
                    .last()
                    .is_none_or(|&e| e as usize == self.text.len())
                && self
                    .text_end
                    .iter()
                    .all(|&e| self.text.is_char_boundary(e as usize)),
            "textes",
        )?;
        ok(self.place.len() == n, "entrées")?;
        let code_ok = |u: &UeRec| (u.code as usize) < self.ue_codes.len();
        ok(
            self.place.iter().all(|&p| {
                p & EXTRA == 0
                    || places::decode(&self.place_bytes, (p & !EXTRA) as usize).is_some_and(|v| {
                        !v.is_empty()
                            && v.iter().all(|p| match &p.at {
                                LocRec::Item(_) => true,
                                LocRec::Ue(u) | LocRec::Course { ue: u, .. } => code_ok(u),
                            })
                    })
            }),
            "lieux",
        )?;
        let words = self.vocab.masks.len();
        ok(
            self.vocab.starts.len() == words + 1
                && self.vocab.starts.windows(2).all(|w| w[0] < w[1])
                && self
                    .vocab
                    .starts
                    .iter()
                    .all(|&s| s >= 1 && s as usize <= self.vocab.bytes.len()),
            "vocabulaire",
        )?;
        ok(
            self.posting_start.len() == words + 1
                && sorted(&self.posting_start)
                && self
                    .posting_start
                    .last()
                    .is_some_and(|&e| e as usize == self.postings.len())
                && self
                    .postings
                    .iter()
                    .all(|&p| (super::index::posting_entry(p) as usize) < n),
            "index des mots",
        )?;
        ok(
            self.fiche_start.len() == fiches + 1
                && sorted(&self.fiche_start)
                && self.fiche_start.last().is_some_and(|&e| e as usize == n)
                && self
                    .fiches
                    .iter()
                    .all(|f| f.first.is_none_or(|e| (e as usize) < n)),
            "fiches",
        )?;
        ok(
            self.rome.iter().all(|&(_, e)| (e as usize) < n),
            "codes ROME",
        )
    }
}

fn bad(what: &str) -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidData,
        format!("index de recherche illisible ({what})"),
    )
}

pub(crate) struct Writer<'a, W: Write> {
    out: &'a mut W,
    crc: crc32fast::Hasher,
}

impl<W: Write> Writer<'_, W> {
    fn bytes(&mut self, b: &[u8]) -> io::Result<()> {
        self.crc.update(b);
        self.out.write_all(b)
    }

    pub(crate) fn u32(&mut self, v: u32) -> io::Result<()> {
        self.bytes(&v.to_le_bytes())
    }

    pub(crate) fn len(&mut self, n: usize) -> io::Result<()> {
        self.bytes(&(n as u64).to_le_bytes())
    }

    pub(crate) fn blob(&mut self, b: &[u8]) -> io::Result<()> {
        self.len(b.len())?;
        self.bytes(b)
    }

    pub(crate) fn str(&mut self, s: &str) -> io::Result<()> {
        self.blob(s.as_bytes())
    }

    pub(crate) fn strings(&mut self, v: &[String]) -> io::Result<()> {
        self.len(v.len())?;
        v.iter().try_for_each(|s| self.str(s))
    }

    pub(crate) fn u32s(&mut self, v: &[u32]) -> io::Result<()> {
        self.len(v.len())?;
        let mut buf = Vec::with_capacity(CHUNK);
        for chunk in v.chunks(CHUNK / 4) {
            buf.clear();
            buf.extend(chunk.iter().flat_map(|x| x.to_le_bytes()));
            self.bytes(&buf)?;
        }
        Ok(())
    }

    fn opt_str(&mut self, s: Option<&str>) -> io::Result<()> {
        match s {
            Some(s) => {
                self.bytes(&[1])?;
                self.str(s)
            }
            None => self.bytes(&[0]),
        }
    }

    fn fiche(&mut self, f: &FicheEntry) -> io::Result<()> {
        self.u32(f.id.index() as u32)?;
        self.u32(f.first.map_or(u32::MAX, |e| e))?;
        self.len(f.parcours.len())?;
        for p in &f.parcours {
            self.str(&p.id)?;
            self.str(&p.short)?;
        }
        let s = &f.summary;
        self.bytes(&[u8::from(s.numero.repertoire == Repertoire::Rs)])?;
        self.str(&s.numero.digits)?;
        self.str(&s.intitule)?;
        self.opt_str(s.abbreviation.as_deref())?;
        self.bytes(&[
            s.level.map_or(0, |l| l.saturating_add(1)),
            match s.active {
                None => 0,
                Some(false) => 1,
                Some(true) => 2,
            },
        ])?;
        match s.end_of_registration {
            Some(d) => {
                self.bytes(&[1, d.m, d.d])?;
                self.bytes(&d.y.to_le_bytes())?;
            }
            None => self.bytes(&[0])?,
        }
        self.strings(&s.nsf)?;
        self.strings(&s.rome)?;
        self.len(s.certifiers.len())?;
        for c in &s.certifiers {
            self.str(&c.name)?;
            self.opt_str(c.siret.as_deref())?;
        }
        Ok(())
    }
}

pub(crate) struct Reader<'a, R: Read> {
    input: &'a mut R,
    crc: crc32fast::Hasher,
}

impl<R: Read> Reader<'_, R> {
    fn exact(&mut self, buf: &mut [u8]) -> io::Result<()> {
        self.input.read_exact(buf)?;
        self.crc.update(buf);
        Ok(())
    }

    fn byte(&mut self) -> io::Result<u8> {
        let mut b = [0u8; 1];
        self.exact(&mut b)?;
        Ok(b[0])
    }

    pub(crate) fn u32(&mut self) -> io::Result<u32> {
        let mut b = [0u8; 4];
        self.exact(&mut b)?;
        Ok(u32::from_le_bytes(b))
    }

    pub(crate) fn len(&mut self) -> io::Result<usize> {
        let mut b = [0u8; 8];
        self.exact(&mut b)?;
        usize::try_from(u64::from_le_bytes(b)).map_err(|_| bad("longueur"))
    }

    /// Bytes of a length-prefixed blob of at most `max` bytes, read in
    /// chunks so that a corrupt length never allocates more than the file holds.
    pub(crate) fn blob(&mut self, max: usize) -> io::Result<Vec<u8>> {
        let n = self.len()?;
        if n > max {
            return Err(bad("longueur"));
        }
        let mut out = Vec::new();
        let mut left = n;
        while left > 0 {
            let take = left.min(CHUNK * 16);
            let from = out.len();
            out.resize(from + take, 0);
            self.exact(&mut out[from..])?;
            left -= take;
        }
        Ok(out)
    }

    pub(crate) fn str(&mut self) -> io::Result<String> {
        String::from_utf8(self.blob(usize::MAX)?).map_err(|_| bad("texte non UTF-8"))
    }

    pub(crate) fn strings(&mut self) -> io::Result<Vec<String>> {
        let n = self.len()?;
        let mut out = Vec::new();
        for _ in 0..n {
            out.push(self.str()?);
        }
        Ok(out)
    }

    pub(crate) fn u32s(&mut self) -> io::Result<Vec<u32>> {
        let n = self.len()?;
        let mut out = Vec::new();
        let mut buf = vec![0u8; CHUNK];
        let mut left = n;
        while left > 0 {
            let take = left.min(CHUNK / 4);
            self.exact(&mut buf[..take * 4])?;
            out.extend(
                buf[..take * 4]
                    .chunks_exact(4)
                    .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]])),
            );
            left -= take;
        }
        Ok(out)
    }

    fn opt_str(&mut self) -> io::Result<Option<String>> {
        match self.byte()? {
            0 => Ok(None),
            1 => Ok(Some(self.str()?)),
            _ => Err(bad("option")),
        }
    }

    fn fiche(&mut self) -> io::Result<FicheEntry> {
        let id = FicheId::from_position(self.u32()? as usize);
        let first = Some(self.u32()?).filter(|&e| e != u32::MAX);
        let n = self.len()?;
        let mut parcours = Vec::new();
        for _ in 0..n {
            parcours.push(ParcoursName {
                id: self.str()?,
                short: self.str()?,
            });
        }
        let repertoire = match self.byte()? {
            0 => Repertoire::Rncp,
            1 => Repertoire::Rs,
            _ => return Err(bad("répertoire")),
        };
        let digits = self.str()?;
        let intitule = self.str()?;
        let abbreviation = self.opt_str()?;
        let level = match self.byte()? {
            0 => None,
            l => Some(l - 1),
        };
        let active = match self.byte()? {
            0 => None,
            1 => Some(false),
            2 => Some(true),
            _ => return Err(bad("état")),
        };
        let end_of_registration = match self.byte()? {
            0 => None,
            1 => {
                let (m, d) = (self.byte()?, self.byte()?);
                let mut y = [0u8; 2];
                self.exact(&mut y)?;
                Some(Date {
                    y: u16::from_le_bytes(y),
                    m,
                    d,
                })
            }
            _ => return Err(bad("date")),
        };
        let nsf = self.strings()?;
        let rome = self.strings()?;
        let n = self.len()?;
        let mut certifiers = Vec::new();
        for _ in 0..n {
            let name = self.str()?;
            let siret = self.opt_str()?;
            certifiers.push(CertifierRef::new(&name, siret.as_deref()));
        }
        Ok(FicheEntry {
            id,
            first,
            parcours: parcours.into_boxed_slice(),
            summary: FicheSummary {
                numero: Numero { repertoire, digits },
                intitule,
                abbreviation,
                level,
                active,
                end_of_registration,
                nsf,
                rome,
                certifiers,
            },
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::search::tests_catalogue::samples;
    use crate::search::{Filter, Mode, Query, SearchIndex};

    fn written(index: &SearchIndex, key: &[u8]) -> Vec<u8> {
        let mut bytes = Vec::new();
        index.write_to(&mut bytes, key).unwrap();
        bytes
    }

    #[test]
    fn an_index_reads_back_as_it_was_written() {
        let (_, index) = samples();
        let bytes = written(index, b"key");
        let back = SearchIndex::read_from(&mut bytes.as_slice(), b"key")
            .unwrap()
            .unwrap();
        assert_eq!(&back, index);
        let q = Query::new("dev web", Filter::All).with_mode(Mode::Certifications);
        assert_eq!(back.search(&q), index.search(&q));
        let embedded = SearchIndex::of_fiche(&crate::model::embedded());
        let bytes = written(&embedded, b"");
        let back = SearchIndex::read_from(&mut bytes.as_slice(), b"")
            .unwrap()
            .unwrap();
        assert_eq!(back, embedded, "places, UE codes and parcours too");
    }

    #[test]
    fn another_key_or_version_is_not_this_index() {
        let (_, index) = samples();
        let bytes = written(index, b"key");
        assert_eq!(
            SearchIndex::read_from(&mut bytes.as_slice(), b"other").unwrap(),
            None
        );
        let mut old = bytes.clone();
        old[8] ^= 0xff;
        assert_eq!(
            SearchIndex::read_from(&mut old.as_slice(), b"key").unwrap(),
            None
        );
    }

    #[test]
    fn damage_is_an_error_never_a_panic() {
        let (_, index) = samples();
        let bytes = written(index, b"k");
        for at in [30, bytes.len() / 3, bytes.len() / 2, bytes.len() - 5] {
            let mut bad = bytes.clone();
            bad[at] ^= 0x5a;
            assert!(
                SearchIndex::read_from(&mut bad.as_slice(), b"k").is_err(),
                "byte {at}"
            );
        }
        for len in [0, 10, 40, bytes.len() / 2, bytes.len() - 1] {
            let result = SearchIndex::read_from(&mut &bytes[..len], b"k");
            assert!(!matches!(result, Ok(Some(_))), "{len} bytes");
        }
    }
}
