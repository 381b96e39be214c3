//! The catalogue: the ordered set of fiches a run works on, each with a
//! typed id, and lookup by number. With no `--data` it holds the embedded
//! fiche alone; with the registry, tens of thousands.

use std::collections::HashMap;

use super::numero::{Numero, Repertoire, parse_numero};
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
    fiches: Vec<Fiche>,
    /// Each fiche in brief, kept in step with `fiches`.
    summaries: Vec<FicheSummary>,
    /// Where each fiche was read from (a file name, or the embedded asset).
    sources: Vec<String>,
    by_numero: HashMap<Numero, FicheId>,
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
        let numero = fiche.numero();
        if let Some(&existing) = self.by_numero.get(&numero) {
            return Err(Duplicate {
                numero,
                existing,
                existing_source: self.sources[existing.index()].clone(),
            });
        }
        let id = FicheId(u32::try_from(self.fiches.len()).expect("fewer than 4 G fiches"));
        self.by_numero.insert(numero, id);
        self.summaries.push(FicheSummary::of(&fiche));
        self.fiches.push(fiche);
        self.sources.push(source.to_string());
        Ok(id)
    }

    pub fn len(&self) -> usize {
        self.fiches.len()
    }

    pub fn is_empty(&self) -> bool {
        self.fiches.is_empty()
    }

    /// The fiche `id` names. Ids only come from this catalogue, so one out of
    /// range is a bug, not bad data.
    pub fn get(&self, id: FicheId) -> &Fiche {
        &self.fiches[id.index()]
    }

    /// Completes fiche `id` while the catalogue is built (its number, hence
    /// its place in the lookup, must not change); its summary follows.
    pub(crate) fn update(&mut self, id: FicheId, change: impl FnOnce(&mut Fiche)) {
        let fiche = &mut self.fiches[id.index()];
        change(fiche);
        debug_assert_eq!(fiche.numero(), self.summaries[id.index()].numero);
        self.summaries[id.index()] = FicheSummary::of(fiche);
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
        &self.sources[id.index()]
    }

    pub fn ids(&self) -> impl ExactSizeIterator<Item = FicheId> + use<> {
        (0..self.fiches.len() as u32).map(FicheId)
    }

    pub fn iter(&self) -> impl ExactSizeIterator<Item = (FicheId, &Fiche)> {
        self.fiches
            .iter()
            .enumerate()
            .map(|(i, f)| (FicheId(i as u32), f))
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
        self.fiches.get(r.fiche.index())?.parcours.get(r.parcours)
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
