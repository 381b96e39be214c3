//! The catalogue: the ordered set of fiches a run works on, each with a
//! typed id, and lookup by number. With no `--data` it holds the embedded
//! fiche alone; with the registry, tens of thousands. A reopened export's
//! fiches are there in brief at once (`summary`) and whole when first asked
//! for (`get`), decoded from the cache (`registry::Bodies`).

use std::collections::HashMap;
use std::sync::Arc;

use super::numero::{Numero, Repertoire, parse_numero};
use super::registry::Bodies;
use super::summary::FicheSummary;
use super::{Fiche, Parcours};

/// A fiche of one [`Catalogue`]: its position, stable for the whole run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FicheId(u32);

impl FicheId {
    /// The first fiche of any non-empty catalogue.
    pub const FIRST: FicheId = FicheId(0);

    pub fn index(self) -> usize {
        self.0 as usize
    }

    /// The id at position `index`, for data that refers to this
    /// catalogue's fiches by position (a search index read back from disk,
    /// built from the same files).
    pub(crate) fn from_position(index: usize) -> FicheId {
        FicheId(u32::try_from(index).expect("fewer than 4 G fiches"))
    }
}

/// One parcours of one fiche. A fiche without tracks has its one implicit
/// parcours (index 0), as the data format requires.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ParcoursRef {
    pub fiche: FicheId,
    /// Index into that fiche's `parcours`.
    pub parcours: usize,
}

impl ParcoursRef {
    pub fn new(fiche: FicheId, parcours: usize) -> ParcoursRef {
        ParcoursRef { fiche, parcours }
    }
}

/// A second fiche with a number already in the catalogue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Duplicate {
    pub numero: Numero,
    /// The fiche that has the number already, and where it came from.
    pub existing: FicheId,
    pub existing_source: String,
}

/// The fiches of a run, in the order they were added.
#[derive(Debug, Clone, Default)]
pub struct Catalogue {
    fiches: Vec<Slot>,
    /// Each fiche in brief, kept in step with `fiches`.
    summaries: Vec<FicheSummary>,
    /// Where each fiche was read from: an index into `source_names`.
    sources: Vec<u32>,
    /// The files read (a file name, or the embedded asset), each once.
    source_names: Vec<String>,
    /// foldhash rather than SipHash: 30 000 numbers are hashed on every
    /// start, and they come from the user's own files.
    by_numero: HashMap<Numero, FicheId, foldhash::fast::RandomState>,
}

/// One fiche: whole, or in a cache until first asked for.
#[derive(Debug, Clone)]
enum Slot {
    Whole(Box<Fiche>),
    Deferred { bodies: Arc<Bodies>, index: usize },
}

impl Catalogue {
    pub fn new() -> Catalogue {
        Catalogue::default()
    }

    /// A catalogue of one fiche.
    pub fn single(fiche: Fiche, source: &str) -> Catalogue {
        let mut catalogue = Catalogue::new();
        catalogue
            .add(fiche, source)
            .expect("an empty catalogue has no number yet");
        catalogue
    }

    /// Adds `fiche`, read from `source`; a number already present is refused.
    pub fn add(&mut self, fiche: Fiche, source: &str) -> Result<FicheId, Duplicate> {
        let summary = FicheSummary::of(&fiche);
        self.push(Slot::Whole(Box::new(fiche)), summary, source)
    }

    /// Adds the fiches of a reopened export (`bodies`, with their
    /// `summaries`), read from `source`, in order; stops at a number already
    /// present. Their bodies are decoded when first asked for.
    pub fn add_deferred(
        &mut self,
        summaries: Vec<FicheSummary>,
        bodies: &Arc<Bodies>,
        source: &str,
    ) -> Result<(), Duplicate> {
        self.fiches.reserve(summaries.len());
        self.summaries.reserve(summaries.len());
        self.sources.reserve(summaries.len());
        self.by_numero.reserve(summaries.len());
        for (index, summary) in summaries.into_iter().enumerate() {
            let bodies = Arc::clone(bodies);
            self.push(Slot::Deferred { bodies, index }, summary, source)?;
        }
        Ok(())
    }

    fn push(
        &mut self,
        slot: Slot,
        summary: FicheSummary,
        source: &str,
    ) -> Result<FicheId, Duplicate> {
        if let Some(&existing) = self.by_numero.get(&summary.numero) {
            return Err(Duplicate {
                numero: summary.numero,
                existing,
                existing_source: self.source(existing).to_string(),
            });
        }
        let id = FicheId(u32::try_from(self.fiches.len()).expect("fewer than 4 G fiches"));
        self.by_numero.insert(summary.numero.clone(), id);
        if self.source_names.last().map(String::as_str) != Some(source) {
            self.source_names.push(source.to_string());
        }
        self.sources.push((self.source_names.len() - 1) as u32);
        self.summaries.push(summary);
        self.fiches.push(slot);
        Ok(id)
    }

    pub fn len(&self) -> usize {
        self.fiches.len()
    }

    pub fn is_empty(&self) -> bool {
        self.fiches.is_empty()
    }

    /// The fiche `id` names (decoded now if it was still in the cache). Ids
    /// only come from this catalogue, so one out of range is a bug, not bad
    /// data.
    pub fn get(&self, id: FicheId) -> &Fiche {
        match &self.fiches[id.index()] {
            Slot::Whole(fiche) => fiche,
            Slot::Deferred { bodies, index } => bodies.get(*index, &self.summaries[id.index()]),
        }
    }

    /// Whether `get(id)` returns at once (the fiche is whole already).
    pub fn is_decoded(&self, id: FicheId) -> bool {
        match &self.fiches[id.index()] {
            Slot::Whole(_) => true,
            Slot::Deferred { bodies, index } => bodies.is_decoded(*index),
        }
    }

    /// Completes fiche `id` while the catalogue is built (its number, hence
    /// its place in the lookup, must not change); its summary follows.
    pub(crate) fn update(&mut self, id: FicheId, change: impl FnOnce(&mut Fiche)) {
        let slot = &mut self.fiches[id.index()];
        if let Slot::Deferred { bodies, index } = slot {
            // The cache's copy stays as it was; this fiche is whole from now on.
            let fiche = bodies.get(*index, &self.summaries[id.index()]).clone();
            *slot = Slot::Whole(Box::new(fiche));
        }
        let Slot::Whole(fiche) = slot else {
            unreachable!("made whole above")
        };
        change(fiche);
        debug_assert_eq!(fiche.numero(), self.summaries[id.index()].numero);
        self.summaries[id.index()] = FicheSummary::of(fiche);
    }

    /// The caches this catalogue's deferred fiches come from, each once.
    fn bodies(&self) -> Vec<&Arc<Bodies>> {
        let mut out: Vec<&Arc<Bodies>> = Vec::new();
        for slot in &self.fiches {
            if let Slot::Deferred { bodies, .. } = slot
                && !out.last().is_some_and(|b| Arc::ptr_eq(b, bodies))
                && !out.iter().any(|b| Arc::ptr_eq(b, bodies))
            {
                out.push(bodies);
            }
        }
        out
    }

    /// Starts decoding the fiches still in a cache on background threads
    /// (one per core, slightly below the interface's priority); `get` never waits for
    /// them. Does nothing when every fiche is whole.
    pub fn decode_in_background(&self) {
        for bodies in self.bodies() {
            bodies.decode_in_background();
        }
    }

    /// Returns once every fiche is whole: waits for the background decoder,
    /// then decodes what is left (on every core).
    pub fn decode_all(&self) {
        use rayon::prelude::*;
        for bodies in self.bodies() {
            bodies.wait();
        }
        (0..self.fiches.len() as u32).into_par_iter().for_each(|i| {
            self.get(FicheId(i));
        });
    }

    /// Fiche `id` in brief (what lists, facets and rankings read).
    pub fn summary(&self, id: FicheId) -> &FicheSummary {
        &self.summaries[id.index()]
    }

    /// Every fiche in brief, in catalogue order (index = `FicheId`).
    pub fn summaries(&self) -> &[FicheSummary] {
        &self.summaries
    }

    /// Where fiche `id` was read from.
    pub fn source(&self, id: FicheId) -> &str {
        &self.source_names[self.sources[id.index()] as usize]
    }

    pub fn ids(&self) -> impl ExactSizeIterator<Item = FicheId> + use<> {
        (0..self.fiches.len() as u32).map(FicheId)
    }

    /// Every fiche, whole (those still in a cache are decoded as they come).
    pub fn iter(&self) -> impl ExactSizeIterator<Item = (FicheId, &Fiche)> {
        self.ids().map(|id| (id, self.get(id)))
    }

    /// The fiche with this exact number.
    pub fn find(&self, numero: &Numero) -> Option<FicheId> {
        self.by_numero.get(numero).copied()
    }

    /// The fiche a user means by `text` ("RNCP24759", "24759", "rncp 24759",
    /// "RS5000"). Without a register, an RNCP number is preferred to an RS one.
    pub fn lookup(&self, text: &str) -> Option<FicheId> {
        let query = parse_numero(text)?;
        let registers = match query.repertoire {
            Some(r) => vec![r],
            None => vec![Repertoire::Rncp, Repertoire::Rs],
        };
        registers.into_iter().find_map(|repertoire| {
            self.find(&Numero {
                repertoire,
                digits: query.digits.clone(),
            })
        })
    }

    /// The parcours a reference names, if it exists.
    pub fn parcours(&self, r: ParcoursRef) -> Option<&Parcours> {
        if r.fiche.index() >= self.fiches.len() {
            return None;
        }
        self.get(r.fiche).parcours.get(r.parcours)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::embedded;

    fn with_number(code: &str) -> Fiche {
        let mut fiche = embedded();
        fiche.rncp_code = code.into();
        fiche
    }

    #[test]
    fn every_number_form_finds_the_fiche() {
        let mut catalogue = Catalogue::single(embedded(), "embedded");
        let other = catalogue.add(with_number("37674"), "b.ron").unwrap();
        for form in ["RNCP24759", "24759", "rncp 24759", "RNCP-24759"] {
            assert_eq!(catalogue.lookup(form), Some(FicheId::FIRST), "{form}");
        }
        assert_eq!(catalogue.lookup("37674"), Some(other));
        assert_eq!(catalogue.lookup("RS24759"), None, "another register");
        assert_eq!(catalogue.lookup("99999"), None);
        assert_eq!(catalogue.lookup("europe"), None);
        assert_eq!(catalogue.source(other), "b.ron");
    }

    #[test]
    fn a_second_fiche_with_the_same_number_is_refused() {
        let mut catalogue = Catalogue::single(embedded(), "a.ron");
        let err = catalogue.add(with_number("024759"), "b.ron").unwrap_err();
        assert_eq!(err.existing, FicheId::FIRST);
        assert_eq!(err.existing_source, "a.ron");
        assert_eq!(err.numero.to_string(), "RNCP24759");
        assert_eq!(catalogue.len(), 1);
    }

    #[test]
    fn parcours_refs_resolve_within_their_fiche() {
        let mut catalogue = Catalogue::single(embedded(), "a");
        let b = catalogue.add(with_number("1"), "b").unwrap();
        let europe = catalogue
            .get(b)
            .parcours
            .iter()
            .position(|p| p.id == "europe");
        let r = ParcoursRef::new(b, europe.unwrap());
        assert_eq!(catalogue.parcours(r).map(|p| p.id.as_str()), Some("europe"));
        assert_eq!(catalogue.parcours(ParcoursRef::new(b, 99)), None);
        let ids: Vec<FicheId> = catalogue.ids().collect();
        assert_eq!(ids, vec![FicheId::FIRST, b]);
    }
}
