//! The search index: every searchable item of a catalogue's fiches, grouped
//! across the parcours of each fiche, folded once for matching.

use std::collections::HashMap;

use serde::Serialize;

use super::kind::Kind;
use crate::model::FicheSummary;
use crate::model::normalize::{fold_str, item_key, title_key};
use crate::model::{Catalogue, Fiche, FicheId, Numero, Parcours, ParcoursRef, Semester};

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

/// All searchable items of a fiche. Build once; search many times.
///
/// The matching data lives apart from the entries, in one contiguous buffer
/// of folded text, so a scan touches little memory. Only folded text is kept:
/// highlighting re-folds the few rows on screen to get the origin map
/// (`fold` is deterministic, so positions agree), which saves four bytes per
/// char of every item.
#[derive(Debug, Clone, Default)]
pub struct SearchIndex {
    pub(crate) entries: Vec<Entry>,
    /// All folded texts, concatenated.
    pub(crate) folded: String,
    /// Byte range of each entry's folded text in `folded`.
    pub(crate) spans: Vec<(u32, u32)>,
    /// Char count of each entry's original text (shorter ranks first on ties).
    pub(crate) lengths: Vec<u32>,
    /// Whether each entry's folded text is ASCII (the fast scorer's domain).
    pub(crate) ascii: Vec<bool>,
    /// Per fiche (by `FicheId::index`): its id, summary and first entry.
    pub(crate) fiches: Vec<FicheEntry>,
    pub(crate) by_numero: HashMap<Numero, FicheId>,
}

/// What the index keeps of each fiche.
#[derive(Debug, Clone)]
pub(crate) struct FicheEntry {
    pub id: FicheId,
    pub summary: FicheSummary,
    /// The entry that stands for the fiche when nothing in it matched (a
    /// number lookup): its intitulé, else its first entry; `None` when the
    /// fiche has nothing searchable.
    pub first: Option<EntryId>,
    /// Its ROME entries, with their folded code ("m1805").
    pub rome: Vec<(String, EntryId)>,
}

impl SearchIndex {
    /// Indexes jobs, competences, activities, sectors, UE titles and courses
    /// of every parcours of every fiche. Within a fiche, items equal after
    /// normalisation (`item_key` for list items, the more tolerant
    /// `title_key` for UE and course titles) are one entry listing all their
    /// places; common-core UEs and courses belong to every parcours.
    pub fn build(catalogue: &Catalogue) -> SearchIndex {
        let mut builder = Builder::default();
        for (id, fiche) in catalogue.iter() {
            builder.fiche(id, fiche, catalogue.summary(id).clone());
        }
        builder.finish()
    }

    /// The index of one fiche on its own (as the first of a catalogue).
    pub fn of_fiche(fiche: &Fiche) -> SearchIndex {
        let mut builder = Builder::default();
        builder.fiche(FicheId::FIRST, fiche, FicheSummary::of(fiche));
        builder.finish()
    }

    /// The kinds the index holds an entry of, in [`Kind::EVERY`] order
    /// (what a kind filter may usefully cycle through: `Filter::cycle_in`).
    pub fn kinds(&self) -> Vec<Kind> {
        let mut seen = [false; Kind::EVERY.len()];
        for e in &self.entries {
            seen[Kind::EVERY.iter().position(|k| *k == e.kind).unwrap_or(0)] = true;
        }
        Kind::EVERY
            .into_iter()
            .zip(seen)
            .filter(|(_, s)| *s)
            .map(|(k, _)| k)
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

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    pub fn entry(&self, id: EntryId) -> &Entry {
        &self.entries[id as usize]
    }

    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The folded text an entry is matched against.
    pub fn folded(&self, id: EntryId) -> &str {
        let (start, end) = self.spans[id as usize];
        &self.folded[start as usize..end as usize]
    }
}

#[derive(Default)]
struct Builder {
    entries: Vec<Entry>,
    /// Entries of the fiche being added, by normalised key: grouping stops
    /// at the fiche's edge, so the map is cleared between fiches.
    by_key: HashMap<(Kind, String), usize>,
    fiches: Vec<FicheEntry>,
}

impl Builder {
    fn fiche(&mut self, id: FicheId, fiche: &Fiche, summary: FicheSummary) {
        self.by_key.clear();
        let first = self.entries.len();
        self.fiche_level(id, fiche);
        let rome = fiche
            .rome
            .iter()
            .enumerate()
            .filter_map(|(index, code)| {
                let found = self.entries[first..].iter().position(|e| {
                    e.kind == Kind::Rome
                        && e.places.iter().any(|p| p.at == Location::Item { index })
                })?;
                Some((fold_str(code.code.trim()), to_u32(first + found)))
            })
            .collect();
        let at = |p_index| ParcoursRef::new(id, p_index);
        for (p_index, parcours) in fiche.parcours.iter().enumerate() {
            self.lists(at(p_index), parcours);
        }
        for (s_index, semester) in fiche.common_semesters.iter().enumerate() {
            for p_index in 0..fiche.parcours.len() {
                self.semester(at(p_index), semester, s_index, true);
            }
        }
        for (p_index, parcours) in fiche.parcours.iter().enumerate() {
            for (s_index, semester) in parcours.semesters.iter().enumerate() {
                self.semester(at(p_index), semester, s_index, false);
            }
        }
        self.fiches.push(FicheEntry {
            id,
            summary,
            first: (self.entries.len() > first).then(|| to_u32(first)),
            rome,
        });
    }

    /// The certification-level items: intitulé, diploma, blocs, ROME
    /// labels, certifiers, each in every parcours of the fiche.
    fn fiche_level(&mut self, id: FicheId, fiche: &Fiche) {
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
        // At least one parcours: a fiche always has its implicit one, but
        // its items must not vanish if it had none.
        let parcours = fiche.parcours.len().max(1);
        for (kind, items) in lists {
            for (index, text) in items.into_iter().enumerate() {
                for p_index in 0..parcours {
                    let place = Place {
                        parcours: ParcoursRef::new(id, p_index),
                        at: Location::Item { index },
                    };
                    self.add(kind, text, item_key(text), place);
                }
            }
        }
    }

    fn lists(&mut self, p_index: ParcoursRef, parcours: &Parcours) {
        let lists = [
            (Kind::Job, &parcours.jobs),
            (Kind::Competence, &parcours.competences),
            (Kind::Activity, &parcours.activities),
            (Kind::Sector, &parcours.sectors),
        ];
        for (kind, items) in lists {
            for (index, text) in items.iter().enumerate() {
                let place = Place {
                    parcours: p_index,
                    at: Location::Item { index },
                };
                self.add(kind, text, item_key(text), place);
            }
        }
    }

    fn semester(
        &mut self,
        p_index: ParcoursRef,
        semester: &Semester,
        s_index: usize,
        common: bool,
    ) {
        for (ue_index, ue) in semester.ues.iter().enumerate() {
            let ue_place = UePlace {
                semester: semester.number,
                common,
                semester_index: s_index,
                ue_index,
                code: ue.code.clone(),
            };
            let place = Place {
                parcours: p_index,
                at: Location::Ue(ue_place.clone()),
            };
            self.add(Kind::Ue, &ue.title, title_key(&ue.title), place);
            for (course, entry) in ue.courses.iter().enumerate() {
                for (alternative, title) in entry.titles().iter().enumerate() {
                    let place = Place {
                        parcours: p_index,
                        at: Location::Course {
                            ue: ue_place.clone(),
                            course,
                            alternative,
                        },
                    };
                    self.add(Kind::Course, title, title_key(title), place);
                }
            }
        }
    }

    fn add(&mut self, kind: Kind, text: &str, key: String, place: Place) {
        // A text with nothing searchable in it (empty, punctuation) is no result.
        if !text.chars().any(char::is_alphanumeric) {
            return;
        }
        let index = *self.by_key.entry((kind, key)).or_insert_with(|| {
            self.entries.push(Entry {
                text: text.to_string(),
                kind,
                fiche: place.parcours.fiche,
                parcours: Vec::new(),
                places: Vec::new(),
            });
            self.entries.len() - 1
        });
        let entry = &mut self.entries[index];
        if !entry.parcours.contains(&place.parcours) {
            entry.parcours.push(place.parcours);
        }
        entry.places.push(place);
    }

    fn finish(mut self) -> SearchIndex {
        let mut folded = String::new();
        let mut spans = Vec::with_capacity(self.entries.len());
        let mut lengths = Vec::with_capacity(self.entries.len());
        let mut ascii = Vec::with_capacity(self.entries.len());
        for entry in &mut self.entries {
            entry.parcours.sort_unstable();
            let start = folded.len();
            let text = fold_str(&entry.text);
            ascii.push(text.is_ascii());
            folded.push_str(&text);
            spans.push((to_u32(start), to_u32(folded.len())));
            lengths.push(to_u32(entry.text.chars().count()));
        }
        let by_numero = self
            .fiches
            .iter()
            .map(|f| (f.summary.numero.clone(), f.id))
            .collect();
        SearchIndex {
            entries: self.entries,
            folded,
            spans,
            lengths,
            ascii,
            fiches: self.fiches,
            by_numero,
        }
    }
}

/// Offsets fit in u32 for any fiche the loader accepts (files are capped far below 4 GiB).
fn to_u32(n: usize) -> u32 {
    u32::try_from(n).expect("search index larger than 4 GiB")
}
