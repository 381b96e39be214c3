//! From a query's matching items to its answer: the facets applied, their
//! counts, and either the ranked items or the ranked certifications.

use std::cmp::Ordering;

use super::engine::{CertHit, Hit, Results, Scored};
use super::index::SearchIndex;
use super::lookup::Named;
use super::query::{Mode, Query};
use crate::model::FicheId;
use crate::model::facets::{FacetCounts, FacetFilter};

/// Score of a fiche a query names (number, ROME code): above any text match.
const NAMED_SCORE: u32 = 1 << 30;
/// Score of an item a query names, in item mode.
const NAMED_ITEM_SCORE: i64 = 1 << 30;

impl SearchIndex {
    /// The answer to `query` given its text matches (`matches`, any order,
    /// facets not yet applied).
    pub(crate) fn answer(&self, query: &Query, matches: &[Scored]) -> Results {
        let filter = FacetFilter::new(&query.facets);
        let accepted: Vec<bool> = self
            .fiches
            .iter()
            .map(|f| filter.accepts(&f.summary))
            .collect();
        let named = self.named(query);
        if query.is_empty() && named.is_empty() {
            let mut results = match query.mode {
                Mode::Items => self.listing(query, &accepted),
                Mode::Certifications => Results::default(),
            };
            // Nothing typed: every fiche answers, as far as facets go.
            results.counts = FacetCounts::compute(&filter, self.fiches.iter().map(|f| &f.summary));
            return results;
        }
        let mut answering = vec![false; self.fiches.len()];
        for m in matches {
            answering[self.entries[m.id as usize].fiche.index()] = true;
        }
        for n in &named {
            answering[n.fiche.index()] = true;
        }
        let counts = FacetCounts::compute(
            &filter,
            self.fiches
                .iter()
                .zip(&answering)
                .filter(|(_, a)| **a)
                .map(|(f, _)| &f.summary),
        );
        let ok = |fiche: FicheId| accepted[fiche.index()];
        let mut results = match query.mode {
            Mode::Items => {
                let mut hits: Vec<Hit> = named
                    .iter()
                    .filter(|n| ok(n.fiche))
                    .map(|n| Hit {
                        id: n.entry,
                        score: NAMED_ITEM_SCORE,
                    })
                    .collect();
                hits.extend(
                    matches
                        .iter()
                        .filter(|m| ok(self.entries[m.id as usize].fiche))
                        .filter(|m| !named.iter().any(|n| n.entry == m.id))
                        .map(Scored::hit),
                );
                self.rank(hits, query.limit)
            }
            Mode::Certifications => self.certifications(query, matches, &named, &accepted),
        };
        results.counts = counts;
        results
    }

    /// One row per accepted fiche with a match: its best item weighted by
    /// kind, plus a little for every other matching item.
    fn certifications(
        &self,
        query: &Query,
        matches: &[Scored],
        named: &[Named],
        accepted: &[bool],
    ) -> Results {
        // Per fiche: (score, best entry), score 0 meaning no row yet.
        let mut rows: Vec<(u32, u32, u32)> = vec![(0, 0, 0); self.fiches.len()];
        for m in matches {
            let entry = &self.entries[m.id as usize];
            let f = entry.fiche.index();
            if !accepted[f] {
                continue;
            }
            let weighted =
                u32::try_from(m.score.max(1)).unwrap_or(u32::MAX / 64) * entry.kind.weight();
            let row = &mut rows[f];
            if row.0 == 0 || weighted > row.0 || (weighted == row.0 && self.better(m.id, row.1)) {
                row.0 = weighted;
                row.1 = m.id;
            }
            row.2 += 1;
        }
        let mut certs: Vec<CertHit> = rows
            .iter()
            .enumerate()
            .filter(|(_, r)| r.0 > 0)
            .map(|(f, &(best, entry, count))| CertHit {
                fiche: self.fiches[f].id,
                score: best.saturating_add(count.min(32)),
                best: entry,
            })
            .collect();
        for n in named {
            if !accepted[n.fiche.index()] {
                continue;
            }
            let hit = CertHit {
                fiche: n.fiche,
                score: NAMED_SCORE,
                best: n.entry,
            };
            match certs.iter_mut().find(|c| c.fiche == n.fiche) {
                Some(c) => c.score = c.score.saturating_add(NAMED_SCORE),
                None => certs.push(hit),
            }
        }
        let total = certs.len();
        let order = |a: &CertHit, b: &CertHit| self.compare_certs(a, b);
        match query.limit {
            Some(limit) if limit < certs.len() => {
                if limit == 0 {
                    certs.clear();
                } else {
                    certs.select_nth_unstable_by(limit - 1, order);
                    certs.truncate(limit);
                    certs.sort_unstable_by(order);
                }
            }
            _ => certs.sort_unstable_by(order),
        }
        Results {
            certifications: certs,
            fiche_total: total,
            ..Results::default()
        }
    }

    /// Whether entry `a` is a better representative of its fiche than `b`
    /// on an equal weighted score: higher kind priority, then shorter.
    fn better(&self, a: u32, b: u32) -> bool {
        let key = |id: u32| {
            (
                self.entries[id as usize].kind.priority(),
                self.lengths[id as usize],
                id,
            )
        };
        key(a) < key(b)
    }

    /// Certifications best first; ties: the best item's kind, then fiche order.
    fn compare_certs(&self, a: &CertHit, b: &CertHit) -> Ordering {
        b.score.cmp(&a.score).then_with(|| {
            let key = |c: &CertHit| {
                (
                    self.entries[c.best as usize].kind.priority(),
                    self.lengths[c.best as usize],
                    c.fiche,
                )
            };
            key(a).cmp(&key(b))
        })
    }
}
