//! Facet counts for every keystroke: `FacetCounts::compute`'s answer from a
//! table made once per set of fiches (each fiche's répertoire, level, state,
//! and its NSF codes, ROME codes and certifiers numbered) and the facets'
//! verdict on each fiche worked out once per facet choice ([`Verdicts`]), so
//! that counting is adding to arrays: no hashing, no string compare. Used by
//! the fiche list and the search engine; tests check it equals
//! `FacetCounts::compute`, which stays the reference.

use std::collections::HashMap;

use super::facets::{Dimension, FacetCounts, FacetFilter};
use super::numero::Repertoire;
use super::summary::FicheSummary;

type Hashed<'a> = HashMap<&'a str, u32, foldhash::fast::RandomState>;

/// What the facets say of each fiche: it passes them all, fails exactly one
/// (which one), or fails several (it then counts nowhere).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Verdicts(Vec<u8>);

/// A verdict: passes every facet.
const PASSES: u8 = 0;
/// A verdict: fails two facets or more. Else, failing one is its
/// `Dimension::ALL` position + 1.
const SEVERAL: u8 = u8::MAX;

impl Verdicts {
    /// The verdicts of `filter` on `fiches`, in order (the fiche indices
    /// [`FacetTable::counts`] takes).
    pub fn new<'a>(
        filter: &FacetFilter,
        fiches: impl IntoIterator<Item = &'a FicheSummary>,
    ) -> Verdicts {
        Verdicts(
            fiches
                .into_iter()
                .map(|fiche| match filter.failing(fiche) {
                    Ok(None) => PASSES,
                    Ok(Some(dimension)) => position(dimension),
                    Err(()) => SEVERAL,
                })
                .collect(),
        )
    }

    /// Whether fiche `f` passes every facet.
    pub fn passes(&self, f: usize) -> bool {
        self.0[f] == PASSES
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

fn position(dimension: Dimension) -> u8 {
    Dimension::ALL
        .iter()
        .position(|d| *d == dimension)
        .expect("a dimension") as u8
        + 1
}

/// The facet values of a set of fiches, numbered (see the module's comment).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FacetTable {
    repertoire: Vec<Repertoire>,
    level: Vec<Option<u8>>,
    active: Vec<Option<bool>>,
    nsf: Values,
    rome: Values,
    /// Numbered by folded name.
    certifier: Values,
    /// For each of `certifier.ids`, the number of the name it is spelled
    /// with in that fiche (its first certifier with that folded name).
    spelling: Vec<u32>,
    spellings: Vec<String>,
}

/// A CSR list of value numbers per fiche (each fiche's distinct values, in
/// its order), and each number's name.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Values {
    start: Vec<u32>,
    ids: Vec<u32>,
    names: Vec<String>,
}

impl Values {
    fn range(&self, f: usize) -> std::ops::Range<usize> {
        self.start[f] as usize..self.start[f + 1] as usize
    }

    fn heap_bytes(&self) -> usize {
        4 * (self.start.capacity() + self.ids.capacity()) + names_bytes(&self.names)
    }
}

fn names_bytes(names: &[String]) -> usize {
    names.iter().map(|n| n.capacity() + 24).sum()
}

/// Numbers distinct keys, each fiche's values once, in fiche order.
#[derive(Default)]
struct Numbering<'a> {
    values: Values,
    by_key: Hashed<'a>,
}

impl<'a> Numbering<'a> {
    /// Adds a fiche's `keys`; yields each kept key's position in them.
    fn fiche(&mut self, keys: impl Iterator<Item = &'a str>, mut kept: impl FnMut(usize)) {
        self.values.start.push(self.values.ids.len() as u32);
        let from = self.values.ids.len();
        for (at, key) in keys.enumerate() {
            let id = number(&mut self.by_key, key);
            if !self.values.ids[from..].contains(&id) {
                self.values.ids.push(id);
                kept(at);
            }
        }
    }

    fn finish(mut self) -> Values {
        self.values.start.push(self.values.ids.len() as u32);
        self.values.names = names(self.by_key);
        self.values
    }
}

fn number<'a>(by_key: &mut Hashed<'a>, key: &'a str) -> u32 {
    let next = by_key.len() as u32;
    *by_key.entry(key).or_insert(next)
}

fn names(by_key: Hashed<'_>) -> Vec<String> {
    let mut names = vec![String::new(); by_key.len()];
    for (key, id) in by_key {
        names[id as usize] = key.to_string();
    }
    names
}

impl FacetTable {
    /// The table of `fiches`, in order: fiche `f` is the `f`-th.
    pub fn new<'a>(fiches: impl IntoIterator<Item = &'a FicheSummary>) -> FacetTable {
        let mut table = FacetTable::default();
        let (mut nsf, mut rome, mut certifier) = (
            Numbering::default(),
            Numbering::default(),
            Numbering::default(),
        );
        let mut spellings = Hashed::default();
        for s in fiches {
            table.repertoire.push(s.numero.repertoire);
            table.level.push(s.level);
            table.active.push(s.active);
            nsf.fiche(s.nsf.iter().map(String::as_str), |_| {});
            rome.fiche(s.rome.iter().map(String::as_str), |_| {});
            certifier.fiche(s.certifiers.iter().map(|c| c.folded.as_str()), |at| {
                let id = number(&mut spellings, &s.certifiers[at].name);
                table.spelling.push(id);
            });
        }
        table.nsf = nsf.finish();
        table.rome = rome.finish();
        table.certifier = certifier.finish();
        table.spellings = names(spellings);
        table
    }

    /// How many fiches the table is of.
    pub fn len(&self) -> usize {
        self.level.len()
    }

    pub fn is_empty(&self) -> bool {
        self.level.is_empty()
    }

    /// `FacetCounts::compute` over the fiches `answering` (indices into the
    /// table, ascending: a certifier is spelled as in the first fiche
    /// counted), given the facets' `verdicts` on every fiche of the table.
    pub fn counts(
        &self,
        verdicts: &Verdicts,
        answering: impl IntoIterator<Item = usize>,
    ) -> FacetCounts {
        assert_eq!(verdicts.len(), self.len(), "verdicts on the table's fiches");
        let mut repertoire = [0usize; 2];
        let mut level = [0usize; 257];
        let (mut active, mut inactive, mut unknown) = (0, 0, 0);
        let mut nsf = vec![0usize; self.nsf.names.len()];
        let mut rome = vec![0usize; self.rome.names.len()];
        let mut certifier = vec![0usize; self.certifier.names.len()];
        // The spelling a certifier is shown with: that of the first fiche counted.
        let mut spelling: Vec<Option<u32>> = vec![None; self.certifier.names.len()];
        let mut total = 0;
        let [r, l, a, n, o, c] = Dimension::ALL.map(position);
        for f in answering {
            let v = verdicts.0[f];
            if v == SEVERAL {
                continue;
            }
            if v == PASSES {
                total += 1;
            }
            let on = |d: u8| v == PASSES || v == d;
            if on(r) {
                repertoire[usize::from(self.repertoire[f] == Repertoire::Rs)] += 1;
            }
            if on(l) {
                level[self.level[f].map_or(256, usize::from)] += 1;
            }
            if on(a) {
                match self.active[f] {
                    Some(true) => active += 1,
                    Some(false) => inactive += 1,
                    None => unknown += 1,
                }
            }
            if on(n) {
                for &id in &self.nsf.ids[self.nsf.range(f)] {
                    nsf[id as usize] += 1;
                }
            }
            if on(o) {
                for &id in &self.rome.ids[self.rome.range(f)] {
                    rome[id as usize] += 1;
                }
            }
            if on(c) {
                for i in self.certifier.range(f) {
                    let id = self.certifier.ids[i] as usize;
                    certifier[id] += 1;
                    spelling[id].get_or_insert(self.spelling[i]);
                }
            }
        }
        let named = |names: &[String], counts: &[usize]| {
            most_first(
                counts
                    .iter()
                    .enumerate()
                    .filter(|(_, n)| **n > 0)
                    .map(|(id, n)| (names[id].clone(), *n)),
            )
        };
        FacetCounts {
            total,
            repertoire: [Repertoire::Rncp, Repertoire::Rs]
                .into_iter()
                .zip(repertoire)
                .filter(|(_, n)| *n > 0)
                .collect(),
            level: (0..=u8::MAX)
                .map(|l| (Some(l), level[usize::from(l)]))
                .chain(std::iter::once((None, level[256])))
                .filter(|(_, n)| *n > 0)
                .collect(),
            active,
            inactive,
            unknown_state: unknown,
            nsf: named(&self.nsf.names, &nsf),
            rome: named(&self.rome.names, &rome),
            certifier: most_first(
                spelling
                    .iter()
                    .zip(&certifier)
                    .filter_map(|(at, n)| at.map(|s| (self.spellings[s as usize].clone(), *n))),
            ),
        }
    }

    /// Memory held, for the search index's account of itself.
    pub fn heap_bytes(&self) -> usize {
        self.repertoire.capacity() * std::mem::size_of::<Repertoire>()
            + 2 * self.level.capacity()
            + self.active.capacity()
            + self.nsf.heap_bytes()
            + self.rome.heap_bytes()
            + self.certifier.heap_bytes()
            + 4 * self.spelling.capacity()
            + names_bytes(&self.spellings)
    }
}

/// Most fiches first, then by name (as `FacetCounts::compute` orders them).
pub(super) fn most_first(pairs: impl Iterator<Item = (String, usize)>) -> Vec<(String, usize)> {
    let mut pairs: Vec<_> = pairs.collect();
    pairs.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Repertoire;
    use crate::model::facets::Facets;
    use crate::model::summary::CertifierRef;

    /// The facets' tests' fiche with these codes and certifiers.
    fn fiche(
        repertoire: Repertoire,
        digits: &str,
        level: Option<u8>,
        active: Option<bool>,
        nsf: &[&str],
        rome: &[&str],
        certifiers: &[(&str, Option<&str>)],
    ) -> FicheSummary {
        let mut fiche = crate::model::facets::tests::fiche(repertoire, digits, level, active);
        fiche.nsf = nsf.iter().map(|c| c.to_string()).collect();
        fiche.rome = rome.iter().map(|c| c.to_string()).collect();
        fiche.certifiers = certifiers
            .iter()
            .map(|(name, siret)| CertifierRef::new(name, *siret))
            .collect();
        fiche
    }

    /// Repeated codes within a fiche, one certifier spelled two ways (and
    /// twice in one fiche), fiches without level, state or codes.
    fn sample() -> Vec<FicheSummary> {
        use Repertoire::{Rncp, Rs};
        let lille = ("Université de Lille", Some("19593560000013"));
        let lille_caps = ("UNIVERSITE DE LILLE", Some("19593560000021"));
        let cnam = ("Conservatoire national des arts et métiers", None);
        vec![
            fiche(
                Rncp,
                "1",
                Some(7),
                Some(true),
                &["313", "310"],
                &["M1805"],
                &[lille],
            ),
            fiche(
                Rncp,
                "2",
                Some(6),
                Some(false),
                &["310", "310"],
                &["M1802", "M1805"],
                &[lille_caps, lille],
            ),
            fiche(Rncp, "3", Some(7), None, &["326"], &[], &[cnam, lille]),
            fiche(Rs, "4", None, Some(true), &[], &["K2111"], &[cnam]),
            fiche(Rs, "5", None, Some(false), &["313"], &["M1805"], &[]),
            fiche(
                Rncp,
                "6",
                Some(5),
                Some(true),
                &["31"],
                &["m1899"],
                &[lille_caps],
            ),
            fiche(
                Rncp,
                "7",
                Some(7),
                Some(true),
                &["330"],
                &["M1805"],
                &[cnam, cnam],
            ),
        ]
    }

    fn choices() -> Vec<Facets> {
        let all = Facets {
            include_inactive: true,
            ..Facets::default()
        };
        vec![
            Facets::default(),
            all.clone(),
            Facets {
                level: Some(7),
                ..Facets::default()
            },
            Facets {
                repertoire: Some(Repertoire::Rs),
                ..all.clone()
            },
            Facets {
                nsf: Some("31".into()),
                ..Facets::default()
            },
            Facets {
                nsf: Some("31".into()),
                ..all.clone()
            },
            Facets {
                rome: Some("m18".into()),
                level: Some(7),
                ..all.clone()
            },
            Facets {
                certifier: Some("universite de".into()),
                ..Facets::default()
            },
            Facets {
                certifier: Some("lille".into()),
                ..all.clone()
            },
            Facets {
                certifier: Some("195 935 600".into()),
                ..all.clone()
            },
            Facets {
                nsf: Some("3".into()),
                rome: Some("M1805".into()),
                certifier: Some("conservatoire".into()),
                repertoire: Some(Repertoire::Rncp),
                level: Some(6),
                include_inactive: false,
            },
        ]
    }

    #[test]
    fn counts_equal_the_reference_for_every_choice_and_subset() {
        let fiches = sample();
        let table = FacetTable::new(&fiches);
        assert_eq!(table.len(), fiches.len());
        let subsets: [&[usize]; 5] = [&[0, 1, 2, 3, 4, 5, 6], &[1, 2], &[0, 2, 5], &[3, 4, 6], &[]];
        for facets in choices() {
            let filter = FacetFilter::new(&facets);
            let verdicts = Verdicts::new(&filter, &fiches);
            for subset in subsets {
                let fast = table.counts(&verdicts, subset.iter().copied());
                let reference = FacetCounts::compute(&filter, subset.iter().map(|&f| &fiches[f]));
                assert_eq!(fast, reference, "{facets:?} over {subset:?}");
            }
        }
    }

    #[test]
    fn a_certifier_is_spelled_as_in_the_first_fiche_counted() {
        let fiches = sample();
        let table = FacetTable::new(&fiches);
        let all = FacetFilter::new(&Facets {
            include_inactive: true,
            ..Facets::default()
        });
        let verdicts = Verdicts::new(&all, &fiches);
        let spelled = |subset: &[usize]| {
            let counts = table.counts(&verdicts, subset.iter().copied());
            counts
                .certifier
                .into_iter()
                .find(|(name, _)| name.to_lowercase().contains("lille"))
        };
        assert_eq!(
            spelled(&[0, 1, 2, 5]),
            Some(("Université de Lille".into(), 4))
        );
        assert_eq!(spelled(&[1, 2]), Some(("UNIVERSITE DE LILLE".into(), 2)));
        assert_eq!(spelled(&[3, 4]), None, "none counted: not listed");
    }

    #[test]
    fn verdicts_say_who_passes() {
        let fiches = sample();
        let verdicts = Verdicts::new(&FacetFilter::new(&Facets::default()), &fiches);
        let passing: Vec<usize> = (0..verdicts.len())
            .filter(|&f| verdicts.passes(f))
            .collect();
        assert_eq!(passing, [0, 2, 3, 5, 6], "inactive ones hidden by default");
    }
}
