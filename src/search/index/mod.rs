//! The search index: every searchable item of a catalogue's fiches, grouped
//! within each fiche, and the inverted index of their words.
//!
//! Everything lives in a few flat arrays (no allocation per item), so that
//! building it, keeping it and writing it to a file (`store`) cost what the
//! text costs:
//! - per entry: its kind, its fiche, the end of its original text in one
//!   shared buffer, and its place (packed: one `u32` for an item of a
//!   one-parcours fiche, the common case of the registry);
//! - the vocabulary (`vocab`): every distinct word, sorted;
//! - per word, its postings: the entries holding it, each with the word's
//!   position among the entry's words (`Posting`).
//!
//! [`Entry`] is what a caller sees of an entry: built on demand
//! ([`SearchIndex::entry`]) for the rows on screen.

pub(crate) mod build;
pub(crate) mod places;
pub(crate) mod vocab;

use std::collections::HashMap;

use serde::Serialize;

use super::kind::Kind;
use crate::model::facet_table::FacetTable;
use crate::model::{Catalogue, Fiche, FicheId, FicheSummary, Numero, ParcoursRef};
pub(crate) use places::{LocRec, PlaceRec, UeRec};
use vocab::Vocab;

/// Where one occurrence of an item sits, precise enough for the TUI to jump to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// The fiche and parcours it occurs in.
    pub parcours: ParcoursRef,
    pub at: Location,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase", tag = "type")]
pub enum Location {
    /// Item `index` of the parcours' list of the entry's kind
    /// (`jobs`, `competences`, `activities` or `sectors`); for the
    /// fiche-level kinds (`Kind::is_fiche_level`), item `index` of the
    /// fiche's list of that kind: 0 for the intitulé and the diploma, the
    /// bloc's index in `Record::blocs`, the code's in `Fiche::rome`, the
    /// certifier's in `Authority::organisations`. A fiche-level item belongs
    /// to every parcours of its fiche, like the common core.
    Item {
        index: usize,
    },
    Ue(UePlace),
    Course {
        #[serde(flatten)]
        ue: UePlace,
        /// Index of the entry in `Ue::courses`.
        course: usize,
        /// Index among the course's alternatives (`Course::titles`), 0 for a plain course.
        alternative: usize,
    },
}

/// A UE's position in a parcours' curriculum.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UePlace {
    /// Semester number (1-based, as in `Semester::number`).
    pub semester: u8,
    /// True for the common core (`Fiche::common_semesters`), false for the parcours' own semesters.
    pub common: bool,
    /// Index of the semester in its list (`common_semesters` or `Parcours::semesters`).
    pub semester_index: usize,
    /// Index of the UE in `Semester::ues`.
    pub ue_index: usize,
    /// The UE code ("UE 7").
    pub code: String,
}

/// One search result candidate: an item of one fiche and all the places it
/// occurs in that fiche (identical items of two fiches are two entries).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The text of its first occurrence, as the fiche spells it.
    pub text: String,
    pub kind: Kind,
    pub fiche: FicheId,
    /// The parcours it belongs to, ascending, without repeats.
    pub parcours: Vec<ParcoursRef>,
    /// Every occurrence, in fiche order.
    pub places: Vec<Place>,
}

impl Entry {
    /// The first place of this entry inside parcours `parcours`, if any.
    pub fn place_in(&self, parcours: ParcoursRef) -> Option<&Place> {
        self.places.iter().find(|p| p.parcours == parcours)
    }
}

/// Identifies an entry of one [`SearchIndex`].
pub type EntryId = u32;

/// Entries an index may hold: postings keep an entry in 24 bits.
pub const MAX_ENTRIES: usize = 1 << 24;

/// One occurrence of a word in an entry: the entry in the low 24 bits, the
/// word's position among the entry's indexed words (stop words aside;
/// capped at 255) in the high 8.
pub(crate) type Posting = u32;

pub(crate) fn posting(entry: EntryId, position: usize) -> Posting {
    debug_assert!((entry as usize) < MAX_ENTRIES);
    entry | (position.min(255) as u32) << 24
}

pub(crate) fn posting_entry(p: Posting) -> EntryId {
    p & 0x00ff_ffff
}

pub(crate) fn posting_position(p: Posting) -> u8 {
    (p >> 24) as u8
}

/// An entry's `meta`: fiche index in the low 24 bits, kind ordinal above.
pub(crate) fn meta(fiche: usize, kind: Kind) -> u32 {
    debug_assert!(fiche < 1 << 24);
    fiche as u32 | (kind.ordinal() as u32) << 24
}

#[inline]
pub(crate) fn meta_fiche(meta: u32) -> usize {
    (meta & 0x00ff_ffff) as usize
}

#[inline]
pub(crate) fn meta_kind(meta: u32) -> Kind {
    Kind::from_ordinal((meta >> 24) as usize)
}

/// `SearchIndex::place` values with this bit set are an offset in
/// `place_bytes` (`places::encode`); without, the one place
/// `Item { index: value }` in parcours 0.
pub(crate) const EXTRA: u32 = 1 << 31;

/// A parcours as results name it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParcoursName {
    /// `Parcours::id` ("europe").
    pub id: String,
    /// `Parcours::short_label()` ("Europe").
    pub short: String,
}

/// What the index keeps of each fiche.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct FicheEntry {
    pub id: FicheId,
    pub summary: FicheSummary,
    /// Its parcours, in fiche order: what an item result names without
    /// the catalogue (an index read back from disk).
    pub parcours: Box<[ParcoursName]>,
    /// The entry that stands for the fiche when nothing in it matched (a
    /// number lookup): its intitulé, else its first entry; `None` when the
    /// fiche has nothing searchable.
    pub first: Option<EntryId>,
}

/// All searchable items of a catalogue. Build once; search many times.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchIndex {
    // Per entry.
    /// Its fiche's index in `fiches` and its kind, packed (`meta_fiche`,
    /// `meta_kind`): what ranking reads of every match, in one load.
    pub(crate) meta: Vec<u32>,
    /// Original texts, concatenated; entry `i`'s ends at `text_end[i]`.
    pub(crate) text: String,
    pub(crate) text_end: Vec<u32>,
    /// Packed places (see `EXTRA`).
    pub(crate) place: Vec<u32>,
    /// Places of entries with more than one, or not a parcours-0 item.
    pub(crate) place_bytes: Vec<u8>,
    pub(crate) ue_codes: Vec<String>,
    // Words.
    pub(crate) vocab: Vocab,
    /// Word `w`'s postings are `postings[posting_start[w]..posting_start[w + 1]]`,
    /// by entry.
    pub(crate) postings: Vec<Posting>,
    pub(crate) posting_start: Vec<u32>,
    // Per fiche.
    pub(crate) fiches: Vec<FicheEntry>,
    /// Fiche `f`'s entries are `fiche_start[f]..fiche_start[f + 1]`.
    pub(crate) fiche_start: Vec<u32>,
    pub(crate) by_numero: HashMap<Numero, FicheId>,
    /// ROME codes (folded, "m1805") and the entry of their label, sorted.
    pub(crate) rome: Vec<(String, EntryId)>,
    pub(crate) facet_table: FacetTable,
}

impl SearchIndex {
    /// What follows from the fiches' summaries (facet values numbered,
    /// numbers to fiches): made after a build and after a read, never
    /// stored, so that nothing read can disagree with the summaries.
    pub(crate) fn derive_from_summaries(&mut self) {
        self.facet_table = FacetTable::new(self.fiches.iter().map(|f| &f.summary));
        self.by_numero = self
            .fiches
            .iter()
            .map(|f| (f.summary.numero.clone(), f.id))
            .collect();
    }

    /// Indexes the intitulé, diploma, blocs, ROME labels and certifiers of
    /// every fiche, and the jobs, competences, activities, sectors, UE titles
    /// and courses of every parcours. Within a fiche, items equal after
    /// normalisation (`item_key` for list items, the more tolerant
    /// `title_key` for UE and course titles) are one entry listing all their
    /// places; common-core UEs and courses belong to every parcours.
    pub fn build(catalogue: &Catalogue) -> SearchIndex {
        build::build(
            catalogue
                .iter()
                .map(|(id, f)| (id, f, catalogue.summary(id))),
        )
    }

    /// The index of one fiche on its own (as the first of a catalogue).
    pub fn of_fiche(fiche: &Fiche) -> SearchIndex {
        let summary = FicheSummary::of(fiche);
        build::build(std::iter::once((FicheId::FIRST, fiche, &summary)))
    }

    pub fn len(&self) -> usize {
        self.meta.len()
    }

    pub fn is_empty(&self) -> bool {
        self.meta.is_empty()
    }

    /// Entry `id` with its places (built on demand: call it for rows on screen).
    pub fn entry(&self, id: EntryId) -> Entry {
        let places = self.places(id);
        let mut parcours: Vec<ParcoursRef> = places.iter().map(|p| p.parcours).collect();
        parcours.sort_unstable();
        parcours.dedup();
        Entry {
            text: self.text(id).to_string(),
            kind: self.kind(id),
            fiche: self.fiche(id),
            parcours,
            places,
        }
    }

    /// Every entry, in index order (built on demand: for tests and tools).
    pub fn entries(&self) -> impl Iterator<Item = Entry> + '_ {
        (0..self.len() as EntryId).map(|id| self.entry(id))
    }

    /// Entry `id`'s text, as the fiche spells it.
    pub fn text(&self, id: EntryId) -> &str {
        let i = id as usize;
        let start = if i == 0 { 0 } else { self.text_end[i - 1] };
        &self.text[start as usize..self.text_end[i] as usize]
    }

    pub fn kind(&self, id: EntryId) -> Kind {
        meta_kind(self.meta[id as usize])
    }

    pub fn fiche(&self, id: EntryId) -> FicheId {
        self.fiches[self.fiche_index(id)].id
    }

    /// Entry `id`'s fiche, as an index in `fiches`.
    #[inline]
    pub(crate) fn fiche_index(&self, id: EntryId) -> usize {
        meta_fiche(self.meta[id as usize])
    }

    /// Every place of entry `id`, in fiche order.
    pub fn places(&self, id: EntryId) -> Vec<Place> {
        let fiche = self.fiche(id);
        let packed = self.place[id as usize];
        if packed & EXTRA == 0 {
            return vec![Place {
                parcours: ParcoursRef::new(fiche, 0),
                at: Location::Item {
                    index: packed as usize,
                },
            }];
        }
        // Checked when the index is built or read back, so never empty.
        places::decode(&self.place_bytes, (packed & !EXTRA) as usize)
            .unwrap_or_default()
            .iter()
            .map(|p| Place {
                parcours: ParcoursRef::new(fiche, p.parcours as usize),
                at: self.location(p.at),
            })
            .collect()
    }

    fn location(&self, at: LocRec) -> Location {
        let ue = |u: UeRec| UePlace {
            semester: u.semester,
            common: u.common,
            semester_index: u.semester_index as usize,
            ue_index: u.ue_index as usize,
            code: self.ue_codes[u.code as usize].clone(),
        };
        match at {
            LocRec::Item(index) => Location::Item {
                index: index as usize,
            },
            LocRec::Ue(u) => Location::Ue(ue(u)),
            LocRec::Course {
                ue: u,
                course,
                alternative,
            } => Location::Course {
                ue: ue(u),
                course: course as usize,
                alternative: alternative as usize,
            },
        }
    }

    /// The kinds the index holds an entry of, in [`Kind::EVERY`] order
    /// (what a kind filter may usefully cycle through: `Filter::cycle_in`).
    pub fn kinds(&self) -> Vec<Kind> {
        let mut seen = [false; Kind::EVERY.len()];
        for &m in &self.meta {
            seen[meta_kind(m).ordinal()] = true;
        }
        Kind::EVERY
            .into_iter()
            .filter(|k| seen[k.ordinal()])
            .collect()
    }

    /// How many fiches the index covers.
    pub fn fiche_count(&self) -> usize {
        self.fiches.len()
    }

    /// Fiche `id` in brief, as the index was built with it.
    pub fn summary(&self, id: FicheId) -> &FicheSummary {
        &self.fiches[id.index()].summary
    }

    /// Fiche `id`'s parcours, in fiche order (`ParcoursRef::parcours` indexes it).
    pub fn parcours_names(&self, id: FicheId) -> &[ParcoursName] {
        &self.fiches[id.index()].parcours
    }

    /// Bytes of folded text the index stands for: the sum of its entries'
    /// texts folded (what a scan over folded items would read). Folds them
    /// all: for reports, not for a keystroke.
    pub fn folded_bytes(&self) -> usize {
        let mut folded = String::new();
        (0..self.len() as EntryId)
            .map(|e| {
                folded.clear();
                crate::model::normalize::fold_into(self.text(e), &mut folded);
                folded.len()
            })
            .sum()
    }

    /// Heap bytes the index holds (its arrays, summaries aside: those are
    /// the catalogue's).
    pub fn heap_bytes(&self) -> usize {
        let v = |n: usize, size: usize| n * size;
        v(self.meta.capacity(), 4)
            + self.text.capacity()
            + v(self.text_end.capacity(), 4)
            + v(self.place.capacity(), 4)
            + self.place_bytes.capacity()
            + self
                .ue_codes
                .iter()
                .map(|c| c.capacity() + 24)
                .sum::<usize>()
            + self.vocab.heap_bytes()
            + v(self.postings.capacity(), 4)
            + v(self.posting_start.capacity(), 4)
            + v(self.fiche_start.capacity(), 4)
            + self
                .rome
                .iter()
                .map(|(c, _)| c.capacity() + 28)
                .sum::<usize>()
            + self.facet_table.heap_bytes()
    }

    /// Entry range of fiche index `f`.
    pub(crate) fn fiche_entries(&self, f: usize) -> std::ops::Range<usize> {
        self.fiche_start[f] as usize..self.fiche_start[f + 1] as usize
    }

    /// Word `w`'s postings.
    pub(crate) fn postings_of(&self, w: usize) -> &[Posting] {
        &self.postings[self.posting_start[w] as usize..self.posting_start[w + 1] as usize]
    }
}
