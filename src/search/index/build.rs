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
use crate::search::facet_counts::FacetValues;
use crate::search::kind::Kind;
use crate::search::words::{is_stop_word, words};

/// FxHash (rustc's): a multiply-rotate per word, several times faster than
/// the default SipHash on the short keys an index numbers by the million.
#[derive(Default, Clone, Copy)]
pub(crate) struct FxHasher(u64);

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let word = u64::from_le_bytes(chunk.try_into().expect("8 bytes"));
            self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
        }
    }

    fn write_u8(&mut self, b: u8) {
        self.write(&[b]);
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
    words: HashMap<Box<str>, u32, FxBuild>,
    /// Per entry, its distinct words (number, position), in `word_ids` /
    /// `word_positions` from `word_start[entry]`.
    word_ids: Vec<u32>,
    word_positions: Vec<u8>,
    word_start: Vec<u32>,
    ue_codes: HashMap<String, u32, FxBuild>,
    rome: Vec<(String, EntryId)>,
}

/// Builds one part.
#[derive(Default)]
struct Builder {
    part: Part,
    /// The fiche's entries, per kind, by normalised key.
    by_key: Vec<HashMap<String, EntryId, FxBuild>>,
    /// Places of the fiche's entries, by entry (offset from the fiche's first).
    places: Vec<Vec<PlaceRec>>,
    /// Scratch: the folded text, the key and the words of the item being added.
    folded: String,
    key: String,
    entry_words: Vec<(u32, u8)>,
}

pub(super) fn build<'a>(
    fiches: impl Iterator<Item = (FicheId, &'a Fiche, &'a FicheSummary)>,
) -> SearchIndex {
    let fiches: Vec<_> = fiches.collect();
    let parts: Vec<Part> = fiches
        .par_chunks(RUN_FICHES)
        .map(|run| {
            let mut builder = Builder {
                by_key: vec![HashMap::default(); Kind::EVERY.len()],
                ..Builder::default()
            };
            builder.part.word_start.push(0);
            for &(id, fiche, summary) in run {
                builder.fiche(id, fiche, summary);
            }
            builder.part
        })
        .collect();
    join(parts)
}

impl Builder {
    fn fiche(&mut self, id: FicheId, fiche: &Fiche, summary: &FicheSummary) {
        for map in &mut self.by_key {
            map.clear();
        }
        self.places.clear();
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
        if !text.chars().any(char::is_alphanumeric) {
            return None;
        }
        self.folded.clear();
        fold_into(text, &mut self.folded);
        match same {
            Same::Item => item_key_into(&self.folded, &mut self.key),
            Same::Title => title_key_into(&self.folded, &mut self.key),
        }
        let map = &mut self.by_key[kind.ordinal()];
        let id = match map.get(self.key.as_str()) {
            Some(&id) => id,
            None => {
                let id = to_u32(self.part.index.len());
                map.insert(self.key.clone(), id);
                self.new_entry(kind, text);
                id
            }
        };
        let fiche_start = *self.part.index.fiche_start.last().expect("a fiche begun");
        let local = (id - fiche_start) as usize;
        if local == self.places.len() {
            self.places.push(Vec::new());
        }
        self.places[local].push(PlaceRec { parcours, at });
        Some(id)
    }

    /// A new entry for `text`, whose folded form is in `self.folded`.
    fn new_entry(&mut self, kind: Kind, text: &str) {
        let part = &mut self.part;
        let index = &mut part.index;
        // The fiche is set when the fiche is done.
        index.meta.push(meta(0, kind));
        index.text.push_str(text);
        index.text_end.push(to_u32(index.text.len()));
        self.entry_words.clear();
        let mut position = 0usize;
        for (_, word) in words(&self.folded) {
            if is_stop_word(word) {
                continue;
            }
            let id = match part.words.get(word) {
                Some(&id) => id,
                None => {
                    let next = to_u32(part.words.len());
                    part.words.insert(word.into(), next);
                    next
                }
            };
            self.entry_words.push((id, position.min(255) as u8));
            position += 1;
        }
        // One posting per word and entry, at the word's first position.
        self.entry_words.sort_unstable();
        self.entry_words.dedup_by_key(|(id, _)| *id);
        for &(id, position) in &self.entry_words {
            part.word_ids.push(id);
            part.word_positions.push(position);
        }
        part.word_start.push(to_u32(part.word_ids.len()));
    }

    /// The fiche's places, packed: one item in parcours 0 inline, the rest in `extra`.
    fn pack_places(&mut self) {
        let index = &mut self.part.index;
        for places in self.places.drain(..) {
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
    let mut all: Vec<&str> = parts
        .iter()
        .flat_map(|p| p.words.keys().map(|w| &**w))
        .collect();
    all.par_sort_unstable();
    all.dedup();
    let vocab = Vocab::from_sorted(all.iter().copied());
    // Each part's word numbers → their rank in the vocabulary.
    let ranks: Vec<Vec<u32>> = parts
        .par_iter()
        .map(|p| {
            let mut rank = vec![0u32; p.words.len()];
            for (word, &id) in &p.words {
                let r = all
                    .binary_search(&&**word)
                    .expect("a word of the vocabulary");
                rank[id as usize] = to_u32(r);
            }
            rank
        })
        .collect();
    drop(all);
    // Postings: count per word, then fill in entry order.
    let mut start = vec![0u32; vocab.len() + 1];
    for (part, rank) in parts.iter().zip(&ranks) {
        for &id in &part.word_ids {
            start[rank[id as usize] as usize + 1] += 1;
        }
    }
    for i in 1..start.len() {
        start[i] += start[i - 1];
    }
    let mut cursor = start.clone();
    let mut postings = vec![0u32; start[vocab.len()] as usize];
    let mut base = 0usize;
    for (part, rank) in parts.iter().zip(&ranks) {
        for entry in 0..part.index.len() {
            let (from, to) = (
                part.word_start[entry] as usize,
                part.word_start[entry + 1] as usize,
            );
            for k in from..to {
                let w = rank[part.word_ids[k] as usize] as usize;
                let position = usize::from(part.word_positions[k]);
                postings[cursor[w] as usize] = posting(to_u32(base + entry), position);
                cursor[w] += 1;
            }
        }
        base += part.index.len();
    }
    drop(cursor);
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
    index.facet_values = FacetValues::new(index.fiches.iter().map(|f| &f.summary));
    index.by_numero = index
        .fiches
        .iter()
        .map(|f| (f.summary.numero.clone(), f.id))
        .collect();
    index
}

/// Offsets and counts fit in u32 for any catalogue the loader accepts.
fn to_u32(n: usize) -> u32 {
    u32::try_from(n).expect("search index larger than 4 G")
}
