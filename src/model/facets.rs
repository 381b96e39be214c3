//! Facets: narrowing a catalogue's fiches by répertoire, level, validity,
//! NSF, ROME and certifier, and counting, for each facet, how many fiches
//! each of its values would give. Shared by the fiche list, the search and
//! the `list` / `search` commands.
//!
//! Counts follow the usual rule of faceted search: a facet's counts apply
//! every *other* facet, so that picking a level shows how many fiches each
//! other level would give instead of zeros.

use std::collections::HashMap;

use super::facet_table::most_first;
use super::normalize::fold_str;
use super::numero::Repertoire;
use super::summary::FicheSummary;

/// The facets a user can set. The default keeps active fiches of every kind.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Facets {
    pub repertoire: Option<Repertoire>,
    /// A European level, 1..=8.
    pub level: Option<u8>,
    /// Keep inactive fiches too. Fiches whose state is unknown (a RON fiche
    /// the export does not list) are always kept: unknown is not inactive.
    pub include_inactive: bool,
    /// An NSF code or its beginning ("31" keeps 310, 312, 313…).
    pub nsf: Option<String>,
    /// A ROME code or its beginning ("M18" keeps M1801…M1899).
    pub rome: Option<String>,
    /// Part of a certifier's name (accents and case aside), or the start of
    /// its SIRET (a SIREN is the first nine digits).
    pub certifier: Option<String>,
}

/// One facet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Dimension {
    Repertoire,
    Level,
    Active,
    Nsf,
    Rome,
    Certifier,
}

impl Dimension {
    pub const ALL: [Dimension; 6] = [
        Dimension::Repertoire,
        Dimension::Level,
        Dimension::Active,
        Dimension::Nsf,
        Dimension::Rome,
        Dimension::Certifier,
    ];
}

/// A compiled [`Facets`]: text folded once, not once per fiche.
#[derive(Debug, Clone)]
pub struct FacetFilter {
    facets: Facets,
    nsf: Option<String>,
    rome: Option<String>,
    certifier_name: Option<String>,
    certifier_digits: Option<String>,
}

impl FacetFilter {
    pub fn new(facets: &Facets) -> FacetFilter {
        let upper = |v: &Option<String>| {
            v.as_deref()
                .map(str::trim)
                .filter(|v| !v.is_empty())
                .map(str::to_uppercase)
        };
        let certifier = facets
            .certifier
            .as_deref()
            .map(str::trim)
            .filter(|v| !v.is_empty());
        let digits: Option<String> = certifier
            .map(|c| c.chars().filter(|c| !c.is_whitespace()).collect::<String>())
            .filter(|c| c.chars().all(|c| c.is_ascii_digit()));
        FacetFilter {
            facets: facets.clone(),
            nsf: upper(&facets.nsf),
            rome: upper(&facets.rome),
            certifier_name: certifier.filter(|_| digits.is_none()).map(fold_str),
            certifier_digits: digits,
        }
    }

    pub fn facets(&self) -> &Facets {
        &self.facets
    }

    /// Whether `fiche` passes every facet.
    pub fn accepts(&self, fiche: &FicheSummary) -> bool {
        Dimension::ALL.iter().all(|d| self.accepts_on(*d, fiche))
    }

    /// Whether `fiche` passes facet `dimension` (the others aside).
    pub fn accepts_on(&self, dimension: Dimension, fiche: &FicheSummary) -> bool {
        match dimension {
            Dimension::Repertoire => self
                .facets
                .repertoire
                .is_none_or(|r| fiche.numero.repertoire == r),
            Dimension::Level => self.facets.level.is_none_or(|l| fiche.level == Some(l)),
            Dimension::Active => self.facets.include_inactive || fiche.active != Some(false),
            Dimension::Nsf => self.nsf.as_deref().is_none_or(|prefix| {
                fiche
                    .nsf
                    .iter()
                    .any(|code| code.to_uppercase().starts_with(prefix))
            }),
            Dimension::Rome => self.rome.as_deref().is_none_or(|prefix| {
                fiche
                    .rome
                    .iter()
                    .any(|code| code.to_uppercase().starts_with(prefix))
            }),
            Dimension::Certifier => {
                if let Some(digits) = &self.certifier_digits {
                    fiche
                        .certifiers
                        .iter()
                        .any(|c| c.siret.as_deref().is_some_and(|s| s.starts_with(digits)))
                } else if let Some(name) = &self.certifier_name {
                    fiche.certifiers.iter().any(|c| c.folded.contains(name))
                } else {
                    true
                }
            }
        }
    }

    /// The one facet `fiche` fails, `Ok(None)` when it passes them all, `Err`
    /// when it fails two or more (it then counts nowhere).
    pub(super) fn failing(&self, fiche: &FicheSummary) -> Result<Option<Dimension>, ()> {
        let mut failed = None;
        for dimension in Dimension::ALL {
            if !self.accepts_on(dimension, fiche) {
                if failed.is_some() {
                    return Err(());
                }
                failed = Some(dimension);
            }
        }
        Ok(failed)
    }
}

/// How many fiches answer the current query on each value of each facet.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FacetCounts {
    /// Fiches passing every facet.
    pub total: usize,
    pub repertoire: Vec<(Repertoire, usize)>,
    /// By level, ascending; `None` (no level) last.
    pub level: Vec<(Option<u8>, usize)>,
    pub active: usize,
    pub inactive: usize,
    /// Neither: the fiche does not say.
    pub unknown_state: usize,
    /// By code, most fiches first.
    pub nsf: Vec<(String, usize)>,
    pub rome: Vec<(String, usize)>,
    /// By certifier name, most fiches first.
    pub certifier: Vec<(String, usize)>,
}

impl FacetCounts {
    /// Counts over `fiches` (those matching the query text, facets aside):
    /// the reference. Every keystroke uses `facet_table::FacetTable`, its
    /// equal from values numbered once (tests check they agree).
    pub fn compute<'a>(
        filter: &FacetFilter,
        fiches: impl IntoIterator<Item = &'a FicheSummary>,
    ) -> FacetCounts {
        let mut counts = Tally::default();
        for fiche in fiches {
            match filter.failing(fiche) {
                Ok(None) => {
                    counts.total += 1;
                    for dimension in Dimension::ALL {
                        counts.add(dimension, fiche);
                    }
                }
                Ok(Some(dimension)) => counts.add(dimension, fiche),
                Err(()) => {}
            }
        }
        counts.finish()
    }

    /// The count shown beside `repertoire`.
    pub fn of_repertoire(&self, repertoire: Repertoire) -> usize {
        lookup(&self.repertoire, &repertoire)
    }

    /// The count shown beside `level`.
    pub fn of_level(&self, level: Option<u8>) -> usize {
        lookup(&self.level, &level)
    }
}

fn lookup<K: PartialEq>(pairs: &[(K, usize)], key: &K) -> usize {
    pairs.iter().find(|(k, _)| k == key).map_or(0, |(_, n)| *n)
}

#[derive(Default)]
struct Tally<'a> {
    total: usize,
    repertoire: HashMap<Repertoire, usize>,
    level: HashMap<Option<u8>, usize>,
    active: usize,
    inactive: usize,
    unknown_state: usize,
    nsf: HashMap<&'a str, usize>,
    rome: HashMap<&'a str, usize>,
    certifier: HashMap<&'a str, (usize, &'a str)>,
}

impl<'a> Tally<'a> {
    fn add(&mut self, dimension: Dimension, fiche: &'a FicheSummary) {
        match dimension {
            Dimension::Repertoire => {
                *self.repertoire.entry(fiche.numero.repertoire).or_default() += 1
            }
            Dimension::Level => *self.level.entry(fiche.level).or_default() += 1,
            Dimension::Active => match fiche.active {
                Some(true) => self.active += 1,
                Some(false) => self.inactive += 1,
                None => self.unknown_state += 1,
            },
            Dimension::Nsf => count_distinct(&mut self.nsf, fiche.nsf.iter().map(String::as_str)),
            Dimension::Rome => {
                count_distinct(&mut self.rome, fiche.rome.iter().map(String::as_str))
            }
            Dimension::Certifier => {
                let mut seen: Vec<&str> = Vec::new();
                for c in &fiche.certifiers {
                    if !seen.contains(&c.folded.as_str()) {
                        seen.push(&c.folded);
                        self.certifier.entry(&c.folded).or_insert((0, &c.name)).0 += 1;
                    }
                }
            }
        }
    }

    fn finish(self) -> FacetCounts {
        let mut repertoire: Vec<_> = self.repertoire.into_iter().collect();
        repertoire.sort();
        let mut level: Vec<_> = self.level.into_iter().collect();
        level.sort_by_key(|(l, _)| (l.is_none(), *l));
        FacetCounts {
            total: self.total,
            repertoire,
            level,
            active: self.active,
            inactive: self.inactive,
            unknown_state: self.unknown_state,
            nsf: most_first(self.nsf.into_iter().map(|(k, n)| (k.to_string(), n))),
            rome: most_first(self.rome.into_iter().map(|(k, n)| (k.to_string(), n))),
            certifier: most_first(
                self.certifier
                    .into_values()
                    .map(|(n, name)| (name.to_string(), n)),
            ),
        }
    }
}

fn count_distinct<'a>(map: &mut HashMap<&'a str, usize>, codes: impl Iterator<Item = &'a str>) {
    let mut seen: Vec<&str> = Vec::new();
    for code in codes {
        if !seen.contains(&code) {
            seen.push(code);
            *map.entry(code).or_default() += 1;
        }
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::model::Numero;
    use crate::model::summary::CertifierRef;

    pub(in crate::model) fn fiche(
        repertoire: Repertoire,
        digits: &str,
        level: Option<u8>,
        active: Option<bool>,
    ) -> FicheSummary {
        FicheSummary {
            numero: Numero::new(repertoire, digits),
            intitule: format!("Fiche {digits}"),
            abbreviation: None,
            level,
            active,
            end_of_registration: None,
            nsf: vec!["313".into(), "310".into()],
            rome: vec!["M1805".into()],
            certifiers: vec![CertifierRef::new(
                "Université de Lille",
                Some("19593560000013"),
            )],
        }
    }

    fn sample() -> Vec<FicheSummary> {
        let mut rs = fiche(Repertoire::Rs, "5000", None, Some(true));
        rs.nsf = vec!["326".into()];
        rs.rome = vec![];
        rs.certifiers = vec![CertifierRef::new("ÉCOLE Numérique", None)];
        vec![
            fiche(Repertoire::Rncp, "1", Some(7), Some(true)),
            fiche(Repertoire::Rncp, "2", Some(6), Some(false)),
            fiche(Repertoire::Rncp, "3", Some(7), None),
            rs,
        ]
    }

    fn kept(facets: &Facets) -> Vec<String> {
        let filter = FacetFilter::new(facets);
        sample()
            .iter()
            .filter(|f| filter.accepts(f))
            .map(|f| f.numero.to_string())
            .collect()
    }

    #[test]
    fn by_default_inactive_fiches_are_hidden_but_unknown_ones_kept() {
        assert_eq!(kept(&Facets::default()), ["RNCP1", "RNCP3", "RS5000"]);
        let all = Facets {
            include_inactive: true,
            ..Facets::default()
        };
        assert_eq!(kept(&all).len(), 4);
    }

    #[test]
    fn codes_match_by_prefix_and_certifiers_by_name_or_siret() {
        let nsf = Facets {
            nsf: Some("31".into()),
            ..Facets::default()
        };
        assert_eq!(kept(&nsf), ["RNCP1", "RNCP3"]);
        let rome = Facets {
            rome: Some("m18".into()),
            ..Facets::default()
        };
        assert_eq!(kept(&rome), ["RNCP1", "RNCP3"]);
        let name = Facets {
            certifier: Some("ecole numerique".into()),
            ..Facets::default()
        };
        assert_eq!(kept(&name), ["RS5000"]);
        let siren = Facets {
            certifier: Some("195 935 600".into()),
            ..Facets::default()
        };
        assert_eq!(kept(&siren), ["RNCP1", "RNCP3"]);
    }

    #[test]
    fn a_facets_counts_ignore_its_own_choice() {
        let facets = Facets {
            level: Some(7),
            ..Facets::default()
        };
        let all = sample();
        let counts = FacetCounts::compute(&FacetFilter::new(&facets), &all);
        assert_eq!(counts.total, 2);
        // Level 6 is inactive: hidden by the active facet, so not counted.
        assert_eq!(counts.level, vec![(Some(7), 2), (None, 1)]);
        assert_eq!(counts.of_repertoire(Repertoire::Rncp), 2);
        assert_eq!(counts.of_repertoire(Repertoire::Rs), 0);
        // RNCP2, the inactive one, is level 6: it fails two facets and counts nowhere.
        assert_eq!(
            (counts.active, counts.inactive, counts.unknown_state),
            (1, 0, 1)
        );
        assert_eq!(counts.nsf, vec![("310".into(), 2), ("313".into(), 2)]);
        assert_eq!(counts.certifier, vec![("Université de Lille".into(), 2)]);
    }

    #[test]
    fn the_active_facet_counts_the_inactive_fiches_it_hides() {
        let all = sample();
        let counts = FacetCounts::compute(&FacetFilter::new(&Facets::default()), &all);
        assert_eq!(counts.total, 3);
        assert_eq!(
            (counts.active, counts.inactive, counts.unknown_state),
            (2, 1, 1)
        );
        assert_eq!(counts.of_level(Some(6)), 0, "hidden by the active facet");
    }
}
