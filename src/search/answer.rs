//! From a query's word scores to its answer: the facets applied, their
//! counts, and either the ranked items or the ranked certifications.

use super::engine::{CertHit, Hit, Results};
use super::index::SearchIndex;
use super::index::meta_fiche;
use super::query::{Mode, Query};
use super::score::WordScores;
use crate::model::facet_table::Verdicts;
use crate::model::normalize::fold_str;

/// Score of a fiche a number names: above any text match.
const NAMED_SCORE: u32 = 1 << 30;

impl SearchIndex {
    /// The answer to `query` given its words' scores (`words`, one per
    /// query group, in order) and the facets' verdict on each fiche
    /// on each fiche.
    pub(crate) fn answer(
        &self,
        query: &Query,
        words: &[&WordScores],
        verdicts: &Verdicts,
    ) -> Results {
        let accepted: Vec<bool> = (0..verdicts.len()).map(|f| verdicts.passes(f)).collect();
        let accepted = accepted.as_slice();
        let named = self.named(query);
        let mut answering = vec![false; self.fiches.len()];
        for n in &named {
            answering[n.fiche.index()] = true;
        }
        let mut results = if words.is_empty() && named.is_empty() {
            // Nothing typed: every fiche answers, as far as facets go.
            answering.fill(true);
            match query.mode {
                Mode::Items => self.listing(query, accepted),
                Mode::Certifications => Results::default(),
            }
        } else {
            match query.mode {
                Mode::Items => self.item_results(query, words, accepted, &named, &mut answering),
                Mode::Certifications => {
                    self.cert_results(query, words, accepted, &named, &mut answering)
                }
            }
        };
        results.counts = self
            .facet_table
            .counts(verdicts, (0..answering.len()).filter(|&f| answering[f]));
        results
    }

    fn item_results(
        &self,
        query: &Query,
        words: &[&WordScores],
        accepted: &[bool],
        named: &[super::lookup::Named],
        answering: &mut [bool],
    ) -> Results {
        let named: Vec<Hit> = named
            .iter()
            .filter(|n| accepted[n.fiche.index()] && query.filter.accepts(self.kind(n.entry)))
            .map(|n| Hit {
                id: n.entry,
                score: i64::from(NAMED_SCORE),
            })
            .collect();
        let mut keys = Vec::new();
        if !words.is_empty() {
            let fiches = self.fiches.len();
            let pieces = self.fold_matches(
                words,
                query.filter,
                || (Vec::new(), vec![false; fiches]),
                |(keys, answering): &mut (Vec<u64>, Vec<bool>), e, meta, score| {
                    let f = meta_fiche(meta);
                    answering[f] = true;
                    if accepted[f] && !named.iter().any(|n| n.id == e) {
                        keys.push(self.hit_key(e, meta, score));
                    }
                },
            );
            for (piece, marks) in pieces {
                keys.extend(piece);
                for (a, m) in answering.iter_mut().zip(marks) {
                    *a |= m;
                }
            }
        }
        let total = named.len() + keys.len();
        let rest = query.limit.map(|l| l.saturating_sub(named.len()));
        let mut ranked = named;
        ranked.extend(self.best_hits(keys, rest));
        ranked.truncate(query.limit.unwrap_or(usize::MAX));
        Results {
            hits: ranked,
            total,
            ..Results::default()
        }
    }

    fn cert_results(
        &self,
        query: &Query,
        words: &[&WordScores],
        accepted: &[bool],
        named: &[super::lookup::Named],
        answering: &mut [bool],
    ) -> Results {
        let (mut scores, partial) = if words.is_empty() {
            (vec![0; self.fiches.len()], false)
        } else {
            let s = self.fiche_scores(words, query.filter);
            (s.score, s.partial)
        };
        for n in named {
            scores[n.fiche.index()] += NAMED_SCORE;
        }
        let candidates: Vec<(u32, u32)> = scores
            .iter()
            .enumerate()
            .filter(|(f, s)| {
                if **s > 0 {
                    answering[*f] = true;
                }
                **s > 0 && accepted[*f]
            })
            .map(|(f, &s)| (s, f as u32))
            .collect();
        let total = candidates.len();
        let certifications = self
            .rank_fiches(candidates, query.limit)
            .into_iter()
            .filter_map(|(score, f)| {
                let f = f as usize;
                let best = match named.iter().find(|n| n.fiche.index() == f) {
                    // Named, and nothing in it matched the text.
                    Some(n) if score == NAMED_SCORE => n.entry,
                    _ => self.best_item(f, words, query.filter)?,
                };
                Some(CertHit {
                    fiche: self.fiches[f].id,
                    score,
                    best,
                })
            })
            .collect();
        Results {
            certifications,
            fiche_total: total,
            partial,
            ..Results::default()
        }
    }

    /// Every entry of the filter's kind in an accepted fiche,
    /// alphabetically (folded); nothing without a kind.
    pub(crate) fn listing(&self, query: &Query, accepted: &[bool]) -> Results {
        if query.filter == super::kind::Filter::All {
            return Results::default();
        }
        let mut keyed: Vec<(String, u32)> = (0..self.len() as u32)
            .filter(|&e| query.filter.accepts(self.kind(e)) && accepted[self.fiche_index(e)])
            .map(|e| (fold_str(self.text(e)), e))
            .collect();
        let total = keyed.len();
        super::items::select_best(&mut keyed, query.limit);
        Results {
            hits: keyed
                .into_iter()
                .map(|(_, id)| Hit { id, score: 0 })
                .collect(),
            total,
            ..Results::default()
        }
    }
}
