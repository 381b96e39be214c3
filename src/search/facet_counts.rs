//! Facet counts for every keystroke: `FacetCounts::compute`'s answer, from
//! the facet values of each fiche numbered once when the index is built
//! and the facets' verdict on each fiche worked out once per facet choice,
//! so that counting is adding to arrays (no hashing, no string compare).
//! A test checks it equals `FacetCounts::compute`.

use std::collections::HashMap;

use super::index::FicheEntry;
use super::index::build::FxBuild;
use super::store::{Reader, Writer};
use crate::model::facets::{Dimension, FacetCounts, FacetFilter};
use crate::model::{FicheSummary, Repertoire};

/// Each fiche's NSF codes, ROME codes and certifiers, numbered.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct FacetValues {
    nsf: Values,
    rome: Values,
    /// Numbered by folded name; `at` is the certifier's index in the
    /// fiche's `certifiers` (its first with that folded name), for its spelling.
    certifier: Values,
}

/// A CSR list of value numbers per fiche, each with an index into the
/// fiche's own list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Values {
    start: Vec<u32>,
    ids: Vec<(u32, u32)>,
    count: usize,
    /// Each number's key.
    names: Vec<String>,
}

impl Values {
    fn of(&self, f: usize) -> &[(u32, u32)] {
        &self.ids[self.start[f] as usize..self.start[f + 1] as usize]
    }
}

/// Numbers distinct keys, each fiche's values once, in fiche order.
#[derive(Default)]
struct Numbering {
    values: Values,
    by_key: HashMap<String, u32, FxBuild>,
}

impl Numbering {
    fn fiche<'a>(&mut self, keys: impl Iterator<Item = &'a str>) {
        self.values.start.push(self.values.ids.len() as u32);
        let from = self.values.ids.len();
        for (at, key) in keys.enumerate() {
            let next = self.by_key.len() as u32;
            let id = *self.by_key.entry(key.to_string()).or_insert(next);
            if !self.values.ids[from..].iter().any(|(i, _)| *i == id) {
                self.values.ids.push((id, at as u32));
            }
        }
    }

    fn finish(mut self) -> Values {
        self.values.start.push(self.values.ids.len() as u32);
        self.values.count = self.by_key.len();
        self.values.names = vec![String::new(); self.values.count];
        for (key, id) in self.by_key {
            self.values.names[id as usize] = key;
        }
        self.values
    }
}

impl FacetValues {
    pub(crate) fn new<'a>(summaries: impl Iterator<Item = &'a FicheSummary>) -> FacetValues {
        let (mut nsf, mut rome, mut certifier) = (
            Numbering::default(),
            Numbering::default(),
            Numbering::default(),
        );
        for s in summaries {
            nsf.fiche(s.nsf.iter().map(String::as_str));
            rome.fiche(s.rome.iter().map(String::as_str));
            certifier.fiche(s.certifiers.iter().map(|c| c.folded.as_str()));
        }
        FacetValues {
            nsf: nsf.finish(),
            rome: rome.finish(),
            certifier: certifier.finish(),
        }
    }

    pub(crate) fn write<W: std::io::Write>(&self, w: &mut Writer<W>) -> std::io::Result<()> {
        for v in [&self.nsf, &self.rome, &self.certifier] {
            w.u32s(&v.start)?;
            w.len(v.ids.len())?;
            for &(id, at) in &v.ids {
                w.u32(id)?;
                w.u32(at)?;
            }
            w.strings(&v.names)?;
        }
        Ok(())
    }

    pub(crate) fn read<R: std::io::Read>(r: &mut Reader<R>) -> std::io::Result<FacetValues> {
        let mut one = || -> std::io::Result<Values> {
            let start = r.u32s()?;
            let n = r.len()?;
            let mut ids = Vec::new();
            for _ in 0..n {
                ids.push((r.u32()?, r.u32()?));
            }
            let names = r.strings()?;
            Ok(Values {
                start,
                ids,
                count: names.len(),
                names,
            })
        };
        Ok(FacetValues {
            nsf: one()?,
            rome: one()?,
            certifier: one()?,
        })
    }

    /// Whether the numbers fit `fiches` (read back from disk, never trusted).
    pub(crate) fn fits(&self, fiches: &[FicheEntry]) -> bool {
        let lists: [(&Values, ListLen); 3] = [
            (&self.nsf, |s| s.nsf.len()),
            (&self.rome, |s| s.rome.len()),
            (&self.certifier, |s| s.certifiers.len()),
        ];
        lists.iter().all(|(v, len)| {
            v.start.len() == fiches.len() + 1
                && v.start.windows(2).all(|w| w[0] <= w[1])
                && v.start.last().is_some_and(|&e| e as usize == v.ids.len())
                && (0..fiches.len()).all(|f| {
                    v.of(f).iter().all(|&(id, at)| {
                        (id as usize) < v.count && (at as usize) < len(&fiches[f].summary)
                    })
                })
        })
    }

    pub(crate) fn heap_bytes(&self) -> usize {
        [&self.nsf, &self.rome, &self.certifier]
            .iter()
            .map(|v| {
                4 * v.start.capacity()
                    + 8 * v.ids.capacity()
                    + v.names.iter().map(|n| n.capacity() + 24).sum::<usize>()
            })
            .sum()
    }
}

/// How many values of a facet a fiche has.
type ListLen = fn(&FicheSummary) -> usize;

/// What the facets say of a fiche: it passes them all (`PASSES`), fails
/// exactly one (its `Dimension` position + 1), or fails several (`SEVERAL`:
/// it counts nowhere).
pub(crate) const PASSES: u8 = 0;
const SEVERAL: u8 = u8::MAX;

pub(crate) fn verdict(filter: &FacetFilter, fiche: &FicheSummary) -> u8 {
    let mut verdict = PASSES;
    for (i, dimension) in Dimension::ALL.iter().enumerate() {
        if !filter.accepts_on(*dimension, fiche) {
            if verdict != PASSES {
                return SEVERAL;
            }
            verdict = i as u8 + 1;
        }
    }
    verdict
}

fn position(dimension: Dimension) -> u8 {
    Dimension::ALL
        .iter()
        .position(|d| *d == dimension)
        .expect("a dimension") as u8
        + 1
}

/// `FacetCounts::compute` over the fiches `answering`, given each fiche's
/// `verdicts`.
pub(crate) fn count(
    values: &FacetValues,
    fiches: &[FicheEntry],
    verdicts: &[u8],
    answering: &[bool],
) -> FacetCounts {
    let mut repertoire = [0usize; 2];
    let mut level = [0usize; 257];
    let (mut active, mut inactive, mut unknown) = (0, 0, 0);
    let mut nsf = vec![0usize; values.nsf.count];
    let mut rome = vec![0usize; values.rome.count];
    let mut certifier = vec![0usize; values.certifier.count];
    // The spelling a certifier is shown with: that of the first fiche counted.
    let mut spelling: Vec<Option<(usize, u32)>> = vec![None; values.certifier.count];
    let mut total = 0;
    let (r, l, a, n, o, c) = (
        position(Dimension::Repertoire),
        position(Dimension::Level),
        position(Dimension::Active),
        position(Dimension::Nsf),
        position(Dimension::Rome),
        position(Dimension::Certifier),
    );
    for (f, fiche) in fiches.iter().enumerate() {
        let summary = &fiche.summary;
        let v = verdicts[f];
        if !answering[f] || v == SEVERAL {
            continue;
        }
        if v == PASSES {
            total += 1;
        }
        let on = |d: u8| v == PASSES || v == d;
        if on(r) {
            repertoire[usize::from(summary.numero.repertoire == Repertoire::Rs)] += 1;
        }
        if on(l) {
            level[summary.level.map_or(256, usize::from)] += 1;
        }
        if on(a) {
            match summary.active {
                Some(true) => active += 1,
                Some(false) => inactive += 1,
                None => unknown += 1,
            }
        }
        if on(n) {
            for (id, _) in values.nsf.of(f) {
                nsf[*id as usize] += 1;
            }
        }
        if on(o) {
            for (id, _) in values.rome.of(f) {
                rome[*id as usize] += 1;
            }
        }
        if on(c) {
            for &(id, at) in values.certifier.of(f) {
                certifier[id as usize] += 1;
                spelling[id as usize].get_or_insert((f, at));
            }
        }
    }
    let named = |vals: &Values, counts: &[usize]| {
        most_first(
            counts
                .iter()
                .enumerate()
                .filter(|(_, n)| **n > 0)
                .map(|(id, n)| (vals.names[id].clone(), *n)),
        )
    };
    FacetCounts {
        total,
        repertoire: [Repertoire::Rncp, Repertoire::Rs]
            .into_iter()
            .zip(repertoire)
            .filter(|(_, n)| *n > 0)
            .collect(),
        level: (0..256)
            .map(|l| (Some(l as u8), level[l]))
            .chain(std::iter::once((None, level[256])))
            .filter(|(_, n)| *n > 0)
            .collect(),
        active,
        inactive,
        unknown_state: unknown,
        nsf: named(&values.nsf, &nsf),
        rome: named(&values.rome, &rome),
        certifier: most_first(spelling.iter().enumerate().filter_map(|(id, at)| {
            at.map(|(f, at)| {
                let name = fiches[f].summary.certifiers[at as usize].name.clone();
                (name, certifier[id])
            })
        })),
    }
}

/// Most fiches first, then by name (as `FacetCounts::compute` orders them).
fn most_first(pairs: impl Iterator<Item = (String, usize)>) -> Vec<(String, usize)> {
    let mut pairs: Vec<_> = pairs.collect();
    pairs.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    pairs
}
