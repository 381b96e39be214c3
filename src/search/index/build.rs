//! Building the index. The fiches are cut into runs, indexed on all cores
//! (each run groups its fiches' items, folds each entry once and numbers
//! its words), then the runs are joined: the vocabulary sorted and the
//! postings laid out word by word.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use rayon::prelude::*;

use super::places;
use super::vocab::Vocab;
use super::{
    EXTRA, EntryId, FicheEntry, LocRec, MAX_ENTRIES, ParcoursName, PlaceRec, SearchIndex, UeRec,
    meta, meta_fiche, meta_kind, posting,
};
use crate::model::normalize::{fold_into, fold_str, item_key_into, title_key_into};
use crate::model::{Fiche, FicheId, FicheSummary, Parcours, Semester};
use crate::search::kind::Kind;
use crate::search::words::{is_stop_word, words};

/// FxHash (rustc's): a multiply-rotate per word, several times faster than
/// the default SipHash on the short keys an index numbers by the million.
#[derive(Default, Clone, Copy)]
pub(crate) struct FxHasher(u64);

/// FxHash's multiplier.
const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let word = u64::from_le_bytes(chunk.try_into().expect("8 bytes"));
            self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(K);
        }
        // The rest (most words are shorter than 8 bytes) in one round, its
        // length in the top byte so that padding never makes two equal.
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut last = [0u8; 8];
            last[..rest.len()].copy_from_slice(rest);
            let word = u64::from_le_bytes(last) ^ (rest.len() as u64) << 56;
            self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(K);
        }
    }

    fn write_u8(&mut self, b: u8) {
        self.write(&[b]);
    }

    fn write_u64(&mut self, v: u64) {
        self.0 = (self.0.rotate_left(5) ^ v).wrapping_mul(K);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

pub(crate) type FxBuild = BuildHasherDefault<FxHasher>;

/// Fiches per run: enough that joining runs costs little, few enough that
/// all cores get work.
const RUN_FICHES: usize = 2048;

/// How two items of a fiche count as the same entry.
#[derive(Clone, Copy)]
enum Same {
    /// `item_key`: list items, fiche-level items.
    Item,
    /// `title_key`: UE and course titles.
    Title,
}

/// The index of a run of fiches, with its own numbering of words and UE
/// codes, and entries, fiches and places counted from 0.
#[derive(Default)]
struct Part {
    index: SearchIndex,
    /// Words as first met, and their number.
    words: Words,
    /// Per entry, its distinct words (number, position), in `word_ids` /
    /// `word_positions` from `word_start[entry]`.
    word_ids: Vec<u32>,
    word_positions: Vec<u8>,
    word_start: Vec<u32>,
    /// The same, by word (`lay_out_postings`): word `w`'s postings, with the
    /// part's entry numbers, are `postings[posting_start[w]..posting_start[w + 1]]`.
    postings: Vec<u32>,
    posting_start: Vec<u32>,
    ue_codes: HashMap<String, u32, FxBuild>,
    rome: Vec<(String, EntryId)>,
}

/// Builds one part.
#[derive(Default)]
struct Builder {
    part: Part,
    /// The fiche's entries by kind and hash of their key (`Same`); the keys
    /// themselves in `keys`, entry `i` of the fiche's at `key_ranges[i]`.
    by_key: HashMap<(Kind, u64), u32, FxBuild>,
    keys: String,
    key_ranges: Vec<(u32, u32)>,
    /// The fiche's entries' first place, and their other places (by entry,
    /// offsets from the fiche's first): most entries have one.
    first_place: Vec<PlaceRec>,
    more_places: Vec<(u32, PlaceRec)>,
    /// Scratch: the folded text, the key and the words of the item being added.
    folded: String,
    key: String,
    /// Per word number, the last entry (+ 1) it was counted in: one
    /// posting per word and entry without sorting the entry's words.
    seen_in: Vec<u32>,
}

pub(super) fn build<'a>(
    fiches: impl Iterator<Item = (FicheId, &'a Fiche, &'a FicheSummary)>,
) -> SearchIndex {
    let fiches: Vec<_> = fiches.collect();
    let parts: Vec<Part> = fiches
        .par_chunks(RUN_FICHES)
        .map(|run| {
            let mut builder = Builder::default();
            builder.part.word_start.push(0);
            for &(id, fiche, summary) in run {
                builder.fiche(id, fiche, summary);
            }
            let mut part = builder.part;
            part.lay_out_postings();
            part
        })
        .collect();
    join(parts)
}

impl Builder {
    fn fiche(&mut self, id: FicheId, fiche: &Fiche, summary: &FicheSummary) {
        self.by_key.clear();
        self.keys.clear();
        self.key_ranges.clear();
        self.first_place.clear();
        self.more_places.clear();
        let first = self.part.index.len();
        self.part.index.fiche_start.push(to_u32(first));
        self.fiche_level(fiche);
        for (p, parcours) in fiche.parcours.iter().enumerate() {
            self.lists(to_u32(p), parcours);
        }
        for (s_index, semester) in fiche.common_semesters.iter().enumerate() {
            for p in 0..fiche.parcours.len() {
                self.semester(to_u32(p), semester, s_index, true);
            }
        }
        for (p, parcours) in fiche.parcours.iter().enumerate() {
            for (s_index, semester) in parcours.semesters.iter().enumerate() {
                self.semester(to_u32(p), semester, s_index, false);
            }
        }
        self.pack_places();
        let index = &mut self.part.index;
        let f = index.fiches.len();
        for m in &mut index.meta[first..] {
            *m = meta(f, meta_kind(*m));
        }
        index.fiches.push(FicheEntry {
            id,
            summary: summary.clone(),
            parcours: fiche
                .parcours
                .iter()
                .map(|p| ParcoursName {
                    id: p.id.clone(),
                    short: p.short_label(),
                })
                .collect(),
            first: (index.len() > first).then(|| to_u32(first)),
        });
    }

    /// The certification-level items: intitulé, diploma, blocs, ROME
    /// labels, certifiers, each in every parcours of the fiche.
    fn fiche_level(&mut self, fiche: &Fiche) {
        let record = fiche.registry.as_deref();
        let diploma = record.and_then(|r| r.abbreviation.as_ref()).map(|a| {
            if a.label.trim().is_empty() {
                &a.code
            } else {
                &a.label
            }
        });
        let blocs = record.map(|r| r.blocs.as_slice()).unwrap_or_default();
        let lists: [(Kind, Vec<&str>); 5] = [
            (Kind::Title, vec![fiche.intitule.as_str()]),
            (
                Kind::Abbreviation,
                diploma.into_iter().map(String::as_str).collect(),
            ),
            (Kind::Bloc, blocs.iter().map(|b| b.label.as_str()).collect()),
            (
                Kind::Rome,
                fiche.rome.iter().map(|c| c.label.as_str()).collect(),
            ),
            (
                Kind::Certifier,
                fiche
                    .authority
                    .organisations
                    .iter()
                    .map(String::as_str)
                    .collect(),
            ),
        ];
        // A fiche always has its implicit parcours; its items must not vanish if not.
        let parcours = fiche.parcours.len().max(1);
        for (kind, items) in lists {
            for (index, text) in items.into_iter().enumerate() {
                let mut entry = None;
                for p in 0..parcours {
                    let at = LocRec::Item(to_u32(index));
                    entry = self.add(kind, text, Same::Item, to_u32(p), at);
                }
                if let (Kind::Rome, Some(entry)) = (kind, entry) {
                    let code = fold_str(fiche.rome[index].code.trim());
                    self.part.rome.push((code, entry));
                }
            }
        }
    }

    fn lists(&mut self, p: u32, parcours: &Parcours) {
        let lists = [
            (Kind::Job, &parcours.jobs),
            (Kind::Competence, &parcours.competences),
            (Kind::Activity, &parcours.activities),
            (Kind::Sector, &parcours.sectors),
        ];
        for (kind, items) in lists {
            for (index, text) in items.iter().enumerate() {
                self.add(kind, text, Same::Item, p, LocRec::Item(to_u32(index)));
            }
        }
    }

    fn semester(&mut self, p: u32, semester: &Semester, s_index: usize, common: bool) {
        for (ue_index, ue) in semester.ues.iter().enumerate() {
            let codes = &mut self.part.ue_codes;
            let code = match codes.get(&ue.code) {
                Some(&code) => code,
                None => {
                    let next = to_u32(codes.len());
                    codes.insert(ue.code.clone(), next);
                    next
                }
            };
            let ue_rec = UeRec {
                semester: semester.number,
                common,
                semester_index: to_u32(s_index),
                ue_index: to_u32(ue_index),
                code,
            };
            self.add(Kind::Ue, &ue.title, Same::Title, p, LocRec::Ue(ue_rec));
            for (course, entry) in ue.courses.iter().enumerate() {
                for (alternative, title) in entry.titles().iter().enumerate() {
                    let at = LocRec::Course {
                        ue: ue_rec,
                        course: to_u32(course),
                        alternative: to_u32(alternative),
                    };
                    self.add(Kind::Course, title, Same::Title, p, at);
                }
            }
        }
    }

    /// Adds an occurrence of `text`: to the fiche's entry with the same key,
    /// or as a new entry. `None` for a text with nothing searchable in it.
    fn add(
        &mut self,
        kind: Kind,
        text: &str,
        same: Same,
        parcours: u32,
        at: LocRec,
    ) -> Option<EntryId> {
        let searchable = text.bytes().any(|b| b.is_ascii_alphanumeric())
            || (!text.is_ascii() && text.chars().any(char::is_alphanumeric));
        if !searchable {
            return None;
        }
        self.folded.clear();
        fold_into(text, &mut self.folded);
        match same {
            Same::Item => item_key_into(&self.folded, &mut self.key),
            Same::Title => title_key_into(&self.folded, &mut self.key),
        }
        let place = PlaceRec { parcours, at };
        let fiche_start = *self.part.index.fiche_start.last().expect("a fiche begun");
        if let Some(local) = self.same_entry(kind) {
            self.more_places.push((local, place));
            return Some(fiche_start + local);
        }
        let local = to_u32(self.key_ranges.len());
        let from = to_u32(self.keys.len());
        self.keys.push_str(&self.key);
        self.key_ranges.push((from, to_u32(self.keys.len())));
        self.first_place.push(place);
        self.new_entry(kind, text);
        Some(fiche_start + local)
    }

    /// The fiche's entry of `kind` whose key is `self.key`, if any (by
    /// number from the fiche's first); else notes the key as the next one's.
    fn same_entry(&mut self, kind: Kind) -> Option<u32> {
        let hash = {
            let mut h = FxHasher::default();
            h.write(self.key.as_bytes());
            h.finish()
        };
        let next = to_u32(self.key_ranges.len());
        let keys = (&self.keys, &self.key_ranges, &self.part.index.meta);
        let first = *self.part.index.fiche_start.last().expect("a fiche begun") as usize;
        let same = |local: u32| {
            let (from, to) = keys.1[local as usize];
            &keys.0[from as usize..to as usize] == self.key.as_str()
                && meta_kind(keys.2[first + local as usize]) == kind
        };
        match self.by_key.get(&(kind, hash)) {
            Some(&local) if same(local) => Some(local),
            // Two keys with one hash (never seen in practice): look through all.
            Some(_) => (0..next).find(|&local| same(local)),
            None => {
                self.by_key.insert((kind, hash), next);
                None
            }
        }
    }

    /// A new entry for `text`, whose folded form is in `self.folded`.
    fn new_entry(&mut self, kind: Kind, text: &str) {
        let part = &mut self.part;
        let index = &mut part.index;
        // The fiche is set when the fiche is done.
        index.meta.push(meta(0, kind));
        index.text.push_str(text);
        index.text_end.push(to_u32(index.text.len()));
        let stamp = to_u32(index.len());
        let mut position = 0usize;
        for (_, word) in words(&self.folded) {
            if is_stop_word(word) {
                continue;
            }
            let (id, new) = part.words.number(word);
            if new {
                self.seen_in.push(0);
            }
            // One posting per word and entry, at the word's first position.
            if self.seen_in[id as usize] != stamp {
                self.seen_in[id as usize] = stamp;
                part.word_ids.push(id);
                part.word_positions.push(position.min(255) as u8);
            }
            position += 1;
        }
        part.word_start.push(to_u32(part.word_ids.len()));
    }

    /// The fiche's places, packed: one item in parcours 0 inline, the rest
    /// in `place_bytes`.
    fn pack_places(&mut self) {
        let index = &mut self.part.index;
        // Other places by entry, each entry's in the order they came.
        self.more_places.sort_by_key(|(local, _)| *local);
        let mut more = self.more_places.iter().peekable();
        let mut places = Vec::new();
        for (local, first) in self.first_place.iter().enumerate() {
            places.clear();
            places.push(*first);
            while let Some((_, p)) = more.next_if(|(l, _)| *l as usize == local) {
                places.push(*p);
            }
            let packed = match places.as_slice() {
                [
                    PlaceRec {
                        parcours: 0,
                        at: LocRec::Item(index),
                    },
                ] if *index < EXTRA => *index,
                _ => {
                    let at = to_u32(index.place_bytes.len());
                    assert!(at < EXTRA, "places over 2 GiB");
                    places::encode(&places, &mut index.place_bytes);
                    EXTRA | at
                }
            };
            index.place.push(packed);
        }
    }
}

/// A part's words, numbered as first met. Words of up to 8 bytes (most)
/// are kept as an integer, so that finding one reads its table slot only.
#[derive(Default)]
struct Words {
    short: HashMap<u64, u32, FxBuild>,
    long: HashMap<Box<str>, u32, FxBuild>,
}

impl Words {
    fn len(&self) -> usize {
        self.short.len() + self.long.len()
    }

    /// `word`'s number, and whether it is new.
    #[inline]
    fn number(&mut self, word: &str) -> (u32, bool) {
        let next = to_u32(self.len());
        let bytes = word.as_bytes();
        if bytes.len() <= 8 {
            let mut key = [0u8; 8];
            key[..bytes.len()].copy_from_slice(bytes);
            // Words hold no NUL: the padding never makes two equal.
            let key = u64::from_le_bytes(key);
            match self.short.get(&key) {
                Some(&id) => (id, false),
                None => {
                    self.short.insert(key, next);
                    (next, true)
                }
            }
        } else {
            match self.long.get(word) {
                Some(&id) => (id, false),
                None => {
                    self.long.insert(word.into(), next);
                    (next, true)
                }
            }
        }
    }

    /// Every word and its number.
    fn list(&self) -> Vec<(String, u32)> {
        let short = self.short.iter().map(|(&key, &id)| {
            let bytes = key.to_le_bytes();
            let len = bytes.iter().position(|&b| b == 0).unwrap_or(8);
            let word = String::from_utf8(bytes[..len].to_vec()).expect("a word cut at a char");
            (word, id)
        });
        let long = self.long.iter().map(|(w, &id)| (w.to_string(), id));
        short.chain(long).collect()
    }
}

impl Part {
    /// The part's postings laid out word by word (count, then fill in entry
    /// order), on the part's own core; the per-entry lists are dropped.
    fn lay_out_postings(&mut self) {
        let mut start = vec![0u32; self.words.len() + 1];
        for &id in &self.word_ids {
            start[id as usize + 1] += 1;
        }
        for i in 1..start.len() {
            start[i] += start[i - 1];
        }
        let mut cursor = start.clone();
        let mut postings = vec![0u32; self.word_ids.len()];
        for entry in 0..self.index.len() {
            let (from, to) = (
                self.word_start[entry] as usize,
                self.word_start[entry + 1] as usize,
            );
            for k in from..to {
                let w = self.word_ids[k] as usize;
                let position = usize::from(self.word_positions[k]);
                postings[cursor[w] as usize] = posting(to_u32(entry), position);
                cursor[w] += 1;
            }
        }
        self.postings = postings;
        self.posting_start = start;
        self.word_ids = Vec::new();
        self.word_positions = Vec::new();
        self.word_start = Vec::new();
    }
}

/// The parts as one index: their arrays end to end, numbers shifted, words
/// numbered in sorted order, postings laid out word by word in entry order.
fn join(mut parts: Vec<Part>) -> SearchIndex {
    let entries: usize = parts.iter().map(|p| p.index.len()).sum();
    let fiches: usize = parts.iter().map(|p| p.index.fiches.len()).sum();
    // Bad data never gets this far (the loaders cap file sizes far below).
    assert!(
        entries <= MAX_ENTRIES,
        "search index over {MAX_ENTRIES} entries"
    );
    assert!(
        fiches <= MAX_ENTRIES,
        "search index over {MAX_ENTRIES} fiches"
    );
    // The vocabulary: every part's words, sorted, without repeats.
    let listed: Vec<Vec<(String, u32)>> = parts.par_iter().map(|p| p.words.list()).collect();
    let mut all: Vec<&str> = listed
        .iter()
        .flat_map(|l| l.iter().map(|(w, _)| w.as_str()))
        .collect();
    all.par_sort_unstable();
    all.dedup();
    let vocab = Vocab::from_sorted(all.iter().copied());
    // Each part's words, by rank in the vocabulary: (rank, part's number).
    let ranked: Vec<Vec<(u32, u32)>> = listed
        .par_iter()
        .map(|list| {
            let mut ranked: Vec<(u32, u32)> = list
                .iter()
                .map(|(word, id)| {
                    let r = all
                        .binary_search(&word.as_str())
                        .expect("a word of the vocabulary");
                    (to_u32(r), *id)
                })
                .collect();
            ranked.sort_unstable();
            ranked
        })
        .collect();
    drop(all);
    drop(listed);
    // Postings word by word: each part's list of the word, entries shifted
    // by the part's first (postings keep the position above the entry bits).
    let total: usize = parts.iter().map(|p| p.postings.len()).sum();
    let mut postings: Vec<u32> = Vec::with_capacity(total);
    let mut start = Vec::with_capacity(vocab.len() + 1);
    let bases: Vec<u32> = parts
        .iter()
        .scan(0usize, |base, p| {
            let here = *base;
            *base += p.index.len();
            Some(to_u32(here))
        })
        .collect();
    let mut cursors = vec![0usize; parts.len()];
    for w in 0..vocab.len() as u32 {
        start.push(to_u32(postings.len()));
        for (i, part) in parts.iter().enumerate() {
            let Some(&(rank, id)) = ranked[i].get(cursors[i]) else {
                continue;
            };
            if rank != w {
                continue;
            }
            cursors[i] += 1;
            let (from, to) = (
                part.posting_start[id as usize] as usize,
                part.posting_start[id as usize + 1] as usize,
            );
            let base = bases[i];
            postings.extend(part.postings[from..to].iter().map(|&p| p + base));
        }
    }
    start.push(to_u32(postings.len()));
    drop(ranked);
    for part in &mut parts {
        part.postings = Vec::new();
        part.posting_start = Vec::new();
    }
    let mut index = SearchIndex {
        vocab,
        postings,
        posting_start: start,
        ..SearchIndex::default()
    };
    index.meta.reserve_exact(entries);
    index.text_end.reserve_exact(entries);
    index.place.reserve_exact(entries);
    index
        .text
        .reserve_exact(parts.iter().map(|p| p.index.text.len()).sum());
    let mut ue_codes: HashMap<String, u32, FxBuild> = HashMap::default();
    let mut rome = Vec::new();
    for part in &mut parts {
        let (entry_base, fiche_base) = (index.len(), index.fiches.len());
        let text_base = index.text.len();
        let p = &mut part.index;
        index.meta.extend(
            p.meta
                .iter()
                .map(|&m| meta(meta_fiche(m) + fiche_base, meta_kind(m))),
        );
        index.text.push_str(&p.text);
        index
            .text_end
            .extend(p.text_end.iter().map(|e| e + to_u32(text_base)));
        // UE codes numbered across parts.
        let mut code_map = vec![0u32; part.ue_codes.len()];
        for (code, &local) in &part.ue_codes {
            let next = to_u32(ue_codes.len());
            code_map[local as usize] = *ue_codes.entry(code.clone()).or_insert(next);
        }
        let same_codes = code_map.iter().enumerate().all(|(i, &c)| c as usize == i);
        let renumber = |ue: UeRec| UeRec {
            code: code_map[ue.code as usize],
            ..ue
        };
        let bytes_base = to_u32(index.place_bytes.len());
        if same_codes {
            index.place_bytes.extend_from_slice(&p.place_bytes);
        }
        for &packed in &p.place {
            if packed & EXTRA == 0 {
                index.place.push(packed);
            } else if same_codes {
                index.place.push(packed + bytes_base);
            } else {
                let places: Vec<PlaceRec> =
                    places::decode(&p.place_bytes, (packed & !EXTRA) as usize)
                        .expect("places just encoded")
                        .into_iter()
                        .map(|place| PlaceRec {
                            parcours: place.parcours,
                            at: match place.at {
                                LocRec::Item(i) => LocRec::Item(i),
                                LocRec::Ue(ue) => LocRec::Ue(renumber(ue)),
                                LocRec::Course {
                                    ue,
                                    course,
                                    alternative,
                                } => LocRec::Course {
                                    ue: renumber(ue),
                                    course,
                                    alternative,
                                },
                            },
                        })
                        .collect();
                let at = to_u32(index.place_bytes.len());
                assert!(at < EXTRA, "places over 2 GiB");
                places::encode(&places, &mut index.place_bytes);
                index.place.push(EXTRA | at);
            }
        }
        index
            .fiche_start
            .extend(p.fiche_start.iter().map(|s| s + to_u32(entry_base)));
        index.fiches.extend(p.fiches.drain(..).map(|f| FicheEntry {
            first: f.first.map(|e| e + to_u32(entry_base)),
            ..f
        }));
        rome.extend(
            part.rome
                .drain(..)
                .map(|(code, e)| (code, e + to_u32(entry_base))),
        );
        // Freed as we go, so the peak stays near one index.
        *p = SearchIndex::default();
    }
    index.fiche_start.push(to_u32(index.len()));
    index.ue_codes = vec![String::new(); ue_codes.len()];
    for (code, i) in ue_codes {
        index.ue_codes[i as usize] = code;
    }
    rome.sort_unstable();
    index.rome = rome;
    index.derive_from_summaries();
    index
}

/// Offsets and counts fit in u32 for any catalogue the loader accepts.
fn to_u32(n: usize) -> u32 {
    u32::try_from(n).expect("search index larger than 4 G")
}
